"""Where the page states its dates: the cascade that finds the raw publication and modification
strings (JSON-LD, <meta>, the dateline beside the headline, microdata and <time>, scripts, the
URL), where the publication date came from, and the local timestamps that tell a UTC time's
offset. Parsing them is ``pipelines.dates``' job; which of two stated dates is the publication
date is ``date_choice``'s; the dates shown beside the headline are ``dateline``'s.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from pipelines.dates import parse_date

from . import date_choice as choose
from . import selectors as sel
from .date_choice import DATELINE, JSONLD, META, SCRIPT, TIME, URL
from .dateline import BYLINE_AFTER, UPDATED, kind_of, shown_dates
from .jsonld import text_value
from .meta import MetaMap, first_meta
from .text import clean_text, fold
from .trace import Trace


def _ld_date(article_ld: dict | None, *keys: str) -> str | None:
    if not article_ld:
        return None
    for key in keys:
        value = article_ld.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        text = text_value(value)
        if text:
            return text
    return None


def _headline(root: HtmlElement, title: str | None = None) -> HtmlElement | None:
    """The <h1>, or on a page without one the first heading that holds the title."""
    head = next(iter(sel.H1(root)), None)
    if head is None and title:
        want = fold(title)
        head = next((h for h in root.iter("h2", "h3") if want and want in fold(h.text_content())), None)
    return head


def _near_headline(head: HtmlElement | None) -> set[HtmlElement]:
    """The headline's ancestors a few levels up: the article header, where the page's own date is."""
    return set(list(head.iterancestors())[:4]) if head is not None else set()


def _prefer_near(candidates: list[tuple[HtmlElement, str]], near: set[HtmlElement]) -> str | None:
    """The first candidate inside the headline's neighbourhood, else the first one."""
    if not candidates:
        return None
    if near:
        for el, value in candidates:
            for depth, anc in enumerate(el.iterancestors()):
                if anc in near:
                    return value
                if depth > 6:
                    break
    return candidates[0][1]


def _itemprop_date(root: HtmlElement, prop: str, near: set[HtmlElement] | None = None) -> str | None:
    """Microdata ``prop``; for datePublished, a <time> element without itemprop too, unless its names
    or label say it is an update (hAtom's <time class="updated">, "Updated: ...")."""
    found = []
    for el in sel.TIME_ELEMENTS(root):
        if el.get("itemprop") == prop or (prop == "datePublished" and el.tag == "time" and not el.get("itemprop")
                                          and kind_of(el) != UPDATED):
            value = el.get("datetime") or el.get("content") or clean_text(el.text_content())
            if value:
                found.append((el, value.strip()))
    if found and found[0][0].get("itemprop") == prop:
        return found[0][1]
    return _prefer_near(found, near or set())


_SCRIPT_DATE = re.compile(
    r"""["']?(?:datePublished|date_published|publishedAt|published_at|publishDate|publish_date|firstPublished|"""
    r"""first_published_at|article_published_time|publicationDate|publication_date|pubDate|displayDate)\\?["']?"""
    r"""\s*:\s*\\?["'](\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)\\?["']"""
)


def script_date(root: HtmlElement) -> str | None:
    """A publication date in the page's application state (__NEXT_DATA__, window.__STATE__...), for
    pages that render their metadata with JavaScript."""
    for script in sel.SCRIPTS(root):
        text = script.text
        if text and "ublish" in text or text and "ubDate" in text:
            match = _SCRIPT_DATE.search(text)
            if match:
                return match.group(1)
    return None


def metadata_published(metas: MetaMap, article_ld: dict | None) -> tuple[str | None, str | None]:
    """The publication date the page's metadata states, and where: JSON-LD, then <meta>. A
    placeholder date (year 1, the Unix epoch) is no date."""
    value = _ld_date(article_ld, "datePublished", "dateCreated", "uploadDate")
    if value and not _placeholder(value):
        return value, JSONLD
    value = next((v for k in sel.META_PUBLISHED for v in metas.get(k, ()) if not _placeholder(v)), None)
    return (value, META) if value else (None, None)


class PageDates(NamedTuple):
    """The raw dates a page states, and where its publication date came from."""

    published_raw: str | None
    published_source: str | None
    modified_raw: str | None
    local_times_raw: list[str]


def extract_dates(root: HtmlElement, metas: MetaMap, article_ld: dict | None, small_texts,
                  title: str | None = None, url: str | None = None, fetched_at: datetime | None = None,
                  trace: Trace | None = None) -> PageDates:
    """The page's publication and modification dates as it states them, read once."""
    head = _headline(root, title)
    shown = shown_dates(head, fetched_at)
    published, source = extract_published(root, metas, article_ld, small_texts, head, shown, url, fetched_at, trace)
    modified = extract_modified(root, metas, article_ld) or choose.shown_update(shown)
    return PageDates(published, source, modified, local_times(root, metas, small_texts, published, title))


