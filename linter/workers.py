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


#: Seconds between checks that every worker is still alive when none has said anything (a
#: worker whose exit is hidden: a process it started still holds its sentinel open).
IDLE_CHECK = 1.0


class _Waiter:
    """Which workers have something to read (an answer, or the end of their process).

    One ``select.poll`` object, kept for the pool's life: ``multiprocessing.connection.wait``
    builds a selector and registers every pipe at each call, and the parent waits once or
    twice per file (thousands of times on an archive, on a core the workers need). Where
    ``poll`` is missing (Windows), ``wait`` is used as before."""

    def __init__(self) -> None:
        import select

        self._select = select
        self._poll = select.poll() if hasattr(select, "poll") else None
        self._readable = getattr(select, "POLLIN", 1) | getattr(select, "POLLPRI", 2)  # hang-ups always count
        self._by_fd: dict[int, _Worker[Any]] = {}
        self._all: list[_Worker[Any]] = []
        self._pipes: dict[int, Any] = {}  # id(worker) -> a poll object for its pipe alone

    def add(self, w: _Worker[Any]) -> None:
        self._all.append(w)
        if self._poll is not None:
            for fd in (w.conn.fileno(), w.process.sentinel):
                self._by_fd[fd] = w
                self._poll.register(fd, self._readable)  # not POLLOUT: a pipe is always writable
            pipe = self._pipes[id(w)] = self._select.poll()
            pipe.register(w.conn.fileno(), self._readable)

    def remove(self, w: _Worker[Any]) -> None:
        self._all.remove(w)
        self._pipes.pop(id(w), None)
        if self._poll is not None:
            for fd, who in list(self._by_fd.items()):
                if who is w:
                    del self._by_fd[fd]
                    self._poll.unregister(fd)

    def readable(self, w: _Worker[Any]) -> bool:
        """Whether ``w``'s pipe has an answer (or its end) to read now. ``Connection.poll``
        builds a selector at each call; this is one system call."""
        pipe = self._pipes.get(id(w))
        return bool(pipe.poll(0)) if pipe is not None else w.conn.poll()

    def wait(self) -> list[tuple[_Worker[Any], bool]]:
        """The workers with an answer to read or a process that ended, in start order, each
        with whether its process ended (its sentinel). After IDLE_CHECK seconds of silence,
        every worker, each asked whether it lives."""
        if self._poll is None:
            ready = set(wait([w.conn for w in self._all] + [w.process.sentinel for w in self._all], IDLE_CHECK))
            hit = {id(w): w.process.sentinel in ready for w in self._all if w.conn in ready or w.process.sentinel in ready}
        else:
            hit = {}
            for fd, _ in self._poll.poll(IDLE_CHECK * 1000):
                w = self._by_fd.get(fd)
                if w is not None:
                    hit[id(w)] = hit.get(id(w), False) or fd == w.process.sentinel
        if not hit:
            return [(w, not w.process.is_alive()) for w in self._all]
        return [(w, hit[id(w)]) for w in self._all if id(w) in hit]


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
    waiter = _Waiter()

    def start() -> None:
        here, there = ctx.Pipe(duplex=True)
        p = ctx.Process(target=_worker_main, args=(there, parent, func, initializer, initargs), daemon=True)
        p.start()
        there.close()
        workers.append(_Worker(p, here))
        waiter.add(workers[-1])

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
            # Only the workers with something to say are looked at (answers, or their end):
            # asking every worker's process at every wake-up cost a system call each.
            for w, dead in waiter.wait():
                # Drain first: a worker may answer and then die after wait() returned;
                # what it answered is not what killed it.
                while True:
                    try:
                        if not waiter.readable(w):
                            break
                        index, ok, value = w.conn.recv()
                    except (EOFError, OSError):
                        dead = dead or not w.process.is_alive()  # its pipe closed: it is ending
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
                    waiter.remove(w)
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
