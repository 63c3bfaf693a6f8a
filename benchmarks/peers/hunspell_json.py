#!/usr/bin/env python3
"""Run hunspell (en_US) over a folder of .txt files and print newslint-style JSON findings.

For the quality harness: ``--cmd "python benchmarks/peers/hunspell_json.py {dir}"``.
Needs ``apt-get install hunspell hunspell-en-us``. Each misspelled word becomes a finding
named ``misspelling`` with hunspell's suggestions, best first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _column(line: str, word: str, offset: int) -> int:
    """The character column of ``word``: hunspell's offset may count UTF-8 bytes, not
    characters, so try it as a byte offset, then as a character offset, then search."""
    as_chars = len(line.encode("utf-8")[:offset].decode("utf-8", "ignore"))
    for col in (as_chars, offset):
        if line[col : col + len(word)] == word:
            return col
    found = line.rfind(word, 0, offset + len(word))
    return found if found >= 0 else as_chars


def check_files(paths: list[str], dictionary: str) -> list[dict]:
    """One hunspell process for all files: pipe mode answers each input line with a block
    of result lines closed by an empty line."""
    lines: list[tuple[str, int, str]] = []
    data = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for row, ln in enumerate(fh.read().split("\n"), 1):
                lines.append((path, row, ln))
                data.append("^" + ln + "\n")  # "^": never read as a command
    out = subprocess.run(["hunspell", "-d", dictionary, "-a", "-i", "utf-8"], input="".join(data),
                         capture_output=True, text=True, encoding="utf-8").stdout
    found = []
    k = 0
    for line in out.split("\n")[1:]:  # the first line is the version banner
        if line == "":
            k += 1
            continue
        if line[0] in "&#" and k < len(lines):
            path, row, text = lines[k]
            head, _, tail = line.partition(":")
            parts = head.split()
            word = parts[1]
            offset = _column(text, word, int(parts[-1]) - 1)  # the offset counts the "^"
            sugg = [s.strip() for s in tail.split(",") if s.strip()] if line[0] == "&" else []
            found.append({
                "filename": path, "code": "HUN", "name": "misspelling", "message": f"hunspell: {word}",
                "location": {"row": row, "column": offset + 1},
                "end_location": {"row": row, "column": offset + 1 + len(word)},
                "fix": None, "suggestions": sugg,
            })
    return found


def main() -> int:
    folder = sys.argv[1]
    dictionary = os.environ.get("HUNSPELL_DICT", "en_US")
    paths = [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".txt")]
    json.dump(check_files(paths, dictionary), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
