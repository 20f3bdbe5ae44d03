"""Article metadata: one small function per field, JSON-LD first, then <meta>, then the DOM.

Each function returns the raw string (or list of strings) the page states, or None on a miss;
normalisation (dates, read times, author names) happens in ``pipelines``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from . import selectors as sel
from .jsonld import text_value, types_of
from .text import text_of

MetaMap = dict[str, list[str]]

_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|·|•|»|«|/|:|\*)\s+|\s*[|｜]\s*|\s*[:：](?=\S)")
_NAME_LIKE = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+\s+){1,3}[A-ZÀ-ÖØ-Þ][\w'’.-]+$")
_URLISH = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)/", re.IGNORECASE)


def clean_text(text: str | None) -> str:
    return " ".join((text or "").split())


def meta_map(root: HtmlElement) -> MetaMap:
    """Every <meta> content keyed by its lower-cased name, property or itemprop, in page order."""
    found: MetaMap = {}
    for el in sel.META(root):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = clean_text(el.get("content"))
        if key and content:
            found.setdefault(key.strip().lower(), []).append(content)
    return found


def first_meta(metas: MetaMap, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        values = metas.get(key)
        if values:
            return values[0]
    return None


# --------------------------------------------------------------------------- title


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def strip_site_suffix(title: str, site_names: set[str]) -> str:
    """Drop " | Site name" (or "Site name | ") around a headline, when the part dropped names the site,
    or is a short tail after a pipe: "Headline | Section | Site", "Site | Section | Headline",
    "Headline * Site * by Author" (a short last part after the site goes with it)."""
    sites = {_fold(s) for s in site_names if s and len(_fold(s)) > 1}

    def names_site(part: str) -> bool:
        folded = _fold(part)
        return bool(folded) and any(folded == s or (len(s) > 3 and (s in folded or folded in s)) for s in sites)

    def is_site(part: str) -> bool:
        """The part is the site's name (a word or two around it at most), not a headline that names it."""
        folded = _fold(part)
        return names_site(part) and any(folded in s or len(folded.split()) <= len(s.split()) + 1 for s in sites)

    matches = list(_SEPARATORS.finditer(title))
    if not matches:
        return title
    last = matches[-1]
    head, tail = title[: last.start()].strip(), title[last.end():].strip()
    if head and names_site(tail):
        return strip_site_suffix(head, site_names)
    if len(matches) > 1 and len(tail.split()) <= 4:
        before = matches[-2]
        head2, site = title[: before.start()].strip(), title[before.end(): last.start()].strip()
        if len(head2.split()) >= 3 and len(site.split()) <= 5 and names_site(site):
            return strip_site_suffix(head2, site_names)
    first = matches[0]
    lead, rest = title[: first.start()].strip(), title[first.end():].strip()
    if rest and is_site(lead) and len(rest.split()) >= 3:
        section = _SEPARATORS.search(rest)
        if section and "|" in section.group() and len(rest[: section.start()].split()) <= 3:
            headline = rest[section.end():].strip()
            return headline if len(headline.split()) >= 3 else rest
        return rest
    if head and "|" in last.group() and len(tail.split()) <= 4 and len(head.split()) >= 3:
        return strip_site_suffix(head, site_names)
    return title


def _close(a: str, b: str) -> bool:
    """The same headline, or one the other with a kicker or tail added."""
    fa, fb = _fold(a), _fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    return len(short) >= 12 and (long_.startswith(short) or long_.endswith(short))


_QUOTE_FORMS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‹": "'", "›": "'", "´": "'", "`": "'",
                              "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@lru_cache(maxsize=4096)
