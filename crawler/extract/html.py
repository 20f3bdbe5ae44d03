"""Turn page bytes into one lxml tree: the only place a page is decoded and parsed."""

from __future__ import annotations

import lxml.etree
import lxml.html
from lxml.html import HtmlElement
from w3lib.encoding import html_to_unicode

_PARSER = lxml.etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False)
# Every element an HtmlElement (text_content, drop_tree...), chosen in C: lxml.html's own lookup,
# which gives <form> and <input> classes of their own, runs Python code for every element proxy.
_PARSER.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(element=HtmlElement))


_SINGLE_BYTE = ("cp1252", "latin", "iso8859", "iso-8859", "windows-125", "ascii")


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode page bytes as browsers do (BOM, HTTP header, <meta charset>, then detection), like Scrapy,
    except that bytes declared as a single-byte charset but valid UTF-8 are read as UTF-8: a page
    that says iso-8859-1 while its text is UTF-8 would otherwise turn every "ü" into "Ã¼"."""
    encoding, text = html_to_unicode(content_type, body)
    if encoding.lower().replace("_", "-").startswith(_SINGLE_BYTE) and not body.isascii():
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return text


def parse_html(html: str | bytes, content_type: str | None = None) -> HtmlElement | None:
    """Parse a page once; None when there is nothing to parse.

    Text is re-encoded to UTF-8 and parsed with an explicit encoding, so an XML declaration or a
    wrong <meta charset> in the document cannot make libxml2 decode it a second time.
    """
    if isinstance(html, bytes):
        html = decode_html(html, content_type)
    data = html.encode("utf-8", "replace")
    if not data.strip():
        return None
    try:
        root = lxml.etree.fromstring(data, parser=_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None
    if root is None or not isinstance(root.tag, str):
        return None
    return root
