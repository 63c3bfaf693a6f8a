"""Fingerprints of findings, and the baseline file built from them (``--baseline FILE``).

A fingerprint names a finding by what it is, not where it is: the rule's code, the text it
flags and the line around it (spaces collapsed), plus an occurrence number for identical
findings in one file. Lines added or removed above a finding leave it unchanged, so a
baseline still matches after edits elsewhere in the story, and SARIF alerts and GitLab
issues keep their identity from run to run.

The baseline is JSON: ``{"version": 1, "findings": [{"path", "code", "fingerprint",
"message", "row"}]}``, paths relative to the baseline file's folder (``row`` and
``message`` are for readers; matching uses ``path`` and ``fingerprint`` only). A finding in
a record of an archive (``--text-field``) also names its record: ``"record": ID`` (the id
field's value, else the record's number), and matches only a finding in the record of that
id in that file; occurrences are counted per record.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from newslint.diagnostics import Diagnostic, FileResult
from newslint.errors import NewslintError

BASELINE_VERSION = 1
CONTEXT_LIMIT = 400  # characters of the line kept around a finding (a 20 MB one-line file)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _key(d: Diagnostic, source: str | None) -> str:
    """What identifies a finding in its file, without its position."""
    if source is None or not (0 <= d.start <= d.end <= len(source)):
        flagged, context = d.message, ""
    else:
        flagged = source[d.start:d.end]
        line_start = source.rfind("\n", 0, d.start) + 1
        line_end = source.find("\n", d.end)
        if line_end < 0:
            line_end = len(source)
        before = source[max(line_start, d.start - CONTEXT_LIMIT):d.start]
        after = source[d.end:min(line_end, d.end + CONTEXT_LIMIT)]
        context = _squeeze(before) + "\x00" + _squeeze(after)
    return "\x1f".join((d.code, _squeeze(flagged), context))


def line_hashes(result: FileResult) -> list[tuple[str, int]]:
    """For each of ``result.diagnostics``: a hash (16 hex digits) of what the finding is, and
    its occurrence (1, 2, ...) among identical findings in the file, in order (the parts of
    GitHub's ``primaryLocationLineHash``)."""
    seen: Counter[str] = Counter()
    out = []
    for d in result.diagnostics:
        key = _key(d, result.source)
        seen[key] += 1
        out.append((hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16], seen[key]))
    return out


def fingerprints(result: FileResult) -> list[str]:
    """A fingerprint (32 hex digits) for each of ``result.diagnostics``, in order; identical
    findings in one file are told apart by their order of occurrence."""
    return [hashlib.sha256(f"{h}:{n}".encode()).hexdigest()[:32] for h, n in line_hashes(result)]


def _rel(filename: str, base: Path) -> str:
    try:
        return os.path.relpath(os.path.abspath(filename), base).replace(os.sep, "/")
    except ValueError:  # another drive (Windows)
        return Path(filename).as_posix()


def _record_id(result: FileResult) -> str | None:
    return result.record.id if result.record is not None else None


class BaselineWriter:
    """Collects the baseline rows of results as they stream past (an archive's results are
    never all held), then writes them: :meth:`add` each result, :meth:`write` at the end."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.base = Path(os.path.abspath(path)).parent
        self.rows: list[dict[str, Any]] = []
        self._rel: dict[str, str] = {}

    def add(self, r: FileResult) -> None:
        if not r.diagnostics:
            return
        rel = self._rel.get(r.filename)
        if rel is None:
            rel = self._rel[r.filename] = _rel(r.filename, self.base)
        record = _record_id(r)
        for d, fp in zip(r.diagnostics, fingerprints(r)):
            row: dict[str, Any] = {"path": rel}
            if record is not None:
                row["record"] = record
            row.update(code=d.code, fingerprint=fp, message=d.message, row=d.location.row)
            self.rows.append(row)

    def write(self) -> int:
        """Write the file (whole, then moved in place); returns how many findings it holds."""
        rows = self.rows
        rows.sort(key=lambda x: (x["path"], x.get("record") or "", x["row"], x["code"], x["fingerprint"]))
        text = json.dumps({"version": BASELINE_VERSION, "tool": "newslint", "findings": rows},
                          indent=2, ensure_ascii=False) + "\n"
        path = self.path
        tmp = f"{path}.tmp{os.getpid()}"
        try:
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except OSError as exc:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise NewslintError(f"cannot write the baseline {path}: {exc.strerror or exc}") from None
        return len(rows)


def write_baseline(path: str, results: Iterable[FileResult]) -> int:
    """Record every finding of ``results`` in ``path`` (written whole, then moved in place);
    returns how many were recorded."""
    writer = BaselineWriter(path)
    for r in results:
        writer.add(r)
    return writer.write()


def read_baseline(path: str) -> Counter[tuple[str, str | None, str]]:
    """The (path, record id or None, fingerprint) triples recorded in ``path``, with how many
    times each occurs."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise NewslintError(f"baseline {path} not found (create it with --baseline {path} --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise NewslintError(f"cannot read the baseline {path}: {exc}") from None
    if not (isinstance(data, dict) and isinstance(data.get("findings"), list)
            and data.get("version") == BASELINE_VERSION):
        raise NewslintError(f"{path} is not a newslint baseline (version {BASELINE_VERSION})")
    out: Counter[tuple[str, str | None, str]] = Counter()
    for row in data["findings"]:
        if isinstance(row, dict) and isinstance(row.get("path"), str) and isinstance(row.get("fingerprint"), str):
            record = row.get("record")
            if record is not None and not isinstance(record, str):
                continue
            out[(row["path"], record, row["fingerprint"])] += 1
    return out


class BaselineFilter:
    """Leaves out of each result the findings recorded in the baseline ``path`` (each
    recorded finding hides at most one finding now); ``hidden`` counts them. Results pass
    one at a time, so an archive's stream stays a stream."""

    def __init__(self, path: str) -> None:
        self.known = read_baseline(path)
        self.base = Path(os.path.abspath(path)).parent
        self.hidden = 0
        self._rel: dict[str, str] = {}

    def __call__(self, r: FileResult) -> FileResult:
        if not r.diagnostics:
            return r
        rel = self._rel.get(r.filename)
        if rel is None:
            rel = self._rel[r.filename] = _rel(r.filename, self.base)
        record = _record_id(r)
        known = self.known
        keep: list[Diagnostic] = []
        for d, fp in zip(r.diagnostics, fingerprints(r)):
            key = (rel, record, fp)
            if known[key] > 0:
                known[key] -= 1
                self.hidden += 1
            else:
                keep.append(d)
        return replace(r, diagnostics=keep) if len(keep) != len(r.diagnostics) else r


def filter_baseline(path: str, results: Iterable[FileResult]) -> tuple[list[FileResult], int]:
    """``results`` without the findings recorded in the baseline ``path``; and how many were
    left out. Each recorded finding hides at most one finding now."""
    keep = BaselineFilter(path)
    out = [keep(r) for r in results]
    return out, keep.hidden
