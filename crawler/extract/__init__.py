"""extract_article(html, url, fetched_at) -> Article | None: the page's structure, parsed once.

Metadata is read first from the untouched tree (JSON-LD, then <meta>, then the DOM); then the
tree is cleaned of template parts and the body is walked into sections. Values stay raw strings
("7 hours ago", "4 min read"): ``pipelines.normalize`` turns them into numbers and datetimes.
"""

from __future__ import annotations

import re
from copy import deepcopy
from datetime import datetime
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..items import Article, Section, Table
from . import jsonld, pagetype
from . import selectors as sel
from .body import extract_body
from .byline import credits_site, extract_authors, house_accounts
from .date_choice import HTMLDATE, HTMLDATE_FALLBACK
from .date_fallback import fallback_date
from .dates import extract_dates, small_texts
from .fields import (
    clean_description,
    extract_canonical,
    extract_description,
    extract_language,
    extract_paywalled,
    extract_read_time,
    extract_site_name,
    extract_tags,
)
from .html import decode_html, parse_html
from .lead import choose_summary
from .meta import first_meta, meta_map
from .survey import Features, page_marks, page_survey
from .text import CJK
from .title import extract_title, title_candidates
from .trace import PAGE, Trace, TraceRecord, rule

__all__ = ["extract_article", "parse_html", "decode_html", "render_body", "Trace", "TraceRecord"]

UNPARSABLE_PAGE = rule("unparsable-page", PAGE, "nothing to parse: an empty document, or no HTML element in it")
EMPTY_PAGE = rule("empty-page", PAGE, "neither body text nor a headline")

_WORDS = re.compile(r"\w+")
LEAD_FALLBACK_BLOCKS = 4  # without a summary, the lead is a paragraph among the first blocks...
LEAD_FALLBACK_MIN_WORDS = 15  # ...of at least this many words


def render_body(sections: list[Section], tables: list[Table] | None = None) -> str:
    """Plain text of the sections: headings and blocks, separated by blank lines."""
    parts: list[str] = []
    for section in sections:
        if section.heading:
            parts.append(section.heading)
        for block in section.blocks:
            if block.kind in ("paragraph", "quote", "embed") and block.text:
                parts.append(block.text)
            elif block.kind == "table" and tables is not None and block.ref is not None:
                table = tables[block.ref]
                rows = ([table.header] if table.header else []) + table.rows
                lines = [table.caption] if table.caption else []
                lines += ["\t".join(row) for row in rows]
                if lines:
                    parts.append("\n".join(lines))
            elif block.kind == "list":
                lines: list[str] = []
                _list_lines(block.items, lines, 0)
                if lines:
                    parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _list_lines(items, lines: list[str], depth: int) -> None:
    for item in items:
        if item.text:
            lines.append("  " * depth + item.text)
        _list_lines(item.children, lines, depth + 1)


def word_count(text: str) -> int:
    """Words of a text; in Chinese, Japanese and Korean script each character counts as one."""
    cjk = len(CJK.findall(text))
    return len(_WORDS.findall(CJK.sub(" ", text))) + cjk


def extract_article(html: str | bytes | HtmlElement, url: str, fetched_at: datetime | None = None,
                    trace: Trace | None = None) -> Article | None:
    """The article on a page, or None when the page is not an article.

    ``html`` may be the page (text or bytes) or a tree from ``parse_html``; a tree is cleaned in
    place, so take what else you need from it (links) first. Given a ``Trace``, every block a rule
    dropped (or kept where it decided) is recorded in it, and why the page is no article.
    """
    return extract_surveyed(html, url, fetched_at, trace)[0]


