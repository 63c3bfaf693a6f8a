"""Shared fixtures: lint text through the API, and run the installed ``newslint`` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.runner import lint_text

NEWSLINT = shutil.which("newslint", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))


@pytest.fixture
def lint():
    """``lint(text, select=[...], format="text", config=Config(...))`` -> diagnostics."""

    def run(text, select=None, format="text", config=None, ignore=()):
        return lint_text(text, format=format, config=config or Config(), select=select, ignore=ignore)

    return run


@pytest.fixture
def newslint():
    """Run the installed ``newslint`` command: ``newslint("check", path, cwd=..., input=...)``."""
    if NEWSLINT is None:
        pytest.fail("the newslint command is not installed (pip install -e '.[test]')")

    def run(*args, cwd=None, input=None, env=None):
        full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **(env or {})}
        full_env.pop("FORCE_COLOR", None)
        return subprocess.run(
            [NEWSLINT, *map(str, args)], cwd=cwd, input=input, capture_output=True, text=True,
            env=full_env, timeout=120,
        )

    return run


@pytest.fixture
def story(tmp_path):
    """Write a story file: ``story("text", name="a.txt")`` -> its path (bytes written as given)."""

    def write(content, name="story.txt", encoding="utf-8"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_bytes(content.encode(encoding))
        return p

    return write


def install_pack(tmp_path, source, name="newsroom_pack", entry="newsroom", version="1.2.3"):
    """Install a rule pack as a third party would: a module and a dist-info with a ``newslint``
    entry point, on a folder the returned environment puts on PYTHONPATH."""
    site = tmp_path / "site"
    site.mkdir()
    (site / f"{name}.py").write_text(source)
    dist = site / f"{name}-{version}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (dist / "entry_points.txt").write_text(f"[newslint]\n{entry} = {name}\n")
    return {"PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", "")}


# -- processes (for the tests that kill newslint or its workers; Linux /proc) --------------
def children(pid: int) -> list[int]:
    """The process ids whose parent is ``pid``."""
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(entry))
    return kids


def running(pid: int) -> bool:
    """Whether ``pid`` is alive (not gone, not a zombie)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def wait_for(condition, limit: float = 60.0, poll: float = 0.05) -> bool:
    """Poll ``condition`` until it holds (True) or ``limit`` seconds pass (False)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(poll)
    return False
