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
from functools import lru_cache

import regex

from newslint import patterns
from newslint.document import source_line_starts

VERBS = ("disable-next-line", "disable-line", "disable", "enable")
# Possessive quantifiers throughout: a directive is matched in one pass, never by backtracking
# over a long run of spaces or names (a hostile 20 MB line stays linear).
# Names: words with single hyphens ("doubled-punctuation"), separated by commas and spaces;
# a trailing "-->" is never taken for part of a name.
_NAMES = r"(?:[ \t]*+=[ \t]*+(?P<names>[\w,]++(?:[ \t\-]++[\w,]++)*+|))?"
_VERB = r"(?P<verb>disable-next-line|disable-line|disable|enable)(?![\w-])"
_BODY = r"newslint:[ \t]*+" + _VERB + _NAMES
_EOL = r"[ \t]*+(?=\r?\n|\r|\Z)"
COMMENT_DIRECTIVE = patterns.compile(r"<!--\s*+" + _BODY + r"\s*+-->")
# For plain text: a directive alone on its line (with or without a comment around it), or
# ``newslint: disable-line`` ending a line after a space. Both are left out of the text linted.
# One branch, not two alternatives: the regex module then skips quickly to the places where a
# directive can start (a top-level "|" made every plain-text file ~400x slower to scan).
PLAIN_DIRECTIVE = patterns.compile(
    r"(?m)(?:(?P<alone>^)[ \t]*+|(?<=\S)[ \t]++)(?:<!--[ \t]*+)?"
    + r"(?(alone)|(?=newslint:[ \t]*+disable-line(?![\w-])))"  # ending a line: disable-line only
    + _BODY + r"[ \t]*+(?:-->)?+" + _EOL
)
# What looks like a directive gone wrong ("newslint: disabel=X", "newslint disable"), matched
# whole against the few characters after a "newslint" found at the start or end of a line.
SUSPECT = patterns.compile(
    r"newslint(?P<colon>[ \t]*+:)?[ \t]*+(?P<word>[A-Za-z][\w-]{0,30})(?:[ \t]*+=[ \t]*+[\w\-, \t]{0,200})?",
    regex.IGNORECASE,
)
NEWSLINT = patterns.compile(r"newslint", regex.IGNORECASE)
SUSPECT_SPAN = 300  # characters after "newslint" looked at for a directive-like text
MAX_MALFORMED = 20  # warnings of directive-like text per file; past that, one line says so

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


