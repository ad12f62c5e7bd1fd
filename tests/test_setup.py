"""A station made in one go (the app's way): the roll, its settings and place, the officers and
the ballot stock all recorded in the temporary file, which becomes the station only at the end."""

from __future__ import annotations

import errno
import json
from collections.abc import Iterable
from datetime import time
from pathlib import Path

import pytest

from tests.helpers import POLLING_DAY, wib
from tps_console.cli.main import main
from tps_console.domain.day.passphrase import require_backup_key
from tps_console.domain.day.setup import NewOfficer, StationPlan, Stock, set_up_station
from tps_console.domain.errors import BadInput, TpsError
from tps_console.domain.record.clock import Clock, FixedClock, stamp
from tps_console.domain.record.creation import create_station
from tps_console.domain.record.events import OfficerAdded, StationCreated, StationEvent
from tps_console.domain.record.station import Hours, Place, hours_from, open_record
from tps_console.domain.verify import verify
from tps_console.samples.rolls import sample_roll

CHAIR = NewOfficer("ketua", "Sri Wahyuni", "1234")
BLORA = Place("Rutan Kelas IIB Blora", "Kauman", "Blora", "Blora", "Jawa Tengah")


def left_behind(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_the_whole_station_is_made_at_once_and_verifies(tmp_path: Path, clock: FixedClock) -> None:
    plan = StationPlan(
        polling_date=POLLING_DAY,
        chair=CHAIR,
        tps="901",
        hours=hours_from(time(8), time(14), "Asia/Makassar"),
        place=BLORA,
        members=(NewOfficer("anggota4", "Budi", "4444"),),
        stock=(Stock({"PPWP": 184, "DPR": 184}), Stock({"PPWP": 20}, "TPS 905")),
    )
    set_up_station(tmp_path / "tps.db", sample_roll(), clock, plan)
    rec = open_record(tmp_path / "tps.db", clock)
    try:
        assert verify(rec).ok
        s = rec.station
        assert (s.tps, s.place) == ("TPS 901", BLORA)
        assert (f"{s.opens:%H:%M}", f"{s.closes:%H:%M}", f"{s.dpk_from:%H:%M}") == (
            "08:00",
            "14:00",
            "13:00",
        )
        assert str(s.timezone) == "Asia/Makassar"
    finally:
        rec.close()
    assert left_behind(tmp_path) == ["tps.db"]


def test_a_fault_midway_leaves_nothing_behind(tmp_path: Path, clock: FixedClock) -> None:
    """The disk fills up after the first officer is recorded: no station, no temporary file."""

    def setup(own: str, station_clock: Clock) -> Iterable[StationEvent]:
        yield OfficerAdded(
            at=stamp(station_clock.now()),
            officer_id="ketua",
            id="ketua",
            name="Sri",
            role="chair",
            pin_hash="scrypt$00$11",
        )
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(TpsError):
        create_station(tmp_path / "tps.db", sample_roll(), clock, place=BLORA, setup=setup)
    assert left_behind(tmp_path) == []


def test_a_refusal_midway_leaves_nothing_behind(tmp_path: Path, clock: FixedClock) -> None:
    def setup(own: str, station_clock: Clock) -> Iterable[StationEvent]:
        raise BadInput("officer.first_chair")
        yield  # a generator, as set_up_station's is

    with pytest.raises(BadInput):
        create_station(tmp_path / "tps.db", sample_roll(), clock, setup=setup)
    assert left_behind(tmp_path) == []


@pytest.mark.parametrize(
    ("plan_change", "key"),
    [
        ({"members": (NewOfficer("ketua", "Dua", "5678"),)}, "officer.exists"),
        ({"chair": NewOfficer("ketua", "Sri", "12")}, "officer.bad_pin"),
        ({"stock": (Stock({"PPWP": 1}, "tps 901"),)}, "setup.lender_is_own"),
        (
            {"stock": (Stock({"PPWP": 1}, "TPS 905"), Stock({"DPR": 1}, "tps 905"))},
            "setup.source_twice",
        ),
        ({"hours": Hours(closes=Hours().opens)}, "init.bad_hours"),
    ],
)
def test_a_wrong_plan_is_refused_before_anything_is_written(
    tmp_path: Path, clock: FixedClock, plan_change: dict[str, object], key: str
) -> None:
    given: dict[str, object] = {"chair": CHAIR, **plan_change}
    plan = StationPlan(polling_date=POLLING_DAY, **given)  # type: ignore[arg-type]
    with pytest.raises(BadInput) as refused:
        set_up_station(tmp_path / "tps.db", sample_roll(), clock, plan)
    assert refused.value.key == key
    assert left_behind(tmp_path) == []


def test_place_lines_are_stored_only_once_given() -> None:
    base = {
        "at": "2024-02-14T00:00:00.000000Z",
        "tps": "TPS 901",
        "polling_date": "2024-02-14",
        "timezone": "Asia/Jakarta",
        "opens": "07:00",
        "closes": "13:00",
        "dpk_from": "12:00",
        "backup_dir": "",
        "backup_minutes": 5,
        "backup_keep": 12,
        "created_at": "2024-02-14T00:00:00.000000Z",
    }
    plain = StationCreated(**base)  # type: ignore[arg-type]
    assert not {"rutan", "desa", "kecamatan", "kabupaten", "provinsi"} & set(plain.payload())
    placed = StationCreated(**base, rutan="Rutan Kelas IIB Blora", kabupaten="Blora")  # type: ignore[arg-type]
    payload = placed.payload()
    assert (payload["rutan"], payload["kabupaten"]) == ("Rutan Kelas IIB Blora", "Blora")
    assert "desa" not in payload
    envelope = {"at": base["at"], "officer_id": None, "desk": "", "voter_id": None}
    assert StationCreated.from_payload(envelope, json.loads(json.dumps(payload))) == placed


def test_init_takes_the_place_lines_the_app_asks(tmp_path: Path) -> None:
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    db = tmp_path / "tps.db"
    place = ["--rutan", BLORA.rutan, "--desa", "Kauman", "--kecamatan", "Blora"]
    place += ["--kabupaten", "Blora", "--provinsi", "Jawa Tengah"]
    args = ["init", str(db), "--roll", str(roll), "--date", "2024-02-14", *place]
    assert main(args, clock=FixedClock(wib(9))) == 0
    rec = open_record(db, FixedClock(wib(9)))
    assert rec.station.place == BLORA
    rec.close()


@pytest.mark.parametrize("made_by", ["init", "demo"])
def test_a_station_is_never_without_its_backup_key(
    made_by: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`init` and `demo` make the station as the wizard does: its backup key is recorded inside
    the creation, so a fault the moment the station exists (here: opening it afterwards fails)
    cannot leave a station whose backups nobody could make."""
    import tps_console.cli.setup as setup
    import tps_console.samples.demo as demo

    def fault(*_: object, **__: object) -> None:
        raise OSError(errno.EIO, "the laptop's disk went away")

    db = tmp_path / "tps.db"
    if made_by == "init":
        roll = tmp_path / "dpt.csv"
        roll.write_bytes(sample_roll())
        monkeypatch.setattr(setup, "open_record", fault)
        monkeypatch.setenv("TPS_BACKUP_PASSPHRASE", "sebelas kata rahasia")
        args = ["init", str(db), "--roll", str(roll), "--date", "2024-02-14"]
        assert main(args, clock=FixedClock(wib(9))) != 0
    else:
        monkeypatch.setattr(demo, "open_record", fault)
        with pytest.raises(OSError):
            demo.ensure_demo(db, FixedClock(wib(9)))
    rec = open_record(db, FixedClock(wib(9)))
    assert require_backup_key(rec).recipient.startswith("age1")
    rec.close()
