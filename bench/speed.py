"""Extraction cost per page on the benchmark dev sets, in CPU time, steadier than pages/s.

    .venv/bin/python bench/speed.py [--passes 5] [--sets zyte-dev fundus-dev] [--reference]

Loads every page of the sets into memory (gzip already undone), then runs exactly what
``bench/extract.py`` runs per page (``protocol_line`` minus the file read: ``extract_article`` and
``normalize_article``) over all of them, ``--passes`` times, and prints the minimum CPU
milliseconds per page over the passes (the minimum is the figure least disturbed by whatever else
the shared machine does). ``--reference`` times ``trafilatura.bare_extraction`` the same way, in
the same process, so the two can be compared as a ratio.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extract import extract_article  # noqa: E402
from pipelines.normalize import normalize_article  # noqa: E402

BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


def load(sets: list[str]) -> list[tuple[str, bytes, datetime | None]]:
    pages = []
    for name in sets:
        folder = BENCHMARKS / name
        for line in (folder / "truth.jsonl").read_text().splitlines():
            rec = json.loads(line)
            fetched = rec.get("fetched_at")
            when = datetime.fromisoformat(fetched) if fetched else None
            if when is not None and when.tzinfo is None:
                when = when.replace(tzinfo=timezone.utc)
            pages.append((rec["url"], gzip.open(folder / rec["html"]).read(), when))
    return pages


def newsdesk(url: str, html: bytes, fetched_at: datetime | None) -> None:
    article = extract_article(html, url, fetched_at)
    if article is not None:
        normalize_article(article, now=fetched_at)


def reference(url: str, html: bytes, fetched_at: datetime | None) -> None:
    import trafilatura

    trafilatura.bare_extraction(html, url=url, with_metadata=True)


def min_ms_per_page(fn, pages, passes: int) -> float:
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for url, html, fetched_at in pages:
            fn(url, html, fetched_at)
        best = min(best, time.process_time() - start)
    return 1000 * best / len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--sets", nargs="+", default=["zyte-dev", "fundus-dev"])
    parser.add_argument("--reference", action="store_true", help="also time trafilatura.bare_extraction")
    args = parser.parse_args()
    pages = load(args.sets)
    newsdesk(*pages[0])  # imports and lazy loads out of the timing
    ours = min_ms_per_page(newsdesk, pages, args.passes)
    print(f"newsdesk     {ours:7.2f} ms/page (min CPU over {args.passes} passes, {len(pages)} pages)")
    if args.reference:
        reference(*pages[0])
        theirs = min_ms_per_page(reference, pages, args.passes)
        print(f"trafilatura  {theirs:7.2f} ms/page   ratio {theirs / ours:.2f}x")


if __name__ == "__main__":
    main()
