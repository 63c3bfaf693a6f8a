#!/usr/bin/env python3
"""Build the spelling word lists shipped in ``rules/data/`` (reproducible).

Sources (fetched only from Debian's and PyPI's package registries):

* SCOWL 2020.12.07 word lists, Debian package ``scowl`` (``apt-get download``): the
  dictionary (American, British, Canadian and Australian spellings) and the
  American/British variant pairs.
* wordfreq 3.1.1 (PyPI wheel, ``wordfreq/data/large_en.msgpack.gz``): word frequencies,
  used to rank suggestions and to add frequent news words that SCOWL lacks.
* codespell 2.4.3 (PyPI wheel, ``codespell_lib/data/dictionary.txt`` and
  ``dictionary_en-GB_to_en-US.txt``): real misspellings and their corrections.
* symspellpy 6.10.1 (PyPI wheel, ``frequency_dictionary_en_82_765.txt`` and
  ``frequency_bigramdictionary_en_243_342.txt``): word and word-pair counts from Google
  Books Ngrams, used to rank suggestions by the words around a typo.
* ``EXTRA`` below: a short hand-written list of news abbreviations, units and words.

Usage::

    python scripts/build_wordlists.py            # writes rules/data/spelling_*.txt
    python scripts/build_wordlists.py --cache /tmp/wl --scowl-level 80

Needs ``apt-get`` (run ``apt-get update`` once) or ``--scowl-dir /usr/share/dict/scowl``
(from ``apt-get install scowl``), ``pip``, and the ``msgpack`` package (to read
wordfreq's data). Nothing else is downloaded.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import io
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
import zlib
from array import array
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "data"

SCOWL_VERSION = "2020.12.07-2"
WORDFREQ_VERSION = "3.1.1"
CODESPELL_VERSION = "2.4.3"
SYMSPELL_VERSION = "6.10.1"

SPELLINGS = ("english", "american", "british", "british_z", "canadian", "australian")
LEVELS = (10, 20, 35, 40, 50, 55, 60, 70, 80, 95)
# News abbreviations, units and words that the sources lack or spell only in capitals.
EXTRA = """
bn tn mln bln kph kmh mph mpg rpm dpa afp ap km kms kg kgs mg ml cm mm sq ft lb lbs oz yd yds
hr hrs min mins sec secs pc pct vs etc ie eg am pm
"""
WORD = re.compile(r"^[a-z]+(?:'[a-z]+)*$")


# -- fetching ---------------------------------------------------------------------------
def fetch_scowl(cache: Path, scowl_dir: str | None) -> Path:
    """The folder of SCOWL's final lists (``/usr/share/dict/scowl`` layout)."""
    if scowl_dir:
        return Path(scowl_dir)
    target = cache / "scowl" / "usr" / "share" / "dict" / "scowl"
    if target.is_dir():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", f"scowl={SCOWL_VERSION}"], cwd=cache, check=True)
    deb = sorted(glob.glob(str(cache / "scowl_*.deb")))[-1]
    subprocess.run(["dpkg-deb", "-x", deb, str(cache / "scowl")], check=True)
    return target


def fetch_wheel(cache: Path, name: str, version: str) -> Path:
    """A wheel from PyPI (``pip download``), cached."""
    found = glob.glob(str(cache / f"{name}-{version}-*.whl"))
    if not found:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
             "-d", str(cache), f"{name}=={version}"],
            check=True,
        )
        found = glob.glob(str(cache / f"{name}-{version}-*.whl"))
    return Path(found[0])


# -- reading ----------------------------------------------------------------------------
def scowl_list(folder: Path, spelling: str, kind: str, max_level: int) -> dict[str, int]:
    """word -> lowest SCOWL level it appears at, for one spelling and list kind."""
    out: dict[str, int] = {}
    for level in LEVELS:
        if level > max_level:
            break
        path = folder / f"{spelling}-{kind}.{level}"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                w = line.strip()
                if w and w not in out:
                    out[w] = level
    return out


