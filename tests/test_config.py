"""Configuration discovery and validation, suppression directives, per-file ignores."""

from __future__ import annotations

import json

import pytest

SAID = "Two people were hurt in the fire, the regional administration said..\n"


def found(proc):
    return [(f["code"], f["location"]["row"]) for f in json.loads(proc.stdout)]


@pytest.mark.parametrize(
    "name, content",
    [
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint]\nignore = ["doubled-punctuation"]\n'),
        ("newslint.toml", 'ignore = ["PUN001"]\n'),
        (".newslint.toml", 'ignore = ["PUN"]\n'),
    ],
)
def test_config_found_upward(newslint, story, tmp_path, name, content):
    (tmp_path / name).write_text(content)
    p = story(SAID, "desk/today/story.txt")
    proc = newslint("check", "--output-format", "json", "--extend-select", "ENC001", p)
    assert found(proc) == [], proc.stderr
    assert proc.returncode == 0


def test_pyproject_without_table_is_skipped(newslint, story, tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    # Above it, an empty config (inside tmp_path: one above it would reach every later test).
    (tmp_path / "newslint.toml").write_text("")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", story(SAID, "desk/story.txt"))
    assert found(proc) == [("PUN001", 1)]


def test_explicit_config_overrides(newslint, story, tmp_path):
    (tmp_path / "newslint.toml").write_text('ignore = ["PUN001"]\n')
    other = tmp_path / "strict.toml"
    other.write_text('select = ["PUN001"]\n')
    proc = newslint("check", "--output-format", "json", "--config", other, story(SAID))
    assert found(proc) == [("PUN001", 1)]
    proc = newslint("check", "--output-format", "json", "--config", tmp_path / "missing.toml", story(SAID))
    assert proc.returncode == 2 and "config file not found" in proc.stderr


@pytest.mark.parametrize(
    "content, message",
    [
        ('selectt = ["PUN001"]\n', "newslint.toml: unknown key `selectt`"),
        # A rule's option at the top level: the error says which table it belongs in.
        ('language = "en-GB"\n', "`language` is an option of spelling-variant: set it in [spelling-variant]"),
        ('select = "PUN001,,"\nignore = 3\n', "newslint.toml: `ignore` must be a list of strings"),
        ('select = ["PUN999"]\n', "unknown rule or prefix 'PUN999' in"),
        ('[severity]\ndoubled-punctuation = "fatal"\n', 'severity.doubled-punctuation = \'fatal\''),
        ('[doubled-punctuation]\nstyle = "x"\n', "doubled-punctuation.style: unknown option"),
        ("select = [\n", "invalid TOML"),
        ('date = "yesterday"\n', "expected a date like 2024-11-22"),
        ('[vocabulary]\naccept-file = "nope.txt"\n', "cannot read"),
    ],
)
def test_bad_config_is_a_clear_error(newslint, story, tmp_path, content, message):
    (tmp_path / "newslint.toml").write_text(content)
    proc = newslint("check", story(SAID))
    assert proc.returncode == 2
    assert message in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1  # one line


def test_severity_override(newslint, story, tmp_path):
    (tmp_path / "newslint.toml").write_text('[severity]\nPUN001 = "info"\n')
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", story(SAID))
    assert json.loads(proc.stdout)[0]["severity"] == "info"


def test_per_file_ignores_and_exclude(newslint, story, tmp_path):
    (tmp_path / "newslint.toml").write_text(
        'extend-exclude = ["archive"]\n[per-file-ignores]\n"wire/*.txt" = ["doubled-punctuation"]\n'
    )
    story(SAID, "wire/a.txt")
    story(SAID, "local/b.txt")
    story(SAID, "archive/c.txt")
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", ".", cwd=tmp_path)
    assert sorted(f["filename"] for f in json.loads(proc.stdout)) == ["./local/b.txt"]


def test_plain_text_suppression(newslint, story):
    text = (
        "newslint: disable-next-line=doubled-punctuation\n"
        "First, the mayor said..\n"
        "Then the chief said..\n"
        "newslint: disable=PUN001\n"
        "Later the clerk said..\n"
        "newslint: enable=PUN001\n"
        "Finally the judge said..\n"
    )
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", story(text))
    assert found(proc) == [("PUN001", 3), ("PUN001", 7)]


def test_markdown_comment_suppression(newslint, story):
    text = (
        "The mayor said..\n\n"
        "<!-- newslint: disable=doubled-punctuation -->\n\n"
        "The chief said..\n\n"
        "<!-- newslint: enable=doubled-punctuation -->\n\n"
        "<!-- newslint: disable-next-line=PUN001 -->\n"
        "The clerk said..\n\n"
        "The judge said..\n"
    )
    proc = newslint("check", "--output-format", "json", "--select", "PUN001", story(text, "s.md"))
    assert found(proc) == [("PUN001", 1), ("PUN001", 12)]


def test_unknown_rule_in_directive_is_reported(newslint, story):
    proc = newslint("check", "--select", "PUN001", story("newslint: disable=doubled-punctuations\nHe said..\n"))
    assert proc.returncode == 2
    assert "unknown rule 'doubled-punctuations' in a newslint directive" in proc.stderr


def test_vocabulary_table_is_validated(newslint, story, tmp_path):
    (tmp_path / "accept.txt").write_text("# newsroom words\nKyiv\nOreshnik\n")
    (tmp_path / "newslint.toml").write_text(
        '[vocabulary]\naccept = ["Sybiha"]\naccept-file = "accept.txt"\nreject = { Kiev = "Kyiv" }\n'
    )
    from newslint.config import load_file

    cfg = load_file(tmp_path / "newslint.toml")
    assert cfg.vocabulary.accept == {"Sybiha", "Kyiv", "Oreshnik"}
    assert cfg.vocabulary.reject == {"Kiev": "Kyiv"}
    assert newslint("check", "--select", "PUN001", story("Fine.\n")).returncode == 0


def test_accept_patterns_compile_and_time_out():
    import time

    from newslint.config import config_from_mapping

    cfg = config_from_mapping({"vocabulary": {"accept-patterns": [r"Al-\p{Lu}\p{Ll}+", r"(a+)+b"]}})
    assert cfg.vocabulary.accepts("Al-Shifa")
    assert not cfg.vocabulary.accepts("Al-shifa")
    start = time.perf_counter()
    assert not cfg.vocabulary.accepts("a" * 40 + "c")  # catastrophic backtracking, cut off
    assert time.perf_counter() - start < 2


def test_bad_pattern_is_a_clear_error(newslint, story, tmp_path):
    (tmp_path / "newslint.toml").write_text('[vocabulary]\naccept-patterns = ["(unclosed"]\n')
    proc = newslint("check", story("Fine.\n"))
    assert proc.returncode == 2 and "vocabulary.accept-patterns: invalid pattern '(unclosed'" in proc.stderr


def test_style_rules_leave_quotations_alone_unless_asked(newslint, story, tmp_path):
    text = (
        "Prices rose 5 percent in March, the ministry said.\n\n"
        '"Prices rose 4 per cent and that hurts," the minister said.\n\n'
        "Rents rose 3 percent, officials said.\n"
    )
    p = story(text)
    proc = newslint("check", "--output-format", "json", "--select", "percent-style", p)
    assert found(proc) == []
    (tmp_path / "newslint.toml").write_text("[percent-style]\ncheck-quotations = true\n")
    proc = newslint("check", "--output-format", "json", "--select", "percent-style", p)
    assert found(proc) == [("NUM001", 3)]
