"""confused-word's machinery: candidates and the model's verdict, fixed phrases, guards.

``candidates`` finds each confusion word the model can judge and its best rival; the
possessive/contraction pairs go through a grammar gate first; ``phrase_matches`` finds the
fixed phrases that are wrong whatever the context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Any

import regex

from newslint import Document, patterns
from newslint.document import find_all
from newslint.quotations import in_quotation
from newslint.rules.realword import windows
from newslint.rules.realword.context import Around, Context, looks_foreign, sentence_start
from newslint.rules.realword.sets import CONFUSED, PHRASES



def _phrase_pattern(phrase: str) -> str:
    """A phrase as a pattern: any spacing, either apostrophe, and ``*`` for one optional
    word ("toe the * line": the line, the party line, the government line)."""
    out = []
    for word in phrase.split():
        out.append(r"(?:[^\W\d_]+[ \u00a0]+)?" if word == "*" else re.escape(word).replace("'", "['’]") + r"[ \u00a0]+")
    return "".join(out)[: -len(r"[ \u00a0]+")]


# Matched on the lower-cased text (see ``lowered``), with the standard library's engine.
# Compiled at the first story that holds a phrase's first words (``_phrase()``; the module
# attribute ``PHRASE`` gives it too): the 30 patterns took 2 ms of every run's start-up.
@lru_cache(maxsize=1)
def _phrase() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w'’-])(?:"
        + "|".join(sorted((_phrase_pattern(p) for p, _ in PHRASES), key=len, reverse=True))
        + r")(?![\w-]|['’][^\W\d_])"
    )


@lru_cache(maxsize=1)
def _phrase_fixes() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple((re.compile(_phrase_pattern(p)), p, right) for p, right in PHRASES)


def __getattr__(name: str) -> object:
    if name == "PHRASE":
        return _phrase()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# A phrase can match only where its first two words are (checked with ``in``, which is
# far cheaper than the pattern; a phrase typed with two spaces is the spacing rule's).
PHRASE_ANCHORS = tuple(sorted({a for p, _ in PHRASES for a in (" ".join(p.split()[:2]),
                                                                " ".join(p.split()[:2]).replace("'", "’"))}))


def _spellings(word: str) -> set[str]:
    """``word`` with each apostrophe straight or curly, as ``PHRASE`` matches it."""
    parts = word.split("'")
    return {"".join(x for pair in zip(parts, marks + ("",)) for x in pair)
            for marks in product("'’", repeat=len(parts) - 1)}


def _runs(words: str) -> frozenset[bytes]:
    """The runs of ASCII letters in ``words`` (as :attr:`Document.ascii_words` holds them)."""
    return frozenset(w.encode("ascii") for w in re.findall(r"[a-z]+", words))


# Where a phrase can start: its first word (every phrase begins with a word, not ``*``),
# which stands alone (the pattern's look-behind, and a space or the pattern's look-ahead
# after it). A phrase can match only where each of its words stands alone too, so each run
# of ASCII letters in its words is one of the document's ASCII words: the phrases whose runs
# all occur are looked for, at the places where their first words are.
PHRASE_FIRST = tuple(sorted({w for p, _ in PHRASES for w in _spellings(p.split()[0])}))
_PHRASE_NEEDS = tuple((_runs(p.replace("*", "")), tuple(sorted(_spellings(p.split()[0])))) for p, _ in PHRASES)


# The same, by one run of each phrase (its longest; "could" for "could of", "own" for "it's
# own"): a phrase whose runs all occur has that one among them, so only the phrases whose
# key a document holds are tested, after one set intersection (most stories hold a few).
def _by_key() -> dict[bytes, tuple[tuple[frozenset[bytes], tuple[str, ...]], ...]]:
    keyed: dict[bytes, list[tuple[frozenset[bytes], tuple[str, ...]]]] = {}
    for runs, firsts in _PHRASE_NEEDS:
        keyed.setdefault(max(sorted(runs), key=len), []).append((runs, firsts))
    return {k: tuple(v) for k, v in keyed.items()}


_PHRASE_NEEDS_BY_KEY = _by_key()
_PHRASE_KEYS = frozenset(_PHRASE_NEEDS_BY_KEY)


def _phrase_firsts(words: frozenset[bytes]) -> list[str]:
    """The first words (each spelling) of the phrases that ``words`` leaves possible."""
    out: set[str] = set()
    for key in _PHRASE_KEYS.intersection(words):
        for runs, firsts in _PHRASE_NEEDS_BY_KEY[key]:
            if runs <= words:
                out.update(firsts)
    return sorted(out)


def _stands_after(low: str, i: int) -> bool:
    """``PHRASE``'s look-behind at ``i``: no word character (``str.isalnum`` or ``_``, as the
    standard library's ``\\w``), apostrophe or hyphen before it."""
    return not i or not (low[i - 1].isalnum() or low[i - 1] in "_'’-")


def _phrases_in(low: str, words: frozenset[bytes]) -> list[re.Match[str]]:
    """What ``PHRASE.finditer(low)`` finds, tried only where a possible phrase's first word
    stands (see ``_phrase_firsts``, which ``words``, the ASCII words of ``low``, settles):
    the leftmost of those places at or after the end of the last match where the pattern
    matches is the next match, as in a search (the pattern's look-behind sees the text
    before the place, as a search's does)."""
    first = _phrase_firsts(words)
    if not first:
        return []

    def places() -> Iterator[int]:
        tried = -1  # two first words may start at one place: it is tried once
        for i in find_all(low, first):
            if i != tried:
                tried = i
                if _stands_after(low, i):
                    yield i

    return matches_at(_phrase().match, low, places())


def matches_at(match: Callable[[str, int], Any], text: str, places: Iterable[int]) -> list[Any]:
    """What a search of a pattern through ``text`` finds, with the pattern tried only at
    ``places`` (ascending; ``match`` is its ``match`` method): the first place at or after
    the end of the last match where it matches is the next match. Shared by the phrase and
    the article patterns."""
    out = []
    done = 0  # end of the last match
    for i in places:
        if i < done:
            continue
        m = match(text, i)
        if m is not None:
            out.append(m)
            done = m.end()
    return out


def _anchored(lows: Iterable[str]) -> bool:
    """Whether the first two words of a phrase are typed with one space in one of ``lows``."""
    return any(a in low for low in lows for a in PHRASE_ANCHORS)


class PhraseFound:
    """A fixed phrase found in a long document, where it is (what the rules read of a match)."""

    __slots__ = ("_span",)

    def __init__(self, start: int, end: int) -> None:
        self._span = (start, end)

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]

    def span(self) -> tuple[int, int]:
        return self._span


@windows.collector("phrases")
def _phrase_spans(text: str, low: str, base: int, words: frozenset[bytes], got: object) -> list[tuple[int, int]]:
    """The phrases of one window of a long document (see ``windows``), as spans."""
    return [(base + m.start(), base + m.end()) for m in _phrases_in(low, words)]


def phrase_matches(doc: Document) -> list[re.Match[str]] | list[PhraseFound]:
    """The fixed phrases in the document (on its lower-cased text), found once, where
    the first two words of one of them are typed with one space somewhere in it (see
    ``_phrases_in``); in a long document, a window at a time (see ``windows``)."""

    def make() -> list[re.Match[str]] | list[PhraseFound]:
        if windows.is_long(doc):
            spans = windows.scan(doc)["phrases"]
            if not spans or not _anchored(low for _, low in windows.lowered_windows(doc.text, windows.WINDOW_CHARS)):
                return []
            return [PhraseFound(s, e) for s, e in spans]
        low = lowered(doc)
        out = _phrases_in(low, doc.ascii_words)
        if out and not _anchored((low,)):
            return []  # no phrase with its first two words as typed: spacing is the spacing rule's
        return out

    return doc.cached("realword.phrases", make)


def phrase_fix(found: str) -> str:
    """The right words for a matched phrase (the optional word kept)."""
    for pattern, wrong, right in _phrase_fixes():
        if pattern.fullmatch(found.lower()):
            words = found.split()
            if "*" in wrong.split():
                i = wrong.split().index("*")
                extra = len(words) - (len(wrong.split()) - 1)
                filler = words[i:i + extra]
                out = right.split()
                j = out.index("*")
                return " ".join(out[:j] + filler + out[j + 1:])
            return right
    return found  # pragma: no cover - PHRASE matched, so one of them does


