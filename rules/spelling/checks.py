"""Spelling: words that are not words, mixed American/British spellings, and names spelled
two ways in one story. Word lists: ``rules/data/`` (see its README for sources)."""

from __future__ import annotations

import re
from collections import Counter
from importlib import import_module
from bisect import bisect_right
from itertools import compress, repeat
from operator import attrgetter, is_, itemgetter
from os.path import commonprefix
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from newslint import patterns
from newslint import Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl
from newslint.diagnostics import Applicability
from newslint.quotations import before_sic, within_quotation
from newslint.rules.spelling.foreign import is_file_extension, is_file_type, is_fragment, is_name_particle, is_pinyin
from newslint.rules.spelling.lexicon import known_misspellings, lexicon, variants
from newslint.rules.spelling.morph import (
    abbreviation,
    compound_known,
    compound_part,
    derived,
    elongated,
    family_forms,
    inflected,
    lowercase_name,
    one_edit,
    other_variety,
    regular_plural_compound,
    tech_base,
)
from newslint.rules.spelling.tokens import INITIAL_BEFORE, SEPARATORS, Token, fold, scan, tokens

_MODULES: dict[str, Any] = {}


def _later(name: str) -> Any:
    """The spelling module ``name``, imported at its first use and kept: not at start-up
    (a run without unknown words never needs it), and not by an ``import`` statement in a
    function (a few microseconds each time: several times per story)."""
    mod = _MODULES.get(name)
    if mod is None:
        mod = _MODULES[name] = import_module("newslint.rules.spelling." + name)
    return mod

# A capitalized word after one of these is a name, even at a sentence start ("Minister ...").
TITLES = frozenset(
    "president minister secretary spokesman spokeswoman spokesperson chancellor senator governor "
    "mayor general colonel captain judge justice king queen prince princess pope ambassador envoy "
    "commissioner chairman chairwoman director dr mr mrs ms sir lord lady rev prof".split()
)
SENTENCE_START_ZIPF = 4.0
STORY_BOOST_ZIPF = 5.0  # a suggestion used in the story goes first unless this common
REPEATED = 2  # an unknown word used this often in a story is meant (unless a listed misspelling)
FAMILY_BASE_ZIPF = 2.5  # another form of a word in the story is evidence only when both are rarer
REPEATED_LISTED = 3  # ... and even a listed misspelling used this often is a name ("ofo" bikes)
FAR_LENGTH = 8  # an unknown word this long with no candidate within two edits is a term
NAME_WORD_ZIPF = 2.0  # a rarer lower-case entry may be a case-folded name ("zelensky")
FAR_SCORE = -2.0  # ... or whose best candidate scores this low (rare and far: "roasteries")
# Longer than two of the longest dictionary words (45 letters) and a prefix or ending: no
# suggestion, known part or compound can come of it, so it could only be a term ("far from
# every word"). Skipped before any candidate is built (edits of a word of n letters cost n²).
MAX_WORD_LENGTH = 100
PASSED_LIMIT = 100_000  # answers kept per memo of what a word alone says (cleared when full)
RARE_VARIANT_ZIPF = 1.5  # a variant whose other spelling is rarer than this is no variety difference
SAFE_VARIANT_ZIPF = 3.0  # a variant fix is safe only towards a spelling at least this common
def match_case(original: str, word: str) -> str:
    """``word`` in the case pattern of ``original`` ("Spoeed" -> "Speed")."""
    if not word or not word.islower():
        return word
    if len(original) > 1 and original.isupper():
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _vocabulary(doc: Document) -> Any:
    return doc.metadata.get("vocabulary")


def _accepted(vocab: Any, tok: Token, raw: str) -> bool:
    if not vocab:  # no accept words or patterns (a Vocabulary is falsy when empty)
        return False
    return vocab.accepts(raw) or vocab.accepts(tok.whole) or vocab.accepts(tok.text)


_MATCHER: list[Any] = [None, 0, None]  # the reject list last indexed, its length, and its index


def _reject_findings(doc: Document, reject: Mapping[str, str]) -> Iterator[Finding]:
    from newslint.rules.spelling.reject import Matcher

    if _MATCHER[0] is not reject or _MATCHER[1] != len(reject):  # one index per run, not per document
        _MATCHER[:] = [reject, len(reject), Matcher(reject)]
    matcher = _MATCHER[2]
    text = doc.text
    for k, start, end in matcher.find(text):
        good = matcher.entries[k][1]
        found = text[start:end]
        fix_to = match_case(found, good)
        yield Finding(
            span=Span(start, end),
            message=f'"{found}" is on the vocabulary\'s reject list',
            # An entry without a preferred form ("Kiev" alone) is flagged, never deleted.
            fix=Fix(f'Replace with "{fix_to}"', (Edit(Span(start, end), fix_to),), Applicability.SAFE) if good else None,
            suggestions=(fix_to,) if good else (),
        )


_TEXT = attrgetter("text")
_KIND = attrgetter("kind")
_START = attrgetter("start")
_PART = itemgetter(1)
_NAMED = frozenset(("name", "initial"))
_INITIAL = frozenset(("initial",))


def _names_in_doc(toks: tuple[Token, ...]) -> set[str]:
    """The words used as names (map and compress over C functions: no frame per token)."""
    return set(compress(map(_TEXT, toks), map("name".__eq__, map(_KIND, toks))))


def _capitalized_counts(toks: tuple[Token, ...], kinds: frozenset[str] = _NAMED) -> Counter[str]:
    """How often each word is used capitalized (as a name or at a sentence start), or of
    the given kinds."""
    return Counter(compress(map(_TEXT, toks), map(kinds.__contains__, map(_KIND, toks))))


# After a word: another capitalized word, or a particle joined to one ("al-Majed", "el-Sisi").
_NAME_FOLLOWS = patterns.compile(r"[ \u00a0]+(?:\p{Lu}|\p{Ll}{1,3}-\p{Lu})")


def evidence_mentioned(text: str, start: int, end: int) -> bool:
    """Whether a word stands alone in quotes or brackets (a term being mentioned)."""
    return bool(_later("evidence").mentioned(text, start, end))


def _initial_name(text: str, start: int, end: int) -> bool:
    """True if a capitalized word at a sentence start reads as a name: the next word is
    capitalized too (a first name and a surname), or it stands alone in quotes."""
    return _NAME_FOLLOWS.match(text, end) is not None or _later("evidence").mentioned(text, start, end)


_WORD_BEFORE = patterns.compile(r"([\p{L}]+)[.,]?\s+$")


