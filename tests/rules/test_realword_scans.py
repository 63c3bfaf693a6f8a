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
    "their " + "a" * 70 + " " + "b" * 20 + " then " + "c" * 76 + " d then",  # words across the window's edge
    "The Plan Said Their Chiefs Were Late. Then They Met Their Rivals, Then Their Fans; Then Than THEN",
    "He said their2 plans, their plan's end, their plan’s end, our plans’ their fate, plan_b their x_y z",
    "The U.S. their plan, a.m. then, p.m.\ntheir, e.g. their, Jan. their; plan.” their, plan.’ then plan.) their",
    "their,\nthen\n\ntheir ,then , their plan.their plan. Their, then.\u00a0their plan,their",
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


# Where a clause ends one word or no word away, each way (the short cuts for those).
CLAUSE_STORIES = [
    "In the year, from March to May, their plan. Then, there was more than tourism, than tea.",
    "He said: their plan. Later; then! Why? their plan… then… their\nplan then\n\ntheir then\r\nthen",
    "The U.S. their plan, 1,000 from 2,000. a.m. then… p.m.” then the “plan.” their ‘plan.’ (then) [their]",
    "Officials said, their plan; the plan, then. The Lakers’, their fans’, its men's, then it’s, there’s.",
    "x,their y.their z, their ,their . their .. their ... their ?! their !? then. then.. then...\"",
    "said. Than ten, from 10, from ten. than 10.5 than tens. then U.S., then. e.g. their end, then.x",
    ", their\n. then\n: from ; than ! there ? its … it's",
]


# Two words each side, and the places where the short cuts must not settle them: an
# apostrophe word in the gap, a word that goes on past its end, a second word after that
# ends at or past the window's edge, a bracket or digits beside it.
EDGE_STORIES = [
    "Officials said that it’s the best and that it's the worst, who’s to say, so you're not done.",
    "The rebels said their’ plan was the their’s own and then’ the plan than's end here now.",
    "He said their " + "x" * 40 + " " + "y" * 37 + " and then " + "x" * 40 + " " + "y" * 38 + " end.",
    "He said their " + "x" * 40 + " " + "y" * 39 + " and then " + "x" * 41 + " " + "y" * 38 + " end.",
    "He said their " + "x" * 40 + " " + "y" * 36 + ". And more than " + "q" * 39 + " " + "z" * 38 + "!",
    "Analysts (their plan) said [then the] vote from 10 more than 2 weeks, from a2 b3 then x-y z.",
    "A " + "w" * 76 + " v their plan now. B " + "w" * 77 + " v their plan now; C " + "w" * 78 + " v then a b.",
    "Mr Smith said their plan would affect the service sector more than tourism,” adding that it was.",
]


@pytest.mark.parametrize("text", STORIES + CLAUSE_STORIES + EDGE_STORIES)
def test_around_reads_what_the_window_findall_reads(text):
    ctx = context.Context(text)
    words = confusion.confusion_words(text, text.lower())
    assert words or len(text) < 20
    for start, word in words:
        assert ctx.around(start, start + len(word)) == around_by_window(text, start, start + len(word))
    # and at every word of the story, wherever the spaces fall
    for m in context.WORDS.finditer(text):
        assert ctx.around(*m.span()) == around_by_window(text, *m.span()), m.group()


def test_words_before_read_with_string_methods_are_the_patterns():
    """The two words before a place, read between its last three spaces with string methods,
    are what ``_TWO_WORDS_BEFORE`` read there, and with the rest of the short cuts, what the
    window's findall reads: on random copy with the characters that can stop one of them
    (capitals, accented and dotted capitals, digits, apostrophes, marks, line breaks, a
    no-break space), at every place, the first ones too."""
    import random

    rng = random.Random(18)
    words = ["said", "the", "plan", "Their", "x", "é", "İstanbul", "naïve", "2024", "it's", "Lakers’", "U.S.", "",
             "a2", "_b"]
    gaps = [" "] * 8 + ["  ", ", ", ".", "; ", "\n", "\u00a0", "-", " (", "“", "'", ""]
    for _ in range(1500):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 8)))
        ctx = context.Context(text)
        for start in range(len(text) + 1):
            assert ctx.before(start) == around_by_window(text, start, start)[:2], (text, start)
            q = text.rfind(" ", 0, start - 1) if start > 1 else -1
            p = text.rfind(" ", 0, q) if q > 0 else -1
            m = context._TWO_WORDS_BEFORE.fullmatch(text, p, start) if p >= 0 else None
            if m is not None:  # the pattern's reading is the method's
                assert ctx.before(start) == (m.group(1).lower(), m.group(2).lower()), (text, start)


