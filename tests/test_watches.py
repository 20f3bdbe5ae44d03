"""`scrapy watch` and `scrapy report --watch`: saved full-text queries, on the stories corpus."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone

import feedparser
import pytest

from exports import watches
from exports.cli import CommandError
from pipelines import schema

from . import stories_corpus
from .conftest import run_scrapy
from .test_stories import store


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("watches") / "corpus.db"
    store(path, stories_corpus.build().articles).close()
    return path


@pytest.fixture
def db_path(corpus_db, tmp_path):
    path = tmp_path / "w.db"
    shutil.copy(corpus_db, path)
    return path


def scrapy(*args, path):
    return run_scrapy(*args, "-s", f"NEWSDESK_DB={path}")


def test_add_list_remove(db_path):
    added = scrapy("watch", "add", "gas", "gas AND storage", "--site", "Daily Ledger", "--language", "en", path=db_path)
    assert added.returncode == 0 and "added gas: gas AND storage; sites Daily Ledger; language en" in added.stderr
    listed = scrapy("watch", "list", path=db_path)
    assert listed.returncode == 0 and listed.stdout.startswith("gas: gas AND storage; sites Daily Ledger")
    removed = scrapy("watch", "remove", "gas", path=db_path)
    assert removed.returncode == 0
    assert scrapy("watch", "list", path=db_path).stdout == "no watches\n"


@pytest.mark.parametrize(("args", "status", "says"), [
    (("add", "bad", "rail AND ("), 2, "not a full-text query SQLite understands: 'rail AND ('"),
    (("add", "empty", " "), 2, "the query is empty"),
    (("add", "no/slash", "rail"), 2, "a watch name is letters"),
    (("add", "lang", "rail", "--language", "english!"), 2, "--language wants a language code"),
    (("add", "onlyname"), 2, "add takes 2 argument(s)"),
    (("frobnicate",), 2, "say what to do"),
    (("remove", "nope"), 1, "no watch named nope"),
])
def test_bad_usage_is_one_line_and_nothing_is_stored(db_path, args, status, says):
    done = scrapy("watch", *args, path=db_path)
    assert done.returncode == status
    assert done.stderr.count("\n") == 1 and says in done.stderr and "Traceback" not in done.stderr
    assert scrapy("watch", "list", path=db_path).stdout == "no watches\n"


def test_a_name_is_taken_once(db_path):
    assert scrapy("watch", "add", "rail", "rail", path=db_path).returncode == 0
    again = scrapy("watch", "add", "rail", "strike", path=db_path)
    assert again.returncode == 2 and "exists already" in again.stderr
    assert scrapy("watch", "list", path=db_path).stdout.startswith("rail: rail;")


def test_a_missing_database_is_not_created(tmp_path):
    done = scrapy("watch", "add", "rail", "rail", path=tmp_path / "none.db")
    assert done.returncode == 1 and "database not found" in done.stderr
    assert not (tmp_path / "none.db").exists()


def test_a_watch_reports_its_matches_only(db_path):
    db = schema.open_database(str(db_path))
    watches.add(db, "nuclear", "nuclear", [], None, now=datetime(2000, 1, 1, tzinfo=timezone.utc))
    report = watches.watch_report(db, "nuclear", "0")
    matched = {r[0] for r in db.execute("SELECT url FROM articles WHERE rowid IN "
                                        "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'nuclear')")}
    db.close()
    assert {a["url"] for a in report["new"]} == matched and matched
    assert report["stories"]["new"] and all(
        any(i["url"] in matched or any(c["url"] in matched for c in i["copies"]) for i in s["items"])
        for s in report["stories"]["new"])


def test_sites_and_language_narrow_a_watch(db_path):
    db = schema.open_database(str(db_path))
    watches.add(db, "rail-metro", "rail", ["Metro Daily"], "en")
    watches.add(db, "rail-de", "rail", [], "de")
    metro = watches.watch_report(db, "rail-metro", "0")
    german = watches.watch_report(db, "rail-de", "0")
    languages = {a["url"]: db[schema.ARTICLES].get(a["url"])["language"] for a in german["new"]}
    db.close()
    assert metro["new"] and {a["site"] for a in metro["new"]} == {"Metro Daily"}
    assert set(languages.values()) == {"de"}  # a German page whose "more stories" names the rail strike


def test_a_watch_made_now_reports_from_now_and_since_still_works(db_path):
    db = schema.open_database(str(db_path))
    watches.add(db, "rail", "rail", [], None)
    db.close()
    fresh = scrapy("report", "--watch", "rail", "--format", "json", path=db_path)
    assert fresh.returncode == 0, fresh.stderr
    data = json.loads(fresh.stdout)
    assert data["new"] == [] and "since it was made" in data["since"]["label"]
    everything = json.loads(scrapy("report", "--watch", "rail", "--since", "0", "--format", "json",
                                   path=db_path).stdout)
    assert everything["new"] and everything["watch"]["query"] == "rail"


@pytest.mark.parametrize("fmt", ["atom", "html", "md", "json"])
def test_every_format_reports_a_watch(db_path, fmt):
    db = schema.open_database(str(db_path))
    watches.add(db, "gas", "gas", [], None, now=datetime.now(timezone.utc) - timedelta(days=30))
    db.close()
    done = scrapy("report", "--watch", "gas", "--format", fmt, path=db_path)
    assert done.returncode == 0, done.stderr
    assert "gas" in done.stdout.lower()
    if fmt == "atom":
        feed = feedparser.parse(done.stdout)
        assert not feed.bozo and feed.entries and "watch gas" in feed.feed.title


def test_watch_feeds_have_ids_of_their_own(db_path):
    db = schema.open_database(str(db_path))
    for name in ("gas", "rail"):
        watches.add(db, name, name, [], None)
    db.close()
    ids = {feedparser.parse(scrapy("report", "--format", "atom", *(("--watch", n) if n else ()),
                                   path=db_path).stdout).feed.id for n in ("gas", "rail", None)}
    assert len(ids) == 3


def test_a_bad_query_raises_a_usage_error():
    db = schema.open_database(":memory:")
    with pytest.raises(CommandError) as caught:
        watches.check_query(db, '"unclosed')
    assert caught.value.exitcode == 2
