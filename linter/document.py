"""The document model: normalized text that rules check, with an exact map back to the source.

Formats never compute offsets by hand: they feed a :class:`TextBuilder`, which records
*segments*. A ``copy`` segment says ``text[t:t+n] == source[s:s+n]``; a ``replace`` segment
says ``text[t:t+n]`` stands in for ``source[s:s+m]`` (an entity, a CRLF, a stripped marker).
The map is piecewise, so a 20 MB file costs a few segments per line, not two integers per
character.

Tokens that several rules need (lines, paragraphs, words, sentences, the lower-cased text
and its ASCII words) are computed lazily, once per document, and shared. Rules find their
trigger words in the lower-cased text with ``str.find`` (:func:`find_all`), after a look at
:attr:`Document.ascii_words` says which of them occur at all, and run their patterns only
there, instead of a pattern pass over the whole text per rule.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, islice
from typing import Any, NamedTuple

import regex

from newslint import patterns


class Span(NamedTuple):
    """Half-open ``[start, end)`` character offsets into :attr:`Document.text`."""

    start: int
    end: int


class Position(NamedTuple):
    """A 1-based row and column in the source; columns count characters, not bytes."""

    row: int
    column: int


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of the document: a paragraph, heading, list item, caption ..."""

    span: Span
    kind: str = "paragraph"


# A word: letters (with inner apostrophes, hyphens and marks), or a number.
WORD = patterns.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
# Sentence ends: . ! ? (optionally closed by a quote or bracket) followed by space and a capital.
SENTENCE_END = patterns.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])|\n\s*\n""")


class TextBuilder:
    """Builds a :class:`Document`'s text and its source map.

    :param source: the file's text exactly as read (``newline=""``, so CRLF survives).
    """

    __slots__ = ("source", "_parts", "_t", "_s", "_n", "_m", "_copy", "_pos", "_copy_end")

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._t = array("q")  # text start of each segment
        self._s = array("q")  # source start
        self._n = array("q")  # text length
        self._m = array("q")  # source length
        self._copy = bytearray()  # 1 = copy segment, 0 = replace segment
        self._pos = 0  # current text length
        self._copy_end = -1  # source end of the last segment when it is a copy, else -1

    def _push(self, t_len: int, s: int, s_len: int, copy: bool) -> None:
        # Every push ends at the current text length, so a copy that starts where the
        # last copy segment ended in the source simply extends it.
        if copy and s == self._copy_end:
            self._n[-1] += t_len
            self._m[-1] += s_len
        else:
            self._t.append(self._pos)
            self._s.append(s)
            self._n.append(t_len)
            self._m.append(s_len)
            self._copy.append(1 if copy else 0)
        self._copy_end = s + s_len if copy else -1
        self._pos += t_len

    def keep(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` through unchanged (CRLF becomes LF, mapped back)."""
        if end <= start:
            return
        chunk = self.source[start:end]
        if "\r" not in chunk:
            self._parts.append(chunk)
            self._push(end - start, start, end - start, True)
            return
        base = start
        for m in regex.finditer(r"\r\n?", chunk):
            a, b = base + m.start(), base + m.end()
            self.keep(start, a)
            self.replace(a, b, "\n")
            start = b
        self.keep(start, end)

    def replace(self, start: int, end: int, text: str) -> None:
        """Let ``text`` stand in for ``source[start:end]`` (an entity, a line break ...)."""
        if not text:
            return
        self._parts.append(text)
        self._push(len(text), start, end - start, False)

    def insert(self, text: str, at: int) -> None:
        """Add text that has no source of its own (a block separator), mapped to ``at``."""
        self.replace(at, at, text)

    @property
    def length(self) -> int:
        """The length of the text built so far."""
        return self._pos

    def build(
        self,
        *,
        blocks: tuple[Block, ...] | None = None,
        metadata: Mapping[str, Any] | None = None,
        format_name: str = "text",
        date: dt.date | None = None,
    ) -> Document:
        """Finish: the document with its text, map, blocks and metadata."""
        return Document(
            source=self.source,
            text="".join(self._parts),
            segments=(self._t, self._s, self._n, self._m, bytes(self._copy)),
            blocks=blocks,
            metadata=dict(metadata or {}),
            format_name=format_name,
            date=date,
        )


