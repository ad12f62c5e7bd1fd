"""No traceback, ever: every command under every fault the day can bring says what happened and
what to do, exits 2 or 4, and leaves the station's files as they were.

The faults are real where this machine allows it (as root, as CI runs): a full disk is a small
tmpfs filled to the brim, write-protected media a tmpfs remounted read-only, a locked file
`chattr +i`. Where it does not, those cases are skipped, never faked.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import make_station, with_backup_key
from tests.helpers.commands import COMMANDS, NIK_1, ROLL_DATE, Command
from tests.helpers.disks import fill, root_only, write_protect
from tps_console.cli.main import main
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import FixedClock, parse_instant
from tps_console.domain.store import db
from tps_console.i18n import t
from tps_console.samples.rolls import sample_roll


@dataclass
class Fault:
    """A station path in some state, the message every writing command must give, and the one a
    reading command gives (None: reading still works)."""

    db: Path
    other: Path
    key: str
    read_key: str | None


@pytest.fixture
def station_file(tmp_path: Path, clock: FixedClock, member: OfficerInfo) -> Path:
    """A station with its officers and stock, one voter checked in, its WAL folded in."""
    path = tmp_path / "station" / "tps.db"
    path.parent.mkdir()
    rec = with_backup_key(make_station(path, clock))
    check_in(rec, member, key=NIK_1)
    rec.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


FAULTS = (
    "disk_full",
    "write_protected_media",
    "immutable_file",
    "locked",
    "directory",
    "missing",
    "not_a_station",
    "older_version",
)


@pytest.fixture
def fault(
    request: pytest.FixtureRequest,
    station_file: Path,
    tmp_path: Path,
    mounted: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Fault]:
    kind = request.param
    other = tmp_path / "elsewhere" / "copy.db"
    other.parent.mkdir()
    if kind == "disk_full":
        folder = mounted("2m")
        shutil.copy(station_file, folder / "tps.db")
        fill(folder)
        yield Fault(folder / "tps.db", other, "fault.disk_full", None)
    elif kind == "write_protected_media":
        folder = mounted("2m")
        shutil.copy(station_file, folder / "tps.db")
        write_protect(folder)
        yield Fault(folder / "tps.db", other, "fault.read_only", None)
    elif kind == "immutable_file":
        root_only("chattr")
        if subprocess.run(["chattr", "+i", str(station_file)]).returncode != 0:
            pytest.skip("this file system has no immutable flag")
        try:
            yield Fault(station_file, other, "fault.read_only", None)
        finally:
            subprocess.run(["chattr", "-i", str(station_file)], check=True)
    elif kind == "locked":
        monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 200)
        holder = sqlite3.connect(station_file, isolation_level=None)
        holder.execute("PRAGMA journal_mode=WAL")
        holder.execute("BEGIN EXCLUSIVE")
        try:
            yield Fault(station_file, other, "fault.locked", None)
        finally:
            holder.rollback()
            holder.close()
    elif kind == "directory":
        folder = station_file.parent / "a-folder.db"
        folder.mkdir()
        yield Fault(folder, other, "fault.directory", "fault.directory")
    elif kind == "missing":
        yield Fault(station_file.parent / "nowhere.db", other, "station.missing", "station.missing")
    elif kind == "not_a_station":
        text = station_file.parent / "notes.db"
        text.write_text("catatan rapat KPPS\n" * 50)
        yield Fault(text, other, "station.not_a_station", "station.not_a_station")
    elif kind == "older_version":
        con = sqlite3.connect(station_file)
        con.execute("ALTER TABLE station DROP COLUMN backup_keep")
        con.commit()
        con.close()
        yield Fault(station_file, other, "fault.old_version", "fault.old_version")


def _files(folder: Path) -> dict[str, bytes]:
    """What a fault must leave as it was: every file but SQLite's shared-memory index, which
    readers update as they read, and an empty WAL a reader may open beside the file."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.name.endswith("-shm")
        and not (p.name.endswith("-wal") and p.stat().st_size == 0)
        and p.name != "filler"
    }


@pytest.mark.parametrize("fault", FAULTS, indirect=True)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_command_under_every_fault_says_what_happened_and_changes_nothing(
    command: Command,
    fault: Fault,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TPS_PIN", "1234")
    monkeypatch.setattr("sys.stdin", io.StringIO("5678\n"))
    folder = fault.db.parent
    before = _files(folder)
    now = f"{ROLL_DATE}T{command.now}+07:00"
    args = [a.format(db=fault.db, other=fault.other) for a in command.args + command.more]
    capsys.readouterr()
    code = main(args, clock=FixedClock(parse_instant(now)))
    out, err = capsys.readouterr()

    expected = fault.read_key if command.reads_only else fault.key
    if expected is None:
        assert code == 0, err
    else:
        assert code in (2, 4), (code, out, err)
        assert err.strip() == t(expected, path=fault.db), err
    for leak in ("Traceback", "sqlite3.", "sqlalchemy", "Errno", "[SQL"):
        assert leak not in out + err
    assert _files(folder) == before


def test_a_fault_nobody_foresaw_is_kept_for_it_staff_not_shown_as_a_traceback(
    station_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("tps_console.cli.record.read_status", broken)
    code = main(["status", str(station_file)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and "ZeroDivisionError" in err
    [log] = (tmp_path / "data").rglob("error-*.txt")
    assert "Traceback" in log.read_text() and "a bug" in log.read_text()
    assert err.strip().endswith(str(log))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_faults_speak_the_chosen_language(
    station_file: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    folder = station_file.parent / "folder.db"
    folder.mkdir()
    assert main(["--lang", lang, "status", str(folder)]) == 2
    said = capsys.readouterr().err
    assert (
        said.strip()
        == {
            "id": f"{folder} adalah folder, bukan berkas TPS",
            "en": f"{folder} is a folder, not a station file",
        }[lang]
    )


@pytest.mark.parametrize(
    ("size", "protect", "key"),
    [("300k", False, "fault.disk_full"), ("2m", True, "fault.read_only")],
)
def test_a_new_station_on_a_full_or_write_protected_disk_leaves_nothing_behind(
    mounted: Callable[[str], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    size: str,
    protect: bool,
    key: str,
) -> None:
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    folder = mounted(size)
    if protect:
        write_protect(folder)
    code = main(["init", str(folder / "tps.db"), "--roll", str(roll), "--date", ROLL_DATE])
    assert code == 4
    assert capsys.readouterr().err.strip() == t(key, path=folder / "tps.db")
    assert list(folder.iterdir()) == []
