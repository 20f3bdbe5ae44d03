"""Turn page bytes into one lxml tree: the only place a page is decoded and parsed.

Decoding trusts the bytes over the labels, because servers lie: a UTF-8 header on a cp1252 page,
a ``<meta charset>`` that disagrees with the header, UTF-16 without a label. The order is

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. a body patterned with NUL bytes is UTF-16, whatever the labels say;
3. an ASCII-incompatible 7-bit encoding that is declared (ISO-2022-*, HZ, UTF-7) is used;
4. bytes that are valid UTF-8 are UTF-8 (a legacy page is valid UTF-8 only by freak chance);
5. otherwise the page is in a legacy encoding: the first non-UTF-8 one declared (header, then
   ``<meta>``), or cp1252, the web's default for unlabelled Western pages. A page that is mostly
   UTF-8 with stray legacy bytes (a cp1252 snippet pasted into a UTF-8 template) keeps its UTF-8
   and has only the stray bytes read as legacy.

Then text that was UTF-8 read as cp1252 somewhere upstream ("CafÃ©", "â€œquotedâ€\x9d": mojibake,
often found in JSON-LD written by a CMS) is repaired, sequence by sequence.
"""

from __future__ import annotations

import codecs
import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

_PARSER = lxml.etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False)
# Every element an HtmlElement (text_content, drop_tree...), chosen in C: lxml.html's own lookup,
# which gives <form> and <input> classes of their own, runs Python code for every element proxy.
_PARSER.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(element=HtmlElement))

_SEVEN_BIT = {"iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext",
              "iso2022_kr", "hz", "utf_7"}
# UTF-8 multi-byte sequences (well-formed enough to tell UTF-8 from legacy bytes).
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = re.compile(rb"[\x80-\xff]")
# Bytes that never occur in text: C0 controls other than tab, newlines, form feed and escape.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Characters XML (and so lxml, when a text is set back on a tree) refuses; HTML renders none of them.
_CONTROL_DELETE = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_FORM_FEED_TO_SPACE = bytes.maketrans(b"\x0c", b" ")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)

# Mojibake: the cp1252 reading of a UTF-8 multi-byte sequence. A lead character (U+00C2-U+00F4)
# followed by the right number of characters that cp1252 gives for bytes 0x80-0xBF, or latin-1 gives
# (C1 controls U+0080-U+009F: the mojibake of PHP's utf8_encode and latin-1 database connections).
_CP1252 = {b: bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0x100)}
_CONT = "[\u0080-\u009f" + "".join(re.escape(_CP1252[b]) for b in range(0x80, 0xC0)) + "]"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}")
# The same, written as JSON \\u escapes (json.dumps with ensure_ascii, as many CMSs do).
_ESC = r"\\u(?:008[0-9a-f]|009[0-9a-f]|" + "|".join(sorted({f"{ord(c):04x}" for c in _CP1252.values()})) + ")"
_ESCAPED_MOJIBAKE = re.compile(rf"(?:{_ESC}){{2,}}", re.IGNORECASE)


def _cp1252_byte(char: str) -> bytes | None:
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:  # a C1 control: the latin-1 reading of that byte
        return bytes([ord(char)]) if 0x80 <= ord(char) <= 0x9F else None


def _unmojibake(match: re.Match) -> str:
    text = match.group(0)
    raw = [_cp1252_byte(c) for c in text]
    if any(b is None for b in raw):
        return text
    try:
        return b"".join(raw).decode("utf-8")  # type: ignore[arg-type]
    except UnicodeDecodeError:
        return text


def repair_mojibake(text: str) -> str:
    """UTF-8 that was read as cp1252 ("CafÃ©", "â€œ") turned back into what was meant ("Café", "“")."""
    return _MOJIBAKE.sub(_unmojibake, text)


# Mojibake as it looks in UTF-8 bytes: the encoding of a lead character (U+00C2-U+00F4) followed by
# the encoding of a continuation character. A bytes pattern with a literal first byte is found far
# faster than the text pattern, so clean pages (nearly all) skip the repair.
_MOJIBAKE_BYTES = re.compile(
    rb"[\xc3][\x82-\xb4](?:\xc2[\x80-\xbf]|\xe2\x80|\xe2\x82\xac|\xe2\x84\xa2|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]"
    rb"|\xc6\x92|\xcb[\x86\x9c])"
)


def _repair_utf8(body: bytes, text: str) -> str:
    """repair_mojibake for text decoded from valid UTF-8 ``body``, only when the bytes show some."""
    return repair_mojibake(text) if _MOJIBAKE_BYTES.search(body) else text


