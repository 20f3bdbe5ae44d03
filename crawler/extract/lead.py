"""The standfirst and the summary of an article page.

The summary is what the page shows under its headline when that is a standfirst (1-3 sentences set
apart from the text), else the visible copy of the page's description, a block marked as the lead,
or the description itself. Publishers' descriptions are often rewritten for search engines; the
standfirst is what a reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from lxml.html import HtmlElement

from . import selectors as sel
from .cards import is_card
from .dom import class_words, has_unit_child, link_len
from .text import CJK, SENTENCE_STOP, match_key, same_headline, text_of
from .trace import METADATA, rule

TEASER_BOX_LEAD = rule("teaser-box-lead", METADATA, "an excerpt in a box for other stories ('Related posts', "
                       "a teaser card) is that story's lead, never this article's")

_LEAD_WORDS = frozenset(
    "lead lede intro introduction standfirst teaser summary subtitle subline subheadline dek deck excerpt abstract "
    "sapo chapo kicker-text description".split()
)


def _starts_alike(a: str, b: str) -> bool:
    """Two keys of the same text, one possibly truncated ("…") or extended."""
    if not a or not b:
        return False
    n = min(60, len(a), len(b))
    return n >= 20 and a[:n] == b[:n] and 0.6 * len(a) <= len(b) <= 3 * len(a)


def _with_dateline(el: HtmlElement, text: str) -> HtmlElement:
    """The standfirst with the dateline set before it in its own span ("Berlin. In Berlin brennen...")."""
    parent = el.getparent()
    if el.tag == "span" and parent is not None and parent.tag in ("p", "div"):
        whole = text_of(parent)
        extra = whole[: len(whole) - len(text)].strip() if whole.endswith(text) else ""
        if extra and len(extra) <= 30 and extra[-1] in ".:–—-|" and len(extra.split()) <= 3:
            return parent
    return el


_LEADING_SPACE = re.compile(r"\s*")


def _description_el(root: HtmlElement, description: str) -> HtmlElement | None:
    """The element whose text the page's description repeats (the description may be cut short)."""
    want = match_key(description.rstrip(". …\u00a0"))
    if len(want) < 20:
        return None  # _starts_alike needs 20 characters in common
    first = want.split(" ", 1)[0]
    for el in root.iter("p", "h2", "div", "span", "strong", "section", "header", "b"):
        if el.tag in ("div", "section", "header") and has_unit_child(el):
            continue
        raw = el.text_content()
        start = _LEADING_SPACE.match(raw).end()
        if first not in raw[start : start + len(first) + 40].casefold():
            continue  # cheap test: the text must start with the description's first word
        text = " ".join(raw.split())
        if _starts_alike(want, match_key(text)):
            return _with_dateline(el, text)
    return None


def _marked_lead(container: HtmlElement | None) -> HtmlElement | None:
    """An element marked lead/intro/standfirst near the article."""
    region = container
    for _ in range(3):
        if region is None or region.getparent() is None or region.tag in ("article", "main", "body"):
            break
        region = region.getparent()
    if region is None:
        return None
    for el in region.iter("p", "div", "h2", "span", "section"):
        words = class_words(el)
        if words & _LEAD_WORDS:
            text = text_of(el)
            if 40 <= len(text) <= 1200 and link_len(el) < 0.3 * len(text) and not _in_teaser_box(el, region):
                return el
    return None


# Boxes of the template a lead is never taken from ("related posts", "recommended", a sidebar):
# the template vocabulary, less the words that name a lead ("teaser" names both).
_TEASER_BOX_WORDS = sel.BOILERPLATE_STRONG - _LEAD_WORDS
_TEASER_BOX_DEPTH = 6  # boxes around a marked lead looked at


def _in_teaser_box(el: HtmlElement, region: HtmlElement) -> bool:
    """Whether a block marked as an excerpt sits in a box for other stories (``teaser-box-lead``):
    named as one ("jp-relatedposts-post-excerpt"), or a small linked box (a teaser card)."""
    for box in (el, *islice(el.iterancestors(), _TEASER_BOX_DEPTH)):
        if box is region:
            break
        if class_words(box) & _TEASER_BOX_WORDS or box is not el and is_card(box):
            return True
    return False


