"""Every scan checks in the voter it names, and no other: a USB scanner types characters and
Enter as fast as it can, onto whatever screen is open (VxPollBook #7041, #7453, #7448)."""

from __future__ import annotations

from sqlalchemy import select

from tests.desk_helpers import burst, desk_for, settle, sign_in
from tps_console.desk.card import VoterCardScreen
from tps_console.desk.checkin_screen import CheckInScreen
from tps_console.desk.dialogs import RefusalScreen
from tps_console.domain.day.checkin import check_in, undo_check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.db import read
from tps_console.domain.record.models import CheckIn
from tps_console.domain.record.station import Record

NIK_A = "3399141702910001"  # voter no. 1, PURNOMO HARTONO
NIK_B = "3399011112980002"  # voter no. 2, BAYU HARTONO, register AI.002/2024


def checked_in_voters(rec: Record) -> set[int]:
    with read(rec.engine) as conn:
        return set(conn.execute(select(CheckIn.voter_id).where(CheckIn.active)).scalars())


async def test_a_scan_onto_an_open_card_opens_that_voter_and_records_nothing_for_the_first(
    station: Record,
) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        burst(app, *NIK_A, "enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == 1
        burst(app, *NIK_B, "enter")  # the next voter's NIK, as a scanner types it
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == 2
        assert checked_in_voters(station) == set()
        burst(app, "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
    assert checked_in_voters(station) == {2}


async def test_a_register_number_scanned_onto_an_open_card_is_that_voter(
    station: Record,
) -> None:
    """A slip's barcode holds the register number: letters, dots and a slash, never a key's
    action (`r`, `t`, `u`, `g` only act as the first key on the card)."""
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        burst(app, *NIK_A, "enter")
        await settle(pilot)
        burst(app, *"AI.002/2024", "enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == 2
    assert checked_in_voters(station) == set()


async def test_an_unknown_scan_onto_an_open_card_is_refused_and_checks_in_nobody(
    station: Record,
) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        burst(app, *NIK_A, "enter")
        await settle(pilot)
        burst(app, *"3399999999999999", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen)
    assert checked_in_voters(station) == set()


async def test_enter_confirms_only_when_nothing_was_typed_and_backspace_takes_typing_back(
    station: Record,
) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        burst(app, *NIK_A, "enter")
        await settle(pilot)
        burst(app, "3", "9", "backspace", "backspace", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
    assert checked_in_voters(station) == {1}


async def test_an_open_card_follows_a_check_in_and_an_undo_made_at_another_desk(
    station: Record, other_desk: Record, member: OfficerInfo, chair: OfficerInfo
) -> None:
    app = desk_for(station, refresh_seconds=0.1)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        burst(app, *NIK_A, "enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, VoterCardScreen)
        assert card.details is not None and card.details.checked_in is None
        check_in(other_desk, member, voter_id=1)
        for _ in range(40):
            await pilot.pause(0.05)
            await settle(pilot)
            if card.details is not None and card.details.checked_in is not None:
                break
        assert card.details is not None and card.details.checked_in is not None
        assert card.details.checked_in.desk == "meja-2"
        undo_check_in(other_desk, chair, "salah orang", voter_id=1)
        for _ in range(40):
            await pilot.pause(0.05)
            await settle(pilot)
            if card.details.checked_in is None:
                break
        assert card.details.checked_in is None


async def test_a_scan_onto_the_refusal_banner_acknowledges_it_and_opens_that_voter(
    station: Record, member: OfficerInfo
) -> None:
    check_in(station, member, voter_id=1)
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        burst(app, *NIK_A, "enter")
        await settle(pilot)
        burst(app, "enter")  # the card of a voter who voted: Enter is refused, loudly
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen) and app.screen.duplicate
        burst(app, *NIK_B, "enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == 2
    assert checked_in_voters(station) == {1}
