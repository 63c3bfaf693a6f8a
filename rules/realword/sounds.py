"""How a word after "a"/"an" begins when said aloud: with a vowel sound or not.

Words come from the CMU Pronouncing Dictionary (``realword_sounds.tsv`` lists the ones
whose first letter misleads, such as ``hour``, ``one``, ``university``, ``herb``);
initialisms are said letter by letter (``an FBI agent``, ``a UN envoy``) unless they are
said as words (``a NATO summit``); numbers are said as numbers (``an 11-year-old``,
``an 800m loss``, ``a 1990s``).
"""

from __future__ import annotations

import string
from functools import lru_cache

import regex

from newslint import patterns
from newslint.rules.realword.model import first_sounds

# Letters whose names start with a vowel sound: "an F", "an MP", "an SUV".
VOWEL_LETTERS = frozenset("AEFHILMNORSX")
# Initialisms said as words whose first sound differs from their first letter's name.
SAID_AS_WORDS = {
    "NATO": "a", "NASA": "a", "NAFTA": "a", "FIFA": "a", "FEMA": "a", "FIDE": "a",
    "NASDAQ": "a", "SARS": "a", "MERS": "a", "SWAT": "a", "SWIFT": "a", "LIBOR": "a",
    "NIMBY": "a", "SAGE": "a", "STEM": "a", "SIM": "a", "RAM": "a", "ROM": "a", "NICE": "a",
    "MOMA": "a", "RADA": "a", "NEET": "a", "SALT": "a", "START": "a", "HAMAS": "a",
    "HIPAA": "a", "LEGO": "a", "MASH": "a", "SEAL": "a", "SEALS": "a", "NOAA": "a",
    "FRONTEX": "a", "SNAP": "a", "LAN": "a", "MIRV": "a", "NERC": "a", "RICO": "a",
    "SEC": "both", "URL": "both", "SQL": "both", "FAQ": "both", "UMNO": "both", "UNITA": "a",
    "HIV": "an", "NHS": "an", "LED": "both", "OLED": "an", "UFO": "a", "UKIP": "a",
    "UNESCO": "a", "UNICEF": "a", "UEFA": "a", "IKEA": "an", "ISIS": "an", "OPEC": "an",
    "AIDS": "an", "ASEAN": "an", "EFTA": "an",
}
# h- words whose h many writers drop before "an": "an historic", "an hotel". Both fine.
SOFT_H = frozenset(
    "historic historical historically historian hotel hotelier habitual habitually heroic"
    " hereditary horrendous horrific hysterical hypothetical hilarious humongous herbal"
    " hallucinatory harmonious".split()
)
# Capitals that could be said as a word: a vowel early on, no three consonants in a row.
PRONOUNCEABLE = regex.compile(r"^(?=[A-Z]{0,2}[AEIOUY])(?!.*[B-DF-HJ-NP-TV-Z]{3})[A-Z]+$")
# Where the dictionary says otherwise: names said in their own way ("an Uber driver").
OVERRIDES = {"uber": "both"}
# Letters then figures, said letter by letter: "mp4", "H5N1", "MI6" (not "n00b").
LETTERS_DIGITS = regex.compile(r"^[A-Za-z]{1,4}\d+(?:[A-Za-z]\d+)*$")
# Numbers said with a vowel first: 8, 80, 800, 8,000 ... and 11, 18 (and 11,000, 1800s).
NUMBER = patterns.compile(r"\d[\d,]*")
# Foreign words after "a"/"an" that are not English articles ("a la carte", "an der").
FOREIGN_NEXT = frozenset(
    "der die das den dem des la le les los las el il lo del della di da du en et y e o i u"
    " priori posteriori fortiori propos capella cappella tu te mi ti ni me fin gogo"
    " t bhfuil".split()
)


def number_article(token: str) -> str | None:
    """The article before a number written in figures, or None if it is not one."""
    m = NUMBER.match(token)
    if m is None:
        return None
    digits = m.group()
    if "," in digits:  # 11,000 (eleven thousand), 18,500
        head = digits.split(",")[0]
        if not head.isdigit():
            return None
        size = len(head) % 3 or 3
    else:
        size = len(digits) % 3 or 3
        if len(digits) == 4:  # a year: 1800s, 1100 (eighteen hundred, eleven hundred)
            size = 2
    if digits[0] == "8":
        return "an"
    if size == 2 and digits[:2] in ("11", "18"):
        return "an"
    return "a"