def _normal(text: str) -> str:
    """A headline as sources are compared: NFKC, without format characters (soft hyphens, zero-width
    spaces), one form of each quote mark, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.translate(_QUOTE_FORMS).split())


def title_candidates(root: HtmlElement, metas: MetaMap, article_ld: dict | None, site_names: set[str],
                     title: str | None) -> list[str]:
    """Every version of the headline the page states (for telling headline repeats from subheadings)."""
    ld_title = clean_text(text_value(article_ld.get("headline"))) if article_ld else ""
    og = strip_site_suffix(first_meta(metas, ("og:title",)) or "", site_names)
    tw = strip_site_suffix(first_meta(metas, ("twitter:title",)) or "", site_names)
    return [t for t in dict.fromkeys((title, ld_title, og, tw)) if t]


def extract_title(root: HtmlElement, metas: MetaMap, article_ld: dict | None, site_names: set[str]) -> str | None:
    """The headline the page's sources vote for: og:title (site name taken off), JSON-LD headline,
    the <h1>, twitter:title; <title> when nothing else exists. og:title weighs more than any two
    others: it is the headline the publisher wrote for this story (the one it shows wherever the
    story is shared), while the <h1> and the JSON-LD headline are often the page's SEO or layout
    variant of it; the other three agreeing against it still win, and an og:title that is only the
    site's name (a template default) does not vote. Sources that differ only in quote marks or
    invisible characters agree; the <h1>'s wording is kept when it is among them, without soft
    hyphens and zero-width spaces."""
    title = _pick_title(root, metas, article_ld, site_names)
    return _INVISIBLE.sub("", title) or None if title else None


_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_OG_WEIGHT = 2.5


def _pick_title(root: HtmlElement, metas: MetaMap, article_ld: dict | None, site_names: set[str]) -> str | None:
    ld_title = clean_text(text_value(article_ld.get("headline") or article_ld.get("name"))) if article_ld else ""
    og = strip_site_suffix(first_meta(metas, ("og:title",)) or "", site_names)
    if _fold(og) in {_fold(s) for s in site_names}:
        og = ""
    tw = strip_site_suffix(first_meta(metas, ("twitter:title",)) or "", site_names)
    h1s = [t for t in (text_of(h) for h in sel.H1(root)) if t and len(t) < 400]
    h1 = next((h for h in h1s if any(_close(h, c) for c in (ld_title, og, tw) if c)), h1s[0] if h1s else "")
    weighted = [(c, w) for c, w in ((og, _OG_WEIGHT), (ld_title, 1), (h1, 1), (tw, 1)) if c]
    candidates = [c for c, _ in weighted]
    if not candidates:
        titles = sel.TITLE(root)
        doc_title = clean_text(titles[0].text_content()) if titles else ""
        meta_title = first_meta(metas, sel.META_TITLE) or doc_title
        return strip_site_suffix(meta_title, site_names) or None
    votes: dict[str, float] = {}
    for c, weight in weighted:
        votes[_normal(c)] = votes.get(_normal(c), 0) + weight
    best = max(votes.values())
    winner = next(c for c in candidates if votes[_normal(c)] == best)
    if h1 and _normal(h1) == _normal(winner):
        winner = h1  # the wording as the page shows it
    # "Kicker: Headline" or "Headline - Section", where another source states the headline alone:
    # the kicker and the section are labels around the headline, not part of it.
    whole = _normal(winner)
    for c in candidates:
        part = _normal(c)
        if 20 <= len(part) < len(whole) and (
            whole.endswith(part) and _KICKER_SEP.search(whole[: -len(part)].rstrip() + " ")
            or whole.startswith(part) and _TAIL_SEP.match(whole[len(part):])
        ):
            return c
    # Two sources put different kickers before the same headline ("Kicker A: Headline", "Kicker B - Headline").
    for c in candidates:
        shared = _shared_headline(winner, c)
        if shared:
            return shared
    return winner


def _shared_headline(a: str, b: str) -> str | None:
    """The words two titles end with, when each puts its own kicker before them: where they start to
    differ (read from the end), both have a kicker separator, and each kicker is shorter than the rest."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    if n >= min(len(a), len(b)):
        return None  # one ends the other (or they are equal): not two kickers
    split = len(a) - n
    for match in _KICKER_END.finditer(a, max(0, split - 3), split + 3):
        if match.start() <= split <= match.end():
            shared = a[match.end():]
            kickers = (a[: -len(shared)], b[: -len(shared)])
            if len(shared) >= 20 and all(len(k) < len(shared) and _KICKER_SEP.search(k.rstrip() + " ")
                                         for k in kickers):
                return shared
    return None


_KICKER_END = re.compile(r"[:|]\s+|\s[-–—]\s+")
_KICKER_SEP = re.compile(r"[:|]\s+$|\s[-–—]\s+$")
_TAIL_SEP = re.compile(r"\s*(?:\s[-–—|]\s|:\s)")


