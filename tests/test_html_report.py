"""``--output-format html``: one self-contained, valid page that renders in a real browser."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CHROMIUM = Path("/usr/bin/chromium")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

HOSTILE = ('<script>alert("x")</script> The mayor said.. & then "left" \'quickly\' <b>bold</b>\n'
           "It rained,, they said </pre></mark>.\n")


class Structure(HTMLParser):
    """Balanced tags, unique ids, what the page points at, and the elements of interest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: Counter[str] = Counter()
        self.external: list[str] = []
        self.findings: list[dict[str, str]] = []
        self.rule_boxes: list[str] = []
        self.rects = 0
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "id" in a:
            self.ids[a["id"] or ""] += 1
        for key in ("src", "href", "action", "data"):
            value = a.get(key) or ""
            if key in a and not value.startswith("#"):
                self.external.append(f"{tag} {key}={value}")
        if tag == "link":
            self.external.append("link")
        if tag == "script":
            self.scripts += 1
        if tag == "rect":
            self.rects += 1
        if tag == "div" and "finding" in (a.get("class") or "").split():
            self.findings.append({"rule": a.get("data-rule") or "", "severity": a.get("data-severity") or ""})
        if tag == "input" and a.get("data-filter") == "rule":
            self.rule_boxes.append(a.get("value") or "")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()


def parse(page: str) -> Structure:
    s = Structure()
    s.feed(page)
    s.close()
    return s


def validate(page: str) -> Structure:
    """html5lib in strict mode (parses as browsers do; raises on any parse error) and a
    tag-balance check of our own."""
    html5lib = pytest.importorskip("html5lib")
    html5lib.HTMLParser(strict=True).parse(page)
    s = parse(page)
    assert s.errors == [] and s.stack == [], (s.errors, s.stack)
    assert [i for i, n in s.ids.items() if n > 1] == []
    assert s.external == [], "the page must need no network"
    assert page.startswith("<!DOCTYPE html>")
    return s


def html_and_json(newslint, *args, cwd):
    page = newslint("check", "--output-format", "html", "--no-cache", *args, cwd=cwd)
    data = newslint("check", "--output-format", "json", "--no-cache", *args, cwd=cwd)
    return page, json.loads(data.stdout)


def test_report_of_the_examples(newslint, tmp_path):
    page, found = html_and_json(newslint, str(EXAMPLES), cwd=tmp_path)
    assert page.returncode == 1
    s = validate(page.stdout)
    by_rule = Counter(f["code"] for f in found)
    # every finding, with its rule and severity, filterable by rule
    assert Counter(f["rule"] for f in s.findings) == by_rule
    assert sorted(s.rule_boxes) == sorted(by_rule)
    assert s.rects == len(by_rule)  # one bar a rule
    assert s.scripts == 1
    text = page.stdout
    for code, n in by_rule.items():  # totals per rule, in the table and the chart
        assert re.search(rf"<td><code>{code}</code></td>.*?<td class=\"n\">{n}</td>", text)
        assert f"<title>{code}: {n}</title>" in text
    for sev in ("error", "warning", "info"):
        n = sum(1 for f in found if f["severity"] == sev)
        assert f'<div class="card {sev}"><b>{n}</b>{sev}</div>' in text
    # the source excerpt with the finding marked, and the fix
    assert "budget<mark>,,</mark> ending" in text
    assert "fix: Remove the extra &quot;,&quot;" in text
    assert 'href="#s1">' in text and "examples/harbor-fire.txt" in text


def test_everything_from_a_story_is_escaped(newslint, tmp_path):
    (tmp_path / "a<b>.txt").write_text(HOSTILE, encoding="utf-8")
    page = newslint("check", "--output-format", "html", "--select", "PUN001", "a<b>.txt", cwd=tmp_path)
    assert page.returncode == 1
    s = validate(page.stdout)
    assert s.scripts == 1  # only ours
    assert "alert(" not in page.stdout.split("<script>")[0].replace("&lt;script&gt;alert(", "")
    assert "a&lt;b&gt;.txt" in page.stdout and "<b>.txt" not in page.stdout
    assert "&lt;/pre&gt;&lt;/mark&gt;" in page.stdout
    assert len(s.findings) == 2


def test_records_report_names_records_and_ranks_them(newslint, tmp_path):
    rows = [{"id": "clean", "body": "Fine."}, {"id": "one", "body": "The mayor said.."},
            {"id": "three", "body": "It rained,, and the the mayor said.. too."}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    page = newslint("check", "--output-format", "html", "--text-field", "body", "--id-field", "id", "a.jsonl",
                    cwd=tmp_path)
    validate(page.stdout)
    top = page.stdout.split('id="top"')[1].split("</section>")[0]
    assert "Records with the most findings" in top
    assert top.index("a.jsonl[three]") < top.index("a.jsonl[one]") and "a.jsonl[clean]" not in top


def test_a_clean_run_is_a_valid_page(newslint, tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Tuesday.\n")
    page = newslint("check", "--output-format", "html", "a.txt", cwd=tmp_path)
    assert page.returncode == 0
    s = validate(page.stdout)
    assert s.findings == [] and "All checks passed!" in page.stdout


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--no-first-run", *args],
                          capture_output=True, text=True, timeout=180)


@pytest.mark.skipif(not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None,
                    reason="needs Debian's chromium (apt-get install chromium)")
def test_renders_in_headless_chromium(newslint, tmp_path):
    page = newslint("check", "--output-format", "html", str(EXAMPLES), cwd=tmp_path)
    report = tmp_path / "report.html"
    report.write_text(page.stdout, encoding="utf-8")
    shot = tmp_path / "report.png"
    run = _chromium(f"--screenshot={shot}", "--window-size=1280,2000", report.as_uri())
    assert shot.exists(), run.stderr
    assert _png_size(shot) == (1280, 2000)
    # The filter runs in the browser: #rules=PUN001 leaves only PUN001's findings shown.
    dom = _chromium("--dump-dom", "--virtual-time-budget=2000", report.as_uri() + "#rules=PUN001").stdout
    s = parse(dom)
    shown = re.findall(r'<div class="finding (\w+)( hidden)?" data-rule="(\w+)"', dom)
    assert shown and {rule for _, hidden, rule in shown if not hidden} == {"PUN001"}
    assert len([1 for _, hidden, _ in shown if hidden]) == len(s.findings) - 3
    assert '<span id="shown">3</span>' in dom
