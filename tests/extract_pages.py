"""Small inline pages shared by the extractor tests (tests/test_extract_*.py)."""

from __future__ import annotations

from datetime import datetime, timezone

NOW = datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc)
PARAS = "".join(f"<p>Paragraph {i} of the story, long enough to be text, with a comma, and more words.</p>" for i in range(8))


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


ARTICLE = '<meta property="og:type" content="article">'
STORY = "".join(f"<p>Sentence {i} of the report tells what the council decided, and why it matters here.</p>"
                for i in range(8))
