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
                                     "--format atom", "--format html", "JOBDIR", "crontab"])
def test_readme_covers(command):
    assert command in README
