"""Sweeps on Dask (``pip install 'newslint[dask]'``): the linter is a pure per-document
function, Dask does the distribution.

- :func:`lint_bag`: a ``dask.bag`` of records (dicts, JSON lines or plain strings) to a bag
  of findings (the JSON contract, with a ``record`` key).
- :func:`lint_dataframe`: a ``dask.dataframe`` with a text column to a dataframe of
  findings, one row each.
- :func:`write_findings`: either of those, written as partitioned JSON Lines or Parquet to
  any fsspec URL (a folder, ``s3://``, ``gs://``...).
- ``newslint check --text-field body --scheduler local:N|tcp://HOST:PORT``: the command's
  driver (:func:`sweep_on`), which cuts each JSON Lines or Parquet file into pieces (byte
  ranges, row-group slices) that the workers read themselves, and reports exactly what a
  one-process run reports. CSV, TSV and compressed files cannot be cut: the driver reads
  them and sends chunks of records.

Every worker builds one :class:`~newslint.runner.Linter` (per configuration) and uses the
rule packs installed where it runs. Before anything is checked each worker's rule packs are
compared with the client's (:func:`rule_packs`); a worker whose packs differ is an error
naming it, never silently different findings. Nothing here is imported by ``newslint``
itself: ``dask`` and ``distributed`` load only when this module is used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.diagnostics import FileResult, RecordRef
from newslint.errors import NewslintError
from newslint.records import (
    BadRecord,
    Piece,
    Record,
    RecordOptions,
    compact,
    format_name,
    lint_piece,
    lint_records,
    read_records,
)

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.records import LinterRecipe
    from newslint.runner import Linter

CHUNK_RECORDS = 512  # records per task sent by the command's driver
TASKS_PER_WORKER = 4  # tasks in flight per worker (the archive is read only this far ahead)
CONNECT_TIMEOUT = "10s"

#: Columns of :func:`lint_dataframe`'s result, in order (``finding``: the whole JSON object).
FINDING_COLUMNS = ("filename", "record_id", "record_number", "code", "name", "severity", "message",
                   "row", "column", "end_row", "end_column", "fix", "applicability", "plugin", "error", "finding")


class RulePackMismatch(NewslintError):
    """A worker's rule packs (or newslint version) differ from the client's."""


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise NewslintError("Dask sweeps need the dask extra: pip install 'newslint[dask]'") from None


# -- rule packs ----------------------------------------------------------------------------
def rule_packs(engine: Any = None) -> dict[str, Any]:
    """What decides which rules exist where this runs: the newslint version, each entry-point
    plugin's ``distribution==version``, every rule's code, name and plugin, and the plugins
    that failed to load."""
    from newslint import __version__
    from newslint.plugins import load_engine

    engine = engine or load_engine()
    return {
        "newslint": __version__,
        "plugins": dict(sorted(engine.plugin_versions.items())),
        "rules": sorted(f"{r.code} {r.name} {r.plugin}" for r in engine.rules),
        "load_errors": sorted(engine.load_errors),
    }


def _difference(here: dict[str, Any], there: dict[str, Any]) -> str:
    parts = []
    if here["newslint"] != there.get("newslint"):
        parts.append(f"newslint {there.get('newslint')} there, {here['newslint']} here")
    hp, tp = here["plugins"], there.get("plugins", {})
    for name in sorted(set(hp) | set(tp)):
        if hp.get(name) != tp.get(name):
            parts.append(f"plugin {name!r}: {tp.get(name) or 'not installed'} there, {hp.get(name) or 'not installed'} here")
    hr, tr = set(here["rules"]), set(there.get("rules", []))
    if hr != tr:
        extra = sorted(r.split()[0] for r in tr - hr)
        missing = sorted(r.split()[0] for r in hr - tr)
        if extra:
            parts.append(f"rules only there: {', '.join(extra)}")
        if missing:
            parts.append(f"rules only here: {', '.join(missing)}")
    if here["load_errors"] != there.get("load_errors", []):
        parts.append("plugins that fail to load differ: " + "; ".join(there.get("load_errors", [])) or "none there")
    return "; ".join(parts) or "rule packs differ"


def check_rule_packs(here: dict[str, Any], there: dict[str, Any], worker: str) -> None:
    """Raise :class:`RulePackMismatch` naming ``worker`` when its packs differ from ``here``."""
    if here != there:
        raise RulePackMismatch(f"Dask worker {worker} has different rule packs from this machine "
                               f"({_difference(here, there)}); install the same newslint and rule packs on every worker")


def _worker_packs() -> dict[str, Any]:
    return rule_packs()


# -- one Linter per worker process ---------------------------------------------------------
@dataclass(frozen=True)
class SweepSpec:
    """What a worker needs: how to build the Linter, which fields to read, and the client's
    rule packs to compare its own with."""

    linter: LinterRecipe
    options: RecordOptions
    packs: dict[str, Any] = field(hash=False, compare=False)
    token: str = ""  # names this spec in a worker's cache of Linters


_LINTERS: dict[str, Linter] = {}  # per worker process: token -> Linter, built on first use


def _linter_for(spec: SweepSpec) -> Linter:
    linter = _LINTERS.get(spec.token)
    if linter is None:
        linter = spec.linter.build()
        try:
            from distributed import get_worker

            where = get_worker().address
        except (ImportError, ValueError):
            where = "(local)"
        check_rule_packs(spec.packs, rule_packs(linter.engine), where)
        _LINTERS.clear()  # one configuration at a time: a new sweep's replaces the last
        _LINTERS[spec.token] = linter
    return linter


def _make_spec(linter_spec: LinterRecipe, linter: Linter, options: RecordOptions) -> SweepSpec:
    import hashlib
    import pickle
    import uuid

    packs = rule_packs(linter.engine)
    try:
        token = hashlib.blake2b(pickle.dumps((linter_spec, options, packs)), digest_size=16).hexdigest()
    except Exception:  # noqa: BLE001 - an unpicklable config fails later with Dask's own message
        token = uuid.uuid4().hex
    return SweepSpec(linter_spec, options, packs, token)


# -- the command's driver ------------------------------------------------------------------
def _task(spec: SweepSpec, filename: str, chunk: list[Record | BadRecord] | bytes, keep_source: bool,
          ) -> list[FileResult | int]:
    """One Dask task: check a chunk of records (the same function as ``--jobs`` runs). The
    command sends a chunk as one pickled blob: one object for Dask to carry instead of a
    thousand (the client's memory grew with each record sent as objects)."""
    return compact(_chunk_results(spec, filename, chunk, keep_source))


def _chunk_results(spec: SweepSpec, filename: str, chunk: list[Record | BadRecord] | bytes, keep_source: bool,
                   ) -> list[FileResult]:
    from newslint import patterns

    if isinstance(chunk, bytes):
        import pickle

        chunk = pickle.loads(chunk)  # noqa: S301 - made by this program's own client
    try:
        return lint_records(_linter_for(spec), filename, chunk, keep_source=keep_source)
    finally:
        patterns.flush()


def _piece_task(spec: SweepSpec, piece: Piece, keep_source: bool) -> list[FileResult | int]:
    """One Dask task: read one piece of an archive where the worker runs (its own disk, or
    the URL through fsspec) and check its records. The driver sends only the piece's name
    and gets back the records with findings or errors and counts of the clean ones."""
    return compact(_piece_results(spec, piece, keep_source))


def _piece_results(spec: SweepSpec, piece: Piece, keep_source: bool) -> list[FileResult]:
    from newslint import patterns

    try:
        return lint_piece(_linter_for(spec), piece, spec.options, keep_source=keep_source)
    finally:
        patterns.flush()


def _blob(chunk: list[Any]) -> bytes:
    import pickle

    return pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)


