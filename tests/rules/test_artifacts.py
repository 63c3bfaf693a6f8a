"""ART001 stray-artifact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def flagged(lint, line: str) -> bool:
    text = f"Ferries sailed again on Wednesday, the operator said.\n\n{line}\n\nThe storm has passed.\n"
    return [d.location.row for d in lint(text, select=["ART001"])] == [3]


def test_art001_page(lint):
    diags = lint(read("art_page.txt"), select=["ART001"])
    assert [(d.location.row, d.message, d.fix.applicability.value) for d in diags] == [
        (6, 'Stray artifact "TT"', "safe"),
        (9, 'Stray artifact "Advertisement"', "safe"),
        # markup and template syntax: certain, but a site's build may need it
        (11, 'Stray artifact "[caption id="attachment_912" align="a..."', "unsafe"),
        (17, 'Stray artifact "Share on WhatsApp"', "unsafe"),  # judged on evidence only
        (18, 'Stray artifact "{{related_links}}"', "unsafe"),
    ]
    assert {(d.code, d.name, d.fix.title) for d in diags} == {("ART001", "stray-artifact", "Delete the line")}
    tt = diags[0]
    assert (tt.location.column, tt.end_location.column) == (1, 3)


@pytest.mark.parametrize(
    "line",
    [
        # listed forms
        "TT", "TKTK", "Advertisement", "ADVERTISEMENT", "Read more", "Share this article",
        "Skip to main content", "Continue reading", "Image caption", "Related Articles",
        "Story continues below", "Sponsored content", "Follow us on Twitter",
        # markup: shortcodes, template tags, HTML, entities
        '[caption id="attachment_4821" align="aligncenter" width="640"]', "[/caption]",
        '[gallery ids="12,13,14"]', "{{image}}", "{% include ad.html %}", '<div class="ad-slot">',
        "&nbsp;",
        # forms no list holds: judged on evidence
        "Sign up for the morning briefing newsletter", "Subscribe to the Daily Digest",
        "Advertisement - Scroll to continue", "Listen to this story", "Download our app",
        "Facebook Twitter WhatsApp Email", "Read more: Ferry strike ends after two weeks",
        "RELATED: Storm closes harbour", "[IMAGE]", "[embedded content]", "(Photo)",
        "INSERT MAP HERE", "pic.twitter.com/a1b2c3", "https://twitter.com/portnews/status/1195",
        "www.youtube.com/watch?v=a1b2c3", "[PHOTO]", "[PULL QUOTE]", "[SIDEBAR]", "[XXX]",
        "Published 2 hours ago", "Filed under: Transport", "12 Comments", "Page 2 of 3",
        "Click to share on Twitter (Opens in new window)", "Get the latest headlines delivered to your inbox",
        "XQ", "XXX", "Photos © 2019 Daily News. All rights reserved.",
    ],
)
def test_art001_flags(lint, line):
    assert flagged(lint, line), line


@pytest.mark.parametrize(
    "line",
    [
        "Ferry Service Resumes After Storm Closes Harbour",  # a headline
        "Share prices tumble after profit warning",
        "Twitter shares fall on weak advertising outlook",
        "Follow the money",
        "Print edition sales slump",
        "What happens next?",  # subheadings
        "Analysis",
        "Sign of the times",
        "HELSINKI, Finland (AP) —",  # a dateline
        "By Jane Okafor",  # bylines and credits
        "By JANE OKAFOR and TOM BERG Associated Press",
        "Reporting by Jane Okafor; Editing by Tom Berg",
        "Additional reporting by Tom Berg in Tallinn",
        "Photo: Reuters",
        "AP",  # an agency credit, not a stray token
        "II",  # a section number
        "He told us to read more about the storm. Then he left.",
        "Read the full text of the minister's statement",
        # a site's address signing the story off, or crediting a source
        "www.autoracing.com.br", "https://www.portnews.co.uk/",
        # a photo credit in a script without capitals ("Photo = MBC, SBS")
        "[사진=MBC, SBS]",
        # a source named in capitals after a quoted review
        "[ CNET ]", "[CNBC]",
        # a caption's credit
        "Jewels after Jewels after Jewels, installation views, photos © Inexhibit, 2018",
    ],
)
def test_art001_leaves_copy_alone(lint, line):
    assert not flagged(lint, line), line


def test_art001_wrapped_line_is_not_a_leftover(lint):
    # A hard-wrapped sentence whose last word lands alone on a line.
    text = "The board approved a dividend of 40 cents a\nshare.\n"
    assert lint(text, select=["ART001"]) == []


def test_art001_fix_keeps_paragraphs(newslint, story):
    path = story(
        "Ferries sailed again on Wednesday.\n\nTT\n\nThe storm has passed.\nAdvertisement\n"
        "Forecasters expect calm seas.\n\nRead more\n"
    )
    proc = newslint("check", "--output-format", "json", "--select", "ART001", path)
    assert proc.returncode == 1, proc.stderr
    found = json.loads(proc.stdout)
    assert [(d["name"], d["location"]["row"], d["fix"]["applicability"]) for d in found] == [
        ("stray-artifact", 3, "safe"), ("stray-artifact", 6, "safe"), ("stray-artifact", 9, "safe")]
    assert newslint("check", "--select", "ART001", "--fix", path).returncode == 0
    assert path.read_text(encoding="utf-8") == (
        "Ferries sailed again on Wednesday.\n\nThe storm has passed.\nForecasters expect calm seas.\n"
    )


def test_art001_html_and_markdown(lint):
    html = "<p>Ferries sailed again on Wednesday.</p>\n<div>Advertisement</div>\n<p>The storm has passed.</p>\n"
    assert [d.location.row for d in lint(html, format="html", select=["ART001"])] == [2]
    md = "Ferries sailed again on Wednesday.\n\n**Related Articles**\n\nThe storm has passed.\n"
    diags = lint(md, format="markdown", select=["ART001"])
    assert [d.location.row for d in diags] == [3]
    # The line holds markup: the fix is shown (display-only), never applied.
    assert diags[0].fix.applicability.value == "display-only" and diags[0].fix.edits == ()


def test_art001_and_dup002_leave_html_titles_cells_and_alt_text_alone(lint):
    page = (
        "<html><head><title>Port Opens New Terminal</title></head><body>"
        "<h1>Port Opens New Terminal</h1>\n"
        "<p>The port opened its new terminal on Tuesday, the director said.</p>\n"
        "<table><tr><td>TT</td><td>Read more</td></tr></table><img src='x.png' alt='FAQ'>\n"
        "<p>Advertisement</p></body></html>\n"
    )
    found = [(d.code, d.location.row) for d in lint(page, select=["ART001", "DUP002"], format="html")]
    assert found == [("ART001", 4)]


# -- the cheap gates in classify() must let through every line their pattern matches ----------

# One line for each alternative of UI_PHRASE (the gates skip the pattern when the key words
# are missing), some with letters that only match when case is ignored (İ, ſ, Kelvin sign).
UI_PHRASE_LINES = [
    "© 2024 Harbour Post", "Page 2 of 3", "Sign up for alerts", "Log in", "Delivered to your inbox",
    "Read this article free", "Save for later", "We use cookies", "Cookie settings",
    "Follow us on Instagram", "Like us", "Join us", "Click here", "Tap to expand", "Read more stories",
    "Read the full story", "Story continues below", "Scroll down", "Terms of use", "Privacy policy",
    "Join the conversation", "Download the app", "Our newsletters", "Breaking news alerts",
    "All rights reserved", "Leave a comment", "Your email address", "Get the Harbour Post app",
    "Thanks for signing up", "Opens in a new window", "Enable JavaScript", "Upgrade your browser",
    "Your browser does not support the video tag", "This video cannot be played",
    "To play this video", "This content is not available", "Skip Twitter post",
    "End of Instagram post", "Allow Facebook content", "View this post on Instagram",
    "A photo shared by the mayor", "Powered by Example", "Image source, Reuters",
    "Report an error", "Create a free account", "Join our mailing list", "Support our work",
    "Become a member", "Support independent journalism", "Add to favourites", "Save to my list",
    "Already a subscriber", "Most read", "Copyright Harbour Post",
    "View the original article", "Photo 3 of 12", "More from Harbour Post", "Duration: 2:15",
    "SİGN UP for alerts", "CLİCK HERE", "ſcroll down", "Clic\u212a here", "“Read more” stories",
    "Click\u00a0here", "Opens in a new window (©)",
]


@pytest.mark.parametrize("line", UI_PHRASE_LINES)
def test_art001_ui_phrase_gate_lets_matches_through(line):
    from newslint.rules import artifacts

    assert artifacts.UI_PHRASE.search(line), line  # the pattern matches ...
    assert artifacts._may_be_ui_phrase(artifacts._fold(line)), line  # ... so the gate must pass


@pytest.mark.parametrize(
    "line",
    ["INSERT PHOTO HERE", "[PHOTO HERE]", "Map here", "insert chart", "Chart goes HERE!!", "Graphic here »"],
)
def test_art001_placeholder_gate_lets_matches_through(line):
    from newslint.rules import artifacts

    assert artifacts.PLACEHOLDER.match(line), line
    assert artifacts._may_be_placeholder(line, artifacts._fold(line)), line


@pytest.mark.parametrize(
    "line", ["https://example.com/story", "WWW.EXAMPLE.COM", "pic.twitter.com/a1b2c3"],
)
def test_art001_embed_gate_lets_matches_through(line):
    from newslint.rules import artifacts

    assert artifacts.EMBED.match(line), line
    assert artifacts._may_embed(line, artifacts._fold(line)), line


def test_art001_embed_needs_a_line_without_spaces():
    """classify() asks EMBED only of a line with no space in it: the pattern's \\s is a
    subset of what str.strip() removes, so a stripped line it matches has no white space."""
    import regex
    import sys

    from newslint.rules import artifacts

    space = regex.compile(r"\s")
    assert not [c for c in range(sys.maxunicode + 1) if space.match(chr(c)) and not chr(c).isspace()]
    for line in ["https://example.com/story more", "www.example.com\u00a0/x", "pic.twitter.com/a b",
                 "https://example.com/" + "a" * 130 + " x"]:
        assert artifacts.EMBED.match(line.strip()) is None and artifacts.classify(line) is None
    assert artifacts.classify("https://example.com/" + "a" * 130) is artifacts.Kind.LIKELY
    assert artifacts.classify("  pic.twitter.com/a1b2c3  ") is artifacts.Kind.LIKELY


INLINE_KEY_LINES = [
    "He said so. READ MORE: the plan", "ALREADY READY", "They SEE it. SEE ALSO: more", "RELATED: x",
    "MORE ON THIS STORY: y", "WATCH: the video", "LISTEN: now", "ADVERTISEMENT: z", "Read more: it",
    "See also: this", "Also read: that", "Related: x", "Share this slide: x", "Follow us on X",
    "A post shared by Jane (@jane)", "RealSEE x", "“Related:” it", "x\u00a0READ MORE:",
    "no key in this line at all", "read more: lower case is no key", "",
]


@pytest.mark.parametrize("text", ["\n".join(INLINE_KEY_LINES), "\n\n".join(reversed(INLINE_KEY_LINES))])
def test_art001_inline_key_scan_finds_every_line_with_a_key(text):
    """stray_artifact() searches a line for INLINE_KEYS only where one of INLINE_KEY_SCANS matched."""
    from newslint.rules import artifacts

    starts = artifacts._key_starts(text)
    assert starts == sorted(starts)
    pos = 0
    for line in text.split("\n"):
        if any(key in line for key in artifacts.INLINE_KEYS):
            assert any(pos <= s < pos + len(line) for s in starts), line
        pos += len(line) + 1


# Every INLINE label, after a sentence, with each kind of white space between its words, and
# lines where a key stands without a label (or a label without the key the scan looks for).
LABEL_LINES = [
    f"Officials said the talks would go on.{gap}{label}"
    for gap in (" ", "  ", "\u00a0", "\t", '" ', "” ")
    for ws in (" ", "\t", "\u00a0")
    for label in [
        f"READ{ws}MORE: x", f"READ{ws}ALSO: x", f"ALSO{ws}READ: x", f"SEE{ws}ALSO: x", "RELATED: x",
        f"RELATED{ws}STORIES: x", f"MORE{ws}ON{ws}THIS: x", f"MORE{ws}FROM{ws}BBC: x", "WATCH: x", "LISTEN:x",
        "ADVERTISEMENT : x", f"Read{ws}more: x", f"See{ws}also: x", f"Also{ws}read: x", "Related: x",
        f"Related{ws}coverage: x", f"Share{ws}this{ws}video: x", f"Follow{ws}us{ws}on{ws}Twitter now",
        f"A{ws}photo{ws}shared{ws}by{ws}Jane{ws}Doe{ws}(@jdoe){ws}on{ws}Mar 3, 2017 at 9:15am PST",
    ]
] + ["ALREADY done. MORE\tON THIS: x", "He SEES it. READ\tMORE: x", "Sharers. Follow\tus on X", "x. Related:"]


def test_art001_label_words_find_every_line_with_a_label():
    """stray_artifact() searches a line for INLINE only where a word of LABEL_WORDS stands:
    every line INLINE matches must hold one, and its key must be in the story's ASCII words."""
    from newslint.document import Document
    from newslint.rules import artifacts

    text = "\n".join(LABEL_LINES + INLINE_KEY_LINES)
    starts = artifacts._label_starts(Document.from_text(text))
    pos = 0
    matched = 0
    for line in text.split("\n"):
        if artifacts.INLINE.search(line):
            matched += 1
            assert any(pos <= s < pos + len(line) for s in starts), line
        pos += len(line) + 1
    assert matched > 300
    for line in LABEL_LINES:  # each line alone: only the words of its own label are looked for
        if artifacts.INLINE.search(line):
            assert artifacts._label_starts(Document.from_text(line)), line


