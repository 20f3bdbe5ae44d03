"""Items through Redis to the one writer: ``RedisItemPipeline`` on the workers, ``Writer`` in ``scrapy store``.

With ``NEWSDESK_FRONTIER`` set, workers do not open SQLite: each item is pickled (as scrapy-redis
pickles requests) into a message on the list ``news:items``, and when a worker ends, one message
carries its stats. The writer moves messages to ``news:items:processing`` (LMOVE, so nothing is
in one list and missing from the other), writes them with the same ``Store`` as a single-process
crawl, and only once that transaction is committed removes them from the processing list. A writer
killed in between finds the batch there when it starts again; the digest of the batch, committed
with it in ``crawl_runs.frontier_batch``, tells whether it was written already. An article that
comes twice (a request fetched again after its worker was killed) is stored once: the store upserts
by URL and sees the same content hash.

One distributed crawl (``news:crawl``) is one ``crawl_runs`` row: made by the first message of that
crawl, with the workers' stats summed into it as they end (each worker once) and the writer's own
counts added batch by batch, in the batch's transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from scrapy.exceptions import NotConfigured

from crawler import frontier, knobs, outcome
from crawler.items import Article, NotModified

from . import schema
from .store import Store, run_columns

logger = logging.getLogger(__name__)

ITEM, RUN = "item", "run"
KNOWN_CHUNK = 1000  # rows per HSET when news:known is filled from the database


def encode(message: dict[str, Any]) -> bytes:
    return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)


def numeric_stats(stats: dict[str, Any]) -> dict[str, float]:
    """The stats that add up across workers (counts and sizes; not times or reasons)."""
    return {k: v for k, v in stats.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}


class RedisItemPipeline:
    """A worker's store: items to ``news:items`` for ``scrapy store``; its stats when it ends."""

    def __init__(self, crawler) -> None:
        if not knobs.FRONTIER.get(crawler.settings):
            raise NotConfigured(f"{knobs.FRONTIER.name} is not set")
        from crawler.worker import worker_of

        self.crawler = crawler
        self.worker = worker_of(crawler)
        self.sent = 0
        self.worker.before_leaving.append(self.send_stats)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def send(self, kind: str, **payload: Any) -> None:
        self.sent += 1
        crawl = self.worker.crawl or self.worker.frontier.crawl_id()
        message = {"id": f"{self.worker.frontier.worker}:{self.sent}", "crawl": crawl, "kind": kind, **payload}
        self.worker.frontier.server.rpush(frontier.ITEMS, encode(message))

    def process_item(self, item):
        if isinstance(item, (Article, NotModified)):
            self.send(ITEM, item=item)
            self.crawler.stats.inc_value("newsdesk/frontier/items_sent")
        return item

    def send_stats(self, reason: str) -> None:
        """This worker's part of the run: its stats, to be summed into the crawl's row."""
        stats = self.crawler.stats.get_stats()
        if not (self.sent or stats.get("downloader/response_count")):
            return  # took no part
        started = stats.get("start_time")
        self.send(RUN, worker=self.worker.frontier.worker, reason=reason, stats=numeric_stats(stats),
                  started_at=started.isoformat() if isinstance(started, datetime) else None,
                  finished_at=datetime.now(timezone.utc).isoformat())


# ---------------------------------------------------------------------- the writer
@dataclass
class CrawlBatch:
    """What one batch holds for one crawl."""

    articles: dict[str, Article] = field(default_factory=dict)  # by URL: a repeat keeps the last
    seen: list[NotModified] = field(default_factory=list)
    runs: list[dict[str, Any]] = field(default_factory=list)


