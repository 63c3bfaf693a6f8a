"""Running rules: ``lint_document`` (pure), ``Linter.lint_source``, and ``lint_paths`` (I/O).

One failure never hides the others: a rule that raises is reported as an internal error
naming the rule and its plugin, and the other rules' findings are still reported; a file
that cannot be read is an error line for that file, and the other files are still checked.
"""

from __future__ import annotations

import copy
import datetime as dt
import fnmatch
import os
import stat
import sys
import threading
import time
import warnings
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from newslint.config import Config, ConfigResolver, validate_config
from newslint.discovery import Linters, _relative, discover
from newslint.diagnostics import (
    Applicability,
    Diagnostic,
    Edit,
    FileResult,
    Finding,
    Fix,
    SourceEdit,
    SourceFix,
)
from newslint.document import Document, Position, Span
from newslint.errors import NewslintError
from newslint.fixes import FileState, FixRefused, apply_fixes_detail, clean_stale_temps, newline_of, write_atomic
from newslint.language import english_only
from newslint.plugins import Engine, load_engine
from newslint.registry import Rule, _takes_options
from newslint.sandbox import DEFAULT_RULE_TIMEOUT, Guard, describe, fatal
from newslint.suppression import directive_warnings, parse_suppressions
from newslint.transport import PackedChunk, PackedDiagnostics


MAX_FIX_PASSES = 10
RULE_TIMEOUT_CHARS = 1_000_000  # rule-timeout grows with each million characters past the first
BINARY_SNIFF = 8192


@dataclass(frozen=True)
class FixMode:
    """What to do with fixes: nothing, apply safe ones, also unsafe ones; write or only diff."""

    apply: bool = False
    unsafe: bool = False
    write: bool = True


@dataclass
class SourceFile:
    """A file's text as read, and how to write it back exactly."""

    text: str
    encoding: str = "utf-8"
    bom: bool = False
    fallback: bool = False  # not valid UTF-8: read as cp1252 or a detected legacy encoding
    #: Set when fixes must not be written: the encoding is a guess that may be wrong.
    fix_refused: str | None = None


# C1 control characters: what a wrong single-byte guess (latin-1) turns 0x80-0x9F into.
_C1 = frozenset(map(chr, range(0x80, 0xA0)))


