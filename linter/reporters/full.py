"""The ``full`` output format: ruff's layout (code, message, ``-->`` path, the source line
with a caret underline, ``= help:``), then a summary or a per-rule table; coloured with rich
named styles when asked. rich is imported only when something is rendered."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from newslint.diagnostics import Applicability, Diagnostic, FileResult

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from newslint.reporters.base import ReportContext

TAB_SIZE = 4  # tabs in source lines expand to this many columns
MAX_LINE_CELLS = 200  # longer source lines are shown as a window around the finding
WINDOW_CELLS = 120
WINDOW_LEAD = 40  # columns of context kept before the finding in a window
ELLIPSIS = "…"
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the rows Document.position counts
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"})

#: The named styles of the ``full`` output (one rich Theme).
STYLES: dict[str, str] = {
    "newslint.code": "bold",
    "newslint.error": "red",
    "newslint.warning": "yellow",
    "newslint.info": "blue",
    "newslint.fixable": "cyan",
    "newslint.message": "bold",
    "newslint.arrow": "bold blue",
    "newslint.path": "bold",
    "newslint.gutter": "bold blue",
    "newslint.caret": "bold red",
    "newslint.help": "bold cyan",
    "newslint.summary": "bold",
    "newslint.ok": "bold green",
    "newslint.count": "bold",
}


def _fix_available(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and d.fix.applicability.applies(unsafe)


def _fix_hidden(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and not unsafe and d.fix.applicability is Applicability.UNSAFE


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _shown(ch: str, cell: int) -> tuple[str, int]:
    """How one source character is drawn at display column ``cell``: text and width."""
    if ch == "\t":
        w = TAB_SIZE - cell % TAB_SIZE
        return " " * w, w
    if " " <= ch <= "~":
        return ch, 1
    import unicodedata

    from rich.cells import cell_len

    if unicodedata.category(ch) in HIDDEN_CATEGORIES:
        cp = ord(ch)
        if cp < 0x20:
            return chr(0x2400 + cp), 1  # control pictures: ␀ ... ␟
        if cp == 0x7F:
            return "␡", 1
        shown = f"<U+{cp:04X}>"  # zero-width and format characters made visible
        return shown, len(shown)
    return ch, cell_len(ch)


class Snippet(NamedTuple):
    """A source line as displayed, and where its caret underline goes (in cells)."""

    line: str
    caret_start: int
    caret_len: int


class LineLayout:
    """Where each character of a source line is drawn, worked out once per line.

    Printable ASCII and most other characters are drawn as themselves, one cell wide; only
    the others ("special": tabs, wide and zero-width characters, invisible ones) are
    recorded. The display column of character ``i`` is ``i`` plus the extra width of the
    special characters before it, found by bisection: a finding on a 100,000-character line
    costs the size of its window, not of the line (8,000 findings on one 136 KB line took
    181 s when every finding re-rendered the whole line)."""

    __slots__ = ("line", "pos", "ends", "shown", "width")

    def __init__(self, line: str) -> None:
        self.line = line
        self.pos: list[int] = []  # index of each special character
        self.ends: list[int] = []  # display column just after it
        self.shown: list[str] = []  # how it is drawn
        special = _special_pattern(line)
        extra = 0
        if special is not None:
            drawn: dict[str, tuple[str, int]] = {}
            for m in special.finditer(line):
                i = m.start()
                ch = line[i]
                cell = i + extra
                if ch == "\t":
                    shown, w = _shown(ch, cell)
                else:
                    got = drawn.get(ch)
                    if got is None:
                        got = drawn[ch] = _shown(ch, cell)
                    shown, w = got
                self.pos.append(i)
                self.ends.append(cell + w)
                self.shown.append(shown)
                extra += w - 1
        self.width = len(line) + extra

    def cell(self, i: int) -> int:
        """The display column where character ``i`` starts (``len(line)``: the end)."""
        k = bisect_left(self.pos, i)
        return i if k == 0 else self.ends[k - 1] + (i - self.pos[k - 1] - 1)

    def first_at(self, column: int) -> int:
        """The first index ``i`` (up to ``len(line)``) whose column is ``column`` or more."""
        lo, hi = 0, len(self.line)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cell(mid) >= column:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def last_within(self, column: int, lo: int) -> int:
        """The last index from ``lo`` on (up to ``len(line)``) whose column is ``column`` or
        less (``lo - 1`` if there is none)."""
        hi = len(self.line) + 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cell(mid) > column:
                hi = mid
            else:
                lo = mid + 1
        return lo - 1

    def text(self, i0: int, i1: int) -> str:
        """Characters ``[i0, i1)`` as drawn."""
        line, pos = self.line, self.pos
        k, k1 = bisect_left(pos, i0), bisect_left(pos, i1)
        if k == k1:
            return line[i0:i1]
        out = []
        cur = i0
        for j in range(k, k1):
            p = pos[j]
            out.append(line[cur:p])
            out.append(self.shown[j])
            cur = p + 1
        out.append(line[cur:i1])
        return "".join(out)


def _special_pattern(line: str) -> re.Pattern[str] | None:
    """A pattern matching the characters of ``line`` not drawn as themselves in one cell
    (each distinct character is looked at once; None if there are none)."""
    if line.isascii() and line.isprintable():
        return None
    odd = [ch for ch in set(line) if not (" " <= ch <= "~") and (ch == "\t" or _shown(ch, 0) != (ch, 1))]
    if not odd:
        return None
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(odd)) + "]")


def make_snippet(line: str, start: int, end: int | None, layout: LineLayout | None = None) -> Snippet:
    """Display ``line`` (tabs expanded, invisible characters shown) with a caret under
    characters ``[start, end)`` (``end=None``: to the end of the line). Lines wider than
    :data:`MAX_LINE_CELLS` are cut to a window around the span, marked with "…".
    ``layout``: the line's :class:`LineLayout`, when several findings share the line."""
    lay = layout if layout is not None else LineLayout(line)
    n = len(line)
    start = max(0, min(start, n))
    end = n if end is None else max(start, min(end, n))
    c0, c1 = lay.cell(start), lay.cell(end)
    pos = lay.width
    if pos <= MAX_LINE_CELLS:
        return Snippet(lay.text(0, n), c0, max(1, c1 - c0))
    ws = max(0, c0 - WINDOW_LEAD)
    we = ws + WINDOW_CELLS
    if we > pos:
        we, ws = pos, max(0, pos - WINDOW_CELLS)
    i0 = lay.first_at(ws)  # first character in the window
    i1 = max(i0, lay.last_within(we, i0))
    lead = ELLIPSIS if i0 > 0 else ""
    shown = lead + lay.text(i0, i1) + (ELLIPSIS if i1 < n else "")
    offset = len(lead) + c0 - lay.cell(i0)
    return Snippet(shown, offset, max(1, min(c1, lay.cell(i1)) - c0))


