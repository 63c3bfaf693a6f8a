"""The Markdown format: prose only, every character mapped back to the source.

markdown-it-py gives the block structure (with source line ranges) and the inline tokens;
their text is located in the source with a cursor that walks each block left to right,
stepping over the markup each token stands for (``**``, ``[``, ``](url "title")``, backticks,
``\\``, entities). Code (fenced, indented, inline), link destinations, autolinks, bare URLs,
raw HTML tags, comments and YAML/TOML front matter are not fed to the text; inline code and
URLs stand as one :data:`~newslint.formats.assembler.OBJECT` character. Headings, paragraphs, list
items, blockquotes, table cells, image alt text ("alt") and captions become blocks; soft line
breaks inside a paragraph stay ``\\n``; a run of spaces stands as one space, as the rendered page
shows it. HTML blocks go through the HTML format's walker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import regex

from newslint import patterns
from newslint.document import Document, source_line_starts
from newslint.formats import Format
from newslint.dates import to_date
from newslint.formats.assembler import OBJECT, Assembler, Op, no_gc
from newslint.formats.html_walker import HtmlWalker
from newslint.formats.site_syntax import mask
from newslint.hookspecs import hookimpl

NEWLINE = patterns.compile(r"\r\n|\r|\n")
BACKTICKS = patterns.compile(r"`+")
SPACE_RUN = patterns.compile(r"[ \t]{2,}|\t")
BR = patterns.compile(r"(?i)<br\s*/?>")
# Where a block's text begins when its first line cannot be found verbatim (fallback only).
PREFIX = patterns.compile(r"[ \t]*(?:(?:>|#{1,6}(?=[ \t])|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])|\|)[ \t]*)*")
FRONT_KEY = patterns.compile(r"^([A-Za-z_][\w\-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*$")
IMAGE_FILE = patterns.compile(r"(?i)^\S+\.(?:jpe?g|png|gif|webp|svg|avif|tiff?|bmp)$")
EMPHASIS = {"em_open": 1, "strong_open": 1, "s_open": 1, "em_close": -1, "strong_close": -1, "s_close": -1}
DATE_KEYS = ("date", "published", "pubdate", "publishdate", "publish_date", "date_published")
ALIGN_SLACK = 16  # how far the fallback aligner may skip markup to find a character

_MD: Any = None


def _parser() -> Any:
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt  # lazily: start-up stays lean

        md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
        md.core.ruler.disable("text_join", ignoreInvalid=True)  # keep entities and escapes as their own tokens
        _MD = md
    return _MD


# -- front matter -------------------------------------------------------------------------
def front_matter(source: str) -> tuple[int, dict[str, str]]:
    """YAML (``---``) or TOML (``+++``) front matter: its end offset (0 if none) and its
    top-level ``key: value`` pairs."""
    start = 1 if source.startswith("\ufeff") else 0
    fence = source[start : start + 3]
    if fence not in ("---", "+++"):
        return 0, {}
    first = NEWLINE.search(source, start)
    if first is None or source[start + 3 : first.start()].strip():
        return 0, {}
    closers = ("---", "...") if fence == "---" else ("+++",)
    pairs: dict[str, str] = {}
    pos = first.end()
    looks_like_data = False
    while pos < len(source):
        nl = NEWLINE.search(source, pos)
        line_end, nxt = (nl.start(), nl.end()) if nl else (len(source), len(source))
        line = source[pos:line_end]
        if line.rstrip() in closers:
            if not looks_like_data and pairs == {} and pos != first.end():
                return 0, {}  # "---" text "---": a thematic break, not front matter
            return nxt, pairs
        km = FRONT_KEY.match(line)
        if km:
            looks_like_data = True
            pairs.setdefault(km[1].lower(), km[2].strip().strip("\"'"))
        elif line.strip() and not line[:1].isspace() and not line.lstrip().startswith(("#", "-", "[")):
            return 0, {}  # prose: not front matter
        pos = nxt
    return 0, {}



# -- the walker ---------------------------------------------------------------------------
class MarkdownWalker:
    """Maps markdown-it tokens back to source offsets and feeds an :class:`Assembler`."""

    def __init__(self, source: str, asm: Assembler) -> None:
        self.src = source
        self.asm = asm
        self.starts = source_line_starts(source)  # the same breaks as NEWLINE

    def line_start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.src)

    def walk(self, tokens: list[Any]) -> None:
        containers: list[str] = []
        kind = "paragraph"
        row_cursor = 0
        after_image = False  # the previous block was a paragraph holding only images
        for tok in tokens:
            t = tok.type
            if t == "list_item_open":
                containers.append("list-item")
            elif t == "blockquote_open":
                containers.append("blockquote")
            elif t in ("list_item_close", "blockquote_close"):
                if containers:
                    containers.pop()
            elif t == "heading_open":
                kind = "heading"
            elif t == "paragraph_open":
                kind = containers[-1] if containers else "paragraph"
            elif t == "tr_open" and tok.map:
                row_cursor = self.line_start(tok.map[0])
            elif t in ("th_open", "td_open"):
                kind = "table-cell"
            elif t == "inline" and tok.map:
                if kind == "table-cell":
                    row_cursor = self.inline(tok, kind, row_cursor)
                    after_image = False
                else:
                    after_image = self.block(tok, kind, after_image)
            elif t == "html_block" and tok.map:
                after_image = False
                if "blockquote" not in containers:  # inside ">" the prefixes would be read as text
                    walker = HtmlWalker(self.src, self.asm)
                    walker.walk(self.line_start(tok.map[0]), self.line_start(tok.map[1]))
            elif t in ("fence", "code_block", "hr"):
                after_image = False

    def block(self, tok: Any, kind: str, after_image: bool) -> bool:
        """A heading's or paragraph's inline content; returns whether it held only images."""
        kids = tok.children or []
        sig = [k for k in kids if not (k.type in ("text", "softbreak", "hardbreak") and not k.content.strip())]
        if not sig:
            return False
        images_only = all(k.type == "image" for k in sig)
        if kind != "heading":
            if sig[0].type == "image" and not images_only:
                kind = "caption"  # an image and the words that go with it
            elif after_image and _all_emphasis(sig):
                kind = "caption"  # ![photo](x.jpg) then *A caption in italics.*
        self.inline(tok, kind)
        return images_only

    def inline(self, tok: Any, kind: str, row_cursor: int | None = None) -> int:
        src = self.src
        first_line = tok.map[0]
        ls = self.line_start(first_line)
        le = self.line_start(first_line + 1)
        bound = max(self.line_start(tok.map[1]), le)
        head = tok.content.split("\n", 1)[0]
        if row_cursor is not None:  # a table cell: cells are found left to right
            p = src.find(head, row_cursor, le) if head else -1
            cur = p if p >= 0 else PREFIX.match(src, row_cursor, le).end()
        else:
            p = src.rfind(head, ls, le) if head else -1
            cur = p if p >= 0 else PREFIX.match(src, ls, le).end()
        ops: list[Op] = []
        alts: list[tuple[bool, list[Op]]] = []
        cur = self.children(tok.children or [], cur, bound, ops, alts)
        for leading, alt in alts:
            if leading:
                self.asm.add("alt", alt)
        self.asm.add(kind, ops)
        for leading, alt in alts:
            if not leading:
                self.asm.add("alt", alt)
        return cur

    def children(self, kids: list[Any], cur: int, bound: int, ops: list[Op],
                 alts: list[tuple[bool, list[Op]]]) -> int:
        src = self.src
        i, n = 0, len(kids)
        while i < n:
            k = kids[i]
            t = k.type
            if t == "text":
                if k.content:
                    cur = self.text(k.content, cur, bound, ops)
            elif t == "text_special":
                m = k.markup
                p = src.find(m, cur, bound) if m else -1
                if p < 0:
                    cur = self.text(k.content, cur, bound, ops)
                else:
                    if k.content == m:  # "\ " or "\a": not an escape at all
                        ops.append((p, p + len(m), None))
                    elif k.info == "escape" and k.content == m[1:]:
                        ops.append((p + 1, p + len(m), None))  # "\*": the "*" is verbatim
                    else:
                        content = k.content.replace("\r", " ").replace("\n", " ")
                        ops.append((p, p + len(m), content))
                    cur = p + len(m)
            elif t in ("softbreak", "hardbreak"):
                nl = NEWLINE.search(src, cur, bound)
                if nl is not None:
                    ops.append((nl.start(), nl.end(), "\n"))
                    cur = nl.end()
                else:
                    ops.append((cur, cur, "\n"))
            elif t == "code_inline":
                cur = self.code(k.markup, cur, bound, ops)
            elif t in EMPHASIS:
                p = src.find(k.markup, cur, bound) if k.markup else -1
                if p >= 0:
                    cur = p + len(k.markup)
            elif t == "link_open":
                if k.markup == "autolink" or k.info == "auto":
                    p = src.find("<", cur, bound)
                    q = src.find(">", p, bound) if p >= 0 else -1
                    if q >= 0:
                        ops.append((p, q + 1, OBJECT))
                        cur = q + 1
                    while i + 1 < n and kids[i + 1].type != "link_close":
                        i += 1
                    i += 1  # the link_close
                else:
                    p = src.find("[", cur, bound)
                    if p >= 0:
                        cur = p + 1
            elif t == "link_close":
                p = src.find("]", cur, bound)
                if p >= 0:
                    cur = self.link_tail(p + 1, bound)
            elif t == "image":
                start = src.find("![", cur, bound)
                if start >= 0:
                    cur = start + 2
                alt: list[Op] = []
                leading = not any(op[2] != "\n" for op in ops)
                cur = self.children(k.children or [], cur, bound, alt, alts)
                p = src.find("]", cur, bound)
                if p >= 0:
                    cur = self.link_tail(p + 1, bound)
                if not leading and start >= 0:
                    ops.append((start, cur, OBJECT))  # an image inside a sentence
                if alt and not IMAGE_FILE.match(k.content.strip()):
                    alts.append((leading, alt))
            elif t == "html_inline":
                span = self.locate(k.content, cur, bound)
                if span is not None:
                    if BR.fullmatch(k.content):
                        ops.append((span[0], span[1], "\n"))
                    cur = span[1]
            i += 1
        return cur

    def text(self, content: str, cur: int, bound: int, ops: list[Op]) -> int:
        """Locate ``content`` from ``cur``: verbatim if possible, else char by char."""
        src = self.src
        p = src.find(content, cur, bound)
        if p >= 0:
            end = p + len(content)
            if "  " in content or "\t" in content:
                # The page shows a run of spaces as one (HTML collapses whitespace), so the
                # text does too: a run stands as one space, and no finding is about it.
                for m in SPACE_RUN.finditer(src, p, end):
                    if m.start() > p:
                        ops.append((p, m.start(), None))
                    ops.append((m.start(), m.end(), " "))
                    p = m.end()
            if end > p:
                ops.append((p, end, None))
            return end
        for ch in content:  # e.g. "\|" in a table cell, or a NUL made U+FFFD
            j = src.find(ch, cur, min(bound, cur + ALIGN_SLACK))
            if j < 0:
                ops.append((cur, cur, ch))
            else:
                if ops and ops[-1][2] is None and ops[-1][1] == j:
                    ops[-1] = (ops[-1][0], j + 1, None)
                else:
                    ops.append((j, j + 1, None))
                cur = j + 1
        return cur

    def code(self, markup: str, cur: int, bound: int, ops: list[Op]) -> int:
        """An inline code span: stands as one OBJECT character."""
        src = self.src
        p = src.find(markup, cur, bound) if markup else -1
        if p >= 0:
            for m in BACKTICKS.finditer(src, p + len(markup), bound):
                if len(m[0]) == len(markup):
                    ops.append((p, m.end(), OBJECT))
                    return m.end()
        ops.append((cur, cur, OBJECT))
        return cur

    def link_tail(self, i: int, bound: int) -> int:
        """Step over ``(destination "title")`` or ``[label]`` after a link's ``]``."""
        src = self.src
        if i >= bound:
            return i
        if src[i] == "(":
            j, depth = i + 1, 1
            while j < bound and src[j] in " \t\r\n":
                j += 1
            if j < bound and src[j] == "<":
                q = src.find(">", j, bound)
                if q < 0:
                    return i
                j = q + 1
            while j < bound:
                c = src[j]
                if c == "\\":
                    j += 2
                    continue
                if c in "\"'" and src[j - 1] in " \t\r\n":
                    q = j + 1
                    while q < bound and src[q] != c:
                        q += 2 if src[q] == "\\" else 1
                    j = q + 1
                    continue
                if c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        return j + 1
                j += 1
            return i
        if src[i] == "[":
            j = i + 1
            while j < bound and src[j] != "]":
                j += 2 if src[j] == "\\" else 1
            return j + 1 if j < bound else i
        return i

    def locate(self, content: str, cur: int, bound: int) -> tuple[int, int] | None:
        """Where ``content`` (which may span lines inside a container) lies in the source."""
        src = self.src
        lines = content.split("\n")
        p = src.find(lines[0], cur, bound)
        if p < 0:
            return None
        pos = p + len(lines[0])
        for line in lines[1:]:
            nl = NEWLINE.search(src, pos, bound)
            if nl is None:
                return None
            q = src.find(line, nl.end(), bound)
            if q < 0:
                return None
            pos = q + len(line)
        return p, pos


