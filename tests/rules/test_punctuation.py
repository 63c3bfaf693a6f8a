"""PUN001 doubled-punctuation, PUN002 dash-style, PUN003 ellipsis-style."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.config import Config

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def found(diags, code):
    return [(d.location.row, d.location.column) for d in diags if d.code == code]


# -- PUN001 doubled-punctuation ------------------------------------------------------------
def test_pun001_flags_each_doubled_mark(lint):
    diags = lint(read("pun_doubled_bad.txt"), select=["PUN001"])
    assert [(d.code, d.location.row, d.location.column, d.message) for d in diags] == [
        ("PUN001", 1, 44, 'Doubled punctuation ".."'),  # the mayor said..
        ("PUN001", 2, 27, 'Doubled punctuation ",,"'),  # 41 percent,, officials
        ("PUN001", 3, 28, 'Doubled punctuation ";;"'),  # fuel depot;; nobody
        ("PUN001", 4, 27, 'Doubled punctuation "!!"'),  # the result!! Fans
        ("PUN001", 5, 27, 'Doubled punctuation ",."'),  # on Tuesday,. The vote
    ]
    first = diags[0]
    assert first.fix.title == 'Remove the extra "."' and first.fix.applicability.value == "safe"
    assert (first.fix.edits[0].location.column, first.fix.edits[0].content) == (45, "")
    mixed = diags[-1]  # which mark was meant is a guess: unsafe
    assert mixed.fix.applicability.value == "unsafe" and mixed.fix.edits[0].content == "."


def test_pun001_leaves_near_misses_alone(lint):
    # ellipses, U.S., "D.C., said", Inc., decimals, URLs, paths, "!!!", "?!", std::vector, [sic]
    assert found(lint(read("pun_doubled_good.txt"), select=["PUN001"]), "PUN001") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Who's heard of Terri Walker or Rhian Benson.. They are better.", [(1, 44)]),
        ("The list included apples, pears, etc.. The rest was sold.", [(1, 37)]),
        ("Officials met in the city., then left.", [(1, 26)]),
        ("Fans gathered, and the club said: nothing;; nobody came.", [(1, 42)]),
        ("Prices rose 3..4 percent, the tables show.", []),  # a range, not prose
        ("The road flooded near FM 407 ?? on Sunday.", []),  # a lost emoji, not a slip
        ("The Army said. . . nothing.", []),
    ],
)
def test_pun001_cases(lint, text, expected):
    assert found(lint(text, select=["PUN001"]), "PUN001") == expected


def test_pun001_fix_through_the_command(newslint, story):
    path = story("Two people were hurt, the regional administration said..\nTurnout was 41 percent,, officials said.\n")
    proc = newslint("check", "--fix", "--select", "PUN001", "--output-format", "json", path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []
    assert path.read_text(encoding="utf-8") == (
        "Two people were hurt, the regional administration said.\nTurnout was 41 percent, officials said.\n"
    )


# -- PUN002 dash-style ---------------------------------------------------------------------
TYPESET = "“We will see,” the minister said.\n\n"


def test_pun002_hyphen_pair_used_as_dashes_is_one_finding(lint):
    text = TYPESET + "A downgrading of relations - or even breaking them off - would mark a new low.\n"
    (d,) = lint(text, select=["PUN002"])
    assert (d.location.row, d.location.column, d.end_location.column) == (3, 28, 57)
    assert d.message == "Hyphens used as dashes"
    assert [e.content for e in d.fix.edits] == [" — ", " — "]
    assert d.fix.applicability.value == "unsafe"  # which dash is a house-style choice


def test_pun002_typewriter_copy_may_use_spaced_hyphens(lint):
    text = ("The bank cut rates - the sixth cut this year - on Thursday.\n\n"
            'Analysts said the move was expected - and overdue. "It helps," one said.\n')
    assert lint(text, select=["PUN002"]) == []


def test_pun002_mixed_styles_flag_the_minority(lint):
    text = ("The bank cut rates - the sixth cut this year - on Thursday.\n\n"
            "Analysts said the move was expected - and overdue.\n\n"
            "Markets rose -- briefly -- before closing lower.\n")
    diags = lint(text, select=["PUN002"])
    assert [(d.location.row, d.location.column) for d in diags] == [(5, 14)]
    assert diags[0].message == 'Dash " -- " where the story mostly uses " - "'
    assert [e.content for e in diags[0].fix.edits] == [" - ", " - "]


@pytest.mark.parametrize(
    "line",
    [
        "The 1990-95 figures and the 1990 - 95 figures were revised.",
        "The match ended 3 - 1 after a well-known striker scored.",
        "Temperatures fell to -5C overnight, a record low.",
        "- Increased spending on health",
        "  - A second bullet point",
        "<!-- a comment --> stays.",
        "-----",
        "Pre- and post-war records were lost.",
    ],
)
def test_pun002_leaves_non_dashes_alone(lint, line):
    assert lint(TYPESET + line + "\n", select=["PUN002"]) == []


def test_pun002_house_style_option(lint):
    text = "Talks resumed — briefly — on Tuesday, and officials said the mood—tense—had eased.\n"
    cfg = Config(rule_options={"dash-style": {"style": "em-closed"}})
    diags = lint(text, select=["PUN002"], config=cfg)
    assert [(d.location.column, d.message) for d in diags] == [
        (15, 'Dash " — " where the house style is "—"'),
    ]
    assert [e.content for e in diags[0].fix.edits] == ["—", "—"]
    assert diags[0].fix.applicability.value == "safe"
    assert lint(text.replace(" — ", "—"), select=["PUN002"], config=cfg) == []


def test_pun002_house_style_from_pyproject(newslint, story, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newslint.dash-style]\nstyle = "en-spaced"\n', encoding="utf-8")
    path = story("Talks resumed — briefly — on Tuesday.\n")
    proc = newslint("check", "--output-format", "json", "--select", "PUN002", path, cwd=tmp_path)
    (item,) = json.loads(proc.stdout)
    assert item["name"] == "dash-style" and item["location"] == {"row": 1, "column": 15}
    assert [e["content"] for e in item["fix"]["edits"]] == [" – ", " – "]


# -- PUN003 ellipsis-style -----------------------------------------------------------------
def test_pun003_flags_the_minority_spacing(lint):
    text = ("“There is a strong assumption ... that these missiles cannot be guided,” he said.\n\n"
            "“It is not a trick... there will be consequences,” he added.\n\n"
            "Officials said the talks ... had stalled.\n")
    (d,) = lint(text, select=["PUN003"])
    assert (d.location.row, d.location.column) == (3, 19)
    assert d.message == "Ellipsis closed up where the story's ellipses are spaced"
    assert [e.content for e in d.fix.edits] == [" ..."]


def test_pun003_tie_keeps_the_first_style(lint):
    text = "He paused… then left.\n\nShe waited... and waited.\n"
    (d,) = lint(text, select=["PUN003"])
    assert d.location.row == 3 and d.message == 'Ellipsis "..." where the story mostly uses "…"'
    assert [e.content for e in d.fix.edits] == ["…"]


def test_pun003_consistent_stories_are_clean(lint):
    assert lint("He paused... then left. She waited... and waited.\n", select=["PUN003"]) == []
    assert lint("He paused … then left. She waited … and waited.\n", select=["PUN003"]) == []
    assert lint("The quote ran: “[...] and so it ended.” He paused... then left.\n", select=["PUN003"]) == []


def test_punctuation_rules_in_json(newslint, story):
    path = story("“We tried,” he said - and left.. Later he returned... and again ... and again ...\n")
    proc = newslint("check", "--output-format", "json", "--select", "PUN", path)
    assert proc.returncode == 1
    got = [(f["code"], f["name"], f["severity"], f["location"]["column"]) for f in json.loads(proc.stdout)]
    assert got == [
        ("PUN002", "dash-style", "info", 21),
        ("PUN001", "doubled-punctuation", "error", 31),
        ("PUN003", "ellipsis-style", "info", 51),
    ]


# -- the cheap looks first: what they must let through ---------------------------------------


@pytest.mark.parametrize(
    "text", ["", "said..", "a.....b", ",.,.;", "!!??!!", "::x::", ".,..,", "x;;;;,;", "… ... .. .",
             "“Why??” she said,, then..,; left:: ‘ok’.,\n..\n", ".", ",;,;,", "?!?!?", "\U0001f600.."],
)
def test_pun001_candidates_match_the_pattern(text):
    from newslint.rules import punctuation

    assert punctuation._candidates(text) == [m.start() for m in punctuation.DOUBLED_CANDIDATE.finditer(text)]


def test_pun001_candidates_match_the_pattern_on_any_run_of_marks():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newslint.rules import punctuation

    @settings(max_examples=800, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list(".,;:!?a …’")), max_size=30))
    def check(text):
        assert punctuation._candidates(text) == [m.start() for m in punctuation.DOUBLED_CANDIDATE.finditer(text)]

    check()


def test_pun002_no_break_spaced_dash_gets_through_the_look_first(lint):
    text = "Relations\u00a0- or even breaking them off\u00a0- would mark a new low, “a step back,” he said."
    assert [d.message for d in lint(text, select=["PUN002"])] == ["Hyphens used as dashes"]


def test_pun003_spaced_periods_get_through_the_look_first(lint):
    text = "He paused . . . then went on. Later… he stopped. She said… nothing."
    assert len(lint(text, select=["PUN003"])) == 1


def test_pun001_leaves_a_speakers_emphasis_and_never_fixes_a_quotation_safely(lint):
    text = '"Thanks, everyone!!" she wrote. "We will be back next year.." the organizers said.\n'
    (d,) = lint(text, select=["PUN001"])
    assert (d.location.column, d.message) == (59, 'Doubled punctuation ".."')
    assert d.fix.applicability.value == "unsafe"  # inside the quotation: the speaker's words
    (d,) = lint("The park reopened on Monday!! Crowds were large.\n", select=["PUN001"])
    assert d.fix.applicability.value == "safe"


def test_pun001_pair_scans_know_every_pair_of_the_pattern():
    import re

    from newslint.rules import punctuation

    assert punctuation.DOUBLED_CANDIDATE.pattern == "|".join(re.escape(p) for p in punctuation.PAIRS)


def test_pun001_each_scan_is_skipped_only_without_its_first_mark():
    """A pair scan runs only where its first mark is in the text: the marks must be the
    scans' own, in their order, and a text with one kind of pair finds it alone."""
    import re

    from newslint.rules import punctuation

    assert [s.pattern[: len(re.escape(f))] for f, s in zip(punctuation.PAIR_FIRSTS, punctuation.PAIR_SCANS)] == [
        re.escape(f) for f in punctuation.PAIR_FIRSTS]
    assert len(punctuation.PAIR_FIRSTS) == len(punctuation.PAIR_SCANS)
    for pair in punctuation.PAIRS:
        text = f"The council met on Monday{pair} The vote was close"
        assert punctuation._candidates(text) == [25], pair
