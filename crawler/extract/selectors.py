"""Every XPath and regular expression the extractor uses, compiled once, with named token lists.

The token lists are generic vocabulary of web page templates (class and id words that mean
"navigation", "share buttons", "byline"...). None of them names a site.
"""

from __future__ import annotations

import re

from lxml.etree import XPath

# --------------------------------------------------------------------------- metadata

JSONLD_SCRIPTS = XPath('//script[contains(translate(@type, "JSONLD", "jsonld"), "ld+json")]')
META = XPath("//meta[@content]")
LINK_CANONICAL = XPath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')
HTML_LANG = XPath("/html/@lang | /html/@xml:lang", namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
TITLE = XPath("//head/title | //title")
H1 = XPath("//h1")
TIME_ELEMENTS = XPath("//time[@datetime] | //*[@itemprop='datePublished' or @itemprop='dateModified']")
AUTHOR_ELEMENTS = XPath(
    "//*[@rel='author' or @itemprop='author' or @data-testid='byline' or @class and ("
    "contains(concat(' ', translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), ' '), 'byline')"
    " or contains(concat(' ', translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), ' '), 'author'))]"
)
AUTHOR_LINKS = XPath(
    "//a[contains(@href, '/author/') or contains(@href, '/authors/') or contains(@href, '/autor/')"
    " or contains(@href, '/autoren/') or contains(@href, '/auteur/') or contains(@href, '/by/')"
    " or contains(@href, '/profile/') or contains(@href, '/people/') or contains(@href, '/staff/')"
    " or contains(@href, '/journalist/') or contains(@href, '/redaktion/')]"
)
TAG_LINKS = XPath("//a[@rel='tag' or contains(@rel, ' tag') or contains(@rel, 'tag ')]")

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
        "socialmediaposting", "liveblogposting", "techarticle", "scholarlyarticle", "report", "satiricalarticle",
        "advertisercontentarticle", "medicalscholarlyarticle", "posting", "discussionforumposting",
    }
)
# Page types whose mainEntity may hold the article; their own fields are weaker evidence.
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "aboutpage", "profilepage", "searchresultspage"})
ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "onlinebusiness", "localbusiness"})

# <meta> keys in order of trust, lower-cased (name, property and itemprop share one namespace).
META_TITLE = ("og:title", "twitter:title", "dc.title", "title", "sailthru.title", "parsely-title")
META_AUTHOR = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "byline", "cxenseparse:author", "twitter:creator")
META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "published_time", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "article_date_original", "og:published_time", "cxenseparse:recs:publishtime",
    "date.available", "displaydate", "originalpublicationdate", "publication_date", "article:published",
)
META_MODIFIED = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "dcterms.modified",
    "last-modified", "lastmod", "article.updated", "modified_time", "article:modified",
)
META_DESCRIPTION = ("og:description", "description", "twitter:description", "dc.description")
META_SITE_NAME = ("og:site_name", "application-name", "publisher", "twitter:site", "dc.publisher")
META_LANGUAGE = ("og:locale", "content-language", "language", "dc.language", "inlanguage")
META_TAGS = ("article:tag", "keywords", "news_keywords", "parsely-tags", "sailthru.tags", "article:section")
META_URL = ("og:url", "twitter:url")

# --------------------------------------------------------------------------- body

# Elements whose content is never article text.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "button", "input", "select",
    "textarea", "nav", "footer", "aside", "menu", "dialog", "object", "embed", "map", "link", "meta", "head",
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
        "table", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "header", "address", "hr", "br",
        "center", "details", "summary",
    }
)