def test_remembered_ngram_values_are_the_stored_ones(monkeypatch):
    from test_realword import score_by_keys  # the oracle, beside the rule's own tests

    scores = model.NgramScores(model.data_file("realword_lm.bin"))

    def by_keys(word, l2, l1, r1, r2):
        return score_by_keys(scores, word, l2, l1, r1, r2)

    monkeypatch.setattr(model, "MEMO_SIZE", 7)  # forgets often: both paths are taken
    contexts = [("said", "the", "storm", "would"), (None, "<s>", "the", "council"), ("more", "tourism", "</s>", None),
                ("less", "more", "ten", "years"), (None, None, "the", "service"), ("said", "that", "</s>", None)]
    for _ in range(3):
        for word in ("than", "then", "their", "there", "they're", "its", "it's", "from", "form"):
            for around in contexts:
                assert scores.score(word, *around) == by_keys(word, *around), (word, around)
    assert len(scores._memo) <= 8


# Trigrams the file stores without the bigram they hold (found by ``orphans.main``): "there
# are breaks" without "L are breaks", "under it's belt" without "R it's belt", "your married
# name" without "R your married"; and contexts of copy, where most trigrams are not stored.
ORPHAN_CONTEXTS = [
    ("breaks", ("there", "are", "</s>", None)), ("it's", ("on", "terror", "</s>", None)),
    ("affected", ("aren't", "yet", "</s>", None)), ("it's", (None, "under", "belt", "</s>")),
    ("from", (None, "keep", "confusing", "</s>")), ("your", (None, "<s>", "married", "name")),
    ("their", (None, "<s>", "seventeen", "year")),
]


def test_trigrams_looked_for_only_where_they_can_be_stored():
    from test_realword import score_by_keys

    data = model.data_file("realword_lm.bin")
    orphans = model.shipped_orphans(data)
    assert orphans is not None  # the lists are for the shipped file
    assert model.ngram_scores()._orphans is orphans or model.ngram_scores()._orphans == orphans
    shipped, plain = model.NgramScores(data, orphans), model.NgramScores(data)
    listless = model.NgramScores(data, (frozenset(),) * 4)  # as if every trigram had its bigrams
    for word, around in ORPHAN_CONTEXTS:
        expected = score_by_keys(plain, word, *around)
        assert shipped.score(word, *around) == expected == plain.score(word, *around), (word, around)
        assert listless.score(word, *around) != expected, (word, around)  # the lists are what finds it
    contexts = [("said", "the", "storm", "would"), (None, "<s>", "the", "council"), ("more", "tourism", "</s>", None),
                ("less", "more", "ten", "years"), ("said", "that", "are", "going"), ("the", "café", "owner", None),
                ("there", "are", "the", "belt"), ("on", "terror", "married", "name"), ("keep", "under", "seventeen", "year")]
    for word in ("than", "then", "their", "there", "they're", "its", "it's", "from", "form", "your", "breaks", "brakes"):
        for around in contexts:
            assert shipped.score(word, *around) == score_by_keys(plain, word, *around), (word, around)
    assert model.shipped_orphans(data[:-1] + bytes([data[-1] ^ 1])) is None  # another build: no lists


def test_remembered_verdicts_are_the_models(monkeypatch):
    """The remembered verdict for a word and the four words around it is the model's verdict
    there, whether it was remembered from another story, forgotten or asked afresh."""
    monkeypatch.setattr(confusion, "VERDICTS_SIZE", 5)  # forgets often: both paths are taken
    confusion._VERDICTS.clear()
    ctx = context.Context("")
    contexts = [("said", "the", "storm", "would"), (None, "<s>", "the", "council"), ("more", "tourism", "</s>", None),
                ("less", "more", "ten", "years"), ("said", "that", "are", "going"), ("that", "</s>", None, None)]
    for _ in range(3):
        for word in ("than", "then", "their", "there", "they're", "from", "form", "affect", "effect", "led", "lead"):
            for around in contexts:
                row = confusion.CONFUSED[word]
                fresh = confusion._model_verdict(ctx, word, row, around)
                assert confusion._verdict(ctx, word, row, around) == fresh, (word, around)
                assert confusion._VERDICTS[(word, around)] == fresh
    assert len(confusion._VERDICTS) <= 5
    confusion._VERDICTS.clear()


