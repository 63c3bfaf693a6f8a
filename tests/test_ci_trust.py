"""CI and pre-commit you can trust: the configuration closest to each file, excludes that
hold, nothing checked is not a pass, an exit-code threshold, configuration mistakes as one
clear line, and nothing skipped silently. Each test runs the installed ``newslint`` command
the way a user (or pre-commit, or a CI job) does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

SAID = "The fire was out by dawn, the fire chief said..\n"


def findings(proc):
    assert proc.stdout.strip(), proc.stderr
    return sorted((os.path.normpath(f["filename"]), f["code"]) for f in json.loads(proc.stdout))


def one_line_error(proc, *parts):
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("newslint: error:")]
    assert len(lines) == 1, proc.stderr
    for part in parts:
        assert part in lines[0], proc.stderr


# -- the configuration closest to each file ------------------------------------------------
@pytest.fixture
def desk(tmp_path, story):
    """A newsroom folder: the root config ignores doubled punctuation, archive/ selects only it."""
    (tmp_path / "newslint.toml").write_text('ignore = ["PUN001"]\n')
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "newslint.toml").write_text('select = ["PUN001"]\n')
    story(SAID, "today.txt")
    story(SAID, "archive/old.txt")
    story(SAID, "archive/older.txt")
    return tmp_path


WANT = [("archive/old.txt", "PUN001"), ("archive/older.txt", "PUN001")]


@pytest.mark.parametrize("args", [
    ["."],
    ["today.txt", "archive/old.txt", "archive/older.txt"],
    ["archive/old.txt", "today.txt", "archive/older.txt"],
    ["--jobs", "2", "today.txt", "archive/old.txt", "archive/older.txt"],
    ["--jobs", "2", "archive/older.txt", "today.txt", "archive/old.txt"],
])
def test_closest_config_wins_whatever_the_order(newslint, desk, args):
    proc = newslint("check", "--output-format", "json", "--no-cache", *args, cwd=desk)
    assert findings(proc) == WANT, proc.stderr
    assert proc.returncode == 1


def test_extend_inherits_and_the_closer_file_overrides(newslint, tmp_path, story):
    (tmp_path / "newslint.toml").write_text(
        'select = ["PUN001", "SPC001"]\n[severity]\nPUN001 = "info"\n'
    )
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "newslint.toml").write_text('extend = "../newslint.toml"\nignore = ["SPC001"]\n')
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "newslint.toml").write_text('ignore = ["SPC001"]\n')  # no extend: defaults
    text = "The mayor  said..\n"
    story(text, "wire/a.txt")
    story(text, "local/b.txt")
    proc = newslint("check", "--output-format", "json", "--no-cache", ".", cwd=tmp_path)
    got = {(os.path.normpath(f["filename"]), f["code"], f["severity"]) for f in json.loads(proc.stdout)}
    assert ("wire/a.txt", "PUN001", "info") in got  # inherited select and severity
    assert not any(c == "SPC001" for _, c, _ in got)  # the closer file's ignore
    assert ("local/b.txt", "PUN001", "error") in got  # no extend: the defaults, not the root file
    # --config: that one file for every file, nested ones ignored.
    proc = newslint("check", "--output-format", "json", "--no-cache", "--config", "local/newslint.toml", ".",
                    cwd=tmp_path)
    assert {(os.path.normpath(f["filename"]), f["code"]) for f in json.loads(proc.stdout)} == {
        ("local/b.txt", "PUN001"), ("wire/a.txt", "PUN001")}


@pytest.mark.parametrize("content, message", [
    ('extend = "missing.toml"\n', "missing.toml"),
    ('extend = "newslint.toml"\n', "extends itself"),
    ("extend = 5\n", "`extend` must be a string"),
])
def test_bad_extend_is_one_line(newslint, tmp_path, story, content, message):
    (tmp_path / "newslint.toml").write_text(content)
    proc = newslint("check", story(SAID), cwd=tmp_path)
    one_line_error(proc, message)


def test_lint_paths_uses_the_closest_config(desk):
    from newslint.runner import lint_paths

    results = lint_paths([str(desk / "today.txt"), str(desk / "archive" / "old.txt")])
    got = {os.path.relpath(r.filename, desk): [d.code for d in r.diagnostics] for r in results}
    assert got == {"today.txt": [], "archive/old.txt": ["PUN001"]}


def test_cache_follows_each_files_config(newslint, desk):
    run = lambda: findings(newslint("check", "--output-format", "json", ".", cwd=desk))  # noqa: E731
    assert run() == WANT
    assert run() == WANT  # from the cache
    (desk / "archive" / "newslint.toml").write_text('select = ["PUN001"]\nignore = ["PUN001"]\nextend-select = ["SPC001"]\n')
    (desk / "archive" / "older.txt").write_text("The mayor  said.\n")
    assert run() == [("archive/older.txt", "SPC001")]


# -- excludes that hold ----------------------------------------------------------------------
def test_force_exclude_applies_to_named_files(newslint, tmp_path, story):
    (tmp_path / "newslint.toml").write_text('extend-exclude = ["archive"]\n')
    named = story(SAID, "archive/2019/old.txt")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", named, cwd=tmp_path)
    assert proc.returncode == 1  # named: checked, as before
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", "--force-exclude", named,
                    story(SAID, "today.txt"), cwd=tmp_path)
    assert findings(proc) == [(str(tmp_path / "today.txt"), "PUN001")]
    (tmp_path / "newslint.toml").write_text('extend-exclude = ["archive"]\nforce-exclude = true\n')
    proc = newslint("check", "--select", "PUN001", named, cwd=tmp_path)
    assert proc.returncode == 0 and "No files" not in proc.stdout
    assert "warning: no files to check" in proc.stderr and "All checks passed" not in proc.stdout


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_gitignore_and_ignore_files_are_respected(newslint, tmp_path, story):
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text("drafts/\n*.bak.txt\n")
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / ".gitignore").write_text("!keep.bak.txt\n")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / ".ignore").write_text("captions.txt\n")
    for name in ("a.txt", "drafts/b.txt", "c.bak.txt", "wire/keep.bak.txt", "wire/d.bak.txt",
                 "photos/captions.txt", "photos/e.txt"):
        story(SAID, name)
    args = ("check", "--output-format", "json", "--select", "PUN001", "--no-cache")
    proc = newslint(*args, cwd=tmp_path)
    assert [f for f, _ in findings(proc)] == ["a.txt", "photos/e.txt", "wire/keep.bak.txt"]
    everything = ["a.txt", "c.bak.txt", "drafts/b.txt", "photos/captions.txt", "photos/e.txt",
                  "wire/d.bak.txt", "wire/keep.bak.txt"]
    proc = newslint(*args, "--no-respect-gitignore", cwd=tmp_path)
    assert [f for f, _ in findings(proc)] == everything
    (tmp_path / "newslint.toml").write_text("respect-gitignore = false\n")
    proc = newslint(*args, ".", cwd=tmp_path)
    assert [f for f, _ in findings(proc)] == everything
    # Walked from inside the repository, the root's .gitignore still holds.
    (tmp_path / "newslint.toml").unlink()
    proc = newslint(*args, "--no-cache", ".", cwd=tmp_path / "wire")
    assert [f for f, _ in findings(proc)] == ["keep.bak.txt"]


def test_ignore_file_holds_outside_git_but_gitignore_does_not(newslint, tmp_path, story):
    (tmp_path / ".gitignore").write_text("a.txt\n")
    (tmp_path / ".ignore").write_text("b.txt\n")
    story(SAID, "a.txt")
    story(SAID, "b.txt")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", ".", cwd=tmp_path)
    assert [f for f, _ in findings(proc)] == ["a.txt"]


def test_hooks_pass_text_files_and_force_exclude():
    import yaml  # pre-commit's own dependency
    from identify import identify

    from pathlib import Path

    hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text())
    import re

    for hook in hooks:
        assert "--force-exclude" in hook["entry"]
        files = re.compile(hook.get("files", ""))
        for name in ("a.txt", "b.text", "c.md", "d.markdown", "e.html", "f.htm"):
            tags = identify.tags_from_filename(name) | {"text", "file"}
            assert files.search(name), name
            assert set(hook.get("types", [])) <= tags, name
            assert not hook.get("types_or") or set(hook["types_or"]) & tags, name


# -- nothing checked is not a pass -----------------------------------------------------------
def test_empty_folder_says_so(newslint, tmp_path):
    (tmp_path / "empty").mkdir()
    proc = newslint("check", "empty", cwd=tmp_path)
    assert proc.returncode == 0
    assert "All checks passed" not in proc.stdout
    assert "warning: no files to check in empty" in proc.stderr


def test_folder_of_other_file_types_says_so(newslint, tmp_path, story):
    story("x", "photos/a.jpg")
    story(SAID, "notes/b.txt")
    proc = newslint("check", "--select", "PUN001", "photos", "notes", cwd=tmp_path)
    assert proc.returncode == 1
    assert "warning: no files to check in photos" in proc.stderr
    assert "notes" not in proc.stderr


@pytest.mark.parametrize("args, message", [
    (["--select", ""], "no rules"),
    (["--select", "PUN001", "--ignore", "PUN001"], "no rules"),
])
def test_no_rules_is_an_error(newslint, story, args, message):
    proc = newslint("check", *args, story(SAID))
    one_line_error(proc, message)


# -- the exit-code threshold -----------------------------------------------------------------
def test_fail_on(newslint, story, tmp_path):
    info = story("The mayor left. \n", "info.txt")  # CHR001, info: trailing space
    error = story(SAID, "error.txt")
    base = ("check", "--select", "CHR001,PUN001", "--no-cache")
    assert newslint(*base, info).returncode == 1  # the default: every finding fails
    assert newslint(*base, "--fail-on", "info", info).returncode == 1
    assert newslint(*base, "--fail-on", "warning", info).returncode == 0
    proc = newslint(*base, "--fail-on", "error", info, error)
    assert proc.returncode == 1 and "PUN001" in proc.stdout and "CHR001" in proc.stdout
    (tmp_path / "newslint.toml").write_text('fail-on = "warning"\n[severity]\nPUN001 = "info"\n')
    assert newslint(*base, error, cwd=tmp_path).returncode == 0  # the override counts
    assert newslint(*base, "--fail-on", "info", error, cwd=tmp_path).returncode == 1  # the flag wins
    (tmp_path / "newslint.toml").write_text('fail-on = "fatal"\n')
    one_line_error(newslint(*base, error, cwd=tmp_path), "fail-on")


# -- small ones --------------------------------------------------------------------------------
def test_stdin_filename_reads_stdin(newslint, tmp_path, story):
    story("The other story said..\n", "other.txt")  # not checked: stdin is
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", "--stdin-filename", "piped.md",
                    input="# Title\n\nThe mayor said..\n", cwd=tmp_path)
    assert [(f["filename"], f["location"]["row"]) for f in json.loads(proc.stdout)] == [("piped.md", 3)]


@pytest.mark.parametrize("fmt", ["concise", "json", "github", "sarif"])
def test_statistics_in_machine_formats_go_to_stderr(newslint, story, fmt):
    proc = newslint("check", "--output-format", fmt, "--statistics", "--select", "PUN001", story(SAID + SAID))
    assert proc.returncode == 1
    assert "2  PUN001  [*] doubled-punctuation" in proc.stderr
    assert "2  PUN001" not in proc.stdout
    if fmt in ("json", "sarif"):
        json.loads(proc.stdout)


def test_rules_and_rule_agree_on_default(newslint):
    rows = json.loads(newslint("rules", "--output-format", "json").stdout)
    for row in rows[:3] + [r for r in rows if r["code"] == "NUM001"]:
        one = json.loads(newslint("rule", row["code"], "--output-format", "json").stdout)
        assert row["default"] is one["default"]
        assert isinstance(one["default"], bool)
        assert row["fixable"] == one["fixable"]


def test_diff_header_for_an_absolute_path(newslint, story):
    p = story(SAID)
    proc = newslint("check", "--diff", "--select", "PUN001", p)
    assert proc.returncode == 1
    assert "a//" not in proc.stdout and "b//" not in proc.stdout
    assert f"--- a/{str(p).lstrip('/')}" in proc.stdout


@pytest.mark.parametrize("data", [
    "\ufeffThe fire was out by dawn, the fire chief said..\r\nIt was 5\u00a0km away.\r\n".encode("utf-8"),
    "Caf\u00e9 owners said \u201cno\u201d..\nThe fire chief said..\n".encode("cp1252"),
], ids=["bom-crlf", "cp1252"])
def test_diff_applies_with_git_apply(newslint, tmp_path, data):
    (tmp_path / "s.txt").write_bytes(data)
    git(tmp_path, "init", "-q")
    proc = subprocess.run([shutil.which("newslint") or os.path.join(os.path.dirname(sys.executable), "newslint"),
                           "check", "--diff", "--select", "PUN001", "s.txt"], cwd=tmp_path, capture_output=True)
    assert proc.returncode == 1, proc.stderr
    (tmp_path / "fix.patch").write_bytes(proc.stdout)
    check = subprocess.run(["git", "apply", "--check", "fix.patch"], cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True)
    fixed = (tmp_path / "s.txt").read_bytes()
    assert fixed.count(b"said..") == 0 and fixed.count(b"said.") == data.count(b"said..")
    assert fixed.startswith(data[:3])  # the BOM, or the first bytes, kept


def test_concise_summary_and_fixed_line(newslint, story):
    p = story(SAID + "The mayor said,, she would not run.\n")
    proc = newslint("check", "--output-format", "concise", "--select", "PUN001", p)
    assert proc.stdout.splitlines()[-2:] == ["Found 2 findings.", "[*] 2 fixable with the --fix option."]
    proc = newslint("check", "--output-format", "concise", "--select", "PUN001", "--fix", p)
    assert "Fixed 2 findings (0 remaining)." in proc.stdout
    assert proc.returncode == 0
    proc = newslint("check", "--output-format", "concise", "-q", "--select", "PUN001", story(SAID, "b.txt"))
    assert proc.stdout.count("\n") == 1


def test_reject_without_replacement_is_never_a_safe_fix(newslint, story, tmp_path):
    (tmp_path / "newslint.toml").write_text('[vocabulary]\nreject = ["Kiev"]\n')
    p = story("Officials in Kiev said on Monday.\n")
    proc = newslint("check", "--output-format", "json", "--select", "SPL001", p)
    [f] = json.loads(proc.stdout)
    assert f["fix"] is None or f["fix"]["applicability"] != "safe"
    newslint("check", "--fix", "--select", "SPL001", p)
    assert p.read_text() == "Officials in Kiev said on Monday.\n"


# -- configuration that crashes -----------------------------------------------------------------
@pytest.mark.parametrize("name, data, message", [
    ("newslint.toml", b'select = ["PUN001"]\n# caf\xe9\n', "not valid UTF-8"),
    ("pyproject.toml", b"tool = 5\n", "`tool` must be a table"),
    ("pyproject.toml", b"[tool]\nnewslint = 5\n", "`tool.newslint` must be a table"),
    ("newslint.toml", b"date = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
    ("newslint.toml", b'[vocabulary]\naccept-file = "words.bin"\n', "words.bin"),
])
@pytest.mark.parametrize("how", ["found", "--config"])
def test_configuration_mistakes_are_one_line(newslint, story, tmp_path, name, data, message, how):
    (tmp_path / "words.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\xfa")
    (tmp_path / name).write_bytes(data)
    if how == "found" and name == "pyproject.toml":
        (tmp_path / name).write_bytes(data + b"# [tool.newslint] is mentioned, so it is read\n")
    args = ["--config", name] if how == "--config" else []
    proc = newslint("check", *args, story(SAID), cwd=tmp_path)
    one_line_error(proc, name, message)


def test_symlink_loop_named_on_the_command_line(newslint, tmp_path, story):
    os.symlink("loop", tmp_path / "loop")
    proc = newslint("check", "--select", "PUN001", "loop", story(SAID), cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "loop: symbolic link loop" in proc.stderr
    assert "PUN001" in proc.stdout  # the other file is still reported


# -- silent skips ----------------------------------------------------------------------------------
@pytest.mark.skipif(not shutil.which("setpriv") and os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_reported(newslint, tmp_path, story):
    story(SAID, "open/a.txt")
    story(SAID, "locked/b.txt")
    os.chmod(tmp_path / "locked", 0)
    try:
        cmd = [shutil.which("newslint") or os.path.join(os.path.dirname(sys.executable), "newslint"),
               "check", "--select", "PUN001", "--no-cache", "."]
        if os.geteuid() == 0:  # drop the capabilities that let root read any folder
            cmd = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *cmd]
        proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "NO_COLOR": "1"})
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    assert proc.returncode == 2, proc.stderr
    assert "locked: cannot read folder" in proc.stderr
    assert "All checks passed" not in proc.stdout
    assert "open/a.txt" in proc.stdout


def test_non_utf8_file_names_round_trip_through_json(newslint, tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as fh:
        fh.write(SAID.encode())
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", ".", cwd=tmp_path)
    [f] = json.loads(proc.stdout)
    assert "\ufffd" not in f["filename"]
    assert os.fsencode(f["filename"]) == b"./caf\xe9.txt"
    with open(os.path.join(tmp_path, f["filename"]), "rb") as fh:  # a consumer can open it
        assert fh.read() == SAID.encode()


def test_global_git_ignore_file_is_respected(newslint, tmp_path, story):
    """core.excludesFile (or git's default ~/.config/git/ignore) holds inside a repository, below
    the repository's own files, as git reads it."""
    home = tmp_path / "home"
    (home / ".config" / "git").mkdir(parents=True)
    repo = tmp_path / "desk"
    repo.mkdir()
    git(repo, "init", "-q")
    for name in ("a.txt", "notes.scratch.txt", "drafts/b.txt", "wire/c.txt"):
        story(SAID, f"desk/{name}")
    env = {"HOME": str(home), "XDG_CONFIG_HOME": ""}
    args = ("check", "--output-format", "json", "--select", "PUN001", "--no-cache", ".")
    # git's default global file, with no configuration at all
    (home / ".config" / "git" / "ignore").write_text("*.scratch.txt\n")
    proc = newslint(*args, cwd=repo, env=env)
    assert [f for f, _ in findings(proc)] == ["a.txt", "drafts/b.txt", "wire/c.txt"]
    # core.excludesFile in ~/.gitconfig replaces the default file
    (home / "my-ignores").write_text("drafts/\n")
    (home / ".gitconfig").write_text('[user]\n\tname = Desk\n[core]\n\texcludesFile = ~/my-ignores  # global\n')
    proc = newslint(*args, cwd=repo, env=env)
    assert [f for f, _ in findings(proc)] == ["a.txt", "notes.scratch.txt", "wire/c.txt"]
    # the repository's own .gitignore re-includes what the global file ignores
    (repo / ".gitignore").write_text("!drafts/\n")
    proc = newslint(*args, cwd=repo, env=env)
    assert [f for f, _ in findings(proc)] == ["a.txt", "drafts/b.txt", "notes.scratch.txt", "wire/c.txt"]
    # outside a repository the global file does not hold (git does not read it there)
    outside = tmp_path / "loose"
    story(SAID, "loose/notes.scratch.txt")
    proc = newslint(*args, cwd=outside, env=env)
    assert [f for f, _ in findings(proc)] == ["notes.scratch.txt"]
    assert proc.returncode == 1
    # and --no-respect-gitignore turns it off
    (repo / ".gitignore").unlink()
    proc = newslint(*args, "--no-respect-gitignore", cwd=repo, env=env)
    assert len(findings(proc)) == 4


def test_stdin_filename_is_force_excluded_like_a_named_file(newslint, tmp_path):
    """An editor or hook that pipes a draft in with --stdin-filename and --force-exclude gets
    nothing for an excluded name, and --fix hands the text back unchanged."""
    (tmp_path / "newslint.toml").write_text('extend-exclude = ["drafts"]\n')
    args = ("check", "--force-exclude", "--stdin-filename")
    proc = newslint(*args, "drafts/a.txt", "--output-format", "json", cwd=tmp_path, input=SAID)
    assert (proc.returncode, json.loads(proc.stdout)) == (0, [])
    assert "drafts/a.txt is excluded" in proc.stderr
    proc = newslint(*args, "drafts/a.txt", "--fix", cwd=tmp_path, input=SAID)
    assert (proc.returncode, proc.stdout) == (0, SAID)
    assert "All checks passed" not in proc.stderr
    proc = newslint(*args, "desk/a.txt", "--output-format", "json", cwd=tmp_path, input=SAID)
    assert proc.returncode == 1 and [f["code"] for f in json.loads(proc.stdout)] == ["PUN001"]
    # without --force-exclude the name is checked, as a file named on the command line is
    proc = newslint("check", "--stdin-filename", "drafts/a.txt", "--output-format", "json", cwd=tmp_path, input=SAID)
    assert proc.returncode == 1


def test_only_binary_files_is_no_pass(newslint, tmp_path, story):
    story(b"\x00\x01\x02\xff" * 100, "scan.txt")
    story(b"GIF89a\x00\x00\x01", "photo.txt")
    proc = newslint("check", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 0
    assert "All checks passed" not in proc.stdout
    assert "nothing was checked: every file was skipped" in proc.stderr
    story(SAID, "story.txt")
    proc = newslint("check", "--no-cache", "--select", "PUN001", ".", cwd=tmp_path)
    assert proc.returncode == 1 and "Found 1 finding" in proc.stdout
