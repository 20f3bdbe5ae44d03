"""KilledJobGuard: a JOBDIR left behind by a killed crawl is not trusted.

Scrapy keeps a paused crawl's queue and seen-requests in ``JOBDIR`` and writes them out when the
crawl closes. A crawl killed with SIGKILL (or by the OOM killer, or a power cut) never closes: the
queue's index is missing, so the queue reads as empty, while ``requests.seen`` already names
requests that were never fetched, or fetched but never committed to the database. Resumed as is,
the next run filters its start URLs as seen and stops at once, the crawl forever incomplete.

This extension writes ``newsdesk.running`` (the process id) into JOBDIR when the crawl starts and
removes it when the crawl closes, however it closes. Finding the file at start-up means the last
run was killed: the queue and seen-requests are moved aside (``<name>.killed-<time>``) before
Scrapy opens them, and the crawl starts over from its start URLs. Articles committed before the
kill are fetched again and upserted, so each is still stored once. Counted under
``newsdesk/jobdir/killed_run_reset``.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)

MARKER = "newsdesk.running"
STATE = ("requests.queue", "requests.seen", "spider.state")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


class KilledJobGuard:
    def __init__(self, crawler) -> None:
        jobdir = crawler.settings.get("JOBDIR")
        if not jobdir:
            raise NotConfigured
        self.crawler = crawler
        self.jobdir = Path(jobdir)
        self.marker = self.jobdir / MARKER
        self.was_reset = self.reset_killed_run()
        crawler.signals.connect(self.engine_started, signal=signals.engine_started)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def reset_killed_run(self) -> bool:
        """Move the state of a killed run aside; True if there was one."""
        if not self.marker.exists():
            return False
        pid = self.marker.read_text(encoding="utf-8", errors="replace").strip()
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            logger.error("JOBDIR %s is in use by a running crawl (process %s): two crawls must not share a JOBDIR",
                         self.jobdir, pid)
            return False
        stamp = time.strftime("%Y%m%dT%H%M%S")
        moved = []
        for name in STATE:
            path = self.jobdir / name
            if path.exists():
                path.rename(self.jobdir / f"{name}.killed-{stamp}")
                moved.append(name)
        self.marker.unlink()
        logger.warning(
            "JOBDIR %s was left by a crawl that did not close (process %s, killed?): its queue cannot be "
            "trusted. Moved %s aside (*.killed-%s) and starting over; stored articles are updated, not duplicated.",
            self.jobdir, pid or "?", ", ".join(moved) or "nothing", stamp,
        )
        return True

    def engine_started(self) -> None:
        if self.was_reset:
            self.crawler.stats.inc_value("newsdesk/jobdir/killed_run_reset")
        self.jobdir.mkdir(parents=True, exist_ok=True)
        self.marker.write_text(f"{os.getpid()}\n", encoding="utf-8")

    def spider_closed(self, spider, reason: str) -> None:
        self.marker.unlink(missing_ok=True)
