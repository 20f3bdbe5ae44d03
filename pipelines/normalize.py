"""NormalizePipeline: thin glue over dates, readtime and authors; the raw strings stay beside the values."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from crawler.items import Article

from .authors import clean_authors
from .dates import local_offset, not_ahead, parse_date
from .readtime import estimate_read_time, parse_read_time


def normalize_article(article: Article, now: datetime | None = None) -> Article:
    """Fill the normalised fields of ``article`` from its raw ones (in place; returns it).

    Relative dates are anchored on ``article.fetched_at`` (``now`` when the article has none). With
    neither, the fetch time is unknown and a relative date stays unresolved (its raw string is kept):
    the clock of whoever normalises is no stand-in for it (a 2017 post saying "3 days ago" is not of
    this week).
    """
    base = article.fetched_at or now
    if base is not None and base.tzinfo is None:
        base = base.replace(tzinfo=timezone.utc)
    article.published_at = not_ahead(parse_date(article.published_raw, base), base)
    article.modified_at = not_ahead(parse_date(article.modified_raw, base), base)
    if article.modified_at is None and article.modified_raw and article.modified_raw == article.published_raw:
        article.modified_at = article.published_at
    zone = _publisher_zone(article, base)
    if zone is not None:
        article.published_at = article.published_at.astimezone(zone)
        if article.modified_at is not None and article.modified_at.utcoffset() == timedelta(0):
            article.modified_at = article.modified_at.astimezone(zone)
    # A byline naming the site itself is a house credit, not a person. A name the page declares both
    # a person and an organisation (JSON-LD "@type": ["Person", "Organization"]) stays a person.
    people, orgs = clean_authors(article.authors, known_organizations=[article.site_name])
    article.authors = people
    named = {p.casefold() for p in people}
    orgs = _unique([o for o in [*article.organizations, *orgs] if o.casefold() not in named])
    # The site's own name beside a person ("Jane Doe, Professor, Example.org") is the publisher, not a
    # byline credit; beside a fuller credit of the site ("Redaktion example.org") it is the same credit.
    site = _site_keys(article)
    fuller = [o for o in orgs if o.casefold() not in site and any(k in o.casefold() for k in site)]
    if people or fuller:
        orgs = [o for o in orgs if o.casefold() not in site]
    article.organizations = orgs
    minutes = parse_read_time(article.read_time_raw)
    if minutes is not None:
        article.read_time_minutes, article.read_time_estimated = minutes, False
    else:
        article.read_time_minutes = estimate_read_time(article.word_count)
        article.read_time_estimated = True if article.read_time_minutes is not None else None
    return article


def _publisher_zone(article: Article, base: datetime | None) -> timezone | None:
    """The publisher's UTC offset, for a publication time stated in UTC: the offset under which one
    of the page's local times names the published instant, else one stating its own offset for the
    modified instant (a wall time is only read against the publication time: it is the dateline)."""
    published = article.published_at
    if published is None or published.utcoffset() != timedelta(0) or not article.local_times_raw:
        return None
    locals_ = [t for t in (parse_date(raw, base, ask_dateparser=False) for raw in article.local_times_raw) if t]
    for local in locals_:
        zone = local_offset(published, local)
        if zone is not None:
            return zone
    modified = article.modified_at
    if modified is not None:
        for local in locals_:
            zone = local_offset(modified, local) if local.tzinfo is not None else None
            if zone is not None:
                return zone
    return None


def _site_keys(article: Article) -> set[str]:
    """The site's name and host as a credit may write them, case-folded ("lrt.lt", "www.lrt.lt")."""
    host = (urlsplit(article.url).hostname or "") if article.url else ""
    return {k.casefold() for k in (article.site_name, host, host.removeprefix("www.")) if k}


def _unique(names: list[str]) -> list[str]:
    """Names in order, each once (compared case-folded)."""
    seen: set[str] = set()
    kept = []
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


class NormalizePipeline:
    """Normalises dates, read times and author names of every Article that passes."""

    def process_item(self, item):
        if isinstance(item, Article):
            normalize_article(item)
        return item
