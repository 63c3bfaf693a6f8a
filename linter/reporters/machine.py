"""Machine formats: json (a stable contract), concise (one line a finding) and github
(workflow commands). None of them shows colour or progress."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.encoder import encode_basestring as _encode_str
from typing import Any, TextIO

from newslint.diagnostics import Diagnostic, FileResult, Severity
from newslint.reporters.base import ReportContext


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


def _json_path(s: str) -> str:
    """A file name as a JSON string. A name that is not valid UTF-8 reaches Python with each
    bad byte as a lone surrogate (U+DC80-U+DCFF, PEP 383): those are written as ``\\udcXX``
    escapes, so the JSON stays valid UTF-8 and ``os.fsencode(name)`` gives the bytes back."""
    out = _encode_str(s)
    return out if out.isascii() else _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


_SURROGATE = re.compile("[\ud800-\udfff]")


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
    return (f'{{\n    "filename": {_json_path(d.filename)},\n    "code": {e(d.code)},\n    "name": {e(d.name)},'
            f'\n    "severity": {e(d.severity.value)},\n    "message": {e(d.message)},'
            f'\n    "location": {_position(d.location, "    ")},\n    "end_location": {_position(d.end_location, "    ")},'
            f'\n    "fix": {fix},\n    "suggestions": {sugg},\n    "plugin": {e(d.plugin)}{_record_json(d)}\n  }}')


def _record_json(d: Diagnostic) -> str:
    """The ``record`` key of a finding in a record (nothing for a file's finding)."""
    rec = d.record
    if rec is None:
        return ""
    line = "null" if rec.line is None else int.__repr__(rec.line)
    return (f',\n    "record": {{\n      "id": {_encode_str(rec.id)},\n      "number": {rec.number},'
            f'\n      "line": {line},\n      "field": {_encode_str(rec.field)}\n    }}')


JSON_CHUNK = 1000  # findings (or edits of one fix) written to the stream at a time


def _edit_json(x: Any) -> str:
    """One edit of a fix, as _finding_json writes it."""
    return (f'        {{\n          "content": {_encode_str(x.content)},\n          "location": '
            f'{_position(x.location, "          ")},\n          "end_location": '
            f'{_position(x.end_location, "          ")}\n        }}')


def _write_large_fix_finding(d: Diagnostic, stream: TextIO) -> None:
    """``_finding_json(d)`` for a fix of thousands of edits (a document-wide quote-style fix
    of a 20 MB file has 70,000), written JSON_CHUNK edits at a time: as one string, and the
    list of its pieces, it took four copies of ~15 MB at once."""
    from dataclasses import replace

    assert d.fix is not None
    # The finding without its edits, cut where they go: '"edits": []' (with its quotes
    # unescaped) appears once, as no string value can hold it.
    head, tail = _finding_json(replace(d, fix=replace(d.fix, edits=()))).split('"edits": []')
    stream.write(head + '"edits": [\n')
    edits = d.fix.edits
    for i in range(0, len(edits), JSON_CHUNK):
        stream.write((",\n" if i else "") + ",\n".join(map(_edit_json, edits[i:i + JSON_CHUNK])))
    stream.write("\n      ]" + tail)


def write_json(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """A JSON array of findings (the public contract: add keys, never rename)."""
    # Byte for byte what json.dump(list, indent=2) writes, streamed: written in pieces of
    # about JSON_CHUNK findings, so no run holds its whole report as one string (a file with
    # millions of findings made one of several GiB).
    first = True
    out: list[str] = []
    pending = 0
    for r in results:
        for d in r.diagnostics:
            out.append("[\n  " if first else ",\n  ")
            if type(d) is Diagnostic and d.fix is not None and len(d.fix.edits) > JSON_CHUNK:
                stream.write("".join(out))
                out.clear()
                _write_large_fix_finding(d, stream)
            elif type(d) is Diagnostic:
                out.append(_finding_json(d))
            else:  # a subclass may add keys: take its to_json()
                _indented(d.to_json(), "  ", out)
            first = False
            pending += 1
            if pending == JSON_CHUNK:
                stream.write("".join(out))
                out.clear()
                pending = 0
    out.append("[]\n" if first else "\n]\n")
    stream.write("".join(out))


def write_concise(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """``path:row:col: CODE [name] message``, one line per finding, then (unless ``quiet``)
    the summary the full format ends with, as ruff's concise format does."""
    for r in results:
        for d in r.diagnostics:
            stream.write(f"{d.where}:{d.location.row}:{d.location.column}: {d.code} [{d.name}] {d.message}\n")
    if not ctx.quiet:
        from newslint.reporters.full import Findings, render_summary

        stream.write(render_summary(Findings(results), ctx, failed=sum(1 for r in results if r.errors)).plain + "\n")


# -- github: workflow commands ------------------------------------------------------------

GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_data(s: str) -> str:
    """Escape a workflow command's message."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(s: str) -> str:
    """Escape a workflow command's property value."""
    return github_data(s).replace(":", "%3A").replace(",", "%2C")


def write_github(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """One ``::error file=...,line=...::message`` annotation per finding, and one
    ``::error file=...::`` per file-level error (a file that could not be read or checked).

    ``col`` and ``endColumn`` are given only for a finding within one line: the Actions
    toolkit rejects columns on an annotation that spans lines."""
    for r in results:
        for d in r.diagnostics:
            props: dict[str, object] = {"file": d.filename, "line": d.location.row}
            if d.end_location.row == d.location.row:
                props["col"] = d.location.column
                props["endLine"] = d.end_location.row
                props["endColumn"] = d.end_location.column
            else:
                props["endLine"] = d.end_location.row
            props["title"] = f"{d.code} ({d.name})"
            message = d.message
            if d.record is not None:  # rows count inside the record's text: annotate the line
                # the record starts on (none for Parquet) and name the record and the place in it
                props = {"file": d.filename, **({"line": d.record.line} if d.record.line else {}),
                         "title": props["title"]}
                message = f"record {d.record.id}, {d.location.row}:{d.location.column}: {message}"
            joined = ",".join(f"{k}={github_property(str(v))}" for k, v in props.items())
            stream.write(f"::{GITHUB_LEVEL.get(d.severity, 'warning')} {joined}::{github_data(message)}\n")
        for error in r.errors:
            title = "newslint error"
            stream.write(f"::error file={github_property(r.filename)},title={github_property(title)}::"
                         f"{github_data(error)}\n")
