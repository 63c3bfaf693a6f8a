"""Output formats: full (ruff's layout), concise, json, github, sarif."""

from __future__ import annotations

import io
import json
import os
import re

import pytest

from newslint.diagnostics import (
    Applicability,
    Diagnostic,
    FileResult,
    Finding,
    Severity,
    SourceEdit,
    SourceFix,
)
from newslint.document import Position
from newslint.plugins import load_engine
from newslint.registry import Rule, RuleSet
from newslint.reporters.full import make_snippet
from newslint.reporters import ReportContext, write_full
from newslint.reporters.machine import github_data, github_property, write_concise, write_github, write_json
from newslint.reporters.sarif import write_sarif

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def doubled(doc) -> list[Finding]:
    """## What it does
    Flags a punctuation mark typed twice. Ellipses are left alone.

    ## Why is this bad?
    It looks unedited.
    """
    return []


def spelling(doc) -> list[Finding]:
    """## What it does
    Flags a misspelt word.
    """
    return []


def dashes(doc) -> list[Finding]:
    """## What it does
    Flags a hyphen used as a dash.
    """
    return []


RULES = RuleSet([
    Rule("PUN001", "doubled-punctuation", Severity.ERROR, doubled, fixable="safe"),
    Rule("SPE001", "misspelling", Severity.WARNING, spelling, fixable="sometimes"),
    Rule("DSH001", "hyphen-as-dash", Severity.INFO, dashes, default=False, fixable="unsafe"),
])
NAMES = {r.code: r.name for r in RULES}
SEVERITIES = {r.code: r.severity for r in RULES}


def pos(source: str, offset: int) -> Position:
    """1-based row/column of a source offset; CRLF, CR and LF each end a row."""
    row, start = 1, 0
    for m in re.finditer(r"\r\n|\r|\n", source):
        if m.end() > offset:
            break
        row, start = row + 1, m.end()
    return Position(row, offset - start + 1)


def diag(filename: str, source: str, code: str, needle: str, message: str, *, occurrence: int = 0,
         fix: tuple[str, str, str] | None = None, unsafe: bool = False, suggestions: tuple[str, ...] = ()
         ) -> Diagnostic:
    """A diagnostic on the ``occurrence``-th ``needle`` in ``source``; ``fix`` is
    (title, text replaced inside the needle, replacement)."""
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(needle, start + 1)
    end = start + len(needle)
    sfix = None
    if fix is not None:
        title, old, new = fix
        es = source.index(old, start)
        ee = es + len(old)
        sfix = SourceFix(title, Applicability.UNSAFE if unsafe else Applicability.SAFE,
                         (SourceEdit(es, ee, new, pos(source, es), pos(source, ee)),))
    return Diagnostic(filename, code, NAMES[code], SEVERITIES[code], message, pos(source, start),
                      pos(source, end), start, end, sfix, suggestions, "tests")


def render(write, results, **kw) -> str:
    buf = io.StringIO()
    write(results, buf, ReportContext(rules=RULES, width=100, version="9.9.9", **kw))
    return buf.getvalue()


MAYOR = '"We will appeal," the mayor said..\n'


def mayor_result() -> FileResult:
    d = diag("stories/mayor.txt", MAYOR, "PUN001", "..", 'Doubled punctuation ".."',
             fix=('Remove the extra "."', ".", ""))
    return FileResult("stories/mayor.txt", [d], source=MAYOR)


# -- full ---------------------------------------------------------------------------------
def test_full_matches_ruffs_layout():
    assert render(write_full, [mayor_result()]) == (
        'PUN001 [*] Doubled punctuation ".."\n'
        "  --> stories/mayor.txt:1:33\n"
        "   |\n"
        ' 1 | "We will appeal," the mayor said..\n'
        "   |                                 ^^\n"
        '   = help: Remove the extra "."\n'
        "\n"
        "Found 1 finding.\n"
        "[*] 1 fixable with the --fix option.\n"
    )


