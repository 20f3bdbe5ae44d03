"""decode_html and friends on inline bytes: the bytes win over lying labels; mojibake is repaired."""

from __future__ import annotations

import json
import random

import pytest

from crawler.discover import TooLarge, gunzip_capped
from crawler.extract.html import decode_html, looks_binary, looks_like_html, parse_html, repair_mojibake

from .badsite import SENTENCE, TITLE, gzip_bomb, mojibake

TEXT = f"<html><body><h1>{TITLE}</h1><p>{SENTENCE}</p></body></html>"


@pytest.mark.parametrize(
    "body, content_type",
    [
        pytest.param(TEXT.encode("cp1252"), "text/html; charset=utf-8", id="cp1252-labelled-utf8"),
        pytest.param(TEXT.encode("utf-8"), "text/html; charset=iso-8859-1", id="utf8-labelled-latin1"),
        pytest.param(TEXT.encode("utf-8"), "text/html; charset=windows-1252", id="utf8-labelled-cp1252"),
        pytest.param(("<meta charset='windows-1252'>" + TEXT).encode("cp1252"), "text/html; charset=utf-8",
                     id="meta-cp1252-header-utf8"),
        pytest.param(("<meta charset='utf-8'>" + TEXT).encode("utf-8"), "text/html; charset=iso-8859-1",
                     id="meta-utf8-header-latin1"),
        pytest.param(b"\xef\xbb\xbf" + ("<meta charset='iso-8859-1'>" + TEXT).encode("utf-8"), None, id="utf8-bom"),
        pytest.param(TEXT.encode("utf-16"), "text/html; charset=utf-16", id="utf16-bom"),
        pytest.param(TEXT.encode("utf-16-le"), "text/html", id="utf16le-unlabelled"),
        pytest.param(TEXT.encode("utf-16-be"), None, id="utf16be-unlabelled"),
        pytest.param(TEXT.encode("utf-8"), None, id="undeclared-utf8"),
        pytest.param(TEXT.encode("cp1252"), None, id="undeclared-cp1252"),
        pytest.param(mojibake(TEXT).encode("utf-8"), "text/html; charset=utf-8", id="mojibake-latin1"),
        pytest.param(TEXT.encode("utf-8").decode("cp1252", "ignore").encode("utf-8").replace(b"\xe2\x80\x9d", b"")
                     + TEXT.encode("utf-8"), "text/html", id="mojibake-cp1252-then-clean"),
    ],
)
def test_decoded_text_is_readable(body, content_type):
    text = decode_html(body, content_type)
    assert TITLE in text and SENTENCE in text


def test_a_stray_cp1252_snippet_in_a_utf8_page_keeps_both():
    body = ("<p>" + "Grüße aus Köln. " * 20 + "</p>").encode("utf-8") + "<p>“pasted” – €5</p>".encode("cp1252")
    text = decode_html(body, "text/html; charset=utf-8")
    assert "Grüße aus Köln." in text and "<p>“pasted” – €5</p>" in text


@pytest.mark.parametrize(
    "text, encoding, content_type",
    [
        ("Привет, «мир» — это тест", "cp1251", "text/html; charset=windows-1251"),
        ("Zażółć gęślą jaźń", "iso-8859-2", "text/html; charset=iso-8859-2"),
        ("日本語のテキストです", "shift_jis", "text/html; charset=shift_jis"),
        ("日本語のテキストです", "iso2022_jp", "text/html; charset=iso-2022-jp"),
        ("中文新闻标题", "gb2312", "text/html; charset=gb2312"),
    ],
)
def test_declared_legacy_encodings_are_honoured(text, encoding, content_type):
    assert decode_html(text.encode(encoding), content_type) == text


@pytest.mark.parametrize(
    "text",
    ["São Paulo, à la française, ÂNGULO, naïve", "Ã  la", "1 × 2 ÷ 3 ± 4 °C", "Œuvre «citée» ¿qué? ¡sí!"],
)
def test_legitimate_text_is_not_taken_for_mojibake(text):
    assert repair_mojibake(text) == text


def test_mojibake_written_as_json_escapes_in_json_ld_is_repaired():
    ld = json.dumps({"@type": "NewsArticle", "headline": mojibake(TITLE)})  # ensure_ascii: \u00c3\u00a9
    root = parse_html(f'<html><head><script type="application/ld+json">{ld}</script></head><body>x</body></html>')
    assert json.loads(root.find(".//script").text)["headline"] == TITLE


@pytest.mark.parametrize(
    "body, binary",
    [
        (random.Random(7).randbytes(4096), True),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), True),
        (TEXT.encode("cp1252"), False),
        (TEXT.encode("utf-16"), False),
        (TEXT.encode("utf-16-le"), False),
        (b"", False),
    ],
)
def test_looks_binary(body, binary):
    assert looks_binary(body) is binary


@pytest.mark.parametrize(
    "body, html",
    [
        (b'<html lang="en"><head>', True),
        (b"  \n<!DOCTYPE html>\n<html>", True),
        (b"<!-- generated --><head><title>x</title>", True),
        (TEXT.encode("utf-16"), True),
        (b'{"json": true}', False),
        (b"%PDF-1.7", False),
    ],
)
def test_looks_like_html(body, html):
    assert looks_like_html(body) is html


def test_gunzip_capped_stops_a_bomb_early():
    with pytest.raises(TooLarge):
        gunzip_capped(gzip_bomb(b"<urlset>", 1 << 30), 1 << 20)


def test_gzip_bomb_is_a_valid_gzip_stream():
    assert gunzip_capped(gzip_bomb(b"<p>", 3 << 20), 0)[:3] == b"<p>"
