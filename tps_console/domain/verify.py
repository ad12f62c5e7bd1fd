"""`verify`: is the record exactly what its event log says, and is the log unbroken?

Two proofs. The hash chain shows no event was changed, removed or slipped in. Replaying the events
then rebuilds what the state tables must hold (station, roll and DPK voters, officers, voter
status, check-ins, ballot sources and stock, issued ballots, the queue, the closing); any row that
differs, is missing or has no event behind it was edited behind the program's back. The first
difference is named.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select
from sqlmodel import SQLModel, col

from tps_console.domain.day.ballots import OWN_POSITION
from tps_console.domain.record import chain as audit
from tps_console.domain.record.db import read
from tps_console.domain.record.models import (
    BallotSource,
    BallotStock,
    CheckIn,
    Event,
    IssuedBallot,
    Officer,
    QueueEntry,
    Station,
    Voter,
)
from tps_console.domain.record.station import Record, roll_fingerprint
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


Key = tuple[Any, ...]


@dataclass
class Replay:
    """The state the events say the tables must hold."""

    station: dict[str, Any] = field(default_factory=lambda: {"closed_at": None})
    officers: dict[str, dict[str, Any]] = field(default_factory=dict)
    statuses: dict[int, dict[str, Any]] = field(default_factory=dict)
    checkins: dict[int, dict[str, Any]] = field(default_factory=dict)
    dpk_voters: dict[int, dict[str, Any]] = field(default_factory=dict)
    sources: dict[Key, dict[str, Any]] = field(default_factory=dict)
    stock: dict[Key, dict[str, Any]] = field(default_factory=dict)
    issued: dict[Key, dict[str, Any]] = field(default_factory=dict)
    queue: dict[Key, dict[str, Any]] = field(default_factory=dict)

    def receive(self, source: str, counts: dict[str, int], at: str) -> None:
        if (source,) not in self.sources:
            own = source == self.station.get("tps")
            last = max([OWN_POSITION, *(s["position"] for s in self.sources.values())])
            self.sources[(source,)] = {
                "position": OWN_POSITION if own else last + 1,
                "added_at": at,
            }
        for ballot, count in counts.items():
            held = self.stock.setdefault((source, ballot), {"received": 0, "remaining": 0})
            held["received"] += count
            held["remaining"] += count

    def hand_out(
        self, seq: int, checkin_id: int, ballot: str, source: str, at: str, n: int
    ) -> None:
        held = self.stock.get((source, ballot))
        if held is None or held["remaining"] < 1:
            raise Mismatch("verify.ballot_not_in_stock", seq=seq, type=ballot, source=source)
        held["remaining"] -= 1
        self.issued[(checkin_id, ballot, n)] = {"source": source, "at": at, "spoiled_at": None}

    def give_back(self, checkin_id: int) -> None:
        for (cid, ballot, _), row in self.issued.items():
            if cid == checkin_id and row["spoiled_at"] is None:
                self.stock[(row["source"], ballot)]["remaining"] += 1


def verify(rec: Record, *, expect: Sequence[str] = ()) -> VerifyResult:
    """Check the chain and the tables. `expect`: audit heads (or their first 8+ hex digits) that
    witnesses wrote down during the day; each must still be in the chain. That is what catches
    events cut off the end of the log, which leaves a chain that is intact but shorter."""
    with read(rec.engine) as conn:
        seq, head = audit.head(conn)
        broken = audit.check_chain(conn)
        if broken:
            return VerifyResult(False, seq, head, broken.reason, {"seq": broken.seq})
        try:
            for noted in expect:
                _check_noted_head(conn, noted)
            replay = _replay(conn)
            _compare(conn, replay)
        except Mismatch as exc:
            return VerifyResult(False, seq, head, exc.key, exc.params)
    return VerifyResult(True, seq, head)


def _check_noted_head(conn: Connection, noted: str) -> None:
    prefix = noted.strip().lower()
    if len(prefix) < 8 or any(c not in "0123456789abcdef" for c in prefix):
        raise Mismatch("verify.bad_expect", head=noted)
    if (
        conn.execute(select(col(Event.seq)).where(col(Event.hash).startswith(prefix))).first()
        is None
    ):
        raise Mismatch("verify.expected_missing", head=prefix)


def _events(conn: Connection) -> Iterator[tuple[Any, dict[str, Any]]]:
    for row in conn.execute(select(Event).order_by(col(Event.seq))):
        yield row._mapping, audit.payload_of(row)


def _replay(conn: Connection) -> Replay:
    r = Replay()
    for ev, p in _events(conn):
        kind, seq, at = ev["kind"], ev["seq"], ev["at"]
        if r.station["closed_at"] is not None and kind not in audit.AFTER_CLOSING:
            raise Mismatch("verify.after_closing", seq=seq, kind=kind)
        if kind in (EventKind.STATION_CREATED, EventKind.BACKUP_TARGET):
            r.station.update(p)
        elif kind == EventKind.ROLL_IMPORTED:
            r.station.update(roll_count=p["count"], roll_fingerprint=p["fingerprint"])
        elif kind == EventKind.OFFICER_ADDED:
            r.officers[p["id"]] = {**p, "added_at": at}
        elif kind == EventKind.VOTER_STATUS:
            r.statuses[ev["voter_id"]] = {
                "status": p["status"],
                "status_reason": p["reason"],
                "status_at": at,
            }
        elif kind == EventKind.CHECKIN:
            r.checkins[p["checkin_id"]] = {
                "voter_id": ev["voter_id"],
                "officer_id": ev["officer_id"],
                "desk": ev["desk"],
                "at": at,
                "active": True,
                "undone_at": None,
                "undone_by": None,
                "undo_reason": None,
            }
            for ballot, source in p.get("ballots", {}).items():
                r.hand_out(seq, p["checkin_id"], ballot, source, at, 0)
        elif kind == EventKind.CHECKIN_UNDONE:
            undone = r.checkins.get(p["checkin_id"])
            if undone is None or not undone["active"]:
                raise Mismatch("verify.undo_without_checkin", seq=seq)
            undone.update(
                active=False,
                undone_at=at,
                undone_by=ev["officer_id"],
                undo_reason=p["reason"],
            )
            r.give_back(p["checkin_id"])
        elif kind == EventKind.BALLOTS_RECEIVED:
            r.receive(p["source"], p["counts"], at)
        elif kind == EventKind.BALLOT_REPLACED:
            spoiled = r.issued.get((p["checkin_id"], p["ballot"], 0))
            if spoiled is None or spoiled["spoiled_at"] is not None:
                raise Mismatch("verify.replace_without_ballot", seq=seq)
            spoiled["spoiled_at"] = at
            r.hand_out(seq, p["checkin_id"], p["ballot"], p["source"], at, 1)
        elif kind == EventKind.DPK_REGISTERED:
            r.dpk_voters[ev["voter_id"]] = p["voter"]
        elif kind == EventKind.QUEUE_JOINED:
            r.queue[(ev["voter_id"],)] = {"officer_id": ev["officer_id"], "at": at}
        elif kind == EventKind.POLLS_CLOSED:
            r.station["closed_at"] = at
    return r


def _compare(conn: Connection, r: Replay) -> None:
    station = conn.execute(select(Station)).first()
    if station is None:
        raise Mismatch("verify.station")
    for key, value in r.station.items():
        if station._mapping[key] != value:
            raise Mismatch("verify.station_field", field=key)

    roll_rows: list[dict[str, Any]] = []
    dpk_seen: set[int] = set()
    for voter in conn.execute(select(Voter).order_by(col(Voter.id))):
        v = voter._mapping
        fields = {k: v[k] for k in ROLL_FIELDS}
        if v["id"] <= station.roll_count:
            roll_rows.append(fields)
        elif v["id"] not in r.dpk_voters:
            raise Mismatch("verify.voter_unrecorded", no=v["no"])
        elif r.dpk_voters[v["id"]] != fields:
            raise Mismatch("verify.dpk_changed", no=v["no"])
        else:
            dpk_seen.add(v["id"])
        status = r.statuses.get(
            v["id"], {"status": VoterStatus.ELIGIBLE.value, "status_reason": "", "status_at": None}
        )
        if any(v[k] != status[k] for k in status):
            raise Mismatch("verify.voter_status", no=v["no"])
    missing_dpk = sorted(r.dpk_voters.keys() - dpk_seen)
    if missing_dpk:
        raise Mismatch("verify.dpk_missing", no=r.dpk_voters[missing_dpk[0]]["no"])
    if len(roll_rows) != station.roll_count:
        raise Mismatch("verify.roll_count", found=len(roll_rows), expected=station.roll_count)
    if roll_fingerprint(roll_rows) != station.roll_fingerprint:
        raise Mismatch("verify.roll_changed")

    officers = {o._mapping["id"]: dict(o._mapping) for o in conn.execute(select(Officer))}
    for officer_id in sorted(officers.keys() | r.officers.keys()):
        if officers.get(officer_id) != r.officers.get(officer_id):
            raise Mismatch("verify.officer", id=officer_id)

    # A flag that is neither true nor false hides a check-in from every count and from the
    # unique index while still reading as True below.
    hidden = conn.execute(
        select(col(CheckIn.id)).where(
            col(CheckIn.active).is_distinct_from(True), col(CheckIn.active).is_distinct_from(False)
        )
    ).first()
    if hidden is not None:
        raise Mismatch("verify.checkin_changed", id=hidden[0])
    seen: set[int] = set()
    for row in conn.execute(select(CheckIn).order_by(col(CheckIn.id))):
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

    tables: tuple[tuple[type[SQLModel], dict[Key, dict[str, Any]], str], ...] = (
        (BallotSource, r.sources, "verify.ballot_source"),
        (BallotStock, r.stock, "verify.ballot_stock"),
        (IssuedBallot, r.issued, "verify.issued_ballot"),
        (QueueEntry, r.queue, "verify.queue"),
    )
    for model, replayed, problem in tables:
        _same_rows(_rows_by_key(conn, model), replayed, problem)


def _rows_by_key(conn: Connection, model: type[SQLModel]) -> dict[Key, dict[str, Any]]:
    table = model.__table__  # type: ignore[attr-defined]
    keys = [c.name for c in table.primary_key.columns]
    rows = {}
    for row in conn.execute(select(table)):
        m = dict(row._mapping)
        rows[tuple(m.pop(k) for k in keys)] = m
    return rows


def _same_rows(
    found: dict[Key, dict[str, Any]], expected: dict[Key, dict[str, Any]], problem: str
) -> None:
    """The first row (in key order) that was added, changed or removed behind the log's back."""
    for key in sorted(found.keys() | expected.keys()):
        if found.get(key) != expected.get(key):
            raise Mismatch(problem, id="/".join(str(k) for k in key))
