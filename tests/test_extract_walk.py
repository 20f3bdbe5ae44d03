"""The body walk (walk.py, headings.py, cards.py): subheadings, teaser cards, lists, reading order."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article, parse_html

from .extract_pages import ARTICLE, NOW, PARAS, STORY, page


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


def test_bold_capitals_line_of_many_words_is_a_subheading_not_a_byline():
    assert headings(f"<article><p><strong>LOOK WHAT YOU MADE ME DO</strong></p>{PARAS}</article>") == [
        "LOOK WHAT YOU MADE ME DO"]


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


def test_follow_us_on_whatsapp_is_not_a_section():
    assert headings(f"<article>{PARAS}<h3>Do you follow The Paper on WhatsApp yet?</h3>{PARAS}</article>") == []


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


def test_a_card_whose_headline_is_a_link_is_not_text():
    card = ('<article class="x1"><div><h3><div>Harbour row</div><span>:</span><a href="/live">Latest news on the '
            'harbour</a></h3><div>Since the council vote the row over the harbour has grown. Latest developments in '
            'the live blog, with all the reactions.</div></div><div><img src="/c.jpg"><div>Live blog</div></div></article>')
    body = f"<article><h1>Council decides</h1>{STORY[:400]}<div>{card}</div>{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Sentence 7 of the report" in text and "row over the harbour" not in text and "Latest news" not in text


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


def test_bold_line_of_two_sentences_is_a_paragraph_not_a_subheading():
    body = (f"<article><h1>Weekends</h1>{STORY}<p><strong>What charges does the mayor face</strong></p>{STORY}"
            "<p><strong>What is your favourite weekend walk? How do you keep the children walking?</strong></p></article>")
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert [s.heading for s in art.sections if s.heading] == ["What charges does the mayor face"]
    assert art.body.endswith("What is your favourite weekend walk? How do you keep the children walking?")


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


def test_list_items_read_blocks_and_line_breaks_as_spaces():
    body = (f"<article><h1>Council decides</h1>{STORY}<ul><li><p>First point.</p><p>More on it.</p></li>"
            f"<li>Second<br>line</li></ul></article>")
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    items = next(b.items for s in art.sections for b in s.blocks if b.kind == "list")
    assert [i.text for i in items] == ["First point. More on it.", "Second line"]


def test_a_table_set_as_a_figure_with_pictures_in_its_cells_is_text():
    table = ('<figure class="table"><table><tr><th>Model</th><th>Material</th></tr>'
             '<tr><td><img src="/a.jpg">Clara</td><td>Stainless steel</td></tr></table></figure>')
    body = f"<article><h1>Council decides</h1>{STORY[:400]}{table}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Stainless steel" in text


def test_an_entry_under_a_linked_headline_with_a_whole_paragraph_is_text():
    entry = ('<div class="brand"><h3><a href="https://brand.example">Parker Clay</a></h3><p>A bag that saves lives? '
             'You got it. Parker Clay is an American brand looking to create change by employing women at risk, '
             'paying fair wages and using leather from local tanneries, so that every bag supports a family in the '
             'long run, as its founders promised when they started out.</p></div>')
    body = f"<article><h1>Ethical brands</h1>{STORY[:400]}{entry}{STORY[400:]}</article>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "employing women at risk" in text


def test_cards_holding_most_of_the_text_are_the_articles_entries():
    entries = "".join(f'<div class="school"><h3><a href="/s{i}">{i}. School {i}</a></h3><p>School {i} is known for '
                      f'its case method and its alumni.</p></div>' for i in range(1, 9))
    body = f"<article><h1>Top schools</h1><p>Our ranking of the schools, with the facts.</p>{entries}</article>"
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert "School 8 is known for its case method" in art.body and "8. School 8" in art.body
