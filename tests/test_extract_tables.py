"""crawler/extract/tables.py: <table> → Table, layout tables told apart."""

from __future__ import annotations

from crawler.extract import parse_html
from crawler.extract.tables import is_layout_table, parse_table

from .extract_pages import page


def table(html: str):
    return parse_table(parse_html(page(html)).find(".//table"))


def test_table_with_thead():
    t = table("<table><caption>Cap</caption><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>")
    assert (t.caption, t.header, t.rows) == ("Cap", ["A", "B"], [["1", "2"]])


def test_table_spans_are_expanded():
    t = table("<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td rowspan='2'>x</td><td colspan='2'>y</td></tr><tr><td>1</td><td>2</td></tr></table>")
    assert t.header == ["A", "B", "C"]
    assert t.rows == [["x", "y", "y"], ["x", "1", "2"]]


def test_table_with_row_headers_keeps_them_in_rows():
    t = table("<table><tr><th></th><th>2024</th></tr><tr><th>Sales</th><td>5</td></tr><tr><th>Cost</th><td>3</td></tr></table>")
    assert t.header == ["", "2024"] and t.rows == [["Sales", "5"], ["Cost", "3"]]


def test_bold_first_row_is_a_header():
    t = table("<table><tr><td><strong>Year</strong></td><td><strong>Event</strong></td></tr><tr><td>2019</td><td>Summit</td></tr></table>")
    assert t.header == ["Year", "Event"] and t.rows == [["2019", "Summit"]]


def test_layout_table_is_not_a_table():
    root = parse_html(page("<table><tr><td><p>One long paragraph.</p><p>Another.</p></td><td>Side</td></tr></table>"))
    assert is_layout_table(root.find(".//table"))
