"""The hostile web, served by tests/siteserver.py under /bad/ (nothing on the demo site links here).

Every route is a case of issue 7: a page with charset trouble, broken markup or malformed metadata;
a bomb, an entity attack or a loop in discovery; a trap; a misbehaving server. Tests import the
exact strings from here. ``handle(handler)`` answers one request; state (hits, per-token
counters) lives on the server object, so one server can serve many tests at once: routes with a
``<token>`` keep separate state per token.

    /bad/article/<name>            a small valid article (canonical: without the query string)
    /bad/charset/<case>            see CHARSET_CASES
    /bad/markup/<case>             unclosed, nested-html, garbage, empty, zero, octet-stream, huge, huge-chunked
    /bad/meta/<case>               jsonld-broken, jsonld-deep, date-zero, date-impossible, readtime-huge
    /bad/bomb/page                 gzip bomb with Content-Encoding: gzip (inflates to BOMB_SIZE)
    /bad/bomb/sitemap.xml.gz       gzip bomb served as a gzipped sitemap file
    /bad/bomb/encoded-sitemap.xml  gzip bomb as a sitemap with Content-Encoding: gzip
    /bad/sitemap/laughs.xml        billion laughs (and two good URLs)
    /bad/sitemap/xxe.xml?file=P    external entities naming the local file P (and one good URL)
    /bad/sitemap/self.xml          a sitemap index that lists itself (and a urlset)
    /bad/sitemap/deep/<n>.xml      an index that lists the next index, forever
    /bad/sitemap/many.xml?n=N      a urlset of N URLs (/bad/article/many-<i>)
    /bad/sitemap/news.xml          a Google News sitemap of bad dates and titles (see NEWS_SITEMAP_CASES)
    /bad/undated/<name>            a small valid article that states no date
    /bad/feed/broken.xml           RSS cut off mid-item with bad markup; /bad/feed/garbage.xml
    /bad/calendar/<y>/<m>          an endless calendar: links to the previous and next months
    /bad/variants                  links to one article under tracking parameters, fragments, session ids
    /bad/links/offsite             links to articles on other hosts (localhost, 127.0.0.2)
    /bad/redirect/loop-a, loop-b   a redirect loop; /bad/redirect/chain/<n> an endless chain
    /bad/redirect/scheme/<s>       a redirect to file:, ftp:, javascript: or data:
    /bad/redirect/offsite          a redirect to http://localhost:<port>/bad/article/offsite
    /bad/server/hang               accepts, reads the request, never answers (until the client leaves)
    /bad/server/drip               a byte a second
    /bad/server/reset              resets the connection
    /bad/server/flaky/<token>      500 on the first request, then an article
    /bad/server/<429|503>/<token>?after=S[&date=1]   that status with Retry-After S, then an article
    /bad/_hits?path=P | prefix=P   JSON list of request times for a path (or all paths under a prefix)
"""

from __future__ import annotations

import json
import random
import socket
import struct
import time
import zlib
from html import escape
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

TITLE = "Café “quoted” — naïve résumé"
SENTENCE = "Zoë’s café served crème brûlée – “très bien”, she said, and paid €5."
AUTHOR = "José Núñez"
FILLER = [
    "The council met on Tuesday evening to discuss the proposal, which had been debated for months.",
    "Residents who attended the meeting said they welcomed the decision, although some had doubts.",
    "Officials said the work would begin in spring and should be finished before the end of the year.",
    "The cost of the project, shared between the city and the region, is expected to stay within budget.",
    "Opposition members asked for a review of the plans, saying the consultation had been too short.",
    "A final vote is scheduled for next month, when the detailed figures will be published in full.",
]
BOMB_SIZE = 4 << 30  # what /bad/bomb/* inflate to: 4 GiB
HUGE_SIZE = 50 << 20  # /bad/markup/huge*: 50 MiB
MANY_DEFAULT = 100_000

