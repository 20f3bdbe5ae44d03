"""The hostile web (issue 7): bad pages, bombs, traps and bad servers, crawled for real on loopback.

Each group of cases is one `scrapy crawl` over many /bad/ routes of the test site server
(tests/badsite.py); each case is then its own parametrized test on that crawl's database, log and
the server's request log, so one failing case does not hide the others. Every skip or failure
is logged as "<url>: <detail> (newsdesk/<skipped|failed>/<reason>)"; ``reasons()`` reads that back.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from .badsite import AUTHOR, SENTENCE, TITLE
from .conftest import FAST, ROOT, run_crawl

_REASON = re.compile(r"(?:Skipped|Request failed on|Extraction failed on) (\S+): .*\((newsdesk/[a-z0-9_/]+)\)\s*$")


def reasons(log: str, url_part: str) -> set[str]:
    """The newsdesk/... keys logged for requests whose URL contains ``url_part``."""
    found = set()
    for line in log.splitlines():
        match = _REASON.search(line)
        if match and url_part in match.group(1):
            found.add(match.group(2))
    return found


def hits(server, path: str | None = None, prefix: str | None = None):
    """Request times the site server recorded for ``path`` (list), or for every path under ``prefix`` (dict)."""
    query = urllib.parse.urlencode({"prefix": prefix} if prefix else {"path": path})
    with urllib.request.urlopen(f"{server.base}/bad/_hits?{query}", timeout=10) as answer:
        found = json.loads(answer.read())
    if isinstance(found, dict):
        found = {p: t for p, t in found.items() if not p.startswith("/bad/_hits")}
    return found


def article(result, url: str) -> dict | None:
    rows = list(result.db.query("select * from articles where url = ?", [url]))
    return rows[0] if rows else None


# --------------------------------------------------------------------------- pages

CHARSET = ["cp1252-as-utf8", "meta-disagrees-utf8", "meta-disagrees-cp1252", "bom", "utf16", "utf16-unlabelled",
           "undeclared-utf8", "undeclared-cp1252", "mojibake-jsonld", "mojibake-jsonld-escaped"]
STORED_MARKUP = ["unclosed", "nested-html", "octet-stream"]
SKIPPED_MARKUP = {
    "garbage": "newsdesk/skipped/binary_body",
    "empty": "newsdesk/skipped/empty_page",
    "zero": "newsdesk/skipped/empty_page",
    "huge": "newsdesk/skipped/too_large",
    "huge-chunked": "newsdesk/skipped/too_large",
}
META = ["jsonld-broken", "jsonld-deep", "date-zero", "date-impossible", "readtime-huge"]


@pytest.fixture(scope="module")
def pages(site_server, tmp_path_factory):
    paths = ([f"/bad/charset/{c}" for c in CHARSET] + [f"/bad/markup/{c}" for c in [*STORED_MARKUP, *SKIPPED_MARKUP]]
             + [f"/bad/meta/{c}" for c in META] + ["/bad/bomb/page"])
    started = time.monotonic()
    result = run_crawl([site_server.url(p) for p in paths], tmp_path_factory.mktemp("pages") / "pages.db")
    result.seconds = time.monotonic() - started
    assert result.returncode == 0, result.log[-3000:]
    return result


@pytest.mark.parametrize("case", CHARSET)
def test_charset_trouble_comes_out_readable(pages, site_server, case):
    row = article(pages, site_server.url(f"/bad/charset/{case}"))
    assert row is not None, reasons(pages.log, case)
    assert row["title"] == TITLE
    assert SENTENCE in row["body"]
    assert json.loads(row["authors"]) == [AUTHOR]


@pytest.mark.parametrize("case", STORED_MARKUP)
def test_broken_markup_is_still_an_article(pages, site_server, case):
    row = article(pages, site_server.url(f"/bad/markup/{case}"))
    assert row is not None, reasons(pages.log, case)
    assert row["title"] == TITLE
    assert SENTENCE in row["body"]


@pytest.mark.parametrize("case, key", SKIPPED_MARKUP.items())
def test_pages_that_are_no_pages_are_skipped_and_counted(pages, case, key):
    assert reasons(pages.log, f"/bad/markup/{case}") == {key}


def test_page_counts_are_in_the_stats_and_the_run(pages):
    stats = pages.stats()
    assert stats["newsdesk/skipped/binary_body"] == 1
    assert stats["newsdesk/skipped/empty_page"] == 2
    assert stats["newsdesk/skipped/too_large"] == 3  # 50 MB with and without Content-Length, the gzip bomb
    run = pages.last_run()
    assert run["pages_skipped"] >= 6
    assert run["articles_stored"] == len(CHARSET) + len(STORED_MARKUP) + len(META)


def test_a_gzip_bomb_page_is_dropped_at_the_size_limit(pages):
    assert reasons(pages.log, "/bad/bomb/page") == {"newsdesk/skipped/too_large"}
    assert "exceeded DOWNLOAD_MAXSIZE (16777216 B) during decompression" in pages.log


def test_huge_pages_cost_little_time(pages):
    # 50 MB are refused from the Content-Length, or cut at DOWNLOAD_MAXSIZE; the 4 GiB bomb at 16 MiB.
    assert pages.seconds < 60


@pytest.mark.parametrize("case", META)
def test_malformed_metadata_fails_field_by_field(pages, site_server, case):
    row = article(pages, site_server.url(f"/bad/meta/{case}"))
    assert row is not None, reasons(pages.log, case)
    assert row["title"] == TITLE
    assert SENTENCE in row["body"]


@pytest.mark.parametrize(
    "case, field, raw",
    [("date-zero", "published", "0000-00-00"), ("date-zero", "modified", "0000-00-00T00:00:00"),
     ("date-impossible", "published", "2025-13-45"), ("date-impossible", "modified", "2025-02-30T25:61:00")],
)
def test_impossible_dates_keep_the_raw_string_and_no_value(pages, site_server, case, field, raw):
    row = article(pages, site_server.url(f"/bad/meta/{case}"))
    assert row[f"{field}_raw"] == raw
    assert row[f"{field}_at"] is None


def test_an_absurd_read_time_is_not_taken(pages, site_server):
    row = article(pages, site_server.url("/bad/meta/readtime-huge"))
    assert row["read_time_raw"] == "9999999 min read"
    assert row["read_time_minutes"] != 9999999
    assert row["published_at"] is not None  # the other fields are unaffected


# --------------------------------------------------------------------------- discovery


@pytest.fixture(scope="module")
def secret(tmp_path_factory, site_server):
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    path.write_text(f"{site_server.base}/bad/article/LEAKED-local-file-content\n")
    return path


@pytest.fixture(scope="module")
def discovery(site_server, secret, tmp_path_factory):
    paths = ["/bad/sitemap/laughs.xml", f"/bad/sitemap/xxe.xml?file={secret}", "/bad/sitemap/self.xml",
             "/bad/sitemap/deep/1.xml", "/bad/bomb/sitemap.xml.gz", "/bad/bomb/encoded-sitemap.xml",
             "/bad/feed/broken.xml", "/bad/feed/garbage.xml"]
    started = time.monotonic()
    result = run_crawl([site_server.url(p) for p in paths], tmp_path_factory.mktemp("discovery") / "d.db")
    result.seconds = time.monotonic() - started
    assert result.returncode == 0, result.log[-3000:]
    return result


def stored_urls(result) -> set[str]:
    return {r["url"] for r in result.db.query("select url from articles")}


def test_billion_laughs_is_not_expanded(discovery, site_server):
    # libxml2 (entities unresolved) stops reading the sitemap at the reference to the bomb: the URLs
    # before it are crawled, the rest of that sitemap is lost, nothing is expanded.
    urls = stored_urls(discovery)
    assert site_server.url("/bad/article/laughs-1") in urls
    assert not any("lol" in u for u in urls if "laughs-" not in u)
    assert not hits(site_server, prefix="/bad/article/lol")
    assert discovery.seconds < 60


def test_external_entities_do_not_read_the_local_file(discovery, site_server):
    assert site_server.url("/bad/article/xxe-ok") in stored_urls(discovery)
    assert not hits(site_server, prefix="/bad/article/LEAKED")
    assert not hits(site_server, prefix="/bad/article/xxe-/bad")
    assert "LEAKED" not in discovery.log


def test_a_sitemap_index_listing_itself_is_read_once(discovery, site_server):
    assert len(hits(site_server, "/bad/sitemap/self.xml")) == 1
    assert site_server.url("/bad/article/self-1") in stored_urls(discovery)
    assert reasons(discovery.log, "/bad/sitemap/self.xml") == {"newsdesk/skipped/sitemap_loop"}


def test_endlessly_nested_sitemap_indexes_stop_at_the_depth_limit(discovery, site_server):
    fetched = hits(site_server, prefix="/bad/sitemap/deep/")
    assert sorted(fetched) == [f"/bad/sitemap/deep/{n}.xml" for n in (1, 2, 3, 4)]
    assert reasons(discovery.log, "/bad/sitemap/deep/5.xml") == {"newsdesk/skipped/sitemap_too_deep"}


@pytest.mark.parametrize("path", ["/bad/bomb/sitemap.xml.gz", "/bad/bomb/encoded-sitemap.xml"])
def test_a_gzip_bomb_sitemap_is_dropped_at_the_size_limit(discovery, path):
    assert reasons(discovery.log, path) == {"newsdesk/skipped/too_large"}


def test_broken_rss_gives_the_items_before_the_break(discovery, site_server):
    urls = stored_urls(discovery)
    assert {site_server.url("/bad/article/feed-1"), site_server.url("/bad/article/feed-2")} <= urls


def test_an_unreadable_feed_is_counted(discovery):
    assert reasons(discovery.log, "/bad/feed/garbage.xml") == {"newsdesk/skipped/empty_feed"}


def peak_rss_mib(cmd: list[str]) -> tuple[float, int, str]:
    """Run ``cmd`` and return its peak resident memory (MiB, from wait4), exit status and output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as process:
        output = process.stdout.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, process.returncode, output


