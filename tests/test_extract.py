"""extract_article and its parts on small inline pages."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawler.extract import extract_article, parse_html
from crawler.extract.images import parse_srcset, split_credit
from crawler.extract.tables import is_layout_table, parse_table

NOW = datetime(2025, 3, 12, 15, 30, tzinfo=timezone.utc)
PARAS = "".join(f"<p>Paragraph {i} of the story, long enough to be text, with a comma, and more words.</p>" for i in range(8))


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def table(html: str):
    return parse_table(parse_html(page(html)).find(".//table"))


def test_not_an_article_returns_none():
    assert extract_article(page("<nav><a href='/a'>A</a></nav><p>Short.</p>"), "https://a.org/", NOW) is None


def test_empty_page_returns_none():
    assert extract_article("", "https://a.org/", NOW) is None


def test_title_from_h1_that_metadata_agrees_with():
    html = page(f"<h1>The headline</h1>{PARAS}", '<title>The headline | The Paper</title><meta property="og:type" content="article">')
    assert extract_article(html, "https://a.org/x", NOW).title == "The headline"


def test_title_without_site_suffix():
    html = page(PARAS, '<meta property="og:title" content="The headline of the day - The Paper">'
                       '<meta property="og:site_name" content="The Paper">')
    assert extract_article(html, "https://a.org/x", NOW).title == "The headline of the day"


def test_boilerplate_stays_out_of_the_body():
    html = page(f'<article><h1>T</h1>{PARAS}<div class="share-buttons"><p>Share this on Facebook, Twitter, and more places now.</p></div>'
                f'<div class="related-posts"><p>Another story about something else, and a comma, that you may like.</p></div></article>',
                '<meta property="og:type" content="article">')
    body = extract_article(html, "https://a.org/x", NOW).body
    assert "Paragraph 7" in body and "Share this" not in body and "Another story" not in body


def test_json_ld_first():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD headline",'
          ' "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Wire"}],'
          ' "datePublished": "2025-03-03T17:04:00+01:00", "keywords": "a, b", "isAccessibleForFree": "False"}</script>')
    art = extract_article(page(PARAS, ld), "https://a.org/x", NOW)
    assert (art.title, art.authors, art.organizations) == ("LD headline", ["Jane Doe"], ["Wire"])
    assert art.published_raw == "2025-03-03T17:04:00+01:00"
    assert art.tags == ["a", "b"] and art.is_paywalled is True


def test_broken_and_deep_json_ld_do_not_stop_the_page():
    deep = '{"a":' * 10000 + "1" + "}" * 10000
    head = f'<script type="application/ld+json">{{ broken</script><script type="application/ld+json">{deep}</script>'
    art = extract_article(page(f"<h1>T</h1>{PARAS}", head + '<meta property="og:type" content="article">'), "https://a.org/x", NOW)
    assert art is not None and "Paragraph 3" in art.body


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


@pytest.mark.parametrize(
    "srcset, expected",
    [
        ("a.jpg 300w, b.jpg 1200w, c.jpg 740w", "b.jpg"),
        ("https://x/i_w_300,h_200.jpg 300w, https://x/i_w_900,h_600.jpg 900w", "https://x/i_w_900,h_600.jpg"),
        ("a.jpg 1x, b.jpg 2x", "b.jpg"),
    ],
)
def test_largest_srcset_candidate(srcset, expected):
    assert max(parse_srcset(srcset), key=lambda c: c[1])[0] == expected


@pytest.mark.parametrize(
    "caption, expected",
    [
        ("Image Source: Alexander Kazakov", (None, "Alexander Kazakov")),
        ("The old oven. Photo: Lena Brandt", ("The old oven.", "Lena Brandt")),
        ("Der Ring. Foto: Jan Becker", ("Der Ring.", "Jan Becker")),
        ("A harbour view © Harbour Trust", ("A harbour view", "Harbour Trust")),
        ("Just a caption", ("Just a caption", None)),
    ],
)
def test_split_credit(caption, expected):
    assert split_credit(caption) == expected


ARTICLE = '<meta property="og:type" content="article">'


def headings(body: str, head: str = ARTICLE) -> list[str]:
    art = extract_article(page(body, head), "https://a.org/x", NOW)
    return [s.heading for s in art.sections if s.heading]


@pytest.mark.parametrize("markup", [
    "<p><strong>Water woes</strong></p>",
    '<p><span style="color: #808080;"><strong>Water woes</strong></span></p>',
    "<p><strong>W</strong><strong>ater</strong><strong> woes</strong></p>",
    '<p class="wp-block-onlineinterline">Water woes</p>',
])
def test_subheading_markup_editors_write(markup):
    assert headings(f"<article>{PARAS}{markup}{PARAS}</article>") == ["Water woes"]


@pytest.mark.parametrize("markup", [
    "<p><strong>Water</strong> woes</p>",             # not all bold: a paragraph starting in bold
    "<p><strong>Water woes.</strong></p>",            # a sentence
    '<p><strong><a href="/w">Water woes</a></strong></p>',  # a link
    '<p class="intro">Water woes</p>',
])
def test_paragraphs_that_are_not_subheadings(markup):
    assert headings(f"<article>{PARAS}{markup}{PARAS}</article>") == []


def test_box_labels_and_tip_lines_are_not_sections():
    body = (f"<article><h2>Key points</h2><ul><li>One point of the story</li></ul>{PARAS}"
            f"<h2>Got a story? Email tips@paper.example</h2>{PARAS}<h2>The real section</h2>{PARAS}</article>")
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert [s.heading for s in art.sections if s.heading] == ["The real section"]
    assert "One point of the story" in art.body and "Paragraph 7" in art.body


def test_heading_that_ends_the_headline_is_kept_between_sections():
    head = ARTICLE + '<meta property="og:title" content="Who is Jane Doe and how many children does she have">'
    body = f"<article><h1>Who is Jane Doe?</h1>{PARAS}<h2>How many children does she have</h2>{PARAS}</article>"
    assert headings(body, head) == ["How many children does she have"]


def test_heading_over_bold_subheadings_is_kept():
    body = (f"<article>{PARAS}<h3>Friday's storms</h3><p><b>Zone 1 — the north</b></p>{PARAS}"
            f"<p><b>Zone 2 — the south</b></p>{PARAS}</article>")
    assert headings(body) == ["Friday's storms", "Zone 1 — the north", "Zone 2 — the south"]


def test_teaser_headline_deep_inside_a_link_is_not_a_section():
    teaser = '<a href="/other"><div><div><div><h3>Another story entirely</h3></div></div></div></a>'
    assert headings(f"<article>{PARAS}{teaser}{PARAS}</article>") == []


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


def test_bold_capitals_line_of_many_words_is_a_subheading_not_a_byline():
    assert headings(f"<article><p><strong>LOOK WHAT YOU MADE ME DO</strong></p>{PARAS}</article>") == [
        "LOOK WHAT YOU MADE ME DO"]


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


def test_video_title_is_not_a_section():
    video = '<div class="vjs-wrapper"><h2 class="headline">How vaccines work</h2><video src="/v.mp4"></video></div>'
    assert headings(f"<article>{PARAS}{video}{PARAS}<h2>Next part</h2>{PARAS}</article>") == ["Next part"]


def test_standfirst_set_as_a_heading_above_the_text_is_text_not_a_section():
    dek = "Index slips as ten-year yields reach a three-month high – chipmakers in demand"
    for markup in (f"<header><h2>{dek}</h2></header>{PARAS}", f"<h2>{dek} while the yen weakens further</h2>{PARAS}"):
        art = extract_article(page(f"<article>{markup}<h2>Yen weakens</h2>{PARAS}</article>", ARTICLE),
                              "https://a.org/x", NOW)
        assert [s.heading for s in art.sections if s.heading] == ["Yen weakens"]
        assert dek in art.body


def test_box_labelled_for_screen_readers_as_newsletter_is_template():
    box = ('<section aria-label="Newsletter Anmeldung"><h3>Capital Inside, by our editor</h3>'
           '<p>Behind the scenes of politics, every week in your inbox.</p></section>')
    art = extract_article(page(f"<article>{PARAS}{box}{PARAS}</article>", ARTICLE), "https://a.org/x", NOW)
    assert [s.heading for s in art.sections if s.heading] == [] and "Behind the scenes" not in art.body


def test_follow_us_on_whatsapp_is_not_a_section():
    assert headings(f"<article>{PARAS}<h3>Do you follow The Paper on WhatsApp yet?</h3>{PARAS}</article>") == []


def test_dated_line_under_a_headline_that_is_not_an_h1():
    body = ('<article><h3><span class="roofline">Premiere</span> <span>Old hotel opens as a theatre</span></h3>'
            '<div class="technicalline"><div class="lineinfo">Do 25.04.24 | 14:07 Uhr | Von '
            f'<span class="authorname">Eva Doe</span></div></div>{PARAS}'
            '<figure><img src="/a.jpg"><figcaption>Protest on 20.04.2024, 10:00</figcaption></figure></article>')
    head = ARTICLE + '<meta property="og:title" content="Old hotel opens as a theatre">'
    assert extract_article(page(body, head), "https://a.org/x", NOW).published_raw == "Do 25.04.24 | 14:07 Uhr"


def test_dated_caption_far_from_the_headline_is_not_the_date():
    body = (f'<article><h1>Old hotel opens as a theatre</h1>{PARAS}'
            '<div><div><div><p>Protest on 20.04.2024, 10:00</p></div></div></div></article>')
    assert extract_article(page(body, ARTICLE), "https://a.org/x", NOW).published_raw is None


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


def test_standfirst_keeps_its_dateline():
    head = ARTICLE + '<meta property="og:description" content="Two power pylons are burning. Tens of thousands are without power.">'
    body = ('<header><h1>Blackout</h1><div class="copy"><span class="dateline">Berlin.</span> '
            f'<span>Two power pylons are burning. Tens of thousands are without power.</span></div></header><article>{PARAS}</article>')
    assert extract_article(page(body, head), "https://a.org/x", NOW).lead == (
        "Berlin. Two power pylons are burning. Tens of thousands are without power.")


STORY = "".join(f"<p>Sentence {i} of the report tells what the council decided, and why it matters here.</p>"
                for i in range(8))


def test_hidden_copy_of_the_visible_text_is_left_out():
    copy = STORY.replace("<p>", "").replace("</p>", "")
    body = f'<article><h1>Council decides</h1>{STORY}</article><div class="o-paywall" style="display:none">{copy}</div>'
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert art.body.count("Sentence 3 of the report") == 1


def test_hidden_article_that_a_script_reveals_is_kept():
    body = f'<h1>Council decides</h1><div style="display: none">{STORY}</div>'
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert "Sentence 3 of the report" in art.body


@pytest.mark.parametrize("box", [
    '<div class="info-box"><p>An dieser Stelle findest du einen externen Inhalt von YouTube.<br>'
    'Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.</p>'
    '<label>YouTube-Inhalte erlauben</label></div>',
    '<div class="alert"><strong>Ad block users:</strong> Some site features may not work correctly '
    'while an ad blocker is enabled.</div>',
    '<div class="wp-block-affiliate-widget"><a href="https://shop.example/w5"><div class="name">Galaxy Watch5</div>'
    '<ul class="pro"><li>Hochwertige Verarbeitung</li></ul></a></div>',
    '<blockquote class="wp-embedded-content"><p><a href="https://a.org/other">Second day of protests in the '
    'capital after the minister is dismissed</a></p></blockquote>',
])
def test_consent_gates_ad_notices_and_cards_are_not_text(box):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{box}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text
    for gone in ("Klick", "YouTube", "ad blocker", "Watch5", "Verarbeitung", "protests"):
        assert gone not in text


def test_one_paragraph_is_never_the_whole_article():
    links = "、".join(f'<a href="/topics/{i}">町{i}</a>' for i in range(12))
    body = ("<div><p>気象庁は13日、午後9時19分ごろ、日向灘で震度5弱の地震があったと発表した。震源の深さは約30キロ、"
            "地震の規模は6.9と推定される。この地震で、気象庁は高知県と宮崎県に1メートルの津波注意報を出した。</p>"
            f"<p>各地の震度は次のとおり。</p><p>＜震度4＞</p><p>宮崎県：延岡市、西都市、{links}、川南町、門川町、美郷町</p></div>")
    art = extract_article(page(body, ARTICLE + '<html lang="ja">'), "https://a.org/x", NOW)
    assert "各地の震度は次のとおり。" in art.body


def test_box_named_like_a_description_that_holds_the_text_is_the_text():
    prose = "".join(f"<p>Paragraph {i} says what the expert claimed about the couple, at length, with quotes and "
                    "with the context a reader needs to follow the story from here on.</p>" for i in range(4))
    entries = "".join(f'<div class="entry"><h3>Update {i}</h3><p>Entry {i} of the live blog, long enough to be text, '
                      'with a comma, and more words to read.</p></div>' for i in range(12))
    body = f'<article><h1>Live</h1><div class="text-description">{prose}</div><div class="live">{entries}</div></article>'
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert "Paragraph 2 says what the expert claimed" in art.body
    assert "Entry 11 of the live blog" in art.body


@pytest.mark.parametrize("box", [
    '<div class="author-container"><span>Kommentar von</span><div>Jane Doe</div>'
    '<div class="author-description typo-short-text">Seit 2019 bei der Zeitung, schreibt über Gesundheit.</div></div>',
    '<div class="media"><img src="/f.jpg"><div class="mediaInfo"><p class="infotext">Firefighters protest in the square '
    'on Monday, many of them in uniform</p></div></div>',
    '<div class="expandable-box"><div class="expandable-box__header">Jane Doe, political scientist</div>'
    '<div class="expandable-box__content"><p>Jane Doe teaches international politics at the university in town.</p></div></div>',
    '<div class="js-tooltip"><p>Reactions to stories are for members only; registration is required here.</p></div>',
])
def test_author_boxes_media_captions_and_collapsed_boxes_are_not_text(box):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{box}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text
    for gone in ("Kommentar", "2019", "Firefighters", "political scientist", "university", "members only"):
        assert gone not in text


def test_a_media_text_block_is_content():
    body = (f'<article><h1>Council decides</h1>{STORY}<div class="wp-block-media-text"><img src="/f.jpg">'
            '<div class="wp-block-media-text__content"><p>The new hall seats four hundred people and opens in May.</p>'
            '</div></div></article>')
    assert "seats four hundred" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


@pytest.mark.parametrize("line", [
    "<div>Table of Contents</div>",
    "<h3>Latest National Stories</h3>",
    "<h3>Recommended from Editorial</h3>",
    '<p>We apologize, but this video has failed to load.</p>',
    '<p>Try refreshing your browser, or tap here to see other videos from our team.</p>',
    '<p>Do 25.04.24 | 14:07 Uhr | Von Jane Doe</p>',
    '<p>Published 13 May 2026 | 3 min read | By: Jane Doe</p>',
    '<div class="RenderKeyPoints-header">Key Points</div>',
    '<p>People in protective suits walk to the ship on 11 May 2026 (AFP / JANE DOE)</p>',
    '<div class="email-slidein"><p>Get email updates with the day\'s biggest stories</p><span>Invalid Email</span></div>',
    '<div class="toast-header-wrapper"><span>Story Saved</span></div>',
    "<p>Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.</p>",
    "<p>Fehler auf example.org entdeckt?</p>",
    "<p>Spotted an error? Tell us.</p>",
])
def test_template_lines_inside_the_article_are_not_text(line):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{line}{STORY[400:]}</article>"
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert "Sentence 7 of the report" in art.body
    for gone in ("Contents", "National", "Editorial", "video", "browser", "Jane Doe", "JANE DOE", "Key Points", "Invalid",
                 "Saved", "Spende", "Fehler", "error"):
        assert gone not in art.body


@pytest.mark.parametrize("line, kept", [
    ("<p>Do the sums: 5.99 a month | 24 months | 143.76 in all, which is less than the shop asks.</p>", "Do the sums"),
    ("<p>So 12 | Mo 3 | by far the busiest week of the year for the council's planners.</p>", "busiest week"),
])
def test_prose_with_bars_or_weekday_words_stays(line, kept):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{line}{STORY[400:]}</article>"
    assert kept in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


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


def test_contact_line_pattern_is_linear_on_run_together_addresses():
    from crawler.extract import selectors as sel
    assert sel.CONTACT_LINE.match("desk@example.org, @jane | https://x.org/a") is not None
    assert sel.CONTACT_LINE.match("desk@example.org" * 40 + "!") is None  # took minutes before


# --------------------------------------------------------------------------- summary: the standfirst by position

NEWS = "".join(f"<p>Part {i} of the report on the harbour, long enough to be text, with a comma, and more words.</p>"
               for i in range(6))
SHOWN = "Ships may dock at the old harbour again from Monday, the port authority said after weeks of repairs."


def lead_of(body: str, description: str | None = None) -> str | None:
    head = ARTICLE + "<title>Harbour reopens after the storm</title>"
    if description:
        head += f'<meta property="og:description" content="{description}">'
    return extract_article(page(body, head), "https://a.org/x", NOW).lead


def story(*above: str) -> str:
    return f'<article><h1>Harbour reopens after the storm</h1>{"".join(above)}<div class="text">{NEWS}</div></article>'


def test_standfirst_named_as_one_under_the_headline_beats_a_description_not_shown():
    dek = "The city council had promised the quay would be safe to use again before the summer tourists arrive"
    other = "Read everything about the harbour and the storm damage in our city news."
    assert lead_of(story(f'<div class="story-excerpt">{dek}</div>'), other) == dek
    # An unnamed block that says something else than the description is not taken for it.
    assert lead_of(story(f'<div class="x1">{dek}.</div>'), other) == other


def test_standfirst_the_description_rewords_beats_the_description():
    assert lead_of(story(f'<p class="x1">{SHOWN}</p>'), "Ships can dock at the old harbour again from Monday, "
                   "the port authority says.") == SHOWN
    # The text's first paragraph is not the summary when the description says something else.
    description = "Everything about the storm damage along the coast, in our city news."
    assert lead_of(story(), description) == description


def test_standfirst_above_the_paragraph_the_description_repeats():
    dek = "Port authority says the repairs came in under budget and ahead of plan"
    description = "Part 0 of the report on the harbour, long enough to be text, with a comma, and more words."
    assert lead_of(story(f'<h2 class="sub">{dek}</h2>'), description) == dek
    # A paragraph above another paragraph the description repeats is not a standfirst.
    assert lead_of(story(), "Part 3 of the report on the harbour, long enough to be text, with a comma, and more "
                   "words.") == "Part 3 of the report on the harbour, long enough to be text, with a comma, and more words."


@pytest.mark.parametrize("line", [
    '<p class="stamp">Created: 12.03.2025, 15:16</p>',
    '<div class="who">Jane Roe | Published 4 hours ago on the city desk</div>',
    '<div class="pic"><img src="/quay.jpg"><div>The quay at dawn on Tuesday, seen from the old lighthouse.</div></div>',
    '<h2>Storm damage: Harbour reopens after the long repairs to the quay</h2>',
    '<div class="card"><a href="/other">Ferries return to the island</a><p>Ferry timetables change again this spring, with fewer '
    'crossings to the island.</p></div>',
])
def test_dates_bylines_captions_cards_and_headline_variants_are_not_the_standfirst(line):
    assert lead_of(story(line, f'<p class="excerpt">{SHOWN}</p>'), "Our harbour news.") == SHOWN


def test_visible_standfirst_is_kept_as_shown_when_the_description_adds_to_it():
    dek = "Ships may dock at the old harbour again from Monday, the port authority said"
    description = dek + ". Here is what changes for ferry passengers and anglers!"
    assert lead_of(story(f'<p class="sub">{dek}</p>'), description) == dek


def test_description_cut_mid_sentence_gives_the_whole_first_paragraph():
    first = ("Ships may dock at the old harbour again from Monday, the port authority said on Tuesday. "
             "The repairs took eleven weeks and cost less than planned.")
    body = f'<article><h1>Harbour reopens after the storm</h1><div class="text"><p>{first}</p>{NEWS}</div></article>'
    assert lead_of(body, first[:110].rstrip()) == first
    # A description that is the first sentence, whole, stays the summary.
    assert lead_of(body, first[:88]) == first[:88]


def test_standfirst_in_several_short_lines_that_the_description_goes_on_with():
    lines = ["Ships may dock at the old harbour again from Monday.", "The repairs took eleven weeks.",
             "- We are relieved, says the harbour master.", "Part of the report"]
    body = story(*(f'<p class="k">{x}</p>' for x in lines[:3]))
    assert lead_of(body, " ".join(lines[:3])[:-12] + "…") == " ".join(lines[:3])


def test_headline_set_as_h2_or_reworded_still_anchors_the_standfirst():
    dek = "The city council had promised the quay would be safe to use again before the summer tourists arrive"
    other = "Read everything about the harbour and the storm damage in our city news."
    for heading in ("<h2>Harbour reopens after the storm</h2>", "<h1>Harbour opens again after storm damage</h1>"):
        body = f'<article>{heading}<div class="story-excerpt">{dek}</div><div class="text">{NEWS}</div></article>'
        assert lead_of(body, other) == dek
    # An <h2> saying the headline (a box elsewhere) does not outrank the <h1> that says it.
    box = ('<div class="box"><h2>Harbour reopens after the storm</h2><p class="story-excerpt">Ferry timetables '
           'change again this spring, with fewer crossings to the island.</p></div>')
    body = f'{box}<article><h1>Harbour reopens after the storm</h1><div class="story-excerpt">{dek}</div>{NEWS}</article>'
    assert lead_of(body, other) == dek


def test_short_first_line_of_a_standfirst_the_description_starts_with():
    lines = ["Ships dock at the harbour again.", "The repairs took eleven weeks, the port authority said."]
    body = story(*(f'<p class="k">{x}</p>' for x in lines))
    assert lead_of(body, " ".join(lines)[:-8] + "…") == " ".join(lines)
    # A short line the description does not start with is a label.
    assert lead_of(story('<p class="k">Ships dock again.</p>', f'<p class="lead-in">{SHOWN}</p>'), "Our news.") == SHOWN


def test_standfirst_with_a_link_and_a_photo_caption_named_as_one():
    shown = ('Ships may dock at the <a href="/harbour">old harbour</a> again from Monday, the port authority '
             'said after weeks of repairs.')
    caption = '<div class="story-image-text"><span>The quay at dawn on Tuesday, seen from the old lighthouse.</span></div>'
    assert lead_of(story(caption, f'<p class="excerpt">{shown}</p>'), "Our harbour news.") == SHOWN


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


# --------------------------------------------------------------------------- the publisher's offset for a UTC time


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
@pytest.mark.parametrize("box, gone", [
    # A template word written in two parts, with a dash, an underscore or camelCase.
    ('<div class="most-read__promos"><div class="most-read__title">Mayor resigns after a long and bitter '
     'row over the harbour budget, sources say</div></div>', "Mayor resigns"),
    ('<div class="sideBar"><p>Weather for the week ahead, with sunshine and showers, and a windy Sunday.</p></div>',
     "Weather"),
    ('<ul class="read_more"><li>A much longer story about the harbour, its history, and its many quarrels.</li></ul>',
     "quarrels"),
])
def test_template_word_written_in_two_parts_marks_a_template_part(box, gone):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{box}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and gone not in text


def test_words_that_only_meet_across_a_name_part_mark_nothing():
    # "post-read" is no "postread"; "add-vert" no "advert": only a template word split in two counts.
    body = (f'<article><h1>Council decides</h1><div class="post-read"><div class="add-vert">{STORY}</div></div>'
            '</article>')
    assert "Sentence 7 of the report" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
def test_a_small_form_is_not_text_but_a_page_wrapped_in_a_form_is():
    signup = ('<form action="/subscribe"><p>Get our award-winning daily news email featuring exclusive stories '
              'and expert analysis</p><input type="email"></form>')
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{signup}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and "award-winning" not in text
    wrapped = f'<form action="/page.aspx"><article><h1>Council decides</h1>{STORY}</article></form>'
    assert "Sentence 7 of the report" in extract_article(page(wrapped, ARTICLE), "https://a.org/x", NOW).body
def test_a_poll_is_not_text():
    answers = "".join(f'<label><input type="radio" name="vote-17"><span>Answer {i}: yes, with conditions.</span>'
                      "</label>" for i in range(4))
    poll = (f'<div class="element"><div><p>Should the council build the new harbour before the next election?</p>'
            f"</div><div>{answers}</div></div>")
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{poll}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and "Sentence 0 of the report" in text
    assert "Answer" not in text and "before the next election" not in text


def test_a_single_checkbox_and_a_long_form_keep_their_text():
    # One box to tick is no poll; text around answers that runs long is the article, not a poll.
    agree = '<p><input type="checkbox" name="ok">Sentence 9 of the report: the council agreed, at last, to vote.</p>'
    quiz = "".join(f'<p><input type="radio" name="q">Option {i} of the report is a full paragraph of text, '
                   "long enough to be read as the article itself, with commas, and more words.</p>" for i in range(8))
    for extra, kept in ((agree, "Sentence 9 of the report"), (quiz, "Option 7 of the report")):
        body = f"<article><h1>Council decides</h1>{STORY}{extra}</article>"
        assert kept in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


@pytest.mark.parametrize("cards", [
    # Items holding an <article> of their own (a picture, a date, a headline, a teaser line).
    "<ul>" + "".join(f'<li><article><figure><a href="/s{i}"><img src="/p{i}.jpg"></a></figure><div>19.03.2024</div>'
                     f'<h3><a href="/s{i}">Story {i} headline</a></h3><div>Teaser {i}: what the other story says, '
                     "at some length, with a comma.</div></article></li>" for i in range(3)) + "</ul>",
    # Items whose headline sits in a link, with an unlinked line under it.
    "<ol>" + "".join(f'<li><a href="/s{i}"><h3>Story {i} headline</h3></a><p>Teaser {i}: picks from the shop to the '
                     "market, what the other story says.</p><span>17 hours ago</span></li>" for i in range(3)) + "</ol>",
])
def test_a_list_of_teaser_cards_is_not_text(cards):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{cards}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and "Teaser" not in text and "headline" not in text


def test_a_list_with_links_in_its_items_is_text():
    items = "".join(f'<li>Point {i} of the plan: the <a href="/harbour">harbour</a> is rebuilt, as the council '
                    "agreed.</li>" for i in range(4))
    body = f"<article><h1>Council decides</h1>{STORY[:400]}<ul>{items}</ul>{STORY[400:]}</article>"
    assert "Point 3 of the plan" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


@pytest.mark.parametrize("box", [
    '<div class="c1"><div><picture><img src="/p.jpg"></picture></div><div class="c2">Firefighters protest in the '
    'square on Monday.</div><div>Quelle: AFP</div></div>',
    '<div class="photo"><img src="/p.jpg" width="800" height="450"><span class="cap">Firefighters protest in the '
    'square on Monday (Image: GETTY)</span></div>',
    '<div class="widget"><img src="/p.jpg"><p><span>Pictured from left, firefighters protest in the square on '
    'Monday, with the mayor.</span></p></div>',
])
def test_a_small_box_with_a_picture_is_a_figure_and_its_text_a_caption(box):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{box}{STORY[400:]}</article>"
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert "Sentence 7 of the report" in art.body and "Firefighters" not in art.body
    assert any(im.url == "https://a.org/p.jpg" for im in art.images)


@pytest.mark.parametrize("box, kept", [
    # A paragraph with a picture floated in it is text.
    ('<p><img src="/p.jpg">The harbour reopens in May, the mayor said, after two years of work.</p>', "harbour reopens"),
    # A box with a picture and several paragraphs of text is not a figure.
    ('<div class="row"><img src="/p.jpg"><div>' + STORY[:400] + "</div></div>", "Sentence 3 of the report"),
    # A tiny icon beside a line does not make it a caption.
    ('<div class="note"><img src="/i.png" width="16" height="16"><span>The harbour reopens in May, the mayor '
     "said.</span></div>", "harbour reopens"),
])
def test_text_beside_a_picture_that_is_no_caption_stays(box, kept):
    body = f"<article><h1>Council decides</h1>{STORY[400:]}{box}{STORY[:400]}</article>"
    assert kept in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_a_paragraph_holding_a_picture_and_an_italic_line_is_a_figure():
    figure = '<p><img src="/p.jpg" width="1169" height="568"><br><em>The mayor enters the courtroom</em></p>'
    floated = '<p><img src="/q.jpg" width="300" height="200"><em>Shortly</em> after, the mayor left the room.</p>'
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{figure}{floated}{STORY[400:]}</article>"
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert "courtroom" not in art.body and "https://a.org/p.jpg" in [im.url for im in art.images]
    assert "Shortly after, the mayor left the room." in art.body


def test_a_card_whose_headline_is_a_link_is_not_text():
    card = ('<article class="x1"><div><h3><div>Harbour row</div><span>:</span><a href="/live">Latest news on the '
            'harbour</a></h3><div>Since the council vote the row over the harbour has grown. Latest developments in '
            'the live blog, with all the reactions.</div></div><div><img src="/c.jpg"><div>Live blog</div></div></article>')
    body = f"<article><h1>Council decides</h1>{STORY[:400]}<div>{card}</div>{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and "row over the harbour" not in text and "Latest news" not in text


def test_a_post_whose_headline_links_to_itself_is_text():
    # Blog themes link a post's title to its own address: a whole post is no teaser card.
    post = f'<article><h2><a href="/x">Council decides</a></h2>{STORY}</article>'
    body = f"<main>{post}<div><p>Comments are closed.</p></div></main>"
    assert "Sentence 7 of the report" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


@pytest.mark.parametrize("line, gone", [
    ("<p>Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.</p>", "Newsbeat"),
    ("<p>Folgen Sie uns auf Instagram</p>", "Folgen"),
    ("<p>Subscribe to the Gadgets YouTube Channel for all of the latest videos, reviews, and more!</p>", "Gadgets"),
    ("<p>Check out more of our travel stories by signing up to our free weekly newsletter</p>", "travel stories"),
    ("<p><em>Der Newsletter informiert Sie werktags im Postfach. Hier geht's zur Anmeldung!</em></p>", "Postfach"),
    ('<div class="vjs-x"><div>Video Player is loading.</div><div>Loaded: 0%</div><div>Duration 0:00</div></div>',
     "Loaded"),
    ("<div>Image 2 of 5</div>", "Image 2"),
    ("<div>More Great Science Stories</div>", "Great Science"),
    ("<div>Back to Top</div>", "Back to"),
])
def test_calls_to_follow_and_player_or_gallery_furniture_are_not_text(line, gone):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{line}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and gone not in text


@pytest.mark.parametrize("line", [
    "<p>Following the attack on Facebook's offices, police arrested two men in the city on Monday.</p>",
    "<p>More people are moving to the harbour district than ever before, the report says.</p>",
    "<p>Photo 3 of 12 in the exhibition shows the harbour in 1920, before the war.</p>",
])
def test_prose_that_starts_like_furniture_stays(line):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{line}{STORY[400:]}</article>"
    kept = line[3:40]
    assert kept in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


BYLINED = ARTICLE + '<meta name="author" content="Jane Doe">'


def test_an_italic_note_about_the_writer_is_not_text():
    note = "<p><em>Jane Doe reports on the harbour for us. Write to her at the newsroom.</em></p>"
    quote = "<p><em>Shortly after, the council met again</em>, Jane Doe writes from the town hall.</p>"
    body = f"<article><h1>Council decides</h1>{STORY}{quote}{note}</article>"
    text = extract_article(page(body, BYLINED), "https://a.org/x", NOW).body
    assert "reports on the harbour" not in text
    assert "Jane Doe writes from the town hall" in text  # not all in italics: text


def test_an_italic_paragraph_that_names_no_writer_is_text():
    body = f"<article><h1>Council decides</h1>{STORY}<p><em>John Roe, the mayor, did not answer.</em></p></article>"
    assert "John Roe, the mayor" in extract_article(page(body, BYLINED), "https://a.org/x", NOW).body


@pytest.mark.parametrize("line", ["<div>17:10Jane Doe</div>", "<div>Jane Doe2 minutes ago</div>",
                                  "<div>Jane Doe | 12.05.2025, 14:07</div>"])
def test_a_writers_name_with_a_time_is_not_text(line):
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{line}{STORY[400:]}</article>"
    text = extract_article(page(body, BYLINED), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and "Jane Doe" not in text


@pytest.mark.parametrize("line, gone", [
    ("<p><em>Mit Informationen der Korrespondenten sowie der Nachrichtenagenturen AFP, AP, dpa und Reuters.</em></p>",
     "Nachrichtenagenturen"),
    ("<p><em>With reports from the Daily Courier and the Evening Post</em></p>", "Courier"),
    ("<div>End of Article</div>", "End of"),
    ("<p>This is a breaking news story and will be updated.</p>", "breaking"),
])
def test_source_credits_and_story_notes_are_not_text(line, gone):
    body = f"<article><h1>Council decides</h1>{STORY}{line}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and gone not in text


def test_a_sentence_about_reports_is_text():
    line = "<p>With reports from the harbour piling up, the council met again on Monday night.</p>"
    body = f"<article><h1>Council decides</h1>{STORY}{line}</article>"
    assert "piling up" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


@pytest.mark.parametrize("line, gone", [
    ("<p>Write to Jane Doe at jane.doe@example.org</p>", "jane.doe"),
    ("<p>Wir freuen uns über eine Mail an fehler@example.org!</p>", "freuen"),
    ("<p>Have a news tip, correction or comment? Let us know at community@example.org.</p>", "news tip"),
])
def test_a_call_to_write_in_is_not_text(line, gone):
    body = f"<article><h1>Council decides</h1>{STORY}{line}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and gone not in text


def test_a_sentence_quoting_an_address_is_text():
    line = "<p>The fake messages came from billing@bank-example.org and asked customers to pay a fee.</p>"
    body = f"<article><h1>Council decides</h1>{STORY}{line}</article>"
    assert "billing@bank-example.org" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_a_list_of_one_teaser_card_is_not_text():
    card = ('<ul><li><a href="/s1"><h3>Interview | The old hotel by the harbour</h3></a><p>Once the heart of the town, '
            "the hotel has stood empty for years.</p></li></ul>")
    body = f"<article><h1>Council decides</h1>{STORY}{card}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and "old hotel" not in text and "stood empty" not in text


def test_a_list_of_one_point_is_text():
    body = (f"<article><h1>Council decides</h1>{STORY}<ul><li>Point 1 of the plan: the <a href='/h'>harbour</a> "
            "is rebuilt.</li></ul></article>")
    assert "Point 1 of the plan" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_a_box_named_as_a_short_description_is_not_text_unless_it_holds_the_prose():
    bio = '<div class="sect_profile-descr"><p>Since 2019 at the paper, writing on health and the harbour.</p></div>'
    body = f"<article><h1>Council decides</h1>{STORY}{bio}</article>"
    assert "Since 2019" not in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    prose = "".join(f"<p>Paragraph {i} says what the expert claimed about the harbour, at length, with quotes and "
                    "with the context a reader needs to follow the story from here on.</p>" for i in range(4))
    body = f'<article><h1>Council decides</h1><div class="text-descr">{prose}</div></article>'
    assert "Paragraph 3 says" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_the_line_introducing_a_teaser_goes_with_it():
    card = ('<article><h3>Harbour row: <a href="/live">Latest news on the harbour</a></h3><div>All the reactions '
            "in the live blog.</div></article>")
    items = "<ul><li>the harbour is rebuilt,</li><li>the fees rise.</li></ul>"
    body = (f"<article><h1>Council decides</h1>{STORY}<p>Everything about the row is in our live blog:</p>{card}"
            f"<p>The council agreed on two points:</p>{items}</article>")
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "in our live blog" not in text and "All the reactions" not in text
    assert "The council agreed on two points:" in text and "the fees rise." in text


def test_live_blog_entry_citing_sources_in_its_sentences_is_not_a_teaser_card():
    entry = ('<div class="entry"><div class="entry-info"><time>11:48</time> <a href="/people/jane">Jane Doe</a></div>'
             '<h3>Mayor answers the critics of the bridge plan</h3><p>The mayor told <a href="/news/1">a crowded '
             'meeting in the town hall on Tuesday evening</a> that the bridge would open next spring.</p></div>')
    teaser = ('<div class="story"><h3><a href="/news/2">Ferries return to the island after the storm</a></h3>'
              '<p>Timetables change again this spring.</p></div>')
    body = f"<article><h1>Live: the bridge</h1>{STORY[:400]}{entry}{STORY[400:]}{teaser}</article>"
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert "Mayor answers the critics of the bridge plan" in [s.heading for s in art.sections]
    assert "a crowded meeting in the town hall" in art.body
    assert "Ferries return" not in art.body and "Timetables change" not in art.body


def test_sentence_made_mostly_of_links_is_text_between_paragraphs():
    linked = ('<p>The mayor <a href="/news/1">promised a new bridge over the river in 2019</a>, prompting the '
              'council to <a href="/news/2">approve a loan of ten million for the works</a>.</p>')
    read_more = '<p>Read more: <a href="/news/3">Council approves the loan for the bridge works.</a></p>'
    trailing = '<p>Follow <a href="/topics/bridge">every story about the bridge and the works on the river</a> here.</p>'
    body = f"<article><h1>The bridge</h1>{STORY[:400]}{linked}{read_more}{STORY[400:]}{trailing}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "The mayor promised a new bridge over the river in 2019, prompting the council to approve a loan" in text
    assert "Read more" not in text and "Council approves the loan" not in text
    assert "every story about the bridge" not in text and "Sentence 7 of the report" in text


def test_article_cut_into_blocks_of_one_kind_is_walked_whole():
    first = ("The council met on Tuesday evening and decided, after a long debate, to build the bridge over the river "
             "that villagers had asked for since the old ferry stopped running. ") * 2
    links = "".join(f'<li><a href="/story/{i}">Another story from the valley number {i}</a></li>' for i in range(14))
    body = (f'<div class="main"><div class="block">{first}</div><ul>{links}</ul>'
            '<div class="block">Work starts in spring, the mayor said, and the bridge should open next year.</div>'
            '<div class="block"><a href="/a">Valley news</a> <a href="/b">Council</a> <a href="/c">Bridges</a></div>'
            '<div class="block block--end text-small">Join our forums to keep talking about the valley, and send us your tips!</div></div>')
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "decided, after a long debate" in text and "Work starts in spring, the mayor said" in text
    assert "Another story" not in text and "Valley news" not in text and "Join our forums" not in text


def test_live_ticker_heading_named_as_a_time_keeps_its_headline():
    entries = "".join(f'<h5 class="entry-time">{h}.{m:02d} Uhr: Council votes on bridge number {i}</h5>'
                      f'<p>Entry {i} of the ticker tells what the council decided, and why it matters here.</p>'
                      for i, (h, m) in enumerate([(11, 4), (9, 30), (6, 20)]))
    stamps = '<h5 class="entry-time">14.07 Uhr</h5><p class="entry-time">Stand: 14.07 Uhr</p>'
    body = f"<article><h1>Ticker</h1>{STORY[:400]}{stamps}{entries}{STORY[400:]}</article>"
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert [s.heading for s in art.sections if s.heading] == [
        "11.04 Uhr: Council votes on bridge number 0", "9.30 Uhr: Council votes on bridge number 1",
        "6.20 Uhr: Council votes on bridge number 2"]
    assert "Entry 2 of the ticker" in art.body and "14.07" not in art.body


def test_line_of_terms_linked_like_the_texts_own_is_text():
    def term(name: str) -> str:
        return f'<a class="topic-link" href="/topics/{name}">{name}</a>'
    prose = (f"<p>The storm reached {term('Kent')} on Monday night and moved north to {term('Essex')} by the morning, "
             "the weather service said, closing roads and schools.</p>")
    places = f"<p>{term('Kent')}: {term('Dover')}, {term('Folkestone')}, {term('Ashford')}</p>"
    others = ('<p><a class="story-link" href="/s/1">Floods in the west</a> <a class="story-link" href="/s/2">Winds '
              'of the week</a></p><p><a href="/a">Canterbury</a>, <a href="/b">Margate</a>, <a href="/c">Deal</a></p>'
              f"<p>Also: {term('Rochester')}, {term('Gillingham')}, {term('Chatham')}, {term('Strood')}</p>")
    body = f"<article><h1>Storm</h1>{prose}{STORY[:400]}{places}{others}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Kent: Dover, Folkestone, Ashford" in text
    assert "Floods in the west" not in text and "Margate" not in text and "Rochester" not in text
    assert "Sentence 7 of the report" in text


def test_bold_lines_in_a_row_are_kept_over_the_text_they_head():
    results = ("<h2>Girls basketball</h2><p><strong>Valley d. Hillside 70-44</strong></p>"
               "<p><strong>Hillside 14 11 6 15 — 44</strong></p>"
               "<p><strong>Valley (1-0):</strong> Doe 25 points. Roe 17 points. Poe 10 points. Moe 3 points.</p>")
    widget = '<h2>Around the valley</h2><ul><li><a href="/a">Story one</a></li><li><a href="/b">Story two</a></li></ul>'
    body = f"<article><h1>Scores</h1>{STORY}{results}{widget}<h2>Next week</h2>{STORY}</article>"
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert [s.heading for s in art.sections if s.heading] == [
        "Girls basketball", "Valley d. Hillside 70-44", "Hillside 14 11 6 15 — 44", "Next week"]
    assert "Doe 25 points" in art.body and "Around the valley" not in art.body


def test_sentence_that_ends_in_its_link_is_text_between_paragraphs():
    ends_linked = '<p>The mayor now faces <a href="/news/1">a charge of misusing the funds of the bridge works</a>.</p>'
    labels = ('<p>See the related story | <a href="/news/2">Council approves the loan for the bridge works.</a></p>'
              '<p>Also on our site: <a href="/news/3">How the valley voted on the bridge, and why it matters.</a></p>'
              '<p>You may also like <a href="/news/4">Why did the council vote for the bridge over the river?</a></p>')
    body = f"<article><h1>The bridge</h1>{STORY[:400]}{ends_linked}{labels}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "The mayor now faces a charge of misusing the funds" in text and "Sentence 7 of the report" in text
    assert "Council approves the loan" not in text and "How the valley voted" not in text
    assert "Why did the council vote" not in text


def test_bold_line_of_two_sentences_is_a_paragraph_not_a_subheading():
    body = (f"<article><h1>Weekends</h1>{STORY}<p><strong>What charges does the mayor face</strong></p>{STORY}"
            "<p><strong>What is your favourite weekend walk? How do you keep the children walking?</strong></p></article>")
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert [s.heading for s in art.sections if s.heading] == ["What charges does the mayor face"]
    assert art.body.endswith("What is your favourite weekend walk? How do you keep the children walking?")


def test_blocks_past_the_next_stories_headline_are_not_this_storys():
    first = ("The council met on Tuesday evening and decided, after a long debate, to build the bridge over the river "
             "that villagers had asked for since the old ferry stopped running. ") * 2
    links = "".join(f'<li><a href="/story/{i}">Another story from the valley number {i}</a></li>' for i in range(14))
    body = (f'<div class="main"><h1>The bridge</h1><div class="block">{first}</div><ul>{links}</ul>'
            '<h1>Next: the school</h1><div class="block">The school reopens on Monday after the holidays, '
            'the headteacher said, with two new classrooms.</div></div>')
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "decided, after a long debate" in text and "The school reopens" not in text


# --------------------------------------------------------------------------- a day under the headline, the last resort


BY_DAY = ('<article><div class="top"><h1>Council decides</h1></div><div class="writer"><div class="pic"><img src="/a.png">'
          '</div><div class="name"><span>JANE DOE, THE PAPER</span></div><div class="name"><span>18 NOV 2019</span></div></div>')


def test_a_day_beside_the_writer_under_the_headline_is_the_last_resort():
    art = extract_article(page(BY_DAY + STORY + "</article>", ARTICLE), "https://a.org/x", NOW)
    assert art.published_raw == "18 NOV 2019"


def test_the_url_date_comes_before_a_day_under_the_headline():
    art = extract_article(page(BY_DAY + STORY + "</article>", ARTICLE), "https://a.org/2019/11/17/council/", NOW)
    assert art.published_raw == "2019-11-17"


def test_a_year_far_below_the_headline_is_no_date():
    lines = "".join(f"<div><span>Line {i} of the box</span></div>" for i in range(6))
    body = f'<article><div class="top"><h1>Council decides</h1></div><div>{lines}<span>18 NOV 2019</span></div>{STORY}</article>'
    assert extract_article(page(body, ARTICLE), "https://a.org/x", NOW).published_raw is None


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


def test_heading_marked_as_the_byline_is_not_a_section():
    head = ARTICLE + '<meta name="author" content="Jane Doe">'
    body = f'<article><h1>H</h1><h5 class="story-authorline">jd Springfield</h5>{PARAS}<h2>Next part</h2>{PARAS}</article>'
    assert headings(body, head) == ["Next part"]


def test_a_list_of_linked_headlines_with_cut_excerpts_is_a_teaser_list():
    items = "".join(f'<li><a href="/story-{i}">Headline of story {i} on another subject</a> <span>WASHINGTON: The first '
                    f'lines of story {i}, long enough to read as a sentence of text, then cut off in the middle of...</span></li>'
                    for i in range(4))
    body = f'<div class="ticker"><ul>{items}</ul></div><div><h2>Council decides</h2>{STORY}</div>'
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "first lines of story" not in text and "what the council decided" in text


def test_a_list_of_linked_sentences_that_end_in_full_is_content():
    items = "".join(f'<li><a href="/law-{i}">The law number {i}</a> says the council must hear the harbour board '
                    f'before it raises the fees for berths and moorings.</li>' for i in range(4))
    body = f'<article><h1>Council decides</h1>{STORY}<ul>{items}</ul></article>'
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "must hear the harbour board" in text


def test_nested_inline_elements_keep_reading_order():
    p = ('<p><span>The mayor, <span class="person"><a href="/people/jo"><b>Jo Smith</b></a></span>, said on Monday '
         '<em>that <a href="/plan"><strong>the plan</strong> for the bridge</a> is ready</em> <img src="/x.png"> and '
         'that work starts in spring, when the river is low enough.</span></p>')
    text = extract_article(page(f"<article><h1>Council decides</h1>{p}{STORY}</article>", ARTICLE), "https://a.org/x", NOW).body
    assert text.startswith("The mayor, Jo Smith, said on Monday that the plan for the bridge is ready and that work "
                           "starts in spring, when the river is low enough.")


def test_text_of_reads_line_breaks_and_blocks_as_spaces():
    from crawler.extract.text import text_of
    root = parse_html(page('<h2 id="h">Title<br>Subtitle</h2><table><tr><td id="c"><p>One</p><p>Two</p></td></tr></table>'
                           '<p id="p"><b>G</b>ranny <!-- note --> smith</p>'))
    assert text_of(root.get_element_by_id("h")) == "Title Subtitle"
    assert text_of(root.get_element_by_id("c")) == "One Two"
    assert text_of(root.get_element_by_id("p")) == "Granny smith"


@pytest.mark.parametrize("line", ["Story continues below", "Advertisement 1 Story continues below",
                                  "Article continues after this advertisement", "Advert", "DON'T MISS"])
def test_ad_placeholder_lines_are_not_text(line):
    body = f"<article><h1>Council decides</h1>{STORY}<p>{line}</p>{STORY}</article>"
    assert line not in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_a_sentence_about_a_story_continuing_is_text():
    line = "The story continues below the surface, where divers found the wreck of the old ferry last summer."
    body = f"<article><h1>Council decides</h1>{STORY}<p>{line}</p>{STORY}</article>"
    assert line in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_list_items_read_blocks_and_line_breaks_as_spaces():
    body = (f"<article><h1>Council decides</h1>{STORY}<ul><li><p>First point.</p><p>More on it.</p></li>"
            f"<li>Second<br>line</li></ul></article>")
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    items = next(b.items for s in art.sections for b in s.blocks if b.kind == "list")
    assert [i.text for i in items] == ["First point. More on it.", "Second line"]


def test_a_box_with_a_picture_alone_in_a_paragraph_and_a_line_is_a_figure():
    fig = ('<div class="photo"><p class="no-caption"><picture><source srcset="https://a.org/a.webp"> <img class="lazy" '
           'src="https://a.org/pre.gif" data-src="https://a.org/a.jpg" alt="Protest"></source></picture></p>'
           '<span class="cap">Protesters marched on Monday <span>(Image: GETTY )</span></span></div>')
    art = extract_article(page(f"<article><h1>Council decides</h1>{STORY}{fig}{STORY}</article>", ARTICLE),
                          "https://a.org/x", NOW)
    assert "Protesters marched" not in art.body
    assert any(i.url == "https://a.org/a.jpg" for i in art.images)


def test_a_paragraph_beside_a_picture_in_its_own_paragraph_stays_text():
    box = ('<div class="row"><p><img src="https://a.org/b.jpg" alt="Bridge"></p>'
           '<p>The bridge will be built over the river, the mayor said, and it will open in two years.</p></div>')
    art = extract_article(page(f"<article><h1>Council decides</h1>{STORY}{box}{STORY}</article>", ARTICLE),
                          "https://a.org/x", NOW)
    assert "The bridge will be built over the river" in art.body


@pytest.mark.parametrize("line", [
    "We've detected you are on Internet Explorer. For the best experience, please update to a modern browser.",
    "An error has occurred, please try again later.",
])
def test_browser_and_error_notices_are_not_text(line):
    body = f"<article><h1>Council decides</h1>{STORY}<p>{line}</p>{STORY}</article>"
    assert line not in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


@pytest.mark.parametrize("line", ["An error occurred in the count, officials said.",
                                  "An error occurred in the council's budget last year, and it cost the town dearly."])
def test_a_sentence_about_an_error_is_text(line):
    body = f"<article><h1>Council decides</h1>{STORY}<p>{line}</p>{STORY}</article>"
    assert line in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_a_licence_link_is_no_author():
    foot = ('<div class="bar">Content licensed under a <a rel="license" href="https://creativecommons.org/licenses/by/3.0/">'
            'Creative Commons License</a></div>')
    art = extract_article(page(f"<article><h1>Council decides</h1>{STORY}</article>{foot}", ARTICLE), "https://a.org/x", NOW)
    assert "Creative Commons License" not in art.authors
