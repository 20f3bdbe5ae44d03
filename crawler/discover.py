"""What a response is (robots.txt, sitemap, feed, page) and which URLs it leads to. Pure functions."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from io import BytesIO
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from scrapy.linkextractors import IGNORED_EXTENSIONS
from w3lib.url import canonicalize_url, url_query_cleaner

_XML_ROOT = re.compile(rb"<(?:[\w-]+:)?(urlset|sitemapindex|rss|feed|rdf:RDF|RDF)\b", re.IGNORECASE)
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|icid|ito|at_\w+|wt_\w+"
    r"|__twitter_impression)$",
    re.IGNORECASE,
)
_IGNORED = tuple("." + ext for ext in IGNORED_EXTENSIONS)
_FEED_PARSER = etree.XMLParser(
    recover=True, resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)


def kind_of(url: str, body: bytes, content_type: str = "") -> str:
    """'robots', 'sitemap', 'feed' or 'page', from the URL, the Content-Type and the first bytes."""
    if urlsplit(url).path.endswith("/robots.txt"):
        return "robots"
    if body[:2] == b"\x1f\x8b":
        return "sitemap"
    head = body[:2048]
    match = _XML_ROOT.search(head)
    if match and not re.search(rb"<html\b", head, re.IGNORECASE):
        root = match.group(1).lower()
        return "sitemap" if root in (b"urlset", b"sitemapindex") else "feed"
    ctype = content_type.lower()
    if "rss" in ctype or "atom" in ctype:
        return "feed"
    return "page"


def feed_links(body: bytes, base_url: str) -> list[str]:
    """Item links of an RSS 1.0/2.0 or Atom feed (entities are never resolved, broken XML recovered)."""
    try:
        root = etree.fromstring(body, parser=_FEED_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    links: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        parent = el.getparent()
        parent_local = etree.QName(parent).localname if parent is not None and isinstance(parent.tag, str) else ""
        if local != "link" or parent_local not in ("item", "entry"):
            continue
        href = el.get("href") if el.get("href") is not None else (el.text or "")
        rel = el.get("rel", "alternate")
        if href.strip() and rel == "alternate":
            links.append(urljoin(base_url, href.strip()))
    return list(dict.fromkeys(links))


# What a sitemap entry may say about its page besides its URL, each with the longest value taken: a
# longer one is not a date or a headline but junk (or an attack), and is dropped whole, never cut
# (a cut date may be another date). Google News sitemaps put publication_date and title in <news:news>.
SITEMAP_FIELDS = {"lastmod": 64}
NEWS_FIELDS = {"publication_date": ("news_publication_date", 64), "title": ("news_title", 1000)}
_SITEMAP_PARSE = {"recover": True, "resolve_entities": False, "no_network": True, "huge_tree": False,
                  "remove_comments": True, "remove_pis": True, "remove_blank_text": True, "collect_ids": False}


def sitemap_entries(body: bytes) -> tuple[str | None, Iterator[dict[str, Any]]]:
    """The root's name ('urlset', 'sitemapindex', or another) and the entries of a sitemap.

    Each entry is a dict with ``loc`` and, when given, ``lastmod``, ``news_publication_date`` and
    ``news_title`` (what Scrapy's own sitemap parsing drops). Read as hostile input, the way
    ``scrapy.utils.sitemap.Sitemap`` reads it: entities never expanded nor loaded, broken XML
    recovered up to where libxml2 gives up, each entry freed once read (memory stays flat over
    50,000 entries). None and no entries when the body is not XML at all.
    """
    events = etree.iterparse(BytesIO(body), events=("start", "end"), **_SITEMAP_PARSE)
    try:
        _, root = next(events)
    except (etree.XMLSyntaxError, StopIteration):
        return None, iter(())
    return _local_name(root), _sitemap_entries(events)


def _sitemap_entries(events: Iterator[tuple[str, Any]]) -> Iterator[dict[str, Any]]:
    try:
        for event, element in events:
            if event != "end" or _local_name(element) not in ("url", "sitemap"):
                continue
            entry = _sitemap_entry(element)
            element.clear()
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
            if entry.get("loc"):
                yield entry
    except etree.XMLSyntaxError:  # damage recover=True does not get past: the entries before it stand
        return


def _sitemap_entry(element: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    for child in element:
        name = _local_name(child)
        if name == "loc":
            entry["loc"] = (child.text or "").strip()
        elif name in SITEMAP_FIELDS:
            _put(entry, name, child.text, SITEMAP_FIELDS[name])
        elif name == "news":
            for part in child:
                field = NEWS_FIELDS.get(_local_name(part))
                if field:
                    _put(entry, field[0], part.text, field[1])
    return entry


def _put(entry: dict[str, Any], key: str, text: str | None, max_chars: int) -> None:
    value = " ".join((text or "").split())
    if value and len(value) <= max_chars:
        entry[key] = value


def _local_name(element: Any) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def clean_url(url: str) -> str:
    """Fragment and tracking parameters (utm_*, fbclid...) dropped, query sorted: one URL per page."""
    parts = urlsplit(url)
    if parts.query:
        keep = [k for k in _query_keys(parts.query) if not _TRACKING.match(k)]
        url = url_query_cleaner(url, keep, keep_fragments=False) if keep else url.split("?", 1)[0]
    return canonicalize_url(url, keep_fragments=False)


def _query_keys(query: str) -> list[str]:
    return [pair.split("=", 1)[0] for pair in query.split("&") if pair]


def same_site(url: str, hosts: Iterable[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def page_links(hrefs: Iterable[str], base_url: str, hosts: Iterable[str]) -> Iterator[str]:
    """Absolute, cleaned http(s) links to pages of the given hosts (files, mailto: and the like left out)."""
    hosts = tuple(hosts)
    seen: set[str] = set()
    for href in hrefs:
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        url = urljoin(base_url, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.path.lower().endswith(_IGNORED):
            continue
        if hosts and not same_site(url, hosts):
            continue
        url = clean_url(url)
        if url not in seen:
            seen.add(url)
            yield url


class TooLarge(ValueError):
    """A compressed body inflates past the size allowed."""


def gunzip_capped(data: bytes, max_size: int) -> bytes:
    """Gunzip ``data`` (all members), never holding more than ``max_size`` + 64 KiB of output.

    Raises ``TooLarge`` past ``max_size`` (0: no cap) and ``ValueError`` when the data is not gzip.
    A truncated or corrupt stream gives what inflated before the damage.
    """
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while data:
                room = max_size - len(out) + 1 if max_size else 0
                out += inflater.decompress(data, room if max_size else 0)
                if max_size and len(out) > max_size:
                    raise TooLarge(f"inflates past {max_size} bytes")
                data = inflater.unconsumed_tail
            out += inflater.flush()
        except zlib.error as exc:
            if out:
                break
            raise ValueError(f"not gzip data: {exc}") from exc
        data = inflater.unused_data if inflater.eof else b""
        if data[:2] != b"\x1f\x8b":
            break
    if max_size and len(out) > max_size:
        raise TooLarge(f"inflates past {max_size} bytes")
    return bytes(out)
