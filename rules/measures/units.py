"""Units: conversions that don't add up ("4 miles (16 kilometers)") and units written
several ways in one story."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import regex

from newslint import patterns
from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl
from newslint.rules.measures.number_parse import Num, format_like
from newslint.rules.measures.unit_data import UNITS
from newslint.rules.measures.unit_parse import Measure, conversions
from newslint.rules.measures.unit_style import unit_style_findings

# A temperature change, not a temperature: "warming of 2C (3.6F)", "rose by 5 degrees".
DELTA_WORDS = ("warming", "warmer", "cooler", "colder", "hotter", "rise", "rose", "risen", "increase",
               "decrease", "higher", "lower", "above", "below", "drop", "fell", "fall", "climb", "by ",
               "change", "limit", "cap ", "target", "anomal", "difference", "swing", "degrees of")


STRONG_DELTA_BEFORE = patterns.compile(r"(?i)\bby[ \u00a0]+(?:about[ \u00a0]+|some[ \u00a0]+|nearly[ \u00a0]+)?[-−]?$")
STRONG_DELTA_AFTER = patterns.compile(r"(?i)[ \u00a0]*\)?[ \u00a0]*(?:warmer|cooler|hotter|colder|of[ \u00a0]+warming)")
IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "square foot": "square feet", "cubic foot": "cubic feet",
                     "stone": "stone"}


def _plural(unit_text: str) -> str:
    """ "kilometer" -> "kilometers", "foot" -> "feet"; abbreviations and plurals as they are."""
    low = regex.sub(r"[\s-]+", " ", unit_text.lower())
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if len(unit_text) <= 3 or unit_text.endswith(("s", "h", ".")) or not unit_text[-1].isalpha():
        return unit_text
    return regex.sub(r"[\s-]+", " ", unit_text) + "s"


def _describe(text: str, m: Measure) -> str:
    """A measure as a message names it: "10-mile" -> "10 miles"."""
    written = ("-" if m.negative else "") + text[m.start:m.end]
    if m.gap != "-" or m.compound or m.kind != "single":
        return written
    return f"{'-' if m.negative else ''}{m.values[0].text} {_plural(m.unit_text)}"


def _tolerance(w: Num, exact: float, hedged: bool) -> float:
    """How far a written conversion may sit from the exact value and still be news rounding."""
    floor = 0.10 if hedged else 0.03
    return max(min(w.half_unit, 0.15 * abs(exact)), floor * abs(exact))


def _fits(w: Num, exact: float, hedged: bool) -> bool:
    if exact == 0:
        return w.value == 0
    return abs(w.value - exact) <= _tolerance(w, exact, hedged)


def _temp_scales(src: Measure, dst: Measure) -> tuple[str, str] | None:
    a, b = src.unit.key, dst.unit.key
    if a == "deg":
        a = "degC" if b == "degF" else "degF" if b == "degC" else ""
    if b == "deg":
        b = "degC" if a == "degF" else "degF" if a == "degC" else ""
    if not a or not b or a == b:
        return None
    return a, b


def _temp_candidates(scales: tuple[str, str], value: float, delta: bool) -> list[float]:
    if scales[0] == "degC":
        out = [value * 9 / 5 + 32]
        return out + [value * 9 / 5] if delta else out
    out = [(value - 32) * 5 / 9]
    return out + [value * 5 / 9] if delta else out


def _temp_fits(src: Num, w: Num, exact: float, scales: tuple[str, str], hedged: bool) -> bool:
    ratio = 9 / 5 if scales[0] == "degC" else 5 / 9
    src_half = 0.5 * 10.0 ** -src.decimals if not src.is_fraction else src.half_unit
    w_half = 0.5 * 10.0 ** -w.decimals if not w.is_fraction else w.half_unit
    tol = src_half * ratio + w_half + 0.15 + (1.5 if hedged else 0.0)
    return abs(w.value - exact) <= tol


def _candidates(text: str, src: Measure, dst: Measure, v: float) -> tuple[list[float], float]:
    """Exact conversions of ``v`` (one per factor pair, or absolute/change for temperature),
    and the value converted the wrong way round."""
    if src.unit.dim == "temperature":
        scales = _temp_scales(src, dst)
        assert scales is not None
        start = max(0, text.rfind(".", 0, src.start))
        context = text[start:dst.end + 40].lower()
        delta = any(word in context for word in DELTA_WORDS) or abs(v) <= 6 and scales[0] == "degC"
        cands = _temp_candidates(scales, v, delta)
        if STRONG_DELTA_BEFORE.search(text, max(0, src.start - 20), src.start) or STRONG_DELTA_AFTER.match(
                text, dst.end):
            cands = cands[1:] if len(cands) > 1 else cands  # "rose by 3C (5.4F)": a change only
        return cands, _temp_candidates((scales[1], scales[0]), v, False)[0]
    fsrc, fdst = src.unit.factors, dst.unit.factors
    # "tons (metric tons)" is American copy: short tons. "tons (tonnes)" may be long tons.
    if src.unit.key == "ton" and dst.form == "us" or dst.unit.key == "ton" and src.form == "us":
        fsrc, fdst = fsrc[:1], fdst[:1]
    cands = [v * fs / fd for fs in fsrc for fd in fdst]
    return cands, v * fdst[0] / fsrc[0]


def _signed(m: Measure, i: int) -> Num:
    w = m.values[i]
    if not m.negative:
        return w
    return Num(-w.value, w.half_unit, w.text, w.figures, w.scale, w.decimals, w.is_fraction, w.is_words)


def _check_pair(text: str, src: Measure, dst: Measure, si: int, di: int, hedged: bool
                ) -> tuple[bool, float, float]:
    """Whether value ``si`` of ``src`` converts to value ``di`` of ``dst``; the usual exact value
    and the value converted the wrong way round."""
    s, w = _signed(src, si), _signed(dst, di)
    cands, back = _candidates(text, src, dst, s.value)
    if src.unit.dim == "temperature":
        scales = _temp_scales(src, dst)
        assert scales is not None
        ok = any(_temp_fits(s, w, c, scales, hedged) for c in cands)
    else:
        ok = any(_fits(w, c, hedged) for c in cands)
        if dst.bound == "upper":  # "2 centimeters (less than an inch)"
            ok = ok or any(0.4 * w.value <= c <= 1.03 * w.value for c in cands)
        elif dst.bound == "lower":  # "90 kilometers (more than 50 miles)"
            ok = ok or any(0.97 * w.value <= c <= 2.5 * w.value for c in cands)
    return ok, cands[0], back


def _why(src: Num, w: Num, exact: float, back: float, temperature: bool) -> str:
    """Why a conversion is wrong, in a few words (or "" when it is simply off)."""
    if w.value == src.value:
        return " (the number was not converted)"
    if back and _fits(w, back, True):
        return " (converted the wrong way round)"
    if temperature:
        return " (the 32-degree offset is missing)" if _fits(w, src.value * 9 / 5, True) else ""
    if exact and w.value:
        r = w.value / exact
        return f" ({r:.1f} times too large)" if r > 1 else f" ({1 / r:.1f} times too small)"
    return ""


def _scaled(e: float, w: Num) -> str:
    """The right value written like ``w``: "7.6 million" for "17.6 million"."""
    suffix = w.text[len(w.figures):] if w.figures and w.text.startswith(w.figures) else ""
    return ("-" if e < 0 else "") + format_like(abs(e), w) + suffix


def _pairs(src: Measure, dst: Measure) -> list[tuple[int, int]] | None:
    """Which values to compare: side by side, or a single value against both ends of a range."""
    if src.kind == dst.kind:
        return [(i, i) for i in range(len(src.values))]
    if {src.kind, dst.kind} == {"single", "range"}:
        return [(0, 0)]
    return None


def unit_conversion(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags a conversion in parentheses that does not add up, such as `4 miles (16
    kilometers)`: done the wrong way round, not done at all (the same number), or off by a
    factor. Either order is checked (`5 km (3.1 miles)` too). It reads
    figures, fractions (`6 1/2`, `6½`), words (`two miles`), "million", ranges (`3 to 4
    miles`), hyphenated adjectives (`a 2-mile (3-kilometer) stretch`), compound heights
    (`6 feet, 2 inches`) and American and British spellings and abbreviations.

    ## Why is this bad?
    A wrong conversion is a factual error that readers in half the world will notice.
    News rounding is fine: a conversion may be rounded to the precision the writer used
    (`15,000 acres (6,000 hectares)`), and more loosely after "about" or "nearly".

    ## Example
    ```text
    The convoy stopped about 3 miles (1.9 kilometers) from the border.
    ```

    ## Use instead
    ```text
    The convoy stopped about 3 miles (4.8 kilometers) from the border.
    ```

    ## Fix safety
    The fix replaces the converted number with the right one at the writer's precision.
    It is unsafe: the figure outside the parentheses may be the wrong one.

    ## References
    Conversion factors are the exact definitions tabulated in NIST Special Publication 811
    (2008), Appendix B (1 in = 25.4 mm, 1 lb = 0.45359237 kg, 1 US gal = 3.785411784 L,
    1 nautical mile = 1,852 m); the imperial gallon (4.54609 L) and long ton (2,240 lb)
    are accepted where British copy uses them. AP Stylebook, "metric system".
    """
    text = doc.text
    for src, alternatives, span in conversions(text):
        for dst in alternatives:
            if dst.unit.dim != src.unit.dim or dst.unit.key == src.unit.key:
                continue
            if src.unit.dim == "temperature" and _temp_scales(src, dst) is None:
                continue
            pairs = _pairs(src, dst)
            if pairs is None:
                continue
            hedged = src.hedged or dst.hedged
            results = [(si, di, *_check_pair(text, src, dst, si, di, hedged)) for si, di in pairs]
            if len(src.values) != len(dst.values):  # a single value against a range: inside it is fine
                if _within_range(text, src, dst):
                    continue
                yield _finding(text, src, dst, span, [r for r in results if r[1] == 0][:1], fix=False)
                continue
            bad = [r for r in results if not r[2]]
            if bad and src.kind == "dims" and len(src.values) == 2:  # "12 by 7 cm (2.8 by 4.7 in)"
                if all(_check_pair(text, src, dst, si, 1 - si, hedged)[0] for si in (0, 1)):
                    continue
            same = [r for r in results if r[2] and dst.values[r[1]].value == src.values[r[0]].value
                    and src.unit.dim != "temperature" and _unconverted(text, src, dst, r[0])]
            if bad or same:
                yield _finding(text, src, dst, span, results, fix=not dst.compound)


