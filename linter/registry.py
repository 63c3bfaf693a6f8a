"""Rules, their validation, and ``select``/``ignore`` resolution (ruff-like, most specific wins)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from newslint import patterns
from newslint.diagnostics import Finding, Severity
from newslint.document import Document
from newslint.errors import NewslintError

CODE = patterns.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME = patterns.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

CheckFn = Callable[..., Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A check: a stable code, a kebab-case name, a default severity and a pure function.

    ``check(doc)`` or ``check(doc, options)`` yields :class:`Finding` objects; its
    docstring (What it does / Why is this bad? / Example / Use instead) is the rule's doc.
    ``options`` holds the defaults of the rule's settings (``[tool.newslint.NAME]``).
    """

    code: str
    name: str
    severity: Severity
    check: CheckFn
    default: bool = True  # on unless deselected
    options: Mapping[str, Any] = field(default_factory=dict)
    fixable: str | None = None  # None, "safe", "unsafe" or "sometimes"
    choices: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)  # allowed option values
    style: bool = False  # judges style or word choice: leaves direct quotations alone by default
    plugin: str = ""
    #: The language whose words the rule judges ("en": spelling, variants, real-word errors);
    #: its findings in passages in another language are dropped (see newslint.language).
    language: str | None = None

    @property
    def doc(self) -> str:
        """The rule's documentation (the check function's docstring, dedented)."""
        raw = self.check.__doc__ or ""
        first, _, rest = raw.partition("\n")
        import textwrap

        return (first.strip() + "\n" + textwrap.dedent(rest)).strip()

    @property
    def summary(self) -> str:
        """One line: the first sentence of "What it does"."""
        doc = self.doc
        marker = "## What it does"
        if marker in doc:
            doc = doc.split(marker, 1)[1]
        lines: list[str] = []
        for line in doc.strip().splitlines():
            if not line.strip():
                if lines:
                    break
                continue
            if line.startswith("#"):
                break
            lines.append(line.strip())
        para = " ".join(lines)
        m = regex.search(r"^.+?[.!?](?=\s+[\p{Lu}`(]|$)", para)
        return m.group() if m else para

    @property
    def source(self) -> str:
        """Where the check is defined: ``module:function``, with the file when it is known
        (``newslint.rules.spelling.checks:misspelling (rules/spelling/checks.py)``)."""
        import sys

        fn = inspect.unwrap(self.check)
        module = getattr(fn, "__module__", "") or ""
        where = f"{module}:{getattr(fn, '__qualname__', getattr(fn, '__name__', '?'))}"
        path = getattr(sys.modules.get(module), "__file__", None)
        if path:
            import os

            parts = os.path.normpath(path).split(os.sep)
            # Built-ins: show the repository path (rules/..., linter/...), as a newcomer finds it.
            for top in ("rules", "linter", "newslint"):
                if top in parts:
                    i = len(parts) - 1 - parts[::-1].index(top)
                    where += f" ({'/'.join(parts[i:])})"
                    break
            else:
                where += f" ({path})"
        return where

    def run(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        """Call the check with the document (and its options when it takes them)."""
        if _takes_options(self.check):
            return self.check(doc, options)
        return self.check(doc)


@functools.lru_cache(maxsize=None)  # keyed by the check function: once per rule, not per file
def _takes_options(fn: CheckFn) -> bool:
    try:
        return len(inspect.signature(fn).parameters) >= 2
    except (TypeError, ValueError):  # pragma: no cover - builtins
        return False


def validate_rule(rule: Rule) -> None:
    """Raise :class:`NewslintError` for a malformed rule."""
    if not CODE.match(rule.code):
        raise NewslintError(f"plugin {rule.plugin!r}: rule code {rule.code!r} must look like 'ABC123'")
    if not NAME.match(rule.name):
        raise NewslintError(f"plugin {rule.plugin!r}: rule name {rule.name!r} must be kebab-case")
    if not isinstance(rule.severity, Severity):
        raise NewslintError(f"plugin {rule.plugin!r}: rule {rule.code} severity must be a Severity")
    if not callable(rule.check):
        raise NewslintError(f"plugin {rule.plugin!r}: rule {rule.code} check is not callable")


class RuleSet:
    """All registered rules, looked up by code or name."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(sorted(rules, key=lambda r: r.code))
        self.by_code = {r.code: r for r in self.rules}
        self.by_name = {r.name: r for r in self.rules}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, key: str) -> Rule | None:
        """A rule by exact code (any case) or name."""
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def lookup(self, key: str, *, where: str = "") -> Rule:
        """A rule by code or name, or a clear error."""
        rule = self.get(key)
        if rule is None:
            suffix = f" in {where}" if where else ""
            raise NewslintError(f"unknown rule {key!r}{suffix} (see `newslint rules`)")
        return rule

    def _match(self, selector: str, *, where: str) -> tuple[int, set[str]]:
        """Rules a selector names, with its specificity (longer prefix = more specific)."""
        sel = selector.strip()
        if not sel:
            raise NewslintError(f"empty rule selector{' in ' + where if where else ''}")
        if sel.upper() == "ALL":
            return 0, {r.code for r in self.rules}
        rule = self.get(sel)
        if rule is not None:
            return 100, {rule.code}
        prefix = sel.upper()
        hits = {r.code for r in self.rules if r.code.startswith(prefix)}
        if not hits:
            suffix = f" in {where}" if where else ""
            raise NewslintError(f"unknown rule or prefix {sel!r}{suffix} (see `newslint rules`)")
        return len(prefix), hits

    def check_selectors(self, selectors: Iterable[str], *, where: str = "") -> None:
        """Raise for any selector that names no rule."""
        for s in selectors:
            self._match(s, where=where)

    def resolve(
        self,
        select: Sequence[str] | None,
        extend_select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        *,
        where: str = "",
    ) -> frozenset[str]:
        """The codes enabled: ``select`` (or the defaults) plus ``extend_select``, minus
        ``ignore``; where a rule is both selected and ignored, the more specific selector wins
        (``--select PUN --ignore PUN001`` drops PUN001; ``--ignore PUN --select PUN001`` keeps it).
        """
        best_on: dict[str, int] = {}
        if select is None:
            for r in self.rules:
                if r.default:
                    best_on[r.code] = -1
        for sel in [*(select or ()), *extend_select]:
            spec, codes = self._match(sel, where=where)
            for c in codes:
                best_on[c] = max(best_on.get(c, -1), spec)
        best_off: dict[str, int] = {}
        for sel in ignore:
            spec, codes = self._match(sel, where=where)
            for c in codes:
                best_off[c] = max(best_off.get(c, -1), spec)
        return frozenset(c for c, spec in best_on.items() if best_off.get(c, -2) < spec)
