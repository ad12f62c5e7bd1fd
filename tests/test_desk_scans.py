"""Every scan checks in the voter it names, and no other: a USB scanner types characters and
Enter as fast as it can, onto whatever screen is open (VxPollBook #7041, #7453, #7448)."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import col
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from tests.helpers import wib
from tests.helpers.desk import burst, desk_for, sign_in, type_text
from tests.helpers.wait import settle
from tps_console.desk.app import DeskApp
from tps_console.desk.card import VoterCardScreen
from tps_console.desk.checkin_screen import CheckInScreen
from tps_console.desk.dialogs import LockScreen, RefusalScreen
from tps_console.domain.day.checkin import check_in, set_voter_status, undo_check_in
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, Event
from tps_console.domain.vocab import EventKind, VoterStatus

NIK_A = "3399141702910001"  # voter no. 1, PURNOMO HARTONO
NIK_B = "3399011112980002"  # voter no. 2, BAYU HARTONO, register AI.002/2024
DPK_NIK = "3316015505900001"


async def card_of_a_open(app: DeskApp, pilot: Pilot[None]) -> VoterCardScreen:
    """Signed in as the member, voter A's NIK scanned: A's card is open."""
    await sign_in(pilot)
    burst(app, *NIK_A, "enter")
    await settle(pilot)
    card = app.screen
    assert isinstance(card, VoterCardScreen) and card.voter_id == 1
    return card


def checked_in_voters(rec: Record) -> set[int]:
    with read(rec.engine) as conn:
        return set(conn.execute(select(col(CheckIn.voter_id)).where(col(CheckIn.active))).scalars())


async def test_a_scan_onto_an_open_card_opens_that_voter_and_records_nothing_for_the_first(
    station: Record,
) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await card_of_a_open(app, pilot)
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
        await card_of_a_open(app, pilot)
        burst(app, *"AI.002/2024", "enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == 2
    assert checked_in_voters(station) == set()


async def test_an_unknown_scan_onto_an_open_card_is_refused_and_checks_in_nobody(
    station: Record,
) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await card_of_a_open(app, pilot)
        burst(app, *"3399999999999999", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen)
    assert checked_in_voters(station) == set()


async def test_enter_confirms_only_when_nothing_was_typed_and_backspace_takes_typing_back(
    station: Record,
) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await card_of_a_open(app, pilot)
        burst(app, "3", "9", "backspace", "backspace", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
    assert checked_in_voters(station) == {1}


async def test_an_open_card_follows_a_check_in_and_an_undo_made_at_another_desk(
    station: Record, other_desk: Record, member: OfficerInfo, chair: OfficerInfo
) -> None:
    app = desk_for(station, refresh_seconds=0.1)
    async with app.run_test(size=(100, 30)) as pilot:
        await card_of_a_open(app, pilot)
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
        await card_of_a_open(app, pilot)
        burst(app, "enter")  # the card of a voter who voted: Enter is refused, loudly
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen) and app.screen.duplicate
        burst(app, *NIK_B, "enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == 2
    assert checked_in_voters(station) == {1}


async def test_a_dpk_voter_added_at_another_desk_is_found_here_within_two_seconds(
    station: Record, other_desk: Record, chair: OfficerInfo, clock: FixedClock
) -> None:
    clock.set(wib(12, 20))
    app = desk_for(station, refresh_seconds=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        register_dpk(
            other_desk, chair, nik=DPK_NIK, name="Siti Aminah", sex="P", birth="1990-05-15"
        )
        set_voter_status(other_desk, chair, 2, VoterStatus.RELEASED, "bebas 13 Februari")
        for _ in range(40):  # 2 s
            await pilot.pause(0.05)
            index = app.index
            if index is not None and index.exact(DPK_NIK) is not None and 2 in app.not_eligible:
                break
        await type_text(pilot, "siti amin")
        await settle(pilot)
        results = app.screen.query_one("#results", OptionList)
        assert (
            results.option_count == 1
            and "SITI" in str(results.get_option_at_index(0).prompt).upper()
        )
        await pilot.press("escape")
        await type_text(pilot, "bayu hartono")
        await settle(pilot)
        assert "TIDAK BOLEH" in str(results.get_option_at_index(0).prompt)
        await pilot.press("escape")
        burst(app, *DPK_NIK, "enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen)
        assert app.screen.details is not None and app.screen.details.category == "DPK"


async def test_keys_typed_as_the_desk_starts_sign_in_even_when_enter_arrives_as_a_line_feed(
    station: Record,
) -> None:
    """Keys typed before the terminal is in raw mode pass its line discipline, which turns the
    Enter of a scanner or a fast typist into a line feed (Ctrl+J): seen in a real terminal as a
    right PIN typed ~1 s after start that signed nobody in. Typed here the moment the app runs,
    at scanner speed, with Enter as the terminal then delivers it."""
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, *"anggota4", "tab", *"4444", "ctrl+j")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen) and app.officer is not None
        burst(app, *NIK_A, "ctrl+j")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == 1
        burst(app, "ctrl+j")
        await settle(pilot)
    assert checked_in_voters(station) == {1}


async def test_a_nik_scanned_onto_the_lock_screen_is_no_wrong_pin(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        app.action_lock()
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        burst(app, *NIK_B, "enter")
        await settle(pilot)
        said = str(app.screen.query_one("#lock-error", Static).render())
        assert "bukan PIN" in said and isinstance(app.screen, LockScreen)
        burst(app, *"4444", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
    with read(station.engine) as conn:
        failed = conn.execute(select(Event).where(col(Event.kind) == EventKind.PIN_FAILED))
        assert failed.first() is None


async def test_the_banner_says_the_attempt_is_logged_only_when_it_was(
    station: Record, member: OfficerInfo
) -> None:
    check_in(station, member, voter_id=1)
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        burst(app, *"3399999999999999", "enter")  # on no list: nothing is recorded
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen) and not app.screen.logged
        assert "tercatat di log" not in str(app.screen.query_one("#refusal-hint", Static).render())
        burst(app, "enter", *NIK_A, "enter")
        await settle(pilot)
        burst(app, "enter")  # voted already: the refused attempt is an event
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen) and app.screen.logged
        assert "tercatat di log" in str(app.screen.query_one("#refusal-hint", Static).render())


async def test_enter_then_the_next_scan_at_once_checks_in_one_and_opens_the_next(
    station: Record,
) -> None:
    """Keys typed right after the Enter that closes a card (or a banner) reach it still: they are
    the next voter's, and a second Enter among them must not close the screen below."""
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await card_of_a_open(app, pilot)
        burst(app, "enter", *NIK_B, "enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == 2
        assert isinstance(app.screen_stack[-2], CheckInScreen)
    assert checked_in_voters(station) == {1}
