"""extract_article(..., trace=Trace()): every block a rule drops is recorded with the rule's name."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from crawler.extract import Trace, extract_article
from crawler.extract.trace import DROP, KEEP, RULES, STAGES, explain, rule
from crawler.items import plain

NOW = datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc)
ARTICLE = '<meta property="og:type" content="article">'
PARAS = "".join(f"<p>Paragraph {i} of the story, long enough to be text, with a comma, and more words.</p>"
                for i in range(6))
PAGE = (
    f"<html><head>{ARTICLE}</head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World news and more</a></nav>"
    f"<article><h1>The headline</h1><p>Updated 12 March 2025</p>{PARAS}"
    "<div class='share-buttons'><p>Share this story on Facebook, Twitter, and in an e-mail to friends.</p></div>"
    "<h2>Related</h2>"
    "<div><a href='/other'><h3>Another story's headline</h3></a><p>The first lines of another story.</p></div>"
    "</article></body></html>"
)


def traced(html: str = PAGE) -> tuple[object, Trace]:
    trace = Trace()
    return extract_article(html, "https://a.org/x", NOW, trace=trace), trace


def only(trace: Trace, name: str):
    found = [r for r in trace if r.rule == name]
    assert found, f"no record of {name}: {[r.rule for r in trace]}"
    return found


def test_the_trace_changes_nothing_in_the_article():
    with_trace, _ = traced()
    without = extract_article(PAGE, "https://a.org/x", NOW)
    assert plain(with_trace) == plain(without)


def test_a_template_box_is_dropped_by_the_vocabulary_word_that_names_it():
    article, trace = traced()
    record = only(trace, "template-word")[0]
    assert (record.stage, record.verdict, record.tag, record.names, record.detail) == (
        "template vocabulary", DROP, "div", "share-buttons", "share")
    assert record.text.startswith("Share this story") and "Share this" not in article.body


def test_navigation_is_pruned_as_a_structural_tag():
    _, trace = traced()
    record = only(trace, "structural-tag")[0]
    assert (record.stage, record.tag, record.text) == ("prune", "nav", "Home World news and more")


def test_a_box_label_set_as_a_heading_is_dropped_by_the_line_rule_it_breaks():
    _, trace = traced()
    record = only(trace, "box-label")[0]
    assert (record.stage, record.tag, record.text) == ("line rules", "h2", "Related")


def test_a_teaser_headline_and_the_rest_of_its_card():
    article, trace = traced()
    assert only(trace, "teaser-headline")[0].text == "Another story's headline"
    under = only(trace, "under-teaser-headline")[0]
    assert under.text == "The first lines of another story." and under.text not in article.body


def test_a_date_line_is_dropped_by_a_line_rule_with_its_element():
    _, trace = traced()
    record = only(trace, "date-line")[0]
    assert (record.stage, record.tag, record.text, record.length) == ("line rules", "p", "Updated 12 March 2025", 21)


def test_the_container_and_the_text_outside_it():
    _, trace = traced()
    kept = only(trace, "chosen-container")[0]
    assert kept.verdict == KEEP and kept.tag == "article"


def test_a_page_that_is_no_article_says_which_rule_rejected_it():
    article, trace = traced("<html><body><p>Short page.</p></body></html>")
    assert article is None
    assert [r.rule for r in trace if r.stage == "page"] == ["untitled-untyped-page"]


def test_records_are_machine_readable_and_name_known_rules():
    _, trace = traced()
    assert len(trace) > 5
    for record in trace:
        assert record.rule in RULES and RULES[record.rule].stage == record.stage in STAGES
        assert record.verdict in (DROP, KEEP)
        data = json.loads(json.dumps(record.as_json()))
        assert data["length"] == len(data["text"]) and data["rule"] == record.rule


def test_explain_prints_each_dropped_block_with_its_rule():
    _, trace = traced()
    lines = explain(trace)
    assert "template vocabulary:" in lines
    assert any(line.strip().startswith("drop template-word [share]: <div share-buttons>") for line in lines)


@pytest.mark.parametrize("name", ["template-word", "date-line"])
def test_a_rule_name_is_defined_once(name):
    with pytest.raises(ValueError, match="defined twice"):
        rule(name, "line rules", "a second rule of the same name")


def test_every_rule_says_why_it_exists():
    assert all(made.why and made.name == name for name, made in RULES.items())
