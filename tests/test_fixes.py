"""Applying fixes: overlaps refused, right-to-left application, atomic writes."""

from __future__ import annotations

import os
import stat

from newslint.diagnostics import Applicability, SourceEdit, SourceFix
from newslint.document import Position
from newslint.fixes import apply_fixes, newline_of, write_atomic

P = Position(1, 1)


def fix(*edits):
    return SourceFix("t", Applicability.SAFE, tuple(SourceEdit(s, e, c, P, P) for s, e, c in edits))


def test_non_overlapping_fixes_apply_right_to_left():
    new, n = apply_fixes("ab..cd,,", [fix((3, 4, "")), fix((7, 8, ""))])
    assert (new, n) == ("ab.cd,", 2)


def test_overlapping_fix_is_refused():
    new, n = apply_fixes("said..", [fix((4, 6, ".")), fix((5, 6, ""))])
    assert (new, n) == ("said.", 1)


def test_self_overlapping_fix_is_refused():
    new, n = apply_fixes("abc", [fix((0, 2, "x"), (1, 3, "y"))])
    assert (new, n) == ("abc", 0)


def test_two_insertions_at_one_place_conflict():
    new, n = apply_fixes("ab", [fix((1, 1, "x")), fix((1, 1, "y"))])
    assert n == 1 and new in ("axb", "ayb")


def test_newline_of():
    assert newline_of("a\r\nb\r\n") == "\r\n"
    assert newline_of("a\nb") == "\n"
    assert newline_of("a\rb\r") == "\r"


def test_write_atomic_keeps_mode_and_encoding(tmp_path):
    p = tmp_path / "s.txt"
    p.write_bytes(b"x")
    os.chmod(p, 0o600)
    write_atomic(p, "Café\r\n", encoding="cp1252", bom=False)
    assert p.read_bytes() == b"Caf\xe9\r\n"
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o600
    assert [f.name for f in tmp_path.iterdir()] == ["s.txt"]  # no temporary file left


def test_write_atomic_refuses_unencodable_text_and_keeps_the_file(tmp_path):
    p = tmp_path / "s.txt"
    p.write_bytes(b"old")
    try:
        write_atomic(p, "Zelenskyy’s ✓", encoding="cp1252", bom=False)
    except UnicodeEncodeError:
        pass
    assert p.read_bytes() == b"old"
