"""Output formats for ``--output-format``: each is a :class:`Reporter` registered by hook.

- ``base``: :class:`Reporter` and :class:`ReportContext`, shared by every format.
- ``full``: ruff's layout, with rich (the default).
- ``machine``: json, concise and github.
- ``sarif``: SARIF 2.1.0.
- ``junit``: JUnit XML; ``gitlab``: GitLab Code Quality JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from newslint.diagnostics import FileResult
from newslint.hookspecs import hookimpl
from newslint.reporters.base import ReportContext, Reporter
from newslint.reporters.machine import write_concise, write_github, write_json

__all__ = ["ReportContext", "Reporter"]


def write_full(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """Each finding with its source line and a caret underline, then a summary
    (ruff's layout; see :mod:`newslint.reporters.full`). rich is imported only here."""
    from newslint.reporters.full import write_full as write

    write(results, stream, ctx)


# The other writers are imported when asked for, like rich for the full format: junit's XML
# escaping pulls in xml.sax, urllib and http.client (~15 ms), gitlab's fingerprints hashlib
# and the baseline module, on every run that uses neither.
def write_sarif(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """SARIF 2.1.0 (see :mod:`newslint.reporters.sarif`)."""
    from newslint.reporters.sarif import write_sarif as write

    write(results, stream, ctx)


def write_junit(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """JUnit XML (see :mod:`newslint.reporters.junit`)."""
    from newslint.reporters.junit import write_junit as write

    write(results, stream, ctx)


def write_gitlab(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """GitLab Code Quality JSON (see :mod:`newslint.reporters.gitlab`)."""
    from newslint.reporters.gitlab import write_gitlab as write

    write(results, stream, ctx)


def write_html(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """One self-contained HTML page (see :mod:`newslint.reporters.html`)."""
    from newslint.reporters.html import write_html as write

    write(results, stream, ctx)


@hookimpl
def newslint_register_reporters(register: Callable[[Reporter], None]) -> None:
    register(Reporter("full", write_full, machine=False,
                      description="each finding with its source line, then a summary (default)"))
    register(Reporter("concise", write_concise, description="path:row:col: CODE [name] message"))
    register(Reporter("json", write_json, description="a JSON array of findings"))
    register(Reporter("github", write_github, description="GitHub Actions workflow commands (annotations)"))
    register(Reporter("sarif", write_sarif, description="SARIF 2.1.0 JSON, for code scanning"))
    register(Reporter("junit", write_junit, description="JUnit XML: a test case per finding"))
    register(Reporter("gitlab", write_gitlab, description="GitLab Code Quality JSON"))
    register(Reporter("html", write_html, machine=False, description="one self-contained HTML page: totals, a chart, every finding"))
