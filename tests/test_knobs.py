"""crawler.knobs: each setting declared once, parsed at start-up, and the README's table made from it."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from crawler import knobs, settings
from crawler.spiders.news import NewsSpider

from .conftest import ROOT


def test_every_newsdesk_name_in_the_settings_module_is_declared():
    names = {n for n in vars(settings) if n.startswith(knobs.PREFIX)}
    assert names == {k.name for k in knobs.KNOBS if k.name.startswith(knobs.PREFIX)}, (
        "declare NEWSDESK_* settings in crawler/knobs.py (crawler/settings.py takes their defaults from there)")


def test_the_project_settings_hold_the_declared_defaults():
    project = get_project_settings()
    for knob in knobs.KNOBS:
        assert project.get(knob.name) == knob.default, knob.name


@pytest.mark.parametrize(
    "knob, value, parsed",
    [
        (knobs.MAX_HOPS, "3", 3), (knobs.MAX_HOPS, 0, 0), (knobs.MAX_HOPS, " 1 ", 1),
        (knobs.INCREMENTAL, "False", False), (knobs.INCREMENTAL, "0", False), (knobs.INCREMENTAL, "yes", True),
        (knobs.INCREMENTAL, True, True), (knobs.REVISIT_HOURS, "1.5", 1.5), (knobs.DB, "x.db", "x.db"),
        (knobs.DOWNLOAD_MAXSIZE, "1048576", 1048576),
    ],
)
def test_values_parse(knob, value, parsed):
    assert knob.parse(value) == parsed


@pytest.mark.parametrize(
    "knob, value, message",
    [
        (knobs.MAX_HOPS, "two", "bad setting NEWSDESK_MAX_HOPS='two': not a whole number"),
        (knobs.MAX_HOPS, "1.5", "bad setting NEWSDESK_MAX_HOPS='1.5': not a whole number"),
        (knobs.MAX_HOPS, "-1", "bad setting NEWSDESK_MAX_HOPS='-1': must be at least 0"),
        (knobs.INCREMENTAL, "maybe", "bad setting NEWSDESK_INCREMENTAL='maybe': not True or False"),
        (knobs.INCREMENTAL, 2, "bad setting NEWSDESK_INCREMENTAL=2: not True or False"),
        (knobs.REVISIT_HOURS, "a day", "bad setting NEWSDESK_REVISIT_HOURS='a day': not a number"),
        (knobs.BATCH_SIZE, True, "bad setting NEWSDESK_BATCH_SIZE=True: not a whole number"),
        (knobs.EXTRACTOR, "nowhere.at_all", "bad setting NEWSDESK_EXTRACTOR='nowhere.at_all': no such function or "
                                            "class to import"),
    ],
)
def test_values_that_do_not_parse_name_the_setting_and_the_value(knob, value, message):
    with pytest.raises(knobs.BadSetting) as caught:
        knob.parse(value)
    assert str(caught.value) == message


def test_an_unset_knob_reads_its_declared_default():
    assert knobs.MAX_HOPS.get(Settings()) == 2
    assert knobs.MAX_HOPS.get(Settings({"NEWSDESK_MAX_HOPS": "5"})) == 5


@pytest.mark.parametrize(
    "name, warning",
    [
        ("NEWSDESK_MAX_HOP", "unknown setting NEWSDESK_MAX_HOP (did you mean NEWSDESK_MAX_HOPS?): ignored"),
        ("NEWSDESK_BATCHSIZE", "unknown setting NEWSDESK_BATCHSIZE (did you mean NEWSDESK_BATCH_SIZE?): ignored"),
        ("NEWSDESK_COLOUR", "unknown setting NEWSDESK_COLOUR: ignored"),
    ],
)
def test_unknown_names_are_warned_with_the_nearest_known_one(name, warning):
    assert knobs.check(Settings({name: "1"})) == [warning]


def test_known_names_and_other_settings_are_not_warned():
    assert knobs.check(Settings({"NEWSDESK_MAX_HOPS": "1", "DOWNLOAD_DELAY": "2", "SOMETHING_ELSE": "x"})) == []


def test_components_read_the_knobs(tmp_path):
    crawler = get_crawler(NewsSpider, {"NEWSDESK_MAX_HOPS": "0", "NEWSDESK_REVISIT_HOURS": "1.5",
                                       "NEWSDESK_DB": str(tmp_path / "k.db")})
    spider = NewsSpider.from_crawler(crawler, start_urls="https://example.org/")
    assert spider.max_hops == 0 and spider.revisit_window.total_seconds() == 5400


def test_the_readme_settings_table_is_made_from_the_declaration():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert knobs.with_table(readme) == readme, (
        "the settings table in README.md is stale: run `.venv/bin/python -m crawler.knobs --update-readme`")
    for knob in knobs.KNOBS:
        assert f"| `{knob.name}` |" in readme
