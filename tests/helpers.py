"""Extractors plugged in with -s NEWSDESK_EXTRACTOR=... to exercise the crawl's error handling."""

from __future__ import annotations

from crawler.extract import extract_article
from pipelines.store import SQLitePipeline


def exploding_extract(tree, url, fetched_at):
    """extract_article, except that it raises on one page (as a bug in a field parser would)."""
    if "harbour-festival" in url:
        raise RuntimeError("simulated extractor bug")
    return extract_article(tree, url, fetched_at)


class SmallDiskSQLitePipeline(SQLitePipeline):
    """The real SQLitePipeline on a database that can grow by only TEST_FREE_PAGES pages.

    ``PRAGMA max_page_count`` on the pipeline's own connection makes SQLite answer a write that
    needs more pages with SQLITE_FULL ("database or disk is full"), the very error a full disk
    gives, without needing the privileges to mount a small filesystem.
    """

    def _open(self) -> None:
        super()._open()
        free = self.crawler.settings.getint("TEST_FREE_PAGES", 8)
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages + free}")
