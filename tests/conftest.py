"""Shared fixtures: the demo site on 127.0.0.1 in a subprocess, and real `scrapy crawl` runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(__file__).resolve().parent / "site"


@dataclass
class SiteServer:
    process: subprocess.Popen
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path


def start_site_server(root: Path = SITE, *extra: str) -> SiteServer:
    """Start tests/siteserver.py on a free port and wait until it listens."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "siteserver.py"), "--root", str(root), *extra],
        stdout=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    if not line.startswith("PORT "):
        process.kill()
        raise RuntimeError(f"site server did not start: {line!r}")
    return SiteServer(process, int(line.split()[1]))


def stop_site_server(server: SiteServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    if server.process.stdout:
        server.process.stdout.close()


@pytest.fixture(scope="session")
def site_server():
    server = start_site_server()
    yield server
    stop_site_server(server)


@dataclass
class CrawlResult:
    returncode: int
    log: str
    db_path: Path

    @property
    def db(self) -> sqlite_utils.Database:
        return sqlite_utils.Database(self.db_path)

    def last_run(self) -> dict:
        return list(self.db.query("select * from crawl_runs order by id desc limit 1"))[0]

    def stats(self) -> dict:
        return json.loads(self.last_run()["stats"])


FAST = ("AUTOTHROTTLE_ENABLED=False", "LOG_LEVEL=INFO")


def run_crawl(start_urls: list[str], db_path: Path, *settings: str, args: tuple[str, ...] = (), timeout: float = 120) -> CrawlResult:
    """Run `scrapy crawl news` in a subprocess from the project root, as a user would."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "start_urls=" + ",".join(start_urls)]
    for arg in args:
        cmd += ["-a", arg]
    for setting in (*FAST, f"NEWSDESK_DB={db_path}", *settings):
        cmd += ["-s", setting]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    return CrawlResult(done.returncode, done.stderr + done.stdout, db_path)


# ---------------------------------------------------------------------- recurring crawls
NEW_SLUG = "ferry-route-reopens"
CHANGED_SLUG = "harbour-festival-returns"
CHANGED_TITLE = ("Harbour festival returns with tall ships and night markets",
                 "Harbour festival postponed as storm nears the coast")


def change_site(root: Path) -> None:
    """Between two runs: one article changes (its title and a paragraph), one new article appears."""
    changed = root / "post" / f"{CHANGED_SLUG}.html"
    text = changed.read_text(encoding="utf-8").replace(*CHANGED_TITLE)
    text = text.replace("The harbour festival returns this weekend after a two-year break",
                        "The harbour festival, postponed by a week because of the storm, returns after two years")
    changed.write_text(text, encoding="utf-8")
    source = (root / "post" / "rail-strike-called-off.html").read_text(encoding="utf-8")
    new = source.replace("rail-strike-called-off", NEW_SLUG).replace(
        "Rail strike called off after last-minute pay deal", "Ferry route reopens after a winter of repairs")
    (root / "post" / f"{NEW_SLUG}.html").write_text(new, encoding="utf-8")
    sitemap = root / "sitemaps" / "posts.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(
        "</urlset>", f"  <url><loc>{{{{BASE}}}}/post/{NEW_SLUG}</loc><lastmod>2025-03-13</lastmod></url>\n</urlset>"),
        encoding="utf-8")


@dataclass
class Recurring:
    """Two runs of the same crawl over a copy of the demo site, with change_site() between them."""

    first: CrawlResult
    second: CrawlResult
    server: SiteServer
    db_path: Path

    def stats(self, run_id: int) -> dict:
        return json.loads(self.first.db["crawl_runs"].get(run_id)["stats"])


@pytest.fixture(scope="session")
def recurring(tmp_path_factory):
    import shutil

    root = tmp_path_factory.mktemp("site") / "site"
    shutil.copytree(SITE, root)
    db = tmp_path_factory.mktemp("recurring") / "news.db"
    server = start_site_server(root)
    try:
        starts = [server.url("/robots.txt"), server.url("/"), server.url("/feed.xml")]
        first = run_crawl(starts, db)
        assert first.returncode == 0, first.log[-3000:]
        change_site(root)
        second = run_crawl(starts, db)
        assert second.returncode == 0, second.log[-3000:]
        yield Recurring(first, second, server, db)
    finally:
        stop_site_server(server)


def run_scrapy(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    """`scrapy <args>` in a subprocess from the project root (report, export...)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


# ---------------------------------------------------------------------- read-only files and folders
def make_read_only(path: Path) -> None:
    """A file or folder this process cannot write: chmod for a user; for root (who ignores modes), chattr +i."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True) if shutil.which("chattr") else None
    if done is None or done.returncode != 0:
        pytest.skip("running as root where chattr +i does not work: no way to make a file read-only")


def make_writable(path: Path) -> None:
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o755 if path.is_dir() else 0o644)


@contextmanager
def read_only(path: Path) -> Iterator[Path]:
    make_read_only(path)
    try:
        yield path
    finally:
        make_writable(path)
