"""parse_date: dates as pages write them, relative ones anchored on the fetch time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from pipelines.dates import _recipe, parse_date

BASE = datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc)  # a Wednesday
BASE_CET = datetime(2025, 3, 12, 15, 30, tzinfo=timezone(timedelta(hours=1)))
LATE_2025 = datetime(2025, 12, 1, 12, 0, tzinfo=timezone.utc)
UTC = timezone.utc


def tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


def ago(**delta: float) -> datetime:
    return BASE - timedelta(**delta)


def wall(*parts: int) -> datetime:
    """A naive wall time: what a page states without an offset."""
    return datetime(*parts)


@pytest.mark.parametrize(
    "text, expected",
    [
        # English
        ("7 hours ago", ago(hours=7)),
        ("an hour ago", ago(hours=1)),
        ("a minute ago", ago(minutes=1)),
        ("45 minutes ago", ago(minutes=45)),
        ("30 seconds ago", ago(seconds=30)),
        ("2 days ago", ago(days=2)),
        ("3 weeks ago", ago(weeks=3)),
        ("2 months ago", datetime(2025, 1, 12, 15, 30, tzinfo=UTC)),
        ("1 year ago", datetime(2024, 3, 12, 15, 30, tzinfo=UTC)),
        ("1 hour and 5 minutes ago", ago(hours=1, minutes=5)),
        ("3 hours, 20 minutes ago", ago(hours=3, minutes=20)),
        ("5m ago", ago(minutes=5)),
        ("3h ago", ago(hours=3)),
        ("2 hrs. ago", ago(hours=2)),
        ("just now", BASE),
        ("moments ago", BASE),
        ("today", BASE),
        ("yesterday", ago(days=1)),
        ("yesterday at 14:05", wall(2025, 3, 11, 14, 5)),
        ("Yesterday at 2:05 PM", wall(2025, 3, 11, 14, 5)),
        ("last week", ago(weeks=1)),
        ("last month", datetime(2025, 2, 12, 15, 30, tzinfo=UTC)),
        ("last year", datetime(2024, 3, 12, 15, 30, tzinfo=UTC)),
        # German
        ("vor 7 Stunden", ago(hours=7)),
        ("vor einer Stunde", ago(hours=1)),
        ("vor 5 Min.", ago(minutes=5)),
        ("vor 3 Tagen", ago(days=3)),
        ("vor 2 Wochen", ago(weeks=2)),
        ("gerade eben", BASE),
        ("gestern", ago(days=1)),
        ("gestern, 18:30 Uhr", wall(2025, 3, 11, 18, 30)),
        ("heute, 09:15 Uhr", wall(2025, 3, 12, 9, 15)),
        ("vorgestern", ago(days=2)),
        ("letzte Woche", ago(weeks=1)),
        # French
        ("il y a 3 heures", ago(hours=3)),
        ("il y a une heure", ago(hours=1)),
        ("il y a 2 jours", ago(days=2)),
        ("il y a 1 heure et 5 minutes", ago(hours=1, minutes=5)),
        ("à l'instant", BASE),
        ("hier", ago(days=1)),
        ("hier à 18h30", wall(2025, 3, 11, 18, 30)),
        ("la semaine dernière", ago(weeks=1)),
        # Spanish
        ("hace 2 días", ago(days=2)),
        ("hace una hora", ago(hours=1)),
        ("hace 10 minutos", ago(minutes=10)),
        ("ahora mismo", BASE),
        ("ayer a las 18:30", wall(2025, 3, 11, 18, 30)),
        ("la semana pasada", ago(weeks=1)),
        # Italian
        ("2 ore fa", ago(hours=2)),
        ("un'ora fa", ago(hours=1)),
        ("3 giorni fa", ago(days=3)),
        ("ieri alle 18:30", wall(2025, 3, 11, 18, 30)),
        # Portuguese
        ("há 2 horas", ago(hours=2)),
        ("há uma hora", ago(hours=1)),
        ("2 horas atrás", ago(hours=2)),
        ("ontem às 18:30", wall(2025, 3, 11, 18, 30)),
        ("agora", BASE),
        # Dutch
        ("2 uur geleden", ago(hours=2)),
        ("een uur geleden", ago(hours=1)),
        ("3 dagen geleden", ago(days=3)),
        ("gisteren om 18:30", wall(2025, 3, 11, 18, 30)),
        ("vorige week", ago(weeks=1)),
        # Turkish
        ("3 saat önce", ago(hours=3)),
        ("bir saat önce", ago(hours=1)),
        ("15 dakika önce", ago(minutes=15)),
        ("2 gün önce", ago(days=2)),
        ("az önce", BASE),
        ("dün 18:30", wall(2025, 3, 11, 18, 30)),
        # Polish
        ("3 godziny temu", ago(hours=3)),
        ("godzinę temu", ago(hours=1)),
        ("5 minut temu", ago(minutes=5)),
        ("2 dni temu", ago(days=2)),
        ("przed chwilą", BASE),
        ("wczoraj o 18:30", wall(2025, 3, 11, 18, 30)),
        # Swedish, Norwegian, Danish
        ("för 2 timmar sedan", ago(hours=2)),
        ("för en timme sedan", ago(hours=1)),
        ("igår kl. 18:30", wall(2025, 3, 11, 18, 30)),
        ("for 2 timer siden", ago(hours=2)),
        ("for 3 dager siden", ago(days=3)),
        ("i går kl. 18.30", wall(2025, 3, 11, 18, 30)),
        ("for 4 dage siden", ago(days=4)),
        ("lige nu", BASE),
        # Japanese
        ("2時間前", ago(hours=2)),
        ("30分前", ago(minutes=30)),
        ("3日前", ago(days=3)),
        ("たった今", BASE),
        ("昨日 18:30", wall(2025, 3, 11, 18, 30)),
        # Korean
        ("3시간 전", ago(hours=3)),
        ("10분 전", ago(minutes=10)),
        ("2일 전", ago(days=2)),
        ("방금", BASE),
        ("어제 오후 6:30", wall(2025, 3, 11, 18, 30)),
    ],
)
def test_relative(text, expected):
    assert parse_date(text, BASE) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # ISO 8601 and machine forms
        ("2025-03-03T17:04:00+01:00", datetime(2025, 3, 3, 17, 4, tzinfo=tz(1))),
        ("2025-03-03T17:04:00+0100", datetime(2025, 3, 3, 17, 4, tzinfo=tz(1))),
        ("2025-03-03T16:04:00Z", datetime(2025, 3, 3, 16, 4, tzinfo=UTC)),
        ("2025-03-03T16:04:00.123Z", datetime(2025, 3, 3, 16, 4, 0, 123000, tzinfo=UTC)),
        ("2025-03-03T17:04:00-05:00", datetime(2025, 3, 3, 17, 4, tzinfo=tz(-5))),
        ("2025-03-03T17:04:00", wall(2025, 3, 3, 17, 4)),
        ("2025-03-03 17:04", wall(2025, 3, 3, 17, 4)),
        ("2025-03-03", wall(2025, 3, 3)),
        ("2025-03-03 17:04:00 CET", datetime(2025, 3, 3, 17, 4, tzinfo=tz(1))),
        ("2025-03-03T17:04:00 CET", datetime(2025, 3, 3, 17, 4, tzinfo=tz(1))),
        ("2025-03-03T17:04:00+01:00[Europe/Berlin]", datetime(2025, 3, 3, 17, 4, tzinfo=tz(1))),
        # Unix timestamps (JSON-LD numbers reach us as strings)
        ("1741017840", datetime(2025, 3, 3, 16, 4, tzinfo=UTC)),
        ("1741017840.0", datetime(2025, 3, 3, 16, 4, tzinfo=UTC)),
        ("1741017840000", datetime(2025, 3, 3, 16, 4, tzinfo=UTC)),
        # RFC 2822
        ("Mon, 03 Mar 2025 17:04:00 +0100", datetime(2025, 3, 3, 17, 4, tzinfo=tz(1))),
        ("Mon, 3 Mar 2025 16:04:00 GMT", datetime(2025, 3, 3, 16, 4, tzinfo=UTC)),
        ("03 Mar 2025 11:04 EST", datetime(2025, 3, 3, 11, 4, tzinfo=tz(-5))),
        # Month names, times and named zones
        ("March 3, 2025 5:04 PM ET", datetime(2025, 3, 3, 17, 4, tzinfo=tz(-5))),
        ("March 3, 2025 5:04 PM", wall(2025, 3, 3, 17, 4)),
        ("March 3, 2025", wall(2025, 3, 3)),
        ("Monday, March 3, 2025", wall(2025, 3, 3)),
        ("3rd of March 2025", wall(2025, 3, 3)),
        ("3-Mar-2025", wall(2025, 3, 3)),
        ("5:04 PM ET, March 3, 2025", datetime(2025, 3, 3, 17, 4, tzinfo=tz(-5))),
        ("3 March 2025 10:00 CET", datetime(2025, 3, 3, 10, tzinfo=tz(1))),
        ("3 March 2025 10:00 CEST", datetime(2025, 3, 3, 10, tzinfo=tz(2))),
        ("3 March 2025 10:00 EST", datetime(2025, 3, 3, 10, tzinfo=tz(-5))),
        ("3 March 2025 10:00 EDT", datetime(2025, 3, 3, 10, tzinfo=tz(-4))),
        ("3 March 2025 10:00 GMT", datetime(2025, 3, 3, 10, tzinfo=UTC)),
        ("3 March 2025 10:00 UTC", datetime(2025, 3, 3, 10, tzinfo=UTC)),
        ("3 March 2025 10:00 BST", datetime(2025, 3, 3, 10, tzinfo=tz(1))),
        ("3 March 2025 10:00 IST", datetime(2025, 3, 3, 10, tzinfo=tz(5.5))),
        ("3 March 2025 10:00 JST", datetime(2025, 3, 3, 10, tzinfo=tz(9))),
        ("3 March 2025 10:00 KST", datetime(2025, 3, 3, 10, tzinfo=tz(9))),
        ("3 March 2025 10:00 GMT+2", datetime(2025, 3, 3, 10, tzinfo=tz(2))),
        ("3 March 2025 10:00 UTC-03:00", datetime(2025, 3, 3, 10, tzinfo=tz(-3))),
        # numeric European dates, and those of other languages with month names
        ("03.03.2025, 17:04 Uhr", wall(2025, 3, 3, 17, 4)),
        ("3.3.2025 17:04", wall(2025, 3, 3, 17, 4)),
        ("03.03.25", wall(2025, 3, 3)),
        ("Montag, 3. März 2025", wall(2025, 3, 3)),
        ("3 mars 2025 à 17h04", wall(2025, 3, 3, 17, 4)),
        ("lundi 3 mars 2025", wall(2025, 3, 3)),
        ("1er mars 2025", wall(2025, 3, 1)),
        ("3 de marzo de 2025", wall(2025, 3, 3)),
        ("3 de marzo de 2025, 17:04", wall(2025, 3, 3, 17, 4)),
        ("3 marzo 2025 alle 17:04", wall(2025, 3, 3, 17, 4)),
        ("3 de março de 2025 às 17h04", wall(2025, 3, 3, 17, 4)),
        ("3 maart 2025 om 17:04", wall(2025, 3, 3, 17, 4)),
        ("3 Mart 2025 17:04", wall(2025, 3, 3, 17, 4)),
        ("3 marca 2025 o 17:04", wall(2025, 3, 3, 17, 4)),
        ("3 februari 2025 kl. 17:04", wall(2025, 2, 3, 17, 4)),
        ("11. augusti 2024", wall(2024, 8, 11)),
        ("3. mars 2025 kl. 17.04", wall(2025, 3, 3, 17, 4)),
        ("2025年3月3日 17時04分", wall(2025, 3, 3, 17, 4)),
        ("2025年3月3日(月) 17:04", wall(2025, 3, 3, 17, 4)),
        ("2025/03/03 17:04", wall(2025, 3, 3, 17, 4)),
        ("2025년 3월 3일 오후 5:04", wall(2025, 3, 3, 17, 4)),
        ("2025.03.03. 17:04", wall(2025, 3, 3, 17, 4)),
        # a day with no year: the latest such day not after the fetch
        ("3 March", wall(2025, 3, 3)),
        ("March 13", wall(2025, 3, 13)),
        ("20 March", wall(2024, 3, 20)),
        # a weekday or a time alone: the latest one before the fetch, as dateparser reads them
        ("Monday", wall(2025, 3, 10)),
        ("Wednesday", wall(2025, 3, 5)),
        ("Mittwoch, 18:30 Uhr", wall(2025, 3, 5, 18, 30)),
        ("09:15", wall(2025, 3, 12, 9, 15)),
        ("17:04", wall(2025, 3, 11, 17, 4)),
        # day/month order: dots and dashes are day first; slashes take the reading nearest the fetch
        ("03/04/2025", wall(2025, 3, 4)),
        ("13/02/2025", wall(2025, 2, 13)),
        ("02/13/2025", wall(2025, 2, 13)),
        ("04-03-2025", wall(2025, 3, 4)),
    ],
)
def test_absolute(text, expected):
    assert parse_date(text, BASE) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published 3 March 2025", wall(2025, 3, 3)),
        ("Published: 2025-03-03T17:04:00+01:00", datetime(2025, 3, 3, 17, 4, tzinfo=tz(1))),
        ("Updated: March 3, 2025, 5:04 p.m. EST", datetime(2025, 3, 3, 17, 4, tzinfo=tz(-5))),
        ("Last updated 2 hours ago", ago(hours=2)),
        ("Updated 7 hours ago", ago(hours=7)),
        ("Posted on March 3, 2025", wall(2025, 3, 3)),
        ("Stand: 03.03.2025 17:04 Uhr", wall(2025, 3, 3, 17, 4)),
        ("Aktualisiert am 03.03.2025", wall(2025, 3, 3)),
        ("Veröffentlicht am 3. März 2025 um 15:44", wall(2025, 3, 3, 15, 44)),
        ("Publié le 3 mars 2025", wall(2025, 3, 3)),
        ("Mis à jour le 3 mars 2025 à 17h04", wall(2025, 3, 3, 17, 4)),
        ("Publicado el 3 de marzo de 2025", wall(2025, 3, 3)),
        ("Pubblicato il 3 marzo 2025", wall(2025, 3, 3)),
        ("Gepubliceerd op 3 maart 2025", wall(2025, 3, 3)),
        ("입력 2025.03.03 17:04", wall(2025, 3, 3, 17, 4)),
        ("更新日：2025年3月3日", wall(2025, 3, 3)),
        ("March 3, 2025 | 5 min read", wall(2025, 3, 3)),
        ("vor 7 Stunden | Lesezeit 4 Min.", ago(hours=7)),
        ("3 mars 2025 · 4 min de lecture", wall(2025, 3, 3)),
        ("  7 hours\n ago ", ago(hours=7)),
    ],
)
def test_prefixes_and_suffixes_are_ignored(text, expected):
    assert parse_date(text, BASE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2099-01-01T00:00:00Z",  # far future
        "2025-03-14T00:00:00Z",  # more than a day ahead of the fetch
        "13. Mai 2025 um 15:44",  # two months ahead
        "1985-01-01",  # before 1990
        "599616000",  # a timestamp before 1990
        "0000-00-00",
        "2025-13-45",
        "2025-02-30",
        "31.02.2025",
        "25:61",
        "2025",
        "March 2025",
        "5 min read",
        "a few minutes ago",
        "Share this article",
        "ET",
        "",
        "x" * 500,
    ],
)
def test_rejected(text):
    assert parse_date(text, BASE) is None


def test_none_is_no_date():
    assert parse_date(None, BASE) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2 hours ago", datetime(2025, 3, 12, 13, 30, tzinfo=tz(1))),
        ("yesterday", datetime(2025, 3, 11, 15, 30, tzinfo=tz(1))),
        ("just now", BASE_CET),
    ],
)
def test_relative_dates_carry_the_base_offset(text, expected):
    value = parse_date(text, BASE_CET)
    assert value == expected and value.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    "text, offset",
    [
        ("July 3, 2025 5:04 PM ET", timedelta(hours=-4)),  # US daylight saving time
        ("January 3, 2025 5:04 PM ET", timedelta(hours=-5)),
        ("July 3, 2025 2:04 PM PT", timedelta(hours=-7)),
        ("July 3, 2025 10:00 CEST", timedelta(hours=2)),
        ("March 9, 2025 1:30 AM ET", timedelta(hours=-5)),  # daylight saving time starts at 2:00
        ("March 9, 2025 3:30 AM ET", timedelta(hours=-4)),
        ("November 2, 2025 1:30 AM ET", timedelta(hours=-4)),  # the hour that comes twice: its first pass
        ("November 2, 2025 2:30 AM ET", timedelta(hours=-5)),
    ],
)
def test_named_zones_become_the_offset_of_that_day(text, offset):
    assert parse_date(text, LATE_2025).utcoffset() == offset


@pytest.mark.parametrize(
    "text",
    ["2025-03-03T17:04:00", "03.03.2025, 17:04 Uhr", "3 mars 2025 à 17h04", "gestern, 18:30 Uhr", "2025-03-03"],
)
def test_no_offset_is_invented(text):
    assert parse_date(text, BASE).tzinfo is None


def test_a_naive_base_is_taken_as_utc():
    assert parse_date("7 hours ago", BASE.replace(tzinfo=None)) == ago(hours=7)


@pytest.mark.parametrize("text", ["7 hours ago", "yesterday at 14:05", "3 March", "03/04/2025", "Monday"])
def test_the_cache_holds_recipes_so_a_new_base_still_answers_right(text):
    later = BASE + timedelta(days=400, hours=3)
    first = parse_date(text, BASE)
    hits = _recipe.cache_info().hits
    assert parse_date(text, later) != first
    assert _recipe.cache_info().hits == hits + 1


def test_caches_are_bounded():
    assert _recipe.cache_info().maxsize is not None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("in 2 hours", BASE + timedelta(hours=2)),  # read by dateparser, then cached as an offset
        ("in 3 days", BASE + timedelta(days=3)),  # a stated distance ahead (normalize_article drops it)
        ("Tue Mar 04 2025 17:04:00 GMT+0100 (Central European Standard Time)",
         datetime(2025, 3, 4, 17, 4, tzinfo=tz(1))),
    ],
)
def test_dateparser_reads_the_rest(text, expected):
    assert parse_date(text, BASE) == expected


# --------------------------------------------------------------------------- the publisher's offset


PUBLISHED = datetime(2019, 11, 19, 4, 58, 46, tzinfo=UTC)


@pytest.mark.parametrize("local, offset", [
    (wall(2019, 11, 18, 20, 58, 46), tz(-8)),  # a local copy in the metadata, to the second
    (wall(2019, 11, 18, 20, 58), tz(-8)),  # a dateline, to the minute
    (wall(2019, 11, 19, 10, 28), tz(5.5)),  # a half-hour zone
    (datetime(2019, 11, 18, 22, 58, 46, tzinfo=tz(-6)), tz(-6)),  # the same instant with its own offset
])
def test_local_offset_of_a_local_time_naming_the_instant(local, offset):
    from pipelines.dates import local_offset
    assert local_offset(PUBLISHED, local) == offset


@pytest.mark.parametrize("local", [
    None,
    wall(2019, 11, 19, 4, 58),  # the same wall time as UTC: nothing learnt
    wall(2019, 11, 18, 0, 0),  # a bare day
    wall(2019, 11, 18, 21, 39),  # another time (an update): not a whole zone offset away
    wall(2019, 11, 18, 21, 43, 46),  # -7:15: no zone is that far off
    datetime(2019, 11, 18, 21, 39, tzinfo=tz(-5)),  # another instant with an offset
    datetime(2019, 11, 19, 4, 58, 46, tzinfo=UTC),  # UTC again
])
def test_local_offset_is_none_for_other_times(local):
    from pipelines.dates import local_offset
    assert local_offset(PUBLISHED, local) is None


@pytest.mark.parametrize("text, expected", [
    ("on Monday, November 18th, 2019 at 11:08 a.m", wall(2019, 11, 18, 11, 8)),  # the stop trimmed off "a.m."
    ("Fri Apr 28 19:20:36 CEST 2023", datetime(2023, 4, 28, 19, 20, 36, tzinfo=tz(2))),  # Unix `date`
])
def test_forms_read_without_dateparser(text, expected):
    assert parse_date(text, BASE, ask_dateparser=False) == expected


# --------------------------------------------------------------------------- relative dates dateparser reads


@pytest.mark.parametrize("text, expected", [
    ("včera", ago(days=1)),  # Czech, Slovak: words without a number
    ("dnes", BASE),
    ("pred hodinou", ago(hours=1)),
    ("προηγούμενος μήνας", datetime(2025, 2, 12, 15, 30, tzinfo=UTC)),  # a calendar month
    ("verlede maand", datetime(2025, 2, 12, 15, 30, tzinfo=UTC)),
    ("2 uur gelede", ago(hours=2)),  # Afrikaans, whose "uur" is also a Dutch unit
    ("আজি", BASE),
    ("2 gün öncə 23 saat öncə", ago(days=2, hours=23)),  # two amounts one after the other
    ("5 minut 12 sekundi eest", ago(minutes=5, seconds=12)),
    ("1 दशक पहले", datetime(2015, 3, 12, 15, 30, tzinfo=UTC)),  # ten calendar years, not 3652 days
    ("pirms 10 gadiem", datetime(2015, 3, 12, 15, 30, tzinfo=UTC)),
    ("2 hours", ago(hours=2)),  # a bare amount: dateparser reads it as "ago"
    ("1 decade", datetime(2015, 3, 12, 15, 30, tzinfo=UTC)),
    ("вчера в 14:05", wall(2025, 3, 11, 14, 5)),  # a day back at a stated time: a wall time
    ("el mes pasáu", datetime(2025, 2, 12, 15, 30, tzinfo=UTC)),  # "el" is a label word in Spanish, a word here
])
def test_relative_forms_only_dateparser_reads(text, expected):
    assert parse_date(text, BASE) == expected


LEAP_DAY = datetime(2024, 2, 29, 9, 0, tzinfo=UTC)
MONTH_END = datetime(2024, 3, 31, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("text, base, expected", [
    ("1 दशक पहले", LEAP_DAY, datetime(2014, 2, 28, 9, 0, tzinfo=UTC)),
    ("pirms 10 gadiem", MONTH_END, datetime(2014, 3, 31, 9, 0, tzinfo=UTC)),
    ("před 3 měsíci", MONTH_END, datetime(2023, 12, 31, 9, 0, tzinfo=UTC)),
    ("1 month ago", MONTH_END, datetime(2024, 2, 29, 9, 0, tzinfo=UTC)),
    ("1 year ago", LEAP_DAY, datetime(2023, 2, 28, 9, 0, tzinfo=UTC)),
    # months first, then days, as dateparser counts: 29 February, then a day back
    ("1 month and 1 day ago", MONTH_END, datetime(2024, 2, 28, 9, 0, tzinfo=UTC)),
    ("hace 1 mes y 1 día", MONTH_END, datetime(2024, 2, 28, 9, 0, tzinfo=UTC)),  # "y" is "and", not a year
    ("3 years ago", LEAP_DAY, datetime(2021, 2, 28, 9, 0, tzinfo=UTC)),
])
def test_calendar_units_are_counted_on_the_calendar(text, base, expected):
    assert parse_date(text, base) == expected


@pytest.mark.parametrize("text", ["1 दशक पहले", "včera", "προηγούμενος μήνας", "pred 3 hodinami"])
def test_a_dateparser_recipe_is_cached_and_right_at_any_base(text):
    import dateparser

    parse_date(text, BASE)
    for base in (LEAP_DAY, MONTH_END, datetime(2009, 12, 31, 23, 59, 59, tzinfo=UTC), datetime(2031, 1, 1, tzinfo=UTC)):
        hits = _recipe.cache_info().hits
        expected = dateparser.parse(text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        assert parse_date(text, base).replace(tzinfo=None) == expected.replace(tzinfo=None)
        assert _recipe.cache_info().hits == hits + 1


@pytest.mark.parametrize("text", ["ET", "mai", "de", "Share this article", "Foto: dpa", "5 min read"])
def test_a_reading_naming_no_day_is_no_date(text):
    assert parse_date(text, BASE) is None


@pytest.mark.parametrize("text, expected", [
    ("March 3, 2025 ・ 3 min read", wall(2025, 3, 3)),  # a Japanese middle dot as a separator
    ("12. března 2025", wall(2025, 3, 12)),  # a date in full: no base needed
])
def test_more_separated_and_absolute_forms(text, expected):
    assert parse_date(text, BASE) == expected


# --------------------------------------------------------------------------- no fetch time, no relative date


@pytest.mark.parametrize("text", [
    "7 hours ago", "yesterday", "yesterday at 14:05", "just now", "last month", "Monday", "17:04", "3 March",
    "03/04/2025", "včera", "1 दशक पहले", "3. března",
])
def test_without_a_fetch_time_a_relative_date_is_not_resolved(text):
    assert parse_date(text, None) is None


@pytest.mark.parametrize("text, expected", [
    ("2025-03-03T17:04:00+01:00", datetime(2025, 3, 3, 17, 4, tzinfo=tz(1))),
    ("March 3, 2025 5:04 PM ET", datetime(2025, 3, 3, 17, 4, tzinfo=tz(-5))),
    ("13/02/2025", wall(2025, 2, 13)),  # only one reading is a date
    ("12. března 2025", wall(2025, 3, 12)),
])
def test_without_a_fetch_time_a_full_date_is_read(text, expected):
    assert parse_date(text, None) == expected


@pytest.mark.parametrize("text", ["1985-01-01", "November 20, 9999 7:00 PM", "2999-01-01T00:00:00Z"])
def test_without_a_fetch_time_implausible_dates_are_still_rejected(text):
    assert parse_date(text, None) is None  # the fetch, whenever it was, was before now


# --------------------------------------------------------------------------- a stated zone's own calendar

LATE_EVENING_IN_NEW_YORK = datetime(2025, 3, 12, 2, 0, tzinfo=UTC)  # 21:00 EST on 11 March
MORNING_IN_TOKYO = datetime(2025, 3, 12, 23, 30, tzinfo=UTC)  # 08:30 JST on 13 March


@pytest.mark.parametrize("text, base, expected", [
    # "yesterday" is the 10th in New York, though the fetch is on the 12th in UTC
    ("yesterday at 11:30 PM EST", LATE_EVENING_IN_NEW_YORK, datetime(2025, 3, 10, 23, 30, tzinfo=tz(-5))),
    ("08:00 JST", MORNING_IN_TOKYO, datetime(2025, 3, 13, 8, 0, tzinfo=tz(9))),  # today in Tokyo
    ("Monday 08:00 JST", datetime(2025, 3, 16, 23, 30, tzinfo=UTC), datetime(2025, 3, 10, 8, 0, tzinfo=tz(9))),
    # a duration with a zone named: the same instant as without, shown in that zone (dateparser, asked
    # with an aware base: with a naive one it took 02:00 for New York's wall time)
    ("2 hours ago EST", LATE_EVENING_IN_NEW_YORK, datetime(2025, 3, 11, 19, 0, tzinfo=tz(-5))),
])
def test_a_day_named_relatively_is_counted_on_the_stated_zones_calendar(text, base, expected):
    value = parse_date(text, base)
    assert value == expected and value.utcoffset() == expected.utcoffset()


def test_fast_forms_do_not_import_dateparser():
    import subprocess
    import sys

    code = (
        "import sys; from datetime import datetime, timezone; from pipelines.dates import parse_date\n"
        "base = datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc)\n"
        "for text in ('2025-03-03T17:04:00+01:00', 'vor 3 Stunden', 'gestern, 18:30 Uhr', '3 mars 2025',\n"
        "             '2時間前', 'Mon, 03 Mar 2025 17:04:00 +0100', '7 hours ago', 'yesterday'):\n"
        "    assert parse_date(text, base) is not None, text\n"
        "print('dateparser' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# --------------------------------------------------------------------------- the pipeline's fetch time


@pytest.mark.parametrize("fetched_at, now, expected", [
    (BASE, None, ago(hours=3)),
    (None, BASE, ago(hours=3)),  # the caller's fetch time, for an article without one
    (None, None, None),  # no fetch time known: not resolved, however late the clock says it is
])
def test_normalize_resolves_a_relative_date_only_against_a_known_fetch_time(fetched_at, now, expected):
    from crawler.items import Article
    from pipelines.normalize import normalize_article

    article = Article(url="https://a.org/x", published_raw="3 hours ago", modified_raw="2025-03-03T17:04:00+01:00",
                      fetched_at=fetched_at)
    normalize_article(article, now=now)
    assert article.published_at == expected
    assert article.published_raw == "3 hours ago"
    assert article.modified_at == datetime(2025, 3, 3, 17, 4, tzinfo=tz(1))  # a full date needs no fetch time


def test_one_instant_in_two_offsets_gets_each_its_own_dateparser_answer():
    in_utc = parse_date("včera", BASE)
    in_cet = parse_date("včera", BASE_CET.replace(hour=16, minute=30))  # the same instant as BASE
    assert in_utc == in_cet and in_utc.utcoffset() == timedelta(0) and in_cet.utcoffset() == timedelta(hours=1)
    # A Czech weekday, asked of dateparser per base: Sunday night in UTC is Monday morning in Paris.
    monday_in_paris = datetime(2025, 3, 10, 0, 30, tzinfo=tz(1))
    assert parse_date("neděle", monday_in_paris.astimezone(UTC)) == wall(2025, 3, 2)
    assert parse_date("neděle", monday_in_paris) == wall(2025, 3, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2 days", BASE + timedelta(days=2)),
        ("dans 2 jours", BASE + timedelta(days=2)),
        ("in 1 week", BASE + timedelta(weeks=1)),
    ],
)
def test_a_stated_distance_ahead_is_read_as_stated(text, expected):
    # parse_date reads what the text says; only absolute dates far ahead are taken for misreadings.
    assert parse_date(text, BASE) == expected


def test_a_publication_time_after_the_fetch_is_no_publication_time():
    from crawler.items import Article
    from pipelines.normalize import normalize_article

    article = normalize_article(Article(url="https://example.com/a", published_raw="in 2 days",
                                        modified_raw="3 hours ago", fetched_at=BASE))
    assert article.published_at is None
    assert article.modified_at == BASE - timedelta(hours=3)
