"""Date normalisation speed and agreement: ``parse_date`` next to calling ``dateparser.parse`` directly.

    .venv/bin/python bench/normalise.py [--strings 10000] [--calls 100000] [--seed 5]

Builds a realistic mix of date strings as the extractor hands them over (mostly machine forms from
JSON-LD and <meta>, then relative and human-written forms in our languages, a few with labels and
suffixes, a few that are not dates), with the repetition a crawl has: relative forms repeat a lot,
a page's own timestamp a little. Each string gets its own fetch time (a new base per call). Then,
in this one process and on the same (string, base) pairs:

- median (and mean, p90) µs per string of ``parse_date`` — run first, from a cold cache, so its
  misses, its lazy dateparser import and its dateparser fallbacks are all counted — and of
  ``dateparser.parse(text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})``;
- import time of ``pipelines.dates`` and of ``dateparser`` (each in a fresh interpreter), and
  dateparser's import plus its first parse, which is when it loads its language data;
- memory growth (tracemalloc) over ``--calls`` calls with a new base per call, twice: from the
  state the timing run left, and once more after that (steady state);
- the (string, base) pairs on which the two disagree, counted by kind, with examples.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START = datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc)
SETTINGS = {"PREFER_DATES_FROM": "past"}

EN_MONTHS = "January February March April May June July August September October November December".split()
MONTH_NAMES = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık".split(),
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia".split(),
    "sv": "januari februari mars april maj juni juli augusti september oktober november december".split(),
}
DAY_MONTH_TIME = {
    "de": "{d}. {month} {y} um {h:02d}:{mi:02d}", "fr": "{d} {month} {y} à {h}h{mi:02d}",
    "es": "{d} de {month} de {y}, {h}:{mi:02d}", "it": "{d} {month} {y} alle {h}:{mi:02d}",
    "pt": "{d} de {month} de {y} às {h}h{mi:02d}", "nl": "{d} {month} {y} om {h}:{mi:02d}",
    "tr": "{d} {month} {y} {h:02d}:{mi:02d}", "pl": "{d} {month} {y} o {h}:{mi:02d}",
    "sv": "{d} {month} {y} kl. {h:02d}:{mi:02d}",
}
RELATIVE = {
    "en": ["{n} hours ago", "{n} minutes ago", "{d} days ago", "an hour ago", "just now", "yesterday",
           "yesterday at {h}:{m:02d}", "last week", "{n}h ago", "{w} weeks ago"],
    "de": ["vor {n} Stunden", "vor {n} Minuten", "vor {d} Tagen", "vor einer Stunde", "gestern, {h}:{m:02d} Uhr",
           "heute, {h}:{m:02d} Uhr", "gerade eben"],
    "fr": ["il y a {n} heures", "il y a {n} minutes", "il y a {d} jours", "hier à {h}h{m:02d}", "à l'instant"],
    "es": ["hace {n} horas", "hace {n} minutos", "hace {d} días", "ayer a las {h}:{m:02d}", "hace una hora"],
    "it": ["{n} ore fa", "{n} minuti fa", "{d} giorni fa", "ieri alle {h}:{m:02d}"],
    "pt": ["há {n} horas", "há {n} minutos", "há {d} dias", "ontem às {h}:{m:02d}"],
    "nl": ["{n} uur geleden", "{n} minuten geleden", "{d} dagen geleden", "gisteren om {h}:{m:02d}"],
    "tr": ["{n} saat önce", "{n} dakika önce", "{d} gün önce", "dün {h}:{m:02d}"],
    "pl": ["{n} godziny temu", "{n} minut temu", "{d} dni temu", "wczoraj o {h}:{m:02d}"],
    "sv": ["för {n} timmar sedan", "för {n} minuter sedan", "igår kl. {h}:{m:02d}"],
    "no": ["for {n} timer siden", "for {n} minutter siden", "i går kl. {h}.{m:02d}"],
    "da": ["for {n} timer siden", "for {d} dage siden"],
    "ja": ["{n}時間前", "{n}分前", "{d}日前", "昨日 {h}:{m:02d}"],
    "ko": ["{n}시간 전", "{n}분 전", "{d}일 전", "어제 {h}:{m:02d}"],
}
ODD = ["Monday", "17 Uhr", "a few minutes ago", "Share this article", "5 min read", "", "Updated", "Foto: dpa",
       "2025", "in 2 hours"]


def _absolute(rng: random.Random, when: datetime) -> str:
    """One publication time written the way some page would write it."""
    y, mo, d, h, mi, s = when.year, when.month, when.day, when.hour, when.minute, when.second
    lang = rng.choice(list(MONTH_NAMES))
    month = MONTH_NAMES[lang][mo - 1]
    h12, ampm = (h % 12 or 12), ("AM" if h < 12 else "PM")
    forms = [
        (30, f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}+01:00"),
        (12, f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z"),
        (8, f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{rng.randrange(1000):03d}Z"),
        (6, f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}"),
        (5, f"{y}-{mo:02d}-{d:02d}"),
        (6, when.strftime("%a, %d %b %Y %H:%M:%S ") + rng.choice(["+0100", "GMT", "+0000", "-0500"])),
        (4, str(int(when.timestamp()))),
        (6, f"{d:02d}.{mo:02d}.{y}, {h:02d}:{mi:02d} Uhr"),
        (3, f"Stand: {d:02d}.{mo:02d}.{y} {h:02d}:{mi:02d} Uhr"),
        (4, f"{EN_MONTHS[mo - 1]} {d}, {y} {h12}:{mi:02d} {ampm} {rng.choice(['ET', 'EST', 'GMT', 'BST', 'CET'])}"),
        (4, f"{EN_MONTHS[mo - 1]} {d}, {y}"),
        (3, f"Published {d} {EN_MONTHS[mo - 1]} {y}"),
        (5, f"{d} {month} {y}"),
        (3, DAY_MONTH_TIME[lang].format(d=d, month=month, y=y, h=h, mi=mi)),
        (2, f"Publié le {d} {MONTH_NAMES['fr'][mo - 1]} {y}"),
        (2, f"Aktualisiert am {d:02d}.{mo:02d}.{y}"),
        (2, f"{EN_MONTHS[mo - 1]} {d}, {y} | {rng.randint(2, 12)} min read"),
        (2, f"{y}年{mo}月{d}日 {h}時{mi:02d}分"),
        (2, f"입력 {y}.{mo:02d}.{d:02d} {h:02d}:{mi:02d}"),
        (1, f"{mo:02d}/{d:02d}/{y}"),
    ]
    weights, texts = zip(*forms, strict=True)
    return rng.choices(texts, weights=weights)[0]


def _relative(rng: random.Random) -> str:
    lang = rng.choices(list(RELATIVE), weights=[30, 15, 8, 8, 5, 5, 4, 5, 4, 3, 3, 2, 4, 4])[0]
    form = rng.choice(RELATIVE[lang])
    return form.format(n=rng.randint(1, 23), d=rng.randint(2, 6), w=rng.randint(2, 4), h=rng.randint(0, 23),
                       m=rng.randrange(60))


def build_mix(count: int, seed: int) -> list[tuple[str, datetime]]:
    """``count`` (text, base) pairs: 62% absolute (a pool of about count/3 distinct texts, drawn with
    repetition), 33% relative, 5% odd; bases a few seconds apart, as in a crawl."""
    rng = random.Random(seed)
    pool = [_absolute(rng, START - timedelta(seconds=rng.randrange(400 * 86400))) for _ in range(count // 3)]
    mix = []
    for i in range(count):
        roll = rng.random()
        if roll < 0.62:
            text = rng.choice(pool)
        elif roll < 0.95:
            text = _relative(rng)
        else:
            text = rng.choice(ODD)
        mix.append((text, START + timedelta(seconds=7 * i)))
    return mix


def _import_time(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = []
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        times.append(float(done.stdout.strip()))
    return min(times)


def _timed(function, pairs) -> tuple[list[float], list]:
    clock = time.perf_counter_ns
    micros, results = [], []
    for text, base in pairs:
        start = clock()
        result = function(text, base)
        micros.append((clock() - start) / 1000)
        results.append(result)
    return micros, results


def _comparable(value: datetime, base: datetime) -> datetime:
    """An aware value as wall time in the base's zone, which is how dateparser (given a naive
    RELATIVE_BASE) reports relative dates."""
    return value.astimezone(base.tzinfo).replace(tzinfo=None) if value.tzinfo else value


def disagreement(ours: datetime | None, theirs: datetime | None, base: datetime) -> str | None:
    """The kind of disagreement between parse_date and dateparser on one pair, or None."""
    if ours is None and theirs is None:
        return None
    if theirs is None:
        return "only newsdesk reads it"
    if ours is None:
        naive = _comparable(theirs, base)
        if naive > base.replace(tzinfo=None) + timedelta(days=1) or naive < datetime(1990, 1, 1):
            return "dateparser's reading is in the future or before 1990 (rejected by rule)"
        return "only dateparser reads it"
    if ours.tzinfo is not None and theirs.tzinfo is not None:
        if ours == theirs:
            return None
        if ours.replace(tzinfo=None) == theirs.replace(tzinfo=None):
            return "same wall time, other offset"
        return "other time"
    if ours.tzinfo is None and theirs.tzinfo is None:
        return None if ours == theirs else "other time"
    aware, naive = (ours, theirs) if ours.tzinfo else (theirs, ours)
    if aware.replace(tzinfo=None) == naive or _comparable(aware, base) == naive:
        if ours.tzinfo is not None and _comparable(ours, base) == theirs and ours.utcoffset() == base.utcoffset():
            return None  # a relative date: dateparser returns the base's wall time, we add its offset
        return "same wall time, only one states an offset"
    return "other time"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strings", type=int, default=10_000)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    mix = build_mix(args.strings, args.seed)
    print(f"mix: {len(mix)} strings, {len(set(t for t, _ in mix))} distinct, a new base per string")

    import_ours = _import_time("import pipelines.dates")
    import_dp = _import_time("import dateparser")
    import_dp_first = _import_time("import dateparser; dateparser.parse('7 hours ago')")

    from pipelines.dates import _recipe, parse_date  # noqa: E402 (after the fresh-interpreter timings)

    ours_us, ours = _timed(parse_date, mix)
    import dateparser

    def direct(text, base):
        return dateparser.parse(text, settings={**SETTINGS, "RELATIVE_BASE": base.replace(tzinfo=None)})

    theirs_us, theirs = _timed(direct, mix)

    def line(name, values):
        p90 = statistics.quantiles(values, n=10)[-1]
        return f"  {name:<24}{statistics.median(values):>10.1f}{statistics.fmean(values):>10.1f}{p90:>10.1f}"

    print(f"\n  {'µs per string':<24}{'median':>10}{'mean':>10}{'p90':>10}")
    print(line("parse_date", ours_us))
    print(line("dateparser.parse", theirs_us))
    ratio_median = statistics.median(theirs_us) / statistics.median(ours_us)
    ratio_total = sum(theirs_us) / sum(ours_us)
    print(f"  speed-up: {ratio_median:.0f}x on the median, {ratio_total:.0f}x on the total time")

    print("\n  import (fresh interpreter, best of 3)")
    print(f"  {'pipelines.dates':<40}{import_ours * 1000:>8.1f} ms")
    print(f"  {'dateparser':<40}{import_dp * 1000:>8.1f} ms")
    print(f"  {'dateparser + first parse':<40}{import_dp_first * 1000:>8.1f} ms")

    texts = [t for t, _ in mix]
    _recipe.cache_clear()  # from empty caches: the first run fills them (bounded), the second must not grow
    for label in ("from empty caches", "steady state"):
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for i in range(args.calls):
            parse_date(texts[i % len(texts)], START + timedelta(days=1, seconds=3 * i + 1))
        growth = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        if label == "from empty caches":
            print(f"\n  memory growth over {args.calls} calls, a new base each")
        print(f"  {label:<40}{growth / 1024:>8.1f} KiB")
    info = _recipe.cache_info()
    print(f"  recipe cache: {info.currsize} entries (bound {info.maxsize}), {info.hits} hits, {info.misses} misses")

    kinds: Counter[str] = Counter()
    examples: dict[str, dict[str, tuple]] = defaultdict(dict)
    for (text, base), mine, other in zip(mix, ours, theirs, strict=True):
        kind = disagreement(mine, other, base)
        if kind:
            kinds[kind] += 1
            shape = re.sub(r"\d", "9", text)  # one example per shape, so every cause shows
            if len(examples[kind]) < 8:
                examples[kind].setdefault(shape, (text, mine, other))
    print(f"\n  disagreements: {sum(kinds.values())} of {len(mix)} (string, base) pairs")
    for kind, count in kinds.most_common():
        print(f"  {count:>6}  {kind}")
        for text, mine, other in examples[kind].values():
            show = [v.isoformat() if v else None for v in (mine, other)]
            print(f"          {text!r}: newsdesk {show[0]}, dateparser {show[1]}")


if __name__ == "__main__":
    main()
