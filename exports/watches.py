"""Watches: saved full-text queries a reader subscribes to (`scrapy watch`, `scrapy report --watch`).

A watch is a name, an FTS5 query over the title, lead and body the store indexes (``articles_fts``),
and optionally sites and a language; it is kept in the ``watches`` table (m008). ``watch_report``
is `scrapy report` narrowed to the articles the query matches and the stories that hold them. A
watch reports from when it was made: its default start is the later of the report's usual one
(the last run, or 7 days for a feed) and the watch's creation; ``--since`` says otherwise.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from datetime import datetime, timezone
from typing import Any

from sqlite_utils import Database

from crawler import outcome
from exports.cli import CommandError
from exports.dataset import selection
from exports.monitor import build_report, resolve_since
from exports.stories import story_view
from pipelines.schema import ARTICLE_STORIES, ARTICLES, WATCHES

NAME = re.compile(r"[\w.-]{1,64}")
LANGUAGE = re.compile(r"[A-Za-z]{2,3}")


def _fts(db: Database) -> str:
    return db[ARTICLES].detect_fts() or f"{ARTICLES}_fts"


def check_query(db: Database, query: str) -> None:
    """``CommandError`` (exit 2) naming the problem when ``query`` is not an FTS5 query SQLite accepts."""
    if not query.strip():
        raise CommandError("the query is empty: give words to look for, e.g. \"ceasefire\" or \"rail AND strike\"",
                           outcome.EXIT_USAGE)
    try:
        db.execute(f"SELECT rowid FROM [{_fts(db)}] WHERE [{_fts(db)}] MATCH ? LIMIT 1", [query]).fetchall()
    except sqlite3.OperationalError as exc:
        raise CommandError(f"not a full-text query SQLite understands: {query!r} ({exc}); see "
                           "https://www.sqlite.org/fts5.html#full_text_query_syntax", outcome.EXIT_USAGE) from None


def add(db: Database, name: str, query: str, sites: list[str], language: str | None,
        now: datetime | None = None) -> dict[str, Any]:
    if not NAME.fullmatch(name):
        raise CommandError(f"a watch name is letters, digits, '.', '-' or '_' (64 at most), not {name!r}",
                           outcome.EXIT_USAGE)
    if language is not None and not LANGUAGE.fullmatch(language):
        raise CommandError(f"--language wants a language code such as en or de, not {language!r}", outcome.EXIT_USAGE)
    check_query(db, query)
    if db[WATCHES].count_where("name = ?", [name]):
        raise CommandError(f"a watch named {name} exists already (scrapy watch remove {name} first)",
                           outcome.EXIT_USAGE)
    row = {"name": name, "query": query, "sites": json.dumps(sites, ensure_ascii=False),
           "language": language.lower() if language else None,
           "created_at": (now or datetime.now(timezone.utc)).isoformat()}
    with db.atomic():
        db[WATCHES].insert(row)
    return row


def get(db: Database, name: str) -> dict[str, Any]:
    if not db[WATCHES].exists():
        raise CommandError(f"no watch named {name} (scrapy watch add {name} \"QUERY\" makes one)")
    rows = list(db.query(f"SELECT * FROM [{WATCHES}] WHERE name = ?", [name]))
    if not rows:
        known = [r["name"] for r in db.query(f"SELECT name FROM [{WATCHES}] ORDER BY name")]
        hint = f" (watches: {', '.join(known)})" if known else " (there are none: scrapy watch add NAME \"QUERY\")"
        raise CommandError(f"no watch named {name}{hint}")
    row = rows[0]
    row["sites"] = json.loads(row["sites"] or "[]")
    return row


def all_watches(db: Database) -> list[dict[str, Any]]:
    if not db[WATCHES].exists():
        return []
    rows = db.query(f"SELECT * FROM [{WATCHES}] ORDER BY name")
    return [{**r, "sites": json.loads(r["sites"] or "[]")} for r in rows]


def remove(db: Database, name: str) -> None:
    get(db, name)
    with db.atomic():
        db.execute(f"DELETE FROM [{WATCHES}] WHERE name = ?", [name])


def describe(watch: dict[str, Any]) -> str:
    parts = [f"{watch['name']}: {watch['query']}"]
    if watch["sites"]:
        parts.append("sites " + ", ".join(watch["sites"]))
    if watch["language"]:
        parts.append(f"language {watch['language']}")
    parts.append(f"since {watch['created_at'][:16].replace('T', ' ')} UTC")
    return "; ".join(parts)


def matching(db: Database, watch: dict[str, Any], urls: list[str]) -> set[str]:
    """Those of ``urls`` the watch's query (and sites, language) matches."""
    if not urls:
        return set()
    where, params = selection(None, watch["sites"])
    if watch["language"]:
        where += " AND (lower(language) = ? OR lower(language) LIKE ?)"
        params += [watch["language"], f"{watch['language']}-%"]
    fts = _fts(db)
    found: set[str] = set()
    for start in range(0, len(urls), 30000):
        chunk = urls[start:start + 30000]
        marks = ",".join("?" * len(chunk))
        found |= {r[0] for r in db.execute(
            f"SELECT url FROM [{ARTICLES}] WHERE rowid IN (SELECT rowid FROM [{fts}] WHERE [{fts}] MATCH ?) "
            f"AND url IN ({marks}) AND {where}", [watch["query"], *chunk, *params])}
    return found


def start(db: Database, watch: dict[str, Any], since: str | None, default: str | None) -> str | None:
    """The ``--since`` of a watch's report: as given; else the usual default, or the watch's creation if later."""
    if since is not None:
        return since
    usual = resolve_since(db, default).time
    return watch["created_at"] if watch["created_at"] > usual else default


def watch_report(db: Database, name: str, since: str | None, default: str | None = None, days: int = 30,
                 now: datetime | None = None) -> dict[str, Any]:
    """`scrapy report` for one watch: its articles new or changed, and the stories that hold them."""
    watch = get(db, name)
    begin = start(db, watch, since, default)
    report = build_report(db, begin, days=days, now=now)
    listed = [a["url"] for kind in ("new", "changed", "changed_new") for a in report[kind]]
    hits = matching(db, watch, listed)
    for kind in ("new", "changed", "changed_new"):
        report[kind] = [a for a in report[kind] if a["url"] in hits]
    sites: dict[str, dict[str, int]] = defaultdict(lambda: {"new": 0, "changed": 0})
    for kind in ("new", "changed"):
        for a in report[kind]:
            sites[a["site"]][kind] += 1
    report["sites"] = [{"site": s, **c} for s, c in sorted(sites.items())]
    report["totals"].update(new=len(report["new"]), changed=len(report["changed"]))
    story_ids = _stories_of(db, sorted(hits))
    report["stories"] = story_view(db, report["since"]["time"], only=story_ids)
    report["watch"] = {k: watch[k] for k in ("name", "query", "sites", "language", "created_at")}
    label = report["since"]["label"]
    if since is None and begin == watch["created_at"]:
        label = f"since it was made, {watch['created_at'][:16].replace('T', ' ')} UTC"
    report["since"]["label"] = f"watch {name}, {label}"
    return report


def _stories_of(db: Database, urls: list[str]) -> set[int]:
    out: set[int] = set()
    for begin in range(0, len(urls), 30000):
        chunk = urls[begin:begin + 30000]
        marks = ",".join("?" * len(chunk))
        out |= {r[0] for r in db.execute(
            f"SELECT story_id FROM [{ARTICLE_STORIES}] WHERE article_url IN ({marks})", chunk)}
    return out
