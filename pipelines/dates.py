"""parse_date("7 hours ago", base=fetched_at) -> datetime: dates as pages write them, anchored on the fetch.

Why it is built this way: a crawl parses the same few date shapes millions of times, each with a new
fetch time. So the text is first turned into a *recipe* — a fixed datetime, "N seconds/months before
the base", "the base's day minus N at 18:30", a year-less day, or a choice between two readings of
"03/04/2025" — and recipes are cached on the text alone (bounded ``lru_cache``). Applying a recipe to
a new base costs a few microseconds, and memory stays flat however many bases go by.

Recipes come from compiled patterns over the word lists in ``pipelines.date_words`` (ISO 8601,
RFC 2822, Unix timestamps, numeric and month-name dates with times and zones, relative forms in our
fourteen languages). What they cannot read goes to dateparser, in all of its languages: one
``DateDataParser``, built on first need (its import and first parse cost start-up time), asked with
the fetch time as RELATIVE_BASE and past dates preferred. Its answer becomes a recipe too when
answers at a few probe bases prove one — a fixed date, a duration back counted on the calendar ("1
दशक पहले" is ten calendar years back), a day back at a stated time — and it is asked again for every
base otherwise. A reading that names no day ("mai", "March 2025") is no date.

Without a fetch time (``base=None``) only what a text states in full is read: a relative date is
never resolved against the clock of the machine that happens to parse it.

Offsets — the rule newsdesk keeps (also in README.md, "What is stored"):

- a date that states an offset or a named zone keeps it (named zones become fixed offsets; ET, CT,
  MT and PT follow US daylight saving time on that date);
- a pure duration back from the fetch ("7 hours ago", "yesterday", "last week") is an exact instant
  and carries the base's offset;
- a date that states a wall-clock time or a day without any offset ("03.03.2025 17:04",
  "gestern, 18:30 Uhr", "2025-03-03") is returned naive: the page's wall time, never an invented
  offset. For "yesterday at 14:05" the day is counted back on the base's calendar; for "yesterday
  at 23:30 EST" on the calendar of the zone stated (a New York evening is the next UTC day).

Dates more than a day after ``base`` (so "in 3 days") or before 1990 are parse errors on a news page: None.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any

from dateutil.relativedelta import relativedelta

from . import date_words as words

_EARLIEST = datetime(1990, 1, 1)
_AHEAD = timedelta(days=1)
_MAX_LEN = 200
_UTC = timezone.utc


def _alternation(options) -> str:
    """A regex alternation of literal words, longest first so that "minutes" wins over "min"."""
    return "|".join(re.escape(o) for o in sorted(set(options), key=len, reverse=True))


_NOT_LETTER_AFTER = r"(?![a-zà-ɏ])"  # Latin letters only: "2時間前" has no space before 前
_MONTH_OF = {name: number for number, names in words.MONTHS.items() for name in names}
_MONTH = rf"(?P<month>{_alternation(_MONTH_OF)})\.?{_NOT_LETTER_AFTER}"

# --------------------------------------------------------------------------- fast machine forms
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?"
    r"(?:\[[\w/+-]+\])?$",  # RFC 9557 may name the zone after the offset: "…+01:00[Europe/Berlin]"
    re.IGNORECASE,
)
_UNIX = re.compile(r"^(\d{9,10})(?:\.\d+)?$|^(\d{12,13})$")

# --------------------------------------------------------------------------- relative forms
_NUM = rf"(?:\d+|{_alternation(words.ONE)})"
_UNIT = rf"(?<![a-zà-ɏ])(?:{_alternation(words.UNITS)})\.?{_NOT_LETTER_AFTER}"  # "and" is not "an" + "d"
# A unit without a number stands for one ("godzinę temu", "an hour ago" without "an"), but not a
# one-letter abbreviation: the "y" of "hace 1 mes y 1 día" is "and", not a year.
_BARE_UNIT = rf"(?<![a-zà-ɏ])(?:{_alternation(u for u in words.UNITS if len(u) > 1)})\.?{_NOT_LETTER_AFTER}"
_AMOUNT = rf"(?:{_NUM}\s*{_UNIT}|{_BARE_UNIT})"
_AND = r"(?:\s*,?\s*(?:and|und|et|y|e|en|og|och|ve|i)?\s*)"
_AMOUNTS = rf"{_AMOUNT}(?:{_AND}{_AMOUNT})*"
_AGO = re.compile(
    rf"^(?:(?P<before>{_alternation(words.AGO_BEFORE)})\s+)?(?P<amounts>{_AMOUNTS})"
    rf"(?:\s*(?P<after>{_alternation([*words.AGO_AFTER, *words.AGO_BOTH.values()])}))?$"
)
_ONE_AMOUNT = re.compile(
    rf"(?P<n>{_NUM})\s*(?<![a-zà-ɏ])(?P<unit>{_alternation(words.UNITS)})\.?{_NOT_LETTER_AFTER}"
    rf"|(?<![a-zà-ɏ])(?P<bare>{_alternation(u for u in words.UNITS if len(u) > 1)})\.?{_NOT_LETTER_AFTER}"
)
_NOW = re.compile(rf"^(?:{_alternation(words.NOW_WORDS)})$")
_LAST = re.compile(rf"^(?:{_alternation(words.LAST_WORDS)})$")

# --------------------------------------------------------------------------- absolute forms
_DATES = (
    ("ymd", re.compile(r"(?<!\d)(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]?")),
    ("ymd", re.compile(r"(?<!\d)(?P<year>\d{4})(?P<sep>[-./])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)\.?")),
    ("dmy", re.compile(r"(?<!\d)(?P<day>\d{1,2})(?P<sep>[-./])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?!\d)")),
    ("named", re.compile(
        rf"(?<![\w])(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|°|\.)?\s*(?:de\s+|of\s+|-)?{_MONTH}[,\s-]*"
        rf"(?:(?:de|del)\s+)?(?P<year>\d{{4}})?(?!\d)"
    )),
    ("named", re.compile(
        rf"(?<![\w]){_MONTH}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s*(?P<year>\d{{4}})(?!\d))?"
    )),
    ("day", re.compile(rf"(?<![\w])(?P<word>{_alternation(words.DAY_WORDS)})(?![\w])")),
)
_AM = _alternation(words.AM_WORDS)
_PM = _alternation(words.PM_WORDS)
_TIME = re.compile(
    rf"(?:(?P<pre>{_AM}|{_PM})\s*)?(?<!\d)(?P<h>\d{{1,2}})"
    # 17:04, 17h04, 17.04, 17:04:59, 17時04分
    rf"(?:\s*[:h.時시]\s*(?P<m>\d{{2}})(?!\d)(?:\s*[:.]\s*(?P<s>\d{{2}})(?:[.,]\d+)?)?\s*[分분]?"
    rf"|\s*[時시](?!間)"  # 17時, 오후 6시
    rf"|(?=\s*(?:{_AM}|{_PM}|uhr\b|h\b)))"  # 5 pm, 17 Uhr, 17 h
    rf"\s*(?P<post>{_AM}|{_PM})?(?P<z>z(?![\w]))?"
)
_OFFSET = re.compile(r"(?<![\w])(?:utc|gmt)?\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?(?!\d)")
_ZONE = re.compile(rf"(?<![\w])(?P<zone>{_alternation(words.ZONES)})(?![\w])")
_US_ZONE = re.compile(rf"(?<![\w])(?P<zone>{_alternation(words.US_ZONES)})(?![\w])")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")

# --------------------------------------------------------------------------- clean-up
_SEGMENTS = re.compile(r"\s*[|·•・]\s*|\s+[-–—]\s+")
_LABEL = re.compile(
    rf"^(?:(?:last|first|zuletzt|sist|laatst)\s+)?"
    rf"(?:(?:{_alternation(w for w in words.LABELS if w not in ('last', 'first'))})(?![^\W\d_])[\s:：.,\-–]*)+"
)
_WS = re.compile(r"\s+")
_NO_DAY = re.compile(rf"^\d{{1,8}}$|^{_MONTH},?\s*\d{{4}}$")  # "2025", "12", "March 2025": no day in them
_VAGUE = re.compile(r"(?<![\w])(?:" + _alternation(w for w in words.VAGUE if len(w) > 1) + r")(?![\w])|[数몇]")
# A bare amount ("4 min") split off a longer text is its read time or a duration, not the date.
_BARE_AMOUNT = re.compile(rf"^{_AMOUNTS}$")


# --------------------------------------------------------------------------- recipes
class _Recipe:
    """How to turn a base (the fetch time) into the date a text names. Cached per text.
    ``needs_base``: the answer depends on the base, so without a known fetch time there is none."""

    __slots__ = ()
    needs_base = True
    # The text states a distance from the base ("in 2 days", "3 hours ago"): read as stated, ahead
    # of the base too. A news page's own rule (nothing published after it was fetched) is the
    # caller's (pipelines.normalize); the cap here is for misreadings of absolute dates.
    from_base = False

    def apply(self, base: datetime) -> datetime | None:
        raise NotImplementedError


class _Fixed(_Recipe):
    __slots__ = ("value",)
    needs_base = False

    def __init__(self, value: datetime) -> None:
        self.value = value

    def apply(self, base: datetime) -> datetime | None:
        return self.value


class _Ago(_Recipe):
    """Calendar ``months`` back from the base, then ``seconds`` back (negative: ahead, "in 2 hours"), in the
    order dateparser counts: months on the calendar (dateutil's relativedelta, so 31 March less a month is
    28 February, and ten years back from 12 March is 12 March whatever the leap days), then the rest as a
    fixed duration. The result keeps the base's offset."""

    __slots__ = ("seconds", "months")
    from_base = True

    def __init__(self, seconds: float, months: int = 0) -> None:
        self.seconds, self.months = seconds, months

    def apply(self, base: datetime) -> datetime | None:
        value = base + relativedelta(months=-self.months) if self.months else base
        return value - timedelta(seconds=self.seconds) if self.seconds else value


