"""Applying fixes to source text, and writing files back without losing anything."""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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
    new, applied = apply_fixes_detail(source, list(fixes))
    return new, len(applied)


def apply_fixes_detail(source: str, fixes: Sequence[SourceFix]) -> tuple[str, list[int]]:
    """:func:`apply_fixes`, returning the indexes (into ``fixes``) of the fixes applied."""
    accepted: list[SourceEdit] = []
    applied: list[int] = []
    ordered = sorted(range(len(fixes)), key=lambda i: min((e.start for e in fixes[i].edits), default=0))
    for i in ordered:
        edits = sorted(fixes[i].edits, key=lambda e: (e.start, e.end))
        if not edits:
            continue
        if any(e.start < 0 or e.end > len(source) or e.end < e.start for e in edits):
            continue
        if any(_conflict(x, y) for j, x in enumerate(edits) for y in edits[j + 1 :]):
            continue  # a fix that overlaps itself is refused
        if any(_conflict(x, y) for x in edits for y in accepted):
            continue
        accepted.extend(edits)
        applied.append(i)
    if not accepted:
        return source, []
    accepted.sort(key=lambda e: (e.start, e.end))
    parts: list[str] = []
    pos = 0
    for e in accepted:
        parts.append(source[pos : e.start])
        parts.append(e.content)
        pos = e.end
    parts.append(source[pos:])
    return "".join(parts), applied


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


TEMP_SUFFIX = ".newslint-tmp"
#: A temporary file whose writer is gone, or older than this, is left over from a killed run.
STALE_TEMP_SECONDS = 3600


class FixRefused(Exception):
    """Fixes were not written, for a reason the user should hear (one line, no traceback)."""


@dataclass(frozen=True, slots=True)
class FileState:
    """What a file was when it was read: compared again just before it is replaced."""

    dev: int
    ino: int
    size: int
    mtime_ns: int
    data: bytes

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> FileState:
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, data)

    def same_stat(self, st: os.stat_result) -> bool:
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) == (self.dev, self.ino, self.size, self.mtime_ns)


def encode_text(text: str, *, encoding: str, bom: bool) -> bytes:
    """The bytes of ``text`` in ``encoding`` (with its byte order mark when ``bom``)."""
    data = text.encode(encoding)
    return "\ufeff".encode(encoding) + data if bom else data


def _changed(path: str, state: FileState) -> bool:
    try:
        st = os.stat(path)
        if not state.same_stat(st):
            return True
        with open(path, "rb") as fh:
            return fh.read(state.size + 1) != state.data
    except OSError:
        return True


def write_atomic(path: Path | str, text: str, *, encoding: str, bom: bool, expect: FileState | None = None) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then replace.

    Keeps the encoding, the BOM, the file mode, owner and group; ``newline=""`` keeps line
    endings as they are in ``text``. A symbolic link keeps being a link: its target is
    fixed. Raises :class:`FixRefused` (nothing written) for a file that is read-only, has
    other hard links, belongs to an owner the replacement could not keep, or - with
    ``expect`` - changed since it was read; if encoding fails nothing is written (the
    ``UnicodeEncodeError`` propagates). A kill at any moment leaves the old file or the new
    one, never a mix; a temporary file a kill leaves is removed by :func:`clean_stale_temps`.
    """
    data = encode_text(text, encoding=encoding, bom=bom)
    target = os.path.realpath(path)  # a link: fix what it points to, keep the link
    shown = os.fspath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None:
        if expect is not None and not expect.same_stat(st):
            raise FixRefused(f"{shown}: changed while newslint was checking it; fixes not written")
        if st.st_nlink > 1:
            raise FixRefused(
                f"{shown}: has {st.st_nlink} hard links; fixes not written (replacing it would "
                "break the links; see --diff)"
            )
        if not (st.st_mode & 0o222) or not os.access(target, os.W_OK):
            raise FixRefused(f"{shown}: is read-only; fixes not written")
    folder, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if st is not None:
                os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
                _keep_owner(fh.fileno(), st, shown)
            os.fsync(fh.fileno())
        if expect is not None and _changed(target, expect):
            raise FixRefused(f"{shown}: changed while newslint was checking it; fixes not written")
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(folder or ".")


def _keep_owner(fd: int, st: os.stat_result, shown: str) -> None:
    """Give the temporary file the original's owner and group, or refuse."""
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.fchown(fd, st.st_uid, st.st_gid)
    except PermissionError:
        try:  # not root: a user may still give a file a group they belong to
            os.fchown(fd, -1, st.st_gid)
        except PermissionError:
            pass
    mine = os.fstat(fd)
    if mine.st_uid != st.st_uid:
        raise FixRefused(f"{shown}: belongs to another user; fixes not written (the new file would change its owner)")
    if mine.st_gid != st.st_gid:
        raise FixRefused(f"{shown}: belongs to a group you are not in; fixes not written (it would change its group)")


def _sync_folder(folder: str) -> None:
    """Make the rename durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_TEMP_NAME = re.compile(r"^\..+\.(?P<pid>\d+)\.[^.]+" + re.escape(TEMP_SUFFIX) + r"$")


def clean_stale_temps(folder: str) -> list[str]:
    """Remove temporary files that a killed ``--fix`` left in ``folder``: ``.NAME.PID.XXXX``
    plus :data:`TEMP_SUFFIX`, whose process is gone or that are older than an hour. Returns
    the names removed; errors are ignored (a folder we cannot change keeps them)."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode):
                continue
            m = _TEMP_NAME.match(name)
            stale = now - st.st_mtime > STALE_TEMP_SECONDS or (m is not None and not _alive(int(m["pid"])))
            if stale:
                os.unlink(entry.path)
                removed.append(name)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of one file's fixes (line endings kept as they are)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
