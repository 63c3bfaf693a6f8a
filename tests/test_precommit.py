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
