#!/usr/bin/env python3
"""Build ``rules/data/spelling_tech.txt``: software terms that a newsroom's technology
posts use and a general dictionary lacks ("iframe", "gzip", "cron", "permalinks").

Sources (fetched only from the npm registry, with ``npm pack``; MIT licence):

* ``@cspell/dict-software-terms`` 5.4.9: ``softwareTerms.txt.gz``, ``software-tools.txt``,
  ``webServices.txt``, ``networkingTerms.txt``, ``coding-compound-terms.txt`` (not the
  POSIX error and signal names, nor its corrections).
* ``@cspell/dict-fullstack`` 3.2.9: ``fullstack.txt``.

Kept: words of three or more lower-case ASCII letters that the dictionary does not
already know and that codespell does not list as a misspelling (names and acronyms are
capitalized and never checked as words). Which of them the checker trusts where is its
business (``rules/spelling/checks.py``): one that reads as a slip of a common word
("cron", "corn") only in a story that shows code.

Usage::

    python scripts/build_techterms.py            # npm pack into a temporary folder
    python scripts/build_techterms.py --cache /tmp/tech
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import tarfile
import tempfile

PACKAGES = {
    "@cspell/dict-software-terms@5.4.9": (
        "softwareTerms.txt.gz", "software-tools.txt", "webServices.txt", "networkingTerms.txt",
        "coding-compound-terms.txt",
    ),
    "@cspell/dict-fullstack@3.2.9": ("fullstack.txt",),
}
WORD = re.compile(r"[a-z]{3,}")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "rules", "data", "spelling_tech.txt")


def words_of(text: str) -> set[str]:
    out = set()
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for w in line.split():
            w = w.strip("~+!*")
            if WORD.fullmatch(w):
                out.add(w)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", help="folder for the npm tarballs (default: a temporary one)")
    args = ap.parse_args()
    cache = args.cache or tempfile.mkdtemp(prefix="techterms-")
    os.makedirs(cache, exist_ok=True)
    from newslint.rules.spelling.lexicon import known_misspellings, lexicon

    lex, typos = lexicon(), known_misspellings()
    found: set[str] = set()
    for spec, files in PACKAGES.items():
        name = subprocess.run(["npm", "pack", spec], cwd=cache, check=True, capture_output=True,
                              text=True).stdout.strip().splitlines()[-1]
        with tarfile.open(os.path.join(cache, name)) as tar:
            for f in files:
                data = tar.extractfile(f"package/dict/{f}").read()  # type: ignore[union-attr]
                if f.endswith(".gz"):
                    data = gzip.decompress(data)
                found |= words_of(data.decode("utf-8"))
    kept = sorted(w for w in found if w not in lex and typos.get(w) is None)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Software terms a general dictionary lacks; built by scripts/build_techterms.py\n")
        fh.write("# from " + ", ".join(PACKAGES) + " (npm; MIT, Street Side Software)\n")
        fh.write("\n".join(kept) + "\n")
    print(f"{len(kept)} words -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
