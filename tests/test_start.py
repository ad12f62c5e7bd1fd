"""The start screen and a new station made in the app, as a chair who has never used a terminal
would: keys only, nothing written until the last step, then all of it at once."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, SelectionList, Static

from tests.helpers import make_station, rolls
from tests.helpers.desk import type_text
from tests.helpers.start import (
    BAD_ROLL,
    GOOD_ROLL,
    PLACE,
    start_for,
    to_preview,
    to_station,
    to_summary,
    type_field,
    write_rolls,
)
from tests.helpers.wait import settle
from tps_console.cli.main import build_parser
from tps_console.cli.screens import panel_launch
from tps_console.cli.screens import start as start_command
from tps_console.domain.backup.files import restore, seal_copy
from tps_console.domain.day.ballots import read_stock
from tps_console.domain.day.officers import authenticate, list_officers
from tps_console.domain.day.passphrase import backup_key
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Place, open_record
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.reports.files import PDF_FILE, write_report_files
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.i18n import t
from tps_console.machine.recent import RECENT_FILE, read_recent, recent_servers, remember
from tps_console.samples.rolls import generate_roll, roll_csv
from tps_console.samples.workbook import roll_xlsx
from tps_console.start.app import STATIONS_FOLDER
from tps_console.start.browse import FileBrowser
from tps_console.start.choice import Choice, Then
from tps_console.start.home import HomeScreen
from tps_console.start.other_rolls import OtherRollsScreen
from tps_console.start.roll_steps import PreviewStep, RollStep
from tps_console.start.station_step import StationStep
from tps_console.start.summary_step import SummaryStep


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "Dokumen"
    write_rolls(folder)
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def written(data: Path) -> list[Path]:
    """Every file a step could have left behind: none until the station is made."""
    return sorted(p for p in data.rglob("*") if p.is_file())


def text_of(app: App[Choice], selector: str) -> str:
    """What a Static shows, as text (a table too, drawn 80 columns wide)."""
    content = app.screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


@pytest.mark.parametrize("roll", [GOOD_ROLL, "dpt_tps901.xlsx"])
async def test_a_chair_sets_up_tps_901_in_the_app_and_its_report_shows_the_place(
    data: Path, docs: Path, clock: FixedClock, tmp_path: Path, roll: str
) -> None:
    """From the rutan's roll as CSV or as the Excel workbook it comes as."""
    if roll.endswith(".xlsx"):
        (docs / roll).write_bytes(roll_xlsx(generate_roll(180)))
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, docs / roll)
        assert isinstance(app.screen, SummaryStep)
        summary = text_of(app, "#summary")
        assert "Rabu, 14 Februari 2024" in summary and "Rutan Kelas IIB Blora" in summary
        assert written(data) == []  # nothing on disk before the last key
        offered = app.screen.query_one("#passphrase", Input).value
        assert len(offered.split()) >= 5  # words to write down, offered once
        await pilot.press("enter")
        await settle(pilot)
    choice = app.return_value
    assert choice is not None and choice.then is Then.OPEN and isinstance(choice.path, Path)
    assert choice.path.parent == data / STATIONS_FOLDER

    rec = open_record(choice.path, clock)
    try:
        assert verify(rec).ok
        assert rec.station.tps == "TPS 901" and not rec.drill
        assert rec.station.place == Place(*PLACE)
        assert [(o.id, o.role) for o in list_officers(rec)] == [
            ("anggota4", "member"),
            ("ketua", "chair"),
        ]
        assert authenticate(rec, "ketua", "1234").is_chair
        stock = {s.name: {b: f.received for b, f in s.by_type.items()} for s in read_stock(rec)}
        assert stock["TPS 901"] == dict.fromkeys(stock["TPS 901"], 184)
        assert stock["TPS 905"]["PPWP"] == 20 and stock["TPS 905"]["DPD"] == 0
        write_report_files(build_report(rec), tmp_path / "out", t)
        # The backups are sealed with the passphrase the summary offered, and open with it.
        key = backup_key(rec)
        assert key is not None
        sealed = seal_copy(choice.path, tmp_path / "cadangan.tpsbak", key)
        restore(sealed, tmp_path / "pulih.db", check=lambda _: None, passphrase=lambda: offered)
        assert (tmp_path / "pulih.db").is_file()
    finally:
        rec.close()
    text = " ".join(PdfReader(tmp_path / "out" / PDF_FILE).pages[0].extract_text().split())
    for expected in (
        "Rutan Kelas IIB Blora",
        "Desa/Kelurahan: Kauman",
        "Kecamatan: Blora",
        "Kabupaten/Kota: Blora",
        "Provinsi: Jawa Tengah",
        "Blora, Rabu, 14 Februari 2024",
        "Anggota KPPS 7",
        "Pengawas TPS",
        "Sebagaimana dimasukkan Ketua KPPS",
    ):
        assert expected in text, expected
    assert "tps-console" not in text and "2%" not in text


