"""Spacing: doubled spaces, a space before a punctuation mark, no space after a sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

import regex

from newslint import patterns
from newslint import Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl
from newslint.quotations import before_sic

# Cheap scans; the context of each hit is checked in Python. Two or more spaces, or one
# before a mark: written so the standard library's engine, which scans for the literal
# space first, tries one alternative after it (a few times faster than ``regex`` here).
SPACES = re.compile(r"\x20(?:\x20+|(?=[,.;:!?]))")
NO_SPACE_AFTER = patterns.compile(r"[.!?]”?(?=\p{Lu}\p{Ll})")
# Where NO_SPACE_AFTER may match: a mark (and a closing quote) before a character that may
# be a capital, then one that may be a small letter; an ASCII one must be A-Z, then a-z.
# Written as negated classes: "[^\x00-@[-\x7f]" is A-Z and every character past ASCII, as
# [A-Z\u0080-\U0010ffff] is, but compiles in 0.2 ms instead of 8 (the standard library's
# compiler walks a range that ends past U+FFFF), every process, pre-commit runs included.
NO_SPACE_CANDIDATE = re.compile("[.!?]\u201d?(?=[^\\x00-@\\[-\\x7f][^\\x00-`{-\\x7f])")
# The same scans, quicker: the standard library's engine runs fast to a literal first
# character, but tries its alternatives (or a class) at each space (or each character), and
# spaces come every few characters. Runs of spaces are found with ``str.find``, a space
# before a mark with a pattern whose other character is one class, and each of the three
# marks with a pattern of its own: a third of the time of the two scans above, which say
# what these must give (see :func:`_space_runs` and :func:`_no_space_candidates`).
SPACE_BEFORE_MARK = re.compile(r"\x20[,.;:!?]")
MARK_ENDS = ".!?"
NO_SPACE_CANDIDATES = tuple(
    re.compile(re.escape(mark) + "\u201d?(?=[^\\x00-@\\[-\\x7f][^\\x00-`{-\\x7f])") for mark in MARK_ENDS
)
MARKS = ",.;:!?"
AFTER_MARK = frozenset(" \t\n\"'”’")
# A line laid out in columns (a table of results): its runs of spaces are deliberate.
COLUMNS = patterns.compile(r"\S\x20{3,}\S.*\S\x20{2,}\S")
# Words that open sentences: "said.The" is a missing space, "One.Tel" is a name.
STARTERS = frozenset(
    """The A An It Its He She They We I You His Her Their Our My Your This That These Those There
    Here But And Or So Yet Nor In On At For From With Without By As After Before Although Though
    However If When Whenever While Since Because Meanwhile Despite During Also Some Many Most More
    Much Other Others One Two Three Four Five All Both Each Every Several Such Now Then Today
    Yesterday Tomorrow Last Next According Mr Mrs Ms Dr What Why How Who Whom Whose Where Which
    Yes No Not None Only Even Still Instead Under Over Until Earlier Later Officials Police
    Analysts Critics Neither Either Another Whether Just Although Once Among Against Around
    Following Further Moreover Nevertheless Otherwise Thus Therefore Indeed Rather Often Sometimes
    Let Please Thank Thanks""".split()
)
URLISH = patterns.compile(r"(?:://|www\.|@|\.(?:com|org|net|co|uk|gov|edu|io)\b)", regex.IGNORECASE)


def spacing(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags two or more spaces inside a line, a space before `,` `.` `;` `:` `!` `?`, and
    a sentence that starts with no space after the one before (`said.The`).

    ## Why is this bad?
    Stray spaces are editing leftovers: they show up as gaps in print and break searches
    for a phrase. A missing space after a full stop glues two sentences into one word.
    Indentation, web addresses (`example.com`), decimals (`3.5`), times (`10:30`),
    initials (`J.R.R. Tolkien`, `U.S.`), names such as `One.Tel`, ellipses (`wait ...`)
    and lines laid out in columns are left alone.

    ## Example
    ```text
    The council  voted on Tuesday , and the plan was approved.The mayor welcomed it.
    ```

    ## Use instead
    ```text
    The council voted on Tuesday, and the plan was approved. The mayor welcomed it.
    ```

    ## Fix safety
    The fixes remove the extra spaces or insert the missing one; they are safe.
    """
    text = doc.text
    n = len(text)
    tabular: dict[int, bool] = {}
    lines = doc.lines
    found: list[Finding] = []
    for start, end in _space_runs(text):
        if start == 0 or text[start - 1] in "\n\t\u00a0" or end >= n or text[end] in "\n\t\u00a0":
            continue  # indentation, or whitespace at a line end (invisible-character's job)
        mark = text[end]
        if mark in MARKS and (end + 1 >= n or text[end + 1] in AFTER_MARK) and text[start - 1] not in "([{":
            if not (_skip_before(text, start, end, mark) or before_sic(doc, Span(end, end + 1))):
                found.append(Finding(Span(start, end + 1), f'Space before "{mark}"',
                                     Fix("Remove the space", (Edit(Span(start, end), ""),))))
                continue
        if end - start < 2:
            continue
        line = lines[bisect_right(lines, Span(start, n + 1)) - 1]
        line_start = line.start
        if line_start not in tabular:
            tabular[line_start] = COLUMNS.search(text, line.start, line.end) is not None
        if not tabular[line_start]:
            found.append(Finding(Span(start, end), f"{end - start} spaces in a row",
                                 Fix("Use one space", (Edit(Span(start, end), " "),))))
    for c in _no_space_candidates(text):
        m = NO_SPACE_AFTER.match(text, c)  # where it matches, it starts at a candidate
        if m is None:
            continue
        start, end = m.span()
        if start < 2 or not (text[start - 1].islower() and text[start - 2].isalpha()):
            continue
        if not _skip_after(text, start, end):
            found.append(Finding(Span(start, end + 1), f'No space after "{text[start]}" before the next sentence',
                                 Fix("Add a space", (Edit(Span(end, end), " "),))))
    found.sort(key=lambda f: f.span)
    yield from found


