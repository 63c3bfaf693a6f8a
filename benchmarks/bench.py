"""newslint benchmarks: speed and memory against codespell and proselint on the same files.

    python benchmarks/bench.py                 # everything (about 10 minutes on 2 cores)
    python benchmarks/bench.py --quick         # a smoke run on small workloads (about a minute)
    python benchmarks/bench.py --only small,startup

Workloads are generated under benchmarks/work/ (git-ignored); the peers are installed into
their own virtual environment there (benchmarks/work/peers-venv) with pip. Every measurement
is a fresh process started through measure.py. The Markdown report is printed and written to
benchmarks/work/results.md (raw numbers in results.json). See benchmarks/README.md.
Standard library only (psutil, if installed, adds whole-process-tree memory).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
PEERS_VENV = WORK / "peers-venv"
PEERS_SPEC = ("codespell==2.4.3", "proselint==0.16.0")
GEN_VERSION = 2  # bump when textgen changes, to rebuild the workloads

sys.path.insert(0, str(HERE))
import textgen  # noqa: E402

WORKLOADS = ("small", "examples", "big", "many")
SECTIONS = ("compare", "cache", "jobs", "startup", "spelling", "archive")
TOOLS = ("newslint", "codespell", "proselint")
BIG = ("big", "many")  # one run each, and every tool gets --big-timeout


# -- workloads ------------------------------------------------------------------------------
@dataclass
class Workload:
    name: str
    title: str
    path: Path  # the file or folder every tool is given
    words: int = 0
    files: int = 0
    size: int = 0
    runs: int = 5
    warmup: int = 1


def _stamp_ok(folder: Path, key: str) -> bool:
    return (folder / ".stamp").is_file() and (folder / ".stamp").read_text() == key


def _sized(out: dict[str, Workload]) -> dict[str, Workload]:
    """Count each workload's files, bytes and words (white-space separated)."""
    for w in out.values():
        files = [w.path] if w.path.is_file() else sorted(p for p in w.path.rglob("*") if p.is_file()
                                                          and not p.name.startswith("."))
        w.files = len(files)
        w.size = sum(p.stat().st_size for p in files)
        w.words = sum(len(p.read_bytes().split()) for p in files)
    return out


def _write_stamp(folder: Path, key: str) -> None:
    (folder / ".stamp").write_text(key)


def _fresh(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def build_workloads(quick: bool, names: list[str]) -> dict[str, Workload]:
    """Generate (or reuse) the workloads; returns them with word and file counts."""
    WORK.mkdir(parents=True, exist_ok=True)
    sizes = {"copies": 20 if quick else 200, "big": 2_000_000 if quick else 20_000_000,
             "many": 500 if quick else 10_000}
    out: dict[str, Workload] = {}
    if "small" in names:
        d = WORK / "small"
        key = f"{GEN_VERSION}"
        if not _stamp_ok(d, key):
            _fresh(d)
            (d / "story.txt").write_text(textgen.SMALL_STORY, encoding="utf-8")
            _write_stamp(d, key)
        out["small"] = Workload("small", "one ~430-word story (.txt)", d / "story.txt", runs=3 if quick else 5, warmup=1)
    if "examples" in names:
        d = WORK / f"examples-{sizes['copies']}"
        sources = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in (".txt", ".md", ".html"))
        key = f"{GEN_VERSION} " + " ".join(f"{p.name}:{p.stat().st_mtime_ns}" for p in sources)
        if not _stamp_ok(d, key):
            _fresh(d)
            for i in range(sizes["copies"]):
                for p in sources:
                    shutil.copyfile(p, d / f"{p.stem}-{i:03d}{p.suffix}")
            _write_stamp(d, key)
        out["examples"] = Workload(
            "examples", f"{sizes['copies']} copies of examples/ ({len(sources)} stories: .txt, .md, .html)",
            d, runs=1 if quick else 3, warmup=0 if quick else 1)
    if "big" in names:
        d = WORK / f"big-{sizes['big']}"
        key = f"{GEN_VERSION}"
        if not _stamp_ok(d, key):
            _fresh(d)
            text = textgen.big_text(random.Random(20), sizes["big"])
            (d / "wire.txt").write_text(text, encoding="utf-8")
            _write_stamp(d, key)
        mb = sizes["big"] / 1e6
        out["big"] = Workload("big", f"one {mb:g} MB plain-text file (generated stories)", d / "wire.txt",
                              runs=1, warmup=0)
    if "many" in names:
        d = WORK / f"many-{sizes['many']}"
        key = f"{GEN_VERSION}"
        if not _stamp_ok(d, key):
            _fresh(d)
            rng = random.Random(10)
            for i in range(sizes["many"]):
                sub = d / f"{i // 1000:02d}"
                sub.mkdir(exist_ok=True)
                (sub / f"story-{i:05d}.txt").write_text(textgen.story(rng, rng.randint(2, 5)), encoding="utf-8")
            _write_stamp(d, key)
        out["many"] = Workload("many", f"{sizes['many']:,} small generated stories (.txt) in one folder tree",
                               d, runs=1, warmup=0)
    return _sized(out)


# -- tools ----------------------------------------------------------------------------------
def find_newslint() -> str:
    here = Path(sys.executable).parent / "newslint"
    if here.exists():
        return str(here)
    found = shutil.which("newslint")
    if not found:
        sys.exit("bench: the newslint command is not installed (pip install -e .)")
    return found


