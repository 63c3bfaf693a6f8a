"""Output formats for ``--output-format``: each is a :class:`Reporter` registered by hook.

Machine formats (json, sarif, github, concise) never show colour or progress.
"""

from __future__ import annotations

import json
import os
from json.encoder import encode_basestring as _encode_str
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from linter.diagnostics import Diagnostic, FileResult, Severity
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


def _indented(obj: Any, pad: str, out: list[str]) -> None:
    """Append ``obj`` as ``json.dumps(obj, indent=2, ensure_ascii=False)`` would write it,
    ``pad`` being the current indent (``json`` encodes in pure Python once ``indent`` is set;
    this is ~10x faster on findings, with the C string encoder)."""
    if isinstance(obj, str):
        out.append(_encode_str(obj))
    elif obj is None:
        out.append("null")
    elif obj is True:
        out.append("true")
    elif obj is False:
        out.append("false")
    elif isinstance(obj, int):
        out.append(int.__repr__(obj))
    elif isinstance(obj, dict):
        if not obj:
            out.append("{}")
            return
        inner = pad + "  "
        sep = "{\n"
        for key, value in obj.items():
            out.append(sep + inner + _encode_str(str(key)) + ": ")
            _indented(value, inner, out)
            sep = ",\n"
        out.append("\n" + pad + "}")
    elif isinstance(obj, (list, tuple)):
        if not obj:
            out.append("[]")
            return
        inner = pad + "  "
        sep = "[\n"
        for value in obj:
            out.append(sep + inner)
            _indented(value, inner, out)
            sep = ",\n"
        out.append("\n" + pad + "]")
    else:  # floats and anything unusual: exactly what json writes
        out.append(json.dumps(obj, ensure_ascii=False))


def _position(p: Any, pad: str) -> str:
    return f'{{\n{pad}  "row": {p.row},\n{pad}  "column": {p.column}\n{pad}}}'


def _finding_json(d: Diagnostic) -> str:
    """``d.to_json()`` as ``_indented`` writes it one level deep, without building the dict
    (the common case, written out: a test holds it to ``json.dumps`` byte for byte)."""
    e = _encode_str
    if d.fix is None:
        fix = "null"
    else:
        edits = ",\n".join(
            f'        {{\n          "content": {e(x.content)},\n          "location": {_position(x.location, "          ")},'
            f'\n          "end_location": {_position(x.end_location, "          ")}\n        }}'
            for x in d.fix.edits)
        edits = f"[\n{edits}\n      ]" if edits else "[]"
        fix = (f'{{\n      "applicability": {e(d.fix.applicability.value)},\n      "message": {e(d.fix.title)},'
               f'\n      "edits": {edits}\n    }}')
    sugg = ",\n".join(f"      {e(x)}" for x in d.suggestions)
    sugg = f"[\n{sugg}\n    ]" if sugg else "[]"
    return (f'{{\n    "filename": {e(d.filename)},\n    "code": {e(d.code)},\n    "name": {e(d.name)},'
            f'\n    "severity": {e(d.severity.value)},\n    "message": {e(d.message)},'
            f'\n    "location": {_position(d.location, "    ")},\n    "end_location": {_position(d.end_location, "    ")},'
            f'\n    "fix": {fix},\n    "suggestions": {sugg},\n    "plugin": {e(d.plugin)}\n  }}')


