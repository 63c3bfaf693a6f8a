"""A ``--jobs`` run loads the built-in rules' data once, before it forks its workers.

Each forked worker starts with the word lists and tables already loaded (shared with the
parent page by page) instead of loading its own copy on its first file; a plugin's rule
never runs in the parent, where its crash would stop the whole check.
"""

from __future__ import annotations

import json
import multiprocessing
import textwrap

import conftest
import pytest

pytestmark = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                                reason="only forked workers inherit what the parent loaded")

# A rule that notes, for each story it is given, the process it runs in and whether the
# spelling dictionary was already loaded there when it started on that story.
WITNESS = textwrap.dedent(
    '''
    """Notes where it runs and what was loaded there."""
    import os

    from newslint import Rule, Severity, hookimpl

    def witness(doc):
        """## What it does
        Writes one line per story: process id, dictionary loaded (1) or not (0)."""
        from newslint.rules.spelling.lexicon import lexicon

        loaded = lexicon.cache_info().currsize
        with open(os.environ["WITNESS_LOG"], "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {loaded}\\n")
        return ()

    @hookimpl
    def newslint_register_rules(register):
        # Rules run in the order of their codes: AAA001 runs first on each story, so it sees
        # what its worker held before the built-in rules ran on the story.
        register(Rule("AAA001", "witness", Severity.WARNING, witness))
    '''
)


def _stories(folder, n):
    folder.mkdir()
    for i in range(n):
        (folder / f"story{i:02d}.txt").write_text(
            f"Story {i}: the mayor said the the vote on Tuesday was close, officals said.\n", encoding="utf-8")


def test_forked_workers_start_with_the_data_and_plugins_never_run_in_the_parent(newslint, tmp_path):
    env = conftest.install_pack(tmp_path, WITNESS, name="witness_pack", entry="witness", version="0.1")
    log = tmp_path / "witness.log"
    env["WITNESS_LOG"] = str(log)
    _stories(tmp_path / "stories", 20)
    proc = newslint("check", "--no-cache", "--output-format", "json", "--jobs", "2", "--extend-select", "AAA001",
                    "stories", cwd=tmp_path, env=env)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    rows = [line.split() for line in log.read_text().splitlines()]
    assert len(rows) == 20  # once per story, in the workers
    workers = {pid for pid, _ in rows}
    assert len(workers) == 2
    # Every worker had the dictionary before its first story: nothing was loaded per worker.
    assert all(loaded == "1" for _, loaded in rows), rows
    # The findings are those of a run without workers.
    alone = newslint("check", "--no-cache", "--output-format", "json", "--jobs", "1", "stories", cwd=tmp_path)
    found = [f for f in json.loads(proc.stdout) if f["code"] != "AAA001"]
    assert found == json.loads(alone.stdout)
