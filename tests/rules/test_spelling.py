"""SPL001 misspelling, SPL002 spelling-variant, SPL003 name-variant."""

from __future__ import annotations

import json

import pytest

from newslint.config import Config, Vocabulary
from newslint.diagnostics import Applicability


def spl(diags, code="SPL001"):
    return [d for d in diags if d.code == code]


def words(diags, text, code="SPL001"):
    lines = text.split("\n")
    return [lines[d.location.row - 1][d.location.column - 1 : d.end_location.column - 1] for d in spl(diags, code)]


# -- SPL001 misspelling ----------------------------------------------------------------------
def test_keyboard_slip_with_speed_first(lint):
    text = "The missile had six warheads and reached a spoeed of Mach 11, it said.\n"
    (d,) = spl(lint(text, select=["SPL001"]))
    assert (d.name, d.location.row, d.location.column) == ("misspelling", 1, 44)
    assert d.suggestions[0] == "speed"
    assert d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    assert d.fix.edits[0].content == "speed"


@pytest.mark.parametrize(
    ("typo", "fix"),
    [
        ("recieve", "receive"),
        ("goverment", "government"),
        ("accomodate", "accommodate"),
        ("ministre", "minister"),  # swapped letters
        ("offficials", "officials"),  # a letter doubled
        ("goverbment", "government"),  # a key beside its neighbour
        ("soldirs", "soldiers"),  # a letter dropped
    ],
)
def test_common_misspellings_and_slips(lint, typo, fix):
    text = f"The aid agency said it would {typo} the convoy on Tuesday, officials said.\n"
    (d,) = spl(lint(text, select=["SPL001"]))
    assert d.suggestions[0] == fix


def test_known_misspelling_with_one_correction_has_a_safe_fix(lint):
    (d,) = spl(lint("Officials did not recieve the letter.\n", select=["SPL001"]))
    assert d.fix.applicability is Applicability.SAFE
    assert d.fix.edits[0].content == "receive"


def test_case_follows_the_original(lint):
    (d,) = spl(lint("Spoeed was the issue, the engineer said.\n", select=["SPL001"]))
    assert d.suggestions[0] == "Speed"


CLEAN = """\
Kremlin spokesman Dmitry Peskov said the West's approach left Russia few options.
Peskov said no decision had been taken. Czech Foreign Minister Jan Lipavský called it an escalatory step.
The missile carried six submunitions and was hypersonic, the ICBMs were not used, AFP and dpa reported.
Russian hardliners and nongovernmental groups warned that autocracies would be emboldened.
The nearly 33-month-old war entered its 4th year; see https://example.com/news or mail desk@example.org.
Follow @newsdesk and #Ukraine for updates. The well-known co-ordinator didn't say they'd pre-empt it.
Ukraine’s parliament and the president’s office said the colour and the theatre were fine.
"""


def test_names_numbers_urls_and_rare_words_stay_quiet(lint):
    assert spl(lint(CLEAN, select=["SPL001"])) == []


def test_sentence_start_name_is_not_a_misspelling(lint):
    text = "Peskov said the talks were over.\nLater, Sybiha said Kyiv would respond.\n"
    assert spl(lint(text, select=["SPL001"])) == []


def test_sentence_start_typo_near_a_common_word_is_flagged(lint):
    text = "Goverment officials met on Monday. Thier statement followed.\n"
    assert words(lint(text, select=["SPL001"]), text) == ["Goverment", "Thier"]


def test_a_name_after_a_closing_quote_is_inside_the_sentence(lint):
    # `,"` closes a quotation: "Investec" continues the sentence and is a name.
    good = '"Prices will fall further," Investec economist Philip Shaw said.\n'
    assert spl(lint(good, select=["SPL001"])) == []
    # After an end mark and a closing curly quote a new sentence starts and is checked.
    bad = "“Prices will fall,” she said. “It is over.” Goverment officials disagreed.\n"
    assert words(lint(bad, select=["SPL001"]), bad) == ["Goverment"]
    opening = 'He said: "Thier plan failed." He left.\n'
    assert words(lint(opening, select=["SPL001"]), opening) == ["Thier"]


def test_possessive_and_contraction_with_both_apostrophes(lint):
    text = "The goverment’s plan and the goverment's budget weren’t ready, and it's late.\n"
    assert words(lint(text, select=["SPL001"]), text) == ["goverment", "goverment"]


