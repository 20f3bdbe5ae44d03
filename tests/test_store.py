"""The SQLite store: schema derived from the item, batched upserts, children kept with their article."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from scrapy.utils.test import get_crawler

from crawler.items import Article, Image, Table
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
