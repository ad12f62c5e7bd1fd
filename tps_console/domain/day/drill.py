"""Training on a drill station: its clock belongs to the station and is re-set by an event.

A real station never takes a drill clock for anything that writes, so a polling day's record
never holds a drill; a drill station never becomes real (a real one is made afresh from the roll).
"""

from __future__ import annotations

from datetime import datetime

from tps_console.domain.day.hours import ensure_not_closed
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import StationClock, stamp
from tps_console.domain.record.events import DrillClockSet
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record


def refuse_drill_clock(rec: Record) -> None:
    """The drill clock is for training stations only: refused (bad usage) on a real one."""
    if not rec.drill:
        raise BadInput("drill.real_station", tps=rec.station.tps)


def set_drill_clock(rec: Record, drill_at: datetime) -> None:
    """From now on the station's clock reads `drill_at`, for every process on it."""
    refuse_drill_clock(rec)
    clock = rec.clock
    assert isinstance(clock, StationClock)  # open_record gives a drill station its own clock
    since = clock.real.now()
    at = stamp(drill_at)
    with rec.write() as conn:
        ensure_not_closed(conn, rec.station)
        record_event(
            conn, rec, DrillClockSet(at=at, desk=rec.desk, drill_at=at, since=stamp(since))
        )
    clock.reset(drill_at, since)
