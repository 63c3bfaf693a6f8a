"""CHR001 invisible-character and CHR002 mojibake."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# -- CHR001 invisible-character ------------------------------------------------------------
def test_chr001_flags_invisible_characters(lint):
    diags = lint(read("chr_invisible.txt"), select=["CHR001"])
    assert [(d.location.row, d.location.column, d.end_location.column, d.message) for d in diags] == [
        (1, 30, 31, "Trailing whitespace (no-break space)"),
        (2, 18, 19, "Invisible character (zero-width space)"),
        (3, 21, 22, "Invisible character (soft hyphen)"),
        (4, 38, 40, "No-break space beside another space (no-break space, space)"),
    ]  # "10\u00a0km" (a lone no-break space) and the emoji's joiner are left alone
    assert [[e.content for e in d.fix.edits] for d in diags] == [[""], [""], [""], [" "]]
    assert all(d.fix.applicability.value == "safe" for d in diags)


def test_chr001_one_finding_per_trailing_run(lint):
    diags = lint("Headline here \u00a0 \t\nBody text.\n   \n", select=["CHR001"])
    assert [(d.location.row, d.location.column, d.end_location.column) for d in diags] == [(1, 14, 18), (3, 1, 4)]
    assert diags[0].message == "Trailing whitespace (space, no-break space, space, tab)"


def test_chr001_byte_order_mark_at_the_start_is_not_text(lint):
    assert lint("\ufeffThe talks resumed.\n", select=["CHR001"]) == []
    assert [d.location.column for d in lint("The talks\ufeff resumed.\n", select=["CHR001"])] == [10]


def test_chr001_fix_through_the_command(newslint, story):
    path = story("Kremlin Says Talks Will Go On\u00a0 \nThe ceasefire was an\u00adnounced.\n")
    proc = newslint("check", "--fix", "--select", "CHR001", "--output-format", "json", path)
    assert proc.returncode == 0, proc.stderr
    assert path.read_text(encoding="utf-8") == "Kremlin Says Talks Will Go On\nThe ceasefire was announced.\n"


# -- CHR002 mojibake -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "run", "fixed"),
    [
        ("The cafÃ© reopened on Monday.", "Ã©", "é"),
        ("The ownerâ€™s son said.", "â€™", "’"),
        ("Tickets cost Â£5 each.", "Â£", "£"),
        ("The Ã¼ber-rich moved abroad.", "Ã¼", "ü"),
    ],
)
def test_chr002_repairs_garbled_text(lint, text, run, fixed):
    (d,) = lint(text, select=["CHR002"])
    start = text.index(run)
    assert (d.location.column, d.end_location.column) == (start + 1, start + 1 + len(run))
    assert d.message == f'Garbled characters "{run}" (mojibake for "{fixed}")'
    assert [e.content for e in d.fix.edits] == [fixed] and d.fix.applicability.value == "safe"


def test_chr002_lone_a_circumflex(lint):
    (d,) = lint("The talks ended.Â The delegates left.", select=["CHR002"])
    assert d.location.column == 17 and [e.content for e in d.fix.edits] == [""]


@pytest.mark.parametrize(
    "text",
    [
        "The café’s owner, a naïve investor from São Paulo, said SÃO PAULO is home.",
        "Ça va, said the Ångström lab in Åland, à la française.",
        "Prices in € and £ rose; the “deal” – a first – was signed…",
    ],
)
def test_chr002_leaves_real_accents_alone(lint, text):
    assert lint(text, select=["CHR002"]) == []


def test_chr002_imports_ftfy_only_when_needed(newslint, story):
    path = story("The mayor said the talks went well.\n")
    code = (
        "import sys; from linter.runner import lint_text; "
        f"lint_text(open({str(path)!r}, encoding='utf-8').read(), select=['CHR002']); "
        "print('ftfy' in sys.modules)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_chr002_json(newslint, story):
    path = story("The cafÃ© reopened.\n")
    proc = newslint("check", "--output-format", "json", "--select", "mojibake", path)
    (item,) = json.loads(proc.stdout)
    assert (item["code"], item["severity"], item["fix"]["edits"][0]["content"]) == ("CHR002", "warning", "é")


def test_chr001_every_character_it_looks_for_is_not_printable():
    """invisible-character skips its scans when the text (line breaks and tabs aside) is
    printable: that is only right while every character NBSP and INVISIBLE find is not."""
    from newslint.rules import characters

    chars = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000)
    found = set(characters.NBSP.findall(chars)) | set("".join(characters.INVISIBLE.findall(chars)))
    assert "\u200b" in found and "\u00a0" in found
    assert not any(ch.isprintable() for ch in found)


def test_chr001_lone_invisible_character_in_printable_copy(lint):
    diags = lint("Talks resumed in Kyiv on Tuesday, and officials\u2060 said progress was slow.", select=["CHR001"])
    assert [d.message for d in diags] == ["Invisible character (word joiner)"]


# -- CHR002's look first: one class scan says whether either pattern can match --------------
def test_chr002_every_match_starts_with_a_lead_character():
    from newslint.rules import characters

    # Every pair of characters from U+0080 to U+03FF, after a space: all the mojibake the
    # patterns know starts within it, and most other Latin text is there too.
    chars = [chr(c) for c in range(0x80, 0x400)]
    text = " ".join(a + b for a in chars[::3] for b in chars) + " Â Ã© â€™ Â£"
    starts = [m.start() for m in characters.MOJIBAKE.finditer(text)]
    starts += [m.start() for m in characters.LONE_A_CIRCUMFLEX.finditer(text)]
    assert len(starts) > 100
    assert all(characters.MOJIBAKE_LEAD.match(text, s) for s in starts)


@pytest.mark.parametrize("text", ["Officials in Baden-WÃ¼rttemberg said.", "Prices rose 5Â % on Monday.",
                                  "The “plan” works. Why?", "Plain ASCII copy."])
def test_chr002_look_first_changes_nothing(lint, text):
    from newslint.rules import characters

    found = [d.message for d in lint(text, select=["CHR002"])]
    expected_any = bool(characters.MOJIBAKE.search(text) or characters.LONE_A_CIRCUMFLEX.search(text))
    assert bool(found) == expected_any
