"""What a second run of the same crawl costs, as a share of the first: time and bytes downloaded.

    .venv/bin/python bench/incremental.py [--scale 2000] [--repeat 3]

Serves the demo site on loopback and runs ``scrapy crawl news`` twice into a fresh database, with
nothing changed in between: once on the demo site as ``make demo`` crawls it (robots.txt, front
page, feed), and once on ``--scale`` article URLs listed in one sitemap (no lastmod, so every
article is revalidated with a conditional GET). Prints, per run, the wall time of the process,
the crawl time Scrapy measured (``elapsed_time_seconds``), requests, bytes downloaded
(``downloader/response_bytes``), pages parsed and 304 answers, and the second run as a share of the
first. Same settings as bench/crawl.py: AutoThrottle off, 16 concurrent requests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from tests.conftest import start_site_server, stop_site_server  # noqa: E402

SETTINGS = ("AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS=16", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
            "LOG_LEVEL=WARNING")


def crawl(starts: list[str], db: Path) -> dict:
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "start_urls=" + ",".join(starts)]
    for s in (*SETTINGS, f"NEWSDESK_DB={db}"):
        cmd += ["-s", s]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(done.returncode)
    run = list(sqlite_utils.Database(db).query("select * from crawl_runs order by id desc limit 1"))[0]
    stats = json.loads(run["stats"])
    return {
        "wall": wall,
        "crawl": stats["elapsed_time_seconds"],
        "requests": stats.get("downloader/request_count", 0),
        "bytes": stats.get("downloader/response_bytes", 0),
        "parsed": stats.get("newsdesk/extracted", 0),
        "not_modified": stats.get("newsdesk/incremental/not_modified", 0),
        "skipped": stats.get("newsdesk/incremental/skipped", 0),
    }


def measure(label: str, starts: list[str], repeat: int) -> None:
    firsts, seconds = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            firsts.append(crawl(starts, db))
            seconds.append(crawl(starts, db))
    print(f"\n{label} ({repeat} pair(s) of runs; medians)")
    print(f"{'':14}{'wall s':>9}{'crawl s':>9}{'requests':>10}{'bytes':>12}{'parsed':>8}{'304':>6}{'skipped':>9}")

    def median(rows, key):
        values = sorted(r[key] for r in rows)
        return values[len(values) // 2]

    for name, rows in (("first run", firsts), ("second run", seconds)):
        print(f"{name:14}{median(rows, 'wall'):9.2f}{median(rows, 'crawl'):9.2f}{median(rows, 'requests'):10d}"
              f"{median(rows, 'bytes'):12,d}{median(rows, 'parsed'):8d}{median(rows, 'not_modified'):6d}"
              f"{median(rows, 'skipped'):9d}")
    share = {k: median(seconds, k) / median(firsts, k) for k in ("wall", "crawl", "bytes")}
    print(f"{'second/first':14}{share['wall']:9.0%}{share['crawl']:9.0%}{'':10}{share['bytes']:12.0%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    server = start_site_server(ROOT / "tests" / "site", "--scale", str(args.scale))
    try:
        measure("demo site (robots.txt, front page, feed)",
                [server.url("/robots.txt"), server.url("/"), server.url("/feed.xml")], args.repeat)
        measure(f"scaled site ({args.scale} article URLs in one sitemap)", [server.url("/scaled-sitemap.xml")],
                args.repeat)
    finally:
        stop_site_server(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
