"""Showing stored instants in the station's own time (WIB for Blora)."""

from __future__ import annotations

from datetime import datetime

from tps_console.domain.record.clock import unstamp
from tps_console.domain.record.station import StationInfo


def local_time(station: StationInfo, value: str | datetime, *, seconds: bool = True) -> str:
    instant = unstamp(value) if isinstance(value, str) else value
    local = instant.astimezone(station.timezone)
    return local.strftime("%H:%M:%S %Z" if seconds else "%H:%M %Z")
