"""A short plain-text summary of a newsdesk database: what the last run stored, skipped and failed."""

from __future__ import annotations

import json

from sqlite_utils import Database

from exports.render import human_span
from pipelines import schema


def summarize(db: Database, highlight_url: str | None = None) -> str:
    """What the last crawl run found, and one article's raw → normalised fields."""
    lines: list[str] = []
    runs = list(db.query(f"select * from [{schema.RUNS}] order by id desc limit 1"))
    if runs:
        run = runs[0]
        stats = json.loads(run["stats"] or "{}")
        lines.append(f"Run {run['id']}: {human_span(run['started_at'], run['finished_at'])} ({run['finish_reason']})")
        lines.append(f"  articles stored this run: {run['articles_stored']}")
        if run.get("articles_new") is not None:
            lines.append(f"  new / changed / unchanged: {run['articles_new']} / {run['articles_changed']} / "
                         f"{run['articles_unchanged']} (304 Not Modified: {run['articles_not_modified']}, "
                         f"skipped on sitemap lastmod: {run['articles_skipped']})")
        lines.append(f"  tables stored this run:   {stats.get('newsdesk/stored_tables', 0)}")
        lines.append(f"  images stored this run:   {stats.get('newsdesk/stored_images', 0)}")
        for label, prefix in (("skipped", "newsdesk/skipped/"), ("failed", "newsdesk/failed/")):
            reasons = {k[len(prefix):]: v for k, v in stats.items() if k.startswith(prefix)}
            total = sum(reasons.values())
            detail = ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items())) or "none"
            lines.append(f"  pages {label}: {total} ({detail})")
        limits = {k[len("newsdesk/"):]: v for k, v in stats.items()
                  if k.startswith(("newsdesk/limited/", "newsdesk/retry_after/", "newsdesk/jobdir/"))}
        if limits:
            lines.append("  limits: " + ", ".join(f"{k}: {v}" for k, v in sorted(limits.items())))
    lines.append(
        f"Database: {db[schema.ARTICLES].count} articles, {db[schema.TABLES].count} tables, "
        f"{db[schema.IMAGES].count} images, {db[schema.RUNS].count} runs"
    )
    if highlight_url:
        rows = list(db.query(f"select * from [{schema.ARTICLES}] where url = ?", [highlight_url]))
        if rows:
            a = rows[0]
            lines.append(f"Article {a['url']}")
            lines.append(f"  title:     {a['title']}")
            lines.append(f"  authors:   {', '.join(json.loads(a['authors'] or '[]'))}")
            lines.append(f"  published: {a['published_raw']!r} → {a['published_at']} (fetched {a['fetched_at']})")
            lines.append(f"  read time: {a['read_time_raw']!r} → {a['read_time_minutes']} min")
            headings = [s["heading"] for s in json.loads(a["sections"] or "[]") if s["heading"]]
            lines.append(f"  sections:  {len(headings)} headings: {', '.join(headings)}")
            for t in db.query(f"select * from [{schema.TABLES}] where article_url = ? order by position", [a["url"]]):
                header, rows_ = json.loads(t["header"]), json.loads(t["rows"])
                lines.append(f"  table {t['position']}: {len(rows_)} rows × {len(header)} columns: {header}")
            for i in db.query(f"select * from [{schema.IMAGES}] where article_url = ? order by position", [a["url"]]):
                lines.append(f"  image {i['position']}: {i['url']} (credit: {i['credit']})")
    return "\n".join(lines)
