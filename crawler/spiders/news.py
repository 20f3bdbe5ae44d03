"""NewsSpider: from any start URL (article, front page, robots.txt, sitemap, feed) to Article items.

    scrapy crawl news -a start_urls=URL[,URL...] -s NEWSDESK_DB=path.db

The spider tells what a start URL is from its response, follows sitemaps and feeds to article
pages, follows links from pages that are not articles (front and section pages) up to
``NEWSDESK_MAX_HOPS`` hops, and stays on the start URLs' sites. Extraction is
``crawler.extract.extract_article``; this module is only the glue. Sitemaps are read by
``crawler.discover.sitemap_entries``, so that what an entry says about its page (Google News
``news:publication_date`` and ``news:title``, ``lastmod``) goes with the page's request and is
weighed against the page by ``crawler.sitemap_dates``.

A second run of the same crawl does only the work that is new (``crawler.incremental``): sitemap
entries no newer than the stored copy are skipped, stored articles are revalidated with
conditional GETs (a 304 becomes a ``NotModified`` item, never parsed), and recent stored articles
of the crawled sites are revisited even when no start page links to them any more.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import AsyncIterator, Iterable
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.spiders import SitemapSpider
from scrapy.utils.defer import deferred_from_coro

from pipelines.store import db_path

from .. import knobs
from ..backlog import UrlBacklog
from ..discover import TooLarge, clean_url, feed_links, gunzip_capped, kind_of, page_links, same_site, sitemap_entries
from ..extract import parse_html
from ..extract.html import looks_binary, looks_like_html
from ..incremental import is_recent, load_known, skip_by_lastmod, validators
from ..items import NotModified
from ..middlewares import failure_reason
from ..outcome import START_URLS_FAILED, fail
from ..sitemap_dates import SITEMAP_META, sitemap_meta, use_sitemap_evidence

logger = logging.getLogger(__name__)

START_URLS = "start_urls"  # the spider argument: -a start_urls=URL[,URL...]
START = "newsdesk_start"  # request meta: a start URL's request (and its retries and redirects)


def split_start_urls(value: str | Iterable[str] | None) -> list[str]:
    """The start URLs of ``-a start_urls=A,B`` (or a list), blanks and repeats dropped."""
    if isinstance(value, str):
        value = value.split(",")
    return list(dict.fromkeys(u.strip() for u in value or () if u.strip()))


def start_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a start URL, or None: it must be http(s) with a host."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.hostname:
        return None
    if not parts.scheme and "." in url.split("/", 1)[0]:
        return f"start URL {url!r} has no scheme: did you mean https://{url}?"
    return f"start URL {url!r} is not an http(s) URL"


def usage_problem(arguments: dict[str, str], settings) -> str | None:
    """What is wrong with a crawl's spider arguments (``-a``), in one line, or None.

    ``scrapy crawl`` asks before anything starts, and exits 2 on an answer; ``start()`` asks too.
    ``settings`` are there for a crawl that takes its URLs from elsewhere than ``-a start_urls``:
    that exception belongs in the ``if not urls`` line.
    """
    urls = split_start_urls(arguments.get(START_URLS))
    if not urls and not knobs.FRONTIER.get(settings):  # a frontier worker takes them from Redis
        near = difflib.get_close_matches(START_URLS, [n for n in arguments if n != START_URLS], n=1, cutoff=0.6)
        hint = f" (-a {near[0]} is not one of its arguments)" if near else ""
        return f"no start URLs: run with -a {START_URLS}=URL[,URL...]{hint}"
    return next(filter(None, map(start_url_problem, urls)), None)


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


def page_skip_reason(response: Response) -> str | None:
    """Why a fetched page is not worth parsing ('empty_page', 'binary_body', 'not_html'), or None.

    The bytes decide rather than the Content-Type: an HTML page served as
    application/octet-stream is parsed, an image served as text/html is not.
    """
    body = response.body
    if not body.strip():
        return "empty_page"
    if looks_binary(body):
        return "binary_body"
    if not isinstance(response, TextResponse) and not looks_like_html(body):
        return "not_html"
    return None


class NewsSpider(SitemapSpider):
    name = "news"
    sitemap_rules = [("", "parse_page")]
    usage_problem = staticmethod(usage_problem)  # asked by scrapy crawl before the crawl starts
    frontier = None  # crawler.worker.FrontierWorker when NEWSDESK_FRONTIER is set

    def __init__(self, start_urls: str | Iterable[str] | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.start_urls = split_start_urls(start_urls)
        self.arguments = {START_URLS: self.start_urls, **{k: v for k, v in kwargs.items() if isinstance(v, str)}}
        # Whether a start URL answered, and those whose request came to nothing (URL → reason).
        self.start_answered = False
        self.starts_failed: dict[str, str] = {}
        # The start URLs' sites: example.com and its subdomains for a start on www.example.com too.
        self.allowed_domains = sorted({(urlsplit(u).hostname or "").lower().removeprefix("www.")
                                       for u in self.start_urls} - {""})

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.extract = knobs.EXTRACTOR.get(settings)
        spider.max_hops = knobs.MAX_HOPS.get(settings)
        spider.max_sitemap_depth = knobs.SITEMAP_MAX_DEPTH.get(settings)
        spider.backlog_batch = knobs.BACKLOG_BATCH.get(settings)
        # Without JOBDIR, URLs listed by sitemaps wait in a file, not as Requests in memory; with
        # JOBDIR, Scrapy's disk queue already keeps them out of memory (and across restarts).
        if knobs.FRONTIER.get(settings):  # a worker of a frontier in Redis, where its requests wait
            from ..worker import worker_of  # the frontier extra, imported only when it is used

            spider.frontier = worker_of(crawler)
        spider.backlog = None if crawler.settings.get("JOBDIR") or spider.frontier else UrlBacklog()
        crawler.signals.connect(spider.feed_backlog, signal=signals.spider_idle)
        if spider.backlog is not None:
            crawler.signals.connect(spider.backlog.close, signal=signals.spider_closed)
        spider.known = {}
        spider.revisit_window = timedelta(hours=knobs.REVISIT_HOURS.get(settings))
        crawler.signals.connect(spider.load_known, signal=signals.spider_opened)
        return spider

    def load_known(self) -> None:
        """What the database holds, read when the spider opens (after the store has migrated it)."""
        settings = self.crawler.settings
        if knobs.INCREMENTAL.get(settings):
            self.known = self.frontier.frontier.known() if self.frontier else load_known(db_path(settings))
            logger.info("%d articles already stored: revalidating rather than refetching them", len(self.known))

    async def start(self) -> AsyncIterator[Any]:
        if self.frontier is not None:  # a worker: start URLs come from Redis (crawler/worker.py)
            async for request in self.frontier.start(self):
                yield request
            return
        problem = self.usage_problem(self.arguments, self.settings)
        if problem:  # scrapy crawl has said so and exited 2; this is a crawl started some other way
            logger.error("Nothing to crawl: %s", problem)
            return
        for url in self.start_urls:
            yield Request(url, callback=self.parse_start, errback=self.on_error, meta={START: True})
        for request in self.revisits():
            yield request

    # ------------------------------------------------------------------ recurring crawls
    def revisits(self) -> Iterable[Request]:
        """Recent stored articles of the crawled sites, revisited whether or not a start page still links them."""
        now = datetime.now(timezone.utc)
        for url, known in sorted(self.known.items()):
            if is_recent(known, now, self.revisit_window) and same_site(url, self.allowed_domains):
                self.crawler.stats.inc_value("newsdesk/incremental/recent")
                yield Request(url, callback=self.parse_page, errback=self.on_error)

    def sitemap_filter(self, entries: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        """Sitemap entries, less the stored articles whose lastmod is no newer than our copy."""
        now = datetime.now(timezone.utc)
        for entry in entries:
            loc = entry.get("loc")
            if loc and skip_by_lastmod(self.known.get(clean_url(loc)), entry.get("lastmod"), now, self.revisit_window):
                self.crawler.stats.inc_value("newsdesk/incremental/skipped")
                continue
            yield entry

    def parse_not_modified(self, response: Response) -> Iterable[NotModified]:
        """A 304 for a stored article: nothing to parse, the store only notes it was seen."""
        etag, last_modified = validators(response)
        yield NotModified(url=response.url, fetched_at=fetched_at_of(response), etag=etag, last_modified=last_modified)

    # ------------------------------------------------------------------ routing
    def parse_start(self, response: Response) -> Iterable[Any]:
        self.start_answered = True
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
        # The chain of sitemaps that led here: an index listing itself (or an ancestor) is a loop,
        # and indexes nested deeper than NEWSDESK_SITEMAP_MAX_DEPTH are a trap.
        chain = [*response.meta.get("newsdesk_sitemaps", ()), clean_url(response.url)]
        max_depth = self.max_sitemap_depth
        listed = False
        for request in self._sitemap_requests(response):
            listed = True
            url = clean_url(request.url)
            if request.callback != self._parse_sitemap:
                if not self._to_backlog(request, url):
                    yield request.replace(url=url, errback=self.on_error)
                continue
            if url in chain:
                self._skip("sitemap_loop", url, f"sitemap loop (listed by {response.url})")
            elif len(chain) >= max_depth:
                self._skip("sitemap_too_deep", url,
                           f"sitemaps nested deeper than NEWSDESK_SITEMAP_MAX_DEPTH={max_depth}")
            else:
                yield request.replace(url=url, errback=self.on_error, meta={"newsdesk_sitemaps": chain})
        if not listed and not response.url.endswith("/robots.txt"):
            reason = response.meta.get("newsdesk_sitemap_skip", "invalid_sitemap")
            self._skip(reason, response.url, "nothing listed in the sitemap")

    def _sitemap_requests(self, response: Response) -> Iterable[Request]:
        """Scrapy's requests for a sitemap, but a sitemap is read by ``discover.sitemap_entries``, which
        keeps what Scrapy's parsing drops: a page's request carries its entry's news:publication_date,
        news:title and lastmod as meta (``sitemap_dates``). robots.txt is Scrapy's."""
        if response.url.endswith("/robots.txt"):
            yield from super()._parse_sitemap(response)
            return
        body = self._get_sitemap_body(response)
        kind, entries = sitemap_entries(body) if body else (None, iter(()))
        if kind not in ("urlset", "sitemapindex"):
            logger.warning("Ignoring invalid sitemap: %s", response.url)
            return
        for entry in self.sitemap_filter(entries):
            loc = entry["loc"]
            if kind == "sitemapindex":
                if any(x.search(loc) for x in self._follow):
                    yield Request(loc, callback=self._parse_sitemap)
                continue
            callback = next((c for r, c in self._cbs if r.search(loc)), None)
            if callback is not None:
                yield Request(loc, callback=callback, meta=sitemap_meta(entry))

    def _to_backlog(self, request: Request, url: str) -> bool:
        """Park a page request listed by a sitemap on disk (see feed_backlog); False if it cannot be."""
        name = getattr(request.callback, "__name__", "")
        if self.backlog is None or getattr(self, name, None) != request.callback:
            return False
        try:
            self.backlog.push({"url": url, "callback": name, "meta": request.meta})
        except (TypeError, ValueError):  # meta that is not JSON: schedule it as it is
            return False
        return True

    def feed_backlog(self) -> None:
        """On spider_idle: the next NEWSDESK_BACKLOG_BATCH sitemap URLs go to the scheduler."""
        if self.backlog is None:
            return
        records = self.backlog.pop(self.backlog_batch)
        if not records:
            return
        logger.info("Scheduling %d URLs listed by sitemaps (%d more waiting)", len(records), len(self.backlog))
        for r in records:
            request = Request(r["url"], callback=getattr(self, r["callback"]), errback=self.on_error, meta=r["meta"])
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def _skip(self, reason: str, url: str, detail: str) -> None:
        self.crawler.stats.inc_value(f"newsdesk/skipped/{reason}")
        logger.info("Skipped %s: %s (newsdesk/skipped/%s)", url, detail, reason)

    def _get_sitemap_body(self, response: Response) -> bytes | None:
        """The sitemap's XML; a gzipped one inflated with a cap of DOWNLOAD_MAXSIZE (a gzip bomb is skipped)."""
        if response.body[:2] != b"\x1f\x8b":
            return super()._get_sitemap_body(response)
        try:
            return gunzip_capped(response.body, response.meta.get("download_maxsize", self._max_size))
        except TooLarge:
            response.meta["newsdesk_sitemap_skip"] = "too_large"
            logger.warning("Skipped %s: gzipped sitemap inflates past DOWNLOAD_MAXSIZE", response.url)
        except ValueError:
            response.meta["newsdesk_sitemap_skip"] = "invalid_sitemap"
        return None

    def parse_feed(self, response: Response) -> Iterable[Request]:
        links = [u for u in page_links(feed_links(response.body, response.url), response.url, self.allowed_domains)]
        if not links:
            self._skip("empty_feed", response.url, "no item links in the feed")
        for url in links:
            yield Request(url, callback=self.parse_page, errback=self.on_error)

    # ------------------------------------------------------------------ pages
    def parse_page(self, response: Response) -> Iterable[Any]:
        stats = self.crawler.stats
        if response.status == 304:
            yield from self.parse_not_modified(response)
            return
        skip = page_skip_reason(response)
        if skip:
            self._skip(skip, response.url, skip.replace("_", " "))
            return
        fetched_at = fetched_at_of(response)
        hops = response.meta.get("newsdesk_hops", 0)
        try:
            content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
            tree = parse_html(response.body, content_type)
            if tree is None:
                self._skip("empty_page", response.url, "empty page")
                return
            follow = hops < self.max_hops
            hrefs = tree.xpath("//a/@href") if follow else []
            article = self.extract(tree, response.url, fetched_at)
        except Exception:
            stats.inc_value("newsdesk/failed/extract_error")
            logger.exception("Extraction failed on %s: extractor error (newsdesk/failed/extract_error)", response.url)
            return
        if article is not None:
            article.etag, article.last_modified = validators(response)
            for key in use_sitemap_evidence(article, response.meta.get(SITEMAP_META), fetched_at):
                stats.inc_value(key)
            stats.inc_value("newsdesk/extracted")
            yield article
            return
        self._skip("not_article", response.url, "not an article")
        if not follow:
            stats.inc_value("newsdesk/limited/max_hops")  # a page whose links are not followed
        for url in page_links(hrefs, response.url, self.allowed_domains):
            yield Request(url, callback=self.parse_page, errback=self.on_error, meta={"newsdesk_hops": hops + 1})

    def on_error(self, failure) -> None:
        """Count and log a request that came to nothing (HTTP error, timeout, trap...); the crawl goes on."""
        key = failure_reason(failure)
        request = failure.request
        if key.startswith("newsdesk/failed/"):
            logger.warning("Request failed on %s: %s (%s)", request.url, failure.getErrorMessage(), key)
        else:
            logger.info("Skipped %s: %s (%s)", request.url, failure.getErrorMessage(), key)
        self.crawler.stats.inc_value(key)
        if request.meta.get(START):
            self.start_failed(request.meta.get("redirect_urls", [request.url])[0], key)

    def start_failed(self, url: str, key: str) -> None:
        """A start URL came to nothing; when every one has, the run has failed: stop it, say why."""
        self.starts_failed[url] = key.rsplit("/", 1)[-1]
        if self.start_answered or len(self.starts_failed) < len(self.start_urls):
            return
        detail = ", ".join(f"{u} ({why})" for u, why in self.starts_failed.items())
        fail(self.crawler.stats, logger, f"every start URL failed, nothing was crawled: {detail}")
        # (CloseSpider raised in an errback is logged as a download error with a traceback.)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=START_URLS_FAILED))