def write_json(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """A JSON array of findings (the public contract: add keys, never rename)."""
    # One file at a time, byte for byte what json.dump(list, indent=2) writes, so a run
    # with tens of thousands of findings never holds them all as dicts at once.
    first = True
    for r in results:
        out: list[str] = []
        for d in r.diagnostics:
            out.append("[\n  " if first else ",\n  ")
            if type(d) is Diagnostic:
                out.append(_finding_json(d))
            else:  # a subclass may add keys: take its to_json()
                _indented(d.to_json(), "  ", out)
            first = False
        stream.write("".join(out))
    stream.write("[]\n" if first else "\n]\n")


def write_concise(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """``path:row:col: CODE [name] message``, one line per finding."""
    for r in results:
        for d in r.diagnostics:
            stream.write(f"{d.filename}:{d.location.row}:{d.location.column}: {d.code} [{d.name}] {d.message}\n")


def write_full(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """Each finding with its source line and a caret underline, then a summary
    (ruff's layout; see :mod:`linter.reporters_full`)."""
    from linter.reporters_full import write_full as write

    write(results, stream, ctx)


# -- github: workflow commands ------------------------------------------------------------

GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_data(s: str) -> str:
    """Escape a workflow command's message."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(s: str) -> str:
    """Escape a workflow command's property value."""
    return github_data(s).replace(":", "%3A").replace(",", "%2C")


def write_github(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """One ``::error file=...,line=...::message`` annotation per finding."""
    for r in results:
        for d in r.diagnostics:
            props = {
                "file": d.filename,
                "line": d.location.row,
                "col": d.location.column,
                "endLine": d.end_location.row,
                "endColumn": d.end_location.column,
                "title": f"{d.code} ({d.name})",
            }
            joined = ",".join(f"{k}={github_property(str(v))}" for k, v in props.items())
            stream.write(f"::{GITHUB_LEVEL.get(d.severity, 'warning')} {joined}::{github_data(d.message)}\n")


# -- sarif: SARIF 2.1.0 -------------------------------------------------------------------

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://pypi.org/project/newslint/"


def sarif_uri(filename: str) -> dict[str, str]:
    """An artifactLocation: a relative URI under ``%SRCROOT%`` (the working folder), or a
    ``file:`` URI for a path outside it."""
    from pathlib import Path
    from urllib.parse import quote

    path = Path(filename)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return {"uri": path.as_uri()}
    rel = os.path.normpath(str(path)).replace(os.sep, "/")
    return {"uri": quote(rel, safe="/"), "uriBaseId": "%SRCROOT%"}


def _region(start: Any, end: Any) -> dict[str, int]:
    return {"startLine": start.row, "startColumn": start.column, "endLine": end.row, "endColumn": end.column}


def short_description(rule: Any) -> str:
    """The first sentence of the rule's "What it does" paragraph (``Rule.summary`` is only
    its first line, which may stop mid-sentence)."""
    doc = rule.doc
    marker = "## What it does"
    if marker in doc:
        doc = doc.split(marker, 1)[1]
    para = " ".join(doc.strip().split("\n\n", 1)[0].split())
    m = re.match(r"(.+?[.!?])(?=\s+[A-Z]|$)", para)
    return (m.group(1) if m else para) or rule.summary or rule.name


def _sarif_rule(rule: Any) -> dict[str, Any]:
    doc = rule.doc or rule.summary or rule.name
    props = {k: v for k, v in (("plugin", rule.plugin), ("fixable", rule.fixable)) if v}
    out: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short_description(rule)},
        "fullDescription": {"text": doc, "markdown": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": SARIF_LEVEL.get(rule.severity, "warning"), "enabled": rule.default},
    }
    if props:
        out["properties"] = props
    return out


def _sarif_result(d: Diagnostic, index: int) -> dict[str, Any]:
    artifact = sarif_uri(d.filename)
    res: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": SARIF_LEVEL.get(d.severity, "warning"),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact,
                                            "region": _region(d.location, d.end_location)}}],
    }
    if d.fix is not None:
        res["fixes"] = [{
            "description": {"text": d.fix.title},
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": [
                    {"deletedRegion": _region(e.location, e.end_location), "insertedContent": {"text": e.content}}
                    for e in d.fix.edits
                ],
            }],
            "properties": {"applicability": d.fix.applicability.value},
        }]
    props: dict[str, Any] = {"name": d.name}
    if d.suggestions:
        props["suggestions"] = list(d.suggestions)
    res["properties"] = props
    return res


def sarif_log(results: Sequence[FileResult], ctx: ReportContext) -> dict[str, Any]:
    """The SARIF log as a dict: one run, every registered rule, one result per finding."""
    from pathlib import Path

    rules = [_sarif_rule(r) for r in ctx.rules]
    index = {r["id"]: i for i, r in enumerate(rules)}
    out: list[dict[str, Any]] = []
    for r in results:
        for d in r.diagnostics:
            if d.code not in index:  # a finding from a rule the RuleSet does not hold
                index[d.code] = len(rules)
                rules.append({"id": d.code, "name": d.name})
            out.append(_sarif_result(d, index[d.code]))
    driver: dict[str, Any] = {"name": "newslint", "informationUri": INFORMATION_URI, "rules": rules}
    if ctx.version:
        driver["version"] = ctx.version
        driver["semanticVersion"] = ctx.version
    notifications = [{"level": "error", "message": {"text": e}} for r in results for e in r.errors]
    notifications += [{"level": "note", "message": {"text": n}} for r in results for n in r.notes]
    root = Path.cwd().as_uri()
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [{
            "executionSuccessful": not any(r.errors for r in results),
            "toolExecutionNotifications": notifications,
        }],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root if root.endswith("/") else root + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": out,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def write_sarif(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """A SARIF 2.1.0 log (for code-scanning services)."""
    json.dump(sarif_log(results, ctx), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


@hookimpl
def newslint_register_reporters(register: Callable[[Reporter], None]) -> None:
    register(Reporter("full", write_full, machine=False,
                      description="each finding with its source line, then a summary (default)"))
    register(Reporter("concise", write_concise, description="path:row:col: CODE [name] message"))
    register(Reporter("json", write_json, description="a JSON array of findings"))
    register(Reporter("github", write_github, description="GitHub Actions workflow commands (annotations)"))
    register(Reporter("sarif", write_sarif, description="SARIF 2.1.0 JSON, for code scanning"))