def connect(scheduler: str) -> tuple[Any, Any]:
    """A ``distributed.Client`` for ``local:N`` (a new local cluster of N one-thread worker
    processes on loopback) or a scheduler address (``tcp://HOST:PORT``); returns (client,
    cluster or None). Raises :class:`NewslintError` with one clear line on failure."""
    _require_dask()
    from distributed import Client, LocalCluster

    if scheduler.startswith("local:") or scheduler == "local":
        n_text = scheduler.partition(":")[2] or "0"
        try:
            n = int(n_text)
        except ValueError:
            n = -1
        if n < 0:
            raise NewslintError(f"--scheduler {scheduler}: expected local:N with N a whole number of workers")
        if n == 0:
            import os

            n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        import dask

        try:
            # No dashboard; the scheduler's own HTTP endpoint on a free loopback port (its
            # default, 8787, may be taken by another cluster: a warning, not an error). With
            # no dashboard nobody reads the workers' statistical profiler (a stack sample every
            # 10 ms): off.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=40,
                                       scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        except (OSError, RuntimeError, TimeoutError) as exc:
            raise NewslintError(f"cannot start a local Dask cluster of {n} workers: {exc}") from None
        return Client(cluster), cluster
    if "://" not in scheduler:
        raise NewslintError(f"--scheduler {scheduler!r}: expected local:N or a scheduler address like tcp://HOST:8786")
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise NewslintError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def check_workers(client: Any, packs: dict[str, Any]) -> int:
    """Compare every connected worker's rule packs with ``packs``; returns how many workers."""
    try:
        theirs = client.run(_worker_packs)
    except ImportError as exc:
        raise RulePackMismatch(f"a Dask worker cannot import newslint ({exc}); install newslint on every worker") from None
    if not theirs:
        raise NewslintError("the Dask cluster has no workers")
    for worker, there in sorted(theirs.items()):
        check_rule_packs(packs, there, worker)
    return len(theirs)