@pytest.mark.parametrize("long_text", [False, True])
def test_art001_label_words_give_the_findings_of_the_key_scan(monkeypatch, long_text):
    """The same findings as when every line holding a key is searched (the key scan), on
    labels with every kind of white space; a long text (no word set kept) scans for the keys."""
    from newslint.document import Document
    from newslint.rules import artifacts

    text = "\n\n".join(LABEL_LINES + INLINE_KEY_LINES)
    if long_text:
        monkeypatch.setattr(artifacts, "FORGET_LOWERED_CHARS", 100)
    found = list(artifacts.stray_artifact(Document.from_text(text)))
    monkeypatch.setattr(artifacts, "_label_starts", lambda doc: artifacts._key_starts(doc.text))
    assert found == list(artifacts.stray_artifact(Document.from_text(text)))
    assert len(found) > 250


def test_art001_fold_knows_every_letter_regex_matches_to_ascii():
    """_fold maps the non-ASCII letters that ``regex`` matches to an ASCII letter when
    ignoring case; the gates rely on it."""
    import regex

    from newslint.rules import artifacts

    chars = "".join(chr(c) for c in range(128, 0x30000) if not 0xD800 <= c < 0xE000)
    found = set(regex.findall(r"(?i)[a-z]", chars))
    assert found == {chr(c) for c in artifacts._TO_ASCII}
    for ch in found:
        assert artifacts._fold(ch).isascii() and regex.fullmatch(f"(?i){artifacts._fold(ch)}", ch)


