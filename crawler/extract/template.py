"""The template vocabulary applied: elements whose class, id or aria-label names a template part
(share bar, related links, byline, caption credit...). They are not removed: the container choice
counts their text as template, and the body walk leaves them out."""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from lxml.html import HtmlElement

from . import selectors as sel
from .dom import link_len, name_words
from .trace import TEMPLATE, Rule, Trace, rule

TEMPLATE_WORD = rule("template-word", TEMPLATE,
                     "a class or id word that names a template part wherever it stands (share, related, "
                     "newsletter, ad...), in BOILERPLATE_STRONG or AD_WORDS")
TEMPLATE_LAST_WORD = rule("template-last-word", TEMPLATE,
                          "a class or id whose last word says what the element is (meta, byline, caption, "
                          "tags...), in BOILERPLATE_HEAD, or a box word after one")
TEMPLATE_LABEL = rule("template-aria-label", TEMPLATE,
                      "a box labelled for screen readers with template words (aria-label='Related stories')")
PROSE_UNDER_LAST_WORD = rule("prose-under-last-word", TEMPLATE,
                             "a box named only by a last word ('text-description') that holds paragraphs of prose "
                             "is text: a byline box or a standfirst is never that long")
TICKER_HEADING = rule("ticker-heading", TEMPLATE,
                      "a heading named as a time that holds a headline after the time is a live ticker's entry")
WRAPPER_HOLDS_PAGE = rule("wrapper-holds-page", TEMPLATE,
                          "a part named like a template part that holds much of the page's text is the page "
                          "('has-sidebar', 'ad-margins'), unless it is a modal or a cookie banner")

NOT_FLAGGED, WEAK, STRONG = 0, 1, 2
# A part with at least this share of the page's text is a wrapper of the page, whatever its name.
TEMPLATE_MAX_SHARE = 0.4
PROSE_PARAGRAPHS = 3  # a box holding this many paragraphs of prose is text (see _holds_prose)
PROSE_MIN_CHARS = 150  # a paragraph of prose is at least this long...
PROSE_MAX_LINK_SHARE = 0.2  # ...with at most this share of it in links
TICKER_HEADLINE_WORDS = 3  # a live ticker's entry has a headline of at least this many words after its time


@lru_cache(maxsize=16384)
def names_verdict(classes: str, ident: str) -> tuple[int, str]:
    """Whether class names or an id mark a template part (share bar, related links, byline, caption
    credit...), and the word that does, unless one of the names says it is the content or negates
    the word ("non-ad"). STRONG when a name says so outright ("newsletter"), WEAK when only its last
    word does ("-description")."""
    names = classes.split()
    if ident:
        names.append(ident)
    flagged, word = NOT_FLAGGED, ""
    for words in map(name_words, names):
        if not words:
            continue
        if words[-1] in sel.CONTENT_WORDS:
            return NOT_FLAGGED, ""
        if flagged == STRONG:
            continue
        negated = not sel.NEGATIONS.isdisjoint(words)
        if negated:
            continue
        if (not sel.BOILERPLATE_STRONG.isdisjoint(words) or not sel.AD_WORDS.isdisjoint(words)
                or any(a + b in sel.BOILERPLATE_STRONG for a, b in pairwise(words))):
            # also a word written in two parts: "most-read", "side_bar", "readMore"
            flagged, word = STRONG, _strong_word(words)
        elif words[-1] in sel.BOILERPLATE_HEAD and not _part_hidden(words) or len(words) > 1 and (
                words[-1] in sel.BOX_WORDS and words[-2] in sel.BOILERPLATE_HEAD
                or words[-1] in ("info", "infotext") and words[-2] in sel.MEDIA_WORDS):
            # "post-tags", "author-container", "media-info" (a caption)
            flagged, word = WEAK, word or " ".join(words[-2:] if words[-1] not in sel.BOILERPLATE_HEAD else words[-1:])
    return flagged, word


_HIDDEN_PARTS = frozenset(("label", "title", "heading", "header", "icon"))


def _part_hidden(words: list[str]) -> bool:
    """A name that says a part of the element is hidden ("field--label-hidden": its label), not the
    element itself."""
    return len(words) > 1 and words[-1] == "hidden" and words[-2] in _HIDDEN_PARTS


def _strong_word(words: list[str]) -> str:
    """The word (or the two parts of one) of a class name that is in the strong template vocabulary."""
    for w in words:
        if w in sel.BOILERPLATE_STRONG or w in sel.AD_WORDS:
            return w
    return next(a + b for a, b in pairwise(words) if a + b in sel.BOILERPLATE_STRONG)


def boilerplate(root: HtmlElement, trace: Trace | None = None) -> dict[HtmlElement, tuple[Rule, str]]:
    """Elements marked as template parts by their class, id or aria-label, each with the rule and
    the word that marked it; except those holding much of the page's text (a wrapper named
    "has-sidebar" or "ad-margins" is still the page), and those named only by a last word
    ("text-description") that hold several paragraphs of prose: a byline box or a standfirst is
    never that long."""
    total = len(root.text_content()) or 1
    flagged: dict[HtmlElement, tuple[Rule, str]] = {}
    for el in sel.WITH_CLASS_OR_ID(root):
        classes, ident = el.get("class") or "", el.get("id") or ""
        verdict, word = names_verdict(classes, ident)
        if not verdict or el.tag in ("html", "body"):
            continue
        if verdict == WEAK:
            if _holds_prose(el):
                if trace is not None:
                    trace.keep(PROSE_UNDER_LAST_WORD, el, detail=word)
                continue
            if el.tag in sel.HEADINGS and _stamped_headline(el):
                if trace is not None:
                    trace.keep(TICKER_HEADING, el, detail=word)
                continue
        if len(el.text_content()) < TEMPLATE_MAX_SHARE * total or _never_a_wrapper(classes, ident):
            flagged[el] = (TEMPLATE_WORD if verdict == STRONG else TEMPLATE_LAST_WORD, word)
        elif trace is not None:
            trace.keep(WRAPPER_HOLDS_PAGE, el, detail=word)
    for el in sel.LABELLED_BOXES(root):
        verdict, word = names_verdict(el.get("aria-label") or "", "")
        if verdict and len(el.text_content()) < TEMPLATE_MAX_SHARE * total:
            flagged.setdefault(el, (TEMPLATE_LABEL, word))
    return flagged


def _stamped_headline(heading: HtmlElement) -> bool:
    """A heading named as a time that holds a headline after the time: a live ticker's entry
    ("11.04 Uhr: Drone strike in the south"), not a timestamp."""
    match = sel.TIME_STAMPED.match(heading.text_content())
    return match is not None and len(match.group(1).split()) >= TICKER_HEADLINE_WORDS


def _holds_prose(el: HtmlElement) -> bool:
    """Whether the element holds PROSE_PARAGRAPHS paragraphs of running text (sentences, few links)."""
    found = 0
    for p in el.iter("p"):
        text = p.text_content()
        if len(text) >= PROSE_MIN_CHARS and link_len(p) < PROSE_MAX_LINK_SHARE * len(text):
            found += 1
            if found >= PROSE_PARAGRAPHS:
                return True
    return False


@lru_cache(maxsize=4096)
def _never_a_wrapper(classes: str, ident: str) -> bool:
    """A cookie banner or a modal never holds the article, however much text it has (a short article
    can have less text than its cookie settings)."""
    words = {w for name in (*classes.split(), ident) for w in name_words(name)}
    return not sel.NEVER_WRAPPERS.isdisjoint(words)
