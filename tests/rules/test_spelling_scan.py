"""The spelling scan's short cuts against a plain reading of the same copy.

The scan drops pieces it has met before, keeps each piece's tokens, and decides whether a
capitalized word starts a sentence by a look at the two characters before it before it
runs INITIAL_BEFORE. The plain reading below does none of that: it locates every piece
with a pattern, reads each one afresh and runs INITIAL_BEFORE for every capitalized word.
Both must give the same tokens and variants, in the same order, on any copy.
"""

from __future__ import annotations

import re

import pytest

from newslint.document import Document
from newslint.rules.spelling import tokens as T
from newslint.rules.spelling.lexicon import lexicon, variant_keys
from newslint.rules.spelling.tokens import INITIAL_BEFORE, Token, Span


def plain_scan(text: str) -> tuple[list[Token], list[tuple[int, str]]]:
    frequent = lexicon().frequent_lower
    vkeys = variant_keys()[0]
    starts, ends = T._skip_spans(text)
    toks: list[Token] = []
    found: list[tuple[int, str]] = []
    for m in re.finditer(r"\S+", text):
        s, piece = m.start(), m.group()
        unusual, variant = T._piece_hits(piece, frequent, vkeys)
        for rel, part in variant:
            if not T._in_skip(starts, ends, s + rel, s + rel + len(part)):
                found.append((s + rel, part))
        for rel, word in unusual:
            a = s + rel
            if T._in_skip(starts, ends, a, a + len(word)):
                continue
            plain, first = T._template(word)
            at_start = a == 0 or INITIAL_BEFORE.search(text, max(0, a - 6), a) is not None
            for whole, stem, rs, re_, kind, compound in (first if first is not None and at_start else plain):
                toks.append(Token(whole, stem, Span(a + rs, a + re_), kind, compound))
    return toks, found


COPY = [
    # Names inside sentences and at their starts, after quotes, colons, brackets, dashes.
    "Kremlin spokesman Dmitry Peskov said on Thursday that talks were possible. Peskov added: "
    "Zelenskyy had not replied. 'Ryabkov is wrong,' he said. \u201cOrban\u201d was silent.\n",
    "Officials said.\u201d Meseberg hosted the talks (Brandenburg) \u2013 Izvestia reported. A\n"
    "Sybiha\n\nPoturaiev, 1Rubezh and x Artiukh; Suspilne! Pivdenmash? Shahed\u2026 Oreshnik\n",
    # Numbers before a name, commas, a name at the very start, a one-letter word before it.
    "Peskov 2 Peskov, Peskov 3Peskov a Peskov I Peskov. Peskov\tPeskov \u00a0Peskov\n",
    # Possessives, contractions, hyphens, prefixes, initials and inner capitals.
    "Russia's Orban-style co-ordinator didn't say; O'Brien met McDonald and the ICBMs' "
    "anti-war Mong-koo. Kilroy-Silk's iPhone spoeed recieve colour color.\n",
    # Not prose: URLs, e-mail, handles, hashtags, domains, entities, damaged letters.
    "See https://www.exmple.org/Recieve?x=Peskov or mail news@exmple.co.uk, @Peskovv #Zelensky "
    "bbc.co.uk/Spoeed &amp;Peskow; G?ttingen and G\ufffdttingen Peskow.\n",
    # A piece that holds another ("Ban" in "Bank"), repeated pieces, colour variants.
    "Bank Ban Banks Ban, Bank. Colour colour COLOUR Colours colours Color.\n",
    # Not prose joined to a word by a character that splits pieces but that the patterns'
    # \\s does not exclude (a URL runs on into "Spoeed"), and by spaces that do stop them.
    "Read https://exmple.org/a\x1cSpoeed and Recieve\x1dhttps://exmple.org/b then x@exmple.com\x1ePeskow.\n",
    "See http://www.news.com/world\x1cSpoeed or https://www.bbc.com\x1fRecieve.\n",
    "Tokyo\u00a0https://exmple.org/Spoeed\u00a0Recieve \rwww.exmple.org\rColour\u2009news@bbc.co.uk\u2009Peskow\n",
    # A domain the stdlib's \\b does not end ("bbc.com²") beside one it does, in one piece.
    "Peskow\u00a0bbc.com\u00a0exmple.com\u00b2Spoeed and colour.\n",
    # Anchors only in boring pieces, or in a piece far longer than the window around one.
    "The colour was bright? Yes & no. Peskow said.\n",
    # Pieces first met: numbers and signs, frequent words and variants in punctuation.
    "In 1999, 7,000 (10.8%) of 12-34 said: \u00a3300m $5bn 3'4 #1 @2 1/2 -- ... 2\u00b2 \u0661\u0662 "
    "colour, (Colour) \u00abcentre\u00bb \"labour\" said, (police) 4th 12-colour G7 x2 \u2163 Spoeed.\n",
    # Pieces whose every word holds a digit, beside ones with a word or a variant.
    "\u00a3300m, $671.7bn (\u00a314.5bn) 1940s 19th 3D-colour 2x-colour 5G/Spoeed 5G/colour "
    "\u00b2\u00b3 1,2,3,Peskow 1990's 1990s' 24.1bn/yr 4x4 COVID-19 \u0661\u0662abc 7\u2019s Spoeed.\n",
    "Spoeed " + "x" * 2500 + "https://exmple.org/" + "y" * 2500 + "Recieve Peskow\n",
]


