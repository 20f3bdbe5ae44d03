"""`scrapy report`: what is new or changed since the last run (or a run id, or a date), and the runs' errors.

    scrapy report [--since RUN_ID|ISO_DATE] [--format md|html|json|atom] [-o FILE] [-s NEWSDESK_DB=PATH]

Exit status 0 on success; 1 when the database is missing or holds no runs; 2 on a bad option.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand

from exports.monitor import ReportError, build_report, open_existing
from exports.render import FORMATS, render
from pipelines.store import db_path


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--since RUN_ID|ISO_DATE] [--format md|html|json|atom] [-o FILE]"

    def short_desc(self) -> str:
        return "Report new and changed articles since the last run (or a run id or a date), grouped by site"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--since", metavar="RUN_ID|ISO_DATE", default=None,
                            help="changes after this run, or from this date (default: those of the last run)")
        parser.add_argument("--format", choices=FORMATS, default="md", help="output format (default: md)")
        parser.add_argument("-o", "--output", metavar="FILE", default=None, help="write to FILE instead of stdout")
        parser.add_argument("--days", type=int, default=30, help="days shown in the HTML chart (default: 30)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        path = db_path(self.settings)
        try:
            db = open_existing(path)
            try:
                report = build_report(db, opts.since, days=max(1, opts.days))
            finally:
                db.close()
        except ReportError as exc:
            sys.stderr.write(f"scrapy report: {exc}\n")
            self.exitcode = exc.exitcode
            return
        text = render(report, opts.format, database=str(path))
        if opts.output:
            Path(opts.output).write_text(text, encoding="utf-8")
            sys.stderr.write(f"scrapy report: {report['totals']['new']} new, {report['totals']['changed']} changed "
                             f"→ {opts.output}\n")
        else:
            sys.stdout.write(text)
