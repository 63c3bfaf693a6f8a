"""Passages not in English: no English-word findings, no safe fixes; the rest still runs."""

from __future__ import annotations

import json

from newslint.document import Document
from newslint.language import foreign_spans

STORY = """\
Chancellor Scholz spoke in Berlin on Tuesday, and the presidnet of the council said the plan was sound.

Die Digitalisierung zieht sich bereits heute durch fast alle Branchen, und sie wird nicht mehr aufhören.. Das ist offen und bietet jedes Jahr neue Chancen für die Unternehmen.

The crowd chanted "liberté, égalité" as he left, and officials said the talks would resume in March.
"""


def test_german_passage_draws_no_english_word_findings(newslint, story):
    path = story(STORY)
    result = newslint("check", "--no-cache", "--isolated", "--output-format", "json", path)
    found = [(f["name"], f["location"]["row"]) for f in json.loads(result.stdout)]
    assert ("misspelling", 1) in found  # English typos still count
    assert not [f for f in found if f[1] == 3 and f[0] != "doubled-punctuation"]
    assert ("doubled-punctuation", 3) in found  # language-independent rules still run
    # ... but their fixes there are never applied by --fix alone.
    punct = next(f for f in json.loads(result.stdout) if f["name"] == "doubled-punctuation")
    assert punct["fix"]["applicability"] == "unsafe"
    before = path.read_text()
    newslint("check", "--no-cache", "--isolated", "--fix", path)
    assert "aufhören.." in path.read_text()
    assert path.read_text().count("presidnet") == before.count("presidnet")


def test_which_passages_are_foreign():
    doc = Document.from_text(STORY.replace("\n\n", "\n\n"))
    spans = foreign_spans(doc)
    assert [doc.text[s.start:s.end][:20] for s in spans] == ["Die Digitalisierung "]
    # A line-up of names has no function words at all: it is not a foreign passage.
    lineup = Document.from_text(
        "Chelsea named an unchanged side for the final on Saturday, the club said.\n\n"
        "Cech; Ferreira, Carvalho, Terry, Gallas; Tiago, Makelele, Lampard; Cole, Drogba, Duff.\n\n"
        "Subs: G Intoppa, S Perugini, CA del Fava, D dal Maso, P Griffen, M Barbini.\n"
    )
    assert foreign_spans(lineup) == ()
    # "in" is German too: a list of German lines is not English because of it.
    german = Document.from_text(
        "Die Akte ist ärztlich geführt und wird nicht mehr separat geführt, sagt die Klinik.\n\n"
        "In § 291a Absatz 3 Nr. 4 SGB V - elektronische Patientenakte\n"
        "in § 291a Absatz 3 Nr. 5 SGB V - elektronisches Patientenfach\n"
        "in § 68 SGB V - elektronische Gesundheitsakte\n"
    )
    assert foreign_spans(german) == ((0, len(german.text.rstrip())),)
    # A Portuguese calendar: "de" is nearly all the function words it has.
    calendar = Document.from_text(
        "Calendário da Stock Car 2018\n\n1a etapa: 10 de março – Interlagos\n2a etapa: 8 de abril – "
        "Curitiba\n3a etapa: 22 de abril – Velopark\n4a etapa: 06 de maio – Londrina\n"
        "5a etapa: 20 de maio – Santa Cruz do Sul\n"
    )
    assert foreign_spans(calendar) == ((0, len(calendar.text.rstrip())),)
    # ... while "de" in English names and phrases leaves English alone.
    names = Document.from_text(
        "Charles de Gaulle airport reopened on Monday, de facto ending a strike that Ana de Souza, "
        "a union leader, said had cost workers dearly.\n"
    )
    assert foreign_spans(names) == ()
    japanese = Document.from_text("今回はそのKindleの設定を変更することにしました。パスワード管理ソフトの起動ショートカットキーと同じなのです。")
    assert foreign_spans(japanese) == ((0, len(japanese.text)),)


