"""The survey of a page: cheap numbers that tell an article from a page that is not one.

Forums, product pages, listings of teasers, collections, documentation and service pages can hold
as much text as an article. What gives them away is their shape: prices and carts, replies and
avatars, cards repeated down the page, headings that are links, a body cut into list items, no
dated byline, a URL without a slug. ``page_marks`` counts what only the untouched tree shows (run it
before the body stages prune the tree); ``survey`` adds what the extractor found (the body it chose,
the headline, the dates, the JSON-LD type) and the URL's shape. ``pagetype.judge`` scores the result.

Every feature is a float named once here; the names are the model's vocabulary (``pagetype.json``).
No feature reads a host name: the same shapes are checked on sites nobody tuned on.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from ..items import Section
from .dom import link_len
from .jsonld import types_of
from .text import CJK, SENTENCE_STOP

Features = dict[str, float]

# Tags counted on the untouched page (one pass over the tree).
PAGE_TAGS = ("a", "article", "input", "button", "select", "textarea", "form", "time", "pre", "code", "h1", "h2",
             "h3", "h4", "li", "img", "table", "tr", "nav", "aside", "footer", "svg", "label", "dl", "iframe")
_CLASSES, _IDS, _ITEMPROPS = XPath("//@class"), XPath("//@id"), XPath("//@itemprop")
_LINKED_HEADINGS = XPath("count(//h2[.//a]|//h3[.//a]|//h4[.//a])")
ITEMPROP_PRICE = frozenset({"price", "offers", "pricecurrency", "sku", "availability", "brand"})
ITEMPROP_FORUM = frozenset({"comment", "answer", "suggestedanswer", "acceptedanswer", "interactionstatistic",
                            "upvotecount", "commentcount", "answercount"})
_BODY_TEXT = XPath("string-length(normalize-space(/html/body))")
_LINK_TEXTS = XPath("//a//text()")


# Words of class and id names (any template's vocabulary), counted as whole words of the names.
CLASS_WORDS = {
    "price": "price prices pricing cost amount currency msrp discount sale",
    "cart": "cart basket checkout buy purchase addtocart wishlist quantity qty sku stock shipping",
    "product": "product products variant variants swatch pdp spec specs specifications",
    "comment": "comment comments reply replies respond response responses",
    "forum": "forum forums thread threads topic topics post posts postbody message messages discussion answer answers",
    "user": "user username avatar member profile poster signature karma reputation badge joined",
    "vote": "vote votes upvote downvote like likes score points kudos",
    "rating": "rating ratings stars star review reviews",
    "docs": "docs doc documentation toc api sidebar menu version versions code highlight syntax admonition note",
    "pager": "pagination pager paging next prev previous more",
    "card": "card cards teaser teasers tile tiles thumb thumbnail excerpt summary snippet",
    "grid": "grid listing list results result items item collection feed archive river stream",
    "byline": "byline author authors writer contributor",
    "date": "date dateline time timestamp published pubdate posted",
    "share": "share sharing social follow newsletter",
    "article": "article story entry articlebody storybody",
    "form": "form field input search login signin signup register subscribe captcha",
}
_CLASS_GROUP = {word: group for group, words in CLASS_WORDS.items() for word in words.split()}
_NAME_WORD = re.compile(r"[a-z]+")

# JSON-LD @type groups (lower case), and the og:type values counted.
LD_GROUPS = {
    "article": {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report",
                "satiricalarticle", "scholarlyarticle", "socialmediaposting"},
    "tech": {"techarticle", "apireference", "softwaresourcecode", "softwareapplication", "howto", "course"},
    "product": {"product", "offer", "aggregateoffer", "productgroup", "individualproduct", "aggregaterating",
                "review", "brand", "vehicle", "car"},
    "forum": {"discussionforumposting", "qapage", "question", "answer", "comment", "posting"},
    "collection": {"collectionpage", "itemlist", "searchresultspage", "listitem", "offercatalog"},
    "webpage": {"webpage", "itempage", "aboutpage", "contactpage", "profilepage", "faqpage", "checkoutpage",
                "medicalwebpage"},
    "org": {"organization", "localbusiness", "corporation", "store", "restaurant", "place", "postaladdress",
            "onlinebusiness", "person"},
    "event": {"event", "jobposting", "recipe", "movie", "book", "musicrecording", "service", "tvseries"},
    "breadcrumb": {"breadcrumblist"},
    "website": {"website", "searchaction"},
}
OG_TYPES = ("article", "product", "website", "profile", "video", "book")

# Words of URL path segments, generic enough for any site.
PATH_WORDS = {
    "product": r"product|products|shop|store|item|items|p|dp|buy|catalog|catalogue|produkt|produkte|sku",
    "forum": r"forum|forums|thread|threads|topic|topics|t|community|discussion|discussions|questions|q|board|boards|"
             r"viewtopic|showthread|comments",
    "listing": r"category|categories|cat|tag|tags|section|archive|archives|page|search|collections|collection|list|"
               r"lists|browse|index|all|latest|rubrik|kategorie",
    "docs": r"docs|doc|documentation|api|reference|guide|guides|manual|help|support|kb|wiki|learn|tutorial|"
            r"tutorials|developer|developers|en-us|latest|stable|v\d+",
    "news": r"news|article|articles|story|stories|blog|blogs|post|posts|press|artikel|nachrichten|noticias|actualites",
    "service": r"about|about-us|contact|privacy|terms|login|signin|account|cart|pricing|careers|jobs|faq|legal|"
               r"imprint|impressum|datenschutz|kontakt|services|service|team|solutions|features",
}
_PATH_WORD_RES = {k: re.compile(rf"^(?:{v})$") for k, v in PATH_WORDS.items()}
_URL_DATE = re.compile(r"/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)|(?:19|20)\d\d(?:0[1-9]|1[0-2])[0-3]\d")
_NUMERIC_ID = re.compile(r"\d{5,}")
_FILE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?|jsp|cms)$")

# Body text patterns.
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d(?:[\d.,]*\d)?\s?(?:€|EUR|USD|GBP|CHF|kr|zł|руб|円)(?!\w)")
_DATE_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
_DIGIT = re.compile(r"\d")
_QUESTION = re.compile(r"\?")

# Words of the page as features of their own (value 1.0): "w:c:" class and id words, "w:u:" words of the
# URL's path, "w:t:" of the headline, "w:b:" of the body. The judge weighs those its training kept.
WORD_PREFIX = "w:"
_TEXT_WORD = re.compile(r"[^\W\d_]{3,}")

SHORT_LINE_CHARS = 60  # a paragraph shorter than this is a label, a name, a price: not prose
LONG_PARAGRAPH_CHARS = 150  # ...and one at least this long is prose


def page_marks(root: HtmlElement) -> Features:
    """What only the untouched page shows: tags, class and id words, markup of prices and replies."""
    tags = Counter(el.tag for el in root.iter(PAGE_TAGS))
    marks: Features = {f"page.{t}": float(tags[t]) for t in PAGE_TAGS}
    names = " ".join(_CLASSES(root)) + " " + " ".join(_IDS(root))
    counts = Counter(_NAME_WORD.findall(names.lower()))
    marks.update(dict.fromkeys((WORD_PREFIX + "c:" + w for w in counts), 1.0))
    words: Counter[str] = Counter()
    for word in counts.keys() & _CLASS_GROUP.keys():
        words[_CLASS_GROUP[word]] += counts[word]
    marks.update({f"class.{k}": float(words[k]) for k in CLASS_WORDS})
    marks["page.linked_headings"] = _LINKED_HEADINGS(root)
    props = [p.strip().lower() for p in _ITEMPROPS(root)]
    marks["page.itemprop_price"] = float(sum(1 for p in props if p in ITEMPROP_PRICE))
    marks["page.itemprop_forum"] = float(sum(1 for p in props if p in ITEMPROP_FORUM))
    marks["page.text_chars"] = _BODY_TEXT(root)
    marks["page.link_chars"] = float(sum(len(t.strip()) for t in _LINK_TEXTS(root)))
    return marks


def url_shape(url: str) -> Features:
    """The URL's path: depth, a date or a long number in it, a slug of words, words of its segments."""
    parts = urlsplit(url)
    path = parts.path.lower()
    segments = [s for s in path.split("/") if s]
    last = _FILE_SUFFIX.sub("", segments[-1]) if segments else ""
    found: Features = {
        "url.depth": float(len(segments)),
        "url.date": float(bool(_URL_DATE.search(path))),
        "url.numeric_id": float(bool(_NUMERIC_ID.search(path))),
        "url.slug_chars": float(len(last)),
        "url.slug_words": float(len([w for w in re.split(r"[-_+]", last) if w.isalpha()])),
        "url.file_suffix": float(bool(segments) and bool(_FILE_SUFFIX.search(segments[-1]))),
        "url.query": float(bool(parts.query)),
        "url.root": float(not segments),
    }
    for key, words in _PATH_WORD_RES.items():
        found[f"url.word_{key}"] = float(sum(1 for s in segments if words.match(s)))
        found[f"url.last_{key}"] = float(bool(segments) and bool(words.match(last)))
    return found


