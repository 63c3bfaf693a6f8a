"""A result cache keyed by file content, configuration, newslint version and plugin versions.

One file per configuration fingerprint in ``.newslint_cache/`` (``cache-dir`` in config),
loaded once and written once per run, so a re-run over thousands of unchanged stories
reads each story and hashes it, and lints nothing.

The cache is JSON, never pickle: the folder sits in a repository, and a repository is
untrusted input (a pull request can add files to it). Reading JSON cannot run code; an entry
that does not have exactly the expected shape is dropped and the file checked again, and a
file that is not a cache at all is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import logging
import os
import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from newslint import __version__
from newslint.diagnostics import Applicability, Diagnostic, FileResult, Severity, SourceEdit, SourceFix
from newslint.document import Position
from newslint.runner import Linter, content_digest, decode, read_file

log = logging.getLogger(__name__)

FORMAT_VERSION = 3  # 3: JSON (2 was a pickle)


def fingerprint(linter: Linter, spec: Any) -> str:
    """A hash of everything besides the file's content that decides its findings."""
    h = hashlib.blake2b(digest_size=16)
    parts = [
        f"cache-format={FORMAT_VERSION}",
        f"newslint={__version__}",
        repr(sorted(linter.engine.plugin_versions.items())),
        repr(sorted(linter.engine.rules.by_code)),
        repr(sorted(linter.enabled)),
        repr(sorted((k, sorted(v.items(), key=repr)) for k, v in linter.options.items())),
        repr(linter.config.severity),
        repr(linter.config.per_file_ignores),
        repr(sorted(linter.config.vocabulary.accept)),
        repr(sorted(linter.config.vocabulary.reject.items())),
        repr([(p.pattern, p.flags) for p in linter.config.vocabulary.patterns]),
        repr(linter.date),
        f"main-content={linter.config.main_content}",
    ]
    # Built-in rules ship with newslint; a local edit to them must invalidate the cache too.
    import newslint.rules

    engine_dir = Path(__file__).resolve().parent
    rules_dir = Path(newslint.rules.__file__).resolve().parent
    for folder in (rules_dir, engine_dir):  # installed, rules/ sits inside the engine's folder
        try:
            stamps = sorted((p.name, p.stat().st_mtime_ns) for p in folder.rglob("*")
                            if p.is_file() and "__pycache__" not in p.parts)
        except OSError:
            stamps = []
        parts.append(repr(stamps))
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class ResultCache:
    """Results of earlier runs for one configuration, keyed by path and content hash."""

    def __init__(self, file: Path, entries: dict[str, tuple[bytes, FileResult]]) -> None:
        self.file = file
        self.entries = entries
        self.dirty = False
        self.used: set[str] = set()

    @classmethod
    def open(cls, linter: Linter, spec: Any) -> ResultCache | None:
        """The cache for this configuration, or None when the folder cannot be made."""
        folder = Path(linter.config.root) / linter.config.cache_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by newslint automatically.\n*\n", encoding="utf-8")
        except OSError as exc:
            log.debug("no cache: %s", exc)
            return None
        file = folder / f"{fingerprint(linter, spec)}.json"
        entries: dict[str, tuple[bytes, FileResult]] = {}
        try:
            data, _ = read_file(str(file))
            entries = _load_entries(data)
        except FileNotFoundError:
            pass
        except Exception as exc:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
            log.debug("cache %s unreadable: %s", file, exc)
        return cls(file, entries)

    def get(self, path: str, *, keep_source: bool = True) -> FileResult | None:
        """The cached result for ``path`` if its content is unchanged (with the file's text
        when ``keep_source``: only reporters that show source lines need it)."""
        entry = self.entries.get(path)
        if entry is None:
            return None
        try:
            data, _ = read_file(path)
        except OSError:  # a FIFO or folder now, or gone: checked (and reported) the ordinary way
            return None
        if content_digest(data) != entry[0]:
            return None
        self.used.add(path)
        cached = entry[1]
        if not keep_source:
            return cached
        src = decode(data)
        return replace(cached, source=src.text if src else None)

    def put(self, result: FileResult) -> None:
        """Remember a result (only clean reads: results with errors are not cached)."""
        if result.errors or result.digest is None or result.new_source is not None:
            return
        if getattr(result, "record", None) is not None:
            return  # one record of an archive: not a file this cache can check again
        self.entries[result.filename] = (result.digest, replace(result, source=None))
        self.used.add(result.filename)
        self.dirty = True

    def close(self) -> None:
        """Write the cache back atomically if anything changed."""
        gone = [p for p in self.entries if p not in self.used and not os.path.exists(p)]
        for p in gone:  # stories deleted since they were cached
            del self.entries[p]
        if not self.dirty and not gone:
            return
        try:
            payload = _dump_entries(self.entries)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(payload)
                os.replace(tmp, self.file)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except (OSError, ValueError, TypeError) as exc:
            log.debug("cache not written: %s", exc)


