"""`scrapy report` formats: the dict of ``exports.monitor.build_report`` as Markdown, HTML, JSON or Atom.

One small renderer per format. Each names its parts in ``sections``, in order: methods that return
their lines (Markdown, HTML) or their entries (Atom), nothing when they have nothing to show. A new
part of the report is a method on each renderer and its name in their ``sections``; JSON is the
report itself.

Times are shown as a person reads them (to the minute, in the time's own offset: ``UTC`` for the
crawl's times, the page's offset for a publication date, none for a page's wall time); JSON and
Atom keep ISO 8601 / RFC 3339.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from lxml import etree

from . import stories_render

FORMATS = ("md", "html", "json", "atom")
ALIASES = {"markdown": "md"}
FEED_MAX_ENTRIES = 200  # newest entries an Atom feed holds, by default


def render(report: dict[str, Any], fmt: str, database: str = "", **options: Any) -> str:
    fmt = ALIASES.get(fmt, fmt)
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}: one of {', '.join([*FORMATS, *ALIASES])}")
    return RENDERERS[fmt](report, database, **options).render()


# ---------------------------------------------------------------------- shared pieces
def human_time(value: str | None, missing: str = "unknown") -> str:
    """An ISO 8601 time to the minute in its own offset: '2025-03-03 17:04 +01:00', '2026-11-30 07:29 UTC',
    '2025-03-03 17:04' (a wall time without offset); a date alone stays a date; junk stays as it is."""
    if not value:
        return missing
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= len("2025-03-03"):
        return when.date().isoformat()
    return f"{when:%Y-%m-%d %H:%M}{_offset(when)}"


def _offset(when: datetime) -> str:
    offset = when.utcoffset()
    if offset is None:
        return ""
    if offset == timedelta(0):
        return " UTC"
    sign, offset = ("-", -offset) if offset < timedelta(0) else ("+", offset)
    hours, rest = divmod(int(offset.total_seconds()) // 60, 60)
    return f" {sign}{hours:02d}:{rest:02d}"


def human_span(start: str | None, end: str | None) -> str:
    """'2026-11-30 07:29 → 07:31 UTC' for a run that ended the day it started, else both in full."""
    if not end:
        return f"{human_time(start)} → not finished"
    first, last = human_time(start), human_time(end)
    if first[:10] == last[:10] and first.endswith(" UTC") and last.endswith(" UTC"):
        return f"{first.removesuffix(' UTC')} → {last[11:]}"
    return f"{first} → {last}"


def by_site(report: dict[str, Any]) -> dict[str, dict[str, list]]:
    sites: dict[str, dict[str, list]] = defaultdict(lambda: {"new": [], "changed": []})
    for kind in ("new", "changed"):
        for a in report[kind]:
            sites[a["site"]][kind].append(a)
    return dict(sorted(sites.items()))


def describe_change(a: dict[str, Any]) -> str:
    """'title: "Old" → "New"; body: 2,410 → 2,655 characters; modified: … → …; also: tags'."""
    parts = []
    changes = a["changes"]
    if "title" in changes:
        parts.append(f"title: “{changes['title']['old']}” → “{changes['title']['new']}”")
    if "body_chars" in changes:
        parts.append(f"body: {changes['body_chars']['old']:,} → {changes['body_chars']['new']:,} characters")
    if "modified_at" in changes:
        old, new = changes["modified_at"]["old"], changes["modified_at"]["new"]
        parts.append(f"modified: {human_time(old, '–')} → {human_time(new, '–')}")
    elif "modified_raw" in changes:
        parts.append(f"modified: {changes['modified_raw']['old'] or '–'} → {changes['modified_raw']['new'] or '–'}")
    shown = {"title", "body", "modified_at", "modified_raw"}
    others = [f for f in a["fields"] if f not in shown]
    if others:
        parts.append("also: " + ", ".join(others))
    return "; ".join(parts)


def published(a: dict[str, Any]) -> str:
    return f"published {human_time(a['published_at'])}"


def run_line(run: dict[str, Any]) -> str:
    errors = ", ".join(f"{k}: {v}" for k, v in sorted(run["errors"].items())) or "no errors"
    reason = run["finish_reason"] or "unknown"
    if run.get("finish_message"):
        reason = f"{reason}: {run['finish_message']}"
    return (f"run {run['id']}, {human_span(run['started_at'], run['finished_at'])} ({reason}): "
            f"{run['articles_new'] or 0} new, {run['articles_changed'] or 0} changed, "
            f"{run['articles_not_modified'] or 0} not modified, {run['articles_skipped'] or 0} skipped; {errors}")


def no_changes(report: dict[str, Any]) -> bool:
    return not report["new"] and not report["changed"]


class Renderer:
    """One output format. ``sections`` are the names of the methods that make its parts, in order."""

    sections: tuple[str, ...] = ()

    def __init__(self, report: dict[str, Any], database: str = "", **options: Any) -> None:
        self.report, self.database, self.options = report, database, options

    def parts(self) -> list[Any]:
        return [part for name in self.sections for part in getattr(self, name)()]

    def render(self) -> str:
        return "\n".join(self.parts()) + "\n"


# ---------------------------------------------------------------------- Markdown
class Markdown(Renderer):
    sections = ("heading", "summary", "sites", "stories", "articles", "runs")

    def heading(self) -> list[str]:
        lines = [f"# newsdesk report: {self.report['since']['label']}", ""]
        if self.database:
            lines += [f"Database `{self.database}`, generated {human_time(self.report['generated_at'])}.", ""]
        return lines

    def summary(self) -> list[str]:
        if no_changes(self.report):
            return [f"**No changes**: nothing new or changed ({self.report['since']['label']}); "
                    f"{self.report['totals']['runs']} run(s), {self.report['totals']['errors']} error(s).", ""]
        t = self.report["totals"]
        return [f"**{t['new']} new**, **{t['changed']} changed** articles in {len(self.report['sites'])} site(s); "
                f"{t['runs']} run(s), {t['errors']} error(s).", ""]

    def sites(self) -> list[str]:
        if no_changes(self.report):
            return []
        lines = ["## Sites", "", "| site | new | changed |", "|---|---:|---:|"]
        return lines + [f"| {s['site']} | {s['new']} | {s['changed']} |" for s in self.report["sites"]] + [""]

    def stories(self) -> list[str]:
        return stories_render.markdown(self.report["stories"]) if "stories" in self.report else []

    def articles(self) -> list[str]:
        lines = []
        for site, kinds in by_site(self.report).items():
            lines += [f"## {site}", ""]
            if kinds["new"]:
                lines += [f"### New ({len(kinds['new'])})", ""]
                lines += [f"- [{a['title'] or a['url']}]({a['url']}) — {published(a)}" for a in kinds["new"]] + [""]
            if kinds["changed"]:
                lines += [f"### Changed ({len(kinds['changed'])})", ""]
                lines += [f"- [{a['title'] or a['url']}]({a['url']}) — {describe_change(a)}"
                          for a in kinds["changed"]] + [""]
        return lines

    def runs(self) -> list[str]:
        return ["## Runs", "", *(f"- {run_line(r)}" for r in self.report["runs"])]


# ---------------------------------------------------------------------- HTML
_CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{padding:.2rem .7rem;border-bottom:1px solid #ddd;text-align:left}
td.n{text-align:right}li{margin:.3rem 0}.muted{color:#666}svg{max-width:100%;height:auto}
svg.timeline{display:block;margin:.2rem 0}"""


