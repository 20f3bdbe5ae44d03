"""Teaser cards: the small linked boxes, lists and headlines that announce other stories."""

from __future__ import annotations

from lxml.html import HtmlElement

from . import selectors as sel
from .dom import link_len
from .text import SENTENCE_STOP
from .trace import WALK, rule

TEASER_CARD = rule("teaser-card", WALK, "an <article> that is a small linked box: a teaser for another story")
TEASER_LIST = rule("teaser-list", WALK, "a list most of whose items are teasers (an <article>, a linked headline, "
                   "a link and a cut excerpt)")
TEASER_HEADLINE = rule("teaser-headline", WALK, "a heading in a link or a small linked box: it and the rest of "
                       "its card are left out")
UNDER_TEASER_HEADLINE = rule("under-teaser-headline", WALK, "a block of a teaser card, after its headline")
LEAD_IN_TO_TEASER = rule("lead-in-to-teaser", WALK, "a short line ending in a colon just before a teaser left out "
                         "introduced it ('More on this in our live blog:')")

CARD_MAX_CHARS = 600  # a teaser card holds less text than this (a story's entry in a live blog may hold more)
CARD_MIN_LINK_SHARE = 0.2  # ...and more than this share of it in links
CARD_SENTENCE_MIN_CHARS = 80  # a sentence of running text in a card is at least this long...
CARD_SENTENCE_MIN_UNLINKED = 20  # ...with at least this much of it outside its links
LINKED_HEADLINE_MIN_SHARE = 0.5  # a headline with more of its text in a link than this is a link


def is_card(el: HtmlElement) -> bool:
    """A small box with a link and little text, or with its headline set in a link: a teaser card
    for another story.

    Links set inside sentences of running text (a live blog's entry citing its sources) do not make
    a card: a teaser links its headline, picture or "read more", not words within its sentences."""
    text_len = len(el.text_content())
    if text_len >= CARD_MAX_CHARS or el.find(".//a[@href]") is None:
        return False
    if any(_linked_headline(h) for h in el.iter(*sel.HEADINGS)):
        return not _holds_prose(el)
    links = link_len(el)
    if links <= CARD_MIN_LINK_SHARE * text_len:
        return False
    for p in el.iter("p"):
        text = p.text_content().strip()
        if len(text) >= CARD_SENTENCE_MIN_CHARS and SENTENCE_STOP.search(text):
            in_p = link_len(p)
            if in_p and len(text) - in_p >= CARD_SENTENCE_MIN_UNLINKED:
                links -= in_p
    return links > CARD_MIN_LINK_SHARE * text_len


CARD_PROSE_MIN_CHARS = 250  # a paragraph this long, with few links and not cut short, is not a teaser's excerpt
CARD_PROSE_MAX_LINK_SHARE = 0.2
_CUT_SHORT = ("...", "…", "[…]", "[...]")


def _holds_prose(el: HtmlElement) -> bool:
    """Whether a box under a linked headline holds a whole paragraph of text: an entry of the article
    (a listicle's item linking the thing it presents), not a teaser's cut excerpt."""
    for p in el.iter("p", "div"):
        text = p.text_content().strip()
        if (len(text) >= CARD_PROSE_MIN_CHARS and not text.endswith(_CUT_SHORT)
                and next(p.iter(*sel.HEADINGS), None) is None
                and link_len(p) <= CARD_PROSE_MAX_LINK_SHARE * len(text)):
            return True
    return False


def _linked_headline(heading: HtmlElement) -> bool:
    """A headline that is a link: set in one, or holding one for most of its text."""
    if next(heading.iterancestors("a"), None) is not None:
        return True
    text_len = len(heading.text_content().strip())
    return text_len > 0 and link_len(heading) > LINKED_HEADLINE_MIN_SHARE * text_len


def is_card_list(el: HtmlElement) -> bool:
    """A list of teasers for other stories, or a list holding one: most of its items hold an
    <article> of their own, a headline set in a link, or a link followed by a cut excerpt
    ("Headline</a> <span>The first lines of the story...</span>")."""
    items = cards = 0
    for li in el:
        if li.tag != "li":
            continue
        items += 1
        if (li.find(".//article") is not None or any(_linked_headline(h) for h in li.iter(*sel.HEADINGS))
                or _link_and_excerpt(li)):
            cards += 1
    return cards > items / 2


def _link_and_excerpt(li: HtmlElement) -> bool:
    """An item that opens with a link and ends in an ellipsis: a headline and the cut first lines
    of another story."""
    if (li.text or "").strip() or not len(li):
        return False
    first = li[0]
    if first.tag != "a" or not first.get("href") or not first.text_content().strip():
        return False
    return li.text_content().rstrip().endswith(("...", "…", "[…]", "[...]"))


def teaser_card(heading: HtmlElement) -> HtmlElement | None:
    """The card a heading heads, when the heading sits in a link or in a small linked box."""
    link = next(heading.iterancestors("a"), None)
    if link is not None:
        parent = link.getparent()
        return parent if parent is not None and is_card(parent) else link
    el = heading.getparent()
    for _ in range(3):
        if el is None:
            return None
        if el.tag in ("article", "li", "div") and is_card(el):
            return el
        el = el.getparent()
    return None