# --------------------------------------------------------------------------- people


def _ld_people(value, people: list[str], orgs: list[str], depth: int = 0) -> None:
    if depth > 4 or value is None:
        return
    if isinstance(value, list):
        for item in value:
            _ld_people(item, people, orgs, depth + 1)
        return
    if isinstance(value, str):
        if value.strip() and not _URLISH.search(value):
            people.append(value.strip())
        return
    if isinstance(value, dict):
        name = text_value(value.get("name"))
        if not name:
            given, family = text_value(value.get("givenName")), text_value(value.get("familyName"))
            name = " ".join(x for x in (given, family) if x) or None
        if not name or _URLISH.search(name):
            return
        # The CMS's administrator account posts for the site; its display name is no byline.
        is_org = types_of(value) & sel.ORGANIZATION_TYPES or _is_admin_account(value)
        (orgs if is_org else people).append(name)


_ADMIN_ACCOUNT = re.compile(r"/author/admin/?$", re.IGNORECASE)


def _is_admin_account(author: dict) -> bool:
    """A JSON-LD author whose profile is the CMS's administrator account ("…/author/admin/")."""
    return bool(_ADMIN_ACCOUNT.search(text_value(author.get("url")) or text_value(author.get("@id")) or ""))


def house_accounts(article_ld: dict | None) -> set[str]:
    """Display names of the CMS's administrator account among the JSON-LD authors ("Valley D"): the
    site posting under another name, a credit of the site like its own name."""
    authors = article_ld.get("author") if article_ld else None
    names = set()
    for value in authors if isinstance(authors, list) else [authors]:
        if isinstance(value, dict) and _is_admin_account(value):
            name = text_value(value.get("name"))
            if name:
                names.add(name)
    return names


_NOT_BYLINE_TAGS = ("meta", "link", "script", "style", "body", "html", "article", "main", "section")
_NOT_BYLINE_PLACES = ("form", "figure", "figcaption", "footer", "nav", "aside", "blockquote")
_NOT_A_NAME = re.compile(
    r"^(?:by|von|par|por|de|di|door|av|af|author|autor|auteur|name|redaktion|editor)\W*$|\*|enter your|"
    r"^(?:image|photo|foto|bild|credit|quelle|source)\s*:|\b(?:getty images|istockphoto|shutterstock|imago)\b|"
    rf"^(?:twitter|facebook|instagram|linkedin|e-?mail|whatsapp|share)\b|{sel.EMAIL.pattern}",
    re.IGNORECASE,
)


def _in_template(el: HtmlElement) -> bool:
    """A byline-looking element inside a form, a figure, a comment list or a footer is not the byline."""
    parent = el.getparent()
    depth = 0
    while parent is not None and depth < 12:
        if parent.tag in _NOT_BYLINE_PLACES:
            return True
        cls = (parent.get("class") or "") + " " + (parent.get("id") or "")
        if "comment" in cls.lower():
            return True
        parent = parent.getparent()
        depth += 1
    return False


def _author_elements(root: HtmlElement):
    """Elements that hold a byline: rel/itemprop/test id, or a class naming the author; in order."""
    for el in root.iter(etree.Element):
        cls = el.get("class")
        if (cls and sel.AUTHOR_CLASS.search(cls) or el.get("rel") == "author" or el.get("itemprop") == "author"
                or el.get("data-testid") == "byline"):
            yield el


def _dom_bylines(root: HtmlElement) -> list[str]:
    """Names in the page's first byline: the first author element and those sharing its parent
    (author elements further down belong to teasers and related stories)."""
    people: list[str] = []
    first_parent = None
    for el in _author_elements(root):
        if el.tag in _NOT_BYLINE_TAGS or _in_template(el):
            continue
        if first_parent is not None and el.getparent() is not first_parent and first_parent not in el.iterancestors():
            break
        name_el = el.find('.//*[@itemprop="name"]')
        text = text_of(name_el if name_el is not None else el)
        if text and len(text) < 120 and not _NOT_A_NAME.search(text):
            # A part of a byline already taken whole ("capital", "von Jane Doe" in "capital von Jane Doe").
            if not any(text in p for p in people):
                people.append(text)
            if first_parent is None:
                first_parent = el.getparent()
        if len(people) >= 6:
            break
    if not people:
        people = _labelled_byline(root)
    if not people:
        for a in sel.AUTHOR_LINKS(root):
            if _in_template(a) or "license" in (a.get("rel") or "") or "/licenses/" in (a.get("href") or ""):
                continue  # "creativecommons.org/licenses/by/3.0/" is no profile page
            text = clean_text(a.text_content())
            if _NAME_LIKE.match(text) and text not in people:
                people.append(text)
            if len(people) >= 3:
                break
    return people