# /bad/sitemap/news.xml: <url> entries for /bad/undated/<name>, and what each one holds.
NEWS_SITEMAP_CASES = {
    "zero-date": "<news:publication_date>0000-00-00</news:publication_date>",
    "impossible-date": "<news:publication_date>2025-13-45T25:61:00Z</news:publication_date>",
    "future-date": "<news:publication_date>2099-01-01T00:00:00Z</news:publication_date>",
    "long-date": "<news:publication_date>2025-03-03" + "0" * 100_000 + "</news:publication_date>",
    "entity-date": "<news:publication_date>&xxe;2025-03-03</news:publication_date>",
    "junk-date": "<news:publication_date>yesterday-ish, probably</news:publication_date>",
    "huge-title": "<news:publication_date>2025-03-03T10:00:00Z</news:publication_date>"
                  "<news:title>" + "A" * 1_000_000 + "</news:title>",
    "nested-date": "<news:publication><news:publication_date>2025-03-03</news:publication_date></news:publication>",
    "good": "<news:publication_date>2025-03-03T10:00:00+01:00</news:publication_date>",
}
NEWS_SITEMAP_GOOD_DATE = "2025-03-03T10:00:00+01:00"

CHARSET_CASES = {
    # case: (bytes encoding, Content-Type header, <meta charset> or None)
    "cp1252-as-utf8": ("cp1252", "text/html; charset=utf-8", None),
    "meta-disagrees-utf8": ("utf-8", "text/html; charset=iso-8859-1", "utf-8"),
    "meta-disagrees-cp1252": ("cp1252", "text/html; charset=utf-8", "windows-1252"),
    "bom": ("utf-8-sig", "text/html", "iso-8859-1"),
    "utf16": ("utf-16", "text/html; charset=utf-16", None),
    "utf16-unlabelled": ("utf-16-le", "text/html", None),
    "undeclared-utf8": ("utf-8", "text/html", None),
    "undeclared-cp1252": ("cp1252", "text/html", None),
    "mojibake-jsonld": ("utf-8", "text/html; charset=utf-8", "utf-8"),
    "mojibake-jsonld-escaped": ("utf-8", "text/html; charset=utf-8", "utf-8"),
}


def mojibake(text: str) -> str:
    """UTF-8 read as latin-1: what a CMS with a misconfigured database connection writes."""
    return text.encode("utf-8").decode("latin-1")


def article_html(base: str, path: str, title: str = TITLE, *, body: str | None = None, head: str = "",
                 ld: dict | str | None = None, ld_ascii: bool = False, meta_charset: str | None = None,
                 byline: str = "", author_in_byline: bool = True) -> str:
    """A complete article page (og:type article, JSON-LD NewsArticle unless ``ld`` says otherwise)."""
    canonical = base + urlsplit(path).path
    if ld is None:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "author": {"@type": "Person", "name": AUTHOR}, "datePublished": "2025-03-03T17:04:00+01:00"}
    ld_text = ld if isinstance(ld, str) else json.dumps(ld, ensure_ascii=ld_ascii)
    paras = body if body is not None else "".join(
        f"<p>{escape(p)}</p>" for p in [FILLER[0], SENTENCE, *FILLER[1:]]
    )
    charset = f'<meta charset="{meta_charset}">' if meta_charset else ""
    by = f'<p class="byline">By {escape(AUTHOR)}</p>' if author_in_byline else ""
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head>{charset}<title>{escape(title)} | The Bad Herald</title>'
        f'<meta property="og:type" content="article"><meta property="og:site_name" content="The Bad Herald">'
        f'<link rel="canonical" href="{escape(canonical)}">'
        f'<script type="application/ld+json">{ld_text}</script>{head}</head>'
        f'<body><header><nav><a href="/bad/article/nav">Home</a></nav></header>'
        f'<article><h1>{escape(title)}</h1>{by}{byline}{paras}</article>'
        f"<footer><p>© The Bad Herald</p></footer></body></html>"
    )


