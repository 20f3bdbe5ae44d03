"""The article body: find the main container, then walk it into sections of ordered blocks.

The container is the element whose subtree holds the most article-like text net of template text
(links, short labels, parts whose class or id names them template); see ``_text_scores``. The
walk keeps the page's order: a heading opens a section; paragraphs, lists, quotes, tables, figures
and embeds become blocks, and short lines that are template furniture are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple
from urllib.parse import urljoin

from lxml.html import HtmlElement

from ..items import Block, Image, ListItem, Section, Table
from . import selectors as sel
from .tables import is_layout_table, parse_table
from .text import BREAKING_TAGS, text_of

INLINE_TAGS = frozenset(
    "a span strong em b i u small sup sub mark abbr cite code time font q s del ins label bdi bdo var kbd "
    "samp dfn tt big strike nobr wbr data".split()
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Tuning of the container choice and the walk (figures from the dev benchmarks, see bench/floors.json):
_FLAGGED_WEIGHT = 0.5  # text inside a template part counts as this much template
_TIGHTER = 0.97  # a box inside the winner scoring at least this share of it is preferred (tighter)
_EXPAND_NET = 0.85  # an ancestor keeping this share of the score...
_EXPAND_GOOD = 1.3  # ...while gathering this much more text is preferred (an article cut in boxes)
_SMALL = 400  # a winner with less text than this climbs to an ancestor with twice its text
_RETRY_BELOW = 400  # text shorter than this: try again without the template vocabulary
_LINK_PARA = 0.6  # a short paragraph with more link text than this share is a link line
_EMBED_HOSTS = (
    ("twitter.com", "twitter"), ("x.com", "twitter"), ("youtube.com", "youtube"), ("youtube-nocookie.com", "youtube"),
    ("youtu.be", "youtube"), ("vimeo.com", "vimeo"), ("instagram.com", "instagram"), ("facebook.com", "facebook"),
    ("tiktok.com", "tiktok"), ("dailymotion.com", "dailymotion"), ("soundcloud.com", "soundcloud"),
    ("spotify.com", "spotify"), ("datawrapper.dwcdn.net", "datawrapper"), ("flourish.studio", "flourish"),
)


def class_words(el: HtmlElement) -> set[str]:
    value = (el.get("class") or "") + " " + (el.get("id") or "")
    if not value.strip():
        return set()
    return {w.lower() for w in sel.SPLIT_CLASS.split(value) if w}


# --------------------------------------------------------------------------- cleaning


def _is_hidden(el: HtmlElement) -> bool:
    if el.get("hidden") is not None:
        return True
    if el.get("aria-hidden") == "true" and el.tag not in ("figure", "img", "picture", "div", "section", "span", "p"):
        return True
    style = el.get("style")
    if style:
        style = style.replace(" ", "").lower()
        return "display:none" in style or "visibility:hidden" in style
    return False


def prune(root: HtmlElement) -> None:
    """Remove what is never article text: scripts, styles, form controls; and navigation, footers,
    asides, forms and hidden parts unless they hold much of the page (some sites wrap the article in an
    <aside>, or stream it into a hidden <div> that a script reveals)."""
    never_text = list(root.iter(*sel.DROP_TAGS))
    never_text += _choice_boxes([el for el in never_text if el.tag == "input"])
    for el in never_text:
        if el.getparent() is not None:
            drop(el)
    page_text = root.text_content()
    total = len(page_text) or 1
    doomed = [el for el in root.iter(*sel.STRUCTURAL_TAGS)]
    hidden = {el for el in sel.MAYBE_HIDDEN(root) if _is_hidden(el)}
    for el in doomed + list(hidden):
        if el.tag == "aside" and el.find(".//blockquote") is not None:
            continue  # a pull quote set in an <aside> is part of the article
        if el.tag == "footer" and any(a.tag == "blockquote" for a in el.iterancestors()):
            continue  # a quote's attribution
        if el.getparent() is None:
            continue
        text = el.text_content()
        if len(text) < 0.3 * total or (el in hidden and _repeats_visible_text(text, page_text)):
            drop(el)


_CHOICE_BOX = 500  # a poll's question and answers together are shorter than this
_NOT_A_BOX = frozenset(("body", "html", "article", "main"))


def _choice_boxes(inputs: list[HtmlElement]) -> list[HtmlElement]:
    """Polls and quizzes: the small box around a group of radio buttons or checkboxes sharing a
    name, question included. Its answers are labels of form controls, not sentences of the text."""
    groups: dict[str, list[HtmlElement]] = {}
    for el in inputs:
        if (el.get("type") or "").lower() in ("radio", "checkbox") and el.get("name"):
            groups.setdefault(el.get("name"), []).append(el)
    boxes = []
    for group in groups.values():
        if len(group) < 2:
            continue
        shared = set.intersection(*(set(el.iterancestors()) for el in group[1:]))
        box = next((a for a in group[0].iterancestors() if a in shared), None)  # the nearest one around all
        if box is None or len(box.text_content()) > _CHOICE_BOX:
            continue
        parent = box.getparent()
        while parent is not None and parent.tag not in _NOT_A_BOX and len(parent.text_content()) <= _CHOICE_BOX:
            box, parent = parent, parent.getparent()
        boxes.append(box)
    return boxes


def _repeats_visible_text(text: str, page_text: str) -> bool:
    """Whether a large hidden block is a copy of text shown elsewhere on the page (a paywall's
    hidden duplicate of the article), not the only copy of an article a script reveals."""
    words = text.split()
    middle = len(words) // 2
    sample = " ".join(words[middle:middle + 12])
    return len(sample) > 40 and " ".join(page_text.split()).count(sample) > 1


def is_boilerplate(el: HtmlElement) -> int:
    """Whether the element's class or id marks a template part (share bar, related links, byline,
    caption credit...), unless one of its names says it is the content or negates the word ("non-ad").
    STRONG when a name says so outright ("newsletter"), WEAK when only its last word does ("-description")."""
    return _names_verdict(el.get("class") or "", el.get("id") or "")


NOT_FLAGGED, WEAK, STRONG = 0, 1, 2


@lru_cache(maxsize=16384)
def _names_verdict(classes: str, ident: str) -> int:
    names = classes.split()
    if ident:
        names.append(ident)
    flagged = NOT_FLAGGED
    for words in ([w.lower() for w in sel.SPLIT_CLASS.split(name) if w] for name in names):
        if not words:
            continue
        if words[-1] in sel.CONTENT_WORDS:
            return NOT_FLAGGED
        if flagged == STRONG:
            continue
        negated = not sel.NEGATIONS.isdisjoint(words)
        if negated:
            continue
        if (not sel.BOILERPLATE_STRONG.isdisjoint(words) or not sel.AD_WORDS.isdisjoint(words)
                or any(a + b in sel.BOILERPLATE_STRONG for a, b in pairwise(words))):
            flagged = STRONG  # also a word written in two parts: "most-read", "side_bar", "readMore"
        elif words[-1] in sel.BOILERPLATE_HEAD or len(words) > 1 and (
                words[-1] in sel.BOX_WORDS and words[-2] in sel.BOILERPLATE_HEAD
                or words[-1] in ("info", "infotext") and words[-2] in sel.MEDIA_WORDS):
            flagged = WEAK  # "post-tags", "author-container", "media-info" (a caption)
    return flagged


def boilerplate(root: HtmlElement) -> set[HtmlElement]:
    """Elements marked as template parts by their class or id, except those holding much of the
    page's text (a wrapper named "has-sidebar" or "ad-margins" is still the page), and those named
    only by a last word ("text-description") that hold several paragraphs of prose: a byline box or
    a standfirst is never that long."""
    total = len(root.text_content()) or 1
    flagged: set[HtmlElement] = set()
    for el in sel.WITH_CLASS_OR_ID(root):
        classes, ident = el.get("class") or "", el.get("id") or ""
        verdict = _names_verdict(classes, ident)  # is_boilerplate(el), without a call per element
        if not verdict or el.tag in ("html", "body") or verdict == WEAK and (
                _holds_prose(el) or el.tag in sel.HEADINGS and _stamped_headline(el)):
            continue
        if len(el.text_content()) < 0.4 * total or _never_a_wrapper(classes, ident):
            flagged.add(el)
    for el in sel.LABELLED_BOXES(root):
        if _names_verdict(el.get("aria-label") or "", "") and len(el.text_content()) < 0.4 * total:
            flagged.add(el)
    return flagged


def _stamped_headline(heading: HtmlElement) -> bool:
    """A heading named as a time that holds a headline after the time: a live ticker's entry
    ("11.04 Uhr: Drone strike in the south"), not a timestamp."""
    match = sel.TIME_STAMPED.match(heading.text_content())
    return match is not None and len(match.group(1).split()) >= 3


def _holds_prose(el: HtmlElement, paragraphs: int = 3) -> bool:
    """Whether the element holds this many paragraphs of running text (sentences, few links)."""
    found = 0
    for p in el.iter("p"):
        text = p.text_content()
        if len(text) >= 150 and _link_len(p) < 0.2 * len(text):
            found += 1
            if found >= paragraphs:
                return True
    return False


@lru_cache(maxsize=4096)
def _never_a_wrapper(classes: str, ident: str) -> bool:
    """A cookie banner or a modal never holds the article, however much text it has (a short article
    can have less text than its cookie settings)."""
    words = {w.lower() for name in (*classes.split(), ident) for w in sel.SPLIT_CLASS.split(name) if w}
    return not sel.NEVER_WRAPPERS.isdisjoint(words)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def drop(el: HtmlElement) -> None:
    """Remove an element, keeping its tail text in place.

    A tree built by another parser may hold control characters that lxml refuses to write back when
    drop_tree() joins the tail to its neighbour; they are taken out and the drop is tried again."""
    try:
        el.drop_tree()
    except ValueError:
        el.tail = _NOT_XML.sub("", el.tail or "") or None
        previous, parent = el.getprevious(), el.getparent()
        if previous is not None:
            previous.tail = _NOT_XML.sub("", previous.tail or "") or None
        elif parent is not None:
            parent.text = _NOT_XML.sub("", parent.text or "") or None
        el.drop_tree()


def _inside(flagged: set[HtmlElement], root: HtmlElement) -> set[HtmlElement]:
    """Every element within a flagged subtree (each visited once)."""
    inside: set[HtmlElement] = set()
    for el in root.iter():
        if el in flagged and el not in inside:
            inside.update(el.iter())
    return inside


# --------------------------------------------------------------------------- container


def _link_len(el: HtmlElement) -> int:
    return sum(len(a.text_content()) for a in el.iter("a"))


def _own_text_len(el: HtmlElement) -> int:
    """Text directly in el (its text and its inline children's), not in block children."""
    total = len((el.text or "").strip())
    for child in el:
        if isinstance(child.tag, str) and child.tag in INLINE_TAGS:
            total += len(child.text_content().strip())
        total += len((child.tail or "").strip())
    return total


# --------------------------------------------------------------------------- images


def parse_srcset(srcset: str) -> list[tuple[str, float]]:
    """(url, width or density) pairs of a srcset, split as the HTML spec does: URLs may hold commas."""
    out: list[tuple[str, float]] = []
    i, n = 0, len(srcset)
    while i < n:
        while i < n and (srcset[i].isspace() or srcset[i] == ","):
            i += 1
        if i >= n:
            break
        j = i
        while j < n and not srcset[j].isspace():
            j += 1
        url, i = srcset[i:j], j
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            k = srcset.find(",", i)
            k = n if k == -1 else k
            descriptor, i = srcset[i:k].strip(), k + 1
        size = 1.0
        if descriptor:
            try:
                size = float(descriptor.split()[0].rstrip("wxhWXH"))
            except ValueError:
                size = 1.0
        if url and not url.startswith("data:"):
            out.append((url, size))
    return out


def _best_src(img: HtmlElement) -> str | None:
    best, best_w = None, -1.0
    for attr in ("srcset", "data-srcset", "data-lazy-srcset"):
        for url, width in parse_srcset(img.get(attr) or ""):
            if width > best_w:
                best, best_w = url, width
    if best:
        return best
    for attr in ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-full-src", "src"):
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return None


def split_credit(caption: str) -> tuple[str | None, str | None]:
    """'Talks in Moscow. Photo: Jane Doe' → ('Talks in Moscow.', 'Jane Doe')."""
    match = sel.CREDIT_PREFIX.search(caption)
    if match:
        credit = match.group(1).strip(" .)]")
        rest = caption[: match.start()].strip(" |-–—(")
        return (rest or None), (credit or None)
    match = sel.COPYRIGHT.search(caption)
    if match:
        rest = caption[: match.start()].strip(" |-–—(")
        return (rest or None), (match.group(1).strip(" .)]") or None)
    return caption or None, None


_CREDIT_WORDS = frozenset(
    "credit credits copyright source photographer author byline caption-credit imagecredit photocredit rights "
    "attribution".split()
)


def image_from(el: HtmlElement, base_url: str) -> Image | None:
    """An Image from a <figure>, <picture> or <img> (with its caption and credit)."""
    img = el if el.tag in _IMG_TAGS else next(el.iter(*_IMG_TAGS), None)
    src = None
    if el.tag not in _IMG_TAGS:
        for source in el.iter("source"):
            src = _best_src(source)
            if src:
                break
    if img is not None:
        src = _best_src(img) or src
        try:
            if int(img.get("width") or 100) < 50 or int(img.get("height") or 100) < 50:
                return None
        except ValueError:
            pass
    if not src:
        return None
    caption = credit = None
    cap_el = el.find(".//figcaption") if el.tag == "figure" else None
    if cap_el is not None:
        credit_parts = []
        for sub in cap_el.iter():
            if sub is not cap_el and class_words(sub) & _CREDIT_WORDS:
                credit_parts.append(text_of(sub))
                drop(sub)
        caption = text_of(cap_el) or None
        if credit_parts:
            credit = " ".join(p for p in credit_parts if p) or None
    if caption and not credit:
        caption, credit = split_credit(caption)
    if credit:
        credit = sel.COPYRIGHT.sub(r"\1", credit).strip() or credit
    alt = (img.get("alt") or "").strip() or None if img is not None else None
    return Image(url=urljoin(base_url, src), caption=caption, credit=credit, alt=alt)


# --------------------------------------------------------------------------- walking


class _Walker:
    def __init__(self, base_url: str, title: str | list[str] | None, skip: set[HtmlElement] | frozenset = frozenset(),
                 authors: list[str] | None = None, site_names: list[str] | None = None,
                 description: str | None = None):
        self.base_url = base_url
        self.standfirst_key = _key(description) if description else ""
        names = [n.strip() for a in authors or () if a for n in _NAME_SPLIT.split(sel.BYLINE_PREFIX.sub("", a))
                 if n.strip()]
        self.author_keys = {_key(n) for n in names}
        # Writers' full names as written, to find them inside a line ("17:10Jane Doe", an italic note).
        full_names = sorted({n for n in names if len(n.split()) >= 2}, key=len, reverse=True)
        self.author_names = re.compile("|".join(map(re.escape, full_names)), re.IGNORECASE) if full_names else None
        # The page's own address or the site's name standing alone are furniture, not text.
        self.site_keys = {_key(s).replace(" ", "") for s in (base_url, *(site_names or ())) if s}
        self.skip = skip
        self.picture_boxes: set[HtmlElement] = set()
        titles = title if isinstance(title, (list, tuple)) else [title]
        self.title_keys = [_key(t) for t in titles if t]
        self.sections: list[Section] = [Section(heading=None, level=None, blocks=[])]
        self.tables: list[Table] = []
        self.images: list[Image] = []
        self.buffer: list[str] = []
        self.link_spans: list[tuple[int, int]] = []  # where link text lies in the joined buffer
        self.link_kinds: list[str | None] = []  # the class of each of those links
        self.term_links: set[str] = set()  # classes of links inside the paragraphs kept so far
        self.buffer_len = 0
        self.skip_section = False
        self.skip_owner: HtmlElement | None = None
        self.byline: str | None = None
        self.paragraphs = 0  # paragraphs kept so far
        self.long_paragraph = False  # one of them longer than a line of standfirst
        self.tentative: list[tuple[Section, Block]] = []  # blocks kept only if text follows them

    # inline text -----------------------------------------------------------------
    def inline(self, text: str, link: bool = False, kind: str | None = None) -> None:
        if text:
            if link:
                self.link_spans.append((self.buffer_len, self.buffer_len + len(text)))
                self.link_kinds.append(kind)
            self.buffer.append(text)
            self.buffer_len += len(text)

    def flush(self) -> None:
        """Turn the inline text gathered so far into paragraphs (a blank line or <br><br> splits them)."""
        if not self.buffer:
            return
        raw = "".join(self.buffer)
        spans, kinds = self.link_spans, self.link_kinds
        self.buffer, self.link_spans, self.link_kinds, self.buffer_len = [], [], [], 0
        start = 0
        for brk in [*_PARAGRAPH_BREAK.finditer(raw), None]:
            end = brk.start() if brk else len(raw)
            part, part_start = raw[start:end], start
            start = brk.end() if brk else len(raw)
            text = " ".join(part.split())
            if not text:
                continue
            if len(text) < 300 and self.is_furniture(text):
                continue
            links = sum(max(0, min(e, end) - max(s, part_start)) for s, e in spans)
            part_kinds = [k for (s, e), k in zip(spans, kinds, strict=True) if s < end and e > part_start]
            if links > _LINK_PARA * len(text) and len(text) < 300:
                if (len(part_kinds) >= 2 and self.term_links.issuperset(part_kinds)
                        and _term_list(raw, part_start, end, spans)):
                    # Terms linked the way the text's own sentences link them (a list of places
                    # the site links to its topic pages): text, not a line of links.
                    self.add(Block(kind="paragraph", text=text))
                elif self.paragraphs and _linked_sentence(raw, part_start, end, spans):
                    self.add(Block(kind="paragraph", text=text), tentative=True)
                continue
            self.term_links.update(k for k in part_kinds if k)
            self.add(Block(kind="paragraph", text=text))

    def is_furniture(self, text: str) -> bool:
        """A short line that is template, not prose: a box label, a dateline, a credit, a byline."""
        n = len(text)
        if n < 120 and (sel.FURNITURE_LINE.match(text) or sel.PLAYER_LINE.match(text)):
            return True
        if n < 40 and sel.SUMMARY_LABEL.match(text):
            return True
        if n < 250 and "|" in text and _meta_line(text):
            return True
        if sel.CONTACT_LINE.match(text):
            return True
        if n < 250 and "@" in text and sel.EMAIL.search(text) and sel.WRITE_IN.search(text):
            return True  # a call to write in: "Write to Jane Doe at jane@example.org"
        low = text.lower()
        # Cheap word checks first: most lines are prose, and these patterns need one of the words.
        if n < 250 and any(w in low for w in sel.CTA_WORDS) and sel.CTA_LINE.search(text):
            return True
        if n < 250 and any(w in low for w in sel.CONSENT_WORDS) and sel.CONSENT_LINE.search(text):
            return True
        if n < 80 and (sel.DATE_LINE.match(text) or sel.CREDIT_LINE.search(text)):
            return True
        if n < 300 and any(w in low for w in sel.CONTRIBUTOR_WORDS) and sel.CONTRIBUTOR_LINE.search(text):
            return True
        if n < 200 and ("©" in text or "/" in text and sel.CAPTION_CREDIT.search(text)):
            return True
        if n < 250 and _key(text).replace(" ", "") in self.site_keys:
            return True
        if n < 80 and self.author_keys:
            unprefixed = sel.BYLINE_PREFIX.sub("", text)
            names = [_key(x) for x in _NAME_SPLIT.split(unprefixed) if x.strip()]
            # "By Jane Doe and John Roe"; "Von Jane Doe, Frankfurt" (a byline may end with a place).
            if names and (all(x in self.author_keys for x in names)
                          or unprefixed != text and names[0] in self.author_keys):
                return True
        if n < 80 and self.author_names is not None:
            # A writer's name with a time or date: "17:10Jane Doe", "Jane Doe2 minutes ago".
            rest = self.author_names.sub(" ", text)
            if rest != text and (not rest.strip(" ,|·-–—") or sel.DATE_LINE.match(rest)):
                return True
        return False

    def author_note(self, el: HtmlElement) -> bool:
        """A short paragraph set in italics that names a writer of the article: a note about the
        author ("Jane Doe reports on Russia for us."), not the article's text."""
        if self.author_names is None:
            return False
        text = el.text_content()
        if len(text) > _AUTHOR_NOTE or not self.author_names.search(text):
            return False
        italic = sum(len(i.text_content()) for i in el.iter(*_ITALIC_TAGS)
                     if not _under(i.getparent(), el, _ITALIC_TAGS))  # nested italics counted once
        return italic >= 0.9 * len(text.strip())

    def drop_lead_in(self) -> None:
        """A short line ending in a colon just before a teaser left out introduced it ("More on
        this in our live blog:"): it goes with the teaser."""
        blocks = self.sections[-1].blocks
        if blocks and blocks[-1].kind == "paragraph" and len(blocks[-1].text or "") < _LEAD_IN \
                and (blocks[-1].text or "").rstrip().endswith(":"):
            blocks.pop()
            self.paragraphs -= 1

    def drop_tentative(self) -> None:
        """Take out the tentative blocks nothing was kept after."""
        for section, block in self.tentative:
            section.blocks.remove(block)
        self.tentative.clear()

    def above_the_text(self) -> bool:
        """Nothing but a line or two of standfirst so far."""
        return self.paragraphs <= 2 and not self.long_paragraph

    def has_text(self) -> bool:
        return self.paragraphs > 0

    def add(self, block: Block, tentative: bool = False) -> None:
        """Add a block to the current section. A tentative block (a sentence made mostly of links)
        stays only when text is kept after it: between paragraphs it is the text's own sentence, at
        the end of the text a line of links under it."""
        if not self.skip_section:
            self.sections[-1].blocks.append(block)
            if tentative:
                self.tentative.append((self.sections[-1], block))
                return
            if block.kind != "image":
                self.tentative.clear()
            if block.kind == "paragraph":
                self.paragraphs += 1
                self.long_paragraph = self.long_paragraph or len(block.text or "") >= 150

    # structure -----------------------------------------------------------------
    def walk(self, el: HtmlElement) -> None:
        if el.text:
            self.inline(el.text)
        for child in el:
            tag = child.tag
            if child in self.skip:
                self.flush()
            elif isinstance(tag, str):
                if tag == "br":
                    self.inline("\n")
                elif tag in INLINE_TAGS and not _has_block(child):
                    self.inline_element(child)
                elif tag in _IMG_TAGS:
                    self.flush()
                    self.image(child)
                else:
                    self.flush()
                    self.block(child)
            if child.tail:
                self.inline(child.tail)
        if self.skip_owner is el:
            self.flush()
            self.skip_section, self.skip_owner = False, None

    def inline_element(self, el: HtmlElement, is_link: bool = False, kind: str | None = None) -> None:
        """An inline element's text in reading order: its text, each child's text, then that child's
        tail. Text inside a link (at any depth) counts as link text, of that link's class."""
        tag = el.tag
        if not isinstance(tag, str):
            return  # a comment or a processing instruction: its tail is the caller's
        if tag == "a" and not is_link:
            is_link, kind = True, el.get("class")
        if tag == "br":
            self.inline("\n")
        elif el.text and tag != "img":
            self.inline(el.text, is_link, kind)
        for child in el:
            self.inline_element(child, is_link, kind)
            if child.tail:
                self.inline(child.tail, is_link, kind)

    def block(self, el: HtmlElement) -> None:
        tag = el.tag
        if tag == "article" and _is_card(el):
            self.drop_lead_in()
            return
        if tag in sel.HEADINGS:
            self.heading(el)
        elif tag == "p":
            if el in self.picture_boxes and _captioned_picture(el) and self.picture_box(el):
                return
            if self.author_note(el):
                return
            if _is_pseudo_heading(el):
                text = text_of(el)
                if self.byline is None and _looks_like_byline(text) and self.above_the_text():
                    self.byline = text  # "<p><strong>Jane Doe/John Roe</strong></p>" above the text
                else:
                    self.heading(el)
            elif _is_marked_subheading(el):
                self.heading(el)
            else:
                self.walk(el)
                self.flush()
        elif tag in ("ul", "ol"):
            self.list_block(el)
        elif tag == "blockquote":
            self.quote(el)
        elif tag == "table":
            if is_layout_table(el):
                for cell in el.iter("td", "th"):
                    self.walk(cell)
                    self.flush()
            else:
                table = parse_table(el)
                if table is not None:
                    self.tables.append(table)
                    self.add(Block(kind="table", ref=len(self.tables) - 1))
        elif tag in ("figure", "picture"):
            self.figure(el)
        elif tag in ("iframe", "video", "audio", "amp-iframe", "amp-video", "amp-youtube", "amp-twitter",
                     "amp-instagram", "amp-vimeo"):
            self.embed(el)
        elif tag == "pre":
            text = el.text_content().strip()
            if text:
                self.add(Block(kind="paragraph", text=text))
        elif tag in ("hr", "figcaption"):
            return
        elif el in self.picture_boxes and self.picture_box(el):
            return
        else:
            self.walk(el)
            self.flush()

    def picture_box(self, el: HtmlElement) -> bool:
        """A small box holding a picture and a line or two of text: a figure set without <figure>,
        its text a caption. The picture is kept, the caption is not text."""
        text = text_of(el)
        if not text or len(text) > _CAPTION_BOX or next(el.iter(*sel.HEADINGS), None) is not None:
            return False
        if _named_as_text(el):
            return False  # a picture beside text ("wp-block-media-text")
        image = image_from(el, self.base_url)
        if image is None:
            return False
        self.images.append(image)
        self.add(Block(kind="image", ref=len(self.images) - 1))
        return True

    def heading(self, el: HtmlElement, level: int | None = None) -> None:
        text = text_of(el)
        if not text or len(text) > 250:
            return
        key = _key(text)
        if el.tag == "h1" or key in self.title_keys:
            return
        if not self.has_text():
            # Above the text: a kicker or a tail around the headline, or the standfirst set as a
            # heading in the article's header; not a section of the text.
            if any(_same_headline(key, t) for t in self.title_keys):
                return
            if _in_header(el) or len(text) > 100 or (self.standfirst_key and len(key) >= 30
                                                     and self.standfirst_key.startswith(key[:60])):
                self.add(Block(kind="paragraph", text=text))
                return
        if _in_player(el):
            return  # a video's title
        cls = el.get("class")
        if cls and sel.AUTHOR_CLASS.search(cls) and len(text) < 100:
            return  # a byline set as a heading ("<h5 class='authorshort'>"), as the metadata reads it
        card = _teaser_card(el)
        if card is not None:
            # A headline inside a link or a small linked box: a teaser for another story.
            self.skip_section, self.skip_owner = True, card
            self.drop_lead_in()
            return
        if len(text) < 100 and self.is_furniture(text) or sel.SUMMARY_LABEL.match(text) or sel.EMAIL.search(text):
            return
        if _link_len(el) > 0.8 * len(text):
            return
        if sel.FURNITURE_LINE.match(text):
            # "Related", "Comments"...: skip what follows, to the end of the box holding the heading.
            self.skip_section, self.skip_owner = True, el.getparent()
            return
        self.skip_section, self.skip_owner = False, None
        if level is None and el.tag in sel.HEADINGS:
            level = int(el.tag[1])
        self.sections.append(Section(heading=text, level=level, blocks=[]))

    def list_block(self, el: HtmlElement) -> None:
        if _is_card_list(el):
            self.drop_lead_in()
            return
        items = self._items(el)
        if not items:
            return
        text = text_of(el)
        if text and _link_len(el) > 0.7 * len(text) and len(text) / len(items) < 100:
            return  # a list of links to other stories; a list of linked sentences is content
        self.add(Block(kind="list", items=items, ordered=el.tag == "ol"))

    def _items(self, el: HtmlElement) -> list[ListItem]:
        items = []
        for li in el:
            if li.tag != "li":
                continue
            parts = [li.text or ""]
            children: list[ListItem] = []
            for sub in li:
                if sub.tag in ("ul", "ol"):
                    children.extend(self._items(sub))
                elif sub.tag in BREAKING_TAGS or next(sub.iterdescendants(*BREAKING_TAGS), None) is not None:
                    parts.append(f" {text_of(sub)} ")  # "<li><p>One</p><p>Two</p></li>", "<li>A<br>B</li>"
                elif isinstance(sub.tag, str):
                    parts.append(sub.text_content())
                parts.append(sub.tail or "")
            text = " ".join("".join(parts).split())
            if text or children:
                items.append(ListItem(text=text, children=children))
        return items

    def quote(self, el: HtmlElement) -> None:
        words = class_words(el)
        if words & {"twitter", "tweet", "instagram", "tiktok"}:
            links = [a.get("href") for a in el.iter("a") if a.get("href")]
            url = el.get("cite") or (links[-1] if links else None) or el.get("data-instgrm-permalink")
            if url:
                provider = next((p for host, p in _EMBED_HOSTS if host in url), "post")
                # The post's text as the page shows it before the embed script runs.
                text = " ".join(t.strip() for t in el.itertext() if t.strip())
                self.add(Block(kind="embed", url=urljoin(self.base_url, url), provider=provider, text=text or None))
            return
        attribution = None
        for sub in el.iter("cite", "footer", "figcaption"):
            attribution = text_of(sub).lstrip("—–-― ").strip() or None
            drop(sub)
            break
        text = "\n\n".join(t for t in (text_of(p) for p in el.iter("p")) if t) or text_of(el)
        if text and _link_len(el) > 0.8 * len(text):
            return  # a linked headline set as a quote: a card for another post (WordPress embeds)
        if text:
            self.add(Block(kind="quote", text=text, attribution=attribution))

    def figure(self, el: HtmlElement) -> None:
        if next(el.iter(*_IMG_TAGS, "source"), None) is None:
            for sub in el.iter("iframe", "video", "blockquote"):
                self.block(sub)
                return
            table = el.find(".//table")
            if table is not None:
                self.walk(el)
                self.flush()
                caption = el.find("figcaption")
                if caption is not None and self.tables and self.tables[-1].caption is None and text_of(caption):
                    self.tables[-1].caption = text_of(caption)
            return
        self.image(el)

    def image(self, el: HtmlElement) -> None:
        image = image_from(el, self.base_url)
        if image is None:
            return
        self.images.append(image)
        self.add(Block(kind="image", ref=len(self.images) - 1))

    def embed(self, el: HtmlElement) -> None:
        src = el.get("src") or el.get("data-src") or _amp_embed_url(el)
        if not src:
            source = el.find(".//source")
            src = source.get("src") if source is not None else None
        if not src:
            return
        url = urljoin(self.base_url, src)
        provider = next((p for host, p in _EMBED_HOSTS if host in url), "video" if el.tag == "video" else "iframe")
        if provider == "iframe" and el.tag == "iframe":
            return
        self.add(Block(kind="embed", url=url, provider=provider))


_IMG_TAGS = ("img", "amp-img")
_INLINE_MEDIA = ("br", "img", "amp-img")
_AMP_EMBEDS = {
    "amp-youtube": ("data-videoid", "https://www.youtube.com/watch?v={}"),
    "amp-twitter": ("data-tweetid", "https://twitter.com/i/web/status/{}"),
    "amp-instagram": ("data-shortcode", "https://www.instagram.com/p/{}/"),
    "amp-vimeo": ("data-videoid", "https://vimeo.com/{}"),
}


def _amp_embed_url(el: HtmlElement) -> str | None:
    """The URL an AMP embed component stands for (<amp-youtube data-videoid=...>)."""
    attr, template = _AMP_EMBEDS.get(el.tag, (None, None))
    value = el.get(attr) if attr else None
    return template.format(value) if value else None


_BYLINE_PART = re.compile(r"^(?:by|von|par|por|di|door|av|af|de)\b:?\s", re.IGNORECASE)


_WORD = re.compile(r"\w+")


def _outside_links(raw: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[str]:
    """The pieces of raw[start:end] outside the link spans: before the first link, between, after."""
    inside = sorted((max(s, start), min(e, end)) for s, e in spans if s < end and e > start)
    outside, pos = [], start
    for s, e in inside:
        outside.append(raw[pos:s] if s > pos else "")
        pos = max(pos, e)
    outside.append(raw[pos:end])
    return outside


def _term_list(raw: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether raw[start:end] is a list of terms, most of them linked: it starts with a link, and
    links and the unlinked terms between them are short ("Kent: Dover, Folkestone, Hythe"); a label
    ("More:") or a headline says it is a line of links."""
    if any(min(e, end) - max(s, start) > _TERM_LEN for s, e in spans if s < end and e > start):
        return False
    outside = _outside_links(raw, start, end, spans)
    return not _WORD.search(outside[0]) and all(len(piece.strip()) <= _TERM_LEN for piece in outside)


_TERM_LEN = 40


def _linked_sentence(raw: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether raw[start:end], mostly link text, is a sentence of the writer's with links inside it
    ("Trump <a>imposed tariffs in 2018</a>, prompting <a>retaliatory duties</a>."): it ends like a
    sentence, and words outside the links follow the first link or start the sentence before it. A
    label before a link ("Read more: <a>headline</a>") or a sentence that is all link is not one."""
    text = raw[start:end].strip()
    if not _SENTENCE_STOP.search(text):
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
        len(_WORD.findall(before)) >= 3 and not before.endswith(_LABEL_ENDS) and not sel.FURNITURE_LINE.match(before))


_LABEL_ENDS = (":", "|", "-", "–", "—", "»", ">", "[", "(", "/")


def _meta_line(text: str) -> bool:
    """A line of article metadata set in parts: "Do 25.04.24 | 14:07 Uhr | Von Jane Doe", "Published
    13 May 2026 | 3 min read | By: Jane Doe"."""
    parts = [p.strip() for p in text.split("|") if p.strip()]
    return (len(parts) > 1 and sel.DATE_LINE.match(parts[0]) is not None
            and any(sel.READ_TIME.search(p) or _BYLINE_PART.match(p) and len(p) < 80 and p.split()[1][:1].isupper()
                    for p in parts[1:]))


def _has_block(el: HtmlElement) -> bool:
    for sub in el.iter():
        if sub is not el and isinstance(sub.tag, str) and sub.tag not in INLINE_TAGS and sub.tag not in _INLINE_MEDIA:
            return True
    return False


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.,;:!…]\W*$")
_SENTENCE_STOP = re.compile(r"[.!?…。！？][\"'»«“”‘’)\]]*$")  # the end of a sentence, past closing quotes


def _is_pseudo_heading(el: HtmlElement) -> bool:
    """A paragraph that is one short bold line, as CMS editors write subheadings: "<p><strong>Reforms</strong></p>".

    Editors' markup varies: the bold may sit in a colour span, or come in pieces
    ("<strong>G</strong><strong>ranny</strong>"); what matters is that all the text is bold.
    """
    if not _heading_like(el.text_content().strip()) or (el.text or "").strip():
        return False
    if el.find(".//a") is not None:
        return False
    bold = False
    for sub in el.iterdescendants():
        if not isinstance(sub.tag, str) or sub.tag in _BOLD_TAGS:
            bold = bold or sub.tag in _BOLD_TAGS
        elif sub.tag not in _PLAIN_WRAPPERS or (sub.text or "").strip() and not _under(sub, el, _BOLD_TAGS):
            return False
        if (sub.tail or "").strip() and not _under(sub.getparent(), el, _BOLD_TAGS):
            return False
    return bold


_CONNECTORS = frozenset(("and", "und", "et", "y", "e", "og", "och", "en", "&", "/", ",", "|"))


def _looks_like_byline(text: str) -> bool:
    """A short line of capitalised names ("Jane Doe/John Roe", "JANE DOE", "Jane Doe, Staff Reporter")."""
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 70 or any(c.isdigit() for c in text):
        return False
    return all(w[0].isupper() or w in _CONNECTORS for w in words)


_SUBHEADING_CLASS = re.compile(r"interline|intertit|crosshead|zwischen|zwitel", re.IGNORECASE)


def _is_marked_subheading(el: HtmlElement) -> bool:
    """A paragraph its class names a subheading ("Zwischenzeile", "intertitre", "crosshead")."""
    cls = el.get("class")
    if not cls or not _SUBHEADING_CLASS.search(cls):
        return False
    return _heading_like(el.text_content().strip())


def _heading_like(text: str) -> bool:
    """Short, not ending like a sentence, and not two sentences ("What do you think? Tell us below")."""
    return 3 <= len(text) <= 120 and not _SENTENCE_END.search(text) and not _QUESTION_THEN_SENTENCE.search(text)


_QUESTION_THEN_SENTENCE = re.compile(r"\w[?!]\s+[A-ZÀ-ÖØ-Þ]\w*\s+\w")


_BOLD_TAGS = frozenset(("strong", "b"))
_ITALIC_TAGS = frozenset(("em", "i"))
_PLAIN_WRAPPERS = frozenset(("span", "em", "i", "u", "font", "br", "mark"))


def _under(el: HtmlElement | None, stop: HtmlElement, tags: frozenset[str]) -> bool:
    """Whether ``el`` or one of its ancestors below ``stop`` is one of ``tags`` (set in bold, in italics)."""
    while el is not None and el is not stop:
        if el.tag in tags:
            return True
        el = el.getparent()
    return False


_PLAYER_WORDS = frozenset(("vjs", "player", "jwplayer", "video"))


def _in_player(el: HtmlElement) -> bool:
    for depth, anc in enumerate(el.iterancestors()):
        if depth >= 3:
            return False
        if class_words(anc) & _PLAYER_WORDS:
            return True
    return False


def _in_header(el: HtmlElement) -> bool:
    for depth, anc in enumerate(el.iterancestors()):
        if anc.tag == "header":
            return True
        if depth >= 3 or anc.tag in ("article", "main", "body"):
            return False
    return False


def _is_card(el: HtmlElement) -> bool:
    """A small box with a link and little text, or with its headline set in a link: a teaser card
    for another story.

    Links set inside sentences of running text (a live blog's entry citing its sources) do not make
    a card: a teaser links its headline, picture or "read more", not words within its sentences."""
    text_len = len(el.text_content())
    if text_len >= 600 or el.find(".//a[@href]") is None:
        return False
    if any(_linked_headline(h) for h in el.iter(*sel.HEADINGS)):
        return True
    links = _link_len(el)
    if links <= 0.2 * text_len:
        return False
    for p in el.iter("p"):
        text = p.text_content().strip()
        if len(text) >= 80 and _SENTENCE_STOP.search(text):
            in_p = _link_len(p)
            if in_p and len(text) - in_p >= 20:
                links -= in_p
    return links > 0.2 * text_len


def _linked_headline(heading: HtmlElement) -> bool:
    """A headline that is a link: set in one, or holding one for most of its text."""
    if next(heading.iterancestors("a"), None) is not None:
        return True
    text_len = len(heading.text_content().strip())
    return text_len > 0 and _link_len(heading) > 0.5 * text_len


def _is_card_list(el: HtmlElement) -> bool:
    """A list of teasers for other stories, or a list holding one: most of its items hold an
    <article> of their own, a headline set in a link, or a link followed by a cut excerpt
    ("Headline</a> <span>The first lines of the story...</span>")."""
    items = cards = 0
    for li in el:
        if li.tag != "li":
            continue
        items += 1
        if (li.find(".//article") is not None or any(_linked_headline(h) for h in li.iter(*sel.HEADINGS))
                or _link_and_excerpt(li)):
            cards += 1
    return cards > items / 2


def _link_and_excerpt(li: HtmlElement) -> bool:
    """An item that opens with a link and ends in an ellipsis: a headline and the cut first lines
    of another story."""
    if (li.text or "").strip() or not len(li):
        return False
    first = li[0]
    if first.tag != "a" or not first.get("href") or not first.text_content().strip():
        return False
    return li.text_content().rstrip().endswith(("...", "…", "[…]", "[...]"))


def _teaser_card(heading: HtmlElement) -> HtmlElement | None:
    """The card a heading heads, when the heading sits in a link or in a small linked box."""
    link = next(heading.iterancestors("a"), None)
    if link is not None:
        parent = link.getparent()
        return parent if parent is not None and _is_card(parent) else link
    el = heading.getparent()
    for _ in range(3):
        if el is None:
            return None
        if el.tag in ("article", "li", "div") and _is_card(el):
            return el
        el = el.getparent()
    return None


def _same_headline(a: str, b: str) -> bool:
    """Keys of the same headline, or of the headline with a kicker or tail added."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 12 and (long_.startswith(short) or long_.endswith(short))


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


_NAME_SPLIT = re.compile(r"\s+(?:and|und|et|y|e|og|och|en)\s+|\s*[,&|]\s*", re.IGNORECASE)



def _drop_empty(sections: list[Section]) -> list[Section]:
    """Sections with content, and headings directly followed by a deeper subheading; a heading with
    nothing under it is a teaser title or a widget label."""
    kept: list[Section] = []
    nxt: Section | None = None  # the next section kept
    for section in reversed(sections):
        if section.blocks:
            kept.append(section)
            nxt = section
        elif section.heading and nxt is not None:
            # A bold-paragraph subheading has no level; under a real heading it is the deeper one,
            # and bold lines in a row are lines of text over the text they head.
            deeper = nxt.level is None or (nxt.level > section.level if section.level else False)
            if nxt.heading and deeper:
                kept.append(section)
                nxt = section
            else:
                nxt = None
        else:
            nxt = None
    kept.reverse()
    return kept


def _one_article(container: HtmlElement, titles: list[str]) -> HtmlElement:
    """When the container holds several <article> elements with text (an endless-scroll page, a
    list of stories), the one with the headline, else the first."""
    articles = [a for a in container.iter("article") if a is not container and len(a.text_content()) > 500]
    outer = [a for a in articles if not any(b is not a and a in set(b.iter()) for b in articles)]
    if len(outer) < 2 or sum(len(a.text_content()) for a in outer) < 0.8 * len(container.text_content()):
        return container
    keys = {_key(t) for t in titles if t}
    for article in outer:
        if any(_key(text_of(h)) in keys for h in article.iter("h1", "h2")):
            return article
    return outer[0]


def _walk_container(root: HtmlElement, base_url: str, titles: list[str], flagged: set[HtmlElement],
                    authors: list[str] | None = None, site_names: list[str] | None = None,
                    description: str | None = None) -> tuple[_Walker, HtmlElement | None]:
    inside = _inside(flagged, root) if flagged else frozenset()
    good, bad = _text_scores(root, inside)
    container = _best_box(good, bad)
    boxes = [container] if container is not None else []
    if container is not None:
        one = _one_article(container, titles)
        boxes = [one] if one is not container else _with_like_siblings(container, good, bad, inside)
        container = one
    walker = _Walker(base_url, titles, flagged, authors, site_names, description)
    for box in boxes:
        walker.picture_boxes = _picture_boxes(box)
        walker.walk(box)
        walker.flush()
    walker.drop_tentative()
    return walker, container


_CAPTION_BOX = 300  # a box with a picture and at most this much text is a figure


_CAPTION_WORDS = frozenset("caption captions legend info infotext credit credits".split())


def _named_as_text(el: HtmlElement) -> bool:
    """A class or id that names the element as text ("media-text__content"), not as a caption's
    text ("caption-text", "image-info-text")."""
    if not el.get("class") and not el.get("id"):
        return False
    names = [[w.lower() for w in sel.SPLIT_CLASS.split(name) if w] for name in (el.get("class") or "").split()]
    names.append([w.lower() for w in sel.SPLIT_CLASS.split(el.get("id") or "") if w])
    return any(words and words[-1] in sel.CONTENT_WORDS and _CAPTION_WORDS.isdisjoint(words)
               and sel.NEGATIONS.isdisjoint(words) for words in names)


_CAPTION_TAGS = frozenset(("em", "i", "small"))
_AUTHOR_NOTE = 300  # an italic note about the writer is shorter than this
_LEAD_IN = 200  # a line introducing a teaser is shorter than this


def _captioned_picture(p: HtmlElement) -> bool:
    """A paragraph holding a picture and a line set in italics or small print under it, as editors
    caption a picture inside the text ("<p><img><br><em>The mayor on Monday</em></p>"). A paragraph
    with a picture floated in its text is text."""
    if (p.text or "").strip():
        return False
    caption = False
    for child in p:
        if (child.tail or "").strip():
            return False
        if not isinstance(child.tag, str) or child.tag in _INLINE_MEDIA or child.tag == "picture":
            continue
        if child.text_content().strip():
            if child.tag not in _CAPTION_TAGS:
                return False
            caption = True
    return caption


def _picture_boxes(container: HtmlElement) -> set[HtmlElement]:
    """The boxes up to three levels around each picture in the container (not the container)."""
    boxes: set[HtmlElement] = set()
    for img in container.iter(*_IMG_TAGS, "picture"):
        if img.tag == "picture" and next(img.iter(*_IMG_TAGS), None) is not None:
            continue  # its <img> stands for it
        el = img.getparent()
        while el is not None and el.tag in _PICTURE_WRAPPERS and el is not container:
            el = el.getparent()
        if el is not None and el.tag == "p":
            boxes.add(el)  # a paragraph holding a picture: see _captioned_picture
            box = el.getparent()
            if box is not container and not _has_text(el) and not any(
                    sib.tag == "p" and _has_text(sib) for sib in box):
                el = box  # a picture set alone in a paragraph, a line (not a paragraph) under it: a figure
        for _ in range(3):
            if el is None or el is container or el.tag in ("p", "figure"):
                break
            boxes.add(el)
            el = el.getparent()
    return boxes


_PICTURE_WRAPPERS = frozenset(("picture", "source", "a", "span", "noscript"))


def _has_text(el: HtmlElement) -> bool:
    return bool(el.text_content().strip())


def _with_like_siblings(container: HtmlElement, good: dict[HtmlElement, float], bad: dict[HtmlElement, float],
                        inside: set[HtmlElement] | frozenset) -> list[HtmlElement]:
    """The container and, in page order, its siblings set like it (same tag, most class names in common)
    that hold more text than template: an article cut into blocks of one kind ("block", "body-elements"
    and "body-elements walled-content"), where the scores chose one block. A headline (<h1>) between
    them starts another story: blocks past it are not this one's."""
    classes = set((container.get("class") or "").split())
    parent = container.getparent()
    if not classes or parent is None or container.tag in _NOT_A_BLOCK:
        return [container]
    headlines = {a for h in parent.iter("h1") for a in (h, *h.iterancestors())}
    before: list[HtmlElement] = []
    after: list[HtmlElement] = []
    for sibs, found in ((container.itersiblings(preceding=True), before), (container.itersiblings(), after)):
        for sib in sibs:
            if not isinstance(sib.tag, str):
                continue
            if sib in headlines:
                break
            if sib.tag != container.tag or sib in inside:
                continue
            other = set((sib.get("class") or "").split())
            if len(other & classes) >= 0.5 * len(other | classes) and good.get(sib, 0.0) > bad.get(sib, 0.0):
                found.append(sib)
    return [*reversed(before), container, *after]


_NOT_A_BLOCK = frozenset(("article", "main", "body", "html"))


def _text_len(walker: _Walker) -> int:
    return sum(len(b.text or "") + sum(len(i.text) for i in b.items) for s in walker.sections for b in s.blocks)


class BodyParts(NamedTuple):
    sections: list[Section]
    tables: list[Table]
    images: list[Image]
    byline: str | None
    container: HtmlElement | None  # the element holding the text, None when no text was found
    is_furniture: Callable[[str], bool]  # the walker's test for template lines, for the summary's search


def extract_body(root: HtmlElement, base_url: str, titles: list[str], authors: list[str] | None = None,
                 description: str | None = None, site_names: list[str] | None = None,
                 ) -> BodyParts:
    """Sections, tables, images and a byline written above the text, of a page tree (pruned in place)."""
    prune(root)
    flagged = boilerplate(root)
    walker, container = _walk_container(root, base_url, titles, flagged, authors, site_names, description)
    if flagged and _text_len(walker) < _RETRY_BELOW:
        # Template words hid the article (a wrapper named like a widget): try again without them.
        retry, retry_container = _walk_container(root, base_url, titles, set(), authors, site_names, description)
        if _text_len(retry) > 2 * _text_len(walker):
            walker, container = retry, retry_container
    sections = _drop_empty(walker.sections)
    images = walker.images
    hero = _hero_image(container, base_url, flagged) if container is not None else None
    if hero is not None and all(hero.url != im.url for im in images):
        images.insert(0, hero)
        for section in sections:
            for block in section.blocks:
                if block.kind == "image" and block.ref is not None:
                    block.ref += 1
    return BodyParts(sections, walker.tables, images, walker.byline, container, walker.is_furniture)


def _hero_image(container: HtmlElement, base_url: str, flagged: set[HtmlElement]) -> Image | None:
    """The article's lead picture when it sits above the text, in the article's header."""
    region = container
    for _ in range(3):
        parent = region.getparent()
        if parent is None or region.tag in ("article", "main", "body"):
            break
        region = parent
    for el in region.iter("figure", "picture", *_IMG_TAGS):
        if el is container or container in set(el.iterancestors()):
            return None  # reached the text: nothing above it
        if el in flagged or any(a in flagged for a in el.iterancestors()):
            continue
        if el.tag in _IMG_TAGS and el.getparent() is not None and el.getparent().tag in ("figure", "picture"):
            continue
        image = image_from(el, base_url)
        if image is not None:
            return image
    return None




_LEAF_UNITS = frozenset({"p", "pre", "li", "td", "th", "dd", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose text is counted once for the container choice: inline elements (span, font, a...)
# count with the block around them, never on their own, so no text is counted twice.
_UNIT_TAGS = ("p", "pre", "td", "th", "div", "section", "li", "blockquote", "dd", "article", "main", "center",
              "figcaption", "h1", "h2", "h3", "h4", "h5", "h6")


def _text_scores(root: HtmlElement, inside: set[HtmlElement] | frozenset = frozenset(),
                 short: float = 0.5) -> tuple[dict[HtmlElement, float], dict[HtmlElement, float]]:
    """Good and bad text of every element's subtree, for finding the element that holds the most
    article-like text net of template text (``_best_box``).

    Every text unit (a paragraph, or the text a div holds directly) is good when it is long enough
    and not link-dense, bad otherwise (links, short labels, template parts); each unit's length is
    added to all its ancestors, and the container is the ancestor with the largest good - bad.
    """
    good: dict[HtmlElement, float] = {}
    bad: dict[HtmlElement, float] = {}
    for el in root.iter(*_UNIT_TAGS):
        tag = el.tag
        if tag in _LEAF_UNITS and not _has_unit_child(el):
            text = el.text_content()
            length = len(text.strip())
            links = _link_len(el) if length else 0
        else:
            length = _own_text_len(el)
            if not length:
                continue
            links = _own_link_len(el)
            text = None
        if length == 0:
            continue
        g = b = 0.0
        if tag in sel.HEADINGS:
            b = links
        elif el in inside:
            b = _FLAGGED_WEIGHT * length
        else:
            plain = length - links
            cjk = plain >= 10 and _CJK.search((text if text is not None else el.text_content())[:100]) is not None
            if plain >= (15 if cjk else 40) and links < 0.35 * length:
                g, b = (plain * 0.7 if tag in ("li", "td", "th", "dd") else plain), links
            elif plain >= (30 if cjk else 80) and links < 0.8 * length:
                # A long sentence around a link (a linked lead-in, a "10 things" list item).
                g, b = plain * 0.5, links * 0.5
            else:
                b = links + short * plain
        if g:
            good[el] = g
        if b:
            bad[el] = b
    # Sum every element's own figures into its ancestors: descendants come after their ancestors
    # in document order, so one pass in reverse order carries each subtree's total up.
    for el in reversed(list(root.iter())):
        parent = el.getparent()
        if parent is None:
            continue
        g = good.get(el)
        if g:
            good[parent] = good.get(parent, 0.0) + g
        b = bad.get(el)
        if b:
            bad[parent] = bad.get(parent, 0.0) + b
    return good, bad


def _best_box(good: dict[HtmlElement, float], bad: dict[HtmlElement, float], lam: float = 1.0) -> HtmlElement | None:
    """The element with the most good text net of bad (see ``_text_scores``), tightened and widened."""
    best, best_score = None, 0.0
    for el, g in good.items():
        score = g - lam * bad.get(el, 0.0)
        if score > best_score:
            best, best_score = el, score
    if best is None:
        return None
    # Nearly as good and tighter: a box inside the winner that leaves out only a little (a standfirst,
    # a player) is the article text itself.
    best_depth = sum(1 for _ in best.iterancestors())
    for el, g in good.items():
        score = g - lam * bad.get(el, 0.0)
        if score >= _TIGHTER * best_score and el is not best:
            depth = sum(1 for _ in el.iterancestors())
            if depth > best_depth and best in set(el.iterancestors()):
                best, best_depth = el, depth
    parent = best.getparent()
    if best.tag == "p" and parent is not None and parent.tag not in ("body", "html"):
        best = parent  # one paragraph is never the article: the box around it is
    best_score = good[best] - lam * bad.get(best, 0.0)
    # An article cut into several boxes (ads and prompts between them): go up to the ancestor that
    # gathers much more of the text for little more template.
    chosen, el = best, best.getparent()
    while el is not None:
        g = good.get(el, 0.0)
        net = g - lam * bad.get(el, 0.0)
        if g >= _EXPAND_GOOD * good[chosen] and (
            net >= _EXPAND_NET * best_score or (good[chosen] < _SMALL and g >= 2 * good[chosen] and net > 0)
        ):
            chosen = el
        el = el.getparent()
    return chosen




def _has_unit_child(el: HtmlElement) -> bool:
    for child in el:
        if isinstance(child.tag, str) and child.tag not in INLINE_TAGS and child.tag not in ("br", "img"):
            return True
    return False


def _own_link_len(el: HtmlElement) -> int:
    total = 0
    for child in el:
        if child.tag == "a":
            total += len(child.text_content().strip())
        elif isinstance(child.tag, str) and child.tag in INLINE_TAGS:
            total += sum(len(a.text_content().strip()) for a in child.iter("a"))
    return total

