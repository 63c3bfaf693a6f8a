"""Archive sweeps: one JSON Lines file of many stories, checked as records.

    python benchmarks/sweep.py [--records 100000] [--runs 3] [--workers 1,2] [--jobs 2] [--skip-folder]
                               [--output-dir] [--only WORDS] [--newslint COMMAND]

In the same run, on the same synthetic stories (``textgen.py``), interleaved, the wall time,
the peak memory of the command's own process (the Dask client) and the CPU seconds of the
command and of each worker process it started, with the load average when each run began, of:

- ``folder``: the stories as one ``.txt`` file each, ``newslint check --jobs 1`` (the
  baseline records are compared with), in ``$NEWSLINT_SWEEP_DIR`` (default: a
  ``newslint-sweep`` folder in the system's temporary folder);
- ``records``: the stories as records of one ``archive.jsonl``, ``--text-field text --jobs 1``;
- ``records --jobs N``: the same on N worker processes;
- ``dask local:N``: the same on a ``distributed.LocalCluster`` of N one-thread workers
  (``--scheduler local:N``; the cluster's start-up is part of the time, and measured on its
  own on a ten-record file: ``dask start-up``).

Every command writes ``--output-format json`` (to /dev/null) and uses no result cache.
Run them a few times (``--runs 3``: interleaved, medians) on a quiet machine: the ratios
printed at the end (records / folder, ``--jobs 2`` / ``--jobs 1``, Dask 2 workers / 1 worker)
are wall-clock ratios, and the load average at the start of each run is in the table.
``--task-stream N`` instead runs the Dask driver in this process on ``local:N`` and reports
how busy each worker was (Dask's task stream): a figure the machine's load does not skew.
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
    """Wall time, the command's own peak memory (the Dask client; ``VmHWM``) and the CPU
    seconds of the command and of each process it started (Dask or --jobs workers), sampled
    from /proc every 50 ms; elsewhere ``measure.py``'s figures only."""
    if not Path("/proc/self/stat").exists():
        p = subprocess.run([sys.executable, str(HERE / "measure.py"), str(timeout), str(cwd), "--", *cmd],
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(f"measure.py failed: {p.stderr}")
        return json.loads(p.stdout)
    tick = os.sysconf("SC_CLK_TCK")
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    cpu: dict[int, float] = {}  # pid -> CPU seconds last seen
    names: dict[int, str] = {}
    hwm = 0
    err = b""

    def sample() -> None:
        nonlocal hwm
        try:
            for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    hwm = max(hwm, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        for pid in _tree(proc.pid):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
                cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
                if pid not in names:
                    names[pid] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(
                        "utf-8", "replace")[:200]
            except (OSError, ValueError, IndexError):
                pass

    import threading

    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stderr.read()), daemon=True)
    reader.start()
    while proc.poll() is None:
        sample()
        if time.perf_counter() - start > timeout:
            os.killpg(proc.pid, 9)
        time.sleep(0.05)
    wall = time.perf_counter() - start
    reader.join()
    err = b"".join(chunks)
    try:
        os.killpg(proc.pid, 9)  # nothing may outlive the measurement
    except (ProcessLookupError, PermissionError):
        pass
    own = cpu.pop(proc.pid, 0.0)
    workers = sorted((v for k, v in cpu.items() if v >= 0.05 and "resource_tracker" not in names.get(k, "")), reverse=True)
    return {"wall": wall, "maxrss_kb": hwm, "client_cpu": own, "worker_cpu": workers, "rc": proc.returncode,
            "load": load, "tree_rss_kb": None, "stderr_tail": err.decode("utf-8", "replace")[-2000:]}


