"""Which stated date is the publication date: the metadata's, or the one shown beside the headline.

The two agree on most pages. Where they name different days, neither is always right: the
metadata may hold the first draft's day or a template's, the dateline may be an update's or a
teaser's. So the dateline stands against the metadata only when it is clear evidence: an absolute
date (not "3 hours ago"), under the headline and inside the article (no comment, sidebar, widget,
caption or teaser card around it), not labelled or named as an update nor of the day the
metadata's own dateModified names, more than a day from the metadata's day (a day's
difference is as often a local time against UTC, or a print edition's date against the evening
it went online), and not contradicted by the URL's day agreeing with the metadata. Without
metadata, the nearest date shown is taken, a publication before an update, unless the URL
states another day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from pipelines.dates import parse_date

from .dateline import UPDATED, Shown
from .trace import DATES, Trace, rule

# Where a publication date came from (crawler.items.PUBLISHED_SOURCES names them all).
JSONLD, META, TIME, DATELINE, URL, SCRIPT, HTMLDATE = "jsonld", "meta", "time", "dateline", "url", "script", "htmldate"

METADATA_DATE = rule("published-metadata", DATES, "the date JSON-LD (datePublished) or a <meta> tag states, "
                     "which no shown date outweighs")
UNREADABLE_METADATA = rule("metadata-date-unreadable", DATES, "the metadata's date reads as no date (a "
                           "text, a date after the fetch): the page's other dates are read as if it had none")
SHOWN_OVER_METADATA = rule("dateline-over-metadata", DATES,
                           "the article's own dateline beside the headline names a day more than "
                           "MAX_AGREEING_DAYS from the metadata's (a stale or template date)")
SHOWN_READS_METADATA = rule("dateline-reads-metadata", DATES,
                            "the metadata's day and month are the dateline's the other way round (03-09-2026 "
                            "beside 'March 9, 2026'): the dateline, which names its month, is read")
SHOWN_DATE = rule("dateline-near-headline", DATES, "no metadata: the date shown nearest the headline, a "
                  "publication before an update")
SAME_DAY_WITH_TIME = rule("same-day-with-time", DATES, "the date shown names its day only; a <time> element "
                          "or the application state names the same day with its time")
URL_OVER_SHOWN = rule("url-day-over-dateline", DATES, "no metadata, and the URL's day differs from the date "
                      "shown: the URL was made when the article was published")
OFF_ARTICLE = rule("date-off-article", DATES, "a date in a comment, a sidebar, a widget or a teaser card "
                   "is another text's date")
AN_UPDATE = rule("date-is-update", DATES, "a date labelled or named as an update ('Updated', class 'updated', "
                 "dateModified), or of the day the metadata's dateModified names, is no publication date while "
                 "the metadata states one")
TIME_ELEMENT = rule("published-time-element", DATES, "microdata datePublished, or the <time> element nearest "
                    "the headline that is no update")
BYLINE_DATE = rule("published-byline-date", DATES, "a date in an element named as a date, time or meta, near "
                   "the headline")
SCRIPT_STATE = rule("published-script-state", DATES, "the publication date in the page's application state "
                    "(__NEXT_DATA__, window.__STATE__)")
HEADLINE_LINE = rule("published-headline-line", DATES, "a line just under the headline with a date and a time")
URL_DAY = rule("published-url-day", DATES, "the day the URL's path states (/2019/11/18/)")
HEADLINE_DAY = rule("published-headline-day", DATES, "a date with its year in the lines under the headline")
HTMLDATE_FALLBACK = rule("published-htmldate", DATES, "nothing above states a date: htmldate's reading of "
                         "the page (its markup, text patterns and URL)")

MAX_AGREEING_DAYS = 1  # dates this many days apart or fewer agree (an offset, an edition's date)
# A numeric date whose day and month can be read either way: "03-09-2026", "09.10.2024".
_EITHER_WAY = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?!\d)")


def _day(value: datetime) -> date:
    return value.date()


def _swapped(raw: str, value: datetime) -> date | None:
    """The other reading of an ambiguous numeric date (day and month exchanged), if it has one."""
    match = _EITHER_WAY.match(raw)
    if match is None or value.day > 12 or value.day == value.month:
        return None
    try:
        return value.date().replace(month=value.day, day=value.month)
    except ValueError:
        return None


def _apart(one: date, other: date) -> int:
    return abs((one - other).days)


def _url_day(url_day: str | None) -> date | None:
    try:
        return date.fromisoformat(url_day) if url_day else None
    except ValueError:  # /2019/02/31/
        return None


def _usable(shown: list[Shown], trace: Trace | None, strict: bool) -> list[Shown]:
    """The shown dates inside the article: no comment's or teaser's; with ``strict``, none in any
    part named as other than the article (a widget, a sidebar, a card) and none relative."""
    kept = []
    for one in shown:
        off = one.off_article and (strict or one.strong_off)
        if off:
            if trace is not None:
                trace.drop(OFF_ARTICLE, one.el, text=one.raw, detail=one.off_article)
            continue
        if strict and not one.stated:
            continue
        kept.append(one)
    return kept


def over_metadata(stated: str, shown: list[Shown], fetched_at: datetime | None, url_day: str | None,
                  modified: str | None = None, trace: Trace | None = None) -> Shown | None:
    """The shown date that outweighs the metadata's ``stated`` date, or None (see the module's doc).
    ``modified``: the metadata's modification date; a shown date of its day is that update."""
    meta_value = parse_date(stated, fetched_at)
    if meta_value is None:
        return None
    modified_value = parse_date(modified, fetched_at) if modified else None
    candidates = []
    for one in _usable(shown, trace, strict=True):
        if one.before_headline:
            continue  # above the headline: a kicker, a top bar's date, a breadcrumb; not the dateline
        if one.kind == UPDATED or (modified_value is not None
                                   and _apart(_day(modified_value), _day(one.value)) <= MAX_AGREEING_DAYS):
            if trace is not None:
                trace.drop(AN_UPDATE, one.el, text=one.raw, detail=one.source)
            continue
        candidates.append(one)
    if not candidates:
        return None
    nearest = candidates[0]
    meta_day, shown_day = _day(meta_value), _day(nearest.value)
    if _apart(meta_day, shown_day) <= MAX_AGREEING_DAYS:
        return None
    other = _swapped(nearest.raw, nearest.value)
    if other is not None and _apart(meta_day, other) <= MAX_AGREEING_DAYS:
        return None  # the dateline is the ambiguous one, read the metadata's way
    if _swapped(stated, meta_value) == shown_day:
        if trace is not None:
            trace.keep(SHOWN_READS_METADATA, nearest.el, text=nearest.raw, detail=nearest.source)
        return nearest
    url_said = _url_day(url_day)
    if url_said is not None and _apart(url_said, meta_day) <= MAX_AGREEING_DAYS:
        return None  # the URL agrees with the metadata: two against one
    if trace is not None:
        trace.keep(SHOWN_OVER_METADATA, nearest.el, text=nearest.raw, detail=nearest.source)
    return nearest


