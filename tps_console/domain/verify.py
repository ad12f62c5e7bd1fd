"""`verify`: is the record exactly what its event log says, and is the log unbroken?

Two proofs. The hash chain shows no event was changed, removed or slipped in. Replaying the events
through the same `project` the program wrote them with, into a scratch database, then rebuilds
what the state tables must hold (station, roll and DPK voters, officers, voter status, check-ins,
ballot sources and stock, issued ballots, the queue, the closing, the incidents); any row that
differs, is missing or has no event behind it was edited behind the program's back. The first
difference is named. A TPS of a site (store/site.py) then has the site's rows of it held to those
tables, and the site's rows may name no station the database does not hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnDefault, Connection, Table, bindparam, insert, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel, col

from tps_console.domain.record import chain
from tps_console.domain.record.creation import roll_fingerprint
from tps_console.domain.record.events import decode
from tps_console.domain.record.projection import BrokenRule, project
from tps_console.domain.record.proof import Noted, noted_code, parse_noted, witness_code
from tps_console.domain.record.station import Record
from tps_console.domain.store import site
from tps_console.domain.store.db import Prepared, read, scratch_database
from tps_console.domain.store.models import (
    BallotSource,
    BallotStock,
    CheckIn,
    Event,
    Incident,
    IssuedBallot,
    Officer,
    QueueEntry,
    Station,
    Voter,
)

ROLL_FIELDS = (
    "no", "nik", "name", "sex", "birth_date", "category", "register_no",
    "block", "cell", "disability", "ballots",
)  # fmt: skip
STATUS_FIELDS = ("status", "status_reason", "status_at")
_VOTERS: Table = Voter.__table__  # type: ignore[attr-defined]
_ROLL_COLUMNS = (_VOTERS.c.id, *(_VOTERS.c[name] for name in ROLL_FIELDS))
# Voters are read on the driver as plain tuples (id, roll fields, status fields) and the roll is
# copied with one executemany: a roll of 100k voters is read twice and written once, and
# SQLAlchemy's processing of each row and its parameters would cost more than the reading.
_VOTER_ROWS = Prepared(
    select(*_ROLL_COLUMNS, *(_VOTERS.c[name] for name in STATUS_FIELDS)).order_by(_VOTERS.c.id)
)
_ROLL = Prepared(select(*_ROLL_COLUMNS).where(_VOTERS.c.id <= bindparam("roll_count")))
_ROLL_END = len(_ROLL_COLUMNS)
_COPY_ROLL = Prepared(insert(_VOTERS))
# What the roll does not give starts at the table's defaults, as when the station was made (the
# driver, unlike SQLAlchemy, fills in none).
_ROLL_DEFAULTS = {
    c.name: c.default.arg
    for c in _VOTERS.columns
    if isinstance(c.default, ColumnDefault) and c.name not in {r.name for r in _ROLL_COLUMNS}
}


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    head: str
    problem: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def code(self) -> str:
        """The newest event's witness code, as the panel shows it."""
        return noted_code(self.events, self.head) if self.events else "-"


class Mismatch(Exception):
    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


Key = tuple[Any, ...]


def verify(rec: Record, *, expect: Sequence[str | Noted] = ()) -> VerifyResult:
    """Check the chain and the tables. `expect`: what witnesses noted during the day (an event's
    code with its number, its full hash, or the panel's QR text; see `record/proof.py`); each
    must still be that event's. That is what catches a log rewritten consistently from some
    event on, or cut off at the end, which leaves a chain that is intact but not the one seen."""
    noted = [n if isinstance(n, Noted) else parse_noted(n) for n in expect]
    with read(rec.engine) as conn:
        seq, head = chain.head(conn)
        broken = chain.check_chain(conn)
        if broken:
            return VerifyResult(False, seq, head, broken.reason, {"seq": broken.seq})
        try:
            for one in noted:
                _check_noted(conn, rec, one, seq)
            station = conn.execute(select(Station)).first()
            if station is None:
                raise Mismatch("verify.station")
            with scratch_database() as scratch:
                _replay(conn, scratch, station.roll_count)
                _compare(conn, scratch, station)
            if site.in_site(conn):
                _compare_site(conn)
        except Mismatch as exc:
            return VerifyResult(False, seq, head, exc.key, exc.params)
    return VerifyResult(True, seq, head)


def _check_noted(conn: Connection, rec: Record, noted: Noted, last: int) -> None:
    """Event `noted.seq` itself has what the witness noted; nowhere else counts."""
    if noted.tps is not None and noted.tps != rec.station.tps:
        raise Mismatch("verify.noted_other_tps", noted=noted.tps, tps=rec.station.tps)
    if noted.drill is not None and noted.drill != rec.drill:
        raise Mismatch("verify.noted_other_kind", seq=noted.seq)
    if noted.seq is None:  # a full hash alone: 256 bits, matched at no other event by anyone
        found = conn.execute(
            select(col(Event.seq)).where(col(Event.hash) == noted.full_hash)
        ).first()
        if found is None:
            raise Mismatch("verify.noted_hash_missing", noted=noted.shown)
        return
    if noted.seq > last or noted.seq < 1:
        raise Mismatch("verify.noted_missing", seq=noted.seq, events=last)
    event_hash = conn.execute(select(col(Event.hash)).where(col(Event.seq) == noted.seq)).scalar()
    if event_hash is not None and noted.matches(event_hash):
        return
    if noted.miscopied:
        raise Mismatch("verify.noted_miscopied", seq=noted.seq, noted=noted.shown)
    now = witness_code(noted.seq, event_hash) if event_hash else "-"
    raise Mismatch("verify.noted_differs", seq=noted.seq, noted=noted.shown, now=now)