def declared_types(objs: list[dict], og_type: str | None) -> Features:
    """What the page says it is: JSON-LD @type groups and og:type."""
    types: set[str] = set()
    for obj in objs:
        types |= types_of(obj)
    found = {f"ld.{k}": float(bool(types & v)) for k, v in LD_GROUPS.items()}
    found["ld.objects"] = float(len(objs))
    og = (og_type or "").lower().split(".")[0].strip()
    found.update({f"og.{k}": float(og == k) for k in OG_TYPES})
    found["og.none"] = float(not og)
    return found


def body_shape(sections: list[Section], body: str, container: HtmlElement | None) -> Features:
    """The body the extractor chose: how long, cut into what, how much of it in links, lists, prices."""
    paragraphs = [b.text for s in sections for b in s.blocks if b.kind == "paragraph" and b.text]
    items = [i.text for s in sections for b in s.blocks if b.kind == "list" for i in b.items]
    kinds = Counter(b.kind for s in sections for b in s.blocks)
    chars = len(body) or 1
    para_chars = sum(len(p) for p in paragraphs)
    found: Features = {
        "body.chars": float(len(body) + 2 * len(CJK.findall(body))),
        "body.sections": float(len(sections)),
        "body.headings": float(sum(1 for s in sections if s.heading)),
        "body.paragraphs": float(len(paragraphs)),
        "body.long_paragraphs": float(sum(1 for p in paragraphs if len(p) >= LONG_PARAGRAPH_CHARS)),
        "body.short_paragraph_share": sum(1 for p in paragraphs if len(p) < SHORT_LINE_CHARS) / (len(paragraphs) or 1),
        "body.sentence_share": sum(1 for p in paragraphs if SENTENCE_STOP.search(p)) / (len(paragraphs) or 1),
        "body.paragraph_share": para_chars / chars,
        "body.mean_paragraph": para_chars / (len(paragraphs) or 1),
        "body.max_paragraph_share": max((len(p) for p in paragraphs), default=0) / chars,
        "body.lists": float(kinds["list"]),
        "body.list_items": float(len(items)),
        "body.list_share": sum(len(i) for i in items) / chars,
        "body.quotes": float(kinds["quote"]),
        "body.tables": float(kinds["table"]),
        "body.images": float(kinds["image"]),
        "body.embeds": float(kinds["embed"]),
        "body.prices": float(len(_PRICE.findall(body))),
        "body.dates": float(len(_DATE_IN_TEXT.findall(body))),
        "body.digit_share": len(_DIGIT.findall(body)) / chars,
        "body.questions": float(len(_QUESTION.findall(body))),
    }
    found.update(_container_shape(container))
    return found


