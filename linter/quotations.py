"""Quotation marks and direct quotations, shared by the rules that need them.

Style and word-choice rules leave quoted speech alone::

    from newslint.quotations import in_quotation, quotation_spans
    if in_quotation(doc, match.start()):
        continue

The analysis is done once per document (``doc.cached``) and is linear in its size:

* every quotation mark is classified: double or single, straight or curly, and its role
  (``open``, ``close``, ``apostrophe`` or ``unknown``); primes in measurements (``6'2"``)
  are not quotation marks and are left out;
* double quotation marks are paired paragraph by paragraph, following the news convention
  that a quotation running over several paragraphs opens each one and closes only in the
  last; what cannot be paired is kept as a :class:`QuoteProblem` (rule QUO002 reports it);
* single-quoted quotations (``'war on terror'``) are found conservatively, between an
  opening mark and the next closing one in the same paragraph.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

import regex

from newslint import patterns
from newslint.document import Block, Document, Span, find_all

DOUBLE_STRAIGHT = '"'
DOUBLE_CURLY = "“”„"
SINGLE_STRAIGHT = "'"
SINGLE_CURLY = "‘’"

MARK_CHARS = "\"“”„'‘’"
DOUBLE_MARKS = DOUBLE_STRAIGHT + DOUBLE_CURLY
SINGLE_MARKS = SINGLE_STRAIGHT + SINGLE_CURLY
# Characters after which a mark opens a quotation (or before which one closes).
OPENERS = frozenset(" \t\n\u00a0([{<—–-/“‘\"'")
CLOSE_AFTER = frozenset(" \t\n\u00a0)]}>,.;:!?—–-…”’\"'/")
# Elisions that begin with an apostrophe: '90s, 'em, 'n', 'til, 'tis ...
ELISION = patterns.compile(r"(?:\d\d(?:s\b|\b)|em\b|n\b|til\b|cause\b|tis\b|twas\b|bout\b|round\b)", regex.IGNORECASE)
# A prime after a number: 6'2", 5' 10", 12" (a measurement, not a quote).
FEET_INCHES = patterns.compile(r"\d['’′]\s?\d{1,2}(?:\.\d+)?$")
INCHES_AFTER_FEET = patterns.compile(r"\s?\d{1,2}(?:\.\d+)?[\"”″]")
LEAD_IN = patterns.compile(r"[\s\-*•>]*")  # what may stand before a paragraph's opening mark
INCH_AFTER = patterns.compile(r"\s?(?:[x×]\s?\d|by\s\d|-?inch|screen|display|monitor|tall\b|wide\b|long\b|thick\b)")
# How many paragraphs without quotation marks a quotation left open may run through
# before a closing mark ends it; news style would reopen each one, but a lost opening
# mark is a smaller fault than a quotation that never ends, and reflowed copy has them.
MAX_CARRIED = 3
MAX_SINGLE = 400  # a single-quoted quotation longer than this is more likely apostrophes
SENTENCE_BEFORE = patterns.compile(r"[.!?…]\s+$")
# Documents up to this many characters keep their analysis for every rule family (bigger
# ones drop it with the family's other shared data, to bound memory).
KEEP_ANALYSIS = 200_000
SIC = patterns.compile(r"\s*[\[(]sic[\])]", regex.IGNORECASE)
# A paragraph this short (an ad line, "Story continues below") carried through by an open
# quotation does not stop the next paragraph from reopening it.
SHORT_INTERRUPTION = 40
MAX_INCH_TRIES = 16  # double marks after a number tried as inch marks, per document


class QuoteMark(NamedTuple):
    """One quotation mark or apostrophe in the text.

    A named tuple (as :class:`~newslint.document.Span` is): a story has hundreds of marks,
    and a tuple is made several times faster than a frozen dataclass instance."""

    offset: int
    char: str
    double: bool  # a double mark (" “ ” „) or a single one (' ‘ ’)
    curly: bool
    role: str  # "open", "close", "apostrophe" or "unknown" (by its context)


class Quotation(NamedTuple):
    """A double-quoted quotation: its span and the marks that open and close it.

    ``marks`` holds the opening mark of each paragraph it runs over, then the closing
    mark (absent when it is never closed). A named tuple, as :class:`QuoteMark` is.
    """

    span: Span
    marks: tuple[QuoteMark, ...]
    closed: bool


class QuoteProblem(NamedTuple):
    """Double quotes that do not pair up: ``kind`` is "unclosed", "unopened", "mismatched",
    or "in-word" (``Britain"s``: an apostrophe typed as a double quote). A named tuple."""

    kind: str
    span: Span
    marks: tuple[QuoteMark, ...]


@dataclass(frozen=True, slots=True)
class QuoteAnalysis:
    """Everything :func:`analyse` finds in a document."""

    marks: tuple[QuoteMark, ...]
    quotations: tuple[Quotation, ...]
    problems: tuple[QuoteProblem, ...]
    spans: tuple[Span, ...]  # quotations (double and single), sorted and disjoint
    roles: dict[int, str]  # offset -> "open"/"close" for marks placed by pairing


def _is_prime(text: str, i: int, ch: str) -> bool:
    """Whether the straight mark ``ch`` at ``i``, right after a figure, is a prime (6'2", 12")."""
    if ch == '"':
        if FEET_INCHES.search(text[max(0, i - 12) : i]):
            return True
        return INCH_AFTER.match(text, i + 1, i + 16) is not None
    nxt = text[i + 1 : i + 2]
    if nxt.isdigit():
        return True  # 6'2
    return INCHES_AFTER_FEET.match(text, i + 1, i + 10) is not None  # 5' 10"


def _role(text: str, i: int, ch: str, prev: str, nxt: str) -> str:
    """The role of mark ``ch`` at ``i`` by its context (``prev`` and ``nxt``: the characters
    around it, a line break at either end of the text)."""
    if ch == '"' and prev.isalpha() and nxt.islower():
        return "apostrophe"  # Britain"s: an apostrophe typed as a double quote (wire copy)
    if ch in "“„":
        return "open"
    if ch == "”":
        return "close"
    if ch in "'’‘":
        if prev.isalnum() and nxt.isalpha():
            return "apostrophe"  # don't, O'Brien, rock'n'roll
        if prev in OPENERS and ELISION.match(text, i + 1, i + 9):
            return "apostrophe"  # '90s, 'em
        if ch == "’" and prev.isalpha() and not nxt.isalnum():
            return "close"  # closing single quote or a plural possessive: ambiguous, kept as close
    if ch == "‘":
        return "open"
    return _by_context(prev, nxt)


def _by_context(prev: str, nxt: str) -> str:
    """The role of a mark that its shape does not give, by the characters around it."""
    opens = prev in OPENERS and not nxt.isspace()
    closes = prev not in " \t\n\u00a0" and (nxt in CLOSE_AFTER or nxt.isspace())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "unknown"


def find_marks(doc: Document) -> tuple[QuoteMark, ...]:
    """Every quotation mark and apostrophe in the text, primes left out."""
    return _marks(doc.text, MARK_CHARS)


def _marks(text: str, chars: str) -> tuple[QuoteMark, ...]:
    """The marks of ``chars`` (some of :data:`MARK_CHARS`) in ``text``, in order, primes
    left out: each mark's role hangs on the characters around it only, so the double marks
    and the single ones can be found apart (what :func:`find_marks` gives, split by class)."""
    last = len(text) - 1
    make = tuple.__new__  # QuoteMark(...) without the keyword handling of its __new__
    out: list[QuoteMark] = []
    for i in find_all(text, chars):
        ch = text[i]
        prev = text[i - 1] if i > 0 else "\n"
        straight = ch == '"' or ch == "'"
        if straight and prev.isdigit() and _is_prime(text, i, ch):
            continue
        nxt = text[i + 1] if i < last else "\n"
        if (ch == "’" or ch == "'") and prev.isalnum() and nxt.isalpha():
            role = "apostrophe"  # don't, O'Brien: most marks, and what _role says first
        else:
            role = _role(text, i, ch, prev, nxt)
        out.append(make(QuoteMark, (i, ch, ch in '"“”„', not straight, role)))
    return tuple(out)


def _double_marks(text: str) -> tuple[QuoteMark, ...]:
    """``_marks(text, DOUBLE_MARKS)`` with each role worked out inline, as :func:`_role`
    gives it for a double mark: a curly one opens or closes by its shape alone."""
    last = len(text) - 1
    make = tuple.__new__
    out: list[QuoteMark] = []
    for i in find_all(text, DOUBLE_MARKS):
        ch = text[i]
        if ch == "”":
            out.append(make(QuoteMark, (i, ch, True, True, "close")))
        elif ch != '"':  # “ or „
            out.append(make(QuoteMark, (i, ch, True, True, "open")))
        else:
            prev = text[i - 1] if i > 0 else "\n"
            if prev.isdigit() and _is_prime(text, i, ch):
                continue
            nxt = text[i + 1] if i < last else "\n"
            # Britain"s: an apostrophe typed as a double quote (wire copy)
            role = "apostrophe" if prev.isalpha() and nxt.islower() else _by_context(prev, nxt)
            out.append(make(QuoteMark, (i, ch, True, False, role)))
    return tuple(out)


def _starts_paragraph(text: str, block: Span, mark: QuoteMark) -> bool:
    """The mark is the first thing in its paragraph (after spaces or a list bullet)."""
    if mark.offset - block.start > 8:
        return False
    return LEAD_IN.fullmatch(text, block.start, mark.offset) is not None


_DOUBLE = attrgetter("double")
_OFFSET = itemgetter(0)  # a QuoteMark's offset
_ROLE = attrgetter("role")
_SPAN = attrgetter("span")
_SPAN_END = attrgetter("span.end")  # a Block's end
_Paired = tuple[list[Quotation], list[QuoteProblem], list[tuple[int, str]], list[tuple[int, int, int, int]], int]
_NO_MARKS: list[QuoteMark] = []


class _Grouped(NamedTuple):
    """The double quotation marks of a story, paragraph by paragraph."""

    blocks: tuple[Block, ...]  # every paragraph
    marks: dict[int, list[QuoteMark]]  # paragraph index -> its double marks (the paragraphs with some)
    marked: list[int]  # those indexes, in order


def _in_order(doc: Document) -> bool:
    """Whether the paragraphs run in order and apart: always for the paragraphs of plain
    text (runs of lines), and as formats make their blocks."""
    if doc.blocks is None:
        return True
    flat = [x for b in doc.blocks for x in b.span]
    return flat == sorted(flat)


def _group_doubles(doc: Document, marks: tuple[QuoteMark, ...]) -> tuple[_Grouped, list[QuoteProblem]]:
    """The double quotation marks paragraph by paragraph, and the "in-word" problems
    (``Britain"s``: marks that pair with nothing)."""
    every = list(filter(_DOUBLE, marks))  # in C: most marks are apostrophes
    if "apostrophe" in map(_ROLE, every):  # (in C: a double mark in a word, Britain"s, is rare)
        doubles = [m for m in every if m.role != "apostrophe"]
        inword = [QuoteProblem("in-word", Span(m.offset, m.offset + 1), (m,)) for m in every if m.role == "apostrophe"]
    else:
        doubles, inword = every, []
    blocks = doc.paragraphs
    at: dict[int, list[QuoteMark]] = {}
    marked: list[int] = []
    n = len(doubles)
    if n:
        # Two pointers: both lists are sorted. Paragraphs in order and apart are skipped
        # to the next mark's by bisection: most hold no double mark.
        ends = list(map(_SPAN_END, blocks)) if _in_order(doc) else None
        nb = len(blocks)
        i = j = 0
        while j < n and i < nb:
            if ends is not None:
                i = bisect_right(ends, doubles[j].offset, i)  # the first paragraph that ends after it
                if i == nb:
                    break
            start, end = blocks[i].span
            while j < n and doubles[j].offset < start:
                j += 1  # a mark outside every block (should not happen)
            k = j
            while j < n and doubles[j].offset < end:
                j += 1
            if j > k:
                at[i] = doubles[k:j]
                marked.append(i)
            i += 1
    return tuple.__new__(_Grouped, (blocks, at, marked)), inword  # (without the keyword handling)


def _pair_run(text: str, grouped: _Grouped, lo: int = 0, stops: set[int] | None = None,
              swap: tuple[int, list[QuoteMark]] | None = None, record: bool = False) -> _Paired:
    """Pair the double marks of the paragraphs from ``lo`` on, with no quotation open
    before paragraph ``lo``.

    Returns the quotations, the problems (no "in-word" ones), the roles of the marks paired
    (offset, role), the *cuts* and the index of the paragraph where it stopped. A cut
    ``(i, q, p, r)`` says that no quotation is open before paragraph ``i`` and that the
    paragraphs before it gave the first ``q`` quotations, ``p`` problems and ``r`` roles:
    what follows a cut does not depend on what comes before it. One is made wherever
    something was found since the last, and one at the end, when ``record`` asks for them
    (only the inch-mark trials need them). With ``stops``, the run ends at the first cut
    that falls on one of them; ``swap`` gives one paragraph other marks.
    """
    quotations: list[Quotation] = []
    problems: list[QuoteProblem] = []
    roles: list[tuple[int, str]] = []
    cuts: list[tuple[int, int, int, int]] = []
    open_marks: list[QuoteMark] = []  # the current quotation's opening marks
    start = 0
    last_end = 0

    make = tuple.__new__  # Quotation(...) and Span(...) without their keyword handling

    def finish(close: QuoteMark | None, end: int) -> None:
        nonlocal open_marks
        for m in open_marks:
            roles.append((m.offset, "open"))
        if close is not None:
            roles.append((close.offset, "close"))
            first = open_marks[0]
            if first.curly != close.curly:
                problems.append(QuoteProblem("mismatched", Span(open_marks[-1].offset, close.offset + 1),
                                             (open_marks[-1], close)))
            quotations.append(make(Quotation, (make(Span, (start, end)), (*open_marks, close), True)))
        else:
            quotations.append(make(Quotation, (make(Span, (start, end)), tuple(open_marks), False)))
        open_marks = []

    carried = 0  # paragraphs with no marks that an open quotation has run through
    interrupted = 0  # ... of which short lines (an ad line inside the quotation)
    found = 0  # quotations and problems at the last cut
    blocks, marks_at, marked = grouped
    last = len(blocks)
    i = lo - 1
    while True:
        i += 1
        if not open_marks:
            # Nothing open: the paragraphs up to the next one with marks change nothing.
            n = bisect_left(marked, i)
            if n == len(marked):
                break
            i = marked[n]
        if i >= last:
            break
        block = blocks[i].span
        items = swap[1] if swap is not None and i == swap[0] else marks_at.get(i, _NO_MARKS)
        if not items and not open_marks:
            continue
        k = 0
        if open_marks:
            # A quotation left open at the end of the previous paragraph.
            first = items[0] if items else None
            if first is None and carried < MAX_CARRIED:
                carried += 1  # maybe closed a paragraph or two later (a lost reopening mark)
                chunk = text[block.start : block.end].strip()
                if len(chunk) <= SHORT_INTERRUPTION and "\n" not in chunk:
                    interrupted += 1  # "Advertisement": not a paragraph of the quotation
                continue
            if first is not None and first.role != "close" and (
                (carried == interrupted and _starts_paragraph(text, block, first))
                or SENTENCE_BEFORE.search(text, max(block.start, first.offset - 4), first.offset)
            ):
                open_marks.append(first)  # the news convention: reopened, still running
                k = 1
            elif first is not None and first.role in ("close", "unknown") and first.char != "“":
                finish(first, first.offset + 1)  # closed without reopening: read as one quotation
                k = 1
            else:
                problems.append(QuoteProblem("unclosed", Span(open_marks[-1].offset, open_marks[-1].offset + 1),
                                             (open_marks[-1],)))
                finish(None, last_end)
        for m in items[k:]:
            if not open_marks:
                if m.char == "”" or (m.char == '"' and m.role == "close" and m is items[-1]):
                    problems.append(QuoteProblem("unopened", Span(m.offset, m.offset + 1), (m,)))
                    continue
                open_marks = [m]
                start = m.offset
            elif m.role == "open" and SENTENCE_BEFORE.search(text, max(block.start, m.offset - 4), m.offset):
                # "... games. "If that's true ...": a new paragraph of the same quotation
                # whose line break was lost. Read as reopened, as the news convention has it.
                open_marks.append(m)
            elif m.char in "“„":
                # A new curly opening while one is open: the earlier one was never closed.
                problems.append(QuoteProblem("unclosed", Span(open_marks[-1].offset, open_marks[-1].offset + 1),
                                             (open_marks[-1],)))
                finish(None, m.offset)
                open_marks = [m]
                start = m.offset
            else:
                finish(m, m.offset + 1)
        carried = interrupted = 0
        last_end = block.end
        if record and not open_marks and i + 1 < last:
            if stops is not None and i + 1 in stops:
                cuts.append((i + 1, len(quotations), len(problems), len(roles)))
                return quotations, problems, roles, cuts, i + 1
            if len(quotations) + len(problems) > found:
                found = len(quotations) + len(problems)
                cuts.append((i + 1, len(quotations), len(problems), len(roles)))
    if open_marks:
        problems.append(QuoteProblem("unclosed", Span(open_marks[-1].offset, open_marks[-1].offset + 1),
                                     (open_marks[-1],)))
        finish(None, last_end)
    cuts.append((last, len(quotations), len(problems), len(roles)))
    return quotations, problems, roles, cuts, last


def _pair_doubles(doc: Document, marks: tuple[QuoteMark, ...]) -> tuple[list[Quotation], list[QuoteProblem], dict[int, str]]:
    """Double quotation marks paired into quotations, paragraph by paragraph: the
    quotations, the problems and the roles (offset -> "open"/"close") of the marks paired."""
    grouped, inword = _group_doubles(doc, marks)
    quotations, problems, roles, _cuts, _end = _pair_run(doc.text, grouped)
    return quotations, inword + problems, dict(roles)


def _single_spans(doc: Document, marks: tuple[QuoteMark, ...]) -> list[Span]:
    """Single-quoted quotations: an opening mark and the next closing one, close by in one paragraph."""
    text = doc.text
    out: list[Span] = []
    pending: QuoteMark | None = None
    for m in marks:
        if m.double or m.role not in ("open", "close"):
            continue
        if m.role == "open":
            if pending is None or m.offset - pending.offset > MAX_SINGLE:
                pending = m
        elif pending is not None:
            end = m.offset + 1
            if end - pending.offset <= MAX_SINGLE and "\n\n" not in text[pending.offset : end]:
                out.append(Span(pending.offset, end))
            pending = None
    return out


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for sp in sorted(spans):
        if out and sp.start < out[-1].end:
            if sp.end > out[-1].end:
                out[-1] = Span(out[-1].start, sp.end)
            continue
        out.append(sp)
    return tuple(out)


class _Pairing:
    """The pairing of a story's double marks, kept in pieces that do not depend on each
    other (between the cuts of :func:`_pair_run`), so that leaving one mark out is paired
    again only from the piece that holds it to the first cut after it where no quotation
    is open: a few paragraphs, not the whole story (see :func:`_inch_marks`)."""

    def __init__(self, text: str, grouped: _Grouped, paired: _Paired) -> None:
        self.text = text
        self.grouped = grouped
        self.quotations, self.problems, self.roles, cuts, _ = paired
        self.bounds = [c[0] for c in cuts]  # the paragraph each piece ends before
        self.stops = set(self.bounds)
        # How many quotations, problems and roles each piece holds.
        self.sizes = [[c[n] - (cuts[i - 1][n] if i else 0) for i, c in enumerate(cuts)] for n in (1, 2, 3)]

    def _offsets(self, a: int, b: int) -> list[tuple[int, int]]:
        """Where pieces ``a`` to ``b`` (excluded) lie in the three lists."""
        out = []
        for sizes in self.sizes:
            start = sum(sizes[:a])
            out.append((start, start + sum(sizes[a:b])))
        return out

    def without(self, i: int, m: QuoteMark) -> bool:
        """Leave out mark ``m`` of paragraph ``i`` if that leaves fewer quotes unpaired;
        whether it did."""
        k = bisect_right(self.bounds, i)  # the piece that holds paragraph i
        lo = self.bounds[k - 1] if k else 0
        items = [x for x in self.grouped.marks[i] if x is not m]
        quotations, problems, roles, cuts, hi = _pair_run(self.text, self.grouped, lo, self.stops, (i, items), True)
        k2 = self.bounds.index(hi, k) + 1  # pieces k .. k2-1 are paired again
        (qa, qb), (pa, pb), (ra, rb) = self._offsets(k, k2)
        if len(problems) >= pb - pa:
            return False
        self.grouped.marks[i] = items
        self.quotations[qa:qb] = quotations
        self.problems[pa:pb] = problems
        self.roles[ra:rb] = roles
        self.stops.difference_update(self.bounds[k:k2])
        self.bounds[k:k2] = [c[0] for c in cuts]
        self.stops.update(self.bounds[k : k + len(cuts)])
        for n, sizes in zip((1, 2, 3), self.sizes):
            sizes[k:k2] = [c[n] - (cuts[j - 1][n] if j else 0) for j, c in enumerate(cuts)]
        return True


def _inch_marks(doc: Document, marks: tuple[QuoteMark, ...], grouped: _Grouped,
                paired: _Paired) -> tuple[tuple[QuoteMark, ...], _Paired]:
    """Double marks right after a number that leave quotes unpaired are inch marks
    (``70" TV``, ``16” wheels``), not quotation marks: each such mark, in order, is left
    out when that pairs up more of the story's quotes. A closing quote after a number
    (``"we won 3-0"``) pairs up and stays.

    Each mark is tried by pairing again only the stretch of paragraphs it can change
    (:class:`_Pairing`), so a long story with many such marks costs a few paragraphs per
    mark, not a pass over the story."""
    text = doc.text
    # '"' and '”' are double marks; most marks are neither, and are passed over on one test
    candidates = [m for m in marks if m.char in '"”' and m.offset > 0 and text[m.offset - 1].isdigit()]
    candidates = candidates[:MAX_INCH_TRIES]
    if not candidates:
        return marks, paired
    where = {id(m): None for m in candidates}
    for i, items in grouped.marks.items():
        for m in items:
            if id(m) in where:
                where[id(m)] = i
    pairing = _Pairing(text, grouped, _pair_run(text, grouped, record=True))  # the same, with its cuts
    dropped: set[int] = set()
    for m in candidates:
        i = where[id(m)]
        if i is None:
            continue  # in no paragraph: leaving it out changes nothing
        if pairing.without(i, m):
            dropped.add(id(m))
            if not pairing.problems:
                break
    if not dropped:
        return marks, paired
    marks = tuple(m for m in marks if id(m) not in dropped)
    return marks, (pairing.quotations, pairing.problems, pairing.roles, [], 0)


class _Doubles(NamedTuple):
    """The double marks' part of :class:`QuoteAnalysis`: all the pairing needs and gives."""

    marks: tuple[QuoteMark, ...]  # the double marks, inch marks left out
    quotations: tuple[Quotation, ...]
    problems: tuple[QuoteProblem, ...]  # sorted by span
    roles: dict[int, str]


def _kept(doc: Document, key: str, make: Callable[[], Any]) -> Any:
    """``doc.cached(key, make)``; a small document keeps the value with its own tokens: the
    engine's quotation filter and the quote rules (different families) then compute it
    once, not twice (bigger ones drop it with the family's other shared data, to bound memory)."""
    kept = doc._cache.get(key)
    if kept is not None:
        return kept
    value = doc.cached(key, make)
    if len(doc.text) <= KEEP_ANALYSIS:
        doc._cache[key] = value
    return value


def _doubles(doc: Document) -> _Doubles:
    """The double marks, paired (cached): what :func:`analyse` gives of them, without
    looking at the single marks (most of a story's marks, and only the mixed-quotes rule and
    the quotation spans need them; the unbalanced-quotes rule, which runs on nearly every
    story, does not)."""

    def make() -> _Doubles:
        marks = _double_marks(doc.text)
        grouped, inword = _group_doubles(doc, marks)
        paired = _pair_run(doc.text, grouped)
        if paired[1]:
            marks, paired = _inch_marks(doc, marks, grouped, paired)
        problems = inword + paired[1]
        if len(problems) > 1:
            problems.sort(key=_SPAN)
        return tuple.__new__(_Doubles, (marks, tuple(paired[0]), tuple(problems), dict(paired[2])))

    return _kept(doc, "quotations.doubles", make)


def _singles(doc: Document) -> tuple[QuoteMark, ...]:
    """The single marks (quotes and apostrophes), cached."""
    return _kept(doc, "quotations.singles", lambda: _marks(doc.text, SINGLE_MARKS))


def analyse(doc: Document) -> QuoteAnalysis:
    """The document's quotation marks, quotations and pairing problems (cached)."""

    def make() -> QuoteAnalysis:
        doubles = _doubles(doc)
        marks = tuple(sorted(doubles.marks + _singles(doc), key=_OFFSET))  # no two marks share an offset
        return QuoteAnalysis(marks, doubles.quotations, doubles.problems, quotation_spans(doc), doubles.roles)

    return _kept(doc, "quotations.analysis", make)


def problems(doc: Document) -> tuple[QuoteProblem, ...]:
    """``analyse(doc).problems``: the double marks that do not pair up, found without the
    single marks."""
    return _doubles(doc).problems


def marks_by_class(doc: Document) -> tuple[tuple[QuoteMark, ...], tuple[QuoteMark, ...]]:
    """``analyse(doc).marks`` split into the double marks and the single ones, each in
    order (the two are found apart: no merge of the two)."""
    return _doubles(doc).marks, _singles(doc)


def paired_roles(doc: Document) -> dict[int, str]:
    """``analyse(doc).roles``: offset -> "open"/"close" for the double marks the pairing placed."""
    return _doubles(doc).roles


def quotation_spans(doc: Document) -> tuple[Span, ...]:
    """Direct quotations (double and single, straight and curly), sorted and disjoint.

    A quotation that runs over several paragraphs is one span; one never closed runs to
    the end of its paragraph.
    """
    # Kept with the document's own tokens (not dropped between rule families): the engine
    # asks for it for every family's style findings, and the spans are few.
    spans: tuple[Span, ...] | None = doc._cache.get("quotations")
    if spans is None:
        spans = doc._cache["quotations"] = _merge(
            [q.span for q in _doubles(doc).quotations] + _single_spans(doc, _singles(doc)))
    return spans


def _enclosing(doc: Document, offset: int) -> Span | None:
    """The quotation whose span starts at or before ``offset`` and reaches past it."""
    spans = quotation_spans(doc)
    i = bisect_right(spans, Span(offset, len(doc.text) + 1)) - 1
    if i >= 0 and spans[i].start <= offset < spans[i].end:
        return spans[i]
    return None


def in_quotation(doc: Document, offset: int) -> bool:
    """Whether text offset ``offset`` lies inside a direct quotation (marks included)."""
    return _enclosing(doc, offset) is not None


def within_quotation(doc: Document, span: Span) -> bool:
    """Whether all of ``span`` lies inside one direct quotation."""
    q = _enclosing(doc, span.start)
    return q is not None and span.end <= q.end


def before_sic(doc: Document, span: Span) -> bool:
    """Whether ``[sic]`` (or ``(sic)``) follows ``span``: the writer kept the error on purpose."""
    return SIC.match(doc.text, span.end, span.end + 16) is not None  # endpos: keeps it O(1)
