"""Suggestions against the plain algorithm they replaced (kept here as the oracle).

The two-edit search walks a trie of the frequent words (``Lexicon.children``), and the
checker asks the lexicon which strings are words. Each short cut there must give exactly
the candidates, scores and order of the plain reading below, on real misspellings (the
codespell list shipped with the rules) and on generated slips of common words.

Set NEWSLINT_ORACLE_WORDS to a file of words (the first column of a TSV, such as the
corpus's misspellings list) to compare on every word of it.
"""

from __future__ import annotations

import os
import random
from bisect import bisect_left

import pytest

from newslint.rules.spelling import suggest as S
from newslint.rules.spelling.lexicon import Lexicon, known_misspellings, lexicon


class OldTrie:
    """``Lexicon.children`` as it was: every word that starts with the prefix is read."""

    def __init__(self, lex: Lexicon) -> None:
        self.srt = sorted(lex.frequent_lower)
        self.cache: dict[str, str | None] = {}

    def children(self, prefix: str) -> str | None:
        got = self.cache.get(prefix, "?")
        if got != "?":
            return got
        srt = self.srt
        lo = bisect_left(srt, prefix)
        hi = bisect_left(srt, prefix + "\uffff", lo)
        if lo == hi:
            self.cache[prefix] = None
            return None
        n = len(prefix)
        found = "".join(sorted({w[n] for w in srt[lo:hi] if len(w) > n}))
        self.cache[prefix] = found
        return found


_OLD: list[OldTrie] = []


def old_trie() -> OldTrie:
    if not _OLD:
        _OLD.append(OldTrie(lexicon()))
    return _OLD[0]


def old_edits2_frequent(e1: dict[str, int]) -> set[str]:
    """The two-edit walk as it was."""
    words = lexicon().frequent_lower
    children = old_trie().children
    found: set[str] = set()
    add = found.add
    for e, start in e1.items():
        n = len(e)
        for i in range(start + 1, n + 1):
            a = e[:i]
            nxt = children(a)
            if nxt is None:
                break
            b = e[i:]
            if b:
                rest = b[1:]
                for c in nxt:
                    w = a + c
                    if w + b in words:
                        add(w + b)
                    if w + rest in words:
                        add(w + rest)
                if a + rest in words:
                    add(a + rest)
                if len(b) > 1:
                    w = a + b[1] + b[0] + b[2:]
                    if w in words:
                        add(w)
            else:
                for c in nxt:
                    if a + c in words:
                        add(a + c)
    return found


def old_scored(typo: str, limit: int = 10) -> tuple[tuple[str, float], ...]:
    """``suggest.scored`` as it was (plain membership tests, the old walk)."""
    lex = lexicon()
    scores: dict[str, float] = {}
    listed = known_misspellings().get(typo)
    if listed:
        for rank, fix in enumerate(listed.split(",")):
            scores[fix] = S.KNOWN_BONUS + S._zipf(lex, fix) - rank * 0.5
    e1 = S.edits1(typo)
    cands = {w for w in e1 if w in lex and not w[:1].isupper()}
    best1 = max((lex.zipf(w) for w in cands), default=-1.0)
    if best1 < 3.0 and 3 <= len(typo) <= S.MAX_EDITS2_LENGTH:
        cands |= old_edits2_frequent(e1)
    key = S.skeleton(typo)
    for w in cands:
        if w not in scores:
            scores[w] = S.FREQ_WEIGHT * lex.zipf(w) - S.channel_cost(typo, w) + (S.SKELETON_BONUS if S.skeleton(w) == key else 0.0)
    for i in range(1, len(typo)):
        a, b = typo[:i], typo[i:]
        if (len(a) > 1 or a in "ai") and len(b) > 1 and lex.zipf(a) >= 4 and lex.zipf(b) >= 4:
            scores.setdefault(f"{a} {b}", min(lex.zipf(a), lex.zipf(b)) - S.SPLIT)
    ranked = sorted(scores, key=lambda w: (-scores[w], w))
    return tuple((w, scores[w]) for w in ranked[:limit])


def _listed_typos(step: int) -> list[str]:
    """Every ``step``-th misspelling of the codespell list shipped with the rules."""
    table = known_misspellings()
    data = table._data[table._start :].decode("utf-8")
    typos = [ln.split("\t", 1)[0] for ln in data.split("\n") if ln]
    return typos[::step]


def _slips(count: int, seed: int = 18) -> list[str]:
    """Random one- and two-edit slips of frequent words (any length, some very short)."""
    rng = random.Random(seed)
    words = sorted(w for w in lexicon().frequent_lower if w.isalpha() and w.isascii())
    out = []
    for _ in range(count):
        w = rng.choice(words)
        for _ in range(rng.choice((1, 1, 2))):
            e1 = sorted(S.edits1(w))
            w = rng.choice(e1) if e1 else w
        out.append(w)
    return out


