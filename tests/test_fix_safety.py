"""--fix never loses a byte it should keep (issue 19 "Data loss", issue 15 symlinks and cache).

Each test runs the installed command on files in tmp_path, as a user would: wrong-encoding
guesses, edits past the end, a file saved while newslint runs, hard links, owners, read-only
files, symbolic links, fixes that never settle, standard input, temporary files a kill
leaves behind, a FIFO swapped in after the folder walk, and a cache that must not run code.
"""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
import textwrap

import conftest
import pytest

from newslint.config import Config
from newslint.runner import FixMode, Linter, lint_file


def _pack(tmp_path, source, name="fix_pack"):
    return conftest.install_pack(tmp_path, textwrap.dedent(source), name=name, entry="fixpack", version="0.1")


# -- encodings ------------------------------------------------------------------------------
CZECH = "Ťapka said.. that the žluťoučký kůň from Źródło met Šťastný and ďábelská Ťoupalíková.\n"


def test_windows_1250_story_keeps_every_letter(newslint, story):
    # 0x8D (Ť), 0x8F (Ź) and 0x9D (ť) are not Windows-1252: the old reader fell back to
    # latin-1, made them C1 controls, and invisible-character's safe fix deleted them.
    data = CZECH.encode("cp1250")
    p = story(data, name="praha.txt")
    proc = newslint("check", "--fix", "--no-cache", "--select", "CHR001,PUN001,ENC001", p)
    assert "Traceback" not in proc.stderr
    assert p.read_bytes() == CZECH.replace("said..", "said.").encode("cp1250")
    report = newslint("check", "--no-cache", "--output-format", "json", "--select", "ENC001", p)
    [enc] = json.loads(report.stdout)
    assert "cp1250" in enc["message"]


def test_stray_byte_in_a_windows_1252_story_costs_no_quotes(newslint, story):
    text = "\u201cWe\u2019re open,\u201d the caf\u00e9 owner said.. \u20ac5 \u2014 or less\u2026\n"
    data = text.encode("cp1252").replace(b"said", b"sa\x81id")  # one byte cp1252 does not define
    p = story(data, name="cafe.txt")
    newslint("check", "--fix", "--no-cache", "--select", "CHR001,PUN001", p)
    after = p.read_bytes()
    for mark in "\u201c\u2019\u201d\u20ac\u2014\u2026\u00e9":
        assert after.count(mark.encode("cp1252")) == data.count(mark.encode("cp1252")), mark
    assert b"\x81" in after
    assert after == data.replace(b"..", b".")


def test_a_guess_that_makes_control_characters_is_never_fixed(story, monkeypatch):
    import newslint.runner as runner

    monkeypatch.setattr(runner, "_detect", lambda data: None)  # nothing recognises the bytes
    data = b"Caf\x81\x8d said.. yes.\n"
    p = story(data, name="odd.txt")
    linter = Linter(Config(), select=["CHR001", "PUN001"])
    result = lint_file(linter, str(p), FixMode(apply=True))
    assert p.read_bytes() == data
    assert any("not fixed" in e and "encoding is unknown" in e for e in result.errors), result.errors
    assert {d.code for d in result.diagnostics} >= {"PUN001"}


# -- what rules propose ---------------------------------------------------------------------
PAST_THE_END = """
    from newslint import Edit, Finding, Fix, Rule, Severity, Span, hookimpl

    def tail(doc):
        '''## What it does
        Proposes an edit past the end of the text.'''
        n = len(doc.text)
        yield Finding(Span(0, 1), "Wild edit", fix=Fix("Append", (Edit(Span(n + 5, n + 9), "GARBAGE"),)))

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("WLD001", "wild-edit", Severity.WARNING, tail, fixable="safe"))
"""


def test_an_edit_past_the_end_is_the_rules_error_and_writes_nothing(newslint, story, tmp_path):
    env = _pack(tmp_path, PAST_THE_END)
    p = story("The mayor said.. yes.\n", name="a.txt")
    proc = newslint("check", "--fix", "--no-cache", "--select", "WLD001,PUN001", p, env=env)
    assert p.read_text() == "The mayor said. yes.\n"  # PUN001's fix, and nothing appended
    assert "internal error in rule WLD001 (wild-edit)" in proc.stderr
    assert "outside the text" in proc.stderr
    assert proc.returncode == 2


