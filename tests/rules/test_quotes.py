"""QUO001 mixed-quotes and QUO002 unbalanced-quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.config import Config

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def rows(diags, code=None):
    return [(d.location.row, d.location.column) for d in diags if code is None or d.code == code]


# -- QUO001 mixed-quotes -------------------------------------------------------------------
def test_quo001_flags_the_minority_quotation_once(lint):
    (d,) = lint(read("quo_mixed.txt"), select=["QUO001"])
    assert (d.location.row, d.location.column, d.end_location.column) == (3, 56, 77)  # "We lost everything."
    assert d.message == 'Straight quotation marks "…" where the story mostly uses curly ones'
    assert [e.content for e in d.fix.edits] == ["“", "”"]
    assert d.fix.applicability.value == "safe"


def test_quo001_straight_story_with_one_curly_quotation(lint):
    text = ('"We were not warned," the mayor said. "The river rose overnight."\n\n'
            "Residents said the city's barriers had held. “Nobody came,” one said.\n")
    (d,) = lint(text, select=["QUO001"])
    assert rows([d]) == [(3, 46)]
    assert [e.content for e in d.fix.edits] == ['"', '"']


def test_quo001_one_finding_per_story_naming_the_paragraphs(lint):
    text = ("“We were not warned,” the mayor said. “The river rose overnight,” she added.\n\n"
            "\"It's over,\" a resident said, and \"Nobody came.\" Officials didn't comment.\n\n"
            "“Rebuilding will take years,” the governor said. \"We will help.\" “Soon,” she added.\n")
    (d,) = lint(text, select=["QUO001"])
    assert rows([d]) == [(3, 1)]
    assert d.message == ('Straight quotation marks "…" where the story mostly uses curly ones '
                         "(in 2 paragraphs: lines 3, 5)")
    assert [e.content for e in d.fix.edits] == ["“", "”", "“", "”", "“", "”"]  # apostrophes agree: straight
    assert d.fix.title == "Use curly quotes"


def test_quo001_apostrophes_are_counted_apart(lint):
    text = ("Kyiv’s mayor said the city’s power grid had held, despite Russia’s attacks.\n\n"
            "The West's response was slow, officials said.\n")
    (d,) = lint(text, select=["QUO001"])
    assert rows([d]) == [(3, 9)]
    assert d.message == "Straight apostrophe ' where the story mostly uses curly ones"
    assert d.fix.title == "Use a curly apostrophe ’" and d.fix.edits[0].content == "’"


def test_quo001_tie_breaks_on_the_other_marks(lint):
    # One quotation of each style: the apostrophes (straight) decide the story's style.
    text = "\"It's over,\" he said. “We'll see,” she said. The club's fans didn't agree.\n"
    (d,) = lint(text, select=["QUO001"])
    assert rows([d]) == [(1, 23)]
    assert d.message.startswith("Curly quotation marks")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Enough,” he said. \"No,\" she said.\n", [(1, 1)]),  # typed copy: the curly pair is odd
        ("“Enough,” he said — and \"No,\" she said.\n", [(1, 25)]),  # typeset copy (a dash)
    ],
)
def test_quo001_tie_without_other_marks_goes_by_typography(lint, text, expected):
    assert rows(lint(text, select=["QUO001"])) == expected


def test_quo001_primes_are_not_quotes(lint):
    text = "“He is tall,” the coach said. The striker is 6'2\" and the keeper 5' 10\".\n"
    assert lint(text, select=["QUO001"]) == []


@pytest.mark.parametrize(
    ("style", "expected"),
    [("curly", [(1, 1), (1, 29)]), ("straight", []), ("any", [])],
)
def test_quo001_house_style(lint, style, expected):
    text = '"We won," the coach said. It\'s the club\'s first title.\n'
    cfg = Config(rule_options={"mixed-quotes": {"style": style}})
    diags = lint(text, select=["QUO001"], config=cfg)
    assert rows(diags) == expected
    if diags:  # one finding per class of marks, converting every mark of it
        assert [d.message for d in diags] == ['Straight quotation marks "…" where the house style uses curly ones',
                                              "2 straight apostrophes ' where the house style uses curly ones"]
        assert [[e.content for e in d.fix.edits] for d in diags] == [["“", "”"], ["’", "’"]]


def test_quo001_fix_through_the_command(newslint, story):
    path = story(read("quo_mixed.txt"))
    proc = newslint("check", "--fix", "--select", "QUO001", "--output-format", "json", path)
    assert proc.returncode == 0, proc.stderr
    assert "“We lost everything.”" in path.read_text(encoding="utf-8")


# -- QUO002 unbalanced-quotes --------------------------------------------------------------
def test_quo002_mismatched_pair(lint):
    text = ('Offices were told to close "in that perimeter, and residents were warned of the '
            "increased threat,” said lawmaker Mykyta Poturaiev. “It is serious,” he said.\n")
    (d,) = lint(text, select=["QUO002"])
    assert (d.location.row, d.location.column) == (1, 28)
    assert d.message == "Quotation opened with a straight mark and closed with a curly one"
    assert [e.content for e in d.fix.edits] == ["“"]  # the story's quotes are curly


@pytest.mark.parametrize(
    ("text", "expected", "message"),
    [
        ('"We were not told about the closure, the union said on Monday.\n\nTalks resume today.\n',
         [(1, 1)], "Quotation mark opened but never closed"),
        ("The union said it was not told about the closure.”\n", [(1, 50)],
         "Closing quotation mark with no opening one"),
        ("“We were not told,” the union said. “Talks resume today, it added.\n", [(1, 37)],
         "Quotation mark opened but never closed"),
    ],
)
def test_quo002_unbalanced(lint, text, expected, message):
    diags = lint(text, select=["QUO002"])
    assert rows(diags) == expected
    assert diags[0].message == message


def test_quo002_apostrophe_typed_as_a_double_quote(lint):
    text = 'Britain"s ruling party said "the vote" would go ahead.\n'
    (d,) = lint(text, select=["QUO002"])
    assert (d.location.column, d.message) == (8, 'Double quotation mark inside a word (an apostrophe typed as \'"\'?)')
    assert [e.content for e in d.fix.edits] == ["'"] and d.fix.applicability.value == "unsafe"


def test_quo002_multi_paragraph_quotation_is_correct(lint):
    assert lint(read("quo_balanced.txt"), select=["QUO002"]) == []


def test_quo002_quotes_across_lost_paragraph_breaks(lint):
    # Several paragraphs of one quotation run together: each reopens after a sentence.
    text = ('He added: "We have been through five transitions. "Each one was hard. '
            '"The next one will be harder," he said.\n')
    assert lint(text, select=["QUO002"]) == []


def test_quotes_in_json(newslint, story):
    path = story('"We will rebuild," the mayor said. “The bridge reopens in May,” she added. “Then the schools.\n')
    proc = newslint("check", "--output-format", "json", "--select", "QUO", path)
    got = [(f["code"], f["name"], f["severity"], f["location"]["column"]) for f in json.loads(proc.stdout)]
    assert got == [
        ("QUO001", "mixed-quotes", "warning", 1),
        ("QUO002", "unbalanced-quotes", "warning", 76),
    ]


# -- the cheap look first (no analysis when no mark can be off the style): what it lets through


@pytest.mark.parametrize(
    ("text", "style", "count"),
    [
        ("The mayor’s office said the council's vote stands.", "any", 1),  # apostrophes only
        ("“We will rebuild,” the mayor said, \"and soon.\"", "any", 1),
        ("“We will rebuild,” the mayor said.", "straight", 1),
        ("The council’s vote stands.", "straight", 1),
        ('"We will rebuild," the mayor said.', "curly", 1),
        ("The council's vote stands.", "curly", 1),
        ('"We will rebuild," the mayor said.', "any", 0),
        ("“We will rebuild,” the mayor’s aide said.", "any", 0),
    ],
)
def test_quo001_look_first_lets_every_mixed_story_through(lint, text, style, count):
    from newslint.rules import quotes

    assert quotes._may_mix(text, style) == (count > 0)
    diags = lint(text, select=["QUO001"], config=Config(rule_options={"mixed-quotes": {"style": style}}))
    assert len(diags) == count


def test_quo002_story_without_double_quotes_is_quiet_and_in_word_quote_is_found(lint):
    assert lint("The mayor's office said the vote stands.", select=["QUO002"]) == []
    assert [d.message for d in lint('Britain"s ferries sailed again.', select=["QUO002"])] == [
        'Double quotation mark inside a word (an apostrophe typed as \'"\'?)'
    ]


# -- QUO002 knows inch marks and quotations interrupted by an ad line ------------------------
@pytest.mark.parametrize(
    "text",
    [
        'He bought a 70" TV and a new sofa, "a real bargain," he said.\n',
        "“The 16” wheels cost extra,” the dealer said.\n",
        '"It will take years to rebuild the bridge.\n\nADVERTISEMENT\n\n"We will need help," the mayor said.\n',
        '"It will take years to rebuild the bridge, and we\n\nAdvertisement\n\n'
        'will need help from the state," the mayor said.\n',
    ],
)
def test_quo002_inch_marks_and_ad_lines_are_not_unbalanced_quotes(newslint, story, text):
    path = story(text)
    proc = newslint("check", "--select", "QUO", "--output-format", "json", path)
    assert (proc.returncode, json.loads(proc.stdout)) == (0, []), proc.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing quote after a number pairs up and stays a quote: the other one is unclosed
        ('"We won 3-0" was all he said. "Then we lost, the coach added.\n', [(1, 31)]),
        # a real unclosed quotation after an ad line is still found
        ('"It will take years to rebuild the bridge.\n\nAdvertisement\n\nThe mayor left.\n', [(1, 1)]),
    ],
)
def test_quo002_still_finds_unpaired_quotes_beside_numbers_and_ads(lint, text, expected):
    assert rows(lint(text, select=["QUO002"])) == expected
    # ... while the inch mark in the same story is no quote
    assert rows(lint('A 70" TV hung on the wall.\n' + text, select=["QUO002"])) == [(r + 1, c) for r, c in expected]
