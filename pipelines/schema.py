"""The SQLite layout, derived from ``crawler.items``; changed only through migrations.

Columns of ``articles`` come from the type hints of ``Article``: strings → TEXT, ints and bools →
INTEGER, datetimes → TEXT (ISO 8601), lists and nested dataclasses → TEXT holding JSON. Fields
whose metadata names a ``child_table`` are stored as rows of that table instead.

The store keeps an article's history beside it: the ``managed_by="store"`` fields of ``Article``
(``first_seen``, ``last_seen``, ``last_changed``) are ordinary columns of ``articles``, and each
replaced version goes to ``article_versions`` with the fields that changed and their old values.
``articles`` has an FTS5 index on title, lead and body, kept up to date by triggers.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
import types
import typing
from datetime import datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from crawler.items import Article, ArticleVersion, Image, Table, plain

migrations = Migrations("newsdesk")

ARTICLES = "articles"
TABLES = "article_tables"
IMAGES = "article_images"
RUNS = "crawl_runs"
VERSIONS = "article_versions"

# Columns of crawl_runs that count what a recurring crawl did, and the stats key each one reads.
RUN_COUNTS = {
    "articles_new": "newsdesk/articles/new",
    "articles_changed": "newsdesk/articles/changed",
    "articles_unchanged": "newsdesk/articles/unchanged",
    "articles_skipped": "newsdesk/incremental/skipped",
    "articles_revalidated": "newsdesk/incremental/revalidated",
    "articles_not_modified": "newsdesk/incremental/not_modified",
    "articles_refetched": "newsdesk/incremental/refetched",
}
# Title, description and the columns not derived from crawler.items, for each table (Datasette metadata).
CHILD_COLUMNS = {"article_url": "URL of the article (articles.url).", "position": "Order in the article, from 0."}
TABLE_DOCS: dict[str, tuple[str, str, dict[str, str]]] = {
    ARTICLES: ("Articles", "One row per article, primary key url. Nested fields are JSON.", {}),
    TABLES: ("Embedded tables", "Tables found in articles: header and rows as JSON, colspan/rowspan expanded.",
             CHILD_COLUMNS),
    IMAGES: ("Images", "Images of articles, with caption and credit.", CHILD_COLUMNS),
    VERSIONS: ("Article versions", "Previous versions of articles that changed: the fields that changed and their "
               "old values.", {}),  # columns described in crawler.items.ArticleVersion
    RUNS: ("Crawl runs", "One row per `scrapy crawl news`: arguments, times, finish reason and counts.", {
        "id": "Run number.",
        "spider": "Spider name.",
        "started_at": "When the run started (UTC).",
        "finished_at": "When it finished (UTC); empty while running or if it was killed.",
        "finish_reason": "Scrapy's finish reason: finished, shutdown (stopped with Ctrl-C / SIGTERM)...",
        "arguments": "JSON: the spider arguments (-a), start_urls as a list.",
        "settings": "JSON: the settings that matter for what was crawled.",
        "articles_stored": "Articles written (new or changed).",
        "pages_failed": "Pages that failed (sum of newsdesk/failed/* in stats).",
        "pages_skipped": "Pages skipped (sum of newsdesk/skipped/* in stats).",
        "stats": "JSON: the whole Scrapy stats of the run.",
        "articles_new": "Articles stored for the first time.",
        "articles_changed": "Stored articles found with new content (old version kept in article_versions).",
        "articles_unchanged": "Stored articles found unchanged (a 304, or the same content hash): not rewritten.",
        "articles_skipped": "Sitemap entries not requested: lastmod no newer than the stored copy.",
        "articles_revalidated": "Stored articles requested with a conditional GET (ETag / Last-Modified).",
        "articles_not_modified": "Of those, answered 304 Not Modified: nothing downloaded or parsed.",
        "articles_refetched": "Stored articles downloaded in full again and parsed.",
        "workers": "Frontier workers that took part (a crawl with NEWSDESK_FRONTIER); empty for one process.",
        "frontier_batch": "Digest of the last batch of the frontier's items written into this run (lets a "
                          "restarted scrapy store tell a committed batch from one to write).",
    }),
}

# Stories (pipelines.stories): their tables, created by m007_stories.
STORIES = "stories"
ARTICLE_STORIES = "article_stories"
STORY_BANDS = "story_bands"
STORY_TERMS = "story_terms"
TABLE_DOCS.update({
    STORIES: ("Stories", "Articles that report the same event, across sites: one row per story, its counts kept up "
              "to date as articles are stored.", {
                  "id": "Story number.",
                  "first_seen": "When newsdesk first stored an article of the story (UTC).",
                  "last_seen": "When it last stored one (UTC).",
                  "first_article": "URL of the story's first stored article (articles.url).",
                  "articles": "Articles in the story, wire copies included.",
                  "sites": "Sites that carry the story.",
                  "active_at": "Time of its latest article (published, else first stored; UTC): the story is "
                               "compared with new articles within NEWSDESK_STORY_WINDOW_HOURS of it.",
              }),
    ARTICLE_STORIES: ("Articles in stories", "Which story each article belongs to, and which stored article it is "
                      "a wire copy of.", {
                          "article_url": "URL of the article (articles.url).",
                          "story_id": "Its story (stories.id).",
                          "similarity": "For a copy, the Jaccard similarity of its word shingles with the original; "
                                        "else the share of its names, figures and headline words found in the "
                                        "story's first article (1 for the first article).",
                          "copy_of": "URL of the stored article it is a near-duplicate of (the first of the "
                                     "copies); empty when it is not a copy.",
                          "site": "The site it counts for (site_name, else the host).",
                          "seen": "When it was first stored (articles.first_seen, UTC).",
                      }),
    STORY_BANDS: ("Story band keys", "LSH band keys of each article's MinHash: how a new article finds the texts it "
                  "may copy without reading the others.", {
                      "key": "Band number and band values, hashed to 64 bits.",
                      "member": "The article (article_stories.rowid).",
                  }),
    STORY_TERMS: ("Story terms", "Names, figures and headline words of each story's first article, hashed: how a "
                  "new article finds the stories it may belong to.", {
                      "term": "The term, hashed to 64 bits.",
                      "story_id": "The story (stories.id).",
                  }),
})

# Watches (exports/watches.py): saved full-text queries, created by m008_watches.
WATCHES = "watches"
TABLE_DOCS[WATCHES] = ("Watches", "Saved full-text queries (`scrapy watch add`); `scrapy report --watch NAME` reports "
                       "what is new for one.", {
                           "name": "The watch's name.",
                           "query": "FTS5 query over title, lead and body (articles_fts).",
                           "sites": "JSON array: only these sites (name or host); empty for all.",
                           "language": "Only articles in this language (en also matches en-US); empty for all.",
                           "created_at": "When it was made (UTC): its reports start there unless --since says "
                                         "otherwise.",
                       })

# Full-text search over these columns of articles (sqlite-utils enable_fts, FTS5, with triggers).
FTS_COLUMNS = ("title", "lead", "body")


def _unwrap(hint: Any) -> Any:
    """``X | None`` → X."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else str
    return hint


