"""Punctuation: marks that are typed twice ("said..", ",,", ";;")."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from linter import Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl

# A mark typed twice: ".." not part of an ellipsis (three or more dots), ",,", ";;", "::",
# "!!", "??", or a comma and period together (",." / ".,") — but not "U.S.," where the
# period closes an abbreviation, and not decimals.
DOUBLED = regex.compile(
    r"""
    (?<![.\w]\.)                        # not after an abbreviation like "U.S"
    (?:
        (?<![.…])(?P<dot>\.\.)(?![.…])  # exactly two dots (an ellipsis has three)
      | (?P<same>[,;:!?])(?P=same)      # ,, ;; :: !! ??
      | (?P<mixed>,\.|\.,(?!\d)|;,|,;)  # comma and period (or semicolon) typed together
    )
    """,
    regex.VERBOSE,
)
# Abbreviations that end in a period and may be followed by a comma: "U.S.," "Jan.," "Inc.,"
ABBREV_BEFORE = regex.compile(r"(?:\b\p{L}\.){1,}\p{L}?$|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|St|Dr|Mr|Mrs|Ms|Prof|Gen|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|etc|vs|a\.m|p\.m)$")


def doubled_punctuation(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags a punctuation mark typed twice, such as `said..`, `,,`, `;;` or `,.`.

    ## Why is this bad?
    A doubled mark is a keyboard slip or an editing leftover; readers spot it at once and
    the story looks unedited. Ellipses (`...`, `…`), abbreviations (`U.S.,`) and decimals
    are left alone. Exclamation and question marks doubled for effect (`!!`) are flagged
    too: news copy does not use them.

    ## Example
    ```text
    Russia struck Sumy overnight, killing two people, the regional administration said..
    ```

    ## Use instead
    ```text
    Russia struck Sumy overnight, killing two people, the regional administration said.
    ```

    ## Fix safety
    The fix removes the extra mark and is safe.
    """
    text = doc.text
    for m in DOUBLED.finditer(text):
        start, end = m.span()
        pair = m.group()
        if m["mixed"] and pair == ".,":
            before = text[max(0, start - 12) : start + 1]
            if ABBREV_BEFORE.search(before):
                continue  # "Washington, D.C., said" / "Jan., 2024"
        if m["dot"]:
            # "etc.." where the abbreviation's own period is doubled is still an error;
            # but a range of dots in a URL or a path ("../") is not prose.
            if end < len(text) and text[end] in "/\\":
                continue
            if start > 0 and text[start - 1] in "/\\ " and (end >= len(text) or text[end] in "/\\"):
                continue
        if m["mixed"]:
            keep = pair[0] if pair[0] in ".;" and pair[1] == "," else ("." if "." in pair else ";")
            title = f'Keep only "{keep}"'
            fix = Fix(title, (Edit(Span(start, end), keep),))
        else:
            fix = Fix(f'Remove the extra "{pair[0]}"', (Edit(Span(start + 1, end), ""),))
        yield Finding(Span(start, end), f'Doubled punctuation "{pair}"', fix)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("PUN001", "doubled-punctuation", Severity.ERROR, doubled_punctuation, fixable="safe"))
