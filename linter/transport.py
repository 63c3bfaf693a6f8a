"""A file's result as plain tuples, for the trip from a ``--jobs`` worker to the parent.

Pickling a :class:`FileResult` object by object (every Diagnostic, Position, SourceFix and
SourceEdit through its ``__reduce__``) cost about as much as a tenth of checking a long story,
half in the worker and half in the parent, which does it for every file one after another.
Packed, the same result is tuples of strings and integers, which pickle writes and reads in C;
the parent builds the objects back. A result of any other shape (a record, a plugin's own
severity) travels as it is.
"""

from __future__ import annotations

import heapq
import marshal
from collections.abc import Iterator, Sequence
from typing import Any

from newslint.diagnostics import Applicability, Diagnostic, FileResult, Severity, SourceEdit, SourceFix
from newslint.document import Position

_TAG = "newslint.packed/1"
_SEVERITY = {s.value: s for s in Severity}
_APPLICABILITY = {a.value: a for a in Applicability}
_new_tuple = tuple.__new__


def _pos(p: Any) -> bool:
    return type(p) is Position and type(p[0]) is int and type(p[1]) is int


def _pack_fix(fix: Any) -> tuple[Any, ...] | None:
    if type(fix) is not SourceFix or type(fix.applicability) is not Applicability or type(fix.edits) is not tuple:
        return None
    edits = []
    for ed in fix.edits:
        if type(ed) is not SourceEdit or not (_pos(ed.location) and _pos(ed.end_location)):
            return None
        edits.append((ed.start, ed.end, ed.content, *ed.location, *ed.end_location))
    return (fix.title, fix.applicability.value, tuple(edits))


def pack(result: FileResult) -> Any:
    """``result`` as plain tuples (or ``result`` itself when it has another shape)."""
    if type(result) is not FileResult or result.record is not None:
        return result
    name = result.filename
    rows = _rows(result.diagnostics, name)
    if rows is None:
        return result
    return (_TAG, name, tuple(rows), tuple(result.errors), tuple(result.notes), result.fixed, result.source,
            result.new_source, result.digest)


def unpack(value: Any) -> Any:
    """The :class:`FileResult` that :func:`pack` packed (anything else as it is)."""
    if type(value) is not tuple or not value or value[0] != _TAG:
        return value
    _, name, diags, errors, notes, fixed, source, new_source, digest = value
    return FileResult(name, _diagnostics(name, diags), list(errors), list(notes), fixed, source, new_source, digest)


def _pack_diagnostic(d: Any, name: str) -> tuple[Any, ...] | None:
    """One diagnostic as a tuple of strings and integers, or None when it has another shape."""
    if (type(d) is not Diagnostic or d.filename != name or d.record is not None or type(d.severity) is not Severity
            or not (_pos(d.location) and _pos(d.end_location)) or type(d.suggestions) is not tuple
            or not all(type(x) is str for x in d.suggestions)):
        return None
    fix = None
    if d.fix is not None:
        fix = _pack_fix(d.fix)
        if fix is None:
            return None
    return (d.code, d.name, d.severity.value, d.message, *d.location, *d.end_location, d.start, d.end,
            fix, d.suggestions, d.plugin)


def _rows(diags: Any, name: str) -> list[tuple[Any, ...]] | None:
    """Each diagnostic of file ``name`` as a tuple, or None if one has another shape."""
    rows = []
    for d in diags:
        row = _pack_diagnostic(d, name)
        if row is None:
            return None
        rows.append(row)
    return rows


def _diagnostics(name: str, rows: Any) -> list[Diagnostic]:
    """The diagnostics of file ``name`` from their packed rows. Equal values come back as one
    object (pickle and ``marshal`` make a new one for each): a message, a position, an offset
    that many findings share is held once."""
    one = {}.setdefault
    out = []
    for code, rname, sev, message, r1, c1, r2, c2, start, end, fix, suggestions, plugin in rows:
        if fix is not None:
            title, app, edits = fix
            fix = SourceFix(one(title, title), _APPLICABILITY[app], tuple(
                SourceEdit(one(s, s), one(e, e), one(content, content), one((a, b), _new_tuple(Position, (a, b))),
                           one((c, d), _new_tuple(Position, (c, d))))
                for s, e, content, a, b, c, d in edits))
        out.append(Diagnostic(name, code, rname, _SEVERITY[sev], one(message, message),
                              one((r1, c1), _new_tuple(Position, (r1, c1))), one((r2, c2), _new_tuple(Position, (r2, c2))),
                              one(start, start), one(end, end), fix, suggestions, plugin))
    return out


