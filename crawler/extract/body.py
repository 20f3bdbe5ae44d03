"""The article body: prune the tree, flag template parts, choose the container, walk it.

The container is the element whose subtree holds the most article-like text net of template text
(links, short labels, parts whose class or id names them template); see ``container.text_scores``.
The walk keeps the page's order (``walk.Walker``). When the template vocabulary hid the article
(a wrapper named like a widget), the choice and the walk are tried again without it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from lxml.html import HtmlElement

from ..items import Image, Section, Table
from .container import best_box, one_article, text_scores, with_like_siblings
from .dom import elements_within
from .headings import drop_empty
from .images import hero_image, picture_boxes
from .prune import prune
from .template import boilerplate
from .walk import Walker

_RETRY_BELOW = 400  # text shorter than this: try again without the template vocabulary


def _walk_container(root: HtmlElement, base_url: str, titles: list[str], flagged: set[HtmlElement],
                    authors: list[str] | None = None, site_names: list[str] | None = None,
                    description: str | None = None) -> tuple[Walker, HtmlElement | None]:
    inside = elements_within(flagged, root) if flagged else frozenset()
    good, bad = text_scores(root, inside)
    container = best_box(good, bad)
    boxes = [container] if container is not None else []
    if container is not None:
        one = one_article(container, titles)
        boxes = [one] if one is not container else with_like_siblings(container, good, bad, inside)
        container = one
    walker = Walker(base_url, titles, flagged, authors, site_names, description)
    for box in boxes:
        walker.picture_boxes = picture_boxes(box)
        walker.walk(box)
        walker.flush()
    walker.drop_tentative()
    return walker, container


def _text_len(walker: Walker) -> int:
    return sum(len(b.text or "") + sum(len(i.text) for i in b.items) for s in walker.sections for b in s.blocks)


class BodyParts(NamedTuple):
    sections: list[Section]
    tables: list[Table]
    images: list[Image]
    byline: str | None
    container: HtmlElement | None  # the element holding the text, None when no text was found
    is_furniture: Callable[[str], bool]  # the walker's test for template lines, for the summary's search


def extract_body(root: HtmlElement, base_url: str, titles: list[str], authors: list[str] | None = None,
                 description: str | None = None, site_names: list[str] | None = None,
                 ) -> BodyParts:
    """Sections, tables, images and a byline written above the text, of a page tree (pruned in place)."""
    prune(root)
    flagged = boilerplate(root)
    walker, container = _walk_container(root, base_url, titles, flagged, authors, site_names, description)
    if flagged and _text_len(walker) < _RETRY_BELOW:
        # Template words hid the article (a wrapper named like a widget): try again without them.
        retry, retry_container = _walk_container(root, base_url, titles, set(), authors, site_names, description)
        if _text_len(retry) > 2 * _text_len(walker):
            walker, container = retry, retry_container
    sections = drop_empty(walker.sections)
    images = walker.images
    hero = hero_image(container, base_url, flagged) if container is not None else None
    if hero is not None and all(hero.url != im.url for im in images):
        images.insert(0, hero)
        for section in sections:
            for block in section.blocks:
                if block.kind == "image" and block.ref is not None:
                    block.ref += 1
    return BodyParts(sections, walker.tables, images, walker.byline, container, walker.is_furniture)