async def test_a_chair_keeps_the_station_file_on_a_stick_in_a_folder_not_made_yet(
    data: Path, docs: Path, clock: FixedClock, tmp_path: Path
) -> None:
    stick = tmp_path / "media" / "FLASHDISK"
    stick.mkdir(parents=True)
    (stick / "catatan.txt").write_text("bukan folder", encoding="utf-8")
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, docs / GOOD_ROLL)
        default = data / STATIONS_FOLDER / "tps-901_2024-02-14.db"
        assert text_of(app, "#station-file") == t("start.summary.file", path=str(default))
        folder = app.screen.query_one("#folder", Input)
        assert app.focused is folder
        await type_field(pilot, str(stick / "catatan.txt"))  # over the folder offered: a file
        assert isinstance(app.screen, SummaryStep)
        error = t("start.summary.not_a_folder", path=str(stick / "catatan.txt"))
        assert text_of(app, "#step-error") == error
        folder.value = ""
        await type_text(pilot, str(stick / "TPS901"))
        target = stick / "TPS901" / "tps-901_2024-02-14.db"
        assert text_of(app, "#station-file") == t("start.summary.file", path=str(target))
        assert not (stick / "TPS901").exists()
        await pilot.press("enter")
        await settle(pilot)
    assert app.return_value == Choice(Then.OPEN, target)
    assert written(data) == []  # nothing in the data folder: the station is on the stick
    rec = open_record(target, clock)
    try:
        assert verify(rec).ok and rec.station.tps == "TPS 901"
    finally:
        rec.close()


async def test_a_roll_with_bad_rows_is_shown_row_by_row_and_cannot_go_on(
    data: Path, docs: Path, clock: FixedClock
) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_preview(pilot, docs / BAD_ROLL)
        assert isinstance(app.screen, PreviewStep)
        issues = text_of(app, "#errors")
        assert "3.31601E+15" in issues and "nik" in issues and "jenis_kelamin" in issues
        assert text_of(app, "#how-to-fix") == t("start.preview.how_to_fix")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, PreviewStep)
        assert text_of(app, "#step-error") == t("start.preview.cannot_go_on")
    assert written(data) == []


async def test_going_back_keeps_what_was_typed_and_cancelling_leaves_nothing(
    data: Path, docs: Path, clock: FixedClock
) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_station(pilot, docs / GOOD_ROLL)
        assert isinstance(app.screen, StationStep)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, RollStep)
        assert app.screen.query_one("#date", Input).value == "2024-02-14"
        assert app.screen.query_one("#roll", Input).value == str(docs / GOOD_ROLL)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, StationStep)
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert written(data) == []


async def test_the_whole_walk_cancelled_at_the_summary_writes_nothing(
    data: Path, docs: Path, clock: FixedClock
) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, docs / GOOD_ROLL)
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert app.return_value is None
    assert written(data) == []


async def test_the_roll_is_picked_in_a_file_browser_that_starts_in_documents(
    data: Path, docs: Path, clock: FixedClock
) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_browser(pilot)
        assert isinstance(app.screen, FileBrowser)
        assert app.screen.query_one("#path", Input).value == str(docs)
        await pilot.press("down", "down", "enter")  # dpt_rusak.csv, dpt_tps901.csv
        await in_browser(pilot)
        assert isinstance(app.screen, RollStep)
        assert app.screen.query_one("#roll", Input).value == str(docs / GOOD_ROLL)


