"""confused-word's machinery: candidates and the model's verdict, fixed phrases, guards.

``candidates`` finds each confusion word the model can judge and its best rival; the
possessive/contraction pairs go through a grammar gate first; ``phrase_matches`` finds the
fixed phrases that are wrong whatever the context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newslint import Document, patterns
from newslint.quotations import in_quotation
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
PHRASE = re.compile(
    r"(?<![\w'’-])(?:"
    + "|".join(sorted((_phrase_pattern(p) for p, _ in PHRASES), key=len, reverse=True))
    + r")(?![\w-]|['’][^\W\d_])"
)
PHRASE_FIX = tuple((re.compile(_phrase_pattern(p)), p, right) for p, right in PHRASES)


# A phrase can match only where its first two words are (checked with ``in``, which is
# far cheaper than the pattern; a phrase typed with two spaces is the spacing rule's).
PHRASE_ANCHORS = tuple(sorted({a for p, _ in PHRASES for a in (" ".join(p.split()[:2]),
                                                                " ".join(p.split()[:2]).replace("'", "’"))}))


def phrase_matches(doc: Document) -> list[re.Match[str]]:
    """The fixed phrases in the document (on its lower-cased text), found once."""

    def make() -> list[re.Match[str]]:
        low = lowered(doc)
        if not any(a in low for a in PHRASE_ANCHORS):
            return []
        return list(PHRASE.finditer(low))

    return doc.cached("realword.phrases", make)


def phrase_fix(found: str) -> str:
    """The right words for a matched phrase (the optional word kept)."""
    for pattern, wrong, right in PHRASE_FIX:
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


def _possessive_verdict(ctx: Context, word: str, row: tuple[str, ...], around: Around,
                        hyphenated: bool) -> tuple[str | None, int]:
    """"its"/"it's", "your"/"you're", "whose"/"who's".

    Possessive -> contraction only before a word that cannot follow a possessive ("its a",
    "your not", "its going") or before an adjective that is a predicate ("its likely to");
    contraction -> possessive only where the model prefers the possessive at all, and by
    that preference plus how much better "their" fits than "they're" (a stand-in for a
    possessive and for "it is").
    """
    possessive, _contraction = POSSESSIVE_ROWS[row]
    _l2, _l1, r1, r2 = around
    rival, gain = ctx.best(word, row, around)
    if rival is None or hyphenated:
        return None, 0
    if word == possessive:
        if _predicate_follows(around):
            return rival, gain
        return None, 0
    if r1 in AFTER_ITS_NOT or r1 == "</s>" or gain < 0:
        return None, 0
    # Two pieces of evidence, added: the model's own preference (which leans the other way)
    # and how much better "their" fits than "they're".
    return rival, gain + ctx.gain("they're", "their", around)


def _predicate_follows(around: Around) -> bool:
    """Whether the words after a possessive show it is a contraction: a word no possessive
    takes ("its a", "your not"), or an adjective used as a predicate ("its likely to")."""
    r1, r2 = around[2], around[3]
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
    """The text in lower case, offset for offset (shared by the rules of this family)."""

    def make() -> str:
        low = doc.text.lower()
        if len(low) != len(doc.text):  # "İ" lowers to two characters: lower ASCII only
            low = doc.text.translate(ASCII_LOWER)
        return low

    return doc.cached("realword.lowered", make)


ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
# Scanned on the lower-cased text with the standard library's engine (four times faster
# here than a case-insensitive alternation): each word, then a set lookup.
WORD_SCAN = re.compile(r"[a-z]+(?:['’][a-z]+)?")
CONFUSABLE = frozenset(CONFUSED) | frozenset(w.replace("'", "’") for w in CONFUSED if "'" in w)
JOINERS = "'’-"


def candidates(doc: Document, ctx: Context | None = None, floor: int | None = None) -> Iterator[Candidate]:
    """Every confusion word the model can judge, with its best rival, when the rival's gain
    reaches ``floor`` (any gain when None)."""
    text = doc.text
    low = lowered(doc)
    ctx = ctx or Context(text)
    phrase_spans = [(m.start(), m.end()) for m in phrase_matches(doc)]
    n = len(text)
    for m in WORD_SCAN.finditer(low):
        lw = m.group()
        if lw not in CONFUSABLE:
            continue
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in JOINERS):
            continue
        if end < n:
            nxt = text[end]
            if nxt.isalnum() or nxt == "-" or (nxt in "'’" and end + 1 < n and text[end + 1].isalpha()):
                continue
        word = text[start:end]
        if word[0].isupper():
            if len(word) > 1 and word.isupper():
                continue  # capitals: a headline or an acronym
            if not sentence_start(text, start):
                continue  # a name or title: "Premier League", "Council"
        if phrase_spans and any(s <= start < e for s, e in phrase_spans):
            continue
        lower = lw.replace("’", "'")
        row = CONFUSED[lower]
        if lower in POUR_OVER and POUR_OVER_NEXT.match(text, end):
            continue  # "pore over the figures": the idiom, not a slip for "pour"
        around = ctx.around(start, end)
        if row in POSSESSIVE_ROWS:
            best, gain = _possessive_verdict(ctx, lower, row, around, HYPHENATED_NEXT.match(text, end) is not None)
        else:
            best, gain = ctx.best(lower, row, around)
            if lower == "their" and best == "they're" and not _predicate_follows(around):
                best, gain = ctx.best(lower, ("their", "there"), around)
        if best is None or (floor is not None and gain < floor):
            continue
        if best in NEEDS_OBJECT and around[2] == "</s>":
            continue  # "the comments form." cannot be "from": a preposition needs its object
        if _short_line(text, start) or looks_foreign(text, start, end):
            continue
        yield Candidate(start, end, word, best, gain, in_quotation(doc, start))