def _space_runs(text: str) -> list[tuple[int, int]]:
    """The spans :data:`SPACES` matches, in order: each run of two spaces or more, whole
    (a match starts where a run starts: a space before it would have started one), and
    each single space before a mark."""
    runs: list[tuple[int, int]] = []
    n = len(text)
    i = text.find("  ")
    while i >= 0:
        end = i + 2
        while end < n and text[end] == " ":
            end += 1
        runs.append((i, end))
        i = text.find("  ", end)
    for m in SPACE_BEFORE_MARK.finditer(text):
        start = m.start()
        if start == 0 or text[start - 1] != " ":  # else the end of a run above
            runs.append((start, start + 1))
    runs.sort()
    return runs


def _no_space_candidates(text: str) -> list[int]:
    """Where :data:`NO_SPACE_CANDIDATE` matches, in order (each match starts at its own
    mark, and holds no other mark). A mark the text does not hold is not scanned for: most
    stories have no "!" or "?", and ``in`` finds that out several times faster than a scan
    (a character at a time in the standard library's engine)."""
    found = [m.start() for mark, scan in zip(MARK_ENDS, NO_SPACE_CANDIDATES) if mark in text
             for m in scan.finditer(text)]
    found.sort()
    return found


def _skip_before(text: str, start: int, end: int, mark: str) -> bool:
    prev = text[start - 1]
    nxt_i = end + 1
    while nxt_i < len(text) and text[nxt_i] == " ":
        nxt_i += 1
    nxt = text[nxt_i] if nxt_i < len(text) else "\n"
    if mark == ".":
        # A spaced ellipsis (". . .") or a mark after a dash used as a pause.
        if text[end + 1 : end + 3] == " ." or text[max(0, start - 2) : start] == ". " or prev in "—–-":
            return True
    if mark in ":." and prev.isdigit() and nxt.isdigit():
        return True  # a score or a ratio: 3 : 1
    if prev in ".…" and mark in "?!.":
        return True  # "wait ... ?" belongs to the ellipsis
    if prev in "-–—" or prev in "*#>|":
        return True  # a dash or a markup leftover, not a word
    return False


def _skip_after(text: str, start: int, end: int) -> bool:
    word = regex.match(r"\p{L}+", text[end : end + 40])
    nxt = word.group() if word else ""
    token_start = start
    while token_start > max(0, start - 100) and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:start]
    tail = text[end + len(nxt) : end + len(nxt) + 2]
    if URLISH.search(token + text[start : end + len(nxt) + 6]):
        return True  # a web or e-mail address
    if regex.match(r"\.\p{L}", tail):
        return True  # a chain of dotted parts: Halo.Bungie.Org
    word_before = regex.search(r"[\p{L}\p{N}]+$", token)
    before = word_before.group() if word_before else ""
    if nxt in STARTERS:
        return False
    return not before.islower()  # "One.Tel", "Mr.Benn": names; "tsunami.Steve": a slip


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("SPC001", "spacing", Severity.WARNING, spacing, fixable="safe"))