NEVER_SETTLES = """
    from newslint import Edit, Finding, Fix, Rule, Severity, Span, hookimpl

    def flip(doc):
        '''## What it does
        Turns a leading A into B and B into A: never settles.'''
        if doc.text[:1] in ("A", "B"):
            other = "B" if doc.text[0] == "A" else "A"
            yield Finding(Span(0, 1), "Flip", fix=Fix("Flip", (Edit(Span(0, 1), other),)))

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("FLP001", "flip-flop", Severity.WARNING, flip, fixable="safe"))
"""


def test_fixes_that_never_converge_are_reported_and_not_written(newslint, story, tmp_path):
    env = _pack(tmp_path, NEVER_SETTLES)
    p = story("A mayor said.. yes.\n", name="a.txt")
    proc = newslint("check", "--fix", "--no-cache", "--select", "FLP001,PUN001", p, env=env)
    assert "failed to converge" in proc.stderr and "FLP001" in proc.stderr
    assert p.read_text() == "A mayor said.. yes.\n"
    assert proc.returncode == 2


# -- the file on disk -----------------------------------------------------------------------
SAVES_MEANWHILE = """
    from newslint import Finding, Rule, Severity, Span, hookimpl

    def editor(doc):
        '''## What it does
        Stands for a reporter saving the story while newslint runs (test only).'''
        name = doc.metadata.get("filename", "")
        if name.endswith("busy.txt") and "late" not in open(name, encoding="utf-8").read():
            with open(name, "a", encoding="utf-8") as fh:
                fh.write("A late paragraph.\\n")
        return ()

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("EDT001", "editor-saves", Severity.WARNING, editor))
"""


def test_a_story_saved_while_fixing_is_not_overwritten(newslint, story, tmp_path):
    env = _pack(tmp_path, SAVES_MEANWHILE)
    busy = story("The mayor said.. yes.\n", name="busy.txt")
    calm = story("The mayor said.. no.\n", name="calm.txt")
    proc = newslint("check", "--fix", "--no-cache", "--select", "EDT001,PUN001", busy, calm, env=env)
    assert busy.read_text() == "The mayor said.. yes.\nA late paragraph.\n"  # the reporter's save kept
    assert f"{busy}: changed while newslint was checking it; fixes not written" in proc.stderr
    assert calm.read_text() == "The mayor said. no.\n"
    assert proc.returncode == 2


def test_hard_linked_story_is_refused_and_the_link_kept(newslint, story, tmp_path):
    a = story("The mayor said.. yes.\n", name="a.txt")
    b = tmp_path / "b.txt"
    os.link(a, b)
    proc = newslint("check", "--fix", "--no-cache", "--select", "PUN001", a)
    assert "hard links" in proc.stderr and "fixes not written" in proc.stderr
    assert os.stat(a).st_ino == os.stat(b).st_ino
    assert a.read_text() == b.read_text() == "The mayor said.. yes.\n"
    assert proc.returncode == 2


