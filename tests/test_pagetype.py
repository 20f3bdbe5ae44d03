"""The page-type judge: the survey's features, the pure-Python trees, the named rules and their trace."""

from __future__ import annotations

import json

import pytest

from bench.train_pagetype import Judge, export
from crawler.extract import extract_surveyed, pagetype, parse_html
from crawler.extract.survey import WORD_PREFIX, page_marks, url_shape
from crawler.extract.trace import DROP, KEEP, Trace
from tests.golden.regenerate import HERE as GOLDEN
from tests.golden.regenerate import case_url


def _golden(case: str) -> tuple[bytes, str]:
    return (GOLDEN / f"{case}.html").read_bytes(), case_url(case)


def _score_and_threshold(detail: str) -> tuple[float, float]:
    """The figures of a verdict's detail: "score -2.05, threshold -2.91: ..."."""
    head = detail.split(":")[0]
    return float(head.split(",")[0].removeprefix("score ")), float(head.split("threshold ")[1])


def _page_verdicts(trace: Trace):
    return [(r.rule, r.verdict) for r in trace if r.stage == "page"]


@pytest.fixture
def tiny_model(tmp_path, monkeypatch):
    """A model of scikit-learn's trees fitted on random figures, exported as train_pagetype does."""
    np = pytest.importorskip("numpy")
    ensemble = pytest.importorskip("sklearn.ensemble")
    rng = np.random.default_rng(3)
    x = rng.normal(size=(300, 4))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(int)
    trees = ensemble.GradientBoostingClassifier(n_estimators=20, max_depth=3, random_state=0).fit(x, y)
    names = ["a", "b", "c", "d"]
    path = tmp_path / "pagetype.json"
    path.write_text(json.dumps(export(Judge({f"{WORD_PREFIX}b:good": 0.5}, -0.25, trees, names), 0.0)))
    monkeypatch.setattr(pagetype, "MODEL_PATH", path)
    pagetype.model.cache_clear()
    yield trees, x
    pagetype.model.cache_clear()


def test_the_pure_python_trees_score_as_scikit_learn_does(tiny_model):
    trees, x = tiny_model
    want = trees.decision_function(x[:50])
    got = [pagetype.score(dict(zip("abcd", row, strict=True))) for row in x[:50]]
    assert got == pytest.approx(list(want), abs=1e-4)


def test_the_contributions_add_up_to_the_score(tiny_model):
    _, x = tiny_model
    features = dict(zip("abcd", x[7], strict=True))
    m = pagetype.model()
    start = m.base + sum(tree["value"][0] for tree in m.trees)
    assert start + sum(pagetype.contributions(features).values()) == pytest.approx(pagetype.score(features))


def test_the_word_score_weighs_the_words_the_model_kept(tiny_model):
    assert pagetype.words_score({f"{WORD_PREFIX}b:good": 1.0, f"{WORD_PREFIX}b:other": 1.0}) == pytest.approx(0.25)
    assert pagetype.words_score({}) == pytest.approx(-0.25)


def test_the_shipped_model_reads_the_features_the_survey_makes():
    _, features = extract_surveyed(*_golden("news_brief"))
    made = {k for k in features if not k.startswith(WORD_PREFIX)} | {pagetype.WORDS_SCORE}
    assert set(pagetype.model().names) == made, "retrain: bench/train_pagetype.py survey, then fit"
    assert all(w.startswith(WORD_PREFIX) for w in pagetype.model().words)


@pytest.mark.parametrize("features, made", [
    ({"meta.title": 0.0, "meta.typed": 0.0, "body.chars": 5000.0}, pagetype.UNTITLED_UNTYPED),
    ({"meta.title": 1.0, "meta.typed": 1.0, "body.chars": 80.0}, pagetype.TOO_SHORT),
])
def test_the_plain_rules_need_no_trees(features, made):
    assert pagetype.plain_rule(features) is made
    assert pagetype.judge(features) is made


def test_a_short_dated_brief_is_an_article_and_the_trace_says_why():
    trace = Trace()
    article, features = extract_surveyed(*_golden("news_brief"), trace=trace)
    assert article is not None and article.title == "Sperrung der Lindenbrücke ab Montag"
    assert article.body.startswith("Die Lindenbrücke") and article.body.endswith("weiter nutzen.")
    assert features["body.chars"] < 400 and features["meta.typed"] == 0.0
    assert _page_verdicts(trace) == [("article-shaped", KEEP)]


def test_a_page_the_trees_weigh_says_its_score_threshold_and_words():
    features = {"page.a": 40.0, "page.text_chars": 9000.0, "meta.title": 1.0, "body.chars": 3000.0}
    trace = Trace()
    pagetype.record(pagetype.judge(features), features, "text", trace)
    score, threshold = _score_and_threshold(trace.records[0].detail)
    assert score == pytest.approx(pagetype.score(features), abs=0.01)
    assert threshold == pytest.approx(pagetype.model().threshold, abs=0.01)
    assert "words:" in trace.records[0].detail


def test_a_fragment_is_judged_by_the_plain_rules_only():
    features = {"page.a": 2.0, "page.text_chars": 900.0, "meta.title": 1.0, "body.chars": 300.0}
    assert not pagetype.judged_by_trees(features) and pagetype.judge(features) is None


def test_a_product_page_is_no_article_and_the_trace_says_why():
    trace = Trace()
    article, features = extract_surveyed(*_golden("product_page"), trace=trace)
    assert article is None and features is not None
    assert _page_verdicts(trace) == [("not-an-article", DROP)]
    detail = next(r for r in trace if r.stage == "page").detail
    score, threshold = _score_and_threshold(detail)
    assert score < threshold and "words:" in detail


def test_a_listing_of_teasers_leaves_no_body_to_store():
    trace = Trace()
    article, features = extract_surveyed(*_golden("teaser_listing"), trace=trace)
    assert article is None and features["body.chars"] < pagetype.MIN_ARTICLE_CHARS
    assert _page_verdicts(trace) == [("too-short", DROP)]


def test_class_and_id_words_count_whole_words():
    root = parse_html(b"<html><body><div class='product-price sale'>9</div><p class='surprise'>x</p>"
                      b"<div id='comments'><div class='comment reply'>y</div></div></body></html>")
    marks = page_marks(root)
    assert (marks["class.price"], marks["class.product"], marks["class.comment"]) == (2.0, 1.0, 3.0)
    assert marks[f"{WORD_PREFIX}c:surprise"] == 1.0


@pytest.mark.parametrize("url, want", [
    ("https://news.example/2026/03/14/bridge-closed-for-two-weeks", {"url.date": 1.0, "url.slug_words": 5.0}),
    ("https://shop.example/products/backpack-40?colour=green", {"url.word_product": 1.0, "url.query": 1.0}),
    ("https://forum.example/threads/12345678/", {"url.numeric_id": 1.0, "url.word_forum": 1.0}),
    ("https://site.example/", {"url.root": 1.0, "url.depth": 0.0}),
])
def test_the_url_shape(url, want):
    shape = url_shape(url)
    assert {k: shape[k] for k in want} == want
