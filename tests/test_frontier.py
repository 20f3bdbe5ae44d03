"""Workers sharing a scrapy-redis frontier in a real redis-server, and the one writer (issue 14).

Real parts only: the demo site on loopback, a redis-server process, `scrapy crawl news` workers and
`scrapy store` as processes, SQLite files. Tests check the union of what was stored, never how the
work was split between workers.
"""

from __future__ import annotations

import json
import pickle

import pytest
import redis
import sqlite_utils

from crawler import frontier
from pipelines.queue import Writer
from pipelines.store import Store

from .conftest import ROOT, run_scrapy
from .frontier_helpers import finish, frontier_url, push, redis_server, start_worker, start_writer  # noqa: F401
from .redisserver import free_port
from .test_crawl import ARTICLE_SLUGS

STARTS = ("/robots.txt", "/", "/feed.xml")


def stored_urls(db) -> list[str]:
    return sorted(r["url"] for r in sqlite_utils.Database(db).query("select url from articles"))


def runs(db) -> list[dict]:
    return list(sqlite_utils.Database(db).query("select * from crawl_runs order by id"))


def distributed_crawl(url: str, site, db, tmp_path, workers: int = 2, tag: str = "a") -> list:
    pushed = push(url, *(site.url(p) for p in STARTS))
    assert pushed.returncode == 0, pushed.stderr
    procs = [start_worker(url, tmp_path / f"worker-{tag}{i}.log") for i in range(workers)]
    procs.append(start_writer(url, db, tmp_path / f"writer-{tag}.log"))
    finish(procs)
    return procs


@pytest.fixture(scope="module")
def two_runs(redis_server, site_server, tmp_path_factory):  # noqa: F811
    """Two distributed crawls of the demo site, each by two workers and the writer, into one database."""
    redis.Redis.from_url(redis_server.url).flushall()
    tmp = tmp_path_factory.mktemp("frontier")
    db = tmp / "news.db"
    distributed_crawl(redis_server.url, site_server, db, tmp, tag="first")
    first = stored_urls(db)
    distributed_crawl(redis_server.url, site_server, db, tmp, tag="second")
    return first, db


def test_two_workers_and_the_writer_store_every_article_once(two_runs, site_server):
    first, db = two_runs
    assert first == sorted(site_server.url(f"/post/{slug}") for slug in ARTICLE_SLUGS)


def test_a_distributed_crawl_is_one_run_with_the_workers_stats_summed(two_runs):
    _, db = two_runs
    run = runs(db)[0]
    assert run["finish_reason"] == "finished" and run["finished_at"]
    assert 1 <= run["workers"] <= 2
    assert run["articles_new"] == run["articles_stored"] == len(ARTICLE_SLUGS)
    stats = json.loads(run["stats"])
    assert stats["newsdesk/extracted"] == len(ARTICLE_SLUGS)  # summed over the workers that took part
    assert stats["newsdesk/frontier/items_sent"] == len(ARTICLE_SLUGS)
    assert run["pages_failed"] == 1  # the demo site's one 404, fetched by one worker only


def test_a_distributed_rerun_revalidates_instead_of_refetching(two_runs):
    first, db = two_runs
    assert stored_urls(db) == first
    assert len(runs(db)) == 2
    second = runs(db)[1]
    assert second["articles_new"] == 0 and second["articles_changed"] == 0
    assert second["articles_revalidated"] >= len(ARTICLE_SLUGS)
    assert second["articles_not_modified"] + second["articles_skipped"] >= len(ARTICLE_SLUGS)
    assert sqlite_utils.Database(db)["article_versions"].count == 0