def find_all(text: str, needles: Iterable[str]) -> list[int]:
    """Where any of ``needles`` starts in ``text``, in order: one ``str.find`` run per
    needle (several times cheaper than a regex alternation or character class, and most
    needles do not occur at all)."""
    out: list[int] = []
    find = text.find
    for needle in needles:
        i = find(needle)
        while i >= 0:
            out.append(i)
            i = find(needle, i + 1)
    out.sort()
    return out


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
_ASCII_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # after lowering


# Long texts are taken a slice at a time: the list of every word of a 20 MB file (three
# million small bytes objects, ~150 MB) is never made, only the set of distinct ones.
_WORD_SET_SLICE = 1 << 20
# Texts longer than this drop their lower-cased copy when a rule family is done (forget()).
FORGET_LOWERED_CHARS = 1 << 20
_NOT_ASCII_LOWER = re.compile("[^a-z]")


def ascii_word_set(low: str) -> frozenset[bytes]:
    """The distinct runs of ASCII letters in ``low`` (lower-cased text), as bytes: what
    :attr:`Document.ascii_words` holds."""
    if len(low) <= _WORD_SET_SLICE:
        return frozenset(low.encode("utf-8", "surrogatepass").translate(_ASCII_LETTERS_ONLY).split())
    out: set[bytes] = set()
    # Cut after a character not a-z, where no run can go on: no run is split in two.
    for start, end in _slices(low, _WORD_SET_SLICE, _NOT_ASCII_LOWER):
        out.update(low[start:end].encode("utf-8", "surrogatepass").translate(_ASCII_LETTERS_ONLY).split())
    return frozenset(out)


