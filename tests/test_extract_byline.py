"""crawler/extract/byline.py: authors from JSON-LD, <meta> and the byline in the page."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article

from .extract_pages import ARTICLE, NOW, PARAS, STORY, page


def test_bold_byline_above_the_text_names_the_authors_when_metadata_credits_the_site():
    head = ARTICLE + '<meta property="og:site_name" content="Valley Times"><meta name="author" content="Valley Times">'
    art = extract_article(page(f"<article><p><strong>Jane Doe/John Roe</strong></p>{PARAS}</article>", head),
                          "https://valleytimes.example/x", NOW)
    assert art.authors == ["Jane Doe/John Roe"]
    assert [s.heading for s in art.sections if s.heading] == [] and "Jane Doe" not in art.body


def test_bold_byline_does_not_override_named_authors():
    head = ARTICLE + '<meta name="author" content="Ann Smith">'
    art = extract_article(page(f"<article><p><strong>Jane Doe/John Roe</strong></p>{PARAS}</article>", head),
                          "https://a.org/x", NOW)
    assert art.authors == ["Ann Smith"]


def test_author_email_gives_way_to_the_written_by_label():
    head = (ARTICLE + '<meta name="author" content="j.doe@paper.example">'
            '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane Doe">')
    assert extract_article(page(PARAS, head), "https://a.org/x", NOW).authors == ["Jane Doe"]


def test_bold_byline_after_a_short_standfirst():
    head = ARTICLE + '<meta property="og:site_name" content="Valley Times">'
    body = f"<article><p><em>…as villagers cry foul</em></p><p><strong>JANE DOE</strong></p>{PARAS}</article>"
    assert extract_article(page(body, head), "https://valleytimes.example/x", NOW).authors == ["JANE DOE"]


def test_admin_account_is_no_byline():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
          ' "author": {"@id": "https://valley.example/author/admin/", "name": "Valley D"}}</script>')
    art = extract_article(page(f"<article><p><strong>Jane Doe</strong></p>{PARAS}</article>", ld),
                          "https://valley.example/x", NOW)
    assert art.authors == ["Jane Doe"]


ADMIN_LD = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
            ' "author": {"@id": "https://valley.example/author/admin/", "name": "Webmaster K"}}</script>')
ADMIN_BYLINE = '<p>by <span class="author"><a href="https://valley.example/author/admin/">Webmaster K</a></span></p>'


def test_admin_account_shown_as_the_byline_gives_way_to_the_writer_above_the_text():
    body = f"<article><h1>H</h1>{ADMIN_BYLINE}<p><strong>JANE DOE</strong></p>{PARAS}</article>"
    art = extract_article(page(body, ADMIN_LD), "https://valley.example/x", NOW)
    assert (art.authors, art.organizations) == (["JANE DOE"], [])


def test_admin_account_alone_stays_the_credit():
    art = extract_article(page(f"<article><h1>H</h1>{ADMIN_BYLINE}{PARAS}</article>", ADMIN_LD),
                          "https://valley.example/x", NOW)
    assert (art.authors, art.organizations) == ([], ["Webmaster K"])


def test_nested_byline_parts_are_not_names():
    body = ('<div class="authors"><span class="author-brand">capital</span> von '
            f'<span class="author-name">Jane Doe</span></div><article>{PARAS}</article>')
    assert extract_article(page(body, ARTICLE), "https://a.org/x", NOW).authors == ["capital von Jane Doe"]


SITE_CREDIT = (ARTICLE + '<meta property="og:site_name" content="valleytimes.example">'
               '<meta name="author" content="Valley Times (www.valleytimes.example)">')


def test_byline_in_the_page_names_the_writer_where_metadata_credits_only_the_site():
    body = f'<article><h1>H</h1><div class="article-byline">Von Jane Doe, Springfield</div>{PARAS}</article>'
    art = extract_article(page(body, SITE_CREDIT), "https://www.valleytimes.example/x", NOW)
    assert art.authors == ["Von Jane Doe, Springfield"] and art.organizations == []


def test_writer_named_before_the_site_in_metadata_is_kept():
    head = ARTICLE + '<meta property="og:site_name" content="valleytimes"><meta name="author" content="Ann Smith, Valleytimes.example">'
    body = f'<article><h1>H</h1><div class="article-byline">Von Jane Doe</div>{PARAS}</article>'
    art = extract_article(page(body, head), "https://www.valleytimes.example/x", NOW)
    assert art.authors == ["Ann Smith, Valleytimes.example"]


def test_dated_line_marked_as_byline_does_not_replace_a_site_credit():
    body = f'<article><h1>H</h1><div class="byline">Published 12.03.25 at 10:00</div>{PARAS}</article>'
    art = extract_article(page(body, SITE_CREDIT), "https://www.valleytimes.example/x", NOW)
    assert art.authors == ["Valley Times (www.valleytimes.example)"]


@pytest.mark.parametrize("byline, expected", [
    ("<ul><li><strong>Date</strong> 12.03.2025</li><li><strong>Autorin/Autor</strong> Jane Doe</li></ul>", ["Jane Doe"]),
    ('<ul><li>By: <span><a href="/jd">Jane Doe</a>, </span><span><a href="/jr">John Roe</a></span></li>'
     "<li>Translation: <a>Ann Smith</a></li></ul>", ["Jane Doe, John Roe"]),
    ("<dl><dt>Author</dt><dd>Jane Doe</dd><dt>Section</dt><dd>World</dd></dl>", ["Jane Doe"]),
    ("<p><span>Text:</span> Jane Doe</p>", ["Jane Doe"]),
    # a front end's empty comment before the label; the date after the name is no name
    ('<div> <!-- -->Written by <a href="/team">Jane Doe</a> on March 12, 2025</div>', ["Jane Doe"]),
])
def test_byline_after_a_label(byline, expected):
    art = extract_article(page(f"<article><h1>H</h1>{byline}{PARAS}</article>", ARTICLE), "https://a.org/x", NOW)
    assert art.authors == expected


@pytest.mark.parametrize("line", [
    "<p><strong>Von</strong> 10:00 bis 12:00 Uhr geöffnet</p>",  # a time, not a name
    '<div class="comments"><p><b>By</b> Reader Joe</p></div>',  # a comment's poster
    "<footer><p><b>Author:</b> Site Team</p></footer>",
    "<div><button>Text</button> Larger Smaller</div>",  # a common word needs its colon to be a label
])
def test_labels_that_do_not_introduce_the_byline(line):
    art = extract_article(page(f"<article><h1>H</h1>{line}{PARAS}</article>", ARTICLE), "https://a.org/x", NOW)
    assert art.authors == []


def test_written_by_and_reading_time_in_one_tag_each():
    head = (ARTICLE + '<meta name="author" content="j.doe@paper.example">'
            '<meta name="twitter:misc:Est. reading time" content="3 minutes">'
            '<meta name="twitter:misc:Written by" content="Jane Doe">')
    art = extract_article(page(PARAS, head), "https://a.org/x", NOW)
    assert (art.authors, art.read_time_raw) == (["Jane Doe"], "3 minutes")


def test_other_twitter_misc_pairs_are_not_the_author():
    head = ARTICLE + '<meta name="twitter:misc:Est. reading time" content="3 minutes">'
    assert extract_article(page(PARAS, head), "https://a.org/x", NOW).authors == []


def test_a_licence_link_is_no_author():
    foot = ('<div class="bar">Content licensed under a <a rel="license" href="https://creativecommons.org/licenses/by/3.0/">'
            'Creative Commons License</a></div>')
    art = extract_article(page(f"<article><h1>Council decides</h1>{STORY}</article>{foot}", ARTICLE), "https://a.org/x", NOW)
    assert "Creative Commons License" not in art.authors


@pytest.mark.parametrize("line", [
    "<p>By Jane Doe</p>",
    "<h3>Written by Jane Doe</h3>",
    "<p class='x'><b>By<!-- --> Jane Doe</b></p>",
])
def test_a_line_that_is_the_byline_whole_names_the_author(line):
    html = page(f"<article><h1>Council decides</h1>{line}{STORY}</article>", ARTICLE)
    assert extract_article(html, "https://a.org/x", NOW).authors == ["Jane Doe"]


def test_a_by_line_does_not_outvote_an_organisation_the_metadata_credits():
    head = ARTICLE + ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": '
                      '"Organization", "name": "Harbour Gazette"}}</script>')
    html = page(f"<article><h1>Council decides</h1><p>By Jane Doe</p>{STORY}</article>", head)
    art = extract_article(html, "https://a.org/x", NOW)
    assert (art.authors, art.organizations) == ([], ["Harbour Gazette"])


@pytest.mark.parametrize("box", [
    '<div class="author-block"><b>By <span class="author-name">Jane Doe</span></b><div>Published on July 18, 2025</div>'
    '</div>',
    '<div class="author_cont"><svg><text>JD</text></svg><h3><a href="/u/jd">Jane Doe</a></h3><p>Last updated on '
    '17 December 2025</p></div>',
])
def test_the_name_in_an_author_box_that_also_holds_the_date(box):
    html = page(f"<article><h1>Council decides</h1>{box}{STORY}</article>", ARTICLE)
    assert extract_article(html, "https://a.org/x", NOW).authors == ["Jane Doe"]