def _unknown(words: list[str]) -> list[str]:
    lex = lexicon()
    return [w for w in dict.fromkeys(words) if w and w.islower() and not lex.knows(w)]


def test_children_are_the_letters_after_the_prefix_in_the_frequent_words():
    lex, old = lexicon(), old_trie()
    prefixes = {""}
    for w in sorted(lex.frequent_lower)[::7]:
        prefixes.update(w[:k] for k in range(len(w) + 2))
        prefixes.add(w + "'")
    prefixes.update(["zzq", "é", "naïv", "caf", "o'", "qx", "\uffff", "a\uffff", "ab\U0001f600"])
    for p in sorted(prefixes):
        assert lex.children(p) == old.children(p), p


@pytest.mark.parametrize("order", ["parents first", "children first", "shuffled"])
def test_children_searched_within_the_parent_s_stretch_are_those_of_the_whole_list(order):
    """A prefix is searched for within the stretch of its parent when the parent was asked
    about first: on a fresh lexicon, in every order of asking, the answers are the whole
    list's (deep prefixes before their parents, parents before, and mixed)."""
    lex, old = lexicon.__wrapped__(), old_trie()
    assert not lex.has_trie()
    prefixes = {"", "z", "zz", "q", "qu", "quo", "o'", "o'c", "caf\u00e9", "\uffff", "a\uffff", "ab\U0001f600"}
    for typo in ("shochu", "orimulsion", "willmean", "politicial", "thay", "naïve", "o'clock", "xq"):
        for e in list(S.edits1(typo))[::3]:
            prefixes.update(e[:k] for k in range(len(e) + 1))
    asked = sorted(prefixes)
    if order == "children first":
        asked.reverse()
    elif order == "shuffled":
        random.Random(18).shuffle(asked)
    for p in asked:
        assert lex.children(p) == old.children(p), p
    for p in asked:  # and again, from the memo
        assert lex.children(p) == old.children(p), p


def test_the_children_of_a_word_that_is_also_a_prefix_leave_out_the_word_itself():
    lex = lexicon()
    assert lex.children("the") is not None and "y" in lex.children("the")  # "they", "then"
    assert lex.children("zzzzq") is None


TYPOS = _unknown(_listed_typos(97) + ["spoeed", "thay", "shochu", "willmean", "orimulsion", "accomodate",
                                      "reseach", "offically", "escalatroy", "abd", "xq", "qzx", "ofo"])


