"""What a chair on their first day sees at the desk (issue 22, point 4): no English in the
Indonesian desk, where to go after closing, voters of the same name told apart, an empty PIN box,
each error beside its field, long refusals wrapped whole, and the lending TPS named on the card."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.command import CommandList
from textual.widgets import Input, OptionList, Static

from tests.helpers import make_station, wib
from tests.helpers.desk import chair_approves, desk_for, find, message, sign_in, type_text
from tests.helpers.wait import settle
from tps_console.desk.card import VoterCardScreen
from tps_console.desk.checkin_screen import COLUMNS, CheckInScreen, in_columns
from tps_console.desk.dialogs import ChairForm, RefusalScreen
from tps_console.desk.textual_private import SaidPalette
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.i18n import set_language, t

NIK_1 = "3399141702910001"  # voter no. 1, PURNOMO HARTONO, DPT


def shown_text(app: object, selector: str) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return str(screen.query_one(selector, Static).render())


async def test_the_command_palette_speaks_indonesian(station: Record) -> None:
    """Ctrl+P: the search box, the keys it lists and "nothing found" in the desk's language;
    none of Textual's own commands (Keys, Maximize, Quit, Screenshot, Theme)."""
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, SaidPalette)
        assert app.screen.query_one(Input).placeholder == "Cari perintah…"
        listed = app.screen.query_one(CommandList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any("Menu ketua" in p for p in prompts)
        english = ("Keys", "Maximize", "Quit", "Screenshot", "Theme", "palette")
        assert not [p for p in prompts if any(word in p for word in english)]
        await type_text(pilot, "zzzq")
        await pilot.pause(SaidPalette._NO_MATCHES_COUNTDOWN + 0.3)
        said = listed.get_option_at_index(0).prompt
        rendered = "".join(s.text for s in app.console.render(said))  # type: ignore[arg-type]
        assert "Tidak ada yang cocok" in rendered and "No matches" not in rendered


async def test_after_closing_the_desk_points_to_the_report_in_the_chairs_menu(
    station: Record, clock: FixedClock
) -> None:
    clock.set(wib(13, 5))
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await chair_approves(pilot)
        said = message(app)
        assert "DITUTUP" in said and "F3 → L" in said and "`" not in said
        await pilot.pause(1.2)  # the strip's notice follows within a second
        assert "F3 → L" in shown_text(app, "#notice")


async def test_two_voters_of_the_same_name_are_told_apart_in_the_results(
    station: Record,
) -> None:
    """The roll has two RAHMAT SUDARSONO: the results show, under headings, the list, register
    number, block and cell of each."""
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await type_text(pilot, "rahmat sudarsono")
        await settle(pilot)
        heading = shown_text(app, "#result-head").split()
        assert heading == ["No.", "Nama", "Daftar", "No.", "register", "Blok", "Kamar"]
        results = app.screen.query_one("#results", OptionList)
        lines = [str(results.get_option_at_index(i).prompt) for i in range(2)]
        assert all("RAHMAT SUDARSONO" in line for line in lines)
        assert lines[0].split()[3:] == ["DPTb", "BI.129/2024", "A", "A1"]
        assert lines[1].split()[3:] == ["DPT", "AII.153/2022", "B", "B1"]
        # Each column starts where its heading does.
        head = shown_text(app, "#result-head")
        assert lines[0].index("BI.129/2024") == head.index("No. register")
        assert lines[0].index("A1") == head.index("Kamar")


async def test_the_pin_box_looks_empty_and_errors_stand_beside_their_field(
    station: Record,
) -> None:
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pin = app.screen.query_one("#pin", Input)
        assert pin.placeholder == "" and "•" not in str(pin.render_line(1).text)
        await type_text(pilot, "kepala")
        await pilot.press("tab")
        await type_text(pilot, "1234")
        await pilot.press("enter")
        await settle(pilot)
        officer_error = app.screen.query_one("#officer-error", Static)
        assert "kepala" in str(officer_error.render())
        assert officer_error.region.y == app.screen.query_one("#officer", Input).region.bottom
        assert shown_text(app, "#signin-error") == ""
        assert pin.value == ""
        await pilot.press("ctrl+u")
        await type_text(pilot, "ketua")
        await pilot.press("tab")
        await type_text(pilot, "9999")
        await pilot.press("enter")
        await settle(pilot)
        assert not officer_error.display
        assert "PIN salah" in shown_text(app, "#signin-error")
        assert app.screen.query_one("#signin-error").region.y == pin.region.bottom


async def test_a_wrong_nik_in_the_dpk_form_is_said_under_the_nik(
    station: Record, clock: FixedClock
) -> None:
    clock.set(wib(12, 10))
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await chair_approves(pilot, "3.31601E+15", "Siti Aminah", "P", "2000-01-01", "", "")
        assert isinstance(app.screen, ChairForm)
        said = app.screen.query_one("#error-nik", Static)
        assert said.display and "3.31601E+15" in str(said.render())
        assert said.region.y == app.screen.query_one("#field-nik", Input).region.bottom
        assert shown_text(app, "#chair-error") == ""
        assert app.screen.focused is app.screen.query_one("#field-nik", Input)


def verdict_lines(card: str, first_words: str) -> list[str]:
    lines = card.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(first_words))
    return lines[start:]


