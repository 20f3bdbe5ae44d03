"""The database as files for analysts: articles, their tables, images and versions, and schema.json.

    export(db, out_dir, fmt="jsonl" | "csv" | "parquet", since=None, sites=())

Writes into ``out_dir``:

- ``articles.<fmt>``: one record per article, the fields of ``crawler.items.Article`` in its order
  and with its names. Tables and images are nested in the record; in CSV (and Parquet) nested
  fields are JSON text.
- ``images.<fmt>``, ``versions.<fmt>``: one record per image / replaced version.
- ``tables/index.csv`` and ``tables/<name>.csv``: every embedded table as a CSV of its own (the
  stored header, then the rows), and an index saying which article and position each file is.
- ``schema.json``: JSON Schema of an ``articles`` record, derived from the item class, with the
  description of every field.

Everything streams: articles, tables and images are read with three cursors ordered by URL and
merged, and written one record (or one Parquet row group) at a time, so memory stays flat
however many articles the database holds.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import sqlite3
import types
import typing
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from sqlite_utils import Database

from crawler.items import Article, ArticleVersion, Image
from pipelines import schema

PARQUET_ROWS = 500  # rows per Parquet row group


# ---------------------------------------------------------------------- the record layout
def _kind(hint: Any) -> str:
    """'bool', 'int', 'float', 'text' or 'json' for a type hint of the schema."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = args[0] if len(args) == 1 else str
    if hint is bool:
        return "bool"
    if hint is int:
        return "int"
    if hint is float:
        return "float"
    if hint is str or hint is datetime:
        return "text"
    return "json"  # lists, nested items


def article_fields() -> dict[str, str]:
    """Field → kind, in the order of ``Article``."""
    hints = typing.get_type_hints(Article)
    return {name: _kind(hints[name]) for name in ItemAdapter.get_field_names_from_class(Article)}


def item_fields(cls: type, prefix: dict[str, str] | None = None) -> dict[str, str]:
    hints = typing.get_type_hints(cls)
    return {**(prefix or {}), **{f.name: _kind(hints[f.name]) for f in dataclasses.fields(cls)}}


IMAGE_FIELDS = item_fields(Image, {"article_url": "text", "position": "int"})
VERSION_FIELDS = item_fields(ArticleVersion)
TABLE_INDEX = ("file", "article_url", "position", "caption", "columns", "rows")


def article_json_schema() -> dict[str, Any]:
    """JSON Schema of an exported article record, from ``ItemAdapter.get_json_schema(Article)``.

    Datetimes (which itemadapter leaves open) are ISO 8601 strings; the offset is there when the
    page or the fetch gave one, so no ``format: date-time`` is claimed.
    """
    out = ItemAdapter.get_json_schema(Article)
    hints = typing.get_type_hints(Article)
    for name, prop in out["properties"].items():
        if _kind(hints[name]) == "text" and hints[name] is not str and "anyOf" in prop:
            prop.pop("anyOf")
            prop["type"] = ["null", "string"]
    out.pop("description", None)  # the dataclass's generated signature, not a description
    _every_field_required(out)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "newsdesk article",
            "description": "One article of a newsdesk database: a line of articles.jsonl, a row of articles.csv "
                           "(nested fields as JSON text there).", **out}


def _every_field_required(node: Any) -> None:
    """Every record the export writes has every field (null when empty): each object of the schema
    lists all its properties as ``required``, and a property that cannot be null has no
    ``default: null`` (itemadapter gives one to every field with a default)."""
    if isinstance(node, list):
        for child in node:
            _every_field_required(child)
        return
    if not isinstance(node, dict):
        return
    properties = node.get("properties")
    if isinstance(properties, dict):
        node["required"] = list(properties)
        for prop in properties.values():
            types_ = prop.get("type")
            nullable = types_ == "null" or isinstance(types_, list) and "null" in types_ or "anyOf" in prop
            if "default" in prop and prop["default"] is None and not nullable:
                del prop["default"]
    for value in node.values():
        _every_field_required(value)


