"""`tps-console bench --quick --json`: the figures' shape, never their values.

Timing belongs to the benchmark, run on purpose; a test that asserted a duration would fail on a
busy machine and prove nothing. The core and check-in areas run here whole (quick); of the desk
only the new figures' own day, on a small roll: the whole desk area and the panel take minutes.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from typing import Any

import pytest

from tps_console.bench import checkin, desk
from tps_console.bench import frames as desk_frames
from tps_console.cli.main import main
from tps_console.samples.rolls import generate_roll

pytestmark = pytest.mark.long

QUICK_CORE = {
    "search_p99_ms_180",
    "search_p99_ms_10k",
    "checkin_p99_ms",
    "import_rows_per_s",
    "xlsx_read_s",
    "pin_check_ms",
}
FIELDS = {"value", "baseline", "ratio", "unit"}


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["bench", "--quick", "--json", "--area", "core", "--area", "checkin"])
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


def test_reading_a_workbook_stands_beside_reading_the_same_roll_as_csv(
    figures: dict[str, Any],
) -> None:
    figure = figures["xlsx_read_s"]
    assert figure["unit"] == "s"
    assert "CSV" in figure["baseline_is"]
    assert figure["rows"] == 10_000
    assert figure["xlsx_mib"] > 0 and figure["csv_mib"] > 0


def test_the_check_in_stands_beside_the_same_work_typed_as_bare_sql(
    figures: dict[str, Any],
) -> None:
    figure = figures["checkin_p99_ms"]
    assert {"median", "baseline_median", "bare_p99", "bare_median", "bare_ratio"} <= set(figure)
    assert figure["checkins"] == checkin.QUICK_CHECKINS  # the quick run, after the warm-up


def test_the_check_in_states_its_goal_against_the_bare_sql(figures: dict[str, Any]) -> None:
    figure = figures["checkin_p99_ms"]
    assert "1.5" in figure["goal"] and "bare_p99" in figure["goal"]
    assert figure["goal_met"] is (figure["goal_ratio"] <= checkin.GOAL_RATIO)
    low, high = figure["block_ratios"]
    assert 0 < low <= figure["goal_ratio"] <= high
    # Plausible, not fast: a durable commit takes some time, and a p99 is not below its median.
    assert 0 < figure["bare_median"] <= figure["bare_p99"]
    assert 0 < figure["median"] <= figure["pooled_p99"]
    assert len(figure["load_avg"]) == 2


def test_one_area_can_be_measured_alone(figures: dict[str, Any]) -> None:
    assert not any(name.startswith(("desk_", "panel_", "startup_")) for name in figures)


@pytest.fixture(scope="module")
def desk_feel() -> dict[str, Any]:
    """The two desk figures, measured as the bench does (two days) but on a roll of 24."""
    return desk.feel_entries(size=24, rounds=2)


def test_the_desk_figures_state_their_goal_and_baseline(desk_feel: dict[str, Any]) -> None:
    assert set(desk_feel) == {"desk_scan_to_card_p99_ms", "desk_enter_to_ready_p99_ms"}
    for name, figure in desk_feel.items():
        assert set(figure) >= FIELDS | {"goal", "goal_met", "median", "baseline_is"}, name
        assert figure["unit"] == "ms", name
        assert figure["goal"] == "p99 <= 50 ms", name
        assert figure["goal_met"] is (figure["value"] <= desk.FEEL_GOAL_MS), name


def test_the_desk_figures_are_plausible_numbers(desk_feel: dict[str, Any]) -> None:
    with_register = 2 * sum(1 for row in generate_roll(24) if row["no_register"])
    for name, figure in desk_feel.items():
        # Every voter with a register number was scanned and checked in through the keys, and
        # each figure is a real duration: a frame takes some time, and a p99 is not below its
        # median. Never how fast: that is the benchmark's to say.
        assert figure.get("scans", figure.get("checkins")) == with_register, name
        assert 0 < figure["median"] <= figure["value"] < desk_frames.TIMEOUT_S * 1000, name
        assert 0 < figure["baseline_median"] <= figure["baseline"], name


def test_the_backup_figure_stands_beside_a_plain_copy_and_states_its_goal() -> None:
    from tps_console.bench import backup

    figures = backup.measure(quick=True)
    assert set(figures) == {"backup_s_10k"}
    figure = figures["backup_s_10k"]
    assert set(figure) >= FIELDS | {"goal", "goal_met", "baseline_is"}
    assert figure["goal"] == "ratio <= 1.5" and isinstance(figure["goal_met"], bool)


def test_the_pin_check_stands_beside_the_first_versions_cost(figures: dict[str, Any]) -> None:
    """Measured at the real cost although the tests hash at a cheap one."""
    figure = figures["pin_check_ms"]
    assert figure["cost"] == "scrypt 2^17, r=8, p=1" and "2^14" in figure["baseline_is"]
    assert figure["work_ratio"] == 8 and figure["memory_mib"] == 128
    assert {"signin_ms", "signin_upgrading_ms", "signin_upgrading_one_after_other_ms"} <= set(
        figure
    )
