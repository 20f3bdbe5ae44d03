"""Near-duplicate texts (wire copies): word shingles, their MinHash (datasketch) and LSH band keys.

A wire story republished by another site keeps most of its sentences: the sets of 3-word shingles
of the two bodies overlap far more than those of any two texts written apart. ``signature`` is the
MinHash of that set (``datasketch.MinHash``, ``NUM_PERM`` permutations made once and shared by every
sketch, our own 32-bit shingle hashes fed through ``hashfunc=int``); ``band_keys`` cuts it into
``BANDS`` bands of ``ROWS`` values, each hashed to one signed 64-bit key that SQLite indexes. Two
texts share a key with probability ``1 - (1 - J**ROWS)**BANDS`` for a Jaccard similarity J: 0.99 at
J = 0.5, 0.02 at J = 0.1, so a lookup of the keys of a new text finds its copies and hardly anything
else. Each candidate is then checked exactly (``resemblance``) before it is called a copy.

Everything here is pure and deterministic (no ``hash()``, whose value changes between processes),
so re-running over the same articles gives the same keys.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 42  # 42 bands of 3 rows: 126 of the 128 values; see the module doc for what that finds
ROWS = 3
SHINGLE_WORDS = 3
MIN_SHINGLES = 12  # a text shorter than this (some 14 words) is too short to call anything a copy of it
SEED = 1

# Punctuation becomes a space, so that str.split() (much faster than a regex) yields the words.
_PUNCTUATION = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»‘’‚“”„–—…·•"})
_MASK32 = 0xFFFFFFFF
# Odd multipliers that mix the three word hashes of a shingle into one 32-bit value.
_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int)


# A line that ends a sentence; one that does not is a heading, a list item, a caption or a list of
# other headlines left under the text by the copying site: not what makes two texts one.
_SENTENCE_LINE = re.compile(r"[.!?…:;\"”»'’)]\s*$")
MIN_SENTENCE_SHARE = 0.5  # of the words: a text mostly without sentence lines is taken whole


def copy_text(lead: str | None, body: str | None) -> str:
    """The text two copies share: the lead (when the body does not start with it: a site that moved
    the first paragraph there) and the body, keeping only lines that end a sentence."""
    lead, body = (lead or "").strip(), (body or "").strip()
    text = body if not lead or lead[:60] in body[:len(lead) + 200] else f"{lead}\n{body}"
    lines = text.splitlines()
    kept = [line for line in lines if _SENTENCE_LINE.search(line)]
    if sum(len(line) for line in kept) < MIN_SENTENCE_SHARE * sum(len(line) for line in lines):
        return text
    return "\n".join(kept)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``: punctuation, case and spacing do not make two copies differ."""
    return text.lower().translate(_PUNCTUATION).split()


def shingles(text: str) -> np.ndarray:
    """The distinct 32-bit hashes of the ``SHINGLE_WORDS``-word shingles of ``text``, sorted."""
    tokens = words(text)
    if len(tokens) < SHINGLE_WORDS:
        return np.zeros(0, dtype=np.uint64)
    h = np.array([zlib.crc32(t.encode()) for t in tokens], dtype=np.uint64)
    mixed = h[:-2] * _MIX[0] ^ h[1:-1] * _MIX[1] ^ h[2:] * _MIX[2]
    ordered = np.sort((mixed ^ (mixed >> np.uint64(29))) & np.uint64(_MASK32))
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]  # np.unique, without its overhead


def signature(shingle_hashes: np.ndarray) -> np.ndarray:
    """The MinHash values of a shingle set (``NUM_PERM`` unsigned 32-bit values)."""
    sketch = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=_TEMPLATE.permutations,
                     scheme=_TEMPLATE.scheme)
    sketch.update_batch(shingle_hashes.tolist())
    return sketch.hashvalues


def band_keys(values: np.ndarray) -> list[int]:
    """One signed 64-bit key per band of the signature: band number and its values, hashed."""
    raw = values[: BANDS * ROWS].astype("<u4").reshape(BANDS, ROWS)
    keys = []
    for band, row in enumerate(raw):
        digest = hashlib.blake2b(row.tobytes(), digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


@dataclass(frozen=True, slots=True)
class Resemblance:
    """How much two shingle sets share: ``jaccard`` (shared / all), ``containment`` (shared / smaller)."""

    jaccard: float
    containment: float


def resemblance(a: np.ndarray, b: np.ndarray) -> Resemblance:
    """Exact resemblance of two sorted shingle arrays (``shingles``)."""
    if not len(a) or not len(b):
        return Resemblance(0.0, 0.0)
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return Resemblance(shared / (len(a) + len(b) - shared), shared / min(len(a), len(b)))
