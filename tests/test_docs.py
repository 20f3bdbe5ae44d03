"""The README against the code: a setting or a command that is not documented fails here."""

from __future__ import annotations

import pytest

from crawler import settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(n for n in vars(settings) if n.startswith("NEWSDESK_")))
def test_every_newsdesk_setting_is_in_the_readme(name):
    assert f"`{name}`" in README, f"add {name} to the settings table in README.md"


@pytest.mark.parametrize("command", ["scrapy report", "scrapy export", "sqlite-utils search", "make browse",
                                     "--format atom", "--format html", "JOBDIR", "crontab",
                                     "scrapy extract", "--explain", "same_output.py"])
def test_readme_covers(command):
    assert command in README


@pytest.mark.parametrize("module", sorted(p.name for p in (ROOT / "crawler" / "extract").glob("*.py")))
def test_every_extractor_module_is_in_the_readmes_module_map(module):
    assert f"\n{module}  " in README or f"\n{module} " in README, (
        f"add crawler/extract/{module} to the module map under 'How the extractor reads a page' in README.md")
