"""Duplicates, DUP002 duplicate-paragraph and DUP003 duplicate-caption: lines, paragraphs,
headlines and captions that appear again in the story, word for word or nearly."""

from __future__ import annotations

import zlib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from newslint import patterns
from newslint import Applicability, Block, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl

# -- DUP002 duplicate-paragraph, DUP003 duplicate-caption -----------------------------------

WORDS = patterns.compile(r"[\p{L}\p{N}]+")
MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A photo caption or credit: a date-and-place prefix ("18 August 2018, Brandenburg:") or a
# label at the start; a credit at the end ("(dpa)", "(AFP/Getty Images)", "Photo: Jane Doe").
CAPTION_START = patterns.compile(
    rf"""
    \s*(?:
        (?:\d{{1,2}}\s+{MONTHS}\s+\d{{4}}|{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)
            ,[^:\n]{{1,80}}:\s                                   # date, place:
      | (?:image|media|photo|video)\s+caption\b                  # "Image caption ..."
      | (?:photo(?:graph)?|picture|image|credit|pictured|file\s+photo)s?\s*:  # "Photo: ..."
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
CAPTION_END = patterns.compile(
    r"""
      [(\[]\s*(?:(?:photo|picture|image|file)s?\s*:?\s*)?
        (?:AFP|dpa|Reuters|AP|EPA|EPA-EFE|PA|UPI|ANP|ANSA|TT|Xinhua|TASS|Getty(?:\s+Images)?
          |Shutterstock|Alamy|Bloomberg|NurPhoto|SOPA|Sipa|Anadolu)
        (?:\s*/\s*[^()\[\]\n]{1,40})?[)\]]\s*$               # "(AFP)", "(dpa/Jane Doe)"
    | \((?:AP|AFP|Reuters)\s+Photos?\b[^()\n]*\)\s*$          # "(AP Photo/Jane Doe)"
    | \b(?:photo(?:graph)?|picture|image)s?\s*:\s*[^\n]{1,60}$   # "... Photo: Jane Doe/AFP"
    | \b(?:Getty\s+Images|via\s+Getty)\s*\)?\s*$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# Columns aligned with runs of spaces: a table, whose rows and headers repeat on purpose.
COLUMNS = patterns.compile(r"[ \t]{3,}(?=\S)")
NUMBERS = patterns.compile(r"\d[\d.,:/]*")
# A line that ends like a sentence, a caption or a headline with a colon.
LINE_END = patterns.compile(r"""[.!?:;)"”’\]]\s*$""")
# Image alt text may say what the caption says: it is not shown twice.
SKIP_KINDS = frozenset({"alt", "title"})  # a page title repeats its headline by design
BOTTOM_K = 8  # sketch size: the k smallest shingle hashes of each unit
MIN_SHARED = 3  # sketch values two units must share before they are compared in full
POSTING_CAP = 8  # earlier units kept per sketch value (the first copies are the earliest)
SMALL_DOCUMENT = 100_000  # characters: up to this, words are kept between passes
RECENT_WORDS = 4096  # texts (a long document's units' words, captions' answers) kept for the next copy
MAX_PREFILTER_PAIRS = 256  # more pairs of long units than this: build the sketch index straight away
# ASCII characters other than letters and digits: a word boundary, as for WORDS.
_TYPOGRAPHIC = "“”‘’—–…\u00a0£€•°"  # neither letters nor digits: each reads as a space
_ASCII_SEPARATORS = bytes(i if chr(i).isalnum() else 32 for i in range(256))
# The same, with ASCII letters in lower case: ``bytes.lower`` and the table in one pass.
_LOWER_SEPARATORS = bytes(_ASCII_SEPARATORS[i] if i > 127 else _ASCII_SEPARATORS[i] | (32 if 65 <= i <= 90 else 0)
                          for i in range(256))
# What may be or become (casefolded) part of a word: any other character casefolds to none.
_WORDY = patterns.compile(r"[\p{L}\p{N}\p{M}]")


def is_caption(line: str) -> bool:
    """Whether a line reads as a photo caption or credit."""
    tail = max(0, len(line) - 100)
    return bool(_may_start_caption(line) and CAPTION_START.match(line)
                or _may_end_caption(line[tail:]) and CAPTION_END.search(line, tail))


def _may_start_caption(line: str) -> bool:
    """False where :data:`CAPTION_START` cannot match: in ASCII, each of its forms holds a
    colon but "image caption" (and "media caption" ...). A cheap look before the pattern."""
    return ":" in line or not line.isascii() or "caption" in line.lower()


def _may_end_caption(tail: str) -> bool:
    """False where :data:`CAPTION_END` cannot match in ``tail`` (the last 100 characters):
    in ASCII, each of its forms holds a bracket or a colon but "Getty Images" and "via Getty"."""
    return "(" in tail or "[" in tail or ":" in tail or not tail.isascii() or "getty" in tail.lower()


@dataclass(frozen=True, slots=True)
class Repeat:
    """A unit (line or paragraph) that repeats an earlier one."""

    span: Span
    first: Span
    exact: bool
    caption: bool
    fix: Fix | None


