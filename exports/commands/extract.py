"""`scrapy extract`: one page's article as JSON, as the crawl would store it; why blocks were left out.

    scrapy extract FILE_OR_URL [--explain] [--url URL] [--fetched-at ISO_TIME] [-s NAME=VALUE]

A URL is fetched with Scrapy's downloader and the project's settings (USER_AGENT, robots.txt,
timeouts, DOWNLOAD_MAXSIZE, redirects, retries), as ``scrapy fetch`` does; its fetch time is now.
A file (gzip is undone) is read as the page of ``--url`` (default: the file's file:// address)
fetched at ``--fetched-at`` (default: when the file was last written); stderr says what was chosen.
``--explain`` writes to stderr each block the extractor's rules dropped (and kept where a rule
decided), by stage, with the rule's name: stdout stays the article's JSON.

Exit status 0 with an article; 1 when the page is no article, or cannot be read or fetched, or is
not HTML (one line on stderr); 2 on a bad option.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from scrapy import Request, Spider
from scrapy.commands import ScrapyCommand
from w3lib.url import is_url

from crawler import knobs
from crawler.extract import Trace, extract_article
from crawler.extract.trace import PAGE, RULES, explain
from crawler.incremental import validators
from crawler.spiders.news import fetched_at_of
from exports import cli
from exports.page import PageError, check_html, file_fetched_at, read_page_file, stored_item


class _OnePage(Spider):
    """A spider that fetches one request and keeps the response (or the failure) for the command."""

    name = "newsdesk-extract"

    def __init__(self, url: str, got: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.url, self.got = url, got

    async def start(self):
        yield Request(self.url, callback=self.keep, errback=self.failed, dont_filter=True)

    def keep(self, response):
        self.got["response"] = response
        return []

    def failed(self, failure) -> None:
        self.got["failure"] = failure


def _failure_line(failure) -> str:
    """One line for why a fetch failed: the HTTP status, robots.txt, or the network error."""
    response = getattr(failure.value, "response", None)
    if response is not None:
        return f"HTTP {response.status}"
    message = str(failure.value) or type(failure.value).__name__
    return message.splitlines()[0] if message else type(failure.value).__name__


class Command(ScrapyCommand):
    requires_project = True
    # No item pipelines (nothing is stored) and no log: stdout is the article, stderr one line.
    default_settings = {"LOG_ENABLED": False, "ITEM_PIPELINES": {}, "NEWSDESK_INCREMENTAL": False}

    def syntax(self) -> str:
        return "FILE_OR_URL [--explain] [--url URL] [--fetched-at ISO_TIME]"

    def short_desc(self) -> str:
        return "Print a page's article as JSON, as the crawl would store it; --explain says what was left out"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        cli.one_line_errors(parser, "extract")
        parser.add_argument("--explain", action="store_true",
                            help="also write each block the rules dropped, with the rule, to stderr")
        parser.add_argument("--url", metavar="URL", default=None,
                            help="for a file: the page's address (default: the file's file:// URL)")
        parser.add_argument("--fetched-at", metavar="ISO_TIME", default=None,
                            help="for a file: when it was fetched (default: the file's modification time)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        options = [arg for arg in args if arg.startswith("-")]
        if options:
            cli.stop("extract", f"unexpected argument {options[0]!r} (scrapy extract -h lists the options)")
        if len(args) != 1:
            cli.stop("extract", "give one file or URL (scrapy extract -h lists the options)")
        source = args[0]
        cli.check_settings("extract", self.settings)
        extractor = knobs.EXTRACTOR.get(self.settings)
        # The default extractor always keeps a trace: it names the rule when the page is no article.
        trace = Trace() if opts.explain or extractor is extract_article else None
        try:
            if is_url(source) and not source.startswith("file://"):
                page = self._fetch(source)
            else:
                page = self._read(Path(source.removeprefix("file://")), opts)
            body, url, fetched_at, content_type, stated, note = page
            check_html(body, content_type, source)
            if note:
                sys.stderr.write(note)
            item = stored_item(body, url, fetched_at, extractor, content_type, stated, trace)
        except PageError as exc:
            self._fail(str(exc))
            return
        sys.stdout.write(json.dumps(item, ensure_ascii=False, indent=2) + "\n")
        if opts.explain and trace is not None:
            sys.stderr.write("\n".join(["scrapy extract: what the rules left out (and kept where they decided)",
                                        *explain(trace)]) + "\n")
        if item is None:
            said = next((r for r in trace or () if r.stage == PAGE), None)
            why = RULES[said.rule] if said is not None else None
            self._fail(f"{source}: not an article" + (f" ({why.name}: {why.why})" if why else "")
                       + (f" [{said.detail}]" if said is not None and said.detail else ""))

    def _read(self, path: Path, opts: argparse.Namespace):
        body = read_page_file(path, self.settings.getint("DOWNLOAD_MAXSIZE"))
        url = opts.url or path.resolve().as_uri()
        if opts.fetched_at:
            try:
                fetched_at = datetime.fromisoformat(opts.fetched_at)
            except ValueError:
                raise PageError(f"--fetched-at {opts.fetched_at!r}: not an ISO 8601 time") from None
            fetched_at = fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=timezone.utc)
            when = "as given"
        else:
            fetched_at, when = file_fetched_at(path), "the file's modification time"
        note = (f"scrapy extract: {path} read as the page of {url}{'' if opts.url else ' (--url sets it)'}, "
                f"fetched at {fetched_at.isoformat()} ({when})\n")
        return body, url, fetched_at, None, (None, None), note

    def _fetch(self, url: str):
        got: dict[str, Any] = {}
        assert self.crawler_process is not None
        self.crawler_process.crawl(_OnePage, url=url, got=got)
        self.crawler_process.start()
        response = got.get("response")
        if response is None:
            failure = got.get("failure")
            raise PageError(f"{url}: {_failure_line(failure) if failure else 'no response'}")
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        return response.body, response.url, fetched_at_of(response), content_type, validators(response), ""

    def _fail(self, line: str) -> None:
        sys.stderr.write(f"scrapy extract: {line}\n")
        self.exitcode = 1
