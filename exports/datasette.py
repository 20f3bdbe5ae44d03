"""Datasette metadata for a newsdesk database, derived from the schema: ``datasette/metadata.json``.

    python -m exports.datasette > datasette/metadata.json     # after changing crawler/items.py or the schema

Column descriptions of ``articles``, ``article_tables``, ``article_images`` and ``article_versions``
are the field descriptions of ``crawler.items``; the other tables are described in
``pipelines.schema.TABLE_DOCS``. A test checks that the shipped file is what this module makes.
The database name in Datasette is the file's stem, so the tables are described for ``newsdesk``
(the default ``NEWSDESK_DB``) and ``demo`` (``make demo``).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

from crawler.items import Article, ArticleVersion, Image, Table
from pipelines import schema

DATABASE_NAMES = ("newsdesk", "demo")


def _descriptions(cls: type) -> dict[str, str]:
    return {f.name: f.metadata["description"] for f in dataclasses.fields(cls) if "description" in f.metadata}


def table_metadata() -> dict[str, Any]:
    children = schema.child_tables()
    articles = {k: v for k, v in _descriptions(Article).items() if k not in children}
    columns = {
        schema.ARTICLES: articles,
        schema.TABLES: {**schema.CHILD_COLUMNS, **_descriptions(Table)},
        schema.IMAGES: {**schema.CHILD_COLUMNS, **_descriptions(Image)},
        schema.VERSIONS: _descriptions(ArticleVersion),
    }
    tables: dict[str, Any] = {}
    for name, (title, description, docs) in schema.TABLE_DOCS.items():
        tables[name] = {"title": title, "description": description, "columns": {**docs, **columns.get(name, {})}}
    tables[schema.ARTICLES].update({
        "facets": ["site_name", "language", {"array": "authors"}, {"array": "tags"}],
        "sort_desc": "last_changed",
        "label_column": "title",
    })
    tables[schema.TABLES]["facets"] = ["article_url"]
    tables[schema.IMAGES]["facets"] = ["credit"]
    tables[schema.VERSIONS].update({"facets": [{"array": "fields"}, "run_id"], "sort_desc": "replaced_at"})
    tables[schema.RUNS].update({"facets": ["finish_reason"], "sort_desc": "id"})
    return tables


def metadata() -> dict[str, Any]:
    database = {
        "description": "Articles crawled by newsdesk, with their tables, images, versions and the crawl runs.",
        "tables": table_metadata(),
    }
    return {
        "title": "newsdesk",
        "description": "News articles crawled into SQLite by newsdesk. Full-text search on title, lead and body.",
        "databases": {name: database for name in DATABASE_NAMES},
    }


def main() -> None:
    sys.stdout.write(json.dumps(metadata(), ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
