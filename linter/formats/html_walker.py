"""The HTML walker, shared by the HTML format and by Markdown's inline and block HTML.

A small regex tokenizer (not :mod:`html.parser`, whose positions are line/column pairs) walks
the source once: tags are never fed to the text, entities are decoded through
``TextBuilder.replace``, runs of whitespace inside a block collapse to one space, and block
elements (``p``, ``li``, ``h1`` ... ``td``, ``br``) start new blocks or lines. ``script``,
``style``, ``template``, ``noscript``, ``svg``, ``<nav>`` menus, ``<button>`` labels, comments,
elements with the ``hidden`` attribute and embedded posts (tweets, Instagram and the like:
other people's words, known by their embed code's class) are skipped; ``<code>`` (and ``kbd``, ``samp``) and
URLs in the text stand as one :data:`~newslint.formats.assembler.OBJECT` character, so
sentences keep their shape but code is never checked. ``<title>`` is a block of kind "title",
image ``alt`` text one of kind "alt".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from newslint import patterns
from newslint.dates import to_date
from newslint.formats.assembler import LOWER_MAX, OBJECT, WS, Assembler, Op, url_spans

# -- entities -----------------------------------------------------------------------------
ENTITY = patterns.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")


def decode_entity(raw: str) -> tuple[str, int] | None:
    """``("&amp;")`` -> ``("&", 5)``: the decoded text and how many source characters it used."""
    import html  # lazily: its import compiles a large pattern
    from html.entities import html5

    if raw[1] == "#":
        return html.unescape(raw), len(raw)
    name = raw[1:]
    if name in html5:
        return html5[name], len(raw)
    for k in range(min(len(name), 32), 1, -1):  # legacy names without ";" ("&copy2024")
        if name[:k] in html5:
            return html5[name[:k]], k + 1
    return None


# -- the walker ---------------------------------------------------------------------------
TAG = patterns.compile(
    r"""<(?:
        (?P<comment>!--)
      | /(?P<end>[A-Za-z][^\s/>]*)[^>]*>
      | (?P<start>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>
      | [!?][^>]*>
    )""",
    regex.VERBOSE,
)
ATTR = patterns.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# Whitespace that needs collapsing (a single inner space is kept as it is), or an entity.
TEXT_RUN = patterns.compile(r"(?P<ws>[ \t\n\r\f]{2,}|[\t\n\r\f])|" + ENTITY.pattern)
NEWLINE = patterns.compile(r"\r\n|\r|\n")
HIDDEN = patterns.compile(r"""(?i)(?:^|\s)hidden(?:\s*=|\s|/|$)""")
# Never shown to readers either (as Mozilla's Readability judges): an inline style that hides
# the element, or aria-hidden="true" (copies of the page's data for search engines, icons).
INVISIBLE = patterns.compile(
    r"""(?ix)\bstyle\s*=\s*(?:"[^"]*|'[^']*)\b(?:display\s*:\s*none|visibility\s*:\s*hidden)\b
    | \baria-hidden\s*=\s*["']?true\b"""
)
# Embedded posts (tweets, Instagram, TikTok, Facebook, Reddit, Bluesky, Threads, Mastodon,
# Imgur): other people's words, by the classes their embed codes use; and the placeholder
# of a graphic a script puts in its place (Pym.js, used by newsroom graphics desks).
EMBED = patterns.compile(
    r"""(?ix)\bclass\s*=\s*["']?[^"'>]*?\b(?:twitter-(?:tweet|video|timeline)|instagram-media
    |tiktok-embed|fb-(?:post|video|comment-embed)|reddit-embed-bq|bluesky-embed|text-post-media
    |mastodon-embed|imgur-embed-pub)\b
    | \bdata-pym-(?:src|loader)\b  # a graphic embedded with Pym.js: "Loading..." until it loads"""
)
IMAGE_FILE = patterns.compile(r"(?i)^\S+\.(?:jpe?g|png|gif|webp|svg|avif|tiff?|bmp)$")
# Group numbers: ``regex`` looks a group name up only after failing to read it as a number
# (building and dropping an error each time), which made ``m["name"]`` a hot spot.
_T_COMMENT, _T_END, _T_START, _T_ATTRS = (TAG.groupindex[k] for k in ("comment", "end", "start", "attrs"))
_WS = TEXT_RUN.groupindex["ws"]

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
KINDS = {
    **dict.fromkeys(HEADINGS, "heading"),
    "li": "list-item",
    "blockquote": "blockquote",
    "figcaption": "caption",
    "caption": "caption",
    "td": "table-cell",
    "th": "table-cell",
}
BLOCKS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html li main menu
    nav ol p pre section summary table tbody td tfoot th thead tr ul legend option""".split()
)
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
RAW_SKIP = frozenset("script style textarea xmp iframe noembed noframes".split())
# Not prose: fallbacks, templates, drawings, form controls, and navigation menus (page chrome).
NESTED_SKIP = frozenset("noscript template svg math select object canvas audio video nav button".split())
CODE = frozenset({"code", "kbd", "samp"})
P_SCOPE = frozenset("td th caption table button object template html".split())
IMPLIED = {  # a start tag closes an open element of these kinds, up to a boundary
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "option": ({"option"}, {"select"}),
}
# The IMPLIED rules by their (closes, bounds) pair: the walker keeps, for each open element,
# where the element each pair would close is (so a start tag never rescans the open ones).
IMPLIED_GROUPS = tuple(dict.fromkeys((frozenset(c), frozenset(b)) for c, b in IMPLIED.values()))
IMPLIED_GROUP = {name: IMPLIED_GROUPS.index((frozenset(c), frozenset(b))) for name, (c, b) in IMPLIED.items()}
DATE_META = frozenset(
    """article:published_time og:published_time datepublished date pubdate publishdate
    publish-date dc.date dc.date.issued dcterms.created dcterms.date sailthru.date
    parsely-pub-date""".split()
)


# Page chrome by element or by its role, class or id (main-content extraction only).
CHROME_TAGS = frozenset("header footer aside form menu dialog".split())
CHROME_ROLES = frozenset("navigation banner contentinfo complementary search dialog menu menubar".split())
# An element is chrome when a part of its class or id names (split at "-", "_", spaces) is
# one of these, unless another part names content ("article-header", "box article modal").
# A gallery or slideshow beside the story: chrome, but on a page without prose (a photo
# gallery page) it is the story (see main_content.select).
WIDGET_WORDS = frozenset("gallery slideshow carousel swiper".split())
CHROME_WORDS = frozenset(
    """comment comments share sharing social related promo promos newsletter subscribe subscription
    cookie cookies consent gdpr sidebar footer masthead breadcrumb breadcrumbs nav navbar navigation
    menu teaser teasers recommended recommendations popular trending mostread outbrain taboola
    advert advertisement ad ads sponsor sponsored signup paywall toolbar tags topics bio
    newsletters header banner popup modal overlay lightbox control controls prev previous
    pagination pager date timestamp button btn""".split()
) | WIDGET_WORDS
# Chrome words that name the story's own furniture (its comments, share bar, related links),
# which even a name with a content word in it is ("post-comments", "StoryShareBottom").
FURNITURE_WORDS = frozenset(
    """comment comments share sharing social related promo promos newsletter newsletters
    subscribe subscription recommended recommendations popular trending mostread outbrain
    taboola advert advertisement ads sponsor sponsored signup paywall""".split()
)
# Chrome whose content is chrome too ("footer-content", "comment-body"); not "ad" or
# "sidebar", which page-wide wrappers name ("ad_body", "sidebar-layout-content").
CHROME_FIRST = frozenset("footer comment comments nav navbar navigation menu breadcrumb breadcrumbs".split())
CONTENT_WORDS = frozenset("article story content body post entry main text headline".split())
# Words of a class or id: "share-bar", "story_tools", and camel case ("StoryShareBottom").
TOKEN_PARTS = patterns.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


#: What :func:`boilerplate` says: not chrome; chrome; a gallery or slideshow (chrome beside
#: prose, the story on a page without any).
CONTENT, CHROME, WIDGET = 0, 1, 2


def boilerplate(name: str, attrs: str) -> int:
    """Whether a block element is page chrome by its tag, role, class or id (a true value:
    :data:`CHROME`, or :data:`WIDGET` when only gallery words say so)."""
    if name in CHROME_TAGS:
        return CHROME
    if name == "html" or name == "body" or not attrs or ("class" not in attrs and "id" not in attrs and "role" not in attrs):
        return CONTENT
    found = attributes(attrs, 0, len(attrs))
    role = found.get("role")
    if role is not None and role[0].strip().lower() in CHROME_ROLES:
        return CHROME
    names = [found[k][0] for k in ("class", "id") if k in found]
    parts = [p.lower() for p in TOKEN_PARTS.findall(" ".join(names))]
    if not any(p in CHROME_WORDS for p in parts):
        return CONTENT
    if any(p in CONTENT_WORDS for p in parts) or "articlebody" in attrs.lower():
        # "l-sidebar-fixed l-article-body-segment", itemprop="articleBody", "article-header":
        # content, unless one name says otherwise: the content of a footer, comment or menu
        # ("footer-content", "comment-body"), or the story's furniture ("post-comments", "StoryShareBottom",
        # "article-related"). A class beside "entry-content" that names share buttons
        # ("has-share-bar"), or a tag's class ("category-sponsored-content"), is not enough.
        for name in " ".join(names).split():
            seen_content = seen_chrome = False
            for p in TOKEN_PARTS.findall(name):
                p = p.lower()
                if p in CONTENT_WORDS:
                    if seen_chrome:
                        return CHROME
                    seen_content = True
                elif p in CHROME_WORDS:
                    if seen_content and p in FURNITURE_WORDS:
                        return CHROME
                    seen_chrome = seen_chrome or not seen_content and p in CHROME_FIRST
        return CONTENT
    return CHROME if any(p in CHROME_WORDS and p not in WIDGET_WORDS for p in parts) else WIDGET


@dataclass(slots=True)
class Candidate:
    """A block of a page, before main-content extraction chooses."""

    kind: str
    ops: list[Op]
    path: tuple[int, ...]  # the ids of the block elements it is in, outermost first
    text_chars: int
    link_chars: int


@lru_cache(maxsize=64)
def _closer(name: str) -> Any:
    return patterns.compile(r"</" + regex.escape(name) + r"(?:[\s/][^>]*)?>", regex.IGNORECASE)



def attributes(source: str, start: int, end: int) -> dict[str, tuple[str, int, int]]:
    """Attributes in ``source[start:end]``: lower-case name -> (raw value, value start, end)."""
    out: dict[str, tuple[str, int, int]] = {}
    for m in ATTR.finditer(source, start, end):
        name = m[1].lower()
        if name in out:
            continue
        for g in (2, 3, 4):
            if m[g] is not None:
                out[name] = (m[g], m.start(g), m.end(g))
                break
        else:
            out[name] = ("", m.end(), m.end())
    return out


class Run:
    """The ops of one block being built: whitespace collapses, entities decode."""

    __slots__ = ("source", "ops", "pending")

    def __init__(self, source: str) -> None:
        self.source = source
        self.ops: list[Op] = []
        self.pending: tuple[int, int] | None = None  # a whitespace run not yet emitted

    def emit(self, op: Op) -> None:
        if self.pending is not None:
            s, e = self.pending
            self.pending = None
            if self.ops and self.ops[-1][2] != "\n":
                self.ops.append((s, e, None) if self.source[s:e] == " " else (s, e, " "))
        self.ops.append(op)

    def space(self, s: int, e: int) -> None:
        if self.pending is None:
            self.pending = (s, e)

    def newline(self, s: int, e: int) -> None:
        self.pending = None
        if self.ops:
            self.ops.append((s, e, "\n"))

    def text(self, s: int, e: int, pre: bool = False) -> None:
        """Feed ``source[s:e]`` (no tags in it): entities decoded, whitespace collapsed."""
        src = self.source
        if s < e and src[s] == " " and (s + 1 == e or src[s + 1] not in WS):
            self.space(s, s + 1)  # a lone space at the edge may meet another across a tag
            s += 1
        tail = s < e and src[e - 1] == " " and src[e - 2] not in WS
        if tail:
            e -= 1
        p = s
        chunk = src[s:e]
        if (
            "&" not in chunk and "\t" not in chunk and "\r" not in chunk and "\f" not in chunk
            and "  " not in chunk and " \n" not in chunk and "\n " not in chunk and "\n\n" not in chunk
        ):
            # The common case, without the regex: no entity, and no whitespace run but lone
            # line breaks (what TEXT_RUN would match here, one by one).
            nl = chunk.find("\n")
            while nl >= 0:
                ms = s + nl
                if ms > p:
                    self.emit((p, ms, None))
                p = ms + 1
                if pre:
                    self.newline(ms, p)
                else:
                    self.space(ms, p)
                nl = chunk.find("\n", nl + 1)
            if e > p:
                self.emit((p, e, None))
            if tail:
                self.space(e, e + 1)
            return
        for m in TEXT_RUN.finditer(src, s, e):
            ms, me = m.span()
            if ms > p:
                self.emit((p, ms, None))
            p = me
            if m.group(_WS) is not None:
                if pre and ("\n" in m[0] or "\r" in m[0]):
                    for nl in NEWLINE.finditer(src, ms, me):
                        self.newline(*nl.span())
                else:
                    self.space(ms, me)
                continue
            dec = decode_entity(m[0])
            if dec is None:
                p = ms
                continue
            value, used = dec
            if value and not value.strip(WS):
                self.space(ms, ms + used)
            else:
                self.emit((ms, ms + used, value))
            p = ms + used
        if e > p:
            self.emit((p, e, None))
        if tail:
            self.space(e, e + 1)


class HtmlWalker:
    """One pass over (part of) an HTML source, feeding blocks to an :class:`Assembler`."""

    def __init__(self, source: str, asm: Assembler, *, collect: bool = False) -> None:
        self.source = source
        self.asm = asm
        self.stack: list[str] = []  # open block elements
        # Parallel to ``stack``: for each open element, the kind of block inside it, the
        # index of the "p" a new block would close, and of the element each IMPLIED group
        # would close (-1: none); and how many elements of each name are open. Kept as the
        # stack changes, so no tag rescans the open elements (80,000 nested <div> took 114 s).
        self.levels: list[tuple[str | None, int, tuple[int, ...]]] = []
        self.open_names: dict[str, int] = {}
        # With ``collect``, blocks are gathered for main-content extraction (see
        # newslint.formats.main_content) instead of being added: each with the block
        # elements around it (node ids), and how much of its text is link text.
        self.collected: list[Candidate] | None = [] if collect else None
        self.nodes: list[int] = []  # node ids, parallel to ``stack``
        self.node_info: list[tuple[int, str, int]] = []  # per node id: parent id, tag, boilerplate
        self.in_link = 0
        self.link_chars = 0
        self.text_chars = 0
        self.run = Run(source)
        self.deferred: list[list[Op]] = []  # alt texts of images in the current block
        self.skip: str | None = None
        self.skip_depth = 0
        self.pre = 0
        self.date: dt.date | None = None  # from <meta> or <time>

    def _find_closer(self, name: str, start: int, end: int) -> Any:
        """``_closer(name).search(src, start, end)``; in ASCII sources, candidates are
        found with ``str.find`` first (a case-insensitive regex scan is slow)."""
        low = getattr(self.asm, "lower_source", "")
        if low is None:
            src = self.source
            low = self.asm.lower_source = src.lower() if len(src) <= LOWER_MAX and src.isascii() else ""
        pat = _closer(name)
        if not low:
            return pat.search(self.source, start, end)
        needle = "</" + name
        p = low.find(needle, start, end)
        while p >= 0:
            m = pat.match(self.source, p, end)
            if m is not None:
                return m
            p = low.find(needle, p + 1, end)
        return None

    def kind(self) -> str:
        k = self.levels[-1][0] if self.levels else None
        return k or "paragraph"

    def _push(self, name: str) -> None:
        """Open block element ``name``: the stack and what is kept beside it."""
        i = len(self.stack)
        kind, p, implied = self.levels[-1] if self.levels else (None, -1, (-1,) * len(IMPLIED_GROUPS))
        self.stack.append(name)
        self.levels.append((
            KINDS.get(name) or kind,
            i if name == "p" else -1 if name in P_SCOPE else p,
            tuple(-1 if name in bounds else i if name in closes else at
                  for (closes, bounds), at in zip(IMPLIED_GROUPS, implied)),
        ))
        self.open_names[name] = self.open_names.get(name, 0) + 1

    def _pop(self) -> str:
        """Close the innermost open block element; returns its name."""
        name = self.stack.pop()
        self.levels.pop()
        self.open_names[name] -= 1
        return name

    def flush(self) -> None:
        if self.collected is not None:
            # The path only for a block that has something (a flush per tag: deep nesting)
            path = tuple(self.nodes) if self.run.ops or self.deferred else ()
            if self.run.ops:
                self.collected.append(Candidate(self.kind(), self.run.ops, path, self.text_chars, self.link_chars))
            for ops in self.deferred:
                self.collected.append(Candidate("alt", ops, path, 0, 0))
            self.text_chars = self.link_chars = 0
        else:
            if self.run.ops:
                self.asm.add(self.kind(), self.run.ops)
            for ops in self.deferred:
                self.asm.add("alt", ops)
        self.run = Run(self.source)
        self.deferred = []

    def walk(self, start: int = 0, end: int | None = None) -> None:
        src = self.source
        end = len(src) if end is None else end
        pos = start
        while pos < end:
            m = TAG.search(src, pos, end)
            if m is None:
                self._text(pos, end)
                break
            if m.start() > pos:
                self._text(pos, m.start())
            comment, end_name, start_name = m.group(_T_COMMENT, _T_END, _T_START)
            if comment:
                q = src.find("-->", m.start() + 2, end)
                pos = end if q < 0 else q + 3
            elif end_name:
                self._end(end_name.lower(), m.start(), m.end())
                pos = m.end()
            elif start_name:
                pos = self._start(start_name.lower(), m, end)
            else:
                pos = m.end()
        self.flush()

    def _text(self, s: int, e: int) -> None:
        if self.skip is None:
            self.run.text(s, e, pre=self.pre > 0)
            if self.collected is not None:
                self.text_chars += e - s
                if self.in_link:
                    self.link_chars += e - s

    def _end(self, name: str, s: int, e: int) -> None:
        if self.skip is not None:
            if name == self.skip:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip = None
            return
        if name == "br":
            self.run.newline(s, e)
        elif name == "a":
            self.in_link = max(0, self.in_link - 1)
        elif name in BLOCKS:
            self.flush()
            if self.open_names.get(name):
                while self._pop() != name:
                    if self.nodes:
                        self.nodes.pop()
                if self.nodes:
                    self.nodes.pop()
                if name == "pre" and self.pre:
                    self.pre -= 1

    def _start(self, name: str, m: Any, end: int) -> int:
        src = self.source
        after = m.end()
        if self.skip is not None:
            if name == self.skip and not src.startswith("/", m.end() - 2):
                self.skip_depth += 1
            return after
        if name in RAW_SKIP or name == "title":
            c = self._find_closer(name, after, end)
            close_s, close_e = (c.start(), c.end()) if c else (end, end)
            if name == "title" and self.collected is None:  # a page's <title> is chrome
                self.flush()
                title = Run(src)
                title.text(after, close_s)
                self.asm.add("title", title.ops)
            return close_e
        attrs_s, attrs_e = m.span(_T_ATTRS)
        attrs = m.group(_T_ATTRS)
        if name in NESTED_SKIP or (name not in VOID and (
            ("idden" in attrs and (HIDDEN.search(attrs) or INVISIBLE.search(attrs)))
            or ("-" in attrs and EMBED.search(attrs))
            or ("none" in attrs and INVISIBLE.search(attrs))
        )):
            if not attrs.rstrip().endswith("/"):
                self.skip, self.skip_depth = name, 1
            return after
        if name in CODE:
            c = self._find_closer(name, after, end)
            if c is not None:
                self.run.emit((m.start(), c.end(), OBJECT))
                return c.end()
            return after
        if name == "br":
            self.run.newline(m.start(), after)
        elif name == "a":
            self.in_link += 1
        elif name == "img":
            self._image(attrs_s, attrs_e)
        elif name in ("meta", "time"):
            self._date(name, attrs_s, attrs_e)
        elif name == "hr":
            self.flush()
        elif name in BLOCKS:
            self.flush()
            self._implied_close(name)
            self._push(name)
            if self.collected is not None:
                parent = self.nodes[-1] if self.nodes else -1
                self.nodes.append(len(self.node_info))
                self.node_info.append((parent, name, boilerplate(name, attrs)))
            if name == "pre":
                self.pre += 1
        return after

    def _implied_close(self, name: str) -> None:
        # The innermost open element of the kinds ``name`` closes, up to a boundary: kept in
        # ``levels`` (see __init__), so this never walks the open elements.
        if name in IMPLIED and self.levels:
            i = self.levels[-1][2][IMPLIED_GROUP[name]]
            if i >= 0:
                self._pop_to(i)
        if name in BLOCKS and name not in ("li", "dt", "dd", "td", "th", "tr", "option", "caption", "body", "html"):
            i = self.levels[-1][1] if self.levels else -1
            if i >= 0:
                self._pop_to(i)

    def _pop_to(self, i: int) -> None:
        for tag in self.stack[i:]:
            if tag == "pre" and self.pre:
                self.pre -= 1
            self.open_names[tag] -= 1
        del self.stack[i:]
        del self.levels[i:]
        del self.nodes[i:]

    def _image(self, s: int, e: int) -> None:
        alt = attributes(self.source, s, e).get("alt")
        if not alt or not alt[0].strip() or IMAGE_FILE.match(alt[0].strip()):
            return
        run = Run(self.source)
        run.text(alt[1], alt[2])
        if run.ops:
            self.deferred.append(run.ops)

    def _date(self, name: str, s: int, e: int) -> None:
        if self.date is not None:
            return
        attrs = attributes(self.source, s, e)
        if name == "meta":
            key = next((attrs[k][0] for k in ("property", "name", "itemprop") if k in attrs), "")
            value = attrs.get("content")
        else:
            key = "datepublished" if "pubdate" in attrs else attrs.get("itemprop", ("",))[0]
            value = attrs.get("datetime")
        if value and key.strip().lower() in DATE_META:
            d = to_date(value[0])
            if d is not None:
                self.date = d

