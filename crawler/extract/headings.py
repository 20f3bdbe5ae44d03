"""Headings and sections: paragraphs that are subheadings (a bold line, a class naming one), a bold
byline, headings inside a player or the article's header, and which sections are kept."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..items import Section
from .dom import class_words, under

_SENTENCE_END = re.compile(r"[.,;:!…]\W*$")


def is_pseudo_heading(el: HtmlElement) -> bool:
    """A paragraph that is one short bold line, as CMS editors write subheadings: "<p><strong>Reforms</strong></p>".

    Editors' markup varies: the bold may sit in a colour span, or come in pieces
    ("<strong>G</strong><strong>ranny</strong>"); what matters is that all the text is bold.
    """
    if not _heading_like(el.text_content().strip()) or (el.text or "").strip():
        return False
    if el.find(".//a") is not None:
        return False
    bold = False
    for sub in el.iterdescendants():
        if not isinstance(sub.tag, str) or sub.tag in _BOLD_TAGS:
            bold = bold or sub.tag in _BOLD_TAGS
        elif sub.tag not in _PLAIN_WRAPPERS or (sub.text or "").strip() and not under(sub, el, _BOLD_TAGS):
            return False
        if (sub.tail or "").strip() and not under(sub.getparent(), el, _BOLD_TAGS):
            return False
    return bold


_CONNECTORS = frozenset(("and", "und", "et", "y", "e", "og", "och", "en", "&", "/", ",", "|"))


def looks_like_byline(text: str) -> bool:
    """A short line of capitalised names ("Jane Doe/John Roe", "JANE DOE", "Jane Doe, Staff Reporter")."""
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 70 or any(c.isdigit() for c in text):
        return False
    return all(w[0].isupper() or w in _CONNECTORS for w in words)


_SUBHEADING_CLASS = re.compile(r"interline|intertit|crosshead|zwischen|zwitel", re.IGNORECASE)


def is_marked_subheading(el: HtmlElement) -> bool:
    """A paragraph its class names a subheading ("Zwischenzeile", "intertitre", "crosshead")."""
    cls = el.get("class")
    if not cls or not _SUBHEADING_CLASS.search(cls):
        return False
    return _heading_like(el.text_content().strip())


def _heading_like(text: str) -> bool:
    """Short, not ending like a sentence, and not two sentences ("What do you think? Tell us below")."""
    return 3 <= len(text) <= 120 and not _SENTENCE_END.search(text) and not _QUESTION_THEN_SENTENCE.search(text)


_QUESTION_THEN_SENTENCE = re.compile(r"\w[?!]\s+[A-ZÀ-ÖØ-Þ]\w*\s+\w")
_BOLD_TAGS = frozenset(("strong", "b"))
_PLAIN_WRAPPERS = frozenset(("span", "em", "i", "u", "font", "br", "mark"))
_PLAYER_WORDS = frozenset(("vjs", "player", "jwplayer", "video"))


def in_player(el: HtmlElement) -> bool:
    for depth, anc in enumerate(el.iterancestors()):
        if depth >= 3:
            return False
        if class_words(anc) & _PLAYER_WORDS:
            return True
    return False


def in_header(el: HtmlElement) -> bool:
    for depth, anc in enumerate(el.iterancestors()):
        if anc.tag == "header":
            return True
        if depth >= 3 or anc.tag in ("article", "main", "body"):
            return False
    return False


def drop_empty(sections: list[Section]) -> list[Section]:
    """Sections with content, and headings directly followed by a deeper subheading; a heading with
    nothing under it is a teaser title or a widget label."""
    kept: list[Section] = []
    nxt: Section | None = None  # the next section kept
    for section in reversed(sections):
        if section.blocks:
            kept.append(section)
            nxt = section
        elif section.heading and nxt is not None:
            # A bold-paragraph subheading has no level; under a real heading it is the deeper one,
            # and bold lines in a row are lines of text over the text they head.
            deeper = nxt.level is None or (nxt.level > section.level if section.level else False)
            if nxt.heading and deeper:
                kept.append(section)
                nxt = section
            else:
                nxt = None
        else:
            nxt = None
    kept.reverse()
    return kept
