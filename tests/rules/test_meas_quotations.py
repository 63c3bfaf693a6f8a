"""The quotation analysis tries inch marks by pairing again only the paragraphs a mark can
change: it must come to what pairing the whole story again for every mark comes to."""

from __future__ import annotations

import random

import pytest

from newslint import quotations as q
from newslint.document import Document


def _unpaired(problems):
    return sum(p.kind != "in-word" for p in problems)


def _whole_story_each_time(doc: Document):
    """The inch-mark trial as it was first written: the whole story paired again per mark."""
    marks = q.find_marks(doc)
    quotations, problems, roles = q._pair_doubles(doc, marks)
    if problems:
        text = doc.text
        tried = [m for m in marks if m.double and m.char in '"”' and m.offset > 0 and text[m.offset - 1].isdigit()]
        for m in tried[: q.MAX_INCH_TRIES]:
            fewer = tuple(x for x in marks if x is not m)
            trial = q._pair_doubles(doc, fewer)
            if _unpaired(trial[1]) < _unpaired(problems):
                marks, (quotations, problems, roles) = fewer, trial
                if not _unpaired(problems):
                    break
    return marks, quotations, sorted(problems, key=lambda p: p.span), roles


STORIES = [
    'The shop sold a 70" TV to "a fan, the owner said.\n\nShe added: "We sold 16" pizzas too."\n',
    '"The 55" set was cheap," he said.\n\nThe 16” wheels cost extra.\n\n"We won 3-0," the coach said.\n',
    '“It was 6" deep.\n\nAdvertisement\n\n“Then it rose to 9" by noon,” she said. A 70" TV and a 32" one.\n',
    'He said "the score was 2-1".\n\nThe 65" model "sold out.\n\n"Prices fell," he said of the 43" and 50" sets.\n',
    '"We were told 12" would do. "Not so," she said.\n\n\n"Another 8" fell, "and then 4" more."\n',
]


def _random_story(seed: int) -> str:
    rng = random.Random(seed)
    bits = ['"', "“", "”", " the council said", " a 70\" TV", " 16” wheels", " 3-0", ". ", " he said,", "\n\n",
            "Advertisement", " We will appeal", " 9\"", "'90s", " O'Brien", " won 2", "”", '"']
    return "".join(rng.choice(bits) for _ in range(rng.randint(20, 160))) + "\n"


@pytest.mark.parametrize("text", STORIES + [_random_story(n) for n in range(60)])
def test_inch_marks_tried_locally_as_if_the_story_were_paired_again(text):
    doc = Document.from_text(text)
    marks, quotations, problems, roles = _whole_story_each_time(doc)
    got = q.analyse(Document.from_text(text))
    assert got.marks == marks
    assert list(got.quotations) == quotations
    assert list(got.problems) == problems
    assert list(got.roles.items()) == list(roles.items())


def test_inch_mark_left_out_in_a_long_story():
    para = 'The {n}" screen sold well, the manager said.\n\n'
    text = "".join(para.format(n=40 + i) for i in range(30)) + '"We expect more," she said.\n'
    doc = Document.from_text(text)
    analysis = q.analyse(doc)
    assert not analysis.problems
    assert [doc.slice(s) for s in analysis.spans] == ['"We expect more,"']


def _grouped_block_by_block(doc: Document, marks):
    """Double marks per paragraph, every paragraph visited (two pointers)."""
    doubles = [m for m in marks if m.double and m.role != "apostrophe"]
    out = {}
    j = 0
    for i, b in enumerate(doc.paragraphs):
        while j < len(doubles) and doubles[j].offset < b.span.start:
            j += 1
        k = j
        while j < len(doubles) and doubles[j].offset < b.span.end:
            j += 1
        if j > k:
            out[i] = doubles[k:j]
    return out


TEXT = '"We will stay," she said.\n\nNo quotes here.\n\n“Not yet,” he said. "Then when?"\n\nA 70" TV.\n'
BLOCKS = [
    None,  # the paragraphs of plain text
    ((0, 25), (27, 42), (44, 80), (82, 91)),  # as a format makes them
    ((44, 80), (0, 25), (82, 91)),  # out of order
    ((0, 50), (20, 91)),  # overlapping
    ((30, 10), (44, 91)),  # a block that ends before it starts
]


@pytest.mark.parametrize("blocks", BLOCKS)
def test_double_marks_grouped_by_paragraph_as_block_by_block(blocks):
    from newslint.document import Block, Span

    kw = {} if blocks is None else {"blocks": tuple(Block(Span(a, b)) for a, b in blocks)}
    doc = Document.from_text(TEXT, **kw)
    marks = q.find_marks(doc)
    grouped, _inword = q._group_doubles(doc, marks)
    expected = _grouped_block_by_block(doc, marks)
    assert grouped.marks == expected and grouped.marked == sorted(expected)