def first_shown(shown: list[Shown], url_day: str | None, fetched_at: datetime | None,
                trace: Trace | None = None) -> tuple[str, str] | None:
    """Without metadata: the date shown nearest the headline, a publication before an update, and
    its source; the URL's day where it names another day."""
    usable = _usable(shown, trace, strict=False)
    if not usable:
        return None
    picked = next((one for one in usable if one.kind != UPDATED), usable[0])
    url_said = _url_day(url_day)
    if url_said is not None and url_day and _apart(url_said, _day(picked.value)) > MAX_AGREEING_DAYS:
        if trace is not None:
            trace.keep(URL_OVER_SHOWN, None, text=url_day, detail=URL)
        return url_day, URL
    if trace is not None:
        trace.keep(SHOWN_DATE, picked.el, text=picked.raw, detail=picked.source)
    return picked.raw, picked.source


def with_time(picked: tuple[str, str], others, fetched_at: datetime | None,
              trace: Trace | None = None) -> tuple[str, str]:
    """``picked`` (raw, source), or where it names only a day, another stated date of the same day
    that gives the time too (a <time> element's datetime, the application state). ``others`` are
    (read, source) pairs, read only when needed."""
    value = parse_date(picked[0], fetched_at)
    if value is None or value.time() != time(0) or value.tzinfo is not None:
        return picked
    for read, source in others:
        raw = read()
        other = parse_date(raw, fetched_at) if raw else None
        if other is not None and other.date() == value.date() and (other.time() != time(0) or other.tzinfo):
            if trace is not None:
                trace.keep(SAME_DAY_WITH_TIME, None, text=raw, detail=source)
            return raw, source
    return picked


def shown_update(shown: list[Shown]) -> str | None:
    """The update date shown beside the headline (labelled or named so), inside the article."""
    return next((one.raw for one in shown if one.kind == UPDATED and not one.off_article), None)
