"""Frontier scaling on loopback: 1, 2 and 4 workers sharing a real Redis, then the writer alone.

    .venv/bin/python bench/scale.py [--pages 400] [--latency 0.5] [--concurrency 8] [--workers 1,2,4]

Serves the demo site with ``--pages`` article URLs (one sitemap) and an answer delay of
``--latency`` seconds on every request, so that a worker waits on the network as a real crawl does
(without it, loopback makes every worker CPU-bound and the figures say only how many cores the
machine has). For each worker count: the workers are started, and once all of them beat in Redis
the sitemap is pushed; the crawl is timed from the push until every article is in ``news:items``
and nothing is queued or leased. Then, with no worker running, ``Writer`` (the code of
``scrapy store``) drains those items into a fresh SQLite file, timed alone.

Prints, per worker count: pages/s (wall), pages per CPU-second (the workers' user + system time
over the same interval, psutil), Redis commands per page (``INFO commandstats`` over the interval,
less the bench's own polling); and the writer's articles/s and how many workers of the 1-worker
rate it serves. The machine's load average is printed before and after: on a shared 2-core
machine the figures move with it. ``NEWSDESK_SITE_DELAY=0``: all pages are on one host here.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # in place of bench/, whose incremental.py would hide the package Twisted imports

from crawler import frontier  # noqa: E402
from pipelines.queue import Writer  # noqa: E402
from pipelines.store import Store  # noqa: E402
from tests.conftest import start_site_server, stop_site_server  # noqa: E402
from tests.redisserver import RedisServer  # noqa: E402

POLL_SECONDS = 0.2
POLL_COMMANDS = 4  # LLEN, ZCARD, KEYS, then HLEN per leases key: counted as they are sent
TIMEOUT_SECONDS = 900


@dataclass
class Figures:
    workers: int
    seconds: float
    cpu_seconds: float
    commands: int
    pages: int

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds

    def line(self, base: Figures | None) -> str:
        speedup = f"{self.pages_per_second / base.pages_per_second:5.2f}x" if base else "    1x"
        return (f"{self.workers} workers: {self.pages_per_second:6.1f} pages/s ({speedup}), "
                f"{self.pages / self.cpu_seconds:5.1f} pages/CPU-s, {self.commands / self.pages:5.1f} Redis "
                f"commands/page ({self.seconds:.1f} s for {self.pages} pages)")


def worker_cmd(url: str, concurrency: int) -> list[str]:
    settings = [f"NEWSDESK_FRONTIER={url}", "NEWSDESK_SITE_DELAY=0", "NEWSDESK_FRONTIER_WAIT=2",
                "AUTOTHROTTLE_ENABLED=False", f"CONCURRENT_REQUESTS={concurrency}",
                f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}", "LOG_LEVEL=WARNING"]
    return [sys.executable, "-m", "scrapy", "crawl", "news", *[a for s in settings for a in ("-s", s)]]


def commands_so_far(server: redis.Redis) -> int:
    return sum(v["calls"] for k, v in server.info("commandstats").items())


def cpu_of(procs: list[psutil.Process]) -> float:
    total = 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def crawl(server: redis.Redis, url: str, sitemap: str, workers: int, pages: int, concurrency: int) -> Figures:
    server.flushall()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen(worker_cmd(url, concurrency), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for _ in range(workers)]
    watched = [psutil.Process(p.pid) for p in procs]
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while server.zcard(frontier.WORKERS) < workers:
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
            raise SystemExit("bench/scale.py: the workers did not start: " + (procs[0].stderr.read() or "")[-2000:])
        time.sleep(0.1)
    server.config_resetstat()
    cpu_before, start = cpu_of(watched), time.perf_counter()
    frontier.push(server, [sitemap])
    polls = 0
    while True:
        polls += POLL_COMMANDS
        leases = server.keys(frontier.LEASES + "*")
        polls += len(leases)
        if (server.llen(frontier.ITEMS) >= pages and server.zcard(frontier.QUEUE) == 0
                and not any(server.hlen(k) for k in leases)):
            break
        if time.monotonic() > deadline:
            raise SystemExit(f"bench/scale.py: {workers} workers did not finish in {TIMEOUT_SECONDS} s")
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - start
    cpu = cpu_of(watched) - cpu_before
    commands = commands_so_far(server) - polls - 1  # less INFO itself
    for proc in procs:
        proc.wait(timeout=120)
    return Figures(workers, seconds, cpu, commands, pages)


def drain(server: redis.Redis, folder: Path) -> tuple[int, float, float]:
    """The writer alone on what the last crawl left in news:items: (articles, seconds, CPU seconds)."""
    store = Store(str(folder / "scale.db"))
    store.open()
    try:
        writer = Writer(server, store, batch_size=50, settings={})
        start, cpu = time.perf_counter(), time.process_time()
        while writer.drain_once(0.01):
            pass
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        return store.db["articles"].count, seconds, cpu
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--latency", type=float, default=0.5, help="seconds each answer of the site waits")
    parser.add_argument("--concurrency", type=int, default=8, help="CONCURRENT_REQUESTS of each worker")
    parser.add_argument("--workers", default="1,2,4")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    site = start_site_server(ROOT / "tests" / "site", "--scale", str(args.pages), "--latency", str(args.latency))
    with tempfile.TemporaryDirectory() as tmp:
        redis_server = RedisServer(Path(tmp) / "redis").start()
        try:
            server = redis.Redis.from_url(redis_server.url)
            base = None
            for workers in counts:
                figures = crawl(server, redis_server.url, site.url("/scaled-sitemap.xml"), workers, args.pages,
                                args.concurrency)
                base = base or figures
                print(figures.line(base if figures is not base else None), flush=True)
                if workers == counts[-1]:
                    stored, seconds, cpu = drain(server, Path(tmp))
                    rate = stored / seconds
                    print(f"writer alone: {rate:.0f} articles/s, {stored / cpu:.0f} articles/CPU-s ({stored} in "
                          f"{seconds:.2f} s): {rate / base.pages_per_second:.1f}x what one worker produces, "
                          f"{stored / cpu / (base.pages / base.cpu_seconds):.1f}x per CPU-second")
        finally:
            redis_server.stop()
            stop_site_server(site)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
