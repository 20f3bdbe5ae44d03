"""bench/same_output.py: the byte-identical check every refactor of the extractor runs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT

SCRIPT = ROOT / "bench" / "same_output.py"


def line(page_id: str, body: str = "Text.", published: str | None = None, raw: str | None = None,
         fetched_at: str | None = None) -> str:
    article = {"body": body, "published_raw": raw, "published_at": published, "fetched_at": fetched_at}
    return json.dumps({"id": page_id, "body": body, "published": published, "article": article})


def run(tmp_path, old: list[str], new: list[str], *options: str) -> subprocess.CompletedProcess:
    (tmp_path / "old.jsonl").write_text("\n".join(old) + "\n")
    (tmp_path / "new.jsonl").write_text("\n".join(new) + "\n")
    return subprocess.run([sys.executable, str(SCRIPT), *options, str(tmp_path / "old.jsonl"),
                           str(tmp_path / "new.jsonl")], capture_output=True, text=True, timeout=60)


def test_same_lines_in_another_order_are_the_same(tmp_path):
    done = run(tmp_path, [line("a"), line("b")], [line("b"), line("a")])
    assert done.returncode == 0, done.stdout
    assert "2 pages byte-identical" in done.stdout


def test_a_changed_field_names_the_page_and_the_field(tmp_path):
    done = run(tmp_path, [line("a"), line("b")], [line("a"), line("b", body="Other text.")])
    assert done.returncode == 1
    assert "b: article.body, body" in done.stdout
    assert "a:" not in done.stdout


@pytest.mark.parametrize("old, new, said", [
    ([line("a"), line("b")], [line("a")], "b: only in the old run"),
    ([line("a")], [line("a"), line("c")], "c: only in the new run"),
])
def test_a_page_missing_from_one_run_fails(tmp_path, old, new, said):
    done = run(tmp_path, old, new)
    assert done.returncode == 1
    assert said in done.stdout


def test_spacing_alone_is_a_difference(tmp_path):
    done = run(tmp_path, [line("a")], [json.dumps(json.loads(line("a")), indent=1).replace("\n", " ")])
    assert done.returncode == 1
    assert "(key order or spacing)" in done.stdout


def test_a_relative_date_anchored_on_the_clock_is_counted_apart(tmp_path):
    old = [line("a", published="2026-08-02T13:14:27+00:00", raw="4 months ago")]
    new = [line("a", published="2026-08-02T13:16:23+00:00", raw="4 months ago")]
    done = run(tmp_path, old, new)
    assert done.returncode == 0, done.stdout
    assert "1 the same but for the clock" in done.stdout
    assert run(tmp_path, old, new, "--strict").returncode == 1


def test_a_date_that_moved_with_a_fetch_time_is_a_difference(tmp_path):
    when = "2023-04-28T20:32:15+00:00"
    old = [line("a", published="2023-04-28T13:00:00+00:00", raw="7 hours ago", fetched_at=when)]
    new = [line("a", published="2023-04-28T14:00:00+00:00", raw="7 hours ago", fetched_at=when)]
    assert run(tmp_path, old, new).returncode == 1


def test_a_file_that_is_not_json_lines_is_one_line_and_exit_2(tmp_path):
    done = run(tmp_path, ["not json"], [line("a")])
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
