"""`scrapy crawl`, with an exit status a scheduler can act on and one line that says why.

Scrapy's own command exits 0 whenever the crawl ran, whatever stopped it. This one (statuses in
``crawler.outcome`` and the README):

- checks the settings (``crawler.knobs``) and the spider's arguments before anything starts: a
  setting whose value does not parse, no start URLs or one that is not a URL stop it with one line
  and status 2 (no run is recorded); an unknown ``NEWSDESK_*`` setting is warned about;
- exits 1 when the crawl ran but failed (finish reason ``start_urls_failed`` or ``database_error``,
  recorded in ``crawl_runs``), printing the line that says why on stderr as its last line.
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.spiderloader import get_spider_loader

from crawler import frontier, knobs, outcome
from exports import cli


class Command(ScrapyCrawlCommand):
    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        cli.one_line_errors(parser, "crawl")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        cli.check_settings("crawl", self.settings)
        if knobs.FRONTIER.get(self.settings):  # a worker: Redis must answer before anything starts
            try:
                frontier.connect(knobs.FRONTIER.get(self.settings))
            except frontier.FrontierDown as exc:
                cli.stop("crawl", f"{exc}; nothing was crawled", outcome.EXIT_FAILED)
        if len(args) != 1:
            extra = f"unexpected argument {args[1]!r}" if len(args) > 1 else "give the spider's name"
            cli.stop("crawl", f"{extra}: scrapy crawl news -a start_urls=URL[,URL...] "
                              "(scrapy crawl -h lists the options)")
        loader = get_spider_loader(self.settings)
        if args[0] not in loader.list():
            cli.stop("crawl", f"no spider named {args[0]!r} (spiders: {', '.join(sorted(loader.list()))})")
        usage_problem = getattr(loader.load(args[0]), "usage_problem", None)
        problem = usage_problem(opts.spargs, self.settings) if usage_problem else None
        if problem:
            cli.stop("crawl", f"{problem}; nothing was crawled")

    def _create_crawler(self, spidercls):
        crawler = super()._create_crawler(spidercls)
        self.crawlers = [*getattr(self, "crawlers", []), crawler]
        return crawler

    def run(self, args, opts) -> None:
        super().run(args, opts)
        for crawler in getattr(self, "crawlers", []):
            if not crawler.stats:
                continue
            reason = crawler.stats.get_value("finish_reason")
            status = outcome.exit_status(reason)
            if status != outcome.EXIT_OK:
                message = crawler.stats.get_value(outcome.FINISH_MESSAGE) or f"the crawl failed ({reason})"
                cli.say("crawl", f"{message} [finish reason {reason}, exit status {status}]")
                self.exitcode = max(self.exitcode, status)