def _previous_word(doc: Document, start: int) -> str:
    """The word before ``start`` (lower case), when only a comma or full stop and spaces
    stand between; "" otherwise."""
    text = doc.text
    lo = max(0, start - 30)
    # A match begins where the letters before the spaces (and the mark) begin: searched
    # from there, not from every position of the window, each a failed try read to its
    # end (~50 us a search). ``\s`` is white space that str.isspace() also finds.
    j = start
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == start:
        return ""  # no space before the word: no match ends here
    if j > lo and text[j - 1] in ".,":
        j -= 1
    k = j
    while k > lo and text[k - 1].isalpha():
        k -= 1
    if k == j:
        return ""  # no letter there: no match
    m = _WORD_BEFORE.search(text, k, start)
    return m.group(1).lower() if m else ""


SLIP_SCORE = 1.2  # a word this close to a common word is its slip, whatever its parts


def _slip_of_common(word: str) -> bool:
    """True if ``word`` is so close to a common word that it reads as a slip of it, even
    though its parts make a word: "memberhip" (member + hip) is "membership", "milklion" is
    "million", "countrise" is "countries"."""
    return _later("suggest").best_slip_score(word) >= SLIP_SCORE


def _near_common(lex: Any, word: str) -> bool:
    """True if a common word (Zipf >= 3.5) is one edit away."""
    return any(lex.zipf(e) >= 3.5 for e in _later("suggest").frequent_edits1(word))


STORY_WINDOW = 20_000  # characters either side of a typo read as "the story" (a long story is ~25,000)
STORY_ENDINGS = ("", ",", ".", "'s")  # how a word may end a white-space piece and still count


def _used_in(text: str, word: str, lo: int, hi: int) -> bool:
    """True if a white-space piece of ``text[lo:hi]`` is ``word``, or ``word`` with a comma,
    a full stop or "'s" (found with ``str.find``: no split of the whole text)."""
    find = text.find
    n = len(text)
    i = find(word, lo, hi)
    while i >= 0:
        if i == 0 or text[i - 1].isspace():
            j = i + len(word)
            for end in STORY_ENDINGS:
                k = j + len(end)
                if text.startswith(end, j) and (k == n or text[k].isspace()):
                    return True
        i = find(word, i + 1, hi)
    return False


def _in_story(doc: Document, ranked: tuple[str, ...], lex: Any, start: int) -> tuple[str, ...]:
    """The suggestions with the first of the top three that the story uses elsewhere (and
    that is not a very common word) moved to the front: a writer who misspells a word has
    usually spelled it right nearby. The story is the whole text, unless that is longer
    than a long story (an archive in one file): then STORY_WINDOW characters either side of
    the typo (a word spelled right far away is no evidence)."""
    text = doc.text
    lo, hi = 0, len(text)
    if hi > 2 * STORY_WINDOW:
        lo, hi = max(0, start - STORY_WINDOW), min(hi, start + STORY_WINDOW)
    for i, w in enumerate(ranked[1:3], 1):
        if lex.zipf(w) < STORY_BOOST_ZIPF and _used_in(text, w, lo, hi):
            return (w, *ranked[:i], *ranked[i + 1 :])
    return ranked


def _best_score(word: str, best: str) -> float:
    """The noisy-channel score of the best suggestion (a split pair counts as plausible)."""
    suggest = _later("suggest")
    if " " in best or "-" in best:
        return 0.0
    return suggest.FREQ_WEIGHT * lexicon().zipf(best) - suggest.channel_cost(word, best)


# English function words: a word with none of them around it may stand in a passage
# in another language ("Remake serie animata de ..."), where no English fix is safe.
ENGLISH_AROUND = frozenset(
    "the a an of to in is was are and that for on with as by at from it its be has have had "
    "this said not but or were will would who which".split()
)
# ... and those of them that other languages do not write as words ("a", "de", "in", "no").
ONLY_ENGLISH = frozenset(
    "the of and that for with from are were will would who which this said not but by at is it its to "
    "has have had been they their than".split()
)
AROUND = 80  # characters either side of a word read for English function words
_AROUND_WORDS = patterns.compile(r"\p{L}+")


def _english_around(text: str, span: Span) -> bool:
    """Whether an English function word stands within AROUND characters of the word, on
    its line."""
    lo = max(text.rfind("\n", 0, span.start) + 1, span.start - AROUND)
    hi = text.find("\n", span.end)
    hi = min(len(text) if hi < 0 else hi, span.end + AROUND)
    return any(w.lower() in ENGLISH_AROUND for w in _AROUND_WORDS.findall(text, lo, hi))


def _foreign_passage(text: str, span: Span, known: Callable[[str], bool]) -> bool:
    """True for a word with no word only English writes around it (ONLY_ENGLISH, within
    AROUND characters, on its line) but another lower-case word that is not English
    either (accented, or neither known nor a listed misspelling): a passage in another
    language ("21 de outubro – Tarumã", "divulgado pela categoria em janeiro")."""
    lo = max(text.rfind("\n", 0, span.start) + 1, span.start - AROUND)
    hi = text.find("\n", span.end)
    hi = min(len(text) if hi < 0 else hi, span.end + AROUND)
    # Whole words only: one cut at the window's edge ("anwhile") is no evidence.
    while lo > 0 and lo < span.start and text[lo - 1].isalpha():
        lo += 1
    while hi < len(text) and hi > span.end and text[hi].isalpha():
        hi -= 1
    before = _AROUND_WORDS.findall(text, lo, span.start)
    after = _AROUND_WORDS.findall(text, span.start, hi)[1:]  # the word itself left out
    if any(w.lower() in ONLY_ENGLISH for w in before) or any(w.lower() in ONLY_ENGLISH for w in after):
        return False
    return any(len(w) >= 3 and w[1:].islower() and (not w.isascii() or (w.islower() and not known(w)))
               for w in before + after)


_PIECE_BEFORE = patterns.compile(r"(\S+)\s+$")


def _piece_before(text: str, start: int) -> Any:
    """``_PIECE_BEFORE`` searched in the 30 characters before ``start``, from where a match
    can begin: the run before the spaces of characters that are not white space to the
    pattern (not white space to Python, or a SEPARATOR, white space to Python only). A
    search from each position of the window reads each failed try to its end."""
    lo = max(0, start - 30)
    j = start
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == start:
        return None  # no space before the word: no match ends here
    k = j
    while k > lo and (not text[k - 1].isspace() or text[k - 1] in SEPARATORS):
        k -= 1
    return _PIECE_BEFORE.search(text, k, start)
_PIECE_AFTER = patterns.compile(r"\s+(\S+)")