def _remote(spec: SweepSpec, scheduler: str) -> Any:
    """A context manager: connected client and cluster, closed at the end."""
    from contextlib import contextmanager

    @contextmanager
    def session() -> Iterator[tuple[Any, int]]:
        client, cluster = connect(scheduler)
        try:
            yield client, check_workers(client, spec.packs)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return session()


def _plan(client: Any, paths: Sequence[str], options: RecordOptions, n_workers: int,
          ) -> dict[str, list[Piece] | FileResult]:
    """The pieces of every splittable file of ``paths`` (JSON Lines and Parquet, not
    compressed), numbered: the workers count the newlines of each byte range (so a URL's
    bytes never pass through this machine), this machine reads only sizes and Parquet
    footers. A file that cannot be read: its error."""
    from newslint.records import (
        RecordsError,
        byte_ranges,
        file_size,
        jsonl_pieces,
        parquet_pieces,
        piece_bytes_for,
        splittable,
    )

    import os

    plans: dict[str, list[Piece] | FileResult] = {}
    counting: dict[str, tuple[str, list[tuple[int, int]], Any]] = {}
    for path in dict.fromkeys(paths):
        url = path if "://" in path else os.path.abspath(path)  # the workers' folder is not ours
        try:
            if not splittable(path):
                continue
            size = file_size(path)
            if path.lower().endswith((".parquet", ".pq")):
                pieces: list[Piece] = parquet_pieces(path, options, url=url)
                if client.submit(_sees, url, size, pure=False).result():
                    plans[path] = pieces
                continue
            ranges = byte_ranges(path, size, piece_bytes_for(size, n_workers))
            counting[path] = (url, ranges, client.map(_count, [url] * len(ranges), [s for s, _ in ranges],
                                                      [e for _, e in ranges], [size] * len(ranges), pure=False))
        except RecordsError as exc:
            plans[path] = FileResult(path, errors=[str(exc)])
        except Exception as exc:  # noqa: BLE001 - a worker that died, a lost connection
            raise NewslintError(f"the Dask sweep failed: {type(exc).__name__}: {exc}") from None
    for path, (url, ranges, futures) in counting.items():
        try:
            counts = client.gather(futures)
        except Exception as exc:  # noqa: BLE001 - a worker that died, a lost connection
            raise NewslintError(f"the Dask sweep failed: {type(exc).__name__}: {exc}") from None
        if None not in counts:
            plans[path] = jsonl_pieces(path, ranges, counts, url)
    return plans


def _sees(url: str, size: int) -> bool:
    """On a worker: whether it sees the file this machine sees (a local path on a worker on
    another machine may be missing there, or another file). When one does not, this
    machine reads the file and sends its records, as for a CSV."""
    from newslint.records import RecordsError, file_size

    try:
        return file_size(url) == size
    except RecordsError:
        return False