def wordfreq_zipf(wheel: Path) -> dict[str, float]:
    """word -> Zipf frequency from wordfreq's 'large' English list."""
    import msgpack  # build-time dependency

    with zipfile.ZipFile(wheel) as zf:
        raw = zf.read("wordfreq/data/large_en.msgpack.gz")
    data = msgpack.unpackb(gzip.decompress(raw), raw=False)
    zipf: dict[str, float] = {}
    for i, bucket in enumerate(data[1:]):  # bucket i holds words at 10**(-i/100)
        for w in bucket:
            zipf.setdefault(w.replace("’", "'"), round(9 - i / 100, 2))
    return zipf


def codespell_file(wheel: Path, name: str) -> list[tuple[str, list[str]]]:
    """(typo, [corrections]) from one of codespell's dictionaries."""
    with zipfile.ZipFile(wheel) as zf:
        text = zf.read(f"codespell_lib/data/{name}").decode("utf-8")
    out = []
    for line in text.splitlines():
        if "->" not in line:
            continue
        bad, _, good = line.partition("->")
        fixes = [g.strip() for g in good.split(",") if g.strip()]
        out.append((bad.strip(), fixes))
    return out


def symspell_counts(wheel: Path) -> tuple[dict[str, int], dict[str, int]]:
    """(word -> count, "word word" -> count) from symspellpy's English frequency lists."""
    def read(name: str) -> dict[str, int]:
        with zipfile.ZipFile(wheel) as zf:
            text = zf.read(f"symspellpy/{name}").decode("utf-8")
        out: dict[str, int] = {}
        for line in text.splitlines():
            *words, count = line.split()
            if words and count.isdigit():
                out[" ".join(words)] = int(count)
        return out

    return read("frequency_dictionary_en_82_765.txt"), read("frequency_bigramdictionary_en_243_342.txt")


def extra_words() -> list[str]:
    return EXTRA.split()


