"""parse_read_time: read times as pages write them, in whole minutes; estimates from the word count."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawler.items import Article
from pipelines.normalize import normalize_article
from pipelines.readtime import WORDS_PER_MINUTE, estimate_read_time, parse_read_time


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("4 min read", 4),
        ("4 mins", 4),
        ("Reading time: 3 minutes", 3),
        ("1 hr 5 min read", 65),
        ("30 sec read", 1),
        ("90 sec", 2),
        ("5-minute read", 5),
        ("a minute read", 1),
        ("Less than a minute read", 1),
        ("< 1 min read", 1),
        ("3-4 min read", 4),
        ("4 min read · 1,234 views", 4),
        ("2h", 120),
        ("Lesezeit: 5 Min.", 5),
        ("Lesedauer ca. 12 Minuten", 12),
        ("1,5 Std.", 90),
        ("1 Stunde 10 Minuten", 70),
        ("eine Minute Lesezeit", 1),
        ("5 minutes de lecture", 5),
        ("Temps de lecture : 2 min", 2),
        ("5 mn", 5),
        ("Lectura: 4 min", 4),
        ("Tempo di lettura: 4 minuti", 4),
        ("12 minutos de leitura", 12),
        ("Leestijd 4 minuten", 4),
        ("4 dk okuma", 4),
        ("Okuma süresi: 4 dakika", 4),
        ("Czas czytania: 4 min", 4),
        ("Lästid 4 min", 4),
        ("4 minuters läsning", 4),
        ("4 min lesetid", 4),
        ("4 min læsning", 4),
        ("4分で読めます", 4),
        ("읽는 시간 4분", 4),
        ("PT4M", 4),
        ("PT1H5M", 65),
        ("PT30S", 1),
    ],
)
def test_parse_read_time(text, minutes):
    assert parse_read_time(text) == minutes


@pytest.mark.parametrize(
    "text",
    ["9999999 min read", "", None, "no number here", "Updated 2 hours ago", "vor 3 Stunden", "P0D", "1.234 views"],
)
def test_no_read_time(text):
    assert parse_read_time(text) is None


@pytest.mark.parametrize("words, minutes", [(0, None), (None, None), (50, 1), (238, 1), (1190, 5), (2380, 10)])
def test_estimate_read_time(words, minutes):
    assert estimate_read_time(words) == minutes


def test_the_rate_is_brysbaert_2019():
    assert WORDS_PER_MINUTE == 238


FETCHED = datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "raw, words, minutes, estimated",
    [
        ("4 min read", 2000, 4, False),  # a stated read time wins over the estimate
        (None, 1190, 5, True),
        ("no number here", 476, 2, True),
        (None, None, None, None),
    ],
)
def test_normalize_marks_estimates(raw, words, minutes, estimated):
    article = Article(url="https://example.com/a", read_time_raw=raw, word_count=words, fetched_at=FETCHED)
    normalize_article(article)
    assert (article.read_time_minutes, article.read_time_estimated) == (minutes, estimated)
