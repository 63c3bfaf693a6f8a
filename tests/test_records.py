"""Archives as input: JSON Lines, CSV, TSV and Parquet records checked as stories."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from newslint.check import LinterSpec
from newslint.config import Config
from newslint.diagnostics import Diagnostic, RecordRef
from newslint.archive import sweep
from newslint.records import Record, RecordOptions, read_records
from newslint.reporters.machine import _finding_json

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FORMAT_OF = {".txt": "plain", ".md": "markdown", ".html": "html"}

EXTRA_STORIES = {
    "mayor.txt": 'The mayor said.. "We will appeal," and the the council agreed on Friday, Nov. 21, 2024.\n',
    "quotes.md": "# Vote\n\nOfficials said the  budget was \u201cfinal\" and would recieve approval.\n",
    "clean.txt": "The council met on Tuesday and approved the budget.\n",
    "crlf.txt": "First line here.\r\nThe mayor said,, nothing.\r\n",
}


def stories() -> dict[str, str]:
    out = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.iterdir()) if p.suffix in FORMAT_OF}
    out.update(EXTRA_STORIES)
    return out


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def archive_rows() -> list[dict]:
    return [{"slug": name, "body": text, "kind": FORMAT_OF[Path(name).suffix]} for name, text in stories().items()]


def finding_key(f: dict) -> dict:
    return {k: v for k, v in f.items() if k not in ("filename", "record")}


def check_json(newslint, *args, cwd):
    proc = newslint("check", "--output-format", "json", "--no-cache", *args, cwd=cwd)
    return proc, json.loads(proc.stdout)


# -- the findings of records equal those of the same stories as files ---------------------
def test_records_equal_files(newslint, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    for name, text in stories().items():
        (folder / name).write_bytes(text.encode("utf-8"))
    files_proc, from_files = check_json(newslint, "files", cwd=tmp_path)
    assert files_proc.returncode == 1, files_proc.stderr
    write_jsonl(tmp_path / "archive.jsonl", archive_rows())
    proc, from_records = check_json(newslint, "--text-field", "body", "--id-field", "slug", "--format-field", "kind",
                                    "archive.jsonl", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    by_file: dict[str, list] = {}
    for f in from_files:
        by_file.setdefault(Path(f["filename"]).name, []).append(finding_key(f))
    by_record: dict[str, list] = {}
    for f in from_records:
        assert f["filename"] == "archive.jsonl"
        assert f["record"]["field"] == "body"
        by_record.setdefault(f["record"]["id"], []).append(finding_key(f))
    assert by_record == by_file
    assert len(from_records) >= 15  # the examples alone have 14 findings


def test_records_record_key_names_number_and_line(newslint, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"body": "Clean text."}, {"body": "One.\nThe mayor said.."}])
    proc, found = check_json(newslint, "--text-field", "body", "a.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert [(f["code"], f["record"], f["location"]) for f in found] == [
        ("PUN001", {"id": "2", "number": 2, "line": 2, "field": "body"}, {"row": 2, "column": 15}),
    ]
    (tmp_path / "story.txt").write_text("One.\nThe mayor said..")  # a file's findings: no record key
    _, from_file = check_json(newslint, "story.txt", cwd=tmp_path)
    assert [finding_key(f) for f in from_file] == [finding_key(f) for f in found]
    assert "record" not in from_file[0]


@pytest.mark.parametrize("kind", ["csv", "tsv", "csv.gz", "jsonl.gz", "parquet"])
def test_every_container_gives_the_same_findings(newslint, tmp_path, kind):
    rows = archive_rows()
    write_jsonl(tmp_path / "ref.jsonl", rows)
    _, expected = check_json(newslint, "--text-field", "body", "--id-field", "slug", "--format-field", "kind",
                             "ref.jsonl", cwd=tmp_path)
    name = f"archive.{kind}"
    if kind == "parquet":
        pa = pytest.importorskip("pyarrow")
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), tmp_path / name, row_group_size=2)
    elif kind.endswith("jsonl.gz"):
        (tmp_path / name).write_bytes(gzip.compress((tmp_path / "ref.jsonl").read_bytes()))
    else:
        buf = io.StringIO(newline="")
        w = csv.DictWriter(buf, fieldnames=["slug", "kind", "body"], delimiter="\t" if kind == "tsv" else ",")
        w.writeheader()
        w.writerows(rows)
        data = buf.getvalue().encode("utf-8")
        (tmp_path / name).write_bytes(gzip.compress(data) if kind.endswith(".gz") else data)
    proc, got = check_json(newslint, "--text-field", "body", "--id-field", "slug", "--format-field", "kind",
                           name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert [finding_key(f) | {"id": f["record"]["id"]} for f in got] == [
        finding_key(f) | {"id": f["record"]["id"]} for f in expected]
    if kind == "parquet":
        assert {f["record"]["line"] for f in got} == {None}
    else:  # the line each record starts on (a CSV record spans its story's lines)
        starts = {f["record"]["id"]: f["record"]["line"] for f in got}
        first = stories()["council-vote.md"]
        if kind.startswith("jsonl"):
            assert (starts["council-vote.md"], starts["harbor-fire.txt"]) == (1, 2)
        else:
            assert (starts["council-vote.md"], starts["harbor-fire.txt"]) == (2, 3 + first.count("\n"))


def test_csv_multiline_record_starts_on_its_line(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,body\nx,"one\ntwo\nthree"\ny,"said.."\n', encoding="utf-8")
    got = list(read_records(str(p), RecordOptions("body", "id")))
    assert [(r.ref.id, r.ref.number, r.ref.line) for r in got] == [("x", 1, 2), ("y", 2, 5)]


# -- bad records: one line each, the rest checked, exit 2 ------------------------------------
def test_bad_records_are_one_line_each_and_the_rest_are_checked(newslint, tmp_path):
    (tmp_path / "a.jsonl").write_bytes(
        b'{"id": "a1", "body": "The mayor said.."}\n'
        b'{"id": "a2", "body": \n'                       # broken JSON
        b'{"id": "a3"}\n'                                # no text field
        b'{"id": "a4", "body": 42}\n'                    # not text
        b'["a5"]\n'                                      # not an object
        b'{"body": "No id at all."}\n'                   # no id
        b'{"id": "a7", "body": "x", "kind": "docx"}\n'   # unknown format
        b'{"id": "a8", "body": "\xff\xfe bad bytes"}\n'  # not UTF-8
        b'\n'
        b'{"id": "a10", "body": "It rained,, they said."}\n'
    )
    proc = newslint("check", "--output-format", "json", "--text-field", "body", "--id-field", "id",
                    "--format-field", "kind", "a.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    found = json.loads(proc.stdout)
    assert [(f["record"]["id"], f["code"]) for f in found] == [("a1", "PUN001"), ("a10", "PUN001")]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("newslint: error:")]
    assert [e.split(":")[3] for e in errors] == ["2", "3", "4", "5", "6", "7", "8"]  # a.jsonl:LINE:
    assert "broken JSON" in errors[0] and "no field 'body'" in errors[1] and "not text (int)" in errors[2]
    assert "not a JSON object" in errors[3] and "no usable id" in errors[4] and "'docx'" in errors[5]
    assert "not valid UTF-8" in errors[6]
    assert "Traceback" not in proc.stderr


def test_csv_bad_rows_and_missing_column(newslint, tmp_path):
    (tmp_path / "a.csv").write_bytes(b'id,body\nr1,"said.."\nr2\nr3,"fine"\n')
    proc = newslint("check", "--output-format", "concise", "--text-field", "body", "--id-field", "id",
                    "a.csv", "-q", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == "a.csv[r1]:1:5: PUN001 [doubled-punctuation] Doubled punctuation \"..\"\n"
    assert "newslint: error: a.csv:3: record 2 has no field 'body'" in proc.stderr
    proc = newslint("check", "--text-field", "text", "a.csv", "-q", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "newslint: error: a.csv: no column 'text' (columns: id, body)"


def test_a_file_that_cannot_be_read_does_not_hide_the_others(newslint, tmp_path):
    write_jsonl(tmp_path / "good.jsonl", [{"body": "The mayor said.."}])
    (tmp_path / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"body": "ok"}\n' * 50)[:40])
    proc = newslint("check", "--output-format", "concise", "--text-field", "body", "broken.jsonl.gz",
                    "good.jsonl", "missing.csv", cwd=tmp_path)
    assert proc.returncode == 2
    assert "good.jsonl[1]:1:15: PUN001" in proc.stdout
    assert "broken.jsonl.gz: cannot read on" in proc.stderr
    assert "missing.csv: No such file or directory" in proc.stderr


# -- every output format names the record -----------------------------------------------------
def test_every_output_format_names_the_record(newslint, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"id": "clean", "body": "Fine."}, {"id": "s-7", "body": "Intro.\nThe mayor said.."}])
    args = ("--text-field", "body", "--id-field", "id", "a.jsonl", "--no-cache")
    full = newslint("check", *args, cwd=tmp_path).stdout
    assert "--> a.jsonl[s-7]:2:15" in full and " 2 | The mayor said.." in full
    assert newslint("check", "--output-format", "concise", "-q", *args, cwd=tmp_path).stdout == (
        'a.jsonl[s-7]:2:15: PUN001 [doubled-punctuation] Doubled punctuation ".."\n')
    gh = newslint("check", "--output-format", "github", *args, cwd=tmp_path).stdout
    assert gh == ("::error file=a.jsonl,line=2,title=PUN001 (doubled-punctuation)::"
                  'record s-7, 2:15: Doubled punctuation ".."\n')
    sarif = json.loads(newslint("check", "--output-format", "sarif", *args, cwd=tmp_path).stdout)
    (result,) = sarif["runs"][0]["results"]
    loc = result["locations"][0]
    assert loc["logicalLocations"][0] == {"name": "s-7", "fullyQualifiedName": "a.jsonl[s-7]", "kind": "record"}
    assert loc["physicalLocation"]["region"] == {"startLine": 2}
    assert result["properties"]["record"]["region"] == {"startLine": 2, "startColumn": 15, "endLine": 2,
                                                       "endColumn": 17}
    assert "fixes" not in result  # a record's fix cannot be applied to the archive
    html = newslint("check", "--output-format", "html", *args, cwd=tmp_path).stdout
    assert "a.jsonl[s-7]" in html and "clean" not in html.split("<main>")[1]


def test_json_with_a_record_is_what_json_dumps_writes():
    from newslint.document import Position
    from newslint.diagnostics import Severity

    for rec in (RecordRef("a\"1", 3, 3, "body"), RecordRef("7", 7, None, "text")):
        d = Diagnostic("x.jsonl", "PUN001", "doubled-punctuation", Severity.ERROR, "m", Position(1, 2),
                       Position(1, 3), 1, 2, None, (), "p", rec)
        assert _finding_json(d) == json.dumps(d.to_json(), indent=2, ensure_ascii=False).replace("\n", "\n  ")
        assert d.to_json()["record"] == {"id": rec.id, "number": rec.number, "line": rec.line, "field": rec.field}


# -- options and configuration --------------------------------------------------------------
def test_configuration_keys(newslint, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"n": "x1", "t": "<p>The mayor said..</p>"}])
    (tmp_path / "newslint.toml").write_text('text-field = "t"\nid-field = "n"\nformat = "html"\n')
    proc = newslint("check", "--output-format", "concise", "-q", "a.jsonl", cwd=tmp_path)
    assert proc.stdout == 'a.jsonl[x1]:1:18: PUN001 [doubled-punctuation] Doubled punctuation ".."\n'
    (tmp_path / "newslint.toml").write_text('text-field = 3\n')
    proc = newslint("check", "a.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("`text-field` must be a non-empty string")


@pytest.mark.parametrize("args, message", [
    (("--fix",), "--fix and --diff do not apply to records"),
    (("--diff",), "--fix and --diff do not apply to records"),
    (("--output-dir", "out"), "--output-dir needs --scheduler"),
])
def test_refused_options(newslint, tmp_path, args, message):
    write_jsonl(tmp_path / "a.jsonl", [{"body": "The mayor said.."}])
    before = (tmp_path / "a.jsonl").read_bytes()
    proc = newslint("check", "--text-field", "body", *args, "a.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"newslint: error: {message}" or message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "a.jsonl").read_bytes() == before


def test_id_field_without_text_field_is_an_error(newslint, tmp_path):
    proc = newslint("check", "--id-field", "id", "a.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "newslint: error: --id-field needs --text-field (the field that holds each story's text)"


def test_a_folder_is_walked_for_archives(newslint, tmp_path):
    (tmp_path / "dump").mkdir()
    write_jsonl(tmp_path / "dump" / "b.jsonl", [{"body": "It rained,, they said."}])
    (tmp_path / "dump" / "notes.txt").write_text("The mayor said..\n")  # not a records file
    proc = newslint("check", "--output-format", "concise", "-q", "--text-field", "body", "dump", cwd=tmp_path)
    assert proc.stdout == 'dump/b.jsonl[1]:1:10: PUN001 [doubled-punctuation] Doubled punctuation ",,"\n'


# -- --jobs and streaming -------------------------------------------------------------------
def test_jobs_give_the_same_json(newslint, tmp_path):
    rows = [dict(r, slug=f"{r['slug']}-{i}") for i in range(90) for r in archive_rows()]  # 630 records
    write_jsonl(tmp_path / "a.jsonl", rows)
    args = ("check", "--output-format", "json", "--text-field", "body", "--id-field", "slug", "--format-field",
            "kind", "a.jsonl")
    one = newslint(*args, "--jobs", "1", cwd=tmp_path)
    two = newslint(*args, "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)) > 1000
    assert "checked 630 records in 1 file" in one.stderr and "checked 630 records in 1 file" in two.stderr


def test_reading_is_streamed(tmp_path):
    """Reading a 24 MB archive holds a few records at a time, not the file."""
    body = "The council met on Tuesday and approved the budget. " * 8
    p = tmp_path / "big.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for i in range(50_000):
            fh.write(json.dumps({"id": i, "body": body}) + "\n")
    assert p.stat().st_size > 20_000_000
    tracemalloc.start()
    try:
        n = sum(1 for r in read_records(str(p), RecordOptions("body", "id")) if isinstance(r, Record))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 50_000
    assert peak < 2_000_000


def test_sweep_keeps_no_text_of_clean_records(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"body": "Clean text here."}, {"body": "The mayor said.."}])
    spec = LinterSpec(Config(), None, (), (), None)
    linter = spec.build()
    results = list(sweep(spec, linter, [str(tmp_path / "a.jsonl")], RecordOptions("body")))
    assert [r.source for r in results] == [None, "The mayor said.."]
    assert [r.record.id for r in results] == ["1", "2"]



# -- --baseline and --diff-base on records -------------------------------------------------
def test_baseline_names_the_record_and_hides_only_known_findings(newslint, tmp_path):
    rows = [{"id": "a1", "body": "The mayor said.. It was fine on Friday."},
            {"id": "a2", "body": "It rained,, they said."},
            {"id": "a3", "body": "The council met on Tuesday."}]
    write_jsonl(tmp_path / "a.jsonl", rows)
    args = ("--text-field", "body", "--id-field", "id")
    made = newslint("check", *args, "--baseline", "base.json", "--write-baseline", "a.jsonl", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Recorded 2 findings of 3 records in base.json." in made.stderr
    recorded = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["findings"]
    assert [(f["path"], f["record"], f["code"]) for f in recorded] == [("a.jsonl", "a1", "PUN001"),
                                                                        ("a.jsonl", "a2", "PUN001")]
    # A new record with the very text of a1, a new slip in a2, a clean record that got one;
    # the records are also reordered: a finding is matched by its record's id, not its place.
    rows = [{"id": "a0", "body": "The mayor said.. It was fine on Friday."},
            {"id": "a3", "body": "The council met on Tuesday.."},
            {"id": "a2", "body": "It rained,, they said.\nThen it stopped,, too."},
            {"id": "a1", "body": "The mayor said.. It was fine on Friday."}]
    write_jsonl(tmp_path / "a.jsonl", rows)
    for jobs in ("1", "2"):
        proc = newslint("check", "--output-format", "concise", *args, "--baseline", "base.json", "--jobs", jobs,
                        "a.jsonl", cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        assert proc.stdout.splitlines()[:3] == [
            'a.jsonl[a0]:1:15: PUN001 [doubled-punctuation] Doubled punctuation ".."',
            'a.jsonl[a3]:1:27: PUN001 [doubled-punctuation] Doubled punctuation ".."',
            'a.jsonl[a2]:2:16: PUN001 [doubled-punctuation] Doubled punctuation ",,"',
        ]
        assert proc.stdout.splitlines()[3] == "Found 3 findings."
        assert "newslint: 2 findings in the baseline not shown" in proc.stderr
    # Nothing new: exit 0.
    write_jsonl(tmp_path / "a.jsonl", [rows[3]])
    proc = newslint("check", *args, "--baseline", "base.json", "a.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_baseline_of_records_is_not_written_when_a_record_is_bad(newslint, tmp_path):
    (tmp_path / "a.jsonl").write_text('{"body": "The mayor said.."}\n{"body": \n', encoding="utf-8")
    proc = newslint("check", "--text-field", "body", "--baseline", "base.json", "--write-baseline", "a.jsonl",
                    cwd=tmp_path)
    assert proc.returncode == 2
    assert "a.jsonl:2: record 2: broken JSON" in proc.stderr
    assert "baseline base.json not written" in proc.stderr
    assert not (tmp_path / "base.json").exists()


def test_diff_base_on_records_is_one_clear_error(newslint, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"body": "The mayor said.."}])
    proc = newslint("check", "--text-field", "body", "--diff-base", "HEAD", "a.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == ("newslint: error: --diff-base does not apply to records (git's changed lines are lines "
                           "of the archive file, not of its stories); use --baseline FILE to see only new findings\n")


def test_records_summary_offers_no_fix(newslint, tmp_path):
    """--fix is refused on an archive, so the summary does not offer it."""
    write_jsonl(tmp_path / "wire.jsonl", [{"id": "w1", "body": "The fire was out by dawn, the chief said.."}])
    proc = newslint("check", "--no-cache", "--text-field", "body", "wire.jsonl", cwd=tmp_path)
    assert proc.returncode == 1 and "Found 1 finding." in proc.stdout
    assert "--fix" not in proc.stdout and "--unsafe-fixes" not in proc.stdout
