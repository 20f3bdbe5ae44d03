"""Every XPath and regular expression the extractor uses, compiled once, with named token lists.

The token lists are generic vocabulary of web page templates (class and id words that mean
"navigation", "share buttons", "byline"...). None of them names a site.
"""

from __future__ import annotations

import re

from lxml.etree import XPath

# --------------------------------------------------------------------------- metadata

JSONLD_SCRIPTS = XPath('//script[contains(translate(@type, "JSONLD", "jsonld"), "ld+json")]')
META = XPath("//meta[@content]")
LINK_CANONICAL = XPath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')
HTML_LANG = XPath("/html/@lang | /html/@xml:lang", namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
TITLE = XPath("//head/title | //title")
H1 = XPath("//h1")
TIME_ELEMENTS = XPath("//time[@datetime] | //*[@itemprop='datePublished' or @itemprop='dateModified']")
# A class naming a byline element (tested in one pass over the tree in meta.py: an XPath of ten
# contains() tests is 2-3 times slower).
AUTHOR_CLASS = re.compile("byline|author|Byline|Author|autor|Autor|auteur|firma")
AUTHOR_LINKS = XPath(
    "//a[contains(@href, '/author/') or contains(@href, '/authors/') or contains(@href, '/autor/')"
    " or contains(@href, '/autoren/') or contains(@href, '/auteur/') or contains(@href, '/by/')"
    " or contains(@href, '/profile/') or contains(@href, '/people/') or contains(@href, '/staff/')"
    " or contains(@href, '/journalist/') or contains(@href, '/redaktion/')]"
)
SCRIPTS = XPath("//script[not(@src)]")
# A string that is a web address, not a name: a credit or a site name given as a URL.
URLISH = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)/", re.IGNORECASE)
WITH_CLASS_OR_ID = XPath("//*[@class or @id]")
# Boxes labelled for screen readers: aria-label="Newsletter Anmeldung", aria-label="Related stories".
LABELLED_BOXES = XPath("//*[self::section or self::aside or self::div or self::nav or self::form][@aria-label]")
MAYBE_HIDDEN = XPath("//*[@hidden or @aria-hidden or @style]")
TAG_LINKS = XPath("//a[@rel='tag' or contains(@rel, ' tag') or contains(@rel, 'tag ')]")

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
        "socialmediaposting", "liveblogposting", "techarticle", "scholarlyarticle", "report", "satiricalarticle",
        "advertisercontentarticle", "medicalscholarlyarticle", "posting", "discussionforumposting",
    }
)
# Page types whose mainEntity may hold the article; their own fields are weaker evidence.
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "aboutpage", "profilepage", "searchresultspage"})
ORGANIZATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "onlinebusiness", "localbusiness"}
)

# <meta> keys in order of trust, lower-cased (name, property and itemprop share one namespace).
META_TITLE = ("og:title", "twitter:title", "dc.title", "title", "sailthru.title", "parsely-title")
META_AUTHOR = (
    "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "byline",
    "cxenseparse:author", "twitter:creator",
)
META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "published_time", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "article_date_original", "og:published_time",
    "cxenseparse:recs:publishtime",
    "date.available", "displaydate", "originalpublicationdate", "publication_date", "article:published",
)
META_MODIFIED = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "dcterms.modified",
    "last-modified", "lastmod", "article.updated", "modified_time", "article:modified",
)
META_DESCRIPTION = ("og:description", "description", "twitter:description", "dc.description")
META_LANGUAGE = ("og:locale", "content-language", "language", "dc.language", "inlanguage")
META_URL = ("og:url", "twitter:url")

# --------------------------------------------------------------------------- body

# Elements whose content is never article text: code, styles and media objects; form controls.
CODE_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "object", "embed", "map", "link", "meta",
             "head")
