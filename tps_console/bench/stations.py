"""Synthetic stations for the benchmarks, built once per run and shared by every area."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tps_console.domain.day.ballots import MAX_DELIVERY, receive_ballots
from tps_console.domain.record.clock import Clock, StartedClock
from tps_console.domain.record.creation import create_station
from tps_console.domain.record.station import open_record
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.samples.demo import add_demo_officers
from tps_console.samples.rolls import generate_roll, roll_csv

POLLING_DAY = date(2024, 2, 14)


@functools.cache
def workdir() -> Path:
    """One temporary folder per benchmark run, removed when the run ends."""
    folder = Path(tempfile.mkdtemp(prefix="tps-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def polling_clock() -> Clock:
    """A drill clock at 09:00 on polling day, so every check-in falls inside the hours."""
    return StartedClock(datetime(2024, 2, 14, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")))


@functools.cache
def roll_bytes(size: int) -> bytes:
    return roll_csv(generate_roll(size))


def fresh_station(size: int, name: str) -> Path:
    """A new station of `size` synthetic voters, demo officers, and ballots for everyone."""
    path = workdir() / f"{name}-{size}.db"
    clock = polling_clock()
    create_station(path, roll_bytes(size), clock, polling_date=POLLING_DAY)
    rec = open_record(path, clock, desk="bench")
    chair, _ = add_demo_officers(rec)
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, min(size + 10, MAX_DELIVERY)))
    rec.close()
    return path
