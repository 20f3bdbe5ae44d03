"""The dates a page shows its reader beside the headline: the dateline and ``<time>`` elements,
each told apart as a publication or an update by its label ("Updated", "Veröffentlicht") or its
names (hAtom's "entry-date published" and "updated", itemprop), and placed inside or outside the
article (a comment, a sidebar, a teaser card has dates of other texts).

Why a pass of its own: metadata is the page's claim about itself, the dateline is what its reader
is told, and they disagree more often than one would think (a CMS's ``datePublished`` of a first
draft, a template that stamps the page with the day of its last rebuild). The dateline stands
within a few lines of the headline, so only that window is read: ``AFTER_HEADLINE_CHARS`` of
text after it and ``BEFORE_HEADLINE_CHARS`` before it, walked in document order outward from the
headline. A text is parsed only when it has the shape of a date, with newsdesk's own forms (no
dateparser: a hint is not worth its first-call cost).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from lxml.html import HtmlElement

from pipelines.dates import parse_date

from . import selectors as sel
from .dom import name_words

PUBLISHED, UPDATED, UNLABELLED = "published", "updated", ""

# Label words before a date, by what they say it is, matched as whole words: the last one before
# the date wins ("Published 3 March · Updated 5 March").
_UPDATED_LABELS = (
    "updated", "update", "last updated", "modified", "last modified", "revised", "reviewed", "refreshed",
    "aktualisiert", "zuletzt", "stand", "geändert", "mis à jour", "modifié", "modifiée", "actualizado",
    "actualizada", "actualización", "modificado", "aggiornato", "aggiornata", "aggiornamento", "atualizado",
    "atualizada", "atualização", "bijgewerkt", "gewijzigd", "güncellendi", "güncelleme", "güncellenme",
    "aktualizacja", "zaktualizowano", "uppdaterad", "uppdaterat", "oppdatert", "opdateret", "更新", "更新日",
    "수정", "최종수정", "업데이트",
)
_PUBLISHED_LABELS = (
    "published", "publication", "posted", "first published", "originally published", "created", "released",
    "veröffentlicht", "veroeffentlicht", "erschienen", "erstellt", "publiziert", "publié", "publiée", "publie",
    "publicado", "publicada", "pubblicato", "pubblicata", "gepubliceerd", "geplaatst", "yayınlandı",
    "yayınlanma", "opublikowano", "publicerad", "publicerat", "publisert", "udgivet", "offentliggjort",
    "公開", "公開日", "配信", "投稿", "投稿日", "입력", "등록", "기사입력", "게재",
)
_LABEL_KIND = {**{w: UPDATED for w in _UPDATED_LABELS}, **{w: PUBLISHED for w in _PUBLISHED_LABELS}}
_LABEL = re.compile(
    r"(?<![^\W\d_])(" + "|".join(re.escape(w) for w in sorted(_LABEL_KIND, key=len, reverse=True)) + r")(?![^\W\d_])",
    re.IGNORECASE,
)
# Class and id words that say what a date element holds (hAtom, WordPress, schema.org as classes).
_UPDATED_NAMES = frozenset("updated update modified lastmod lastmodified datemodified revised".split())
_PUBLISHED_NAMES = frozenset("published publish pubdate posted created datepublished".split())
_ITEMPROP_KIND = {"datePublished": PUBLISHED, "dateCreated": PUBLISHED, "dateModified": UPDATED}

# Class and id words of parts of a page that are not the article: their dates belong to other
# texts. STRONG ones rule a date out anywhere; the others only where the date is to stand against
# the page's metadata (a template's "widget" or "sidebar" also wraps headers).
OFF_ARTICLE_STRONG = frozenset(
    """
    comment comments commentlist disqus respond reply replies related relatedposts recommended recommendations
    recirculation outbrain taboola teaser teasers trending mostread popular morestories readnext nextread upnext
    """.split()
)
OFF_ARTICLE_WEAK = frozenset(
    """
    sidebar widget widgets promo newsletter footer navbar navigation nav menu breadcrumb breadcrumbs carousel
    swiper slider archive archives calendar event events caption captions topbar masthead
    """.split()
)
# Tags of such parts; a figure's date is its picture's.
_OFF_ARTICLE_TAGS = frozenset({"aside", "nav", "footer", "form", "menu", "figure", "figcaption"})
_SKIP_TAGS = frozenset(sel.CODE_TAGS)
_CARD_HEADINGS = ("h2", "h3", "h4", "h5")
_CARD_LEVELS = 3  # a teaser card: a heading of its own within this many levels up

# A text that may hold a date: digits in a date's shape, or a relative date's words.
_MAYBE_DATE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s*[^\W\d_]{3,}\.?,?\s+\d{4}|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"\s+\d{4}|\d{4}\s*[年년]|\d+\s*(?:[^\W\d_]+\s+){0,2}(?:ago|fa|geleden|önce|temu|atrás|前|전)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:vor|il y a|hace|há)\s+\d",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# The writer's name after the date on one line: "Do 25.04.24 | 14:07 Uhr | Von Jane Doe".
BYLINE_AFTER = re.compile(rf"\s*[|·•]\s*(?:{sel.BYLINE_WORDS})\b.*$", re.IGNORECASE | re.DOTALL)
AFTER_HEADLINE_CHARS = 400  # the dateline is within this much text after the headline (byline, kicker, lead)...
BEFORE_HEADLINE_CHARS = 150  # ...or this much before it (a kicker line above the headline)
MAX_DATE_TEXT = 120  # a dateline is a short line; longer texts are prose that mentions a date
LABEL_CONTEXT_CHARS = 40  # a date's label is among this many characters of text before it


@dataclass(slots=True)
class Shown:
    """A date the page shows beside its headline: the raw text (a ``<time>``'s datetime when it has
    one), what it reads as, what its label or names say it is, and where it stands."""

    raw: str
    value: datetime
    kind: str  # PUBLISHED, UPDATED or UNLABELLED
    source: str  # "time" (a <time> element or microdata) or "dateline" (text)
    distance: int  # characters of text between the headline and it
    el: HtmlElement
    before_headline: bool = False
    off_article: str = ""  # the word or tag placing it outside the article ("card": a teaser card)
    stated: bool = True  # an absolute date (not "3 hours ago"): it reads the same without the fetch time

    @property
    def strong_off(self) -> bool:
        return self.off_article in OFF_ARTICLE_STRONG


def _names_kind(el: HtmlElement | None) -> str:
    """What an element's itemprop, class or id say its date is."""
    if el is None:
        return UNLABELLED
    prop = _ITEMPROP_KIND.get(el.get("itemprop") or "")
    if prop:
        return prop
    names = (el.get("class") or "") + " " + (el.get("id") or "")
    if not names.strip():
        return UNLABELLED
    words = set(name_words(names))
    if words & _PUBLISHED_NAMES:  # "entry-date published updated": one date that is both
        return PUBLISHED
    if words & _UPDATED_NAMES:
        return UPDATED
    return UNLABELLED


