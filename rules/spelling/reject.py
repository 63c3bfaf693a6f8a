"""The vocabulary's ``reject`` list, found in one pass over the text.

An entry matches as a whole word: not preceded or followed by a letter, mark or digit, in
any case when the entry is written in lower case, exactly otherwise. Compiling one pattern per
entry and scanning the text once per entry cost time in proportion to entries x text, and put
every entry's pattern in the compiled-pattern store, which every later run then loaded (a list
of 100,000 entries). Here the text's words are looked up among the entries instead: an entry
can only match where a word of the text equals its first word (compared case-folded as the
``regex`` module folds), and only such places are checked, with the entry's own pattern,
compiled on first use and kept out of the store. The matches are exactly those of the
patterns, in the same order: by entry (sorted), then by position.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import accumulate

import regex

from newslint import patterns

#: A word of the text: letters, marks and digits (the class an entry's edges must not touch).
WORD = patterns.compile(r"[\p{L}\p{M}\p{N}]+")
EDGE_BEFORE = r"(?<![\p{L}\p{M}\p{N}])"
EDGE_AFTER = r"(?![\p{L}\p{M}\p{N}])"

_fold_case = getattr(getattr(regex, "_regex", None), "fold_case", None)
_FOLD_FLAGS = regex.IGNORECASE | regex.UNICODE
# regex folds these four apart but matches them to one another without case (Turkish i).
_DOTTED_I = str.maketrans({"I": "i", "ı": "i", "İ": "i"})


def fold(word: str) -> str:
    """A key equal for any two words that ``regex.IGNORECASE`` matches to each other (it may
    be equal for a few more: every candidate is checked with the entry's pattern)."""
    if word.isascii():
        return word.lower()
    if _fold_case is not None:
        return _fold_case(_FOLD_FLAGS, word).translate(_DOTTED_I)
    return word.casefold().translate(_DOTTED_I)


@lru_cache(maxsize=4096)
def entry_pattern(bad: str) -> regex.Pattern[str]:
    """The whole-word pattern of one entry (case-insensitive for a lower-case entry); not
    put in the compiled-pattern store, which holds newslint's own patterns."""
    flags = regex.IGNORECASE if bad.islower() else 0
    return regex.compile(EDGE_BEFORE + regex.escape(bad) + EDGE_AFTER, flags)


class Matcher:
    """The entries of a reject list, indexed by their first word."""

    def __init__(self, reject: Mapping[str, str]) -> None:
        self.entries = [(bad, good) for bad, good in sorted(reject.items()) if bad]
        self.exact: dict[str, list[int]] = {}  # first word as written -> entries
        self.folded: dict[str, list[int]] = {}  # first word folded -> lower-case entries
        self.other: list[int] = []  # entries that do not start with a word character
        for k, (bad, _) in enumerate(self.entries):
            m = WORD.match(bad)
            if m is None:
                self.other.append(k)
            elif bad.islower():
                self.folded.setdefault(fold(m.group()), []).append(k)
            else:
                self.exact.setdefault(m.group(), []).append(k)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(entry, start, end)`` of every match, by entry (in sorted order), then position."""
        found: list[tuple[int, int, int]] = []
        entries, exact, folded = self.entries, self.exact, self.folded
        if exact or folded:
            for m in WORD.finditer(text):
                word = m.group()
                hits = exact.get(word)
                more = folded.get(fold(word)) if folded else None
                if hits is None and more is None:
                    continue
                start = m.start()
                for k in hits + more if hits and more else hits or more or ():
                    bad = entries[k][0]
                    if bad == word or (bad.islower() and word.isascii() and bad.isascii() and word.lower() == bad):
                        found.append((k, start, m.end()))  # a one-word entry (letters: the run is the match)
                        continue
                    hit = entry_pattern(bad).match(text, start)
                    if hit is not None:
                        found.append((k, start, hit.end()))
        for k in self.other:
            found.extend((k, *hit.span()) for hit in entry_pattern(entries[k][0]).finditer(text))
        found.sort()
        return found


class Spans:
    """Whether a stretch of text overlaps any of a set of spans (bisection over their starts,
    with the furthest end so far): constant work per question, however many spans."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end = list(accumulate((e for _, e in ordered), max))

    def __bool__(self) -> bool:
        return bool(self.starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True if a span ``s`` has ``s.start < end and start < s.end``."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start