async def test_a_laptop_without_a_documents_folder_browses_from_home(
    data: Path, docs: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(docs))  # Documents is the home folder itself
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_browser(pilot)
        assert isinstance(app.screen, FileBrowser)  # one entry for the one folder, no crash


async def test_a_training_station_made_in_the_app_is_a_drill(
    data: Path, docs: Path, clock: FixedClock
) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_preview(pilot, docs / GOOD_ROLL, new_key="l")
        assert t("start.drill_banner") in text_of(app, ".drill")


async def test_a_wrong_field_is_named_and_the_step_stays(
    data: Path, docs: Path, clock: FixedClock
) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_station(pilot, docs / GOOD_ROLL)
        await pilot.press("ctrl+n")  # the place lines are empty
        await settle(pilot)
        assert isinstance(app.screen, StationStep)
        assert t("start.place.rutan") in text_of(app, "#step-error")


async def test_enter_through_step_3_reaches_the_time_zone_and_a_zone_chosen_goes_on(
    data: Path, docs: Path, clock: FixedClock
) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_station(pilot, docs / GOOD_ROLL)
        await pilot.press("enter", "enter", "enter")  # TPS 901, 07:00, 13:00 as offered
        await settle(pilot)
        zone = app.screen.query_one("#zone", Select)
        assert app.focused is zone
        await pilot.press("enter")  # the list opens
        await settle(pilot)
        assert zone.expanded
        await pilot.press("escape")  # closed, nothing chosen: the zone stays, so does the step
        await settle(pilot)
        assert isinstance(app.screen, StationStep) and not zone.expanded
        assert app.focused is zone and zone.value == "Asia/Jakarta"
        await pilot.press("enter", "down", "enter")  # WITA
        await settle(pilot)
        assert zone.value == "Asia/Makassar" and not zone.expanded
        assert app.focused is app.screen.query_one("#rutan", Input)
        for line in PLACE:
            await type_field(pilot, line)
        assert app.draft.hours.timezone == "Asia/Makassar"


async def test_a_recent_station_opens_and_a_file_that_is_not_one_is_refused(
    data: Path, docs: Path, clock: FixedClock, tmp_path: Path
) -> None:
    rec = make_station(tmp_path / "tps.db", clock)
    remember(data, rec, clock.now())
    rec.close()
    assert [r.tps for r in read_recent(data)] == ["TPS 901"]
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the first line offered: the recent station
        await settle(pilot)
    assert app.return_value == Choice(Then.OPEN, (tmp_path / "tps.db").resolve())

    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await in_browser(pilot)
        assert isinstance(app.screen, FileBrowser)
        await pilot.press("ctrl+l")
        app.screen.query_one("#path", Input).value = str(docs / GOOD_ROLL)
        await pilot.press("enter")
        await in_browser(pilot)
        await app.workers.wait_for_complete([w for w in app.workers if w.group == "open"])
        await pilot.pause()
        assert isinstance(app.screen, FileBrowser | HomeScreen)  # a roll is not a station
        assert app.return_value is None


async def test_the_demo_and_about_are_on_keys(data: Path, docs: Path, clock: FixedClock) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert str(data) in text_of(app, "#about")
        await pilot.press("escape", "d")
        await settle(pilot)
    assert app.return_value == Choice(Then.DEMO)


async def to_browser(pilot: Pilot[Any]) -> None:
    """A new station, its date typed, and Enter on the empty roll field: the file browser."""
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    await type_field(pilot, "14-02-2024")
    await pilot.press("enter")
    await in_browser(pilot)


async def in_browser(pilot: Pilot[Any]) -> None:
    """Not `settle`: the folder tree's loader is a worker that runs as long as the tree."""
    for _ in range(5):
        await pilot.pause(0.05)


def test_no_command_is_the_start_screen() -> None:
    assert build_parser().parse_args([]).handler is start_command
    assert build_parser().parse_args(["--lang", "en"]).handler is start_command