@dataclass(slots=True)
class _Units:
    """The units of one pass (non-blank lines, or paragraphs of several lines) as plain
    parallel lists: a story has dozens of units, an archive file millions, and an object
    per unit cost more than most stories' comparisons."""

    spans: list[Span]
    kinds: list[str] | None  # each unit's block kind ("line" outside blocks); None: no captions
    prev: list[int] | None  # the unit before, of the same kind (-1: none); None: unit i - 1
    prev_end: list[int] | None  # where that unit ends (-1: none); None: where unit i - 1 ends
    # A small document's words of each unit, and those words joined, kept for all passes
    # (None: a long document, whose words are read again where they are needed).
    words: list[list[str]] | None = None
    keys: list[str] | None = None
    captions: dict[int, bool] = field(default_factory=dict)
    # The answer for each text looked at: a caption and its copies are one look, not one a
    # copy (on an archive file of 2,000 copies of a story, 100,000 looks at eight lines).
    caption_texts: dict[str, bool] = field(default_factory=dict)

    def before(self, i: int) -> int:
        """The index of the unit before unit ``i``, of the same kind (-1: none)."""
        return self.prev[i] if self.prev is not None else i - 1

    def break_start(self, i: int) -> int:
        """Where the break before unit ``i`` starts: the end of the text before it (-1: none)."""
        if self.prev_end is not None:
            return self.prev_end[i]
        return self.spans[i - 1].end if i > 0 else -1

    def caption(self, i: int, text: str) -> bool:
        """Whether unit ``i`` is a caption: a caption block, or every line reads as one."""
        v = self.captions.get(i)
        if v is None:
            if self.kinds is not None and self.kinds[i] == "caption":
                v = True
            else:
                sp = self.spans[i]
                chunk = text[sp.start : sp.end]
                v = self.caption_texts.get(chunk)
                if v is None:
                    if len(self.caption_texts) >= RECENT_WORDS:
                        self.caption_texts.clear()  # a bounded number of texts kept
                    v = self.caption_texts[chunk] = all(is_caption(x) for x in chunk.splitlines() if x.strip())
            self.captions[i] = v
        return v


def _units(doc: Document) -> tuple[_Units, _Units]:
    """Non-blank lines, and paragraphs of more than one line."""
    text = doc.text
    paragraphs = doc.paragraphs
    # A line's kind only says whether it is in a caption block, or in one left out (alt text,
    # a page title): plain text and most pages have neither, and need no walk over the blocks.
    if doc.blocks is not None and any(b.kind in SKIP_KINDS or b.kind == "caption" for b in paragraphs):
        spans, kinds = _lines_with_kinds(text, doc.lines, paragraphs)
    else:
        spans, kinds = [], None
        for sp in doc.lines:
            a, b = sp
            # A line that starts with no white space is no blank line: slice only the others.
            if a < b and (not text[a].isspace() or not text[a:b].isspace()):
                spans.append(sp)
    lines = _Units(spans, kinds, None, None)
    blocks = _Units([], [], [], [])
    if doc.blocks is None and len(spans) == len(paragraphs):
        return lines, blocks  # plain text, each paragraph one line (runs of non-blank lines)
    prev_end = prev = -1
    # Plain text's paragraphs are the runs of non-blank lines: a paragraph of one line ends
    # where its first line does (a look at two numbers; a search for a line break scanned
    # the paragraph, a character at a time in text beyond Latin-1).
    first = 0 if doc.blocks is None else -1  # plain text: the index of the paragraph's first line
    for block in paragraphs:
        sp = block.span
        if first >= 0:
            one_line = spans[first].end == sp.end
            first += 1
            if not one_line:
                while first < len(spans) and spans[first].start < sp.end:
                    first += 1  # the paragraph's other lines
        else:
            one_line = text.find("\n", sp.start, sp.end) < 0
        if one_line or block.kind in SKIP_KINDS:
            prev_end, prev = sp.end, -1
            continue
        blocks.spans.append(sp)
        blocks.kinds.append(block.kind)  # type: ignore[union-attr]
        blocks.prev.append(prev)  # type: ignore[union-attr]
        blocks.prev_end.append(prev_end)  # type: ignore[union-attr]
        prev_end, prev = sp.end, len(blocks.spans) - 1
    return lines, blocks


def _lines_with_kinds(text: str, lines: tuple[Span, ...], paragraphs: tuple[Block, ...]) -> tuple[list[Span], list[str]]:
    """The non-blank lines, less those of blocks left out, with the kind of the block each is in."""
    spans: list[Span] = []
    kinds: list[str] = []
    b = 0
    for sp in lines:
        if sp.start == sp.end or text[sp.start : sp.end].isspace():
            continue
        while b < len(paragraphs) and paragraphs[b].span.end <= sp.start:
            b += 1
        inside = b < len(paragraphs) and paragraphs[b].span.start <= sp.start
        kind = paragraphs[b].kind if inside else "line"
        if kind in SKIP_KINDS:
            continue
        spans.append(sp)
        kinds.append(kind)
    return spans, kinds


def _shingles(words: list[str]) -> set[int]:
    """Word pairs, each as a stable hash: a pair of the words' CRC-32s of their UTF-8
    (tuples of ints hash the same in every run). Words hold no spaces, so the words
    encoded together and split again are each word's UTF-8, and CRC-32 maps over them
    without a Python call per word."""
    nums = list(map(zlib.crc32, " ".join(words).encode("utf-8", "surrogatepass").split(b" ")))
    return set(map(hash, zip(nums, nums[1:])))


def _delete_repeat(units: _Units, i: int) -> Edit:
    """Delete unit ``i`` with the break before it (so the separator after it stays)."""
    span = units.spans[i]
    start = units.break_start(i)
    return Edit(Span(start if start >= 0 else span.start, span.end), "")