def test_full_crlf_non_ascii_and_tabs_keep_carets_aligned():
    source = "Zürich’s café\tsaid..\r\nThe 東京 office said,, on Monday.\r\n"
    d1 = diag("a.txt", source, "PUN001", "..", 'Doubled punctuation ".."', fix=('Remove the extra "."', ".", ""))
    d2 = diag("a.txt", source, "PUN001", ",,", 'Doubled punctuation ",,"', fix=('Remove the extra ","', ",", ""))
    assert (d2.location.row, d2.location.column) == (2, 19)
    out = render(write_full, [FileResult("a.txt", [d1, d2], source=source)])
    # the tab at column 14 expands to the next multiple of 4; "東京" takes four cells
    assert out == (
        'PUN001 [*] Doubled punctuation ".."\n'
        "  --> a.txt:1:19\n"
        "   |\n"
        " 1 | Zürich’s café   said..\n"
        "   |                     ^^\n"
        '   = help: Remove the extra "."\n'
        "\n"
        'PUN001 [*] Doubled punctuation ",,"\n'
        "  --> a.txt:2:19\n"
        "   |\n"
        " 2 | The 東京 office said,, on Monday.\n"
        "   |                     ^^\n"
        '   = help: Remove the extra ","\n'
        "\n"
        "Found 2 findings.\n"
        "[*] 2 fixable with the --fix option.\n"
    )
    assert "\r" not in out


def test_full_gutter_widens_with_the_row_number():
    source = "Line.\n" * 11 + "Police said..\n"
    d = diag("b.txt", source, "PUN001", "..", 'Doubled punctuation ".."')
    out = render(write_full, [FileResult("b.txt", [d], source=source)], quiet=True)
    assert out == (
        'PUN001 Doubled punctuation ".."\n'
        "   --> b.txt:12:12\n"
        "    |\n"
        " 12 | Police said..\n"
        "    |            ^^\n"
        "\n"
    )


def test_fix_marker_only_for_safe_fixes_unless_unsafe_fixes_enabled():
    source = "The vote - held on Tuesday - passed.\n"
    d = diag("c.txt", source, "DSH001", " - ", "Hyphen used as a dash", fix=("Replace with an en dash", "-", "–"),
             unsafe=True)
    results = [FileResult("c.txt", [d], source=source)]
    out = render(write_full, results)
    assert out.splitlines()[0] == "DSH001 Hyphen used as a dash"
    assert "   = help: Replace with an en dash\n" in out  # the cure is still shown
    assert out.endswith(
        "Found 1 finding.\nNo fixes available (1 hidden fix can be enabled with the --unsafe-fixes option).\n"
    )
    out = render(write_full, results, unsafe_fixes=True)
    assert out.splitlines()[0] == "DSH001 [*] Hyphen used as a dash"
    assert out.endswith("Found 1 finding.\n[*] 1 fixable with the --fix option.\n")


def test_summary_counts_fixable_and_hidden_fixes():
    source = "The council said.. The mayor said,, later. The vote - held Tuesday - passed. Goverment\n"
    ds = [
        diag("d.txt", source, "PUN001", "..", "Doubled", fix=("Remove", ".", "")),
        diag("d.txt", source, "PUN001", ",,", "Doubled", fix=("Remove", ",", "")),
        diag("d.txt", source, "DSH001", " - ", "Hyphen", fix=("Dash", "-", "–"), unsafe=True),
        diag("d.txt", source, "DSH001", " - ", "Hyphen", occurrence=1, fix=("Dash", "-", "–"), unsafe=True),
        diag("d.txt", source, "SPE001", "Goverment", "Misspelt"),
    ]
    out = render(write_full, [FileResult("d.txt", ds, source=source)])
    assert out.endswith(
        "Found 5 findings.\n"
        "[*] 2 fixable with the --fix option (2 hidden fixes can be enabled with the --unsafe-fixes option).\n"
    )


def test_summary_after_fixes_and_when_clean():
    source = "Officials said.. nothing.\n"
    d = diag("e.txt", source, "SPE001", "said", "Misspelt")
    assert render(write_full, [FileResult("e.txt", [d], source=source, fixed=2)], fixed=2).endswith(
        "\nFixed 2 findings (1 remaining).\n"
    )
    assert render(write_full, [FileResult("e.txt", source=source, fixed=1)], fixed=1) == "Fixed 1 finding (0 remaining).\n"
    assert render(write_full, [FileResult("e.txt", source=source)]) == "All checks passed!\n"
    assert render(write_full, []) == "All checks passed!\n"
    # A file that could not be read is not a pass.
    unreadable = FileResult("gone.txt", errors=["gone.txt: No such file or directory"])
    assert render(write_full, [unreadable]) == "No findings, but 1 file could not be checked.\n"