def _local_day(base: datetime, tz: timezone | None) -> date:
    """The base's calendar day where the text's time is stated: in its zone when it names one (the
    day a page in New York calls "yesterday" is not always UTC's), else the base's own day."""
    return (base.astimezone(tz) if tz is not None else base).date()


class _DayAt(_Recipe):
    """``days`` before the base's calendar day; at a stated wall time (naive unless a zone is stated,
    and then counted on that zone's calendar), or, with no time, the base's own time of day (as
    dateparser does)."""

    __slots__ = ("days", "at", "tz")
    from_base = True

    def __init__(self, days: int, at: time | None, tz: timezone | None) -> None:
        self.days, self.at, self.tz = days, at, tz

    def apply(self, base: datetime) -> datetime | None:
        if self.at is None:
            return base - timedelta(days=self.days)
        day = _local_day(base, self.tz) - timedelta(days=self.days)
        return datetime.combine(day, self.at, tzinfo=self.tz)


class _Clock(_Recipe):
    """A time with no day ("17:04", "Mittwoch, 18:30 Uhr"): on the given weekday, or today, the
    latest such day not after the base, as dateparser reads it. Naive unless a zone is stated (and
    then on that zone's calendar)."""

    __slots__ = ("weekday", "at", "tz")

    def __init__(self, weekday: int | None, at: time | None, tz: timezone | None) -> None:
        self.weekday, self.at, self.tz = weekday, at, tz

    def apply(self, base: datetime) -> datetime | None:
        today = _local_day(base, self.tz)
        if self.weekday is not None:  # "Monday" is the last Monday before today
            day = today - timedelta(days=(today.weekday() - self.weekday - 1) % 7 + 1)
            return datetime.combine(day, self.at or time(), tzinfo=self.tz)
        if self.at is None:
            return None
        value = datetime.combine(today, self.at, tzinfo=self.tz)
        return value - timedelta(days=1) if _naive_in(value, base) > base.replace(tzinfo=None) else value


