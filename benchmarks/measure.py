"""Run one command and report its wall time and peak memory as one JSON line on stdout.

    python measure.py TIMEOUT CWD -- COMMAND ARGS...

Runs in a fresh process for every measurement, so ``getrusage(RUSAGE_CHILDREN).ru_maxrss``
is that command's own peak (the largest single process among it and the children it waited
for, such as ``--jobs`` workers). With psutil installed the whole process tree's resident
memory is also sampled every 20 ms and its peak sum reported (``tree_rss_kb``).
The command's output goes to /dev/null. Standard library only (psutil optional).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time


def _sample_tree(pid: int, peak: list[int], stop: threading.Event) -> None:
    try:
        import psutil
    except ImportError:
        return
    try:
        proc = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        total = 0
        try:
            for p in [proc, *proc.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            break
        peak[0] = max(peak[0], total // 1024)
        stop.wait(0.02)


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def main(argv: list[str]) -> int:
    timeout = float(argv[0])
    cwd = argv[1]
    assert argv[2] == "--"
    cmd = argv[3:]
    peak = [0]
    stop = threading.Event()
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        # Its own process group, so a timeout also stops the workers it started.
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=null, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        sampler = threading.Thread(target=_sample_tree, args=(proc.pid, peak, stop), daemon=True)
        sampler.start()
        timed_out = False
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill_group(proc.pid)
            _, err = proc.communicate()
        wall = time.perf_counter() - start
        _kill_group(proc.pid)  # nothing may outlive the measurement
        stop.set()
        sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = {
        "wall": wall,
        "maxrss_kb": usage.ru_maxrss,  # kilobytes on Linux
        "user": usage.ru_utime,
        "sys": usage.ru_stime,
        "rc": proc.returncode,
        "timeout": timed_out,
        "tree_rss_kb": peak[0] or None,
        "stderr_tail": err.decode("utf-8", "replace")[-2000:],
    }
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
