"""Syntax that site generators add to Markdown, which is never the writer's prose.

* Liquid (Jekyll): ``{% tag %}`` and ``{{ output }}``; Hugo shortcodes ``{{< name >}}`` and
  ``{{% name %}}`` (the same delimiters); ``{% highlight %}`` ... ``{% endhighlight %}``,
  ``{% comment %}`` ... ``{% endcomment %}`` and Hugo's ``{{< highlight >}}`` ...
  ``{{< /highlight >}}`` enclose code or comments and are skipped whole.
* kramdown: attribute lists (``{: .class}``, ``{:toc}``), extensions (``{::options ... /}``,
  ``{::comment}`` ... ``{:/comment}``, ``{::nomarkdown}`` ... ``{:/nomarkdown}``).
* Footnote markers (``[^1]``) and the labels of footnote definitions (``[^1]:``); the
  footnote's own text is prose and is checked.

:func:`mask` returns a copy of the source of the same length where each such span is
blanked before the Markdown parser sees it: a span that is alone on its lines becomes spaces
(so it is not there at all: a blank line), one inside a line becomes
:data:`~newslint.formats.assembler.OBJECT` characters, which the assembler folds into one
OBJECT in the text (as it does for inline code), so the sentence keeps its shape. Either way
the syntax never reaches the document text, and no fix can touch it.
"""

from __future__ import annotations

from newslint import patterns
from newslint.formats.assembler import OBJECT

# Regions skipped whole: the opening tag, anything, the closing tag (the earliest one).
REGION = patterns.compile(
    r"""(?sx)
    \{%-?\s*(?P<liquid>highlight|comment)\b.*?%\}.*?\{%-?\s*end(?P=liquid)\s*-?%\}
  | \{\{[<%]\s*(?P<hugo>highlight|comment)\b.*?[>%]\}\}.*?\{\{[<%]\s*/(?P=hugo)\s*[>%]\}\}
  | \{\{<\s*/\*.*?\*/\s*>\}\}
  | \{::(?P<kd>comment|nomarkdown)\b[^}\n]*\}.*?\{:/(?:(?P=kd))?\}
"""
)
# One tag: Liquid/Hugo delimiters (no blank line inside, at most 2,000 characters), a
# kramdown attribute list or extension, a footnote marker or definition label.
TAG = patterns.compile(
    r"""(?x)
    \{%(?:(?!\n[ \t]*\n)[^%]|%(?!\})){0,2000}%\}
  | \{\{(?:(?!\n[ \t]*\n)[^}]|\}(?!\})){0,2000}\}\}
  | \{::?[^}\n]{0,500}\}
  | \[\^[^\]\s]{1,100}\]:?
"""
)


def site_spans(source: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping source spans of site-generator syntax."""
    if "{" not in source and "[^" not in source:
        return []
    regions = [m.span() for m in REGION.finditer(source)] if "{" in source else []
    found: list[tuple[int, int]] = []
    i = 0
    for m in TAG.finditer(source):
        s, e = m.span()
        while i < len(regions) and regions[i][1] <= s:
            found.append(regions[i])
            i += 1
        if i < len(regions) and regions[i][0] < e:
            continue  # inside (or across the start of) a region
        found.append((s, e))
    found.extend(regions[i:])
    return found


def mask(source: str) -> tuple[str, list[tuple[int, int]]]:
    """The source with site syntax blanked (same length, same line breaks), and the spans
    blanked inside a line (which stand as one OBJECT character each in the text)."""
    spans = site_spans(source)
    if not spans:
        return source, []
    parts: list[str] = []
    inline: list[tuple[int, int]] = []
    pos = 0
    for s, e in spans:
        parts.append(source[pos:s])
        ls = source.rfind("\n", 0, s) + 1
        le = source.find("\n", e)
        le = len(source) if le < 0 else le
        alone = not source[ls:s].strip() and _rest_blank(source, e, le, spans)
        seg = source[s:e]
        if alone:
            parts.append("".join(c if c in "\r\n" else " " for c in seg))
        else:
            parts.append("".join(c if c in "\r\n" else OBJECT for c in seg))
            inline.append((s, e))
        pos = e
    parts.append(source[pos:])
    return "".join(parts), inline


def _rest_blank(source: str, e: int, le: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the line from ``e`` to ``le`` holds nothing but whitespace and more syntax."""
    p = e
    for s2, e2 in spans:
        if s2 < e or s2 >= le:
            continue
        if source[p:s2].strip():
            return False
        p = max(p, e2)
    return not source[p:le].strip() if p < le else True
