"""What the tests share besides fixtures (those stay in tests/conftest.py, where pytest finds
them): polling day's clock and a station built on the synthetic roll. The desk's and the panel's
Pilot helpers are in tests.helpers.desk and tests.helpers.panel.

Tests import from here as `from tests.helpers import ...`, never from conftest or from another
test module."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TypedDict, TypeVar
from zoneinfo import ZoneInfo

from tps_console.domain.day import officers
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.passphrase import record_backup_key
from tps_console.domain.record.clock import Clock, FixedClock
from tps_console.domain.record.creation import create_station
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.store.sealed import BackupKey
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.samples.demo import add_demo_officers
from tps_console.samples.rolls import generate_roll, sample_roll

T = TypeVar("T")

__all__ = [
    "OWN_STOCK",
    "POLLING_DAY",
    "TEST_BACKUP_KEY",
    "TEST_PASSPHRASE",
    "WIB",
    "Person",
    "PersonChange",
    "make_drill_station",
    "make_station",
    "rolls",
    "stored",
    "wib",
    "with_backup_key",
]

WIB = ZoneInfo("Asia/Jakarta")
OWN_STOCK = 200  # ballots of each type: more than the synthetic roll's 180 voters need
POLLING_DAY = datetime(2024, 2, 14, tzinfo=WIB).date()


# The tests' backup passphrase (in TPS_BACKUP_PASSPHRASE for every test, see conftest) and a key
# made with it once: fixed, so a station given it always has the same audit head, and wrapped
# with a scrypt of 2^12 (`make_key(..., log_n=12)`), which a backup's format allows, so that
# opening a backup costs the tests milliseconds, not a second.
TEST_PASSPHRASE = "uji cadangan tps sembilan kosong satu"
TEST_BACKUP_KEY = BackupKey.from_text(
    "age1fdctm07weyken2z5x7r6vw8ug3aezlpse7zk3amrfu0xs9kln3aqhlnv6j",
    "dHBzLWNvbnNvbGUta2V5LXYxCvGk3jXb1mBSbDjUPdyrn04M+gl/TVgbCJs7Wj6zULcGrcynLl3wtxkEvweUNh3auPEM"
    "hUzw4ufw+Exn8YWtAm4qDiYyuOtXdbz4OgGgqR2o++yisuUyK+OiJiiX7elKFdYj8wHFeG9+pj1Wq8lEAjSeBSkJOSYU",
)


def with_backup_key(rec: Record) -> Record:
    """`rec` given the tests' backup key, as `init` gives a new station its passphrase's (here
    by the demo chair: the station has officers already)."""
    chair = officers.OfficerInfo("ketua", "Ketua KPPS (demo)", "chair")
    record_backup_key(rec, TEST_BACKUP_KEY, by=chair)
    return rec


def wib(hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2024, 2, 14, hour, minute, second, tzinfo=WIB)


# Stations already built in this process, by (clock, drill, roll, stock, PIN hashing): the bytes
# of the file. The PIN hashing is in the key because a test may fix the salt (to fix the audit
# head its snapshot shows) by replacing officers.hash_pin.
_built: dict[tuple[object, ...], bytes] = {}


def rolls(each: int, count: int = 3) -> list[list[dict[str, str]]]:
    """`count` rolls of `each` voters, no one on two (one synthetic roll cut in parts), as a
    site's TPS are made from."""
    everyone = generate_roll(each * count)
    parts = [everyone[i * each : (i + 1) * each] for i in range(count)]
    return [[{**row, "no": str(n)} for n, row in enumerate(part, 1)] for part in parts]


def make_station(
    path: Path | str, clock: FixedClock, roll: bytes | None = None, *, stock: int = OWN_STOCK
) -> Record:
    """A station at `path` with the demo chair (`ketua`, 1234) and member (`anggota4`, 4444),
    and `stock` ballots of each type in its own stock, entered by the chair.

    Built once per process for each clock, roll and stock, then copied: building costs two scrypt
    PIN hashes and a handful of fsynced commits (about 0.1 s, for some 300 tests), a copy a few
    milliseconds. The copy is the same file, byte for byte, as that first station (the same PIN
    salts); each test still gets its own file. A server's URL gets the station made there.
    """
    if isinstance(path, str):
        create_station(path, roll or sample_roll(), clock, polling_date=POLLING_DAY)
        furnish(open_record(path, clock, desk="meja-1"), stock).close()
        return open_record(path, clock, desk="meja-1")
    key = (clock.now(), clock.drill, roll, stock, officers.hash_pin)
    if key in _built:
        path.write_bytes(_built[key])
        return open_record(path, clock, desk="meja-1")
    create_station(path, roll or sample_roll(), clock, polling_date=POLLING_DAY)
    furnish(open_record(path, clock, desk="meja-1"), stock).close()
    # The last connection checkpoints the WAL into the file and removes it.
    if not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")):
        _built[key] = path.read_bytes()
    return open_record(path, clock, desk="meja-1")


def make_drill_station(
    path: Path, real: Clock, drill_at: datetime, *, stock: int = OWN_STOCK
) -> Record:
    """A training station as `make_station` makes a real one, whose own clock reads `drill_at`
    at `real`'s now. Built each time: it keeps the real instant it was made at."""
    create_station(
        path, sample_roll(), real, polling_date=POLLING_DAY, drill=True, drill_at=drill_at
    )
    return furnish(open_record(path, real, desk="meja-1"), stock)


def furnish(rec: Record, stock: int) -> Record:
    """The demo chair and member, and `stock` ballots of each type in the own stock."""
    chair, _ = add_demo_officers(rec)
    if stock:
        receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, stock))
    return rec


class Person(TypedDict):
    """Who walks in in the DPK hour: register_dpk's required fields, passed as `**person`."""

    nik: str
    name: str
    sex: str
    birth: str


class PersonChange(TypedDict, total=False):
    """Some of a Person's fields, changed: `person: Person = {**WALK_IN, **change}`."""

    nik: str
    name: str
    sex: str
    birth: str


def stored(values: Iterable[T | None]) -> list[T]:
    """Values read back from NOT NULL columns the models type `X | None` (a primary key is None
    only until its row is inserted): the same values, typed without the None."""
    found = list(values)
    assert None not in found
    return [v for v in found if v is not None]
