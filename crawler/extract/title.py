"""The headline: the version of it the page's sources vote for, without the site's name around it.

Sources: og:title (site name taken off), the JSON-LD headline, the <h1>, twitter:title, and <title>
when nothing else exists. ``title_candidates`` lists every version, for the body walk to tell the
headline's repeats from subheadings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lxml.html import HtmlElement

from . import selectors as sel
from .jsonld import text_value
from .meta import MetaMap, first_meta
from .text import clean_text, fold, same_headline, text_of
from .trace import METADATA, Trace, rule

SEO_OG_TITLE = rule("seo-og-title", METADATA, "an og:title that repeats the <title> (and no twitter:title of its own "
                    "agrees) is the SEO title: one vote, and the visible <h1> headline breaks a tie with it")

_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|·|•|»|«|/|:|\*)\s+|\s*[|｜]\s*|\s*[:：](?=\S)")

def strip_site_suffix(title: str, site_names: set[str]) -> str:
    """Drop " | Site name" (or "Site name | ") around a headline, when the part dropped names the site,
    or is a short tail after a pipe: "Headline | Section | Site", "Site | Section | Headline",
    "Headline * Site * by Author" (a short last part after the site goes with it)."""
    sites = {fold(s) for s in site_names if s and len(fold(s)) > 1}

    def names_site(part: str) -> bool:
        folded = fold(part)
        return bool(folded) and any(folded == s or (len(s) > 3 and (s in folded or folded in s)) for s in sites)

    def is_site(part: str) -> bool:
        """The part is the site's name (a word or two around it at most), not a headline that names it."""
        folded = fold(part)
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
    """The same headline, or one the other with a kicker or tail added (compared folded)."""
    fa, fb = fold(a), fold(b)
    return bool(fa and fb) and same_headline(fa, fb)


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


def extract_title(root: HtmlElement, metas: MetaMap, article_ld: dict | None, site_names: set[str],
                  trace: Trace | None = None) -> str | None:
    """The headline the page's sources vote for: og:title (site name taken off), JSON-LD headline,
    the <h1>, twitter:title; <title> when nothing else exists. og:title weighs more than any two
    others: it is the headline the publisher wrote for this story (the one it shows wherever the
    story is shared), while the <h1> and the JSON-LD headline are often the page's SEO or layout
    variant of it; the other three agreeing against it still win, and an og:title that is only the
    site's name (a template default) does not vote. An og:title that only repeats the <title> is
    the page's SEO title, not a headline of its own: it weighs one vote, and the visible <h1> wins
    a tie with it (``seo-og-title``). Sources that differ only in quote marks or
    invisible characters agree; the <h1>'s wording is kept when it is among them, without soft
    hyphens and zero-width spaces."""
    title = _pick_title(root, metas, article_ld, site_names, trace)
    return _INVISIBLE.sub("", title) or None if title else None


_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_OG_WEIGHT = 2.5
_SEO_OG_WEIGHT = 1  # an og:title that repeats the <title>: the SEO title, one vote like the others...
_H1_WEIGHT = 1.01  # ...where the visible headline breaks a tie (wcxb-dev f0 +0.024, f1 +0.039; fundus-dev 0)
_HEADLINE_MIN_WORDS = 3  # an <h1> of fewer words is a label or a name more often than a headline


def _is_headline(h1: str, site_names: set[str]) -> bool:
    """An <h1> that reads as a story's headline, not the site's name or a label set as <h1>: words
    enough, not the site's name, not set in capitals (a layout's label, or the og:title shouted)."""
    if len(h1.split()) < _HEADLINE_MIN_WORDS or h1.isupper():
        return False
    return fold(h1) not in {fold(s) for s in site_names if s}


def _pick_title(root: HtmlElement, metas: MetaMap, article_ld: dict | None, site_names: set[str],
                trace: Trace | None) -> str | None:
    ld_title = clean_text(text_value(article_ld.get("headline") or article_ld.get("name"))) if article_ld else ""
    og = strip_site_suffix(first_meta(metas, ("og:title",)) or "", site_names)
    if fold(og) in {fold(s) for s in site_names}:
        og = ""
    tw = strip_site_suffix(first_meta(metas, ("twitter:title",)) or "", site_names)
    h1s = [t for t in (text_of(h) for h in sel.H1(root)) if t and len(t) < 400]
    h1 = next((h for h in h1s if any(_close(h, c) for c in (ld_title, og, tw) if c)), h1s[0] if h1s else "")
    og_weight = _OG_WEIGHT
    titles = sel.TITLE(root)
    doc_title = clean_text(titles[0].text_content()) if titles else ""
    if (og and h1 and _normal(og) != _normal(h1) and _normal(tw) != _normal(og)
            and _normal(og) == _normal(strip_site_suffix(doc_title, site_names)) and _is_headline(h1, site_names)):
        og_weight = _SEO_OG_WEIGHT
        if trace is not None:
            trace.keep(SEO_OG_TITLE, text=h1, detail=f"og:title {og!r} repeats the <title>")
    weighted = [(c, w) for c, w in ((og, og_weight), (h1, _H1_WEIGHT), (ld_title, 1), (tw, 1)) if c]
    candidates = [c for c, _ in weighted]
    if not candidates:
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
