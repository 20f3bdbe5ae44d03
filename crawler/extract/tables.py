"""<table> → Table(caption, header, rows), with colspan/rowspan expanded; layout tables told apart."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..items import Table
from .text import text_of

_MAX_SPAN = 50
_MAX_CELLS = 20000


def _cell_text(cell: HtmlElement) -> str:
    return text_of(cell)


def _rows(table: HtmlElement) -> list[HtmlElement]:
    """Rows of this table only (not of tables nested in its cells), in order."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def is_layout_table(table: HtmlElement) -> bool:
    """A table that positions content rather than tabulating data: nested tables, block content in
    cells, a single column or row, or cells holding long running text."""
    if table.get("role") in ("presentation", "none"):
        return True
    rows = _rows(table)
    if not rows:
        return True
    if table.find(".//table") is not None:
        return True
    widths = [sum(1 for c in r if c.tag in ("td", "th")) for r in rows]
    if max(widths, default=0) < 2 or (len(rows) < 2 and table.find(".//th") is None):
        return True
    for cell in table.iter("td", "th"):
        if cell.find(".//p") is not None and len(cell.findall(".//p")) > 1:
            return True
        if cell.find(".//div") is not None and len(_cell_text(cell)) > 300:
            return True
    return False


def _grid(rows: list[HtmlElement]) -> list[list[tuple[str, bool]]]:
    """The rows as a rectangular grid of (text, is_header_cell), spans expanded."""
    grid: list[list[tuple[str, bool] | None]] = []
    pending: dict[tuple[int, int], tuple[str, bool]] = {}
    cells_seen = 0
    for r, row in enumerate(rows):
        out: list[tuple[str, bool] | None] = []
        col = 0
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            while (r, col) in pending:
                out.append(pending.pop((r, col)))
                col += 1
            value = (_cell_text(cell), cell.tag == "th")
            colspan = _span(cell.get("colspan"))
            rowspan = _span(cell.get("rowspan"))
            for c in range(colspan):
                out.append(value)
                for extra in range(1, rowspan):
                    pending[(r + extra, col + c)] = value
            col += colspan
            cells_seen += colspan * rowspan
            if cells_seen > _MAX_CELLS:
                break
        while (r, col) in pending:
            out.append(pending.pop((r, col)))
            col += 1
        grid.append(out)
        if cells_seen > _MAX_CELLS:
            break
    width = max((len(r) for r in grid), default=0)
    return [[c if c is not None else ("", False) for c in row] + [("", False)] * (width - len(row)) for row in grid]


def _span(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), _MAX_SPAN))
    except ValueError:
        return 1


def parse_table(table: HtmlElement) -> Table | None:
    """A data table as caption, header and body rows; None for an empty one."""
    rows = _rows(table)
    grid = _grid(rows)
    if not grid or not any(text for row in grid for text, _ in row):
        return None
    caption_el = table.find("caption")
    caption = _cell_text(caption_el) if caption_el is not None else None
    head_rows = 0
    thead = table.find("thead")
    if thead is not None:
        head_rows = sum(1 for r in thead if r.tag == "tr")
    else:
        while head_rows < len(grid) - 1 and all(is_th for _, is_th in grid[head_rows]):
            head_rows += 1
    if head_rows == 0 and len(grid) > 1 and _looks_like_header(rows[0], grid):
        head_rows = 1
    header = [text for text, _ in grid[head_rows - 1]] if head_rows else []
    body = [[text for text, _ in row] for row in grid[head_rows:]]
    body = [row for row in body if any(row)]
    return Table(caption=caption or None, header=header, rows=body)


def _looks_like_header(first: HtmlElement, grid: list[list[tuple[str, bool]]]) -> bool:
    """A first row of short bold (or all-<strong>) labels over rows of data, as CMS editors write tables."""
    cells = [c for c in first if c.tag in ("td", "th")]
    if not cells:
        return False
    bold = all(
        _cell_text(c) and (c.find(".//strong") is not None or c.find(".//b") is not None)
        and _cell_text(c) == " ".join("".join(x.text_content() for x in c.iter("strong", "b")).split())
        for c in cells
    )
    return bold and len(grid) > 1
