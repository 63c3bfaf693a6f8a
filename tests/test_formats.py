"""Markdown and HTML formats: what text the rules see, and that every finding is reported at
its true row and column in the source, whatever markup, entities or line ends stood before it."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from newslint.document import Span
from newslint.formats import parse_text
from newslint.formats.assembler import OBJECT
from newslint.formats.html import parse_html
from newslint.formats.markdown import parse_markdown
from newslint.runner import FixMode, Linter


def at(source: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (row, column) of the nth ``needle`` in ``source``, by plain string search
    (CRLF and lone CR count as one line break; columns count characters)."""
    pos = -1
    for _ in range(nth + 1):
        pos = source.index(needle, pos + 1)
    head = source[:pos].replace("\r\n", "\n").replace("\r", "\n")
    return head.count("\n") + 1, len(head) - (head.rfind("\n") + 1) + 1


def found(lint, source, fmt, select=("PUN001",)):
    return [(d.code, d.location.row, d.location.column) for d in lint(source, select=list(select), format=fmt)]


# -- Markdown: positions ---------------------------------------------------------------------
MD_CASES = [
    # (source, the defect as it appears in the source, nth occurrence)
    ("**Bold** text and the end..\n", "..", 0),
    ("## Minister *resigns*,, aides say\n", ",,", 0),
    ("Intro paragraph.\n\n- First point\n- Officials said;; talks would go on\n", ";;", 0),
    ('> "We will rebuild," she said..\n> Then she left.\n', "..", 0),
    ("The [mayor said..](https://example.com/a..b) on Monday.\n", "..", 0),
    ("Caf&eacute; owners &amp; staff said..\n", "..", 0),
    ("\\*Correction\\* The council said,, on Friday.\n", ",,", 0),
    ("Line one.\r\nLine two with __bold__ words\r\nand the end..\r\n", "..", 0),
    ("Zelenskyy 😀 met Sybiha in Kyïv,, officials said.\n", ",,", 0),
    ("| City | Note |\n|---|---|\n| Kyiv | Strikes,, overnight |\n", ",,", 0),
    ("![Firefighters at the site..](fire.jpg)\n", "..", 0),
    ('Police <span class="x">said..</span> nothing.\n', "..", 0),
    ("---\ntitle: Story\ndate: 2024-11-22\n---\n\n# Headline\n\nThe mayor said..\n", "..", 0),
    ("Text with `code..` first, then the real slip,, here.\n", ",,", 0),
    ("Setext headline,,\n=================\n\nBody.\n", ",,", 0),
    ("1. Step one\n2. Step *two*\n   continued lazily;; here\n", ";;", 0),
    ("A line with a hard break  \nthen more text..\n", "..", 0),
    ("Old Mac line ends\rstill count as rows,,\r", ",,", 0),
]


@pytest.mark.parametrize(("source", "defect", "nth"), MD_CASES)
def test_markdown_findings_are_at_their_source_position(lint, source, defect, nth):
    row, column = at(source, defect, nth)
    assert found(lint, source, "markdown") == [("PUN001", row, column)]


def test_markdown_repeated_word_across_markup_and_soft_break(lint):
    source = "The minister said that the\n*the* talks would resume.\n"
    diags = lint(source, select=["DUP001"], format="markdown")
    assert [(d.code, d.location.row, d.location.column) for d in diags] == [("DUP001", *at(source, "the\n"))]
    assert (diags[0].end_location.row, diags[0].end_location.column) == (2, 5)  # end of "*the"


def test_markdown_fix_is_applied_to_the_source_exactly(story):
    source = "# Headline\r\n\r\n**Russia** struck Sumy overnight, the administration said..\r\n"
    result = Linter(select=["PUN001"]).lint_source(source, "story.md", fix=FixMode(apply=True, write=False))
    assert result.new_source == source.replace("said..", "said.")


# -- Markdown: what is not linted --------------------------------------------------------------
NOT_PROSE_MD = """---
title: The council said.. nothing
date: 2024-11-22
---

Inline `print("a..b")` code and a URL https://example.com/a..b/c,,d stay out.
An autolink <https://example.com/x..y> and a [link](https://example.com/p..q "Title,, here").
Call the desk,, or write to desk@example.com today.

```text
The fenced block said..
```

    The indented block said,,

<!-- The comment said.. -->

<div class="embed"><script>var a = "b..c";</script><p>Fine text.</p></div>
"""