def test_quiet_prints_findings_only():
    out = render(write_full, [mayor_result()], quiet=True)
    assert out.endswith('= help: Remove the extra "."\n\n')
    assert "Found" not in out
    assert render(write_full, [FileResult("e.txt", source="Clean copy.\n")], quiet=True) == ""


def test_help_offers_suggestions_when_there_is_no_fix():
    source = "The goverment and the parliment met.\n"
    d1 = diag("f.txt", source, "SPE001", "goverment", 'Unknown word "goverment"', suggestions=("government",))
    d2 = diag("f.txt", source, "SPE001", "parliment", 'Unknown word "parliment"',
              suggestions=("parliament", "parliaments", "parchment", "pediment"))
    out = render(write_full, [FileResult("f.txt", [d1, d2], source=source)])
    assert '   = help: Did you mean "government"?\n' in out
    assert '   = help: Did you mean "parliament", "parliaments" or "parchment"?\n' in out


def test_statistics_table_replaces_the_listing():
    source = "One.. two.. three,, Goverment\n"
    ds = [
        diag("g.txt", source, "PUN001", "..", "Doubled", fix=("Remove", ".", "")),
        diag("g.txt", source, "PUN001", "..", "Doubled", occurrence=1, fix=("Remove", ".", "")),
        diag("g.txt", source, "PUN001", ",,", "Doubled", fix=("Remove", ",", "")),
        diag("g.txt", source, "SPE001", "Goverment", "Misspelt"),
    ]
    out = render(write_full, [FileResult("g.txt", ds, source=source)], statistics=True)
    assert out == (
        "3  PUN001  [*] doubled-punctuation\n"
        "1  SPE001  [ ] misspelling\n"
        "\n"
        "Found 4 findings.\n"
        "[*] 3 fixable with the --fix option.\n"
    )
    no_fix = [diag("g.txt", source, "SPE001", "Goverment", "Misspelt")] * 12
    out = render(write_full, [FileResult("g.txt", no_fix, source=source)], statistics=True, quiet=True)
    assert out == "12  SPE001  misspelling\n"


def test_multi_line_span_is_underlined_to_the_end_of_its_first_line():
    source = "The minister said that\nthe plan would go ahead.\n"
    d = diag("h.txt", source, "SPE001", "that\nthe", "Split sentence")
    out = render(write_full, [FileResult("h.txt", [d], source=source)], quiet=True)
    assert " 1 | The minister said that\n   |                   ^^^^\n" in out


def test_finding_at_the_end_of_a_line_gets_one_caret():
    source = "No full stop here\nNext line.\n"
    start = source.index("\n")
    d = Diagnostic("i.txt", "SPE001", "misspelling", Severity.WARNING, "Missing full stop", pos(source, start),
                   pos(source, start), start, start)
    out = render(write_full, [FileResult("i.txt", [d], source=source)], quiet=True)
    assert " 1 | No full stop here\n   |                  ^\n" in out


def test_invisible_characters_are_shown():
    source = "The\u200bmayor said\x07 yes.\n"
    d = diag("j.txt", source, "SPE001", "\u200b", "Zero-width space")
    out = render(write_full, [FileResult("j.txt", [d], source=source)], quiet=True)
    assert " 1 | The<U+200B>mayor said␇ yes.\n   |    ^^^^^^^^\n" in out


