"""Configuration: ``[tool.newslint]`` in pyproject.toml, or ``newslint.toml`` / ``.newslint.toml``.

Each file gets the configuration closest to it (ruff's "closest config wins": the nearest
config file at or above its folder, :class:`ConfigResolver`); ``extend = "../newslint.toml"``
inherits another file's settings; ``--config FILE`` overrides them all. A bad key or value is
a :class:`NewslintError` naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import os
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
    "extend",
    "fail-on",
    "force-exclude",
    "respect-gitignore",
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
    rule_timeout: float = 60.0  # seconds one rule may run on one document (0: no limit)
    fail_on: Severity = Severity.INFO  # the least severe finding that fails the run (exit 1)
    force_exclude: bool = False  # excludes apply to files named on the command line too
    respect_gitignore: bool = True  # folder walks skip what .gitignore / .ignore files ignore
    text_field: str | None = None  # records: the field with each story's text
    id_field: str | None = None
    format_field: str | None = None
    record_format: str | None = None  # `format`: plain, markdown or html
    scheduler: str | None = None  # a Dask scheduler: local:N or tcp://HOST:PORT
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
    except UnicodeDecodeError as exc:
        raise NewslintError(f"{where}: {path} is not valid UTF-8 text (byte {exc.start})") from None
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
            kw["severity"] = {rule: parse_severity(str(level), f"{source}: severity.{rule}")
                              for rule, level in value.items()}
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
        elif key == "fail-on":
            kw["fail_on"] = parse_severity(value, f"{source}: fail-on")
        elif key in ("force-exclude", "respect-gitignore"):
            if not isinstance(value, bool):
                raise NewslintError(f"{source}: `{key}` must be true or false")
            kw[key.replace("-", "_")] = value
        elif key == "extend":
            raise NewslintError(f"{source}: `extend` is only read from a configuration file")
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


SEVERITY_NAMES = '"error", "warning" or "info"'


def parse_severity(value: Any, where: str) -> Severity:
    """``"error"`` / ``"warning"`` / ``"info"`` (any case) as a :class:`Severity`, or a clear error."""
    try:
        return Severity(value.lower() if isinstance(value, str) else value)
    except ValueError:
        raise NewslintError(f"{where} = {value!r}: expected {SEVERITY_NAMES}") from None


def _read_table(path: Path) -> dict[str, Any]:
    """The newslint settings of one file, raw (pyproject.toml: its ``[tool.newslint]`` table).
    Every way the file can be unreadable is one clear error naming it."""
    if sys.version_info >= (3, 11):  # imported here: a run without a config file never needs it
        import tomllib
    else:  # pragma: no cover - 3.10
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise NewslintError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise NewslintError(f"{path}: not valid UTF-8 (byte {exc.start}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise NewslintError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise NewslintError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise NewslintError(f"{path}: `tool` must be a table")
        data = tool.get("newslint", {})
        if not isinstance(data, dict):
            raise NewslintError(f"{path}: `tool.newslint` must be a table")
    return data


# Keys whose value names a file relative to the config file that holds it.
_PATH_KEYS = ("accept-file", "accept-files", "reject-file", "reject-files")


def _absolute_paths(data: dict[str, Any], base: Path) -> dict[str, Any]:
    """A copy of ``data`` whose vocabulary files are absolute (so a file that extends this
    one still finds them beside this one)."""
    vocab = data.get("vocabulary")
    if not isinstance(vocab, dict):
        return data
    fixed = dict(vocab)
    for key in _PATH_KEYS:
        value = fixed.get(key)
        if isinstance(value, str):
            fixed[key] = str(base / value)
        elif isinstance(value, list):
            fixed[key] = [str(base / v) if isinstance(v, str) else v for v in value]
    return {**data, "vocabulary": fixed}


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """``child`` over ``parent``: a key the child sets replaces the parent's; tables
    (``severity``, ``per-file-ignores``, ``vocabulary``, a rule's options) merge key by key."""
    out = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def _resolved_table(path: Path, chain: tuple[str, ...] = ()) -> dict[str, Any]:
    """The raw settings of ``path`` with everything it ``extend``s merged under them."""
    data = _absolute_paths(_read_table(path), path.parent)
    extend = data.pop("extend", None)
    if extend is None:
        return data
    if not isinstance(extend, str):
        raise NewslintError(f"{path}: `extend` must be a string (the path of another configuration file)")
    me = os.path.normpath(os.path.abspath(path))
    target = os.path.expanduser(extend)
    target = os.path.normpath(os.path.join(os.path.dirname(me), target))
    if target == me or target in chain:
        what = "extends itself" if target == me else "makes an `extend` loop"
        raise NewslintError(f"{path}: extend = {extend!r} {what}")
    if not os.path.isfile(target):
        raise NewslintError(f"{path}: extend = {extend!r}: no configuration file {target}")
    return _merge(_resolved_table(Path(target), (*chain, me)), data)


def load_file(path: Path) -> Config:
    """Read one config file (pyproject.toml: its ``[tool.newslint]`` table), with the files
    it ``extend``s under it (``extend = "../newslint.toml"``)."""
    return config_from_mapping(_resolved_table(path), path=str(path), root=str(path.parent))


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a folder, or a file's folder)."""
    start = Path(os.path.abspath(start))  # not resolve(): a symbolic link loop must not raise
    try:
        if not start.is_dir():
            start = start.parent
    except OSError:
        start = start.parent
    for folder in (start, *start.parents):
        found = _config_in(str(folder))
        if found is not None:
            return Path(found)
    return None


def _config_in(folder: str) -> str | None:
    """The config file in ``folder`` itself, if there is one."""
    for name in CONFIG_NAMES:
        candidate = os.path.join(folder, name)
        try:
            if not os.path.isfile(candidate):
                continue
        except (OSError, ValueError):
            continue
        if name == "pyproject.toml" and not _has_newslint_table(Path(candidate)):
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


class ConfigResolver:
    """The configuration of each file and folder: the closest config file at or above it
    (ruff's "closest config wins"; nothing is merged unless that file says ``extend``), else
    the defaults; or one ``fixed`` configuration for everything (``--config``, ``--isolated``,
    or a :class:`Config` handed to the API). Each folder is looked up once, each file read once.
    """

    def __init__(self, fixed: Config | None = None) -> None:
        self.fixed = fixed
        self.default = Config(root=os.getcwd())
        self._folders: dict[str, Config] = {}
        self._files: dict[str, Config] = {}

    @classmethod
    def for_run(cls, explicit: str | None = None, *, isolated: bool = False) -> ConfigResolver:
        """``--config FILE`` / ``--isolated`` fix one configuration; otherwise each file's own."""
        if isolated:
            return cls(Config(root=os.getcwd()))
        if explicit:
            return cls(load_config((), explicit))
        return cls()

    def configs(self) -> list[Config]:
        """Every configuration handed out so far (the fixed one, or each file read)."""
        if self.fixed is not None:
            return [self.fixed]
        seen: dict[int, Config] = {}
        for config in self._folders.values():
            seen.setdefault(id(config), config)
        return list(seen.values())

    def for_folder(self, folder: str) -> Config:
        """The configuration that applies to the files in ``folder``."""
        if self.fixed is not None:
            return self.fixed
        folder = os.path.abspath(folder)
        config = self._folders.get(folder)
        if config is None:
            found = _config_in(folder)
            if found is not None:
                config = self._files.get(found)
                if config is None:
                    config = self._files[found] = load_file(Path(found))
            else:
                parent = os.path.dirname(folder)
                config = self.default if parent == folder else self.for_folder(parent)
            self._folders[folder] = config
        return config

    def for_path(self, path: str) -> Config:
        """The configuration of a file (its folder's), or of a folder named as a path."""
        if self.fixed is not None:
            return self.fixed
        if path == "-":
            return self.for_folder(os.getcwd())
        try:
            is_dir = os.path.isdir(path)
        except (OSError, ValueError):
            is_dir = False
        return self.for_folder(path if is_dir else os.path.dirname(os.path.abspath(path)))


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
