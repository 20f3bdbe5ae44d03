"""The template vocabulary applied: elements whose class, id or aria-label names a template part
(share bar, related links, byline, caption credit...). They are not removed: the container choice
counts their text as template, and the body walk leaves them out."""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from lxml.html import HtmlElement

from . import selectors as sel
from .dom import link_len, name_words


def is_boilerplate(el: HtmlElement) -> int:
    """Whether the element's class or id marks a template part (share bar, related links, byline,
    caption credit...), unless one of its names says it is the content or negates the word ("non-ad").
    STRONG when a name says so outright ("newsletter"), WEAK when only its last word does ("-description")."""
    return _names_verdict(el.get("class") or "", el.get("id") or "")


NOT_FLAGGED, WEAK, STRONG = 0, 1, 2


@lru_cache(maxsize=16384)
def _names_verdict(classes: str, ident: str) -> int:
    names = classes.split()
    if ident:
        names.append(ident)
    flagged = NOT_FLAGGED
    for words in map(name_words, names):
        if not words:
            continue
        if words[-1] in sel.CONTENT_WORDS:
            return NOT_FLAGGED
        if flagged == STRONG:
            continue
        negated = not sel.NEGATIONS.isdisjoint(words)
        if negated:
            continue
        if (not sel.BOILERPLATE_STRONG.isdisjoint(words) or not sel.AD_WORDS.isdisjoint(words)
                or any(a + b in sel.BOILERPLATE_STRONG for a, b in pairwise(words))):
            flagged = STRONG  # also a word written in two parts: "most-read", "side_bar", "readMore"
        elif words[-1] in sel.BOILERPLATE_HEAD or len(words) > 1 and (
                words[-1] in sel.BOX_WORDS and words[-2] in sel.BOILERPLATE_HEAD
                or words[-1] in ("info", "infotext") and words[-2] in sel.MEDIA_WORDS):
            flagged = WEAK  # "post-tags", "author-container", "media-info" (a caption)
    return flagged


def boilerplate(root: HtmlElement) -> set[HtmlElement]:
    """Elements marked as template parts by their class or id, except those holding much of the
    page's text (a wrapper named "has-sidebar" or "ad-margins" is still the page), and those named
    only by a last word ("text-description") that hold several paragraphs of prose: a byline box or
    a standfirst is never that long."""
    total = len(root.text_content()) or 1
    flagged: set[HtmlElement] = set()
    for el in sel.WITH_CLASS_OR_ID(root):
        classes, ident = el.get("class") or "", el.get("id") or ""
        verdict = _names_verdict(classes, ident)  # is_boilerplate(el), without a call per element
        if not verdict or el.tag in ("html", "body") or verdict == WEAK and (
                _holds_prose(el) or el.tag in sel.HEADINGS and _stamped_headline(el)):
            continue
        if len(el.text_content()) < 0.4 * total or _never_a_wrapper(classes, ident):
            flagged.add(el)
    for el in sel.LABELLED_BOXES(root):
        if _names_verdict(el.get("aria-label") or "", "") and len(el.text_content()) < 0.4 * total:
            flagged.add(el)
    return flagged


def _stamped_headline(heading: HtmlElement) -> bool:
    """A heading named as a time that holds a headline after the time: a live ticker's entry
    ("11.04 Uhr: Drone strike in the south"), not a timestamp."""
    match = sel.TIME_STAMPED.match(heading.text_content())
    return match is not None and len(match.group(1).split()) >= 3


def _holds_prose(el: HtmlElement, paragraphs: int = 3) -> bool:
    """Whether the element holds this many paragraphs of running text (sentences, few links)."""
    found = 0
    for p in el.iter("p"):
        text = p.text_content()
        if len(text) >= 150 and link_len(p) < 0.2 * len(text):
            found += 1
            if found >= paragraphs:
                return True
    return False


@lru_cache(maxsize=4096)
def _never_a_wrapper(classes: str, ident: str) -> bool:
    """A cookie banner or a modal never holds the article, however much text it has (a short article
    can have less text than its cookie settings)."""
    words = {w for name in (*classes.split(), ident) for w in name_words(name)}
    return not sel.NEVER_WRAPPERS.isdisjoint(words)
