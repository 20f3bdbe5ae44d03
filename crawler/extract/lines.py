"""Line rules: how a short line of text inside the article is told from template furniture.

``LINE_RULES`` is the table of generic rules, each ``(rule, shorter_than, test)``: a box label, a
dateline, a picture credit, a call to subscribe... ``PageLines`` adds the rules that know the page
(its writers' names, the site's name) and reads the table in one loop: the first rule whose test
holds names why the line is not text. A line of links (most of its text in links) is furniture
too, unless it is a list of linked terms or a sentence with links inside it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import NamedTuple

from lxml.html import HtmlElement

from . import selectors as sel
from .dom import under
from .text import SENTENCE_STOP, match_key
from .trace import LINES, WALK, Rule, rule

# Lines this long are prose: the line rules and the link-line test look only at shorter ones.
LINE_MAX_CHARS = 300
# A line with more of its text in links than this share is a line of links (related stories, tags).
LINK_LINE_MIN_SHARE = 0.6
ANY_LENGTH = sys.maxsize
_BYLINE_PART = re.compile(rf"^(?:{sel.BYLINE_WORDS}|de)\b:?\s", re.IGNORECASE)
NAME_SPLIT = re.compile(r"\s+(?:and|und|et|y|e|og|och|en)\s+|\s*[,&|]\s*", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_ITALIC_TAGS = frozenset(("em", "i"))
AUTHOR_NOTE_MAX_CHARS = 300  # an italic note about the writer is shorter than this (a paragraph may be longer)
AUTHOR_NOTE_MIN_ITALIC = 0.9  # ...and at least this share of it is set in italics


class LineRule(NamedTuple):
    """One row of the line-rule table: lines ``shorter_than`` this are furniture when ``test``
    (given the line and its lower-cased copy) holds."""

    rule: Rule
    shorter_than: int
    test: Callable[[str, str], bool]


BOX_LABEL = rule("box-label", LINES, "a template box's label standing alone: 'Related', 'Read more', 'Advertisement' "
                 "(FURNITURE_LINE)")
PLAYER_LINE = rule("player-line", LINES, "media player and browser furniture: '00:00 / 03:15', 'Video loading', "
                   "'Image 2 of 5' (PLAYER_LINE)")
SUMMARY_LABEL = rule("summary-label", LINES, "the label of a summary box above the text: 'Key points', "
                     "'In short' (SUMMARY_LABEL)")
META_LINE = rule("meta-line", LINES, "article metadata set in parts: 'Do 25.04.24 | 14:07 Uhr | Von Jane Doe'")
CONTACT_LINE = rule("contact-line", LINES, "contact details only: e-mail addresses, URLs, @handles")
WRITE_IN = rule("write-in", LINES, "a call to write in around an address: 'Write to Jane Doe at jane@example.org'")
CALL_TO_ACTION = rule("call-to-action", LINES, "a call to subscribe, follow or donate (CTA_LINE)")
CONSENT_NOTICE = rule("consent-notice", LINES, "a consent gate or cookie notice left where an embed would load "
                      "(CONSENT_LINE)")
DATE_LINE = rule("date-line", LINES, "a short line of a date, a time or a relative time and the words around them")
CREDIT_LINE = rule("credit-line", LINES, "a picture credit: '© Jane Doe', 'Foto: dpa', 'STR/Getty Images'")
CONTRIBUTOR_LINE = rule("contributor-line", LINES, "a credit line of agency copy: 'Additional reporting by…'")
COPYRIGHT_LINE = rule("copyright-line", LINES, "a short line with a copyright sign")
CAPTION_CREDIT = rule("caption-credit", LINES, "a caption ending in its credit: '… Kathrin Ziegler/Getty'")
SITE_NAME_LINE = rule("site-name-line", LINES, "the page's own address or the site's name standing alone")
BYLINE_LINE = rule("byline-line", LINES, "the byline: the article's writers, after 'By' or with a place")
WRITER_WITH_TIME = rule("writer-with-time", LINES, "a writer's name with a time or a date: '17:10Jane Doe'")
LINK_LINE = rule("link-line", LINES, "a short line mostly of links: related stories, tags, a 'Read more' link")
LINKED_TERMS = rule("linked-terms", LINES, "kept: terms linked the way the text's own sentences link them "
                    "('Kent: Dover, Folkestone, Hythe')")
LINKED_SENTENCE = rule("linked-sentence", LINES, "kept for now: a sentence of the writer's with links inside it; "
                       "it stays only when text follows it")
LINKS_AT_THE_END = rule("links-at-the-end", LINES, "a linked sentence nothing was kept after: a line of links "
                        "under the text")
AUTHOR_NOTE = rule("author-note", WALK, "a short paragraph in italics naming a writer: a note about the author")

# The generic rules, cheapest and most common first; the furniture verdict is the same in any order.
LINE_RULES: tuple[LineRule, ...] = (
    LineRule(BOX_LABEL, 120, lambda text, low: sel.FURNITURE_LINE.match(text) is not None),
    LineRule(PLAYER_LINE, 120, lambda text, low: sel.PLAYER_LINE.match(text) is not None),
    LineRule(SUMMARY_LABEL, 40, lambda text, low: sel.SUMMARY_LABEL.match(text) is not None),
    LineRule(META_LINE, 250, lambda text, low: "|" in text and meta_line(text)),
    LineRule(CONTACT_LINE, ANY_LENGTH, lambda text, low: sel.CONTACT_LINE.match(text) is not None),
    LineRule(WRITE_IN, 250, lambda text, low: "@" in text and sel.EMAIL.search(text) is not None
             and sel.WRITE_IN.search(text) is not None),
    # A cheap word check first: most lines are prose, and these patterns need one of the words.
    LineRule(CALL_TO_ACTION, 250, lambda text, low: any(w in low for w in sel.CTA_WORDS)
             and sel.CTA_LINE.search(text) is not None),
    LineRule(CONSENT_NOTICE, 250, lambda text, low: any(w in low for w in sel.CONSENT_WORDS)
             and sel.CONSENT_LINE.search(text) is not None),
    LineRule(DATE_LINE, 80, lambda text, low: sel.DATE_LINE.match(text) is not None),
    LineRule(CREDIT_LINE, 80, lambda text, low: sel.CREDIT_LINE.search(text) is not None),
    LineRule(CONTRIBUTOR_LINE, 300, lambda text, low: any(w in low for w in sel.CONTRIBUTOR_WORDS)
             and sel.CONTRIBUTOR_LINE.search(text) is not None),
    LineRule(COPYRIGHT_LINE, 200, lambda text, low: "©" in text),
    LineRule(CAPTION_CREDIT, 200, lambda text, low: "/" in text and sel.CAPTION_CREDIT.search(text) is not None),
)


class PageLines:
    """The line rules of one page: the generic table, then the rules that know its writers and its
    site. ``furniture(text)`` is the rule a line breaks (None for a line of text)."""

    def __init__(self, base_url: str, authors: list[str] | None = None, site_names: list[str] | None = None):
        names = [n.strip() for a in authors or () if a for n in NAME_SPLIT.split(sel.BYLINE_PREFIX.sub("", a))
                 if n.strip()]
        self.author_keys = {match_key(n) for n in names}
        # Writers' full names as written, to find them inside a line ("17:10Jane Doe", an italic note).
        full_names = sorted({n for n in names if len(n.split()) >= 2}, key=len, reverse=True)
        self.author_names = re.compile("|".join(map(re.escape, full_names)), re.IGNORECASE) if full_names else None
        # The page's own address or the site's name standing alone are furniture, not text.
        self.site_keys = {match_key(s).replace(" ", "") for s in (base_url, *(site_names or ())) if s}
        rules = [*LINE_RULES, LineRule(SITE_NAME_LINE, 250, self._site_name)]
        if self.author_keys:
            rules.append(LineRule(BYLINE_LINE, 80, self._byline))
        if self.author_names is not None:
            rules.append(LineRule(WRITER_WITH_TIME, 80, self._writer_with_time))
        self.rules = tuple(rules)

    def furniture(self, text: str) -> Rule | None:
        """The rule that makes a line template furniture, not prose; None when none does."""
        n = len(text)
        low = text.lower()
        for made, shorter_than, test in self.rules:
            if n < shorter_than and test(text, low):
                return made
        return None

    def _site_name(self, text: str, low: str) -> bool:
        return match_key(text).replace(" ", "") in self.site_keys

    def _byline(self, text: str, low: str) -> bool:
        unprefixed = sel.BYLINE_PREFIX.sub("", text)
        names = [match_key(x) for x in NAME_SPLIT.split(unprefixed) if x.strip()]
        # "By Jane Doe and John Roe"; "Von Jane Doe, Frankfurt" (a byline may end with a place).
        return bool(names) and (all(x in self.author_keys for x in names)
                                or unprefixed != text and names[0] in self.author_keys)

    def _writer_with_time(self, text: str, low: str) -> bool:
        # "17:10Jane Doe", "Jane Doe2 minutes ago".
        rest = self.author_names.sub(" ", text)
        return rest != text and (not rest.strip(" ,|·-–—") or sel.DATE_LINE.match(rest) is not None)

    def author_note(self, el: HtmlElement) -> bool:
        """A short paragraph set in italics that names a writer of the article: a note about the
        author ("Jane Doe reports on Russia for us."), not the article's text."""
        if self.author_names is None:
            return False
        text = el.text_content()
        if len(text) > AUTHOR_NOTE_MAX_CHARS or not self.author_names.search(text):
            return False
        italic = sum(len(i.text_content()) for i in el.iter(*_ITALIC_TAGS)
                     if not under(i.getparent(), el, _ITALIC_TAGS))  # nested italics counted once
        return italic >= AUTHOR_NOTE_MIN_ITALIC * len(text.strip())