def extract_surveyed(html: str | bytes | HtmlElement, url: str, fetched_at: datetime | None = None,
                     trace: Trace | None = None) -> tuple[Article | None, Features | None]:
    """``extract_article``, and the page's survey (``survey.page_survey``: what ``pagetype`` judged it by)."""
    root = html if isinstance(html, HtmlElement) else parse_html(html)
    if root is None:
        if trace is not None:
            trace.drop(UNPARSABLE_PAGE)
        return None, None
    marks = page_marks(root)
    objs = jsonld.objects(root)
    article_ld = jsonld.article_object(objs)
    is_typed = article_ld is not None and bool(jsonld.types_of(article_ld) & sel.ARTICLE_TYPES)
    metas = meta_map(root)
    is_typed = is_typed or (first_meta(metas, ("og:type",)) or "").lower() == "article"
    small = small_texts(root)

    site_name = extract_site_name(metas, article_ld, url)
    host = urlsplit(url).hostname or ""
    site_names = {site_name or "", host, host.removeprefix("www.").split(".")[0]}
    title = extract_title(root, metas, article_ld, site_names, trace)
    # Credits of the site itself: its names, and its CMS's administrator account.
    house = site_names | house_accounts(article_ld)
    authors, organizations = extract_authors(root, metas, article_ld, house)
    dates = extract_dates(root, metas, article_ld, small, title, url, fetched_at, trace)
    # Nothing states a date: htmldate reads the page, once it is known to be an article, on a copy
    # made now (the body's extraction cleans the tree in place).
    undated = deepcopy(root) if dates.published_raw is None else None
    read_time_raw = extract_read_time(metas, article_ld, small)
    tags = extract_tags(root, metas, article_ld)
    language = extract_language(root, metas, article_ld)
    canonical = extract_canonical(root, metas, article_ld, url)
    description = clean_description(extract_description(metas, article_ld), site_names)
    paywalled = extract_paywalled(article_ld)

    titles = title_candidates(root, metas, article_ld, site_names, title)
    sections, tables, images, byline, container, is_furniture = extract_body(
        root, url, titles, authors + organizations, description, [site_name or "", canonical or ""], trace
    )
    lead = choose_summary(root, container, description, titles, is_furniture)
    if byline and all(credits_site(a, house) for a in authors):
        # The metadata credits the site (or no one); the page names its writers above the text.
        authors = [byline]
        organizations = [o for o in organizations if not credits_site(o, house)]
    body = render_body(sections, tables)
    features = page_survey(marks, url, objs, first_meta(metas, ("og:type",)), is_typed, title, dates.published_raw,
                           authors, byline, sections, body, container)
    verdict = pagetype.judge(features)
    if trace is not None:
        pagetype.record(verdict, features, body, trace)
    if verdict is not None:
        return None, features
    if not body and not title:
        if trace is not None:
            trace.drop(EMPTY_PAGE, text=body)
        return None, features
    published_raw, published_source = dates.published_raw, dates.published_source
    if undated is not None:
        published_raw = fallback_date(undated, url, fetched_at, extensive=is_typed)
        published_source = HTMLDATE if published_raw else None
        if published_raw and trace is not None:
            trace.keep(HTMLDATE_FALLBACK, None, text=published_raw, detail=HTMLDATE)
    lead = lead or description
    if not lead and sections and sections[0].heading is None:
        lead = next((b.text for b in sections[0].blocks[:LEAD_FALLBACK_BLOCKS]
                     if b.kind == "paragraph" and b.text and len(b.text.split()) >= LEAD_FALLBACK_MIN_WORDS), None)
    return Article(
        url=url,
        canonical_url=canonical,
        site_name=site_name,
        language=language,
        title=title,
        authors=authors,
        organizations=organizations,
        published_raw=published_raw,
        published_source=published_source,
        local_times_raw=dates.local_times_raw,
        modified_raw=dates.modified_raw,
        read_time_raw=read_time_raw,
        lead=lead,
        body=body,
        sections=sections,
        tables=tables,
        images=images,
        tags=tags,
        is_paywalled=paywalled,
        word_count=word_count(body),
        fetched_at=fetched_at,
    ), features
