"""The shared frontier in Redis: scrapy-redis' request queue and dupefilter, plus what several workers
need on top of them to survive a worker killed mid-crawl.

Keys (all under ``news:``, the spider's name, as scrapy-redis names its own):

- ``news:requests`` (sorted set) and ``news:dupefilter`` (set): scrapy-redis' ``PriorityQueue``
  and ``RFPDupeFilter``, shared by every worker;
- ``news:start_urls`` (list): what ``scrapy frontier push`` asks to crawl; workers move each URL into
  the queue as a start request;
- ``news:sites`` (set): the pushed URLs' sites, which links are followed on;
- ``news:crawl`` (hash): the distributed crawl in progress (``id``, ``started_at``); made by the first
  push, removed by the last worker to find the frontier drained. A push with no crawl in progress
  starts a new one and empties the dupefilter, so a re-run fetches again;
- ``news:workers`` (sorted set, worker → heartbeat deadline) and ``news:leases:<worker>`` (hash):
  requests a worker took and has not finished. A worker that stops beating (SIGKILL) has its leases
  put back in the queue by any other worker (``REAP``);
- ``news:items`` and ``news:items:processing`` (lists): the workers' items on their way to the one
  writer (``pipelines.queue``); ``news:known`` (hash): what the writer has stored, for incremental
  re-runs; ``news:polite:<host>``: the next time a request to that host may go
  (``NEWSDESK_SITE_DELAY``).

The scripts are small Lua, run atomically by Redis: a request is marked seen and queued in one
step, taken and leased in one step. Each is safe to run twice (redis-py retries a command whose
answer timed out): the lease script returns the lease it made when called again with its id.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from . import knobs
from .incremental import Known, parse_time

if TYPE_CHECKING:  # redis and scrapy-redis are the `frontier` extra: imported only when it is used
    import redis

SPIDER = "news"
QUEUE = f"{SPIDER}:requests"  # scrapy-redis' SCHEDULER_QUEUE_KEY for the news spider
SEEN = f"{SPIDER}:dupefilter"  # scrapy-redis' SCHEDULER_DUPEFILTER_KEY
START_URLS = f"{SPIDER}:start_urls"
SITES = f"{SPIDER}:sites"
CRAWL = f"{SPIDER}:crawl"
WORKERS = f"{SPIDER}:workers"
LEASES = f"{SPIDER}:leases:"  # + worker id
ITEMS = f"{SPIDER}:items"
PROCESSING = f"{SPIDER}:items:processing"
KNOWN = f"{SPIDER}:known"
POLITE = f"{SPIDER}:polite:"  # + host
ALL_KEYS = (QUEUE, SEEN, START_URLS, SITES, CRAWL, WORKERS, ITEMS, PROCESSING, KNOWN)

HEARTBEAT_SECONDS = 1.0  # how often a worker says it is alive
LEASE_SECONDS = 6.0  # a worker silent this long is taken for dead: its leases go back to the queue
CONNECT_TIMEOUT = 5.0
REDIS_PARAMS = {"socket_connect_timeout": CONNECT_TIMEOUT, "socket_timeout": 30, "retry_on_timeout": True}

# Mark seen and queue in one step (scrapy-redis does SADD, then ZADD: a kill between loses the request).
ENQUEUE = """
if ARGV[4] == '0' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
# Take the best request and lease it to the worker; called again with the same lease id, the same answer.
LEASE = """
local got = redis.call('HGET', KEYS[2], ARGV[1])
if got then return got end
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
local lease = top[2] .. '\\n' .. top[1]
redis.call('HSET', KEYS[2], ARGV[1], lease)
return lease
"""
# A worker's heartbeat (ARGV[1], or '' for none), then every silent worker's leases back in the queue.
REAP = """
redis.replicate_commands()
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
if ARGV[1] ~= '' then redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1]) end
local moved = 0
for _, worker in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)) do
  local key = ARGV[3] .. worker
  for _, lease in ipairs(redis.call('HVALS', key)) do
    local cut = string.find(lease, '\\n', 1, true)
    redis.call('ZADD', KEYS[2], string.sub(lease, 1, cut - 1), string.sub(lease, cut + 1))
    moved = moved + 1
  end
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[1], worker)
end
return moved
"""
# Work left for anyone: queued requests, start URLs, and the leases of workers other than ARGV[2].
# With ARGV[3] == '1' and nothing left, the crawl is over: its key goes.
PENDING = """
local n = redis.call('ZCARD', KEYS[1]) + redis.call('LLEN', KEYS[2])
for _, worker in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  if worker ~= ARGV[2] then n = n + redis.call('HLEN', ARGV[1] .. worker) end
end
if n == 0 and ARGV[3] == '1' then redis.call('DEL', KEYS[4]) end
return n
"""
# The next free moment for a host, reserved: returns how many ms to wait before sending.
POLITENESS = """
redis.replicate_commands()
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local at = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], at + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 60000)
return at - now
"""
# A push starts a crawl when none is in progress: new id, fresh dupefilter. Returns the crawl's id.
START_CRAWL = """
local id = redis.call('HGET', KEYS[1], 'id')
if id then return id end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'started_at', ARGV[2])
redis.call('DEL', KEYS[2])
return ARGV[1]
"""


