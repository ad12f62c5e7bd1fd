"""Shared fixtures: a station on the synthetic roll, its officers, and a clock set on polling day."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import TEST_PASSPHRASE, make_station, wib
from tests.helpers.disks import root_only
from tests.helpers.pg import Relay, fresh_database
from tps_console.cli.prompt import PASSPHRASE_ENV
from tps_console.domain.day import officers
from tps_console.domain.day.officers import PIN_COST_ENV, OfficerInfo
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record, open_record
from tps_console.i18n import STRICT_ENV, set_language, set_strict
from tps_console.samples.demo import DEMO_OFFICERS

# PINs hashed at N=2^10 (1 MiB, a few ms) rather than the real 2^17 (128 MiB, ~0.45 s): the suite
# makes hundreds of stations and sign-ins. Set before collection (a parameter may hash a PIN) and
# in the environment, so the commands tests run as child processes hash alike.
# tests/test_officers.py checks the real cost and the upgrade to it.
TEST_PIN_COST = "10"


def pytest_configure(config: pytest.Config) -> None:
    os.environ[PIN_COST_ENV] = TEST_PIN_COST


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """`--snapshot-update` runs in one process: syrupy only removes (and, without it, only
    reports) snapshots no test uses when it sees the whole run, which pytest-xdist splits."""
    if config.getoption("--snapshot-update", default=False):
        config.option.numprocesses = 0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `long` first (in their order), so pytest-xdist starts them at once and the
    other workers share out the rest meanwhile, instead of one worker still running a long test
    alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture(autouse=True, scope="session")
def own_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The user's data folder (platformdirs, e.g. ~/.local/share/tps-console) is this worker's
    own temporary folder: tests never touch the real one, nor each other's under pytest-xdist.
    Set in the environment, so child processes (the selfcheck) use it too."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data-home")))
        yield


@pytest.fixture(autouse=True, scope="session")
def strict_messages() -> Iterator[None]:
    """An unknown message key raises under tests (in production it shows the key itself), in
    this process and, through the environment, in the child processes tests start."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(STRICT_ENV, "1")
        set_strict(True)
        yield
        set_strict(False)


@pytest.fixture(autouse=True, scope="session")
def backup_passphrase() -> Iterator[None]:
    """Every command that makes a station or opens a backup reads the tests' passphrase, as a
    script would (TPS_BACKUP_PASSPHRASE); a test of another one sets its own."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(PASSPHRASE_ENV, TEST_PASSPHRASE)
        yield


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language("id")
    yield
    set_language("id")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty database on the test run's PostgreSQL server (skipped without one, except
    in CI), dropped afterwards."""
    with fresh_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """Where a scenario's station lives: a file, then a server's database."""
    if request.param == "sqlite":
        yield tmp_path / "tps.db"
        return
    with fresh_database() as url:
        yield url


@pytest.fixture
def relay() -> Iterator[Relay]:
    """A TCP relay to the test server that the test can cut, as a network fails."""
    made = Relay()
    yield made
    made.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(wib(9))


@pytest.fixture
def station(tmp_path: Path, clock: FixedClock) -> Iterator[Record]:
    rec = make_station(tmp_path / "tps.db", clock)
    yield rec
    rec.close()


@pytest.fixture
def chair() -> OfficerInfo:
    return OfficerInfo("ketua", DEMO_OFFICERS[0].name, "chair")


@pytest.fixture
def member() -> OfficerInfo:
    return OfficerInfo("anggota4", DEMO_OFFICERS[1].name, "member")


@pytest.fixture
def other_desk(station: Record, clock: FixedClock) -> Iterator[Record]:
    """A second desk on the same file: its own engine and connections, as a second laptop."""
    assert station.path is not None
    rec = open_record(station.path, clock, desk="meja-2")
    yield rec
    rec.close()


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    made: list[Path] = []

    def mount(size: str) -> Path:
        root_only("a tmpfs")
        point = tmp_path / f"mnt{len(made)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)])
        if done.returncode != 0:
            pytest.skip("cannot mount a tmpfs here")
        made.append(point)
        return point

    yield mount
    for point in made:
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture
def fixed_pin_salts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Officers' PINs hashed with one salt: the station's events, and so the witness code a
    screen shows, are the same on every run (a snapshot's)."""
    salted = officers.hash_pin
    monkeypatch.setattr(
        officers, "hash_pin", lambda pin, salt=None, cost=None: salted(pin, b"snapshot-salt", cost)
    )
