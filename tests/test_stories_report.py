"""The stories view of `scrapy report`: two runs over the corpus, every format."""

from __future__ import annotations

import json
import sqlite3

import feedparser
import pytest
from lxml import etree

from exports.monitor import build_report
from exports.render import render
from pipelines import schema

from . import stories_corpus
from .conftest import run_scrapy
from .test_stories import store

FIRST_RUN = 60  # articles stored by the first run; the rest by the second


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    corpus = stories_corpus.build()
    path = tmp_path_factory.mktemp("report") / "stories.db"
    store(path, corpus.articles[:FIRST_RUN]).close()
    store(path, corpus.articles[FIRST_RUN:]).close()
    return corpus, path


@pytest.fixture(scope="module")
def report(two_runs):
    db = schema.open_database(str(two_runs[1]))
    yield build_report(db, None)
    db.close()


def test_stories_that_spread_in_the_last_run_are_listed_with_their_new_sites(two_runs, report):
    corpus, path = two_runs
    con = sqlite3.connect(path)
    second = {a.url for a in corpus.articles[FIRST_RUN:]}
    first = {a.url for a in corpus.articles[:FIRST_RUN]}
    grown = {s["url"]: s for s in report["stories"]["grown"]}
    assert grown
    for url, story in grown.items():
        assert url in first
        marks = ",".join("?" * len(first))
        sites_before = {r[0] for r in con.execute(
            f"SELECT site FROM article_stories WHERE story_id = ? AND article_url IN ({marks})", [story["id"], *first])}
        assert set(story["new_sites"]) and not set(story["new_sites"]) & sites_before
        assert all(t["url"] in second for t in story["timeline"] if t["new"])
    con.close()


def test_a_story_says_how_many_sites_and_who_was_first(report):
    story = next(s for s in report["stories"]["grown"] if "rail-strike-called-off" in s["url"])
    assert story["first_site"] == "Metro Daily" and story["sites"] == len(story["timeline"]) >= 4
    assert story["timeline"][0]["site"] == "Metro Daily"


def test_wire_copies_are_folded_under_their_original(two_runs, report):
    corpus, _ = two_runs
    for story in [*report["stories"]["new"], *report["stories"]["grown"]]:
        listed = [item["url"] for item in story["items"]]
        assert not set(listed) & set(corpus.copies), "a copy listed beside its original"
        for item in story["items"]:
            assert all(corpus.copies.get(c["url"]) == item["url"] for c in item["copies"])
        assert story["copies"] == sum(len(item["copies"]) for item in story["items"])


def test_a_story_of_one_article_is_counted_not_listed(report):
    totals = report["stories"]["totals"]
    assert totals["new"] == totals["new_single"] + len(report["stories"]["new"])
    assert all(s["articles"] > 1 for s in report["stories"]["new"])


def test_every_story_of_everything_is_new_since_run_zero(two_runs):
    db = schema.open_database(str(two_runs[1]))
    view = build_report(db, "0")["stories"]
    listed = db.execute("SELECT count(*) FROM stories WHERE articles > 1").fetchone()[0]
    db.close()
    assert len(view["new"]) == listed and not view["grown"]


def test_html_shows_a_timeline_per_story_and_no_javascript(report):
    page = render(report, "html", database="stories.db")
    tree = etree.fromstring(page.encode(), etree.HTMLParser())
    timelines = tree.xpath("//svg[@class='timeline']")
    assert len(timelines) == len(report["stories"]["new"]) + len(report["stories"]["grown"])
    assert all(t.xpath(".//circle/title") for t in timelines)
    assert "<script" not in page


def test_markdown_lists_the_stories(report):
    text = render(report, "md")
    assert "## Stories" in text and "### Stories that spread" in text
    assert "first: Metro Daily" in text


def test_atom_has_an_entry_per_story_and_spread(report):
    feed = feedparser.parse(render(report, "atom", database="stories.db"))
    assert not feed.bozo
    titles = [e.title for e in feed.entries]
    assert sum(t.startswith("Story spreads: ") for t in titles) == len(report["stories"]["grown"])
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids))


def test_json_carries_the_stories(report):
    data = json.loads(render(report, "json"))
    assert data["stories"]["grown"][0]["timeline"][0]["first_seen"]


def test_scrapy_report_shows_the_stories(two_runs):
    done = run_scrapy("report", "--format", "md", "-s", f"NEWSDESK_DB={two_runs[1]}")
    assert done.returncode == 0, done.stderr
    assert "## Stories" in done.stdout
