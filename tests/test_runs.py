"""Runs that go wrong (issue 7): SIGKILL mid-crawl, a reader beside the crawl, a full disk, a read-only file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from crawler.extract import extract_article

from .conftest import FAST, ROOT, SITE, make_read_only, make_writable, run_crawl, start_site_server, stop_site_server

SCALE = 200
SMALL_DISK_PIPELINES = json.dumps({
    "pipelines.normalize.NormalizePipeline": 100,
    "pipelines.dedupe.DedupePipeline": 200,
    "tests.helpers.SmallDiskSQLitePipeline": 900,
})


@pytest.fixture(scope="module")
def scaled_server():
    """The demo site with /scaled-sitemap.xml listing SCALE distinct copies of its articles."""
    server = start_site_server(SITE, "--scale", str(SCALE))
    yield server
    stop_site_server(server)


@pytest.fixture(scope="module")
def expected_children(scaled_server):
    """Slug → (tables, images) each scaled copy of a demo article must be stored with."""
    counts = {}
    for page in (SITE / "post").glob("*.html"):
        html = page.read_text(encoding="utf-8").replace("{{BASE}}", scaled_server.base)
        art = extract_article(html, f"{scaled_server.base}/post/{page.stem}")
        if art is not None:
            counts[page.stem] = (len(art.tables), len(art.images))
    return counts


def crawl_process(start: str, db: Path, *settings: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"start_urls={start}"]
    for setting in (*FAST, f"NEWSDESK_DB={db}", *settings):
        cmd += ["-s", setting]
    with open(db.with_suffix(".log"), "wb") as log:  # the child keeps its own descriptor
        return subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                stdout=subprocess.DEVNULL, stderr=log)


def count_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def wait_for(condition, timeout: float = 60.0, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(step)


def check_whole(db: Path, expected: dict[str, tuple[int, int]]) -> int:
    """integrity_check ok, no orphan children, every article with all its tables and images; the count."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        for table in ("article_tables", "article_images"):
            orphans = conn.execute(f"select count(*) from {table} where article_url not in (select url from articles)")
            assert orphans.fetchone()[0] == 0, f"{table} rows without their article"
        rows = conn.execute(
            "select a.url, (select count(*) from article_tables t where t.article_url = a.url),"
            " (select count(*) from article_images i where i.article_url = a.url) from articles a"
        ).fetchall()
    for url, tables, images in rows:
        assert (tables, images) == expected[url.rsplit("/", 1)[-1]], f"{url} stored without all its children"
    return len(rows)


@pytest.mark.parametrize("jobdir", [False, True], ids=["rerun", "rerun-with-jobdir"])
def test_sigkill_mid_crawl_loses_nothing_committed_and_a_rerun_completes(scaled_server, expected_children, tmp_path,
                                                                          jobdir):
    db = tmp_path / "killed.db"
    job = ("JOBDIR=" + str(tmp_path / "job"),) if jobdir else ()
    start = scaled_server.url("/scaled-sitemap.xml")
    process = crawl_process(start, db, "NEWSDESK_BATCH_SIZE=5", "DOWNLOAD_DELAY=0.02", *job)
    try:
        wait_for(lambda: count_articles(db) >= 30 or process.poll() is not None)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the crawl ended before it could be killed"
    committed = check_whole(db, expected_children)
    assert 30 <= committed < SCALE

    result = run_crawl([start], db, "NEWSDESK_BATCH_SIZE=5", *job)
    assert result.returncode == 0, result.log[-3000:]
    assert check_whole(db, expected_children) == SCALE  # each article once (url is the primary key)
    assert result.last_run()["finish_reason"] == "finished"
    if jobdir:
        assert result.stats()["newsdesk/jobdir/killed_run_reset"] == 1
        assert "was left by a crawl that did not close" in result.log


