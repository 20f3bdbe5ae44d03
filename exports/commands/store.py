"""`scrapy store`: the one writer of a shared frontier: the workers' items from Redis into SQLite.

    scrapy store [--forever] -s NEWSDESK_FRONTIER=redis://host:6379/0 -s NEWSDESK_DB=/srv/news/news.db

Run it on the machine that owns the database. It writes in batches of NEWSDESK_BATCH_SIZE items,
each in one transaction, through the same store as a single-process crawl (``pipelines.store``),
and takes an item out of Redis only once its batch is committed (``pipelines.queue``): a writer
killed and started again loses nothing and stores nothing twice. Without ``--forever`` it stops
when no crawl is in progress, no worker is alive and nothing waits. Exit status 0; 1 when Redis
cannot be reached or the database cannot be written; 2 on a bad setting. One line on stderr.
"""

from __future__ import annotations

import argparse
import sqlite3
import time

from scrapy.commands import ScrapyCommand

from crawler import frontier, knobs, outcome
from exports import cli
from pipelines.queue import Writer
from pipelines.store import Store, db_path, recorded_settings


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_LEVEL": "INFO"}

    def syntax(self) -> str:
        return "[--forever]"

    def short_desc(self) -> str:
        return "Write the items of frontier workers (NEWSDESK_FRONTIER) to the database: the one writer"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        cli.one_line_errors(parser, "store")
        parser.add_argument("--forever", action="store_true",
                            help="keep waiting for items instead of stopping when the crawl is over")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        cli.check_settings("store", self.settings)
        if not knobs.FRONTIER.get(self.settings):
            cli.stop("store", f"no frontier to drain: run with -s {knobs.FRONTIER.name}=redis://HOST:6379/0")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        url = knobs.FRONTIER.get(self.settings)
        store = Store(db_path(self.settings), knobs.STORY_WINDOW_HOURS.get(self.settings))
        started = time.perf_counter()
        try:
            server = frontier.connect(url)
            store.open()
            writer = Writer(server, store, knobs.BATCH_SIZE.get(self.settings), recorded_settings(self.settings))
            writer.fill_known()
            writer.recover()
            writer.run(forever=opts.forever)
        except frontier.FrontierDown as exc:
            self.fail(str(exc))
        except sqlite3.Error as exc:
            self.fail(f"cannot write the database {store.path}: {exc} (the items stay in Redis)")
        except KeyboardInterrupt:
            cli.say("store", "stopped (a batch being written is written again at the next start)")
        except Exception as exc:  # redis.RedisError: the extra's class, not importable without it
            if type(exc).__module__.split(".")[0] != "redis":
                raise
            self.fail(f"the frontier at {frontier.shown(url)} failed: {exc} (what was committed stays)")
        else:
            cli.say("store", f"{writer.written} items written to {store.path} in {time.perf_counter() - started:.1f} s")
        finally:
            store.close()

    def fail(self, message: str) -> None:
        cli.say("store", message)
        self.exitcode = outcome.EXIT_FAILED
