"""Word shapes that make an unknown word a real word: abbreviations, known hyphenated
compounds, words derived with a free prefix or joined from two common words, and regular
inflections of common words; and names one edit apart."""

from __future__ import annotations

from typing import Any

import regex

from newslint import patterns

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
COMPOUND_PART = 3  # the shortest half of a solid compound ("carmaking", "tieless")
SHORT_PART_ZIPF = 3.5  # ... and a half that short must be common ("car", "pet" in "petcare")
COMPOUND_ZIPF = 3.0  # both halves of a solid compound this common ("bandmates")
INFLECTED_LENGTH = 5  # shorter words are not read as inflections
INFLECTED_ZIPF = 2.5  # the base of a derived or inflected word this common
# These limits are generous because the checker (spelling.py) still flags a compound or an
# inflection that is one slip from a common word: "conpetition" (con + petition) is
# "competition", "memberhip" is "membership".
# Regular suffixes and what the stem may have lost ("templating" = "templat" + "e" + "ing").
SUFFIXES = (
    ("ies", ("y",)), ("ied", ("y",)), ("iness", ("y",)), ("ily", ("y",)), ("iers", ("y",)),
    ("ing", ("", "e")), ("ed", ("", "e")), ("ers", ("", "e")), ("er", ("", "e")),
    ("ness", ("",)), ("ly", ("",)), ("es", ("",)), ("s", ("",)), ("ism", ("", "e")), ("ist", ("", "e")),
    ("y", ("", "e")),  # informal adjectives: "shouty", "whizzy", "stagey"
)  # a one-edit neighbour this frequent makes a capitalized start a typo


def abbreviation(word: str) -> bool:
    """Two letters, or three without a vowel ("fi", "png", "dvd"): an abbreviation."""
    return len(word) <= 2 or (len(word) == 3 and not any(c in "aeiouy" for c in word))


def compound_known(lex: Any, compound: str) -> bool:
    """True for a hyphenated word known whole or written solid ("pre-empt", "co-ordinator")."""
    low = compound.lower()
    return low in lex or low.replace("-", "") in lex


def compound_part(part: str) -> bool:
    """True for a part of a hyphenated compound that is frequent on its own in running
    text but not a dictionary word ("faire" in "laissez-faire", "feely" in "touchy-feely")."""
    from newslint.rules.spelling.lexicon import compound_parts

    return part.lower() in compound_parts()


NAME_ZIPF = 4.0  # a lower-case word whose capitalized form is this common is a name


def lowercase_name(lex: Any, word: str) -> bool:
    """True for a common name written in lower case ("british", "muslims"): a capitalization
    slip, not a misspelling."""
    return lex.zipf(word.capitalize()) >= NAME_ZIPF


def derived(lex: Any, word: str) -> bool:
    """True for a word made of known parts: a free prefix and a common word ("unpatched"),
    or two common words ("hotspots", "bandmates"), neither a function word ("willmean")."""
    if len(word) < 7:
        return False
    for p in DERIVING:
        if word.startswith(p) and len(word) - len(p) >= 4 and lex.zipf(word[len(p):]) >= INFLECTED_ZIPF:
            return True
    for i in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1):
        a, b = word[:i], word[i:]
        if a[-1] == b[0] or a in FUNCTION_WORDS or b in FUNCTION_WORDS:
            continue  # "smalllest", "meetting": a doubled letter at the joint is a typo
        if _compound_half(lex, a) and _compound_half(lex, b):
            return True
    return False


def _compound_half(lex: Any, part: str) -> bool:
    """A common word that may be half of a solid compound; a three-letter half must be more
    common ("car" in "carmaking")."""
    z = lex.zipf(part)
    return z >= (SHORT_PART_ZIPF if len(part) <= COMPOUND_PART else COMPOUND_ZIPF)


def inflected(lex: Any, word: str) -> bool:
    """True for a regular inflection of a known word ("templating", "hereditaries")."""
    if len(word) < INFLECTED_LENGTH or (word.endswith("ys") and word[-3] not in "aeiou"):
        return False
    for suffix, repl in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)]
            for r in repl:
                base = stem + r
                if len(base) >= 4 and base not in FUNCTION_WORDS and _regular(stem, suffix) and lex.zipf(base) >= INFLECTED_ZIPF:
                    return True
    return False