def letter_article(letter: str) -> str:
    return "an" if letter in VOWEL_LETTERS else "a"


def article_for(token: str) -> str | None:
    """``"a"``, ``"an"``, ``"both"`` or None (cannot tell) for the word after the article."""
    if not token:
        return None
    first = token[0]
    if first.isdigit():
        return number_article(token)
    head = token.split("-")[0].replace("’", "'")
    if not head:
        return None
    if len(head) == 1:
        if head.isupper() and head.isalpha():  # "an F-16", "a U-turn", "an X-ray"
            return letter_article(head)
        if head in "aeiou" and "-" in token:  # "an e-mail", "an i-Phone"
            return "an"
        return None
    letters = head.rstrip("'s").rstrip("'")
    if letters.isupper() and letters[0].isalpha() and letters.isalnum():
        said = SAID_AS_WORDS.get(letters)
        if said is not None:
            return said
        if not letters.isalpha():  # "an MP3 player", "an MI6 officer", "a B52"
            return letter_article(letters[0])
        if len(letters) >= 4 and PRONOUNCEABLE.match(letters):
            # Perhaps said as a word ("a SCIF", "a METI official"): only the vowels are sure.
            first = letters[0]
            return "an" if first in "AEIO" else None if first in VOWEL_LETTERS or first == "U" else "a"
        if len(letters) <= 5:
            return letter_article(letters[0])  # "an FBI agent", "a UN envoy"
        return None  # a long all-caps word: shouting, or a headline
    # (A word of letters only holds no figure for LETTERS_DIGITS, nor, in lower case, two
    # capitals: the cheap tests first.)
    if not head.isalpha() and LETTERS_DIGITS.match(head):
        return letter_article(head[0].upper())  # "an mp4", "an H5N1 strain"
    if not head.islower() and sum(1 for ch in head if ch.isupper()) > 1 and not head.isupper():
        return None  # "McDonald's", "PhD", "iPhone": not sure how it is said
    word = head.lower()
    if not word.isascii() or not word[0].isalpha():
        return None
    sounds = first_sounds()
    known = OVERRIDES.get(word) or sounds.get(word)
    if known is None and word.endswith("'s"):
        known = sounds.get(word[:-2])
    if known is not None:
        if known != "both" and word in SOFT_H:
            return "both"
        return known
    if word in SOFT_H:
        return "both"
    if word[0] == "u":
        # Every u- word of the dictionary is listed: this one is not ("unarmed" or
        # "unicameral"?). The prefix un- (not uni-) is said with a vowel.
        if word.startswith("un") and not word.startswith("uni"):
            return "an"
        return None
    if word.startswith(("eu", "ew", "one", "onc", "hon", "hour", "heir")):
        return None  # every dictionary word that starts so is listed: not this one
    return "an" if word[0] in "aeio" else "a"


def is_foreign_next(word: str) -> bool:
    return word.lower() in FOREIGN_NEXT


WORDLIKE = regex.compile(r"[\p{L}\d]")


@lru_cache(maxsize=1)
def never_an() -> frozenset[str]:
    """Lower-case letters that no word wanting "an" starts with: after "a", a word that
    starts with one of them is never flagged, so the rule need not read it.

    What :func:`article_for` says "an" for, when the word starts with a lower-case letter:
    a vowel ``a e i o`` (by default) or ``u`` (the prefix un-); a letter whose name starts
    with a vowel sound (``VOWEL_LETTERS``: "an mp4"); a word the dictionary or ``OVERRIDES``
    lists as "an" ("hour", and odd ones such as "cabok"). Every other letter is safe."""
    sounds = first_sounds()
    listed_an = {w[0] for w, v in [*sounds.items(), *OVERRIDES.items()] if v == "an" and w}
    return frozenset(c for c in string.ascii_lowercase
                     if c not in "aeiou" and c.upper() not in VOWEL_LETTERS and c not in listed_an)