def test_each_part_of_a_hyphenated_word_is_checked(lint):
    text = "It was a long-runing dispute over a state-owned firm.\n"
    assert words(lint(text, select=["SPL001"]), text) == ["runing"]


def test_a_known_misspelling_beside_an_unknown_word_is_not_a_foreign_phrase(lint):
    # Two unknown lower-case words side by side read as a foreign phrase and stay quiet,
    # but "recieve" is English misspelled: the word after it is still checked.
    text = "The goverment will recieve repressentations from the unions.\n"
    assert words(lint(text, select=["SPL001"]), text) == ["goverment", "recieve", "repressentations"]


def test_vocabulary_accept_and_reject(lint):
    vocab = Vocabulary(accept=frozenset({"Ons", "newsroomy"}), reject={"Kiev": "Kyiv"})
    text = "The newsroomy style in Kiev hid repressentations, Ons said.\n"
    diags = spl(lint(text, select=["SPL001"], config=Config(vocabulary=vocab)))
    got = {text[0:0] + words([d], text)[0]: d for d in diags}
    assert set(got) == {"Kiev", "repressentations"}  # accepting "Ons" hides no substring
    assert got["Kiev"].fix.applicability is Applicability.SAFE
    assert got["Kiev"].fix.edits[0].content == "Kyiv"


def test_misspelling_through_the_command(newslint, story):
    path = story("The convoy stoped near the border, the ministry said.\n")
    proc = newslint("check", "--output-format", "json", "--select", "SPL001", path)
    assert proc.returncode == 1, proc.stderr
    (finding,) = json.loads(proc.stdout)
    assert finding["name"] == "misspelling"
    assert finding["suggestions"][0] == "stopped"
    assert finding["location"] == {"row": 1, "column": 12}


def test_clean_story_through_the_command(newslint, story):
    path = story(CLEAN)
    proc = newslint("check", "--output-format", "json", "--select", "SPL", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []


def test_dictionary_loads_and_clean_copy_draws_nothing(lint):
    # Load time and words per second are measured by benchmarks/bench.py, not here.
    from newslint.document import Document
    from newslint.rules.spelling import checks as spelling, lexicon as _spell_lexicon

    _spell_lexicon.lexicon.cache_clear()
    lex = _spell_lexicon.lexicon()
    assert "submunitions" in lex and "spoeed" not in lex
    doc = Document.from_text(CLEAN * 300)
    assert list(spelling.misspelling(doc)) == []


# -- SPL002 spelling-variant -----------------------------------------------------------------
def test_minority_variety_is_flagged_with_the_other_form(lint):
    text = (
        "The convoy stopped 20 kilometres from the border.\n"
        "Aid workers walked the last two kilometres.\n"
        "The colour of the flags was visible 3 kilometers away.\n"
    )
    (d,) = spl(lint(text, select=["SPL002"]), "SPL002")
    assert (d.name, d.location.row) == ("spelling-variant", 3)
    assert '"kilometres" (line 1)' in d.message
    assert d.fix.edits[0].content == "kilometres"


def test_one_variety_is_quiet_and_language_option_flags_the_other(lint):
    text = "The session was cancelled and the theatre closed its centre.\n"
    assert spl(lint(text, select=["SPL002"]), "SPL002") == []
    cfg = Config(rule_options={"spelling-variant": {"language": "en-US"}})
    assert words(lint(text, select=["SPL002"], config=cfg), text, "SPL002") == ["cancelled", "theatre", "centre"]


# -- SPL003 name-variant ---------------------------------------------------------------------
def test_name_spelled_two_ways(lint):
    text = (
        "President Volodymyr Zelenskyy met the envoy. Officials close to Zelenskyy said talks went well.\n"
        "Later, Zelensky thanked the allies. Spokesman Dmitry Peskov declined to comment.\n"
        "Minister Jan Lipavský and Lipavský's deputy spoke; Lipavsky left early.\n"
    )
    diags = spl(lint(text, select=["SPL003"]), "SPL003")
    assert words(diags, text, "SPL003") == ["Zelensky", "Lipavsky"]
    assert '"Zelenskyy" elsewhere (line 1)' in diags[0].message


def test_different_real_names_are_not_variants(lint):
    text = "Clinton met Clifton. Clinton and Clifton spoke, and Clinton left.\n"
    assert spl(lint(text, select=["SPL003"]), "SPL003") == []


# -- the scan: located by str.find, skip spans by anchors ------------------------------------
def test_tokens_are_located_exactly_even_inside_longer_words(lint):
    from newslint.document import Document
    from newslint.rules.spelling.tokens import tokens

    text = "Banx said the Banxs were at Banx-run banks. Visit www.banxsite.com or mail banx@example.org.\n"
    doc = Document.from_text(text)
    got = [(t.text, t.kind, text[t.span.start : t.span.end]) for t in tokens(doc)]
    assert got == [("Banx", "initial", "Banx"), ("Banxs", "name", "Banxs"), ("Banx", "name", "Banx"), ("run", "name", "run")]


def test_spelling_variants_found_in_hyphenated_words_and_not_in_urls(lint):
    text = (
        "The colour-coded maps showed the colour of each district.\n"
        "A color chart is at www.color-example.com, the colour team said.\n"
    )
    assert words(lint(text, select=["SPL002"]), text, "SPL002") == ["color"]


# -- evidence from the story -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "He worked at the family roastery near the gate. The roastery opened in 1913.\n",  # used twice
        "The deal was agreed, officials said. ss/rt (dpa, epd, AFP)\n",  # a list of credits
        "Spring begins with the first solar term (lichun), the farmers said.\n",  # a gloss in brackets
        "Its dancers started a 'dabka' routine, the organisers said.\n",  # a word being mentioned
        "Dong used the zhan jing pan technique to glaze the vase.\n",  # a foreign phrase
    ],
)
def test_words_the_story_shows_are_meant_are_not_flagged(lint, text):
    assert spl(lint(text, select=["SPL001"])) == []


