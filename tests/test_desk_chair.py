"""The chair's day at the desk, without the command line: F3 opens the chair's menu, and each of
its actions asks the chair's PIN at that moment and is recorded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.pilot import Pilot

from tests.helpers.desk import chair_approves, desk_for, message, sign_in
from tests.helpers.wait import settle
from tps_console.desk.checkin_screen import CheckInScreen
from tps_console.desk.day_actions import ChairMenu
from tps_console.desk.dialogs import ChairForm
from tps_console.domain.backup.files import backup_target, set_backup_target
from tps_console.domain.day.ballots import read_stock
from tps_console.domain.day.officers import OfficerInfo, authenticate
from tps_console.domain.day.passphrase import set_backup_passphrase
from tps_console.domain.record.station import Record
from tps_console.domain.reports.files import ATTENDANCE_FILES, JSON_FILE, PDF_FILE
from tps_console.domain.reports.slips import slips_to_print
from tps_console.domain.verify import verify


async def from_menu(pilot: Pilot[None], key: str) -> None:
    await pilot.press("f3")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ChairMenu)
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, ChairForm)


async def test_the_chair_writes_the_report_to_a_usb_stick(station: Record, tmp_path: Path) -> None:
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "l")
        await chair_approves(pilot, str(tmp_path / "usb"))
        assert isinstance(app.screen, CheckInScreen)
        assert f"5 berkas laporan ditulis ke {tmp_path / 'usb'}" in message(app)
    written = {p.name for p in (tmp_path / "usb").iterdir()}
    assert written == {*ATTENDANCE_FILES.values(), JSON_FILE, PDF_FILE}


async def test_the_chair_checks_the_record_and_reads_the_result_in_words(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "v")
        await chair_approves(pilot)
        code = verify(station).code
        assert "Catatan utuh" in message(app) and code in message(app)


async def test_a_broken_record_is_said_so_at_the_desk(station: Record) -> None:
    assert station.path is not None
    with sqlite3.connect(station.path) as conn:
        conn.execute("UPDATE voter SET name = 'ORANG LAIN' WHERE no = 3")
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "v")
        await chair_approves(pilot)
        assert isinstance(app.screen, ChairForm)  # refused: the form says why and stays
        assert "VERIFIKASI GAGAL" in str(app.screen.query_one("#chair-error").render())


async def test_the_chair_enters_more_ballot_stock_from_a_lending_tps(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "s")
        await chair_approves(pilot, "PPWP=20", "dpr=15", "", "TPS 905")
        assert "Surat suara diterima dari TPS 905: PPWP=20, DPR=15" in message(app)
    lender = next(s for s in read_stock(station) if s.name == "TPS 905")
    assert lender.by_type["PPWP"].received == 20 and lender.by_type["DPR"].received == 15


async def test_the_chair_adds_an_officer_who_can_then_sign_in(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "o")
        await chair_approves(pilot, "anggota5", "Anggota Lima", "", "5555", "5556")
        # Said under the PIN it is about, not at the foot of the form.
        assert "Kedua PIN berbeda" in str(app.screen.query_one("#error-new_pin").render())
        assert str(app.screen.query_one("#chair-error").render()) == ""
        await pilot.press("escape")
        await settle(pilot)
        await from_menu(pilot, "o")
        await chair_approves(pilot, "anggota5", "Anggota Lima", "", "5555", "5555")
        assert "Petugas anggota5 (anggota KPPS) ditambahkan" in message(app)
    assert authenticate(station, "anggota5", "5555") == OfficerInfo(
        "anggota5", "Anggota Lima", "member"
    )


async def test_the_chair_backs_up_now(station: Record, chair: OfficerInfo, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    set_backup_target(station, chair, str(tmp_path / "usb"))
    set_backup_passphrase(station, "kopi pagi di aula rutan", by=chair)
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "b")
        await chair_approves(pilot)
        assert "Cadangan dibuat" in message(app)
    assert [p.suffix for p in (tmp_path / "usb").iterdir()] == [".tpsbak"]


async def test_back_up_now_with_no_folder_set_asks_for_one_there(
    station: Record, chair: OfficerInfo, tmp_path: Path
) -> None:
    """F3 → B before any backup folder is named opens F7's form instead of refusing after the
    PIN; the folder named there gets its first copy at once."""
    (tmp_path / "usb").mkdir()
    set_backup_passphrase(station, "kopi pagi di aula rutan", by=chair)
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "b")
        assert isinstance(app.screen, ChairForm)
        assert str(app.screen.query_one(".title").render()).startswith("Folder cadangan otomatis")
        await chair_approves(pilot, str(tmp_path / "usb"), "", "")
        assert "Cadangan otomatis ke" in message(app)
        await settle(pilot)
    assert backup_target(station) is not None
    assert [p.suffix for p in (tmp_path / "usb").iterdir()] == [".tpsbak"]


async def test_a_member_can_not_take_the_chairs_decisions(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "v")
        for value in ("anggota4", "4444"):
            await pilot.press(*value)
            await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChairForm)
        assert "ketua" in str(app.screen.query_one("#error-chair_id").render()).lower()


async def test_the_chair_prints_slips_for_one_block(station: Record, tmp_path: Path) -> None:
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "c")
        await chair_approves(pilot, str(tmp_path), "A")
        assert "slip-blok-A.pdf" in message(app)
    expected = slips_to_print(station, "A")
    assert expected.slips and (tmp_path / "slip-blok-A.pdf").read_bytes().startswith(b"%PDF")
