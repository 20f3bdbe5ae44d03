"""Under Scrapy's HTTP cache a replayed page is anchored to when it was first fetched, not to the replay."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from .conftest import run_crawl
from .test_crawl import SEED


def _seed_row(result, site_server) -> dict:
    rows = list(result.db.query("select * from articles where url = ?", [site_server.url(SEED)]))
    assert len(rows) == 1, result.log[-3000:]
    return rows[0]


def test_a_replayed_relative_date_is_anchored_on_the_first_fetch(site_server, tmp_path):
    cache = ("HTTPCACHE_ENABLED=True", f"HTTPCACHE_DIR={tmp_path / 'httpcache'}")
    first = run_crawl([site_server.url(SEED)], tmp_path / "first.db", *cache)
    assert first.returncode == 0, first.log[-3000:]
    time.sleep(3.5)  # the replay must come measurably later than the first fetch (Date has whole seconds)
    second = run_crawl([site_server.url(SEED)], tmp_path / "second.db", *cache)
    assert second.returncode == 0, second.log[-3000:]
    assert second.stats().get("httpcache/hit", 0) >= 1

    fetched = datetime.fromisoformat(_seed_row(first, site_server)["fetched_at"])
    replay = _seed_row(second, site_server)
    replay_fetched = datetime.fromisoformat(replay["fetched_at"])
    replay_started = datetime.fromisoformat(second.last_run()["started_at"])

    assert replay["published_raw"] == "7 hours ago"
    # The first response's Date header: whole seconds, written before the response reached the spider
    # (a loaded machine adds up to a second more).
    assert timedelta(0) <= fetched - replay_fetched < timedelta(seconds=2)
    assert replay_fetched < replay_started - timedelta(seconds=3)  # not the time of the replay
    assert datetime.fromisoformat(replay["published_at"]) == replay_fetched - timedelta(hours=7)
