"""The one article schema.

Every field newsdesk knows is named here and nowhere else: the extractor fills an ``Article``,
the pipelines normalise it, ``pipelines.schema`` derives the SQLite columns from its type hints,
and the exports take their column order and JSON Schema from it. Field ``metadata`` carries the
description used in ``schema.json`` and the Datasette metadata, and ``child_table`` for nested
lists that are stored as rows of their own table instead of a JSON column.

Fields with ``managed_by`` are not the extractor's: ``"spider"`` ones are set by the spider from the
HTTP response (the validators of a conditional GET), ``"store"`` ones are kept by
``pipelines.store.SQLitePipeline`` (the history of an article across runs; whatever else puts a
value there is ignored).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def _f(description: str, default=None, **meta):
    """A field with a description (and a default suited to its type).

    The description also goes to ``json_schema_extra``, where ``ItemAdapter.get_json_schema`` finds it.
    """
    meta["description"] = description
    meta["json_schema_extra"] = {"description": description}
    if isinstance(default, type):
        return field(default_factory=default, metadata=meta)
    return field(default=default, metadata=meta)


# Where a publication date can come from (Article.published_source), as the extractor and the spider
# name it: JSON-LD, a <meta> tag, a <time> element or microdata, the dateline near the headline, the
# application state in a script, the URL's day, htmldate's reading of a page that states none of
# these, and the sitemap (news:publication_date, taken only when the page states no date).
PUBLISHED_SOURCES = ("jsonld", "meta", "time", "dateline", "script", "url", "htmldate", "sitemap")


@dataclass(kw_only=True, slots=True)
class Image:
    url: str = _f("Absolute URL of the largest candidate the page offers (srcset, lazy-load attributes).")
    caption: str | None = _f("Caption text, without the credit.")
    credit: str | None = _f("Photographer or source, split from the caption where the page marks it.")
    alt: str | None = _f("The alt text.")


@dataclass(kw_only=True, slots=True)
class Table:
    caption: str | None = _f("The table's caption, if any.")
    header: list[str] = _f("Column headings (the last header row when there are several).", list)
    rows: list[list[str]] = _f("Body rows, colspan/rowspan expanded so every row has the header's width.", list)


@dataclass(kw_only=True, slots=True)
class ListItem:
    text: str = _f("The item's own text.")
    children: list[ListItem] = _f("Items of a list nested in this one.", list)


@dataclass(kw_only=True, slots=True)
class Block:
    """One piece of a section, in page order. ``kind`` says which other fields are set."""

    kind: str = _f("paragraph | list | quote | table | image | embed")
    text: str | None = _f("Text of a paragraph or quote, or of an embedded post as the page shows it.")
    items: list[ListItem] = _f("Items of a list block.", list)
    ordered: bool | None = _f("Whether a list block is numbered.")
    attribution: str | None = _f("Who a quote is attributed to, when marked up.")
    ref: int | None = _f("Position in Article.tables or Article.images, for table and image blocks.")
    url: str | None = _f("URL of an embedded post or video.")
    provider: str | None = _f("Kind of embed: twitter, youtube, instagram, video, iframe...")


@dataclass(kw_only=True, slots=True)
class Section:
    heading: str | None = _f("The section heading; None for the lead section before the first heading.")
    level: int | None = _f("Heading level (2 for <h2>...).")
    blocks: list[Block] = _f("Ordered content of the section.", list)


@dataclass(kw_only=True, slots=True)
class Article:
    url: str = _f("URL the page was fetched from (the primary key).")
    canonical_url: str | None = _f("The page's canonical URL (link rel=canonical, og:url, JSON-LD).")
    site_name: str | None = _f("Name of the publication.")
    language: str | None = _f("Language code (html lang, meta, JSON-LD inLanguage).")
    title: str | None = _f("Headline.")
    authors: list[str] = _f("People who wrote the article, clean names in byline order.", list)
    organizations: list[str] = _f("Agencies and organisations credited in the byline (dpa, Reuters...).", list)
    published_raw: str | None = _f("Publication date as the page states it ('7 hours ago', ISO 8601...).")
    published_at: datetime | None = _f(
        "Publication time, ISO 8601. With a UTC offset when the page (or the fetch time, for relative dates) gives one;"
        " a time stated in UTC is shown in the publisher's own offset when the page states that instant in local time"
        " too (local_times_raw); without an offset (the page's wall time) when nothing states one: an offset is never"
        " invented."
    )
    published_source: str | None = _f(
        "Where published_raw was found, so that a user can filter on how sure the date is: "
        f"{', '.join(PUBLISHED_SOURCES)}."
        " sitemap: the page states no date, and its entry in a Google News sitemap gives news:publication_date."
        " Empty when not recorded."
    )
    local_times_raw: list[str] = _f(
        "Timestamps the page states in local time (other date metadata, the dateline near the headline), read when"
        " published_raw is in UTC: the one naming the same instant gives published_at the publisher's UTC offset.",
        list,
    )
    modified_raw: str | None = _f("Last-modified date as the page states it.")
    modified_at: datetime | None = _f("Last-modified time, ISO 8601, stored like published_at.")
    read_time_raw: str | None = _f("Read time as the page states it ('4 min read').")
    read_time_minutes: int | None = _f("Read time in whole minutes.")
    read_time_estimated: bool | None = _f("True when read_time_minutes is estimated from word_count, not stated.")
    lead: str | None = _f("Standfirst / teaser / summary paragraph.")
    body: str | None = _f("Main text, plain, paragraphs separated by blank lines (headings included).")
    sections: list[Section] = _f("The lead section, then one section per heading, with ordered blocks.", list)
    tables: list[Table] = _f("Tables embedded in the article.", list, child_table="article_tables")
    images: list[Image] = _f("Images of the article with caption and credit.", list, child_table="article_images")
    tags: list[str] = _f("Tags / topics / keywords.", list)
    is_paywalled: bool | None = _f("True when the page declares its content not freely accessible.")
    word_count: int | None = _f("Words in body.")
    fetched_at: datetime | None = _f("When the page was fetched (UTC); relative dates are anchored here.")
    content_hash: str | None = _f("SHA-256 of the normalised title and body; changes when the article changes.")
    etag: str | None = _f(
        "ETag of the response the article was read from; sent back as If-None-Match on the next run.",
        managed_by="spider",
    )
    last_modified: str | None = _f(
        "Last-Modified of the response the article was read from; sent back as If-Modified-Since on the next run.",
        managed_by="spider",
    )
    first_seen: datetime | None = _f("When newsdesk first stored the article (UTC).", managed_by="store")
    last_seen: datetime | None = _f(
        "When a crawl last found the article, changed or not (a 304 Not Modified counts) (UTC).", managed_by="store"
    )
    last_changed: datetime | None = _f(
        "When the stored content last changed: first_seen until a crawl finds a new version (UTC).", managed_by="store"
    )


@dataclass(kw_only=True, slots=True)
class ArticleVersion:
    """A replaced version of an article, as the store keeps it: one row of ``article_versions``.

    Not the extractor's: ``pipelines.store`` writes it when a crawl finds an article changed, and
    the table's columns, the export's ``versions.*`` files and the Datasette descriptions come from here.
    """

    url: str = _f("URL of the article (articles.url).")
    version: int = _f("1 for the first stored version, then 2, 3...")
    fetched_at: str | None = _f("When this (replaced) version was fetched.")
    replaced_at: str | None = _f("When a crawl found the next version and replaced this one (UTC).")
    run_id: int | None = _f("The crawl run that replaced it (crawl_runs.id).")
    content_hash: str | None = _f("content_hash of this version.")
    fields: list[str] = _f("JSON array: the fields that differ in the next version.", list)
    old_values: dict[str, Any] = _f("JSON object: those fields' values in this version.", dict)


@dataclass(kw_only=True, slots=True)
class NotModified:
    """A known article the server answered 304 Not Modified for: the stored copy is current.

    Not an article: the store only moves the article's ``last_seen`` (and validators) forward.
    """

    url: str = _f("URL of the article, as stored.")
    fetched_at: datetime | None = _f("When the 304 answer came (UTC).")
    etag: str | None = _f("ETag the 304 answer carried, if any.")
    last_modified: str | None = _f("Last-Modified the 304 answer carried, if any.")


def plain(value: Any) -> Any:
    """A value of the schema (an item, its parts, lists of them) as plain JSON values, field by field:
    ``dataclasses.asdict`` deep-copies every value on the way. Datetimes become ISO 8601."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    names = _FIELD_NAMES.get(type(value))
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
