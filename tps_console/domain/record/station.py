"""An open station: the `Record` every operation works on, and opening one again.

Opening reads the station's settings with plain SQL, not through the tables' classes: the desk's
first frame (the sign-in screen) needs its name and its clock, and the tables, the events and the
rules load after it is drawn (tests/test_startup_imports.py). Making a station is creation.py.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, inspect, text

from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record.clock import Clock, StationClock, unstamp
from tps_console.domain.store import server, site
from tps_console.domain.store.db import Writer, clock_skew, is_url, open_engine, read
from tps_console.domain.store.faults import explain

DEFAULT_TPS = "TPS 901"
DEFAULT_TIMEZONE = "Asia/Jakarta"
# The day's hours (DOMAIN.md). They go into the creating event with the rest of the station's
# settings, so that moving them behind the program's back (closing later) fails `verify`.
OPENS, CLOSES, DPK_FROM = "07:00", "13:00", "12:00"
_DEFAULT_HOURS = tuple(time.fromisoformat(hhmm) for hhmm in (OPENS, CLOSES, DPK_FROM))
# The time zones of Indonesia as the forms name them.
TIMEZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
# The place's parts, in the forms' order; also the station-creating event's payload keys.
PLACE_FIELDS = ("rutan", "desa", "kecamatan", "kabupaten", "provinsi")


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


# Every column of the station's table (store/models.py `Station`; tests/test_db.py holds the two
# equal): a station made by an older version lacks one, and opening it says so.
STATION_COLUMNS = (
    "id",
    "tps",
    "polling_date",
    "opens",
    "closes",
    "dpk_from",
    "timezone",
    "created_at",
    "roll_count",
    "roll_fingerprint",
    "closed_at",
    "backup_dir",
    "backup_minutes",
    "backup_keep",
    "drill",
    "drill_at",
    "drill_since",
    *PLACE_FIELDS,
)
_STATION_ROW = text(f"SELECT {', '.join(STATION_COLUMNS)} FROM station")
_DRILL_ANCHOR = text("SELECT drill_at, drill_since FROM station")


def station_numbers(conn: Connection) -> dict[str, str]:
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
            row = conn.execute(_STATION_ROW).first()
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
                found=", ".join(tps_name(n) for n in sorted(station_numbers(conn))) or "-",
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