@pytest.mark.parametrize("text", COPY)
def test_the_scan_reads_copy_as_a_plain_reading_does(text):
    scan = T._scan(Document.from_text(text))
    toks, found = plain_scan(text)
    assert list(scan.tokens) == toks
    assert list(scan.variants) == found


def test_every_character_that_splits_pieces_but_not_the_patterns_is_a_separator():
    # The scan skips the not-prose search when no unusual piece holds an anchor or stands
    # beside one of T.SEPARATORS: those must be all the characters str.split() splits at
    # and that the patterns' \\s does not match.
    import sys

    import regex

    space = regex.compile(r"\s")
    found = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and not space.match(c)]
    assert "".join(found) == T.SEPARATORS


def test_every_not_prose_match_holds_an_anchor():
    for text in COPY:
        for _, pattern in T.NOT_PROSE:
            for m in pattern.finditer(text):
                assert T._holds_anchor(m.group()), m.group()


def test_the_scan_reads_copy_met_before_the_same_way():
    # The second reading comes from the remembered pieces (and boring ones are dropped).
    for text in COPY:
        T._scan(Document.from_text(text))
    for text in COPY:
        scan = T._scan(Document.from_text(text))
        assert (list(scan.tokens), list(scan.variants)) == plain_scan(text)


def test_a_capitalized_word_after_a_letter_and_a_space_is_inside_a_sentence():
    # The look at the two characters before a word, against the pattern it stands for.
    text = "in Peskov, 2 Peskov, x Peskov, said Peskov. Peskov \u201cPeskov (Peskov \u2014 Peskov"
    for m in re.finditer(r"Peskov", text):
        a = m.start()
        quick = a >= 2 and text[a - 1] == " " and text[a - 2].isalnum()
        if quick:
            assert INITIAL_BEFORE.search(text, max(0, a - 6), a) is None


def test_the_name_pairs_are_those_of_near_pairs_that_can_be_reported():
    # SPL003 compares each repeated name with its near neighbours only; the pairs it gets
    # must be exactly the pairs of near_pairs (deletion keys over all names) that it could
    # report: same first letter, one edit apart, one of them used twice or more, in order.
    from collections import Counter

    from newslint.rules.spelling.checks import _near_name_pairs
    from newslint.rules.spelling.morph import near_pairs, one_edit

    counts = Counter({"Zelenskyy": 3, "Zelensky": 2, "Zelenskiy": 1, "Zelenskyi": 1, "Zalensky": 1,
                      "Peskov": 4, "Peskow": 1, "Pekov": 1, "Pesokv": 1, "Peskovs": 1, "Leskov": 2,
                      "Kapustin": 1, "Kapustan": 1, "Clinton": 2, "Clifton": 1, "Clintons": 1,
                      "Artiukh": 2, "Artiukhh": 1, "Artyukh": 1, "Suspilne": 1, "Suspilny": 1})
    names = sorted((n for n in counts if len(n) >= 6), key=lambda n: (len(n), n))
    want = [(a, b) for a, b in near_pairs(names)
            if a[0] == b[0] and one_edit(a, b) and max(counts[a], counts[b]) >= 2]
    assert _near_name_pairs(names, counts) == want
    assert ("Peskov", "Peskow") in want and ("Suspilne", "Suspilny") not in want


