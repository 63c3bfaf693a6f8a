"""Plugins: entry-point rule packs, duplicate codes and names, a crashing rule."""

from __future__ import annotations

import json
import os
import textwrap
import types

import conftest
import pytest

from newslint import Finding, Rule, Severity, Span, hookimpl
from newslint.errors import NewslintError
from newslint.plugins import load_engine
from newslint.runner import Linter

PACK = textwrap.dedent(
    '''
    """A newsroom's own rule pack."""
    from newslint import Finding, Rule, Severity, Span, hookimpl

    def kiev(doc):
        """## What it does
        Flags "Kiev".
        """
        start = doc.text.find("Kiev")
        while start >= 0:
            yield Finding(Span(start, start + 4), 'Use the house spelling "Kyiv"')
            start = doc.text.find("Kiev", start + 1)

    def broken(doc):
        """## What it does
        Always fails (to test that one crash hides nothing else)."""
        raise RuntimeError("boom")

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("HSE001", "house-kyiv", Severity.WARNING, kiev))
        register(Rule("HSE002", "house-broken", Severity.WARNING, broken))
    '''
)


def install_pack(tmp_path, source=PACK):
    return conftest.install_pack(tmp_path, source)


def test_entry_point_pack_and_crashing_rule(newslint, story, tmp_path):
    env = install_pack(tmp_path)
    p = story("Officials in Kiev said..\n")
    proc = newslint("check", "--output-format", "json", "--select", "HSE,PUN001", p, env=env)
    found = [(f["code"], f["plugin"]) for f in json.loads(proc.stdout)]
    assert ("HSE001", "newsroom") in found
    assert ("PUN001", "newslint.rules.punctuation") in found
    # The crash is reported with the rule and its plugin, and the run exits 2.
    assert proc.returncode == 2
    assert "internal error in rule HSE002 (house-broken) from plugin 'newsroom': RuntimeError: boom" in proc.stderr
    rules = newslint("rules", "--output-format", "json", env=env)
    assert any(r["code"] == "HSE001" and r["plugin"] == "newsroom" for r in json.loads(rules.stdout))


def test_duplicate_code_names_both_plugins(newslint, tmp_path, story):
    clash = PACK.replace('"HSE001", "house-kyiv"', '"PUN001", "house-kyiv"')
    env = install_pack(tmp_path, clash)
    proc = newslint("check", story("Fine.\n"), env=env)
    assert proc.returncode == 2
    assert "rule code PUN001 is registered twice" in proc.stderr
    assert "'newslint.rules.punctuation'" in proc.stderr and "'newsroom'" in proc.stderr


def test_broken_pack_import_does_not_stop_the_run(newslint, tmp_path, story):
    env = install_pack(tmp_path, "raise ImportError('missing dependency')\n")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", story("He said..\n"), env=env)
    assert "plugin 'newsroom'" in proc.stderr and "failed to load" in proc.stderr
    assert [f["code"] for f in json.loads(proc.stdout)] == ["PUN001"]


def make_plugin(*rules):
    mod = types.ModuleType("extra_pack")

    @hookimpl
    def newslint_register_rules(register):
        for r in rules:
            register(r)

    mod.newslint_register_rules = newslint_register_rules
    return mod


def always(doc):
    """## What it does
    Flags the first character."""
    yield Finding(Span(0, 1), "first")


def test_duplicate_name_is_an_error():
    plugin = make_plugin(Rule("XYZ001", "doubled-punctuation", Severity.INFO, always))
    with pytest.raises(NewslintError, match="rule name 'doubled-punctuation' is registered twice"):
        load_engine(entry_points=False, extra=(plugin,))


@pytest.mark.parametrize(
    "rule, message",
    [
        (Rule("x1", "ok-name", Severity.INFO, always), "must look like 'ABC123'"),
        (Rule("XYZ001", "Bad Name", Severity.INFO, always), "must be kebab-case"),
    ],
)
def test_malformed_rules_are_rejected(rule, message):
    with pytest.raises(NewslintError, match=message):
        load_engine(entry_points=False, extra=(make_plugin(rule),))


def test_out_of_range_span_is_an_internal_error_not_a_crash():
    def wild(doc):
        """## What it does
        Reports past the end."""
        yield Finding(Span(0, len(doc.text) + 5), "too far")

    engine = load_engine(entry_points=False, extra=(make_plugin(Rule("XYZ002", "too-far", Severity.INFO, wild)),))
    linter = Linter(engine=engine, select=["XYZ002", "PUN001"])
    result = linter.lint_source("He said..\n", "x.txt")
    assert [d.code for d in result.diagnostics] == ["PUN001"]
    assert "internal error in rule XYZ002" in result.errors[0]


def test_a_hook_implementation_under_another_name_still_registers():
    """The manager skips only dunder attributes when it looks for hook implementations: a
    plugin may name its implementation as it likes and point it at the hook (``specname``)."""

    def house(doc):
        """## What it does
        Flags "Kiev"."""
        start = doc.text.find("Kiev")
        return [Finding(Span(start, start + 4), 'Use the house spelling "Kyiv"')] if start >= 0 else []

    @hookimpl(specname="newslint_register_rules")
    def _house_rules(register):
        register(Rule("HSE009", "house-kiev", Severity.WARNING, house))

    plugin = types.SimpleNamespace(_house_rules=_house_rules, __name__="house_pack")
    engine = load_engine(entry_points=False, extra=(plugin,))
    assert "HSE009" in {r.code for r in engine.rules}