# ---------------------------------------------------------------------- reading
def _decode(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.loads(value) if isinstance(value, str) else value
    if kind == "bool":
        return bool(value)
    return value


def _rows(con: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def _children(rows: Iterator[dict[str, Any]]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(article_url, rows) groups of a child cursor ordered by article_url, position."""
    current: str | None = None
    group: list[dict[str, Any]] = []
    for row in rows:
        if row["article_url"] != current:
            if current is not None:
                yield current, group
            current, group = row["article_url"], []
        group.append(row)
    if current is not None:
        yield current, group


class _Merge:
    """The child rows of each article, walking a child cursor alongside the article cursor."""

    def __init__(self, groups: Iterator[tuple[str, list[dict[str, Any]]]]) -> None:
        self.groups = groups
        self.head = next(groups, None)

    def take(self, url: str) -> list[dict[str, Any]]:
        while self.head is not None and self.head[0] < url:
            self.head = next(self.groups, None)
        if self.head is not None and self.head[0] == url:
            rows, self.head = self.head[1], next(self.groups, None)
            return rows
        return []


def selection(since_time: str | None = None, sites: Iterable[str] = ()) -> tuple[str, list[Any]]:
    """SQL condition on ``articles`` for --since (changed or new from that time) and --site (name or host)."""
    clauses, params = [], []
    if since_time:
        clauses.append("last_changed >= ?")
        params.append(since_time)
    sites = list(sites)
    if sites:
        ors = []
        for site in sites:
            host = _like(site)
            ors.append("site_name = ? OR " + " OR ".join(["url LIKE ? ESCAPE '\\'"] * 4))
            # the host alone also matches it with a port (127.0.0.1 → http://127.0.0.1:8000/...)
            params += [site, f"http://{host}/%", f"https://{host}/%", f"http://{host}:%", f"https://{host}:%"]
        clauses.append("(" + " OR ".join(ors) + ")")
    return (" AND ".join(clauses) or "1"), params


def _like(text: str) -> str:
    """``text`` as a literal in a LIKE pattern (ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def iter_articles(con: sqlite3.Connection, where: str = "1", params: list[Any] | None = None) -> Iterator[dict]:
    """Article records (nested fields decoded, tables and images included) ordered by URL, streamed."""
    params = params or []
    fields = article_fields()
    children = {}
    for field, table in schema.child_tables().items():
        rows = _rows(con, f"SELECT * FROM [{table}] WHERE article_url IN (SELECT url FROM [{schema.ARTICLES}] "
                          f"WHERE {where}) ORDER BY article_url, position", params)
        children[field] = _Merge(_children(rows))
    for row in _rows(con, f"SELECT * FROM [{schema.ARTICLES}] WHERE {where} ORDER BY url", params):
        record = {}
        for name, kind in fields.items():
            if name in children:
                record[name] = [_child_item(r) for r in children[name].take(row["url"])]
            else:
                record[name] = _decode(kind, row.get(name))
        yield record


def _child_item(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (json.loads(v) if k in ("header", "rows") and isinstance(v, str) else v)
            for k, v in row.items() if k not in ("article_url", "position")}


# ---------------------------------------------------------------------- writing
def _cell(kind: str, value: Any) -> Any:
    """A record value as a CSV / Parquet cell: nested as JSON text, the rest as is."""
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    return value


class Writer:
    """One output file of records in one format: ``write(record)`` for each, then ``close()``.

    One small subclass per format; ``WRITERS`` maps the format's name to it.
    """

    def __init__(self, path: Path, fields: dict[str, str]) -> None:
        self.path, self.fields, self.count = path, fields, 0

    def write(self, record: dict[str, Any]) -> None:
        self.count += 1
        self._write(record)

    def _write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class JsonlWriter(Writer):
    """A JSON object per line, nested fields nested."""

    def __init__(self, path: Path, fields: dict[str, str]) -> None:
        super().__init__(path, fields)
        self.file = path.open("w", encoding="utf-8")

    def _write(self, record: dict[str, Any]) -> None:
        self.file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.file.close()


class CsvWriter(Writer):
    """A header row of the field names, then a row per record: nested fields as JSON text,
    booleans as true/false, null as an empty cell."""

    def __init__(self, path: Path, fields: dict[str, str]) -> None:
        super().__init__(path, fields)
        self.file = path.open("w", encoding="utf-8", newline="")
        self.csv = csv.writer(self.file)
        self.csv.writerow(list(fields))

    def _write(self, record: dict[str, Any]) -> None:
        self.csv.writerow([_csv(kind, record.get(name)) for name, kind in self.fields.items()])

    def close(self) -> None:
        self.file.close()


class ParquetWriter(Writer):
    """Typed columns (nested fields as JSON text), written a row group of ``PARQUET_ROWS`` at a time."""

    def __init__(self, path: Path, fields: dict[str, str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        super().__init__(path, fields)
        types_ = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64(), "text": pa.string(),
                  "json": pa.string()}
        self.schema = pa.schema([(name, types_[kind]) for name, kind in fields.items()])
        self.parquet = pq.ParquetWriter(path, self.schema)
        self.batch: list[dict[str, Any]] = []

    def _write(self, record: dict[str, Any]) -> None:
        self.batch.append({name: _cell(kind, record.get(name)) for name, kind in self.fields.items()})
        if len(self.batch) >= PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.batch:
            self.parquet.write_table(pa.Table.from_pylist(self.batch, schema=self.schema))
            self.batch = []
            pa.default_memory_pool().release_unused()  # hand freed row-group buffers back: flat RSS

    def close(self) -> None:
        self._flush()
        self.parquet.close()


WRITERS: dict[str, type[Writer]] = {"jsonl": JsonlWriter, "csv": CsvWriter, "parquet": ParquetWriter}
FORMATS = tuple(WRITERS)


def _csv(kind: str, value: Any) -> Any:
    if value is None:
        return ""
    if kind == "bool":
        return "true" if value else "false"
    return _cell(kind, value)


def table_file(article_url: str, position: int) -> str:
    """A stable file name for one embedded table."""
    return f"{hashlib.sha1(article_url.encode('utf-8')).hexdigest()[:16]}-{position}.csv"


@dataclasses.dataclass
class Exported:
    articles: int = 0
    tables: int = 0
    images: int = 0
    versions: int = 0
    files: list[str] = dataclasses.field(default_factory=list)


def export(db: Database, out_dir: str | Path, fmt: str = "jsonl", since_time: str | None = None,
           sites: Iterable[str] = ()) -> Exported:
    """Write the selected articles and everything attached to them into ``out_dir``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    where, params = selection(since_time, sites)
    con = db.conn
    done = Exported()
    (out / "schema.json").write_text(json.dumps(article_json_schema(), ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
    records = WRITERS[fmt]
    articles = records(out / f"articles.{fmt}", article_fields())
    images = records(out / f"images.{fmt}", IMAGE_FIELDS)
    with (out / "tables" / "index.csv").open("w", encoding="utf-8", newline="") as index_file:
        index = csv.writer(index_file)
        index.writerow(TABLE_INDEX)
        try:
            for record in iter_articles(con, where, params):
                articles.write(record)
                for position, image in enumerate(record.get("images") or []):
                    images.write({"article_url": record["url"], "position": position, **image})
                for position, table in enumerate(record.get("tables") or []):
                    name = table_file(record["url"], position)
                    with (out / "tables" / name).open("w", encoding="utf-8", newline="") as f:
                        writer = csv.writer(f)
                        if table.get("header"):
                            writer.writerow(table["header"])
                        writer.writerows(table.get("rows") or [])
                    index.writerow([f"tables/{name}", record["url"], position, table.get("caption") or "",
                                    len(table.get("header") or []), len(table.get("rows") or [])])
                    done.tables += 1
        finally:
            articles.close()
            images.close()
    versions = records(out / f"versions.{fmt}", VERSION_FIELDS)
    try:
        for row in _rows(con, f"SELECT * FROM [{schema.VERSIONS}] WHERE url IN (SELECT url FROM "
                              f"[{schema.ARTICLES}] WHERE {where}) ORDER BY url, version", params):
            versions.write({name: _decode(kind, row.get(name)) for name, kind in VERSION_FIELDS.items()})
    finally:
        versions.close()
    done.articles, done.images, done.versions = articles.count, images.count, versions.count
    done.files = sorted(str(p.relative_to(out)) for p in out.iterdir() if p.is_file()) + ["tables/"]
    return done
