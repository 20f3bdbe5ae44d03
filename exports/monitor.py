"""What is new or changed since a run: the data behind `scrapy report`. Reads the database only.

``build_report(db, since)`` returns a plain dict (what ``--format json`` prints): the runs in scope
with their errors, the articles first stored since then (``new``), the articles stored before that
changed since then (``changed``, with what changed: the fields, and old → new title, body size and
updated date), the new ones that changed again (``changed_new``: listed once, as new, in a report;
the Atom feed has an entry for their change), counts per site, and articles per day per site.
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
from crawler.outcome import FINISH_MESSAGE
from exports.cli import CommandError
from exports.stories import story_view
from pipelines import schema
from pipelines.history import content_fields


class ReportError(CommandError):
    """The report or export cannot be made; ``exitcode`` is what the command exits with."""


def open_existing(path: str | Path) -> Database:
    """Open a newsdesk database that must already exist (never create one), read-only.

    Readers never write: the file may be in a folder they can only read (see
    ``schema.connect_read_only``). A database whose schema is older than this code is upgraded
    first, when it can be written; otherwise that is the error.
    """
    path = Path(path)
    if not path.is_file():
        raise ReportError(f"database not found: {path} (crawl first, or point to it with -s NEWSDESK_DB=PATH)")
    try:
        db = Database(schema.connect_read_only(path))
        if not db[schema.RUNS].exists():
            db.close()
            raise ReportError(f"{path} holds no crawl runs (is it a newsdesk database? crawl into it first)")
        if schema.needs_upgrade(db):
            db.close()
            _upgrade(path)
            db = Database(schema.connect_read_only(path))
        return db
    except sqlite3.DatabaseError as exc:  # not a database, locked, unreadable
        raise ReportError(f"cannot open {path} as a newsdesk database: {exc}") from exc


def _upgrade(path: Path) -> None:
    try:
        schema.open_database(str(path)).close()
    except sqlite3.OperationalError as exc:
        raise ReportError(f"{path} has an older schema and cannot be upgraded here ({exc}): run a crawl on it, "
                          "or a report where the file and its folder can be written") from exc


@dataclass(frozen=True)
class Since:
    """Where a report or export starts: a moment, and the runs after it."""

    label: str
    time: str  # ISO 8601 UTC, comparable as text with the stored timestamps
    first_run: int | None  # runs with id >= first_run are in scope (None: by time)


# --since 7d, 48h, 2w: a window back from now (a feed's rolling window).
_WINDOW = re.compile(r"(\d+)\s*([hdw])")
_WINDOW_UNITS = {"h": ("hour", timedelta(hours=1)), "d": ("day", timedelta(days=1)), "w": ("week", timedelta(weeks=1))}


def resolve_since(db: Database, since: str | None, now: datetime | None = None) -> Since:
    """``None`` → the last run; ``N`` → after run N (0: everything); ``7d`` / ``48h`` / ``2w`` → that long
    back from ``now``; an ISO date or datetime → from that moment."""
    runs = list(db.query(f"SELECT id, started_at, finished_at FROM [{schema.RUNS}] ORDER BY id"))
    if not runs:
        raise ReportError("the database holds no crawl runs yet (crawl into it first)")
    if since is None or since == "":
        last = runs[-1]
        return Since(f"run {last['id']}", last["started_at"], last["id"])
    if since == "0":
        return Since("all runs", "", runs[0]["id"])
    window = _WINDOW.fullmatch(since.strip().lower())
    if window:
        n = int(window.group(1))
        unit, step = _WINDOW_UNITS[window.group(2)]
        start = (now or datetime.now(timezone.utc)) - n * step
        return Since(f"the last {n} {unit}{'s' if n != 1 else ''}", start.astimezone(timezone.utc).isoformat(), None)
    if re.fullmatch(r"\d+", since):
        by_id = {r["id"]: r for r in runs}
        run = by_id.get(int(since))
        if run is None:
            raise ReportError(f"no run {since} in the database (runs {runs[0]['id']}..{runs[-1]['id']})", 2)
        return Since(f"after run {run['id']}", run["finished_at"] or run["started_at"], run["id"] + 1)
    when = parse_time(since)
    if when is None:
        raise ReportError(f"--since wants a run id, an ISO 8601 date or a window such as 7d or 48h, not {since!r}", 2)
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
            "finish_message": stats.get(FINISH_MESSAGE),
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


def changed_articles(db: Database, since: Since, first_seen_after: bool = False) -> list[dict[str, Any]]:
    """Articles stored before ``since`` whose content changed after it, with old → new of what changed;
    with ``first_seen_after``, those first stored after ``since`` that changed since (a report lists
    them once, as new; a feed has an entry for their change too)."""
    stored = "a.first_seen >= ?" if first_seen_after else "a.first_seen < ?"
    versions = db.query(
        f"SELECT v.url, v.fields, v.old_values FROM [{schema.VERSIONS}] v JOIN [{schema.ARTICLES}] a ON a.url = v.url "
        f"WHERE v.replaced_at >= ? AND {stored} ORDER BY v.url, v.version", [since.time, since.time])
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
    scope = resolve_since(db, since, now)
    new = new_articles(db, scope)
    changed = changed_articles(db, scope)
    sites: dict[str, dict[str, int]] = defaultdict(lambda: {"new": 0, "changed": 0})
    for kind, items in (("new", new), ("changed", changed)):
        for a in items:
            sites[a["site"]][kind] += 1
    runs = runs_in_scope(db, scope)
    last_run = db.execute(f"SELECT coalesce(finished_at, started_at) FROM [{schema.RUNS}] ORDER BY id DESC LIMIT 1")
    return {
        "generated_at": now.isoformat(timespec="seconds"),
        "since": {"label": scope.label, "time": scope.time},
        "last_run_at": last_run.fetchone()[0],
        "totals": {"new": len(new), "changed": len(changed), "runs": len(runs),
                   "errors": sum(sum(r["errors"].values()) for r in runs),
                   "articles_in_database": db[schema.ARTICLES].count},
        "sites": [{"site": s, **c} for s, c in sorted(sites.items())],
        "runs": runs,
        "new": new,
        "changed": changed,
        "changed_new": changed_articles(db, scope, first_seen_after=True),
        "per_day": {"days": days, "end": now.date().isoformat(), "sites": per_day(db, now, days)},
        "stories": story_view(db, scope.time),
    }


def day_range(end: str, days: int) -> list[str]:
    last = date.fromisoformat(end)
    return [(last - timedelta(days=i)).isoformat() for i in range(days - 1, -1, -1)]
