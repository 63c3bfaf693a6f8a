"""Find measures ("4 miles", "3 to 4 km", "a 2-mile", "6 feet, 2 inches") and the
conversions written after them in parentheses.

:func:`conversions` yields ``(before, after_list, span)`` for each "measure (measure[, measure])"
in a text; :func:`measures` yields every measure (for the style rule). Both are linear:
the parenthesis comes first, and only the ~150 characters before it are searched.
"""

from __future__ import annotations

from collections.abc import Iterator
import functools
from dataclasses import dataclass

import regex

from newslint import patterns
from newslint.rules.measures.number_parse import NUMBER, ONES, TEENS, TENS, Num, parse_number
from newslint.rules.measures.unit_data import ALIASES, UNIT, UNITS, Unit, lookup

FLAGS = regex.VERBOSE | regex.IGNORECASE
SEP = r"(?:[ \u00a0\u202f]{1,2}|-|[ \u00a0]-[ \u00a0]?)?"
N = r"(?<![\w.,/$£€¥#\p{Sc}])(?&num)"
# ``(?&num)`` and ``(?&unitname)`` stand for the number and unit grammars: :func:`_inline`
# writes them out (fast to match, big to store), DEFINE defines them once per pattern (small,
# several times slower to match).
DEFINE = rf"(?(DEFINE)(?P<num>{NUMBER})(?P<unitname>{UNIT}))"
RANGE_SEP = r"(?:[ \u00a0]*(?:-|–|—|to|and|or)[ \u00a0]*)"
DIM_SEP = r"(?:[ \u00a0]+by[ \u00a0]+|[ \u00a0]*[x×][ \u00a0]*)"

MEASURE = rf"""
    (?:(?P<pre>from|between)[ \u00a0]+)?
    (?P<n1>{N})
    (?:{RANGE_SEP}(?P<n2>{N}) | {DIM_SEP}(?P<d2>{N}))?
    {SEP}(?P<unit>(?&unitname))
    (?P<comp>
        # a compound: "6 feet, 2 inches", "7lb 8oz", "6-foot-2"
        (?:,?[ \u00a0]+(?:and[ \u00a0]+)?)(?P<n3>{N}){SEP}(?P<unit3>(?&unitname))
      | -(?P<inch>\d{{1,2}}(?:\.\d)?)(?:[ -]inch(?:es)?)?(?![\w-])
      | {DIM_SEP}(?P<d2b>{N}){SEP}(?P<unit2>(?&unitname))
    )?
"""
# The measure without its compound part, for a stretch of text that cannot hold one (see
# :func:`_search_before`). The compound's groups stay (never set) so the code reads both alike.
SIMPLE_MEASURE = MEASURE[:MEASURE.index("(?P<comp>")] + "(?P<comp>(?P<n3>)(?P<unit3>)(?P<inch>)(?P<d2b>)(?P<unit2>)(?!))?"
HEDGE = (r"about|around|approximately|approx\.|roughly|some|nearly|almost|over|more[ \u00a0]than|"
         r"less[ \u00a0]than|fewer[ \u00a0]than|under|up[ \u00a0]to|at[ \u00a0]least|at[ \u00a0]most|"
         r"just[ \u00a0]over|just[ \u00a0]under|close[ \u00a0]to|an[ \u00a0]estimated|estimated|"
         r"upwards[ \u00a0]of|well[ \u00a0]over|in[ \u00a0]excess[ \u00a0]of|c\.|ca\.|~|≈|<|>")
# Words allowed between a measure and its parenthesis: "30 feet wide (9 m)", "of land".
ADJ_TAIL = r"""(?:[ \u00a0]*-?(?:long|wide|tall|high|deep|thick|across|away|apart|offshore|inland|
    in[ \u00a0](?:diameter|length|height|width|depth|area|size)|
    (?:per|a|an)[ \u00a0](?:day|year|month|week|hour|second|minute)))"""