def _count(url: str, start: int, end: int, size: int) -> int | None:
    """On a worker: the newlines in ``[start, end)`` of ``url``, or None if it does not see
    the file this machine sees."""
    from newslint.records import RecordsError, count_newlines

    if not _sees(url, size):
        return None
    try:
        return count_newlines(url, start, end)
    except RecordsError:
        return None


def _work(paths: Sequence[str], spec: SweepSpec, formats: Iterable[str],
          plans: dict[str, list[Piece] | FileResult]) -> Iterator[tuple[str, Any]]:
    """What to send, in the archive's order: ``(path, Piece)`` for a piece the worker reads
    itself, ``(path, chunk)`` for records this machine read (CSV, TSV, compressed files),
    ``(path, FileResult)`` for a file's error."""
    for path in paths:
        plan = plans.get(path)
        if plan is None:
            yield from _chunked([path], spec, formats)
        elif isinstance(plan, FileResult):
            yield path, plan
        else:
            for piece in plan:
                yield path, piece


def _chunked(paths: Sequence[str], spec: SweepSpec, formats: Iterable[str]) -> Iterator[tuple[str, Any]]:
    from newslint.records import RecordsError

    formats = tuple(formats)
    for path in paths:
        chunk: list[Record | BadRecord] = []
        try:
            for item in read_records(path, spec.options, formats):
                chunk.append(item)
                if len(chunk) >= CHUNK_RECORDS:
                    yield path, chunk
                    chunk = []
        except RecordsError as exc:
            if chunk:
                yield path, chunk
            yield path, FileResult(path, errors=[str(exc)])
            continue
        if chunk:
            yield path, chunk


def sweep_on(scheduler: str, linter_spec: LinterRecipe, linter: Linter, paths: Sequence[str],
             options: RecordOptions, *, keep_source: bool = True) -> Iterator[FileResult | int]:
    """Check the records of ``paths`` on a Dask cluster; yields results in the archive's
    order (so the report is the same as a one-process run's): a record's result, or the
    number of clean records in a row (they have nothing to report)."""
    from collections import deque

    spec = _make_spec(linter_spec, linter, options)
    with _remote(spec, scheduler) as (client, n_workers):
        window: deque[Any] = deque()
        remote_spec = client.scatter(spec, broadcast=True)
        plans = _plan(client, paths, options, n_workers)
        try:
            for path, chunk in _work(paths, spec, linter.engine.formats, plans):
                if isinstance(chunk, FileResult):
                    window.append(chunk)
                elif isinstance(chunk, Piece):
                    window.append(client.submit(_piece_task, remote_spec, chunk, keep_source, pure=False))
                else:
                    window.append(client.submit(_task, remote_spec, path, _blob(chunk), keep_source, pure=False))
                while len(window) > n_workers * TASKS_PER_WORKER:
                    yield from _result(window.popleft())
            while window:
                yield from _result(window.popleft())
        finally:
            for item in window:
                if not isinstance(item, FileResult):
                    item.cancel()


def _result(item: Any) -> list[FileResult | int]:
    if isinstance(item, FileResult):
        return [item]
    try:
        return item.result()  # type: ignore[no-any-return]
    except NewslintError:
        raise
    except Exception as exc:  # noqa: BLE001 - a worker that died, a lost connection
        raise NewslintError(f"the Dask sweep failed: {type(exc).__name__}: {exc}") from None


# -- writing findings to files -------------------------------------------------------------
def finding_rows(results: Iterable[FileResult]) -> list[dict[str, Any]]:
    """Flat rows (see :data:`FINDING_COLUMNS`): one per finding, one per error."""
    rows: list[dict[str, Any]] = []
    for r in results:
        rec = r.record
        for d in r.diagnostics:
            obj = d.to_json()
            rows.append({
                "filename": d.filename, "record_id": rec.id if rec else None, "record_number": rec.number if rec else None,
                "code": d.code, "name": d.name, "severity": d.severity.value, "message": d.message,
                "row": d.location.row, "column": d.location.column, "end_row": d.end_location.row,
                "end_column": d.end_location.column, "fix": d.fix.title if d.fix else None,
                "applicability": d.fix.applicability.value if d.fix else None, "plugin": d.plugin,
                "error": None, "finding": json.dumps(obj, ensure_ascii=False),
            })
        for e in r.errors:
            rows.append({**dict.fromkeys(FINDING_COLUMNS), "filename": r.filename,
                         "record_id": rec.id if rec else None, "record_number": rec.number if rec else None,
                         "error": e})
    return rows


