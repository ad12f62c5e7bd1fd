"""Checking a voter in, and undoing a check-in. The heart of "no double vote, no lost check-in".

A check-in, the ballots it hands out and its event commit in one transaction under the write
lock. The database's partial unique index is the last word on duplicates: even a desk that skipped
the look-up cannot insert a second active check-in. A refused attempt is committed as an event of
its own, so the panel can count blocked duplicates and the record shows who tried — except once
the polls are closed, when the record is frozen and nothing more is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from tps_console.domain.day import ballots
from tps_console.domain.day.ballots import BallotPlan
from tps_console.domain.day.hours import (
    PollState,
    day_over,
    ensure_not_closed,
    frozen,
    not_open_yet,
    outside_dpk_hour,
    poll_state,
    refuse_if_closed,
)
from tps_console.domain.day.officers import OfficerInfo, require_chair
from tps_console.domain.day.reasons import given_reason
from tps_console.domain.errors import AlreadyVoted, BadInput, Frozen, Refused, TpsError, echoed
from tps_console.domain.record import chain
from tps_console.domain.record.clock import stamp
from tps_console.domain.record.events import (
    CheckedIn,
    CheckInRefused,
    CheckInUndone,
    Draw,
    DuplicateBlocked,
    VoterStatusSet,
)
from tps_console.domain.record.projection import closed_at_asked, closed_at_of, record_event
from tps_console.domain.record.station import Record, StationInfo
from tps_console.domain.roll.nik import normalise_nik
from tps_console.domain.roll.parse import normalise_register_no
from tps_console.domain.store import site
from tps_console.domain.store.db import Prepared, read, together
from tps_console.domain.store.models import CheckIn, Event, Officer, QueueEntry, Station, Voter
from tps_console.domain.vocab import Category, VoterStatus


@dataclass(frozen=True)
class CheckInDone:
    checkin_id: int
    voter_id: int
    voter_no: int
    name: str
    at: str
    officer_id: str
    desk: str
    ballots: tuple[str, ...]  # the types handed out
    issued: tuple[Draw, ...] = ()  # each with the source it was drawn from
    short: tuple[str, ...] = ()  # types the voter is entitled to but did not get (out of stock)


def find_voter_id(conn: Connection, key: str) -> int | None:
    """A voter by NIK (spaces and dots ignored) or register number, exactly."""
    nik = normalise_nik(key)
    if isinstance(nik, str):
        found = conn.execute(select(col(Voter.id)).where(col(Voter.nik) == nik)).scalar()
        if found is not None:
            return int(found)
    register = normalise_register_no(key)
    if not register:
        return None
    found = conn.execute(select(col(Voter.id)).where(col(Voter.register_no) == register)).scalar()
    return int(found) if found is not None else None


def resolve(rec: Record, key: str) -> int:
    """The voter `key` names; refused if not on this TPS's roll (on a site: sent on to the TPS
    whose roll they are on, nothing recorded here)."""
    with read(rec.engine) as conn:
        voter_id = find_voter_id(conn, key)
        # Asked of the database, not of `rec.site`: the site may have formed since this desk
        # opened its record, and a voter not on the roll is rare enough to ask each time.
        elsewhere = on_other_roll(conn, key) if voter_id is None and site.in_site(conn) else None
    if elsewhere is not None:
        raise elsewhere
    if voter_id is None:
        raise Refused("checkin.unknown", key=echoed(key))
    return voter_id


_SITE_ROLL = site.ROLL
_ON_OTHER_ROLL = select(
    _SITE_ROLL.c.tps, _SITE_ROLL.c.name, _SITE_ROLL.c.block, _SITE_ROLL.c.cell
).where(_SITE_ROLL.c.station != func.current_schema())


def on_other_roll(conn: Connection, key: str) -> Refused | None:
    """On a site: the refusal that sends a voter not on this roll to the TPS whose roll they
    are on ("Terdaftar di TPS 903, blok C kamar 4"), or None if on no roll of the site."""
    nik, register = normalise_nik(key), normalise_register_no(key)
    if isinstance(nik, str):
        found = conn.execute(_ON_OTHER_ROLL.where(_SITE_ROLL.c.nik == nik)).first()
    elif register:
        found = conn.execute(_ON_OTHER_ROLL.where(_SITE_ROLL.c.register_no == register)).first()
    else:
        return None
    if found is None:
        return None
    return Refused(
        "checkin.other_tps",
        name=found.name,
        tps=found.tps,
        block=found.block or "-",
        cell=found.cell or "-",
    )


_CI = CheckIn.__table__  # type: ignore[attr-defined]
_OFF = Officer.__table__  # type: ignore[attr-defined]
_VOTERS = Voter.__table__  # type: ignore[attr-defined]
_EVENTS = Event.__table__  # type: ignore[attr-defined]
_ACTIVE = Prepared(
    select(_CI.c.id, _CI.c.at, _CI.c.desk, _CI.c.officer_id, _OFF.c.name)
    .join(_OFF, _OFF.c.id == _CI.c.officer_id)
    .where(_CI.c.voter_id == bindparam("voter_id"), _CI.c.active)
)
_QUEUE = QueueEntry.__table__  # type: ignore[attr-defined]
_NEWEST_EVENT = select(_EVENTS).order_by(_EVENTS.c.seq.desc()).limit(1).subquery()
_VOTER_FIELDS = ("id", "no", "name", "category", "ballots", "status", "status_reason")
# Everything a check-in decides on, in one round trip under the write lock: the voter, their
# active check-in (with the officer's name), whether they stand in the 13:00 queue, whether the
# polls are closed, the chain head, and the newest check-in id (the new one's is the next: see
# `_record_check_in`).
_LOOK_UP = Prepared(
    select(
        *(_VOTERS.c[name] for name in _VOTER_FIELDS),
        _CI.c.id.label("first_id"),
        _CI.c.at.label("first_at"),
        _CI.c.desk.label("first_desk"),
        _CI.c.officer_id.label("first_officer_id"),
        _OFF.c.name.label("first_officer"),
        exists().where(_QUEUE.c.voter_id == _VOTERS.c.id).label("queued"),
        select(Station.__table__.c.closed_at).scalar_subquery().label("closed_at"),  # type: ignore[attr-defined]
        select(_NEWEST_EVENT.c.seq).scalar_subquery().label("head_seq"),
        select(_NEWEST_EVENT.c.hash).scalar_subquery().label("head_hash"),
        select(func.max(_CI.c.id)).scalar_subquery().label("last_checkin_id"),
    )
    .select_from(
        _VOTERS.outerjoin(_CI, (_CI.c.voter_id == _VOTERS.c.id) & _CI.c.active).outerjoin(
            _OFF, _OFF.c.id == _CI.c.officer_id
        )
    )
    .where(_VOTERS.c.id == bindparam("voter_id"))
)
_VOTES = site.VOTE
# On a site: this voter's NIK checked in at another TPS (read with the look-up, `together`).
_VOTED_ELSEWHERE = Prepared(
    select(_VOTES.c.tps, _VOTES.c.at, _VOTES.c.desk, _VOTES.c.officer).where(
        _VOTES.c.nik
        == select(_VOTERS.c.nik).where(_VOTERS.c.id == bindparam("voter_id")).scalar_subquery(),
        _VOTES.c.active,
        _VOTES.c.station != func.current_schema(),
    )
)
_STATUS = select(_VOTERS.c.no, _VOTERS.c.name, _VOTERS.c.status).where(
    _VOTERS.c.id == bindparam("voter_id")
)
_QUEUED = select(_QUEUE.c.at).where(_QUEUE.c.voter_id == bindparam("voter_id"))


def active_check_in(conn: Connection, voter_id: int) -> Any:
    """The voter's active check-in (id, at, desk, officer_id, name), or None."""
    return _ACTIVE.first(conn, voter_id=voter_id)


