"""exports.summary (what `make demo` prints): one count per skip/fail reason, and the limits hit."""

from __future__ import annotations

import json

from exports.summary import summarize
from pipelines import schema

STATS = {
    "newsdesk/stored": 3, "newsdesk/skipped/too_large": 2, "newsdesk/skipped/redirect_loop": 1,
    "newsdesk/failed/timeout": 4, "newsdesk/failed/http_503": 1, "newsdesk/limited/max_hops": 7,
    "newsdesk/retry_after/honoured": 2,
}


def test_the_summary_counts_each_reason():
    db = schema.open_database(":memory:")
    db[schema.RUNS].insert({"spider": "news", "started_at": "a", "finished_at": "b", "finish_reason": "finished",
                            "articles_stored": 3, "pages_failed": 5, "pages_skipped": 3, "stats": json.dumps(STATS)})
    text = summarize(db)
    assert "pages skipped: 3 (redirect_loop: 1, too_large: 2)" in text
    assert "pages failed: 5 (http_503: 1, timeout: 4)" in text
    assert "limits: limited/max_hops: 7, retry_after/honoured: 2" in text
