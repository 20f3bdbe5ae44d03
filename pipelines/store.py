"""SQLitePipeline: the one writer. Batched upserts by url, children in the same transaction, runs recorded.

Settings:

- ``NEWSDESK_DB``: path of the SQLite file (default ``newsdesk.db`` in the working directory).
- ``NEWSDESK_BATCH_SIZE``: articles per transaction (default 50). A killed crawl keeps every
  committed batch whole: an article is never stored without its tables and images, nor they without it.

A database that cannot be written (disk full, read-only file, locked past the busy timeout) stops
the crawl: one error line naming the file, finish reason ``database_error``, the articles that could
not be written counted under ``newsdesk/failed/database_error``; what was committed stays.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from scrapy import signals
from scrapy.exceptions import CloseSpider, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler.items import Article

from . import schema

logger = logging.getLogger(__name__)

RECORDED_SETTINGS = (
    "NEWSDESK_DB", "NEWSDESK_BATCH_SIZE", "NEWSDESK_MAX_HOPS", "ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED",
    "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_DELAY", "DOWNLOAD_TIMEOUT",
    "DOWNLOAD_MAXSIZE", "DEPTH_LIMIT", "HTTPCACHE_ENABLED", "JOBDIR", "USER_AGENT",
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


class SQLitePipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.path = settings.get("NEWSDESK_DB") or "newsdesk.db"
        self.batch_size = max(1, settings.getint("NEWSDESK_BATCH_SIZE", 50))
        if not self.path:
            raise NotConfigured("NEWSDESK_DB is empty")
        self.db = None
        self.run_id: int | None = None
        self.pending: list[Article] = []
        self.broken: sqlite3.Error | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    # ------------------------------------------------------------------ lifecycle
    def open_spider(self) -> None:
        try:
            self._open()
        except sqlite3.Error as exc:
            self._log_unwritable(exc, "open")
            if self.db is not None:
                self.db.close()
                self.db = None
            raise CloseSpider("database_error") from None

    def _open(self) -> None:
        self.db = schema.open_database(self.path)
        spider = self.crawler.spider
        arguments = getattr(spider, "arguments", {}) if spider is not None else {}
        recorded = {k: _jsonable(self.crawler.settings.get(k)) for k in RECORDED_SETTINGS}
        with self.write_transaction():
            table = self.db[schema.RUNS]
            table.insert(
                {
                    "spider": spider.name if spider is not None else None,
                    "started_at": _now(),
                    "arguments": json.dumps(arguments, ensure_ascii=False),
                    "settings": json.dumps(recorded, ensure_ascii=False),
                }
            )
            self.run_id = table.last_pk
        logger.info("Storing articles in %s (run %s)", self.path, self.run_id)

    def process_item(self, item):
        if self.broken is not None:
            if isinstance(item, Article) and self.crawler.stats:
                self.crawler.stats.inc_value("newsdesk/failed/database_error")
            return item
        if isinstance(item, Article):
            self.pending.append(item)
            if len(self.pending) >= self.batch_size:
                self.flush()
        return item

    def close_spider(self) -> None:
        self.flush()

    def spider_closed(self, spider, reason: str) -> None:
        """Record the run's end and counts; connected after CoreStats, so finish_reason is known."""
        if self.db is None:
            return
        self.flush()
        try:
            self._record_run(reason)
        except sqlite3.Error as exc:
            if self.broken is None:
                self._log_unwritable(exc, "record the run in")
        self.db.close()
        self.db = None

    def _record_run(self, reason: str) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        ours = {k: v for k, v in stats.items() if k.startswith("newsdesk/")}
        failed = sum(v for k, v in ours.items() if k.startswith("newsdesk/failed/"))
        skipped = sum(v for k, v in ours.items() if k.startswith("newsdesk/skipped/"))
        with self.write_transaction():
            self.db[schema.RUNS].update(
                self.run_id,
                {
                    "finished_at": _now(),
                    "finish_reason": reason,
                    "articles_stored": stats.get("newsdesk/stored", 0),
                    "pages_failed": failed,
                    "pages_skipped": skipped,
                    "stats": json.dumps({k: _jsonable(v) for k, v in sorted(stats.items())}, ensure_ascii=False),
                },
            )

    # ------------------------------------------------------------------ writing
    @contextmanager
    def write_transaction(self) -> Iterator[None]:
        """``db.atomic()`` that takes SQLite's write lock first (BEGIN IMMEDIATE).

        A deferred transaction reads before it writes; if another connection (a reader beside the
        crawl that briefly writes, a second crawl) holds the write lock then, SQLite answers "database
        is locked" at once, without waiting: its rule against deadlocks. BEGIN IMMEDIATE waits for
        the lock up to the busy timeout (10 s) like any other write.
        """
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            with self.db.atomic():
                yield
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        else:
            conn.commit()

    def flush(self) -> None:
        """Write the pending articles and their children in one transaction.

        SQLite refusing the write (disk full, read-only, locked) stops the crawl; see the module doc.
        """
        if not self.pending or self.db is None or self.broken is not None:
            return
        batch, self.pending = self.pending, []
        try:
            self._write(batch)
        except sqlite3.Error as exc:
            self.broken = exc
            if self.crawler.stats:
                self.crawler.stats.inc_value("newsdesk/failed/database_error", len(batch))
            self._log_unwritable(exc, "write to", len(batch))
            if self.crawler.engine is not None and self.crawler.engine.spider is not None:
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="database_error"))

    def _log_unwritable(self, exc: sqlite3.Error, action: str, lost: int = 0) -> None:
        if action == "open":
            logger.error("Cannot open the database %s for writing: %s. Stopping the crawl.", self.path, exc)
            return
        stored = self.crawler.stats.get_value("newsdesk/stored", 0) if self.crawler.stats else 0
        logger.error(
            "Cannot %s the database %s: %s. Stopping the crawl: the %d articles committed in this run are kept, "
            "%d not written.", action, self.path, exc, stored, lost,
        )

    def _write(self, batch: list[Article]) -> None:
        urls = [a.url for a in batch]
        marks = ",".join("?" for _ in urls)
        with self.write_transaction():
            self.db[schema.ARTICLES].upsert_all([schema.article_row(a) for a in batch], pk="url")
            for table in (schema.TABLES, schema.IMAGES):
                self.db.execute(f"DELETE FROM [{table}] WHERE article_url IN ({marks})", urls)
            tables = [row for a in batch for row in schema.table_rows(a)]
            images = [row for a in batch for row in schema.image_rows(a)]
            if tables:
                self.db[schema.TABLES].insert_all(tables)
            if images:
                self.db[schema.IMAGES].insert_all(images)
        if self.crawler.stats:
            self.crawler.stats.inc_value("newsdesk/stored", len(batch))
            self.crawler.stats.inc_value("newsdesk/stored_tables", sum(len(a.tables) for a in batch))
            self.crawler.stats.inc_value("newsdesk/stored_images", sum(len(a.images) for a in batch))
