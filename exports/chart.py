"""Articles per day per site as a static SVG (matplotlib, SVG backend): no JavaScript, opens from a file.

matplotlib is the ``report`` extra (``pip install 'newsdesk[report]'``); only the HTML report needs it.
"""

from __future__ import annotations

import io
import re
from datetime import date

from .monitor import day_range

_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)


def per_day_svg(per_day: dict, title: str = "Articles per day, by site") -> str:
    """Stacked bars, one colour per site, one bar per day of ``per_day`` (``build_report()["per_day"]``).

    Returns the ``<svg>`` element alone (no XML prologue), ready to inline in HTML.
    """
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise RuntimeError("the HTML report draws its chart with matplotlib: pip install 'newsdesk[report]'") from exc
    days = day_range(per_day["end"], per_day["days"])
    x = [date.fromisoformat(d) for d in days]
    style = {"svg.fonttype": "none", "svg.hashsalt": "newsdesk", "font.size": 9}
    with matplotlib.rc_context(style):
        fig = Figure(figsize=(9, 3.2), layout="constrained")
        ax = fig.subplots()
        bottom = [0] * len(days)
        for site, counts in per_day["sites"].items():
            heights = [counts.get(d, 0) for d in days]
            ax.bar(x, heights, bottom=bottom, label=site, width=0.8)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ax.set_title(title)
        ax.set_ylabel("articles")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.spines[["top", "right"]].set_visible(False)
        if per_day["sites"]:
            ax.legend(loc="upper left", frameon=False)
        else:
            ax.text(0.5, 0.5, "no articles in these days", transform=ax.transAxes, ha="center", va="center")
        fig.autofmt_xdate()
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None})
    return _PROLOGUE.sub("", out.getvalue(), count=1)
