"""The GitHub Action (``action.yml``): its wiring, and its script run here as the runner
would run it, in a fake workflow environment (a local git repository, an event file, a
``GITHUB_OUTPUT`` file; no network)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "newslint_action.py"


def git(cwd, *args):
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd,
                          check=True, capture_output=True, text=True).stdout.strip()


# -- action.yml -----------------------------------------------------------------------------------
def test_action_yml_is_a_composite_action_wired_to_its_script():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    install, check, upload = steps
    assert "pip install" in install["run"] and "github.action_path" in install["env"]["NEWSLINT_SOURCE"]
    assert "scripts/newslint_action.py" in check["run"] and check["id"] == "check"
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "inputs.sarif == 'true'" in upload["if"]
    # Every input the script reads is declared and passed on; every one passed is declared.
    read = set(re.findall(r'input_(?:value|flag)\("([\w-]+)"', SCRIPT.read_text()))
    passed = {k.removeprefix("INPUT_").lower().replace("_", "-") for k in check["env"]}
    assert read == passed
    assert passed <= set(action["inputs"])
    for name, value in check["env"].items():
        assert value == "${{ inputs.%s }}" % name.removeprefix("INPUT_").lower().replace("_", "-")
    assert set(action["outputs"]) == {"exit-code", "files", "sarif-file"}


# -- the script -----------------------------------------------------------------------------------
BASE_STORY = "The mayor said..\n\nThe council met on Tuesday.\n"


@pytest.fixture
def workflow(tmp_path):
    """A repository with a base commit and a head commit that changes copy and code."""
    repo = tmp_path / "repo"
    (repo / "desk").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "desk" / "old.txt").write_text(BASE_STORY)
    (repo / "desk" / "untouched.txt").write_text("Untouched said..\n")
    (repo / "app.py").write_text("x = 1\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    (repo / "desk" / "old.txt").write_text(BASE_STORY + "\nThe the vote was close.\n")
    (repo / "desk" / "page.md").write_text("# Title\n\nShe said..\n")
    (repo / "app.py").write_text("x = 2\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "head")
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"base": {"sha": base}, "head": {"sha": git(repo, "rev-parse", "HEAD")}}}))
    output = tmp_path / "github_output"
    output.write_text("")

    def run(event_name="pull_request", **inputs):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
        env.update({"GITHUB_EVENT_NAME": event_name, "GITHUB_EVENT_PATH": str(event), "GITHUB_OUTPUT": str(output),
                    "GITHUB_WORKSPACE": str(repo), "NO_COLOR": "1"})
        env.update({"INPUT_" + k.upper(): v for k, v in inputs.items()})
        proc = subprocess.run([sys.executable, str(SCRIPT)], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120)
        outputs = dict(re.findall(r"^([\w-]+)=(.*)$", output.read_text(), re.M))
        files = re.search(r"^files<<NEWSLINT_EOF\n(.*?)\nNEWSLINT_EOF$", output.read_text(), re.M | re.S)
        if files:
            outputs["files"] = files.group(1)
        output.write_text("")
        return proc, outputs

    run.repo, run.base, run.event = repo, base, event
    return run


def annotated(proc):
    return sorted((m[1], m[2]) for m in re.finditer(r"^::(?:error|warning|notice) file=([^,]+),line=(\d+)",
                                                     proc.stdout, re.M))


def test_pull_request_checks_the_changed_copy_with_annotations_and_sarif(workflow):
    proc, outputs = workflow(SARIF="true")
    assert proc.returncode == 1, proc.stderr
    # Changed copy only: not desk/untouched.txt, not app.py.
    assert annotated(proc) == [("desk/old.txt", "1"), ("desk/old.txt", "5"), ("desk/page.md", "3")]
    assert outputs["files"] == "desk/old.txt\ndesk/page.md"
    assert outputs["exit-code"] == "1"
    assert outputs["sarif-file"] == "newslint.sarif"
    log = json.loads((workflow.repo / "newslint.sarif").read_text())
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"desk/old.txt", "desk/page.md"}


def test_changed_lines_only(workflow):
    proc, outputs = workflow(CHANGED_LINES_ONLY="true")
    assert proc.returncode == 1, proc.stderr
    # old.txt's line 1 is as it was; its line 5 and all of the new page.md are new.
    assert annotated(proc) == [("desk/old.txt", "5"), ("desk/page.md", "3")]
    assert "--diff-base " + workflow.base in proc.stderr


def test_paths_given_and_findings_not_failing(workflow):
    proc, outputs = workflow(PATHS="desk/untouched.txt", FAIL_ON_FINDINGS="false", ARGS="--select PUN001")
    assert proc.returncode == 0, proc.stderr
    assert annotated(proc) == [("desk/untouched.txt", "1")]
    assert outputs["files"] == "desk/untouched.txt" and outputs["exit-code"] == "0"
    assert "sarif-file" not in outputs


def test_push_event(workflow):
    workflow.event.write_text(json.dumps({"before": workflow.base}))
    proc, outputs = workflow("push")
    assert proc.returncode == 1
    assert [f for f, _ in annotated(proc)] == ["desk/old.txt", "desk/old.txt", "desk/page.md"]


def test_no_base_commit_checks_everything(workflow):
    """A base the shallow checkout lacks and cannot fetch (no remote here): a notice, then '.'."""
    workflow.event.write_text(json.dumps({"pull_request": {"base": {"sha": "1" * 40}}}))
    proc, outputs = workflow()
    assert proc.returncode == 1
    assert "::notice title=newslint::base commit 111111111111 is not available" in proc.stderr
    assert outputs["files"] == "."
    assert ("desk/untouched.txt", "1") in [(f.removeprefix("./"), n) for f, n in annotated(proc)]


def test_no_changed_copy_is_a_pass_with_an_empty_sarif(workflow):
    git(workflow.repo, "checkout", "-q", "-b", "code-only", workflow.base)
    (workflow.repo / "app.py").write_text("x = 3\n")
    git(workflow.repo, "commit", "-q", "-am", "code only")
    proc, outputs = workflow(SARIF="true")
    assert proc.returncode == 0, proc.stderr
    assert "no changed files to check" in proc.stderr
    assert outputs["exit-code"] == "0" and outputs["files"] == ""
    log = json.loads((workflow.repo / "newslint.sarif").read_text())
    assert log["version"] == "2.1.0" and log["runs"][0]["results"] == []


def test_bad_flag_input_is_one_clear_error(workflow):
    proc, _ = workflow(SARIF="yes")
    assert proc.returncode != 0
    assert "input sarif must be true or false, not 'yes'" in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr
