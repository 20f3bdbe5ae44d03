"""DOM helpers the extractor's stages share: class and id words, link and own-text lengths, removal
that keeps the tail text, subtree tests. Pure functions of lxml elements."""

from __future__ import annotations

import re
from collections.abc import Container

from lxml.html import HtmlElement

from . import selectors as sel

INLINE_TAGS = frozenset(
    "a span strong em b i u small sup sub mark abbr cite code time font q s del ins label bdi bdo var kbd "
    "samp dfn tt big strike nobr wbr data".split()
)
IMG_TAGS = ("img", "amp-img")
INLINE_MEDIA = ("br", "img", "amp-img")


def name_words(name: str) -> list[str]:
    """The words of one class name or id, lower-cased: "article__share-bar" → article, share, bar;
    "readMore" → read, more."""
    return [w.lower() for w in sel.SPLIT_CLASS.split(name) if w]


def class_words(el: HtmlElement) -> set[str]:
    """Every word of the element's class names and id, lower-cased (see ``name_words``)."""
    value = (el.get("class") or "") + " " + (el.get("id") or "")
    if not value.strip():
        return set()
    return set(name_words(value))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def drop(el: HtmlElement) -> None:
    """Remove an element, keeping its tail text in place.

    A tree built by another parser may hold control characters that lxml refuses to write back when
    drop_tree() joins the tail to its neighbour; they are taken out and the drop is tried again."""
    try:
        el.drop_tree()
    except ValueError:
        el.tail = _NOT_XML.sub("", el.tail or "") or None
        previous, parent = el.getprevious(), el.getparent()
        if previous is not None:
            previous.tail = _NOT_XML.sub("", previous.tail or "") or None
        elif parent is not None:
            parent.text = _NOT_XML.sub("", parent.text or "") or None
        el.drop_tree()


def attached(el: HtmlElement, root: HtmlElement) -> bool:
    """Whether ``el`` is still in the tree under ``root`` (not inside a part dropped from it)."""
    return el is root or any(a is root for a in el.iterancestors())


def elements_within(flagged: Container[HtmlElement], root: HtmlElement) -> set[HtmlElement]:
    """Every element within a flagged subtree (each visited once)."""
    inside: set[HtmlElement] = set()
    for el in root.iter():
        if el in flagged and el not in inside:
            inside.update(el.iter())
    return inside


def link_len(el: HtmlElement) -> int:
    return sum(len(a.text_content()) for a in el.iter("a"))


def own_text_len(el: HtmlElement) -> int:
    """Text directly in el (its text and its inline children's), not in block children."""
    total = len((el.text or "").strip())
    for child in el:
        if isinstance(child.tag, str) and child.tag in INLINE_TAGS:
            total += len(child.text_content().strip())
        total += len((child.tail or "").strip())
    return total


def own_link_len(el: HtmlElement) -> int:
    total = 0
    for child in el:
        if child.tag == "a":
            total += len(child.text_content().strip())
        elif isinstance(child.tag, str) and child.tag in INLINE_TAGS:
            total += sum(len(a.text_content().strip()) for a in child.iter("a"))
    return total


def has_unit_child(el: HtmlElement) -> bool:
    for child in el:
        if isinstance(child.tag, str) and child.tag not in INLINE_TAGS and child.tag not in ("br", "img"):
            return True
    return False


def has_block(el: HtmlElement) -> bool:
    for sub in el.iter():
        if sub is not el and isinstance(sub.tag, str) and sub.tag not in INLINE_TAGS and sub.tag not in INLINE_MEDIA:
            return True
    return False


def has_text(el: HtmlElement) -> bool:
    return bool(el.text_content().strip())


def under(el: HtmlElement | None, stop: HtmlElement, tags: frozenset[str]) -> bool:
    """Whether ``el`` or one of its ancestors below ``stop`` is one of ``tags`` (set in bold, in italics)."""
    while el is not None and el is not stop:
        if el.tag in tags:
            return True
        el = el.getparent()
    return False