def test_the_word_before_a_typo_is_found_as_a_search_of_the_whole_window_finds_it():
    # neighbours() starts its search where a match can begin at the earliest; on any copy
    # it must find what the search from the window's start finds.
    import random

    from newslint.rules.spelling.context import _PREV, neighbours

    random.seed(18)
    alphabet = "ab '\n.,\u2019-\u00e9Z"
    texts = ["The missile reached a spoeed of Mach 11", "rock'n'roll  spoeed", "don't spoeed", "a' spoeed",
             "x\n spoeed", "said  \nspoeed", "  spoeed", "spoeed", "'ab spoeed", "o'  spoeed"]
    texts += ["".join(random.choice(alphabet) for _ in range(random.randrange(1, 45))) + "spoeed"
              for _ in range(3000)]
    for text in texts:
        start = text.rindex("spoeed")
        p = _PREV.search(text, max(0, start - 30), start)
        want = p.group(1).lower() if p else ""
        assert neighbours(text, start, start + 6)[0] == want, repr(text)


def test_the_quick_anchor_look_holds_every_not_prose_anchor():
    """The scan reads the text for not-prose spans only when a piece holds one of
    ANCHOR_LITERALS or ANCHOR_DOMAIN: an anchor added to NOT_PROSE alone would be missed."""
    import re

    from newslint.rules.spelling import tokens

    for anchor, _ in tokens.NOT_PROSE:
        if isinstance(anchor, re.Pattern):
            assert anchor.pattern.replace(r"\b", "") == tokens.ANCHOR_DOMAIN.pattern
        else:
            assert set(anchor) <= set(tokens.ANCHOR_LITERALS), anchor


# -- a first-met piece of one word, and a word of letters only: the short cuts ---------------
def _template_by_parts(word: str) -> T.Template:
    """The template as _parts makes it (the general path), known lower-case words left out."""
    plain = T._read(T._parts(word, False), lexicon())
    if word[:1].islower():
        return plain, None
    first = T._read(T._parts(word, True), lexicon())
    return plain, (first if first != plain else None)


def _entry_by_hits(piece: str) -> object:
    """The piece's entry through _piece_hits, as for a piece of several words."""
    frequent, vkeys = lexicon().frequent_lower, variant_keys()[0]
    hits = T._piece_hits(piece, frequent, vkeys)
    if hits is T.NOTHING:
        return T.NOTHING
    unusual, variant = hits
    entries = []
    for rel, word in unusual:
        tpl = _template_by_parts(word)
        if tpl[0] or tpl[1]:
            entries.append((rel, len(word), tpl[0], tpl[1]))
    if not entries and not variant:
        return T.NOTHING
    return tuple(entries), variant, T._holds_anchor(piece)


ONE_WORD_PIECES = [
    "said,", "The", "(police", "Peskov", "Peskov's", "“Zelenskyy”", "colour", "Colour,", "color.",
    "COLOUR", "cOlour", "Lipavský", "lipavský", "Émile", "中文", "a", "I", "X,", "Ok", "oK", "sAid",
    "Said", "SAID", "what?", "spoeed", "Spoeed!", "(Goverment)", "«Tarumã»", "…nandrolone…",
    "Programme", "programme", "Theatre", "labour", "Labour", "Ωmega", "İstanbul", "ǅemal",
]


@pytest.mark.parametrize("piece", ONE_WORD_PIECES)
def test_a_one_word_piece_reads_as_the_general_path_reads_it(piece):
    frequent, vkeys = lexicon().frequent_lower, variant_keys()[0]
    assert T._piece_entry(piece, frequent, vkeys, {}) == _entry_by_hits(piece)


@pytest.mark.parametrize("word", [p.strip(T.PUNCT) for p in ONE_WORD_PIECES])
def test_a_word_of_letters_has_the_template_of_parts(word):
    assert T._template(word) == _template_by_parts(word)


# Words with an apostrophe or a hyphen: the sentence-start reading is derived from the
# plain one (no hyphen), or is the plain one (a capitalized part after a hyphen).
OTHER_WORDS = [
    "Peskov's", "Peskov’s", "O'Brien", "O'Brien's", "D'Estaing", "ICBMs'", "McDonald's", "AOL'S",
    "Émile's", "Ωmega's", "İstanbul's", "ǅemal's", "It's", "Don't", "I'm", "Spoeed's", "Country's",
    "Kilroy-Silk", "Kilroy-Silk's", "Mong-koo", "Anti-war", "Anti-War", "Co-Founder", "Co-founder",
    "A-frame", "A-Frame", "X-ray", "Al-Majed", "al-Majed", "US-supplied", "Iranian-designed",
    "Zelenskyy-Putin", "Pre-spoeed", "Spoeed-like", "Non-Opec", "Ex-Spoeed", "Élysée-backed",
    "Paris-based", "Well-Known", "Re-ordered", "B-52s", "Tarumã-based", "Ö-kologie",
]


@pytest.mark.parametrize("word", OTHER_WORDS)
def test_a_word_with_marks_has_the_template_of_parts(word):
    assert T._template(word) == _template_by_parts(word)


# The pieces of a text are looked up once per distinct piece; a piece first met and found
# boring (or found to hold no token) must then be dropped at every later occurrence, and a
# first-met piece with tokens read at each one.
REPEATS = (
    "Officials said, said, \"said\" (police) police, (police) 1999, 1999, \u00a3300m \u00a3300m "
    "Spoeed Spoeed, Spoeed Recieve Recieve. Peskow said Peskow. Peskow's Peskow's co-founder "
    "co-founder O'Brien O'Brien ICBMs ICBMs colour colour, Colour. colour! centre-left centre-left.\n"
)


def test_the_repeated_copy_takes_both_ways_of_dropping_boring_pieces():
    # A short text asks the set of boring pieces once per piece, a long one once per
    # distinct piece (T.DISTINCT_MIN): the copy below must take both ways.
    assert len(REPEATS.split()) < T.DISTINCT_MIN <= len((REPEATS * 20).split())


@pytest.mark.parametrize("text", [REPEATS, REPEATS * 3, REPEATS * 20, *COPY])
def test_a_fresh_scan_reads_repeated_pieces_as_a_plain_reading_does(text):
    T._PIECES.clear()
    T._TEMPLATES.clear()
    T._BORING.clear()  # refilled with the frequent words at the next scan
    scan = T._scan(Document.from_text(text))
    assert (list(scan.tokens), list(scan.variants)) == plain_scan(text)
    assert any(t.text == "Spoeed" for t in scan.tokens) or text is not REPEATS


# -- known lower-case words have no token: the findings are those of a scan that keeps them ---
def _template_keeping_known_words(word: str) -> T.Template:
    """Every token of the word, as _parts makes it (the template before known words were
    left out)."""
    plain = tuple(T._parts(word, False))
    if word[:1].islower():
        return plain, None
    first = tuple(T._parts(word, True))
    return plain, (first if first != plain else None)


KNOWN_WORDS_COPY = [
    "Dunum by dunum, the settlers' land-grab spread. The country's intermediate-range "
    "missiles were disembarked, officials said. It's the world's longest-range system.\n",
    "The goverment's spokeman said the spoeed of the Oreshnik's warheads was "
    "fourth-largest. Still lifes sold well; the still-lifes' prices rose. Roastery's roastery.\n",
    "So-called experts at the Banx-run bank didn't recieve the co-ordinator's letter. "
    "Peskov's aide and Peskow's aide. Range-finder: a range-finders' range.\n",
    "Recieve recieve recieve. Ofo's ofo bikes. Labour's colour-coded plans, the labour "
    "party's color. The dabka's 'dabka' steps.\n",
    "The mayor of London's east and London's west met the Londen's envoy, officials said.\n",
    *COPY,
]


