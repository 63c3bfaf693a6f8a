"""Main-content extraction: the article, not the page.

A news page holds the story and a great deal of chrome: menus, headers and footers, share
buttons, teasers for other stories, link lists, comments, cookie banners. The HTML walker
gathers the page's blocks (paragraphs, headings, list items ...) with the block elements
around each and how much of its text is link text; :func:`select` keeps the article's.

The method is readability's (Arc90), scored over the walker's blocks rather than a DOM:

1. A block is *prose* when it has at least :data:`MIN_WORDS` words, at most a third of its
   text is link text, and neither its element nor the three around it are chrome by their
   tag (``header``, ``footer``, ``aside``, ``form``), role (``navigation``, ``banner``,
   ``complementary`` ...) or class and id (``comments``, ``share``, ``related``,
   ``newsletter``, ``cookie``, ``sidebar``, ``teaser``, ``promo``, a gallery's or player's
   ``control-bar``, ``next-prev`` teasers, ``publish-date`` stamps ...; words split at
   ``-``, ``_`` and camel case: ``StoryShareBottom``). Chrome further up
   is often a page-wide wrapper (``class="has-sidebar"``) and is not held against it.
2. Each prose block scores 1, plus one per comma, plus one per 100 characters (at most 3);
   the element holding it gets the score, the one around that half of it; an element that
   is chrome itself loses 25.
3. The best-scoring element is the article; while the element around it (not ``body``, not
   chrome) holds a quarter more prose in all, that one is (a story split into many small
   containers); elements beside it (same parent) that score at least a fifth as much join it.
4. The article's blocks are kept, minus those inside chrome elements and link lists (over
   half link text); the page's first ``h1`` (the headline) is kept too.

A page with no prose block (a fragment, a list page, a photo gallery) is kept whole, minus
chrome (but not its gallery or slideshow: there, the captions are the story). The cost
is one pass over the blocks: on the 90 real-copy pages (``realcopy/web/html``, 28 KB to
1.4 MB), reading a page on its main content takes 0.5 to 1.5 ms more than reading it
whole, 5 to 15% of the 9 to 10 ms a page takes (CPU time, mean per page, best of 5;
Python 3.11 on the shared 2-core machine under load). Against the hand-extracted bodies it
keeps 98.8% of the article's words, and 5.7% of what it keeps is not in them (headlines,
alt text and captions, which the hand extraction leaves out, are a third of that);
trafilatura keeps 97.6 to 97.9% with 1.4 to 4.6% outside, readability-lxml 98.8% with
4.3%, at about twice the time and without source positions.
"""

from __future__ import annotations

from collections.abc import Sequence

from newslint.formats.html_walker import CHROME, Candidate

MIN_WORDS = 10
MAX_LINK_SHARE = 1 / 3  # a prose block: at most this share of link text
LINK_LIST_SHARE = 0.5  # a kept block: at most this share of link text
SIBLING_SHARE = 0.2
CLIMB = 1.25  # the article's element grows to the one around it while that holds this much more prose
NEAR = 4  # a prose block in chrome this close (its element and three around it) is not scored
CHROME_PENALTY = 25


def _words(c: Candidate, source: str) -> tuple[int, int, int]:
    """Characters, words and commas of a candidate's text."""
    chars = words = commas = 0
    for s, e, t in c.ops:
        txt = source[s:e] if t is None else t
        chars += len(txt)
        words += len(txt.split())
        commas += txt.count(",")
    return chars, words, commas


def select(candidates: Sequence[Candidate], nodes: Sequence[tuple[int, str, int]],
           source: str) -> list[Candidate]:
    """The candidates that make up the article, in page order."""
    chrome_cache: dict[int, bool] = {}

    def in_chrome(path: tuple[int, ...]) -> bool:
        for n in path:
            v = chrome_cache.get(n)
            if v is None:
                v = chrome_cache[n] = nodes[n][2]
            if v:
                return True
        return False

    scores: dict[int, float] = {}
    totals: dict[int, float] = {}  # every prose block's score, at every element around it
    for c in candidates:
        if c.kind != "paragraph" and c.kind != "list-item" and c.kind != "blockquote":
            continue
        if not c.path or in_chrome(c.path[-NEAR:]):
            continue  # a comment, a share box, a teaser (chrome further up is often a wrapper)
        chars, words, commas = _words(c, source)
        if words < MIN_WORDS or c.link_chars > MAX_LINK_SHARE * max(1, c.text_chars):
            continue
        score = 1 + commas + min(chars // 100, 3)
        # The block's own element (a <p>) is path[-1]; its container path[-2], and so on.
        own = c.path[-1]
        holders = c.path[:-1] if nodes[own][1] in ("p", "li", "blockquote", "pre") else c.path
        if holders:
            scores[holders[-1]] = scores.get(holders[-1], 0) + score
        if len(holders) > 1:
            scores[holders[-2]] = scores.get(holders[-2], 0) + score / 2
        for n in holders:
            totals[n] = totals.get(n, 0) + score
    if not scores:
        # No prose anywhere (a photo gallery page, a fragment): what the page has is the story,
        # its gallery or slideshow too.
        return [c for c in candidates if not any(nodes[n][2] == CHROME for n in c.path)]
    for n in scores:
        if nodes[n][2]:
            scores[n] -= CHROME_PENALTY  # readability's weight for a negative class
    top = max(scores, key=lambda n: (scores[n], -n))
    # A story whose paragraphs sit in many small containers (one <div> per few paragraphs):
    # climb while the element around holds a quarter more prose than the one chosen.
    # (Wrappers that hold the same prose are looked through, up to three of them.)
    while True:
        up = nodes[top][0]
        for _ in range(3):
            if up < 0 or nodes[up][1] in ("body", "html") or nodes[up][2]:
                up = -1
                break
            if totals.get(up, 0) >= CLIMB * totals.get(top, 0):
                break
            up = nodes[up][0]
        else:
            up = -1
        if up < 0:
            break
        top = up
    scores.setdefault(top, 0)
    parent = nodes[top][0]
    limit = max(scores[top] * SIBLING_SHARE, 3)
    chosen = {top} | {n for n, sc in scores.items() if n != top and nodes[n][0] == parent and sc >= limit}
    out: list[Candidate] = []
    headline_done = False
    for c in candidates:
        inside = any(n in chosen for n in c.path)
        if not inside:
            if not headline_done and c.kind == "heading" and c.path and nodes[c.path[-1]][1] == "h1":
                headline_done = True
                out.append(c)  # the story's headline, often outside its body's container
            continue
        if c.kind == "heading" and c.path and nodes[c.path[-1]][1] == "h1":
            headline_done = True
        if in_chrome(c.path[c.path.index(next(n for n in c.path if n in chosen)) + 1:]):
            continue  # a share bar or related-links box inside the article
        if c.kind != "alt" and c.link_chars > LINK_LIST_SHARE * max(1, c.text_chars):
            continue  # a link list: "Read more", "Related", teasers
        out.append(c)
    return out
