"""parse_date on relative dates in every language dateparser has data for and newsdesk does not read itself.

The cases (tests/fixtures/relative_dates.json, written by make_relative_dates.py there) are built from
dateparser's shipped language data, each with the meaning the data gives it ("včera" is "1 day ago"):
"N units ago", "in N units" within the day, yesterday and today, last week, month and year, and two
amounts one after the other. What is expected is the base moved by that meaning on the calendar
(relativedelta), at two bases: a plain Wednesday and a month end in a leap year.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

from pipelines.dates import parse_date

CASES = json.loads((Path(__file__).parent / "fixtures" / "relative_dates.json").read_text(encoding="utf-8"))
BASES = {
    "wednesday": datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc),
    "leap-month-end": datetime(2024, 3, 31, 10, 30, tzinfo=timezone.utc),
}


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("case", CASES, ids=[f"{c['language']}:{c['text']}" for c in CASES])
def test_relative_date_in_every_language(case, base):
    when = BASES[base]
    assert parse_date(case["text"], when) == when + relativedelta(**case["delta"])


def test_the_cases_cover_the_languages():
    assert len({c["language"] for c in CASES}) >= 150
