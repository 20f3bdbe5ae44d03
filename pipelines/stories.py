"""Stories: articles that report the same event, across sites, and the wire copies among them.

``place(db, batch)`` is called by the store inside the transaction that writes a batch. Each new
article of the batch (one already placed keeps its story) is, in order:

1. a **copy** of a stored article when the LSH band keys of its body's MinHash (``sketch``) find a
   candidate whose exact shingle resemblance passes ``COPY_MIN_CONTAINMENT`` and
   ``COPY_MIN_JACCARD``: it joins that article's story, ``copy_of`` naming the original (the first
   stored text of the copies, so copies of copies fold under one);
2. else the **same story** as one active in the window (``NEWSDESK_STORY_WINDOW_HOURS`` around the
   article's time: its publication, else when it was first stored) whose first article shares
   enough rare names, figures and headline words (``storyterms``);
3. else the first article of a new story.

Only candidates are read: one query for all band keys of the batch, one for all its terms within
the window, so the cost of a batch does not grow with the database, and nothing is kept in memory
between batches. The tables (``pipelines.schema`` m007): ``stories`` (one row per story, its counts
kept up to date), ``article_stories`` (article → story, similarity, copy_of), ``story_bands`` (band
key → article) and ``story_terms`` (term of a story's first article → story).

Re-running over the same articles in the same order gives the same stories (``rebuild``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from sqlite_utils import Database

from . import sketch, storyterms
from .schema import ARTICLE_STORIES, STORIES
from .schema import STORY_BANDS as BANDS
from .schema import STORY_TERMS as TERMS

COPY_MIN_CONTAINMENT = 0.6  # of the smaller text's shingles found in the other: a trimmed copy is still one
COPY_MIN_JACCARD = 0.3  # and of both together: a short quote of a long text is not a copy of it
MAX_CANDIDATES = 8  # stored texts checked exactly for one article, those sharing most band keys first
DEFAULT_WINDOW_HOURS = 72.0
REBUILD_BATCH = 500
_SQL_VARIABLES = 30000  # below SQLite's limit of host parameters in one statement (32766)


@dataclass(slots=True)
class Text:
    """What placement reads of an article."""

    url: str
    site: str
    title: str | None
    lead: str | None
    body: str | None
    seen: str  # first_seen, ISO 8601 UTC
    time: str  # its publication time, else seen; ISO 8601 UTC
    shingles: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    keys: list[int] = field(default_factory=list)
    terms: dict[int, str] = field(default_factory=dict)


def site_of(url: str, site_name: str | None) -> str:
    """The site an article counts for: its publication's name, else its host (as ``scrapy report``)."""
    return site_name or urlsplit(url).netloc


def _utc(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)


def text_of(url: str, site_name: str | None, title: str | None, lead: str | None, body: str | None,
            published_at: Any, first_seen: Any) -> Text:
    """A ``Text`` with its shingles, band keys and terms. Its time is the publication time, unless
    that is missing or after the article was first stored (a page cannot be published after we read it)."""
    seen = _utc(first_seen) or datetime.now(timezone.utc)
    try:
        published = _utc(published_at)
    except ValueError:
        published = None
    when = published if published is not None and published <= seen else seen
    text = Text(url, site_of(url, site_name), title, lead, body, seen.isoformat(), when.isoformat())
    text.shingles = sketch.shingles(sketch.copy_text(lead, body))
    if len(text.shingles) >= sketch.MIN_SHINGLES:
        text.keys = sketch.band_keys(sketch.signature(text.shingles))
    text.terms = storyterms.terms(title, lead, body)
    return text


def texts_of_articles(batch: Iterable[Any]) -> list[Text]:
    """``Text`` of ``crawler.items.Article`` objects as the store writes them."""
    return [text_of(a.url, a.site_name, a.title, a.lead, a.body, a.published_at, a.first_seen) for a in batch]


def place(db: Database, batch: Sequence[Any], window_hours: float = DEFAULT_WINDOW_HOURS) -> None:
    """Put the articles of ``batch`` (``Article`` objects just written) into stories; inside the
    caller's transaction. Articles already in a story keep it."""
    urls = [a.url for a in batch]
    placed = set()
    for chunk in _chunks(urls):
        marks = ",".join("?" * len(chunk))
        placed |= {r[0] for r in db.execute(
            f"SELECT article_url FROM [{ARTICLE_STORIES}] WHERE article_url IN ({marks})", chunk)}
    fresh = [a for a in batch if a.url not in placed]
    if fresh:
        Placement(db, timedelta(hours=window_hours)).run(texts_of_articles(fresh))


def rebuild(db: Database, window_hours: float = DEFAULT_WINDOW_HOURS, batch_size: int = REBUILD_BATCH) -> int:
    """Forget the stories and place every stored article again, in the order they were first stored
    (as the crawls stored them). Returns the number of stories."""
    with db.atomic():
        for table in (BANDS, TERMS, ARTICLE_STORIES, STORIES):
            db.execute(f"DELETE FROM [{table}]")
        rows = db.execute("SELECT url, site_name, title, lead, body, published_at, first_seen FROM articles "
                          "ORDER BY first_seen, rowid")
        placement = Placement(db, timedelta(hours=window_hours))
        while chunk := rows.fetchmany(batch_size):
            placement.run([text_of(*row) for row in chunk])
    return db.execute(f"SELECT count(*) FROM [{STORIES}]").fetchone()[0]


def _chunks(values: Sequence[Any], size: int = _SQL_VARIABLES) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


@dataclass(slots=True)
class Candidate:
    """A stored (or earlier in the batch) article that shares band keys with the one being placed."""

    url: str
    story_id: int
    root: str  # the original it is a copy of, or itself
    shingles: np.ndarray


@dataclass(slots=True)
class Decision:
    story_id: int
    similarity: float
    copy_of: str | None


class Placement:
    """One batch: the candidates read once, then each article placed in order, then written at once."""

    def __init__(self, db: Database, window: timedelta) -> None:
        self.db, self.window = db, window

    def run(self, texts: list[Text]) -> None:
        if not texts:
            return
        members = self._band_members(texts)
        candidates = self._candidates({m for ms in members.values() for m in ms})
        self.story_terms, self.active = self._window_terms(texts)
        self.next_story = (self.db.execute(f"SELECT coalesce(max(id), 0) FROM [{STORIES}]").fetchone()[0]) + 1
        self.new_stories: dict[int, dict[str, Any]] = {}
        self.touched: dict[int, dict[str, Any]] = {}
        self.new_terms: list[tuple[int, int]] = []
        local: dict[int, list[Candidate]] = defaultdict(list)  # band key → articles placed in this batch
        rows = []
        for text in texts:
            found = [c for key in text.keys for c in (*(candidates[m] for m in members.get(key, ())), *local[key])]
            decision = self._copy(text, found) or self._same_story(text) or self._new_story(text)
            self._count(decision.story_id, text)
            rows.append((text.url, decision.story_id, round(decision.similarity, 4), decision.copy_of, text.site,
                         text.seen))
            me = Candidate(text.url, decision.story_id, decision.copy_of or text.url, text.shingles)
            for key in text.keys:
                local[key].append(me)
        self._write(texts, rows)

    # ------------------------------------------------------------------ reading candidates
    def _band_members(self, texts: list[Text]) -> dict[int, list[int]]:
        """Band key → stored articles (article_stories rowid) with that key, for every key of the batch."""
        keys = sorted({k for t in texts for k in t.keys})
        out: dict[int, list[int]] = defaultdict(list)
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            for key, member in self.db.execute(
                    f"SELECT key, member FROM [{BANDS}] WHERE key IN ({marks}) ORDER BY key, member", chunk):
                out[key].append(member)
        return out

    def _candidates(self, members: set[int]) -> dict[int, Candidate]:
        out = {}
        ordered = sorted(members)
        for chunk in _chunks(ordered):
            marks = ",".join("?" * len(chunk))
            for rowid, url, story_id, copy_of, body, lead in self.db.execute(
                    f"SELECT s.rowid, s.article_url, s.story_id, s.copy_of, a.body, a.lead FROM [{ARTICLE_STORIES}] s "
                    f"JOIN articles a ON a.url = s.article_url WHERE s.rowid IN ({marks})", chunk):
                out[rowid] = Candidate(url, story_id, copy_of or url, sketch.shingles(sketch.copy_text(lead, body)))
        return out

    def _window_terms(self, texts: list[Text]) -> tuple[dict[int, set[int]], dict[int, str]]:
        """Term → stories carrying it, and story → active_at, for the stories active in the batch's window."""
        terms = sorted({t for text in texts for t in text.terms})
        cutoff = (datetime.fromisoformat(min(t.time for t in texts)) - self.window).isoformat()
        carrying: dict[int, set[int]] = defaultdict(set)
        active: dict[int, str] = {}
        for chunk in _chunks(terms):
            marks = ",".join("?" * len(chunk))
            for term, story_id, active_at in self.db.execute(
                    f"SELECT t.term, t.story_id, s.active_at FROM [{TERMS}] t JOIN [{STORIES}] s ON s.id = t.story_id "
                    f"WHERE t.term IN ({marks}) AND s.active_at >= ?", [*chunk, cutoff]):
                carrying[term].add(story_id)
                active[story_id] = active_at
        return carrying, active

    # ------------------------------------------------------------------ deciding
    def _copy(self, text: Text, found: list[Candidate]) -> Decision | None:
        """The stored text this one is a copy of, checked exactly; the best resemblance wins."""
        if not found:
            return None
        hits: dict[str, int] = defaultdict(int)
        by_url = {}
        for c in found:
            hits[c.url] += 1
            by_url[c.url] = c
        best: tuple[float, Candidate] | None = None
        for url in sorted(hits, key=lambda u: -hits[u])[:MAX_CANDIDATES]:
            c = by_url[url]
            r = sketch.resemblance(text.shingles, c.shingles)
            if r.containment >= COPY_MIN_CONTAINMENT and r.jaccard >= COPY_MIN_JACCARD and (
                    best is None or r.jaccard > best[0]):
                best = (r.jaccard, c)
        if best is None:
            return None
        return Decision(best[1].story_id, best[0], best[1].root)

    def _same_story(self, text: Text) -> Decision | None:
        """The active story whose first article shares most of this one's rare terms, if enough."""
        cutoff = (datetime.fromisoformat(text.time) - self.window).isoformat()
        weight: dict[int, float] = {}
        shared: dict[int, list[int]] = defaultdict(list)
        for term in text.terms:
            stories = [s for s in self.story_terms.get(term, ()) if self.active[s] >= cutoff]
            weight[term] = storyterms.weight(len(stories))
            for story_id in stories:
                shared[story_id].append(term)
        best: tuple[float, int] | None = None
        for story_id in sorted(shared):
            match = storyterms.score(text.terms, shared[story_id], weight)
            if storyterms.same_story(match) and (best is None or match.score > best[0]):
                best = (match.score, story_id)
        return Decision(best[1], best[0], None) if best else None

    def _new_story(self, text: Text) -> Decision:
        story_id, self.next_story = self.next_story, self.next_story + 1
        self.new_stories[story_id] = {"id": story_id, "first_seen": text.seen, "last_seen": text.seen,
                                      "first_article": text.url, "articles": 0, "sites": 0, "active_at": text.time}
        for term in text.terms:
            self.story_terms.setdefault(term, set()).add(story_id)
        self.active[story_id] = text.time
        self.new_terms.extend((term, story_id) for term in text.terms)
        return Decision(story_id, 1.0, None)

    def _count(self, story_id: int, text: Text) -> None:
        """The story's counts and times, after ``text`` joins it (sites counted once each)."""
        story = self.new_stories.get(story_id) or self.touched.get(story_id)
        if story is None:
            row = self.db.execute(f"SELECT id, first_seen, last_seen, first_article, articles, sites, active_at "
                                  f"FROM [{STORIES}] WHERE id = ?", [story_id]).fetchone()
            story = self.touched[story_id] = dict(zip(
                ("id", "first_seen", "last_seen", "first_article", "articles", "sites", "active_at"), row, strict=True))
            story["site_set"] = {r[0] for r in self.db.execute(
                f"SELECT DISTINCT site FROM [{ARTICLE_STORIES}] WHERE story_id = ?", [story_id])}
        sites = story.setdefault("site_set", set())
        sites.add(text.site)
        story["sites"] = len(sites)
        story["articles"] += 1
        story["last_seen"] = max(story["last_seen"], text.seen)
        story["active_at"] = max(story["active_at"], text.time)
        self.active[story_id] = story["active_at"]

    # ------------------------------------------------------------------ writing
    def _write(self, texts: list[Text], rows: list[tuple]) -> None:
        db = self.db
        columns = ("id", "first_seen", "last_seen", "first_article", "articles", "sites", "active_at")
        db.conn.executemany(f"INSERT INTO [{STORIES}] ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))})",
                            [tuple(s[c] for c in columns) for s in self.new_stories.values()])
        db.conn.executemany(f"UPDATE [{STORIES}] SET last_seen = ?, articles = ?, sites = ?, active_at = ? "
                            "WHERE id = ?",
                            [(s["last_seen"], s["articles"], s["sites"], s["active_at"], s["id"])
                             for s in self.touched.values()])
        db.conn.executemany(f"INSERT INTO [{ARTICLE_STORIES}] (article_url, story_id, similarity, copy_of, site, seen) "
                            "VALUES (?, ?, ?, ?, ?, ?)", rows)
        db.conn.executemany(f"INSERT OR IGNORE INTO [{TERMS}] (term, story_id) VALUES (?, ?)",
                            self.new_terms)
        keyed = [t for t in texts if t.keys]
        if not keyed:
            return
        member = {}
        urls = [t.url for t in keyed]
        for chunk in _chunks(urls):
            marks = ",".join("?" * len(chunk))
            member.update(db.execute(f"SELECT article_url, rowid FROM [{ARTICLE_STORIES}] "
                                     f"WHERE article_url IN ({marks})", chunk).fetchall())
        db.conn.executemany(f"INSERT OR IGNORE INTO [{BANDS}] (key, member) VALUES (?, ?)",
                            [(key, member[t.url]) for t in keyed for key in t.keys])
