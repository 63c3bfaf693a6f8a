"""Real-word errors [RWE]: indefinite-article, confused-word, mass-noun.

Words that every spell checker passes because each is a word: "a hour", "less then four
years", "a missile shrapnel lies".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl, patterns
from newslint.quotations import in_quotation
from newslint.rules.realword.context import Around, Context, looks_foreign, sentence_start
from newslint.rules.realword.sets import CONFUSED, PHRASES
from newslint.rules.realword.sounds import article_for, is_foreign_next

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
    for m in ARTICLE.finditer(text):
        art = m["art"]
        start = m.start()
        if art[0] == "A" and not sentence_start(text, start):
            continue  # "Group A", "Serie A", "Plan A": a name, not an article
        if art == "AN" and not text[m.end("next") - len(m["next"]):m.end("next")].isupper():
            continue
        nxt = _strip_token(m["next"])
        if not nxt or is_foreign_next(nxt):
            continue
        if nxt.lower().replace("’", "'") in NOT_AFTER_ARTICLE and "-" not in nxt:
            continue  # "a an" (a doubled article, below), "it's a on a Bosman": garbled, not a slip
        wanted = article_for(nxt)
        if wanted is None or wanted == "both" or wanted == art.lower():
            continue
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
    for m in DOUBLE_ARTICLE.finditer(text):
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

def _phrase_pattern(phrase: str) -> str:
    """A phrase as a pattern: any spacing, either apostrophe, and ``*`` for one optional
    word ("toe the * line": the line, the party line, the government line)."""
    out = []
    for word in phrase.split():
        out.append(r"(?:[^\W\d_]+[ \u00a0]+)?" if word == "*" else re.escape(word).replace("'", "['’]") + r"[ \u00a0]+")
    return "".join(out)[: -len(r"[ \u00a0]+")]


# Matched on the lower-cased text (see ``lowered``), with the standard library's engine.
PHRASE = re.compile(
    r"(?<![\w'’-])(?:"
    + "|".join(sorted((_phrase_pattern(p) for p, _ in PHRASES), key=len, reverse=True))
    + r")(?![\w-]|['’][^\W\d_])"
)
PHRASE_FIX = tuple((re.compile(_phrase_pattern(p)), p, right) for p, right in PHRASES)


# A phrase can match only where its first two words are (checked with ``in``, which is
# far cheaper than the pattern; a phrase typed with two spaces is the spacing rule's).
PHRASE_ANCHORS = tuple(sorted({a for p, _ in PHRASES for a in (" ".join(p.split()[:2]),
                                                                " ".join(p.split()[:2]).replace("'", "’"))}))


def phrase_matches(doc: Document) -> list[re.Match[str]]:
    """The fixed phrases in the document (on its lower-cased text), found once."""

    def make() -> list[re.Match[str]]:
        low = lowered(doc)
        if not any(a in low for a in PHRASE_ANCHORS):
            return []
        return list(PHRASE.finditer(low))

    return doc.cached("realword.phrases", make)


def _phrase_fix(found: str) -> str:
    """The right words for a matched phrase (the optional word kept)."""
    for pattern, wrong, right in PHRASE_FIX:
        if pattern.fullmatch(found.lower()):
            words = found.split()
            if "*" in wrong.split():
                i = wrong.split().index("*")
                extra = len(words) - (len(wrong.split()) - 1)
                filler = words[i:i + extra]
                out = right.split()
                j = out.index("*")
                return " ".join(out[:j] + filler + out[j + 1:])
            return right
    return found  # pragma: no cover - PHRASE matched, so one of them does


# "could of course", "would of necessity": "of" there is no slip for "have".
OF_AFTER = patterns.compile(r"[ \u00a0]+(?:course|necessity)\b", regex.IGNORECASE)

# How much likelier (log10 x 1000) another member must make the words around it.
THRESHOLD = 1400
QUOTED_EXTRA = 500  # inside a quotation: a speaker's words; more evidence needed


def _like(word: str, model: str) -> str:
    """``word`` in the case of ``model`` (lower, Capitalized or UPPER)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _changed_words(found: str, right: str) -> tuple[int, int, str, str]:
    """The part of ``found`` that differs from ``right``, whole words: offsets in ``found``,
    the old and the new words ("free reign" -> "free rein": the span of "reign", "rein")."""
    spans = [m.span() for m in regex.finditer(r"\S+", found)]
    old, new = found.split(), right.split()
    i = 0
    while i < min(len(old), len(new)) - 1 and old[i].lower() == new[i].lower():
        i += 1
    j = 0
    while j < min(len(old), len(new)) - 1 - i and old[-1 - j].lower() == new[-1 - j].lower():
        j += 1
    s, e = spans[i][0], spans[len(old) - 1 - j][1]
    return s, e, found[s:e], " ".join(new[i:len(new) - j])


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
    - `threshold`: how much likelier (log10, default 1.8) the words around it must be
      with the other word before it is flagged; higher flags less.

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
        right = _like(_phrase_fix(found), found)
        s, e, old, new = _changed_words(found, right)
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
        right = _like(best, word)
        yield Finding(
            span=Span(c.start, c.end),
            message=f'"{word}" where the context wants "{right}"',
            fix=Fix(f'Replace with "{right}"', (Edit(Span(c.start, c.end), right),), Applicability.UNSAFE),
        )


