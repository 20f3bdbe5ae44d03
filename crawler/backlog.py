"""UrlBacklog: URLs waiting on disk until the scheduler has room for them.

A sitemap may list 50,000 URLs and an index 50,000 sitemaps. Turned into ``Request`` objects at
once, 100,000 URLs cost some 350 MiB in Scrapy's memory queue; as lines of a temporary file they
cost nothing in memory, and the spider feeds them to the scheduler a batch at a time, when the
crawl runs dry (``spider_idle``).
"""

from __future__ import annotations

import tempfile


class UrlBacklog:
    """A first-in first-out queue of URLs kept in an unnamed temporary file."""

    def __init__(self) -> None:
        self._file = None
        self._read_at = 0
        self._write_at = 0
        self.pushed = 0
        self.popped = 0

    def __len__(self) -> int:
        return self.pushed - self.popped

    def push(self, url: str) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()
        line = url.replace("\n", "").encode("utf-8", "surrogateescape") + b"\n"
        self._file.seek(self._write_at)
        self._file.write(line)
        self._write_at += len(line)
        self.pushed += 1

    def pop(self, n: int) -> list[str]:
        """Up to ``n`` URLs, oldest first."""
        if self._file is None or not len(self):
            return []
        self._file.seek(self._read_at)
        urls = []
        for _ in range(min(n, len(self))):
            line = self._file.readline()
            if not line:
                break
            urls.append(line[:-1].decode("utf-8", "surrogateescape"))
        self._read_at = self._file.tell()
        self.popped += len(urls)
        if not len(self):  # drained: start the file over
            self._file.seek(0)
            self._file.truncate()
            self._read_at = self._write_at = 0
        return urls

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
