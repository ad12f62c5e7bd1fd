"""Creating a station from its roll and opening it again: the `Record` every operation works on."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import DBAPIError

from tps_console.domain.errors import BadInput, Refused, TpsError
from tps_console.domain.record import chain
from tps_console.domain.record.clock import Clock, StationClock, stamp, unstamp
from tps_console.domain.record.events import (
    PLACE_FIELDS,
    RollImported,
    StationCreated,
    StationEvent,
)
from tps_console.domain.record.projection import record_event
from tps_console.domain.roll.parse import ParsedRoll, Progress
from tps_console.domain.roll.read import parse_roll
from tps_console.domain.store import server, site
from tps_console.domain.store.db import (
    Writer,
    clock_skew,
    create_schema,
    is_url,
    open_engine,
    read,
    write,
)
from tps_console.domain.store.faults import explain
from tps_console.domain.store.models import Station
from tps_console.domain.store.output import make_folder, new_private_file

DEFAULT_TPS = "TPS 901"
DEFAULT_TIMEZONE = "Asia/Jakarta"
# The day's hours (DOMAIN.md). They go into the creating event with the rest of the station's
# settings, so that moving them behind the program's back (closing later) fails `verify`.
OPENS, CLOSES, DPK_FROM = "07:00", "13:00", "12:00"
_DEFAULT_HOURS = tuple(time.fromisoformat(hhmm) for hhmm in (OPENS, CLOSES, DPK_FROM))
# The time zones of Indonesia as the forms name them.
TIMEZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
# No backup folder until the chair names one at the desk; then a copy every 5 minutes, 12 kept.
BACKUP_MINUTES, BACKUP_KEEP = 5, 12


@dataclass(frozen=True)
class Place:
    """Where the station is, as the forms write it: the rutan and its administrative area."""

    rutan: str = ""
    desa: str = ""  # desa or kelurahan
    kecamatan: str = ""
    kabupaten: str = ""  # kabupaten or kota
    provinsi: str = ""

    def tidied(self) -> Place:
        return Place(*(" ".join(getattr(self, name).split()) for name in PLACE_FIELDS))

    def fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in PLACE_FIELDS}

    @property
    def given(self) -> bool:
        return any(self.fields().values())


@dataclass(frozen=True)
class Hours:
    """The day's hours and time zone: DPK voters from `dpk_from` (the last hour) to closing."""

    opens: time = _DEFAULT_HOURS[0]
    closes: time = _DEFAULT_HOURS[1]
    dpk_from: time = _DEFAULT_HOURS[2]
    timezone: str = DEFAULT_TIMEZONE

    def check(self) -> None:
        if not self.opens < self.dpk_from < self.closes:
            raise BadInput(
                "init.bad_hours", opens=f"{self.opens:%H:%M}", closes=f"{self.closes:%H:%M}"
            )
        if self.timezone not in TIMEZONES.values():
            raise BadInput("init.bad_timezone", zone=self.timezone)


def hours_from(opens: time, closes: time, timezone: str = DEFAULT_TIMEZONE) -> Hours:
    """The day's hours with DPK voters in the last hour, as on the day KPU sets."""
    dpk = (datetime.combine(date.min, closes) - timedelta(hours=1)).time()
    return Hours(opens, closes, dpk, timezone)


# What is recorded right after the roll, in the same transaction: the officers and the ballot
# stock of a station made in one go. Given the station's own name and its clock.
Setup = Callable[[str, Clock], Iterable[StationEvent]]


@dataclass(frozen=True)
class StationInfo:
    tps: str
    polling_date: date
    opens: time
    closes: time
    dpk_from: time
    timezone: ZoneInfo
    roll_count: int
    roll_fingerprint: str
    drill: bool = False  # a training station: SIMULASI on every screen, report and file
    place: Place = Place()


@dataclass
class Record:
    """An open station: where it is stored, the clock it runs on, and which desk is speaking."""

    engine: Engine
    clock: Clock
    station: StationInfo
    desk: str = ""
    path: Path | None = None
    readonly: bool = False
    url: str | None = None  # a station on a server: its `postgresql://` URL
    site: bool = False  # a TPS of a site (store/site.py): its desks look across the site
    writer: Writer = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.writer = Writer(self.engine, None if self.readonly else self.path)

    def write(self) -> AbstractContextManager[Connection]:
        """One durable write transaction: everything inside commits together or not at all."""
        return self.writer.transaction()

    def ensure_same_file(self) -> None:
        """Refused if the station's path no longer holds the file this record opened."""
        self.writer.ensure_same_file()

    @property
    def drill(self) -> bool:
        return self.station.drill

    def follow_clock(self, conn: Connection) -> None:
        """A drill station's clock as the station now keeps it (another process may have re-set
        it): read with the figures, so every screen moves to the new drill time together."""
        if isinstance(self.clock, StationClock):
            row = conn.execute(_DRILL_ANCHOR).one()
            self.clock.reset(unstamp(row[0]), unstamp(row[1]))

    def now(self) -> datetime:
        return self.clock.now()

    def local(self, instant: datetime | None = None) -> datetime:
        return (instant or self.clock.now()).astimezone(self.station.timezone)

    def close(self) -> None:
        self.writer.close()
        self.engine.dispose()


