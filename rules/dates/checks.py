"""Dates: a weekday that doesn't match its date, dates that don't exist, and mixed
day-month / month-day formats."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import regex

from newslint import patterns
from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl
from newslint.document import FORGET_LOWERED_CHARS
from newslint.rules.dates.parse import (
    weekday_dates,
    WEEKDAYS,
    DateText,
    Tokens,
    dateline,
    dates,
    days_in,
    long_words,
    nearest_year,
    read_date,
    pattern,
    story_tokens,
)

# "In April 31 people died": a month, a number and a plural noun are not a date.
NOT_A_DAY = patterns.compile(r"[ \u00a0]+(?:per[ \u00a0]?cent|percent|%|people|\p{Ll}+s\b)")
PREPOSITION_IN = patterns.compile(r"(?i)\b(?:in|by|of|than)[ \u00a0]+$")


def _words(doc: Document) -> frozenset[bytes]:
    """The story's :attr:`~newslint.document.Document.ascii_words`; for a long text that
    has not made them yet, found without keeping its lower-cased copy (see
    :func:`~newslint.rules.dates.parse.long_words`), which the date rules need for nothing else."""
    if len(doc.text) <= FORGET_LOWERED_CHARS or "ascii_words" in doc._cache:
        return doc.ascii_words
    words = doc.cached("dates.words", lambda: (long_words(doc.text),))[0]  # (None,): not in slices
    return doc.ascii_words if words is None else words


def _lowered(doc: Document) -> str | None:
    """The story in lower case if at hand or cheap to keep; else None (made if needed)."""
    if len(doc.text) <= FORGET_LOWERED_CHARS:
        return doc.lowered
    return doc._cache.get("lowered")


def _tokens(doc: Document) -> Tokens:
    """Where the story's dates can be (shared by the date rules)."""
    return doc.cached("dates.tokens", lambda: story_tokens(doc.text, _lowered(doc), _words(doc)))


def _dates(doc: Document) -> list[DateText]:
    """Every date in the story (shared by invalid-date and date-format)."""
    return doc.cached("dates.dates", lambda: list(dates(doc.text, _tokens(doc))))


def _story_date(doc: Document) -> dt.date | None:
    date = doc.date
    if date is not None:
        return date
    return doc.cached("dates.dateline", lambda: dateline(doc.text))


# What joins two dates of one span: "Thursday, Nov. 21, to Sunday, Nov. 24, 2024".
JOINED = patterns.compile(
    r"^[ ,\u00a0]*(?:to|and|through|until|till|thru|or|-|–|—)[ ,\u00a0]+(?:\p{L}+\.?,?[ \u00a0]+)?(?:the[ \u00a0]+)?$")


def _year_nearby(text: str, d: DateText, start: int, end: int) -> int | None:
    """The year of a full date joined to this one ("from Thursday, Nov. 21, to Sunday, Nov. 24, 2024")."""
    for m in pattern("date").finditer(text, end, min(len(text), end + 60)):
        other = read_date(m)
        if other is not None and other.year is not None and JOINED.match(text[end:other.start]):
            return other.year if (d.month, d.day) <= (other.month, other.day) else other.year - 1
        break
    return None


def _is_day(text: str, d: DateText) -> bool:
    """Whether a month and a number really are a date (not "in April 31 people died")."""
    if d.year is not None or not d.day_text.isdigit() or d.style != "mdy":
        return True
    return not (NOT_A_DAY.match(text, d.end) or PREPOSITION_IN.search(text, max(0, d.start - 6), d.start))


def _valid(d: DateText) -> bool:
    return 1 <= d.month <= 12 and 1 <= d.day <= days_in(d.month, d.year)


AP_WEEKDAYS = ("Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun")


@functools.cache
def _day_names() -> tuple[str, ...]:
    """``calendar.day_name`` as a tuple (each lookup of it calls ``strftime``)."""
    return tuple(calendar.day_name)


def _weekday_text(old: str, wd: int) -> str:
    """The weekday ``wd`` written like ``old`` ("Fri." -> "Thu.", "FRIDAY" -> "THURSDAY")."""
    stem = old.rstrip(".")
    if stem.lower() in (name.lower() for name in _day_names()):
        new = _day_names()[wd]
    elif stem.lower() in ("tues", "weds", "thur", "thurs"):
        new = AP_WEEKDAYS[wd]
    else:
        new = _day_names()[wd][:3]
    if stem.isupper():
        new = new.upper()
    return new + ("." if old.endswith(".") else "")


