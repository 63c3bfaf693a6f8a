"""A rule pack cannot silence, stop or stall a run; a dead worker costs one file (issues 15, 19).

Through the installed command: rules that call ``sys.exit(0)``, raise ``KeyboardInterrupt``,
call ``os._exit``, never return, or yield the wrong types each become that rule's internal
error while every other rule and file still reports (exit 2), with ``--jobs 1`` and ``--jobs 2``.
A ``--jobs`` worker killed outright (SIGKILL, a segfault) costs only the file it held, and the
workers end with their parent.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import textwrap
import time

import conftest
import pytest

HOSTILE = textwrap.dedent(
    '''
    """Rules that try to end, stop or stall the run, or yield what no rule may."""
    import os
    import sys

    from newslint import Finding, Rule, Severity, Span, hookimpl

    def exits(doc):
        """## What it does
        Calls sys.exit(0): once, a silent green CI."""
        sys.exit(0)

    def interrupts(doc):
        """## What it does
        Raises KeyboardInterrupt itself."""
        raise KeyboardInterrupt

    def ends_process(doc):
        """## What it does
        Calls os._exit."""
        os._exit(0)

    def never_returns(doc):
        """## What it does
        Loops forever, and swallows what it can."""
        while True:
            try:
                while True:
                    pass
            except Exception:
                pass

    def wrong_type(doc):
        """## What it does
        Yields a number where the message belongs."""
        yield Finding(Span(0, 1), 42)

    def not_a_finding(doc):
        """## What it does
        Yields a string."""
        yield "oops"

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("HOS001", "exits", Severity.WARNING, exits))
        register(Rule("HOS002", "interrupts", Severity.WARNING, interrupts))
        register(Rule("HOS003", "ends-process", Severity.WARNING, ends_process))
        register(Rule("HOS004", "never-returns", Severity.WARNING, never_returns))
        register(Rule("HOS005", "wrong-type", Severity.WARNING, wrong_type))
        register(Rule("HOS006", "not-a-finding", Severity.WARNING, not_a_finding))
    '''
)

EXPECTED = {
    "HOS001": "SystemExit(0) raised",
    "HOS002": "KeyboardInterrupt raised by the rule",
    "HOS003": "os._exit(0) called",
    "HOS004": "ran longer than 1 s",
    "HOS005": "message must be a string",
    "HOS006": "must yield Finding objects",
}


def _env(tmp_path, source, name="hostile_pack"):
    return conftest.install_pack(tmp_path, source, name=name, entry="hostile", version="0.1")


def _stories(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"story{i:02d}.txt"
        p.write_text(f"Story {i}: the mayor said.. that the the vote was close.\n", encoding="utf-8")
        paths.append(p)
    return paths


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_hostile_rules_become_their_own_errors(newslint, tmp_path, jobs):
    env = _env(tmp_path, HOSTILE)
    stories = tmp_path / "stories"
    paths = _stories(stories, 3)
    (tmp_path / "newslint.toml").write_text("rule-timeout = 1\n")
    baseline = newslint("check", "--no-cache", "--output-format", "json", "--jobs", jobs, "stories", cwd=tmp_path)
    assert baseline.returncode == 1, baseline.stderr
    proc = newslint("check", "--no-cache", "--output-format", "json", "--jobs", jobs, "--extend-select", "HOS",
                    "stories", cwd=tmp_path, env=env)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert json.loads(proc.stdout) == json.loads(baseline.stdout)  # every built-in finding, every file
    for p in paths:
        rel = os.path.join("stories", p.name)
        for code, what in EXPECTED.items():
            lines = [ln for ln in proc.stderr.splitlines() if ln.startswith(f"newslint: error: {rel}: internal error in rule {code} ")]
            assert len(lines) == 1 and what in lines[0], (code, proc.stderr)
    assert proc.returncode == 2


def test_rule_timeout_is_a_number_of_seconds(newslint, tmp_path):
    _stories(tmp_path / "stories", 1)
    for good in ("2.5", "0"):
        (tmp_path / "newslint.toml").write_text(f"rule-timeout = {good}\n")
        assert newslint("check", "--no-cache", "stories", cwd=tmp_path).returncode == 1
    for bad in ('"soon"', "-1", "true"):
        (tmp_path / "newslint.toml").write_text(f"rule-timeout = {bad}\n")
        proc = newslint("check", "--no-cache", "stories", cwd=tmp_path)
        assert proc.returncode == 2
        assert "`rule-timeout` must be a number of seconds" in proc.stderr and "Traceback" not in proc.stderr


SLEEPER = textwrap.dedent(
    '''
    """A rule that raises KeyboardInterrupt itself, then one that waits (and says it started)."""
    import os
    import time

    from newslint import Rule, Severity, hookimpl

    def interrupts(doc):
        """## What it does
        Raises KeyboardInterrupt itself."""
        raise KeyboardInterrupt

    def waits(doc):
        """## What it does
        Waits a long time."""
        open(os.environ["SLEEPER_MARK"], "w").close()
        time.sleep(300)
        return ()

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("SLP001", "interrupts", Severity.WARNING, interrupts))
        register(Rule("SLP002", "waits", Severity.WARNING, waits))
    '''
)


def test_a_real_ctrl_c_still_stops_the_run(tmp_path):
    mark = tmp_path / "started"
    env = {**os.environ, **_env(tmp_path, SLEEPER, name="sleeper_pack"), "SLEEPER_MARK": str(mark)}
    story = _stories(tmp_path / "stories", 1)[0]
    # The child starts with Ctrl-C as a shell gives it (default action, not blocked): in the
    # whole suite a library loaded earlier can leave SIGINT ignored or blocked at the C level
    # in this process, which a child inherits, and the Ctrl-C below would then be lost.
    def as_from_a_shell():
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, [])

    proc = subprocess.Popen([conftest.NEWSLINT, "check", "--no-cache", "--select", "SLP", story], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=as_from_a_shell)
    try:
        # The rule's own KeyboardInterrupt did not end the run: the next rule started.
        assert conftest.wait_for(mark.exists), proc.communicate(timeout=60)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err


KILLER = textwrap.dedent(
    '''
    """A rule that takes its whole process down on one story."""
    import ctypes
    import os
    import signal

    from newslint import Rule, Severity, hookimpl

    def killer(doc):
        """## What it does
        Kills the process checking a story that says KILLME or SEGFAULT."""
        if "KILLME" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "SEGFAULT" in doc.text:
            ctypes.string_at(0)
        return ()

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("KIL001", "killer", Severity.WARNING, killer))
    '''
)


@pytest.mark.parametrize("word, how", [("KILLME", "SIGKILL"), ("SEGFAULT", "SIGSEGV")])
def test_a_dead_worker_costs_only_its_file(newslint, tmp_path, word, how):
    env = _env(tmp_path, KILLER, name="killer_pack")
    stories = tmp_path / "stories"
    _stories(stories, 24)
    expected = newslint("check", "--no-cache", "--output-format", "json", "--jobs", "1", "stories", cwd=tmp_path)
    (stories / "story07.txt").write_text(f"Story 7 says {word}.\n")
    expected_rows = [f for f in json.loads(expected.stdout) if not f["filename"].endswith("story07.txt")]
    try:
        proc = newslint("check", "--no-cache", "--output-format", "json", "--jobs", "2", "--extend-select",
                        "KIL001", "stories", cwd=tmp_path, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail("the run hung after a worker died")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert json.loads(proc.stdout) == expected_rows  # every other file is checked
    victim = os.path.join("stories", "story07.txt")
    assert f"{victim}: not checked: the worker was killed ({how}) while checking this file" in proc.stderr
    assert proc.stderr.count("not checked") == 1
    assert proc.returncode == 2


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc to find the workers")
def test_workers_end_with_their_parent(tmp_path):
    mark = tmp_path / "started"
    env = {**os.environ, **_env(tmp_path, SLEEPER, name="sleeper_pack"), "SLEEPER_MARK": str(mark)}
    (tmp_path / "newslint.toml").write_text("rule-timeout = 0\n")
    _stories(tmp_path / "stories", 20)
    proc = subprocess.Popen([conftest.NEWSLINT, "check", "--no-cache", "--jobs", "2", "--select", "SLP002", "stories"],
                            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = []
    try:
        assert conftest.wait_for(lambda: mark.exists() and len(conftest.children(proc.pid)) >= 2)
        workers = conftest.children(proc.pid)
        proc.kill()
        proc.wait(timeout=60)
        assert conftest.wait_for(lambda: not any(conftest.running(w) for w in workers), limit=30), "workers outlived their parent"
    finally:
        proc.kill()
        for w in workers:
            try:
                os.kill(w, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _answer_or_die(x):
    if x == 13:
        os.kill(os.getpid(), signal.SIGKILL)
    if x % 3 == 0:
        time.sleep(0.001)  # workers finish out of step, so answers and deaths interleave
    return x * 2


def test_the_pool_blames_exactly_the_item_its_worker_died_on():
    from newslint.workers import WorkerDied, imap_unordered

    for _ in range(10):
        results = {}
        for item, result in imap_unordered(_answer_or_die, list(range(40)), processes=2, batch=2):
            results[item] = result
            time.sleep(0.005)  # a caller that takes its time (a progress bar, the cache)
        assert sorted(results) == list(range(40))
        assert isinstance(results.pop(13), WorkerDied)
        assert results == {x: x * 2 for x in results}  # answered before the death: not blamed



def _die_behind_a_child(x):
    if x == 0:
        if os.fork() == 0:  # the child holds the worker's pipe and sentinel open
            time.sleep(20)
            os._exit(0)
        os._exit(3)
    return x * 2


def test_the_pool_notices_a_worker_whose_end_its_child_hides():
    """A rule that starts a process and then ends its worker: neither the worker's pipe nor
    its sentinel closes while the child lives, so only asking the process tells. The pool
    asks when nothing has been heard for a second, not at every answer."""
    import threading

    from newslint.workers import WorkerDied, imap_unordered

    results = {}

    def run():
        for item, result in imap_unordered(_die_behind_a_child, [0, 1, 2, 3], processes=1, batch=1):
            results[item] = result

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(15)  # the child lives 20 s: waiting for it would miss this
    assert not t.is_alive(), "the pool waited for the dead worker's child"
    assert isinstance(results.pop(0), WorkerDied)
    assert results == {1: 2, 2: 4, 3: 6}

SLOW = textwrap.dedent(
    '''
    """A rule that takes 1.5 s on any document."""
    import time

    from newslint import Rule, Severity, hookimpl

    def slow(doc):
        """## What it does
        Takes its time."""
        time.sleep(1.5)
        return ()

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("SLW001", "slow", Severity.WARNING, slow))
    '''
)


def test_rule_timeout_grows_with_the_size_of_the_document(newslint, tmp_path):
    env = _env(tmp_path, SLOW, name="slow_pack")
    (tmp_path / "newslint.toml").write_text("rule-timeout = 1\n")
    (tmp_path / "short.txt").write_text("A short story.\n")
    (tmp_path / "archive.txt").write_text("A long archive of copy.\n" * 110_000)  # 2.6 million characters
    proc = newslint("check", "--no-cache", "--select", "SLW001", "short.txt", "archive.txt", cwd=tmp_path, env=env)
    assert "short.txt: internal error in rule SLW001 (slow) from plugin 'hostile': stopped: ran longer than 1 s" in proc.stderr
    assert "archive.txt" not in proc.stderr  # 2.6 times the limit for 2.6 million characters
    assert proc.returncode == 2
