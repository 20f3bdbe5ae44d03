"""Pruning: what is removed from the tree before anything is scored, because it is never article
text (scripts, form controls, polls) or is template by its HTML meaning (navigation, footers,
asides, forms, hidden parts), unless it holds much of the page."""

from __future__ import annotations

from lxml.html import HtmlElement

from . import selectors as sel
from .dom import drop


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


def prune(root: HtmlElement) -> None:
    """Remove what is never article text: scripts, styles, form controls; and navigation, footers,
    asides, forms and hidden parts unless they hold much of the page (some sites wrap the article in an
    <aside>, or stream it into a hidden <div> that a script reveals)."""
    never_text = list(root.iter(*sel.DROP_TAGS))
    never_text += _choice_boxes([el for el in never_text if el.tag == "input"])
    for el in never_text:
        if el.getparent() is not None:
            drop(el)
    page_text = root.text_content()
    total = len(page_text) or 1
    doomed = [el for el in root.iter(*sel.STRUCTURAL_TAGS)]
    hidden = {el for el in sel.MAYBE_HIDDEN(root) if _is_hidden(el)}
    for el in doomed + list(hidden):
        if el.tag == "aside" and el.find(".//blockquote") is not None:
            continue  # a pull quote set in an <aside> is part of the article
        if el.tag == "footer" and any(a.tag == "blockquote" for a in el.iterancestors()):
            continue  # a quote's attribution
        if el.getparent() is None:
            continue
        text = el.text_content()
        if len(text) < 0.3 * total or (el in hidden and _repeats_visible_text(text, page_text)):
            drop(el)


_CHOICE_BOX = 500  # a poll's question and answers together are shorter than this
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
        if box is None or len(box.text_content()) > _CHOICE_BOX:
            continue
        parent = box.getparent()
        while parent is not None and parent.tag not in _NOT_A_BOX and len(parent.text_content()) <= _CHOICE_BOX:
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
