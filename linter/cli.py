"""The ``newslint`` command: ``check``, ``rules``, ``rule``. Exit codes: 0 clean, 1 findings,
2 usage, configuration or I/O error (one clear line, never a traceback for a user mistake)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence


from newslint import __version__
from newslint.console import EXIT_CLEAN, EXIT_ERROR, no_color, print_load_errors
from newslint.errors import NewslintError



class _Parser(argparse.ArgumentParser):
    def format_help(self) -> str:
        # Help texts that list what plugins registered are filled in only when help is shown.
        for action in self._actions:
            if action.dest == "output_format" and getattr(action, "registry", False):
                action.help = _output_format_help()
        return super().format_help()

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"newslint: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _date(value: str) -> dt.date:
    from newslint.dates import to_date

    date = to_date(value)
    if date is None:
        raise argparse.ArgumentTypeError(f"expected a date like 2024-11-22, got {value!r}")
    return date


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (automatic) or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newslint",
        description="A text-quality linter for news copy.",
        epilog="Exit codes: 0 no findings, 1 findings, 2 usage, configuration or I/O error.",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check files and folders (default: .)",
                           description="Check news copy for defects.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; '-' reads standard input")
    sel = check.add_argument_group("rule selection")
    sel.add_argument("--select", type=_csv, action="append", metavar="RULES",
                     help="only these rules (codes, names or code prefixes, comma-separated)")
    sel.add_argument("--extend-select", type=_csv, action="append", default=[], metavar="RULES",
                     help="add these rules to the selection")
    sel.add_argument("--ignore", type=_csv, action="append", default=[], metavar="RULES",
                     help="leave these rules out")
    out = check.add_argument_group("output")
    fmt = out.add_argument("--output-format", metavar="FORMAT", default=None, help="how to report findings")
    fmt.registry = True  # type: ignore[attr-defined]  # help lists the registered reporters
    out.add_argument("--statistics", action="store_true", help="count findings per rule")
    out.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary or notes")
    out.add_argument("--no-color", action="store_true", help="no colours (also NO_COLOR=1)")
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    out.add_argument("--fail-on", choices=("error", "warning", "info"), metavar="SEVERITY",
                     help="exit 1 only for findings of this severity or worse: error, warning or info "
                          "(default: info, so every finding fails; config: fail-on)")
    legacy = check.add_argument_group("baseline and changed lines")
    legacy.add_argument("--baseline", metavar="FILE",
                        help="report only findings not recorded in FILE (see --write-baseline)")
    legacy.add_argument("--write-baseline", action="store_true",
                        help="with --baseline FILE: record today's findings in FILE and exit 0")
    legacy.add_argument("--diff-base", metavar="REV",
                        help="report only findings on lines changed since the git revision REV")
    fix = check.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes and report what remains")
    fix.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    fix.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    cfg = check.add_argument_group("configuration")
    cfg.add_argument("--config", metavar="FILE", help="use this configuration file")
    cfg.add_argument("--isolated", action="store_true", help="ignore configuration files")
    cfg.add_argument("--stdin-filename", metavar="NAME",
                     help="read standard input, named NAME (its format and configuration follow the name)")
    files = check.add_argument_group("file selection")
    files.add_argument("--force-exclude", action=argparse.BooleanOptionalAction, default=None,
                       help="apply exclude and extend-exclude to files named on the command line too "
                            "(as pre-commit names them; config: force-exclude)")
    files.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction, default=None,
                       help="skip what .gitignore and .ignore files ignore in folder walks "
                            "(default: on; config: respect-gitignore)")
    cfg.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the stories' date (for weekday checks)")
    perf = check.add_argument_group("performance")
    perf.add_argument("--jobs", "-j", type=_jobs, default=0, metavar="N",
                      help="worker processes (0: one per core when there are enough files)")
    perf.add_argument("--no-cache", action="store_true", help="do not read or write .newslint_cache/")
    rec = check.add_argument_group("archives of records (JSON Lines, CSV, TSV, Parquet)")
    rec.add_argument("--text-field", metavar="NAME",
                     help="check each record's NAME field as one story (PATHs are .jsonl, .csv, .tsv, .parquet files)")
    rec.add_argument("--id-field", metavar="NAME", help="the field that names each record (default: its number)")
    rec.add_argument("--format-field", metavar="NAME", help="the field that holds each record's format")
    rec.add_argument("--format", choices=("plain", "markdown", "html"), default=None,
                     help="the records' format when --format-field gives none (default: plain)")
    rec.add_argument("--scheduler", metavar="ADDRESS",
                     help="run on Dask: local:N (a local cluster of N workers) or tcp://HOST:PORT (newslint[dask])")
    rec.add_argument("--output-dir", metavar="URL",
                     help="with --scheduler: write findings to this folder or fsspec URL as partitioned "
                          "JSON Lines (Parquet when it ends in .parquet), not to standard output")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rule = sub.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("rule", metavar="NAME|CODE")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")
    return parser


def _output_format_help() -> str:
    """The registered reporters, for ``--output-format``'s help: ``full`` (the default) first."""
    from newslint.plugins import load_engine

    try:
        reporters = load_engine().reporters
    except NewslintError:
        return "how to report findings (see `newslint check --output-format x` for the list)"
    names = sorted(reporters, key=lambda n: (n != "full", n))
    text = "; ".join(f"{n}: {reporters[n].description}" if reporters[n].description else n for n in names)
    return text.replace("%", "%%")  # argparse formats help with %


