"""Numbers: "percent", "per cent" and "%" mixed; AP style for numerals."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import regex

from newslint import patterns
from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl
from newslint.rules.measures.number_parse import ONES, TEENS, TENS
from newslint.rules.measures.unit_data import UNIT

PERCENT_FORM = patterns.compile(r"(?P<gap>[ \u00a0]?)(?P<form>%|per[ \u00a0]cent(?!\p{L})|percent(?!\p{L}))",
                             regex.IGNORECASE)
# The number before a percent form, searched backwards from it.
PERCENT_NUMBER = patterns.compile(r"(?r)(?<![\w.,])(?:\d[\d,]*(?:\.\d+)?|\.\d+|(?:\p{L}+[- ])?\p{L}+)$")
NUMBER_WORDS = {*ONES, *TEENS, *TENS, "zero", "half", "hundred", "thousand"}
FORM_NAMES = {"percent": "percent", "per cent": "per cent", "%": "%"}


def _form(text: str) -> str:
    return "%" if text == "%" else "per cent" if " " in text.replace("\u00a0", " ") else "percent"


def percent_style(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags "percent", "per cent" and "%" mixed in one story: the minority form is flagged, or
    every form off the house style you set.

    ## Why is this bad?
    Style guides pick one: AP writes "percent" (and "%" in headlines), the BBC and the
    Guardian "%", older British style "per cent". A mix shows copy from several sources.

    ## Example
    ```text
    Turnout rose to 41 percent, up from 35% in 2019 and 33 percent in 2015.
    ```

    ## Use instead
    ```text
    Turnout rose to 41 percent, up from 35 percent in 2019 and 33 percent in 2015.
    ```

    ## Options
    - `style`: `"any"` (flag the minority), `"percent"`, `"per cent"` or `"%"`.

    ## Fix safety
    The fix writes the story's form; it is safe.
    """
    text = doc.text
    if "%" not in text and "cent" not in text.lower():
        return
    hits = []
    for m in PERCENT_FORM.finditer(text):
        n = PERCENT_NUMBER.search(text, max(0, m.start() - 30), m.start("gap") if m["gap"] else m.start())
        if n is None or n.end() != m.start():
            continue
        num = n.group()
        if not num[0].isdigit() and num[0] != ".":
            words = regex.split(r"[- ]", num.lower())
            if not set(words) <= NUMBER_WORDS:
                if words[-1] not in NUMBER_WORDS:
                    continue
                n = PERCENT_NUMBER.search(text, m.start() - len(words[-1]) - len(m["gap"]), n.end())
                if n is None:
                    continue
        hits.append((m, n, _form(m["form"])))
    house = str(options.get("style", "any"))
    counts = Counter(f for _, _, f in hits)
    if house != "any":
        keep = house
    elif len(counts) < 2:
        return
    else:
        first: dict[str, int] = {}
        for m, _, f in hits:
            first.setdefault(f, m.start())
        keep = max(counts, key=lambda k: (counts[k], -first[k]))
    for m, n, f in hits:
        if f == keep:
            continue
        new = "%" if keep == "%" else f" {keep}"
        span = Span(m.start("gap"), m.end("form"))
        where = "house style" if house != "any" else "the rest of the story"
        message = f'"{m["form"]}" where {where} writes "{keep}"'
        words = not n.group()[0].isdigit() and n.group()[0] != "."
        fix = None if words and keep == "%" else Fix(f'Write "{n.group()}{new}"', (Edit(span, new),))
        yield Finding(Span(n.start(), m.end("form")), message, fix)


# -- AP numerals ---------------------------------------------------------------------------
SMALL = ("zero", *ONES)
DIGIT = patterns.compile(
    r"(?<![\w.,/:$£€¥#°'’+\-–\p{Sc}])(?P<n>[1-9]\d?)(?P<ord>st|nd|rd|th)?"
    r"(?![\w%°/:'’]|[.,]\d|[-–]\d|[ \u00a0]\d{1,2}/\d)"
)
WORD_NUM = patterns.compile(
    rf"(?<![\w-])(?P<w>(?:{'|'.join(TENS)})(?:-(?:{'|'.join(ONES)}))?|{'|'.join(TEENS)})(?![\w-])",
    regex.IGNORECASE,
)
# After a figure: measures, money, percentages, times, ages, millions — AP keeps figures.
FIGURES_AFTER_SOURCE = (
    rf"""[ \u00a0-]*(?:{UNIT}|percent|per[ ]cent|percentage|million|billion|trillion|a\.m\.|p\.m\.|am\b|pm\b|
    o'clock|cents?|pence|p\b|dollars?|euros?|pounds?|yuan|yen|rupees?|points?|goals?|runs?|wickets?|
    seeds?|votes?|to[ ]\d|-to-|year|month|week|day|hours?[ -]old|stars?\b|x\b|by[ ]\d|
    (?:January|February|March|April|May|June|July|August|September|October|November|December|
    Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"""
)
FIGURES_BEFORE = patterns.compile(
    r"""(?r)(?:\b(?:No|Nos|no|number|No\.|page|p|pp|chapter|section|article|room|gate|terminal|route|highway|
    interstate|level|grade|category|phase|stage|round|game|week|day|vol|version|size|flight|platform|district|
    ward|lane|exit|channel|aged?|ages|step|act|scene|mile|track|tier|class|
    January|February|March|April|May|June|July|August|September|October|November|December|
    Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|\d[ ]to|\d[ ]and|\d[ ]or|\d,)\.?[ \u00a0]*)$""",
    regex.VERBOSE,
)
CAPITALIZED = patterns.compile(r"(?r)\p{Lu}[\p{L}\d.]*[ \u00a0]$")
# Capitalized words before a figure that do not make it a name ("The 5 men", "Only 3 left").
COMMON = set("""the a an in on at for but and of with by about only some all those these his her their its our
my your after before over nearly almost just around more than about when while as if since until then so
another every each another just all""".split())
AGE = patterns.compile(r"(?r)\p{Lu}[\p{L}'’-]+,[ \u00a0]$")
ORDINAL_WORDS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \u00a0\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:"


