"""Evidence from the story itself that an unknown word is meant, not a typo.

* a word used two or more times in the story ("roastery", "dunums"): a typo is rarely
  repeated letter for letter (unless it is a listed misspelling, checked by the caller);
* a word beside another word that is not English either: a foreign phrase ("zhan jing
  pan", "Du bist was du isst");
* a word in a parenthesised list of credits ("(AFP, dpa, epd, KNA)");
* a word alone in brackets or quotes: a term being glossed or mentioned ("(lichun)",
  "a 'pakiha'").
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from newslint import patterns

_PREV = patterns.compile(r"(\p{L}[\p{L}\p{M}]*)[\s,;:\"“”'‘’]{1,3}$")
_NEXT = patterns.compile(r"[\s,;:\"“”'‘’]{1,3}(\p{L}[\p{L}\p{M}]*)")
# "(AFP, dpa, epd, KNA)": words separated by commas or slashes inside brackets.
_CREDITS = patterns.compile(r"\(\s*\p{L}+(?:\s*[,/]\s*\p{L}+)+\s*\)")


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words just before and after ``text[start:end]`` in the same phrase ("" if none)."""
    p = _PREV.search(text, max(0, start - 40), start)
    n = _NEXT.match(text, end, min(len(text), end + 40))
    return (p.group(1) if p else ""), (n.group(1) if n else "")


def in_foreign_phrase(text: str, start: int, end: int, known: Callable[[str], bool]) -> bool:
    """True if a neighbouring lower-case word is not a word either. A capitalized
    neighbour is a name ("Louise Damen, finishwed third"), not evidence of a phrase."""
    for w in neighbours(text, start, end):
        if len(w) >= 2 and w.islower() and not known(w):
            return True
    return False


def in_credits(text: str, start: int, end: int) -> bool:
    """True for a word inside a bracketed list of agency credits: "(AFP, dpa, epd)"."""
    a = text.rfind("(", max(0, start - 60), start)
    if a < 0:
        return False
    m = _CREDITS.match(text, a, min(len(text), end + 60))
    return m is not None and m.end() >= end


_OPEN = {"(": ")", "[": "]", '"': '"', "“": "”", "'": "'", "‘": "’"}


def mentioned(text: str, start: int, end: int) -> bool:
    """True for a word that is the whole content of brackets or quotes: "(chunfen)", or
    of quotes with a comma or full stop inside them, as American copy puts it: 'front
    trunk, or “frunk,” ...'."""
    if start == 0 or end >= len(text):
        return False
    close = _OPEN.get(text[start - 1])
    if close is None:
        return False
    if text[end] in ",." and close in "\"”'’" and end + 1 < len(text):
        end += 1
    return text[end] == close
