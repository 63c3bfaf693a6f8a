"""Robustness: every built-in rule on arbitrary text, and files that are odd in every way.

Property tests (hypothesis) run ALL built-in rules, default-off ones included, over arbitrary
Unicode mixed with news-like tokens in the three formats, and check: no rule crashes, every
diagnostic and edit lies inside the source, one pass of fixes never applies overlapping edits
nor touches text outside them, and the ``--fix`` loop is idempotent.

File tests go through the installed command: binary, legacy-encoded, BOM, CRLF/CR, empty,
unreadable and missing files, FIFOs, a crashing plugin rule, and ``--fix`` writing back.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import stat
import subprocess
import sys
import textwrap

import conftest
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.diagnostics import Applicability, Diagnostic, SourceFix
from newslint.fixes import apply_fixes
from newslint.plugins import load_engine
from newslint.runner import FixMode, Linter

# -- the engine with every built-in rule on ------------------------------------------------


@functools.lru_cache(maxsize=None)
def all_rules_linter(dated: bool) -> Linter:
    engine = load_engine(entry_points=False)
    codes = [r.code for r in engine.rules]
    return Linter(Config(), engine=engine, select=codes, date=dt.date(2024, 11, 22) if dated else None)


def test_all_rules_really_are_selected():
    linter = all_rules_linter(False)
    codes = {r.code for r in linter.engine.rules}
    assert linter.enabled == codes
    assert len(linter.rules_for("story.txt")) == len(codes)


# -- strategies ----------------------------------------------------------------------------
WORDS = (
    "the", "The", "the the", "said", "siad", "council", "Council", "mayor", "Kyiv", "Kiev", "colour", "color",
    "organise", "organize", "percent", "per cent", "%", "mph", "km", "kilometers", "miles", "feet", "ft",
    "lbs", "kg", "°F", "°C", "degrees", "million", "billion", "$", "£", "€", "Monday", "Tuesday", "Friday",
    "Sunday", "Jan.", "January", "Feb.", "Sept.", "September", "Nov.", "Dec.", "May", "2024", "2025",
    "1999", "1,000", "3.5", "12", "0", "1st", "22nd", "31", "29", "a.m.", "p.m.", "Mr.", "Dr.", "U.S.",
    "e.g.", "i.e.", "No.", "St.", "Inc.", "http://example.com/a..b", "www.example.org", "@reporter",
    "#news", "Advertisement", "Photo:", "(AP)", "Getty Images", "Read more", "Share this", "Ã©", "â€™",
    "â€œ", "Â", "don't", "it’s", "rock ’n’ roll", "’90s", "O'Brien", "Hal\u00e9h", "Zo\u0308e",
    "ﬁre", "１２", "٣", "ß", "İstanbul", "𝔘nicode", "👍🏽", "🇺🇸",
)
MARKUP = (
    "**", "*", "_", "`", "```", "# ", "## ", "> ", "- ", "* ", "1. ", "---\n", "![alt text](x.png)",
    "[link](http://x.example)", "<b>", "</b>", "<p>", "</p>", "<br>", "<h1>", "</h1>", "<img alt=\"A dog\">",
    "<figcaption>", "</figcaption>", "<script>x..y</script>", "<!-- c -->", "&amp;", "&nbsp;", "&#8217;",
    "&ldquo;", "&bogus;", "&#xZZ;", "<", ">", "&", "---\ntitle: x\ndate: 2024-11-21\n---\n",
    "<!-- newslint: disable-next-line=doubled-punctuation -->", "newslint: disable=spacing",
    "newslint: disable-next-line=no-such-rule",
)
PHRASES = (
    "on Tuesday, Nov. 12, 2024", "on Friday, Nov. 22", "Thursday, March 14, 2025", "Sept. 31", "Feb. 29, 2023",
    "12 miles (5 kilometers)", "5 feet (2 meters)", "100 km (62 miles)", "30 mph", "50 per cent", "50%",
    "three percent", "$5 million", "5 million dollars", "10 a.m.", "10am", "10:30 p.m.", "1990s", "1990's",
    "said.. ", "said,, ", "he said.", " - ", " -- ", "1-2", "2010-2014", "Smith said", "Smyth said",
    "the the", "is is", "Advertisement\n", "Photo: Getty Images\n", "Caption here\n\nCaption here\n",
    "“Quote,” she said.", "\"Quote,\" he said.", "‘single’", "it's", "Kyiv and Kiev", "colour and color",
    "4 p.m. Tuesday", "Jan 5th", "5 Jan 2024", "2024-11-21", "11/21/2024", "twenty five", "No. 1", "...",
)
PUNCT = tuple('.,;:!?"\'“”‘’…—–-()[]/') + ("..", ",,", ";;", "--", "...", ". . .", "?!", "!!", "''", "``")
SPACES = (" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u00a0", "\u200b", "\u200d",
          "\ufeff", "\u2009", "\u202f", "\u2028", "\u00ad", "\x0b", "\x0c", "\x85")

token = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(PUNCT),
    st.sampled_from(SPACES),
    st.sampled_from(SPACES),
    st.sampled_from(MARKUP),
    st.integers(min_value=-5, max_value=3_000_000).map(str),
    st.text(max_size=4),
)
news_text = st.one_of(st.lists(token, max_size=60).map("".join), st.lists(token, max_size=60).map(" ".join))
arbitrary = st.one_of(news_text, news_text, st.text(max_size=200))
FORMAT_FILES = {"text": "story.txt", "markdown": "story.md", "html": "story.html"}
formats = st.sampled_from(sorted(FORMAT_FILES))

# NEWSLINT_FUZZ_EXAMPLES=5000 for a longer hunt; CI keeps the default.
EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LINE_BREAK = regex.compile(r"\r\n|\r|\n")


def _position(source: str, offset: int) -> tuple[int, int]:
    """An independent row/column: lines end at CRLF, CR or LF; columns count characters."""
    row, start = 1, 0
    for m in LINE_BREAK.finditer(source, 0, offset):
        if m.end() > offset:
            break
        row, start = row + 1, m.end()
    return row, offset - start + 1


DIRECTIVE_ERROR = regex.compile(r"^\S+:\d+: unknown rule '.*' in a newslint directive$")


def _crashes(errors: list[str]) -> list[str]:
    """Errors other than the expected one for a directive naming an unknown rule."""
    return [e for e in errors if not DIRECTIVE_ERROR.match(e)]


def _overlap(a, b) -> bool:
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def _check_diagnostic(src: str, d: Diagnostic) -> None:
    assert 0 <= d.start <= d.end <= len(src), (d.code, d.start, d.end, len(src))
    assert (d.location.row, d.location.column) == _position(src, d.start), d
    assert (d.end_location.row, d.end_location.column) == _position(src, d.end), d
    assert d.message.strip(), d.code
    if d.fix is not None:
        # A fix with no edits is one that would edit markup: shown, never applied.
        assert d.fix.edits or d.fix.applicability.value == "display-only", d.code
        for e in d.fix.edits:
            assert 0 <= e.start <= e.end <= len(src), (d.code, e)
            assert (e.location.row, e.location.column) == _position(src, e.start), (d.code, e)
        edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
        for i, a in enumerate(edits):
            for b in edits[i + 1:]:
                assert not _overlap(a, b), f"{d.code}: one fix has overlapping edits {a} {b} in {src!r}"


def _accepted(src: str, fixes: list[SourceFix]) -> list:
    """The edits apply_fixes is documented to accept: fixes by first edit, left to right; a fix
    that overlaps itself or an accepted edit is refused whole."""
    accepted: list = []
    for fix in sorted(fixes, key=lambda f: min((e.start for e in f.edits), default=0)):
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if not edits or any(e.start < 0 or e.end > len(src) or e.end < e.start for e in edits):
            continue
        if any(_overlap(x, y) for i, x in enumerate(edits) for y in edits[i + 1:]):
            continue
        if any(_overlap(x, y) for x in edits for y in accepted):
            continue
        accepted.extend(edits)
    return sorted(accepted, key=lambda e: (e.start, e.end))


# -- properties ----------------------------------------------------------------------------
@SETTINGS
@given(src=arbitrary, fmt=formats, dated=st.booleans())
def test_every_rule_survives_arbitrary_text(src, fmt, dated):
    result = all_rules_linter(dated).lint_source(src, FORMAT_FILES[fmt], format_name=fmt)
    assert _crashes(result.errors) == [], f"{result.errors} on {src!r} ({fmt})"
    for d in result.diagnostics:
        _check_diagnostic(src, d)
    assert result.diagnostics == sorted(result.diagnostics, key=Diagnostic.sort_key)


@SETTINGS
@given(src=arbitrary, fmt=formats, unsafe=st.booleans())
def test_one_pass_of_fixes_never_overlaps_and_keeps_the_rest(src, fmt, unsafe):
    result = all_rules_linter(True).lint_source(src, FORMAT_FILES[fmt], format_name=fmt)
    assert _crashes(result.errors) == [], f"{result.errors} on {src!r} ({fmt})"
    # What --fix applies: safe fixes (and unsafe ones when asked), never display-only ones.
    fixes = [d.fix for d in result.diagnostics if d.fix and d.fix.applicability.applies(unsafe)]
    new, count = apply_fixes(src, fixes)
    accepted = _accepted(src, fixes)
    for a, b in zip(accepted, accepted[1:]):
        assert a.end <= b.start and a.start != b.start, f"accepted edits overlap: {a} {b} in {src!r}"
    # Text outside the accepted edits is exactly the source's, in order.
    pos, out = 0, []
    for e in accepted:
        out.append(src[pos:e.start])
        out.append(e.content)
        pos = e.end
    out.append(src[pos:])
    assert new == "".join(out), f"apply_fixes changed text outside its edits in {src!r}"
    if not fixes:
        assert (new, count) == (src, 0)
    else:
        assert count >= 1


@SETTINGS
@given(src=arbitrary, fmt=formats)
def test_fix_loop_is_idempotent(src, fmt):
    linter = all_rules_linter(True)
    name = FORMAT_FILES[fmt]
    mode = FixMode(apply=True, unsafe=False, write=False)
    first = linter.lint_source(src, name, format_name=fmt, fix=mode)
    assert _crashes(first.errors) == [], f"{first.errors} on {src!r} ({fmt})"
    once = first.new_source if first.new_source is not None else src
    second = linter.lint_source(once, name, format_name=fmt, fix=mode)
    assert _crashes(second.errors) == []
    twice = second.new_source if second.new_source is not None else once
    assert twice == once, (
        f"--fix is not idempotent ({fmt}): {src!r} -> {once!r} -> {twice!r}; "
        f"fixes left: {[(d.code, d.message) for d in second.diagnostics if d.fix]}"
    )
    # What --fix leaves has no safe fix left that would change the text.
    left = [d.fix for d in second.diagnostics if d.fix and d.fix.applicability is Applicability.SAFE]
    assert apply_fixes(once, left)[0] == once or not left


@settings(max_examples=max(EXAMPLES // 3, 20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(src=news_text, fmt=formats)
def test_unsafe_fix_loop_is_idempotent(src, fmt):
    linter = all_rules_linter(True)
    mode = FixMode(apply=True, unsafe=True, write=False)
    first = linter.lint_source(src, FORMAT_FILES[fmt], format_name=fmt, fix=mode)
    assert _crashes(first.errors) == []
    once = first.new_source if first.new_source is not None else src
    second = linter.lint_source(once, FORMAT_FILES[fmt], format_name=fmt, fix=mode)
    twice = second.new_source if second.new_source is not None else once
    assert twice == once, f"--fix --unsafe-fixes is not idempotent ({fmt}): {src!r} -> {once!r} -> {twice!r}"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_do_not_move_findings(newline):
    """The same story with LF, CRLF or CR endings: the same findings at the same rows/columns."""
    linter = all_rules_linter(True)
    text = ("Council Votes on Budget\n\nThe council said.. it would vote on Tuesday,, Nov. 12.\n"
            "The the mayor was not there.\n")
    base = [(d.code, d.location, d.end_location) for d in linter.lint_source(text, "s.txt").diagnostics]
    other = linter.lint_source(text.replace("\n", newline), "s.txt")
    assert [(d.code, d.location, d.end_location) for d in other.diagnostics] == base
    assert {"PUN001", "DUP001"} <= {c for c, _, _ in base}
    fixed = linter.lint_source(text.replace("\n", newline), "s.txt", fix=FixMode(apply=True, write=False))
    assert fixed.new_source is not None and "said.." not in fixed.new_source
    endings = LINE_BREAK.findall(fixed.new_source)
    assert endings and set(endings) == {newline}


# -- files through the installed command ---------------------------------------------------
def _json(proc):
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)


def test_binary_file_is_skipped_with_a_note(newslint, story, tmp_path):
    story(b"GIF89a\x01\x00\x00\x00\xff\xfe said..", name="photo.txt")
    story("The mayor said.. nothing.\n", name="text.txt")
    proc = newslint("check", "--no-cache", "--output-format", "json", "--select", "PUN001", tmp_path)
    found = _json(proc)
    assert [os.path.basename(f["filename"]) for f in found] == ["text.txt"]
    assert "photo.txt: binary file skipped" in proc.stderr
    assert proc.returncode == 1


def test_cp1252_file_is_read_with_an_encoding_finding(newslint, story):
    p = story("The caf\u00e9 owner said.. \u201cWe are open.\u201d\n", encoding="cp1252")
    proc = newslint("check", "--no-cache", "--output-format", "json", "--select", "ENC001,PUN001", p)
    found = _json(proc)
    codes = {f["code"]: f for f in found}
    assert set(codes) == {"ENC001", "PUN001"}
    assert "cp1252" in codes["ENC001"]["message"]
    assert codes["PUN001"]["location"] == {"row": 1, "column": 20}  # columns count characters
    assert proc.returncode == 1


def test_bytes_undefined_in_cp1252_are_read_in_a_detected_encoding(newslint, story):
    p = story(b"The mayor\x81 said.. no.\n")  # 0x81 is unassigned in cp1252
    proc = newslint("check", "--no-cache", "--output-format", "json", "--select", "ENC001,PUN001", p)
    found = _json(proc)
    assert {f["code"] for f in found} == {"ENC001", "PUN001"}
    # Not latin-1, which reads 0x80-0x9F as control characters (see test_fix_safety.py).
    [enc] = [f["message"] for f in found if f["code"] == "ENC001"]
    assert "read as" in enc and "latin-1" not in enc


@pytest.mark.parametrize("bom, encoding", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le")])
def test_bom_is_not_a_column_and_survives_fix(newslint, story, bom, encoding):
    p = story(bom + "He said.. yes.\r\nShe said,, no.\r\n".encode(encoding))
    proc = newslint("check", "--no-cache", "--output-format", "json", "--select", "PUN001", p)
    locs = [f["location"] for f in _json(proc)]
    assert locs == [{"row": 1, "column": 8}, {"row": 2, "column": 9}]
    fixed = newslint("check", "--fix", "--no-cache", "--select", "PUN001", p)
    assert fixed.returncode == 0, fixed.stderr
    assert p.read_bytes() == bom + "He said. yes.\r\nShe said, no.\r\n".encode(encoding)


def test_empty_and_blank_files_are_fine(newslint, story, tmp_path):
    story(b"", name="empty.txt")
    story("\n\n\r\n", name="blank.txt")
    story(b"\xef\xbb\xbf", name="bom-only.md")
    story("", name="empty.html")
    proc = newslint("check", "--no-cache", "--output-format", "json", tmp_path)
    assert _json(proc) == []
    assert proc.returncode == 0, proc.stderr


def test_bad_paths_are_errors_and_the_rest_is_still_checked(newslint, story, tmp_path):
    good = story("The mayor said.. nothing.\n", name="good.txt")
    broken = tmp_path / "gone.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    folder_named_like_a_file = tmp_path / "folder.txt"
    folder_named_like_a_file.mkdir()
    (folder_named_like_a_file / "inside.txt").write_text("Also said.. here.\n")
    missing = tmp_path / "missing.txt"
    proc = newslint("check", "--no-cache", "--output-format", "json", "--select", "PUN001",
                    broken, good, fifo, missing, folder_named_like_a_file)
    found = _json(proc)
    assert sorted(os.path.basename(f["filename"]) for f in found) == ["good.txt", "inside.txt"]
    assert f"{broken}: broken symbolic link" in proc.stderr
    assert f"{fifo}: not a regular file or folder" in proc.stderr
    assert f"{missing}: No such file or directory" in proc.stderr
    assert proc.returncode == 2
    assert good.read_text() == "The mayor said.. nothing.\n"


def test_a_fifo_inside_a_folder_does_not_hang_the_run(newslint, story, tmp_path):
    story("The mayor said.. nothing.\n", name="good.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block forever
    try:
        proc = newslint("check", "--no-cache", "--output-format", "json", "--select", "PUN001", tmp_path)
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test guards against
        pytest.fail("newslint blocked on a FIFO named like a story")
    assert [os.path.basename(f["filename"]) for f in _json(proc)] == ["good.txt"]


def test_unreadable_file_is_an_error_line(newslint, story, tmp_path):
    story("The mayor said.. nothing.\n", name="good.txt")
    locked = story("Secret said.. things.\n", name="locked.txt")
    locked.chmod(0)
    try:
        with open(locked, "rb"):
            readable = True
    except PermissionError:
        readable = False
    if readable:
        # Running as root (as CI does): permissions do not stop reads. A read that fails
        # with EIO does the same job: /proc/self/mem is the reading process's own memory.
        locked.chmod(0o644)
        locked.unlink()
        if not os.path.exists("/proc/self/mem"):
            pytest.skip("running as root and no /proc/self/mem: cannot make an unreadable file")
        locked.symlink_to("/proc/self/mem")
    proc = newslint("check", "--no-cache", "--output-format", "json", "--select", "PUN001", tmp_path)
    found = _json(proc)
    assert [os.path.basename(f["filename"]) for f in found] == ["good.txt"]
    assert f"{locked}: cannot read:" in proc.stderr
    assert proc.returncode == 2


BROKEN_PACK = textwrap.dedent(
    '''
    """A rule pack with one rule that crashes and one that reports past the end."""
    from newslint import Finding, Rule, Severity, Span, hookimpl

    def crash(doc):
        """## What it does
        Crashes on every story."""
        raise KeyError("no such dictionary")

    def wild(doc):
        """## What it does
        Reports beyond the text."""
        yield Finding(Span(0, len(doc.text) + 3), "too far")

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("BRK001", "broken-rule", Severity.WARNING, crash))
        register(Rule("BRK002", "wild-span", Severity.WARNING, wild))
    '''
)


def _install_pack(tmp_path, source, name="broken_pack"):
    """A rule pack installed as an entry point: a module and a dist-info on PYTHONPATH."""
    return conftest.install_pack(tmp_path, source, name=name, entry="brokenpack", version="0.1")


def test_a_crashing_plugin_rule_hides_no_other_finding(newslint, tmp_path):
    env = _install_pack(tmp_path, BROKEN_PACK)
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "a.txt").write_text("The mayor said.. that the the vote was close.\n")
    (stories / "b.txt").write_text("Fine copy, nothing wrong here.\n")
    baseline = newslint("check", "--no-cache", "--output-format", "json", stories)
    proc = newslint("check", "--no-cache", "--output-format", "json", "--extend-select", "BRK", stories, env=env)
    found = _json(proc)
    # Every built-in finding is still there, for every file.
    assert found == _json(baseline)
    assert {"PUN001", "DUP001"} <= {f["code"] for f in found}
    for f in ("a.txt", "b.txt"):
        assert (f"{stories / f}: internal error in rule BRK001 (broken-rule) from plugin 'brokenpack': "
                "KeyError: 'no such dictionary'") in proc.stderr
        assert f"{stories / f}: internal error in rule BRK002 (wild-span) from plugin 'brokenpack'" in proc.stderr
    assert proc.returncode == 2


def test_fix_keeps_encoding_bom_line_endings_and_mode(newslint, story, tmp_path):
    files = {
        "cp1252.txt": ("Caf\u00e9 owner said.. \u201cOpen.\u201d\r\n", "cp1252", b""),
        "bom.txt": ("Caf\u00e9 owner said.. yes.\n", "utf-8", b"\xef\xbb\xbf"),
        "crlf.txt": ("One said.. this.\r\nTwo said,, that.\r\n", "utf-8", b""),
        "cr.txt": ("One said.. this.\rTwo said,, that.\r", "utf-8", b""),
    }
    for name, (text, enc, bom) in files.items():
        p = story(bom + text.encode(enc), name=name)
        p.chmod(0o640)
    before = {name: os.stat(tmp_path / name).st_ino for name in files}
    proc = newslint("check", "--fix", "--no-cache", "--select", "PUN001", tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name, (text, enc, bom) in files.items():
        p = tmp_path / name
        expected = text.replace("said..", "said.").replace("said,,", "said,")
        assert p.read_bytes() == bom + expected.encode(enc), name
        assert stat.S_IMODE(p.stat().st_mode) == 0o640, name
        assert p.stat().st_ino != before[name], f"{name} was rewritten in place, not replaced"
    # No temporary file is left behind.
    assert sorted(os.listdir(tmp_path)) == sorted(files)


UNENCODABLE_PACK = textwrap.dedent(
    '''
    """A rule whose fix inserts a character Windows-1252 cannot hold."""
    from newslint import Edit, Finding, Fix, Rule, Severity, Span, hookimpl

    def minus(doc):
        """## What it does
        Wants a real minus sign."""
        i = doc.text.find(" -5")
        if i >= 0:
            yield Finding(Span(i + 1, i + 2), "Hyphen as minus",
                          fix=Fix("Use a minus sign", (Edit(Span(i + 1, i + 2), "\\u2212"),)))

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("MNS001", "minus-sign", Severity.WARNING, minus, fixable="safe"))
    '''
)


def test_fix_that_cannot_be_encoded_leaves_the_file_alone(newslint, story, tmp_path):
    env = _install_pack(tmp_path, UNENCODABLE_PACK, name="minus_pack")
    data = "It was -5 degrees in the caf\u00e9 said.. the owner.\n".encode("cp1252")
    p = story(data, name="cold.txt")
    proc = newslint("check", "--fix", "--no-cache", "--select", "MNS001,PUN001", p, env=env)
    assert p.read_bytes() == data  # nothing half-written
    assert f"{p}: fixes not written" in proc.stderr
    assert proc.returncode == 2
    assert [n for n in os.listdir(p.parent) if n.startswith(".")] == []


def _stdin(data: bytes):
    return subprocess.run([sys.executable, "-m", "linter", "check", "--no-cache", "--output-format", "json",
                           "--select", "PUN001,ENC001", "-"], input=data, capture_output=True, timeout=120)


def test_standard_input_binary_and_legacy_bytes():
    binary = _stdin(b"Caf\xe9 said.. \x00\x00")
    assert b"Traceback" not in binary.stderr
    assert b"binary input skipped" in binary.stderr and json.loads(binary.stdout) == []
    assert binary.returncode == 0
    legacy = _stdin(b"Caf\xe9 said.. yes.\r\n")
    assert sorted(f["code"] for f in json.loads(legacy.stdout)) == ["ENC001", "PUN001"]
    assert legacy.returncode == 1