def _regular(stem: str, suffix: str) -> bool:
    """False for an ending joined against the spelling rules: a silent "e" kept before a
    vowel ("takeing", "tradeed") or "-es" where English adds "-s" ("startes")."""
    if stem.endswith("e") and suffix[0] in "aeiou" and not stem.endswith(("ee", "oe", "ye")):
        return False
    return not (suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")))


# "-ise" and "-ize" (and "-yse", "-yze") forms of one word: "weaponisation", "analyzing".
_ISE = patterns.compile(r"([iy])([sz])(e|ed|es|ing|er|ers|ation|ations|able)$")


def other_variety(lex: Any, word: str) -> bool:
    """True for the "-ise" form of a known "-ize" word or the other way round
    ("weaponisation" beside "weaponization"): both are standard spellings."""
    m = _ISE.search(word)
    if m is None:
        return False
    swapped = word[: m.start(2)] + ("z" if m.group(2) == "s" else "s") + word[m.end(2) :]
    return swapped in lex


def one_edit(a: str, b: str) -> bool:
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


def near_pairs(names: list[str]) -> list[tuple[str, str]]:
    """Pairs of names (of six letters or more) that may be one edit apart, found through
    shared deletion keys (a name and each of it with one letter left out: a change, an
    insertion, a deletion or a swap of two letters leaves two names with a key in
    common), in the order of ``names``. Linear in the number of names, not quadratic."""
    buckets: dict[str, list[int]] = {}
    for i, n in enumerate(names):
        if len(n) < 6:
            continue
        for key in {n, *(n[:k] + n[k + 1 :] for k in range(len(n)))}:
            buckets.setdefault(key, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > 1:
            for x in members:
                for y in members:
                    if x < y:
                        pairs.add((x, y))
    return [(names[x], names[y]) for x, y in sorted(pairs)]


def tech_base(word: str) -> str | None:
    """The software term (see ``lexicon.tech_terms``) that ``word`` is or regularly
    inflects ("iframes", "iframed", "crons" -> "iframe", "cron"), or None."""
    from newslint.rules.spelling.lexicon import tech_terms

    terms = tech_terms()
    if word in terms:
        return word
    for suffix, repl in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)]
            for r in repl:
                if stem + r in terms:
                    return stem + r
    return None


def family_forms(word: str) -> dict[str, str]:
    """Regular forms of the words ``word`` may be a form of, itself left out, each with
    its base: the bases ("refactors" -> "refactor") and their inflections ("refactoring",
    "refactored")."""
    bases = {word}
    for suffix, repl in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)]
            bases.update(stem + r for r in repl)
    forms: dict[str, str] = {}
    for b in sorted(bases):
        if len(b) < 4:
            continue
        endings = ["", "s", "es", "ed", "er", "ers", "ing"]
        if b.endswith("e"):
            endings += ["d", "r", "rs"]
        for e in endings:
            forms.setdefault(b + e, b)
        if b.endswith("e"):
            forms.setdefault(b[:-1] + "ing", b)
    forms.pop(word, None)
    return forms


_RUN3 = patterns.compile(r"(\p{L})\1{2,}")


def elongated(lex: Any, word: str) -> bool:
    """True for a word stretched for emphasis ("pleeease", "sooo", "eeeend"): a letter
    written three times or more, where the word is known with that letter once and not
    with it twice. A doubled letter typed once more is a slip ("croooner": "crooner")."""
    if _RUN3.search(word) is None:
        return False
    return _RUN3.sub(r"\1", word) in lex and _RUN3.sub(r"\1\1", word) not in lex


# Open compounds whose head takes the regular plural though the head alone does not:
# the compound names a thing, not the head ("still lifes", not "still lives"; Merriam-
# Webster, Oxford). codespell lists "lifes" as a misspelling of "lives".
REGULAR_PLURAL_COMPOUNDS = frozenset({"still life", "low life"})


def regular_plural_compound(before: str, word: str) -> bool:
    """True for the regular plural of such a compound's head after its first word."""
    return word.endswith("s") and f"{before} {word[:-1]}" in REGULAR_PLURAL_COMPOUNDS
