"""Archive sweeps: one JSON Lines file of many stories, checked as records.

    python benchmarks/sweep.py [--records 100000] [--runs 1] [--workers 1,2] [--skip-folder]

In the same run, on the same synthetic stories (``textgen.py``), whole-process wall time and
peak memory (``measure.py``) of:

- ``folder``: the stories as one ``.txt`` file each, ``newslint check --jobs 1`` (the
  baseline records are compared with), in ``$NEWSLINT_SWEEP_DIR`` (default: a
  ``newslint-sweep`` folder in the system's temporary folder);
- ``records``: the stories as records of one ``archive.jsonl``, ``--text-field text --jobs 1``;
- ``records --jobs N``: the same on N worker processes;
- ``dask local:N``: the same on a ``distributed.LocalCluster`` of N one-thread workers
  (``--scheduler local:N``; the cluster's start-up is part of the time, and measured on its
  own on a ten-record file: ``dask start-up``).

Every command writes ``--output-format json`` (to /dev/null) and uses no result cache.
The table goes to stdout and ``benchmarks/work/sweep.md``, with the per-worker throughput
and what 10 million stories would take on N such workers (an extrapolation, not a
measurement: it assumes the workers scale as 1 → 2 did and reading keeps up).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import textgen  # noqa: E402

# Outside the repository: its .gitignore (benchmarks/work/) would keep the folder walk
# from finding the one-file-per-story copy.
WORK = Path(os.environ.get("NEWSLINT_SWEEP_DIR") or Path(tempfile.gettempdir()) / "newslint-sweep")
TARGET = 10_000_000


def find_newslint() -> str:
    exe = shutil.which("newslint", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if exe is None:
        raise SystemExit("newslint is not installed (pip install -e '.[dask]')")
    return exe


def build(n: int, seed: int = 17) -> tuple[Path, Path, int]:
    """``archive.jsonl`` and ``folder/`` with the same ``n`` stories; returns them and the word count."""
    root = WORK / f"n{n}-s{seed}"
    archive, folder, stamp = root / "archive.jsonl", root / "folder", root / "words"
    if stamp.exists():
        return archive, folder, int(stamp.read_text())
    if root.exists():
        shutil.rmtree(root)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    words = 0
    with archive.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = textgen.story(rng, rng.randint(2, 5))
            words += len(text.split())
            fh.write(json.dumps({"id": f"s{i:07d}", "text": text}, ensure_ascii=False) + "\n")
            sub = folder / f"{i // 1000:04d}"
            if i % 1000 == 0:
                sub.mkdir()
            (sub / f"s{i:07d}.txt").write_text(text, encoding="utf-8")
    stamp.write_text(str(words))
    return archive, folder, words


def measure(cmd: list[str], cwd: Path, timeout: float = 3600) -> dict:
    p = subprocess.run([sys.executable, str(HERE / "measure.py"), str(timeout), str(cwd), "--", *cmd],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"measure.py failed: {p.stderr}")
    return json.loads(p.stdout)


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=1, help="runs of each command, interleaved (median shown)")
    ap.add_argument("--workers", default="1,2", help="LocalCluster sizes, comma-separated")
    ap.add_argument("--jobs", default="2", help="--jobs values besides 1, comma-separated")
    ap.add_argument("--skip-folder", action="store_true", help="no one-file-per-story baseline")
    ap.add_argument("--core-hour-price", type=float, default=0.05,
                    help="USD per core-hour for the cost line (an assumption you give; default 0.05)")
    args = ap.parse_args(argv)

    newslint = find_newslint()
    archive, folder, words = build(args.records)
    tiny = archive.parent / "tiny.jsonl"
    tiny.write_text("".join(archive.open(encoding="utf-8").readline() for _ in range(1)) * 10, encoding="utf-8")
    base = [newslint, "check", "--output-format", "json", "--no-cache", "--exit-zero", "--isolated"]
    rec = [*base, "--text-field", "text", "--id-field", "id"]
    commands: dict[str, list[str]] = {}
    if not args.skip_folder:
        commands["folder --jobs 1"] = [*base, "--jobs", "1", str(folder)]
    commands["records --jobs 1"] = [*rec, "--jobs", "1", str(archive)]
    for j in (int(x) for x in args.jobs.split(",") if x):
        commands[f"records --jobs {j}"] = [*rec, "--jobs", str(j), str(archive)]
    workers = [int(x) for x in args.workers.split(",") if x]
    for w in workers:
        commands[f"dask local:{w}"] = [*rec, "--scheduler", f"local:{w}", str(archive)]
    commands["dask start-up (10 records, local:1)"] = [*rec, "--scheduler", "local:1", str(tiny)]

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load0 = loadavg()
    results: dict[str, list[dict]] = {k: [] for k in commands}
    for i in range(args.runs):
        for key, cmd in commands.items():
            r = measure(cmd, archive.parent)
            results[key].append(r)
            print(f"  {key:<38} run {i + 1}/{args.runs}: {r['wall']:.2f} s, {r['maxrss_kb'] / 1024:.0f} MB, "
                  f"rc {r['rc']}", file=sys.stderr, flush=True)
    load1 = loadavg()

    def wall(key: str) -> float:
        walls = sorted(r["wall"] for r in results[key])
        return walls[len(walls) // 2]

    def peak(key: str) -> str:
        rs = results[key]
        tree = max((r.get("tree_rss_kb") or 0) for r in rs)
        own = max(r["maxrss_kb"] for r in rs)
        return f"{own / 1024:,.0f} MB" + (f" ({tree / 1024:,.0f} MB all processes)" if tree else "")

    n = args.records
    lines = [
        f"# Sweep benchmark, {started}",
        "",
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {load0} at the start, {load1} at the end; {args.runs} run(s) each, median shown.",
        f"{n:,} stories, {words:,} words ({archive.stat().st_size / 1e6:,.1f} MB of JSON Lines).",
        "",
        "| command | wall time | stories/s | peak memory |",
        "|---|---:|---:|---:|",
    ]
    for key in commands:
        count = 10 if key.startswith("dask start-up") else n
        lines.append(f"| {key} | {wall(key):.2f} s | {count / wall(key):,.0f} | {peak(key)} |")
    lines.append("")
    if not args.skip_folder:
        lines.append(f"- records / folder throughput (--jobs 1): {wall('folder --jobs 1') / wall('records --jobs 1'):.2f}")
    start = wall("dask start-up (10 records, local:1)")
    if 1 in workers:
        per_worker = n / max(1e-9, wall("dask local:1") - start)
        lines.append(f"- per-worker throughput (local:1, less the {start:.1f} s start-up): {per_worker:,.0f} stories/s")
        if 2 in workers:
            lines.append(f"- 2 workers / 1 worker: {wall('dask local:1') / wall('dask local:2'):.2f}x "
                         f"(less start-up: {(wall('dask local:1') - start) / max(1e-9, wall('dask local:2') - start):.2f}x)")
        hours = TARGET / per_worker / 3600
        lines.append(f"- {TARGET:,} stories: {hours:,.1f} worker-hours of such workers "
                     f"(one core each); on 16 workers about {hours / 16 * 60:,.0f} min, on 64 about "
                     f"{hours / 64 * 60:,.0f} min, if throughput scales as measured; at "
                     f"${args.core_hour_price:.2f} per core-hour (an assumed price) about ${hours * args.core_hour_price:,.2f}.")
    text = "\n".join(lines) + "\n"
    (HERE / "work").mkdir(exist_ok=True)
    (HERE / "work" / "sweep.md").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
