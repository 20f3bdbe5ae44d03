"""The SQLite store: schema derived from the item, batched upserts, children kept with their article."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from crawler.items import Article, Image, NotModified, Table
from crawler.spiders.news import NewsSpider
from pipelines import schema
from pipelines.store import SQLitePipeline


def article(url: str, title: str = "A title", tables: int = 1, images: int = 1) -> Article:
    return Article(
        url=url,
        title=title,
        authors=["Jane Doe"],
        body="Some text.",
        published_at=datetime(2025, 3, 3, 17, 4, tzinfo=timezone.utc),
        tables=[Table(caption=f"t{i}", header=["a", "b"], rows=[["1", "2"]]) for i in range(tables)],
        images=[Image(url=f"https://example.org/{i}.jpg", credit="Jane") for i in range(images)],
    )


@pytest.fixture
def pipeline(tmp_path):
    crawler = get_crawler(NewsSpider, {"NEWSDESK_DB": str(tmp_path / "store.db"), "NEWSDESK_BATCH_SIZE": 2})
    crawler.spider = crawler._create_spider(start_urls="https://example.org/")
    pipe = SQLitePipeline.from_crawler(crawler)
    pipe.open_spider()
    yield pipe
    if pipe.db is not None:
        pipe.db.close()


def test_articles_columns_are_derived_from_the_item():
    db = schema.open_database(":memory:")
    assert set(db[schema.ARTICLES].columns_dict) == set(schema.article_columns()), (
        "articles columns differ from crawler.items.Article: add a migration calling schema.sync_columns()"
    )
    assert "tables" not in db[schema.ARTICLES].columns_dict  # stored in article_tables


def test_nested_fields_are_json_and_datetimes_iso(pipeline):
    pipeline.process_item(article("https://example.org/a"))
    pipeline.flush()
    row = pipeline.db[schema.ARTICLES].get("https://example.org/a")
    assert json.loads(row["authors"]) == ["Jane Doe"]
    assert row["published_at"] == "2025-03-03T17:04:00+00:00"


def test_batches_are_written_when_full(pipeline):
    pipeline.process_item(article("https://example.org/a"))
    assert pipeline.db[schema.ARTICLES].count == 0
    pipeline.process_item(article("https://example.org/b"))
    assert pipeline.db[schema.ARTICLES].count == 2
    assert pipeline.db[schema.TABLES].count == 2
    assert pipeline.db[schema.IMAGES].count == 2


def test_upsert_replaces_an_article_and_its_children(pipeline):
    pipeline.process_item(article("https://example.org/a", tables=3))
    pipeline.flush()
    pipeline.process_item(article("https://example.org/a", title="New title", tables=1, images=0))
    pipeline.flush()
    assert pipeline.db[schema.ARTICLES].count == 1
    assert pipeline.db[schema.ARTICLES].get("https://example.org/a")["title"] == "New title"
    assert pipeline.db[schema.TABLES].count == 1
    assert pipeline.db[schema.IMAGES].count == 0


def test_a_failed_batch_leaves_nothing_half_written(pipeline):
    pipeline.process_item(article("https://example.org/ok"))
    pipeline.flush()
    bad = article("https://example.org/bad")
    bad.tables[0].rows = [[object()]]  # not JSON-serialisable: the batch fails
    pipeline.pending = [article("https://example.org/c"), bad]
    with pytest.raises(TypeError):
        pipeline.flush()
    urls = [r["url"] for r in pipeline.db.query("select url from articles")]
    assert urls == ["https://example.org/ok"]
    assert pipeline.db[schema.TABLES].count == 1


def test_the_run_is_opened_in_crawl_runs(pipeline):
    run = pipeline.db[schema.RUNS].get(pipeline.run_id)
    assert run["spider"] == "news"
    assert json.loads(run["arguments"]) == {"start_urls": ["https://example.org/"]}
    assert run["finished_at"] is None


# ---------------------------------------------------------------------- history across runs
def stored(pipeline, url="https://example.org/a"):
    return pipeline.db[schema.ARTICLES].get(url)


def test_a_new_article_is_first_seen_last_seen_and_last_changed_now(pipeline):
    pipeline.process_item(article("https://example.org/a"))
    pipeline.flush()
    row = stored(pipeline)
    assert row["first_seen"] == row["last_seen"] == row["last_changed"] is not None
    assert pipeline.crawler.stats.get_value("newsdesk/articles/new") == 1


def test_an_unchanged_article_is_not_rewritten(pipeline):
    pipeline.process_item(article("https://example.org/a"))
    pipeline.flush()
    before = stored(pipeline)
    children = list(pipeline.db.query("select rowid, * from article_tables"))
    again = article("https://example.org/a")
    again.etag = '"v2"'
    pipeline.process_item(again)
    pipeline.flush()
    after = stored(pipeline)
    assert after["last_seen"] > before["last_seen"]
    assert after["etag"] == '"v2"'
    assert {k: v for k, v in after.items() if k not in ("last_seen", "etag")} == \
           {k: v for k, v in before.items() if k not in ("last_seen", "etag")}
    assert list(pipeline.db.query("select rowid, * from article_tables")) == children
    assert pipeline.db[schema.VERSIONS].count == 0
    assert pipeline.crawler.stats.get_value("newsdesk/articles/unchanged") == 1
    assert pipeline.crawler.stats.get_value("newsdesk/stored") == 1


def test_a_changed_article_keeps_its_previous_version(pipeline):
    pipeline.process_item(article("https://example.org/a", title="First title", tables=1))
    pipeline.flush()
    first = stored(pipeline)
    pipeline.process_item(article("https://example.org/a", title="Second title", tables=2))
    pipeline.flush()
    row = stored(pipeline)
    assert row["title"] == "Second title"
    assert row["first_seen"] == first["first_seen"]
    assert row["last_changed"] > first["last_changed"]
    [version] = pipeline.db[schema.VERSIONS].rows
    assert (version["url"], version["version"], version["run_id"]) == ("https://example.org/a", 1, pipeline.run_id)
    assert version["fetched_at"] == first["fetched_at"]
    assert version["content_hash"] == first["content_hash"]
    assert json.loads(version["fields"]) == ["title", "tables"]
    old = json.loads(version["old_values"])
    assert old["title"] == "First title"
    assert old["tables"] == [{"caption": "t0", "header": ["a", "b"], "rows": [["1", "2"]]}]
    assert pipeline.crawler.stats.get_value("newsdesk/articles/changed") == 1


def test_versions_are_numbered(pipeline):
    for title in ("one", "two", "three"):
        pipeline.process_item(article("https://example.org/a", title=title))
        pipeline.flush()
    versions = list(pipeline.db.query("select version, old_values from article_versions order by version"))
    assert [(v["version"], json.loads(v["old_values"])["title"]) for v in versions] == [(1, "one"), (2, "two")]


def test_a_304_only_moves_last_seen(pipeline):
    pipeline.process_item(article("https://example.org/a"))
    pipeline.flush()
    before = stored(pipeline)
    pipeline.process_item(NotModified(url="https://example.org/a", fetched_at=datetime.now(timezone.utc), etag=None))
    pipeline.flush()
    after = stored(pipeline)
    assert after["last_seen"] > before["last_seen"]
    assert after["etag"] == before["etag"] and after["last_changed"] == before["last_changed"]


def test_the_run_records_what_the_crawl_skipped_revalidated_and_refetched(pipeline):
    stats = pipeline.crawler.stats
    stats.set_value("newsdesk/incremental/skipped", 4)
    stats.set_value("newsdesk/incremental/revalidated", 6)
    stats.set_value("newsdesk/incremental/not_modified", 5)
    stats.set_value("newsdesk/incremental/refetched", 1)
    db_path, run_id = pipeline.path, pipeline.run_id
    pipeline.spider_closed(pipeline.crawler.spider, "finished")
    run = schema.open_database(db_path)[schema.RUNS].get(run_id)
    assert (run["articles_skipped"], run["articles_revalidated"], run["articles_not_modified"],
            run["articles_refetched"], run["articles_new"]) == (4, 6, 5, 1, 0)


def test_full_text_search_follows_the_articles(pipeline):
    pipeline.process_item(article("https://example.org/a", title="Ceasefire holds in the north"))
    pipeline.process_item(article("https://example.org/b", title="Markets steady"))
    pipeline.flush()
    assert [r["url"] for r in pipeline.db[schema.ARTICLES].search("ceasefire")] == ["https://example.org/a"]
    pipeline.process_item(article("https://example.org/a", title="Talks resume"))
    pipeline.flush()
    assert list(pipeline.db[schema.ARTICLES].search("ceasefire")) == []
    assert [r["url"] for r in pipeline.db[schema.ARTICLES].search("talks")] == ["https://example.org/a"]


def test_sqlite_utils_search_command_finds_articles(pipeline):
    import subprocess
    import sys

    pipeline.process_item(article("https://example.org/a", title="Ceasefire holds in the north"))
    pipeline.flush()
    done = subprocess.run([sys.executable, "-m", "sqlite_utils", "search", pipeline.path, "articles", "ceasefire",
                           "-c", "url"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [{"url": "https://example.org/a"}]


# ---------------------------------------------------------------------- migrations
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def v1_database(tmp_path):
    """A database as the first schema made it, with its rows (tests/fixtures/v1-schema.sql)."""
    path = tmp_path / "v1.db"
    con = sqlite3.connect(path)
    con.executescript((FIXTURES / "v1-schema.sql").read_text())
    con.close()
    return path


def test_a_first_schema_database_upgrades(v1_database):
    db = schema.open_database(str(v1_database))
    assert [m.name for m in schema.migrations.applied(db)] == [m.name for m in schema.migrations._migrations]
    assert set(db[schema.ARTICLES].columns_dict) == set(schema.article_columns())
    assert set(schema.RUN_COUNTS) <= set(db[schema.RUNS].columns_dict)
    assert db[schema.VERSIONS].exists()
    rows = list(db[schema.ARTICLES].rows)
    assert len(rows) == 2
    assert all(r["first_seen"] == r["last_seen"] == r["last_changed"] == r["fetched_at"] for r in rows)
    assert [r["title"] for r in db[schema.ARTICLES].search("Minsk")] == [
        "Ukraine crisis unresolved after Witkoff–Putin discussions in Moscow"]
    assert db[schema.TABLES].count == 1 and db[schema.RUNS].count == 1


def test_an_upgraded_database_takes_new_versions(v1_database, tmp_path):
    crawler = get_crawler(NewsSpider, {"NEWSDESK_DB": str(v1_database)})
    crawler.spider = crawler._create_spider(start_urls="http://news.example/")
    pipe = SQLitePipeline.from_crawler(crawler)
    pipe.open_spider()
    pipe.process_item(article("http://news.example/post/rail-strike-called-off", title="Rail strike back on"))
    pipe.flush()
    [version] = pipe.db[schema.VERSIONS].rows
    assert json.loads(version["old_values"])["title"] == "Rail strike called off after last-minute pay deal"
    pipe.db.close()