def _all_emphasis(sig: list[Any]) -> bool:
    """Whether the tokens are one emphasis run: ``*A caption.*``."""
    if len(sig) < 3 or EMPHASIS.get(sig[0].type) != 1:
        return False
    depth = 0
    for j, k in enumerate(sig):
        depth += EMPHASIS.get(k.type, 0)
        if depth <= 0 and j != len(sig) - 1:
            return False
    return depth == 0


def parse_markdown(source: str) -> Document:
    """Markdown (CommonMark with tables): prose blocks, mapped back to the source."""
    end, pairs = front_matter(source)
    metadata: dict[str, Any] = {}
    date = None
    if pairs:
        metadata["front_matter"] = pairs
        for key in DATE_KEYS:
            if key in pairs:
                date = to_date(pairs[key])
                if date is not None:
                    break
    # Liquid, shortcodes, attribute lists, footnote labels: blanked (same length), so the
    # parser never sees them and the text never holds them (see site_syntax).
    masked, inline = mask(source)
    # The front matter becomes blank lines, so markdown-it's line numbers stay the source's.
    md_source = "\n" * sum(1 for _ in NEWLINE.finditer(source, 0, end)) + masked[end:] if end else masked
    with no_gc():
        tokens = _parser().parse(md_source)
        asm = Assembler(source)
        asm.add_objects(inline)
        walker = MarkdownWalker(masked, asm)
        walker.walk(tokens)
        del tokens
        doc = asm.build("markdown", metadata, date=date)
        doc._cache["line_starts"] = walker.starts  # what Document.line_starts would compute
        return doc


@hookimpl
def newslint_register_formats(register: Callable[[Format], None]) -> None:
    register(Format("markdown", (".md", ".markdown"), parse_markdown))
