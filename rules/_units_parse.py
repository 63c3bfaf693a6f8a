"""Find measures ("4 miles", "3 to 4 km", "a 2-mile", "6 feet, 2 inches") and the
conversions written after them in parentheses.

:func:`conversions` yields ``(before, after_list, span)`` for each "measure (measure[, measure])"
in a text; :func:`measures` yields every measure (for the style rule). Both are linear:
the parenthesis comes first, and only the ~150 characters before it are searched.
"""

from __future__ import annotations

from collections.abc import Iterator
import dataclasses
import functools
from dataclasses import dataclass

import regex

from linter import patterns
from rules._numbers_parse import NUMBER, Num, parse_number
from rules._units_data import UNIT, UNITS, Unit, lookup

FLAGS = regex.VERBOSE | regex.IGNORECASE
SEP = r"(?:[ \u00a0\u202f]{1,2}|-|[ \u00a0]-[ \u00a0]?)?"
N = r"(?<![\w.,/$£€¥#\p{Sc}])(?&num)"
# The number and unit grammars are defined once per pattern and called by name: embedding
# them at each use made every measure pattern ~13 KB and cost ~0.5 s to compile.
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
INLINE_MEASURE = MEASURE.replace("(?&num)", f"(?:{NUMBER})").replace("(?&unitname)", f"(?:{UNIT})")
HEDGE = (r"about|around|approximately|approx\.|roughly|some|nearly|almost|over|more[ \u00a0]than|"
         r"less[ \u00a0]than|fewer[ \u00a0]than|under|up[ \u00a0]to|at[ \u00a0]least|at[ \u00a0]most|"
         r"just[ \u00a0]over|just[ \u00a0]under|close[ \u00a0]to|an[ \u00a0]estimated|estimated|"
         r"upwards[ \u00a0]of|well[ \u00a0]over|in[ \u00a0]excess[ \u00a0]of|c\.|ca\.|~|≈|<|>")
# Words allowed between a measure and its parenthesis: "30 feet wide (9 m)", "of land".
ADJ_TAIL = r"""(?:[ \u00a0]*-?(?:long|wide|tall|high|deep|thick|across|away|apart|offshore|inland|
    in[ \u00a0](?:diameter|length|height|width|depth|area|size)|
    (?:per|a|an)[ \u00a0](?:day|year|month|week|hour|second|minute)))"""
TAIL = rf"""(?:{ADJ_TAIL}|[ \u00a0]+of[ \u00a0][\p{{L}}-]+(?:[ \u00a0][\p{{L}}-]+)?)"""

@dataclass(frozen=True, slots=True)
class _Patterns:
    before: regex.Pattern[str]
    before_forward: regex.Pattern[str]
    after: regex.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    """The measure patterns, compiled on first use (they are large: import time matters)."""
    return _Patterns(
        # the measure before a parenthesis, searched in reverse from it (one attempt, not one
        # per start position), then matched forwards ("twenty-five" is one number, not a range)
        before=patterns.compile(rf"(?r){DEFINE}{MEASURE}(?P<tail>{TAIL})?[ \u00a0]*$", FLAGS),
        before_forward=patterns.compile(rf"{DEFINE}{MEASURE}(?P<tail>{TAIL})?[ \u00a0]*$", FLAGS),
        after=patterns.compile(rf"{DEFINE}(?P<hedge>(?:{HEDGE})[ \u00a0]*)?{MEASURE}", FLAGS),
    )


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


def build(m: regex.Match[str], text: str, *, hedged: bool = False, bound: str = "") -> Measure | None:
    """A :class:`Measure` from a match of :data:`MEASURE` (None when it does not parse)."""
    hit = lookup(m["unit"])
    if hit is None:
        return None
    unit, form = hit
    unit_text = m["unit"]
    if unit_text in ("C", "F") and not _temperature_context(text, m):
        return None
    n1 = parse_number(m["n1"])
    if n1 is None:
        return None
    values = [n1]
    spans = [m.span("n1")]
    kind = "single"
    compound = False
    sub_key = ""
    if m["n2"] or m["d2"]:
        grp = "n2" if m["n2"] else "d2"
        n2 = parse_number(m[grp])
        if n2 is None:
            return None
        if grp == "n2":
            sep = text[m.end("n1"):m.start("n2")].strip().lower()
            if n1.is_words != n2.is_words and sep != "to":  # "one-2" is no range
                return None
            if m["pre"] is None and sep == "and":
                return None
        values.append(n2)
        spans.append(m.span(grp))
        kind = "range" if grp == "n2" else "dims"
    gap = text[spans[-1][1]:m.start("unit")]
    end = m.end("unit")
    if m["inch"] and unit.key == "ft" and kind == "single":
        inches = float(m["inch"])
        values[0] = _combine(n1, Num(inches, 0.5, m["inch"], m["inch"]), unit, UNITS["in"])
        compound = True
        sub_key = "in"
        end = m.end("comp")
    elif m["n3"]:
        sub = lookup(m["unit3"])
        n3 = parse_number(m["n3"])
        if (sub is not None and n3 is not None and sub[0].dim == unit.dim and sub[0].system == unit.system
                and sub[0].factors[0] < unit.factors[0] and kind == "single" and unit.dim != "temperature"):
            values[0] = _combine(n1, n3, unit, sub[0])
            compound = True
            sub_key = sub[0].key
            end = m.end("comp")
    elif m["d2b"] and kind == "single":
        other = lookup(m["unit2"])
        n2 = parse_number(m["d2b"])
        if other is not None and n2 is not None and other[0].key == unit.key:
            values.append(n2)
            spans.append(m.span("d2b"))
            kind = "dims"
            end = m.end("comp")
    start = m.start("pre") if m["pre"] else m.start("n1")
    neg = unit.dim == "temperature" and _negative(text, m.start("n1"))
    return Measure(start, end, tuple(values), kind, unit, form, unit_text, m.span("unit"), tuple(spans),
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


def _search_before(text: str, lo: int, paren: int) -> regex.Match[str] | None:
    m = _patterns().before.search(text, lo, paren)
    if m is None:
        return None
    return _patterns().before_forward.match(text, m.start(), paren) or m


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
        h = HEDGE_BEFORE.search(text, max(0, meas.start - 30), meas.start)
        if h:
            meas = dataclasses.replace(meas, hedged=True, bound=_bound(h.group()))
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


def conversions(text: str) -> Iterator[tuple[Measure, list[Measure], tuple[int, int]]]:
    """Each "measure (measure, ...)" in ``text``: the measure, the conversions, the whole span."""
    if not PREFILTER.search(text):
        return
    for p in PAREN.finditer(text):
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
        yield before, after, (before.start, p.end())


# Measures written with figures (what the style rule looks at); fails fast off a figure.
# With the grammars inlined the pattern matches ~4x faster but compiles ~3x slower (0.13 s),
# so a long text gets the inlined form and a story the one that calls the grammars.
LONG_TEXT = 200_000


@functools.cache
def _figure_measure(inline: bool) -> regex.Pattern[str]:
    if inline:
        return patterns.compile(rf"(?=[\d.½¼¾⅓⅔⅛]){INLINE_MEASURE}", FLAGS)
    return patterns.compile(rf"{DEFINE}(?=[\d.½¼¾⅓⅔⅛]){MEASURE}", FLAGS)


def measures(text: str) -> Iterator[Measure]:
    """Every measure written with figures in ``text``, left to right."""
    if not PREFILTER.search(text):
        return
    for m in _figure_measure(len(text) >= LONG_TEXT).finditer(text):
        meas = build(m, text)
        if meas is not None:
            yield meas
