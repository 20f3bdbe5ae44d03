"""Faults of a distributed crawl (issue 14): a worker SIGKILLed mid-crawl, the writer SIGKILLed
mid-drain, Redis restarted with persistence on. Every article ends up stored exactly once."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import time
from pathlib import Path

import pytest
import redis
import sqlite_utils

from crawler import frontier

from .conftest import SITE, start_site_server, stop_site_server
from .frontier_helpers import finish, push, redis_server, start_worker, start_writer  # noqa: F401
from .redisserver import RedisServer
from .test_crawl import ARTICLE_SLUGS

PAGES = 60  # the scaled sitemap's articles
LATENCY = 0.3  # seconds each answer takes: a crawl long enough to be killed in the middle of
SLOW = ("CONCURRENT_REQUESTS=2",)


def wait_until(check, timeout: float = 120, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(db)
        try:
            return con.execute("select count(*) from articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def scaled_urls(base: str) -> list[str]:
    slugs = sorted(p.stem for p in (SITE / "post").glob("*.html"))
    return sorted(f"{base}/scaled/{i}/{slugs[i % len(slugs)]}" for i in range(PAGES))


@pytest.fixture(scope="module")
def killed(redis_server, tmp_path_factory):  # noqa: F811
    """Two workers and a writer; one worker SIGKILLed mid-crawl and another started; the writer
    SIGKILLed mid-drain and started again."""
    url = redis_server.url
    server = redis.Redis.from_url(url)
    server.flushall()
    tmp = tmp_path_factory.mktemp("faults")
    db = tmp / "news.db"
    site = start_site_server(SITE, "--scale", str(PAGES), "--latency", str(LATENCY))
    try:
        assert push(url, site.url("/scaled-sitemap.xml")).returncode == 0
        victim = start_worker(url, tmp / "victim.log", *SLOW)
        other = start_worker(url, tmp / "other.log", *SLOW)
        writer = start_writer(url, db, tmp / "writer.log", "NEWSDESK_BATCH_SIZE=2")
        wait_until(lambda: stored_count(db) >= 6, what="articles stored")
        wait_until(lambda: "Frontier worker " in victim.text(), what="the worker to start")
        victim_id = re.search(r"Frontier worker (\w+)", victim.text()).group(1)
        wait_until(lambda: server.hlen(frontier.LEASES + victim_id) > 0, what="the worker to hold leases")
        leased = server.hlen(frontier.LEASES + victim_id)
        victim.process.send_signal(signal.SIGKILL)
        victim.wait()
        writer.process.send_signal(signal.SIGKILL)
        writer.wait()
        again = start_worker(url, tmp / "again.log", *SLOW)
        writer_again = start_writer(url, db, tmp / "writer-again.log", "NEWSDESK_BATCH_SIZE=2")
        finish([other, again, writer_again], timeout=300)
        yield db, site, leased, server
    finally:
        stop_site_server(site)


def test_every_article_is_stored_once_after_a_worker_and_the_writer_were_killed(killed):
    db, site, _, _ = killed
    rows = sorted(r["url"] for r in sqlite_utils.Database(db).query("select url from articles"))
    assert rows == scaled_urls(site.base)
    assert sqlite_utils.Database(db)["article_versions"].count == 0


def test_the_killed_workers_requests_were_put_back(killed):
    db, _, leased, server = killed
    assert leased > 0  # requests were in flight when the worker was killed
    [run] = sqlite_utils.Database(db).query("select * from crawl_runs")
    stats = json.loads(run["stats"])
    assert stats.get("newsdesk/frontier/requeued", 0) >= 1
    assert run["articles_new"] == PAGES
    assert server.llen(frontier.ITEMS) == server.llen(frontier.PROCESSING) == 0
    assert not server.keys(frontier.LEASES + "*")


def test_the_run_counts_the_workers_that_ended(killed):
    db, *_ = killed
    [run] = sqlite_utils.Database(db).query("select * from crawl_runs")
    # The killed worker sent no stats; of the other two, those that fetched anything took part.
    took_part = [name for name in ("other.log", "again.log")
                 if "'downloader/response_count'" in (db.parent / name).read_text()]
    assert run["workers"] == len(took_part) >= 1
    assert run["finish_reason"] == "finished"


def test_redis_restarted_with_persistence_keeps_the_frontier(site_server, tmp_path):
    persistent = RedisServer(tmp_path / "redis", persistent=True).start()
    try:
        url = persistent.url
        assert push(url, site_server.url("/robots.txt"), site_server.url("/")).returncode == 0
        before = frontier.status(redis.Redis.from_url(url))
        persistent.restart()
        after = frontier.status(redis.Redis.from_url(url))
        assert after == before and after.start_urls == 2 and after.crawl
        db = tmp_path / "news.db"
        finish([start_worker(url, tmp_path / "worker.log"), start_writer(url, db, tmp_path / "writer.log")])
        urls = sorted(r["url"] for r in sqlite_utils.Database(db).query("select url from articles"))
        assert urls == sorted(site_server.url(f"/post/{slug}") for slug in ARTICLE_SLUGS)
    finally:
        persistent.stop()
