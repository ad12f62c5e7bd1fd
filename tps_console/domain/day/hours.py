"""The hours of the day: when the polls are open, when only DPK or the queue may come, when closed.

Once the chair closes the polls the record is frozen: the report may still be read, nothing may
change. Every writing operation of the day asks `ensure_not_closed` inside its write transaction,
so a desk that has not noticed the closing cannot slip a change in after it.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Connection

from tps_console.domain.errors import Frozen, Refused
from tps_console.domain.record.station import StationInfo
from tps_console.domain.record.timefmt import local_time


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


def ensure_not_closed(conn: Connection, station: StationInfo) -> None:
    # The record's projection (with its tables and events) loads with the first write, not
    # with the screens that show the polls' state: the desk's sign-in screen does.
    from tps_console.domain.record.projection import closed_at

    refuse_if_closed(station, closed_at(conn))


def refuse_if_closed(station: StationInfo, closed: str | None) -> None:
    """After closing the record is frozen: every change is refused."""
    refusal = frozen(station, closed)
    if refusal is not None:
        raise refusal


def frozen(station: StationInfo, closed: str | None) -> Frozen | None:
    """The refusal every change gets once the chair closed the polls (`closed`), or None."""
    if closed is None:
        return None
    return Frozen("polls.frozen", closed=local_time(station, closed, seconds=False))


def not_open_yet(station: StationInfo) -> Refused:
    """Before the polls open. The day is said too: at 09:00 the day before, "voting starts at
    07:00" alone reads as a mistake."""
    return Refused("checkin.not_open", day=_day(station), opens=station.opens.strftime("%H:%M"))


def day_over(station: StationInfo) -> Refused:
    """After polling day: nothing of the day can still be done."""
    return Refused("checkin.closed", day=_day(station), closes=station.closes.strftime("%H:%M"))


def _day(station: StationInfo) -> str:
    return f"{station.polling_date:%d-%m-%Y}"


def outside_dpk_hour(station: StationInfo) -> Refused:
    """What a DPK voter is told outside the DPK hour: when they are served."""
    return Refused(
        "dpk.outside_hour",
        start=station.dpk_from.strftime("%H:%M"),
        end=station.closes.strftime("%H:%M"),
    )
