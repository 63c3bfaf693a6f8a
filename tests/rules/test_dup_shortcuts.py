"""DUP002/DUP003's cheap looks and one-pass readings must give what the plain way gives:
the normalised text and its offsets of letters beyond ASCII (one ``encode`` in place of a
pattern over the whole text), the caption patterns behind a look for a colon or bracket,
and the non-blank lines read without slicing each line."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Span
from newslint.document import Document
from newslint.rules.duplicates import paragraphs as P

CAPTIONS = [
    "18 August 2018, Brandenburg, Meseberg: Kremlin spokesman Dmitry Peskov arrives. (dpa)",
    "Image caption Firefighters tackle the blaze in Leeds",
    "MEDIA CAPTION The moment the bridge collapsed",
    "Photo: Jane Doe/Reuters",
    "Rescue workers search the rubble in Kyiv. (AP Photo/Efrem Lukatsky)",
    "A man walks past the closed shop in Paris. Getty Images",
    "Supporters gather outside the court via Getty)",
    "Police officers at the scene [EPA-EFE/Jane Doe]",
    "Dmitry Peskov speaks to journalists in Moscow (AFP)",
    "Dmitry Peskov speaks to journalists in Moscow — Pictured: the Kremlin",
    "Dmitry Peskov speaks to journalists in Moscow GETTY IMAGES",
    "Putin said Western air defense systems would be powerless to stop the missile.",
    "Russia Considering Downgrading Relations with the West, the Kremlin Says",
    "The council said it would review the decision: no date was set.",
    "Caption competition winners announced on Friday",
    "Café owners in Zürich said the imageſ were fake getty",  # long s: folds to "s"
    "Imagesgetty",
    "   ",
    "",
]


def is_caption_plain(line: str) -> bool:
    """:func:`P.is_caption` without the cheap looks."""
    return bool(P.CAPTION_START.match(line) or P.CAPTION_END.search(line, max(0, len(line) - 100)))


def test_caption_looks_agree_with_the_patterns_on_news_lines():
    found = 0
    for line in CAPTIONS:
        for variant in (line, line.upper(), line.lower(), "  " + line, line + " ", "x" * 120 + " " + line):
            assert P.is_caption(variant) == is_caption_plain(variant), variant
            found += is_caption_plain(variant)
    assert found > 20  # the patterns do match many of them


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(
    "photo Photo: caption image Image media (AFP) (dpa [Reuters] Getty Images via getty : ( ) [ ] "
    "18 August 2018, Meseberg: Jane Doe said the the Kremlin . 2024-01-02, ſ K é".split(" ")), max_size=14),
    st.sampled_from([" ", "  ", "\t", "/"]))
def test_caption_looks_agree_with_the_patterns(words, sep):
    line = sep.join(words)
    assert P.is_caption(line) == is_caption_plain(line)


def normalized_plain(text: str) -> tuple[str, list[int] | None]:
    """The normalised text read plainly, character by character: ASCII letters and digits
    in lower case, every other ASCII character a space; a character beyond ASCII its
    casefold with each character the pattern takes no word from a space, when that is one
    character; else a space, its offset kept as odd."""
    out: list[str] = []
    odd: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch.lower() if ch.isalnum() else " ")
            continue
        folded = "".join(c if P.WORDS.fullmatch(c) else " " for c in ch.casefold())
        if len(folded) == 1:
            out.append(folded)
        else:
            out.append(" ")
            if folded.strip():
                odd.append(i)
    return "".join(out), odd or None


TEXTS = [
    "Plain ASCII: the Kremlin said on Monday? Yes.",
    "Russia’s “decisive phase” — and\u00a0more… ‘quoted’ – dash",
    "Czech Foreign Minister Jan Lipavský said the “talks” had failed?\nŠtěpán Novák, aged 41, left.",
    "Prices rose 4.5% to £1,200 (€1,400) • bullet ?",
    "Ünïcödé ẞtraße ΣΑΣ Ⅻ ² ٣ e\u0301 \U0001d400 emoji \U0001f600 ?",
    "\ud800 lone surrogate ?",
    "İzmir ﬁnal Kelvin \u212a ǅ \u0345 \u0130",
]


def test_normalized_text_agrees_with_the_plain_reading():
    for text in TEXTS:
        assert P._normalized_in_part(text) == normalized_plain(text), text


def test_words_of_spans_agree_with_the_pattern():
    for text in TEXTS:
        norm, odd = P._normalized_in_part(text)
        spans = [Span(a, b) for a in range(0, len(text), 7) for b in (min(len(text), a + 11),)]
        spans = [sp for k, sp in enumerate(spans) if k % 2 == 0]  # sorted, apart
        want = [P.WORDS.findall(text[a:b].casefold()) for a, b in spans]
        assert P._unit_words(text, norm, odd, spans) == want, text
        assert [P._words(text[a:b]) for a, b in spans] == want, text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9 ?.\n’“”—–…\u00a0ýŠé£€•²ſ\u0301\U0001f600ẞΣİﬁ")), max_size=60))
def test_normalized_text_agrees_with_the_plain_reading_on_any_mix(text):
    assert P._normalized_in_part(text) == normalized_plain(text)
    assert P._words(text) == P.WORDS.findall(text.casefold())


def lines_plain(doc: Document) -> list:
    """The non-blank lines as they were read before: each line sliced and looked at."""
    return [sp for sp in doc.lines if not (sp.start == sp.end or doc.text[sp.start : sp.end].isspace())]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "\t", "  x", "Kyiv said.", " \u00a0 ", "\u2028", "TT", " Moscow ",
                                 "Kyiv said.", "“Yes,” she said. "]), max_size=16))
def test_non_blank_lines_without_slicing_each_line(lines):
    doc = Document.from_text("\n".join(lines))
    units, blocks = P._units(doc)
    assert units.spans == lines_plain(doc)
    assert units.kinds is None
    assert [units.before(i) for i in range(len(units.spans))] == list(range(-1, len(units.spans) - 1))
    # Paragraphs of several lines (told from the lines, not by a search for a line break),
    # with the paragraph of several lines right before each and where the text before ends.
    want, prev, prev_end = [], [], []
    last_end = last = -1
    for b in doc.paragraphs:
        if "\n" in doc.text[b.span.start : b.span.end]:
            want.append(b.span)
            prev.append(last)
            prev_end.append(last_end)
            last = len(want) - 1
        else:
            last = -1
        last_end = b.span.end
    assert blocks.spans == want
    if want:
        assert (blocks.prev, blocks.prev_end) == (prev, prev_end)


# -- DUP001: the looks in C before the repeated-word pattern --------------------------------
from newslint.rules.duplicates import words as W  # noqa: E402

REPEAT_COPY = [
    "Officials said the the bridge would reopen.",
    "The talks ended in Paris. In Paris, officials said the 2.2% rise (the the) was a slip.",
    "Prices rose 5m 6m and then 2.2 2.2 - the council's council's budget.",
    "rock'n'roll rock'n'roll, don’t don’t go, “no no” she said",
    "It was was late.\nlate in the day, Été été, ÉTÉ été; café Café",
    "He said that that the plan had failed. 12 12 of them; in-in; well-known known",
    "Police were called to Paris. Paris is calm now — very, very calm… é é",
]


def test_repeated_word_looks_never_hide_a_repeat():
    for text in REPEAT_COPY:
        for variant in (text, text.upper(), text.lower(), text.replace(" ", "\n")):
            if W.REPEAT.search(variant):
                assert not W._no_repeat_possible(variant), variant
    assert W._no_repeat_possible("Police were called to Paris. Paris is calm, in. In 2.2 2.2 5m 6m.")


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(
    ["the", "The", "THE", "in", "In", "2", "5m", "6m", "don't", "don’t", "été", "Été", "'", "’", "-", ".",
     ",", "“", "”", "(", ")", "\u00a0", "é", "É", "x2", "2x"]), max_size=12),
    st.lists(st.sampled_from([" ", "  ", "\n", "", "\t", " \n "]), min_size=12, max_size=12))
def test_repeated_word_looks_are_a_necessary_condition(tokens, gaps):
    text = "".join(t + g for t, g in zip(tokens, gaps))
    if W.REPEAT.search(text):
        assert not W._no_repeat_possible(text), text


def test_typographic_characters_made_spaces_first_read_as_spaces():
    """The quotes, dashes and no-break spaces made spaces before the encoder runs must be
    what the plain reading makes of them, beside letters beyond ASCII or with none."""
    assert all(P._folded(ch) == " " for ch in P._TYPOGRAPHIC)
    for text in ("“Yes,” she said — ‘twice’… no\u00a0more – ok?", "Lipavský’s “plan”—Štěpán’s?", "£4.5bn • 20°C, €3"):
        assert P._normalized_in_part(text) == normalized_plain(text)


def letter_pair_by_tokens(loose: bytes) -> bool:
    """:func:`W._letter_pair` as the tokens read it: split, each compared with the next."""
    tokens = loose.split()
    return any(a == b and not 48 <= a[0] <= 57 for a, b in zip(tokens, tokens[1:]))


LOOSE_COPY = [
    "Officials said the the bridge would reopen.",
    "Prices rose 5m 5m and then 2.2 2.2, 12 12 12 of them; the 2 2 the",
    "5m 5m the the",
    "the  the",  # two spaces between
    "the theatre",  # a token that begins like the one before
    "theatre the",
    "at at",  # at the very start and the very end
    "x",
    "",
    "  ",
    "don't don't, rock'n'roll rock'n'roll, ' '",
    "11 1 1x 1x",  # digits first: never a letter pair
    "a1 a1",
    "Été été café cafés",
]


@pytest.mark.parametrize("text", LOOSE_COPY)
def test_letter_pair_by_search_agrees_with_the_tokens(text):
    loose = text.encode("latin-1").translate(W._LETTERS_APOSTROPHE_DIGITS)
    assert W._letter_pair(loose) == letter_pair_by_tokens(loose), text


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["the", "th", "he", "5", "5m", "m5", "'", "a'b", "é", "x"]), max_size=10),
       st.lists(st.sampled_from([" ", "  ", "   "]), min_size=10, max_size=10))
def test_letter_pair_by_search_agrees_with_the_tokens_on_any_mix(tokens, gaps):
    loose = "".join(g + t for t, g in zip(tokens, gaps)).encode("latin-1")
    for variant in (loose, loose.strip(), loose + b" "):
        assert W._letter_pair(variant) == letter_pair_by_tokens(variant), variant
