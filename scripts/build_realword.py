#!/usr/bin/env python3
"""Build the real-word error data shipped in ``rules/data/`` (reproducible).

Source: the PyPI ``pocketsphinx`` wheel (5.1.1; BSD licence, Carnegie Mellon University),
which ships

* ``pocketsphinx/model/en-us/en-us.lm.bin``: a pruned US English trigram language model in
  Sphinx's binary trie format (72,547 words, 2,051,547 bigrams, 1,669,625 trigrams);
* ``pocketsphinx/model/en-us/cmudict-en-us.dict``: the CMU Pronouncing Dictionary.

Nothing is imported from pocketsphinx: the trie is decoded here in pure Python (the format
is described in pocketsphinx's ``src/lm/lm_trie.c``: KenLM-style reversed trie, bit-packed,
16-bit quantized probabilities and back-off weights).

Outputs:

* ``realword_lm.bin``: the n-grams that hold a member of a confusion set
  (``newslint.rules.realword.sets``), as scores relative to the back-off estimate, so the
  rule needs no other n-gram (see ``newslint.rules.realword.model``). Layout: the magic
  ``RWLM1\\n``, uint32 count, a 65,537-entry uint32 bucket index by the keys' top 16 bits,
  ``count`` sorted little-endian uint64 keys, ``count`` int16 values (log10 x 1000).
* ``realword_sounds.tsv``: words whose first sound the spelling does not tell (``hour``,
  ``university``, ``one``, ``herb``), and every word that starts with ``u``, ``eu``,
  ``ew``, ``one``, ``onc``, ``hon``, ``hour`` or ``heir``:
  ``word<TAB>an`` (said with a vowel), ``a`` (with a consonant) or ``both``.

Usage::

    python scripts/build_realword.py                 # pip-downloads the wheel to a temp dir
    python scripts/build_realword.py --wheel /tmp/ps/pocketsphinx-5.1.1-....whl
"""

from __future__ import annotations

import argparse
import glob
import math
import os
import struct
import subprocess
import sys
import tempfile
import zipfile
from array import array

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
DATA = os.path.join(ROOT, "rules", "data")

LM_PATH = "pocketsphinx/model/en-us/en-us.lm.bin"
DICT_PATH = "pocketsphinx/model/en-us/cmudict-en-us.dict"
LOG10_BASE = math.log10(1.0001)  # Sphinx stores log probabilities in base 1.0001


