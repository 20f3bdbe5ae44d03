"""Every setting newsdesk reads, declared once: name, type, default and what it does.

``crawler.settings`` takes its defaults from here; components read their values with
``knobs.MAX_HOPS.get(settings)`` (parsed, the declared default when the setting is unset, also
under ``scrapy.utils.test.get_crawler``); the commands call ``check()`` before anything starts, so
``-s NEWSDESK_MAX_HOPS=two`` stops the run with one line naming the setting and the value, and an
unknown ``NEWSDESK_*`` name is warned about with the nearest known one; and the README's settings
table is made from it:

    python -m crawler.knobs                   # print the table
    python -m crawler.knobs --update-readme   # rewrite it in README.md (a test says when it is stale)

Besides the ``NEWSDESK_*`` knobs, the Scrapy settings whose project default the README documents
(download bounds, retries, redirects) are declared here too, so they are checked alike.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.utils.misc import load_object

PREFIX = "NEWSDESK_"
MIB = 1024 * 1024
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


class BadSetting(ValueError):
    """A setting whose value does not parse: the message names the setting and the value."""


@dataclass(frozen=True, slots=True)
class Knob:
    name: str
    kind: str  # "int", "float", "bool", "text" or "object" (an import path)
    default: Any
    doc: str
    minimum: float | None = None
    unit: str = ""  # how the README shows the default: "s", "h", "MiB" (the value is bytes)

    def parse(self, value: Any) -> Any:
        """``value`` (from -s it is text) as this knob's type; ``BadSetting`` when it is not one."""
        try:
            parsed = _PARSERS[self.kind](value)
        except (TypeError, ValueError, ImportError, AttributeError, NameError):
            raise BadSetting(f"bad setting {self.name}={value!r}: {_WANTS[self.kind]}") from None
        if self.minimum is not None and parsed < self.minimum:
            raise BadSetting(f"bad setting {self.name}={value!r}: must be at least {self.minimum:g}")
        return parsed

    def get(self, settings: Mapping[str, Any]) -> Any:
        """The value of this knob in ``settings``, parsed; the declared default when unset."""
        value = settings.get(self.name)
        return self.parse(self.default if value is None else value)

    def shown_default(self) -> str:
        if self.unit == "MiB":
            return f"{self.default / MIB:g} MiB"
        if self.kind == "text" or self.kind == "object":
            return f"`{self.default}`" if self.default else "(empty)"
        return f"{self.default} {self.unit}".strip()


