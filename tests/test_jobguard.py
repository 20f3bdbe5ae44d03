"""KilledJobGuard on a JOBDIR: a killed run's state is moved aside, a live run's is left alone."""

from __future__ import annotations

import os
import subprocess
import sys

from scrapy.utils.test import get_crawler

from crawler.jobguard import MARKER, KilledJobGuard
from crawler.spiders.news import NewsSpider


def jobdir_with_state(tmp_path, pid: int):
    job = tmp_path / "job"
    (job / "requests.queue").mkdir(parents=True)
    (job / "requests.seen").write_text("abc\n")
    (job / MARKER).write_text(f"{pid}\n")
    return job


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_the_state_of_a_killed_run_is_moved_aside(tmp_path):
    job = jobdir_with_state(tmp_path, dead_pid())
    KilledJobGuard.from_crawler(get_crawler(NewsSpider, {"JOBDIR": str(job)}))
    names = sorted(p.name for p in job.iterdir())
    assert not (job / "requests.seen").exists() and not (job / MARKER).exists()
    assert [n.split(".killed-")[0] for n in names] == ["requests.queue", "requests.seen"]


def test_the_state_of_a_live_run_is_left_alone(tmp_path):
    job = jobdir_with_state(tmp_path, os.getppid())
    KilledJobGuard.from_crawler(get_crawler(NewsSpider, {"JOBDIR": str(job)}))
    assert (job / "requests.seen").exists() and (job / MARKER).exists()
