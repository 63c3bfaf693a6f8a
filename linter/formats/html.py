"""The HTML format: the visible text of a page, block by block (see
:mod:`newslint.formats.html_walker` for what is skipped and how)."""

from __future__ import annotations

from collections.abc import Callable

from newslint import patterns
from newslint.document import Document
from newslint.formats import Format
from newslint.formats.assembler import Assembler, no_gc
from newslint.formats.html_walker import HtmlWalker
from newslint.formats.main_content import select
from newslint.hookspecs import hookimpl


PAGE = patterns.compile(r"(?i)<(?:body|html|!doctype)\b")


def parse_html(source: str, *, main_content: bool = True) -> Document:
    """HTML: the visible text, block by block, with entities decoded and whitespace collapsed.

    A whole page (``<html>``, ``<body>``) is read on its main content: the article, without
    the menus, footers, teasers, comments and ``<title>`` around it (see
    :mod:`newslint.formats.main_content`); ``main_content=False`` reads everything. A
    fragment (no ``<body>``) is always read whole.
    """
    with no_gc():
        asm = Assembler(source)
        page = main_content and PAGE.search(source, 0, 4096) is not None
        walker = HtmlWalker(source, asm, collect=page)
        walker.walk()
        if walker.collected is not None:
            for c in select(walker.collected, walker.node_info, source):
                asm.add(c.kind, c.ops)
        return asm.build("html", {"main_content": page}, date=walker.date)


@hookimpl
def newslint_register_formats(register: Callable[[Format], None]) -> None:
    register(Format("html", (".html", ".htm"), parse_html, options=("main_content",)))
