"""Applying fixes to source text, and writing files back without losing anything."""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from newslint.diagnostics import SourceEdit, SourceFix


def _conflict(a: SourceEdit, b: SourceEdit) -> bool:
    """Edits overlap when their ranges intersect, or both start at the same place."""
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def apply_fixes(source: str, fixes: Iterable[SourceFix]) -> tuple[str, int]:
    """Apply every fix whose edits do not overlap an earlier accepted fix (or each other).

    Returns the new source and how many fixes were applied. Edits are applied right to
    left, so offsets stay valid; text outside the edits is never touched.
    """
    accepted: list[SourceEdit] = []
    count = 0
    ordered = sorted(fixes, key=lambda f: min((e.start for e in f.edits), default=0))
    for fix in ordered:
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if not edits:
            continue
        if any(e.start < 0 or e.end > len(source) or e.end < e.start for e in edits):
            continue
        if any(_conflict(x, y) for i, x in enumerate(edits) for y in edits[i + 1 :]):
            continue  # a fix that overlaps itself is refused
        if any(_conflict(x, y) for x in edits for y in accepted):
            continue
        accepted.extend(edits)
        count += 1
    if not accepted:
        return source, 0
    accepted.sort(key=lambda e: (e.start, e.end))
    parts: list[str] = []
    pos = 0
    for e in accepted:
        parts.append(source[pos : e.start])
        parts.append(e.content)
        pos = e.end
    parts.append(source[pos:])
    return "".join(parts), count


def newline_of(source: str) -> str:
    """The file's line ending: the most common of CRLF, LF and CR."""
    crlf = source.count("\r\n")
    lf = source.count("\n") - crlf
    cr = source.count("\r") - crlf
    if crlf > lf and crlf >= cr:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def write_atomic(path: Path, text: str, *, encoding: str, bom: bool) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then replace.

    Keeps the encoding, the BOM and the file mode; ``newline=""`` keeps line endings as they
    are in ``text``. If encoding fails nothing is written (the exception propagates).
    """
    data = text.encode(encoding)
    if bom:
        data = "\ufeff".encode(encoding) + data
    mode = None
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        pass
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of one file's fixes (line endings kept as they are)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
