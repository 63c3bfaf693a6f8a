"""Time every rule, the parsers and the engine's own work on a folder of stories, in one process.

    python benchmarks/rule_times.py FOLDER [--repeat N] [--select RULES]

For profiling, not for the report: where ``bench.py`` times whole processes, this shows which
rule or step costs what per file (warm: every lazily loaded table is loaded first). Each rule
is run on a fresh parse of each file, in the engine's order, so shared analyses are computed
by the first rule of a family that needs them and charged to it.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--select", default="")
    args = ap.parse_args(argv)

    from newslint.config import Config
    from newslint.runner import Linter, read_source

    linter = Linter(Config(select=tuple(args.select.split(",")) if args.select else Config().select))
    files = sorted(str(p) for p in Path(args.folder).rglob("*") if p.is_file())
    times: collections.Counter[str] = collections.Counter()
    for f in files[:6]:  # warm-up: lazily loaded data
        src, _ = read_source(f, digest=False)
        if src is not None:
            linter.lint_document(linter.parse(src.text, f), f)
    start = time.perf_counter()
    for _ in range(args.repeat):
        for f in files:
            t = time.perf_counter()
            src, _ = read_source(f, digest=False)
            times["(read)"] += time.perf_counter() - t
            if src is None:
                continue
            t = time.perf_counter()
            doc = linter.parse(src.text, f)
            times[f"(parse {os.path.splitext(f)[1] or 'text'})"] += time.perf_counter() - t
            t = time.perf_counter()
            linter.lint_document(doc, f)
            times["(lint_document: all rules and the engine)"] += time.perf_counter() - t
            doc = linter.parse(src.text, f)
            family = ""
            for rule in linter.rules_for(f):
                prefix = rule.code.rstrip("0123456789")
                if prefix != family:
                    doc.forget()
                    family = prefix
                t = time.perf_counter()
                list(rule.run(doc, linter.options.get(rule.code, rule.options)))
                times[f"{rule.code} {rule.name}"] += time.perf_counter() - t
    total = time.perf_counter() - start
    n = len(files) * args.repeat
    print(f"{len(files)} files x {args.repeat}: {total:.2f} s for the loop (every rule runs twice)")
    rules_sum = sum(v for k, v in times.items() if not k.startswith("("))
    whole = times["(lint_document: all rules and the engine)"]
    print(f"{'(engine: lint_document minus the rules)':45s} {(whole - rules_sum) * 1000:9.1f} ms "
          f"{(whole - rules_sum) * 1e6 / n:8.0f} us/file")
    for key, value in times.most_common():
        print(f"{key:45s} {value * 1000:9.1f} ms {value * 1e6 / n:8.0f} us/file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