@pytest.mark.parametrize(
    "line", ["Port Authority Opens New Terminal", "Council Approves Budget After Long Debate",
             "Debate lasted more than four hours.", "This is a big day for the region, she said."],
)
def test_art001_headlines_that_share_key_words_stay_quiet(lint, line):
    assert not flagged(lint, line)


def test_art001_sentence_end_helper_matches_the_pattern():
    from newslint.rules import artifacts

    for line in ["He said.", "He said..", "Wait...", "Really?”", "No!)", "Go.'\"", "Hello", "A. B", "“Yes.”"]:
        assert artifacts._ends_sentence(line) == bool(artifacts.SENTENCE_END.search(line)), line


# -- real copy: prose stays, furniture inside a line is found, markup is never deleted --
@pytest.mark.parametrize(
    "line",
    [
        "This article has been cross-posted to Medium.",
        "In this post, you will learn how to:",
        "For full details on the grant activities and budget, see this page.",
        "And we'd love it if you'd join us.",
    ],
)
def test_art001_leaves_prose_about_the_page_alone(lint, line):
    assert not flagged(lint, line)


def test_art001_leaves_a_markdown_heading_alone(lint):
    text = "## Setting up\n\nThe template needs a few keys.\n\n### Ads\n\nAds are served by DFP.\n"
    assert lint(text, select=["ART001"], format="markdown") == []


