"""A third-party pack can add a rule, an input format and an output format, and each is
found and used with no configuration; duplicates of any kind name both plugins; a fix that
cannot be applied still shows its help, marked display-only."""

from __future__ import annotations

import json
import textwrap

import conftest
import pytest

from newslint import Finding, Fix, Edit, Rule, Severity, Span, hookimpl, lint_text
from newslint.errors import NewslintError
from newslint.plugins import load_engine
from newslint.registry import RuleSet

NITF_PACK = textwrap.dedent(
    '''
    """A wire desk's pack: NITF stories, a house rule and a tab-separated report."""
    import re
    from newslint import Finding, Format, Reporter, Rule, Severity, Span, TextBuilder, hookimpl

    def parse_nitf(source):
        """The text inside <p>...</p>; tags are not fed, so offsets map back to the source."""
        b = TextBuilder(source)
        for m in re.finditer(r"<p>(.*?)</p>", source, re.S):
            b.keep(m.start(1), m.end(1))
            b.insert("\\n\\n", m.end(1))
        return b.build(format_name="nitf")

    def kiev(doc):
        """## What it does
        Flags "Kiev"; the house style is "Kyiv".
        """
        for m in re.finditer("Kiev", doc.text):
            yield Finding(Span(m.start(), m.end()), 'House style is "Kyiv"')

    def write_tsv(results, stream, ctx):
        for r in results:
            for d in r.diagnostics:
                stream.write(f"{d.filename}\\t{d.location.row}\\t{d.location.column}\\t{d.code}\\n")

    @hookimpl
    def newslint_register_rules(register):
        register(Rule("WIR001", "wire-kyiv", Severity.WARNING, kiev))

    @hookimpl
    def newslint_register_formats(register):
        register(Format("nitf", (".nitf",), parse_nitf))

    @hookimpl
    def newslint_register_reporters(register):
        register(Reporter("tsv", write_tsv, description="one tab-separated line a finding"))
    '''
)

NITF = '<nitf><head><title>Kiev Kiev</title></head><body>\n<p>Officials in Kiev said..</p>\n</body></nitf>\n'


def test_a_packs_rule_format_and_reporter_are_found_and_used(newslint, tmp_path):
    env = conftest.install_pack(tmp_path, NITF_PACK, name="wire_pack", entry="wire")
    folder = tmp_path / "stories"
    (folder / "wire").mkdir(parents=True)
    (folder / "wire" / "a.nitf").write_text(NITF)
    (folder / "b.txt").write_text("Officials in Kiev said.\n")
    proc = newslint("check", "--no-cache", "--output-format", "tsv", folder, env=env)
    lines = sorted(proc.stdout.splitlines())
    # The .nitf file was found by the folder walk (no include setting) and parsed by the
    # pack's format: the title is not text, and columns point into the source.
    assert f"{folder}/wire/a.nitf\t2\t17\tWIR001" in lines
    assert f"{folder}/wire/a.nitf\t2\t26\tPUN001" in lines
    assert f"{folder}/b.txt\t1\t14\tWIR001" in lines
    assert len(lines) == 3, proc.stdout + proc.stderr
    assert proc.returncode == 1
    # The help texts come from the registry.
    help_text = newslint("check", "--help", env=env).stdout
    assert "tsv: one tab-separated line a finding" in " ".join(help_text.split())
    listed = json.loads(newslint("rules", "--output-format", "json", env=env).stdout)
    assert {"code": "WIR001", "plugin": "wire"}.items() <= next(r for r in listed if r["code"] == "WIR001").items()


def test_the_engine_records_each_objects_plugin():
    import types

    pack = types.ModuleType("tsvpack")
    exec(compile(NITF_PACK, "tsvpack", "exec"), pack.__dict__)
    engine = load_engine(entry_points=False, extra=(pack,))
    assert engine.formats["nitf"].plugin == "tsvpack"
    assert engine.reporters["tsv"].plugin == "tsvpack"
    assert engine.reporters["json"].plugin == "newslint.reporters"
    assert engine.rules.lookup("WIR001").plugin == "tsvpack"
    assert ".nitf" in engine.suffixes() and ".md" in engine.suffixes()


def _pack(name, **hooks):
    import types

    mod = types.ModuleType(name)
    for hook, fn in hooks.items():
        setattr(mod, f"newslint_register_{hook}", hookimpl(fn))
    return mod


@pytest.mark.parametrize("hook,make,expected", [
    ("reporters", lambda: __import__("newslint").Reporter("json", lambda r, s, c: None),
     "reporter 'json' is registered twice: by plugin 'newslint.reporters' and by plugin 'clash'"),
    ("formats", lambda: __import__("newslint").Format("markdown", (".mdx",), lambda s: None),
     "format 'markdown' is registered twice: by plugin 'newslint.formats.markdown' and by plugin 'clash'"),
    ("formats", lambda: __import__("newslint").Format("wiki", (".md",), lambda s: None),
     "file suffix '.md' is claimed twice: by format 'markdown' of plugin 'newslint.formats.markdown' "
     "and by format 'wiki' of plugin 'clash'"),
])
def test_duplicates_of_any_kind_name_both_plugins(hook, make, expected):
    pack = _pack("clash", **{hook: lambda register: register(make())})
    with pytest.raises(NewslintError) as err:
        load_engine(entry_points=False, extra=(pack,))
    assert str(err.value) == expected


