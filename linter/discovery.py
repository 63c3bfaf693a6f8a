"""Which files a run checks, and with which configuration.

``discover`` walks folders as ruff does: each folder's excludes and includes come from the
configuration closest to it, ``.gitignore`` files (inside a git repository) and ``.ignore``
files are respected unless turned off, an unreadable folder is an error (never a silent
skip), and with ``force-exclude`` the excludes hold for files named on the command line too.
:class:`Linters` keeps one :class:`~newslint.runner.Linter` per configuration.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from newslint.config import Config, ConfigResolver

if TYPE_CHECKING:
    from newslint.plugins import Engine
    from newslint.runner import Linter

IGNORE_FILES = (".ignore", ".gitignore")  # in order of precedence, as ripgrep and ruff read them


def _relative(filename: str, root: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(filename), os.path.abspath(root)).replace(os.sep, "/")
    except ValueError:
        return filename


def _glob_matcher(globs: Sequence[str], *, folders: bool = False) -> Callable[[str], bool]:
    """One compiled test for many fnmatch globs (``fnmatch`` per glob per file adds up on
    an archive); with ``folders``, ``dir/`` or ``dir`` also matches everything inside."""
    import re

    forms = [g for glob in globs for g in ((glob, glob.rstrip("/") + "/*") if folders else (glob,))]
    if not forms:
        return lambda _: False
    rx = re.compile("|".join(fnmatch.translate(os.path.normcase(g)) for g in forms))
    return lambda s: rx.match(os.path.normcase(s)) is not None


def _excluder(globs: Sequence[str], root: str) -> Callable[[str, str], bool]:
    """``excluded(path, name)``: the name or the path relative to ``root`` matches a glob
    (each folder's relative path worked out once: ``relpath`` per file was a third of a
    cached re-run over 10,000 stories)."""
    match = _glob_matcher(globs, folders=True)
    folders: dict[str, str] = {}

    def excluded(path: str, name: str) -> bool:
        if match(name):
            return True
        head = os.path.dirname(path)
        rel = folders.get(head)
        if rel is None:
            rel = folders[head] = _relative(head, root)
        return match(name if rel == "." else f"{rel}/{name}")

    return excluded


def _special(path: str) -> bool:
    """True for a FIFO, socket or device (not a regular file; a broken link is not special)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # a broken link or a vanished file: reported when read


class _Matchers:
    """Per configuration: its exclude test and its include test (built once a run)."""

    def __init__(self, suffixes: Iterable[str]) -> None:
        self.default_include = tuple(f"*{s}" for s in suffixes)
        self._built: dict[int, tuple[Config, Callable[[str, str], bool], Callable[[str], bool]]] = {}

    def __call__(self, config: Config) -> tuple[Callable[[str, str], bool], Callable[[str], bool]]:
        got = self._built.get(id(config))
        if got is None or got[0] is not config:
            got = self._built[id(config)] = (
                config,
                _excluder((*config.exclude, *config.extend_exclude), config.root),
                _glob_matcher(config.include or self.default_include),
            )
        return got[1], got[2]


# -- .gitignore and .ignore --------------------------------------------------------------------
class _Patterns:
    """One ignore file's patterns (a ``pathspec.GitIgnoreSpec``), with a quick test first: one
    regular expression made of all of them, so a path that matches none (most stories) costs
    one match, not one per pattern."""

    def __init__(self, spec: Any) -> None:
        self.spec = spec
        self.any: Any = None
        self.active = any(p.include is not None for p in spec.patterns)  # not only comments
        forms = []
        for p in spec.patterns:
            rx = getattr(p, "regex", None)
            if p.include is None or rx is None:
                continue
            form = rx.pattern.replace("(?P<ps_d>/)", "/")  # the group only marks a folder match
            if "(?P<" in form or rx.flags & ~re.UNICODE:
                return  # a form the quick test cannot merge: every path takes the full check
            forms.append(f"(?:{form})")
        if forms:
            self.any = re.compile("|".join(forms))

    def check(self, path: str) -> bool | None:
        """True: ignored; False: re-included (``!``); None: no pattern matches."""
        if self.any is not None and self.any.match(path) is None:
            return None
        verdict = self.spec.check_file(path).include
        return None if verdict is None else bool(verdict)


def _core_excludes(config_path: str) -> str | None:
    """``core.excludesFile`` as one git configuration file sets it (the last setting wins), or
    None. Git's syntax: ``[core]`` sections, case-insensitive keys, optional quotes, ``#``/``;``
    comments; ``~/`` is the home folder."""
    try:
        with open(config_path, encoding="utf-8", errors="surrogateescape") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    found, in_core = None, False
    for line in lines:
        line = line.strip()
        if line.startswith("["):
            in_core = line[1:].split("]", 1)[0].strip().lower() == "core"
            continue
        key, eq, value = line.partition("=")
        if in_core and eq and key.strip().lower() == "excludesfile":
            value = value.strip()
            if value.startswith('"'):
                value = value[1:].split('"', 1)[0]
            else:
                value = re.split(r"\s[#;]", value, maxsplit=1)[0].strip()
            found = os.path.expanduser(value) if value else None
    return found


