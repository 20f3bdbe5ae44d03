"""The one writer: ``Store`` writes batches of articles to SQLite; ``SQLitePipeline`` feeds it from a crawl.

``Store`` is the storing code shared by the single-process crawl (``SQLitePipeline``) and by
``scrapy store``, the writer that drains the items of frontier workers from Redis
(``pipelines.queue``): the same batch write (article + tables + images + versions, in one
transaction), the same run records.

Settings (declared in ``crawler.knobs``): ``NEWSDESK_DB``, the SQLite file; ``NEWSDESK_BATCH_SIZE``,
articles per transaction. A killed crawl keeps every committed batch whole: an article is never
stored without its tables and images, nor they without it.

A database that cannot be written (disk full, read-only file, locked past the busy timeout) stops
the crawl: one error line naming the file, finish reason ``database_error``, the articles that could
not be written counted under ``newsdesk/failed/database_error``; what was committed stays.

History: an article that comes back with the same ``content_hash`` is not rewritten (only its
``last_seen`` and HTTP validators move); one that comes back changed replaces the stored row, and
the previous version goes to ``article_versions`` with the fields that changed and their old
values. ``NotModified`` items (a 304 answer) only move ``last_seen``. Counts go to the stats
(``newsdesk/articles/new|changed|unchanged``) and to ``crawl_runs``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from scrapy import signals
from scrapy.exceptions import CloseSpider, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler import knobs, outcome
from crawler.items import Article, ArticleVersion, NotModified

from . import history, schema, stories
from .dedupe import content_hash

logger = logging.getLogger(__name__)

RECORDED_SETTINGS = (
    knobs.DB.name, knobs.BATCH_SIZE.name, knobs.MAX_HOPS.name, knobs.INCREMENTAL.name, knobs.REVISIT_HOURS.name,
    "ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED",
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


def db_path(settings) -> str:
    """The database file: NEWSDESK_DB, or newsdesk.db in the working directory when it is unset or
    empty (also outside this project's settings, where the pipeline may be used on its own)."""
    return knobs.DB.get(settings) or knobs.DB.default


def recorded_settings(settings) -> dict[str, Any]:
    """The settings that matter for what was crawled, as crawl_runs.settings keeps them."""
    return {k: _jsonable(knobs.BY_NAME[k].get(settings) if k in knobs.BY_NAME else settings.get(k))
            for k in RECORDED_SETTINGS}


def run_columns(stats: dict[str, Any]) -> dict[str, Any]:
    """The crawl_runs columns that a run's stats fill (counts, and the whole stats as JSON)."""
    ours = {k: v for k, v in stats.items() if k.startswith("newsdesk/")}
    return {
        "articles_stored": stats.get("newsdesk/stored", 0),
        "pages_failed": sum(v for k, v in ours.items() if k.startswith("newsdesk/failed/")),
        "pages_skipped": sum(v for k, v in ours.items() if k.startswith("newsdesk/skipped/")),
        "stats": json.dumps({k: _jsonable(v) for k, v in sorted(stats.items())}, ensure_ascii=False),
        **{column: stats.get(key, 0) for column, key in schema.RUN_COUNTS.items()},
    }


class Store:
    """The SQLite file and what is written to it: runs, and batches of articles in one transaction each.

    Counts of what a batch did (``newsdesk/articles/new`` ...) are returned, not kept: the caller
    adds them to whatever stats it keeps once the batch is committed.
    """

    def __init__(self, path: str, story_window_hours: float = knobs.STORY_WINDOW_HOURS.default) -> None:
        self.path = path
        self.story_window_hours = story_window_hours
        self.db = None

    def open(self) -> None:
        self.db = schema.open_database(self.path)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    # ------------------------------------------------------------------ runs
    def start_run(self, spider: str | None, arguments: dict[str, Any], settings: dict[str, Any]) -> int:
        """A new crawl_runs row; its id."""
        with self.write_transaction():
            table = self.db[schema.RUNS]
            table.insert({
                "spider": spider,
                "started_at": _now(),
                "arguments": json.dumps(arguments, ensure_ascii=False),
                "settings": json.dumps(settings, ensure_ascii=False),
            })
            return table.last_pk

    def finish_run(self, run_id: int, reason: str, stats: dict[str, Any]) -> None:
        """Record the run's end, its finish reason and its counts."""
        with self.write_transaction():
            self.db[schema.RUNS].update(run_id, {"finished_at": _now(), "finish_reason": reason,
                                                 **run_columns(stats)})

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

    def store_batch(self, articles: list[Article], seen: Iterable[NotModified] = (),
                    run_id: int | None = None) -> Counter[str]:
        """``write_batch`` in a transaction of its own."""
        with self.write_transaction():
            return self.write_batch(articles, seen, run_id)

    def write_batch(self, articles: list[Article], seen: Iterable[NotModified] = (),
                    run_id: int | None = None) -> Counter[str]:
        """One batch, inside the caller's transaction: the 304s noted, the articles sorted into new /
        changed / unchanged, what is new or changed written with its tables and images, replaced
        versions kept under ``run_id``. Returns the counts of what it did."""
        counts: Counter[str] = Counter()
        self.touch(list(seen), counts)
        written = self.record_history(articles, run_id, counts)
        if written:
            self.write_articles(written)
            stories.place(self.db, written, self.story_window_hours)
            counts["newsdesk/stored"] += len(written)
            counts["newsdesk/stored_tables"] += sum(len(a.tables) for a in written)
            counts["newsdesk/stored_images"] += sum(len(a.images) for a in written)
        return counts

    def write_articles(self, batch: list[Article]) -> None:
        """Upsert ``batch`` and replace its children (inside the caller's transaction)."""
        urls = [a.url for a in batch]
        marks = ",".join("?" for _ in urls)
        self.db[schema.ARTICLES].upsert_all([schema.article_row(a) for a in batch], pk="url")
        for table in (schema.TABLES, schema.IMAGES):
            self.db.execute(f"DELETE FROM [{table}] WHERE article_url IN ({marks})", urls)
        tables = [row for a in batch for row in schema.table_rows(a)]
        images = [row for a in batch for row in schema.image_rows(a)]
        if tables:
            self.db[schema.TABLES].insert_all(tables)
        if images:
            self.db[schema.IMAGES].insert_all(images)

    # ------------------------------------------------------------------ history
    def record_history(self, batch: list[Article], run_id: int | None, counts: Counter[str]) -> list[Article]:
        """Sort ``batch`` into new, changed and unchanged articles; return those to write.

        New articles get first_seen = last_seen = last_changed = now. Changed ones keep first_seen,
        and their stored version goes to article_versions. Unchanged ones are not rewritten: only
        last_seen and the HTTP validators are updated. Runs inside the caller's transaction.
        """
        now = _now()
        urls = [a.url for a in batch]
        marks = ",".join("?" for _ in urls)
        stored = {r["url"]: r for r in self.db.query(f"SELECT * FROM [{schema.ARTICLES}] WHERE url IN ({marks})", urls)}
        write: list[Article] = []
        unchanged: list[Article] = []
        for article in batch:
            article.content_hash = article.content_hash or content_hash(article)
            old = stored.get(article.url)
            if old is not None and old["content_hash"] == article.content_hash:
                unchanged.append(article)
                counts["newsdesk/articles/unchanged"] += 1
                continue
            article.last_seen = article.last_changed = now
            if old is None:
                article.first_seen = now
                counts["newsdesk/articles/new"] += 1
            else:
                article.first_seen = old["first_seen"] or old["fetched_at"] or now
                self.keep_version(old, article, now, run_id)
                counts["newsdesk/articles/changed"] += 1
            write.append(article)
        self.db.conn.executemany(
            f"UPDATE [{schema.ARTICLES}] SET last_seen = ?, etag = coalesce(?, etag), "
            "last_modified = coalesce(?, last_modified) WHERE url = ?",
            [(now, a.etag, a.last_modified, a.url) for a in unchanged],
        )
        return write

    def keep_version(self, old: dict[str, Any], article: Article, now: str, run_id: int | None) -> None:
        """Store the replaced version of ``article``: the fields that changed, with their old values."""
        url = article.url
        old_children = {
            field: history.child_items(list(self.db.query(f"SELECT * FROM [{table}] WHERE article_url = ?", [url])))
            for field, table in schema.child_tables().items()
        }
        new_children = {field: history.child_items(rows) for field, rows in schema.child_rows(article).items()}
        changed = history.changes(old, schema.article_row(article), old_children, new_children)
        version = self.db.execute(
            f"SELECT coalesce(max(version), 0) + 1 FROM [{schema.VERSIONS}] WHERE url = ?", [url]
        ).fetchone()[0]
        self.db[schema.VERSIONS].insert(schema.version_row(ArticleVersion(
            url=url, version=version, fetched_at=old["fetched_at"], replaced_at=now, run_id=run_id,
            content_hash=old["content_hash"], fields=list(changed), old_values=changed,
        )))

    def touch(self, seen: list[NotModified], counts: Counter[str]) -> None:
        """A 304 confirmed these stored articles: move last_seen (and any new validators) forward."""
        if not seen:
            return
        now = _now()
        self.db.conn.executemany(
            f"UPDATE [{schema.ARTICLES}] SET last_seen = ?, etag = coalesce(?, etag), "
            "last_modified = coalesce(?, last_modified) WHERE url = ?",
            [(now, n.etag, n.last_modified, n.url) for n in seen],
        )
        counts["newsdesk/articles/unchanged"] += len(seen)


class SQLitePipeline:
    """The single-process crawl's store: items batched, written by ``Store``, the run recorded.

    Steps aside (``NotConfigured``) when ``NEWSDESK_FRONTIER`` is set: then the workers' items go to
    Redis (``pipelines.queue.RedisItemPipeline``) and ``scrapy store`` is the one writer.
    """

    def __init__(self, crawler) -> None:
        if knobs.FRONTIER.get(crawler.settings):
            raise NotConfigured(f"{knobs.FRONTIER.name} is set: scrapy store writes the database")
        self.crawler = crawler
        settings = crawler.settings
        self.path = db_path(settings)
        self.batch_size = knobs.BATCH_SIZE.get(settings)
        self.store = Store(self.path, knobs.STORY_WINDOW_HOURS.get(crawler.settings))
        self.run_id: int | None = None
        self.pending: list[Article] = []
        self.broken: sqlite3.Error | None = None
        self.not_modified: list[NotModified] = []
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def db(self):
        return self.store.db

    # ------------------------------------------------------------------ lifecycle
    def open_spider(self) -> None:
        try:
            self._open()
        except sqlite3.Error as exc:
            self._log_unwritable(exc, "open")
            self.store.close()
            raise CloseSpider(outcome.DATABASE_ERROR) from None

    def _open(self) -> None:
        self.store.open()
        spider = self.crawler.spider
        arguments = getattr(spider, "arguments", {}) if spider is not None else {}
        self.run_id = self.store.start_run(spider.name if spider is not None else None, arguments,
                                           recorded_settings(self.crawler.settings))
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
        elif isinstance(item, NotModified):
            self.not_modified.append(item)
            if len(self.not_modified) >= self.batch_size:
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
            stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
            self.store.finish_run(self.run_id, reason, stats)
        except sqlite3.Error as exc:
            if self.broken is None:
                self._log_unwritable(exc, "record the run in")
        self.store.close()

    def flush(self) -> None:
        """Write the pending articles and their children in one transaction.

        SQLite refusing the write (disk full, read-only, locked) stops the crawl; see the module doc.
        """
        if self.db is None or self.broken is not None or not (self.pending or self.not_modified):
            return
        batch, self.pending = self.pending, []
        seen, self.not_modified = self.not_modified, []
        try:
            counts = self.store.store_batch(batch, seen, self.run_id)
        except sqlite3.Error as exc:
            self.broken = exc
            if self.crawler.stats:
                self.crawler.stats.inc_value("newsdesk/failed/database_error", len(batch))
            self._log_unwritable(exc, "write to", len(batch))
            if self.crawler.engine is not None and self.crawler.engine.spider is not None:
                deferred_from_coro(self.crawler.engine.close_spider_async(reason=outcome.DATABASE_ERROR))
            return
        if self.crawler.stats:
            for key, n in counts.items():
                self.crawler.stats.inc_value(key, n)

    def _log_unwritable(self, exc: sqlite3.Error, action: str, lost: int = 0) -> None:
        stats = self.crawler.stats
        if action == "open":
            outcome.fail(stats, logger, f"Cannot open the database {self.path} for writing: {exc}. Stopping the crawl.")
            return
        stored = stats.get_value("newsdesk/stored", 0) if stats else 0
        outcome.fail(stats, logger, f"Cannot {action} the database {self.path}: {exc}. Stopping the crawl: the "
                                    f"{stored} articles committed in this run are kept, {lost} not written.")
