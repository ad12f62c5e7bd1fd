"""The witness panel that F8 starts gets its station beside its command line, never on it: in
its environment, or (a tmux window, which gets the tmux server's environment, not the desk's) in
a file for this user only, read once and removed. `ps` shows no station, path or password."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tests.helpers.tmux import cmdline, environ, process_of, tmux_server, wait_for
from tps_console.domain.errors import BadInput
from tps_console.domain.record.station import Record
from tps_console.machine import launch

SECRET_URL = "postgresql://kpps:rahasia-901@192.168.1.10/tps901"


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(launch.PANEL_STATION_ENV, raising=False)
    monkeypatch.delenv(launch.PANEL_STATION_FILE_ENV, raising=False)
    return tmp_path / "data" / "tps-console"


def test_a_hand_over_file_is_the_owners_alone_and_taken_once(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed = launch.hand_over(SECRET_URL)
    assert handed.parent == data_home / "handover"
    assert stat.S_IMODE(handed.stat().st_mode) == 0o600
    assert stat.S_IMODE(handed.parent.stat().st_mode) == 0o700
    monkeypatch.setenv(launch.PANEL_STATION_FILE_ENV, str(handed))
    assert launch.handed_station() == SECRET_URL
    assert not handed.exists()  # no copy of the password stays behind
    with pytest.raises(BadInput) as again:
        launch.handed_station()
    assert again.value.key == "panel.no_station"


def test_a_file_not_handed_over_is_neither_read_nor_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "handover" / "notes.txt"
    mine.parent.mkdir()
    mine.write_text("/home/ketua/tps.db")
    monkeypatch.setenv(launch.PANEL_STATION_FILE_ENV, str(mine))
    with pytest.raises(BadInput):
        launch.handed_station()
    assert mine.read_text() == "/home/ketua/tps.db"


def test_a_hand_over_no_panel_took_is_removed_by_the_next(data_home: Path) -> None:
    left = launch.hand_over(SECRET_URL)
    old = time.time() - launch.HANDOVER_KEPT_S - 1
    os.utime(left, (old, old))
    fresh = launch.hand_over(SECRET_URL)
    assert not left.exists() and fresh.exists()


def test_f8_in_tmux_starts_a_panel_with_no_station_on_its_command_line(
    station: Record, data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert station.path is not None
    where = str(station.path.resolve())
    with tmux_server(monkeypatch) as tmux:
        before = set(tmux.panes())
        assert launch.open_window(launch.own_command("panel"), where)
        wait_for(lambda: len(tmux.panes()) > len(before))
        [pane] = set(tmux.panes()) - before
        panel = process_of(pane, "tps_console")
        wait_for(lambda: "TPS 901" in tmux.screen(pane))  # it opened the station
        argv = cmdline(panel)
        assert argv[-1] == "panel" and not any(where in word for word in argv)
        env = environ(panel)
        assert launch.PANEL_STATION_ENV not in env
        assert not Path(env[launch.PANEL_STATION_FILE_ENV]).exists()  # taken and removed
        assert list((data_home / "handover").iterdir()) == []
