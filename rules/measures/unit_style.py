"""The unit-style rule's checks: one unit written several ways, mixed spelling and
spacing, fractions with metric units."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from newslint import patterns
from newslint import Document, Edit, Finding, Fix, Span
from newslint.rules.measures.unit_parse import Measure, measures

_ER_RE = patterns.compile(r"(?i)(met|lit)(er|re)")


# Event names, not measures: "the 400m final", "10,000 metres champion", "men's 9km race".
EVENT_AFTER = patterns.compile(
    r"[ \u00a0-]*(?:race|final|event|hurdles|freestyle|relay|champion|runner|record|title|sprint|butterfly|"
    r"backstroke|breaststroke|medley|individual|heat|semi|dash|gold|silver|bronze|medal|winner|world|"
    r"indoor|outdoor|steeplechase|walk|run\b|runs\b|course|specialist|star|stretch|zone|radius)", regex.IGNORECASE)
EVENT_BEFORE = patterns.compile(r"(?:men's|women's|men’s|women’s)[ \u00a0]+$", regex.IGNORECASE)


def _measures(doc: Document) -> list[Measure]:
    """Measures written with figures, minus event names (the style rule's material)."""

    def make() -> list[Measure]:
        text = doc.text
        out = []
        for m in measures(text):
            if any(v.is_words for v in m.values) or m.gap == "-":
                continue
            if EVENT_AFTER.match(text, m.end) or EVENT_BEFORE.search(text, max(0, m.start - 10), m.start):
                continue
            out.append(m)
        return out

    return doc.cached("units.style_measures", make)


def _preferred(counts: Counter[str], first_seen: dict[str, int], house: str | None) -> str | None:
    """The form to keep: the house style, else the majority (on a tie, the first used)."""
    if house:
        return house
    if len(counts) < 2:
        return None
    return max(counts, key=lambda k: (counts[k], -first_seen[k]))


def _spelling(doc: Document, ms: list[Measure], house: str) -> Iterator[Finding]:
    spelled = []
    for m in ms:
        hit = _ER_RE.search(m.unit_text)
        if hit and m.form in ("us", "uk"):
            spelled.append((m, hit))
    counts = Counter(m.form for m, _ in spelled)
    first = {}
    for m, _ in spelled:
        first.setdefault(m.form, m.start)
    keep = _preferred(counts, first, None if house == "any" else house)
    if keep is None:
        return
    name = {"us": "American", "uk": "British"}
    for m, hit in spelled:
        if m.form == keep:
            continue
        a, b = m.unit_span[0] + hit.start(2), m.unit_span[0] + hit.end(2)
        ending = hit[2]
        new = ("re" if keep == "uk" else "er") if ending.islower() else ("RE" if keep == "uk" else "ER")
        where = "house style" if house != "any" else "the rest of the story"
        message = f'{name[m.form]} spelling "{m.unit_text}"; {where} uses {name[keep]} spelling'
        fixed = m.unit_text[: hit.start(2)] + new + m.unit_text[hit.end(2):]
        yield Finding(Span(*m.unit_span), message, Fix(f'Write "{fixed}"', (Edit(Span(a, b), new),)))


def _abbreviation(ms: list[Measure]) -> Iterator[Finding]:
    by_key: dict[str, list[Measure]] = {}
    for m in ms:
        if m.unit.dim != "temperature" and m.unit.key != "deg":
            by_key.setdefault(m.unit.key, []).append(m)
    for group in by_key.values():
        kinds = ["abbr" if m.form == "abbr" else "full" for m in group]
        counts = Counter(kinds)
        first: dict[str, int] = {}
        for m, k in zip(group, kinds):
            first.setdefault(k, m.start)
        keep = _preferred(counts, first, None)
        if keep is None:
            continue
        other = next(m.unit_text for m, k in zip(group, kinds) if k == keep)
        for m, k in zip(group, kinds):
            if k != keep:
                yield Finding(Span(*m.unit_span),
                              f'Unit written two ways: "{m.unit_text}" here, "{other}" elsewhere in the story',
                              suggestions=(other,))


def _spacing(ms: list[Measure], house: str) -> Iterator[Finding]:
    spaced = [m for m in ms if m.form == "abbr" and m.unit_text[:1].isalpha() and m.gap in ("", " ", "\u00a0")
              and not (len(m.unit_text) == 1 and m.unit_text in "CFcf")]
    kinds = ["closed" if m.gap == "" else "space" for m in spaced]
    counts = Counter(kinds)
    first: dict[str, int] = {}
    for m, k in zip(spaced, kinds):
        first.setdefault(k, m.start)
    keep = _preferred(counts, first, None if house == "any" else house)
    if keep is None:
        return
    for m, k in zip(spaced, kinds):
        if k == keep:
            continue
        gap_start = m.unit_span[0] - len(m.gap)
        number = m.number_spans[-1]
        shown = f"{m.values[-1].text}{m.gap}{m.unit_text}"
        if keep == "closed":
            fix = Fix(f'Write "{m.values[-1].text}{m.unit_text}"', (Edit(Span(gap_start, m.unit_span[0]), ""),))
            message = f'Space between number and unit in "{shown}"; elsewhere they are closed up'
        else:
            fix = Fix(f'Write "{m.values[-1].text} {m.unit_text}"', (Edit(Span(number[1], number[1]), " "),))
            message = f'No space between number and unit in "{shown}"; elsewhere there is one'
        if house != "any":
            message = message.split(";")[0] + f"; house style is {'no space' if keep == 'closed' else 'a space'}"
        yield Finding(Span(number[0], m.unit_span[1]), message, fix)


def _fractions(ms: list[Measure]) -> Iterator[Finding]:
    for m in ms:
        if m.unit.system != "metric":
            continue
        for num, (s, e) in zip(m.values, m.number_spans):
            if not num.is_fraction:
                continue
            message = f'Fraction with a metric unit: "{num.text} {m.unit_text}" (metric measures take decimals)'
            decimal = f"{num.value:.3f}".rstrip("0").rstrip(".")
            exact = abs(float(decimal) - num.value) < 1e-9
            fix = Fix(f'Write "{decimal}"', (Edit(Span(s, e), decimal),)) if exact else None
            yield Finding(Span(s, m.unit_span[1]), message, fix)


def unit_style_findings(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """All unit-style findings for a document, in text order."""
    ms = _measures(doc)
    if not ms:
        return
    found: list[Finding] = []
    found.extend(_spelling(doc, ms, str(options.get("spelling", "any"))))
    found.extend(_abbreviation(ms))
    found.extend(_spacing(ms, str(options.get("spacing", "any"))))
    if options.get("fractions", True):
        found.extend(_fractions(ms))
    found.sort(key=lambda f: (f.span.start, f.span.end))
    yield from found