def test_other_script_precheck_agrees_with_the_pattern_at_every_code_point():
    """The UTF-8 lead-byte look must say "maybe" for every letter NON_LATIN matches (it may
    not miss one: a Greek or Chinese passage would then be read as English), and "no" for
    the punctuation and Latin letters of English copy."""
    import re

    from newslint.language import NON_LATIN, _other_script

    pattern = re.compile(NON_LATIN)
    lead = "The minister said “yes” — twice. "
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        text = lead + ch + " later"
        assert _other_script(text) == (pattern.search(text) is not None), hex(cp)
    for text in ("Café owner José Núñez, 42, said “no”.", "Price: €5 – £4 … ™", "Łódź and Gdańsk"):
        assert not _other_script(text)
    assert _other_script("Ukraine’s president, Володимир Зеленський, said")
    assert _other_script("Ministry spokesman 王毅 said")


def test_other_script_look_covers_every_slice_of_a_long_text(monkeypatch):
    import newslint.language as language

    monkeypatch.setattr(language, "_LEAD_SLICE", 64)
    english = "Officials said “the plan” would cost £4m. " * 20
    assert not language._other_script(english)
    assert language._other_script(english + "Αθήνα")
    assert language._other_script("Αθήνα " + english)


def test_a_safe_fix_in_a_foreign_passage_is_demoted_when_it_is_the_only_finding(newslint, story):
    # No English-word finding asks for the passages first: the safe fix alone must.
    path = story(STORY.replace("presidnet", "president"))
    result = newslint("check", "--no-cache", "--isolated", "--output-format", "json", path)
    found = json.loads(result.stdout)
    assert [f["name"] for f in found] == ["doubled-punctuation"]
    assert found[0]["fix"]["applicability"] == "unsafe"


def test_findings_with_nothing_to_drop_or_demote_skip_the_language_check(monkeypatch):
    import newslint.language as language
    from newslint.diagnostics import Applicability, Edit, Finding, Fix
    from newslint.document import Span

    doc = Document.from_text(STORY)
    asked = []

    class Judge:  # says the first ten characters are foreign, and records each question
        def foreign(self, doc, span):
            asked.append(span)
            return language.in_spans(span, (Span(0, 10),))

    monkeypatch.setattr(language, "_judge", lambda d: Judge())
    plain = [Finding(Span(0, 4), "a note"), Finding(Span(5, 9), "unsafe", Fix("Do", (Edit(Span(5, 9), "x"),),
                                                                            Applicability.UNSAFE))]
    assert language.english_only(doc, None, plain) == plain
    assert asked == []
    safe = Finding(Span(5, 9), "safe", Fix("Do", (Edit(Span(5, 9), "x"),)))
    (demoted,) = language.english_only(doc, None, [safe])
    assert demoted.fix.applicability is Applicability.UNSAFE and asked
    assert language.english_only(doc, "en", plain[:1]) == []  # inside the foreign span: dropped


# Stories that mix English with German or Russian blocks, short blocks (which take the
# document's verdict) and blocks two characters apart (one passage) or more.
_EN = ["The council voted on Tuesday to approve the plan, and the mayor said it would help the town.",
       "Officials said the work would begin in March and that the cost had been agreed with the firm.",
       "Police said.", "By Jane Smith", "TT"]
_DE = ["Die Digitalisierung zieht sich bereits heute durch fast alle Branchen, und sie wird nicht mehr aufhören.",
       "Das ist offen und bietet jedes Jahr neue Chancen für die Unternehmen und ihre Mitarbeiter.",
       "Noch nicht"]
_RU = ["Президент заявил, что переговоры продолжатся на следующей неделе в Москве и Киеве."]


def _mixed_stories(n):
    import random

    rnd = random.Random(18)
    for _ in range(n):
        parts = [rnd.choice(rnd.choice([_EN, _EN, _DE, _RU])) for _ in range(rnd.randint(1, 7))]
        text = parts[0]
        for part in parts[1:]:
            text += rnd.choice(["\n\n", "\n", "\n \n", "\n\n\n", "\n- ", "\n\n# "]) + part
        yield text, rnd.choice(["story.txt", "story.md"])


