"""`tps-console bench --quick --json`: the figures' shape, never their values.

Timing belongs to the benchmark, run on purpose; a test that asserted a duration would fail on a
busy machine and prove nothing. Only the core area runs here: the other areas drive the desk and
the panel and take minutes.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from typing import Any

import pytest

from tps_console.bench import run
from tps_console.cli.main import main

pytestmark = pytest.mark.long

QUICK_CORE = {"search_p99_ms_180", "search_p99_ms_10k", "checkin_p99_ms", "import_rows_per_s"}
FIELDS = {"value", "baseline", "ratio", "unit"}


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(run, "AREAS", ("core",))
        with redirect_stdout(out):
            code = main(["bench", "--quick", "--json"])
    assert code == 0
    parsed: dict[str, Any] = json.loads(out.getvalue())
    return parsed


def test_quick_run_gives_the_core_figures_without_the_100k_roll(figures: dict[str, Any]) -> None:
    assert set(figures) == QUICK_CORE


def test_every_figure_stands_beside_its_baseline(figures: dict[str, Any]) -> None:
    for name, figure in figures.items():
        assert set(figure) >= FIELDS, name
        assert isinstance(figure["value"], int | float), name
        assert isinstance(figure["baseline"], int | float), name
        assert figure["ratio"] is None or isinstance(figure["ratio"], int | float), name
        assert isinstance(figure["unit"], str) and figure["unit"], name


def test_search_figures_report_the_index_memory(figures: dict[str, Any]) -> None:
    for size in ("180", "10k"):
        figure = figures[f"search_p99_ms_{size}"]
        assert figure["unit"] == "ms"
        assert {"keystrokes", "median", "index_mib", "index_build_ms"} <= set(figure)


def test_import_says_what_its_baseline_is(figures: dict[str, Any]) -> None:
    figure = figures["import_rows_per_s"]
    assert figure["unit"] == "rows/s"
    assert "executemany" in figure["baseline_is"]
    assert figure["rows"] == 10_000


def test_the_check_in_stands_beside_the_same_work_typed_as_bare_sql(
    figures: dict[str, Any],
) -> None:
    figure = figures["checkin_p99_ms"]
    assert {"median", "baseline_median", "bare_p99", "bare_median", "bare_ratio"} <= set(figure)
    assert figure["checkins"] == 150  # the quick run, after the warm-up
