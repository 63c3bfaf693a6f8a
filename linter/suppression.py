"""Inline suppression: ``<!-- newslint: disable=NAME -->`` ... ``enable=``, ``disable-next-line=``
and ``disable-line=``.

In plain text the same directives may stand on a line of their own (``newslint: disable-next-line=...``),
and ``newslint: disable-line=...`` may end a line, after a space, to silence that line. Names are
rule names or codes, comma-separated; none (or ``all``) means every rule.

Besides the ranges it silences, parsing notes what deserves a warning: a directive that
silenced nothing (ruff's RUF100) and text that looks like a directive but is not one
(``newslint: disabel=...``, ``newslint disable``), which would otherwise be ignored in silence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import regex

from newslint import patterns
from newslint.document import source_line_starts

VERBS = ("disable-next-line", "disable-line", "disable", "enable")
_NAMES = r"(?:\s*=\s*(?P<names>[\w\-, ]*?))?"
_BODY = r"newslint:\s*(?P<verb>disable-next-line|disable-line|disable|enable)" + _NAMES + r"\s*"
_EOL = r"[ \t]*(?=\r?\n|\r|\Z)"
COMMENT_DIRECTIVE = patterns.compile(r"<!--\s*" + _BODY + r"-->")
# For plain text: a directive alone on its line (with or without a comment around it), or
# ``newslint: disable-line`` ending a line after a space. Both are left out of the text linted.
PLAIN_DIRECTIVE = patterns.compile(
    r"(?m)^[ \t]*(?:<!--\s*)?" + _BODY + r"(?:-->)?" + _EOL
    + r"|(?<=\S)[ \t]+(?:<!--\s*)?newslint:\s*(?P<verb>disable-line)" + _NAMES + r"\s*(?:-->)?" + _EOL
)
# Text that may be a directive gone wrong: a comment starting "newslint", or (plain text) a
# line that starts or ends with "newslint" and a directive-like word, and nothing else.
SUSPECT_COMMENT = patterns.compile(r"<!--\s*(?P<body>newslint\b[^\n>]{0,200}?)\s*-->", regex.IGNORECASE)
SUSPECT_PLAIN = patterns.compile(
    r"(?m)(?:^[ \t]*|(?<=\S)[ \t]+)(?P<body>newslint(?P<colon>[ \t]*:)?[ \t]*(?P<word>[A-Za-z][\w-]{0,30})"
    r"(?:[ \t]*=[ \t]*[\w\-, ]{0,200})?)" + _EOL
)

ALL = "*"


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short words only)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _closest_verb(word: str) -> str | None:
    word = word.lower()
    best = min(VERBS, key=lambda v: _distance(word, v))
    return best if _distance(word, best) <= max(2, len(best) // 4) else None


@dataclass
class Directive:
    """One name in one directive: where it is, what it names, whether it silenced anything."""

    row: int
    verb: str
    name: str  # as written ("all" for every rule)
    key: str  # ALL, or the name (codes upper-cased)
    used: bool = False


@dataclass
class Suppressions:
    """Which (rule, row) pairs are switched off by directives in one file."""

    # name or code (or "*") -> list of (from_row, to_row, directive) inclusive ranges
    ranges: dict[str, list[tuple[int, int, Directive]]] = field(default_factory=dict)
    unknown: list[tuple[int, str]] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    # (row, text, closest verb or None): text that looks like a directive and is not one
    malformed: list[tuple[int, str, str | None]] = field(default_factory=list)

    def suppressed(self, code: str, name: str, row: int) -> bool:
        hit = False
        for key in (ALL, code, name):
            for a, b, directive in self.ranges.get(key, ()):
                if a <= row <= b:
                    directive.used = hit = True  # every directive that covers it counts as used
        return hit

    def unused(self, ran: Iterable[str]) -> list[Directive]:
        """Directives that silenced nothing, among those naming a rule in ``ran`` (codes and
        names of the rules that ran on the file) or naming every rule; ``enable`` never counts."""
        ran_set = set(ran)
        return [d for d in self.directives
                if not d.used and d.verb != "enable" and (d.key == ALL or d.key in ran_set)]

    def __bool__(self) -> bool:
        return bool(self.ranges)


def _names(raw: str | None) -> list[str]:
    if not raw:
        return ["all"]
    out = [n.strip() for n in raw.split(",") if n.strip()]
    return out or ["all"]


def parse_suppressions(source: str, *, plain: bool, known: Iterable[str] = (),
                       line_starts: Sequence[int] | None = None) -> Suppressions:
    """Find directives in ``source`` and turn them into row ranges.

    :param plain: also accept directives standing alone on a line, or ending one (plain text).
    :param known: rule names and codes; other names are recorded in ``unknown``.
    :param line_starts: the source's line starts, when the caller has them already
        (``Document.line_starts``).
    """
    if not ("newslint" in source or "Newslint" in source or "NEWSLINT" in source):
        return Suppressions()
    known_set = {k.upper() if k[:1].isupper() else k for k in known}
    if line_starts is None:
        line_starts = source_line_starts(source)
    ends = [*line_starts[1:], len(source) + 1]
    lines = [source[a:b] for a, b in zip(line_starts, ends)]  # with their breaks: only .strip() is used

    def row_of(offset: int) -> int:
        return bisect_right(line_starts, offset)

    found: list[tuple[int, int, str, list[str]]] = []
    pats = [COMMENT_DIRECTIVE] + ([PLAIN_DIRECTIVE] if plain else [])
    seen: set[int] = set()
    for pat in pats:
        for m in pat.finditer(source):
            if m.start("verb") in seen:
                continue
            seen.add(m.start("verb"))
            found.append((m.start(), m.end(), m["verb"], _names(m["names"])))
    found.sort()
    sup = Suppressions()
    _find_malformed(source, plain, seen, row_of, sup)
    open_at: dict[str, tuple[int, Directive]] = {}
    last_row = len(lines)
    for start, end, verb, names in found:
        row = row_of(start)
        for n in names:
            is_all = n.lower() == "all"
            if not is_all and known_set and n not in known_set and n.upper() not in known_set:
                sup.unknown.append((row, n))
            key = ALL if is_all else (n.upper() if n.upper() in known_set else n)
            directive = Directive(row, verb, n, key)
            sup.directives.append(directive)
            if verb == "disable":
                open_at.setdefault(key, (row, directive))
            elif verb == "enable":
                if key in open_at:
                    first, opener = open_at.pop(key)
                    sup.ranges.setdefault(key, []).append((first, row, opener))
                elif key == ALL:
                    for k in list(open_at):
                        first, opener = open_at.pop(k)
                        sup.ranges.setdefault(k, []).append((first, row, opener))
            elif verb == "disable-line":  # the line (or lines) the directive is on
                sup.ranges.setdefault(key, []).append((row, row_of(max(end - 1, start)), directive))
            else:  # disable-next-line: the next line with content
                end_row = row_of(max(end - 1, start))
                target = end_row + 1
                while target <= last_row and not lines[target - 1].strip():
                    target += 1
                sup.ranges.setdefault(key, []).append((target, target, directive))
    for key, (row, opener) in open_at.items():
        sup.ranges.setdefault(key, []).append((row, last_row + 1, opener))
    return sup


def _find_malformed(source: str, plain: bool, valid: set[int], row_of: Callable[[int], int],
                    sup: Suppressions) -> None:
    """Record text that looks like a directive but is not one (``valid``: where the verbs of
    real directives start)."""
    def covered(start: int, end: int) -> bool:
        return any(start <= v < end for v in valid)

    for m in SUSPECT_COMMENT.finditer(source):
        if not covered(m.start(), m.end()):
            body = m["body"]
            word = body[len("newslint"):].lstrip(" \t:").split("=", 1)[0].strip()
            sup.malformed.append((row_of(m.start()), body, _closest_verb(word) if word else None))
    if not plain:
        return
    for m in SUSPECT_PLAIN.finditer(source):
        if covered(m.start(), m.end()):
            continue
        word = m["word"]
        verb = _closest_verb(word)
        # Prose rarely ends or makes up a line with "newslint" and a word like "disable";
        # without the colon, only the exact verbs count.
        if verb is None or (m["colon"] is None and word.lower() not in VERBS and "=" not in m["body"]):
            continue
        sup.malformed.append((row_of(m.start("body")), m["body"].strip(), verb))


def directive_warnings(sup: Suppressions, filename: str, ran: Iterable[str] | None) -> list[str]:
    """One line per directive that silenced nothing (when ``ran`` is given: the codes and
    names of the rules that ran) and per text that looks like a directive and is not one."""
    out: list[tuple[int, str]] = []
    for row, text, verb in sup.malformed:
        hint = f" (did you mean 'newslint: {verb}'?)" if verb else ""
        out.append((row, f"{filename}:{row}: not a newslint directive, ignored: {text!r}{hint}"))
    if ran is not None:
        for d in sup.unused(ran):
            what = "every rule" if d.key == ALL else repr(d.name)
            out.append((d.row, f"{filename}:{d.row}: unused suppression: '{d.verb}' of {what} silenced nothing"))
    return [text for _, text in sorted(out, key=lambda x: x[0])]