def load_sets():
    import importlib.util

    spec = importlib.util.spec_from_file_location("sets", os.path.join(ROOT, "rules", "realword", "sets.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_key():
    import importlib.util

    spec = importlib.util.spec_from_file_location("keys", os.path.join(ROOT, "rules", "realword", "keys.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.ngram_key


def fetch_wheel(cache: str) -> str:
    found = glob.glob(os.path.join(cache, "pocketsphinx-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "pocketsphinx==5.1.1", "-d", cache],
                       check=True)
        found = glob.glob(os.path.join(cache, "pocketsphinx-*.whl"))
    return sorted(found)[-1]


def _bits(x: int) -> int:
    n = 0
    while x:
        n += 1
        x >>= 1
    return n


def read_trie(data: bytes):
    """Decode Sphinx's trie LM: words, unigrams (log10 prob, backoff), bigrams, trigrams."""
    hdr = b"Trie Language Model"
    if not data.startswith(hdr):
        raise SystemExit("not a Sphinx trie language model")
    pos = len(hdr)
    order = data[pos]
    pos += 1
    if order != 3:
        raise SystemExit(f"expected a trigram model, got order {order}")
    counts = struct.unpack_from("<3I", data, pos)
    pos += 12 + 4  # the counts, then an unused int (once the quantization type)
    mid_prob = struct.unpack_from("<65536f", data, pos)
    mid_bo = struct.unpack_from("<65536f", data, pos + 65536 * 4)
    long_prob = struct.unpack_from("<65536f", data, pos + 65536 * 8)
    pos += 65536 * 4 * 3
    n1, n2, n3 = counts
    ug = struct.unpack_from("<" + "ffI" * (n1 + 1), data, pos)
    pos += 12 * (n1 + 1)
    wb, nb = _bits(n1), _bits(n3)
    mtot, ltot = wb + 32 + nb, wb + 16
    msize = ((1 + n2) * mtot + 7) // 8 + 8
    lsize = ((1 + n3) * ltot + 7) // 8 + 8
    mid = data[pos:pos + msize]
    pos += msize
    lon = data[pos:pos + lsize]
    pos += lsize
    (k,) = struct.unpack_from("<i", data, pos)
    words = [w.decode("utf-8") for w in data[pos + 4:pos + 4 + k].split(b"\0")[:-1]]
    if len(words) != n1:
        raise SystemExit("word table does not match the unigram count")
    L = LOG10_BASE
    uni = [(ug[3 * i] * L, ug[3 * i + 1] * L) for i in range(n1)]
    nexts = [ug[3 * i + 2] for i in range(n1 + 1)]
    wmask, nmask = (1 << wb) - 1, (1 << nb) - 1
    fb = int.from_bytes
    bigrams: dict[tuple[int, int], tuple[float, float]] = {}
    trigrams: list[tuple[int, int, int, float]] = []
    mword = [0] * n2
    mnext = [0] * (n2 + 1)
    mvals: list[tuple[float, float]] = [(0.0, 0.0)] * n2
    for j in range(n2 + 1):
        off = j * mtot
        v = fb(mid[off >> 3:(off >> 3) + 10], "little") >> (off & 7)
        if j < n2:
            mword[j] = v & wmask
            mvals[j] = (mid_prob[(v >> (wb + 16)) & 0xFFFF] * L, mid_bo[(v >> wb) & 0xFFFF] * L)
        mnext[j] = (v >> (wb + 32)) & nmask
    lword = [0] * n3
    lprob = [0.0] * n3
    for j in range(n3):
        off = j * ltot
        v = fb(lon[off >> 3:(off >> 3) + 6], "little") >> (off & 7)
        lword[j] = v & wmask
        lprob[j] = long_prob[(v >> wb) & 0xFFFF] * L
    # The trie is reversed: unigram w -> middle entries keyed by the word before it ->
    # longest entries keyed by the word before that.
    for w in range(n1):
        for j in range(nexts[w], nexts[w + 1]):
            h = mword[j]
            bigrams[(h, w)] = mvals[j]
            for t in range(mnext[j], mnext[j + 1]):
                trigrams.append((lword[t], h, w, lprob[t]))
    return words, uni, bigrams, trigrams


def build_lm(data: bytes, confusable: set[str], ngram_key) -> list[tuple[int, int]]:
    words, uni, bigrams, trigrams = read_trie(data)
    index = {w: i for i, w in enumerate(words)}
    conf = {index[w] for w in confusable if w in index}
    missing = sorted(w for w in confusable if w not in index)
    if missing:
        print(f"not in the language model (left unscored): {missing}", file=sys.stderr)

    def p2(h: int, w: int) -> float:  # log10 P(w | h), backed off
        v = bigrams.get((h, w))
        return v[0] if v is not None else uni[h][1] + uni[w][0]

    def bo2(h: int, w: int) -> float:
        v = bigrams.get((h, w))
        return v[1] if v is not None else 0.0

    out: dict[int, float] = {}

    def put(kind: str, ws: tuple[int, ...], value: float) -> None:
        if abs(value) < 0.0005:
            return
        out[ngram_key(kind, *(words[i] for i in ws))] = value

    for c in conf:
        put("U", (c,), uni[c][0] + uni[c][1])
    for (h, w), (p, bo) in bigrams.items():
        if w in conf:  # left: P(c | h) relative to bo(h) + P(c), plus c's back-off as a context
            put("L", (h, w), p - uni[h][1] - uni[w][0] + bo)
        if h in conf:  # right: P(x | c) relative to bo(c) + P(x), plus the pair's back-off
            put("R", (h, w), p - uni[h][1] - uni[w][0] + bo)
    for a, b, c, p in trigrams:
        if c in conf:
            put("T1", (a, b, c), p - bo2(a, b) - p2(b, c))
        if b in conf:
            put("T2", (a, b, c), p - bo2(a, b) - p2(b, c))
        if a in conf:
            put("T3", (a, b, c), p - bo2(a, b) - p2(b, c))
    print(f"{len(out)} n-gram scores", file=sys.stderr)
    return sorted((k, max(-32768, min(32767, round(v * 1000)))) for k, v in out.items())


def write_lm(entries: list[tuple[int, int]], path: str) -> None:
    keys = array("Q", (k for k, _ in entries))
    vals = array("h", (v for _, v in entries))
    if len(set(keys)) != len(keys):
        raise SystemExit("two n-grams share a key: change the key function")
    index = array("I", [0] * 65537)
    b = 0
    for i, k in enumerate(keys):
        top = k >> 48
        while b <= top:
            index[b] = i
            b += 1
    while b <= 65536:
        index[b] = len(keys)
        b += 1
    if sys.byteorder != "little":
        keys.byteswap()
        vals.byteswap()
        index.byteswap()
    with open(path, "wb") as fh:
        fh.write(b"RWLM1\n" + struct.pack("<I", len(keys)))
        fh.write(index.tobytes())
        fh.write(keys.tobytes())
        fh.write(vals.tobytes())


# Beginnings whose sound the spelling does not tell: every dictionary word with one is kept.
KEEP_ALL = ("u", "eu", "ew", "one", "onc", "hon", "hour", "heir")
VOWELS = set("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())


def build_sounds(text: str) -> list[tuple[str, str]]:
    """Words whose first sound is not what their first letter suggests, or is either."""
    sounds: dict[str, set[bool]] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        word = parts[0].split("(")[0]
        if not word[:1].isalpha():
            continue
        sounds.setdefault(word, set()).add(parts[1].rstrip("012") in VOWELS)
    out = []
    for word, vowel in sorted(sounds.items()):
        spelled = word[0] in "aeiou"
        if len(vowel) == 2:
            out.append((word, "both"))
        elif vowel != {spelled} or word.startswith(KEEP_ALL):
            # Every word that starts like these is kept, so one missing here is known to
            # be unknown ("unicameral" or "unarmed"? the spelling alone cannot say).
            out.append((word, "an" if True in vowel else "a"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", help="the pocketsphinx wheel (default: pip download into --cache)")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "newslint-realword"))
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    wheel = args.wheel or fetch_wheel(args.cache)
    with zipfile.ZipFile(wheel) as z:
        lm = z.read(LM_PATH)
        cmudict = z.read(DICT_PATH).decode("utf-8")
    sets = load_sets()
    confusable = set(sets.CONFUSED)
    entries = build_lm(lm, confusable, load_key())
    write_lm(entries, os.path.join(DATA, "realword_lm.bin"))
    rows = build_sounds(cmudict)
    with open(os.path.join(DATA, "realword_sounds.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Words whose first sound their spelling does not tell: 'an' (a vowel sound),\n"
                 "# 'a' (a consonant sound) or 'both'. From the CMU Pronouncing Dictionary (BSD),\n"
                 "# as shipped in the pocketsphinx 5.1.1 wheel; built by scripts/build_realword.py.\n")
        for word, art in rows:
            fh.write(f"{word}\t{art}\n")
    print(f"{len(entries)} n-grams, {len(rows)} pronunciations written to {DATA}", file=sys.stderr)
    # The model skips trigram look-ups by lists that hold for one build of the file only
    # (rules/realword/orphans.py): made again for this one, or the model is slower (never wrong).
    orphans = os.path.join(ROOT, "rules", "realword", "orphans.py")
    subprocess.run([sys.executable, orphans, "--wheel", wheel], check=True)


if __name__ == "__main__":
    main()