def test_a_listed_misspelling_is_flagged_even_when_repeated(lint):
    text = "Officials did not recieve the letter. Staff did not recieve it either.\n"
    assert words(lint(text, select=["SPL001"]), text) == ["recieve", "recieve"]


def test_a_single_slip_among_words_is_still_flagged(lint):
    text = "The minister said the goverbment would reply, and aides agreed.\n"
    assert words(lint(text, select=["SPL001"]), text) == ["goverbment"]


# -- name-variant pairs through deletion keys ------------------------------------------------
def test_near_pairs_find_one_edit_names_and_only_those():
    from newslint.rules.spelling.morph import near_pairs, one_edit

    names = sorted(["Peskov", "Peskow", "Pesokv", "Peskovv", "Zelensky", "Zelenskyy", "Clinton", "Obama"],
                   key=lambda n: (len(n), n))
    got = near_pairs(names)
    brute = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if len(a) >= 6 and one_edit(a, b)]
    assert [p for p in got if one_edit(*p)] == brute
    assert ("Peskov", "Peskow") in got and ("Peskov", "Pesokv") in got and ("Zelensky", "Zelenskyy") in got


def test_all_three_rules_are_quiet_on_a_long_clean_document(lint):
    from newslint.document import Document
    from newslint.rules.spelling import checks as spelling

    doc = Document.from_text(CLEAN * 1000)
    assert list(spelling.misspelling(doc)) == []
    assert list(spelling.spelling_variant(doc, {"language": "any"})) == []
    assert list(spelling.name_variant(doc)) == []


def test_lexicon_among_is_membership_of_each_word():
    from newslint.rules.spelling.lexicon import lexicon
    from newslint.rules.spelling.suggest import edits1

    lex = lexicon()
    for word in ("spoeed", "goverment", "submunitons", "londn", "escalatroy"):
        cands = edits1(word)
        assert lex.among(cands) == lex.among(cands, lower=True) == {w for w in cands if w in lex}
    assert "submunitions" in lex.among(edits1("submunitons"))  # a rare word, found by its hash
    mixed = ["London", "londn", "Spoeed", "émigré", "naïveté", "Zürich", "zzzzqx", "", "submunitions"]
    assert lex.among(mixed) == {w for w in mixed if w in lex} >= {"London", "submunitions", "émigré"}


def test_the_rare_words_index_points_at_each_bucket_of_the_sorted_hashes():
    from bisect import bisect_left

    from newslint.rules.spelling.lexicon import RARE_SHIFT, lexicon, rare_index

    rare, index = lexicon()._rare, rare_index()
    hashes = len(rare) - 1  # the last entry is the sentinel
    assert len(index) == (1 << (64 - RARE_SHIFT)) + 1 and index[-1] == hashes
    assert list(index) == sorted(index)
    for b in (0, 1, 4095, 32768, 65535, *range(100, 65536, 997)):
        assert index[b] == bisect_left(rare, b << RARE_SHIFT, 0, hashes)