CONTROL_TAGS = ("button", "input", "select", "textarea", "dialog")
DROP_TAGS = CODE_TAGS + CONTROL_TAGS
# Elements that are template parts by their HTML meaning, unless they hold much of the page.
STRUCTURAL_TAGS = ("nav", "footer", "aside", "menu", "form")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Class/id vocabulary of template parts. A class name (or id) is split into words on '-', '_',
# ':', '.' and camelCase ("article__share-bar" → article, share, bar).
# Words that mark a template part wherever they stand in a class name:
BOILERPLATE_STRONG = frozenset(
    """
    comment comments commentlist disqus respond related relatedposts recommended recommendations
    recirculation outbrain taboola newsletter newsletters subscribe subscription signup
    breadcrumb breadcrumbs cookie cookies consent gdpr popup modal share sharing sharebar sharetools
    social socials socialmedia advert advertisement advertising adslot adunit adsense dfp sponsor
    sponsored promo promotion trending mostread morestories readmore readnext nextread upnext
    toolbar skiplink printonly screenreader sronly footer masthead navbar navigation nav menu topbar
    sidebar regwall piano tinypass upsell placeholder donation donate carousel gallery slideshow lightbox
    flyout teaser teasers whatsapp telegram affiliate swiper offscreen expandable collapsible accordion
    tooltip reactions infobox slidein toast toaster
    """.split()
)
# Template parts that never wrap the article, whatever their size.
NEVER_WRAPPERS = frozenset("modal popup cookie cookies consent gdpr".split())
# Words that mark a template part when they are the last word of a class name ("article-meta",
# "image-credit", "post-tags"), the noun that says what the element is:
BOILERPLATE_HEAD = frozenset(
    """
    meta metadata byline bylines author authors date dates time timestamp dateline published updated
    credit credits copyright caption captions label kicker eyebrow tags tag topics keywords categories
    toc bio biography tools actions counter count rating cta login register hidden excerpt overline descr
    description
    """.split()
)
# Words for a box as such ("author-container", "tags-wrapper"): the word before says what it holds.
BOX_WORDS = frozenset("container wrapper wrap box block area holder inner outer details info card".split())
MEDIA_WORDS = frozenset("media image img photo picture video audio bild foto".split())
# Words that say an element is the content: a class name ending in one of them keeps the element.
CONTENT_WORDS = frozenset(
    "article articlebody body content entry post story text main maincontent postcontent storybody richtext "
    "prose".split()
)
AD_WORDS = frozenset({"ad", "ads"})
NEGATIONS = frozenset({"non", "no", "not", "without"})

SPLIT_CLASS = re.compile(r"[\s_\-:/.]+|(?<=[a-z])(?=[A-Z])")

