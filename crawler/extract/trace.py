"""Named rules, and the trace of what they decided: "why did this paragraph go?" has an answer.

Every rule that drops or keeps text is a ``Rule`` made once, by ``rule()``, beside the code that
applies it: a name, the stage it belongs to, and why it exists. ``extract_article(..., trace=Trace())``
collects a ``TraceRecord`` for each block a rule dropped (and each one a rule kept where it decided):
the rule, the stage, the element (tag, class and id) and the element's full text. Without a trace
the rules run exactly as they would with one, and nothing is recorded.

    trace = Trace()
    extract_article(html, url, fetched_at, trace=trace)
    for record in trace.dropped():
        print(record.rule, record.stage, record.length, record.excerpt())
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from lxml.html import HtmlElement

from .text import text_of

# The stages, in the order the extractor runs them.
PAGE = "page"  # whether the page holds an article at all
PRUNE = "prune"  # removed from the tree before anything is scored
TEMPLATE = "template vocabulary"  # left out by the class, id or aria-label naming a template part
CONTAINER = "container choice"  # outside the element chosen as the article's container
WALK = "body walk"  # left out while the container is walked (cards, headings, captions...)
LINES = "line rules"  # short lines of furniture, lines of links
SECTIONS = "sections"  # headings with nothing under them
METADATA = "metadata"  # which version of the title, byline, lead and credits is kept
DATES = "dates"  # which stated date is the publication date, and which dates are no candidates
STAGES = (PAGE, PRUNE, TEMPLATE, CONTAINER, WALK, LINES, SECTIONS, METADATA, DATES)

DROP, KEEP = "drop", "keep"
EXCERPT_CHARS = 80  # a record's excerpt: enough to recognise the block


class Rule(NamedTuple):
    """A rule that drops or keeps text: what the trace and ``scrapy extract --explain`` name."""

    name: str
    stage: str
    why: str
    # What it drops is never read as text (scripts, styles): listed as a count, not block by block.
    quiet: bool = False


RULES: dict[str, Rule] = {}


def rule(name: str, stage: str, why: str, quiet: bool = False) -> Rule:
    """A new named rule, registered so that the names stay unique and can be listed."""
    if name in RULES:
        raise ValueError(f"extraction rule {name!r} is defined twice")
    if stage not in STAGES:
        raise ValueError(f"extraction rule {name!r}: unknown stage {stage!r}")
    RULES[name] = made = Rule(name, stage, why, quiet)
    return made


class TraceRecord(NamedTuple):
    """One decision of a rule about one block, machine-readable (``_asdict()`` gives JSON values)."""

    stage: str
    rule: str
    verdict: str  # DROP or KEEP
    tag: str  # the element's tag ("" for a line of text not an element of its own)
    names: str  # its class names, and its id after a '#': "share-bar social #tools"
    text: str  # the block's full text, whitespace collapsed
    detail: str = ""  # what else the rule knew: the template word that named the element...

    @property
    def length(self) -> int:
        return len(self.text)

    def excerpt(self, chars: int = EXCERPT_CHARS) -> str:
        return self.text if len(self.text) <= chars else self.text[: chars - 1].rstrip() + "…"

    def as_json(self) -> dict:
        """The record as JSON values, with its length (for aggregating over many pages)."""
        return {**self._asdict(), "length": self.length}


def element_names(el: HtmlElement | None) -> str:
    """An element's class names and id as the trace shows them: "share-bar social #tools"."""
    if el is None:
        return ""
    classes = " ".join((el.get("class") or "").split())
    ident = (el.get("id") or "").strip()
    return f"{classes} #{ident}".strip() if ident else classes


class Trace:
    """A collector of ``TraceRecord`` s: pass one to ``extract_article`` and read ``records``."""

    def __init__(self) -> None:
        self.records: list[TraceRecord] = []

    def drop(self, made: Rule, el: HtmlElement | None = None, text: str | None = None, detail: str = "") -> None:
        """Record that ``made`` dropped ``el`` (or a line ``text`` read inside it)."""
        self._add(made, DROP, el, text, detail)

    def keep(self, made: Rule, el: HtmlElement | None = None, text: str | None = None, detail: str = "") -> None:
        """Record that ``made`` kept ``el`` (or ``text``) where another rule would have dropped it."""
        self._add(made, KEEP, el, text, detail)

    def _add(self, made: Rule, verdict: str, el: HtmlElement | None, text: str | None, detail: str) -> None:
        tag = el.tag if el is not None and isinstance(el.tag, str) else ""
        if text is None:
            text = text_of(el) if tag else ""
        self.records.append(TraceRecord(made.stage, made.name, verdict, tag, element_names(el), text, detail))

    def extend(self, other: Trace) -> None:
        self.records.extend(other.records)

    def dropped(self) -> list[TraceRecord]:
        return [r for r in self.records if r.verdict == DROP]

    def kept(self) -> list[TraceRecord]:
        return [r for r in self.records if r.verdict == KEEP]

    def __iter__(self):
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)


def explain(records: list[TraceRecord] | Trace) -> list[str]:
    """The records as lines a person reads, by stage: each dropped block with the rule that dropped
    it and its tag, class and id, length and excerpt; rules that decided to keep a block after them.
    Blocks without text, and those of a quiet rule (scripts, styles), are counted, not listed."""
    lines: list[str] = []
    records = list(records)
    for stage in STAGES:
        in_stage = [r for r in records if r.stage == stage]
        if not in_stage:
            continue
        lines.append(f"{stage}:")
        quiet: Counter[tuple[str, str]] = Counter()
        for record in in_stage:
            made = RULES.get(record.rule)
            if made is not None and made.quiet or not record.text and record.tag:
                quiet[(record.rule, record.tag)] += 1
                continue
            where = f"<{record.tag}{' ' + record.names if record.names else ''}>" if record.tag else "(line)"
            detail = f" [{record.detail}]" if record.detail else ""
            lines.append(f"  {record.verdict} {record.rule}{detail}: {where} {record.length} chars"
                         + (f": {record.excerpt()!r}" if record.text else ""))
        for name in dict.fromkeys(name for name, _ in quiet):
            tags = ", ".join(f"{tag} {n}" for (r, tag), n in quiet.items() if r == name)
            count = sum(n for (r, _), n in quiet.items() if r == name)
            lines.append(f"  {name}: {count} elements without text to read ({tags})")
    return lines