class FrontierAddon:
    """Scrapy add-on (in ``ADDONS``): with NEWSDESK_FRONTIER set, ``scrapy crawl news`` is a frontier
    worker (``crawler.worker``): scrapy-redis' scheduler, items to Redis instead of SQLite, leases and
    shared politeness. Without it nothing changes. Lives here, not in ``crawler.worker``, so that it
    imports nothing of the ``frontier`` extra."""

    def update_settings(self, settings) -> None:
        url = knobs.FRONTIER.get(settings)
        if not url:
            return
        settings.set("SCHEDULER", "crawler.worker.FrontierScheduler", priority="addon")
        settings.set("SCHEDULER_QUEUE_CLASS", "scrapy_redis.queue.PriorityQueue", priority="addon")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="addon")
        settings.set("SCHEDULER_PERSIST", True, priority="addon")
        settings.set("REDIS_URL", url, priority="addon")
        settings.set("REDIS_PARAMS", REDIS_PARAMS, priority="addon")
        components: dict[str, dict[str, Any]] = {
            "ITEM_PIPELINES": {"pipelines.queue.RedisItemPipeline": 900},
            # process_request last before the download (politeness), process_exception first (leases)
            "DOWNLOADER_MIDDLEWARES": {"crawler.worker.FrontierDownloaderMiddleware": 950,
                                       # offsite: the sites pushed since the worker opened too
                                       "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
                                       "crawler.worker.FrontierOffsiteMiddleware": 50},
            # process_spider_output last: it sees everything a callback gave
            "SPIDER_MIDDLEWARES": {"crawler.worker.FrontierSpiderMiddleware": 5},
        }
        components["ITEM_PIPELINES"]["pipelines.store.SQLitePipeline"] = None  # scrapy store writes instead
        for name, added in components.items():
            settings[name].update(added)


class FrontierDown(Exception):
    """Redis cannot be reached (or answers with an error): the one line a command says."""


def shown(url: str) -> str:
    """The Redis URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url


def connect(url: str) -> redis.Redis:
    """A client for the frontier at ``url``, checked with a PING; ``FrontierDown`` when it does not answer."""
    try:
        import redis
        import scrapy_redis  # noqa: F401
    except ImportError as exc:
        raise FrontierDown(f"{knobs.FRONTIER.name} needs the frontier extra ({exc}): pip install "
                           "'newsdesk[frontier]'") from None
    try:
        server = redis.Redis.from_url(url, **REDIS_PARAMS)
        server.ping()
    except (redis.RedisError, ValueError) as exc:
        raise FrontierDown(f"cannot reach the frontier at {shown(url)}: {exc}") from None
    return server


def site_of(url: str) -> str:
    """A URL's site as the spider's allowed_domains names it (www. dropped)."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat()


# ---------------------------------------------------------------------- what the commands do
def push(server: redis.Redis, urls: list[str]) -> str:
    """Queue ``urls`` as start URLs, starting a crawl if none is in progress; the crawl's id."""
    crawl = server.eval(START_CRAWL, 2, CRAWL, SEEN, uuid.uuid4().hex[:12], now_iso())
    pipe = server.pipeline()
    pipe.rpush(START_URLS, *urls)
    pipe.sadd(SITES, *{site_of(u) for u in urls})
    pipe.execute()
    return crawl.decode() if isinstance(crawl, bytes) else crawl


@dataclass(frozen=True)
class Status:
    crawl: str | None
    queued: int
    start_urls: int
    seen: int
    workers: int
    in_flight: int
    items_waiting: int
    items_processing: int
    known: int

    def lines(self) -> list[str]:
        return [
            f"crawl: {self.crawl or 'none in progress'}",
            f"queued requests: {self.queued}",
            f"start URLs not yet taken: {self.start_urls}",
            f"seen URLs: {self.seen}",
            f"workers: {self.workers} ({self.in_flight} requests in flight)",
            f"items waiting for the writer: {self.items_waiting} (+{self.items_processing} being written)",
            f"stored articles known to workers: {self.known}",
        ]


def status(server: redis.Redis) -> Status:
    workers = [w.decode() for w in server.zrange(WORKERS, 0, -1)]
    pipe = server.pipeline()
    pipe.hget(CRAWL, "id").zcard(QUEUE).llen(START_URLS).scard(SEEN).llen(ITEMS).llen(PROCESSING).hlen(KNOWN)
    for worker in workers:
        pipe.hlen(LEASES + worker)
    crawl, queued, start, seen, items, processing, known, *leases = pipe.execute()
    return Status(crawl.decode() if crawl else None, queued, start, seen, len(workers), sum(leases), items,
                  processing, known)