class Html(Renderer):
    """One self-contained page: inline CSS and an inline SVG chart, no JavaScript, nothing to load."""

    sections = ("head", "summary", "sites", "chart", "stories", "articles", "runs", "foot")

    def head(self) -> list[str]:
        e, label = html.escape, self.report["since"]["label"]
        return ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
                f"<title>newsdesk report: {e(label)}</title>", f"<style>{_CSS}</style></head><body>",
                f"<h1>newsdesk report: {e(label)}</h1>",
                f'<p class="muted">Database {e(self.database)}, generated '
                f'{e(human_time(self.report["generated_at"]))}.</p>']

    def summary(self) -> list[str]:
        t = self.report["totals"]
        if no_changes(self.report):
            return [f"<p><strong>No changes</strong>: nothing new or changed "
                    f"({html.escape(self.report['since']['label'])}); {t['runs']} run(s), {t['errors']} error(s).</p>"]
        return [f"<p><strong>{t['new']} new</strong>, <strong>{t['changed']} changed</strong> articles in "
                f"{len(self.report['sites'])} site(s); {t['runs']} run(s), {t['errors']} error(s).</p>"]

    def sites(self) -> list[str]:
        if no_changes(self.report):
            return []
        e = html.escape
        rows = [f'<tr><td>{e(s["site"])}</td><td class="n">{s["new"]}</td><td class="n">{s["changed"]}</td></tr>'
                for s in self.report["sites"]]
        return ["<table><tr><th>site</th><th>new</th><th>changed</th></tr>", *rows, "</table>"]

    def chart(self) -> list[str]:
        from .chart import bin_label, per_day_svg

        per_day = self.report["per_day"]
        return ["<figure>", per_day_svg(per_day),
                f'<figcaption class="muted">Articles in the database per {bin_label(per_day["days"])} of publication '
                f"(first seen when undated), last {per_day['days']} days.</figcaption></figure>"]

    def stories(self) -> list[str]:
        return stories_render.html_lines(self.report["stories"]) if "stories" in self.report else []

    def articles(self) -> list[str]:
        e = html.escape
        out = []
        for site, kinds in by_site(self.report).items():
            out.append(f"<h2>{e(site)}</h2>")
            for kind, label in (("new", "New"), ("changed", "Changed")):
                if not kinds[kind]:
                    continue
                out.append(f"<h3>{label} ({len(kinds[kind])})</h3><ul>")
                for a in kinds[kind]:
                    detail = describe_change(a) if kind == "changed" else published(a)
                    out.append(f'<li><a href="{e(a["url"])}">{e(a["title"] or a["url"])}</a> '
                               f'<span class="muted">{e(detail)}</span></li>')
                out.append("</ul>")
        return out

    def runs(self) -> list[str]:
        return ["<h2>Runs</h2><ul>", *(f"<li>{html.escape(run_line(r))}</li>" for r in self.report["runs"]), "</ul>"]

    def foot(self) -> list[str]:
        return ["</body></html>"]


