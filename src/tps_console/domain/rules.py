"""The hours of the day: when the polls are open, when only DPK or the queue may come, when closed."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from tps_console.domain.station import StationInfo


class PollState(StrEnum):
    NOT_OPEN = "not_open"
    OPEN = "open"
    DPK_HOUR = "dpk_hour"
    QUEUE_ONLY = "queue_only"
    CLOSED = "closed"


def poll_state(station: StationInfo, now: datetime, *, closed: bool = False) -> PollState:
    if closed:
        return PollState.CLOSED
    local = now.astimezone(station.timezone)
    day, clock = local.date(), local.time()
    if day < station.polling_date or (day == station.polling_date and clock < station.opens):
        return PollState.NOT_OPEN
    if day > station.polling_date:
        return PollState.CLOSED
    if clock < station.dpk_from:
        return PollState.OPEN
    if clock < station.closes:
        return PollState.DPK_HOUR
    return PollState.QUEUE_ONLY


def closing_instant(station: StationInfo) -> datetime:
    return datetime.combine(station.polling_date, station.closes, tzinfo=station.timezone)