def _tree(root: int) -> list[int]:
    """``root`` and its descendants (from /proc's children lists)."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return out


def fmt_cpu(r: dict) -> str:
    workers = r.get("worker_cpu") or []
    return " + ".join(f"{c:.1f}" for c in workers) if workers else "-"


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def task_stream(archive: Path, workers: int) -> str:
    """Run the command's Dask driver in this process on a LocalCluster of ``workers`` and
    read the scheduler's task stream: how busy each worker was between its first and last
    task, and the time per task spent computing and moving data (independent of the
    machine's load, unlike the wall-clock ratio)."""
    from dask.utils import key_split
    from distributed import Client, LocalCluster, get_task_stream

    from newslint.check import LinterSpec
    from newslint.config import Config
    from newslint.dask import sweep_on
    from newslint.records import RecordOptions

    spec = LinterSpec(Config(), None, (), (), None)
    linter = spec.build()
    options = RecordOptions("text", "id")
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster, Client(cluster) as client:
        with get_task_stream(client) as ts:
            t0 = time.perf_counter()
            n = sum(r if isinstance(r, int) else 1  # a number: that many clean records
                    for r in sweep_on(cluster.scheduler_address, spec, linter, [str(archive)], options,
                                      keep_source=False))
            wall = time.perf_counter() - t0
        tasks = ts.data
    per: dict[str, dict[str, float]] = {}
    kinds: dict[str, list[float]] = {}
    for t in tasks:
        w = per.setdefault(t["worker"], {"compute": 0.0, "other": 0.0, "first": 1e300, "last": 0.0, "n": 0})
        for ss in t["startstops"]:
            d = ss["stop"] - ss["start"]
            w["compute" if ss["action"] == "compute" else "other"] += d
            w["first"], w["last"] = min(w["first"], ss["start"]), max(w["last"], ss["stop"])
            if ss["action"] == "compute":
                kinds.setdefault(key_split(t["key"]), []).append(d)
        w["n"] += 1
    out = [f"task stream, local:{workers}, {n:,} records in {wall:.1f} s (load {loadavg()}):"]
    for name, w in sorted(per.items()):
        span = max(1e-9, w["last"] - w["first"])
        out.append(f"  worker {name}: {int(w['n'])} tasks, computing {w['compute']:.1f} s of {span:.1f} s between its "
                   f"first and last task ({100 * w['compute'] / span:.0f}% busy), moving data {w['other']:.2f} s")
    for kind, ds in sorted(kinds.items()):
        ds.sort()
        out.append(f"  {kind}: {len(ds)} tasks, median {ds[len(ds) // 2] * 1000:.0f} ms, longest {ds[-1] * 1000:.0f} ms")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=1, help="runs of each command, interleaved (median shown)")
    ap.add_argument("--workers", default="1,2", help="LocalCluster sizes, comma-separated")
    ap.add_argument("--jobs", default="2", help="--jobs values besides 1, comma-separated")
    ap.add_argument("--skip-folder", action="store_true", help="no one-file-per-story baseline")
    ap.add_argument("--core-hour-price", type=float, default=0.05,
                    help="USD per core-hour for the cost line (an assumption you give; default 0.05)")
    ap.add_argument("--output-dir", action="store_true",
                    help="also dask local:N --output-dir (the workers write the findings; the client keeps counts)")
    ap.add_argument("--only", default="", help="run only the commands whose name holds one of these comma-separated words")
    ap.add_argument("--newslint", default="", help="the newslint command to measure (default: the one beside this Python)")
    ap.add_argument("--task-stream", type=int, default=0, metavar="N",
                    help="only read the task stream of a local:N sweep, in this process (how busy each worker is)")
    args = ap.parse_args(argv)
    if args.task_stream:
        archive, _, _ = build(args.records)
        print(task_stream(archive, args.task_stream))
        return 0

    newslint = args.newslint or find_newslint()
    archive, folder, words = build(args.records)
    tiny = archive.parent / "tiny.jsonl"
    tiny.write_text("".join(archive.open(encoding="utf-8").readline() for _ in range(1)) * 10, encoding="utf-8")
    base = [newslint, "check", "--output-format", "json", "--no-cache", "--exit-zero", "--isolated"]
    rec = [*base, "--text-field", "text", "--id-field", "id"]
    commands: dict[str, list[str]] = {}
    if not args.skip_folder:
        commands["folder --jobs 1"] = [*base, "--jobs", "1", str(folder)]
    commands["records --jobs 1"] = [*rec, "--jobs", "1", str(archive)]
    jobs = [int(x) for x in args.jobs.split(",") if x and int(x) != 1]
    for j in jobs:
        commands[f"records --jobs {j}"] = [*rec, "--jobs", str(j), str(archive)]
    workers = [int(x) for x in args.workers.split(",") if x]
    for w in workers:
        commands[f"dask local:{w}"] = [*rec, "--scheduler", f"local:{w}", str(archive)]
        if args.output_dir:
            out = archive.parent / f"findings-{w}"
            commands[f"dask local:{w} --output-dir"] = [*rec, "--scheduler", f"local:{w}", "--output-dir", str(out),
                                                       str(archive)]
    commands["dask start-up (10 records, local:1)"] = [*rec, "--scheduler", "local:1", str(tiny)]
    if args.only:
        wanted = [w for w in args.only.split(",") if w]
        commands = {k: v for k, v in commands.items() if any(w in k for w in wanted)}

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load0 = loadavg()
    results: dict[str, list[dict]] = {k: [] for k in commands}
    for i in range(args.runs):
        for key, cmd in commands.items():
            r = measure(cmd, archive.parent)
            results[key].append(r)
            print(f"  {key:<38} run {i + 1}/{args.runs}: {r['wall']:.2f} s, client {r['maxrss_kb'] / 1024:.0f} MB, "
                  f"cpu {r.get('client_cpu', 0):.1f} s + workers {fmt_cpu(r)}, load {r.get('load', 0):.2f}, "
                  f"rc {r['rc']}", file=sys.stderr, flush=True)
            if r["rc"] not in (0, 1):
                print(r["stderr_tail"], file=sys.stderr)
    load1 = loadavg()

    def median(values: list[float]) -> float:
        values = sorted(values)
        return values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1] + values[len(values) // 2]) / 2

    def wall(key: str) -> float:
        return median([r["wall"] for r in results[key]])

    def peak(key: str) -> str:
        return f"{max(r['maxrss_kb'] for r in results[key]) / 1024:,.0f} MB"

    def ratio(slow: str, fast: str) -> str:
        """The ratio of the medians, and the run-by-run ratios (runs are interleaved)."""
        each = ", ".join(f"{a['wall'] / b['wall']:.2f}" for a, b in zip(results[slow], results[fast]))
        return f"{wall(slow) / wall(fast):.2f}x" + (f" (run by run: {each})" if args.runs > 1 else "")

    n = args.records
    lines = [
        f"# Sweep benchmark, {started}",
        "",
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {load0} at the start, {load1} at the end; {args.runs} run(s) each, interleaved, median shown.",
        f"{n:,} stories, {words:,} words ({archive.stat().st_size / 1e6:,.1f} MB of JSON Lines).",
        "",
        "| command | wall time | stories/s | peak memory (the command's own process) | CPU s: command + workers | load (1 min) at start |",
        "|---|---:|---:|---:|---|---|",
    ]
    for key in commands:
        count = 10 if key.startswith("dask start-up") else n
        rs = results[key]
        cpu = f"{median([r.get('client_cpu', 0) for r in rs]):.1f} + {fmt_cpu(rs[len(rs) // 2])}"
        loads = ", ".join(f"{r.get('load', 0):.1f}" for r in rs)
        lines.append(f"| {key} | {wall(key):.2f} s | {count / wall(key):,.0f} | {peak(key)} | {cpu} | {loads} |")
    lines.append("")
    if "folder --jobs 1" in results and "records --jobs 1" in results:
        lines.append(f"- records / folder throughput (--jobs 1): {ratio('folder --jobs 1', 'records --jobs 1')}")
    for j in jobs:
        if "records --jobs 1" in results and f"records --jobs {j}" in results:
            lines.append(f"- one process, --jobs {j} / --jobs 1: {ratio('records --jobs 1', f'records --jobs {j}')}")
    up = "dask start-up (10 records, local:1)"
    start = wall(up) if up in results else 0.0
    if "dask local:1" in results:
        per_worker = n / max(1e-9, wall("dask local:1") - start)
        lines.append(f"- per-worker throughput (local:1, less the {start:.1f} s start-up): {per_worker:,.0f} stories/s")
        for w in workers:
            if w > 1 and f"dask local:{w}" in results:
                lines.append(f"- Dask {w} workers / 1 worker: {ratio('dask local:1', f'dask local:{w}')} "
                             f"(less start-up: {(wall('dask local:1') - start) / max(1e-9, wall(f'dask local:{w}') - start):.2f}x)")
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
