"""The date cascade's page rules (crawler/extract/dateline.py, date_choice.py, date_fallback.py):
for each, a page written for it, with what it must take and what it must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extract import Trace, extract_article
from crawler.extract.dateline import PUBLISHED, UNLABELLED, UPDATED, label_kind, shown_dates
from crawler.extract.html import parse_html
from crawler.items import PUBLISHED_SOURCES
from pipelines.normalize import normalize_article

from .extract_pages import ARTICLE, NOW, STORY, page

URL = "https://a.org/news/council-decides"
SITE = Path(__file__).parent / "site"


def meta_date(value: str) -> str:
    return ARTICLE + f'<meta property="article:published_time" content="{value}">'


def ld_dates(published: str, modified: str | None = None) -> str:
    modified_part = f', "dateModified": "{modified}"' if modified else ""
    return (ARTICLE + '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council decides", '
            f'"datePublished": "{published}"{modified_part}}}</script>')


def article(head: str, header: str, url: str = URL, after: str = ""):
    body = f"<article><header><h1>Council decides</h1>{header}</header>{STORY}{after}</article>"
    return extract_article(page(body, head), url, NOW)


def dates_of(art) -> tuple[str | None, str | None]:
    return art.published_raw, art.published_source


# --------------------------------------------------------------------------- labels
@pytest.mark.parametrize("context, kind", [
    ("Updated", UPDATED), ("Last updated on", UPDATED), ("Aktualisiert am", UPDATED), ("Mis à jour le", UPDATED),
    ("Published", PUBLISHED), ("Posted on", PUBLISHED), ("Veröffentlicht:", PUBLISHED), ("Publié le", PUBLISHED),
    ("Published 3 March · Updated", UPDATED), ("Updated 5 March · Published", PUBLISHED),
    ("By Jane Doe", UNLABELLED), ("Unpublished", UNLABELLED),
])
def test_a_dates_label_is_the_last_label_word_before_it(context, kind):
    assert label_kind(context) == kind


def test_shown_dates_are_read_beside_the_headline_only():
    far = "".join(f"<p>Paragraph {i} of the story, with words enough to make a line of text.</p>" for i in range(10))
    root = parse_html(page(f'<article><h1>Council decides</h1><p class="date">March 3, 2025</p>{far}'
                           '<p class="date">March 1, 2024</p></article>'))
    shown = shown_dates(root.find(".//h1"), NOW)
    assert [s.raw for s in shown] == ["March 3, 2025"]


# --------------------------------------------------------------------------- against the metadata
def test_the_dateline_outweighs_metadata_a_year_off():
    art = article(meta_date("2024-09-06T13:12:36+00:00"), '<p class="meta"><span class="date">November 14, 2024</span></p>')
    assert dates_of(art) == ("November 14, 2024", "dateline")


def test_a_time_element_outweighs_metadata_a_month_off():
    art = article(meta_date("2024-07-05T14:20:08Z"), '<time datetime="2024-03-01T05:00:00Z">March 1, 2024</time>')
    assert dates_of(art) == ("2024-03-01T05:00:00Z", "time")


def test_metadata_stands_against_a_dateline_a_day_off():
    # A day apart is as often a UTC time against the local day, or a print edition's date.
    art = article(meta_date("2024-04-25T19:30:00+02:00"), '<p class="date">Ausgabe vom 26.04.2024</p>')
    assert dates_of(art) == ("2024-04-25T19:30:00+02:00", "meta")


def test_metadata_stands_against_an_update_shown_beside_the_headline():
    art = article(ld_dates("2020-12-16T11:36:18+00:00"), '<span class="byline-date">Updated Feb 27, 2024</span>')
    assert dates_of(art) == ("2020-12-16T11:36:18+00:00", "jsonld")
    assert art.modified_raw == "Updated Feb 27, 2024"  # the update is the modification date


def test_metadata_stands_against_a_relative_date():
    art = article(meta_date("2024-11-09T12:00:00+02:00"), '<time class="ago">4 months ago</time>')
    assert art.published_source == "meta"


@pytest.mark.parametrize("box", ['<div class="widget">{}</div>', '<aside>{}</aside>',
                                 '<div class="related-posts">{}</div>',
                                 '<div class="card"><h3><a href="/other">Another story</a></h3>{}</div>'])
def test_metadata_stands_against_a_date_outside_the_article(box):
    art = article(meta_date("2022-10-24T12:40:59+00:00"), box.format('<span class="date">8 Oct 2020</span>'))
    assert art.published_source == "meta"


def test_metadata_stands_when_the_url_states_its_day():
    art = article(meta_date("2021-01-18T19:55:00Z"), '<p class="date">August 9, 2021</p>',
                  url="https://a.org/2021/01/18/council-decides/")
    assert dates_of(art) == ("2021-01-18T19:55:00Z", "meta")


def test_a_dateline_naming_its_month_reads_ambiguous_numeric_metadata():
    art = article(meta_date("03-09-2024"), '<div class="byline">Published March 9, 2024</div>')
    assert dates_of(art) == ("Published March 9, 2024", "dateline")


def test_metadata_that_reads_as_no_date_is_no_metadata():
    art = article(meta_date("2031-01-01T00:00:00Z"), '<p class="date">March 3, 2025</p>')
    assert dates_of(art) == ("March 3, 2025", "dateline")


def test_an_ambiguous_dateline_agreeing_with_the_metadata_read_the_other_way_is_no_disagreement():
    art = article(ld_dates("2024-09-10T16:07:00.000Z"), '<p class="blog-post__date">09.10.2024</p>')
    assert art.published_source == "jsonld"


# --------------------------------------------------------------------------- without metadata
def test_without_metadata_the_publication_before_the_update():
    art = article(ARTICLE, '<p><span>Updated</span> <span class="d">March 5, 2025</span> · '
                  '<span>Published</span> <span class="d">March 3, 2025</span></p>')
    assert dates_of(art) == ("March 3, 2025", "dateline")
    assert art.modified_raw == "March 5, 2025"


def test_without_metadata_an_update_is_taken_when_it_is_the_only_date():
    art = article(ARTICLE, '<p class="meta">Last updated on 17 December 2024</p>')
    assert dates_of(art) == ("Last updated on 17 December 2024", "dateline")


def test_without_metadata_a_comments_date_is_never_the_dateline():
    comments = '<div class="comments"><div class="comment"><span class="when">January 2, 2019</span></div></div>'
    art = extract_article(page(f"<article><h1>Council decides</h1>{comments}{STORY}"
                               '<p class="posted">Posted March 3, 2025</p></article>', ARTICLE), URL, NOW)
    assert art.published_raw != "January 2, 2019"


def test_without_metadata_a_teaser_card_date_is_skipped_for_the_articles():
    card = '<div class="teaser"><h3><a href="/old">An old story</a></h3><span>June 26, 2018</span></div>'
    art = article(ARTICLE, f'{card}<p class="date">March 3, 2025</p>')
    assert dates_of(art) == ("March 3, 2025", "dateline")


def test_a_day_shown_takes_its_time_from_a_time_element_of_the_same_day():
    art = article(ARTICLE, '<p class="date">October 23, 2024</p>',
                  after='<footer><time datetime="2024-10-23T15:48:15+00:00">Oct 23</time></footer>')
    assert dates_of(art) == ("2024-10-23T15:48:15+00:00", "time")


def test_a_byline_after_the_date_on_its_line_is_not_read_as_the_date():
    art = article(ARTICLE, '<div class="info">Do 25.04.24 | 14:07 Uhr | Von Eva Doe</div>')
    assert art.published_raw == "Do 25.04.24 | 14:07 Uhr"


# --------------------------------------------------------------------------- published and updated told apart
def test_hatom_published_and_updated_time_elements_are_told_apart():
    header = ('<a href="/x"><time class="entry-date published" datetime="2025-01-22T11:00:00+00:00">2025-01-22</time>'
              '</a><time class="updated" datetime="2025-01-23T07:45:00+00:00">Updated: 2025-01-23</time>')
    art = normalize_article(article(ARTICLE, header))
    assert (art.published_raw, art.modified_raw) == ("2025-01-22T11:00:00+00:00", "2025-01-23T07:45:00+00:00")
    assert art.modified_at.isoformat() == "2025-01-23T07:45:00+00:00"


def test_an_updated_time_element_alone_is_no_publication_time_element():
    header = '<div class="byline">By Jane Doe</div>'
    after = ''.join("<p>More of the story goes on here with words enough to make a line.</p>" for _ in range(8))
    after += '<time class="updated" datetime="2025-01-23T07:45:00+00:00">Updated: 2025-01-23</time>'
    art = article(meta_date("2025-01-22T11:00:00+00:00"), header, after=after)
    assert art.published_raw == "2025-01-22T11:00:00+00:00"


def test_the_demo_bakery_article_has_its_modification_time():
    html = (SITE / "post" / "local-bakery-wins-national-award.html").read_text(encoding="utf-8")
    art = normalize_article(extract_article(html, "http://127.0.0.1/post/local-bakery-wins-national-award", NOW))
    assert art.published_at.isoformat() == "2025-01-22T11:00:00+00:00"
    assert art.modified_at.isoformat() == "2025-01-23T07:45:00+00:00"


# --------------------------------------------------------------------------- the last stage
def test_htmldate_reads_a_page_stating_no_date_where_newsdesk_reads():
    story = STORY + "<p>This report was first written on 2021-05-06 for the council's newsletter.</p>"
    art = extract_article(page(f"<article><h1>Council decides</h1>{story}</article>", ARTICLE), URL, NOW)
    assert dates_of(art) == ("2021-05-06", "htmldate")


def test_htmldate_takes_nothing_after_the_fetch():
    story = STORY + "<p>The council meets again on 2026-05-06 to vote.</p>"
    art = extract_article(page(f"<article><h1>Council decides</h1>{story}</article>", ARTICLE), URL, NOW)
    assert art.published_raw is None


def test_every_source_is_a_declared_one_and_every_choice_is_traced():
    cases = [(meta_date("2024-09-06T13:12:36+00:00"), '<p class="date">November 14, 2024</p>'),
             (ARTICLE, '<p class="date">March 3, 2025</p>'), (ld_dates("2025-03-01T10:00:00Z"), "")]
    for head, header in cases:
        trace = Trace()
        body = f"<article><header><h1>Council decides</h1>{header}</header>{STORY}</article>"
        art = extract_article(page(body, head), URL, NOW, trace=trace)
        assert art.published_source in PUBLISHED_SOURCES
        assert [r.stage for r in trace if r.verdict == "keep" and r.stage == "dates"], header


def test_htmldates_guess_from_a_copyright_year_is_no_date():
    story = STORY + '<footer><p>© 2024 The Paper</p></footer>'
    art = extract_article(page(f"<article><h1>Council decides</h1>{story}</article>", ARTICLE), URL, NOW)
    assert art.published_raw is None