_TEXT_BLOCKS = ("p", "div", "h2", "h3", "h4", "span", "section", "header", "strong", "b", "em")
# A block inside these, or named with these words, is not a standfirst: a caption, a list, a byline.
_NOT_STANDFIRST_IN = frozenset(
    "figure figcaption nav time button aside footer label form ul ol li a blockquote h1 address table".split()
)
_NOT_STANDFIRST_WORDS = frozenset(
    "caption credit credits byline author authors meta date dateline time timestamp copyright share social "
    "sponsor sponsored breadcrumb breadcrumbs tags tooltip popup modal disclaimer newsletter promo "
    "image img photo picture gallery".split()
)
_TIME_OR_YEAR = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{4}\b")
_KICKED = re.compile(r"^[^:.!?]{3,50}:\s*\S")  # "Kicker: the headline"
_STANDFIRST_SCAN = 300  # elements looked at after the headline


def _headline_el(root: HtmlElement, titles: list[str]) -> HtmlElement | None:
    """The heading that states the page's headline: an <h1>, else an <h2>, that says it; else the
    one <h1> that shares most of its words (the page's title reworded)."""
    keys = [match_key(t.replace("\xad", "")) for t in titles if t]
    h1s = list(root.iter("h1"))
    for heading in (*h1s, *root.iter("h2")):
        key = match_key(text_of(heading).replace("\xad", ""))
        if key and any(same_headline(key, k) for k in keys):
            return heading
    if len(h1s) == 1 and keys:
        words = set(match_key(text_of(h1s[0]).replace("\xad", "")).split())
        if any(len(words & set(k.split())) >= 0.6 * len(k.split()) for k in keys):
            return h1s[0]
    return None


def _following(el: HtmlElement):
    """The elements after ``el`` in document order (not its descendants)."""
    node = el
    while node is not None:
        for sib in node.itersiblings():
            yield from sib.iter()
        node = node.getparent()


def _in_media_box(el: HtmlElement, text: str, stop: set[HtmlElement]) -> bool:
    """Whether ``el``, or a small box around it (below the headline's own boxes), holds a picture: a
    caption."""
    if el.find(".//img") is not None:
        return True
    node = el
    while node is not None and node not in stop and len(" ".join(node.text_content().split())) <= len(text) + 40:
        prev = node.getprevious()
        if prev is not None and (prev.tag in ("img", "picture", "figure") or prev.find(".//img") is not None
                                 and not prev.text_content().strip()):
            return True  # the line set right under a picture
        node = node.getparent()
    for anc in el.iterancestors():
        if anc in stop or len(" ".join(anc.text_content().split())) > len(text) + 40:
            return False
        if anc.find(".//img") is not None or anc.find(".//picture") is not None:
            return True
    return False


def _in_card(el: HtmlElement, stop: set[HtmlElement]) -> bool:
    """Whether ``el`` sits in a small linked box (below the headline's own boxes): a teaser for
    another story."""
    for anc in islice(el.iterancestors(), 3):
        if anc in stop:
            return False
        if is_card(anc):
            return True
    return False


def _marked_standfirst(el: HtmlElement) -> bool:
    """Whether ``el`` or the box around it is named as a standfirst (lead, intro, excerpt, dek...)."""
    return any(class_words(a) & _LEAD_WORDS for a in (el, *islice(el.iterancestors(), 2)))


def find_standfirst(root: HtmlElement, titles: list[str], is_furniture: Callable[[str], bool],
                    description: str | None = None) -> HtmlElement | None:
    """The standfirst by position: the first block of text after the headline, past the kicker,
    byline, date, captions and labels; None when that block is not standfirst-like (long, linked)."""
    headline = _headline_el(root, titles)
    if headline is None:
        return None
    want = match_key(description) if description else ""
    title_words = {w for t in titles if t for w in match_key(t).split()}
    above = set(headline.iterancestors())
    for n, el in enumerate(_following(headline)):
        if n >= _STANDFIRST_SCAN:
            return None
        if el.tag not in _TEXT_BLOCKS or has_unit_child(el):
            continue
        text = text_of(el)
        if len(text) < 30:
            continue
        if any(a.tag in _NOT_STANDFIRST_IN for a in el.iterancestors()):
            continue
        if class_words(el) & _NOT_STANDFIRST_WORDS or any(
            class_words(a) & _NOT_STANDFIRST_WORDS for a in islice(el.iterancestors(), 2)
        ):
            continue
        if is_furniture(text) or len(text) < 100 and (_TIME_OR_YEAR.search(text) or "|" in text):
            continue  # a byline, a dateline, a line of labels
        words = match_key(text).split()
        if len(words) < 8 and not CJK.search(text) and not (want and want.startswith(" ".join(words))):
            continue  # a label, a kicker, a notice: a standfirst says more, or starts the description
        if not text.endswith((".", "…")) and (
            sum(w in title_words for w in words) >= 0.6 * len(words) or _KICKED.match(text)
        ):
            continue  # the headline again, or a variant of it ("Kicker: the headline")
        if _in_media_box(el, text, above) or _in_card(el, above):
            continue
        if len(text) > 600 or link_len(el) > 0.3 * len(text):
            return None
        return el
    return None


