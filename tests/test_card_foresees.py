"""The voter card says before Enter what the check-in will say: one decision, judged on the same
facts, for the card and for the check-in (a card that says "may vote" at 17:18 and a check-in
that then refuses is what this guards against)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import col
from textual.app import App
from textual.widgets import Static

from tests.helpers import make_station, wib
from tests.helpers.desk import desk_for, find, sign_in
from tests.helpers.wait import settle
from tps_console.desk.card import VoterCardScreen
from tps_console.desk.dialogs import RefusalScreen
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.checkin import check_in, set_voter_status
from tps_console.domain.day.closing import close_polls, record_queue
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import Frozen, TpsError
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Event
from tps_console.domain.views.voters import voter_details
from tps_console.domain.vocab import ALL_BALLOTS, EventKind, VoterStatus
from tps_console.samples.rolls import sample_roll

NIK_1 = "3399141702910001"  # voter no. 1, PURNOMO HARTONO, DPT
# The same roll with voter no. 1 on the DPK list (a roll may carry DPK voters from the start).
DPK_ROLL = sample_roll().replace(
    b"PURNOMO HARTONO,L,17-02-1991,DPT,", b"PURNOMO HARTONO,L,17-02-1991,DPK,"
)

Setup = Callable[[Record, FixedClock, OfficerInfo, OfficerInfo], None]


def events(rec: Record) -> int:
    with read(rec.engine) as conn:
        return int(conn.execute(select(func.count()).select_from(Event)).scalar_one())


def at(hour: int, minute: int = 0) -> Setup:
    def setup(rec: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo) -> None:
        clock.set(wib(hour, minute))

    return setup


def the_next_day(rec: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo) -> None:
    clock.set(wib(9).replace(day=15))


def closed_by_the_chair(
    rec: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    clock.set(wib(13, 5))
    close_polls(rec, chair)


def released(rec: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo) -> None:
    set_voter_status(rec, chair, 1, VoterStatus.RELEASED, "bebas 12 Februari")


def voted(rec: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo) -> None:
    check_in(rec, member, voter_id=1)


def queued(rec: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo) -> None:
    clock.set(wib(13))
    record_queue(rec, chair, [NIK_1])
    clock.set(wib(13, 20))


REFUSED: dict[str, tuple[Setup, bytes | None, int, str]] = {
    # name: (what happened, roll, ballots in stock, what the check-in says)
    "after closing time, not in the queue": (at(17, 18), None, 200, "checkin.not_queued"),
    "the next day": (the_next_day, None, 200, "checkin.closed"),
    "polls closed by the chair": (closed_by_the_chair, None, 200, "polls.frozen"),
    "before opening": (at(6, 30), None, 200, "checkin.not_open"),
    "a DPK voter before the DPK hour": (at(9), DPK_ROLL, 200, "dpk.outside_hour"),
    "no ballot left": (at(9), None, 0, "ballots.none_left"),
    "released": (released, None, 200, "checkin.released"),
    "already voted": (voted, None, 200, "checkin.already_voted"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_the_card_says_the_refusal_the_check_in_then_makes(
    tmp_path: Path, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo, case: str
) -> None:
    setup, roll, stock, key = REFUSED[case]
    rec = make_station(tmp_path / "tps.db", clock, roll, stock=stock)
    setup(rec, clock, chair, member)
    foreseen = voter_details(rec, 1).refusal
    assert foreseen is not None and foreseen.key == key
    before = events(rec)
    with pytest.raises(TpsError) as refused:
        check_in(rec, member, voter_id=1)
    assert (refused.value.key, refused.value.params) == (foreseen.key, foreseen.params)
    # Recorded as today, except once the record is final.
    assert events(rec) == before + (0 if isinstance(foreseen, Frozen) else 1)
    rec.close()


MAY_VOTE: dict[str, tuple[Setup, bytes | None]] = {
    "in the morning": (at(9), None),
    "after closing time, in the queue": (queued, None),
    "a DPK voter in the DPK hour": (at(12, 10), DPK_ROLL),
    "a DPK voter in the queue": (queued, DPK_ROLL),
}


@pytest.mark.parametrize("case", list(MAY_VOTE))
def test_the_card_says_may_vote_when_the_check_in_takes_the_voter(
    tmp_path: Path, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo, case: str
) -> None:
    setup, roll = MAY_VOTE[case]
    rec = make_station(tmp_path / "tps.db", clock, roll)
    setup(rec, clock, chair, member)
    assert voter_details(rec, 1).refusal is None
    assert check_in(rec, member, voter_id=1).voter_id == 1
    rec.close()


def test_a_type_out_of_stock_is_the_chairs_decision_not_a_refusal_on_the_card(
    tmp_path: Path, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    rec = make_station(tmp_path / "tps.db", clock, stock=0)
    receive_ballots(rec, chair, {b: 50 for b in ALL_BALLOTS if b != "DPD"})
    details = voter_details(rec, 1)
    assert details.refusal is None and details.plan is not None and details.plan.short == ("DPD",)
    with pytest.raises(TpsError) as refused:
        check_in(rec, member, voter_id=1)
    assert refused.value.key == "ballots.out"  # until the chair decides
    assert check_in(rec, member, voter_id=1, short_approved_by=chair).short == ("DPD",)
    rec.close()


def card_text(app: App[None]) -> str:
    screen = app.screen
    assert isinstance(screen, VoterCardScreen)
    return str(screen.query_one("#card-body", Static).render())


async def test_at_17_18_the_card_says_in_red_that_enter_will_be_refused(
    station: Record, clock: FixedClock
) -> None:
    clock.set(wib(17, 18))
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, NIK_1)
        assert isinstance(app.screen, VoterCardScreen)
        assert app.screen.query_one("#card").has_class("ineligible")  # the red frame
        text = card_text(app)
        assert "tidak tercatat dalam antrean" in text and "Boleh memilih" not in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen)  # and the check-in still decides it
    with read(station.engine) as conn:
        kinds = list(conn.execute(select(col(Event.kind)).order_by(col(Event.seq))).scalars())
    assert kinds[-1] == EventKind.CHECKIN_REFUSED


async def test_an_open_card_turns_red_when_13_00_passes(station: Record, clock: FixedClock) -> None:
    clock.set(wib(12, 59, 59))
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, NIK_1)
        assert "Boleh memilih" in card_text(app)
        clock.set(wib(13, 0, 1))
        for _ in range(60):  # the card looks at the clock every second
            await pilot.pause(0.05)
            await settle(pilot)
            if "antrean" in card_text(app):
                break
        assert "antrean" in card_text(app) and "Boleh memilih" not in card_text(app)