# -- building ---------------------------------------------------------------------------
def base_form(word: str, keep_case: bool = False) -> str | None:
    """A dictionary entry in lookup form: ASCII apostrophe, no possessive 's; lower case
    unless it is a name or abbreviation (``keep_case``), which keeps its capitals."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        return None  # the checker strips possessives itself
    if not keep_case or w.islower():
        return w.lower()
    if w[:1].isupper() and w[1:].islower():
        return w  # a name: "London"
    if any(c.isupper() for c in w[1:]):
        return None  # all-caps and inner capitals are skipped by the checker anyway
    return w


def edits1(word: str) -> Iterable[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for a, b in splits:
        if b:
            yield a + b[1:]
            for c in letters:
                yield a + c + b[1:]
        if len(b) > 1:
            yield a + b[1] + b[0] + b[2:]
        for c in letters:
            yield a + c + b


def build(args: argparse.Namespace) -> dict[str, object]:
    cache = Path(args.cache)
    scowl = fetch_scowl(cache, args.scowl_dir)
    wf = wordfreq_zipf(fetch_wheel(cache, "wordfreq", WORDFREQ_VERSION))
    cs_wheel = fetch_wheel(cache, "codespell", CODESPELL_VERSION)

    level: dict[str, int] = {}  # lookup form -> lowest SCOWL level

    def add(words: dict[str, int], keep_case: bool = False) -> None:
        for w, lv in words.items():
            b = base_form(w, keep_case)
            if b and (b not in level or lv < level[b]):
                level[b] = lv

    for sp in SPELLINGS:
        add(scowl_list(scowl, sp, "words", args.scowl_level))
        add(scowl_list(scowl, sp, "contractions", args.scowl_level))
    for v in range(1, args.variant_depth + 1):
        for sp in ("", "british_", "canadian_", "australian_"):
            add(scowl_list(scowl, f"{sp}variant_{v}", "words", args.scowl_level))
            add(scowl_list(scowl, f"{sp}variant_{v}", "contractions", args.scowl_level))
    for sp in SPELLINGS:
        add(scowl_list(scowl, sp, "upper", args.upper_level), True)
        add(scowl_list(scowl, sp, "abbreviations", args.abbrev_level), True)
        add(scowl_list(scowl, sp, "proper-names", args.names_level), True)
    for v in range(1, args.variant_depth + 1):
        for sp in ("", "british_", "canadian_", "australian_"):
            add(scowl_list(scowl, f"{sp}variant_{v}", "upper", args.upper_level), True)
    # A capitalized entry is redundant when its lower-case form is a word.
    for w in [w for w in level if not w.islower() and w.lower() in level]:
        del level[w]
    for w in extra_words():
        b = base_form(w)
        if b:
            level.setdefault(b, 0)

    typos = codespell_file(cs_wheel, "dictionary.txt")
    typo_set = {bad for bad, _ in typos}

    # Frequent words that SCOWL lacks (news vocabulary: "cyberattack", "jihadist"):
    # letters only, frequent in wordfreq, not a known misspelling, and not a one-edit
    # neighbour of a far more frequent dictionary word (web lists hold "goverment").
    squashed = {w.replace("'", "") for w in level if "'" in w}
    added = []
    for w, z in wf.items():
        if z < args.wordfreq_min or w in level or not WORD.match(w) or len(w) < 3:
            continue
        if w.capitalize() in level and z < args.name_zipf:
            continue  # wordfreq is case-folded: most uses of "blanche" are the name
        if w in typo_set or "'" in w or (len(w) < 4 and z < args.short_zipf):
            continue  # possessives and contractions come from SCOWL; short ones are mostly acronyms
        if w in squashed:
            continue  # "dont", "youll": a contraction without its apostrophe
        best = max((wf.get(e, 0.0) for e in set(edits1(w)) if e in level), default=0.0)
        if best - z >= 2 * args.neighbour_gap or (best - z >= args.neighbour_gap and z < 3.0):
            continue
        added.append(w)
    for w in added:
        level[w] = 90

    # Rare SCOWL words one edit from a very common word ("thig", "yeards", "fere") hide more
    # typos than they are worth: drop those that wordfreq also finds rare.
    # The rule: a rare word (SCOWL size >= 55) is dropped when a word one edit away is
    # common (Zipf >= 3) and wordfreq never saw it, or very common (>= --dubious-neighbour)
    # and it is below --dubious-zipf, or far more frequent (by --dubious-gap) and it is
    # below Zipf 3 (web counts of "durning" are mostly typos); or codespell lists it as a
    # misspelling ("belive").
    lower_zipf = {w: wf.get(w, 0.0) for w in level if w.islower()}
    dropped = []
    for w in list(level):
        z = wf.get(w, 0.0)
        if level[w] < 55 or not w.islower() or z >= 3.0 or len(w) < 3:
            continue
        best = max((lower_zipf.get(e, -1.0) for e in edits1(w) if e != w), default=-1.0)
        if w in typo_set or (z == 0.0 and best >= 3.0) or (z < args.dubious_zipf and best >= args.dubious_neighbour) or (
            best - z >= args.dubious_gap
        ):
            dropped.append(w)
            del level[w]

    # Words accepted only as a part of a hyphenated compound ("laissez-faire",
    # "cul-de-sac", "touchy-feely"): frequent in wordfreq (which splits at hyphens) but
    # left out above as one edit from a far more frequent word.
    parts = sorted(w for w, z in wf.items() if z >= args.part_zipf and WORD.match(w) and "'" not in w
                   and w not in level and w.capitalize() not in level and w not in typo_set and len(w) >= 3)

    # Accented entries are also accepted without accents ("café" -> "cafe").
    for w in list(level):
        if not w.isascii():
            plain = unicodedata.normalize("NFD", w).encode("ascii", "ignore").decode()
            if plain and plain not in level and len(plain) == len(w):
                level[plain] = level[w]

    # Order: by wordfreq frequency (desc), then by SCOWL level for the rest.
    def key(w: str) -> tuple[float, int, str]:
        return (-wf.get(w.lower(), 0.0), level[w], w)

    words = sorted(level, key=key)
    zipf = [wf.get(w.lower(), 0.0) for w in words]

    # Known misspellings: codespell entries whose typo is not a word here.
    known = []
    for bad, fixes in typos:
        b = bad.lower()
        if b in level or b.capitalize() in level or not b.isalpha():
            continue
        fixes = [f for f in fixes if all(p in level or p.lower() in level for p in re.split(r"[ -]", f))]
        if fixes:
            known.append((b, fixes))

    variants = variant_pairs(scowl, cs_wheel, args.scowl_level, level)
    unigrams, bigrams = symspell_counts(fetch_wheel(cache, "symspellpy", SYMSPELL_VERSION))
    return {"unigrams": unigrams, "bigrams": bigrams, "words": words, "zipf": zipf, "known": known, "variants": variants, "added": added, "dropped": dropped, "parts": parts,
            "common_zipf": args.common_zipf}


VARIANT_RULES = [  # (American ending/infix, British)
    ("or", "our"), ("ors", "ours"), ("ored", "oured"), ("oring", "ouring"), ("orful", "ourful"),
    ("orless", "ourless"), ("orable", "ourable"), ("orite", "ourite"), ("orites", "ourites"),
    ("ize", "ise"), ("izes", "ises"), ("ized", "ised"), ("izing", "ising"), ("ization", "isation"),
    ("izations", "isations"), ("izer", "iser"), ("izers", "isers"),
    ("yze", "yse"), ("yzes", "yses"), ("yzed", "ysed"), ("yzing", "ysing"),
    ("er", "re"), ("ers", "res"), ("ered", "red"),
    ("ense", "ence"), ("enses", "ences"),
    ("og", "ogue"), ("ogs", "ogues"),
    ("eled", "elled"), ("eling", "elling"), ("eler", "eller"), ("elers", "ellers"),
    ("aled", "alled"), ("aling", "alling"), ("iled", "illed"), ("iling", "illing"),
    ("ment", "ement"), ("ments", "ements"),
]
INFIX_RULES = [("e", "ae"), ("e", "oe")]


def variant_pairs(scowl: Path, cs_wheel: Path, max_level: int, level: dict[str, int]) -> list[tuple[str, str]]:
    """American-only / British-only spelling pairs (SCOWL) plus codespell's GB->US list."""
    us = {w for w in scowl_list(scowl, "american", "words", max_level) if w.islower() and "'" not in w}
    gb = {w for w in scowl_list(scowl, "british", "words", max_level) if w.islower() and "'" not in w}
    gbz = {w for w in scowl_list(scowl, "british_z", "words", max_level) if w.islower() and "'" not in w}
    gb_all = gb | gbz
    common = {w for w in scowl_list(scowl, "english", "words", max_level)}
    pairs: set[tuple[str, str]] = set()
    for a in us:
        if a in gb_all:
            continue
        for x, y in VARIANT_RULES:
            if a.endswith(x):
                b = a[: len(a) - len(x)] + y
                if b in gb_all and b not in us:
                    pairs.add((a, b))
        for i in range(len(a)):
            for x, y in INFIX_RULES:
                if a[i] == x:
                    b = a[:i] + y + a[i + 1:]
                    if b in gb_all and b not in us:
                        pairs.add((a, b))
    for a in (us | gbz):
        for x, y in VARIANT_RULES[9:21]:
            if a.endswith(x):
                b = a[: len(a) - len(x)] + y
                if b in gb and b not in us and a not in gb:
                    pairs.add((a, b))
    for bad, fixes in codespell_file(cs_wheel, "dictionary_en-GB_to_en-US.txt"):
        if len(fixes) == 1 and bad in gb_all and fixes[0] in us and bad not in common and fixes[0] not in common:
            pairs.add((fixes[0], bad))
    return sorted(p for p in pairs if p[0] in level and p[1] in level)


