"""DUP001 repeated-word, DUP002 duplicate-paragraph, DUP003 duplicate-caption."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint import Span
from newslint.config import Config

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def rows(diags, code):
    return [(d.location.row, d.location.column) for d in diags if d.code == code]


# -- DUP001 repeated-word ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said the the bridge would reopen.", [(1, 16)]),
        ("The the bridge reopened on Monday.", [(1, 1)]),  # a sentence start retyped
        ("THE THE BRIDGE REOPENED", [(1, 1)]),
        ("Engineers said that the\nthe bridge was safe.", [(1, 21)]),  # across a line break
        ("The convoy was was stopped at the border.", [(1, 12)]),
        ("It is is not clear who fired first.", [(1, 4)]),  # only "had had" is grammar
        ("He said that that the plan had failed.", [(1, 9)]),  # "that that the" is a slip
        ("Between 2003 to to 2016 the firm grew.", [(1, 14)]),
        ("The bridge, the the city said, will reopen.", [(1, 13)]),
    ],
)
def test_dup001_flags_doubled_words(lint, text, expected):
    assert rows(lint(text, select=["DUP001"]), "DUP001") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The mayor had had enough of the delays.",
        "We must ensure that that service improves, she said.",
        "He stressed that that was the only option left.",
        "Chart stars Duran Duran are to tour Asia next year.",
        "Former UN chief Boutros Boutros-Ghali visited Cairo.",
        "The G7 met in Baden Baden on Saturday.",
        "The score was 10 10 at half-time.",
        "Police were called to Paris. Paris is calm now.",  # a sentence boundary
        "The talks ended in Paris\n\nParis officials said later.",  # a paragraph boundary
        "Flood Warning for Coastal Towns\nTowns along the coast were evacuated.",  # a headline
        "Analysts say IS is losing ground in the region.",  # "IS" the group, then "is"
        "On Thursday, senior law lord Lord Bingham ruled.",
        'She screamed "no no no" at the referee.',
        "The band played the the_intro file.",  # a token, not a word
    ],
)
def test_dup001_leaves_legitimate_doubles(lint, text):
    assert rows(lint(text, select=["DUP001"]), "DUP001") == []


def test_dup001_message_and_safe_fix(lint):
    (d,) = lint("Officials said the the bridge would reopen.", select=["DUP001"])
    assert (d.name, d.message) == ("repeated-word", 'Repeated word "the the"')
    assert (d.location.column, d.end_location.column) == (16, 23)
    assert d.fix.title == 'Remove the repeated "the"' and d.fix.applicability.value == "safe"
    (edit,) = d.fix.edits
    assert (edit.location.column, edit.end_location.column, edit.content) == (19, 23, "")


def test_dup001_three_copies_give_two_findings(lint):
    assert rows(lint("Rescuers reached the the the village.", select=["DUP001"]), "DUP001") == [(1, 18), (1, 22)]


def test_dup001_allow_option(lint):
    config = Config(rule_options={"repeated-word": {"allow": ["bang"]}})
    assert lint("The stunt car went bang bang down the hill.", select=["DUP001"], config=config) == []
    assert rows(lint("The stunt car went bang bang down the hill.", select=["DUP001"]), "DUP001") == [(1, 20)]


def test_dup001_fix_through_the_command(newslint, story):
    path = story("Engineers said the the bridge\nwas safe and and would reopen from from Monday.\n")
    proc = newslint("check", "--select", "DUP001", "--fix", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == "Engineers said the bridge\nwas safe and would reopen from Monday.\n"


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("Officials said the the bridge would reopen.", True),
        ("He wanted to to leave early.", True),
        ("We have to call racism racism when we see it.", False),  # repetition for effect
        ("The convoy crossed the bridge bridge at dawn.", False),  # a content word: unsafe
    ],
)
def test_dup001_fix_is_safe_only_for_function_words(lint, text, safe):
    (d,) = lint(text, select=["DUP001"])
    assert d.fix.applicability.value == ("safe" if safe else "unsafe")


def test_dup001_leaves_intensifiers_alone(lint):
    assert lint("The new park offers much much more than the old one.", select=["DUP001"]) == []


def test_dup001_fix_keeps_deliberate_repetition(newslint, story):
    text = "We have to call racism racism, and the the board agreed.\n"
    path = story(text)
    proc = newslint("check", "--select", "DUP001", "--fix", path)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # "racism racism" is still reported
    assert path.read_text(encoding="utf-8") == "We have to call racism racism, and the board agreed.\n"


# -- DUP002 duplicate-paragraph / DUP003 duplicate-caption ---------------------------------
def test_dup_page_reports_every_repeat_once(lint):
    diags = lint(read("dup_page.txt"), select=["DUP002", "DUP003"])
    assert [(d.code, d.location.row, d.message) for d in diags] == [
        ("DUP003", 4, "Caption repeats line 3"),
        ("DUP002", 6, "Paragraph repeats line 1"),  # the headline
        ("DUP003", 8, "Caption repeats line 3"),
        ("DUP003", 9, "Caption repeats line 3"),
    ]
    fixes = {d.location.row: d.fix.applicability.value for d in diags}
    assert fixes == {4: "safe", 6: "unsafe", 8: "unsafe", 9: "safe"}  # safe only next to its twin


def test_dup002_adjacent_paragraph_fix_deletes_the_copy(newslint, story):
    para = "The river rose above its 2002 record on Sunday night, but the barriers held, officials said."
    path = story(f"Floods in Saxony\n\n{para}\n\n{para}\n\nEngineers expect the level to fall.\n")
    proc = newslint("check", "--output-format", "json", "--select", "DUP", path)
    assert proc.returncode == 1
    (d,) = json.loads(proc.stdout)
    assert (d["code"], d["name"], d["location"]["row"], d["message"]) == (
        "DUP002", "duplicate-paragraph", 5, "Paragraph repeats line 3")
    assert d["fix"]["applicability"] == "safe"
    assert newslint("check", "--select", "DUP", "--fix", path).returncode == 0
    assert path.read_text(encoding="utf-8") == (
        f"Floods in Saxony\n\n{para}\n\nEngineers expect the level to fall.\n")


def test_dup002_ignores_case_spacing_quotes_and_dashes(lint):
    first = "Brand said the water had \u201cnever climbed this fast\u201d \u2013 not even in 2002."
    second = 'BRAND said  the water had "never climbed this fast" - not even in 2002.'
    diags = lint(f"{first}\n\nOther news followed later in the day.\n\n{second}\n", select=["DUP002"])
    assert [(d.location.row, d.message) for d in diags] == [(5, "Paragraph repeats line 1")]
    assert diags[0].fix.applicability.value == "unsafe"  # not identical: never safe


def test_dup002_near_copy_has_no_fix(lint):
    para = ("About 1,200 residents of low-lying streets spent the night in schools and sports halls "
            "while the regional rail line between Meissen and Dresden remained closed for a third "
            "day, the district administration said in a statement on Monday evening.")
    edited = para.replace("a third day", "a fourth day")
    diags = lint(f"{para}\n\nThe rain eased overnight.\n\n{edited}\n", select=["DUP002"])
    assert [(d.location.row, d.message, d.fix) for d in diags] == [(5, "Paragraph nearly repeats line 1", None)]


def test_dup002_different_paragraphs_and_short_lines_are_quiet(lint):
    text = (
        "Winners meet in final\n\nSemi-final one: Leeds v York\n\nWinners meet in final\n\n"
        "The river rose above its record on Sunday night, officials said.\n\n"
        "The river fell below its record on Tuesday morning, engineers said.\n"
    )
    assert lint(text, select=["DUP002", "DUP003"]) == []


def test_dup002_table_rows_repeat_on_purpose(lint):
    text = (
        "Quarterly results of the regional grid operator, in euros:\n"
        "    Shr 45 cts vs 58 cts\n    Net 1.1 mln vs 829,000\n    Avg shrs 2,332,397 vs 1,428,000\n"
        "    Year\n    Shr 1.22 vs 1.06\n    Net 2.9 mln vs 1.5 mln\n    Avg shrs 2,332,397 vs 1,428,000\n\n"
        "         Region    Output    Change    Share\n         North     4.2       +0.3      21\n"
        "         Region    Output    Change    Share\n         South     3.9       -0.1      19\n"
    )
    assert lint(text, select=["DUP002", "DUP003"]) == []


def test_dup002_hard_wrapped_paragraph_is_one_finding(lint):
    para = ("Kyiv's mayor said on Tuesday that power had been restored\n"
            "to most districts after overnight strikes on the city's\n"
            "grid, though some homes would wait days for heating.")
    diags = lint(f"{para}\n\nThe council met in an emergency session.\n\n{para}\n", select=["DUP002"])
    assert [(d.location.row, d.end_location.row, d.message) for d in diags] == [(7, 9, "Paragraph repeats line 1")]


def test_dup002_options(lint):
    text = "Semi-final one: Leeds v York\n\nSemi-final one: Leeds v York\n"
    assert lint(text, select=["DUP002"]) == []  # shorter than 30 characters
    config = Config(rule_options={"duplicate-paragraph": {"min-chars": 10}})
    assert rows(lint(text, select=["DUP002"], config=config), "DUP002") == [(3, 1)]


@pytest.mark.parametrize(
    "caption",
    [
        "Rescuers search the rubble of a school in the northern district. (AFP)",
        "Rescuers search the rubble of a school in the northern district. (Getty Images)",
        "Rescuers search the rubble of a school in the northern district. Photo: Jane Doe/Reuters",
        "Image caption Rescuers search the rubble of a school in the northern district",
        "12 May 2023, Hatay, Antakya: Rescuers search the rubble of a school.",
        "Rescuers search the rubble of a school. (AP Photo/Jane Doe)",
    ],
)
def test_dup003_caption_forms(lint, caption):
    diags = lint(f"{caption}\n{caption}\n\nThe search went on overnight.\n", select=["DUP002", "DUP003"])
    assert [(d.code, d.location.row, d.message) for d in diags] == [("DUP003", 2, "Caption repeats line 1")]


def test_dup003_markdown_alt_text_may_repeat_the_caption(lint):
    text = (
        "# Flood barriers hold\n\n"
        "![Volunteers stack sandbags along the embankment](sandbags.jpg)\n\n"
        "*Volunteers stack sandbags along the embankment*\n"
    )
    assert lint(text, format="markdown", select=["DUP002", "DUP003"]) == []


def test_dup_json_through_the_command(newslint, story):
    path = story(read("dup_page.txt"), name="flood.txt")
    proc = newslint("check", "--output-format", "json", "--select", "DUP002,DUP003", path)
    assert proc.returncode == 1, proc.stderr
    got = [(d["name"], d["location"]["row"], d["end_location"]["row"]) for d in json.loads(proc.stdout)]
    assert got == [("duplicate-caption", 4, 4), ("duplicate-paragraph", 6, 6),
                   ("duplicate-caption", 8, 8), ("duplicate-caption", 9, 9)]


def test_dup002_scales_linearly(lint):
    # 4,000 distinct paragraphs and one repeat: hashing, not all-pairs comparison.
    paras = [f"Paragraph {i} reports that crews cleared road {i} and reopened bridge {i * 7} to traffic."
             for i in range(4000)]
    paras.append(paras[1234])
    diags = lint("\n\n".join(paras) + "\n", select=["DUP002"])
    assert [(d.location.row, d.message) for d in diags] == [(8001, "Paragraph repeats line 2469")]


# -- the cheap looks first: what they must let through ---------------------------------------


def test_dup002_near_copy_among_similar_paragraphs_is_found(lint):
    """The near-copy look-ahead compares word pairs; a copy with one word changed, its case
    and punctuation altered, still shares enough of them to be checked in full."""
    para = ("The harbour authority said on Tuesday that the ferry terminal would stay closed "
            "until engineers had inspected the damaged pier and the storm had passed, and that "
            "passengers holding tickets for the cancelled crossings could claim a full refund "
            "at the terminal office or online within thirty days.")
    near = para.replace("Tuesday", "Wednesday").upper().replace(",", "").replace(".", "!")
    other = ("Fishing crews were told to keep their boats in port, and the coastguard said it "
             "would review the warnings issued before the storm reached the coast.")
    diags = lint(f"{para}\n\n{other}\n\n{near}\n", select=["DUP002"])
    assert [(d.location.row, d.message) for d in diags] == [(5, "Paragraph nearly repeats line 1")]


def test_dup002_near_possible_needs_alike_pairs_shared_pairs_and_close_lengths():
    from newslint.rules.duplicates import paragraphs as duplicates

    a = ("the harbour authority said on tuesday that the ferry terminal would stay closed until "
         "engineers had inspected the damaged pier and the storm had passed and that passengers "
         "holding tickets could claim a refund").split()
    near = a[:-1] + ["rebate"]  # the last word changed: a near copy
    # Shares many word pairs with ``a`` ("the ferry terminal would stay closed until"), but
    # half of them differ: no near copy, and no sketch is needed to say so.
    half = a[:17] + ("the council had agreed a new timetable with the operators and the "
                     "unions on the mainland").split()
    c = "fishing crews were told to keep their boats in port until the storm passed".split()
    assert duplicates._near_possible([(0, a), (1, near)], 12, 0.9)
    assert not duplicates._near_possible([(0, a), (1, half)], 12, 0.9)
    assert not duplicates._near_possible([(0, a[:14]), (1, c)], 12, 0.9)
    assert not duplicates._near_possible([(0, a), (1, list(a))], 12, 0.9)  # an exact copy is no near copy
    assert not duplicates._near_possible([(0, a), (1, a + c)], 12, 0.9)  # lengths too far apart
    # Alike as hashed pairs, but fewer than three word pairs in common (the sketch needs three).
    assert not duplicates._near_possible([(0, ["ha"] * 14), (1, ["ha"] * 13)], 12, 0.9)


@pytest.mark.parametrize(
    "chunk", ["Storm closes Harbour_Road, 2 ferries (and 3 buses) cancelled.", "O'Brien's 4x4 re-opened",
              "Café “owner’s” son — ẞtraße", "ÉTÉ été", "tab\there\nnext line"],
)
def test_dup002_word_split_matches_the_pattern(chunk):
    from newslint.rules.duplicates import paragraphs as duplicates

    assert duplicates._words(chunk) == duplicates.WORDS.findall(chunk.casefold())


def test_dup002_words_of_lines_in_a_text_that_is_not_all_ascii():
    """A story with names in accents: its lines are read from the text normalised once
    (the accented letters put back in their places), and must give the words the pattern
    gives; only a letter that casefolds to two ("ß", "İ") sends its line to the pattern."""
    from newslint.rules.duplicates import paragraphs as duplicates

    text = ("Czech Foreign Minister Jan Lipavský said on Monday the “talks” had failed.\n"
            "Prices rose 4.5% to £1,200 (€1,400) at 10:30 a.m. — O'Brien's 4x4, re-opened?\n"
            "Ministers met in Brno.\n\nŠtěpán Novák, aged 41, left.\nDie Straße in İzmir.\n")
    norm, odd = duplicates._normalized_in_part(text)
    assert len(norm) == len(text)
    assert [text[i] for i in odd] == ["ß", "İ"]
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append(Span(start, start + len(line)))
        start += len(line) + 1
    got = duplicates._unit_words(text, norm, odd, spans)
    assert got == [duplicates.WORDS.findall(text[a:b].casefold()) for a, b in spans]
    assert got[0][4] == "lipavský" and got[4] == ["štěpán", "novák", "aged", "41", "left"]
    assert duplicates._normalized_in_part("All plain “ASCII” here.") == ("all plain  ascii  here ", None)


@pytest.mark.parametrize(
    "text", ["It was was late.", "rock'n'roll rock'n'roll", "don’t don’t go", "O'Brien O'Brien said"],
)
def test_dup001_possessive_candidate_still_finds_repeats(text):
    from newslint.rules.duplicates import words as duplicates

    assert duplicates.CANDIDATE.search(text), text


# -- DUP002 leaves deliberate parallel structure alone -------------------------------------
PARALLEL = {
    "schedule": (
        "Festival schedule\n\nFriday\n\nThe main stage opens with local bands from the valley.\n\n"
        "Doors open at 7 p.m. and the bar closes at midnight.\n\nSaturday\n\n"
        "The headliners play the main stage from the early evening.\n\n"
        "Doors open at 7 p.m. and the bar closes at midnight.\n"
    ),
    "interview prompts": (
        "We asked three candidates the same questions.\n\nJane Doe\n\n"
        "What is the first thing you would change at city hall?\n\nThe bus routes, she said.\n\n"
        "John Roe\n\nWhat is the first thing you would change at city hall?\n\nThe budget, he said.\n"
    ),
    "recipe": (
        "## Tomato soup\n\nChop two onions and four tomatoes.\n\n"
        "Season with salt and pepper, then simmer for twenty minutes.\n\n"
        "## Lentil soup\n\nRinse a cup of red lentils.\n\n"
        "Season with salt and pepper, then simmer for twenty minutes.\n"
    ),
    "teaser links": (
        "## Graphics intern\n\nYou will build charts for the daily report.\n\n"
        "* [Read about our expectations and selection process](/how-to-apply.html)\n\n"
        "## Photo intern\n\nYou will edit pictures for the website.\n\n"
        "* [Read about our expectations and selection process](/how-to-apply.html)\n"
    ),
}


@pytest.mark.parametrize("name", sorted(PARALLEL))
def test_dup002_leaves_parallel_structure_alone(newslint, story, name):
    path = story(PARALLEL[name], name="story.md")
    proc = newslint("check", "--select", "DUP002", "--output-format", "json", path)
    assert (proc.returncode, json.loads(proc.stdout)) == (0, []), proc.stderr


def test_dup002_still_flags_a_copy_in_the_same_section(lint):
    text = ("Friday\n\nThe headliners play the main stage from the early evening.\n\n"
            "The headliners play the main stage from the early evening.\n\nSaturday\n\nDoors open at 7 p.m.\n")
    assert [(d.location.row, d.message) for d in lint(text, select=["DUP002"])] == [(5, "Paragraph repeats line 3")]


def test_dup002_captions_after_a_heading_are_still_repeats(lint):
    caption = "18 August 2018, Brandenburg, Meseberg: Dmitry Peskov arrives at the guesthouse. (dpa)"
    text = f"{caption}\n\nMore photos\n\n{caption}\n"
    assert [(d.code, d.location.row) for d in lint(text, select=["DUP002", "DUP003"])] == [("DUP003", 5)]


@pytest.mark.parametrize("text", ["It helps people jumping in in the middle of the show.",
                                  "What it is is a chance to start again."])
def test_dup001_small_words_that_can_double_keep_an_unsafe_fix(lint, text):
    (d,) = lint(text, select=["DUP001"])
    assert d.fix.applicability.value == "unsafe"


CAPTION = ("22 November 2024, Dnipro: A missile fragment lies on the grass in front of a damaged "
           "rehabilitation centre after a Russian attack on the city. (AFP)")


@pytest.mark.parametrize("copy", [
    CAPTION.replace("fragment", "fragmnet"),  # a typo in one copy
    CAPTION.replace("a damaged", "an damaged"),  # a real-word slip in one copy
    CAPTION.replace("the grass", "the the grass"),  # a word doubled in one copy
    CAPTION.replace(" on the city", " the city"),  # a word dropped in one copy
])
def test_dup003_caption_pasted_twice_and_changed_by_one_word(newslint, story, copy):
    """One changed word changes two of a caption's ~20 word pairs: under the near-copy share,
    but a caption repeated on the next line with one word apart is the same caption."""
    path = story(f"{CAPTION}\n{copy}\n\nRescue workers searched the building overnight.\n")
    proc = newslint("check", "--output-format", "json", "--select", "DUP003", "--no-cache", path)
    got = [(f["code"], f["location"]["row"], f["message"], f["fix"]) for f in json.loads(proc.stdout)]
    assert got == [("DUP003", 2, "Caption nearly repeats line 1", None)], proc.stderr


def test_dup_one_word_apart_only_next_to_each_other(lint):
    """Two long lines one word apart with other copy between them are parallel writing (a
    schedule, a list of results), not a paste; short lines one word apart are never copies."""
    other = CAPTION.replace("Dnipro", "Kharkiv")
    text = f"{CAPTION}\n\nThe attack came at dawn, officials said.\n\n{other}\n"
    assert lint(text, select=["DUP002", "DUP003"]) == []
    short = "Monday: Leeds v Hull, kick-off 3pm at Elland Road\nTuesday: Leeds v Hull, kick-off 3pm at Elland Road\n"
    assert lint(short, select=["DUP002", "DUP003"]) == []


def test_dup002_one_word_apart_beside_exact_repeats(lint):
    """A story with exact repeats compares each unit on its own words: a paragraph one word
    apart from the one before (changed, added or dropped) is still a near copy, a paragraph a
    few words apart from one further up is not, and the exact repeat names its first copy."""
    head = "Russia Considering Downgrading Relations with the West, the Kremlin Says"
    para = "Russia is considering a possible downgrading of relations with the West, the Kremlin said on Tuesday."
    other = "The foreign ministry summoned the ambassador on Monday to protest against the new sanctions."
    # (sixteen words: one word apart is two of fifteen word pairs, no near copy by its share)
    for copy in (para.replace("possible", "likely"), para.replace("possible ", ""),
                 para.replace("the West", "the whole West")):
        far = copy.replace("Tuesday", "Monday").replace("Russia is", "Moscow is").replace("the Kremlin", "Moscow")
        text = f"{head}\n\n{para}\n\n{copy}\n\n{other}\n\n{head}\n\n{far}\n"
        got = [(d.code, d.location.row, d.message) for d in lint(text, select=["DUP002"])]
        assert got == [("DUP002", 5, "Paragraph nearly repeats line 3"),
                       ("DUP002", 9, "Paragraph repeats line 1")], copy
