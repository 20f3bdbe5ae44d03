"""An hourly cron job can trust the commands (issue 15): a failure exits non-zero with one clear line
on stderr and no traceback, and `scrapy crawl` records why in crawl_runs.finish_reason.

Every case is the real command in a subprocess.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3

import pytest

from crawler import outcome

from .conftest import FAST, ROOT, read_only, run_scrapy

DEMO_ARTICLE = "/post/rail-strike-called-off"


@pytest.fixture(scope="module")
def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then let go)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def crawl(tmp_path, *args: str):
    """`scrapy crawl news <args>` into tmp_path/c.db; the output (stderr then stdout) as lines."""
    cmd = ["crawl", "news", *args]
    for setting in (*FAST, f"NEWSDESK_DB={tmp_path / 'c.db'}"):
        cmd += ["-s", setting]
    done = run_scrapy(*cmd)
    return done, (done.stderr + done.stdout).splitlines()


def finish_reason(tmp_path) -> str:
    with sqlite3.connect(tmp_path / "c.db") as conn:
        return conn.execute("select finish_reason from crawl_runs order by id desc limit 1").fetchone()[0]


# ---------------------------------------------------------------------- bad usage: status 2, one line, nothing done
@pytest.mark.parametrize(
    "args, line",
    [
        (("-a", "start_urls=not-a-url"), "start URL 'not-a-url' is not an http(s) URL; nothing was crawled"),
        (("-a", "start_urls=example.com/news"),
         "start URL 'example.com/news' has no scheme: did you mean https://example.com/news?; nothing was crawled"),
        (("-a", "start_urls=ftp://example.com/"), "start URL 'ftp://example.com/' is not an http(s) URL; nothing was crawled"),
        (("-a", "start_url=http://127.0.0.1:1/"),
         "no start URLs: run with -a start_urls=URL[,URL...] (-a start_url is not one of its arguments); nothing was crawled"),
        ((), "no start URLs: run with -a start_urls=URL[,URL...]; nothing was crawled"),
        (("-a", "start_urls="), "no start URLs: run with -a start_urls=URL[,URL...]; nothing was crawled"),
        (("-a", "start_urls=http://127.0.0.1:1/", "-s", "NEWSDESK_MAX_HOPS=two"),
         "bad setting NEWSDESK_MAX_HOPS='two': not a whole number; nothing was done"),
        (("-a", "start_urls=http://127.0.0.1:1/", "-s", "NEWSDESK_INCREMENTAL=maybe"),
         "bad setting NEWSDESK_INCREMENTAL='maybe': not True or False; nothing was done"),
        (("-a", "start_urls=http://127.0.0.1:1/", "-s", "NEWSDESK_BATCH_SIZE=0"),
         "bad setting NEWSDESK_BATCH_SIZE='0': must be at least 1; nothing was done"),
        (("-a", "start_urls=http://127.0.0.1:1/", "-s", "NEWSDESK_EXTRACTOR=crawler.extract.no_such_function"),
         "bad setting NEWSDESK_EXTRACTOR='crawler.extract.no_such_function': no such function or class to import; "
         "nothing was done"),
        (("-a", "start_urls=http://127.0.0.1:1/", "-s", "DOWNLOAD_TIMEOUT=soon"),
         "bad setting DOWNLOAD_TIMEOUT='soon': not a number; nothing was done"),
    ],
    ids=["not-a-url", "no-scheme", "ftp", "start_url-typo", "no-arguments", "empty", "max-hops-two", "bool-maybe",
         "batch-zero", "extractor-missing", "timeout-soon"],
)
def test_bad_usage_exits_2_with_one_line_before_anything_starts(tmp_path, args, line):
    done, lines = crawl(tmp_path, *args)
    assert done.returncode == outcome.EXIT_USAGE
    assert lines == [f"scrapy crawl: {line}"]
    assert not (tmp_path / "c.db").exists()  # no run recorded, the database not even created


@pytest.mark.parametrize(
    "args, line",
    [
        (("report", "--format", "xml"), "scrapy report: argument --format: invalid choice: 'xml' (choose from 'md', "
                                        "'markdown', 'html', 'json', 'atom') (scrapy report -h lists the options)"),
        (("report", "--bogus"), "scrapy report: unexpected argument '--bogus' (scrapy report -h lists the options)"),
        (("export", "--format", "xml"), "scrapy export: argument --format: invalid choice: 'xml' (choose from "
                                        "'jsonl', 'csv', 'parquet') (scrapy export -h lists the options)"),
        (("export", "out"), "scrapy export: unexpected argument 'out' (scrapy export -h lists the options)"),
        (("extract", "--nope", "page.html"),
         "scrapy extract: unexpected argument '--nope' (scrapy extract -h lists the options)"),
        (("extract",), "scrapy extract: give one file or URL (scrapy extract -h lists the options)"),
        (("crawl", "news", "--bogus"), "scrapy crawl: unexpected argument '--bogus': scrapy crawl news -a "
                                       "start_urls=URL[,URL...] (scrapy crawl -h lists the options)"),
        (("crawl", "news", "-a"), "scrapy crawl: argument -a: expected one argument (scrapy crawl -h lists the options)"),
    ],
    ids=["report-format", "report-option", "export-format", "export-argument", "extract-option", "extract-nothing",
         "crawl-option", "crawl-a-alone"],
)
def test_a_bad_option_is_one_line_and_status_2_without_the_usage_block(tmp_path, args, line):
    done = run_scrapy(*args, "-s", f"NEWSDESK_DB={tmp_path / 'none.db'}")
    assert done.returncode == outcome.EXIT_USAGE
    assert done.stderr.splitlines() == [line]
    assert done.stdout == ""
    assert not (tmp_path / "none.db").exists()


def test_an_unknown_spider_is_bad_usage(tmp_path):
    done = run_scrapy("crawl", "nwes", "-a", "start_urls=http://127.0.0.1:1/")
    assert done.returncode == outcome.EXIT_USAGE
    assert (done.stderr + done.stdout).splitlines() == ["scrapy crawl: no spider named 'nwes' (spiders: news)"]


def test_an_unknown_newsdesk_setting_is_warned_with_the_nearest_name(site_server, tmp_path):
    done, lines = crawl(tmp_path, "-a", f"start_urls={site_server.url(DEMO_ARTICLE)}", "-s", "NEWSDESK_MAX_HOP=1")
    assert done.returncode == outcome.EXIT_OK, lines[-30:]
    assert "scrapy crawl: warning: unknown setting NEWSDESK_MAX_HOP (did you mean NEWSDESK_MAX_HOPS?): ignored" in lines
    assert "Traceback" not in done.stderr
    assert finish_reason(tmp_path) == "finished"


# ---------------------------------------------------------------------- the crawl ran but failed: status 1
@pytest.mark.parametrize(
    "path, why",
    [("/no-such-page", "http_404"), ("/private/memo", "robots_txt")],
    ids=["http-404", "robots-forbids"],
)
def test_a_start_url_that_fails_fails_the_run(site_server, tmp_path, path, why):
    url = site_server.url(path)
    done, lines = crawl(tmp_path, "-a", f"start_urls={url}")
    assert done.returncode == outcome.EXIT_FAILED
    assert "Traceback" not in done.stderr
    assert lines[-1] == (f"scrapy crawl: every start URL failed, nothing was crawled: {url} ({why}) "
                         "[finish reason start_urls_failed, exit status 1]")
    assert finish_reason(tmp_path) == outcome.START_URLS_FAILED


def test_unreachable_start_urls_fail_the_run_in_one_line_without_traceback(tmp_path, closed_port):
    base = f"http://127.0.0.1:{closed_port}"
    done, lines = crawl(tmp_path, "-a", f"start_urls={base}/,{base}/news")
    assert done.returncode == outcome.EXIT_FAILED
    assert "Traceback" not in done.stderr
    assert lines[-1] == (f"scrapy crawl: every start URL failed, nothing was crawled: {base}/ (connection_refused), "
                         f"{base}/news (connection_refused) [finish reason start_urls_failed, exit status 1]")
    # each failed request is said once, by the spider, not again as Scrapy's "Gave up retrying" ERROR
    assert not [line for line in lines if "ERROR: Gave up retrying" in line]
    # the robots.txt that could not be downloaded is one warning, not an error with a traceback
    robots = [line for line in lines if "robots.txt" in line and "robotstxt" in line]
    assert len(robots) == 1 and "WARNING: Could not download robots.txt of 127.0.0.1:" in robots[0]
    assert finish_reason(tmp_path) == outcome.START_URLS_FAILED


def test_one_unreachable_start_url_among_good_ones_is_a_failed_page(site_server, tmp_path, closed_port):
    dead = f"http://127.0.0.1:{closed_port}/"
    done, lines = crawl(tmp_path, "-a", f"start_urls={dead},{site_server.url(DEMO_ARTICLE)}")
    assert done.returncode == outcome.EXIT_OK, lines[-30:]
    assert not any(line.startswith("scrapy crawl:") for line in lines)
    assert finish_reason(tmp_path) == "finished"


# ---------------------------------------------------------------------- output paths and read-only databases
@pytest.fixture
def crawled(recurring, tmp_path):
    """A copy of the recurring crawl's database, folded into its one file."""
    with sqlite3.connect(recurring.db_path) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(recurring.db_path, folder / "news.db")
    return folder / "news.db"


