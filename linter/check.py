"""``newslint check``: find files, lint them (in parallel, through the cache), fix, report."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from newslint import __version__, patterns
from newslint.console import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, no_color, print_load_errors
from newslint.config import Config, ConfigResolver, parse_severity
from newslint.diagnostics import Applicability, FileResult
from newslint.errors import NewslintError
from newslint.fixes import unified_diff
from newslint.discovery import Linters
from newslint.runner import FixMode, Linter, discover, lint_file
from newslint.transport import pack, unpack

PARALLEL_MIN_FILES = 16  # below this, one process is faster than starting workers
PROGRESS_MIN_FILES = 50


@dataclass(frozen=True)
class LinterSpec:
    """What a worker process needs to build the same :class:`Linter`."""

    config: Config
    select: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    date: Any

    def build(self, engine: Any = None) -> Linter:
        return Linter(self.config, engine=engine, select=self.select, extend_select=self.extend_select,
                      ignore=self.ignore, date=self.date)


def _flatten(values: Sequence[Sequence[str]] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(v for group in values for v in group)


def run_check(args: argparse.Namespace) -> int:
    paths = list(args.paths) or ["."]
    if args.stdin_filename and "-" not in paths:
        # As ruff: --stdin-filename means the text comes from standard input.
        for p in args.paths:
            sys.stderr.write(f"newslint: warning: ignoring {p} in favour of standard input (--stdin-filename)\n")
        paths = ["-"]
    if args.isolated and args.config:
        raise NewslintError("--isolated and --config cannot be used together")
    fail_on = parse_severity(args.fail_on, "--fail-on") if args.fail_on else None
    resolver = ConfigResolver.for_run(args.config, isolated=args.isolated)
    # Each file is checked with the configuration closest to it; this one (the first path's)
    # also decides what is not per file: the output format's rules, the workers' first linter.
    config = resolver.for_path(args.stdin_filename if paths == ["-"] and args.stdin_filename else paths[0])
    spec = LinterSpec(config, _flatten(args.select), _flatten(args.extend_select) or (),
                      _flatten(args.ignore) or (), args.date)

    def build(cfg: Config, engine: Any) -> Linter:
        built = replace(spec, config=cfg).build(engine)
        if not built.enabled:
            raise NewslintError(_no_rules(spec, cfg))
        return built

    linters = Linters(resolver, build)
    linter = linters.for_config(config)
    print_load_errors(linter.engine.load_errors)
    fmt_name = args.output_format or "full"
    reporter = linter.engine.reporters.get(fmt_name)
    if reporter is None:
        known = ", ".join(sorted(linter.engine.reporters))
        raise NewslintError(f"unknown output format {fmt_name!r} (known: {known})")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise NewslintError("--unsafe-fixes needs --fix or --diff")
    mode = FixMode(apply=args.fix or args.diff, unsafe=args.unsafe_fixes, write=args.fix and not args.diff)
    color = not reporter.machine and sys.stdout.isatty() and not no_color(args.no_color)

    records = None
    # Only a run that names a record option reads records (loading that module costs ~7 ms
    # of start-up): options_from checks them, and says which need --text-field.
    if getattr(args, "text_field", None) or config.text_field or any(
            getattr(args, flag, None) for flag in ("id_field", "format_field", "format", "scheduler", "output_dir")):
        from newslint.records import options_from

        records = options_from(args, config)
    if records is not None:  # an archive: each record of each file is a story
        from newslint.archive import check_records

        return check_records(spec, linter, paths, records, reporter, args, color=color)

    if "-" in paths:
        if len(paths) > 1:
            raise NewslintError("'-' (standard input) cannot be mixed with other paths")
        from newslint.discovery import force_excluded

        name = args.stdin_filename
        if name and force_excluded(name, resolver.for_path(name), getattr(args, "force_exclude", None)):
            # As for a file named: an excluded name is not checked, and --fix gives the text back.
            stdin_out, results = sys.stdin.buffer.read(), []
            if not args.quiet:
                sys.stderr.write(f"newslint: warning: no files to check: {name} is excluded\n")
        else:
            stdin_result, stdin_out = _lint_stdin(linters.for_path(name or "-"), args, mode)
            results = [stdin_result]
    else:
        # Built-in machine formats never show source lines: --jobs workers need not send the
        # text of every file back to the main process.
        keep_source = bool(args.diff) or not reporter.machine or not reporter.write.__module__.startswith("newslint.")
        keep_source = keep_source or bool(args.baseline) or fmt_name in FINGERPRINT_FORMATS
        results = _lint_files(spec, linter, paths, mode, args, show_progress=not reporter.machine,
                              keep_source=keep_source, linters=linters)

    if args.write_baseline:
        return _write_baseline(args, results)
    results = _ci_filters(args, results)
    errors = [e for r in results for e in r.errors]
    for r in results:
        for note in r.notes:
            if not args.quiet:
                sys.stderr.write(f"newslint: warning: {note}\n")
    if args.diff:
        changed = 0
        sys.stdout.flush()
        for r in results:
            if r.new_source is not None and r.source is not None:
                sys.stdout.buffer.write(_diff_bytes(r))  # in the file's own encoding: it applies
                changed += 1
        sys.stdout.buffer.flush()
        for e in errors:
            sys.stderr.write(f"newslint: error: {e}\n")
        if not args.quiet:
            n = sum(r.fixed for r in results)
            sys.stderr.write(f"Would fix {n} finding{'s' * (n != 1)} in {changed} file{'s' * (changed != 1)}.\n")
        if errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if changed and not args.exit_zero else EXIT_CLEAN

    from newslint.reporters import ReportContext

    fixed = sum(r.fixed for r in results)
    ctx = ReportContext(
        rules=linter.engine.rules, color=color, statistics=args.statistics, quiet=args.quiet,
        unsafe_fixes=args.unsafe_fixes, fixed=fixed, version=__version__,
        width=None if sys.stdout.isatty() else 100,
    )
    if "-" in paths and args.fix:
        # The fixed text goes to stdout, as formatters do; findings left go to stderr.
        # The bytes as they came in (encoding, BOM), changed only by the fixes.
        sys.stdout.flush()
        sys.stdout.buffer.write(stdin_out)
        if results:  # not when the name given is excluded
            _report(reporter, results, sys.stderr, ctx)
    elif reporter.machine or not all(map(_skipped, results)):  # nothing checked is no pass
        _report(reporter, results, sys.stdout, ctx)
    elif results and not args.quiet:  # every file was skipped (binary): no "All checks passed!"
        sys.stderr.write("newslint: warning: nothing was checked: every file was skipped\n")
    sys.stdout.flush()
    if args.statistics and reporter.machine:  # the table beside machine output, never inside it
        _write_statistics(results, ctx)
    for e in errors:
        sys.stderr.write(f"newslint: error: {e}\n")
    if errors:
        return EXIT_ERROR
    failing = _failing(results, fail_on, resolver, stdin_name=args.stdin_filename if "-" in paths else None)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def _skipped(r: FileResult) -> bool:
    """A file that was not checked (binary): its notes say so and it has nothing else. A
    file with only a note about a directive (an unused suppression) was checked."""
    return bool(r.notes) and not r.diagnostics and not r.errors and all(n.endswith(" skipped") for n in r.notes)


SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def _failing(results: Sequence[FileResult], fail_on: Any, resolver: ConfigResolver, *,
             stdin_name: str | None = None) -> bool:
    """Whether a finding reaches the exit-code threshold: ``--fail-on``, else each file's
    configuration's ``fail-on`` (default: info, so every finding fails). Stops at the first:
    a long file's findings are made as they are read (newslint.transport.PackedDiagnostics)."""
    for r in results:
        if not r.diagnostics:
            continue
        limit = fail_on or resolver.for_path(stdin_name or r.filename).fail_on
        worst = SEVERITY_RANK[getattr(limit, "value", limit)]
        if any(SEVERITY_RANK.get(getattr(d.severity, "value", d.severity), 0) <= worst for d in r.diagnostics):
            return True
    return False


