"""extract_article on small inline pages: what is an article, JSON-LD first, broken input."""

from __future__ import annotations

from crawler.extract import extract_article

from .extract_pages import ARTICLE, NOW, PARAS, STORY, page


def test_not_an_article_returns_none():
    assert extract_article(page("<nav><a href='/a'>A</a></nav><p>Short.</p>"), "https://a.org/", NOW) is None


def test_empty_page_returns_none():
    assert extract_article("", "https://a.org/", NOW) is None


def test_json_ld_first():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD headline",'
          ' "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Wire"}],'
          ' "datePublished": "2025-03-03T17:04:00+01:00", "keywords": "a, b", "isAccessibleForFree": "False"}</script>')
    art = extract_article(page(PARAS, ld), "https://a.org/x", NOW)
    assert (art.title, art.authors, art.organizations) == ("LD headline", ["Jane Doe"], ["Wire"])
    assert art.published_raw == "2025-03-03T17:04:00+01:00"
    assert art.tags == ["a", "b"] and art.is_paywalled is True


def test_broken_and_deep_json_ld_do_not_stop_the_page():
    deep = '{"a":' * 10000 + "1" + "}" * 10000
    head = f'<script type="application/ld+json">{{ broken</script><script type="application/ld+json">{deep}</script>'
    art = extract_article(page(f"<h1>T</h1>{PARAS}", head + '<meta property="og:type" content="article">'), "https://a.org/x", NOW)
    assert art is not None and "Paragraph 3" in art.body


def test_box_labels_and_tip_lines_are_not_sections():
    body = (f"<article><h2>Key points</h2><ul><li>One point of the story</li></ul>{PARAS}"
            f"<h2>Got a story? Email tips@paper.example</h2>{PARAS}<h2>The real section</h2>{PARAS}</article>")
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert [s.heading for s in art.sections if s.heading] == ["The real section"]
    assert "One point of the story" in art.body and "Paragraph 7" in art.body


def test_a_post_whose_headline_links_to_itself_is_text():
    # Blog themes link a post's title to its own address: a whole post is no teaser card.
    post = f'<article><h2><a href="/x">Council decides</a></h2>{STORY}</article>'
    body = f"<main>{post}<div><p>Comments are closed.</p></div></main>"
    assert "Sentence 7 of the report" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
