"""Clocks: the real one, a drill station's own clock, and clocks that start where they are told.

Everything that needs the time is handed a clock, so tests and training drills set the day freely.
Only a `StationClock` is a drill: the events it stamps are marked as such, and it runs on a drill
station, which every screen, report and file says is SIMULASI.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Timekeeper(Protocol):
    """What stamps an event: the time, and whether it is a drill's (a drill station's events are
    all marked). A `Record` is one, and so is the clock a station is created with."""

    @property
    def drill(self) -> bool: ...

    def now(self) -> datetime: ...


class Clock:
    drill: bool = False
    # A time the caller chose (`--now` for a command that only reads): kept on a drill station
    # too, where any other clock is the real time the station's own clock runs on from.
    chosen: bool = False

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class StationClock(Clock):
    """A drill station's clock: the station keeps "drill time `drill_at` at real time `since`" and
    every process on it runs on from there with its own `real` clock, so the desk, the panel and
    the command line all show the same drill time. `--now` re-sets it (an event)."""

    real: Clock
    drill_at: datetime
    since: datetime
    drill: bool = True

    def now(self) -> datetime:
        return (self.drill_at + (self.real.now() - self.since)).astimezone(UTC)

    def reset(self, drill_at: datetime, since: datetime) -> None:
        self.drill_at, self.since = drill_at, since


@dataclass
class StartedClock(Clock):
    """Starts at `start` and advances with real time; `advance` moves it on. A look at the record
    as at some instant (`--now` for a reading command), and the benchmarks' polling day."""

    start: datetime
    chosen: bool = True
    _t0: float = field(default_factory=time.monotonic)
    _offset: timedelta = timedelta(0)

    def now(self) -> datetime:
        return (
            self.start + self._offset + timedelta(seconds=time.monotonic() - self._t0)
        ).astimezone(UTC)

    def advance(self, **delta: float) -> None:
        self._offset += timedelta(**delta)

    def set(self, instant: datetime) -> None:
        self.start, self._t0, self._offset = instant, time.monotonic(), timedelta(0)


@dataclass
class FixedClock(Clock):
    """A clock that does not move unless told: for tests that assert exact times."""

    instant: datetime

    def now(self) -> datetime:
        return self.instant.astimezone(UTC)

    def advance(self, **delta: float) -> None:
        self.instant += timedelta(**delta)

    def set(self, instant: datetime) -> None:
        self.instant = instant


def parse_instant(value: str) -> datetime:
    """ISO-8601 with an offset (`2024-02-14T09:00+07:00`). A bare time has no meaning here."""
    instant = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if instant.tzinfo is None:
        raise ValueError(value)
    return instant


def stamp(instant: datetime) -> str:
    """The stored form of an instant: UTC, microseconds, `Z`."""
    # isoformat, not strftime: the same text at a fraction of the cost on the check-in's path.
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def unstamp(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
