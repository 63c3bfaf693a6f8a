"""A long file's report: its findings come packed (each made when read) and its source lines
are cut out one at a time; every format must write exactly what the lists gave."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newslint.reporters.full as full
import newslint.runner as runner
from newslint import Config
from newslint.plugins import load_engine
from newslint.reporters import ReportContext
from newslint.runner import Linter

STORY = """Council Votes To Close Library\r
\r
The council voted on Tuesday to close the library.. The the decision, taken after a\r
two-hour meeting, angered residents who said they had not been consulted.\r
\r
"We were never asked," said Mary O'Brien, who has used the library for 30 years. 'It's a disgrace.'\r
\r
The council said the building would cost £2m (€2.3m) to repair , and that a 800m-long\r
walk to the next branch was "not unreasonable".\r
\r
READ MORE: Libraries across the county face cuts\r
"""


@given(st.text(alphabet="ab\r\n\t", max_size=40))
def test_source_lines_are_the_lines_split_gives(source):
    lines = full.SourceLines(source)
    split = full.LINE_BREAK.split(source)
    assert len(lines) == len(split)
    assert list(lines) == split
    assert lines[-1] == split[-1] and lines[:2] == split[:2]
    with pytest.raises(IndexError):
        lines[len(split)]


def _report(fmt: str, text: str, **kw) -> str:
    engine = load_engine()
    linter = Linter(Config(), engine=engine)
    result = linter.lint_source(text, "archive.txt")
    buf = io.StringIO()
    engine.reporters[fmt].write([result], buf, ReportContext(rules=engine.rules, width=100, version="9", **kw))
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "github", "sarif", "junit", "gitlab", "html"])
def test_every_format_writes_a_packed_report_as_the_list(monkeypatch, fmt):
    text = STORY * 4
    plain = _report(fmt, text)
    plain_stats = _report(fmt, text, statistics=True)
    assert "PUN001" in plain
    monkeypatch.setattr(runner, "PACK_CHARS", 0)  # packed, as a 20 MB file's
    monkeypatch.setattr(runner, "PACK_CHUNK", 3)
    monkeypatch.setattr(full, "LAZY_LINES_CHARS", 0)  # lines cut out one at a time
    assert _report(fmt, text) == plain
    assert _report(fmt, text, statistics=True) == plain_stats


@pytest.mark.parametrize("text", [STORY * 3, "A clean line.\n", ""])
def test_sarif_written_result_by_result_is_the_log_json_writes(monkeypatch, text):
    import json

    from newslint.diagnostics import FileResult, Severity
    from newslint.reporters import sarif

    engine = load_engine()
    linter = Linter(Config(), engine=engine)
    result = linter.lint_source(text, "archive.txt")
    if result.diagnostics:  # and a finding of a rule the RuleSet does not hold
        d = result.diagnostics[0]
        from dataclasses import replace

        result.diagnostics.insert(1, replace(d, code="ZZZ001", name="plugin-gone", severity=Severity.INFO))
    results = [result, FileResult("unread.txt", errors=["unread.txt: cannot read"])]
    ctx = ReportContext(rules=engine.rules, width=100, version="9")
    expected = json.dumps(sarif.sarif_log(results, ctx), indent=2, ensure_ascii=False) + "\n"
    monkeypatch.setattr(sarif, "RESULTS_CHUNK", 2)
    buf = io.StringIO()
    sarif.write_sarif(results, buf, ctx)
    assert buf.getvalue() == expected
    assert ('"ZZZ001"' in expected) == bool(result.diagnostics)


def test_a_fix_of_many_edits_is_written_a_piece_at_a_time_as_json_writes_it(monkeypatch):
    import json

    from newslint.diagnostics import Applicability, Diagnostic, FileResult, Severity, SourceEdit, SourceFix
    from newslint.document import Position
    from newslint.reporters import machine

    edits = tuple(SourceEdit(i, i + 1, "\u201c" if i % 2 else '"edits": []', Position(1, i + 1), Position(1, i + 2))
                  for i in range(5))
    big = Diagnostic("story.txt", "QUO001", "quote-style", Severity.WARNING, 'Mixed "edits": [] quotes',
                     Position(1, 1), Position(1, 2), 0, 1, SourceFix("Use curly quotes", Applicability.SAFE, edits),
                     ("a",), "tests")
    small = Diagnostic("story.txt", "PUN001", "doubled-punctuation", Severity.ERROR, "Doubled period",
                       Position(2, 1), Position(2, 3), 10, 12, None, (), "tests")
    results = [FileResult("story.txt", [small, big, small])]
    expected = json.dumps([d.to_json() for d in results[0].diagnostics], indent=2, ensure_ascii=False) + "\n"
    for chunk in (1, 2, 4, 1000):
        monkeypatch.setattr(machine, "JSON_CHUNK", chunk)
        buf = io.StringIO()
        machine.write_json(results, buf, None)
        assert buf.getvalue() == expected
