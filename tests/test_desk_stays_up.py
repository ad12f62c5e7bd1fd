"""Nothing the chair writes, and no bug, stops the desk: a folder not made yet is made, a full or
write-protected stick is said in the day's words with the form kept open, and whatever a screen,
a key or a worker raises is noted for IT staff and said on screen while the desk goes on."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.helpers import with_backup_key
from tests.helpers.desk import chair_approves, desk_for, message, sign_in, type_text
from tests.helpers.disks import fill, write_protect
from tests.helpers.wait import settle
from tps_console.cli.main import main
from tps_console.desk.checkin_screen import CheckInScreen
from tps_console.desk.day_actions import ChairMenu
from tps_console.desk.dialogs import ChairForm
from tps_console.domain.backup.files import set_backup_target
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.station import Record
from tps_console.domain.reports.files import PDF_FILE
from tps_console.i18n import t
from tps_console.machine.error_notes import notes_dir

# The chair's menu letter, the form's own fields for a target folder, and the file it writes.
WRITES = {
    "report": ("l", lambda folder: [str(folder)], PDF_FILE),
    "slips": ("c", lambda folder: [str(folder), ""], "slip.pdf"),
}


async def chair_writes(pilot: Pilot[None], action: str, folder: Path) -> None:
    letter, fields, _ = WRITES[action]
    await pilot.press("f3")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ChairMenu)
    await pilot.press(letter)
    await settle(pilot)
    await chair_approves(pilot, *fields(folder))


def form_error(pilot: Pilot[None]) -> str:
    assert isinstance(pilot.app.screen, ChairForm), "the form stays open to try again"
    said = [str(error.render()) for error in pilot.app.screen.query(".error")]
    return " ".join(" ".join(said).split())


async def desk_goes_on(pilot: Pilot[None]) -> None:
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CheckInScreen)
    assert pilot.app.is_running


@pytest.mark.parametrize("action", list(WRITES))
async def test_the_chair_writes_to_a_folder_not_made_yet(
    station: Record, tmp_path: Path, action: str
) -> None:
    folder = tmp_path / "flashdisk" / "tps901" / "sore"
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await chair_writes(pilot, action, folder)
        assert isinstance(app.screen, CheckInScreen)
        assert str(folder) in " ".join(message(app).split())
    written = folder / WRITES[action][2]
    assert written.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize("action", list(WRITES))
@pytest.mark.parametrize(
    ("fault", "key"), [("full", "output.disk_full"), ("read_only", "output.read_only")]
)
async def test_a_full_or_write_protected_stick_is_said_and_the_desk_goes_on(
    station: Record, mounted: Callable[[str], Path], action: str, fault: str, key: str
) -> None:
    notes_before = _notes()  # the worker's data folder: other tests' notes may be there
    stick = mounted("200k")
    if fault == "full":
        fill(stick)
    else:
        write_protect(stick)
    target = stick if fault == "full" else stick / "laporan"
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await chair_writes(pilot, action, target)
        said = form_error(pilot)
        assert t(key, path="§").split("§")[1].split()[0] in said, said
        assert "Traceback" not in said and "Errno" not in said
        await desk_goes_on(pilot)
    assert not [p for p in stick.rglob("*") if p.name != "filler"], "no half-written file"
    assert _notes() == notes_before, "a fault foreseen is said, not noted as unexpected"


async def test_a_stick_that_is_not_plugged_in_is_said_so_not_written_to_the_laptop(
    station: Record, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `/media/USER` is where a stick appears: a folder under it that is missing is the stick.
    media = tmp_path / "media"
    (media / "kpps").mkdir(parents=True)
    monkeypatch.setattr("tps_console.domain.store.output.MOUNT_PARENTS", (f"{media}/*",))
    folder = media / "kpps" / "FLASHDISK" / "laporan"
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await chair_writes(pilot, "report", folder)
        assert "flashdisk-nya tidak terpasang" in form_error(pilot)
        await desk_goes_on(pilot)
    assert list((media / "kpps").iterdir()) == []


async def test_backing_up_to_a_stick_made_read_only_is_said_and_the_desk_goes_on(
    station: Record, chair: OfficerInfo, mounted: Callable[[str], Path]
) -> None:
    stick = mounted("2m")
    with_backup_key(station)
    set_backup_target(station, chair, str(stick))
    write_protect(stick)
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await chair_approves(pilot)
        assert "hanya bisa dibaca" in form_error(pilot)
        await desk_goes_on(pilot)


def test_slips_to_a_folder_not_made_yet_from_the_command_line(
    station: Record, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "baru" / "slip.pdf"
    assert main(["slips", str(station.path), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "tidak ada" not in capsys.readouterr().err


def _notes() -> list[Path]:
    return sorted(notes_dir().glob("error-*.txt")) if notes_dir().exists() else []


def _bug(*_: object, **__: object) -> None:
    raise ZeroDivisionError("a bug nobody foresaw")


async def _said_and_noted(pilot: Pilot[None], before: list[Path]) -> None:
    await settle(pilot)
    toasts = " ".join(str(n.message) for n in pilot.app._notifications)
    assert "Kesalahan tak terduga (ZeroDivisionError)" in toasts
    [note] = [p for p in _notes() if p not in before]
    assert "a bug nobody foresaw" in note.read_text() and str(note) in toasts
    assert stat.S_IMODE(note.stat().st_mode) == 0o600
    assert stat.S_IMODE(notes_dir().stat().st_mode) == 0o700


async def test_a_bug_in_a_screens_handler_is_noted_and_the_desk_goes_on(
    station: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _notes()
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        with monkeypatch.context() as patched:
            patched.setattr(CheckInScreen, "find", _bug)
            await pilot.press("1", "enter")  # Enter on the search box: the screen's handler
            await _said_and_noted(pilot, before)
        await pilot.press("ctrl+u", *"Budi", "enter")  # the same screen still takes scans
        await settle(pilot)
        assert app.is_running and app.screen is not None


async def test_a_bug_in_a_keys_action_is_noted_and_the_desk_goes_on(
    station: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _notes()
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        monkeypatch.setattr(type(app), "action_calling", _bug)
        await pilot.press("f2")
        await _said_and_noted(pilot, before)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, ChairMenu)


async def test_a_bug_in_the_chairs_action_is_said_in_its_form_and_noted(
    station: Record, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = _notes()
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        monkeypatch.setattr("tps_console.desk.day_actions.build_report", _bug)
        await chair_writes(pilot, "report", tmp_path / "laporan")
        assert "Kesalahan tak terduga (ZeroDivisionError)" in form_error(pilot)
        [note] = [p for p in _notes() if p not in before]
        assert "a bug nobody foresaw" in note.read_text()
        await desk_goes_on(pilot)


async def test_a_bug_in_a_worker_is_noted_and_the_desk_goes_on(
    station: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _notes()
    app = desk_for(station)
    async with app.run_test(size=(160, 48)) as pilot:
        await sign_in(pilot)
        monkeypatch.setattr("tps_console.desk.checkin_screen.voter_details", _bug)
        await type_text(pilot, "Budi")  # the wide desk previews the highlighted voter's card
        for _ in range(50):
            if app._notifications:
                break
            await pilot.pause(0.05)
        await _said_and_noted(pilot, before)
        monkeypatch.undo()
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