def excludes_file(repo: str) -> str | None:
    """The global ignore file git reads for the working tree ``repo``: ``core.excludesFile`` from
    the system, global (``$XDG_CONFIG_HOME/git/config``, ``~/.gitconfig``) or repository
    configuration, the last one that sets it winning, else ``$XDG_CONFIG_HOME/git/ignore``
    (``~/.config/git/ignore``), as git does. Not run through git: a walk costs no process."""
    xdg = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    chosen = None
    for config in ("/etc/gitconfig", os.path.join(xdg, "git", "config"),
                   os.path.join(os.path.expanduser("~"), ".gitconfig"),
                   os.path.join(repo, ".git", "config")):
        chosen = _core_excludes(config) or chosen
    if chosen and not os.path.isabs(chosen):
        chosen = os.path.join(repo, chosen)  # git reads a relative path from the working tree
    return chosen or os.path.join(xdg, "git", "ignore")


class IgnoreFiles:
    """``.gitignore`` (inside a git repository, with ``.git/info/exclude`` and the user's global
    ignore file, ``core.excludesFile``) and ``.ignore``
    files, read as git does: a file's patterns hold in its folder and below, and the deepest
    file with a matching pattern (``!`` re-includes) decides. Files above the walked folder
    count too, up to the repository's root."""

    def __init__(self) -> None:
        self._repo: dict[str, str | None] = {}
        self._chains: dict[str, tuple[tuple[str, Any], ...]] = {}
        self._tests: dict[str, Callable[[str, bool], bool]] = {}

    def repo_root(self, folder: str) -> str | None:
        """The working tree that holds ``folder`` (the nearest folder with ``.git``)."""
        if folder in self._repo:
            return self._repo[folder]
        root: str | None
        if os.path.lexists(os.path.join(folder, ".git")):
            root = folder
        else:
            parent = os.path.dirname(folder)
            root = None if parent == folder else self.repo_root(parent)
        self._repo[folder] = root
        return root

    @staticmethod
    def _spec(path: str) -> Any:
        try:
            with open(path, encoding="utf-8", errors="surrogateescape") as fh:
                lines = fh.read().splitlines()
        except OSError:
            return None  # unreadable or a folder: git would ignore it too
        import pathspec  # only a walk that meets an ignore file pays for it

        patterns = _Patterns(pathspec.GitIgnoreSpec.from_lines(lines))
        return patterns if patterns.active else None

    def chain(self, folder: str) -> tuple[tuple[str, Any], ...]:
        """``(base folder, patterns)`` that apply in ``folder``, deepest first."""
        got = self._chains.get(folder)
        if got is not None:
            return got
        repo = self.repo_root(folder)
        own: list[tuple[str, Any]] = []
        for name in IGNORE_FILES:
            if name == ".gitignore" and repo is None:
                continue  # as ripgrep and ruff: .gitignore only inside a repository
            spec = self._spec(os.path.join(folder, name))
            if spec is not None:
                own.append((folder, spec))
        if repo == folder:
            for path in (os.path.join(folder, ".git", "info", "exclude"), excludes_file(folder)):
                spec = self._spec(path) if path else None
                if spec is not None:
                    own.append((folder, spec))
            parent_chain: tuple[tuple[str, Any], ...] = ()
        else:
            parent = os.path.dirname(folder)
            parent_chain = () if parent == folder else self.chain(parent)
        got = self._chains[folder] = (*own, *parent_chain)
        return got

    def test(self, folder: str) -> Callable[[str, bool], bool]:
        """``ignored(name, is_dir)`` for the entries of ``folder`` (an absolute path)."""
        got = self._tests.get(folder)
        if got is not None:
            return got
        chain = [(_relative(folder, base), spec) for base, spec in self.chain(folder)]
        if not chain:
            def ignored(name: str, is_dir: bool) -> bool:
                return False
        else:
            prefixes = [("" if rel == "." else rel + "/", spec) for rel, spec in chain]

            def ignored(name: str, is_dir: bool) -> bool:
                for prefix, patterns in prefixes:
                    verdict = patterns.check(prefix + name + ("/" if is_dir else ""))
                    if verdict is not None:
                        return verdict
                return False

        self._tests[folder] = ignored
        return ignored


# -- the walk ----------------------------------------------------------------------------------
def _path_error(p: str) -> str | None:
    """Why ``p`` cannot be checked, or None."""
    try:
        os.stat(p)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if os.path.islink(p):
            return "broken symbolic link"
        if exc.errno == errno.ENOENT:
            return "No such file or directory"
        return f"cannot read: {exc.strerror or exc}"
    except ValueError as exc:  # an embedded NUL
        return f"not a usable path: {exc}"
    return None


