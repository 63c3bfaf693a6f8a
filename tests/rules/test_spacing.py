"""SPC001 spacing: doubled spaces, a space before a mark, no space after a sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_spc001_flags_each_kind(lint):
    diags = lint(read("spc_bad.txt"), select=["SPC001"])
    assert [(d.location.row, d.location.column, d.message) for d in diags] == [
        (1, 12, "2 spaces in a row"),  # The council  voted
        (2, 19, 'Space before ","'),  # close , officials
        (3, 22, 'Space before "?"'),  # survive ?
        (4, 22, 'No space after "." before the next sentence'),  # approved.The
    ]
    assert [(e.content, e.location.column, e.end_location.column) for d in diags for e in d.fix.edits] == [
        (" ", 12, 14), ("", 19, 20), ("", 22, 23), (" ", 23, 23)
    ]
    assert all(d.fix.applicability.value == "safe" for d in diags)


def test_spc001_leaves_near_misses_alone(lint):
    # decimals, times, i.e., initials, URLs, file names, One.Tel, Yahoo!Inc, a score,
    # ellipses, indentation and a table laid out in columns
    assert lint(read("spc_good.txt"), select=["SPC001"]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relief poured in after the tsunami.Steve will write for us.", [(1, 35)]),
        ("Did we cover it?Yes, we did.", [(1, 16)]),
        ("Shares in Mail.Ru rose, and fans of Halo.Bungie.Org cheered.", []),
        ("It got to be Mr.Benn in the end.", []),
        ("Two spaces after a sentence.  Some people type them.", [(1, 29)]),
        ("The trailing space is another rule's job. \nNext line.", []),
        ("Prices rose ( slightly ) on Monday.", []),
    ],
)
def test_spc001_cases(lint, text, expected):
    assert [(d.location.row, d.location.column) for d in lint(text, select=["SPC001"])] == expected


def test_spc001_json_and_fix(newslint, story):
    path = story("The vote was close , officials said.The mayor  agreed.\n")
    proc = newslint("check", "--output-format", "json", "--select", "spacing", path)
    got = [(f["code"], f["severity"], f["location"]["column"]) for f in json.loads(proc.stdout)]
    assert got == [("SPC001", "warning", 19), ("SPC001", "warning", 36), ("SPC001", "warning", 46)]
    proc = newslint("check", "--fix", "--select", "SPC001", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == "The vote was close, officials said. The mayor agreed.\n"


@pytest.mark.parametrize("mark", [",", ".", ";", ":", "!", "?"])
def test_spc001_space_before_each_mark_gets_through_the_look_first(lint, mark):
    diags = lint(f"The ferry sailed at noon {mark} the operator said", select=["SPC001"])
    assert [d.message for d in diags] == [f'Space before "{mark}"']


# -- the scans run by the standard library's engine: the same places as the patterns -------
SCAN_EDGES = [
    "The council  voted on Tuesday , and the plan was approved.The mayor welcomed it.",
    "Runs:   three,    four\u00a0 spaces ; a mark ! after ?  and .. at the end  ",
    "  indented .\n  next line : ok",
    "said.“The” then said.”The end. U.S.A. wait.Élodie said.Ölfarbe.É then.Ab said!Yes?No",
    "It said.”Émilie x. Y.z .Aa.”A”b ..Bb !!Cc ?”Dd", "", " ", "  ", ".A", ".Ab", "x.Ǆǆ and y.ǅa",
    "end.\U0001d400\U0001d41a and.\U0001d400b", "Ωmega.Σσ said. Mr.Benn",
]


@pytest.mark.parametrize("text", SCAN_EDGES)
def test_spc001_spaces_scan_matches_the_regex_pattern(text):
    import regex

    from newslint.rules import spacing

    original = regex.compile(r"\x20{2,}|\x20(?=[,.;:!?])")
    assert [m.span() for m in spacing.SPACES.finditer(text)] == [m.span() for m in original.finditer(text)]


@pytest.mark.parametrize("text", SCAN_EDGES)
def test_spc001_no_space_candidates_hold_every_match(text):
    from newslint.rules import spacing

    found = [m.span() for c in spacing.NO_SPACE_CANDIDATE.finditer(text)
             if (m := spacing.NO_SPACE_AFTER.match(text, c.start())) is not None]
    assert found == [m.span() for m in spacing.NO_SPACE_AFTER.finditer(text)]


def test_spc001_no_space_candidates_know_every_capital_and_small_letter():
    """Every character \\p{Lu} matches is A-Z or not ASCII, and likewise \\p{Ll} and a-z."""
    import regex

    upper, lower = regex.compile(r"\p{Lu}"), regex.compile(r"\p{Ll}")
    ascii_chars = [chr(c) for c in range(128)]
    assert "".join(c for c in ascii_chars if upper.match(c)) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    assert "".join(c for c in ascii_chars if lower.match(c)) == "abcdefghijklmnopqrstuvwxyz"


def test_the_missing_space_candidate_classes_are_capital_then_small_or_past_ascii():
    # The candidate scan's classes are written negated (cheap to compile); they must take
    # exactly A-Z then a-z, or any character past ASCII, at every code point.
    from newslint.rules.spacing import NO_SPACE_CANDIDATE

    for cp in range(0x110000):
        c = chr(cp)
        may_be_capital = "A" <= c <= "Z" or cp >= 0x80
        may_be_small = "a" <= c <= "z" or cp >= 0x80
        assert (NO_SPACE_CANDIDATE.match("." + c + "b") is not None) == may_be_capital, hex(cp)
        assert (NO_SPACE_CANDIDATE.match(".\u201dB" + c) is not None) == may_be_small, hex(cp)


@pytest.mark.parametrize("text", SCAN_EDGES)
def test_spc001_quick_scans_give_what_the_two_patterns_give(text):
    from newslint.rules import spacing

    assert spacing._space_runs(text) == [m.span() for m in spacing.SPACES.finditer(text)]
    assert spacing._no_space_candidates(text) == [m.start() for m in spacing.NO_SPACE_CANDIDATE.finditer(text)]


def test_spc001_quick_scans_on_any_mix_of_spaces_marks_and_letters():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newslint.rules import spacing

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("  ,.;:!?”“aZÉé\n\t\u00a0")), max_size=40))
    def check(text):
        assert spacing._space_runs(text) == [m.span() for m in spacing.SPACES.finditer(text)]
        assert spacing._no_space_candidates(text) == [m.start() for m in spacing.NO_SPACE_CANDIDATE.finditer(text)]

    check()
