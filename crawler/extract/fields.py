"""The small fields of an article: read time, tags, language, site name, canonical URL, description
and paywall. One small function per field, JSON-LD, <meta> and the DOM in an explicit order, each
returning the raw string the page states or None on a miss (numbers come in ``pipelines``).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from . import selectors as sel
from .jsonld import text_value
from .meta import MetaMap, first_meta, labelled_meta
from .text import clean_text
from .title import strip_site_suffix

_READING_LABEL = re.compile(r"read|lese", re.IGNORECASE)


def extract_read_time(metas: MetaMap, article_ld: dict | None, small: list[tuple[HtmlElement, str]]) -> str | None:
    joined = "\n".join(text for _, text in small)
    low = joined.lower()
    match = sel.READ_TIME.search(joined) if any(w in low for w in sel.READ_TIME_WORDS) else None
    if match:
        start = joined.rfind("\n", 0, match.start()) + 1
        end = joined.find("\n", match.end())
        return joined[start : end if end >= 0 else len(joined)]
    value = labelled_meta(metas, _READING_LABEL, pairs=2)
    if value:
        return value
    if article_ld and isinstance(article_ld.get("timeRequired"), str):
        return article_ld["timeRequired"]
    return None


# --------------------------------------------------------------------------- the rest


def extract_tags(root: HtmlElement, metas: MetaMap, article_ld: dict | None) -> list[str]:
    tags: list[str] = []
    if article_ld:
        kw = article_ld.get("keywords")
        if isinstance(kw, str):
            tags.extend(k.strip() for k in kw.split(","))
        elif isinstance(kw, list):
            tags.extend(t for t in (text_value(k) for k in kw) if t)
    if not tags:
        tags.extend(metas.get("article:tag", ()))
    if not tags:
        tags.extend(clean_text(a.text_content()) for a in sel.TAG_LINKS(root))
    if not tags:
        for key in ("news_keywords", "keywords", "parsely-tags"):
            for value in metas.get(key, ()):
                tags.extend(v.strip() for v in value.split(","))
            if tags:
                break
    seen: dict[str, str] = {}
    for tag in tags:
        tag = clean_text(tag)
        if tag and len(tag) < 80 and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())[:50]


def extract_language(root: HtmlElement, metas: MetaMap, article_ld: dict | None) -> str | None:
    langs = sel.HTML_LANG(root)
    value = langs[0] if langs else None
    value = value or first_meta(metas, sel.META_LANGUAGE)
    if not value and article_ld:
        value = text_value(article_ld.get("inLanguage"))
    if not value:
        return None
    value = value.strip().replace("_", "-").split(",")[0]
    return value if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value) else None


def extract_site_name(metas: MetaMap, article_ld: dict | None, url: str) -> str | None:
    name = first_meta(metas, ("og:site_name", "application-name"))
    if not name and article_ld:
        publisher = article_ld.get("publisher")
        name = text_value(publisher.get("name")) if isinstance(publisher, dict) else text_value(publisher)
    if name and sel.URLISH.search(name):
        name = None
    return name or None


def extract_canonical(root: HtmlElement, metas: MetaMap, article_ld: dict | None, url: str) -> str | None:
    for href in sel.LINK_CANONICAL(root):
        if href.strip():
            return urljoin(url, href.strip())
    value = first_meta(metas, sel.META_URL)
    if value:
        return urljoin(url, value)
    if article_ld:
        ld_url = text_value(article_ld.get("url"))
        if ld_url and urlsplit(urljoin(url, ld_url)).scheme in ("http", "https"):
            return urljoin(url, ld_url)
    return None


def extract_description(metas: MetaMap, article_ld: dict | None) -> str | None:
    """The page's own summary: og:description (what the publisher shows when the story is shared),
    else JSON-LD description, else the other description metas."""
    og = first_meta(metas, ("og:description",))
    if og:
        return og
    if article_ld:
        desc = text_value(article_ld.get("description"))
        if desc:
            return clean_text(desc)
    return first_meta(metas, sel.META_DESCRIPTION)


_PHOTO_TAIL = re.compile(r"\s*[•|·]\s*(?:foto|photo|bild|image|picture)s?\s*:.*$", re.IGNORECASE)


def clean_description(text: str | None, site_names: set[str]) -> str | None:
    """The description without what publishers append to it: a photo credit ("• Foto: X/Reuters"),
    the site's name ("| The Paper"), a dangling separator."""
    if not text:
        return text
    text = strip_site_suffix(_PHOTO_TAIL.sub("", text), site_names).rstrip(" -–—|•·")
    return text or None


def extract_paywalled(article_ld: dict | None) -> bool | None:
    if not article_ld:
        return None
    value = article_ld.get("isAccessibleForFree")
    if value is None:
        parts = article_ld.get("hasPart")
        parts = parts if isinstance(parts, list) else [parts]
        for part in parts:
            if isinstance(part, dict) and "isAccessibleForFree" in part:
                value = part["isAccessibleForFree"]
                break
    if isinstance(value, str):
        value = value.strip().lower() not in ("false", "0", "no")
    return None if value is None else not bool(value)
