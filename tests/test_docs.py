"""The README against the code: a setting or a command that is not documented fails here."""

from __future__ import annotations

import pytest

from crawler import outcome, settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(n for n in vars(settings) if n.startswith("NEWSDESK_")))
def test_every_newsdesk_setting_is_in_the_readme(name):
    assert f"`{name}`" in README, f"add {name} to the settings table in README.md"


@pytest.mark.parametrize("command", ["scrapy report", "scrapy export", "sqlite-utils search", "make browse",
                                     "--format atom", "--format html", "JOBDIR", "crontab",
                                     "scrapy extract", "--explain", "same_output.py", "scrapy watch", "--watch",
                                     "## Stories", "## Watches"])
def test_readme_covers(command):
    assert command in README


@pytest.mark.parametrize("reason", sorted(outcome.FAILED))
def test_every_failing_finish_reason_is_in_the_exit_status_table(reason):
    assert f"`{reason}`" in README and "### Exit status of `scrapy crawl`" in README


def test_readme_says_to_use_the_venv_and_names_the_default_export_folder():
    assert ". .venv/bin/activate" in README and ".venv/bin/scrapy" in README
    assert "newsdesk-export/" in README
    assert "newsdesk-export/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_readme_explains_the_demo_404():
    assert "this-story-was-removed" in README
    assert "this-story-was-removed" in (ROOT / "tests" / "site" / "sitemaps" / "posts.xml").read_text(encoding="utf-8")


def test_the_bench_extra_brings_what_trafilatura_needs():
    """trafilatura imports lxml.html.clean, a package of its own (lxml_html_clean) since lxml 5.2."""
    import lxml_html_clean  # noqa: F401
    import trafilatura
    from lxml.html.clean import Cleaner  # noqa: F401

    page = "<html><body><article><h1>Title</h1>" + "<p>Some words of the article, long enough to keep.</p>" * 5
    text = trafilatura.extract(page + "</article></body></html>")
    assert text and "Some words of the article" in text

@pytest.mark.parametrize("module", sorted(p.name for p in (ROOT / "crawler" / "extract").glob("*.py")))
def test_every_extractor_module_is_in_the_readmes_module_map(module):
    assert f"\n{module}  " in README or f"\n{module} " in README, (
        f"add crawler/extract/{module} to the module map under 'How the extractor reads a page' in README.md")