def _help(d: Diagnostic) -> str | None:
    if d.fix is not None:
        if d.fix.applicability is Applicability.DISPLAY:
            return f"{d.fix.title} (display-only: the fix would edit markup)"
        return d.fix.title
    if d.suggestions:
        shown = [f'"{s}"' for s in d.suggestions[:3]]
        words = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
        return f"Did you mean {words}?"
    return None


def render_diagnostic(d: Diagnostic, lines: Sequence[str] | None, ctx: ReportContext,
                      layouts: dict[int, LineLayout] | None = None) -> Text:
    """One finding in ruff's layout (ends with a blank line). ``layouts``: a cache of the
    lines' layouts, for the findings of one file in order (it keeps the current line's)."""
    from rich.text import Text

    sev = f"newslint.{d.severity.value}"
    marker = " [*]" if _fix_available(d, ctx.unsafe_fixes) else ""
    text = Text(f"{d.code}{marker} {d.message}\n")
    text.stylize("newslint.code", 0, len(d.code))
    text.stylize(sev, 0, len(d.code))
    if marker:
        text.stylize("newslint.fixable", len(d.code) + 1, len(d.code) + 4)
    text.stylize("newslint.message", len(d.code) + len(marker) + 1, len(text) - 1)

    row, col = d.location
    width = len(str(row))
    pad, bar = " " * (width + 1), " " * (width + 2) + "|"

    def add(s: str, style: str | None = None) -> None:
        text.append(s, style)

    add(f"{pad}-->", "newslint.arrow")
    add(" ")
    add(f"{d.where}:{row}:{col}", "newslint.path")
    add("\n")
    if lines is not None and 1 <= row <= len(lines):
        same_row = d.end_location.row == row
        layout = None
        if layouts is not None:
            layout = layouts.get(row)
            if layout is None:
                layouts.clear()
                layout = layouts[row] = LineLayout(lines[row - 1])
        snip = make_snippet(lines[row - 1], col - 1, d.end_location.column - 1 if same_row else None, layout)
        add(bar + "\n", "newslint.gutter")
        add(f" {row} |", "newslint.gutter")
        add((" " + snip.line if snip.line else "") + "\n")
        add(bar, "newslint.gutter")
        add(" " + " " * snip.caret_start)
        add("^" * snip.caret_len + "\n", "newslint.caret")
    help_text = _help(d)
    if help_text is not None:
        add(" " * (width + 2) + "= help:", "newslint.help")
        add(f" {help_text}\n")
    return text


