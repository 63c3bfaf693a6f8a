"""Real-word errors [RWE]: indefinite-article, confused-word, mass-noun.

Words that every spell checker passes because each is a word: "a hour", "less then four
years", "a missile shrapnel lies".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import re
from bisect import bisect_left

import regex

from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl, patterns
from newslint.document import find_all
from newslint.rules.realword.confusion import (
    OF_AFTER, QUOTED_EXTRA, THRESHOLD, candidates, changed_words, like, lowered, matches_at, phrase_fix, phrase_matches,
)
from newslint.rules.realword import windows
from newslint.rules.realword.context import Context, looks_foreign, sentence_start
from newslint.rules.realword.sounds import article_for, is_foreign_next, never_an

# -- RWE001 indefinite-article -------------------------------------------------------------

ARTICLE = patterns.compile(
    r"""(?<![\p{L}\p{M}\p{N}'’\-.&/])(?P<art>a|an|A|An|AN)(?P<gap>[ \u00a0]+)(?P<q>["“‘]?)
        (?P<next>[\p{L}\d][\p{L}\p{M}\d'’.\-]*)""",
    regex.VERBOSE,
)
SWAP = {"a": "an", "an": "a", "A": "An", "An": "A", "AN": "A"}
# Words an article never stands before: where one does, the text is garbled, not the article.
NOT_AFTER_ARTICLE = frozenset("a an the on in of at and or to is it as if off up by i i'm i've i'd i'll".split())


def _strip_token(tok: str) -> str:
    return tok.rstrip(".'’-")


# Every pattern of this module starts with an article ("a", "an", "A", "An", "AN") followed
# by a space or a no-break space, after no letter, mark or digit: the only places where one
# of them can match. Looked for in the lower-cased text, where each of them reads "a " or
# "an " (or with a no-break space).
ARTICLE_NEEDLES = ("a ", "an ")
ARTICLE_NEEDLES_NBSP = ("a\u00a0", "an\u00a0")


# Where an article can start: "a " or "an " (or with a no-break space) in the lower-cased
# text, after no letter or digit. One standard-library search per needle: a pattern that
# starts with two or more fixed characters is looked for with a fast scan for its first
# and a look at the next, so the rest of the pattern (the look-behind, which reads the
# character before: ``[^\W_]`` is what ``str.isalnum`` says yes to, the tests check every
# character, and lowering keeps it so) is tried only where the needle is, not at every "a"
# (one in twelve letters). The no-break space needles are read back from each no-break
# space (a text holds few, if any).
_NEEDLE_PLACES = tuple(re.compile(re.escape(n) + r"(?<![^\W_]" + re.escape(n) + ")") for n in ARTICLE_NEEDLES)


def _article_places_in(text: str, low: str, base: int = 0) -> list[int]:
    """Where an article can start in ``low``, the lower-cased ``text[base:base + len(low)]``
    (all of it by default), as offsets in ``text``: one of the needles (``ARTICLE_NEEDLES``
    or ``ARTICLE_NEEDLES_NBSP``), and no letter or digit before it (``str.isalnum`` says yes
    only to what ``\\p{L}``, ``\\p{M}`` or ``\\p{N}`` holds, so the patterns' look-behind
    would fail there). (The needles never overlap: each place is one needle's.)"""
    out = [base + m.start() for p in _NEEDLE_PLACES for m in p.finditer(low)]
    j = low.find("\u00a0")
    if j < 0:
        out.sort()
        return out
    while j >= 0:
        # "a\u00a0" or "an\u00a0" ends here: its "a" is at i
        i = j - 1 if low[j - 1:j] == "a" else j - 2 if low[j - 2:j] == "an" else -1
        if i >= 0 and not (i and low[i - 1].isalnum()):
            out.append(base + i)
        j = low.find("\u00a0", j + 1)
    out.sort()
    return out


@windows.collector("article_places", packed=True)
def _article_places_window(text: str, low: str, base: int, words: frozenset[bytes], got: object) -> list[int]:
    """The article places of one window of a long document (see ``windows``)."""
    return _article_places_in(text, low, base)


def _article_places(doc: Document) -> Sequence[int]:
    """Where an article can start (shared by the rules of this module; in a long document,
    found a window at a time and kept in an array, see ``windows``)."""

    def make() -> Sequence[int]:
        if windows.is_long(doc):
            return windows.scan(doc)["article_places"]
        return _article_places_in(doc.text, lowered(doc))

    return doc.cached("realword.article_places", make)


def _wants_other(art: str, token: str) -> bool:
    """Whether the word ``token`` (``ARTICLE``'s ``next``) after the article ``art`` (lower
    case) can be flagged, wherever it stands: it is a word an article goes before, and it
    wants the other article. (The checks that depend on the place come after.)"""
    nxt = _strip_token(token)
    if not nxt or is_foreign_next(nxt):
        return False
    if nxt.lower().replace("’", "'") in NOT_AFTER_ARTICLE and "-" not in nxt:
        return False  # "a an" (a doubled article, below), "it's a on a Bosman": garbled, not a slip
    wanted = article_for(nxt)
    return not (wanted is None or wanted == "both" or wanted == art)


# ``_wants_other``'s answers, remembered: the same words follow "a" and "an" story after story.
_WANTS_OTHER: dict[tuple[str, str], bool] = {}
WANTS_OTHER_SIZE = 1 << 14


def _wants_other_memo(art: str, token: str) -> bool:
    key = (art, token)
    v = _WANTS_OTHER.get(key)
    if v is None:
        if len(_WANTS_OTHER) >= WANTS_OTHER_SIZE:
            _WANTS_OTHER.clear()
        v = _WANTS_OTHER[key] = _wants_other(art, token)
    return v


# What follows an article place: the article ("a " or "an ", the needles), its spaces, an
# opening quotation mark (``ARTICLE``'s ``q``), and the run of ASCII letters that starts
# the next word (where ``ARTICLE``'s ``next`` starts, if the pattern matches there).
_AFTER_ARTICLE = re.compile(r"[aA][nN]?[ \u00a0]+([\"“‘]?)([A-Za-z]*)")
# What cannot go on with ``next`` after a run of ASCII letters (no letter, mark, digit,
# apostrophe, full stop or hyphen): then that run is all of ``next``.
_RUN_ENDS = frozenset(" \u00a0\t\n\r,;:!?()[]{}\"“”")


def _article_word_places(doc: Document) -> tuple[list[int], list[int]]:
    """The article places where ``ARTICLE`` can match and the rule can flag the match, and
    those where ``DOUBLE_ARTICLE`` can match, from one look at the word after each place.

    ``ARTICLE``: all but the places before a word that cannot want the other article, as
    far as two cheap looks tell: "a" before a word that starts with a letter of
    :func:`never_an` ("a day"), or before a word of ASCII letters (then all of ``next``)
    that ``_wants_other`` passes ("a hospital", "an hour"). Leaving those out changes no
    other match: such a match would end inside its next word, where no article place can
    match (the look-behind), or at an article place that starts it ("a an"): a word that
    starts with "a" or "A" is never left out.

    ``DOUBLE_ARTICLE``: "a" or "an" (``first``), spaces, perhaps a quotation mark (not ‘),
    then the word "a" or "an" (``second``) and a space: ``second``'s look-ahead wants spaces
    right after it, so the run of ASCII letters there is all of it ("an area" is left out)."""
    text = doc.text
    n = len(text)
    safe = never_an()
    after = _AFTER_ARTICLE.match
    out: list[int] = []
    second: list[int] = []
    for i in _article_places(doc):
        if text[i + 1] == " " and i + 2 < n and text[i + 2] in safe:
            continue  # "a day": the common case, read without the match below
        m = after(text, i)
        if m is None:  # (never: the needles are these) the pattern decides
            out.append(i)
            continue
        word = m.group(2)
        if not word:
            out.append(i)  # not an ASCII letter: the pattern decides
            continue
        c = word[0]
        k = m.end()
        if c == "a" and (word == "a" or word == "an") and k < n and text[k] in " \u00a0" and m.group(1) != "‘":
            second.append(i)
        single = text[i + 1] in " \u00a0"
        if single and c in safe:
            continue
        if c not in "aA" and (k == n or text[k] in _RUN_ENDS):
            v = _WANTS_OTHER.get(("a" if single else "an", word))
            if v is None:
                v = _wants_other_memo("a" if single else "an", word)
            if not v:
                continue
        out.append(i)
    return out, second


def _second_article_places(doc: Document) -> list[int]:
    """The article places where ``DOUBLE_ARTICLE`` can match (see ``_article_word_places``)."""
    return _article_word_places(doc)[1]


def _matches(pattern: regex.Pattern[str], doc: Document, places: Sequence[int] | None = None) -> list[regex.Match[str]]:
    """``pattern.finditer(doc.text)`` for a pattern that starts with an article, tried only
    at :func:`_article_places` (or ``places``, a part of them where the rest of the pattern
    can match too): the first place at or after the end of the last match where the pattern
    matches is the next match, as in a search (whose look-behind sees the text before the
    place too)."""
    return matches_at(pattern.match, doc.text, _article_places(doc) if places is None else places)


def indefinite_article(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags "a" or "an" that does not match how the next word is said: `a hour`,
    `an university`, `an one-off`, `a 11-year-old`, `an FBI agent` is right but
    `a FBI agent` is not.

    ## Why is this bad?
    The article follows the sound, not the letter: "an" before a vowel sound (`an hour`,
    `an MP`, `an 800m loss`), "a" before a consonant sound (`a university`, `a one-off`,
    `a UN envoy`, `a NATO summit`). A spell checker passes both. Words said either way
    (`a historic` and `an historic`) are accepted, and so are names and titles (`Group A`).

    ## Example
    ```text
    The talks lasted a hour and ended in an unanimous vote.
    ```

    ## Use instead
    ```text
    The talks lasted an hour and ended in a unanimous vote.
    ```

    ## Fix safety
    The fix swaps the article and is safe. Two articles in a row (`a an observation
    tower`) are flagged too; which one to delete is a guess, so that fix is unsafe.

    ## References
    Pronunciations: the CMU Pronouncing Dictionary (as shipped with pocketsphinx).
    """
    text = doc.text
    places, second_places = _article_word_places(doc)
    for m in _matches(ARTICLE, doc, places):
        art = m["art"]
        start = m.start()
        if art[0] == "A" and not sentence_start(text, start):
            continue  # "Group A", "Serie A", "Plan A": a name, not an article
        if art == "AN" and not text[m.end("next") - len(m["next"]):m.end("next")].isupper():
            continue
        if not _wants_other_memo(art.lower(), m["next"]):
            continue
        nxt = _strip_token(m["next"])
        if len(m["next"]) > 1 and m["next"][1:2] == "." and m["next"][:1].isalpha():
            continue  # "a U.S. official", "an F.B.I. agent": initials with periods (said as letters)
        if looks_foreign(text, start, m.end()):
            continue  # "Der Bedarf an mehr", "A equipe do Serviço"
        new = SWAP[art]
        yield Finding(
            span=Span(start, m.end("next")),
            message=f'Use "{new}" before "{nxt}"',
            fix=Fix(f'Change "{art}" to "{new}"', (Edit(Span(start, m.end("art")), new),)),
        )
    for m in _matches(DOUBLE_ARTICLE, doc, second_places):
        first = m["first"]
        if first.lower() == m["second"] and not m["quote"]:
            continue  # "a a": the repeated-word rule's
        if first[0] == "A" and not sentence_start(text, m.start()):
            continue
        yield Finding(
            span=Span(m.start(), m.end()),
            message=f'Two articles "{m.group()}"',
            fix=Fix(f'Remove "{first}"', (Edit(Span(m.start(), m.start("quote")), ""),), Applicability.UNSAFE),
        )


# "a an observation tower": a doubled article, one of them left over from an edit ("a a"
# is a repeated word, the repeated-word rule's).
DOUBLE_ARTICLE = patterns.compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-.&/])(?P<first>a|A|an|An)[ \u00a0]+(?P<quote>[\"“]?)(?P<second>an|a)(?=[ \u00a0]+[\p{L}\d])"
)


# -- RWE002 confused-word ------------------------------------------------------------------


def confused_word(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags a word that is one member of a set of words writers confuse (`their`/`there`/
    `they're`, `its`/`it's`, `than`/`then`, `affect`/`effect`, `lose`/`loose`,
    `led`/`lead`, `advice`/`advise` and about sixty more), where the words around it fit
    another member far better, and fixed phrases that are always wrong (`free reign`,
    `sneak peak`, `could of`, `alot`).

    ## Why is this bad?
    Each word is spelled right, so spell checkers pass it, but the sentence says something
    else or nothing: "the tsunami may effect the service sector" (affect), "after less then
    four years" (than). Names and titles (capitalized inside a sentence), words in capitals
    and words the model does not know are left alone; quotations need more evidence.

    ## Example
    ```text
    Analysts said the tsunami may effect the service sector more than tourism.
    ```

    ## Use instead
    ```text
    Analysts said the tsunami may affect the service sector more than tourism.
    ```

    ## Options
    - `threshold`: how much likelier (log10, default 1.4; half a point more inside a
      quotation) the words around it must be with the other word before it is flagged;
      higher flags less.

    ## Fix safety
    The fix replaces the word with the one the context wants. It is unsafe: the model
    can be wrong, and a writer may mean the rare sense.

    ## References
    Context model: the pocketsphinx US English trigram model (CMU, BSD licence), keeping
    only the n-grams that hold a confusion word.
    """
    text = doc.text
    threshold = int(round(float(options.get("threshold", THRESHOLD / 1000)) * 1000))
    ctx = Context(text)
    for m in phrase_matches(doc):
        found = text[m.start():m.end()]
        key = regex.sub(r"[ \u00a0]+", " ", found.lower().replace("’", "'"))
        if key.endswith(" of") and OF_AFTER.match(text, m.end()):
            continue
        if found[0].isupper() and not sentence_start(text, m.start()) and key != "alot":
            continue
        right = like(phrase_fix(found), found)
        s, e, old, new = changed_words(found, right)
        yield Finding(
            span=Span(m.start(), m.end()),
            message=f'"{found}" is probably a slip for "{right}"',
            fix=Fix(f'Replace "{old}" with "{new}"', (Edit(Span(m.start() + s, m.start() + e), new),),
                    Applicability.UNSAFE),
        )
    for c in candidates(doc, ctx, floor=threshold):
        need = threshold + (QUOTED_EXTRA if c.quoted else 0)
        if c.gain < need:
            continue
        word = c.word
        best = c.best
        if "'" in best and "’" in text[max(0, c.start - 300):c.end + 300] and "'" not in text[max(0, c.start - 300):c.end + 300]:
            best = best.replace("'", "’")
        right = like(best, word)
        yield Finding(
            span=Span(c.start, c.end),
            message=f'"{word}" where the context wants "{right}"',
            fix=Fix(f'Replace with "{right}"', (Edit(Span(c.start, c.end), right),), Applicability.UNSAFE),
        )


# -- RWE003 mass-noun ----------------------------------------------------------------------

MASS_NOUNS = (
    "advice luggage baggage shrapnel information equipment furniture homework machinery"
    " evidence research jewellery jewelry legislation feedback applause scenery weaponry"
    " cutlery crockery garbage"
).split()
# What may follow the noun for "a" to be wrong: the noun ends its phrase (a verb, a
# preposition, punctuation), so it is not a modifier ("a luggage rack", "an advice column").
AFTER_MASS = (
    "is was lies lay lie has had have that which who about on in from for to of with by at"
    " will would could can may must should were are remains remained shows showed suggests"
    " suggested came comes"
).split()
QUANTITY = frozenset("lot bit piece kind sort type item wealth deal body source range host mass mountain"
                     " scrap shred word form great little".split())
MASS = patterns.compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-.&/])(?P<art>a|an|A|An)[ \u00a0]+(?:(?P<mod>\p{Ll}[\p{Ll}\-]*)[ \u00a0]+)?"
    r"(?P<noun>" + "|".join(MASS_NOUNS) + r")"
    r"(?=[ \u00a0]*(?:[.,;:!?)]|(?:" + "|".join(AFTER_MASS) + r")\b))"
)
LOT = patterns.compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-.&/])(?P<art>a|A)[ \u00a0]+lot[ \u00a0]+(?P<noun>"
    + "|".join(MASS_NOUNS + ["people", "things", "money", "time"]) + r")\b"
)