# A label set before the names: "Von:", "By", "Autorin/Autor", "Text:" (a word this common needs its colon).
_BYLINE_LABEL = re.compile(
    r"^(?:(?:by|von|par|por|door|av|af|di|yazan|written by|verfasst von|geschrieben von|écrit par|escrito por|"
    r"scritto da|authors?|autor(?:in|en|innen)?(?:\s*/\s*autor(?:in|en|innen)?)?|auteur|autore|yazar)\s*[:：]?"
    r"|(?:text|texte|testo|tekst)\s*[:：])$",
    re.IGNORECASE,
)


_LABEL_TAGS = ("strong", "b", "span", "em", "i", "small", "label", "dt", "th", "td", "li", "p", "div")


def _labelled_byline(root: HtmlElement) -> list[str]:
    """The names after the first byline label in the page: "<li><strong>Autor</strong> Jane Doe</li>",
    "<li>Von: <a>Jane Doe</a>, <a>John Roe</a></li>", "<dt>Author</dt><dd>Jane Doe</dd>". The label is
    an element's whole own text (or a comment's tail: "<div><!-- -->Written by <a>…</a> on …</div>");
    the names are the links of its element when it holds some, else the rest of its element or what
    follows it up to the next label of its kind. Names hold no digits (a date line is no byline)."""
    for el, label in _label_texts(root):
        if not label or len(label) > 200 or not _BYLINE_LABEL.match(label.strip()):
            continue
        if el.tag in _NOT_BYLINE_TAGS or _in_template(el):
            continue
        if any(isinstance(child.tag, str) for child in el):
            links = [clean_text(a.text_content()) for a in el.iter("a")]
            text = ", ".join(t for t in links if t) or el.text_content().split(label, 1)[-1]
        else:
            parts = [el.tail or ""]
            for sibling in el.itersiblings():
                if sibling.tag == el.tag:
                    break
                parts += [sibling.text_content() if isinstance(sibling.tag, str) else "", sibling.tail or ""]
            text = "".join(parts)
        text = clean_text(text).strip(" ,;|·•")
        if 2 < len(text) < 100 and not any(c.isdigit() for c in text) and not _NOT_A_NAME.search(text):
            return [text]
    return []


def _label_texts(root: HtmlElement):
    """(element, its own text) for the elements a label is set in, then (parent, tail) of comments
    (front ends put empty comments before a label)."""
    for el in root.iter(*_LABEL_TAGS):
        yield el, el.text
    for comment in root.iter(etree.Comment):
        parent = comment.getparent()
        if parent is not None and comment.tail and not (parent.text or "").strip():
            yield parent, comment.tail


_WRITTEN_BY = re.compile(r"^(?:written by|author|by|verfasst von|geschrieben von|autor(?:in)?|auteur|écrit par)\W*$",
                         re.IGNORECASE)


def labelled_meta(metas: MetaMap, label: re.Pattern, pairs: int = 4) -> str | None:
    """Yoast's reading-card pairs: the "twitter:dataN" whose "twitter:labelN" matches ("Written by",
    "Est. reading time"), or the same pair in one tag, as headless front ends write Yoast's
    ``twitter_misc`` ("twitter:misc:Written by")."""
    for i in range(1, pairs + 1):
        name = first_meta(metas, (f"twitter:label{i}",))
        if name and label.search(name):
            return first_meta(metas, (f"twitter:data{i}",))
    for key, values in metas.items():
        if key.startswith("twitter:misc:") and label.search(key[13:]):
            return values[0]
    return None


def credits_site(name: str, site_names: set[str] | frozenset) -> bool:
    """Whether an author credit names the site itself ("by Lesotho Times", "Ilanga D")."""
    folded = f" {_fold(name)} "
    return any(s and f" {_fold(s)} " in folded for s in site_names)


