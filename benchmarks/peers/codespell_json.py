#!/usr/bin/env python3
"""Run codespell over a folder of .txt files and print newslint-style JSON findings.

For the quality harness: ``--cmd "python benchmarks/peers/codespell_json.py {dir}"``.
Needs ``pip install codespell``. codespell reports ``path:line: word ==> fix[, fix]``; the
column is found by searching the word in that line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

LINE = re.compile(r"^(?P<path>.+?):(?P<row>\d+): (?P<word>.+?) ==> (?P<fix>.+)$")


def main() -> int:
    folder = sys.argv[1]
    exe = os.path.join(os.path.dirname(sys.executable), "codespell")
    out = subprocess.run([exe if os.path.exists(exe) else "codespell", folder],
                         capture_output=True, text=True).stdout
    found = []
    cache: dict[str, list[str]] = {}
    used: dict[tuple[str, int], int] = {}
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        path, row, word = m["path"], int(m["row"]), m["word"]
        if path not in cache:
            with open(path, encoding="utf-8") as fh:
                cache[path] = fh.read().split("\n")
        text = cache[path][row - 1]
        start = used.get((path, row), 0)
        hit = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text[start:])
        col = start + (hit.start() if hit else 0)
        used[(path, row)] = col + len(word)
        fixes = [f.strip() for f in m["fix"].split(",") if f.strip()]
        found.append({
            "filename": path, "code": "CSP", "name": "misspelling", "message": f"codespell: {word}",
            "location": {"row": row, "column": col + 1},
            "end_location": {"row": row, "column": col + 1 + len(word)},
            "fix": None, "suggestions": fixes,
        })
    json.dump(found, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
