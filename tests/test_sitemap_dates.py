"""What a sitemap says about a page: read from it (hostile input), carried with the request, used
where the page states nothing, and weighed against what the page states."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawler.discover import sitemap_entries
from crawler.items import PUBLISHED_SOURCES, Article
from crawler.sitemap_dates import SITEMAP_META, sitemap_meta, use_sitemap_evidence

from .badsite import NEWS_SITEMAP_CASES, NEWS_SITEMAP_GOOD_DATE
from .conftest import run_crawl

FETCHED = datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc)
NEWS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
    b"<url><loc> https://a.org/one </loc><lastmod>2025-03-11T16:00:00Z</lastmod>"
    b"<news:news><news:publication><news:name>A</news:name><news:language>en</news:language></news:publication>"
    b"<news:publication_date>2025-03-10T08:15:00+01:00</news:publication_date>"
    b"<news:title>Ferry  timetable\n changes</news:title></news:news></url>"
    b"<url><loc>https://a.org/two</loc></url>"
    b"</urlset>"
)


def entries(body: bytes) -> tuple[str | None, list[dict]]:
    kind, found = sitemap_entries(body)
    return kind, list(found)


# --------------------------------------------------------------------------- reading the sitemap


def test_a_news_sitemap_gives_publication_date_title_and_lastmod():
    assert entries(NEWS) == ("urlset", [
        {"loc": "https://a.org/one", "lastmod": "2025-03-11T16:00:00Z",
         "news_publication_date": "2025-03-10T08:15:00+01:00", "news_title": "Ferry timetable changes"},
        {"loc": "https://a.org/two"},
    ])


def test_a_sitemap_index_gives_its_sitemaps():
    body = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.org/s1.xml'
            b"</loc><lastmod>2025-03-12</lastmod></sitemap></sitemapindex>")
    assert entries(body) == ("sitemapindex", [{"loc": "https://a.org/s1.xml", "lastmod": "2025-03-12"}])


@pytest.mark.parametrize("body", [b"", b"\x00\xff garbage", b"not xml at all", b"<html><body>hi</body></html>"])
def test_what_is_no_sitemap_gives_no_entries(body):
    kind, found = entries(body)
    assert kind not in ("urlset", "sitemapindex") and found == []


@pytest.mark.parametrize("held, expected", [
    ("<news:publication_date>2025-03-03" + "0" * 1000 + "</news:publication_date>", {}),  # dropped whole, not cut
    ("<news:title>" + "A" * 5000 + "</news:title>", {}),
    ("<news:publication><news:publication_date>2025-03-03</news:publication_date></news:publication>", {}),
    ("<news:title>Mayor <b>resigns</b></news:title>", {"news_title": "Mayor"}),  # markup inside: its text before
])
def test_sitemap_values_out_of_bounds_or_place_are_dropped(held, expected):
    body = (f'<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://a.org/x</loc>'
            f"<news:news>{held}</news:news></url></urlset>").encode()
    assert entries(body) == ("urlset", [{"loc": "https://a.org/x", **expected}])


def test_entities_in_a_news_sitemap_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("2025-01-01")
    body = (f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            f'<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://a.org/x</loc>'
            f"<news:news><news:publication_date>&xxe;</news:publication_date><news:title>T&xxe;</news:title>"
            f"</news:news></url></urlset>").encode()
    kind, found = entries(body)
    assert found == [{"loc": "https://a.org/x", "news_title": "T"}]


def test_sitemap_meta_is_plain_strings_and_only_what_the_entry_gives():
    assert sitemap_meta({"loc": "https://a.org/x"}) == {}
    assert sitemap_meta({"loc": "https://a.org/x", "lastmod": "2025-03-11", "news_title": "T"}) == {
        SITEMAP_META: {"lastmod": "2025-03-11", "title": "T"}}


# --------------------------------------------------------------------------- using it


def article(**fields) -> Article:
    return Article(url="https://a.org/x", title="A title", fetched_at=FETCHED, **fields)


def test_the_sitemap_date_is_taken_where_the_page_states_none():
    art = article()
    keys = use_sitemap_evidence(art, {"published": "2025-03-10T08:15:00+01:00"}, FETCHED)
    assert (art.published_raw, art.published_source) == ("2025-03-10T08:15:00+01:00", "sitemap")
    assert keys == ["newsdesk/sitemap/date_used"]
    assert art.published_source in PUBLISHED_SOURCES


def test_the_sitemap_date_is_taken_where_the_pages_date_does_not_read():
    art = article(published_raw="Share this article")
    use_sitemap_evidence(art, {"published": "2025-03-10"}, FETCHED)
    assert (art.published_raw, art.published_source) == ("2025-03-10", "sitemap")


@pytest.mark.parametrize("said", ["0000-00-00", "2099-01-01", "yesterday-ish", "3 hours ago"])
def test_a_sitemap_date_that_does_not_read_is_not_taken(said):
    art = article()
    keys = use_sitemap_evidence(art, {"published": said}, None if said == "3 hours ago" else FETCHED)
    assert (art.published_raw, art.published_source, keys) == (None, None, [])


@pytest.mark.parametrize("source, raw", [("htmldate", "2019-01-01"), ("url", "2025-03-09")])
def test_the_sitemap_date_outweighs_a_urls_day_and_htmldates_guess(source, raw):
    art = article(published_raw=raw, published_source=source)
    keys = use_sitemap_evidence(art, {"published": "2025-03-10T08:15:00+01:00"}, FETCHED)
    assert (art.published_raw, art.published_source, keys) == (
        "2025-03-10T08:15:00+01:00", "sitemap", ["newsdesk/sitemap/date_used"])


def test_the_pages_own_date_stands_and_a_disagreement_is_counted():
    art = article(published_raw="2025-03-05T09:00:00+00:00", published_source="jsonld")
    keys = use_sitemap_evidence(art, {"published": "2025-02-01T10:00:00+00:00"}, FETCHED)
    assert (art.published_raw, art.published_source) == ("2025-03-05T09:00:00+00:00", "jsonld")
    assert keys == ["newsdesk/sitemap/date_disagrees"]


@pytest.mark.parametrize("page, sitemap", [
    ("2025-03-05T23:30:00-05:00", "2025-03-06T04:30:00Z"),  # the same instant in two offsets
    ("2025-03-05", "2025-03-05T18:00:00+01:00"),  # a bare day and a time that day
])
def test_dates_within_a_day_agree(page, sitemap):
    assert use_sitemap_evidence(article(published_raw=page), {"published": sitemap}, FETCHED) == []


def test_a_publication_date_after_lastmod_is_counted_and_lastmod_is_never_the_date():
    art = article(published_raw="2025-03-05T09:00:00+00:00")
    assert use_sitemap_evidence(art, {"lastmod": "2025-03-01T10:00:00Z"}, FETCHED) == [
        "newsdesk/sitemap/published_after_lastmod"]
    undated = article()
    assert use_sitemap_evidence(undated, {"lastmod": "2025-03-01T10:00:00Z"}, FETCHED) == []
    assert undated.published_raw is None


def test_the_sitemap_title_is_taken_only_where_the_page_has_none():
    titled, untitled = article(), Article(url="https://a.org/y", fetched_at=FETCHED)
    assert use_sitemap_evidence(titled, {"title": "Other"}, FETCHED) == []
    assert use_sitemap_evidence(untitled, {"title": "Ferry timetable changes"}, FETCHED) == ["newsdesk/sitemap/title_used"]
    assert (titled.title, untitled.title) == ("A title", "Ferry timetable changes")


# --------------------------------------------------------------------------- a crawl


@pytest.fixture(scope="module", params=["backlog", "jobdir"])
def wire(request, site_server, tmp_path_factory):
    """A crawl of the Google News sitemap of tests/site/wire/, whose pages state no date but one.
    Through the sitemap backlog on disk (JSON), or with JOBDIR through Scrapy's disk queue."""
    folder = tmp_path_factory.mktemp("wire")
    settings = [f"JOBDIR={folder / 'job'}"] if request.param == "jobdir" else []
    result = run_crawl([site_server.url("/sitemaps/wire-news.xml")], folder / "wire.db", *settings)
    assert result.returncode == 0, result.log[-3000:]
    return result