def label_kind(context: str) -> str:
    """What the last label word of ``context`` (the text just before a date) says the date is."""
    found = _LABEL.findall(context[-LABEL_CONTEXT_CHARS:])
    return _LABEL_KIND[found[-1].lower()] if found else UNLABELLED


def _text_before(el: HtmlElement) -> str:
    """The text just before ``el`` in its line: its previous sibling's (and tail), else its parent's
    own text, one level up when the parent starts with ``el`` ("<span>Updated</span> <time>")."""
    node = el
    for _ in range(2):
        prev = node.getprevious()
        if prev is not None:
            return prev.text_content()[-LABEL_CONTEXT_CHARS:] + (prev.tail or "")
        parent = node.getparent()
        if parent is None:
            return ""
        if parent.text and parent.text.strip():
            return parent.text
        node = parent
    return ""


def kind_of(el: HtmlElement, own_before: str = "") -> str:
    """Publication, update or unlabelled: the element's names, its parent's, then the label before it."""
    return (_names_kind(el) or label_kind(_text_before(el) + " " + own_before)
            or _names_kind(el.getparent()))


def _off_article(el: HtmlElement, around_headline: set[HtmlElement]) -> str:
    """The class word or tag that places ``el`` in a comment, sidebar, teaser or other part that is
    not the article, or "" when none does. A box holding the headline is the article's own, whatever
    its name ("has-sidebar")."""
    for anc in el.iterancestors():
        if anc in around_headline:
            return ""
        if anc.tag in _OFF_ARTICLE_TAGS:
            return anc.tag
        names = (anc.get("class") or "") + " " + (anc.get("id") or "")
        if names.strip():
            words = name_words(names)
            hit = OFF_ARTICLE_STRONG.intersection(words) or OFF_ARTICLE_WEAK.intersection(words)
            if hit:
                return min(hit)
    return ""