class _YearLess(_Recipe):
    """A day without a year ("3 March"): the latest such day not after the base (plus a day)."""

    __slots__ = ("month", "day", "at", "tz")

    def __init__(self, month: int, day: int, at: time | None, tz: timezone | None) -> None:
        self.month, self.day, self.at, self.tz = month, day, at, tz

    def apply(self, base: datetime) -> datetime | None:
        for year in range(base.year + 1, base.year - 8, -1):  # Feb 29 may need a few years back
            try:
                value = datetime.combine(date(year, self.month, self.day), self.at or time(), tzinfo=self.tz)
            except ValueError:
                continue
            if not _too_late(value, base):
                return value
        return None


class _Either(_Recipe):
    """Two readings of an ambiguous numeric date ("03/04/2025"): the latest one not after the base,
    since a news page is fetched soon after it is published."""

    __slots__ = ("readings",)

    def __init__(self, readings: tuple[datetime, ...]) -> None:
        self.readings = readings

    def apply(self, base: datetime) -> datetime | None:
        fitting = [r for r in self.readings if not _too_late(r, base)]
        return max(fitting, key=lambda r: r.replace(tzinfo=None)) if fitting else None


class _AskDateparser(_Recipe):
    """A form only dateparser reads whose answer depends on the base in a way no recipe above holds
    (a weekday or a day without a year in a language newsdesk does not know): asked again for every
    base. ``instant``: the answer moves with the base (a duration back from it), so it carries the
    base's offset; otherwise it is a wall time, as dateparser gives it."""

    __slots__ = ("text", "instant")

    def __init__(self, text: str, instant: bool) -> None:
        self.text, self.instant = text, instant

    @property
    def from_base(self) -> bool:  # type: ignore[override]
        return self.instant

    def apply(self, base: datetime) -> datetime | None:
        value = _dateparser_at(self.text, base.replace(microsecond=0))
        if value is not None and value.tzinfo is None and self.instant:
            value = value.replace(tzinfo=base.tzinfo)
        return value