def _site_credit(name: str, site_names: set[str] | frozenset) -> bool:
    """A credit of the site alone: its first part names the site ("n-tv NACHRICHTEN", "Deutsche
    Welle (www.dw.com)", "Example.com, Frankfurt"), not a writer with the site after the name
    ("Jane Doe, Example.com")."""
    return credits_site(_CREDIT_PARTS.split(name, maxsplit=1)[0], site_names)


_CREDIT_PARTS = re.compile(r"\s*[,;|]\s*")


def extract_authors(root: HtmlElement, metas: MetaMap, article_ld: dict | None,
                    site_names: set[str] | frozenset = frozenset()) -> tuple[list[str], list[str]]:
    """Raw author strings (people) and organisations: JSON-LD, then <meta>, then the byline in the
    page. A "person" that is the site's own name counts as an organisation, and the search goes on;
    so it does past a source that credits only the site ("n-tv NACHRICHTEN", "Deutsche Welle
    (www.dw.com)"), which is kept only when no later source names someone else."""
    orgs: list[str] = []
    sites = {_fold(s) for s in site_names if s}

    def keep(names: list[str]) -> list[str]:
        out = []
        for name in names:
            if _NOT_A_NAME.search(name):
                continue
            if _fold(name) not in sites:
                out.append(name)
            elif name not in orgs:
                orgs.append(name)
        return out

    def sources():
        if article_ld:
            found: list[str] = []
            _ld_people(article_ld.get("author") or article_ld.get("creator"), found, orgs)
            yield keep(found), False
        for key in sel.META_AUTHOR:
            yield keep([v for v in metas.get(key, ()) if not _URLISH.search(v) and not v.startswith("@")]), False
        written_by = labelled_meta(metas, _WRITTEN_BY)
        yield keep([written_by] if written_by else []), False
        yield keep(_dom_bylines(root)), True

    people: list[str] = []
    site_only: list[str] = []
    for names, in_page in sources():
        if not names:
            continue
        if not all(_site_credit(n, site_names) for n in names):
            # Below a site credit, a byline in the page must read as one: no dates or counts.
            if not (site_only and in_page and any(c.isdigit() for n in names for c in n)):
                people = names
                break
        elif not site_only:
            site_only = names
    if people:
        # The publisher credited as author beside real people is not a byline credit.
        orgs = [o for o in orgs if not credits_site(o, site_names)]
    elif site_only:
        people = site_only
        orgs = [o for o in orgs if _fold(o) not in sites]
    return people, orgs


# --------------------------------------------------------------------------- dates


def _ld_date(article_ld: dict | None, *keys: str) -> str | None:
    if not article_ld:
        return None
    for key in keys:
        value = article_ld.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        text = text_value(value)
        if text:
            return text
    return None


def _headline(root: HtmlElement, title: str | None = None) -> HtmlElement | None:
    """The <h1>, or on a page without one the first heading that holds the title."""
    head = next(iter(sel.H1(root)), None)
    if head is None and title:
        want = _fold(title)
        head = next((h for h in root.iter("h2", "h3") if want and want in _fold(h.text_content())), None)
    return head


def _near_headline(head: HtmlElement | None) -> set[HtmlElement]:
    """The headline's ancestors a few levels up: the article header, where the page's own date is."""
    return set(list(head.iterancestors())[:4]) if head is not None else set()


def _prefer_near(candidates: list[tuple[HtmlElement, str]], near: set[HtmlElement]) -> str | None:
    """The first candidate inside the headline's neighbourhood, else the first one."""
    if not candidates:
        return None
    if near:
        for el, value in candidates:
            for depth, anc in enumerate(el.iterancestors()):
                if anc in near:
                    return value
                if depth > 6:
                    break
    return candidates[0][1]


def _itemprop_date(root: HtmlElement, prop: str, near: set[HtmlElement] | None = None) -> str | None:
    found = []
    for el in sel.TIME_ELEMENTS(root):
        if el.get("itemprop") == prop or (prop == "datePublished" and el.tag == "time" and not el.get("itemprop")):
            value = el.get("datetime") or el.get("content") or clean_text(el.text_content())
            if value:
                found.append((el, value.strip()))
    if found and found[0][0].get("itemprop") == prop:
        return found[0][1]
    return _prefer_near(found, near or set())