def test_long_line_is_windowed_around_the_span():
    source = "The committee met again. " * 20 + "Officials said.. " + "It adjourned at noon. " * 20 + "\n"
    d = diag("k.txt", source, "PUN001", "..", "Doubled")
    out = render(write_full, [FileResult("k.txt", [d], source=source)], quiet=True)
    code_line = next(line for line in out.splitlines() if line.startswith(" 1 | "))
    caret_line = next(line for line in out.splitlines() if line.lstrip().startswith("|") and "^" in line)
    assert code_line.startswith(" 1 | …") and code_line.endswith("…")
    assert len(code_line) < 150
    col = caret_line.index("^")
    assert caret_line.count("^") == 2
    assert code_line[col - 14 : col + 2] == "Officials said.."
    # a span at the very end of a long line: no trailing ellipsis, caret still aligned
    end = diag("k.txt", source, "PUN001", "noon.", "End", occurrence=19)
    out = render(write_full, [FileResult("k.txt", [end], source=source)], quiet=True)
    code_line = next(line for line in out.splitlines() if line.startswith(" 1 | "))
    caret_line = [line for line in out.splitlines() if "^" in line][0]
    assert code_line.startswith(" 1 | …") and not code_line.endswith("…")
    assert code_line[caret_line.index("^") :].startswith("noon.")


def test_make_snippet_cells():
    assert make_snippet("a\tb..", 3, 5) == ("a   b..", 5, 2)
    assert make_snippet("", 0, 0) == ("", 0, 1)
    assert make_snippet("東京..", 2, 4).caret_start == 4


def test_snippet_uses_the_fixed_source_and_survives_a_missing_one():
    fixed_src = "The mayor said, it was over..\n"
    d = diag("l.txt", fixed_src, "PUN001", "..", "Doubled")
    r = FileResult("l.txt", [d], source="The mayor said,, it was over..\n", new_source=fixed_src, fixed=1)
    out = render(write_full, [r], quiet=True)
    assert " 1 | The mayor said, it was over..\n   |                            ^^\n" in out
    out = render(write_full, [FileResult("l.txt", [d])], quiet=True)
    assert out == "PUN001 Doubled\n  --> l.txt:1:28\n\n"


def test_errors_and_notes_are_not_printed():
    r = FileResult("m.txt", errors=["m.txt: cannot read: Permission denied"], notes=["n.bin: binary file skipped"])
    for write in (write_full, write_concise):  # errors go to stderr (github annotates them: test_ci_formats)
        out = render(write, [r])
        assert "Permission denied" not in out and "binary" not in out


