"""Text as a reader sees it, and the keys texts are compared by: one place for each, shared by the
body, the tables, the lead and the metadata."""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement


def clean_text(text: str | None) -> str:
    """The text with its whitespace collapsed ("" for None)."""
    return " ".join((text or "").split())


# Chinese, Japanese and Korean script, where a character says what takes a word elsewhere.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SENTENCE_STOP = re.compile(r"[.!?…。！？][\"'»«“”‘’)\]]*$")  # the end of a sentence, past closing quotes


def match_key(text: str) -> str:
    """A text as the body and the lead compare it (headline repeats, names, descriptions):
    case-folded, runs of non-word characters as one space."""
    return re.sub(r"\W+", " ", text.casefold()).strip()


def same_headline(a: str, b: str) -> bool:
    """Keys of the same headline, or of the headline with a kicker or tail added."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 12 and (long_.startswith(short) or long_.endswith(short))


def fold(text: str) -> str:
    """A text as names and headlines are matched across sources: NFKC, case-folded, runs of
    punctuation and underscores as one space."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def text_of(el: HtmlElement) -> str:
    """The element's text, whitespace collapsed, with a line break or a block inside it read as a
    space ("Title<br>Subtitle", "<td><p>One</p><p>Two</p></td>"), as a browser shows it."""
    if next(el.iterdescendants(*BREAKING_TAGS), None) is None:
        return " ".join(el.text_content().split())
    parts: list[str] = []
    _spaced_text(el, parts)
    return " ".join("".join(parts).split())


def _spaced_text(el: HtmlElement, parts: list[str]) -> None:
    breaking = el.tag in BREAKING_TAGS
    if breaking:
        parts.append(" ")
    if el.text and isinstance(el.tag, str):
        parts.append(el.text)
    for child in el:
        _spaced_text(child, parts)
        if child.tail:
            parts.append(child.tail)
    if breaking:
        parts.append(" ")


BREAKING_TAGS = frozenset((
    "br", "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "h1", "h2", "h3", "h4",
    "h5", "h6", "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "hr", "pre",
))
