"""ENC002 encoding-damage (ENC001 is tested with the file handling in tests/test_robustness.py)."""

from __future__ import annotations

import json

import pytest


def found(lint, text):
    return [(d.location.column, d.end_location.column, d.message) for d in lint(text, select=["ENC002"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials in Baden-W\ufffd\ufffdrttemberg met.", [(21, 23, '2 replacement characters "\ufffd\ufffd"')]),
        ("It hit businesses.\ufffd?The mayor spoke.", [(19, 21, 'Replacement character "\ufffd?"')]),
        ('Betsy DeVos"?highly controversial pick', [(12, 14, "Quote debris")]),
        ('they would determine "?at least temporarily', [(22, 24, "Quote debris")]),
        ('two "dates"?(however you count them)', [(11, 13, "Quote debris")]),
    ],
)
def test_enc002_flags_what_a_conversion_lost(lint, text, expected):
    got = found(lint, text)
    assert [(s, e) for s, e, _ in got] == [(s, e) for s, e, _ in expected]
    assert all(m.startswith(want) for (_, _, m), (_, _, want) in zip(got, expected))


@pytest.mark.parametrize(
    "text",
    [
        'Did he say "yes"? Nobody knows.',
        'Is it "fair"?\nThe board will decide.',
        "Is it fair? The board will decide.",
        "Ukraine’s “Oreshnik” claim was denied.",
    ],
)
def test_enc002_leaves_clean_text_alone(lint, text):
    assert found(lint, text) == []


def test_enc002_through_the_command(newslint, story):
    path = story('Officials in Baden-W\ufffdrttemberg said the plan was "?at least for now"?on hold.\n')
    proc = newslint("check", "--output-format", "json", path)
    assert proc.returncode == 1, proc.stderr
    got = [(f["code"], f["name"], f["location"]["column"], f["fix"]) for f in json.loads(proc.stdout) if f["code"] == "ENC002"]
    assert got == [("ENC002", "encoding-damage", 21, None), ("ENC002", "encoding-damage", 50, None),
                   ("ENC002", "encoding-damage", 68, None)]