def _words(chunk: str) -> list[str]:
    """``WORDS.findall(chunk.casefold())``; without the pattern unless the text is mostly
    beyond ASCII (another script)."""
    if chunk.isascii():
        return chunk.encode("ascii").translate(_LOWER_SEPARATORS).decode("ascii").split()
    raw = chunk.encode("ascii", "replace")  # "?" for each character beyond ASCII
    if raw.count(b"?") * 8 > len(raw):
        return WORDS.findall(chunk.casefold())
    # ASCII as for an ASCII chunk, each other character as :func:`_folded` reads it: the
    # pattern cost ~650 instructions a character, this a look at the few beyond ASCII.
    norm, odd = _fold_beyond_ascii(chunk, raw)
    if odd:  # the characters that read as more than one ("ß" as "ss"), put in
        parts: list[str] = []
        last = 0
        for i in odd:
            parts += (norm[last:i], _folded(chunk[i]))
            last = i + 1
        parts.append(norm[last:])
        norm = "".join(parts)
    return norm.split()


# How :func:`_words` reads a character beyond ASCII, by character (see :func:`_folded`).
_FOLDED: dict[str, str] = {}


def _folded(ch: str) -> str:
    """A character beyond ASCII as :func:`_words` reads it: casefolded (case folding maps
    each character on its own, so a text's casefold is its characters' casefolds joined),
    with each character of that which WORDS does not take a space ("“" is " ", "ý" is
    "ý", "ß" is "ss", "İ" is "i" and a space for its combining dot)."""
    v = _FOLDED.get(ch)
    if v is None:
        if len(_FOLDED) >= 65536:
            _FOLDED.clear()  # a bounded number of characters kept
        v = _FOLDED[ch] = "".join(c if WORDS.fullmatch(c) else " " for c in ch.casefold())
    return v


def _normalized_in_part(text: str) -> tuple[str, list[int] | None]:
    """``(norm, odd)``: the text as :func:`_words` reads it, each character in its place
    (lower case, every character that is no letter or digit a space; same length, so
    offsets are kept): the words of a unit are ``norm[a:b].split()``, as :func:`_words`
    reads the unit. ``odd``: the sorted offsets of the characters beyond ASCII that read
    as more than one character ("ß", "İ"), where the words of a unit that holds one need
    :func:`_words` (None when there are none)."""
    plain = _typographic_spaces(text)
    if plain.isascii():
        return plain.encode("ascii").translate(_LOWER_SEPARATORS).decode("ascii"), None
    return _normalized_beyond_ascii(plain)


def _typographic_spaces(text: str) -> str:
    """The text with its typographic characters (:data:`_TYPOGRAPHIC`) made spaces, as
    :func:`_words` reads them. News copy's characters beyond ASCII are mostly its curly
    quotes and dashes: made spaces first (a pass in C for each one present), they cost the
    encoder's error handler and the loop of :func:`_fold_beyond_ascii` nothing (~10 us of
    ~45 on the seed story)."""
    if text.isascii():
        return text
    for ch in _TYPOGRAPHIC:
        if ch in text:
            text = text.replace(ch, " ")
    return text


def _normalized_beyond_ascii(plain: str) -> tuple[str, list[int] | None]:
    """:func:`_normalized_in_part` of a text whose typographic characters are spaces
    already and which is not all ASCII."""
    norm, odd = _fold_beyond_ascii(plain, plain.encode("ascii", "replace"))
    return norm, odd or None


def _fold_beyond_ascii(text: str, raw: bytes) -> tuple[str, list[int]]:
    """``(norm, odd)`` of a text that is not all ASCII, from ``raw``, its ASCII encoding
    with "?" for each other character: the text lowered with every character that is no
    letter or digit a space (one pass in C, "?" being a separator; a look for the other
    characters with a pattern cost more than the rest together), then each character
    beyond ASCII that :func:`_folded` reads as one character put back in its place. ``odd``:
    the offsets of those it reads as more than one ("ß", "İ"), left a space here."""
    norm = raw.translate(_LOWER_SEPARATORS).decode("ascii")
    odd: list[int] = []
    parts: list[str] = []  # the letters and digits beyond ASCII put back in their places
    last = 0
    i = raw.find(b"?")
    while i >= 0:
        ch = text[i]
        if ch != "?":
            folded = _FOLDED.get(ch) or _folded(ch)
            if folded != " ":
                if len(folded) == 1:
                    parts += (norm[last:i], folded)
                    last = i + 1
                else:
                    odd.append(i)
        i = raw.find(b"?", i + 1)
    if parts:
        parts.append(norm[last:])
        norm = "".join(parts)
    return norm, odd


def _near_possible(eligible: list[tuple[int, list[str]]], near_words: int, similarity: float,
                   keys: Sequence[str] | Mapping[int, str] | None = None) -> bool:
    """Whether two units of this pass could be near copies; False only when no two units
    could. A near copy (see :func:`_find`) is a unit of ``near_words`` words or more, no
    exact copy of an earlier unit, about as long as its first copy (``similarity``), whose
    word pairs, as :func:`_shingles` hashes them, are at least ``similarity`` alike with
    the first copy's, and which shares three sketch values with it (so three word pairs).
    ``keys``: the units' words joined, by unit, where the caller has them."""
    longs: list[list[str]] = []
    seen: set[str] = set()
    for i, words in eligible:
        key = keys[i] if keys is not None else " ".join(words)
        if key in seen:
            continue  # an exact copy of an earlier unit: not sketched
        seen.add(key)
        if len(words) >= near_words:
            longs.append(words)
    return _near_possible_among(longs, similarity)