_SCRIPT_DATE = re.compile(
    r"""["']?(?:datePublished|date_published|publishedAt|published_at|publishDate|publish_date|firstPublished|"""
    r"""first_published_at|article_published_time|publicationDate|publication_date|pubDate|displayDate)\\?["']?"""
    r"""\s*:\s*\\?["'](\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)\\?["']"""
)


def script_date(root: HtmlElement) -> str | None:
    """A publication date in the page's application state (__NEXT_DATA__, window.__STATE__...), for
    pages that render their metadata with JavaScript."""
    for script in sel.SCRIPTS(root):
        text = script.text
        if text and "ublish" in text or text and "ubDate" in text:
            match = _SCRIPT_DATE.search(text)
            if match:
                return match.group(1)
    return None


def extract_published(root: HtmlElement, metas: MetaMap, article_ld: dict | None, small_texts,
                      title: str | None = None, url: str | None = None) -> str | None:
    """JSON-LD, then <meta>, then microdata and <time> (the one near the headline), then a dated
    line in the byline area, then the application state in scripts, then the URL's date. A
    placeholder date (year 1, the Unix epoch) is no date."""
    value = _ld_date(article_ld, "datePublished", "dateCreated", "uploadDate")
    if _placeholder(value):
        value = None
    value = value or next((v for k in sel.META_PUBLISHED for v in metas.get(k, ()) if not _placeholder(v)), None)
    if value:
        return value
    head = _headline(root, title)
    near = _near_headline(head)
    return (_itemprop_date(root, "datePublished", near) or dom_date(small_texts, near) or script_date(root)
            or headline_date(head) or url_date(url) or headline_date(head, clock=False))


def local_times(root: HtmlElement, metas: MetaMap, small_texts, published_raw: str | None,
                title: str | None = None) -> list[str]:
    """Timestamps the page states in local time (naive, or with an offset other than UTC), when its
    publication time is stated in UTC: the other date <meta> tags and <time> elements, then the
    dateline near the headline. They tell the publisher's UTC offset, and with it the day the
    publisher published on ("2019-11-19T04:58:46Z" is the evening of the 18th in California)."""
    if not published_raw or not _UTC_STATED.search(published_raw):
        return []
    found: list[str] = []
    for key in (*sel.META_PUBLISHED, *sel.META_MODIFIED):
        found += [v for v in metas.get(key, ()) if _LOCAL_ISO.match(v)]
    for el in sel.TIME_ELEMENTS(root):
        value = (el.get("datetime") or el.get("content") or "").strip()
        if _LOCAL_ISO.match(value):
            found.append(value)
    head = _headline(root, title)
    clocked = [(el, text) for el, text in small_texts if _CLOCK.search(text)]
    dateline = dom_date(clocked, _near_headline(head)) or headline_date(head)
    if dateline and _CLOCK.search(dateline):
        found.append(dateline)
    return list(dict.fromkeys(found))[:6]


# A time stated in UTC: "Z", "+00:00", "GMT", "UTC", "GMT+0000 (Coordinated Universal Time)".
_UTC_STATED = re.compile(r"(?:\dZ|[+-]00:?00|\b(?:GMT|UTC)(?:[+-]00:?00)?)\s*(?:\([^)]*\))?\s*$", re.IGNORECASE)
# An ISO 8601 time of day without an offset, or with one other than UTC.
_LOCAL_ISO = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[+-](?!00:?00)\d\d:?\d\d)?$")

# A CMS's empty date: year 1 or 1970 (the Unix epoch), or any year before the web had news sites.
_PLACEHOLDER_DATE = re.compile(r"^\s*(?:0\d{3}|1[0-8]\d\d|19[0-8]\d)-|^\s*1970-01-01")
# A full date in a URL's path: /2019/11/18/, /2019-11-18/, /20191118/, /2019/nov/18/.
_URL_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|" + "|".join(_URL_MONTHS) + r")[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)"
    r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/",
    re.IGNORECASE,
)


def _placeholder(value: str | None) -> bool:
    return bool(value) and _PLACEHOLDER_DATE.match(value) is not None


