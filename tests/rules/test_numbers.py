"""NUM001 percent-style, NUM002 ap-numerals (both off by default)."""

from __future__ import annotations

import json

import pytest

from newslint.config import Config


def test_num_rules_are_off_by_default(lint):
    text = "Turnout rose to 41 percent, up from 35% in 2019 and 33 percent in 2015. Twelve people and 5 dogs."
    assert [d.code for d in lint(text) if d.code.startswith("NUM")] == []


# -- NUM001 percent-style ------------------------------------------------------------------
def test_num001_flags_the_minority_form(lint):
    text = "Turnout rose to 41 percent, up from 35% in 2019 and 33 percent in 2015."
    (d,) = lint(text, select=["NUM001"])
    assert (d.code, d.name, d.severity.value) == ("NUM001", "percent-style", "info")
    assert d.message == '"%" where the rest of the story writes "percent"'
    assert text[d.location.column - 1:d.end_location.column - 1] == "35%"
    assert d.fix.title == 'Write "35 percent"' and d.fix.edits[0].content == " percent"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Prices rose 3 per cent in May, 4 per cent in June and 5 percent in July.", ["5 percent"]),
        ("Prices rose 3% in May, 4% in June and 5 per cent in July.", ["5 per cent"]),
        ("Prices rose five per cent in May and 4% in June and 6% in July.", ["five per cent"]),
    ],
)
def test_num001_cases(lint, text, flagged):
    found = lint(text, select=["NUM001"])
    assert [text[d.location.column - 1:d.end_location.column - 1] for d in found] == flagged


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 3 percent in May and 4 percent in June.",
        "Prices rose 3% in May and 4% in June; the percentage is small.",
        "The rate rose by two percentage points to 5%.",
    ],
)
def test_num001_consistent_copy_is_clean(lint, text):
    assert lint(text, select=["NUM001"]) == []


def test_num001_house_style(lint):
    cfg = Config(rule_options={"percent-style": {"style": "%"}})
    (d,) = lint("Prices rose 3 percent in May.", select=["NUM001"], config=cfg)
    assert "house style" in d.message and d.fix.edits[0].content == "%"


def test_num001_safe_fix_with_the_cli(newslint, story):
    path = story("Prices rose 3 percent in May, 4 percent in June and 5% in July.\n")
    proc = newslint("check", "--fix", "--select", "NUM001", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == "Prices rose 3 percent in May, 4 percent in June and 5 percent in July.\n"


# -- NUM002 ap-numerals --------------------------------------------------------------------
def test_num002_flags_both_ways(lint):
    text = "The storm killed 5 people and damaged twelve homes."
    found = lint(text, select=["NUM002"])
    assert [(d.code, d.name, d.severity.value) for d in found] == [("NUM002", "ap-numerals", "info")] * 2
    assert [(d.message, d.fix.edits[0].content) for d in found] == [
        ('Figure "5": spell out numbers below 10', "five"),
        ('"twelve": use figures for 10 and above', "12"),
    ]
    assert all(d.fix.applicability.value == "unsafe" for d in found)


@pytest.mark.parametrize(
    ("text", "fixes"),
    [
        ("5 people died in the blast.", ["Five"]),
        ("He finished 4th in the race.", ["fourth"]),
        ("Only 3 of the 12 candidates remain.", ["three"]),
        ("Rescuers found twenty-five survivors.", ["25"]),
    ],
)
def test_num002_cases(lint, text, fixes):
    assert [d.fix.edits[0].content for d in lint(text, select=["NUM002"])] == fixes


@pytest.mark.parametrize(
    "text",
    [
        "She is 5 feet tall and weighs 50 kilograms.",  # measures
        "The ticket costs $5 and rose 5 percent.",  # money, percentages
        "The vote is on May 5 at 5 p.m.",  # dates, times
        "John Smith, 5, was hurt, and a 7-year-old girl was aged 7.",  # ages
        "The Jets won 3-2 and the court ruled 5-4.",  # scores, votes
        "It aired on Channel 4 after Windows 7 was launched on Route 9.",  # names
        "It is listed as No. 3 on page 6.",
        "Twelve people were hurt.",  # a sentence starts with words
        "It is 6 1/2 miles away.",
        "The firm lost 2 million customers.",
    ],
)
def test_num002_leaves_ap_exceptions_alone(lint, text):
    assert [d.message for d in lint(text, select=["NUM002"])] == []


def test_num002_spell_out_option(lint):
    cfg = Config(rule_options={"ap-numerals": {"spell-out": 10}})
    assert [d.fix.edits[0].content for d in lint("They found 10 bodies.", select=["NUM002"], config=cfg)] == ["ten"]
    assert lint("They found ten bodies.", select=["NUM002"], config=cfg) == []


def test_num002_json_output(newslint, story):
    path = story("The storm killed 5 people.\n")
    proc = newslint("check", "--output-format", "json", "--select", "NUM002", path)
    assert proc.returncode == 1
    (item,) = json.loads(proc.stdout)
    assert (item["code"], item["location"], item["fix"]["edits"][0]["content"]) == (
        "NUM002", {"row": 1, "column": 18}, "five")
