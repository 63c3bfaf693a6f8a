"""Inline suppression, through the installed command: same-line directives (comment and
plain-text forms), a warning for a suppression that silences nothing, and a warning for
text that looks like a directive but is not one."""

from __future__ import annotations

import json

import pytest


def found(proc):
    return [(d["code"], d["location"]["row"]) for d in json.loads(proc.stdout)]


def check(newslint, path, *args):
    return newslint("check", "--no-cache", "--output-format", "json", *args, path)


def warnings(proc):
    return [line.removeprefix("newslint: warning: ") for line in proc.stderr.splitlines()
            if line.startswith("newslint: warning: ")]


# -- same-line suppression --------------------------------------------------------------------
@pytest.mark.parametrize("name, content", [
    ("plain.txt", "The mayor said.. newslint: disable-line=PUN001\nThe chief said..\n"),
    ("plain.txt", "The mayor said..\tnewslint: disable-line=doubled-punctuation, repeated-word\nThe chief said..\n"),
    ("plain.txt", "The mayor said.. newslint: disable-line\nThe chief said..\n"),
    ("comment.txt", "The mayor said.. <!-- newslint: disable-line=PUN001 -->\nThe chief said..\n"),
    ("page.md", "The mayor said.. <!-- newslint: disable-line=PUN001 -->\n\nThe chief said..\n"),
    ("page.html", "<p>The mayor said.. <!-- newslint: disable-line=PUN001 --></p>\n<p>The chief said..</p>\n"),
])
def test_disable_line_silences_its_own_line_only(newslint, story, name, content):
    proc = check(newslint, story(content, name), "--select", "PUN001")
    assert proc.returncode == 1, proc.stderr
    assert [code for code, _ in found(proc)] == ["PUN001"]
    assert found(proc)[0][1] in (2, 3)  # the next story line (Markdown has a blank line between)
    assert warnings(proc) == []


def test_plain_disable_line_text_is_not_linted_and_fix_keeps_it(newslint, story):
    # Only at the end of a line, after a space: quoted inside a sentence it is prose (line 3).
    path = story("The the mayor said. newslint: disable-line=PUN001\nShe said..\n"
                 'The tool reads "newslint: disable-line" at the end of a line. He said..\n')
    proc = check(newslint, path)
    # The directive itself (an unknown word "newslint", say) is not checked; the rest of its line is.
    assert found(proc) == [("DUP001", 1), ("PUN001", 2), ("PUN001", 3)]
    assert warnings(proc) == ["%s:1: unused suppression: 'disable-line' of 'PUN001' silenced nothing" % path]
    fixed = newslint("check", "--no-cache", "--fix", path)
    assert path.read_text().splitlines()[:2] == ["The mayor said. newslint: disable-line=PUN001", "She said."]


# -- unused suppressions (ruff's RUF100) --------------------------------------------------------
def test_unused_suppressions_are_warnings_not_errors(newslint, story):
    path = story(
        "newslint: disable-next-line=PUN001\n"
        "Nothing doubled here.\n"
        "newslint: disable-next-line=PUN001\n"
        "The mayor said..\n"
        "<!-- newslint: disable=repeated-word -->\n"
        "Clean text all the way.\n"
        "<!-- newslint: enable=repeated-word -->\n"
        "Also clean. newslint: disable-line\n"
        "newslint: disable-next-line=misspelling\n"  # a rule that did not run: not judged
        "Nothing doubled here either.\n"
    )
    proc = check(newslint, path, "--select", "PUN001,DUP001")
    assert proc.returncode == 0, proc.stdout + proc.stderr  # warnings do not change the exit code
    assert found(proc) == []
    assert warnings(proc) == [
        f"{path}:1: unused suppression: 'disable-next-line' of 'PUN001' silenced nothing",
        f"{path}:5: unused suppression: 'disable' of 'repeated-word' silenced nothing",
        f"{path}:8: unused suppression: 'disable-line' of every rule silenced nothing",
    ]
    quiet = newslint("check", "--no-cache", "--quiet", "--select", "PUN001,DUP001", path)
    assert "warning" not in quiet.stderr


def test_unused_warning_survives_the_cache(newslint, story, tmp_path):
    path = story("Fine text. newslint: disable-line=PUN001\n")
    for _ in range(2):  # the second run reads the cache
        proc = newslint("check", "--output-format", "json", "--select", "PUN001", path.name, cwd=tmp_path)
        assert proc.returncode == 0
        assert warnings(proc) == ["story.txt:1: unused suppression: 'disable-line' of 'PUN001' silenced nothing"]


# -- misspelled directives ----------------------------------------------------------------------
@pytest.mark.parametrize("name, directive, text, verb", [
    ("s.txt", "newslint: disabel=PUN001", "newslint: disabel=PUN001", "disable"),
    ("s.txt", "newslint disable", "newslint disable", "disable"),
    ("s.txt", "newslint: disable-nextline=PUN001", "newslint: disable-nextline=PUN001", "disable-next-line"),
    ("s.md", "<!-- newslint: disabel=PUN001 -->", "newslint: disabel=PUN001", "disable"),
    ("s.md", "<!-- newslint disable-next-line=PUN001 -->", "newslint disable-next-line=PUN001", "disable-next-line"),
    ("s.html", "<!-- newslint: enabel -->", "newslint: enabel", "enable"),
])
def test_misspelled_directive_is_a_warning(newslint, story, name, directive, text, verb):
    prose = "We ran newslint disable checks on the copy.\nnewslint found no errors.\nThe newslint: tool\n"
    if name.endswith(".html"):
        prose = "<p>" + prose.replace("\n", "</p>\n<p>") + "</p>\n"
    path = story(f"{directive}\n\nThe mayor said..\n\n{prose}", name)
    proc = check(newslint, path, "--select", "PUN001")
    assert proc.returncode == 1
    assert found(proc) == [("PUN001", 3)]  # ignored: nothing was silenced
    assert warnings(proc) == [f"{path}:1: not a newslint directive, ignored: {text!r} (did you mean 'newslint: {verb}'?)"]


def test_many_misspelled_directives_are_listed_up_to_twenty(newslint, story):
    path = story("".join(f"Line {n}.\nnewslint: disabel=PUN001\n" for n in range(30)) + "The mayor said..\n")
    proc = check(newslint, path, "--select", "PUN001")
    assert found(proc) == [("PUN001", 61)]
    lines = warnings(proc)
    assert len(lines) == 21
    assert all("not a newslint directive" in line for line in lines[:20])
    assert lines[20] == f"{path}:42: more text like a newslint directive from here on; not listed"


def test_a_clean_story_with_an_unused_suppression_was_checked(newslint, story):
    """A story whose only output is the note about an unused directive was checked: the
    full report says so, not that every file was skipped (as it does for a binary file)."""
    path = story("The council met on Tuesday.\n\n<!-- newslint: disable=mixed-quotes -->\n\n"
                 "The mayor said the budget was fine.\n", "story.md")
    proc = newslint("check", "--isolated", "--no-cache", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All checks passed!" in proc.stdout
    assert "nothing was checked" not in proc.stderr
    assert "unused suppression" in proc.stderr
    binary = path.parent / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    proc = newslint("check", "--isolated", "--no-cache", binary)
    assert "nothing was checked: every file was skipped" in proc.stderr
    assert "All checks passed!" not in proc.stdout
