"""`scrapy crawl`, with an exit status a scheduler can act on.

Scrapy's own command exits 0 whenever the crawl ran, whatever stopped it. This one exits 1 when
the crawl was stopped because its database could not be written (finish reason
``database_error``: disk full, read-only file, locked), so an hourly cron job notices.
"""

from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

FAILING_REASONS = frozenset({"database_error"})


class Command(ScrapyCrawlCommand):
    def _create_crawler(self, spidercls):
        crawler = super()._create_crawler(spidercls)
        self.crawlers = [*getattr(self, "crawlers", []), crawler]
        return crawler

    def run(self, args, opts) -> None:
        super().run(args, opts)
        for crawler in getattr(self, "crawlers", []):
            if crawler.stats and crawler.stats.get_value("finish_reason") in FAILING_REASONS:
                self.exitcode = 1
