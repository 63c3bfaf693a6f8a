"""Which words of a document the spelling rules look at, and how.

Each word of ``doc.words`` is split at hyphens; possessives and contractions are taken
off (both apostrophe styles); numbers, URLs, e-mail addresses, handles and hashtags are
skipped; all-caps words and words with inner capitals are left alone. What remains is a
:class:`Token` whose ``kind`` says how to treat it:

* ``"word"``: lower case and no known word (a known one has no token: no rule reads it);
* ``"initial"``: capitalized at the start of a sentence (or after a quote or colon):
  checked in lower case, but it may be a name;
* ``"name"``: capitalized inside a sentence, or with letters English doesn't use: a name.

The result is computed once per document and shared through ``doc.cached``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import filterfalse
from typing import Any, NamedTuple

import regex

from newslint import patterns
from newslint import Document, Span
from newslint.document import find_all
from newslint.rules.spelling.lexicon import lexicon, variant_keys

# Text that is not prose: URLs, e-mail addresses, @handles and #hashtags, bare domains,
# HTML entities left in the text (and the word around them), letters lost to encoding
# damage ("G?ttingen"). Each pattern runs only in a window around each occurrence of a
# cheap anchor (literal strings, or a pattern): a full scan with some of them is slow.
NOT_PROSE = (
    (("://", "www."), patterns.compile(r"(?:https?://|www\.)[^\s<>\"”]+")),
    (("@",), patterns.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (("@", "#"), patterns.compile(r"(?<![\w@#])[@#][\p{L}\p{N}_]+")),
    (
        re.compile(r"\.(?:com|org|net|gov|edu|int|mil|info|biz|io|co|uk|us|eu|de|fr|ru|ua|au|ca|nz|ie|in|cn|jp|tv)\b"),
        patterns.compile(r"(?<![\w.])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|mil|info|biz|io|co|uk|us|eu|de|fr|ru|ua|au|ca|nz|ie|in|cn|jp|tv)\b(?:/\S*)?"),
    ),
    (("&",), patterns.compile(r"\p{L}*&\#?\w+;\p{L}*")),
    (("?", "\ufffd"), patterns.compile(r"\p{L}*[?\ufffd]\p{L}+")),
)
# None of these patterns matches across white space, and each match holds its anchor: so
# each runs only over the pieces of text between spaces that hold an anchor.
# What every match of a NOT_PROSE pattern holds (the anchors, the domain one without its
# ``\b``): a piece of text between spaces without any of them, and not beside a SEPARATOR,
# lies outside every match. The scan reads the text for not-prose spans only when one of
# its unusual pieces holds one (most stories: never).
ANCHOR_LITERALS = ("://", "www.", "@", "#", "&", "?", "\ufffd")
ANCHOR_DOMAIN = re.compile(r"\.(?:com|org|net|gov|edu|int|mil|info|biz|io|co|uk|us|eu|de|fr|ru|ua|au|ca|nz|ie|in|cn|jp|tv)")
# The characters that split a text into pieces (str.split) but that the patterns' ``\s``
# does not exclude: a match may run through them into the next piece.
SEPARATORS = "\x1c\x1d\x1e\x1f"

# A word, as in ``doc.words`` (letters and numbers with inner apostrophes and hyphens);
# the stdlib engine is faster here, and this loop is the checker's fast path.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:['’\-](?:[^\W_]|[\u0300-\u036f])+)*")
# Endings taken off a word before it is looked up (any case: "AOL'S", "DON'T").
CONTRACTION_TAILS = ("'s", "'ll", "'ve", "'re", "'d", "'m", "n't")
# Before a sentence-initial word: nothing, an end mark, an opening quote, a colon, a bullet.
# (Not a bracket or dash: "(Stade Toulousain)" holds a name more often than a sentence.)
# A straight quote opens only after a space or at the start: in `market," Investec said`
# it closes the quotation and the name after it is inside the sentence. After an end mark,
# closing quotes may come between ('said.” Next').
INITIAL_BEFORE = patterns.compile(r"""(?:(?:^|[.!?:;…\n•*“‘])[\s"“‘'”’]*|(?:^|\s)["'][\s"“‘']*)$""")
# What INITIAL_BEFORE can end with, read back from the word: characters that neither end
# a sentence nor open a quotation (white space but the line break, closing quotes) may
# stand last; before them, a match holds one of INITIAL_MARKS (its end mark, the line
# break, an opening quote or the straight quote of its second way). A window whose last
# other character is none of these cannot match: no pattern run (see _sentence_start).
INITIAL_INERT = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000”’"
)
INITIAL_MARKS = ".!?:;…\n•*“‘\"'"
DIGIT = patterns.compile(r"\d")
WINDOW = 2000  # characters either side of an anchor that a not-prose match may cover (long URLs)
CHUNK = 1 << 16  # characters read at once by the tokenizer
# Hyphenated prefixes that are not words on their own ("anti-war", "co-founder").
PREFIXES = frozenset(
    "anti pre co non ex re post mid pro semi multi sub inter intra counter cross quasi pseudo neo "
    "ultra mega micro macro mini bi tri un de vice trans geo socio eco cyber euro afro anglo "
    "franco sino pan extra super hyper infra para proto hydro bio agro electro".split()
)


class Token(NamedTuple):
    """A word to check: the whole word and its stem (without a possessive or contraction
    ending; apostrophes normalized to ASCII), the stem's span and the kind."""

    whole: str  # "don't", "Russia's"
    text: str  # "do", "Russia": what is looked up when the whole is not a word
    span: Span  # of the stem
    kind: str  # "word", "initial", "name" or "foreign"
    compound: str = ""  # the whole hyphenated word this is part of ("co-ordinator")