# Labels of template boxes ("Related", "Read more", "Lesen Sie auch"...), as headings or lines of
# their own, in the languages of our pages. Matched against a whole (short) heading or line.
_RELATED = (
    r"related|related (?:articles?|stories|posts|content|news|coverage|topics|links|reading|videos?)|"
    r"more (?:from|in|on|about|stories|news|coverage|to read|like this)\b.{0,40}|read more|read next|"
    r"more (?:\w+ ){1,3}(?:stories|news|articles|reads)|back to top|"
    r"most (?:read|popular|viewed|shared)\b.{0,30}|you (?:may|might) also like|also read|see also|"
    r"recommended(?: for you| reading| stories| videos?| articles?)?|"
    r"trending(?: now| stories)?|popular(?: now| stories)?|table of contents|contents|"
    r"top stories|latest (?:\w+ ){0,2}(?:news|stories|articles)|latest from\b.{0,40}|recommended from\b.{0,40}|"
    r"editor'?s picks|what to read next|further reading|"
    r"comments?|\d+ comments?|leave a (?:comment|reply)|join the conversation|"
    r"share(?: this)?(?: article| story| post| page)?(?: on \w+)?|sharing is caring!?|like this story\?.{0,40}|"
    r"follow us\b.{0,30}|sign up\b.{0,40}|subscribe\b.{0,40}|newsletter\b.{0,30}|tags?|topics|about the author|"
    r"advertisement|advert|sponsored(?: content)?|scroll to continue(?: with content)?|continue reading|"
    r"don'?t miss(?: this| out)?|"
    r"(?:advertisement\b.{0,30})?(?:story|article) continues "
    r"(?:below|after(?: this| the)? (?:advertisement|ad))\b.{0,100}|"
    r"this advertisement has not loaded yet\b.{0,60}|"
    r"click to share.{0,30}|watch|video|photo|image|more|end of (?:the )?(?:article|story)|"
    r"this is an? (?:breaking|developing) (?:news )?story\b.{0,40}|ende der weiteren informationen|"
    r"weitere (?:artikel|themen|nachrichten|meldungen)|mehr (?:zum thema|aus|zu|von|über)\b.{0,40}|"
    r"lesen sie (?:auch|mehr)\b.{0,30}|auch interessant|das (?:könnte|dürfte) sie (?:auch )?interessieren|"
    r"ähnliche(?: artikel| beiträge| themen)?|"
    r"kommentare|inhalt|inhaltsverzeichnis|themen(?: des artikels)?|aus dem ressort|passend zum artikel|"
    r"häufig gelesen|meistgelesen|"
    r"topmeldungen|empfohlen|artikel teilen|teilen|zum artikel|zur startseite|startseite|weiterlesen|mehr lesen|"
    r"anzeige|werbung|verlagsangebot|zum stellenmarkt|inhaltliches feedback\??|zitiervorschlag|"
    r"jetzt (?:weiterlesen|abonnieren)\b.{0,40}|externer inhalt\b.{0,40}|empfohlener redaktioneller inhalt|"
    r"external content\b.{0,40}|content (?:not available|unavailable)|artikel teilen(?: mit)?|link kopiert|"
    r"bitte beachten|copy link|link copied|fehler (?:auf .{1,30} )?entdeckt\??|"
    r"(?:spotted|found|see) (?:a|an) (?:error|mistake|typo)\b.{0,30}|"
    r"lire aussi|à lire aussi|lire la suite|sur le même sujet|les plus lus|voir aussi|commentaires|partager|publicité|"
    r"leer más|lea también|noticias? relacionadas?|te puede interesar|lo más leído|más noticias|comentarios|"
    r"compartir|regala esta noticia|publicidad|"
    r"leia (?:também|mais)|você pode gostar.{0,5}|veja também|mais lidas|comentários|"
    r"leggi anche|potrebbe interessarti|articoli correlati|i più letti|pubblicità|"
    r"lees ook|meer over\b.{0,30}|gerelateerd|"
    r"czytaj (?:więcej|też|także)|taip pat skaitykite|"
    r"les også|les mer|läs också|läs mer|læs også|mest lest|mest läst|annonse|annons|reklame|"
    r"ilgili haberler|bunlar da ilginizi çekebilir|reklam|"
    r"関連記事|あわせて読みたい|関連ニュース|関連リンク|관련 ?기사|많이 본 뉴스"
)
FURNITURE_LINE = re.compile(rf"^\W*(?:{_RELATED})\W*$", re.IGNORECASE)

# Labels of a summary box above the text ("Key points", "Kort fortalt"): a label, not a section of the article.
SUMMARY_LABEL = re.compile(
    r"^\W*(?:in short|in brief|key points|the short version|at a glance|tl;? ?dr|the big picture|"
    r"das wichtigste(?: in kürze)?|in kürze|kurz (?:gesagt|erklärt|zusammengefasst)|darum geht'?s|"
    r"kort fortalt|kortversjonen|kort sagt|i korthet|kort om|kort og godt|"
    r"en bref|l'essentiel|en resumen|lo esencial|in sintesi|in het kort)\W*$",
    re.IGNORECASE,
)
# An e-mail address: a heading holding one is a call for tips or letters, not a section.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", re.IGNORECASE)
# A line asking readers to write in, around an address: "Write to Jane Doe at jane@example.org".
WRITE_IN = re.compile(
    r"\b(?:write to|e-?mail (?:us|me|him|her|them)|contact|kontakt\w*|mail an|schreiben sie|send (?:us|your|in)|"
    r"senden sie|letters?|leserbrief\w*|feedback|news tips?|tips?|hinweise?|corrections?)\b",
    re.IGNORECASE,
)

