"""lint_text keeps its engine between calls: built once, rebuilt for a different config.

A batch job or an editor calls ``lint_text`` once per story; building the engine (plugins,
rules resolved against the config) on every call cost more than checking a short story.
"""

from __future__ import annotations

import os
import threading
import time

import newslint.runner as runner
from newslint import Config, lint_text
from newslint.sandbox import Guard, RuleTimeout

STORY = "The council will vote on the the budget on Tuesday, the mayor said."
CLEAN = "The council will vote on the budget on Tuesday, the mayor said."


def codes(text, **kw):
    return [d.code for d in lint_text(text, **kw)]


def test_the_engine_is_built_once_for_many_stories(monkeypatch):
    built = []
    real = runner.load_engine

    def counting(*args, **kwargs):
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(runner, "load_engine", counting)
    monkeypatch.setattr(runner, "_engine_state", [None, None, -1e9])
    monkeypatch.setattr(runner, "_cached", [])
    for _ in range(3):
        assert codes(STORY, select=["DUP001"]) == ["DUP001"]
        assert codes(CLEAN, select=["DUP001"]) == []
        assert codes(STORY) == codes(STORY)
    assert len(built) == 1


def test_a_different_config_select_or_ignore_is_a_different_engine():
    assert codes(STORY, select=["DUP001"]) == ["DUP001"]
    allow = Config(rule_options={"repeated-word": {"allow": ["the"]}})
    assert codes(STORY, select=["DUP001"], config=allow) == []
    assert codes(STORY, select=["DUP001"], ignore=["DUP001"]) == []
    assert codes(STORY, select=["SPL001"]) == []
    assert codes(STORY, select=["DUP001"], config=Config()) == ["DUP001"]
    # An equal config built afresh finds the same.
    assert codes(STORY, select=["DUP001"], config=Config(rule_options={"repeated-word": {"allow": ["the"]}})) == []


def test_a_config_table_changed_in_place_is_seen():
    options = {"allow": ["the"]}
    config = Config(rule_options={"repeated-word": options})
    assert codes(STORY, select=["DUP001"], config=config) == []
    options["allow"] = []  # Config is frozen, its tables are not
    assert codes(STORY, select=["DUP001"], config=config) == ["DUP001"]


def test_the_cache_stays_small():
    for n in range(2 * runner.LINTER_CACHE_SIZE):
        lint_text(STORY, config=Config(rule_options={"repeated-word": {"allow": [f"word{n}"]}}))
    assert len(runner._cached) <= runner.LINTER_CACHE_SIZE


def test_threads_share_the_engine_and_find_what_one_thread_finds():
    stories = [STORY, CLEAN, "Officals said the the road will reopen on Munday.", "The mayor said.."] * 6
    expected = [[(d.code, d.location) for d in lint_text(s)] for s in stories]
    got: list = [None] * len(stories)
    errors = []

    def work(i):
        try:
            got[i] = [(d.code, d.location) for d in lint_text(stories[i])]
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(stories))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert got == expected
    assert getattr(os._exit, "__module__", "") != "newslint.sandbox"  # the real one is back


def test_overlapping_guards_put_the_real_os_exit_back():
    # Two threads checking at once: one guard enters, the other enters, the first leaves,
    # then the second. The real os._exit must be back at the end, not the guard's stand-in.
    real = os._exit
    try:
        first, second = Guard(None), Guard(None)
        first.__enter__()
        second.__enter__()
        assert os._exit is not real  # a rule cannot end the process while either runs
        first.__exit__(None, None, None)
        assert os._exit is not real  # the second is still checking
        second.__exit__(None, None, None)
        assert os._exit is real
    finally:
        os._exit = real


def _busy(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_each_rule_gets_its_whole_time_under_one_timer():
    # The timer is set once per document; a rule that starts late must still get its whole
    # rule-timeout, and one that runs past it is stopped, and again if it swallows that.
    stopped = []
    with Guard(0.6) as guard:
        for run in (0.4, 0.4, 0.4):  # 1.2 s in all: none of them over 0.6 s
            guard.arm()
            try:
                _busy(run)
            except RuleTimeout:
                stopped.append(run)
            finally:
                guard.disarm()
        assert stopped == []
        guard.arm()
        caught = 0
        try:
            for _ in range(2):
                try:
                    _busy(5)
                except RuleTimeout:
                    caught += 1  # the rule swallows the first interruption ...
            _busy(5)
        except RuleTimeout:
            caught += 1  # ... and is stopped again a second later
        finally:
            guard.disarm()
        assert caught == 3
