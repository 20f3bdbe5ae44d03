"""`scrapy export`: the database as JSONL, CSV or Parquet files, with tables, images, versions and schema.json.

    scrapy export --format jsonl|csv|parquet [-o DIR] [--since RUN_ID|ISO_DATE] [--site NAME_OR_HOST ...]
                  [-s NEWSDESK_DB=PATH]

Exit status 0 on success; 1 when the database is missing (or, with --since, holds no runs) or a
format's library is not installed; 2 on a bad option.
"""

from __future__ import annotations

import argparse
import sys
import time

from scrapy.commands import ScrapyCommand

from exports.dataset import FORMATS, export
from exports.monitor import ReportError, open_existing, resolve_since
from pipelines.store import db_path


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "--format jsonl|csv|parquet [-o DIR] [--since RUN_ID|ISO_DATE] [--site NAME_OR_HOST]"

    def short_desc(self) -> str:
        return "Export articles, their tables, images and versions, and schema.json, for analysis"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--format", choices=FORMATS, default="jsonl", help="file format (default: jsonl)")
        parser.add_argument("-o", "--output", metavar="DIR", default="newsdesk-export",
                            help="directory to write into (default: newsdesk-export)")
        parser.add_argument("--since", metavar="RUN_ID|ISO_DATE", default=None,
                            help="only articles new or changed after this run, or from this date")
        parser.add_argument("--site", action="append", default=[], metavar="NAME_OR_HOST",
                            help="only this site (its name, or its host); may be repeated")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        path = db_path(self.settings)
        started = time.perf_counter()
        try:
            db = open_existing(path)
        except ReportError as exc:
            sys.stderr.write(f"scrapy export: {exc}\n")
            self.exitcode = exc.exitcode
            return
        try:
            since = resolve_since(db, opts.since).time if opts.since else None
            done = export(db, opts.output, opts.format, since, opts.site)
        except ReportError as exc:
            sys.stderr.write(f"scrapy export: {exc}\n")
            self.exitcode = exc.exitcode
            return
        except ImportError as exc:
            sys.stderr.write(f"scrapy export: --format {opts.format} needs {exc.name}: "
                             "pip install 'newsdesk[parquet]'\n")
            self.exitcode = 1
            return
        finally:
            db.close()
        seconds = time.perf_counter() - started
        sys.stderr.write(f"scrapy export: {done.articles} articles, {done.tables} tables, {done.images} images, "
                         f"{done.versions} versions → {opts.output}/ in {seconds:.1f} s\n")