def voted_elsewhere(conn: Connection, rec: Record, voter_id: int) -> Any:
    """On a site: where and when this voter's NIK was checked in at another TPS, or None."""
    return _VOTED_ELSEWHERE.first(conn, voter_id=voter_id) if rec.site else None


def first_check_in(voter: Any) -> AlreadyVoted | None:
    """The refusal a second check-in gets, from a `_LOOK_UP` row, or None if not checked in."""
    if voter.first_id is None:
        return None
    return AlreadyVoted(
        "checkin.already_voted",
        name=voter.name,
        at=voter.first_at,
        officer=voter.first_officer,
        officer_id=voter.first_officer_id,
        desk=voter.first_desk,
        checkin_id=voter.first_id,
    )


def is_queued(conn: Connection, voter_id: int) -> bool:
    """Whether the chair recorded this voter in the queue at closing time."""
    found = conn.execute(_QUEUED, {"voter_id": voter_id}).first()
    return found is not None


def look_up(conn: Connection, voter_id: int) -> Row[*tuple[Any, ...]] | None:
    """What a check-in of this voter is decided on (see `refusal`), or None if no such voter."""
    return _LOOK_UP.first(conn, voter_id=voter_id)


def refusal(
    station: StationInfo,
    now: datetime,
    voter: Any,
    plan: BallotPlan,
    *,
    short_approved: bool,
    elsewhere: Any = None,
) -> TpsError | None:
    """Why checking in `voter` (a `look_up` row) at `now` with `plan` is refused, or None.
    `elsewhere`: on a site, the voter's NIK checked in at another TPS (`voted_elsewhere`).

    The one decision: the check-in acts on it, and the voter card shows it before Enter (with
    `short_approved`: a shortage the chair may still decide on is no refusal yet). Pure, so that
    both judge the same facts the same way."""
    closed = frozen(station, voter.closed_at)
    if closed is not None:
        return closed
    already = first_check_in(voter)
    if already is not None:
        return already
    if elsewhere is not None:
        return AlreadyVoted(
            "checkin.voted_elsewhere",
            name=voter.name,
            tps=elsewhere.tps,
            at=elsewhere.at,
            officer=elsewhere.officer,
            desk=elsewhere.desk,
        )
    if voter.status == VoterStatus.RELEASED:
        return Refused("checkin.released", name=voter.name, reason=voter.status_reason)
    if voter.status == VoterStatus.TRANSFERRED:
        return Refused("checkin.transferred", name=voter.name, reason=voter.status_reason)
    state = poll_state(station, now)
    if state == PollState.NOT_OPEN:
        return not_open_yet(station)
    if state == PollState.CLOSED:
        return day_over(station)
    if state == PollState.QUEUE_ONLY and not voter.queued:
        return Refused(
            "checkin.not_queued", name=voter.name, closes=station.closes.strftime("%H:%M")
        )
    if state == PollState.OPEN and voter.category == Category.DPK:
        # DPK voters come in the DPK hour; one still in the 13:00 queue may vote after it.
        return outside_dpk_hour(station)
    return _shortage(plan, short_approved)


