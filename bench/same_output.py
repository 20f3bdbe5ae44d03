"""Whether two runs of the benchmark adapter gave the same output, page by page: the check behind a refactor.

    python3 ../shared/benchmarks/score.py ../shared/benchmarks/zyte-dev --run ".venv/bin/python bench/extract.py" \
        --save-predictions /tmp/old.jsonl          # before the change
    ... the same with /tmp/new.jsonl after it ...
    .venv/bin/python bench/same_output.py /tmp/old.jsonl /tmp/new.jsonl

Lines are keyed by their ``id`` and compared as text (byte-identical, not merely equal as JSON).
For each page that differs it prints the id and the fields that differ (nested fields of the stored
``article`` as ``article.sections``), and the ids found in only one file. Exit status 0 when every
page is the same, 1 when any differs or is missing, 2 when a file cannot be read.

One difference is not the code's: a page without a fetch time (zyte and wcxb give none) that
states a relative date ("4 months ago") has it anchored on the wall clock of the run, so two runs
minutes apart give different ``published`` values for the same ``published_raw``. Such pages, the
same in every other field, are counted apart and do not fail the check (``--strict`` makes them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SHOWN = 40  # pages listed at most; the count covers them all
# Fields anchored on the run's clock when the page has no fetch time (see the module docstring).
CLOCK_FIELDS = frozenset({"published", "article.published_at"})


def lines_by_id(path: Path) -> dict[str, str]:
    """Each output line, as written, keyed by the page id it carries."""
    found: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            page_id = json.loads(line).get("id")
        except (ValueError, AttributeError) as exc:
            raise ValueError(f"{path}:{number}: not a JSON object ({exc})") from None
        found[str(page_id)] = line
    return found


def differing_fields(old: object, new: object, prefix: str = "") -> list[str]:
    """Names of the fields whose values differ; one level into the nested ``article``."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return [prefix.rstrip(".") or "(whole line)"]
    names = []
    for key in sorted(set(old) | set(new), key=str):
        a, b = old.get(key), new.get(key)
        if json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False):
            continue
        if key == "article" and not prefix and isinstance(a, dict) and isinstance(b, dict):
            names += differing_fields(a, b, "article.")
        else:
            names.append(prefix + key)
    return names or [prefix + "(key order or spacing)"]


def clock_only(old: dict, new: dict, fields: list[str]) -> bool:
    """Whether two lines differ only in a relative date anchored on each run's own clock."""
    article_old, article_new = old.get("article") or {}, new.get("article") or {}
    return (set(fields) <= CLOCK_FIELDS and article_old.get("fetched_at") is None
            and article_new.get("fetched_at") is None
            and article_old.get("published_raw") == article_new.get("published_raw") is not None)


def compare(old: dict[str, str], new: dict[str, str]) -> tuple[list[str], list[str]]:
    """One line per page that is not the same in both runs, and the ids that differ only by the clock."""
    report, by_clock = [], []
    for page_id in sorted(set(old) | set(new)):
        if page_id not in new:
            report.append(f"{page_id}: only in the old run")
        elif page_id not in old:
            report.append(f"{page_id}: only in the new run")
        elif old[page_id] != new[page_id]:
            a, b = json.loads(old[page_id]), json.loads(new[page_id])
            fields = differing_fields(a, b)
            if clock_only(a, b, fields):
                by_clock.append(page_id)
            else:
                report.append(f"{page_id}: {', '.join(fields)}")
    return report, by_clock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="the adapter's output before the change (JSON lines)")
    parser.add_argument("new", type=Path, help="the adapter's output after it")
    parser.add_argument("--strict", action="store_true",
                        help="count pages that differ only in a relative date anchored on the clock")
    args = parser.parse_args(argv)
    try:
        old, new = lines_by_id(args.old), lines_by_id(args.new)
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"same_output: {exc}\n")
        return 2
    report, by_clock = compare(old, new)
    if by_clock:
        note = f"{len(by_clock)} pages differ only in a relative date anchored on the run's clock: {' '.join(by_clock)}"
        if args.strict:
            report += [f"{page_id}: {', '.join(sorted(CLOCK_FIELDS))} (clock)" for page_id in by_clock]
        else:
            print(note + " (not counted; --strict counts them)")
    for line in report[:SHOWN]:
        print(line)
    if len(report) > SHOWN:
        print(f"... and {len(report) - SHOWN} more")
    print(f"{len(report)} of {len(set(old) | set(new))} pages differ" if report
          else f"same output: {len(old) - len(by_clock)} pages byte-identical"
          + (f", {len(by_clock)} the same but for the clock" if by_clock else ""))
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
