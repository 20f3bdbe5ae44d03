"""DedupePipeline: drops repeats within a run and stamps the content hash used for change detection."""

from __future__ import annotations

import hashlib

from scrapy.exceptions import DropItem

from crawler.items import Article


def content_hash(article: Article) -> str:
    """SHA-256 over what a reader would call the article's content (title, lead, body, dates, tables)."""
    parts = [
        article.title or "",
        article.lead or "",
        article.body or "",
        article.published_raw or "",
        article.modified_raw or "",
        repr([(t.caption, t.header, t.rows) for t in article.tables]),
        repr([(i.url, i.caption, i.credit) for i in article.images]),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class DedupePipeline:
    """Drops an article whose URL (or canonical URL) was already seen in this run."""

    def __init__(self, stats=None):
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        keys = {item.url, item.canonical_url} - {None}
        if keys & self.seen:
            if self.stats:
                self.stats.inc_value("newsdesk/skipped/duplicate")
            raise DropItem(f"Duplicate article in this run: {item.url}")
        self.seen.update(keys)
        item.content_hash = content_hash(item)
        return item