# -- the JSON form -------------------------------------------------------------------------
# {"newslint-cache": FORMAT_VERSION, "entries": {path: [digest hex, result]}}; a result is
# [diagnostics, notes, fixed]; a diagnostic is a list in Diagnostic's field order with
# positions as [row, column] and the fix as [title, applicability, [[start, end, content,
# row, column, end row, end column], ...]] or null. Lists, not objects: a re-run over 10,000
# stories loads every entry.
_MAGIC = "newslint-cache"


def _dump_entries(entries: dict[str, tuple[bytes, FileResult]]) -> bytes:
    out = {}
    for path, (digest, result) in entries.items():
        out[path] = [digest.hex(), [[_dump_diag(d) for d in result.diagnostics], list(result.notes), result.fixed]]
    return json.dumps({_MAGIC: FORMAT_VERSION, "entries": out}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8", "surrogatepass")


def _dump_diag(d: Diagnostic) -> list[Any]:
    fix = None
    if d.fix is not None:
        fix = [d.fix.title, d.fix.applicability.value,
               [[e.start, e.end, e.content, *e.location, *e.end_location] for e in d.fix.edits]]
    return [d.filename, d.code, d.name, d.severity.value, d.message, *d.location, *d.end_location,
            d.start, d.end, fix, list(d.suggestions), d.plugin]


def _load_entries(data: bytes) -> dict[str, tuple[bytes, FileResult]]:
    """Entries of a cache file; a file that is not one gives none, a bad entry is left out."""
    doc = json.loads(data.decode("utf-8", "surrogatepass"))
    if not isinstance(doc, dict) or doc.get(_MAGIC) != FORMAT_VERSION or not isinstance(doc.get("entries"), dict):
        return {}
    entries: dict[str, tuple[bytes, FileResult]] = {}
    for path, raw in doc["entries"].items():
        try:
            digest, (diags, notes, fixed) = raw
            key = bytes.fromhex(_str(digest))
            result = FileResult(
                _str(path),
                diagnostics=[_load_diag(d) for d in diags],
                notes=[_str(n) for n in notes],
                fixed=_int(fixed),
                digest=key,
            )
            entries[path] = (key, result)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            log.debug("cache entry for %s dropped: not in the expected form", path)
    return entries


def _str(v: Any) -> str:
    if type(v) is not str:
        raise TypeError("expected a string")
    return v


def _int(v: Any) -> int:
    if type(v) is not int:
        raise TypeError("expected an integer")
    return v


def _load_diag(d: list[Any]) -> Diagnostic:
    (filename, code, name, severity, message, row, col, erow, ecol, start, end, fix, suggestions, plugin) = d
    sfix = None
    if fix is not None:
        title, app, edits = fix
        sfix = SourceFix(_str(title), Applicability(app), tuple(
            SourceEdit(_int(s), _int(e), _str(c), Position(_int(r), _int(k)), Position(_int(er), _int(ek)))
            for s, e, c, r, k, er, ek in edits
        ))
    return Diagnostic(_str(filename), _str(code), _str(name), Severity(severity), _str(message),
                      Position(_int(row), _int(col)), Position(_int(erow), _int(ecol)), _int(start), _int(end),
                      sfix, tuple(_str(x) for x in suggestions), _str(plugin))
