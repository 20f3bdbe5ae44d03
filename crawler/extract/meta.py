"""The page's <meta> tags as one map, read once: every content keyed by name, property or itemprop.

The fields read from it live with their own cascades: title.py, byline.py, dates.py, fields.py.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from . import selectors as sel
from .text import clean_text

MetaMap = dict[str, list[str]]


def meta_map(root: HtmlElement) -> MetaMap:
    """Every <meta> content keyed by its lower-cased name, property or itemprop, in page order."""
    found: MetaMap = {}
    for el in sel.META(root):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = clean_text(el.get("content"))
        if key and content:
            found.setdefault(key.strip().lower(), []).append(content)
    return found


def first_meta(metas: MetaMap, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        values = metas.get(key)
        if values:
            return values[0]
    return None



def labelled_meta(metas: MetaMap, label: re.Pattern, pairs: int = 4) -> str | None:
    """Yoast's reading-card pairs: the "twitter:dataN" whose "twitter:labelN" matches ("Written by",
    "Est. reading time"), or the same pair in one tag, as headless front ends write Yoast's
    ``twitter_misc`` ("twitter:misc:Written by")."""
    for i in range(1, pairs + 1):
        name = first_meta(metas, (f"twitter:label{i}",))
        if name and label.search(name):
            return first_meta(metas, (f"twitter:data{i}",))
    for key, values in metas.items():
        if key.startswith("twitter:misc:") and label.search(key[13:]):
            return values[0]
    return None
