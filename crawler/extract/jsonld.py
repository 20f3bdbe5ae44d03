"""JSON-LD: read every block of a page once and find the article object in it.

Hand-written rather than extruct's ``JsonLdExtractor``: the part we need is a dozen lines, and
importing extruct pulls in rdflib and the RDFa/microformat parsers, which would cost more start-up
time than the whole extraction of a page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

from . import selectors as sel

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_OBJECTS = 2000


def _load(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text.removeprefix("<!--").removesuffix("-->")
    if text.startswith("//<![CDATA["):
        text = text.removeprefix("//<![CDATA[").removesuffix("//]]>")
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        pass
    try:
        return json.loads(_CONTROL.sub(" ", text), strict=False)
    except (ValueError, RecursionError):
        return None


def _walk(data: Any, depth: int = 0) -> Iterator[dict]:
    """Every typed object, depth-first, bounded (a hostile page may nest without end)."""
    if depth > 12:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data or "@graph" in data:
            yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"):
            sub = data.get(key)
            if isinstance(sub, (list, dict)):
                yield from _walk(sub, depth + 1)


def types_of(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower().rsplit("/", 1)[-1]}
    if isinstance(t, list):
        return {x.lower().rsplit("/", 1)[-1] for x in t if isinstance(x, str)}
    return set()


def objects(root: HtmlElement) -> list[dict]:
    """All typed JSON-LD objects of the page, in document order."""
    found: list[dict] = []
    for script in sel.JSONLD_SCRIPTS(root):
        data = _load(script.text or "")
        if data is None:
            continue
        for obj in _walk(data):
            found.append(obj)
            if len(found) >= _MAX_OBJECTS:
                return found
    return found


def article_object(objs: list[dict]) -> dict | None:
    """The object that describes the article: an Article type, the richer one when there are several."""
    best, best_score = None, 0
    for obj in objs:
        types = types_of(obj)
        if types & sel.ARTICLE_TYPES:
            score = 10
        elif types & sel.PAGE_TYPES:
            score = 1
        else:
            continue
        score += sum(1 for k in ("headline", "author", "datePublished", "articleBody", "image") if obj.get(k))
        if score > best_score:
            best, best_score = obj, score
    return best


def text_value(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list, or an object with a name.

    HTML entities are decoded: many CMSs escape them twice ("Kohberger&#8217;s", "&quot;")."""
    if isinstance(value, str):
        if "&" in value:
            value = html.unescape(value)
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        for item in value:
            text = text_value(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "text", "headline", "url", "@id"):
            text = text_value(value.get(key))
            if text:
                return text
    return None