def url_date(url: str | None) -> str | None:
    """The day a URL's path states (/2019/11/18/): the last resort, as htmldate uses it."""
    if not url:
        return None
    match = _URL_DATE.search(urlsplit(url).path)
    if match is None:
        return None
    year, month, day = (g for g in match.groups() if g is not None)
    number = _URL_MONTHS.index(month.lower()) + 1 if month.isalpha() else int(month)
    return f"{year}-{number:02d}-{int(day):02d}"


def extract_modified(root: HtmlElement, metas: MetaMap, article_ld: dict | None) -> str | None:
    return (
        _ld_date(article_ld, "dateModified")
        or first_meta(metas, sel.META_MODIFIED)
        or _itemprop_date(root, "dateModified")
    )


_DATE_CLASS = re.compile(r"date|time|publish|posted|meta|byline|dateline|stamp|zeit|datum|fecha|data", re.IGNORECASE)
_DATE_LIKE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b"
    r"|\b\d{1,2}\.?\s+[A-Za-zÀ-ÿ]{3,}\.?\s+\d{4}\b|\b[A-Za-z]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    r"|\b\d+\s*(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|\b(?:an?|one)\s+(?:hour|minute|day|week)\s+ago\b"
    r"|\bjust now\b|\byesterday\b|\bvor\s+\d+\s+\w+|\bgestern\b|\bil y a\s+\d+|\bhace\s+\d+|\b\d+\s+\w+\s+önce\b"
    r"|\d+\s*(?:分|時間|日)前|\d+\s*(?:분|시간|일)\s*전|\d{4}年\d{1,2}月\d{1,2}日",
    re.IGNORECASE,
)


_SHORT_TEXT_TAGS = ("span", "div", "p", "time", "li", "small", "a", "abbr", "strong", "em", "b", "i", "dd")


def small_texts(root: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Short texts of the page's leaf-ish elements, in order: where dates and read times hide."""
    out = []
    for el in root.iter(*_SHORT_TEXT_TAGS):
        text = el.text
        if text and 2 < len(text) < 80 and len(el) < 3:
            out.append((el, text.strip()))
    return out


def dom_date(small: list[tuple[HtmlElement, str]], near: set[HtmlElement] | None = None) -> str | None:
    """A date written in the byline area: text of an element whose class says date/time/meta,
    the one near the headline when there are several."""
    found = []
    for el, text in small:
        attrs = (el.get("class") or "") + " " + (el.get("id") or "") + " " + (el.get("data-hook") or "")
        parent = el.getparent()
        if parent is not None:
            attrs += " " + (parent.get("class") or "")
        if _DATE_CLASS.search(attrs) and _DATE_LIKE.search(text):
            found.append((el, text))
            if len(found) >= 10:
                break
    return _prefer_near(found, near or set())


def headline_date(head: HtmlElement | None, clock: bool = True) -> str | None:
    """A line just under the headline with a date and a clock time, where no element says it holds
    the date: "Do 25.04.24 | 14:07 Uhr | Von Jane Doe". With ``clock=False`` (the last resort, after
    the URL), a date with its year will do: "18 NOV 2019" beside the writer's name."""
    if head is None:
        return None
    dated = _CLOCK if clock else _YEAR
    seen = 0
    for node in (head, head.getparent()):
        if node is None:
            continue
        for sibling in node.itersiblings():
            for el in sibling.iter(*_SHORT_TEXT_TAGS):
                text = el.text
                if not text or text.isspace():
                    continue
                if dated.search(text) and _DATE_LIKE.search(text):
                    return _BYLINE_AFTER.split(" ".join(text.split()), maxsplit=1)[0]
                seen += 1
                if seen >= 6:
                    return None
    return None


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?!\.\d)")
_YEAR = re.compile(r"(?<!\d)(?:199\d|20\d\d)(?!\d)")
_BYLINE_AFTER = re.compile(r"\s*[|·•]\s*(?:von|by|par|por|di|door|av|af)\b.*$", re.IGNORECASE | re.DOTALL)


_READING_LABEL = re.compile(r"read|lese", re.IGNORECASE)


