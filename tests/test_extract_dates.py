"""crawler/extract/dates.py: the raw date cascade, and the local times that give a UTC time its offset."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article

from .extract_pages import ARTICLE, NOW, PARAS, STORY, page


def test_dated_line_under_a_headline_that_is_not_an_h1():
    body = ('<article><h3><span class="roofline">Premiere</span> <span>Old hotel opens as a theatre</span></h3>'
            '<div class="technicalline"><div class="lineinfo">Do 25.04.24 | 14:07 Uhr | Von '
            f'<span class="authorname">Eva Doe</span></div></div>{PARAS}'
            '<figure><img src="/a.jpg"><figcaption>Protest on 20.04.2024, 10:00</figcaption></figure></article>')
    head = ARTICLE + '<meta property="og:title" content="Old hotel opens as a theatre">'
    assert extract_article(page(body, head), "https://a.org/x", NOW).published_raw == "Do 25.04.24 | 14:07 Uhr"


def test_dated_caption_far_from_the_headline_is_at_most_htmldates_guess():
    body = (f'<article><h1>Old hotel opens as a theatre</h1>{PARAS}'
            '<div><div><div><p>Protest on 20.04.2024, 10:00</p></div></div></div></article>')
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert art.published_source in (None, "htmldate")  # none of newsdesk's own stages reads a caption


def test_placeholder_date_in_metadata_gives_way_to_the_page_date():
    head = ARTICLE + '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
    body = (f'<article><h1>Council decides</h1><p class="byline__meta">Published 11:11 PM EST Nov 19, 2019</p>'
            f'{STORY}</article>')
    art = extract_article(page(body, head), "https://a.org/x", NOW)
    assert art.published_raw == "Published 11:11 PM EST Nov 19, 2019"


@pytest.mark.parametrize("url, expected", [
    ("https://a.org/2019/11/18/council-decides/", "2019-11-18"),
    ("https://a.org/world/2019/nov/18/council-decides", "2019-11-18"),
    ("https://a.org/story/2019-11-19/council-decides", "2019-11-19"),
    ("https://a.org/news/20191118/council-decides.html", "2019-11-18"),
    ("https://a.org/2019/11/council-decides", None),
    ("https://a.org/archive/1234/5678/90/", None),
])
def test_url_date_is_the_last_resort(url, expected):
    art = extract_article(page(f"<article><h1>Council decides</h1>{STORY}</article>", ARTICLE), url, NOW)
    assert art.published_raw == expected


def test_url_date_does_not_override_the_page():
    head = ARTICLE + '<meta property="article:published_time" content="2019-11-19T04:58:46Z">'
    art = extract_article(page(f"<article><h1>Council decides</h1>{STORY}</article>", head),
                          "https://a.org/2019/11/18/council-decides/", NOW)
    assert art.published_raw == "2019-11-19T04:58:46Z"


def test_date_with_an_ordinal_day_in_the_byline():
    body = (f'<article><h1>Council decides</h1><p class="article__meta">on Monday, November 18th, 2019 at 11:08 a.m.'
            f'</p>{STORY}</article>')
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert art.published_raw == "on Monday, November 18th, 2019 at 11:08 a.m."


def _normalised(body: str, head: str, url: str = "https://a.org/x"):
    from pipelines.normalize import normalize_article
    art = extract_article(page(body, head), url, NOW)
    return normalize_article(art)


def test_utc_publication_time_is_shown_in_the_offset_of_the_dateline():
    head = ARTICLE + '<meta property="article:published_time" content="2019-11-20T02:59:46Z">'
    body = f'<article><h1>Council decides</h1><p class="byline-date">November 19, 2019 at 8:59 pm</p>{STORY}</article>'
    art = _normalised(body, head)
    assert art.local_times_raw == ["November 19, 2019 at 8:59 pm"]
    assert art.published_at.isoformat() == "2019-11-19T20:59:46-06:00"  # the evening of the 19th, the same instant


def test_utc_publication_time_takes_the_offset_of_a_local_copy_in_the_metadata():
    head = (ARTICLE + '<meta property="article:published_time" content="2019-11-19T03:05:46Z">'
            '<meta property="article:modified_time" content="2019-11-19T03:15:39Z">'
            '<meta property="og:updated_time" content="2019-11-18T22:15:39-05:00">')
    art = _normalised(f"<article><h1>Council decides</h1>{STORY}</article>", head)
    assert art.published_at.isoformat() == "2019-11-18T22:05:46-05:00"
    assert art.modified_at.isoformat() == "2019-11-18T22:15:39-05:00"


def test_utc_publication_time_stays_utc_without_a_local_time_naming_it():
    head = ARTICLE + '<meta property="article:published_time" content="2019-11-20T02:59:46Z">'
    body = f'<article><h1>Council decides</h1><p class="byline-date">Updated November 19, 2019 at 10:16 pm</p>{STORY}</article>'
    art = _normalised(body, head)
    assert art.published_at.isoformat() == "2019-11-20T02:59:46+00:00"


def test_local_times_are_only_read_for_a_utc_publication_time():
    head = ARTICLE + '<meta property="article:published_time" content="2019-11-19T21:59:46-05:00">'
    body = f'<article><h1>Council decides</h1><p class="byline-date">November 19, 2019 at 8:59 pm</p>{STORY}</article>'
    art = _normalised(body, head)
    assert art.local_times_raw == []
    assert art.published_at.isoformat() == "2019-11-19T21:59:46-05:00"


BY_DAY = ('<article><div class="top"><h1>Council decides</h1></div><div class="writer"><div class="pic"><img src="/a.png">'
          '</div><div class="name"><span>JANE DOE, THE PAPER</span></div><div class="name"><span>18 NOV 2019</span></div></div>')


def test_a_day_beside_the_writer_under_the_headline_is_the_last_resort():
    art = extract_article(page(BY_DAY + STORY + "</article>", ARTICLE), "https://a.org/x", NOW)
    assert art.published_raw == "18 NOV 2019"


def test_the_url_day_comes_before_another_day_under_the_headline():
    art = extract_article(page(BY_DAY + STORY + "</article>", ARTICLE), "https://a.org/2019/11/10/council/", NOW)
    assert (art.published_raw, art.published_source) == ("2019-11-10", "url")


def test_a_day_under_the_headline_within_a_day_of_the_url_day_is_taken():
    art = extract_article(page(BY_DAY + STORY + "</article>", ARTICLE), "https://a.org/2019/11/17/council/", NOW)
    assert (art.published_raw, art.published_source) == ("18 NOV 2019", "dateline")


def test_a_year_far_below_the_headline_is_no_dateline():
    lines = "".join(f"<div><span>Line {i} of the box, with words enough to fill a line of text.</span></div>"
                    for i in range(8))
    body = f'<article><div class="top"><h1>Council decides</h1></div><div>{lines}<span>18 NOV 2019</span></div>{STORY}</article>'
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert art.published_source in (None, "htmldate")