async def test_the_13_00_refusal_wraps_whole_on_the_card_and_the_banner(
    station: Record, clock: FixedClock
) -> None:
    clock.set(wib(13, 5))
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await find(pilot, "AI.002/2024")
        assert isinstance(app.screen, VoterCardScreen)
        body = app.screen.query_one("#card-body", Static)
        lines = verdict_lines(str(body.render()), "Sudah lewat pukul 13:00")
        # One block: every line with the same margin, as wide as the others, inside the card.
        assert len(lines) == 2 and len({len(line) for line in lines}) == 1
        assert all(line.startswith(" ") and line[1] != " " for line in lines)
        assert len(lines[0]) <= body.content_size.width
        assert " ".join(" ".join(lines).split()) == (
            "Sudah lewat pukul 13:00: BAYU HARTONO tidak tercatat dalam antrean, "
            "tidak boleh memilih"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen)
        said = shown_lines(app.screen.query_one("#refusal-message", Static))
        # Two even lines, not a full one and then the last words alone.
        assert len(said) == 2 and abs(len(said[0]) - len(said[1])) <= 6
        hint = shown_lines(app.screen.query_one("#refusal-hint", Static))
        assert "Tekan Enter setelah dibaca." in hint  # a sentence of its own, on one line


def shown_lines(widget: Static) -> list[str]:
    lines = (
        "".join(s.text for s in widget.render_line(y)).strip()
        for y in range(widget.outer_size.height)
    )
    return [line for line in lines if line]


async def test_a_dptb_card_names_the_lending_tps_whose_ballots_it_draws(
    tmp_path: Path, chair: OfficerInfo, clock: FixedClock
) -> None:
    """The TPS's own PPWP are gone; TPS 905 lent some: the card says the PPWP comes from TPS 905
    (its vote is counted there), before and after the check-in."""
    station = make_station(tmp_path / "tps.db", clock, stock=0)
    receive_ballots(station, chair, {b: 50 for b in ALL_BALLOTS if b != "PPWP"})
    receive_ballots(station, chair, {"PPWP": 10}, source="TPS 905")
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await find(pilot, "AI.002/2024")  # DPTb: PPWP, DPR, DPD, DPRD_PROV
        card = shown_text(app, "#card-body")
        assert "PPWP dari stok pinjaman TPS 905 (dihitung di TPS 905)" in card
        assert "DPR" in card and "DPR dari" not in card  # the own stock's: no lender named
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        await find(pilot, "AI.002/2024")
        assert "PPWP dari stok pinjaman TPS 905" in shown_text(app, "#card-body")
    station.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_result_heading_fits_its_column(lang: str) -> None:
    set_language(lang)
    try:
        assert [t(key) for key, width, _ in COLUMNS if cell_len(t(key)) > width] == []
        line = in_columns(["1", "A" * 40, "DPTb", "AIII.012/2023", "Staf", "C12"])
        assert line.cell_len == sum(width + 1 for _, width, _ in COLUMNS)
    finally:
        set_language("id")