def _no_rules(spec: LinterSpec, config: Config) -> str:
    """Why a run would check nothing: a one-line error."""
    if spec.select == ():
        return "no rules selected: --select names none"
    where = f"the configuration {config.path}" if config.path else "the default configuration"
    return f"no rules are enabled: --select, --ignore and {where} leave none to check"


def _write_statistics(results: Sequence[FileResult], ctx: Any) -> None:
    """``--statistics`` with a machine format: the per-rule counts on stderr."""
    from newslint.reporters.full import Findings, render_statistics

    diags = Findings(results)  # read from the results, never all held (a long file's are packed)
    if diags:
        sys.stderr.write(render_statistics(diags, ctx).plain + "\n")


def _diff_name(filename: str) -> str:
    """The path in ``--- a/PATH``: relative for a file under the working folder, else the
    absolute path without its leading slash (``a/tmp/x.txt``, never ``a//tmp/x.txt``)."""
    if os.path.isabs(filename):
        rel = os.path.relpath(filename)
        if not rel.startswith(os.pardir):
            return rel.replace(os.sep, "/")
        return filename.replace(os.sep, "/").lstrip("/")
    return filename.replace(os.sep, "/")


def _diff_bytes(r: FileResult) -> bytes:
    """One file's ``--diff``, as bytes that ``git apply`` and ``patch`` accept: the header
    with the file's name as the file system spells it, the lines in the file's own encoding
    (a BOM kept on the first line)."""
    from newslint.runner import decode

    assert r.source is not None and r.new_source is not None
    encoding, bom = "utf-8", False
    try:
        with open(r.filename, "rb") as fh:
            src = decode(fh.read())
        if src is not None:
            encoding, bom = src.encoding, src.bom
    except OSError:
        pass
    old, new = r.source, r.new_source
    if bom:
        old, new = "\ufeff" + old, "\ufeff" + new
    text = unified_diff(_diff_name(r.filename), old, new)
    minus, plus, body = text.split("\n", 2)
    head = (minus + "\n" + plus + "\n").encode("utf-8", "surrogateescape")
    try:
        return head + body.encode(encoding)
    except UnicodeEncodeError:
        return head + body.encode("utf-8", "surrogateescape")