# A short line made only of a date, a time, a relative time and the words pages put around them.
_DATE_WORDS = (
    r"\d+|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|"
    r"avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|"
    r"am|pm|a\.m|p\.m|uhr|h|kl|et|est|edt|cet|cest|gmt|utc|bst|ist|jst|kst|"
    r"published|updated|posted|last updated|publiziert|veröffentlicht|aktualisiert|stand|am|um|"
    r"publicerad|publisert|sist oppdatert|uppdaterad|opdateret|publié|mis à jour|le|à|actualizado|publicado|"
    r"a las|de|del|el|pubblicato|aggiornato|il|alle|gepubbliceerd|bijgewerkt|op|om|"
    r"ago|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|just now|yesterday|today|"
    r"vor|stunden?|minuten?|tagen?|gestern|heute|il y a|heures?|hace|horas?|minutos?|ayer|hoy|"
    r"min read|read|lesezeit|on|at|by|of|the|年|月|日|時|分|기사입력|입력|수정|"
    r"\d+[./:-]\d+(?:[./:-]\d+)?"
)
CONTRIBUTOR_WORDS = ("report", "editing", "compiled", "written", "with ", "mitarbeit", "material", "press", "presse",
                     "wire", "contributed", "informationen")
DATE_LINE = re.compile(rf"^(?=.*\w)(?!_+$)(?:\W|_|{_DATE_WORDS})*$", re.IGNORECASE)

# A line of contact details only: e-mail addresses, URLs, @handles.
_CONTACT = r"(?:[\w.+-]+@[\w-]+\.[\w.]+|https?://[^\s,;|]+|(?:www\.)?twitter\.com/\w+|@\w+)"
# Items need a separator between them: without one, "a@b.orgc@d.org…" backtracks exponentially.
CONTACT_LINE = re.compile(rf"^\s*{_CONTACT}(?:[\s,;|/]+{_CONTACT})*[\s,;|/]*$")
# A call to subscribe: "Get the day's top headlines in your inbox: sign up for our newsletter".
CTA_LINE = re.compile(
    r"(?:subscrib|sign(?:ing)? up|sign-up|signup|abonnier|anmeld|inscri|suscrib)\w*\b.{0,120}"
    r"\b(?:newsletter|inbox|e-?mail|postfach|youtube channel)"
    r"|\b(?:newsletter|inbox|e-?mail|postfach)\b.{0,120}"
    r"\b(?:subscrib|sign(?:ing)? up|sign-up|signup|abonnier|anmeld|inscri|suscrib)"
    r"|\b(?:follow|folg|join|abonnier|suiv|sigue|segui)\w*\b.{0,60}\b(?:whatsapp|telegram|google news)\b"
    r"|^(?=.{0,140}$)\W*(?:follow|folgen sie|folge|suivez|sigue|seguici|segui)\b.{0,60}\b(?:on|auf|sur|en|su) "
    r"(?:facebook|twitter|instagram|tiktok|youtube|linkedin|threads|bluesky|x)\b"
    r"|\bget (?:e-?mail|newsletter) updates\b"
    r"|\bunterstützen sie uns\b.{0,60}\bspende|\bsupport (?:us|our (?:work|journalism))\b.{0,80}\b(?:donat|contribut)"
    r"|\bmit einer spende\b.{0,60}\bunterstützen\b",
    re.IGNORECASE,
)

CTA_WORDS = ("newsletter", "inbox", "mail", "postfach", "whatsapp", "telegram", "google news", "spende", "support",
             "unterstützen", "youtube", "follow", "folge", "suivez", "sigue", "segui")
