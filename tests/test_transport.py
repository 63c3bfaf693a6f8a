"""--jobs workers send each file's result as plain tuples; the parent gets the same result."""

from __future__ import annotations

import pickle

from newslint.config import Config
from newslint.diagnostics import FileResult, RecordRef
from newslint.runner import Linter, lint_file
from newslint.transport import pack, unpack

STORY = (
    "Officals said the the council will recieve the report on Tuesday, the mayor said..\n\n"
    "The  road will reopen in March -- after repairs costing $2m.\n\n"
    "Officals said the the council will recieve the report on Tuesday, the mayor said..\n"
)


def test_a_result_with_fixes_comes_back_equal(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = lint_file(Linter(Config()), str(path))
    result.notes.append("a note")
    result.errors.append("an error")
    assert any(d.fix and d.fix.edits for d in result.diagnostics)
    assert any(d.suggestions for d in result.diagnostics)
    packed = pack(result)
    assert not isinstance(packed, FileResult)  # the plain form, not the objects
    back = unpack(pickle.loads(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)))
    assert back == result
    assert [d.severity for d in back.diagnostics] == [d.severity for d in result.diagnostics]
    assert [type(d.location).__name__ for d in back.diagnostics] == ["Position"] * len(result.diagnostics)


def test_a_result_of_another_shape_travels_as_it_is():
    record = FileResult("archive.jsonl", record=RecordRef("a1", 1, 1, "text"))
    assert pack(record) is record
    assert unpack(record) is record
    assert unpack(("something", "else")) == ("something", "else")
