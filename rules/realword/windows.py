"""Long documents (an archive file of many stories) read a window at a time, in one scan.

The rules of the family look for their trigger words in the lower-cased text and in its
ASCII words. For a story the document's own copies are used (other families share them),
but a 20 MB file's lower-cased copy is as big as the text (40 MB of UCS-2) and costs twice
that while it is made: so a long document is lowered one window of about a million
characters at a time, each window's words are looked up, and every collector of the family
(article places, fixed phrases, confusion words, mass nouns) reads the window at once. What
they collect (a few numbers per finding place) is kept; the windows are not.

A window ends just after a line break. No trigger the collectors look for holds one (words,
"a "/"an ", phrases whose words are joined by spaces), and a line break is no letter, digit,
apostrophe or hyphen, so each look-behind and look-ahead reads the same character inside a
window as in the whole text; and lowering stops at no case mapping across white space, so
each window lowers to its slice of :attr:`~newslint.document.Document.lowered`. A text
without a line break past its first window is one window (as long as the text).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from typing import Any

from newslint import Document
from newslint.document import ascii_word_set

# Documents longer than this are scanned a window at a time (the size past which the
# document drops its lower-cased copy between rule families, see ``Document.forget``).
LONG_CHARS = 1 << 20
# A window's transients (its slice, lower-cased copy and the list of its words, before they
# are made a set) come to about 12 bytes a character: 3 MB at this size.
WINDOW_CHARS = 1 << 18

# The one character whose lower case is two characters ("İ" -> "i̇"): where it occurs, the
# document lowers the ASCII letters only, offset for offset (``lower_in_place``), and so do
# the windows. (A test checks it is the only one in this Python's Unicode tables.)
LONGER_IN_LOWER_CASE = "\u0130"
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}

# A collector reads one window: ``(text, low, base, words, got)``, where ``low`` is the
# lower-cased ``text[base:base + len(low)]``, ``words`` its ASCII words and ``got`` what the
# collectors registered before it found in this window, and returns the items it found
# there (offsets in ``text``), in order.
Collector = Callable[[str, str, int, frozenset[bytes], dict[str, list[Any]]], list[Any]]
_COLLECTORS: dict[str, Collector] = {}
_PACKED: set[str] = set()


def collector(name: str, packed: bool = False) -> Callable[[Collector], Collector]:
    """Register a function that :func:`scan` calls on each window, under ``name``; with
    ``packed``, what it finds are integers, kept in an array (8 bytes each, not 36)."""

    def register(fn: Collector) -> Collector:
        _COLLECTORS[name] = fn
        if packed:
            _PACKED.add(name)
        return fn

    return register


def is_long(doc: Document) -> bool:
    return len(doc.text) > LONG_CHARS


def line_windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each window of ``text``: about ``size`` characters, ending just
    after the first line break at or past its ``size``-th character (the last at the end)."""
    start, n = 0, len(text)
    while start < n:
        cut = text.find("\n", start + size - 1) if n - start > size else -1
        end = n if cut < 0 else cut + 1
        yield start, end
        start = end


def lowered_windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, str]]:
    """``(start, lowered window)`` for each window: the slices of ``lower_in_place(text)``."""
    ascii_only = LONGER_IN_LOWER_CASE in text
    for start, end in line_windows(text, size):
        part = text[start:end]
        yield start, part.translate(_ASCII_LOWER) if ascii_only else part.lower()


def scan(doc: Document) -> dict[str, Any]:
    """What every collector found in the long document ``doc``, window by window, by name
    (shared by the family's rules; dropped with the document's other shared values)."""

    def make() -> dict[str, Any]:
        text = doc.text
        out: dict[str, Any] = {name: array("q") if name in _PACKED else [] for name in _COLLECTORS}
        for base, low in lowered_windows(text, WINDOW_CHARS):
            words = ascii_word_set(low)
            got: dict[str, list[Any]] = {}
            for name, fn in _COLLECTORS.items():
                got[name] = fn(text, low, base, words, got)
                out[name].extend(got[name])
        return out

    return doc.cached("realword.scan", make)