def extract_published(root: HtmlElement, metas: MetaMap, article_ld: dict | None, small_texts,
                      head: HtmlElement | None, shown, url: str | None = None, fetched_at: datetime | None = None,
                      trace: Trace | None = None) -> tuple[str | None, str | None]:
    """The publication date as the page states it, and its source (``PUBLISHED_SOURCES``).

    The metadata's date (JSON-LD, <meta>) unless the dateline beside the headline names another day
    (``choose.over_metadata``); without metadata, the date shown beside the headline (a publication
    before an update); then microdata and <time> elements elsewhere, a dated line in the byline
    area, the application state in scripts, a line under the headline with a clock time, the URL's
    day, a day under the headline. (htmldate's reading, the last stage, runs on article pages only:
    ``crawler.extract`` asks ``date_fallback`` when all these found nothing.)"""
    stated, source = metadata_published(metas, article_ld)
    if stated and parse_date(stated, fetched_at) is None:
        if trace is not None:
            trace.drop(choose.UNREADABLE_METADATA, None, text=stated, detail=source or "")
        stated = None  # a placeholder, a date after the fetch, a text: the page's other dates are read
    if stated:
        modified = _ld_date(article_ld, "dateModified") or first_meta(metas, sel.META_MODIFIED)
        over = choose.over_metadata(stated, shown, fetched_at, url_date(url), modified, trace)
        return (over.raw, over.source) if over is not None else _traced(trace, stated, source)
    near = _near_headline(head)
    picked = choose.first_shown(shown, url_date(url), fetched_at, trace)
    if picked is not None:
        return choose.with_time(picked, ((lambda: _itemprop_date(root, "datePublished", near), TIME),
                                         (lambda: script_date(root), SCRIPT)), fetched_at, trace)
    for read, found_in, made in (
        (lambda: _itemprop_date(root, "datePublished", near), TIME, choose.TIME_ELEMENT),
        (lambda: dom_date(small_texts, near), DATELINE, choose.BYLINE_DATE),
        (lambda: script_date(root), SCRIPT, choose.SCRIPT_STATE),
        (lambda: headline_date(head), DATELINE, choose.HEADLINE_LINE),
        (lambda: url_date(url), URL, choose.URL_DAY),
        (lambda: headline_date(head, clock=False), DATELINE, choose.HEADLINE_DAY),
    ):
        found = read()
        if found:
            if trace is not None:
                trace.keep(made, None, text=found, detail=found_in)
            return found, found_in
    return None, None


def _traced(trace: Trace | None, raw: str, source: str | None) -> tuple[str, str | None]:
    if trace is not None:
        trace.keep(choose.METADATA_DATE, None, text=raw, detail=source or "")
    return raw, source


def local_times(root: HtmlElement, metas: MetaMap, small_texts, published_raw: str | None,
                title: str | None = None) -> list[str]:
    """Timestamps the page states in local time (naive, or with an offset other than UTC), when its
    publication time is stated in UTC: the other date <meta> tags and <time> elements, then the
    dateline near the headline. They tell the publisher's UTC offset, and with it the day the
    publisher published on ("2019-11-19T04:58:46Z" is the evening of the 18th in California)."""
    if not published_raw or not _UTC_STATED.search(published_raw):
        return []
    found: list[str] = []
    for key in (*sel.META_PUBLISHED, *sel.META_MODIFIED):
        found += [v for v in metas.get(key, ()) if _LOCAL_ISO.match(v)]
    for el in sel.TIME_ELEMENTS(root):
        value = (el.get("datetime") or el.get("content") or "").strip()
        if _LOCAL_ISO.match(value):
            found.append(value)
    head = _headline(root, title)
    clocked = [(el, text) for el, text in small_texts if _CLOCK.search(text)]
    dateline = dom_date(clocked, _near_headline(head)) or headline_date(head)
    if dateline and _CLOCK.search(dateline):
        found.append(dateline)
    return list(dict.fromkeys(found))[:6]


# A time stated in UTC: "Z", "+00:00", "GMT", "UTC", "GMT+0000 (Coordinated Universal Time)".
_UTC_STATED = re.compile(r"(?:\dZ|[+-]00:?00|\b(?:GMT|UTC)(?:[+-]00:?00)?)\s*(?:\([^)]*\))?\s*$", re.IGNORECASE)
# An ISO 8601 time of day without an offset, or with one other than UTC.
_LOCAL_ISO = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[+-](?!00:?00)\d\d:?\d\d)?$")

