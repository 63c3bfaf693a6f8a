"""A way into a legacy archive, through the installed command: ``--baseline FILE`` (with
``--write-baseline`` to record today's findings) and ``--diff-base REV`` (only findings on
lines changed since a git revision)."""

from __future__ import annotations

import json
import subprocess

import pytest

OLD = "The mayor said..\n\nThe the council met on Tuesday.\n"


def rows(proc):
    return [(d["code"], d["location"]["row"]) for d in json.loads(proc.stdout)]


# -- --baseline ---------------------------------------------------------------------------------
def test_baseline_hides_recorded_findings_and_shows_new_ones(newslint, tmp_path):
    (tmp_path / "desk").mkdir()
    story = tmp_path / "desk" / "s.txt"
    story.write_text(OLD)
    made = newslint("check", "--baseline", "newslint-baseline.json", "--write-baseline", "desk", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Recorded 2 findings in newslint-baseline.json." in made.stderr
    data = json.loads((tmp_path / "newslint-baseline.json").read_text())
    assert data["version"] == 1
    assert [(f["path"], f["code"]) for f in data["findings"]] == [("desk/s.txt", "PUN001"), ("desk/s.txt", "DUP001")]

    clean = newslint("check", "--baseline", "newslint-baseline.json", "desk", cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "2 findings in the baseline not shown" in clean.stderr

    # New paragraphs above move the old findings down; one new finding among them.
    story.write_text("A new lead paragraph.\n\nShe said,, later.\n\n" + OLD)
    later = newslint("check", "--baseline", "newslint-baseline.json", "--output-format", "json", "desk", cwd=tmp_path)
    assert later.returncode == 1
    assert rows(later) == [("PUN001", 3)]


def test_baseline_counts_identical_findings(newslint, tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("The mayor said..\n")
    assert newslint("check", "--baseline", "b.json", "--write-baseline", "s.txt", cwd=tmp_path).returncode == 0
    story.write_text("The mayor said..\n\nThe mayor said..\n")
    proc = newslint("check", "--baseline", "b.json", "--output-format", "json", "s.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert len(rows(proc)) == 1  # one of the two is recorded, the other is new


def test_baseline_matches_whatever_the_working_folder(newslint, tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "s.txt").write_text(OLD)
    assert newslint("check", "--baseline", "b.json", "--write-baseline", "desk", cwd=tmp_path).returncode == 0
    proc = newslint("check", "--baseline", "../b.json", "s.txt", cwd=tmp_path / "desk")
    assert proc.returncode == 0, proc.stdout


def test_baseline_under_jobs_and_cache(newslint, tmp_path):
    """Workers and cache hits must give the same fingerprints as a plain run."""
    desk = tmp_path / "desk"
    desk.mkdir()
    for i in range(24):
        (desk / f"s{i:02}.txt").write_text(OLD)
    assert newslint("check", "--jobs", "1", "--no-cache", "--baseline", "b.json", "--write-baseline", "desk",
                    cwd=tmp_path).returncode == 0
    for args in (["--jobs", "2"], ["--jobs", "2"], ["--jobs", "1"]):  # the second and third read the cache
        proc = newslint("check", *args, "--baseline", "b.json", "--output-format", "sarif", "desk", cwd=tmp_path)
        assert proc.returncode == 0, (args, proc.stdout[:500], proc.stderr)


@pytest.mark.parametrize("content, message", [
    (None, "baseline missing.json not found (create it with --baseline missing.json --write-baseline)"),
    ("{not json", "cannot read the baseline missing.json"),
    ('{"findings": 3}', "missing.json is not a newslint baseline"),
])
def test_baseline_errors_are_one_line(newslint, tmp_path, content, message):
    (tmp_path / "s.txt").write_text(OLD)
    if content is not None:
        (tmp_path / "missing.json").write_text(content)
    proc = newslint("check", "--baseline", "missing.json", "s.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_write_baseline_needs_a_file(newslint, tmp_path):
    (tmp_path / "s.txt").write_text(OLD)
    proc = newslint("check", "--write-baseline", "s.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "--write-baseline needs --baseline FILE" in proc.stderr


# -- --diff-base --------------------------------------------------------------------------------
def git(cwd, *args):
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd,
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    path = tmp_path / "repo"
    path.mkdir()
    git(path, "init", "-q")
    (path / "desk").mkdir()
    (path / "desk" / "old.txt").write_text(OLD)
    (path / "desk" / "same.txt").write_text("Untouched said..\n")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "old copy")
    return path


def test_diff_base_reports_only_changed_lines(newslint, repo):
    (repo / "desk" / "old.txt").write_text("New lead said..\n\n" + OLD + "\nAnd and a new end.\n")
    (repo / "desk" / "new.txt").write_text("Fresh said..\n")  # not yet tracked: all of it is new
    proc = newslint("check", "--no-cache", "--diff-base", "HEAD", "--output-format", "json", "desk", cwd=repo)
    assert proc.returncode == 1, proc.stderr
    found = sorted((d["filename"].rsplit("/", 1)[1], d["code"], d["location"]["row"]) for d in json.loads(proc.stdout))
    assert found == [("new.txt", "PUN001", 1), ("old.txt", "DUP001", 7), ("old.txt", "PUN001", 1)]
    assert "3 findings on lines unchanged since HEAD not shown" in proc.stderr


def test_diff_base_with_committed_changes_and_a_subfolder(newslint, repo):
    base = git(repo, "rev-parse", "HEAD").strip()
    (repo / "desk" / "old.txt").write_text(OLD.replace("Tuesday", "Tuesday.. and"))
    git(repo, "commit", "-q", "-am", "edit")
    proc = newslint("check", "--no-cache", "--diff-base", base, "--output-format", "json", "old.txt",
                    cwd=repo / "desk")
    # Line 1's finding is old; line 3 changed, so all of its findings count (the old "The the" too).
    assert rows(proc) == [("DUP001", 3), ("PUN001", 3)]
    assert newslint("check", "--no-cache", "--diff-base", "HEAD", "old.txt", cwd=repo / "desk").returncode == 0


@pytest.mark.parametrize("rev, message", [
    ("no-such-branch", "--diff-base: unknown git revision 'no-such-branch'"),
])
def test_diff_base_errors(newslint, repo, tmp_path, rev, message):
    proc = newslint("check", "--no-cache", "--diff-base", rev, "desk", cwd=repo)
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "s.txt").write_text(OLD)
    proc = newslint("check", "--no-cache", "--diff-base", "HEAD", "s.txt", cwd=outside)
    assert proc.returncode == 2
    assert "is not inside a git repository" in proc.stderr


def test_diff_base_with_names_git_quotes(newslint, tmp_path):
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q")
    names = ["a b \u00e9.txt", 'q"uote.txt', "plain.txt"]
    for name in names:
        (repo / name).write_text("Old said..\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "old")
    for name in names:
        (repo / name).write_text("Old said..\nNew said..\n")
    proc = newslint("check", "--no-cache", "--diff-base", "HEAD", "--output-format", "json", ".", cwd=repo)
    found = sorted((d["filename"].removeprefix("./"), d["location"]["row"]) for d in json.loads(proc.stdout))
    assert found == sorted((name, 2) for name in names)