# The runs of ASCII letters where ``MASS`` can find its noun (each is one of the document's
# ASCII words: the noun stands after a space, and before a character that is no letter or
# before one of ``AFTER_MASS`` typed on to it, "adviceis", and then a character that is no
# letter), and the noun in each.
_MASS_RUNS = {(n + a).encode("ascii"): n for n in MASS_NOUNS for a in ("", *AFTER_MASS)}
_MASS_RUN_KEYS = frozenset(_MASS_RUNS)


def _mass_nouns_in(words: frozenset[bytes]) -> list[str]:
    """The nouns ``MASS`` can find in a text whose ASCII words are ``words``."""
    return sorted({_MASS_RUNS[r] for r in _MASS_RUN_KEYS.intersection(words)})


def _mass_nouns(doc: Document) -> list[str]:
    """The nouns ``MASS`` can find in the document, by a look at its ASCII words."""
    return _mass_nouns_in(doc.ascii_words)


def _places_before(doc: Document, words: list[str], modifier: bool = False) -> list[int]:
    """``_places_before_in`` over the whole (short) document."""
    return _places_before_in(doc.text, lowered(doc), 0, _article_places(doc), words, modifier)


def _places_before_in(text: str, low: str, base: int, places: Sequence[int], words: list[str],
                      modifier: bool = False) -> list[int]:
    """The article places (of ``places``) from which ``MASS`` (``modifier``) or ``LOT`` can
    reach one of ``words`` (looked for in ``low``, the lower-cased ``text[base:base +
    len(low)]``): the article, spaces and the word; with ``modifier``, also the article,
    spaces, one word without a space (where ``mod`` is), spaces and the word. Walked back
    from each occurrence of the word; the pattern decides."""
    nbsp = "\u00a0" in text
    out: set[int] = set()

    def at_places(ends: int) -> list[int]:
        """The article places that end (before their spaces) at ``ends``: "a" or "an"."""
        i = bisect_left(places, ends - 2)
        return [p for p in places[i:i + 2] if p in (ends - 1, ends - 2)]

    def article_before(k: int) -> int:
        """Where the spaces before ``k`` start (``k`` if there are none)."""
        while k and text[k - 1] in " \u00a0":
            k -= 1
        return k

    for j in find_all(low, words):
        k = base + j
        e = article_before(k)
        if e == k:
            continue  # no space before the word: no pattern reaches it
        out.update(at_places(e))
        if modifier:
            s = text.rfind(" ", 0, e) + 1  # the start of the word before (the modifier)
            if nbsp:
                s = max(s, text.rfind("\u00a0", s, e) + 1)
            if s == e:
                continue
            e2 = article_before(s)
            if e2 < s:
                out.update(at_places(e2))
    return sorted(out)


