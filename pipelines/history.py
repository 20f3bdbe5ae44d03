"""What changed between a stored article and a newly fetched one. Pure functions over rows.

An article's *content* is every field of ``Article`` except those describing one fetch
(``fetched_at``, the HTTP validators, ``content_hash``) and those the store keeps
(``first_seen``, ``last_seen``, ``last_changed``). Child tables (``tables``, ``images``) are
compared as lists of their items.
"""

from __future__ import annotations

import json
from typing import Any

from . import schema

FETCH_FIELDS = ("fetched_at", "content_hash", "etag", "last_modified")


def content_fields() -> list[str]:
    """Article columns that hold content, in schema order."""
    skip = {*FETCH_FIELDS, *schema.store_managed()}
    return [name for name in schema.article_columns() if name not in skip]


def child_items(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of article_tables / article_images (ordered by position) as the items they were made from."""
    items = []
    for row in sorted(rows, key=lambda r: r["position"]):
        item = {k: v for k, v in row.items() if k not in ("article_url", "position")}
        items.append({k: _decode(v) for k, v in item.items()})
    return items


def _decode(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def changes(old: dict[str, Any], new: dict[str, Any],
            old_children: dict[str, list] | None = None, new_children: dict[str, list] | None = None) -> dict[str, Any]:
    """Field → old value, for every content field whose value differs (JSON columns decoded)."""
    out = {name: _decode(old.get(name)) for name in content_fields() if old.get(name) != new.get(name)}
    for name, before in (old_children or {}).items():
        if before != (new_children or {}).get(name, []):
            out[name] = before
    return out
