"""Train the page-type judge (crawler/extract/pagetype.json) on the dev sets, and measure it across folds.

    .venv/bin/python bench/train_pagetype.py survey --out features.jsonl   # one extraction pass over the dev sets
    .venv/bin/python bench/train_pagetype.py crossfold features.jsonl      # train on one fold, measure on the other
    .venv/bin/python bench/train_pagetype.py fit features.jsonl            # train on all, write pagetype.json

``survey`` runs ``extract_surveyed`` (what the crawl runs) on every page of zyte-dev, fundus-dev and
wcxb-dev and writes each page's features, its label (wcxb's ``is_article: false`` pages are not
articles, every other page is one) and its site. ``crossfold`` trains on the sites of fold K of 2
(score.py's ``--fold``), picks the decision threshold on that fold alone (out-of-fold scores of a
site-grouped inner cross-validation, the lowest that keeps KEEP_TARGET of its articles), and reports
articles kept and non-articles rejected on the other fold, both ways. ``fit`` trains on every page
the same way and writes the trees as plain JSON, which ``crawler.extract.pagetype`` reads with a
few lines of pure Python: scikit-learn is needed here only (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extract.pagetype import WORDS_SCORE, judged_by_trees, plain_rule  # noqa: E402
from crawler.extract.survey import WORD_PREFIX  # noqa: E402

BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
SETS = ("zyte-dev", "fundus-dev", "wcxb-dev")
MODEL = ROOT / "crawler" / "extract" / "pagetype.json"

KEEP_TARGET = 0.985  # the threshold keeps this share of the training fold's articles (out-of-fold scores)
INNER_FOLDS = 5  # site-grouped folds of the inner cross-validation that picks the threshold
TREES, DEPTH, RATE, SUBSAMPLE, MIN_LEAF = 300, 3, 0.05, 0.8, 5  # the gradient-boosted trees
SEED = 12
MIN_WORD_SITES = 8  # a word is weighed only when pages of this many sites use it
WORD_C, WORD_ITERATIONS = 0.05, 3000  # the word model: L2-regularised logistic regression
MIN_WORD_WEIGHT = 0.01  # words weighing less are left out of pagetype.json
IMPORTANT_SHOWN = 25  # crossfold prints this many of the features the trees split on most


def site_of(rec: dict) -> str:
    """score.py's site of a page: its host without www., else its publisher, else its id."""
    host = urlsplit(rec.get("url") or "").hostname or ""
    return host.removeprefix("www.") or (rec.get("source") or {}).get("publisher") or rec["id"]


def fold_of(site: str, n: int = 2) -> int:
    return int(hashlib.sha1(site.encode("utf-8")).hexdigest(), 16) % n


def survey_sets(out: Path) -> None:
    from crawler.extract import extract_surveyed

    # Pages already in ``out`` are not surveyed again (a run cut short goes on where it stopped).
    done = {(r["set"], r["id"]) for r in _rows(out)} if out.exists() else set()
    with out.open("a", encoding="utf-8") as fh:
        for name in SETS:
            for rec in _rows(BENCHMARKS / name / "truth.jsonl"):
                if (name, rec["id"]) in done:
                    continue
                html = gzip.open(BENCHMARKS / name / rec["html"]).read()
                _, features = extract_surveyed(html, rec.get("url") or "")
                fh.write(json.dumps({
                    "set": name, "id": rec["id"], "site": site_of(rec),
                    "label": int(rec["expect"].get("is_article", True) is not False),
                    "type": (rec.get("source") or {}).get("page_type") or "article",
                    "features": features or {},
                }) + "\n")
            print(f"surveyed {name}", file=sys.stderr)


def _rows(path: Path) -> list[dict]:
    # Not splitlines(): a JSON string may hold U+2028, which it takes for a line break.
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def load(path: Path) -> tuple[list[dict], list[str]]:
    """The surveyed pages, and the names of the features the trees read (the words aside)."""
    rows = _rows(path)
    names = sorted({k for r in rows for k in r["features"] if not k.startswith(WORD_PREFIX)} | {WORDS_SCORE})
    return rows, names