# -- writing ----------------------------------------------------------------------------
HEADER = """# newslint spelling data: {what}
# Built by scripts/build_wordlists.py from SCOWL {scowl} (Debian package scowl; copyright
# Kevin Atkinson and others, MIT-like SCOWL licence), wordfreq {wf} (PyPI; data CC BY-SA 4.0,
# Robyn Speer) and codespell {cs} (PyPI; dictionary CC BY-SA 3.0). See rules/data/README.md.
"""


def word_hash(word: str) -> int:
    """The 64-bit key of a rare word (same as newslint.rules.spelling.lexicon.word_hash)."""
    b = word.encode("utf-8")
    return (zlib.crc32(b) << 32) | zlib.adler32(b)


RARE_INDEX_BITS = 16  # same as newslint.rules.spelling.lexicon.RARE_INDEX_BITS


def write_rare_index(out: Path) -> None:
    """spelling_rare_index.bin: for each value b of a hash's top 16 bits, the position of
    the first hash in spelling_rare.bin whose top bits are >= b (65,537 little-endian
    uint32; the last is the number of hashes). A lookup then bisects a bucket of ~3
    hashes instead of all 215,000. Derived from spelling_rare.bin alone, so it can be
    rebuilt without the sources: ``python scripts/build_wordlists.py --rare-index-only``."""
    from bisect import bisect_left

    rare = array("Q")
    rare.frombytes((out / "spelling_rare.bin").read_bytes())
    if sys.byteorder != "little":
        rare.byteswap()
    shift = 64 - RARE_INDEX_BITS
    index = array("I", (bisect_left(rare, b << shift) for b in range(1 << RARE_INDEX_BITS)))
    index.append(len(rare))
    if sys.byteorder != "little":
        index.byteswap()
    (out / "spelling_rare_index.bin").write_bytes(index.tobytes())


