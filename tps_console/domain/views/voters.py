"""What the desk shows about voters: one voter's card, and who has not voted yet, by block."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlmodel import col

from tps_console.domain.day.ballots import BallotPlan, plan_for
from tps_console.domain.day.checkin import look_up, refusal, voted_elsewhere
from tps_console.domain.errors import Refused, TpsError
from tps_console.domain.order import natural_key
from tps_console.domain.record.station import Record
from tps_console.domain.roll.parse import age_on
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, IssuedBallot, Voter
from tps_console.domain.views.status import Status, status_in
from tps_console.domain.vocab import ALL_BALLOTS, VoterStatus


@dataclass(frozen=True)
class Handed:
    """A ballot handed to the voter, the source it came from, and whether it was spoiled."""

    ballot: str
    source: str
    replacement: bool
    spoiled: bool


@dataclass(frozen=True)
class FirstCheckIn:
    checkin_id: int
    at: str
    officer_id: str
    officer_name: str
    desk: str
    handed: tuple[Handed, ...] = ()


@dataclass(frozen=True)
class VoterDetails:
    id: int
    no: int
    nik: str
    name: str
    sex: str
    birth_date: date
    age: int
    category: str
    register_no: str
    block: str
    cell: str
    disability: str
    ballots: tuple[str, ...]
    status: str
    status_reason: str
    checked_in: FirstCheckIn | None
    plan: BallotPlan | None  # what a check-in would hand out now (None once checked in)
    # Why Enter would be refused now, as the check-in itself decides it (None: may vote; a
    # shortage the chair may still decide on is not a refusal yet).
    refusal: TpsError | None

    @property
    def eligible(self) -> bool:
        return self.status == VoterStatus.ELIGIBLE


def voter_details(rec: Record, voter_id: int) -> VoterDetails:
    with read(rec.engine) as conn:
        decided_on = look_up(conn, voter_id)
        if decided_on is None:
            raise Refused("checkin.unknown", key=str(voter_id))
        row = conn.execute(select(Voter).where(col(Voter.id) == voter_id)).one()
        v = row._mapping
        plan_now = plan_for(conn, v["ballots"])
        refused = refusal(
            rec.station,
            rec.now(),
            decided_on,
            plan_now,
            short_approved=True,
            elsewhere=voted_elsewhere(conn, rec, voter_id),
        )
        if decided_on.first_id is None:
            plan: BallotPlan | None = plan_now
            checked_in = None
        else:
            plan = None
            handed = conn.execute(
                select(
                    col(IssuedBallot.ballot),
                    col(IssuedBallot.source),
                    col(IssuedBallot.replacement),
                )
                .add_columns(col(IssuedBallot.spoiled_at))
                .where(col(IssuedBallot.checkin_id) == decided_on.first_id)
            ).all()
            handed = sorted(handed, key=lambda h: (ALL_BALLOTS.index(h[0]), h[2]))
            checked_in = FirstCheckIn(
                decided_on.first_id,
                decided_on.first_at,
                decided_on.first_officer_id,
                decided_on.first_officer,
                decided_on.first_desk,
                tuple(
                    Handed(b, src, bool(r), spoiled is not None) for b, src, r, spoiled in handed
                ),
            )
    birth = date.fromisoformat(v["birth_date"])
    return VoterDetails(
        id=v["id"],
        no=v["no"],
        nik=v["nik"],
        name=v["name"],
        sex=v["sex"],
        birth_date=birth,
        age=age_on(birth, rec.station.polling_date),
        category=v["category"],
        register_no=v["register_no"] or "",
        block=v["block"],
        cell=v["cell"],
        disability=v["disability"],
        ballots=tuple(b for b in v["ballots"].split(",") if b),
        status=v["status"],
        status_reason=v["status_reason"],
        checked_in=checked_in,
        plan=plan,
        refusal=refused,
    )


@dataclass(frozen=True)
class DeskSnapshot:
    """The desk's periodic read, one consistent snapshot: turnout; who is checked in and who may
    not vote (released, transferred), by any desk, so the results list can mark them; and the
    newest voter, so the search can take in DPK voters registered at other desks."""

    status: Status
    checked_in: frozenset[int]
    not_eligible: frozenset[int]
    last_voter_id: int


def desk_snapshot(rec: Record) -> DeskSnapshot:
    with read(rec.engine) as conn:
        checked_in = conn.execute(select(col(CheckIn.voter_id)).where(col(CheckIn.active)))
        not_eligible = conn.execute(
            select(Voter.__table__.c.id).where(col(Voter.status) != VoterStatus.ELIGIBLE)  # type: ignore[attr-defined]
        )
        return DeskSnapshot(
            status_in(conn, rec),
            frozenset(checked_in.scalars()),
            frozenset(not_eligible.scalars()),
            conn.execute(select(func.max(col(Voter.id)))).scalar() or 0,
        )


@dataclass(frozen=True)
class Waiting:
    """An eligible voter who has not checked in yet, for the rutan staff's escort list."""

    no: int
    name: str
    register_no: str
    block: str
    cell: str


@dataclass(frozen=True)
class BlockProgress:
    block: str
    eligible: int
    voted: int
    waiting: tuple[Waiting, ...]


def waiting_by_block(rec: Record) -> list[BlockProgress]:
    """Per block, in natural order (`order.natural_key`): how many voted and who is still to be
    escorted, by cell."""
    voted_ids = select(col(CheckIn.voter_id)).where(col(CheckIn.active))
    with read(rec.engine) as conn:
        found = conn.execute(
            select(
                col(Voter.id).in_(voted_ids), col(Voter.no), col(Voter.name), col(Voter.register_no)
            )
            .add_columns(col(Voter.block), col(Voter.cell))
            .where(col(Voter.status) == VoterStatus.ELIGIBLE)
        ).all()
    # Sorted here, not in SQL: "Kamar 10" comes after "Kamar 9" for the escorts.
    rows = sorted(found, key=lambda r: (natural_key(r.block), natural_key(r.cell), r.no))
    blocks: dict[str, tuple[list[int], list[Waiting]]] = {}
    for voted, no, name, register_no, block, cell in rows:
        counts, waiting = blocks.setdefault(block or "-", ([0, 0], []))
        counts[0] += 1
        if voted:
            counts[1] += 1
        else:
            waiting.append(Waiting(no, name, register_no or "", block, cell))
    return [
        BlockProgress(block, counts[0], counts[1], tuple(waiting))
        for block, (counts, waiting) in blocks.items()
    ]
