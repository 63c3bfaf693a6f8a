"""The default set: what a plain `newslint check` reports on real copy.

Rules whose findings are errors a reader would notice (a typo, a wrong number or weekday,
a broken quote, a leftover, a duplicate) are on; typographic and house-style notes
(severity info: dash, ellipsis and date styles, unit style, invisible characters) are
available but off until selected.
"""

from __future__ import annotations

import json

from newslint.plugins import load_engine
from newslint.registry import Severity

NITS = {"CHR001", "DAT003", "NUM001", "NUM002", "PUN002", "PUN003", "UNT002"}

STORY = (
    "The council met on 18 August 2018 and again on November 22, 2024.\u00a0\n\n"
    "The talks were over, he said... Then he left ... quietly.\n\n"
    "The convoy stopped 4 miles (6 1/2 kilometers) from the border.\n"
)


def test_style_notes_are_off_by_default_and_everything_else_on():
    rules = list(load_engine(entry_points=False).rules)
    assert {r.code for r in rules if not r.default} == NITS
    assert all(r.severity is Severity.INFO for r in rules if r.code in NITS)


def test_a_default_run_leaves_style_notes_out(newslint, story):
    path = story(STORY)
    proc = newslint("check", "--output-format", "json", path)
    assert (proc.returncode, json.loads(proc.stdout)) == (0, []), proc.stderr


def test_style_notes_stay_available(newslint, story):
    path = story(STORY)
    proc = newslint("check", "--output-format", "json", "--extend-select", "PUN003,CHR001,DAT003,UNT002", path)
    assert proc.returncode == 1, proc.stderr
    assert {f["code"] for f in json.loads(proc.stdout)} == {"PUN003", "CHR001", "DAT003", "UNT002"}