def crawl_cmd(start: str, db, *settings: str) -> list[str]:
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"start_urls={start}"]
    for setting in (*FAST, f"NEWSDESK_DB={db}", *settings):
        cmd += ["-s", setting]
    return cmd


def test_a_sitemap_of_100000_urls_keeps_memory_bounded(site_server, tmp_path):
    """Peak memory of a crawl of a 100,000-URL sitemap against one of 1,000 (both stopped after 30 pages)."""
    small, status, _ = peak_rss_mib(crawl_cmd(site_server.url("/bad/sitemap/many.xml?n=1000"), tmp_path / "s.db",
                                              "CLOSESPIDER_PAGECOUNT=30"))
    assert status == 0
    big, status, log = peak_rss_mib(crawl_cmd(site_server.url("/bad/sitemap/many.xml?n=100000"), tmp_path / "b.db",
                                              "CLOSESPIDER_PAGECOUNT=30"))
    assert status == 0, log[-2000:]
    assert "Scheduling 1000 URLs listed by sitemaps (99000 more waiting)" in log
    # As Requests in Scrapy's memory queue these URLs cost ~360 MiB; waiting on disk, the sitemap's own bytes.
    assert big - small < 64, (small, big)


# --------------------------------------------------------------------------- traps


@pytest.fixture(scope="module")
def traps(site_server, tmp_path_factory):
    paths = ["/bad/calendar/2025/6", "/bad/variants", "/bad/links/offsite", "/bad/redirect/loop-a",
             "/bad/redirect/chain/0", "/bad/redirect/offsite",
             *(f"/bad/redirect/scheme/{s}" for s in ("file", "ftp", "javascript", "data"))]
    result = run_crawl([site_server.url(p) for p in paths], tmp_path_factory.mktemp("traps") / "t.db",
                       "NEWSDESK_MAX_HOPS=2")
    assert result.returncode == 0, result.log[-3000:]
    return result


