"""exports.chart: a long range is binned by week or month, so bars stay readable; the legend is off the plot."""

from __future__ import annotations

from datetime import date

import pytest

from exports.chart import bin_label, binned, per_day_figure, per_day_svg
from exports.monitor import day_range


@pytest.mark.parametrize("days, unit", [(1, "day"), (30, "day"), (62, "day"), (63, "week"), (365, "week"),
                                        (420, "week"), (421, "month"), (1000, "month")])
def test_the_bin_follows_the_range(days, unit):
    assert bin_label(days) == unit


@pytest.mark.parametrize("days, unit, bins", [(30, "day", 30), (364, "week", 53), (365, "week", 53),
                                              (1096, "month", 37)])
def test_bins_cover_the_range_and_keep_every_article(days, unit, bins):
    end = "2026-12-02"
    span = day_range(end, days)
    counts = {d: i % 3 for i, d in enumerate(span)}
    out = binned(span, counts, unit)
    assert len(out) == bins
    assert sum(out.values()) == sum(counts.values())
    assert list(out) == sorted(out) and all(isinstance(k, date) for k in out)


def test_weeks_start_on_monday_and_months_on_the_first():
    span = day_range("2026-12-02", 100)
    assert {d.weekday() for d in binned(span, {}, "week")} == {0}
    assert {d.day for d in binned(span, {}, "month")} == {1}


def _per_day(days: int, sites: int) -> dict:
    span = day_range("2026-12-02", days)
    return {"days": days, "end": "2026-12-02",
            "sites": {f"Site {s}": {d: 1 + (i + s) % 4 for i, d in enumerate(span)} for s in range(sites)}}


def test_a_year_is_drawn_in_weeks_with_the_legend_above_the_plot():
    fig = per_day_figure(_per_day(365, 5))
    [ax] = fig.axes
    assert ax.get_title(loc="left") == "Articles per week, by site"
    assert len(ax.patches) == 5 * 53  # a bar a week and site, not one a day
    assert ax.get_legend() is None and len(fig.legends) == 1
    fig.draw_without_rendering()  # lays it out (constrained layout) as savefig does
    legend, plot = fig.legends[0].get_window_extent(), ax.get_window_extent()
    assert legend.y0 >= plot.y1  # above the plot: it covers no bar


def test_the_svg_is_inline_ready():
    svg = per_day_svg(_per_day(30, 2))
    assert svg.startswith("<svg") and "Articles per day, by site" in svg
