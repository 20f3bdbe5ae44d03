"""Frontier test parts: a real redis-server (session), workers and the writer as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from .conftest import ROOT
from .redisserver import RedisServer

# Workers in tests: no politeness wait on loopback, a short wait for more work, no AutoThrottle.
WORKER_SETTINGS = ("NEWSDESK_SITE_DELAY=0", "NEWSDESK_FRONTIER_WAIT=3", "AUTOTHROTTLE_ENABLED=False", "LOG_LEVEL=INFO")


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def frontier_url(redis_server) -> str:
    """The session's Redis, emptied for each test."""
    redis.Redis.from_url(redis_server.url).flushall()
    return redis_server.url


def scrapy_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "scrapy", *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@dataclass
class Proc:
    process: subprocess.Popen
    log: Path

    def wait(self, timeout: float = 180) -> int:
        return self.process.wait(timeout=timeout)

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start(log: Path, *args: str) -> Proc:
    handle = log.open("w")
    process = subprocess.Popen(scrapy_cmd(*args), cwd=ROOT, env=env(), stdout=handle, stderr=subprocess.STDOUT)
    handle.close()
    return Proc(process, log)


def start_worker(url: str, log: Path, *settings: str) -> Proc:
    args = ["crawl", "news", "-s", f"NEWSDESK_FRONTIER={url}"]
    for setting in (*WORKER_SETTINGS, *settings):
        args += ["-s", setting]
    return start(log, *args)


def start_writer(url: str, db: Path, log: Path, *settings: str) -> Proc:
    args = ["store", "-s", f"NEWSDESK_FRONTIER={url}", "-s", f"NEWSDESK_DB={db}"]
    for setting in settings:
        args += ["-s", setting]
    return start(log, *args)


def push(url: str, *urls: str) -> subprocess.CompletedProcess:
    return subprocess.run(scrapy_cmd("frontier", "push", *urls, "-s", f"NEWSDESK_FRONTIER={url}"), cwd=ROOT,
                          env=env(), capture_output=True, text=True, timeout=60)


def finish(procs: list[Proc], timeout: float = 180) -> None:
    """Wait for every process; each must exit 0."""
    for proc in procs:
        code = proc.wait(timeout)
        assert code == 0, proc.text()[-3000:]
        assert "Traceback" not in proc.text(), proc.text()[-3000:]
