"""A station made in one go: the roll, the settings, the backup key, the officers and the ballot
stock recorded together, or nothing at all. The one way a station is made: the start screen's
wizard, `init` (the roll, settings and backup key; officers are added afterwards) and `demo`.

Everything is checked here before anything is written (the wizard checks each step with the same
functions as the chair types); `create_station` then records it all inside its temporary file,
which becomes the station only once every event is in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tps_console.domain.day.ballots import check_counts, source_name
from tps_console.domain.day.officers import checked_officer, hash_pin
from tps_console.domain.day.passphrase import make_backup_key
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import Clock, stamp
from tps_console.domain.record.creation import create_station
from tps_console.domain.record.events import (
    BackupKeySet,
    BallotsReceived,
    OfficerAdded,
    StationEvent,
)
from tps_console.domain.record.station import DEFAULT_TPS, Hours, Place, tps_name
from tps_console.domain.roll.parse import ParsedRoll, Progress
from tps_console.domain.vocab import Role


@dataclass(frozen=True)
class NewOfficer:
    id: str
    name: str
    pin: str
    role: str = Role.MEMBER


@dataclass(frozen=True)
class Stock:
    """Ballots received from one source per the handover minutes; `lender` empty for the
    station's own."""

    counts: Mapping[str, int]
    lender: str = ""


@dataclass(frozen=True)
class StationPlan:
    polling_date: date | None
    # None: no officer yet (`init`: the first one added is the chair).
    chair: NewOfficer | None
    tps: str = DEFAULT_TPS
    hours: Hours = Hours()
    place: Place = Place()
    members: tuple[NewOfficer, ...] = ()
    stock: tuple[Stock, ...] = ()
    drill: bool = False
    drill_at: datetime | None = None
    desk: str = ""
    sheet: str | None = None  # the roll's worksheet, when the roll is a workbook
    # The backup passphrase (the wizard offers a generated one): the station keeps only the key
    # it unlocks, recorded with the station. Empty: none yet (`tps-console passphrase` later).
    passphrase: str = ""
    # Voters (by their number on the roll) on another TPS's roll of the site whom the chair
    # confirmed are other people (record/creation.py `create_station`).
    different_people: frozenset[int] = frozenset()


def check_officers(chair: NewOfficer | None, members: Iterable[NewOfficer]) -> list[NewOfficer]:
    """The chair then the members as they will be stored; BadInput for the first one wrong."""
    checked: list[NewOfficer] = []
    if chair is None:
        if any(True for _ in members):
            raise BadInput("officer.first_chair")
        return checked
    for officer, role in ((chair, Role.CHAIR), *((m, Role.MEMBER) for m in members)):
        officer_id, name = checked_officer(officer.id, officer.name, role, officer.pin)
        if any(o.id == officer_id for o in checked):
            raise BadInput("officer.exists", id=officer_id)
        checked.append(NewOfficer(officer_id, name, officer.pin, role))
    return checked


def check_stock(tps: str, stock: Iterable[Stock]) -> list[Stock]:
    """Each source's counts as they will be stored; a lender is named once and never as the
    station itself."""
    checked: list[Stock] = []
    seen: set[str] = set()
    for entry in stock:
        lender = source_name(entry.lender) if entry.lender.strip() else ""
        key = lender.casefold()
        if lender and tps_name(lender).casefold() == tps.casefold():
            raise BadInput("setup.lender_is_own", name=lender)
        if key in seen:
            raise BadInput("setup.source_twice", name=lender or tps)
        seen.add(key)
        checked.append(Stock(check_counts(entry.counts), lender))
    return checked


def set_up_station(
    path: Path | str,
    roll: bytes,
    clock: Clock,
    plan: StationPlan,
    progress: Progress | None = None,
) -> ParsedRoll:
    """Create the station `plan` describes from `roll`: all or nothing (see `create_station`)."""
    tps = tps_name(plan.tps) or DEFAULT_TPS
    officers = check_officers(plan.chair, plan.members)
    stock = check_stock(tps, plan.stock)
    # Slow on purpose (scrypt): done before the station's file exists.
    hashes = {o.id: hash_pin(o.pin) for o in officers}
    key = make_backup_key(plan.passphrase) if plan.passphrase else None
    # The chair adds the members and receives the stock; with no officer, there is no stock.
    chair = officers[0].id if officers else ""
    if stock and not chair:
        raise BadInput("officer.first_chair")

    def setup(own: str, station_clock: Clock) -> Iterable[StationEvent]:
        if key is not None:  # first: before any officer, as `init` records it
            yield BackupKeySet(
                at=stamp(station_clock.now()),
                desk=plan.desk,
                recipient=key.recipient,
                wrapped_identity=key.wrapped_text,
            )
        for officer in officers:
            yield OfficerAdded(
                at=stamp(station_clock.now()),
                officer_id=chair,
                desk=plan.desk,
                id=officer.id,
                name=officer.name,
                role=officer.role,
                pin_hash=hashes[officer.id],
            )
        for entry in stock:
            yield BallotsReceived(
                at=stamp(station_clock.now()),
                officer_id=chair,
                desk=plan.desk,
                source=entry.lender or own,
                counts=dict(entry.counts),
            )

    return create_station(
        path,
        roll,
        clock,
        tps=tps,
        polling_date=plan.polling_date,
        progress=progress,
        drill=plan.drill,
        drill_at=plan.drill_at,
        hours=plan.hours,
        place=plan.place,
        sheet=plan.sheet,
        setup=setup,
        different_people=plan.different_people,
    )
