"""Making a station from its roll: its tables and first events, in one transaction, all or nothing.

What is made is opened again with station.py's `open_record`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError

from tps_console.domain.errors import BadInput, TpsError
from tps_console.domain.record import chain
from tps_console.domain.record.clock import Clock, StationClock, stamp
from tps_console.domain.record.events import RollImported, StationCreated, StationEvent
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import (
    DEFAULT_TPS,
    Hours,
    Place,
    site_number,
    station_numbers,
    tps_name,
)
from tps_console.domain.roll.parse import ParsedRoll, Progress
from tps_console.domain.roll.read import parse_roll
from tps_console.domain.store import server, site
from tps_console.domain.store.db import create_schema, is_url, open_engine, read, write
from tps_console.domain.store.faults import explain
from tps_console.domain.store.models import Station
from tps_console.domain.store.output import make_folder, new_private_file

# No backup folder until the chair names one at the desk; then a copy every 5 minutes, 12 kept.
BACKUP_MINUTES, BACKUP_KEEP = 5, 12

# What is recorded right after the roll, in the same transaction: the officers and the ballot
# stock of a station made in one go. Given the station's own name and its clock.
Setup = Callable[[str, Clock], Iterable[StationEvent]]


class RollRejected(BadInput):
    """The roll has bad rows: nothing was imported. `parsed.errors` lists every one."""

    def __init__(self, parsed: ParsedRoll) -> None:
        super().__init__("roll.rejected", count=len(parsed.errors))
        self.parsed = parsed


def roll_fingerprint(records: Iterable[Mapping[str, object]]) -> str:
    digest = hashlib.sha256()
    for rec in records:
        digest.update(chain.canonical(rec).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def create_station(
    path: Path | str,
    roll: bytes,
    clock: Clock,
    *,
    tps: str = DEFAULT_TPS,
    polling_date: date | None = None,
    progress: Progress | None = None,
    sheet: str | None = None,
    drill: bool = False,
    drill_at: datetime | None = None,
    hours: Hours = Hours(),
    place: Place = Place(),
    setup: Setup | None = None,
    different_people: frozenset[int] = frozenset(),
) -> ParsedRoll:
    """Create a new station from a roll (CSV or Excel workbook; `sheet`: the worksheet, by
    default the first). Refuses to touch an existing file; all or nothing: a full disk, a
    write-protected folder or a refused `setup` midway leaves nothing behind.

    `drill`: a training station, its clock starting at `drill_at` (by default the opening of
    polling day). It stays a drill: a real station is made afresh from the same roll.
    `setup`: the events recorded after the roll, inside the same transaction (the officers and
    ballot stock a station is made with in the app).

    `path` may be a server's URL: the station is made there in one transaction, in a database
    that holds nothing yet (made if the server lets this user), or beside the other TPS of a site
    (`?tps=902`, see store/site.py). `different_people`: the roll's numbers of voters on another
    TPS's roll whom the chair confirmed are other people; any other such voter refuses it all."""
    hours.check()
    if not is_url(path) and Path(path).exists():
        raise BadInput("init.exists", path=str(path))
    settings = _Settings(
        tps, polling_date, hours, place.tidied(), drill_at if drill else None, drill
    )
    parsed, creation = _prepare(roll, clock, settings, progress, sheet, setup)
    build_station(path, creation, different_people=different_people)
    return parsed


@dataclass(frozen=True)
class _Settings:
    tps: str
    polling_date: date | None
    hours: Hours
    place: Place
    drill_at: datetime | None
    drill: bool