def test_report_and_export_work_on_the_result(two_runs, tmp_path):
    _, db = two_runs
    report = run_scrapy("report", "-s", f"NEWSDESK_DB={db}")
    assert report.returncode == 0, report.stderr
    export = run_scrapy("export", "-o", str(tmp_path / "out"), "-s", f"NEWSDESK_DB={db}")
    assert export.returncode == 0, export.stderr
    lines = (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(ARTICLE_SLUGS)


# ---------------------------------------------------------------------- the writer, in process
def message(i: int, crawl: str = "c1") -> bytes:
    from crawler.items import Article

    item = Article(url=f"https://example.org/{i}", title=f"Title {i}", body="Text.")
    return pickle.dumps({"id": f"w:{i}", "crawl": crawl, "kind": "item", "item": item})


def test_a_batch_committed_before_the_writer_was_killed_is_not_written_twice(frontier_url, tmp_path):  # noqa: F811
    server = redis.Redis.from_url(frontier_url)
    server.rpush(frontier.ITEMS, *(message(i) for i in range(5)))
    store = Store(str(tmp_path / "news.db"))
    store.open()
    writer = Writer(server, store, batch_size=3, settings={})
    raw = writer.take(0.1)  # moved to the processing list ...
    writer.write([pickle.loads(m) for m in raw])  # ... committed, and the writer dies before letting go
    assert server.llen(frontier.PROCESSING) == 3
    again = Writer(server, store, batch_size=3, settings={})
    assert again.recover() == 3
    assert again.written == 0  # recognised as committed: not written again
    again.run(forever=False, block=0.1)
    assert server.llen(frontier.PROCESSING) == server.llen(frontier.ITEMS) == 0
    [run] = runs(store.path)
    assert run["articles_new"] == 5 and run["articles_unchanged"] == 0
    assert store.db["articles"].count == 5
    assert server.hlen(frontier.KNOWN) == 5
    store.close()


def test_a_batch_left_uncommitted_is_written_at_the_next_start(frontier_url, tmp_path):  # noqa: F811
    server = redis.Redis.from_url(frontier_url)
    server.rpush(frontier.ITEMS, *(message(i) for i in range(4)))
    store = Store(str(tmp_path / "news.db"))
    store.open()
    Writer(server, store, batch_size=3, settings={}).take(0.1)  # taken, then killed before the commit
    writer = Writer(server, store, batch_size=3, settings={})
    assert writer.recover() == 3
    writer.run(forever=False, block=0.1)
    assert store.db["articles"].count == 4
    assert runs(store.path)[0]["articles_new"] == 4
    store.close()


# ---------------------------------------------------------------------- politeness
def test_requests_to_one_site_are_spaced_across_workers(frontier_url):  # noqa: F811
    one = frontier.Frontier(redis.Redis.from_url(frontier_url), "one")
    two = frontier.Frontier(redis.Redis.from_url(frontier_url), "two")
    assert one.wait_before("example.org", 0.5) == 0
    # (bounds loose by what a loaded machine may take between two calls)
    assert 0.2 <= two.wait_before("example.org", 0.5) <= 0.5  # the other worker waits its turn
    assert 0.7 <= one.wait_before("example.org", 0.5) <= 1.0
    assert two.wait_before("other.example", 0.5) == 0  # another site is not held up


def test_a_retried_lease_gives_the_same_request(frontier_url):  # noqa: F811
    worker = frontier.Frontier(redis.Redis.from_url(frontier_url), "w")
    worker.enqueue("fp1", 0, b"first", False)
    worker.enqueue("fp2", 0, b"second", False)
    assert not worker.enqueue("fp1", 0, b"first again", False)  # seen: not queued
    lease = worker._lease(keys=[frontier.QUEUE, worker.leases], args=["7"])
    assert worker._lease(keys=[frontier.QUEUE, worker.leases], args=["7"]) == lease  # redis-py retried it
    assert worker.queued() == 1


# ---------------------------------------------------------------------- bad usage, Redis down
def down_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


@pytest.mark.parametrize("args", [
    ("crawl", "news"),
    ("store",),
    ("frontier", "push", "https://example.org/"),
    ("frontier", "status"),
])
def test_redis_not_reachable_is_one_line_and_exit_1(args):
    done = run_scrapy(*args, "-s", f"NEWSDESK_FRONTIER={down_url()}", "-s", "LOG_LEVEL=ERROR")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot reach the frontier" in lines[0], done.stderr


@pytest.mark.parametrize("args, said", [
    (("frontier", "push"), "push needs at least one URL"),
    (("frontier", "push", "example.org"), "did you mean https://example.org"),
    (("frontier",), "say what to do"),
])
def test_bad_frontier_usage_is_one_line_and_exit_2(frontier_url, args, said):  # noqa: F811
    done = run_scrapy(*args, "-s", f"NEWSDESK_FRONTIER={frontier_url}")
    assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_store_without_a_frontier_says_so():
    done = run_scrapy("store")
    assert done.returncode == 2 and "no frontier" in done.stderr


def test_status_and_clear(frontier_url):  # noqa: F811
    assert push(frontier_url, "https://example.org/robots.txt").returncode == 0
    status = run_scrapy("frontier", "status", "-s", f"NEWSDESK_FRONTIER={frontier_url}")
    assert "start URLs not yet taken: 1" in status.stdout
    cleared = run_scrapy("frontier", "clear", "-s", f"NEWSDESK_FRONTIER={frontier_url}")
    assert cleared.returncode == 0
    assert redis.Redis.from_url(frontier_url).llen(frontier.START_URLS) == 0




def test_the_readme_documents_the_frontier():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Outgrowing one machine", 1)[1].split("\n## ", 1)[0]
    for text in ("scrapy crawl news -s NEWSDESK_FRONTIER=", "scrapy frontier push", "scrapy store",
                 "scrapy frontier status", "scrapy frontier clear", "NEWSDESK_SITE_DELAY", "NEWSDESK_FRONTIER_WAIT",
                 "bench/scale.py"):
        assert text in section, f"README's 'Outgrowing one machine' should mention {text}"


def test_a_worker_stays_on_the_sites_pushed_after_it_opened(frontier_url):  # noqa: F811
    from scrapy import Request
    from scrapy.exceptions import IgnoreRequest
    from scrapy.utils.test import get_crawler

    from crawler.spiders.news import NewsSpider
    from crawler.worker import FrontierOffsiteMiddleware

    server = redis.Redis.from_url(frontier_url)
    frontier.push(server, ["https://a.example/"])
    crawler = get_crawler(NewsSpider, {"NEWSDESK_FRONTIER": frontier_url})
    crawler.spider = crawler._create_spider()
    crawler.spider.frontier.refresh_sites(crawler.spider)  # as when the spider opens
    offsite = FrontierOffsiteMiddleware.from_crawler(crawler)
    offsite.spider_opened(crawler.spider)
    frontier.push(server, ["https://www.b.example/"])
    assert offsite.process_request(Request("https://b.example/news/1")) is None
    with pytest.raises(IgnoreRequest):
        offsite.process_request(Request("https://c.example/"))
    assert crawler.spider.allowed_domains == ["a.example", "b.example"]
