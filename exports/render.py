"""`scrapy report` formats: the dict of ``exports.monitor.build_report`` as Markdown, HTML, JSON or Atom."""

from __future__ import annotations

import hashlib
import html
import json
from collections import defaultdict
from typing import Any

from lxml import etree

FORMATS = ("md", "html", "json", "atom")


def render(report: dict[str, Any], fmt: str, database: str = "") -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: one of {', '.join(FORMATS)}")
    return {"md": to_markdown, "html": to_html, "json": to_json, "atom": to_atom}[fmt](report, database)


def to_json(report: dict[str, Any], database: str = "") -> str:
    return json.dumps({"database": database, **report}, ensure_ascii=False, indent=2) + "\n"


def _by_site(report: dict[str, Any]) -> dict[str, dict[str, list]]:
    sites: dict[str, dict[str, list]] = defaultdict(lambda: {"new": [], "changed": []})
    for kind in ("new", "changed"):
        for a in report[kind]:
            sites[a["site"]][kind].append(a)
    return dict(sorted(sites.items()))


def describe_change(a: dict[str, Any]) -> str:
    """'title: "Old" → "New"; body: 2,410 → 2,655 characters; modified_at: … → …; also: tags'."""
    parts = []
    changes = a["changes"]
    if "title" in changes:
        parts.append(f"title: “{changes['title']['old']}” → “{changes['title']['new']}”")
    if "body_chars" in changes:
        parts.append(f"body: {changes['body_chars']['old']:,} → {changes['body_chars']['new']:,} characters")
    for name in ("modified_at", "modified_raw"):
        if name in changes:
            parts.append(f"{name}: {changes[name]['old'] or '–'} → {changes[name]['new'] or '–'}")
    shown = {"title", "body", "modified_at", "modified_raw"}
    others = [f for f in a["fields"] if f not in shown]
    if others:
        parts.append("also: " + ", ".join(others))
    return "; ".join(parts)


def _run_line(run: dict[str, Any]) -> str:
    errors = ", ".join(f"{k}: {v}" for k, v in sorted(run["errors"].items())) or "no errors"
    return (f"run {run['id']} {run['started_at']} → {run['finished_at'] or 'not finished'} "
            f"({run['finish_reason'] or 'unknown'}): {run['articles_new'] or 0} new, "
            f"{run['articles_changed'] or 0} changed, {run['articles_not_modified'] or 0} not modified, "
            f"{run['articles_skipped'] or 0} skipped; {errors}")


def to_markdown(report: dict[str, Any], database: str = "") -> str:
    t = report["totals"]
    lines = [f"# newsdesk report: {report['since']['label']}", ""]
    if database:
        lines.append(f"Database `{database}`, generated {report['generated_at']}.")
    lines += [f"**{t['new']} new**, **{t['changed']} changed** articles in {len(report['sites'])} site(s); "
              f"{t['runs']} run(s), {t['errors']} error(s).", "", "## Sites", "", "| site | new | changed |",
              "|---|---:|---:|"]
    lines += [f"| {s['site']} | {s['new']} | {s['changed']} |" for s in report["sites"]]
    for site, kinds in _by_site(report).items():
        lines += ["", f"## {site}"]
        if kinds["new"]:
            lines += ["", f"### New ({len(kinds['new'])})", ""]
            lines += [f"- [{a['title'] or a['url']}]({a['url']}) — published {a['published_at'] or 'unknown'}"
                      for a in kinds["new"]]
        if kinds["changed"]:
            lines += ["", f"### Changed ({len(kinds['changed'])})", ""]
            lines += [f"- [{a['title'] or a['url']}]({a['url']}) — {describe_change(a)}" for a in kinds["changed"]]
    lines += ["", "## Runs", ""]
    lines += [f"- {_run_line(r)}" for r in report["runs"]]
    return "\n".join(lines) + "\n"


_CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{padding:.2rem .7rem;border-bottom:1px solid #ddd;text-align:left}
td.n{text-align:right}li{margin:.3rem 0}.muted{color:#666}svg{max-width:100%;height:auto}"""


def to_html(report: dict[str, Any], database: str = "") -> str:
    from .chart import per_day_svg

    e = html.escape
    t = report["totals"]
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>newsdesk report: {e(report['since']['label'])}</title>", f"<style>{_CSS}</style></head><body>",
           f"<h1>newsdesk report: {e(report['since']['label'])}</h1>",
           f'<p class="muted">Database {e(database)}, generated {e(report["generated_at"])}.</p>',
           f"<p><strong>{t['new']} new</strong>, <strong>{t['changed']} changed</strong> articles in "
           f"{len(report['sites'])} site(s); {t['runs']} run(s), {t['errors']} error(s).</p>",
           "<table><tr><th>site</th><th>new</th><th>changed</th></tr>"]
    out += [f'<tr><td>{e(s["site"])}</td><td class="n">{s["new"]}</td><td class="n">{s["changed"]}</td></tr>'
            for s in report["sites"]]
    out += ["</table>", "<figure>", per_day_svg(report["per_day"]),
            f"<figcaption class=\"muted\">Articles in the database per day of publication (first seen when undated), "
            f"last {report['per_day']['days']} days.</figcaption></figure>"]
    for site, kinds in _by_site(report).items():
        out.append(f"<h2>{e(site)}</h2>")
        for kind, label in (("new", "New"), ("changed", "Changed")):
            if not kinds[kind]:
                continue
            out.append(f"<h3>{label} ({len(kinds[kind])})</h3><ul>")
            for a in kinds[kind]:
                detail = describe_change(a) if kind == "changed" else f"published {a['published_at'] or 'unknown'}"
                out.append(f'<li><a href="{e(a["url"])}">{e(a["title"] or a["url"])}</a> '
                           f'<span class="muted">{e(detail)}</span></li>')
            out.append("</ul>")
    out.append("<h2>Runs</h2><ul>")
    out += [f"<li>{e(_run_line(r))}</li>" for r in report["runs"]]
    out.append("</ul></body></html>")
    return "\n".join(out) + "\n"


ATOM = "http://www.w3.org/2005/Atom"


def _urn(*parts: str) -> str:
    return "urn:newsdesk:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _sub(parent, tag, text=None, **attrs):
    el = etree.SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _atom_entry(feed, label: str, kind: str, a: dict[str, Any], when: str | None, summary: str) -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "title", f"{label}: {a['title'] or a['url']}")
    _sub(entry, "id", _urn(kind, a["url"], when or ""))
    _sub(entry, "link", href=a["url"], rel="alternate")
    _sub(entry, "updated", when)
    _sub(entry, "category", term=a["site"])
    _sub(entry, "summary", summary)


def to_atom(report: dict[str, Any], database: str = "") -> str:
    """An Atom 1.0 feed: one entry per new article and per article version found changed.

    The feed id depends on the database path only, and an entry id on the article URL and the time
    it was first seen or changed, so a reader subscribed to the file sees each change once.
    """
    sub = _sub
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    sub(feed, "title", f"newsdesk: new and changed articles ({database or 'newsdesk'})")
    sub(feed, "id", _urn("feed", database))
    sub(feed, "updated", report["generated_at"])
    author = sub(feed, "author")
    sub(author, "name", "newsdesk")
    sub(feed, "generator", "newsdesk")
    for a in report["new"]:
        summary = a["lead"] or f"First seen {a['first_seen']}, published {a['published_at'] or 'unknown'}."
        _atom_entry(feed, "New", "new", a, a["first_seen"], summary)
    for a in report["changed"]:
        _atom_entry(feed, "Updated", "changed", a, a["last_changed"], describe_change(a))
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True).decode("utf-8")
