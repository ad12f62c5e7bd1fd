"""The desk walked through the polling day with the Pilot: keys in, screens and record checked."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlmodel import col
from textual.app import App
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets._footer import FooterKey

from tests.helpers import make_station, wib
from tests.helpers.desk import burst, desk_for, find, message, sign_in, type_text
from tests.helpers.wait import settle, wait_for
from tps_console.desk import app as desk_app
from tps_console.desk.app import DeskApp
from tps_console.desk.calling import CallingScreen
from tps_console.desk.card import VoterCardScreen
from tps_console.desk.checkin_screen import CheckInScreen
from tps_console.desk.day_actions import ChairMenu
from tps_console.desk.dialogs import ChairForm, LockScreen, RefusalScreen
from tps_console.desk.signin import SignInScreen
from tps_console.desk.state import PanelLaunch
from tps_console.domain.day.checkin import check_in, set_voter_status
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.store.commit_watch import CommitWatch
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, Event, Voter
from tps_console.domain.views import voters
from tps_console.domain.vocab import EventKind

NIK_1 = "3399141702910001"  # voter no. 1 of the sample roll, PURNOMO HARTONO, BI.001/2024


def active_check_ins(rec: Record) -> int:
    with read(rec.engine) as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(CheckIn).where(col(CheckIn.active))
            ).scalar_one()
        )


def events_of(rec: Record, kind: str) -> int:
    with read(rec.engine) as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(Event).where(col(Event.kind) == kind)
            ).scalar_one()
        )


def first_result(app: App[None]) -> str:
    return str(app.screen.query_one("#results", OptionList).get_option_at_index(0).prompt)


def strip(app: DeskApp) -> str:
    return str(app.screen.query_one("#line", Static).render())


async def test_sign_in_with_the_right_pin_opens_the_search(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert app.officer is not None and app.officer.id == "anggota4"
        assert app.focused is not None and app.focused.id == "search"


async def test_wrong_pin_is_refused_and_counted(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, pin="9999")
        assert isinstance(app.screen, SignInScreen)
        error = str(app.screen.query_one("#signin-error", Static).render())
        assert "PIN salah" in error and "4" in error
        assert app.officer is None
    assert events_of(station, EventKind.PIN_FAILED) == 1


async def test_check_in_by_nik_with_spaces_is_two_keys_after_the_nik(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, "3399 1417 0291 0001")
        assert isinstance(app.screen, VoterCardScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert "PURNOMO HARTONO" in message(app) and "09:00" in message(app)
        assert app.screen.query_one("#search", Input).value == ""
        assert "HADIR 1 / 180" in strip(app)  # the desk's own check-in, on the strip at once
        assert "(0,6 %)" in strip(app)  # the percent as Indonesian writes it
    assert active_check_ins(station) == 1


async def test_check_in_by_register_number_any_case(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, "bi.001/2024")
        assert isinstance(app.screen, VoterCardScreen)
        assert app.screen.voter_id == 1
        await pilot.press("enter")
        await settle(pilot)
    assert active_check_ins(station) == 1


async def test_check_in_by_name_search_with_arrows(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await type_text(pilot, "purnomo hart")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        names = [hit.voter.name for hit in screen._hits]
        assert names[0] == "PURNOMO HARTONO"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == 1
        await pilot.press("escape")  # back from the card: the query stays, to be corrected
        await settle(pilot)
        assert app.screen.query_one("#search", Input).value == "purnomo hart"
        await pilot.press("escape")  # clear it
        await type_text(pilot, "hartono")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen)
        assert app.screen.voter_id == screen._hits[1].voter.id


async def test_second_attempt_gets_the_red_banner_and_is_recorded(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, NIK_1)
        await pilot.press("enter")
        await settle(pilot)
        await find(pilot, NIK_1)
        card = app.screen
        assert isinstance(card, VoterCardScreen)
        assert card.details is not None and card.details.checked_in is not None
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen) and app.screen.duplicate
        banner = str(app.screen.query_one("#refusal-message", Static).render())
        assert "SUDAH MEMILIH" in banner and "09:00:00 WIB" in banner
        assert "Anggota KPPS 4 (demo)" in banner and "meja-1" in banner
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
    assert active_check_ins(station) == 1
    assert events_of(station, EventKind.DUPLICATE_BLOCKED) == 1


async def test_released_voter_is_refused_with_the_reason(
    station: Record, chair: OfficerInfo
) -> None:
    set_voter_status(station, chair, 1, "released", "bebas 12 Februari")
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, NIK_1)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen) and not app.screen.duplicate
        assert "bebas 12 Februari" in str(app.screen.query_one("#refusal-message", Static).render())
    assert active_check_ins(station) == 0


async def test_the_chair_reverses_a_release_recorded_by_mistake_at_the_card(
    station: Record, chair: OfficerInfo
) -> None:
    set_voter_status(station, chair, 1, "released", "bebas 12 Februari")
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await type_text(pilot, "purnomo har")
        await settle(pilot)
        assert "TIDAK BOLEH" in first_result(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen)
        footer = [k.description for k in app.screen.query(FooterKey)]
        assert "Pulihkan" in footer
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ChairForm)
        for value in ("ketua", "1234", "yang bebas no. 12"):
            await type_text(pilot, value)
            await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert "dipulihkan" in message(app)
        await type_text(pilot, "purnomo har")
        await wait_for(pilot, lambda: "TIDAK BOLEH" not in first_result(app))
        assert "TIDAK BOLEH" not in first_result(app)  # the list follows the record
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen)
        assert "Boleh memilih" in str(app.screen.query_one("#card-body", Static).render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
    assert active_check_ins(station) == 1
    with read(station.engine) as conn:
        status = conn.execute(select(col(Voter.status)).where(col(Voter.id) == 1)).scalar_one()
    assert status == "eligible"


async def test_an_eligible_voter_is_not_reinstated_at_the_card(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, NIK_1)
        before = events_of(station, EventKind.VOTER_STATUS)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen)  # no chair form for nothing to do
        assert "tidak ditandai bebas" in " ".join(str(n.message) for n in app._notifications)
    assert events_of(station, EventKind.VOTER_STATUS) == before == 0


async def test_outside_polling_hours_is_refused(station: Record, clock: FixedClock) -> None:
    clock.set(wib(6, 30))
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, NIK_1)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen)
        assert "07:00" in str(app.screen.query_one("#refusal-message", Static).render())
    assert active_check_ins(station) == 0


async def test_unknown_voter_is_refused_loudly(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, "3399999999999999")
        assert isinstance(app.screen, RefusalScreen) and not app.screen.duplicate
        assert "tidak ada di daftar" in str(
            app.screen.query_one("#refusal-message", Static).render()
        )
        await pilot.press("enter")
        assert isinstance(app.screen, CheckInScreen)
        assert "tidak ada di daftar" in message(app)


async def test_chair_undoes_a_check_in_with_a_reason(station: Record, member: OfficerInfo) -> None:
    check_in(station, member, voter_id=1)
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, NIK_1)
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ChairForm)
        await type_text(pilot, "ketua")
        await pilot.press("enter")
        await type_text(pilot, "1234")
        await pilot.press("enter")
        await type_text(pilot, "salah orang")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert "dibatalkan" in message(app)
    assert active_check_ins(station) == 0
    assert events_of(station, EventKind.CHECKIN_UNDONE) == 1


async def test_member_pin_cannot_undo(station: Record, member: OfficerInfo) -> None:
    check_in(station, member, voter_id=1)
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await find(pilot, NIK_1)
        await pilot.press("u")
        await settle(pilot)
        await type_text(pilot, "anggota4")
        await pilot.press("enter")
        await type_text(pilot, "4444")
        await pilot.press("enter")
        await type_text(pilot, "coba")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChairForm)
        assert "Ketua" in str(app.screen.query_one("#error-chair_id", Static).render())
    assert active_check_ins(station) == 1


async def test_two_desks_race_for_the_same_voter(station: Record, other_desk: Record) -> None:
    first, second = desk_for(station), desk_for(other_desk)
    async with first.run_test(size=(100, 30)) as p1, second.run_test(size=(100, 30)) as p2:
        await sign_in(p1)
        await sign_in(p2, "ketua", "1234")
        await find(p1, NIK_1)
        await find(p2, NIK_1)
        assert isinstance(first.screen, VoterCardScreen) and isinstance(
            second.screen, VoterCardScreen
        )
        await p1.press("enter")
        await p2.press("enter")
        await settle(p1)
        await settle(p2)
        outcomes = {type(first.screen), type(second.screen)}
        assert outcomes == {CheckInScreen, RefusalScreen}
    assert active_check_ins(station) == 1
    assert events_of(station, EventKind.DUPLICATE_BLOCKED) == 1


async def test_calling_by_block_lists_who_has_not_voted(
    station: Record, member: OfficerInfo
) -> None:
    check_in(station, member, voter_id=1)  # block C
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, CallingScreen)
        blocks = {b.block: b for b in app.screen.blocks}
        assert blocks["C"].voted == 1
        assert all(w.no != 1 for w in blocks["C"].waiting)
        assert sum(b.eligible for b in blocks.values()) == 180
        await pilot.press("escape")
        assert isinstance(app.screen, CheckInScreen)


async def test_the_desk_locks_itself_when_idle(station: Record) -> None:
    # Idle from the moment of signing in, not before: the desk's own 5-second idle check could
    # otherwise lock it in the middle of signing in on a slow (busy) machine.
    app = desk_for(station, idle_lock_seconds=3600)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        app.idle_lock_seconds = 0.0
        app._check_idle()
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        await type_text(pilot, "1111")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        app.idle_lock_seconds = 3600
        await type_text(pilot, "4444")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)


def test_footer_labels_take_the_language_of_the_moment(
    station: Record, member: OfficerInfo
) -> None:
    from tps_console.i18n import set_language

    def labels() -> set[str]:
        screen = CheckInScreen(station, member)
        return {b.description for bs in screen._bindings.key_to_bindings.values() for b in bs}

    set_language("en")
    english = labels()
    set_language("id")
    indonesian = labels()
    assert "By block" in english and "Per blok" in indonesian


async def test_every_footer_key_is_in_the_command_palette(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        footer = {
            a.binding.description for a in app.screen.active_bindings.values() if a.binding.show
        }
        assert footer <= titles
        assert {"Per blok", "DPK", "Antrean", "Tutup", "Cadangan"} <= titles


def footer_in_view(app: DeskApp) -> tuple[set[str], set[str]]:
    """The actions whose key and label are wholly in view on the footer, and those that are cut
    (at the edge, or behind the Ctrl+P key docked on the right). A key left out whole to make
    room is in neither."""
    footer = app.screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    palette = [k for k in keys if k.has_class("-command-palette") and k.display]
    edge = palette[0].region.x if palette else footer.region.right
    shown: set[str] = set()
    not_shown: set[str] = set()
    for key in keys:
        if not key.display:
            continue
        region = key.region
        limit = footer.region.right if key in palette else edge
        fits = region.width > 0 and region.right <= limit
        (shown if fits else not_shown).add(key.action)
    return shown, not_shown


EVERYDAY = {"clear", "app.calling", "chair_menu", "app.lock", "app.sign_out", "quit"}
ONCE_A_DAY = {"dpk", "queue", "close_polls", "backup_folder"}
# What the main screen's footer shows whole, by width and language: F3 (the chair's menu) at
# every width; the other once-a-day keys, then the panel's, then Ctrl+P give way, never cut.
FOOTER_AT = {
    (80, "id"): EVERYDAY,
    (80, "en"): EVERYDAY | {"command_palette"},
    (100, "id"): EVERYDAY | {"command_palette"},
    (100, "en"): EVERYDAY | {"command_palette", "open_panel"},
    (160, "id"): EVERYDAY | ONCE_A_DAY | {"command_palette", "open_panel"},
    (160, "en"): EVERYDAY | ONCE_A_DAY | {"command_palette", "open_panel"},
}


@pytest.mark.parametrize(("width", "lang"), list(FOOTER_AT))
async def test_the_footer_shows_the_chairs_menu_and_cuts_no_key(
    station: Record, lang: str, width: int
) -> None:
    """F3 in view at 80, 100 and 160 columns, in both languages; a key that has no room is left
    out whole, never cut at the edge ("f8 P"); what is left out, the chair's menu names."""
    app = desk_for(station, lang=lang)
    app.panel = PanelLaunch(("panel",), "tps.db")
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        assert footer_in_view(app) == ({"quit", "open_panel", "command_palette"}, set())
        await sign_in(pilot)
        shown, not_shown = footer_in_view(app)
        assert not_shown == set() and shown == FOOTER_AT[width, lang]
        await pilot.press("f2")
        await settle(pilot)
        assert footer_in_view(app)[1] == set()  # calling by block
        await pilot.press("escape")
        await find(pilot, NIK_1)
        assert isinstance(app.screen, VoterCardScreen)
        assert footer_in_view(app)[1] == set()
        await pilot.press("escape")
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, ChairMenu)
        assert footer_in_view(app)[1] == set()
        menu = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert all(key in menu for key in ("F4", "F5", "F6", "F7"))


