"""Ballot stock and issuing: how many of each type each source holds, and which ballot a voter gets.

Stock has sources: the station's own (named after the station) and each lending TPS (*TPS
penyangga*), because the votes cast on a lender's ballots are counted back at the lender. A voter
gets exactly their entitlement, each type drawn from the own stock first, then from the lenders
in the order they were entered. The stock's `remaining` is a running count kept beside the issued
rows, so the report can check received = used + damaged + remaining instead of deriving one term
from the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.day.hours import ensure_not_closed
from tps_console.domain.day.officers import OfficerInfo, require_chair
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import stamp
from tps_console.domain.record.events import BallotsReceived, Draw
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import Asked, Prepared, read
from tps_console.domain.store.models import (
    OWN_POSITION,
    BallotSource,
    BallotStock,
    CheckIn,
    IssuedBallot,
)
from tps_console.domain.vocab import ALL_BALLOTS

# A TPS serves a few hundred voters at most: a larger count is a typo in the minutes.
MAX_DELIVERY = 10_000
MAX_SOURCE_NAME = 40


@dataclass(frozen=True)
class BallotPlan:
    """What a check-in would hand out now: the draws, and the entitled types that are out."""

    entitlement: tuple[str, ...]
    draws: tuple[Draw, ...]
    short: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.short


@dataclass(frozen=True)
class Delivery:
    source: str
    new_source: bool
    counts: dict[str, int]
    remaining: dict[str, int]  # the source's stock after the delivery, per type


@dataclass(frozen=True)
class BallotFigures:
    """One type at one source (or summed over sources): the C.Hasil ballot section."""

    received: int = 0
    used: int = 0
    damaged: int = 0
    remaining: int = 0

    @property
    def balanced(self) -> bool:
        return self.received == self.used + self.damaged + self.remaining

    def __add__(self, other: BallotFigures) -> BallotFigures:
        return BallotFigures(
            self.received + other.received,
            self.used + other.used,
            self.damaged + other.damaged,
            self.remaining + other.remaining,
        )


@dataclass(frozen=True)
class SourceStock:
    name: str
    own: bool
    by_type: dict[str, BallotFigures]  # every type, in hand-out order


def parse_ballot(raw: str) -> str:
    code = raw.strip().upper().replace("-", "_")
    if code not in ALL_BALLOTS:
        raise BadInput("ballots.unknown_type", value=raw.strip(), types=", ".join(ALL_BALLOTS))
    return code


def parse_count(raw: str) -> int:
    """A count as typed. Negative and non-numeric counts get their own message."""
    text = raw.strip()
    if text.startswith("-") and text[1:].isdigit():
        raise BadInput("ballots.negative", value=text)
    if not (text.isdigit() and text.isascii()):
        raise BadInput("ballots.not_a_number", value=text)
    return int(text)


def parse_counts(items: Iterable[str]) -> dict[str, int]:
    """`TYPE=N` items as typed on the command line, e.g. `PPWP=200 DPR=200`."""
    counts: dict[str, int] = {}
    for item in items:
        ballot, sep, count = item.partition("=")
        if not sep:
            raise BadInput("ballots.bad_item", value=item)
        code = parse_ballot(ballot)
        if code in counts:
            raise BadInput("ballots.twice", type=code)
        counts[code] = parse_count(count)
    return counts


def check_counts(counts: Mapping[str, int]) -> dict[str, int]:
    checked: dict[str, int] = {}
    for ballot, count in counts.items():
        code = parse_ballot(ballot)
        if code in checked:
            raise BadInput("ballots.twice", type=code)
        if count < 0:
            raise BadInput("ballots.negative", value=str(count))
        if count > MAX_DELIVERY:
            raise BadInput("ballots.too_many", value=count, max=MAX_DELIVERY)
        checked[code] = count
    if not any(checked.values()):
        raise BadInput("ballots.nothing")
    return {code: checked[code] for code in ALL_BALLOTS if code in checked}


def source_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name or len(name) > MAX_SOURCE_NAME or not name.isprintable():
        raise BadInput("ballots.bad_source", value=raw, max=MAX_SOURCE_NAME)
    return name


def _source(conn: Connection, rec: Record, raw: str | None) -> tuple[str, bool]:
    """The stored name of the source (own when not given), and whether it is new: a lender is
    known by its name in any case, the own stock by being the station's."""
    own = rec.station.tps
    wanted = own if raw is None else source_name(raw)
    is_own = wanted.casefold() == own.casefold()
    known = conn.execute(select(col(BallotSource.name), col(BallotSource.position))).all()
    for name, position in known:
        if is_own and position == OWN_POSITION:
            return str(name), False
        if not is_own and position != OWN_POSITION and name.casefold() == wanted.casefold():
            return str(name), False
    return (own if is_own else wanted), True


