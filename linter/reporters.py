"""Output formats for ``--output-format``: each is a :class:`Reporter` registered by hook.

Machine formats (json, sarif, github, concise) never show colour or progress.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from linter.diagnostics import FileResult
from linter.hookspecs import hookimpl

if TYPE_CHECKING:
    from linter.registry import RuleSet


@dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the results."""

    rules: RuleSet
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    unsafe_fixes: bool = False  # whether unsafe fixes count as available
    fixed: int = 0  # fixes applied by --fix in this run
    version: str = ""
    width: int | None = None


@dataclass(frozen=True)
class Reporter:
    """An output format: ``write(results, stream, context)``."""

    name: str
    write: Callable[[Sequence[FileResult], TextIO, ReportContext], None]
    machine: bool = True  # machine-readable: no colour, no progress bar
    description: str = ""


def write_json(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """A JSON array of findings (the public contract: add keys, never rename)."""
    items: list[dict[str, Any]] = [d.to_json() for r in results for d in r.diagnostics]
    json.dump(items, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_concise(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """``path:row:col: CODE [name] message``, one line per finding."""
    for r in results:
        for d in r.diagnostics:
            stream.write(f"{d.filename}:{d.location.row}:{d.location.column}: {d.code} [{d.name}] {d.message}\n")


@hookimpl
def newslint_register_reporters(register: Callable[[Reporter], None]) -> None:
    register(Reporter("json", write_json, description="a JSON array of findings"))
    register(Reporter("concise", write_concise, description="path:row:col: CODE [name] message"))
