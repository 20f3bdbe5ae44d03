"""Property: extract_article on random and mutated HTML never raises, never hangs, and returns None or
an Article whose every field has the type crawler/items.py declares.

Three sources of pages: HTML built from a vocabulary of the tags, attributes and class names
extraction looks at (with random text, unclosed tags and broken JSON-LD); random bytes, decoded
the way the spider decodes them; and the demo site's pages with slices cut, repeated, swapped or
overwritten. Under CI (CI=true) the examples are derandomised, so a run is reproducible; locally
each run explores new ones (HYPOTHESIS_PROFILE=long for many more).
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import types
import typing
from contextlib import contextmanager
from datetime import UTC, datetime

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extract import extract_article, parse_html
from crawler.items import Article

from .conftest import SITE

NOW = datetime(2025, 3, 12, 15, 30, tzinfo=UTC)
URL = "https://news.example.org/2025/03/12/a-story"
PER_PAGE_SECONDS = 10  # a page that takes longer than this counts as a hang

settings.register_profile("default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True)
settings.register_profile("long", parent=settings.get_profile("default"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))


# --------------------------------------------------------------------------- the type check


def conforms(value, hint) -> bool:
    """Whether ``value`` has the type ``hint`` (the subset of typing crawler.items uses)."""
    origin = typing.get_origin(hint)
    if isinstance(hint, types.UnionType) or origin is typing.Union:
        return any(conforms(value, h) for h in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if origin is list:
        (item,) = typing.get_args(hint)
        return isinstance(value, list) and all(conforms(v, item) for v in value)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if dataclasses.is_dataclass(hint):
        return isinstance(value, hint) and all(
            conforms(getattr(value, name), h) for name, h in typing.get_type_hints(hint).items()
        )
    return isinstance(value, hint)


def bad_fields(article: Article) -> list[str]:
    hints = typing.get_type_hints(Article)
    return [f"{name}={getattr(article, name)!r:.200}"
            for name, h in hints.items() if not conforms(getattr(article, name), h)]


@contextmanager
def watchdog(seconds: float):
    """Raise TimeoutError in the test if the body runs longer than ``seconds`` (a hang is a failure)."""

    def expired(signum, frame):
        raise TimeoutError(f"extract_article ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(page: str | bytes) -> None:
    with watchdog(PER_PAGE_SECONDS):
        tree = parse_html(page) if isinstance(page, bytes) else page  # bytes: decoded as the spider does
        article = extract_article(tree, URL, NOW) if tree is not None else None
    assert article is None or isinstance(article, Article)
    if article is not None:
        assert bad_fields(article) == []
        assert article.url == URL


# --------------------------------------------------------------------------- strategies

TAGS = ["div", "p", "span", "a", "h1", "h2", "h3", "article", "main", "section", "header", "footer", "nav", "aside",
        "ul", "ol", "li", "table", "thead", "tbody", "tr", "td", "th", "caption", "figure", "figcaption", "img",
        "picture", "source", "blockquote", "cite", "time", "b", "i", "em", "strong", "br", "hr", "iframe", "video",
        "form", "button", "noscript", "template", "svg", "html", "body", "head", "title", "meta", "link", "script"]
CLASSES = ["article", "content", "story", "body", "entry-content", "post", "byline", "author", "date", "published",
           "caption", "credit", "share", "related", "comments", "ad", "newsletter", "read-time", "tags", "lead",
           "standfirst", "summary", "hidden", "meta", "photo", "wp-caption", "headline", "title", "nav", "footer"]
ATTRS = ["class", "id", "href", "src", "srcset", "data-src", "alt", "title", "datetime", "content", "property", "name",
         "itemprop", "rel", "type", "lang", "colspan", "rowspan", "sizes", "role", "aria-hidden", "style", "hidden"]
META_KEYS = ["og:type", "og:title", "og:site_name", "article:published_time", "article:modified_time", "author",
             "article:tag", "twitter:label1", "twitter:data1", "description", "og:url", "keywords", "date"]

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
words = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF, blacklist_categories=("Cs",)), max_size=40)
attr_value = st.one_of(words, st.sampled_from(CLASSES), st.sampled_from(META_KEYS),
                       st.sampled_from(["0", "-1", "999999999", "2", "article", "canonical", "application/ld+json",
                                        "2025-13-45", "0000-00-00", "7 hours ago", "9999999 min read",
                                        "a.jpg 100w, b.jpg 9999999999w", "javascript:alert(1)", "//x", "data:,"]))
attrs = st.dictionaries(st.sampled_from(ATTRS), attr_value, max_size=4)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@graph", "headline", "author", "name", "datePublished", "dateModified",
                         "keywords", "image", "url", "isAccessibleForFree", "timeRequired", "mainEntityOfPage",
                         "publisher", "articleBody", "inLanguage", "description", "@id", "itemListElement"]),
        children, max_size=6),
    max_leaves=20,
)


def _render(tag: str, attributes: dict, children: list[str], close: bool) -> str:
    attr_text = "".join(f' {k}="{v.replace(chr(34), "&quot;")}"' for k, v in attributes.items())
    inner = "".join(children)
    return f"<{tag}{attr_text}>{inner}" + (f"</{tag}>" if close else "")


@st.composite
def element(draw, depth: int = 0):
    tag = draw(st.sampled_from(TAGS))
    attributes = draw(attrs)
    if tag == "script":
        body = draw(st.one_of(json_values.map(json.dumps), words))
        return _render("script", {"type": "application/ld+json"}, [body], True)
    if tag == "meta":
        return _render("meta", {"property": draw(st.sampled_from(META_KEYS)), "content": draw(attr_value)}, [], False)
    children = []
    if depth < 4:
        children = draw(st.lists(st.one_of(text, element(depth + 1)), max_size=5))
    return _render(tag, attributes, children, draw(st.booleans()))


@st.composite
def html_page(draw):
    head = draw(st.lists(element(3), max_size=6))
    body = draw(st.lists(element(), max_size=8))
    doctype = draw(st.sampled_from(["<!DOCTYPE html>", "", "<?xml version='1.0' encoding='latin-1'?>"]))
    return f"{doctype}<html><head>{''.join(head)}</head><body>{''.join(body)}</body></html>"


DEMO_PAGES = sorted(SITE.glob("**/*.html"))


@st.composite
def mutated_demo_page(draw):
    data = bytearray(draw(st.sampled_from(DEMO_PAGES)).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        j = draw(st.integers(i, min(len(data), i + 4000)))
        how = draw(st.sampled_from(["cut", "repeat", "junk", "swap", "truncate", "upper"]))
        if how == "cut":
            del data[i:j]
        elif how == "repeat":
            data[i:i] = data[i:j] * draw(st.integers(2, 20))
        elif how == "junk":
            data[i:j] = draw(st.binary(max_size=200))
        elif how == "swap":
            k = draw(st.integers(0, len(data) - 1))
            a, b = bytes(data[i:j]), bytes(data[k:k + (j - i)])
            data[i:j], data[k:k + len(b)] = b, a
        elif how == "truncate":
            del data[i:]
        else:
            data[i:j] = data[i:j].upper()
    return bytes(data)


# --------------------------------------------------------------------------- the properties


@given(html_page())
def test_random_html(page):
    check(page)


@given(st.binary(max_size=4096))
def test_random_bytes(page):
    check(page)


@given(mutated_demo_page())
def test_mutated_demo_pages(page):
    check(page)


def test_the_demo_pages_themselves_are_articles_of_the_right_types():
    articles = [extract_article(p.read_text(encoding="utf-8"), URL, NOW) for p in SITE.glob("post/*.html")]
    assert articles and all(a is not None and bad_fields(a) == [] for a in articles)


def test_extract_article_on_a_tree_with_a_control_character_in_a_tail():
    """A tree from another parser may hold control characters; removing the <nav> must not raise."""
    tree = lxml.html.document_fromstring(
        b'<html><body><nav><a href="/">Home</a></nav>\x01<main><h1>About us</h1><p>text</p></main></body></html>'
    )
    article = extract_article(tree, URL, NOW)
    assert article is None  # a short "About us" page is no article; the point is that nothing raised
