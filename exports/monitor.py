"""What is new or changed since a run: the data behind `scrapy report`. Reads the database only.

``build_report(db, since)`` returns a plain dict (what ``--format json`` prints): the runs in scope
with their errors, the articles first stored since then, the articles that changed since then
(with what changed: the fields, and old → new title, body size and updated date), counts per
site, and articles per day per site for the chart.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from crawler.incremental import parse_time
from pipelines import schema
from pipelines.history import content_fields


class ReportError(Exception):
    """The report cannot be made; ``exitcode`` is what the command exits with."""

    def __init__(self, message: str, exitcode: int = 1) -> None:
        super().__init__(message)
        self.exitcode = exitcode


def open_existing(path: str | Path) -> Database:
    """Open a newsdesk database that must already exist (never create one), upgrading its schema."""
    path = Path(path)
    if not path.is_file():
        raise ReportError(f"database not found: {path} (crawl first, or point to it with -s NEWSDESK_DB=PATH)")
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
        if schema.RUNS not in tables:
            raise ReportError(f"{path} holds no crawl runs (is it a newsdesk database? crawl into it first)")
        return schema.open_database(str(path))
    except sqlite3.DatabaseError as exc:  # not a database, locked, unreadable
        raise ReportError(f"cannot open {path} as a newsdesk database: {exc}") from exc


@dataclass(frozen=True)
class Since:
    """Where a report or export starts: a moment, and the runs after it."""

    label: str
    time: str  # ISO 8601 UTC, comparable as text with the stored timestamps
    first_run: int | None  # runs with id >= first_run are in scope (None: by time)


def resolve_since(db: Database, since: str | None) -> Since:
    """``None`` → the last run; ``N`` → after run N (0: everything); an ISO date or datetime → from that moment."""
    runs = list(db.query(f"SELECT id, started_at, finished_at FROM [{schema.RUNS}] ORDER BY id"))
    if not runs:
        raise ReportError("the database holds no crawl runs yet (crawl into it first)")
    if since is None or since == "":
        last = runs[-1]
        return Since(f"run {last['id']}", last["started_at"], last["id"])
    if since == "0":
        return Since("all runs", "", runs[0]["id"])
    if re.fullmatch(r"\d+", since):
        by_id = {r["id"]: r for r in runs}
        run = by_id.get(int(since))
        if run is None:
            raise ReportError(f"no run {since} in the database (runs {runs[0]['id']}..{runs[-1]['id']})", 2)
        return Since(f"after run {run['id']}", run["finished_at"] or run["started_at"], run["id"] + 1)
    when = parse_time(since)
    if when is None:
        raise ReportError(f"--since wants a run id or an ISO 8601 date, not {since!r}", 2)
    return Since(f"since {since}", when.isoformat(), None)


def site_of(row: dict[str, Any]) -> str:
    return row.get("site_name") or urlsplit(row["url"]).netloc


def runs_in_scope(db: Database, since: Since) -> list[dict[str, Any]]:
    if since.first_run is not None:
        rows = db.query(f"SELECT * FROM [{schema.RUNS}] WHERE id >= ? ORDER BY id", [since.first_run])
    else:
        rows = db.query(f"SELECT * FROM [{schema.RUNS}] WHERE coalesce(finished_at, started_at) >= ? ORDER BY id",
                        [since.time])
    out = []
    for run in rows:
        stats = json.loads(run["stats"] or "{}")
        errors = {k[len("newsdesk/failed/"):]: v for k, v in stats.items() if k.startswith("newsdesk/failed/")}
        if stats.get("log_count/ERROR"):
            errors["logged_errors"] = stats["log_count/ERROR"]
        out.append({
            "id": run["id"],
            "started_at": run["started_at"],
            "finished_at": run["finished_at"],
            "finish_reason": run["finish_reason"],
            "arguments": json.loads(run["arguments"] or "{}"),
            "articles_stored": run["articles_stored"],
            "pages_failed": run["pages_failed"],
            "pages_skipped": run["pages_skipped"],
            **{column: run.get(column) for column in schema.RUN_COUNTS},
            "errors": errors,
        })
    return out


def new_articles(db: Database, since: Since) -> list[dict[str, Any]]:
    rows = db.query(
        f"SELECT url, site_name, title, lead, published_at, first_seen FROM [{schema.ARTICLES}] "
        "WHERE first_seen >= ? ORDER BY first_seen, url", [since.time])
    return [{"url": r["url"], "site": site_of(r), "title": r["title"], "published_at": r["published_at"],
             "first_seen": r["first_seen"], "lead": r["lead"]} for r in rows]


def changed_articles(db: Database, since: Since) -> list[dict[str, Any]]:
    """Articles stored before ``since`` whose content changed after it, with old → new of what changed."""
    versions = db.query(
        f"SELECT v.url, v.fields, v.old_values FROM [{schema.VERSIONS}] v JOIN [{schema.ARTICLES}] a ON a.url = v.url "
        "WHERE v.replaced_at >= ? AND a.first_seen < ? ORDER BY v.url, v.version", [since.time, since.time])
    before: dict[str, dict[str, Any]] = {}
    for v in versions:
        old = before.setdefault(v["url"], {})
        for name, value in json.loads(v["old_values"]).items():
            old.setdefault(name, value)  # the value before the first change in scope
    order = {name: i for i, name in enumerate([*content_fields(), *schema.child_tables()])}
    out = []
    for url, old in before.items():
        now = db[schema.ARTICLES].get(url)
        changes: dict[str, Any] = {}
        if "title" in old:
            changes["title"] = {"old": old["title"], "new": now["title"]}
        if "body" in old:
            changes["body_chars"] = {"old": len(old["body"] or ""), "new": len(now["body"] or "")}
        for name in ("modified_at", "modified_raw"):
            if name in old:
                changes[name] = {"old": old[name], "new": now[name]}
        out.append({
            "url": url, "site": site_of(now), "title": now["title"], "last_changed": now["last_changed"],
            "fields": sorted(old, key=lambda n: order.get(n, len(order))), "changes": changes,
        })
    out.sort(key=lambda a: (a["last_changed"] or "", a["url"]))
    return out


def per_day(db: Database, end: datetime, days: int) -> dict[str, dict[str, int]]:
    """Site → {day: articles}: articles by publication day (first_seen when undated), ``days`` days up to ``end``."""
    start = (end - timedelta(days=days - 1)).date().isoformat()
    last = end.date().isoformat()
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = db.query(
        f"SELECT url, site_name, substr(coalesce(published_at, first_seen), 1, 10) AS day FROM [{schema.ARTICLES}] "
        "WHERE day BETWEEN ? AND ?", [start, last])
    for r in rows:
        counts[site_of(r)][r["day"]] += 1
    return {site: dict(sorted(days_.items())) for site, days_ in sorted(counts.items())}


def build_report(db: Database, since: str | None = None, days: int = 30, now: datetime | None = None) -> dict[str, Any]:
    """Everything `scrapy report` shows, as plain data."""
    now = now or datetime.now(timezone.utc)
    scope = resolve_since(db, since)
    new = new_articles(db, scope)
    changed = changed_articles(db, scope)
    sites: dict[str, dict[str, int]] = defaultdict(lambda: {"new": 0, "changed": 0})
    for kind, items in (("new", new), ("changed", changed)):
        for a in items:
            sites[a["site"]][kind] += 1
    runs = runs_in_scope(db, scope)
    return {
        "generated_at": now.isoformat(),
        "since": {"label": scope.label, "time": scope.time},
        "totals": {"new": len(new), "changed": len(changed), "runs": len(runs),
                   "errors": sum(sum(r["errors"].values()) for r in runs),
                   "articles_in_database": db[schema.ARTICLES].count},
        "sites": [{"site": s, **c} for s, c in sorted(sites.items())],
        "runs": runs,
        "new": new,
        "changed": changed,
        "per_day": {"days": days, "end": now.date().isoformat(), "sites": per_day(db, now, days)},
    }


def day_range(end: str, days: int) -> list[str]:
    last = date.fromisoformat(end)
    return [(last - timedelta(days=i)).isoformat() for i in range(days - 1, -1, -1)]
