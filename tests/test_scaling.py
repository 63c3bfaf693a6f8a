"""Hostile inputs stay linear (issue 19 "Quadratic rules and output", issue 15 "Inputs that
hang"). Each case runs the installed command at a size that took from seconds to minutes, or
ran out of memory, when it was quadratic; the tests check behaviour (how many findings, what
the output holds), never time: speed is measured by benchmarks/scaling.py. The subprocess
timeout is only a guard against a hang."""

from __future__ import annotations

import json
import pickle
import random
import resource
import subprocess
from collections import Counter

import regex
from conftest import NEWSLINT


def _json(proc):
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def _codes(findings):
    return Counter(f["code"] for f in findings)


# -- repeated-word ------------------------------------------------------------------------
def test_repeated_word_one_finding_per_repeat(newslint, story, tmp_path):
    # "the " x 2000 gave 1,000,000 findings (27 s, 3.4 GB): every later candidate in the run
    # restarted the chain. One finding per repeat: 1,999.
    path = story("the " * 2000 + "\n")
    found = _json(newslint("check", "--isolated", "--no-cache", "--select", "DUP001",
                           "--output-format", "json", path, cwd=tmp_path))
    assert len(found) == 1999
    assert len({(f["location"]["row"], f["location"]["column"]) for f in found}) == 1999


def test_repeated_word_a_run_of_four_is_three_findings_each_once(newslint, story, tmp_path):
    path = story("Crews worked the the the the night.\n")
    proc = newslint("check", "--isolated", "--no-cache", "--select", "DUP001", "--output-format", "concise",
                    path, cwd=tmp_path)
    lines = [ln for ln in proc.stdout.splitlines() if "DUP001" in ln]
    assert [ln.split(":")[2] for ln in lines] == ["14", "18", "22"]


# -- misspelling --------------------------------------------------------------------------
def test_a_very_long_lowercase_token_builds_no_candidates(newslint, story, tmp_path):
    # One lowercase token of 20,000 letters was OOM-killed (~54 n candidates of n letters).
    rng = random.Random(5)
    token = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(20_000))
    path = story(f"Officials said {token} was found.\n\nThey will recieve the report on Monday.\n")
    found = _json(newslint("check", "--isolated", "--no-cache", "--output-format", "json", path, cwd=tmp_path))
    spelling = [f for f in found if f["code"] == "SPL001"]
    # The token is far from every word (no suggestion could come of it): no finding; the
    # rest of the file is still checked, with a bounded list of suggestions.
    assert [f["location"] for f in spelling] == [{"row": 3, "column": 11}]
    assert spelling[0]["suggestions"][0] == "receive" and len(spelling[0]["suggestions"]) <= 5