def _near_possible_among(longs: list[list[str]], similarity: float) -> bool:
    """:func:`_near_possible` for units that are all long enough, no two with the same words.
    Both conditions are checked on every pair of units of close lengths: the words first
    (:func:`_words_apart_limit`), then the hashed pairs (most pairs of paragraphs share a
    few pairs such as "of the", few are near copies)."""
    if len(longs) < 2:
        return False
    if not similarity > 0:
        return True  # every pair is close (or none can be ordered): let the index decide
    longs.sort(key=len)
    sizes = [len(words) for words in longs]
    # Units k < j have close lengths while ``n_k >= similarity * n_j``: the partners of unit
    # k are k + 1 up to ends[k] (the lengths are sorted, and so are their scaled values).
    scaled = [similarity * n for n in sizes]
    ends = [bisect_right(scaled, n, k + 1) for k, n in enumerate(sizes)]
    if sum(ends) - len(sizes) * (len(sizes) + 1) // 2 > MAX_PREFILTER_PAIRS:
        return True  # comparing so many pairs would cost more than the index
    # The cheap look first: the words of each unit as a set, made for units with a partner;
    # how many words may be in one unit only, by the shorter unit's length.
    word_sets: list[set[str] | None] = [None] * len(longs)
    limit = _words_apart_limit(similarity)
    alike: list[tuple[int, int]] = []  # pairs with few words apart, for the hashed pairs
    for k, end in enumerate(ends):
        if end == k + 1:
            continue  # no partner
        wa = word_sets[k]
        if wa is None:
            wa = word_sets[k] = set(longs[k])
        n = sizes[k]  # the shorter of each pair
        room = len(wa) - (limit * (n - 1) + 1e-9) if n > 1 else float("-inf")
        for j in range(k + 1, end):
            wb = word_sets[j]
            if wb is None:
                wb = word_sets[j] = set(longs[j])
            if 2 * len(wa & wb) >= room + len(wb):  # at most the limit apart
                alike.append((k, j))
    if not any(_hashed_alike(longs[k], longs[j], similarity) for k, j in alike):
        return False
    shingles: dict[int, set[tuple[str, str]]] = {}
    for k, end in enumerate(ends):
        for j in range(k + 1, end):
            a, b = (shingles.get(x) or shingles.setdefault(x, set(zip(longs[x], longs[x][1:]))) for x in (k, j))
            if len(a & b) >= MIN_SHARED:
                return True
    return False


def _hashed_alike(a: list[str], b: list[str], similarity: float) -> bool:
    """Whether two units' hashed word pairs are ``similarity`` alike, as :func:`_find`
    compares them (first whether the sizes allow it)."""
    sa, sb = _shingles(a), _shingles(b)
    na, nb = len(sa), len(sb)
    if na < nb:
        if na < similarity * nb:
            return False  # the union holds the larger set, the intersection at most the smaller
    elif nb < similarity * na:
        return False
    both = len(sa & sb)
    return both >= similarity * (na + nb - both)  # the share in the union, as _find computes it


def _words_apart_limit(similarity: float) -> float:
    """How many words per word pair (of the shorter unit) may be in one unit and not the
    other, at most, in two units whose word pairs are ``similarity`` alike: a cheap
    necessary condition for near copies. Let A and B be the units' sets of word pairs (what
    :func:`_shingles` hashes), each of at most ``n - 1`` pairs for the shorter unit's ``n``
    words. A word of one unit missing from the other puts each pair it is in outside the
    other's set, and a pair holds two words, so the words in one unit only are at most
    twice the pairs in one set only. Pairs ``s`` alike (``|A & B| >= s |A | B|``) differ in
    at most ``(1 - s) |A | B| <= (1 - s) / s |A & B| <= (1 - s) / s (n - 1)`` pairs. A set of
    words costs a fraction of the hashed pairs, and two paragraphs of close lengths that
    are no copies share far fewer words than that. A unit of one word has no pairs, and a
    similarity of 0 or less lets anything through: no limit then."""
    return 2 * (1 - similarity) / similarity if similarity > 0 else float("inf")


def _quiet(text: str, lines: _Units, blocks: _Units, min_words: int, near_words: int,
           similarity: float) -> tuple[bool, bool, bool]:
    """``(lines, exact_blocks, blocks)``: whether nothing can repeat among the non-blank
    lines; whether no two paragraphs of several lines have the same words; whether nothing
    can repeat among those paragraphs: no two units have the same words, could be near
    copies or are long and one word apart. Every unit a pass compares is among these, so
    such a pass would find nothing. Near copies among the paragraphs are only looked for
    where the lines are quiet (the story may then repeat nothing at all); elsewhere the
    third pass looks for them among the paragraphs that no line finding took, usually
    none, and ``blocks`` is False. Each unit's words, and its words joined, are kept in
    ``lines`` and ``blocks`` for the passes."""
    # The words of every unit: the whole text normalised at once, so each unit's words are
    # a slice split at white space (see :func:`_normalized_in_part`).
    plain = _typographic_spaces(text)
    if plain.isascii():
        raw = plain.encode("ascii")
        # Text in ASCII (most stories) is counted from its bytes: the normalised text is
        # made only when the counts do not say quiet (a translate, a decode and an encode
        # less per story).
        if not blocks.spans and _quiet_by_counts(
                raw.translate(_ASCII_WORD_CLASS), lambda a, b: raw[a:b].translate(_LOWER_SEPARATORS).decode("ascii").split(),
                lines.spans, min_words, near_words, similarity, len(text)):
            return True, True, True  # (no paragraph of several lines: nothing among them)
        norm, odd = raw.translate(_LOWER_SEPARATORS).decode("ascii"), None
    else:
        norm, odd = _normalized_beyond_ascii(plain)
        if not blocks.spans and odd is None and _lines_quiet_by_counts(
                norm, lines.spans, min_words, near_words, similarity, len(text)):
            return True, True, True
    for units in (lines, blocks):
        units.words = _unit_words(text, norm, odd, units.spans)
        units.keys = list(map(" ".join, units.words))
    quiet_lines = _none_repeats(lines, min_words, near_words, similarity, len(text))
    counted = _counted(blocks, min_words)
    exact_blocks = len({blocks.keys[i] for i in counted}) == len(counted)  # type: ignore[index]
    quiet_blocks = (quiet_lines and exact_blocks
                    and _none_repeats(blocks, min_words, near_words, similarity, len(text)))
    return quiet_lines, exact_blocks, quiet_blocks


