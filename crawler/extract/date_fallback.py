"""The last stage of the date cascade: htmldate (trafilatura's date engine) on a page where nothing
newsdesk reads states a date.

Why htmldate and why last: newsdesk's own stages read what the page states as its date (metadata,
the dateline beside the headline, <time> elements, the URL) and say where it came from; htmldate
reads much the same and then more (date-like text patterns anywhere, attributes, the original date
among several), which finds a date on pages that state none in the usual places, but wrongly more
often than newsdesk's stages where both find one. Measured on the dev sets (README, "Dates"),
htmldate as the last stage gains where it alone answers and costs nothing elsewhere; as the first
it loses. It runs on a copy of the tree (it prunes what it reads), so the extractor's tree is
untouched, and only on the few pages that come this far.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timezone

from lxml.html import HtmlElement

# htmldate's search: original (publication) dates, not the latest. Its extensive mode reads date
# patterns in the whole text too, at seven times the cost (about 80 ms a page against 12): it is
# asked for a page that says it is an article (JSON-LD or og:type), where a date is to be found;
# a page that does not say so (a listing, a product, a service page kept for its text) gets the
# markup-and-URL search only (see the README's figures for the choice).
_FORMAT = "%Y-%m-%d"  # a day: htmldate's time of day is seldom the page's
# htmldate's answer when all it found is a year (a copyright line, a year in the text): 1 January.
# A year is no publication day, so that answer is none (a page published on 1 January and dated
# nowhere else is the price).
_YEAR_ONLY = "-01-01"

# htmldate logs every page it finds no date on; that is the cascade's business, not the crawl log's.
logging.getLogger("htmldate").setLevel(logging.ERROR)


def fallback_date(root: HtmlElement, url: str | None, fetched_at: datetime | None,
                  extensive: bool = True) -> str | None:
    """The publication day htmldate reads in the page ("2025-07-17"), or None. Nothing after the
    day of the fetch is a publication date, and a year alone is none."""
    from htmldate import find_date  # here, not at the top: its import costs start-up time few pages need

    latest = None
    if fetched_at is not None:
        day = fetched_at.astimezone(timezone.utc) if fetched_at.tzinfo else fetched_at
        latest = datetime.combine(day.date(), time.max)
    try:
        found = find_date(root, extensive_search=extensive, original_date=True, outputformat=_FORMAT,
                          url=url or None, max_date=latest)
    except (ValueError, TypeError, OverflowError):  # a page htmldate cannot read is a page without a date
        return None
    return None if not found or found.endswith(_YEAR_ONLY) else found
