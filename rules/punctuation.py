"""Punctuation: doubled marks ("said..", ",,"), dash styles, ellipsis styles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import regex

from newslint import patterns
from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl
from newslint.quotations import before_sic, within_quotation

# A mark typed twice: exactly two dots (an ellipsis has three), ",," ";;", exactly "!!" or
# "??" (longer runs are deliberate emphasis), "::" outside code, or a comma typed together
# with a period or semicolon.
DOUBLED = patterns.compile(
    r"""
      (?<![.…])(?P<dot>\.\.)(?![.…])
    | (?P<same>,{2,}|;{2,})
    | (?<![!?\s])(?P<bang>!!|\?\?)(?![!?])
    | (?<!:)(?P<colon>::)(?=\s)
    | (?P<mixed>,\.(?![.\d])|(?<!\.)\.,|;,|,;)
    """,
    regex.VERBOSE,
)
# Where DOUBLED may match: a cheap scan, so the full pattern runs only at these places.
DOUBLED_CANDIDATE = patterns.compile(r"\.\.|,,|;;|!!|\?\?|::|,\.|\.,|;,|,;")
# The same pairs, one scan per first mark: the standard library's engine runs fast to a
# literal first character, but tries an alternation of ten pairs at every character. Each
# scan gives every place its pairs start (the second mark only looked at), overlapping
# ones too; :func:`_candidates` keeps them as the one pattern's scan would.
PAIRS = ("..", ",,", ";;", "!!", "??", "::", ",.", ".,", ";,", ",;")  # DOUBLED_CANDIDATE's
PAIR_FIRSTS = "".join(sorted({p[0] for p in PAIRS}))  # each scan's first mark, in the scans' order
PAIR_SCANS = tuple(
    re.compile(re.escape(first) + "(?=[" + re.escape("".join(sorted({p[1] for p in PAIRS if p[0] == first}))) + "])")
    for first in PAIR_FIRSTS
)
# The word before ".,": an abbreviation may take a comma ("U.S.,", "Inc.,", "Calif.,", "etc.,").
WORD_BEFORE = patterns.compile(r"(?:\p{L}\.)*[\p{L}\p{N}]+$")
LOWER_ABBREVIATIONS = frozenset(
    "etc approx incl esp vs cf viz al ibid ca misc dept govt est no nos vol pp ed eds am pm "
    "jr sr st ft yr yrs mo mos min max oz lb lbs pt pts fig figs ch sec".split()
)
URL_TOKEN = patterns.compile(r"(?:://|www\.|\\|/)\S*$")


def doubled_punctuation(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags a punctuation mark typed twice, such as `said..`, `,,`, `;;` or `!!`, and a
    comma typed together with a period (`said,.`).

    ## Why is this bad?
    A doubled mark is a keyboard slip or an editing leftover; readers spot it at once and
    the story looks unedited. Ellipses (`...`, `…`, `. . .`), an abbreviation followed by
    a comma (`U.S.,`, `Washington, D.C., said`), decimals, web addresses and file paths
    are left alone, and so is a mark right before `[sic]`. Runs of three or more `!` or
    `?` are deliberate emphasis rather than a slip, and are not reported here; neither is
    `!!` or `??` inside a direct quotation (the speaker's emphasis).

    ## Example
    ```text
    Russia struck Sumy overnight, killing two people, the regional administration said..
    ```

    ## Use instead
    ```text
    Russia struck Sumy overnight, killing two people, the regional administration said.
    ```

    ## Fix safety
    Removing the extra copy of a doubled mark is safe, except inside a direct quotation
    (the speaker's words are theirs), where it is unsafe. When two different marks meet
    (`,.`), which one the writer meant is a guess, so that fix is unsafe.
    """
    text = doc.text
    last = 0
    for c in _candidates(text):
        if c < last:
            continue
        m = DOUBLED.match(text, c, c + 64)  # an end keeps the match O(1)
        if m is None:
            continue
        start, end = m.span()
        last = end
        pair = m.group()
        if before_sic(doc, Span(start, end)):
            continue
        if m["dot"] or m["colon"]:
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before.isdigit() and after.isdigit():
                continue  # a range: 1..10
            if after in "/\\" or before in "/\\":
                continue  # a path: ../data
            window = max(0, start - 200)
            token_start = max(text.rfind(" ", window, start), text.rfind("\n", window, start), window - 1) + 1
            if URL_TOKEN.search(text, token_start, start):
                continue  # inside a web address or a path
        if m["mixed"]:
            if pair == ".," and _abbreviation_before(text, start):
                continue  # "Washington, D.C., said" / "Acme Inc., which"
            yield _mixed(text, start, end, pair)
            continue
        quoted = within_quotation(doc, Span(start, end))
        if quoted and pair in ("!!", "??"):
            continue  # "Thanks KLOOK!!": the speaker's emphasis, not a slip
        # Inside a quotation the fix is unsafe: the words and marks are the speaker's.
        fix = Fix(f'Remove the extra "{pair[0]}"', (Edit(Span(start + 1, end), ""),),
                  Applicability.UNSAFE if quoted else Applicability.SAFE)
        yield Finding(Span(start, end), f'Doubled punctuation "{pair}"', fix)