def _beside_accented_word(text: str, start: int, end: int) -> bool:
    """True if the word before or after is a lower-case word with a letter English does
    not use ("d'être", "grâce"; a capitalized one is a name: "Müller"): the word stands in
    a phrase of another language, even when it looks like an English misspelling
    ("Raison" for "reason")."""
    before = _piece_before(text, start)
    after = _PIECE_AFTER.match(text, end, min(len(text), end + 30))
    for m in (before, after):
        if m is not None:
            piece = m.group(1).strip("\"“”'‘’()[],.;:!?")
            if piece[:1].islower() and not piece.isascii() and any(c.isalpha() and not c.isascii() for c in piece):
                return True
    return False


def _safe_to_replace(doc: Document, span: Span, raw: str) -> bool:
    """Whether replacing a word cannot damage what was written on purpose: the word is in
    lower case (a capitalized word may be a name: "Labour", "Sabres", "Unter"), stands
    outside quotations (a speaker's or an embedded post's words are theirs) and among
    English words (not in a passage in another language: "serie animata")."""
    return raw.islower() and not within_quotation(doc, span) and _english_around(doc.text, span)


_RERANKED: dict[tuple[str, str, str], tuple[str, ...]] = {}  # (typo, word before, word after) -> best five


def _misspelling_finding(doc: Document, tok: Token, raw: str, known: str | None) -> Finding | None:
    context = _later("context")
    lower = tok.text.lower()
    candidates = _later("suggest").scored(lower)
    if len(candidates) > 1 and (known is None or "," in known):
        before, after = context.neighbours(doc.text, tok.span.start, tok.span.end)
        key = (lower, before, after)  # the order depends on these three words alone: kept
        ranked = _RERANKED.get(key)  # type: ignore[assignment]
        if ranked is None:
            if len(_RERANKED) > PASSED_LIMIT:
                _RERANKED.clear()
            ranked = _RERANKED[key] = context.rerank(candidates, before, after)[:5]
        ranked = _in_story(doc, ranked, lexicon(), tok.span.start)
    else:
        ranked = tuple(w for w, _ in candidates[:5])
    if known is None and len(lower) >= FAR_LENGTH and (not ranked or _best_score(lower, ranked[0]) < FAR_SCORE):
        return None  # a long word far from every word is a term, not a typo ("nandrolone")
    sugg = tuple(match_case(raw, s) for s in ranked)
    if known is not None and "," not in known:
        fix_to = match_case(raw, known)
        sugg = (fix_to, *(s for s in sugg if s != fix_to))
        # A listed misspelling that is also a regular form of a known word ("still lifes",
        # not "still lives") may be meant: its fix is then unsafe, like a name's.
        safe = _safe_to_replace(doc, tok.span, raw) and not inflected(lexicon(), lower)
        fix = Fix(f'Replace with "{fix_to}"', (Edit(tok.span, fix_to),),
                  Applicability.SAFE if safe else Applicability.UNSAFE)
        message = f'Misspelled word "{raw}"'
    else:
        fix = Fix(f'Replace with "{sugg[0]}"', (Edit(tok.span, sugg[0]),), Applicability.UNSAFE) if sugg else None
        message = f'Misspelled word "{raw}"' if known is not None else f'Unknown word "{raw}"'
    return Finding(span=tok.span, message=message, fix=fix, suggestions=sugg)


# A headline in title case: a line of three to twenty words, most of the longer ones
# capitalized, with no sentence inside it and no full stop at its end.
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 20
# Words of four letters or more that title case may leave in lower case (Chicago style);
# every other word of four letters or more must be capitalized.
TITLE_LOWER = frozenset("with from into onto upon over than that this when till until amid also".split())
_LINE_WORDS = patterns.compile(r"\p{L}[\p{L}'’-]*")
_INNER_SENTENCE = patterns.compile(r"[.!?;]\s+\S")  # a sentence inside: running text or a list


def _is_title_line(line: str) -> bool:
    """Whether a line reads as a title-case headline ("Goverment Announces New Polcy")."""
    stripped = line.strip().strip("#*_ ")
    if (not stripped or stripped.endswith((".", ",")) or "(" in stripped or stripped.count(",") > 2
            or _INNER_SENTENCE.search(stripped)):
        return False  # a sentence, a list of names ("Subs: Gotting for Rees (39), ...")
    words = _LINE_WORDS.findall(stripped)
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS:
        return False
    longer = [w for w in words if len(w) >= 4 and w not in TITLE_LOWER]
    capitalized = sum(1 for w in longer if w[0].isupper())
    return capitalized >= TITLE_MIN_WORDS and capitalized == len(longer)


CAPITALIZED_MIN = 5  # a shorter capitalized word inside a sentence is a name, listed or not
_CAPITAL_BEFORE = patterns.compile(r"\p{Lu}[\p{L}.'’-]*[ \u00a0]+$")
# Small words capitalized only because they start the sentence ("The Goverment said").
SENTENCE_OPENERS = frozenset(
    "the a an this that these those our his her their its my your in on at for from with by "
    "of to as and but if when after before since while".split()
)


def _capitalized_misspelling(text: str, tok: Token, known_get: Callable[[str], str | None]) -> bool:
    """Whether a capitalized word inside a sentence is checked as a listed misspelling:
    it has one listed correction ("Artic" -> "arctic"; names such as "Noone" or "Soler"
    are listed with several, or a phrase) and stands alone, not in a run of capitalized
    words (a full name: "Mark Bailin", "Agence France Presse").

    The list's answer is kept per word (_LISTED): a word met before is answered by it
    first. A word first met reads the words around it first: most names stand in such a
    run, and the list (``known_get``) is searched at ~30 us (a binary search of 62,000
    lines), where the neighbours cost a few microseconds. A word met again (an archive
    repeats its names) is looked up, and its answer kept, before they are read."""
    if len(tok.text) < CAPITALIZED_MIN:
        return False
    low = tok.text.lower()
    known = _LISTED.get(low, _UNANSWERED)
    if known is _MET_ONCE:
        known = _LISTED[low] = known_get(low)
    if known is None or (known is not _UNANSWERED and ("," in known or " " in known)):
        return False  # no single listed correction (most names)
    start, end = tok.span
    if _NAME_FOLLOWS.match(text, end) is not None or not _alone_after_capitals(text, start):
        if known is _UNANSWERED:
            _remember(low, _MET_ONCE)
        return False
    if known is _UNANSWERED:
        known = _remember(low, known_get(low))
        return not (known is None or "," in known or " " in known)
    return True


def _alone_after_capitals(text: str, start: int) -> bool:
    """False if a capitalized word stands before the word, unless it is a small word that
    starts the sentence ("The Artic")."""
    before = _capital_before(text, start)
    if before is None:
        return True
    prev = before.group().strip()
    ps = before.start()
    return prev.lower() in SENTENCE_OPENERS and (ps == 0 or INITIAL_BEFORE.search(text, max(0, ps - 6), ps) is not None)


