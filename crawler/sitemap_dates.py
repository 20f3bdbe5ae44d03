"""What a sitemap says about a page, carried with its request and weighed against what the page says.

A Google News sitemap gives each article its ``news:publication_date`` and ``news:title``; every
sitemap entry may give a ``lastmod``. ``sitemap_meta`` turns an entry into request meta (plain
strings: the sitemap backlog writes meta to disk as JSON). ``use_sitemap_evidence`` then fills the
article where the page states nothing:

- the publication date from ``news:publication_date``, with ``published_source = "sitemap"``, when
  the page states no date (or none that reads as one), or only one weaker than the sitemap's
  (``WEAKER_THAN_SITEMAP``: the URL's day, htmldate's reading of its text);
- the title from ``news:title`` when the page has none.

``lastmod`` is never taken for the publication date. The protocol defines it as the time the page
last changed, and CMSs move it on every edit, comment or rebuild of the sitemap: it is an upper
bound of the publication date, not the date. It serves as a cross-check instead, as
``news:publication_date`` does where the page states its own date: the page's date stands, and a
disagreement is counted in the crawl's stats (``newsdesk/sitemap/*``) and logged.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from pipelines.dates import parse_date

from .items import Article

logger = logging.getLogger(__name__)

SITEMAP_META = "newsdesk_sitemap"  # request meta: what the sitemap entry said about the page
# The sitemap entry's fields (crawler.discover.sitemap_entries) → their names in the request meta.
META_KEYS = {"news_publication_date": "published", "news_title": "title", "lastmod": "lastmod"}
# Dates further apart than this disagree: a day, so that a date and the same day's time in another
# offset, or a bare day, do not count.
DISAGREEMENT = timedelta(days=1)
# Sources of a page's date that a news sitemap's publication date outweighs: a URL's day (no time,
# and the day a draft's URL was made), htmldate's reading of a page stating none where newsdesk reads.
WEAKER_THAN_SITEMAP = frozenset({"url", "htmldate"})


def sitemap_meta(entry: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Request meta for a page listed by a sitemap: {SITEMAP_META: {"published", "title", "lastmod"}},
    only what the entry gives; nothing when it gives nothing but the URL."""
    said = {key: entry[field] for field, key in META_KEYS.items() if isinstance(entry.get(field), str)}
    return {SITEMAP_META: said} if said else {}


def use_sitemap_evidence(article: Article, said: dict[str, str] | None, fetched_at: datetime | None) -> list[str]:
    """Fill ``article`` from what its sitemap entry ``said`` where the page states nothing (in place),
    and return the stats keys of what happened: ``newsdesk/sitemap/date_used``, ``…/title_used``,
    ``…/date_disagrees`` (news:publication_date and the page's date more than a day apart),
    ``…/published_after_lastmod`` (the page's date more than a day after the entry's lastmod)."""
    if not said:
        return []
    keys = []
    page = parse_date(article.published_raw, fetched_at)
    sitemap = parse_date(said.get("published"), fetched_at)
    if sitemap is not None and (page is None or article.published_source in WEAKER_THAN_SITEMAP):
        article.published_raw, article.published_source = said["published"], "sitemap"
        keys.append("newsdesk/sitemap/date_used")
        page = None
    elif page is not None and sitemap is not None and _apart(page, sitemap) > DISAGREEMENT:
        keys.append("newsdesk/sitemap/date_disagrees")
        logger.info("%s: the page's date %s and the sitemap's news:publication_date %s disagree (page's kept)",
                    article.url, article.published_raw, said["published"])
    lastmod = parse_date(said.get("lastmod"), fetched_at)
    if page is not None and lastmod is not None and _later(page, lastmod) > DISAGREEMENT:
        keys.append("newsdesk/sitemap/published_after_lastmod")
        logger.info("%s: the page's date %s is after the sitemap's lastmod %s", article.url, article.published_raw,
                    said["lastmod"])
    if not article.title and said.get("title"):
        article.title = said["title"]
        keys.append("newsdesk/sitemap/title_used")
    return keys


def _apart(one: datetime, other: datetime) -> timedelta:
    return abs(_later(one, other))


def _later(one: datetime, other: datetime) -> timedelta:
    """How much later ``one`` is than ``other``: as instants when both state an offset, else as wall times
    (a naive date is the page's wall time: its offset is unknown, within a day of UTC)."""
    if one.tzinfo is not None and other.tzinfo is not None:
        return one - other
    return one.replace(tzinfo=None) - other.replace(tzinfo=None)