def test_export_into_a_file_fails_in_one_line(crawled, tmp_path):
    target = tmp_path / "existing.txt"
    target.write_text("keep me")
    done = run_scrapy("export", "-o", str(target), "-s", f"NEWSDESK_DB={crawled}")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"scrapy export: -o {target}: exists and is not a folder (the export writes several files into one)"]
    assert target.read_text() == "keep me"


@pytest.mark.parametrize("inside", ["", "new"], ids=["the-folder", "a-folder-in-it"])
def test_export_into_a_read_only_folder_fails_in_one_line(crawled, tmp_path, inside):
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only(folder):
        done = run_scrapy("export", "-o", str(folder / inside), "-s", f"NEWSDESK_DB={crawled}")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"scrapy export: cannot write {folder}")
    assert line.endswith((": Permission denied", ": Operation not permitted"))


def test_report_into_a_folder_fails_in_one_line(crawled, tmp_path):
    done = run_scrapy("report", "--format", "html", "-o", f"{tmp_path}/", "-s", f"NEWSDESK_DB={crawled}")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"scrapy report: -o {tmp_path}/: is a folder; give a file name, e.g. {tmp_path / 'report.html'}"]


def test_report_into_a_read_only_folder_fails_in_one_line(crawled, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only(folder):
        done = run_scrapy("report", "-o", str(folder / "r.html"), "--format", "html", "-s", f"NEWSDESK_DB={crawled}")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"scrapy report: cannot write {folder / 'r.html'}: ")
    assert not list(folder.iterdir())