def ensure_peers(skip: bool) -> dict[str, list[str]]:
    """Install codespell and proselint into their own venv (once); their base commands."""
    if skip:
        return {}
    bin_dir = PEERS_VENV / "bin"
    if not (bin_dir / "codespell").exists() or not (bin_dir / "proselint").exists():
        print(f"bench: installing {', '.join(PEERS_SPEC)} into {PEERS_VENV} ...", file=sys.stderr)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
            subprocess.run([str(bin_dir / "pip"), "install", "-q", *PEERS_SPEC], check=True)
        except (subprocess.CalledProcessError, OSError) as exc:
            print(f"bench: peers not installed ({exc}); comparing newslint alone", file=sys.stderr)
            return {}
    cmds = {"codespell": [str(bin_dir / "codespell")]}
    helptext = subprocess.run([str(bin_dir / "proselint"), "--help"], capture_output=True, text=True).stdout
    # proselint >= 0.16 has subcommands (`proselint check PATH`); older ones take the paths directly.
    cmds["proselint"] = [str(bin_dir / "proselint"), *(["check"] if " check " in helptext else [])]
    return cmds


def versions(newslint: str, peers: dict[str, list[str]]) -> dict[str, str]:
    out = {"newslint": _first_line([newslint, "--version"])}
    if "codespell" in peers:
        out["codespell"] = "codespell " + _first_line([*peers["codespell"][:1], "--version"])
    if "proselint" in peers:
        py = str(PEERS_VENV / "bin" / "python")
        out["proselint"] = "proselint " + _first_line(
            [py, "-c", "from importlib.metadata import version; print(version('proselint'))"])
    return out


def _first_line(cmd: list[str]) -> str:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"? ({exc})"
    return ((p.stdout or p.stderr).strip().splitlines() or ["?"])[0]


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "?"
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "nproc": str(cores),
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?",
    }


# -- measuring ------------------------------------------------------------------------------
@dataclass
class Series:
    """Repeated measurements of one command."""

    label: str
    runs: list[dict] = field(default_factory=list)
    timeout: float = 0.0

    @property
    def timed_out(self) -> bool:
        return any(r["timeout"] for r in self.runs)

    @property
    def wall(self) -> float | None:
        ok = [r["wall"] for r in self.runs if not r["timeout"]]
        return statistics.median(ok) if ok and not self.timed_out else None

    @property
    def cpu(self) -> float | None:
        """Median user + system CPU seconds (the process and the workers it waited for)."""
        ok = [r["user"] + r["sys"] for r in self.runs if not r["timeout"]]
        return statistics.median(ok) if ok else None

    @property
    def rss_mb(self) -> float | None:
        ok = [r["maxrss_kb"] for r in self.runs if not r["timeout"]]
        return max(ok) / 1024 if ok else None

    @property
    def tree_mb(self) -> float | None:
        ok = [r["tree_rss_kb"] for r in self.runs if r.get("tree_rss_kb")]
        return max(ok) / 1024 if ok else None

    def wall_text(self) -> str:
        if self.timed_out:
            return f"> {self.timeout:g} s"
        w = self.wall
        return "–" if w is None else f"{w:.2f} s"

    def rcs(self) -> str:
        return ",".join(sorted({str(r["rc"]) for r in self.runs if not r["timeout"]})) or "–"


# Every tool runs as on a user's machine: Python may write its bytecode caches (a sandbox
# that sets PYTHONDONTWRITEBYTECODE would make each run recompile newslint's sources, which
# pip-installed peers never do since pip compiles them at install time).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(cmd: list[str], cwd: Path, timeout: float) -> dict:
    p = subprocess.run([sys.executable, str(HERE / "measure.py"), str(timeout), str(cwd), "--", *cmd],
                       capture_output=True, text=True, env=CHILD_ENV)
    if p.returncode != 0:
        raise RuntimeError(f"measure.py failed: {p.stderr}")
    return json.loads(p.stdout)


def run_series(commands: dict[str, list[str]], cwd: Path, runs: int, warmup: int,
               timeouts: dict[str, float], before=None, verbose: bool = True) -> dict[str, Series]:
    """Measure several commands interleaved (run 1 of each, run 2 of each ...), so drift in
    the machine's speed affects them alike. A command that times out is not run again."""
    out = {k: Series(k, timeout=timeouts.get(k, 600)) for k in commands}
    for i in range(warmup + runs):
        for key, cmd in commands.items():
            s = out[key]
            if s.timed_out:
                continue
            if before:
                before(key)
            r = measure(cmd, cwd, s.timeout)
            if verbose:
                what = "warm-up" if i < warmup else f"run {i - warmup + 1}/{runs}"
                state = "TIMEOUT" if r["timeout"] else f"{r['wall']:.2f} s, {r['maxrss_kb'] / 1024:.0f} MB, rc {r['rc']}"
                print(f"  {key:<22} {what:<10} {state}", file=sys.stderr, flush=True)
            if i >= warmup or r["timeout"]:
                s.runs.append(r)
    return out


def _rate(words: int, s: Series) -> str:
    w = s.wall
    if w is None:
        return f"< {words / s.timeout:,.0f}" if s.timed_out else "–"
    return f"{words / w:,.0f}"


def _mb(v: float | None) -> str:
    return "–" if v is None else f"{v:,.0f} MB"


def _ratio(a: Series | None, b: Series | None) -> str:
    """a / b, with bounds when one of them timed out."""
    if a is None or b is None:
        return "–"
    if a.wall is not None and b.wall is not None:
        return f"{a.wall / b.wall:.2f}×"
    if a.timed_out and b.wall is not None:
        return f"> {a.timeout / b.wall:.1f}×"
    if b.timed_out and a.wall is not None:
        return f"< {a.wall / b.timeout:.2f}×"
    return "–"


