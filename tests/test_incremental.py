"""Recurring crawls: what to skip, revalidate or refetch (crawler/incremental.py), and the 304 path."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawler.incremental import (
    REVALIDATE,
    ConditionalRequestMiddleware,
    Known,
    conditional_headers,
    load_known,
    parse_time,
    skip_by_lastmod,
)
from crawler.items import NotModified
from crawler.spiders.news import NewsSpider
from pipelines import schema

NOW = datetime(2025, 3, 12, 12, 0, tzinfo=timezone.utc)
WINDOW = timedelta(hours=48)
OLD = Known(etag='"abc"', last_seen=datetime(2025, 3, 10, tzinfo=timezone.utc),
            published=datetime(2025, 2, 1, tzinfo=timezone.utc))
RECENT = Known(etag='"abc"', last_seen=datetime(2025, 3, 10, tzinfo=timezone.utc),
               published=datetime(2025, 3, 11, 20, 0, tzinfo=timezone.utc))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025-03-04T09:30:00+01:00", datetime(2025, 3, 4, 8, 30, tzinfo=timezone.utc)),
        ("2025-03-04T08:30:00Z", datetime(2025, 3, 4, 8, 30, tzinfo=timezone.utc)),
        ("2025-02-11", datetime(2025, 2, 11, tzinfo=timezone.utc)),
        ("2025-02-11T10:00:00", datetime(2025, 2, 11, 10, tzinfo=timezone.utc)),
        ("last tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "known, lastmod, skip",
    [
        (None, "2025-01-01", False),  # not stored: fetch
        (OLD, "2025-03-01", True),  # lastmod before our copy was last seen
        (OLD, "2025-03-10T00:00:00+00:00", True),  # the same moment: not newer
        (OLD, "2025-03-11", False),  # newer: revalidate
        (OLD, None, False),  # no lastmod: revalidate
        (OLD, "garbage", False),
        (RECENT, "2025-03-01", False),  # recent articles are revisited whatever the sitemap says
        (Known(etag='"x"'), "2025-03-01", False),  # never seen (no history): revalidate
    ],
)
def test_skip_by_lastmod(known, lastmod, skip):
    assert skip_by_lastmod(known, lastmod, NOW, WINDOW) is skip


@pytest.mark.parametrize(
    "known, headers",
    [
        (Known(etag='"e"', last_modified="Tue, 04 Mar 2025 08:30:00 GMT"),
         {"If-None-Match": '"e"', "If-Modified-Since": "Tue, 04 Mar 2025 08:30:00 GMT"}),
        (Known(etag='"e"'), {"If-None-Match": '"e"'}),
        (Known(), {}),
    ],
)
def test_conditional_headers(known, headers):
    assert conditional_headers(known) == headers


def test_load_known_of_a_missing_database_is_empty(tmp_path):
    assert load_known(tmp_path / "nothing.db") == {}


def test_load_known_reads_the_stored_validators(tmp_path):
    path = tmp_path / "k.db"
    db = schema.open_database(str(path))
    db["articles"].insert({"url": "https://example.org/a", "etag": '"e"', "last_seen": "2025-03-10T00:00:00+00:00",
                           "published_at": "2025-03-01T10:00:00", "first_seen": "2025-03-09T00:00:00+00:00"})
    db.close()
    known = load_known(path)
    assert known == {"https://example.org/a": Known('"e"', None, datetime(2025, 3, 10, tzinfo=timezone.utc),
                                                    datetime(2025, 3, 1, 10, tzinfo=timezone.utc))}


@pytest.fixture
def middleware():
    crawler = get_crawler(NewsSpider, {"NEWSDESK_DB": ":memory:"})
    crawler.spider = crawler._create_spider(start_urls="https://example.org/")
    crawler.spider.known = {"https://example.org/a": Known(etag='"e"', last_modified="Tue, 04 Mar 2025 08:30:00 GMT"),
                            "https://example.org/bare": Known()}
    crawler.stats.open_spider()
    return ConditionalRequestMiddleware.from_crawler(crawler)


def test_a_stored_article_is_requested_conditionally(middleware):
    request = Request("https://example.org/a")
    assert middleware.process_request(request) is None
    assert request.headers[b"If-None-Match"] == b'"e"'
    assert request.headers[b"If-Modified-Since"] == b"Tue, 04 Mar 2025 08:30:00 GMT"
    assert 304 in request.meta["handle_httpstatus_list"]
    middleware.process_request(request)  # a retry of the same request is not counted twice
    assert middleware.crawler.stats.get_value("newsdesk/incremental/revalidated") == 1


def test_an_unknown_url_is_left_alone(middleware):
    request = Request("https://example.org/new")
    middleware.process_request(request)
    assert b"If-None-Match" not in request.headers and REVALIDATE not in request.meta


@pytest.mark.parametrize(
    "status, key", [(304, "newsdesk/incremental/not_modified"), (200, "newsdesk/incremental/refetched")])
def test_answers_to_stored_articles_are_counted(middleware, status, key):
    request = Request("https://example.org/a")
    middleware.process_request(request)
    middleware.process_response(request, Response(request.url, status=status, request=request))
    assert middleware.crawler.stats.get_value(key) == 1


def test_a_stored_article_without_validators_is_refetched_plainly(middleware):
    request = Request("https://example.org/bare")
    middleware.process_request(request)
    assert b"If-None-Match" not in request.headers and request.meta[REVALIDATE] is False
    middleware.process_response(request, Response(request.url, status=200, request=request))
    assert middleware.crawler.stats.get_value("newsdesk/incremental/refetched") == 1
    assert middleware.crawler.stats.get_value("newsdesk/incremental/revalidated") is None


def test_the_middleware_steps_aside_when_incremental_is_off():
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        ConditionalRequestMiddleware.from_crawler(get_crawler(NewsSpider, {"NEWSDESK_INCREMENTAL": False}))


@pytest.fixture
def spider():
    crawler = get_crawler(NewsSpider, {"NEWSDESK_DB": ":memory:"})
    spider = crawler._create_spider(start_urls="https://example.org/")
    crawler.spider = spider
    crawler.stats.open_spider()
    now = datetime.now(timezone.utc)
    spider.known = {
        "https://example.org/old": Known(etag='"e"', last_seen=now - timedelta(days=1),
                                         published=now - timedelta(days=30)),
        "https://example.org/fresh": Known(etag='"e"', last_seen=now - timedelta(days=1),
                                           published=now - timedelta(hours=3)),
        "https://other.example/fresh": Known(last_seen=now, published=now),
    }
    return spider


def test_a_304_is_not_parsed(spider):
    request = Request("https://example.org/old")
    response = Response(request.url, status=304, headers={"ETag": '"f"'}, request=request)
    items = list(spider.parse_page(response))
    assert len(items) == 1 and isinstance(items[0], NotModified)
    assert (items[0].url, items[0].etag) == ("https://example.org/old", '"f"')
    assert spider.crawler.stats.get_value("newsdesk/extracted") is None


def test_articles_carry_the_validators_of_their_response(spider):
    from .conftest import SITE

    body = (SITE / "post" / "rail-strike-called-off.html").read_bytes().replace(b"{{BASE}}", b"https://example.org")
    url = "https://example.org/post/rail-strike-called-off"
    response = HtmlResponse(url, body=body, request=Request(url),
                            headers={"ETag": '"v1"', "Last-Modified": "Tue, 04 Mar 2025 08:30:00 GMT"})
    article = next(iter(spider.parse_page(response)))
    assert (article.etag, article.last_modified) == ('"v1"', "Tue, 04 Mar 2025 08:30:00 GMT")


def test_sitemap_entries_no_newer_than_the_stored_copy_are_skipped(spider):
    entries = [
        {"loc": "https://example.org/old", "lastmod": "2020-01-01"},
        {"loc": "https://example.org/old?utm_source=sitemap", "lastmod": "2020-01-01"},
        {"loc": "https://example.org/fresh", "lastmod": "2020-01-01"},
        {"loc": "https://example.org/new", "lastmod": "2020-01-01"},
        {"loc": "https://example.org/old"},
    ]
    kept = [e["loc"] for e in spider.sitemap_filter(entries)]
    assert kept == ["https://example.org/fresh", "https://example.org/new", "https://example.org/old"]
    assert spider.crawler.stats.get_value("newsdesk/incremental/skipped") == 2


def test_recent_articles_of_the_crawled_sites_are_revisited(spider):
    assert [r.url for r in spider.revisits()] == ["https://example.org/fresh"]


def test_known_state_is_read_from_the_database_when_the_spider_opens(tmp_path):
    path = tmp_path / "open.db"
    db = schema.open_database(str(path))
    db["articles"].insert({"url": "https://example.org/a", "etag": '"e"', "last_seen": "2025-03-10T00:00:00+00:00"})
    db.close()
    crawler = get_crawler(NewsSpider, {"NEWSDESK_DB": str(path)})
    spider = NewsSpider.from_crawler(crawler, start_urls="https://example.org/")
    assert spider.known == {}
    spider.load_known()
    assert set(spider.known) == {"https://example.org/a"}


def test_incremental_off_loads_nothing(tmp_path):
    path = tmp_path / "off.db"
    db = schema.open_database(str(path))
    db["articles"].insert({"url": "https://example.org/a"})
    db.close()
    crawler = get_crawler(NewsSpider, {"NEWSDESK_DB": str(path), "NEWSDESK_INCREMENTAL": False})
    spider = NewsSpider.from_crawler(crawler, start_urls="https://example.org/")
    spider.load_known()
    assert spider.known == {}