def test_a_reader_beside_the_crawl_does_not_make_it_fail(scaled_server, expected_children, tmp_path):
    """A second process reads (and briefly locks) the database all through the crawl: WAL and busy_timeout."""
    db = tmp_path / "shared.db"
    process = crawl_process(scaled_server.url("/scaled-sitemap.xml"), db, "NEWSDESK_BATCH_SIZE=5",
                            "DOWNLOAD_DELAY=0.01")
    seen: list[int] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            wait_for(lambda: count_articles(db) > 0 or process.poll() is not None)
            reader = sqlite3.connect(db, timeout=30, isolation_level=None)
            reader.execute("begin")  # one long read transaction, like a Datasette query on a big table
            reader.execute("select count(*) from articles").fetchone()
            while process.poll() is None:
                with sqlite3.connect(db, timeout=30) as other:
                    seen.append(other.execute("select count(*) from articles").fetchone()[0])
                    if len(seen) == 5:  # and a writer's lock held for a second
                        other.execute("begin immediate")
                        time.sleep(1.0)
                        other.execute("commit")
                time.sleep(0.05)
            reader.execute("commit")
            reader.close()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    process.wait(timeout=120)
    thread.join(timeout=30)
    assert not errors, errors
    assert process.returncode == 0, db.with_suffix(".log").read_text()[-3000:]
    assert len(set(seen)) > 2, seen  # the reader really read while articles were being written
    assert check_whole(db, expected_children) == SCALE


def test_a_full_disk_stops_the_crawl_with_a_clear_error_and_keeps_what_was_committed(scaled_server, expected_children,
                                                                                    tmp_path):
    db = tmp_path / "full.db"
    first = run_crawl([scaled_server.url("/post/rail-strike-called-off")], db)
    assert first.returncode == 0
    result = run_crawl([scaled_server.url("/scaled-sitemap.xml")], db, "NEWSDESK_BATCH_SIZE=5",
                       f"ITEM_PIPELINES={SMALL_DISK_PIPELINES}", "TEST_FREE_PAGES=40")
    assert result.returncode == 1, result.log[-3000:]
    assert f"Cannot write to the database {db}: database or disk is full. Stopping the crawl" in result.log
    assert "Traceback" not in result.log
    assert "Closing spider (database_error)" in result.log
    last = result.log.splitlines()[-1]  # the line cron mails, last, on stderr
    assert last.startswith(f"scrapy crawl: Cannot write to the database {db}: database or disk is full. Stopping the "
                           f"crawl: the {result.stats()['newsdesk/stored']} articles committed in this run are kept")
    assert last.endswith("not written. [finish reason database_error, exit status 1]")
    with sqlite3.connect(db) as conn:
        urls = [r[0] for r in conn.execute("select url from articles")]
    assert scaled_server.url("/post/rail-strike-called-off") in urls  # committed before: kept
    stored = len(urls) - 1
    assert 0 < stored < SCALE
    assert f"the {stored} articles committed in this run are kept" in result.log
    check_whole_scaled = {**expected_children}
    assert check_whole(db, check_whole_scaled) == stored + 1
    assert result.stats()["newsdesk/failed/database_error"] >= 5


def test_a_read_only_database_stops_the_crawl_with_a_clear_error(scaled_server, tmp_path):
    db = tmp_path / "readonly.db"
    first = run_crawl([scaled_server.url("/post/rail-strike-called-off")], db)
    assert first.returncode == 0
    with sqlite3.connect(db) as conn:  # fold the WAL in: the file alone holds the database
        conn.execute("pragma wal_checkpoint(truncate)")
    make_read_only(db)
    try:
        result = run_crawl([scaled_server.url("/post/harbour-festival-returns")], db)
    finally:
        make_writable(db)
    assert result.returncode == 1, result.log[-3000:]
    assert f"Cannot open the database {db} for writing: attempt to write a readonly database" in result.log
    assert "Traceback" not in result.log
    assert result.log.splitlines()[-1].startswith(  # the line cron mails, last, on stderr
        f"scrapy crawl: Cannot open the database {db} for writing")
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert [r[0] for r in conn.execute("select url from articles")] == [
            scaled_server.url("/post/rail-strike-called-off")]
