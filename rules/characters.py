"""Characters: invisible ones (no-break and zero-width spaces, trailing whitespace) and mojibake."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator

import regex

from newslint import patterns
from newslint import Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl

# Whitespace at the end of a line, no-break and zero-width spaces included.
TRAILING_CHARS = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u2060\u3000\ufeff"
NBSP = patterns.compile(r"[\u00a0\u202f]")
NBSP_RUN_CHARS = " \u00a0\u202f"
# Characters that take no room: zero-width spaces and joiners, word joiner, BOM, soft
# hyphen, invisible operators, and control characters other than tab and newline.
INVISIBLE = patterns.compile(r"[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
# Scripts that use zero-width (non-)joiners and spaces as part of their writing.
JOINING_SCRIPT = patterns.compile(r"[^\p{Latin}\p{Common}\p{Inherited}]|\p{So}|\p{Sk}")

NAMES = {"\u00a0": "no-break space", "\u202f": "narrow no-break space", "\u00ad": "soft hyphen",
         "\u200b": "zero-width space", "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner",
         "\u2060": "word joiner", "\ufeff": "byte order mark", "\t": "tab", " ": "space"}


def _describe(run: str) -> str:
    names: list[str] = []
    for ch in run:
        name = NAMES.get(ch) or unicodedata.name(ch, f"U+{ord(ch):04X}").lower()
        if not names or names[-1] != name:
            names.append(name)
    return ", ".join(names)


def invisible_character(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags characters a reader cannot see: whitespace at the end of a line, a no-break
    space beside an ordinary one, zero-width spaces and joiners, byte order marks inside
    the text, soft hyphens and control characters.

    ## Why is this bad?
    Invisible characters come from copying text out of web pages and word processors.
    They break searches and spell checks (a word with a soft hyphen inside does not match
    the word), make lines wrap oddly, and show up as boxes in some systems. A single
    no-break space between two words (as in `10 km`) is deliberate and left alone; so
    are joiners inside scripts and emoji that need them.

    ## Example
    A zero-width space hides between "Kyiv" and "on":
    ```text
    Talks resumed in Kyiv\u200b on Tuesday.
    ```

    ## Use instead
    ```text
    Talks resumed in Kyiv on Tuesday.
    ```

    ## Fix safety
    The fix deletes the characters (a no-break space beside a space becomes one space);
    it is safe.
    """
    text = doc.text
    markdown = doc.format_name == "markdown"
    trailing: list[Span] = []
    for line in doc.lines:
        end = line.end
        if end == line.start or text[end - 1] not in TRAILING_CHARS:
            continue
        start = end - 1
        while start > line.start and text[start - 1] in TRAILING_CHARS:
            start -= 1
        run = text[start:end]
        if markdown and run.strip(" ") == "" and len(run) >= 2:
            continue  # a Markdown hard line break
        trailing.append(Span(start, end))
        yield Finding(Span(start, end), f"Trailing whitespace ({_describe(run)})",
                      Fix("Remove the trailing whitespace", (Edit(Span(start, end), ""),)))
    # Every character NBSP or INVISIBLE looks for is a separator, control or format
    # character, which str.isprintable() rejects: a text printable but for its line breaks
    # and tabs has none.
    plain = text.replace("\n", "").replace("\t", "").isprintable()
    if plain:
        return
    last = -1
    for m in NBSP.finditer(text):
        if m.start() < last:
            continue
        start, end = m.span()
        while start > 0 and text[start - 1] in NBSP_RUN_CHARS:
            start -= 1
        while end < len(text) and text[end] in NBSP_RUN_CHARS:
            end += 1
        last = end
        if end - start < 2 or start == 0 or text[start - 1].isspace() or end == len(text) or text[end].isspace():
            continue  # one no-break space between words is deliberate; line ends are reported above
        yield Finding(Span(start, end), f"No-break space beside another space ({_describe(text[start:end])})",
                      Fix("Use one ordinary space", (Edit(Span(start, end), " "),)))
    trailing_starts = [t.start for t in trailing]
    for m in INVISIBLE.finditer(text):
        start, end = m.span()
        if start == 0 and m.group() == "\ufeff":
            continue  # a byte order mark at the start of the file
        i = bisect_right(trailing_starts, start) - 1
        if i >= 0 and trailing[i].end >= end:
            continue  # already part of a trailing-whitespace finding
        if regex.fullmatch(r"[\u200b-\u200d]+", m.group()) and _in_joining_script(text, start, end):
            continue
        yield Finding(Span(start, end), f"Invisible character ({_describe(m.group())})",
                      Fix("Remove the invisible character", (Edit(Span(start, end), ""),)))