def gzip_bomb(prefix: bytes, size: int) -> bytes:
    """A valid gzip stream of ``prefix`` and zeros, ``size`` bytes inflated, about size/1000 compressed.

    Built from one deflate block repeated: after a full flush the compressor's output for the same
    input is the same bytes, so 4 GiB are never compressed (only checksummed, in about half a second).
    """
    chunk = b"\0" * (1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = deflate.compress(prefix) + deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.flush()
    n = max(1, (size - len(prefix)) // len(chunk))
    crc = zlib.crc32(prefix)
    for _ in range(n):
        crc = zlib.crc32(chunk, crc)
    total = len(prefix) + n * len(chunk)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + head + block * (n - 1) + tail + struct.pack("<II", crc, total & 0xFFFFFFFF)


def _once(server, key: str, make):
    cache = server.bad_cache
    with server.bad_lock:
        if key not in cache:
            cache[key] = make()
        return cache[key]


def _count(server, key: str) -> int:
    """How many times ``key`` was asked for before (0 the first time)."""
    with server.bad_lock:
        n = server.bad_counts.get(key, 0)
        server.bad_counts[key] = n + 1
        return n


def _urlset(locs) -> bytes:
    body = "".join(f"<url><loc>{escape(u)}</loc></url>\n" for u in locs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{body}</urlset>\n").encode()


def _index(locs) -> bytes:
    body = "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>\n" for u in locs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{body}</sitemapindex>\n").encode()


def handle(h, head: bool = False) -> None:  # noqa: PLR0911, PLR0912 - one dispatch table
    """Answer one request for a /bad/ path (``h`` is the SiteHandler)."""
    parts = urlsplit(h.path)
    path, query = parts.path, parse_qs(parts.query)
    base = h.base
    server = h.server
    seg = path.strip("/").split("/")[1:]  # after "bad"
    first = seg[0] if seg else ""

    def send(body: bytes, ctype: str = "text/html; charset=utf-8", status: HTTPStatus = HTTPStatus.OK,
             headers: dict[str, str] | None = None) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if not head:
            _write(h, body)

    def page(title: str = TITLE, **kw) -> None:
        send(article_html(base, h.path, title, **kw).encode())

    if first == "_hits":
        with server.bad_lock:
            if "prefix" in query:
                hits = {p: t for p, t in server.hits.items() if p.startswith(query["prefix"][0])}
            else:
                hits = server.hits.get(query.get("path", [""])[0], [])
        return send(json.dumps(hits).encode(), "application/json")

    if first == "article":
        name = "/".join(seg[1:]) or "index"
        return page(f"Article {name}")

    if first == "undated":
        name = "/".join(seg[1:]) or "index"
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": f"Undated {name}",
              "author": {"@type": "Person", "name": AUTHOR}}
        return page(f"Undated {name}", ld=ld)

    if first == "charset" and len(seg) == 2 and seg[1] in CHARSET_CASES:
        encoding, ctype, meta = CHARSET_CASES[seg[1]]
        if seg[1] == "mojibake-jsonld":
            ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": mojibake(TITLE),
                  "author": {"@type": "Person", "name": mojibake(AUTHOR)}, "description": mojibake(SENTENCE)}
            html = article_html(base, path, ld=ld, meta_charset=meta, author_in_byline=False)
        elif seg[1] == "mojibake-jsonld-escaped":
            ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": mojibake(TITLE),
                  "author": {"@type": "Person", "name": mojibake(AUTHOR)}, "description": mojibake(SENTENCE)}
            html = article_html(base, path, ld=ld, ld_ascii=True, meta_charset=meta, author_in_byline=False)
        else:
            html = article_html(base, path, meta_charset=meta)
        return send(html.encode(encoding), ctype)

    if first == "markup" and len(seg) == 2:
        case = seg[1]
        paras = "".join(f"<p>{escape(p)}" for p in [FILLER[0], SENTENCE, *FILLER[1:]])
        if case == "unclosed":
            body = (f'<html lang="en"><head><title>{escape(TITLE)}</title><meta property="og:type" content="article">'
                    f"<body><div class=content><article><h1>{escape(TITLE)}</h1><div><span><b>{paras}<ul><li>one<li>two"
                    f"<table><tr><td>cell<td>cell")
            return send(body.encode())
        if case == "nested-html":
            inner = article_html(base, path)
            return send(f"<html><head><title>outer</title></head><body>{inner}</body></html>".encode())
        if case == "garbage":
            rng = random.Random(7)
            return send(bytes(rng.randrange(256) for _ in range(64 * 1024)))
        if case == "empty":
            return send(b" \n\t \n")
        if case == "zero":
            return send(b"")
        if case == "octet-stream":
            html = article_html(base, path).replace("<!DOCTYPE html>\n", "")
            return send(html.encode(), "application/octet-stream")
        if case == "huge":
            body = _once(server, "huge", lambda: _huge_page(base, HUGE_SIZE))
            return send(body)
        if case == "huge-chunked":
            return _stream_huge(h, base, HUGE_SIZE)

    if first == "meta" and len(seg) == 2:
        case = seg[1]
        ld: dict | str = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
                          "author": {"@type": "Person", "name": AUTHOR}}
        if case == "jsonld-broken":
            return page(ld='{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Broken, '
                           '"author": {"name": }, ]')
        if case == "jsonld-deep":
            return page(ld='{"a":' * 10000 + "1" + "}" * 10000)
        if case == "date-zero":
            return page(ld={**ld, "datePublished": "0000-00-00", "dateModified": "0000-00-00T00:00:00"})
        if case == "date-impossible":
            return page(ld={**ld, "datePublished": "2025-13-45", "dateModified": "2025-02-30T25:61:00"})
        if case == "readtime-huge":
            return page(ld={**ld, "datePublished": "2025-03-03T17:04:00+01:00"},
                        byline='<span class="read-time">9999999 min read</span>')

    if first == "bomb":
        if seg[1:] == ["page"]:
            body = _once(server, "bomb-html", lambda: gzip_bomb(b"<html><body><p>", BOMB_SIZE))
            return send(body, "text/html; charset=utf-8", headers={"Content-Encoding": "gzip"})
        xml = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>'
        if seg[1:] == ["sitemap.xml.gz"]:
            return send(_once(server, "bomb-xml", lambda: gzip_bomb(xml, BOMB_SIZE)), "application/x-gzip")
        if seg[1:] == ["encoded-sitemap.xml"]:
            return send(_once(server, "bomb-xml", lambda: gzip_bomb(xml, BOMB_SIZE)), "application/xml",
                        headers={"Content-Encoding": "gzip"})

    if first == "sitemap":
        rest = "/".join(seg[1:])
        if rest == "laughs.xml":
            lol = ['<!ENTITY lol "lol">']
            lol += [f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 10)]
            doc = (f'<?xml version="1.0"?>\n<!DOCTYPE urlset [\n{chr(10).join(lol)}\n]>\n'
                   f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                   f"<url><loc>{base}/bad/article/laughs-1</loc></url>\n"
                   f"<url><loc>{base}/bad/article/&lol9;</loc></url>\n"
                   f"<url><loc>{base}/bad/article/laughs-2</loc></url>\n</urlset>\n")
            return send(doc.encode(), "application/xml")
        if rest == "xxe.xml":
            target = query.get("file", ["/etc/passwd"])[0]
            doc = (f'<?xml version="1.0"?>\n<!DOCTYPE urlset [\n<!ENTITY xxe SYSTEM "file://{target}">\n'
                   f'<!ENTITY % pe SYSTEM "file://{target}">\n%pe;\n]>\n'
                   f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                   f"<url><loc>&xxe;</loc></url>\n<url><loc>{base}/bad/article/xxe-&xxe;</loc></url>\n"
                   f"<url><loc>{base}/bad/article/xxe-ok</loc></url>\n</urlset>\n")
            return send(doc.encode(), "application/xml")
        if rest == "self.xml":
            listed = [f"{base}/bad/sitemap/self.xml", f"{base}/bad/sitemap/self-urls.xml"]
            return send(_index(listed), "application/xml")
        if rest == "self-urls.xml":
            return send(_urlset([f"{base}/bad/article/self-1"]), "application/xml")
        if len(seg) == 3 and seg[1] == "deep" and seg[2].removesuffix(".xml").isdigit():
            n = int(seg[2].removesuffix(".xml"))
            return send(_index([f"{base}/bad/sitemap/deep/{n + 1}.xml"]), "application/xml")
        if rest == "news.xml":
            entries = "".join(f"<url><loc>{base}/bad/undated/{name}</loc><news:news>{held}</news:news></url>\n"
                              for name, held in NEWS_SITEMAP_CASES.items())
            doc = (f'<?xml version="1.0"?>\n<!DOCTYPE urlset [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
                   f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                   f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
                   f"<url><news:news>{NEWS_SITEMAP_CASES['good']}</news:news></url>\n"  # no loc
                   f"{entries}</urlset>\n")
            return send(doc.encode(), "application/xml")
        if rest == "many.xml":
            n = int(query.get("n", [MANY_DEFAULT])[0])
            return send(_once(server, f"many-{n}", lambda: _urlset(f"{base}/bad/article/many-{i}" for i in range(n))),
                        "application/xml")

    if first == "feed":
        if seg[1:] == ["broken.xml"]:
            doc = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bad & broken</title>'
                   f"<item><title>One</title><link>{base}/bad/article/feed-1</link></item>"
                   f"<item><title>Two & <b>bold</i></title><link>{base}/bad/article/feed-2</link>"
                   f"<description><p>unclosed"
                   f"</item><item><title>Three</title><link>{base}/bad/article/feed-3</li")
            return send(doc.encode(), "application/rss+xml")
        if seg[1:] == ["garbage.xml"]:
            return send(b'<?xml version="1.0"?><rss version="2.0"><channel>\x00\x01' + bytes(range(256)) * 4,
                        "application/rss+xml")

    if first == "calendar" and len(seg) == 3 and seg[1].isdigit() and seg[2].isdigit():
        year, month = int(seg[1]), int(seg[2])
        prev_y, prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
        next_y, next_m = (year, month + 1) if month < 12 else (year + 1, 1)
        days = "".join(f'<a href="/bad/calendar/{year}/{month}?day={d}">{d}</a> ' for d in range(1, 29))
        body = (f"<html><head><title>Events {year}-{month:02d}</title></head><body><h1>Calendar</h1>"
                f'<a href="/bad/calendar/{prev_y}/{prev_m}">previous</a> '
                f'<a href="/bad/calendar/{next_y}/{next_m}">next</a>'
                f"<p>{days}</p></body></html>")
        return send(body.encode())

    if first == "variants":
        target = "/bad/article/same"
        links = [f"{target}?utm_source=newsletter&utm_medium=email", f"{target}?fbclid=abc123", f"{target}#comments",
                 f"{target}?utm_campaign=x#top", f"{target}?sessionid=1", f"{target}?sessionid=2", f"{target}?ref=home",
                 target]
        body = "".join(f'<li><a href="{escape(u)}">same story</a></li>' for u in links)
        return send(f"<html><head><title>Variants</title></head><body><ul>{body}</ul></body></html>".encode())

    if first == "links" and seg[1:] == ["offsite"]:
        port = server.server_address[1]
        links = [f"http://localhost:{port}/bad/article/offsite-link", f"http://127.0.0.2:{port}/bad/article/offsite-2",
                 "/bad/article/onsite-link", "ftp://127.0.0.1/file.html", "javascript:alert(1)"]
        body = "".join(f'<li><a href="{escape(u)}">link</a></li>' for u in links)
        return send(f"<html><head><title>Links</title></head><body><ul>{body}</ul></body></html>".encode())

    if first == "redirect":
        rest = seg[1:]
        if rest in (["loop-a"], ["loop-b"]):
            other = "loop-b" if rest == ["loop-a"] else "loop-a"
            return send(b"", status=HTTPStatus.FOUND, headers={"Location": f"/bad/redirect/{other}"})
        if len(rest) == 2 and rest[0] == "chain" and rest[1].isdigit():
            return send(b"", status=HTTPStatus.FOUND, headers={"Location": f"/bad/redirect/chain/{int(rest[1]) + 1}"})
        if len(rest) == 2 and rest[0] == "scheme":
            target = {"file": "file:///etc/passwd", "ftp": "ftp://127.0.0.1/pub/file.html",
                      "javascript": "javascript:alert(1)", "data": "data:text/html,<h1>hi</h1>"}[rest[1]]
            return send(b"", status=HTTPStatus.MOVED_PERMANENTLY, headers={"Location": target})
        if rest == ["offsite"]:
            port = server.server_address[1]
            return send(b"", status=HTTPStatus.FOUND, headers={"Location": f"http://localhost:{port}/bad/article/offsite"})

    if first == "server":
        kind = seg[1] if len(seg) > 1 else ""
        if kind == "hang":
            return _hang(h)
        if kind == "drip":
            return _drip(h)
        if kind == "reset":
            return _reset(h)
        if kind == "flaky" and len(seg) == 3:
            if _count(server, path) == 0:
                return send(b"<html><body>Internal error</body></html>", status=HTTPStatus.INTERNAL_SERVER_ERROR)
            return page(f"Flaky {seg[2]}")
        if kind in ("429", "503") and len(seg) == 3:
            after = int(query.get("after", ["1"])[0])
            if _count(server, path) == 0:
                value = str(after)
                if query.get("date"):
                    value = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + after + 1))
                return send(b"<html><body>Slow down</body></html>", status=HTTPStatus(int(kind)),
                            headers={"Retry-After": value})
            return page(f"Patient {seg[2]}")

    return send(b"<html><head><title>Not found</title></head><body><h1>404</h1></body></html>",
                status=HTTPStatus.NOT_FOUND)


