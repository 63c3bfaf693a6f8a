"""A result cache keyed by file content, configuration, newslint version and plugin versions.

One file per configuration fingerprint in ``.newslint_cache/`` (``cache-dir`` in config),
loaded once and written once per run, so a re-run over thousands of unchanged stories
reads each story and hashes it, and lints nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from newslint import __version__
from newslint.diagnostics import FileResult
from newslint.runner import Linter, content_digest, decode

log = logging.getLogger(__name__)

FORMAT_VERSION = 2


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
        file = folder / f"{fingerprint(linter, spec)}.pickle"
        entries: dict[str, tuple[bytes, FileResult]] = {}
        try:
            with file.open("rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, dict):
                entries = data
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
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
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
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(self.entries, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        except OSError as exc:
            log.debug("cache not written: %s", exc)
