"""Output for CI systems, through the installed command: SARIF that GitHub code scanning
accepts (checked against the official SARIF 2.1.0 schema), workflow annotations, JUnit XML
and GitLab Code Quality JSON."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

STORY = "The mayor said..\n\nThe the council met on Tuesday.\n"
# A quotation opened on one line and closed (with the other kind of mark) on the next.
MULTILINE = '"We won the vote,\nshe said.\u201d Then.\n'


def git_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    return path


def sarif_of(newslint, *args, cwd):
    proc = newslint("check", "--no-cache", "--output-format", "sarif", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


# -- SARIF ------------------------------------------------------------------------------------
def test_sarif_validates_against_the_official_schema(newslint, tmp_path):
    repo = git_repo(tmp_path / "repo")
    (repo / "desk").mkdir()
    (repo / "desk" / "mayor.txt").write_text(STORY + MULTILINE)
    (repo / "desk" / "page.md").write_text("# Title\n\nShe said..\n")
    log = sarif_of(newslint, "desk", cwd=repo)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    assert len(run["results"]) >= 3
    # What GitHub needs beyond the schema to keep everything: short full descriptions and
    # fingerprints of its own form (hash:occurrence).
    assert all(len(r["fullDescription"]["text"]) <= 1024 for r in run["tool"]["driver"]["rules"])
    assert all(":" in r["partialFingerprints"]["primaryLocationLineHash"] for r in run["results"])


def test_sarif_full_descriptions_fit_github_and_help_keeps_the_doc(newslint, tmp_path):
    log = sarif_of(newslint, str(git_repo(tmp_path / "r")), cwd=tmp_path / "r")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) > 20
    longest_help = max(len(r["help"]["markdown"]) for r in rules)
    assert longest_help > 1024  # there are long docs to shorten
    for rule in rules:
        full = rule["fullDescription"]["text"]
        assert 0 < len(full) <= 1024, rule["id"]
        assert "## " not in full
        assert rule["help"]["markdown"].startswith("## What it does")


def test_sarif_paths_are_relative_to_the_repository_root(newslint, tmp_path):
    repo = git_repo(tmp_path / "repo")
    sub = repo / "desk" / "metro"
    sub.mkdir(parents=True)
    (sub / "mayor.txt").write_text(STORY)
    log = sarif_of(newslint, "mayor.txt", cwd=sub)  # run from a sub-folder, as a workflow step may
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "desk/metro/mayor.txt", "uriBaseId": "%SRCROOT%"}


def test_sarif_fingerprints_are_stable_across_runs_and_line_moves(newslint, tmp_path):
    repo = git_repo(tmp_path / "repo")
    story = repo / "s.txt"
    story.write_text(STORY + "\nThe mayor said..\n")  # the same finding twice: told apart
    first = sarif_of(newslint, "s.txt", cwd=repo)["runs"][0]["results"]
    again = sarif_of(newslint, "s.txt", cwd=repo)["runs"][0]["results"]
    story.write_text("A new first paragraph.\n\nAnd a second one.\n\n" + STORY + "\nThe mayor said..\n")
    moved = sarif_of(newslint, "s.txt", cwd=repo)["runs"][0]["results"]

    def prints(results):
        return [(r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"]) for r in results]

    assert prints(first) == prints(again)
    assert prints(first) == prints(moved)
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] != \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in first]
    hashes = [h for _, h in prints(first)]
    assert len(set(hashes)) == len(hashes)  # the two identical findings differ (":1", ":2")
    pun = [h for code, h in prints(first) if code == "PUN001"]
    assert [h.rsplit(":", 1)[1] for h in pun] == ["1", "2"]
    assert pun[0].rsplit(":", 1)[0] == pun[1].rsplit(":", 1)[0]


# -- GitHub workflow annotations ----------------------------------------------------------------
def test_github_annotations_leave_out_columns_on_findings_that_span_lines(newslint, story):
    path = story(MULTILINE)
    proc = newslint("check", "--no-cache", "--select", "QUO002", "--output-format", "github", path)
    assert proc.returncode == 1
    [line] = proc.stdout.splitlines()
    assert line.startswith(f"::warning file={path},line=1,endLine=2,title=QUO002 (unbalanced-quotes)::")
    assert "col=" not in line and "endColumn=" not in line

    single = newslint("check", "--no-cache", "--select", "PUN001", "--output-format", "github", story(STORY, "b.txt"))
    assert ",line=1,col=15,endLine=1,endColumn=17," in single.stdout


def test_github_annotates_file_level_errors(newslint, story, tmp_path):
    good = story(STORY)
    missing = tmp_path / "gone.txt"
    proc = newslint("check", "--no-cache", "--output-format", "github", good, missing)
    assert proc.returncode == 2
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error file=" + str(missing))]
    assert len(errors) == 1
    assert "No such file" in errors[0]
    assert f"::error file={good},line=1," in proc.stdout  # the other file's findings are still there


# -- JUnit and GitLab ----------------------------------------------------------------------------
def test_junit(newslint, story, tmp_path):
    path = story(STORY)
    proc = newslint("check", "--no-cache", "--output-format", "junit", path, tmp_path / "gone.txt")
    assert proc.returncode == 2
    root = ET.fromstring(proc.stdout)
    assert root.tag == "testsuites"
    assert root.get("failures") == "2" and root.get("errors") == "1"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    cases = suites[str(path)].findall("testcase")
    assert [c.get("name") for c in cases] == ["PUN001 (doubled-punctuation)", "DUP001 (repeated-word)"]
    assert cases[0].get("line") == "1"
    assert cases[0].find("failure").get("message") == 'Doubled punctuation ".."'
    assert suites[str(tmp_path / "gone.txt")].find("testcase/error") is not None


def test_junit_clean_run_is_an_empty_report(newslint, story):
    proc = newslint("check", "--no-cache", "--output-format", "junit", story("All is well.\n"))
    assert proc.returncode == 0
    root = ET.fromstring(proc.stdout)
    assert root.get("tests") == "0" and list(root) == []


def test_gitlab_code_quality(newslint, tmp_path):
    (tmp_path / "desk").mkdir()
    story = tmp_path / "desk" / "s.txt"
    story.write_text(STORY + "\nThe mayor said..\n")
    proc = newslint("check", "--no-cache", "--output-format", "gitlab", "desk", cwd=tmp_path)
    assert proc.returncode == 1
    issues = json.loads(proc.stdout)
    assert [i["check_name"] for i in issues] == ["PUN001", "DUP001", "PUN001"]
    first = issues[0]
    assert first["description"] == 'PUN001 Doubled punctuation ".."'
    assert first["severity"] == "major"
    assert first["location"] == {"path": "desk/s.txt", "positions": {"begin": {"line": 1, "column": 15},
                                                                     "end": {"line": 1, "column": 17}}}
    assert len({i["fingerprint"] for i in issues}) == 3
    story.write_text("New lead.\n\n" + STORY + "\nThe mayor said..\n")
    moved = json.loads(newslint("check", "--no-cache", "--output-format", "gitlab", "desk", cwd=tmp_path).stdout)
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    assert moved[0]["location"]["positions"]["begin"]["line"] == 3


@pytest.mark.parametrize("fmt", ["junit", "gitlab"])
def test_listed_in_help(newslint, fmt):
    assert fmt in newslint("check", "--help").stdout
