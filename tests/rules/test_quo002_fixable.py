"""QUO002 (unbalanced-quotes): its registration says what its findings carry, and its help
text names the mark to change in words, not as a run of quotation marks."""

from __future__ import annotations

import json


def test_quo002_is_listed_as_fixable_and_fix_agrees(newslint, story):
    rules = json.loads(newslint("rules", "--output-format", "json").stdout)
    row = next(r for r in rules if r["code"] == "QUO002")
    assert row["fixable"] == "sometimes"

    path = story('"We won,\u201d she said.\n')
    proc = newslint("check", "--no-cache", "--select", "QUO002", "--output-format", "json", path)
    [finding] = json.loads(proc.stdout)
    assert finding["fix"]["applicability"] == "safe"
    assert finding["fix"]["message"] == 'Make the closing mark straight (") to match the opening one'
    assert '"""' not in finding["fix"]["message"]

    fixed = newslint("check", "--no-cache", "--select", "QUO002", "--fix", path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert path.read_text() == '"We won," she said.\n'


def test_quo002_curly_help_text(newslint, story):
    path = story('\u201cWe won," she said. \u201cYes,\u201d he said. \u201cNo,\u201d I said.\n')
    proc = newslint("check", "--no-cache", "--select", "QUO002", "--output-format", "json", path)
    [finding] = json.loads(proc.stdout)
    assert finding["fix"]["message"] == "Make the closing mark curly (\u201d) to match the opening one"