@pytest.mark.parametrize("line", ["Copyright 2019 Hawaii News Now. All rights reserved.", "Story continues below gallery"])
def test_art001_still_flags_furniture_sentences(lint, line):
    assert flagged(lint, line)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Officials said the talks would go on. READ MORE: A hard winter for Afghan refugees Last year, "
         "more than 600,000 people returned.", "READ MORE:"),
        ('"It is over," he ruled. RELATED: Huge stakes for the immigration do-over Tillerson said little.', "RELATED:"),
        ("There was no word on whether charges would be filed. Share this slide: The Weird News email "
         "delivers strange news.", "Share this slide:"),
        ("The singer posted a photo. A post shared by Jane Doe (@janedoe) on Mar 3, 2017 at 9:15am PST "
         "She later deleted it.", "A post shared by Jane Doe (@janedoe) on Mar 3, 2017 at 9:15am PST"),
    ],
)
def test_art001_flags_furniture_inside_a_scraped_line(lint, text, label):
    (d,) = lint(text, select=["ART001"])
    assert d.fix is None
    assert text[d.location.column - 1 : d.end_location.column - 1] == label


@pytest.mark.parametrize(
    "text",
    [
        "He urged voters to watch: the count begins on Tuesday.",
        "Critics say you should read more: the report runs to 400 pages.",
        "She said she would share this story with her children.",
    ],
)
def test_art001_leaves_words_like_labels_in_prose_alone(lint, text):
    assert lint(text, select=["ART001"]) == []


