"""The witness panel with the Pilot: other desks write, the panel follows; it never writes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from sqlalchemy import select
from sqlmodel import col
from textual.widget import Widget

from tests.helpers import Person, make_drill_station, stored, wib
from tests.helpers.panel import screen_text, stock_ballots
from tests.helpers.scan import photographed
from tests.helpers.wait import settle
from tps_console.domain.day.checkin import check_in, undo_check_in
from tps_console.domain.day.closing import close_polls
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.officers import OfficerInfo, authenticate
from tps_console.domain.record.clock import Clock, FixedClock
from tps_console.domain.record.proof import noted_code
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Voter
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.domain.views.turnout import Turnout
from tps_console.panel.app import (
    POLL_INTERVAL_S,
    WEB_POLL_INTERVAL_S,
    PanelApp,
    PanelScreen,
    make_panel,
)
from tps_console.panel.widgets import Figure, TurnoutCount, TurnoutLine

# A woman born 01-07-1990, not on the synthetic roll.
WALK_IN: Person = {
    "nik": "3316014107900002",
    "name": "Sri Wahyuni",
    "sex": "P",
    "birth": "1990-07-01",
}


@pytest.fixture
def station(station: Record, chair: OfficerInfo) -> Record:
    stock_ballots(station, chair)
    return station


def panel_for(rec: Record, clock: Clock) -> PanelApp:
    assert rec.path is not None
    return make_panel(rec.path, clock)


def shown(app: PanelApp) -> Turnout:
    screen = app.screen
    assert isinstance(screen, PanelScreen) and screen.turnout is not None
    return screen.turnout


def voter_ids(rec: Record, count: int) -> list[int]:
    with read(rec.engine) as conn:
        return stored(
            conn.execute(select(col(Voter.id)).order_by(col(Voter.no)).limit(count)).scalars()
        )


async def test_a_check_in_at_another_desk_appears_without_a_key_press(
    station: Record, other_desk: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    app = panel_for(station, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one(TurnoutCount).value == "0"
        for voter_id in voter_ids(station, 3):
            check_in(other_desk, member, voter_id=voter_id)
        deadline = time.monotonic() + 5
        while app.query_one(TurnoutCount).value != "3" and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await settle(pilot)
        assert app.query_one(TurnoutCount).value == "3"
        assert "3 / 180 pemilih · 1,7 %" in str(app.query_one(TurnoutLine).render())


async def test_a_check_in_from_another_process_appears(tmp_path: Path) -> None:
    # A drill station: the other process runs on the real clock, and so on the station's own.
    drill = make_drill_station(tmp_path / "latihan.db", Clock(), wib(9))
    drill.close()
    app = panel_for(drill, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from tps_console.cli.main import main; raise SystemExit(main())",
                "checkin",
                str(drill.path),
                "BI.001/2024",
                "--officer",
                "anggota4",
            ],
            env={**os.environ, "TPS_PIN": "4444"},
            check=True,
            capture_output=True,
        )
        deadline = time.monotonic() + 5
        while shown(app).status.checked_in != 1 and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await settle(pilot)
        assert app.query_one(TurnoutCount).value == "1"
        assert shown(app).recent[0].no == 1


async def test_undo_takes_the_number_down_and_the_undone_count_up(
    station: Record, other_desk: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    first, second = voter_ids(station, 2)
    check_in(other_desk, member, voter_id=first)
    check_in(other_desk, member, voter_id=second)
    app = panel_for(station, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(app).status.checked_in == 2 and shown(app).status.undone == 0
        undo_check_in(other_desk, chair, "salah orang", voter_id=first)
        await pilot.press("r")
        await settle(pilot)
        assert app.query_one(TurnoutCount).value == "1"
        assert shown(app).status.undone == 1
        text = screen_text(app)
        assert "Kehadiran dibatalkan 1" in text and "1 / 180 pemilih" in text


async def test_the_grid_on_screen_matches_the_record(
    station: Record, other_desk: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    for i, voter_id in enumerate(voter_ids(station, 40)):
        clock.set(wib(7, 30) + (wib(8) - wib(7)) * i / 10)
        check_in(other_desk, member, voter_id=voter_id)
    status = read_status(station)
    app = panel_for(station, clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        turnout = shown(app)
        assert {c: n.total for c, n in turnout.came.items()} == status.by_category
        assert (turnout.total.l, turnout.total.p) == (status.by_gender["L"], status.by_gender["P"])
        text = screen_text(app)
        for category, n in turnout.came.items():
            assert f"{category} {n.l} {n.p} {n.total}" in text
        assert f"Jumlah {status.by_gender['L']} {status.by_gender['P']} 40" in text
        assert f"Kode saksi {noted_code(status.events, status.audit_head)}" in text
        assert station.station.roll_fingerprint[:8] in text


async def test_after_closing_the_panel_shows_the_closing_code_not_the_moving_head(
    station: Record, clock: FixedClock, chair: OfficerInfo
) -> None:
    clock.set(wib(13, 0))
    close_polls(station, chair)
    authenticate(station, "ketua", "1234", record_success=True)  # to print the report
    status = read_status(station)
    assert status.closing is not None
    app = panel_for(station, clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert f"Kode penutupan {noted_code(*status.closing)}" in text
        assert noted_code(status.events, status.audit_head) not in text


async def test_reload_key_is_in_the_footer_and_reads_again(
    station: Record, other_desk: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    app = panel_for(station, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Muat ulang" in screen_text(app) and "Keluar" in screen_text(app)
        check_in(other_desk, member, voter_id=voter_ids(station, 1)[0])
        await pilot.press("r")
        await settle(pilot)
        assert shown(app).status.checked_in == 1
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_drill_says_so_and_the_real_day_does_not(station: Record, tmp_path: Path) -> None:
    drill = make_drill_station(tmp_path / "latihan.db", Clock(), wib(9))
    drill.close()
    on_drill = panel_for(drill, Clock())
    async with on_drill.run_test(size=(80, 24)):
        assert "SIMULASI" in screen_text(on_drill)
    real = panel_for(station, FixedClock(wib(9)))
    async with real.run_test(size=(80, 24)):
        assert "SIMULASI" not in screen_text(real)


async def test_no_nik_name_or_birth_date_reaches_the_screen(
    station: Record, other_desk: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    for voter_id in voter_ids(station, 12):
        check_in(other_desk, member, voter_id=voter_id)
    with read(station.engine) as conn:
        roll = conn.execute(select(col(Voter.nik), col(Voter.name), col(Voter.birth_date))).all()
    app = panel_for(station, clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        text = screen_text(app)
    assert "P.H." in text  # voter no. 1's initials are there, so recent check-ins are shown
    for nik, name, birth in roll:
        assert nik not in text and name not in text
        assert birth not in text and birth[8:] + "-" + birth[5:7] + "-" + birth[:4] not in text


def test_a_missing_file_is_refused_before_the_screen_opens(tmp_path: Path) -> None:
    from tps_console.domain.errors import BadInput

    with pytest.raises(BadInput) as refused:
        make_panel(tmp_path / "nothing.db", FixedClock(wib(9)))
    assert refused.value.key == "station.missing"


async def test_below_80x24_the_panel_says_the_window_is_too_small_until_enlarged(
    station: Record, clock: FixedClock
) -> None:
    app = panel_for(station, clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert screen_text(app) == ("Jendela terlalu kecil (60×20): perbesar menjadi minimal 80×24")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "Jendela terlalu kecil" not in screen_text(app)
        assert "0 / 180 pemilih" in screen_text(app)


async def test_a_check_in_redraws_the_figures_and_lays_the_screen_out_only_for_a_new_block(
    station: Record,
    other_desk: Record,
    clock: FixedClock,
    chair: OfficerInfo,
    member: OfficerInfo,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every browser tab is a process of its own: laying the whole screen out again for each
    # check-in would redraw all of it in each of them (`bench --area web`).
    laid_out: list[str] = []
    refresh = Widget.refresh

    def spied(self: Widget, *regions: Any, **options: Any) -> Widget:
        if options.get("layout") and isinstance(self, Figure):
            laid_out.append(type(self).__name__)
        return refresh(self, *regions, **options)

    monkeypatch.setattr(Widget, "refresh", spied)
    voters = voter_ids(station, 14)
    for voter_id in voters[:12]:  # the latest check-ins' list is full
        check_in(other_desk, member, voter_id=voter_id)
    app = panel_for(station, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        laid_out.clear()
        check_in(other_desk, member, voter_id=voters[12])
        await pilot.press("r")
        await settle(pilot)
        assert shown(app).status.checked_in == 13 and "13 / 180 pemilih" in screen_text(app)
        assert laid_out == []

        clock.set(wib(12, 5))  # a DPK voter has no block: the blocks' figure needs its row
        register_dpk(other_desk, chair, **WALK_IN)
        await pilot.press("r")
        await settle(pilot)
        # (The layout then resizes the chart beside it, which Textual lays out too.)
        assert laid_out[0] == "BlockProgress" and "tanpa blok" in screen_text(app)


async def test_in_a_browser_tab_the_panel_looks_once_a_second_beside_the_desk_four_times(
    station: Record, clock: FixedClock
) -> None:
    class BrowserTab(PanelApp):
        @property
        def is_web(self) -> bool:
            return True

    assert station.path is not None
    for app_class, interval in ((PanelApp, POLL_INTERVAL_S), (BrowserTab, WEB_POLL_INTERVAL_S)):
        app = make_panel(station.path, clock, app_class=app_class)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, PanelScreen) and screen.poll_interval == interval


@pytest.mark.parametrize("size", [(120, 30), (160, 48)])
async def test_a_photograph_of_the_panel_carries_a_proof_verify_accepts(
    station: Record,
    other_desk: Record,
    clock: FixedClock,
    member: OfficerInfo,
    size: tuple[int, int],
) -> None:
    check_in(other_desk, member, voter_id=1)
    app = panel_for(station, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        [qr] = photographed(app.export_screenshot(), zxingcpp.BarcodeFormat.QRCode)
    assert qr.startswith("TPSE1:TPS 901:")
    assert verify(station, expect=[qr]).ok
    check_in(other_desk, member, voter_id=2)  # the record moves on; the photo still holds
    assert verify(station, expect=[qr]).ok


async def test_a_small_panel_shows_the_qr_on_its_own_key(
    station: Record, clock: FixedClock
) -> None:
    app = panel_for(station, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert photographed(app.export_screenshot(), zxingcpp.BarcodeFormat.QRCode) == []
        await pilot.press("k")
        await settle(pilot)
        [qr] = photographed(app.export_screenshot(), zxingcpp.BarcodeFormat.QRCode)
        assert verify(station, expect=[qr]).ok
        await pilot.press("escape")
        await settle(pilot)
        assert photographed(app.export_screenshot(), zxingcpp.BarcodeFormat.QRCode) == []
