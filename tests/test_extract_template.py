"""Pruning, the template vocabulary and the container choice (prune.py, template.py, container.py)."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article

from .extract_pages import ARTICLE, NOW, PARAS, STORY, page


def test_boilerplate_stays_out_of_the_body():
    html = page(f'<article><h1>T</h1>{PARAS}<div class="share-buttons"><p>Share this on Facebook, Twitter, and more places now.</p></div>'
                f'<div class="related-posts"><p>Another story about something else, and a comma, that you may like.</p></div></article>',
                '<meta property="og:type" content="article">')
    body = extract_article(html, "https://a.org/x", NOW).body
    assert "Paragraph 7" in body and "Share this" not in body and "Another story" not in body


def test_box_labelled_for_screen_readers_as_newsletter_is_template():
    box = ('<section aria-label="Newsletter Anmeldung"><h3>Capital Inside, by our editor</h3>'
           '<p>Behind the scenes of politics, every week in your inbox.</p></section>')
    art = extract_article(page(f"<article>{PARAS}{box}{PARAS}</article>", ARTICLE), "https://a.org/x", NOW)
    assert [s.heading for s in art.sections if s.heading] == [] and "Behind the scenes" not in art.body


def test_hidden_copy_of_the_visible_text_is_left_out():
    copy = STORY.replace("<p>", "").replace("</p>", "")
    body = f'<article><h1>Council decides</h1>{STORY}</article><div class="o-paywall" style="display:none">{copy}</div>'
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert art.body.count("Sentence 3 of the report") == 1


def test_hidden_article_that_a_script_reveals_is_kept():
    body = f'<h1>Council decides</h1><div style="display: none">{STORY}</div>'
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert "Sentence 3 of the report" in art.body


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


def test_a_box_named_as_a_short_description_is_not_text_unless_it_holds_the_prose():
    bio = '<div class="sect_profile-descr"><p>Since 2019 at the paper, writing on health and the harbour.</p></div>'
    body = f"<article><h1>Council decides</h1>{STORY}{bio}</article>"
    assert "Since 2019" not in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    prose = "".join(f"<p>Paragraph {i} says what the expert claimed about the harbour, at length, with quotes and "
                    "with the context a reader needs to follow the story from here on.</p>" for i in range(4))
    body = f'<article><h1>Council decides</h1><div class="text-descr">{prose}</div></article>'
    assert "Paragraph 3 says" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


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


def test_blocks_past_the_next_stories_headline_are_not_this_storys():
    first = ("The council met on Tuesday evening and decided, after a long debate, to build the bridge over the river "
             "that villagers had asked for since the old ferry stopped running. ") * 2
    links = "".join(f'<li><a href="/story/{i}">Another story from the valley number {i}</a></li>' for i in range(14))
    body = (f'<div class="main"><h1>The bridge</h1><div class="block">{first}</div><ul>{links}</ul>'
            '<h1>Next: the school</h1><div class="block">The school reopens on Monday after the holidays, '
            'the headteacher said, with two new classrooms.</div></div>')
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "decided, after a long debate" in text and "The school reopens" not in text


def test_parts_a_framework_streams_in_stand_where_their_placeholders_are():
    # React sends a placeholder and a loading note in the text's place, the text later in a hidden part.
    first, second = STORY, PARAS
    body = (f'<article><h1>Council decides</h1>{first}<template id="B:0"></template><div>Loading paragraph...</div>'
            f'<div><template id="P:1"></template></div></article><footer>Site footer</footer>'
            f'<div hidden id="S:0"><p>The streamed paragraph says what the mayor thinks, at some length.</p></div>'
            f'<div hidden id="S:1">{second}</div>')
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert "Loading paragraph" not in text
    assert text.index("Sentence 7") < text.index("streamed paragraph") < text.index("Paragraph 7")


def test_a_control_never_closed_around_the_page_keeps_its_text():
    body = f'<button class="menu-button">Menu<article><h1>Council decides</h1>{STORY}{PARAS}</article>'
    assert "Sentence 7 of the report" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_a_name_saying_the_label_is_hidden_does_not_hide_the_box():
    items = "".join(f'<div class="field field--label-hidden"><p>Entry {i} of the guide: a long paragraph about the '
                    f'game, what it asks of players and why it is worth the table space.</p></div>' for i in range(4))
    body = f"<article><h1>Best games</h1>{STORY}{items}</article>"
    assert "Entry 3 of the guide" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_entries_of_a_listicle_each_set_in_an_article_are_all_walked():
    entries = "".join(f'<article class="listicle-item"><h2>Scooter {i}</h2><p>Scooter {i} rides well over bumps, '
                      f'with a range that covers the week and brakes that bite.</p>{STORY}</article>' for i in range(3))
    body = f"<main><h1>Best scooters</h1><div>{entries}</div></main>"
    text = extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body
    assert all(f"Scooter {i} rides well" in text for i in range(3))
