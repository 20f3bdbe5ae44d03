"""Regression gate: bench/extract.py scored by ../shared/benchmarks/score.py must not fall below
the floors pinned in bench/floors.json (less a small margin), as trafilatura's eval gate does.

The benchmark pages live outside the repository (NEWSDESK_BENCHMARKS, default ../shared/benchmarks);
without them the gate is skipped and says why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = Path(os.environ.get("NEWSDESK_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
FLOORS = json.loads((ROOT / "bench" / "floors.json").read_text())
MARGIN = 0.005  # extraction is deterministic; this only absorbs float rounding and tie order


def _datasets():
    return [k for k in FLOORS if not k.startswith("_")]


@pytest.fixture(scope="module", params=_datasets())
def scored(request, tmp_path_factory):
    dataset = request.param
    if not (BENCHMARKS / "score.py").exists() or not (BENCHMARKS / dataset).is_dir():
        pytest.skip(f"benchmark data not found at {BENCHMARKS} (set NEWSDESK_BENCHMARKS)")
    out = tmp_path_factory.mktemp("gate") / f"{dataset}.json"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "score.py"), str(BENCHMARKS / dataset),
         "--run", f"{sys.executable} {ROOT / 'bench' / 'extract.py'}", "--json", str(out), "--quiet"],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return dataset, json.loads(out.read_text())


def test_no_page_fails(scored):
    dataset, result = scored
    assert result["output"]["errors"] == 0, f"{dataset}: bench/extract.py reported errors"


def test_figures_stay_above_their_floors(scored):
    dataset, result = scored
    below = []
    for key, floor in FLOORS[dataset].items():
        group, metric = key.split(".")
        value = result["metrics"][group][metric]
        if value < floor - MARGIN:
            below.append(f"{key} = {value:.3f} < floor {floor:.3f}")
    assert not below, f"{dataset}: " + "; ".join(below)