@pytest.mark.parametrize("typo", TYPOS[:: max(1, len(TYPOS) // 300)])
def test_scored_is_the_plain_algorithm_on_real_misspellings(typo):
    assert S.scored.__wrapped__(typo) == old_scored(typo)


@pytest.mark.parametrize("typo", _unknown(_slips(400))[:250])
def test_scored_is_the_plain_algorithm_on_slips_of_common_words(typo):
    assert S.scored.__wrapped__(typo) == old_scored(typo)


def test_the_two_edit_walk_finds_the_words_of_the_plain_walk():
    for typo in _unknown(_slips(300, seed=3))[:150] + TYPOS[:50]:
        e1 = S.edits1(typo)
        assert S._edits2_frequent(typo, e1, lexicon()) == old_edits2_frequent(e1), typo


def old_frequent_edits1(word: str) -> tuple[str, ...]:
    """``suggest.frequent_edits1`` as it was: the frequent strings of ``edits1``'s dict."""
    e1 = S.edits1(word)
    return tuple(w for w in e1 if w in lexicon().frequent_lower)


EDGE_WORDS = ["", "a", "aa", "ab", "naïve", "o'clock", "committe", "mississipi", "aaaa", "teh", "reseach"]


@pytest.mark.parametrize("word", EDGE_WORDS + TYPOS[:: max(1, len(TYPOS) // 60)])
def test_edit_strings_are_the_strings_of_edits1_in_its_order(word):
    got = dict.fromkeys(S._edit_strings(word))
    got.pop(word, None)
    assert list(got) == list(S.edits1(word))


@pytest.mark.parametrize("word", EDGE_WORDS + ["thier", "goverment", "recieve", "house", "the"]
                         + _unknown(_slips(200, seed=7))[:100])
def test_frequent_edits1_is_the_frequent_strings_of_edits1_in_order(word):
    assert S.frequent_edits1.__wrapped__(word) == old_frequent_edits1(word)


@pytest.mark.parametrize("word", EDGE_WORDS + ["thier", "goverment", "recieve", "house", "the", "Xhouse", "caf\u00e9s"]
                         + _unknown(_slips(200, seed=9))[:100])
def test_the_trie_s_edit_strings_keep_every_frequent_one_in_order(word):
    lex = lexicon()
    lex.children("")  # the trie: built as at the first two-edit search
    assert lex.has_trie()
    kept = dict.fromkeys(filter(lex.frequent_lower.__contains__, S._edit_strings(word, lex.children)))
    kept.pop(word, None)
    assert tuple(kept) == old_frequent_edits1(word)
    assert S.frequent_edits1.__wrapped__(word) == old_frequent_edits1(word)


def old_channel_cost(typo: str, word: str) -> float:
    """``suggest.channel_cost`` as it was: ``_sub_cost`` called for each changed letter."""
    n, m = len(typo), len(word)
    dels = [S._del_cost(word, j) for j in range(m)]
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + dels[j - 1]
    for i in range(1, n + 1):
        ins_i = S._ins_cost(typo, i - 1)
        cur = [prev[0] + ins_i] + [0.0] * m
        ti = typo[i - 1]
        for j in range(1, m + 1):
            wj = word[j - 1]
            best = prev[j - 1] if ti == wj else prev[j - 1] + S._sub_cost(ti, wj) + (S.FIRST_LETTER if j == 1 else 0.0)
            best = min(best, cur[j - 1] + dels[j - 1], prev[j] + ins_i)
            if i > 1 and j > 1 and ti == word[j - 2] and typo[i - 2] == wj and ti != wj:
                best = min(best, prev2[j - 2] + S.SWAP)
            cur[j] = best
        prev2, prev = prev, cur
    return prev[m]


def _pairs_to_cost() -> list[tuple[str, str]]:
    pairs = [("", ""), ("", "a"), ("a", ""), ("ab", "ba"), ("teh", "the"), ("caf\u00e9", "cafe"), ("na\u00efve", "naive"),
             ("acomodate", "accommodate"), ("spoeed", "speed"), ("xq", "qx"), ("\u0441at", "cat"), ("aaaa", "a"),
             ("leukoencephalopathy", "leukaemia"), ("willmean", "will mean"), ("a", "accommodation"),
             ("zzzzzzzzzz", "abcdefghij"), ("acomodate", "")]
    for typo in TYPOS[:: max(1, len(TYPOS) // 80)] + _unknown(_slips(120, seed=11)):
        pairs += [(typo, w) for w, _ in S.scored.__wrapped__(typo) if " " not in w]
    return pairs


def _near_and_far_pairs(count: int, seed: int) -> list[tuple[str, str]]:
    """Random pairs of strings: slips of one another (up to four edits: inside and at the
    edge of the band) and strings of any lengths (far apart: the whole table)."""
    rng = random.Random(seed)
    letters = "abcdeilnorst'\u00e9"
    out = []
    for _ in range(count):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 13)))
        b = a
        if rng.random() < 0.6:
            for _ in range(rng.randint(0, 4)):
                b = rng.choice(sorted(S.edits1(b))) if b else "x"
        else:
            b = "".join(rng.choice(letters) for _ in range(rng.randint(0, 13)))
        out.append((a, b))
    return out


def test_the_band_gives_the_whole_table_s_cost_or_hands_over_to_it():
    """The cells near the diagonals give the whole table's cost to the last bit whenever
    channel_cost takes their answer; the strings far apart go to the whole table."""
    handed_over = 0
    for typo, word in _near_and_far_pairs(4000, 18):
        whole = old_channel_cost(typo, word)
        assert S.channel_cost.__wrapped__(typo, word) == whole, (typo, word)
        for slack in (0, 1, S.BAND_SLACK):  # narrower bands: alignments at their edges are common
            band = S._band_cost(typo, word, slack, S._ins_costs(typo), S._del_costs(word))
            if band <= abs(len(typo) - len(word)) + 2 * slack + 2:
                assert band == whole, (typo, word, slack)
            elif slack == S.BAND_SLACK:
                handed_over += 1
    assert 200 < handed_over < 3000


def test_channel_cost_is_the_plain_table_to_the_last_bit():
    pairs = _pairs_to_cost()
    assert len(pairs) > 300
    for typo, word in pairs:
        assert S.channel_cost.__wrapped__(typo, word) == old_channel_cost(typo, word), (typo, word)


@pytest.mark.skipif(not os.environ.get("NEWSLINT_ORACLE_WORDS"), reason="set NEWSLINT_ORACLE_WORDS to a word list")
def test_scored_is_the_plain_algorithm_on_a_whole_list():
    with open(os.environ["NEWSLINT_ORACLE_WORDS"], encoding="utf-8") as fh:
        words = _unknown([ln.split("\t", 1)[0].strip() for ln in fh])
    bad = [w for w in words if S.scored.__wrapped__(w) != old_scored(w)]
    assert not bad, bad[:20]
