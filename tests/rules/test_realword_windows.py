"""A long document read a window at a time gives what the whole-text reading gives.

The real-word rules read a long document (an archive file) in windows of lines, each lowered
on its own (see ``newslint.rules.realword.windows``). Here every document is made "long" and
the windows small (a line or a few each), and the findings and fixes of the three rules are
compared with the whole-text reading of the same document, which is the oracle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newslint import Document, Finding
from newslint.document import lower_in_place
from newslint.rules.realword import checks, confusion, windows

sys.path.insert(0, str(Path(__file__).parent))
from test_realword_scans import ARTICLE_STORIES, MASS_STORIES, PHRASE_STORIES, STORIES  # noqa: E402
from test_trigger_scans import EDGES  # noqa: E402

EXAMPLES = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[2] / "examples").glob("*"))]
# Copy where a line break stands next to each trigger: the window edges fall there.
EDGE_LINES = [
    "They could\nof acted; free\nreign; could of\nacted. A\nhour, an\nhour, a\n advice. An advice\n. a lot\npeople",
    "their\nthere\nthen\n\nthan\n’its’\nit’s\na lot people\nan advice\na hour\n",
    "\n\nIt’s own goal.\nHe said its a shame.\nA lot evidence was here.\n\u00a0a\u00a0hour\u00a0later\n",
    "Only one phrase here: could of\nand its anchor elsewhere.",
    "could  of (two spaces: no anchor)\n\nbut free reign has one.",
    "They could  of acted,\nhe said: a phrase with two spaces, and none with one (the spacing rule's).",
    "İstanbul: a hour, their plan; Σ their ΣΑΣ then. The \u212aelvin peak, a lot peaK people.\nAn advice.",
]
# Stories as an archive: one after another, a blank line between them.
ARCHIVE = "\n\n".join(STORIES + ARTICLE_STORIES + MASS_STORIES + PHRASE_STORIES + EDGES + EXAMPLES + EDGE_LINES)
TEXTS = STORIES + ARTICLE_STORIES + MASS_STORIES + PHRASE_STORIES + EDGES + EDGE_LINES + EXAMPLES + [ARCHIVE]


def findings(text: str) -> list[Finding]:
    """The three rules' findings in ``text`` (a fresh document each time), with their fixes."""
    out = []
    doc = Document.from_text(text)
    for rule in (checks.indefinite_article, lambda d: checks.confused_word(d, {}), checks.mass_noun):
        out.extend(rule(doc))  # findings compare as values: span, message, fix and its edits
    return out


@pytest.mark.parametrize("size", [1, 10, 200])
@pytest.mark.parametrize("text", TEXTS)
def test_windows_find_what_the_whole_text_finds(text, size, monkeypatch):
    expected = findings(text)
    monkeypatch.setattr(windows, "LONG_CHARS", 0)
    monkeypatch.setattr(windows, "WINDOW_CHARS", size)
    assert windows.is_long(Document.from_text(text))
    assert findings(text) == expected


def test_the_archive_has_findings_of_each_kind():
    """The oracle is not empty: each rule finds something in the archive, phrases too."""
    found = findings(ARCHIVE)
    messages = " ".join(f.message for f in found)
    assert "Use " in messages and "takes no" in messages and "missing" in messages
    assert "is probably a slip" in messages and "where the context wants" in messages


