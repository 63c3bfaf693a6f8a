"""The HTML format: the visible text of a page, block by block (see
:mod:`newslint.formats.html_walker` for what is skipped and how)."""

from __future__ import annotations

from collections.abc import Callable

from newslint.document import Document
from newslint.formats import Format
from newslint.formats.assembler import Assembler, no_gc
from newslint.formats.html_walker import HtmlWalker
from newslint.hookspecs import hookimpl


def parse_html(source: str) -> Document:
    """HTML: the visible text, block by block, with entities decoded and whitespace collapsed."""
    with no_gc():
        asm = Assembler(source)
        walker = HtmlWalker(source, asm)
        walker.walk()
        return asm.build("html", {}, date=walker.date)


@hookimpl
def newslint_register_formats(register: Callable[[Format], None]) -> None:
    register(Format("html", (".html", ".htm"), parse_html))
