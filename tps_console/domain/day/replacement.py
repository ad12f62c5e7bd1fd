"""Replacing a spoiled ballot: once per voter and type, approved by the chair, with a reason.

The spoiled ballot keeps its row, marked, and counts as damaged (*rusak*) against the source it
came from; the replacement is drawn from the stock like any other ballot (own first, then the
lenders in order).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.day.ballots import available, parse_ballot, plan_draw
from tps_console.domain.day.checkin import correctable_check_in, resolve
from tps_console.domain.day.officers import OfficerInfo, require_chair
from tps_console.domain.day.reasons import given_reason
from tps_console.domain.errors import Refused
from tps_console.domain.record.clock import stamp
from tps_console.domain.record.events import BallotReplaced
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record
from tps_console.domain.store.models import CheckIn, IssuedBallot


@dataclass(frozen=True)
class Replaced:
    voter_id: int
    checkin_id: int
    ballot: str
    spoiled_source: str
    source: str
    at: str


def replace_ballot(
    rec: Record,
    chair: OfficerInfo,
    ballot: str,
    reason: str,
    *,
    voter_id: int | None = None,
    key: str | None = None,
) -> Replaced:
    """Replace a checked-in voter's spoiled ballot of one type. Raises the reason if refused."""
    require_chair(chair)
    code = parse_ballot(ballot)
    reason = given_reason(reason, "replace.reason_needed")
    if voter_id is None:
        voter_id = resolve(rec, key or "")
    with rec.write() as conn:
        first = correctable_check_in(conn, rec, voter_id, "replace.not_checked_in")
        spoiled_source = _handed_out(conn, first.id, code)
        if spoiled_source is None:
            raise Refused("replace.not_issued", type=code)
        if _replaced_before(conn, voter_id, code):
            raise Refused("replace.once", type=code)
        plan = plan_draw((code,), available(conn))
        if not plan.complete:
            raise Refused("ballots.out", types=code)
        replaced = BallotReplaced(
            at=stamp(rec.now()),
            officer_id=chair.id,
            desk=rec.desk,
            voter_id=voter_id,
            checkin_id=first.id,
            ballot=code,
            source=plan.draws[0].source,
            reason=reason,
        )
        record_event(conn, rec, replaced)
    return Replaced(voter_id, first.id, code, spoiled_source, replaced.source, replaced.at)


def _handed_out(conn: Connection, checkin_id: int, ballot: str) -> str | None:
    """The source of the ballot of this type given at check-in, if one was given."""
    return conn.execute(
        select(col(IssuedBallot.source)).where(
            col(IssuedBallot.checkin_id) == checkin_id,
            col(IssuedBallot.ballot) == ballot,
            col(IssuedBallot.replacement) == 0,
        )
    ).scalar()


def _replaced_before(conn: Connection, voter_id: int, ballot: str) -> bool:
    """Once per voter and type, even across an undone and repeated check-in."""
    spoiled = conn.execute(
        select(func.count())
        .select_from(IssuedBallot)
        .join(CheckIn, col(CheckIn.id) == col(IssuedBallot.checkin_id))
        .where(
            col(CheckIn.voter_id) == voter_id,
            col(IssuedBallot.ballot) == ballot,
            col(IssuedBallot.spoiled_at).is_not(None),
        )
    ).scalar_one()
    return bool(spoiled)
