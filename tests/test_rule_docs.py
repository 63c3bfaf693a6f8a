"""Every rule is documented (What / Why / Example / Use instead), and its examples are true:
the Example is flagged by the rule and the Use instead text is not."""

from __future__ import annotations

import re

import pytest

from newslint.config import Config
from newslint.plugins import load_engine
from newslint.runner import lint_text

ENGINE = load_engine(entry_points=False)
RULES = list(ENGINE.rules)
SECTIONS = ["## What it does", "## Why is this bad?", "## Example", "## Use instead"]
# Rules whose example cannot be shown as text (it is about the file's bytes).
NOT_TEXT = {"ENC001"}


def block(doc, heading):
    part = doc.split(heading, 1)[1]
    m = re.search(r"```text\n(.*?)```", part, re.S)
    assert m, f"no ```text block under {heading}"
    return m.group(1)


def test_there_are_rules():
    assert len(RULES) >= 2


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_doc_sections(rule):
    doc = rule.doc
    positions = [doc.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), f"{rule.code} doc lacks one of {SECTIONS}"
    assert positions == sorted(positions), f"{rule.code} doc sections out of order"
    assert rule.summary


@pytest.mark.parametrize("rule", [r for r in RULES if r.code not in NOT_TEXT], ids=lambda r: f"{r.code}-{r.name}")
def test_rule_doc_examples_are_true(rule):
    example = block(rule.doc, "## Example")
    use_instead = block(rule.doc, "## Use instead")
    bad = [d for d in lint_text(example, config=Config(), select=[rule.code]) if d.code == rule.code]
    assert bad, f"{rule.code}: its Example is not flagged"
    good = [d for d in lint_text(use_instead, config=Config(), select=[rule.code]) if d.code == rule.code]
    assert not good, f"{rule.code}: its Use instead text is flagged: {[d.message for d in good]}"


def test_rule_command_prints_every_doc(newslint, capsys):
    from newslint.cli import main

    for rule in RULES:  # in-process: one command per rule would cost a start-up each
        assert main(["rule", rule.code]) == 0
        out = capsys.readouterr().out
        assert f"# {rule.name} ({rule.code})" in out and "## What it does" in out
    proc = newslint("rule", RULES[-1].name)  # and once through the installed command
    assert proc.returncode == 0 and "## What it does" in proc.stdout