def _named_excluded(path: str, config: Config, matchers: _Matchers) -> bool:
    """Whether an excluded glob matches a path named on the command line or one of the
    folders it sits in, below its configuration's folder (``--force-exclude``)."""
    excluded, _ = matchers(config)
    path = os.path.normpath(path)
    if excluded(path, os.path.basename(path)):
        return True
    rel = _relative(path, config.root)
    if rel.startswith("../") or rel == "..":
        return False
    parts = rel.split("/")
    folder = os.path.abspath(config.root)
    for part in parts[:-1]:
        folder = os.path.join(folder, part)
        if excluded(folder, part):
            return True
    return False


def force_excluded(path: str, config: Config, force_exclude: bool | None = None) -> bool:
    """Whether a path named on the command line (or standard input's ``--stdin-filename``)
    is left out: ``force_exclude`` (else the configuration's ``force-exclude``) is on and an
    exclude matches it or a folder it sits in."""
    force = config.force_exclude if force_exclude is None else force_exclude
    return bool(force) and _named_excluded(path, config, _Matchers(()))


def discover(paths: Sequence[str], config: Config | ConfigResolver, suffixes: Iterable[str] = (), *,
             force_exclude: bool | None = None, respect_gitignore: bool | None = None,
             empty: list[str] | None = None) -> Iterator[tuple[str, str | None]]:
    """Files to check, in sorted order per path: ``(path, error)``; error is set for a path
    that cannot be checked (missing, a symbolic link loop, an unreadable folder).

    Folders are walked recursively, skipping hidden folders, excludes and what ``.gitignore``
    / ``.ignore`` files ignore; files found there must match the include globs (by default,
    ``*`` + each registered format's suffix: ``suffixes``). Each folder's settings come from
    the configuration closest to it (``config`` may be one :class:`Config` for everything).
    Files named explicitly are always checked, unless ``force_exclude`` (or the config's
    ``force-exclude``) and an exclude matches them. ``force_exclude`` and
    ``respect_gitignore`` given here override every configuration. Named folders in which
    nothing was found are appended to ``empty``.
    """
    resolver = config if isinstance(config, ConfigResolver) else ConfigResolver(config)
    matchers = _Matchers(suffixes)
    ignores = IgnoreFiles()
    seen: set[str] = set()
    for raw in paths:
        p = raw
        error = _path_error(p)
        if error is not None:
            yield p, error
            continue
        cfg = resolver.for_path(p)
        force = cfg.force_exclude if force_exclude is None else force_exclude
        if force and _named_excluded(p, cfg, matchers):
            continue
        if os.path.isfile(p):
            if p not in seen:
                seen.add(p)
                yield p, None
            continue
        if not os.path.isdir(p):
            yield p, "not a regular file or folder"
            continue
        found: list[str] = []
        errors: list[tuple[str, str]] = []

        def unreadable(exc: OSError) -> None:
            where = exc.filename if isinstance(exc.filename, str) else p
            errors.append((where, f"cannot read folder: {exc.strerror or exc}"))

        for folder, dirs, files in os.walk(p, followlinks=False, onerror=unreadable):
            here = resolver.for_folder(folder)
            excluded, included = matchers(here)
            gitignore = here.respect_gitignore if respect_gitignore is None else respect_gitignore
            ignored = ignores.test(os.path.abspath(folder)) if gitignore else None
            dirs[:] = sorted(
                d for d in dirs
                if not d.startswith(".") and not excluded(os.path.join(folder, d), d)
                and not (ignored and ignored(d, True))
            )
            for name in files:
                if name.startswith(".") or not included(name):
                    continue
                full = os.path.join(folder, name)
                if excluded(full, name) or (ignored and ignored(name, False)):
                    continue
                if _special(full):
                    continue  # a FIFO, socket or device named like a story: opening it could block
                found.append(full)
        for where, message in errors:
            yield where, message
        if not found and not errors and empty is not None:
            empty.append(p)
        for full in sorted(found):
            if full not in seen:
                seen.add(full)
                yield full, None


class Linters:
    """One :class:`~newslint.runner.Linter` per configuration, built the first time a file
    needs it by ``build(config, engine)`` (the engine of the first one built, or None), so
    all share one engine and plugins load once."""

    def __init__(self, resolver: ConfigResolver, build: Callable[[Config, Engine | None], Linter]) -> None:
        self.resolver = resolver
        self._engine: Engine | None = None
        self._build = build
        self._linters: dict[int, tuple[Config, Linter]] = {}

    def for_config(self, config: Config) -> Linter:
        got = self._linters.get(id(config))
        if got is None or got[0] is not config:
            linter = self._build(config, self._engine)
            self._engine = linter.engine
            got = self._linters[id(config)] = (config, linter)
        return got[1]

    def for_path(self, path: str) -> Linter:
        return self.for_config(self.resolver.for_path(path))

    def all(self) -> list[Linter]:
        """Every linter built so far."""
        return [linter for _, linter in self._linters.values()]
