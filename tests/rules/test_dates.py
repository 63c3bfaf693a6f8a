"""DAT001 weekday-mismatch, DAT002 invalid-date, DAT003 date-format."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newslint.config import Config


# -- DAT001 weekday-mismatch ------------------------------------------------------------------
# (text, the weekday it should be); None = correct
WEEKDAYS = [
    ("The talks are due to resume on Thursday, Nov. 21, 2024.", None),
    ("The talks are due to resume on Friday, Nov. 21, 2024.", "Thursday"),
    ("The ministry said the vote took place on Friday, 24 February 2023.", None),
    ("The ministry said the vote took place on Saturday, 24 February 2023.", "Friday"),
    ("Voting ended on Tuesday, November 5, 2024, officials said.", None),
    ("Voting ended on Wednesday, November 5, 2024, officials said.", "Tuesday"),
    ("Voting ended on Thursday, Sept. 5, 2024, officials said.", None),
    ("Voting ended on Friday, Sept. 5, 2024, officials said.", "Thursday"),
    ("The court sat on Monday, Aug. 12, 2019.", None),
    ("The court sat on Tuesday, Aug. 12, 2019.", "Monday"),
    ("The summit opens on Thursday, Nov. 21st, 2024.", None),
    ("The summit opens on Friday, Nov. 22nd, 2024.", None),
    ("The summit opens on Thursday, Nov. 22nd, 2024.", "Friday"),
    ("It happened on Friday, the 22nd of November 2024.", None),
    ("It happened on Thursday, the 22nd of November 2024.", "Friday"),
    ("It happened on Thursday 21st November 2024 in Kyiv.", None),
    ("It happened on Nov. 22, 2024 (Thursday).", "Friday"),
    ("It happened on Nov. 22, 2024, a Thursday.", "Friday"),
    ("Polls open from Thursday, Nov. 21, to Saturday, Nov. 24, 2024.", "Sunday"),
    ("Polls open from Thursday, Nov. 21, to Sunday, Nov. 24, 2024.", None),
    ("The festival runs from Thursday, Dec. 30, to Monday, Jan. 2, 2023.", "Friday"),  # December 2022
    ("The report, published on 5 January 2023, said talks resume on Thursday, March 7.", None),  # year unknown
    ("The blast happened on Friday night, Nov. 21, 2024.", "Thursday"),
    ("The deadline was Fri., Jan. 5, 2018.", None),
    ("The deadline was Thurs., Jan. 5, 2018.", "Friday"),
    ("The deadline was Friday, 2018-01-05.", None),
    ("The deadline was Monday, 2018-01-05.", "Friday"),
    ("FRIDAY, JAN. 5, 2018", None),
    ("The deadline is Thursday, Feb. 29, 2024.", None),
    # without a year or a story date: nothing to check against
    ("Polls closed Wednesday (Nov. 5) at 8 p.m.", None),
]


@pytest.mark.parametrize(("text", "right"), WEEKDAYS)
def test_dat001_weekday_against_date(lint, text, right):
    found = lint(text, select=["DAT001"])
    if right is None:
        assert [d.message for d in found] == []
    else:
        assert len(found) == 1
        assert found[0].message.endswith(f"it is a {right}")


def test_dat001_message_span_and_fix(lint):
    text = "The ministry said the vote took place on Friday, Nov. 21, 2024."
    (d,) = lint(text, select=["DAT001"])
    assert (d.code, d.name, d.severity.value) == ("DAT001", "weekday-mismatch", "error")
    assert d.message == "Friday does not match Nov. 21, 2024: it is a Thursday"
    assert (d.location.column, d.end_location.column) == (text.index("Friday") + 1, text.index("2024") + 5)
    assert d.fix.title == 'Change "Friday" to "Thursday"' and d.fix.applicability.value == "unsafe"
    assert (d.fix.edits[0].location.column, d.fix.edits[0].content) == (text.index("Friday") + 1, "Thursday")


def test_dat001_keeps_the_abbreviation_style(lint):
    (d,) = lint("The deadline was Thurs., Jan. 5, 2018.", select=["DAT001"])
    assert d.fix.edits[0].content == "Fri."
    (d,) = lint("WEDNESDAY, JAN. 5, 2018", select=["DAT001"])
    assert d.fix.edits[0].content == "FRIDAY"


@pytest.mark.parametrize(
    ("story", "text", "right"),
    [
        (dt.date(2024, 11, 22), "Polls closed Wednesday (Nov. 5) at 8 p.m.", "Tuesday"),
        (dt.date(2024, 11, 22), "Polls closed Tuesday (Nov. 5) at 8 p.m.", None),
        (dt.date(2024, 11, 22), "The talks resume on Thursday, Jan. 10.", "Friday"),  # January 2025
        (dt.date(2023, 11, 22), "The talks resume on Thursday, Jan. 10.", "Wednesday"),  # January 2024
        (dt.date(2024, 11, 22), "The talks resumed on Friday, Jan. 10.", None),
    ],
)
def test_dat001_year_from_the_story_date(lint, story, text, right):
    found = lint(text, select=["DAT001"], config=Config(date=story))
    assert [d.message.rsplit(" ", 1)[-1] for d in found] == ([right] if right else [])


@pytest.mark.parametrize(
    ("top", "right"),
    [
        ("November 22, 2024", "Tuesday"),
        ("Published: 22 Nov 2024", "Tuesday"),
        ("Friday 22 November 2024 10.32 GMT", "Tuesday"),
        ("Updated: Nov. 22, 2024 at 9:15 a.m.", "Tuesday"),
    ],
)
def test_dat001_year_from_a_dateline(lint, top, right):
    text = f"{top}\n\nPolls closed Wednesday (Nov. 5) at 8 p.m., officials said.\n"
    found = lint(text, select=["DAT001"])
    assert [d.message.rsplit(" ", 1)[-1] for d in found] == [right]


def test_dat001_year_from_markdown_front_matter(lint):
    text = "---\ntitle: Talks\ndate: 2024-11-22\n---\n\nThe talks resume on Thursday, Jan. 10.\n"
    (d,) = lint(text, select=["DAT001"], format="markdown")
    assert d.message == "Thursday does not match Jan. 10 (2025): it is a Friday"


def test_dat001_a_caption_date_is_not_a_dateline(lint):
    text = ("18 August 2018, Brandenburg, Meseberg: Kremlin spokesman Dmitry Peskov arrives for talks. (dpa)\n\n"
            "Polls closed Wednesday (Nov. 5) at 8 p.m.\n")
    assert lint(text, select=["DAT001"]) == []


def test_dat001_cli_date_option(newslint, story):
    path = story("Polls closed Wednesday (Nov. 5) at 8 p.m., officials said.\n")
    proc = newslint("check", "--output-format", "json", "--select", "DAT001", path)
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    proc = newslint("check", "--output-format", "json", "--select", "DAT001", "--date", "2024-11-22", path)
    assert proc.returncode == 1
    (item,) = json.loads(proc.stdout)
    assert (item["name"], item["location"], item["fix"]["edits"][0]["content"]) == (
        "weekday-mismatch", {"row": 1, "column": 14}, "Tuesday")


# -- DAT002 invalid-date -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The contract expires on Sept. 31, 2022, the company said.", "Sept. 31, 2022"),
        ("The deal was signed on Feb. 30.", "Feb. 30"),
        ("The report is due on June 31st.", "June 31st"),
        ("The ceasefire ends on 31 April.", "31 April"),
        ("The ceasefire ends on 31st of November 2023.", "31st of November 2023"),
        ("The law took effect on Feb. 29, 2023.", "Feb. 29, 2023"),
        ("The law took effect on 29 February 2100.", "29 February 2100"),
        ("The filing is dated 2024-02-30, the court said.", "2024-02-30"),
        ("The filing is dated 2024-13-01, the court said.", "2024-13-01"),
        ("The filing is dated 2024-00-12, the court said.", "2024-00-12"),
    ],
)
def test_dat002_flags_impossible_dates(lint, text, flagged):
    (d,) = lint(text, select=["DAT002"])
    assert (d.code, d.name, d.severity.value) == ("DAT002", "invalid-date", "error")
    assert text[d.location.column - 1:d.end_location.column - 1] == flagged


@pytest.mark.parametrize(
    "text",
    [
        "The law took effect on Feb. 29, 2024.",
        "The law took effect on 29 February 2000.",
        "The report is due on June 30th and the vote on May 31.",
        "In April 31 people died in the floods.",  # a number of people, not a day
        "Between March 31 and April 30 the mine was shut.",
        "In November 31 percent of voters backed the plan.",
    ],
)
def test_dat002_leaves_real_dates_alone(lint, text):
    assert lint(text, select=["DAT002"]) == []


def test_dat002_a_month_that_does_not_exist_hides_no_other_date(newslint, story):
    # A month past December was an internal error of the rule, which lost its other findings.
    path = story("The filing is dated 2024-13-01. The hearing was set for Feb. 30, 2024.\n")
    proc = newslint("check", "--output-format", "json", "--select", "DAT002", path)
    assert proc.returncode == 1, proc.stderr
    found = json.loads(proc.stdout)
    assert [d["message"] for d in found] == [
        "2024-13-01 does not exist: there is no month 13",
        "Feb. 30, 2024 does not exist: February has 29 days",
    ]


def test_dat002_and_dat001_do_not_both_fire(lint):
    found = lint("The vote is on Friday, Feb. 30, 2024.", select=["DAT001", "DAT002"])
    assert [d.code for d in found] == ["DAT002"]


# -- DAT003 date-format --------------------------------------------------------------------
SEED_LIKE = (
    "18 August 2018, Brandenburg, Meseberg: Kremlin spokesman Dmitry Peskov arrives. (dpa)\n\n"
    "A missile lies on the grass in the city of Dnipro, on November 22, 2024. (AFP)\n\n"
    "Test launches were conducted in October 2023 and June 2024.\n"
)


def test_dat003_flags_the_minority_style(lint):
    text = SEED_LIKE + "\nThe talks resume on November 25, 2024.\n"
    (d,) = lint(text, select=["DAT003"])
    assert (d.code, d.name, d.severity.value) == ("DAT003", "date-format", "info")
    assert d.location.row == 1 and d.message.startswith("Day-month-year date")
    assert d.fix.edits[0].content == "August 18, 2018" and d.fix.applicability.value == "unsafe"


def test_dat003_tie_flags_the_style_used_second(lint):
    (d,) = lint(SEED_LIKE, select=["DAT003"])
    assert d.location.row == 3 and d.fix.edits[0].content == "22 November 2024"


def test_dat003_house_style(lint):
    cfg = Config(rule_options={"date-format": {"style": "dmy"}})
    found = lint("The talks resume on November 25, 2024, and end on Nov. 29.", select=["DAT003"], config=cfg)
    assert len(found) == 2 and all("(house style)" in d.message for d in found)
    cfg = Config(rule_options={"date-format": {"style": "mdy"}})
    assert lint("The talks resume on November 25, 2024.", select=["DAT003"], config=cfg) == []


@pytest.mark.parametrize(
    "text",
    [
        "The talks opened on Nov. 21, 2024, and closed on November 29.",
        "The talks opened on 21 November 2024 and closed on 29 November.",
        "Launches were held in October 2023 and June 2024.",  # month and year: no order to compare
    ],
)
def test_dat003_consistent_copy_is_clean(lint, text):
    assert lint(text, select=["DAT003"]) == []


# -- the date patterns are only tried near month and weekday names (a speed prefilter) ------
DATE_CASES = [
    "Polls close Tuesday, Nov. 5, and results follow on Thursday, the 7th of November 2024.",
    "The Mayor met on 21st  of   June 2019, on 2019-01-2020-01-01 and on MAY 5TH.",
    "It ran from Nov. 22 (Friday) to Monday morning, Jan. 6, 2025; Nov. 21, a Thursday.",
    "Marchers gathered in Sept. 31 and 12,5 March and Jan 1 Jan 2 Jan 3.",
]


@pytest.mark.parametrize("text", DATE_CASES)
def test_date_prefilter_finds_what_the_patterns_find(text):
    from newslint.rules.dates import parse as dp

    every = [d for d in (dp.read_date(m) for m in dp.pattern("date").finditer(text)) if d is not None]
    assert list(dp.dates(text)) == every and len(every) >= 2
    assert [m.span() for m in dp.weekday_names(text)] == [m.span() for m in dp.pattern("weekday_name").finditer(text)]


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("Polls close Tuesday, Nov. 5, the election office said.", None),
        ("Polls close Wednesday, Nov. 5, the election office said.", "Tuesday"),
        ("Results come on Friday, the 7th of November, officials said.", "Thursday"),
        ("The count ends Nov. 8 (Saturday), officials said.", "Friday"),
    ],
)
def test_dat001_prefilter_lets_weekday_dates_through(lint, text, right):
    found = lint(text, select=["DAT001"], config=Config(date=dt.date(2024, 11, 1)))
    if right is None:
        assert [d.message for d in found] == []
    else:
        assert len(found) == 1 and found[0].message.endswith(f"it is a {right}")
