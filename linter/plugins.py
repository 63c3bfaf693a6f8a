"""The plugin manager: built-in plugins and entry-point plugins, registered the same way."""

from __future__ import annotations

import importlib
import types
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pluggy
import regex

from newslint import entrypoints, hookspecs
from newslint.errors import NewslintError
from newslint.formats import Format
from newslint.registry import Rule, RuleSet, validate_rule

ENTRY_POINT_GROUP = "newslint"
QUOTATIONS_OPTION = "check-quotations"

# Built-in plugins, by module name: registered exactly as third-party ones are.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "newslint.formats",
    "newslint.formats.markdown",
    "newslint.formats.html",
    "newslint.reporters",
    "newslint.rules.encoding",
    "newslint.rules.punctuation",
    "newslint.rules.duplicates.words",
    "newslint.rules.duplicates.paragraphs",
    "newslint.rules.artifacts",
    "newslint.rules.characters",
    "newslint.rules.spacing",
    "newslint.rules.quotes",
    "newslint.rules.spelling.checks",
    "newslint.rules.measures.units",
    "newslint.rules.dates.checks",
    "newslint.rules.measures.numbers",
    "newslint.rules.realword.checks",
)


def make_plugin_manager(*, entry_points: bool = True, extra: tuple[Any, ...] = ()) -> tuple[pluggy.PluginManager, list[str], dict[str, str]]:
    """A fresh manager with the built-ins (those that exist), entry points, and ``extra``.

    Returns the manager, a list of load errors (a broken third-party plugin is reported,
    not fatal to the others) and each entry-point plugin's ``distribution==version``.
    """
    pm = _Manager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    errors: list[str] = []
    versions: dict[str, str] = {}
    for name in BUILTIN_PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a family not built yet in this checkout
                continue
            raise
        pm.register(_hooks_of(module), name=name)
    if entry_points:
        for ep in entrypoints.entry_points(ENTRY_POINT_GROUP):
            if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the run
                errors.append(f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}")
                continue
            pm.register(plugin, name=ep.name)
            versions[ep.name] = f"{ep.dist}=={ep.version}"
    for i, plugin in enumerate(extra):
        pm.register(plugin, name=getattr(plugin, "__name__", f"extra-{i}"))
    pm.check_pending()
    return pm, errors, versions


class _Manager(pluggy.PluginManager):
    """pluggy's manager, told that no dunder attribute is a hook implementation: it asks
    every name in ``dir(plugin)`` (``inspect.getattr_static``, ~10 us each), and two thirds of
    those names are the ``__dunder__`` names every object has."""

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if name[:2] == "__":
            return None
        return super().parse_hookimpl_opts(plugin, name)


def _hooks_of(module: Any) -> Any:
    """A built-in module's hook implementations alone, to register in its place: pluggy looks
    at every attribute of what it registers, and the built-in modules hold ~900 (imports,
    tables, patterns), ~4 ms of every run's start-up. Plugins from entry points are
    registered as they are."""
    marker = f"{hookspecs.PROJECT}_impl"
    hooks = types.SimpleNamespace(**{k: v for k, v in vars(module).items()
                                      if not k.startswith("__") and getattr(v, marker, None) is not None})
    hooks.__name__ = module.__name__
    return hooks


def _collect(pm: pluggy.PluginManager, hook_name: str, register_for: Callable[[str], Callable[[Any], None]],
             errors: list[str], commit: Callable[[list[tuple[str, Any]]], None]) -> None:
    """Call each plugin's ``hook_name`` with a ``register`` callback, in registration order
    (built-ins first). What a plugin offers is kept only if its hook returns normally: a hook
    that raises (anything, even ``SystemExit``) becomes that plugin's load error and the
    other plugins still register. Duplicates and invalid objects are errors of the run."""
    hook = getattr(pm.hook, hook_name)
    for impl in hook.get_hookimpls():
        offered: list[tuple[str, Any]] = []
        check = register_for(impl.plugin_name)

        def register(obj: Any, _check: Callable[[Any], None] = check, _name: str = impl.plugin_name) -> None:
            _check(obj)  # validates; raises NewslintError for a bad or duplicate object
            offered.append((_name, obj))

        try:
            impl.function(register)
        except NewslintError:
            raise
        except (Exception, SystemExit, KeyboardInterrupt) as exc:  # noqa: BLE001 - a broken pack must not stop the run
            errors.append(f"plugin {impl.plugin_name!r} failed in {hook_name}: {type(exc).__name__}: {exc}")
            continue
        commit(offered)


@dataclass
class Engine:
    """Everything the plugins offered: rules, formats, reporters; plus load errors."""

    rules: RuleSet
    formats: dict[str, Format]
    reporters: dict[str, Any]  # name -> Reporter
    plugin_versions: dict[str, str] = field(default_factory=dict)
    load_errors: list[str] = field(default_factory=list)

    def suffixes(self) -> tuple[str, ...]:
        """Every suffix a registered format claims (what a folder walk picks up)."""
        return tuple(dict.fromkeys(s for fmt in self.formats.values() for s in fmt.suffixes))

    def format_for(self, filename: str) -> Format | None:
        """The format claiming a file's suffix, or None."""
        lower = filename.lower()
        best: Format | None = None
        for fmt in self.formats.values():
            for suffix in fmt.suffixes:
                if lower.endswith(suffix) and (best is None or len(suffix) > max(map(len, best.suffixes))):
                    best = fmt
        return best