# A CMS's empty date: year 1 or 1970 (the Unix epoch), or any year before the web had news sites.
_PLACEHOLDER_DATE = re.compile(r"^\s*(?:0\d{3}|1[0-8]\d\d|19[0-8]\d)-|^\s*1970-01-01")
# A full date in a URL's path: /2019/11/18/, /2019-11-18/, /20191118/, /2019/nov/18/.
_URL_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|" + "|".join(_URL_MONTHS) + r")[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)"
    r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/",
    re.IGNORECASE,
)


def _placeholder(value: str | None) -> bool:
    return bool(value) and _PLACEHOLDER_DATE.match(value) is not None


def url_date(url: str | None) -> str | None:
    """The day a URL's path states (/2019/11/18/): the last resort, as htmldate uses it."""
    if not url:
        return None
    match = _URL_DATE.search(urlsplit(url).path)
    if match is None:
        return None
    year, month, day = (g for g in match.groups() if g is not None)
    number = _URL_MONTHS.index(month.lower()) + 1 if month.isalpha() else int(month)
    return f"{year}-{number:02d}-{int(day):02d}"


def extract_modified(root: HtmlElement, metas: MetaMap, article_ld: dict | None) -> str | None:
    return (
        _ld_date(article_ld, "dateModified")
        or first_meta(metas, sel.META_MODIFIED)
        or _itemprop_date(root, "dateModified")
    )


_DATE_CLASS = re.compile(r"date|time|publish|posted|meta|byline|dateline|stamp|zeit|datum|fecha|data", re.IGNORECASE)
_DATE_LIKE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b"
    r"|\b\d{1,2}\.?\s+[A-Za-zÀ-ÿ]{3,}\.?\s+\d{4}\b|\b[A-Za-z]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    r"|\b\d+\s*(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|\b(?:an?|one)\s+(?:hour|minute|day|week)\s+ago\b"
    r"|\bjust now\b|\byesterday\b|\bvor\s+\d+\s+\w+|\bgestern\b|\bil y a\s+\d+|\bhace\s+\d+|\b\d+\s+\w+\s+önce\b"
    r"|\d+\s*(?:分|時間|日)前|\d+\s*(?:분|시간|일)\s*전|\d{4}年\d{1,2}月\d{1,2}日",
    re.IGNORECASE,
)


_SHORT_TEXT_TAGS = ("span", "div", "p", "time", "li", "small", "a", "abbr", "strong", "em", "b", "i", "dd")


def small_texts(root: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Short texts of the page's leaf-ish elements, in order: where dates and read times hide."""
    out = []
    for el in root.iter(*_SHORT_TEXT_TAGS):
        text = el.text
        if text and 2 < len(text) < 80 and len(el) < 3:
            out.append((el, text.strip()))
    return out


def dom_date(small: list[tuple[HtmlElement, str]], near: set[HtmlElement] | None = None) -> str | None:
    """A date written in the byline area: text of an element whose class says date/time/meta,
    the one near the headline when there are several."""
    found = []
    for el, text in small:
        attrs = (el.get("class") or "") + " " + (el.get("id") or "") + " " + (el.get("data-hook") or "")
        parent = el.getparent()
        if parent is not None:
            attrs += " " + (parent.get("class") or "")
        if _DATE_CLASS.search(attrs) and _DATE_LIKE.search(text):
            found.append((el, text))
            if len(found) >= 10:
                break
    return _prefer_near(found, near or set())


def headline_date(head: HtmlElement | None, clock: bool = True) -> str | None:
    """A line just under the headline with a date and a clock time, where no element says it holds
    the date: "Do 25.04.24 | 14:07 Uhr | Von Jane Doe". With ``clock=False`` (the last resort, after
    the URL), a date with its year will do: "18 NOV 2019" beside the writer's name."""
    if head is None:
        return None
    dated = _CLOCK if clock else _YEAR
    seen = 0
    for node in (head, head.getparent()):
        if node is None:
            continue
        for sibling in node.itersiblings():
            for el in sibling.iter(*_SHORT_TEXT_TAGS):
                text = el.text
                if not text or text.isspace():
                    continue
                if dated.search(text) and _DATE_LIKE.search(text):
                    return BYLINE_AFTER.split(" ".join(text.split()), maxsplit=1)[0]
                seen += 1
                if seen >= 6:
                    return None
    return None


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?!\.\d)")
_YEAR = re.compile(r"(?<!\d)(?:199\d|20\d\d)(?!\d)")