def _candidates(text: str) -> list[int]:
    """Where DOUBLED_CANDIDATE.finditer(text) matches: every place a pair starts, left to
    right, each match ending before the next begins. Every pair is two characters, so the
    scan takes, left to right, each place a pair starts that the pair before does not
    cover; :data:`PAIR_SCANS` give the places (half the time of the one pattern in the
    standard library's engine on the seed story, a third of ten str.find loops). A scan
    runs only where its first mark is in the text: that look is a memchr in C, the scan
    a step of the engine per character (most stories have no "!", ";" or "?"; seed: 369K ->
    217K instructions)."""
    starts = [m.start() for first, scan in zip(PAIR_FIRSTS, PAIR_SCANS) if first in text for m in scan.finditer(text)]
    starts.sort()
    out: list[int] = []
    end = 0  # where the last pair kept ends
    for s in starts:
        if s >= end:
            out.append(s)
            end = s + 2
    return out


def _abbreviation_before(text: str, start: int) -> bool:
    w = WORD_BEFORE.search(text, max(0, start - 20), start)
    if w is None:
        return False
    word = w.group()
    if "." in word or len(word) == 1:
        return True  # U.S., D.C., initials
    if word.isupper() or word.lower() in LOWER_ABBREVIATIONS:
        return True  # LLC., Jan., etc.
    return word[0].isupper() and len(word) <= 5  # Calif., Corp., Mass., Bros.


def _mixed(text: str, start: int, end: int, pair: str) -> Finding:
    after = text[end : end + 3].lstrip(" \"'”’)")
    sentence_end = not after or after[0].isupper() or after[0] == "\n"
    keep = "." if ("." in pair and sentence_end) else ("," if "," in pair else ";")
    if ";" in pair and "," in pair:
        keep = ";"
    fix = Fix(f'Keep only "{keep}"', (Edit(Span(start, end), keep),), Applicability.UNSAFE)
    return Finding(Span(start, end), f'Doubled punctuation "{pair}"', fix)


# -- dashes ------------------------------------------------------------------------------
# Where a dash may be: a spaced hyphen or en dash, a run of hyphens, an em dash.
DASH = patterns.compile(r"[ \u00a0][-–][ \u00a0]|-{2,}|—")
SPACES = " \u00a0"
DASH_PARTS = ("—", "--", " -", " –", "\u00a0-", "\u00a0–")  # what every match of DASH holds
SENTENCE_BREAK = patterns.compile(r"[.!?][\"”’]?\s")
DASH_STYLES = ("any", "em-spaced", "em-closed", "en-spaced")
STYLE_TEXT = {"em-spaced": " — ", "em-closed": "—", "en-spaced": " – ", "double-hyphen": " -- ",
              "spaced-hyphen": " - "}


def _dashes(text: str) -> Iterator[tuple[int, int, str]]:
    """Each dash used as one: its span (spaces included) and style."""
    n = len(text)
    for m in DASH.finditer(text):
        s, e = m.span()
        g = m.group()
        if g[0] in SPACES:  # " - " or " – "
            left = text[s - 1] if s else "\n"
            right = text[e] if e < n else "\n"
            if left.isspace() or right.isspace() or "-" in (left, right):
                continue  # a list bullet, or part of a longer run
            if g[1] == "–":
                yield s, e, "en-spaced"
            elif not (left.isdigit() and right.isdigit()):  # not a range or a score: 1990 - 95
                yield s, e, "spaced-hyphen"
            continue
        if g[0] == "-" and len(g) > 3:
            continue  # a rule line: -----
        ls = s - 1 if s and text[s - 1] in SPACES else s
        re_ = e + 1 if e < n and text[e] in SPACES else e
        left = text[ls - 1] if ls else "\n"
        right = text[re_] if re_ < n else "\n"
        if left.isspace() or right.isspace():
            continue  # at a line's start or end: a bullet or an interruption
        if g[0] == "-" and (left in "<!-" or right in ">-"):
            continue  # an HTML comment: <!-- -->
        spaced = (ls < s, re_ > e)
        if spaced[0] != spaced[1]:
            continue  # "Bank --Standing": spaced on one side only, unclear
        if g == "—":
            yield ls, re_, "em-spaced" if spaced[0] else "em-closed"
        else:
            yield ls, re_, "double-hyphen"


