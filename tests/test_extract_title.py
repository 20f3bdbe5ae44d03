"""crawler/extract/title.py: the headline vote, the site name and kickers taken off; the description."""

from __future__ import annotations

import pytest

from crawler.extract import Trace, extract_article
from crawler.extract.trace import METADATA

from .extract_pages import ARTICLE, NOW, PARAS, page


def test_title_from_h1_that_metadata_agrees_with():
    html = page(f"<h1>The headline</h1>{PARAS}", '<title>The headline | The Paper</title><meta property="og:type" content="article">')
    assert extract_article(html, "https://a.org/x", NOW).title == "The headline"


def test_title_without_site_suffix():
    html = page(PARAS, '<meta property="og:title" content="The headline of the day - The Paper">'
                       '<meta property="og:site_name" content="The Paper">')
    assert extract_article(html, "https://a.org/x", NOW).title == "The headline of the day"


@pytest.mark.parametrize("description, expected", [
    ("Parliament sets a veterans' day on 15 June • Foto: Jane Doe/REUTERS", "Parliament sets a veterans' day on 15 June"),
    ("The minister announced 11,037 charging stations. | The Paper", "The minister announced 11,037 charging stations."),
    ("The minister announced 11,037 charging stations. -", "The minister announced 11,037 charging stations."),
])
def test_description_without_what_publishers_append(description, expected):
    head = ARTICLE + f'<meta property="og:site_name" content="The Paper"><meta property="og:description" content="{description}">'
    assert extract_article(page(PARAS, head), "https://a.org/x", NOW).lead == expected


@pytest.mark.parametrize("og, h1, expected", [
    ("Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig", "Judy Lybke, ganz und gar nicht eigenartig",
     "Judy Lybke, ganz und gar nicht eigenartig"),
    ("Judy Lybke, ganz und gar nicht eigenartig", "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig",
     "Judy Lybke, ganz und gar nicht eigenartig"),
    ("Russia hits Kyiv with a missile, damages schools - National", "Russia hits Kyiv with a missile, damages schools",
     "Russia hits Kyiv with a missile, damages schools"),
    ("Judy Lybke: not at all peculiar", "Judy Lybke, not at all peculiar", "Judy Lybke: not at all peculiar"),
])
def test_title_is_the_headline_without_kicker_or_section(og, h1, expected):
    html = page(f"<h1>{h1}</h1>{PARAS}", f'<meta property="og:title" content="{og}">' + ARTICLE)
    assert extract_article(html, "https://a.org/x", NOW).title == expected


@pytest.mark.parametrize("og, expected", [
    # The site's name with a short byline after it goes with it.
    ("Council approves the new harbour plan * The Paper * by Jane Doe", "Council approves the new harbour plan"),
    ("Council approves the new harbour plan | The Paper | Politics", "Council approves the new harbour plan"),
    # "Site - Headline - more": the site is the first part; the headline keeps its own dash.
    ("The Paper - Storm hits the coast - thousands without power", "Storm hits the coast - thousands without power"),
    # Section chains on either side; a headline that merely names the site is no site prefix.
    ("The Paper view on the harbour: a city on the brink | Editorial | Opinion | The Paper",
     "The Paper view on the harbour: a city on the brink"),
    ("The Paper | Sport | Tears and cheers at the finish line", "Tears and cheers at the finish line"),
    # A last part after a part that does not name the site stays.
    ("Council approves the new harbour plan - Harbour fees rise - by Jane Doe",
     "Council approves the new harbour plan - Harbour fees rise - by Jane Doe"),
])
def test_title_site_name_before_a_short_tail_or_at_the_start(og, expected):
    head = ARTICLE + f'<meta property="og:title" content="{og}"><meta property="og:site_name" content="The Paper">'
    assert extract_article(page(PARAS, head), "https://a.org/x", NOW).title == expected


@pytest.mark.parametrize("og, h1, expected", [
    ("Attack on the port: «The restraint has a lot to do with the allies»",
     "Escalation in the region - «The restraint has a lot to do with the allies»",
     "«The restraint has a lot to do with the allies»"),
    # A dash inside the headline, with a longer text before it, is no kicker.
    ("Paris 2024: Tears ran for the pole vaulter Jane Doe – then came the shock",
     "Tears ran for a medal hope – then came the shock",
     "Paris 2024: Tears ran for the pole vaulter Jane Doe – then came the shock"),
    # One title ends the other: the headline's own colon is not a second kicker.
    ("Guest of honour at the book fair: What do they read there?",
     "Culture: Guest of honour at the book fair: What do they read there?",
     "Guest of honour at the book fair: What do they read there?"),
])
def test_title_shared_by_two_sources_with_different_kickers(og, h1, expected):
    html = page(f"<h1>{h1}</h1>{PARAS}", f'<meta property="og:title" content="{og}">' + ARTICLE)
    assert extract_article(html, "https://a.org/x", NOW).title == expected