def render_summary(diags: Iterable[Diagnostic], ctx: ReportContext, failed: int = 0) -> Text:
    """The closing lines: counts, fixes available and hidden, or "All checks passed!"
    (never when ``failed`` files could not be checked)."""
    from rich.text import Text

    text = Text()
    # One pass: a long file's findings are made as they are read (PackedDiagnostics).
    n = fixable = hidden = 0
    records = False
    unsafe = ctx.unsafe_fixes
    for d in diags:
        n += 1
        if d.record is not None:
            records = True
        if d.fix is not None:
            fixable += _fix_available(d, unsafe)
            hidden += _fix_hidden(d, unsafe)
    if ctx.fixed > 0:
        text.append(f"Fixed {_plural(ctx.fixed, 'finding')} ({n} remaining).", "newslint.summary")
    elif n == 0 and failed:
        text.append(f"No findings, but {_plural(failed, 'file')} could not be checked.", "newslint.summary")
    elif n == 0:
        text.append("All checks passed!", "newslint.ok")
    else:
        text.append(f"Found {_plural(n, 'finding')}.", "newslint.summary")
    if records:
        return text  # --fix is refused on an archive's records: no fix to offer
    hint = ""
    if hidden:
        fixes = "hidden fix" if hidden == 1 else "hidden fixes"
        hint = f"{hidden} {fixes} can be enabled with the --unsafe-fixes option"
    if fixable:
        text.append("\n")
        start = len(text)
        text.append(f"[*] {fixable} fixable with the --fix option")
        text.stylize("newslint.fixable", start, start + 3)
        text.append(f" ({hint})." if hint else ".")
    elif hint:
        text.append(f"\nNo fixes available ({hint}).")
    return text


def render_statistics(diags: Iterable[Diagnostic], ctx: ReportContext) -> Text:
    """Findings per rule, most frequent first: ``count  CODE  [*] name``."""
    from rich.text import Text

    counts: Counter[str] = Counter()
    first: dict[str, Diagnostic] = {}
    fixable: set[str] = set()
    for d in diags:  # one pass, as in render_summary
        counts[d.code] += 1
        first.setdefault(d.code, d)
        if _fix_available(d, ctx.unsafe_fixes):
            fixable.add(d.code)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    cw = max(len(str(c)) for _, c in rows)
    kw = max(len(code) for code, _ in rows)
    text = Text()
    for i, (code, count) in enumerate(rows):
        if i:
            text.append("\n")
        text.append(f"{count:>{cw}}", "newslint.count")
        text.append("  ")
        start = len(text)
        text.append(f"{code:<{kw}}", "newslint.code")
        text.stylize(f"newslint.{first[code].severity.value}", start, start + len(code))
        text.append("  ")
        if fixable:
            if code in fixable:
                text.append("[")
                text.append("*", "newslint.fixable")
                text.append("] ")
            else:
                text.append("[ ] ")
        text.append(first[code].name)
    return text


def make_console(stream: TextIO, ctx: ReportContext) -> Console:
    """A rich Console on ``stream`` with the newslint theme; colour only when ``ctx.color``."""
    from rich.console import Console
    from rich.theme import Theme

    return Console(
        file=stream,
        force_terminal=ctx.color,
        no_color=not ctx.color,
        color_system="auto" if ctx.color else None,
        width=ctx.width,
        highlight=False,
        soft_wrap=True,
        markup=False,
        emoji=False,
        theme=Theme(STYLES),
    )


def _source_lines(r: FileResult) -> Sequence[str] | None:
    source = r.new_source if r.new_source is not None else r.source  # findings are of the fixed text
    if source is None:
        return None
    return LINE_BREAK.split(source) if len(source) <= LAZY_LINES_CHARS else SourceLines(source)


# A longer source's lines are cut out one at a time (SourceLines): the list of every line of
# a 20 MB file is a copy of it with 60 bytes more a line.
LAZY_LINES_CHARS = 1 << 20


class SourceLines(Sequence[str]):
    """A source's lines, as ``LINE_BREAK.split`` gives them, each cut out when asked for."""

    def __init__(self, source: str) -> None:
        from newslint.document import source_line_starts  # the same breaks: CRLF, CR, LF

        self.source = source
        self.starts = source_line_starts(source)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        starts = self.starts
        if i < 0:
            i += len(starts)
        start = starts[i]  # IndexError past the end, as a list's
        if i + 1 == len(starts):
            return self.source[start:]
        line = self.source[start:starts[i + 1]]
        return line[:-2] if line.endswith("\r\n") else line[:-1]


class Findings:
    """Every finding of ``results``, in order, read from them each time (never a list of
    all: a long file's findings are made as they are read)."""

    def __init__(self, results: Sequence[FileResult]) -> None:
        self.results = results

    def __iter__(self) -> Iterator[Diagnostic]:
        return (d for r in self.results for d in r.diagnostics)

    def __len__(self) -> int:
        return sum(len(r.diagnostics) for r in self.results)


def write_full(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """Each finding with its source line and a caret underline, then a summary."""
    emit: Callable[..., None]
    if ctx.color:
        emit = make_console(stream, ctx).print
    else:  # the same text without styles, much faster than a Console

        def emit(text: Text | None = None) -> None:
            stream.write(("" if text is None else text.plain) + "\n")

    diags = Findings(results)
    if ctx.statistics:
        if diags:
            emit(render_statistics(diags, ctx))
            if not ctx.quiet:
                emit()
    else:
        for r in results:
            if r.diagnostics:
                lines = _source_lines(r)
                layouts: dict[int, LineLayout] = {}
                for d in r.diagnostics:
                    emit(render_diagnostic(d, lines, ctx, layouts))
    if not ctx.quiet:
        emit(render_summary(diags, ctx, failed=sum(1 for r in results if r.errors)))
