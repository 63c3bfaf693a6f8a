"""Dates as news copy writes them ("Thursday, Nov. 21, 2024", "on Friday, 24 February 2023",
"Tuesday (Nov. 5)", "Nov. 22nd"), and the story's own date from a dateline near the top."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from linter import patterns

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


def weekday_dates(text: str) -> Iterator[regex.Match[str]]:
    """Weekdays with their dates, found from the weekday names (cheap on long texts)."""
    last_end = -1
    for w in pattern("weekday_name").finditer(text):
        if w.start() < last_end:
            continue
        lo = max(0, w.start() - 60, last_end)
        for m in pattern("weekday").finditer(text, lo, min(len(text), w.end() + 40)):
            if m.span("wd") == w.span("wd"):
                last_end = m.end()
                yield m
                break


PREFILTER = patterns.compile(rf"(?:{_names(MONTHS)})|\d{{4}}-\d\d-\d\d")


@dataclass(frozen=True, slots=True)
class DateText:
    """A date as written: where, its parts, and the style ("mdy", "dmy" or "iso")."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    style: str
    month_text: str
    day_text: str  # with its ordinal, as written
    has_of: bool = False


def parse_date(m: regex.Match[str]) -> DateText | None:
    """A :class:`DateText` from a match that holds the date groups."""
    if m["iso"]:
        return DateText(m.start("iso"), m.end("iso"), int(m["im"]), int(m["id"]), int(m["iy"]), "iso",
                        m["im"], m["id"])
    style = "mdy" if m["mdy"] else "dmy"
    key = m["mon"].rstrip(".").lower()
    month = MONTHS.get(key)
    if month is None:
        return None
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    year = int(m["year"]) if m["year"] else None
    start, end = m.span(style)
    of = style == "dmy" and " of " in m[style]
    return DateText(start, end, month, day, year, style, m["mon"], m["day"] + (m["ord"] or ""), of)


def days_in(month: int, year: int | None) -> int:
    """Days in a month (February has 29 when the year is unknown)."""
    if month == 2 and year is None:
        return 29
    return calendar.monthrange(year if year is not None else 2000, month)[1]


def dates(text: str) -> Iterator[DateText]:
    """Every date with a day and a month in ``text``."""
    if not PREFILTER.search(text):
        return
    for m in pattern("date").finditer(text):
        d = parse_date(m)
        if d is not None:
            yield d


def dateline(text: str, lines: int = 8) -> dt.date | None:
    """The story's date from a line near the top that holds only a date."""
    head = "\n".join(text.lstrip().split("\n", lines)[:lines])
    for m in pattern("dateline").finditer(head):
        d = parse_date(m)
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
