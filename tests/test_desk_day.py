"""The afternoon at the desk: ballots running out, a DPK voter at 12:10, the 13:00 queue, closing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import col
from textual.widgets import Static

from tests.helpers import make_station, wib
from tests.helpers.desk import chair_approves, desk_for, find, message, sign_in, type_text
from tests.helpers.wait import settle
from tps_console.desk.card import VoterCardScreen
from tps_console.desk.checkin_screen import CheckInScreen
from tps_console.desk.dialogs import ChairForm, RefusalScreen
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, Station, Voter
from tps_console.domain.vocab import ALL_BALLOTS

DPK_NIK = "3399016505990001"  # synthetic: regency 99, a woman born 25-05-1999


async def test_dpk_registered_at_the_desk_then_checked_in(
    station: Record, clock: FixedClock
) -> None:
    clock.set(wib(12, 10))
    app = desk_for(station)
    async with app.run_test(size=(100, 40)) as pilot:
        await sign_in(pilot)
        notice = str(app.screen.query_one("#notice", Static).render())
        assert "DPT/DPTb" in notice  # the DPK-hour reminder
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ChairForm)
        assert not app.screen.query_one("#chair-notice", Static).display  # in the DPK hour
        await chair_approves(pilot, DPK_NIK, "Siti Contoh", "P", "25-05-1999", "", "")
        assert isinstance(app.screen, VoterCardScreen)  # the new voter's card opens at once
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert "SITI CONTOH" in message(app).upper()
        # and she is findable by name from now on
        await type_text(pilot, "siti cont")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert app.screen._hits[0].voter.nik == DPK_NIK
    with read(station.engine) as conn:
        dpk = conn.execute(select(col(Voter.id)).where(col(Voter.nik) == DPK_NIK)).scalar_one()
        assert conn.execute(select(col(CheckIn.id)).where(col(CheckIn.voter_id) == dpk)).first()


async def test_dpk_before_noon_is_said_as_the_form_opens_and_refused_in_it(
    station: Record, clock: FixedClock
) -> None:
    clock.set(wib(11, 50))
    app = desk_for(station)
    async with app.run_test(size=(100, 40)) as pilot:
        await sign_in(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ChairForm)
        notice = app.screen.query_one("#chair-notice", Static)
        assert notice.display and "12:00–13:00" in str(notice.render())  # before any field
        await chair_approves(pilot, DPK_NIK, "Siti Contoh", "P", "25-05-1999", "", "")
        assert isinstance(app.screen, ChairForm)
        assert "12" in str(app.screen.query_one("#chair-error", Static).render())
    with read(station.engine) as conn:
        assert conn.execute(select(col(Voter.id)).where(col(Voter.nik) == DPK_NIK)).first() is None


async def test_the_dpk_forms_notice_goes_when_the_dpk_hour_comes(
    station: Record, clock: FixedClock
) -> None:
    clock.set(wib(11, 59, 59))
    app = desk_for(station)
    async with app.run_test(size=(100, 40)) as pilot:
        await sign_in(pilot)
        await pilot.press("f4")
        await settle(pilot)
        notice = app.screen.query_one("#chair-notice", Static)
        assert notice.display
        clock.set(wib(12, 0, 1))
        for _ in range(40):  # the form looks at the clock every second
            await pilot.pause(0.05)
            if not notice.display:
                break
        assert not notice.display


async def test_queue_at_13_then_only_the_queued_vote_then_close(
    station: Record, clock: FixedClock
) -> None:
    clock.set(wib(13, 0))
    app = desk_for(station)
    async with app.run_test(size=(100, 40)) as pilot:
        await sign_in(pilot)
        await pilot.press("f5")
        await settle(pilot)
        await chair_approves(pilot, "AI.002/2024", "BIIA.003/2022", "")
        assert isinstance(app.screen, CheckInScreen)
        assert "2" in message(app)
        clock.set(wib(13, 5))
        await find(pilot, "AI.002/2024")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)  # queued: checked in
        await find(pilot, "3399141702910001")  # not queued
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen)
        await pilot.press("enter")
        await pilot.press("f6")
        await settle(pilot)
        await chair_approves(pilot)
        assert "DITUTUP" in message(app)
    with read(station.engine) as conn:
        assert conn.execute(select(col(Station.closed_at))).scalar() is not None
        assert conn.execute(select(func.count()).select_from(CheckIn)).scalar_one() == 1


async def test_out_of_a_ballot_type_the_chair_decides(
    tmp_path: Path, chair: OfficerInfo, clock: FixedClock
) -> None:
    station = make_station(tmp_path / "tps.db", clock, stock=0)
    receive_ballots(station, chair, {b: 50 for b in ALL_BALLOTS if b != "DPD"})
    app = desk_for(station)
    async with app.run_test(size=(100, 40)) as pilot:
        await sign_in(pilot)
        await find(pilot, "AI.002/2024")
        card = str(app.screen.query_one("#card-body", Static).render())
        assert "DPD HABIS" in card  # said before confirming
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChairForm)
        await chair_approves(pilot)
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert "DPD" in message(app)  # not handed out, said so
    with read(station.engine) as conn:
        assert conn.execute(select(func.count()).select_from(CheckIn)).scalar_one() == 1
