"""Recurring crawls that only do the work that is new.

What the database already holds decides, for each article URL a crawl comes across:

- not stored yet: fetched as usual;
- listed in a sitemap with a ``lastmod`` no newer than the stored copy's ``last_seen``: skipped,
  no request at all (``newsdesk/incremental/skipped``);
- otherwise revalidated: a conditional GET with the stored ETag / Last-Modified
  (``newsdesk/incremental/revalidated``). A 304 answer costs no parse: the spider turns it into a
  ``NotModified`` item and the store only moves ``last_seen`` (``newsdesk/incremental/not_modified``).
  A full answer is parsed again (``newsdesk/incremental/refetched``) and the store tells whether
  the content changed.

Recent articles (published, or first seen, within ``NEWSDESK_REVISIT_HOURS``) are never skipped
on a sitemap's word, and are revisited even when this run's start pages no longer link to them,
because news pages change in the hours after publication.

The state comes from the database when the spider opens (``load_known``), never from memory kept
between runs, so several crawl processes reading the same database decide alike.

Settings (declared in ``crawler.knobs``): ``NEWSDESK_INCREMENTAL`` (False fetches and parses
everything again) and ``NEWSDESK_REVISIT_HOURS`` (the window of recent articles).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from pipelines.schema import connect_read_only

from . import knobs

logger = logging.getLogger(__name__)

REVALIDATE = "newsdesk_revalidate"  # request meta: the URL is a stored article (value: had validators)


@dataclass(frozen=True, slots=True)
class Known:
    """What the database holds about one stored article, as far as recrawling it goes."""

    etag: str | None = None
    last_modified: str | None = None
    last_seen: datetime | None = None
    published: datetime | None = None  # published_at, or first_seen when the page gave no date


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 / W3C datetime (sitemap lastmod, stored timestamps) as an aware UTC datetime.

    A value without an offset is taken as UTC; a date alone as its midnight UTC; junk as None.
    """
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


def is_recent(known: Known, now: datetime, window: timedelta) -> bool:
    return known.published is not None and known.published >= now - window


def skip_by_lastmod(known: Known | None, lastmod: str | None, now: datetime, window: timedelta) -> bool:
    """True when a sitemap entry need not be requested: stored, not recent, and not modified since last seen."""
    if known is None or known.last_seen is None or is_recent(known, now, window):
        return False
    modified = parse_time(lastmod)
    return modified is not None and modified <= known.last_seen


def conditional_headers(known: Known) -> dict[str, str]:
    """The headers that make a GET conditional on the stored copy being out of date."""
    headers = {}
    if known.etag:
        headers["If-None-Match"] = known.etag
    if known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return headers


def load_known(path: str | Path) -> dict[str, Known]:
    """URL → Known for every stored article; empty when the database or its history columns are missing.

    Opens the file read-only: this is the crawl deciding what to fetch, the store is the one writer.
    """
    path = Path(path)
    if not path.is_file():
        return {}
    try:
        con = connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        logger.warning("Could not read what %s holds (%s): crawling everything", path, exc)
        return {}
    try:
        columns = {row[1] for row in con.execute("PRAGMA table_info(articles)")}
        if not {"url", "etag", "last_modified", "last_seen", "first_seen", "published_at"} <= columns:
            return {}
        rows = con.execute(
            "SELECT url, etag, last_modified, last_seen, coalesce(published_at, first_seen) FROM articles")
        return {
            url: Known(etag, last_modified, parse_time(last_seen), parse_time(published))
            for url, etag, last_modified, last_seen, published in rows
        }
    except sqlite3.DatabaseError as exc:
        logger.warning("Could not read what %s holds (%s): crawling everything", path, exc)
        return {}
    finally:
        con.close()


def validators(response: Response) -> tuple[str | None, str | None]:
    """The (ETag, Last-Modified) headers of a response, as text."""
    etag = response.headers.get(b"ETag")
    modified = response.headers.get(b"Last-Modified")
    return (etag.decode("latin-1") if etag else None, modified.decode("latin-1") if modified else None)


class ConditionalRequestMiddleware:
    """Downloader middleware: a request for a stored article becomes a conditional GET.

    The stored ETag / Last-Modified go out as If-None-Match / If-Modified-Since, and a 304 answer
    is let through to the spider (``handle_httpstatus_list``), which stores it as ``NotModified``
    without parsing anything. The state is the spider's ``known`` (loaded from the database when
    the spider opens).
    """

    def __init__(self, crawler) -> None:
        if not knobs.INCREMENTAL.get(crawler.settings):
            raise NotConfigured(f"{knobs.INCREMENTAL.name} is off")
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        known = getattr(self.crawler.spider, "known", {}).get(request.url)
        if known is None or REVALIDATE in request.meta:
            return None
        headers = conditional_headers(known)
        for name, value in headers.items():
            request.headers.setdefault(name, value)
        request.meta[REVALIDATE] = bool(headers)
        if headers:
            request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", ()), 304]
            self.crawler.stats.inc_value("newsdesk/incremental/revalidated")
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if REVALIDATE in request.meta:
            if response.status == 304:
                self.crawler.stats.inc_value("newsdesk/incremental/not_modified")
            elif 200 <= response.status < 300:
                self.crawler.stats.inc_value("newsdesk/incremental/refetched")
        return response
