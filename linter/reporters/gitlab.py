"""GitLab Code Quality JSON (``artifacts: reports: codequality``): an array of issues, each
with a fingerprint that stays the same when lines move, so merge requests show only what
changed, as ruff's ``gitlab`` format does."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from newslint.baseline import fingerprints
from newslint.diagnostics import FileResult, Severity
from newslint.reporters.base import ReportContext
from newslint.reporters.machine import _indented

GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab_path(filename: str) -> str:
    """The path relative to the project folder (``CI_PROJECT_DIR``, else the working folder)."""
    root = os.environ.get("CI_PROJECT_DIR") or os.getcwd()
    try:
        rel = os.path.relpath(os.path.abspath(filename), os.path.abspath(root))
    except ValueError:
        return filename
    return filename if rel.startswith("..") else rel.replace(os.sep, "/")


def write_gitlab(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """A JSON array of Code Quality issues (``description``, ``check_name``, ``fingerprint``,
    ``severity``, ``location.path`` and ``location.positions``). A file-level error is a
    ``blocker`` issue on line 1 of that file."""
    # json.dump(indent=2)'s text, faster (_indented), written ISSUES_CHUNK issues at a time
    # as they are made: a 20 MB file's 113,000 issues as dicts took 670 MB.
    out: list[str] = []
    sep = "[\n  "
    for n, issue in enumerate(_issues(results), 1):
        out.append(sep)
        _indented(issue, "  ", out)
        sep = ",\n  "
        if n % ISSUES_CHUNK == 0:
            stream.write("".join(out))
            out.clear()
    out.append("[]\n" if sep.startswith("[") else "\n]\n")
    stream.write("".join(out))


ISSUES_CHUNK = 1000


def _issues(results: Sequence[FileResult]) -> Iterator[dict[str, Any]]:
    for r in results:
        path = gitlab_path(r.filename)
        for d, fp in zip(r.diagnostics, fingerprints(r)):
            yield {
                "description": f"{d.code} {d.message}",
                "check_name": d.code,
                "fingerprint": hashlib.sha256(f"{path}\x00{fp}".encode("utf-8", "surrogatepass")).hexdigest()[:32],
                "severity": GITLAB_SEVERITY.get(d.severity, "minor"),
                "location": {
                    "path": path,
                    "positions": {
                        "begin": {"line": d.location.row, "column": d.location.column},
                        "end": {"line": d.end_location.row, "column": d.end_location.column},
                    },
                },
            }
        for n, e in enumerate(r.errors):
            yield {
                "description": e,
                "check_name": "newslint-error",
                "fingerprint": hashlib.sha256(f"{path}\x00error\x00{n}\x00{e}".encode("utf-8", "surrogatepass"))
                .hexdigest()[:32],
                "severity": "blocker",
                "location": {"path": path, "lines": {"begin": 1}},
            }
