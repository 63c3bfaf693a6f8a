"""The words around a candidate, as the language model spells them, and its verdict.

The model was trained on text without punctuation: quotation marks, brackets and dashes
are passed over; a clause ends at ``.``, ``!``, ``?``, ``;``, ``:``, a comma or a line
break (``<s>`` and ``</s>`` stand for the edges). Words are lower-cased, curly apostrophes
made straight, and a number written in figures stands for a number word.
"""

from __future__ import annotations

import re

from newslint.rules.realword.model import NgramScores, ngram_scores

# Words (with a plural possessive's apostrophe: "Lakers’"), and what ends a clause: a full
# stop (not inside "U.S."), a line break, a comma. Standard-library engine: fast here.
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*(?:(?<=[sS])['’](?![^\W\d_]))?|[.!?;:…]+(?=[\s\"”’')\]]|$)|\n|,")
WINDOW = 80
NUMBER_WORD = "ten"  # a stand-in for any number in figures (the model spells numbers out)
# Members of a set the model does not know (British spellings): their sets are left alone.
UNKNOWN_TO_MODEL = frozenset({"councillor", "councillors"})
# Before a capitalized word, what makes it the start of a sentence.
OPENERS = "\"“‘'([{"
SENTENCE_END = ".!?:…\n"


def sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a sentence (or a line, or a quotation after a colon)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0" + OPENERS:
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    if ch in SENTENCE_END:
        return True
    if ch in "\"”’')" and i > 0 and text[i - 1] in ".!?":
        return True
    return False


def _normal(token: str) -> str:
    if token[0].isdigit():
        return NUMBER_WORD
    return token.lower().replace("’", "'")


# Contractions in 's, not possessives.
CONTRACTIONS_S = frozenset("it's he's she's that's there's here's what's who's where's how's let's".split())


def _before(token: str) -> str:
    """A word before the candidate. A possessive acts as a determiner ("the Lakers’ lead",
    "the Kremlin's reign"): it stands for "his"."""
    word = _normal(token)
    if word[-1] == "'" or (word.endswith("'s") and word not in CONTRACTIONS_S):
        return "his"
    return word


# Function words of English and of the languages news copy most often mixes in; words that
# are also English (die, also, a) are left out.
STOP_EN = frozenset(
    """the of and to in is was for that with on as by at from it be are this have has had not
    but which or were an they their will would been who its he she we you said""".split()
)
STOP_OTHER = frozenset(
    """der das und ist mit von zu den dem ein eine einen nicht auf für sich auch wird werden
    des les et est une du pour dans par sur au aux qui que il elle avec ne pas sont
    el los las y con por para una del al es lo como su más pero
    de da dos em na no com os um uma ao pela pelo não mais seu sua nos
    il della di che è per gli delle dei nel alla
    het een van niet ook zijn voor dat op""".split()
)
WORDS = re.compile(r"[^\W\d_]+")


