"""`scrapy watch`: saved full-text queries a feed reader can subscribe to (`scrapy report --watch NAME`).

    scrapy watch add NAME "QUERY" [--site NAME_OR_HOST ...] [--language xx] [-s NEWSDESK_DB=PATH]
    scrapy watch list
    scrapy watch remove NAME

QUERY is FTS5 syntax (``rail AND strike``, ``"gas storage"``, ``ceasefire NOT gaza``, ``minist*``),
checked when the watch is added. Exit status 0 on success; 1 when the database is missing or cannot
be written, or there is no such watch; 2 on bad usage (an unknown action, a query SQLite does not
understand, a name taken). Each failure is one line on stderr.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand

from crawler import knobs, outcome
from exports import cli, watches
from exports.monitor import open_existing
from pipelines import schema
from pipelines.store import db_path

USAGE = {"add": 2, "list": 0, "remove": 1}  # action → the arguments it takes


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return 'add NAME "QUERY" [--site SITE ...] [--language xx] | list | remove NAME'

    def short_desc(self) -> str:
        return "Save, list or remove full-text watches (scrapy report --watch NAME reports one)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        cli.one_line_errors(parser, "watch")
        parser.add_argument("--site", action="append", default=[], metavar="NAME_OR_HOST",
                            help="add, only this site (its name, or its host); may be repeated")
        parser.add_argument("--language", metavar="xx", default=None,
                            help="add, only articles in this language (en also matches en-US)")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        cli.check_settings("watch", self.settings, (knobs.DB,))
        if not args or args[0] not in USAGE:
            cli.stop("watch", f"say what to do: {self.syntax()}")
        if len(args) != USAGE[args[0]] + 1:
            usage = {"add": 'add NAME "QUERY"', "list": "list", "remove": "remove NAME"}[args[0]]
            cli.stop("watch", f"{args[0]} takes {USAGE[args[0]] or 'no'} argument(s): scrapy watch {usage}")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        path = Path(db_path(self.settings))
        try:
            if args[0] == "list":
                self.list(path)
            else:
                self.change(path, args, opts)
        except cli.CommandError as exc:
            cli.say("watch", str(exc))
            self.exitcode = exc.exitcode

    def list(self, path: Path) -> None:
        db = open_existing(path)
        try:
            found = watches.all_watches(db)
        finally:
            db.close()
        sys.stdout.write("".join(f"{watches.describe(w)}\n" for w in found) or "no watches\n")

    def change(self, path: Path, args: list[str], opts: argparse.Namespace) -> None:
        open_existing(path).close()  # a missing or foreign database is said as the report says it
        try:
            db = schema.open_database(str(path))
        except sqlite3.Error as exc:
            raise cli.CommandError(f"cannot write {path}: {exc}") from None
        try:
            if args[0] == "add":
                watch = watches.add(db, args[1], args[2], opts.site, opts.language)
                cli.say("watch", f"added {watches.describe({**watch, 'sites': opts.site})}")
            else:
                watches.remove(db, args[1])
                cli.say("watch", f"removed {args[1]}")
        except sqlite3.Error as exc:
            raise cli.CommandError(f"cannot write {path}: {exc}", outcome.EXIT_FAILED) from None
        finally:
            db.close()
