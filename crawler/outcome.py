"""How a crawl ended, in terms a scheduler acts on: the finish reasons that mean failure, the exit
status of ``scrapy crawl`` for each, and the one line that says why.

- 0: the crawl ran (``finished``; also ``shutdown``, stopped with Ctrl-C or SIGTERM: a JOBDIR resumes it).
- 1: the crawl ran but failed: a finish reason of ``FAILED`` (recorded in ``crawl_runs.finish_reason``).
- 2: bad usage or settings (no start URLs, a start URL that is not one, a setting whose value does
  not parse): said before anything starts, so no run is recorded and the database is not opened.

Whoever stops a crawl for one of the ``FAILED`` reasons puts the line that says why in the stats
(``fail()``); ``scrapy crawl`` prints it on stderr as its last line, also when the log goes to a
file, so cron mails it.
"""

from __future__ import annotations

import logging

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

START_URLS_FAILED = "start_urls_failed"
DATABASE_ERROR = "database_error"
FAILED = {
    START_URLS_FAILED: "no start URL could be fetched (unreachable, an HTTP error, forbidden by robots.txt)",
    DATABASE_ERROR: "the database could not be opened or written (disk full, read-only, locked)",
}
# Stats key holding the line that says why the crawl failed.
FINISH_MESSAGE = "newsdesk/finish_message"


def exit_status(finish_reason: str | None) -> int:
    return EXIT_FAILED if finish_reason in FAILED else EXIT_OK


def fail(stats, log: logging.Logger, message: str) -> None:
    """Log (on ``log``, the caller's logger) why the crawl is being stopped, and keep the line for
    ``scrapy crawl`` to print; the first failure's line wins."""
    log.error("%s", message)
    if stats is not None and stats.get_value(FINISH_MESSAGE) is None:
        stats.set_value(FINISH_MESSAGE, message)