def _shortage(plan: BallotPlan, approved: bool) -> TpsError | None:
    """Refuse when a needed type is out, unless the chair decided to hand out what remains."""
    if plan.complete:
        return None
    if not plan.draws:
        return Refused("ballots.none_left", types=", ".join(plan.short))
    if not approved:
        return Refused("ballots.out", types=", ".join(plan.short))
    return None


def check_in(
    rec: Record,
    officer: OfficerInfo,
    *,
    voter_id: int | None = None,
    key: str | None = None,
    short_approved_by: OfficerInfo | None = None,
) -> CheckInDone:
    """Check a voter in (by id, or by NIK / register number) and hand out their ballots.

    If a type the voter is entitled to is out of stock the check-in is refused ("no ballots"),
    unless `short_approved_by` is the chair who decided to hand out what remains (the desk shows
    what would be handed out, `views.voters`, before confirming). Raises the reason if refused.
    """
    if short_approved_by is not None:
        require_chair(short_approved_by)
    if voter_id is None:
        voter_id = resolve(rec, key or "")
    try:
        outcome = _check_in_once(rec, officer, voter_id, key, short_approved_by, rec.site)
    except IntegrityError as exc:
        # Another desk's check-in of this voter committed between our look-up and our insert and
        # the unique index refused ours. SQLite cannot get here (BEGIN IMMEDIATE serialises the
        # desks); a server database can, and on a site a desk of another TPS (whose write lock
        # is another) more often. The second attempt sees that check-in and records the refusal
        # like any duplicate; it looks across the site if the site's index refused this one,
        # even on a desk opened before its TPS joined a site.
        across = rec.site or site.VOTE_INDEX in str(exc.orig)
        outcome = _check_in_once(rec, officer, voter_id, key, short_approved_by, across)
    if isinstance(outcome, TpsError):
        raise outcome
    return outcome


