"""The shared scans that find rules' trigger words before their patterns run: the document's
lower-cased text and ASCII words, and the places the real-word and date rules try.

Each scan must find every place the rule's own pattern would: these tests compare the scan
with a plain pass of the pattern over the whole text, on copy written to catch the edges
(capitals, curly apostrophes, letters with accents beside a trigger, no-break spaces,
double spaces, a trigger at the very start or end)."""

from __future__ import annotations

import pytest

from newslint import Document
from newslint.rules.dates import parse as dates
from newslint.rules.realword import checks as realword
from newslint.rules.realword import confusion

EDGES = [
    "Their plan was better then the last one, and its cost was less than they're saying.",
    "THEIR PLAN WAS BETTER THEN THE LAST ONE. It’s clear they’re late; it's its own fault.",
    "éthere their-their their's there'd 'there' ’its’ -its- its- their x'their",
    "He said it was a hour late, an university, a  hour, a\u00a0hour, A hour and AN FBI agent.",
    "Data a hour.Mia an one-off; (a hour) \"a hour\" a an observation tower, a a line.",
    "An advice was given. A missile shrapnel lies on the grass. A lot people came, a lot evidence.",
    "İstanbul’s mayor said their plan, a hour later, would of worked: could  of, free reign.",
    "for all intensive purposes, the party towed the  line and it’s own; ALOT of them would of.",
    "On Thursday, Nov. 21, 2024, and THURSDAY (NOV. 21) the Mon. showed a Monday report in Sept.",
    "Wed Jun 5 junior Monday; Sunday, 3 March 2024; mon dec sat; SEPT. 30, 2022 (Friday)",
    "then",
    "a hour",
]


@pytest.mark.parametrize("text", EDGES)
def test_lowered_keeps_every_offset(text):
    doc = Document.from_text(text)
    assert len(doc.lowered) == len(text)
    assert all(doc.lowered[i] == text[i].lower() or not text[i].isascii() for i in range(len(text)))


def test_lowered_of_a_letter_that_lowers_to_two_keeps_offsets():
    doc = Document.from_text("İstanbul THEIR plan")
    assert doc.lowered == "İstanbul their plan"


@pytest.mark.parametrize("text", EDGES)
def test_ascii_words_are_the_runs_of_ascii_letters(text):
    import re

    doc = Document.from_text(text)
    assert doc.ascii_words == frozenset(w.encode() for w in re.findall(r"[a-z]+", doc.lowered))


def confusion_words_by_pattern(text: str) -> list[tuple[int, str]]:
    """What confusion_words must find: every token of the word pattern that is a confusion
    word and stands alone (the oracle; test_realword_scans.py uses it on more copy)."""
    low = Document.from_text(text).lowered
    expected = []
    for m in confusion.WORD_SCAN.finditer(low):
        start, end = m.span()
        if m.group() not in confusion.CONFUSABLE:
            continue
        if start and (text[start - 1].isalnum() or text[start - 1] in confusion.JOINERS):
            continue
        if end < len(text) and (text[end].isalnum() or text[end] == "-" or (
                text[end] in "'’" and end + 1 < len(text) and text[end + 1].isalpha())):
            continue
        expected.append((start, m.group()))
    return expected


@pytest.mark.parametrize("text", EDGES)
def test_confusion_words_are_the_tokens_the_word_scan_finds(text):
    doc = Document.from_text(text)
    assert confusion.confusion_words(text, doc.lowered, doc.ascii_words) == confusion_words_by_pattern(text)


@pytest.mark.parametrize("text", EDGES)
def test_phrase_matches_are_the_pattern_matches(text):
    doc = Document.from_text(text)
    low = doc.lowered
    expected = [m.span() for m in confusion.PHRASE.finditer(low)]
    if not any(a in low for a in confusion.PHRASE_ANCHORS):
        expected = []  # a phrase is only looked for when its first two words are typed as such
    assert [m.span() for m in confusion.phrase_matches(doc)] == expected


def test_phrase_matches_found_in_a_story(lint):
    text = "The mayor said the council could of acted sooner, and free reign was never given.\n"
    found = [d.message for d in lint(text, select=["RWE002"])]
    assert found == ['"could of" is probably a slip for "could have"', '"free reign" is probably a slip for "free rein"']


@pytest.mark.parametrize("text", EDGES)
@pytest.mark.parametrize("name", ["ARTICLE", "DOUBLE_ARTICLE", "MASS", "LOT"])
def test_article_patterns_tried_only_at_article_places(text, name):
    pattern = getattr(realword, name)
    doc = Document.from_text(text)
    expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in realword._matches(pattern, doc)] == expected


@pytest.mark.parametrize("text", EDGES + ["Visitors saw a an observation tower, An a road, a  \u00a0“a view and an an aerial."])
def test_double_article_tried_only_where_a_second_article_follows(text):
    doc = Document.from_text(text)
    expected = [(m.span(), m.groupdict()) for m in realword.DOUBLE_ARTICLE.finditer(text)]
    got = realword._matches(realword.DOUBLE_ARTICLE, doc, realword._second_article_places(doc))
    assert [(m.span(), m.groupdict()) for m in got] == expected


@pytest.mark.parametrize("text", EDGES)
def test_date_needles_found_in_the_lowered_text(text):
    low = Document.from_text(text).lowered
    got = dates.tokens(text, low)
    assert got == dates.tokens(text)
    months = []
    for m in dates._MONTH_NAMES.finditer(text, overlapped=True):
        if m.group()[:3] in dates._MONTH_SET and (m.end() >= len(text) or not text[m.end()].isalpha()):
            months.append(m.start())
    assert sorted(set(months)) == list(got.months)
    assert [m.span() for m in dates.weekday_names(text, low)] == [
        m.span() for m in dates.pattern("weekday_name").finditer(text)
    ]