@pytest.mark.parametrize(
    ("word", "stem"),
    [("don't", "do"), ("Russia's", "Russia"), ("AOL'S", "AOL"), ("we'll", "we"), ("I'M", "I"),
     ("they've", "they"), ("you're", "you"), ("she'd", "she"), ("'s", "'s"), ("o'clock", "o'clock")],
)
def test_possessive_and_contraction_endings_come_off(word, stem):
    from newslint.rules.spelling.tokens import _without_tail

    assert _without_tail(word) == stem


def test_a_long_url_is_skipped_to_its_end():
    from newslint.document import Document
    from newslint.rules.spelling.tokens import tokens

    path = "/".join(["frontpage"] * 60)  # the typo below stands ~600 characters past "://"
    text = f"Read the report at https://localnews.press/annual?ref={path}/spoeed/latest today, the mayor said.\n"
    assert [t.text for t in tokens(Document.from_text(text))] == []


def test_a_skip_span_covering_part_of_a_piece_leaves_the_rest_checked():
    from newslint.document import Document
    from newslint.rules.spelling.tokens import tokens

    text = "The council (see www.exmple.org/recieve) met in G?ttingen/spoeed and Bonn.\n"
    got = [t.text for t in tokens(Document.from_text(text)) if t.kind == "word"]
    assert got == ["spoeed"]  # the URL and the damaged name are skipped, not their neighbours


def test_pieces_remembered_as_holding_nothing_do_not_hide_later_words(lint):
    # The scan remembers pieces that held nothing ("said,", "The") across documents; a
    # variant or a typo must still be read in the next document, in any piece.
    first = "The mayor said the colour of the bus was red, the council said.\n"
    assert lint(first, select=["SPL001", "SPL002"]) == []
    second = "The mayor said the color was red. The colour, the council said, was blue. Spoeed.\n"
    codes = sorted(d.code for d in lint(second, select=["SPL001", "SPL002"]))
    assert codes == ["SPL001", "SPL002"]


def test_text_without_spaces_full_of_anchors_is_read_once():
    from newslint.rules.spelling.tokens import _pieces_around

    text = "ab?cd" * 2000
    pieces = _pieces_around(text, range(2, len(text), 5))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < c and b < d for (a, b), (c, d) in zip(pieces, pieces[1:]))  # in order
    assert len(pieces) < 10  # one piece per WINDOW of text, not one per anchor


def test_a_suggestion_used_elsewhere_in_the_story_goes_first(lint):
    from newslint.rules.spelling.suggest import suggest

    typo = "conmon"
    ranked = suggest(typo)
    assert ranked[0] != "conman" and "conman" in ranked[:3]
    text = f"Police said a conman had called. Some {typo} target the elderly, the conman said.\n"
    (d,) = spl(lint(text, select=["SPL001"]))
    assert d.suggestions[0] == "conman"


@pytest.mark.parametrize("word", ["conman", "con", "man", "conmen"])
def test_a_word_is_used_in_the_story_exactly_when_a_white_space_piece_is_it(word):
    from newslint.rules.spelling.checks import _used_in

    text = ("conman said the conman's friend, a conmanly man, met a conman. Then\t"
            "(conman) and \"conman\" and conman,\nand conmen: the man conman")
    pieces = set(text.split())
    expected = any(word + end in pieces for end in ("", ",", ".", "'s"))
    assert _used_in(text, word, 0, len(text)) is expected
    assert _used_in(text, "conman", 0, 7) is True and _used_in(text, "conman", 1, 30) is True
    assert _used_in("(conman) and conmanly", "conman", 0, 21) is False


