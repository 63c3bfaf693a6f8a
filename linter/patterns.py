"""Compiled regular expressions, kept between runs the way Python keeps bytecode.

The ``regex`` module compiles a pattern in Python code, and newslint's unit and date grammars
are large: compiling every pattern the rules use took about 0.2 s, a third of the start-up of a
one-file run. A compiled ``regex`` pattern pickles as its compiled program (the module
registers ``_regex.compile`` with :mod:`copyreg`), so it loads back in microseconds.

:func:`compile` looks a pattern up in a per-user store (one file per ``regex`` and Python
version, under ``$XDG_CACHE_HOME/newslint`` or ``~/.cache/newslint``), compiles and records it
on a miss, and :func:`flush` writes new entries back atomically at exit. The store is read
with an unpickler that accepts nothing but ``_regex.compile``, so a tampered file cannot run
code; an unreadable, corrupt or foreign file is ignored (and rewritten). Results never depend
on the store: a hit is the very program ``regex.compile`` produced for the same pattern,
flags and ``regex`` version.

``NEWSLINT_PATTERN_CACHE=off`` turns the store off; any other value is the folder to use.
"""

from __future__ import annotations

import atexit
import io
import os
import pickle
import sys
from pathlib import Path

import regex

_Key = tuple[str, int]
# Each entry is the pickled program until first asked for (the store holds every pattern
# any run has needed; one run needs some of them), then the pattern itself.
_store: dict[_Key, bytes | regex.Pattern[str]] | None = None
_used: set[_Key] = set()
_new = False
# A store bigger than this holds mostly patterns of older newslint versions: start afresh.
_MAX_ENTRIES = 1500
# newslint's own patterns take ~0.3 MB. A bigger file is not read at all (its load would cost
# every run more than compiling does: older versions put each vocabulary `reject` entry here,
# and 63,000 of them made a 19 MB store); it is replaced at the end of the run.
_MAX_BYTES = 16 * 2**20


def cache_file() -> Path | None:
    """The store's path, or None when the store is off."""
    setting = os.environ.get("NEWSLINT_PATTERN_CACHE", "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    if setting:
        folder = Path(setting)
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        folder = Path(os.environ["LOCALAPPDATA"]) / "newslint"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "newslint"
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return folder / f"patterns-regex{regex.__version__}-py{version}.pickle"


class _OnlyPatterns(pickle.Unpickler):
    """Unpickles compiled ``regex`` patterns and plain data, nothing else."""

    def find_class(self, module: str, name: str) -> object:
        if module == "regex._regex" and name == "compile":
            return regex._regex.compile  # type: ignore[attr-defined]
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the pattern store")


def _load() -> dict[_Key, bytes | regex.Pattern[str]]:
    global _store, _new
    if _store is None:
        _store = {}
        path = cache_file()
        if path is not None:
            try:
                if path.stat().st_size > _MAX_BYTES:
                    raise ValueError("pattern store too big")  # rewritten with what this run uses
                data = _OnlyPatterns(io.BytesIO(path.read_bytes())).load()
            except Exception:  # missing, unreadable, corrupt, foreign or bloated: compile afresh
                data = None
            if isinstance(data, dict):
                _store = {k: v for k, v in data.items() if isinstance(k, tuple) and isinstance(v, bytes)}
                if len(_store) > _MAX_ENTRIES:
                    _new = True  # written back at exit with only the patterns this run used
    return _store


def _unpickle(blob: bytes) -> regex.Pattern[str] | None:
    try:
        pattern = _OnlyPatterns(io.BytesIO(blob)).load()
    except Exception:  # a damaged entry: compile afresh
        return None
    return pattern if isinstance(pattern, regex.Pattern) else None


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - mirrors regex.compile
    """``regex.compile(pattern, flags)``, from the store when it holds the pattern."""
    global _new
    store = _load()
    key = (pattern, int(flags))
    _used.add(key)
    hit = store.get(key)
    if isinstance(hit, bytes):
        hit = _unpickle(hit)
        if hit is not None and hit.pattern == pattern:
            store[key] = hit
            return hit
        hit = None
    if hit is None:
        hit = store[key] = regex.compile(pattern, flags)
        _new = True
    return hit


def flush() -> None:
    """Write newly compiled patterns to the store (atomically); never raises."""
    global _new
    if not _new or _store is None:
        return
    _new = False
    path = cache_file()
    if path is None:
        return
    keep = _store if len(_store) <= _MAX_ENTRIES else {k: _store[k] for k in _used if k in _store}
    entries = {k: v if isinstance(v, bytes) else pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)
               for k, v in keep.items()}
    import tempfile

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".patterns-", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            pickle.dump(entries, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # a read-only home or a full disk costs speed, never the run
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


atexit.register(flush)
