"""End to end: `scrapy crawl news` against the demo site on loopback, into a real SQLite file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from .conftest import run_crawl

SEED = "/post/ukraine-crisis-unresolved-after-witkoff-putin-discussions-in-moscow"
SEED_HEADINGS = [
    "The Moscow meeting", "Humanitarian impact", "Military dynamics", "Global economic consequences",
    "Diplomatic landscape", "Comparative perspective", "Scenario outlook", "Policy implications", "Expert takeaway",
]
ARTICLE_SLUGS = {
    "ukraine-crisis-unresolved-after-witkoff-putin-discussions-in-moscow", "city-council-approves-cycle-lanes",
    "energy-ministers-agree-gas-storage-targets", "local-bakery-wins-national-award", "harbour-festival-returns",
    "stadtrat-beschliesst-neue-radwege", "why-small-newsrooms-need-open-data", "markets-steady-ahead-of-rate-decision",
    "scientists-map-deep-sea-currents", "rail-strike-called-off",
}


@pytest.fixture(scope="module")
def crawl(site_server, tmp_path_factory):
    db = tmp_path_factory.mktemp("crawl") / "news.db"
    result = run_crawl([site_server.url("/robots.txt"), site_server.url("/")], db)
    assert result.returncode == 0, result.log[-3000:]
    return result


@pytest.fixture(scope="module")
def seed(crawl, site_server):
    rows = list(crawl.db.query("select * from articles where url = ?", [site_server.url(SEED)]))
    assert len(rows) == 1, [r["url"] for r in crawl.db.query("select url from articles")]
    return rows[0]


def test_every_article_of_the_site_is_stored_once(crawl, site_server):
    urls = [r["url"] for r in crawl.db.query("select url from articles")]
    assert sorted(urls) == sorted(site_server.url(f"/post/{slug}") for slug in ARTICLE_SLUGS)


def test_seed_title(seed):
    assert seed["title"] == "Ukraine crisis unresolved after Witkoff–Putin discussions in Moscow"


def test_seed_authors(seed):
    assert json.loads(seed["authors"]) == ["Chalani Himasha"]


def test_seed_published_is_fetch_time_minus_seven_hours(seed):
    assert seed["published_raw"] == "7 hours ago"
    fetched = datetime.fromisoformat(seed["fetched_at"])
    assert fetched.utcoffset() == timedelta(0)
    assert datetime.fromisoformat(seed["published_at"]) == fetched - timedelta(hours=7)


def test_seed_read_time(seed):
    assert seed["read_time_raw"] == "4 min read"
    assert seed["read_time_minutes"] == 4
    assert seed["read_time_estimated"] == 0


def test_seed_headings_in_order(seed):
    sections = json.loads(seed["sections"])
    assert [s["heading"] for s in sections if s["heading"]] == SEED_HEADINGS


def test_seed_table(crawl, site_server):
    tables = list(crawl.db.query("select * from article_tables where article_url = ?", [site_server.url(SEED)]))
    assert len(tables) == 1
    assert json.loads(tables[0]["header"]) == ["Year", "Event", "Venue", "Outcome", "Notes"]
    rows = json.loads(tables[0]["rows"])
    assert len(rows) == 5
    assert rows[0][:3] == ["2014-2015", "Minsk I and Minsk II agreements", "Minsk"]
    assert rows[-1][0] == "2025" and all(len(r) == 5 for r in rows)


def test_seed_image_credit(crawl, site_server):
    images = list(crawl.db.query("select * from article_images where article_url = ?", [site_server.url(SEED)]))
    assert [i["credit"] for i in images] == ["Alexander Kazakov"]
    assert images[0]["url"] == site_server.url("/media/moscow-talks_w_1200,h_800.jpg")


@pytest.mark.parametrize(
    "boilerplate",
    ["Comments", "Share on Facebook", "Copy link", "Recent Posts", "Energy ministers agree", "Write a comment", "views"],
)
def test_seed_body_has_no_boilerplate(seed, boilerplate):
    assert boilerplate not in seed["body"]


def test_seed_body_keeps_the_article(seed):
    body = seed["body"]
    assert body.count("\n\n") > 15
    assert "Talks in Moscow between Russian President Vladimir Putin" in body
    assert body.rstrip().endswith("while the broader political settlement stays contested.")


def test_run_is_recorded(crawl):
    run = crawl.last_run()
    assert run["finish_reason"] == "finished"
    assert run["articles_stored"] == len(ARTICLE_SLUGS)
    assert run["started_at"] < run["finished_at"]
    assert json.loads(run["settings"])["ROBOTSTXT_OBEY"] is True


def test_404_and_non_articles_are_counted(crawl):
    stats = crawl.stats()
    assert stats["newsdesk/failed/http_404"] == 1
    assert stats["newsdesk/skipped/not_article"] >= 3  # front page, sections, about
    run = crawl.last_run()
    assert run["pages_failed"] >= 1 and run["pages_skipped"] >= 3


def test_robots_txt_is_obeyed(crawl, site_server):
    assert crawl.stats()["robotstxt/forbidden"] >= 1
    assert not list(crawl.db.query("select url from articles where url like '%/private/%'"))


def test_second_crawl_keeps_one_row_per_article(site_server, tmp_path):
    db = tmp_path / "twice.db"
    for _ in range(2):
        result = run_crawl([site_server.url("/sitemap_index.xml"), site_server.url("/feed.xml")], db)
        assert result.returncode == 0, result.log[-3000:]
    assert result.db["articles"].count == len(ARTICLE_SLUGS)
    assert result.db["article_tables"].count == 2
    assert result.db["crawl_runs"].count == 2


@pytest.mark.parametrize(
    "start, expected",
    [
        ("/feed.xml", {"ukraine-crisis-unresolved-after-witkoff-putin-discussions-in-moscow",
                       "markets-steady-ahead-of-rate-decision", "harbour-festival-returns",
                       "why-small-newsrooms-need-open-data"}),
        ("/sitemaps/news.xml.gz", {"markets-steady-ahead-of-rate-decision", "scientists-map-deep-sea-currents",
                                   "rail-strike-called-off"}),
        ("/post/rail-strike-called-off", {"rail-strike-called-off"}),
        ("/section/business", {"markets-steady-ahead-of-rate-decision", "energy-ministers-agree-gas-storage-targets",
                               "local-bakery-wins-national-award", "rail-strike-called-off"}),
    ],
)
def test_each_kind_of_start_url(site_server, tmp_path, start, expected):
    result = run_crawl([site_server.url(start)], tmp_path / "one.db", "NEWSDESK_MAX_HOPS=1")
    assert result.returncode == 0, result.log[-3000:]
    urls = {r["url"] for r in result.db.query("select url from articles")}
    assert urls == {site_server.url(f"/post/{slug}") for slug in expected}


def test_an_extractor_exception_is_counted_and_the_crawl_goes_on(site_server, tmp_path):
    result = run_crawl([site_server.url("/sitemap_index.xml"), site_server.url("/feed.xml")], tmp_path / "boom.db",
                       "NEWSDESK_EXTRACTOR=tests.helpers.exploding_extract")
    assert result.returncode == 0
    assert "simulated extractor bug" in result.log
    assert result.stats()["newsdesk/failed/extract_error"] == 1
    assert result.db["articles"].count == len(ARTICLE_SLUGS) - 1
    assert result.last_run()["pages_failed"] == 2  # the exception and the 404


def test_default_database_is_newsdesk_db_in_the_working_directory(site_server, tmp_path):
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "start_urls=" + site_server.url("/post/rail-strike-called-off"),
         "-s", "AUTOTHROTTLE_ENABLED=False"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "newsdesk.db").exists()
