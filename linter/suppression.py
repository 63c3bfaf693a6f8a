"""Inline suppression: ``<!-- newslint: disable=NAME -->`` ... ``enable=``, ``disable-next-line=``.

In plain text the same directives may stand on a line of their own (``newslint: disable-next-line=...``).
Names are rule names or codes, comma-separated; none (or ``all``) means every rule.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from newslint import patterns
from newslint.document import source_line_starts

_BODY = r"newslint:\s*(?P<verb>disable-next-line|disable|enable)(?:\s*=\s*(?P<names>[\w\-, ]*?))?\s*"
COMMENT_DIRECTIVE = patterns.compile(r"<!--\s*" + _BODY + r"-->")
# A directive alone on its line (with or without a comment around it), for plain text.
PLAIN_DIRECTIVE = patterns.compile(r"(?m)^[ \t]*(?:<!--\s*)?" + _BODY + r"(?:-->)?[ \t]*(?=\r?\n|\r|\Z)")

ALL = "*"


@dataclass
class Suppressions:
    """Which (rule, row) pairs are switched off by directives in one file."""

    # name or code (or "*") -> sorted list of (from_row, to_row) inclusive ranges
    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    unknown: list[tuple[int, str]] = field(default_factory=list)

    def suppressed(self, code: str, name: str, row: int) -> bool:
        for key in (ALL, code, name):
            for a, b in self.ranges.get(key, ()):
                if a <= row <= b:
                    return True
        return False

    def __bool__(self) -> bool:
        return bool(self.ranges)


def _names(raw: str | None) -> list[str]:
    if not raw:
        return [ALL]
    out = []
    for n in raw.split(","):
        n = n.strip()
        if n:
            out.append(ALL if n.lower() == "all" else n)
    return out or [ALL]


def parse_suppressions(source: str, *, plain: bool, known: Iterable[str] = (),
                       line_starts: Sequence[int] | None = None) -> Suppressions:
    """Find directives in ``source`` and turn them into row ranges.

    :param plain: also accept directives standing alone on a line (plain text).
    :param known: rule names and codes; other names are recorded in ``unknown``.
    :param line_starts: the source's line starts, when the caller has them already
        (``Document.line_starts``).
    """
    if "newslint:" not in source:
        return Suppressions()
    known_set = {k.upper() if k[:1].isupper() else k for k in known}
    if line_starts is None:
        line_starts = source_line_starts(source)
    ends = [*line_starts[1:], len(source) + 1]
    lines = [source[a:b] for a, b in zip(line_starts, ends)]  # with their breaks: only .strip() is used

    def row_of(offset: int) -> int:
        return bisect_right(line_starts, offset)

    found: list[tuple[int, int, str, list[str]]] = []
    patterns = [COMMENT_DIRECTIVE] + ([PLAIN_DIRECTIVE] if plain else [])
    seen: set[int] = set()
    for pat in patterns:
        for m in pat.finditer(source):
            if m.start("verb") in seen:
                continue
            seen.add(m.start("verb"))
            found.append((m.start(), m.end(), m["verb"], _names(m["names"])))
    found.sort()
    sup = Suppressions()
    open_at: dict[str, int] = {}
    last_row = len(lines)
    for start, end, verb, names in found:
        row = row_of(start)
        for n in names:
            if n != ALL and known_set and n not in known_set and n.upper() not in known_set:
                sup.unknown.append((row, n))
            key = n.upper() if n != ALL and n.upper() in known_set else n
            if verb == "disable":
                open_at.setdefault(key, row)
            elif verb == "enable":
                if key in open_at:
                    sup.ranges.setdefault(key, []).append((open_at.pop(key), row))
                elif key == ALL:
                    for k in list(open_at):
                        sup.ranges.setdefault(k, []).append((open_at.pop(k), row))
            else:  # disable-next-line: the next line with content
                end_row = row_of(max(end - 1, start))
                target = end_row + 1
                while target <= last_row and not lines[target - 1].strip():
                    target += 1
                sup.ranges.setdefault(key, []).append((target, target))
    for key, row in open_at.items():
        sup.ranges.setdefault(key, []).append((row, last_row + 1))
    return sup