@pytest.mark.parametrize("text", STORIES)
def test_candidates_are_the_same_with_remembered_verdicts(text):
    """A story read twice (the second time from remembered verdicts) gives the same candidates
    as with no verdict remembered."""
    confusion._VERDICTS.clear()
    doc = Document.from_text(text)
    first = list(confusion.candidates(doc))
    assert list(confusion.candidates(Document.from_text(text))) == first
    confusion._VERDICTS.clear()
    assert list(confusion.candidates(Document.from_text(text))) == first


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


def test_phrases_possible_by_key_are_those_whose_words_all_occur():
    """The phrases left possible, found by one run of each, are those whose runs all occur
    (the plain test of every phrase): for every phrase's runs, each run left out in turn,
    and random sets of their runs with common words."""
    import random

    def by_every_phrase(words):
        return sorted({w for runs, firsts in confusion._PHRASE_NEEDS if runs <= words for w in firsts})

    all_runs = sorted({r for runs, _ in confusion._PHRASE_NEEDS for r in runs})
    common = [b"the", b"said", b"of", b"it", b"s", b"in", b"my"]
    cases = []
    for runs, _ in confusion._PHRASE_NEEDS:
        cases.append(frozenset(runs) | frozenset(common))
        cases += [frozenset(runs - {r}) | {b"the"} for r in runs]
    rng = random.Random(7)
    cases += [frozenset(rng.sample(all_runs, rng.randint(0, len(all_runs))) + common[:rng.randint(0, 7)])
              for _ in range(3000)]
    assert sum(bool(by_every_phrase(w)) for w in cases) > 100  # not all empty
    for words in cases:
        assert confusion._phrase_firsts(words) == by_every_phrase(words), sorted(words)


@pytest.mark.parametrize("text", STORIES + PHRASE_STORIES + ["Who’s there? Who's, you’re, you're; they’re they're it's.",
                                                            "Its ASCII only: it's, they're, who's, you're then."])
def test_confusion_words_with_apostrophes_found_in_any_text(text):
    from test_trigger_scans import confusion_words_by_pattern  # the oracle, beside the scan tests

    doc = Document.from_text(text)
    assert confusion.confusion_words(text, doc.lowered, doc.ascii_words) == confusion_words_by_pattern(text)


# -- RWE001 / RWE003: the article places each pattern is tried at ---------------------------
ARTICLE_STORIES = [
    "He said it was a hour late, a day early, a  week, a\u00a0year, a “bold” move, a ‘big’ one and a 'tall' tale.",
    "A hour. A day. An Björk song, a b-52, a b52, a B52, a t-shirt, a T-shirt, a p's and q's, a DVD, a bDay.",
    "a a day, a an day, an a day, a “an hour”, a \"a week\", An a road, a  \u00a0“a view, a an observation tower.",
    "a pdf, a mp4, a fbi agent, a gif, a j.crew, a k-pop star, a wwe fight, a vw, a zt, a qr code, a dj, a go",
    "Data a day.Mia an one-off; (a day) [a week] a-day x a.day a/day a&b a’day a—day",
    "a",
    "a day",
    "a hour, a honest man, an university, an one-off, a FBI agent, a MP, an hotel, a unicorn, an unicorn, a euro, an euro",
    "a Hour, A hour\nan Ounce, a x-ray, a X-ray, a 8, an 8, a a, an an, a der, A la carte, a on, an US envoy, AN UFO",
    "a hour/day, a hour’s wait, a hour's, a hour-long, a hour., a hour… a hour_x a honestly2 a hours) a hour]",
]
MASS_STORIES = [
    "An advice was given. A missile shrapnel lies on the grass. A lot people came, a lot evidence.",
    "A lot  evidence, a\u00a0lot\u00a0money; a  lot time. alot evidence. A lot  of evidence, a lot things.",
    "an advicewas; an  advice, a missile-shrapnel lies, a missile\u00a0shrapnel lies, a big  bad luggage.",
    "A research team, a great deal of research. a the information, a lot information. An equipment check.",
    "advice. a\nadvice. a advice; (a luggage) an expert advice? a very large jewellery is here",
    "an evidence of x " + "y" * 200 + " a" + "z" * 300 + " advice.",
    "Researchers said a lot people came; an informational a lot time. An adviceis here, a luggagewas, an advices.",
    "No mass noun here, but a lot people came and a lot things happened.",
    "Researchers saw a lot\u00a0people, a lottery, a lots, a lot-time and a lot  money.",
]