def test_in_an_archive_only_the_words_around_a_typo_count_as_its_story(lint):
    from newslint.rules.spelling.checks import STORY_WINDOW

    filler = "The council met on Tuesday and the mayor spoke about the budget for the year. " * (
        3 * STORY_WINDOW // 80)
    typo = "Some conmon target the elderly, the police said.\n"
    near = filler + "Police said a conman had called. " + typo + filler
    far = "Police said a conman had called. " + filler + typo + filler
    (d_near,) = spl(lint(near, select=["SPL001"]))
    (d_far,) = spl(lint(far, select=["SPL001"]))
    assert d_near.suggestions[0] == "conman"
    assert d_far.suggestions[0] != "conman"  # 3 windows away: another story of the archive


def test_hyphenated_compound_parts_and_lower_case_names_are_not_misspellings(lint):
    text = (
        "The minister defended a laissez-faire approach to the banks. "
        "Critics called the speech touchy-feely, and the british public seemed unmoved.\n"
    )
    assert spl(lint(text, select=["SPL001"])) == []
    bad = "The minister defended a laissez-fiare approach to the banks.\n"
    (d,) = spl(lint(bad, select=["SPL001"]))
    assert "fiare" in d.message


def test_frequent_news_words_are_known_but_slips_of_them_are_not(lint):
    text = "Two conmen were jailed for the scam, and officials said the threat had been weaponised.\n"
    assert spl(lint(text, select=["SPL001"])) == []
    bad = "Two conmen were jailed for the scam, and officials said the thraet had been weaponised.\n"
    (d,) = spl(lint(bad, select=["SPL001"]))
    assert d.suggestions[0] == "threat"


def test_sound_key_matches_misspellings_that_sound_right():
    from newslint.rules.spelling.suggest import skeleton

    assert skeleton("pheremones") == skeleton("pheromones")
    assert skeleton("sucess") == skeleton("success")
    assert skeleton("spoeed") != skeleton("speech")


def test_a_word_marked_sic_is_left_alone(lint):
    text = 'The mayor wrote that the plan was "a total dissaster [sic] for the city."\n\nHe will recieve it.\n'
    found = [(d.location.row, d.message) for d in lint(text, select=["misspelling"])]
    assert found == [(3, 'Misspelled word "recieve"')]


def test_accept_patterns_alone_are_honoured(lint):
    from newslint.config import config_from_mapping

    cfg = config_from_mapping({"vocabulary": {"accept-patterns": [r"flimber\w*"]}})
    text = "The committee flimbered the proposal and then recieved it.\n"
    words = [d.message for d in lint(text, select=["misspelling"], config=cfg)]
    assert words == ['Misspelled word "recieved"']


def test_the_words_around_a_typo_pick_the_suggestion(lint):
    told = "He todle the court that he had not seen the letter.\n"
    (d,) = spl(lint(told, select=["SPL001"]))
    assert d.suggestions[0] == "told"
    title = "The todle of the report was changed before it was published.\n"
    (d,) = spl(lint(title, select=["SPL001"]))
    assert d.suggestions[0] == "title"


def test_word_pair_counts_favour_pairs_that_occur():
    from newslint.rules.spelling.context import counts, neighbours, rerank

    model = counts()
    assert model.association("three", "or") > 0 > model.association("the", "or")
    assert model.association("last", "three") > model.association("last", "the")
    assert model.association("zzqx", "three") == 0.0  # an unknown word is no evidence
    text = "in the last thee or four years"
    start = text.index("thee")
    assert neighbours(text, start, start + 4) == ("last", "or")
    assert neighbours("years, thee.", 7, 11) == ("", "")  # punctuation ends the context
    assert rerank((("the", 1.0), ("three", 0.5)), "last", "or")[0] == "three"
    assert rerank((("the", 1.0), ("three", 0.5)), "", "")[0] == "the"


def test_a_capitalized_sentence_start_before_another_name_or_in_quotes_is_a_name(lint):
    good = (
        "Shami Chakrabarti, director of the rights group, said the plan was wrong. "
        'He played for a club called "Palestino" in Santiago.\n'
    )
    assert spl(lint(good, select=["SPL001"])) == []
    bad = "Shami said the plan was wrong. Goverment officials disagreed.\n"
    assert [d.message for d in spl(lint(bad, select=["SPL001"]))] == [
        'Unknown word "Shami"',
        'Misspelled word "Goverment"',
    ]


def test_ise_and_ize_forms_of_a_known_word_are_words(lint):
    from newslint.rules.spelling.lexicon import lexicon
    from newslint.rules.spelling.morph import other_variety

    text = "Ministers warned against the weaponisation of migration and energy supplies.\n"
    assert spl(lint(text, select=["SPL001"])) == []
    assert other_variety(lexicon(), "weaponisation")
    assert not other_variety(lexicon(), "weaponisatoin")
    assert not other_variety(lexicon(), "weaponism")


def test_solid_compounds_with_a_short_common_half_are_words(lint):
    text = "The carmaking sector shrank, and a tieless prime minister toured a barreltop caravan.\n"
    assert spl(lint(text, select=["SPL001"])) == []
    bad = "The firm is a compond of two older companies, with an inntense focus on costs.\n"
    assert [d.suggestions[0] for d in spl(lint(bad, select=["SPL001"]))] == ["compound", "intense"]


def test_regular_inflections_pass_but_endings_against_the_rules_do_not(lint):
    text = "The bribers and their lawyers were in court.\n"
    assert spl(lint(text, select=["SPL001"])) == []
    bad = "He was takeing notes while others were moveing chairs, and the talks startes again.\n"
    assert [d.suggestions[0] for d in spl(lint(bad, select=["SPL001"]))][:2] == ["taking", "moving"]
    assert len(spl(lint(bad, select=["SPL001"]))) == 3


def test_context_reranking_through_the_command(newslint, story):
    path = story("The missile reached a spoeed of Mach 11.\nHe todle the court that it had failed.\n")
    out = newslint("check", "--no-cache", "--output-format", "json", "--select", "misspelling", str(path))
    found = [(f["location"]["row"], f["suggestions"][0]) for f in json.loads(out.stdout)]
    assert found == [(1, "speed"), (2, "told")]


def test_known_misspellings_are_found_by_binary_search_in_the_sorted_file():
    from newslint.rules.spelling.lexicon import SortedTable, _data, _pairs, known_misspellings

    raw = _data("spelling_typos.tsv")
    keys, values = _pairs(raw.decode("utf-8"))
    assert [k.encode() for k in keys] == sorted(k.encode() for k in keys)  # the build script sorts
    table = known_misspellings()
    assert all(table.get(k) == v for k, v in zip(keys[::97], values[::97]))
    assert table.get("recieve") == "receive" and table.get("spoeed") is None
    assert table.get(keys[0]) == values[0] and table.get(keys[-1]) == values[-1]
    assert table.get(keys[0][:-1]) is None and table.get(keys[-1] + "z") is None
    small = SortedTable(b"# header\nalpha\tA\nbeta\tB,b\ngamma\tG")  # no final line break
    assert [small.get(k) for k in ("alpha", "beta", "gamma", "delta", "")] == ["A", "B,b", "G", None, None]
    assert "beta" in small and "bet" not in small


# -- typos that look like words made of parts; words the story itself vouches for ----------
@pytest.mark.parametrize(
    ("text", "typo", "fix"),
    [
        ("Applications for memberhip of the club rose, officials said.\n", "memberhip", "membership"),
        ("The loan of 2 milklion dollars was approved on Monday.\n", "milklion", "million"),
        ("Talks between the two countrise resumed in Geneva.\n", "countrise", "countries"),
    ],
)
def test_a_slip_of_a_common_word_is_flagged_though_its_parts_are_words(lint, text, typo, fix):
    (d,) = spl(lint(text, select=["SPL001"]))
    assert words([d], text) == [typo] and d.suggestions[0] == fix


def test_a_slip_beside_a_name_is_still_flagged(lint):
    text = "The British international, Louise Damen, finishwed third in the final.\n"
    assert words(lint(text, select=["SPL001"]), text) == ["finishwed"]


@pytest.mark.parametrize(
    "text",
    [
        "The sprinter was booed by a shouty crowd and a whizzy gadget froze.\n",  # -y adjectives
        "The veteran was seen as a no-hoper before the final.\n",  # a coined compound part
        "Dunum by dunum, the land has been taken from the family, the farmers said.\n",  # used twice
        "Users of ofo pay 1 yuan. An ofo bike is yellow, and ofo has 10 million users.\n",  # a name used often
    ],
)
def test_regular_coinages_and_words_the_story_repeats_pass(lint, text):
    assert spl(lint(text, select=["SPL001"])) == []


# -- safe means safe: names, quotations, valid forms and foreign phrases -----------------------
def fix_of(diags, text, word, code):
    lines = text.split("\n")
    for d in spl(diags, code):
        if lines[d.location.row - 1][d.location.column - 1 : d.end_location.column - 1] == word:
            return d.fix.applicability
    raise AssertionError(f"{word!r} not flagged")


@pytest.mark.parametrize(
    ("text", "word", "applicability"),
    [
        ("Officials will recieve the report on Monday.", "recieve", Applicability.SAFE),
        ('"We will recieve the report," she said.', "recieve", Applicability.UNSAFE),  # a quotation
        ("The firm cut the budget in halfs.", "halfs", Applicability.UNSAFE),  # a regular form: may be meant
    ],
)
def test_misspelling_safe_fix_only_where_it_cannot_damage(lint, text, word, applicability):
    assert fix_of(lint(text, select=["SPL001"]), text, word, "SPL001") is applicability


@pytest.mark.parametrize(
    ("text", "word", "applicability"),
    [
        ("The color of the flag changed. The colour guard marched in the colour parade.", "color",
         Applicability.SAFE),
        ("The colour guard marched in the colour parade. Labor MPs said the color was wrong.", "Labor",
         Applicability.UNSAFE),  # a capitalized word at a sentence start may be a name
        ('The colour guard marched in the colour parade. "The color is wrong," she posted.', "color",
         Applicability.UNSAFE),  # inside a quotation: her words
    ],
)
def test_spelling_variant_safe_fix_only_where_it_cannot_damage(lint, text, word, applicability):
    assert fix_of(lint(text, select=["SPL002"]), text, word, "SPL002") is applicability


def test_spelling_variant_leaves_a_fixed_foreign_phrase_alone(lint):
    text = "The color of the flag was a double entendre, the colors of the old one were not."
    assert spl(lint(text, select=["SPL002"]), "SPL002") == []


def test_safe_fixes_through_the_command_leave_names_and_quotes(newslint, story):
    text = ('The color guard marched past the color stand. Labour MPs watched.\n'
            '"The colour is wrong," she posted. Museums hung still lifes, and staff will recieve them.\n')
    path = story(text)
    proc = newslint("check", "--select", "SPL001,SPL002", "--fix", path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == text.replace("recieve", "receive")


def test_misspelling_safe_fix_not_among_words_of_another_language(lint):
    text = "Remake serie animata de I Cavalieri dello Zodiaco per Netflix\n"
    assert fix_of(lint(text, select=["SPL001"]), text, "serie", "SPL001") is Applicability.UNSAFE


# -- recall the names rule hides: title-case headlines, capitalized listed misspellings -------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Goverment Announces New Polcy on Tax\n\nThe cabinet met on Monday.\n", ["Goverment", "Polcy"]),
        ("Officials Expect Longer Delays at the Bordre Crossing\n\nTrucks waited for hours.\n", ["Bordre"]),
        ("The Goverment said the plan would start soon.\n", ["Goverment"]),  # listed, capitalized
    ],
)
def test_title_case_headlines_and_capitalized_misspellings_are_checked(newslint, story, text, expected):
    path = story(text)
    proc = newslint("check", "--select", "SPL001", "--output-format", "json", path)
    lines = text.split("\n")
    got = [lines[f["location"]["row"] - 1][f["location"]["column"] - 1 : f["end_location"]["column"] - 1]
           for f in json.loads(proc.stdout)]
    assert (proc.returncode, got) == (1, expected), proc.stderr
    assert all(f["fix"]["applicability"] == "unsafe" for f in json.loads(proc.stdout))  # capitalized: maybe a name


