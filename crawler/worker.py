"""A frontier worker: ``scrapy crawl news -s NEWSDESK_FRONTIER=redis://...`` with no start URLs.

``crawler.frontier.FrontierAddon`` (in ``ADDONS``) does nothing unless ``NEWSDESK_FRONTIER`` is set;
then it puts in scrapy-redis' scheduler (through ``FrontierScheduler`` below), the Redis item
pipeline (``pipelines.queue``) in place of SQLite, and the two middlewares here that lease requests
and keep per-site politeness across workers.

The shim. scrapy-redis 0.9.1 predates Scrapy's async ``start()`` and passes ``spider`` arguments
that Scrapy 2.14+ deprecates. What is bridged here, and only here:

- ``FrontierScheduler`` is scrapy-redis' ``Scheduler`` (its ``PriorityQueue`` encoding, its
  ``RFPDupeFilter`` fingerprints and keys) with ``open``/``enqueue_request``/``next_request``
  rewritten: stats counted without the spider argument, the resume message logged through
  ``logger`` rather than ``Spider.log``, and two steps made atomic (``crawler.frontier``): seen +
  queued in one script, taken + leased in one script. ``close`` never flushes: the frontier is
  shared, ``scrapy frontier clear`` empties it.
- Start URLs are read from the Redis key ``news:start_urls`` by ``FrontierWorker.start``, which the
  spider's async ``start()`` delegates to, instead of ``RedisSpider``'s ``start_requests``/
  ``next_requests``; URLs pushed later are taken when the worker is idle.
- ``FrontierOffsiteMiddleware``: the sites a worker stays on are those pushed to the frontier
  (``news:sites``), which grow while it runs; Scrapy's offsite filter reads them only at opening.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

from scrapy import Request, signals
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_to_future
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler as RedisScheduler
from twisted.internet import reactor, task

from . import frontier, knobs
from .discover import same_site

logger = logging.getLogger(__name__)

LEASE = "newsdesk_lease"  # request meta: the id of the lease this worker holds on the request
START_BATCH = 100  # start URLs taken from Redis at a time


def worker_of(crawler) -> FrontierWorker:
    """The crawler's one ``FrontierWorker``, made on first use."""
    worker = getattr(crawler, "_newsdesk_worker", None)
    if worker is None:
        worker = crawler._newsdesk_worker = FrontierWorker(crawler)
    return worker


