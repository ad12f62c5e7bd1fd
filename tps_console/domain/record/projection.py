"""What each event does to the state tables: the one definition, live and in `verify`.

`record_event` is the only way the record changes: it appends the event to the hash chain and
applies it with `project`, inside the caller's write transaction, so both commit or neither does.
`verify` runs the same `project` over the stored events into a scratch database and compares.

The day's rules (hours, roles, who may vote) are checked before an event is made, in `day/`.
`project` checks what the log itself could get wrong (an event after the closing, an undo of a
check-in that is not active, a ballot that is not in stock, a status set for no voter): live
those never happen, but a forged log would make them, and `verify` names them from the
`BrokenRule` raised here. The replay needs no rule of its own.

Payloads are written to columns by name, one by one: the log's keys are fixed forever (the hash
covers them), the tables' columns may be renamed, and then only the branch here changes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update

from tps_console.domain.record import chain
from tps_console.domain.record.chain import Appended
from tps_console.domain.record.clock import Timekeeper
from tps_console.domain.record.events import (
    BackupKeySet,
    BackupTargetSet,
    BallotReplaced,
    BallotsReceived,
    CheckedIn,
    CheckInRefused,
    CheckInUndone,
    DpkRegistered,
    Draw,
    DrillClockSet,
    DuplicateBlocked,
    IncidentRecorded,
    OfficerAdded,
    PinFailed,
    PinRehashed,
    PollsClosed,
    QueueJoined,
    RollImported,
    SignedIn,
    StationCreated,
    StationEvent,
    VoterStatusSet,
    stored_payload,
)
from tps_console.domain.roll.parse import VoterRow
from tps_console.domain.store.db import Asked, Prepared, answers_now
from tps_console.domain.store.models import (
    OWN_POSITION,
    BallotSource,
    BallotStock,
    CheckIn,
    Incident,
    IssuedBallot,
    Officer,
    QueueEntry,
    Station,
    Voter,
)
from tps_console.domain.vocab import EventKind


class BrokenRule(Exception):
    """The event cannot follow the ones before it. `key`: the catalogue key `verify` reports."""

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def record_event(
    conn: Connection,
    keeper: Timekeeper,
    event: StationEvent,
    *,
    after: tuple[int, str] | None = None,
) -> Appended:
    """Apply `event` and append it to the chain, inside the caller's write transaction.

    `after`: the chain head, if the caller already read it under that same lock. Applied first:
    a second active check-in that a server database's unique index refuses is refused before
    any hashing."""
    project(event, conn)
    return chain.append(
        conn,
        keeper,
        event.kind,
        stored_payload(event),
        officer_id=event.officer_id,
        desk=event.desk,
        voter_id=event.voter_id,
        at=event.at,
        after=after,
    )


_CHECKINS: Table = CheckIn.__table__  # type: ignore[attr-defined]
_ISSUED: Table = IssuedBallot.__table__  # type: ignore[attr-defined]
_STOCK: Table = BallotStock.__table__  # type: ignore[attr-defined]
_VOTERS: Table = Voter.__table__  # type: ignore[attr-defined]
# A check-in's statements are built once and run on the driver's cursor (see `db.Prepared`): at
# the desk they are most of what a check-in costs besides the fsync.
_ADD_CHECK_IN = Prepared(insert(_CHECKINS))
_ISSUE = Prepared(insert(_ISSUED))
# One type at a time, so that a ballot not in stock is named. The stock's constraint
# (`remaining >= 0`) refuses one that has run out: on a server that fails the commit the take is
# sent with, so a check-in never waits for the take's answer before committing (`db._Held`).
_TAKE = Prepared(
    update(_STOCK)
    .where(_STOCK.c.source == bindparam("src"), _STOCK.c.ballot == bindparam("type_"))
    .values(remaining=_STOCK.c.remaining - 1)
)
# An undone check-in's ballots go back to the stock they came from (the mistake is caught before
# the voter takes them); spoiled ones stay damaged. One statement, whose answer is not awaited.
_RETURNED = (
    select(func.count())
    .select_from(_ISSUED)
    .where(
        _ISSUED.c.checkin_id == bindparam("checkin"),
        _ISSUED.c.spoiled_at.is_(None),
        _ISSUED.c.source == _STOCK.c.source,
        _ISSUED.c.ballot == _STOCK.c.ballot,
    )
    .scalar_subquery()
)
_GIVE_BACK = Prepared(
    update(_STOCK).where(_RETURNED > 0).values(remaining=_STOCK.c.remaining + _RETURNED)
)
_UNDO = Prepared(
    update(_CHECKINS)
    .where(_CHECKINS.c.id == bindparam("checkin"), _CHECKINS.c.active)
    .values(
        active=False,
        undone_at=bindparam("undone_at_"),
        undone_by=bindparam("undone_by_"),
        undo_reason=bindparam("reason_"),
    )
)
_QUEUES: Table = QueueEntry.__table__  # type: ignore[attr-defined]
_JOIN_QUEUE = Prepared(insert(_QUEUES))
_STATION: Table = Station.__table__  # type: ignore[attr-defined]
_CLOSE = Prepared(update(_STATION).values(closed_at=bindparam("closed_at_")))
_CLOSED_AT = Prepared(select(_STATION.c.closed_at))


def closed_at(conn: Connection) -> str | None:
    """When the chair closed the polls, or None while they are not closed."""
    return closed_at_of(_CLOSED_AT.first(conn))


def closed_at_asked() -> Asked:
    """`closed_at`, to be read `together` with other reads (see `closed_at_of`)."""
    return _CLOSED_AT.one()


def closed_at_of(row: Any) -> str | None:
    """`closed_at` from the row `closed_at_asked` was answered with."""
    return None if row is None else row[0]


# What may still be logged once the polls are closed: who signed in (to print the report), who
# tried a wrong PIN and a PIN hashed again at that sign-in, and the day's incidents and objections
# (C.Kejadian Khusus), which witnesses raise at the count too. The figures are frozen; the log of
# access and of what was said is not.
AFTER_CLOSING = frozenset(
    {EventKind.SIGNED_IN, EventKind.PIN_FAILED, EventKind.PIN_REHASHED, EventKind.INCIDENT}
)


def project(event: StationEvent, conn: Connection) -> None:
    """Apply one event to the state tables. Raises `BrokenRule` if it cannot follow the log."""
    # On a server's write transaction a read costs a round trip, and the day's rules read the
    # closing under the same lock before making the event; a station file answers at once
    # (about 5 µs), and `verify` replays into one.
    if event.kind not in AFTER_CLOSING and answers_now(conn) and closed_at(conn) is not None:
        raise BrokenRule("verify.after_closing", kind=event.kind)
    match event:
        case CheckedIn():  # first: the desk's hot path
            _ADD_CHECK_IN.run(
                conn,
                id=event.checkin_id,
                voter_id=event.voter_id,
                officer_id=event.officer_id,
                desk=event.desk,
                at=event.at,
                active=True,
            )
            _hand_out(conn, event.checkin_id, event.draws, event.at, replacement=0)
        case SignedIn() | PinFailed() | CheckInRefused() | DuplicateBlocked():
            pass  # the log of who came and who tried: no table changes
        case BackupKeySet():
            pass  # the key lives in the log itself (read by `day.passphrase.backup_key`)
        case CheckInUndone():
            undone = {
                "checkin": event.checkin_id,
                "undone_at_": event.at,
                "undone_by_": event.officer_id,
                "reason_": event.reason,
            }
            if _UNDO.first_refused(conn, [undone]) is not None:
                raise BrokenRule("verify.undo_without_checkin")
            _GIVE_BACK.run(conn, checkin=event.checkin_id)
        case BallotReplaced():
            spoiled = conn.execute(
                update(_ISSUED)
                .where(
                    _ISSUED.c.checkin_id == event.checkin_id,
                    _ISSUED.c.ballot == event.ballot,
                    _ISSUED.c.replacement == 0,
                    _ISSUED.c.spoiled_at.is_(None),
                )
                .values(spoiled_at=event.at)
            )
            if not spoiled.rowcount:
                raise BrokenRule("verify.replace_without_ballot")
            draw = (Draw(event.ballot, event.source),)
            _hand_out(conn, event.checkin_id, draw, event.at, replacement=1)
        case VoterStatusSet():
            set_status = conn.execute(
                update(_VOTERS)
                .where(_VOTERS.c.id == event.voter_id)
                .values(status=event.status, status_reason=event.reason, status_at=event.at)
            )
            if not set_status.rowcount:
                raise BrokenRule("verify.status_unknown_voter", id=event.voter_id)
        case DpkRegistered():
            conn.execute(insert(_VOTERS).values(id=event.voter_id, **voter_columns(event.voter)))
        case QueueJoined():
            _JOIN_QUEUE.run(conn, voter_id=event.voter_id, officer_id=event.officer_id, at=event.at)
        case BallotsReceived():
            _receive(conn, event)
        case IncidentRecorded():
            _note_incident(conn, event)
        case OfficerAdded():
            conn.execute(
                insert(Officer).values(
                    id=event.id,
                    name=event.name,
                    role=event.role,
                    pin_hash=event.pin_hash,
                    added_at=event.at,
                )
            )
        case PinRehashed():
            officers: Table = Officer.__table__  # type: ignore[attr-defined]
            rehashed = conn.execute(
                update(officers)
                .where(officers.c.id == event.officer_id)
                .values(pin_hash=event.pin_hash)
            )
            if not rehashed.rowcount:
                raise BrokenRule("verify.rehash_unknown_officer", id=event.officer_id)
        case StationCreated():
            conn.execute(
                insert(_STATION).values(
                    tps=event.tps,
                    polling_date=event.polling_date,
                    timezone=event.timezone,
                    opens=event.opens,
                    closes=event.closes,
                    dpk_from=event.dpk_from,
                    backup_dir=event.backup_dir,
                    backup_minutes=event.backup_minutes,
                    backup_keep=event.backup_keep,
                    created_at=event.created_at,
                    drill=event.drill,
                    drill_at=event.drill_at,
                    drill_since=event.drill_since,
                    rutan=event.rutan,
                    desa=event.desa,
                    kecamatan=event.kecamatan,
                    kabupaten=event.kabupaten,
                    provinsi=event.provinsi,
                )
            )
        case RollImported():
            conn.execute(
                update(_STATION).values(roll_count=event.count, roll_fingerprint=event.fingerprint)
            )
            if event.voters:
                conn.execute(insert(_VOTERS), [voter_columns(v) for v in event.voters])
        case BackupTargetSet():
            conn.execute(
                update(_STATION).values(
                    backup_dir=event.backup_dir,
                    backup_minutes=event.backup_minutes,
                    backup_keep=event.backup_keep,
                )
            )
        case PollsClosed():
            _CLOSE.run(conn, closed_at_=event.at)
        case DrillClockSet():
            moved = conn.execute(
                update(_STATION)
                .where(_STATION.c.drill)
                .values(drill_at=event.drill_at, drill_since=event.since)
            )
            if not moved.rowcount:  # a real station never runs on a drill clock
                raise BrokenRule("verify.drill_clock_on_real")
        case _:
            raise TypeError(f"no projection for {type(event).__name__}")


def voter_columns(voter: VoterRow) -> dict[str, Any]:
    """A voter's roll fields (as the roll is fingerprinted and a DPK voter logged) by column."""
    return {
        "no": voter["no"],
        "nik": voter["nik"],
        "name": voter["name"],
        "sex": voter["sex"],
        "birth_date": voter["birth_date"],
        "category": voter["category"],
        "register_no": voter["register_no"],
        "block": voter["block"],
        "cell": voter["cell"],
        "disability": voter["disability"],
        "ballots": voter["ballots"],
    }