# -- sections -------------------------------------------------------------------------------
def newslint_cmd(newslint: str, path: Path, *extra: str, cache: bool = False) -> list[str]:
    # The workloads live in benchmarks/work/, which .gitignore lists: without
    # --no-respect-gitignore the folder walk would skip them all and time an empty run.
    return [newslint, "check", "--isolated", "--no-respect-gitignore", "--output-format", "json",
            *([] if cache else ["--no-cache"]), *extra, str(path)]


def section_compare(wl: dict[str, Workload], newslint: str, peers: dict[str, list[str]], args) -> tuple[list[str], dict]:
    rows = ["| workload | words | files | tool | wall time (median) | runs | words/s | peak RSS | exit |",
            "|---|---:|---:|---|---:|---:|---:|---:|---|"]
    ratios = ["| workload | newslint | codespell | proselint | newslint / codespell | proselint / newslint |",
              "|---|---:|---:|---:|---:|---:|"]
    raw = {}
    for name, w in wl.items():
        print(f"bench: compare on {name} ({w.words:,} words, {w.files:,} files)", file=sys.stderr)
        cmds = {"newslint": newslint_cmd(newslint, w.path)}
        for tool, base in peers.items():
            if tool in args.tools:
                cmds[tool] = [*base, str(w.path)]
        cmds = {k: v for k, v in cmds.items() if k in args.tools}
        timeouts = {k: args.big_timeout if name in BIG else args.timeout for k in cmds}
        res = run_series(cmds, WORK, args.runs or w.runs, w.warmup if args.runs is None else min(w.warmup, 1),
                         timeouts)
        raw[name] = {k: s.runs for k, s in res.items()}
        for k, s in res.items():
            mem = _mb(s.rss_mb) + (f" (tree {_mb(s.tree_mb)})" if s.tree_mb and k == "newslint" else "")
            rows.append(f"| {name} | {w.words:,} | {w.files:,} | {k} | {s.wall_text()} | {len(s.runs)} | "
                        f"{_rate(w.words, s)} | {mem} | {s.rcs()} |")
        n, c, p = res.get("newslint"), res.get("codespell"), res.get("proselint")
        ratios.append(f"| {name} | {n.wall_text() if n else '–'} | {c.wall_text() if c else '–'} | "
                      f"{p.wall_text() if p else '–'} | {_ratio(n, c)} | {_ratio(p, n)} |")
        for k, s in res.items():
            for r in s.runs:
                if k == "newslint" and r["rc"] not in (0, 1) and not r["timeout"]:
                    print(f"bench: warning: newslint exited {r['rc']} on {name}: {r['stderr_tail'][-600:]}",
                          file=sys.stderr)
    return rows + [""] + ratios, raw


def section_cache(wl: dict[str, Workload], newslint: str, args) -> tuple[list[str], dict]:
    rows = ["| workload | `--no-cache` | first run (cache written) | re-run, files unchanged | re-run speed-up |",
            "|---|---:|---:|---:|---:|"]
    raw = {}
    for name, w in wl.items():
        nocache = args.compare_results.get(name, {}).get("newslint")
        limit = args.big_timeout if name in BIG else args.timeout
        if nocache is not None and nocache.timed_out:
            rows.append(f"| {name} | {nocache.wall_text()} | not run | not run | – |")
            continue
        print(f"bench: cache on {name}", file=sys.stderr)
        cwd = WORK / f"cache-{name}"  # the cache goes here, outside the workload folder
        cwd.mkdir(exist_ok=True)
        cache_dir = cwd / ".newslint_cache"

        def clear(_key: str) -> None:
            shutil.rmtree(cache_dir, ignore_errors=True)

        cmd = newslint_cmd(newslint, w.path, cache=True)
        cold = run_series({"first run": cmd}, cwd, 1, 0, {"first run": limit}, before=clear)["first run"]
        if cold.timed_out:
            rows.append(f"| {name} | {nocache.wall_text() if nocache else '–'} | {cold.wall_text()} | not run | – |")
            continue
        runs = args.runs or (w.runs if name in BIG else max(w.runs, 3))
        warm = run_series({"re-run": cmd}, cwd, runs, 0 if name in BIG else 1, {"re-run": limit})["re-run"]
        if nocache is None:
            nocache = run_series({"no cache": newslint_cmd(newslint, w.path)}, cwd, 1, 0,
                                 {"no cache": limit})["no cache"]
        speed = f"{nocache.wall / warm.wall:.1f}×" if nocache.wall and warm.wall else "–"
        rows.append(f"| {name} | {nocache.wall_text()} | {cold.wall_text()} | {warm.wall_text()} | {speed} |")
        raw[name] = {"first": cold.runs, "rerun": warm.runs}
        shutil.rmtree(cache_dir, ignore_errors=True)
    return rows, raw


def section_jobs(wl: dict[str, Workload], newslint: str, args) -> tuple[list[str], dict]:
    rows = ["| workload | `--jobs 1` | `--jobs 2` | speed-up | CPU time, jobs 1 / jobs 2 | "
            "peak RSS, jobs 1 / jobs 2 (largest process) |",
            "|---|---:|---:|---:|---:|---:|"]
    raw = {}
    for name, w in wl.items():
        if name not in ("examples", "many"):
            continue
        limit = args.big_timeout if name in BIG else args.timeout
        default = args.compare_results.get(name, {}).get("newslint")
        if default is not None and default.timed_out:
            rows.append(f"| {name} | not run | not run | – | – | – |")
            continue
        cmds = {"jobs 1": newslint_cmd(newslint, w.path, "--jobs", "1"),
                "jobs 2": newslint_cmd(newslint, w.path, "--jobs", "2")}
        print(f"bench: jobs on {name}", file=sys.stderr)
        res = run_series(cmds, WORK, args.runs or w.runs, w.warmup if args.runs is None else 0,
                         {k: limit for k in cmds})
        a, b = res["jobs 1"], res["jobs 2"]
        speed = f"{a.wall / b.wall:.2f}×" if a.wall and b.wall else _ratio(a, b)
        cpu = f"{a.cpu:.1f} s / {b.cpu:.1f} s" if a.cpu is not None and b.cpu is not None else "–"
        rows.append(f"| {name} | {a.wall_text()} | {b.wall_text()} | {speed} | {cpu} | "
                    f"{_mb(a.rss_mb)} / {_mb(b.rss_mb)} |")
        raw[name] = {k: s.runs for k, s in res.items()}
    return rows, raw


