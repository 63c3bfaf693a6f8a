"""Duplicates, DUP001 repeated-word: a word typed twice in a row ("the the")."""

from __future__ import annotations

import operator
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from itertools import compress
from typing import Any

import regex

from newslint import patterns
from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl


# -- DUP001 repeated-word ------------------------------------------------------------------

# A word, then only spaces (at most one line break, never a blank line), then the same word
# in any case. Not part of a hyphenated or numbered token ("Boutros Boutros-Ghali").
REPEAT = patterns.compile(
    r"""
    (?<![\p{L}\p{M}\p{N}'’\-])
    (?P<first>\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*)
    (?P<gap>[ \t\u00a0]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*)
    (?P<second>(?P=first))
    (?![\p{L}\p{M}\p{N}'’\-])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A quick scan for candidates, checked then with REPEAT (whole text in one C-level pass).
# Possessive: a shorter part of a word is never followed by a space, so giving back
# letters could not find another match; it only cost time.
CANDIDATE = patterns.compile(r"\b(\p{L}++(?:['’]\p{L}++)*+)\s++\1\b", regex.IGNORECASE)
# Doubles that grammar allows ("she had had enough") or speech repeats for effect.
ALLOWED_DOUBLES = frozenset(
    "had really very no bye ha haha hee ho yeah yes tut knock blah bla la na go hear chop boo"
    " yo wow much so too far again never".split()  # intensifiers: "much, much more", "far, far away"
)
# Small words that are never names: "The The" or "OF OF" is a slip, "Duran Duran" is a band.
FUNCTION_WORDS = frozenset(
    "the a an of to in on at by for from with and or but nor as that this these those is are"
    " was were be been has have will would can could should may might must not it its he she"
    " they we you i his her their our my your than then there when which who what".split()
)
# Function words that never stand twice on purpose: deleting the copy is a safe fix. Others
# can ("jumping in in the middle", "what it is is", "carry on on the road", "said that that").
SAFE_DOUBLES = frozenset(
    "the a an of to and or but nor for from with by at as than this these those their our my your his its".split()
)
# "... said that that plan failed": a conjunction "that", then the demonstrative.
THAT_LEADS = frozenset(
    """said say says saying stress stressed stresses ensure ensured ensures doubt doubts
    convinced believe believed believes think thinks thought know knows knew known feel feels
    felt hope hoped hopes argue argued argues insist insisted insists claim claimed claims warn
    warned warns suggest suggested suggests show shows showed shown mean means meant note noted
    notes agree agreed agrees accept accepted accepts admit admitted admits deny denied denies
    realise realised realize realized understand understands understood clear sure aware fact
    so me us him them you tell tells told confirm confirmed explain explained add added
    recognise recognised recognize recognized expect expected fear feared worry worried
    concerned remember remembered forget see saw seen find found guarantee guaranteed promise
    promised prove proved reveal revealed report reported announce announced declare declared
    conclude concluded is was""".split()
)
# ... unless a subject or determiner follows, which the demonstrative "that" cannot take.
NOT_AFTER_THAT = frozenset(
    "the a an he she they we i you it his her their its our my your this these those there"
    " some most many in on at after before since during with from by under despite because if"
    " when while although as of".split()
)
PREV_WORD = patterns.compile(r"([\p{L}']+)[^\p{L}\n]{0,3}$")
NEXT_WORD = patterns.compile(r"[^\p{L}\n]{0,3}([\p{L}'’]+)")


def _is_slip(text: str, m: regex.Match[str], allowed: frozenset[str]) -> bool:
    first, second = m["first"], m["second"]
    low = first.lower()
    if low in ALLOWED_DOUBLES or low in allowed:
        return False
    across_lines = "\n" in m["gap"]
    if first != second:
        if second[0].isupper():  # "lord Lord Bingham", "said Said": the second is a name
            return False
        if len(first) > 1 and first.isupper():  # "IS is" (Islamic State)
            return False
        # "The the": a sentence start retyped.
    elif first[0].isupper() and low not in FUNCTION_WORDS:
        return False  # "Duran Duran", "Bora Bora", "BADEN BADEN": names and titles
    if across_lines and second[0].isupper():
        return False  # a line ending without punctuation (a headline), then a new sentence
    start, end = m.span()
    if start and end < len(text) and text[start - 1] in "\"“'‘" and text[end] in "\"”'’":
        return False  # a quoted mention: the phrase "no no"
    if low == "that":
        nxt = NEXT_WORD.match(text, end, min(len(text), end + 40))
        if nxt is None or regex.split(r"['’]", nxt[1].lower())[0] not in NOT_AFTER_THAT:
            prev = PREV_WORD.search(text, max(0, start - 40), start)
            if prev is not None and prev[1].lower() in THAT_LEADS:
                return False  # "we must ensure that that service improves"
    return True


# For the gate below, on Latin-1 bytes: letters in lower case (in Latin-1 text, where no
# letter has a case partner outside Latin-1, that is what REPEAT's IGNORECASE compares)
# and the apostrophe kept, white space a space, anything else "|" (a token of its own:
# punctuation between two words parts them).
_LETTERS_APOSTROPHE = bytes(
    ord(chr(i).lower()) if chr(i).isalpha() else 39 if i == 39 else 32 if chr(i) in " \t\n\r\v\f\xa0" else 124
    for i in range(256)
)
# The same with every other character a space, but ASCII digits kept: the looser look below.
_LETTERS_APOSTROPHE_DIGITS = bytes(
    c if c != 124 else i if 48 <= i <= 57 else 32 for i, c in enumerate(_LETTERS_APOSTROPHE)
)
# Typographic characters of news copy, as Latin-1 of the same class for REPEAT: the curly
# apostrophe joins a word like "'" does; the others are neither letters nor apostrophes
# nor white space REPEAT allows between the two words.
_TYPOGRAPHIC_LATIN1 = (("’", "'"),) + tuple(
    (ch, "|") for ch in "“”‘—–…€•\ufffd\u2009\u202f\u200b\u2032\u2033"
)


def _no_repeat_possible(text: str) -> bool:
    """True when REPEAT cannot match anywhere (checked in C, without the regex scan).

    A match is a word that starts after no letter or apostrophe and ends before white
    space, then white space only, then the same word in any case, followed by no letter
    or apostrophe. With letters and apostrophes kept, white space a space and every other
    character a token of its own ("|"), both copies are whole tokens, one right after the
    other, equal in lower case: no two equal neighbouring word tokens means no match.
    Only for text in Latin-1 (after the usual typographic characters): elsewhere case
    folding is not plain ``lower``, so the regex decides."""
    if not text.isascii():
        for ch, plain in _TYPOGRAPHIC_LATIN1:
            if ch in text:
                text = text.replace(ch, plain)
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    # A looser look first, with a third fewer tokens to compare: punctuation a space like
    # white space (it only joins more neighbours), digits kept in their tokens ("5m 6m").
    # Both copies of a match are still whole tokens there, one right after the other, and
    # start with a letter: no such pair, no match. (Pairs such as "in. In" or "2.2" send
    # a story on to the strict look.)
    if not _letter_pair(data.translate(_LETTERS_APOSTROPHE_DIGITS)):
        return True
    tokens = data.translate(_LETTERS_APOSTROPHE).replace(b"|", b" | ").split()
    return all(t == b"|" for t in compress(tokens, map(operator.eq, tokens, tokens[1:])))


# Two equal neighbouring tokens of a text of tokens and spaces, with a space put before and
# after it: a space, a whole token, spaces, the same bytes, a space. The quantifiers are
# possessive (Python 3.11 and later), so a token is never given back and each space is one
# try of the standard library's engine, which starts only at a space (~35 us on the seed
# story; splitting it into 1,600 tokens and comparing each with the next took ~65 us).
_EQUAL_NEIGHBOURS = re.compile(rb" ([^ ]++) ++\1(?= )") if sys.version_info >= (3, 11) else None


def _letter_pair(loose: bytes) -> bool:
    """Whether two neighbouring tokens of ``loose`` (bytes of tokens and spaces) are equal
    and start with no ASCII digit."""
    if _EQUAL_NEIGHBOURS is None:
        tokens = loose.split()
        return not all(48 <= t[0] <= 57 for t in compress(tokens, map(operator.eq, tokens, tokens[1:])))
    padded = b" " + loose + b" "
    m = _EQUAL_NEIGHBOURS.search(padded)
    while m is not None:
        if not 48 <= padded[m.start(1)] <= 57:
            return True
        m = _EQUAL_NEIGHBOURS.search(padded, m.start() + 1)  # "5m 5m": look on
    return False


# The gate splits the whole text into byte tokens: a few times the text's size in memory,
# so only stories and chapters take it (a 20 MB file went from ~170 to ~340 MB with it).
GATE_MAX = 1_000_000


def _repeats_in(text: str) -> Iterator[regex.Match[str]]:
    """Every doubled word, overlapping ones too ("the the the" gives two), each once."""
    if len(text) <= GATE_MAX and _no_repeat_possible(text):
        return
    last = -1  # where the last match started: a run of repeats is walked once, not
    # again from each later candidate in it ("the " x 2000 gave 1,000,000 findings)
    for c in CANDIDATE.finditer(text):
        pos = c.start()
        while pos > last and (m := REPEAT.match(text, pos)) is not None:
            yield m
            last = pos
            pos = m.start("second")


def repeated_word(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags a word typed twice in a row within a sentence, such as `the the`, in any case
    (`The the`) and across a line break.

    ## Why is this bad?
    A repeated word is a slip made while editing; spell checkers pass it because each word
    is spelled right, and readers stumble on it. Punctuation or a blank line between the two
    words ends the check (`said Paris. Paris is`), and doubles that grammar allows (`had had`,
    `said that that plan failed`), names (`Duran Duran`, `Boutros Boutros-Ghali`) and
    numbers are left alone.

    ## Example
    ```text
    Officials said the the bridge would reopen on Monday.
    ```

    ## Use instead
    ```text
    Officials said the bridge would reopen on Monday. She had had enough.
    ```

    ## Options
    - `allow`: more words whose doubling is fine (lower case), such as `["bang"]`.

    ## Fix safety
    The fix deletes the second copy. It is safe for small function words that are never
    doubled on purpose (`the the`, `to to`, `of of`, `and and`); for any other word it is
    unsafe: a writer may repeat a word for effect (`call racism racism`), and some small
    words double in good grammar (`jumping in in the middle`, `what it is is`).
    """
    text = doc.text
    allowed = frozenset(w.lower() for w in options.get("allow", ()))
    for m in _repeats_in(text):
        if not _is_slip(text, m, allowed):
            continue
        word = m["second"]
        if "\n" in m["gap"]:  # keep the line break: delete the word and the spaces after it
            s, e = m.start("second"), m.end("second")
            while e < len(text) and text[e] in " \t":
                e += 1
            if e >= len(text) or text[e] == "\n":
                s = m.end("first")
                e = m.end("second")
        else:
            s, e = m.end("first"), m.end("second")
        yield Finding(
            span=Span(m.start(), m.end()),
            message=f'Repeated word "{m["first"]} {word}"',
            fix=Fix(f'Remove the repeated "{word}"', (Edit(Span(s, e), ""),),
                    Applicability.SAFE if word.lower() in SAFE_DOUBLES else Applicability.UNSAFE),
        )




@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("DUP001", "repeated-word", Severity.ERROR, repeated_word, options={"allow": ()},
                  fixable="sometimes"))