# -- the full reporter --------------------------------------------------------------------
def test_full_report_of_thousands_of_findings_on_one_line_shows_a_window_each(newslint, story, tmp_path):
    # 8,000 findings on one 136 KB line took 181 s: each re-rendered the whole line.
    path = story("The mayor said.. " * 8000 + "\n")
    proc = newslint("check", "--isolated", "--no-cache", path, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.splitlines()
    assert sum(1 for ln in out if ln.startswith("PUN001")) == 8000
    sources = [ln for ln in out if ln.startswith(" 1 | ")]
    assert len(sources) == sum(1 for ln in out if regex.match(r"[A-Z]{3}\d{3} ", ln))  # one per finding
    assert all(len(ln) <= 5 + 122 for ln in sources)  # a window of 120 columns and two "…"
    middle = sources[4000]
    assert middle.startswith(" 1 | …") and middle.endswith("…")


def _reference_cells(line: str) -> list[int]:
    """Display columns of each character of ``line`` (and its end), one character at a time."""
    from newslint.reporters.full import _shown

    cells, pos = [], 0
    for ch in line:
        cells.append(pos)
        pos += _shown(ch, pos)[1]
    cells.append(pos)
    return cells


def test_line_layout_agrees_with_a_character_by_character_walk():
    from newslint.reporters.full import LineLayout, make_snippet

    rng = random.Random(11)
    alphabet = list("abc .,") * 5 + ["\t", "東", "é", "\u200b", "\u0301", "\x01", "\x7f", "\u00ad", "😀", "\ufeff"]
    for _ in range(300):
        line = "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 3, 80, 250, 600])))
        lay = LineLayout(line)
        cells = _reference_cells(line)
        assert [lay.cell(i) for i in range(len(line) + 1)] == cells
        assert lay.width == cells[-1]
        for _ in range(5):
            a = rng.randint(0, len(line))
            b = rng.randint(a, len(line))
            assert make_snippet(line, a, b, lay) == make_snippet(line, a, b)


# -- HTML ---------------------------------------------------------------------------------
def test_deeply_nested_html_is_read_without_rescanning_open_blocks(newslint, story, tmp_path):
    # 80,000 nested <div> took 114 s: every tag walked the open elements (a stray </p> too).
    depth = 80_000
    page = ("<div>" * depth + "<p>Crews worked through the the night.</p>"
            + "<ul>" + "<li>Item one</p>" * 2000 + "</ul>" + "</div>" * depth + "\n")
    path = story(page, name="deep.html")
    found = _json(newslint("check", "--isolated", "--no-cache", "--select", "DUP001", "--output-format", "json",
                           path, cwd=tmp_path))
    assert len(found) == 1 and found[0]["message"] == 'Repeated word "the the"'


# -- JSON output --------------------------------------------------------------------------
def _limit_output(max_bytes):
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return apply


def test_json_output_that_cannot_be_written_whole_is_an_error_not_a_cut(story, tmp_path):
    # Output cut short (a full disk, a file size limit: JSON over 2 GiB) left invalid JSON
    # and exit 1, with no word of it.
    path = story("The mayor said..\n" * 5000)
    out = tmp_path / "report.json"
    with open(out, "wb") as fh:
        proc = subprocess.run([NEWSLINT, "check", "--isolated", "--no-cache", "--output-format", "json", str(path)],
                              stdout=fh, stderr=subprocess.PIPE, text=True, timeout=120,
                              preexec_fn=_limit_output(100_000))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == "newslint: error: cannot write the report: File too large"
    assert "Traceback" not in proc.stderr


# -- the vocabulary's reject list ---------------------------------------------------------
TRICKY = {
    "Kiev": "Kyiv",  # exact case only
    "labour": "labor",  # lower case: any case
    "New York": "NYC",  # several words
    "U.S.": "US",  # ends in punctuation
    "istanbul": "Istanbul",  # lower case: "İSTANBUL" matches too (regex case folding)
    "'em": "them",  # starts with no letter
}
TEXT = ("Officials in Kiev and kiev said LABOUR and Labour costs rose in New York and New Yorker "
        "offices, the U.S. said. In İSTANBUL they let 'em go. Labourer.\n")


def _expected(entries, text):
    """Every match of every entry, as the documented whole-word patterns find them."""
    out = []
    for bad in sorted(entries):
        flags = regex.IGNORECASE if bad.islower() else 0
        for m in regex.finditer(r"(?<![\p{L}\p{M}\p{N}])" + regex.escape(bad) + r"(?![\p{L}\p{M}\p{N}])", text, flags):
            out.append(m.group())
    return sorted(out)


def test_a_reject_list_of_100000_entries_is_one_pass_and_stays_out_of_the_pattern_store(newslint, story, tmp_path):
    # Each entry was a pattern of its own, scanned over the text and kept in the pattern
    # store, which every later run on the machine then loaded.
    entries = {f"misspeltword{i}": f"goodword{i}" for i in range(100_000)} | TRICKY
    (tmp_path / "reject.txt").write_text("".join(f"{b} -> {g}\n" for b, g in entries.items()), encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('[vocabulary]\nreject-file = "reject.txt"\n', encoding="utf-8")
    path = story(TEXT + "The misspeltword99999 and misspeltword7 stay.\n")
    store = tmp_path / "store"
    found = _json(newslint("check", "--no-cache", "--select", "SPL001", "--output-format", "json", path,
                           cwd=tmp_path, env={"NEWSLINT_PATTERN_CACHE": str(store)}))
    rejected = [f for f in found if "reject list" in f["message"]]
    got = sorted(f['message'].split('"')[1] for f in rejected)
    # Of the generated entries only these can match (the oracle compiles a pattern per entry:
    # all 100,000 would take it minutes); any other match would show up in ``got``.
    present = {f"misspeltword{i}": "" for i in (7, 99999, 9999, 70)}
    assert got == _expected(TRICKY | present, path.read_text(encoding="utf-8"))
    assert "İSTANBUL" in got and "kiev" not in got and "New York" in got and "'em" in got
    by_word = {f["message"].split('"')[1]: f["suggestions"] for f in rejected}
    assert by_word["LABOUR"] == ["LABOR"] and by_word["misspeltword99999"] == ["goodword99999"]
    entries_stored = pickle.loads(next(store.glob("patterns-*.pickle")).read_bytes())
    assert len(entries_stored) < 1500 and not any("misspeltword" in k[0] for k in entries_stored)


def test_a_bloated_pattern_store_is_pruned_by_the_next_run(newslint, story, tmp_path):
    # A store holding thousands of entries (an older version's reject list) was loaded by
    # every later run and never pruned when the run compiled nothing new.
    path = story("Crews worked through the the night.\n")
    store = tmp_path / "store"
    assert newslint("check", "--isolated", "--no-cache", path, env={"NEWSLINT_PATTERN_CACHE": str(store)}).returncode == 1
    target = next(store.glob("patterns-*.pickle"))
    entries = pickle.loads(target.read_bytes())
    own = len(entries)
    entries.update({(f"junk{i}", 0): b"x" * 100 for i in range(5000)})
    target.write_bytes(pickle.dumps(entries))
    assert newslint("check", "--isolated", "--no-cache", path, env={"NEWSLINT_PATTERN_CACHE": str(store)}).returncode == 1
    assert len(pickle.loads(target.read_bytes())) <= own
