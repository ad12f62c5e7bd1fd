"""Automatic backups: the chair names a folder; the desk copies there and never fails silently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.desk_helpers import desk_for, settle, sign_in
from tps_console.domain.day.backup import backup_now, backup_target, set_backup_target
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.verify import verify


def test_the_chair_names_an_existing_writable_folder(
    station: Record, chair: OfficerInfo, member: OfficerInfo, tmp_path: Path
) -> None:
    with pytest.raises(BadInput) as missing:
        set_backup_target(station, chair, str(tmp_path / "no-stick"))
    assert missing.value.key == "backup.no_folder"
    with pytest.raises(Refused):
        set_backup_target(station, member, str(tmp_path))
    assert backup_target(station) is None
    target = set_backup_target(station, chair, str(tmp_path), every_minutes=2, keep=3)
    assert backup_target(station) == target
    assert verify(station).ok


def test_copies_rotate_and_each_is_a_whole_station(
    station: Record,
    chair: OfficerInfo,
    clock,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    target = set_backup_target(station, chair, str(stick), keep=3)
    made = []
    for _ in range(5):
        clock.advance(minutes=5)
        made.append(backup_now(station, target))
    kept = sorted(stick.glob("*.db"))
    assert kept == made[-3:]
    copy = open_record(kept[-1], clock)
    assert verify(copy).ok
    copy.close()


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
    set_backup_target(station, chair, str(stick))
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await settle(pilot)
        assert len(list(stick.glob("*.db"))) == 1  # the first copy when the desk starts
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
