"""A long document's findings are held packed (a marshal string a chunk at a time) until the
last rule is done: the report must be exactly what the objects would have given, and a rule
that fails half-way must lose all its findings, as on a short story."""

from __future__ import annotations

import types
from pathlib import Path

import pytest

import newslint.runner as runner
from newslint import Config, Finding, Rule, Severity, Span, hookimpl
from newslint.plugins import load_engine
from newslint.runner import Linter

STORY = """Council Votes To Close Library

The council voted on Tuesday to close the library.. The the decision, taken after a
two-hour meeting, angered residents who said they had not been consulted.

"We were never asked," said Mary O'Brien, who has used the library for 30 years. 'It's a disgrace.'

The council said the building would cost £2m (€2.3m) to repair, and that a 800m-long
walk to the next branch was "not unreasonable".

The council voted on Tuesday to close the library.. The the decision, taken after a
two-hour meeting, angered residents who said they had not been consulted.

READ MORE: Libraries across the county face cuts
"""


def _lint(linter: Linter, text: str) -> list:
    doc = linter.parse(text, "story.txt")
    diags, errors = linter.lint_document(doc, "story.txt", packed=True)  # as the command line asks
    assert not errors
    return diags


def test_packed_findings_are_the_same_findings(monkeypatch):
    linter = Linter(Config())
    text = STORY * 6
    plain = _lint(linter, text)
    assert len(plain) > 20
    assert {d.code for d in plain} >= {"PUN001", "DUP001", "DUP002", "ART001"}
    monkeypatch.setattr(runner, "PACK_CHARS", 0)
    monkeypatch.setattr(runner, "PACK_CHUNK", 5)  # many chunks, some rules cut mid-way
    assert _lint(linter, text) == plain


def _half_way_pack():
    def half_way(doc):
        """## What it does
        Fails after a few findings."""
        for i in range(7):
            yield Finding(Span(i, i + 1), f"finding {i}")
        raise KeyError("lost its table")

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("HLF001", "half-way", Severity.WARNING, half_way))

    pack = types.ModuleType("halfpack")
    pack.newslint_register_rules = newslint_register_rules
    return pack


@pytest.mark.parametrize("packed", [False, True])
def test_a_rule_failing_half_way_loses_its_findings_packed_or_not(monkeypatch, packed):
    if packed:
        monkeypatch.setattr(runner, "PACK_CHARS", 0)
        monkeypatch.setattr(runner, "PACK_CHUNK", 3)  # two chunks done before it fails
    linter = Linter(Config(), engine=load_engine(entry_points=False, extra=(_half_way_pack(),)),
                    extend_select=["HLF"])
    doc = linter.parse(STORY, "story.txt")
    diags, errors = linter.lint_document(doc, "story.txt")
    assert not [d for d in diags if d.code == "HLF001"]
    assert errors == ["story.txt: internal error in rule HLF001 (half-way) from plugin 'halfpack': "
                      "KeyError: 'lost its table'"]
    assert {"PUN001", "DUP002"} <= {d.code for d in diags}


def test_a_long_file_through_the_command(newslint, tmp_path: Path):
    # Past PACK_CHARS for real: a file of a bit over a million characters, checked by the
    # installed command, reports each copy's findings.
    copies = runner.PACK_CHARS // len(STORY) + 2
    path = tmp_path / "archive.txt"
    path.write_text(STORY * copies, encoding="utf-8")
    import json

    proc = newslint("check", "--no-cache", "--output-format", "json", "--select", "PUN001", path)
    found = json.loads(proc.stdout)
    assert len(found) == 2 * copies
    rows = [f["location"]["row"] for f in found]
    assert rows == sorted(rows)


def _order_pack():
    """Rules whose findings come out of text order: backwards, and several on one span (the
    sorted report must keep a rule's equal findings in the order the rule gave them)."""

    def backwards(doc):
        """## What it does
        Flags each paragraph, last first."""
        for block in reversed(doc.paragraphs):
            yield Finding(block.span, f"paragraph at {block.span.start}")

    def twice(doc):
        """## What it does
        Flags every "the" twice over, with two messages."""
        text = doc.lowered
        i = text.find("the")
        while i >= 0:
            yield Finding(Span(i, i + 3), "second look")
            yield Finding(Span(i, i + 3), "first look")
            i = text.find("the", i + 1)

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("ORD001", "backwards", Severity.INFO, backwards))
        register(Rule("ORD002", "twice", Severity.INFO, twice))

    pack = types.ModuleType("orderpack")
    pack.newslint_register_rules = newslint_register_rules
    return pack


@pytest.mark.parametrize("chunk", [1, 2, 7, 4096])
def test_packed_findings_read_in_the_order_of_one_stable_sort(monkeypatch, chunk):
    linter = Linter(Config(), engine=load_engine(entry_points=False, extra=(_order_pack(),)),
                    extend_select=["ORD"])
    text = STORY * 3
    plain = _lint(linter, text)
    assert type(plain) is list
    assert [d.message for d in plain if d.code == "ORD002"][:2] == ["second look", "first look"]
    monkeypatch.setattr(runner, "PACK_CHARS", 0)
    monkeypatch.setattr(runner, "PACK_CHUNK", chunk)
    import newslint.transport as transport

    monkeypatch.setattr(transport, "PACK_ROWS", 2)  # each chunk in blocks of two rows
    packed = _lint(linter, text)
    assert type(packed) is not list  # held packed: each finding made when read
    assert len(packed) == len(plain)
    assert list(packed) == plain
    assert list(packed) == plain  # read twice, the same
    assert [d.message for d in packed] == [d.message for d in plain]
    assert packed[-1] == plain[-1] and packed[3:5] == plain[3:5]
    import pickle

    assert pickle.loads(pickle.dumps(packed)) == plain


def test_packed_findings_with_a_suppression(monkeypatch):
    linter = Linter(Config())
    text = STORY * 3 + "\nThe mayor said.. <!-- newslint: disable PUN001 -->\n"
    text = text.replace("library..", "library.. # newslint: ignore DUP002", 1)
    plain = _lint(linter, text)
    monkeypatch.setattr(runner, "PACK_CHARS", 0)
    monkeypatch.setattr(runner, "PACK_CHUNK", 3)
    assert _lint(linter, text) == plain


def test_lint_text_gives_a_list_for_a_long_text(monkeypatch):
    from newslint import lint_text

    plain = lint_text(STORY * 2)
    monkeypatch.setattr(runner, "PACK_CHARS", 0)
    monkeypatch.setattr(runner, "PACK_CHUNK", 2)
    packed = lint_text(STORY * 2)
    assert type(packed) is list
    assert packed == plain


def test_the_python_api_gives_lists_for_a_long_text(tmp_path: Path):
    """Only the command line's reports take a long text's findings packed: lint_paths,
    lint_file, Linter.lint_source and lint_document give a list, as for a short story."""
    from newslint.runner import lint_file, lint_paths

    copies = runner.PACK_CHARS // len(STORY) + 2
    text = STORY * copies
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    linter = Linter(Config())
    by_paths = lint_paths([str(path)], Config())[0].diagnostics
    by_file = lint_file(linter, str(path)).diagnostics
    by_source = linter.lint_source(text, str(path)).diagnostics
    doc = linter.parse(text, str(path))
    by_document, _ = linter.lint_document(doc, str(path))
    for diags in (by_paths, by_file, by_source, by_document):
        assert type(diags) is list
        assert len(diags) > copies
    assert by_paths == by_file == by_source == by_document
    packed = lint_file(linter, str(path), packed=True).diagnostics
    assert type(packed) is not list and list(packed) == by_file