def _matrix(rows: list[dict], names: list[str], words: list[float]):
    import numpy as np

    x = np.array([[r["features"].get(n, 0.0) for n in names] for r in rows], dtype=float)
    x[:, names.index(WORDS_SCORE)] = words
    return x, np.array([r["label"] for r in rows])


class Judge(NamedTuple):
    words: dict[str, float]  # weight of each word kept
    words_base: float
    trees: object  # the fitted GradientBoostingClassifier
    names: list[str]


def _word_vocabulary(rows: list[dict]) -> list[str]:
    """The words found on pages of at least MIN_WORD_SITES sites: no site's own vocabulary."""
    sites: dict[str, set[str]] = {}
    for r in rows:
        for k in r["features"]:
            if k.startswith(WORD_PREFIX):
                sites.setdefault(k, set()).add(r["site"])
    return sorted(k for k, v in sites.items() if len(v) >= MIN_WORD_SITES)


def _fit_words(rows: list[dict]) -> tuple[dict[str, float], float]:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    vocab = _word_vocabulary(rows)
    index = {w: i for i, w in enumerate(vocab)}
    cells = [(i, index[k]) for i, r in enumerate(rows) for k in r["features"] if k in index]
    x = csr_matrix((np.ones(len(cells)), ([c[0] for c in cells], [c[1] for c in cells])), shape=(len(rows), len(vocab)))
    y = np.array([r["label"] for r in rows])
    lr = LogisticRegression(C=WORD_C, max_iter=WORD_ITERATIONS).fit(x, y)
    return {w: round(float(c), 5) for w, c in zip(vocab, lr.coef_[0], strict=True) if abs(c) >= MIN_WORD_WEIGHT}, \
        float(lr.intercept_[0])


def words_score(features: dict, words: dict[str, float], base: float) -> float:
    return base + sum(words.get(k, 0.0) for k in features if k.startswith(WORD_PREFIX))


def _oof_words(rows: list[dict]) -> list[float]:
    """Each page's word score from a word model that did not see its site (inputs for the trees)."""
    from sklearn.model_selection import GroupKFold

    out = [0.0] * len(rows)
    for train, test in GroupKFold(INNER_FOLDS).split(rows, groups=[r["site"] for r in rows]):
        words, base = _fit_words([rows[i] for i in train])
        for i in test:
            out[i] = words_score(rows[i]["features"], words, base)
    return out


def fit_judge(rows: list[dict], names: list[str]) -> Judge:
    from sklearn.ensemble import GradientBoostingClassifier

    words, base = _fit_words(rows)
    trees = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE, subsample=SUBSAMPLE,
                                       min_samples_leaf=MIN_LEAF, random_state=SEED)
    trees.fit(*_matrix(rows, names, _oof_words(rows)))
    return Judge(words, base, trees, names)


def predict(judge: Judge, rows: list[dict]):
    scores = [words_score(r["features"], judge.words, judge.words_base) for r in rows]
    return judge.trees.decision_function(_matrix(rows, judge.names, scores)[0])


