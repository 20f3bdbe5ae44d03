"""Extractors plugged in with -s NEWSDESK_EXTRACTOR=... to exercise the crawl's error handling."""

from __future__ import annotations

from crawler.extract import extract_article


def exploding_extract(tree, url, fetched_at):
    """extract_article, except that it raises on one page (as a bug in a field parser would)."""
    if "harbour-festival" in url:
        raise RuntimeError("simulated extractor bug")
    return extract_article(tree, url, fetched_at)
