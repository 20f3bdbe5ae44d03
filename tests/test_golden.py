"""Golden pages: one small hand-written page per markup style, and the article expected from it
(``null`` for a page that is not an article: a listing of teasers, a product page).

A failure names the case and the field; if the change is intended, regenerate with
`.venv/bin/python -m tests.golden.regenerate CASE` and review the diff of the JSON file.
"""

from __future__ import annotations

import json

import pytest

from crawler.items import Article
from tests.golden.regenerate import HERE, cases, extract_case

# What the extractor fills: not the hash, nor what the spider or the store set (metadata managed_by).
FIELDS = [name for name, f in Article.__dataclass_fields__.items()
          if name != "content_hash" and "managed_by" not in f.metadata]


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict | None]:
    return {case: extract_case(case) for case in cases()}


def expected(case: str) -> dict | None:
    return json.loads((HERE / f"{case}.json").read_text(encoding="utf-8"))


def _cases(articles: bool) -> list[str]:
    """The cases whose expected JSON is an article (or, with ``articles=False``, null: no article)."""
    return [c for c in cases() if (HERE / f"{c}.json").exists() and (expected(c) is not None) == articles]


def test_every_case_has_its_expected_article():
    assert cases(), "no golden cases"
    missing = [c for c in cases() if not (HERE / f"{c}.json").exists()]
    assert not missing, f"run: .venv/bin/python -m tests.golden.regenerate {' '.join(missing)}"


@pytest.mark.parametrize("case", _cases(articles=True))
@pytest.mark.parametrize("field", FIELDS)
def test_golden_field(extracted, case, field):
    want = expected(case)[field]
    assert extracted[case] is not None, f"{case}: no article extracted (tests/golden/{case}.json holds one)"
    got = extracted[case][field]
    assert got == want, f"{case}.{field} differs from tests/golden/{case}.json"


@pytest.mark.parametrize("case", _cases(articles=False))
def test_golden_page_that_is_no_article(extracted, case):
    assert extracted[case] is None, f"{case}: an article was extracted, tests/golden/{case}.json says none (null)"