def _check_in_once(
    rec: Record,
    officer: OfficerInfo,
    voter_id: int,
    key: str | None,
    short_approved_by: OfficerInfo | None,
    across_site: bool,
) -> CheckInDone | TpsError:
    outcome: CheckInDone | TpsError
    asked = [_LOOK_UP.one(voter_id=voter_id), ballots.available_asked()]
    if across_site:
        asked.append(_VOTED_ELSEWHERE.one(voter_id=voter_id))
    with rec.write() as conn:
        # Read together: on a server, one round trip with BEGIN and the lock (`db.together`).
        voter, stock, *elsewhere = together(conn, *asked)
        if voter is None:
            raise Refused("checkin.unknown", key=echoed(str(key or voter_id)))
        # One instant for the whole check-in: the hours it was judged by are the time it records.
        now = rec.now()
        plan = ballots.plan_draw(ballots.entitlement(voter.ballots), stock)
        refused = refusal(
            rec.station,
            now,
            voter,
            plan,
            short_approved=short_approved_by is not None,
            elsewhere=elsewhere[0] if elsewhere else None,
        )
        if isinstance(refused, Frozen):
            raise refused  # the record is final: not even the refusal is written
        head = (voter.head_seq or 0, voter.head_hash or chain.GENESIS)
        if refused is None:
            outcome = _record_check_in(
                conn, rec, officer, voter, plan, short_approved_by, head, stamp(now)
            )
        else:
            _record_refusal(conn, rec, officer, voter.id, refused, head, stamp(now))
            outcome = refused
    if isinstance(outcome, TpsError):
        outcome.logged = True  # its event committed with the transaction just closed
    return outcome


def _record_check_in(
    conn: Connection,
    rec: Record,
    officer: OfficerInfo,
    voter: Any,
    plan: BallotPlan,
    short_approved_by: OfficerInfo | None,
    head: tuple[int, str],
    at: str,
) -> CheckInDone:
    # The event carries its check-in's id, so that replaying it gives the same row. The next after
    # the newest is what SQLite's rowid gave before events carried it: the same day logs the same
    # payloads and hashes as before (an audit head a witness compares, the screens' snapshots),
    # and check-ins are numbered 1, 2, 3 as the officer sees them. It is read in the look-up the
    # check-in makes anyway (a max over the primary key, about 2 µs; the event's own seq would
    # cost nothing but would change every check-in's payload from today's). Under the write lock
    # nothing takes it meanwhile; on a server database a desk that races another hits the primary
    # key and `check_in` tries again.
    checkin_id = (voter.last_checkin_id or 0) + 1
    approved = short_approved_by.id if plan.short and short_approved_by is not None else None
    event = CheckedIn(
        at=at,
        officer_id=officer.id,
        desk=rec.desk,
        voter_id=voter.id,
        checkin_id=checkin_id,
        draws=plan.draws,
        short=plan.short if approved else (),
        short_approved_by=approved,
    )
    record_event(conn, rec, event, after=head)
    return CheckInDone(
        checkin_id,
        voter.id,
        voter.no,
        voter.name,
        at,
        officer.id,
        rec.desk,
        tuple(d.ballot for d in plan.draws),
        plan.draws,
        plan.short,
    )


