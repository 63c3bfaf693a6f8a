"""Encoding: files that are not UTF-8."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newslint import Document, Finding, Rule, Severity, Span, hookimpl


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


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("ENC001", "encoding", Severity.WARNING, encoding))