def _write_part(rows: list[dict[str, Any]], url: str, part: int, parquet: bool) -> None:
    import fsspec

    if parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(rows, schema=_arrow_schema())
        with fsspec.open(f"{url.rstrip('/')}/part-{part:05d}.parquet", "wb", auto_mkdir=True) as fh:
            pq.write_table(table, fh)
        return
    with fsspec.open(f"{url.rstrip('/')}/part-{part:05d}.jsonl", "wt", encoding="utf-8", auto_mkdir=True) as fh:
        for row in rows:
            if row["error"] is None:
                fh.write(row["finding"] + "\n")
            else:
                fh.write(json.dumps({"filename": row["filename"], "record": {"id": row["record_id"],
                                     "number": row["record_number"]}, "error": row["error"]}, ensure_ascii=False) + "\n")


def _arrow_schema() -> Any:
    import pyarrow as pa

    ints = {"record_number", "row", "column", "end_row", "end_column"}
    return pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in FINDING_COLUMNS])


def _write_task(spec: SweepSpec, filename: str, chunk: Piece | list[Record | BadRecord] | bytes, url: str,
                part: int, parquet: bool) -> tuple[int, int, list[str]]:
    """Check a piece or a chunk and write its findings as one part file: (records,
    findings, errors); only these counts go back to the driver."""
    results = (_piece_results(spec, chunk, False) if isinstance(chunk, Piece)
               else _chunk_results(spec, filename, chunk, False))
    rows = finding_rows(results)
    if rows:
        _write_part(rows, url, part, parquet)
    return len(results), sum(len(r.diagnostics) for r in results), [e for r in results for e in r.errors]


@dataclass
class WriteSummary:
    records: int = 0
    findings: int = 0
    parts: int = 0
    errors: list[str] = field(default_factory=list)
    url: str = ""


def sweep_to(scheduler: str, linter_spec: LinterRecipe, linter: Linter, paths: Sequence[str],
             options: RecordOptions, url: str) -> WriteSummary:
    """Check the records of ``paths`` on Dask and write the findings from the workers to
    ``url``: ``part-00000.jsonl``, ... (Parquet parts when ``url`` ends in ``.parquet``);
    a chunk without findings writes no part. Errors come back to the client."""
    from collections import deque

    _require_dask()
    if "://" not in url:
        import os

        url = os.path.abspath(url)  # the workers' working folder is not ours
    try:
        import fsspec

        fsspec.get_mapper(url)  # an unknown protocol or a missing driver: fail before any work
    except (ImportError, ValueError) as exc:
        raise NewslintError(f"--output-dir {url}: {exc}") from None
    parquet = url.rstrip("/").lower().endswith(".parquet")
    if parquet:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise NewslintError("writing Parquet needs pyarrow: pip install 'newslint[parquet]'") from None
    spec = _make_spec(linter_spec, linter, options)
    summary = WriteSummary(url=url)
    with _remote(spec, scheduler) as (client, n_workers):
        remote_spec = client.scatter(spec, broadcast=True)
        window: deque[Any] = deque()

        def take(item: Any) -> None:
            if isinstance(item, FileResult):
                summary.errors.extend(item.errors)
                return
            try:
                n, found, errors = item.result()
            except NewslintError:
                raise
            except Exception as exc:  # noqa: BLE001
                raise NewslintError(f"the Dask sweep failed: {type(exc).__name__}: {exc}") from None
            summary.records += n
            summary.findings += found
            summary.parts += bool(found or errors)
            summary.errors.extend(errors)

        part = 0
        plans = _plan(client, paths, options, n_workers)
        for path, chunk in _work(paths, spec, linter.engine.formats, plans):
            if isinstance(chunk, FileResult):
                window.append(chunk)
            else:
                window.append(client.submit(_write_task, remote_spec, path,
                                             chunk if isinstance(chunk, Piece) else _blob(chunk), url, part, parquet,
                                             pure=False))
                part += 1
            while len(window) > n_workers * TASKS_PER_WORKER:
                take(window.popleft())
        while window:
            take(window.popleft())
    return summary


