"""Numbers as news copy writes them: figures, fractions, words and "million"s.

Shared by the unit, date and number rules. :data:`NUMBER` is a regex *source* (not
compiled) to embed in larger patterns; :func:`parse_number` turns a match into a
:class:`Num` holding its value and the precision the writer used (half a unit in the
last place written), which is what news rounding is judged against.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import regex

from newslint import patterns

ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
WORD_VALUES: dict[str, int] = {**ONES, **TEENS, **TENS, "a": 1, "an": 1, "zero": 0}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
          "k": 1_000}
UNICODE_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}
FRACTION_DENOMINATORS = {2: 2, 3: 3, 4: 4, 8: 8, 16: 16}

_ONES = "|".join(ONES)
_BELOW_100 = rf"(?:(?:{'|'.join(TENS)})(?:[-\s](?:{_ONES}))?|{'|'.join(TEENS)}|{_ONES})"
_UNI = "".join(UNICODE_FRACTIONS)

# Figures: "1,234.5", "12.5", ".5"; a mixed fraction "6 1/2", "6-1/2", "6½"; a bare fraction.
FIGURES = rf"""(?:
    (?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:(?:[\s\u00a0]|-)\d{{1,2}}/(?:2|3|4|8|16)(?!\d)|[{_UNI}])?
  | \.\d+
  | \d/(?:2|3|4|8|16)(?![\d/])
  | [{_UNI}]
)"""
# Words: "two", "twenty-five", "two hundred", "a", "half a", "one and a half", "a quarter".
WORDS = rf"""(?:
    (?:{_BELOW_100}|an?)[\s-](?:and[\s-])?(?:a[\s-])?half(?:[\s-]an?)?
  | half[\s-]an?
  | (?:a|one|three)[\s-]quarters?(?:[\s-]of[\s-]an?)?
  | (?:{_BELOW_100}|an?)(?:[\s-]hundred(?:[\s-](?:and[\s-])?{_BELOW_100})?)?(?:[\s-]thousand)?
)"""
# A number and an optional scale word ("7.6 million", "5bn", "2m" before a unit word).
NUMBER = rf"""(?:(?:{FIGURES})(?:[\s\u00a0]?(?:million|billion|trillion|thousand|mn|bn)\b|m(?=[\s\u00a0]+\p{{L}}{{3}}))?
  |(?:{WORDS})(?:[\s](?:million|billion|thousand)\b)?(?!\p{{L}}))"""

_MIXED = patterns.compile(rf"^(?P<int>\d+)(?:[\s\u00a0-](?P<n>\d{{1,2}})/(?P<d>\d+)|(?P<u>[{_UNI}]))$")
_SIMPLE_FRAC = patterns.compile(r"^(?P<n>\d)/(?P<d>\d+)$")
_SPACES = patterns.compile(r"[\s-]+")
_HALF_AT_END = patterns.compile(r"(?: and)?(?: a)? half(?: an?)?$")
_SCALE_AT_END = patterns.compile(r"[\s\u00a0]?(million|billion|trillion|thousand|mn|bn|m)$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Num:
    """A parsed number: its value, half a unit in the last place written, and its text."""

    value: float
    half_unit: float
    text: str
    figures: str = ""  # the figure part as written ("7.6" of "7.6 million"); "" for words
    scale: float = 1.0
    decimals: int = 0
    is_fraction: bool = False
    is_words: bool = False

    @property
    def sig_figs(self) -> int:
        """Significant figures of the figure part (trailing zeros of an integer don't count)."""
        digits = self.figures.replace(",", "").lstrip("0").replace(".", "")
        if not digits:
            return 1
        if "." not in self.figures:
            digits = digits.rstrip("0") or "0"
        return max(1, len(digits.lstrip("0")))


def _figures(text: str) -> tuple[float, float, int, bool] | None:
    """Value, half unit, decimals and whether a fraction, for a figure string."""
    t = text.replace("\u00a0", " ")
    m = _MIXED.match(t)
    if m:
        whole = int(m["int"])
        if m["u"]:
            frac = UNICODE_FRACTIONS[m["u"]]
            den = round(1 / min(frac, 1 - frac)) if frac not in (2 / 3, 3 / 5, 2 / 5) else 6
        else:
            den = int(m["d"])
            if den == 0 or int(m["n"]) >= den:
                return None
            frac = int(m["n"]) / den
        return whole + frac, 0.5 / den, 0, True
    m = _SIMPLE_FRAC.match(t)
    if m:
        den = int(m["d"])
        return int(m["n"]) / den, 0.5 / den, 0, True
    if t in UNICODE_FRACTIONS:
        frac = UNICODE_FRACTIONS[t]
        return frac, 0.125, 0, True
    plain = t.replace(",", "")
    try:
        value = float(plain)
    except ValueError:
        return None
    if "." in plain:
        decimals = len(plain.split(".", 1)[1])
        return value, 0.5 * 10.0 ** -decimals, decimals, False
    stripped = plain.lstrip("0") or "0"
    zeros = len(stripped) - len(stripped.rstrip("0")) if stripped != "0" else 0
    return value, 0.5 * 10.0**zeros, 0, False


def _words(text: str) -> tuple[float, float] | None:
    """Value and half unit of a number in words."""
    t = _SPACES.sub(" ", text.lower()).strip()
    if t in ("half a", "half an", "a half"):
        return 0.5, 0.25
    if t.startswith(("a quarter", "one quarter")):
        return 0.25, 0.125
    if t.startswith("three quarter"):
        return 0.75, 0.125
    half = 0.0
    if t.endswith(" half") or t.endswith(" half a") or t.endswith(" half an"):
        t = _HALF_AT_END.sub("", t)
        half = 0.5
    total = 0
    current = 0
    for word in t.split():
        if word == "and":
            continue
        if word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    value = total + current + half
    unit = 0.25 if half else 0.5
    return float(value), unit


def parse_number(text: str) -> Num | None:
    """A :class:`Num` from text matched by :data:`NUMBER` (None if it is not a number)."""
    raw = text.strip()
    if raw.isascii() and raw.isdigit():  # the usual case, "12": what the general path gives
        stripped = raw.lstrip("0") or "0"
        zeros = len(stripped) - len(stripped.rstrip("0")) if stripped != "0" else 0
        return Num(float(raw), 0.5 * 10.0**zeros, raw, raw, 1.0, 0, False, False)
    return _parse_other(raw)


@functools.lru_cache(maxsize=4096)
def _parse_other(raw: str) -> Num | None:
    """:func:`parse_number` of a number that is not plain figures ("6 1/2", "1.5", "two"):
    remembered (a :class:`Num` is immutable), as the general path costs a few regex calls
    (~7 us) and stories repeat their numbers."""
    scale = 1.0
    body = raw
    m = _SCALE_AT_END.search(raw)
    if m and (m.start() > 0 and (raw[m.start() - 1].isdigit() or m.group().startswith((" ", "\u00a0")))):
        word = m.group(1).lower()
        scale = float(SCALES[word])
        body = raw[: m.start()].rstrip()
    if body and (body[0].isdigit() or body[0] in "." + "".join(UNICODE_FRACTIONS)):
        fig = _figures(body)
        if fig is None:
            return None
        value, half, decimals, is_frac = fig
        return Num(value * scale, half * scale, raw, body, scale, decimals, is_frac, False)
    words = _words(body)
    if words is None:
        return None
    value, half = words
    return Num(value * scale, half * scale, raw, "", scale, 0, False, True)


def format_like(value: float, like: Num | None = None) -> str:
    """Format ``value`` at the precision a writer used for ``like``: its significant figures
    when it ends in zeros ("6,000"), else whole numbers from 10 up and its decimals (at least
    one) below 10, two below 1; thousands separators; no pointless ".0"."""
    scale = like.scale if like is not None else 1.0
    v = value / scale
    if v == 0:
        return "0"
    digits = like.figures.replace(",", "") if like is not None else ""
    if like is not None and digits.isdigit() and like.sig_figs < len(digits.lstrip("0")):
        sig = max(2, like.sig_figs)
        magnitude = math.floor(math.log10(abs(v)))
        decimals = max(0, sig - 1 - magnitude)
        v = round(v, sig - 1 - magnitude)
    elif like is not None and like.decimals:
        decimals = like.decimals if abs(v) < 10 else 0
    else:
        decimals = 0 if abs(v) >= 10 else 1
    if abs(v) < 10:
        decimals = max(decimals, 1)
    if abs(v) < 1:
        decimals = max(decimals, 2)
    out = f"{v:,.{decimals}f}"
    if "." in out:
        out = out.rstrip("0").rstrip(".")
    return out
