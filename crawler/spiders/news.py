"""NewsSpider: from any start URL (article, front page, robots.txt, sitemap, feed) to Article items.

    scrapy crawl news -a start_urls=URL[,URL...] -s NEWSDESK_DB=path.db

The spider tells what a start URL is from its response, follows sitemaps and feeds to article
pages, follows links from pages that are not articles (front and section pages) up to
``NEWSDESK_MAX_HOPS`` hops, and stays on the start URLs' sites. Extraction is
``crawler.extract.extract_article``; this module is only the glue.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.spiders import SitemapSpider

from ..discover import clean_url, feed_links, kind_of, page_links
from scrapy.utils.misc import load_object

from ..extract import parse_html

logger = logging.getLogger(__name__)


def fetched_at_of(response: Response) -> datetime:
    """When the page was fetched: now, or for a response replayed from Scrapy's HTTP cache, the
    time the server stamped on it when it was first fetched (its Date header)."""
    if "cached" in response.flags:
        date = response.headers.get(b"Date")
        if date:
            try:
                when = parsedate_to_datetime(date.decode("latin-1"))
                return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
            except (TypeError, ValueError):
                pass
    return datetime.now(timezone.utc)


class NewsSpider(SitemapSpider):
    name = "news"
    sitemap_rules = [("", "parse_page")]

    def __init__(self, start_urls: str | Iterable[str] | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if isinstance(start_urls, str):
            start_urls = [u.strip() for u in start_urls.split(",")]
        self.start_urls = [u for u in (start_urls or []) if u]
        self.arguments = {"start_urls": self.start_urls, **{k: v for k, v in kwargs.items() if isinstance(v, str)}}
        self.allowed_domains = sorted({(urlsplit(u).hostname or "").lower() for u in self.start_urls} - {""})

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.extract = load_object(crawler.settings.get("NEWSDESK_EXTRACTOR") or "crawler.extract.extract_article")
        return spider

    async def start(self) -> AsyncIterator[Any]:
        if not self.start_urls:
            logger.error("No start URLs: run with -a start_urls=URL[,URL...]")
        for url in self.start_urls:
            yield Request(url, callback=self.parse_start, errback=self.on_error)

    # ------------------------------------------------------------------ routing
    def parse_start(self, response: Response) -> Iterable[Any]:
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        kind = kind_of(response.url, response.body, content_type)
        self.crawler.stats.inc_value(f"newsdesk/start/{kind}")
        if kind in ("robots", "sitemap"):
            yield from self._parse_sitemap(response)
        elif kind == "feed":
            yield from self.parse_feed(response)
        else:
            yield from self.parse_page(response)

    def _parse_sitemap(self, response: Response) -> Iterable[Request]:
        requests = list(super()._parse_sitemap(response))
        if not requests and not response.url.endswith("/robots.txt"):
            self.crawler.stats.inc_value("newsdesk/skipped/invalid_sitemap")
        for request in requests:
            yield request.replace(url=clean_url(request.url), errback=self.on_error)

    def parse_feed(self, response: Response) -> Iterable[Request]:
        links = [u for u in page_links(feed_links(response.body, response.url), response.url, self.allowed_domains)]
        if not links:
            self.crawler.stats.inc_value("newsdesk/skipped/empty_feed")
        for url in links:
            yield Request(url, callback=self.parse_page, errback=self.on_error)

    # ------------------------------------------------------------------ pages
    def parse_page(self, response: Response) -> Iterable[Any]:
        stats = self.crawler.stats
        if not isinstance(response, TextResponse):
            stats.inc_value("newsdesk/skipped/not_html")
            logger.info("Skipped %s: not an HTML page", response.url)
            return
        fetched_at = fetched_at_of(response)
        hops = response.meta.get("newsdesk_hops", 0)
        try:
            content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
            tree = parse_html(response.body, content_type)
            if tree is None:
                stats.inc_value("newsdesk/skipped/empty_page")
                logger.info("Skipped %s: empty page", response.url)
                return
            follow = hops < self.settings.getint("NEWSDESK_MAX_HOPS", 2)
            hrefs = tree.xpath("//a/@href") if follow else []
            article = self.extract(tree, response.url, fetched_at)
        except Exception:
            stats.inc_value("newsdesk/failed/extract_error")
            logger.exception("Extraction failed on %s", response.url)
            return
        if article is not None:
            stats.inc_value("newsdesk/extracted")
            yield article
            return
        stats.inc_value("newsdesk/skipped/not_article")
        logger.info("Skipped %s: not an article", response.url)
        for url in page_links(hrefs, response.url, self.allowed_domains):
            yield Request(url, callback=self.parse_page, errback=self.on_error, meta={"newsdesk_hops": hops + 1})

    def on_error(self, failure) -> None:
        """Count and log a request that failed (HTTP error, timeout, DNS, refused...); the crawl goes on."""
        request = failure.request
        if failure.check(HttpError):
            status = failure.value.response.status
            key = f"newsdesk/failed/http_{status}"
            logger.warning("HTTP %s on %s", status, request.url)
        elif failure.check(IgnoreRequest):
            key = "newsdesk/skipped/ignored_request"
            logger.info("Request ignored (robots.txt or a middleware): %s", request.url)
        else:
            key = f"newsdesk/failed/{type(failure.value).__name__}"
            logger.warning("Request failed on %s: %s", request.url, failure.getErrorMessage())
        self.crawler.stats.inc_value(key)
