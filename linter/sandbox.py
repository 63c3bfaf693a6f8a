"""Running a rule so that it cannot stop, silence or stall the run.

A rule is third-party code called once per document. Whatever it does, the run goes on and
reports it as that rule's internal error:

- raising anything, ``sys.exit()`` (``SystemExit``) and ``KeyboardInterrupt`` included;
- calling ``os._exit()``: while a rule runs, ``os._exit`` raises instead of ending the process;
- never returning: in the main thread of each process a timer (``SIGALRM``) interrupts the rule
  once it has run ``rule-timeout`` seconds on one document, and again every second after that,
  so a rule that swallows the first interruption is stopped by the next one.

A real Ctrl-C (SIGINT) still stops the run: while rules run, its handler raises
:class:`Interrupted`, which the guard lets through. Code running in C without returning to
Python (a catastrophic regular expression inside the ``regex`` module, say) cannot be
interrupted this way; under ``--jobs`` a worker that dies is reported by the pool instead.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from types import FrameType
from typing import Any

try:
    # The C functions behind ``signal``'s: its wrappers turn each handler they return into an
    # enum member, by trying and failing for a Python function (an exception per call), which
    # made a third of this guard's cost, itself ~5% of checking a short story.
    import _signal as _sig
except ImportError:  # pragma: no cover - a Python without the C module
    _sig = signal  # type: ignore[assignment]

#: Seconds one rule may spend on one document before it is stopped (``rule-timeout``); the
#: runner multiplies it by the document's size in millions of characters when that is over 1.
DEFAULT_RULE_TIMEOUT = 60.0


class RuleAbort(BaseException):
    """Raised into a rule by the guard (a ``BaseException``: ``except Exception`` in a rule
    does not swallow it)."""


class RuleTimeout(RuleAbort):
    """The rule ran past its time limit."""


class RuleExit(RuleAbort):
    """The rule called ``os._exit``."""


class Interrupted(KeyboardInterrupt):
    """A real SIGINT (Ctrl-C) received while rules ran: it ends the run, unlike a
    ``KeyboardInterrupt`` a rule raises itself."""


class Terminated(SystemExit):
    """SIGTERM received: ends the run (raised by :func:`newslint.check._run`'s handler)."""


_exit_lock = threading.Lock()
_guards = 0  # guards entered and not yet left, in every thread
_real_exit: Any = os._exit


def _refuse_exit(code: int = 0, *args: Any) -> None:
    raise RuleExit(f"os._exit({code}) called")


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    raise Interrupted()


class Guard:
    """Arms the protections around rule calls for one document.

    ``with Guard(limit) as g:`` then ``g.arm()`` / ``g.disarm()`` around each rule call. Outside
    the main thread (or without ``SIGALRM``) there is no timer; everything else still holds.
    """

    __slots__ = ("limit", "timer", "_alarm", "_int", "_armed", "_started", "_late")

    def __init__(self, limit: float | None) -> None:
        self.limit = limit if limit and limit > 0 else None
        self.timer = (
            self.limit is not None
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        self._alarm: Any = None
        self._int: Any = None
        self._armed = False
        self._started = 0.0  # when the rule now running started (time.monotonic)
        self._late = False  # the rule now running was already interrupted once

    def __enter__(self) -> Guard:
        global _guards, _real_exit
        # Threads checking documents at once (a batch job sharing lint_text's engine) share
        # os: the first guard in swaps os._exit, the last one out puts the real one back.
        with _exit_lock:
            if _guards == 0:
                _real_exit = os._exit
                os._exit = _refuse_exit  # type: ignore[assignment]
            _guards += 1
        if threading.current_thread() is threading.main_thread():
            try:
                if _sig.getsignal(signal.SIGINT) is signal.default_int_handler:
                    self._int = _sig.signal(signal.SIGINT, _on_sigint)
                if self.timer:
                    self._alarm = _sig.signal(signal.SIGALRM, self._on_alarm)
                    # One timer for the whole document, set once: arming a rule only notes
                    # the time (a system call per rule per document cost more than most
                    # rules on a short story). When it rings, the handler looks at how long
                    # the running rule has run and sets the timer for the rest of its time.
                    signal.setitimer(signal.ITIMER_REAL, self.limit)
            except (ValueError, OSError):  # pragma: no cover - signals unavailable here
                self.timer = False
        return self

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        assert self.limit is not None
        if not self._armed:  # between rules: the next rule gets its whole time
            signal.setitimer(signal.ITIMER_REAL, self.limit)
            return
        left = self.limit - (time.monotonic() - self._started)
        if left > 0.001 and not self._late:
            signal.setitimer(signal.ITIMER_REAL, left)  # an earlier rule's time ran out, not this one's
            return
        self._late = True
        signal.setitimer(signal.ITIMER_REAL, 1.0)  # and again every second if it swallows this
        raise RuleTimeout(f"ran longer than {round(self.limit, 1):g} s on this document (rule-timeout)")

    def arm(self) -> None:
        self._started = time.monotonic()
        self._late = False
        self._armed = True

    def disarm(self) -> None:
        self._armed = False

    def __exit__(self, *exc: object) -> None:
        global _guards
        self._armed = False
        if self.timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
        with _exit_lock:
            _guards -= 1
            if _guards == 0:
                os._exit = _real_exit  # type: ignore[assignment]
        if self._alarm is not None:
            _sig.signal(signal.SIGALRM, self._alarm)
        if self._int is not None:
            _sig.signal(signal.SIGINT, self._int)


def describe(exc: BaseException) -> str:
    """What a rule did, for its internal-error line."""
    if isinstance(exc, RuleTimeout):
        return f"stopped: {exc}"
    if isinstance(exc, RuleExit):
        return f"{exc} (a rule must not end the process)"
    if isinstance(exc, SystemExit):
        return f"SystemExit({exc.code!r}) raised (a rule must not end the process)"
    if isinstance(exc, KeyboardInterrupt):
        return "KeyboardInterrupt raised by the rule"
    return f"{type(exc).__name__}: {exc}"


def fatal(exc: BaseException) -> bool:
    """Whether ``exc`` must end the run rather than be one rule's error: a real Ctrl-C, or
    the SIGTERM handler's ``SystemExit`` (see :func:`newslint.check._run`)."""
    return isinstance(exc, (Interrupted, Terminated))
