"""newslint: a text-quality linter for news copy.

Public API (stable)::

    from newslint import lint_text, lint_paths, Config
    diagnostics = lint_text("The mayor said..", format="text")

Plugin authors need :data:`hookimpl` and the data model: :class:`Document`, :class:`Span`,
:class:`Finding`, :class:`Fix`, :class:`Edit`, :class:`Rule`, :class:`Severity`, and for new
input and output formats :class:`Format`, :class:`TextBuilder`, :class:`Reporter` and
:class:`ReportContext`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newslint.diagnostics import Applicability, Diagnostic, Edit, FileResult, Finding, Fix, Severity
from newslint.document import Block, Document, Position, Span, TextBuilder
from newslint.errors import NewslintError
from newslint.formats import Format
from newslint.hookspecs import hookimpl
from newslint.registry import Rule

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "Block",
    "Config",
    "Diagnostic",
    "Document",
    "Edit",
    "FileResult",
    "Finding",
    "Fix",
    "Format",
    "NewslintError",
    "Position",
    "ReportContext",
    "Reporter",
    "Rule",
    "Severity",
    "Span",
    "TextBuilder",
    "__version__",
    "hookimpl",
    "lint_paths",
    "lint_text",
]

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.reporters.base import ReportContext, Reporter


def __getattr__(name: str) -> Any:
    # The runner and config pull in more; load them only when asked for.
    if name in ("lint_text", "lint_paths"):
        from newslint import runner

        return getattr(runner, name)
    if name in ("Reporter", "ReportContext"):  # the reporters package loads the built-in writers
        from newslint.reporters import base

        return getattr(base, name)
    if name == "Config":
        from newslint.config import Config

        return Config
    raise AttributeError(name)
