"""Archives as input: stories as records of JSON Lines, CSV/TSV or Parquet files, streamed.

``newslint check --text-field body archive.jsonl`` checks each record's ``body`` as one
story. Every finding names its record (:class:`~newslint.diagnostics.RecordRef`: the id,
the record's number and the line it starts on); rows and columns count inside the record's
text. A bad record (broken JSON line, missing field, a value that is not text, an unknown
format) is one error line and the others are still checked; a file that cannot be read at
all is one error line and the other files are still checked. Records are read one at a
time and only those with findings are kept, so memory does not grow with the archive.

Parquet needs ``pyarrow`` (``pip install 'newslint[parquet]'``); a URL such as
``s3://bucket/archive.jsonl.gz`` needs ``fsspec`` (``newslint[dask]``). Neither is imported
unless such a file is read.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import IO, TYPE_CHECKING, Any, Protocol

from newslint.diagnostics import FileResult, RecordRef
from newslint.errors import NewslintError

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.runner import Linter

#: File name endings read as records (a trailing ``.gz`` is decompressed on the fly).
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".pq")
#: ``--format`` names: ``plain`` is the plain-text format, called ``text`` inside.
FORMAT_ALIASES = {"plain": "text", "txt": "text", "md": "markdown", "htm": "html"}
PARQUET_BATCH = 1024


_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (surrogateescape)


class LinterRecipe(Protocol):
    """How a worker process builds the same :class:`Linter` (``newslint.check.LinterSpec``)."""

    def build(self) -> Linter: ...


class RecordsError(NewslintError):
    """A records file that cannot be read at all (no such column, not Parquet, I/O)."""


@dataclass(frozen=True)
class RecordOptions:
    """Which fields of a record hold its text, its id and its format."""

    text_field: str
    id_field: str | None = None
    format_field: str | None = None
    format: str = "text"  # when the record names none

    def fields(self) -> list[str]:
        return [f for f in (self.text_field, self.id_field, self.format_field) if f]


@dataclass(frozen=True, slots=True)
class Record:
    """One story of an archive: where it is, its text and the format to parse it as."""

    ref: RecordRef
    text: str
    format: str


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record that cannot be checked: one error line naming it."""

    number: int
    line: int | None
    message: str


def format_name(value: str) -> str:
    """``plain``/``markdown``/``html`` (and the engine's own names) as the engine names them."""
    v = value.strip().lower()
    return FORMAT_ALIASES.get(v, v)


def options_from(args: argparse.Namespace, config: Config) -> RecordOptions | None:
    """The record options of a ``check`` run (command line over configuration), or None when
    no text field is set (the run checks files)."""
    text_field = getattr(args, "text_field", None) or config.text_field
    id_field = getattr(args, "id_field", None) or config.id_field
    format_field = getattr(args, "format_field", None) or config.format_field
    fmt = getattr(args, "format", None) or config.record_format
    if not text_field:
        for flag, value in (("--id-field", id_field), ("--format-field", format_field), ("--format", fmt),
                            ("--scheduler", 1), ("--output-dir", 1)):
            if value and getattr(args, flag[2:].replace("-", "_"), None):
                raise NewslintError(f"{flag} needs --text-field (the field that holds each story's text)")
        return None
    return RecordOptions(text_field, id_field or None, format_field or None, format_name(fmt or "plain"))


def is_records_file(path: str) -> bool:
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(RECORD_SUFFIXES)


def _kind(path: str) -> str:
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix, kind in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".csv", "csv"), (".tsv", "tsv"),
                         (".parquet", "parquet"), (".pq", "parquet")):
        if name.endswith(suffix):
            return kind
    raise RecordsError(f"{path}: not a records file (expected {', '.join(RECORD_SUFFIXES)}, maybe with .gz)")


