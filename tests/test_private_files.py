"""Files for their owner only: what the program keeps or writes may hold the roll's NIKs, so
another user of the laptop reads none of it (POSIX modes; Windows keeps a user's profile
private by itself). And an error note never holds a NIK."""

from __future__ import annotations

import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from tests.helpers import POLLING_DAY, with_backup_key
from tps_console.cli.main import main
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.creation import create_station
from tps_console.domain.record.station import Record, open_record
from tps_console.machine.error_notes import notes_dir
from tps_console.machine.paths import data_dir
from tps_console.samples.demo import add_demo_officers
from tps_console.samples.rolls import sample_roll

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_station_file_and_its_wal_and_shm_are_the_owners_only(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "new" / "tps.db"
    create_station(path, sample_roll(), clock, polling_date=POLLING_DAY)
    rec = open_record(path, clock)
    try:
        add_demo_officers(rec)  # a write: the -wal and -shm are there
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        assert mode(path.parent) == 0o700
    finally:
        rec.close()


def test_backups_reports_and_the_full_lists_are_the_owners_only(
    station: Record, tmp_path: Path
) -> None:
    with_backup_key(station)
    db = str(station.path)
    (tmp_path / "usb").mkdir()
    assert main(["backup", db, str(tmp_path / "usb")]) == 0
    assert main(["report", db, "--out", str(tmp_path / "laporan"), "--full"]) == 0
    written = [*(tmp_path / "usb").iterdir(), *(tmp_path / "laporan").iterdir()]
    assert len(written) == 6
    assert {p.name: mode(p) for p in written} == {p.name: 0o600 for p in written}
    assert mode(tmp_path / "laporan") == 0o700


def test_restored_and_copied_stations_are_the_owners_only(station: Record, tmp_path: Path) -> None:
    with_backup_key(station)
    db = str(station.path)
    assert main(["backup", db, str(tmp_path / "copy.tpsbak")]) == 0
    assert main(["restore", str(tmp_path / "copy.tpsbak"), str(tmp_path / "back.db")]) == 0
    assert mode(tmp_path / "back.db") == 0o600


def test_the_data_folder_and_its_error_notes_are_the_owners_only() -> None:
    assert mode(data_dir()) == 0o700
    data_dir().chmod(0o755)  # as an earlier version left it
    assert mode(data_dir()) == 0o700


def test_an_unforeseen_error_in_a_check_in_by_nik_puts_no_nik_in_the_note(
    station: Record, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    nik = "3399141702910001"  # voter 1 of the synthetic roll

    def failing(_conn: object, _cursor: object, _sql: str, parameters: object, *_: object) -> None:
        # The driver fails on the statement that carries the NIK: SQLAlchemy's error then
        # names the statement, and would name its parameters too.
        if nik in repr(parameters):
            raise sqlite3.OperationalError("disk I/O controller reset")

    monkeypatch.setenv("TPS_PIN", "4444")
    before = set(notes_dir().glob("*")) if notes_dir().exists() else set()
    event.listen(Engine, "before_cursor_execute", failing)
    try:
        code = main(["checkin", str(station.path), nik, "--officer", "anggota4"])
    finally:
        event.remove(Engine, "before_cursor_execute", failing)
    assert code == 2 and "Kesalahan tak terduga" in capsys.readouterr().err
    [note] = set(notes_dir().glob("*")) - before
    assert "disk I/O controller reset" in note.read_text()
    assert nik not in note.read_text() and nik[:8] not in note.read_text()
    assert mode(note) == 0o600 and mode(notes_dir()) == 0o700