@pytest.mark.parametrize(
    "text",
    [
        "Zelenskyy Meets Peskov in Dnipro After Talks\n\nZelenskyy said little.\n",  # names in a headline
        "Russia Considering Downgrading Relations with the West, the Kremlin Says\n",
        "Shami Chakrabarti said the report was late.\n",  # a name at a sentence start
        "The Ofo bikes arrived. Ofo said more would come. Ofo is growing.\n",  # a listed form used as a name
    ],
)
def test_names_in_headlines_and_sentences_stay_quiet(lint, text):
    assert spl(lint(text, select=["SPL001"])) == []


def test_spelling_variant_leaves_a_name_at_a_sentence_start_alone(lint):
    text = ("The Buffalo Sabres won at the center of the league. Sabres defense held the Rangers, "
            "and the center stayed calm.")
    assert spl(lint(text, select=["SPL002"]), "SPL002") == []


def test_a_word_the_markup_also_uses_is_a_technical_term(newslint, story):
    prose = "The tool {w} reads the spreadsheet and writes clean files for the graphics desk."
    md = story(prose.format(w="[csvkit](https://github.com/wireservice/csvkit)") + "\n", name="post.md")
    txt = story(prose.format(w="csvkit") + "\n", name="post.txt")
    found = {}
    for path in (md, txt):
        proc = newslint("check", "--select", "SPL001", "--output-format", "json", path)
        found[path.suffix] = [f["message"] for f in json.loads(proc.stdout)]
    assert found == {".md": [], ".txt": ['Unknown word "csvkit"']}


