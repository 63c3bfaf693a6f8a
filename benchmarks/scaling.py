"""How newslint's time and memory grow with hostile inputs: each shape at 1x, 2x, 4x and 8x.

    python benchmarks/scaling.py                  # every shape, default sizes
    python benchmarks/scaling.py --only repeat-the,nested-div --scale 0.25
    python benchmarks/scaling.py --runs 3 --timeout 300 --mem-limit-gb 6

Each run is a fresh ``newslint check --isolated --no-cache`` process (stdout to a file, which
is checked: JSON must parse), started by a small helper process that records its wall time
and peak resident memory (``ru_maxrss`` from ``os.wait4``). A run on the shape's empty input
gives the start-up cost, which is taken off every wall time and peak memory before the
log-log slope is fitted (least squares over the sizes that took at least 0.3 s or 5 MB more
than start-up): a slope of 1 is linear, 2 quadratic. A run past ``--timeout`` or the memory
limit is stopped and shown as such; the slope is then fitted on the sizes that finished, and
marked as a lower bound (">=").

The compiled-pattern store is a folder of its own under ``benchmarks/work/scaling/``, warmed
before the first measurement (except in ``reject-later``, which measures what a big ``reject``
list leaves in the store for the next run). Standard library only.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work" / "scaling"
sys.path.insert(0, str(HERE))

import textgen  # noqa: E402

LETTERS = "abcdefghijklmnopqrstuvwxyz"
STORY = (HERE.parent / "examples" / "harbor-fire.txt")


@dataclass
class Shape:
    name: str
    what: str
    base: int  # the size at 1x (unit: see ``unit``)
    unit: str
    make: Callable[[Path, int], list[str]]  # writes the input under a folder; returns extra args
    output_format: str = "json"
    later_run: bool = False  # measure a plain run after this one, with the same pattern store


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def make_repeat_the(folder: Path, n: int) -> list[str]:
    _write(folder, "input.txt", "the " * n + "\n")
    return ["input.txt"]


def make_long_token(folder: Path, n: int) -> list[str]:
    rng = random.Random(n)
    word = "".join(rng.choice(LETTERS) for _ in range(n))
    _write(folder, "input.txt", f"The officials said {word} was found.\n")
    return ["input.txt"]


def make_long_word(folder: Path, n: int) -> list[str]:
    rng = random.Random(n)
    alphabet = LETTERS + LETTERS.upper() + "0123456789-._/'’"
    word = "".join(rng.choice(alphabet) for _ in range(n))
    _write(folder, "input.txt", f"The officials said {word} was found.\n")
    return ["input.txt"]


def make_full_report(folder: Path, n: int) -> list[str]:
    _write(folder, "input.txt", "The mayor said.. " * n + "\n")
    return ["input.txt"]


def make_nested_div(folder: Path, n: int) -> list[str]:
    _write(folder, "input.html", "<html><body>" + "<div>" * n + "<p>The council met on Monday.</p>"
           + "</div>" * n + "</body></html>\n")
    return ["input.html"]


def make_md_table(folder: Path, n: int) -> list[str]:
    rng = random.Random(n)
    words = ("the council voted to approve a new budget for schools roads and parks after a long "
             "debate on taxes and fees").split()

    def cell() -> str:
        return " ".join(rng.choice(words) for _ in range(6))

    rows = ["| Name | Notes | Other |", "|---|---|---|"] + [f"| {cell()} | {cell()} | {cell()} |" for _ in range(n)]
    _write(folder, "input.md", "# Budget\n\n" + "\n".join(rows) + "\n")
    return ["input.md"]


def make_one_line(folder: Path, n: int) -> list[str]:
    text = textgen.big_text(random.Random(7), n) if n else ""
    _write(folder, "input.txt", text.replace("\n", " ") + "\n")
    return ["input.txt"]


def make_short_words(folder: Path, n: int) -> list[str]:
    rng = random.Random(n)
    words = [
        "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 3))) for _ in range(n)
    ]
    _write(folder, "input.txt", " ".join(words) + "\n")
    return ["input.txt"]


def make_json_findings(folder: Path, n: int) -> list[str]:
    _write(folder, "input.txt", "The mayor said..\n" * n)
    return ["input.txt"]


def make_reject_list(folder: Path, n: int) -> list[str]:
    shutil.copy(STORY, folder / "input.txt")
    lines = [f"misspeltword{i} -> goodword{i}" for i in range(n)] + ["fire chief -> fire marshal", "Kiev -> Kyiv"]
    _write(folder, "reject.txt", "\n".join(lines) + "\n")
    _write(folder, "newslint.toml", '[vocabulary]\nreject-file = "reject.txt"\n')
    return ["--config", "newslint.toml", "input.txt"]


SHAPES = [
    Shape("repeat-the", '"the " repeated on one line', 2_500, "repeats", make_repeat_the),
    Shape("long-token", "one lowercase token with no spaces", 250_000, "letters", make_long_token),
    Shape("long-word", "one token of letters, digits and punctuation, no spaces", 250_000, "chars",
          make_long_word),
    Shape("full-report", 'one line of "The mayor said.. ", full output', 2_000, "findings", make_full_report,
          output_format="full"),
    Shape("nested-div", "nested <div> elements in HTML", 10_000, "levels", make_nested_div),
    Shape("md-table", "a Markdown table, three columns of six words", 5_000, "rows", make_md_table),
    Shape("one-line", "generated stories joined into one line, full output", 2_500_000, "chars", make_one_line,
          output_format="full"),
    Shape("short-words", "one line of random 1-3 letter words", 100_000, "words", make_short_words),
    Shape("json-findings", "one finding per line, as JSON", 25_000, "findings", make_json_findings),
    Shape("reject-list", "a vocabulary reject list, checking one story", 12_500, "entries", make_reject_list),
    Shape("reject-later", "a plain run on one story after a reject-list run (same pattern store)",
          12_500, "entries", make_reject_list, later_run=True),
]


@dataclass
class Run:
    wall: float
    rss_mb: float
    rc: int | None
    status: str  # "ok", "timeout", "killed (signal N)", "bad json"
    findings: int | None = None
    stderr: str = ""


@dataclass
class Result:
    shape: str
    sizes: list[int]
    base: Run | None = None
    runs: dict[int, Run] = field(default_factory=dict)


def _limit(mem_bytes: int) -> Callable[[], None]:
    """Its own session (a timeout kills the whole group) and an address-space limit."""
    def apply() -> None:
        os.setsid()
        if mem_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))

    return apply


def _child(argv: list[str]) -> int:
    """``scaling.py --child OUT ERR TIMEOUT MEM -- CMD...``: run CMD and print its wall time,
    peak memory and exit as one JSON line. A small process of its own, so CMD's ``ru_maxrss``
    is its own: a child forked from the big driver (which has read large JSON reports) would
    start with the driver's resident memory as its peak."""
    out_path, err_path, timeout, mem = argv[0], argv[1], float(argv[2]), int(argv[3])
    cmd = argv[5:]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, preexec_fn=_limit(mem))
        deadline = start + timeout
        timed_out = False
        while True:
            pid, wstatus, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, wstatus, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.01)
        wall = time.perf_counter() - start
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # nothing may outlive the measurement
    except (ProcessLookupError, PermissionError):
        pass
    print(json.dumps({"wall": wall, "maxrss_kb": usage.ru_maxrss, "rc": os.waitstatus_to_exitcode(wstatus),
                      "timeout": timed_out}))
    return 0


