"""SPL001 keeps what a word alone says across stories (the dictionary tests, the word's
regular shape, whether it is a software term, its family of forms, the order of its
suggestions between two given words). What the story says must still be read per story:
each story here is checked after other stories that use the same words differently, and
must give what it gives in a fresh process."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.rules.spelling import checks


def _forget() -> None:
    for memo in (checks._PASSED, checks._SHAPES, checks._TECH, checks._FAMILY, checks._RERANKED, checks._NOT_NAMES):
        memo.clear()


def _found(text: str, fmt: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
    return [(d.location.row, d.location.column, d.message, tuple(d.suggestions))
            for d in lint_text(text, format=fmt, select=["SPL001", "SPL003"])]


STORIES = [
    # A software term that is one slip from a common word: trusted only where code shows.
    ("text", "Engineers said a cron job had failed overnight, leaving the site down.\n"),
    ("markdown", "Engineers said a cron job had failed overnight. Run `crontab -e` to fix it.\n"),
    # A listed misspelling capitalized inside a sentence: checked once, a name twice.
    ("text", "Officials said the Goverment would decide on Tuesday.\n"),
    ("text", "Officials said the Goverment would decide. The Goverment said nothing.\n"),
    # A name spelled two ways, and one of the spellings alone.
    ("text", "Minister Jan Lipavsky said talks were possible. Lipavsky added that no date was set. "
             "Later, Lipavksy declined to comment.\n"),
    ("text", "Later, the minister Jan Lipavksy declined to comment.\n"),
    # An unknown word used once (a typo) and twice (meant).
    ("text", "Owners said the frunk was big enough for two suitcases.\n"),
    ("text", "Owners said the frunk was big. A frunk is a front trunk.\n"),
    # A word whose family the story uses, and the same word alone.
    ("text", "The team spent weeks on the refactors, and they paid off.\n"),
    ("text", "The team spent weeks refactoring code, and the refactors paid off.\n"),
    # The same typo between other words: the suggestions follow the neighbours.
    ("text", "He todle the court he had not been there.\n"),
    ("text", "The todle of the report was changed.\n"),
    # A part known only inside its compound, and the same word alone.
    ("text", "The party backed laissez-faire economics, officials said.\n"),
    ("text", "The party backed faire economics, officials said.\n"),
    # A hyphenated coinage and the same word on its own.
    ("text", "Members voted down the anti-memberhip rules on Monday.\n"),
    ("text", "Members voted down the memberhip rules on Monday.\n"),
    # A short word inside a sentence (a name) and the same at a sentence start (a typo).
    ("text", "They met Teh officials on Monday.\n"),
    ("text", "Teh officials met on Monday.\n"),
    # A sentence-initial word, and the same word inside a sentence.
    ("text", "Goverment officials met on Monday. Nobody spoke.\n"),
    ("text", "They said Goverment officials met on Monday.\n"),
]


@pytest.fixture
def fresh() -> list[list[tuple[int, int, str, tuple[str, ...]]]]:
    out = []
    for fmt, text in STORIES:
        _forget()
        out.append(_found(text, fmt))
    _forget()
    return out


@pytest.mark.parametrize("order", ["forward", "backward", "twice"])
def test_a_story_reads_the_same_after_other_stories(fresh, order):
    idx = list(range(len(STORIES)))
    if order == "backward":
        idx.reverse()
    elif order == "twice":
        idx = idx + idx[::-1]
    for i in idx:
        fmt, text = STORIES[i]
        assert _found(text, fmt) == fresh[i], (order, text)


def test_the_stories_tell_apart_what_the_memos_must_not_merge(fresh):
    # The pairs above differ: a memo keyed on the word alone for a story-dependent test
    # would make one of each pair read like the other.
    for a in range(0, len(STORIES), 2):
        assert fresh[a] != fresh[a + 1], STORIES[a]
