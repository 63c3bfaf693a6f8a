"""Real copy as sites and browsers hold it: Markdown with site-generator syntax, embedded
posts, renderers that typeset quotes and dashes, and whole web pages read on their article."""

from __future__ import annotations

import json

import pytest

from newslint.formats.html import parse_html
from newslint.formats.markdown import parse_markdown

JEKYLL_POST = """\
---
layout: post
title: "Using the template"
---
{% include header.html %}

Our template loads its styles like this, and the speling is ours:

{% raw %}
    {{ CSS.push('css/bootstrap.css') }}
{% endraw %}

{% highlight python %}
def render(): return "teh"
{% endhighlight %}

{{< figure src="/img/a.jpg" caption="A photo" >}}

See {{ site.url }}/graphics for more.[^1]
{: .intern-projects}

[^1]: The graphics desk keeps the list.
"""


def where(text, needle):
    """1-based (row, column) of ``needle`` in ``text``."""
    i = text.index(needle)
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


def findings(result):
    return [(f["name"], f["location"]["row"], f["location"]["column"]) for f in json.loads(result.stdout)]


def test_site_syntax_is_not_prose_and_fixes_leave_it(newslint, story):
    path = story(JEKYLL_POST, name="post.md")
    result = newslint("check", "--no-cache", "--output-format", "json", path)
    assert result.returncode == 1, result.stderr
    # Only the writer's typo, at its exact place; no Liquid, shortcode or attribute list.
    assert findings(result) == [("misspelling", *where(JEKYLL_POST, "speling"))]
    fixed = newslint("check", "--no-cache", "--fix", "--unsafe-fixes", path)
    assert fixed.returncode in (0, 1), fixed.stderr
    after = path.read_text()
    for syntax in ("{% include header.html %}", "{% raw %}", "{{ CSS.push('css/bootstrap.css') }}",
                   '{{< figure src="/img/a.jpg" caption="A photo" >}}', "{{ site.url }}",
                   "{: .intern-projects}", "[^1]", "{% highlight python %}", 'return "teh"'):
        assert syntax in after


def test_site_syntax_never_reaches_the_text():
    doc = parse_markdown(JEKYLL_POST)
    for mark in ("{%", "%}", "{{", "}}", "{:", "[^", "teh", "CSS"):
        assert mark not in doc.text
    # Inside a sentence it stands as one object character, so the sentence keeps its shape.
    assert "See \ufffc/graphics for more.\ufffc" in doc.text
    assert "The graphics desk keeps the list." in doc.text


def test_embedded_posts_are_other_peoples_words(newslint, story):
    post = (
        "The mayor answered on Twitter within the hour.\n\n"
        '<blockquote class="twitter-tweet"><p lang="en">We will recieve teh report tomorow.</p>'
        "&mdash; Mayor (@mayor) <a href=\"https://twitter.com/mayor/status/1\">May 1, 2024</a></blockquote>\n\n"
        '<blockquote class="instagram-media" data-instgrm-permalink="x"><p>Beautifull sunset..</p></blockquote>\n\n'
        "Her critics were not convinved.\n"
    )
    path = story(post, name="post.md")
    result = newslint("check", "--no-cache", "--output-format", "json", path)
    assert findings(result) == [("misspelling", *where(post, "convinved"))]


@pytest.mark.parametrize(
    "text, rule",
    [
        ('“We will rebuild,” the mayor said. "The bridge reopens in May," she added.\n', "mixed-quotes"),
        ("Relations -- or even talks -- would end, he said. It was a step back—a long one.\n", "dash-style"),
    ],
)
def test_renderer_converts_quotes_and_dashes(newslint, story, tmp_path, text, rule):
    md = story(text, name="story.md")
    txt = story(text, name="story.txt")
    result = newslint("check", "--no-cache", "--isolated", "--select", rule, "--output-format", "json", md, txt)
    names = {(f["filename"].endswith(".md"), f["name"]) for f in json.loads(result.stdout)}
    assert (True, rule) not in names  # kramdown, Hugo and SmartyPants typeset these
    assert (False, rule) in names  # plain text is read as written
    config = tmp_path / "newslint.toml"
    config.write_text(f'[{rule}]\nrenderer-converts = false\n')
    result = newslint("check", "--no-cache", "--config", config, "--select", rule, "--output-format", "json", md)
    assert rule in {f["name"] for f in json.loads(result.stdout)}