def _sql_type(hint: Any) -> type:
    hint = _unwrap(hint)
    if hint in (int, bool):
        return int
    if hint is float:
        return float
    return str  # str, datetime (ISO text), lists and nested items (JSON text)


def child_tables() -> dict[str, str]:
    """Article field → the table its elements are stored in."""
    return {f.name: f.metadata["child_table"] for f in dataclasses.fields(Article) if "child_table" in f.metadata}


def store_managed() -> list[str]:
    """Fields of ``Article`` the store fills in (first_seen, last_seen, last_changed)."""
    return [f.name for f in dataclasses.fields(Article) if f.metadata.get("managed_by") == "store"]


def article_columns() -> dict[str, type]:
    """Column name → Python type of the ``articles`` table, in schema order."""
    return dict(_article_columns())


def item_columns(cls: type) -> dict[str, type]:
    return dict(_item_columns(cls))


# Read once: typing.get_type_hints evaluates every annotation again on each call, and the store
# asks for the columns of every row it writes.
@functools.cache
def _article_columns() -> tuple[tuple[str, type], ...]:
    hints = typing.get_type_hints(Article)
    children = child_tables()
    names = ItemAdapter.get_field_names_from_class(Article)
    return tuple((name, _sql_type(hints[name])) for name in names if name not in children)