def extract_read_time(metas: MetaMap, article_ld: dict | None, small: list[tuple[HtmlElement, str]]) -> str | None:
    joined = "\n".join(text for _, text in small)
    low = joined.lower()
    match = sel.READ_TIME.search(joined) if any(w in low for w in sel.READ_TIME_WORDS) else None
    if match:
        start = joined.rfind("\n", 0, match.start()) + 1
        end = joined.find("\n", match.end())
        return joined[start : end if end >= 0 else len(joined)]
    value = labelled_meta(metas, _READING_LABEL, pairs=2)
    if value:
        return value
    if article_ld and isinstance(article_ld.get("timeRequired"), str):
        return article_ld["timeRequired"]
    return None


# --------------------------------------------------------------------------- the rest


def extract_tags(root: HtmlElement, metas: MetaMap, article_ld: dict | None) -> list[str]:
    tags: list[str] = []
    if article_ld:
        kw = article_ld.get("keywords")
        if isinstance(kw, str):
            tags.extend(k.strip() for k in kw.split(","))
        elif isinstance(kw, list):
            tags.extend(t for t in (text_value(k) for k in kw) if t)
    if not tags:
        tags.extend(metas.get("article:tag", ()))
    if not tags:
        tags.extend(clean_text(a.text_content()) for a in sel.TAG_LINKS(root))
    if not tags:
        for key in ("news_keywords", "keywords", "parsely-tags"):
            for value in metas.get(key, ()):
                tags.extend(v.strip() for v in value.split(","))
            if tags:
                break
    seen: dict[str, str] = {}
    for tag in tags:
        tag = clean_text(tag)
        if tag and len(tag) < 80 and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())[:50]


def extract_language(root: HtmlElement, metas: MetaMap, article_ld: dict | None) -> str | None:
    langs = sel.HTML_LANG(root)
    value = langs[0] if langs else None
    value = value or first_meta(metas, sel.META_LANGUAGE)
    if not value and article_ld:
        value = text_value(article_ld.get("inLanguage"))
    if not value:
        return None
    value = value.strip().replace("_", "-").split(",")[0]
    return value if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value) else None


def extract_site_name(metas: MetaMap, article_ld: dict | None, url: str) -> str | None:
    name = first_meta(metas, ("og:site_name", "application-name"))
    if not name and article_ld:
        publisher = article_ld.get("publisher")
        name = text_value(publisher.get("name")) if isinstance(publisher, dict) else text_value(publisher)
    if name and _URLISH.search(name):
        name = None
    return name or None


def extract_canonical(root: HtmlElement, metas: MetaMap, article_ld: dict | None, url: str) -> str | None:
    for href in sel.LINK_CANONICAL(root):
        if href.strip():
            return urljoin(url, href.strip())
    value = first_meta(metas, sel.META_URL)
    if value:
        return urljoin(url, value)
    if article_ld:
        ld_url = text_value(article_ld.get("url"))
        if ld_url and urlsplit(urljoin(url, ld_url)).scheme in ("http", "https"):
            return urljoin(url, ld_url)
    return None


def extract_description(metas: MetaMap, article_ld: dict | None) -> str | None:
    """The page's own summary: og:description (what the publisher shows when the story is shared),
    else JSON-LD description, else the other description metas."""
    og = first_meta(metas, ("og:description",))
    if og:
        return og
    if article_ld:
        desc = text_value(article_ld.get("description"))
        if desc:
            return clean_text(desc)
    return first_meta(metas, sel.META_DESCRIPTION)


_PHOTO_TAIL = re.compile(r"\s*[•|·]\s*(?:foto|photo|bild|image|picture)s?\s*:.*$", re.IGNORECASE)


def clean_description(text: str | None, site_names: set[str]) -> str | None:
    """The description without what publishers append to it: a photo credit ("• Foto: X/Reuters"),
    the site's name ("| The Paper"), a dangling separator."""
    if not text:
        return text
    text = strip_site_suffix(_PHOTO_TAIL.sub("", text), site_names).rstrip(" -–—|•·")
    return text or None


def extract_paywalled(article_ld: dict | None) -> bool | None:
    if not article_ld:
        return None
    value = article_ld.get("isAccessibleForFree")
    if value is None:
        parts = article_ld.get("hasPart")
        parts = parts if isinstance(parts, list) else [parts]
        for part in parts:
            if isinstance(part, dict) and "isAccessibleForFree" in part:
                value = part["isAccessibleForFree"]
                break
    if isinstance(value, str):
        value = value.strip().lower() not in ("false", "0", "no")
    return None if value is None else not bool(value)
