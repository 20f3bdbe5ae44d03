"""parse_date("7 hours ago", base=fetched_at) -> datetime: dates as pages write them, anchored on the fetch.

Common machine forms (ISO 8601, Unix timestamps) and English relative forms are parsed by compiled
patterns; everything else goes to dateparser with ``RELATIVE_BASE`` set to the fetch time. Results
carry the page's UTC offset when it states one, the base's offset for relative dates, and no
offset (naive wall time) when the page gives none: an offset is never invented.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache

_EARLIEST = datetime(1990, 1, 1)
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
_UNIX = re.compile(r"^\d{10}(?:\d{3})?$")
_AGO = re.compile(
    r"^(?:(\d+)|an?|one)\s*(second|sec|minute|min|hour|hr|day|week|month|year)s?\.?\s+ago$", re.IGNORECASE
)
_UNITS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400, "week": 7 * 86400}


def _offset(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _iso(match: re.Match) -> datetime | None:
    y, mo, d, h, mi, s, tz = match.groups()
    try:
        return datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), tzinfo=_offset(tz))
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def _dateparser(text: str, base: datetime) -> datetime | None:
    import dateparser  # imported on first need: it costs a noticeable start-up time

    settings = {"RELATIVE_BASE": base.replace(tzinfo=None), "PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    try:
        value = dateparser.parse(text, settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return value


def _plausible(value: datetime | None, base: datetime) -> datetime | None:
    if value is None:
        return None
    naive = value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone(base.tzinfo).replace(tzinfo=None)
    if naive < _EARLIEST or naive > base.replace(tzinfo=None) + timedelta(days=1):
        return None
    return value


def parse_date(text: str | None, base: datetime) -> datetime | None:
    """The instant ``text`` names, relative forms anchored on ``base`` (the fetch time, aware)."""
    if not text:
        return None
    text = text.strip()
    if not text or len(text) > 200:
        return None
    if base.tzinfo is None:
        base = base.replace(tzinfo=timezone.utc)
    match = _ISO.match(text)
    if match:
        return _plausible(_iso(match), base)
    if _UNIX.match(text):
        seconds = int(text[:10])
        return _plausible(datetime.fromtimestamp(seconds, tz=timezone.utc), base)
    match = _AGO.match(text)
    if match:
        count = int(match.group(1) or 1)
        unit = match.group(2).lower()
        if unit == "month":
            delta = timedelta(days=30 * count)
        elif unit == "year":
            delta = timedelta(days=365 * count)
        else:
            delta = timedelta(seconds=_UNITS[unit] * count)
        return _plausible(base - delta, base)
    value = _dateparser(text, base.replace(microsecond=0))
    if value is not None and value.tzinfo is None and _is_relative(text):
        value = value.replace(tzinfo=base.tzinfo)
    return _plausible(value, base)


_RELATIVE_WORDS = re.compile(
    r"\bago\b|yesterday|today|\bnow\b|\bvor\b|gestern|heute|il y a|hier|aujourd|hace|ayer|hoy|fa\b|ieri|oggi|"
    r"há\b|ontem|hoje|geleden|gisteren|önce|dün|temu|wczoraj|sedan|siden|igår|i går|前|昨日|今日|전|어제|오늘",
    re.IGNORECASE,
)


def _is_relative(text: str) -> bool:
    return bool(_RELATIVE_WORDS.search(text))