def _hand_out(
    conn: Connection, checkin_id: int, draws: tuple[Draw, ...], at: str, *, replacement: int
) -> None:
    """One issued row per ballot, each taken out of the running stock of its source."""
    out = _TAKE.first_refused(conn, [{"src": d.source, "type_": d.ballot} for d in draws])
    if out is not None:
        raise BrokenRule(
            "verify.ballot_not_in_stock", type=draws[out].ballot, source=draws[out].source
        )
    _ISSUE.run_many(
        conn,
        [
            {
                "checkin_id": checkin_id,
                "ballot": d.ballot,
                "replacement": replacement,
                "source": d.source,
                "at": at,
            }
            for d in draws
        ],
    )


def _note_incident(conn: Connection, event: IncidentRecorded) -> None:
    """A new line of the incident form; a correction names one of the lines before it."""
    incidents: Table = Incident.__table__  # type: ignore[attr-defined]
    if event.corrects is not None and not (
        0 < event.corrects < event.no
        and conn.execute(select(incidents.c.no).where(incidents.c.no == event.corrects)).first()
    ):
        raise BrokenRule("verify.incident_corrects_unknown", no=event.corrects)
    conn.execute(
        insert(incidents).values(
            no=event.no,
            at=event.at,
            officer_id=event.officer_id,
            desk=event.desk,
            text=event.text,
            witness=event.witness,
            voter_id=event.voter_id,
            corrects=event.corrects,
        )
    )


def _receive(conn: Connection, event: BallotsReceived) -> None:
    """Stock received at a source. A source named for the first time is drawn from after the
    ones already known (the station's own stock always first)."""
    sources: Table = BallotSource.__table__  # type: ignore[attr-defined]
    known = {
        name: place for name, place in conn.execute(select(sources.c.name, sources.c.position))
    }
    if event.source not in known:
        own = conn.execute(select(_STATION.c.tps)).scalar() == event.source
        position = OWN_POSITION if own else max([OWN_POSITION, *known.values()]) + 1
        conn.execute(
            insert(sources).values(name=event.source, position=position, added_at=event.at)
        )
    held = set(
        conn.execute(select(_STOCK.c.ballot).where(_STOCK.c.source == event.source)).scalars()
    )
    for ballot, count in event.counts.items():
        if ballot in held:
            conn.execute(
                update(_STOCK)
                .where(_STOCK.c.source == event.source, _STOCK.c.ballot == ballot)
                .values(received=_STOCK.c.received + count, remaining=_STOCK.c.remaining + count)
            )
        else:
            conn.execute(
                insert(_STOCK).values(
                    source=event.source, ballot=ballot, received=count, remaining=count
                )
            )
