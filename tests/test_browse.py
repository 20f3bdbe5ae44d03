"""The database in Datasette, with the metadata the project ships (datasette/metadata.json)."""

from __future__ import annotations

import asyncio
import json
import shutil

import pytest
import sqlite_utils
from datasette.app import Datasette

from exports.datasette import metadata
from pipelines import schema

from .conftest import ROOT

SHIPPED = ROOT / "datasette" / "metadata.json"


def test_shipped_metadata_is_derived_from_the_schema():
    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == metadata(), (
        "datasette/metadata.json is out of date: run `.venv/bin/python -m exports.datasette > datasette/metadata.json`"
    )


@pytest.mark.parametrize("table", [schema.ARTICLES, schema.TABLES, schema.IMAGES, schema.VERSIONS, schema.RUNS])
def test_every_column_has_a_description(table):
    db = schema.open_database(":memory:")
    described = metadata()["databases"]["newsdesk"]["tables"][table]["columns"]
    assert set(db[table].columns_dict) <= set(described), "describe these in pipelines/schema.py TABLE_DOCS"


@pytest.fixture(scope="module")
def datasette(recurring, tmp_path_factory):
    path = tmp_path_factory.mktemp("browse") / "newsdesk.db"
    shutil.copy(recurring.db_path, path)
    sqlite_utils.Database(path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Datasette([str(path)], metadata=json.loads(SHIPPED.read_text(encoding="utf-8"))), path


def get(ds: Datasette, path: str):
    async def fetch():
        await ds.invoke_startup()
        return await ds.client.get(path)

    return asyncio.run(fetch())


def test_articles_page(datasette):
    ds, path = datasette
    response = get(ds, "/newsdesk/articles")
    assert response.status_code == 200
    assert "Articles" in response.text  # the title from the metadata
    for row in sqlite_utils.Database(path)["articles"].rows:
        assert row["url"] in response.text


def test_articles_json_has_the_stored_rows_and_facets(datasette):
    ds, path = datasette
    response = get(ds, "/newsdesk/articles.json?_shape=objects&_size=max")
    assert response.status_code == 200
    data = response.json()
    stored = {r["url"]: r["title"] for r in sqlite_utils.Database(path)["articles"].rows}
    assert {r["url"]: r["title"] for r in data["rows"]} == stored
    assert {"site_name", "language", "authors", "tags"} <= set(data["facet_results"])


def test_article_tables_page(datasette):
    ds, path = datasette
    response = get(ds, "/newsdesk/article_tables.json?_shape=objects")
    assert response.status_code == 200
    stored = list(sqlite_utils.Database(path)["article_tables"].rows)
    assert sorted((r["article_url"], r["position"], r["header"], r["rows"]) for r in response.json()["rows"]) == \
           sorted((r["article_url"], r["position"], r["header"], r["rows"]) for r in stored)
    html = get(ds, "/newsdesk/article_tables")
    assert html.status_code == 200 and "Embedded tables" in html.text


def test_full_text_search_in_datasette(datasette):
    ds, _ = datasette
    response = get(ds, "/newsdesk/articles.json?_search=Minsk&_shape=objects")
    assert response.status_code == 200
    assert [r["title"] for r in response.json()["rows"]] == [
        "Ukraine crisis unresolved after Witkoff–Putin discussions in Moscow"]