def _bool(value: Any) -> bool:
    """As Scrapy's ``getbool`` reads it, plus yes/no and on/off; anything else is an error."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE and isinstance(value, str):
        return False
    raise ValueError(value)


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(value)
    return int(value) if not isinstance(value, str) else int(value.strip())


def _float(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(value)
    return float(value)


def _object(value: Any) -> Any:
    return load_object(value) if isinstance(value, str) else value


_PARSERS = {"int": _int, "float": _float, "bool": _bool, "text": str, "object": _object}
_WANTS = {
    "int": "not a whole number",
    "float": "not a number",
    "bool": "not True or False",
    "text": "not text",
    "object": "no such function or class to import",
}

DB = Knob("NEWSDESK_DB", "text", "newsdesk.db", "SQLite file the articles go to (relative to the working directory)")
BATCH_SIZE = Knob("NEWSDESK_BATCH_SIZE", "int", 50, "articles written per transaction", minimum=1)
MAX_HOPS = Knob("NEWSDESK_MAX_HOPS", "int", 2, "link hops followed from pages that are not articles", minimum=0)
EXTRACTOR = Knob("NEWSDESK_EXTRACTOR", "object", "crawler.extract.extract_article",
                 "the function that turns a page into an `Article`")
INCREMENTAL = Knob("NEWSDESK_INCREMENTAL", "bool", True,
                   "a re-run skips, revalidates or refetches stored articles (below); False fetches and parses "
                   "everything")
REVISIT_HOURS = Knob("NEWSDESK_REVISIT_HOURS", "float", 48, "articles published (or first seen) this recently are "
                     "always revisited", minimum=0, unit="h")
DOWNLOAD_MAXSIZE = Knob("DOWNLOAD_MAXSIZE", "int", 16 * MIB, "a larger response is dropped", minimum=0, unit="MiB")
DOWNLOAD_WARNSIZE = Knob("DOWNLOAD_WARNSIZE", "int", 4 * MIB, "a larger response is logged", minimum=0, unit="MiB")
DOWNLOAD_TIMEOUT = Knob("DOWNLOAD_TIMEOUT", "float", 30, "a server that does not answer in time is given up on (and "
                        "retried `RETRY_TIMES` times)", minimum=0, unit="s")
RETRY_TIMES = Knob("RETRY_TIMES", "int", 2, "retries of a request that timed out, lost its connection or got a 5xx",
                   minimum=0)
REDIRECT_MAX_TIMES = Knob("REDIRECT_MAX_TIMES", "int", 10, "redirects followed from one URL", minimum=0)
RETRY_AFTER_MAX = Knob("NEWSDESK_RETRY_AFTER_MAX", "float", 60, "longest `Retry-After` wait honoured on a 429 or 503",
                       minimum=0, unit="s")
SITEMAP_MAX_DEPTH = Knob("NEWSDESK_SITEMAP_MAX_DEPTH", "int", 4, "sitemaps nested deeper than this (robots.txt → "
                         "index → urlset is 3) are not read", minimum=1)
BACKLOG_BATCH = Knob("NEWSDESK_BACKLOG_BATCH", "int", 1000, "sitemap URLs handed to the scheduler at a time (the "
                     "rest wait on disk)", minimum=1)
FRONTIER = Knob("NEWSDESK_FRONTIER", "text", "", "Redis URL of the shared frontier (`redis://host:6379/0`): "
                 "`scrapy crawl news` is then a worker taking URLs from it and `scrapy store` the one writer (see "
                 "Outgrowing one machine); empty: one process, SQLite")
SITE_DELAY = Knob("NEWSDESK_SITE_DELAY", "float", 0.25, "with the frontier: least time between two requests to one "
                  "site, across all workers", minimum=0, unit="s")
FRONTIER_WAIT = Knob("NEWSDESK_FRONTIER_WAIT", "float", 30, "with the frontier: a worker that finds nothing to do "
                     "for this long ends", minimum=0, unit="s")
STORY_WINDOW_HOURS = Knob("NEWSDESK_STORY_WINDOW_HOURS", "float", 72, "a new article that is not a wire copy is "
                          "compared with the stories active this close to its time", minimum=1, unit="h")

KNOBS: tuple[Knob, ...] = (
    DB, BATCH_SIZE, MAX_HOPS, EXTRACTOR, INCREMENTAL, REVISIT_HOURS, DOWNLOAD_MAXSIZE, DOWNLOAD_WARNSIZE,
    DOWNLOAD_TIMEOUT, RETRY_TIMES, REDIRECT_MAX_TIMES, RETRY_AFTER_MAX, SITEMAP_MAX_DEPTH, BACKLOG_BATCH,
    FRONTIER, SITE_DELAY, FRONTIER_WAIT,
    STORY_WINDOW_HOURS,
)
BY_NAME = {k.name: k for k in KNOBS}


def defaults() -> dict[str, Any]:
    """Name → default, for ``crawler.settings``."""
    return {k.name: k.default for k in KNOBS}


def unknown(names: Iterable[str]) -> list[str]:
    """A warning for each ``NEWSDESK_*`` name that is not a known setting, naming the nearest one."""
    ours = {k.name.removeprefix(PREFIX): k.name for k in KNOBS if k.name.startswith(PREFIX)}
    out = []
    for name in sorted(n for n in names if n.startswith(PREFIX) and n not in BY_NAME):
        # compared without the prefix they all share, which would make any two names look alike
        near = difflib.get_close_matches(name.removeprefix(PREFIX), list(ours), n=1, cutoff=0.6)
        hint = f" (did you mean {ours[near[0]]}?)" if near else ""
        out.append(f"unknown setting {name}{hint}: ignored")
    return out


def check(settings: Mapping[str, Any], which: Iterable[Knob] = KNOBS) -> list[str]:
    """Parse the settings of ``which`` in ``settings``; raise ``BadSetting`` on the first that does
    not parse. Returns the warnings about unknown ``NEWSDESK_*`` names."""
    for knob in which:
        knob.get(settings)
    return unknown(settings)


# ---------------------------------------------------------------------- the README's table
README = Path(__file__).resolve().parent.parent / "README.md"
TABLE_START = "<!-- settings table: made by `python -m crawler.knobs --update-readme` -->"
TABLE_END = "<!-- end of settings table -->"


TYPE_NAMES = {"int": "whole number", "float": "number", "bool": "True / False", "text": "text",
              "object": "import path"}


def readme_table() -> str:
    lines = ["| setting | type | default | what it does |", "|---|---|---|---|"]
    lines += [f"| `{k.name}` | {TYPE_NAMES[k.kind]} | {k.shown_default()} | {k.doc} |" for k in KNOBS]
    return "\n".join(lines)


def with_table(readme: str) -> str:
    """``readme`` with the text between the table's markers replaced by ``readme_table()``."""
    head, start, rest = readme.partition(TABLE_START)
    _, end, tail = rest.partition(TABLE_END)
    if not start or not end:
        raise ValueError(f"README.md has no {TABLE_START} ... {TABLE_END} markers")
    return f"{head}{start}\n{readme_table()}\n{end}{tail}"


def main(argv: list[str]) -> int:
    if argv[1:] == ["--update-readme"]:
        README.write_text(with_table(README.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    sys.stdout.write(readme_table() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