def entry() -> None:
    """The ``newslint`` command (and ``python -m linter``): :func:`main`, then a quick exit.

    Tearing the interpreter down frees every object one at a time (the spelling data alone
    is ~150,000 strings): ~40 ms, a sixth of a one-file pre-commit run. Output is flushed
    and the pattern store written first, so nothing is lost; usage errors and ``--help``
    (``SystemExit`` from argparse) leave the ordinary way.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a closed pipe (`newslint check | head`): nothing to keep
            pass
        except OSError as exc:  # output cut short (a full disk, a file size limit): never silent
            if stream is sys.stdout and code != EXIT_ERROR:
                try:
                    sys.stderr.write(f"newslint: error: cannot write the output: {exc.strerror or exc}\n")
                    sys.stderr.flush()
                except (OSError, ValueError):
                    pass
                code = EXIT_ERROR
    store = sys.modules.get("newslint.patterns")
    if store is not None:
        store.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newslint`` command with ``argv``; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command == "check":
            from newslint.check import run_check

            return run_check(args)
        if args.command == "rules":
            return _cmd_rules(args)
        return _cmd_rule(args)
    except NewslintError as exc:
        sys.stderr.write(f"newslint: error: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`newslint check | head`): not our error.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return EXIT_ERROR


def _cmd_rules(args: argparse.Namespace) -> int:
    import json

    from newslint.plugins import load_engine

    engine = load_engine()
    print_load_errors(engine.load_errors)
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "default": bool(r.default),
            "severity": r.severity.value,
            "fixable": r.fixable or "no",
            "plugin": r.plugin,
            "source": r.source,
            "summary": r.summary,
        }
        for r in engine.rules
    ]
    if args.output_format == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    for row in rows:  # the text forms show on/off
        row["default"] = "on" if row["default"] else "off"
    if not sys.stdout.isatty():  # piped: one unwrapped line per rule, easy to grep
        cols = ("code", "name", "default", "severity", "fixable")
        widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in cols}
        for row in [dict(zip(cols, cols), summary="summary"), *rows]:
            sys.stdout.write("  ".join(row[c].ljust(widths[c]) for c in cols) + "  " + row["summary"] + "\n")
        return EXIT_CLEAN
    from rich.console import Console
    from rich.table import Table

    console = Console(no_color=no_color(False), highlight=False)
    table = Table(box=None, pad_edge=False, header_style="bold")
    for col in ("code", "name", "default", "severity", "fixable", "summary"):
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(row["code"], row["name"], row["default"], row["severity"], row["fixable"], row["summary"])
    console.print(table)
    return EXIT_CLEAN


def _cmd_rule(args: argparse.Namespace) -> int:
    import json

    from newslint.plugins import load_engine

    engine = load_engine()
    rule = engine.rules.lookup(args.rule)
    if args.output_format == "json":
        json.dump({"code": rule.code, "name": rule.name, "severity": rule.severity.value,
                   "default": bool(rule.default), "fixable": rule.fixable or "no", "options": dict(rule.options),
                   "plugin": rule.plugin, "source": rule.source, "doc": rule.doc}, sys.stdout, indent=2, default=list)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    head = f"# {rule.name} ({rule.code})\n\n"
    meta = (f"Derived from the **{rule.plugin}** plugin. Default: {'on' if rule.default else 'off'}; "
            f"severity: {rule.severity.value}; fix: {rule.fixable or 'none'}.\n\n"
            f"Source: `{rule.source}`.\n\n")
    opts = ""
    if rule.options:
        opts = "\n\n## Option defaults\n\n```toml\n[tool.newslint." + rule.name + "]\n" + "".join(
            f"{k} = {_toml(v)}\n" for k, v in rule.options.items()) + "```\n"
    text = head + meta + rule.doc + opts
    if sys.stdout.isatty() and not no_color(False):
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        sys.stdout.write(text.rstrip("\n") + "\n")
    return EXIT_CLEAN


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