def _report(reporter: Any, results: list[FileResult], stream: Any, ctx: Any) -> None:
    """Write the report and flush it. A report that cannot be written whole (a full disk, a
    file size limit: JSON cut there is invalid) is an error, never a silent cut; a reader
    that went away (``| head``) is not (BrokenPipeError goes on up)."""
    try:
        reporter.write(results, stream, ctx)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise NewslintError(f"cannot write the report: {exc.strerror or exc}") from exc


def _lint_stdin(linter: Linter, args: argparse.Namespace, mode: FixMode) -> tuple[FileResult, bytes]:
    """Check standard input: its result, and what ``--fix`` writes to stdout - the input's
    bytes, with the fixes in the input's own encoding and BOM (unchanged when they cannot be
    written in it, or when the input is binary or of unknown encoding)."""
    from newslint.fixes import encode_text
    from newslint.runner import decode

    data = sys.stdin.buffer.read()
    name = args.stdin_filename or "-"
    src = decode(data)
    if src is None:
        return FileResult(name, notes=[f"{name}: binary input skipped"]), data
    meta = {"encoding": src.encoding, "encoding_fallback": src.fallback}
    refused = src.fix_refused if mode.apply else None
    fix = FixMode() if refused else FixMode(mode.apply, mode.unsafe, write=False)
    result = linter.lint_source(src.text, name, fix=fix, metadata=meta, packed=True)
    if refused:
        result.errors.append(f"{name}: not fixed: {refused}")
    out = data
    if result.new_source is not None:
        try:
            out = encode_text(result.new_source, encoding=src.encoding, bom=src.bom)
        except UnicodeEncodeError as exc:
            result.errors.append(f"{name}: fixes not written: {exc}")
            result.new_source, result.fixed = None, 0
    return result, out


# -- many files ----------------------------------------------------------------------------
_WORKER: Linter | None = None


def _worker_init(spec: LinterSpec) -> None:
    global _WORKER  # one Linter per worker process, built once (a forked worker inherits it)
    if _WORKER is None:
        _WORKER = spec.build()


_OTHERS: dict[str | None, Linter] = {}  # a worker's linters for other configuration files


def _worker_linter(spec: LinterSpec | None) -> Linter:
    """The linter of a job's configuration (None: the pool's own, ``_WORKER``)."""
    assert _WORKER is not None
    if spec is None:
        return _WORKER
    linter = _OTHERS.get(spec.config.path)
    if linter is None:
        linter = _OTHERS[spec.config.path] = spec.build(_WORKER.engine)
    return linter


def _worker_lint(job: tuple[Any, ...]) -> FileResult:
    assert _WORKER is not None
    path, mode, digest, keep_source, *own = job  # own: the file's LinterSpec, if not the pool's
    try:
        result = lint_file(_worker_linter(own[0] if own else None), path, mode, digest=digest, packed=True)
        if not keep_source:
            result.source = None
        return pack(result)  # plain tuples: a quarter of the pickling (newslint.transport)
    finally:
        patterns.flush()  # workers end without atexit: keep what they compiled for next time