def clear(server: redis.Redis, keep_items: bool = True) -> int:
    """Empty the frontier (queue, dupefilter, start URLs, leases, the crawl); items not yet written
    stay for the writer unless ``keep_items`` is False. Returns how many keys went."""
    keys = [k for k in ALL_KEYS if not (keep_items and k in (ITEMS, PROCESSING, KNOWN))]
    keys += [k.decode() for k in server.scan_iter(match=LEASES + "*")]
    keys += [k.decode() for k in server.scan_iter(match=POLITE + "*")]
    return server.delete(*keys) if keys else 0


# ---------------------------------------------------------------------- what a worker does
class Frontier:
    """One worker's handle on the frontier: its id, its leases, its heartbeat."""

    def __init__(self, server: redis.Redis, worker: str | None = None) -> None:
        self.server = server
        self.worker = worker or f"{uuid.uuid4().hex[:8]}"
        self.leases = LEASES + self.worker
        self._enqueue = server.register_script(ENQUEUE)
        self._lease = server.register_script(LEASE)
        self._reap = server.register_script(REAP)
        self._pending = server.register_script(PENDING)
        self._polite = server.register_script(POLITENESS)
        self._next_lease = 0

    def enqueue(self, fingerprint: str, score: float, data: bytes, dont_filter: bool) -> bool:
        """Mark seen and queue; False when the request was seen before (and so not queued)."""
        return bool(self._enqueue(keys=[SEEN, QUEUE], args=[fingerprint, score, data, int(dont_filter)]))

    def lease(self) -> tuple[str, bytes] | None:
        """The best queued request, leased to this worker: (lease id, scrapy-redis' encoded request)."""
        self._next_lease += 1
        lease_id = f"{self._next_lease}"
        got = self._lease(keys=[QUEUE, self.leases], args=[lease_id])
        if not got:
            return None
        return lease_id, got.split(b"\n", 1)[1]

    def release(self, lease_id: str) -> None:
        """The leased request is done with: what it gave is stored in Redis (items, new requests)."""
        self.server.hdel(self.leases, lease_id)

    def beat(self) -> int:
        """Say this worker is alive; put dead workers' leases back in the queue. Returns how many."""
        return int(self._reap(keys=[WORKERS, QUEUE], args=[self.worker, int(LEASE_SECONDS * 1000), LEASES]))

    def leave(self, requeue: bool) -> None:
        """This worker stops: its unfinished leases go back to the queue (``requeue``) or are dropped."""
        if not requeue:
            self.server.delete(self.leases)
        self.server.zadd(WORKERS, {self.worker: 0})
        self._reap(keys=[WORKERS, QUEUE], args=["", 0, LEASES])

    def forget_leases(self) -> None:
        """Nothing is in flight here (the worker is idle): leases still held are left over, not work."""
        self.server.delete(self.leases)

    def pending(self, finish: bool = False) -> int:
        """Work left for anyone (queued, not yet taken, leased by other workers). With ``finish``, a
        frontier with none left ends the crawl in progress."""
        return int(self._pending(keys=[QUEUE, START_URLS, WORKERS, CRAWL], args=[LEASES, self.worker, int(finish)]))

    def queued(self) -> int:
        return int(self.server.zcard(QUEUE))

    def take_start_urls(self, count: int) -> list[str]:
        urls = self.server.lpop(START_URLS, count) or []
        return [u.decode() for u in urls]

    def sites(self) -> list[str]:
        return sorted(s.decode() for s in self.server.smembers(SITES))

    def crawl_id(self) -> str | None:
        crawl = self.server.hget(CRAWL, "id")
        return crawl.decode() if crawl else None

    def wait_before(self, host: str, delay: float) -> float:
        """Seconds to wait before a request to ``host``, so that requests to it across all workers are
        ``delay`` apart; the slot is reserved."""
        return int(self._polite(keys=[POLITE + host], args=[int(delay * 1000)])) / 1000

    def known(self) -> dict[str, Known]:
        """What the writer has stored (``news:known``), as ``crawler.incremental.load_known`` reads it from SQLite."""
        return {url.decode(): known_from_json(value) for url, value in self.server.hscan_iter(KNOWN, count=1000)}


def known_to_json(etag: str | None, last_modified: str | None, last_seen: str | None, published: str | None) -> str:
    return json.dumps([etag, last_modified, last_seen, published])


def known_from_json(value: bytes) -> Known:
    etag, last_modified, last_seen, published = json.loads(value)
    return Known(etag, last_modified, parse_time(last_seen), parse_time(published))