@pytest.mark.parametrize("text", ARTICLE_STORIES + MASS_STORIES + STORIES)
def test_indefinite_article_left_out_places_change_no_finding(text, monkeypatch):
    from newslint.rules.realword import checks

    doc = Document.from_text(text)
    got = [(f.span, f.message) for f in checks.indefinite_article(doc)]
    places = checks._article_word_places
    monkeypatch.setattr(checks, "_article_word_places", lambda d: (checks._article_places(d), places(d)[1]))
    doc = Document.from_text(text)
    assert got == [(f.span, f.message) for f in checks.indefinite_article(doc)]


DOUBLE_STORIES = [
    "An area, a an area, an an attack, a a day, a “an hour”, a \"a week\", a ‘an hour’, an ant, an aN day, an AN day.",
    "a an, a an. a an\u00a0day, a\u00a0an\u00a0day, a  an  2024, a an-hour, a an’s, a an", "a a", "an an ",
    "A an arc, An a road, a an\tday, a an\nday, a ana day, a an_day, a an é, a “a  b, a aa day, a a’ day",
]


@pytest.mark.parametrize("text", DOUBLE_STORIES + ARTICLE_STORIES + MASS_STORIES)
def test_doubled_article_places_are_where_the_pattern_matches(text):
    """The places ``DOUBLE_ARTICLE`` is tried at hold every match of a search over the text."""
    from newslint.rules.realword import checks

    doc = Document.from_text(text)
    expected = [m.span() for m in checks.DOUBLE_ARTICLE.finditer(text)]
    assert set(expected) <= {(p, p + len(m.group())) for p in checks._second_article_places(doc)
                             if (m := checks.DOUBLE_ARTICLE.match(text, p))}
    assert [m.span() for m in checks._matches(checks.DOUBLE_ARTICLE, doc, checks._second_article_places(doc))] == expected


def test_no_word_after_a_safe_letter_wants_an():
    from newslint.rules.realword import model, sounds

    safe = sounds.never_an()
    assert safe and not safe & set("aeiouhfmnlrsx")
    words = [w for w in model.first_sounds() if w[:1] in safe]
    words += [c + tail for c in safe for tail in ("", "52", "-52", "'s", "ashboard", "Bc", "BC", "-shirt", "x4", ".")]
    for word in words:
        assert sounds.article_for(word) != "an", word


@pytest.mark.parametrize("text", MASS_STORIES + ARTICLE_STORIES)
def test_mass_noun_left_out_places_change_no_finding(text, monkeypatch):
    from newslint.rules.realword import checks

    def findings():
        return [(f.span, f.message, f.fix.edits) for f in checks.mass_noun(Document.from_text(text))]

    got = findings()
    # the plain pass: every noun in the text (even inside a word), every article place
    monkeypatch.setattr(checks, "_mass_nouns", lambda d: [n for n in checks.MASS_NOUNS if n in d.lowered])
    monkeypatch.setattr(checks, "_places_before", lambda d, words, modifier=False: checks._article_places(d))
    assert got == findings()


@pytest.mark.parametrize("text", MASS_STORIES + ARTICLE_STORIES)
def test_mass_patterns_tried_only_before_their_words(text):
    from newslint.rules.realword import checks

    doc = Document.from_text(text)
    nouns = checks._mass_nouns(doc)
    assert set(nouns) <= {n for n in checks.MASS_NOUNS if n in doc.lowered}
    for pattern, words, modifier in ((checks.MASS, nouns, True), (checks.LOT, ["lot"], False)):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        places = checks._places_before(doc, words, modifier=modifier)
        assert [(m.span(), m.groupdict()) for m in checks._matches(pattern, doc, places)] == expected