TAIL = rf"""(?:{ADJ_TAIL}|[ \u00a0]+of[ \u00a0][\p{{L}}-]+(?:[ \u00a0][\p{{L}}-]+)?)"""

def _inline(source: str) -> str:
    """A pattern with the number and unit grammars written out where they are called."""
    return source.replace("(?&num)", f"(?:{NUMBER})").replace("(?&unitname)", f"(?:{UNIT})")


class _Patterns:
    """The measure patterns, each compiled on its first use (they are large: import time
    matters), or loaded then from the pattern store: a run whose stories hold no measure in
    parentheses loads none, and one with no compound measure (``6 feet, 2 inches``) before
    a parenthesis never loads ``before`` (each load from the store costs ~0.5-1 ms).

    The grammars are inlined: a match then costs several times less than with a pattern that
    calls them by name (``(?&num)``), e.g. ~10 us against ~50 us at a measure. Inlined patterns
    compile slower (~0.15 s each) and store bigger (~33 KB against ~10 KB, ~1 ms more to load
    with the store), but compiled patterns are kept between runs by :mod:`newslint.patterns`.
    The reverse search is tried without the compound part first (see :func:`_search_before`):
    ~20 us against ~130 us inlined or ~290 us calling the grammars.
    """

    # the measure before a parenthesis, searched in reverse from it (one attempt, not one
    # per start position), then matched forwards ("twenty-five" is one number, not a range)
    @functools.cached_property
    def before(self) -> regex.Pattern[str]:
        # (needed only where a compound can be: the smaller form that calls the grammars)
        return patterns.compile(rf"(?r){DEFINE}{MEASURE}(?P<tail>{TAIL})?[ \u00a0]*$", FLAGS)

    @functools.cached_property
    def before_simple(self) -> regex.Pattern[str]:
        return patterns.compile(_inline(rf"(?r){SIMPLE_MEASURE}(?P<tail>{TAIL})?[ \u00a0]*$"), FLAGS)

    @functools.cached_property
    def before_forward(self) -> regex.Pattern[str]:
        return patterns.compile(_inline(rf"{MEASURE}(?P<tail>{TAIL})?[ \u00a0]*$"), FLAGS)

    @functools.cached_property
    def after(self) -> regex.Pattern[str]:
        return patterns.compile(_inline(rf"(?P<hedge>(?:{HEDGE})[ \u00a0]*)?{MEASURE}"), FLAGS)


@functools.cache
def _patterns() -> _Patterns:
    """The measure patterns (see :class:`_Patterns`)."""
    return _Patterns()