def _remember(low: str, answer: Any) -> Any:
    if len(_LISTED) > PASSED_LIMIT:
        _LISTED.clear()
    _LISTED[low] = answer
    return answer


# The list of misspellings' answer for each capitalized word asked about, kept across stories.
_LISTED: dict[str, str | None] = {}
_UNANSWERED: Any = object()  # not asked yet
_MET_ONCE: Any = object()  # met once, beside other capitals: not asked yet


def _capital_before(text: str, start: int) -> Any:
    """``_CAPITAL_BEFORE`` searched in the 40 characters before ``start``, from where a
    match can begin: the run of characters that are not white space before the spaces.
    A match is a capital letter, letters (or ``.'’-``) and the spaces before ``start``, so
    none can begin before that run, and each failed try from a position before it would
    be read to its end. (Before a line break ``$`` may match too: the whole window then.)"""
    lo = max(0, start - 40)
    j = start
    while j > lo and text[j - 1] in " \u00a0":
        j -= 1
    if j == start:
        if start > lo and text[start - 1] == "\n":
            return _CAPITAL_BEFORE.search(text, lo, start)
        return None  # no space before the word: no match ends here
    k = j
    while k > lo and not text[k - 1].isspace():
        k -= 1
    if k == j:
        return None  # nothing but white space before the spaces: no match
    return _CAPITAL_BEFORE.search(text, k, start)


class _TitleLines:
    """Which lines of a document are title-case headlines, worked out line by line as asked
    (the line found by bisection over ``doc.lines``, without a list of their starts)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lines = doc.lines
        self.memo: dict[int, bool] = {}

    def holds(self, span: Span) -> bool:
        i = bisect_right(self.lines, span.start, key=_START) - 1
        if i < 0:
            return False
        found = self.memo.get(i)
        if found is None:
            sp = self.lines[i]
            found = self.memo[i] = _is_title_line(self.doc.text[sp.start : sp.end])
        return found


def _uses(doc: Document, toks: tuple[Token, ...], tok: Token) -> int:
    """How often the story uses the token's word, in any case ("Dunum by dunum": twice)."""
    # (map over C functions: no Python frame per token)
    counts = doc.cached("spelling.word_counts", lambda: Counter(map(str.lower, map(_TEXT, toks))))
    return counts[tok.text.lower()]  # type: ignore[no-any-return]


_TERM = patterns.compile(r"[\p{L}\p{N}]+")


def _in_markup(doc: Document, word: str) -> bool:
    """True if a Markdown or HTML story uses the word outside its prose too: in a link's
    address, a code span or block, a tag or a file name (`[csvkit](.../csvkit)`,
    `<iframe>`, `data.xlsx`). The writer names a tool, a tag or a file: a technical term,
    not a typo. (Plain text has no such places: its source is its prose.)"""
    source = doc.source
    if len(source) == len(doc.text) and source == doc.text:
        return False

    def terms() -> tuple[Counter[str], Counter[str]]:
        return (Counter(w.lower() for w in _TERM.findall(source)),
                Counter(w.lower() for w in _TERM.findall(doc.text)))

    in_source, in_text = doc.cached("spelling.markup_terms", terms)
    low = word.lower()
    return in_source[low] > in_text[low]


def _shows_code(doc: Document) -> bool:
    """True for a Markdown or HTML story whose source holds code (a code span or block,
    ``<code>``, ``<pre>``): a technical post, where software terms are the subject. (A
    backtick counts in Markdown only: a web page's scripts are full of them.)"""
    source = doc.source
    if len(source) == len(doc.text) and source == doc.text:
        return False
    tick = doc.format_name == "markdown"
    return doc.cached(  # type: ignore[no-any-return]
        "spelling.shows_code", lambda: (tick and "`" in source) or "<code" in source or "<pre" in source)


_TECH: dict[str, int] = {}  # word -> 0 (no software term), 1 (one), 2 (one, but a slip of a common word)


def _tech_term(doc: Document, word: str) -> bool:
    """True for a software term or its regular form ("iframes", "gzip"): always when it
    is no slip of a common word, and in a story that shows code when it could be one
    ("cron" beside "corn", "const" beside "cost"). What the word alone says is kept."""
    found = _TECH.get(word)
    if found is None:
        if len(_TECH) > PASSED_LIMIT:
            _TECH.clear()
        found = _TECH[word] = 0 if tech_base(word) is None else 2 if _slip_of_common(word) else 1
    return found == 1 or (found == 2 and _shows_code(doc))


def _h_dropped(text: str, start: int, end: int, lex: Any) -> bool:
    """True for a dropped "h" written with an apostrophe ("It's 'orrible", "'ere"): the
    word with its "h" is a word, and no quote closes right after it."""
    if start == 0 or text[start - 1] not in "'’" or (end < len(text) and text[end] in "'’"):
        return False
    return "h" + text[start:end].lower() in lex


_LOWER_RUN = re.compile(rb"[a-z]+")
_STORY_ENDINGS_UTF8 = tuple(e.encode("ascii") for e in STORY_ENDINGS)


_FAMILY: dict[str, tuple[dict[str, str], str]] = {}  # word -> its family_forms and their common prefix


def _family_in_story(doc: Document, word: str, start: int, lex: Any) -> bool:
    """True if the story also uses another regular form of a rare word that ``word``
    shares ("iframe" and "iframes", "refactoring refactors"): a typo is rarely inflected
    as well. Only rare or unknown words count, the form and its base: a slip such as
    "runing" beside "runs", "tapp" beside "tapped" or "currencis" beside "currencies" is
    still a slip."""
    family = _FAMILY.get(word)
    if family is None:  # what the word alone gives, kept
        if len(_FAMILY) > PASSED_LIMIT:
            _FAMILY.clear()
        forms = family_forms(word)
        family = _FAMILY[word] = (forms, commonprefix(list(forms)))  # every form starts with the prefix
    forms, prefix = family
    if len(prefix) < 3:  # (one pass over the story for the prefix)
        return False
    text = doc.text
    if len(text) > 2 * STORY_WINDOW:  # an archive in one file: the story around the word
        lo, hi = max(0, start - STORY_WINDOW), min(len(text), start + STORY_WINDOW)
        data = text[lo:hi].encode("utf-8")
    else:  # searched as UTF-8 bytes: several times faster than a str with other letters in it
        data = doc.cached("spelling.utf8", lambda: text.encode("utf-8"))
    n = len(data)
    pb = prefix.encode("ascii")
    i = data.find(pb)
    while i >= 0:  # a white-space piece that is a form, as _used_in reads it
        if i == 0 or data[i - 1 : i].isspace():
            m = _LOWER_RUN.match(data, i)
            form = m.group().decode("ascii") if m else ""
            base = forms.get(form)
            if base is not None:
                j = m.end()  # type: ignore[union-attr]
                for end in _STORY_ENDINGS_UTF8:
                    k = j + len(end)
                    if (data.startswith(end, j) and (k == n or data[k : k + 1].isspace())
                            and lex.zipf(base) < FAMILY_BASE_ZIPF and lex.zipf(form) < FAMILY_BASE_ZIPF):
                        return True
        i = data.find(pb, i + 1)
    return False