def _unconverted(text: str, src: Measure, dst: Measure, i: int) -> bool:
    """The same number on both sides, and no unit pair makes that right (not within 4%)."""
    v = src.values[i].value
    cands, _ = _candidates(text, src, dst, v)
    return all(abs(v - c) > 0.04 * abs(c) for c in cands)


def _within_range(text: str, src: Measure, dst: Measure) -> bool:
    """A single value against a range ("3 to 4 miles (about 6 km)"): inside it, give or take 10%."""
    if dst.kind == "range":
        lo, hi = sorted(_signed(dst, i).value for i in (0, 1))
        cands, _ = _candidates(text, src, dst, _signed(src, 0).value)
        return any(lo - 0.1 * abs(lo) <= c <= hi + 0.1 * abs(hi) for c in cands)
    ends = [_candidates(text, src, dst, _signed(src, i).value)[0] for i in (0, 1)]
    w = _signed(dst, 0).value
    for j in range(len(ends[0])):
        lo, hi = sorted((ends[0][j], ends[1][j]))
        if lo - 0.1 * abs(lo) <= w <= hi + 0.1 * abs(hi):
            return True
    return False


def _finding(text: str, src: Measure, dst: Measure, span: tuple[int, int],
             results: list[tuple[int, int, bool, float, float]], *, fix: bool) -> Finding:
    src_text = _describe(text, src)
    written = [dst.values[di] for _si, di, *_ in results]
    rights = [r[3] for r in results]
    joiner = " by " if dst.kind == "dims" else " to "
    right_txt = joiner.join(_scaled(e, w) for e, w in zip(rights, written))
    wrote = joiner.join(("-" if dst.negative else "") + w.text for w in written)
    if dst.compound:
        right_txt, wrote = _compound_text(rights[0], dst), text[dst.start:dst.end]
    first = results[0]
    why = _why(_signed(src, first[0]), _signed(dst, first[1]), first[3], first[4], src.unit.dim == "temperature")
    unit_name = dst.unit_text if len(dst.unit_text) > 2 or dst.unit.dim != "temperature" else dst.unit.label
    if dst.gap == "-":
        unit_name = _plural(unit_name)
    message = f"{src_text} is about {right_txt}{'' if dst.compound else ' ' + unit_name}, not {wrote}{why}"
    edits: list[Edit] = []
    if fix and (dst.kind == "single" or not dst.negative):
        for (_si, di, *_), e, w in zip(results, rights, written):
            s, t = dst.number_spans[di]
            if dst.negative:  # the sign goes too: "(-23F)" -> "(23F)"
                s = s - 1 if text[s - 1:s] in ("-", "−") else s - 6 if text[s - 6:s].lower() == "minus " else s
            edits.append(Edit(Span(s, t), _scaled(e, w)))
    fx = None
    if edits:
        title = f'Change "{wrote}" to "{right_txt}"'
        fx = Fix(title, tuple(edits), applicability=Applicability.UNSAFE)
    return Finding(Span(*span), message, fx)