@pytest.fixture(autouse=True)
def no_real_documents(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Dokumen"))
    yield


def with_password(pg_url: str, password: str | None = None) -> str:
    """The test server's URL for the database of `pg_url`, its password written into it."""
    name = pg_url.rsplit("/", 1)[1]
    user, host = os.environ.get("PGUSER", "postgres"), os.environ.get("PGHOST", "localhost")
    port = os.environ.get("PGPORT", "5432")
    secret = password or os.environ.get("PGPASSWORD", "")
    return f"postgresql://{user}:{secret}@{host}:{port}/{name}"


async def test_a_station_on_a_server_opens_from_the_start_screen_by_its_typed_url(
    data: Path, docs: Path, clock: FixedClock, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`o`, then the server's address typed into the path line: the desk opens on that server.
    The password is the URL's own (none in the environment), and a wrong one is said without
    showing it."""
    url = with_password(pg_url)
    make_station(url, clock).close()
    said: list[str] = []
    with monkeypatch.context() as env:  # undone before the database is dropped
        env.delenv("PGPASSWORD", raising=False)
        for typed in (with_password(pg_url, "salah-sandi"), url):
            app = start_for(data, docs, clock)
            env.setattr(app, "notify", lambda message, **_: said.append(message))
            async with app.run_test(size=(80, 24)) as pilot:
                await settle(pilot)
                await pilot.press("o")
                await in_browser(pilot)
                assert t("browse.server") in text_of(app, "#server-hint")
                await pilot.press("ctrl+l")
                app.screen.query_one("#path", Input).value = typed
                await pilot.press("enter")
                opening = [w for w in app.workers if w.group == "open"]
                await app.workers.wait_for_complete(opening)
                await pilot.pause()
            if typed != url:
                assert app.return_value is None and len(said) == 1
                assert "salah-sandi" not in said[0] and "postgres:***@" in said[0]
    assert app.return_value == Choice(Then.OPEN, url)


def test_a_station_on_a_server_is_offered_again_without_its_password(
    data: Path, clock: FixedClock, pg_url: str
) -> None:
    """The recent list keeps the server's URL, never its password (the file is the user's,
    and readable); the panel's command line and the command shown at the desk leave it out
    too. Reopened from the list, the password comes from where libpq looks (PGPASSWORD here)."""
    url = with_password(pg_url)
    secret = os.environ["PGPASSWORD"]
    rec = make_station(url, clock)
    try:
        remember(data, rec, clock.now())
        launch = panel_launch(rec)
    finally:
        rec.close()
    assert secret not in (data / RECENT_FILE).read_text(encoding="utf-8")
    kept = url.replace(f":{secret}@", "@")
    assert [r.path for r in read_recent(data)] == [kept]
    assert launch is not None
    assert all(secret not in word for word in launch.argv) and secret not in launch.shown
    # The panel's command line names no station at all (it is handed over); the command shown
    # for another terminal names the URL as kept.
    assert not any("postgresql" in word for word in launch.argv) and kept in launch.shown


async def test_a_station_on_a_server_in_the_recent_list_opens_with_enter(
    data: Path, docs: Path, clock: FixedClock, pg_url: str
) -> None:
    url = with_password(pg_url)
    rec = make_station(url, clock)
    remember(data, rec, clock.now())
    rec.close()
    kept = url.replace(f":{os.environ['PGPASSWORD']}@", "@")
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        menu = app.screen.query_one(OptionList)
        assert kept in str(menu.get_option_at_index(1).prompt)
        await pilot.press("enter")
        await settle(pilot)
    assert app.return_value == Choice(Then.OPEN, kept)


def test_the_servers_offered_for_a_new_tps_are_each_database_once_newest_first(
    data: Path,
) -> None:
    """A site's TPS opened here are one server to make another TPS on; a station file is none."""
    data.mkdir(parents=True)
    opened = [
        ("postgresql://kpps@10.0.0.5/lapas?tps=902", "TPS 902"),
        ("/media/FLASHDISK/tps-903_2024-02-14.db", "TPS 903"),
        ("postgresql://kpps@10.0.0.5/lapas", "TPS 901"),
        ("postgresql://kpps@10.0.0.9/rutan", "TPS 901"),
    ]
    entries = [
        {"path": p, "tps": n, "polling_date": "2024-02-14", "drill": False, "opened_at": "x"}
        for p, n in opened
    ]
    (data / RECENT_FILE).write_text(json.dumps(entries), encoding="utf-8")
    assert recent_servers(data) == [
        "postgresql://kpps@10.0.0.5/lapas",
        "postgresql://kpps@10.0.0.9/rutan",
    ]


async def test_a_mistyped_server_address_is_said_at_the_summary_and_nothing_is_made(
    data: Path, docs: Path, clock: FixedClock
) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, docs / GOOD_ROLL)
        app.screen.query_one("#folder", Input).value = "postgresql://kpps@10.0.0.5:54a2/lapas"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummaryStep)  # the app and all that was typed still there
        said = text_of(app, "#step-error")
        assert said == t("start.summary.bad_address", url="postgresql://kpps@10.0.0.5:54a2/lapas")
    assert written(data) == []


