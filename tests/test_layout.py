"""The layout's promises: one installed name, no import cycles, rules that stay pure, and
extension points that are complete (a third-party pack's rule, format and reporter are
found and used with no configuration)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Where each installed package's source lives in the repository (pyproject's package-dir).
PACKAGE_DIRS = {"newslint": ROOT / "linter", "newslint.rules": ROOT / "rules"}
# What a rule module may never import: configuration, the command line, files and caches.
NOT_FOR_RULES = ("newslint.config", "newslint.cli", "newslint.check", "newslint.console",
                 "newslint.cache", "newslint.runner", "newslint.plugins")


def _modules() -> dict[str, Path]:
    """Every module of the two source folders, by its installed dotted name."""
    found: dict[str, Path] = {}
    for package, folder in PACKAGE_DIRS.items():
        for path in folder.rglob("*.py"):
            rel = path.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            name = ".".join([package, *parts])
            if package == "newslint" and parts[:1] == ["rules"]:
                continue  # not a thing: rules/ is mapped on its own
            found[name] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """newslint modules ``name`` imports, at module level or inside functions (lazy imports
    count: they run too), but not under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name in modules:
                        out.add(alias.name)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = name.split(".")
                    anchor = anchor if is_package else anchor[:-1]
                    anchor = anchor[: len(anchor) - (child.level - 1)]
                    base = ".".join([*anchor, *([base] if base else [])])
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    if full in modules:
                        out.add(full)
                    elif base in modules:
                        out.add(base)
            visit(child)

    visit(tree)
    out.discard(name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def test_the_import_graph_has_no_cycles():
    graph = _graph()
    assert len(graph) > 40  # the walk found the package (a broken walk must not pass)
    assert "newslint.rules.spelling.checks" in graph and "newslint.formats.html" in graph
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    # The test above can fail: the same finder reports a planted cycle.
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_rule_imports_configuration_or_cli_code():
    graph = _graph()
    bad = {name: sorted(graph[name] & set(NOT_FOR_RULES))
           for name in graph if name.startswith("newslint.rules") and graph[name] & set(NOT_FOR_RULES)}
    assert bad == {}


def test_every_builtin_plugin_module_exists_and_is_in_the_package_list():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    from newslint.plugins import BUILTIN_PLUGINS

    modules = _modules()
    packages = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    for plugin in BUILTIN_PLUGINS:
        assert plugin in modules, plugin
    for name, path in modules.items():
        if path.name == "__init__.py":
            assert name in packages, f"{name} is a package but not in pyproject's packages"


# -- one installed name --------------------------------------------------------------------
FAKE_RULES = '''\
"""A stand-in for django-rules: another distribution's top-level `rules` package."""
def add_perm(name, predicate):
    return (name, predicate)
'''


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (found,) = out.glob("newslint-*.whl")
    return found


def test_the_wheel_installs_only_the_newslint_name(wheel):
    with zipfile.ZipFile(wheel) as z:
        tops = {n.split("/")[0] for n in z.namelist()}
        names = z.namelist()
    assert {t for t in tops if not t.endswith(".dist-info")} == {"newslint"}
    # The rules and their data travel inside it.
    assert "newslint/rules/spelling/checks.py" in names
    assert any(n.startswith("newslint/rules/data/") and n.endswith(".bin") for n in names)


def test_another_top_level_rules_package_and_newslint_live_side_by_side(wheel, tmp_path):
    site = tmp_path / "site"
    fake = tmp_path / "fake"
    (fake / "rules").mkdir(parents=True)
    (fake / "rules" / "__init__.py").write_text(FAKE_RULES)
    (fake / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=68"]\nbuild-backend = "setuptools.build_meta"\n'
        '[project]\nname = "fake-rules"\nversion = "1.0"\n[tool.setuptools]\npackages = ["rules"]\n'
    )
    for target in (str(wheel), str(fake)):
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "-q",
             "--target", str(site), target],
            capture_output=True, text=True, timeout=600,
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
    code = (
        "import rules, newslint.rules, json\n"
        "from newslint import lint_text\n"
        "print(json.dumps([rules.add_perm('a', 1), [d.code for d in lint_text('The mayor said..')]]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [["a", 1], ["PUN001"]]


def test_python_dash_m_newslint(tmp_path):
    (tmp_path / "s.txt").write_text("The mayor said..\n")
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--output-format", "concise", "--no-cache",
                           "s.txt"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1 and "PUN001" in proc.stdout
