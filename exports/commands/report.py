"""`scrapy report`: what is new or changed since the last run (or a run id, a date, a window), and the runs' errors.

    scrapy report [--since RUN_ID|ISO_DATE|7d] [--format md|markdown|html|json|atom] [-o FILE]
                  [--feed-url URL] [--max-entries N] [--days N] [--watch NAME] [-s NEWSDESK_DB=PATH]

``--watch NAME``: only what a watch (`scrapy watch add`) matches, from when it was made unless
``--since`` says otherwise.

Reads the database read-only (also in a folder it cannot write). Exit status 0 on success; 1 when
the database is missing or holds no runs, there is no such watch, or FILE cannot be written; 2 on a
bad option or setting.
Each failure is one line on stderr.
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands import ScrapyCommand

from crawler import knobs
from exports import cli, watches
from exports.monitor import build_report, open_existing
from exports.render import ALIASES, FEED_MAX_ENTRIES, FORMATS, render
from pipelines.store import db_path

FEED_WINDOW = "7d"  # an Atom feed's --since by default: a reader polling less often than cron misses nothing
CHART_DAYS = 30


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


_positive.__name__ = "whole number of at least 1"  # argparse names the type in its error


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--since RUN_ID|ISO_DATE|7d] [--format md|html|json|atom] [-o FILE]"

    def short_desc(self) -> str:
        return "Report new and changed articles since the last run (or a run id, a date or a window), by site"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        cli.one_line_errors(parser, "report")
        # No colon in the help texts: Scrapy's help formatter takes a wrapped line ending in ':' for a heading.
        parser.add_argument("--since", metavar="RUN_ID|ISO_DATE|7d", default=None,
                            help="changes after this run, from this date, or in this window back from now (7d, "
                                 f"48h, 2w); by default those of the last run ({FEED_WINDOW} for atom)")
        choices = [name for fmt in FORMATS for name in (fmt, *(a for a, f in ALIASES.items() if f == fmt))]
        parser.add_argument("--format", choices=choices, default="md",
                            help="md (or markdown), html (a page with a chart), json, or atom (a feed); md by "
                                 "default")
        parser.add_argument("-o", "--output", metavar="FILE", default=None,
                            help="write to FILE (replaced whole) instead of stdout")
        parser.add_argument("--feed-url", metavar="URL", default=None,
                            help="atom, the URL the feed is served at (its rel=self link)")
        parser.add_argument("--max-entries", metavar="N", type=_positive, default=FEED_MAX_ENTRIES,
                            help=f"atom, the newest N entries at most ({FEED_MAX_ENTRIES} by default)")
        parser.add_argument("--days", metavar="N", type=_positive, default=CHART_DAYS,
                            help=f"html, days shown in the chart ({CHART_DAYS} by default; weeks or months "
                                 "for long ranges)")
        parser.add_argument("--watch", metavar="NAME", default=None,
                            help="only what this watch matches (scrapy watch add), from when it was made unless "
                                 "--since says otherwise")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        cli.no_arguments("report", args)
        cli.check_settings("report", self.settings, (knobs.DB,))
        opts.format = ALIASES.get(opts.format, opts.format)
        opts.default_since = FEED_WINDOW if opts.format == "atom" else None
        if opts.since is None and opts.format == "atom" and opts.watch is None:
            opts.since = FEED_WINDOW

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        path = db_path(self.settings)
        try:
            db = open_existing(path)
            try:
                if opts.watch is not None:
                    report = watches.watch_report(db, opts.watch, opts.since, opts.default_since, days=opts.days)
                else:
                    report = build_report(db, opts.since, days=opts.days)
            finally:
                db.close()
            text = render(report, opts.format, database=str(path), feed_url=opts.feed_url,
                          max_entries=opts.max_entries)
            if opts.output:
                cli.write_file(opts.output, text, suggest=f"report.{opts.format}")
        except cli.CommandError as exc:
            cli.say("report", str(exc))
            self.exitcode = exc.exitcode
            return
        if opts.output:
            totals = report["totals"]
            cli.say("report", f"{totals['new']} new, {totals['changed']} changed → {opts.output}")
        else:
            sys.stdout.write(text)