PAGE = """\
<!DOCTYPE html>
<html><head><title>Harbor fire contained | Daily Nwes</title></head>
<body>
<div class="cookie-banner"><p>We use cookis to improve your experience. By continuing you accept our polcy.</p></div>
<header class="site-header"><div class="logo">Daily Nwes</div>
<ul class="menu"><li><a href="/">Home</a></li><li><a href="/w">Wolrd</a></li></ul></header>
<main>
<article>
<h1>Harbor fire contained after six hours</h1>
<div class="share-bar"><a href="#">Share this artcle</a> <a href="#">Tweet</a></div>
<div class="story-body">
<p>Firefighters contained a large blaze at a harbor warehouse on Wednesday after it burned for
nearly six hours, the city's fire chief said, and the investigaton would take several weeks.</p>
<p>Smoke could be seen from across the bay, and officials asked residents nearby to keep their
windows closed while crews, boats and a helicopter fought the flames into the evening.</p>
<p>The harbor's ferry service was suspended until Thursday, the port authority said in a
statement, adding that no one was hurt and that the cause of the fire was not yet known.</p>
</div>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Warehouse owner faces
questions over safety recrods, inspectors and neighbours say in a long report</a></li></ul></aside>
</article>
</main>
<div class="comments"><p>Comment: this is a disgrace, the city never maintains anythign and the
firefighters deserve better pay, equipment and training than they get today.</p></div>
<footer class="site-footer"><p>Copyright Daily Nwes. All rihgts reserved. Contact the newsroom.</p></footer>
</body></html>
"""


def test_web_page_is_linted_on_its_article(newslint, story, tmp_path):
    path = story(PAGE, name="page.html")
    result = newslint("check", "--no-cache", "--isolated", "--select", "misspelling", "--output-format", "json", path)
    # The article's typo, at its exact source row and column; no menu, title, cookie banner,
    # share bar, related links, comments or footer.
    assert findings(result) == [("misspelling", *where(PAGE, "investigaton"))]
    config = tmp_path / "newslint.toml"
    config.write_text("main-content = false\n")
    result = newslint("check", "--no-cache", "--config", config, "--select", "misspelling",
                      "--output-format", "json", path)
    words = {f["message"] for f in json.loads(result.stdout)}
    assert len(words) >= 6 and any("investigaton" in w for w in words)


def test_main_content_keeps_headline_and_body_only():
    doc = parse_html(PAGE)
    assert doc.text.startswith("Harbor fire contained after six hours\n\nFirefighters contained")
    assert "Related" not in doc.text and "Comment" not in doc.text and "cookis" not in doc.text
    # A fragment (no <body>) is read whole: it is the writer's own markup.
    fragment = parse_html('<div class="share-bar"><p>Share it.</p></div><p>The story.</p>')
    assert fragment.text == "Share it.\n\nThe story."


WIDGET_PAGE = """\
<!DOCTYPE html>
<html><body>
<article class="post type-post category-sponsored-content">
<div class="entry-content has-share-bar">
<h1>Jaguar cuts output as unsold cars pile up</h1>
<div class="byline-section"><div class="publish-date">Published 11:11 PM EST Nov 19, 2019</div></div>
<p>Jaguar Land Rover will cut production at two plants next month, the carmaker said on
Tuesday, as unsold sport-utility vehicles, sedans and coupes fill lots across the country.</p>
<div class="gallery-wrap"><div class="control-bar"><p class="open">Caption</p><p class="close">Close</p></div>
<div class="caption-truncated"><p>In this photograph, a long row of unsold vehicles sits at a dealership.</p></div></div>
<p>The company said the cuts, which affect about 4,000 workers, would last at least six weeks,
and that it expected demand to recover, slowly but surely, in the spring.</p>
<div class="StoryShareBottom"><div class="form-submit">Report Error</div></div>
<div class="next-prev"><p>Audi's second electric vehicle, the E-Tron Sportback, officially debuts today</p></div>
<div class="body-read-more"><div class="read-more-button">Read More</div></div>
<div class="comment-body"><p>Reader comment: they should have seen this coming, frankly, years ago.</p></div>
<div id="site-footer" class="footer-content"><p>Daily Wheels is the leading automotive resource, with daily
headlines, reviews, prices and breaking news from the auto industry.</p></div>
</div>
</article>
<div style="display:none;" itemscope itemtype="http://schema.org/NewsArticle">
<h1 itemprop="name">Jaguar cuts output as unsold cars pile up</h1>
<div itemprop="articleBody"><p>Jaguar Land Rover will cut production at two plants next month, the
carmaker said on Tuesday, as unsold sport-utility vehicles, sedans and coupes fill lots.</p></div>
</div>
<p aria-hidden="true">Jaguar Land Rover will cut production at two plants next month, the carmaker said.</p>
</body></html>
"""