@pytest.mark.parametrize("size", [1, 10, 200])
def test_window_scan_is_what_the_whole_text_scan_finds(size, monkeypatch):
    """The shared scan's pieces, one by one, against the whole-text functions."""
    doc = Document.from_text(ARCHIVE)
    places = checks._article_places(doc)
    words = confusion.confusion_words(doc.text, doc.lowered, doc.ascii_words)
    phrases = [m.span() for m in confusion.phrase_matches(doc)]
    mass = checks._mass_places(doc)
    monkeypatch.setattr(windows, "LONG_CHARS", 0)
    monkeypatch.setattr(windows, "WINDOW_CHARS", size)
    long_doc = Document.from_text(ARCHIVE)
    assert list(checks._article_places(long_doc)) == places
    assert list(confusion._long_confusion_words(long_doc)) == words
    assert [m.span() for m in confusion.phrase_matches(long_doc)] == phrases
    assert phrases
    # Mass places: the window's own (a subset of the whole text's, the ones that can match).
    long_mass = checks._mass_places(long_doc)
    assert set(long_mass[0]) <= set(mass[0]) and set(long_mass[1]) <= set(mass[1])
    assert "lowered" not in long_doc._cache and "ascii_words" not in long_doc._cache


@pytest.mark.parametrize("text", EDGE_LINES + [ARCHIVE, "x" * 50, "a\n" * 30, "\n\n\n", "", "İ\nΣ Σ\nΣa \u212a\n"])
@pytest.mark.parametrize("size", [1, 3, 17, 10**6])
def test_lowered_windows_are_slices_of_the_lowered_text(text, size):
    spans = list(windows.line_windows(text, size))
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e == len(text) or text[e - 1] == "\n" for _, e in spans)
    assert all(e - s <= size or "\n" not in text[s + size - 1:e - 1] for s, e in spans)
    assert "".join(low for _, low in windows.lowered_windows(text, size)) == lower_in_place(text)
    assert [s for s, _ in windows.lowered_windows(text, size)] == [s for s, _ in spans]


def test_only_one_character_is_longer_in_lower_case():
    """``windows`` lowers the ASCII letters only where "İ" occurs, as ``lower_in_place`` does
    where a character's lower case is longer: this Python knows no other such character."""
    longer = [chr(c) for c in range(sys.maxunicode + 1) if len(chr(c).lower()) != 1]
    assert longer == [windows.LONGER_IN_LOWER_CASE]


def test_a_long_document_is_read_without_its_lowered_copy(monkeypatch):
    """A long document never asks for the whole lower-cased text nor its word set."""
    monkeypatch.setattr(windows, "LONG_CHARS", 100)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 50)
    doc = Document.from_text(ARCHIVE)
    assert findings(ARCHIVE)
    for rule in (checks.indefinite_article, lambda d: checks.confused_word(d, {}), checks.mass_noun):
        list(rule(doc))
    assert "lowered" not in doc._cache and "ascii_words" not in doc._cache


def article_places_by_find(text: str) -> list[int]:
    """The oracle: each needle found with ``str.find`` in the lowered text, then the
    character before it read in the text."""
    from newslint.document import find_all

    low = lower_in_place(text)
    needles = checks.ARTICLE_NEEDLES + checks.ARTICLE_NEEDLES_NBSP
    return [i for i in find_all(low, needles) if not (i and text[i - 1].isalnum())]


@pytest.mark.parametrize("text", TEXTS + ["a", "an", "a ", "an\u00a0", "xa a an an\u00a0a\u00a0 1a ’a _a é a Éan İa a", "İan a",
                                  "\u00a0a\u00a0an\u00a0\u00a0 ban\u00a0 1an\u00a0 _a\u00a0 éan\u00a0 (an\u00a0x A\u00a0B AN\u00a0C",
                                  "n\u00a0", "\u00a0", "An\u00a0İ a\u00a0", "aan\u00a0 a n\u00a0 -an\u00a0 ’a\u00a0"])
def test_article_places_are_the_needles_after_no_letter_or_digit(text):
    assert checks._article_places(Document.from_text(text)) == article_places_by_find(text)


def test_the_article_search_reads_alnum_as_str_does():
    """``[^\\W_]`` (the search's look-behind) holds exactly the characters ``str.isalnum``
    says yes to, in this Python's Unicode tables."""
    import re

    alnum = re.compile(r"[^\W_]")
    assert [c for c in range(sys.maxunicode + 1) if bool(alnum.match(chr(c))) != chr(c).isalnum()] == []