def _in_card(el: HtmlElement, around_headline: set[HtmlElement]) -> bool:
    """Whether ``el`` sits in a teaser card: a small box that holds a heading of its own, not the
    page's headline."""
    node = el
    for _ in range(_CARD_LEVELS):
        node = node.getparent()
        if node is None or node.tag in ("body", "article", "main") or node in around_headline:
            return False
        if next(node.iter(*_CARD_HEADINGS), None) is not None:
            return True
    return False


def read_date(text: str, fetched_at: datetime | None) -> tuple[str, datetime] | None:
    """The date in a short text, as (raw, value): the text as a whole (less a byline after it), else the
    part shaped like a date."""
    text = BYLINE_AFTER.split(text, maxsplit=1)[0]
    value = parse_date(text, fetched_at, ask_dateparser=False)
    if value is not None:
        return text, value
    match = _MAYBE_DATE.search(text)
    if match is None or match.group(0) == text:
        return None
    part = match.group(0)
    value = parse_date(part, fetched_at, ask_dateparser=False)
    return (part, value) if value is not None else None


def _pieces_after(head: HtmlElement) -> Iterator[tuple[HtmlElement, str | None, bool]]:
    """(element, text, is_tail) in document order after the headline, out to the end of the page."""
    node: HtmlElement | None = head
    yield head, head.tail, True
    while node is not None:
        for sibling in node.itersiblings():
            for el in sibling.iter():
                yield el, el.text, False
                if el is not sibling:
                    yield el, el.tail, True
            yield sibling, sibling.tail, True
        node = node.getparent()
        if node is not None:
            yield node, node.tail, True


def _pieces_before(head: HtmlElement) -> Iterator[tuple[HtmlElement, str | None, bool]]:
    """(element, text, is_tail) in reverse document order before the headline."""
    node: HtmlElement | None = head
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            yield sibling, sibling.tail, True
            for el in reversed(list(sibling.iter())):
                if el is not sibling:
                    yield el, el.tail, True
                yield el, el.text, False
        node = node.getparent()
        if node is not None:
            yield node, node.text, False


def _shown_in(pieces: Iterator[tuple[HtmlElement, str | None, bool]], window: int, before: bool,
              fetched_at: datetime | None, found: list[Shown]) -> None:
    chars = 0
    for el, text, is_tail in pieces:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        owner = el.getparent() if is_tail else el
        if owner is None or owner.tag in _SKIP_TAGS:
            continue
        if not is_tail and (tag == "time" or el.get("itemprop") in _ITEMPROP_KIND):
            stated = (el.get("datetime") or el.get("content") or "").strip()
            shown_text = " ".join(el.text_content().split())
            reading = read_date(stated, fetched_at) if stated else None
            if reading is None and shown_text and len(shown_text) <= MAX_DATE_TEXT:
                reading = read_date(shown_text, fetched_at)
            if reading is not None:
                found.append(Shown(reading[0], reading[1], kind_of(el, shown_text), "time", chars, el, before))
        elif text and len(text) <= MAX_DATE_TEXT and _DIGIT.search(text) and _MAYBE_DATE.search(text) \
                and not (owner.tag == "time" or owner.get("itemprop") in _ITEMPROP_KIND):
            reading = read_date(" ".join(text.split()), fetched_at)
            if reading is not None:
                match = _MAYBE_DATE.search(text)
                own_before = text[: match.start()] if match else ""
                if is_tail:
                    own_before = el.text_content() + " " + own_before
                found.append(Shown(reading[0], reading[1], label_kind(own_before) or kind_of(owner),
                                   "dateline", chars, owner, before))
        if text:
            chars += len(text.strip())
            if chars > window:
                return


def shown_dates(headline: HtmlElement | None, fetched_at: datetime | None) -> list[Shown]:
    """The dates shown beside the headline, nearest first, each placed inside or outside the article."""
    if headline is None:
        return []
    found: list[Shown] = []
    _shown_in(_pieces_after(headline), AFTER_HEADLINE_CHARS, False, fetched_at, found)
    _shown_in(_pieces_before(headline), BEFORE_HEADLINE_CHARS, True, fetched_at, found)
    around = {headline, *headline.iterancestors()}
    for shown in found:
        shown.off_article = _off_article(shown.el, around) or ("card" if _in_card(shown.el, around) else "")
        shown.stated = parse_date(shown.raw, None, ask_dateparser=False) is not None
    found.sort(key=lambda s: s.distance)
    return found
