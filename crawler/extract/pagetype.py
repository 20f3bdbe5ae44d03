"""Whether a page is an article: the judge of the survey (``survey.page_survey``), by named rules.

A news crawler stores articles, not the forums, product pages, listings of teasers, collections,
documentation and service pages it passes on its way; and it must keep the short brief (a headline,
a dated byline, four paragraphs). The judge is gradient-boosted trees over the survey's features,
trained by ``bench/train_pagetype.py`` on the dev benchmarks and shipped as plain data
(``pagetype.json``: per tree, per node a feature index, a threshold, two children and a value),
scored here by a few lines of pure Python. Its threshold was chosen on out-of-fold scores to keep
98.5% of the articles. ``explain`` names the features that weighed most in a verdict (each tree's
value change along the page's path, credited to the feature split on), for ``--explain``.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from .survey import WORD_PREFIX, Features
from .trace import PAGE, Rule, Trace, rule

NOT_AN_ARTICLE = rule("not-an-article", PAGE, "the page-type trees score the page's survey below their threshold: "
                      "its shape is a forum's, a product page's, a listing's, a collection's, documentation's or "
                      "a service page's (the features that weighed most are in the detail)")
TOO_SHORT = rule("too-short", PAGE, "less body text than MIN_ARTICLE_CHARS: nothing to store, whatever the page is")
ARTICLE_SHAPED = rule("article-shaped", PAGE, "kept: the page-type trees score the page's survey at or above "
                      "their threshold (the features that weighed most are in the detail)")
UNTITLED_UNTYPED = rule("untitled-untyped-page", PAGE, "no article type (JSON-LD or og:type) and no headline: "
                        "not an article")

MODEL_PATH = Path(__file__).with_name("pagetype.json")
MIN_ARTICLE_CHARS = 120  # a brief has a headline, a byline and a few sentences: fewer characters is no article
WORDS_SCORE = "words.score"  # the feature the word score is to the trees
MIN_JUDGED_LINKS = 5  # pages with fewer links, or less text...
MIN_JUDGED_PAGE_CHARS = 1500  # ...are not weighed by the trees (under 2% of the dev pages)
UNJUDGED = "too few links or too little text for the trees to weigh the page"
EXPLAIN_FEATURES = 5  # --explain names this many of the features that weighed most


class Model(NamedTuple):
    names: list[str]  # the features the trees read, by index
    base: float  # the trees' starting log-odds
    threshold: float  # a page scoring below is no article
    trees: list[dict]
    words: dict[str, float]  # each word's weight in the word score (survey.WORD_PREFIX features)
    words_base: float


@cache
def model() -> Model:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return Model(data["features"], data["base"], data["threshold"], data["trees"], data.get("words", {}),
                 data.get("words_base", 0.0))


def words_score(features: Features) -> float:
    """The word model's log-odds: the weights of the page's words (one of the trees' inputs)."""
    m = model()
    return m.words_base + sum(m.words.get(k, 0.0) for k in features if k.startswith(WORD_PREFIX))


def _path(tree: dict, row: list[float]) -> list[int]:
    """The nodes a page passes through in one tree, root to leaf."""
    feature, threshold, left, right = tree["feature"], tree["threshold"], tree["left"], tree["right"]
    node, nodes = 0, [0]
    while feature[node] >= 0:
        node = left[node] if row[feature[node]] <= threshold[node] else right[node]
        nodes.append(node)
    return nodes


def _row(features: Features, names: list[str]) -> list[float]:
    found = {**features, WORDS_SCORE: words_score(features)}
    return [found.get(n, 0.0) for n in names]


def score(features: Features) -> float:
    """The trees' log-odds that the page is an article (0 means as likely as not)."""
    m = model()
    row = _row(features, m.names)
    total = m.base
    for tree in m.trees:
        feature, threshold, left, right = tree["feature"], tree["threshold"], tree["left"], tree["right"]
        node = 0
        while feature[node] >= 0:
            node = left[node] if row[feature[node]] <= threshold[node] else right[node]
        total += tree["value"][node]
    return total


def contributions(features: Features) -> dict[str, float]:
    """How much each feature moved the score, summed over the trees (positive: towards an article)."""
    m = model()
    row = _row(features, m.names)
    found: dict[str, float] = {}
    for tree in m.trees:
        nodes = _path(tree, row)
        for parent, child in pairwise(nodes):
            name = m.names[tree["feature"][parent]]
            found[name] = found.get(name, 0.0) + tree["value"][child] - tree["value"][parent]
    return found


def plain_rule(features: Features) -> Rule | None:
    """The rules that need no trees: no headline nor article type, or next to no text."""
    if not features.get("meta.title") and not features.get("meta.typed"):
        return UNTITLED_UNTYPED
    if features.get("body.chars", 0.0) < MIN_ARTICLE_CHARS:
        return TOO_SHORT
    return None


def judged_by_trees(features: Features) -> bool:
    """Whether the trees weigh the page: not a page without a site's template around it (a fragment,
    a hand-written test page: next to no links, or less text than any site's template alone), which
    only the plain rules judge."""
    return features.get("page.a", 0.0) >= MIN_JUDGED_LINKS and \
        features.get("page.text_chars", 0.0) >= MIN_JUDGED_PAGE_CHARS


def judge(features: Features) -> Rule | None:
    """The rule by which the page is not an article, or None when it is one."""
    found = plain_rule(features)
    if found is None and judged_by_trees(features) and score(features) < model().threshold:
        found = NOT_AN_ARTICLE
    return found


def record(verdict: Rule | None, features: Features, body: str, trace: Trace) -> None:
    """The verdict in the trace: the rule that rejected the page, or that the trees kept it; with the
    score and the features that weighed most."""
    detail = explain(features) if judged_by_trees(features) else UNJUDGED
    if verdict is None:
        trace.keep(ARTICLE_SHAPED, text=body, detail=detail)
    else:
        trace.drop(verdict, text=body, detail=detail if verdict is NOT_AN_ARTICLE else "")


def explain(features: Features, top: int = EXPLAIN_FEATURES) -> str:
    """The verdict's figures: score against threshold, and the features that weighed most."""
    weights = sorted(contributions(features).items(), key=lambda kv: -abs(kv[1]))[:top]
    values = {**features, WORDS_SCORE: round(words_score(features), 2)}
    parts = ", ".join(f"{name}={values.get(name, 0.0):g} ({w:+.2f})" for name, w in weights)
    words = model().words
    heavy = sorted((k for k in features if k in words), key=lambda k: -abs(words[k]))[:top]
    said = ", ".join(f"{k.removeprefix(WORD_PREFIX)} {words[k]:+.2f}" for k in heavy)
    return f"score {score(features):+.2f}, threshold {model().threshold:+.2f}: {parts}; words: {said}"
