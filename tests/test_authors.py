"""clean_authors: bylines and JSON-LD author values turned into people and organisations."""

from __future__ import annotations

import pytest

from crawler.items import Article
from pipelines.authors import clean_authors
from pipelines.normalize import normalize_article


@pytest.mark.parametrize(
    "raw, people, organizations",
    [
        # bylines as pages write them
        (["By Jane Doe and John Smith"], ["Jane Doe", "John Smith"], []),
        (["by Jane Doe"], ["Jane Doe"], []),
        (["Von Max Mustermann und Erika Musterfrau, dpa"], ["Max Mustermann", "Erika Musterfrau"], ["dpa"]),
        (["Jane Doe | Reuters"], ["Jane Doe"], ["Reuters"]),
        (["JANE DOE"], ["Jane Doe"], []),
        (["O'NEIL, JEAN-LUC VAN DAMME"], ["O'Neil", "Jean-Luc van Damme"], []),
        (["Jane Doe, John Smith and Mary Major"], ["Jane Doe", "John Smith", "Mary Major"], []),
        (["Jane Doe & John Smith"], ["Jane Doe", "John Smith"], []),
        (["Par Marie Dupont et Jean Martin"], ["Marie Dupont", "Jean Martin"], []),
        (["Por Ana García y Luis Pérez"], ["Ana García", "Luis Pérez"], []),
        (["di Mario Rossi e Anna Bianchi"], ["Mario Rossi", "Anna Bianchi"], []),
        (["Door Jan de Vries en Piet Jansen"], ["Jan de Vries", "Piet Jansen"], []),
        (["Av Anna Svensson och Erik Berg"], ["Anna Svensson", "Erik Berg"], []),
        (["홍길동 기자"], ["홍길동"], []),
        (["山田太郎、鈴木花子"], ["山田太郎", "鈴木花子"], []),
        (["Jane Doe (dpa)"], ["Jane Doe"], ["dpa"]),
        (["Jane Doe and John Smith, The Associated Press"], ["Jane Doe", "John Smith"], ["The Associated Press"]),
        (["Von Max Mustermann, mit Material von dpa und AFP"], ["Max Mustermann"], ["dpa", "AFP"]),
        # an agency run into the writer's name, a job title after it, a handle
        (["Tom Davies Associated Press"], ["Tom Davies"], ["Associated Press"]),
        (["JANE ROE The Canadian Press"], ["Jane Roe"], ["Canadian Press"]),
        (["Greg Beacham, AP Sports Writer"], ["Greg Beacham"], []),
        (["Chris Doe, CNN Editor-at-large"], ["Chris Doe"], []),
        (["Jane Doe @janedoe"], ["Jane Doe"], []),
        (["By Jane Doe | The Associated Press"], ["Jane Doe"], ["The Associated Press"]),
        (["Associated Press"], [], ["Associated Press"]),
        # roles: reporters and writers are authors; editors, photographers and the like are not
        (["Reporting by Jane Doe; Editing by John Smith"], ["Jane Doe"], []),
        (["Reporting by Jane Doe in London; Additional reporting by Max Roe; Editing by John Smith"],
         ["Jane Doe", "Max Roe"], []),
        (["Reporting by Jane Doe, editing by John Smith"], ["Jane Doe"], []),
        (["Text: Jane Doe; Fotos: John Smith"], ["Jane Doe"], []),
        (["Ein Kommentar von Jane Doe"], ["Jane Doe"], []),
        # agencies and organisations go apart
        (["dpa"], [], ["dpa"]),
        (["AFP Deutschland"], [], ["AFP Deutschland"]),
        (["dpa-infocom"], [], ["dpa-infocom"]),
        (["Reuters Staff"], [], ["Reuters Staff"]),
        (["BR24 Redaktion"], [], ["BR24 Redaktion"]),
        (["n-tv NACHRICHTEN"], [], ["n-tv NACHRICHTEN"]),
        (["hessenschau.de, Frankfurt, Germany"], [], ["hessenschau.de"]),
        (["Deutsche Welle (www.dw.com)"], [], ["Deutsche Welle"]),
        (["Guardian staff reporter"], [], ["Guardian staff reporter"]),
        (["LTO"], [], ["LTO"]),
        # what is not a name is dropped
        (["Jane Doe, Staff Writer"], ["Jane Doe"], []),
        (["By JANE DOE, Washington Correspondent"], ["Jane Doe"], []),
        (["Jane Doe, London"], ["Jane Doe"], []),
        (["Jane Doe, MS, RD", "John Roe, Ph.D."], ["Jane Doe", "John Roe"], []),  # credentials
        # a dateline run into the byline: a label or a weekday, then a date
        (["By Jane Doe and John Roe Monday, November 18, 2019, 04:05 pm PT"], ["Jane Doe", "John Roe"], []),
        (["Jane Doe Published 7:07 PM EST Nov 19, 2019"], ["Jane Doe"], []),
        (["Anna Lena Freitag", "Ana María Domingo"], ["Anna Lena Freitag", "Ana María Domingo"], []),
        (["Jane Doe, NDR"], ["Jane Doe"], ["NDR"]),
        (["Elena Oberholzer (obe)", "Corina Gall (cog.)"], ["Elena Oberholzer", "Corina Gall"], []),
        (["by Stephanie Bazzle June 19, 2023"], ["Stephanie Bazzle"], []),
        (["Emma Mackenzie", "(Image: Getty Images/iStockphoto)"], ["Emma Mackenzie"], []),
        (["By", "Timo Shihepo", "Name:* Please enter your name here", "Name *"], ["Timo Shihepo"], []),
        (["jane@example.com", "https://example.com/jane"], [], []),
        # duplicates dropped, order kept; names that only look like prefixes or agencies stay
        (["Jane Doe", "jane doe", "JANE DOE", "John Smith", "Jane Doe"], ["Jane Doe", "John Smith"], []),
        (["Ursula von der Leyen"], ["Ursula von der Leyen"], []),
        (["Di Wang"], ["Di Wang"], []),
        (["Ani Smith", "Efe Kaya"], ["Ani Smith", "Efe Kaya"], []),
        (["amw"], ["amw"], []),
        ([], [], []),
        (None, [], []),
        # JSON-LD author: a string, an object, a list, nested Person / Organization objects
        ("Jane Doe", ["Jane Doe"], []),
        ({"@type": "Person", "name": "Jane Doe"}, ["Jane Doe"], []),
        ({"@type": "Person", "givenName": "Jane", "familyName": "Doe"}, ["Jane Doe"], []),
        ({"@type": "NewsMediaOrganization", "name": "Example News"}, [], ["Example News"]),
        ([{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Reuters"}],
         ["Jane Doe"], ["Reuters"]),
        ([[{"@type": ["Person"], "name": "By JANE DOE"}], {"@graph": [{"@type": "Person", "name": "John Smith"}]}],
         ["Jane Doe", "John Smith"], []),
        ({"@type": ["Person", "Organization"], "name": "Kyle Wiggers"}, ["Kyle Wiggers"], []),
        ({"@type": "Person", "name": ["Jane Doe"]}, ["Jane Doe"], []),
    ],
)
def test_clean_authors(raw, people, organizations):
    assert clean_authors(raw) == (people, organizations)


@pytest.mark.parametrize(
    "raw, site, people, organizations",
    [
        (["Der Postillon"], "Der Postillon", [], ["Der Postillon"]),
        (["Jane Doe", "Example Daily Courier"], "example daily courier", ["Jane Doe"], ["Example Daily Courier"]),
        (["Jane Doe"], None, ["Jane Doe"], []),
    ],
)
def test_the_site_itself_is_an_organisation(raw, site, people, organizations):
    assert clean_authors(raw, known_organizations=[site]) == (people, organizations)


@pytest.mark.parametrize(
    "authors, organizations, site, people, expected_orgs",
    [
        (["Von Jane Doe, dpa"], ["Example Verlag"], "Example", ["Jane Doe"], ["Example Verlag", "dpa"]),
        (["Kyle Wiggers"], ["Kyle Wiggers"], "TechSite", ["Kyle Wiggers"], []),  # person wins over a doubtful type
        (["Example"], [], "Example", [], ["Example"]),
        (["dpa", "DPA"], ["dpa"], None, [], ["dpa"]),
    ],
)
def test_normalize_article_splits_people_and_organisations(authors, organizations, site, people, expected_orgs):
    article = Article(url="https://example.com/a", authors=authors, organizations=organizations, site_name=site)
    normalize_article(article)
    assert (article.authors, article.organizations) == (people, expected_orgs)


@pytest.mark.parametrize(
    "authors, organizations, people, expected_orgs",
    [
        (["Jane Doe, Professor, Valley.example"], [], ["Jane Doe"], []),  # beside a person
        (["valley.example, Springfield"], ["Redaktion valley.example"], [], ["Redaktion valley.example"]),
        # alone, or beside a credit that is not the site's, the site's name is the credit
        (["Valley.example"], [], [], ["Valley.example"]),
        (["Valley.example with Agencies"], [], [], ["Valley.example", "Agencies"]),
    ],
)
def test_the_site_beside_other_credits_is_no_credit(authors, organizations, people, expected_orgs):
    article = Article(url="https://www.valley.example/a", authors=authors, organizations=organizations,
                      site_name="Valley Daily")
    normalize_article(article)
    assert (article.authors, article.organizations) == (people, expected_orgs)


@pytest.mark.parametrize("raw, site, people, organizations", [
    (["Kevin Roe USA TODAY"], "usatoday", ["Kevin Roe"], ["USA TODAY"]),
    (["Jill Doe, CNN Business"], "CNN", ["Jill Doe"], ["CNN Business"]),
    (["Chris Doe, CNN Editor-at-large"], "CNN", ["Chris Doe"], []),
    (["Anna Cnn Berg"], "cnn", ["Anna Cnn Berg"], []),  # the site's name inside a name is no credit
])
def test_the_sites_own_name_in_a_credit(raw, site, people, organizations):
    assert clean_authors(raw, known_organizations=[site]) == (people, organizations)


@pytest.mark.parametrize("raw, people, organizations", [
    (["Updated"], [], []),
    (["Jul"], [], []),
    (["Sat"], [], []),
    (["page.head.extra.author"], [], []),
    (["Member Login"], [], []),
    (["The Author"], [], []),
    (["byJane Doe"], ["Jane Doe"], []),
    (["Help Desk Weekly Sponsored"], [], ["Help Desk Weekly"]),
    # Names that hold such words stay names.
    (["Jun Li"], ["Jun Li"], []),
    (["May Smith"], ["May Smith"], []),
])
def test_template_words_are_no_author(raw, people, organizations):
    assert clean_authors(raw) == (people, organizations)
