"""Automatic backups: the chair names a folder; the desk copies there and never fails silently."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.helpers import TEST_PASSPHRASE, make_drill_station, wib, with_backup_key
from tests.helpers.desk import chair_approves, desk_for, message, sign_in
from tests.helpers.wait import settle
from tps_console.domain.backup import files as backup
from tps_console.domain.backup.files import (
    backup_now,
    backup_target,
    decrypt_backup,
    set_backup_target,
)
from tps_console.domain.backup.files import restore as backups_restore
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.store.sealed import is_sealed
from tps_console.domain.verify import verify


def test_the_chair_names_an_existing_writable_folder(
    station: Record, chair: OfficerInfo, member: OfficerInfo, tmp_path: Path
) -> None:
    with pytest.raises(BadInput) as missing:
        set_backup_target(station, chair, str(tmp_path / "no-stick"))
    assert missing.value.key == "backup.not_made_here"
    with pytest.raises(Refused):
        set_backup_target(station, member, str(tmp_path))
    assert backup_target(station) is None
    target = set_backup_target(station, chair, str(tmp_path), every_minutes=2, keep=3)
    assert backup_target(station) == target
    assert verify(station).ok


@pytest.fixture
def stick(station: Record, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A USB stick mounted at tmp/media/usb: a drive of its own, not the station's."""
    mounted = tmp_path / "media" / "usb"
    mounted.mkdir(parents=True)
    real = backup.drive_of
    monkeypatch.setattr(backup, "drive_of", lambda p: -1 if p.is_relative_to(mounted) else real(p))
    return mounted


def test_a_folder_not_made_yet_on_a_mounted_stick_is_made(
    station: Record, chair: OfficerInfo, stick: Path
) -> None:
    target = set_backup_target(station, chair, str(stick / "tps901" / "cadangan"))
    assert (stick / "tps901" / "cadangan").is_dir()
    assert backup_target(station) == target


def test_with_the_stick_pulled_out_no_folder_is_made_on_the_laptops_disk(
    station: Record, chair: OfficerInfo, stick: Path
) -> None:
    shutil.rmtree(stick)
    with pytest.raises(BadInput) as missing:
        set_backup_target(station, chair, str(stick / "cadangan"))
    assert missing.value.key == "backup.not_made_here"
    assert not stick.exists() and backup_target(station) is None


async def test_f7_names_a_folder_not_made_yet_on_the_stick(station: Record, stick: Path) -> None:
    with_backup_key(station)
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await chair_approves(pilot, str(stick / "cadangan"), "", "")
        assert "Cadangan otomatis ke" in message(app)
        await settle(pilot)
    assert [p.suffix for p in (stick / "cadangan").iterdir()] == [".tpsbak"]


