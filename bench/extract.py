"""newsdesk's extractor for ../shared/benchmarks/score.py (the JSON-lines protocol of its README).

It calls exactly what the crawl calls: ``extract_article`` on the page, then ``normalize_article``
with the request's ``fetched_at`` as the fetch time. Loads once, streams, and a page that raises
yields a line with ``error`` while the run goes on.
"""

from __future__ import annotations

import gzip
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.extract import extract_article  # noqa: E402
from crawler.items import plain  # noqa: E402
from pipelines.normalize import normalize_article  # noqa: E402

NAME = "newsdesk"


def _fetched_at(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    # A naive crawl time is the crawler's local wall time; taken as UTC it is off by hours at most.
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def protocol_line(req: dict) -> dict:
    with gzip.open(req["html_path"]) as fh:
        html = fh.read()
    fetched_at = _fetched_at(req.get("fetched_at"))
    article = extract_article(html, req.get("url") or "", fetched_at)
    if article is None:
        return {"id": req["id"], "body": "", "extractor": NAME}
    normalize_article(article, now=fetched_at)
    sections = [
        {
            "heading": s.heading,
            "paragraphs": [b.text for b in s.blocks if b.kind in ("paragraph", "quote") and b.text],
        }
        for s in article.sections
    ]
    return {
        "id": req["id"],
        "title": article.title,
        # Everyone the byline credits: people first, then agencies and organisations.
        "authors": article.authors + [o for o in article.organizations if o not in article.authors],
        "published": article.published_at.isoformat() if article.published_at else None,
        "body": article.body or "",
        "sections": sections,
        "summary": article.lead,
        "extractor": NAME,
        "article": plain(article),
    }


def main() -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            out = protocol_line(req)
        except Exception as exc:  # one bad page must not stop the run
            out = {"id": req.get("id"), "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