# --------------------------------------------------------------------------- helpers
def _naive_in(value: datetime, base: datetime) -> datetime:
    """``value`` as wall time comparable with ``base``'s (a naive value already is one)."""
    return value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone(base.tzinfo).replace(tzinfo=None)


def _too_late(value: datetime, base: datetime) -> bool:
    return _naive_in(value, base) > base.replace(tzinfo=None) + _AHEAD


def _plausible(value: datetime | None, base: datetime | None, ahead: bool = True) -> datetime | None:
    """``value`` unless it is before 1990 or (``ahead``) more than a day after the base: a parse error on a news page.

    Without a base, the present bounds it instead: whenever the page was fetched, it was before now.
    (The clock only bounds a date here; it never stands in for the fetch time to resolve one.)"""
    if value is None:
        return None
    if base is None:
        base = datetime.now(_UTC)
    try:
        naive = _naive_in(value, base)
    except (OverflowError, ValueError):
        return None
    if naive < _EARLIEST or (ahead and naive > base.replace(tzinfo=None) + _AHEAD):
        return None
    return value


def not_ahead(value: datetime | None, base: datetime | None) -> datetime | None:
    """``value`` unless it is more than a day after ``base``: on a news page, a publication or
    update time after the fetch is no such time ("in 2 days" is an event, not when it was written)."""
    if value is None or base is None:
        return value
    return None if _too_late(value, base if base.tzinfo else base.replace(tzinfo=_UTC)) else value


@lru_cache(maxsize=256)
def _tz(minutes: int) -> timezone | None:
    """A fixed offset of ``minutes`` east of UTC, or None when no zone can be that far off."""
    if abs(minutes) >= 24 * 60:
        return None
    return _UTC if minutes == 0 else timezone(timedelta(minutes=minutes))


def _us_dst(day: date, at: time) -> bool:
    """Whether US daylight saving time is in force: second Sunday of March, 2:00, to first Sunday
    of November, 2:00 (the rule since 2007; earlier years are rare enough on live news pages)."""
    if not 3 <= day.month <= 11:
        return False
    march = date(day.year, 3, 8)
    start = march + timedelta(days=(6 - march.weekday()) % 7)
    november = date(day.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7)
    if start < day < end:
        return True
    if day == start:
        return at >= time(2)
    if day == end:
        return at < time(2)  # the hour 1:00-2:00 comes twice; read as its first pass, daylight time
    return False


def _offset(sign: str, hours: str, minutes: str | None) -> timezone | None:
    total = int(hours) * 60 + int(minutes or 0)
    return _tz(-total if sign == "-" else total)


def _iso(match: re.Match) -> datetime | None:
    y, mo, d, h, mi, s, frac, tz = match.groups()
    zone = None
    if tz:
        zone = _UTC if tz in "zZ" else _offset(tz[0], tz[1:3], tz[3:].lstrip(":") or None)
        if zone is None:
            return None
    micro = int((frac or "0")[:6].ljust(6, "0"))
    try:
        return datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), micro, tzinfo=zone)
    except ValueError:
        return None