ITS_ROW = CONFUSED["its"]
POUR_OVER = frozenset(("pore", "pored", "poring"))
POUR_OVER_NEXT = patterns.compile(r"[ \u00a0]+(?:over|through)\b")
# Words that follow "it's" (it is, it has) but never the possessive "its".
AFTER_ITS_NOT = frozenset(
    """a an the not been being going got gonna all only just so very too really about like
    still also never always quite time up over because what how why when where this that no
    now more my his her their our your as in on at for to here there probably definitely
    certainly clearly obviously almost some ok okay taken become gone done""".split()
)
# After "its ADJ": what makes the adjective a predicate ("its likely to", "its clear that").
AFTER_PREDICATE = frozenset("to that if when because for than what how why whether".split())
NOUN_ENDINGS = ("ity", "ment", "tion", "sion", "ness", "ance", "ence", "ship", "ism")
HYPHENATED_NEXT = patterns.compile(r"[ \u00a0]+[\"“‘']?[\p{L}\p{N}]+-\p{L}")


# Possessive or contraction: the model alone is unreliable here (its training text wrote
# "it's" for both), so grammar decides where the model may speak. The possessive of each,
# then the contraction.
POSSESSIVE_ROWS = {CONFUSED["its"]: ("its", "it's"), CONFUSED["your"]: ("your", "you're"),
                   CONFUSED["whose"]: ("whose", "who's")}
NEEDS_OBJECT = frozenset(("from",))


def _possessive_verdict(ctx: Context, word: str, row: tuple[str, ...], around: Around,
                        hyphenated: bool) -> tuple[str | None, int]:
    """"its"/"it's", "your"/"you're", "whose"/"who's".

    Possessive -> contraction only before a word that cannot follow a possessive ("its a",
    "your not", "its going") or before an adjective that is a predicate ("its likely to");
    contraction -> possessive only where the model prefers the possessive at all, and by
    that preference plus how much better "their" fits than "they're" (a stand-in for a
    possessive and for "it is").
    """
    possessive, _contraction = POSSESSIVE_ROWS[row]
    _l2, _l1, r1, r2 = around
    rival, gain = ctx.best(word, row, around)
    if rival is None or hyphenated:
        return None, 0
    if word == possessive:
        if _predicate_follows(around):
            return rival, gain
        return None, 0
    if r1 in AFTER_ITS_NOT or r1 == "</s>" or gain < 0:
        return None, 0
    # Two pieces of evidence, added: the model's own preference (which leans the other way)
    # and how much better "their" fits than "they're".
    return rival, gain + ctx.gain("they're", "their", around)