# A short story with a slip of each kind the built-in rules look for: checking it loads what
# they load on their first story (word lists, the language model, unit tables, patterns).
WARM_UP = (
    "Officals said the the council will recieve the report on Tuesday, Nov. 21, 2024.\n\n"
    "The 5 miles (8 kilometers) route cost less then $4m, a 11% rise, their spokesman said.\n"
)


def _preload(linter: Linter) -> None:
    """Before forking workers: load the built-in rules' data once, here, so that every worker
    starts with it (shared page by page) instead of each loading its own copy on its first
    file. Only built-in rules run on the built-in text: a plugin's rule never runs in the
    parent, where its crash would stop the whole check."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        return  # a spawned worker starts from nothing: loading here would be lost
    rules = [r for r in linter.rules_for("warm-up.txt") if r.plugin.startswith("newslint.rules.")]
    try:
        linter.lint_document(linter.parse(WARM_UP, "warm-up.txt", "text"), "warm-up.txt", rules)
    except Exception:  # noqa: BLE001 - a warm-up only: the workers load for themselves
        pass


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _jobs_for(requested: int, n_files: int) -> int:
    if requested:
        return requested
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores if n_files >= PARALLEL_MIN_FILES else 1


def _lint_files(spec: LinterSpec, linter: Linter, paths: Sequence[str], mode: FixMode,
                args: argparse.Namespace, *, show_progress: bool, keep_source: bool = True,
                linters: Linters | None = None) -> list[FileResult]:
    """Find the files and check each with the configuration closest to it (``linters``;
    without it, ``linter``'s for all), through that configuration's result cache."""
    if linters is None:
        linters = Linters(ConfigResolver(linter.config), lambda cfg, engine: linter)
    empty: list[str] = []
    found = list(discover(paths, linters.resolver, linter.engine.suffixes(),
                          force_exclude=getattr(args, "force_exclude", None),
                          respect_gitignore=getattr(args, "respect_gitignore", None), empty=empty))
    if not args.quiet:
        _say_nothing_found(empty, found, linter)
    results: dict[str, FileResult] = {}
    todo: list[str] = []
    for path, error in found:
        if error:
            results[path] = FileResult(path, errors=[f"{path}: {error}"])
        else:
            todo.append(path)
    own = {path: linters.for_path(path) for path in todo}
    specs: dict[int, LinterSpec | None] = {id(linter): None}  # None: the pool's own
    for lt in own.values():
        if id(lt) not in specs:
            specs[id(lt)] = replace(spec, config=lt.config)
    caches: dict[int, Any] = {}  # one result cache per configuration, keyed by it
    if not args.no_cache and not mode.apply:
        from newslint.cache import ResultCache

        for path in todo:
            lt = own[path]
            if id(lt) not in caches:
                caches[id(lt)] = ResultCache.open(lt, specs[id(lt)] or spec)
            cache = caches[id(lt)]
            hit = cache.get(path, keep_source=keep_source) if cache is not None else None
            if hit is not None:
                results[path] = hit
        todo = [p for p in todo if p not in results]
    digest = any(c is not None for c in caches.values())
    per_file = None if len(specs) == 1 else (lambda p: (own[p], specs[id(own[p])]))
    jobs = min(_jobs_for(args.jobs, len(todo)), max(1, len(todo)))
    progress = _progress(len(todo), enabled=show_progress and not args.quiet and sys.stderr.isatty()
                         and len(todo) >= PROGRESS_MIN_FILES)
    with progress as advance:
        for res in _run(spec, linter, todo, mode, jobs, digest=digest, keep_source=keep_source,
                        per_file=per_file):
            results[res.filename] = res
            lt = own.get(res.filename)
            cache = caches.get(id(lt)) if lt is not None else None
            if cache is not None:
                cache.put(res)
            advance()
    for cache in caches.values():
        if cache is not None:
            cache.close()
    return [results[p] for p, _ in found if p in results]


def _say_nothing_found(empty: list[str], found: list[tuple[str, str | None]], linter: Linter) -> None:
    """A warning line for each folder named in which nothing was found to check, or when
    every path named was excluded: nothing checked is not a pass."""
    for folder in empty:
        kinds = ", ".join(f"*{s}" for s in sorted(linter.engine.suffixes()))
        include = linter.config.include
        looked = ", ".join(include) if include else kinds
        sys.stderr.write(f"newslint: warning: no files to check in {folder} (looked for {looked})\n")
    if not found and not empty:
        sys.stderr.write("newslint: warning: no files to check: every path named is excluded\n")


def _run(spec: LinterSpec, linter: Linter, todo: list[str], mode: FixMode, jobs: int, *,
         digest: bool, keep_source: bool = True,
         per_file: Callable[[str], tuple[Linter, LinterSpec | None]] | None = None) -> Iterator[FileResult]:
    """Results for ``todo`` (in completion order): in this process, or in ``jobs`` workers.

    A worker that dies (killed, out of memory, a rule that ends its process) costs only the
    file it was checking: that file gets an error line naming it, the others are checked by
    the remaining workers (see :mod:`newslint.workers`). SIGTERM ends the workers too.
    ``per_file(path)``: the file's own (linter, spec) when files have different configurations
    (a job carries its spec only when it is not ``spec``).
    """
    global _WORKER
    if jobs <= 1 or len(todo) < 2:
        for path in todo:
            yield lint_file(per_file(path)[0] if per_file else linter, path, mode, digest=digest, packed=True)
        return
    import signal

    from newslint.sandbox import Terminated
    from newslint.workers import ItemFailed, WorkerDied, imap_unordered

    batch = max(1, min(16, len(todo) // (jobs * 8) or 1))
    _WORKER = linter  # a forked worker starts with this one; a spawned one builds its own
    _preload(linter)

    def stop(signum: int, frame: object) -> None:
        raise Terminated(128 + signum)  # unwinds through the pool, which ends the workers

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        # Largest files first: a long story handed out last would keep one worker busy while
        # the others wait (results are put back in the walk's order before reporting).
        jobs_ = [(p, mode, digest, keep_source, *((per_file(p)[1],) if per_file else ()))
                 for p in sorted(todo, key=_size, reverse=True)]
        for job, res in imap_unordered(_worker_lint, jobs_, processes=jobs, initializer=_worker_init,
                                       initargs=(spec,), batch=batch):
            path = job[0]
            if isinstance(res, WorkerDied):
                res = FileResult(path, errors=[f"{path}: not checked: {res.how} while checking this file"
                                               + (" (the file is unchanged or fully fixed)" if mode.write else "")])
            elif isinstance(res, ItemFailed):
                res = FileResult(path, errors=[f"{path}: internal error: {res}"])
            else:
                res = unpack(res)
            yield res
    finally:
        signal.signal(signal.SIGTERM, previous)


# -- baseline and changed lines (CI) ---------------------------------------------------------
FINGERPRINT_FORMATS = ("sarif", "gitlab")  # their fingerprints need the text around a finding


def _write_baseline(args: argparse.Namespace, results: list[FileResult]) -> int:
    from newslint.baseline import write_baseline

    if not args.baseline:
        raise NewslintError("--write-baseline needs --baseline FILE")
    errors = [e for r in results for e in r.errors]
    for e in errors:
        sys.stderr.write(f"newslint: error: {e}\n")
    if errors:  # a baseline missing a file's findings would hide nothing there later
        sys.stderr.write(f"newslint: error: baseline {args.baseline} not written\n")
        return EXIT_ERROR
    n = write_baseline(args.baseline, results)
    if not args.quiet:
        sys.stderr.write(f"Recorded {n} finding{'s' * (n != 1)} in {args.baseline}.\n")
    return EXIT_CLEAN


def _ci_filters(args: argparse.Namespace, results: list[FileResult]) -> list[FileResult]:
    """Leave out findings recorded in ``--baseline`` and those off the lines ``--diff-base``
    names; say on stderr how many were left out."""
    if args.baseline:
        from newslint.baseline import filter_baseline

        results, hidden = filter_baseline(args.baseline, results)
        if hidden and not args.quiet:
            sys.stderr.write(f"newslint: {hidden} finding{'s' * (hidden != 1)} in the baseline not shown\n")
    if args.diff_base:
        from newslint.gitdiff import filter_changed

        before = sum(len(r.diagnostics) for r in results)
        results = filter_changed(args.diff_base, results)
        hidden = before - sum(len(r.diagnostics) for r in results)
        if hidden and not args.quiet:
            sys.stderr.write(f"newslint: {hidden} finding{'s' * (hidden != 1)} on lines unchanged since "
                             f"{args.diff_base} not shown\n")
    return results


class _progress:
    """A rich progress bar on stderr, or nothing."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self.enabled = total, enabled
        self._bar: Any = None

    def __enter__(self) -> Callable[[], None]:
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                             console=Console(file=sys.stderr), transient=True)
        self._bar.start()
        task = self._bar.add_task("check", total=self.total)
        return lambda: self._bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


__all__ = ["run_check", "EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_ERROR", "Applicability"]
