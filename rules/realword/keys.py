"""The 64-bit key of an n-gram in ``realword_lm.bin`` (shared by the rules and the build script)."""

from __future__ import annotations

import zlib


def ngram_key(kind: str, *words: str) -> int:
    """CRC-32 << 32 | Adler-32 of ``kind`` and the words, space-separated, in UTF-8.

    ``kind`` says where the confusion word sits: ``U`` (alone), ``L`` (after a word),
    ``R`` (before one), ``T1``/``T2``/``T3`` (last, middle or first of three).
    """
    b = (kind + " " + " ".join(words)).encode("utf-8")
    return (zlib.crc32(b) << 32) | zlib.adler32(b)
