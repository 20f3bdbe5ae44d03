"""The body walk: the container's elements in page order, turned into sections of blocks.

A heading opens a section; paragraphs, lists, quotes, tables, figures and embeds become blocks;
inline text is gathered and split into paragraphs; template parts, teaser cards and furniture
lines are left out.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml.html import HtmlElement

from ..items import Block, Image, ListItem, Section, Table
from . import selectors as sel
from .cards import is_card, is_card_list, teaser_card
from .dom import IMG_TAGS, INLINE_TAGS, class_words, drop, has_block, link_len, under
from .headings import in_header, in_player, is_marked_subheading, is_pseudo_heading, looks_like_byline
from .images import CAPTION_BOX, captioned_picture, image_from, named_as_text
from .lines import LINK_PARA, NAME_SPLIT, linked_sentence, meta_line, term_list
from .tables import is_layout_table, parse_table
from .text import BREAKING_TAGS, match_key, same_headline, text_of

_EMBED_HOSTS = (
    ("twitter.com", "twitter"), ("x.com", "twitter"), ("youtube.com", "youtube"), ("youtube-nocookie.com", "youtube"),
    ("youtu.be", "youtube"), ("vimeo.com", "vimeo"), ("instagram.com", "instagram"), ("facebook.com", "facebook"),
    ("tiktok.com", "tiktok"), ("dailymotion.com", "dailymotion"), ("soundcloud.com", "soundcloud"),
    ("spotify.com", "spotify"), ("datawrapper.dwcdn.net", "datawrapper"), ("flourish.studio", "flourish"),
)
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


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_ITALIC_TAGS = frozenset(("em", "i"))
_AUTHOR_NOTE = 300  # an italic note about the writer is shorter than this
_LEAD_IN = 200  # a line introducing a teaser is shorter than this


class Walker:
    def __init__(self, base_url: str, title: str | list[str] | None, skip: set[HtmlElement] | frozenset = frozenset(),
                 authors: list[str] | None = None, site_names: list[str] | None = None,
                 description: str | None = None):
        self.base_url = base_url
        self.standfirst_key = match_key(description) if description else ""
        names = [n.strip() for a in authors or () if a for n in NAME_SPLIT.split(sel.BYLINE_PREFIX.sub("", a))
                 if n.strip()]
        self.author_keys = {match_key(n) for n in names}
        # Writers' full names as written, to find them inside a line ("17:10Jane Doe", an italic note).
        full_names = sorted({n for n in names if len(n.split()) >= 2}, key=len, reverse=True)
        self.author_names = re.compile("|".join(map(re.escape, full_names)), re.IGNORECASE) if full_names else None
        # The page's own address or the site's name standing alone are furniture, not text.
        self.site_keys = {match_key(s).replace(" ", "") for s in (base_url, *(site_names or ())) if s}
        self.skip = skip
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
            if links > LINK_PARA * len(text) and len(text) < 300:
                if (len(part_kinds) >= 2 and self.term_links.issuperset(part_kinds)
                        and term_list(raw, part_start, end, spans)):
                    # Terms linked the way the text's own sentences link them (a list of places
                    # the site links to its topic pages): text, not a line of links.
                    self.add(Block(kind="paragraph", text=text))
                elif self.paragraphs and linked_sentence(raw, part_start, end, spans):
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
        if n < 250 and "|" in text and meta_line(text):
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
        if n < 250 and match_key(text).replace(" ", "") in self.site_keys:
            return True
        if n < 80 and self.author_keys:
            unprefixed = sel.BYLINE_PREFIX.sub("", text)
            names = [match_key(x) for x in NAME_SPLIT.split(unprefixed) if x.strip()]
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
                     if not under(i.getparent(), el, _ITALIC_TAGS))  # nested italics counted once
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
                elif tag in INLINE_TAGS and not has_block(child):
                    self.inline_element(child)
                elif tag in IMG_TAGS:
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
        if tag == "article" and is_card(el):
            self.drop_lead_in()
            return
        if tag in sel.HEADINGS:
            self.heading(el)
        elif tag == "p":
            if el in self.picture_boxes and captioned_picture(el) and self.picture_box(el):
                return
            if self.author_note(el):
                return
            if is_pseudo_heading(el):
                text = text_of(el)
                if self.byline is None and looks_like_byline(text) and self.above_the_text():
                    self.byline = text  # "<p><strong>Jane Doe/John Roe</strong></p>" above the text
                else:
                    self.heading(el)
            elif is_marked_subheading(el):
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
        if not text or len(text) > CAPTION_BOX or next(el.iter(*sel.HEADINGS), None) is not None:
            return False
        if named_as_text(el):
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
        key = match_key(text)
        if el.tag == "h1" or key in self.title_keys:
            return
        if not self.has_text():
            # Above the text: a kicker or a tail around the headline, or the standfirst set as a
            # heading in the article's header; not a section of the text.
            if any(same_headline(key, t) for t in self.title_keys):
                return
            if in_header(el) or len(text) > 100 or (self.standfirst_key and len(key) >= 30
                                                     and self.standfirst_key.startswith(key[:60])):
                self.add(Block(kind="paragraph", text=text))
                return
        if in_player(el):
            return  # a video's title
        cls = el.get("class")
        if cls and sel.AUTHOR_CLASS.search(cls) and len(text) < 100:
            return  # a byline set as a heading ("<h5 class='authorshort'>"), as the metadata reads it
        card = teaser_card(el)
        if card is not None:
            # A headline inside a link or a small linked box: a teaser for another story.
            self.skip_section, self.skip_owner = True, card
            self.drop_lead_in()
            return
        if len(text) < 100 and self.is_furniture(text) or sel.SUMMARY_LABEL.match(text) or sel.EMAIL.search(text):
            return
        if link_len(el) > 0.8 * len(text):
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
        if is_card_list(el):
            self.drop_lead_in()
            return
        items = self._items(el)
        if not items:
            return
        text = text_of(el)
        if text and link_len(el) > 0.7 * len(text) and len(text) / len(items) < 100:
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
        if text and link_len(el) > 0.8 * len(text):
            return  # a linked headline set as a quote: a card for another post (WordPress embeds)
        if text:
            self.add(Block(kind="quote", text=text, attribution=attribution))

    def figure(self, el: HtmlElement) -> None:
        if next(el.iter(*IMG_TAGS, "source"), None) is None:
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
