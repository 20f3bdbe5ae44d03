"""The article body: the stages in order, from the page tree to sections of blocks.

1. ``prune.prune``: remove what is never article text (scripts, form controls, polls, navigation...).
2. ``template.boilerplate``: flag the parts whose class, id or aria-label names a template part.
3. ``container``: choose the element holding the most article-like text net of template text.
4. ``walk.Walker``: walk it in page order into sections of blocks, leaving out furniture.
5. ``headings.drop_empty``: drop headings with nothing under them.

When the template vocabulary hid the article (a wrapper named like a widget), stages 3 and 4 are
tried again without it. With a ``Trace``, every stage records what its rules dropped and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from lxml.html import HtmlElement

from ..items import Image, Section, Table
from .container import best_box, one_article, text_scores, trace_choice, with_like_siblings
from .dom import elements_within
from .headings import drop_empty
from .images import hero_image, picture_boxes
from .prune import prune
from .template import boilerplate
from .trace import CONTAINER, LINES, WALK, Rule, Trace, rule
from .walk import Walker

RETRY_WITHOUT_VOCABULARY = rule("retry-without-vocabulary", CONTAINER,
                                "kept: the template vocabulary left less than RETRY_BELOW_CHARS of text, and "
                                "the container chosen without it holds more than twice as much")
ENTRIES_NOT_TEASERS = rule("entries-not-teasers", CONTAINER,
                           "kept: cards that look like teasers but hold more of the container's text than all "
                           "the rest are the article's entries (a listicle, a guide of linked items): walked "
                           "again as text")
ENTRIES_MIN_SHARE = 1.0  # teaser cards holding more than this many times the text kept are the entries
RETRY_BELOW_CHARS = 400  # text shorter than this: try again without the template vocabulary
RETRY_MIN_GAIN = 2  # ...and keep the retry when it finds more than this many times the text


def _walk_container(root: HtmlElement, base_url: str, titles: list[str], flagged: dict[HtmlElement, tuple[Rule, str]],
                    authors: list[str] | None = None, site_names: list[str] | None = None,
                    description: str | None = None, trace: Trace | None = None,
                    ) -> tuple[Walker, HtmlElement | None]:
    inside = elements_within(flagged, root) if flagged else frozenset()
    good, bad = text_scores(root, inside)
    container = best_box(good, bad)
    boxes = [container] if container is not None else []
    if container is not None:
        one = one_article(container, titles)
        boxes = [one] if one is not container else with_like_siblings(container, good, bad, inside)
        if trace is not None:
            trace_choice(root, container, one, boxes, flagged, trace)
        container = one
    walker = _walk_boxes(boxes, base_url, titles, flagged, authors, site_names, description, trace, teasers=True)
    if walker.teaser_chars > ENTRIES_MIN_SHARE * max(_text_len(walker), 1):
        # The "teasers" hold most of the text: they are the article's entries.
        second = Trace() if trace is not None else None
        walker = _walk_boxes(boxes, base_url, titles, flagged, authors, site_names, description, second,
                             teasers=False)
        if trace is not None and second is not None:
            trace.records[:] = [r for r in trace.records if r.stage != WALK and r.stage != LINES]
            trace.keep(ENTRIES_NOT_TEASERS, container)
            trace.extend(second)
    return walker, container


def _walk_boxes(boxes: list[HtmlElement], base_url: str, titles: list[str],
                flagged: dict[HtmlElement, tuple[Rule, str]], authors: list[str] | None,
                site_names: list[str] | None, description: str | None, trace: Trace | None,
                teasers: bool) -> Walker:
    walker = Walker(base_url, titles, flagged, authors, site_names, description, trace)
    walker.teasers = teasers
    for box in boxes:
        walker.picture_boxes = picture_boxes(box)
        walker.walk(box)
        walker.flush()
    walker.drop_tentative()
    return walker


def _text_len(walker: Walker) -> int:
    return sum(len(b.text or "") + sum(len(i.text) for i in b.items) for s in walker.sections for b in s.blocks)


class BodyParts(NamedTuple):
    sections: list[Section]
    tables: list[Table]
    images: list[Image]
    byline: str | None
    container: HtmlElement | None  # the element holding the text, None when no text was found
    is_furniture: Callable[[str], Rule | None]  # the walk's test for template lines, for the summary's search


def extract_body(root: HtmlElement, base_url: str, titles: list[str], authors: list[str] | None = None,
                 description: str | None = None, site_names: list[str] | None = None,
                 trace: Trace | None = None) -> BodyParts:
    """Sections, tables, images and a byline written above the text, of a page tree (pruned in place)."""
    prune(root, trace)
    flagged = boilerplate(root, trace)
    attempt = Trace() if trace is not None else None
    walker, container = _walk_container(root, base_url, titles, flagged, authors, site_names, description, attempt)
    if flagged and _text_len(walker) < RETRY_BELOW_CHARS:
        # Template words hid the article (a wrapper named like a widget): try again without them.
        second = Trace() if trace is not None else None
        retry, retry_container = _walk_container(root, base_url, titles, {}, authors, site_names, description, second)
        if _text_len(retry) > RETRY_MIN_GAIN * _text_len(walker):
            if second is not None:
                second.keep(RETRY_WITHOUT_VOCABULARY, retry_container,
                            detail=f"{_text_len(walker)} chars with it, {_text_len(retry)} without")
            walker, container, attempt = retry, retry_container, second
    if trace is not None and attempt is not None:
        trace.extend(attempt)
    sections = drop_empty(walker.sections, trace)
    images = walker.images
    hero = hero_image(container, base_url, flagged) if container is not None else None
    if hero is not None and all(hero.url != im.url for im in images):
        images.insert(0, hero)
        for section in sections:
            for block in section.blocks:
                if block.kind == "image" and block.ref is not None:
                    block.ref += 1
    return BodyParts(sections, walker.tables, images, walker.byline, container, walker.is_furniture)
