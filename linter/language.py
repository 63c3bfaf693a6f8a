"""Which passages of a document are not written in English.

Rules that judge English words (spelling, name and spelling variants, real-word errors) are
registered with ``Rule(language="en")``; the runner drops their findings inside the passages
found here, and demotes every other rule's safe fix there to unsafe, so ``--fix`` never
rewrites a passage in another language.

How: a passage is a block of the document (a paragraph, heading, list item, caption). Its
words are counted against two small lists of function words: English ones (``the``, ``of``,
``and`` ... about 130) and those of the languages news copy most often mixes in (German,
French, Spanish, Portuguese, Italian, Dutch, Indonesian, the Scandinavian languages; words
that are also English, such as ``die``, ``also`` or ``a``, are left out). Function words
are a fifth to a half of the words of any prose, so the two shares settle a block of eight
words or more; a block in a script other than Latin (Korean, Japanese, Cyrillic, Arabic ...)
is not English either. A shorter block (a headline, a caption, a byline) takes the verdict
of the whole document. A foreign phrase inside an English paragraph leaves the paragraph
English: the spelling rules have their own handling of such phrases.

The cost is a ``str.split`` of each block and two set lookups per word (about 1.3 million
words a second on one core), paid once per document and only when a finding could be dropped
or demoted there: a finding of an English-word rule, or a safe fix.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from operator import le, lt

from newslint.diagnostics import Applicability, Finding
from newslint.document import COMPACT_CHARS, Document, Span

#: A block needs this many words for its own verdict; a shorter one takes the document's.
MIN_WORDS = 8
# Runs of letters of the scripts news copy meets besides Latin: Greek, Cyrillic, Armenian,
# Hebrew, Arabic, the Indic scripts, Thai and Lao, Hangul, kana, CJK (runs count by their
# length: Chinese and Japanese put no spaces between words). The standard library's ``re``:
# three times faster than ``regex`` at scanning text that has none.
# Compiled at the first text that is not ASCII (compiling it costs ~1.5 ms of start-up).
NON_LATIN = (
    "[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff"
    "\u0e00-\u0eff\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)

STOP_EN = frozenset(
    """the of and to is that it with by said at from his be has are have but not this they
    who were which their its been after more we you she her our would can could had or if
    about than there what when one all into up out them some just my him your us new only
    other these those any such because while where how then should may did does being two
    first last year years people time told against between under during before most many
    very much well even back through still since however both each here off down get like
    make made now way own same too why yet whether until among around within without across
    says say""".split()
)
# Left out: words that are also another language's function words ("in", "an", "was",
# "will", "also", "so" in German; "on", "me" in French; "no", "he", "do", "as" in Spanish and
# Portuguese; "for" in Danish): a German list of "in ..." lines is not English.

STOP_OTHER = frozenset(
    # German
    """und ist nicht ich sie wir ein eine einen einem einer dem den des mit von zu auf
    für sich auch werden wird nach bei aus oder aber wenn noch nur über wie dass sind hat
    haben kann zum zur im vor durch gegen ohne unter bereits sehr diese dieser dieses
    wurde wurden schon mehr wieder sein seine ihre ihr
    """
    # French
    """le la les des du est et une un pour dans qui que pas sur avec ce cette sont au aux
    ont mais ou leur nous vous il elle ils elles par plus été être qu cette comme tout
    aussi sans entre après avant très fait deux peut
    """
    # Spanish
    """de el los las del y es en por con para una unos unas se lo su sus al como más pero este
    esta fue muy también sobre hasta desde cuando donde porque hay entre ya están ser
    según tiene puede todo años
    """
    # Portuguese
    """o os da das do dos em um uma não com pela pelo mais seu sua também são está ao à
    foi nas nos na ser tem como mas quando já ainda pelas pelos entre sobre após
    """
    # Italian
    """il gli della delle dei degli di che con non sono nel nella alla anche più ma questo
    questa stato essere ha hanno dal dalla sul sulla tra fra perché ancora dopo
    """
    # Dutch
    """het een ik je niet dat wat zijn voor aan ook maar naar bij wordt heeft deze
    hun werd worden kunnen tegen nog geen
    """
    # Indonesian
    """yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga adalah oleh atau
    sudah bisa ada karena mereka kami kita saya telah sebagai bahwa
    """
    # Scandinavian
    """och att det som för med har inte av ett jag var till kan og ikke til af
    """.split()
)


# Looked up as written: an English function word in either case, another language's only in
# lower case (capitalized, "Del", "Lo", "Van" are names); one-letter words count for no one.
_EN = frozenset(STOP_EN | {w.capitalize() for w in STOP_EN}) - {"a", "A", "i", "I"}
_OTHER = frozenset(w for w in STOP_OTHER if len(w) > 1)


def _verdict(words: list[str], chunk: str, other_script: bool = True) -> bool | None:
    """True: English; False: not; None: too few words to tell. ``chunk`` is their text;
    ``other_script`` False says it holds no letter of another script (the caller looked)."""
    if other_script and not chunk.isascii():
        letters = sum(map(len, re.findall(NON_LATIN, chunk)))  # re caches the compiled pattern
        if letters >= 2 * MIN_WORDS and letters * 2 > len(chunk) - chunk.count(" "):
            return False  # another script (Korean, Japanese, Cyrillic ...), spaced or not
    if len(words) < MIN_WORDS:
        return None
    en = sum(map(_EN.__contains__, words))
    if en * 5 >= len(words):
        return True  # a fifth of English function words: no other language has that many
    other = sum(map(_OTHER.__contains__, words))
    # English prose: a fifth to a half of its words are English function words. Another
    # language has few of them ("a", "in", "on" are its words too) and many of its own. A
    # block with neither (a list of names, a line-up) is left to the document's verdict.
    if other >= 3 and other > en and other * 10 >= len(words):
        return False
    if en >= other and en * 10 >= len(words):
        return True
    return None


# The UTF-8 lead bytes of every character from U+0340 to U+06FF (CD-DB), U+0800 to U+1FFF
# (E0, E1), U+3000 to U+DFFF (E3-ED) and U+F000 to U+FFFF (EF): all of NON_LATIN's ranges lie
# inside these. Curly quotes, dashes, the euro sign (E2) and accented Latin letters (C2-CC)
# do not. A lead byte never occurs inside another character's encoding.
_NON_LATIN_LEADS = frozenset((*range(0xCD, 0xDC), 0xE0, 0xE1, *range(0xE3, 0xEE), 0xEF))
_NOT_LEADS = bytes(b for b in range(256) if b not in _NON_LATIN_LEADS)  # deleted by translate
_LEAD_SLICE = 1 << 20  # characters encoded at a time (a long text is not copied whole)


def _other_script(text: str) -> bool:
    """Whether ``text`` holds a letter NON_LATIN matches. Encoding to UTF-8 and looking for
    the lead bytes of those scripts (``bytes.translate`` deletes every other byte) is several
    times faster than the pattern's scan of a text full of curly quotes; only a text that has
    such a byte (maybe a Cyrillic letter, maybe an arrow) is searched with the pattern."""
    for start in range(0, len(text), _LEAD_SLICE):
        raw = text[start : start + _LEAD_SLICE].encode("utf-8", "surrogatepass")
        if raw.translate(None, _NOT_LEADS):
            return re.search(NON_LATIN, text) is not None
    return False


def foreign_spans(doc: Document) -> tuple[Span, ...]:
    """Spans of ``doc.text`` (whole blocks, sorted) that are not in English."""
    v = doc._cache.get("foreign_spans")
    if v is not None:
        return v
    text = doc.text
    blocks = [b.span for b in doc.paragraphs]
    verdicts: list[bool | None] = []
    every: list[str] = []
    weight = {True: 0, False: 0}
    # One look at the whole text for a letter of another script: most stories have none
    # (their curly quotes and dashes are not letters), and then no block needs a look.
    other_script = not text.isascii() and _other_script(text)
    for sp in blocks:
        chunk = text[sp.start : sp.end]
        # Words as spaces part them (function words seldom carry punctuation): str.split is
        # four times faster than a letters pattern, and this runs over every document.
        words = chunk.split()
        verdict = _verdict(words, chunk, other_script)
        verdicts.append(verdict)
        if verdict is not None:
            weight[verdict] += len(words)
        elif len(every) < 100_000:
            every.extend(words)
    # The document's verdict: that of most of its words in blocks that have one, else of
    # all its words together.
    if weight[True] or weight[False]:
        whole: bool | None = weight[True] >= weight[False]
    else:
        whole = _verdict(every, " ".join(every))
    out: list[Span] = []
    for sp, verdict in zip(blocks, verdicts):
        english = (whole is not False) if verdict is None else verdict
        if not english:
            if out and out[-1].end + 2 >= sp.start:
                out[-1] = Span(out[-1].start, sp.end)  # neighbours: one passage
            else:
                out.append(sp)
    v = doc._cache["foreign_spans"] = tuple(out)
    return v


def in_spans(span: Span, spans: tuple[Span, ...]) -> bool:
    """Whether ``span`` overlaps one of ``spans`` (sorted and apart)."""
    if not spans:
        return False
    i = bisect_right(spans, span) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans):
            s = spans[j]
            if s.start < max(span.end, span.start + 1) and span.start < s.end:
                return True
    return False


class _Judge:
    """Whether a span falls in a passage not in English, found by judging only the blocks
    near it: what :func:`in_spans` says of it against :func:`foreign_spans`, without the
    verdict of every block. A story's findings sit in a few of its blocks (9 of the seed
    story's 46): the others' words need not be split and counted.

    A block's own verdict (eight words or more) needs no other block; a shorter one takes
    the document's, which needs them all: then the spans are found whole. The blocks must
    be sorted, apart and not empty (every plain-text story's are; a format's may nest), so
    that the merged passages are the runs of foreign blocks less than three characters
    apart; else, too, the spans are found whole."""

    __slots__ = ("text", "starts", "ends", "simple", "own", "spans")

    def __init__(self, doc: Document) -> None:
        # Kept in the document's cache: the judge holds its text, not the document (a
        # cycle would keep every document alive until the garbage collector's next pass).
        self.text = doc.text
        self.own: dict[int, bool | None] = {}  # a block's own verdict, by its index
        self.spans: tuple[Span, ...] | None = doc._cache.get("foreign_spans")
        if len(self.text) > COMPACT_CHARS:
            # A long text (an archive file of many stories): its findings reach most of its
            # blocks, and lists of every block's offsets, kept with the document, raised the
            # peak memory of a 20 MB file by ~10 MB. Its passages are found whole.
            self.starts = self.ends = []
            self.simple = False
            return
        blocks = [b.span for b in doc.paragraphs]
        self.starts = starts = [sp.start for sp in blocks]
        self.ends = ends = [sp.end for sp in blocks]
        self.simple = all(map(lt, starts, ends)) and all(map(le, ends, starts[1:]))

    def foreign(self, doc: Document, span: Span) -> bool:
        """``in_spans(span, foreign_spans(doc))`` (``doc`` is the judge's document)."""
        if self.spans is None and self.simple:
            verdict = self._near(span)
            if verdict is not None:
                return verdict
        if self.spans is None:  # a short block (the document's verdict), or blocks that nest
            self.spans = foreign_spans(doc)
        return in_spans(span, self.spans)

    def _near(self, span: Span) -> bool | None:
        """Whether ``span`` overlaps a passage, from the blocks near it; None when one of
        them needs the document's verdict. A passage ``span`` overlaps holds a foreign
        block that overlaps it, or two foreign blocks at most two characters apart (one
        passage) with ``span`` in the gap between: both end or start within two
        characters of it."""
        a = span.start
        b = max(span.end, a + 1)  # an empty span counts as its first character, as in_spans
        starts, ends, own = self.starts, self.ends, self.own
        prev_end = -3
        for i in range(bisect_left(ends, a - 2), bisect_right(starts, b + 2)):
            if i in own:
                verdict = own[i]
            else:
                verdict = own[i] = self._verdict(i)
            if verdict is None:
                return None
            if verdict:
                continue
            s, e = starts[i], ends[i]
            if s < b and a < e or prev_end <= a and b <= s and s - prev_end <= 2:
                return True
            prev_end = e
        return False

    def _verdict(self, i: int) -> bool | None:
        """Block ``i``'s own verdict, as :func:`foreign_spans` reaches it. The look for
        another script's letters is the block's own, not the whole text's: a block without
        one counts none either way (the seed story's blocks read here are a third of it)."""
        chunk = self.text[self.starts[i] : self.ends[i]]
        return _verdict(chunk.split(), chunk, not chunk.isascii() and _other_script(chunk))


def _judge(doc: Document) -> _Judge:
    v = doc._cache.get("foreign_judge")
    if v is None:
        v = doc._cache["foreign_judge"] = _Judge(doc)
    return v


def _safe_fix(f: Finding) -> bool:
    """Whether ``--fix`` alone would apply ``f``'s fix (demoted in another language)."""
    return f.fix is not None and f.fix.applicability is Applicability.SAFE


def english_only(doc: Document, language: str | None, findings: list[Finding]) -> list[Finding]:
    """A rule's findings with passages not in English taken into account: dropped there when
    the rule judges English words (``language="en"``); otherwise kept, but a safe fix there
    is demoted to unsafe, so ``--fix`` alone never touches another language's text."""
    if language != "en" and not any(map(_safe_fix, findings)):
        return findings  # nothing to drop or demote: the passages need not be found
    judge = _judge(doc)
    if language == "en":
        return [f for f in findings if not judge.foreign(doc, f.span)]
    out = []
    for f in findings:
        if _safe_fix(f) and judge.foreign(doc, f.span):
            f = replace(f, fix=replace(f.fix, applicability=Applicability.UNSAFE))
        out.append(f)
    return out
