"""The unit-conversion rule's cheaper checks give exactly what the plain ones gave.

Copy is assembled from pieces of measures and their surroundings (hedges in any case, no-break
spaces, line breaks, units next to figures, letters outside ASCII that case folding treats
specially), and each check is compared with the regex search it stands in for.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from newslint.rules.measures import number_parse, unit_parse as up

PIECES = [
    "about", "ABOUT", "About", "more than", "more\u00a0than", "up to", "ca.", "c.", "approx.", "in excess of",
    "nearly", "some", "ſome", "over", "well over", "under", "~", "≈", "<", " ", "  ", "\u00a0", "\n", ".", ",",
    "4", "6 1/2", "12.5", "two", "3-", "-2", "miles", "mile", "km", "kilometers", "feet", "ft", "in", "inches",
    "by", "x", "°", "C", "(", ")", "tons", "said", "the", "of", "Kelvin", "K", "é", "acres", "a", "m",
]
copy = st.lists(st.sampled_from(PIECES), max_size=30).map(lambda parts: " ".join(parts))


@settings(max_examples=500, deadline=None)
@given(copy)
def test_hedge_before_is_the_reverse_search(text):
    for start in range(len(text) + 1):
        old = up.HEDGE_BEFORE.search(text, max(0, start - 30), start)
        new = up._hedge_before(text, start)
        assert (None if old is None else old.span()) == (None if new is None else new.span())


@settings(max_examples=500, deadline=None)
@given(copy, st.integers(0, 200), st.integers(0, 200))
def test_prefilter_near_a_conversion_is_the_story_wide_search(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert up._prefilter(text, start, end) == (up.PREFILTER.search(text) is not None)


def _old_compound_possible(text: str, lo: int, end: int) -> bool:
    if up._HYPHEN_FIGURE.search(text, lo, end):
        return True
    return sum(up._unit_like(text, r.group(), r.end(), end) for r in up._RUN.finditer(text, lo, end)) > 1


@settings(max_examples=500, deadline=None)
@given(copy, st.integers(0, 100))
def test_compound_possible_only_where_the_run_by_run_count_says_so(text, lo):
    lo = min(lo, len(text))
    assert _old_compound_possible(text, lo, len(text)) or not up._compound_possible(text, lo, len(text))


def _span(m):
    """A match's span and named groups (the grammars' own groups left out)."""
    if m is None:
        return None
    return m.span(), {k: m.span(k) for k in m.groupdict() if k not in ("num", "unitname")}


COMPOUND_PIECES = PIECES + ["6 feet, 2 inches", "7lb 8oz", "6-foot-2", "12 by 7 cm", "2 x 3 m", "square meters",
                            "sq ft", "5 miles, a kilometre", "a half", "twenty-five", "three quarters", "and"]
compound_copy = st.lists(st.sampled_from(COMPOUND_PIECES), max_size=12).map(lambda parts: " ".join(parts))


@settings(max_examples=400, deadline=None)
@given(compound_copy)
def test_the_measure_before_a_parenthesis_is_the_full_grammar_s(text):
    """Where the compound test says no compound fits, the pattern without the compound part
    finds what the full pattern finds."""
    if not up._compound_possible(text, 0, len(text)):
        full = up._patterns().before.search(text, 0, len(text))
        assert _span(up._patterns().before_simple.search(text, 0, len(text))) == _span(full)


@pytest.mark.parametrize("text", [
    "They will build at least 50,000 square meters", "A man 6 feet, 2 inches", "a 12 by 7 cm",
    "the 7lb 8oz", "about 5 miles, a kilometre", "some 3 sq ft and two square metres",
])
def test_compound_measures_before_a_parenthesis(text):
    full = up._patterns().before.search(text, 0, len(text))
    assert _span(up._search_before(text, 0, len(text))) == _span(
        full and up._patterns().before_forward.match(text, full.start(), len(text)) or full)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["6", " ", "1/2", "½", "two", "-", "and", "a", "half", "million", "m", "bn",
                                 "1,200", ".5", "twenty", "five", "hundred", "\u00a0"]), min_size=1, max_size=5))
def test_remembered_numbers_are_parsed_afresh(parts):
    text = "".join(parts)
    assert number_parse.parse_number(text) == number_parse._parse_other.__wrapped__(text.strip()) or (
        text.strip().isascii() and text.strip().isdigit())


def test_no_conversion_where_the_story_wide_prefilter_finds_nothing(monkeypatch):
    """The prefilter is asked only at the first conversion found; a story it finds nothing in
    still yields nothing, and one it finds something in yields every conversion."""
    text = "The stretch (about 6.4 kilometers) is closed. The convoy stopped about 3 miles (4.8 kilometers) away."
    assert [s for _b, _a, s in up.conversions(text)] == [(text.index("3 miles"), text.index(" away"))]
    monkeypatch.setattr(up, "_prefilter", lambda *_: False)
    assert list(up.conversions(text)) == []


def test_every_hedge_ends_as_the_quick_look_expects():
    """``_hedge_before`` skips the reverse search where the words before a measure end like
    no hedge: a hedge added to HEDGE without its ending in _HEDGE_ENDS would be missed."""
    import re

    for alternative in up.HEDGE.split("|"):
        words = re.sub(r"\[ \\u00a0\]|\[ \u00a0\]", " ", alternative).replace("\\.", ".")
        assert words.lower().endswith(up._HEDGE_ENDS), words