def _slices(text: str, size: int, cut: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """``text`` in slices of about ``size`` characters, each ending just after the first
    character ``cut`` matches at or past its ``size``-th (the last slice at the end)."""
    start, n = 0, len(text)
    while start < n:
        m = cut.search(text, min(n, start + size))
        end = n if m is None else m.end()
        yield start, end
        start = end


def lower_in_place(text: str) -> str:
    """``text`` in lower case, offset for offset: ``str.lower``, or where that changes the
    length ("İ" lowers to two characters) the ASCII letters only."""
    if len(text) > _LOWER_SLICE:
        return _lower_long(text)
    low = text.lower()
    if len(low) != len(text):
        low = text.translate(_ASCII_LOWER)
    return low


# str.lower works in a buffer of twelve bytes per character (room for every character to
# become three): 240 MB for a 20 MB file. A long text is lowered a slice at a time instead.
_LOWER_SLICE = 1 << 20
_SPACE = re.compile(r"\s")


def _lower_long(text: str) -> str:
    parts = []
    # Cut after a space: no case mapping looks across one (a final sigma looks at the
    # letters beside it), so each slice lowers as it would in the whole text.
    for start, end in _slices(text, _LOWER_SLICE, _SPACE):
        part = text[start:end].lower()
        if len(part) != end - start:
            return text.translate(_ASCII_LOWER)
        parts.append(part)
    return "".join(parts)


_LINES_SLICE = 1 << 20
_NEWLINE = re.compile("\n")


def source_line_starts(source: str) -> array[int]:
    """Offsets where the source's lines begin (after CRLF, CR or LF)."""
    if "\r" not in source:
        return _lf_line_starts(source)
    starts = array("q", [0])
    for m in regex.finditer(r"\r\n|\r|\n", source):
        starts.append(m.end())
    return starts


def _lf_line_starts(source: str) -> array[int]:
    """Offsets where the lines of ``source`` begin, each line ending at a ``\\n``."""
    # Line lengths, summed in C. A long source is split a slice at a time: the list of
    # all its lines would be a copy of it, plus 60 bytes a line (60 MB for a 20 MB file).
    if len(source) <= _LINES_SLICE:
        starts = array("q", accumulate(map((1).__add__, map(len, source.split("\n"))), initial=0))
        starts.pop()  # the offset just past the end
        return starts
    starts = array("q", [0])
    for start, end in _slices(source, _LINES_SLICE, _NEWLINE):
        # Each slice ends just after a line break (the last one at the end of the text):
        # the starts of the lines after each of its breaks.
        ends = accumulate(map((1).__add__, map(len, source[start:end].split("\n"))), initial=start)
        next(ends)  # the slice's own start, already in
        starts.extend(ends)
        starts.pop()  # one past the slice's end (its last piece, after its last break)
    return starts


# A text longer than this has its lines and derived paragraphs held as arrays of offsets
# (LineSpans, ParagraphBlocks): the 197,000 lines of a 20 MB file as Span objects took
# 24 MB, its 90,000 paragraphs as Blocks 10 MB; as arrays, 1.6 MB and 1.4 MB.
COMPACT_CHARS = 1 << 20


class LineSpans(Sequence[Span]):
    """Every line of a text (without its ``\\n``) as a :class:`Span`, made when read; held
    as the array of the lines' starts. A tuple's reading: ``len``, indexes, slices (a
    tuple), iteration, ``bisect``."""

    __slots__ = ("_starts", "_n")

    def __init__(self, text: str) -> None:
        self._starts = _lf_line_starts(text)
        self._n = len(text)

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i: Any) -> Any:
        starts = self._starts
        if isinstance(i, slice):
            return tuple([self[k] for k in range(*i.indices(len(starts)))])
        if i < 0:
            i += len(starts)
            if i < 0:
                raise IndexError("line index out of range")  # as a tuple's, not from the end
        start = starts[i]  # IndexError past the end, as a tuple's
        return Span(start, starts[i + 1] - 1 if i + 1 < len(starts) else self._n)

    def __iter__(self) -> Iterator[Span]:
        starts = self._starts
        ends = chain(map((-1).__add__, islice(starts, 1, None)), (self._n,))
        return map(Span, starts, ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, LineSpans)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class ParagraphBlocks(Sequence[Block]):
    """Paragraph :class:`Block` objects made when read from arrays of their starts and ends."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self._starts, self._ends = starts, ends

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return tuple([self[k] for k in range(*i.indices(len(self._starts)))])
        return Block(Span(self._starts[i], self._ends[i]))

    def __iter__(self) -> Iterator[Block]:
        return (Block(Span(a, b)) for a, b in zip(self._starts, self._ends))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, ParagraphBlocks)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def _paragraph_blocks(text: str, lines: Iterable[Span]) -> ParagraphBlocks:
    """The runs of non-blank lines of a long text (as Document.paragraphs makes them)."""
    starts, ends = array("q"), array("q")
    start = None
    end = 0
    for sp in lines:
        if text[sp.start : sp.end].strip():
            if start is None:
                start = sp.start
            end = sp.end
        elif start is not None:
            starts.append(start)
            ends.append(end)
            start = None
    if start is not None:
        starts.append(start)
        ends.append(end)
    return ParagraphBlocks(starts, ends)


@dataclass(eq=False)
class Document:
    """What rules check: ``text`` (markup stripped, entities decoded, LF line ends) and the
    map back to ``source``. Rules speak in :class:`Span` offsets into ``text`` only."""

    source: str
    text: str
    segments: tuple[array[int], array[int], array[int], array[int], bytes]
    blocks: tuple[Block, ...] | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    format_name: str = "text"
    #: The story's date (from ``--date``, configuration, HTML meta or front matter): the
    #: reference for weekdays given without a year.
    date: dt.date | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)  # the document's own tokens
    _shared: dict[str, Any] = field(default_factory=dict, repr=False)  # what rules share: cached()

    @classmethod
    def from_text(cls, text: str, **kw: Any) -> Document:
        """A document whose text is its source (plain text, no markup)."""
        b = TextBuilder(text)
        b.keep(0, len(text))
        return b.build(**kw)

    # -- the source map ---------------------------------------------------------------
    def _segment(self, t: int) -> int:
        ts = self.segments[0]
        i = bisect_right(ts, t) - 1
        return max(i, 0)

    def source_offset(self, t: int, *, end: bool = False) -> int:
        """The source offset of text offset ``t`` (``end=True``: just past char ``t-1``)."""
        ts, ss, ns, ms, copy = self.segments
        if not ts:
            return min(t, len(self.source))
        if end and t > 0:
            i = bisect_right(ts, t - 1) - 1
            if i < 0:
                i = 0
            off = t - 1 - ts[i]
            if copy[i]:
                return ss[i] + min(off, ns[i] - 1) + 1 if ns[i] else ss[i]
            return ss[i] + ms[i]
        i = bisect_right(ts, t) - 1
        if i < 0:
            i = 0
        off = t - ts[i]
        if off >= ns[i]:  # past the end of this segment (end of text)
            return ss[i] + ms[i]
        if copy[i]:
            return ss[i] + off
        return ss[i]

    def _is_identity(self) -> bool:
        """Whether the text is the source itself, one copy segment (plain LF text)."""
        v = self._cache.get("identity")
        if v is None:
            ts, ss, ns, ms, copy = self.segments
            v = self._cache["identity"] = (
                len(ts) == 1 and bool(copy[0]) and ts[0] == 0 and ss[0] == 0
                and ns[0] == ms[0] == len(self.text) == len(self.source)
            )
        return v

    def source_range(self, span: Span) -> tuple[int, int]:
        """The source offsets ``[start, end)`` that ``span`` came from."""
        start, end = span
        if 0 <= start <= end <= len(self.text) and self._is_identity():
            return start, end
        start = self.source_offset(span.start)
        if span.end <= span.start:
            return start, start
        return start, max(start, self.source_offset(span.end, end=True))

    def verbatim_range(self, span: Span) -> tuple[int, int] | None:
        """The source range of ``span`` if that source reads the same (line breaks aside),
        so an edit there is safe; None where markup or an entity stands behind the text."""
        start, end = span
        if 0 <= start <= end <= len(self.text) and self._is_identity():
            return start, end  # the text is the source: every span in it reads the same
        s, e = self.source_range(span)
        src = self.source[s:e]
        if "\r" in src:
            src = src.replace("\r\n", "\n").replace("\r", "\n")
        return (s, e) if src == self.text[span.start : span.end] else None

    def is_verbatim(self, span: Span) -> bool:
        """True when ``span`` maps to source that reads the same (so an edit there is safe)."""
        return self.verbatim_range(span) is not None

    @property
    def line_starts(self) -> array[int]:
        """Source offsets where source lines begin."""
        v = self._cache.get("line_starts")
        if v is None:
            v = self._cache["line_starts"] = source_line_starts(self.source)
        return v

    def position(self, source_offset: int) -> Position:
        """1-based row and column (in characters) of a source offset."""
        starts = self.line_starts
        row = bisect_right(starts, source_offset) - 1
        return Position(row + 1, source_offset - starts[row] + 1)

    def text_position(self, t: int) -> Position:
        """Source position of text offset ``t``."""
        if 0 <= t <= len(self.text) and self._is_identity():
            return self.position(t)  # the text is the source
        return self.position(self.source_offset(t))

    # -- shared, lazily computed tokens ------------------------------------------------
    def _lazy(self, key: str, make: Any, store: dict[str, Any] | None = None) -> Any:
        store = self._cache if store is None else store
        v = store.get(key)
        if v is None:
            v = store[key] = make()
        return v

    @property
    def lines(self) -> Sequence[Span]:
        """Every text line (without its ``\\n``), blank ones included: a tuple, or for a text
        over COMPACT_CHARS a :class:`LineSpans` (the same spans, held as one array)."""
        v = self._cache.get("lines")
        if v is not None:
            return v

        def make() -> Sequence[Span]:
            text = self.text
            if len(text) > COMPACT_CHARS:
                return LineSpans(text)
            out = []
            start = 0
            while True:
                nl = text.find("\n", start)
                if nl < 0:
                    out.append(Span(start, len(text)))
                    break
                out.append(Span(start, nl))
                start = nl + 1
            return tuple(out)

        return self._lazy("lines", make)

    @property
    def paragraphs(self) -> Sequence[Block]:
        """Blocks given by the format, or else runs of non-blank lines (a tuple, or for a
        text over COMPACT_CHARS a :class:`ParagraphBlocks`)."""
        v = self._cache.get("paragraphs")
        if v is not None:
            return v

        def make() -> Sequence[Block]:
            if self.blocks is not None:
                return self.blocks
            out: list[Block] = []
            start = None
            end = 0
            text = self.text
            if len(text) > COMPACT_CHARS:
                return _paragraph_blocks(text, self.lines)
            for sp in self.lines:
                if text[sp.start : sp.end].strip():
                    if start is None:
                        start = sp.start
                    end = sp.end
                elif start is not None:
                    out.append(Block(Span(start, end)))
                    start = None
            if start is not None:
                out.append(Block(Span(start, end)))
            return tuple(out)

        return self._lazy("paragraphs", make)

    @property
    def words(self) -> tuple[Span, ...]:
        """Word tokens (letters with inner apostrophes and hyphens, or numbers)."""
        v = self._cache.get("words")
        if v is None:
            v = self._cache["words"] = tuple([Span(*m.span()) for m in WORD.finditer(self.text)])
        return v

    @property
    def lowered(self) -> str:
        """The text in lower case, offset for offset (:func:`lower_in_place`): where rules
        look for their trigger words in any case with ``str.find``."""
        v = self._cache.get("lowered")
        if v is None:
            v = self._cache["lowered"] = lower_in_place(self.text)
        return v

    @property
    def ascii_words(self) -> frozenset[bytes]:
        """The runs of ASCII letters in :attr:`lowered` (every other character ends a run),
        as bytes: one pass in C. A word of ASCII letters that stands alone in the text
        (no letter on either side) is one of them, and any string of ASCII letters in the
        text lies inside one; so rules look up which of their trigger words occur at all
        before they look for where."""
        v = self._cache.get("ascii_words")
        if v is None:
            v = self._cache["ascii_words"] = ascii_word_set(self.lowered)
        return v

    @property
    def sentences(self) -> tuple[Span, ...]:
        """Rough sentence spans, within paragraphs."""
        v = self._cache.get("sentences")
        if v is not None:
            return v

        def make() -> tuple[Span, ...]:
            out: list[Span] = []
            text = self.text
            for block in self.paragraphs:
                start = block.span.start
                for m in SENTENCE_END.finditer(text, block.span.start, block.span.end):
                    out.append(Span(start, m.end()))
                    start = m.end()
                    while start < block.span.end and text[start].isspace():
                        start += 1
                if start < block.span.end:
                    out.append(Span(start, block.span.end))
            return tuple(out)

        return self._lazy("sentences", make)

    def forget(self) -> None:
        """Drop the values rules shared through :meth:`cached` (the document's own lines,
        paragraphs, words and sentences stay); they are recomputed on demand. A long text
        (an archive file of many stories) drops its lower-cased copy and word set too: the
        copy is as big as the text (40 MB for a 20 MB file) and takes a tenth of a second to
        make again, so only the families that look for words in it hold it."""
        self._shared.clear()
        if len(self.text) > FORGET_LOWERED_CHARS:
            self._cache.pop("lowered", None)
            self._cache.pop("ascii_words", None)

    def cached(self, key: str, make: Any) -> Any:
        """Share any derived value between rules: ``doc.cached("quotes", compute)``."""
        v = self._shared.get(key)
        if v is None:
            v = self._shared[key] = make()
        return v

    def slice(self, span: Span) -> str:
        """The text of ``span``."""
        return self.text[span.start : span.end]

    def iter_lines(self) -> Iterator[tuple[Span, str]]:
        """Each line's span and text."""
        text = self.text
        for sp in self.lines:
            yield sp, text[sp.start : sp.end]