def _predicate_follows(around: Around) -> bool:
    """Whether the words after a possessive show it is a contraction: a word no possessive
    takes ("its a", "your not"), or an adjective used as a predicate ("its likely to")."""
    r1, r2 = around[2], around[3]
    if r1 is None:
        return False
    return r1 in AFTER_ITS_NOT or (r2 in AFTER_PREDICATE and not r1.endswith(NOUN_ENDINGS))


def _short_line(text: str, start: int) -> bool:
    """Whether ``start`` is on a short line without a full stop: a heading or a title
    ("Hear here"), where a few words give the model too little to go on."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    line = text[ls:le if le >= 0 else len(text)].strip()
    return len(line.split()) < 6 and not line.endswith((".", "?", "!", '"', "”"))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A confusion word, the member the context favours, and by how much (log10 x 1000)."""

    start: int
    end: int
    word: str
    best: str
    gain: int
    quoted: bool


def lowered(doc: Document) -> str:
    """The text in lower case, offset for offset (shared by the rules of this family)."""

    def make() -> str:
        low = doc.text.lower()
        if len(low) != len(doc.text):  # "İ" lowers to two characters: lower ASCII only
            low = doc.text.translate(ASCII_LOWER)
        return low

    return doc.cached("realword.lowered", make)


ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
# Scanned on the lower-cased text with the standard library's engine (four times faster
# here than a case-insensitive alternation): each word, then a set lookup.
WORD_SCAN = re.compile(r"[a-z]+(?:['’][a-z]+)?")
CONFUSABLE = frozenset(CONFUSED) | frozenset(w.replace("'", "’") for w in CONFUSED if "'" in w)
JOINERS = "'’-"


def candidates(doc: Document, ctx: Context | None = None, floor: int | None = None) -> Iterator[Candidate]:
    """Every confusion word the model can judge, with its best rival, when the rival's gain
    reaches ``floor`` (any gain when None)."""
    text = doc.text
    low = lowered(doc)
    ctx = ctx or Context(text)
    phrase_spans = [(m.start(), m.end()) for m in phrase_matches(doc)]
    n = len(text)
    for m in WORD_SCAN.finditer(low):
        lw = m.group()
        if lw not in CONFUSABLE:
            continue
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in JOINERS):
            continue
        if end < n:
            nxt = text[end]
            if nxt.isalnum() or nxt == "-" or (nxt in "'’" and end + 1 < n and text[end + 1].isalpha()):
                continue
        word = text[start:end]
        if word[0].isupper():
            if len(word) > 1 and word.isupper():
                continue  # capitals: a headline or an acronym
            if not sentence_start(text, start):
                continue  # a name or title: "Premier League", "Council"
        if phrase_spans and any(s <= start < e for s, e in phrase_spans):
            continue
        lower = lw.replace("’", "'")
        row = CONFUSED[lower]
        if lower in POUR_OVER and POUR_OVER_NEXT.match(text, end):
            continue  # "pore over the figures": the idiom, not a slip for "pour"
        around = ctx.around(start, end)
        if row in POSSESSIVE_ROWS:
            best, gain = _possessive_verdict(ctx, lower, row, around, HYPHENATED_NEXT.match(text, end) is not None)
        else:
            best, gain = ctx.best(lower, row, around)
            if lower == "their" and best == "they're" and not _predicate_follows(around):
                best, gain = ctx.best(lower, ("their", "there"), around)
        if best is None or (floor is not None and gain < floor):
            continue
        if best in NEEDS_OBJECT and around[2] == "</s>":
            continue  # "the comments form." cannot be "from": a preposition needs its object
        if _short_line(text, start) or looks_foreign(text, start, end):
            continue
        yield Candidate(start, end, word, best, gain, in_quotation(doc, start))


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
    low = lowered(doc)
    if not any(n in low for n in MASS_NOUNS):
        return
    for m in MASS.finditer(text):
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
    for m in LOT.finditer(text):
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
