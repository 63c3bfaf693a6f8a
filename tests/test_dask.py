"""Sweeps on Dask (the ``dask`` extra): a LocalCluster on loopback, started here, gives
exactly what a one-process run gives; a worker with other rule packs is a clear error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from conftest import install_pack  # noqa: E402
from test_records import archive_rows, write_jsonl  # noqa: E402

# The scheduler's HTTP endpoint on a free loopback port, not the default 8787.
NO_HTTP_PORT = {"dashboard_address": "127.0.0.1:0"}

PACK = '''
from newslint import Finding, Rule, Severity, Span, hookimpl

def house_kyiv(doc):
    """## What it does
    Flags "Kiev".

    ## Why is this bad?
    House style.

    ## Example
    ```text
    Kiev.
    ```

    ## Use instead
    ```text
    Kyiv.
    ```
    """
    i = doc.text.find("Kiev")
    if i >= 0:
        yield Finding(Span(i, i + 4), "House style is Kyiv")

@hookimpl
def newslint_register_rules(register):
    register(Rule("HSE001", "house-kyiv", Severity.WARNING, house_kyiv))
'''


@pytest.fixture(scope="module")
def cluster():
    """Two one-thread worker processes on loopback, for the whole module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40, scheduler_kwargs=NO_HTTP_PORT) as c:
        yield c


def many_rows(copies: int = 200) -> list[dict]:
    """1,400 records (three Dask tasks of 512): the examples and a few more, renamed."""
    return [dict(r, slug=f"{r['slug']}-{i}") for i in range(copies) for r in archive_rows()]


def test_two_workers_give_exactly_the_json_of_one_process(newslint, tmp_path, cluster):
    path = write_jsonl(tmp_path / "archive.jsonl", many_rows())
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"slug": "broken", "body": \n')
        fh.write(json.dumps({"slug": "late", "body": "It rained,, they said.", "kind": "plain"}) + "\n")
    args = ("check", "--output-format", "json", "--text-field", "body", "--id-field", "slug", "--format-field",
            "kind", "archive.jsonl")
    one = newslint(*args, "--jobs", "1", cwd=tmp_path)
    on_dask = newslint(*args, "--scheduler", cluster.scheduler_address, cwd=tmp_path)
    assert one.returncode == on_dask.returncode == 2  # one broken line
    assert on_dask.stdout == one.stdout
    found = json.loads(on_dask.stdout)
    assert len(found) > 2000 and found[-1]["record"]["id"] == "late"
    assert "archive.jsonl:1401: record 1401: broken JSON" in on_dask.stderr


