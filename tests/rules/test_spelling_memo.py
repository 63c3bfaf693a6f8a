"""SPL001 keeps what a word alone says across stories (the dictionary tests, the word's
regular shape, whether it is a software term, its family of forms, the order of its
suggestions between two given words). What the story says must still be read per story:
each story here is checked after other stories that use the same words differently, and
must give what it gives in a fresh process. Also: the searches for the word or piece
before a typo, started where a match can begin, against a search of the whole window."""

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


# -- the word before a typo, searched from where a match can begin -----------------------------
def _previous_word_by_window(text: str, start: int) -> str:
    m = checks._WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def test_the_word_before_is_found_as_a_search_of_the_whole_window_finds_it():
    import random

    from newslint.document import Document

    rng = random.Random(18)
    alphabet = "ab Zé.,;'’-\n\t\u00a0\u2003\x1c\x85\u3000Ωx1\"(" + "abc  "
    texts = ["Minister said Goverment", "the still lifes", "Mr. Peskow", "said,  Peskow", "x" * 40 + " Peskow",
             "Prime Minister\u00a0Goverment", "word.\n Goverment", "a" * 35 + ". Goverment"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 45))) for _ in range(3000)]
    for text in texts:
        doc = Document.from_text(text)
        for start in range(len(text) + 1):
            assert checks._previous_word(doc, start) == _previous_word_by_window(text, start), (text, start)


def test_every_white_space_of_the_patterns_is_white_space_to_python():
    # _previous_word skips back over str.isspace() characters: they must include every
    # character the pattern's \s matches.
    import sys

    import regex

    space = regex.compile(r"\s")
    assert all(chr(c).isspace() for c in range(sys.maxunicode + 1) if space.match(chr(c)))


def test_the_piece_before_is_found_as_a_search_of_the_whole_window_finds_it():
    import random

    rng = random.Random(5)
    alphabet = "ab Zé.,;'’-\n\t\u00a0\u2003\x1c\x1f\x85\u3000Ωx1\"(" + "abc  "
    texts = ["coup de grâce Raison", "d'être Raison", "x" * 40 + " Raison", "a\x1c Raison", " \x1c Raison"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 45))) for _ in range(3000)]
    for text in texts:
        for start in range(len(text) + 1):
            a = checks._piece_before(text, start)
            b = checks._PIECE_BEFORE.search(text, max(0, start - 30), start)
            assert (a and a.span(), a and a.group(1)) == (b and b.span(), b and b.group(1)), (text, start)


# -- a capitalized word inside a sentence: its neighbours read before the list of misspellings --
def test_the_capital_before_is_found_as_a_search_of_the_whole_window_finds_it():
    import random

    rng = random.Random(7)
    alphabet = "ab ZÉé.,;'’-\n\r\t\u00a0\u2003\x1c\x85\u3000ΩΣx1\"(" + "AbC  "
    texts = ["the Artic ice", "The Artic ice", "Mark Bailin said", "Agence France Presse", "Mr. Artic",
             "O'Neill-Smith Artic", "Foo \nArtic", "Foo\n Artic", "Foo\u00a0 Artic", "x" * 40 + " Artic",
             "A" + "b" * 45 + " Artic", "Foo \n\nArtic", "Foo \r\nArtic"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 50))) for _ in range(3000)]
    for text in texts:
        for start in range(len(text) + 1):
            a = checks._capital_before(text, start)
            b = checks._CAPITAL_BEFORE.search(text, max(0, start - 40), start)
            assert (a and a.span()) == (b and b.span()), (text, start)


def _capitalized_misspelling_list_first(text, tok, known):
    """The test as it read before: the list of misspellings first, then the words around."""
    if known is None or "," in known or " " in known or len(tok.text) < checks.CAPITALIZED_MIN:
        return False
    start, end = tok.span
    before = checks._CAPITAL_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        prev = before.group().strip()
        ps = before.start()
        if not (prev.lower() in checks.SENTENCE_OPENERS
                and (ps == 0 or checks.INITIAL_BEFORE.search(text, max(0, ps - 6), ps) is not None)):
            return False
    return checks._NAME_FOLLOWS.match(text, end) is None


@pytest.mark.parametrize("text", [
    "Scientists said the Artic ice was thinning. The Artic Council met. In the Artic, Goverment said.\n",
    "Officials at the Goverment said. The Goverment of Mark Bailin and Agence France Presse reported "
    "that Artic\u00a0Monkeys and the Begining of the Artic were\nArtic. Noone came; Soler went.\n",
    "“Artic” said Mr. Artic, the Artic-based 'Artic' firm. (Artic) Artic’s Artic. ARTIC Artics\n",
])
def test_a_capitalized_word_is_read_as_the_list_first_reading_reads_it(text):
    from newslint.document import Document
    from newslint.rules.spelling.lexicon import known_misspellings
    from newslint.rules.spelling.tokens import tokens

    get = known_misspellings().get
    toks = [t for t in tokens(Document.from_text(text)) if t.kind in ("name", "initial")]
    assert len(toks) >= 3
    want = [_capitalized_misspelling_list_first(text, t, get(t.text.lower())) for t in toks]
    checks._LISTED.clear()
    first_met = [checks._capitalized_misspelling(text, t, get) for t in toks]
    met_again = [checks._capitalized_misspelling(text, t, get) for t in toks]
    remembered = [checks._capitalized_misspelling(text, t, get) for t in toks]
    assert first_met == met_again == remembered == want
    assert any(want) and not all(want) or text.startswith("“")