# Normalised text (see :func:`_normalized_in_part`) in ASCII as word characters ("a") and spaces.
_WORD_CLASS = bytes(32 if i == 32 else 97 for i in range(256))
# The same read from the ASCII text itself: letters and digits "a", any other byte a space.
_ASCII_WORD_CLASS = bytes(_WORD_CLASS[_LOWER_SEPARATORS[i]] for i in range(256))


def _lines_quiet_by_counts(norm: str, spans: list[Span], min_words: int, near_words: int,
                           similarity: float, text_length: int) -> bool:
    """True when :func:`_none_repeats` would be True for units of these spans, read from
    their word counts, without their words: no two units counted have the same number of
    words and of letters and digits (as two with the same words would), no two long
    units have close lengths (or their words, and theirs alone, show no near copies), and
    no long unit follows one of about its length. False: the words must decide. Most
    stories are quiet, and a story of long paragraphs of one line each (~65 words, as
    BBC copy) spent most of this rule on splitting and joining words no pass reads.
    ``norm``: the normalised text, with no character that reads as more than one (each
    unit's words are then ``norm[a:b].split()``); its characters beyond ASCII are letters
    and digits, each one character of a word ("?" in ASCII, then "a")."""
    cls = (norm.encode("ascii") if norm.isascii() else norm.encode("ascii", "replace")).translate(_WORD_CLASS)
    return _quiet_by_counts(cls, lambda a, b: norm[a:b].split(), spans, min_words, near_words, similarity,
                            text_length)


def _quiet_by_counts(cls: bytes, words_of: Callable[[int, int], list[str]], spans: list[Span], min_words: int,
                     near_words: int, similarity: float, text_length: int) -> bool:
    """:func:`_lines_quiet_by_counts` from ``cls``, the normalised text's characters as
    word characters ("a") and spaces, and ``words_of(a, b)``, the words of a unit."""
    least = max(min_words, 1)
    seen: set[tuple[int, int]] = set()
    counted: list[tuple[int, int, int]] = []  # (words, start, end) of each unit counted
    for a, b in spans:
        # Words: the runs of word characters, each after a space or at the start.
        n = cls.count(b" a", a, b) + (a < b and cls[a] == 97)
        if n < least:
            continue
        sig = (n, cls.count(b"a", a, b))
        if sig in seen:
            return False  # maybe the same words twice
        seen.add(sig)
        counted.append((n, a, b))
    # One word apart, next to each other: a long unit after one of about its length.
    if any(n >= near_words and -1 <= n - m <= 1 for (n, _, _), (m, _, _) in zip(counted[1:], counted)):
        return False
    if not near_words < text_length:
        return True  # no near copies looked for
    longs = sorted(u for u in counted if u[0] >= near_words)
    if len(longs) < 2:
        return True
    if not similarity > 0:
        return False  # every pair is close: the words decide
    # Units of close lengths (as :func:`_near_possible_among` pairs them); only they are read.
    sizes = [u[0] for u in longs]
    scaled = [similarity * n for n in sizes]
    ends = [bisect_right(scaled, n, k + 1) for k, n in enumerate(sizes)]
    reach = 0
    partnered: list[list[str]] = []
    for k, end in enumerate(ends):
        reach = max(reach, end if end > k + 1 else 0)
        if k < reach:
            _, a, b = longs[k]
            partnered.append(words_of(a, b))
    return not _near_possible_among(partnered, similarity)


def _unit_words(text: str, norm: str, odd: list[int] | None, spans: list[Span]) -> list[list[str]]:
    """The words of each span (sorted spans): a slice of ``norm`` split at white space, or
    :func:`_words` where one of the sorted ``odd`` offsets (see :func:`_normalized_in_part`)
    lies in the span."""
    if odd is None:
        return [norm[a:b].split() for a, b in spans]
    out: list[list[str]] = []
    k, last = 0, len(odd)
    for a, b in spans:
        while k < last and odd[k] < a:
            k += 1
        out.append(_words(text[a:b]) if k < last and odd[k] < b else norm[a:b].split())
    return out


def _counted(units: _Units, min_words: int) -> list[int]:
    """The units with words, ``min_words`` of them or more: the ones a pass may compare."""
    least = max(min_words, 1)
    return [i for i, w in enumerate(units.words) if len(w) >= least]  # type: ignore[arg-type]


def _none_repeats(units: _Units, min_words: int, near_words: int, similarity: float,
                  text_length: int) -> bool:
    """Whether no two units that may be compared have the same words, could be near
    copies, or are next to each other (of those), long and one word apart."""
    counted = _counted(units, min_words)
    keys = units.keys
    if len({keys[i] for i in counted}) != len(counted):  # type: ignore[index]
        return False
    words = [units.words[i] for i in counted]  # type: ignore[index]
    return (not (near_words < text_length
                 and _near_possible_among([w for w in words if len(w) >= near_words], similarity))
            and not _adjacent_possible(words, near_words))