def _write(h, data: bytes) -> None:
    try:
        h.wfile.write(data)
    except (BrokenPipeError, ConnectionResetError):
        h.close_connection = True


def _huge_page(base: str, size: int) -> bytes:
    head = article_html(base, "/bad/markup/huge").encode()
    filler = b"<p>" + b"All work and no play makes a huge page. " * 24 + b"</p>\n"
    return head.replace(b"</article>", filler * ((size - len(head)) // len(filler) + 1) + b"</article>")


def _stream_huge(h, base: str, size: int) -> None:
    """A page of ``size`` bytes without Content-Length (chunked), as a streaming server sends it."""
    h.send_response(HTTPStatus.OK)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    chunk = (b"<p>" + b"x" * 1020 + b"</p>") * 1024
    sent = 0
    try:
        while sent < size:
            h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
        h.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    h.close_connection = True


def _hang(h, limit: float = 120.0) -> None:
    """Never answer: wait until the client gives up (or ``limit`` seconds)."""
    h.close_connection = True
    h.connection.settimeout(limit)
    try:
        while h.rfile.read(1):
            pass
    except OSError:
        pass


def _drip(h, limit: int = 120) -> None:
    """Headers, then one byte a second of a body that would take ``limit`` seconds."""
    h.close_connection = True
    h.send_response(HTTPStatus.OK)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(limit))
    h.end_headers()
    try:
        h.wfile.flush()
        for _ in range(limit):
            h.wfile.write(b"<")
            h.wfile.flush()
            time.sleep(1)
    except OSError:
        pass


def _reset(h) -> None:
    """Close with a TCP RST (SO_LINGER 0) instead of an answer."""
    h.close_connection = True
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