def test_the_judge_of_nearby_blocks_agrees_with_the_foreign_spans():
    """``english_only`` asks the verdict of the blocks near each finding only: for every
    span at or around a block's edges (empty ones too, and in the gap between two blocks)
    it must say what ``in_spans`` says against the spans of the whole document."""
    from newslint.config import Config
    from newslint.document import Span
    from newslint.language import _Judge, in_spans
    from newslint.runner import Linter

    linter = Linter(Config())
    near = 0
    for text, name in _mixed_stories(400):
        doc = linter.parse(text, name)
        spans = foreign_spans(doc)
        del doc._cache["foreign_spans"]
        judge = _Judge(doc)
        assert judge.simple
        for block in doc.paragraphs:
            for a in range(max(0, block.span.start - 3), min(len(text), block.span.end + 3) + 1):
                for width in (0, 1, 2, 3):
                    span = Span(a, min(len(text), a + width))
                    assert judge.foreign(doc, span) == in_spans(span, spans), (text, span)
        near += judge.spans is None  # every answer came from the blocks near the spans
        doc._cache.pop("foreign_spans", None)
    assert near > 50


def test_the_judge_reads_only_the_blocks_near_a_finding(monkeypatch):
    import newslint.language as language
    from newslint.document import Span

    text = "\n\n".join([_EN[0], _DE[0], _EN[1], _EN[0], _DE[1], _EN[1]])
    doc = Document.from_text(text)
    read = []
    verdict = language._Judge._verdict
    monkeypatch.setattr(language._Judge, "_verdict", lambda self, i: read.append(i) or verdict(self, i))
    judge = language._Judge(doc)
    german = text.index("Das ist")
    assert judge.foreign(doc, Span(german + 4, german + 9)) and read == [4]
    assert not judge.foreign(doc, Span(3, 7)) and read == [4, 0]
    assert "foreign_spans" not in doc._cache
    # A short block takes the document's verdict: then every block is read.
    short = Document.from_text(_DE[0] + "\n\n" + _DE[2] + "\n\n" + _DE[1] + "\n\n" + _EN[0])
    judge = language._Judge(short)
    assert judge.foreign(short, Span(len(_DE[0]) + 3, len(_DE[0]) + 5))
    assert "foreign_spans" in short._cache


def test_blocks_that_nest_are_judged_whole():
    from newslint.document import Block, Span
    from newslint.language import _Judge

    doc = Document.from_text(_DE[0] + "\n\n" + _EN[0])
    doc._cache["paragraphs"] = (Block(Span(0, len(doc.text))), Block(Span(0, 10)))
    judge = _Judge(doc)
    assert not judge.simple
    judge.foreign(doc, Span(0, 3))
    assert judge.spans is not None


def test_a_document_is_freed_without_the_garbage_collector():
    """The judge kept in a document's cache holds no reference back to the document."""
    import gc
    import weakref

    from newslint.diagnostics import Edit, Finding, Fix
    from newslint.document import Span
    from newslint.language import english_only

    gc.disable()
    try:
        doc = Document.from_text(STORY)
        english_only(doc, "en", [Finding(Span(0, 4), "a note", Fix("Do", (Edit(Span(0, 4), "x"),)))])
        assert "foreign_judge" in doc._cache
        ref = weakref.ref(doc)
        del doc
        assert ref() is None
    finally:
        gc.enable()


def test_a_long_text_is_judged_whole_without_lists_of_its_blocks(monkeypatch):
    """An archive file over COMPACT_CHARS keeps no per-block offset lists with the document
    (megabytes on a 20 MB file): its passages are found whole, with the same answers."""
    import newslint.language as language
    from newslint.document import Span

    monkeypatch.setattr(language, "COMPACT_CHARS", 200)
    text = "\n\n".join([_EN[0], _DE[1], _EN[1]])
    doc = Document.from_text(text)
    judge = language._Judge(doc)
    assert not judge.simple and judge.starts == [] and judge.ends == []
    german = text.index("Das ist")
    assert judge.foreign(doc, Span(german + 4, german + 9))
    assert not judge.foreign(doc, Span(3, 7))
    assert "foreign_spans" in doc._cache
