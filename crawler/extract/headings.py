"""Headings and sections: paragraphs that are subheadings (a bold line, a class naming one), a bold
byline, headings inside a player or the article's header, and which sections are kept."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..items import Section
from .dom import class_words, under
from .trace import SECTIONS, WALK, Trace, rule

OVERLONG_HEADING = rule("overlong-heading", WALK, "a heading longer than HEADING_MAX_CHARS is a teaser or a box, "
                        "not a section's title")
HEADLINE_REPEAT = rule("headline-repeat", WALK, "an <h1> or a heading that states the headline again")
HEADLINE_VARIANT = rule("headline-variant", WALK, "above the text, a kicker or a tail around the headline")
STANDFIRST_HEADING = rule("standfirst-heading", WALK, "kept as a paragraph: above the text, a heading in the "
                          "article's header, a long one, or the description's start, is the standfirst")
PLAYER_TITLE = rule("player-title", WALK, "a heading inside a video player is the video's title")
BYLINE_HEADING = rule("byline-heading", WALK, "a short heading whose class names the author is a byline")
TIP_HEADING = rule("tip-heading", WALK, "a heading with an e-mail address is a call for tips or letters")
LINKED_HEADING = rule("linked-heading", WALK, "a heading that is mostly a link points to another page")
BOX_LABEL_HEADING = rule("box-label-heading", WALK, "a heading that is a box label ('Related', 'Comments'): it "
                         "and what follows it to the end of its box are left out")
UNDER_BOX_LABEL = rule("under-box-label", WALK, "a block after a box-label heading, in the same box")
BOLD_BYLINE = rule("bold-byline", WALK, "a bold line of capitalised names above the text is the byline, not text")
NUMBERED_ENTRY_HEADING = rule("numbered-entry", WALK, "kept: a heading numbered as a list's entry ('3. UPenn "
                              "Wharton') is an entry of the article, even in a link: not a teaser for another story")
EMPTY_SECTION = rule("empty-section", SECTIONS, "a heading with nothing under it is a teaser title or a widget label")

HEADING_MAX_CHARS = 250  # a section's title is shorter (a longer "heading" is a teaser or a box)
STANDFIRST_HEADING_MIN_CHARS = 100  # above the text, a heading this long is the standfirst set as one
SHORT_HEADING_MAX_CHARS = 100  # a byline or a furniture line set as a heading is shorter than this
LINKED_HEADING_MIN_SHARE = 0.8  # a heading with more of its text in links than this points elsewhere
NUMBERED_ENTRY = re.compile(r"^(?:#\s?)?\d{1,3}[.)]\s+\S")  # "3. UPenn Wharton", "#12) The last one"
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


def drop_empty(sections: list[Section], trace: Trace | None = None) -> list[Section]:
    """Sections with content, and headings directly followed by a deeper subheading; a heading with
    nothing under it is a teaser title or a widget label."""
    kept: list[Section] = []
    nxt: Section | None = None  # the next section kept
    for section in reversed(sections):
        if section.blocks:
            kept.append(section)
            nxt = section
            continue
        if section.heading and nxt is not None:
            # A bold-paragraph subheading has no level; under a real heading it is the deeper one,
            # and bold lines in a row are lines of text over the text they head.
            deeper = nxt.level is None or (nxt.level > section.level if section.level else False)
            if nxt.heading and deeper:
                kept.append(section)
                nxt = section
                continue
        nxt = None
        if trace is not None and section.heading:
            trace.drop(EMPTY_SECTION, text=section.heading)
    kept.reverse()
    return kept
