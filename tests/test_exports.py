"""`scrapy export` and `scrapy report` on the database of two real runs (the `recurring` fixture)."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import tracemalloc
from datetime import datetime, timedelta

import feedparser
import jsonschema
import pyarrow.parquet as pq
import pytest
import sqlite_utils

from exports.dataset import article_fields, article_json_schema, export, table_file
from exports.render import human_time
from pipelines import schema

from .conftest import CHANGED_SLUG, CHANGED_TITLE, NEW_SLUG, ROOT, run_crawl, run_scrapy

csv.field_size_limit(1 << 30)


def expected(kind: str, value):
    """A database cell as the exported JSON value."""
    if value is None:
        return None
    if kind == "json":
        return json.loads(value)
    if kind == "bool":
        return bool(value)
    return value


@pytest.fixture(scope="module")
def db(recurring):
    return sqlite_utils.Database(recurring.db_path)


@pytest.fixture(scope="module")
def stored(db):
    """url → {field: exported value}, straight from the tables."""
    out = {}
    fields = article_fields()
    for row in db["articles"].rows:
        record = {name: expected(kind, row.get(name)) for name, kind in fields.items() if kind != "json" or name in row}
        for field, table in schema.child_tables().items():
            children = db.query(f"select * from [{table}] where article_url = ? order by position", [row["url"]])
            record[field] = [{k: (json.loads(v) if k in ("header", "rows") else v) for k, v in c.items()
                              if k not in ("article_url", "position")} for c in children]
        out[row["url"]] = record
    return out


@pytest.fixture(scope="module", params=["jsonl", "csv", "parquet"])
def exported(request, recurring, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"export-{request.param}")
    done = run_scrapy("export", "--format", request.param, "-o", str(out), "-s", f"NEWSDESK_DB={recurring.db_path}")
    assert done.returncode == 0, done.stderr
    return request.param, out


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_articles(fmt, out):
    if fmt == "jsonl":
        return [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        return read_csv(out / "articles.csv")
    return pq.read_table(out / "articles.parquet").to_pylist()


def as_exported(fmt: str, kind: str, value):
    """A JSON value as the format writes it: CSV is all text, nested fields are JSON text outside JSONL."""
    if fmt == "jsonl" or value is None and fmt == "parquet":
        return value
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if fmt == "parquet":
        return value
    if value is None:
        return ""
    if kind == "bool":
        return "true" if value else "false"
    return str(value)


def test_every_article_appears_once(exported, stored):
    fmt, out = exported
    urls = [r["url"] for r in read_articles(fmt, out)]
    assert sorted(urls) == sorted(stored) and len(set(urls)) == len(urls) == 11


def test_columns_follow_the_item(exported):
    fmt, out = exported
    records = read_articles(fmt, out)
    assert list(records[0]) == list(article_fields())


def test_field_values_are_those_stored(exported, stored):
    fmt, out = exported
    kinds = article_fields()
    for record in read_articles(fmt, out):
        want = stored[record["url"]]
        assert record == {name: as_exported(fmt, kinds[name], want[name]) for name in kinds}, record["url"]


def test_every_embedded_table_is_its_own_csv(exported, db):
    fmt, out = exported
    with (out / "tables" / "index.csv").open(encoding="utf-8", newline="") as f:
        index = list(csv.DictReader(f))
    rows = list(db["article_tables"].rows)
    assert len(index) == len(rows) == 2
    for row in rows:
        name = f"tables/{table_file(row['article_url'], row['position'])}"
        assert {"file": name, "article_url": row["article_url"], "position": str(row["position"])}.items() <= \
               next(i for i in index if i["file"] == name).items()
        with (out / name).open(encoding="utf-8", newline="") as f:
            lines = list(csv.reader(f))
        assert lines[0] == json.loads(row["header"])
        assert lines[1:] == json.loads(row["rows"])


def test_images_and_versions_are_exported(exported, db):
    fmt, out = exported
    if fmt == "parquet":
        images = pq.read_table(out / "images.parquet").to_pylist()
        versions = pq.read_table(out / "versions.parquet").to_pylist()
    elif fmt == "csv":
        images, versions = read_csv(out / "images.csv"), read_csv(out / "versions.csv")
    else:
        images = [json.loads(x) for x in (out / "images.jsonl").read_text(encoding="utf-8").splitlines()]
        versions = [json.loads(x) for x in (out / "versions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(images) == db["article_images"].count
    [version] = versions
    assert version["url"].endswith(CHANGED_SLUG)
    old = version["old_values"] if fmt == "jsonl" else json.loads(version["old_values"])
    assert old["title"] == CHANGED_TITLE[0]


def test_schema_json_describes_every_field(exported):
    _, out = exported
    doc = json.loads((out / "schema.json").read_text(encoding="utf-8"))
    assert list(doc["properties"]) == list(article_fields())
    assert all(prop.get("description") for prop in doc["properties"].values())
    assert doc == article_json_schema()


def test_schema_json_requires_every_field_and_url_is_a_string():
    doc = article_json_schema()
    assert doc["required"] == list(article_fields())
    assert doc["properties"]["url"] == {"description": doc["properties"]["url"]["description"], "type": "string"}
    validator = jsonschema.Draft202012Validator(doc)
    assert not validator.is_valid({})
    assert not validator.is_valid({"url": None})


def test_every_exported_record_validates_against_schema_json(recurring, tmp_path):
    done = run_scrapy("export", "-o", str(tmp_path), "-s", f"NEWSDESK_DB={recurring.db_path}")
    assert done.returncode == 0, done.stderr
    doc = json.loads((tmp_path / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(doc)
    validator = jsonschema.Draft202012Validator(doc)
    records = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 11
    errors = {r["url"]: [e.message for e in validator.iter_errors(r)] for r in records}
    assert errors == {url: [] for url in errors}


def test_export_to_its_default_folder(recurring, tmp_path):
    import shutil

    shutil.copy(ROOT / "scrapy.cfg", tmp_path / "scrapy.cfg")  # a project root of its own, so cwd is tmp_path
    done = run_scrapy("export", "-s", f"NEWSDESK_DB={recurring.db_path}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "newsdesk-export" / "articles.jsonl").is_file()
    assert done.stderr.splitlines()[-1].startswith("scrapy export: 11 articles")


@pytest.mark.parametrize(
    "args, slugs",
    [
        (("--site", "Metro Daily"), {"markets-steady-ahead-of-rate-decision", "scientists-map-deep-sea-currents",
                                     "rail-strike-called-off", NEW_SLUG}),
        (("--since", "1"), {NEW_SLUG, CHANGED_SLUG}),
        (("--since", "1", "--site", "Jadetimes"), {CHANGED_SLUG}),
    ],
)
def test_export_selects(recurring, tmp_path, args, slugs):
    done = run_scrapy("export", "-o", str(tmp_path), *args, "-s", f"NEWSDESK_DB={recurring.db_path}")
    assert done.returncode == 0, done.stderr
    urls = {json.loads(x)["url"] for x in (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    assert urls == {recurring.server.url(f"/post/{slug}") for slug in slugs}


def test_export_streams_with_flat_memory(tmp_path):
    """Python memory at the peak does not grow with the number of articles exported."""
    path = tmp_path / "many.db"
    database = schema.open_database(str(path))
    body = "Lorem ipsum dolor sit amet. " * 200
    database["articles"].insert_all(
        ({"url": f"https://example.org/{i:06d}", "title": f"Article {i}", "body": body, "authors": '["A B"]',
          "sections": "[]", "tags": '["x"]'} for i in range(4000)), batch_size=1000)
    database["article_tables"].insert_all(
        {"article_url": f"https://example.org/{i:06d}", "position": 0, "header": '["a"]', "rows": '[["1"]]'}
         for i in range(0, 4000, 40))

    def peak(where: str) -> int:
        tracemalloc.start()
        try:
            export(database, tmp_path / where, "jsonl", sites=()) if where == "all" else \
                export(database, tmp_path / where, "jsonl", since_time=None, sites=["nothing.example"])
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    baseline, full = peak("none"), peak("all")
    assert full < baseline + 2_000_000, (baseline, full)  # 4,000 articles of 5.6 kB would be 22 MB held


def test_export_of_a_missing_database_fails_clearly(tmp_path):
    done = run_scrapy("export", "-o", str(tmp_path / "x"), "-s", f"NEWSDESK_DB={tmp_path / 'missing.db'}")
    assert done.returncode == 1
    assert "database not found" in done.stderr and "missing.db" in done.stderr
    assert not (tmp_path / "missing.db").exists()


# ---------------------------------------------------------------------- scrapy report
@pytest.fixture(scope="module")
def reports(recurring, tmp_path_factory):
    """Each format of the report on what run 2 found (--since 1: the Atom feed's own default is 7 days)."""
    out = tmp_path_factory.mktemp("reports")
    for fmt in ("md", "html", "json", "atom"):
        done = run_scrapy("report", "--format", fmt, "--since", "1", "-o", str(out / f"report.{fmt}"),
                          "-s", f"NEWSDESK_DB={recurring.db_path}")
        assert done.returncode == 0, done.stderr
    return {fmt: (out / f"report.{fmt}").read_text(encoding="utf-8") for fmt in ("md", "html", "json", "atom")}


def test_atom_report_is_a_valid_feed(reports, recurring):
    feed = feedparser.parse(reports["atom"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert sorted((e.title, e.link) for e in feed.entries) == [
        ("New: Ferry route reopens after a winter of repairs", recurring.server.url(f"/post/{NEW_SLUG}")),
        (f"Updated: {CHANGED_TITLE[1]}", recurring.server.url(f"/post/{CHANGED_SLUG}")),
    ]
    assert all(e.id and e.updated_parsed for e in feed.entries)
    assert len({e.id for e in feed.entries}) == 2


def test_html_report_has_a_static_chart_and_no_javascript(reports):
    page = reports["html"]
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 1 and "<script" not in page.lower()
    assert "Ferry route reopens" in page and CHANGED_TITLE[1] in page
    assert "Articles per day, by site" in page
    # one self-contained file: nothing to load but the article links themselves
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\bsrc=|@import|url\((?!#)", page)


def test_markdown_report_groups_by_site(reports):
    md = reports["md"]
    assert "## Metro Daily" in md and "## Jadetimes" in md
    assert f"title: “{CHANGED_TITLE[0]}” → “{CHANGED_TITLE[1]}”" in md


def test_report_since_all_runs_lists_everything_new(recurring):
    done = run_scrapy("report", "--format", "json", "--since", "0", "-s", f"NEWSDESK_DB={recurring.db_path}")
    report = json.loads(done.stdout)
    assert report["totals"]["new"] == 11 and report["changed"] == []


@pytest.mark.parametrize(
    "setup, args, status, message",
    [
        ("missing", (), 1, "database not found"),
        ("empty", (), 1, "holds no crawl runs"),
        ("no-runs", (), 1, "holds no crawl runs"),
        ("crawled", ("--since", "42"), 2, "no run 42"),
        ("crawled", ("--since", "last week"), 2, "--since wants a run id, an ISO 8601 date or a window such as 7d"),
    ],
)
def test_report_fails_clearly(recurring, tmp_path, setup, args, status, message):
    path = tmp_path / "r.db"
    if setup == "empty":
        path.write_bytes(b"")
    elif setup == "no-runs":
        schema.open_database(str(path)).close()
    elif setup == "crawled":
        path = recurring.db_path
    done = run_scrapy("report", *args, "-s", f"NEWSDESK_DB={path}")
    assert done.returncode == status
    [line] = done.stderr.splitlines()
    assert line.startswith("scrapy report: ") and message in line


@pytest.mark.parametrize("site, count", [("127.0.0.1", 11), ("127.0.0", 0), ("127.0.0.1:1", 0)])
def test_export_site_by_host_matches_it_with_any_port(recurring, tmp_path, site, count):
    done = run_scrapy("export", "-o", str(tmp_path), "--site", site, "-s", f"NEWSDESK_DB={recurring.db_path}")
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == count


def test_export_site_by_host_and_port(recurring, tmp_path):
    host = f"127.0.0.1:{recurring.server.port}"
    done = run_scrapy("export", "-o", str(tmp_path), "--site", host, "-s", f"NEWSDESK_DB={recurring.db_path}")
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 11


# ---------------------------------------------------------------------- what report readers see
def test_markdown_is_an_alias_of_md(recurring):
    md, markdown = (run_scrapy("report", "--format", fmt, "-s", f"NEWSDESK_DB={recurring.db_path}")
                    for fmt in ("md", "markdown"))
    assert md.returncode == markdown.returncode == 0, markdown.stderr

    def body(text: str) -> list[str]:  # the "generated at" minute may tick between the two
        return [line for line in text.splitlines() if not line.startswith("Database ")]

    assert body(markdown.stdout) == body(md.stdout) and "## Runs" in md.stdout


@pytest.mark.parametrize("command", ["report", "export"])
def test_help_lists_the_formats_and_has_no_fake_headings(command):
    done = run_scrapy(command, "-h")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    headings = [lines[i - 1] for i, line in enumerate(lines) if line and set(line) <= {"=", "-"}]
    assert headings == ["Usage", "Options", "Global Options"]
    formats = "{md,markdown,html,json,atom}" if command == "report" else "{jsonl,csv,parquet}"
    assert f"--format {formats}" in done.stdout


def test_report_help_keeps_the_since_help_whole():
    text = " ".join(run_scrapy("report", "-h").stdout.split())
    assert ("changes after this run, from this date, or in this window back from now (7d, 48h, 2w); by default "
            "those of the last run (7d for atom)") in text


@pytest.mark.parametrize(
    "value, shown",
    [
        ("2026-11-30T07:29:37.898361+00:00", "2026-11-30 07:29 UTC"),
        ("2025-03-12T06:30:00-04:00", "2025-03-12 06:30 -04:00"),
        ("2019-11-18T20:58:46+05:30", "2019-11-18 20:58 +05:30"),
        ("2025-03-03T17:04:00", "2025-03-03 17:04"),
        ("2025-03-03", "2025-03-03"),
        (None, "unknown"),
        ("not a date", "not a date"),
    ],
)
def test_times_are_shown_as_a_person_reads_them(value, shown):
    assert human_time(value) == shown


ISO_WITH_SECONDS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def test_reports_show_times_to_the_minute_and_json_keeps_iso(reports):
    for fmt in ("md", "html"):
        assert not ISO_WITH_SECONDS.search(reports[fmt]), fmt
        assert re.search(r"run 2, \d{4}-\d\d-\d\d \d\d:\d\d → \d\d:\d\d UTC \(finished\)", reports[fmt])
    report = json.loads(reports["json"])
    [new] = report["new"]
    assert datetime.fromisoformat(new["first_seen"]).utcoffset() == timedelta(0)
    assert ISO_WITH_SECONDS.fullmatch(report["generated_at"][:19])


@pytest.fixture(scope="module")
def quiet(recurring, tmp_path_factory):
    """A copy of the recurring database crawled a third time: the site has not changed since run 2."""
    import shutil

    path = tmp_path_factory.mktemp("quiet") / "news.db"
    with sqlite3.connect(recurring.db_path) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(recurring.db_path, path)
    starts = [recurring.server.url("/robots.txt"), recurring.server.url("/"), recurring.server.url("/feed.xml")]
    third = run_crawl(starts, path)
    assert third.returncode == 0, third.log[-3000:]
    assert third.last_run()["articles_stored"] == 0
    return path


@pytest.mark.parametrize("fmt, says", [("md", "**No changes**: nothing new or changed (run 3)"),
                                       ("html", "<strong>No changes</strong>: nothing new or changed (run 3)")])
def test_a_run_with_no_changes_says_so(quiet, fmt, says):
    done = run_scrapy("report", "--format", fmt, "-s", f"NEWSDESK_DB={quiet}")
    assert done.returncode == 0, done.stderr
    assert says in done.stdout
    assert "| site |" not in done.stdout and "<th>site</th>" not in done.stdout


def test_the_atom_feed_is_a_rolling_window(quiet, recurring):
    """Run 3 found nothing, yet the feed still holds the last 7 days' entries: a reader polling less
    often than cron misses nothing. Entry ids do not depend on the run that made the file."""
    done = run_scrapy("report", "--format", "atom", "-s", f"NEWSDESK_DB={quiet}")
    assert done.returncode == 0, done.stderr
    feed = feedparser.parse(done.stdout)
    # 11 new articles, and the change run 2 found in one of them (first seen in run 1, within the window too);
    # besides, the stories of more than one article (tests/test_stories_report.py)
    articles = [e for e in feed.entries if not e.title.startswith("Story")]
    assert not feed.bozo and len(articles) == 12
    titles = {e.title for e in feed.entries}
    assert "New: Ferry route reopens after a winter of repairs" in titles and f"Updated: {CHANGED_TITLE[1]}" in titles
    again = feedparser.parse(run_scrapy("report", "--format", "atom", "-s",
                                        f"NEWSDESK_DB={recurring.db_path}").stdout)
    assert {e.id for e in again.entries} == {e.id for e in feed.entries}


def test_the_atom_feed_updated_is_its_newest_entry_newest_first(quiet):
    done = run_scrapy("report", "--format", "atom", "-s", f"NEWSDESK_DB={quiet}")
    feed = feedparser.parse(done.stdout)
    times = [e.updated for e in feed.entries]
    assert times == sorted(times, reverse=True)
    assert feed.feed.updated == max(times)


def test_an_empty_atom_feed_is_dated_by_the_last_run(quiet):
    done = run_scrapy("report", "--format", "atom", "--since", "2999-01-01", "-s", f"NEWSDESK_DB={quiet}")
    feed = feedparser.parse(done.stdout)
    assert not feed.bozo and feed.entries == []
    last = sqlite_utils.Database(quiet).execute("select finished_at from crawl_runs order by id desc limit 1")
    assert feed.feed.updated == last.fetchone()[0]


def test_the_atom_feed_links_itself_when_its_url_is_given(quiet):
    url = "https://news.example.org/changes.atom"
    feed = feedparser.parse(run_scrapy("report", "--format", "atom", "--feed-url", url, "-s",
                                       f"NEWSDESK_DB={quiet}").stdout)
    assert [(link.rel, link.href) for link in feed.feed.links] == [("self", url)]
    plain = feedparser.parse(run_scrapy("report", "--format", "atom", "-s", f"NEWSDESK_DB={quiet}").stdout)
    assert not plain.feed.get("links")


def test_the_atom_feed_keeps_the_newest_entries(quiet):
    all_ = feedparser.parse(run_scrapy("report", "--format", "atom", "-s", f"NEWSDESK_DB={quiet}").stdout)
    three = feedparser.parse(run_scrapy("report", "--format", "atom", "--max-entries", "3", "-s",
                                        f"NEWSDESK_DB={quiet}").stdout)
    assert [e.id for e in three.entries] == [e.id for e in all_.entries[:3]]


def test_a_report_file_is_replaced_whole(recurring, tmp_path):
    target = tmp_path / "changes.atom"
    target.write_text("old feed")
    done = run_scrapy("report", "--format", "atom", "-o", str(target), "-s", f"NEWSDESK_DB={recurring.db_path}")
    assert done.returncode == 0, done.stderr
    assert feedparser.parse(target.read_text(encoding="utf-8")).version == "atom10"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changes.atom"]  # no temporary file left
