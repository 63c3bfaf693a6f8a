"""The context model: which member of a confusion set fits between its neighbours.

``realword_lm.bin`` holds, for every n-gram of the pocketsphinx US English trigram model
that contains a confusion word, its log10 probability *relative to the back-off estimate*
(see ``scripts/build_realword.py``). For a candidate ``c`` with neighbours
``l2 l1 _ r1 r2``, the log probability of the five words with ``c`` in the gap is, up to
terms that are the same for every member of the set::

    U(c) + L(l1 c) + R(c r1) + T1(l2 l1 c) + T2(l1 c r1) + T3(c r1 r2)

where a missing n-gram counts 0. So a score needs six lookups per member and no other
n-gram, and fewer: a trigram whose bigram is not stored is not either, but at a few pairs
listed in ``orphans`` (so the trigram is looked for only where it can be). Lookups bisect
one of 65,536 buckets of sorted 64-bit keys (~4 keys each); the
file (2.7 MB) is read and viewed in place, not parsed: loading takes a few milliseconds.
"""

from __future__ import annotations

import os
import struct
import sys
from array import array
from bisect import bisect_left
from functools import lru_cache
from zlib import adler32, crc32


MAGIC = b"RWLM1\n"
# How many n-gram values ``NgramScores.score`` remembers (about 130 bytes each: 8 MB at
# most; on the 3,446 BBC and registry articles 41% of the look-ups hit, 37% with half).
MEMO_SIZE = 1 << 16


