"""One page through the crawl's extraction, outside a crawl: what ``scrapy extract`` prints.

The page (bytes from a file, or a response the command fetched) goes through what the crawl does
with it: the spider's checks (``page_skip_reason``), ``parse_html`` with the response's
Content-Type, the configured extractor (``NEWSDESK_EXTRACTOR``), then the item pipelines that
change the item (``normalize_article``, the content hash): the JSON is the item as it is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from crawler.discover import TooLarge, gunzip_capped
from crawler.extract import Trace, parse_html
from crawler.extract.html import looks_binary, looks_like_html
from crawler.items import Article, plain
from pipelines.dedupe import content_hash
from pipelines.normalize import normalize_article

GZIP_MAGIC = b"\x1f\x8b"


class PageError(ValueError):
    """A page that cannot be extracted: missing, unreadable, not HTML. Its message is one line."""


def read_page_file(path: Path, max_size: int) -> bytes:
    """The page bytes of a saved file (gunzipped when it is gzip, as the benchmark pages are),
    at most ``max_size`` bytes (0: no cap), as the crawl's DOWNLOAD_MAXSIZE bounds a response."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PageError(f"{path}: a directory, not a page") from None
    except OSError as exc:
        raise PageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if data.startswith(GZIP_MAGIC):
        try:
            data = gunzip_capped(data, max_size)
        except (TooLarge, ValueError) as exc:
            raise PageError(f"{path}: gzip data that {exc}") from None
    if max_size and len(data) > max_size:
        raise PageError(f"{path}: {len(data)} bytes, more than DOWNLOAD_MAXSIZE ({max_size})")
    return data


def file_fetched_at(path: Path) -> datetime:
    """The time a saved page stands for, when none is given: when the file was last written."""
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)


def check_html(body: bytes, content_type: str | None, where: str) -> None:
    """Raise PageError for bytes the spider would skip: empty, binary, or not HTML by their start
    (whatever a Content-Type said; a text/html answer is given the benefit of the doubt, as there)."""
    if not body.strip():
        raise PageError(f"{where}: an empty page")
    if looks_binary(body):
        raise PageError(f"{where}: binary data, not an HTML page")
    if not (content_type or "").lower().startswith(("text/html", "application/xhtml")) and not looks_like_html(body):
        raise PageError(f"{where}: not an HTML page" + (f" (Content-Type {content_type})" if content_type else ""))


def stored_item(body: bytes, url: str, fetched_at: datetime, extractor: Callable[..., Article | None],
                content_type: str | None = None, validators: tuple[str | None, str | None] = (None, None),
                trace: Trace | None = None) -> dict[str, Any] | None:
    """The article of a page as the crawl stores it (plain JSON values), or None when the page is
    no article. With ``trace``, the extractor records what its rules dropped."""
    tree = parse_html(body, content_type)
    if tree is None:
        raise PageError(f"{url}: nothing to parse")
    article = extractor(tree, url, fetched_at, trace=trace) if trace is not None else extractor(tree, url, fetched_at)
    if article is None:
        return None
    article.etag, article.last_modified = validators
    normalize_article(article, now=fetched_at)
    article.content_hash = content_hash(article)
    return plain(article)
