"""The dates family's cheaper scans give exactly what the plain passes gave.

Copy is assembled from pieces news uses around dates (weekday and month names, ordinals,
"the 5th of", no-break spaces, periods, figures of other scripts, names inside words), so
that the edges come up often; each scan is compared with the simple pass it stands in for.
"""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from newslint import Document
from newslint.rules.dates import parse as dates

PIECES = [
    "Nov.", "Nov", "November", "NOV.", "May", "MAY", "Sept.", "Sept", "September", "June", "Jun.", "Mayor",
    "Monday", "Mon.", "Tues.", "Thursday", "THURSDAY", "Wed", "Sat", "Sunday", "Fri.",
    "5", "21", "31st", "22nd", "3rd", "4th", "2024", "1999", "٣", "the", "of", "on", "in", "a", "which was",
    "2024-11-22", "2019-01-2020-01-01", " ", "  ", "\u00a0", ",", ".", ", ", "(", ")", "-", "\n", "said", "x",
    "é", "St", "nd", "th",
]
copy = st.lists(st.sampled_from(PIECES), max_size=40).map(lambda parts: "".join(
    p if i % 3 else p + " " for i, p in enumerate(parts)))


def _old_starts(text: str, months: list[int], isos: tuple[int, ...]) -> tuple[int, ...]:
    """The date starts as first written: every month name, and the figures walked back to."""
    starts = set(isos)
    for q in months:
        starts.add(q)
        i = q
        while i > 0 and text[i - 1] in "0123456789 \u00a0ofstndrh":
            i -= 1
            if text[i].isdigit():
                starts.add(i)
    return tuple(sorted(starts))


@settings(max_examples=400, deadline=None)
@given(copy)
def test_month_ends_are_the_alternation_matches(text):
    for q in range(len(text)):
        m = dates._MONTH_NAMES.match(text, q)
        assert dates._month_end(text, q) == (-1 if m is None else m.end())


@settings(max_examples=400, deadline=None)
@given(copy)
def test_dates_found_from_the_starts_are_those_of_every_month(text):
    """Leaving out the month names with no figure after them, and finding the figures before
    them with str methods, changes no date found."""
    doc = Document.from_text(text)
    toks = dates.story_tokens(text, doc.lowered, doc.ascii_words)
    assert set(toks.starts) <= set(_old_starts(text, list(toks.months), toks.isos))
    pat = dates.pattern("date")
    old = [m.span() for m in dates._matches(pat, text, _old_starts(text, list(toks.months), toks.isos))]
    assert [m.span() for m in dates._matches(pat, text, toks.starts)] == old


@settings(max_examples=400, deadline=None)
@given(copy)
def test_weekday_dates_near_the_months_are_those_of_every_weekday(text):
    doc = Document.from_text(text)
    toks = dates.story_tokens(text, doc.lowered, doc.ascii_words)
    got = [m.span() for m in dates.weekday_dates(text, toks, doc.lowered, doc.ascii_words)]
    assert got == [m.span() for m in dates.weekday_dates(text)]


def test_a_weekday_far_from_its_month_in_a_long_story():
    """Weekday names are looked for only near month names: one 200 characters away is not
    tried, one within reach is, however long the copy between them."""
    filler = "The council met again and the talks went on. " * 40
    text = f"On Friday, {filler}the vote was held on Friday, Nov. 21, 2024, officials said. {filler}Monday"
    doc = Document.from_text(text)
    toks = dates.story_tokens(text, doc.lowered, doc.ascii_words)
    near = [m.start() for m in dates._weekday_names_near(text, toks, doc.lowered, doc.ascii_words)]
    assert near == [text.index("Friday, Nov.")]
    assert [m.span() for m in dates.weekday_dates(text, toks, doc.lowered, doc.ascii_words)] == [
        m.span() for m in dates.weekday_dates(text)]


def test_windows_merge_and_clip():
    assert list(dates._windows([5, 100, 150, 400], 60, 420)) == [(0, 210), (340, 420)]
    assert list(dates._windows([], 60, 100)) == []


def test_weekdays_as_far_from_their_months_as_the_pattern_reaches():
    """The longest reaches of the weekday pattern between a weekday name and its month."""
    text = ("Talks resume on Wednesday morning, the 21st of\u00a0November 2024. "
            "The vote is set for November 21, 2024, which will be a Thursday, and the count for "
            "the 22nd of November 2024 (Friday) or Saturday (the 23rd of November).")
    doc = Document.from_text(text)
    toks = dates.story_tokens(text, doc.lowered, doc.ascii_words)
    got = [text[m.start("wd"):m.end("wd")] for m in dates.weekday_dates(text, toks, doc.lowered, doc.ascii_words)]
    assert got == ["Wednesday", "Thursday", "Friday", "Saturday"]
    assert got == [text[m.start("wd"):m.end("wd")] for m in dates.weekday_dates(text)]


