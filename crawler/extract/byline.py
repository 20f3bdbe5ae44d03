"""Who wrote the article: raw author strings (people) and organisations, JSON-LD first, then <meta>,
then the byline in the page. Names are cleaned in ``pipelines.authors``.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from . import selectors as sel
from .jsonld import text_value, types_of
from .meta import MetaMap, labelled_meta
from .text import clean_text, fold, text_of
from .trace import METADATA, rule

NAME_IN_AUTHOR_BOX = rule("name-in-author-box", METADATA, "an author element that also holds the date or the "
                          "writer's job: the name is the element in it that reads as one")
BY_LINE = rule("by-line", METADATA, "an element whose whole text is 'By Jane Doe' or 'Written by Jane Doe' is "
               "the byline, when no author element, label or metadata names the writer")

_NAME_LIKE = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+\s+){1,3}[A-ZÀ-ÖØ-Þ][\w'’.-]+$")

def _ld_people(value, people: list[str], orgs: list[str], depth: int = 0) -> None:
    if depth > 4 or value is None:
        return
    if isinstance(value, list):
        for item in value:
            _ld_people(item, people, orgs, depth + 1)
        return
    if isinstance(value, str):
        if value.strip() and not sel.URLISH.search(value):
            people.append(value.strip())
        return
    if isinstance(value, dict):
        name = text_value(value.get("name"))
        if not name:
            given, family = text_value(value.get("givenName")), text_value(value.get("familyName"))
            name = " ".join(x for x in (given, family) if x) or None
        if not name or sel.URLISH.search(name):
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
    rf"^(?:{sel.BYLINE_WORDS}|de|author|autor|auteur|name|redaktion|editor)\W*$|\*|enter your|"
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
    first_parent = boxed = None
    for el in _author_elements(root):
        if el.tag in _NOT_BYLINE_TAGS or _in_template(el):
            continue
        if first_parent is not None and el.getparent() is not first_parent and first_parent not in el.iterancestors():
            break
        if boxed is not None and boxed in el.iterancestors():
            continue  # inside the author box whose name was taken
        name_el = el.find('.//*[@itemprop="name"]')
        text = text_of(name_el if name_el is not None else el)
        if _crowded(text):
            inside = _name_inside(el)
            if inside:
                text, boxed = inside, el
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


_CROWDED_WORDS = 6  # an author element of more words than this holds more than the names (a date, a job)


def _crowded(text: str) -> bool:
    """An author element's text that says more than the names: a date, a job title, a bio."""
    return any(c.isdigit() for c in text) or len(text.split()) > _CROWDED_WORDS


def _name_inside(el: HtmlElement) -> str | None:
    """The name in an author element that also holds the date or the writer's job
    (``name-in-author-box``): the first element in it whose text, "By" taken off, reads as a name."""
    for sub in el.iterdescendants(*_NAME_TAGS):
        text = sel.BYLINE_PREFIX.sub("", text_of(sub))
        if _NAME_LIKE.match(text) and not _NOT_A_NAME.search(text):
            return text
    return None


_NAME_TAGS = ("a", "span", "b", "strong", "div", "p", "h2", "h3", "h4", "h5", "h6")
# A line that is the byline whole: "By Jane Doe", "Written by Jane Doe and John Roe", "Article by Jane Doe".
_BY_LINE = re.compile(
    r"^(?:by|written by|article by|posted by|words by|story by|von|geschrieben von|par|écrit par|por|escrito por)"
    r"\s+((?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+){0,3}[A-ZÀ-ÖØ-Þ][\w'’.-]+"
    r"(?:(?:\s*,\s*|\s+(?:and|und|et|y|&)\s+)(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+){0,3}[A-ZÀ-ÖØ-Þ][\w'’.-]+){0,3})$",
    re.IGNORECASE,
)
_BY_LINE_TAGS = ("p", "div", "span", "li", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "small")
_BY_LINE_MAX_CHARS = 120


def _by_line(root: HtmlElement) -> list[str]:
    """The names of the first element whose whole text is a byline ("<p>By Jane Doe</p>",
    "<h3>Written by Jane Doe</h3>"), outside forms, figures, comments and footers (``by-line``)."""
    for el in root.iter(*_BY_LINE_TAGS):
        raw = el.text_content()
        if len(raw) > _BY_LINE_MAX_CHARS * 3 or raw.strip()[:2].lower() not in _BY_LINE_STARTS:
            continue
        text = text_of(el)
        if len(text) > _BY_LINE_MAX_CHARS:
            continue
        match = _BY_LINE.match(text)
        own = ((el.get("class") or "") + " " + (el.get("id") or "")).lower()
        if match and "comment" not in own and not _in_template(el) and not _NOT_A_NAME.search(match.group(1)):
            # The case-blind match lets "by" be any case; the names must still be capitalised.
            names = match.group(1)
            if all(w[0].isupper() for w in re.split(r"\s*,\s*|\s+(?:and|und|et|y|&)\s+|\s+", names) if w):
                return [names]
    return []


_BY_LINE_STARTS = frozenset(("by", "wr", "ar", "po", "wo", "st", "vo", "ge", "pa", "éc", "es"))


# A label set before the names: "Von:", "By", "Autorin/Autor", "Text:" (a word this common needs its colon).
_BYLINE_LABEL = re.compile(
    rf"^(?:(?:{sel.BYLINE_WORDS}|yazan|written by|article by|verfasst von|geschrieben von|écrit par|escrito por|"
    r"scritto da|authors?|autor(?:in|en|innen)?(?:\s*/\s*autor(?:in|en|innen)?)?|auteur|autore|yazar)\s*[:：]?"
    r"|(?:text|texte|testo|tekst)\s*[:：])$",
    re.IGNORECASE,
)


_LABEL_TAGS = ("strong", "b", "span", "em", "i", "small", "label", "dt", "th", "td", "li", "p", "div",
               "h2", "h3", "h4", "h5", "h6")


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




def credits_site(name: str, site_names: set[str] | frozenset) -> bool:
    """Whether an author credit names the site itself ("by Lesotho Times", "Ilanga D")."""
    folded = f" {fold(name)} "
    return any(s and f" {fold(s)} " in folded for s in site_names)


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
    sites = {fold(s) for s in site_names if s}

    def keep(names: list[str]) -> list[str]:
        out = []
        for name in names:
            if _NOT_A_NAME.search(name):
                continue
            if fold(name) not in sites:
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
            yield keep([v for v in metas.get(key, ()) if not sel.URLISH.search(v) and not v.startswith("@")]), False
        written_by = labelled_meta(metas, _WRITTEN_BY)
        yield keep([written_by] if written_by else []), False
        yield keep(_dom_bylines(root)), True
        if not site_only and not orgs:  # a line reading "By …" is the weakest source: no credit of the site
            # or of an organisation in the metadata gives way to it
            yield keep(_by_line(root)), True

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
        orgs = [o for o in orgs if fold(o) not in sites]
    return people, orgs