def _outside_links(raw: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[str]:
    """The pieces of raw[start:end] outside the link spans: before the first link, between, after."""
    inside = sorted((max(s, start), min(e, end)) for s, e in spans if s < end and e > start)
    outside, pos = [], start
    for s, e in inside:
        outside.append(raw[pos:s] if s > pos else "")
        pos = max(pos, e)
    outside.append(raw[pos:end])
    return outside


def term_list(raw: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether raw[start:end] is a list of terms, most of them linked: it starts with a link, and
    links and the unlinked terms between them are short ("Kent: Dover, Folkestone, Hythe"); a label
    ("More:") or a headline says it is a line of links."""
    if any(min(e, end) - max(s, start) > TERM_MAX_CHARS for s, e in spans if s < end and e > start):
        return False
    outside = _outside_links(raw, start, end, spans)
    return not _WORD.search(outside[0]) and all(len(piece.strip()) <= TERM_MAX_CHARS for piece in outside)


TERM_MAX_CHARS = 40  # a linked term, or the words between two, is shorter (a headline is longer)


def linked_sentence(raw: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether raw[start:end], mostly link text, is a sentence of the writer's with links inside it
    ("Trump <a>imposed tariffs in 2018</a>, prompting <a>retaliatory duties</a>."): it ends like a
    sentence, and words outside the links follow the first link or start the sentence before it. A
    label before a link ("Read more: <a>headline</a>") or a sentence that is all link is not one."""
    text = raw[start:end].strip()
    if not SENTENCE_STOP.search(text):
        return False
    outside = _outside_links(raw, start, end, spans)
    if len(outside) < 2:
        return False  # no link
    before, after = outside[0].strip(), "".join(outside[1:])
    if len(_WORD.findall("".join(outside))) < 2:
        return False
    # Words after the first link; or a sentence's start before it ("Assange faces <a>a charge of
    # conspiracy</a>."), not a label ("Read more:", "Also read |", "See also").
    return _WORD.search(after) is not None or (
        len(_WORD.findall(before)) >= SENTENCE_START_WORDS and not before.endswith(_LABEL_ENDS)
        and not sel.FURNITURE_LINE.match(before))


_LABEL_ENDS = (":", "|", "-", "–", "—", "»", ">", "[", "(", "/")
SENTENCE_START_WORDS = 3  # words before a sentence's first link that start the sentence ("Assange faces <a>")


META_BYLINE_MAX_CHARS = 80  # the byline part of a metadata line is shorter than this


def meta_line(text: str) -> bool:
    """A line of article metadata set in parts: "Do 25.04.24 | 14:07 Uhr | Von Jane Doe", "Published
    13 May 2026 | 3 min read | By: Jane Doe"."""
    parts = [p.strip() for p in text.split("|") if p.strip()]
    return (len(parts) > 1 and sel.DATE_LINE.match(parts[0]) is not None
            and any(sel.READ_TIME.search(p) or _BYLINE_PART.match(p) and len(p) < META_BYLINE_MAX_CHARS
                    and p.split()[1][:1].isupper()
                    for p in parts[1:]))