def _compound_text(value: float, m: Measure) -> str:
    """A value in a compound's units: 6.33 ft -> 6 feet 4 inches (or 6'4")."""
    big, sub = m.unit, UNITS.get(m.sub)
    if sub is None:
        return f"{value:.1f} {big.label}"
    ratio = big.factors[0] / sub.factors[0]
    whole = int(value)
    rest = round((value - whole) * ratio)
    if rest >= ratio:
        whole, rest = whole + 1, 0
    if m.unit_text == "′":
        return f"{whole}'{rest}\""
    return f"{whole} {big.label} {rest} {sub.label}"


def unit_style(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags units written more than one way in one story: `km` beside `kilometers`,
    `kilometres` beside `meters` (British and American spelling mixed), `15km` beside
    `15 km`, and fractions with metric units (`6 1/2 kilometers`; metric takes decimals).
    The minority form is flagged, or every form off the house style you set.

    ## Why is this bad?
    Consistent units read as edited copy; a mix shows a story stitched together from
    several sources. Metric measures are decimal by definition, so `6 1/2 kilometers`
    looks like a conversion done in imperial habits.

    ## Example
    ```text
    The road runs for 15km along the coast. A second road, 20 km long, is closed.
    ```

    ## Use instead
    ```text
    The road runs for 15 km along the coast. A second road, 20 km long, is closed.
    ```

    ## Options
    - `spelling`: `"any"` (flag the minority of metre/meter), `"us"` or `"uk"`.
    - `spacing`: `"any"` (flag the minority of `15km`/`15 km`), `"space"` or `"closed"`.
    - `fractions`: flag fractions with metric units (default `true`).

    ## Fix safety
    Spelling and spacing fixes, and a fraction written as a decimal (`6.5 kilometers`),
    are safe: the value does not change.
    """
    yield from unit_style_findings(doc, options)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("UNT001", "unit-conversion", Severity.ERROR, unit_conversion, fixable="unsafe"))
    register(Rule("UNT002", "unit-style", Severity.INFO, unit_style, default=False, fixable="sometimes",
                  options={"spelling": "any", "spacing": "any", "fractions": True},
                  choices={"spelling": ("any", "us", "uk"), "spacing": ("any", "space", "closed")},
                  style=True))