def _one_word_apart(a: list[str], b: list[str]) -> bool:
    """Whether two different word lists differ by one word: one changed, added or dropped
    ("a 18% jump" / "an 18% jump", "terial" / "trial"). On a caption or paragraph pasted twice
    and corrected once, one changed word changes two of its word pairs, which for a unit of
    twenty words is more than the near-copy share (``similarity``) allows."""
    la, lb = len(a), len(b)
    if a == b or abs(la - lb) > 1:
        return False
    m = min(la, lb)
    p = 0
    while p < m and a[p] == b[p]:
        p += 1
    q = 0
    while q < m - p and a[la - 1 - q] == b[lb - 1 - q]:
        q += 1
    return la - p - q <= 1 and lb - p - q <= 1


def _adjacent_possible(units: list[list[str]], near_words: int) -> bool:
    """Whether two units next to each other (in this list) are one word apart, long units."""
    return any(
        len(a) >= near_words and _one_word_apart(a, b)
        for b, a in zip(units, units[1:])
    )


def _find(doc: Document, units: _Units, min_words: int, min_chars: int, near_words: int,
          similarity: float, skip: set[int]) -> list[Repeat]:
    """The units that repeat an earlier one, word for word, nearly, or one word apart from
    the unit before; ``skip``: the indices of units left out."""
    text = doc.text
    spans = units.spans
    out: list[Repeat] = []
    # Keyed by the hash of each unit's normalised words, not the words themselves: on a
    # 20 MB archive file, keeping every unit's words alive cost ~200 MB. A hash hit is
    # confirmed by comparing the words again, so a collision cannot report a false copy.
    # (Small documents keep their words in ``units``, shared by the passes.)
    exact: dict[int, list[int]] = {}
    postings: dict[int, list[int]] = {}
    lengths: dict[int, int] = {}  # word counts of the units in the near-copy index
    roots: dict[int, int] = {}  # a near copy's first copy

    kept = units.words

    # A long document reads a unit's words again where it needs them; those of the first
    # copies that later ones are checked against are kept, a bounded number of them (an
    # archive file of copies checks each copy against the same few units).
    recent: dict[int, list[str]] = {}

    def words_of(k: int) -> list[str]:
        if kept is not None:
            return kept[k]
        words = recent.get(k)
        if words is None:
            if len(recent) >= RECENT_WORDS:
                recent.clear()
            sp = spans[k]
            words = recent[k] = _words(text[sp.start : sp.end])
        return words

    def eligible(i: int, sp: Span) -> list[str] | None:
        if sp.end - sp.start < min_chars or i in skip:
            return None
        words = kept[i] if kept is not None else _words(text[sp.start : sp.end])
        n = len(words)
        if n < min_words or n <= 20 and _tabular(text[sp.start : sp.end], words):
            return None  # too short, or a table row, whose cells repeat on purpose
        return words

    adjacent_words = near_words  # a unit one word apart from the unit before it: a near copy
    keys: list[str] | None = None  # each unit's words, joined
    repeated: set[str] = set()  # the keys of more than one chosen unit
    if kept is not None and near_words < len(text):
        # A cheap look first: without two units that could be near copies, skip the sketches.
        # (what ``eligible`` gives, the lengths looked at inline: most units pass them)
        chosen = [(i, w) for i, ((a, b), w) in enumerate(zip(spans, kept))
                  if b - a >= min_chars and len(w) >= min_words and i not in skip
                  and (len(w) > 20 or not _tabular(text[a:b], w))]
        keys = units.keys
        assert keys is not None
        repeated = {key for key, count in Counter([keys[i] for i, _ in chosen]).items() if count > 1}
        if not _near_possible(chosen, near_words, similarity, keys):
            near_words = 1 << 30
        todo: Iterator[tuple[int, list[str] | None]] = iter(chosen)
    else:
        todo = ((i, eligible(i, sp)) for i, sp in enumerate(spans))
    last: tuple[int, list[str]] = (-1, [])  # the eligible unit before, with its words
    prevs = units.prev
    for i, words_or_none in todo:
        if words_or_none is None:
            continue
        words = words_or_none
        before, last = last, (i, words)
        n = len(words)
        j = None
        if keys is not None and keys[i] not in repeated:
            # No other unit of this pass has these words: without the near look, only one
            # word apart from the unit before (about as long) can make it a repeat. Most
            # units end here, on two numbers.
            if n < near_words and (n < adjacent_words or not -1 <= n - len(before[1]) <= 1):
                continue
            j = i
        else:
            same = exact.setdefault(hash(keys[i] if keys is not None else " ".join(words)), [])
            for k in same:  # usually none: a hash seen before is confirmed on the words
                if words_of(k) == words:
                    j = k
                    break
            if j is None:
                same.append(i)
                j = i
        first: int | None = roots.get(j, j) if j != i else None
        is_exact = first == j  # a copy of a near copy points at the original, as a near copy
        if first is not None and not is_exact:
            roots[i] = first
        if n >= near_words and first is None:
            sh = _shingles(words)
            sketch = sorted(sh)[:BOTTOM_K]
            counts: dict[int, int] = {}
            for v in sketch:
                for c in postings.get(v, ()):
                    counts[c] = counts.get(c, 0) + 1
            for c in sorted(c for c, k in counts.items() if k >= MIN_SHARED):
                m = lengths[c]
                if min(n, m) < similarity * max(n, m):
                    continue
                osh = _shingles(words_of(c))
                if len(sh & osh) >= similarity * len(sh | osh) and (
                    units.caption(c, text) == units.caption(i, text)
                ):
                    first = roots.get(c, c)
                    roots[i] = first
                    break
            for v in sketch:
                lst = postings.setdefault(v, [])
                if len(lst) < POSTING_CAP:
                    lst.append(i)
            lengths[i] = n
        prev = prevs[i] if prevs is not None else i - 1  # units.before(i)
        if (first is None and n >= adjacent_words and before[0] == prev >= 0
                and _one_word_apart(words, before[1]) and units.caption(prev, text) == units.caption(i, text)):
            first = roots.get(prev, prev)
            roots[i] = first
        if first is None:
            continue
        caption = units.caption(i, text) or units.caption(first, text)
        fix = None
        sp = spans[i]
        if is_exact:
            same_as_prev = prev >= 0 and text[spans[prev].start : spans[prev].end].strip() == text[
                sp.start : sp.end
            ].strip()
            applicability = Applicability.SAFE if same_as_prev else Applicability.UNSAFE
            title = "Delete the repeated caption" if caption else "Delete the repeated paragraph"
            fix = Fix(title, (_delete_repeat(units, i),), applicability)
        out.append(Repeat(sp, spans[first], is_exact, caption, fix))
    return out


