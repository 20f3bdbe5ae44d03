"""Images: the best source of an <img> (srcset, lazy-loading attributes), captions and their credits,
pictures set without <figure> (a small box, a paragraph with an italic line), the hero image."""

from __future__ import annotations

import re
from collections.abc import Container
from urllib.parse import urljoin

from lxml.html import HtmlElement

from ..items import Image
from . import selectors as sel
from .dom import IMG_TAGS, INLINE_MEDIA, class_words, drop, has_text, name_words
from .text import text_of
from .trace import METADATA, WALK, rule

PICTURE_BOX = rule("picture-box", WALK, "a small box with a picture and a line or two of text is a figure set "
                   "without <figure>: its text is the picture's caption, not body text")
FIGURE_CAPTION = rule("figure-caption", WALK, "the text of a <figure> or <picture> is the image's caption and "
                      "credit, not body text")
EMPTY_FIGURE = rule("figure-without-picture", WALK, "a <figure> with no picture, embed or table: its text "
                    "captions something left out")
STRAY_CAPTION = rule("stray-caption", WALK, "a <figcaption> outside a figure captions a picture left out")
CAPTION_CREDIT_TAIL = rule("caption-credit-tail", METADATA, "a caption's last part in brackets after its last "
                           "sentence, or 'Name/Agency' after it, or a name after ' / ', is the picture's credit")
CREDIT_LABEL = rule("credit-label", METADATA, "the words around a credit are not the credit: 'Photo by', 'Foto von', "
                    "'Crédit photo :', '©', '… All rights reserved'")
NESTED_CREDIT = rule("nested-credit", METADATA, "a credit element inside a credit element already taken, or the same "
                     "name twice, is one credit")
CAPTION_AFTER_FIGURE = rule("caption-after-figure", METADATA, "a <figcaption> set right after a <figure> captions it")
CAPTIONED_HERO = rule("captioned-hero", METADATA, "above the text, the first picture with a caption is the lead "
                      "picture, before a bare one (a logo, an avatar)")

MIN_IMAGE_SIDE = 50  # a picture narrower or lower than this (pixels) is an icon, a pixel or a spacer


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
    """The caption and the credit it ends in: 'Talks in Moscow. Photo: Jane Doe' → ('Talks in
    Moscow.', 'Jane Doe'); '… on Monday. (Jane Doe/Agency)', '… on Monday. Jane Doe/Agency',
    '… on Monday / Jane Doe' alike (``caption-credit-tail``)."""
    caption = _GLUED_LABEL.sub(" ", caption)
    match = sel.CREDIT_PREFIX.search(caption)
    if match:
        credit = match.group(1).strip(" .)]")
        rest = _LABEL_START.sub("", caption[: match.start()]).strip(" |-–—(")
        return (rest or None), (clean_credit(credit) or None)
    match = sel.COPYRIGHT.search(caption)
    if match:
        rest = caption[: match.start()].strip(" |-–—(")
        return (rest or None), (clean_credit(match.group(1)) or None)
    match = _CREDIT_TAIL.search(caption)
    if match and match.start() > 0:
        credit = next(g for g in match.groups() if g)
        rest = caption[: match.start()].strip(" |/")
        if rest and _NAME_START.match(credit):
            return rest, clean_credit(credit) or None
    return caption or None, None


