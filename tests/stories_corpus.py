"""A corpus for stories and wire copies: real texts, their copies on other sites, and look-alikes.

Originals are the demo site's articles (tests/site, extracted as the crawl does) and the texts below,
written for these tests the way news is written. Each original is republished on other sites as a
wire copy would be: another headline, the copying site's boilerplate, the agency's dateline and
copyright line, paragraphs trimmed from the end, a paragraph reworded, an editor's line added
(``copies``). The look-alikes are what must not be called copies: other stories on the same topic
and day (``SAME_TOPIC``), and the same event told in another site's own words (``RETOLD``, same story,
not a copy). Everything is made from a fixed seed, so every run sees the same corpus.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from crawler.extract import extract_article
from crawler.items import Article

SITE = Path(__file__).resolve().parent / "site"
DAY = datetime(2025, 3, 3, 6, 0, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Written:
    slug: str
    title: str
    body: str
    topic: str  # the demo article (slug) whose topic it shares, for the same-topic pairs


# Other stories on the topics of demo articles, the same day: they share the topic's words, not the event.
SAME_TOPIC = [
    Written("rail-unions-call-new-strike", "Rail unions call new strike on northern lines", """\
Drivers on three northern rail lines will walk out for 48 hours from Thursday, their union said, in a dispute over rosters that is separate from the national pay talks.

The Associated Society of Locomotive Engineers said 612 members at Northline Trains voted by 81 percent to strike after managers changed shift patterns without consultation.

Northline said it would run a reduced timetable of about one train an hour on the Hallam, Calder and Wharfe routes and urged passengers to travel only if necessary.

The company's operations director, Priya Raman, said the new rosters had been agreed with staff representatives in January and that the union had not raised the matter since.

Union officials said talks could resume on Wednesday if the company paused the changes. Commuters' groups said the timing, a week before the Easter holidays, was the worst possible.""", "rail-strike-called-off"),
    Written("energy-ministers-split-on-nuclear", "Energy ministers split over nuclear power in green finance rules", """\
Energy ministers failed on Monday to agree whether nuclear power plants should count as sustainable investments, leaving the decision to a summit of leaders in June.

France, Finland and Czechia pushed for nuclear to be treated like wind and solar under the green finance rules, arguing that low-carbon baseload power was essential for industry.

Austria and Luxembourg threatened legal action if it were, citing the unresolved question of waste storage and the cost overruns of new reactors at Flamanville and Olkiluoto.

Officials said a compromise text that would label nuclear a transitional technology until 2045 had won the support of 14 countries, short of the majority needed.

Investors have waited three years for the rules, which decide which funds may be marketed as green. Several asset managers said the delay was already pushing capital toward projects outside Europe.""", "energy-ministers-agree-gas-storage-targets"),
    Written("markets-fall-as-oil-jumps", "Stocks fall as oil jumps after pipeline outage", """\
Stocks fell and oil prices jumped more than 6 percent after a fire shut the Druzhba pipeline, which carries crude to refineries in central Europe.

Brent crude rose to 91 dollars a barrel, its highest since October, while airline and chemical shares led the declines on the benchmark index, which closed 1.4 percent lower.

The pipeline operator said repairs to the pumping station near Unecha could take ten days. Refiners in Hungary and Slovakia said they had enough stocks for about three weeks.

Traders said the outage added to worries about supply before the meeting of oil producers in Vienna, where Saudi Arabia is expected to propose extending output cuts.

Bond markets were calmer: the ten-year yield rose only slightly, as investors judged that the central bank would look past a short-lived rise in fuel prices.""", "markets-steady-ahead-of-rate-decision"),
    Written("council-delays-parking-charges", "City council delays parking charges near the new cycle lanes", """\
The city council has postponed a vote on parking charges in the streets around Elm Road after shop owners said the plan would drive customers to the retail park at Fenwick.

Councillor Mariam Okafor, who leads on transport, said the charges of 1.80 pounds an hour would be reviewed together with the results of a survey of 2,300 residents due in May.

Traders' association chair Tomasz Wrobel said sales on Elm Road had fallen since the roadworks began and that charging for the remaining spaces would finish off small businesses.

The opposition said the delay showed the administration had no plan to pay for maintenance. The council expects the charges to raise 420,000 pounds a year.""", "city-council-approves-cycle-lanes"),
    Written("ocean-sensors-track-whales", "Underwater microphones track whale migration off the coast", """\
A network of 40 underwater microphones moored along the continental shelf has recorded the songs of fin and humpback whales migrating past the coast, researchers at the Marine Acoustics Laboratory said.

The recordings, made over 14 months, show the whales passing two weeks earlier than a decade ago, which the team led by Dr Ingrid Solberg links to warmer surface water.

The microphones also picked up shipping noise on 300 days of the year. The team wants ports to slow ships in the weeks the whales pass, as Vancouver has done.

The data will be published openly so that other groups can train software to recognise the calls of rarer species such as the blue whale.""", "scientists-map-deep-sea-currents"),
    Written("bakery-chain-closes-branches", "Bakery chain closes twelve branches as flour prices rise", """\
Hartley's Bakeries will close twelve of its 85 branches by the end of April, blaming flour and energy bills that it said had risen by a third in two years.

The family-owned chain, founded in 1962, said 140 staff would be offered jobs at other branches and that its central bakery in Northgate would keep all 300 of its workers.

Managing director Helen Hartley said rents in city centres had become impossible for a business selling loaves at 2.40 pounds.

Customers of the branch on Castle Street started a petition to keep it open, signed by more than 1,500 people in two days.""", "local-bakery-wins-national-award"),
]

