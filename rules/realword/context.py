"""The words around a candidate, as the language model spells them, and its verdict.

The model was trained on text without punctuation: commas, quotation marks, brackets and
dashes are passed over; a sentence ends at ``.``, ``!``, ``?``, ``;``, ``:`` or a line
break (``<s>`` and ``</s>`` stand for the edges). Words are lower-cased, curly apostrophes
made straight, and a number written in figures stands for a number word.
"""

from __future__ import annotations

from newslint import patterns
from newslint.rules.realword.model import NgramScores, ngram_scores

TOKEN = patterns.compile(r"[\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}]+)*|(?P<stop>[.!?;:…]+(?=[\s\"”’')\]]|$)|\n)")
WINDOW = 120
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


Around = tuple[str | None, str, str, str | None]


class Context:
    """The model's view of one document's words."""

    __slots__ = ("text", "model")

    def __init__(self, text: str) -> None:
        self.text = text
        self.model: NgramScores | None = None

    def around(self, start: int, end: int) -> Around | None:
        """``(l2, l1, r1, r2)`` around ``text[start:end]``, within its sentence."""
        text = self.text
        left: list[str] = []
        for m in TOKEN.finditer(text, max(0, start - WINDOW), start):
            if m["stop"] is not None:
                left.clear()
            else:
                left.append(m.group())
        right: list[str] = []
        for m in TOKEN.finditer(text, end, min(len(text), end + WINDOW)):
            if m["stop"] is not None:
                break
            right.append(_normal(m.group()))
            if len(right) == 2:
                break
        if len(right) < 2:
            right.append("</s>")
        if len(left) == 0:
            l2, l1 = None, "<s>"
        elif len(left) == 1:
            l2, l1 = "<s>", _normal(left[0])
        else:
            l2, l1 = _normal(left[-2]), _normal(left[-1])
        r1 = right[0]
        r2 = None if r1 == "</s>" else right[1]
        return l2, l1, r1, r2

    def best(self, word: str, row: tuple[str, ...], around: Around) -> tuple[str | None, int]:
        """The member of ``row`` the context favours most over ``word``, and by how much."""
        if UNKNOWN_TO_MODEL.intersection(row):
            return None, 0
        if self.model is None:
            self.model = ngram_scores()
        l2, l1, r1, r2 = around
        score = self.model.score
        own = score(word, l2, l1, r1, r2)
        best, gain = None, 0
        for other in row:
            if other == word:
                continue
            g = score(other, l2, l1, r1, r2) - own
            if best is None or g > gain:
                best, gain = other, g
        return best, gain

    def gain(self, word: str, other: str, around: Around) -> int:
        """How much better ``other`` fits than ``word`` (log10 x 1000)."""
        if self.model is None:
            self.model = ngram_scores()
        return self.model.score(other, *around) - self.model.score(word, *around)
