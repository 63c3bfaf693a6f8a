"""The ``newslint`` command as a user runs it: exit codes, output formats, stdin, fixes."""

from __future__ import annotations

import json
import os
import stat

import pytest

SAID = "Two people were hurt in the fire, the regional administration said..\n"
CLEAN = "Two people were hurt in the fire, the regional administration said.\n"


def codes(proc):
    return [(f["code"], f["location"]["row"], f["location"]["column"]) for f in json.loads(proc.stdout)]


def test_exit_codes(newslint, story):
    bad = story(SAID, "bad.txt")
    good = story(CLEAN, "good.txt")
    assert newslint("check", good, "--select", "PUN001").returncode == 0
    proc = newslint("check", bad, "--select", "PUN001")
    assert proc.returncode == 1
    assert newslint("check", bad, "--select", "PUN001", "--exit-zero").returncode == 0
    proc = newslint("check", bad, "--select", "NOPE999")
    assert proc.returncode == 2
    assert "unknown rule" in proc.stderr and "Traceback" not in proc.stderr
    proc = newslint("check", "--output-format", "xml", bad)
    assert proc.returncode == 2 and "unknown output format 'xml'" in proc.stderr
    proc = newslint("check", "--frobnicate")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_missing_path_is_an_error_but_others_are_reported(newslint, story, tmp_path):
    bad = story(SAID, "bad.txt")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", tmp_path / "nope.txt", bad)
    assert proc.returncode == 2
    assert "nope.txt: No such file or directory" in proc.stderr
    assert codes(proc) == [("PUN001", 1, 67)]


def test_json_contract(newslint, story):
    bad = story(SAID, "bad.txt")
    proc = newslint("check", "--output-format", "json", "--select", "doubled-punctuation", bad)
    (item,) = json.loads(proc.stdout)
    assert item["filename"] == str(bad)
    assert item["code"] == "PUN001" and item["name"] == "doubled-punctuation"
    assert item["severity"] == "error"
    assert item["location"] == {"row": 1, "column": 67}
    assert item["end_location"] == {"row": 1, "column": 69}
    assert item["fix"]["applicability"] == "safe"
    assert item["fix"]["message"] == 'Remove the extra "."'
    assert item["fix"]["edits"] == [
        {"content": "", "location": {"row": 1, "column": 68}, "end_location": {"row": 1, "column": 69}}
    ]
    assert isinstance(item["message"], str) and isinstance(item["suggestions"], list)


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "sarif", "github"])
def test_every_output_format(newslint, story, fmt):
    bad = story(SAID, "bad.txt")
    proc = newslint("check", "--output-format", fmt, "--select", "PUN001", bad)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    if fmt == "json":
        assert json.loads(out)[0]["code"] == "PUN001"
    elif fmt == "sarif":
        sarif = json.loads(out)
        assert sarif["version"] == "2.1.0"
        result = sarif["runs"][0]["results"][0]
        assert result["ruleId"] == "PUN001"
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    elif fmt == "github":
        assert out.startswith("::error file=")
        assert "line=1,col=67" in out and "title=PUN001" in out
    elif fmt == "concise":
        assert out.splitlines()[0] == f"{bad}:1:67: PUN001 [doubled-punctuation] Doubled punctuation \"..\""
        assert out.splitlines()[1:] == ["Found 1 finding.", "[*] 1 fixable with the --fix option."]
    else:
        assert "PUN001 [*] Doubled punctuation" in out
        assert f"{bad}:1:67" in out
        assert "^^" in out
        assert 'help: Remove the extra "."' in out
    assert "\x1b[" not in out  # no colour codes when piped


def test_stdin(newslint):
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", "-", input=SAID)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)[0]["filename"] == "-"
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", "--stdin-filename",
                    "story.txt", "-", input=SAID)
    assert json.loads(proc.stdout)[0]["filename"] == "story.txt"


def test_stdin_fix_prints_fixed_text(newslint):
    proc = newslint("check", "--fix", "--select", "PUN001", "--output-format", "concise", "-", input=SAID)
    assert proc.stdout == CLEAN
    assert proc.returncode == 0


def test_fix_keeps_crlf_and_non_ascii(newslint, story):
    text = "Zelenskyy’s office said..\r\nCafé owners agreed,, officials said.\r\n"
    p = story(text, "crlf.txt")
    proc = newslint("check", "--fix", "--select", "PUN001", "--output-format", "concise", p)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert p.read_bytes() == "Zelenskyy’s office said.\r\nCafé owners agreed, officials said.\r\n".encode()
    before = p.read_bytes()
    proc = newslint("check", "--fix", "--select", "PUN001", p)
    assert p.read_bytes() == before  # a second --fix changes nothing
    assert proc.returncode == 0