def fold(word: str) -> str:
    """The word without diacritics ("Lipavský" -> "Lipavsky")."""
    nfd = unicodedata.normalize("NFD", word)
    return "".join(c for c in nfd if not unicodedata.combining(c))


def _skip_spans(text: str) -> tuple[list[int], list[int]]:
    """Sorted, merged spans of text that is not prose. Each pattern runs only where its
    cheap anchor matches (a window around it), so this is linear in the text."""
    found: set[tuple[int, int]] = set()
    n = len(text)
    for anchor, pattern in NOT_PROSE:
        # Most stories hold no anchor at all: look for one in C before setting up windows.
        if isinstance(anchor, re.Pattern):
            if anchor.search(text) is None:
                continue
        elif not any([lit in text for lit in anchor]):
            continue
        for a, b in _merge(_pieces_around(text, _anchors(text, anchor))):
            found.update(m.span() for m in pattern.finditer(text, a, b))
    if not found:
        return [], []
    merged = _merge(sorted(found))
    return [a for a, _ in merged], [b for _, b in merged]


def _pieces_around(text: str, anchors: Iterable[int]) -> list[tuple[int, int]]:
    """The pieces of text between spaces, tabs or line breaks that hold the anchors (in
    order), each cut at WINDOW characters either side of its anchor. A match that cannot
    cross white space is found in its piece just as in the whole text. An anchor in the
    piece before adds nothing, so text without spaces costs no more than other text."""
    out: list[tuple[int, int]] = []
    n = len(text)
    rfind, find = text.rfind, text.find
    end = -1
    for at in anchors:
        if at < end:
            continue
        lo = max(0, at - WINDOW)
        start = max(rfind(" ", lo, at), rfind("\n", lo, at), rfind("\t", lo, at))
        start = lo if start < 0 else start + 1
        end = min(n, at + WINDOW)
        for ch in " \n\t":
            e = find(ch, at, end)
            if e >= 0:
                end = e
        out.append((start, end))
    return out


