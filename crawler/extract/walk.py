"""The body walk: the container's elements in page order, turned into sections of blocks.

A heading opens a section; paragraphs, lists, quotes, tables, figures and embeds become blocks;
inline text is gathered and split into paragraphs. Each thing left out is left out by a named rule
(defined in the module that owns it: lines.py, headings.py, cards.py, images.py, lists.py, template.py), and
recorded when the walk is given a ``Trace``.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..items import Block, Image, Section, Table
from . import cards, images, lines
from . import headings as hd
from . import selectors as sel
from .dom import IMG_TAGS, INLINE_TAGS, drop, has_block, link_len
from .embeds import EMBED_TAGS, embed_block, is_social_post, social_post
from .lists import LINK_LIST, is_link_list, list_items
from .tables import is_layout_table, parse_table
from .text import match_key, same_headline, text_of
from .trace import WALK, Rule, Trace, rule

LINKED_QUOTE = rule("linked-quote", WALK, "a quote that is mostly a link is a card for another post")
UNKNOWN_IFRAME = rule("unknown-iframe", WALK, "an iframe of an unknown service (an ad, a form) or without a source")

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
LEAD_IN_MAX_CHARS = 200  # a line introducing a teaser is shorter than this
LONG_PARAGRAPH_CHARS = 150  # a paragraph this long is text, not a line of standfirst
STANDFIRST_LINES = 2  # above the text: no more than this many short paragraphs kept so far
LINKED_QUOTE_MIN_SHARE = 0.8  # a quote with more of its text in links than this is a card
STANDFIRST_KEY_MIN_CHARS = 30  # a heading this long that starts the description is the standfirst...
STANDFIRST_KEY_PREFIX = 60  # ...compared over this many characters


class Walker:
    """Walks the container into ``sections``, ``tables`` and ``images``; ``byline`` is a bold line
    of names found above the text."""

    def __init__(self, base_url: str, title: str | list[str] | None,
                 skip: dict[HtmlElement, tuple[Rule, str]] | None = None,
                 authors: list[str] | None = None, site_names: list[str] | None = None,
                 description: str | None = None, trace: Trace | None = None):
        self.base_url = base_url
        self.standfirst_key = match_key(description) if description else ""
        self.lines = lines.PageLines(base_url, authors, site_names)
        self.is_furniture = self.lines.furniture
        self.skip = skip or {}  # template parts, with the rule and the word that flagged each
        self.trace = trace
        self.where: HtmlElement | None = None  # the element whose text is being gathered (for the trace)
        self.picture_boxes: set[HtmlElement] = set()
        titles = title if isinstance(title, (list, tuple)) else [title]
        self.title_keys = [match_key(t) for t in titles if t]
        self.sections: list[Section] = [Section(heading=None, level=None, blocks=[])]
        self.tables: list[Table] = []
        self.images: list[Image] = []
        self.buffer: list[str] = []
        self.link_spans: list[tuple[int, int]] = []  # where link text lies in the joined buffer
        self.link_kinds: list[str | None] = []  # the class of each of those links
        self.term_links: set[str] = set()  # classes of links inside the paragraphs kept so far
        self.buffer_len = 0
        self.skip_section: Rule | None = None  # the rule leaving out what follows (a box label, a teaser)
        self.skip_owner: HtmlElement | None = None
        self.byline: str | None = None
        self.paragraphs = 0  # paragraphs kept so far
        self.long_paragraph = False  # one of them longer than a line of standfirst
        self.tentative: list[tuple[Section, Block]] = []  # blocks kept only if text follows them
        self.teasers = True  # whether teaser cards are left out (not when they are the article's entries)
        self.teaser_chars = 0  # text left out as teaser cards (a box, or a headline and its box)

    def dropped(self, made: Rule, el: HtmlElement | None = None, text: str | None = None, detail: str = "") -> None:
        if self.trace is not None:
            self.trace.drop(made, el, text, detail)

    def kept(self, made: Rule, el: HtmlElement | None = None, text: str | None = None) -> None:
        if self.trace is not None:
            self.trace.keep(made, el, text)

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
            if len(text) < lines.LINE_MAX_CHARS:
                furniture = self.is_furniture(text)
                if furniture is not None:
                    self.dropped(furniture, self.where, text)
                    continue
            links = sum(max(0, min(e, end) - max(s, part_start)) for s, e in spans)
            part_kinds = [k for (s, e), k in zip(spans, kinds, strict=True) if s < end and e > part_start]
            if links > lines.LINK_LINE_MIN_SHARE * len(text) and len(text) < lines.LINE_MAX_CHARS:
                if (len(part_kinds) >= 2 and self.term_links.issuperset(part_kinds)
                        and lines.term_list(raw, part_start, end, spans)):
                    # Terms linked the way the text's own sentences link them (a list of places
                    # the site links to its topic pages): text, not a line of links.
                    self.kept(lines.LINKED_TERMS, self.where, text)
                    self.add(Block(kind="paragraph", text=text))
                elif self.paragraphs and lines.linked_sentence(raw, part_start, end, spans):
                    self.kept(lines.LINKED_SENTENCE, self.where, text)
                    self.add(Block(kind="paragraph", text=text), tentative=True)
                else:
                    self.dropped(lines.LINK_LINE, self.where, text)
                continue
            self.term_links.update(k for k in part_kinds if k)
            self.add(Block(kind="paragraph", text=text))

    def drop_lead_in(self) -> None:
        """A short line ending in a colon just before a teaser left out introduced it ("More on
        this in our live blog:"): it goes with the teaser."""
        blocks = self.sections[-1].blocks
        if blocks and blocks[-1].kind == "paragraph" and len(blocks[-1].text or "") < LEAD_IN_MAX_CHARS \
                and (blocks[-1].text or "").rstrip().endswith(":"):
            self.dropped(cards.LEAD_IN_TO_TEASER, text=blocks[-1].text)
            blocks.pop()
            self.paragraphs -= 1

    def drop_tentative(self) -> None:
        """Take out the tentative blocks nothing was kept after."""
        for section, block in self.tentative:
            self.dropped(lines.LINKS_AT_THE_END, text=block.text)
            section.blocks.remove(block)
        self.tentative.clear()

    def above_the_text(self) -> bool:
        """Nothing but a line or two of standfirst so far."""
        return self.paragraphs <= STANDFIRST_LINES and not self.long_paragraph

    def has_text(self) -> bool:
        return self.paragraphs > 0

    def add(self, block: Block, tentative: bool = False) -> None:
        """Add a block to the current section. A tentative block (a sentence made mostly of links)
        stays only when text is kept after it: between paragraphs it is the text's own sentence, at
        the end of the text a line of links under it."""
        if self.skip_section:
            if self.trace is not None:
                items = " ".join(i.text for i in block.items)
                self.dropped(self.skip_section, self.where, block.text or items)
            return
        self.sections[-1].blocks.append(block)
        if tentative:
            self.tentative.append((self.sections[-1], block))
            return
        if block.kind != "image":
            self.tentative.clear()
        if block.kind == "paragraph":
            self.paragraphs += 1
            self.long_paragraph = self.long_paragraph or len(block.text or "") >= LONG_PARAGRAPH_CHARS

    # structure -----------------------------------------------------------------
    def walk(self, el: HtmlElement) -> None:
        self.where = el
        if el.text:
            self.inline(el.text)
        for child in el:
            tag = child.tag
            if child in self.skip:
                self.flush()
                if self.trace is not None:
                    made, word = self.skip[child]
                    self.dropped(made, child, detail=word)
            elif isinstance(tag, str):
                if tag == "br":
                    self.inline("\n")
                elif tag in INLINE_TAGS and not has_block(child):
                    self.inline_element(child)
                elif tag in IMG_TAGS:
                    self.flush()
                    self.image(child)
                else:
                    self.flush()
                    self.block(child)
                    self.where = el
            if child.tail:
                self.inline(child.tail)
        if self.skip_owner is el:
            self.flush()
            self.skip_section, self.skip_owner = None, None

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
        if tag == "article" and self.teasers and cards.is_card(el):
            self.teaser_chars += len(el.text_content())
            self.dropped(cards.TEASER_CARD, el)
            self.drop_lead_in()
            return
        if tag in sel.HEADINGS:
            self.heading(el)
        elif tag == "p":
            if el in self.picture_boxes and images.captioned_picture(el) and self.picture_box(el):
                return
            if self.lines.author_note(el):
                self.dropped(lines.AUTHOR_NOTE, el)
                return
            if hd.is_pseudo_heading(el):
                text = text_of(el)
                if self.byline is None and hd.looks_like_byline(text) and self.above_the_text():
                    self.byline = text  # "<p><strong>Jane Doe/John Roe</strong></p>" above the text
                    self.dropped(hd.BOLD_BYLINE, el, text)
                else:
                    self.heading(el)
            elif hd.is_marked_subheading(el):
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
        elif tag in EMBED_TAGS:
            embed = embed_block(el, self.base_url)
            if embed is not None:
                self.add(embed)
            else:
                self.dropped(UNKNOWN_IFRAME, el, detail=el.get("src") or "")
        elif tag == "pre":
            text = el.text_content().strip()
            if text:
                self.add(Block(kind="paragraph", text=text))
        elif tag in ("hr", "figcaption"):
            if tag == "figcaption":
                self.dropped(images.STRAY_CAPTION, el)
        elif el in self.picture_boxes and self.picture_box(el):
            return
        else:
            self.walk(el)
            self.flush()

    def picture_box(self, el: HtmlElement) -> bool:
        """A small box holding a picture and a line or two of text: a figure set without <figure>,
        its text a caption. The picture is kept, the caption is not text."""
        text = text_of(el)
        if not text or len(text) > images.CAPTION_BOX_MAX_CHARS or next(el.iter(*sel.HEADINGS), None) is not None:
            return False
        if images.named_as_text(el):
            return False  # a picture beside text ("wp-block-media-text")
        image = images.image_from(el, self.base_url)
        if image is None:
            return False
        self.dropped(images.PICTURE_BOX, el, text)
        self.images.append(image)
        self.add(Block(kind="image", ref=len(self.images) - 1))
        return True

    def heading(self, el: HtmlElement, level: int | None = None) -> None:
        text = text_of(el)
        if not text:
            return
        if len(text) > hd.HEADING_MAX_CHARS:
            return self.dropped(hd.OVERLONG_HEADING, el, text)
        key = match_key(text)
        if el.tag == "h1" or key in self.title_keys:
            return self.dropped(hd.HEADLINE_REPEAT, el, text)
        if not self.has_text():
            # Above the text: a kicker or a tail around the headline, or the standfirst set as a
            # heading in the article's header; not a section of the text.
            if any(same_headline(key, t) for t in self.title_keys):
                return self.dropped(hd.HEADLINE_VARIANT, el, text)
            if hd.in_header(el) or len(text) > hd.STANDFIRST_HEADING_MIN_CHARS or (
                    self.standfirst_key and len(key) >= STANDFIRST_KEY_MIN_CHARS
                    and self.standfirst_key.startswith(key[:STANDFIRST_KEY_PREFIX])):
                self.kept(hd.STANDFIRST_HEADING, el, text)
                self.add(Block(kind="paragraph", text=text))
                return
        if hd.in_player(el):
            return self.dropped(hd.PLAYER_TITLE, el, text)
        cls = el.get("class")
        if cls and sel.AUTHOR_CLASS.search(cls) and len(text) < hd.SHORT_HEADING_MAX_CHARS:
            # A byline set as a heading ("<h5 class='authorshort'>"), as the metadata reads it.
            return self.dropped(hd.BYLINE_HEADING, el, text)
        entry = hd.NUMBERED_ENTRY.match(text) is not None
        if entry:
            self.kept(hd.NUMBERED_ENTRY_HEADING, el, text)
        card = cards.teaser_card(el) if self.teasers and not entry else None
        if card is not None:
            self.teaser_chars += len(card.text_content())
            # A headline inside a link or a small linked box: a teaser for another story.
            self.dropped(cards.TEASER_HEADLINE, el, text)
            self.skip_section, self.skip_owner = cards.UNDER_TEASER_HEADLINE, card
            self.drop_lead_in()
            return
        furniture = self.is_furniture(text) if len(text) < hd.SHORT_HEADING_MAX_CHARS else None
        if furniture is None and sel.SUMMARY_LABEL.match(text):
            furniture = lines.SUMMARY_LABEL
        if furniture is None and sel.EMAIL.search(text):
            furniture = hd.TIP_HEADING
        if furniture is not None:
            return self.dropped(furniture, el, text)
        if self.teasers and not entry and link_len(el) > hd.LINKED_HEADING_MIN_SHARE * len(text):
            return self.dropped(hd.LINKED_HEADING, el, text)
        if sel.FURNITURE_LINE.match(text):
            # "Related", "Comments"...: skip what follows, to the end of the box holding the heading.
            self.dropped(hd.BOX_LABEL_HEADING, el, text)
            self.skip_section, self.skip_owner = hd.UNDER_BOX_LABEL, el.getparent()
            return
        self.skip_section, self.skip_owner = None, None
        if level is None and el.tag in sel.HEADINGS:
            level = int(el.tag[1])
        self.sections.append(Section(heading=text, level=level, blocks=[]))

    def list_block(self, el: HtmlElement) -> None:
        if cards.is_card_list(el):
            self.dropped(cards.TEASER_LIST, el)
            self.drop_lead_in()
            return
        items = list_items(el)
        if not items:
            return
        text = text_of(el)
        if is_link_list(el, text, items):
            return self.dropped(LINK_LIST, el, text)
        self.add(Block(kind="list", items=items, ordered=el.tag == "ol"))

    def quote(self, el: HtmlElement) -> None:
        if is_social_post(el):
            post = social_post(el, self.base_url)
            if post is not None:
                self.add(post)
            return
        attribution = None
        for sub in el.iter("cite", "footer", "figcaption"):
            attribution = text_of(sub).lstrip("—–-― ").strip() or None
            drop(sub)
            break
        text = "\n\n".join(t for t in (text_of(p) for p in el.iter("p")) if t) or text_of(el)
        if text and link_len(el) > LINKED_QUOTE_MIN_SHARE * len(text):
            # A linked headline set as a quote: a card for another post (WordPress embeds).
            return self.dropped(LINKED_QUOTE, el, text)
        if text:
            self.add(Block(kind="quote", text=text, attribution=attribution))

    def figure(self, el: HtmlElement) -> None:
        pictured = next(el.iter(*IMG_TAGS, "source"), None) is not None
        if pictured and el.find(".//table") is None:
            self.image(el)
            return
        if not pictured:
            for sub in el.iter("iframe", "video", "blockquote"):
                self.block(sub)
                if self.trace is not None:
                    caption = el.find(".//figcaption")
                    if caption is not None and text_of(caption):
                        self.dropped(images.FIGURE_CAPTION, caption)
                return
        # A table set as a figure (pictures in its cells too: products, logos) is walked as text.
        if el.find(".//table") is not None:
            self.walk(el)
            self.flush()
            caption = el.find("figcaption")
            if caption is not None and self.tables and self.tables[-1].caption is None and text_of(caption):
                self.tables[-1].caption = text_of(caption)
        elif self.trace is not None and text_of(el):
            self.dropped(images.EMPTY_FIGURE, el)

    def image(self, el: HtmlElement) -> None:
        if self.trace is not None and el.tag not in IMG_TAGS and text_of(el):
            self.dropped(images.FIGURE_CAPTION, el)
        image = images.image_from(el, self.base_url)
        if image is None:
            return
        self.images.append(image)
        self.add(Block(kind="image", ref=len(self.images) - 1))