def test_fix_keeps_bom_encoding_and_mode(newslint, story):
    p = story(b"\xef\xbb\xbfCaf\xc3\xa9 said..\n", "bom.txt")
    os.chmod(p, 0o640)
    newslint("check", "--fix", "--select", "PUN001", p)
    assert p.read_bytes() == b"\xef\xbb\xbfCaf\xc3\xa9 said.\n"
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    legacy = story(b"Caf\xe9 owners said..\r\n", "legacy.txt")
    newslint("check", "--fix", "--select", "PUN001", legacy)
    assert legacy.read_bytes() == b"Caf\xe9 owners said.\r\n"


def test_diff_changes_nothing(newslint, story):
    text = "Officials said..\r\nCafé owners agreed.\r\n"
    p = story(text, "d.txt")
    import subprocess

    from conftest import NEWSLINT as NEWSLINT_BIN

    proc = subprocess.run([NEWSLINT_BIN, "check", "--diff", "--select", "PUN001", str(p)], capture_output=True)
    assert proc.returncode == 1
    assert b"-Officials said..\r\n" in proc.stdout and b"+Officials said.\r\n" in proc.stdout
    assert p.read_bytes() == text.encode()
    clean = story(CLEAN, "clean.txt")
    assert newslint("check", "--diff", "--select", "PUN001", clean).returncode == 0


def test_unsafe_fixes_need_fix(newslint, story):
    proc = newslint("check", "--unsafe-fixes", story(SAID))
    assert proc.returncode == 2 and "--unsafe-fixes needs --fix or --diff" in proc.stderr


def test_select_ignore_by_code_name_prefix(newslint, story):
    p = story(SAID)
    assert codes(newslint("check", "--output-format", "json", "--select", "PUN", p)) == [("PUN001", 1, 67)]
    assert codes(newslint("check", "--output-format", "json", "--select", "PUN", "--ignore",
                          "doubled-punctuation", p)) == []
    assert codes(newslint("check", "--output-format", "json", "--select", "ENC001",
                          "--extend-select", "PUN001", p)) == [("PUN001", 1, 67)]


def test_folder_walk_skips_hidden_and_unknown(newslint, tmp_path, story):
    story(SAID, "a/one.txt")
    story(SAID, "a/.hidden/two.txt")
    story(SAID, ".git/three.txt")
    story(SAID, "a/notes.csv")
    story(SAID, "node_modules/x.txt")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", ".", cwd=tmp_path)
    assert sorted({f["filename"] for f in json.loads(proc.stdout)}) == [os.path.join(".", "a", "one.txt")]


def test_binary_and_directory_and_empty(newslint, story, tmp_path):
    story(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image.txt")
    story("", "empty.txt")
    story(SAID, "real.txt")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", tmp_path)
    assert proc.returncode == 1
    assert "binary file skipped" in proc.stderr
    assert [f["filename"].endswith("real.txt") for f in json.loads(proc.stdout)] == [True]


def test_rules_and_rule_commands(newslint):
    proc = newslint("rules")
    assert proc.returncode == 0 and "PUN001" in proc.stdout and "doubled-punctuation" in proc.stdout
    rows = json.loads(newslint("rules", "--output-format", "json").stdout)
    assert {"code", "name", "default", "severity", "fixable"} <= set(rows[0])
    proc = newslint("rule", "doubled-punctuation")
    assert proc.returncode == 0 and "## What it does" in proc.stdout and "PUN001" in proc.stdout
    assert newslint("rule", "PUN001").stdout == proc.stdout
    proc = newslint("rule", "no-such-rule")
    assert proc.returncode == 2 and "unknown rule 'no-such-rule'" in proc.stderr


def test_version(newslint):
    proc = newslint("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("newslint ")


def test_python_dash_m(story):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "linter", "check", "--select", "PUN001", "--output-format",
                           "concise", str(story(SAID))], capture_output=True, text=True)
    assert proc.returncode == 1 and "PUN001" in proc.stdout


def test_statistics(newslint, story):
    p = story(SAID + "Turnout rose,, officials said.\n")
    proc = newslint("check", "--statistics", "--select", "PUN001", p)
    assert proc.returncode == 1
    assert "2" in proc.stdout and "doubled-punctuation" in proc.stdout