# The same events as demo articles, told by another site in its own words: one story, no copy.
RETOLD = [
    Written("pay-deal-averts-rail-strike", "Pay deal averts Monday rail walkout", """\
Passengers can travel as normal on Monday: the national rail walkout is off. Unions and train operators reached agreement late on Saturday on a two-year settlement.

Staff are offered 4.5 percent now and 3.8 percent in 2026, and the operators promise that nobody will be made compulsorily redundant before 2027.

Members get three weeks to vote, with union leaders backing the offer. A pilot of a four-day week on two lines is part of the package, and ticket office closures are paused.""", "rail-strike-called-off"),
    Written("gas-storage-deal-reached", "Countries commit to 90 percent gas storage by November", """\
After a day of negotiations, ministers of the 27 member countries settled on Monday night on a target of 90 percent full gas storage by November, overriding objections from three countries.

The rules, first adopted in the 2022 energy crisis, are extended by two years. Countries get more leeway on the deadline for meeting the target.

Germany, with 245 TWh of capacity, and Italy, with 197 TWh, face the 90 percent target; the Netherlands has 80 percent. Industry groups said traders could still speculate against a target that everyone knows.""", "energy-ministers-agree-gas-storage-targets"),
]

SITES = ["Northern Post", "Daily Ledger", "Coast Herald", "Valley Times"]
HEADLINES = ["{} — what we know", "Breaking: {}", "{} (update)", "Wire: {}"]
BOILERPLATE_TOP = ["LONDON (Newswire) —", "BERLIN, March 3 (Newswire) -", "(Newswire) —", ""]
BOILERPLATE_END = [
    "Copyright 2025 Newswire. All rights reserved. This material may not be published, broadcast, rewritten "
    "or redistributed without permission.",
    "Reporting by Newswire staff; editing by the {site} news desk.",
    "Sign up for the {site} morning briefing to get the day's top stories in your inbox every weekday.",
    "",
]
EDITOR_LINES = ["Read more: our coverage of the week's main stories.", "This story has been updated.",
                "Related: what the changes mean for you."]
SYNONYMS = {"said": "stated", "after": "following", "agreed": "settled", "will": "would", "the": "this",
            "planned": "scheduled", "announced": "revealed", "percent": "per cent", "also": "too",
            "because": "as", "before": "ahead of", "more": "further", "new": "fresh", "about": "around"}


def demo_articles() -> list[Article]:
    """The demo site's articles, extracted as the crawl extracts them (the removed page aside)."""
    out = []
    for path in sorted([*SITE.glob("post/*.html"), *SITE.glob("wire/*.html")]):
        article = extract_article(path.read_text(encoding="utf-8"), f"https://demo.example/{path.stem}", DAY)
        if article is not None and article.body:
            out.append(article)
    return out


def written(w: Written, site: str = "Metro Daily", host: str = "metro.example") -> Article:
    paragraphs = w.body.split("\n\n")
    return Article(url=f"https://{host}/{w.slug}", site_name=site, title=w.title, lead=paragraphs[0], body=w.body,
                   language="en", published_at=DAY + timedelta(hours=2))


def reword(paragraph: str, rng: random.Random) -> str:
    """A paragraph as an editor rewrites it: some words swapped for others, a sentence dropped or moved."""
    words = [SYNONYMS.get(w, w) if rng.random() < 0.6 else w for w in paragraph.split(" ")]
    sentences = " ".join(words).split(". ")
    if len(sentences) > 2:
        sentences.pop(rng.randrange(len(sentences)))
    elif len(sentences) == 2:
        sentences.reverse()
    return ". ".join(sentences)