def _open_binary(path: str) -> IO[bytes]:
    """Open a local path or an fsspec URL for reading bytes, decompressing ``.gz``."""
    if "://" in path:
        try:
            import fsspec
        except ImportError:
            raise RecordsError(f"{path}: reading URLs needs fsspec (pip install 'newslint[dask]')") from None
        try:
            return fsspec.open(path, "rb", compression="infer").open()  # type: ignore[no-any-return]
        except (OSError, ValueError, ImportError) as exc:
            raise RecordsError(f"{path}: cannot open: {exc}") from None
    try:
        if path.lower().endswith(".gz"):
            import gzip

            return gzip.open(path, "rb")
        return open(path, "rb")  # noqa: SIM115 - closed by the reader
    except OSError as exc:
        raise RecordsError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _id_of(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


class _Builder:
    """Turns one record's fields into a :class:`Record` or a :class:`BadRecord`."""

    def __init__(self, path: str, options: RecordOptions, formats: Iterable[str]) -> None:
        self.path, self.options = path, options
        self.formats = frozenset(formats)
        if options.format not in self.formats:
            raise NewslintError(f"unknown format {options.format!r} (known: plain, "
                                f"{', '.join(sorted(self.formats - {'text'}))})")

    def __call__(self, number: int, line: int | None, get: Callable[[str], Any]) -> Record | BadRecord:
        o = self.options
        where = f"{self.path}:{line if line is not None else number}"
        text = get(o.text_field, None)
        if text is None:
            return BadRecord(number, line, f"{where}: record {number} has no field {o.text_field!r}")
        if not isinstance(text, str):
            return BadRecord(number, line, f"{where}: record {number}: field {o.text_field!r} is not text "
                                           f"({type(text).__name__})")
        if not text.isascii() and _UNDECODED.search(text):
            return BadRecord(number, line, f"{where}: record {number}: field {o.text_field!r} is not valid UTF-8")
        if o.id_field:
            rid = _id_of(get(o.id_field, None))
            if rid is None:
                return BadRecord(number, line, f"{where}: record {number} has no usable id in field {o.id_field!r}")
        else:
            rid = str(number)
        fmt = o.format
        if o.format_field:
            value = get(o.format_field, None)
            if value is not None and value != "":
                if not isinstance(value, str) or format_name(value) not in self.formats:
                    return BadRecord(number, line, f"{where}: record {rid}: unknown format {value!r} in field "
                                                   f"{o.format_field!r} (known: plain, markdown, html)")
                fmt = format_name(value)
        return Record(RecordRef(rid, number, line, o.text_field), text, fmt)


def read_records(path: str, options: RecordOptions, formats: Iterable[str] = ("text", "markdown", "html"),
                 ) -> Iterator[Record | BadRecord]:
    """Stream the records of one file, in order. Raises :class:`RecordsError` when the file
    cannot be read at all (also part way through: what was read before stands)."""
    kind = _kind(path)
    build = _Builder(path, options, formats)
    if kind == "parquet":
        yield from _parquet(path, options, build)
        return
    with _open_binary(path) as raw:
        try:
            if kind == "jsonl":
                yield from _jsonl(raw, build)
            else:
                yield from _csv(path, raw, options, build, delimiter="\t" if kind == "tsv" else ",")
        except (OSError, EOFError) as exc:  # a truncated .gz, a vanished file, a network error
            raise RecordsError(f"{path}: cannot read on: {exc}") from None


def _jsonl(raw: IO[bytes], build: _Builder, first: int = 1, stop: int | None = None,
           ) -> Iterator[Record | BadRecord]:
    """The records of JSON Lines read from ``raw``; ``first``: the number of its first line;
    ``stop``: read no line that starts this many bytes or more into ``raw`` (a piece's end)."""
    loads = json.loads
    at = 0
    for number, data in enumerate(raw, first):
        if stop is not None:
            if at >= stop:
                return
            at += len(data)
        if not data.strip():
            continue
        try:
            obj = loads(data)
        except ValueError as exc:  # also UnicodeDecodeError
            msg = "not valid UTF-8" if isinstance(exc, UnicodeDecodeError) else f"broken JSON ({exc})"
            yield BadRecord(number, number, f"{build.path}:{number}: record {number}: {msg}")
            continue
        if not isinstance(obj, dict):
            yield BadRecord(number, number, f"{build.path}:{number}: record {number} is not a JSON object")
            continue
        yield build(number, number, obj.get)


def _csv(path: str, raw: IO[bytes], options: RecordOptions, build: _Builder, *, delimiter: str,
         ) -> Iterator[Record | BadRecord]:
    import io

    if csv.field_size_limit() < 1 << 30:
        csv.field_size_limit(1 << 30)  # a long story is one field; the default is 128 KiB
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise RecordsError(f"{path}:1: cannot read the header: {exc}") from None
    index = {name: i for i, name in enumerate(header)}
    for field in options.fields():
        if field not in index:
            raise RecordsError(f"{path}: no column {field!r} (columns: {', '.join(header)})")
    number, line = 0, reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield BadRecord(number, line, f"{path}:{line}: record {number}: {exc}")
            line = reader.line_num + 1
            continue
        start, line = line, reader.line_num + 1
        if not row:
            continue
        number += 1

        def get(field: str, default: Any, row: list[str] = row) -> Any:
            i = index[field]
            return row[i] if i < len(row) else default

        yield build(number, start, get)


def _parquet_file(path: str, options: RecordOptions) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise RecordsError(f"{path}: reading Parquet needs pyarrow (pip install 'newslint[parquet]')") from None
    try:
        if "://" in path:
            handle: Any = _open_binary(path)
        else:
            handle = path
        pfile = pq.ParquetFile(handle)
    except RecordsError:
        raise
    except Exception as exc:  # noqa: BLE001 - pyarrow raises its own kinds for a bad file
        raise RecordsError(f"{path}: cannot read as Parquet: {exc}") from None
    names = pfile.schema_arrow.names
    for field in options.fields():
        if field not in names:
            raise RecordsError(f"{path}: no column {field!r} (columns: {', '.join(names)})")
    return pfile


def _parquet(path: str, options: RecordOptions, build: _Builder, piece: Piece | None = None,
             ) -> Iterator[Record | BadRecord]:
    """The rows of a Parquet file (or of one piece of it), a batch at a time."""
    pfile = _parquet_file(path, options)
    try:
        if piece is None:
            batches, number, skip, left = pfile.iter_batches(batch_size=PARQUET_BATCH, columns=options.fields()), 0, 0, -1
        else:  # the batches of its row group before the piece are read and passed over
            batches = pfile.iter_batches(batch_size=PARQUET_BATCH, columns=options.fields(), row_groups=[piece.group])
            number, skip, left = piece.first - 1, piece.start, piece.end - piece.start
        for batch in batches:
            if skip >= batch.num_rows:
                skip -= batch.num_rows
                continue
            if skip or (left >= 0 and batch.num_rows > left):
                batch = batch.slice(skip, batch.num_rows - skip if left < 0 else min(left, batch.num_rows - skip))
                skip = 0
            columns = {name: batch.column(i).to_pylist() for i, name in enumerate(batch.schema.names)}
            for k in range(batch.num_rows):
                number += 1
                yield build(number, None, lambda f, d=None, k=k: columns[f][k] if f in columns else d)
            if left >= 0:
                left -= batch.num_rows
                if left <= 0:
                    return
    except RecordsError:
        raise
    except Exception as exc:  # noqa: BLE001 - pyarrow raises its own kinds for a bad file
        raise RecordsError(f"{path}: cannot read as Parquet: {exc}") from None


# -- pieces: parts of one archive that workers read themselves ------------------------------
PIECE_BYTES = 1 << 20  # a JSON Lines piece: at most about 1 MiB of records (~1,000 stories, ~1 s) ...
MIN_PIECE_BYTES = 64 << 10  # ... and at least this (about 80 stories)
PIECE_ROWS = 4096  # a Parquet piece: rows of one row group (the rows before it in the group are decoded and passed over)


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of an archive that a worker reads on its own (through fsspec for a URL), so
    the driver ships a few numbers instead of the records.

    JSON Lines (uncompressed): the lines that start at byte ``start`` up to ``end`` (not
    included); ``first`` is the number of the first of them (1 + the newlines before
    ``start``, plus one when ``start`` falls inside a line: that line is the previous
    piece's). Parquet: rows ``start`` to ``end`` of row group ``group``, ``first`` the
    file's number of row ``start``. CSV, TSV and compressed files cannot be cut (a quoted
    field may hold a newline; gzip cannot be entered in the middle): they have no pieces."""

    path: str  # as given: what findings name
    kind: str  # "jsonl" or "parquet"
    start: int
    end: int
    first: int = 1
    group: int = -1
    url: str = ""  # where to read it (an absolute path for a worker elsewhere), else ``path``

    @property
    def source(self) -> str:
        return self.url or self.path


def splittable(path: str) -> bool:
    """Whether :func:`plan_pieces` can cut ``path`` into pieces."""
    try:
        return not path.lower().endswith(".gz") and _kind(path) in ("jsonl", "parquet")
    except RecordsError:
        return False


def file_size(path: str) -> int:
    """The size of a local file or a URL's object, in bytes (:class:`RecordsError` if none)."""
    try:
        if "://" in path:
            import fsspec

            fs, _, (where,) = fsspec.get_fs_token_paths(path)
            return int(fs.size(where))
        import os

        return os.path.getsize(path)
    except (OSError, ValueError, ImportError) as exc:
        raise RecordsError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None


def _open_plain(path: str) -> IO[bytes]:
    """Open without decompressing (a piece's file is never compressed), seekable."""
    if "://" in path:
        import fsspec

        return fsspec.open(path, "rb").open()  # type: ignore[no-any-return]
    return open(path, "rb")  # noqa: SIM115 - closed by the caller


def piece_bytes_for(size: int, workers: int) -> int:
    """How big the pieces of a file of ``size`` bytes are for ``workers`` workers: four
    pieces a worker (a small archive still keeps every worker busy to the end), within
    :data:`MIN_PIECE_BYTES` and :data:`PIECE_BYTES`."""
    return max(MIN_PIECE_BYTES, min(PIECE_BYTES, size // (4 * max(1, workers)) + 1))


def byte_ranges(path: str, size: int | None = None, piece_bytes: int | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` byte ranges covering a JSON Lines file (lines not yet assigned)."""
    piece_bytes = piece_bytes or PIECE_BYTES
    size = file_size(path) if size is None else size
    return [(s, min(s + piece_bytes, size)) for s in range(0, size, piece_bytes)] or [(0, 0)]


def count_newlines(path: str, start: int, end: int) -> int:
    """How many newline bytes ``path`` holds in ``[start, end)`` (the numbering of pieces)."""
    n = 0
    try:
        with _open_plain(path) as fh:
            fh.seek(start)
            left = end - start
            while left > 0:
                block = fh.read(min(left, 1 << 20))
                if not block:
                    break
                n += block.count(b"\n")
                left -= len(block)
    except (OSError, ValueError) as exc:
        raise RecordsError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    return n


def jsonl_pieces(path: str, ranges: Sequence[tuple[int, int]], newlines: Sequence[int], url: str = "",
                 ) -> list[Piece]:
    """The pieces of a JSON Lines file from its byte ranges and the newlines counted in each."""
    out, before = [], 0
    for (start, end), n in zip(ranges, newlines):
        out.append(Piece(path, "jsonl", start, end, before + 1, url=url))
        before += n
    return out


def parquet_pieces(path: str, options: RecordOptions, piece_rows: int | None = None, url: str = "") -> list[Piece]:
    """The pieces of a Parquet file: slices of ``piece_rows`` rows of each row group (the
    footer alone is read). Raises :class:`RecordsError` for a missing column or a bad file."""
    piece_rows = piece_rows or PIECE_ROWS
    pfile = _parquet_file(path, options)
    out, number = [], 1
    for g in range(pfile.metadata.num_row_groups):
        rows = pfile.metadata.row_group(g).num_rows
        for s in range(0, rows, piece_rows):
            out.append(Piece(path, "parquet", s, min(s + piece_rows, rows), number + s, g, url))
        number += rows
    return out


def plan_pieces(path: str, options: RecordOptions, piece_bytes: int | None = None,
                piece_rows: int | None = None) -> list[Piece]:
    """All pieces of one splittable file, numbered (reads a JSON Lines file once to count
    its lines; a driver with workers counts there instead: :func:`byte_ranges`,
    :func:`count_newlines`, :func:`jsonl_pieces`)."""
    if _kind(path) == "parquet":
        return parquet_pieces(path, options, piece_rows)
    ranges = byte_ranges(path, piece_bytes=piece_bytes)
    return jsonl_pieces(path, ranges, [count_newlines(path, s, e) for s, e in ranges])


def read_piece(piece: Piece, options: RecordOptions, formats: Iterable[str] = ("text", "markdown", "html"),
               ) -> Iterator[Record | BadRecord]:
    """The records of one piece, numbered as :func:`read_records` numbers them in the whole
    file. Raises :class:`RecordsError` when the file cannot be read."""
    build = _Builder(piece.path, options, formats)
    if piece.kind == "parquet":
        yield from _parquet(piece.source, options, build, piece)
        return
    try:
        with _open_plain(piece.source) as raw:
            first = piece.first
            if piece.start > 0:
                raw.seek(piece.start - 1)
                if raw.read(1) != b"\n":  # inside a line: it is the previous piece's
                    skipped = raw.readline()
                    if skipped.endswith(b"\n"):
                        first += 1
                    stop = piece.end - piece.start - len(skipped)
                else:
                    stop = piece.end - piece.start
            else:
                stop = piece.end
            if stop > 0:
                yield from _jsonl(raw, build, first, stop)
    except (OSError, ValueError) as exc:
        raise RecordsError(f"{piece.path}: cannot read on: {getattr(exc, 'strerror', None) or exc}") from None


# -- checking ------------------------------------------------------------------------------
def lint_record(linter: Linter, filename: str, item: Record | BadRecord, *, keep_source: bool = True) -> FileResult:
    """Check one record: a :class:`FileResult` for ``filename`` whose ``record`` and every
    diagnostic's ``record`` name it (a bad record: its one error line)."""
    if isinstance(item, BadRecord):
        ref = RecordRef(str(item.number), item.number, item.line, "")
        return FileResult(filename, errors=[item.message], record=ref)
    result = linter.lint_source(item.text, filename, format_name=item.format)
    ref = item.ref
    result.record = ref
    if result.diagnostics:
        result.diagnostics = [replace(d, record=ref) for d in result.diagnostics]
        if not keep_source:
            result.source = None
    else:
        result.source = None  # nothing to show: do not keep the text
    if result.errors:  # an internal error in a rule names the record
        prefix = f"{filename}:"
        result.errors = [f"{filename}[{ref.id}]:{e[len(prefix):]}" if e.startswith(prefix) else e
                         for e in result.errors]
    return result


def lint_piece(linter: Linter, piece: Piece, options: RecordOptions, *, keep_source: bool = True,
               ) -> list[FileResult]:
    """Read and check one piece (the unit of work of ``--jobs`` and of a Dask task for a
    JSON Lines or Parquet file); a read error ends it as its file's error line."""
    results: list[FileResult] = []
    try:
        for item in read_piece(piece, options, linter.engine.formats):
            results.append(lint_record(linter, piece.path, item, keep_source=keep_source))
    except RecordsError as exc:
        results.append(FileResult(piece.path, errors=[str(exc)]))
    return results


def compact(results: Iterable[FileResult]) -> list[FileResult | int]:
    """``results`` with each run of clean records (no finding, error or note) replaced by
    how many there were: what a worker sends back. Most records of an archive are clean,
    and a result object per record cost the driver more than the reporting."""
    out: list[FileResult | int] = []
    for r in results:
        if r.diagnostics or r.errors or r.notes:
            out.append(r)
        elif out and isinstance(out[-1], int):
            out[-1] += 1
        else:
            out.append(1)
    return out


def lint_records(linter: Linter, filename: str, items: Iterable[Record | BadRecord], *,
                 keep_source: bool = True) -> list[FileResult]:
    """Check a chunk of records (the unit of work of ``--jobs`` and of a Dask task)."""
    return [lint_record(linter, filename, item, keep_source=keep_source) for item in items]


__all__ = ["BadRecord", "LinterRecipe", "Piece", "Record", "RecordOptions", "RecordsError", "compact", "lint_piece", "lint_record", "lint_records",
           "options_from", "plan_pieces", "read_piece", "read_records", "splittable"]
