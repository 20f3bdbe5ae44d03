"""The stories view (``exports.stories``) in each report format: Markdown lines, HTML with a small
timeline per story, Atom entries. ``exports.render`` calls these from its renderers' ``stories``
sections; JSON is the view itself.

The timeline is a static SVG drawn here (a step of sites over time, one dot per site where it first
carried the story, its name in the dot's tooltip): some forty stories a report, each a few hundred
bytes, where matplotlib would take a second each.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

TIMELINE_WIDTH, TIMELINE_HEIGHT, TIMELINE_PAD = 240, 36, 4


def headline(story: dict[str, Any]) -> str:
    sites = f"{story['sites']} site{'s' if story['sites'] != 1 else ''}"
    copies = f", {story['copies']} wire cop{'ies' if story['copies'] != 1 else 'y'}" if story["copies"] else ""
    return f"{sites}, {story['articles']} articles{copies}; first: {story['first_site']}"


def _who(item: dict[str, Any]) -> str:
    return f"{item['site']}, {_short(item['seen'])}"


def _short(value: str | None) -> str:
    from .render import human_time

    return human_time(value)


def markdown(view: dict[str, Any]) -> list[str]:
    if not view["new"] and not view["grown"]:
        return []
    t = view["totals"]
    lines = ["## Stories", "", f"{t['new']} new stories ({t['new_single']} of one article, not listed), "
                               f"{t['grown']} that spread to new sites.", ""]
    for label, stories in (("New stories", view["new"]), ("Stories that spread", view["grown"])):
        if not stories:
            continue
        lines += [f"### {label} ({len(stories)})", ""]
        for s in stories:
            spread = f"; new: {', '.join(s['new_sites'])}" if s["new_sites"] else ""
            lines.append(f"- [{s['title'] or s['url']}]({s['url']}) — {headline(s)}{spread}")
            for item in s["items"]:
                lines.append(f"  - [{item['title'] or item['url']}]({item['url']}) — {_who(item)}")
                lines += [f"    - copy: [{c['site']}]({c['url']}), {_short(c['seen'])}" for c in item["copies"]]
        lines.append("")
    return lines


def timeline_svg(story: dict[str, Any]) -> str:
    """Sites carrying the story over time: a step line, a dot where each site came in."""
    points = story["timeline"]
    times = [datetime.fromisoformat(p["first_seen"]).timestamp() for p in points]
    start, span = times[0], (times[-1] - times[0]) or 1.0
    w, h, pad = TIMELINE_WIDTH, TIMELINE_HEIGHT, TIMELINE_PAD
    xs = [pad + (t - start) / span * (w - 2 * pad) for t in times]
    ys = [h - pad - (i + 1) / len(points) * (h - 2 * pad) for i in range(len(points))]
    path = f"M{pad:.1f},{h - pad:.1f}"
    for x, y in zip(xs, ys, strict=True):
        path += f" H{x:.1f} V{y:.1f}"
    path += f" H{w - pad:.1f}"
    e = html.escape
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{"#c33" if p["new"] else "#36c"}">'
                   f"<title>{e(p['site'])}: {e(_short(p['first_seen']))}</title></circle>"
                   for x, y, p in zip(xs, ys, points, strict=True))
    label = f"{len(points)} sites from {_short(points[0]['first_seen'])} to {_short(points[-1]['first_seen'])}"
    return (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" role="img" aria-label="{e(label)}"><path d="{path}" fill="none" '
            f'stroke="#888"/>{dots}</svg>')


def html_lines(view: dict[str, Any]) -> list[str]:
    if not view["new"] and not view["grown"]:
        return []
    e, t = html.escape, view["totals"]
    out = ["<h2>Stories</h2>", f'<p class="muted">{t["new"]} new stories ({t["new_single"]} of one article, not '
                               f"listed), {t['grown']} that spread to new sites. Timeline: sites carrying the "
                               "story over time, red where new since the report's start.</p>"]
    for label, stories in (("New stories", view["new"]), ("Stories that spread", view["grown"])):
        if not stories:
            continue
        out.append(f"<h3>{label} ({len(stories)})</h3><ul>")
        for s in stories:
            spread = f"; new: {e(', '.join(s['new_sites']))}" if s["new_sites"] else ""
            out.append(f'<li><a href="{e(s["url"])}">{e(s["title"] or s["url"])}</a> '
                       f'<span class="muted">{e(headline(s))}{spread}</span><br>{timeline_svg(s)}<ul>')
            for item in s["items"]:
                copies = "".join(f'<li>copy: <a href="{e(c["url"])}">{e(c["site"])}</a> '
                                 f'<span class="muted">{e(_short(c["seen"]))}</span></li>' for c in item["copies"])
                out.append(f'<li><a href="{e(item["url"])}">{e(item["title"] or item["url"])}</a> '
                           f'<span class="muted">{e(_who(item))}</span>{f"<ul>{copies}</ul>" if copies else ""}</li>')
            out.append("</ul></li>")
        out.append("</ul>")
    return out


def atom_entries(view: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per new story and one per story's spread to new sites (its id names those sites, so
    each spread is a new entry once)."""
    entries = []
    for kind, label, stories in (("story", "Story", view["new"]), ("spread", "Story spreads", view["grown"])):
        for s in stories:
            when = max(p["first_seen"] for p in s["timeline"]) if s["timeline"] else s["last_seen"]
            spread = f" New: {', '.join(s['new_sites'])}." if s["new_sites"] else ""
            sites = ", ".join(f"{p['site']} ({_short(p['first_seen'])})" for p in s["timeline"])
            entries.append({"kind": kind, "label": label, "when": when, "id_parts": (str(s["id"]), *s["new_sites"]),
                            "article": {"url": s["url"], "title": s["title"], "site": s["first_site"]},
                            "summary": f"{headline(s)}.{spread} Sites: {sites}."})
    return entries
