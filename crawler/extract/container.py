"""The container choice: the element whose subtree holds the most article-like text net of template
text, then the boxes walked for the body (one article of several; the siblings of an article cut
into blocks)."""

from __future__ import annotations

from lxml.html import HtmlElement

from . import selectors as sel
from .dom import has_unit_child, link_len, own_link_len, own_text_len
from .text import CJK, match_key, text_of
from .trace import CONTAINER, Rule, Trace, rule

CHOSEN_CONTAINER = rule("chosen-container", CONTAINER, "kept: the element with the most article-like text net of "
                        "template text")
LIKE_SIBLING = rule("like-sibling", CONTAINER, "kept: a sibling of the container set like it (same tag, most "
                    "classes), in an article cut into blocks of one kind")
OTHER_ARTICLE = rule("other-article", CONTAINER, "another <article> in the container (an endless-scroll page): "
                     "the one with the headline is walked")
OUTSIDE_CONTAINER = rule("outside-container", CONTAINER, "text outside the container walked: the page's template")

# Tuning of the container choice (figures from the dev benchmarks, see bench/floors.json):
TEMPLATE_TEXT_WEIGHT = 0.5  # text inside a template part counts as this much template
TIGHTER_MIN_SCORE_SHARE = 0.97  # a box inside the winner scoring at least this share of it is preferred (tighter)
WIDER_MIN_SCORE_SHARE = 0.85  # an ancestor keeping this share of the score...
WIDER_MIN_TEXT_GAIN = 1.3  # ...while gathering this much more text is preferred (an article cut in boxes)
MIN_WINNER_CHARS = 400  # a winner with less good text than this climbs to an ancestor with twice its text
PROSE_MIN_CHARS, PROSE_MIN_CHARS_CJK = 40, 15  # a unit with this much unlinked text is prose...
PROSE_MAX_LINK_SHARE = 0.35  # ...when links are less than this share of it
LIST_TEXT_WEIGHT = 0.7  # prose in a list item or a table cell counts as this much (lists of teasers)
LINKED_PROSE_MIN_CHARS, LINKED_PROSE_MIN_CHARS_CJK = 80, 30  # a long sentence around links...
LINKED_PROSE_MAX_LINK_SHARE = 0.8  # ...with less than this share in links...
LINKED_PROSE_WEIGHT = 0.5  # ...counts half as prose and half as template (a linked lead-in, a "10 things" item)
SHORT_TEXT_WEIGHT = 0.5  # a short unit (a label, a date) counts as this much template
CJK_TEST_MIN_CHARS = 10  # units this long are tested for CJK script, on their first CJK_TEST_CHARS
CJK_TEST_CHARS = 100
ARTICLE_MIN_CHARS = 500  # an <article> with less text is a card, not one of several stories
ARTICLES_MIN_SHARE = 0.8  # several <article>s holding this share of the container's text are its stories
LIKE_SIBLING_MIN_SHARED = 0.5  # a sibling sharing this share of the class names is set like the container
_LEAF_UNITS = frozenset({"p", "pre", "li", "td", "th", "dd", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose text is counted once for the container choice: inline elements (span, font, a...)
# count with the block around them, never on their own, so no text is counted twice.
_UNIT_TAGS = ("p", "pre", "td", "th", "div", "section", "li", "blockquote", "dd", "article", "main", "center",
              "figcaption", "h1", "h2", "h3", "h4", "h5", "h6")


def text_scores(root: HtmlElement, inside: set[HtmlElement] | frozenset = frozenset(),
                ) -> tuple[dict[HtmlElement, float], dict[HtmlElement, float]]:
    """Good and bad text of every element's subtree, for finding the element that holds the most
    article-like text net of template text (``best_box``).

    Every text unit (a paragraph, or the text a div holds directly) is good when it is long enough
    and not link-dense, bad otherwise (links, short labels, template parts); each unit's length is
    added to all its ancestors, and the container is the ancestor with the largest good - bad.
    """
    good: dict[HtmlElement, float] = {}
    bad: dict[HtmlElement, float] = {}
    for el in root.iter(*_UNIT_TAGS):
        tag = el.tag
        if tag in _LEAF_UNITS and not has_unit_child(el):
            text = el.text_content()
            length = len(text.strip())
            links = link_len(el) if length else 0
        else:
            length = own_text_len(el)
            if not length:
                continue
            links = own_link_len(el)
            text = None
        if length == 0:
            continue
        g = b = 0.0
        if tag in sel.HEADINGS:
            b = links
        elif el in inside:
            b = TEMPLATE_TEXT_WEIGHT * length
        else:
            plain = length - links
            cjk = plain >= CJK_TEST_MIN_CHARS and CJK.search(
                (text if text is not None else el.text_content())[:CJK_TEST_CHARS]) is not None
            if plain >= (PROSE_MIN_CHARS_CJK if cjk else PROSE_MIN_CHARS) and links < PROSE_MAX_LINK_SHARE * length:
                g, b = (plain * LIST_TEXT_WEIGHT if tag in ("li", "td", "th", "dd") else plain), links
            elif (plain >= (LINKED_PROSE_MIN_CHARS_CJK if cjk else LINKED_PROSE_MIN_CHARS)
                  and links < LINKED_PROSE_MAX_LINK_SHARE * length):
                # A long sentence around a link (a linked lead-in, a "10 things" list item).
                g, b = plain * LINKED_PROSE_WEIGHT, links * LINKED_PROSE_WEIGHT
            else:
                b = links + SHORT_TEXT_WEIGHT * plain
        if g:
            good[el] = g
        if b:
            bad[el] = b
    # Sum every element's own figures into its ancestors: descendants come after their ancestors
    # in document order, so one pass in reverse order carries each subtree's total up.
    for el in reversed(list(root.iter())):
        parent = el.getparent()
        if parent is None:
            continue
        g = good.get(el)
        if g:
            good[parent] = good.get(parent, 0.0) + g
        b = bad.get(el)
        if b:
            bad[parent] = bad.get(parent, 0.0) + b
    return good, bad


def best_box(good: dict[HtmlElement, float], bad: dict[HtmlElement, float], lam: float = 1.0) -> HtmlElement | None:
    """The element with the most good text net of bad (see ``text_scores``), tightened and widened."""
    best, best_score = None, 0.0
    for el, g in good.items():
        score = g - lam * bad.get(el, 0.0)
        if score > best_score:
            best, best_score = el, score
    if best is None:
        return None
    # Nearly as good and tighter: a box inside the winner that leaves out only a little (a standfirst,
    # a player) is the article text itself.
    best_depth = sum(1 for _ in best.iterancestors())
    for el, g in good.items():
        score = g - lam * bad.get(el, 0.0)
        if score >= TIGHTER_MIN_SCORE_SHARE * best_score and el is not best:
            depth = sum(1 for _ in el.iterancestors())
            if depth > best_depth and best in set(el.iterancestors()):
                best, best_depth = el, depth
    parent = best.getparent()
    if best.tag == "p" and parent is not None and parent.tag not in ("body", "html"):
        best = parent  # one paragraph is never the article: the box around it is
    best_score = good[best] - lam * bad.get(best, 0.0)
    # An article cut into several boxes (ads and prompts between them): go up to the ancestor that
    # gathers much more of the text for little more template.
    chosen, el = best, best.getparent()
    while el is not None:
        g = good.get(el, 0.0)
        net = g - lam * bad.get(el, 0.0)
        if g >= WIDER_MIN_TEXT_GAIN * good[chosen] and (
            net >= WIDER_MIN_SCORE_SHARE * best_score
            or (good[chosen] < MIN_WINNER_CHARS and g >= 2 * good[chosen] and net > 0)
        ):
            chosen = el
        el = el.getparent()
    return chosen


def one_article(container: HtmlElement, titles: list[str]) -> HtmlElement:
    """When the container holds several <article> elements with text (an endless-scroll page, a
    list of stories), the one with the headline, else the first; unless none has a headline (<h1>)
    of its own: then they are the entries of one article (a listicle), and the container is kept."""
    articles = [a for a in container.iter("article")
                if a is not container and len(a.text_content()) > ARTICLE_MIN_CHARS]
    outer = [a for a in articles if not any(b is not a and a in set(b.iter()) for b in articles)]
    if len(outer) < 2 or sum(len(a.text_content()) for a in outer) < ARTICLES_MIN_SHARE * len(container.text_content()):
        return container
    keys = {match_key(t) for t in titles if t}
    for article in outer:
        if any(match_key(text_of(h)) in keys for h in article.iter("h1", "h2")):
            return article
    if not any(a.find(".//h1") is not None for a in outer):
        # No story of its own headline among them: the items of one article (a listicle's entries
        # set each in an <article>), all walked.
        return container
    return outer[0]


def with_like_siblings(container: HtmlElement, good: dict[HtmlElement, float], bad: dict[HtmlElement, float],
                        inside: set[HtmlElement] | frozenset) -> list[HtmlElement]:
    """The container and, in page order, its siblings set like it (same tag, most class names in common)
    that hold more text than template: an article cut into blocks of one kind ("block", "body-elements"
    and "body-elements walled-content"), where the scores chose one block. A headline (<h1>) between
    them starts another story: blocks past it are not this one's."""
    classes = set((container.get("class") or "").split())
    parent = container.getparent()
    if not classes or parent is None or container.tag in _NOT_A_BLOCK:
        return [container]
    headlines = {a for h in parent.iter("h1") for a in (h, *h.iterancestors())}
    before: list[HtmlElement] = []
    after: list[HtmlElement] = []
    for sibs, found in ((container.itersiblings(preceding=True), before), (container.itersiblings(), after)):
        for sib in sibs:
            if not isinstance(sib.tag, str):
                continue
            if sib in headlines:
                break
            if sib.tag != container.tag or sib in inside:
                continue
            other = set((sib.get("class") or "").split())
            if (len(other & classes) >= LIKE_SIBLING_MIN_SHARED * len(other | classes)
                    and good.get(sib, 0.0) > bad.get(sib, 0.0)):
                found.append(sib)
    return [*reversed(before), container, *after]


_NOT_A_BLOCK = frozenset(("article", "main", "body", "html"))


def trace_choice(root: HtmlElement, best: HtmlElement, chosen: HtmlElement, boxes: list[HtmlElement],
                 flagged: dict[HtmlElement, tuple[Rule, str]], trace: Trace) -> None:
    """Record the container choice: the container (``chosen``: ``best``, or one article in it) and
    its like siblings, kept; the largest parts of the page outside the boxes walked that hold text,
    dropped (other articles inside ``best``, the page's template outside it)."""
    trace.keep(CHOSEN_CONTAINER, chosen)
    for box in boxes:
        if box is not chosen:
            trace.keep(LIKE_SIBLING, box)
    walked = set(boxes)
    around = {a for box in boxes for a in box.iterancestors()}
    inside_best = set(best.iter())
    pending = [root]
    while pending:
        for child in pending.pop():
            if not isinstance(child.tag, str) or child in walked:
                continue
            if child in around:
                pending.append(child)
                continue
            text = text_of(child)
            if text:
                made = OTHER_ARTICLE if child in inside_best else OUTSIDE_CONTAINER
                flag = flagged.get(child)
                trace.drop(made, child, text, detail=f"{flag[0].name}: {flag[1]}" if flag else "")
