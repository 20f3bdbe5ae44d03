"""Comparison spiders for bench/crawl.py: the same sitemap, without newsdesk's pipeline.

- ``bare``: fetches every page and does nothing with it (the cost of Scrapy and the network alone);
- ``trafilatura``: fetches every page and runs ``trafilatura.bare_extraction`` on it, yielding a dict
  (a plain Scrapy + trafilatura crawler, as many projects build one).
"""

from __future__ import annotations

from scrapy.spiders import SitemapSpider


class BareSpider(SitemapSpider):
    name = "bare"
    sitemap_rules = [("", "parse_page")]

    def __init__(self, sitemap: str = "", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sitemap_urls = [sitemap]

    def parse_page(self, response):
        return None


class TrafilaturaSpider(BareSpider):
    name = "trafilatura"

    def parse_page(self, response):
        import trafilatura

        doc = trafilatura.bare_extraction(response.text, url=response.url, with_metadata=True)
        if doc is not None:
            yield {"url": response.url, "title": doc.title, "text": doc.text}
