"""Stories and wire copies, on the corpus of tests/stories_corpus.py stored through the real store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections import defaultdict

import pytest
from scrapy.utils.test import get_crawler

from crawler.spiders.news import NewsSpider
from pipelines import schema, sketch, stories
from pipelines.store import SQLitePipeline

from . import stories_corpus
from .conftest import ROOT

MIN_PRECISION = 0.98
MIN_RECALL = 0.95


def store(path, articles, batch_size=7) -> sqlite3.Connection:
    crawler = get_crawler(NewsSpider, {"NEWSDESK_DB": str(path), "NEWSDESK_BATCH_SIZE": batch_size})
    crawler.spider = crawler._create_spider(start_urls="https://example.org/")
    pipe = SQLitePipeline.from_crawler(crawler)
    pipe.open_spider()
    for article in articles:
        pipe.process_item(article)
    pipe.flush()
    pipe.db.close()
    return sqlite3.connect(path)


@pytest.fixture(scope="module")
def corpus():
    return stories_corpus.build()


@pytest.fixture(scope="module")
def placed(corpus, tmp_path_factory):
    """URL → (story_id, copy_of, similarity) after storing the corpus."""
    con = store(tmp_path_factory.mktemp("stories") / "corpus.db", corpus.articles)
    rows = {url: (story, copy, similarity) for url, story, copy, similarity in con.execute(
        "SELECT article_url, story_id, copy_of, similarity FROM article_stories")}
    con.close()
    return rows


def partition(rows: dict[str, tuple]) -> set[frozenset[str]]:
    groups = defaultdict(set)
    for url, (story, *_) in rows.items():
        groups[story].add(url)
    return {frozenset(g) for g in groups.values()}


def test_every_stored_article_is_in_one_story(corpus, placed):
    assert set(placed) == {a.url for a in corpus.articles}


def test_copy_detection_precision_and_recall(corpus, placed):
    flagged = {url: copy for url, (_, copy, _) in placed.items() if copy}
    right = [url for url, copy in flagged.items() if corpus.copies.get(url) == copy]
    precision = len(right) / len(flagged)
    recall = len(right) / len(corpus.copies)
    assert precision >= MIN_PRECISION, f"precision {precision:.3f}: wrong {set(flagged) - set(right)}"
    assert recall >= MIN_RECALL, f"recall {recall:.3f}: missed {set(corpus.copies) - set(right)}"


def test_a_copy_names_the_original_never_another_copy(placed):
    copies = {url for url, (_, copy, _) in placed.items() if copy}
    assert all(placed[url][1] not in copies for url in copies)


def test_copies_are_in_their_originals_story(corpus, placed):
    for url, original in corpus.copies.items():
        if placed[url][1]:
            assert placed[url][0] == placed[original][0]


@pytest.mark.parametrize("index", range(len(stories_corpus.SAME_TOPIC)))
def test_two_stories_on_one_topic_and_day_are_not_merged(corpus, placed, index):
    first, second = corpus.same_topic[index]
    assert placed[first][0] != placed[second][0], f"{first} and {second} put in one story"


@pytest.mark.parametrize("index", range(len(stories_corpus.RETOLD)))
def test_the_same_event_in_other_words_is_the_same_story_and_no_copy(corpus, placed, index):
    retold = [a for a in corpus.articles if "retold" in a.url][index]
    story, copy, similarity = placed[retold.url]
    assert copy is None
    assert story == placed[corpus.stories[retold.url]][0]
    assert 0 < similarity < 1


def test_reports_that_reuse_background_paragraphs_are_no_copies(corpus, placed):
    assert corpus.not_copies and all(placed[url][1] is None for url in corpus.not_copies)


def test_stories_counts_are_those_of_their_articles(tmp_path, corpus):
    con = store(tmp_path / "counts.db", corpus.articles)
    counted = con.execute("SELECT s.id, s.articles, s.sites, count(*), count(DISTINCT a.site), s.first_article, "
                          "min(a.rowid) FROM stories s JOIN article_stories a ON a.story_id = s.id GROUP BY s.id")
    for story, articles, sites, n, distinct, first, first_rowid in counted:
        assert (articles, sites) == (n, distinct), story
        assert first == con.execute("SELECT article_url FROM article_stories WHERE rowid = ?", [first_rowid]).fetchone()[0]
    con.close()


def test_storing_the_same_articles_again_changes_no_story(tmp_path, corpus):
    path = tmp_path / "again.db"
    store(path, corpus.articles).close()
    before = sqlite3.connect(path).execute("SELECT * FROM article_stories ORDER BY article_url").fetchall()
    con = store(path, corpus.articles)
    assert con.execute("SELECT * FROM article_stories ORDER BY article_url").fetchall() == before
    con.close()


def test_rebuilding_gives_the_same_stories(tmp_path, corpus, placed):
    path = tmp_path / "rebuild.db"
    store(path, corpus.articles).close()
    db = schema.open_database(str(path))
    stories.rebuild(db)
    rows = {url: (story, copy, similarity) for url, story, copy, similarity in db.execute(
        "SELECT article_url, story_id, copy_of, similarity FROM article_stories")}
    db.close()
    assert partition(rows) == partition(placed)
    assert {u: r[1] for u, r in rows.items()} == {u: r[1] for u, r in placed.items()}


def test_another_batch_size_gives_the_same_stories(tmp_path, corpus, placed):
    con = store(tmp_path / "batch.db", corpus.articles, batch_size=50)
    rows = {url: (story, copy) for url, story, copy in con.execute(
        "SELECT article_url, story_id, copy_of FROM article_stories")}
    con.close()
    assert partition(rows) == partition(placed)


def test_band_keys_are_the_same_in_every_process():
    """No hash() whose value changes between processes: a re-run finds the keys stored before."""
    code = ("from pipelines import sketch; s = sketch.shingles('one two three four five six seven eight nine ten "
            "eleven twelve thirteen fourteen fifteen'); print(sketch.band_keys(sketch.signature(s))[:3])")
    outputs = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


@pytest.mark.parametrize(("lead", "body", "expected"), [
    (None, "First sentence.\nA heading\nSecond sentence.", "First sentence.\nSecond sentence."),
    ("Moved lead.", "Body sentence.", "Moved lead.\nBody sentence."),
    ("Body sentence.", "Body sentence.\nMore.", "Body sentence.\nMore."),
    (None, "a list\nof several items\nand one.", "a list\nof several items\nand one."),
])
def test_copy_text_keeps_the_sentences(lead, body, expected):
    assert sketch.copy_text(lead, body) == expected


def test_resemblance_of_a_trimmed_copy():
    text = " ".join(f"word{i}" for i in range(100))
    half = " ".join(f"word{i}" for i in range(50))
    r = sketch.resemblance(sketch.shingles(text), sketch.shingles(half))
    assert r.containment == 1.0 and 0.45 < r.jaccard < 0.5


def test_an_old_database_upgrades_and_its_articles_are_placed(tmp_path):
    path = tmp_path / "v1.db"
    con = sqlite3.connect(path)
    con.executescript((ROOT / "tests" / "fixtures" / "v1-schema.sql").read_text())
    con.close()
    db = schema.open_database(str(path))
    assert "m007_stories" in [m.name for m in schema.migrations.applied(db)]
    placed = db.execute("SELECT count(*) FROM article_stories").fetchone()[0]
    assert placed == db[schema.ARTICLES].count == 2
    assert db[schema.STORIES].count == 2  # two unrelated articles: two stories
    db.close()