def _year(text: str) -> int:
    """Four digits as written; two as POSIX strptime reads %y ("25" → 2025, "89" → 1989)."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 69 else 1900
    return year


# --------------------------------------------------------------------------- the parsers
def _relative(text: str) -> _Recipe | None:
    """Durations back from the fetch, "now" and "last week" in every language of date_words."""
    if _NOW.match(text):
        return _Ago(0)
    match = _LAST.match(text)
    if match:
        unit = words.LAST_WORDS[text]
        return _Ago(0, -unit) if unit < 0 else _Ago(unit)
    match = _AGO.match(text)
    if not match:
        return None
    before, after = match.group("before"), match.group("after")
    if before in words.AGO_BOTH:  # "för 2 timmar sedan", "for 2 timer siden"
        if after != words.AGO_BOTH[before]:
            return None
    elif not before and after not in words.AGO_AFTER or before and after not in (None, "atrás"):
        return None  # "2 hours" is a duration, not a date; "vor 2 Stunden ago" is nothing
    seconds, months = 0, 0
    for part in _ONE_AMOUNT.finditer(match.group("amounts")):
        number = part.group("n")
        count = int(number) if number and number.isdigit() else 1
        unit = words.UNITS[part.group("unit") or part.group("bare")]
        if unit < 0:
            months += count * -unit
        else:
            seconds += count * unit
    if seconds > 100 * 366 * 86400 or months > 1200:
        return None
    return _Ago(seconds, months)


def _time_of(match: re.Match) -> time | None:
    hour, minute, second = int(match.group("h")), int(match.group("m") or 0), int(match.group("s") or 0)
    marker = (match.group("pre") or match.group("post") or "").lower()
    if marker:
        if not 1 <= hour <= 12:
            return None
        if marker in words.PM_WORDS and hour != 12:
            hour += 12
        elif marker in words.AM_WORDS and hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _cut(text: str, match: re.Match) -> str:
    return text[: match.start()] + " " + text[match.end():]


def _absolute(text: str) -> _Recipe | None:
    """A date (numeric, month name, CJK or a day word), optionally a time and a zone, and nothing
    else but filler words. Anything more is left to dateparser rather than guessed at."""
    found, kind, rest = None, "clock", text
    for date_kind, pattern in _DATES:
        found = pattern.search(text)
        if found:
            kind, rest = date_kind, _cut(text, found)
            break
    at, tz, zone_seen = None, None, False
    clock = _TIME.search(rest)
    if clock:
        at = _time_of(clock)
        if at is None:
            return None
        if clock.group("z"):
            tz, zone_seen = _UTC, True
        rest = _cut(rest, clock)
    if not zone_seen:
        zone = _OFFSET.search(rest) if at is not None else None
        if zone:
            tz, zone_seen = _offset(zone.group("sign"), zone.group("h"), zone.group("m")), True
            if tz is None:
                return None
            rest = _cut(rest, zone)
        else:
            zone = _ZONE.search(rest)
            us_zone = _US_ZONE.search(rest) if at is not None and not zone else None
            if zone:
                tz, zone_seen = _tz(words.ZONES[zone.group("zone")]), True
                rest = _cut(rest, zone)
            elif us_zone:
                zone, zone_seen = us_zone, True
                rest = _cut(rest, zone)
    tokens = _TOKEN.findall(rest)
    year_text = found.groupdict().get("year") if found is not None else None
    if found is not None and kind == "named" and not year_text:
        # The year after the time, as Unix `date` writes it: "Fri Apr 28 19:20:36 CEST 2023".
        years = [t for t in tokens if len(t) == 4 and t.isdigit()]
        if len(years) == 1:
            year_text = years[0]
            tokens.remove(year_text)
    if found is None:  # no day stated: a weekday ("Monday") and/or a time ("17:04") may stand for one
        weekdays = {words.WEEKDAY_NUMBERS[t] for t in tokens if t in words.WEEKDAY_NUMBERS}
        if len(weekdays) > 1 or (not weekdays and at is None) or (zone_seen and tz is None):
            return None
        tokens = [t for t in tokens if t not in words.WEEKDAY_NUMBERS]
    if any(token not in words.FILLER for token in tokens):
        return None
    if found is None:
        return _Clock(weekdays.pop() if weekdays else None, at, tz)
    if kind == "day":
        if at is None:
            return None if zone_seen else _DayAt(words.DAY_WORDS[found.group("word")], None, None)
        if zone_seen and tz is None:  # a US zone on a relative day: its DST needs the day, so skip it
            return None
        return _DayAt(words.DAY_WORDS[found.group("word")], at, tz)
    month_text = found.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTH_OF[month_text]
    day = int(found.group("day"))
    if zone_seen and tz is None:  # ET/CT/MT/PT: the offset depends on daylight saving time that day
        if not year_text:
            return None
        try:
            daylight = _us_dst(date(_year(year_text), month, day), at or time())
        except ValueError:
            return None
        tz = _tz(words.US_ZONES[zone.group("zone")] + (60 if daylight else 0))
    if not year_text:
        return _YearLess(month, day, at, tz) if 1 <= month <= 12 and 1 <= day <= 31 else None
    year = _year(year_text)
    readings = [(year, month, day)]
    if found.groupdict().get("sep") == "/" and kind == "dmy" and month != day:
        readings.append((year, day, month))  # 03/04/2025: day first in most of the world, month first in the US
    values = []
    for y, m, d in readings:
        try:
            values.append(datetime.combine(date(y, m, d), at or time(), tzinfo=tz))
        except ValueError:
            continue
    if not values:
        return None
    return _Fixed(values[0]) if len(values) == 1 else _Either(tuple(values))


# --------------------------------------------------------------------------- dateparser, last resort
# How dateparser is asked: past dates preferred ("Monday" is the last one), relative dates counted from
# RELATIVE_BASE, which is the fetch time (set per call on the one parser, below).
DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past"}
# Bases at which dateparser's answer is asked to learn how it depends on the base. They fall on a
# month end, before and after a leap day, in months of 28 to 31 days, on different weekdays and times
# of day (one just after midnight), so that "1 month ago" and "31 days ago", "3 years ago" and "1096
# days ago", "yesterday at 14:05" and "10 hours ago", "1 hour ago, 2 PM" and "today at 2 PM" give
# different answers. (Checked by brute force: for every duration of up to 100 years, a recipe that
# gives dateparser's answers at these four gives them at any base from 1990 on.) The first two tell
# a fixed date; the others are asked only for a date that moves.
_PROBES = (
    datetime(2021, 3, 31, 12, 0, tzinfo=_UTC),
    datetime(2024, 3, 15, 17, 43, 11, tzinfo=_UTC),
    datetime(2022, 5, 20, 0, 7, 8, tzinfo=_UTC),
    datetime(2024, 2, 10, 21, 5, 42, tzinfo=_UTC),
)
_SECOND = timedelta(seconds=1)
_DATEPARSER_TRIES = 4  # texts asked of dateparser per date string: the whole, less its label, and parts
_DATEPARSER: dict[str, Any] = {}


def _dateparser() -> Any:
    """The one ``DateDataParser``, built on first need: importing dateparser and loading its
    languages cost start-up time, which a crawl whose dates newsdesk reads itself never pays."""
    parser = _DATEPARSER.get("parser")
    if parser is None:
        from dateparser.date import DateDataParser  # here, not at the top: see above

        parser = _DATEPARSER["parser"] = DateDataParser(settings={**DATEPARSER_SETTINGS, "RELATIVE_BASE": _PROBES[0]})
        _DATEPARSER["settings"] = parser._settings
    return parser


def _dateparser_reading(text: str, base: datetime) -> tuple[datetime | None, bool]:
    """``_dateparser_reading_in``, cached with the base's offset in the key: two bases naming one
    instant in two offsets are equal (and hash alike), but dateparser answers in the base's wall time."""
    return _dateparser_reading_in(text, base, base.utcoffset())