STARTUP_PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
import newslint.cli, newslint.check, newslint.runner
t1 = time.perf_counter()
from newslint.plugins import load_engine
engine = load_engine()
t2 = time.perf_counter()
from newslint.config import Config
from newslint.runner import Linter
lin = Linter(Config(), engine=engine)
t3 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
doc_cold = {}
for rule in lin.rules_for("story.txt"):
    opts = lin.options.get(rule.code, rule.options)
    times = []
    for _ in range(3):
        doc = lin.parse(text, "story.txt")
        s = time.perf_counter()
        try:
            list(rule.run(doc, opts))
        except Exception:
            pass
        times.append(time.perf_counter() - s)
    doc_cold[f"{rule.code} {rule.name}"] = (times[0], min(times[1:]))
print(json.dumps({"import": t1 - t0, "engine": t2 - t1, "linter": t3 - t2, "rules": doc_cold,
                  "n_rules": len(engine.rules), "enabled": len(lin.enabled)}))
"""


def section_startup(newslint: str, args) -> tuple[list[str], dict]:
    print("bench: start-up", file=sys.stderr)
    d = WORK / "startup"
    d.mkdir(exist_ok=True)
    (d / "empty.txt").write_text("")
    (d / "story.txt").write_text(textgen.SMALL_STORY, encoding="utf-8")
    runs = args.runs or 5
    cmds = {"empty file": newslint_cmd(newslint, d / "empty.txt"),
            "small story": newslint_cmd(newslint, d / "story.txt"),
            "small story, patterns compiled afresh": ["env", "NEWSLINT_PATTERN_CACHE=off",
                                                      *newslint_cmd(newslint, d / "story.txt")],
            "--version": [newslint, "--version"]}
    res = run_series(cmds, d, runs, 1, {k: args.timeout for k in cmds})
    rows = ["| measurement | time |", "|---|---:|"]
    for k, s in res.items():
        label = f"`newslint {k}`" if k.startswith("--") else f"`newslint check` on an {k}" if k == "empty file" \
            else f"`newslint check` on the {k}" if k == "small story" \
            else "`newslint check` on the small story, no pattern store (`NEWSLINT_PATTERN_CACHE=off`: " \
                 "every regex compiled, as on a machine's very first run)"
        rows.append(f"| {label} (whole process, median of {len(s.runs)}) | {s.wall_text()} |")
    py = str(Path(newslint).resolve().parent / "python")
    py = py if Path(py).exists() else sys.executable
    probe = subprocess.run([py, "-c", STARTUP_PROBE, str(d / "story.txt")], capture_output=True, text=True,
                           cwd=d, timeout=args.timeout)
    raw: dict = {"process": {k: s.runs for k, s in res.items()}}
    if probe.returncode == 0:
        info = json.loads(probe.stdout.strip().splitlines()[-1])
        raw["probe"] = info
        rows.append(f"| import newslint.cli, newslint.check, newslint.runner | {info['import'] * 1000:.0f} ms |")
        rows.append(f"| load_engine(): import and register {info['n_rules']} rules' plugins | "
                    f"{info['engine'] * 1000:.0f} ms |")
        rows.append(f"| Linter(): resolve config ({info['enabled']} rules on) | {info['linter'] * 1000:.0f} ms |")
        extra = sorted(((cold - warm, name) for name, (cold, warm) in info["rules"].items()), reverse=True)
        total_warm = sum(w for _, w in info["rules"].values())
        rows.append(f"| all enabled rules on the small story, warm (data loaded) | {total_warm * 1000:.0f} ms |")
        for cost, name in extra[:5]:
            if cost >= 0.005:
                rows.append(f"| first-call cost of {name} (lazy data: dictionaries, tables) | {cost * 1000:.0f} ms |")
    else:
        rows.append(f"| start-up probe failed | {probe.stderr.strip().splitlines()[-1:]} |")
    imp = subprocess.run([py, "-X", "importtime", "-c", "from newslint.plugins import load_engine; load_engine()"],
                         capture_output=True, text=True, cwd=d, timeout=args.timeout)
    top = []
    for line in imp.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].startswith("import time:") and parts[1].strip().isdigit():
            name = parts[2]
            depth = (len(name) - len(name.lstrip(" "))) // 2
            if depth <= 1:
                top.append((int(parts[1]), name.strip()))
    top.sort(reverse=True)
    if top:
        rows.append("")
        rows.append("Slowest top-level imports (`python -X importtime`, cumulative): "
                    + ", ".join(f"{n} {us / 1000:.0f} ms" for us, n in top[:6]) + ".")
    return rows, raw


SPELL_PROBE = r"""
import json, os, sys, time
t0 = time.perf_counter()
from newslint.rules.spelling.lexicon import known_misspellings, lexicon, variant_keys, variants
lexicon()
t1 = time.perf_counter()
known_misspellings(); variants(); variant_keys()
t2 = time.perf_counter()
from newslint.config import Config
from newslint.runner import Linter
lin = Linter(Config(), select=("SPL001", "SPL002", "SPL003"))
path, each = sys.argv[1], sys.argv[2] == "each"
if os.path.isdir(path):  # a folder of stories: one document each, or all joined into one
    files = sorted(os.path.join(path, f) for f in os.listdir(path))
    texts = [open(f, encoding="utf-8").read() for f in files if os.path.isfile(f)]
