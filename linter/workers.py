"""A process pool that survives its workers: ``--jobs``.

``concurrent.futures.ProcessPoolExecutor`` cannot say which job a dead worker held, breaks
every pending job when one worker dies, and can hang in ``shutdown``. Here each worker has
its own pipe; the parent knows which items each worker holds, in order, so when a worker
dies (SIGKILL, the OOM killer, a segfault, a rule calling ``os._exit``) the item it was on
is reported as that item's error, the items queued behind it go to the other workers, and a
new worker takes its place. Workers end with their parent: on Linux the kernel kills them
when the parent dies (``PR_SET_PDEATHSIG``); elsewhere a thread watches the parent; and an
idle worker leaves when its pipe closes.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Items sent to a worker at a time; the parent keeps at most two batches queued per worker.
DEFAULT_BATCH = 8
#: Workers that may die while starting before the pool gives up on the items left.
START_FAILURES = 3


class WorkerDied(Exception):
    """The worker holding an item ended before returning its result."""

    def __init__(self, how: str) -> None:
        super().__init__(how)
        self.how = how


class ItemFailed(Exception):
    """The function raised in the worker (its exception could not be sent whole)."""


def _die_with_parent(parent: int) -> None:
    """Make this worker end when ``parent`` does (even by SIGKILL)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the thread below
            pass
        else:
            if os.getppid() != parent:  # the parent died before prctl took effect
                os._exit(1)
            return

    def watch() -> None:  # pragma: no cover - not Linux
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()


def _worker_main(conn: Connection, parent: int, func: Callable[[Any], Any],
                 initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent handles it and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)
    conn.send((-1, True, None))  # ready
    batches = 0
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if batch is None:
            return
        batches += 1
        if batches == 2:
            # The first batch loaded what the rules load on first use (dictionaries, models,
            # tables): kept to the end, so the collector need not walk it again and again.
            gc.freeze()
        for index, item in batch:
            try:
                msg: tuple[Any, ...] = (index, True, func(item))
            except Exception as exc:  # noqa: BLE001 - reported as this item's error
                msg = (index, False, f"{type(exc).__name__}: {exc}")
            try:
                conn.send(msg)
            except (EOFError, OSError, BrokenPipeError):
                return
            except Exception as exc:  # noqa: BLE001 - a result that cannot be pickled
                conn.send((index, False, f"result could not be sent: {type(exc).__name__}: {exc}"))


def _how(process: multiprocessing.process.BaseProcess) -> str:
    code = process.exitcode
    if code is None:
        return "the worker stopped answering"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the worker was killed ({name})"
    return f"the worker exited with status {code}"


class _Worker(Generic[T]):
    __slots__ = ("process", "conn", "held", "ready")

    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.held: deque[int] = deque()  # indexes sent and not yet answered, in order
        self.ready = False  # its initializer finished


def imap_unordered(func: Callable[[T], R], items: Sequence[T], *, processes: int,
                   initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
                   batch: int = DEFAULT_BATCH) -> Iterator[tuple[T, R | WorkerDied | ItemFailed]]:
    """Yield ``(item, func(item))`` for every item, in completion order, computed by
    ``processes`` worker processes; ``func`` and ``initializer`` must be module-level
    functions. For an item whose worker died, the result is a :class:`WorkerDied`; for one
    whose call raised, an :class:`ItemFailed`. Every item is yielded exactly once.

    Closing the generator early (an exception in the caller, SIGTERM, Ctrl-C) kills the
    workers and waits for them: nothing is left running. Workers that die before they are
    ready (:data:`START_FAILURES` times) fail the items left.
    """
    ctx = multiprocessing.get_context()
    parent = os.getpid()
    todo: deque[int] = deque(range(len(items)))
    done = 0
    workers: list[_Worker[T]] = []
    batch = max(1, batch)
    failed_starts = 0
    finished = False

    def start() -> None:
        here, there = ctx.Pipe(duplex=True)
        p = ctx.Process(target=_worker_main, args=(there, parent, func, initializer, initargs), daemon=True)
        p.start()
        there.close()
        workers.append(_Worker(p, here))

    def feed(w: _Worker[T]) -> None:
        while todo and len(w.held) < 2 * batch:
            # Smaller batches as the work runs out, so no worker is left with a full batch
            # while the others have nothing to do.
            size = max(1, min(batch, len(todo) // (2 * max(1, len(workers)))))
            chunk = [todo.popleft() for _ in range(size)]
            try:
                w.conn.send([(i, items[i]) for i in chunk])
            except (OSError, EOFError):
                todo.extendleft(reversed(chunk))  # it died: its sentinel says so next
                return
            w.held.extend(chunk)

    # Forked workers share the parent's memory page by page until either writes to a page;
    # the collector walking the parent's objects in a worker writes to every one of them.
    # Frozen, they are left alone (what the parent frees meanwhile is freed after the pool).
    frozen = ctx.get_start_method() == "fork" and not gc.get_freeze_count()
    if frozen:
        gc.freeze()
    try:
        for _ in range(min(processes, len(items))):
            start()
        for w in workers:
            feed(w)
        while done < len(items):
            ready = wait([w.conn for w in workers] + [w.process.sentinel for w in workers])
            for w in list(workers):
                dead = w.process.sentinel in ready or not w.process.is_alive()
                if dead or w.conn in ready:
                    # Drain first: a worker may answer and then die after wait() returned;
                    # what it answered is not what killed it.
                    while True:
                        try:
                            if not w.conn.poll():
                                break
                            index, ok, value = w.conn.recv()
                        except (EOFError, OSError):
                            break
                        if index < 0:
                            w.ready = True
                            continue
                        if index in w.held:
                            w.held.remove(index)
                        done += 1
                        yield items[index], (value if ok else ItemFailed(value))
                if dead:
                    w.process.join(1)
                    if w.process.is_alive():
                        continue  # the pipe closed first; the sentinel follows
                    workers.remove(w)
                    w.conn.close()
                    if not w.ready:
                        failed_starts += 1
                        todo.extendleft(reversed(w.held))
                        if failed_starts >= START_FAILURES and not workers:
                            how = f"no worker could start ({_how(w.process)})"
                            while todo:
                                done += 1
                                yield items[todo.popleft()], WorkerDied(how)
                    elif w.held:
                        culprit = w.held.popleft()
                        todo.extendleft(reversed(w.held))  # queued behind it: not its fault
                        done += 1
                        yield items[culprit], WorkerDied(_how(w.process))
                    if todo and (failed_starts < START_FAILURES or not workers):
                        start()
                else:
                    feed(w)
            for w in workers:
                feed(w)
        finished = True
    finally:
        if frozen:
            gc.unfreeze()
        _stop(workers, politely=finished)


def _stop(workers: list[Any], *, politely: bool) -> None:
    """End every worker: idle ones (all work done) are asked to leave; otherwise, or if one
    does not go, they are killed (a kill mid-fix leaves the old file or the new one)."""
    if politely:
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, EOFError, ValueError):
                pass
        deadline = time.monotonic() + 2.0
        for w in workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
    for w in workers:
        if w.process.is_alive():
            w.process.kill()
    for w in workers:
        w.process.join(5)
        try:
            w.conn.close()
        except OSError:
            pass