def decode(data: bytes) -> SourceFile | None:
    """Decode file bytes: UTF-8 (BOM noted), else Windows-1252, else the encoding detected
    (charset-normalizer), else latin-1 with fixing refused. None for binary.

    A legacy encoding is only ever one that gives back the very same bytes when the text is
    encoded again, so a fix changes nothing but its own edits. A guess that yields C1 control
    characters (latin-1 reads every byte 0x80-0x9F as one) is checked but never fixed: those
    "controls" are letters of an unknown encoding, and deleting them would delete letters.
    """
    if b"\x00" in data[:BINARY_SNIFF]:
        if not (data.startswith((b"\xff\xfe", b"\xfe\xff"))):
            return None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return SourceFile(data[3:].decode("utf-8"), "utf-8", bom=True)
        except UnicodeDecodeError:
            pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return SourceFile(data[2:].decode("utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be"),
                              "utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be", bom=True)
        except UnicodeDecodeError:
            return None
    try:
        return SourceFile(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return SourceFile(data.decode("cp1252"), "cp1252", fallback=True)
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected is not None:
        return detected
    return SourceFile(data.decode("latin-1"), "latin-1", fallback=True,
                      fix_refused="its encoding is unknown (read as latin-1, a guess that turns some bytes "
                                  "into control characters); save it as UTF-8 to fix it")


def _detect(data: bytes) -> SourceFile | None:
    """The likeliest legacy encoding (charset-normalizer), if it reads the bytes back exactly
    and yields no C1 control characters."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency; without it, fixing is refused
        return None
    try:
        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - detection is a guess; failing to guess is no error
        return None
    if best is None or not best.encoding:
        return None
    name = best.encoding
    try:
        text = data.decode(name)
        if text.encode(name) != data:
            return None
    except (UnicodeError, LookupError):
        return None
    if not _C1.isdisjoint(text):
        return None
    return SourceFile(text, name.replace("_", "-"), fallback=True)


class Linter:
    """Rules resolved against a config, ready to check sources. Build once per run."""

    def __init__(self, config: Config | None = None, *, engine: Engine | None = None,
                 select: Sequence[str] | None = None, extend_select: Sequence[str] = (),
                 ignore: Sequence[str] = (), date: dt.date | None = None,
                 rule_timeout: float | None = None) -> None:
        self.engine = engine or load_engine()
        self.config = config or Config()
        #: Seconds one rule may run on one document (0: no limit); see newslint.sandbox.
        self.rule_timeout = (rule_timeout if rule_timeout is not None
                             else getattr(self.config, "rule_timeout", DEFAULT_RULE_TIMEOUT))
        self._cleaned: set[str] = set()  # folders already rid of a killed run's temp files
        self.options = validate_config(self.config, self.engine.rules)
        rules = self.engine.rules
        sel = tuple(select) if select is not None else self.config.select
        if select is not None:
            rules.check_selectors(select, where="--select")
        rules.check_selectors(extend_select, where="--extend-select")
        rules.check_selectors(ignore, where="--ignore")
        self.enabled = rules.resolve(
            sel,
            (*self.config.extend_select, *extend_select),
            (*self.config.ignore, *ignore),
            where=self.config.where("select"),
        )
        self.date = date or self.config.date
        self._per_file: dict[str, frozenset[str]] = {}
        self.known_names = [r.code for r in rules] + [r.name for r in rules]
        # Per rule, what does not change from file to file (see _plan): code -> plan.
        self._plans: dict[str, tuple[Any, ...]] = {}
        self._enabled_rules: list[Rule] | None = None

    # -- which rules --------------------------------------------------------------------
    def rules_for(self, filename: str) -> list[Rule]:
        """Enabled rules, minus per-file ignores that match ``filename``."""
        if not self.config.per_file_ignores:
            if self._enabled_rules is None:
                self._enabled_rules = [r for r in self.engine.rules if r.code in self.enabled]
            return list(self._enabled_rules)
        off: set[str] = set()
        if self.config.per_file_ignores:
            rel = _relative(filename, self.config.root)
            base = os.path.basename(filename)
            for glob, selectors in self.config.per_file_ignores:
                if fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(base, glob) or fnmatch.fnmatch(filename, glob):
                    off |= self.engine.rules.resolve(selectors)
        return [r for r in self.engine.rules if r.code in self.enabled and r.code not in off]

    def severity_of(self, rule: Rule) -> Any:
        sev = self.config.severity
        return sev.get(rule.code) or sev.get(rule.name) or rule.severity

    def _plan(self, rule: Rule) -> tuple[Any, ...]:
        """What running ``rule`` needs that is the same for every file, computed once:
        (rule, family prefix, options, severity, filter style findings in quotations,
        pass options to the check)."""
        plan = self._plans.get(rule.code)
        if plan is None or plan[0] is not rule:
            options = self.options.get(rule.code, rule.options)
            quiet_in_quotes = bool(rule.style) and not self.options.get(rule.code, {}).get("check-quotations", False)
            # None: a Rule subclass, whose own run() is called.
            takes = _takes_options(rule.check) if type(rule).run is Rule.run else None
            plan = (rule, rule.code.rstrip("0123456789"), options, self.severity_of(rule), quiet_in_quotes, takes)
            self._plans[rule.code] = plan
        return plan

    # -- one source ---------------------------------------------------------------------
    def parse(self, source: str, filename: str, format_name: str | None = None) -> Document:
        fmt = self.engine.formats.get(format_name) if format_name else self.engine.format_for(filename)
        if format_name and fmt is None:
            raise NewslintError(f"unknown format {format_name!r} (known: {', '.join(sorted(self.engine.formats))})")
        if fmt is None:
            fmt = self.engine.formats["text"]
        options = getattr(fmt, "options", ())
        if options:
            unknown = [name for name in options if not hasattr(self.config, name)]
            if unknown:
                raise NewslintError(f"format {fmt.name!r} of plugin {fmt.plugin!r} asks for settings newslint "
                                    f"does not have: {', '.join(unknown)}")
            doc = fmt.parse(source, **{name: getattr(self.config, name) for name in options})  # type: ignore[call-arg]
        else:
            doc = fmt.parse(source)
        doc.metadata.setdefault("vocabulary", self.config.vocabulary)
        if self.date is not None:
            doc.date = self.date
        doc.metadata["filename"] = filename
        doc.metadata["plain_directives"] = getattr(fmt, "plain_directives", False)
        return doc

    def lint_document(self, doc: Document, filename: str, rules: Iterable[Rule] | None = None, *,
                      packed: bool = False) -> tuple[Sequence[Diagnostic], list[str]]:
        """Run rules on a parsed document: diagnostics (sorted, suppressions applied), errors.

        The diagnostics are a list. With ``packed`` (the command line's reports), a document
        longer than PACK_CHARS gives a :class:`~newslint.transport.PackedDiagnostics` instead:
        a sequence that makes each diagnostic when read, so a reporter never holds them all.
        """
        errors: list[str] = []
        out: list[Diagnostic] = []
        rules = self.rules_for(filename) if rules is None else rules
        newline = newline_of(doc.source)
        n = len(doc.text)
        family = ""
        plan_of = self._plan
        held: list[Any] | None = [] if n > PACK_CHARS else None  # packed chunks, per rule
        # rule-timeout is per rule per document, per started million characters: a 20 MB
        # archive file gets twenty times the time of a story, never a false internal error.
        with Guard(self.rule_timeout * max(1.0, n / RULE_TIMEOUT_CHARS)) as guard:
            for rule in rules:
                _, prefix, options, severity, quiet_in_quotes, takes_options = plan_of(rule)
                if prefix != family:
                    # A family's shared analyses (spelling tokens, quote marks, measures) are
                    # derived data: drop them once the family is done, so a 20 MB file never
                    # holds every family's at once. A later user simply recomputes.
                    doc.forget()
                    family = prefix
                try:
                    guard.arm()
                    try:
                        # What Rule.run does, without its per-call signature lookup.
                        if takes_options is None:
                            found = rule.run(doc, options)
                        else:
                            found = rule.check(doc, options) if takes_options else rule.check(doc)
                        if held is None:
                            findings = list(found)
                        else:
                            # A long document: the findings a chunk at a time, each chunk kept
                            # packed, so a rule with 80,000 findings never holds them all as
                            # objects. Kept only if the rule ends well, as below.
                            kept = []
                            for chunk in _chunks(found, PACK_CHUNK):
                                diags = _diagnostics(doc, chunk, rule, severity, filename, newline, quiet_in_quotes)
                                if diags:
                                    kept.append(PackedChunk(diags, filename))
                    finally:
                        guard.disarm()
                    if held is not None:
                        # Kept once the time limit can no longer stop the rule: a rule that
                        # times out loses all its findings, as on a short story.
                        held.append(kept)
                        continue
                    if not findings:
                        continue
                    diags = _diagnostics(doc, findings, rule, severity, filename, newline, quiet_in_quotes)
                except BaseException as exc:  # noqa: BLE001 - one rule must not hide, stop or stall the others
                    if fatal(exc):
                        raise
                    import logging

                    logging.getLogger(__name__).debug("rule %s failed", rule.code, exc_info=True)
                    errors.append(
                        f"{filename}: internal error in rule {rule.code} ({rule.name}) from plugin "
                        f"{rule.plugin!r}: {describe(exc)}"
                    )
                    continue
                out.extend(diags)
        src = doc.source
        directives = "newslint" in src or "Newslint" in src or "NEWSLINT" in src  # else none to parse
        if held is not None:
            found_all = PackedDiagnostics(held)
            if packed and not directives:
                # Kept packed, sorted as they are read: a reporter writes them one at a time.
                return found_all, errors  # type: ignore[return-value]
            out = list(found_all)  # a list, as for a short story (and suppressions to apply)
        if directives:
            sup = parse_suppressions(src, plain=doc.metadata.get("plain_directives", False),
                                     known=self.known_names, line_starts=doc.line_starts)
            for row, name in sup.unknown:
                errors.append(f"{filename}:{row}: unknown rule {name!r} in a newslint directive")
            if sup:
                out = [d for d in out if not sup.suppressed(d.code, d.name, d.location.row)]
            # Warnings (notes, on stderr): directives that silenced nothing among the rules
            # that ran (not judged when a rule failed), and directive-like text that is none.
            ran = None if errors else [k for r in rules for k in (r.code, r.name)]
            doc.metadata["directive_notes"] = directive_warnings(sup, filename, ran)
        out.sort(key=Diagnostic.sort_key)
        return out, errors

    def lint_source(self, source: str, filename: str, *, format_name: str | None = None,
                    fix: FixMode = FixMode(), metadata: dict[str, Any] | None = None,
                    packed: bool = False) -> FileResult:
        """Check one source text; with ``fix.apply``, fix it in passes until nothing changes.
        ``packed``: see :meth:`lint_document` (the diagnostics of a long text stay packed)."""
        result = FileResult(filename, source=source)
        rules = self.rules_for(filename)
        current = source
        passes = 0
        while True:
            doc = self.parse(current, filename, format_name)
            if metadata:
                doc.metadata.update(metadata)
            diags, errors = self.lint_document(doc, filename, rules, packed=packed)
            result.diagnostics, result.errors = diags, errors
            if not fix.apply:
                break
            fixable = [d for d in diags if d.fix and d.fix.applicability.applies(fix.unsafe)]
            if not fixable:
                break
            new, applied = apply_fixes_detail(current, [d.fix for d in fixable])  # type: ignore[misc]
            if not applied or new == current:
                break
            if passes == MAX_FIX_PASSES:
                # Still changing after every pass allowed: rules undo each other's fixes (or
                # one rule never settles). No version of the file is "the fixed one": keep the
                # original, report it, and report the findings against the original.
                codes = ", ".join(sorted({fixable[i].code for i in applied}))
                result.errors = [*errors, f"{filename}: fixes failed to converge after {MAX_FIX_PASSES} passes "
                                          f"(rules {codes}); the file is left unchanged"]
                doc = self.parse(source, filename, format_name)
                if metadata:
                    doc.metadata.update(metadata)
                result.diagnostics, _ = self.lint_document(doc, filename, rules, packed=packed)
                result.fixed = 0
                current = source
                break
            passes += 1
            result.fixed += len(applied)
            current = new
        if current != source:
            result.new_source = current
        result.notes.extend(doc.metadata.get("directive_notes", ()))
        return result


def _check_span(sp: Any, n: int, what: str) -> None:
    if not (isinstance(sp, tuple) and len(sp) == 2) or not all(
        isinstance(x, int) and not isinstance(x, bool) for x in sp
    ):
        raise TypeError(f"{what} must be a Span(start, end) of two integers, got {sp!r}")
    if not (0 <= sp[0] <= sp[1] <= n):
        raise ValueError(f"{what} {tuple(sp)} outside the text (length {n})")


def _plain_fix(fix: Any, n: int) -> bool:
    """A Fix of the data model whose edits are Edits of int Spans inside the text with str
    replacements (True: nothing more to check)."""
    if type(fix) is not Fix or type(fix.title) is not str or type(fix.applicability) is not Applicability:
        return False
    edits = fix.edits
    if type(edits) is not tuple:
        return False
    for ed in edits:
        if type(ed) is not Edit or type(ed.replacement) is not str:
            return False
        sp = ed.span
        if not (type(sp) is Span and type(sp[0]) is int and type(sp[1]) is int and 0 <= sp[0] <= sp[1] <= n):
            return False
    return True


# A document longer than this has its findings held packed (transport.PackedDiagnostics),
# PACK_CHUNK findings at a time, until the reporter reads them.
PACK_CHARS = 1 << 20
PACK_CHUNK = 4096


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def _diagnostics(doc: Document, findings: list[Any], rule: Rule, severity: Any, filename: str, newline: str,
                 quiet_in_quotes: bool) -> list[Diagnostic]:
    """A rule's findings checked, filtered (quotations, other languages) and placed in the file."""
    n = len(doc.text)
    for f in findings:
        _check_finding(f, n)
    if quiet_in_quotes:
        # A speaker's words are theirs: style findings inside a quotation are dropped.
        from newslint.quotations import within_quotation

        findings = [f for f in findings if not within_quotation(doc, f.span)]
    # Passages not in English: no English-word findings, no safe fixes.
    findings = english_only(doc, rule.language, findings)
    identity = doc._is_identity()
    return [_diagnostic(doc, f, rule, severity, filename, newline, identity) for f in findings]


def _check_finding(f: Any, n: int) -> None:
    """What a rule yielded, checked at the engine's boundary: a wrong type or an offset
    outside the text is the rule's error, never the reporter's crash or a bad fix."""
    # The common case first, by exact types (a few attribute reads): a Finding of the data
    # model with a Span of two ints inside the text, a str message, no suggestions or a
    # tuple of str, and no fix. Anything else takes the full checks below.
    if type(f) is Finding:
        sp = f.span
        if (type(sp) is Span and type(sp[0]) is int and type(sp[1]) is int and 0 <= sp[0] <= sp[1] <= n
                and type(f.message) is str):
            sug = f.suggestions
            fix = f.fix
            if (sug == () or (type(sug) is tuple and all(type(x) is str for x in sug))) and (
                    fix is None or _plain_fix(fix, n)):
                return
    if not isinstance(f, Finding):
        raise TypeError(f"a rule must yield Finding objects, got {type(f).__name__}: {f!r:.80}")
    _check_span(f.span, n, "span")
    if not isinstance(f.message, str):
        raise TypeError(f"message must be a string, got {type(f.message).__name__}: {f.message!r:.80}")
    if not isinstance(f.suggestions, (tuple, list)) or not all(isinstance(x, str) for x in f.suggestions):
        raise TypeError(f"suggestions must be a tuple of strings, got {f.suggestions!r:.80}")
    fix = f.fix
    if fix is None:
        return
    if not isinstance(fix, Fix):
        raise TypeError(f"fix must be a Fix or None, got {type(fix).__name__}: {fix!r:.80}")
    if not isinstance(fix.title, str):
        raise TypeError(f"fix title must be a string, got {fix.title!r:.80}")
    Applicability(fix.applicability)  # ValueError for anything but safe, unsafe, display-only
    if not isinstance(fix.edits, (tuple, list)):
        raise TypeError(f"fix edits must be a tuple of Edit, got {fix.edits!r:.80}")
    for ed in fix.edits:
        if not isinstance(ed, Edit):
            raise TypeError(f"fix edits must be Edit objects, got {type(ed).__name__}: {ed!r:.80}")
        _check_span(ed.span, n, "edit span")
        if not isinstance(ed.replacement, str):
            raise TypeError(f"edit replacement must be a string, got {ed.replacement!r:.80}")


_new_tuple = tuple.__new__  # Position(row, column) without the namedtuple's Python-level __new__


def _diagnostic(doc: Document, f: Any, rule: Rule, severity: Any, filename: str, newline: str,
                identity: bool) -> Diagnostic:
    """A checked finding placed in the file. ``identity``: whether the document's text is its
    source (``doc._is_identity()``, asked once per rule by the caller): then every span of the
    text is its own source range and reads the same there, with no mapping to ask for."""
    starts = doc.line_starts

    def position(offset: int) -> Position:
        row = bisect_right(starts, offset) - 1
        return _new_tuple(Position, (row + 1, offset - starts[row] + 1))

    span = f.span
    s, e = span if identity else doc.source_range(span)
    row = bisect_right(starts, s) - 1
    ps = _new_tuple(Position, (row + 1, s - starts[row] + 1))
    if e == s:
        pe = ps
    else:
        # Most findings end on the line they start on: one bisect of the line's end, not two.
        nxt = starts[row + 1] if row + 1 < len(starts) else None
        if nxt is None or e < nxt:
            pe = _new_tuple(Position, (row + 1, e - starts[row] + 1))
        else:
            pe = position(e)
    fix = None
    ffix = f.fix
    if ffix is not None and ffix.edits:
        edits = []
        display_only = False
        for ed in ffix.edits:
            # The edit's span was checked inside the text (_check_finding).
            where = ed.span if identity else doc.verbatim_range(ed.span)
            if where is None:
                display_only = True
                break  # the edit would touch markup or an entity: show, never apply
            es, ee = where
            content = ed.replacement if newline == "\n" else ed.replacement.replace("\n", newline)
            edits.append(SourceEdit(es, ee, content, ps if es == s else position(es), pe if ee == e else position(ee)))
        if display_only:
            fix = SourceFix(ffix.title, Applicability.DISPLAY, ())
        elif edits:
            app = ffix.applicability
            fix = SourceFix(ffix.title, app if type(app) is Applicability else Applicability(app), tuple(edits))
    return Diagnostic(filename, rule.code, rule.name, severity, f.message, ps, pe, s, e, fix,
                      tuple(f.suggestions), rule.plugin)


# -- files ---------------------------------------------------------------------------------
# Which files, with which configuration: newslint.discovery (discover is re-exported here).


def content_digest(data: bytes) -> bytes:
    """The hash of a file's bytes (the result cache's key)."""
    import hashlib  # only runs that use the cache pay for loading it

    return hashlib.blake2b(data, digest_size=16).digest()


class NotRegularFile(OSError):
    """The path is a folder, FIFO, socket or device (perhaps only since it was found)."""


def read_file(path: str) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and its status as opened; raises OSError.

    Opened without blocking and checked with ``fstat``: a path replaced by a FIFO after the
    folder walk (or a device) is an error, not a read that waits forever.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = "is a directory" if stat.S_ISDIR(st.st_mode) else "is not a regular file"
            raise NotRegularFile(kind)
        chunks = []
        while True:
            chunk = os.read(fd, max(st.st_size + 1, 65536) if not chunks else 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks), st


def read_source(path: str, *, digest: bool = True) -> tuple[SourceFile | None, bytes | None]:
    """Read a file: (source or None for binary, its digest or None); raises OSError."""
    data, _ = read_file(path)
    return decode(data), content_digest(data) if digest else None


def lint_file(linter: Linter, path: str, fix: FixMode = FixMode(), *, digest: bool = True,
              packed: bool = False) -> FileResult:
    """Read, check (and fix) one file. Never raises for I/O problems: they become errors.

    ``digest=False`` skips hashing the bytes (the hash is the result cache's key only).
    ``packed``: see :meth:`Linter.lint_document` (the command line's reports).
    With ``fix.write``, the fixed text replaces the file only if the file is still exactly as
    read (see :func:`newslint.fixes.write_atomic` for what else is refused).
    """
    folder = os.path.dirname(path)
    if folder not in linter._cleaned:
        linter._cleaned.add(folder)
        clean_stale_temps(folder)  # left by a run killed while it wrote a fix
    try:
        data, st = read_file(path)
    except NotRegularFile as exc:
        return FileResult(path, errors=[f"{path}: {exc}"])
    except OSError as exc:
        return FileResult(path, errors=[f"{path}: cannot read: {exc.strerror or exc}"])
    src = decode(data)
    digest_ = content_digest(data) if digest else None
    if src is None:
        return FileResult(path, notes=[f"{path}: binary file skipped"])
    # The bytes are needed again only to see, before writing fixes, that the file is still
    # as read; a check alone lets them go (20 MB for a 20 MB file, held through every rule).
    expect = FileState.of(st, data) if fix.apply and fix.write else None
    del data
    meta = {"encoding": src.encoding, "encoding_fallback": src.fallback}
    refused = src.fix_refused if fix.apply else None
    if refused:
        fix = FixMode()
    result = linter.lint_source(src.text, path, fix=fix, metadata=meta, packed=packed)
    result.digest = digest_
    if refused:
        result.errors.append(f"{path}: not fixed: {refused}")
    if result.new_source is not None and fix.write:
        try:
            write_atomic(path, result.new_source, encoding=src.encoding, bom=src.bom, expect=expect)
        except FixRefused as exc:
            result.errors.append(str(exc))
            result.new_source = None
            result.fixed = 0
        except (OSError, UnicodeEncodeError) as exc:
            result.errors.append(f"{path}: fixes not written: {exc}")
            result.new_source = None
            result.fixed = 0
    return result


def lint_paths(paths: Sequence[str] | str, config: Config | None = None, *,
               select: Sequence[str] | None = None, ignore: Sequence[str] = (),
               fix: bool = False, unsafe_fixes: bool = False) -> list[FileResult]:
    """Check files and folders; the same findings as ``newslint check``.

    :param paths: files and folders (folders are walked for the default formats).
    :param config: settings for every file; ``None``: each file gets the configuration
        closest to it (the nearest config file at or above its folder), as ``newslint check``.
    :param fix: apply safe fixes and write files back (``unsafe_fixes`` for the others).
    :returns: one :class:`FileResult` per file, sorted by path.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [os.fspath(paths)]
    paths = [os.fspath(p) for p in paths]
    linters = Linters(ConfigResolver(config),
                      lambda cfg, engine: Linter(cfg, engine=engine, select=select, ignore=ignore))
    mode = FixMode(apply=fix, unsafe=unsafe_fixes, write=True)
    suffixes = linters.for_path(paths[0] if paths else ".").engine.suffixes()
    results = []
    for path, error in discover(paths, linters.resolver, suffixes):
        if error:
            results.append(FileResult(path, errors=[f"{path}: {error}"]))
            continue
        results.append(lint_file(linters.for_path(path), path, mode))
    return results


# -- lint_text's engine cache ---------------------------------------------------------------
#: Linters kept for lint_text (most recently used first); each holds its rules and options.
LINTER_CACHE_SIZE = 8
#: Seconds between two looks at whether plugins were installed or removed.
PLUGIN_CHECK_INTERVAL = 1.0

_cache_lock = threading.Lock()
_cached: list[tuple[Any, ...]] = []  # (config, mutable parts, select, ignore, linter)
_engine_state: list[Any] = [None, None, -1e9]  # [engine, sys.path signature, monotonic time checked]


def _plugin_signature() -> tuple[Any, ...]:
    """What decides which plugins load_engine finds: the import path, and the time each of
    its folders last changed (installing or removing a distribution adds or removes its
    ``*.dist-info`` folder there)."""
    out: list[Any] = []
    for entry in sys.path:
        try:
            out.append((entry, os.stat(entry or ".").st_mtime_ns))
        except (OSError, TypeError, ValueError):
            out.append((entry, None))
    return tuple(out)


def _shared_engine() -> Engine:
    """load_engine() once, again only when the plugins on the import path changed (looked
    at no more than once per PLUGIN_CHECK_INTERVAL). Call with _cache_lock held."""
    engine, signature, checked = _engine_state
    now = time.monotonic()
    if engine is None or now - checked >= PLUGIN_CHECK_INTERVAL:
        current = _plugin_signature()
        if engine is None or current != signature:
            engine = load_engine()
            _cached.clear()  # every linter kept holds the old engine's rules
            _engine_state[0], _engine_state[1] = engine, current
        _engine_state[2] = now
    return engine


def _mutable_parts(config: Config) -> tuple[Any, ...]:
    """The parts of a (frozen) Config that can still be changed in place: its tables."""
    return (config.severity, config.rule_options, config.vocabulary.reject)


def _cached_linter(config: Config | None, select: Sequence[str] | None, ignore: Sequence[str]) -> Linter:
    """The Linter for this config, select and ignore: a kept one if all three are equal to
    those it was built for (a table changed in place since then counts as a different config),
    else a new one, kept in place of the least recently used."""
    sel = None if select is None else tuple(select)
    ign = tuple(ignore)
    with _cache_lock:
        engine = _shared_engine()
        for i, entry in enumerate(_cached):
            kept, parts, kept_sel, kept_ign, linter = entry
            if kept_sel != sel or kept_ign != ign:
                continue
            if config is None or kept is None:
                if config is not kept:
                    continue
            elif not (kept is config or kept == config) or _mutable_parts(config) != parts:
                continue
            if i:
                del _cached[i]
                _cached.insert(0, entry)
            return linter
        linter = Linter(config or Config(), engine=engine, select=select, ignore=ignore)
        try:
            parts = None if config is None else copy.deepcopy(_mutable_parts(config))
        except Exception:  # noqa: BLE001 - tables that cannot be copied: do not keep this one
            return linter
        _cached.insert(0, (config, parts, sel, ign, linter))
        del _cached[LINTER_CACHE_SIZE:]
        return linter


def lint_text(text: str, *, format: str = "text", filename: str = "<text>", config: Config | None = None,
              select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> list[Diagnostic]:
    """Check a string; returns its diagnostics, sorted (the same as the CLI reports).

    :param text: the document's source.
    :param format: ``"text"``, ``"markdown"`` or ``"html"`` (or a plugin's format).
    :param config: settings (defaults when ``None``).
    :raises NewslintError: for an unknown rule, format or a bad config.

    The engine (plugins loaded, rules resolved against the config) is built once and kept
    for later calls with an equal config, ``select`` and ``ignore`` (a few at a time, the
    most recently used); a plugin installed or removed while the process runs is seen
    within a second. Calls from several threads may share it.
    """
    linter = _cached_linter(config, select, ignore)
    result = linter.lint_source(text, filename, format_name=format)
    for error in result.errors:  # a crashing rule hides nothing: the others still report
        warnings.warn(error, RuntimeWarning, stacklevel=2)
    return result.diagnostics  # a list: only the command line asks for packed findings


__all__ = ["FixMode", "Linter", "decode", "discover", "lint_file", "lint_paths", "lint_text", "Span"]