def stored(result, site_server, slug: str) -> dict:
    return result.db["articles"].get(site_server.url(f"/wire/{slug}"))


def test_a_crawl_dates_undated_pages_from_their_news_sitemap(wire, site_server):
    ferry = stored(wire, site_server, "ferry-timetable-changes")
    assert (ferry["published_raw"], ferry["published_at"], ferry["published_source"]) == (
        "2025-03-10T08:15:00+01:00", "2025-03-10T08:15:00+01:00", "sitemap")
    library = stored(wire, site_server, "library-extends-opening-hours")
    assert (library["published_at"], library["published_source"]) == ("2025-03-11T00:00:00", "sitemap")
    assert wire.stats()["newsdesk/sitemap/date_used"] == 2


def test_a_crawl_keeps_the_pages_own_date_and_counts_the_sitemaps_disagreement(wire, site_server):
    bridge = stored(wire, site_server, "bridge-repairs-finish-early")
    assert (bridge["published_at"], bridge["published_source"]) == ("2025-03-05T09:00:00+00:00", "jsonld")
    stats = wire.stats()
    assert stats["newsdesk/sitemap/date_disagrees"] == 1
    assert stats["newsdesk/sitemap/published_after_lastmod"] == 1


def test_a_hostile_news_sitemap_gives_no_bad_date_and_the_crawl_goes_on(site_server, tmp_path):
    result = run_crawl([site_server.url("/bad/sitemap/news.xml")], tmp_path / "bad.db")
    assert result.returncode == 0, result.log[-3000:]
    rows = {r["url"].rsplit("/", 1)[1]: r for r in result.db.query("select * from articles")}
    assert set(rows) == set(NEWS_SITEMAP_CASES)  # every listed page stored, the entry without a loc skipped
    good = rows.pop("good")
    assert (good["published_raw"], good["published_source"]) == (NEWS_SITEMAP_GOOD_DATE, "sitemap")
    assert rows.pop("huge-title")["title"] == "Undated huge-title"  # the page's title, not a megabyte of A
    for name, row in rows.items():
        assert (row["published_raw"], row["published_at"], row["published_source"]) == (None, None, None), name
    assert "root:" not in result.log  # /etc/passwd was not read
    assert result.stats()["newsdesk/sitemap/date_used"] == 2  # good and huge-title (its date is fine)


def test_published_source_is_a_column_of_an_upgraded_database(tmp_path):
    import sqlite3

    from pipelines import schema

    path = tmp_path / "v1.db"
    con = sqlite3.connect(path)
    con.executescript((Path(__file__).parent / "fixtures" / "v1-schema.sql").read_text())
    con.close()
    db = schema.open_database(str(path))
    assert "m005_published_source" in {m.name for m in schema.migrations.applied(db)}
    assert [r["published_source"] for r in db["articles"].rows] == [None, None]