# Class/id vocabulary of template parts. A class name (or id) is split into words on '-', '_',
# ':', '.' and camelCase ("article__share-bar" → article, share, bar).
# Words that mark a template part wherever they stand in a class name:
BOILERPLATE_STRONG = frozenset(
    """
    comment comments commentlist disqus respond related relatedposts recommended recommendations
    recirculation outbrain taboola newsletter newsletters subscribe subscription signup
    breadcrumb breadcrumbs cookie cookies consent gdpr popup modal share sharing sharebar sharetools
    social socials socialmedia advert advertisement advertising adslot adunit adsense dfp sponsor
    sponsored promo promotion trending mostread morestories readmore readnext nextread upnext
    toolbar skiplink printonly screenreader sronly footer masthead navbar navigation nav menu topbar
    sidebar regwall piano tinypass upsell placeholder donation donate
    """.split()
)
# Words that mark a template part when they are the last word of a class name ("article-meta",
# "image-credit", "post-tags"), the noun that says what the element is:
BOILERPLATE_HEAD = frozenset(
    """
    meta metadata byline bylines author authors date dates time timestamp dateline published updated
    credit credits copyright caption captions label kicker eyebrow tags tag topics keywords categories
    toc bio biography tools actions counter count rating cta login register hidden
    """.split()
)
# Words that say an element is the content: a class name ending in one of them keeps the element.
CONTENT_WORDS = frozenset(
    "article articlebody body content entry post story text main maincontent postcontent storybody richtext prose".split()
)
AD_WORDS = frozenset({"ad", "ads"})
NEGATIONS = frozenset({"non", "no", "not", "without"})

SPLIT_CLASS = re.compile(r"[\s_\-:/.]+|(?<=[a-z])(?=[A-Z])")

# Paragraph lines that are template furniture when they stand alone.
FURNITURE_LINE = re.compile(
    r"^\W*(advertisement|anzeige|werbung|publicidad|pubblicità|publicité|annonse|annons|reklame|reklam|"
    r"sponsored|scroll to continue|continue reading|read more|lesen sie (auch|mehr)|mehr zum thema|"
    r"auch interessant|das könnte sie auch interessieren|related|see also|recommended|share this( article)?|"
    r"share|teilen|click to share|follow us|sign up|subscribe|newsletter|comments?|kommentare|"
    r"read next|also read|watch|video|photo|image|leer más|lire aussi|lea también|leia também|"
    r"zum artikel|zur startseite|startseite|weiterlesen|mehr lesen|more)\W*$",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- text patterns

WS = re.compile(r"\s+")
READ_TIME = re.compile(
    r"(?:\b\d+(?:[.,]\d+)?\s*(?:hrs?|hours?)\s*)?\b\d+(?:[.,]\d+)?\s*(?:min(?:ute)?s?|minuten|minutes|minutos|minuti|"
    r"dk|dakika|分|분|sec(?:ond)?s?)\.?\s*"
    r"(?:read(?:ing)?(?:\s+time)?|lesezeit|lesedauer|de lecture|de lectura|di lettura|de leitura|okuma|leestijd|"
    r"lesetid|läsning|läsetid|czytania)\b"
    r"|(?:reading time|read time|lesezeit|lesedauer|temps de lecture|lectura|tiempo de lectura|tempo di lettura|"
    r"tempo de leitura|okuma süresi|leestijd|lesetid|läsetid|czas czytania)\s*:?\s*(?:ca\.?\s*)?\d+\s*"
    r"(?:min(?:ute)?s?|minuten|minutes|minutos|minuti|dk|dakika|min\.?)\b",
    re.IGNORECASE,
)
CREDIT_PREFIX = re.compile(
    r"(?:^|[\s(\[|/])(?:photo(?:graph)?s?|image(?:\s+source)?|picture|credit|source|foto(?:s|grafie)?|bild(?:quelle)?|"
    r"quelle|fotó|imagen|immagine|crédit(?:o)?s?|©|\(c\)|copyright)\s*(?::|by|von|de|di|\u00a9)\s*(.+?)[)\]]?\s*$",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(.+?)\s*$", re.IGNORECASE)
BYLINE_PREFIX = re.compile(r"^\s*(?:by|von|par|por|di|da|door|av|af|przez|written by|text:|texto:)\s+", re.IGNORECASE)
