"""Lists: a <ul> or <ol> as ListItems (nested lists as children), and the rule that leaves out a
list of links."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..items import ListItem
from .dom import link_len
from .text import BREAKING_TAGS, text_of
from .trace import WALK, rule

LINK_LIST = rule("link-list", WALK, "a list mostly of short links: links to other stories, not a list of the text")
LINK_LIST_MIN_SHARE = 0.7  # a list with more of its text in links than this...
LINK_LIST_MAX_ITEM_CHARS = 100  # ...and items this short on average is a list of links


def is_link_list(el: HtmlElement, text: str, items: list[ListItem]) -> bool:
    """A list of links to other stories; a list of linked sentences (longer items) is content."""
    return (bool(text) and link_len(el) > LINK_LIST_MIN_SHARE * len(text)
            and len(text) / len(items) < LINK_LIST_MAX_ITEM_CHARS)


def list_items(el: HtmlElement) -> list[ListItem]:
    """The items of a <ul> or <ol>, nested lists as children; blocks and line breaks in an item read
    as spaces."""
    items = []
    for li in el:
        if li.tag != "li":
            continue
        parts = [li.text or ""]
        children: list[ListItem] = []
        for sub in li:
            if sub.tag in ("ul", "ol"):
                children.extend(list_items(sub))
            elif sub.tag in BREAKING_TAGS or next(sub.iterdescendants(*BREAKING_TAGS), None) is not None:
                parts.append(f" {text_of(sub)} ")  # "<li><p>One</p><p>Two</p></li>", "<li>A<br>B</li>"
            elif isinstance(sub.tag, str):
                parts.append(sub.text_content())
            parts.append(sub.tail or "")
        text = " ".join("".join(parts).split())
        if text or children:
            items.append(ListItem(text=text, children=children))
    return items