def test_local_scheduler_option(newslint, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"body": "The mayor said.."}, {"body": "Fine."}, {"body": "It rained,, then."}])
    proc = newslint("check", "--output-format", "concise", "-q", "--text-field", "body", "--scheduler", "local:1",
                    "a.jsonl", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ('a.jsonl[1]:1:15: PUN001 [doubled-punctuation] Doubled punctuation ".."\n'
                           'a.jsonl[3]:1:10: PUN001 [doubled-punctuation] Doubled punctuation ",,"\n')


@pytest.mark.parametrize("scheduler, message, fields", [
    ("local:x", "expected local:N", ("--text-field", "body")),
    ("somewhere", "expected local:N or a scheduler address", ("--text-field", "body")),
    ("local:1", "--scheduler needs --text-field", ()),
])
def test_bad_scheduler_is_one_line(newslint, tmp_path, scheduler, message, fields):
    write_jsonl(tmp_path / "a.jsonl", [{"body": "x"}])
    proc = newslint("check", *fields, "--scheduler", scheduler, "a.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_a_worker_with_other_rule_packs_is_an_error(newslint, tmp_path):
    env = install_pack(tmp_path, PACK)
    write_jsonl(tmp_path / "a.jsonl", [{"body": "Officials in Kiev said.."}])
    # A worker "machine" with the pack installed: a `dask worker` process started with it on
    # its path, joining a scheduler on loopback that has no workers of its own.
    dask_cli = Path(sys.executable).with_name("dask")
    with distributed.LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address=None,
                                  silence_logs=40, scheduler_kwargs=NO_HTTP_PORT) as c:
        worker = subprocess.Popen([str(dask_cli), "worker", c.scheduler_address, "--nthreads", "1", "--host",
                                   "127.0.0.1", "--no-dashboard", "--no-nanny"],
                                  env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with distributed.Client(c) as client:
                client.wait_for_workers(1, timeout=120)
            _check_mismatch(newslint, tmp_path, c, env)
        finally:
            worker.terminate()
            worker.wait(timeout=60)


def _check_mismatch(newslint, tmp_path, c, env):
    proc = newslint("check", "--text-field", "body", "--scheduler", c.scheduler_address, "a.jsonl",
                    cwd=tmp_path)
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("newslint: error: Dask worker tcp://127.0.0.1:")
    assert "plugin 'newsroom': newsroom_pack==1.2.3 there, not installed here" in line
    assert "rules only there: HSE001" in line
    assert proc.stdout == ""
    # The same pack on the client: the packs match and the pack's rule runs on the worker.
    proc = newslint("check", "--output-format", "concise", "--text-field", "body", "--scheduler",
                    c.scheduler_address, "a.jsonl", cwd=tmp_path, env=env)
    assert proc.returncode == 1, proc.stderr
    assert "a.jsonl[1]:1:14: HSE001 [house-kyiv] House style is Kyiv" in proc.stdout


@pytest.mark.parametrize("target", ["out", "out.parquet"])
def test_output_dir_writes_partitioned_findings(newslint, tmp_path, cluster, target):
    if target.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    write_jsonl(tmp_path / "archive.jsonl", many_rows(160))  # 1,120 records: pieces the workers read
    args = ("--text-field", "body", "--id-field", "slug", "--format-field", "kind", "archive.jsonl")
    expected = json.loads(newslint("check", "--output-format", "json", *args, cwd=tmp_path).stdout)
    proc = newslint("check", *args, "--scheduler", cluster.scheduler_address, "--output-dir", target, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    parts = sorted((tmp_path / target).iterdir())
    assert len(parts) > 2
    assert f"wrote {len(expected)} findings in {len(parts)} parts to {target}" in proc.stderr
    assert [p.name for p in parts] == [f"part-{i:05d}.{'parquet' if 'parquet' in target else 'jsonl'}"
                                       for i in range(len(parts))]
    if target.endswith(".parquet"):
        import pyarrow.parquet as pq

        got = [json.loads(f) for p in parts for f in pq.read_table(p).column("finding").to_pylist()]
    else:
        got = [json.loads(line) for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert got == expected


def test_lint_bag_and_lint_dataframe_match_the_command(newslint, tmp_path, cluster):
    import dask.bag as db

    from newslint.dask import lint_bag, lint_dataframe, write_findings

    rows = many_rows(3)
    write_jsonl(tmp_path / "a.jsonl", rows)
    expected = json.loads(newslint("check", "--output-format", "json", "--text-field", "body", "--id-field", "slug",
                                   "--format-field", "kind", "a.jsonl", cwd=tmp_path).stdout)
    key = [(f["record"]["id"], f["code"], f["location"]["row"], f["location"]["column"], f["message"])
           for f in expected]
    with distributed.Client(cluster):
        # A bag of JSON lines read from a URL (a local path here), as db.read_text gives it.
        lines = db.read_text(str(tmp_path / "a.jsonl"), blocksize=2000)
        assert lines.npartitions > 1
        bag = lint_bag(lines, text_field="body", id_field="slug", format_field="kind", name="a.jsonl")
        found = bag.compute()
        assert [(f["record"]["id"], f["code"], f["location"]["row"], f["location"]["column"], f["message"])
                for f in found] == key
        assert all(f["filename"] == "a.jsonl" and set(expected[0]) <= set(f) for f in found)
        write_findings(bag, str(tmp_path / "bag-out"))
        written = [json.loads(x) for p in sorted((tmp_path / "bag-out").iterdir()) for x in p.read_text().splitlines()]
        assert written == found

        import dask.dataframe as dd
        import pandas as pd

        frame = dd.from_pandas(pd.DataFrame(rows).set_index("slug"), npartitions=3)
        df = lint_dataframe(frame, text_field="body", format_field="kind").compute()
        assert sorted((r.record_id, r.code, r.row, r.column, r.message) for r in df.itertuples()) == sorted(key)
        assert [json.loads(x) for x in df["finding"]][0]["record"]["id"] == df["record_id"].iloc[0]


def test_lint_bag_reports_bad_records_and_takes_plain_texts(cluster):
    import dask.bag as db

    from newslint.dask import lint_bag

    with distributed.Client(cluster):
        got = lint_bag(db.from_sequence(['{"body": "The mayor said.."}', "{oops", '{"body": 3}'], npartitions=1),
                       text_field="body").compute()
        assert [f.get("code") or f["error"] for f in got] == [
            "PUN001",
            got[1]["error"],
            "<bag>:3: record 3: field 'body' is not text (int)".replace("<bag>:3:", "<bag>[0:3]:"),
        ]
        assert got[1]["error"].startswith("<bag>[0:2]: broken JSON")
        plain = lint_bag(db.from_sequence(["It rained,, they said.", "Fine."], npartitions=2), text_field=None).compute()
        assert [(f["record"]["id"], f["code"]) for f in plain] == [("0:1", "PUN001")]


def test_rule_pack_comparison_names_what_differs():
    from newslint.dask import RulePackMismatch, check_rule_packs, rule_packs

    here = rule_packs()
    check_rule_packs(here, dict(here), "w1")  # the same: no error
    there = {**here, "newslint": "9.9", "rules": [*here["rules"], "XYZ001 xyz pack"]}
    with pytest.raises(RulePackMismatch, match=r"Dask worker w1 .*newslint 9\.9 there.*rules only there: XYZ001"):
        check_rule_packs(here, there, "w1")


def test_newslint_imports_no_dask(tmp_path):
    import subprocess
    import sys

    code = ("import sys, newslint, newslint.records, newslint.check, newslint.reporters; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow', 'pandas', 'fsspec')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert out.stdout.strip() == "[]", out.stderr


def test_the_workers_read_pieces_of_json_lines_themselves(tmp_path, cluster):
    """The driver sends the workers pieces (byte ranges they read and count themselves) of
    a JSON Lines file, not its records; a CSV cannot be cut and is left to the driver."""
    from newslint.dask import _plan
    from newslint.records import RecordOptions

    path = write_jsonl(tmp_path / "a.jsonl", many_rows(60))  # 420 records, about 175 KB: three pieces
    (tmp_path / "b.csv").write_text("body\nIt rained,, they said.\n", encoding="utf-8")
    with distributed.Client(cluster) as client:
        plans = _plan(client, [str(path), str(tmp_path / "b.csv"), str(tmp_path / "gone.jsonl")],
                      RecordOptions("body"), 2)
    pieces = plans[str(path)]
    assert len(pieces) == 3 and [p.first for p in pieces][0] == 1 and pieces[-1].end == path.stat().st_size
    lines = path.read_bytes().split(b"\n")
    assert all(p.url == str(path) for p in pieces)  # absolute: the workers' folder is not ours
    assert pieces[1].first == 1 + path.read_bytes()[:pieces[1].start].count(b"\n") and len(lines) > 420
    assert str(tmp_path / "b.csv") not in plans
    assert "gone.jsonl: cannot read" in plans[str(tmp_path / "gone.jsonl")].errors[0]


def test_a_worker_that_does_not_see_the_file_leaves_it_to_the_driver(tmp_path):
    """A local path on a worker on another machine may be missing there or be another file:
    the worker says so (None) and the driver reads that file and sends its records."""
    from newslint.dask import _count

    path = write_jsonl(tmp_path / "a.jsonl", many_rows(2))
    size = path.stat().st_size
    assert _count(str(path), 0, size, size) == 14
    assert _count(str(path), 0, size, size + 1) is None  # a file of that name, but not this one
    assert _count(str(tmp_path / "gone.jsonl"), 0, 10, 10) is None
