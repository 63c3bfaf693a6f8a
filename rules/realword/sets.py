"""Confusion sets: words that writers type for one another, and fixed phrases.

This module is data, read by the rules and by ``scripts/build_realword.py`` (which keeps
only the language-model n-grams that hold one of these words). Which words are confused
is a matter of fact, gathered from usage guides and from the real errors editors fix; the
list follows the sets that the project's evaluation injects, plus their inflected forms.
"""

from __future__ import annotations

# Each row: forms that are confused with one another (lower case, ASCII apostrophes).
CONFUSION_SETS: tuple[tuple[str, ...], ...] = (
    ("their", "there", "they're"),
    ("its", "it's"),
    ("your", "you're"),
    ("whose", "who's"),
    ("than", "then"),
    ("affect", "effect"),
    ("affects", "effects"),
    ("affected", "effected"),
    ("lose", "loose"),
    ("losing", "loosing"),
    ("principal", "principle"),
    ("principals", "principles"),
    ("complement", "compliment"),
    ("complements", "compliments"),
    ("complementary", "complimentary"),
    ("pore", "pour"),
    ("pored", "poured"),
    ("poring", "pouring"),
    ("reign", "rein"),
    ("reins", "reigns"),
    ("peak", "peek", "pique"),
    ("peaked", "peeked", "piqued"),
    ("discreet", "discrete"),
    ("breach", "breech"),
    ("hoard", "horde"),
    ("hoards", "hordes"),
    ("led", "lead"),
    ("past", "passed"),
    ("site", "cite", "sight"),
    ("sites", "cites", "sights"),
    ("council", "counsel"),
    ("councils", "counsels"),
    ("councillor", "counsellor"),
    ("councillors", "counsellors"),
    ("councilor", "counselor"),
    ("councilors", "counselors"),
    ("stationary", "stationery"),
    ("elicit", "illicit"),
    ("flair", "flare"),
    ("bated", "baited"),
    ("phase", "faze"),
    ("phased", "fazed"),
    ("toe", "tow"),
    ("toed", "towed"),
    ("weather", "whether"),
    ("accept", "except"),
    ("advice", "advise"),
    ("later", "latter"),
    ("personal", "personnel"),
    ("brake", "break"),
    ("brakes", "breaks"),
    ("allowed", "aloud"),
    ("desert", "dessert"),
    ("deserts", "desserts"),
    ("premier", "premiere"),
    ("waive", "wave"),
    ("waived", "waved"),
    ("role", "roll"),
    ("roles", "rolls"),
    ("hear", "here"),
    ("forth", "fourth"),
    # keyboard slips that land on another word
    ("from", "form"),
    ("quite", "quiet"),
    ("trial", "trail"),
    ("trials", "trails"),
    ("casual", "causal"),
)

# Every member of a set -> its set.
CONFUSED: dict[str, tuple[str, ...]] = {w: row for row in CONFUSION_SETS for w in row}

# Fixed phrases that are wrong whatever the context: (wrong words, right words). Matched
# on whole words, in any case; the first word keeps its case in the fix; "*" stands for
# one optional word, kept as written.
PHRASES: tuple[tuple[str, str], ...] = (
    ("it's own", "its own"),
    ("free reign", "free rein"),
    ("sneak peak", "sneak peek"),
    ("sneak peaks", "sneak peeks"),
    ("peaked my interest", "piqued my interest"),
    ("peaked his interest", "piqued his interest"),
    ("peaked her interest", "piqued her interest"),
    ("peaked their interest", "piqued their interest"),
    ("peaked the interest", "piqued the interest"),
    ("baited breath", "bated breath"),
    ("tow the * line", "toe the * line"),
    ("towed the * line", "toed the * line"),
    ("towing the * line", "toeing the * line"),
    ("tows the * line", "toes the * line"),
    ("could of", "could have"),
    ("would of", "would have"),
    ("should of", "should have"),
    ("alot", "a lot"),
    ("for all intensive purposes", "for all intents and purposes"),
    ("rein of terror", "reign of terror"),
    ("bare in mind", "bear in mind"),
    ("beyond the pail", "beyond the pale"),
    ("per say", "per se"),
    ("wreck havoc", "wreak havoc"),
    ("wrecked havoc", "wreaked havoc"),
    ("wrecking havoc", "wreaking havoc"),
)