def weekday_mismatch(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags a weekday that does not match its date, such as `Friday, Nov. 21, 2024` (it was a
    Thursday). It reads `Thursday, Nov. 21, 2024`, `on Friday, 24 February 2023`, `Tuesday
    (Nov. 5)`, `Nov. 22 (Friday)`, AP month abbreviations and ordinals. Without a year, the story's date (`--date`, the config's `date`, Markdown front matter,
    or a dateline near the top such as `Published: 22 Nov 2024`) picks the year that puts the
    date nearest to it; with no story date, a date without a year is left alone.

    ## Why is this bad?
    A weekday that contradicts its date leaves readers unsure when something happens; one
    of the two is wrong, and often it is a date copied from an earlier draft.

    ## Example
    ```text
    The ministry said the vote took place on Friday, Nov. 21, 2024.
    ```

    ## Use instead
    ```text
    The ministry said the vote took place on Thursday, Nov. 21, 2024.
    ```

    ## Fix safety
    The fix replaces the weekday with the one the date falls on. It is unsafe: the date
    may be the wrong half.
    """
    text = doc.text
    toks = _tokens(doc)
    if not toks.any:
        return
    story: dt.date | None | bool = False
    for m in weekday_dates(text, toks, _lowered(doc), _words(doc)):
        d = read_date(m)
        if d is None or not _valid(d):
            continue
        year = d.year
        if year is None:
            year = _year_nearby(text, d, m.start(), m.end())
        if year is None:
            if story is False:
                story = _story_date(doc)
            if isinstance(story, dt.date):
                year = nearest_year(d.month, d.day, story)
        if year is None:
            continue
        try:
            real = dt.date(year, d.month, d.day).weekday()
        except ValueError:
            continue
        said = WEEKDAYS[m["wd"].rstrip(".").lower()]
        if said == real:
            continue
        date_text = text[d.start:d.end] + ("" if d.year else f" ({year})")
        message = (f"{m['wd'].rstrip('.')} does not match {date_text}: "
                   f"it is a {_day_names()[real]}")
        new = _weekday_text(m["wd"], real)
        fix = Fix(f'Change "{m["wd"]}" to "{new}"', (Edit(Span(*m.span("wd")), new),), Applicability.UNSAFE)
        yield Finding(Span(*m.span()), message, fix)


def invalid_date(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags dates that do not exist: `Feb. 30`, `Sept. 31, 2022`, `June 31st`, `31 April`,
    `2024-13-01`, and February 29 in a year that is not a leap year.

    ## Why is this bad?
    An impossible date is always a typo or a slip in a calculation, and readers cannot
    tell which day was meant.

    ## Example
    ```text
    The contract expires on Sept. 31, 2022, the company said.
    ```

    ## Use instead
    ```text
    The contract expires on Sept. 30, 2022, the company said.
    ```
    """
    text = doc.text
    for d in _dates(doc):
        if _valid(d) or not _is_day(text, d):
            continue
        if not 1 <= d.month <= 12:  # an ISO date's month is two figures: "2024-13-01"
            yield Finding(Span(d.start, d.end), f"{text[d.start:d.end]} does not exist: there is no month {d.month}")
            continue
        month = calendar.month_name[d.month]
        if d.month == 2 and d.day == 29 and d.year is not None:
            message = f"{text[d.start:d.end]} does not exist: {d.year} is not a leap year"
        else:
            message = f"{text[d.start:d.end]} does not exist: {month} has {days_in(d.month, d.year)} days"
        yield Finding(Span(d.start, d.end), message)


STYLE_NAMES = {"mdy": "month-day-year", "dmy": "day-month-year"}


def _restyle(d: DateText) -> str | None:
    """The date in the other order ("18 August 2018" <-> "August 18, 2018")."""
    if d.has_of:
        return None
    if d.style == "dmy":
        return f"{d.month_text} {d.day_text}" + (f", {d.year}" if d.year else "")
    return f"{d.day_text} {d.month_text}" + (f" {d.year}" if d.year else "")


def date_format(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags day-month-year dates (`18 August 2018`) in a story that writes month-day-year
    (`November 22, 2024`), or the reverse: the minority style is flagged (on a tie, the
    style used second), or every date off the house style you set.

    ## Why is this bad?
    One story, one date style: a mix shows copy pasted from several sources, and with
    figures alone (`4/5`) readers cannot tell the day from the month.

    ## Example
    ```text
    The talks opened on 18 August 2018. They resumed on November 22, 2024, in Kyiv.
    ```

    ## Use instead
    ```text
    The talks opened on August 18, 2018. They resumed on November 22, 2024, in Kyiv.
    ```

    ## Options
    - `style`: `"any"` (flag the minority), `"mdy"` (AP style: `Nov. 22, 2024`) or
      `"dmy"` (`22 November 2024`).

    ## Fix safety
    The fix rewrites the date in the other order; it is unsafe (a comma may be needed after
    the year).
    """
    text = doc.text
    found = [d for d in _dates(doc) if d.style in ("mdy", "dmy") and _valid(d) and _is_day(text, d)]
    house = str(options.get("style", "any"))
    counts = Counter(d.style for d in found)
    if house in STYLE_NAMES:
        keep = house
    elif len(counts) < 2:
        return
    else:
        first = {}
        for d in found:
            first.setdefault(d.style, d.start)
        keep = max(counts, key=lambda s: (counts[s], -first[s]))
    example = next((text[d.start:d.end] for d in found if d.style == keep), "")
    for d in found:
        if d.style == keep:
            continue
        where = f'("{example}")' if example and house == "any" else "(house style)"
        message = f"{STYLE_NAMES[d.style].capitalize()} date in a story that writes {STYLE_NAMES[keep]} {where}"
        new = _restyle(d)
        fix = None
        if new:
            start = d.start + (4 if text.startswith("the ", d.start) else 0)
            fix = Fix(f'Write "{new}"', (Edit(Span(start, d.end), new),), Applicability.UNSAFE)
        yield Finding(Span(d.start, d.end), message, fix)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("DAT001", "weekday-mismatch", Severity.ERROR, weekday_mismatch, fixable="unsafe"))
    register(Rule("DAT002", "invalid-date", Severity.ERROR, invalid_date))
    register(Rule("DAT003", "date-format", Severity.INFO, date_format, default=False, fixable="unsafe",
                  options={"style": "any"}, choices={"style": ("any", "mdy", "dmy")}, style=True))