def test_report_and_export_read_a_database_in_a_read_only_folder(crawled, tmp_path):
    import json

    out = tmp_path / "out"
    with read_only(crawled.parent):
        report = run_scrapy("report", "--format", "json", "--since", "0", "-s", f"NEWSDESK_DB={crawled}")
        export = run_scrapy("export", "-o", str(out), "-s", f"NEWSDESK_DB={crawled}")
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["totals"]["new"] == 11
    assert export.returncode == 0, export.stderr
    assert len((out / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 11
    assert sorted(p.name for p in crawled.parent.iterdir()) == ["news.db"]  # nothing written beside it


def test_report_warns_of_an_unknown_setting(crawled):
    done = run_scrapy("report", "-s", f"NEWSDESK_DB={crawled}", "-s", "NEWSDESK_DBB=x.db")
    assert done.returncode == 0
    assert "scrapy report: warning: unknown setting NEWSDESK_DBB (did you mean NEWSDESK_DB?): ignored" in \
        done.stderr.splitlines()


@pytest.fixture
def first_schema(tmp_path):
    """A database as the first schema made it (tests/fixtures/v1-schema.sql), alone in its folder."""
    folder = tmp_path / "old"
    folder.mkdir()
    path = folder / "v1.db"
    with sqlite3.connect(path) as conn:
        conn.executescript((ROOT / "tests" / "fixtures" / "v1-schema.sql").read_text())
    return path


def test_a_report_upgrades_an_old_database_it_can_write(first_schema):
    done = run_scrapy("report", "--since", "0", "--format", "json", "-s", f"NEWSDESK_DB={first_schema}")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(first_schema) as conn:
        assert conn.execute("select count(*) from _sqlite_migrations").fetchone()[0] > 1


def test_an_old_database_it_cannot_write_is_one_line(first_schema):
    with read_only(first_schema.parent):
        done = run_scrapy("report", "-s", f"NEWSDESK_DB={first_schema}")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"scrapy report: {first_schema} has an older schema and cannot be upgraded here (")