def copy_of(original: Article, n: int, rng: random.Random, others: list[str]) -> Article:
    """The ``n``-th republication of ``original`` by another site, each harder than the one before:
    0 another headline and boilerplate; 1 the end trimmed, a paragraph reworded; 2 two paragraphs
    reworded and an editor's line; 3 trimmed, reworded, the first paragraph moved to the lead and a
    list of other headlines left under the text; 4 half of it kept, two paragraphs reworded."""
    site = SITES[n % len(SITES)]
    paragraphs = (original.body or "").split("\n\n")
    lead = original.lead
    if n in (1, 3):
        paragraphs = paragraphs[:max(2, round(len(paragraphs) * rng.uniform(0.6, 0.85)))]
    elif n == 4:
        paragraphs = paragraphs[:max(2, round(len(paragraphs) * 0.5))]
    for _ in range({0: 0, 1: 1, 2: 2, 3: 1, 4: 2}[n]):
        if len(paragraphs) > 1:
            i = rng.randrange(1, len(paragraphs))
            paragraphs[i] = reword(paragraphs[i], rng)
    if n == 2:
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), rng.choice(EDITOR_LINES))
    if n == 3 and len(paragraphs) > 2:
        lead = paragraphs.pop(0)
    top = BOILERPLATE_TOP[n % len(BOILERPLATE_TOP)]
    if top:
        paragraphs[0] = f"{top} {paragraphs[0]}"
    end = BOILERPLATE_END[(n + 1) % len(BOILERPLATE_END)].format(site=site)
    if end:
        paragraphs.append(end)
    if n == 3:
        paragraphs.append("More stories\n" + "\n".join(rng.sample(others, 5)))
    host = site.lower().replace(" ", "") + ".example"
    return replace(original, url=f"https://{host}/news/{original.url.rsplit('/', 1)[-1]}-{n}", site_name=site,
                   title=HEADLINES[n % len(HEADLINES)].format(original.title), lead=lead,
                   body="\n\n".join(paragraphs), published_at=(original.published_at or DAY) + timedelta(hours=1 + n),
                   tables=[], images=[])


# New paragraphs of later reports, which reuse background paragraphs of an earlier one (``follow_up``).
FOLLOW_UPS = [
    ("rail-strike-called-off", "Union members back rail pay deal in ballot", """Rail union members have voted by 72 percent to accept the pay offer, ending a dispute that had run since the autumn and disrupted travel on 19 days.

Turnout in the ballot was 64 percent. The general secretary, Alan Brooks, called the result a fair reward for staff who kept trains running through the winter storms.

The operators said the first rise would be paid in April, backdated to January, and that talks on the four-day week pilot would start with the depots at Crewe and Carlisle."""),
    ("energy-ministers-agree-gas-storage-targets", "Gas prices ease after storage deal", """Wholesale gas prices for next winter fell by 4 percent on Tuesday, as traders digested the agreement on storage targets and a mild forecast for March.

The front-month contract on the Dutch hub traded at 41 euros a megawatt hour at midday, its lowest since December, before recovering slightly in the afternoon.

Analysts at Halden Energy said buyers now expected governments to fill storage more slowly through the summer, which should keep a lid on prices in June and July."""),
    ("harbour-festival-returns", "Festival crowds break records on the harbour front", """More than 60,000 people visited the harbour front over the weekend, the organisers said on Monday, beating the record set before the festival was cancelled two years ago.

Traders at the night market reported their best takings in a decade, and the ferry company added four late crossings on Saturday to carry visitors home.

Police said the weekend had passed off peacefully, with two arrests, both for minor offences near the fish quay."""),
]


def follow_up(original: Article, title: str, fresh: str, n: int) -> Article:
    """A later report that reuses two background paragraphs of ``original`` under new ones: it shares
    text with the original, and is no copy of it."""
    background = (original.body or "").split("\n\n")[1:3]
    paragraphs = fresh.split("\n\n")
    body = "\n\n".join([*paragraphs[:2], *background, *paragraphs[2:]])
    return replace(original, url=f"https://followup{n}.example/{original.url.rsplit('/', 1)[-1]}",
                   site_name="Follow Up", title=title, lead=paragraphs[0], body=body,
                   published_at=(original.published_at or DAY) + timedelta(days=1), tables=[], images=[])


@dataclass(frozen=True)
class Corpus:
    articles: list[Article]  # in the order they are stored
    copies: dict[str, str]  # URL of a copy → URL of its original
    not_copies: list[str]  # URLs of texts that share paragraphs with another and are no copy of it
    stories: dict[str, str]  # URL → the story it belongs to (the original's URL)
    same_topic: list[tuple[str, str]]  # pairs of URLs of different stories on one topic


COPIES_PER_ORIGINAL = 5


def build(seed: int = 16) -> Corpus:
    rng = random.Random(seed)
    originals = [*demo_articles(), *(written(w) for w in SAME_TOPIC)]
    by_slug = {a.url.rsplit("/", 1)[-1]: a for a in originals}
    copies = {}
    stories = {a.url: a.url for a in originals}
    republished = []
    titles = [a.title for a in originals]
    for original in originals:
        for n in range(COPIES_PER_ORIGINAL):
            c = copy_of(original, n, rng, [t for t in titles if t != original.title])
            copies[c.url] = original.url
            stories[c.url] = original.url
            republished.append(c)
    retold = []
    for i, w in enumerate(RETOLD):
        a = written(w, site=SITES[i], host=f"retold{i}.example")
        stories[a.url] = by_slug[w.topic].url
        retold.append(a)
    followed = [follow_up(by_slug[slug], title, text, i) for i, (slug, title, text) in enumerate(FOLLOW_UPS)]
    rng.shuffle(republished)
    same_topic = [(by_slug[w.topic].url, f"https://metro.example/{w.slug}") for w in SAME_TOPIC]
    return Corpus([*originals, *retold, *republished, *followed], copies, [a.url for a in followed], stories,
                  same_topic)
