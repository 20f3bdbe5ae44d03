"""Pruning: what is removed from the tree before anything is scored, because it is never article
text (scripts, form controls, polls) or is template by its HTML meaning (navigation, footers,
asides, forms, hidden parts), unless it holds much of the page."""

from __future__ import annotations

from lxml.html import HtmlElement

from . import selectors as sel
from .dom import attached, drop
from .trace import PRUNE, Trace, rule

CODE = rule("code", PRUNE, "scripts, styles, vector graphics, embedded objects and the <head> are never text",
            quiet=True)
FORM_CONTROL = rule("form-control", PRUNE, "buttons, inputs, selects, text areas and dialogs label controls, not text")
POLL = rule("poll", PRUNE, "a small box around radio buttons or checkboxes sharing a name is a poll or a quiz")
STRUCTURAL = rule("structural-tag", PRUNE, "nav, footer, aside, menu and form are template by their HTML meaning")
HIDDEN = rule("hidden", PRUNE, "a part hidden by the hidden attribute, aria-hidden or display:none is not shown")
HIDDEN_COPY = rule("hidden-copy", PRUNE, "a large hidden part repeating visible text is a paywall's duplicate")
PULL_QUOTE_ASIDE = rule("pull-quote-aside", PRUNE, "an <aside> holding a <blockquote> is a pull quote of the text")
QUOTE_ATTRIBUTION = rule("quote-attribution", PRUNE, "a <footer> inside a <blockquote> is the quote's attribution")
STREAMED_PART = rule("streamed-part", PRUNE,
                     "kept: a hidden part a framework streams in after the page (React's <div hidden id='S:n'>) "
                     "is the text of its placeholder (<template id='B:n'>): put in its place, its loading "
                     "note dropped")
CONTROL_HOLDS_PAGE = rule("control-holds-page", PRUNE,
                          "kept: a form control holding much of the page's text is broken markup (a <button> "
                          "never closed), not a control: its text stays")
STRUCTURAL_PAGE = rule("structural-holds-page", PRUNE,
                       "a structural or hidden part holding much of the page's text is the page (an article in "
                       "an <aside>, or streamed into a hidden <div> a script reveals)")

# A structural or hidden part with at least this share of the page's text is kept: some sites wrap
# the whole article in an <aside> or a <form>, or hide it until a script runs.
STRUCTURAL_MAX_SHARE = 0.3
CONTROL_MIN_CHARS = 1000  # a control with less text than this is a control, whatever the page's size
LOADING_NOTE_MAX_CHARS = 80  # what stands after a streamed part's placeholder, this short, is its loading note
_STREAMED_ID = "S:"  # React's ids: the hidden part "S:n" replaces the placeholder of a boundary "B:n"...
_BOUNDARY_ID, _SEGMENT_ID = "B:", "P:"  # ...followed by its loading note, or of a segment "P:n"


def _is_hidden(el: HtmlElement) -> bool:
    if el.get("hidden") is not None:
        return True
    if el.get("aria-hidden") == "true" and el.tag not in ("figure", "img", "picture", "div", "section", "span", "p"):
        return True
    style = el.get("style")
    if style:
        style = style.replace(" ", "").lower()
        return "display:none" in style or "visibility:hidden" in style
    return False