# -- real copy: words a story shows are meant -----------------------------------------------
def test_still_lifes_is_the_plural_of_the_compound(lint):
    text = "Interns will work on portraiture and still lifes in our studio. The nurses saved many lifes.\n"
    assert words(lint(text, select=["SPL001"]), text) == ["lifes"]
    assert words(lint(text.replace("many lifes", "many lives"), select=["SPL001"]), text) == []


def test_software_terms_are_words(newslint, story):
    prose = ("The page loads the chart in an iframe and the server will gzip the files. "
             "A cron job runs the {w} every night, officials said.\n")
    txt = story(prose.format(w="script"), name="post.txt")
    md = story(prose.format(w="`deploy` script"), name="post.md")
    # A page's scripts hold backticks; only <code> or <pre> shows code there.
    page = story("<html><body><script>var t = `x`;</script><p>" + prose.format(w="script")
                 + "</p></body></html>\n", name="page.html")
    found = {}
    for path in (txt, md, page):
        proc = newslint("check", "--select", "SPL001", "--output-format", "json", path)
        found[path.suffix] = [f["message"] for f in json.loads(proc.stdout)]
    # "cron" is one slip from "corn": trusted only in a story that shows code.
    assert found == {".txt": ['Unknown word "cron"'], ".md": [], ".html": ['Unknown word "cron"']}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The team spent weeks refactoring code, and the refactors paid off.", []),
        ("The team spent weeks on the refactors, and they paid off.", ["refactors"]),
        ("The desk keeps a local .xlsx file of the results.", []),
        ("The desk keeps a local xlsx archive of the results.", ["xlsx"]),
        ("The program took the default wav files for copyrighted songs.", []),
        ("The program took the default wav recordings for copyrighted songs.", ["wav"]),
        ("No offence, but pleeease, not another sequel.", []),
        ("The film follows a 1950s croooner from New York.", ["croooner"]),
        ("\"It's 'orrible,\" the fan said of the remake.", []),
        ("With the front trunk, or “frunk,” the car holds 21.7 cubic feet in total.", []),
        ("With the front trunk, or frunk, the car holds 21.7 cubic feet in total.", ["frunk"]),
        ("The fan said the remake was orrible.", ["orrible"]),
    ],
)
def test_evidence_in_the_story_that_a_word_is_meant(lint, text, flagged):
    assert words(lint(text + "\n", select=["SPL001"]), text) == flagged


