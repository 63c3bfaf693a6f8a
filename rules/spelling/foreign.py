"""Recognizers for lower-case words that are not English and not typos: Chinese pinyin
("xiaolongbao", "qipao") and name particles between capitalized words ("Parc des Sports")."""

from __future__ import annotations

from functools import lru_cache

import regex

from newslint import patterns

_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s y w".split()
_FINALS = (
    "a o e i u v ai ei ui ao ou iu ie ve er an en in un ang eng ing ong ia iao ian iang iong ua uo uai uan "
    "uang ue ueng van vn"
).split()


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    out = set(_FINALS)
    for i in _INITIALS:
        for f in _FINALS:
            out.add(i + f)
    out.update({"yi", "wu", "yu", "ye", "yue", "yuan", "yun", "ying", "yin", "you", "yong", "wei", "wen", "weng"})
    return frozenset(s for s in out if len(s) <= 6)


def is_pinyin(word: str) -> bool:
    """True for a word of two or more pinyin syllables with a mark of pinyin (x, q, zh or
    "ao"): "xiaolongbao", "qipao", "jingzhe", "hongbao"; not "chanege" or "banner"."""
    if len(word) < 4 or not (any(c in word for c in "xq") or "zh" in word or "ao" in word):
        return False
    syl = _syllables()
    n = len(word)
    best = [0] + [-1] * n  # fewest syllables to cover word[:i]; -1: impossible
    for i in range(1, n + 1):
        for j in range(max(0, i - 6), i):
            if best[j] >= 0 and word[j:i] in syl and (best[i] < 0 or best[j] + 1 < best[i]):
                best[i] = best[j] + 1
    return best[n] >= 2


_CAP_BEFORE = patterns.compile(r"\p{Lu}[\p{L}'’]*\s+$")
_CAP_AFTER = patterns.compile(r"\s+\p{Lu}")


def is_name_particle(text: str, start: int, end: int) -> bool:
    """A short lower-case word between two capitalized words: "Palais des Nations"."""
    if end - start > 4:
        return False
    return _CAP_BEFORE.search(text, max(0, start - 40), start) is not None and _CAP_AFTER.match(text, end) is not None


def is_fragment(text: str, start: int, end: int) -> bool:
    """A word glued to a slash or bracket: wire credits ("sri/uhe"), "promot[ing]"."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before in "/[]" or after in "/[]"


def is_file_extension(text: str, start: int, end: int) -> bool:
    """A word right after a full stop that opens it: a file type named by its extension
    ("a local .xlsx file", "(.docx)"); a word after a sentence's full stop has a space
    between."""
    if start == 0 or text[start - 1] != ".":
        return False
    return start == 1 or text[start - 2].isspace() or text[start - 2] in "(\"'“‘"


_FILE_AFTER = patterns.compile(r"[ \u00a0](?:file|files|format|formats)\b")


def is_file_type(text: str, start: int, end: int) -> bool:
    """A short word (four letters at most) naming a kind of file: "wav files", "a flac
    file", "in mkv format"."""
    return end - start <= 4 and _FILE_AFTER.match(text, end) is not None