def pack_diagnostics(diags: list[Diagnostic], name: str) -> bytes | list[Diagnostic]:
    """``diags`` (all of file ``name``) as one ``marshal`` string: about a tenth of the memory
    the objects take (a Diagnostic with its positions and fix is ~950 bytes). The engine holds
    the findings of a long document this way until the last rule is done. A list holding
    anything else (a plugin's own class or severity) is returned as it is."""
    rows = _rows(diags, name)
    if rows is None:
        return diags
    try:
        return marshal.dumps(rows)
    except ValueError:  # a str subclass in a message or an edit: not for marshal
        return diags


def _rows_diagnostics(name: str, rows: Any) -> Iterator[Diagnostic]:
    """The diagnostics of packed ``rows``, built one at a time (none shared: each lives only
    as long as its reader keeps it)."""
    for code, rname, sev, message, r1, c1, r2, c2, start, end, fix, suggestions, plugin in rows:
        if fix is not None:
            title, app, edits = fix
            fix = SourceFix(title, _APPLICABILITY[app], tuple(
                SourceEdit(s, e, content, _new_tuple(Position, (a, b)), _new_tuple(Position, (c, d)))
                for s, e, content, a, b, c, d in edits))
        yield Diagnostic(name, code, rname, _SEVERITY[sev], message, _new_tuple(Position, (r1, c1)),
                         _new_tuple(Position, (r2, c2)), start, end, fix, suggestions, plugin)


# Rows packed together in one marshal string of a PackedChunk: reading unpacks a block at a
# time (as objects, a row takes ~1.2 KB; a merge holds a block of each rule at once).
PACK_ROWS = 256


class PackedChunk:
    """Diagnostics of one rule, sorted, packed (:func:`pack_diagnostics`) PACK_ROWS at a
    time, with the sort keys of the first and the last."""

    __slots__ = ("name", "blocks", "count", "first", "last")

    def __init__(self, diags: list[Diagnostic], name: str) -> None:
        diags.sort(key=Diagnostic.sort_key)  # stable: equal keys stay in the rule's order
        self.name = name
        self.count = len(diags)
        self.first = diags[0].sort_key()
        self.last = diags[-1].sort_key()
        self.blocks = [pack_diagnostics(diags[i:i + PACK_ROWS], name) for i in range(0, len(diags), PACK_ROWS)]

    def __iter__(self) -> Iterator[Diagnostic]:
        name = self.name
        for packed in self.blocks:
            if type(packed) is not bytes:
                yield from packed
            else:
                yield from _rows_diagnostics(name, marshal.loads(packed))


class PackedDiagnostics(Sequence[Diagnostic]):
    """A long document's findings, sorted as :meth:`Diagnostic.sort_key` sorts them, held
    packed: each is made when it is read, so a reporter that writes them one by one never
    holds them all as objects (113,000 findings of a 20 MB file: ~17 MB packed, ~100 MB as
    objects). Each rule's chunks are sorted; reading merges them (stably: equal keys come
    in rule order, then chunk order, as one stable sort of everything would give them).

    Indexing (rare: readers iterate) makes the list once and keeps it.
    """

    __slots__ = ("_runs", "_count", "_list")

    def __init__(self, runs: list[list[PackedChunk]]) -> None:
        self._runs = [run for run in runs if run]  # each rule's chunks, in the order run
        self._count = sum(c.count for run in self._runs for c in run)
        self._list: list[Diagnostic] | None = None

    def __len__(self) -> int:
        return self._count if self._list is None else len(self._list)

    def __iter__(self) -> Iterator[Diagnostic]:
        if self._list is not None:
            return iter(self._list)
        return heapq.merge(*map(_run_iter, self._runs), key=Diagnostic.sort_key)

    def __getitem__(self, index: Any) -> Any:
        if self._list is None:
            self._list = list(self)
            self._runs = []
        return self._list[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, PackedDiagnostics)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # as a list's

    def __repr__(self) -> str:
        return f"PackedDiagnostics({len(self)} findings)"

    def __reduce__(self) -> tuple[Any, ...]:
        return list, (list(self),)  # a plain list on the other side (--jobs, the cache)


def _run_iter(run: list[PackedChunk]) -> Iterator[Diagnostic]:
    """One rule's diagnostics in order: chunk after chunk, each unpacked only when the one
    before is read, when the chunks follow each other (a rule that yields in text order);
    else a merge of them all."""
    if all(a.last <= b.first for a, b in zip(run, run[1:])):
        return (d for chunk in run for d in chunk)
    return heapq.merge(*run, key=Diagnostic.sort_key)