def dash_style(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags a spaced hyphen used as a dash (`relations - or even breaking them off - would`)
    and, when a story mixes dash styles (`—`, ` — `, ` – `, `--`), the style it uses least.

    ## Why is this bad?
    A hyphen joins words; a dash separates them. A hyphen standing in for a dash looks
    like a typing shortcut in typeset copy, and a story that switches between dash styles
    looks pasted together. Number ranges (`1990-95`), compound words, list bullets and
    minus signs are not dashes and are left alone. Copy typed on a plain keyboard (mostly
    straight quotes, no true dashes) may use ` - ` or `--` as its one dash style; only a
    mix is reported there.

    ## Example
    ```text
    A downgrading of relations - or even breaking them off - would mark a new low, “a step back to the Cold War,” one diplomat said.
    ```

    ## Use instead
    ```text
    A downgrading of relations — or even breaking them off — would mark a new low, “a step back to the Cold War,” one diplomat said.
    ```

    ## Options
    `style`: `"any"` (default) reports hyphens used as dashes in typeset copy and the
    minority style in a mix; `"em-spaced"` (` — `, AP), `"em-closed"` (`—`, Chicago) or
    `"en-spaced"` (` – `, many British papers) reports every dash written otherwise.

    `renderer-converts`: `true` (default) says that the site's Markdown renderer turns
    `--` and `---` into dashes when it builds the page, as kramdown (Jekyll), Hugo's
    typographer and SmartyPants do; in Markdown files they are then dashes, never stand-ins
    or a style of their own. Set it to `false` for a renderer that prints them as typed.
    Plain text and HTML are checked as written either way.

    ## Fix safety
    The fix writes the house dash (or the story's usual one). It is safe with a
    configured `style` and unsafe under `"any"`, where the choice of dash is a guess.
    """
    style = str(options.get("style", "any"))
    text = doc.text
    if not any(d in text for d in DASH_PARTS):
        return  # nothing DASH could match
    found = list(_dashes(text))
    if doc.format_name == "markdown" and options.get("renderer-converts", True):
        # The renderer prints "--" and "---" as dashes: what the reader sees is typeset.
        found = [d for d in found if d[2] != "double-hyphen"]
    if not found:
        return
    flagged: list[tuple[int, int, str, str]] = []  # start, end, style, why
    if style != "any":
        target = style
        flagged = [(s, e, k, "house") for s, e, k in found if k != style]
        safe = True
    else:
        curly = sum(text.count(c) for c in "“”‘’")
        straight = text.count('"') + text.count("'")
        typeset = curly > straight or any(k.startswith(("em", "en")) for _, _, k in found)
        stand_ins = ("spaced-hyphen", "double-hyphen") if typeset else ()
        counts = Counter(k for _, _, k in found if k not in stand_ins)
        order = {k: i for i, (_, _, k) in reversed(list(enumerate(found)))}
        target = max(counts, key=lambda k: (counts[k], -order[k])) if counts else "em-spaced"
        for s, e, k in found:
            if k in stand_ins:
                flagged.append((s, e, k, "stand-in"))
            elif len(counts) > 1 and k != target:
                flagged.append((s, e, k, "minority"))
        safe = False
    yield from _dash_findings(text, flagged, target, safe)


def _dash_findings(text: str, flagged: list[tuple[int, int, str, str]], target: str,
                   safe: bool) -> Iterator[Finding]:
    new = STYLE_TEXT.get(target, " — ")
    how = Applicability.SAFE if safe else Applicability.UNSAFE
    i = 0
    while i < len(flagged):
        s, e, kind, why = flagged[i]
        group = [Span(s, e)]
        # A pair of dashes around an aside in one sentence is one finding.
        if i + 1 < len(flagged) and flagged[i + 1][2:] == (kind, why):
            nxt = Span(*flagged[i + 1][:2])
            between = text[e : nxt.start] if nxt.start - e < 200 else "\n"
            if "\n" not in between and not SENTENCE_BREAK.search(between):
                group.append(nxt)
                i += 1
        i += 1
        span = Span(_mark_start(text, group[0]), _mark_end(text, group[-1]))
        two = len(group) > 1
        if why == "stand-in":
            if kind == "spaced-hyphen":
                message = "Hyphens used as dashes" if two else "Hyphen used as a dash"
            else:
                message = '"--" used as dashes' if two else '"--" used as a dash'
        elif why == "minority":
            message = f'Dash "{STYLE_TEXT[kind]}" where the story mostly uses "{new}"'
        else:
            message = f'Dash "{STYLE_TEXT[kind]}" where the house style is "{new}"'
        edits = tuple(Edit(g, new) for g in group)
        title = f'Use "{new.strip()}"' + (" with spaces" if new.startswith(" ") else "") + (", twice" if two else "")
        yield Finding(span, message, Fix(title, edits, how))


def _mark_start(text: str, span: Span) -> int:
    start = span.start
    while start < span.end - 1 and text[start] in SPACES:
        start += 1
    return start


def _mark_end(text: str, span: Span) -> int:
    end = span.end
    while end > span.start + 1 and text[end - 1] in SPACES:
        end -= 1
    return end


# -- ellipses ----------------------------------------------------------------------------
ELLIPSIS = patterns.compile(r"(?<![./])(?:\.\.\.+|\.(?: \.){2,}|…)")


def ellipsis_style(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags the ellipsis style a story uses least: three periods (`...`) beside the single
    character (`…`), or an ellipsis closed up to the word before it (`trick... there`)
    beside spaced ones (`assumption ... that`).

    ## Why is this bad?
    Consistency: a story that switches ellipsis styles looks pasted together from
    different sources. Whichever style the story uses most is taken as its style; on a
    tie, the first one used.

    ## Example
    ```text
    “There is a strong assumption ... that these missiles cannot be guided,” he said. “It is not a trick... there will be consequences.”
    ```

    ## Use instead
    ```text
    “There is a strong assumption ... that these missiles cannot be guided,” he said. “It is not a trick ... there will be consequences.”
    ```

    ## Fix safety
    The fix rewrites the ellipsis in the story's usual style and is safe.
    """
    text = doc.text
    if not ("..." in text or ". ." in text or "…" in text):
        return  # no ellipsis
    items: list[tuple[int, int, str, str | None]] = []
    for m in ELLIPSIS.finditer(text):
        g = m.group()
        form = "…" if g == "…" else (". . ." if " " in g else "...")
        before = text[m.start() - 1] if m.start() else "\n"
        if before in " \u00a0":
            spacing: str | None = "spaced"
        elif before.isalnum() or before in ",;:!?)”’\"'":
            spacing = "closed"
        else:
            spacing = None  # after a bracket or at a line start: no evidence
        items.append((m.start(), m.end(), form, spacing))
    if len(items) < 2:
        return
    forms = Counter(f for _, _, f, _ in items)
    spacings = Counter(s for _, _, _, s in items if s)
    main_form = _majority(forms, [f for _, _, f, _ in items])
    main_spacing = _majority(spacings, [s for _, _, _, s in items if s])
    for start, end, form, spacing in items:
        odd_form = len(forms) > 1 and form != main_form
        odd_spacing = spacing is not None and len(spacings) > 1 and spacing != main_spacing
        if not (odd_form or odd_spacing):
            continue
        new_form = main_form if odd_form else form
        extra = text[start:end][3:] if form == "..." else ""  # "...." keeps its period
        new = new_form + extra
        edit_start = start
        if odd_spacing and main_spacing == "closed":
            while edit_start > 0 and text[edit_start - 1] in " \u00a0":
                edit_start -= 1
        elif odd_spacing and main_spacing == "spaced":
            new = " " + new
        parts = []
        if odd_form:
            parts.append(f'"{form}" where the story mostly uses "{main_form}"')
        if odd_spacing:
            parts.append(f"{'spaced' if spacing == 'spaced' else 'closed up'} where the story's ellipses are "
                         f"{'closed up' if main_spacing == 'closed' else 'spaced'}")
        fix = Fix(f'Write "{new.strip()}"' + (" with a space before" if new.startswith(" ") else ""),
                  (Edit(Span(edit_start, end), new),))
        yield Finding(Span(start, end), "Ellipsis " + ", ".join(parts), fix)


def _majority(counts: Counter[str], in_order: list[Any]) -> str | None:
    if not counts:
        return None
    first = {k: i for i, k in reversed(list(enumerate(in_order)))}
    return max(counts, key=lambda k: (counts[k], -first[k]))


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("PUN001", "doubled-punctuation", Severity.ERROR, doubled_punctuation, fixable="sometimes"))
    register(Rule("PUN002", "dash-style", Severity.INFO, dash_style, default=False,
                  options={"style": "any", "renderer-converts": True},
                  choices={"style": DASH_STYLES}, fixable="sometimes", language="en"))
    register(Rule("PUN003", "ellipsis-style", Severity.INFO, ellipsis_style, default=False, fixable="safe"))
