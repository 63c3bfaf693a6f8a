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