HEDGE_BEFORE = patterns.compile(rf"(?r)(?<![\w.])(?:{HEDGE})[ \u00a0]*$", FLAGS)
# An opening parenthesis whose content starts like a quantity.
PAREN = patterns.compile(r"\((?=[ \u00a0]*(?:[\d.½¼¾⅓⅔⅛~≈<>-]|\p{L}))[^()\n]{1,160}\)")
# After a measure inside the parenthesis: another alternative, the end, or a short tail.
ALT_SEP = patterns.compile(r"[ \u00a0]*(?:,|;|/|\bor\b)[ \u00a0]*")
AFTER_END = patterns.compile(rf"(?:{ADJ_TAIL})?[ \u00a0]*[.,;]?[ \u00a0]*$", FLAGS)
# Cheap prefilter: a figure or number word next to something unit-like.
PREFILTER = patterns.compile(
    r"\d[ \u00a0-]{0,2}[a-zµ°º′']|\b(?:mile|feet|foot|inch|meter|metre|kilomet|acre|hectare|pound|"
    r"ounce|gallon|lit(?:er|re)|ton|kilo|yard|knot|degree|barrel)", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Measure:
    """A quantity with a unit as written, in text offsets."""

    start: int
    end: int
    values: tuple[Num, ...]  # one value, or both ends of a range / both sides of "by"
    kind: str  # "single", "range" or "dims"
    unit: Unit
    form: str  # how the unit was written: "abbr", "us", "uk", "full"
    unit_text: str
    unit_span: tuple[int, int]
    number_spans: tuple[tuple[int, int], ...]  # where each value's figures are
    hedged: bool = False
    compound: bool = False  # "6 feet, 2 inches": values[0] is the total in ``unit``
    negative: bool = False
    gap: str = ""  # what separates the number and the unit ("", " ", "-")
    bound: str = ""  # "upper" after "less than", "under"; "lower" after "more than", "over"
    sub: str = ""  # a compound's smaller unit ("in" for "6 feet, 2 inches")


UPPER = patterns.compile(r"(?i)^(?:less|fewer|under|up|at most|just under|below|<)")
LOWER = patterns.compile(r"(?i)^(?:more|over|at least|upwards|well over|just over|in excess|>)")


def _bound(hedge: str | None) -> str:
    if not hedge:
        return ""
    return "upper" if UPPER.match(hedge) else "lower" if LOWER.match(hedge) else ""


def _negative(text: str, start: int) -> bool:
    if start >= 1 and text[start - 1] in "-−–":
        return start < 2 or not text[start - 2].isalnum()
    return text[max(0, start - 6):start].lower() == "minus "


_MEASURE_GROUPS = ("unit", "n1", "n2", "d2", "pre", "inch", "n3", "unit3", "d2b", "unit2", "comp")


@functools.cache
def _group_numbers(pat: regex.Pattern[str]) -> tuple[int, ...]:
    """The numbers of the measure groups in a pattern (a group by number is read ~3 times
    faster than by name)."""
    return tuple(pat.groupindex[name] for name in _MEASURE_GROUPS)


def build(m: regex.Match[str], text: str, *, hedged: bool = False, bound: str = "") -> Measure | None:
    """A :class:`Measure` from a match of :data:`MEASURE` (None when it does not parse)."""
    g_unit, g_n1, g_n2, g_d2, g_pre, g_inch, g_n3, g_unit3, g_d2b, g_unit2, g_comp = _group_numbers(m.re)
    unit_text, n1_text, n2_text, d2_text, pre, inch, n3_text, unit3, d2b, unit2 = m.group(
        g_unit, g_n1, g_n2, g_d2, g_pre, g_inch, g_n3, g_unit3, g_d2b, g_unit2)
    hit = lookup(unit_text)
    if hit is None:
        return None
    unit, form = hit
    if unit_text in ("C", "F") and not _temperature_context(text, m):
        return None
    n1 = parse_number(n1_text)
    if n1 is None:
        return None
    values = [n1]
    n1_span = m.span(g_n1)
    spans = [n1_span]
    kind = "single"
    compound = False
    sub_key = ""
    if n2_text or d2_text:
        grp = g_n2 if n2_text else g_d2
        n2 = parse_number(n2_text if n2_text else d2_text)
        if n2 is None:
            return None
        if n2_text:
            sep = text[n1_span[1]:m.start(g_n2)].strip().lower()
            if n1.is_words != n2.is_words and sep != "to":  # "one-2" is no range
                return None
            if pre is None and sep == "and":
                return None
        values.append(n2)
        spans.append(m.span(grp))
        kind = "range" if n2_text else "dims"
    unit_span = m.span(g_unit)
    gap = text[spans[-1][1]:unit_span[0]]
    end = unit_span[1]
    if inch and unit.key == "ft" and kind == "single":
        inches = float(inch)
        values[0] = _combine(n1, Num(inches, 0.5, inch, inch), unit, UNITS["in"])
        compound = True
        sub_key = "in"
        end = m.end(g_comp)
    elif n3_text:
        sub = lookup(unit3)
        n3 = parse_number(n3_text)
        if (sub is not None and n3 is not None and sub[0].dim == unit.dim and sub[0].system == unit.system
                and sub[0].factors[0] < unit.factors[0] and kind == "single" and unit.dim != "temperature"):
            values[0] = _combine(n1, n3, unit, sub[0])
            compound = True
            sub_key = sub[0].key
            end = m.end(g_comp)
    elif d2b and kind == "single":
        other = lookup(unit2)
        n2 = parse_number(d2b)
        if other is not None and n2 is not None and other[0].key == unit.key:
            values.append(n2)
            spans.append(m.span(g_d2b))
            kind = "dims"
            end = m.end(g_comp)
    start = m.start(g_pre) if pre else n1_span[0]
    neg = unit.dim == "temperature" and _negative(text, n1_span[0])
    return Measure(start, end, tuple(values), kind, unit, form, unit_text, unit_span, tuple(spans),
                   hedged, compound, neg, gap, bound, sub_key)


def _combine(big: Num, small: Num, unit: Unit, sub: Unit) -> Num:
    ratio = sub.factors[0] / unit.factors[0]
    return Num(big.value + small.value * ratio, small.half_unit * ratio, f"{big.text} {small.text}", "")


def _temperature_context(text: str, m: regex.Match[str]) -> bool:
    """A bare "C"/"F" is a temperature only right after the figure ("40C") or in a pair."""
    return m.start("unit") == m.end("n1") or text[m.end("n1"):m.start("unit")] in (" ", "\u00a0")


# A height in feet and inches with prime marks: 6'2", 5′10″.
PRIME = r"""(?<![\w.,])(?P<ft>\d)[ \u00a0]?['′’][ \u00a0]?(?P<in>\d{1,2}(?:\.\d)?)[ \u00a0]?(?:["″”]|''|’’)"""
PRIME_BEFORE = patterns.compile(rf"(?r){PRIME}[ \u00a0]*$")
PRIME_AFTER = patterns.compile(PRIME)


def _prime(m: regex.Match[str], hedged: bool = False) -> Measure:
    feet, inches = parse_number(m["ft"]), parse_number(m["in"])
    assert feet is not None and inches is not None
    value = _combine(feet, inches, UNITS["ft"], UNITS["in"])
    return Measure(m.start(), m.start() + len(m.group().rstrip()), (value,), "single", UNITS["ft"], "abbr", "′", m.span("ft"),
                   (m.span("ft"),), hedged, True, sub="in")


def _unit_like(text: str, run: str, after: int, end: int) -> bool:
    """Whether a run of letters (or "°") ending at ``after`` can begin a unit name, looking no
    further than ``end``. A superset: anything unusual counts as unit-like."""
    if run == "°" or not run.isascii():
        return True
    low = run.lower()
    if low not in _unit_runs():
        return False
    if low != "in":
        return True
    # "in" is a unit only as "in2", "in²" or before ")", ",", "by" ... ("5 in (13 cm)", not "5 in the")
    j = after
    if j >= end or text[j] in "2²":
        return True
    if text[j] == ".":
        j += 1
    while j < end and text[j] in " \t\n\r\f\v":
        j += 1
    if j >= end or text[j] in "(),;" or not text[j].isascii():
        return True
    return text[j:j + 2].lower() == "by" or text[j] in "xX"


def _may_hold_measure(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` can hold a measure: a unit-like word, or a prime mark
    (6'2"). False only when no measure fits."""
    return _may_hold(text[start:end])


@functools.lru_cache(maxsize=4096)
def _may_hold(inside: str) -> bool:
    """:func:`_may_hold_measure` of the text inside a parenthesis (it looks no further):
    remembered, as stories repeat their "(AP)" and "(dpa)" and every story has them."""
    if "'" in inside or "′" in inside or "’" in inside:
        return True
    runs = _unit_runs()
    end = len(inside)
    for r in _RUN.finditer(inside):
        run = r.group()
        # most words are not unit-like: the set look-up first, the full test only then
        if (run == "°" or not run.isascii() or run.lower() in runs) and _unit_like(inside, run, r.end(), end):
            return True
    return False


def _compound_possible(text: str, lo: int, end: int) -> bool:
    """Whether ``text[lo:end]`` can hold a compound measure ("6 feet, 2 inches", "12 by 7 cm",
    "6-foot-2"): a hyphen before a figure, or two unit-like words, with a number between
    them in ASCII text (the compound part of the grammar is a second number and unit after
    the first unit: "50,000 square meters" is one unit, and holds none)."""
    if _HYPHEN_FIGURE.search(text, lo, end):
        return True
    runs = _unit_runs()
    stretch = text[lo:end]
    if stretch.isascii() and not _unit_number_unit(stretch, runs):
        return False
    seen = 0
    for r in _RUN.finditer(text, lo, end):
        run = r.group()
        if (run == "°" or not run.isascii() or run.lower() in runs) and _unit_like(text, run, r.end(), end):
            seen += 1
            if seen > 1:
                return True
    return False


# A number's first word (the grammar's words: "two", "twenty-five", "a half", "three quarters").
_NUMBER_STARTS = frozenset({*ONES, *TEENS, *TENS, "a", "an", "half"})


def _unit_number_unit(stretch: str, runs: frozenset[str]) -> bool:
    """Whether the ASCII ``stretch`` holds a unit-like word, then a number (a figure or a
    number's first word), then a unit-like word: the words and figures split out in C
    (every figure a "0"), looked at in order. A superset of where a compound can be."""
    state = 0  # 1: a unit-like word seen; 2: then a number
    for w in stretch.lower().translate(_ASCII_WORDS_AND_FIGURES).split():
        if w in runs:
            if state == 2:
                return True
            if not state:
                state = 1
        if state and (w == "0" or w in _NUMBER_STARTS):
            state = 2
    return False


def _search_before(text: str, lo: int, paren: int) -> regex.Match[str] | None:
    # In reverse, the compound part is tried first and costs ~5 times the rest of the
    # pattern; where the text cannot hold a compound the pattern without it finds the same.
    before = _patterns().before if _compound_possible(text, lo, paren) else _patterns().before_simple
    m = before.search(text, lo, paren)
    if m is None:
        return None
    return _patterns().before_forward.match(text, m.start(), paren) or m


def _hedged(m: Measure, bound: str) -> Measure:
    """``dataclasses.replace(m, hedged=True, bound=bound)``, several times cheaper."""
    return Measure(m.start, m.end, m.values, m.kind, m.unit, m.form, m.unit_text, m.unit_span, m.number_spans,
                   True, m.compound, m.negative, m.gap, bound, m.sub)


# How every hedge ends ("more than", "up to", "in excess of", "ca."): the reverse search
# for a hedge before a measure can only succeed where the words before it end so.
_HEDGE_ENDS = ("about", "around", "approximately", "approx.", "roughly", "some", "nearly", "almost", "over",
               "than", "under", "to", "least", "most", "estimated", "of", "c.", "ca.", "~", "≈", "<", ">")


def _hedge_before(text: str, start: int) -> regex.Match[str] | None:
    """``HEDGE_BEFORE.search(text, max(0, start - 30), start)``, not tried where the text
    before ``start`` (ASCII, spaces left out) ends like no hedge: the search tries every
    place in those 30 characters. Text not in ASCII is always searched (case-insensitive
    matching folds letters such as "ſ" that ``str.lower`` leaves)."""
    lo = max(0, start - 30)
    # (the pattern's "$" also matches before a final line break)
    before = text[lo:start].rstrip(" \u00a0\n")
    if before.isascii() and not before.lower().endswith(_HEDGE_ENDS):
        return None
    return HEDGE_BEFORE.search(text, lo, start)


def _before(text: str, paren: int) -> Measure | None:
    lo = max(0, paren - 100)
    lo = text.rfind("\n", lo, paren) + 1 or lo
    p = PRIME_BEFORE.search(text, lo, paren)
    if p is not None:
        return _prime(p)
    m = _search_before(text, lo, paren)
    while m is not None:
        if m["n3"] and m.end("unit") != m.end("unit3"):
            meas = build(m, text)
            if meas is not None and not meas.compound:  # "184 miles, 160 nautical miles": take the last
                m = _search_before(text, m.start("n3"), paren)
                continue
        meas = build(m, text)
        if meas is None:
            return None
        h = _hedge_before(text, meas.start)
        if h:
            meas = _hedged(meas, _bound(h.group()))
        return meas
    return None


def _after(text: str, start: int, end: int) -> list[Measure] | None:
    """The measures listed in a parenthesis ``text[start:end]``; None if it holds other things."""
    out: list[Measure] = []
    pos = start
    while True:
        while pos < end and text[pos] in " \u00a0":
            pos += 1
        if text.startswith("minus ", pos):
            pos += 6
        elif pos < end and text[pos] in "-−":
            pos += 1
        p = PRIME_AFTER.match(text, pos, end)
        m = _patterns().after.match(text, pos, end) if p is None else None
        if p is not None:
            out.append(_prime(p))
            pos = p.end()
            if AFTER_END.match(text, pos, end):
                return out
            return None
        if m is None:
            return out or None
        meas = build(m, text, hedged=bool(m["hedge"]), bound=_bound(m["hedge"]))
        if meas is None:
            return out or None
        if m["n3"] and not meas.compound:  # two alternatives, not a compound
            m2 = _patterns().after.match(text, pos, m.end("unit"))
            meas = build(m2, text, hedged=bool(m2["hedge"]), bound=_bound(m2["hedge"])) if m2 else None
            if meas is None:
                return out or None
        out.append(meas)
        pos = meas.end
        if AFTER_END.match(text, pos, end):
            return out
        sep = ALT_SEP.match(text, pos, end)
        if sep is None:
            return out if text[pos:pos + 1] in ")" else None
        pos = sep.end()


def _parens(text: str) -> Iterator[regex.Match[str]]:
    """``PAREN.finditer(text)``, tried only at opening parentheses (``str.find``: many
    stories have none, and none has many). A match holds no other parenthesis, so the
    next one can only start after it."""
    find = text.find
    i = find("(")
    while i >= 0:
        m = PAREN.match(text, i)
        if m is None:
            i = find("(", i + 1)
        else:
            yield m
            i = find("(", m.end())


def _prefilter(text: str, start: int, end: int) -> bool:
    """``PREFILTER.search(text) is not None``, looked for in ``text[start - 1:end]`` first.

    A match there that starts after its first character is a match in the whole text: the
    pattern's only look-around is a ``\\b`` before its words, which looks at the character
    before the match (inside the stretch), and it ends in no look-ahead."""
    lo = max(0, start - 1)
    m = PREFILTER.search(text, lo, end)
    while m is not None and m.start() == lo and lo > 0:
        m = PREFILTER.search(text, lo + 1, end)  # at the stretch's edge: \b saw no character
    if m is not None:
        return True
    return PREFILTER.search(text) is not None


def conversions(text: str) -> Iterator[tuple[Measure, list[Measure], tuple[int, int]]]:
    """Each "measure (measure, ...)" in ``text``: the measure, the conversions, the whole span."""
    prefiltered: bool | None = None
    for p in _parens(text):
        if not _may_hold_measure(text, p.start() + 1, p.end() - 1):  # "(AP)", "(D-Calif.)"
            continue
        after = _after(text, p.start() + 1, p.end() - 1)
        if not after:
            continue
        before = _before(text, p.start())
        if before is None:
            continue
        # "20 miles long (12 km wide)" is a second measure, not a conversion
        said = text[before.end:p.start()].strip(" -\u00a0").lower()
        again = text[after[-1].end:p.end() - 1].strip(" -.,;\u00a0").lower()
        if said and again and said != again and not said.startswith("of "):
            continue
        # The story-wide prefilter, as it always stood: a story it finds nothing in yields
        # nothing. Asked only here, at the first conversion, and near it first (where it
        # nearly always finds "4 m"): a search of a whole story that holds no match costs
        # a hundred times what finding the conversions does.
        if prefiltered is None:
            prefiltered = _prefilter(text, before.start, p.end())
        if not prefiltered:
            return
        yield before, after, (before.start, p.end())


# Measures written with figures (what the style rule looks at). Trying the measure grammar at
# every position costs far more than the text is worth (most positions are words, years and
# times), so the pattern is only matched where a measure can start: at a figure (the grammar's
# own opening lookbehind) whose first word that is not part of a number is unit-like (see
# :func:`_unit_ahead`). Any measure the grammar finds starts at such a figure, so the matches
# are exactly those of a ``finditer`` over the text.
# (no flags: they would only slow the scan)
_FIGURE_START = patterns.compile(r"(?<![\w.,/$£€¥#\p{Sc}])[\d.½¼¾⅓⅔⅛]")
# Words a number, a range or a "by" can hold before the unit ("3 to four", "7.6 million", "2 x").
_NUMBER_WORDS = frozenset(
    {*ONES, *TEENS, *TENS, "zero", "a", "an", "and", "half", "quarter", "quarters", "of", "hundred",
     "thousand", "million", "billion", "trillion", "mn", "bn", "m", "to", "or", "by", "x"})
_RUN = patterns.compile(r"\p{L}+|°")
_HYPHEN_FIGURE = patterns.compile(r"-\d")
# ASCII text with every character but a letter made a space (``str.translate``).
_ASCII_LETTER_RUNS = {c: " " for c in range(128) if not chr(c).isalpha()}
# ... and every figure a word "0" of its own.
_ASCII_WORDS_AND_FIGURES = {**_ASCII_LETTER_RUNS, **{ord(d): " 0 " for d in "0123456789"}}
# How far past a figure the unit is looked for before giving up and trying the grammar anyway.
_AHEAD = 300


@functools.cache
def _unit_runs() -> frozenset[str]:
    """The first run of letters of every unit name ("km" of "km/h", "sq" of "sq ft")."""
    runs = {"c", "f", "l", "in"}
    for alias in ALIASES:
        runs.add(regex.match(r"\p{L}*", alias).group())  # type: ignore[union-attr]
    runs.discard("")
    return frozenset(runs)


def _unit_ahead(text: str, pos: int) -> bool:
    """Whether a unit name can follow the figure at ``pos``: the first word after it that a
    number cannot hold ("to", "million", "twenty") must be unit-like. False only when no
    measure can start at ``pos``; anything unusual (a word not in ASCII, a long stretch
    without words) counts as unit-like."""
    end = min(len(text), pos + _AHEAD)
    at = pos
    while True:
        m = _RUN.search(text, at, end)
        if m is None:
            return end < len(text)
        run = m.group()
        if m.end() == end < len(text) or _unit_like(text, run, m.end(), end):
            return True
        if run.lower() not in _NUMBER_WORDS:
            return False
        at = m.end()


@functools.cache
def _figure_measure() -> regex.Pattern[str]:
    # The grammars inlined: a match at a figure costs ~10 us, against ~80 us when the pattern
    # calls them by name; compiled once (0.13 s) and kept in the pattern store.
    return patterns.compile(_inline(rf"(?=[\d.½¼¾⅓⅔⅛]){MEASURE}"), FLAGS)


def measures(text: str) -> Iterator[Measure]:
    """Every measure written with figures in ``text``, left to right."""
    prefiltered: bool | None = None
    last_end = 0
    for f in _FIGURE_START.finditer(text):
        pos = f.start()
        if pos < last_end or not _unit_ahead(text, pos):
            continue
        if prefiltered is None:
            prefiltered = PREFILTER.search(text) is not None
        if not prefiltered:
            return
        m = _figure_measure().match(text, pos)
        if m is None:
            continue
        last_end = m.end()
        meas = build(m, text)
        if meas is not None:
            yield meas
