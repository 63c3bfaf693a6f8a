"""The words around a typo: which suggestion fits between its neighbours.

A writer who typed "He todle the court" meant "told" ("he told" and "told the" are
common pairs), not "title", the likelier word on its own; "The todle of the report" is
"title". The word and word-pair counts
(Google Books Ngrams, via symspellpy's lists; ``rules/data/spelling_context.bin``) give
the association of two words: how much more often they stand side by side than chance
would have it (pointwise mutual information, log10). A pair missing from the list (it
keeps pairs seen at least ~6 million times) is at most that common, which is evidence
against pairs of very common words ("the or").

The data is loaded at the first unknown word with more than one suggestion (a few
milliseconds: the keys are sorted arrays, searched by bisection).
"""

from __future__ import annotations

import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

import regex

from newslint import patterns

CONTEXT_WEIGHT = 0.5  # weight of each neighbour's association against the noisy-channel score
CLIP = 2.0  # the most (log10) one neighbour can add or take away
MAGIC = b"NLCTX001"
_HEAD = struct.Struct("<8sIIII")
# A neighbour counts only when nothing but spaces separates it from the word.
_PREV = patterns.compile(r"([A-Za-z]+(?:'[A-Za-z]+)?) +$")
_NEXT = patterns.compile(r" +([A-Za-z]+(?:'[A-Za-z]+)?)")


class Counts:
    """Word and word-pair counts: ``log_count(word)`` and ``association(a, b)``."""

    __slots__ = ("_uk", "_uv", "_bk", "_bv", "_total", "_floor")

    def __init__(self, data: bytes) -> None:
        magic, nu, nb, total, floor = _HEAD.unpack_from(data)
        if magic != MAGIC:  # pragma: no cover - shipped with the package
            raise ValueError("spelling_context.bin: not a context file")
        pos = _HEAD.size

        view = memoryview(data)

        def take(code: str, n: int) -> Sequence[int]:
            """The next ``n`` numbers of type ``code``: read in place where the machine is
            little-endian, as stored (the file's ~2 MB are not copied twice at the first
            typo of a run: ~1.5 ms), else copied into an array and byte-swapped."""
            nonlocal pos
            size = array(code).itemsize
            chunk = view[pos : pos + n * size]
            pos += n * size
            if sys.byteorder == "little":
                return chunk.cast(code)
            a = array(code)  # pragma: no cover - stored little-endian
            a.frombytes(chunk)  # pragma: no cover
            a.byteswap()  # pragma: no cover
            return a  # pragma: no cover

        self._uk, self._uv = take("I", nu), take("H", nu)
        self._bk, self._bv = take("I", nb), take("H", nb)
        self._total = total / 1000
        self._floor = floor / 1000

    @staticmethod
    def _find(keys: Sequence[int], values: Sequence[int], key: str) -> float | None:
        h = zlib.crc32(key.encode("utf-8"))
        i = bisect_left(keys, h)
        if i < len(keys) and keys[i] == h:
            return values[i] / 1000
        return None

    def log_count(self, word: str) -> float | None:
        """log10 of the word's count (None if the list lacks it)."""
        return self._find(self._uk, self._uv, word)

    def association(self, a: str, b: str) -> float:
        """How much more often (log10) ``a b`` occurs than chance predicts, clipped to
        ``[-CLIP, CLIP]``; 0 when a word is not in the list (no evidence)."""
        ca, cb = self.log_count(a), self.log_count(b)
        if ca is None or cb is None:
            return 0.0
        expected = ca + cb - self._total
        pair = self._find(self._bk, self._bv, f"{a} {b}")
        if pair is None:
            pmi = min(0.0, self._floor - expected)  # rarer than the list's cut-off
        else:
            pmi = pair - expected
        return max(-CLIP, min(CLIP, pmi))


@lru_cache(maxsize=1)
def counts() -> Counts:
    """The word and word-pair counts (loaded once)."""
    from newslint.rules.spelling.lexicon import _data

    return Counts(_data("spelling_context.bin"))


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _prev_from(text: str, lo: int, start: int) -> int:
    """Where a match of ``_PREV`` ending at ``start`` can begin at the earliest: before the
    spaces that end it, a run of letters, perhaps an apostrophe and another run; no match
    begins before that (each holds only these characters). A search from there finds what
    a search from ``lo`` does, without trying (and backtracking from) every position of
    the window."""
    i = start
    while i > lo and text[i - 1] == " ":
        i -= 1
    if i == start:
        return start  # no space before the word: no match ends here
    letters = _ASCII_LETTERS
    while i > lo and text[i - 1] in letters:
        i -= 1
    if i > lo + 1 and text[i - 1] == "'" and text[i - 2] in letters:
        i -= 1
        while i > lo and text[i - 1] in letters:
            i -= 1
    return i


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words right before and after ``text[start:end]`` in lower case, when only
    spaces stand between ("" otherwise: a comma or a line break ends the context)."""
    lo = max(0, start - 30)
    if start > lo and text[start - 1] != "\n":  # ("$" may also match before a final line break)
        lo = _prev_from(text, lo, start)
    p = _PREV.search(text, lo, start)
    n = _NEXT.match(text, end, min(len(text), end + 30))
    return (p.group(1).lower() if p else ""), (n.group(1).lower() if n else "")


def rerank(scored: Sequence[tuple[str, float]], before: str, after: str) -> tuple[str, ...]:
    """The candidates best first, each noisy-channel score plus how well the candidate
    goes with the word before and the word after. A run-together split ("in which")
    keeps its score."""
    if len(scored) < 2 or not (before or after):
        return tuple(w for w, _ in scored)
    model = counts()

    def total(item: tuple[str, float]) -> float:
        w, s = item
        if " " in w or "-" in w:
            return s
        fit = (model.association(before, w) if before else 0.0) + (model.association(w, after) if after else 0.0)
        return s + CONTEXT_WEIGHT * fit

    ranked = sorted(scored, key=lambda item: (-total(item), item[0]))
    return tuple(w for w, _ in ranked)