# Copy with every kind of mark in every context: primes (6'2", 70" TV), apostrophes typed as
# double marks (Britain"s), elisions ('90s), marks at the very start and end, after figures,
# before line breaks, in other scripts.
EDGE_COPY = [
    '"We won," she said.',
    'He is 6\'2" tall and wears 12" boots; the 70” TV and 5\' 10" son.',
    'Britain"s vote. The "yes" camp\'s "no" side. “Quoted” and „German“ and ‘single’ ones.',
    "Rock'n'roll in the '90s, 'em and 'til. O'Brien's dogs' bowls. The players’ union.",
    '"', "“", "”", "'", '""', '" "', "3\"", '9"x', "x\"\n\"y", '“Πόλη” and «this» and "Київ"',
    '"Unclosed.\n\n"Reopened," he said.\n\nAdvertisement\n\n"Closed," she said."',
]


def _alphabet_story(seed: int) -> str:
    rng = random.Random(seed)
    alphabet = ['"', "“", "”", "„", "'", "‘", "’", " ", "\n", "\n\n", "a", "s", "T", "7", "(", ")", ".", ",", "-",
                "—", "x", "by 4", " tall", "é", "Я", "\u00a0", "\t", "?"]
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80)))


@pytest.mark.parametrize("text", EDGE_COPY + STORIES + [_alphabet_story(n) for n in range(300)])
def test_double_and_single_marks_apart_are_all_the_marks(text):
    """The double marks (found alone for the unbalanced-quotes rule) and the single ones
    make up every mark, roles and all; and the parts of the analysis asked for alone
    (problems, spans) are what the whole analysis gives."""
    doc = Document.from_text(text)
    every = q.find_marks(doc)
    assert q._double_marks(text) == tuple(m for m in every if m.double)
    assert q._marks(text, q.SINGLE_MARKS) == tuple(m for m in every if not m.double)
    marks, quotations, problems, _roles = _whole_story_each_time(doc)
    alone = Document.from_text(text)
    assert q.problems(alone) == tuple(problems)
    assert q.quotation_spans(alone) == q._merge([x.span for x in quotations] + q._single_spans(doc, marks))
    whole = q.analyse(Document.from_text(text))
    assert q.analyse(alone) == whole and whole.spans == q.quotation_spans(alone)


def _mixed_as_first_written(doc: Document, style: str):
    """QUO001's marks off the style, class by class, and their new characters, as the rule
    first found them: from the whole analysis's marks (doubles and singles together)."""
    from newslint.rules import quotes

    analysis = q.analyse(doc)
    doubles = [m for m in analysis.marks if m.double]
    singles = [m for m in analysis.marks if not m.double]
    typeset = quotes._typeset(doc.text)
    fd = quotes._flagged_style(doubles, singles, style, typeset)
    fs = quotes._flagged_style(singles, doubles, style, typeset)
    bad = [m for m in analysis.marks
           if (m.double and m.curly == fd and m.role != "apostrophe") or (not m.double and m.curly == fs)]

    def convert(m, role, to_curly):
        if not to_curly:
            return '"' if m.double else "'"
        if m.double:
            return {"open": "“", "close": "”"}.get(role)
        return "‘" if role == "open" else "’" if role in ("close", "apostrophe") else None

    out = []
    for double in (True, False):
        group = [m for m in bad if m.double == double]
        if group:
            edits = []
            for m in group:
                role = analysis.roles.get(m.offset, m.role)
                if role not in ("open", "close", "apostrophe"):
                    role = "close" if m.offset > 0 and not doc.text[m.offset - 1].isspace() else "open"
                new = convert(m, role, not m.curly)
                if new is not None:
                    edits.append((m.offset, new))
            out.append((group[0].offset, edits))
    return out


@pytest.mark.parametrize("style", ["any", "straight", "curly"])
@pytest.mark.parametrize("text", EDGE_COPY + STORIES + [_alphabet_story(n) for n in range(200)])
def test_mixed_quotes_marks_as_from_the_whole_analysis(text, style):
    """QUO001 takes the double and the single marks apart (never merged): the same marks,
    fixed the same way, as when it read them from the whole analysis."""
    from newslint.rules.quotes import mixed_quotes

    if not any(c in text for c in q.MARK_CHARS):
        return
    found = list(mixed_quotes(Document.from_text(text), {"style": style}))
    got = [(f.span.start, [(e.span.start, e.replacement) for e in (f.fix.edits if f.fix else ())]) for f in found]
    assert got == _mixed_as_first_written(Document.from_text(text), style)
