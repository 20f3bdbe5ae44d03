"""Embeds: players and posts of other services set in the text (YouTube, X, Instagram, Datawrapper...),
kept as blocks that point to them."""

from __future__ import annotations

from urllib.parse import urljoin

from lxml.html import HtmlElement

from ..items import Block
from .dom import class_words

EMBED_TAGS = frozenset(("iframe", "video", "audio", "amp-iframe", "amp-video", "amp-youtube", "amp-twitter",
                        "amp-instagram", "amp-vimeo"))
_EMBED_HOSTS = (
    ("twitter.com", "twitter"), ("x.com", "twitter"), ("youtube.com", "youtube"), ("youtube-nocookie.com", "youtube"),
    ("youtu.be", "youtube"), ("vimeo.com", "vimeo"), ("instagram.com", "instagram"), ("facebook.com", "facebook"),
    ("tiktok.com", "tiktok"), ("dailymotion.com", "dailymotion"), ("soundcloud.com", "soundcloud"),
    ("spotify.com", "spotify"), ("datawrapper.dwcdn.net", "datawrapper"), ("flourish.studio", "flourish"),
)
_AMP_EMBEDS = {
    "amp-youtube": ("data-videoid", "https://www.youtube.com/watch?v={}"),
    "amp-twitter": ("data-tweetid", "https://twitter.com/i/web/status/{}"),
    "amp-instagram": ("data-shortcode", "https://www.instagram.com/p/{}/"),
    "amp-vimeo": ("data-videoid", "https://vimeo.com/{}"),
}
_SOCIAL_POST_WORDS = frozenset(("twitter", "tweet", "instagram", "tiktok"))


def _amp_embed_url(el: HtmlElement) -> str | None:
    """The URL an AMP embed component stands for (<amp-youtube data-videoid=...>)."""
    attr, template = _AMP_EMBEDS.get(el.tag, (None, None))
    value = el.get(attr) if attr else None
    return template.format(value) if value else None


def is_social_post(quote: HtmlElement) -> bool:
    """A <blockquote> that a social network's embed script turns into a post."""
    return not class_words(quote).isdisjoint(_SOCIAL_POST_WORDS)


def social_post(quote: HtmlElement, base_url: str) -> Block | None:
    """The embed block of a social post set as a <blockquote> (see ``is_social_post``), with the
    post's text as the page shows it before the embed script runs; None without a link to it."""
    links = [a.get("href") for a in quote.iter("a") if a.get("href")]
    url = quote.get("cite") or (links[-1] if links else None) or quote.get("data-instgrm-permalink")
    if not url:
        return None
    provider = next((p for host, p in _EMBED_HOSTS if host in url), "post")
    text = " ".join(t.strip() for t in quote.itertext() if t.strip())
    return Block(kind="embed", url=urljoin(base_url, url), provider=provider, text=text or None)


def embed_block(el: HtmlElement, base_url: str) -> Block | None:
    """The embed block of a player or an iframe of a known service; None for an unknown iframe (an
    ad, a form) or one without a source."""
    src = el.get("src") or el.get("data-src") or _amp_embed_url(el)
    if not src:
        source = el.find(".//source")
        src = source.get("src") if source is not None else None
    if not src:
        return None
    url = urljoin(base_url, src)
    provider = next((p for host, p in _EMBED_HOSTS if host in url), "video" if el.tag == "video" else "iframe")
    if provider == "iframe" and el.tag == "iframe":
        return None
    return Block(kind="embed", url=url, provider=provider)
