"""The spelling data shipped in ``rules/data/``, loaded lazily and once per process.

* :func:`lexicon` (loaded at the first check): membership and frequency of ~297,000 words.
* :func:`known_misspellings` and :func:`variants`: codespell's real misspellings and the
  American/British spelling pairs.
* :func:`tech_terms`: software terms from cspell's dictionaries ("iframe", "gzip").

Entries are lower case, except names and abbreviations that SCOWL spells with a capital
("London"); apostrophes are ASCII. The data is immutable, so module-level caches are safe.
"""

from __future__ import annotations

import os
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress, repeat
from operator import add, eq, lshift, or_, rshift


def _data(name: str) -> bytes:
    """A file of ``rules/data`` (read directly; through importlib.resources, ~10 ms to
    import, only when the package is not on disk, as in a zip)."""
    try:
        with open(os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", name), "rb") as fh:
            return fh.read()
    except OSError:
        from importlib import resources

        return resources.files("newslint.rules.data").joinpath(name).read_bytes()


def _body(text: str) -> str:
    """The text after the ``#`` header lines that open each data file."""
    pos = 0
    while text.startswith("#", pos):
        pos = text.index("\n", pos) + 1
    return text[pos:]


def _lines(text: str) -> list[str]:
    return [ln for ln in _body(text).split("\n") if ln]


def _pairs(text: str) -> tuple[list[str], list[str]]:
    """``key<TAB>value`` lines as two lists, split in C (tens of thousands of lines: a
    Python loop over them cost ~30 ms of every run)."""
    cells = _body(text).replace("\t", "\n").split("\n")
    if cells and cells[-1] == "":
        cells.pop()
    if len(cells) % 2:  # pragma: no cover - the build script writes two cells a line
        raise ValueError("a data line without a tab")
    return cells[0::2], cells[1::2]


RARE_ZIPF = 1.0  # the frequency assumed for a word outside the frequent list
FEW_WORDS = 24  # Lexicon.children reads this many words under a prefix rather than hop


SEEN_LIMIT = 100_000  # rare-word answers kept (a few MB at most)
NO_HASH = (1 << 64) - 1  # no word_hash takes this value (see Lexicon.__init__)


def word_hash(word: str) -> int:
    """The 64-bit key of a rare word: CRC-32 and Adler-32 of its UTF-8 bytes."""
    b = word.encode("utf-8")
    return (zlib.crc32(b) << 32) | zlib.adler32(b)


class Lexicon:
    """The dictionary: ``word in lexicon`` and ``lexicon.zipf(word)``.

    The frequent words (Zipf >= 2, about 79,000) are a dict of their frequency rank; the
    other ~215,000 are a sorted array of 64-bit hashes, searched by bisection. Loading
    takes a few milliseconds, not the ~100 ms of hashing every word into a set.
    """

    __slots__ = ("_lower", "_upper", "_starts", "_zipf", "_rare", "_index", "_children", "_ranges", "_sorted",
                 "_seen")

    def __init__(self, common_text: str, rare: array) -> None:
        lines = common_text.split("\n")
        split = int(next(ln for ln in lines if ln.startswith("#split "))[7:])
        bands = next(ln for ln in lines if ln.startswith("#bands "))
        pairs = [b.split(":") for b in bands.split()[1:]]
        first = int(pairs[0][0])
        # Lower-case words (the fast path) and capitalized ones ("London") apart.
        self._lower = dict(zip(lines[first:split], range(first, split)))
        self._upper = dict(zip(lines[split:], range(split, len(lines))))
        self._upper.pop("", None)
        self._starts = [int(i) for i, _ in pairs]
        self._zipf = [int(z) / 10 for _, z in pairs]
        # A sentinel after the largest hash: Adler-32's low half is below 65521, so no word's
        # hash ends in 0xFFFF, and a lookup never runs off the end.
        if not rare or rare[-1] != NO_HASH:
            rare.append(NO_HASH)
        self._rare = rare
        self._index: array | None = None  # rare_index(), read at the first rare-word lookup
        self._children: dict[str, str | None] = {}
        # Where the words that begin with a prefix asked about lie in the sorted list: a
        # longer prefix is searched for within its parent's stretch (see children).
        self._ranges: dict[str, tuple[int, int]] = {}
        self._sorted: list[str] | None = None
        # The answers for words outside the frequent lists: a story asks about each of its
        # unusual words several times (as a word, in lower case, by each rule), and an
        # archive repeats its names; a dict look-up is ~5 times cheaper than the hash and
        # bisection of _is_rare.
        self._seen: dict[str, bool] = {}

    def children(self, prefix: str) -> str | None:
        """The letters that can follow ``prefix`` in a frequent lower-case word (None if no
        such word starts with it). Computed on demand from a sorted list and cached."""
        cache = self._children
        got = cache.get(prefix, "?")
        if got != "?":
            return got
        srt = self._sorted
        if srt is None:
            srt = self._sorted = sorted(self._lower)
        # The words that begin with ``prefix`` lie within those that begin with its parent
        # (``prefix[:-1]``): when the parent was asked about (the two-edit walk asks for a
        # prefix's children, then for one of theirs), both searches stay in its stretch, a
        # few dozen words at most a few letters in, not the ~70,000 of the whole list.
        lo, end = self._ranges.get(prefix[:-1], (0, len(srt))) if prefix else (0, len(srt))
        lo = bisect_left(srt, prefix, lo, end)
        # Most prefixes asked about begin no word: the first word after them tells.
        if lo == end or not srt[lo].startswith(prefix):
            cache[prefix] = None
            return None
        hi = bisect_left(srt, prefix + "\uffff", lo, end)
        if lo == hi:  # pragma: no cover - srt[lo] begins with prefix, so lo < hi
            cache[prefix] = None
            return None
        self._ranges[prefix] = (lo, hi)
        n = len(prefix)
        if hi - lo <= FEW_WORDS:  # read them all
            found = "".join(sorted({w[n] for w in srt[lo:hi] if len(w) > n}))
            cache[prefix] = found
            return found
        if len(srt[lo]) == n:  # the prefix is a word itself (it sorts first)
            lo += 1
        # Hop from letter to letter: one binary search per letter that follows, not a look
        # at each of the (for a short prefix, thousands of) words that start with it.
        letters = []
        while lo < hi:
            c = srt[lo][n]
            letters.append(c)
            lo = bisect_left(srt, prefix + chr(ord(c) + 1), lo + 1, hi)
        found = "".join(letters)
        cache[prefix] = found
        return found

    def has_trie(self) -> bool:
        """True once :meth:`children` has sorted the frequent words (it does so at its
        first call, ~15 ms: a caller that can do without asks this first)."""
        return self._sorted is not None

    def children_memo(self) -> dict[str, str | None]:
        """The answers of :meth:`children` so far, by prefix (read-only for the caller)."""
        return self._children

    def __contains__(self, word: str) -> bool:
        if word in self._lower or word in self._upper:
            return True
        seen = self._seen
        found = seen.get(word)
        if found is None:
            if len(seen) >= SEEN_LIMIT:
                seen.clear()
            found = seen[word] = self._is_rare(word)
        return found

    def _is_rare(self, word: str) -> bool:
        """True if ``word`` is one of the rare words (its hash, by binary search in its
        bucket of the index, as in :meth:`among`)."""
        data = word.encode("utf-8")  # word_hash, written out: ~2,000 first-met words a story pass
        h = (zlib.crc32(data) << 32) | zlib.adler32(data)
        rare, index = self._rare, self._index
        if index is None:
            index = self._bucket_index()
        b = h >> RARE_SHIFT
        return rare[bisect_left(rare, h, index[b], index[b + 1])] == h  # the array ends in a value no hash takes

    def _bucket_index(self) -> array:
        """rare_index(), read at the first lookup of a rare word."""
        index = self._index
        if index is None:
            index = self._index = rare_index()
        return index

    def frequent_among(self, words: Iterable[str], lower: bool = False) -> set[str]:
        """The ones of ``words`` in the frequent list (set intersections, in C). With
        ``lower``, the words are known to be in lower case: no capitalized entry can match."""
        keys = set(words)
        found = keys & self._lower.keys()
        return found if lower else found | (keys & self._upper.keys())

    def among(self, words: Iterable[str], lower: bool = False) -> set[str]:
        """The ones of ``words`` that are words (``{w for w in words if w in lexicon}``):
        the frequent ones by set intersection, the rest hashed and looked up among the
        rare words, all in C (``map`` over C functions: no Python call per word), each
        in its bucket of the index (a binary search over ~3 hashes, not 215,000). The
        hundreds of strings one edit from a typo cost a few hundred microseconds.
        ``lower`` as for :meth:`frequent_among`."""
        keys = set(words)
        found = self.frequent_among(keys, lower)
        rest = list(keys - found)
        if rest:
            rare, index = self._rare, self._bucket_index()  # the array ends in a value no hash takes
            data = list(map(str.encode, rest))  # UTF-8, as in word_hash
            hashes = list(map(or_, map(lshift, map(zlib.crc32, data), repeat(32)), map(zlib.adler32, data)))
            buckets = list(map(rshift, hashes, repeat(RARE_SHIFT)))
            at = map(bisect_left, repeat(rare), hashes, map(index.__getitem__, buckets),
                     map(index.__getitem__, map(add, buckets, repeat(1))))
            found.update(compress(rest, map(eq, map(rare.__getitem__, at), hashes)))
        return found

    @property
    def frequent_lower(self) -> dict[str, int]:
        """The frequent lower-case words (a dict: test membership with ``in``): the fast
        path of the checker."""
        return self._lower

    def is_frequent(self, word: str) -> bool:
        """True for a word in the frequent list (cheap: a dict lookup)."""
        return word in self._lower or word in self._upper

    def knows(self, word: str) -> bool:
        """True if ``word`` (as written, or in lower case) is a word."""
        return word in self or (not word.islower() and word.lower() in self)

    def zipf(self, word: str) -> float:
        """The word's Zipf frequency band (-1 if it is not a word)."""
        r = self._lower.get(word)
        if r is None:
            r = self._upper.get(word)
        if r is None:
            return RARE_ZIPF if word in self else -1.0
        return self._zipf[bisect_right(self._starts, r) - 1]


RARE_INDEX_BITS = 16  # the rare words' index has a bucket for each value of a hash's top 16 bits
RARE_SHIFT = 64 - RARE_INDEX_BITS


def rare_index() -> array:
    """For each bucket b, where the rare hashes with top bits b start (``index[b]``) and end
    (``index[b + 1]``) in the sorted array: 65,537 uint32 (256 KB), written by the build
    script from ``spelling_rare.bin``."""
    index = array("I")
    index.frombytes(_data("spelling_rare_index.bin"))
    if sys.byteorder != "little":  # pragma: no cover - stored little-endian
        index.byteswap()
    return index


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The dictionary (loaded at the first check)."""
    rare = array("Q")
    rare.frombytes(_data("spelling_rare.bin"))
    if sys.byteorder != "little":  # pragma: no cover - stored little-endian
        rare.byteswap()
    return Lexicon(_data("spelling_common.txt").decode("utf-8"), rare)


class SortedTable:
    """``key<TAB>value`` lines sorted by key, looked up by binary search in the file's bytes
    (read-only, like a dict's ``get``). Nothing is split or hashed at load: the 62,000
    known misspellings load in about a millisecond instead of ~35 ms as a dict, and a run
    asks once per distinct unknown word (~10 us each; each answer is kept).

    Every search probes the same lines first (the middle line, then the middle of either
    half, ...): the line at each probe of a wide stretch is kept (``_probes``, at most a
    few thousand lines), so a search reads only its last dozen probes from the bytes."""

    __slots__ = ("_data", "_start", "_seen", "_probes")

    def __init__(self, data: bytes) -> None:
        start = 0
        while data.startswith(b"#", start):  # the header lines
            start = data.index(b"\n", start) + 1
        if not data.endswith(b"\n"):
            data += b"\n"
        self._data = data
        self._start = start
        self._seen: dict[str, str | None] = {}
        # probe offset -> (start, end, tab) of the line that holds it, and its key
        self._probes: dict[int, tuple[int, int, int, bytes]] = {}

    def get(self, key: str, default: str | None = None) -> str | None:
        seen = self._seen
        if key in seen:
            found = seen[key]
        else:
            found = seen[key] = self._find(key.encode("utf-8"))
        return default if found is None else found

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def _find(self, key: bytes) -> str | None:
        data = self._data
        probes = self._probes
        lo, hi = self._start, len(data)  # both at the start of a line (or the end)
        while lo < hi:
            mid = (lo + hi) // 2
            got = probes.get(mid)
            if got is None:
                got = self._line_at(lo, mid)
                if hi - lo >= PROBE_KEPT_BYTES:  # a wide stretch: later searches probe here too
                    probes[mid] = got
            start, end, tab, here = got
            if here == key:
                return data[tab + 1 : end].decode("utf-8") if tab >= 0 else ""
            if here < key:
                lo = end + 1
            else:
                hi = start
        return None

    def _line_at(self, lo: int, mid: int) -> tuple[int, int, int, bytes]:
        """The line that holds offset ``mid``: its start, end, tab (-1 if none) and key.
        (``lo``, at a line start at or before ``mid``, only bounds the search back: the
        line is the same whatever it is.)"""
        data = self._data
        nl = data.rfind(b"\n", lo, mid)
        start = lo if nl < 0 else nl + 1  # the line that holds ``mid``
        end = data.index(b"\n", start)
        tab = data.find(b"\t", start, end)
        return start, end, tab, data[start : tab if tab >= 0 else end]


# A probe of a stretch this wide is kept: about 2 * len(data) / PROBE_KEPT_BYTES lines at
# most (~1,300 for the 1.3 MB of known misspellings), the first ten or so probes of each search.
PROBE_KEPT_BYTES = 2048


@lru_cache(maxsize=1)
def known_misspellings() -> SortedTable:
    """A real misspelling (lower case) -> its corrections, comma-separated, best first
    (``.get(typo)``; the file is sorted by typo)."""
    return SortedTable(_data("spelling_typos.tsv"))


@lru_cache(maxsize=1)
def tech_terms() -> frozenset[str]:
    """Software terms a general dictionary lacks ("iframe", "gzip", "cron"), lower case;
    read at the first unknown word that nothing else explains (~2,400 words)."""
    return frozenset(_lines(_data("spelling_tech.txt").decode("utf-8")))


@lru_cache(maxsize=1)
def compound_parts() -> frozenset[str]:
    """Words accepted only as a part of a hyphenated compound ("faire" in "laissez-faire")."""
    return frozenset(_lines(_data("spelling_parts.txt").decode("utf-8")))


@lru_cache(maxsize=1)
def variants() -> tuple[dict[str, str], dict[str, str]]:
    """(American -> British, British -> American) spelling pairs, lower case."""
    a, b = _pairs(_data("spelling_variants.tsv").decode("utf-8"))
    # The first pair of a word wins: built from the reversed lists, the first is set last.
    us = dict(zip(reversed(a), reversed(b)))
    gb = dict(zip(reversed(b), reversed(a)))
    return us, gb


@lru_cache(maxsize=1)
def variant_keys() -> tuple[frozenset[str], frozenset[str]]:
    """The American and British variants in lower case, and as they may be written (lower
    case or capitalized)."""
    us, gb = variants()
    keys = frozenset(us) | frozenset(gb)
    return keys, keys | frozenset(map(str.capitalize, keys))