def _unescape_mojibake(match: re.Match) -> str:
    chars = "".join(chr(int(h, 16)) for h in re.findall(r"[0-9a-fA-F]{4}", match.group(0)))
    fixed = _MOJIBAKE.sub(_unmojibake, chars)
    return match.group(0) if fixed == chars else fixed


def _fallback_handler(encoding: str) -> str:
    """Name of a codec error handler that reads each byte UTF-8 rejects in ``encoding`` (single-byte)."""
    name = f"newsdesk-{encoding}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        def handler(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeDecodeError):
                raise exc
            return exc.object[exc.start:exc.end].decode(encoding, "replace"), exc.end

        codecs.register_error(name, handler)
    return name


def _utf16(body: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the first bytes are ASCII text with NULs between the letters."""
    head = body[:512]
    half = len(head) // 2
    if half < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _declared(body: bytes, content_type: str | None) -> list[str]:
    found = [http_content_type_encoding(content_type), html_body_declared_encoding(body[:4096])]
    return [codecs.lookup(e).name.replace("-", "_") for e in found if e]


def _single_byte(encoding: str) -> bool:
    try:
        return len(bytes(range(256)).decode(encoding, "replace")) == 256
    except LookupError:
        return False


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode page bytes into text, trusting the bytes over the labels (see the module docstring)."""
    if not body:
        return ""
    encoding, bom = read_bom(body)
    if encoding and bom:
        return repair_mojibake(body[len(bom):].decode(encoding, "replace"))
    utf16 = _utf16(body)
    if utf16:
        return repair_mojibake(body.decode(utf16, "replace").lstrip("\ufeff"))
    declared = _declared(body, content_type)
    seven_bit = next((e for e in declared if e in _SEVEN_BIT), None)
    if seven_bit:
        return repair_mojibake(body.decode(seven_bit, "replace"))
    try:
        return _repair_utf8(body, body.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    legacy = next((e for e in declared if e not in ("utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32")), "cp1252")
    if legacy in ("latin_1", "iso8859_1", "ascii"):
        legacy = "cp1252"  # what browsers do with these labels
    if _single_byte(legacy):
        utf8_bytes = sum(len(m) for m in _UTF8_SEQ.findall(body))
        if utf8_bytes > len(_HIGH.findall(body)) - utf8_bytes:  # mostly UTF-8: only the stray bytes are legacy
            return repair_mojibake(body.decode("utf-8", _fallback_handler(legacy)))
    return repair_mojibake(body.decode(legacy, "replace"))


def looks_binary(body: bytes) -> bool:
    """True for bytes that are no text in any encoding a page uses (an image, random garbage)."""
    head = body[:4096]
    if not head or _utf16(body) or read_bom(body)[0]:
        return False
    return b"\x00" in head or len(_CONTROL_BYTES.findall(head)) > 0.05 * len(head)


def looks_like_html(body: bytes) -> bool:
    """True when the first bytes are an HTML document, whatever the Content-Type said."""
    encoding, bom = read_bom(body)
    utf16 = _utf16(body)
    if bom or utf16:
        head = body[len(bom or b""):1024].decode(encoding or utf16 or "utf-8", "replace").encode("utf-8")
    else:
        head = body[:1024]
    return bool(_HTML_START.match(head))


def parse_html(html: str | bytes, content_type: str | None = None) -> HtmlElement | None:
    """Parse a page once; None when there is nothing to parse.

    Text is re-encoded to UTF-8 and parsed with an explicit encoding, so an XML declaration or a
    wrong <meta charset> in the document cannot make libxml2 decode it a second time. Control
    characters are dropped first: libxml2 keeps them in text nodes, but lxml refuses to set such a
    text back on a tree, so any later edit of the tree (the extractor's cleaning) would raise. Mojibake
    written as JSON escapes inside JSON-LD is repaired here, where the scripts are found.
    """
    if isinstance(html, bytes):
        html = decode_html(html, content_type)
    # Control characters are single bytes in UTF-8 (never inside a multi-byte sequence): drop them
    # from the bytes, where translate() does it in one pass.
    data = html.encode("utf-8", "replace").translate(_FORM_FEED_TO_SPACE, _CONTROL_DELETE)
    if b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data:
        data = data.replace(b"\xef\xbf\xbe", b"").replace(b"\xef\xbf\xbf", b"")
    if not data.strip():
        return None
    try:
        root = lxml.etree.fromstring(data, parser=_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None
    if root is None or not isinstance(root.tag, str):
        return None
    for script in root.iterfind(".//script[@type]"):
        if "ld+json" in (script.get("type") or "") and script.text and "\\u" in script.text:
            script.text = _ESCAPED_MOJIBAKE.sub(_unescape_mojibake, script.text)
    return root