async def test_a_burst_of_keys_lands_in_the_right_fields(
    station: Record, member: OfficerInfo
) -> None:
    """ID ⇥ PIN ⏎ in one burst signs in; a chair form filled in one burst is filled right."""
    check_in(station, member, voter_id=1)
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, *"anggota4", "tab", *"4444", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen) and app.officer is not None
        burst(app, *NIK_1, "enter")
        await settle(pilot)
        burst(app, "u")
        await settle(pilot)
        burst(app, "ctrl+u", *"ketua", "enter", *"1234", "enter", *"salah orang", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen), app.screen
    assert active_check_ins(station) == 0


@pytest.fixture
def snapshot_reads(monkeypatch: pytest.MonkeyPatch) -> list[Record]:
    """Every time a desk reads turnout and who is checked in."""
    reads: list[Record] = []
    real = voters.desk_snapshot

    def counted(rec: Record) -> object:
        reads.append(rec)
        return real(rec)

    monkeypatch.setattr(voters, "desk_snapshot", counted)
    return reads


async def test_a_check_in_by_another_desk_reaches_the_strip_on_its_own(
    station: Record, other_desk: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    """Another desk or the CLI writes through its own engine; nobody touches this desk."""
    app = desk_for(station, refresh_seconds=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await type_text(pilot, "purnomo hartono")
        await settle(pilot)
        assert "HADIR 0 / 180" in strip(app)
        check_in(other_desk, member, voter_id=1)
        await wait_for(pilot, lambda: "HADIR 1 / 180" in strip(app))
        assert "HADIR 1 / 180" in strip(app)
        # and the results list marks him as voted
        first = app.screen.query_one("#results", OptionList).get_option_at_index(0)
        assert "PURNOMO HARTONO" in str(first.prompt) and "SUDAH" in str(first.prompt)


async def test_the_desk_reads_nothing_again_while_nothing_changes(
    station: Record,
    other_desk: Record,
    clock: FixedClock,
    member: OfficerInfo,
    snapshot_reads: list[Record],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looks = [0]
    look = CommitWatch.read_if_changed

    def counted(self: CommitWatch, *args: Any, **kwargs: Any) -> Any:
        looks[0] += 1
        return look(self, *args, **kwargs)

    monkeypatch.setattr(CommitWatch, "read_if_changed", counted)

    async def ticks(n: int) -> None:
        """Let the desk's refresh look `n` more times whether anything changed."""
        target = looks[0] + n
        await wait_for(pilot, lambda: looks[0] >= target)
        await settle(pilot)

    app = desk_for(station, refresh_seconds=0.02)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await ticks(5)
        before = len(snapshot_reads)
        await ticks(20)
        assert len(snapshot_reads) == before
        check_in(other_desk, member, voter_id=1)
        await wait_for(pilot, lambda: len(snapshot_reads) > before)
        await ticks(10)
        assert len(snapshot_reads) == before + 1  # one commit, one read


async def test_the_hour_moves_the_strip_without_reading_the_record(
    station: Record, clock: FixedClock, snapshot_reads: list[Record]
) -> None:
    """12:00 brings the DPK-hour notice although nothing was committed."""
    clock.set(wib(11, 59, 59))
    app = desk_for(station, refresh_seconds=0.02)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await settle(pilot)
        assert "dibuka" in strip(app)
        before = len(snapshot_reads)
        clock.set(wib(12))
        await wait_for(pilot, lambda: "jam DPK" in strip(app))
        assert "jam DPK" in strip(app)
        assert "F4" in str(app.screen.query_one("#notice", Static).render())
        assert len(snapshot_reads) == before


async def test_a_wide_desk_shows_the_highlighted_card_beside_the_list_and_no_empty_frame(
    station: Record,
) -> None:
    app = desk_for(station)
    async with app.run_test(size=(160, 48)) as pilot:
        await sign_in(pilot)
        preview = app.screen.query_one("#preview", Static)
        assert not preview.display, "nothing highlighted yet: no frame"
        await type_text(pilot, "purnomo hartono")
        await settle(pilot)
        assert preview.display and "PURNOMO HARTONO" in str(preview.render())
        await pilot.press("escape")  # the search box cleared
        await settle(pilot)
        assert not preview.display
        await type_text(pilot, "zzzz")  # no one found
        await settle(pilot)
        assert not preview.display


def test_the_strip_breaks_between_parts_and_never_cuts_one() -> None:
    from rich.text import Text

    from tps_console.desk.strip import packed

    parts = [Text(p) for p in ("TPS 901", "HADIR 0 / 180 (0,0 %)", "09:00:00 WIB", "dibuka")]
    parts += [Text("CADANGAN BELUM DIATUR (F7)"), Text("anggota4 · meja-1")]
    wide = packed(parts, 160).plain
    assert "\n" not in wide and wide.endswith("anggota4 · meja-1")
    narrow = packed(parts, 80).plain.split("\n")
    assert len(narrow) == 2 and all(len(line) < 80 for line in narrow)
    assert narrow[1].strip() == "CADANGAN BELUM DIATUR (F7) │ anggota4 · meja-1"


async def test_a_slow_record_gets_one_look_at_a_time_not_a_queue_of_threads(
    station: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read held up (a locked file, slow storage) while the timer keeps ticking: the desk's
    worker threads stay free for the check-ins."""
    running, most, calls = [0], [0], [0]
    real = voters.desk_snapshot

    def slow(rec: Record) -> object:
        calls[0] += 1
        running[0] += 1
        most[0] = max(most[0], running[0])
        time.sleep(0.3)
        running[0] -= 1
        return real(rec)

    monkeypatch.setattr(voters, "desk_snapshot", slow)
    monkeypatch.setattr(
        desk_app.CommitWatch, "_version", lambda self, wait=0.0: time.monotonic_ns()
    )
    app = desk_for(station, refresh_seconds=0.02)
    async with app.run_test(size=(100, 30)) as pilot:
        # Some fifty ticks of 20 ms go by while three slow reads run, one after another.
        await wait_for(pilot, lambda: calls[0] >= 3)
        assert most[0] == 1
        # At most the look under way and one just handing its result back (its thread ends
        # after the UI has taken the result): never a queue of them.
        assert len([w for w in app.workers if w.group == "refresh"]) <= 2


async def test_an_unreadable_record_leaves_the_desk_up_and_says_so(
    station: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = voters.desk_snapshot
    broken = [True]

    def flaky(rec: Record) -> object:
        if broken[0]:
            raise OperationalError("SELECT", None, sqlite3.OperationalError("database is locked"))
        return real(rec)

    monkeypatch.setattr(voters, "desk_snapshot", flaky)
    app = desk_for(station, refresh_seconds=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        notice = app.screen.query_one("#notice", Static)
        await wait_for(pilot, lambda: "TIDAK TERBARUI" in str(notice.render()))
        assert str(notice.render()).endswith("(database is locked); dicoba lagi terus")
        assert app.is_running and notice.display
        broken[0] = False
        await wait_for(pilot, lambda: app.record_trouble is None)
        assert "HADIR 0 / 180" in strip(app) and not notice.display


async def test_check_ins_elsewhere_while_a_card_is_open_are_marked_under_it(
    station: Record, other_desk: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    app = desk_for(station, refresh_seconds=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        main = app.screen
        await type_text(pilot, "hartono")
        await settle(pilot)
        await pilot.press("enter")  # the first one's card
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen)
        check_in(other_desk, member, voter_id=1)  # PURNOMO HARTONO, at the other desk
        await wait_for(pilot, lambda: 1 in app.checked_in)

        def marked() -> bool:
            results = main.query_one("#results", OptionList)
            lines = [
                str(results.get_option_at_index(i).prompt) for i in range(results.option_count)
            ]
            return any("PURNOMO HARTONO" in line and "SUDAH" in line for line in lines)

        assert marked()  # the list under the card, dimmed but in view
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main and marked()


async def test_a_station_file_replaced_under_the_desk_is_said_on_the_strip(
    tmp_path: Path, station: Record, clock: FixedClock
) -> None:
    assert station.path is not None
    make_station(tmp_path / "other.db", clock).close()
    app = desk_for(station, refresh_seconds=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        os.replace(tmp_path / "other.db", station.path)
        notice = app.screen.query_one("#notice", Static)
        await wait_for(pilot, lambda: "diganti" in str(notice.render()))
        assert notice.display and "buka lagi" in str(notice.render())
        await find(pilot, NIK_1)
        await pilot.press("enter")
        await settle(pilot)
        # The check-in is refused, not lost in a file no longer there.
        assert isinstance(app.screen, RefusalScreen)
        assert "diganti" in str(app.screen.query_one("#refusal-message", Static).render())