def prune(root: HtmlElement, trace: Trace | None = None) -> None:
    """Remove what is never article text: scripts, styles, form controls, polls; and navigation,
    footers, asides, forms and hidden parts unless they hold much of the page."""
    _place_streamed(root, trace)
    never_text = list(root.iter(*sel.DROP_TAGS))
    controls = len(never_text)
    never_text += _choice_boxes([el for el in never_text if el.tag == "input"])
    total = 0  # the page's text, measured only when a control holds much text
    for n, el in enumerate(never_text):
        if el.getparent() is not None:
            if (n < controls and el.tag in sel.CONTROL_TAGS and el.tag != "input"
                    and len(el.text_content()) >= CONTROL_MIN_CHARS
                    and len(el.text_content()) >= STRUCTURAL_MAX_SHARE * (total := total or len(root.text_content()))):
                if trace is not None and attached(el, root):
                    trace.keep(CONTROL_HOLDS_PAGE, el)
                el.drop_tag()
                continue
            if trace is not None and attached(el, root):
                trace.drop(POLL if n >= controls else FORM_CONTROL if el.tag in sel.CONTROL_TAGS else CODE, el)
            drop(el)
    page_text = root.text_content()
    total = len(page_text) or 1
    doomed = [el for el in root.iter(*sel.STRUCTURAL_TAGS)]
    structural = len(doomed)
    # In page order (a list, not a set): which of two nested parts is dropped first decides what
    # the trace records and, through the page's share, what stays; it must not vary between runs.
    hidden = [el for el in sel.MAYBE_HIDDEN(root) if _is_hidden(el)]
    hidden_set = set(hidden)
    for n, el in enumerate(doomed + hidden):
        # The trace records only elements still in the page (not those inside a part dropped before).
        traced = trace is not None and el.getparent() is not None and attached(el, root)
        if el.tag == "aside" and el.find(".//blockquote") is not None:
            if traced:
                trace.keep(PULL_QUOTE_ASIDE, el)
            continue
        if el.tag == "footer" and any(a.tag == "blockquote" for a in el.iterancestors()):
            if traced:
                trace.keep(QUOTE_ATTRIBUTION, el)
            continue
        if el.getparent() is None:
            continue
        text = el.text_content()
        if len(text) < STRUCTURAL_MAX_SHARE * total:
            if traced:
                trace.drop(STRUCTURAL if n < structural else HIDDEN, el)
            drop(el)
        elif el in hidden_set and _repeats_visible_text(text, page_text):
            if traced:
                trace.drop(HIDDEN_COPY, el)
            drop(el)
        elif traced:
            trace.keep(STRUCTURAL_PAGE, el)


def _place_streamed(root: HtmlElement, trace: Trace | None) -> None:
    """Put each part a framework streams in (hidden, at the end of the page) where its placeholder
    stands, as the page's script would: React sends ``<template id="B:n">`` and a short loading
    note in the text's place, and the text later in ``<div hidden id="S:n">``."""
    streamed = [el for el in root.iter("div") if el.get("hidden") is not None
                and (el.get("id") or "").startswith(_STREAMED_ID)]
    if not streamed:
        return
    placeholders = {el.get("id"): el for el in root.iter("template")
                    if (el.get("id") or "").startswith((_BOUNDARY_ID, _SEGMENT_ID))}
    for part in streamed:
        n = part.get("id")[len(_STREAMED_ID):]
        spot = placeholders.get(_BOUNDARY_ID + n)
        note = spot.getnext() if spot is not None else None
        spot = placeholders.get(_SEGMENT_ID + n) if spot is None else spot
        if spot is None or spot.getparent() is None or part in set(spot.iterancestors()):
            continue
        if (note is not None and note.tag != "template" and not (spot.tail or "").strip()
                and len(note.text_content()) < LOADING_NOTE_MAX_CHARS):
            drop(note)
        if trace is not None:
            trace.keep(STREAMED_PART, part)
        parent, at = spot.getparent(), spot.getparent().index(spot)
        part.getparent().remove(part)
        part.attrib.pop("hidden", None)
        parent.insert(at, part)
        drop(spot)


POLL_MAX_CHARS = 500  # a poll's question and answers together are shorter than this (an article is longer)
_NOT_A_BOX = frozenset(("body", "html", "article", "main"))


def _choice_boxes(inputs: list[HtmlElement]) -> list[HtmlElement]:
    """Polls and quizzes: the small box around a group of radio buttons or checkboxes sharing a
    name, question included. Its answers are labels of form controls, not sentences of the text."""
    groups: dict[str, list[HtmlElement]] = {}
    for el in inputs:
        if (el.get("type") or "").lower() in ("radio", "checkbox") and el.get("name"):
            groups.setdefault(el.get("name"), []).append(el)
    boxes = []
    for group in groups.values():
        if len(group) < 2:
            continue
        shared = set.intersection(*(set(el.iterancestors()) for el in group[1:]))
        box = next((a for a in group[0].iterancestors() if a in shared), None)  # the nearest one around all
        if box is None or len(box.text_content()) > POLL_MAX_CHARS:
            continue
        parent = box.getparent()
        while parent is not None and parent.tag not in _NOT_A_BOX and len(parent.text_content()) <= POLL_MAX_CHARS:
            box, parent = parent, parent.getparent()
        boxes.append(box)
    return boxes


def _repeats_visible_text(text: str, page_text: str) -> bool:
    """Whether a large hidden block is a copy of text shown elsewhere on the page (a paywall's
    hidden duplicate of the article), not the only copy of an article a script reveals."""
    words = text.split()
    middle = len(words) // 2
    sample = " ".join(words[middle:middle + 12])
    return len(sample) > 40 and " ".join(page_text.split()).count(sample) > 1
