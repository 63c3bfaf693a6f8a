"""Artifacts: leftovers of scraping and CMS export on a line of their own ("TT", "Advertisement")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum
import re

import regex

from newslint import patterns
from newslint.document import FORGET_LOWERED_CHARS
from newslint import Applicability, Document, Edit, Finding, Fix, Rule, Severity, Span, hookimpl

# Lines that are always page furniture, compared after folding case, punctuation and spaces.
LISTED = frozenset(
    """
    tt | tk | tktk | tktktk | tk tk | advertisement | advertisements | advertising | ad | ads
    | sponsored | sponsored content | paid content | paid post | partner content | promoted
    | promoted content | read more | read more here | read full article | read full story
    | read the full story | read the full article | continue reading | continue reading the main story
    | continue reading below | story continues below | article continues below
    | the story continues below | scroll to continue | scroll to continue with content
    | share | share this | share this article | share this story | share this page
    | share on facebook | share on twitter | share via email | tweet | email | print
    | print this article | print this page | email this article | comments | comment
    | view comments | show comments | hide comments | leave a comment | skip to main content
    | skip to content | skip to navigation | back to top | jump to comments | image caption
    | media caption | image copyright | image source | related | related articles
    | related stories | related content | related topics | related coverage | more on this story
    | more stories | top stories | most read | most popular | trending | trending now
    | recommended | recommended for you | you may also like | you might also like | see also
    | also read | next article | previous article | next story | load more | show more
    | subscribe | subscribe now | subscribe to our newsletter | sign up for our newsletter
    | sign up to our newsletter | sign up | sign in | log in | click here to subscribe
    | click here | follow us on twitter | follow us on facebook | follow us on instagram
    | follow us | like us on facebook | media playback is unsupported on your device
    | enlarge this image | toggle caption | hide caption | caption | embedded content
    | embed | loading | copy link | link copied | save article | listen to this article
    | reuse this content | cookie policy | accept cookies | accept all cookies | menu | close
    | search | download the app | get the app | open in app | watch video | play video
    | watch now | video | photo gallery | gallery | view gallery | view image | click to expand
    | click to enlarge | lorem ipsum | placeholder | insert photo | insert image | insert here
    | like this | pin it | back to home | back to homepage | jump to | jump to content
    | table of contents | contents | add comment | add a comment | up next | now playing | replay
    | watch again | submit | next | previous | next page | previous page | older posts
    | newer posts | editor s picks | editors picks | around the web | from around the web
    | from our partners | promoted stories | recommended stories | paid partner content
    | sponsored stories | breaking news | live updates | live blog | latest news | photo | photos
    | video | videos | audio | graphic | infographic | interactive | slideshow | podcast
    | listen | listen now | watch | newsletter | newsletters | subscribe now | shop now | buy now
    | terms of use | privacy policy | cookie settings | manage cookies | cookie preferences
    """.replace("\n", " ").split("|")
)
LISTED = frozenset(" ".join(x.split()) for x in LISTED if x.strip())
FOLD = patterns.compile(r"[^\p{L}\p{N}]+")

# Markup that should never reach copy, as a whole line: shortcodes (WordPress and the like),
# template tags, HTML tags, comments and entities.
SYNTAX = patterns.compile(
    r"""
    ^\s*(?:
        \[/?[a-z][\w-]*(?:\s+[\w-]+\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s\]]+))+\s*/?\]   # [caption id="1" ...]
      | \[/[a-z][\w-]*\]                                    # [/caption]
      | \[[a-z][\w-]*(?:\s+[^\]\n]*)?\].*\[/[a-z][\w-]*\]    # [embed]...[/embed]
      | \{\{[^{}\n]{1,80}\}\} | \{%[^%\n]{1,80}%\} | \{\#[^\n]{1,80}\#\}   # {{image}} {% ad %}
      | <%[^\n]{1,80}%> | %%[\w .-]{1,40}%% | \$\{[\w.]{1,40}\} | \[\[[^\[\]\n]{1,60}\]\]
      | (?:</?(?:a|p|div|span|br|hr|img|iframe|script|style|figure|figcaption|section|article
            |aside|header|footer|nav|ul|ol|li|table|tbody|tr|td|th|strong|em|b|i|u|blockquote
            |h[1-6]|picture|source|video|audio|embed|object|noscript|button|form|input|label
            |meta|link|small|sup|sub|center|font|ins|amp-ad|amp-img)
            (?:\s+[\w:-]+(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s>]+))?)*\s*/?>\s*)+  # <div class="ad">
      | <!--.*?-->
      | (?:&(?:nbsp|amp|lt|gt|quot|\#\d+|\#x[0-9a-f]+);\s*)+
    )\s*$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A placeholder or label in brackets: [IMAGE], [Photo], [INSERT CHART HERE], [embedded content].
BRACKETED = patterns.compile(r"^\s*[\[{(]\s*([^\[\]{}()\n]{1,40}?)\s*[\]})]\s*$")
# What a bracketed slot in a layout is for: "[IMAGE]", "[CHART]", "[PULL QUOTE]".
SLOT_WORDS = frozenset(
    """image images img photo photos photograph picture pictures pic video videos audio chart
    charts map maps graphic graphics graph table poll quiz widget box factbox infobox sidebar
    pullquote quote break end more link links url hed dek headline subhead byline credit
    caption cutline insert placeholder here tbd tbc tk tktk xx xxx""".split()
)
SLOT_MARK = patterns.compile(r"x{2,}|(?:tk)+")
# A media label in brackets, with or without an agency: "(Photo)", "(AP Video)".
MEDIA_LABEL = patterns.compile(
    r"^(?:(?:AP|AFP|Reuters|Getty|EPA|PA)\s+)?(?:photo|video|audio|graphic|image|picture|gallery)s?$",
    regex.IGNORECASE,
)
# "INSERT PHOTO HERE", "[PHOTO HERE]": a layout placeholder.
PLACEHOLDER = patterns.compile(r"^\W*(?:insert\s+[\p{L} ]{1,30}|[\p{L} ]{1,30}\s+(?-i:HERE|here))\W*$", regex.IGNORECASE)
# A lone all-caps token of one to three letters ("TT"), or a placeholder like "XXX".
LONE_CAPS = patterns.compile(r"^\s*(?:\p{Lu}{1,3}|X{2,}|TK(?:TK)+|T\.K\.)\s*$")
# Roman numerals (section numbers) and news-agency credits are not stray tokens.
NOT_STRAY = frozenset("I II III IV V VI VII VIII IX X XI XII AP AFP PA EPA UPI ANP DPA".split())
# Leftovers of embedded posts: a bare link on a line of its own. An embedded post itself
# (a tweet's text ending in its picture link, its "— Jane Doe (@jdoe) March 3, 2017"
# footer) is someone else's words quoted on purpose, not page furniture.
EMBED = patterns.compile(
    r"""
    ^\s*(?:
        (?:https?://|www\.)\S+
      | pic\.twitter\.com/\S+
    )\s*$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A site's address with no path: "www.example.com", "https://example.co.uk/".
BARE_SITE = patterns.compile(r"^\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?\s*$", regex.IGNORECASE)
# A picture credit after a copyright sign: "© Reuters", "© Jane Doe/AP" (a short name).
COPYRIGHT_CREDIT = patterns.compile(r"^\s*©\s*(?:\d{4}\s+)?\p{Lu}[\p{L}.&'’-]*(?:[ /]\p{Lu}[\p{L}.&'’-]*){0,3}\s*$")
# A credit inside a caption: "photos © Inexhibit", "Image: © Jane Doe".
MEDIA_COPYRIGHT = patterns.compile(
    r"\b(?:photo(?:graph)?s?|images?|pictures?|videos?|illustrations?|graphics?|footage)\s*:?\s*©", regex.IGNORECASE
)
RIGHTS = patterns.compile(r"\brights\s+reserved\b", regex.IGNORECASE)
# "Read more: Other headline", "RELATED: ...", "WATCH: ...", "Advertisement - Scroll to continue".
LABEL = patterns.compile(
    r"""^\s*(?:read\s+more|read\s+also|also\s+read|see\s+also|related(?:\s+(?:stories|articles|news|content|coverage|links?))?
        |more\s+(?:on\s+this|from|stories|news)|recommended|watch|listen|advertisement|sponsored
        |click\s+here|follow\s+us|subscribe|sign\s+up|trending|most\s+read)\s*[:>»›|–—-]""",
    regex.VERBOSE | regex.IGNORECASE,
)
# Interface words: on a short line made only of these and function words, the line is
# page furniture ("Share this story", "Follow us on Twitter", "Story continues below").
UI_STRONG = frozenset(
    """click tap share tweet retweet subscribe subscribers subscription unsubscribe follow
    newsletter newsletters advertisement advertisements advertising advert adverts ad ads
    sponsored sponsor promoted comments comment print email e-mail emails menu cookie cookies
    login logout signup download app apps gallery slideshow caption captions enlarge expand
    collapse toggle playback loading scroll skip continues continue continued reading read
    trending popular recommended topics tags bookmark bookmarked facebook twitter instagram
    whatsapp linkedin pinterest reddit youtube tiktok snapchat rss podcast podcasts embed
    embedded javascript browser unsupported newsroom related reprints permissions paywall
    notifications listen inbox copyright taboola outbrain livestream infographic replay
    window tab favourites favorites watch video videos photo photos""".split()
)
UI_WEAK = frozenset(
    """more next previous prev back top here full main page story stories article articles
    content post posts below above link links copy copied save saved
    image images media play listen view views see also show hide screen search home
    sections section sign log register account alerts alert privacy policy settings accept
    allow enable device free trial offer donate feedback contact now latest news up in on
    off down get use gift getty reuters afp add manage live coverage new opens open source close report""".split()
)
FUNCTION = frozenset(
    """the a an this that these our us we you your my on in to for of and or with by at from
    all it is be please via not no its""".split()
)
# A picture credit: "Photo: Reuters", "Video: AP".
CREDIT = patterns.compile(r"^(?:photo(?:graph)?|picture|image|video|credit)s?\s*:\s*\S", regex.IGNORECASE)
# What a script or spreadsheet leaves behind when a field is empty or broken.
JUNK = patterns.compile(r"^\s*(?:undefined|null|NaN|\[object\s+\w+\]|#(?:VALUE|REF|NAME)[!?]|#N/A|#DIV/0!)\s*$")
# Phrases that only page furniture uses; with them a short line needs no other evidence.
UI_PHRASE = patterns.compile(
    r"""©|^\s*page\s+\d+\s+of\s+\d+\s*$|\b(?:
        (?:sign|log)\s+(?:up|in)\b | (?:your|the)\s+inbox | this\s+(?:article|page|post)
      | for\s+later | we\s+use\s+cookies | cookie\s+(?:policy|settings|preferences)
      | (?:follow|like|join)\s+(?-i:us|US\s+ON) | click\s+(?:here|to|below) | tap\s+(?:here|to)
      | read\s+more\b | read\s+the\s+full\s+(?:story|article) | continues?\s+(?:reading|below|after) | scroll\s+(?:down|to|for)
      | (?:terms|privacy)\s+(?:of\s+(?:use|service)|policy) | join\s+the\s+(?:conversation|discussion)
      | download\s+(?:the|our)\s+app | (?:free|our)\s+newsletters? | breaking\s+news\s+alerts
      | all\s+rights\s+reserved | (?:leave|add|post)\s+a\s+comment | your\s+email(?:\s+address)?
      | (?:get|download)\s+(?:the|our)\s+(?:[\p{L}-]+\s+){0,3}app\b | for\s+signing\s+up
      | (?:opens?|open)\s+in\s+(?:a\s+)?new\s+(?:window|tab) | (?:enable|upgrade)\s+(?:your\s+)?(?:javascript|browser)
      | browser\s+(?:does\s+not|doesn['’]t)\s+support | this\s+video\s+(?:can\s*not|cannot|is\s+not)
      | to\s+(?:play|view|watch)\s+this\s+(?:video|content) | content\s+is\s+(?:not|no\s+longer)\s+available
      | (?:skip|end\s+of)\s+(?:twitter|x|instagram|facebook|youtube|tiktok)\s+(?:post|content|video)
      | allow\s+(?:twitter|x|instagram|facebook|youtube|tiktok)\s+content | view\s+this\s+post\s+on
      | (?:a\s+)?(?:post|photo|video)\s+shared\s+by | (?:powered|presented)\s+by | image\s+(?:source|copyright)
      | report\s+(?:an?\s+)?(?:error|typo|correction|problem|this\s+ad)
      | create\s+(?:a|an|your)\s+(?:free\s+)?account | mailing\s+list | (?:join|support)\s+our\b
      | become\s+a\s+(?:member|subscriber|supporter|patron) | support\s+(?:independent\s+)?journalism
      | (?:add\s+to|save\s+to)\s+(?:favou?rites|reading\s+list|my\s+list) | already\s+a\s+(?:subscriber|member)
      | ^\s*most\s+(?:read|viewed|popular|watched|shared|commented|emailed|recent)\b
      | ^\s*(?:©|\(c\)|copyright\b) | (?:view|see|read)\s+(?:the\s+)?(?:full|original)\s+(?:article|story|post)
      | ^\s*(?:image|photo|picture|slide|video)\s+\d+\s+(?:of|/)\s+\d+\s*$
      | more\s+(?:from|in)\s+(?:\p{Lu}[\p{L}.&-]*\s*){1,3}$ | \bduration:?\s+\d{1,2}:\d\d
    )""",
    regex.VERBOSE | regex.IGNORECASE,
)
# Time stamps of the page: "Published 2 hours ago", "Updated 12:03 GMT", "Filed under: Politics".
STAMP = patterns.compile(
    r"""^\s*(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)\s*(?:on|at|:)?\s*
        (?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\w+\s+(?:hours?|minutes?|days?|mins?)\s+ago|an?\s+(?:hour|minute|day)\s+ago)
      | (?:filed\s+under|posted\s+in|tags?|topics|categories|category)\s*:)""",
    regex.VERBOSE | regex.IGNORECASE,
)
# A prompt at the start of a line: "Subscribe to The Daily Digest", "Sign up for alerts".
PROMPT = patterns.compile(r"^\s*(?:subscribe|sign\s+up|register)\s+(?:to|for|now|today)\b(?!.*[.?!]\s+\p{Lu})", regex.IGNORECASE)
# Phrases that only page furniture uses, even in a whole sentence ("Copyright 2019 Hawaii
# News Now. All rights reserved.", "Click here to subscribe."). Other UI_PHRASE evidence
# ("this article", "join us", "read more") is also how writers talk about their own
# writing: a line that reads as a sentence of five words or more with one is prose
# ("This article has been cross-posted to Medium.", "In this post, you will learn how to:").
HARD_PHRASE = patterns.compile(
    r"""©|\bcopyright\b|\ball\s+rights\s+reserved\b|\bwe\s+use\s+cookies\b|^\s*click\s+here\b
      |\b(?:sign\s+up|subscribe)\s+(?:to|for)\s+(?:our|the)\s+(?:[\p{L}-]+\s+){0,2}newsletters?\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
# A line that reads as a sentence: five words or more, ending like a sentence or with a colon.
SENTENCE_LIKE_END = patterns.compile(r"(?:(?<!\.)\.|[?!:])['\"’”)*_]*\s*$")
# Page furniture inside a line of running text, where a scraper joined a whole page into
# one paragraph: a teaser label after a sentence ("... said. READ MORE: Afghan refugees
# return ..."), a share prompt ("Share this slide:"), an embedded post's credit ("A post
# shared by Jane Doe (@jdoe) on Mar 3, 2017 at 9:15am PST"). Labels are in capitals or
# end in a colon, so a sentence that merely says "watch" or "read more" is not matched.
INLINE = patterns.compile(
    r"""
    (?:^|(?<=[.!?;"”’)]\s{1,3})|(?<=[.!?]["”’]))
    (?P<label>
        (?-i:READ\s+MORE|READ\s+ALSO|ALSO\s+READ|SEE\s+ALSO|RELATED(?:\s+(?:STORIES|STORY|COVERAGE|CONTENT|ARTICLES?))?
            |MORE\s+(?:ON\s+THIS|FROM\s+\p{Lu}+)|WATCH|LISTEN|ADVERTISEMENT)\s*:
      | (?-i:Read\s+more|Read\s+also|Also\s+read|See\s+also|Related(?:\s+(?:stories|coverage|articles?))?)\s*:
      | (?-i:Share)\s+this\s+(?:slide|article|story|post|page|video)\s*:
      | (?-i:Follow\s+us)\s+on\s+(?:Facebook|Twitter|Instagram|X)\b
      | (?-i:A)\s+(?:post|photo|video)\s+shared\s+by\s+[^()\n]{1,80}?\(@[\w.]{1,30}\)
            (?:\s+on\s+\p{L}{3,9}\.?\s+\d{1,2},\s+\d{4}(?:\s+at\s+\d{1,2}:\d\d\s*(?:[ap]m)?(?:\s+[A-Z]{3})?)?)?
    )
    """,
    regex.VERBOSE,
)
INLINE_KEYS = ("READ", "ALSO", "SEE ", "RELATED", "MORE ", "WATCH", "LISTEN", "ADVERTISEMENT",
               "Read ", "See also", "Also read", "Related", "Share this", "Follow us", "shared by")
# Where a key may start: one scan for each first character, then the rests of the keys
# that start with it. The standard library's engine runs fast to a literal first
# character; a pattern that starts with a class ([RASMWLFs]) is tried at every character
# (~80 instructions each, most of the rule's time on a long story).
INLINE_KEY_SCANS = tuple(
    re.compile(re.escape(first) + "(?:" + "|".join(re.escape(key[1:]) for key in INLINE_KEYS if key[0] == first) + ")")
    for first in sorted({key[0] for key in INLINE_KEYS})
)
# Each INLINE label holds one of these words, as it is written there, standing alone (the
# label's first word, between the text before it and a space or colon; "shared" for
# "A post shared by"), keyed by the word as Document.ascii_words holds it: a story whose
# ASCII words hold none of the keys holds no label. The word set is shared (the date and
# real-word rules read it too), and a few string searches for the words a story holds cost
# less than a scan for every key's first character.
LABEL_WORDS = {
    b"read": ("READ", "Read"), b"also": ("ALSO", "Also"), b"see": ("SEE", "See"),
    b"related": ("RELATED", "Related"), b"more": ("MORE",), b"watch": ("WATCH",), b"listen": ("LISTEN",),
    b"advertisement": ("ADVERTISEMENT",), b"share": ("Share",), b"follow": ("Follow",), b"shared": ("shared",),
}
SENTENCE_END = patterns.compile(r"(?:(?<!\.)\.|[?!])['\"’”)]*\s*$")  # an ellipsis does not count
INNER_SENTENCE = patterns.compile(r"\p{Ll}[.?!]['\"’”)]*\s+\p{Lu}")  # two sentences: running text


# A Markdown link reference definition that reached the text: right after a paragraph line
# it is not a definition (CommonMark and kramdown both say so), and the page shows it.
LINK_DEF = patterns.compile(
    r"""[ ]{0,3}\[(?!\^)(?P<label>[^\[\]\n]{1,100})\]:[ \t]*
        (?:\ufffc|<[^<>\n]*>|[/#.]\S*|mailto:\S+)
        (?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$""",
    regex.VERBOSE,
)


class Kind(Enum):
    """How sure the check is: listed forms are certain; markup and template syntax are
    certain too, but deleting them may break the page or the site's build (a Liquid tag
    left in Markdown is the site's, not the writer's); the rest is evidence."""

    CERTAIN = "certain"
    MARKUP = "markup"
    LIKELY = "likely"


# Cheap gates, so that the patterns above run only on lines that could match them. Each is
# a necessary condition for its pattern, tested on the line folded by ``_fold``: ASCII
# lower case, and the three other characters that ``regex`` matches to an ASCII letter
# when ignoring case (tests/rules/test_artifacts.py checks both).
_TO_ASCII = {0x130: "i", 0x17F: "s", 0x212A: "k"}  # İ, long s, Kelvin sign
# A word that some alternative of UI_PHRASE needs, whole or as its start ("cookie" for
# "cookies"); "more" needs "from" or "in" too. Each key begins a word in the pattern.
UI_WHOLE = frozenset(
    """page sign log signing follow like join click tap read continue continues scroll
    terms privacy download breaking rights app enable upgrade content skip end
    allow view shared powered presented image report create mailing support become add save
    already most copyright full original photo picture slide video duration""".split()
)
UI_PREFIX = ("inbox", "later", "cookie", "newsletter", "comment", "email", "javascript", "browser")
UI_PREFIX_SCAN = re.compile("|".join(UI_PREFIX))  # whether one is in the line at all: one scan
# Keys that need another word beginning so: "more" (from|in), "open(s)" (in ... new window),
# "this" (article|page|post, or to play this video|content).
UI_WITH = {"more": ("from", "in"), "open": ("in",), "opens": ("in",),
           "this": ("article", "page", "post", "video", "content")}
# How a line that LABEL, STAMP or PROMPT matches begins.
LEAD_KEYS = (
    "read", "also", "see", "related", "more", "recommended", "watch", "listen", "advertisement",
    "sponsored", "click", "follow", "subscribe", "sign", "trending", "most", "first", "last",
    "published", "updated", "posted", "modified", "filed", "tag", "topics", "categor", "register",
)
CREDIT_KEYS = ("photo", "picture", "image", "video", "credit")
CLOSERS = "'\"’”)"


WORD_RUN = patterns.compile(r"[\p{L}\p{N}]+")
LISTED_LEADS = frozenset(x.split()[0] for x in LISTED)
UI_WORDS = UI_STRONG | UI_WEAK | FUNCTION


def _fold(line: str) -> str:
    if line.isascii() or not ("\u0130" in line or "\u017f" in line or "\u212a" in line):
        return line.lower()
    return line.translate(_TO_ASCII).lower()


def _ends_sentence(stripped: str) -> bool:
    """``SENTENCE_END.search(stripped)`` for a stripped line, without the regex."""
    t = stripped.rstrip(CLOSERS)
    return t.endswith(("?", "!")) or t.endswith(".") and not t.endswith("..")


# Characters that are never word characters, stripped from a line's end to find its last word.
_NOT_WORD = " \t!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~“”‘’«»—–…\u00a0"
# Bytes of ASCII characters outside ``\w`` (and "?", which stands for any other character)
# become spaces: what is left splits into words as the patterns see them.
_SEPARATE = bytes(i if i < 128 and (chr(i).isalnum() or i == 95) else 32 for i in range(256))


def _may_be_ui_phrase(low: str) -> bool:
    """Whether UI_PHRASE may match ``low`` (the folded line): its key words are there.

    Characters other than ASCII become separators too ("?", then a space): that can only
    split a word, which still begins with its key (keys are ASCII), so no line UI_PHRASE
    matches is lost."""
    if "©" in low or "(c)" in low:
        return True
    words = low.encode("ascii", "replace").translate(_SEPARATE).decode("ascii").split()
    seen = set(words)
    if UI_WHOLE.isdisjoint(seen):
        if not seen.isdisjoint(UI_WITH):
            for key, needs in UI_WITH.items():
                if key in seen and any(w.startswith(needs) for w in words):
                    return True
        if UI_PREFIX_SCAN.search(low) is not None:
            for w in words:
                if w.startswith(UI_PREFIX):
                    return True
        return False
    return True


def _may_be_placeholder(stripped: str, low: str) -> bool:
    """Whether PLACEHOLDER may match: it says "insert", or its last word is "here"/"HERE"."""
    if "insert" in low:
        return True
    t = stripped.rstrip(_NOT_WORD)
    last = t[-1:]
    if last.isalpha() or last.isascii() and (last.isalnum() or last == "_"):
        return t.endswith(("here", "HERE"))
    return True  # it ends in a character the gate does not know: let the pattern decide


def _may_embed(stripped: str, low: str) -> bool:
    return "(@" in stripped or "http" in low or "www." in low or "pic.twitter.com" in low


def classify(line: str) -> Kind | None:
    """Whether a line (alone on its line) is a scraping or CMS leftover, and how sure."""
    stripped = line.strip()
    if not stripped or len(stripped) > 400:
        return None
    n = len(stripped)
    lead = ""  # the first word, for the checks of short lines only
    if n <= 60:
        folded = stripped.casefold()
        first = WORD_RUN.search(folded)  # the first word as FOLD splits: every listed form begins with one
        lead = first[0] if first is not None else ""
        if lead in LISTED_LEADS and " ".join(FOLD.sub(" ", folded).split()) in LISTED:
            return Kind.CERTAIN
    head = stripped[0]
    if head in "[{<%$&" and SYNTAX.match(stripped):
        return Kind.MARKUP
    if head in "unN[#" and JUNK.match(stripped):
        return Kind.CERTAIN
    # EMBED and LONE_CAPS match a line with no white space in it only (strip() took it from
    # both ends, and what the patterns' \s matches, str.isspace() does): most lines hold a
    # space, and most lines that begin with a T are prose ("The ...").
    spaced = " " in stripped
    if (n <= 4 or head in "XT" and not spaced) and LONE_CAPS.match(stripped):
        return None if stripped in NOT_STRAY else Kind.LIKELY
    if n > 120:
        if spaced:
            return None
        return Kind.LIKELY if _may_embed(stripped, _fold(stripped)) and EMBED.match(stripped) else None
    low = _fold(stripped)
    if not spaced and _may_embed(stripped, low) and EMBED.match(stripped):
        # A site's address alone ("www.autoracing.com.br" closing a story) signs the story
        # off or credits a source; what an embed leaves behind is a link to the post.
        return None if BARE_SITE.match(stripped) else Kind.LIKELY
    if _may_be_placeholder(stripped, low) and PLACEHOLDER.match(stripped) and not _ends_sentence(stripped):
        return Kind.LIKELY
    m = BRACKETED.match(stripped) if head in "[{(" else None
    if m is not None:
        inner = m[1]
        # A layout slot in capitals ("[IMAGE]", "[PULL QUOTE]", "[TKTK]"); not a source
        # named in capitals ("[ CNET ]" after a quoted review), nor a credit in a script
        # without capitals ("[사진=MBC, SBS]" credits a photo in Korean).
        if head == "[" and (_all_caps(inner) and _names_a_slot(inner) or _ui_only(inner)):
            return Kind.LIKELY  # [IMAGE], [embedded content]
        if _ui_only(inner) or MEDIA_LABEL.match(inner):
            return Kind.LIKELY  # (Photo), (AP Video)
        return None
    if head == "©" and COPYRIGHT_CREDIT.match(stripped):
        return None  # "© Reuters" credits a picture
    if "©" in stripped and MEDIA_COPYRIGHT.search(stripped) and not RIGHTS.search(stripped):
        return None  # a caption's credit: "Installation views, photos © Inexhibit, 2018"
    if n <= 100 and low.startswith(LEAD_KEYS) and (
        LABEL.match(stripped) or STAMP.match(stripped) or PROMPT.match(stripped)
    ):
        return Kind.LIKELY
    ends = _ends_sentence(stripped)
    if (
        (n <= 80 and not ends or len(stripped.split()) <= 14)
        and _may_be_ui_phrase(low)
        and not (INNER_SENTENCE.search(stripped) and len(stripped.split()) > 8)  # running text
        and UI_PHRASE.search(stripped)
        and not (_sentence_like(stripped) and HARD_PHRASE.search(stripped) is None)
    ):
        return Kind.LIKELY
    if low.startswith(CREDIT_KEYS) and CREDIT.match(stripped):
        return None  # "Photo: Reuters" credits a picture
    if n <= 60 and not ends and (lead in UI_WORDS or lead.isdigit()) and _ui_only(stripped):
        return Kind.LIKELY  # (_ui_only rejects a line whose first word is no interface word)
    return None


def _names_a_slot(text: str) -> bool:
    """Whether bracketed capitals name a layout slot: a word such as IMAGE or CHART, or TK/XXX."""
    words = [w for w in FOLD.split(text.casefold()) if w]
    return any(w in SLOT_WORDS or w in UI_STRONG or SLOT_MARK.fullmatch(w) for w in words)


def _all_caps(text: str) -> bool:
    """Whether every letter of ``text`` is a capital (and there is one)."""
    return text.isupper() and all(c.isupper() for c in text if c.isalpha())


def _sentence_like(stripped: str) -> bool:
    """A line of five words or more that ends like a sentence (or with a colon): prose."""
    return len(stripped.split()) >= 5 and SENTENCE_LIKE_END.search(stripped) is not None


def _ui_only(text: str) -> bool:
    """Short text made only of interface and function words, with at least one strong one."""
    words = [w for w in FOLD.split(text.casefold()) if w]
    if not words or len(words) > 8:
        return False
    strong = 0
    for w in words:
        if w.isdigit():
            continue  # "12 Comments"
        if w in UI_STRONG:
            strong += 1
        elif w not in UI_WEAK and w not in FUNCTION:
            return False
    return strong > 0


def _continues(before: str, line: str) -> bool:
    """A hard-wrapped line that goes on with the sentence of the line before (" share.")."""
    head = line.lstrip()[:1]
    tail = before.rstrip()[-1:]
    return head.islower() and tail != "" and (tail.isalnum() or tail in ",;-–—")


# Searched from a position, so no copy of the rest of the story is made (that was quadratic
# in a long file); the standard library's \s is str.isspace, as strip() uses.
_NON_SPACE = re.compile(r"\S")


def _delete_line(text: str, span: Span) -> Edit:
    """Delete a line with its line break, and one blank line if it stood between two."""
    s, e = span.start, span.end
    if _NON_SPACE.search(text, e) is None:  # the last line: take the breaks before it instead
        start = s
        while start and text[start - 1] == "\n":
            start -= 1
        return Edit(Span(start, e), "")
    e += 1  # its "\n"
    if s == 0:  # the first line: take the blank lines after it too
        while text.startswith("\n", e):
            e += 1
    if s >= 2 and text[s - 2 : s] == "\n\n" and text.startswith("\n", e):
        e += 1  # "para\n\nTT\n\npara" -> "para\n\npara"
    return Edit(Span(s, e), "")


# Headings are the writer's own ("### Ads" in a how-to post, "## Search"), alt text,
# table cells and page titles are not copy a scraper left behind.
NOT_COPY_KINDS = frozenset({"alt", "table-cell", "title", "heading"})


def stray_artifact(doc: Document) -> Iterator[Finding]:
    """## What it does
    Flags a line left over from scraping or a CMS export: a lone `TT`, `Advertisement`,
    `Read more`, `Share this article`, `Follow us on Twitter`, `Story continues below`,
    newsletter prompts, shortcodes (`[caption id="attachment_4821" width="640"]`),
    template tags (`{{image}}`), HTML tags and placeholders (`TK`). Besides a list of known
    forms, it weighs evidence: a short line without sentence punctuation made only of
    interface words (click, share, subscribe, follow, newsletter, comments, print ...),
    a lone all-caps token of one to three letters, markup syntax, a bare link.

    ## Why is this bad?
    Page furniture in the copy tells readers the story was pasted, not edited. Headlines,
    subheadings, datelines (`KYIV, Ukraine (AP) —`), bylines (`By Jane Smith`) and credit
    lines (`Reporting by ...`, `© Reuters`, `[사진=MBC]`) and a site's address alone
    (`www.autoracing.com.br` signing a story off) are not flagged, and neither is an embedded
    post (a tweet's text and its `— Jane Doe (@jdoe) March 3, 2017` footer): those are
    someone else's words, quoted on purpose.

    ## Example
    ```text
    Russia is considering downgrading relations with the West, the Kremlin said.
    TT

    Ryabkov said a downgrading of ties was being studied.
    ```

    ## Use instead
    ```text
    Russia is considering downgrading relations with the West, the Kremlin said.

    Ryabkov said a downgrading of ties was being studied.
    ```

    Inside a line of running text (a whole page scraped into one paragraph), it flags
    page furniture after a sentence: a teaser label in capitals or with a colon (`READ
    MORE:`, `RELATED:`, `WATCH:`, `Read more:`), a share prompt (`Share this slide:`),
    `Follow us on Twitter` and an embedded post's credit (`A post shared by Jane Doe
    (@jdoe) on Mar 3, 2017`).

    In Markdown, a link definition written right after a paragraph line
    (`Are you awesome? [Apply now!]` then `[Apply now!]: https://...` on the next line) is
    no definition (CommonMark and kramdown agree): the page shows it as text and the link
    above does not work. It is flagged, without a fix: the blank line goes before it.

    Prose is left alone: a heading (`### Ads`), and a sentence of five words or more that
    only talks about the page (`This article has been cross-posted to Medium.`, `In this
    post, you will learn how to:`), unless it holds a phrase only furniture uses
    (`All rights reserved`, `Click here`).

    ## Fix safety
    Deleting the line is safe for the listed forms (`Advertisement`, `Read more`); for
    markup and template syntax (`{{image}}`, `{% raw %}`, `[caption ...]`) it is unsafe,
    since a site's build may need them; for lines judged on evidence alone (a lone
    `TT`-like token, interface words) it is unsafe too. Furniture inside a line has no
    fix: where the teaser ends is for an editor to see.
    """
    text = doc.text
    prev = ""
    # Markup formats say what a block is: alt text, table cells and page titles are not
    # copy a scraper left behind, however short and label-like they look.
    skip = [b.span for b in doc.blocks or () if b.kind in NOT_COPY_KINDS]
    defs: set[int] = set()
    if doc.format_name == "markdown" and "]:" in text:
        for finding, starts in _link_definitions(doc):
            defs.update(starts)
            yield finding
    # Where an INLINE label may be, in a few searches of the story: a line with none is not
    # searched for the keys (fifteen searches of every line cost more than the rest).
    key_at = _label_starts(doc)
    p = 0
    k = 0
    for sp in doc.lines:
        if sp.start in defs:
            continue
        line = text[sp.start : sp.end]
        before, prev = prev, line
        if not line.strip():
            continue
        while k < len(skip) and skip[k].end < sp.start:
            k += 1
        if k < len(skip) and skip[k].start <= sp.start <= skip[k].end:
            continue
        kind = classify(line)
        if kind is None or _continues(before, line):
            while p < len(key_at) and key_at[p] < sp.start:
                p += 1
            if (kind is None and p < len(key_at) and key_at[p] < sp.end
                    and any(key in line for key in INLINE_KEYS)):
                yield from _inline(line, sp.start)
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        span = Span(sp.start + lead, sp.end - trail)
        shown = line.strip()
        if len(shown) > 40:
            shown = shown[:37] + "..."
        applicability = Applicability.SAFE if kind is Kind.CERTAIN else Applicability.UNSAFE
        yield Finding(
            span=span,
            message=f'Stray artifact "{shown}"',
            fix=Fix("Delete the line", (_delete_line(text, sp),), applicability),
        )


def _label_starts(doc: Document) -> list[int]:
    """Sorted offsets where an INLINE label may be: a line that holds a label holds one,
    and a line without one has no label to find (what the keys are looked for in)."""
    text = doc.text
    if len(text) > FORGET_LOWERED_CHARS and "ascii_words" not in doc._cache:
        return _key_starts(text)  # a long text keeps no word set: scan for the keys instead
    words = doc.ascii_words
    starts = []
    for key, forms in LABEL_WORDS.items():
        if key in words:
            for form in forms:
                i = text.find(form)
                while i >= 0:
                    starts.append(i)
                    i = text.find(form, i + 1)
    starts.sort()
    return starts


def _key_starts(text: str) -> list[int]:
    """Sorted offsets where an INLINE key may start: a line that holds a key holds one."""
    starts = [m.start() for scan in INLINE_KEY_SCANS for m in scan.finditer(text)]
    starts.sort()
    return starts


def _link_definitions(doc: Document) -> Iterator[tuple[Finding, list[int]]]:
    """Runs of Markdown link definitions that the page shows as text (no fix: the blank
    line goes in the source, and whether the links above were meant is for an editor)."""
    text = doc.text
    run: list[tuple[Span, str]] = []
    for sp in [*doc.lines, None]:
        m = LINK_DEF.match(text, sp.start, sp.end) if sp is not None else None
        if m is not None:
            run.append((sp, m["label"]))
            continue
        if run:
            labels = ", ".join(f'"[{label}]"' for _, label in run[:3]) + (" ..." if len(run) > 3 else "")
            what = "Link definition" if len(run) == 1 else f"{len(run)} link definitions"
            yield Finding(
                span=Span(run[0][0].start, run[-1][0].end),
                message=f"{what} {labels} right after a paragraph line: the page shows "
                f"{'it' if len(run) == 1 else 'them'} as text and the links do not work; put a blank line before",
            ), [s.start for s, _ in run]
            run = []


def _inline(line: str, offset: int) -> Iterator[Finding]:
    """Page furniture inside a line of running text (no fix: its end is not certain)."""
    for m in INLINE.finditer(line):
        label = m["label"]
        if label.endswith(":") and not line[m.end() :].strip():
            continue  # "... as follows. Related:" ending the line: a lead-in, not a teaser
        shown = " ".join(label.split())
        if len(shown) > 40:
            shown = shown[:37] + "..."
        yield Finding(
            span=Span(offset + m.start("label"), offset + m.end("label")),
            message=f'Page furniture "{shown}" inside the text',
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(Rule("ART001", "stray-artifact", Severity.WARNING, stray_artifact, fixable="sometimes"))
