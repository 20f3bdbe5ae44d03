"""`scrapy export`: the database as JSONL, CSV or Parquet files, with tables, images, versions and schema.json.

    scrapy export [--format jsonl|csv|parquet] [-o DIR] [--since RUN_ID|ISO_DATE] [--site NAME_OR_HOST ...]
                  [-s NEWSDESK_DB=PATH]

Reads the database read-only (also in a folder it cannot write). Exit status 0 on success; 1 when
the database is missing (or, with --since, holds no runs), a format's library is not installed or
the output folder cannot be written; 2 on a bad option or setting. Each failure is one line on stderr.
"""

from __future__ import annotations

import argparse
import time

from scrapy.commands import ScrapyCommand

from crawler import knobs
from exports import cli
from exports.dataset import FORMATS, export
from exports.monitor import open_existing, resolve_since
from pipelines.store import db_path

DEFAULT_FOLDER = "newsdesk-export"


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--format jsonl|csv|parquet] [-o DIR] [--since RUN_ID|ISO_DATE] [--site NAME_OR_HOST]"

    def short_desc(self) -> str:
        return "Export articles, their tables, images and versions, and schema.json, for analysis"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        cli.one_line_errors(parser, "export")
        # No colon in the help texts: Scrapy's help formatter takes a wrapped line ending in ':' for a heading.
        parser.add_argument("--format", choices=FORMATS, default="jsonl",
                            help=f"file format, one of {', '.join(FORMATS)} (jsonl by default)")
        parser.add_argument("-o", "--output", metavar="DIR", default=DEFAULT_FOLDER,
                            help=f"folder to write into, created if missing ({DEFAULT_FOLDER} by default)")
        parser.add_argument("--since", metavar="RUN_ID|ISO_DATE", default=None,
                            help="only articles new or changed after this run, or from this date")
        parser.add_argument("--site", action="append", default=[], metavar="NAME_OR_HOST",
                            help="only this site (its name, or its host with or without the port); may be repeated")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        cli.no_arguments("export", args)
        cli.check_settings("export", self.settings, (knobs.DB,))

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        started = time.perf_counter()
        try:
            done = self.export(opts)
        except cli.CommandError as exc:
            cli.say("export", str(exc))
            self.exitcode = exc.exitcode
            return
        seconds = time.perf_counter() - started
        cli.say("export", f"{done.articles} articles, {done.tables} tables, {done.images} images, "
                          f"{done.versions} versions → {opts.output}/ in {seconds:.1f} s")

    def export(self, opts: argparse.Namespace):
        db = open_existing(db_path(self.settings))
        try:
            since = resolve_since(db, opts.since).time if opts.since else None
            folder = cli.output_folder(opts.output)
            try:
                return export(db, folder, opts.format, since, opts.site)
            except ImportError as exc:
                raise cli.CommandError(f"--format {opts.format} needs {exc.name}: pip install 'newsdesk[parquet]'") \
                    from None
            except OSError as exc:
                raise cli.cannot_write(exc, exc.filename or folder) from None
        finally:
            db.close()