def _record_refusal(
    conn: Connection,
    rec: Record,
    officer: OfficerInfo,
    voter_id: int,
    refusal: TpsError,
    head: tuple[int, str],
    at: str,
) -> None:
    event: DuplicateBlocked | CheckInRefused
    if isinstance(refusal, AlreadyVoted):
        event = DuplicateBlocked(
            at=at,
            officer_id=officer.id,
            desk=rec.desk,
            voter_id=voter_id,
            reason=refusal.key,
            first_checkin=refusal.params.get("checkin_id"),
        )
    else:
        event = CheckInRefused(
            at=at, officer_id=officer.id, desk=rec.desk, voter_id=voter_id, reason=refusal.key
        )
    record_event(conn, rec, event, after=head)


def correctable_check_in(conn: Connection, rec: Record, voter_id: int, missing: str) -> Any:
    """The voter's active check-in, for a chair's correction (undo, replacement): refused with
    `missing` if there is none, and refused altogether once the polls are closed."""
    closed, first = together(conn, closed_at_asked(), _ACTIVE.one(voter_id=voter_id))
    refuse_if_closed(rec.station, closed_at_of(closed))
    if first is None:
        raise Refused(missing)
    return first


def undo_check_in(
    rec: Record,
    officer: OfficerInfo,
    reason: str,
    *,
    voter_id: int | None = None,
    key: str | None = None,
    checkin_id: int | None = None,
) -> int:
    """Undo a voter's active check-in (chair only, with a reason); its ballots go back to stock.

    `checkin_id`: the check-in the chair saw (on the card); refused if the active one is another
    by now (undone and made again at another desk meanwhile). Returns the check-in id."""
    require_chair(officer)
    reason = given_reason(reason, "undo.reason_needed")
    if voter_id is None:
        voter_id = resolve(rec, key or "")
    with rec.write() as conn:
        first = correctable_check_in(conn, rec, voter_id, "undo.not_checked_in")
        if checkin_id is not None and first.id != checkin_id:
            raise Refused("undo.changed")
        undone = CheckInUndone(
            at=stamp(rec.now()),
            officer_id=officer.id,
            desk=rec.desk,
            voter_id=voter_id,
            checkin_id=first.id,
            reason=reason,
        )
        record_event(conn, rec, undone)
    return int(first.id)


@dataclass(frozen=True)
class StatusChanged:
    voter_id: int
    no: int
    name: str
    status: str


def set_voter_status(
    rec: Record, officer: OfficerInfo, voter_id: int, status: str, reason: str
) -> StatusChanged:
    """Mark a voter released or transferred, or eligible again (a mark made by mistake is
    reversed, never deleted): chair only, with a reason."""
    require_chair(officer)
    if status not in tuple(VoterStatus):
        raise BadInput("status.bad", status=status)
    reason = given_reason(reason, "status.reason_needed")
    with rec.write() as conn:
        ensure_not_closed(conn, rec.station)
        voter = conn.execute(_STATUS, {"voter_id": voter_id}).one()
        if status == VoterStatus.ELIGIBLE:
            if voter.status == VoterStatus.ELIGIBLE:
                raise Refused("status.not_marked", name=voter.name)
        elif active_check_in(conn, voter_id) is not None:
            raise Refused("status.already_voted")
        changed = VoterStatusSet(
            at=stamp(rec.now()),
            officer_id=officer.id,
            desk=rec.desk,
            voter_id=voter_id,
            status=status,
            reason=reason,
        )
        record_event(conn, rec, changed)
    return StatusChanged(voter_id, voter.no, voter.name, status)
