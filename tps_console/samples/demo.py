"""The ready-to-try station: a drill station on the bundled roll, two demo officers, polls open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from tps_console.domain.day.drill import set_drill_clock
from tps_console.domain.day.hours import PollState
from tps_console.domain.day.officers import OfficerInfo, add_officer
from tps_console.domain.day.passphrase import DEMO_PASSPHRASE
from tps_console.domain.day.setup import NewOfficer, StationPlan, Stock, set_up_station
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.station import (
    CLOSES,
    DEFAULT_TIMEZONE,
    Record,
    open_record,
)
from tps_console.domain.views.status import read_status
from tps_console.domain.vocab import ALL_BALLOTS, Role
from tps_console.samples.rolls import sample_roll


@dataclass(frozen=True)
class DemoOfficer:
    id: str
    name: str
    role: str
    pin: str


DEMO_OFFICERS = (
    DemoOfficer("ketua", "Ketua KPPS (demo)", Role.CHAIR, "1234"),
    DemoOfficer("anggota4", "Anggota KPPS 4 (demo)", Role.MEMBER, "4444"),
)
DEMO_OPENS_AT = time(9, 0)
# Own stock as on a handover record: the roll plus a 2 % reserve.
DEMO_BALLOTS = 184


def add_demo_officers(rec: Record) -> tuple[OfficerInfo, OfficerInfo]:
    """The demo chair and member added to a station made without them (benchmarks, selfcheck's
    officer step, tests): the chair first, since it approves the member."""
    chair_spec, member_spec = DEMO_OFFICERS
    chair = add_officer(
        rec, chair_spec.id, chair_spec.name, chair_spec.role, chair_spec.pin, by=None
    )
    member = add_officer(
        rec, member_spec.id, member_spec.name, member_spec.role, member_spec.pin, by=chair
    )
    return chair, member


def demo_plan(polling_date: date, drill_at: datetime, desk: str) -> StationPlan:
    """The demo station: a drill with the demo chair and member, its own stock, and a backup
    passphrase all may know (its voters are synthetic)."""
    chair, member = (NewOfficer(o.id, o.name, o.pin, o.role) for o in DEMO_OFFICERS)
    return StationPlan(
        polling_date=polling_date,
        chair=chair,
        members=(member,),
        stock=(Stock(dict.fromkeys(ALL_BALLOTS, DEMO_BALLOTS)),),
        drill=True,
        drill_at=drill_at,
        desk=desk,
        passphrase=DEMO_PASSPHRASE,
    )


def demo_start(polling_date: date, zone: tzinfo, real: Clock) -> datetime:
    """Where the demo's drill clock starts: the real time while the polls would be open today,
    otherwise 09:00 on polling day, so the demo can always be tried."""
    now = real.now().astimezone(zone)
    opens = datetime.combine(polling_date, DEMO_OPENS_AT, zone)
    closes = datetime.combine(polling_date, time.fromisoformat(CLOSES), zone)
    return now if opens <= now < closes else opens


def ensure_demo(
    path: Path, real: Clock, *, desk: str = "demo", drill_at: datetime | None = None
) -> Record:
    """Open the demo station at `path` (a drill station), creating it first if it does not exist
    yet. Its clock is set to `drill_at`, or back to the morning if the hours have run out."""
    if not path.exists():
        zone = ZoneInfo(DEFAULT_TIMEZONE)
        today = real.now().astimezone(zone).date()
        start = drill_at or demo_start(today, zone, real)
        set_up_station(path, sample_roll(), real, demo_plan(today, start, desk))
    rec = open_record(path, real, desk=desk)
    try:
        state = read_status(rec).polls
        if drill_at is not None:
            set_drill_clock(rec, drill_at)
        elif state not in (PollState.OPEN, PollState.DPK_HOUR, PollState.CLOSED):
            set_drill_clock(rec, demo_start(rec.station.polling_date, rec.station.timezone, real))
    except BaseException:
        rec.close()
        raise
    return rec