def run_once(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float, mem_bytes: int,
             check_json: bool) -> Run:
    out_path = cwd / "stdout.out"
    err_path = cwd / "stderr.out"
    helper = [sys.executable, str(Path(__file__).resolve()), "--child", str(out_path), str(err_path),
              str(timeout), str(mem_bytes), "--", *cmd]
    done = subprocess.run(helper, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout + 60)
    got = json.loads(done.stdout.strip().splitlines()[-1])
    wall, rc = got["wall"], got["rc"]
    status = "timeout" if got["timeout"] else "ok"
    stderr = err_path.read_text(encoding="utf-8", errors="replace")[-1000:]
    if status == "ok" and rc is not None and rc < 0:
        status = f"killed (signal {-rc})"
    elif status == "ok" and "MemoryError" in stderr:
        status = "out of memory"
    findings = None
    if status == "ok" and check_json:
        try:
            with open(out_path, encoding="utf-8") as fh:
                findings = len(json.load(fh))
        except (ValueError, OSError):
            status = "bad json"
    out_path.unlink(missing_ok=True)
    return Run(wall, got["maxrss_kb"] / 1024, rc, status, findings, stderr)


def _median_run(runs: list[Run]) -> Run:
    ok = [r for r in runs if r.status == "ok"]
    if not ok:
        return runs[0]
    ok.sort(key=lambda r: r.wall)
    return ok[len(ok) // 2]


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) against log(x)."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx if sxx else None


