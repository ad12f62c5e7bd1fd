"""The ready-to-try station: the bundled roll, two demo officers, polls open now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.hours import PollState, poll_state
from tps_console.domain.day.officers import OfficerInfo, add_officer
from tps_console.domain.record.clock import Clock, DrillClock
from tps_console.domain.record.station import Record, StationInfo, create_station, open_record
from tps_console.domain.vocab import ALL_BALLOTS, Role
from tps_console.sample import sample_roll


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
    """The demo chair and member on a new station (the chair first: it approves the member)."""
    chair_spec, member_spec = DEMO_OFFICERS
    chair = add_officer(
        rec, chair_spec.id, chair_spec.name, chair_spec.role, chair_spec.pin, by=None
    )
    member = add_officer(
        rec, member_spec.id, member_spec.name, member_spec.role, member_spec.pin, by=chair
    )
    return chair, member


def demo_clock(station: StationInfo, real: Clock) -> Clock:
    """The real clock while the polls are open; otherwise a drill clock at 09:00 on polling day."""
    if poll_state(station, real.now()) in (PollState.OPEN, PollState.DPK_HOUR):
        return real
    return DrillClock(datetime.combine(station.polling_date, DEMO_OPENS_AT, station.timezone))


def ensure_demo(path: Path, real: Clock, *, desk: str = "demo") -> Record:
    """Open the demo station at `path`, creating it first if it does not exist yet."""
    if not path.exists():
        create_station(path, sample_roll(), real)
        rec = open_record(path, real, desk=desk)
        chair, _ = add_demo_officers(rec)
        receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, DEMO_BALLOTS))
        rec.close()
    rec = open_record(path, real, desk=desk)
    rec.clock = demo_clock(rec.station, real)
    return rec
