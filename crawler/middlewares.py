"""Downloader middlewares that keep a crawl out of the traps hostile servers set, and the one place
that names why a request came to nothing.

- ``RedirectGuardMiddleware`` stops redirects to other schemes (``file:``, ``ftp:``, ``javascript:``),
  to other sites when the crawl is confined to its start sites, in loops, and past
  ``REDIRECT_MAX_TIMES``, each with its own reason, before Scrapy's RedirectMiddleware sees them.
- ``RetryAfterMiddleware`` honours ``Retry-After`` on 429 and 503 answers up to
  ``NEWSDESK_RETRY_AFTER_MAX`` seconds; a server asking for a longer wait is given up on.
- ``failure_reason()`` turns a failed request into one ``newsdesk/skipped/<reason>`` or
  ``newsdesk/failed/<reason>`` stats key.
- ``RobotsTxtErrorLog`` (an extension) makes a robots.txt that could not be downloaded one warning
  line instead of an error with a traceback.
"""

from __future__ import annotations

import logging
import re
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from scrapy import Request, signals
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.asyncio import sleep

from . import knobs
from .discover import clean_url, same_site

logger = logging.getLogger(__name__)


class Skip(IgnoreRequest):
    """A request given up on deliberately; ``reason`` names the stats key ``newsdesk/skipped/<reason>``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


# Scrapy raises a bare IgnoreRequest for several reasons; its message is all that tells them apart.
_IGNORED = (
    ("robots.txt", "robots_txt"),
    ("DOWNLOAD_MAXSIZE", "too_large"),
    ("max redirections", "redirect_limit"),
    ("offsite", "offsite"),
)
# Exception class name → failure reason (the rest are named after their class, in snake case).
_FAILED = {
    "DownloadTimeoutError": "timeout",
    "TimeoutError": "timeout",
    "TCPTimedOutError": "timeout",
    "DownloadConnectionRefusedError": "connection_refused",
    "ConnectionRefusedError": "connection_refused",
    "CannotResolveHostError": "dns",
    "DNSLookupError": "dns",
    "ConnectionLost": "connection_lost",
    "ConnectionDone": "connection_lost",
    "ResponseFailed": "connection_lost",
    "ResponseNeverReceived": "connection_lost",
    "ConnectionResetError": "connection_lost",
    "ResponseDataLossError": "connection_lost",
    "DownloadFailedError": "connection_lost",
}


def is_network_error(exc: BaseException) -> bool:
    """True for the failures of the network or the server (refused, timed out, DNS, reset...), whose
    traceback says nothing about newsdesk: they are logged as one line."""
    return type(exc).__name__ in _FAILED


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def failure_reason(failure) -> str:
    """The ``newsdesk/...`` stats key for a request that came to nothing."""
    exc = failure.value
    if isinstance(exc, Skip):
        return f"newsdesk/skipped/{exc.reason}"
    if isinstance(exc, HttpError):
        return f"newsdesk/failed/http_{exc.response.status}"
    if isinstance(exc, IgnoreRequest):
        message = str(exc)
        reason = next((r for text, r in _IGNORED if text in message), "ignored_request")
        return f"newsdesk/skipped/{reason}"
    name = type(exc).__name__
    if name in ("DownloadCancelledError", "CancelledError"):  # Scrapy cancels a download past DOWNLOAD_MAXSIZE
        return "newsdesk/skipped/too_large"
    return f"newsdesk/failed/{_FAILED.get(name, _snake(name))}"


class RedirectGuardMiddleware:
    """Turns redirects that lead nowhere good into ``Skip``s with their own reason.

    Runs before Scrapy's RedirectMiddleware (order 610 > 600 for responses). Reasons:
    ``redirect_bad_scheme`` (Location is not http/https: Scrapy would hand the 3xx on as an HTTP
    error), ``redirect_offsite`` (another site while the spider has ``allowed_domains``),
    ``redirect_loop`` (back to a URL of this redirect chain), ``redirect_limit`` (more than
    ``REDIRECT_MAX_TIMES`` hops).
    """

    def __init__(self, crawler) -> None:
        if not crawler.settings.getbool("REDIRECT_ENABLED"):
            raise NotConfigured
        self.crawler = crawler
        self.max_times = knobs.REDIRECT_MAX_TIMES.get(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, location.decode("latin-1").strip())
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            raise Skip("redirect_bad_scheme", f"Redirect from {request.url} to a {scheme or 'schemeless'}: URL")
        hosts = getattr(self.crawler.spider, "allowed_domains", None) or []
        if hosts and not same_site(target, hosts):
            raise Skip("redirect_offsite", f"Redirect from {request.url} off the crawled sites to {target}")
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if clean_url(target) in {clean_url(u) for u in chain}:
            raise Skip("redirect_loop", f"Redirect loop: {' -> '.join(chain)} -> {target}")
        if len(chain) > self.max_times:
            raise Skip("redirect_limit", f"More than {self.max_times} redirects from {chain[0]}")
        return response


def retry_after_seconds(value: str | bytes | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date); None if unreadable."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class RetryAfterMiddleware:
    """Retries 429 and 503 answers after the wait their ``Retry-After`` asks for, within a cap.

    Settings: ``NEWSDESK_RETRY_AFTER_MAX`` (seconds, ``crawler.knobs``): a longer wait is not honoured:
    the request is given up on at once (no immediate retry hammering the server), counted under
    ``newsdesk/retry_after/over_cap`` and, in the errback, as ``newsdesk/failed/http_<status>``.
    Honoured waits are counted under ``newsdesk/retry_after/honoured``. Retries count against
    ``RETRY_TIMES`` like Scrapy's own. Runs before RetryMiddleware (order 560 > 550 for responses);
    an answer without a readable Retry-After is left to it.
    """

    codes = (429, 503)

    def __init__(self, crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        self.crawler = crawler
        self.cap = knobs.RETRY_AFTER_MAX.get(settings)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in self.codes or request.meta.get("dont_retry"):
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None:
            return response
        stats = self.crawler.stats
        if wait > self.cap:
            stats.inc_value("newsdesk/retry_after/over_cap")
            logger.warning("Giving up on %s: HTTP %s asks to retry after %.0f s, more than NEWSDESK_RETRY_AFTER_MAX=%s",
                           request.url, response.status, wait, self.cap)
            request.meta["dont_retry"] = True  # and RetryMiddleware must not retry it at once either
            return response
        retry = get_retry_request(request, spider=self.crawler.spider, reason=f"{response.status} Retry-After")
        if retry is None:
            request.meta["dont_retry"] = True
            return response
        stats.inc_value("newsdesk/retry_after/honoured")
        logger.info("HTTP %s on %s: retrying after %.1f s as Retry-After asks", response.status, request.url, wait)
        await sleep(wait)
        return retry


class _RobotsTxtUnreachable(logging.Filter):
    """Rewrites Scrapy's "Error downloading <page>: <error>" + traceback, logged when the robots.txt of
    a site cannot be downloaded, into one warning that names robots.txt (the page is still fetched:
    a site without a readable robots.txt is crawled as if it allowed everything)."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is None or not is_network_error(exc) or not isinstance(record.args, dict):
            return True
        request = record.args.get("request")
        host = urlsplit(request.url).netloc if isinstance(request, Request) else "?"
        record.msg = "Could not download robots.txt of %(host)s (%(error)s): crawling it as if it allowed everything"
        record.args = {"host": host, "error": exc}
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True


ROBOTSTXT_LOGGER = "scrapy.downloadermiddlewares.robotstxt"


class RobotsTxtErrorLog:
    """Extension: installs ``_RobotsTxtUnreachable`` on the robots.txt middleware's logger while a crawl runs."""

    filter = _RobotsTxtUnreachable()

    def __init__(self, crawler) -> None:
        logging.getLogger(ROBOTSTXT_LOGGER).addFilter(self.filter)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_closed(self, spider, reason: str) -> None:
        logging.getLogger(ROBOTSTXT_LOGGER).removeFilter(self.filter)