def _findings(text: str) -> list[object]:
    from newslint.rules.spelling import checks

    T._PIECES.clear()
    T._TEMPLATES.clear()
    T._BORING.clear()
    doc = Document.from_text(text)
    return [*checks.misspelling(doc), *checks.name_variant(doc),
            *checks.spelling_variant(doc, {"language": "any"})]


@pytest.mark.parametrize("text", KNOWN_WORDS_COPY)
def test_leaving_out_known_words_changes_no_finding(text, monkeypatch):
    left_out = _findings(text)
    with monkeypatch.context() as m:
        m.setattr(T, "_template", _template_keeping_known_words)
        kept = _findings(text)
    T._PIECES.clear()
    T._TEMPLATES.clear()
    T._BORING.clear()
    assert left_out == kept


def test_known_words_have_no_token_and_others_keep_theirs():
    text = "The country's intermediate-range spoeed, Peskov's co-ordinator disembarked a pre-spoeed.\n"
    got = [(t.text, t.kind, t.compound) for t in T._scan(Document.from_text(text)).tokens]
    assert got == [("spoeed", "word", ""), ("Peskov", "name", ""), ("spoeed", "word", "pre-spoeed")]


def _piece_hits_word_by_word(piece: str) -> T.Hits:
    """_piece_hits without its short cuts: each word of the piece read in turn."""
    frequent, vkeys = lexicon().frequent_lower, variant_keys()[0]
    unusual, variant = [], []
    at = 0
    for w in T.WORD.findall(piece):
        at = piece.index(w, at)
        if T._relevant(w, frequent):
            unusual.append((at, w))
        variant.extend((at + r, p) for r, p in T._variant_parts(w, vkeys))
        at += len(w)
    return (tuple(unusual), tuple(variant)) if unusual or variant else T.NOTHING


def test_a_piece_of_numbers_reads_as_its_words_read_one_by_one():
    import random

    rng = random.Random(12)
    pieces = [p for text in COPY for p in text.split()]
    alphabet = ["1", "9", "\u0661", "\u00b2", ".", ",", "-", "'", "\u2019", "$", "\u00a3", "m", "bn", "s",
                "colour", "Colour", "th", "Spoeed", "x", "/", "(", ")", "%", "G"]
    pieces += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 7))) for _ in range(3000)]
    for piece in pieces:
        assert T._piece_hits(piece, lexicon().frequent_lower, variant_keys()[0]) == _piece_hits_word_by_word(piece), piece


def test_no_spelling_variant_holds_a_digit():
    # A piece whose every word holds a digit is read as holding no variant.
    assert not any(c.isdigit() for word in variant_keys()[1] for c in word)


def test_the_sentence_start_look_answers_as_the_pattern_does():
    # _sentence_start skips INITIAL_BEFORE where its last character cannot be matched: on
    # copy with every mark, quote and kind of white space, it must answer as the pattern.
    import random

    rng = random.Random(7)
    alphabet = [*T.INITIAL_INERT, *T.INITIAL_MARKS, "\n", "a", "Z", "1", ",", "(", ")", "-", "\u2013",
                "\u00bb", "\u00ab", "\u2018", "\u201c", "\u2019", "\u201d", "[", "\u00e9", "\u3002"]
    texts = [text for text in COPY] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12))) + "Peskov" for _ in range(6000)
    ]
    for text in texts:
        for a in range(1, len(text) + 1):
            expected = INITIAL_BEFORE.search(text, max(0, a - 6), a) is not None
            assert T._sentence_start(text, a) == expected, (text, a)


def test_white_space_to_the_patterns_is_inert_before_a_sentence_start():
    # Every character the patterns' \s matches, but the line break (a mark), may stand
    # after the mark that starts a sentence: the look passes over each of them.
    import regex

    spaces = [c for c in map(chr, range(0x3001)) if regex.match(r"\s", c)]
    assert spaces and all(c in T.INITIAL_INERT for c in spaces if c != "\n")