def test_copies_rotate_and_each_is_a_whole_station(
    station: Record,
    chair: OfficerInfo,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    target = set_backup_target(with_backup_key(station), chair, str(stick), keep=3)
    made = []
    for _ in range(5):
        clock.advance(minutes=5)
        made.append(backup_now(station, target))
    kept = sorted(stick.glob("*.tpsbak"))
    assert kept == made[-3:]
    assert all(is_sealed(p) for p in kept)
    decrypt_backup(kept[-1], lambda: TEST_PASSPHRASE, tmp_path / "copy.db")
    copy = open_record(tmp_path / "copy.db", clock)
    assert verify(copy).ok
    copy.close()


def test_a_drills_copies_say_simulasi_and_never_push_out_a_real_stations(
    station: Record, chair: OfficerInfo, clock: FixedClock, tmp_path: Path
) -> None:
    """The training station and the real one back up onto the same stick at the same times,
    each keeping its two newest: the drill's copies are named SIMULASI-…, and neither station
    overwrites or rotates away the other's."""
    stick = tmp_path / "stick"
    stick.mkdir()
    drill = with_backup_key(make_drill_station(tmp_path / "latihan.db", clock, wib(9)))
    made: list[Path] = []
    try:
        real_target = set_backup_target(with_backup_key(station), chair, str(stick), keep=2)
        drill_target = set_backup_target(drill, chair, str(stick), keep=2)
        for _ in range(3):
            clock.advance(minutes=5)
            made += [backup_now(station, real_target), backup_now(drill, drill_target)]
    finally:
        drill.close()
    assert sorted(stick.iterdir()) == sorted(made[-4:])
    names = [p.name for p in made]
    assert all(re.fullmatch(r"TPS_901-20240214-\d{6}\.tpsbak", name) for name in names[::2])
    assert all(
        re.fullmatch(r"SIMULASI-TPS_901-20240214-\d{6}\.tpsbak", name) for name in names[1::2]
    )


def test_a_station_without_a_backup_passphrase_is_never_copied_in_the_clear(
    station: Record, chair: OfficerInfo, tmp_path: Path
) -> None:
    """A station made by an earlier version has no backup key: the copy is refused, and says how
    to give it one, rather than made readable."""
    stick = tmp_path / "stick"
    stick.mkdir()
    target = set_backup_target(station, chair, str(stick))
    with pytest.raises(BadInput) as refused:
        backup_now(station, target)
    assert refused.value.key == "backup.no_key"
    assert list(stick.iterdir()) == []


def test_the_backup_folder_cannot_be_moved_behind_the_programs_back(
    station: Record, chair: OfficerInfo, tmp_path: Path
) -> None:
    import sqlite3

    set_backup_target(station, chair, str(tmp_path))
    assert station.path is not None
    db = sqlite3.connect(station.path)
    db.execute("UPDATE station SET backup_dir = '/tmp/elsewhere'")
    db.commit()
    db.close()
    result = verify(station)
    assert not result.ok and result.problem == "verify.station_field"


async def test_the_desk_backs_up_and_shows_a_failure_loudly(
    station: Record, chair: OfficerInfo, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    set_backup_target(with_backup_key(station), chair, str(stick))
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await settle(pilot)
        assert len(list(stick.glob("*.tpsbak"))) == 1  # the first copy when the desk starts
        assert app.backup.ok is True
        line = str(app.screen.query_one("#line", Static).render())
        assert "cadangan 09:00" in line
        shutil.rmtree(stick)  # the stick is pulled out
        app.backup_if_due(force=True)
        await settle(pilot)
        assert app.backup.ok is False
        notice = str(app.screen.query_one("#notice", Static).render())
        assert "CADANGAN GAGAL" in notice


async def test_without_a_folder_the_strip_says_so(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(120, 30)) as pilot:
        await sign_in(pilot)
        assert "CADANGAN BELUM DIATUR" in str(app.screen.query_one("#line", Static).render())


def test_a_backup_killed_mid_copy_leaves_nothing_a_restore_would_take(
    station: Record,
    chair: OfficerInfo,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    """kill -9 while a copy is on its way to the stick: the half file is never taken for a backup,
    and the next backup into that folder sweeps it once nothing has written to it for a while."""
    import os
    import signal
    import subprocess
    import sys
    import time

    stick = tmp_path / "stick"
    stick.mkdir()
    target = set_backup_target(with_backup_key(station), chair, str(stick))
    assert station.path is not None
    # The copy is held just before its rename, then the process is killed.
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from tps_console.domain.backup import files as backup\n"
        "from tps_console.domain.day.passphrase import backup_key\n"
        "from tps_console.domain.record.clock import Clock\n"
        "from tps_console.domain.record.station import open_record\n"
        "rec = open_record(Path(sys.argv[1]), Clock(), readonly=True)\n"
        "key = backup_key(rec)\n"
        "backup.os.replace = lambda *a: (print('copied', flush=True), time.sleep(60))\n"
        "backup.seal_copy(Path(sys.argv[1]), Path(sys.argv[2]), key)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(station.path), str(stick / "TPS_901-killed.tpsbak")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "copied\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    [half] = stick.iterdir()
    assert half.name.startswith(".TPS_901-killed.tpsbak.") and half.name.endswith(".tmp")

    restored = tmp_path / "restored.db"
    with pytest.raises(BadInput) as refused:
        backups_restore(half, restored)
    assert refused.value.key == "restore.unfinished"
    assert not restored.exists()

    clock.advance(minutes=5)
    backup_now(station, target)
    assert half.exists()  # it might still be another desk's copy under way
    old = time.time() - 11 * 60
    os.utime(half, (old, old))
    clock.advance(minutes=5)
    backup_now(station, target)
    assert not half.exists()
    assert all(not p.name.startswith(".") for p in stick.iterdir())