def _threshold(rows: list[dict], names: list[str]) -> float:
    """The highest score threshold that keeps KEEP_TARGET of the articles, on out-of-fold scores
    (articles the plain rules already reject count as lost)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    y = np.array([r["label"] for r in rows])
    scores = np.zeros(len(rows))
    for train, test in GroupKFold(INNER_FOLDS).split(rows, groups=[r["site"] for r in rows]):
        judge = fit_judge([rows[i] for i in train], names)
        scores[test] = predict(judge, [rows[i] for i in test])
    plain = np.array([plain_rule(r["features"]) is not None for r in rows])
    articles = np.sort(scores[(y == 1) & ~plain])
    lost = int(((y == 1) & plain).sum())
    may_lose = max(0, int((1 - KEEP_TARGET) * (len(articles) + lost)) - lost)
    return float(articles[may_lose])


def rejected(rows: list[dict], scores, threshold: float) -> list[bool]:
    """What the judge rejects: a plain rule, or a score below the threshold."""
    return [plain_rule(r["features"]) is not None or judged_by_trees(r["features"]) and s < threshold
            for r, s in zip(rows, scores, strict=True)]


def _report(label: str, rows: list[dict], scores, threshold: float) -> None:
    out = rejected(rows, scores, threshold)
    for name in SETS:
        arts = [o for r, o in zip(rows, out, strict=True) if r["set"] == name and r["label"] == 1]
        others = [o for r, o in zip(rows, out, strict=True) if r["set"] == name and r["label"] == 0]
        kept = 1 - sum(arts) / len(arts)
        rej = f"{sum(others) / len(others):.3f}" if others else "  -  "
        print(f"{label} {name:11s} kept {kept:.3f} ({len(arts)})  rejected {rej} ({len(others)})")
    types = sorted({r["type"] for r in rows if r["label"] == 0})
    by_type = {t: [o for r, o in zip(rows, out, strict=True) if r["type"] == t] for t in types}
    print("   rejected by type: " + ", ".join(f"{t} {sum(v) / len(v):.2f}" for t, v in by_type.items()))


def crossfold(path: Path) -> None:
    rows, names = load(path)
    for k in (0, 1):
        train = [r for r in rows if fold_of(r["site"]) == k]
        test = [r for r in rows if fold_of(r["site"]) != k]
        threshold = _threshold(train, names)
        judge = fit_judge(train, names)
        scores = predict(judge, test)
        _report(f"train f{k} -> test f{1 - k} (threshold {threshold:+.2f})", test, scores, threshold)
        top = sorted(zip(judge.trees.feature_importances_, names, strict=True), reverse=True)[:IMPORTANT_SHOWN]
        print("   most important: " + ", ".join(f"{n} {w:.3f}" for w, n in top))


def export(judge: Judge, threshold: float) -> dict:
    """The trees as plain lists: per node the feature index (-1 at a leaf), threshold, children and
    value (a node's value is its leaves' mean weighted by samples, for the per-feature explanation)."""
    model = judge.trees
    trees = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        value = [float(v) * model.learning_rate for v in t.value[:, 0, 0]]
        weight = [float(w) for w in t.weighted_n_node_samples]
        for node in reversed(range(t.node_count)):  # children come after their parent
            left, right = t.children_left[node], t.children_right[node]
            if left != -1:
                total = weight[left] + weight[right]
                value[node] = (value[left] * weight[left] + value[right] * weight[right]) / total
        trees.append({
            "feature": [int(f) if c != -1 else -1 for f, c in zip(t.feature, t.children_left, strict=True)],
            "threshold": [round(float(x), 6) for x in t.threshold],
            "left": [int(c) for c in t.children_left],
            "right": [int(c) for c in t.children_right],
            "value": [round(v, 6) for v in value],
        })
    import numpy as np

    prior = float(model.init_.class_prior_[1])
    return {
        "_comment": "Written by bench/train_pagetype.py fit: gradient-boosted trees over crawler/extract/survey.py's "
                    "features; a page scoring below threshold is not an article.",
        "features": judge.names,
        "words": judge.words,
        "words_base": round(judge.words_base, 6),
        "base": round(float(np.log(prior / (1 - prior))), 6),
        "threshold": round(threshold, 6),
        "trees": trees,
    }


def fit(path: Path, out: Path = MODEL) -> None:
    rows, names = load(path)
    threshold = _threshold(rows, names)
    data = export(fit_judge(rows, names), threshold)
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"wrote {out} ({len(data['trees'])} trees, threshold {threshold:+.3f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("survey").add_argument("--out", type=Path, required=True)
    sub.add_parser("crossfold").add_argument("features", type=Path)
    fitting = sub.add_parser("fit")
    fitting.add_argument("features", type=Path)
    fitting.add_argument("--out", type=Path, default=MODEL, help=f"default: {MODEL.relative_to(ROOT)}")
    args = ap.parse_args()
    if args.command == "survey":
        survey_sets(args.out)
    elif args.command == "crossfold":
        crossfold(args.features)
    else:
        fit(args.features, args.out)


if __name__ == "__main__":
    main()