def test_long_texts_find_their_words_without_a_lower_cased_copy():
    """A long text's ASCII words, found a slice at a time, are the document's; a text whose
    lowering changes length ("İ") is left to the document."""
    from newslint.rules.dates import checks

    story = ("On Friday, Nov. 21, 2024, the MAYOR of Ærøskøbing met ΣΟΦΊΑ in Straße; KELVIN "
             "\u212a and tomorrow\u00a0Tuesday.\n")
    text = story * (1 + dates._WORD_SLICE // len(story))
    assert len(text) > dates._WORD_SLICE
    assert dates.long_words(text) == Document.from_text(text).ascii_words
    assert dates.long_words(text + "İstanbul") is None
    for long_text in (text, text + "İstanbul"):
        doc = Document.from_text(long_text)
        assert checks._words(doc) == Document.from_text(long_text).ascii_words
        assert "lowered" not in doc._cache or long_text.endswith("İstanbul")
        found = [f.span for f in checks.weekday_mismatch(doc)]
        assert len(found) == long_text.count("Friday, Nov. 21, 2024")


def test_days_in_as_the_calendar_gives_them():
    """days_in reads a table (no weekday worked out per date): the calendar's answer for
    every month of every year the date patterns can read, and the same error for a month
    that does not exist (an ISO date's "00")."""
    import calendar

    import pytest

    from newslint.rules.dates.parse import days_in

    for year in [None, *range(1800, 2200)]:
        for month in range(1, 13):
            expected = 29 if month == 2 and year is None else calendar.monthrange(year or 2000, month)[1]
            assert days_in(month, year) == expected
    for month in (0, 13, 19):
        with pytest.raises(calendar.IllegalMonthError):
            days_in(month, 2024)


# -- a month before a year, a weekday name no date can follow ----------------------------------

YEAR_PIECES = PIECES + ["October 2023", "Aug. 2018", "June 202", "Nov 0123", "May 12", "Sept.\u00a02024", "٣٤٥",
                        "Thursday's", "Tuesday.", "Friday-night", "(Tuesday)", "Tues.", "Wed.,", "Saturday\u00a0(", "Sunday(", "Mon-"]
year_copy = st.lists(st.sampled_from(YEAR_PIECES), max_size=40).map(lambda parts: "".join(
    p if i % 3 else p + " " for i, p in enumerate(parts)))


def _starts_before_years(text: str, toks: dates.Tokens) -> tuple[int, ...]:
    """The date starts as they were before a month followed by a year was left out: every
    month name with a figure after its period and spaces."""
    starts = set(toks.starts)
    for q in toks.months:
        e = dates._month_end(text, q)
        while e < len(text) and text[e] in ". \u00a0":
            e += 1
        if e < len(text) and text[e].isdigit():
            starts.add(q)
    return tuple(sorted(starts))


def _plain_weekday_dates(text: str, toks: dates.Tokens, starts: tuple[int, ...], low: str,
                         words: frozenset[bytes]) -> list[tuple[int, int]]:
    """:func:`dates.weekday_dates` trying the weekday pattern at every weekday name near a
    month (and at ``starts``), whatever follows the name."""
    names = dates._weekday_names_near(text, toks, low, words)
    tried = sorted(set(starts).union(n.start() for n in names))
    pat, out, last_end = dates.pattern("weekday"), [], -1
    for w in names:
        if w.start() < last_end:
            continue
        lo, hi = max(0, w.start() - 60, last_end), min(len(text), w.end() + 40)
        if not (dates._within(toks.months, lo, hi) or dates._within(toks.isos, lo, hi)):
            continue
        for m in dates._matches(pat, text, tried, lo, hi):
            if m.span("wd") == w.span("wd"):
                last_end = m.end()
                out.append(m.span())
                break
    return out


@settings(max_examples=600, deadline=None)
@given(year_copy)
def test_a_month_before_three_figures_starts_no_date_and_a_name_no_date_can_follow_is_not_tried(text):
    doc = Document.from_text(text)
    toks = dates.story_tokens(text, doc.lowered, doc.ascii_words)
    before = _starts_before_years(text, toks)
    pat = dates.pattern("date")
    assert [m.span() for m in dates._matches(pat, text, toks.starts)] == [
        m.span() for m in dates._matches(pat, text, before)]
    got = [m.span() for m in dates.weekday_dates(text, toks, doc.lowered, doc.ascii_words)]
    assert got == _plain_weekday_dates(text, toks, before, doc.lowered, doc.ascii_words)


def test_dates_beside_years_and_weekdays_in_news_copy():
    text = ("Lipavský, who took office in October 2023, called Thursday's strike on Nov. 21, 2024 a step up. "
            "The talks (Tuesday, Nov. 26) follow those of August 2018 and of Sept.\u00a05, 2019, "
            "and come before the vote on Saturday(Nov. 30).")
    doc = Document.from_text(text)
    toks = dates.story_tokens(text, doc.lowered, doc.ascii_words)
    assert text.index("October") not in toks.starts and text.index("August") not in toks.starts
    assert text.index("Nov. 21") in toks.starts and text.index("Sept.") in toks.starts
    assert [text[a:b] for a, b in ((d.start, d.end) for d in dates.dates(text, toks))] == [
        "Nov. 21, 2024", "Nov. 26", "Sept.\u00a05, 2019", "Nov. 30"]
    assert [text[m.start("wd"):m.end("wd")] for m in dates.weekday_dates(
        text, toks, doc.lowered, doc.ascii_words)] == ["Tuesday", "Saturday"]
