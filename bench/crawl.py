"""Full-pipeline crawl speed on loopback: newsdesk next to a bare Scrapy spider (and Scrapy + trafilatura).

    .venv/bin/python bench/crawl.py [--urls 2000] [--repeat 1]

Serves the demo site with ``--urls`` article URLs (many URLs mapped onto the demo pages, listed in
one sitemap), then runs, one after the other and each in its own process:

- ``newsdesk``: ``scrapy crawl news`` (crawl + extract + normalise + store into a fresh SQLite file);
- ``bare``: a SitemapSpider that fetches the same URLs and does nothing with them;
- ``trafilatura``: the same spider running trafilatura's ``bare_extraction`` (when installed).

Prints, per run, pages/s (wall) and pages per CPU-second (user + system time of the crawl process).
Same Scrapy settings for all: AutoThrottle off, robots.txt on, 16 concurrent requests.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import start_site_server, stop_site_server  # noqa: E402

SETTINGS = ("AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS=16", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
            "LOG_LEVEL=WARNING", "HTTPCACHE_ENABLED=False")


def _run(cmd: list[str]) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-3000:])
    return wall, cpu, done.returncode


def _settings(extra: tuple[str, ...] = ()) -> list[str]:
    out = []
    for s in (*SETTINGS, *extra):
        out += ["-s", s]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    server = start_site_server(ROOT / "tests" / "site", "--scale", str(args.urls))
    sitemap = server.url("/scaled-sitemap.xml")
    try:
        import trafilatura  # noqa: F401

        has_trafilatura = True
    except ImportError:
        has_trafilatura = False
    rows = []
    try:
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                db = Path(tmp) / "bench.db"
                cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"start_urls={sitemap}",
                       *_settings((f"NEWSDESK_DB={db}",))]
                wall, cpu, rc = _run(cmd)
                import sqlite_utils

                stored = sqlite_utils.Database(db)["articles"].count if db.exists() else 0
                rows.append(("newsdesk (crawl+extract+normalise+store)", wall, cpu, rc, stored))
            for name, label in (("bare", "bare Scrapy (fetch only)"), ("trafilatura", "Scrapy + trafilatura")):
                if name == "trafilatura" and not has_trafilatura:
                    continue
                cmd = [sys.executable, "-m", "scrapy", "crawl", name, "-a", f"sitemap={sitemap}",
                       *_settings(("SPIDER_MODULES=bench.spiders", "ITEM_PIPELINES={}"))]
                wall, cpu, rc = _run(cmd)
                rows.append((label, wall, cpu, rc, None))
    finally:
        stop_site_server(server)
    print(f"{args.urls} article URLs on loopback, {os.cpu_count()} cores")
    print(f"{'run':44} {'wall s':>7} {'cpu s':>7} {'pages/s':>8} {'pages/cpu-s':>12}  stored")
    for label, wall, cpu, rc, stored in rows:
        status = "" if rc == 0 else f"  (exit {rc})"
        print(f"{label:44} {wall:7.1f} {cpu:7.1f} {args.urls / wall:8.1f} {args.urls / cpu:12.1f}  "
              f"{stored if stored is not None else '-'}{status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
