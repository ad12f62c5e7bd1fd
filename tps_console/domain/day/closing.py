"""The end of voting: the 13:00 queue and closing the polls.

At 13:00 only voters already standing in the queue may still vote: the chair records who they
are, and after 13:00 the check-in lets in only those. Closing the polls freezes the record (see
`rules.ensure_not_closed`); both are events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlmodel import col

from tps_console.domain.day.checkin import active_check_in, is_queued, resolve
from tps_console.domain.day.counts import WAITING
from tps_console.domain.day.hours import PollState, day_over, ensure_not_closed, poll_state
from tps_console.domain.day.officers import OfficerInfo, require_chair
from tps_console.domain.errors import AlreadyVoted, BadInput, Refused
from tps_console.domain.record.clock import stamp
from tps_console.domain.record.events import PollsClosed, QueueJoined
from tps_console.domain.record.projection import closed_at_asked, closed_at_of, record_event
from tps_console.domain.record.station import Record
from tps_console.domain.record.timefmt import local_time
from tps_console.domain.store.db import together
from tps_console.domain.store.models import Voter
from tps_console.domain.vocab import VoterStatus


@dataclass(frozen=True)
class Queued:
    voter_id: int
    no: int
    name: str


@dataclass(frozen=True)
class Closed:
    at: str
    queue_waiting: int  # queued voters never checked in


def record_queue(rec: Record, chair: OfficerInfo, keys: Sequence[str]) -> list[Queued]:
    """Record who stands in the queue at closing time (chair only; from 13:00 until closed).

    All or nothing: one key that is not a voter who may still vote refuses the whole list."""
    require_chair(chair)
    if not keys:
        raise BadInput("queue.empty")
    voter_ids = list(dict.fromkeys(resolve(rec, key) for key in keys))
    queued: list[Queued] = []
    with rec.write() as conn:
        ensure_not_closed(conn, rec.station)
        state = poll_state(rec.station, rec.now())
        if state == PollState.CLOSED:
            raise day_over(rec.station)
        if state != PollState.QUEUE_ONLY:
            raise Refused("queue.not_now", closes=rec.station.closes.strftime("%H:%M"))
        at = stamp(rec.now())
        for voter_id in voter_ids:
            voter = conn.execute(
                select(
                    col(Voter.no), col(Voter.name), col(Voter.status), col(Voter.status_reason)
                ).where(col(Voter.id) == voter_id)
            ).one()
            _check_may_queue(conn, voter_id, voter)
            joined = QueueJoined(at=at, officer_id=chair.id, desk=rec.desk, voter_id=voter_id)
            record_event(conn, rec, joined)
            queued.append(Queued(voter_id, voter.no, voter.name))
    return queued


def _check_may_queue(conn: Connection, voter_id: int, voter: Any) -> None:
    if voter.status == VoterStatus.RELEASED:
        raise Refused("checkin.released", name=voter.name, reason=voter.status_reason)
    if voter.status == VoterStatus.TRANSFERRED:
        raise Refused("checkin.transferred", name=voter.name, reason=voter.status_reason)
    if active_check_in(conn, voter_id) is not None:
        raise AlreadyVoted("queue.already_voted", name=voter.name)
    if is_queued(conn, voter_id):
        raise Refused("queue.already_queued", name=voter.name)


def close_polls(rec: Record, chair: OfficerInfo) -> Closed:
    """Close the polls (chair only, not before the closing hour). Afterwards nothing changes."""
    require_chair(chair)
    with rec.write() as conn:
        # Read together: on a server, one round trip with BEGIN and the lock.
        closed, left = together(conn, closed_at_asked(), WAITING.one())
        already = closed_at_of(closed)
        if already is not None:
            raise Refused("close.already", closed=local_time(rec.station, already, seconds=False))
        state = poll_state(rec.station, rec.now())
        if state in (PollState.NOT_OPEN, PollState.OPEN, PollState.DPK_HOUR):
            raise Refused("close.too_early", closes=rec.station.closes.strftime("%H:%M"))
        waiting = int(left[0])
        closed = PollsClosed(
            at=stamp(rec.now()), officer_id=chair.id, desk=rec.desk, queue_waiting=waiting
        )
        record_event(conn, rec, closed)
    return Closed(closed.at, waiting)
