"""parse_read_time("4 min read") -> 4: read times as whole minutes."""

from __future__ import annotations

import math
import re
from functools import lru_cache

# Adults read non-fiction at about 238 words per minute (Brysbaert, "How many words do we read per
# minute? A review and meta-analysis of reading rate", Journal of Memory and Language 109, 2019).
WORDS_PER_MINUTE = 238
_MAX_MINUTES = 24 * 60

_PART = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(h(?:ou)?rs?|hours?|std\.?|stunden?|heures?|horas?|ore|saat|時間|시간|"
    r"m(?:in(?:ute)?s?)?\.?|minuten|minutes|minutos|minuti|minutter|minuter|minut(?:y|ów)?|dk|dakika|分|분|"
    r"s(?:ec(?:ond)?s?)?|sekunden|secondes|segundos|saniye|秒|초)(?![a-zà-ÿ])",
    re.IGNORECASE,
)
_ISO = re.compile(r"^P(?:T)?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def parse_read_time(text: str | None) -> int | None:
    """Whole minutes (at least 1) from a read-time string in any of our languages; None if none is stated."""
    if not text:
        return None
    text = text.strip()
    iso = _ISO.match(text)
    if iso and any(iso.groups()):
        h, mnt, s = (int(x or 0) for x in iso.groups())
        seconds = h * 3600 + mnt * 60 + s
    else:
        seconds = 0.0
        for number, unit in _PART.findall(text):
            value = float(number.replace(",", "."))
            u = unit.lower().rstrip(".")
            if u[0] in "h" or u.startswith(("std", "stund", "heure", "hora", "ore", "saat")) or u in ("時間", "시간"):
                seconds += value * 3600
            elif u[0] == "s" and not u.startswith("saat") or u in ("秒", "초") or u.startswith("saniye"):
                seconds += value
            else:
                seconds += value * 60
        if not seconds:
            return None
    minutes = max(1, math.ceil(seconds / 60 - 1e-9)) if seconds < 60 else round(seconds / 60)
    return minutes if minutes <= _MAX_MINUTES else None


def estimate_read_time(word_count: int | None) -> int | None:
    """Minutes to read ``word_count`` words at WORDS_PER_MINUTE (at least 1)."""
    if not word_count:
        return None
    return max(1, round(word_count / WORDS_PER_MINUTE))
