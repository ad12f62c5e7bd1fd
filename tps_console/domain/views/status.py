"""Turnout figures for `status`, the desk's strip and the witness panel. Counts only, no names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.day.counts import incident_count, queue_waiting
from tps_console.domain.day.hours import PollState, poll_state
from tps_console.domain.record import chain
from tps_console.domain.record.projection import closed_at
from tps_console.domain.record.proof import noted_code, proof_json
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, Event, QueueEntry, Voter
from tps_console.domain.vocab import Category, EventKind, Sex, VoterStatus


@dataclass(frozen=True)
class Status:
    tps: str
    expected: int
    checked_in: int
    by_category: dict[str, int]
    by_gender: dict[str, int]
    blocked_duplicates: int
    undone: int
    audit_head: str
    events: int
    roll_fingerprint: str
    polls: PollState
    drill: bool
    queued: int = 0  # voters recorded in the 13:00 queue
    queue_waiting: int = 0  # of those, not checked in yet
    closed_at: str | None = None
    closing: tuple[int, str] | None = None  # the polls-closed event: (seq, hash)
    incidents: int = 0  # lines of C.Kejadian Khusus, corrections included

    @property
    def proof_event(self) -> tuple[int, str]:
        """The event a witness notes now (seq, hash): the closing one once closed, which no
        later sign-in moves, else the newest."""
        return self.closing or (self.events, self.audit_head)

    @property
    def proof_code(self) -> str:
        return noted_code(*self.proof_event)

    @property
    def turnout_pct(self) -> float:
        return round(100 * self.checked_in / self.expected, 2) if self.expected else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "tps": self.tps,
            "expected": self.expected,
            "checked_in": self.checked_in,
            "turnout_pct": self.turnout_pct,
            "by_category": self.by_category,
            "by_gender": self.by_gender,
            "blocked_duplicates": self.blocked_duplicates,
            "undone": self.undone,
            "polls": self.polls.value,
            "queue": {"recorded": self.queued, "waiting": self.queue_waiting},
            "closed_at": self.closed_at,
            "simulasi": self.drill,
            "events": self.events,
            "roll_fingerprint": self.roll_fingerprint,
            **proof_json(self.events, self.audit_head, self.closing),
            "incidents": self.incidents,
        }


def count_by(
    conn: Connection, *columns: Any, active_only: bool = True
) -> dict[tuple[str, ...], int]:
    """Voters who came, grouped by voter columns (e.g. category, sex)."""
    query = (
        select(*columns, func.count())
        .select_from(CheckIn)
        .join(Voter, col(Voter.id) == col(CheckIn.voter_id))
    )
    if active_only:
        query = query.where(col(CheckIn.active))
    return {tuple(r[:-1]): int(r[-1]) for r in conn.execute(query.group_by(*columns))}


def read_status(rec: Record) -> Status:
    with read(rec.engine) as conn:
        return status_in(conn, rec)


def status_in(conn: Connection, rec: Record) -> Status:
    rec.follow_clock(conn)
    expected = conn.execute(
        select(func.count()).select_from(Voter).where(col(Voter.status) == VoterStatus.ELIGIBLE)
    ).scalar_one()
    by_cat_sex = count_by(conn, Voter.category, Voter.sex)
    by_category = {c.value: 0 for c in Category}
    by_gender = {s.value: 0 for s in Sex}
    for (category, sex), n in by_cat_sex.items():
        by_category[category] += n
        by_gender[sex] += n
    kinds: dict[str, int] = {
        kind: n
        for kind, n in conn.execute(
            select(col(Event.kind), func.count())
            .where(col(Event.kind).in_([EventKind.CHECKIN_UNDONE, EventKind.DUPLICATE_BLOCKED]))
            .group_by(col(Event.kind))
        ).all()
    }
    seq, head = chain.head(conn)
    closed = closed_at(conn)
    queued = conn.execute(select(func.count()).select_from(QueueEntry)).scalar_one()
    return Status(
        tps=rec.station.tps,
        expected=int(expected),
        checked_in=sum(by_category.values()),
        by_category=by_category,
        by_gender=by_gender,
        blocked_duplicates=int(kinds.get(EventKind.DUPLICATE_BLOCKED, 0)),
        undone=int(kinds.get(EventKind.CHECKIN_UNDONE, 0)),
        audit_head=head,
        events=seq,
        roll_fingerprint=rec.station.roll_fingerprint,
        polls=poll_state(rec.station, rec.now(), closed=closed is not None),
        drill=rec.drill,
        queued=int(queued),
        queue_waiting=queue_waiting(conn) if queued else 0,
        closed_at=closed,
        closing=chain.closing(conn) if closed else None,
        incidents=incident_count(conn),
    )