class FrontierWorker:
    """This process's part in the shared crawl: its leases and heartbeat, its start URLs, when it ends."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.frontier = frontier.Frontier(frontier.connect(knobs.FRONTIER.get(crawler.settings)))
        self.wait = knobs.FRONTIER_WAIT.get(crawler.settings)
        self.crawl: str | None = None
        self.idle_since: float | None = None
        self.heartbeat = task.LoopingCall(self.beat)
        # Called with the finish reason when the spider closes, before this worker leaves the frontier
        # (the writer may stop once no worker is left: what a worker says at the end must be in by then).
        self.before_leaving: list[Callable[[str], None]] = []
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.idle, signal=signals.spider_idle)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    # ------------------------------------------------------------------ lifecycle
    def opened(self, spider) -> None:
        self.refresh_sites(spider)
        self.beat()
        self.heartbeat.start(frontier.HEARTBEAT_SECONDS, now=False)
        logger.info("Frontier worker %s on %s", self.frontier.worker,
                    frontier.shown(knobs.FRONTIER.get(self.crawler.settings)))

    def beat(self) -> None:
        """Alive; dead workers' leases requeued; and the engine asked for requests other workers queued
        (it would otherwise look only every 5 s once idle: Scrapy's slot heartbeat)."""
        moved = self.frontier.beat()
        if moved:
            logger.info("Requeued %d requests of workers that stopped answering", moved)
            self.crawler.stats.inc_value("newsdesk/frontier/requeued", moved)
        self.crawl = self.frontier.crawl_id() or self.crawl
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    def closed(self, spider, reason: str) -> None:
        if self.heartbeat.running:
            self.heartbeat.stop()
        for hook in self.before_leaving:
            hook(reason)
        # A crawl stopped before its end (Ctrl-C, SIGTERM) gives back what it had taken.
        self.frontier.leave(requeue=reason != "finished")
        if self.frontier.pending(finish=True) == 0:
            logger.info("The frontier is drained: the crawl is over")

    # ------------------------------------------------------------------ what to crawl
    def refresh_sites(self, spider) -> None:
        """The spider follows links on the pushed URLs' sites (``news:sites``), whichever worker took them."""
        spider.allowed_domains[:] = sorted(set(spider.allowed_domains) | set(self.frontier.sites()))

    def check_site(self, url: str) -> None:
        """Before a request to a site this worker does not know of: the sites pushed since it looked."""
        spider = self.crawler.spider
        if spider is not None and not same_site(url, spider.allowed_domains):
            self.refresh_sites(spider)

    async def start(self, spider) -> AsyncIterator[Request]:
        """The spider's ``start()`` for a worker: start URLs pushed to Redis, then revisits of their sites.
        Start URLs given with ``-a start_urls`` are pushed first."""
        if spider.start_urls:
            frontier.push(self.frontier.server, spider.start_urls)
        for request in self.take_start_urls(spider):
            yield request

    def take_start_urls(self, spider) -> Iterable[Request]:
        urls = self.frontier.take_start_urls(START_BATCH)
        if not urls:
            return
        self.crawl = self.frontier.crawl_id() or self.crawl
        self.refresh_sites(spider)
        for url in urls:
            yield Request(url, callback=spider.parse_start, errback=spider.on_error)
        yield from spider.revisits()

    def idle(self, spider) -> None:
        """Nothing in flight here: take pushed start URLs, wait while other workers may queue more, end
        after NEWSDESK_FRONTIER_WAIT seconds with nothing to do."""
        requests = list(self.take_start_urls(spider))
        for request in requests:
            self.crawler.engine.crawl(request)
        self.frontier.forget_leases()
        if requests or self.frontier.pending() > 0:
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self.idle_since = self.idle_since or now
        if now - self.idle_since < self.wait:
            raise DontCloseSpider

    def release(self, request: Request) -> None:
        lease = request.meta.pop(LEASE, None)
        if lease is not None:
            self.frontier.release(lease)


class FrontierScheduler(RedisScheduler):
    """scrapy-redis' scheduler, bridged to Scrapy 2.13+ and made safe against a worker killed mid-crawl."""

    @classmethod
    def from_crawler(cls, crawler):
        instance = super().from_crawler(crawler)
        instance.worker = worker_of(crawler)
        return instance

    def open(self, spider) -> None:
        self.spider = spider
        self.queue = load_object(self.queue_cls)(server=self.server, spider=spider,
                                                 key=self.queue_key % {"spider": spider.name},
                                                 serializer=self.serializer)
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if len(self.queue):
            logger.info("Resuming the frontier: %d requests queued", len(self.queue))

    def close(self, reason: str) -> None:
        """The frontier is shared: nothing is flushed when one worker stops."""

    def enqueue_request(self, request: Request) -> bool:
        # A retry or redirect of a leased request carries its lease: the request is back in the
        # frontier now, so the lease is done with.
        lease = request.meta.pop(LEASE, None)
        added = self.worker.frontier.enqueue(self.df.request_fingerprint(request), -request.priority,
                                             self.queue._encode_request(request), request.dont_filter)
        if lease is not None:
            self.worker.frontier.release(lease)
        if not added:
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        got = self.worker.frontier.lease()
        if got is None:
            return None
        lease, data = got
        request = self.queue._decode_request(data)
        request.meta[LEASE] = lease
        self.stats.inc_value("scheduler/dequeued/redis")
        return request


class FrontierDownloaderMiddleware:
    """Per-site politeness across workers (NEWSDESK_SITE_DELAY), and the lease of a request whose
    download failed given up (a retry is queued again; a failure leaves nothing to store)."""

    def __init__(self, crawler) -> None:
        self.worker = worker_of(crawler)
        self.delay = knobs.SITE_DELAY.get(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if self.delay <= 0:
            return None
        wait = self.worker.frontier.wait_before(frontier.site_of(request.url), self.delay)
        if wait > 0:
            self.worker.crawler.stats.inc_value("newsdesk/frontier/polite_waits")
            await deferred_to_future(task.deferLater(reactor, wait))
        return None

    def process_exception(self, request: Request, exception: BaseException) -> None:
        self.worker.release(request)
        return None


class FrontierSpiderMiddleware:
    """Gives up a request's lease once its callback's output has gone out: items pushed to Redis
    (the item pipelines are synchronous, so an item is pushed before the next one is asked for),
    requests queued in Redis. A worker killed before then has the request fetched again."""

    def __init__(self, crawler) -> None:
        self.worker = worker_of(crawler)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_output(self, response, result: Iterable[Any]) -> Iterable[Any]:
        try:
            yield from result
        finally:
            self.worker.release(response.request)

    async def process_spider_output_async(self, response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        try:
            async for item in result:
                yield item
        finally:
            self.worker.release(response.request)

    def process_spider_exception(self, response, exception: BaseException) -> None:
        self.worker.release(response.request)
        return None


class FrontierOffsiteMiddleware(OffsiteMiddleware):
    """Scrapy's offsite filter over the sites pushed so far, not only those known when the worker
    opened: its host pattern is made again when ``allowed_domains`` grows (Scrapy builds it once, on
    spider_opened, through the private ``_update_host_regex``, which compares the lists first)."""

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        worker_of(self.crawler).check_site(request.url)
        self._update_host_regex(spider)
        return super().process_request(request)
