"""What every reporter shares: the :class:`Reporter` record and the :class:`ReportContext`
it is handed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from newslint.diagnostics import FileResult

if TYPE_CHECKING:
    from newslint.registry import RuleSet


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
    plugin: str = ""  # set by the engine: the plugin that registered it

