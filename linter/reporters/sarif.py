"""SARIF 2.1.0, for code-scanning dashboards: every rule's id, name and help, and one
result per finding."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring as _encode_str
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic, FileResult, Severity
from newslint.reporters.base import ReportContext
from newslint.reporters.machine import _indented


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://pypi.org/project/newslint/"


FULL_DESCRIPTION_LIMIT = 1024  # characters GitHub code scanning keeps of fullDescription


def source_root(cwd: str | None = None) -> str:
    """The folder ``%SRCROOT%`` stands for: the repository checked (the nearest folder up
    from the working folder with a ``.git``), else the working folder. Code scanning
    resolves artifact paths against the repository root."""
    here = os.path.abspath(cwd or os.getcwd())
    folder = here
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent


def sarif_uri(filename: str, root: str | None = None) -> dict[str, str]:
    """An artifactLocation: a relative URI under ``%SRCROOT%`` (``root``, by default
    :func:`source_root`), or a ``file:`` URI for a path outside it."""
    from pathlib import Path
    from urllib.parse import quote

    root = root or source_root()
    full = os.path.normpath(os.path.abspath(filename))
    try:
        rel = os.path.relpath(full, root)
    except ValueError:  # another drive (Windows)
        return {"uri": Path(full).as_uri()}
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return {"uri": Path(full).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/"), safe="/"), "uriBaseId": "%SRCROOT%"}


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


def full_description(rule: Any) -> str:
    """The rule's "What it does" section as plain prose, cut at a sentence to fit GitHub's
    1,024 characters (the whole documentation is in ``help``)."""
    doc = rule.doc or ""
    marker = "## What it does"
    if marker in doc:
        doc = doc.split(marker, 1)[1]
    section = doc.split("\n## ", 1)[0]
    text = " ".join(section.split()) or short_description(rule)
    if len(text) <= FULL_DESCRIPTION_LIMIT:
        return text
    cut = text[:FULL_DESCRIPTION_LIMIT]
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", cut)]
    if ends:
        return cut[:ends[-1]]
    return cut[:FULL_DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "\u2026"


def _sarif_rule(rule: Any) -> dict[str, Any]:
    doc = rule.doc or rule.summary or rule.name
    props = {k: v for k, v in (("plugin", rule.plugin), ("fixable", rule.fixable)) if v}
    out: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short_description(rule)},
        "fullDescription": {"text": full_description(rule)},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": SARIF_LEVEL.get(rule.severity, "warning"), "enabled": rule.default},
    }
    if props:
        out["properties"] = props
    return out


def _sarif_result(d: Diagnostic, index: int, artifact: dict[str, str] | None = None,
                  fingerprint: tuple[str, int] | None = None) -> dict[str, Any]:
    artifact = artifact or sarif_uri(d.filename)
    res: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": SARIF_LEVEL.get(d.severity, "warning"),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact,
                                            "region": _region(d.location, d.end_location)}}],
    }
    if fingerprint is not None:
        # What the finding is, never where: the rule, the words flagged and the line around
        # them, so an alert keeps its identity when lines are added above it.
        line_hash, n = fingerprint
        res["partialFingerprints"] = {"primaryLocationLineHash": f"{line_hash}:{n}"}
    if d.record is not None:
        # Rows and columns count inside the record's text, not the file: the physical
        # location is the line the record starts on (when the format has lines), the record
        # itself a logical location, and the place inside it a property.
        rec = d.record
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if rec.line is not None:
            physical["region"] = {"startLine": rec.line}
        res["locations"] = [{
            "physicalLocation": physical,
            "logicalLocations": [{"name": rec.id, "fullyQualifiedName": d.where, "kind": "record"}],
        }]
    elif d.fix is not None and d.fix.edits:  # a record's fix cannot be applied to the file
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
    if d.record is not None:
        props["record"] = {**d.record.to_json(), "region": _region(d.location, d.end_location)}
        if d.fix is not None:
            props["fix"] = d.fix.title
    res["properties"] = props
    return res


def sarif_log(results: Sequence[FileResult], ctx: ReportContext) -> dict[str, Any]:
    """The SARIF log as a dict: one run, every registered rule, one result per finding."""
    log, run, found = _log_and_results(results, ctx)
    run["results"] = list(found)
    return log


def _log_and_results(results: Sequence[FileResult],
                     ctx: ReportContext) -> tuple[dict[str, Any], dict[str, Any], Iterator[dict[str, Any]]]:
    """The log without its results (its run's ``results`` key last, empty), the run, and the
    results one at a time: a 20 MB file's 113,000 results as dicts took 1.7 GB."""
    from pathlib import Path

    from newslint.baseline import line_hashes

    source_dir = source_root()
    rules = [_sarif_rule(r) for r in ctx.rules]
    index = {r["id"]: i for i, r in enumerate(rules)}
    # Findings from a rule the RuleSet does not hold, in the order they first come: the
    # driver lists them before the results.
    for r in results:
        for d in r.diagnostics:
            if d.code not in index:
                index[d.code] = len(rules)
                rules.append({"id": d.code, "name": d.name})

    def found() -> Iterator[dict[str, Any]]:
        for r in results:
            if not r.diagnostics:
                continue
            artifact = sarif_uri(r.filename, source_dir)
            for d, fingerprint in zip(r.diagnostics, line_hashes(r)):
                yield _sarif_result(d, index[d.code], artifact, fingerprint)

    driver: dict[str, Any] = {"name": "newslint", "informationUri": INFORMATION_URI, "rules": rules}
    if ctx.version:
        driver["version"] = ctx.version
        driver["semanticVersion"] = ctx.version
    notifications = [{"level": "error", "message": {"text": e}} for r in results for e in r.errors]
    notifications += [{"level": "note", "message": {"text": n}} for r in results for n in r.notes]
    root = Path(source_dir).as_uri()
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [{
            "executionSuccessful": not any(r.errors for r in results),
            "toolExecutionNotifications": notifications,
        }],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root if root.endswith("/") else root + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, run, found()


# Stands for the results while the rest of the log is written (no rule text holds a NUL).
_RESULTS_MARK = "\x00newslint-sarif-results\x00"
RESULTS_PAD = "      "  # the indent of the results list: log > runs > run > results
RESULTS_CHUNK = 1000  # results written to the stream at a time


def write_sarif(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """A SARIF 2.1.0 log (for code-scanning services)."""
    # What json.dump(indent=2) writes, with the C string encoder (json's indenting encoder is
    # pure Python: ~5x slower on a log of 50,000 results). The results are written as they
    # are made, RESULTS_CHUNK at a time, around the rest of the log.
    log, run, found = _log_and_results(results, ctx)
    run["results"] = _RESULTS_MARK
    out: list[str] = []
    _indented(log, "", out)
    head, tail = "".join(out).split(_encode_str(_RESULTS_MARK))
    stream.write(head)
    out = []
    inner = RESULTS_PAD + "  "
    sep = "[\n" + inner
    for n, res in enumerate(found, 1):
        out.append(sep)
        _indented(res, inner, out)
        sep = ",\n" + inner
        if n % RESULTS_CHUNK == 0:
            stream.write("".join(out))
            out.clear()
    out.append("[]" if sep.startswith("[") else "\n" + RESULTS_PAD + "]")
    out.append(tail + "\n")
    stream.write("".join(out))