def looks_foreign(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` (about a sentence each side) are more
    often function words of another language than of English."""
    en = other = 0
    for m in WORDS.finditer(text, max(0, start - 150), min(len(text), end + 150)):
        w = m.group().lower()
        if w in STOP_EN:
            en += 1
        elif w in STOP_OTHER:
            other += 1
    return other >= 2 and other > en


def _clause_end(tokens: list[str]) -> tuple[list[str], bool]:
    """The words that end a clause in ``tokens`` (at most two, the last first): up to a full
    stop, a comma or a line break; and whether that settled it (False when the tokens ran
    out first)."""
    words: list[str] = []
    for tok in reversed(tokens):
        if not tok[0].isalnum():  # a full stop, a line break or a comma
            return words, True
        words.append(tok)
        if len(words) == 2:
            return words, True
    return words, False


# The common case, two words of ASCII letters with a space each side: then they are the
# tokens (no apostrophe, digit or other letter goes on with them) and are spelled as the
# model spells them once lower-cased. Checked with the standard library's engine, at once.
_TWO_WORDS_BEFORE = re.compile(r" ([A-Za-z]+) ([A-Za-z]+) ")
_TWO_WORDS_AFTER = re.compile(r" ([A-Za-z]+) ([A-Za-z]+)(?=[ ,.;:!?)\n\"”])")
# The next most common: a clause ends one word away ("said, their plan"; "more than
# tourism."). A comma and a line break are always tokens of their own, and so is a run of
# full stops and the like before white space (``TOKEN``); no word token takes one in.
_CLAUSE_MARKS = ",.!?;:…"
_WORD = re.compile(r"[A-Za-z]+")
_WORD_THEN_END = re.compile(r" ([A-Za-z]+)(?:,|\n|[.!?;:…]+(?=[\s\"”’')\]]))")


def _words_before(text: str, start: int) -> tuple[str | None, str]:
    """``(l2, l1)`` before ``start`` within its clause: the last word tokens of
    ``TOKEN.findall(text, start - WINDOW, start)``.

    No token holds a space, so the tokens that start after a space are the same whether the
    scan starts there or earlier: the scan starts two spaces back, and over the whole window
    only when those few tokens do not settle the clause (a long word, no space)."""
    lo = max(0, start - WINDOW)
    q = text.rfind(" ", lo, start - 1)
    words: list[str] | None = None
    if q >= 0:
        p = q
        q = text.rfind(" ", lo, q)
        if q >= 0 and p < start and text[start - 1] == " ":
            # ``_TWO_WORDS_BEFORE.fullmatch(text, q, start)``, read with string methods: the
            # two words are what lies between the three spaces (``q``, ``p`` and the one
            # before ``start``), if both are ASCII letters (an empty one is not)
            l2, l1 = text[q + 1:p], text[p + 1:start - 1]
            if l2.isalpha() and l1.isalpha() and l2.isascii() and l1.isascii():
                return l2.lower(), l1.lower()
        if text[start - 1] == " ":
            if text[start - 2] in _CLAUSE_MARKS:
                return None, "<s>"  # "the year, from": the clause ends right before it
            if p and text[p - 1] in _CLAUSE_MARKS and _WORD.fullmatch(text, p + 1, start - 1):
                # "said, their plan": one word back (a mark before the window is none of
                # its tokens, but then they run out after one word: "<s>" all the same)
                return "<s>", text[p + 1:start - 1].lower()
        if q >= 0:
            words, settled = _clause_end(TOKEN.findall(text, q, start))
            if not settled:
                words = None
    if words is None:
        words = _clause_end(TOKEN.findall(text, lo, start))[0]
    if not words:
        return None, "<s>"
    return (_before(words[1]) if len(words) == 2 else "<s>"), _before(words[0])


def _words_after(text: str, end: int) -> tuple[str, str | None]:
    """``(r1, r2)`` after ``end`` within its clause: the first tokens of
    ``TOKEN.findall(text, end, end + WINDOW)``, found one search at a time (a search finds
    the next token of the scan: the scan is a search from the end of the last token)."""
    hi = min(len(text), end + WINDOW)
    m = _TWO_WORDS_AFTER.match(text, end)
    if m is not None and m.end() < hi:
        return m.group(1).lower(), m.group(2).lower()
    m = _WORD_THEN_END.match(text, end)
    if m is not None and m.end() < hi:
        return m.group(1).lower(), "</s>"  # "more than tourism.": one word, then the clause ends
    m = TOKEN.search(text, end, hi)
    if m is None:
        return "</s>", None
    tok = m.group()
    if not tok[0].isalnum():
        return "</s>", None
    r1 = _normal(tok)
    m = TOKEN.search(text, m.end(), hi)
    if m is None:
        return r1, "</s>"
    tok = m.group()
    if not tok[0].isalnum():
        return r1, "</s>"
    return r1, _normal(tok)


Around = tuple[str | None, str, str, str | None]


class Context:
    """The model's view of one document's words."""

    __slots__ = ("text", "model")

    def __init__(self, text: str) -> None:
        self.text = text
        self.model: NgramScores | None = None

    def around(self, start: int, end: int) -> Around:
        """``(l2, l1, r1, r2)`` around ``text[start:end]``, within its clause.

        The words are the tokens of ``TOKEN.findall`` over ``WINDOW`` characters each side,
        read without a pass over the whole window (see :func:`_words_before` and
        :func:`_words_after`)."""
        l2, l1 = _words_before(self.text, start)
        r1, r2 = _words_after(self.text, end)
        return l2, l1, r1, r2

    def before(self, start: int) -> tuple[str | None, str]:
        """``(l2, l1)`` of :meth:`around`."""
        return _words_before(self.text, start)

    def after(self, end: int) -> tuple[str, str | None]:
        """``(r1, r2)`` of :meth:`around`."""
        return _words_after(self.text, end)

    def best(self, word: str, row: tuple[str, ...], around: Around,
             scores: dict[str, int] | None = None) -> tuple[str | None, int]:
        """The member of ``row`` the context favours most over ``word``, and by how much.
        ``scores``, if given, keeps each member's score for another call in the same place."""
        if UNKNOWN_TO_MODEL.intersection(row):
            return None, 0
        if self.model is None:
            self.model = ngram_scores()
        l2, l1, r1, r2 = around
        score = self.model.score
        if scores is None:
            scores = {}
        own = scores.get(word)
        if own is None:
            own = scores[word] = score(word, l2, l1, r1, r2)
        best, gain = None, 0
        for other in row:
            if other == word:
                continue
            s = scores.get(other)
            if s is None:
                s = scores[other] = score(other, l2, l1, r1, r2)
            g = s - own
            if best is None or g > gain:
                best, gain = other, g
        return best, gain

    def gain(self, word: str, other: str, around: Around) -> int:
        """How much better ``other`` fits than ``word`` (log10 x 1000)."""
        if self.model is None:
            self.model = ngram_scores()
        return self.model.score(other, *around) - self.model.score(word, *around)
