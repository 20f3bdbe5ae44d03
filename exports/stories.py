"""The stories view of `scrapy report`: new stories, stories that spread to new sites, copies folded.

``story_view(db, since)`` reads the ``stories`` table (its counts are kept up to date by
``pipelines.stories`` as articles are stored: nothing is recomputed here) and, for the stories
that moved since ``since`` only, their articles. A story of one article is counted, not listed:
it is that article, which the report lists already. The cost follows what changed since the last
run, not the size of the database (indexes on ``stories.first_seen``, ``stories.last_seen`` and
``article_stories.story_id``).

Each listed story carries its articles in the order they were stored, wire copies folded under the
original they copy (``copies``), and its ``timeline``: when each site first carried it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from pipelines.schema import ARTICLE_STORIES, ARTICLES, STORIES

_SQL_VARIABLES = 30000


def story_view(db: Database, since_time: str, only: Iterable[int] | None = None) -> dict[str, Any]:
    """New stories (first stored since ``since_time``) and grown ones (older, with a new site since
    then), each with at least two articles; ``only``: story ids to keep (a watch's)."""
    if not db[STORIES].exists():
        return {"totals": {"new": 0, "new_single": 0, "grown": 0}, "new": [], "grown": []}
    keep = set(only) if only is not None else None
    new_rows = [r for r in db.query(f"SELECT * FROM [{STORIES}] WHERE first_seen >= ? ORDER BY first_seen, id",
                                    [since_time]) if keep is None or r["id"] in keep]
    listed = [r for r in new_rows if r["articles"] > 1]
    older = [r for r in db.query(f"SELECT * FROM [{STORIES}] WHERE last_seen >= ? AND first_seen < ? "
                                 "AND sites > 1 ORDER BY last_seen, id", [since_time, since_time])
             if keep is None or r["id"] in keep]
    members = _members(db, [r["id"] for r in [*listed, *older]])
    new = [_story(r, members.get(r["id"], []), since_time) for r in listed]
    grown = [s for s in (_story(r, members.get(r["id"], []), since_time) for r in older) if s["new_sites"]]
    return {"totals": {"new": len(new_rows), "new_single": len(new_rows) - len(listed), "grown": len(grown)},
            "new": sorted(new, key=_most_covered), "grown": sorted(grown, key=_most_covered)}


def _most_covered(story: dict[str, Any]) -> tuple:
    return -story["sites"], -story["articles"], story["first_seen"], story["id"]


def _members(db: Database, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for start in range(0, len(ids), _SQL_VARIABLES):
        chunk = ids[start:start + _SQL_VARIABLES]
        marks = ",".join("?" * len(chunk))
        for r in db.query(f"SELECT s.story_id, s.article_url AS url, s.site, s.seen, s.copy_of, s.similarity, "
                          f"a.title, a.published_at FROM [{ARTICLE_STORIES}] s JOIN [{ARTICLES}] a "
                          f"ON a.url = s.article_url WHERE s.story_id IN ({marks}) ORDER BY s.seen, s.rowid", chunk):
            out.setdefault(r.pop("story_id"), []).append(r)
    return out


def _story(row: dict[str, Any], members: list[dict[str, Any]], since_time: str) -> dict[str, Any]:
    """One story as the report shows it: its first article, its articles with copies folded, its timeline."""
    first = members[0] if members else {"url": row["first_article"], "site": None, "title": None}
    originals: dict[str, dict[str, Any]] = {}
    articles = []
    for m in members:
        if m["copy_of"] and m["copy_of"] in originals:
            originals[m["copy_of"]]["copies"].append({k: m[k] for k in ("url", "site", "seen", "title")})
            continue
        entry = {k: m[k] for k in ("url", "site", "seen", "title", "published_at", "copy_of", "similarity")}
        entry["copies"] = []
        originals[m["url"]] = entry
        articles.append(entry)
    timeline: list[dict[str, Any]] = []
    for m in members:
        if m["site"] not in {t["site"] for t in timeline}:
            timeline.append({"site": m["site"], "first_seen": m["seen"], "url": m["url"],
                             "new": m["seen"] >= since_time})
    return {
        "id": row["id"], "title": first["title"], "url": first["url"], "first_site": first["site"],
        "first_seen": row["first_seen"], "last_seen": row["last_seen"], "articles": row["articles"],
        "sites": row["sites"], "copies": sum(1 for m in members if m["copy_of"]),
        "new_sites": [t["site"] for t in timeline if t["new"]] if row["first_seen"] < since_time else [],
        "timeline": timeline, "items": articles,
    }
