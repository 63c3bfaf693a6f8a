"""The plugin manager: built-in plugins and entry-point plugins, registered the same way."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pluggy

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
)


def make_plugin_manager(*, entry_points: bool = True, extra: tuple[Any, ...] = ()) -> tuple[pluggy.PluginManager, list[str], dict[str, str]]:
    """A fresh manager with the built-ins (those that exist), entry points, and ``extra``.

    Returns the manager, a list of load errors (a broken third-party plugin is reported,
    not fatal to the others) and each entry-point plugin's ``distribution==version``.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
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
        pm.register(module, name=name)
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


def _collect(pm: pluggy.PluginManager, hook_name: str, register_for: Callable[[str], Callable[[Any], None]]) -> None:
    hook = getattr(pm.hook, hook_name)
    for impl in hook.get_hookimpls():  # registration order: built-ins first
        impl.function(register_for(impl.plugin_name))


@dataclass
class Engine:
    """Everything the plugins offered: rules, formats, reporters; plus load errors."""

    rules: RuleSet
    formats: dict[str, Format]
    reporters: dict[str, Any]
    plugin_versions: dict[str, str] = field(default_factory=dict)
    load_errors: list[str] = field(default_factory=list)

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
    """Build the :class:`Engine`; duplicate codes, names and format names are errors."""
    pm, errors, versions = make_plugin_manager(entry_points=entry_points, extra=extra)
    rules: dict[str, Rule] = {}
    names: dict[str, Rule] = {}

    def register_rule(plugin: str) -> Callable[[Rule], None]:
        def register(rule: Rule) -> None:
            if not isinstance(rule, Rule):
                raise NewslintError(f"plugin {plugin!r} registered {rule!r}, which is not a Rule")
            rule = replace(rule, plugin=plugin)
            if rule.style and QUOTATIONS_OPTION not in rule.options:
                # A speaker's words are theirs: a style rule skips quotations unless asked.
                rule = replace(rule, options={**rule.options, QUOTATIONS_OPTION: False})
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
            rules[rule.code] = rule
            names[rule.name] = rule

        return register

    formats: dict[str, Format] = {}

    def register_format(plugin: str) -> Callable[[Format], None]:
        def register(fmt: Format) -> None:
            if fmt.name in formats:
                raise NewslintError(
                    f"format {fmt.name!r} is registered twice: by plugin {formats[fmt.name].plugin!r} "
                    f"and by plugin {plugin!r}"
                )
            formats[fmt.name] = replace(fmt, plugin=plugin)

        return register

    reporters: dict[str, Any] = {}

    def register_reporter(plugin: str) -> Callable[[Any], None]:
        def register(rep: Any) -> None:
            if rep.name in reporters:
                raise NewslintError(
                    f"reporter {rep.name!r} is registered twice: by plugin "
                    f"{getattr(reporters[rep.name], 'plugin', '?')!r} and by plugin {plugin!r}"
                )
            reporters[rep.name] = rep

        return register

    _collect(pm, "newslint_register_rules", register_rule)
    _collect(pm, "newslint_register_formats", register_format)
    _collect(pm, "newslint_register_reporters", register_reporter)
    return Engine(RuleSet(rules.values()), formats, reporters, versions, errors)