CONTEXT_MAGIC = b"NLCTX001"


def context_bytes(unigrams: dict[str, int], bigrams: dict[str, int]) -> bytes:
    """The word and word-pair counts as one binary file (read by newslint.rules.spelling.context):
    a header (magic, number of words, number of pairs, log10 of the total count and of
    the smallest pair count, in thousandths), then the sorted CRC-32 keys of the words
    (uint32), their log10 counts in thousandths (uint16), and the same for the pairs
    ("word word"). Keys that collide keep the larger count. Little-endian."""
    import math
    import struct

    def table(counts: dict[str, int]) -> tuple[bytes, bytes]:
        best: dict[int, int] = {}
        for w, c in counts.items():
            k = zlib.crc32(w.encode("utf-8"))
            v = round(math.log10(c) * 1000)
            if v > best.get(k, -1):
                best[k] = v
        keys = sorted(best)
        ka, va = array("I", keys), array("H", (best[k] for k in keys))
        if sys.byteorder != "little":
            ka.byteswap()
            va.byteswap()
        return ka.tobytes(), va.tobytes()

    uk, uv = table(unigrams)
    bk, bv = table(bigrams)
    total = round(math.log10(sum(unigrams.values())) * 1000)
    floor = round(math.log10(min(bigrams.values())) * 1000)
    head = struct.pack("<8sIIII", CONTEXT_MAGIC, len(uk) // 4, len(bk) // 4, total, floor)
    return head + uk + uv + bk + bv


def write(result: dict[str, object], out: Path, full: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    hdr = dict(scowl=SCOWL_VERSION, wf=WORDFREQ_VERSION, cs=CODESPELL_VERSION)
    words: list[str] = result["words"]  # type: ignore[assignment]
    zipf: list[float] = result["zipf"]  # type: ignore[assignment]
    # The fast path: the frequent words, most frequent first, as plain text (a dict of
    # ranks at load); a header line "#bands I:Z ..." says that Zipf band Z/10 starts at
    # line I. Within a band the words are in alphabetical order (only the band is read
    # from a rank), so sorting them all, for the suggestions' trie, merges sorted runs:
    # half the time of sorting them in frequency order. The others are stored as a sorted
    # array of 64-bit hashes (binary search).
    n = sum(1 for z in zipf if z >= result["common_zipf"])  # type: ignore[operator]
    frequent = [w for w in words[:n] if w.islower()] + [w for w in words[:n] if not w.islower()]
    header = HEADER.format(what="frequent words, most frequent first by band, alphabetical within a band "
                                "(lower case, then capitalized)", **hdr)
    first = header.count("\n") + 2  # index of the first word once the text is split on \n
    split = first + sum(1 for w in frequent if w.islower())
    zipf_of = dict(zip(words, zipf))
    bands = []
    band = None
    for i, w in enumerate(frequent):
        b = int(round(zipf_of[w] * 10))
        if b != band or first + i == split:
            bands.append(f"{first + i}:{b}")
            band = b
    starts = [int(b.split(":")[0]) - first for b in bands] + [len(frequent)]
    frequent = [w for a, b in zip(starts, starts[1:]) for w in sorted(frequent[a:b])]
    body = (header + f"#split {split}\n" + "#bands " + " ".join(bands) + "\n"
            + "\n".join(frequent) + "\n")
    (out / "spelling_common.txt").write_text(body, encoding="utf-8")
    rare = array("Q", sorted({word_hash(w) for w in words[n:]}))
    if sys.byteorder != "little":
        rare.byteswap()
    (out / "spelling_rare.bin").write_bytes(rare.tobytes())
    write_rare_index(out)
    if full:
        with gzip.GzipFile(out / "spelling_words_full.txt.gz", "wb", mtime=0) as fh:
            fh.write("\n".join(f"{w}\t{z}" for w, z in zip(words, zipf)).encode("utf-8"))
    known: list[tuple[str, list[str]]] = result["known"]  # type: ignore[assignment]
    (out / "spelling_typos.tsv").write_text(
        HEADER.format(what="known misspellings (codespell), typo<TAB>corrections", **hdr)
        # Sorted by the typo's UTF-8 bytes: the checker finds a typo by binary search.
        + "".join(f"{b}\t{','.join(f)}\n" for b, f in sorted(known, key=lambda e: e[0].encode("utf-8"))),
        encoding="utf-8")
    parts: list[str] = result["parts"]  # type: ignore[assignment]
    (out / "spelling_parts.txt").write_text(
        HEADER.format(what="words accepted as parts of hyphenated compounds (wordfreq)", **hdr)
        + "".join(f"{w}\n" for w in parts), encoding="utf-8")
    (out / "spelling_context.bin").write_bytes(
        context_bytes(result["unigrams"], result["bigrams"]))  # type: ignore[arg-type]
    variants: list[tuple[str, str]] = result["variants"]  # type: ignore[assignment]
    (out / "spelling_variants.tsv").write_text(
        HEADER.format(what="American<TAB>British spelling pairs", **hdr)
        + "".join(f"{a}\t{b}\n" for a, b in variants), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "newslint-wordlists"))
    ap.add_argument("--scowl-dir", help="use installed SCOWL lists (e.g. /usr/share/dict/scowl)")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--scowl-level", type=int, default=80, help="largest SCOWL size of ordinary words")
    ap.add_argument("--upper-level", type=int, default=80)
    ap.add_argument("--abbrev-level", type=int, default=80)
    ap.add_argument("--names-level", type=int, default=80)
    ap.add_argument("--variant-depth", type=int, default=2, help="SCOWL variant lists 1..N to include")
    ap.add_argument("--common-zipf", type=float, default=2.0, help="Zipf frequency of the fast-path words")
    ap.add_argument("--full", action="store_true", help="also write the whole list with frequencies (not shipped)")
    ap.add_argument("--dubious-zipf", type=float, default=1.8,
                    help="drop a rare SCOWL word (size >= 55) below this Zipf frequency ...")
    ap.add_argument("--dubious-neighbour", type=float, default=4.5,
                    help="... when a word this frequent is one edit away")
    ap.add_argument("--dubious-gap", type=float, default=3.0,
                    help="... or when a word one edit away is this much (Zipf) more frequent")
    ap.add_argument("--wordfreq-min", type=float, default=1.7, help="Zipf frequency for wordfreq additions")
    ap.add_argument("--name-zipf", type=float, default=3.0,
                    help="Zipf frequency for a wordfreq addition that SCOWL has capitalized (a name)")
    ap.add_argument("--part-zipf", type=float, default=2.5,
                    help="Zipf frequency of a word accepted only inside a hyphenated compound")
    ap.add_argument("--short-zipf", type=float, default=3.0, help="Zipf frequency for a three-letter addition")
    ap.add_argument("--neighbour-gap", type=float, default=1.0,
                    help="drop a wordfreq addition one edit from a word this much (Zipf) more frequent")
    ap.add_argument("--rare-index-only", action="store_true",
                    help="only rewrite spelling_rare_index.bin from the spelling_rare.bin in --out")
    args = ap.parse_args(argv)
    if args.rare_index_only:
        write_rare_index(Path(args.out))
        return 0
    result = build(args)
    write(result, Path(args.out), args.full)
    print(f"words {len(result['words'])}, wordfreq additions {len(result['added'])}, "  # type: ignore[arg-type]
          f"dropped {len(result['dropped'])}, known misspellings {len(result['known'])}, variant pairs {len(result['variants'])}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
