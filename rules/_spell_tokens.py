"""Which words of a document the spelling rules look at, and how.

Each word of ``doc.words`` is split at hyphens; possessives and contractions are taken
off (both apostrophe styles); numbers, URLs, e-mail addresses, handles and hashtags are
skipped; all-caps words and words with inner capitals are left alone. What remains is a
:class:`Token` whose ``kind`` says how to treat it:

* ``"word"``: lower case, checked against the dictionary;
* ``"initial"``: capitalized at the start of a sentence (or after a quote or colon):
  checked in lower case, but it may be a name;
* ``"name"``: capitalized inside a sentence, or with letters English doesn't use: a name.

The result is computed once per document and shared through ``doc.cached``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import regex

from linter import Document, Span

# Text that is not prose: URLs, e-mail addresses, @handles and #hashtags, bare domains,
# HTML entities left in the text (and the word around them), letters lost to encoding
# damage ("G?ttingen"). Each pattern runs only when a cheap test says it can match.
NOT_PROSE = (
    (lambda t: "://" in t or "www." in t, regex.compile(r"(?:https?://|www\.)[^\s<>\"”]+")),
    (lambda t: "@" in t, regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (lambda t: "@" in t or "#" in t, regex.compile(r"(?<![\w@#])[@#][\p{L}\p{N}_]+")),
    (
        regex.compile(r"\.(?:com|org|net|gov|edu|int|mil|info|biz|io|co|uk|us|eu|de|fr|ru|ua|au|ca|nz|ie|in|cn|jp)\b").search,
        regex.compile(r"(?<![\w.])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|mil|info|biz|io|co|uk|us|eu|de|fr|ru|ua|au|ca|nz|ie|in|cn|jp)\b(?:/\S*)?"),
    ),
    (lambda t: "&" in t and ";" in t, regex.compile(r"\p{L}*&\#?\w+;\p{L}*")),
    (regex.compile(r"[?\ufffd]\p{L}").search, regex.compile(r"\p{L}*[?\ufffd]\p{L}+")),
)
# A word, as in ``doc.words`` (letters and numbers with inner apostrophes and hyphens);
# the stdlib engine is faster here, and this loop is the checker's fast path.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:['’\-](?:[^\W_]|[\u0300-\u036f])+)*")
CONTRACTION = regex.compile(r"(?i)^(?P<stem>.+?)(?P<tail>'s|'ll|'ve|'re|'d|'m|n't)$")
# Before a sentence-initial word: nothing, an end mark, an opening quote, a colon, a bullet.
# (Not a bracket or dash: "(Stade Toulousain)" holds a name more often than a sentence.)
INITIAL_BEFORE = regex.compile(r"""(?:^|[.!?:;…\n•*"“‘'])[\s"“‘']*$""")
DIGIT = regex.compile(r"\d")
# Hyphenated prefixes that are not words on their own ("anti-war", "co-founder").
PREFIXES = frozenset(
    "anti pre co non ex re post mid pro semi multi sub inter intra counter cross quasi pseudo neo "
    "ultra mega micro macro mini bi tri un de vice trans geo socio eco cyber euro afro anglo "
    "franco sino pan extra super hyper infra para proto hydro bio agro electro".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word to check: the whole word and its stem (without a possessive or contraction
    ending; apostrophes normalized to ASCII), the stem's span and the kind."""

    whole: str  # "don't", "Russia's"
    text: str  # "do", "Russia": what is looked up when the whole is not a word
    span: Span  # of the stem
    kind: str  # "word", "initial", "name" or "foreign"
    compound: str = ""  # the whole hyphenated word this is part of ("co-ordinator")


def fold(word: str) -> str:
    """The word without diacritics ("Lipavský" -> "Lipavsky")."""
    nfd = unicodedata.normalize("NFD", word)
    return "".join(c for c in nfd if not unicodedata.combining(c))


def _skip_spans(text: str) -> tuple[list[int], list[int]]:
    found: list[tuple[int, int]] = []
    for test, pattern in NOT_PROSE:
        if test(text):
            found.extend(m.span() for m in pattern.finditer(text))
    found.sort()
    return [a for a, _ in found], [b for _, b in found]


def _in_skip(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    i = bisect_right(starts, s) - 1
    if i >= 0 and ends[i] > s:
        return True
    j = bisect_right(starts, e - 1) - 1
    return j >= 0 and j != i and ends[j] > s


def _tokens(doc: Document) -> tuple[Token, ...]:
    from rules._spell_lexicon import lexicon

    frequent = lexicon().frequent_lower  # the fast path: a C-level dict lookup
    text = doc.text
    starts, ends = _skip_spans(text)
    out: list[Token] = []
    for m in WORD.finditer(text):
        word = m.group()
        if word in frequent:
            continue  # a common lower-case word: nothing to check
        s, e = m.span()
        if word.isalpha():  # the common case: letters only, no apostrophe or hyphen
            if len(word) < 2:
                continue
            rest = word[1:]
            if word[0].islower():
                if rest.islower() and not (starts and _in_skip(starts, ends, s, e)):
                    kind = "word" if word.isascii() else "foreign"
                    out.append(Token(word, word, Span(s, e), kind))
                continue  # lower case with inner capitals: "iPhone"
            if not rest.islower() or word.lower() in frequent:
                continue  # "NATO", "McDonald"; "The", "Government"
            if starts and _in_skip(starts, ends, s, e):
                continue
            initial = s == 0 or INITIAL_BEFORE.search(text, max(0, s - 6), s) is not None
            kind = "initial" if initial and word.isascii() else "name"
            out.append(Token(word, word, Span(s, e), kind))
            continue
        if DIGIT.search(word):
            continue  # numbers, ordinals, "33-month-old", "RS-26"
        if starts and _in_skip(starts, ends, s, e):
            continue
        initial = s == 0 or INITIAL_BEFORE.search(text, max(0, s - 6), s) is not None
        if "-" in word:
            parts = word.split("-")
            # A part of a name ("Mong-koo", "Kilroy-Silk") is a name too.
            named = any(p[:1].isupper() for p in parts[1:]) or (parts[0][:1].isupper() and not initial)
            compound = word.replace("’", "'")
            pos = s
            for k, part in enumerate(parts):
                if not (k == 0 and part.lower() in PREFIXES):
                    _add(out, part, pos, initial and k == 0, compound, named)
                pos += len(part) + 1
        else:
            _add(out, word, s, initial)
    return tuple(out)


def _add(out: list[Token], part: str, start: int, initial: bool, compound: str = "", named: bool = False) -> None:
    if len(part) < 2:
        return
    norm = part.replace("’", "'")
    stem = norm
    if "'" in norm:
        m = CONTRACTION.match(norm)
        if m:
            stem = m["stem"]
        if stem.startswith(("o'", "O'", "d'", "D'", "l'", "L'")) and len(stem) > 3:
            return  # O'Brien, d'Estaing: names
    if len(stem) < 2 or stem.count("'") > 1:
        return
    rest = stem[1:]
    if not rest.islower() and any(c.isupper() for c in rest):
        return  # ICBMs, McDonald, iPhone: acronyms and brand names
    first = stem[0]
    if named:
        kind = "name"
    elif first.isupper():
        kind = "initial" if initial else "name"
        if not stem.isascii() and kind == "initial":
            kind = "name"
    elif stem.isascii():
        kind = "word"
    else:
        kind = "foreign"  # lower-case word with letters English doesn't use
    out.append(Token(norm, stem, Span(start, start + len(stem)), kind, compound))


def tokens(doc: Document) -> tuple[Token, ...]:
    """The document's checkable words (computed once per document)."""
    return doc.cached("spelling.tokens", lambda: _tokens(doc))  # type: ignore[no-any-return]