def _replay(conn: Connection, scratch: Connection, roll_count: int) -> None:
    """Rebuild the tables in `scratch` the way the program built them: the roll as stored (the
    log holds only its fingerprint, checked in `_compare`), then every event through `project`,
    which refuses whatever cannot follow the events before it."""
    roll = _ROLL.all(conn, roll_count=roll_count)
    _COPY_ROLL.run_many(scratch, [{**r._asdict(), **_ROLL_DEFAULTS} for r in roll])
    for row in conn.execute(select(Event).order_by(col(Event.seq))):
        seq, kind = row._mapping["seq"], row._mapping["kind"]
        try:
            project(decode(row), scratch)
        except BrokenRule as exc:
            raise Mismatch(exc.key, seq=seq, **exc.params) from exc
        except (KeyError, TypeError, ValueError, DBAPIError) as exc:
            # A kind or payload this program does not know, or an event the tables cannot take
            # (a second active check-in of a voter, an officer added twice): a forged log.
            raise Mismatch("verify.impossible", seq=seq, kind=kind) from exc


def _compare(conn: Connection, scratch: Connection, station: Any) -> None:
    """The first stored row that differs from the replayed one, in the order a reader checks a
    station: its settings, the voters, the officers, the check-ins, the ballots, the queue, then the
    incidents."""
    replayed = scratch.execute(select(Station)).first()
    expected_station = dict(replayed._mapping) if replayed else {}
    for key, value in station._mapping.items():
        if expected_station.get(key) != value:
            raise Mismatch("verify.station_field", field=key)

    expected_voters = {row[0]: tuple(row) for row in _VOTER_ROWS.all(scratch)}
    roll_rows: list[dict[str, Any]] = []
    for row in _VOTER_ROWS.all(conn):
        voter_id, no, stored = row[0], row[1], tuple(row)
        expected = expected_voters.pop(voter_id, None)
        if expected is None:
            raise Mismatch("verify.voter_unrecorded", no=no)
        if voter_id <= station.roll_count:
            roll_rows.append(dict(zip(ROLL_FIELDS, stored[1:_ROLL_END], strict=True)))
        elif expected[1:_ROLL_END] != stored[1:_ROLL_END]:
            raise Mismatch("verify.dpk_changed", no=no)
        if expected[_ROLL_END:] != stored[_ROLL_END:]:
            raise Mismatch("verify.voter_status", no=no)
    if expected_voters:  # the roll was copied from these very rows: only DPK voters can be left
        raise Mismatch("verify.dpk_missing", no=expected_voters[min(expected_voters)][1])
    if len(roll_rows) != station.roll_count:
        raise Mismatch("verify.roll_count", found=len(roll_rows), expected=station.roll_count)
    if roll_fingerprint(roll_rows) != station.roll_fingerprint:
        raise Mismatch("verify.roll_changed")

    _same_rows(_rows_by_key(conn, Officer), _rows_by_key(scratch, Officer), "verify.officer")

    # A flag that is neither true nor false hides a check-in from every count and from the
    # unique index while still reading as True below.
    hidden = conn.execute(
        select(col(CheckIn.id)).where(
            col(CheckIn.active).is_distinct_from(True), col(CheckIn.active).is_distinct_from(False)
        )
    ).first()
    if hidden is not None:
        raise Mismatch("verify.checkin_changed", id=hidden[0])
    found, expected_checkins = _rows_by_key(conn, CheckIn), _rows_by_key(scratch, CheckIn)
    for key in sorted(found):
        if key not in expected_checkins:
            raise Mismatch("verify.checkin_unrecorded", id=key[0])
        if found[key] != expected_checkins[key]:
            raise Mismatch("verify.checkin_changed", id=key[0])
    missing = sorted(expected_checkins.keys() - found.keys())
    if missing:
        raise Mismatch("verify.checkin_missing", id=missing[0][0])

    tables: tuple[tuple[type[SQLModel], str], ...] = (
        (BallotSource, "verify.ballot_source"),
        (BallotStock, "verify.ballot_stock"),
        (IssuedBallot, "verify.issued_ballot"),
        (QueueEntry, "verify.queue"),
        (Incident, "verify.incident"),
    )
    for model, problem in tables:
        _same_rows(_rows_by_key(conn, model), _rows_by_key(scratch, model), problem)


def _compare_site(conn: Connection) -> None:
    """The site's rows of this TPS, as its (verified) tables make them; none of a station the
    database does not hold."""
    difference = site.site_difference(conn)
    if difference is not None:
        raise Mismatch(f"verify.site_{difference.problem}", id=difference.key)
    strangers = site.stations_not_held(conn)
    if strangers:
        raise Mismatch("verify.site_no_such_station", station=strangers[0])


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
