"""Clocks: the real one, and the drill clock (`--now`) that starts at a chosen instant and runs on.

Everything that needs the time is handed a clock, so tests and training drills set the day freely.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta


class Clock:
    drill: bool = False

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class DrillClock(Clock):
    """Starts at `start` and advances with real time; `advance` moves it on (tests, drills)."""

    start: datetime
    drill: bool = True
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
    drill: bool = True

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
