"""Write tests/golden/<case>.json from <case>.html with the current extractor.

    .venv/bin/python -m tests.golden.regenerate [CASE ...]

Review every change (`git diff tests/golden`) before committing: the JSON files are the expected
articles, checked by hand, and tests/test_golden.py compares the extractor's output with them.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from crawler.extract import extract_article
from crawler.items import Article
from pipelines.normalize import normalize_article

HERE = Path(__file__).resolve().parent
FETCHED_AT = datetime(2025, 12, 1, 12, 0, tzinfo=timezone.utc)


def case_url(case: str) -> str:
    return f"https://golden.example/{case}"


def extract_case(case: str) -> dict | None:
    """The normalised article of a golden case as plain JSON values; None for a page that is not an
    article (its JSON file holds ``null``: a listing, a product page)."""
    html = (HERE / f"{case}.html").read_bytes()
    article = extract_article(html, case_url(case), FETCHED_AT)
    if article is None:
        return None
    normalize_article(article)
    values = json.loads(json.dumps(dataclasses.asdict(article), default=lambda v: v.isoformat(), ensure_ascii=False))
    # What the spider and the store set (metadata managed_by) is not the extractor's to fill.
    return {name: value for name, value in values.items() if "managed_by" not in Article.__dataclass_fields__[name].metadata}


def cases() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.html"))


def main(argv: list[str]) -> None:
    for case in argv or cases():
        out = HERE / f"{case}.json"
        out.write_text(json.dumps(extract_case(case), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main(sys.argv[1:])
