"""`scrapy frontier push URL... | status | clear`: what the workers of a shared frontier crawl.

    scrapy frontier push URL [URL...] -s NEWSDESK_FRONTIER=redis://host:6379/0
    scrapy frontier status -s NEWSDESK_FRONTIER=...
    scrapy frontier clear [--items] -s NEWSDESK_FRONTIER=...

``push`` queues start URLs (any URL a crawl takes: robots.txt, a sitemap, a feed, a front page or
an article); with no crawl in progress it starts one, with a fresh dupefilter. ``status`` says how
much is queued, seen, in flight and waiting for the writer. ``clear`` empties the frontier; the
items not yet written stay unless ``--items``. Exit status 0; 1 when Redis cannot be reached; 2
on bad usage (no NEWSDESK_FRONTIER, no URL, a URL that is not http(s)). One line on stderr each.
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands import ScrapyCommand

from crawler import frontier, knobs, outcome
from crawler.spiders.news import split_start_urls, start_url_problem
from exports import cli

ACTIONS = ("push", "status", "clear")


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "push URL [URL...] | status | clear [--items]"

    def short_desc(self) -> str:
        return "Push start URLs to the shared frontier (NEWSDESK_FRONTIER), or show or clear it"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        cli.one_line_errors(parser, "frontier")
        parser.add_argument("--items", action="store_true",
                            help="with clear, also drop the items not yet written by scrapy store")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        cli.check_settings("frontier", self.settings)
        if not knobs.FRONTIER.get(self.settings):
            cli.stop("frontier", f"no frontier: run with -s {knobs.FRONTIER.name}=redis://HOST:6379/0")
        if not args or args[0] not in ACTIONS:
            cli.stop("frontier", f"say what to do: {' | '.join(self.syntax().split(' | '))}")
        if args[0] == "push":
            urls = split_start_urls(args[1:])
            if not urls:
                cli.stop("frontier", "push needs at least one URL")
            problem = next(filter(None, map(start_url_problem, urls)), None)
            if problem:
                cli.stop("frontier", f"{problem}; nothing was pushed")
        elif len(args) > 1:
            cli.stop("frontier", f"{args[0]} takes no URL")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            server = frontier.connect(knobs.FRONTIER.get(self.settings))
            if args[0] == "push":
                urls = split_start_urls(args[1:])
                crawl = frontier.push(server, urls)
                cli.say("frontier", f"{len(urls)} start URLs pushed (crawl {crawl})")
            elif args[0] == "status":
                sys.stdout.write("".join(f"{line}\n" for line in frontier.status(server).lines()))
            else:
                removed = frontier.clear(server, keep_items=not opts.items)
                cli.say("frontier", f"cleared ({removed} keys removed)")
        except frontier.FrontierDown as exc:
            cli.say("frontier", str(exc))
            self.exitcode = outcome.EXIT_FAILED
        except Exception as exc:  # redis.RedisError: the extra's class, not importable without it
            if type(exc).__module__.split(".")[0] != "redis":
                raise
            cli.say("frontier", f"the frontier at {frontier.shown(knobs.FRONTIER.get(self.settings))} failed: {exc}")
            self.exitcode = outcome.EXIT_FAILED
