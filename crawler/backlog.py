"""UrlBacklog: requests waiting on disk, as JSON lines, until the scheduler has room for them.

A sitemap may list 50,000 URLs and an index 50,000 sitemaps. Turned into ``Request`` objects at
once, 100,000 URLs cost some 350 MiB in Scrapy's memory queue; as lines of a temporary file they
cost nothing in memory, and the spider feeds them to the scheduler a batch at a time, when the
crawl runs dry (``spider_idle``). A line holds what it takes to rebuild the request: URL, callback
name and (JSON-able) meta.
"""

from __future__ import annotations

import json
import tempfile
from typing import Any


class UrlBacklog:
    """A first-in first-out queue of JSON-able records kept in an unnamed temporary file."""

    def __init__(self) -> None:
        self._file = None
        self._read_at = 0
        self._write_at = 0
        self.pushed = 0
        self.popped = 0

    def __len__(self) -> int:
        return self.pushed - self.popped

    def push(self, record: Any) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()
        line = json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"
        self._file.seek(self._write_at)
        self._file.write(line)
        self._write_at += len(line)
        self.pushed += 1

    def pop(self, n: int) -> list[Any]:
        """Up to ``n`` records, oldest first."""
        if self._file is None or not len(self):
            return []
        self._file.seek(self._read_at)
        urls = []
        for _ in range(min(n, len(self))):
            line = self._file.readline()
            if not line:
                break
            urls.append(json.loads(line))
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