# Consent gates and cookie notices left where an embed or the page would load.
CONSENT_LINE = re.compile(
    r"\bcookies?\b.{0,100}\b(?:website|browser|experience|consent|accept|necessary|einverstanden|akzeptieren)\b"
    r"|\bexterne[nr]? inhalte?s?\b|\bexternal content\b|\bdatenschutzerkl[äa]rung\b|\beinverstanden\b"
    r"|\bdrittplattformen\b|\bdrittanbieter\b|\bthird[- ]party (?:content|providers?|platforms?|cookies)\b"
    r"|\b(?:privacy|cookie) (?:settings|preferences|overview)\b|\bprivatsphäre-einstellungen\b"
    r"|\bmit einem klick (?:anzeigen|laden|aktivieren)\b"
    r"|\b(?:youtube|twitter|x|instagram|tiktok|facebook|spotify|vimeo|podcast)[- ]inhalte? "
    r"(?:erlauben|zulassen|laden|aktivieren|anzeigen)\b"
    r"|\b(?:allow|load|enable|show) (?:youtube|twitter|instagram|tiktok|facebook|spotify|vimeo|external) "
    r"(?:content|videos?|posts?|embeds?)\b"
    r"|\bad[- ]?block(?:er|ing)? (?:users|detected|is (?:enabled|active|on))\b"
    r"|\b(?:disable|turn off|pause|whitelist|deaktivier\w*|ausschalten)\b.{0,40}\b(?:ad[- ]?blocker|werbeblocker)",
    re.IGNORECASE,
)

CONSENT_WORDS = (
    "cookie", "inhalt", "content", "datenschutz", "einverstanden", "dritt", "third", "privacy", "privatsph",
    "klick", "block",
)

# Credit lines at the end of agency copy: "Additional reporting by…", "Jane Doe contributed to this report".
CONTRIBUTOR_LINE = re.compile(
    r"^\W*(?:additional reporting by|reporting by|editing by|compiled by|written by|with (?:reporting|files) from|"
    r"mitarbeit:|mit material von)\b"
    r"|^\W*with (?:reports|information) from [^,.;]{2,60}(?:,? and [^,.;]{2,40})?\W*$"
    r"|^\W*mit informationen (?:von|der|aus)\b.{0,120}\b(?:nachrichtenagentur\w*|agentur\w*|korrespondent\w*|"
    r"afp|dpa|reuters|ap|kna|epd)\b|\bcontributed (?:reporting|to this (?:report|story|article))\b|"
    r"^\W*(?:the )?(?:associated press|agence france-presse|press association|deutsche presse-agentur|"
    r"\w+ (?:news )?wire services)\W*$",
    re.IGNORECASE,
)

# A short line that is a picture credit: "© Jane Doe", "Foto: dpa", "IMAGO/Jane Doe", "STR/Getty Images".
CREDIT_LINE = re.compile(
    r"^\W*(?:©|\(c\)|copyright\b|fotos?\s*:|photos?\s*:|bild(?:rechte)?\s*:|quelle\s*:|source\s*:|credits?\s*:|"
    r"image(?: source)?\s*:|picture\s*:|crédits?\s*:|imagen\s*:|foto\s*di\b)"
    r"|^\W*(?:getty images|imago|shutterstock|istock(?:photo)?|picture[- ]alliance|keystone|afp|dpa|reuters|"
    r"epa(?:-efe)?|ap photo|ap|anp|ntb|tt|ritzau|scanpix|sipa|abaca|zuma|alamy)\s*(?:/.{0,40})?\W*$"
    r"|^\W*[\w .'-]{1,40}/(?:getty images|imago|afp|dpa|reuters|ap|epa|shutterstock|keystone|picture alliance)\b",
    re.IGNORECASE,
)
# A caption ending in its credit: "The road to retiring early isn't easy. Kathrin Ziegler/Getty".
CAPTION_CREDIT = re.compile(
    r"\b[\w.'-]+(?: [\w.'-]+){0,3} ?/ ?(?:getty(?: images)?|afp|reuters|ap|epa|imago|dpa|shutterstock)\W*$"
    r"|\((?:afp|ap|reuters|dpa|epa|getty images|imago|keystone|anp)\s*/\s*[^()]{2,40}\)\W*$",
    re.IGNORECASE,
)