def _meant(doc: Document, toks: tuple[Token, ...], tok: Token, lex: Any) -> bool:
    """True if the story itself says an unknown lower-case word is meant: it is used twice
    or more, it stands in a foreign phrase, in a list of credits, or alone in brackets or
    quotes. A known misspelling beside it ("will recieve repressentations") is English gone
    wrong, not a foreign word."""
    if _uses(doc, toks, tok) >= REPEATED:
        return True
    text = doc.text
    start, end = tok.span
    listed = known_misspellings()
    evidence = _later("evidence")
    return (
        _in_markup(doc, tok.text)
        or _family_in_story(doc, tok.text.lower(), start, lex)
        or evidence.mentioned(text, start, end)
        or evidence.in_credits(text, start, end)
        or evidence.in_foreign_phrase(text, start, end, lambda w: lex.knows(w) or w in listed)
        or _foreign_passage(text, tok.span, lambda w: lex.knows(w) or w in listed)
    )


# The answers of the tests that read a word alone, kept across stories (an archive repeats
# its names and rare words), up to a bound: SPL001 asks them of every unusual token.
_PASSED: dict[tuple[str, str, str, str], bool] = {}
_SHAPES: dict[tuple[str, bool, bool], bool] = {}


def _passes_word_tests(lex: Any, tok: Token) -> bool:
    """False if the token's word alone shows it is no typo (the same for every story): too
    long to be one, a name that is no plain capitalized word (or a known one), a known
    word, a known compound or part of one, a common name in lower case. A kind "name"
    is checked further only when this is True. (The token's kind, stem and whole word,
    and its compound for a hyphenated word, are all these tests read.)"""
    word = tok.text
    if len(word) > MAX_WORD_LENGTH:
        return False
    kind = tok.kind
    if kind == "name":
        if not (word.isascii() and word.isalpha() and word[1:].islower() and len(word) >= 4):
            return False
        # (``knows`` asks for the word as written too)
        return not (lex.knows(word) or (tok.whole != word and lex.knows(tok.whole)))
    if kind == "word":
        if word in lex or (tok.whole != word and tok.whole in lex):
            return False
        if tok.compound and (compound_known(lex, tok.compound) or compound_part(word)):
            return False
        return not lowercase_name(lex, word)  # "british": a capitalization slip, not a misspelling
    # "initial": capitalized at a sentence start
    return not (lex.knows(word) or (tok.whole != word and lex.knows(tok.whole)))


def _regular_shape(lex: Any, lower: str, plain: bool, in_compound: bool) -> bool:
    """True if an unknown word's letters alone show it is meant (the same in every story):
    an abbreviation, a derived or inflected form (inside a hyphenated compound words are
    coined freely: "no-hoper", "post-labellist"; elsewhere not one slip from a common word),
    the other variety's "-ise"/"-ize", and for a lower-case word (``plain``) pinyin or a
    word stretched for emphasis. Answered once per word."""
    key = (lower, plain, in_compound)
    found = _SHAPES.get(key)
    if found is None:
        if len(_SHAPES) > PASSED_LIMIT:
            _SHAPES.clear()
        found = _SHAPES[key] = bool(
            abbreviation(lower)
            or ((derived(lex, lower) or inflected(lex, lower)) and (in_compound or not _slip_of_common(lower)))
            or other_variety(lex, lower)
            or (plain and is_pinyin(lower) and not _near_common(lex, lower))
            or (plain and elongated(lex, lower))
        )
    return found


_WORD_KEY = itemgetter(0, 1, 3, 4)  # a token's whole, text, kind and compound: what the word tests read


def _passing(lex: Any, toks: tuple[Token, ...], passed: dict[tuple[str, str, str, str], bool]) -> list[bool]:
    """For each token, whether it passes the tests that read its word alone (see
    _passes_word_tests; a "foreign" token never does), answered once per word and kind and
    kept in ``passed``. The keys are made and looked up in C (itemgetter, map): only the
    tokens first met take a Python step."""
    keys = list(map(_WORD_KEY, toks))
    oks = list(map(passed.get, keys))
    if None in oks:
        for i in compress(range(len(oks)), map(is_, oks, repeat(None))):
            tok = toks[i]
            if tok.kind == "foreign":
                oks[i] = False  # skipped, as it always was (and not kept)
                continue
            key = keys[i]
            ok = passed.get(key)  # the same word met earlier in this story
            if ok is None:
                ok = passed[key] = _passes_word_tests(lex, tok)
            oks[i] = ok
    return oks  # type: ignore[return-value]