class Writer:
    """Drains ``news:items`` into SQLite, a batch per transaction (``scrapy store``)."""

    def __init__(self, server, store: Store, batch_size: int, settings: dict[str, Any]) -> None:
        self.server = server
        self.store = store
        self.batch_size = batch_size
        self.settings = settings
        self.written = 0

    # ------------------------------------------------------------------ start
    def fill_known(self) -> int:
        """``news:known`` from the database when Redis does not have it (a new or emptied Redis)."""
        if self.server.exists(frontier.KNOWN):
            return 0
        rows = self.store.db.execute(f"SELECT url FROM [{schema.ARTICLES}]").fetchall()
        urls = [r[0] for r in rows]
        for start in range(0, len(urls), KNOWN_CHUNK):
            self.publish_known(urls[start:start + KNOWN_CHUNK])
        return len(urls)

    def recover(self) -> int:
        """A batch a killed writer left in the processing list: written again unless it was committed."""
        raw = self.server.lrange(frontier.PROCESSING, 0, -1)
        if not raw:
            return 0
        messages = [pickle.loads(m) for m in raw]
        digest = batch_digest(messages)
        done = self.store.db.execute(f"SELECT 1 FROM [{schema.RUNS}] WHERE frontier_batch = ?", [digest]).fetchone()
        if done:
            logger.info("The %d items left being written were committed before the writer stopped", len(raw))
            self.publish_known(urls_of(messages))
        else:
            logger.info("Writing the %d items a stopped writer left", len(raw))
            self.write(messages)
        self.server.delete(frontier.PROCESSING)
        return len(raw)

    # ------------------------------------------------------------------ drain
    def take(self, block: float) -> list[bytes]:
        """Up to batch_size messages moved to the processing list, waiting up to ``block`` s for the first."""
        first = self.server.blmove(frontier.ITEMS, frontier.PROCESSING, block, "LEFT", "RIGHT")
        if first is None:
            return []
        pipe = self.server.pipeline(transaction=False)
        for _ in range(self.batch_size - 1):
            pipe.lmove(frontier.ITEMS, frontier.PROCESSING, "LEFT", "RIGHT")
        return [first, *[m for m in pipe.execute() if m is not None]]

    def drain_once(self, block: float) -> int:
        """One batch: taken, committed, then let go from Redis. Returns how many messages."""
        raw = self.take(block)
        if not raw:
            return 0
        self.write([pickle.loads(m) for m in raw])
        self.server.delete(frontier.PROCESSING)
        return len(raw)

    def crawl_over(self) -> bool:
        """No crawl in progress, no worker alive, nothing waiting: a writer without --forever can stop."""
        self.server.eval(frontier.REAP, 2, frontier.WORKERS, frontier.QUEUE, "", 0, frontier.LEASES)
        pipe = self.server.pipeline()
        pipe.exists(frontier.CRAWL).zcard(frontier.WORKERS).llen(frontier.ITEMS)
        return not any(pipe.execute())

    def run(self, forever: bool, block: float = 1.0) -> int:
        """Drain until the crawl is over (or, ``forever``, until stopped); the messages written."""
        while True:
            moved = self.drain_once(block)
            if not moved and not forever and self.crawl_over():
                return self.written

    # ------------------------------------------------------------------ one batch
    def write(self, messages: list[dict[str, Any]]) -> None:
        """``messages`` in one transaction: each crawl's articles, 304s and worker records, and the batch's
        digest; then what the workers know of the stored articles is brought up to date."""
        by_crawl: dict[str | None, CrawlBatch] = defaultdict(CrawlBatch)
        for message in messages:
            part = by_crawl[message.get("crawl")]
            if message["kind"] == RUN:
                part.runs.append(message)
            elif isinstance(message["item"], Article):
                part.articles[message["item"].url] = message["item"]
            else:
                part.seen.append(message["item"])
        digest = batch_digest(messages)
        with self.store.write_transaction():
            for crawl, part in by_crawl.items():
                run = self.run_row(crawl)
                counts = self.store.write_batch(list(part.articles.values()), part.seen, run["id"])
                self.add_to_run(run, counts, part.runs, digest)
        self.written += len(messages)
        self.publish_known(urls_of(messages))

    def run_row(self, crawl: str | None) -> dict[str, Any]:
        """The crawl_runs row of a distributed crawl, made on its first message (inside the transaction)."""
        crawl = crawl or "unknown"
        db = self.store.db
        row = db.execute(f"SELECT id, arguments, stats, finish_reason, started_at FROM [{schema.RUNS}] "
                         "WHERE json_extract(arguments, '$.frontier') = ?", [crawl]).fetchone()
        if row is not None:
            return {"id": row[0], "arguments": json.loads(row[1]), "stats": json.loads(row[2] or "{}"),
                    "finish_reason": row[3], "started_at": row[4]}
        started = self.server.hget(frontier.CRAWL, "started_at")
        arguments = {"frontier": crawl, "workers": []}
        table = db[schema.RUNS]
        table.insert({
            "spider": frontier.SPIDER,
            "started_at": started.decode() if started else frontier.now_iso(),
            "arguments": json.dumps(arguments),
            "settings": json.dumps(self.settings, ensure_ascii=False),
            "workers": 0,
        })
        return {"id": table.last_pk, "arguments": arguments, "stats": {}, "finish_reason": None,
                "started_at": table.get(table.last_pk)["started_at"]}

    def add_to_run(self, run: dict[str, Any], counts: Counter[str], records: list[dict[str, Any]],
                   digest: str) -> None:
        """The writer's counts and the workers' stats (each worker once) summed into the run's row."""
        stats = Counter(numeric_stats(run["stats"]))
        stats.update(counts)
        workers = run["arguments"].setdefault("workers", [])
        update: dict[str, Any] = {"frontier_batch": digest}
        reason = run["finish_reason"]
        for record in records:
            if record["worker"] in workers:
                continue  # a batch written again after the writer stopped
            workers.append(record["worker"])
            stats.update(record["stats"])
            if reason not in outcome.FAILED:
                reason = record["reason"]
            update["finished_at"] = max(update.get("finished_at") or "", record["finished_at"])
            started = min(filter(None, (update.get("started_at", run["started_at"]), record.get("started_at"))))
            update["started_at"] = started
        self.store.db[schema.RUNS].update(run["id"], {
            **update, **run_columns(dict(stats)), "finish_reason": reason, "workers": len(workers),
            "arguments": json.dumps(run["arguments"]),
        })

    def publish_known(self, urls: list[str]) -> None:
        """news:known[url] for each stored URL among ``urls``, as ``crawler.incremental.load_known`` reads it."""
        if not urls:
            return
        marks = ",".join("?" for _ in urls)
        rows = self.store.db.execute(
            f"SELECT url, etag, last_modified, last_seen, coalesce(published_at, first_seen) FROM [{schema.ARTICLES}] "
            f"WHERE url IN ({marks})", urls).fetchall()
        if rows:
            self.server.hset(frontier.KNOWN, mapping={r[0]: frontier.known_to_json(*r[1:]) for r in rows})


def batch_digest(messages: list[dict[str, Any]]) -> str:
    """What identifies a batch: its messages' ids (worker and sequence number), in order."""
    return hashlib.sha1("\n".join(m["id"] for m in messages).encode()).hexdigest()


def urls_of(messages: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(m["item"].url for m in messages if m["kind"] == ITEM))
