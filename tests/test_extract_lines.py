"""crawler/extract/lines.py: the line rules, furniture told from prose."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article

from .extract_pages import ARTICLE, NOW, STORY, page


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


def test_contact_line_pattern_is_linear_on_run_together_addresses():
    from crawler.extract import selectors as sel
    assert sel.CONTACT_LINE.match("desk@example.org, @jane | https://x.org/a") is not None
    assert sel.CONTACT_LINE.match("desk@example.org" * 40 + "!") is None  # took minutes before


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


@pytest.mark.parametrize("line", ["Story continues below", "Advertisement 1 Story continues below",
                                  "Article continues after this advertisement", "Advert", "DON'T MISS"])
def test_ad_placeholder_lines_are_not_text(line):
    body = f"<article><h1>Council decides</h1>{STORY}<p>{line}</p>{STORY}</article>"
    assert line not in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


def test_a_sentence_about_a_story_continuing_is_text():
    line = "The story continues below the surface, where divers found the wreck of the old ferry last summer."
    body = f"<article><h1>Council decides</h1>{STORY}<p>{line}</p>{STORY}</article>"
    assert line in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


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
