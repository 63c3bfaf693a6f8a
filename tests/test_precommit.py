"""The pre-commit hooks, run by pre-commit itself against a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))

pytestmark = pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs newslint as a git checkout")


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(cwd, hook, home):
    assert PRE_COMMIT, "pre-commit is a test dependency (pip install -e '.[test]')"
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), hook, "--all-files", "--verbose"],
        cwd=cwd, capture_output=True, text=True, timeout=600,
        env={**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"},
    )


def make_repo(tmp_path):
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "story.txt").write_text("The fire was out by dawn, the fire chief said..\n")
    (repo / "notes.md").write_text("# Budget\n\nThe council approved the budget.\n")
    (repo / "newslint.toml").write_text('select = ["PUN001"]\n')
    git(repo, "add", ".")
    return repo


def test_hook_reports_and_fix_hook_fixes(tmp_path, pre_commit_home):
    repo = make_repo(tmp_path)
    proc = try_repo(repo, "newslint", pre_commit_home)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "PUN001" in proc.stdout and "story.txt:1:46" in proc.stdout
    proc = try_repo(repo, "newslint-fix", pre_commit_home)
    assert (repo / "story.txt").read_text() == "The fire was out by dawn, the fire chief said.\n"
    git(repo, "add", ".")
    proc = try_repo(repo, "newslint", pre_commit_home)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hook_gives_each_folder_its_config_and_keeps_excluded_folders_out(tmp_path, pre_commit_home):
    """pre-commit names every file (in batches, in any order): each file still gets the
    configuration closest to it, `extend-exclude` holds for named files (--force-exclude),
    and `*.text` stories are passed to the hook too."""
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "newslint.toml").write_text('select = ["PUN001"]\nextend-exclude = ["drafts"]\n')
    (repo / "story.txt").write_text("The fire was out by dawn,  the fire chief said..\n")
    (repo / "archive").mkdir()
    (repo / "archive" / "newslint.toml").write_text('extend = "../newslint.toml"\nextend-select = ["SPC001"]\n')
    (repo / "archive" / "old.text").write_text("The mayor  said..\n")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "draft.txt").write_text("Not ready, the editor said..\n")
    git(repo, "add", ".")
    proc = try_repo(repo, "newslint", pre_commit_home)
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    lines = out.splitlines()
    found = sorted({(lines[i].split()[0], lines[i + 1].split("-->")[1].strip().rsplit(":", 2)[0])
                    for i in range(len(lines) - 1) if lines[i + 1].strip().startswith("-->")})
    assert found == [("PUN001", "archive/old.text"), ("PUN001", "story.txt"), ("SPC001", "archive/old.text")], out
    assert "drafts" not in out
