"""Checking a voter in, and undoing a check-in. The heart of "no double vote, no lost check-in".

A check-in and its event commit in one transaction under the write lock. The database's partial
unique index is the last word on duplicates: even a desk that skipped the look-up cannot insert a
second active check-in. A refused attempt is committed as an event of its own, so the panel can
count blocked duplicates and the record shows who tried.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update
from sqlalchemy.exc import IntegrityError

from tps_console.domain import audit
from tps_console.domain.clock import stamp
from tps_console.domain.db import read, write
from tps_console.domain.errors import AlreadyVoted, BadInput, Refused, TpsError
from tps_console.domain.models import CheckIn, Officer, Station, Voter
from tps_console.domain.nik import normalise_nik
from tps_console.domain.officers import OfficerInfo, require_chair
from tps_console.domain.roll import normalise_register_no
from tps_console.domain.rules import PollState, poll_state
from tps_console.domain.station import Record
from tps_console.domain.vocab import EventKind, VoterStatus


@dataclass(frozen=True)
class CheckInDone:
    checkin_id: int
    voter_id: int
    voter_no: int
    name: str
    at: str
    officer_id: str
    desk: str
    ballots: tuple[str, ...]


def find_voter_id(conn: Connection, key: str) -> int | None:
    """A voter by NIK (spaces and dots ignored) or register number, exactly."""
    nik = normalise_nik(key)
    if isinstance(nik, str):
        found = conn.execute(select(Voter.id).where(Voter.nik == nik)).scalar()
        if found is not None:
            return int(found)
    register = normalise_register_no(key)
    if not register:
        return None
    found = conn.execute(select(Voter.id).where(Voter.register_no == register)).scalar()
    return int(found) if found is not None else None


def resolve(rec: Record, key: str) -> int:
    with read(rec.engine) as conn:
        voter_id = find_voter_id(conn, key)
    if voter_id is None:
        raise Refused("checkin.unknown", key=key.strip())
    return voter_id


def active_check_in(conn: Connection, voter_id: int) -> Row[Any] | None:
    return conn.execute(
        select(CheckIn.id, CheckIn.at, CheckIn.desk, CheckIn.officer_id, Officer.name)
        .join(Officer, Officer.id == CheckIn.officer_id)
        .where(CheckIn.voter_id == voter_id, CheckIn.active)
    ).first()


def _already_voted(first: Row[Any], voter: Any) -> AlreadyVoted:
    return AlreadyVoted(
        "checkin.already_voted",
        name=voter.name,
        at=first.at,
        officer=first.name,
        officer_id=first.officer_id,
        desk=first.desk,
        checkin_id=first.id,
    )


def _refusal(conn: Connection, voter: Any, rec: Record) -> TpsError | None:
    """Why this voter may not be checked in now, or None. Runs under the write lock."""
    first = active_check_in(conn, voter.id)
    if first is not None:
        return _already_voted(first, voter)
    if voter.status == VoterStatus.RELEASED:
        return Refused("checkin.released", name=voter.name, reason=voter.status_reason)
    if voter.status == VoterStatus.TRANSFERRED:
        return Refused("checkin.transferred", name=voter.name, reason=voter.status_reason)
    closed = conn.execute(select(Station.closed_at)).scalar() is not None
    state = poll_state(rec.station, rec.now(), closed=closed)
    if state == PollState.NOT_OPEN:
        return Refused("checkin.not_open", opens=rec.station.opens.strftime("%H:%M"))
    if state in (PollState.QUEUE_ONLY, PollState.CLOSED):
        return Refused("checkin.closed", closes=rec.station.closes.strftime("%H:%M"))
    return None


def check_in(
    rec: Record, officer: OfficerInfo, *, voter_id: int | None = None, key: str | None = None
) -> CheckInDone:
    """Check a voter in (by id, or by NIK / register number). Raises the reason if refused."""
    if voter_id is None:
        voter_id = resolve(rec, key or "")
    outcome: CheckInDone | TpsError
    with write(rec.engine) as conn:
        voter = conn.execute(select(Voter).where(Voter.id == voter_id)).first()
        if voter is None:
            raise Refused("checkin.unknown", key=str(key or voter_id))
        refusal = _refusal(conn, voter, rec)
        if refusal is None:
            outcome = _insert(conn, rec, officer, voter)
        else:
            _record_refusal(conn, rec, officer, voter.id, refusal)
            outcome = refusal
    if isinstance(outcome, TpsError):
        raise outcome
    return outcome


def _insert(conn: Connection, rec: Record, officer: OfficerInfo, voter: Any) -> CheckInDone:
    at = stamp(rec.now())
    checkin_id = conn.execute(
        insert(CheckIn).values(voter_id=voter.id, officer_id=officer.id, desk=rec.desk, at=at)
    ).inserted_primary_key[0]
    audit.append(
        conn,
        rec.clock,
        EventKind.CHECKIN,
        {"checkin_id": checkin_id},
        officer_id=officer.id,
        desk=rec.desk,
        voter_id=voter.id,
        at=at,
    )
    return CheckInDone(
        checkin_id,
        voter.id,
        voter.no,
        voter.name,
        at,
        officer.id,
        rec.desk,
        tuple(voter.ballots.split(",")),
    )


def _record_refusal(
    conn: Connection, rec: Record, officer: OfficerInfo, voter_id: int, refusal: TpsError
) -> None:
    duplicate = isinstance(refusal, AlreadyVoted)
    audit.append(
        conn,
        rec.clock,
        EventKind.DUPLICATE_BLOCKED if duplicate else EventKind.CHECKIN_REFUSED,
        {"reason": refusal.key, "first_checkin": refusal.params.get("checkin_id")}
        if duplicate
        else {"reason": refusal.key},
        officer_id=officer.id,
        desk=rec.desk,
        voter_id=voter_id,
    )


def insert_check_in_unchecked(conn: Connection, voter_id: int, officer_id: str, at: str) -> None:
    """Insert without any look-up. Only for proving that the index alone refuses duplicates."""
    try:
        conn.execute(
            insert(CheckIn).values(voter_id=voter_id, officer_id=officer_id, desk="", at=at)
        )
    except IntegrityError as exc:
        raise AlreadyVoted("checkin.already_voted_index") from exc


def undo_check_in(
    rec: Record,
    officer: OfficerInfo,
    reason: str,
    *,
    voter_id: int | None = None,
    key: str | None = None,
) -> int:
    """Undo a voter's active check-in (chair only, with a reason). Returns the check-in id."""
    require_chair(officer)
    if not reason.strip():
        raise BadInput("undo.reason_needed")
    if voter_id is None:
        voter_id = resolve(rec, key or "")
    with write(rec.engine) as conn:
        first = active_check_in(conn, voter_id)
        if first is None:
            raise Refused("undo.not_checked_in")
        at = stamp(rec.now())
        conn.execute(
            update(CheckIn)
            .where(CheckIn.id == first.id, CheckIn.active)
            .values(active=False, undone_at=at, undone_by=officer.id, undo_reason=reason.strip())
        )
        audit.append(
            conn,
            rec.clock,
            EventKind.CHECKIN_UNDONE,
            {"checkin_id": first.id, "reason": reason.strip()},
            officer_id=officer.id,
            desk=rec.desk,
            voter_id=voter_id,
            at=at,
        )
    return int(first.id)


def set_voter_status(
    rec: Record, officer: OfficerInfo, voter_id: int, status: str, reason: str
) -> None:
    """Mark a voter released or transferred (or eligible again), chair only, with a reason."""
    require_chair(officer)
    if status not in tuple(VoterStatus):
        raise BadInput("status.bad", status=status)
    if not reason.strip():
        raise BadInput("status.reason_needed")
    with write(rec.engine) as conn:
        if active_check_in(conn, voter_id) is not None and status != VoterStatus.ELIGIBLE:
            raise Refused("status.already_voted")
        at = stamp(rec.now())
        conn.execute(
            update(Voter)
            .where(Voter.id == voter_id)
            .values(status=status, status_reason=reason.strip(), status_at=at)
        )
        audit.append(
            conn,
            rec.clock,
            EventKind.VOTER_STATUS,
            {"status": status, "reason": reason.strip()},
            officer_id=officer.id,
            desk=rec.desk,
            voter_id=voter_id,
            at=at,
        )
