"""Torture: ``newslint check --fix --jobs 2`` killed at random moments (issue 19 "Done when").

A few hundred small stories; each round puts the originals back, starts the installed command
and kills it (SIGKILL, SIGTERM or SIGINT, in turn) after a random delay. After every kill each
story is either exactly the original or exactly the fully fixed version - never a mix, never
cut short - the workers have ended with their parent, and the next complete run leaves no
temporary file behind. NEWSLINT_TORTURE_SEED repeats a failing sequence.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time

import conftest
import pytest

N_FILES = 300
ROUNDS = 9
SIGNALS = (signal.SIGKILL, signal.SIGTERM, signal.SIGINT)


def _story(i: int) -> str:
    # Fixable several ways (doubled marks, a repeated word, doubled spaces), in two passes for
    # some: the fixed version is what a complete run writes.
    return (f"Story {i}: the mayor said.. that the the vote,, on Tuesday was close.\n"
            f"A second  line with  spaces{'!!' if i % 3 == 0 else '.'}\n" + "Filler copy for the story. " * (i % 7) + "\n")


def _run(folder, cwd):
    return [conftest.NEWSLINT, "check", "--fix", "--no-cache", "--jobs", "2", "--output-format", "concise", folder]


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc to follow the workers")
def test_kill_fix_at_random_moments_never_leaves_a_mixed_file(tmp_path):
    seed = int(os.environ.get("NEWSLINT_TORTURE_SEED") or time.time_ns() % 1_000_000)
    rng = random.Random(seed)
    originals = {f"story{i:03d}.txt": _story(i).encode("utf-8") for i in range(N_FILES)}

    # The fully fixed version of each story: what one complete run writes.
    reference = tmp_path / "reference"
    reference.mkdir()
    for name, data in originals.items():
        (reference / name).write_bytes(data)
    start = time.monotonic()
    done = subprocess.run(_run("reference", tmp_path), cwd=tmp_path, capture_output=True, timeout=300)
    full_run = time.monotonic() - start
    assert "Traceback" not in done.stderr.decode(), done.stderr
    fixed = {name: (reference / name).read_bytes() for name in originals}
    assert sum(fixed[n] != originals[n] for n in originals) == N_FILES

    stories = tmp_path / "stories"
    kills = []
    for round_ in range(ROUNDS):
        shutil.rmtree(stories, ignore_errors=True)
        stories.mkdir()
        for name, data in originals.items():
            (stories / name).write_bytes(data)
        sig = SIGNALS[round_ % len(SIGNALS)]
        delay = rng.uniform(0.3, 1.05) * full_run  # start-up (loading the rules) takes a share
        proc = subprocess.Popen(_run("stories", tmp_path), cwd=tmp_path, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        time.sleep(delay)
        workers = conftest.children(proc.pid)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        kills.append((sig.name, round(delay, 2), proc.returncode, len(workers)))
        where = f"seed {seed}, round {round_}, {sig.name} after {delay:.2f} s"
        assert b"Traceback" not in err, (where, err)
        # The workers end with the parent (SIGKILL included: the kernel ends them).
        assert conftest.wait_for(lambda: not any(conftest.running(w) for w in workers), limit=30, poll=0.02), f"workers outlived {where}"
        states = {"original": 0, "fixed": 0}
        for name in originals:
            now = (stories / name).read_bytes()
            if now == originals[name]:
                states["original"] += 1
            elif now == fixed[name]:
                states["fixed"] += 1
            else:
                pytest.fail(f"{name} is neither the original nor the fixed story ({where}): {now!r}")
        kills[-1] += (states["fixed"],)

    print(f"seed {seed}: (signal, delay, exit code, workers, files fixed) per round: {kills}")
    # A complete run after the last kill fixes everything and leaves no temporary file.
    final = subprocess.run(_run("stories", tmp_path), cwd=tmp_path, capture_output=True, timeout=300)
    assert final.returncode in (0, 1), final.stderr
    assert {name: (stories / name).read_bytes() for name in originals} == fixed
    assert sorted(os.listdir(stories)) == sorted(originals), f"left behind (seed {seed}): {kills}"