def receive_ballots(
    rec: Record, chair: OfficerInfo, counts: Mapping[str, int], *, source: str | None = None
) -> Delivery:
    """Record ballots received per the handover minutes (chair only), own stock or a lender's.

    A lender named for the first time is registered after the ones already known: that is the
    order its ballots are drawn in."""
    require_chair(chair)
    checked = check_counts(counts)
    with rec.write() as conn:
        ensure_not_closed(conn, rec.station)
        name, new_source = _source(conn, rec, source)
        received = BallotsReceived(
            at=stamp(rec.now()), officer_id=chair.id, desk=rec.desk, source=name, counts=checked
        )
        record_event(conn, rec, received)
        held: dict[str, int] = {
            ballot: remaining
            for ballot, remaining in conn.execute(
                select(col(BallotStock.ballot), col(BallotStock.remaining)).where(
                    col(BallotStock.source) == name
                )
            )
        }
    return Delivery(name, new_source, checked, {b: held[b] for b in ALL_BALLOTS if b in held})


# Every source's stock with ballots left, in drawing order: a few dozen rows at most, filtered
# by type in Python so the statement never changes shape and is compiled once.
_AVAILABLE = Prepared(
    select(col(BallotStock.ballot), col(BallotStock.source), col(BallotStock.remaining))
    .join(BallotSource, col(BallotSource.name) == col(BallotStock.source))
    .where(col(BallotStock.remaining) > 0)
    .order_by(col(BallotSource.position))
)


def available(conn: Connection) -> list[tuple[str, str, int]]:
    """(type, source, remaining) where stock is left, sources in drawing order."""
    return _AVAILABLE.all(conn)


def available_asked() -> Asked:
    """`available`, to be read `together` with other reads (in one round trip on a server)."""
    return _AVAILABLE.every()


def plan_draw(entitlement: Sequence[str], stock: Iterable[tuple[str, str, int]]) -> BallotPlan:
    """Each entitled type from the first source (in drawing order) that still holds one."""
    first: dict[str, str] = {}
    for ballot, source, remaining in stock:
        if remaining > 0:
            first.setdefault(ballot, source)
    draws = tuple(Draw(b, first[b]) for b in entitlement if b in first)
    short = tuple(b for b in entitlement if b not in first)
    return BallotPlan(tuple(entitlement), draws, short)


def entitlement(voter_ballots: str) -> tuple[str, ...]:
    """A voter's ballot types as stored on the roll (comma-separated, hand-out order)."""
    return tuple(voter_ballots.split(","))


def plan_for(conn: Connection, voter_ballots: str) -> BallotPlan:
    """What a voter entitled to `voter_ballots` would be handed from the stock as it is now."""
    return plan_draw(entitlement(voter_ballots), available(conn))


def stock_in(conn: Connection) -> list[SourceStock]:
    """Every source's figures per type, in drawing order. Undone check-ins use no ballot."""
    used = _issued_counts(conn, col(IssuedBallot.spoiled_at).is_(None), col(CheckIn.active))
    damaged = _issued_counts(conn, col(IssuedBallot.spoiled_at).is_not(None))
    held = {
        (r.source, r.ballot): (r.received, r.remaining) for r in conn.execute(select(BallotStock))
    }
    sources = conn.execute(
        select(col(BallotSource.name), col(BallotSource.position)).order_by(
            col(BallotSource.position)
        )
    )
    result = []
    for name, position in sources:
        by_type = {}
        for ballot in ALL_BALLOTS:
            received, remaining = held.get((name, ballot), (0, 0))
            key = (name, ballot)
            by_type[ballot] = BallotFigures(
                received, used.get(key, 0), damaged.get(key, 0), remaining
            )
        result.append(SourceStock(name, position == OWN_POSITION, by_type))
    return result


def _issued_counts(conn: Connection, *where: Any) -> dict[tuple[str, str], int]:
    rows = conn.execute(
        select(col(IssuedBallot.source), col(IssuedBallot.ballot), func.count())
        .join(CheckIn, col(CheckIn.id) == col(IssuedBallot.checkin_id))
        .where(*where)
        .group_by(col(IssuedBallot.source), col(IssuedBallot.ballot))
    )
    return {(r[0], r[1]): int(r[2]) for r in rows}


def read_stock(rec: Record) -> list[SourceStock]:
    with read(rec.engine) as conn:
        return stock_in(conn)


def totals(stock: Iterable[SourceStock]) -> dict[str, BallotFigures]:
    """Per type, summed over the sources."""
    summed = {b: BallotFigures() for b in ALL_BALLOTS}
    for source in stock:
        for ballot, figures in source.by_type.items():
            summed[ballot] = summed[ballot] + figures
    return summed


def remaining_in(stock: Iterable[tuple[str, str, int]]) -> dict[str, int]:
    """Ballots left per type in `available` rows, all sources together."""
    left = dict.fromkeys(ALL_BALLOTS, 0)
    for ballot, _source, remaining in stock:
        left[ballot] += remaining
    return left