def test_judgement_is_no_variety_difference(lint):
    text = "The court's judgement was read out in the center of town. The color guard marched past.\n"
    assert words(lint(text, select=["SPL002"]), text, "SPL002") == []
    mixed = text.replace("center", "centre")
    assert words(lint(mixed, select=["SPL002"]), mixed, "SPL002") == ["color"]


def test_a_word_beside_a_word_of_another_language_is_left_alone(lint):
    meant = "The raison d'être of the desk is speed, the editor said.\n"
    typo = "The raison for the change is speed, the editor said.\n"
    assert words(lint(meant, select=["SPL001"]), meant) == []
    assert words(lint(typo, select=["SPL001"]), typo) == ["raison"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # American dictionaries list "cancelled" and "fuelled" too: no British copy here.
        ("The show was cancelled, and the organizers said fears had fuelled the decision.", []),
        ("The show was canceled in March. The tour was cancelled in May, the organizers said.", ["cancelled"]),
        ("The show was cancelled, the organisers said, and the colour of the posters faded.", []),
        ("The organizers said the centre was closed and the theater was cancelled.", ["centre"]),
    ],
)
def test_a_doubled_l_marks_no_british_copy(lint, text, flagged):
    assert words(lint(text + "\n", select=["SPL002"]), text, "SPL002") == flagged


def test_name_variant_leaves_a_title_case_heading_alone(newslint, story):
    text = ("Every A-frame document begins with a scene tag, and A-frame draws it.\n\n"
            "## Nine Tips About Building In A-Frame\n\nThe A-Frame team said more.\n")
    proc = newslint("check", "--select", "SPL003", "--output-format", "json", story(text, name="post.md"))
    rows = [f["location"]["row"] for f in json.loads(proc.stdout)]
    assert rows == [5]  # the sentence, not the heading on line 3
