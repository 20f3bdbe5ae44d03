"""parse_read_time: read times as pages write them, in whole minutes."""

from __future__ import annotations

import pytest

from pipelines.readtime import estimate_read_time, parse_read_time


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("4 min read", 4),
        ("4 mins", 4),
        ("Reading time: 3 minutes", 3),
        ("1 hr 5 min read", 65),
        ("30 sec read", 1),
        ("Lesezeit: 5 Min.", 5),
        ("5 minutes de lecture", 5),
        ("Lectura: 4 min", 4),
        ("4 dk okuma", 4),
        ("PT4M", 4),
        ("9999999 min read", None),
        ("", None),
        (None, None),
        ("no number here", None),
    ],
)
def test_parse_read_time(text, minutes):
    assert parse_read_time(text) == minutes


@pytest.mark.parametrize("words, minutes", [(0, None), (None, None), (50, 1), (238, 1), (1190, 5)])
def test_estimate_read_time(words, minutes):
    assert estimate_read_time(words) == minutes
