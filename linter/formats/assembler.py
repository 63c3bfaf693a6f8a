"""What the HTML and Markdown formats share: the :class:`Assembler` that turns source
operations into a :class:`~newslint.document.Document` (block by block, every character
mapped to the source), bare-URL detection, and :func:`no_gc` for big parses."""

from __future__ import annotations

import datetime as dt
import gc
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newslint import patterns
from newslint.document import Block, Document, Span, TextBuilder

#: Stands in the text for something that is there but is not prose (inline code, a URL).
OBJECT = "\ufffc"
WS = " \t\n\r\f"
# What a block may hold and still be empty on the page: whitespace, no-break and zero-width
# spaces (an HTML spacer paragraph, "<p>&nbsp;</p>"), objects.
BLANK = WS + OBJECT + "\u00a0\u200b\u200c\u200d\u2060\ufeff"

Op = tuple[int, int, "str | None"]  # (source start, source end, replacement or None = keep)

# Bare URLs and e-mail addresses; trailing sentence punctuation is trimmed afterwards.
WEB_URL = patterns.compile(r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'`\[\]{}|\\^\u00a0]+")
EMAIL_DOMAIN = patterns.compile(r"@[\w\-]+(?:\.[\w\-]+)+")
EMAIL_LOCAL = patterns.compile(r"(?:mailto:)?[\w.+\-]{1,64}\Z")
# Fast paths that search a lower-cased copy of the source are taken up to this size (a
# copy of a bigger source is not worth its memory).
LOWER_MAX = 4_000_000
URL_TRAILING = ".,;:!?'\")]}*_~\u2019\u201d"


def url_spans(source: str) -> tuple[list[int], list[int]]:
    """Source spans of bare URLs and e-mail addresses (sorted starts, ends)."""
    found: list[tuple[int, int]] = []
    # WEB_URL needs "://" or a "www." in any case; without either, skip its slow
    # case-insensitive scan of the whole source.
    has_web = len(source) > LOWER_MAX or "://" in source or "www." in source.lower()
    for m in (WEB_URL.finditer(source) if has_web else ()):
        s, e = m.span()
        while e > s and source[e - 1] in URL_TRAILING:
            if source[e - 1] == ")" and source.count("(", s, e) >= source.count(")", s, e):
                break
            e -= 1
        if e - s > 4:
            found.append((s, e))
    if "@" in source:
        emails = []
        for m in EMAIL_DOMAIN.finditer(source):
            at = m.start()
            local = EMAIL_LOCAL.search(source[max(0, at - 72) : at])
            if local:
                emails.append((at - len(local[0]), m.end()))
        if emails:
            found = sorted(found + emails)
    starts: list[int] = []
    ends: list[int] = []
    for s, e in found:
        if ends and s < ends[-1]:  # overlapping (an address inside a URL): merge
            ends[-1] = max(ends[-1], e)
            continue
        starts.append(s)
        ends.append(e)
    return starts, ends


class Assembler:
    """Turns blocks of ops into the document text: blocks apart by a blank line, lines by
    ``\\n``, line edges trimmed, URLs replaced by :data:`OBJECT`, empty blocks dropped."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.builder = TextBuilder(source)
        self.blocks: list[Block] = []
        self._urls: tuple[list[int], list[int]] | None = None
        # The source lower-cased when it is ASCII ("" when not), for the HTML walkers'
        # closing-tag search; kept here so that every walker over this source shares it.
        self.lower_source: str | None = None

    # -- URLs ---------------------------------------------------------------------------
    def add_objects(self, spans: list[tuple[int, int]]) -> None:
        """More source spans that stand as one OBJECT each, like URLs (sorted, apart):
        site-generator syntax in Markdown."""
        if not spans:
            return
        starts, ends = url_spans(self.source) if self._urls is None else self._urls
        merged: list[list[int]] = []
        for s, e in sorted([*zip(starts, ends), *spans]):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._urls = ([s for s, _ in merged], [e for _, e in merged])

    def _strip_urls(self, ops: list[Op]) -> list[Op]:
        if self._urls is None:
            self._urls = url_spans(self.source)
        starts, ends = self._urls
        if not starts:
            return ops
        lo = min(op[0] for op in ops)
        hi = max(op[1] for op in ops)
        i = bisect_right(starts, lo) - 1
        if not (i >= 0 and ends[i] > lo) and not (i + 1 < len(starts) and starts[i + 1] < hi):
            return ops  # no URL in this block
        out: list[Op] = []
        done: set[int] = set()
        for s, e, t in ops:
            if s >= e:
                out.append((s, e, t))
                continue
            i = bisect_right(starts, s) - 1
            if i < 0 or ends[i] <= s:
                i += 1
            if t is not None:  # a replacement: dropped when it lies inside a URL
                if i < len(starts) and starts[i] <= s and e <= ends[i]:
                    if i not in done:
                        done.add(i)
                        out.append((starts[i], ends[i], OBJECT))
                else:
                    out.append((s, e, t))
                continue
            pos = s
            while pos < e:
                if i < len(starts) and starts[i] < e:
                    us, ue = starts[i], ends[i]
                    if us > pos:
                        out.append((pos, us, None))
                    if i not in done:
                        done.add(i)
                        out.append((us, ue, OBJECT))
                    pos = ue
                    i += 1
                else:
                    out.append((pos, e, None))
                    pos = e
        return out

    def _close_gaps(self, ops: list[Op]) -> list[Op]:
        """Where skipped markup had a space on both sides ("said <!-- x --> that"), keep one."""
        src = self.source
        out: list[Op] = []
        for s, e, t in ops:
            if t is None and out and s < e and src[s] in " \t":
                ps, pe, pt = out[-1]
                if s > pe and pe > ps and (src[pe - 1] if pt is None else pt[-1:]) in (" ", "\t"):
                    while s < e and src[s] in " \t":
                        s += 1
                    if s == e:
                        continue
            out.append((s, e, t))
        return out

    # -- lines and blocks ---------------------------------------------------------------
    def _strip(self, line: list[Op]) -> list[Op]:
        src = self.source
        a, b = 0, len(line)
        while a < b:  # leading whitespace
            s, e, t = line[a]
            txt = src[s:e] if t is None else t
            k = len(txt) - len(txt.lstrip(WS))
            if k == len(txt):
                a += 1
                continue
            if k:
                if t is not None:
                    break
                line[a] = (s + k, e, None)
            break
        while b > a:  # trailing whitespace
            s, e, t = line[b - 1]
            txt = src[s:e] if t is None else t
            k = len(txt) - len(txt.rstrip(WS))
            if k == len(txt):
                b -= 1
                continue
            if k and t is None:
                line[b - 1] = (s, e - k, None)
            break
        return line[a:b]

    def add(self, kind: str, ops: list[Op]) -> None:
        """Add a block's ops; blank lines inside split it into several blocks of ``kind``."""
        if not ops:
            return
        ops = self._close_gaps(self._strip_urls(ops))
        group: list[tuple[Op | None, list[Op]]] = []  # (line break before, line ops)
        brk: Op | None = None
        line: list[Op] = []
        for op in ops:
            if op[2] == "\n":
                line = self._strip(line)
                if line:
                    group.append((brk, line))
                    brk = op
                elif group:
                    self._emit(kind, group)
                    group = []
                    brk = None
                line = []
            else:
                line.append(op)
        line = self._strip(line)
        if line:
            group.append((brk, line))
        if group:
            self._emit(kind, group)

    def _emit(self, kind: str, group: list[tuple[Op | None, list[Op]]]) -> None:
        src = self.source
        if not any(
            (src[s:e] if t is None else t).strip(BLANK) for _, line in group for s, e, t in line
        ):
            return  # nothing but URLs or code, or an empty paragraph kept open with "&nbsp;"
        b = self.builder
        if self.blocks:
            b.insert("\n\n", group[0][1][0][0])
        start = b.length
        for i, (brk, line) in enumerate(group):
            if i and brk is not None:
                b.replace(brk[0], brk[1], "\n")
            for s, e, t in line:
                if t is None:
                    b.keep(s, e)
                else:
                    b.replace(s, e, t)
        self.blocks.append(Block(Span(start, b.length), kind))

    def build(self, format_name: str, metadata: dict[str, Any], date: dt.date | None = None) -> Document:
        return self.builder.build(blocks=tuple(self.blocks), metadata=metadata, format_name=format_name,
                                  date=date)


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: parsing allocates millions of small, acyclic
    objects, and repeated full collections made a 20 MB file several times slower."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


