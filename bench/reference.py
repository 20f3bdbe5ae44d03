"""The reference extractor for score.py: trafilatura's bare_extraction with default settings.

Speaks the JSON-lines protocol of ../shared/benchmarks/README.md so that it runs side by side with
bench/extract.py in the same session (the machine is shared: compare ratios, not absolute speeds).
trafilatura is in the ``bench`` extra, not a runtime dependency.
"""

from __future__ import annotations

import gzip
import json
import sys

import trafilatura


def _published(date: str | None) -> str | None:
    return date or None


def _sections(body) -> list[dict]:
    """trafilatura's body tree (<head>, <p>, <list>...) as the protocol's heading + paragraphs."""
    sections = [{"heading": None, "paragraphs": []}]
    if body is None:
        return []
    for el in body:
        text = " ".join("".join(el.itertext()).split())
        if not text:
            continue
        if el.tag == "head":
            sections.append({"heading": text, "paragraphs": []})
        else:
            sections[-1]["paragraphs"].append(text)
    return [s for s in sections if s["heading"] or s["paragraphs"]]


def main() -> None:
    version = f"trafilatura {trafilatura.__version__}"
    for line in sys.stdin:
        req = json.loads(line)
        try:
            with gzip.open(req["html_path"]) as fh:
                html = fh.read()
            result = trafilatura.bare_extraction(html, url=req.get("url"), with_metadata=True)
            if result is None:
                out = {"id": req["id"], "body": "", "extractor": version}
            else:
                doc = result.as_dict()
                authors = [a.strip() for a in (doc.get("author") or "").split(";") if a.strip()]
                out = {
                    "id": req["id"],
                    "title": doc.get("title"),
                    "authors": authors,
                    "published": _published(doc.get("date")),
                    "body": doc.get("text") or "",
                    "sections": _sections(result.body),
                    "summary": doc.get("description"),
                    "extractor": version,
                }
        except Exception as exc:  # one bad page must not stop the run
            out = {"id": req["id"], "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
