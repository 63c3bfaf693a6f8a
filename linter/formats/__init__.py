"""Document formats, and the built-in plain-text format (itself a plugin)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newslint.document import Document, TextBuilder
from newslint.hookspecs import hookimpl
from newslint.suppression import PLAIN_DIRECTIVE


@dataclass(frozen=True, slots=True)
class Format:
    """A document format: its name, the suffixes it claims, and a parser.

    ``parse(source)`` returns a :class:`Document` built with a :class:`TextBuilder`, so
    every text offset maps back to the source. ``plain_directives`` says whether
    suppression directives may stand alone on a line (plain text) or only inside
    ``<!-- ... -->`` comments (markup formats).
    """

    name: str
    suffixes: tuple[str, ...]
    parse: Callable[[str], Document]
    plain_directives: bool = False
    plugin: str = ""
    #: Settings of :class:`~newslint.config.Config` that ``parse`` takes as keyword
    #: arguments (HTML: ``main_content``); the runner passes each file's values.
    options: tuple[str, ...] = ()


def parse_text(source: str) -> Document:
    """Plain text: the text is the source, minus suppression directive lines."""
    b = TextBuilder(source)
    pos = 0
    for m in PLAIN_DIRECTIVE.finditer(source):
        b.keep(pos, m.start())
        pos = m.end()  # the directive's own text is not linted; its line stays (empty)
    b.keep(pos, len(source))
    return b.build(format_name="text")


@hookimpl
def newslint_register_formats(register: Callable[[Format], None]) -> None:
    register(Format("text", (".txt", ".text"), parse_text, plain_directives=True))
