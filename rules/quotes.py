"""Quotation marks: straight and curly styles mixed, quotes that do not pair up."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import filterfalse, repeat
from operator import attrgetter, itemgetter
from typing import Any

import regex

from newslint import patterns
from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl
from newslint.quotations import QuoteMark, marks_by_class, paired_roles, problems

STYLES = ("any", "straight", "curly")
# Typographic punctuation that only typeset copy has: a tie-breaker between quote styles.
TYPESET = patterns.compile(r"[—–…]")


def _typeset(text: str) -> bool:
    """``TYPESET.search(text) is not None``: three ``in`` tests run through a story several
    times faster than the pattern's scan."""
    return "—" in text or "–" in text or "…" in text


_CURLY = attrgetter("curly")  # counted in C: sum(map(_CURLY, marks))
_OFFSET = itemgetter(0)  # a QuoteMark's offset
_DOUBLE = attrgetter("double")
_ROLE = attrgetter("role")


def _all_apostrophes(marks: list[QuoteMark]) -> bool:
    """``all(m.role == "apostrophe" for m in marks)`` for marks (some), the roles read in C."""
    return set(map(_ROLE, marks)) == {"apostrophe"}


def _flagged_style(marks: Sequence[QuoteMark], other: Sequence[QuoteMark], style: str, typeset: bool) -> bool | None:
    """Which style to flag in one class of marks: True = curly, False = straight, None = none.

    Under ``any`` the minority is flagged; on a tie, the majority of the other class
    (double quotes vs apostrophes) decides, and failing that the rest of the story's
    typography: with dashes or ellipsis characters it is typeset (curly), else typed (straight).
    """
    if style == "straight":
        return True
    if style == "curly":
        return False
    curly = sum(map(_CURLY, marks))
    straight = len(marks) - curly
    if not curly or not straight:
        return None
    if curly != straight:
        return curly < straight
    o_curly = sum(map(_CURLY, other))
    o_straight = len(other) - o_curly
    if o_curly != o_straight:
        return o_curly < o_straight
    return not typeset


def _may_mix(text: str, style: str) -> bool:
    """Whether any mark can be off the style: under ``any``, straight and curly marks of one
    class (double quotes, or single quotes and apostrophes) must both be in the text."""
    straight_double = '"' in text
    straight_single = "'" in text
    curly_double = "“" in text or "”" in text or "„" in text
    curly_single = "‘" in text or "’" in text
    if style == "straight":
        return curly_double or curly_single
    if style == "curly":
        return straight_double or straight_single
    return straight_double and curly_double or straight_single and curly_single


# A mark written in the other style, by its class (double or not), its role and the style it
# goes to (curly or not); None where its role does not say which curly mark it is.
_CONVERTED: dict[tuple[bool, str, bool], str | None] = {}
for _role in ("open", "close", "apostrophe", "unknown"):
    _CONVERTED[True, _role, False] = '"'
    _CONVERTED[False, _role, False] = "'"
    _CONVERTED[True, _role, True] = {"open": "“", "close": "”"}.get(_role)
    _CONVERTED[False, _role, True] = "‘" if _role == "open" else "’" if _role in ("close", "apostrophe") else None
del _role


def _convert(m: QuoteMark, role: str, to_curly: bool) -> str | None:
    return _CONVERTED[m.double, role, to_curly]