def test_markdown_code_urls_front_matter_and_comments_are_not_linted(lint):
    assert found(lint, NOT_PROSE_MD, "markdown", select=("PUN001", "DUP001")) == [
        ("PUN001", *at(NOT_PROSE_MD, ",, or")),  # prose around an address is still checked
    ]
    text = parse_markdown(NOT_PROSE_MD).text
    for gone in ("print", "example.com", "fenced", "indented", "comment", "var a", "title:", "Title"):
        assert gone not in text


def test_markdown_block_structure():
    source = (
        "# Ministers agree deal\n\n"
        "The **minister** said on Tuesday\nthat talks would resume.\n\n"
        "- First item\n- Second item\n\n"
        "> A quotation\n> on two lines.\n\n"
        "| City | Toll |\n|---|---|\n| Dnipro | 2 |\n\n"
        "![Firefighters at work](fire.jpg)\n*Firefighters at the site on Thursday.*\n"
    )
    doc = parse_markdown(source)
    blocks = [(b.kind, doc.slice(b.span)) for b in doc.paragraphs]
    assert blocks == [
        ("heading", "Ministers agree deal"),
        ("paragraph", "The minister said on Tuesday\nthat talks would resume."),
        ("list-item", "First item"),
        ("list-item", "Second item"),
        ("blockquote", "A quotation\non two lines."),
        ("table-cell", "City"),
        ("table-cell", "Toll"),
        ("table-cell", "Dnipro"),
        ("table-cell", "2"),
        ("alt", "Firefighters at work"),
        ("caption", "Firefighters at the site on Thursday."),
    ]
    assert doc.text == "\n\n".join(text for _, text in blocks)
    assert doc.format_name == "markdown"


def test_markdown_entities_escapes_and_placeholders():
    doc = parse_markdown("Caf&eacute; &amp; bar&#8217;s \\*star\\* said `x` at https://bbc.co.uk.\n")
    assert doc.text == f"Café & bar’s *star* said {OBJECT} at {OBJECT}."


def test_markdown_front_matter_date_and_rows():
    source = "+++\ntitle = \"Story\"\ndate = 2023-02-24\n+++\nBody said..\n"
    doc = parse_markdown(source)
    assert doc.date == dt.date(2023, 2, 24)
    assert doc.text == "Body said.."
    assert doc.text_position(doc.text.index("..")) == (5, 10)
    assert parse_markdown("---\ndate: November 22, 2024\n---\nText.\n").date == dt.date(2024, 11, 22)
    # a thematic break is not front matter
    assert parse_markdown("---\nJust a paragraph.\n---\n").text == "Just a paragraph."


def test_markdown_suppression_comment_is_honoured_and_not_text(lint):
    source = "First said..\n\n<!-- newslint: disable-next-line=PUN001 -->\nSecond said..\n"
    assert found(lint, source, "markdown") == [("PUN001", 1, 11)]
    assert "newslint" not in parse_markdown(source).text


# -- HTML: positions -----------------------------------------------------------------------------
HTML_CASES = [
    ("<p>Caf&eacute; said.. <b>x</b></p>", "..", 0),
    ("<html>\n  <body>\n    <p>\n      The mayor\n      said,, that\n    </p>\n  </body>\n</html>\n", ",,", 0),
    ("<h1>Ministers <em>agree</em> deal;;</h1>", ";;", 0),
    ("<ul>\r\n  <li>First</li>\r\n  <li>Bar&#8217;s owner said..</li>\r\n</ul>\r\n", "..", 0),
    ('<a href="https://x.com/a..b" title="a,,b">The link text,,</a>', ",,", 1),
    ("<figure><img src='a.jpg' alt='Firefighters at the site..'><figcaption>Caption.</figcaption></figure>", "..", 0),
    ("<head><title>Headline,, and more</title></head>", ",,", 0),
    ("<div>Zelenskyy 😀 met Sybiha&nbsp;in Kyïv;; officials said.</div>", ";;", 0),
    ("<table><tr><td>Kyiv</td><td>Strikes overnight..</td></tr></table>", "..", 0),
    ("<p>One<br>Two<br/>Three said..</p>", "..", 0),
    ("<pre>Wire copy line one\n  line two said,,\n</pre>", ",,", 0),
]


@pytest.mark.parametrize(("source", "defect", "nth"), HTML_CASES)
def test_html_findings_are_at_their_source_position(lint, source, defect, nth):
    row, column = at(source, defect, nth)
    assert found(lint, source, "html") == [("PUN001", row, column)]


