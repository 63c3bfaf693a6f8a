"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure): one test suite
per file checked, one failing test case per finding, as ruff writes it; a file-level error
is an ``<error>`` test case."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from newslint.diagnostics import FileResult
from newslint.reporters.base import ReportContext

_XML_BAD = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


def _attr(value: object) -> str:
    """An XML attribute value, quoted; characters XML 1.0 cannot hold are dropped."""
    return quoteattr(str(value).translate(_XML_BAD), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


WRITE_PIECES = 3000


def write_junit(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """``<testsuites>``: a ``<testsuite>`` per file, a ``<testcase>`` per finding or error."""
    findings = sum(len(r.diagnostics) for r in results)
    errors = sum(len(r.errors) for r in results)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<testsuites name="newslint" tests={_attr(findings + errors)} failures={_attr(findings)} '
           f'errors={_attr(errors)}>\n']
    for r in results:
        if not (r.diagnostics or r.errors):
            continue
        out.append(f'  <testsuite name={_attr(r.filename)} tests={_attr(len(r.diagnostics) + len(r.errors))} '
                   f'failures={_attr(len(r.diagnostics))} errors={_attr(len(r.errors))}>\n')
        for d in r.diagnostics:
            where = f"{d.filename}:{d.location.row}:{d.location.column}"
            out.append(f'    <testcase name={_attr(f"{d.code} ({d.name})")} classname={_attr(where)} '
                       f'file={_attr(d.filename)} line={_attr(d.location.row)}>\n')
            out.append(f'      <failure message={_attr(d.message)} type={_attr(d.severity.value)}>'
                       f'{escape(f"{where}: {d.code} {d.message}".translate(_XML_BAD))}</failure>\n')
            out.append("    </testcase>\n")
            if len(out) >= WRITE_PIECES:  # written as it goes: never the whole report as one string
                stream.write("".join(out))
                out.clear()
        for e in r.errors:
            out.append(f'    <testcase name="error" classname={_attr(r.filename)} file={_attr(r.filename)}>\n'
                       f'      <error message={_attr(e)}/>\n    </testcase>\n')
        out.append("  </testsuite>\n")
    out.append("</testsuites>\n")
    stream.write("".join(out))