async def test_a_chair_makes_tps_902_beside_tps_901_on_a_server_picked_from_the_recent_list(
    data: Path, docs: Path, clock: FixedClock, pg_url: str
) -> None:
    """The rutan's IT officer opened the site's server on this laptop once (TPS 901). TPS 902's
    chair makes theirs there in the app: the server picked from the summary's list, then the
    voter who stands on TPS 901's roll too. Going back makes nothing; marked as another person,
    TPS 902 is made beside TPS 901 and its desk opens."""
    roll_901, roll_902 = rolls(60, 2)
    twin = {**roll_902[0], "no": "61", "nik": roll_901[4]["nik"], "no_register": ""}
    (docs / "dpt_tps902.csv").write_bytes(roll_csv([*roll_902, twin]))
    rec = make_station(pg_url, clock, roll_csv(roll_901))
    remember(data, rec, clock.now())
    rec.close()
    made = f"{pg_url}?tps=902"

    async def create(pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settle(pilot)

    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, docs / "dpt_tps902.csv", tps="TPS 902")
        servers = app.screen.query_one("#servers", OptionList)
        assert [str(servers.get_option_at_index(0).prompt)] == [pg_url]
        await pilot.press("tab", "enter")  # to the list, and its server into the address line
        assert app.screen.query_one("#folder", Input).value == pg_url
        assert text_of(app, "#station-file").startswith(
            t("start.summary.server", url=pg_url, tps="TPS 902")[:30]
        )
        await create(pilot)
        assert isinstance(app.screen, OtherRollsScreen)
        shown = app.screen.query_one(SelectionList).get_option_at_index(0).prompt
        assert "no. 61" in str(shown) and "TPS 901 no. 5" in str(shown)
        assert roll_901[4]["nik"] not in str(shown)  # masked, as on every screen
        await pilot.press("enter")  # not confirmed: said, and the question stays
        assert "61" in text_of(app, "#other-rolls-error")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SummaryStep)
        assert text_of(app, "#step-error").startswith(t("start.summary.failed", problem="")[:20])
        with pytest.raises(BadInput):  # nothing of TPS 902 was made
            open_record(made, clock).close()
        await create(pilot)
        await pilot.press("space")  # no. 61 is another person: the chair has seen the papers
        await create(pilot)
    assert app.return_value == Choice(Then.OPEN, made)
    for target, tps, count in ((made, "TPS 902", 61), (pg_url, "TPS 901", 60)):
        rec = open_record(target, clock)
        try:
            assert rec.station.tps == tps and verify(rec).ok
            assert read_status(rec).expected == count
        finally:
            rec.close()


async def test_the_time_zone_list_names_its_escape_key_in_the_chosen_language(
    data: Path, docs: Path, clock: FixedClock
) -> None:
    app = start_for(data, docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_station(pilot, docs / GOOD_ROLL)
        await pilot.press("enter", "enter", "enter", "enter")  # the zone's list open
        await settle(pilot)
        keys = {b.binding.key: b.binding.description for b in app.screen.active_bindings.values()}
        assert keys["escape"] == t("start.key.close_list")