# A caption's last part that is its credit: in brackets after the last sentence ("… Monday. (AP)",
# "[사진 = Jane Doe]"), a name and its agency after the last sentence ("… Monday. Jane Doe/dpa"), or a
# name after a spaced slash ("… in Palma / Jane Doe").
_CREDIT_TAIL = re.compile(
    r"(?<=[.!?\"”])\s*[(\[]([^()\[\]]{2,60})[)\]]\W*$"
    r"|[(\[]([^()\[\]]{0,40}/[^()\[\]]{1,40})[)\]]\W*$"
    r"|[(\[]((?:photo|foto|bild|credit|사진)[^()\[\]]{0,10}[:=][^()\[\]]{1,50})[)\]]\W*$"
    r"|(?<=[.!?])\s*((?:[\w.'&-]+ ?){1,5}/ ?[\w.'&-]+(?: [\w.'&-]+){0,4}(?:, [\w.'&-]+)?)\W*$"
    r"|\s/\s+((?:[\w.'&-]+ ){0,3}[\w.'&-]+)\W*$",
    re.IGNORECASE,
)
_LABEL_START = re.compile(r"\s*\b(?:crédits?|credits?)$", re.IGNORECASE)  # "Crédit photo :", "Credit photo:"
_GLUED_LABEL = re.compile(r"(?<=[.!?])(?=(?:credits?|photos?|fotos?|bild)\s*:)", re.IGNORECASE)  # "…Amazon.Credit: X"
_NAME_START = re.compile(r"^\W*[^\W\d_a-z]")  # a credit starts with a capital (or a letter of a script without case)
# What is said before a credit or after it, not the credit: "Photo by", "Foto von", "Crédit photo :",
# "사진 출처 =", "© 2026 The Agency. All rights reserved".
_CREDIT_LABEL = re.compile(
    r"^\W*(?:(?:photo(?:graph)?s?|image|picture|foto(?:s|grafie)?|bild|credits?|crédits?(?:\s+photo)?|"
    r"photo\s+credit|quelle|source|fuente|fotó|imagen|immagine|사진(?:\s*출처)?|写真)\s*(?:[:=]|by\b|von\b|de\b|di\b)"
    r"|©|\(c\)|copyright\b)\s*",
    re.IGNORECASE,
)
_RIGHTS_RESERVED = re.compile(r"\W*(?:(?:©|\(c\)|\d{4})[^/|]*)?all rights reserved\W*$", re.IGNORECASE)


def clean_credit(credit: str) -> str:
    """A credit without the words around it: 'Photo by Kim Lee/Metro Daily' → 'Kim Lee/Metro Daily',
    'Foto: Jane Doe / Agency' → 'Jane Doe / Agency', 'Jane Doe/2026 The AP. All rights reserved' → 'Jane Doe'."""
    credit = _RIGHTS_RESERVED.sub("", _CREDIT_LABEL.sub("", credit.strip(), count=1))
    return credit.strip(" .,;:|/)]([") or ""


_CREDIT_WORDS = frozenset(
    "credit credits copyright source photographer author byline caption-credit imagecredit photocredit rights "
    "attribution distributor".split()
)


def image_from(el: HtmlElement, base_url: str) -> Image | None:
    """An Image from a <figure>, <picture> or <img> (with its caption and credit)."""
    img = el if el.tag in IMG_TAGS else next(el.iter(*IMG_TAGS), None)
    src = None
    if el.tag not in IMG_TAGS:
        for source in el.iter("source"):
            src = _best_src(source)
            if src:
                break
    if img is not None:
        src = _best_src(img) or src
        try:
            if int(img.get("width") or 100) < MIN_IMAGE_SIDE or int(img.get("height") or 100) < MIN_IMAGE_SIDE:
                return None
        except ValueError:
            pass
    if not src:
        return None
    caption = credit = None
    cap_el = el.find(".//figcaption") if el.tag == "figure" else None
    if cap_el is None and el.tag == "figure":
        cap_el = _caption_after(el)
    if cap_el is not None:
        credit, caption = _credit_elements(cap_el), text_of(cap_el) or None
    if caption and not credit:
        caption, credit = split_credit(caption)
    if credit:
        credit = clean_credit(sel.COPYRIGHT.sub(r"\1", credit).strip()) or credit
    alt = (img.get("alt") or "").strip() or None if img is not None else None
    return Image(url=urljoin(base_url, src), caption=caption, credit=credit, alt=alt)


def _credit_elements(cap_el: HtmlElement) -> str | None:
    """The credit set apart in a caption by its class ("credit", "author", "distributor"), taken out
    of it: each element once (not again inside one already taken), the same name once, a "/" between
    two of them kept ("Photo by Jane Doe /<span class=distributor>AFP</span>")."""
    parts: list[str] = []
    taken: list[HtmlElement] = []
    for sub in list(cap_el.iter()):
        if sub is cap_el or not class_words(sub) & _CREDIT_WORDS or any(t in taken for t in sub.iterancestors()):
            continue
        taken.append(sub)
        text = clean_credit(text_of(sub))
        if text and text not in parts:
            after_slash = len(taken) > 1 and (taken[-2].tail or "").strip() == "/"
            if parts and after_slash:
                parts[-1] = f"{parts[-1]}/{text}"
            else:
                parts.append(text)
    for sub in taken:
        if (sub.tail or "").strip() == "/":
            sub.tail = " "
        drop(sub)
    return " ".join(parts) or None


