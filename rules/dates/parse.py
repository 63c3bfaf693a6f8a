"""Dates as news copy writes them ("Thursday, Nov. 21, 2024", "on Friday, 24 February 2023",
"Tuesday (Nov. 5)", "Nov. 22nd"), and the story's own date from a dateline near the top."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import regex

from newslint import patterns
from newslint.document import ascii_word_set, find_all, lower_in_place

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                 "sat": 5, "sun": 6})


def _names(words: dict[str, int]) -> str:
    forms = sorted(words, key=len, reverse=True)
    return "|".join(f"{w.capitalize()}|{w.upper()}" for w in forms)


def _name_or_abbr(words: dict[str, int]) -> str:
    """Full names as they are; abbreviations with an optional period ("Sept.", "Thu")."""
    full = [w for w in words if len(w) > 5 or w in ("may", "june", "july", "march", "april", "monday", "friday",
                                                   "sunday")]
    abbr = [w for w in words if w not in full]
    return rf"(?:(?:{_names(dict.fromkeys(full, 0))})(?!\p{{L}})|(?:{_names(dict.fromkeys(abbr, 0))})\.?(?!\p{{L}}))"


_SP = r"[ \u00a0]+"
MON = rf"(?P<mon>{_name_or_abbr(MONTHS)})"
DAY = r"(?<![\d.,:/])(?P<day>[0-3]?\d)(?P<ord>st|nd|rd|th)?(?![\d\p{L}])"
YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)(?![\d,]\d)"
MDY = rf"(?P<mdy>{MON}{_SP}{DAY}(?:,?{_SP}{YEAR})?)"
DMY = rf"(?P<dmy>(?:the{_SP})?{DAY}(?:{_SP}of)?{_SP}{MON}(?:,?{_SP}{YEAR})?)"
ISO = r"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)"
DATE = rf"(?:{DMY}|{MDY}|{ISO})"
WD = rf"(?P<wd>{_name_or_abbr(WEEKDAYS)})"

WEEKDAY_DATE = rf"""(?<!\p{{L}})(?=\d|\p{{Lu}})(?:
    {WD}(?:{_SP}(?:morning|afternoon|evening|night))?,?{_SP}(?:the{_SP})?{DATE}  # Thursday, Nov. 21, 2024
  | {WD}[ \u00a0]*\([ \u00a0]*{DATE}[ \u00a0]*\)                                  # Tuesday (Nov. 5)
  | {DATE},?[ \u00a0]*\([ \u00a0]*{WD}[ \u00a0]*\)                                # Nov. 5 (Tuesday)
  | {DATE},{_SP}(?:which{_SP}(?:was|is|will{_SP}be|falls{_SP}on){_SP})?an?{_SP}{WD}  # Nov. 21, a Thursday
)"""
# A line near the top that is only a date: "November 22, 2024", "Published: 22 Nov 2024 10:32 GMT".
DATELINE = rf"""^[ \u00a0]*(?:(?:first[ ]published|published|updated|last[ ]updated|posted|date)(?:[ ]on)?[ ]*:?[ ]*)?
    (?:{WD},?[ \u00a0]*)?{DATE}[ ,.]*(?:(?:at[ ])?\d{{1,2}}[:.]\d\d.*)?$"""
_SOURCES: dict[str, tuple[str, int]] = {
    "date": (rf"(?<!\p{{L}})(?=\d|\p{{Lu}}){DATE}", regex.VERSION1),
    "weekday": (WEEKDAY_DATE, regex.VERBOSE | regex.VERSION1),
    "dateline": (DATELINE, regex.VERBOSE | regex.IGNORECASE | regex.VERSION1 | regex.MULTILINE),
    "weekday_name": (rf"(?<!\p{{L}}){WD}", 0),
}


@functools.cache
def pattern(name: str) -> regex.Pattern[str]:
    """A date pattern by name ("date", "weekday", "dateline", "weekday_name"), compiled on
    first use: they are large, and import time matters."""
    source, flags = _SOURCES[name]
    return patterns.compile(source, flags)


class Tokens(NamedTuple):
    """Where a date can be anchored in a text: month names and ISO dates (found with small
    patterns, so the large date patterns are only tried where a date can be). A named tuple,
    as :class:`DateText` is."""

    any: bool  # a month name or an ISO-like date anywhere (even inside a word: "Mayor")
    months: tuple[int, ...]  # starts of month names that end a word ("Nov." and "May", not "Mayor")
    isos: tuple[int, ...]  # starts of ISO-like dates
    # Every place a match of the "date" pattern can start (see :func:`_date_starts`): worked
    # out once, for the dates and for the weekdays with their dates.
    starts: tuple[int, ...] = ()


_MONTH_NAMES = patterns.compile(f"(?:{_names(MONTHS)})")
# The forms ``_MONTH_NAMES`` matches, by their first three letters, longest first ("Sep":
# "September", "Sept", "Sep"): the alternation (longest first) matches at a place the
# longest form the text starts with there, and every form begins with its three letters.
_MONTH_FORMS: dict[str, tuple[str, ...]] = {}
for _form in sorted((f(k) for k in MONTHS for f in (str.capitalize, str.upper)), key=len, reverse=True):
    _MONTH_FORMS.setdefault(_form[:3], ())
    _MONTH_FORMS[_form[:3]] += (_form,)
del _form


def _month_end(text: str, q: int) -> int:
    """Where the match of ``_MONTH_NAMES`` at ``q`` ends, or -1 if there is none."""
    for form in _MONTH_FORMS.get(text[q : q + 3], ()):
        if text.startswith(form, q):
            return q + len(form)
    return -1

# ISO-like dates, found overlapping so that none is skipped ("2019-01-2020-01-01").
_ISO_LIKE = patterns.compile(r"\d{4}-\d\d-\d\d")
# What can stand between a day and its month: "21st of ", "5 ", "the 3rd".
_DAY_PART = frozenset("0123456789 \u00a0ofstndrh")
# What stands between a month name and its day: "Nov. 5", "May\u00a05".
_AFTER_MONTH = frozenset(". \u00a0")


# Every month and weekday name starts with its three-letter abbreviation ("Sep" of "Sept."),
# and none holds another's: the names are found from these with ``str.find`` (several
# times faster than scanning with the alternation), then matched exactly.
_MONTH_NEEDLES = tuple(sorted({f(k[:3]) for k in MONTHS for f in (str.capitalize, str.upper)}))
_WEEKDAY_NEEDLES = tuple(sorted({f(k[:3]) for k in WEEKDAYS for f in (str.capitalize, str.upper)}))
# Half as many needles, each looked for once in the lower-cased text ("jan" for "Jan" and
# "JAN"); a place counts where the text itself holds one of the needles above.
_MONTH_LOWER = tuple(sorted({k[:3] for k in MONTHS}))
_WEEKDAY_LOWER = tuple(sorted({k[:3] for k in WEEKDAYS}))
_MONTH_SET = frozenset(_MONTH_NEEDLES)
_WEEKDAY_SET = frozenset(_WEEKDAY_NEEDLES)
# Every name as an ASCII word, to look up in a document's ``ascii_words``.
_MONTH_WORDS = frozenset(k.encode() for k in MONTHS)
_WEEKDAY_WORDS = frozenset(k.encode() for k in WEEKDAYS)
# Each name's first three letters capitalized and in capitals (b"nov": ("Nov", "NOV")).
_CASED = {w: (w[:3].decode().capitalize(), w[:3].decode().upper()) for w in _MONTH_WORDS | _WEEKDAY_WORDS}


def _needles_at(text: str, low: str | None, lower: tuple[str, ...], cased: frozenset[str]) -> list[int]:
    """``find_all(text, cased)`` for three-letter needles, found in ``low`` (``text`` in
    lower case, offset for offset) with ``lower`` (lower-case needles of three letters or
    more: where one occurs, the text's first three letters there must be one of ``cased``)."""
    low = lower_in_place(text) if low is None else low
    return [q for q in find_all(low, lower) if text[q : q + 3] in cased]


def _word_needles(words: frozenset[bytes], keys: frozenset[bytes]) -> tuple[str, ...]:
    """The names of ``keys`` that stand as words in the story (``words``: its
    :attr:`~newslint.document.Document.ascii_words`), each looked for once: a name that
    another found name begins ("september" after "sep") is left out, as ``str.find`` of the
    shorter one finds it too."""
    found = sorted(w.decode() for w in keys.intersection(words))
    return tuple(w for i, w in enumerate(found) if not any(w.startswith(v) for v in found[:i]))


def _capitals(names: frozenset[bytes]) -> tuple[str, frozenset[str]]:
    """For names found as words (lower case): their capital initials, and their first
    three letters capitalized and in capitals ("Nov", "NOV"). Remembered (stories name the
    same few months and days), and cheap to make from a table when not: a new story brings
    a new set one time in three."""
    got = _CAPITALS_SEEN.get(names)
    if got is None:
        if len(_CAPITALS_SEEN) >= 1024:
            _CAPITALS_SEEN.clear()
        cased = frozenset([c for w in names for c in _CASED[w]])
        got = _CAPITALS_SEEN[names] = "".join(sorted({c[0] for c in cased})), cased
    return got


_CAPITALS_SEEN: dict[frozenset[bytes], tuple[str, frozenset[str]]] = {}


def _names_at(text: str, low: str | None, words: frozenset[bytes], keys: frozenset[bytes]) -> list[int]:
    """Where a name of ``keys`` that stands as a word in the story can begin: where the
    text holds its first three letters capitalized or in capitals ("Nov", "NOV"), for the
    names among ``words`` (the story's ASCII words). A superset of the places a name
    pattern can match at (the patterns say which).

    The capitals are found with ``str.find`` of one character, which runs through a text
    many times faster than of three letters, and a story has few of each; text with many
    (copy in capitals) is searched by name instead, from the lower-cased text ``low``
    (made here if None)."""
    present = keys.intersection(words)
    if not present:
        return []
    initials, cased = _capitals(present)
    budget = 32 + len(text) // 50  # capitals looked at before the search by name is cheaper
    out: list[int] = []
    find = text.find
    for initial in initials:
        q = find(initial)
        while q >= 0:
            budget -= 1
            if budget < 0:
                low = lower_in_place(text) if low is None else low
                return [q for q in find_all(low, _word_needles(present, present)) if text[q : q + 3] in cased]
            if text[q : q + 3] in cased:
                out.append(q)
            q = find(initial, q + 1)
    out.sort()
    return out


def weekday_names(text: str, low: str | None = None,
                  words: frozenset[bytes] | None = None) -> Iterator[regex.Match[str]]:
    """``pattern("weekday_name").finditer(text)``, tried only where a name can start
    (``low``: the text in lower case, offset for offset, if at hand; ``words``: its
    ASCII words, if at hand).

    A match stands after no letter and before none, so in ``low`` it is a whole run of
    ASCII letters, one of ``words``: only the weekday names among them are looked for."""
    pat = pattern("weekday_name")
    if words is None:
        places = _needles_at(text, low, _WEEKDAY_LOWER, _WEEKDAY_SET)
    else:
        places = _names_at(text, lower_in_place(text) if low is None else low, words, _WEEKDAY_WORDS)
    for q in places:
        m = pat.match(text, q)
        if m is not None:
            yield m


def tokens(text: str, low: str | None = None) -> Tokens:
    """The month names and ISO dates in ``text`` (``low``: the text in lower case, offset
    for offset, if at hand)."""
    months: list[int] = []
    ends: list[int] = []
    found = False
    n = len(text)
    for q in _needles_at(text, low, _MONTH_LOWER, _MONTH_SET):
        e = _month_end(text, q)
        if e < 0:
            continue
        found = True
        if e >= n or not text[e].isalpha():
            months.append(q)
            ends.append(e)
    isos = tuple(m.start() for m in _ISO_LIKE.finditer(text, overlapped=True))
    return Tokens(found or bool(isos), tuple(months), isos, _starts(text, months, ends, isos))


def iso_starts(text: str) -> tuple[int, ...]:
    """Where an ISO-like date starts (``_ISO_LIKE`` found overlapping), from the hyphens:
    a story has few, and ``str.find`` runs through it several times faster than the
    pattern's scan."""
    out: list[int] = []
    n = len(text)
    i = text.find("-", 4)
    while i >= 0:
        # "dddd-dd-dd" with its first hyphen at i (``\d`` is a decimal digit: isdecimal)
        if (i + 6 <= n and text[i + 3] == "-" and text[i - 4 : i].isdecimal()
                and text[i + 1 : i + 3].isdecimal() and text[i + 4 : i + 6].isdecimal()):
            out.append(i - 4)
        i = text.find("-", i + 1)
    return tuple(out)


# Texts longer than this have their ASCII words found a slice at a time (see :func:`long_words`).
_WORD_SLICE = 1 << 20
_WHITESPACE = regex.compile(r"\s")


def long_words(text: str) -> frozenset[bytes] | None:
    """:attr:`~newslint.document.Document.ascii_words` of a long text, without its
    lower-cased copy: the copy of a 20 MB file takes 40 MB, and 80 MB while it is joined
    from slices, more than everything else the date rules hold. Each slice (cut after a
    space, where no case mapping looks across) is lowered and its words taken, so a run
    of letters never straddles two; None when lowering a slice changes its length (as
    "İ" does), where the document lowers only the ASCII letters of the whole text."""
    out: set[bytes] = set()
    start, n = 0, len(text)
    while start < n:
        m = _WHITESPACE.search(text, min(n, start + _WORD_SLICE))
        end = n if m is None else m.end()
        part = text[start:end]
        low = part.lower()
        if len(low) != len(part):
            return None
        out.update(ascii_word_set(low))
        start = end
    return frozenset(out)


def story_tokens(text: str, low: str | None, words: frozenset[bytes]) -> Tokens:
    """:func:`tokens` for a document, from its lower-cased text ``low`` and its
    :attr:`~newslint.document.Document.ascii_words`: the months are those that stand as
    words (after no letter, as well as before none), the only ones where a date can be.

    A date's month stands after a space or at the start of the date (the patterns say so,
    case and all), and the figures and letters of a day before it ("5th of ") hold no
    capital; so a month name after a letter ("TheMay 5") begins no date, and leaving it out
    leaves every date found as it was. A month that stands as a word is a whole run of ASCII
    letters in ``low``, one of ``words``: only the month names among them are looked for
    (most stories name one or two months, and ``str.find`` costs a pass over the text per
    name). ``any`` says whether a month or an ISO date was found. ``low`` may be None: it is
    needed only for copy in capitals, and made then."""
    months: list[int] = []
    ends: list[int] = []
    n = len(text)
    for q in _names_at(text, low, words, _MONTH_WORDS):
        if q and text[q - 1].isalpha():
            continue
        e = _month_end(text, q)
        if e >= 0 and (e >= n or not text[e].isalpha()):
            months.append(q)
            ends.append(e)
    isos = iso_starts(text)
    return Tokens(bool(months or isos), tuple(months), isos, _starts(text, months, ends, isos))


def _starts(text: str, months: list[int], ends: list[int], isos: tuple[int, ...]) -> tuple[int, ...]:
    """Every place a match of the "date" pattern can start: a month name (month-day) with
    a figure after it, a figure before one (day-month: the figures in the run of day,
    ordinal, "of" and spaces that ends at it) and an ISO date. A superset: the pattern decides.

    ``ends``: where each month name ends. A date that starts at a month name (a capital)
    is a month-day one (day-month and ISO dates start with a figure or "the"): its name,
    a period, spaces and the day's figure, so a name with no figure after those ("in
    November") starts none, and the pattern is not tried there. Nor does a name before a
    year ("October 2023", "August 2018, Brandenburg"): the day is one or two figures, with
    no figure after them (``DAY``), and three decimal figures in a row hold no such day."""
    starts = set(isos)
    n = len(text)
    for q, e in zip(months, ends):
        # (a character at a time: the runs are short, and a str method call costs more)
        while e < n and text[e] in _AFTER_MONTH:
            e += 1
        if e < n and text[e].isdigit():
            figures = text[e : e + 3]
            if len(figures) < 3 or not figures.isdecimal():  # (not a year)
                starts.add(q)
        i = q
        while i > 0 and text[i - 1] in _DAY_PART:
            i -= 1
            if text[i].isdigit():
                starts.add(i)
    return tuple(sorted(starts))


def _date_starts(text: str, toks: Tokens) -> tuple[int, ...]:
    """Every place a match of the "date" pattern can start (see :func:`_starts`)."""
    return toks.starts


def _matches(pat: regex.Pattern[str], text: str, starts: Sequence[int], lo: int = 0,
             hi: int | None = None) -> Iterator[regex.Match[str]]:
    """``pat.finditer(text, lo, hi)``, trying only at ``starts`` (sorted; a superset of the
    places a match can start)."""
    hi = len(text) if hi is None else hi
    last_end = lo
    for p in starts[bisect.bisect_left(starts, lo):]:
        if p >= hi:
            break
        if p < last_end:
            continue
        m = pat.match(text, p, hi)
        if m is not None:
            last_end = m.end() if m.end() > p else p + 1
            yield m


def _within(points: tuple[int, ...], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(points, lo)
    return i < len(points) and points[i] < hi


# How far from a month name or an ISO date a weekday name can matter to :func:`weekday_dates`:
# a name is tried when a date token lies within 60 characters before it or 40 after its end
# (a name is at most 10 characters, "Wednesday."), and the places tried for it lie within
# those bounds; so every name that matters starts less than 110 characters from a token.
_NEAR = 120


def _weekday_names_near(text: str, toks: Tokens, low: str | None,
                        words: frozenset[bytes] | None) -> list[regex.Match[str]]:
    """The weekday names (:func:`weekday_names`) that start within ``_NEAR`` characters of a
    month name or an ISO date of ``toks``: the only ones :func:`weekday_dates` can use, found
    without a pass over the whole story (most weekdays in news copy, "said on Tuesday", have
    no date beside them, and a story names its months in a few places)."""
    if words is not None:
        present = _WEEKDAY_WORDS.intersection(words)
        if not present:
            return []
        initials, cased = _capitals(present)
    else:
        initials, cased = "".join(sorted({c[0] for c in _WEEKDAY_SET})), _WEEKDAY_SET
    pat = pattern("weekday_name")
    n = len(text)
    out: list[regex.Match[str]] = []
    find = text.find
    places: list[int] = []
    for lo, hi in _windows(sorted(toks.months + toks.isos), _NEAR, n):
        places.clear()
        for initial in initials:
            q = find(initial, lo, hi)
            while q >= 0:
                if text[q : q + 3] in cased:
                    places.append(q)
                q = find(initial, q + 1, hi)
        places.sort()
        for q in places:
            m = pat.match(text, q)
            if m is not None:
                out.append(m)
    return out


def _windows(points: list[int], reach: int, n: int) -> Iterator[tuple[int, int]]:
    """The stretches within ``reach`` of the sorted ``points`` (clipped to ``0..n``),
    overlapping ones merged, in order."""
    lo = hi = -1
    for p in points:
        a, b = max(0, p - reach), min(n, p + reach)
        if a > hi:
            if hi > lo:
                yield lo, hi
            lo = a
        hi = max(hi, b)
    if hi > lo:
        yield lo, hi


# What can follow a weekday name in a match that starts with it: the spaces before its
# date or part of the day, the comma before the date, or the parenthesis around it
# ("Thursday's", "Tuesday." and "Friday-night" start none: the name is not tried there).
_AFTER_WEEKDAY = frozenset(" \u00a0,(")


def weekday_dates(text: str, toks: Tokens | None = None, low: str | None = None,
                  words: frozenset[bytes] | None = None) -> Iterator[regex.Match[str]]:
    """Weekdays with their dates, found from the weekday names (cheap on long texts).

    Every match holds a date, so a month name or an ISO date: it is looked for only near a
    weekday name that has one within reach, and tried only where it can start (a weekday
    name, or where a date can start). ``low`` and ``words`` are the text in lower case and
    its ASCII words, if at hand (see :func:`weekday_names`)."""
    if toks is None:
        toks = tokens(text)
        names = list(weekday_names(text, low, words))
    elif not (toks.months or toks.isos):
        return  # every match holds a date
    else:
        names = _weekday_names_near(text, toks, low, words)
    last_end = -1
    weekday = pattern("weekday")
    starts: list[int] | None = None
    for w in names:
        if w.start() < last_end:
            continue
        lo = max(0, w.start() - 60, last_end)
        hi = min(len(text), w.end() + 40)
        if not (_within(toks.months, lo, hi) or _within(toks.isos, lo, hi)):
            continue
        if starts is None:
            starts = sorted(set(_date_starts(text, toks)).union(
                n.start() for n in names if text[n.end() : n.end() + 1] in _AFTER_WEEKDAY))
        for m in _matches(weekday, text, starts, lo, hi):
            if m.span("wd") == w.span("wd"):
                last_end = m.end()
                yield m
                break


class DateText(NamedTuple):
    """A date as written: where, its parts, and the style ("mdy", "dmy" or "iso").

    A named tuple: a story has dozens of dates, and a tuple is made several times faster
    than a frozen dataclass instance."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    style: str
    month_text: str
    day_text: str  # with its ordinal, as written
    has_of: bool = False


_DATE_GROUPS = ("iso", "im", "id", "iy", "mdy", "dmy", "mon", "day", "year", "ord")


@functools.cache
def _group_numbers(pat: regex.Pattern[str]) -> tuple[int, ...]:
    """The numbers of the date groups in a pattern (a group by number is read ~3 times faster
    than by name)."""
    return tuple(pat.groupindex[name] for name in _DATE_GROUPS)


def read_date(m: regex.Match[str]) -> DateText | None:
    """A :class:`DateText` from a match that holds the date groups."""
    numbers = _group_numbers(m.re)
    # every group in one call (a call per group costs more than the rest of this)
    iso_text, im, iday, iy, mdy, dmy, month_text, day_text, year_text, ordinal = m.group(*numbers)
    if iso_text:
        iso = numbers[0]
        return DateText(m.start(iso), m.end(iso), int(im), int(iday), int(iy), "iso", im, iday)
    style, group = ("mdy", numbers[4]) if mdy else ("dmy", numbers[5])
    month = MONTHS.get(month_text.rstrip(".").lower())
    if month is None:
        return None
    day_value = int(day_text)
    if not 1 <= day_value <= 31:
        return None
    start, end = m.span(group)
    of = style == "dmy" and " of " in dmy
    return DateText(start, end, month, day_value, int(year_text) if year_text else None, style, month_text,
                    day_text + (ordinal or ""), of)


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in(month: int, year: int | None) -> int:
    """Days in a month (February has 29 when the year is unknown)."""
    if month == 2:
        return 29 if year is None or calendar.isleap(year) else 28
    if 1 <= month <= 12:
        return _MONTH_DAYS[month]  # what calendar.monthrange gives, without its weekday
    return calendar.monthrange(year if year is not None else 2000, month)[1]  # (raises, as it did)


def dates(text: str, toks: Tokens | None = None) -> Iterator[DateText]:
    """Every date with a day and a month in ``text``."""
    toks = tokens(text) if toks is None else toks
    if not toks.any:
        return
    for m in _matches(pattern("date"), text, _date_starts(text, toks)):
        d = read_date(m)
        if d is not None:
            yield d


def dateline(text: str, lines: int = 8) -> dt.date | None:
    """The story's date from a line near the top that holds only a date."""
    head = "\n".join(text.lstrip().split("\n", lines)[:lines])
    for m in pattern("dateline").finditer(head):
        d = read_date(m)
        if d is not None and d.year is not None and len(m.group()) <= 80:
            try:
                return dt.date(d.year, d.month, d.day)
            except ValueError:
                return None
    return None


def nearest_year(month: int, day: int, ref: dt.date) -> int | None:
    """The year that puts month/day nearest ``ref``, if within six months of it."""
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - ref).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, year)
    if best is None or best[0] > 183:
        return None
    return best[1]
