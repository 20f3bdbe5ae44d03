"""Articles per day (week, month) per site as a static SVG (matplotlib, SVG backend): no JavaScript,
opens from a file.

Bars are binned so that a long range stays readable: one a day up to ``MAX_DAY_BARS`` days, one a
week (Monday to Sunday) up to ``MAX_WEEK_BARS`` weeks, else one a month. The legend sits above the
plot, outside it, so it never covers a bar.

matplotlib is the ``report`` extra (``pip install 'newsdesk[report]'``); only the HTML report needs it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from datetime import date, timedelta

from .monitor import day_range

_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)
MAX_DAY_BARS = 62  # two months of days: bars still several pixels wide at 9 inches
MAX_WEEK_BARS = 60  # some 14 months of weeks; beyond, months
BAR_SHARE = 0.8  # of a bin's width: the gap between bars
LEGEND_COLUMNS = 4


def bin_label(days: int) -> str:
    """'day', 'week' or 'month': the bin of a chart spanning ``days`` days."""
    if days <= MAX_DAY_BARS:
        return "day"
    return "week" if days <= MAX_WEEK_BARS * 7 else "month"


def bin_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def bin_days(unit: str, start: date) -> int:
    """How many days the bin starting on ``start`` holds."""
    if unit == "week":
        return 7
    if unit == "month":
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return (following - start).days
    return 1


def binned(days: Iterable[str], counts: dict[str, int], unit: str) -> dict[date, int]:
    """Bin start → articles, for every bin the days fall in (empty bins included, in order)."""
    out: dict[date, int] = {}
    for d in days:
        key = bin_start(date.fromisoformat(d), unit)
        out[key] = out.get(key, 0) + counts.get(d, 0)
    return out


STYLE = {"svg.fonttype": "none", "svg.hashsalt": "newsdesk", "font.size": 9}


def _matplotlib():
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise RuntimeError("the HTML report draws its chart with matplotlib: pip install 'newsdesk[report]'") from exc
    return matplotlib, Figure


def per_day_figure(per_day: dict, title: str | None = None):
    """Stacked bars, one colour per site, one bar per bin of ``per_day`` (``build_report()["per_day"]``)."""
    matplotlib, Figure = _matplotlib()
    unit = bin_label(per_day["days"])
    days = day_range(per_day["end"], per_day["days"])
    bins = list(binned(days, {}, unit))
    # a bar spans its bin: its left edge on the bin's first day
    widths = [bin_days(unit, b) * BAR_SHARE for b in bins]
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(9, 3.4), layout="constrained")
        ax = fig.subplots()
        bottom = [0] * len(bins)
        for site, counts in per_day["sites"].items():
            heights = list(binned(days, counts, unit).values())
            ax.bar(bins, heights, bottom=bottom, label=site, width=widths, align="edge")
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ax.set_title(title or f"Articles per {unit}, by site", loc="left")
        ax.set_ylabel("articles")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_xlim(bins[0], bins[-1] + timedelta(days=bin_days(unit, bins[-1])))
        if per_day["sites"]:
            # the figure's legend, above the plot ("outside" under the constrained layout): it covers no bar
            fig.legend(loc="outside upper right", ncols=min(LEGEND_COLUMNS, len(per_day["sites"])), frameon=False)
        else:
            ax.text(0.5, 0.5, "no articles in these days", transform=ax.transAxes, ha="center", va="center")
        fig.autofmt_xdate()
    return fig


def per_day_svg(per_day: dict, title: str | None = None) -> str:
    """``per_day_figure`` as the ``<svg>`` element alone (no XML prologue), ready to inline in HTML."""
    matplotlib, _ = _matplotlib()
    fig = per_day_figure(per_day, title)
    out = io.StringIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(out, format="svg", metadata={"Date": None})
    return _PROLOGUE.sub("", out.getvalue(), count=1)