def _precedes(a: HtmlElement, b: HtmlElement) -> bool:
    """Whether ``a`` comes before ``b`` in document order (neither holding the other)."""
    b_chain = [b, *b.iterancestors()]
    b_index = {id(el): i for i, el in enumerate(b_chain)}
    prev = a
    for anc in a.iterancestors():
        i = b_index.get(id(anc))
        if i is not None:
            return i > 0 and anc.index(prev) < anc.index(b_chain[i - 1])
        prev = anc
    return False


def _holds(outer: HtmlElement, inner: HtmlElement) -> bool:
    return outer is inner or any(a is outer for a in inner.iterancestors())


def _among_paragraphs(el: HtmlElement) -> bool:
    """Whether ``el`` is one of the text's paragraphs: its box holds two more paragraphs of prose set
    like it (same tag and class; a standfirst is set apart)."""
    cls = el.get("class")
    for box in islice(el.iterancestors(), 2):
        n = 0
        for child in box:
            for sub in (child, *child):
                if sub is not el and sub.tag == el.tag and sub.get("class") == cls and len(text_of(sub)) >= 40:
                    n += 1
        if n >= 2:
            return True
    return False


def _shares_words(text: str, other: str) -> bool:
    """Whether two texts say much the same: most words of the shorter are in the other."""
    a, b = set(match_key(text).split()), set(match_key(other).split())
    return bool(a and b) and len(a & b) >= 0.7 * min(len(a), len(b))


def _continued(first: HtmlElement, text: str, description: str | None) -> str:
    """The standfirst, with the blocks after it the description goes on with (a standfirst set as
    several short lines)."""
    if not description:
        return text
    want = match_key(description.rstrip(". …\u00a0"))
    got = match_key(text)
    if len(want) < len(got) + 20 or not want.startswith(got):
        return text
    parts = [text]
    for n, el in enumerate(_following(first)):
        if n >= 40 or len(parts) >= 6:
            break
        if el.tag not in _TEXT_BLOCKS or has_unit_child(el):
            continue
        nxt = text_of(el)
        if not nxt:
            continue
        key = match_key(" ".join([*parts, nxt]))
        if want.startswith(key) or key.startswith(want):
            parts.append(nxt)
            if key.startswith(want) or len(want) - len(key) < 3:
                break
        else:
            break
    return " ".join(parts)


def _cut_short(description: str, shown: str) -> bool:
    """Whether the description is the start of the text shown, cut off mid-sentence."""
    desc = description.rstrip()
    return not SENTENCE_STOP.search(desc) and match_key(shown).startswith(match_key(desc)) and len(shown) > len(desc)


def choose_summary(root: HtmlElement, container: HtmlElement | None, description: str | None,
                   titles: list[str], is_furniture: Callable[[str], bool]) -> str | None:
    """The page's summary: the standfirst under the headline, else the description's visible copy,
    a block marked as the lead, or the description itself."""
    desc_el = _description_el(root, description) if description else None
    first = find_standfirst(root, titles, is_furniture, description)
    if first is not None:
        text = text_of(first)
        if desc_el is not None:
            if _holds(first, desc_el) or _holds(desc_el, first):
                # The description is the standfirst: as the page shows it, however long; but a
                # description that is the first sentence of the text's first paragraph stays so.
                shown = text_of(desc_el)
                if not _among_paragraphs(first) or _cut_short(description, shown):
                    return shown
            if (_precedes(first, desc_el) and (SENTENCE_STOP.search(text) or _among_paragraphs(desc_el))
                    and not (_among_paragraphs(first) and _among_paragraphs(desc_el))):
                # The description repeats a paragraph further down, or a box elsewhere; the
                # standfirst stands above it.
                return text
        elif _marked_standfirst(first) or (
            _shares_words(text, description) if description else not _among_paragraphs(first)
        ):
            # The description is not on the page (or there is none): the standfirst shown is, when
            # the block is named as one, when the description says much the same, or, without a
            # description, when the block is set apart from the text's paragraphs.
            return _continued(first, text, description)
    lead_el = desc_el if desc_el is not None else _marked_lead(container)
    lead = text_of(lead_el) if lead_el is not None else None
    if lead and description and not description.rstrip().endswith(("...", "…")):
        # The page's description is the summary unless the page shows a longer version of it.
        if not len(description) * 0.95 <= len(lead) <= len(description) * 1.3:
            return description
    return lead
