"""crawler/extract/lead.py: the standfirst and the summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extract import extract_article

from .extract_pages import ARTICLE, NOW, PARAS, page

SITE = Path(__file__).parent / "site"


def test_standfirst_keeps_its_dateline():
    head = ARTICLE + '<meta property="og:description" content="Two power pylons are burning. Tens of thousands are without power.">'
    body = ('<header><h1>Blackout</h1><div class="copy"><span class="dateline">Berlin.</span> '
            f'<span>Two power pylons are burning. Tens of thousands are without power.</span></div></header><article>{PARAS}</article>')
    assert extract_article(page(body, head), "https://a.org/x", NOW).lead == (
        "Berlin. Two power pylons are burning. Tens of thousands are without power.")


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


@pytest.mark.parametrize("box", [
    '<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><div class="jp-relatedposts-post">'
    '<h4><a href="/other">Harbour festival returns</a></h4><p class="jp-relatedposts-post-excerpt">The harbour festival '
    'returns this weekend after a two-year break, with twelve tall ships.</p></div></div>',
    '<div class="more-stories"><div class="card"><a href="/other">Harbour festival returns</a><p class="excerpt">The '
    'harbour festival returns this weekend after a two-year break.</p></div></div>',
])
def test_an_excerpt_in_a_related_box_is_never_the_lead(box):
    first = ("A family bakery that has been making bread in the same oven since 1952 has won the national award "
             "for the best rye loaf.")
    body = f"<article><h1>Bakery wins award</h1><p>{first}</p>{PARAS}{box}</article>"
    assert extract_article(page(body, ARTICLE), "https://a.org/x", NOW).lead == first


def test_demo_bakery_article_lead_is_its_own_first_paragraph():
    """Issue 15: the demo site's bakery article took its lead from the "Related" box."""
    html = (SITE / "post" / "local-bakery-wins-national-award.html").read_text().replace("{{BASE}}", "http://127.0.0.1")
    lead = extract_article(html, "http://127.0.0.1/post/local-bakery-wins-national-award", NOW).lead
    assert lead.startswith("A family bakery that has been making bread") and "harbour festival" not in lead
