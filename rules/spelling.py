"""Spelling: words that are not words, mixed American/British spellings, and names spelled
two ways in one story. Word lists: ``rules/data/`` (see its README for sources)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import regex

from linter import Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl
from linter.diagnostics import Applicability
from rules._spell_foreign import is_fragment, is_name_particle, is_pinyin
from rules._spell_tokens import INITIAL_BEFORE, WORD, Token, fold, tokens

# A capitalized word after one of these is a name, even at a sentence start ("Minister ...").
TITLES = frozenset(
    "president minister secretary spokesman spokeswoman spokesperson chancellor senator governor "
    "mayor general colonel captain judge justice king queen prince princess pope ambassador envoy "
    "commissioner chairman chairwoman director dr mr mrs ms sir lord lady rev prof".split()
)
# Prefixes that make new words freely ("unpatched", "rebranding").
DERIVING = ("counter", "under", "inter", "multi", "super", "over", "anti", "post", "semi", "non",
            "pre", "mis", "dis", "sub", "mid", "out", "un", "re", "co", "de")
# Words that never form a solid compound ("willmean", "ofthe" are run-together typos).
FUNCTION_WORDS = frozenset(
    "the and of to in is it that was for on are with as his her they at be this have from or had by "
    "but not what all were we when can there an which she do if will would could should about into "
    "has been its our who than then them these some him you your my me so no any may must also just "
    "very how why where here their those such".split()
)
SENTENCE_START_ZIPF = 4.0
FAR_LENGTH = 8  # an unknown word this long with no candidate within two edits is a term
COMPOUND_ZIPF = 3.5  # both halves of a solid compound this common ("bandmates")
INFLECTED_ZIPF = 2.5  # the base of a derived or inflected word this common
# Regular suffixes and what the stem may have lost ("templating" = "templat" + "e" + "ing").
SUFFIXES = (
    ("ies", ("y",)), ("ied", ("y",)), ("iness", ("y",)), ("ily", ("y",)), ("iers", ("y",)),
    ("ing", ("", "e")), ("ed", ("", "e")), ("ers", ("", "e")), ("er", ("", "e")),
    ("ness", ("",)), ("ly", ("",)), ("es", ("",)), ("s", ("",)), ("ism", ("", "e")), ("ist", ("", "e")),
)  # a one-edit neighbour this frequent makes a capitalized start a typo


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
    if vocab is None or not vocab.accept:
        return False
    return vocab.accepts(raw) or vocab.accepts(tok.whole) or vocab.accepts(tok.text)


def _reject_findings(doc: Document, reject: Mapping[str, str]) -> Iterator[Finding]:
    text = doc.text
    for bad, good in sorted(reject.items()):
        if not bad:
            continue
        flags = regex.IGNORECASE if bad.islower() else 0
        pattern = regex.compile(r"(?<![\p{L}\p{M}\p{N}])" + regex.escape(bad) + r"(?![\p{L}\p{M}\p{N}])", flags)
        for m in pattern.finditer(text):
            found = m.group()
            fix_to = match_case(found, good)
            yield Finding(
                span=Span(*m.span()),
                message=f'"{found}" is on the vocabulary\'s reject list',
                fix=Fix(f'Replace with "{fix_to}"', (Edit(Span(*m.span()), fix_to),), Applicability.SAFE),
                suggestions=(fix_to,),
            )


def _names_in_doc(toks: tuple[Token, ...]) -> set[str]:
    return {t.text for t in toks if t.kind == "name"}


def _previous_word(doc: Document, start: int) -> str:
    m = regex.search(r"([\p{L}]+)[.,]?\s+$", doc.text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _near_common(lex: Any, word: str) -> bool:
    """True if a common word (Zipf >= 3.5) is one edit away."""
    from rules._spell_suggest import edits1

    return any(lex.zipf(e) >= 3.5 for e in edits1(word) if lex.is_frequent(e))


def _abbreviation(word: str) -> bool:
    """Two letters, or three without a vowel ("fi", "png", "dvd"): an abbreviation."""
    return len(word) <= 2 or (len(word) == 3 and not any(c in "aeiouy" for c in word))


def _compound_known(lex: Any, compound: str) -> bool:
    """True for a hyphenated word known whole or written solid ("pre-empt", "co-ordinator")."""
    low = compound.lower()
    return low in lex or low.replace("-", "") in lex


def _derived(lex: Any, word: str) -> bool:
    """True for a word made of known parts: a free prefix and a common word ("unpatched"),
    or two common words ("hotspots", "bandmates"), neither a function word ("willmean")."""
    if len(word) < 7:
        return False
    for p in DERIVING:
        if word.startswith(p) and len(word) - len(p) >= 4 and lex.zipf(word[len(p):]) >= INFLECTED_ZIPF:
            return True
    for i in range(4, len(word) - 3):
        a, b = word[:i], word[i:]
        if a[-1] == b[0] or a in FUNCTION_WORDS or b in FUNCTION_WORDS:
            continue  # "smalllest", "meetting": a doubled letter at the joint is a typo
        if lex.zipf(a) >= COMPOUND_ZIPF and lex.zipf(b) >= COMPOUND_ZIPF:
            return True
    return False


def _inflected(lex: Any, word: str) -> bool:
    """True for a regular inflection of a known word ("templating", "hereditaries")."""
    if len(word) < 8 or (word.endswith("ys") and word[-3] not in "aeiou"):
        return False
    for suffix, repl in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)]
            for r in repl:
                base = stem + r
                if len(base) >= 4 and base not in FUNCTION_WORDS and lex.zipf(base) >= INFLECTED_ZIPF:
                    return True
    return False


def _misspelling_finding(tok: Token, raw: str, known: str | None) -> Finding | None:
    from rules._spell_suggest import suggest

    lower = tok.text.lower()
    ranked = suggest(lower)
    if not ranked and known is None and len(lower) >= FAR_LENGTH:
        return None  # a long word far from every word is a term, not a typo ("nandrolone")
    sugg = tuple(match_case(raw, s) for s in ranked)
    if known is not None and "," not in known:
        fix_to = match_case(raw, known)
        sugg = (fix_to, *(s for s in sugg if s != fix_to))
        fix = Fix(f'Replace with "{fix_to}"', (Edit(tok.span, fix_to),), Applicability.SAFE)
        message = f'Misspelled word "{raw}"'
    else:
        fix = Fix(f'Replace with "{sugg[0]}"', (Edit(tok.span, sugg[0]),), Applicability.UNSAFE) if sugg else None
        message = f'Misspelled word "{raw}"' if known is not None else f'Unknown word "{raw}"'
    return Finding(span=tok.span, message=message, fix=fix, suggestions=sugg)


def misspelling(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags words that are not in the dictionary (about 282,000 English words in American,
    British, Canadian and Australian spelling, with news vocabulary) and suggests the
    likeliest correction: keyboard slips such as `spoeed`, and real misspellings such as
    `recieve` or `goverment`.

    Names are left alone: capitalized words inside a sentence, all-caps acronyms
    (`ICBMs`), words with inner capitals and words with letters English doesn't use
    (`Lipavský`). A capitalized word at the start of a sentence is checked in lower case,
    and reported only if it is one keystroke from a common word and not used as a name
    elsewhere in the story. URLs, e-mail addresses, handles, hashtags and numbers
    (`4th`, `33-month-old`) are skipped; each part of a hyphenated word is checked.

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
    (`recieve` -> `receive`) and for a vocabulary `reject` entry.

    ## References
    Word lists: SCOWL 2020.12.07 (Debian `scowl`), wordfreq 3.1.1, codespell 2.4.3;
    see `rules/data/README.md`.
    """
    from rules._spell_lexicon import known_misspellings, lexicon

    lex = lexicon()
    vocab = _vocabulary(doc)
    reject = dict(vocab.reject) if vocab is not None and vocab.reject else {}
    rejected: list[Span] = []
    if reject:
        for f in _reject_findings(doc, reject):
            rejected.append(f.span)
            yield f
    toks = tokens(doc)
    text = doc.text
    names: set[str] | None = None
    initial_counts: Counter[str] | None = None
    known_map: dict[str, str] | None = None
    for tok in toks:
        kind = tok.kind
        if kind == "name" or kind == "foreign":
            continue
        word = tok.text
        if kind == "word":
            if word in lex or tok.whole in lex:
                continue
            if tok.compound and _compound_known(lex, tok.compound):
                continue
        else:  # "initial": capitalized at a sentence start
            if lex.knows(word) or lex.knows(tok.whole):
                continue
        raw = text[tok.span.start : tok.span.end]
        if rejected and any(s.start < tok.span.end and tok.span.start < s.end for s in rejected):
            continue
        if _accepted(vocab, tok, raw):
            continue
        if known_map is None:
            known_map = known_misspellings()
        lower = word.lower()
        known = known_map.get(lower)
        if known is None and (
            _abbreviation(lower)
            or _derived(lex, lower)
            or _inflected(lex, lower)
            or is_fragment(text, tok.span.start, tok.span.end)
            or (kind == "word" and is_name_particle(text, tok.span.start, tok.span.end))
            or (kind == "word" and is_pinyin(lower) and not _near_common(lex, lower))
        ):
            continue
        if kind == "initial":
            if names is None:
                names = _names_in_doc(toks)
            if word in names or _previous_word(doc, tok.span.start) in TITLES:
                continue  # used as a name elsewhere in the story
            if initial_counts is None:
                initial_counts = Counter(t.text for t in toks if t.kind == "initial")
            if initial_counts[word] > 1:
                continue  # the same unknown capitalized word twice: a name, not a typo
            if known is None:
                from rules._spell_suggest import is_near_frequent

                if len(word) < 5 or is_near_frequent(lower, SENTENCE_START_ZIPF) is None:
                    continue  # most likely a name ("Peskov said ...")
        finding = _misspelling_finding(tok, raw, known)
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

    ## Fix safety
    The fix swaps in the other variety's spelling of the same word, and is safe.

    ## References
    Variant pairs derived from SCOWL's American and British lists and codespell's en-GB to
    en-US list; see `rules/data/README.md`.
    """
    from rules._spell_lexicon import variants

    us_map, gb_map = variants()
    language = options.get("language", "any")
    vocab = _vocabulary(doc)
    text = doc.text
    seen: list[tuple[Token, str, str]] = []  # token, variety, other form
    for m in WORD.finditer(text):
        word = m.group()
        for k, part in enumerate(word.split("-")) if "-" in word else ((0, word),):
            lower = part.lower()
            if lower in us_map:
                variety, other = "US", us_map[lower]
            elif lower in gb_map:
                variety, other = "GB", gb_map[lower]
            else:
                continue
            start = m.start() + (len("-".join(word.split("-")[:k])) + 1 if k else 0)
            if not part.islower():
                if part[1:] != part[1:].lower() or not (
                    start == 0 or INITIAL_BEFORE.search(text, max(0, start - 6), start)
                ):
                    continue  # a name: "Lincoln Center", "Labour"
            tok = Token(part, part, Span(start, start + len(part)), "word")
            seen.append((tok, variety, other))
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
        first = {v: next(t.span.start for t, vv, _ in seen if vv == v) for v in counts}
        # The minority is wrong; on a tie, the variety that appears later.
        wrong = min(counts, key=lambda v: (counts[v], -first[v]))
    majority = [t for t, v, _ in seen if v != wrong]
    names = {"US": "American", "GB": "British"}
    other_name = names["GB" if wrong == "US" else "US"]
    for tok, variety, other in seen:
        if variety != wrong:
            continue
        raw = text[tok.span.start : tok.span.end]
        if vocab is not None and vocab.accept and vocab.accepts(raw):
            continue
        fix_to = match_case(raw, other)
        where = next((t for t in majority if t.text.lower() == other), majority[0] if majority else None)
        if where is not None:
            line = doc.text_position(where.span.start).row
            shown = text[where.span.start : where.span.end]
            message = f'{names[variety]} spelling "{raw}"; the story uses {other_name} "{shown}" (line {line})'
        else:
            message = f'{names[variety]} spelling "{raw}" in {other_name} English copy'
        yield Finding(
            span=tok.span,
            message=message,
            fix=Fix(f'Replace with "{fix_to}"', (Edit(tok.span, fix_to),), Applicability.SAFE),
            suggestions=(fix_to,),
        )


def _one_edit(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by one insertion, deletion, change or adjacent swap."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or a == b:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return b[i + 1 :] == a[i:]


def name_variant(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags a name spelled two ways in one story (`Zelenskyy` and `Zelensky`, `Peskov` and
    `Peskow`, `Lipavský` and `Lipavsky`), on the rarer spelling, naming the other.

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
    from rules._spell_lexicon import lexicon

    lex = lexicon()
    vocab = _vocabulary(doc)
    counts: Counter[str] = Counter()
    spans: dict[str, list[Span]] = {}
    for tok in tokens(doc):
        if len(tok.text) < 4 or not (tok.kind == "name" or (tok.kind == "initial" and not lex.knows(tok.text))):
            continue
        counts[tok.text] += 1
        spans.setdefault(tok.text, []).append(tok.span)
    if len(counts) < 2:
        return
    by_fold: dict[str, list[str]] = {}
    for name in counts:
        by_fold.setdefault(fold(name).lower(), []).append(name)
    flagged: dict[str, str] = {}  # rare spelling -> usual spelling
    for group in by_fold.values():  # differ only in accents
        if len(group) > 1:
            group.sort(key=lambda n: (-counts[n], n.isascii(), spans[n][0].start))
            for other in group[1:]:
                flagged.setdefault(other, group[0])
    names = sorted(counts, key=lambda n: (len(n), n))
    for i, a in enumerate(names):
        if len(a) < 6 or a in flagged:
            continue
        for b in names[i + 1 :]:
            if len(b) > len(a) + 1:
                break
            if b in flagged or a[0] != b[0] or not _one_edit(a, b):
                continue
            if b == a + "s" or a == b + "s":
                continue
            common, rare = (a, b) if counts[a] > counts[b] else (b, a)
            if counts[common] < 2 or counts[rare] >= counts[common]:
                continue
            if lex.knows(rare):
                continue  # "Clifton" beside "Clinton": both real names
            flagged[rare] = common
    text = doc.text
    for rare, common in flagged.items():
        if vocab is not None and vocab.accept and vocab.accepts(rare):
            continue
        first = spans[common][0]
        line = doc.text_position(first.start).row
        for span in spans[rare]:
            raw = text[span.start : span.end]
            yield Finding(
                span=span,
                message=f'Name spelled "{raw}" here but "{common}" elsewhere (line {line})',
                fix=Fix(f'Replace with "{common}"', (Edit(span, common),), Applicability.UNSAFE),
                suggestions=(common,),
            )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("SPL001", "misspelling", Severity.ERROR, misspelling, fixable="sometimes"))
    register(
        Rule(
            "SPL002",
            "spelling-variant",
            Severity.WARNING,
            spelling_variant,
            options={"language": "any"},
            choices={"language": ("any", "en-US", "en-GB")},
            fixable="safe",
        )
    )
    register(Rule("SPL003", "name-variant", Severity.WARNING, name_variant, fixable="unsafe"))
