"""The witness panel's figures: one consistent snapshot of turnout. Counts only, no person's data.

Everything is read inside one short read transaction, so the C.Hasil grid, the totals and the
audit head always describe the same instant. The only per-person output is the list of recent
check-ins, reduced here (not in the UI) to list number and initials, so a name can never reach
a screen witnesses watch.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.day.hours import PollState, closing_instant, poll_state
from tps_console.domain.order import natural_key
from tps_console.domain.record.clock import unstamp
from tps_console.domain.record.station import Record, StationInfo
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, Voter
from tps_console.domain.views.status import Status, count_by, status_in
from tps_console.domain.vocab import Category, Sex, VoterStatus

PACE_WINDOW = timedelta(minutes=15)
RECENT = 12


@dataclass(frozen=True)
class BySex:
    l: int = 0  # noqa: E741  (the C.Hasil column is called L)
    p: int = 0

    @property
    def total(self) -> int:
        return self.l + self.p


@dataclass(frozen=True)
class BlockTurnout:
    block: str  # "" for voters housed in no block (e.g. DPK added on the day)
    voted: int
    eligible: int


@dataclass(frozen=True)
class RecentCheckIn:
    no: int
    initials: str
    at: datetime  # in the station's time zone


@dataclass(frozen=True)
class Turnout:
    station: StationInfo
    status: Status
    came: dict[str, BySex]  # per list (DPT, DPTb, DPK), voters who came
    disabled: BySex  # voters with disabilities who came
    blocks: tuple[BlockTurnout, ...]
    per_hour: tuple[tuple[int, int], ...]  # (local hour, check-ins) from opening to closing hour
    last_15_min: int
    recent: tuple[RecentCheckIn, ...]
    taken_at: datetime

    @property
    def total(self) -> BySex:
        return BySex(sum(c.l for c in self.came.values()), sum(c.p for c in self.came.values()))

    @property
    def closed(self) -> bool:
        """Closed by the chair (the hour alone does not close the polls)."""
        return self.status.closed_at is not None


@dataclass(frozen=True)
class ClockFace:
    """What the panel's clock line says at one instant; recomputed every second by the UI."""

    local: datetime
    left: timedelta  # until closing, never negative
    polls: PollState


def clock_face(station: StationInfo, now: datetime, *, closed: bool) -> ClockFace:
    left = max(closing_instant(station) - now, timedelta(0))
    return ClockFace(
        now.astimezone(station.timezone), left, poll_state(station, now, closed=closed)
    )


def initials(name: str) -> str:
    """`PURNOMO HARTONO` → `P.H.`: enough for a witness to tick a list, not to identify."""
    return "".join(f"{word[0]}." for word in name.split() if word[0].isalnum()).upper()


def read_turnout(rec: Record) -> Turnout:
    with read(rec.engine) as conn:
        return turnout_in(conn, rec)


def turnout_in(conn: Connection, rec: Record) -> Turnout:
    now = rec.now()
    status = status_in(conn, rec)
    disabled = (col(Voter.disability) != "").label("disabled")
    came: dict[str, dict[str, int]] = {c.value: {} for c in Category}
    with_disability: Counter[str] = Counter()
    for (category, sex, is_disabled), n in count_by(
        conn, Voter.category, Voter.sex, disabled
    ).items():
        came[category][sex] = came[category].get(sex, 0) + n
        if is_disabled:
            with_disability[sex] += n
    times = [
        unstamp(at)
        for at in conn.execute(select(col(CheckIn.at)).where(col(CheckIn.active))).scalars()
    ]
    return Turnout(
        station=rec.station,
        status=status,
        came={c: BySex(s.get(Sex.L, 0), s.get(Sex.P, 0)) for c, s in came.items()},
        disabled=BySex(with_disability[Sex.L], with_disability[Sex.P]),
        blocks=_blocks(conn),
        per_hour=_per_hour(rec.station, times),
        last_15_min=sum(1 for at in times if now - PACE_WINDOW < at <= now),
        recent=_recent(conn, rec.station),
        taken_at=now,
    )


def _blocks(conn: Connection) -> tuple[BlockTurnout, ...]:
    eligible = dict(
        conn.execute(
            select(col(Voter.block), func.count())
            .where(col(Voter.status) == VoterStatus.ELIGIBLE)
            .group_by(col(Voter.block))
        ).all()
    )
    voted = {block: n for (block,), n in count_by(conn, Voter.block).items()}
    return tuple(
        BlockTurnout(block, voted.get(block, 0), int(eligible.get(block, 0)))
        for block in sorted(eligible.keys() | voted.keys(), key=natural_key)
    )


def _per_hour(station: StationInfo, times: list[datetime]) -> tuple[tuple[int, int], ...]:
    """Check-ins per local hour of polling day. The closing hour holds the queue served after it."""
    hours = Counter(
        local.hour
        for local in (at.astimezone(station.timezone) for at in times)
        if local.date() == station.polling_date
    )
    return tuple((h, hours[h]) for h in range(station.opens.hour, station.closes.hour + 1))


def _recent(conn: Connection, station: StationInfo) -> tuple[RecentCheckIn, ...]:
    rows = conn.execute(
        select(col(Voter.no), col(Voter.name), col(CheckIn.at))
        .join(Voter, col(Voter.id) == CheckIn.voter_id)
        .where(col(CheckIn.active))
        .order_by(col(CheckIn.id).desc())
        .limit(RECENT)
    )
    return tuple(
        RecentCheckIn(no, initials(name), unstamp(at).astimezone(station.timezone))
        for no, name, at in rows
    )