# -- the Python API ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Recipe:
    """The Python API's :class:`~newslint.records.LinterRecipe` (the command passes its own)."""

    config: Config
    select: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]

    def build(self) -> Linter:
        from newslint.runner import Linter

        return Linter(self.config, select=self.select, extend_select=self.extend_select, ignore=self.ignore)


def _api_spec(config: Config | None, select: Sequence[str] | None, extend_select: Sequence[str],
              ignore: Sequence[str], options: RecordOptions) -> SweepSpec:
    from newslint.config import Config as _Config

    lspec = _Recipe(config or _Config(), tuple(select) if select is not None else None, tuple(extend_select),
                    tuple(ignore))
    linter = lspec.build()  # a bad selector or config fails here, before any task runs
    if options.format not in linter.engine.formats:
        raise NewslintError(f"unknown format {options.format!r} (known: plain, markdown, html)")
    return _make_spec(lspec, linter, options)


def _items(part: Iterable[Any], spec: SweepSpec, filename: str, partition: int, plain: bool,
           ) -> Iterator[Record | BadRecord]:
    """A partition's elements as records: dicts, JSON lines (str with a text field set) or
    plain texts (str without one). Ids: the id field, else ``partition:position``."""
    from newslint.records import _Builder

    o = spec.options
    build = _Builder(filename, o, ("text", "markdown", "html"))
    for k, item in enumerate(part, 1):
        number = k
        default_id = f"{partition}:{k}"
        if plain and isinstance(item, str):  # no text field: each element is a story
            yield Record(RecordRef(default_id, number, None, ""), item, o.format)
            continue
        if isinstance(item, (bytes, str)):
            try:
                item = json.loads(item)
            except ValueError as exc:
                yield BadRecord(number, None, f"{filename}[{default_id}]: broken JSON ({exc})")
                continue
        if not isinstance(item, dict):
            yield BadRecord(number, None, f"{filename}[{default_id}]: not a record ({type(item).__name__})")
            continue
        got = build(number, None, item.get)
        if isinstance(got, Record) and not o.id_field:
            got = Record(RecordRef(default_id, number, None, got.ref.field), got.text, got.format)
        elif isinstance(got, BadRecord):
            got = BadRecord(number, None, got.message.replace(f"{filename}:{number}:", f"{filename}[{default_id}]:", 1))
        yield got


def _lint_part(part: Iterable[Any], spec: SweepSpec, filename: str, partition: int, plain: bool,
               ) -> list[dict[str, Any]]:
    linter = _linter_for(spec)
    out: list[dict[str, Any]] = []
    for r in lint_records(linter, filename, _items(part, spec, filename, partition, plain), keep_source=False):
        for d in r.diagnostics:
            out.append(d.to_json())
        for e in r.errors:
            rec = r.record
            out.append({"filename": filename, "record": rec.to_json() if rec else None, "error": e})
    return out


def lint_bag(bag: Any, *, text_field: str | None = "text", id_field: str | None = None, format_field: str | None = None,
             format: str = "plain", config: Config | None = None, select: Sequence[str] | None = None,
             extend_select: Sequence[str] = (), ignore: Sequence[str] = (), name: str = "<bag>") -> Any:
    """Check every record of a ``dask.bag.Bag``; returns a Bag of findings (lazy).

    :param bag: elements are dicts (records), or strings: JSON lines (``db.read_text`` of a
        ``.jsonl`` URL) — a broken line is an error entry, the others are still checked.
    :param text_field: the field holding each story's text; ``None``: the elements are
        the stories' texts themselves.
    :param id_field: the field naming each record; without it a record is named
        ``partition:position`` (``3:17``: the 17th element of partition 3).
    :param format_field: the field holding a record's format (``plain``, ``markdown``,
        ``html``); ``format`` is used when it is absent.
    :param name: the ``filename`` findings carry.
    :returns: a Bag of dicts: findings as ``--output-format json`` writes them (with a
        ``record`` key), and for a bad record ``{"filename", "record", "error"}``.
    """
    _require_dask()
    import dask.bag as db
    from dask import delayed

    options = RecordOptions(text_field or "text", id_field, format_field, format_name(format))
    spec = _api_spec(config, select, extend_select, ignore, options)
    parts = bag.to_delayed()
    lint = delayed(_lint_part, pure=True)
    return db.from_delayed([lint(p, spec, name, i, text_field is None) for i, p in enumerate(parts)])


