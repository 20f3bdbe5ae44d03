"""clean_authors(raw) -> (people, organisations): bylines as pages write them, turned into names.

What pages give: byline strings ("By Jane Doe and John Smith", "Von Max Mustermann und Erika
Musterfrau, dpa", "Jane Doe | Reuters", "JANE DOE", "Reporting by …; Editing by …"), meta values,
and JSON-LD ``author`` values — a string, an object, a list, nested ``Person``/``Organization``
objects (the extractor flattens most of these to strings already; both shapes are read here).

What comes out: people in byline order, each once, in their written case (ALL CAPS is title-cased);
and the agencies and organisations credited (dpa, Reuters, "Redaktion hessenschau.de", the site
itself), each once. Credits that are not authorship — editing, photos, graphics, translation, job
titles, places, comment-form labels that leak into bylines — are dropped, not guessed into names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from .date_words import MONTHS, WEEKDAY_NUMBERS

# News agencies, as bylines write them (compared case-folded, "the" dropped).
AGENCIES = frozenset(
    """dpa afp ap reuters apa kna epd sid efe ansa ddp anp ntb tt ritzau pap ctk čtk mti bta belga sda keystone-sda
    upi xinhua kyodo yonhap anadolu aa iha dha aap cp pti ani ians tass interfax ukrinform lusa adnkronos agi
    dts afx dpa-afx awp sputnik notimex telam newsis news1 jiji bloomberg""".split()
) | frozenset(
    (
        "associated press", "ap news", "agence france-presse", "agence france presse", "anadolu ajansı",
        "anadolu agency", "press association", "pa media", "australian associated press", "canadian press",
        "kyodo news", "jiji press", "europa press", "yonhap news agency", "bloomberg news", "dow jones",
        "agencia efe", "agência brasil", "agenzia nova", "reuters staff", "afp deutschland", "dpa-infocom",
        "연합뉴스", "뉴시스", "共同通信", "時事通信", "新华社",
        "agencies", "agenturen", "agences", "agencias", "agenzie",
    )
)
# Words that make a credit an organisation, not a person ("BR24 Redaktion", "n-tv Nachrichten").
_ORG_WORDS = frozenset(
    """redaktion redaktionen rédaction redaccion redacción redazione redação redacao redactie redaksjon redakcja
    editorial newsroom desk staff team agency agentur nachrichten zeitung news media online tv radio magazine magazin
    times verlag gmbh ltd inc llc press herald tribune gazette journal daily weekly network group gazetesi""".split()
)
_CJK_ORG_WORDS = ("新聞", "通信", "放送", "編集部", "신문", "뉴스", "방송", "일보", "편집부")  # no spaces to split on
# Job titles after a name ("Jane Doe, Staff Writer"): dropped, they are not names.
_JOB_WORDS = frozenset(
    """writer reporter correspondent editor columnist contributor journalist photographer analyst producer
    korrespondent korrespondentin redakteur redakteurin autor autorin journalistin reporterin fotograf fotografin
    correspondant correspondante journaliste rédacteur rédactrice corresponsal redactor redactora periodista
    giornalista corrispondente inviato inviata jornalista correspondente redacteur verslaggever muhabir muhabiri
    dziennikarz dziennikarka korespondent redaktør senior chief deputy special political foreign associate
    contributing executive managing freelance freie freier leitender stellvertretender""".split()
)
# Degrees and credentials written after a name ("Jane Doe, MS, RD", "John Roe, Ph.D."): not names.
_CREDENTIALS = frozenset(
    """md phd ms msc ma ba bs bsc rd rdn ld ldn rn np mph mba jd dds dmd dvm pharmd cpt cscs cde cdces
    facs facp faan mrcp frcp dipl mag""".casefold().split()
)
_PARTICLES = frozenset(
    "von van der den de del della di da du le la dos das bin bint al el ter ten zu y e of af".split()
)

_NON_AUTHOR_ROLES = (
    r"edit(?:ing|ed)|editor|graphics?|photos?|photography|photographs?|fotos?|bilder?|images?|pictures?|video|"
    r"illustrations?|translat(?:ion|ed)|übersetzung|produc(?:tion|ed)|design|fact[- ]check(?:ing|ed)|"
    r"grafik|montage|kamera|schnitt|mise en page|traduction|traducción|traduzione|lektorat"
)
_AUTHOR_ROLES = (
    r"additional reporting|reporting|reported|writing|written|text|texte|testo|tekst|story|words|interview|"
    r"compiled|research|recherche|mitarbeit|with (?:additional )?reporting|analysis|"
    r"commentary|kommentar|analyse"
)
_ROLE = re.compile(
    rf"^\s*(?:(?:(?P<drop>{_NON_AUTHOR_ROLES})|(?P<keep>{_AUTHOR_ROLES}))\s*(?:by|von|par|por|di|door|av|af|:)\s*"
    r"|(?:mit material (?:von|der|des)|with material from)\s+)",
    re.IGNORECASE,
)
_ROLE_SPLIT = re.compile(  # "Reporting by A, editing by B", "… Editing by B", "… mit Material von dpa": one clause each
    rf"[,.]\s+(?=(?i:{_NON_AUTHOR_ROLES}|{_AUTHOR_ROLES})\s*(?i:by|von|par|por|:)\s)"
    r"|(?<![Aa]dditional)\s+(?=(?:Editing|Edited|Reporting|Additional reporting|Writing|Photos?|Graphics) by\s)"
    r"|\s+(?=(?i:mit material (?:von|der|des)|with (?:additional )?reporting by)\s)"
)
_PREFIX = re.compile(
    r"^\s*(?:(?i:written|reported|text|story|words|interview|posted)\s+)?"
    r"(?:(?i:by|von|par|por|door|av|af|przez|yazan|from|authors?|autor(?:in|en)?|auteur|autore|yazar|texte?)|di)"
    r"\s*[:：]?(?:\s+|$)",
)
_LEAD_IN = re.compile(  # "capital von Jemima Kelly", "Ein Kommentar von …": a lower-case or label lead-in
    r"^(?:(?:[a-zà-ɏ][\w-]*|(?i:a|an|the|ein|eine|kommentar|analyse|analysis|opinion|column|essay|gastbeitrag|"
    r"interview))\s+){1,3}(?i:by|von|par|por|door)\s+(?=\S)",
)
_BRACKETS = re.compile(r"\s*[(\[（【]([^)\]）】]*)[)\]）】]")
_CLAUSES = re.compile(r"\s*(?:;|\n|\s\|\s|\s[·•]\s)\s*")
_CONJUNCTIONS = re.compile(
    r"\s*(?:&|\+|/|\||・|、|，|\s(?:and|und|et|y|e|en|og|och|ve|i|und von|and by|with)\s)\s*", re.IGNORECASE
)
_SUFFIX_TITLE = re.compile(r"\s*(?:기자|특파원|논설위원|선임기자|記者|特派員|編集委員|通信員)\s*$")
_PLACE = re.compile(r"\s+(?:in|aus|from|à|en|a|em)\s+[A-ZÀ-Þ][\w .-]*$")  # "Jane Doe in London"
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,4}$")  # "LTO", "NDR": a name of four capitals or fewer is no person's
_MONTH_WORDS = "|".join(sorted({m for ms in MONTHS.values() for m in ms}, key=len, reverse=True))
_TRAILING_DATE = re.compile(r"(?:\s+(?:" + _MONTH_WORDS + r")\.?)+$", re.IGNORECASE)
# A dateline run into the byline: a label or a weekday, then a date ("Kevin Roe Published 7:07 PM EST
# Nov 19", "Malcolm Owen Monday, November 18, 2019"); from there to the end, it is no name.
_DATED_TAIL = re.compile(
    r"\s+(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|"
    r"pubblicato|aggiornato|" + "|".join(w for w in WEEKDAY_NUMBERS if w.isalpha() and len(w) > 3) + r")"
    r"[\s,:]+(?:\d|(?:" + _MONTH_WORDS + r")\b).*$",
    re.IGNORECASE | re.DOTALL,
)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_HANDLE = re.compile(r"\s+@\w+$")
_THE_END = re.compile(r"(?:^|\s+)the\s*$", re.IGNORECASE)
# A multi-word agency name closing a credit: "Jane Doe Associated Press", "JOHN ROE The Canadian Press".
_AGENCY_TAIL = re.compile(
    r"\s(?:the\s+)?(" + "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True) if " " in a) + r")$",
    re.IGNORECASE,
)
_URL = re.compile(r"^(?:https?:|www\.)|^\S+@\S+$", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"[@*#=<>{}|:：]|https?:|www\.")
_ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "newsagency", "ngo"})
_SPACES = re.compile(r"\s+")
_EDGE = " ,.;:|-–—()[]\"'“”„«»/\\·•"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"^the\s+", "", text)
    return _SPACES.sub(" ", re.sub(r"[^\w.-]+", " ", text)).strip()


def _title_case(name: str) -> str:
    """JANE DOE → Jane Doe, O'NEIL → O'Neil, JEAN-LUC VAN DAMME → Jean-Luc van Damme."""
    if not (name.isupper() and len(name) > 3):
        return name
    words = []
    for i, word in enumerate(name.lower().split()):
        if i and word in _PARTICLES:
            words.append(word)
        else:
            words.append(re.sub(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(), word))
    return " ".join(words)


# Agency names that lead a longer credit even in Title case ("Reuters Staff"); shorter ones must be
# written as an acronym or in lower case ("AFP Deutschland", "dpa-infocom"), since "Ani", "Efe" or
# "Sid" may start a person's name.
_DISTINCT_AGENCIES = frozenset("reuters bloomberg xinhua kyodo yonhap anadolu interfax ukrinform adnkronos".split())


def is_agency(name: str) -> bool:
    """A news agency: listed, or a credit led by a listed agency name ("AFP Deutschland", "dpa-infocom")."""
    folded = _fold(name)
    if folded in AGENCIES:
        return True
    first = re.split(r"[\s-]", name.strip(), maxsplit=1)[0]
    if first == name.strip() or first.casefold() not in AGENCIES:
        return False
    return first.casefold() in _DISTINCT_AGENCIES or first != first.capitalize()


def _is_organization(name: str, known: set[str]) -> bool:
    folded = _fold(name)
    if folded in known or _DOMAIN.match(name):
        return True
    if any(word in folded for word in _CJK_ORG_WORDS):
        return True
    return any(word in _ORG_WORDS for word in re.split(r"[\s-]+", folded))


def _is_person(name: str) -> bool:
    if _NOT_A_NAME.search(name) or any(c.isdigit() for c in name) or len(name) > 60:
        return False
    words = name.split()
    if len([w for w in words if w.casefold() not in _PARTICLES]) > 5:
        return False
    if len(words) > 1 and any(w[0].isupper() for w in words):
        # "Please enter your name here": lower-case words that are no name particles
        if any(w[0].islower() and w.casefold() not in _PARTICLES for w in words if w[0].isalpha()):
            return False
    return True


def _flatten(value: object, out: list[tuple[str, bool]], depth: int = 0) -> None:
    """JSON-LD shapes and plain strings → (text, is_organization) in order."""
    if depth > 5 or value is None:
        return
    if isinstance(value, str):
        out.append((value, False))
    elif isinstance(value, Mapping):
        if "@graph" in value:
            _flatten(value["@graph"], out, depth + 1)
            return
        types = value.get("@type") or ()
        types = {t.casefold() for t in ([types] if isinstance(types, str) else types) if isinstance(t, str)}
        name = value.get("name")
        if isinstance(name, list):
            name = next((n for n in name if isinstance(n, str)), None)
        if not isinstance(name, str) or not name.strip():
            parts = [value.get(k) for k in ("givenName", "additionalName", "familyName")]
            name = " ".join(p for p in parts if isinstance(p, str) and p.strip())
        if name:
            out.append((name, bool(types & _ORGANIZATION_TYPES) and "person" not in types))
        elif "author" in value:
            _flatten(value["author"], out, depth + 1)
    elif isinstance(value, Iterable):
        for item in value:
            _flatten(item, out, depth + 1)


def _parts(clause: str) -> Iterable[tuple[str, bool]]:
    """(name, first in its comma list) for each name-like piece of one byline clause."""
    for chunk in _CONJUNCTIONS.split(clause):
        for i, part in enumerate(chunk.split(",")):
            yield part, i == 0


def clean_authors(
    raw: Iterable[object] | Mapping | str | None, known_organizations: Iterable[str | None] = ()
) -> tuple[list[str], list[str]]:
    """People in byline order without duplicates, and the agencies/organisations credited.

    ``raw`` is what the extractor found: byline strings, or JSON-LD author values. A credit equal
    to one of ``known_organizations`` (the site's name, the JSON-LD publisher) is an organisation.
    """
    known = {_fold(k) for k in known_organizations if k}
    people: list[str] = []
    orgs: list[str] = []
    seen: set[str] = set()

    def add(name: str, organization: bool) -> None:
        name = _SPACES.sub(" ", name).strip(_EDGE)
        if not name:
            return
        if not organization:
            name = _title_case(name)
        key = _fold(name)
        if key and key not in seen:
            seen.add(key)
            (orgs if organization else people).append(name)

    entries: list[tuple[str, bool]] = []
    _flatten([raw] if isinstance(raw, (str, Mapping)) else raw or (), entries)
    for entry, organization in entries:
        entry = _SPACES.sub(" ", unicodedata.normalize("NFKC", entry)).strip()
        if organization:
            add(entry, True)
            continue
        if _URL.search(entry):  # a profile link, not a name
            continue
        for bracketed in _BRACKETS.findall(entry):  # "(dpa)" is credited, "(obe)" or "(Image: Getty)" is not
            if is_agency(bracketed.strip(_EDGE)):
                add(bracketed, True)
            elif _DOMAIN.match(bracketed.strip(_EDGE).removeprefix("www.")):  # "Deutsche Welle (www.dw.com)"
                organization = True
        entry = _DATED_TAIL.sub("", _BRACKETS.sub("", entry))
        if organization:
            add(entry, True)
            continue
        for clause in _CLAUSES.split(_ROLE_SPLIT.sub("; ", entry)):
            role = _ROLE.match(clause)
            if role and role.group("drop"):
                continue
            clause = clause[role.end():] if role else clause
            clause = _LEAD_IN.sub("", _PREFIX.sub("", clause).strip())
            for part, first in _parts(clause):
                _part(_PREFIX.sub("", part).strip(_EDGE), first, known, add)
    return people, orgs


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _site_in_credit(name: str, known: set[str], first: bool, add) -> bool:
    """The site's own name in a credit: after the writer's ("Jane Doe USA TODAY" on usatoday.com),
    split off as the organisation; followed by a section ("CNN Business" on CNN), the site's credit."""
    sites = {c for c in map(_compact, known) if len(c) >= 3}
    words = name.split()
    if len(words) < 2 or not sites:
        return False
    for i in range(2, len(words)):
        if _compact("".join(words[i:])) in sites and _is_person(" ".join(words[:i])):
            _part(" ".join(words[:i]), first, known, add)
            add(" ".join(words[i:]), True)
            return True
    for j in range(1, len(words)):
        if _compact("".join(words[:j])) in sites and len(words) - j <= 2:
            add(name, True)
            return True
    return False


# Words of a page's template that leak into bylines, never a name: a date's label or its month or
# weekday alone ("Updated", "Jul", "Sat"), a login link ("Member Login").
_DATE_LABELS = frozenset("updated published posted modified aktualisiert veröffentlicht publié actualizado".split())
_CALENDAR_WORDS = (frozenset(m for ms in MONTHS.values() for m in ms) | {w for w in WEEKDAY_NUMBERS if w.isalpha()}
                   | frozenset("mon tue tues wed thu thur thurs fri sat sun".split()))
_UI_WORDS = frozenset("login logout signin sign-in subscribe newsletter menu search".split())
_AUTHOR_LABELS = frozenset(("the author", "about the author", "author bio", "full bio", "view bio", "bio", "admin",
                            "administrator"))
# A template's field name left unfilled: "page.head.extra.author", "post.author.name".
_PLACEHOLDER = re.compile(r"^[a-z_]+(?:\.[a-z_]+){1,}\.(?:author|authors|name|byline|creator|title)$", re.IGNORECASE)
_GLUED_BY = re.compile(r"^(?:by|von)(?=[A-ZÀ-Þ][a-zß-ÿ])")  # "byClemson News"
_SPONSORED_TAIL = re.compile(r"\s+(?:sponsored|advertorial|anzeige)$", re.IGNORECASE)


def _template_word(name: str) -> bool:
    """A byline word of the page's template, not a name (``pipelines.authors`` junk filter)."""
    folded = name.casefold().strip(_EDGE)
    words = set(re.split(r"[\s.]+", folded))
    return (folded in _DATE_LABELS or folded in _CALENDAR_WORDS or folded in _AUTHOR_LABELS or bool(words & _UI_WORDS)
            or bool(_PLACEHOLDER.match(folded)))


def _part(name: str, first: bool, known: set[str], add) -> None:
    if not name:
        return
    name = _SPONSORED_TAIL.sub("", _GLUED_BY.sub("", name))
    if _template_word(name):
        return
    name = _SUFFIX_TITLE.sub("", name)
    if len(name.split()) > 2:  # "Jane Doe 05. Mai 2024", "Jane Doe June 19, 2023": the date goes
        name = _TRAILING_DATE.sub("", re.split(r"\s+\d", name, maxsplit=1)[0])
    name = _PLACE.sub("", name).strip(_EDGE)
    if not name:
        return
    name = _HANDLE.sub("", name)  # "Jane Doe @janedoe"
    agency = _AGENCY_TAIL.search(name)
    writer = _THE_END.sub("", name[: agency.start()]).strip(_EDGE) if agency else ""
    if len(writer.split()) >= 2 and _is_person(writer):
        # "Jane Doe Associated Press": the writer, then the agency she writes for.
        _part(writer, first, known, add)
        add(agency.group(1), True)
        return
    words = [w.casefold().strip(_EDGE) for w in re.split(r"[\s-]+", name)]
    if not first and name.replace(".", "").casefold() in _CREDENTIALS:
        return  # "Jane Doe, MS, RD"
    if _fold(name) in AGENCIES:
        add(name, True)
    elif any(w in _JOB_WORDS for w in words) and not (
        any(w in _ORG_WORDS for w in words) and any(w not in _JOB_WORDS and w not in _ORG_WORDS for w in words)
    ):
        return  # "Staff Writer", "AP Sports Writer", "Editor-at-large"; but "Guardian staff reporter" is the paper's
    elif known and _site_in_credit(name, known, first, add):
        return
    elif is_agency(name):
        add(name, True)
    elif _is_organization(name, known) or _ACRONYM.match(name):
        if len(name) <= 60 and len(words) <= 6:
            add(name, True)
    elif not first and len(name.split()) == 1 and name[0].isupper() and not name.isupper():
        return  # "Jane Doe, London": a place after a name
    elif _is_person(name):
        add(name, False)