# In a long document (see ``windows``), what ``mass_noun`` reads of each window: the places
# ``MASS`` and ``LOT`` are tried at, found with the window's own words and article places
# (a finding lies on one line, so in one window, and its words are the window's), and
# whether the window holds a mass noun's run, the run "lot", or a mass noun inside a word.
@windows.collector("mass_places", packed=True)
def _mass_places_window(text: str, low: str, base: int, words: frozenset[bytes],
                        got: dict[str, list[Any]]) -> list[int]:
    nouns = _mass_nouns_in(words)
    return _places_before_in(text, low, base, got["article_places"], nouns, modifier=True) if nouns else []


@windows.collector("lot_places", packed=True)
def _lot_places_window(text: str, low: str, base: int, words: frozenset[bytes],
                       got: dict[str, list[Any]]) -> list[int]:
    return _places_before_in(text, low, base, got["article_places"], ["lot"]) if b"lot" in words else []


@windows.collector("mass_flags")
def _mass_flags_window(text: str, low: str, base: int, words: frozenset[bytes], got: object) -> list[str]:
    if _MASS_RUN_KEYS.intersection(words):
        return ["nouns"]  # then the other two do not matter (see ``mass_noun``)
    return (["lot"] if b"lot" in words else []) + (["inside"] if any(n in low for n in MASS_NOUNS) else [])