@lru_cache(maxsize=2048)
def _dateparser_reading_in(text: str, base: datetime, offset: timedelta | None) -> tuple[datetime | None, bool]:
    """dateparser's reading of ``text`` with ``base`` (aware) as RELATIVE_BASE, and whether the text
    names a day (dateparser's ``parts`` hold month and day: not "mai", "March 2025", "12").

    The base is moved on the one parser the way dateparser's own ``search_dates`` does it (its
    settings replaced by a copy with another RELATIVE_BASE). An aware base matters: with a naive one,
    dateparser takes the base's wall time for the zone the text names ("2 hours ago EST" would be
    five hours off). Named zones come back as plain offsets."""
    parser = _dateparser()
    parser._settings = _DATEPARSER["settings"].replace(RELATIVE_BASE=base)
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError, AttributeError, KeyError, IndexError):
        return None, False
    value = data.date_obj
    if value is not None and value.tzinfo is not None:  # dateparser's StaticTzInfo → a plain offset
        offset = value.utcoffset()
        zone = _tz(int(offset.total_seconds() // 60)) if offset is not None else None
        value = value.replace(tzinfo=zone) if zone is not None else None
    return value, {"month", "day"} <= set(data.parts or ())


def _dateparser_at(text: str, base: datetime) -> datetime | None:
    return _dateparser_reading(text, base)[0]


def _answers_fit(recipe: _Recipe, answers: list[datetime]) -> bool:
    """Whether ``recipe`` gives dateparser's answer at every probe (a naive answer is the probe's wall time)."""
    for probe, answer in zip(_PROBES, answers, strict=False):
        value = recipe.apply(probe)  # the probes are in UTC: a naive answer is UTC's wall time
        if value is None or (value.replace(tzinfo=None) if answer.tzinfo is None else value) != answer:
            return False
    return True


def _fit(answers: list[datetime]) -> _Recipe | None:
    """A recipe that gives dateparser's answers at the probes: a duration back from the base, calendar
    months first (a naive answer: dateparser gives a relative date as the base's wall time), or a day
    counted back at a stated time ("včera v 14:05", in the zone the text names, if any)."""
    first, probe = answers[0], _PROBES[0]
    if all(a.tzinfo is None for a in answers):
        months = (probe.year - first.year) * 12 + probe.month - first.month
        for count in dict.fromkeys((0, months, months - 1, months + 1)):
            shifted = (probe + relativedelta(months=-count)).replace(tzinfo=None)
            recipe = _Ago((shifted - first).total_seconds(), count)
            if _answers_fit(recipe, answers):
                return recipe
    tz = first.tzinfo
    if all(a.tzinfo == tz for a in answers):
        recipe = _DayAt((_local_day(probe, tz) - first.date()).days, first.time(), tz)  # type: ignore[arg-type]
        if _answers_fit(recipe, answers):
            return recipe
    return None


def _ask_dateparser(text: str) -> _Recipe | None:
    """dateparser's answer as a recipe: fixed when two probe bases agree, a calendar duration or a day
    at a time when that gives its answers at every probe, otherwise asked again for every base.

    A reading that names no day and does not move with the base either ("mai", "et" as a Danish
    ordinal: dateparser fills in the base's month or year) is no date."""
    (first, names_day), (second, _) = (_dateparser_reading(text, probe) for probe in _PROBES[:2])
    if first is None and second is None:
        return None
    if first is not None and second is not None:
        if first == second and (first.tzinfo is None) == (second.tzinfo is None):
            return _Fixed(first) if names_day else None
        others = [_dateparser_at(text, probe) for probe in _PROBES[2:]]
        if None not in others:
            recipe = _fit([first, second, *others])  # type: ignore[list-item]
            if recipe is not None and (names_day or isinstance(recipe, _Ago)):
                return recipe
    moved = _dateparser_at(text, _PROBES[0] + _SECOND)
    instant = (first is not None and moved is not None and (first.tzinfo is None) == (moved.tzinfo is None)
               and moved - first == _SECOND)
    return _AskDateparser(text, instant) if names_day or instant else None


# --------------------------------------------------------------------------- entry point
@lru_cache(maxsize=16384)
def _recipe(raw: str, ask: bool = True) -> _Recipe | None:
    """The recipe for one date text, or None when it names no date. Pure in ``raw``: cacheable.
    ``ask=False`` leaves dateparser out (our own forms only).

    newsdesk's own forms first; then dateparser for the whole text less its label, the whole text,
    and the parts a separator leaves (at most four texts), but not for what names no day ("2025",
    "March 2025"), no number ("a few minutes ago") or is a bare amount beside the date ("March 3 |
    4 min")."""
    text = _WS.sub(" ", raw).strip()
    iso = _ISO.match(text)
    if iso:
        value = _iso(iso)
        return _Fixed(value) if value else None
    unix = _UNIX.match(text)
    if unix:
        seconds = int(unix.group(1)) if unix.group(1) else int(unix.group(2)) // 1000
        return _Fixed(datetime.fromtimestamp(seconds, tz=_UTC))
    text = text.lower().strip(" .,;:()[]")
    segments = dict.fromkeys([text, *_SEGMENTS.split(text)])  # "March 3, 2025 | 5 min read"
    for_dateparser: list[str] = []
    for segment in segments:
        segment = segment.strip(" .,;:()[]")
        stripped = _LABEL.sub("", segment).strip(" .,;:()[]")  # "Updated: …", "Stand: …", "Publié le …"
        for candidate in dict.fromkeys((segment, stripped)):
            if candidate:
                recipe = _relative(candidate) or _absolute(candidate)
                if recipe is not None:
                    return recipe
        if stripped and (segment == text or not _BARE_AMOUNT.match(stripped)):
            for_dateparser += (stripped, segment)  # a label word may be a date's word: "el mes pasáu"
    for candidate in list(dict.fromkeys(for_dateparser))[:_DATEPARSER_TRIES] if ask else ():
        if _NO_DAY.match(candidate) or _VAGUE.search(candidate):  # "2025", "a few minutes ago"
            continue
        recipe = _ask_dateparser(candidate)
        if recipe is not None:
            return recipe
    return None


def parse_date(text: str | None, base: datetime | None, ask_dateparser: bool = True) -> datetime | None:
    """The instant or wall time ``text`` names; relative forms anchored on ``base`` (the fetch
    time; a naive base is taken as UTC). None when there is no plausible date in it.

    Without a base (the fetch time is not known) only a date the text states in full is read: a
    relative one ("3 hours ago", "yesterday", "Monday", "3 March") is None, never guessed from the
    clock. ``ask_dateparser=False`` reads only the forms newsdesk knows itself, for a text that is a
    hint, not the date: dateparser's first look at a language costs a second."""
    if not text or not isinstance(text, str) or len(text) > _MAX_LEN:
        return None
    if base is not None and base.tzinfo is None:
        base = base.replace(tzinfo=_UTC)
    recipe = _recipe(text, ask_dateparser)
    if recipe is None or (base is None and recipe.needs_base):
        return None
    try:
        value = recipe.apply(base)  # type: ignore[arg-type]  (a recipe that needs no base ignores it)
    except (OverflowError, ValueError):
        return None
    return _plausible(value, base, ahead=not recipe.from_base)


_QUARTER = timedelta(minutes=15)
# The UTC offsets in use, in minutes: whole hours from -12 to +14, and the few half and three-quarter hours.
_ZONE_OFFSETS = frozenset(range(-12 * 60, 14 * 60 + 1, 60)) | {
    -9 * 60 - 30, -3 * 60 - 30, 3 * 60 + 30, 4 * 60 + 30, 5 * 60 + 30, 5 * 60 + 45, 6 * 60 + 30, 8 * 60 + 45,
    9 * 60 + 30, 10 * 60 + 30, 12 * 60 + 45,
}


def local_offset(instant: datetime, local: datetime | None) -> timezone | None:
    """The UTC offset under which ``local`` names ``instant``, or None when it names another time.

    ``local`` is a time the page states beside ``instant`` (which carries an offset): with an offset
    of its own, it must be the same instant (to the minute); as a wall time, it must be off from
    UTC by an offset some time zone uses, to under a minute (datelines show minutes, not seconds). A
    bare day (midnight) says nothing about the offset, and neither does UTC.
    """
    if local is None or instant.tzinfo is None:
        return None
    if local.tzinfo is not None:
        if local.utcoffset() and abs(local - instant) < timedelta(minutes=1):
            return local.tzinfo
        return None
    if local.time() == time(0):
        return None
    off = local - instant.astimezone(_UTC).replace(tzinfo=None)
    quarters = round(off / _QUARTER)
    if quarters == 0 or quarters * 15 not in _ZONE_OFFSETS or abs(off - quarters * _QUARTER) >= timedelta(minutes=1):
        return None
    return _tz(quarters * 15)