def test_art001_fix_never_deletes_template_syntax(newslint, story):
    text = "The page loads its styles:\n\n{{ CSS.push('css/app.css') }}\n\nAdvertisement\n\nThat is all.\n"
    path = story(text)
    proc = newslint("check", "--select", "ART001", "--fix", path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == "The page loads its styles:\n\n{{ CSS.push('css/app.css') }}\n\nThat is all.\n"


@pytest.mark.parametrize(
    "line",
    [
        "— Jane Okafor (@jokafor) March 3, 2024",  # an embedded tweet's footer
        "Storm closes the harbour for a third day pic.twitter.com/a1b2c3",  # the tweet itself
        "© Reuters",  # a picture credit
        "© 2019 Jane Doe/AP",
    ],
)
def test_art001_leaves_embedded_posts_and_credits_alone(lint, line):
    assert not flagged(lint, line)


def test_art001_link_definition_shown_as_text(newslint, story):
    post = (
        "We are hiring a graphics intern for the summer.\n\n"
        "Are you the one? [Apply now!]\n"
        "[Apply now!]: https://jobs.example.org/1995/summer-intern\n\n"
        "Read about [last year's interns][interns].\n\n"
        "[interns]: https://blog.example.org/interns \"Our interns\"\n"
    )
    path = story(post, name="post.md")
    proc = newslint("check", "--no-cache", "--isolated", "--output-format", "json", "--select", "ART001", path)
    found = json.loads(proc.stdout)
    # The definition after a blank line works; the one glued to its paragraph shows as text.
    assert [(d["location"]["row"], d["location"]["column"], d["fix"]) for d in found] == [(4, 1, None)]
    assert found[0]["message"].startswith('Link definition "[Apply now!]" right after a paragraph line')
    # In plain text such a line is not Markdown's to judge.
    text = story(post.replace("\n\n[interns]", "\n\nNotes"), name="post.txt")
    proc = newslint("check", "--no-cache", "--isolated", "--output-format", "json", "--select", "ART001", text)
    assert [d["message"] for d in json.loads(proc.stdout) if "definition" in d["message"]] == []


def test_art001_lone_caps_never_matches_a_line_with_a_space():
    """classify() tries LONE_CAPS on a line over four characters only when it holds no
    space: a stripped line the pattern matches is one token."""
    import random

    from newslint.rules import artifacts

    rnd = random.Random(7)
    alphabet = ["X", "T", "K", ".", " ", "\u00a0", "\t", "A", "a", "É"]
    matched = 0
    for _ in range(20_000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 9))).strip()
        if line and artifacts.LONE_CAPS.match(line):
            matched += 1
            assert " " not in line or len(line) <= 4, line
            assert (artifacts.classify(line) is None) == (line in artifacts.NOT_STRAY), line
    assert matched > 100
    for line in ["TK TK", "XX XX", "T.K. x", "TT\u00a0TT", "The TT"]:
        assert artifacts.LONE_CAPS.match(line) is None
    for line in ["TKTKTKTK", "  TKTKTKTKTK ", "XXXXXXX", "T.K."]:  # long tokens, tried too
        assert artifacts.classify(line) is artifacts.Kind.LIKELY, line