def _mass_places(doc: Document) -> tuple[Sequence[int], Sequence[int]] | None:
    """The places ``MASS`` and ``LOT`` are tried at, or None where neither can find a thing:
    no mass noun in the text, not even inside a word ("a lot people" is let pass too)."""
    if windows.is_long(doc):
        found = windows.scan(doc)
        flags = set(found["mass_flags"])
        if "nouns" not in flags and not ("lot" in flags and "inside" in flags):
            return None
        return found["mass_places"], found["lot_places"]
    nouns = _mass_nouns(doc)
    if not nouns and (b"lot" not in doc.ascii_words or not any(n in lowered(doc) for n in MASS_NOUNS)):
        return None
    return (_places_before(doc, nouns, modifier=True) if nouns else [],
            _places_before(doc, ["lot"]) if b"lot" in doc.ascii_words else [])


def mass_noun(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags "a" or "an" before a noun that takes none, such as `advice`, `luggage`,
    `shrapnel`, `information` or `equipment`, when the noun ends its phrase: `an advice`,
    `A missile shrapnel lies on the grass`. Also `a lot evidence` (a lot *of* evidence).

    ## Why is this bad?
    These nouns name a mass, not a countable thing: one says `advice`, `a piece of
    advice`, `shrapnel`, `a shrapnel fragment`. The slip is common in translated and
    hurried copy. Used as a modifier the noun is fine (`a luggage rack`, `an advice
    column`), and so is a name or title.

    ## Example
    ```text
    A missile shrapnel lies on the grass outside the clinic.
    ```

    ## Use instead
    ```text
    Missile shrapnel lies on the grass outside the clinic. A shrapnel fragment hit a car.
    ```

    ## Fix safety
    The fix deletes the article and is unsafe: `a piece of` may be what was meant.
    """
    text = doc.text
    places = _mass_places(doc)
    if places is None:
        return
    mass_places, lot_places = places
    for m in _matches(MASS, doc, mass_places):
        art, mod = m["art"], m["mod"]
        if art[0] == "A" and not sentence_start(text, m.start()):
            continue
        if mod is not None and (mod in QUANTITY or mod in ("a", "an", "the")):
            continue
        first = mod or m["noun"]
        replacement = first[:1].upper() + first[1:] if art[0] == "A" else first
        fix_end = m.start("mod") + len(first) if mod is not None else m.start("noun") + len(first)
        yield Finding(
            span=Span(m.start(), m.end("noun")),
            message=f'"{m["noun"]}" takes no "{art.lower()}"',
            fix=Fix(f'Remove "{art}"', (Edit(Span(m.start(), fix_end), replacement),), Applicability.UNSAFE),
        )
    for m in _matches(LOT, doc, lot_places):
        if m["art"] == "A" and not sentence_start(text, m.start()):
            continue
        noun = m["noun"]
        s = m.start("noun")
        yield Finding(
            span=Span(m.start(), m.end()),
            message=f'"a lot {noun}" is missing "of"',
            fix=Fix('Insert "of"', (Edit(Span(s, s), "of "),), Applicability.UNSAFE),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("RWE001", "indefinite-article", Severity.ERROR, indefinite_article, fixable="sometimes",
                  language="en"))
    register(Rule("RWE002", "confused-word", Severity.WARNING, confused_word,
                  options={"threshold": THRESHOLD / 1000}, fixable="unsafe", language="en"))
    register(Rule("RWE003", "mass-noun", Severity.WARNING, mass_noun, fixable="unsafe", language="en"))