def ap_numerals(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Applies the AP rule for numerals: spell out one to nine (`five people`, `fourth`), use
    figures from 10 up (`12 people`, not `twelve people`). Figures stay for ages,
    percentages, measures, dates, times, money, scores and votes, millions, numbered
    things (`No. 3`, `Route 9`, `Channel 4`) and lists.

    ## Why is this bad?
    Mixed numeral styles read as unedited copy; AP style is what most US newsrooms follow
    (BBC and Guardian style agree on one to nine).

    ## Example
    ```text
    The storm killed 5 people and damaged twelve homes.
    ```

    ## Use instead
    ```text
    The storm killed five people and damaged 12 homes.
    ```

    ## Options
    - `spell-out`: the largest number spelled out (9 for AP; 10 or more for other styles).

    ## Fix safety
    The fix rewrites the number; it is unsafe, because a figure may name a thing (a model,
    a route) that this rule did not recognise.
    """
    text = doc.text
    limit = int(options.get("spell-out", 9))
    out: list[Finding] = []
    for m in DIGIT.finditer(text):
        n = int(m["n"])
        if n > limit or _keeps_figure(text, m.start(), m.end()):
            continue
        if m["ord"] and n >= len(ORDINAL_WORDS):
            continue
        word = ORDINAL_WORDS[n] if m["ord"] else _spell(n)
        if _sentence_start(text, m.start()):
            word = word.capitalize()
        what = "first to ninth" if m["ord"] else f"numbers up to {_spell(limit)}" if limit != 9 else "numbers below 10"
        out.append(Finding(Span(*m.span()), f'Figure "{m.group()}": spell out {what}',
                           Fix(f'Write "{word}"', (Edit(Span(*m.span()), word),), Applicability.UNSAFE)))
    for m in WORD_NUM.finditer(text):
        w = m["w"]
        if w[0].isupper() or _sentence_start(text, m.start()):
            continue  # a number that starts a sentence is spelled out
        value = _word_value(w.lower())
        if value is None or value <= limit or value < 10:
            continue
        out.append(Finding(Span(*m.span()), f'"{w}": use figures for 10 and above',
                           Fix(f'Write "{value}"', (Edit(Span(*m.span()), str(value)),), Applicability.UNSAFE)))
    out.sort(key=lambda f: f.span.start)
    yield from out


def _spell(n: int) -> str:
    """1..99 in words ("seven", "twenty-five")."""
    if n < 10:
        return SMALL[n]
    if n < 20:
        return list(TEENS)[n - 10]
    tens, ones = divmod(n, 10)
    return list(TENS)[tens - 2] + (f"-{SMALL[ones]}" if ones else "")


def _word_value(w: str) -> int | None:
    parts = w.split("-")
    values = {**ONES, **TEENS, **TENS}
    if not all(p in values for p in parts):
        return None
    return sum(values[p] for p in parts)


@functools.cache
def _figures_after() -> regex.Pattern[str]:
    """Compiled on first use: it holds every unit name, and import time matters."""
    return patterns.compile(FIGURES_AFTER_SOURCE, regex.VERBOSE | regex.IGNORECASE)


def _keeps_figure(text: str, start: int, end: int) -> bool:
    """AP's exceptions: the figure is a measure, money, a date, an age, a score, a name ..."""
    if _figures_after().match(text, end):
        return True
    lo = max(0, start - 24)
    if FIGURES_BEFORE.search(text, lo, start):
        return True
    cap = CAPITALIZED.search(text, lo, start)
    if cap and cap.group().strip().rstrip(".").lower() not in COMMON:  # "Channel 4", "Windows 7"
        return True
    if text[end:end + 1] == "," and AGE.search(text, lo, start):
        return True
    return text[end:end + 1] in ".)" and _starts_line(text, start)  # a numbered list


def _starts_line(text: str, start: int) -> bool:
    """Whether only spaces stand between the start of its line and ``start`` (looked at
    back to the first other character, not the whole line: a figure in a long line costs
    no more than one in a short one)."""
    j = start - 1
    while j >= 0 and text[j] != "\n" and text[j].isspace():
        j -= 1
    return j < 0 or text[j] == "\n"


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("NUM001", "percent-style", Severity.INFO, percent_style, default=False, fixable="safe",
                  options={"style": "any"}, choices={"style": ("any", "percent", "per cent", "%")},
                  style=True))
    register(Rule("NUM002", "ap-numerals", Severity.INFO, ap_numerals, default=False, fixable="unsafe",
                  options={"spell-out": 9}, style=True))