def data_file(name: str) -> bytes:
    """A file of ``newslint/rules/data`` (read directly; through importlib.resources only
    when the package is not on disk, as in a zip)."""
    try:
        with open(os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", name), "rb") as fh:
            return fh.read()
    except OSError:
        from importlib import resources

        return resources.files("newslint.rules.data").joinpath(name).read_bytes()


class NgramScores:
    """Relative n-gram scores (log10 x 1000) by 64-bit key; 0 for an n-gram not stored."""

    __slots__ = ("_index", "_keys", "_values", "_crcs", "_adlers", "_unigrams", "_memo", "_orphans")

    def __init__(self, data: bytes, orphans: Orphans | None = None) -> None:
        """``orphans``: for the file they were built for, the bigrams whose trigrams are
        stored without them (see ``orphans``); None, and every trigram is looked for."""
        if not data.startswith(MAGIC):
            raise ValueError("realword_lm.bin: bad header")
        self._unigrams: dict[str, int] = {}  # the unigram score of each confusion word, once
        self._memo: dict[str, int | None] = {}  # n-grams asked for before (see ``score``)
        self._orphans = orphans
        pos = len(MAGIC)
        (n,) = struct.unpack_from("<I", data, pos)
        pos += 4
        view = memoryview(data)
        ends = (pos + 65537 * 4, pos + 65537 * 4 + n * 8, pos + 65537 * 4 + n * 10)
        if len(data) < ends[2]:
            raise ValueError("realword_lm.bin: truncated")
        if sys.byteorder == "little":  # zero-copy views of the file's bytes
            self._index = view[pos:ends[0]].cast("I")
            self._keys = view[ends[0]:ends[1]].cast("Q")
            self._values = view[ends[1]:ends[2]].cast("h")
            # Each key's two halves, CRC-32 (high) and Adler-32 (low), as strided views: a
            # look-up compares numbers below 2**32, not 64-bit ones (see ``_lookup``).
            halves = view[ends[0]:ends[1]].cast("I")
            self._crcs, self._adlers = halves[1::2], halves[0::2]
        else:  # pragma: no cover - the file is little-endian
            self._index, self._keys, self._values = array("I"), array("Q"), array("h")
            self._index.frombytes(data[pos:ends[0]])
            self._keys.frombytes(data[ends[0]:ends[1]])
            self._values.frombytes(data[ends[1]:ends[2]])
            for a in (self._index, self._keys, self._values):
                a.byteswap()
            self._crcs = array("I", (k >> 32 for k in self._keys))
            self._adlers = array("I", (k & 0xFFFFFFFF for k in self._keys))

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, key: int) -> int:
        top = key >> 48
        lo, hi = self._index[top], self._index[top + 1]
        if lo == hi:
            return 0
        keys = self._keys
        i = bisect_left(keys, key, lo, hi)
        if i < hi and keys[i] == key:
            return self._values[i]
        return 0

    def _at(self, ngram: str) -> int:
        """:meth:`get` of an n-gram spelled as :func:`~newslint.rules.realword.keys.ngram_key` spells it (``"L l1 word"``)."""
        return self._lookup(ngram.encode("utf-8"))

    def _lookup(self, b: bytes) -> int:
        """:meth:`get` of ``ngram_key``'s bytes (see :meth:`_stored`)."""
        return self._stored(b) or 0

    def _stored(self, b: bytes) -> int | None:
        """The value of ``ngram_key``'s bytes, None where the file does not store it. The key
        is taken in its two halves: the keys are sorted by CRC-32 then Adler-32 and bucketed
        by the CRC's top 16 bits, so the CRC is looked for in its bucket and the Adler-32
        only among the keys with that CRC (two pairs of keys in the file share one).
        Python's numbers below 2**32 compare at a third of the cost of 64-bit ones, and the
        Adler-32 is not computed when the CRC is missing."""
        c = crc32(b)
        top = c >> 16
        index = self._index
        lo, hi = index[top], index[top + 1]
        if lo == hi:
            return None
        crcs = self._crcs
        i = bisect_left(crcs, c, lo, hi)
        if i == hi or crcs[i] != c:
            return None
        a = adler32(b)
        adlers = self._adlers
        while adlers[i] != a:
            i += 1
            if i == hi or crcs[i] != c:
                return None
        return self._values[i]

    def score(self, word: str, l2: str | None, l1: str | None, r1: str | None, r2: str | None) -> int:
        """How well ``word`` fits between ``l2 l1`` and ``r1 r2`` (log10 x 1000, relative).

        ``l1`` is ``<s>`` at the start of a sentence (``l2`` is then None), ``r1`` is
        ``</s>`` at its end (``r2`` None); None for a side cut off by a comma. The same
        sum as ``get(ngram_key(kind, *words))`` over the six kinds (see the tests).

        Each n-gram's value is remembered (up to ``MEMO_SIZE`` of them, then forgotten all
        at once): in news copy about four n-grams in ten were asked for before ("R from
        the", "L said that"), and a dictionary look-up costs a tenth of :meth:`_lookup`.
        """
        memo = self._memo
        if len(memo) > MEMO_SIZE:
            memo.clear()
        s = self._unigrams.get(word)
        if s is None:
            s = self._unigrams[word] = self._at("U " + word)
        get = memo.get
        stored = self._stored
        # The bigrams first, then each trigram where its bigrams say it can be stored: where
        # one is not, the trigram is not either, but at the pairs ``orphans`` lists (see
        # ``orphans``; without them every trigram is looked for). None: not stored.
        orphans = self._orphans
        left = right = None
        if r1 is not None:
            pr = f"{word} {r1}"  # the right bigram's words, spelled once for its keys and the lists
            k = "R " + pr
            right = get(k, _UNKNOWN)
            if right is _UNKNOWN:
                right = memo[k] = stored(k.encode("utf-8"))
            if right is not None:
                s += right
            if r2 is not None and (right is not None or orphans is None or pr in orphans[3]):
                k = f"T3 {pr} {r2}"
                v = get(k, _UNKNOWN)
                if v is _UNKNOWN:
                    v = memo[k] = stored(k.encode("utf-8"))
                if v is not None:
                    s += v
        if l1 is None:
            return s
        pl = f"{l1} {word}"  # the left bigram's words, as ``pr``
        k = "L " + pl
        left = get(k, _UNKNOWN)
        if left is _UNKNOWN:
            left = memo[k] = stored(k.encode("utf-8"))
        if left is not None:
            s += left
        if l2 is not None and (left is not None or orphans is None or pl in orphans[0]):
            k = f"T1 {l2} {pl}"
            v = get(k, _UNKNOWN)
            if v is _UNKNOWN:
                v = memo[k] = stored(k.encode("utf-8"))
            if v is not None:
                s += v
        if r1 is not None and (orphans is None or (
                (left is not None or pl in orphans[1]) and (right is not None or pr in orphans[2]))):
            k = f"T2 {pl} {r1}"
            v = get(k, _UNKNOWN)
            if v is _UNKNOWN:
                v = memo[k] = stored(k.encode("utf-8"))
            if v is not None:
                s += v
        return s


# The bigrams whose trigrams are stored without them: T1, T2 by its left bigram, T2 by its
# right one, T3 (see ``orphans``).
Orphans = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]
_UNKNOWN = object()  # an n-gram not asked for before


def shipped_orphans(data: bytes) -> Orphans | None:
    """``orphans``' lists, if they were built for ``data`` (the shipped file, checked by its
    CRC-32: under a millisecond), else None."""
    from newslint.rules.realword import orphans

    if crc32(data) != orphans.LM_CRC32:
        return None
    return orphans.T1, orphans.T2_LEFT, orphans.T2_RIGHT, orphans.T3


@lru_cache(maxsize=1)
def ngram_scores() -> NgramScores:
    """The context model (loaded once per process, at the first confusion word)."""
    data = data_file("realword_lm.bin")
    return NgramScores(data, shipped_orphans(data))


@lru_cache(maxsize=1)
def first_sounds() -> dict[str, str]:
    """Words whose first sound the spelling does not tell: ``"an"``, ``"a"`` or ``"both"``."""
    text = data_file("realword_sounds.tsv").decode("utf-8")
    cells = "\n".join(ln for ln in text.split("\n") if ln and not ln.startswith("#")).replace("\t", "\n").split("\n")
    return dict(zip(cells[0::2], cells[1::2]))
