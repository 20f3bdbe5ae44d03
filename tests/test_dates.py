"""parse_date: dates as pages write them, relative ones anchored on the fetch time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from pipelines.dates import parse_date

BASE = datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc)
CET = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7 hours ago", BASE - timedelta(hours=7)),
        ("an hour ago", BASE - timedelta(hours=1)),
        ("2 days ago", BASE - timedelta(days=2)),
        ("2025-03-03T17:04:00+01:00", datetime(2025, 3, 3, 17, 4, tzinfo=CET)),
        ("2025-03-03T16:04:00Z", datetime(2025, 3, 3, 16, 4, tzinfo=timezone.utc)),
        ("2025-03-03", datetime(2025, 3, 3)),
        ("1741017840", datetime(2025, 3, 3, 16, 4, tzinfo=timezone.utc)),
        ("2099-01-01T00:00:00Z", None),
        ("1985-01-01", None),
        ("0000-00-00", None),
        ("2025-13-45", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text, BASE) == expected


def test_relative_date_keeps_the_base_offset():
    base = datetime(2025, 3, 12, 15, 30, tzinfo=CET)
    assert parse_date("7 hours ago", base).utcoffset() == timedelta(hours=1)
