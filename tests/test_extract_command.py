"""`scrapy extract FILE_OR_URL [--explain]`: the real command in a subprocess, on a file and on the demo site."""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crawler.extract import pagetype

from .conftest import ROOT, SITE, run_scrapy

FAST = ("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0")
POST = "/post/rail-strike-called-off"
TITLE = "Rail strike called off after last-minute pay deal"
GOLDEN = ROOT / "tests" / "golden" / "ghost.html"
PAGE_RULES = [r.name for r in (pagetype.NOT_AN_ARTICLE, pagetype.TOO_SHORT, pagetype.UNTITLED_UNTYPED)]


def extract(*args: str):
    done = run_scrapy("extract", *args, *FAST, timeout=60)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_a_file_is_printed_as_the_stored_article_and_the_choices_are_said():
    done = extract(str(GOLDEN), "--url", "https://golden.example/ghost", "--fetched-at", "2025-12-01T12:00:00+00:00")
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    assert article["title"] == "The quiet return of the night train"
    assert article["url"] == "https://golden.example/ghost"
    assert article["fetched_at"] == "2025-12-01T12:00:00+00:00"
    assert article["published_at"] == "2025-02-03T07:00:00+00:00"  # normalised, as the crawl stores it
    assert len(article["content_hash"]) == 64
    assert "read as the page of https://golden.example/ghost" in done.stderr and "(as given)" in done.stderr


def test_a_file_without_options_is_its_own_file_url_fetched_when_written(tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(GOLDEN.read_bytes()))
    done = extract(str(page))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["url"] == page.resolve().as_uri()
    assert "the file's modification time" in done.stderr


def test_a_url_is_fetched_and_explain_names_the_rule_of_each_template_block(site_server):
    done = extract(site_server.url(POST), "--explain")
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    assert article["title"] == TITLE and article["url"] == site_server.url(POST)
    assert "Facebook" not in article["body"]
    lines = done.stderr.splitlines()
    assert "template vocabulary:" in lines
    assert "  drop template-word [share]: <div share-tools> 20 chars: 'FacebookTwitterEmail'" in lines
    assert any(line.startswith("  drop structural-tag: <nav main-navigation>") for line in lines)


def test_a_page_that_is_no_article_prints_null_and_says_why(site_server):
    done = extract(site_server.url("/"))
    assert done.returncode == 1
    assert done.stdout.strip() == "null"
    said = done.stderr.strip()
    assert "not an article (" in said and any(f"({name}: " in said for name in PAGE_RULES)
    assert said.endswith("]") if "(not-an-article: " in said else said.endswith(")")


@pytest.mark.parametrize("path, said", [
    ("/private/page", "Forbidden by robots.txt"),
    ("/no-such-page", "HTTP 404"),
    ("/robots.txt", "not an HTML page (Content-Type text/plain"),
])
def test_a_url_that_gives_no_page_is_one_line_and_exit_1(site_server, path, said):
    done = extract(site_server.url(path))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and said in done.stderr


def test_an_unreachable_url_is_one_line_and_exit_1():
    done = extract("http://127.0.0.1:1/story")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "refused" in done.stderr


@pytest.mark.parametrize("make, said", [
    (lambda tmp: tmp / "missing.html", "no such file"),
    (lambda tmp: tmp, "a directory, not a page"),
    (lambda tmp: (tmp / "data.json").write_text('{"a": 1}') and tmp / "data.json", "not an HTML page"),
    (lambda tmp: (tmp / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20) and tmp / "image.html",
     "binary data"),
])
def test_a_bad_file_is_one_line_and_exit_1(tmp_path, make, said):
    done = extract(str(make(tmp_path)))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and said in done.stderr


def test_a_bad_fetch_time_is_one_line_and_exit_1():
    done = extract(str(GOLDEN), "--fetched-at", "yesterday")
    assert done.returncode == 1 and "not an ISO 8601 time" in done.stderr.splitlines()[-1]


def test_a_setting_that_does_not_parse_stops_it_with_exit_2():
    done = extract(str(GOLDEN), "-s", "NEWSDESK_EXTRACTOR=no.such.module.fn")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines()[-1].startswith("scrapy extract: bad setting NEWSDESK_EXTRACTOR=")


def test_an_unknown_setting_name_is_warned_about_with_the_nearest_known_one():
    done = extract(str(GOLDEN), "--url", "https://golden.example/ghost", "-s", "NEWSDESK_EXTRACTORS=x")
    assert done.returncode == 0
    assert "NEWSDESK_EXTRACTOR" in next(line for line in done.stderr.splitlines() if "warning" in line)


class _Recorder(BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).agents.append(self.headers.get("User-Agent", ""))
        body = (SITE / "post" / "rail-strike-called-off.html").read_bytes().replace(b"{{BASE}}", b"http://x.test")
        if self.path == "/robots.txt":
            body = b"User-agent: *\nDisallow:\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


def test_the_fetch_uses_the_projects_settings_such_as_the_user_agent():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        done = extract(f"http://127.0.0.1:{server.server_address[1]}/story", "-s", "USER_AGENT=newsdesk-test/1.0")
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["title"] == TITLE
    assert _Recorder.agents and set(_Recorder.agents) == {"newsdesk-test/1.0"}  # robots.txt and the page
