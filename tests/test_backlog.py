"""UrlBacklog: records wait on disk, first in first out."""

from __future__ import annotations

from crawler.backlog import UrlBacklog


def test_records_come_back_in_order_a_batch_at_a_time():
    backlog = UrlBacklog()
    for i in range(2500):
        backlog.push({"url": f"https://a.org/{i}", "callback": "parse_page", "meta": {}})
    assert len(backlog) == 2500
    batches = [backlog.pop(1000) for _ in range(3)]
    assert [len(b) for b in batches] == [1000, 1000, 500]
    assert [r["url"] for b in batches for r in b] == [f"https://a.org/{i}" for i in range(2500)]
    assert backlog.pop(10) == [] and len(backlog) == 0
    backlog.close()


def test_pushing_after_a_pop_keeps_the_order():
    backlog = UrlBacklog()
    backlog.push("a")
    backlog.push("b")
    assert backlog.pop(1) == ["a"]
    backlog.push("c\\n\\u00e9")
    assert backlog.pop(5) == ["b", "c\\n\\u00e9"]
    backlog.close()