def measure_shape(shape: Shape, scale: float, factors: list[int], args: argparse.Namespace,
                  newslint: str) -> Result:
    sizes = [max(1, int(shape.base * scale * f)) for f in factors]
    result = Result(shape.name, sizes)
    store = WORK / "patterns"
    env = dict(os.environ, NEWSLINT_PATTERN_CACHE=str(store), NO_COLOR="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("COLUMNS", None)
    mem = int(args.mem_limit_gb * 2**30)

    def one(size: int) -> Run:
        folder = WORK / f"{shape.name}-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        extra = shape.make(folder, size)
        cmd = [newslint, "check", "--isolated", "--no-cache", "--output-format", shape.output_format, *extra]
        if "--config" in extra:
            cmd.remove("--isolated")
        runs = []
        for _ in range(args.runs):
            run_env = env
            if shape.later_run:
                # A store of this run's own, warmed by a plain run, then the reject-list run,
                # then the measured plain run.
                own = folder / "patterns"
                shutil.rmtree(own, ignore_errors=True)
                run_env = dict(env, NEWSLINT_PATTERN_CACHE=str(own))
                plain = [newslint, "check", "--isolated", "--no-cache", "--output-format", "json", "input.txt"]
                run_once(plain, folder, run_env, args.timeout, mem, False)
                first = run_once(cmd, folder, run_env, args.timeout, mem, False)
                if first.status != "ok":
                    runs.append(first)
                    continue
                runs.append(run_once(plain, folder, run_env, args.timeout, mem, True))
            else:
                runs.append(run_once(cmd, folder, run_env, args.timeout, mem, shape.output_format == "json"))
            if runs[-1].status != "ok":
                break  # a timeout or a crash is not worth repeating
        shutil.rmtree(folder, ignore_errors=True)
        return _median_run(runs)

    result.base = one(0)
    for size in sizes:
        run = one(size)
        result.runs[size] = run
        print(f"  {shape.name} {size:,} {shape.unit}: {run.wall:.2f} s, {run.rss_mb:.0f} MB, {run.status}"
              f"{'' if run.findings is None else f', {run.findings:,} findings'}", file=sys.stderr, flush=True)
        if run.status != "ok" and not args.keep_going:
            break  # bigger sizes would only fail the same way, slower
    return result


MIN_NET_SECONDS = 0.3  # a size is fitted only when it took this much longer than start-up
MIN_NET_MB = 5.0  # ... and its memory, this much more than start-up's


def _fmt_slope(s: float | None, partial: bool, flat: str) -> str:
    if s is None:
        return "–" if partial else flat
    return f"{'≥ ' if partial else ''}{s:.2f}"


def report(results: list[Result], shapes: dict[str, Shape], factors: list[int]) -> str:
    head = ["shape", "unit", *[f"{f}×" for f in factors], "slope (time)", "slope (memory)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for res in results:
        shape = shapes[res.shape]
        base = res.base
        cells = []
        t_pts: list[tuple[float, float]] = []
        m_pts: list[tuple[float, float]] = []
        partial = False
        for size in res.sizes:
            run = res.runs.get(size)
            if run is None:
                cells.append("not run")
                partial = True
                continue
            if run.status != "ok":
                cells.append(f"{size:,}: {run.status} after {run.wall:.0f} s")
                partial = True
                continue
            net_t = run.wall - (base.wall if base and base.status == "ok" else 0.0)
            net_m = run.rss_mb - (base.rss_mb if base and base.status == "ok" else 0.0)
            if net_t >= MIN_NET_SECONDS:
                t_pts.append((size, net_t))
            if net_m >= MIN_NET_MB:
                m_pts.append((size, net_m))
            found = "" if run.findings is None else f", {run.findings:,} found"
            cells.append(f"{size:,}: {run.wall:.2f} s, {run.rss_mb:.0f} MB{found}")
        lines.append("| " + " | ".join([res.shape, shape.unit, *cells,
                                         _fmt_slope(slope(t_pts), partial, f"flat (< {MIN_NET_SECONDS:g} s)"),
                                         _fmt_slope(slope(m_pts), partial, f"flat (< {MIN_NET_MB:g} MB)")]) + " |")
    bases = ", ".join(f"{r.shape} {r.base.wall:.2f} s / {r.base.rss_mb:.0f} MB" for r in results if r.base)
    lines.append("")
    lines.append(f"Start-up (the empty input of each shape, taken off before the slopes): {bases}. A slope is "
                 f"fitted over the sizes that took at least {MIN_NET_SECONDS:g} s (or {MIN_NET_MB:g} MB) more "
                 "than start-up; \"flat\": fewer than two did (the cost did not rise above start-up).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return _child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated shape names (default: all)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size (default 1)")
    parser.add_argument("--factors", default="1,2,4,8", help="the size multiples (default 1,2,4,8)")
    parser.add_argument("--runs", type=int, default=1, help="runs per size; the median is kept (default 1)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is stopped (default 120)")
    parser.add_argument("--mem-limit-gb", type=float, default=4.0,
                        help="address-space limit per run, GiB (default 4; 0: none)")
    parser.add_argument("--keep-going", action="store_true", help="run bigger sizes after a failed one")
    beside = shutil.which("newslint", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    parser.add_argument("--newslint", default=beside or "newslint",
                        help="the newslint command (default: the one beside this Python, else on PATH)")
    parser.add_argument("--list", action="store_true", help="list the shapes and exit")
    parser.add_argument("--report", metavar="JSON", help="print the table of an earlier run's results.json")
    args = parser.parse_args(argv)
    shapes = {s.name: s for s in SHAPES}
    if args.report:
        raw = json.loads(Path(args.report).read_text(encoding="utf-8"))
        factors = [int(f) for f in args.factors.split(",")]
        loaded = [Result(r["shape"], r["sizes"], Run(**r["base"]) if r["base"] else None,
                         {int(k): Run(**v) for k, v in r["runs"].items()}) for r in raw]
        print(report(loaded, shapes, factors))
        return 0
    if args.list:
        for s in SHAPES:
            print(f"{s.name:14} {s.base:>10,} {s.unit:9} {s.what}")
        return 0
    names = [n.strip() for n in args.only.split(",")] if args.only else list(shapes)
    unknown = [n for n in names if n not in shapes]
    if unknown:
        parser.error(f"unknown shape(s): {', '.join(unknown)} (see --list)")
    factors = [int(f) for f in args.factors.split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    # Warm the shared pattern store once, so no measurement pays for compiling.
    warm = WORK / "warm"
    warm.mkdir(exist_ok=True)
    shutil.copy(STORY, warm / "story.txt")
    run_once([args.newslint, "check", "--isolated", "--no-cache", "story.txt"], warm,
             dict(os.environ, NEWSLINT_PATTERN_CACHE=str(WORK / "patterns")), args.timeout, 0, False)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load = os.getloadavg()
    results = []
    for name in names:
        print(f"{name}:", file=sys.stderr, flush=True)
        results.append(measure_shape(shapes[name], args.scale, factors, args, args.newslint))
    text = (f"Scaling run {started}, scale {args.scale}, load average at start "
            f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, timeout {args.timeout:.0f} s, memory limit "
            f"{args.mem_limit_gb:g} GiB\n\n" + report(results, shapes, factors))
    print(text)
    (WORK / "results.md").write_text(text + "\n", encoding="utf-8")
    raw = [{"shape": r.shape, "sizes": r.sizes, "base": r.base.__dict__ if r.base else None,
            "runs": {str(k): v.__dict__ for k, v in r.runs.items()}} for r in results]
    (WORK / "results.json").write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