# "could of course", "would of necessity": "of" there is no slip for "have".
OF_AFTER = patterns.compile(r"[ \u00a0]+(?:course|necessity)\b", regex.IGNORECASE)

# How much likelier (log10 x 1000) another member must make the words around it.
THRESHOLD = 1400
QUOTED_EXTRA = 500  # inside a quotation: a speaker's words; more evidence needed


def like(word: str, model: str) -> str:
    """``word`` in the case of ``model`` (lower, Capitalized or UPPER)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def changed_words(found: str, right: str) -> tuple[int, int, str, str]:
    """The part of ``found`` that differs from ``right``, whole words: offsets in ``found``,
    the old and the new words ("free reign" -> "free rein": the span of "reign", "rein")."""
    spans = [m.span() for m in regex.finditer(r"\S+", found)]
    old, new = found.split(), right.split()
    i = 0
    while i < min(len(old), len(new)) - 1 and old[i].lower() == new[i].lower():
        i += 1
    j = 0
    while j < min(len(old), len(new)) - 1 - i and old[-1 - j].lower() == new[-1 - j].lower():
        j += 1
    s, e = spans[i][0], spans[len(old) - 1 - j][1]
    return s, e, found[s:e], " ".join(new[i:len(new) - j])


ITS_ROW = CONFUSED["its"]
POUR_OVER = frozenset(("pore", "pored", "poring"))
POUR_OVER_NEXT = patterns.compile(r"[ \u00a0]+(?:over|through)\b")
# Words that follow "it's" (it is, it has) but never the possessive "its".
AFTER_ITS_NOT = frozenset(
    """a an the not been being going got gonna all only just so very too really about like
    still also never always quite time up over because what how why when where this that no
    now more my his her their our your as in on at for to here there probably definitely
    certainly clearly obviously almost some ok okay taken become gone done""".split()
)
# After "its ADJ": what makes the adjective a predicate ("its likely to", "its clear that").
AFTER_PREDICATE = frozenset("to that if when because for than what how why whether".split())
NOUN_ENDINGS = ("ity", "ment", "tion", "sion", "ness", "ance", "ence", "ship", "ism")
HYPHENATED_NEXT = patterns.compile(r"[ \u00a0]+[\"“‘']?[\p{L}\p{N}]+-\p{L}")


# Possessive or contraction: the model alone is unreliable here (its training text wrote
# "it's" for both), so grammar decides where the model may speak. The possessive of each,
# then the contraction.
POSSESSIVE_ROWS = {CONFUSED["its"]: ("its", "it's"), CONFUSED["your"]: ("your", "you're"),
                   CONFUSED["whose"]: ("whose", "who's")}
NEEDS_OBJECT = frozenset(("from",))


def _possessive_verdict(ctx: Context, word: str, row: tuple[str, ...], start: int,
                        end: int) -> tuple[str | None, int]:
    """"its"/"it's", "your"/"you're", "whose"/"who's".

    Possessive -> contraction only before a word that cannot follow a possessive ("its a",
    "your not", "its going") or before an adjective that is a predicate ("its likely to");
    contraction -> possessive only where the model prefers the possessive at all, and by
    that preference plus how much better "their" fits than "they're" (a stand-in for a
    possessive and for "it is").
    """
    possessive, _contraction = POSSESSIVE_ROWS[row]
    # The grammar first, then a hyphenated next word ("its five-year estimate": a compound
    # a possessive takes), then the model: each may rule the rival out, for the same verdict.
    # The grammar reads the words after it only: those before are read when the model speaks.
    r1, r2 = ctx.after(end)
    if word == possessive:
        if not _predicate_after(r1, r2) or HYPHENATED_NEXT.match(ctx.text, end) is not None:
            return None, 0
        return ctx.best(word, row, ctx.before(start) + (r1, r2))
    if r1 in AFTER_ITS_NOT or r1 == "</s>" or HYPHENATED_NEXT.match(ctx.text, end) is not None:
        return None, 0
    around = ctx.before(start) + (r1, r2)
    rival, gain = ctx.best(word, row, around)
    if rival is None or gain < 0:
        return None, 0
    # Two pieces of evidence, added: the model's own preference (which leans the other way)
    # and how much better "their" fits than "they're".
    return rival, gain + ctx.gain("they're", "their", around)


def _predicate_follows(around: Around) -> bool:
    """Whether the words after a possessive show it is a contraction: a word no possessive
    takes ("its a", "your not"), or an adjective used as a predicate ("its likely to")."""
    return _predicate_after(around[2], around[3])


def _predicate_after(r1: str | None, r2: str | None) -> bool:
    """:func:`_predicate_follows` of the two words after."""
    if r1 is None:
        return False
    return r1 in AFTER_ITS_NOT or (r2 in AFTER_PREDICATE and not r1.endswith(NOUN_ENDINGS))


def _short_line(text: str, start: int) -> bool:
    """Whether ``start`` is on a short line without a full stop: a heading or a title
    ("Hear here"), where a few words give the model too little to go on."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    line = text[ls:le if le >= 0 else len(text)].strip()
    return len(line.split()) < 6 and not line.endswith((".", "?", "!", '"', "”"))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A confusion word, the member the context favours, and by how much (log10 x 1000)."""

    start: int
    end: int
    word: str
    best: str
    gain: int
    quoted: bool


def lowered(doc: Document) -> str:
    """The text in lower case, offset for offset (the document's, shared by every rule)."""
    return doc.lowered


# The words of the lower-cased text, as the rule reads them: a confusion word is one of
# these tokens (see ``confusion_words``).
WORD_SCAN = re.compile(r"[a-z]+(?:['’][a-z]+)?")
CONFUSABLE = frozenset(CONFUSED) | frozenset(w.replace("'", "’") for w in CONFUSED if "'" in w)
JOINERS = "'’-"
# Which confusion words occur: those without an apostrophe as the document's ASCII words,
# those with one where both their runs of letters are ("it" and "s" for "it's"), and the
# curly spellings only in a text that is not all ASCII.
_PLAIN = frozenset(w.encode("ascii") for w in CONFUSABLE if w.isalpha())
_WITH_APOSTROPHE = tuple((w, _runs(w.replace("’", "'"))) for w in sorted(CONFUSABLE) if not w.isalpha())


def confusion_words(text: str, low: str, words: frozenset[bytes] | None = None, base: int = 0) -> list[tuple[int, str]]:
    """``(start, word)`` for each token of ``WORD_SCAN`` in ``low`` (the lower-cased
    ``text[base:base + len(low)]``, all of it by default) that is a confusion word and stands
    alone in ``text``: not after a letter, digit or joiner, not before a letter, digit,
    hyphen or an apostrophe that goes on with a letter; ``start`` is an offset in ``text``.

    Those conditions make any occurrence of the word a whole token, so the words that occur
    are found in bulk (a superset: each token is a run of ASCII letters, one of ``words``,
    the :attr:`~newslint.document.Document.ascii_words` of ``low``, or holds its apostrophe
    between two of them), their occurrences with ``str.find``, and only those are checked."""
    if words is None:
        words = Document.from_text(low).ascii_words
    present = [w.decode("ascii") for w in _PLAIN.intersection(words)]
    ascii_only = low.isascii()
    present += [w for w, runs in _WITH_APOSTROPHE if runs <= words and (w.isascii() or not ascii_only)]
    n = len(text)
    out: list[tuple[int, str]] = []
    for word in present:
        size = len(word)
        found = low.find(word)
        while found >= 0:
            start = base + found
            end = start + size
            if not (start and (text[start - 1].isalnum() or text[start - 1] in JOINERS)):
                if end < n:
                    nxt = text[end]
                    ok = not (nxt.isalnum() or nxt == "-" or (nxt in "'’" and end + 1 < n and text[end + 1].isalpha()))
                else:
                    ok = True
                if ok:
                    out.append((start, word))
            found = low.find(word, found + 1)
    out.sort()
    return out


# In a long document each confusion word found is kept as one integer: its offset, then the
# word's place in ``_BY_NUMBER`` in the low byte.
_BY_NUMBER = tuple(sorted(CONFUSABLE))
_NUMBER = {w: i for i, w in enumerate(_BY_NUMBER)}
assert len(_BY_NUMBER) <= 256


@windows.collector("confusion_words", packed=True)
def _confusion_words_in(text: str, low: str, base: int, words: frozenset[bytes], got: object) -> list[int]:
    """The confusion words of one window of a long document (see ``windows``), packed."""
    return [start << 8 | _NUMBER[word] for start, word in confusion_words(text, low, words, base)]


def _long_confusion_words(doc: Document) -> Iterator[tuple[int, str]]:
    """``confusion_words`` of a long document, from its window scan."""
    for packed in windows.scan(doc)["confusion_words"]:
        yield packed >> 8, _BY_NUMBER[packed & 255]


def _model_verdict(ctx: Context, word: str, row: tuple[str, ...], around: Around) -> tuple[str | None, int]:
    """The rival the model favours for ``word`` (a member of ``row``, not a possessive row)
    between the words ``around``, and by how much."""
    scores: dict[str, int] = {}
    best, gain = ctx.best(word, row, around, scores)
    if word == "their" and best == "they're" and not _predicate_follows(around):
        best, gain = ctx.best(word, ("their", "there"), around, scores)
    return best, gain


# ``_model_verdict``'s answers, remembered: it depends on the word and the four words around
# it only (the row is the word's), and the same contexts come back story after story ("from
# the", "more than the"): one dictionary look-up instead of a dozen n-gram look-ups. About
# 200 bytes each: 3 MB at most, then forgotten all at once.
_VERDICTS: dict[tuple[str, Around], tuple[str | None, int]] = {}
VERDICTS_SIZE = 1 << 14


def _verdict(ctx: Context, word: str, row: tuple[str, ...], around: Around) -> tuple[str | None, int]:
    """:func:`_model_verdict`, remembered."""
    key = (word, around)
    v = _VERDICTS.get(key)
    if v is None:
        if len(_VERDICTS) >= VERDICTS_SIZE:
            _VERDICTS.clear()
        v = _VERDICTS[key] = _model_verdict(ctx, word, row, around)
    return v


def _as_found(word: str) -> tuple[str, tuple[str, ...], bool, bool]:
    """What ``candidates`` reads of a confusion word as found (either apostrophe): its
    straight spelling, its row, whether the row is a possessive's (see
    ``_possessive_verdict``) and whether it is "pore" or a form of it."""
    lower = word.replace("’", "'")
    row = CONFUSED[lower]
    return lower, row, row in POSSESSIVE_ROWS, lower in POUR_OVER


_AS_FOUND = {w: _as_found(w) for w in CONFUSABLE}  # read once per word found, not worked out


def candidates(doc: Document, ctx: Context | None = None, floor: int | None = None) -> Iterator[Candidate]:
    """Every confusion word the model can judge, with its best rival, when the rival's gain
    reaches ``floor`` (any gain when None)."""
    text = doc.text
    ctx = ctx or Context(text)
    phrase_spans = [(m.start(), m.end()) for m in phrase_matches(doc)]
    found: Iterable[tuple[int, str]]
    if windows.is_long(doc):
        found = _long_confusion_words(doc)
    else:
        found = confusion_words(text, lowered(doc), doc.ascii_words)
    for start, lw in found:
        end = start + len(lw)
        word = text[start:end]
        if word[0].isupper():
            if len(word) > 1 and word.isupper():
                continue  # capitals: a headline or an acronym
            if not sentence_start(text, start):
                continue  # a name or title: "Premier League", "Council"
        if phrase_spans and any(s <= start < e for s, e in phrase_spans):
            continue
        lower, row, possessive, pore = _AS_FOUND[lw]
        if pore and POUR_OVER_NEXT.match(text, end):
            continue  # "pore over the figures": the idiom, not a slip for "pour"
        if possessive:
            best, gain = _possessive_verdict(ctx, lower, row, start, end)
        else:
            around = ctx.around(start, end)
            best, gain = _verdict(ctx, lower, row, around)
            if best in NEEDS_OBJECT and around[2] == "</s>":
                continue  # "the comments form." cannot be "from": a preposition needs its object
        if best is None or (floor is not None and gain < floor):
            continue
        if _short_line(text, start) or looks_foreign(text, start, end):
            continue
        yield Candidate(start, end, word, best, gain, in_quotation(doc, start))