@functools.cache
def _item_columns(cls: type) -> tuple[tuple[str, type], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _sql_type(hints[f.name])) for f in dataclasses.fields(cls))


def to_cell(value: Any) -> Any:
    """A Python value of the schema as a SQLite value."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    return json.dumps(plain(value), ensure_ascii=False)


def article_row(article: Article) -> dict[str, Any]:
    return {name: to_cell(getattr(article, name)) for name in article_columns()}


def table_rows(article: Article) -> list[dict[str, Any]]:
    return [
        {"article_url": article.url, "position": i, **{k: to_cell(getattr(t, k)) for k in item_columns(Table)}}
        for i, t in enumerate(article.tables)
    ]


def image_rows(article: Article) -> list[dict[str, Any]]:
    return [
        {"article_url": article.url, "position": i, **{k: to_cell(getattr(im, k)) for k in item_columns(Image)}}
        for i, im in enumerate(article.images)
    ]


def version_row(version: ArticleVersion) -> dict[str, Any]:
    return {name: to_cell(getattr(version, name)) for name in item_columns(ArticleVersion)}


def child_rows(article: Article) -> dict[str, list[dict[str, Any]]]:
    """Article field → the rows its elements become in their child table."""
    return {"tables": table_rows(article), "images": image_rows(article)}


@migrations()
def m001_initial(db: Database) -> None:
    db[ARTICLES].create(article_columns(), pk="url")
    child = {"article_url": str, "position": int}
    db[TABLES].create({**child, **item_columns(Table)}, pk=("article_url", "position"),
                      foreign_keys=[("article_url", ARTICLES, "url")])
    db[IMAGES].create({**child, **item_columns(Image)}, pk=("article_url", "position"),
                      foreign_keys=[("article_url", ARTICLES, "url")])
    db[RUNS].create(
        {
            "id": int, "spider": str, "started_at": str, "finished_at": str, "finish_reason": str,
            "arguments": str, "settings": str, "articles_stored": int, "pages_failed": int,
            "pages_skipped": int, "stats": str,
        },
        pk="id",
    )


@migrations()
def m002_article_history(db: Database) -> None:
    """first_seen / last_seen / last_changed and the HTTP validators on articles; article_versions."""
    sync_columns(db)
    # Articles stored before history was kept: what we know is that they were fetched then.
    db.execute("UPDATE [articles] SET first_seen = fetched_at, last_seen = fetched_at, last_changed = fetched_at "
               "WHERE first_seen IS NULL")
    db[ARTICLES].create_index(["first_seen"], if_not_exists=True)
    db[ARTICLES].create_index(["last_changed"], if_not_exists=True)
    db[VERSIONS].create(
        item_columns(ArticleVersion),
        pk=("url", "version"),
        foreign_keys=[("url", ARTICLES, "url"), ("run_id", RUNS, "id")],
    )
    db[VERSIONS].create_index(["replaced_at"], if_not_exists=True)


@migrations()
def m003_run_counts(db: Database) -> None:
    """crawl_runs counts of what a recurring crawl skipped, revalidated, refetched, found new or changed."""
    existing = set(db[RUNS].columns_dict)
    for name in RUN_COUNTS:
        if name not in existing:
            db[RUNS].add_column(name, int)


@migrations()
def m004_full_text_search(db: Database) -> None:
    """FTS5 on title, lead and body, with the triggers sqlite-utils creates.

    The update trigger is narrowed to ``UPDATE OF title, lead, body``: a crawl that only moves an
    unchanged article's ``last_seen`` forward does not re-index its text.
    """
    db[ARTICLES].enable_fts(list(FTS_COLUMNS), fts_version="FTS5", create_triggers=True)
    fts = db[ARTICLES].detect_fts()
    cols = ", ".join(f"[{c}]" for c in FTS_COLUMNS)
    old = ", ".join(f"old.[{c}]" for c in FTS_COLUMNS)
    new = ", ".join(f"new.[{c}]" for c in FTS_COLUMNS)
    db.execute(f"DROP TRIGGER IF EXISTS [{ARTICLES}_au]")
    db.execute(
        f"CREATE TRIGGER [{ARTICLES}_au] AFTER UPDATE OF {cols} ON [{ARTICLES}] BEGIN "
        f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) VALUES('delete', old.rowid, {old}); "
        f"INSERT INTO [{fts}] (rowid, {cols}) VALUES (new.rowid, {new}); END"
    )


@migrations()
def m005_published_source(db: Database) -> None:
    """articles.published_source: where the publication date came from (NULL for rows stored before)."""
    sync_columns(db)


@migrations()
def m006_run_workers(db: Database) -> None:
    """crawl_runs.workers: how many frontier workers a distributed crawl had (its one row sums their
    stats); crawl_runs.frontier_batch: the last batch of items the writer committed into the run."""
    existing = set(db[RUNS].columns_dict)
    for name, kind in (("workers", int), ("frontier_batch", str)):
        if name not in existing:
            db[RUNS].add_column(name, kind)


@migrations()
def m007_stories(db: Database) -> None:
    """stories, article_stories, story_bands, story_terms (pipelines.stories); articles stored before
    are placed in stories, in the order they were first stored."""
    db[STORIES].create({"id": int, "first_seen": str, "last_seen": str, "first_article": str, "articles": int,
                        "sites": int, "active_at": str}, pk="id")
    for column in ("first_seen", "last_seen", "active_at"):
        db[STORIES].create_index([column], if_not_exists=True)
    db[ARTICLE_STORIES].create({"article_url": str, "story_id": int, "similarity": float, "copy_of": str,
                                "site": str, "seen": str}, pk="article_url",
                               foreign_keys=[("article_url", ARTICLES, "url"), ("story_id", STORIES, "id")])
    db[ARTICLE_STORIES].create_index(["story_id", "site"], if_not_exists=True)
    db[ARTICLE_STORIES].create_index(["seen"], if_not_exists=True)
    db[ARTICLE_STORIES].create_index(["copy_of"], if_not_exists=True)
    # One B-tree each, looked up by their first column.
    db.execute(f"CREATE TABLE [{STORY_BANDS}] ([key] INTEGER NOT NULL, [member] INTEGER NOT NULL, "
               "PRIMARY KEY ([key], [member])) WITHOUT ROWID")
    db.execute(f"CREATE TABLE [{STORY_TERMS}] ([term] INTEGER NOT NULL, [story_id] INTEGER NOT NULL, "
               "PRIMARY KEY ([term], [story_id])) WITHOUT ROWID")
    if db[ARTICLES].count:
        from . import stories  # here: stories imports this module

        stories.rebuild(db)


@migrations()
def m008_watches(db: Database) -> None:
    """watches: saved full-text queries (exports/watches.py)."""
    db[WATCHES].create({"name": str, "query": str, "sites": str, "language": str, "created_at": str}, pk="name")


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing database, also in a folder the reader cannot write.

    ``mode=ro`` first: it sees what a running crawl commits. A database in WAL mode needs its
    ``-shm`` file for that, which cannot be created in a read-only folder ("attempt to write a
    readonly database"). Then, if no ``-wal`` or ``-shm`` file is there, no writer has the database
    open (a WAL writer keeps both while it runs; the last connection to close removes them), so it
    is opened ``immutable=1``: no locks, no shared memory. Raises ``sqlite3.Error`` otherwise.
    """
    uri = Path(path).resolve().as_uri()
    con = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError:
        con.close()
        if any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")):
            raise
    con = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        con.close()
        raise
    return con


def needs_upgrade(db: Database) -> bool:
    """True when the database misses migrations or columns that ``open_database`` would add."""
    return bool(migrations.pending(db)) or not set(article_columns()) <= set(db[ARTICLES].columns_dict)


def open_database(path: str) -> Database:
    """Open (creating if needed) a newsdesk database and bring its schema up to date."""
    db = Database(path)
    db.enable_wal()
    db.execute("PRAGMA busy_timeout = 10000")
    migrations.apply(db)
    sync_columns(db)
    return db


def sync_columns(db: Database) -> list[str]:
    """Add columns for fields added to ``Article`` since the database was created.

    Idempotent, so a migration step that adds fields can simply call it; returns what it added.
    """
    existing = set(db[ARTICLES].columns_dict)
    added = []
    for name, kind in article_columns().items():
        if name not in existing:
            db[ARTICLES].add_column(name, kind)
            added.append(name)
    return added