def test_colour_only_when_asked_and_same_text():
    results = [mayor_result()]
    plain = render(write_full, results)
    coloured = render(write_full, results, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain
    stats = render(write_full, results, color=True, statistics=True)
    assert ANSI.sub("", stats) == render(write_full, results, statistics=True)


def test_colour_tints_the_code_by_severity():
    source = "Goverment said.. yes\n"
    ds = [diag("n.txt", source, "SPE001", "Goverment", "Misspelt"), diag("n.txt", source, "PUN001", "..", "Doubled")]
    out = render(write_full, [FileResult("n.txt", ds, source=source)], color=True)
    assert re.search(r"\x1b\[[0-9;]*33m" + "SPE001", out)  # warning: yellow
    assert re.search(r"\x1b\[[0-9;]*31m" + "PUN001", out)  # error: red


# -- concise and json (public contract) ----------------------------------------------------
def test_concise_and_json_unchanged():
    assert render(write_concise, [mayor_result()]) == (
        'stories/mayor.txt:1:33: PUN001 [doubled-punctuation] Doubled punctuation ".."\n'
        "Found 1 finding.\n[*] 1 fixable with the --fix option.\n"  # the summary, as ruff's concise
    )
    data = json.loads(render(write_json, [mayor_result()]))
    assert data == [{
        "filename": "stories/mayor.txt", "code": "PUN001", "name": "doubled-punctuation", "severity": "error",
        "message": 'Doubled punctuation ".."', "location": {"row": 1, "column": 33},
        "end_location": {"row": 1, "column": 35},
        "fix": {"applicability": "safe", "message": 'Remove the extra "."',
                "edits": [{"content": "", "location": {"row": 1, "column": 33},
                           "end_location": {"row": 1, "column": 34}}]},
        "suggestions": [], "plugin": "tests",
    }]


def test_json_bytes_are_what_json_dump_writes():
    # The streamed writer must match json.dumps(list, indent=2, ensure_ascii=False) byte for
    # byte: quotes, backslashes, control characters, non-ASCII, empty and nested values.
    source = 'Kyiv\u2019s \u00abtemps\u00bb \\ "drill"\tnow\x01..\n'
    d1 = diag("a/b\u00e9.txt", source, "PUN001", "..", 'Doubled punctuation ".." \\ \u2028',
              fix=('Remove the extra "."', ".", ""))
    d2 = diag("a/b\u00e9.txt", source, "SPE001", "drill", "Unknown word \"drill\"\tx",
              suggestions=("dr\u00efll", ""))
    results = [FileResult("a/b\u00e9.txt", [d1, d2], source=source), FileResult("c.txt", [], source="")]
    expected = json.dumps([d.to_json() for d in (d1, d2)], indent=2, ensure_ascii=False) + "\n"
    assert render(write_json, results) == expected
    assert render(write_json, [FileResult("c.txt", [], source="")]) == "[]\n"


# -- github -------------------------------------------------------------------------------
def test_github_annotations():
    assert render(write_github, [mayor_result()]) == (
        "::error file=stories/mayor.txt,line=1,col=33,endLine=1,endColumn=35,"
        'title=PUN001 (doubled-punctuation)::Doubled punctuation ".."\n'
    )
    source = "Goverment - said\n"
    ds = [diag("o.txt", source, "SPE001", "Goverment", "Misspelt"), diag("o.txt", source, "DSH001", " - ", "Dash")]
    lines = render(write_github, [FileResult("o.txt", ds, source=source)]).splitlines()
    assert lines[0].startswith("::warning file=o.txt,line=1,col=1,endLine=1,endColumn=10,title=SPE001 (misspelling)::")
    assert lines[1].startswith("::notice file=o.txt,")


def test_github_escaping():
    assert github_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert github_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    name = "news,desk/10%: draft.txt"
    source = "Rates rose 5%..\n"
    d = diag(name, source, "PUN001", "..", 'Doubled "..": 5%\nsee line')
    out = render(write_github, [FileResult(name, [d], source=source)])
    assert out == (
        "::error file=news%2Cdesk/10%25%3A draft.txt,line=1,col=14,endLine=1,endColumn=16,"
        'title=PUN001 (doubled-punctuation)::Doubled "..": 5%25%0Asee line\n'
    )


# -- sarif --------------------------------------------------------------------------------
def sarif(results) -> dict:
    return json.loads(render(write_sarif, results))


def test_sarif_structure():
    source = "The goverment said.. later\n"
    ds = [
        diag("stories/p q.txt", source, "SPE001", "goverment", "Misspelt", suggestions=("government",)),
        diag("stories/p q.txt", source, "PUN001", "..", 'Doubled ".."', fix=('Remove the extra "."', ".", "")),
    ]
    log = sarif([FileResult("stories/p q.txt", ds, source=source)])
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] == "9.9.9"
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["DSH001", "PUN001", "SPE001"]  # every rule, findings or not
    pun = rules[1]
    assert pun["name"] == "doubled-punctuation"
    assert pun["shortDescription"]["text"] == "Flags a punctuation mark typed twice."
    # The "What it does" prose (GitHub keeps 1,024 characters); the whole doc is in help.
    assert pun["fullDescription"]["text"].startswith("Flags a punctuation mark typed twice.")
    assert "##" not in pun["fullDescription"]["text"]
    assert pun["help"]["text"] == pun["help"]["markdown"] == RULES.get("PUN001").doc
    assert pun["defaultConfiguration"] == {"level": "error", "enabled": True}
    assert rules[0]["defaultConfiguration"] == {"level": "note", "enabled": False}
    assert rules[2]["defaultConfiguration"]["level"] == "warning"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    spe, pun_res = run["results"]
    assert spe["ruleId"] == "SPE001" and rules[spe["ruleIndex"]]["id"] == "SPE001"
    assert spe["level"] == "warning" and spe["message"] == {"text": "Misspelt"}
    assert spe["properties"]["suggestions"] == ["government"]
    assert "fixes" not in spe
    (loc,) = spe["locations"]
    assert loc["physicalLocation"]["artifactLocation"] == {"uri": "stories/p%20q.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 14}
    assert pun_res["ruleIndex"] == 1 and pun_res["level"] == "error"
    (fix,) = pun_res["fixes"]
    assert fix["description"] == {"text": 'Remove the extra "."'}
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "stories/p%20q.txt"
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 1, "startColumn": 19, "endLine": 1, "endColumn": 20},
        "insertedContent": {"text": ""},
    }]
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_paths_levels_and_errors(tmp_path):
    inside = os.path.join(os.getcwd(), "desk", "a.txt")
    source = "Said.. it\n"
    d_in = diag(inside, source, "PUN001", "..", "Doubled")
    outside = str(tmp_path / "b.txt")
    d_out = diag(outside, source, "DSH001", "it", "Dash")
    log = sarif([FileResult(inside, [d_in], source=source), FileResult(outside, [d_out], source=source),
                 FileResult("c.txt", errors=["c.txt: cannot read: Permission denied"])])
    run = log["runs"][0]
    loc_in = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    loc_out = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc_in == {"uri": "desk/a.txt", "uriBaseId": "%SRCROOT%"}
    assert loc_out == {"uri": (tmp_path / "b.txt").as_uri()}
    assert run["results"][1]["level"] == "note"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"] == [
        {"level": "error", "message": {"text": "c.txt: cannot read: Permission denied"}}
    ]


