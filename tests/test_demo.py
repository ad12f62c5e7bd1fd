"""The demo as someone trying it out meets it: its own station file each time, never one a running
demo still uses, and the witness panel shown beside the desk from the start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.panel import screen_text
from tps_console.cli.main import main
from tps_console.desk.app import DemoLogin, make_desk
from tps_console.desk.state import PanelLaunch
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.station import Record, open_record
from tps_console.machine import launch, paths
from tps_console.samples.demo import DEMO_OFFICERS


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "tps-console" / "demo"


HOLD = """
import sys, time
from tps_console.machine import paths
print(paths.fresh_demo_path(), flush=True)
sys.stdin.readline()
"""


def test_a_second_demo_never_removes_the_file_a_running_demo_uses(data_home: Path) -> None:
    running = subprocess.Popen(
        [sys.executable, "-c", HOLD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert running.stdout is not None and running.stdin is not None
    in_use = Path(running.stdout.readline().strip())
    in_use.write_bytes(b"the running demo's station")
    ours = paths.fresh_demo_path()
    assert ours != in_use and in_use.read_bytes() == b"the running demo's station"

    running.stdin.write("\n")
    running.stdin.close()
    running.wait(timeout=10)
    paths.fresh_demo_path()  # the next demo tidies up after the one that ended
    assert not in_use.exists()
    assert ours.parent == data_home


def test_the_demo_and_its_panel_command(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--no-desk"], clock=Clock()) == 0
    out = capsys.readouterr().out
    [db] = data_home.glob("demo-*.db")
    assert f"panel {db}" in out  # a command that opens the panel on this very file
    rec = open_record(db, Clock())
    assert rec.drill
    rec.close()


def test_the_panel_command_works_where_the_program_was_started(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.setenv("UV", "/usr/bin/uv")
    monkeypatch.setenv("VIRTUAL_ENV", str(checkout / ".venv"))
    monkeypatch.chdir(tmp_path)
    assert launch.shown_command("panel", "x.db") == (
        f"uv run --project {checkout} tps-console panel x.db"
    )
    monkeypatch.chdir(checkout)
    assert launch.shown_command("panel", "x.db") == "uv run tps-console panel x.db"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launch.shown_command("panel", "x.db").endswith(f"{Path(sys.executable).name} panel x.db")
    assert launch.own_command("panel", "x.db") == [sys.executable, "panel", "x.db"]


async def test_the_demo_desk_says_how_to_open_the_panel_and_f8_opens_it(
    station: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[list[str], str]] = []
    can_open = True

    def open_window(argv: list[str], handed: str) -> bool:
        opened.append((argv, handed))
        return can_open

    monkeypatch.setattr("tps_console.desk.app.open_window", open_window)
    logins = tuple(DemoLogin(o.id, o.pin, o.name) for o in DEMO_OFFICERS)
    how = PanelLaunch(("panel",), "/data/demo.db")
    app = make_desk(station, demo_logins=logins, panel=how)
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: said.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "panel /data/demo.db" in screen_text(app)  # before anything is done
        await pilot.press("f8")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The station is handed over beside the command line, never on it.
        assert opened == [(launch.own_command("panel"), "/data/demo.db")]
        assert said == ["Panel saksi dibuka di jendela baru"]
        can_open = False
        await pilot.press("f8")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "tidak bisa dibuka" in said[-1] and "panel /data/demo.db" in said[-1]


async def test_a_real_station_desk_shows_no_demo_hint(station: Record) -> None:
    how = PanelLaunch(("panel",), "/data/tps.db")
    app = make_desk(station, panel=how)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "tps-console panel" not in screen_text(app)
