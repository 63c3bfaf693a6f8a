"""Suggestions for an unknown word: candidates within two edits, ranked best first.

Candidates come from the known-misspellings list (codespell), from every single edit of
the word (a letter dropped, added, changed, or two swapped) that is a word, and, when
those give nothing frequent, from two edits (against the frequent words only). They are
ranked by a noisy-channel score: the word's frequency (Zipf scale) minus the cost of the
edits, where a key hit beside the intended one, a doubled or dropped double letter and a
swap cost less than an arbitrary change (keyboard slips are the commonest typos).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from newslint.rules.spelling.lexicon import Lexicon, known_misspellings, lexicon

LETTERS = "abcdefghijklmnopqrstuvwxyz"
VOWELS = frozenset("aeiouy")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {}
    for r, row in enumerate(_ROWS):
        for c, ch in enumerate(row):
            s = near.setdefault(ch, set())
            s.update(row[i] for i in (c - 1, c + 1) if 0 <= i < len(row))
            for rr in (r - 1, r + 1):
                if 0 <= rr < len(_ROWS):
                    s.update(_ROWS[rr][i] for i in (c - 1, c, c + 1) if 0 <= i < len(_ROWS[rr]))
    return {k: frozenset(v) for k, v in near.items()}


NEAR = _neighbours()
# Letters often confused by sound (not by the keyboard).
SOUND = {frozenset(p) for p in ("ck", "cs", "sz", "gj", "fv", "ph", "mn", "dt", "bp", "kq", "xz")}

# Costs of single edits, in Zipf units (one unit = ten times less frequent).
SWAP = 1.1
NEAR_SUB = 1.3
VOWEL_SUB = 1.5
SOUND_SUB = 1.6
OTHER_SUB = 2.4
DOUBLE_INS = 1.0  # "spoeed" has an extra letter beside its twin: "ll" for "l"
NEAR_INS = 1.2  # an extra letter next to one of its neighbours on the keyboard
OTHER_INS = 2.2
VOWEL_INS = 1.8
DOUBLE_DEL = 1.0  # "acomodate": one of a double letter dropped
VOWEL_DEL = 1.6
OTHER_DEL = 1.9
SPLIT = 5.0  # a run-together pair: "inwhich" -> "in which"
LAST_LETTER = 1.0  # extra cost of an extra letter at the end of the typo ("broadr" is "broader")
FIRST_LETTER = 1.0  # extra cost of an edit to the first letter (rarely where typos are)
FREQ_WEIGHT = 0.7  # weight of the candidate's frequency against the edit cost
KNOWN_BONUS = 4.0
SKELETON_BONUS = 0.5  # a candidate that sounds like the typo (same consonant skeleton)
MAX_EDITS2_LENGTH = 12  # longer unknown words are rarely two edits from a word  # a listed misspelling's own correction


def skeleton(word: str) -> str:
    """A rough sound key: the first letter, then the consonants without doubles, with
    letters that sound alike merged ("pheremones" and "pheromones": "pfrmns")."""
    w = word.replace("ph", "f").replace("ck", "k").replace("c", "k").replace("z", "s").replace("q", "k")
    out = [w[:1]]
    for ch in w[1:]:
        if ch in VOWELS or ch in "hw" or ch == out[-1][-1:]:
            continue
        out.append(ch)
    return "".join(out)


def _sub_cost(a: str, b: str) -> float:
    """Cost of typing ``a`` for ``b``."""
    if a in NEAR.get(b, ()):
        return NEAR_SUB
    if a in VOWELS and b in VOWELS:
        return VOWEL_SUB
    if frozenset((a, b)) in SOUND:
        return SOUND_SUB
    return OTHER_SUB


def _ins_cost(typo: str, i: int) -> float:
    """Cost of the extra letter ``typo[i]``."""
    ch = typo[i]
    prev = typo[i - 1] if i > 0 else ""
    nxt = typo[i + 1] if i + 1 < len(typo) else ""
    first = FIRST_LETTER if i == 0 else LAST_LETTER if i == len(typo) - 1 else 0.0
    if ch == prev or ch == nxt:
        return DOUBLE_INS + first
    near = NEAR.get(ch, ())
    if prev in near or nxt in near:
        return NEAR_INS + first
    if ch in VOWELS:
        return VOWEL_INS + first
    return OTHER_INS + first


def _del_cost(word: str, j: int) -> float:
    """Cost of leaving out ``word[j]``."""
    ch = word[j]
    first = FIRST_LETTER if j == 0 else 0.0
    if (j > 0 and word[j - 1] == ch) or (j + 1 < len(word) and word[j + 1] == ch):
        return DOUBLE_DEL + first
    if ch in VOWELS:
        return VOWEL_DEL + first
    return OTHER_DEL + first


# The cost of each letter typed for each letter meant, by letter typed, as met (a typo
# has a dozen letters, a candidate as many: _sub_cost, with its frozenset for the sound
# pairs, was called for most of the cells of every table).
_SUBS: dict[str, dict[str, float]] = {}
SUBS_LIMIT = 1024  # letters typed kept (a text in any script brings new ones)


def _subs_of(typed: str) -> dict[str, float]:
    """The costs of typing ``typed`` for each letter met so far (filled by the caller)."""
    got = _SUBS.get(typed)
    if got is None:
        if len(_SUBS) >= SUBS_LIMIT:
            _SUBS.clear()
        got = _SUBS[typed] = {}
    return got


# Letters typed beyond the diagonals between the two strings' starts and ends that the
# table works out (see :func:`channel_cost`).
BAND_SLACK = 2


@lru_cache(maxsize=8192)
def channel_cost(typo: str, word: str) -> float:
    """Weighted Damerau-Levenshtein (optimal string alignment) cost of ``word`` -> ``typo``
    (memoized: an archive repeats its misspellings, and this is the checker's costliest step).
    The costs of each extra and each missing letter are worked out once per row and column,
    not once per cell, and a changed letter's cost is looked up (:func:`_subs_of`).

    Only the cells near the diagonals are worked out first (:func:`_band_cost`), about half
    of a ten-letter table: an alignment that strays further holds enough extra and missing
    letters (each costs at least 1) to cost more than the answer the band gives; when it
    does not (two strings far apart), the whole table is worked out."""
    n, m = len(typo), len(word)
    ins, dels = _ins_costs(typo), _del_costs(word)
    best = _band_cost(typo, word, BAND_SLACK, ins, dels)
    if best <= abs(n - m) + 2 * BAND_SLACK + 2:
        return best
    return _table_cost(typo, word, ins, dels)


@lru_cache(maxsize=1024)
def _ins_costs(typo: str) -> tuple[float, ...]:
    """The cost of each letter of ``typo`` as an extra one (a typo is costed against each
    of its candidates: worked out once)."""
    return tuple(_ins_cost(typo, i) for i in range(len(typo)))


@lru_cache(maxsize=4096)
def _del_costs(word: str) -> tuple[float, ...]:
    """The cost of leaving out each letter of ``word`` (common candidates recur)."""
    return tuple(_del_cost(word, j) for j in range(len(word)))


def _band_cost(typo: str, word: str, slack: int, ins_costs: tuple[float, ...], dels: tuple[float, ...]) -> float:
    """The cost of the best alignment that keeps within ``slack`` diagonals of those between
    the strings' starts (i = j) and ends (i - j = len(typo) - len(word)).

    Each cell is worked out as in :func:`_table_cost`, with the same sums in the same order,
    and the cells outside the band are infinite: the answer is the cheapest alignment
    inside it, to the last bit. One that leaves it reaches a diagonal ``slack + 1`` beyond
    both, so it puts in or leaves out at least ``abs(len(typo) - len(word)) + 2 * slack + 2``
    letters, each at a cost of at least 1 (``DOUBLE_INS``, ``DOUBLE_DEL``): when the answer
    is no more than that, no alignment outside the band is cheaper, and it is the whole
    table's."""
    n, m = len(typo), len(word)
    kmin, kmax = min(0, n - m) - slack, max(0, n - m) + slack  # the band: kmin <= i - j <= kmax
    inf = float("inf")
    prev2: list[float] = []
    prev = [inf] * (m + 1)
    prev[0] = 0.0
    for j in range(1, min(m, -kmin) + 1):
        prev[j] = prev[j - 1] + dels[j - 1]
    for i in range(1, n + 1):
        ins_i = ins_costs[i - 1]
        cur = [inf] * (m + 1)
        if i <= kmax:
            cur[0] = prev[0] + ins_i
        ti = typo[i - 1]
        subs = _subs_of(ti)
        for j in range(max(1, i - kmax), min(m, i - kmin) + 1):
            wj = word[j - 1]
            if ti == wj:
                best = prev[j - 1]
            else:
                sub = subs.get(wj)
                if sub is None:
                    sub = subs[wj] = _sub_cost(ti, wj)
                best = prev[j - 1] + sub
                if j == 1:
                    best += FIRST_LETTER  # (added last, as the sum was always made)
            d = cur[j - 1] + dels[j - 1]
            if d < best:
                best = d
            ins = prev[j] + ins_i
            if ins < best:
                best = ins
            if i > 1 and j > 1 and ti == word[j - 2] and typo[i - 2] == wj and ti != wj:
                sw = prev2[j - 2] + SWAP
                if sw < best:
                    best = sw
            cur[j] = best
        prev2, prev = prev, cur
    return prev[m]


def _table_cost(typo: str, word: str, ins_costs: tuple[float, ...], dels: tuple[float, ...]) -> float:
    """:func:`channel_cost` from the whole table (``ins_costs``, ``dels``: as :func:`_ins_costs`
    and :func:`_del_costs` give them): the band of :func:`_band_cost` widened to hold every
    cell (each diagonal from ``-len(word)`` to ``len(typo)``)."""
    return _band_cost(typo, word, len(typo) + len(word), ins_costs, dels)


def edits1(word: str) -> dict[str, int]:
    """Every string one edit (delete, swap, change, insert) from ``word``, with the position
    where it first differs from ``word``."""
    out: dict[str, int] = {}
    n = len(word)
    for i in range(n + 1):
        a, b = word[:i], word[i:]
        if b:
            out.setdefault(a + b[1:], i)
            if len(b) > 1 and b[0] != b[1]:
                out.setdefault(a + b[1] + b[0] + b[2:], i)
            rest = b[1:]
            for c in LETTERS:
                out.setdefault(a + c + rest, i)
        for c in LETTERS:
            out.setdefault(a + c + b, i)
    out.pop(word, None)
    return out


def _edit_strings(word: str, children: Callable[[str], str | None] | None = None) -> list[str]:
    """The strings of :func:`edits1` in its order, with repeats and with ``word`` itself
    (a letter changed to itself): a list made by comprehensions, without a dict entry and
    a position for each of the ~500 strings. Callers that need neither the positions nor
    the repeats (the lexicon's set look-ups) build it in about two thirds of the time.

    With ``children`` (the trie's :meth:`~Lexicon.children`), only the strings that can be
    frequent words, in the same order: an edit at position i keeps ``word[:i]``, so it gives
    a frequent word only if that begins one, and a letter changed or put in there only if
    it is one of the prefix's children (a few dozen strings instead of ~500). Every
    frequent string is made at each place the full list makes it."""
    out: list[str] = []
    extend, append = out.extend, out.append
    letters: Iterable[str] = LETTERS
    for i in range(len(word) + 1):
        a, b = word[:i], word[i:]
        if children is not None:
            kids = children(a)
            if kids is None:
                break  # no frequent word begins with a: nor with any longer prefix
            letters = [c for c in kids if "a" <= c <= "z"]  # the children are sorted: LETTERS' order
        heads = [a + c for c in letters]  # each head serves a change and an insert
        if b:
            rest = b[1:]
            append(a + rest)
            if len(b) > 1 and b[0] != b[1]:
                append(a + b[1] + b[0] + b[2:])
            extend([h + rest for h in heads])
        extend([h + b for h in heads])
    return out


def _edits2_frequent(typo: str, e1: dict[str, int], lex: Lexicon) -> set[str]:
    """Frequent lower-case words two edits away. The second edit is made after the first
    (so each pair is tried about once; two edits at one spot are mostly one edit), walking a trie of the frequent words: an edit at
    position i can only give a word if the first i letters begin one, and only letters
    that continue that prefix are tried.

    Every string of ``e1`` (``edits1(typo)``) whose first edit is at ``start`` begins with
    ``typo[:start]``; its walk begins with the prefix ``typo[:start]`` + its next letter.
    That prefix begins a word only if the letter is among the children of ``typo[:start]``,
    asked once per position (most of the ~500 strings fail there) instead of once per
    string, each a search of the sorted words the first time.

    Along a string, ``e[:i + 1]`` begins a word exactly when ``e[i]`` is one of the
    children of ``e[:i]``, which the walk holds: a prefix that begins no word (most of
    them, one step past an edit) is never asked about, so never searched for in the
    sorted words (that search was half the walk's time for a new typo)."""
    words = lex.frequent_lower
    children = lex.children
    known = lex.children_memo().get  # children's answers, without a call for each known one
    found: set[str] = set()
    add = found.add
    # along[k]: the children of typo[:k], while typo[:k] begins a word ("" past the end).
    along: list[str] = []
    for k in range(len(typo) + 1):
        got = children(typo[:k])
        if got is None:
            break
        along.append(got)
    reach = len(along)  # a string first edited at or after here begins no word
    for e, start in e1.items():
        if start >= reach or start >= len(e) or e[start] not in along[start]:
            continue  # e[:start + 1] begins no word: the walk would stop at once
        n = len(e)
        i = start + 1
        while True:
            a = e[:i]
            nxt = known(a, "?")
            if nxt == "?":
                nxt = children(a)  # not None: a's last letter is a child of a[:-1]
            b = e[i:]
            if b:
                rest = b[1:]
                for c in nxt:
                    w = a + c
                    if w + b in words:
                        add(w + b)  # insert
                    if w + rest in words:
                        add(w + rest)  # change
                if a + rest in words:
                    add(a + rest)  # delete
                if len(b) > 1:
                    w = a + b[1] + b[0] + b[2:]  # swap
                    if w in words:
                        add(w)
            else:
                for c in nxt:
                    if a + c in words:
                        add(a + c)
                break
            if b[0] not in nxt:
                break  # e[:i + 1] begins no word
            i += 1
    return found


def _zipf(lex: Lexicon, word: str) -> float:
    if " " in word or "-" in word:
        parts = word.replace("-", " ").split()
        return min(max(lex.zipf(p), lex.zipf(p.lower())) for p in parts)
    return lex.zipf(word)


def suggest(typo: str, limit: int = 5) -> tuple[str, ...]:
    """Ranked corrections for a lower-case unknown word, best first (may be empty)."""
    return tuple(w for w, _ in scored(typo)[:limit])


@lru_cache(maxsize=4096)
def scored(typo: str, limit: int = 10) -> tuple[tuple[str, float], ...]:
    """The best corrections of a lower-case unknown word with their noisy-channel scores
    (the word's frequency less the cost of the edits; higher is better), best first."""
    lex = lexicon()
    scores: dict[str, float] = {}
    listed = known_misspellings().get(typo)
    if listed:
        for rank, fix in enumerate(listed.split(",")):
            scores[fix] = KNOWN_BONUS + _zipf(lex, fix) - rank * 0.5
    cands = lex.among(_edit_strings(typo), lower=True)
    cands.discard(typo)  # a listed misspelling may itself be a word: not its own correction
    # A capitalized name is a candidate only for a capitalized typo (handled by the caller).
    best1 = max((lex.zipf(w) for w in cands), default=-1.0)
    if best1 < 3.0 and 3 <= len(typo) <= MAX_EDITS2_LENGTH:
        cands |= _edits2_frequent(typo, edits1(typo), lex)  # the walk needs each string's first edit
    key = skeleton(typo)
    for w in cands:
        if w not in scores:
            scores[w] = FREQ_WEIGHT * lex.zipf(w) - channel_cost(typo, w) + (SKELETON_BONUS if skeleton(w) == key else 0.0)
    for i in range(1, len(typo)):
        a, b = typo[:i], typo[i:]
        if (len(a) > 1 or a in "ai") and len(b) > 1 and lex.zipf(a) >= 4 and lex.zipf(b) >= 4:
            w = f"{a} {b}"
            scores.setdefault(w, min(lex.zipf(a), lex.zipf(b)) - SPLIT)
    ranked = sorted(scores, key=lambda w: (-scores[w], w))
    return tuple((w, scores[w]) for w in ranked[:limit])


@lru_cache(maxsize=4096)
def frequent_edits1(word: str) -> tuple[str, ...]:
    """The frequent words one edit from ``word``, in the order of :func:`edits1`
    (memoized: several checks ask about the same unknown word). The frequent ones are
    picked from the strings in order, each kept at its first place, as in ``edits1``'s dict."""
    lex = lexicon()
    strings = _edit_strings(word, lex.children if lex.has_trie() else None)
    kept = dict.fromkeys(filter(lex.frequent_lower.__contains__, strings))
    kept.pop(word, None)
    return tuple(kept)


@lru_cache(maxsize=4096)
def best_slip_score(word: str) -> float:
    """The noisy-channel score of the best frequent word one edit from ``word`` (-inf if
    none): how strongly ``word`` reads as a slip of a common word ("memberhip" of
    "membership" scores 1.25, "unpatched" of "unmatched" -0.3)."""
    lex = lexicon()
    return max((FREQ_WEIGHT * lex.zipf(e) - channel_cost(word, e) for e in frequent_edits1(word)),
               default=float("-inf"))


def is_near_frequent(word: str, min_zipf: float, max_cost: float = 1.6) -> str | None:
    """A common word (Zipf >= ``min_zipf``) one cheap edit (a slip) from ``word``: used for
    a capitalized word at a sentence start, which is otherwise taken for a name."""
    lex = lexicon()
    best, best_z = None, -1.0
    for w in frequent_edits1(word):  # in edits1's order: ties go to the first
        z = lex.zipf(w)
        if z >= min_zipf and z > best_z and channel_cost(word, w) <= max_cost:
            best, best_z = w, z
    return best