def test_read_only_story_is_refused(newslint, story):
    p = story("The mayor said.. yes.\n", name="locked.txt")
    p.chmod(0o444)
    proc = newslint("check", "--fix", "--no-cache", "--select", "PUN001", p)
    assert f"{p}: is read-only; fixes not written" in proc.stderr
    assert p.read_text() == "The mayor said.. yes.\n"
    assert stat.S_IMODE(p.stat().st_mode) == 0o444
    assert proc.returncode == 2


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_owner_and_group_are_kept(newslint, story):
    p = story("The mayor said.. yes.\n", name="theirs.txt")
    os.chown(p, 4321, 8765)
    p.chmod(0o664)
    proc = newslint("check", "--fix", "--no-cache", "--select", "PUN001", p)
    assert proc.returncode == 0, proc.stderr
    assert p.read_text() == "The mayor said. yes.\n"
    st = p.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 8765, 0o664)


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(newslint, story, tmp_path):
    target = story("The mayor said.. yes.\n", name="real/story.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    proc = newslint("check", "--fix", "--no-cache", "--select", "PUN001", link)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "The mayor said. yes.\n"
    assert [n for n in os.listdir(tmp_path) if n.startswith(".")] == []


# -- standard input --------------------------------------------------------------------------
@pytest.mark.parametrize("data, expected", [
    (b"Caf\xe9 said.. \x93yes\x94.\r\n", b"Caf\xe9 said. \x93yes\x94.\r\n"),  # Windows-1252 stays so
    (b"\xef\xbb\xbfCaf\xc3\xa9 said.. yes.\n", b"\xef\xbb\xbfCaf\xc3\xa9 said. yes.\n"),  # the BOM stays
    (b"\xff\xfe" + "Caf\u00e9 said.. yes.\n".encode("utf-16-le"), b"\xff\xfe" + "Caf\u00e9 said. yes.\n".encode("utf-16-le")),
])
def test_stdin_fix_keeps_the_encoding_and_bom(data, expected):
    proc = subprocess.run([conftest.NEWSLINT, "check", "--fix", "--no-cache", "--select", "PUN001", "-"],
                          input=data, capture_output=True, timeout=120)
    assert proc.stdout == expected, proc.stderr
    assert proc.returncode == 0


def test_stdin_fix_passes_binary_input_through_untouched():
    data = b"GIF89a\x00\x00 said.. \xff"
    proc = subprocess.run([conftest.NEWSLINT, "check", "--fix", "--no-cache", "-"], input=data,
                          capture_output=True, timeout=120)
    assert proc.stdout == data


# -- what a kill leaves behind ---------------------------------------------------------------
def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def test_temp_files_of_a_killed_run_are_removed_by_the_next(newslint, story, tmp_path):
    p = story("The mayor said.. yes.\n", name="story.txt")
    stale = tmp_path / f".story.txt.{_dead_pid()}.k3j9x.newslint-tmp"
    stale.write_text("half a story")
    live = tmp_path / f".story.txt.{os.getpid()}.a8b2c.newslint-tmp"  # another run, still writing
    live.write_text("being written")
    proc = newslint("check", "--no-cache", "--select", "PUN001", p)
    assert proc.returncode == 1
    assert not stale.exists()
    assert live.exists()


def test_a_file_that_became_a_fifo_does_not_hang(story, tmp_path):
    # The walk found a story; by the time it is read, it is a FIFO with no writer.
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    code = (
        "from newslint.config import Config\n"
        "from newslint.runner import Linter, lint_file\n"
        f"r = lint_file(Linter(Config()), {str(fifo)!r})\n"
        "print(r.errors)\n"
    )
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("reading a FIFO blocked")
    assert "is not a regular file" in proc.stdout, proc.stdout + proc.stderr


# -- the cache -------------------------------------------------------------------------------
class _Payload:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_cache_file_runs_no_code(newslint, tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "a.txt").write_text("The mayor said.. yes.\n")
    first = newslint("check", "--output-format", "json", "stories", cwd=tmp_path)
    [cache] = [p for p in (tmp_path / ".newslint_cache").iterdir() if p.name != ".gitignore"]
    marker = tmp_path / "pwned"
    cache.write_bytes(pickle.dumps(_Payload(marker)))  # what a pull request could add
    again = newslint("check", "--output-format", "json", "stories", cwd=tmp_path)
    assert not marker.exists(), "the cache ran code"
    assert again.stdout == first.stdout and again.returncode == first.returncode == 1
    assert "Traceback" not in again.stderr
    assert json.loads(cache.read_text("utf-8"))  # rewritten as JSON


def test_a_cache_entry_of_the_wrong_shape_is_dropped_and_rewritten(newslint, tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "a.txt").write_text("The mayor said.. yes.\n")
    (stories / "b.txt").write_text("The the mayor said.\n")
    first = newslint("check", "--output-format", "json", "stories", cwd=tmp_path)
    [cache] = [p for p in (tmp_path / ".newslint_cache").iterdir() if p.name != ".gitignore"]
    doc = json.loads(cache.read_text("utf-8"))
    [key] = [k for k in doc["entries"] if k.endswith("a.txt")]
    doc["entries"][key][1][0] = [["not", "a", "diagnostic"]]
    cache.write_text(json.dumps(doc), "utf-8")
    again = newslint("check", "--output-format", "json", "stories", cwd=tmp_path)
    assert again.stdout == first.stdout and again.returncode == 1
    assert json.loads(cache.read_text("utf-8"))["entries"][key] != doc["entries"][key]