def test_html_whitespace_collapses_but_the_map_stays_exact():
    source = "<p>\n    The   minister\tsaid\n    <b> that </b>  talks\n</p>"
    doc = parse_html(source)
    assert doc.text == "The minister said that talks"
    for word in ("minister", "said", "that", "talks"):
        i = doc.text.index(word)
        assert doc.source_range(Span(i, i + len(word))) == (source.index(word), source.index(word) + len(word))


def test_html_fix_is_applied_to_the_source_exactly():
    source = "<p>The regional administration said..</p>\n<p>Caf&eacute;</p>\n"
    result = Linter(select=["PUN001"]).lint_source(source, "story.html", fix=FixMode(apply=True, write=False))
    assert result.new_source == source.replace("said..", "said.")


NOT_PROSE_HTML = """<!DOCTYPE html>
<html><head>
<meta property="article:published_time" content="2024-11-22T09:30:00Z">
<style>p::after { content: "a..b"; }</style>
<script>var said = "x,,y";</script>
</head><body>
<!-- The comment said.. -->
<p>Run <code>ls ..</code> and visit https://example.com/a..b today.</p>
<noscript><p>Enable JavaScript,, please.</p></noscript>
<template><p>Template said..</p></template>
<div hidden>Hidden said..</div>
<svg><text>Chart said..</text></svg>
<textarea>Form said..</textarea>
<nav><ul><li><a href="/">Home,, page</a></li></ul></nav><button>Share..</button>
<a href="https://example.com/a..b" data-x="c,,d">Fine link</a>
</body></html>
"""


def test_html_script_style_comments_code_and_attributes_are_not_linted(lint):
    assert found(lint, NOT_PROSE_HTML, "html", select=("PUN001", "DUP001")) == []
    doc = parse_html(NOT_PROSE_HTML)
    assert doc.text == f"Run {OBJECT} and visit {OBJECT} today.\n\nFine link"
    assert doc.date == dt.date(2024, 11, 22)


def test_html_block_structure():
    source = (
        "<html><head><title>Deal agreed | Site</title></head><body>"
        "<h1>Ministers agree deal</h1>"
        "<p>The minister said<br>that talks would resume.</p>"
        "<ul><li>First item<li>Second item</ul>"
        "<blockquote><p>A quotation</p></blockquote>"
        "<figure><img src=a.jpg alt='Firefighters at work'><figcaption>At the site.</figcaption></figure>"
        "<table><tr><th>City<td>Dnipro</table>"
        "<p>One paragraph<br><br>split by a double break</p>"
        "</body></html>"
    )
    doc = parse_html(source, main_content=False)  # the whole page: <title> too
    blocks = [(b.kind, doc.slice(b.span)) for b in doc.paragraphs]
    assert blocks == [
        ("title", "Deal agreed | Site"),
        ("heading", "Ministers agree deal"),
        ("paragraph", "The minister said\nthat talks would resume."),
        ("list-item", "First item"),
        ("list-item", "Second item"),
        ("blockquote", "A quotation"),
        ("alt", "Firefighters at work"),
        ("caption", "At the site."),
        ("table-cell", "City"),
        ("table-cell", "Dnipro"),
        ("paragraph", "One paragraph"),
        ("paragraph", "split by a double break"),
    ]
    assert doc.text == "\n\n".join(text for _, text in blocks)
    assert doc.format_name == "html"


def test_html_entities_are_decoded_and_mapped():
    source = "<p>Caf&eacute; &amp; bar&#8217;s &#x2014; &copy 2024 &bogus; AT&T</p>"
    doc = parse_html(source)
    assert doc.text == "Café & bar’s — © 2024 &bogus; AT&T"
    i = doc.text.index("’")
    assert doc.source_range(Span(i, i + 1)) == (source.index("&#8217;"), source.index("&#8217;") + 7)
    assert not doc.is_verbatim(Span(i, i + 1)) and doc.is_verbatim(Span(0, 3))


def test_html_suppression_comment_is_honoured(lint):
    source = "<p>First said..</p>\n<!-- newslint: disable-next-line=PUN001 -->\n<p>Second said..</p>\n"
    assert found(lint, source, "html") == [("PUN001", 1, 14)]


# -- the map, character by character --------------------------------------------------------
RICH_MD = """---
date: 2024-11-22
---

# Ministers *agree* deal ##

The **minister** said on _Tuesday_ that ***talks*** would resume &amp; that
officials in Kyiv\\* were [cautious](https://example.com/c "Title") about
progress. See https://www.example.com/story?id=1 or <https://example.org/x>.
A `code span` stays out. Hard break here\\
and <span class="x">inline html words</span> and <!-- comment --> after.

- first item with [reference link][ref] words
- second item ![alt words](image.jpg "image title") trailing words
  continued lazily with more words

> quoted words in a block
> with a second line and [link text](<url with spaces> 'title')

| Header one | Header two \\| pipe |
|------------|--------------------|
| cell words | more *cell* words  |

<div><p>Block html words &eacute;t&eacute;</p></div>

[ref]: https://example.com/ref
"""