def _anchors(text: str, anchor: tuple[str, ...] | re.Pattern[str]) -> Iterator[int]:
    """Where an anchor occurs: literal strings (found with ``str.find``) or a pattern."""
    if isinstance(anchor, re.Pattern):
        yield from (m.start() for m in anchor.finditer(text))
        return
    yield from find_all(text, anchor)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _in_skip(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """True if [s, e) overlaps a (merged, sorted) skip span."""
    i = bisect_right(starts, e - 1) - 1
    return i >= 0 and ends[i] > s


def _is_word_char(c: str) -> bool:
    return c.isalnum() or "\u0300" <= c <= "\u036f"


def _chunks(text: str, size: int = CHUNK) -> Iterator[tuple[int, str]]:
    """The text in pieces of about ``size`` characters, cut at white space (never inside a
    word), with their offsets."""
    n = len(text)
    pos = 0
    while pos < n:
        end = min(n, pos + size)
        if end < n:
            cut = max(text.rfind(" ", pos, end), text.rfind("\n", pos, end))
            end = cut + 1 if cut > pos else end
        yield pos, text[pos:end]
        pos = end


def _sentence_start(text: str, a: int) -> bool:
    """True if INITIAL_BEFORE matches the six characters before ``a`` (> 0): a capitalized
    word there starts a sentence. Most such words follow a comma or a word ("said,
    Peskov", "(AFP) Peskov"): the window's last character that is not INITIAL_INERT is
    then none of INITIAL_MARKS, and no match can end at ``a`` (the pattern's run costs
    more than the look)."""
    lo = max(0, a - 6)
    core = text[lo:a].rstrip(INITIAL_INERT)
    if core and core[-1] not in INITIAL_MARKS:
        return False
    return INITIAL_BEFORE.search(text, lo, a) is not None


def _relevant(word: str, frequent: dict[str, int]) -> bool:
    """True if ``word`` may need a token: not a frequent word (in lower case, or
    capitalized), not a number, not an acronym ("NATO")."""
    if word in frequent:
        return False
    if word.isalpha():
        if len(word) < 2:
            return False
        rest = word[1:]
        if word[0].islower():
            return rest.islower()
        return rest.islower() and word.lower() not in frequent
    return DIGIT.search(word) is None


class Scan(NamedTuple):
    """What the spelling rules read from a document (see :func:`scan`)."""

    tokens: tuple[Token, ...]  # the unusual words, as tokens
    variants: tuple[tuple[int, str], ...]  # (offset, word) of each American/British variant


def _variant_parts(word: str, keys: frozenset[str]) -> tuple[tuple[int, str], ...]:
    """The parts of a (hyphenated) word that are American or British variants."""
    if "-" not in word:
        return ((0, word),) if word.lower() in keys else ()
    out = []
    pos = 0
    for part in word.split("-"):
        if part.lower() in keys:
            out.append((pos, part))
        pos += len(part) + 1
    return tuple(out)


Hits = tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]]
NOTHING: Hits = ((), ())
# Punctuation around a word in running text; none of it is a word character, so a piece
# that is one of these around a word holds that word alone.
PUNCT = ",.;:!?\"'()[]{}“”‘’«»…*"


def _piece_hits(piece: str, frequent: dict[str, int], vkeys: frozenset[str]) -> Hits:
    """The unusual words and the spelling variants in a piece of text between spaces, at
    their offsets in the piece."""
    core = piece.strip(PUNCT)
    # One word in punctuation (the common case) needs no regex.
    if core.isalpha():
        low = core.lower()
        if low in frequent and low not in vkeys:
            return NOTHING  # "said,", "The", "(police": a frequent word, in any case
        words: Iterable[str] = (core,)
    else:
        words = WORD.findall(piece)
        if "-" not in piece and all(map(DIGIT.search, words)):
            # Every word holds a digit ("£300m,", "1940s", "$1.5bn"): each is a number (no
            # word), and no variant holds a digit (a part of "12-colour" may be one).
            return NOTHING
    unusual = []
    variant: list[tuple[int, str]] = []
    at = 0
    for w in words:
        at = piece.index(w, at)
        if _relevant(w, frequent):
            unusual.append((at, w))
        parts = _variant_parts(w, vkeys)
        if parts:  # seldom: no generator for the other words
            variant.extend((at + r, p) for r, p in parts)
        at += len(w)
    return (tuple(unusual), tuple(variant)) if unusual or variant else NOTHING


# A piece's unusual words as the scan reads them: (offset in the piece, length, the tokens
# inside a sentence, the tokens at a sentence start or None if the same).
Entry = tuple[int, int, "tuple[Part, ...]", "tuple[Part, ...] | None"]
# What the scan keeps for a piece: its entries, its variants, and whether it may hold text
# that is not prose (see ANCHOR_LITERALS).
PieceEntry = tuple["tuple[Entry, ...]", "tuple[tuple[int, str], ...]", bool]


# Any anchor (a literal of ANCHOR_LITERALS or a match of ANCHOR_DOMAIN), in one search.
ANY_ANCHOR = re.compile("|".join([*map(re.escape, ANCHOR_LITERALS), ANCHOR_DOMAIN.pattern]))


def _holds_anchor(piece: str) -> bool:
    """True if a match of a NOT_PROSE pattern could lie in ``piece`` (it holds what every
    match holds)."""
    return ANY_ANCHOR.search(piece) is not None


def _piece_entry(piece: str, frequent: dict[str, int], vkeys: frozenset[str],
                 templates: dict[str, Template]) -> PieceEntry | Hits:
    """What the scan keeps for a piece: its unusual words with their tokens (each word's
    template made once per word) and its variants; NOTHING when it yields neither tokens
    nor variants (then the piece is boring)."""
    core = piece.strip(PUNCT)
    if core.isalpha():  # one word in punctuation (most new pieces): as _piece_hits reads it
        low = core.lower()
        variant = ((piece.index(core), core),) if low in vkeys else ()
        if not _relevant(core, frequent):
            return ((), variant, _holds_anchor(piece)) if variant else NOTHING
        tpl = templates.get(core)
        if tpl is None:
            tpl = templates[core] = _template(core)
        if not tpl[0] and tpl[1] is None:  # a known lower-case word ("disembark"): no token
            return ((), variant, _holds_anchor(piece)) if variant else NOTHING
        return ((piece.index(core), len(core), tpl[0], tpl[1]),), variant, _holds_anchor(piece)
    hits = _piece_hits(piece, frequent, vkeys)
    if hits is NOTHING:
        return NOTHING
    unusual, variant = hits
    entries = []
    for rel, word in unusual:
        tpl = templates.get(word)
        if tpl is None:
            tpl = templates[word] = _template(word)
        if tpl[0] or tpl[1]:  # "O'Brien", "ICBMs": no token, in either reading
            entries.append((rel, len(word), tpl[0], tpl[1]))
    if not entries and not variant:
        return NOTHING
    return tuple(entries), variant, _holds_anchor(piece)


# What a piece of text between spaces holds, and a word's tokens, depend on the word alone:
# kept across documents (an archive repeats its names and rare words), up to a bound.
_PIECES: dict[str, PieceEntry] = {}
_TEMPLATES: dict[str, Template] = {}
# The pieces known to hold nothing for the spelling rules: the frequent lower-case words
# (less the spelling variants) and every piece met since that held nothing ("said,",
# "The", "2019"). Most of a text's pieces are in it, so one C-level pass over the text's
# pieces drops them, and the Python loop sees only the unusual ones.
_BORING: set[str] = set()
_BORING_BASE = [0]  # the size of the set before any piece was added
MEMO_LIMIT = 200_000
# A text of this many pieces or more repeats enough of them that _BORING is asked once per
# distinct piece (see _scan); a shorter one asks once per piece (fewer steps in all).
DISTINCT_MIN = 500


def _boring() -> set[str]:
    if not _BORING or len(_BORING) > _BORING_BASE[0] + MEMO_LIMIT:
        _BORING.clear()
        _BORING.update(lexicon().frequent_lower)
        _BORING.difference_update(variant_keys()[1])
        _BORING_BASE[0] = len(_BORING)
    return _BORING


def _scan(doc: Document) -> Scan:
    """Read the document once for all spelling rules. The text is split at white space
    (fast, in C) and the pieces known to hold nothing are dropped in C (see ``_BORING``,
    asked once per distinct piece of the text); only the rest are read (once per distinct piece, with ``WORD``) and located, in
    order, with ``str.find``: the Python work is proportional to the unusual words, not
    to all words. The spans of text that is not prose are looked for only when an
    unusual piece may hold one (see ANCHOR_LITERALS)."""
    frequent = lexicon().frequent_lower
    vkeys = variant_keys()[0]  # lower-case variants
    boring = _boring()
    is_boring = boring.__contains__
    text = doc.text
    n = len(text)
    starts: list[int] = []
    ends: list[int] = []
    spans_read = False
    out: list[Token] = []
    found: list[tuple[int, str]] = []
    find = text.find
    memo = _PIECES  # piece -> its unusual words, its variants (shared by all documents)
    templates = _TEMPLATES
    if len(memo) > MEMO_LIMIT or len(templates) > MEMO_LIMIT:
        memo.clear()
        templates.clear()
    # Most texts hold no SEPARATOR: then no skip span runs into a piece through one.
    has_separator = any([c in text for c in SEPARATORS])
    append = out.append
    new = tuple.__new__  # Token(...) and Span(...) without the Python-level __new__
    skip = 0  # the first skip span that may still lie ahead (pieces come in order)
    nskip = 0
    for offset, chunk in _chunks(text):
        pos = offset
        pieces = chunk.split()
        if len(pieces) >= DISTINCT_MIN:
            # A long text repeats most of its pieces: the big set is asked once per distinct
            # piece (its entries are seldom in the processor's cache once the other rules
            # have run), by a set difference in C; the pieces are then filtered against the
            # text's few rare ones, each dropped from them once it proves boring.
            rare = set(pieces).difference(boring)
            discard = rare.discard
            candidates = filter(rare.__contains__, pieces)
        else:  # a short text: the big set is asked once per piece, a piece made boring is dropped
            discard = set().discard
            candidates = filterfalse(is_boring, pieces)
        for piece in candidates:  # the C loop drops most pieces
            hits = memo.get(piece)
            if hits is None:
                # A frequent word in punctuation ("said,", "(police"), first met: boring, as
                # _piece_hits's first test finds, without its two calls (most new pieces).
                core = piece.strip(PUNCT)
                if core.isalpha():
                    low = core.lower()
                    if low in frequent and low not in vkeys:
                        boring.add(piece)
                        discard(piece)
                        continue
                elif piece.isascii() and piece.lower() == piece.upper():
                    # No letter ("1999,", "7,000", "10.8%"): each word is a number (not
                    # checked) and no spelling variant.
                    boring.add(piece)
                    discard(piece)
                    continue
                hits = _piece_entry(piece, frequent, vkeys, templates)
                if hits is NOTHING:
                    boring.add(piece)
                    discard(piece)
                    continue
                memo[piece] = hits
            unusual, variant, anchored = hits
            size = len(piece)
            s = find(piece, pos)
            # The piece itself, not a part of a longer one ("Ban" in "Bank").
            while (s > 0 and not text[s - 1].isspace()) or (s >= 0 and s + size < n and not text[s + size].isspace()):
                s = find(piece, s + 1)
            if s < 0:  # pragma: no cover - split and find see the same text
                break
            pos = s + size
            # A skip span can only overlap a piece that holds an anchor, or run into it
            # through a SEPARATOR beside it: until such a piece, the spans are not needed.
            if not spans_read and (anchored or (has_separator and (
                    (s > 0 and text[s - 1] in SEPARATORS) or (pos < n and text[pos] in SEPARATORS)))):
                starts, ends = _skip_spans(text)
                nskip = len(starts)
                spans_read = True
            if nskip:
                while skip < nskip and ends[skip] <= s:
                    skip += 1
                # A skip span overlaps the piece: check each word (the span may hold only a
                # part of the piece: "(https://...)", "G?ttingen,").
                partly_skipped = skip < nskip and starts[skip] < pos
            else:
                partly_skipped = False
            if variant:  # seldom
                for rel, part in variant:
                    a = s + rel
                    if not (partly_skipped and _in_skip(starts, ends, a, a + len(part))):
                        found.append((a, part))
            for rel, size_w, toks, first in unusual:
                a = s + rel
                if partly_skipped and _in_skip(starts, ends, a, a + size_w):
                    continue
                # A capitalized word reads differently at a sentence start. After a space
                # that follows a letter or digit ("said Peskov") it is inside a sentence
                # (INITIAL_BEFORE cannot match there): no pattern run for most names.
                if first is not None and (a < 2 or text[a - 1] != " " or not text[a - 2].isalnum()) and (
                        a == 0 or _sentence_start(text, a)):
                    toks = first
                for whole, stem, rs, re_, kind, compound in toks:
                    append(new(Token, (whole, stem, new(Span, (a + rs, a + re_)), kind, compound)))
    return Scan(tuple(out), tuple(found))


# A token at offset 0 as a plain tuple: (whole, stem, start, end, kind, compound). The scan
# keeps these per word and makes the Token (with its offsets) for each occurrence.
Part = tuple[str, str, int, int, str, str]
Template = tuple[tuple[Part, ...], "tuple[Part, ...] | None"]


def _parts(word: str, initial: bool) -> list[Part]:
    """The tokens of one word at offset 0, read as sentence-initial or not."""
    if word.isalpha():  # letters only, no apostrophe or hyphen
        if word[0].islower():
            kind = "word" if word.isascii() else "foreign"
        else:
            kind = "initial" if initial and word.isascii() else "name"
        return [(word, word, 0, len(word), kind, "")]
    out: list[Part] = []
    if "-" in word:
        parts = word.split("-")
        # A part of a name ("Mong-koo", "Kilroy-Silk") is a name too.
        named = any(p[:1].isupper() for p in parts[1:]) or (parts[0][:1].isupper() and not initial)
        compound = word.replace("’", "'")
        pos = 0
        for k, part in enumerate(parts):
            if not (k == 0 and part.lower() in PREFIXES):
                _add(out, part, pos, initial and k == 0, compound, named)
            pos += len(part) + 1
    else:
        _add(out, word, 0, initial)
    return out


def _read(parts: list[Part], known: Any) -> tuple[Part, ...]:
    """The parts a rule may read: a lower-case word that is a known word is left out (see
    _template)."""
    return tuple([p for p in parts if p[4] != "word" or p[1] not in known])


def _template(word: str) -> Template:
    """The word's tokens at offset 0, read as not sentence-initial, and as sentence-initial
    if that differs (else None).

    A token of kind "word" whose stem is a known word ("country" of "country's", "range"
    of "intermediate-range", "disembark") is left out: no rule reads it. SPL001 passes a
    lower-case word only when it is no word (and counts a word's uses only for such a
    word, which no known word equals in lower case); SPL003 and the name counts read
    capitalized tokens only. A piece left without tokens is then boring (dropped in C
    from then on), like a frequent word."""
    known = lexicon()
    if word.isalpha() and len(word) >= 2:  # one token, as _parts makes it
        size = len(word)
        if word[0].islower():
            if not word.isascii():
                return ((word, word, 0, size, "foreign", ""),), None
            return (() if word in known else ((word, word, 0, size, "word", ""),)), None
        if word.isascii():
            return ((word, word, 0, size, "name", ""),), ((word, word, 0, size, "initial", ""),)
        return ((word, word, 0, size, "name", ""),), None
    plain = _read(_parts(word, False), known)
    if word[:1].islower():  # only a capitalized word reads differently at a sentence start
        return plain, None
    if "-" not in word:
        # One token at most, read as _add reads it: a capitalized stem is a name inside a
        # sentence and, in ASCII, a sentence start at one ("Peskov's", "O'Neill's").
        if plain and plain[0][4] == "name" and plain[0][1].isascii():
            whole, stem, rs, re_, _, compound = plain[0]
            return plain, ((whole, stem, rs, re_, "initial", compound),)
        return plain, None
    if any([p[:1].isupper() for p in word.split("-")[1:]]):
        return plain, None  # every part is a name in either reading ("Kilroy-Silk", "Abu-Dhabi")
    first = _read(_parts(word, True), known)
    return plain, (first if first != plain else None)


def _without_tail(word: str) -> str:
    """The word without a possessive or contraction ending ("Russia's" -> "Russia", "don't"
    -> "do"); no two endings end alike, so at most one applies."""
    lower = word.lower()
    for tail in CONTRACTION_TAILS:
        if lower.endswith(tail) and len(word) > len(tail):
            return word[: len(word) - len(tail)]
    return word


def _add(out: list[Part], part: str, start: int, initial: bool, compound: str = "", named: bool = False) -> None:
    if len(part) < 2:
        return
    norm = part.replace("’", "'")
    stem = norm
    if "'" in norm:
        stem = _without_tail(norm)
        if stem.startswith(("o'", "O'", "d'", "D'", "l'", "L'")) and len(stem) > 3:
            return  # O'Brien, d'Estaing: names
    if len(stem) < 2 or stem.count("'") > 1:
        return
    rest = stem[1:]
    if not rest.islower() and any(c.isupper() for c in rest):
        return  # ICBMs, McDonald, iPhone: acronyms and brand names
    first = stem[0]
    if named:
        kind = "name"
    elif first.isupper():
        kind = "initial" if initial else "name"
        if not stem.isascii() and kind == "initial":
            kind = "name"
    elif stem.isascii():
        kind = "word"
    else:
        kind = "foreign"  # lower-case word with letters English doesn't use
    out.append((norm, stem, start, start + len(stem), kind, compound))


def scan(doc: Document) -> Scan:
    """The document read for the spelling rules (computed once per document)."""
    return doc.cached("spelling.scan", lambda: _scan(doc))  # type: ignore[no-any-return]


def tokens(doc: Document) -> tuple[Token, ...]:
    """The document's checkable words (computed once per document)."""
    return scan(doc).tokens