def test_an_endless_calendar_is_cut_at_the_hop_limit(traps, site_server):
    months = {p.split("?")[0] for p in hits(site_server, prefix="/bad/calendar/")}
    assert months == {f"/bad/calendar/{m}" for m in ("2025/6", "2025/5", "2025/7", "2025/4", "2025/8")}
    assert len(hits(site_server, prefix="/bad/calendar/")) < 100
    assert traps.stats()["newsdesk/limited/max_hops"] > 0


def test_url_variants_of_one_article_store_it_once(traps, site_server):
    rows = list(traps.db.query("select url, canonical_url from articles where url like ?",
                               [site_server.url("/bad/article/same") + "%"]))
    assert len(rows) == 1
    assert rows[0]["canonical_url"] == site_server.url("/bad/article/same")
    fetched = hits(site_server, prefix="/bad/article/same")
    assert not [p for p in fetched if "utm_" in p or "fbclid" in p or "ref=" in p]  # tracking parameters dropped
    assert traps.stats()["newsdesk/skipped/duplicate"] == 2  # ?sessionid=1 and =2: same canonical


def test_links_to_other_hosts_are_not_followed(traps, site_server):
    assert site_server.url("/bad/article/onsite-link") in stored_urls(traps)
    assert not hits(site_server, "/bad/article/offsite-link")  # only reachable as http://localhost:<port>/...
    assert not hits(site_server, "/bad/article/offsite-2")