else:
    texts = [open(path, encoding="utf-8").read()]
if not each:
    texts = ["\n\n".join(texts)]
words = sum(len(t.split()) for t in texts)
rules = lin.rules_for("wire.txt")
# Load the rest of the data on a sentence of its own: the timed run starts cold, with no
# word of the text already tokenized or suggested for (the rules memoize both).
warm = "Officals said the the council will recieve the report on Tuesday, the mayor said."
lin.lint_document(lin.parse(warm, "warm.txt"), "warm.txt", rules)
# One document at a time, as a run does: parsed (not timed), checked (timed), dropped.
# (Holding every parsed story at once, as this probe did before 2026-12-04 evening, made
# the garbage collector walk them all and cost ~15% that no run pays.)
run = found = 0
for t in texts:
    doc = lin.parse(t, "wire.txt")
    s = time.perf_counter()
    found += sum(len(list(r.run(doc, lin.options.get(r.code, r.options)))) for r in rules)
    run += time.perf_counter() - s
    del doc
print(json.dumps({"lexicon": t1 - t0, "other_lists": t2 - t1, "words": words, "docs": len(texts), "run": run,
                  "found": found}))
"""


def section_spelling(wl: dict[str, Workload], newslint: str, args) -> tuple[list[str], dict]:
    """The spelling rules alone, in-process: dictionary load time and words checked per
    second on one core (issue targets: load <= 50 ms, >= 500,000 words/s)."""
    print("bench: spelling", file=sys.stderr)
    py = str(Path(newslint).resolve().parent / "python")
    py = py if Path(py).exists() else sys.executable
    target = args.spelling_text or (wl["big"].path if "big" in wl else None)
    if target is None or (not args.spelling_text and target.stat().st_size > 3_000_000):
        d = WORK / "spelling"
        d.mkdir(exist_ok=True)
        target = d / "wire.txt"
        if not target.exists():
            target.write_text(textgen.big_text(random.Random(30), 2_000_000), encoding="utf-8")
    what = f"`{Path(target).name}`" if args.spelling_text else "generated copy"
    modes = ["joined", "each"] if Path(target).is_dir() else ["joined"]
    loads = []
    runs: dict[str, list[float]] = {m: [] for m in modes}
    info: dict[str, dict] = {}
    for _ in range(args.runs or 5):  # a fresh process each: the load and a cold check are what a run pays
        for mode in modes:  # interleaved, so drift in the machine's speed hits both alike
            p = subprocess.run([py, "-c", SPELL_PROBE, str(target), mode], capture_output=True, text=True,
                               cwd=WORK, timeout=args.timeout, env=CHILD_ENV)
            if p.returncode != 0:
                return [f"spelling probe failed: {p.stderr.strip().splitlines()[-1:]}"], {}
            info[mode] = json.loads(p.stdout.strip().splitlines()[-1])
            loads.append((info[mode]["lexicon"], info[mode]["other_lists"]))
            runs[mode].append(info[mode]["run"])
    lex = sorted(x for x, _ in loads)[len(loads) // 2]
    other = sorted(y for _, y in loads)[len(loads) // 2]
    rows = ["| measurement | figure |", "|---|---:|",
            f"| dictionary load (`lexicon()`, median of {len(loads)} fresh processes) | {lex * 1000:.0f} ms |",
            f"| misspelling and variant lists (loaded with the dictionary's first use) | {other * 1000:.0f} ms |"]
    for mode in modes:
        median = sorted(runs[mode])[len(runs[mode]) // 2]
        fastest = min(runs[mode])
        shape = (f"{info[mode]['docs']:,} documents, one per file" if mode == "each"
                 else "one document" if len(modes) > 1 else "")
        rows.append(f"| misspelling, spelling-variant, name-variant on {info[mode]['words']:,} words of {what}"
                    f"{' as ' + shape if shape else ''} (median of {len(runs[mode])} cold runs, one core; "
                    f"the fastest run in brackets) | "
                    f"{info[mode]['words'] / median:,.0f} words/s ({info[mode]['words'] / fastest:,.0f}) |")
    return rows, {"loads": loads, "runs": runs, "probe": info, "file": str(target)}


# -- archives: long real stories, per core, against another install -------------------------
SHARED = REPO.parent / "shared"
ARCHIVE_WORKLOADS = ("articles", "seed", "seed-20mb")

INPROC_PROBE = r"""
import json, os, sys, time
import newslint
paths = json.loads(sys.argv[1])
texts = [open(p, encoding="utf-8").read() for p in paths]
words = sum(len(t.split()) for t in texts)
for t in texts[:20]:  # warm: lazily loaded data (dictionaries, tables, compiled patterns)
    newslint.lint_text(t, filename="story.txt")
s, c = time.perf_counter(), time.process_time()
found = 0
for t in texts:
    found += len(newslint.lint_text(t, filename="story.txt"))
wall, cpu = time.perf_counter() - s, time.process_time() - c
# The same through one Linter built once (the engine alone, no per-call set-up).
from newslint.config import Config
from newslint.runner import Linter
lin = Linter(Config())
c = time.process_time()
for t in texts:
    lin.lint_source(t, "story.txt")
engine_cpu = time.process_time() - c
print(json.dumps({"words": words, "docs": len(texts), "wall": wall, "cpu": cpu, "found": found,
                  "engine_cpu": engine_cpu}))
