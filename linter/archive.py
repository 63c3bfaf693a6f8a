"""``newslint check --text-field ...``: sweeping archives of records on one machine
(``--jobs``) or on Dask (``--scheduler``, :mod:`newslint.dask`), and reporting them.

Reading and checking one record is :mod:`newslint.records`; this module runs it over whole
archives: the files named or found in folders, cut into pieces that worker processes read
themselves (JSON Lines, Parquet) or read here a chunk at a time (CSV, TSV, ``.gz``), with
only a few jobs in flight, results handed to the reporter in the archive's order (streamed
to the json and github formats, so nothing accumulates; the other formats keep only the
records with findings). ``--baseline`` filters and ``--write-baseline`` records the stream
as it passes; ``--diff-base`` does not apply to records.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newslint.diagnostics import FileResult
from newslint.errors import NewslintError
from newslint.records import (
    RECORD_SUFFIXES,
    BadRecord,
    LinterRecipe,
    Piece,
    Record,
    RecordOptions,
    RecordsError,
    compact,
    file_size,
    lint_piece,
    lint_records,
    piece_bytes_for,
    plan_pieces,
    read_records,
    splittable,
)

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.reporters.base import Reporter
    from newslint.runner import Linter

PARALLEL_MIN_BYTES = 1 << 20  # below this much to read, one process is faster
CHUNK_RECORDS = 256  # records per --jobs job
#: Formats that write findings one at a time, so a records run never holds them all.
STREAMING_REPORTERS = frozenset({"json", "github"})
FINGERPRINT_FORMATS = ("sarif", "gitlab")  # their fingerprints need the text around a finding


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_WORKER: Linter | None = None  # in a --jobs worker process: its Linter, built once


def _worker_init(recipe: LinterRecipe) -> None:
    global _WORKER  # a forked worker inherits the parent's; a spawned one builds its own
    if _WORKER is None:
        _WORKER = recipe.build()


def _worker_records(job: tuple[str, list[Record | BadRecord], bool]) -> list[FileResult | int]:
    from newslint import patterns

    filename, chunk, keep_source = job
    assert _WORKER is not None
    try:
        return compact(lint_records(_WORKER, filename, chunk, keep_source=keep_source))
    finally:
        patterns.flush()  # workers end without atexit: keep what they compiled


def _worker_piece(job: tuple[Piece, RecordOptions, bool]) -> list[FileResult | int]:
    from newslint import patterns

    piece, options, keep_source = job
    assert _WORKER is not None
    try:
        return compact(lint_piece(_WORKER, piece, options, keep_source=keep_source))
    finally:
        patterns.flush()


def _file_jobs(paths: Sequence[str], options: RecordOptions, formats: Iterable[str], workers: int = 1,
               ) -> Iterator[tuple[str, list[Record | BadRecord] | Piece | FileResult]]:
    """``(path, chunk of records)`` in order; with workers, ``(path, Piece)`` for a file they
    can read themselves (JSON Lines, Parquet: this process then only counts newlines); a
    file that cannot be read: ``(path, its error)``."""
    for path in paths:
        if workers > 1 and splittable(path):
            try:
                pieces = plan_pieces(path, options, piece_bytes_for(file_size(path), workers))
            except RecordsError as exc:
                yield path, FileResult(path, errors=[str(exc)])
                continue
            for piece in pieces:
                yield path, piece
            continue
        try:
            for chunk in _chunks(read_records(path, options, formats), CHUNK_RECORDS):
                yield path, chunk
        except RecordsError as exc:
            yield path, FileResult(path, errors=[str(exc)])


def sweep(spec: LinterRecipe, linter: Linter, paths: Sequence[str], options: RecordOptions, *, jobs: int = 1,
          keep_source: bool = True) -> Iterator[FileResult | int]:
    """Check every record of ``paths``, in order, on ``jobs`` worker processes set up as
    ``--jobs`` sets them up for files (one :class:`Linter` per worker, built from ``spec``);
    a piece of a file (or a chunk of records) is a job, and only a few are in flight at
    once, so the file is read only a little ahead of the workers. Yields each record's
    result, except that workers send the number of clean records in a row instead of
    their results (see :func:`~newslint.records.compact`)."""
    global _WORKER
    formats = linter.engine.formats
    jobs_iter = _file_jobs(paths, options, formats, jobs)
    if jobs <= 1:
        for path, chunk in jobs_iter:
            if isinstance(chunk, FileResult):
                yield chunk
            else:
                yield from lint_records(linter, path, chunk, keep_source=keep_source)
        return
    import signal
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    _WORKER = linter  # a forked worker starts with this one; a spawned one builds its own
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(spec,))

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    window: deque[Future[list[FileResult | int]] | FileResult] = deque()
    try:
        for path, chunk in jobs_iter:
            if isinstance(chunk, FileResult):
                window.append(chunk)
            elif isinstance(chunk, Piece):
                window.append(pool.submit(_worker_piece, (chunk, options, keep_source)))
            else:
                window.append(pool.submit(_worker_records, (path, chunk, keep_source)))
            while len(window) > jobs * 4:  # bounded: the file is read only a little ahead
                yield from _take(window.popleft())
        while window:
            yield from _take(window.popleft())
    finally:
        signal.signal(signal.SIGTERM, previous)
        pool.shutdown(wait=True, cancel_futures=True)


def _take(item: Any) -> list[FileResult | int]:
    return [item] if isinstance(item, FileResult) else item.result()


def record_paths(paths: Sequence[str], config: Config) -> list[tuple[str, str | None]]:
    """The records files to read: files named as given (URLs too), folders walked for
    :data:`RECORD_SUFFIXES` (and ``.gz``)."""
    from newslint.runner import discover

    out: list[tuple[str, str | None]] = []
    local: list[str] = []
    for p in paths:
        if "://" in p:
            out.append((p, None))
        else:
            local.append(p)
    suffixes = (*RECORD_SUFFIXES, *(s + ".gz" for s in RECORD_SUFFIXES))
    walk_config = replace(config, include=()) if config.include else config
    out.extend(discover(local, walk_config, suffixes))
    return out


def check_records(spec: LinterRecipe, linter: Linter, paths: Sequence[str], options: RecordOptions,
                  reporter: Reporter, args: argparse.Namespace, *, color: bool) -> int:
    """``newslint check --text-field ...``: read, check, report; returns the exit code."""
    from newslint import __version__
    from newslint.console import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
    from newslint.reporters import ReportContext

    if args.fix or args.diff:
        raise NewslintError("--fix and --diff do not apply to records (newslint never rewrites an archive)")
    if getattr(args, "diff_base", None):
        raise NewslintError("--diff-base does not apply to records (git's changed lines are lines of the archive "
                            "file, not of its stories); use --baseline FILE to see only new findings")
    if getattr(args, "write_baseline", False) and not args.baseline:
        raise NewslintError("--write-baseline needs --baseline FILE")
    if "-" in paths:
        raise NewslintError("records are read from files or URLs, not standard input ('-')")
    found = record_paths(paths, linter.config)
    todo = [p for p, error in found if not error]
    missing = [FileResult(p, errors=[f"{p}: {error}"]) for p, error in found if error]
    keep_source = not reporter.machine or reporter.name == "html" or not reporter.write.__module__.startswith("newslint.")
    # A baseline and sarif's and gitlab's fingerprints name a finding by the text around it.
    keep_source = keep_source or bool(args.baseline) or reporter.name in FINGERPRINT_FORMATS
    scheduler = getattr(args, "scheduler", None) or linter.config.scheduler
    output_dir = getattr(args, "output_dir", None)
    if output_dir:
        if not scheduler:
            raise NewslintError("--output-dir needs --scheduler (local:N or tcp://HOST:PORT)")
        if args.baseline:
            raise NewslintError("--baseline does not apply with --output-dir (the workers write every finding)")
        return _write_to(scheduler, spec, linter, todo, options, output_dir, missing, args)
    if scheduler:
        from newslint.dask import sweep_on

        stream: Iterator[FileResult | int] = sweep_on(scheduler, spec, linter, todo, options, keep_source=keep_source)
    else:
        jobs = args.jobs or _auto_jobs(todo)
        stream = sweep(spec, linter, todo, options, jobs=jobs, keep_source=keep_source)

    if args.write_baseline:
        return _write_baseline(args, missing, stream)
    known = None
    if args.baseline:
        from newslint.baseline import BaselineFilter

        known = BaselineFilter(args.baseline)  # read before any work: a bad file fails at once
        stream = (known(r) if isinstance(r, FileResult) else r for r in stream)

    tally = _Tally()
    results: Iterable[FileResult] = tally.watch(missing, stream)
    if reporter.name not in STREAMING_REPORTERS or args.statistics:
        results = [r for r in results if r.diagnostics or r.errors or r.notes]
    ctx = ReportContext(rules=linter.engine.rules, color=color, statistics=args.statistics, quiet=args.quiet,
                        unsafe_fixes=args.unsafe_fixes, fixed=0, version=__version__,
                        width=None if sys.stdout.isatty() else 100)
    reporter.write(results if isinstance(results, list) else _Once(results), sys.stdout, ctx)
    sys.stdout.flush()
    for e in tally.errors:
        sys.stderr.write(f"newslint: error: {e}\n")
    if known is not None and known.hidden and not args.quiet:
        sys.stderr.write(f"newslint: {known.hidden} finding{'s' * (known.hidden != 1)} in the baseline not shown\n")
    if not args.quiet:
        sys.stderr.write(f"newslint: checked {tally.records} record{'s' * (tally.records != 1)} in "
                         f"{len(todo)} file{'s' * (len(todo) != 1)}"
                         + (f"; {tally.bad} with errors" if tally.bad else "") + "\n")
    if tally.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if tally.findings and not args.exit_zero else EXIT_CLEAN


def _write_baseline(args: argparse.Namespace, missing: list[FileResult], stream: Iterable[FileResult | int]) -> int:
    """``--baseline FILE --write-baseline`` on records: every finding, named by its file and
    record, recorded as the results stream past; not written if any record had an error."""
    from newslint.baseline import BaselineWriter
    from newslint.console import EXIT_CLEAN, EXIT_ERROR

    writer = BaselineWriter(args.baseline)
    tally = _Tally()
    for r in tally.watch(missing, stream):
        writer.add(r)
    for e in tally.errors:
        sys.stderr.write(f"newslint: error: {e}\n")
    if tally.errors:  # a baseline missing a record's findings would hide nothing there later
        sys.stderr.write(f"newslint: error: baseline {args.baseline} not written\n")
        return EXIT_ERROR
    n = writer.write()
    if not args.quiet:
        sys.stderr.write(f"Recorded {n} finding{'s' * (n != 1)} of {tally.records} record"
                         f"{'s' * (tally.records != 1)} in {args.baseline}.\n")
    return EXIT_CLEAN


def _write_to(scheduler: str, spec: LinterRecipe, linter: Linter, todo: Sequence[str], options: RecordOptions,
              url: str, missing: list[FileResult], args: argparse.Namespace) -> int:
    """``--output-dir``: the workers write the findings; only counts and errors come back."""
    from newslint.console import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
    from newslint.dask import sweep_to

    summary = sweep_to(scheduler, spec, linter, todo, options, url)
    errors = [e for r in missing for e in r.errors] + summary.errors
    for e in errors:
        sys.stderr.write(f"newslint: error: {e}\n")
    if not args.quiet:
        sys.stderr.write(f"newslint: checked {summary.records} record{'s' * (summary.records != 1)}; wrote "
                         f"{summary.findings} finding{'s' * (summary.findings != 1)} in {summary.parts} "
                         f"part{'s' * (summary.parts != 1)} to {url}\n")
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if summary.findings and not args.exit_zero else EXIT_CLEAN


def _auto_jobs(paths: Sequence[str]) -> int:
    """One process for a small archive (starting workers costs more), else one per core."""
    size = 0
    for p in paths:
        try:
            size += os.path.getsize(p) if "://" not in p else PARALLEL_MIN_BYTES
        except OSError:
            pass
    if size < PARALLEL_MIN_BYTES:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class _Tally:
    """Counts what streams past the reporter: records, findings, error lines."""

    def __init__(self) -> None:
        self.records = self.findings = self.bad = 0
        self.errors: list[str] = []

    def watch(self, *streams: Iterable[FileResult | int]) -> Iterator[FileResult]:
        """Count and pass on the results; a number (clean records in a row) is counted only."""
        for stream in streams:
            for r in stream:
                if isinstance(r, int):
                    self.records += r
                    continue
                if r.record is not None:
                    self.records += 1
                if r.errors:
                    self.bad += 1
                self.findings += len(r.diagnostics)
                self.errors.extend(r.errors)
                yield r


class _Once(Sequence[FileResult]):
    """A stream of results handed to a reporter that reads them once, in order (json,
    github): nothing is held."""

    def __init__(self, stream: Iterable[FileResult]) -> None:
        self._stream: Iterable[FileResult] | None = stream

    def __iter__(self) -> Iterator[FileResult]:
        stream, self._stream = self._stream, None
        if stream is None:  # a second pass would see nothing: better a clear failure
            raise TypeError("a stream of results can be read only once")
        return iter(stream)

    def __len__(self) -> int:
        raise TypeError("a stream of results has no length")

    def __getitem__(self, i: Any) -> Any:
        raise TypeError("a stream of results cannot be indexed")


__all__ = ["check_records", "record_paths", "sweep"]
