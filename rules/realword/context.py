"""The words around a candidate, as the language model spells them, and its verdict.

The model was trained on text without punctuation: commas, quotation marks, brackets and
dashes are passed over; a sentence ends at ``.``, ``!``, ``?``, ``;``, ``:`` or a line
break (``<s>`` and ``</s>`` stand for the edges). Words are lower-cased, curly apostrophes
made straight, and a number written in figures stands for a number word.
"""

from __future__ import annotations

from newslint import patterns
from newslint.rules.realword.model import NgramScores, ngram_scores

TOKEN = patterns.compile(r"[\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}]+)*|(?P<stop>[.!?;:…]+(?=[\s\"”’')\]]|$)|\n)|(?P<comma>,)")
WINDOW = 120
NUMBER_WORD = "ten"
COMMA_CUTS = True  # a comma next to the candidate cuts that side's context  # a stand-in for any number in figures (the model spells numbers out)
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


def _before(token: str, possessive: bool) -> str:
    """A word before the candidate. A possessive the model does not know acts as a
    determiner ("the Lakers' lead", "Kremlin's reign"): it stands for "his"."""
    word = _normal(token)
    if possessive or (word.endswith("'s") and word not in CONTRACTIONS_S):
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
WORDS = patterns.compile(r"[\p{L}]+")


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


Around = tuple[str | None, str | None, str | None, str | None]


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
            elif m["comma"] is not None:
                if COMMA_CUTS:
                    left.clear()
            else:
                tok = m.group()
                e = m.end()
                # "the Lakers’ lead": a plural possessive
                left.append(_before(tok, tok[-1:] in "sS" and text[e:e + 1] in "'’" and not text[e + 1:e + 2].isalpha()))
        right: list[str] = []
        for m in TOKEN.finditer(text, end, min(len(text), end + WINDOW)):
            if m["stop"] is not None:
                break
            if m["comma"] is not None:
                if COMMA_CUTS:
                    break
                continue
            right.append(_normal(m.group()))
            if len(right) == 2:
                break
        if len(right) < 2:
            right.append("</s>")
        l1: str | None
        l2: str | None
        if not COMMA_CUTS:
            left = [w for w in left if w != ","]
        if not left:
            l2, l1 = None, "<s>"
        elif left[-1] == ",":
            l2, l1 = None, None  # a comma right before: the words before belong elsewhere
        elif len(left) == 1:
            l2, l1 = "<s>", left[0]
        else:
            l2, l1 = (None if left[-2] == "," else left[-2]), left[-1]
        r1 = right[0]
        r2 = None if r1 == "</s>" else right[1]
        if r1 == ",":
            r1 = r2 = None
        elif r2 == ",":
            r2 = None
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