@pytest.mark.parametrize("hook,obj,expected", [
    ("reporters", object(), "which is not a Reporter"),
    ("formats", object(), "which is not a Format"),
    ("formats", "bad-suffix", "must claim a tuple of suffixes"),
])
def test_formats_and_reporters_are_validated_like_rules(hook, obj, expected):
    from newslint import Format

    if obj == "bad-suffix":
        obj = Format("wiki", ("wiki",), lambda s: None)
    pack = _pack("odd", **{hook: lambda register: register(obj)})
    with pytest.raises(NewslintError, match=expected):
        load_engine(entry_points=False, extra=(pack,))


def test_a_registration_hook_that_raises_is_that_packs_load_error():
    def explode(register):
        register(Rule("BRK001", "broken-pack", Severity.INFO, lambda doc: iter(())))
        raise SystemExit(0)

    engine = load_engine(entry_points=False, extra=(_pack("exploding", rules=explode),))
    assert any("plugin 'exploding' failed in newslint_register_rules: SystemExit" in e for e in engine.load_errors)
    assert "BRK001" not in engine.rules.by_code  # half a registration is not kept
    assert "PUN001" in engine.rules.by_code


# -- select / ignore: the most specific selector wins (flake8, ruff) -----------------------
RULES = RuleSet([
    Rule("PUN001", "doubled-punctuation", Severity.ERROR, lambda d: iter(())),
    Rule("PUN002", "dash-style", Severity.INFO, lambda d: iter(())),
    Rule("PUN003", "ellipsis-style", Severity.INFO, lambda d: iter(())),
    Rule("SPL001", "misspelling", Severity.ERROR, lambda d: iter(())),
    Rule("NUM001", "percent-style", Severity.INFO, lambda d: iter(()), default=False),
])


@pytest.mark.parametrize("select,extend,ignore,expected", [
    (None, (), (), {"PUN001", "PUN002", "PUN003", "SPL001"}),               # defaults: default-off left out
    (("ALL",), (), (), {"PUN001", "PUN002", "PUN003", "SPL001", "NUM001"}),
    (("PUN",), (), (), {"PUN001", "PUN002", "PUN003"}),
    (("PUN001",), (), ("PUN",), {"PUN001"}),                                # --ignore PUN --select PUN001
    (("PUN",), (), ("PUN001",), {"PUN002", "PUN003"}),                      # the longer prefix wins
    (("PUN00",), (), ("PUN",), {"PUN001", "PUN002", "PUN003"}),
    (("PUN",), (), ("PUN00",), set()),
    (("PUN001",), (), ("PUN001",), set()),                                  # a tie: ignore wins
    (("doubled-punctuation",), (), ("PUN",), {"PUN001"}),                   # a name is as specific as a code
    (("PUN",), (), ("doubled-punctuation",), {"PUN002", "PUN003"}),
    (None, ("percent-style",), (), {"PUN001", "PUN002", "PUN003", "SPL001", "NUM001"}),
    (None, ("NUM",), ("NUM001",), {"PUN001", "PUN002", "PUN003", "SPL001"}),
    (("SPL",), ("PUN001",), (), {"SPL001", "PUN001"}),
    (("ALL",), (), ("PUN", "SPL"), {"NUM001"}),
])
def test_select_ignore_decision_table(select, extend, ignore, expected):
    assert RULES.resolve(select, extend, ignore) == expected


# -- display-only fixes --------------------------------------------------------------------
def test_a_fix_that_would_edit_markup_keeps_its_help_line(newslint, story):
    # The doubled mark is an entity (&#46;): removing it would edit markup, so the fix is shown only.
    path = story("<p>The mayor said.&#46;</p>\n", name="page.html")
    full = newslint("check", "--no-cache", path)
    assert "= help: Remove the extra \".\" (display-only: the fix would edit markup)" in full.stdout
    assert "[*]" not in full.stdout.split("\n")[0]
    data = json.loads(newslint("check", "--no-cache", "--output-format", "json", path).stdout)
    assert data[0]["fix"] == {"applicability": "display-only", "message": 'Remove the extra "."', "edits": []}
    # --fix and --unsafe-fixes leave it alone.
    before = path.read_bytes()
    newslint("check", "--no-cache", "--fix", "--unsafe-fixes", path)
    assert path.read_bytes() == before


def test_lint_text_shows_display_only_fixes():
    (d,) = lint_text("<p>The mayor said.&#46;</p>", format="html", select=["PUN001"])
    assert d.fix is not None and d.fix.applicability.value == "display-only" and d.fix.edits == ()
