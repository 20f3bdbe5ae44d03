"""The SQLite layout, derived from ``crawler.items``; changed only through migrations.

Columns of ``articles`` come from the type hints of ``Article``: strings → TEXT, ints and bools →
INTEGER, datetimes → TEXT (ISO 8601), lists and nested dataclasses → TEXT holding JSON. Fields
whose metadata names a ``child_table`` are stored as rows of that table instead.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from crawler.items import Article, Image, Table

migrations = Migrations("newsdesk")

ARTICLES = "articles"
TABLES = "article_tables"
IMAGES = "article_images"
RUNS = "crawl_runs"


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


def article_columns() -> dict[str, type]:
    """Column name → Python type of the ``articles`` table, in schema order."""
    hints = typing.get_type_hints(Article)
    children = child_tables()
    return {name: _sql_type(hints[name]) for name in ItemAdapter.get_field_names_from_class(Article) if name not in children}


def item_columns(cls: type) -> dict[str, type]:
    hints = typing.get_type_hints(cls)
    return {f.name: _sql_type(hints[f.name]) for f in dataclasses.fields(cls)}


def to_cell(value: Any) -> Any:
    """A Python value of the schema as a SQLite value."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    return json.dumps(_plain(value), ensure_ascii=False)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


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