def _repeats(doc: Document, options: Mapping[str, Any]) -> list[Repeat]:
    min_words = int(options.get("min-words", 4))
    min_chars = int(options.get("min-chars", 30))
    near_words = int(options.get("near-min-words", 12))
    similarity = float(options.get("similarity", 0.9))

    def make() -> list[Repeat]:
        # A small document keeps each unit's words and word numbers for all three passes,
        # and is looked at first: most stories repeat nothing, and the passes can be skipped.
        lines, blocks = _units(doc)
        quiet_lines, exact_blocks, quiet_blocks = (
            _quiet(doc.text, lines, blocks, min_words, near_words, similarity)
            if len(doc.text) <= SMALL_DOCUMENT else (False, False, False)
        )
        if quiet_lines and quiet_blocks:
            return []
        args = (min_words, min_chars, near_words, similarity)
        found: list[Repeat] = []
        # Whole paragraphs of several lines repeated word for word: one finding each ...
        # (hard-wrapped prose; where lines end like sentences or captions, lines are the units)
        if not exact_blocks:
            lined = {i for i, sp in enumerate(blocks.spans) if not _wrapped(doc.text, sp)}
            found += _find(doc, blocks, min_words, min_chars, 1 << 30, similarity, lined)
        # ... then single lines (headlines, captions, paragraphs of plain text) ...
        if not quiet_lines:
            spans = sorted(r.span for r in found)
            inside = {i for i, sp in enumerate(lines.spans) if _within(spans, sp)} if spans else set()
            found += _find(doc, lines, *args, inside)
        # ... then near copies of paragraphs of several lines, where no line told already.
        if not quiet_blocks:
            spans = sorted(r.span for r in found)
            taken = {i for i, sp in enumerate(blocks.spans) if _overlaps(spans, sp)} if spans else set()
            found += _find(doc, blocks, *args, taken)
        found.sort(key=lambda r: r.span)
        return _without_parallel(doc, found, min_words, lines)

    key = f"newslint.rules.duplicates.paragraphs:{min_words}:{min_chars}:{near_words}:{similarity}"
    result: list[Repeat] = doc.cached(key, make)
    return result


def _without_parallel(doc: Document, found: list[Repeat], min_words: int, lines: _Units) -> list[Repeat]:
    """The repeats less deliberate parallel structure: a paragraph or line that comes back
    in a new section, after a heading (a schedule's "Doors open at 7 p.m." under each
    day, a recipe's step under each dish, the same question under each interviewee's
    name, a teaser link at the end of each section) was written twice on purpose. A slip
    copies a unit straight after itself, or copies a block (a headline with its captions
    and a stray "TT") next to it, with no heading between. A heading is a heading block
    (Markdown, HTML) or a paragraph of one short line with no end punctuation that is no
    leftover. Captions are kept whatever lies between."""
    if not any(not r.caption for r in found):
        return found
    from newslint.rules.artifacts import classify

    text = doc.text
    # A small document's words of its lines (a paragraph of one line is one of them).
    words_cache = dict(zip(lines.spans, lines.words)) if lines.words is not None else None
    heads: list[Span] = []
    for b in doc.paragraphs:
        sp = b.span
        if b.kind == "heading":
            heads.append(sp)
            continue
        if words_cache is not None:
            words = words_cache.get(sp)
            if words is not None and len(words) >= min_words:
                continue  # a paragraph of one line, too long to be a heading: no slice made
        chunk = text[sp.start : sp.end].strip()
        if (not chunk or "\n" in chunk or chunk[-1] in ".,;:!?…" or b.kind in SKIP_KINDS
                or len(_cached_words(words_cache, sp, chunk)) >= min_words):
            continue
        if classify(chunk) is None:
            heads.append(sp)  # "Monday", "Ingredients", "**Jane Doe**"
    if not heads:
        return found
    starts = [sp.start for sp in heads]

    def separated(r: Repeat) -> bool:
        i = bisect_left(starts, r.first.end)
        return i < len(heads) and heads[i].end <= r.span.start

    return [r for r in found if r.caption or not separated(r)]