def mixed_quotes(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags straight quotation marks (`"`, `'`) in a story that otherwise uses curly ones
    (`“ ”`, `’`), or the other way round. Double quotes and apostrophes are counted apart,
    and the style each uses less is reported once per story: at its first paragraph,
    naming the lines of the others (`in 4 paragraphs (lines 3, 9, 12, 20)`), with one fix
    for them all. Primes in measurements (`6'2"`) are not quotation marks.

    ## Why is this bad?
    Mixed quote styles show that copy was pasted together from different sources or
    edited with different tools; on the page the quotes look uneven, and search and
    replace misses half of them.

    ## Example
    ```text
    “We will rebuild,” the mayor said. "The bridge reopens in May," she added. “Then the schools.”
    ```

    ## Use instead
    ```text
    “We will rebuild,” the mayor said. “The bridge reopens in May,” she added. “Then the schools.”
    ```

    ## Options
    `style`: `"any"` (default) reports the minority style in each story; `"straight"` or
    `"curly"` reports every mark off that house style.

    `renderer-converts`: `true` (default) says that the site's Markdown renderer curls
    straight quotes when it builds the page, as kramdown (Jekyll), Hugo's typographer and
    SmartyPants do; readers then never see a straight mark, so Markdown files draw no
    finding. Set it to `false` for a renderer that prints quotes as typed. Plain text and
    HTML are checked as written either way.

    ## Fix safety
    The fix replaces every flagged mark of the story (opening and closing marks paired
    as the quotations read). It is safe where the direction of each mark is clear, and
    unsafe when the direction of a lone mark had to be guessed.
    """
    style = str(options.get("style", "any"))
    if doc.format_name == "markdown" and options.get("renderer-converts", True):
        return  # the site curls every straight mark: readers see one style
    if not _may_mix(doc.text, style):
        return
    doubles, singles = marks_by_class(doc)
    typeset = _typeset(doc.text)
    flag_double = _flagged_style(doubles, singles, style, typeset)
    flag_single = _flagged_style(singles, doubles, style, typeset)
    # The marks off the style, class by class, each in order (a double mark typed for an
    # apostrophe, Britain"s, is no quotation mark): one finding per class in the story, as
    # the mix is one decision for an editor (and one fix), however many paragraphs it runs through.
    groups = [[m for m in doubles if m.curly == flag_double and m.role != "apostrophe"] if flag_double is not None
              else [],
              [m for m in singles if m.curly == flag_single] if flag_single is not None else []]
    if not (groups[0] or groups[1]):
        return
    starts = [b.span.start for b in doc.paragraphs]
    for group in groups:
        if not group:
            continue
        # The first mark of each paragraph: the message names the lines of the first few
        # and counts them all (a line number costs a look-up in the source map).
        # (each mark's paragraph by bisection in C; the marks in reverse, so that each
        # paragraph keeps its first mark; paragraphs and marks run in the same order)
        offsets = list(map(_OFFSET, group))
        paras = map(bisect_right, repeat(starts, len(offsets)), offsets)
        firsts = sorted(dict(zip(reversed(list(paras)), reversed(offsets))).values())
        rows = [doc.text_position(offset).row for offset in firsts[:MAX_ROWS_SHOWN]]
        yield _finding(doc, group, paired_roles(doc), style, rows, len(firsts))


def _describe(marks: list[QuoteMark]) -> str:
    parts = []
    doubles = list(filter(_DOUBLE, marks))  # (in C)
    singles = list(filterfalse(_DOUBLE, marks))
    if doubles:
        how = "curly" if doubles[0].curly else "straight"
        shown = ("“…”" if doubles[0].curly else '"…"') if len(doubles) > 1 else doubles[0].char
        parts.append(f"{how} quotation mark{'s' if len(doubles) > 1 else ''} {shown}")
    if singles:
        how = "curly" if singles[0].curly else "straight"
        what = "apostrophe" if _all_apostrophes(singles) else "single quotation mark"
        count = f"{len(singles)} " if len(singles) > 1 else ""
        plural = "s" if len(singles) > 1 else ""
        parts.append(f"{count}{how} {what}{plural} {'’' if singles[0].curly else chr(39)}")
    text = " and ".join(parts)
    return text[0].upper() + text[1:]


MAX_ROWS_SHOWN = 6  # lines named in a mixed-quotes message


def _finding(doc: Document, bad: list[QuoteMark], roles: dict[int, str], style: str,
             rows: list[int] | None = None, paragraphs: int = 0) -> Finding:
    """One finding for the marks ``bad``; ``rows``: the lines of the first paragraphs
    that hold them (at most ``MAX_ROWS_SHOWN``), of ``paragraphs`` in all."""
    text = doc.text
    edits = []
    guessed = False
    make = tuple.__new__  # Span(...) without the keyword handling of its __new__
    for offset, _char, double, curly, role in bad:
        role = roles.get(offset, role)
        if role not in ("open", "close", "apostrophe"):
            guessed = True
            role = "close" if offset > 0 and not text[offset - 1].isspace() else "open"
        new = _CONVERTED[double, role, not curly]  # what _convert gives, without a call per mark
        if new is None:
            guessed = True
            continue
        edits.append(Edit(make(Span, (offset, offset + 1)), new))
    first, last = bad[0].offset, bad[-1].offset + 1
    newline = text.find("\n", first, last)
    span = Span(first, last if newline < 0 else first + 1)
    curly = all(map(_CURLY, bad))
    straight = not any(map(_CURLY, bad))
    want = "curly ones" if straight else "straight ones" if curly else "the other style"
    where = "where the story mostly uses" if style == "any" else "where the house style uses"
    message = f"{_describe(bad)} {where} {want}"
    if rows and paragraphs > 1:
        shown = ", ".join(map(str, rows[:MAX_ROWS_SHOWN])) + (", …" if paragraphs > MAX_ROWS_SHOWN else "")
        message += f" (in {paragraphs} paragraphs: lines {shown})"
    fix = None
    if edits:
        if not any(map(_DOUBLE, bad)) and _all_apostrophes(bad):
            title = ("Use a curly apostrophe ’" if straight else "Use a straight apostrophe") if len(bad) == 1 else (
                "Use curly apostrophes" if straight else "Use straight apostrophes")
        else:
            title = "Use curly quotes" if straight else "Use straight quotes" if curly else "Match the story's quote style"
        fix = Fix(title, tuple(edits), Applicability.UNSAFE if guessed else Applicability.SAFE)
    return Finding(span, message, fix)


def unbalanced_quotes(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags a double quotation mark that is opened and never closed, closed without being
    opened, or a pair whose marks do not match (opened straight `"`, closed curly `”`).

    ## Why is this bad?
    Readers cannot tell where the quoted words end, and a misattributed quote is a
    correction waiting to happen. News style lets a quotation that runs over several
    paragraphs open each paragraph and close only the last one; that is not flagged.
    Single quotes are not checked: they cannot be told apart from apostrophes reliably. A
    double quote inside a word (`Britain"s`, an apostrophe mistyped in wire copy) is
    reported too. Inch and foot marks are not quotation marks: `6'2"`, and a double mark
    right after a number (`70" TV`, `16” wheels`) that would otherwise leave a quote
    unpaired. A short line inside a quotation (`Advertisement`) does not interrupt it.

    ## Example
    ```text
    "We were not told about the closure, the union said on Monday.
    ```

    ## Use instead
    ```text
    "We were not told about the closure," the union said on Monday.
    ```
    """
    text = doc.text
    if not ('"' in text or "“" in text or "”" in text or "„" in text):
        return  # every problem involves a double quotation mark
    flagged: bool | None = None  # the story's minority style, worked out once when needed
    for p in problems(doc):  # (the double marks alone: the single ones only for a mismatched pair)
        if p.kind == "mismatched":
            first, second = p.marks
            message = (f"Quotation opened with {'a curly' if first.curly else 'a straight'} mark "
                       f"and closed with {'a curly' if second.curly else 'a straight'} one")
            # Make the pair agree with the story's usual style.
            if flagged is None:
                doubles, singles = marks_by_class(doc)
                flagged = bool(_flagged_style(doubles, singles, "any", _typeset(doc.text)))
            odd = first if flagged == first.curly else second
            role = "open" if odd is first else "close"
            new = _convert(odd, role, not odd.curly)
            fix = None
            if new is not None:
                other = "opening" if odd is second else "closing"
                kind = "straight" if new in "\"'" else "curly"
                which = "opening" if role == "open" else "closing"
                fix = Fix(f"Make the {which} mark {kind} ({new}) to match the {other} one",
                          (Edit(Span(odd.offset, odd.offset + 1), new),))
            yield Finding(p.span, message, fix)
        elif p.kind == "in-word":
            yield Finding(p.span, 'Double quotation mark inside a word (an apostrophe typed as \'"\'?)',
                          Fix("Use an apostrophe", (Edit(p.span, "'"),), Applicability.UNSAFE))
        elif p.kind == "unclosed":
            yield Finding(p.span, "Quotation mark opened but never closed")
        else:
            yield Finding(p.span, "Closing quotation mark with no opening one")


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("QUO001", "mixed-quotes", Severity.WARNING, mixed_quotes,
                  options={"style": "any", "renderer-converts": True},
                  choices={"style": STYLES}, fixable="sometimes", language="en"))
    # Safe for a mismatched pair (one mark changed to match the other), unsafe for a mark
    # inside a word, none for a mark with no partner.
    # English quotation conventions: other languages open with „ or « and close otherwise.
    register(Rule("QUO002", "unbalanced-quotes", Severity.WARNING, unbalanced_quotes, fixable="sometimes",
                  language="en"))