def load_engine(*, entry_points: bool = True, extra: tuple[Any, ...] = ()) -> Engine:
    """Build the :class:`Engine`. Rules, formats and reporters are validated alike, each
    records the plugin that registered it, and a duplicate of any kind (a rule code or name,
    a format name or suffix, a reporter name) is an error naming both plugins."""
    from newslint.reporters.base import Reporter

    pm, errors, versions = make_plugin_manager(entry_points=entry_points, extra=extra)
    rules: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    formats: dict[str, Format] = {}
    suffixes: dict[str, Format] = {}
    reporters: dict[str, Reporter] = {}

    def check_rule(plugin: str) -> Callable[[Any], None]:
        def check(rule: Any) -> None:
            if not isinstance(rule, Rule):
                raise NewslintError(f"plugin {plugin!r} registered {rule!r}, which is not a Rule")
            rule = _prepared(rule, plugin)
            validate_rule(rule)
            if rule.code in rules:
                other = rules[rule.code]
                raise NewslintError(
                    f"rule code {rule.code} is registered twice: by plugin {other.plugin!r} "
                    f"({other.name}) and by plugin {plugin!r} ({rule.name})"
                )
            if rule.name in names:
                other = names[rule.name]
                raise NewslintError(
                    f"rule name {rule.name!r} is registered twice: by plugin {other.plugin!r} "
                    f"({other.code}) and by plugin {plugin!r} ({rule.code})"
                )
        return check

    def commit_rules(offered: list[tuple[str, Any]]) -> None:
        for plugin, rule in offered:
            rule = _prepared(rule, plugin)
            if rule.code in rules or rule.name in names:  # the same plugin offered it twice
                raise NewslintError(f"rule {rule.code} ({rule.name}) is registered twice by plugin {plugin!r}")
            rules[rule.code] = rule
            names[rule.name] = rule

    def check_format(plugin: str) -> Callable[[Any], None]:
        def check(fmt: Any) -> None:
            if not isinstance(fmt, Format):
                raise NewslintError(f"plugin {plugin!r} registered {fmt!r}, which is not a Format")
            _validate_format(fmt, plugin)
            if fmt.name in formats:
                raise NewslintError(
                    f"format {fmt.name!r} is registered twice: by plugin {formats[fmt.name].plugin!r} "
                    f"and by plugin {plugin!r}"
                )
            for suffix in fmt.suffixes:
                if suffix.lower() in suffixes:
                    other = suffixes[suffix.lower()]
                    raise NewslintError(
                        f"file suffix {suffix!r} is claimed twice: by format {other.name!r} of plugin "
                        f"{other.plugin!r} and by format {fmt.name!r} of plugin {plugin!r}"
                    )
        return check

    def commit_formats(offered: list[tuple[str, Any]]) -> None:
        for plugin, fmt in offered:
            fmt = replace(fmt, plugin=plugin)
            if fmt.name in formats or any(x.lower() in suffixes for x in fmt.suffixes):
                raise NewslintError(f"format {fmt.name!r} or one of its suffixes is registered twice by plugin {plugin!r}")
            formats[fmt.name] = fmt
            for suffix in fmt.suffixes:
                suffixes[suffix.lower()] = fmt

    def check_reporter(plugin: str) -> Callable[[Any], None]:
        def check(rep: Any) -> None:
            if not isinstance(rep, Reporter):
                raise NewslintError(f"plugin {plugin!r} registered {rep!r}, which is not a Reporter")
            if not isinstance(rep.name, str) or not NAME.match(rep.name):
                raise NewslintError(f"plugin {plugin!r}: reporter name {rep.name!r} must be lower-case "
                                    "letters, digits and hyphens")
            if not callable(rep.write):
                raise NewslintError(f"plugin {plugin!r}: reporter {rep.name!r} has no callable write")
            if rep.name in reporters:
                raise NewslintError(
                    f"reporter {rep.name!r} is registered twice: by plugin {reporters[rep.name].plugin!r} "
                    f"and by plugin {plugin!r}"
                )
        return check

    def commit_reporters(offered: list[tuple[str, Any]]) -> None:
        for plugin, rep in offered:
            if rep.name in reporters:
                raise NewslintError(f"reporter {rep.name!r} is registered twice by plugin {plugin!r}")
            reporters[rep.name] = replace(rep, plugin=plugin)

    _collect(pm, "newslint_register_rules", check_rule, errors, commit_rules)
    _collect(pm, "newslint_register_formats", check_format, errors, commit_formats)
    _collect(pm, "newslint_register_reporters", check_reporter, errors, commit_reporters)
    return Engine(RuleSet(rules.values()), formats, reporters, versions, errors)


NAME = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def _prepared(rule: Rule, plugin: str) -> Rule:
    rule = replace(rule, plugin=plugin)
    if rule.style and QUOTATIONS_OPTION not in rule.options:
        # A speaker's words are theirs: a style rule skips quotations unless asked.
        rule = replace(rule, options={**rule.options, QUOTATIONS_OPTION: False})
    return rule


def _validate_format(fmt: Format, plugin: str) -> None:
    if not isinstance(fmt.name, str) or not NAME.match(fmt.name):
        raise NewslintError(f"plugin {plugin!r}: format name {fmt.name!r} must be lower-case letters, "
                            "digits and hyphens")
    if (not isinstance(fmt.suffixes, tuple) or not fmt.suffixes
            or not all(isinstance(x, str) and len(x) > 1 and x.startswith(".") for x in fmt.suffixes)):
        raise NewslintError(f"plugin {plugin!r}: format {fmt.name!r} must claim a tuple of suffixes "
                            f"such as ('.nitf',), not {fmt.suffixes!r}")
    if not isinstance(fmt.options, tuple) or not all(isinstance(x, str) and x.isidentifier() for x in fmt.options):
        raise NewslintError(f"plugin {plugin!r}: format {fmt.name!r} options must be a tuple of setting names, "
                            f"not {fmt.options!r}")
    if not callable(fmt.parse):
        raise NewslintError(f"plugin {plugin!r}: format {fmt.name!r} has no callable parse")