def _in_joining_script(text: str, start: int, end: int) -> bool:
    around = text[max(0, start - 1) : start] + text[end : end + 1]
    return JOINING_SCRIPT.search(around) is not None


# -- mojibake ----------------------------------------------------------------------------
# UTF-8 read as Windows-1252 or Latin-1: a lead byte (Â-ô) followed by continuation bytes,
# which turn into \x80-\xbf or the Windows-1252 specials (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ).
_CONT = (r"[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
         r"\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
MOJIBAKE = patterns.compile(rf"(?:[\u00c2-\u00f4]{_CONT}{{1,3}})+")
LONE_A_CIRCUMFLEX = patterns.compile("Â(?= )")  # a no-break space (C2 A0) read as Latin-1, then turned into a space
# What both patterns above start with: without one of these, neither can match (one class
# scan instead of a scan for each).
MOJIBAKE_LEAD = patterns.compile(r"[\u00c2-\u00f4]")


def mojibake(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags text that was decoded with the wrong character encoding, such as `â€™` for `’`,
    `Ã©` for `é` or `Â£` for `£`, and suggests the repaired text.

    ## Why is this bad?
    Garbled characters ("mojibake") appear when UTF-8 text passes through a system that
    reads it as Windows-1252 or Latin-1. Readers see nonsense in names and quotes, and
    the story looks broken.

    ## Example
    ```text
    The cafÃ© reopened on Monday, the ownerâ€™s son said.
    ```

    ## Use instead
    ```text
    The café reopened on Monday, the owner’s son said.
    ```

    ## Fix safety
    The fix replaces each garbled run with the text it stands for (decoded by ftfy). It
    is offered, and safe, only where the repair is unambiguous.

    ## References
    ftfy, "fixes text for you" (Robyn Speer), MIT licence.
    """
    text = doc.text
    if text.isascii() or MOJIBAKE_LEAD.search(text) is None:
        return
    for m in LONE_A_CIRCUMFLEX.finditer(text):
        yield Finding(Span(*m.span()), 'Garbled character "Â" (left over from a no-break space)',
                      Fix('Remove the "Â"', (Edit(Span(*m.span()), ""),)))
    first = MOJIBAKE.search(text)
    if first is None:
        return
    from ftfy import fix_encoding  # heavy: only when the cheap pattern sees candidates
    from ftfy.badness import is_bad

    for m in MOJIBAKE.finditer(text, first.start()):
        run = m.group()
        fixed = fix_encoding(run)
        if fixed == run or "\ufffd" in fixed:
            if is_bad(run) and len(run) >= 2:
                yield Finding(Span(*m.span()), f'Garbled characters "{run}" (text decoded with the wrong encoding)')
            continue
        shown = fixed if fixed.strip() else repr(fixed)
        yield Finding(Span(*m.span()), f'Garbled characters "{run}" (mojibake for "{shown}")',
                      Fix(f'Replace with "{shown}"', (Edit(Span(*m.span()), fixed),)))


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("CHR001", "invisible-character", Severity.INFO, invisible_character, default=False,
                  fixable="safe"))
    register(Rule("CHR002", "mojibake", Severity.WARNING, mojibake, fixable="sometimes"))
