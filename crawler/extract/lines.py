"""Line rules: how a short line of text inside the article is told from template furniture (a
dateline, a line of links, a line of metadata in parts)."""

from __future__ import annotations

import re

from . import selectors as sel
from .text import SENTENCE_STOP

LINK_PARA = 0.6  # a short paragraph with more link text than this share is a link line
_BYLINE_PART = re.compile(rf"^(?:{sel.BYLINE_WORDS}|de)\b:?\s", re.IGNORECASE)
NAME_SPLIT = re.compile(r"\s+(?:and|und|et|y|e|og|och|en)\s+|\s*[,&|]\s*", re.IGNORECASE)
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


def term_list(raw: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether raw[start:end] is a list of terms, most of them linked: it starts with a link, and
    links and the unlinked terms between them are short ("Kent: Dover, Folkestone, Hythe"); a label
    ("More:") or a headline says it is a line of links."""
    if any(min(e, end) - max(s, start) > _TERM_LEN for s, e in spans if s < end and e > start):
        return False
    outside = _outside_links(raw, start, end, spans)
    return not _WORD.search(outside[0]) and all(len(piece.strip()) <= _TERM_LEN for piece in outside)


_TERM_LEN = 40


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
        len(_WORD.findall(before)) >= 3 and not before.endswith(_LABEL_ENDS) and not sel.FURNITURE_LINE.match(before))


_LABEL_ENDS = (":", "|", "-", "–", "—", "»", ">", "[", "(", "/")


def meta_line(text: str) -> bool:
    """A line of article metadata set in parts: "Do 25.04.24 | 14:07 Uhr | Von Jane Doe", "Published
    13 May 2026 | 3 min read | By: Jane Doe"."""
    parts = [p.strip() for p in text.split("|") if p.strip()]
    return (len(parts) > 1 and sel.DATE_LINE.match(parts[0]) is not None
            and any(sel.READ_TIME.search(p) or _BYLINE_PART.match(p) and len(p) < 80 and p.split()[1][:1].isupper()
                    for p in parts[1:]))
