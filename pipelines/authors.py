"""clean_authors(raw) -> (people, organisations): bylines as pages write them, turned into names."""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^\s*(?:(?:written|reported|text|story|words|interview|photos?|fotos?)\s+)?(?:by|von|par|por|di|da|door|av|af|przez|mit)\s*:?\s+",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b|\ben\b|・|、)\s*", re.IGNORECASE)
_ROLE = re.compile(r"^\s*(?:reporting|editing|additional reporting|writing|compiled|graphics)\s+by\s+", re.IGNORECASE)
AGENCIES = frozenset(
    "dpa afp ap reuters ans apa kna epd sid efe ansa ddp anp ntb tt ritzau pap ctk mti bta belga sda keystone-sda "
    "upi xinhua kyodo yonhap anadolu aa associated press agence france-presse".split()
)
_NOT_NAME = re.compile(r"\d|@|https?:|www\.|\.com\b", re.IGNORECASE)


def _title_case(name: str) -> str:
    if name.isupper() and len(name) > 3:
        return " ".join(part.capitalize() for part in name.split())
    return name


def clean_authors(raw: list[str] | None) -> tuple[list[str], list[str]]:
    """Person names in order, without duplicates, and the agencies/organisations found among them."""
    people: list[str] = []
    orgs: list[str] = []
    for entry in raw or ():
        for clause in re.split(r"\s*;\s*", entry or ""):
            clause = _ROLE.sub("", clause)
            clause = _PREFIX.sub("", clause).strip(" ,.;:|-–—")
            for part in _SPLIT.split(clause):
                name = _PREFIX.sub("", part).strip(" ,.;:|-–—()[]\"'")
                if not name:
                    continue
                if name.casefold() in AGENCIES:
                    if name not in orgs:
                        orgs.append(name)
                    continue
                if _NOT_NAME.search(name) or len(name) > 60 or len(name.split()) > 5:
                    continue
                name = _title_case(name)
                if name.casefold() not in {p.casefold() for p in people}:
                    people.append(name)
    return people, orgs
