"""crawler/extract/images.py: srcset, credits, pictures set without <figure>."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extract import extract_article
from crawler.extract.images import parse_srcset, split_credit

from .extract_pages import ARTICLE, NOW, STORY, page

SITE = Path(__file__).parent / "site"


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
        ("The lead image. Photo by Kim Lee/Metro Daily", ("The lead image.", "Kim Lee/Metro Daily")),
        ("Die Altstadt. Foto von Jan Becker / Agentur", ("Die Altstadt.", "Jan Becker / Agentur")),
        ("La place du marché. Crédit photo : Jean Dupont", ("La place du marché.", "Jean Dupont")),
        ("Documents were released on Monday. (AP)", ("Documents were released on Monday.", "AP")),
        ("Talks in the capital. (Jane Doe/Agency)", ("Talks in the capital.", "Jane Doe/Agency")),
        ("The summit in Brussels. Jane Doe/dpa", ("The summit in Brussels.", "Jane Doe/dpa")),
        ("The old town in Palma / Jane Doe", ("The old town in Palma", "Jane Doe")),
        ("Rain on the coast.Credit: Jane Doe/AFP", ("Rain on the coast.", "Jane Doe/AFP")),
        # A bracket that is part of the caption stays in it.
        ("Olaf Scholz (SPD)", ("Olaf Scholz (SPD)", None)),
        ("The harbour in 2022 (file photo)", ("The harbour in 2022 (file photo)", None)),
    ],
)
def test_split_credit(caption, expected):
    assert split_credit(caption) == expected


def test_a_media_text_block_is_content():
    body = (f'<article><h1>Council decides</h1>{STORY}<div class="wp-block-media-text"><img src="/f.jpg">'
            '<div class="wp-block-media-text__content"><p>The new hall seats four hundred people and opens in May.</p>'
            '</div></div></article>')
    assert "seats four hundred" in extract_article(page(body, ARTICLE), "https://a.org/x", NOW).body


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


@pytest.mark.parametrize("figcaption, caption, credit", [
    ('<span class="caption-text">The lead image of the story.</span> <span class="credit">Photo by Kim Lee/Metro Daily'
     '</span>', "The lead image of the story.", "Kim Lee/Metro Daily"),
    ('<span class="caption">The summit.</span> <span class="credit">Photo by Jane Doe</span> /<span '
     'class="distributor">AFP via Getty Images</span>', "The summit.", "Jane Doe/AFP via Getty Images"),
    ('<div>The summit.</div><div class="image-author"><span class="author-single">Jane Doe / Reuters</span></div>',
     "The summit.", "Jane Doe / Reuters"),
    ('The summit. <span class="credit">Jane Doe/2026 The Agency. All rights reserved</span>', "The summit.", "Jane Doe"),
])
def test_a_credit_set_apart_in_the_caption_comes_out_clean(figcaption, caption, credit):
    body = (f'<article><h1>Council decides</h1>{STORY[:400]}<figure><img src="/p.jpg"><figcaption>{figcaption}'
            f'</figcaption></figure>{STORY[400:]}</article>')
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert [(im.caption, im.credit) for im in art.images] == [(caption, credit)]


def test_demo_lead_picture_credit_is_split_from_its_caption():
    """Issue 15: "Photo by Kim Lee/Metro Daily" was kept whole as the credit on the demo site."""
    html = (SITE / "post" / "rail-strike-called-off.html").read_text().replace("{{BASE}}", "http://127.0.0.1")
    art = extract_article(html, "http://127.0.0.1/post/rail-strike-called-off", NOW)
    assert [(im.caption, im.credit) for im in art.images][:1] == [("The lead image of the story.", "Kim Lee/Metro Daily")]


def test_a_figcaption_set_after_its_figure_captions_it():
    body = (f'<article><h1>Council decides</h1>{STORY[:400]}<figure><img src="/p.jpg"></figure><figcaption>The new '
            f'hall on Monday. Photo: Jane Doe</figcaption>{STORY[400:]}</article>')
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert [(im.caption, im.credit) for im in art.images] == [("The new hall on Monday.", "Jane Doe")]


def test_the_lead_picture_is_the_first_captioned_one_above_the_text():
    body = ('<main><header><h1>Council decides</h1><img src="/logo.png" width="120" height="60">'
            '<figure class="entry-thumbnail gallery__figure"><img src="/lead.jpg"><figcaption>The council chamber on '
            f'Monday.</figcaption></figure></header><div class="entry-content">{STORY}</div></main>')
    art = extract_article(page(body, ARTICLE), "https://a.org/x", NOW)
    assert art.images and (art.images[0].url, art.images[0].caption) == ("https://a.org/lead.jpg",
                                                                           "The council chamber on Monday.")