def build_station(
    target: Path | str,
    fill: Callable[[Connection], None],
    *,
    different_people: frozenset[int] = frozenset(),
) -> None:
    """A new station at `target`: its tables, and `fill` run in one write transaction. All or
    nothing: a full disk or a write-protected folder midway (an unreachable server) leaves
    nothing behind. Refuses an existing file, and a server database that holds anything (or,
    for a site's TPS, a TPS of that number already)."""
    if is_url(target):
        _build_on_server(str(target), fill, different_people)
        return
    path = Path(target)
    try:
        _build_file(path, fill)
    except BaseException as exc:  # a fault of the disk, or a refusal of what `fill` records
        for leftover in _sqlite_files(_building(path)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        if not isinstance(exc, (OSError, sqlite3.Error, DBAPIError)):
            raise
        fault = explain(exc, path)
        if fault is None:
            raise
        raise fault from exc


def _building(path: Path) -> Path:
    return path.with_name(path.name + ".creating")


def _build_file(path: Path, fill: Callable[[Connection], None]) -> None:
    if path.exists():
        raise BadInput("init.exists", path=str(path))
    make_folder(path.parent)
    # Built under a temporary name and renamed at the end, so a crash never leaves a half station
    # where the real one should be.
    building = _building(path)
    for leftover in _sqlite_files(building):
        leftover.unlink(missing_ok=True)
    new_private_file(building)  # the roll's NIKs: for the laptop's owner only
    engine = open_engine(building)
    try:
        create_schema(engine)
        with write(engine) as conn:
            fill(conn)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    if path.exists():
        raise BadInput("init.exists", path=str(path))
    os.replace(building, path)
    for leftover in _sqlite_files(building):
        leftover.unlink(missing_ok=True)


def _build_on_server(
    url: str, fill: Callable[[Connection], None], different_people: frozenset[int]
) -> None:
    """The tables and `fill` in one transaction (a server's DDL is transactional): a failure
    midway leaves the database as it was."""
    number = server.tps_of(url)
    try:
        server.create_database_if_missing(url)
        engine = open_engine(url)
        try:
            with write(engine) as conn:
                if number is None:
                    if server.user_tables(conn):
                        raise BadInput("init.not_empty", path=server.shown(url))
                    create_schema(conn)
                    fill(conn)
                else:
                    _build_site_tps(conn, url, number, fill, different_people)
        finally:
            engine.dispose()
    except DBAPIError as exc:
        fault = explain(exc, url)
        if fault is None:
            raise
        raise fault from exc


def _build_site_tps(
    conn: Connection,
    url: str,
    number: str,
    fill: Callable[[Connection], None],
    different_people: frozenset[int],
) -> None:
    """A site's TPS `number` in its own schema, beside the others (store/site.py)."""
    schema = server.station_schema(number)
    if number in station_numbers(conn):
        raise BadInput("site.tps_exists", tps=tps_name(number), path=server.shown(url))
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    if server.user_tables(conn):
        raise BadInput("init.not_empty", path=server.shown(url))
    # Into the new schema, the first of the search path: the tables of the stations beside it
    # are seen through that path too, and must not be taken for this one's.
    create_schema(conn, checkfirst=False)
    site.join_site(conn, schema)
    fill(conn)
    made = conn.execute(select(Station.__table__.c.tps)).scalar_one()  # type: ignore[attr-defined]
    if made != tps_name(number):
        raise BadInput("site.tps_differs", tps=made, url_tps=tps_name(number))
    site.refuse_unconfirmed(site.on_other_rolls(conn), different_people)


def site_target(target: Path | str, tps: str) -> Path | str:
    """Where a new station named `tps` goes: `target` itself, unless it is a server's database
    that holds a station already and the URL names no TPS: then beside it, as a TPS of the site
    (`?tps=902`). A station file, an empty database and a URL that names its TPS are as given."""
    if not server.is_server(target) or server.tps_of(str(target)) is not None:
        return target
    engine = open_engine(target, readonly=True)
    try:
        with read(engine) as conn:
            occupied = bool(server.user_tables(conn))
    except (DBAPIError, TpsError):
        return target  # no database yet, or not reachable: making it says what is wrong
    finally:
        engine.dispose()
    number = site_number(tps)
    if not occupied or number is None:
        return target
    return str(server.with_tps(str(target), number))


def _prepare(
    roll: bytes,
    clock: Clock,
    settings: _Settings,
    progress: Progress | None,
    sheet: str | None,
    setup: Setup | None,
) -> tuple[ParsedRoll, Callable[[Connection], None]]:
    """The station's parsed roll, and what records its first events inside a write transaction.
    Raises RollRejected before anything is made."""
    hours, place = settings.hours, settings.place
    zone = ZoneInfo(hours.timezone)
    day = settings.polling_date or clock.now().astimezone(zone).date()
    anchor: dict[str, Any] = {}
    if settings.drill:
        start = settings.drill_at or datetime.combine(day, hours.opens, zone)
        since = clock.now()
        anchor = {"drill": True, "drill_at": stamp(start), "drill_since": stamp(since)}
        clock = StationClock(clock, start, since)
    parsed = parse_roll(roll, day, progress, sheet=sheet)
    if parsed.errors:
        raise RollRejected(parsed)
    on = clock

    def creation(conn: Connection) -> None:
        records = [e.record() for e in parsed.entries]
        created = stamp(on.now())
        station = StationCreated(
            at=created,
            tps=settings.tps,
            polling_date=day.isoformat(),
            timezone=hours.timezone,
            opens=f"{hours.opens:%H:%M}",
            closes=f"{hours.closes:%H:%M}",
            dpk_from=f"{hours.dpk_from:%H:%M}",
            backup_dir="",
            backup_minutes=BACKUP_MINUTES,
            backup_keep=BACKUP_KEEP,
            created_at=created,
            rutan=place.rutan,
            desa=place.desa,
            kecamatan=place.kecamatan,
            kabupaten=place.kabupaten,
            provinsi=place.provinsi,
            **anchor,
        )
        record_event(conn, on, station)
        imported = RollImported(
            at=stamp(on.now()),
            count=len(records),
            fingerprint=roll_fingerprint(records),
            voters=tuple(records),
        )
        record_event(conn, on, imported)
        for event in setup(settings.tps, on) if setup else ():
            record_event(conn, on, event)

    return parsed, creation


def _sqlite_files(db: Path) -> list[Path]:
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