def misspelling(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags words that are not in the dictionary (about 297,000 English words in American,
    British, Canadian and Australian spelling, with news vocabulary) and suggests the
    likeliest correction: keyboard slips such as `spoeed`, and real misspellings such as
    `recieve` or `goverment`. Suggestions are ranked by how common each word is, how
    likely the slip is, and how well the word fits between its neighbours (`He todle the
    court` suggests `told`; `The todle of the report` suggests `title`).

    Names are left alone: capitalized words inside a sentence, all-caps acronyms
    (`ICBMs`), words with inner capitals and words with letters English doesn't use
    (`Lipavský`). A capitalized word at the start of a sentence is checked in lower case,
    and reported only if it is one keystroke from a common word, not used as a name
    elsewhere in the story, not followed by another capitalized word (`Shami
    Chakrabarti`) and not alone in quotes. In a title-case headline (`Goverment
    Announces New Polcy`) every capitalized word is checked that way (a capitalized word
    beside it is no evidence there), and a listed misspelling (`goverment`) is checked
    so even when capitalized inside a sentence; a capitalized word used twice in the
    story is a name. `still lifes` is the plural of the compound, not a misspelling of
    `still lives`, and a word beside a lower-case word with letters English does not use
    is in a phrase of another language (`raison d'être`). Regular word forms of known
    words pass:
    `-ise` beside a known `-ize` (`weaponisation`), solid compounds of two common words
    (`carmaking`), regular endings (`bribers`, `shouty`, but not `takeing`), unless the
    word is one slip from a common word (`memberhip` is `membership`, not "member" and
    "hip"; inside a hyphenated word, such as `no-hoper`, coinages pass). URLs, e-mail
    addresses, handles, hashtags and numbers (`4th`, `33-month-old`) are skipped; each
    part of a hyphenated word is checked.

    The story itself can show that an unknown lower-case word is meant: it is used two or
    more times (in any case: `Dunum by dunum`), a Markdown or HTML story uses it in a
    link's address, in code or in a tag too (`[csvkit](https://github.com/.../csvkit)`:
    the name of a tool), it stands beside another lower-case word
    that is not English (`zhan jing pan`; a name beside it is no such evidence), in a
    bracketed list of credits (`(AFP, dpa, epd)`), or alone in brackets or quotes (a
    term being glossed: `(lichun)`, `or “frunk,”`), the story uses another form of it (`iframe` and
    `iframes`, `refactoring refactors`; not a common word's: `tapp` beside `tapped`
    stays a typo), or it stands in a passage in another language (no word only English
    writes around it, and another word that is not English: `21 de outubro – Tarumã`).
    Software terms (`iframe`, `gzip`, `permalinks`; from cspell's software dictionaries)
    are words; one that is a slip from a common word (`cron`, `corn`) only in a Markdown
    or HTML story that shows code. A file type after its dot (`a local .xlsx file`) or
    before "file" (`wav files`), a word stretched for emphasis (`pleeease`; `croooner` is
    still a typo) and a dropped "h" (`It's 'orrible`) are meant. Such words are not reported, unless they are listed
    misspellings (`recieve`) used fewer than three times (a listed misspelling used three
    times or more is a name: the `ofo` bike-sharing firm).

    The newsroom vocabulary (`[tool.newslint.vocabulary]`) is honoured: accepted words are
    never flagged, rejected words always are, with the preferred form as the fix.

    ## Why is this bad?
    A typo in published copy undermines trust in everything around it, and readers
    notice it at once.

    ## Example
    ```text
    The missile reached a spoeed of Mach 11, officials said.
    ```

    ## Use instead
    ```text
    The missile reached a speed of Mach 11, officials said.
    ```

    ## Fix safety
    The fix replaces the word with the best suggestion and is unsafe: the writer may have
    meant another word. It is safe for a listed misspelling with a single correction
    (`recieve` -> `receive`) in lower case, outside quotations and among English words,
    unless the word is also a regular form of a known word (`still lifes`), and for a
    vocabulary `reject` entry.

    ## References
    Word lists: SCOWL 2020.12.07 (Debian `scowl`), wordfreq 3.1.1, codespell 2.4.3;
    see `rules/data/README.md`.
    """
    lex = lexicon()
    vocab = _vocabulary(doc)
    reject = vocab.reject if vocab is not None and vocab.reject else {}
    rejected: list[Span] = []
    if reject:
        for f in _reject_findings(doc, reject):
            rejected.append(f.span)
            yield f
    covered = _later("reject").Spans(rejected)  # each word asks in constant time, however many were rejected
    toks = tokens(doc)
    text = doc.text
    names: set[str] | None = None
    initial_counts: Counter[str] | None = None
    known_map: dict[str, str] | None = None
    titles: _TitleLines | None = None
    name_counts: Counter[str] | None = None
    passed = _PASSED
    if len(passed) > PASSED_LIMIT:
        passed.clear()
    for tok in compress(toks, _passing(lex, toks, passed)):  # most tokens stop there
        kind = tok.kind
        word = tok.text
        # A capitalized word inside a sentence is a name, except in a title-case headline
        # (each word is checked like one that starts a sentence) and when it is a listed
        # misspelling ("the Goverment said"): those are checked as sentence starts are.
        in_title = False
        if kind == "name":
            # The cheap tests first (most names are repeated or known); the headline test and
            # the look-up among listed misspellings only for the few that pass them.
            if name_counts is None:
                name_counts = _capitalized_counts(toks)
            if name_counts[word] >= REPEATED:
                continue  # capitalized again elsewhere: a name ("Peskov", "the Analysys report")
            if titles is None:
                titles = _TitleLines(doc)
            in_title = titles.holds(tok.span)
            if not in_title and not (len(word) >= CAPITALIZED_MIN and _capitalized_misspelling(
                    text, tok, known_misspellings().get)):
                continue
            kind = "initial"
        raw = text[tok.span.start : tok.span.end]
        if covered and covered.overlaps(tok.span.start, tok.span.end):
            continue
        if _accepted(vocab, tok, raw):
            continue
        if before_sic(doc, tok.span):
            continue  # "dissaster [sic]": the writer already said it is spelt as found
        if known_map is None:
            known_map = known_misspellings()
        lower = word.lower()
        known = known_map.get(lower)
        if known is None and (
            _regular_shape(lex, lower, kind == "word", bool(tok.compound))
            or is_fragment(text, tok.span.start, tok.span.end)
            or (kind == "word" and is_name_particle(text, tok.span.start, tok.span.end))
            or is_file_extension(text, tok.span.start, tok.span.end)
            or is_file_type(text, tok.span.start, tok.span.end)
            or (kind == "word" and _h_dropped(text, tok.span.start, tok.span.end, lex))
            or _tech_term(doc, lower)
        ):
            continue
        if (known is not None and kind == "word" and inflected(lex, lower)
                and regular_plural_compound(_previous_word(doc, tok.span.start), lower)):
            continue  # "still lifes": the plural of the compound, not of "life"
        if _beside_accented_word(text, tok.span.start, tok.span.end):
            continue  # "Raison d'être", "coup de grâce": a phrase in another language
        if kind == "initial":
            if tok.kind == "initial" and _NAME_FOLLOWS.match(text, tok.span.end) is not None:
                if titles is None:
                    titles = _TitleLines(doc)
                in_title = titles.holds(tok.span)  # a headline's first word: the next is capitalized too
            if _previous_word(doc, tok.span.start) in TITLES:
                continue  # "Minister Goverment": a name after a title
            if known is not None:
                if name_counts is None:
                    name_counts = _capitalized_counts(toks)
                if name_counts[word] >= REPEATED_LISTED:
                    continue  # a listed misspelling capitalized three times is a name ("Ofo")
            elif tok.kind == "initial":
                if names is None:
                    names = _names_in_doc(toks)
                if word in names:
                    continue  # used as a name elsewhere in the story
                if initial_counts is None:
                    initial_counts = _capitalized_counts(toks, _INITIAL)
                if initial_counts[word] > 1:
                    continue  # the same unknown capitalized word twice: a name, not a typo
            if (evidence_mentioned(text, tok.span.start, tok.span.end) if in_title
                    else _initial_name(text, tok.span.start, tok.span.end)):
                continue  # "Shami Chakrabarti, ...", "Abd al-Majed", '"Palestino"'
            is_near_frequent = _later("suggest").is_near_frequent
            if known is None:
                if len(word) < 5 or is_near_frequent(lower, SENTENCE_START_ZIPF) is None:
                    continue  # most likely a name ("Peskov said ...")
            elif len(word) < 5 and is_near_frequent(lower, SENTENCE_START_ZIPF) is None:
                continue  # a short name that codespell lists as a typo ("Abd")
        if kind == "word" and (_meant(doc, toks, tok, lex) if known is None
                               else _uses(doc, toks, tok) >= REPEATED_LISTED):
            continue
        finding = _misspelling_finding(doc, tok, raw, known)
        if finding is not None:
            yield finding


def spelling_variant(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags American and British spellings mixed in one story (`kilometers` and
    `kilometres`, `canceled` and `cancelled`, `color` and `colour`). With `language =
    "any"` (the default) the less used variety is reported; with `"en-US"` or `"en-GB"`
    every spelling of the other variety is.

    ## Why is this bad?
    A story should follow one house style; a mix reads as careless editing, often where
    wire copy from another country was pasted in.

    ## Example
    ```text
    The convoy stopped 20 kilometers from the border. Aid workers walked the last two kilometres.
    ```

    ## Use instead
    ```text
    The convoy stopped 20 kilometres from the border. Aid workers walked the last two kilometres.
    ```

    ## Options
    - `language`: `"any"` (report the minority variety), `"en-US"` or `"en-GB"`.

    `judgment` and `judgement` (and `acknowledg(e)ment`, `abridg(e)ment`) are not
    reported: American dictionaries list both, and British usage has `judgment` for a
    court's ruling. With `language = "any"`, a doubled "l" (`cancelled`, `travelling`,
    `labelling`) marks no British copy either, since American dictionaries list it too;
    it is reported when the story also spells the word with one "l" (`canceled`).

    A pair whose other spelling is hardly used anywhere (`entendre`, whose "American"
    `entender` is a Spanish word) is not a variety difference and is not reported, and
    neither is a capitalized word at a sentence start that the story capitalizes inside
    a sentence too (`Sabres defense ...` beside `the Buffalo Sabres`: a name).

    ## Fix safety
    The fix swaps in the other variety's spelling of the same word. It is safe for a
    lower-case word outside quotations whose other spelling is in common use; it is
    unsafe for a capitalized word (a name: `Labour MP`, the `Sabres`), inside a quotation
    or an embedded post (the words are someone else's), and for rare spellings.

    ## References
    Variant pairs derived from SCOWL's American and British lists and codespell's en-GB to
    en-US list; see `rules/data/README.md`.
    """
    us_map, gb_map = variants()
    lex = lexicon()
    language = options.get("language", "any")
    vocab = _vocabulary(doc)
    text = doc.text
    seen: list[tuple[Token, str, str]] = []  # token, variety, other form
    named: set[str] = set()  # capitalized inside a sentence somewhere: a name ("the Sabres")
    variants_found = scan(doc).variants
    if language == "any" and len(set(map(us_map.__contains__, map(str.lower, map(_PART, variants_found))))) < 2:
        return  # one variety only (the tests below only drop words): no minority to report
    for start, part in variants_found:  # one dict lookup per word, in the scan
        lower = part.lower()
        if lower in us_map:
            variety, other = "US", us_map[lower]
        else:
            variety, other = "GB", gb_map[lower]
        if not part.islower():
            if part[1:] != part[1:].lower() or not (
                start == 0 or INITIAL_BEFORE.search(text, max(0, start - 6), start)
            ):
                named.add(part)
                continue  # a name: "Lincoln Center", "Labour"
        if lex.zipf(other) < RARE_VARIANT_ZIPF:
            continue  # the other "spelling" is hardly used: "entendre" is the word everywhere
        if lower.replace("dgement", "dgment") == other.replace("dgement", "dgment"):
            continue  # "judgement", "acknowledgement": standard in both varieties
        seen.append((Token(part, part, Span(start, start + len(part)), "word"), variety, other))
    if named:  # "Sabres defense ..." at a sentence start, "the Sabres" elsewhere: the name
        seen = [x for x in seen if x[0].text not in named]
    if language == "any" and seen:
        # "cancelled", "travelling", "labelling": American dictionaries list the doubled
        # "l" too, so it marks no British copy, unless the story also has the single "l".
        used = {t.text.lower() for t, _, _ in seen}
        seen = [x for x in seen if not (x[1] == "GB" and _doubled_l(x[0].text.lower(), x[2]) and x[2] not in used)]
    if not seen:
        return
    if language == "en-US":
        wrong = "GB"
    elif language == "en-GB":
        wrong = "US"
    else:
        counts = Counter(v for _, v, _ in seen)
        if len(counts) < 2:
            return
        first: dict[str, int] = {}
        for t, v, _ in seen:
            first.setdefault(v, t.span.start)
        # The minority is wrong; on a tie, the variety that appears later.
        wrong = min(counts, key=lambda v: (counts[v], -first[v]))
    majority: dict[str, Token] = {}  # first use of each spelling of the majority variety
    for t, v, _ in seen:
        if v != wrong:
            majority.setdefault(t.text.lower(), t)
    fallback = next(iter(majority.values()), None)
    names = {"US": "American", "GB": "British"}
    other_name = names["GB" if wrong == "US" else "US"]
    for tok, variety, other in seen:
        if variety != wrong:
            continue
        raw = text[tok.span.start : tok.span.end]
        if vocab and vocab.accepts(raw):
            continue
        fix_to = match_case(raw, other)
        # Safe only for a lower-case word outside quotations whose other spelling is in
        # common use; a capitalized one may be a name ("Labour MP" at a sentence start).
        safe = _safe_to_replace(doc, tok.span, raw) and lex.zipf(other) >= SAFE_VARIANT_ZIPF
        where = majority.get(other, fallback)
        if where is not None:
            line = doc.text_position(where.span.start).row
            shown = text[where.span.start : where.span.end]
            message = f'{names[variety]} spelling "{raw}"; the story uses {other_name} "{shown}" (line {line})'
        else:
            message = f'{names[variety]} spelling "{raw}" in {other_name} English copy'
        yield Finding(
            span=tok.span,
            message=message,
            fix=Fix(f'Replace with "{fix_to}"', (Edit(tok.span, fix_to),),
                    Applicability.SAFE if safe else Applicability.UNSAFE),
            suggestions=(fix_to,),
        )


def _doubled_l(british: str, american: str) -> bool:
    """True if the British spelling only doubles an "l" of the American ("cancelled",
    "canceled")."""
    if len(british) != len(american) + 1:
        return False
    i = british.find("ll")
    while i >= 0:
        if british[:i] + british[i + 1 :] == american:
            return True
        i = british.find("ll", i + 1)
    return False


_NOT_NAMES: dict[str, bool] = {}  # _word_not_name's answers for sentence starts, kept across stories


def _word_not_name(lex: Any, word: str) -> bool:
    """True if a capitalized word is a dictionary word or name; a rare lower-case entry
    does not count (wordfreq is case-folded: "peskov" is the name)."""
    return word in lex or lex.zipf(word.lower()) >= NAME_WORD_ZIPF


def _near_name_pairs(names: list[str], counts: Counter[str]) -> list[tuple[str, str]]:
    """The pairs of ``names`` (sorted by length, then spelling) one edit apart with the
    same first letter, of which one is used twice or more, in the order of ``names``: the
    pairs of :func:`near_pairs` that can be reported (a pair of names used once each never
    is). Each name used twice is compared only with the names of its first letter and a
    length at most one apart: a few comparisons per repeated name."""
    at: dict[tuple[str, int], list[int]] = {}
    for i, n in enumerate(names):
        at.setdefault((n[0], len(n)), []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, n in enumerate(names):
        if counts[n] < 2:
            continue
        for d in (-1, 0, 1):
            for j in at.get((n[0], len(n) + d), ()):
                if j != i and one_edit(n, names[j]):
                    pairs.add((i, j) if i < j else (j, i))
    return [(names[x], names[y]) for x, y in sorted(pairs)]


def name_variant(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags a name spelled two ways in one story (`Zelenskyy` and `Zelensky`, `Peskov` and
    `Peskow`, `Lipavský` and `Lipavsky`), on the rarer spelling, naming the other.

    A spelling that differs only in case inside a title-case heading (`Building In
    A-Frame` beside `A-frame`) is the heading's style, not another spelling.

    Only near-certain pairs are reported: spellings that differ only in accents, or by
    one letter in names of six letters or more where the usual spelling appears at least
    twice and neither form is a dictionary word (so `Clinton` and `Clifton` stay apart).

    ## Why is this bad?
    A name spelled two ways makes readers wonder whether two people are meant, and one of
    the spellings is wrong.

    ## Example
    ```text
    Kremlin spokesman Dmitry Peskov said talks were possible. Peskov added that no date was set. Later, Peskow declined to comment.
    ```

    ## Use instead
    ```text
    Kremlin spokesman Dmitry Peskov said talks were possible. Peskov added that no date was set. Later, Peskov declined to comment.
    ```

    ## Fix safety
    The fix (the usual spelling) is unsafe: two different people may share a near name.
    """
    lex = lexicon()
    vocab = _vocabulary(doc)
    spans: dict[str, list[Span]] = {}  # each name's spans, the names in order of first use
    not_names = _NOT_NAMES
    if len(not_names) > PASSED_LIMIT:
        not_names.clear()
    toks = tokens(doc)
    # The capitalized tokens picked in C (most tokens of a story are names anyway).
    for tok in compress(toks, map(_NAMED.__contains__, map(_KIND, toks))):
        word = tok.text
        if len(word) < 4:
            continue
        if tok.kind == "initial":  # a sentence start counts when it is no dictionary word
            known = not_names.get(word)
            if known is None:
                known = not_names[word] = _word_not_name(lex, word)
            if known:
                continue
        found = spans.get(word)
        if found is None:
            spans[word] = [tok.span]
        else:
            found.append(tok.span)
    counts: Counter[str] = Counter({name: len(at) for name, at in spans.items()})
    if len(counts) < 2:
        return
    by_fold: dict[str, list[str]] = {}
    for name in counts:
        by_fold.setdefault((name if name.isascii() else fold(name)).lower(), []).append(name)
    flagged: dict[str, str] = {}  # rare spelling -> usual spelling
    for group in by_fold.values():  # differ only in accents
        if len(group) > 1:
            group.sort(key=lambda n: (-counts[n], n.isascii(), spans[n][0].start))
            for other in group[1:]:
                flagged.setdefault(other, group[0])
    # A pair (of names of six letters or more, see near_pairs) is reported only beside a
    # spelling used twice or more, with the same first letter and a length at most one
    # apart: only names that could be in such a pair are paired (most stories repeat few
    # names, and pairing costs a key per letter of every name).
    near = {(n[0], len(n) + d) for n, c in counts.items() if c >= 2 and len(n) >= 6 for d in (-1, 0, 1)}
    names = sorted((n for n in counts if len(n) >= 6 and (n[0], len(n)) in near), key=lambda n: (len(n), n))
    for a, b in _near_name_pairs(names, counts) if near else ():  # in the order of ``names``
        if a in flagged or b in flagged:
            continue
        if b == a + "s" or a == b + "s":
            continue
        common, rare = (a, b) if counts[a] > counts[b] else (b, a)
        if counts[common] < 2 or counts[rare] >= counts[common]:
            continue
        if _word_not_name(lex, rare):
            continue  # "Clifton" beside "Clinton": both real names
        flagged[rare] = common
    text = doc.text
    titles: _TitleLines | None = None
    for rare, common in flagged.items():
        if vocab and vocab.accepts(rare):
            continue
        first = spans[common][0]
        line = doc.text_position(first.start).row
        for span in spans[rare]:
            raw = text[span.start : span.end]
            if raw.lower() == common.lower():  # only the case differs: a title-case heading capitalizes
                if titles is None:
                    titles = _TitleLines(doc)
                if titles.holds(span):
                    continue  # "Building In A-Frame" beside "A-frame"
            yield Finding(
                span=span,
                message=f'Name spelled "{raw}" here but "{common}" elsewhere (line {line})',
                fix=Fix(f'Replace with "{common}"', (Edit(span, common),), Applicability.UNSAFE),
                suggestions=(common,),
            )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("SPL001", "misspelling", Severity.ERROR, misspelling, fixable="sometimes", language="en"))
    register(
        Rule(
            "SPL002",
            "spelling-variant",
            Severity.WARNING,
            spelling_variant,
            options={"language": "any"},
            choices={"language": ("any", "en-US", "en-GB")},
            fixable="sometimes",
            language="en",
        )
    )
    register(Rule("SPL003", "name-variant", Severity.WARNING, name_variant, fixable="unsafe", language="en"))
