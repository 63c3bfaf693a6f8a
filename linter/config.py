"""Configuration: ``[tool.newslint]`` in pyproject.toml, or ``newslint.toml`` / ``.newslint.toml``.

Found upward from the checked path; ``--config FILE`` overrides. A bad key or value is a
:class:`NewslintError` naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.diagnostics import Severity
from newslint.dates import to_date
from newslint.errors import NewslintError

CONFIG_NAMES = ("newslint.toml", ".newslint.toml", "pyproject.toml")

TOP_KEYS = {
    "select",
    "main-content",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "exclude",
    "extend-exclude",
    "severity",
    "vocabulary",
    "date",
    "include",
    "cache-dir",
    "rule-timeout",
    # Archives of records (newslint.records): the same as the command-line options.
    "text-field",
    "id-field",
    "format-field",
    "format",
    "scheduler",
}

# No `include` set: every registered format's suffixes (the built-ins: *.txt, *.text, *.md,
# *.markdown, *.html, *.htm; a rule pack's format adds its own).
DEFAULT_INCLUDE: tuple[str, ...] = ()
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".bzr",
    "_darcs",
    "node_modules",
    "__pycache__",
    ".newslint_cache",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "site-packages",
)


PATTERN_TIMEOUT = 0.05  # seconds a configured pattern may spend on one word


@dataclass(frozen=True)
class Vocabulary:
    """A newsroom's own words: ``accept`` (always right), ``patterns`` (regular expressions a
    whole word must match to be right) and ``reject`` (always wrong → preferred form)."""

    accept: frozenset[str] = frozenset()
    reject: Mapping[str, str] = field(default_factory=dict)
    patterns: tuple[Any, ...] = ()

    def accepts(self, word: str) -> bool:
        """Exact case, unless the entry was written in lower case (then any case). A pattern
        that runs past its time limit accepts nothing (a bad pattern cannot hang a run)."""
        if word in self.accept or word.lower() in self.accept:
            return True
        for pat in self.patterns:
            try:
                if pat.fullmatch(word, timeout=PATTERN_TIMEOUT):
                    return True
            except TimeoutError:
                continue
        return False

    def __bool__(self) -> bool:
        return bool(self.accept or self.reject or self.patterns)


def compile_pattern(pattern: str, where: str) -> Any:
    """Compile a configured regular expression (``regex`` module), or a clear error."""
    import regex

    try:
        return regex.compile(pattern, regex.V1)
    except regex.error as exc:
        raise NewslintError(f"{where}: invalid pattern {pattern!r}: {exc}") from None


@dataclass(frozen=True)
class Config:
    """Settings for one run. Build with :func:`load_config` or directly in the API."""

    select: tuple[str, ...] | None = None
    main_content: bool = True  # a whole HTML page is read on its article, not its chrome
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    date: dt.date | None = None
    cache_dir: str = ".newslint_cache"
    text_field: str | None = None  # records: the field with each story's text
    id_field: str | None = None
    format_field: str | None = None
    record_format: str | None = None  # `format`: plain, markdown or html
    scheduler: str | None = None  # a Dask scheduler: local:N or tcp://HOST:PORT
    rule_timeout: float = 60.0  # seconds one rule may run on one document (0: no limit)
    path: str | None = None  # the file it came from
    root: str = "."  # the folder globs are relative to

    def where(self, key: str) -> str:
        """'FILE: key' for error messages."""
        return f"{self.path}: {key}" if self.path else key


def _str_list(value: Any, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise NewslintError(f"{source}: `{key}` must be a list of strings")
    return tuple(value)


def _required_date(value: Any, where: str) -> dt.date:
    """A date from TOML (a date value or an ISO string), or a clear error."""
    date = to_date(value)
    if date is None:
        raise NewslintError(f"{where}: expected a date like 2024-11-22, got {value!r}")
    return date


def _read_lines(path: Path, where: str) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise NewslintError(f"{where}: cannot read {path}: {exc.strerror or exc}") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _vocabulary(raw: Any, base: Path, source: str) -> Vocabulary:
    where = f"{source}: vocabulary"
    if not isinstance(raw, dict):
        raise NewslintError(f"{where} must be a table with `accept` and `reject`")
    accept: set[str] = set()
    reject: dict[str, str] = {}
    patterns: list[Any] = []
    for key, value in raw.items():
        if key == "accept":
            accept.update(_str_list(value, "vocabulary.accept", source))
        elif key == "accept-file" or key == "accept-files":
            for f in _str_list(value, f"vocabulary.{key}", source):
                accept.update(_read_lines(base / f, f"{where}.{key}"))
        elif key == "accept-patterns":
            for pat in _str_list(value, "vocabulary.accept-patterns", source):
                patterns.append(compile_pattern(pat, f"{where}.accept-patterns"))
        elif key == "reject":
            if isinstance(value, dict):
                for bad, good in value.items():
                    if not isinstance(good, str):
                        raise NewslintError(f"{where}.reject.{bad} must be a string (the preferred form)")
                    reject[bad] = good
            else:
                for entry in _str_list(value, "vocabulary.reject", source):
                    bad, _, good = entry.partition("->")
                    reject[bad.strip()] = good.strip()
        elif key == "reject-file" or key == "reject-files":
            for f in _str_list(value, f"vocabulary.{key}", source):
                for line in _read_lines(base / f, f"{where}.{key}"):
                    if "->" in line:
                        bad, _, good = line.partition("->")
                    else:
                        bad, _, good = line.partition(" ")
                    reject[bad.strip()] = good.strip()
        else:
            raise NewslintError(
                f"{where}: unknown key `{key}` (expected accept, accept-file, accept-patterns, reject, reject-file)"
            )
    return Vocabulary(frozenset(accept), reject, tuple(patterns))


def config_from_mapping(data: Mapping[str, Any], *, path: str | None = None, root: str = ".") -> Config:
    """Build a :class:`Config` from a ``[tool.newslint]`` table. Rule tables are kept raw
    (validated against the registered rules by :func:`validate_config`)."""
    source = path or "configuration"
    kw: dict[str, Any] = {"path": path, "root": root}
    if "main-content" in data:
        data = dict(data)
        main_content = data.pop("main-content")
        if not isinstance(main_content, bool):
            raise NewslintError(f"{source}: `main-content` must be true or false")
        kw["main_content"] = main_content
    rule_options: dict[str, dict[str, Any]] = {}
    base = Path(path).parent if path else Path(root)
    for key, value in data.items():
        if key == "select":
            kw["select"] = _str_list(value, key, source)
        elif key == "extend-select":
            kw["extend_select"] = _str_list(value, key, source)
        elif key == "ignore":
            kw["ignore"] = _str_list(value, key, source)
        elif key == "include":
            kw["include"] = _str_list(value, key, source)
        elif key == "exclude":
            kw["exclude"] = _str_list(value, key, source)
        elif key == "extend-exclude":
            kw["extend_exclude"] = _str_list(value, key, source)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise NewslintError(f"{source}: `per-file-ignores` must be a table of glob = [rules]")
            kw["per_file_ignores"] = tuple(
                (glob, _str_list(v, f"per-file-ignores.{glob}", source)) for glob, v in value.items()
            )
        elif key == "severity":
            if not isinstance(value, dict):
                raise NewslintError(f"{source}: `severity` must be a table of rule = \"error|warning|info\"")
            sev = {}
            for rule, level in value.items():
                try:
                    sev[rule] = Severity(str(level).lower())
                except ValueError:
                    raise NewslintError(
                        f"{source}: severity.{rule} = {level!r}: expected \"error\", \"warning\" or \"info\""
                    ) from None
            kw["severity"] = sev
        elif key == "vocabulary":
            kw["vocabulary"] = _vocabulary(value, base, source)
        elif key == "date":
            kw["date"] = _required_date(value, f"{source}: date")
        elif key == "rule-timeout":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise NewslintError(f"{source}: `rule-timeout` must be a number of seconds (0: no limit), got {value!r}")
            kw["rule_timeout"] = float(value)
        elif key == "cache-dir":
            if not isinstance(value, str):
                raise NewslintError(f"{source}: `cache-dir` must be a string")
            kw["cache_dir"] = value
        elif key in ("text-field", "id-field", "format-field", "format", "scheduler"):
            if not isinstance(value, str) or not value.strip():
                raise NewslintError(f"{source}: `{key}` must be a non-empty string")
            kw["record_format" if key == "format" else key.replace("-", "_")] = value
        elif isinstance(value, dict):
            rule_options[key] = dict(value)  # a rule's own table; checked later
        else:
            table = "tool.newslint." if path is None or Path(path).name == "pyproject.toml" else ""
            raise NewslintError(f"{source}: unknown key `{key}`{_option_hint(key, table)}")
    kw["rule_options"] = rule_options
    return Config(**kw)


def _option_hint(key: str, table: str) -> str:
    """For a top-level key that is a rule's option (``language``): where it belongs. Only on
    the error path, so loading the rules here costs a correct run nothing."""
    try:
        from newslint.plugins import load_engine

        owners = sorted(r.name for r in load_engine().rules if key in r.options)
    except Exception:  # noqa: BLE001 - a hint must never hide the error itself
        return ""
    if not owners:
        return ""
    tables = " or ".join(f"[{table}{name}]" for name in owners)
    return f"; `{key}` is an option of {', '.join(owners)}: set it in {tables}"


def load_file(path: Path) -> Config:
    """Read one config file (pyproject.toml: its ``[tool.newslint]`` table)."""
    if sys.version_info >= (3, 11):  # imported here: a run without a config file never needs it
        import tomllib
    else:  # pragma: no cover - 3.10
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise NewslintError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise NewslintError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
    return config_from_mapping(data, path=str(path), root=str(path.parent))


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    start = start.resolve()
    if start.is_file() or not start.exists():
        start = start.parent
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_newslint_table(candidate):
                    continue
                return candidate
    return None


def _has_newslint_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "[tool.newslint" in text


def load_config(paths: Sequence[str], explicit: str | None = None) -> Config:
    """The run's configuration: ``explicit`` if given, else the nearest one found upward from
    the first checked path (or the working folder), else the defaults."""
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise NewslintError(f"config file not found: {explicit}")
        return load_file(p)
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    found = find_config(start)
    if found is None:
        return Config(root=str(Path.cwd()))
    return load_file(found)


def validate_config(config: Config, rules: Any) -> dict[str, dict[str, Any]]:
    """Check rule selectors and per-rule tables against the registered rules.

    Returns the options per rule code, defaults merged with the config's values.
    """
    for key, values in (("select", config.select or ()), ("extend-select", config.extend_select),
                        ("ignore", config.ignore)):
        rules.check_selectors(values, where=config.where(key))
    for glob, values in config.per_file_ignores:
        rules.check_selectors(values, where=config.where(f"per-file-ignores.{glob}"))
    for key in config.severity:
        rules.lookup(key, where=config.where("severity"))
    options: dict[str, dict[str, Any]] = {r.code: dict(r.options) for r in rules}
    for key, table in config.rule_options.items():
        rule = rules.get(key)
        if rule is None:
            raise NewslintError(f"{config.where(key)}: unknown key or rule `{key}`")
        opts = options[rule.code]
        for opt, value in table.items():
            if opt not in rule.options:
                known = ", ".join(sorted(rule.options)) or "none"
                raise NewslintError(f"{config.where(f'{key}.{opt}')}: unknown option (options of {rule.name}: {known})")
            default = rule.options[opt]
            if not _same_type(default, value):
                raise NewslintError(
                    f"{config.where(f'{key}.{opt}')}: expected {type(default).__name__}, got {value!r}"
                )
            opts[opt] = tuple(value) if isinstance(value, list) else value
        choices = rule.choices
        for opt, allowed in choices.items():
            if opts.get(opt) not in allowed:
                raise NewslintError(
                    f"{config.where(f'{key}.{opt}')}: {opts.get(opt)!r} is not one of {', '.join(map(repr, allowed))}"
                )
    return options


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (tuple, list)):
        return isinstance(value, list)
    if default is None:
        return True
    return isinstance(value, type(default))
