"""The demo news site on 127.0.0.1: serves tests/site/ (or --root DIR) for tests, `make demo` and bench/.

    python tests/siteserver.py [--root DIR] [--port 0] [--scale N] [--latency SECONDS]

Prints ``PORT <n>`` on its first line of stdout once it listens. ``{{BASE}}`` in served text files
becomes ``http://127.0.0.1:<port>``. Routes:

- files under the root; ``/a/b`` also finds ``a/b.html`` and ``a/b/index.html``;
- ``*.xml.gz`` is served gzipped from ``*.xml`` when only the latter exists;
- ``/scaled/<i>/<slug>`` serves ``post/<slug>.html`` under a distinct URL, and
  ``/scaled-sitemap.xml`` lists ``--scale`` such URLs (for bench/crawl.py);
- ETag and Last-Modified on every file, with 304 answers to conditional requests;
- ``--latency``: every answer waits that long first, as a distant server would (bench/scale.py);
- ``/bad/...``: the hostile web of issue 7 (bad pages, bombs, traps, misbehaving servers), in
  ``tests/badsite.py``; nothing under the root links there.

Every request's path is recorded with its time (``/bad/_hits`` reads them back).
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

try:
    from . import badsite
except ImportError:  # run as a script: tests/ is on sys.path
    import badsite  # type: ignore[no-redef]

SITE = Path(__file__).resolve().parent / "site"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/x-gzip",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".rss": "application/rss+xml",
}


class SiteHandler(BaseHTTPRequestHandler):
    server_version = "newsdesk-testsite/1.0"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        if self.server.verbose:  # type: ignore[attr-defined]
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    @property
    def root(self) -> Path:
        return self.server.root  # type: ignore[attr-defined]

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]  # type: ignore[index]
        return f"http://{host}:{port}"

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:  # noqa: N802
        path = unquote(urlsplit(self.path).path)
        with self.server.bad_lock:  # type: ignore[attr-defined]
            self.server.hits.setdefault(self.path, []).append(time.time())  # type: ignore[attr-defined]
        if self.server.latency:  # type: ignore[attr-defined]
            time.sleep(self.server.latency)  # type: ignore[attr-defined]
        if path.startswith("/bad/"):
            return badsite.handle(self, head)
        if path == "/scaled-sitemap.xml":
            return self.send(self.scaled_sitemap(), "application/xml", head)
        alias = None
        if path.startswith("/scaled/"):
            parts = path.split("/")
            if len(parts) == 4:
                alias, path = path, f"/post/{parts[3]}"
        found = self.resolve(path)
        if found is None:
            gz = path.endswith(".xml.gz") and self.resolve(path[:-3])
            if gz:
                return self.send(gzip.compress(self.render(gz)), "application/x-gzip", head, gz)
            return self.send(b"<html><head><title>Not found</title></head><body><h1>404 Not Found</h1></body></html>",
                             "text/html; charset=utf-8", head, status=HTTPStatus.NOT_FOUND)
        body = self.render(found)
        if alias:  # a distinct article: its own canonical URL
            body = body.replace(f"{self.base}{path}".encode(), f"{self.base}{alias}".encode())
        return self.send(body, TYPES.get(found.suffix, "application/octet-stream"), head, found)

    def resolve(self, path: str) -> Path | None:
        rel = path.lstrip("/")
        candidates = [rel, rel + ".html", rel.rstrip("/") + "/index.html"] if rel else ["index.html"]
        for candidate in candidates:
            target = (self.root / candidate).resolve()
            if target.is_file() and self.root.resolve() in target.parents:
                return target
        return None

    def render(self, file: Path) -> bytes:
        data = file.read_bytes()
        if file.suffix in (".html", ".xml", ".txt", ".rss"):
            data = data.replace(b"{{BASE}}", self.base.encode())
        return data

    def scaled_sitemap(self) -> bytes:
        slugs = sorted(p.stem for p in (self.root / "post").glob("*.html"))
        n = self.server.scale  # type: ignore[attr-defined]
        urls = "".join(
            f"<url><loc>{self.base}/scaled/{i}/{slugs[i % len(slugs)]}</loc></url>\n" for i in range(n)
        )
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n').encode()

    def send(self, body: bytes, ctype: str, head: bool, file: Path | None = None,
             status: HTTPStatus = HTTPStatus.OK) -> None:
        etag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
        modified = None
        if file is not None:
            modified = email.utils.formatdate(int(file.stat().st_mtime), usegmt=True)
        if status == HTTPStatus.OK and self.not_modified(etag, file):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if status == HTTPStatus.OK:
            self.send_header("ETag", etag)
            if modified:
                self.send_header("Last-Modified", modified)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def not_modified(self, etag: str, file: Path | None) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return etag in [t.strip() for t in inm.split(",")]
        ims = self.headers.get("If-Modified-Since")
        if ims and file is not None:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
            return int(file.stat().st_mtime) <= since
        return False


def make_server(root: Path = SITE, port: int = 0, scale: int = 0, verbose: bool = False,
                latency: float = 0.0) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), SiteHandler)
    server.daemon_threads = True
    server.root = Path(root)  # type: ignore[attr-defined]
    server.scale = scale  # type: ignore[attr-defined]
    server.verbose = verbose  # type: ignore[attr-defined]
    server.latency = latency  # type: ignore[attr-defined]
    server.hits = {}  # type: ignore[attr-defined]  # request path (with query) -> request times
    server.bad_lock = threading.Lock()  # type: ignore[attr-defined]
    server.bad_cache = {}  # type: ignore[attr-defined]
    server.bad_counts = {}  # type: ignore[attr-defined]
    return server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=SITE)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--scale", type=int, default=0, help="URLs listed in /scaled-sitemap.xml")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds every answer waits")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    server = make_server(args.root, args.port, args.scale, args.verbose, args.latency)
    print(f"PORT {server.server_address[1]}", flush=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        thread.join()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
