"""The ``html`` output format: one self-contained page to look at rather than read.

Totals per rule and severity, a bar chart of findings per rule (inline SVG), the files or
records with the most findings, and every finding with its source excerpt and fix, grouped
by file or record and filterable by rule and severity (``report.html#rules=PUN001,SPL001``
opens with only those rules shown). CSS and the small filter script are
inline: the page needs no network, and without JavaScript it still shows everything. Every
piece of text from a story or a rule is HTML-escaped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from html import escape
from typing import TextIO

from newslint.diagnostics import Applicability, Diagnostic, FileResult, Severity
from newslint.reporters.base import ReportContext
from newslint.reporters.full import _source_lines

LINE_BREAK = re.compile(r"\r\n|\r|\n")
EXCERPT_LEAD = 80  # characters of context shown before a finding on a long line
EXCERPT_TAIL = 80
TOP_SOURCES = 20
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

CSS = """
:root { --error: #b42318; --warning: #b54708; --info: #175cd3; --ink: #1d2939; --muted: #667085;
        --line: #eaecf0; --bg: #f9fafb; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 0; background: var(--bg); }
header { background: #101828; color: #fff; padding: 20px 32px; }
header h1 { margin: 0; font-size: 22px; }
header p { margin: 4px 0 0; color: #d0d5dd; }
main { padding: 24px 32px; max-width: 1200px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px;
          margin-bottom: 20px; }
h2 { font-size: 17px; margin: 0 0 12px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 130px; }
.card b { display: block; font-size: 24px; }
.card.error b { color: var(--error); } .card.warning b { color: var(--warning); }
.card.info b { color: var(--info); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--line);
         vertical-align: top; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.sev { font-size: 12px; font-weight: 600; text-transform: uppercase; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
.filters { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; }
.filters label { white-space: nowrap; }
.source h3 { font-size: 15px; margin: 18px 0 6px; word-break: break-all; }
.finding { border-left: 3px solid var(--line); padding: 6px 12px; margin: 8px 0; }
.finding.error { border-color: var(--error); } .finding.warning { border-color: var(--warning); }
.finding.info { border-color: var(--info); }
.finding .where { color: var(--muted); font-size: 13px; }
.finding pre { background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px;
               margin: 6px 0; white-space: pre-wrap; word-break: break-word; }
mark { background: #fee4e2; color: inherit; border-bottom: 2px solid var(--error); }
.fix { color: #067647; } .fix.unsafe { color: var(--warning); } .fix.display-only { color: var(--muted); }
.errors li { color: var(--error); }
.hidden { display: none; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
"""

SCRIPT = """
(function () {
  var boxes = document.querySelectorAll('input[data-filter]');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-filter') + ':' + b.value] = b.checked; });
    document.querySelectorAll('.finding').forEach(function (f) {
      var show = on['rule:' + f.getAttribute('data-rule')] && on['severity:' + f.getAttribute('data-severity')];
      f.classList.toggle('hidden', !show);
    });
    document.querySelectorAll('.source').forEach(function (s) {
      s.classList.toggle('hidden', !s.querySelector('.finding:not(.hidden)'));
    });
    var shown = document.querySelectorAll('.finding:not(.hidden)').length;
    document.getElementById('shown').textContent = shown;
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  var all = document.getElementById('all'), none = document.getElementById('none');
  if (all) all.addEventListener('click', function () {
    boxes.forEach(function (b) { b.checked = true; }); apply(); });
  if (none) none.addEventListener('click', function () {
    document.querySelectorAll('input[data-filter="rule"]').forEach(function (b) { b.checked = false; }); apply(); });
  // report.html#rules=PUN001,SPL001 opens with only those rules shown (a link to share).
  var m = /^#rules=([A-Za-z0-9_,-]+)$/.exec(window.location.hash);
  if (m) {
    var want = m[1].split(',');
    document.querySelectorAll('input[data-filter="rule"]').forEach(function (b) {
      b.checked = want.indexOf(b.value) >= 0; });
  }
  apply();
})();
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _source_id(r: FileResult) -> str:
    return r.filename if r.record is None else f"{r.filename}[{r.record.id}]"


def _excerpt(lines: Sequence[str] | None, d: Diagnostic) -> str:
    """The finding's source line, the finding marked, long lines cut around it."""
    if lines is None or not 1 <= d.location.row <= len(lines):
        return ""
    line = lines[d.location.row - 1]
    start = max(0, min(d.location.column - 1, len(line)))
    end = d.end_location.column - 1 if d.end_location.row == d.location.row else len(line)
    end = max(start, min(end, len(line)))
    lo, hi = max(0, start - EXCERPT_LEAD), min(len(line), end + EXCERPT_TAIL)
    before = ("…" if lo else "") + line[lo:start]
    after = line[end:hi] + ("…" if hi < len(line) else "")
    marked = line[start:end] or "\u2009"  # an empty span (an insertion point) still shows
    return f"<pre>{_e(before)}<mark>{_e(marked)}</mark>{_e(after)}</pre>"


def _fix_html(d: Diagnostic) -> str:
    if d.fix is not None:
        app = d.fix.applicability
        label = {Applicability.SAFE: "fix", Applicability.UNSAFE: "unsafe fix",
                 Applicability.DISPLAY: "display-only fix"}.get(app, "fix")
        return f'<div class="fix {_e(app.value)}">{_e(label)}: {_e(d.fix.title)}</div>'
    if d.suggestions:
        return f'<div class="fix unsafe">did you mean: {_e(", ".join(d.suggestions[:5]))}?</div>'
    return ""


def _chart(counts: list[tuple[str, str, int, Severity]]) -> str:
    """Findings per rule as a horizontal bar chart in inline SVG."""
    if not counts:
        return "<p>No findings.</p>"
    bar_h, gap, label_w, width = 20, 6, 230, 760
    top = max(n for _, _, n, _ in counts)
    height = len(counts) * (bar_h + gap) + gap
    colors = {Severity.ERROR: "#b42318", Severity.WARNING: "#b54708", Severity.INFO: "#175cd3"}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" aria-label="Findings per rule">']
    span = width - label_w - 70
    for i, (code, name, n, sev) in enumerate(counts):
        y = gap + i * (bar_h + gap)
        w = max(2, round(span * n / top))
        parts.append(f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{_e(code)} {_e(name)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" rx="3" '
                     f'fill="{colors.get(sev, "#667085")}"><title>{_e(code)}: {n}</title></rect>'
                     f'<text x="{label_w + w + 6}" y="{y + 14}">{n:,}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(results: Sequence[FileResult], ctx: ReportContext) -> str:
    """The whole page as one string."""
    return "".join(_html_parts(results, ctx))


def _html_parts(results: Sequence[FileResult], ctx: ReportContext) -> Iterator[str]:
    """The page in pieces, a source's findings at a time at most. The totals are counted in
    one pass over the findings, never held as a list: a long file's findings are made as
    they are read (newslint.transport.PackedDiagnostics)."""
    errors = [e for r in results for e in r.errors]
    by_rule: Counter[str] = Counter()
    sev_of: dict[str, Severity] = {}
    name_of: dict[str, str] = {}
    per_rule_sev: Counter[tuple[str, Severity]] = Counter()
    fixable: Counter[str] = Counter()
    by_sev: Counter[Severity] = Counter()
    total = 0
    for r in results:
        for d in r.diagnostics:
            total += 1
            by_rule[d.code] += 1
            by_sev[d.severity] += 1
            sev_of.setdefault(d.code, d.severity)
            name_of.setdefault(d.code, d.name)
            per_rule_sev[(d.code, d.severity)] += 1
            if d.fix is not None and d.fix.applicability is not Applicability.DISPLAY:
                fixable[d.code] += 1
    rules_sorted = sorted(by_rule, key=lambda c: (-by_rule[c], c))
    sources = [r for r in results if r.diagnostics]
    records = any(r.record is not None for r in results)
    kind = "record" if records else "file"

    out: list[str] = []
    w = out.append
    w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      f"<title>newslint report: {_e(_plural(total, 'finding'))}</title>\n<style>{CSS}</style>\n</head>\n<body>\n")
    w(f"<header><h1>newslint report</h1><p>{_e(_plural(total, 'finding'))} in "
      f"{_e(_plural(len(sources), kind))}"
      + (f" · {_e(_plural(len(errors), 'error'))}" if errors else "")
      + (f" · newslint {_e(ctx.version)}" if ctx.version else "") + "</p></header>\n<main>\n")

    # Totals
    w('<section id="totals"><h2>Totals</h2><div class="cards">')
    w(f'<div class="card"><b>{total:,}</b>findings</div>')
    for sev in SEVERITIES:
        w(f'<div class="card {sev.value}"><b>{by_sev.get(sev, 0):,}</b>{sev.value}</div>')
    w(f'<div class="card"><b>{len(sources):,}</b>{kind}{"s" * (len(sources) != 1)} with findings</div>')
    if errors:
        w(f'<div class="card error"><b>{len(errors):,}</b>errors</div>')
    w("</div>")
    if rules_sorted:
        w('<table><thead><tr><th>rule</th><th>name</th>'
          + "".join(f'<th class="n">{s.value}</th>' for s in SEVERITIES)
          + '<th class="n">total</th><th class="n">with a fix</th></tr></thead><tbody>')
        for code in rules_sorted:
            w(f"<tr><td><code>{_e(code)}</code></td><td>{_e(name_of[code])}</td>"
              + "".join(f'<td class="n">{per_rule_sev.get((code, s), 0) or ""}</td>' for s in SEVERITIES)
              + f'<td class="n">{by_rule[code]:,}</td><td class="n">{fixable.get(code, 0):,}</td></tr>')
        w("</tbody></table>")
    w("</section>\n")

    # Chart
    w('<section id="chart"><h2>Findings per rule</h2>')
    w(_chart([(c, name_of[c], by_rule[c], sev_of[c]) for c in rules_sorted]))
    w("</section>\n")

    # Most findings
    if sources:
        top = sorted(range(len(sources)), key=lambda i: (-len(sources[i].diagnostics), i))[:TOP_SOURCES]
        w(f'<section id="top"><h2>{kind.capitalize()}s with the most findings</h2><table><thead><tr>'
          f'<th>{kind}</th><th class="n">findings</th><th>rules</th></tr></thead><tbody>')
        for i in top:
            r = sources[i]
            codes = Counter(d.code for d in r.diagnostics)
            w(f'<tr><td><a href="#s{i}">{_e(_source_id(r))}</a></td><td class="n">{len(r.diagnostics):,}</td>'
              f'<td>{_e(", ".join(f"{c} ×{n}" if n > 1 else c for c, n in codes.most_common()))}</td></tr>')
        w("</tbody></table></section>\n")

    # Errors
    if errors:
        w('<section id="errors"><h2>Errors</h2><ul class="errors">')
        for e in errors:
            w(f"<li><code>{_e(e)}</code></li>")
        w("</ul></section>\n")

    # Findings
    w('<section id="findings"><h2>Findings (<span id="shown">' + f"{total:,}" + "</span> shown)</h2>")
    if rules_sorted:
        w('<div class="filters"><span>Rules:</span>')
        for code in rules_sorted:
            w(f'<label><input type="checkbox" data-filter="rule" value="{_e(code)}" checked> '
              f"<code>{_e(code)}</code> {_e(name_of[code])} ({by_rule[code]:,})</label>")
        w('<button type="button" id="all">all</button><button type="button" id="none">none</button></div>')
        w('<div class="filters"><span>Severity:</span>')
        for sev in SEVERITIES:
            w(f'<label><input type="checkbox" data-filter="severity" value="{sev.value}" checked> {sev.value}</label>')
        w("</div>")
    for i, r in enumerate(sources):
        lines = _source_lines(r)
        w(f'<div class="source" id="s{i}"><h3>{_e(_source_id(r))}</h3>')
        for d in r.diagnostics:
            if len(out) >= PIECES:
                yield "".join(out)
                out.clear()
            sev = d.severity.value
            w(f'<div class="finding {_e(sev)}" data-rule="{_e(d.code)}" data-severity="{_e(sev)}">'
              f'<span class="sev {_e(sev)}">{_e(sev)}</span> <code>{_e(d.code)}</code> {_e(d.message)} '
              f'<span class="where">{_e(d.name)} · {_e(d.where)}:{d.location.row}:{d.location.column}</span>'
              f"{_excerpt(lines, d)}{_fix_html(d)}</div>")
        w("</div>")
    if not total:
        w("<p>All checks passed!</p>")
    w("</section>\n</main>\n")
    w(f"<script>{SCRIPT}</script>\n</body>\n</html>\n")
    yield "".join(out)


PIECES = 3000  # pieces of the page joined and written at a time


def write_html(results: Sequence[FileResult], stream: TextIO, ctx: ReportContext) -> None:
    """One self-contained HTML page (no network needed to open it)."""
    for part in _html_parts(results, ctx):
        stream.write(part)
