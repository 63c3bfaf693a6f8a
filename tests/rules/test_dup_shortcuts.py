"""DUP002/DUP003's cheap looks and one-pass readings must give what the plain way gives:
the normalised text and its offsets of letters beyond ASCII (one ``encode`` in place of a
pattern over the whole text), the caption patterns behind a look for a colon or bracket,
and the non-blank lines read without slicing each line."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

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
    """The normalised text as it was read before: typographic characters replaced, then a
    pattern over the whole text for the other characters beyond ASCII."""
    plain = text
    for ch in P._TYPOGRAPHIC:
        plain = plain.replace(ch, " ")
    if plain.isascii():
        return plain.encode("ascii").lower().translate(P._ASCII_SEPARATORS).decode("ascii"), None
    wordy = [m.start() for m in regex.finditer(r"[^\x00-\x7f]", plain) if P._WORDY.match(m.group())]
    norm = plain.encode("ascii", "replace").lower().translate(P._ASCII_SEPARATORS).decode("ascii")
    return norm, wordy or None


TEXTS = [
    "Plain ASCII: the Kremlin said on Monday? Yes.",
    "Russia’s “decisive phase” — and\u00a0more… ‘quoted’ – dash",
    "Czech Foreign Minister Jan Lipavský said the “talks” had failed?\nŠtěpán Novák, aged 41, left.",
    "Prices rose 4.5% to £1,200 (€1,400) • bullet ?",
    "Ünïcödé ẞtraße ΣΑΣ Ⅻ ² ٣ e\u0301 \U0001d400 emoji \U0001f600 ?",
    "\ud800 lone surrogate ?",
]


def test_normalized_text_agrees_with_the_plain_reading():
    for text in TEXTS:
        assert P._normalized_in_part(text) == normalized_plain(text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9 ?.\n’“”—–…\u00a0ýŠé£€•²ſ\u0301\U0001f600ẞΣ")), max_size=60))
def test_normalized_text_agrees_with_the_plain_reading_on_any_mix(text):
    assert P._normalized_in_part(text) == normalized_plain(text)


def lines_plain(doc: Document) -> list:
    """The non-blank lines as they were read before: each line sliced and looked at."""
    return [sp for sp in doc.lines if not (sp.start == sp.end or doc.text[sp.start : sp.end].isspace())]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "\t", "  x", "Kyiv said.", " \u00a0 ", "\u2028", "TT", " Moscow "]),
                max_size=12))
def test_non_blank_lines_without_slicing_each_line(lines):
    doc = Document.from_text("\n".join(lines))
    units, blocks = P._units(doc)
    assert units.spans == lines_plain(doc)
    assert units.kinds is None
    assert [units.before(i) for i in range(len(units.spans))] == list(range(-1, len(units.spans) - 1))
    # Paragraphs of several lines: none to look for where each paragraph is one line.
    assert blocks.spans == [b.span for b in doc.paragraphs if "\n" in doc.text[b.span.start : b.span.end]]


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