def test_sarif_with_no_findings_is_still_a_valid_log():
    log = sarif([])
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == 3


# -- registration and the command ----------------------------------------------------------
def test_reporters_are_registered():
    reporters = load_engine(entry_points=False).reporters
    assert {"full", "concise", "json", "github", "sarif"} <= set(reporters)
    assert reporters["full"].machine is False
    assert all(reporters[n].machine for n in ("concise", "json", "github", "sarif"))


def test_cli_full_output(newslint, story):
    path = story("Residents said the council had acted too late..\r\n", name="flood.txt")
    proc = newslint("check", "--isolated", "--select", "PUN001", "--output-format", "full", path.name,
                    cwd=path.parent)
    assert proc.returncode == 1
    assert proc.stdout == (
        'PUN001 [*] Doubled punctuation ".."\n'
        "  --> flood.txt:1:46\n"
        "   |\n"
        " 1 | Residents said the council had acted too late..\n"
        "   |                                              ^^\n"
        '   = help: Remove the extra "."\n'
        "\n"
        "Found 1 finding.\n"
        "[*] 1 fixable with the --fix option.\n"
    )
    assert "\x1b[" not in proc.stdout


def test_cli_github_and_sarif(newslint, story):
    path = story("Police said,, the road was shut.\n", name="desk/road.txt")
    root = path.parent.parent
    proc = newslint("check", "--isolated", "--select", "PUN001", "--output-format", "github", "desk", cwd=root)
    assert proc.returncode == 1
    assert proc.stdout == (
        "::error file=desk/road.txt,line=1,col=12,endLine=1,endColumn=14,"
        'title=PUN001 (doubled-punctuation)::Doubled punctuation ",,"\n'
    )
    proc = newslint("check", "--isolated", "--select", "PUN001", "--output-format", "sarif", "desk", cwd=root)
    assert proc.returncode == 1
    run = json.loads(proc.stdout)["runs"][0]
    (res,) = run["results"]
    assert res["ruleId"] == "PUN001"
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "PUN001"
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "desk/road.txt"
    assert res["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["startColumn"] == 13


def test_cli_statistics(newslint, story):
    path = story("The mayor said.. The police said,, then left..\n", name="s.txt")
    proc = newslint("check", "--isolated", "--select", "PUN001", "--statistics", path.name, cwd=path.parent)
    assert proc.returncode == 1
    assert proc.stdout == (
        "3  PUN001  [*] doubled-punctuation\n\nFound 3 findings.\n[*] 3 fixable with the --fix option.\n"
    )


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "github", "sarif"])
def test_cli_clean_file(newslint, story, fmt):
    path = story("The council approved the budget on Tuesday.\n", name="ok.txt")
    proc = newslint("check", "--isolated", "--select", "PUN001", "--output-format", fmt, path.name, cwd=path.parent)
    assert proc.returncode == 0, proc.stderr
    if fmt in ("full", "concise"):
        assert proc.stdout == "All checks passed!\n"
    elif fmt == "github":
        assert proc.stdout == ""
    elif fmt == "json":
        assert json.loads(proc.stdout) == []
    else:
        assert json.loads(proc.stdout)["runs"][0]["results"] == []
