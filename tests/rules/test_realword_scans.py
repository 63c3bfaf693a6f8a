"""The real-word rules' short cuts give what the plain passes give.

Each short cut is compared with the plain computation it replaces, kept here as the oracle:
the words around a confusion word read from a few tokens instead of a findall over the
whole window, and the n-gram values remembered between calls."""

from __future__ import annotations

import pytest

from newslint import Document
from newslint.rules.realword import confusion, context, model

STORIES = [
    "Their plan was better then the last one, and its cost was less than they're saying.",
    "The minister, who had led the talks, said: \"It's its own fault.\" Officials asked weather"
    " the vote would go ahead. The Lakers’ lead grew; the Kremlin's reign, 11 years, ended.",
    "Extraordinarily-long-compound-word-that-fills-the-window-before-their plan, then more.",
    "their",
    "  their  there\n\nthen\tthan (their) “there” ’its’ -its- it’s; its… then",
    "A 1990s-era breach of the council's counsel: principals, principles; 2024 then 10,000 there",
    "Nach dem Treffen sagte er, dass their Pläne für die Zukunft, then, gut sind. Straße then",
    "Officials  said\u00a0their\u00a0plan would affect the service sector more than tourism.",
    "He said:their plan.Then the vote,there;its?it's!then",
    "x" * 90 + " their " + "y" * 90,
    "and " * 30 + "their " + "plans " * 30,
]


def around_by_window(text: str, start: int, end: int) -> context.Around:
    """The oracle: ``Context.around`` as a findall over the whole window each side."""
    before = context.TOKEN.findall(text, max(0, start - context.WINDOW), start)
    l1: str | None = "<s>"
    l2: str | None = None
    words: list[str] = []
    for tok in reversed(before):
        if not tok[0].isalnum():
            break
        words.append(tok)
        if len(words) == 2:
            break
    if words:
        l1 = context._before(words[0])
        l2 = context._before(words[1]) if len(words) == 2 else "<s>"
    right: list[str] = []
    for tok in context.TOKEN.findall(text, end, min(len(text), end + context.WINDOW)):
        if not tok[0].isalnum():
            break
        right.append(context._normal(tok))
        if len(right) == 2:
            break
    if len(right) < 2:
        right.append("</s>")
    return l2, l1, right[0], None if right[0] == "</s>" else right[1]


@pytest.mark.parametrize("text", STORIES)
def test_around_reads_what_the_window_findall_reads(text):
    ctx = context.Context(text)
    words = confusion.confusion_words(text, text.lower())
    assert words or len(text) < 20
    for start, word in words:
        assert ctx.around(start, start + len(word)) == around_by_window(text, start, start + len(word))
    # and at every word of the story, wherever the spaces fall
    for m in context.WORDS.finditer(text):
        assert ctx.around(*m.span()) == around_by_window(text, *m.span()), m.group()


def test_remembered_ngram_values_are_the_stored_ones(monkeypatch):
    from newslint.rules.realword.keys import ngram_key

    scores = model.NgramScores(model.data_file("realword_lm.bin"))

    def by_keys(word, l2, l1, r1, r2):
        s = scores.get(ngram_key("U", word))
        if l1 is not None:
            s += scores.get(ngram_key("L", l1, word))
            if l2 is not None:
                s += scores.get(ngram_key("T1", l2, l1, word))
            if r1 is not None:
                s += scores.get(ngram_key("T2", l1, word, r1))
        if r1 is not None:
            s += scores.get(ngram_key("R", word, r1))
            if r2 is not None:
                s += scores.get(ngram_key("T3", word, r1, r2))
        return s

    monkeypatch.setattr(model, "MEMO_SIZE", 7)  # forgets often: both paths are taken
    contexts = [("said", "the", "storm", "would"), (None, "<s>", "the", "council"), ("more", "tourism", "</s>", None),
                ("less", "more", "ten", "years"), (None, None, "the", "service"), ("said", "that", "</s>", None)]
    for _ in range(3):
        for word in ("than", "then", "their", "there", "they're", "its", "it's", "from", "form"):
            for around in contexts:
                assert scores.score(word, *around) == by_keys(word, *around), (word, around)
    assert len(scores._memo) <= 8


PHRASE_STORIES = [
    "The attack could of been prevented, he said, and would  of; SHOULD OF. It’s own goal, it's own.",
    "His men were given free reign: a sneak peak, sneak peaks; baited breath; per say (per-say) paper say.",
    "They towed the party line, tow the line, tows the government line; alot; xalot; alot’s; _alot.",
    "for all intensive purposes; bare in mind; beyond the pail; wreck havoc, wrecked havoc, wrecking havoc.",
    "The rein of terror peaked my interest, peaked their interest; éfree reign; free reign-era.",
    "He could of course resign.",
]


@pytest.mark.parametrize("text", PHRASE_STORIES)
def test_phrases_looked_for_only_where_their_words_occur(text):
    doc = Document.from_text(text)
    low = doc.lowered
    expected = [m.span() for m in confusion.PHRASE.finditer(low)]
    if not any(a in low for a in confusion.PHRASE_ANCHORS):
        expected = []
    assert expected or text.startswith("He could")
    assert [m.span() for m in confusion.phrase_matches(doc)] == expected
    # and a story without one of a phrase's words is not searched for it
    import re

    without_of = Document.from_text(re.sub(r"(?i)\bof\b", "off", text)).ascii_words
    assert "could" not in confusion._phrase_firsts(without_of)


@pytest.mark.parametrize("text", STORIES + PHRASE_STORIES + ["Who’s there? Who's, you’re, you're; they’re they're it's.",
                                                            "Its ASCII only: it's, they're, who's, you're then."])
def test_confusion_words_with_apostrophes_found_in_any_text(text):
    doc = Document.from_text(text)
    low = doc.lowered
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
    assert confusion.confusion_words(text, low, doc.ascii_words) == expected
