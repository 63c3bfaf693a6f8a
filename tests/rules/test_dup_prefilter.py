"""DUP002/DUP003's cheap looks before the near-copy index: each must let through every pair
of paragraphs the full comparison would call near copies (a filter that drops one would
lose a finding). They are compared here with the full check, on news copy edited the way
copies get edited: a word changed, added or dropped, a figure updated, a clause moved."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Document
from newslint.rules.duplicates import paragraphs as P

STORY = [
    "Russia is considering a possible downgrading of relations with the West due to the deeper "
    "involvement of the United States and its allies in the Ukraine war, the Kremlin said on Thursday.",
    "A downgrading of relations - or even breaking them off - would illustrate the gravity of the "
    "confrontation between Russia and the West over Ukraine after an escalation in tensions.",
    "Even during the 1962 Cuban Missile Crisis, when the Cold War is thought to have come closest to "
    "nuclear war, Russia did not sever relations with the United States.",
    "Russian Deputy Foreign Minister Sergei Ryabkov told the Izvestia newspaper that ambassadors "
    "fulfilled a difficult but important mission in times of crisis.",
    "The council voted on Tuesday to close the bridge for repairs, and the work will take the the "
    "rest of the year, a spokeswoman for the city said.",
    "Police said the the man, 34, was arrested at his home in Leeds on Monday and will appear in "
    "court on Friday charged with two counts of fraud.",
    "Shares in the company fell 12% in early trading after it warned that profits for the year would "
    "be lower than expected because of the cost of energy.",
]


def hashed_alike(a: list[str], b: list[str], similarity: float) -> bool:
    """The full comparison of :func:`P._find`: the hashed word pairs ``similarity`` alike."""
    sa, sb = P._shingles(a), P._shingles(b)
    return len(sa & sb) >= similarity * len(sa | sb)


def words_pass(a: list[str], b: list[str], similarity: float) -> bool:
    """The words look of :func:`P._near_possible`, for two units (``a`` the shorter)."""
    if len(a) > len(b):
        a, b = b, a
    wa, wb = set(a), set(b)
    n = len(a)
    return not (n > 1 and len(wa) + len(wb) - 2 * len(wa & wb) > P._words_apart_limit(similarity) * (n - 1) + 1e-9)


def edits(words: list[str], rng: random.Random, k: int) -> list[str]:
    out = list(words)
    for _ in range(k):
        op = rng.randrange(4)
        i = rng.randrange(len(out))
        if op == 0:
            out[i] = rng.choice(["an", "18", "percent", "Kyiv", "reportedly", out[i] + "s"])
        elif op == 1:
            out.insert(i, rng.choice(["also", "on", "Wednesday", "the"]))
        elif op == 2 and len(out) > 3:
            del out[i]
        else:
            j = rng.randrange(len(out))
            out[i], out[j] = out[j], out[i]
    return out


@pytest.mark.parametrize("similarity", [0.9, 0.8, 0.95, 0.5])
def test_words_look_keeps_every_near_copy_of_edited_copy(similarity):
    rng = random.Random(18)
    seen_alike = 0
    for para in STORY:
        words = P._words(para)
        for k in range(0, 6):
            for _ in range(40):
                other = edits(words, rng, k)
                if hashed_alike(words, other, similarity):
                    seen_alike += 1
                    assert words_pass(words, other, similarity), (k, " ".join(other))
    assert seen_alike > 50  # the edits do make near copies to check the look on


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from("the of said war a on police the Kyiv 12".split()), min_size=1, max_size=40),
    st.lists(st.sampled_from("the of said war a on police the Kyiv 12 council".split()), min_size=1, max_size=40),
    st.sampled_from([0.9, 0.75, 0.5, 0.99, 1.0]),
)
def test_words_look_is_a_necessary_condition(a, b, similarity):
    """Repeated words in a small vocabulary: sets of pairs far smaller than the word counts."""
    if hashed_alike(a, b, similarity) and min(len(a), len(b)) > 1:
        assert words_pass(a, b, similarity)


def _near_possible_full(eligible, near_words, similarity):
    """:func:`P._near_possible` as it was before the words look (the reference)."""
    longs = []
    seen = set()
    for _, words in eligible:
        key = " ".join(words)
        if key in seen:
            continue
        seen.add(key)
        if len(words) >= near_words:
            longs.append((len(words), words))
    if len(longs) < 2:
        return False
    longs.sort(key=lambda x: x[0])
    close = []
    for k, (n, _) in enumerate(longs):
        for j in range(k + 1, len(longs)):
            if n < similarity * longs[j][0]:
                break
            close.append((k, j))
    if len(close) > P.MAX_PREFILTER_PAIRS:
        return True
    for k, j in close:
        if hashed_alike(longs[k][1], longs[j][1], similarity):
            break
    else:
        return False
    for k, j in close:
        a, b = (set(zip(longs[x][1], longs[x][1][1:])) for x in (k, j))
        if len(a & b) >= P.MIN_SHARED:
            return True
    return False


@pytest.mark.parametrize("seed", range(12))
def test_near_possible_agrees_with_the_full_check(seed):
    rng = random.Random(seed)
    units = [P._words(p) for p in STORY]
    for _ in range(rng.randrange(0, 4)):
        units.append(edits(rng.choice(units), rng, rng.randrange(0, 5)))
    rng.shuffle(units)
    eligible = list(enumerate(units))
    for similarity in (0.9, 0.8):
        assert P._near_possible(eligible, 12, similarity) == _near_possible_full(eligible, 12, similarity)


def test_near_possible_sees_a_paragraph_pasted_twice_and_corrected_once():
    first = P._words(STORY[0])
    second = list(first)
    second[second.index("possible")] = "potential"
    assert P._near_possible([(0, first), (1, P._words(STORY[1])), (2, second)], 12, 0.8)


def test_one_word_units_are_left_to_the_full_check():
    # near-min-words 1: two different one-word lines have no word pairs, alike by the share
    assert P._near_possible([(0, ["kyiv"]), (1, ["moscow"])], 1, 0.9) == _near_possible_full(
        [(0, ["kyiv"]), (1, ["moscow"])], 1, 0.9)


_PIECES = ["Russia is considering downgrading relations with the West,", "the Kremlin said.",
           "Peskov said on Monday", "that talks had stalled", "and sanctions would follow", "£4.5bn",
           "Officials said the bridge would reopen on Monday", "Kyiv", "2024", "", "the the", "-",
           "Russia is considering downgrading relations with the West, the Kremlin said.",
           "Lipavský said", "Štěpán Novák", "Москва заявила", "Straße"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=6).map(" ".join), min_size=0, max_size=9),
       st.sampled_from([(4, 12, 0.9), (1, 3, 0.5), (4, 5, 0.9), (2, 1, 0.0), (4, 12, 1.0)]))
def test_quiet_by_counts_says_quiet_only_where_the_words_do(paragraphs, options):
    """The word-count look (no words read) may say "quiet" only where the words say so: the
    same lines, counted, compared and paired as :func:`P._none_repeats` does."""
    min_words, near_words, similarity = options
    text = "\n\n".join(paragraphs) + "\n"
    doc = Document.from_text(text)
    lines, blocks = P._units(doc)
    norm, odd = P._normalized_in_part(text)
    if blocks.spans or odd is not None:
        return
    fast = P._lines_quiet_by_counts(norm, lines.spans, min_words, near_words, similarity, len(text))
    lines.words = P._unit_words(text, norm, odd, lines.spans)
    lines.keys = list(map(" ".join, lines.words))
    full = P._none_repeats(lines, min_words, near_words, similarity, len(text))
    assert not fast or full
    assert P._quiet(text, *P._units(doc), min_words, near_words, similarity) == (
        (full, True, full) if not fast else (True, True, True))


def test_quiet_by_counts_leaves_near_and_adjacent_copies_to_the_words():
    """A paragraph one word apart from the one before (a word dropped, added or changed), an
    exact copy, and a near copy further down are never called quiet by the counts."""
    para = "Russia is considering a possible downgrading of relations with the West, the Kremlin said on Tuesday."
    other = "The foreign ministry summoned the ambassador on Monday to protest against the new sanctions."
    long = (" ".join(STORY[0].split()[:40]) + ".")
    stories = [
        [para, para.replace("possible ", "")], [para, para.replace("the West", "the whole West")],
        [para, para.replace("possible", "likely")], [para, other, para],
        [long, other, long.replace("mission", "task")],
        ["Москва заявила, что переговоры зашли в тупик.", other, "Москва заявила, что переговоры зашли в тупик!"],
        [para.replace("Russia", "Lipavský"), para.replace("Russia", "Lipavský").replace("possible ", "")],
        [para, other],
    ]
    for paragraphs in stories:
        text = "\n\n".join(paragraphs) + "\n"
        lines, _ = P._units(Document.from_text(text))
        norm, odd = P._normalized_in_part(text)
        lines.words = P._unit_words(text, norm, odd, lines.spans)
        lines.keys = list(map(" ".join, lines.words))
        full = P._none_repeats(lines, 4, 12, 0.9, len(text))
        assert P._lines_quiet_by_counts(norm, lines.spans, 4, 12, 0.9, len(text)) == full, paragraphs
    assert full  # the last story repeats nothing, and the counts see it
