"""The start-up probe the benchmark relies on (tps_console/packaged/startup_probe.py, bench/startup.py): the desk, run
as `tps-console desk` in a terminal, reports its first painted frame and its memory, then exits.

Only that the marks arrive in order is checked; how fast they arrive belongs to the benchmark.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import make_station
from tps_console.bench import startup
from tps_console.domain.record.clock import FixedClock
from tps_console.packaged.startup_probe import startup_probe


def test_no_probe_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TPS_STARTUP_PROBE", raising=False)
    assert startup_probe() is None


@pytest.mark.skipif(sys.platform == "win32", reason="runs the desk in a pseudo-terminal")
def test_the_desk_reports_its_first_frame_then_its_loaded_index(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = tmp_path / "tps.db"
    make_station(db, clock).close()
    started, marks = startup._probe([*startup._source_desk(), "desk", str(db)], tmp_path)
    assert started < marks["frame"][0] <= marks["ready"][0]
    assert marks["frame"][1] > 0 and marks["ready"][1] >= marks["frame"][1]
