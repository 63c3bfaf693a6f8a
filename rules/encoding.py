"""Encoding: files that are not UTF-8, and text damaged by an encoding conversion."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from newslint import Document, Finding, Rule, Severity, Span, hookimpl, patterns

# What a lossy conversion leaves: U+FFFD replacement characters (a run, with a "?" that
# stood for the same character: "�?"), and a curly quote or dash turned into '"?' before a
# word ('DeVos"?highly', 'determine "?at least', '"dates"?(however'). A question mark
# after a quotation ('Did he say "yes"?') is followed by a space or the line's end.
DAMAGE = patterns.compile(
    r"""
    \?*\ufffd[\ufffd?]*                         # replacement characters
  | "\?+(?=[\p{L}\p{N}(\[“‘])                    # a quote or dash lost before a word
    """,
    regex.VERBOSE,
)


def encoding(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags a file whose bytes are not valid UTF-8. newslint reads such a file as
    Windows-1252 (or Latin-1), checks it anyway, and keeps that encoding when fixing it.

    ## Why is this bad?
    CMS imports, feeds and web pages expect UTF-8. A story saved in a legacy encoding
    shows "Caf?" or "CafÃ©" once another tool reads it as UTF-8, and curly quotes turn
    into garbage.

    ## Example
    ```text
    (a story saved as Windows-1252: "Café" is the byte 0xE9, not UTF-8)
    ```

    ## Use instead
    ```text
    (the same story saved as UTF-8)
    ```

    ## Fix safety
    No fix: re-save the file as UTF-8 in your editor.
    """
    if doc.metadata.get("encoding_fallback"):
        name = doc.metadata.get("encoding", "a legacy encoding")
        yield Finding(Span(0, 0), f"File is not valid UTF-8 (read as {name})")


def encoding_damage(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags characters lost in an encoding conversion: U+FFFD replacement characters
    (`Baden-W��rttemberg`, `businesses.�?The`), and the `"?` a curly quote or dash turns
    into when text passes through a system that cannot store it (`DeVos"?highly`,
    `determine "?at least`, `"dates"?(however`). A question mark after a quotation
    (`Did he say "yes"?`) is not flagged.

    ## Why is this bad?
    The reader sees a box or a stray question mark where a letter, a quote or a dash
    was, and the damage usually runs through the whole story: every curly quote and
    accented letter of it went through the same conversion.

    ## Example
    ```text
    Officials in Baden-W�rttemberg said the plan was "?at least for now"?on hold.
    ```

    ## Use instead
    ```text
    Officials in Baden-Württemberg said the plan was — at least for now — on hold.
    ```

    ## Fix safety
    No fix: what was lost cannot be read back from the damaged text. Re-export the story
    from its source, or repair it by hand.
    """
    text = doc.text
    if "\ufffd" not in text and ("?" not in text or '"' not in text or '"?' not in text):
        return  # (a search for one character is many times faster than for two)
    for m in DAMAGE.finditer(text):
        found = m.group()
        if "\ufffd" in found:
            n = found.count("\ufffd")
            what = "Replacement character" if n == 1 else f"{n} replacement characters"
            message = f'{what} "{found}": characters lost in an encoding conversion'
        else:
            message = 'Quote debris \'"?\': a curly quote or dash lost in an encoding conversion'
        yield Finding(Span(*m.span()), message)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("ENC001", "encoding", Severity.WARNING, encoding))
    register(Rule("ENC002", "encoding-damage", Severity.WARNING, encoding_damage))
