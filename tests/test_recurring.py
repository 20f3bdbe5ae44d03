"""A second run of the same crawl does only the work that is new; runs pause and resume with JOBDIR."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
import sqlite_utils

from .conftest import CHANGED_SLUG, CHANGED_TITLE, FAST, NEW_SLUG, ROOT, run_scrapy

UNCHANGED = 9  # the demo site's ten articles, less the one change_site() edits


@pytest.fixture(scope="module")
def second_stats(recurring):
    return recurring.second.stats()


def test_first_run_stores_every_article_as_new(recurring):
    stats = recurring.first.db["crawl_runs"].get(1)
    assert (stats["articles_new"], stats["articles_changed"], stats["articles_stored"]) == (10, 0, 10)


def test_second_run_stores_only_the_new_and_the_changed(recurring):
    run = recurring.second.last_run()
    assert (run["articles_new"], run["articles_changed"], run["articles_unchanged"]) == (1, 1, UNCHANGED)
    assert run["articles_stored"] == 2


@pytest.mark.parametrize(
    "key, expected",
    [
        ("newsdesk/extracted", 2),  # the new article and the changed one: nothing else is parsed
        ("newsdesk/incremental/not_modified", UNCHANGED),
        ("newsdesk/incremental/revalidated", UNCHANGED + 1),
        ("newsdesk/incremental/refetched", 1),
        ("newsdesk/articles/new", 1),
        ("newsdesk/articles/changed", 1),
    ],
)
def test_second_run_stats(second_stats, key, expected):
    assert second_stats.get(key) == expected


def test_sitemap_entries_with_an_old_lastmod_are_skipped(second_stats, recurring):
    assert second_stats["newsdesk/incremental/skipped"] >= 3
    assert recurring.second.last_run()["articles_skipped"] == second_stats["newsdesk/incremental/skipped"]


def test_second_run_downloads_far_less(recurring, second_stats):
    first = recurring.stats(1)
    assert second_stats["downloader/response_bytes"] < 0.4 * first["downloader/response_bytes"]


def test_the_changed_article_is_replaced_and_its_old_version_kept(recurring):
    db = recurring.second.db
    url = recurring.server.url(f"/post/{CHANGED_SLUG}")
    row = db["articles"].get(url)
    assert row["title"] == CHANGED_TITLE[1]
    assert row["first_seen"] < row["last_changed"]
    [version] = list(db.query("select * from article_versions where url = ?", [url]))
    assert json.loads(version["old_values"])["title"] == CHANGED_TITLE[0]
    assert {"title", "body"} <= set(json.loads(version["fields"]))
    assert version["run_id"] == 2
    assert db["article_versions"].count == 1


def test_unchanged_articles_are_seen_not_changed(recurring):
    rows = list(recurring.second.db.query(
        "select * from articles where url not like ? and url not like ?", [f"%{CHANGED_SLUG}", f"%{NEW_SLUG}"]))
    assert len(rows) == UNCHANGED
    assert all(r["last_changed"] == r["first_seen"] < r["last_seen"] for r in rows)


@pytest.fixture(scope="module")
def report(recurring):
    done = run_scrapy("report", "--format", "json", "-s", f"NEWSDESK_DB={recurring.db_path}")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_report_lists_exactly_the_new_article_as_new(report, recurring):
    assert [a["url"] for a in report["new"]] == [recurring.server.url(f"/post/{NEW_SLUG}")]


def test_report_lists_exactly_the_changed_article_as_changed(report, recurring):
    [changed] = report["changed"]
    assert changed["url"] == recurring.server.url(f"/post/{CHANGED_SLUG}")
    assert {"title", "body"} <= set(changed["fields"])
    assert changed["changes"]["title"] == {"old": CHANGED_TITLE[0], "new": CHANGED_TITLE[1]}
    assert changed["changes"]["body_chars"]["new"] > changed["changes"]["body_chars"]["old"]


def test_report_groups_by_site_with_counts(report):
    assert {(s["site"], s["new"], s["changed"]) for s in report["sites"]} == {
        ("Metro Daily", 1, 0), ("Jadetimes", 0, 1)}
    assert report["totals"]["new"] == 1 and report["totals"]["changed"] == 1


def test_report_shows_the_runs_errors(report):
    [run] = report["runs"]
    assert run["id"] == 2 and run["errors"] == {"http_404": 1}


# ---------------------------------------------------------------------- pause and resume
def _count(db_path) -> int:
    try:
        return sqlite_utils.Database(db_path)["articles"].count
    except Exception:  # not created yet
        return 0


def test_a_crawl_stopped_with_sigint_resumes_from_jobdir(site_server, tmp_path):
    db, jobdir = tmp_path / "paused.db", tmp_path / "job"
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a",
           f"start_urls={site_server.url('/sitemap_index.xml')},{site_server.url('/feed.xml')}"]
    for setting in (*FAST, f"NEWSDESK_DB={db}", f"JOBDIR={jobdir}", "NEWSDESK_BATCH_SIZE=1",
                    "DOWNLOAD_DELAY=0.4", "CONCURRENT_REQUESTS=1", "RANDOMIZE_DOWNLOAD_DELAY=False"):
        cmd += ["-s", setting]
    env = {"PYTHONPATH": str(ROOT), **{k: v for k, v in __import__("os").environ.items() if k != "PYTHONPATH"}}
    first = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while _count(db) < 3 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.1)
    first.send_signal(signal.SIGINT)
    _, log = first.communicate(timeout=60)
    assert first.returncode == 0, log[-3000:]
    stopped = sqlite_utils.Database(db)
    [run] = list(stopped["crawl_runs"].rows)
    assert run["finish_reason"] == "shutdown", log[-3000:]
    assert 3 <= stopped["articles"].count < 10

    second = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr[-3000:]
    resumed = sqlite_utils.Database(db)
    runs = list(resumed.query("select * from crawl_runs order by id"))
    assert runs[-1]["finish_reason"] == "finished"
    assert resumed["articles"].count == 10
    assert sum(r["articles_stored"] for r in runs) == 10  # every article stored exactly once
    assert sum(r["articles_new"] for r in runs) == 10
    assert json.loads(runs[-1]["stats"]).get("newsdesk/extracted") == 10 - runs[0]["articles_stored"]
    assert resumed["article_versions"].count == 0