# A time of day, then a headline: a live ticker's entry heading ("11.04 Uhr: …", "10:32 am - …").
TIME_STAMPED = re.compile(
    r"^\W*\d{1,2}[.:h]\d{2}\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?\s*[:|–—-]\s*(\w.*)$", re.IGNORECASE | re.DOTALL
)

# Media player furniture: "00:00 / 03:15", "Video loading"...
PLAYER_LINE = re.compile(
    r"^\W*(?:\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?|video (?:loading|unavailable|wird geladen)|player wird geladen|"
    r"audiobeitrag|now playing|play video|watch video|listen(?: to this article)?|vorlesen|beitrag anhören|"
    r"artikel anhören|ihr browser ist veraltet\b.*|(?:we apologize, but )?this video has failed to load\b.*|"
    r"try refreshing your browser\b.*|video player is loading|loaded: ?\d+(?:[.,]\d+)? ?%|"
    r"(?:duration|current time|remaining time) -?\d{1,2}:\d{2}|"
    r"(?:image|photo|picture|bild|foto|slide) \d+ (?:of|von|de|di|/) \d+|"
    r"we'?ve detected (?:that )?you(?:'re| are) (?:on|using) .{0,100}|"
    r".{0,60}please (?:update|upgrade) (?:to a (?:modern|newer|supported) browser|your browser)\b.{0,40}|"
    r"(?:an error|something went wrong)(?: has)?(?: occurred)?\W+(?:please )?(?:try again|reload|refresh)\b"
    r".{0,30})\W*$",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- text patterns

# One of these is in every read time READ_TIME finds: a cheap test before the costly pattern.
READ_TIME_WORDS = ("read", "lese", "lectur", "lettura", "leitura", "okuma", "leestijd", "lesetid", "läs", "czyt")
READ_TIME = re.compile(
    r"(?:\b\d+(?:[.,]\d+)?\s*(?:hrs?|hours?)\s*)?\b\d+(?:[.,]\d+)?\s*(?:min(?:ute)?s?|minuten|minutes|minutos|minuti|"
    r"dk|dakika|分|분|sec(?:ond)?s?)\.?\s*"
    r"(?:read(?:ing)?(?:\s+time)?|lesezeit|lesedauer|de lecture|de lectura|di lettura|de leitura|okuma|leestijd|"
    r"lesetid|läsning|läsetid|czytania)\b"
    r"|(?:reading time|read time|lesezeit|lesedauer|temps de lecture|lectura|tiempo de lectura|tempo di lettura|"
    r"tempo de leitura|okuma süresi|leestijd|lesetid|läsetid|czas czytania)\s*:?\s*(?:ca\.?\s*)?\d+\s*"
    r"(?:min(?:ute)?s?|minuten|minutes|minutos|minuti|dk|dakika|min\.?)\b",
    re.IGNORECASE,
)
CREDIT_PREFIX = re.compile(
    r"(?:^|[\s(\[|/])(?:photo(?:graph)?s?|image(?:\s+source)?|picture|credit|source|foto(?:s|grafie)?|bild(?:quelle)?|"
    r"quelle|fotó|imagen|immagine|crédit(?:o)?s?|©|\(c\)|copyright)\s*(?::|by|von|de|di|\u00a9)\s*(.+?)[)\]]?\s*$",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(.+?)\s*$", re.IGNORECASE)
# The word a byline starts with ("By", "Von", "Par"...), as a regular-expression alternation: the
# byline patterns of the walk, the metadata and the dates are built on it, each adding its own.
BYLINE_WORDS = "by|von|par|por|di|door|av|af"
BYLINE_PREFIX = re.compile(rf"^\s*(?:{BYLINE_WORDS}|da|przez|written by|text:|texto:)\s+", re.IGNORECASE)
