"""Telling robots.txt, sitemaps, feeds and pages apart, and cleaning the URLs they lead to."""

from __future__ import annotations

import gzip

import pytest

from crawler.discover import clean_url, feed_links, kind_of, page_links


@pytest.mark.parametrize(
    "url, body, ctype, kind",
    [
        ("https://a.org/robots.txt", b"User-agent: *", "text/plain", "robots"),
        ("https://a.org/s.xml", b'<?xml version="1.0"?><urlset xmlns="x"></urlset>', "text/xml", "sitemap"),
        ("https://a.org/s", b"<sitemapindex><sitemap><loc>x</loc></sitemap></sitemapindex>", "", "sitemap"),
        ("https://a.org/s.xml.gz", gzip.compress(b"<urlset/>"), "application/x-gzip", "sitemap"),
        ("https://a.org/feed", b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "", "feed"),
        ("https://a.org/atom", b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "", "feed"),
        ("https://a.org/", b"<!DOCTYPE html><html><body>rss feed urlset</body></html>", "text/html", "page"),
    ],
)
def test_kind_of(url, body, ctype, kind):
    assert kind_of(url, body, ctype) == kind


def test_rss_links():
    rss = b"""<?xml version="1.0"?><rss><channel><link>https://a.org/</link>
    <item><link>https://a.org/one</link></item><item><link> /two </link></item></channel></rss>"""
    assert feed_links(rss, "https://a.org/feed") == ["https://a.org/one", "https://a.org/two"]


def test_atom_links_take_the_alternate_link():
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://a.org/"/>
    <entry><link rel="alternate" href="https://a.org/one"/><link rel="edit" href="https://a.org/edit/1"/></entry>
    <entry><link href="https://a.org/two"/></entry></feed>"""
    assert feed_links(atom, "https://a.org/atom") == ["https://a.org/one", "https://a.org/two"]


def test_broken_feed_gives_what_it_can():
    broken = b"<rss><channel><item><link>https://a.org/one</link></item><item><link>https://a.org/tw"
    assert feed_links(broken, "https://a.org/feed")[0] == "https://a.org/one"


def test_feed_entities_are_not_expanded():
    xxe = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <rss><channel><item><link>https://a.org/&x;</link></item></channel></rss>"""
    assert all("root:" not in link for link in feed_links(xxe, "https://a.org/feed"))


@pytest.mark.parametrize(
    "url, clean",
    [
        ("https://a.org/x?utm_source=rss&utm_medium=feed", "https://a.org/x"),
        ("https://a.org/x?id=3&utm_campaign=home#comments", "https://a.org/x?id=3"),
        ("https://a.org/x?b=2&a=1&fbclid=zz", "https://a.org/x?a=1&b=2"),
        ("https://a.org/x#top", "https://a.org/x"),
    ],
)
def test_clean_url(url, clean):
    assert clean_url(url) == clean


def test_page_links_stay_on_site_and_skip_files():
    hrefs = ["/a", "https://a.org/a#x", "https://b.org/c", "mailto:x@a.org", "/file.pdf", "https://news.a.org/d", "#top"]
    assert list(page_links(hrefs, "https://a.org/", ["a.org"])) == ["https://a.org/a", "https://news.a.org/d"]