def _model_file(entries: dict[int, int]) -> bytes:
    """A ``realword_lm.bin`` holding ``entries`` (key -> value), laid out as the build
    script lays it out."""
    import struct
    from array import array

    keys = sorted(entries)
    index = array("I", [0] * 65537)
    b = 0
    for i, k in enumerate(keys):
        while b <= k >> 48:
            index[b] = i
            b += 1
    while b <= 65536:
        index[b] = len(keys)
        b += 1
    return (model.MAGIC + struct.pack("<I", len(keys)) + index.tobytes() + array("Q", keys).tobytes()
            + array("h", [entries[k] for k in keys]).tobytes())


def test_lookup_by_halves_is_the_keyed_lookup():
    """``_lookup`` looks for the CRC-32 half, then the Adler-32 half among the keys with
    that CRC: keys that share a CRC (made here next to real n-grams) are told apart, and
    every stored n-gram and every missing one reads as ``get`` reads it."""
    from newslint.rules.realword.keys import ngram_key

    grams = ["L said their", "R than the", "T1 more than ten", "U from", "R form the", "L the form"]
    entries: dict[int, int] = {}
    for n, g in enumerate(grams):
        key = ngram_key(*g.split(" ", 1)[0:1], *g.split(" ")[1:])
        entries[key] = 100 + n
        crc, adler = key >> 32, key & 0xFFFFFFFF
        entries[crc << 32 | (adler ^ 1)] = -5  # the same CRC, another Adler-32: sorted beside it
        entries[crc << 32 | ((adler + 7) & 0xFFFFFFFF)] = -6
    scores = model.NgramScores(_model_file(entries))
    for n, g in enumerate(grams):
        assert scores._at(g) == scores.get(ngram_key(g.split(" ")[0], *g.split(" ")[1:])) == 100 + n, g
    for g in ("L said there", "R then the", "T1 less than ten", "U form", "R form a"):
        assert scores._at(g) == 0, g
    shipped = model.ngram_scores()
    assert all(shipped._crcs[i] << 32 | shipped._adlers[i] == shipped._keys[i] for i in range(0, len(shipped), 997))


POSSESSIVE_STORIES = [
    "Its a shame, its likely to rain and its own fault; it's the team’s, it’s time it's going.",
    "The club said its five-year plan was its best. It's its. Your not going, your plan, you're late.",
    "Whose plan is it? Who's going, whose turn, who’s there, who's to say its clear that it's theirs.",
    "He said its clear that the plan, its goal, its. it's. your\nyou're\n(its) [it's] “your” whose?",
    "Officials said it's a plan and it's plans, it's policy; you're advice and your advice, who's cars.",
]


def _possessive_verdict_from_around(ctx, word, row, around, end):
    """The oracle: ``_possessive_verdict`` as it read the words around it, both sides at once."""
    possessive, _ = confusion.POSSESSIVE_ROWS[row]
    if word == possessive:
        if not confusion._predicate_follows(around) or confusion.HYPHENATED_NEXT.match(ctx.text, end) is not None:
            return None, 0
        return ctx.best(word, row, around)
    r1 = around[2]
    if r1 in confusion.AFTER_ITS_NOT or r1 == "</s>" or confusion.HYPHENATED_NEXT.match(ctx.text, end) is not None:
        return None, 0
    rival, gain = ctx.best(word, row, around)
    if rival is None or gain < 0:
        return None, 0
    return rival, gain + ctx.gain("they're", "their", around)


@pytest.mark.parametrize("text", POSSESSIVE_STORIES + STORIES)
def test_possessive_verdict_reads_the_words_before_only_when_needed(text):
    """The possessive rows' verdicts, which read the words after first and those before only
    when the grammar leaves it to the model, are the verdicts read from all four words."""
    ctx = context.Context(text)
    seen = 0
    for start, word in confusion.confusion_words(text, text.lower()):
        lower, row, possessive, _ = confusion._AS_FOUND[word]
        if not possessive:
            continue
        end = start + len(word)
        expected = _possessive_verdict_from_around(ctx, lower, row, ctx.around(start, end), end)
        assert confusion._possessive_verdict(ctx, lower, row, start, end) == expected, (word, start)
        seen += 1
    assert seen or text in STORIES