@pytest.mark.parametrize(
    "path, key",
    [
        ("/bad/redirect/loop", "newsdesk/skipped/redirect_loop"),
        ("/bad/redirect/chain/", "newsdesk/skipped/redirect_limit"),
        ("/bad/redirect/offsite", "newsdesk/skipped/redirect_offsite"),
        ("/bad/redirect/scheme/file", "newsdesk/skipped/redirect_bad_scheme"),
        ("/bad/redirect/scheme/ftp", "newsdesk/skipped/redirect_bad_scheme"),
        ("/bad/redirect/scheme/javascript", "newsdesk/skipped/redirect_bad_scheme"),
        ("/bad/redirect/scheme/data", "newsdesk/skipped/redirect_bad_scheme"),
    ],
)
def test_bad_redirects_are_skipped_with_their_reason(traps, path, key):
    assert reasons(traps.log, path) == {key}


def test_redirect_traps_end_quickly(traps, site_server):
    assert len(hits(site_server, prefix="/bad/redirect/chain/")) == 11  # REDIRECT_MAX_TIMES = 10
    assert len(hits(site_server, "/bad/redirect/loop-a")) == 1
    assert not hits(site_server, "/bad/article/offsite")
    assert "root:" not in traps.log  # file:///etc/passwd was never read


# --------------------------------------------------------------------------- servers


@pytest.fixture(scope="module")
def servers(site_server, tmp_path_factory):
    token = str(time.time_ns())
    paths = ["/bad/server/hang", "/bad/server/drip", "/bad/server/reset", f"/bad/server/flaky/{token}",
             f"/bad/server/429/{token}?after=2", f"/bad/server/503/{token}?after=1&date=1",
             f"/bad/server/429/{token}-long?after=3600"]
    started = time.monotonic()
    result = run_crawl([site_server.url(p) for p in paths], tmp_path_factory.mktemp("servers") / "s.db",
                       "DOWNLOAD_TIMEOUT=2", "RETRY_TIMES=1", "NEWSDESK_RETRY_AFTER_MAX=5")
    result.seconds = time.monotonic() - started
    result.token = token
    assert result.returncode == 0, result.log[-3000:]
    return result


@pytest.mark.parametrize(
    "path, key",
    [("/bad/server/hang", "newsdesk/failed/timeout"), ("/bad/server/drip", "newsdesk/failed/timeout"),
     ("/bad/server/reset", "newsdesk/failed/connection_lost")],
)
def test_a_bad_server_fails_the_request_not_the_crawl(servers, path, key):
    assert reasons(servers.log, path) == {key}


def test_bad_servers_cost_only_their_timeouts(servers):
    assert servers.seconds < 45  # 2 tries x DOWNLOAD_TIMEOUT=2 s, Retry-After waits of 2 s and 1 s


def test_500_then_200_is_retried_and_stored(servers, site_server):
    path = f"/bad/server/flaky/{servers.token}"
    assert article(servers, site_server.url(path)) is not None
    assert len(hits(site_server, path)) == 2


@pytest.mark.parametrize(
    "path, wait", [("/bad/server/429/{token}?after=2", 2), ("/bad/server/503/{token}?after=1&date=1", 1)]
)
def test_retry_after_is_honoured(servers, site_server, path, wait):
    path = path.format(token=servers.token)
    assert article(servers, site_server.url(path)) is not None
    first, second = hits(site_server, path)
    assert second - first >= wait - 0.1


def test_retry_after_beyond_the_cap_is_given_up_at_once(servers, site_server):
    path = f"/bad/server/429/{servers.token}-long?after=3600"
    assert len(hits(site_server, path)) == 1  # no immediate retry hammering the server either
    assert reasons(servers.log, f"{servers.token}-long") == {"newsdesk/failed/http_429"}
    stats = servers.stats()
    assert stats["newsdesk/retry_after/over_cap"] == 1
    assert stats["newsdesk/retry_after/honoured"] == 2


# --------------------------------------------------------------------------- the demo stays clean


def test_the_demo_crawl_never_wanders_into_bad_routes(tmp_path):
    from .conftest import start_site_server, stop_site_server

    server = start_site_server()
    try:
        result = run_crawl([server.url(p) for p in ("/robots.txt", "/", "/feed.xml")], tmp_path / "demo.db")
        assert result.returncode == 0
        assert hits(server, prefix="/bad/") == {}
    finally:
        stop_site_server(server)