def test_main_content_leaves_widgets_and_page_stamps_out():
    text = parse_html(WIDGET_PAGE).text
    assert text.startswith("Jaguar cuts output as unsold cars pile up\n\nJaguar Land Rover will cut")
    assert "slowly but surely, in the spring." in text
    # A gallery's controls and repeated captions, the page's time stamp, a share box named in
    # camel case, the next and previous stories' teasers, a button.
    for chrome in ("Caption", "Close", "long row", "Published", "Report Error", "Audi", "Read More",
                   "Reader comment", "leading automotive resource"):
        assert chrome not in text, chrome
    # Copies no reader sees (data for search engines): read once, not three times.
    assert text.count("Jaguar Land Rover will cut production") == 1


def test_gallery_page_and_app_root_keep_their_story():
    # A page that is a photo gallery: its captions are the story, not a gallery beside one.
    gallery = (
        "<html><body><header><p>Daily News</p></header><h1>In pictures: storm hits the coast</h1>"
        '<div class="gallery"><figure><img src="a.jpg"><figcaption>Waves break over the harbour '
        "wall in Porthcawl.</figcaption></figure><figure><img src='b.jpg'><figcaption>A fallen tree "
        "blocks a road near Cardiff.</figcaption></figure></div></body></html>"
    )
    text = parse_html(gallery).text
    assert "Waves break over the harbour wall" in text and "A fallen tree" in text
    assert "Daily News" not in text
    # A page rendered by Next.js wraps everything in <div id="__next">: not a "next story" teaser.
    app = (
        '<html><body><div id="__next"><main><h1>Council approves budget</h1><p>The council '
        "approved its budget on Tuesday, with rates rising by 3 percent, the mayor said.</p>"
        "</main></div></body></html>"
    )
    assert parse_html(app).text.endswith("rates rising by 3 percent, the mayor said.")


def test_what_no_reader_sees_is_not_linted(newslint, story):
    page = (
        "<p>The council met on Tuesday and approved the budget.</p>\n"
        '<div style="color: red; display:none"><p>Teh council met on Tusday.</p></div>\n'
        "<div style='visibility: hidden'><p>Teh budget was aproved.</p></div>\n"
        '<p>Members voted <span aria-hidden="true">tehm</span>unanimously.</p>\n'
    )
    result = newslint("check", "--no-cache", "--isolated", "--output-format", "json", story(page, name="story.html"))
    assert result.returncode == 0, result.stdout
    assert parse_html(page).text == "The council met on Tuesday and approved the budget.\n\nMembers voted unanimously."


def test_graphic_placeholder_is_not_prose(newslint, story):
    post = (
        "The map shows where the whales were seen last year.\n\n"
        '<p data-pym-loader data-child-src="https://apps.example.org/graphics/whales/ships.html" '
        'id="responsive-embed-whales"> Loading... </p> <script src="https://pym.example.org/pym-loader.js"></script>\n\n'
        "Researchers counted fewer than 50 of them.\n"
    )
    result = newslint("check", "--no-cache", "--isolated", "--output-format", "json", story(post, name="post.md"))
    assert result.returncode == 0, result.stdout


def test_spacer_paragraphs_are_empty(newslint, story):
    path = story("<p>The council met on Tuesday.</p>\n<p>&nbsp;</p>\n<p>\u200b</p>\n", name="story.html")
    result = newslint("check", "--no-cache", "--isolated", "--output-format", "json", path)
    assert result.returncode == 0, result.stdout


def test_markdown_space_runs_are_one_space_on_the_page(newslint, story):
    text = "The mayor said.  Then she left  the hall.\n\nThe council met on Tuesday.\n"
    md = story(text, name="story.md")
    txt = story(text, name="story.txt")
    result = newslint("check", "--no-cache", "--isolated", "--select", "spacing", "--output-format", "json", md, txt)
    found = {(f["filename"].endswith(".md"), f["location"]["row"]) for f in json.loads(result.stdout)}
    assert found == {(False, 1)}  # plain text shows the doubled spaces; the rendered page does not
    assert parse_markdown(text).text == "The mayor said. Then she left the hall.\n\nThe council met on Tuesday."
