"""The source map: text offsets map back to exact source rows and columns."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint import document
from newslint.document import Document, Position, Span, TextBuilder


def test_crlf_becomes_lf_and_maps_back():
    src = "Café said..\r\nNext line\r\n"
    doc = Document.from_text(src)
    assert doc.text == "Café said..\nNext line\n"
    at = doc.text.index("Next")
    assert doc.text_position(at) == Position(2, 1)
    assert doc.source_range(Span(11, 12)) == (11, 13)  # the "\n" stands for "\r\n"
    assert doc.is_verbatim(Span(0, 12))


def test_replace_maps_to_the_whole_entity():
    src = "Fish &amp; chips said.."
    b = TextBuilder(src)
    b.keep(0, 5)
    b.replace(5, 10, "&")
    b.keep(10, len(src))
    doc = b.build()
    assert doc.text == "Fish & chips said.."
    assert doc.source_range(Span(5, 6)) == (5, 10)
    assert not doc.is_verbatim(Span(5, 6))
    dots = doc.text.index("..")
    assert doc.text_position(dots) == Position(1, src.index("..") + 1)


def test_columns_count_characters_not_bytes():
    doc = Document.from_text("Lipavský said..\n")
    assert doc.text_position(doc.text.index("..")) == Position(1, 14)


def test_lines_paragraphs_words():
    doc = Document.from_text("Headline here\n\nFirst line\nsecond line\n\n\nLast.\n")
    assert [doc.slice(b.span) for b in doc.paragraphs] == ["Headline here", "First line\nsecond line", "Last."]
    assert doc.slice(doc.words[0]) == "Headline"
    assert len(doc.lines) == 8


@given(st.text())
def test_identity_map_round_trips(src):
    doc = Document.from_text(src)
    for t in range(len(doc.text) + 1):
        s = doc.source_offset(t)
        assert 0 <= s <= len(src)
    assert doc.source_range(Span(0, len(doc.text))) == (0, len(src)) or src.endswith("\r")


_WORD_SET, _LOWER = "_WORD_SET_SLICE", "_LOWER_SLICE"


@contextmanager
def _slice(name, size):
    """Long-text slicing at ``size`` characters (a megabyte in use), for one check."""
    old = getattr(document, name)
    setattr(document, name, size)
    try:
        yield
    finally:
        setattr(document, name, old)


@given(st.text(alphabet="ab Zé’-\n.İ", max_size=60), st.integers(min_value=1, max_value=9))
def test_a_long_text_gives_the_same_word_set_taken_a_slice_at_a_time(text, size):
    # A 20 MB file is taken a megabyte at a time; cut into small slices here, no run of
    # letters may be split in two or lost at a cut.
    low = document.lower_in_place(text)
    whole = document.ascii_word_set(low)
    with _slice(_WORD_SET, size):
        assert document.ascii_word_set(low) == whole
    assert whole == frozenset(w.encode() for w in re.findall("[a-z]+", low))


@given(st.text(alphabet="AbΣσ İé’ \n.Ǆ", max_size=60), st.integers(min_value=1, max_value=9))
def test_a_long_text_lowers_the_same_taken_a_slice_at_a_time(text, size):
    # str.lower needs twelve bytes a character at once, so a 20 MB file is lowered a
    # megabyte at a time: cut anywhere after a space, the result must not change (Greek
    # final sigma looks at its neighbours; "İ" lowers to two characters).
    whole = document.lower_in_place(text)
    with _slice(_LOWER, size):
        assert document.lower_in_place(text) == whole
    assert len(whole) == len(text)


@given(st.text(alphabet="ab \n\r", max_size=60), st.integers(min_value=1, max_value=9))
def test_line_starts_of_a_long_source_taken_a_slice_at_a_time(source, size):
    # A long source is split a slice at a time (no list of all its lines): the same starts.
    whole = document.source_line_starts(source)
    old = document._LINES_SLICE
    document._LINES_SLICE = size
    try:
        assert document.source_line_starts(source) == whole
    finally:
        document._LINES_SLICE = old
    expected = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
    assert list(whole) == expected


def test_line_starts_of_a_story_cut_into_slices():
    story = "Council Votes To Close Library\n\nThe council voted on Tuesday.\n" * 40
    old = document._LINES_SLICE
    document._LINES_SLICE = 7
    try:
        sliced = document.source_line_starts(story)
    finally:
        document._LINES_SLICE = old
    assert list(sliced) == [0] + [m.end() for m in re.finditer("\n", story)]


@given(st.text(alphabet="ab \n", max_size=60))
def test_lines_and_paragraphs_of_a_long_text_held_as_arrays_read_the_same(text):
    small = Document.from_text(text)
    old = document.COMPACT_CHARS
    document.COMPACT_CHARS = -1  # every text "long"
    try:
        long = Document.from_text(text)
        lines, paragraphs = long.lines, long.paragraphs
    finally:
        document.COMPACT_CHARS = old
    assert type(lines) is document.LineSpans and type(paragraphs) is document.ParagraphBlocks
    assert tuple(lines) == small.lines and lines == small.lines and len(lines) == len(small.lines)
    assert [lines[i] for i in range(-len(lines), len(lines))] == list(small.lines) * 2
    assert lines[1:3] == small.lines[1:3]
    assert tuple(paragraphs) == small.paragraphs and len(paragraphs) == len(small.paragraphs)
    assert [paragraphs[i] for i in range(len(paragraphs))] == list(small.paragraphs)
    from bisect import bisect_right

    for sp in small.lines:  # a rule's look-up of the line holding an offset
        probe = Span(sp.start, len(text) + 1)
        assert bisect_right(lines, probe) == bisect_right(small.lines, probe)


def test_long_line_spans_index_like_a_tuple(monkeypatch):
    """A long text's lines (held as an array of starts) index as the tuple would, out of
    range on either side included."""
    import newslint.document as document

    text = "The council met.\nThe mayor spoke.\n\nShe left."
    short = Document.from_text(text).lines
    monkeypatch.setattr(document, "COMPACT_CHARS", 0)
    long = Document.from_text(text).lines
    assert type(long) is not tuple and tuple(long) == short
    for i in range(-len(short), len(short)):
        assert long[i] == short[i]
    for i in (len(short), -len(short) - 1, -len(short) - 5):
        with pytest.raises(IndexError):
            short[i]
        with pytest.raises(IndexError):
            long[i]