RICH_HTML = """<html><head><title>Headline words &amp; more</title></head>
<body>
  <h1>Ministers <em>agree</em> deal</h1>
  <p>
    The <strong>minister</strong> said on Tuesday
    that talks would resume&nbsp;&amp; that officials were
    <a href="https://example.com/cautious" title="title words">cautious</a> today.
  </p>
  <p>Caf&eacute; owner&#8217;s words<br>after a break <code>code</code> words</p>
  <figure><img alt="Photo of the harbour"><figcaption>Boats in the <i>harbour</i>.</figcaption></figure>
  <ul><li>first item<li>second <span>inline</span> item</ul>
  <pre>Pre line one
    pre line two</pre>
  <p>Ünïcödé wörds 😀 end.</p>
</body></html>
"""


@pytest.mark.parametrize(("parse", "source"), [(parse_markdown, RICH_MD), (parse_html, RICH_HTML),
                                               (parse_markdown, RICH_MD.replace("\n", "\r\n")),
                                               (parse_html, RICH_HTML.replace("\n", "\r\n"))])
def test_every_letter_maps_to_the_character_it_came_from(parse, source):
    """Change the source character a text letter maps to: exactly that letter must change."""
    doc = parse(source)
    checked = 0
    for i, ch in enumerate(doc.text):
        if not ch.isalpha():
            continue
        s = doc.source_offset(i)
        if source[s] != ch:
            continue  # an entity such as "&eacute;" stands for it
        changed = parse(source[:s] + "Ж" + source[s + 1 :]).text
        assert changed == doc.text[:i] + "Ж" + doc.text[i + 1 :], (i, doc.text[max(0, i - 20) : i + 20])
        checked += 1
    assert checked > 200


def test_plain_text_with_several_crlf_line_ends_keeps_its_text_and_rows(lint):
    """TextBuilder.keep() over a chunk with more than one CRLF (the plain-text format)."""
    source = "Line one.\r\nLine two.\r\nThe regional administration said..\r\nEnd.\r\n"
    assert parse_text(source).text == source.replace("\r\n", "\n")
    assert found(lint, source, "text") == [("PUN001", *at(source, ".."))]


# -- size ------------------------------------------------------------------------------------------
def test_large_files_parse_in_linear_time():
    para = ("The **minister** said on Tuesday that talks with [officials](https://example.com/a) "
            "would resume &amp; continue,\nsee https://example.com/b for `details`.\n\n")
    md = "# Headline\n\n" + para * 3000  # about 0.5 MB
    html = "<html><body>" + "<div>\n  <p>The <b>minister</b> said &amp; talks would resume.</p>\n</div>\n" * 8000
    for parse, source in ((parse_markdown, md), (parse_html, html)):
        start = time.process_time()
        doc = parse(source)
        assert time.process_time() - start < 20  # about 2 s; a quadratic step would take hours
        assert len(doc.paragraphs) > 3000


# -- the command -------------------------------------------------------------------------------
def test_command_reports_markdown_and_html_positions(newslint, story):
    md_source = "# Headline\r\n\r\n**Bold** text and the the end..\r\n"
    html_source = "<html><body>\n  <p>Caf&eacute; said.. <b>x</b></p>\n</body></html>\n"
    md, html = story(md_source, name="story.md"), story(html_source, name="story.html")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001,DUP001", md, html)
    assert proc.returncode == 1, proc.stderr
    got = sorted((f["filename"].rsplit("/", 1)[-1], f["code"], f["location"]["row"], f["location"]["column"])
                 for f in json.loads(proc.stdout))
    assert got == [
        ("story.html", "PUN001", *at(html_source, "..")),  # (2, 22): the entity counts as written
        ("story.md", "DUP001", *at(md_source, "the the")),  # (3, 19)
        ("story.md", "PUN001", *at(md_source, "..")),  # (3, 30)
    ]


def test_command_leaves_code_and_markup_alone(newslint, story):
    md = story("Run `ls ..` or see <https://example.com/a..b>.\n\n```\nsaid..\n```\n", name="clean.md")
    html = story("<p>Fine.</p><script>a..b</script><!-- said.. -->\n", name="clean.htm")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", md, html)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []
