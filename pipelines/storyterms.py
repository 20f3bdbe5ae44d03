"""Same story, other words: the names, figures and headline words two reports of one event share.

Two sites covering one event write their own text, so their shingles differ (``sketch`` finds
copies, not that). What they keep are the proper names (people, places, organisations), the
figures (amounts, scores, counts) and the words of the headline and lead. ``terms`` takes those
from an article, each as a signed 64-bit key (so SQLite indexes them); ``score`` weighs the terms an
article shares with a story by how rare each is among the stories of the window (a name every story
carries, a weekday or the site's own name, weighs next to nothing), and ``same_story`` asks for
several rare names or figures besides a share of the weight: one topic is not one story.

Pure and deterministic: the same article gives the same keys in every process.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

NAME, FIGURE, WORD = "n", "f", "w"  # kinds of term: a proper name, a figure, a headline or lead word
BODY_CHARS = 3000  # names and figures come from the title, the lead and this much of the body
MAX_NAMES = 24  # the most frequent names and figures an article is known by
MAX_WORDS = 16  # headline and lead words
MIN_WORD_CHARS = 4

# A story is the same when the article shares at least MIN_SHARED_RARE names or figures that are
# rare in the window (carried by at most MAX_RARE_STORIES stories), and at least STORY_MIN_SCORE of
# its terms' weight (a term weighs 1 / the stories of the window that carry it, 1 when none does).
MIN_SHARED_RARE = 3
MAX_RARE_STORIES = 2
STORY_MIN_SCORE = 0.35

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*\d|\d\d")
_LOWER_WORD = re.compile(r"\b[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”»]\s*$")
# Words a sentence or a headline often starts with, and calendar words: capitalised, but not names.
_NOT_NAMES = frozenset("""
a an the this that these those it its he she they we i you his her their our my there here
in on at by for from to of with without after before as and but or if when while since until
however meanwhile also more most some many few all one two three new said says mr mrs ms dr
what who why how where which breaking update read related
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april may june july august september october november december
der die das ein eine und im am le la les un une et de du des el los las y en
""".split())
_STOPWORDS = _NOT_NAMES | frozenset("""
about above against again also among another around away back because been being between both
could does doing down during each even ever every first further have having into just last less
like made make more much must next only other over own same should since such than them then
they were what where which while will with would year years week weeks after before under
""".split())


def _key(kind: str, text: str) -> int:
    digest = hashlib.blake2b(f"{kind}:{text}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _figure(token: str) -> str:
    """'1,200' and '1.200' alike: the digits, a trailing decimal part kept apart."""
    return token.replace(",", "").replace(".", "") if len(token) > 4 else token


def names_and_figures(text: str) -> Counter[str]:
    """Capitalised words that are not at a sentence's start (or are never written lower-case in the
    text), and numbers of two digits or more, with how often each occurs."""
    found: Counter[str] = Counter()
    lower_words = {w for w in _LOWER_WORD.findall(text) if w[0].islower()}
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0].isdigit():
            found[f"{FIGURE}:{_figure(token)}"] += 1
            continue
        if not token[0].isupper() or len(token) < 2:
            continue
        word = token.lower()
        if word in _NOT_NAMES:
            continue
        start = match.start()
        at_sentence_start = start == 0 or _SENTENCE_END.search(text, max(0, start - 3), start) is not None \
            or text[start - 1] == "\n"
        if at_sentence_start and word in lower_words:
            continue  # "Officials said" at a sentence's start, "officials" elsewhere: a common word
        found[f"{NAME}:{word}"] += 1
    return found


def headline_words(title: str, lead: str) -> list[str]:
    seen: dict[str, None] = {}
    for word in re.findall(r"[^\W\d_][\w'’-]*", f"{title}\n{lead}".lower()):
        if len(word) >= MIN_WORD_CHARS and word not in _STOPWORDS:
            seen.setdefault(f"{WORD}:{word}", None)
    return list(seen)[:MAX_WORDS]


def terms(title: str | None, lead: str | None, body: str | None) -> dict[int, str]:
    """Key → kind of the terms an article is known by (names and figures first, then words)."""
    title, lead, body = title or "", lead or "", body or ""
    counts = names_and_figures(f"{title}.\n{lead}\n{body[:BODY_CHARS]}")
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])[:MAX_NAMES]  # stable: first occurrence breaks ties
    out = {_key(*name.split(":", 1)): name[0] for name, _ in ranked}
    for word in headline_words(title, lead):
        out.setdefault(_key(*word.split(":", 1)), WORD)
    return out


def weight(carrying: int) -> float:
    """How telling a term is: 1 over the stories of the window that carry it (1 when none does).

    Not an idf with the window's story count in it: the weight of a term then depends only on the
    stories that carry it, whatever else the window holds.
    """
    return 1.0 / max(1, carrying)


@dataclass(frozen=True, slots=True)
class Match:
    score: float  # shared weight / the article's weight, 0..1
    shared_rare: int  # rare names and figures shared


def score(article: dict[int, str], shared: Iterable[int], weights: dict[int, float]) -> Match:
    """How much of ``article``'s term weight a story shares (``weights``: term → ``weight`` in the window)."""
    total = sum(weights[t] for t in article)
    common = [t for t in shared if t in article]
    rare = sum(1 for t in common if article[t] != WORD and weights[t] >= 1.0 / MAX_RARE_STORIES)
    return Match(sum(weights[t] for t in common) / total if total else 0.0, rare)


def same_story(match: Match) -> bool:
    return match.shared_rare >= MIN_SHARED_RARE and match.score >= STORY_MIN_SCORE