@lru_cache(maxsize=256)
def _closest_verb(word: str) -> str | None:
    """The verb ``word`` is a typo of (within 2 edits, 4 for the long ones), or None."""
    word = word.split()[0].lower() if word.split() else ""
    best, best_distance = None, 99
    for verb in VERBS:
        limit = max(2, len(verb) // 4)
        if abs(len(word) - len(verb)) > limit:
            continue
        d = _distance(word, verb)
        if d <= limit and d < best_distance:
            best, best_distance = verb, d
    return best


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
    # the same for one-row ranges (disable-line, disable-next-line): (name, row) -> directives,
    # so a story with thousands of them is not scanned once per finding
    rows: dict[tuple[str, int], list[Directive]] = field(default_factory=dict)
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
            for directive in self.rows.get((key, row), ()):
                directive.used = hit = True
        return hit

    def add(self, key: str, first: int, last: int, directive: Directive) -> None:
        """Silence ``key`` on rows ``first`` to ``last`` (inclusive) for ``directive``."""
        if first == last:
            self.rows.setdefault((key, first), []).append(directive)
        else:
            self.ranges.setdefault(key, []).append((first, last, directive))

    def unused(self, ran: Iterable[str]) -> list[Directive]:
        """Directives that silenced nothing, among those naming a rule in ``ran`` (codes and
        names of the rules that ran on the file) or naming every rule; ``enable`` never counts."""
        ran_set = set(ran)
        return [d for d in self.directives
                if not d.used and d.verb != "enable" and (d.key == ALL or d.key in ran_set)]

    def __bool__(self) -> bool:
        return bool(self.ranges or self.rows)


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
    _find_malformed(source, plain, sorted(seen), row_of, sup)
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
                    sup.add(key, first, row, opener)
                elif key == ALL:
                    for k in list(open_at):
                        first, opener = open_at.pop(k)
                        sup.add(k, first, row, opener)
            elif verb == "disable-line":  # the line (or lines) the directive is on
                sup.add(key, row, row_of(max(end - 1, start)), directive)
            else:  # disable-next-line: the next line with content
                end_row = row_of(max(end - 1, start))
                target = end_row + 1
                while target <= last_row and not lines[target - 1].strip():
                    target += 1
                sup.add(key, target, target, directive)
    for key, (row, opener) in open_at.items():
        sup.add(key, row, last_row + 1, opener)
    return sup


def _find_malformed(source: str, plain: bool, valid: Sequence[int], row_of: Callable[[int], int],
                    sup: Suppressions) -> None:
    """Record text that looks like a directive but is not one: a comment that starts with
    "newslint", or (plain text) "newslint" and a word like a verb making up or ending a line.
    ``valid`` (sorted): where the verbs of real directives start."""
    def covered(start: int, end: int) -> bool:
        k = bisect_right(valid, start)
        return k < len(valid) and valid[k] < end

    n = len(source)
    for m in NEWSLINT.finditer(source):
        if len(sup.malformed) > MAX_MALFORMED:
            break
        i = m.start()
        # Back over spaces and tabs: what comes before "newslint" on its line.
        j = i
        while j > 0 and source[j - 1] in " \t":
            j -= 1
        before = source[j - 1] if j > 0 else "\n"
        if source.startswith("<!--", j - 4) if j >= 4 else False:
            end = source.find("-->", i, i + SUSPECT_SPAN)
            if end >= 0 and not covered(j - 4, end + 3):
                body = " ".join(source[i:end].split())
                word = body[len("newslint"):].lstrip(" \t:").split("=", 1)[0].strip()
                sup.malformed.append((row_of(i), body, _closest_verb(word) if word else None))
            continue
        if not plain or (before not in "\r\n" and j == i):  # mid-line, not after a space
            continue
        end = source.find("\n", i, i + SUSPECT_SPAN)
        if end < 0:
            if n - i > SUSPECT_SPAN:
                continue  # not at the end of its line
            end = n
        if covered(i, end):  # a real directive
            continue
        text = source[i:end].rstrip()
        found = SUSPECT.fullmatch(text)
        if found is None or not text.startswith("newslint"):
            continue
        word = found["word"]
        verb = _closest_verb(word)
        # Prose rarely ends or makes up a line with "newslint" and a word like "disable";
        # without the colon, only the exact verbs (or a list of names after "=") count.
        if verb is None or (found["colon"] is None and word.lower() not in VERBS and "=" not in text):
            continue
        sup.malformed.append((row_of(i), text, verb))


def directive_warnings(sup: Suppressions, filename: str, ran: Iterable[str] | None) -> list[str]:
    """One line per directive that silenced nothing (when ``ran`` is given: the codes and
    names of the rules that ran) and per text that looks like a directive and is not one."""
    out: list[tuple[int, str]] = []
    for k, (row, text, verb) in enumerate(sup.malformed):
        if k == MAX_MALFORMED:
            out.append((row, f"{filename}:{row}: more text like a newslint directive from here on; not listed"))
            break
        hint = f" (did you mean 'newslint: {verb}'?)" if verb else ""
        out.append((row, f"{filename}:{row}: not a newslint directive, ignored: {text!r}{hint}"))
    if ran is not None:
        for d in sup.unused(ran):
            what = "every rule" if d.key == ALL else repr(d.name)
            out.append((d.row, f"{filename}:{d.row}: unused suppression: '{d.verb}' of {what} silenced nothing"))
    return [text for _, text in sorted(out, key=lambda x: x[0])]