class RollRejected(BadInput):
    """The roll has bad rows: nothing was imported. `parsed.errors` lists every one."""

    def __init__(self, parsed: ParsedRoll) -> None:
        super().__init__("roll.rejected", count=len(parsed.errors))
        self.parsed = parsed


_STATIONS = Station.__table__  # type: ignore[attr-defined]
_DRILL_ANCHOR = select(_STATIONS.c.drill_at, _STATIONS.c.drill_since)


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
    if number in _site_numbers(conn):
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


def _site_numbers(conn: Connection) -> dict[str, str]:
    """Each station of the database by its TPS's number: {"901": "public", "902": "tps_902"}."""
    found = {}
    for schema in site.station_schemas(conn):
        name = conn.execute(text(f"SELECT tps FROM {schema}.station")).scalar()
        if name is not None:
            found[site_number(name) or schema] = schema
    return found


def site_number(tps: str) -> str | None:
    """The number a site knows a TPS by ("TPS 902": "902"), or None for a name without one."""
    number = tps.removeprefix("TPS ").lower()
    return number if server.TPS_NUMBER.fullmatch(number) else None


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


MAX_CLOCK_SKEW = timedelta(minutes=2)


def ensure_clock_agrees(rec: Record, clock: Clock) -> None:
    """A desk on a server refuses to run when its clock and the server's differ by more than
    two minutes: its check-ins would carry times the other desks' do not agree with. A station
    file has no other clock to compare with."""
    skew = clock_skew(rec.engine, clock.now())
    if skew is None or abs(skew) <= MAX_CLOCK_SKEW:
        return
    seconds = round(abs(skew).total_seconds())
    raise Refused(
        "clock.ahead" if skew > timedelta(0) else "clock.behind",
        path=server.shown(rec.url or ""),
        minutes=seconds // 60,
        seconds=seconds % 60,
    )


def _sqlite_files(db: Path) -> list[Path]:
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def open_record(
    target: str | Path, clock: Clock, *, desk: str = "", readonly: bool = False
) -> Record:
    """Open an existing station. A missing or foreign file is bad input, never silently created."""
    url = str(target) if is_url(target) else None
    path = None if url is not None else Path(target)
    if path is not None and path.is_dir():
        raise BadInput("fault.directory", path=str(target))
    if path is not None and not path.is_file():
        raise BadInput("station.missing", path=str(target))
    engine = open_engine(target, readonly=readonly)
    try:
        if not inspect(engine).has_table("station"):
            raise BadInput("station.not_a_station", path=server.shown(target))
        with read(engine) as conn:
            row = conn.execute(select(Station)).first()
    except BadInput:
        engine.dispose()
        raise
    except Exception as exc:  # a non-SQLite file, a locked, damaged or older one
        engine.dispose()
        fault = explain(exc, target)
        if fault is None:
            error = str(getattr(exc, "orig", None) or exc)
            fault = BadInput("station.unreadable", path=server.shown(target), error=error)
        raise fault from exc
    if row is None:
        engine.dispose()
        raise BadInput("station.not_a_station", path=server.shown(target))
    m = row._mapping
    number = server.engine_tps(engine) if url is not None else None
    site_here = False
    if url is not None:
        try:
            site_here = _site_check(engine, number, m["tps"], url, readonly=readonly)
        except BaseException:
            engine.dispose()
            raise
    if m["drill"] and not clock.chosen:
        clock = StationClock(clock, unstamp(m["drill_at"]), unstamp(m["drill_since"]))
    return Record(engine, clock, station_info(m), desk, path, readonly, url, site_here)


def _site_check(engine: Engine, number: str | None, tps: str, url: str, *, readonly: bool) -> bool:
    """Whether the server's station is a TPS of a site (a witness's role cannot tell: it asks
    for a desk's record only); refused if the URL asked for another TPS
    than the one found (its search path falls back to the database's first station)."""
    with read(engine) as conn:
        if number is not None and tps != tps_name(number):
            raise BadInput(
                "site.no_such_tps",
                tps=tps_name(number),
                path=server.shown(url),
                found=", ".join(tps_name(n) for n in sorted(_site_numbers(conn))) or "-",
            )
        return not readonly and site.is_site(conn)


def station_info(m: Any) -> StationInfo:
    return StationInfo(
        tps=m["tps"],
        polling_date=date.fromisoformat(m["polling_date"]),
        opens=time.fromisoformat(m["opens"]),
        closes=time.fromisoformat(m["closes"]),
        dpk_from=time.fromisoformat(m["dpk_from"]),
        timezone=ZoneInfo(m["timezone"]),
        roll_count=m["roll_count"],
        roll_fingerprint=m["roll_fingerprint"],
        drill=bool(m["drill"]),
        place=Place(*(m[name] for name in PLACE_FIELDS)),
    )


def tps_name(raw: str) -> str:
    """`901`, `tps 901`, `TPS901` and `TPS 901` all name "TPS 901"; any other name stays as typed
    (spaces tidied)."""
    name = " ".join(raw.split())
    numbered = re.fullmatch(r"(?:tps\s*)?(\d+[a-z]?)", name, flags=re.IGNORECASE)
    return f"TPS {numbered[1].upper()}" if numbered else name