def lint_dataframe(df: Any, *, text_field: str = "text", id_field: str | None = None,
                   format_field: str | None = None, format: str = "plain", config: Config | None = None,
                   select: Sequence[str] | None = None, extend_select: Sequence[str] = (),
                   ignore: Sequence[str] = (), name: str = "<dataframe>") -> Any:
    """Check the ``text_field`` column of a ``dask.dataframe.DataFrame``; returns a dask
    DataFrame of findings with the columns :data:`FINDING_COLUMNS` (one row per finding or
    bad record; ``finding`` holds the whole JSON object). Records are named by ``id_field``,
    else by the frame's index."""
    _require_dask()
    import pandas as pd

    options = RecordOptions(text_field, id_field, format_field, format_name(format))
    spec = _api_spec(config, select, extend_select, ignore, options)
    missing = [c for c in options.fields() if c not in df.columns]
    if missing:
        raise NewslintError(f"no column {missing[0]!r} (columns: {', '.join(map(str, df.columns))})")
    meta = pd.DataFrame({c: pd.Series([], dtype="int64" if c in {"row", "column", "end_row", "end_column"}
                                      else "object") for c in FINDING_COLUMNS})
    meta["record_number"] = meta["record_number"].astype("object")
    return df.map_partitions(_lint_frame, spec, name, meta=meta)


def _lint_frame(frame: Any, spec: SweepSpec, filename: str) -> Any:
    import pandas as pd

    from newslint.records import _Builder

    o = spec.options
    build = _Builder(filename, o, ("text", "markdown", "html"))
    cols = o.fields()
    items: list[Record | BadRecord] = []
    for number, (index, *values) in enumerate(frame[cols].itertuples(index=True, name=None), 1):
        row = {c: (None if _is_na(v) else v) for c, v in zip(cols, values)}
        got = build(number, None, row.get)
        if isinstance(got, Record) and not o.id_field:
            got = Record(RecordRef(str(index), number, None, got.ref.field), got.text, got.format)
        items.append(got)
    rows = finding_rows(lint_records(_linter_for(spec), filename, items, keep_source=False))
    out = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    for c in ("row", "column", "end_row", "end_column"):
        out[c] = out[c].fillna(0).astype("int64")
    out["record_number"] = out["record_number"].astype("object")
    return out


def _is_na(value: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, (list, dict)) else False
    except (TypeError, ValueError):
        return False


def write_findings(findings: Any, url: str) -> None:
    """Write what :func:`lint_bag` (JSON Lines: ``url/0.jsonl``...) or :func:`lint_dataframe`
    (Parquet when ``url`` ends in ``.parquet``, else CSV-free JSON Lines) returned, one file
    per partition, to a folder or fsspec URL; computes it."""
    _require_dask()
    import dask.bag as db

    if isinstance(findings, db.Bag):
        findings.map(lambda f: json.dumps(f, ensure_ascii=False)).to_textfiles(f"{url.rstrip('/')}/*.jsonl")
        return
    if url.rstrip("/").lower().endswith(".parquet"):
        findings.to_parquet(url, write_index=False)
        return
    findings.to_json(f"{url.rstrip('/')}/*.jsonl", orient="records", lines=True, force_ascii=False)


__all__ = ["FINDING_COLUMNS", "RulePackMismatch", "check_rule_packs", "connect", "lint_bag", "lint_dataframe",
           "rule_packs", "sweep_on", "sweep_to", "write_findings"]