def _cached_words(words_cache: Mapping[Span, list[str]] | None, span: Span, chunk: str) -> list[str]:
    """The words of ``chunk``, the text of ``span`` (stripped or not: white space is no
    word), from the cache of a small document when it has them."""
    words = words_cache.get(span) if words_cache is not None else None
    return _words(chunk) if words is None else words


def _tabular(chunk: str, words: list[str]) -> bool:
    """A table row: columns lined up with runs of spaces, or two numbers or more and at
    most five words besides ("Avg shrs 2,332,397 vs 1,428,000")."""
    if "   " in chunk and 3 * len(COLUMNS.findall(chunk)) >= len(words):
        return True
    return len(words) - sum(map(str.isdigit, words)) <= 5 and len(NUMBERS.findall(chunk)) >= 2


def _wrapped(text: str, span: Span) -> bool:
    """Whether a paragraph's lines break mid-sentence (hard-wrapped prose)."""
    lines = text[span.start : span.end].split("\n")
    return not any(LINE_END.search(line) for line in lines[:-1])


def _overlaps(sorted_spans: list[Span], span: Span) -> bool:
    """Whether one of the spans starts inside ``span``."""
    i = bisect_left(sorted_spans, Span(span.start, -1))
    return i < len(sorted_spans) and sorted_spans[i].start < span.end


def _within(sorted_spans: list[Span], span: Span) -> bool:
    """Whether one of the (disjoint) spans contains ``span``."""
    i = bisect_right(sorted_spans, Span(span.start, 1 << 62)) - 1
    return i >= 0 and sorted_spans[i].end >= span.end


def _report(doc: Document, options: Mapping[str, Any], captions: bool) -> Iterator[Finding]:
    what = "Caption" if captions else "Paragraph"
    for r in _repeats(doc, options):
        if r.caption != captions:
            continue
        row = doc.text_position(r.first.start).row
        how = "repeats" if r.exact else "nearly repeats"
        yield Finding(r.span, f"{what} {how} line {row}", r.fix)


def duplicate_paragraph(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags a paragraph, line or headline (four words or more) that appears again in the
    story, word for word or nearly (case, spacing, quote and dash styles ignored; long
    paragraphs that share nine tenths of their word pairs count as near copies, and so does
    a long paragraph one word apart from the one right before it). Each
    repeat is reported and names the line of the first copy. Repeated captions are
    reported by `duplicate-caption` instead.

    Deliberate parallel structure is left alone: a line or paragraph that comes back in
    a new section, after a heading (a schedule's `Doors open at 7 p.m.` under each day, a
    recipe's repeated step under each dish, the same question under each interviewee's
    name, a teaser link at the end of each section). A heading is a Markdown or HTML
    heading, or a paragraph of one short line (fewer than `min-words` words) with no end
    punctuation that is no leftover such as `TT`. Repeated captions are reported
    whatever lies between.

    ## Why is this bad?
    Copy-and-paste slips, CMS exports and scrapers duplicate headlines and paragraphs;
    a reader notices at once and the story looks broken.

    ## Example
    ```text
    Russia Considering Downgrading Relations with the West

    Russia is considering downgrading relations with the West, the Kremlin said.

    Russia Considering Downgrading Relations with the West
    ```

    ## Use instead
    ```text
    Russia Considering Downgrading Relations with the West

    Russia is considering downgrading relations with the West, the Kremlin said.
    ```

    ## Options
    - `min-words` (4) and `min-chars` (30): shorter lines are never compared (tables and
      fixture lists repeat short lines on purpose).
    - `near-min-words` (12): paragraphs of at least this many words are also compared for
      near copies; `similarity` (0.9): the share of word pairs two paragraphs must have in
      common to count as near copies.

    ## Fix safety
    Deleting a copy that follows its twin directly is safe; deleting one further away is
    unsafe (the story may need it there rather than at the first place); near copies have
    no fix.
    """
    return _report(doc, options, captions=False)


def duplicate_caption(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """## What it does
    Flags a photo caption or credit line that appears again in the story: a line with a
    date-and-place prefix (`18 August 2018, Brandenburg, Meseberg:`), a credit (`(AFP)`,
    `(dpa)`, `Photo: Jane Doe/Reuters`, `Getty Images`) or a label (`Image caption`).
    Each repeat is reported and names the line of the first copy.

    ## Why is this bad?
    Scrapers and CMS exports often paste a photo's caption twice, or repeat the whole
    headline-and-photo block; the story looks broken.

    ## Example
    ```text
    18 August 2018, Meseberg: Dmitry Peskov arrives at the guesthouse. (dpa)
    18 August 2018, Meseberg: Dmitry Peskov arrives at the guesthouse. (dpa)
    ```

    ## Use instead
    ```text
    18 August 2018, Meseberg: Dmitry Peskov arrives at the guesthouse. (dpa)
    ```

    ## Options
    The same as `duplicate-paragraph`: `min-words`, `min-chars`, `near-min-words`, `similarity`.

    ## Fix safety
    Deleting a copy that follows its twin directly is safe; one further away, unsafe.
    """
    return _report(doc, options, captions=True)


DUP_OPTIONS = {"min-words": 4, "min-chars": 30, "near-min-words": 12, "similarity": 0.9}


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("DUP002", "duplicate-paragraph", Severity.WARNING, duplicate_paragraph,
                  options=dict(DUP_OPTIONS), fixable="sometimes"))
    register(Rule("DUP003", "duplicate-caption", Severity.WARNING, duplicate_caption,
                  options=dict(DUP_OPTIONS), fixable="sometimes"))