CAPTION_BOX_MAX_CHARS = 300  # a box with a picture and at most this much text is a figure
_CAPTION_WORDS = frozenset("caption captions legend info infotext credit credits".split())


def named_as_text(el: HtmlElement) -> bool:
    """A class or id that names the element as text ("media-text__content"), not as a caption's
    text ("caption-text", "image-info-text")."""
    if not el.get("class") and not el.get("id"):
        return False
    names = [name_words(name) for name in (el.get("class") or "").split()]
    names.append(name_words(el.get("id") or ""))
    return any(words and words[-1] in sel.CONTENT_WORDS and _CAPTION_WORDS.isdisjoint(words)
               and sel.NEGATIONS.isdisjoint(words) for words in names)


_CAPTION_TAGS = frozenset(("em", "i", "small"))


def captioned_picture(p: HtmlElement) -> bool:
    """A paragraph holding a picture and a line set in italics or small print under it, as editors
    caption a picture inside the text ("<p><img><br><em>The mayor on Monday</em></p>"). A paragraph
    with a picture floated in its text is text."""
    if (p.text or "").strip():
        return False
    caption = False
    for child in p:
        if (child.tail or "").strip():
            return False
        if not isinstance(child.tag, str) or child.tag in INLINE_MEDIA or child.tag == "picture":
            continue
        if child.text_content().strip():
            if child.tag not in _CAPTION_TAGS:
                return False
            caption = True
    return caption


def picture_boxes(container: HtmlElement) -> set[HtmlElement]:
    """The boxes up to three levels around each picture in the container (not the container)."""
    boxes: set[HtmlElement] = set()
    for img in container.iter(*IMG_TAGS, "picture"):
        if img.tag == "picture" and next(img.iter(*IMG_TAGS), None) is not None:
            continue  # its <img> stands for it
        el = img.getparent()
        while el is not None and el.tag in _PICTURE_WRAPPERS and el is not container:
            el = el.getparent()
        if el is not None and el.tag == "p":
            boxes.add(el)  # a paragraph holding a picture: see captioned_picture
            box = el.getparent()
            if box is not container and not has_text(el) and not any(
                    sib.tag == "p" and has_text(sib) for sib in box):
                el = box  # a picture set alone in a paragraph, a line (not a paragraph) under it: a figure
        for _ in range(3):
            if el is None or el is container or el.tag in ("p", "figure"):
                break
            boxes.add(el)
            el = el.getparent()
    return boxes


_PICTURE_WRAPPERS = frozenset(("picture", "source", "a", "span", "noscript"))


def _caption_after(figure: HtmlElement) -> HtmlElement | None:
    """A <figcaption> set right after its <figure> rather than in it (``caption-after-figure``)."""
    nxt = figure.getnext()
    return nxt if nxt is not None and nxt.tag == "figcaption" else None


def hero_image(container: HtmlElement, base_url: str, flagged: Container[HtmlElement]) -> Image | None:
    """The article's lead picture when it sits above the text, in the article's header: the first
    one with a caption (``captioned-hero``), else the first one. A <figure> with a caption counts
    though its own class reads as a template part ("gallery__figure", "entry-thumbnail"): only the
    boxes around it can make it one."""
    region = container
    for _ in range(3):
        parent = region.getparent()
        if parent is None or region.tag in ("article", "main", "body"):
            break
        region = parent
    first = None
    for el in region.iter("figure", "picture", *IMG_TAGS):
        if el is container or container in set(el.iterancestors()):
            break  # reached the text: nothing more above it
        captioned = el.tag == "figure" and (el.find(".//figcaption") is not None or _caption_after(el) is not None)
        if el in flagged and not captioned or any(a in flagged for a in el.iterancestors()):
            continue
        if el.tag in IMG_TAGS and el.getparent() is not None and el.getparent().tag in ("figure", "picture"):
            continue
        image = image_from(el, base_url)
        if image is not None:
            if image.caption:
                return image
            first = first or image
    return first
