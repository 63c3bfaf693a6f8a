"""Pieces of an archive (byte ranges of JSON Lines, row-group slices of Parquet) that Dask
workers read themselves: together they hold exactly the records of the whole file, each
once, numbered as a whole-file read numbers them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.records import (
    BadRecord,
    Record,
    RecordOptions,
    RecordsError,
    count_newlines,
    plan_pieces,
    read_piece,
    read_records,
    splittable,
)

OPTIONS = RecordOptions("body", "id")


def _lines() -> bytes:
    """Records of very different lengths, a blank line, a CRLF line, a broken line, a line
    longer than a piece, accents (multi-byte characters a cut may fall inside), no final
    newline."""
    rows = []
    for i in range(60):
        body = ("The council met on Tuesday, the mayor said.. " * (1 + (i * 7) % 23)) + "Café über naïve."
        rows.append(json.dumps({"id": f"s{i}", "body": body}, ensure_ascii=i % 2 == 0).encode())
    rows.insert(5, b"")
    rows.insert(9, b'{"id": "crlf", "body": "It rained,, they said."}\r')
    rows.insert(20, b'{"id": "broken", "body": ')
    rows.insert(30, json.dumps({"id": "long", "body": "Officials said the the budget. " * 400}).encode())
    return b"\n".join(rows)


def _seen(items) -> list[tuple]:
    return [(r.ref.id, r.ref.number, r.ref.line, r.text) if isinstance(r, Record) else ("bad", r.number, r.line, r.message)
            for r in items]


@pytest.mark.parametrize("piece_bytes", [1, 7, 64, 333, 1000, 4096, 1 << 20])
def test_jsonl_pieces_hold_every_record_once(tmp_path, piece_bytes):
    path = tmp_path / "a.jsonl"
    path.write_bytes(_lines())
    whole = _seen(read_records(str(path), OPTIONS))
    pieces = plan_pieces(str(path), OPTIONS, piece_bytes=piece_bytes)
    assert len(pieces) == -(-path.stat().st_size // piece_bytes)
    assert _seen(r for p in pieces for r in read_piece(p, OPTIONS)) == whole
    assert len(whole) == 63 and sum(k == "bad" for k, *_ in whole) == 1


def test_a_piece_that_starts_on_a_line_start(tmp_path):
    path = tmp_path / "a.jsonl"
    first = b'{"id": 1, "body": "One.."}\n'
    path.write_bytes(first + b'{"id": 2, "body": "Two,,"}\n')
    pieces = plan_pieces(str(path), OPTIONS, piece_bytes=len(first))
    assert [[r.ref.id for r in read_piece(p, OPTIONS)] for p in pieces] == [["1"], ["2"]]
    assert [p.first for p in pieces] == [1, 2]


def test_newlines_are_counted_in_a_range(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"a\nb\n\nc")
    assert [count_newlines(str(path), s, e) for s, e in ((0, 6), (0, 2), (2, 5), (5, 6))] == [3, 1, 2, 0]


def test_what_cannot_be_cut():
    assert splittable("a.jsonl") and splittable("s3://b/a.ndjson") and splittable("a.parquet")
    assert not splittable("a.jsonl.gz") and not splittable("a.csv") and not splittable("a.tsv")


def test_a_missing_file_is_a_records_error(tmp_path):
    with pytest.raises(RecordsError, match="cannot read"):
        plan_pieces(str(tmp_path / "gone.jsonl"), OPTIONS)


def test_parquet_pieces_hold_every_row_once(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [{"id": f"r{i}", "body": f"Story {i} said.." if i % 5 else None} for i in range(3000)]
    path = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=1100)
    whole = _seen(read_records(str(path), OPTIONS))
    for piece_rows in (1, 333, 1024, 5000):
        pieces = plan_pieces(str(path), OPTIONS, piece_rows=piece_rows)
        assert len({p.group for p in pieces}) == 3
        assert _seen(r for p in pieces for r in read_piece(p, OPTIONS)) == whole
    assert len(whole) == 3000 and sum(isinstance(r, BadRecord) for r in read_records(str(path), OPTIONS)) == 600


def test_jobs_read_pieces_in_the_workers(tmp_path):
    """``--jobs`` sends pieces to its workers for JSON Lines (and chunks for CSV)."""
    from newslint.archive import _file_jobs
    from newslint.records import Piece

    rows = "".join(json.dumps({"body": f"Story {i} said.. " * 30}) + "\n" for i in range(400))
    (tmp_path / "a.jsonl").write_text(rows, encoding="utf-8")
    (tmp_path / "b.csv").write_text("body\nIt rained,, they said.\n", encoding="utf-8")
    paths = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.csv")]
    jobs = list(_file_jobs(paths, RecordOptions("body"), ("text",), workers=2))
    assert [type(j).__name__ for _, j in jobs] == ["Piece"] * 4 + ["list"]
    assert sum(1 for _, j in jobs if isinstance(j, Piece) for _ in read_piece(j, RecordOptions("body"))) == 400
    assert {type(j).__name__ for _, j in _file_jobs(paths, RecordOptions("body"), ("text",))} == {"list"}


def test_workers_send_counts_of_clean_records():
    from newslint.diagnostics import FileResult
    from newslint.records import compact

    dirty, bad, noted = FileResult("a", errors=["x"]), FileResult("a", errors=["y"]), FileResult("a", notes=["n"])
    clean = FileResult("a")
    assert compact([clean, clean, dirty, clean, bad, noted, clean, clean, clean]) == [2, dirty, 1, bad, noted, 3]
    assert compact([]) == []