"""


def _records(name: str) -> list[str]:
    """The body text of each record of a development-article file, or [] when absent."""
    path = SHARED / "corpus" / "articles" / f"{name}.jsonl"
    if not path.is_file():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    out.append(text)
    return out


def build_archive_workloads(names: list[str]) -> dict[str, Workload]:
    """Long real stories: the development articles one file each (skipped without
    ../shared), 200 copies of the seed article, and ~20 MB of seed copies in one file."""
    WORK.mkdir(parents=True, exist_ok=True)
    out: dict[str, Workload] = {}
    seed = SHARED / "examples" / "seed-article.txt"
    if not seed.is_file():
        seed = REPO / "examples" / "harbor-fire.txt"
        print(f"bench: {SHARED / 'examples' / 'seed-article.txt'} not found; the seed workloads use {seed}",
              file=sys.stderr)
    seed_text = seed.read_text(encoding="utf-8")
    if "articles" in names:
        files = [(f, _records(f)) for f in ("bbc_dev", "registry_articles_dev")]
        if not any(texts for _, texts in files):
            print(f"bench: no development articles under {SHARED / 'corpus' / 'articles'}: "
                  "the articles workload is skipped", file=sys.stderr)
        else:
            d = WORK / "archive-articles"
            key = " ".join(f"{f}:{len(t)}:{sum(map(len, t))}" for f, t in files)
            if not _stamp_ok(d, key):
                _fresh(d)
                for f, texts in files:
                    (d / f).mkdir()
                    for i, text in enumerate(texts):
                        (d / f / f"{i:04d}.txt").write_text(text, encoding="utf-8")
                _write_stamp(d, key)
            out["articles"] = Workload("articles", "the development articles, one .txt file per record "
                                       "(../shared/corpus/articles/*.jsonl)", d, runs=3, warmup=1)
    if "seed" in names:
        d = WORK / "archive-seed"
        key = f"{seed}:{len(seed_text)}:{zlib.crc32(seed_text.encode())}"
        if not _stamp_ok(d, key):
            _fresh(d)
            for i in range(200):
                (d / f"seed-{i:03d}.txt").write_text(seed_text, encoding="utf-8")
            _write_stamp(d, key)
        out["seed"] = Workload("seed", f"200 copies of {seed.name}", d, runs=5, warmup=1)
    if "seed-20mb" in names:
        d = WORK / "archive-seed-20mb"
        key = f"{seed}:{len(seed_text)}:{zlib.crc32(seed_text.encode())}"
        if not _stamp_ok(d, key):
            _fresh(d)
            copies = max(1, 20_000_000 // len(seed_text.encode("utf-8")))
            sep = "" if seed_text.endswith("\n\n") else "\n" if seed_text.endswith("\n") else "\n\n"
            (d / "seed.txt").write_text((seed_text + sep) * copies, encoding="utf-8")
            _write_stamp(d, key)
        out["seed-20mb"] = Workload("seed-20mb", f"copies of {seed.name} one after another in one ~20 MB file",
                                    d / "seed.txt", runs=1, warmup=0)
    return _sized(out)


def _installs(newslint: str, args) -> dict[str, str]:
    """'tree' (the newslint being benchmarked) and each --also LABEL=PATH."""
    out = {"newslint": newslint}
    for spec in args.also:
        label, _, path = spec.partition("=")
        if not path:
            label, path = Path(spec).resolve().parent.parent.name, spec
        out[f"newslint {label}"] = path
    return out


def _python_of(newslint: str) -> str:
    py = Path(newslint).resolve().parent / "python"
    return str(py) if py.exists() else sys.executable


def _per_core(words: int, s: Series) -> str:
    return "–" if not s.cpu else f"{words / s.cpu:,.0f}"


def section_archive(wl: dict[str, Workload], newslint: str, peers: dict[str, list[str]], args) -> tuple[list[str], dict]:
    """Long real stories: every install of newslint and codespell, interleaved, whole process
    (words per CPU second), in-process (lint_text once per story, warm), start-up, and
    --jobs 2 against --jobs 1."""
    installs = _installs(newslint, args)
    raw: dict = {}
    rows = ["### Whole process, all default rules (`--no-cache`)", "",
            "| workload | words | files | tool | CPU time (median) | wall (median) | runs | words/s per core (CPU) "
            "| peak RSS |", "|---|---:|---:|---|---:|---:|---:|---:|---:|"]
    ratios = ["| workload | " + " | ".join(f"{k} / codespell (CPU)" for k in installs) + " |",
              "|---|" + "---:|" * len(installs)]
    for name, w in wl.items():
        print(f"bench: archive, whole process, on {name} ({w.words:,} words, {w.files:,} files)", file=sys.stderr)
        cmds = {k: newslint_cmd(path, w.path) for k, path in installs.items()}
        if "codespell" in peers and "codespell" in args.tools:
            cmds["codespell"] = [*peers["codespell"], str(w.path)]
        runs = args.runs or w.runs
        res = run_series(cmds, WORK, runs, w.warmup if args.runs is None else min(w.warmup, 1),
                         {k: args.timeout for k in cmds})
        raw[name] = {k: s.runs for k, s in res.items()}
        for k, s in res.items():
            cpu = "–" if s.cpu is None else f"{s.cpu:.2f} s"
            rows.append(f"| {name} | {w.words:,} | {w.files:,} | {k} | {cpu} | {s.wall_text()} | {len(s.runs)} | "
                        f"{_per_core(w.words, s)} | {_mb(s.rss_mb)} |")
        c = res.get("codespell")
        cells = [f"{res[k].cpu / c.cpu:.2f}×" if c and c.cpu and res[k].cpu else "–" for k in installs]
        ratios.append(f"| {name} | " + " | ".join(cells) + " |")
    rows += ["", *ratios, ""]

    # In-process: lint_text once per story, warm, through the public API.
    texts_of = {}
    if "articles" in wl:
        bbc = sorted((wl["articles"].path / "bbc_dev").glob("*.txt"))[:args.inproc_docs]
        texts_of[f"articles ({len(bbc)} BBC)"] = bbc
    if "seed" in wl:
        texts_of["seed"] = sorted(wl["seed"].path.glob("*.txt"))
    if texts_of:
        rows += ["### In-process: `newslint.lint_text` once per story, warm (one core)", "",
                 "| stories | words | install | words/s per core, lint_text (median) | "
                 "words/s per core, one Linter reused | runs |", "|---|---:|---|---:|---:|---:|"]
        raw["inproc"] = {}
        for label, files in texts_of.items():
            print(f"bench: archive, in-process, on {label}", file=sys.stderr)
            got: dict[str, list[dict]] = {k: [] for k in installs}
            arg = json.dumps([str(p) for p in files])
            for _ in range(args.runs or 3):
                for k, path in installs.items():
                    p = subprocess.run([_python_of(path), "-c", INPROC_PROBE, arg], capture_output=True, text=True,
                                       cwd=WORK, timeout=args.timeout, env=CHILD_ENV)
                    if p.returncode != 0:
                        print(f"bench: in-process probe failed for {k}: {p.stderr[-800:]}", file=sys.stderr)
                        continue
                    got[k].append(json.loads(p.stdout.strip().splitlines()[-1]))
                    r = got[k][-1]
                    print(f"  {k:<22} {r['words'] / r['cpu']:,.0f} words/s per core", file=sys.stderr, flush=True)
            raw["inproc"][label] = got
            for k, rs in got.items():
                if not rs:
                    rows.append(f"| {label} | – | {k} | failed | – | 0 |")
                    continue
                words = rs[0]["words"]
                api = statistics.median(words / r["cpu"] for r in rs)
                eng = statistics.median(words / r["engine_cpu"] for r in rs)
                rows.append(f"| {label} | {words:,} | {k} | {api:,.0f} | {eng:,.0f} | {len(rs)} |")
        rows.append("")

    # Start-up on one small story.
    print("bench: archive, start-up", file=sys.stderr)
    d = WORK / "startup"
    d.mkdir(exist_ok=True)
    (d / "story.txt").write_text(textgen.SMALL_STORY, encoding="utf-8")
    cmds = {k: newslint_cmd(path, d / "story.txt") for k, path in installs.items()}
    if "codespell" in peers:
        cmds["codespell"] = [*peers["codespell"], str(d / "story.txt")]
    res = run_series(cmds, d, args.runs or 7, 1, {k: args.timeout for k in cmds})
    raw["startup"] = {k: s.runs for k, s in res.items()}
    c = res.get("codespell")
    rows += ["### Start-up: one small story (whole process)", "",
             "| tool | wall (median) | CPU (median) | / codespell (wall) | / codespell (CPU) | runs |",
             "|---|---:|---:|---:|---:|---:|"]
    for k, s in res.items():
        cpu_ratio = f"{s.cpu / c.cpu:.2f}×" if c and c.cpu and s.cpu else "–"
        rows.append(f"| {k} | {s.wall_text()} | {s.cpu:.3f} s | {_ratio(s, c)} | {cpu_ratio} | {len(s.runs)} |")
    rows.append("")

    # --jobs 2 against --jobs 1 on the long-story workloads.
    if args.jobs_ratio:
        rows += ["### `--jobs 2` against `--jobs 1` (wall clock; take it on a quiet machine)", "",
                 "| workload | install | `--jobs 1` wall | `--jobs 2` wall | speed-up | CPU, jobs 1 / jobs 2 | runs |",
                 "|---|---|---:|---:|---:|---:|---:|"]
        raw["jobs"] = {}
        for name, w in wl.items():
            if w.files < 2:
                continue
            print(f"bench: archive, --jobs, on {name}", file=sys.stderr)
            cmds = {}
            for k, path in installs.items():
                cmds[f"{k}|1"] = newslint_cmd(path, w.path, "--jobs", "1")
                cmds[f"{k}|2"] = newslint_cmd(path, w.path, "--jobs", "2")
            res = run_series(cmds, WORK, args.runs or w.runs, 1 if args.runs is None else 0,
                             {k: args.timeout for k in cmds})
            raw["jobs"][name] = {k: s.runs for k, s in res.items()}
            for k in installs:
                a, b = res[f"{k}|1"], res[f"{k}|2"]
                speed = f"{a.wall / b.wall:.2f}×" if a.wall and b.wall else "–"
                ratios_run = ", ".join(f"{x['wall'] / y['wall']:.2f}" for x, y in zip(a.runs, b.runs))
                rows.append(f"| {name} | {k} | {a.wall_text()} | {b.wall_text()} | {speed} (runs: {ratios_run}) | "
                            f"{a.cpu:.2f} s / {b.cpu:.2f} s | {len(a.runs)} |")
        rows.append("")
    return rows, raw


# -- main -----------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small workloads, one run each (a smoke test)")
    ap.add_argument("--only", default="", metavar="NAMES",
                    help=f"comma-separated workloads ({', '.join(WORKLOADS)}) and/or sections "
                         f"({', '.join(SECTIONS)}); default: all")
    ap.add_argument("--tools", default=",".join(TOOLS), help="tools to compare (default: all three)")
    ap.add_argument("--no-peers", action="store_true", help="measure newslint only (no peer install)")
    ap.add_argument("--runs", type=int, default=None, help="repeated runs per measurement (default 5 small, 1-3 big)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before any run is stopped (default 600)")
    ap.add_argument("--big-timeout", type=float, default=100,
                    help="seconds any tool may take on the big workloads before it is stopped and reported "
                         "as '> T s' (default 100)")
    ap.add_argument("--spelling-text", type=Path, default=None, metavar="FILE",
                    help="UTF-8 text for the spelling section, or a folder of stories (checked as one "
                         "document each, and all joined into one); default: ~2 MB of generated copy")
    ap.add_argument("--also", action="append", default=[], metavar="[LABEL=]NEWSLINT",
                    help="archive section: another newslint command to measure beside this one, interleaved "
                         "(e.g. --also before=/tmp/refvenv/bin/newslint); repeatable")
    ap.add_argument("--inproc-docs", type=int, default=500,
                    help="archive section: BBC development articles checked in-process (default 500)")
    ap.add_argument("--no-jobs-ratio", dest="jobs_ratio", action="store_false",
                    help="archive section: skip --jobs 2 against --jobs 1")
    ap.add_argument("--output", type=Path, default=None,
                    help="where to write the report (default benchmarks/work/results.md, results-quick.md)")
    args = ap.parse_args(argv)
    only = [x.strip() for x in args.only.split(",") if x.strip()]
    bad = [x for x in only if x not in WORKLOADS + SECTIONS + ARCHIVE_WORKLOADS]
    if bad:
        ap.error(f"unknown --only name(s): {', '.join(bad)}")
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    workloads = [x for x in only if x in WORKLOADS] or list(WORKLOADS)
    archive_workloads = [x for x in only if x in ARCHIVE_WORKLOADS] or list(ARCHIVE_WORKLOADS)
    sections = [x for x in only if x in SECTIONS]
    if any(x in ARCHIVE_WORKLOADS for x in only):
        if not sections and not any(x in WORKLOADS for x in only):
            sections = ["archive"]  # --only seed: the archive section on that workload alone
        elif "archive" not in sections:
            sections.append("archive")
    sections = sections or list(SECTIONS)
    if args.quick:
        args.big_timeout = min(args.big_timeout, 60)
    if args.output is None:
        args.output = WORK / ("results-quick.md" if args.quick else "results.md")

    started = time.perf_counter()
    newslint = find_newslint()
    peers = ensure_peers(args.no_peers or not (set(args.tools) - {"newslint"}))
    info = machine()
    vers = versions(newslint, peers)
    need = workloads if set(sections) - {"startup", "spelling", "archive"} else []
    print(f"bench: building workloads {', '.join(need) or '(none)'} under {WORK} ...", file=sys.stderr)
    wl = build_workloads(args.quick, need)

    report = [f"# newslint benchmark{' (quick)' if args.quick else ''}", "",
              f"- date: {info['date']}",
              f"- machine: {info['cpu']}, {info['nproc']} cores, {info['memory']}, {info['os']}",
              f"- Python {info['python']}; " + "; ".join(vers.values()),
              f"- load average when started: {info['load']} (other work on the machine skews the figures)",
              "- wall time: whole process, median of the runs after one warm-up (big workloads: one run, "
              "no warm-up); peak RSS: largest single process (ru_maxrss)", ""]
    if wl:
        report += ["## Workloads", "", "| workload | what | files | size | words |", "|---|---|---:|---:|---:|"]
        report += [f"| {w.name} | {w.title} | {w.files:,} | {w.size / 1e6:.2f} MB | {w.words:,} |" for w in wl.values()]
        report.append("")
    raw: dict = {"machine": info, "versions": vers, "workloads": {k: vars(w) | {"path": str(w.path)}
                                                                 for k, w in wl.items()}}
    args.compare_results = {}
    if "startup" in sections:
        rows, raw["startup"] = section_startup(newslint, args)
        report += ["## Start-up", ""] + rows + [""]
    if "compare" in sections and wl:
        rows, raw["compare"] = section_compare(wl, newslint, peers, args)
        args.compare_results = {
            name: {k: Series(k, runs, timeout=args.big_timeout if name in BIG else args.timeout)
                   for k, runs in tools.items()}
            for name, tools in raw["compare"].items()}
        report += ["## newslint, codespell and proselint on the same files", ""] + rows + [""]
    if "cache" in sections and wl:
        rows, raw["cache"] = section_cache(wl, newslint, args)
        report += ["## Result cache (`.newslint_cache/`)", ""] + rows + [""]
    if "jobs" in sections and {"examples", "many"} & set(wl):
        rows, raw["jobs"] = section_jobs(wl, newslint, args)
        report += ["## Parallel workers", ""] + rows + [""]
    if "archive" in sections:
        awl = build_archive_workloads(archive_workloads)
        report += ["## Archives: long real stories, per core", "",
                   "| workload | what | files | size | words |", "|---|---|---:|---:|---:|"]
        report += [f"| {w.name} | {w.title} | {w.files:,} | {w.size / 1e6:.2f} MB | {w.words:,} |"
                   for w in awl.values()]
        report.append("")
        rows, raw["archive"] = section_archive(awl, newslint, peers, args)
        report += rows + [""]
    if "spelling" in sections:
        rows, raw["spelling"] = section_spelling(wl, newslint, args)
        report += ["## Spelling rules alone", ""] + rows + [""]
    end_load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    report.append(f"Benchmark took {time.perf_counter() - started:.0f} s; load average at the end: {end_load}.")
    text = "\n".join(report) + "\n"
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    args.output.with_suffix(".json").write_text(json.dumps(raw, indent=1, default=str), encoding="utf-8")
    print(f"bench: report written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