# ---------------------------------------------------------------------- JSON
class Json(Renderer):
    """The report as it is built (times ISO 8601, as stored)."""

    def render(self) -> str:
        return json.dumps({"database": self.database, **self.report}, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------- Atom
ATOM = "http://www.w3.org/2005/Atom"


def _urn(*parts: str) -> str:
    return "urn:newsdesk:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _sub(parent, tag, text=None, **attrs):
    el = etree.SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


class Atom(Renderer):
    """An Atom 1.0 feed: one entry per new article and per article found changed, newest first.

    Made for a rolling window (``scrapy report --format atom`` covers the last 7 days unless
    ``--since`` says otherwise), at most ``max_entries`` entries (the newest). The feed id depends on
    the database path only, and an entry id on the article URL and the time it was first seen or
    changed, so a reader polling the file, however rarely, sees each change once. ``<updated>`` is
    the newest entry's time (the last run's when there is none), not the time the file was made;
    ``<link rel="self">`` is there when the feed's URL is given (``feed_url``).
    """

    sections = ("new_entries", "changed_entries", "story_entries")

    def new_entries(self) -> list[dict[str, Any]]:
        return [{"kind": "new", "label": "New", "article": a, "when": a["first_seen"],
                 "summary": a["lead"] or f"First seen {human_time(a['first_seen'])}, {published(a)}."}
                for a in self.report["new"]]

    def changed_entries(self) -> list[dict[str, Any]]:
        return [{"kind": "changed", "label": "Updated", "article": a, "when": a["last_changed"],
                 "summary": describe_change(a)} for a in [*self.report["changed"], *self.report["changed_new"]]]

    def story_entries(self) -> list[dict[str, Any]]:
        return stories_render.atom_entries(self.report["stories"]) if "stories" in self.report else []

    def render(self) -> str:
        entries = sorted(self.parts(), key=lambda e: e["when"] or "", reverse=True)
        entries = entries[: self.options.get("max_entries") or FEED_MAX_ENTRIES]
        feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
        watch = self.report.get("watch")
        about = f"watch {watch['name']}: {watch['query']}" if watch else "new and changed articles"
        _sub(feed, "title", f"newsdesk: {about} ({self.database or 'newsdesk'})")
        _sub(feed, "id", _urn("feed", self.database, *([watch["name"]] if watch else [])))
        if self.options.get("feed_url"):
            _sub(feed, "link", rel="self", href=self.options["feed_url"], type="application/atom+xml")
        _sub(feed, "updated", entries[0]["when"] if entries else self.report["last_run_at"])
        _sub(_sub(feed, "author"), "name", "newsdesk")
        _sub(feed, "generator", "newsdesk")
        for e in entries:
            a = e["article"]
            entry = _sub(feed, "entry")
            _sub(entry, "title", f"{e['label']}: {a['title'] or a['url']}")
            _sub(entry, "id", _urn(e["kind"], *e.get("id_parts", (a["url"], e["when"] or ""))))
            _sub(entry, "link", href=a["url"], rel="alternate")
            _sub(entry, "updated", e["when"])
            _sub(entry, "category", term=a["site"])
            _sub(entry, "summary", e["summary"])
        return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True).decode("utf-8")


RENDERERS: dict[str, type[Renderer]] = {"md": Markdown, "html": Html, "json": Json, "atom": Atom}
