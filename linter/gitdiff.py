"""Changed lines since a git revision (``--diff-base REV``): ``git diff -U0 REV`` on the files
checked, so that only findings on lines added or changed since REV are reported.

A file that REV does not have (new, or not yet tracked) is changed throughout.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newslint.diagnostics import FileResult
from newslint.errors import NewslintError

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
WHOLE_FILE = None  # a file REV does not have: every line counts as changed
BATCH = 500  # paths per git diff call


def _git(args: Sequence[str], cwd: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=300)
    except FileNotFoundError:
        raise NewslintError("--diff-base needs git, which was not found on PATH") from None
    except subprocess.TimeoutExpired:
        raise NewslintError(f"git {' '.join(args[:2])} did not finish in 300 s") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise NewslintError(f"git {args[0]} failed: {message[-1] if message else 'exit ' + str(proc.returncode)}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def parse_hunks(diff: str) -> set[int]:
    """The new-file line numbers a ``git diff -U0`` of one file adds or changes."""
    rows: set[int] = set()
    for m in HUNK.finditer(diff):
        start, count = int(m[1]), int(m[2]) if m[2] is not None else 1
        rows.update(range(start, start + count))
    return rows


def changed_lines(rev: str, files: Iterable[str], cwd: str | None = None) -> dict[str, set[int] | None]:
    """For each file, the lines changed since ``rev`` (``None``: the whole file is new).

    Raises :class:`NewslintError` outside a git repository or for an unknown revision."""
    cwd = cwd or os.getcwd()
    try:
        top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except NewslintError:
        top = ""
    if not top:
        raise NewslintError(f"--diff-base: {cwd} is not inside a git repository")
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], cwd).strip()
    except NewslintError:
        raise NewslintError(f"--diff-base: unknown git revision {rev!r}") from None
    in_rev = set(_git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit], cwd).split("\0"))
    out: dict[str, set[int] | None] = {}
    real_top = os.path.realpath(top)
    tracked: dict[str, str] = {}  # path from the top -> name as given
    for name in files:
        rel = os.path.relpath(os.path.realpath(name), real_top).replace(os.sep, "/")
        if rel.startswith("../") or rel not in in_rev:
            out[name] = WHOLE_FILE
        else:
            tracked[rel] = name
            out[name] = set()
    rels = sorted(tracked)
    for i in range(0, len(rels), BATCH):
        batch = rels[i:i + BATCH]
        diff = _git(["-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames",
                     commit, "--", *batch], top)
        for block in re.split(r"(?m)^(?=diff --git )", diff):
            m = re.search(r'(?m)^\+\+\+ (?:"b/(?P<q>.*)"\t?|b/(?P<p>.*))$', block)
            if m is None:
                continue
            # git ends the name with a tab when it holds a space (for GNU patch)
            rel = m["p"].removesuffix("\t") if m["p"] is not None else unquote(m["q"])
            if rel in tracked:
                out[tracked[rel]] = parse_hunks(block)
    return out


_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def unquote(quoted: str) -> str:
    """A path as git writes it between double quotes (C escapes, octal bytes), decoded."""
    out = bytearray()
    i = 0
    while i < len(quoted):
        c = quoted[i]
        if c == "\\" and i + 1 < len(quoted):
            nxt = quoted[i + 1]
            digits = quoted[i + 1:i + 4]
            if len(digits) == 3 and all(d in "01234567" for d in digits):
                out.append(int(digits, 8) & 0xFF)
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out += c.encode("utf-8", "surrogateescape")
        i += 1
    return out.decode("utf-8", "surrogateescape")


def filter_changed(rev: str, results: Sequence[FileResult]) -> list[FileResult]:
    """``results`` keeping only findings that touch a line changed since ``rev``."""
    names = [r.filename for r in results if r.diagnostics and r.filename != "-"]
    changed = changed_lines(rev, names) if names else {}
    out = []
    for r in results:
        if not r.diagnostics or r.filename not in changed:
            out.append(r)
            continue
        rows = changed[r.filename]
        # An archive's record (JSON Lines, CSV) counts rows inside the record: kept whole.
        if rows is WHOLE_FILE or getattr(r, "record", None) is not None:
            out.append(r)
            continue
        keep = [d for d in r.diagnostics
                if any(row in rows for row in range(d.location.row, d.end_location.row + 1))]
        out.append(replace(r, diagnostics=keep))
    return out