def test_title_sources_that_differ_only_in_quote_marks_or_soft_hyphens_agree():
    head = ARTICLE + ('<meta property="og:title" content="A social line written for sharing the story">'
                      '<meta name="twitter:title" content="The mayor&#8217;s plan for the Verfassungsbeschwerde">'
                      '<script type="application/ld+json">{"@type": "NewsArticle", '
                      '"headline": "The mayor\'s plan for the Verfassungsbeschwerde"}</script>')
    html = page(f"<h1>The mayor’s plan for the Verfas&shy;sungs&shy;be&shy;schwerde</h1>{PARAS}", head)
    assert extract_article(html, "https://a.org/x", NOW).title == "The mayor’s plan for the Verfassungsbeschwerde"


def test_title_sources_with_different_words_do_not_agree():
    head = ARTICLE + ('<meta property="og:title" content="A social line written for sharing the story">'
                      '<script type="application/ld+json">{"@type": "NewsArticle", '
                      '"headline": "The mayor\'s plan for the harbour"}</script>')
    html = page(f"<h1>The mayor’s plans for the harbour</h1>{PARAS}", head)
    assert extract_article(html, "https://a.org/x", NOW).title == "A social line written for sharing the story"


LD_HEADLINE = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "The harbour reopens after repairs"}</script>'


def test_title_og_outweighs_two_other_sources():
    head = ARTICLE + '<meta property="og:title" content="Ships return to the old harbour">' + LD_HEADLINE
    html = page(f"<h1>The harbour reopens after repairs</h1>{PARAS}", head)
    assert extract_article(html, "https://a.org/x", NOW).title == "Ships return to the old harbour"


def test_title_three_sources_against_og_win():
    head = (ARTICLE + '<meta property="og:title" content="Ships return to the old harbour">' + LD_HEADLINE
            + '<meta name="twitter:title" content="The harbour reopens after repairs">')
    html = page(f"<h1>The harbour reopens after repairs</h1>{PARAS}", head)
    assert extract_article(html, "https://a.org/x", NOW).title == "The harbour reopens after repairs"


def test_title_og_that_is_only_the_site_name_does_not_vote():
    head = (ARTICLE + '<meta property="og:title" content="Harbour Gazette">'
            '<meta property="og:site_name" content="Harbour Gazette">')
    html = page(f"<h1>The harbour reopens after repairs</h1>{PARAS}", head)
    assert extract_article(html, "https://a.org/x", NOW).title == "The harbour reopens after repairs"


SEO_HEAD = (ARTICLE + "<title>Harbour repairs 2025: costs, dates | Harbour Gazette</title>"
            '<meta property="og:title" content="Harbour repairs 2025: costs, dates">'
            '<meta property="og:site_name" content="Harbour Gazette">')


def test_title_visible_h1_wins_over_an_og_title_that_repeats_the_title_tag():
    html = page(f"<h1>The harbour reopens after repairs</h1>{PARAS}", SEO_HEAD)
    trace = Trace()
    assert extract_article(html, "https://a.org/x", NOW, trace=trace).title == "The harbour reopens after repairs"
    assert [r.rule for r in trace.kept() if r.stage == METADATA] == ["seo-og-title"]


@pytest.mark.parametrize("h1", ["Harbour Gazette", "News", "THE HARBOUR REOPENS AFTER REPAIRS"])
def test_title_seo_og_title_stands_against_an_h1_that_is_no_headline(h1):
    html = page(f"<h1>{h1}</h1>{PARAS}", SEO_HEAD)
    assert extract_article(html, "https://a.org/x", NOW).title == "Harbour repairs 2025: costs, dates"


def test_title_og_title_with_a_twitter_title_agreeing_keeps_its_weight():
    head = SEO_HEAD + '<meta name="twitter:title" content="Harbour repairs 2025: costs, dates">'
    html = page(f"<h1>The harbour reopens after repairs</h1>{PARAS}", head)
    assert extract_article(html, "https://a.org/x", NOW).title == "Harbour repairs 2025: costs, dates"