def _container_shape(container: HtmlElement | None) -> Features:
    if container is None:
        return {"box.chars": 0.0, "box.link_share": 0.0, "box.links": 0.0, "box.items": 0.0, "box.repeats": 0.0,
                "box.depth": 0.0, "box.is_article": 0.0, "box.is_main": 0.0, "box.is_body": 0.0, "box.headings": 0.0}
    text = len(container.text_content()) or 1
    children = Counter((c.tag, c.get("class")) for c in container if isinstance(c.tag, str))
    depth = sum(1 for _ in container.iterancestors())
    return {
        "box.chars": float(text),
        "box.link_share": link_len(container) / text,
        "box.links": float(sum(1 for _ in container.iter("a"))),
        "box.items": float(sum(1 for _ in container.iter("li"))),
        "box.repeats": float(max(children.values(), default=0)),
        "box.depth": float(depth),
        "box.is_article": float(container.tag == "article"),
        "box.is_main": float(container.tag == "main" or container.get("role") == "main"),
        "box.is_body": float(container.tag in ("body", "html")),
        "box.headings": float(sum(1 for _ in container.iter("h2", "h3", "h4"))),
    }


def page_survey(marks: Features, url: str, objs: list[dict], og_type: str | None, is_typed: bool, title: str | None,
           published_raw: str | None, authors: list[str], byline: str | None, sections: list[Section], body: str,
           container: HtmlElement | None) -> Features:
    """Every feature of the page, for ``pagetype.judge``: the marks of the untouched page, its URL,
    its declared type, its metadata and the shape of its body."""
    found = dict(marks)
    page_chars = marks.get("page.text_chars", 0.0) or 1.0
    found["page.link_share"] = marks.get("page.link_chars", 0.0) / page_chars
    found.update(url_shape(url))
    found.update(declared_types(objs, og_type))
    found.update(body_shape(sections, body, container))
    found["body.page_share"] = found["body.chars"] / page_chars
    for kind, text in (("u:", urlsplit(url).path), ("t:", title or ""), ("b:", body)):
        found.update(dict.fromkeys((WORD_PREFIX + kind + w for w in _TEXT_WORD.findall(text.lower())), 1.0))
    found.update({
        "meta.typed": float(is_typed),
        "meta.title": float(bool(title)),
        "meta.title_words": float(len((title or "").split())),
        "meta.published": float(bool(published_raw)),
        "meta.authors": float(len(authors)),
        "meta.byline": float(bool(byline)),
    })
    return found
