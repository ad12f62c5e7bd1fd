"""`verify`: is the record exactly what its event log says, and is the log unbroken?

Two proofs. The hash chain shows no event was changed, removed or slipped in. Replaying the events
then rebuilds what the state tables must hold (station, roll, officers, voter status,
check-ins); any row that differs, is missing or has no event behind it was edited behind the
program's back. The first difference is named.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from tps_console.domain import audit
from tps_console.domain.db import read
from tps_console.domain.models import CheckIn, Event, Officer, Station, Voter
from tps_console.domain.station import Record, roll_fingerprint
from tps_console.domain.vocab import EventKind, VoterStatus

ROLL_FIELDS = (
    "no", "nik", "name", "sex", "birth_date", "category", "register_no",
    "block", "cell", "disability", "ballots",
)  # fmt: skip


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    head: str
    problem: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


class Mismatch(Exception):
    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass
class Replay:
    """The state the events say the tables must hold."""

    station: dict[str, Any] = field(default_factory=dict)
    officers: dict[str, dict[str, Any]] = field(default_factory=dict)
    statuses: dict[int, dict[str, Any]] = field(default_factory=dict)
    checkins: dict[int, dict[str, Any]] = field(default_factory=dict)


def verify(rec: Record) -> VerifyResult:
    with read(rec.engine) as conn:
        seq, head = audit.head(conn)
        broken = audit.check_chain(conn)
        if broken:
            return VerifyResult(False, seq, head, broken.reason, {"seq": broken.seq})
        try:
            replay = _replay(conn)
            _compare(conn, replay)
        except Mismatch as exc:
            return VerifyResult(False, seq, head, exc.key, exc.params)
    return VerifyResult(True, seq, head)


def _events(conn: Connection) -> Iterator[tuple[Any, dict[str, Any]]]:
    for row in conn.execute(select(Event).order_by(Event.seq)):
        yield row._mapping, audit.payload_of(row)


def _replay(conn: Connection) -> Replay:
    r = Replay()
    for ev, p in _events(conn):
        kind = ev["kind"]
        if kind == EventKind.STATION_CREATED:
            r.station.update(p)
        elif kind == EventKind.ROLL_IMPORTED:
            r.station.update(roll_count=p["count"], roll_fingerprint=p["fingerprint"])
        elif kind == EventKind.OFFICER_ADDED:
            r.officers[p["id"]] = {**p, "added_at": ev["at"]}
        elif kind == EventKind.VOTER_STATUS:
            r.statuses[ev["voter_id"]] = {
                "status": p["status"],
                "status_reason": p["reason"],
                "status_at": ev["at"],
            }
        elif kind == EventKind.CHECKIN:
            r.checkins[p["checkin_id"]] = {
                "voter_id": ev["voter_id"],
                "officer_id": ev["officer_id"],
                "desk": ev["desk"],
                "at": ev["at"],
                "active": True,
                "undone_at": None,
                "undone_by": None,
                "undo_reason": None,
            }
        elif kind == EventKind.CHECKIN_UNDONE:
            undone = r.checkins.get(p["checkin_id"])
            if undone is None or not undone["active"]:
                raise Mismatch("verify.undo_without_checkin", seq=ev["seq"])
            undone.update(
                active=False,
                undone_at=ev["at"],
                undone_by=ev["officer_id"],
                undo_reason=p["reason"],
            )
    return r


def _compare(conn: Connection, r: Replay) -> None:
    station = conn.execute(select(Station)).first()
    if station is None:
        raise Mismatch("verify.station")
    for key, value in r.station.items():
        if station._mapping[key] != value:
            raise Mismatch("verify.station_field", field=key)

    roll_rows: list[dict[str, Any]] = []
    for row in conn.execute(select(Voter).order_by(Voter.id)):
        v = row._mapping
        if v["id"] <= station.roll_count:
            roll_rows.append({k: v[k] for k in ROLL_FIELDS})
        else:
            raise Mismatch("verify.voter_unrecorded", no=v["no"])
        expected = r.statuses.get(
            v["id"], {"status": VoterStatus.ELIGIBLE.value, "status_reason": "", "status_at": None}
        )
        if any(v[k] != expected[k] for k in expected):
            raise Mismatch("verify.voter_status", no=v["no"])
    if len(roll_rows) != station.roll_count:
        raise Mismatch("verify.roll_count", found=len(roll_rows), expected=station.roll_count)
    if roll_fingerprint(roll_rows) != station.roll_fingerprint:
        raise Mismatch("verify.roll_changed")

    officers = {o._mapping["id"]: dict(o._mapping) for o in conn.execute(select(Officer))}
    for officer_id in sorted(officers.keys() | r.officers.keys()):
        if officers.get(officer_id) != r.officers.get(officer_id):
            raise Mismatch("verify.officer", id=officer_id)

    seen: set[int] = set()
    for row in conn.execute(select(CheckIn).order_by(CheckIn.id)):
        c = dict(row._mapping)
        checkin_id = c.pop("id")
        seen.add(checkin_id)
        expected = r.checkins.get(checkin_id)
        if expected is None:
            raise Mismatch("verify.checkin_unrecorded", id=checkin_id)
        if c != expected:
            raise Mismatch("verify.checkin_changed", id=checkin_id)
    missing = sorted(r.checkins.keys() - seen)
    if missing:
        raise Mismatch("verify.checkin_missing", id=missing[0])
