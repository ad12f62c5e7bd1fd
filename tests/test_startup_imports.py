"""A start loads only what it shows: at the first frame of the desk and of the start screen, run
as a user runs them (`tps-console desk DB`, `tps-console`, in a terminal), none of the libraries
that only some later action needs is loaded, nor, at the desk, the record's tables, events and
rules, which its sign-in screen does not use. Each of them costs start-up time (the one-file
build unpacks and imports it) for a screen that does not use it.

The first frame's `sys.modules` comes from the start-up probe (tps_console/packaged/startup_probe.py, MODULES_ENV).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import make_station
from tps_console.bench import startup
from tps_console.domain.record.clock import FixedClock
from tps_console.packaged.startup_probe import MODULES_ENV

# Import names, each with what needs it.
LATER = {
    "aiohttp": "the web panel's server",
    "textual_serve": "the web panel's server",
    "fpdf": "the PDF forms and slips",
    "segno": "the summary's QR code",
    "barcode": "the slips' barcodes",
    "openpyxl": "a roll in Excel",
    "cryptography": "the backup passphrase (a new station, a restore)",
    "pyrage": "a backup's encryption (the desk's first backup, after the first frame)",
}

# The program's own modules that the desk's sign-in screen does not use: they load in the thread
# workers that read the record once it is drawn, or with the screen after the sign-in.
LATER_HERE = {
    "tps_console.domain.store.models": "the record's tables (a station is opened with plain SQL)",
    "tps_console.domain.record.events": "the record's events (the first write)",
    "tps_console.domain.record.projection": "the record's projection (the first write)",
    "tps_console.domain.views.voters": "the desk's figures (read once the screen is drawn)",
    "tps_console.domain.day.checkin": "the check-in rules (the check-in screen)",
    "tps_console.desk.checkin_screen": "the check-in screen (after the sign-in)",
}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="runs in a pseudo-terminal")


def first_frame_modules(args: list[str], work: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    listing = work / "modules.txt"
    monkeypatch.setenv(MODULES_ENV, str(listing))
    startup._probe([*startup._source_desk(), *args], work)
    return set(listing.read_text(encoding="utf-8").split())


def packages(modules: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


def test_the_desk_shows_its_first_frame_without_the_later_libraries(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "tps.db"
    make_station(db, clock).close()
    modules = first_frame_modules(["desk", str(db)], tmp_path, monkeypatch)
    loaded = packages(modules)
    assert {"textual", "sqlalchemy", "tps_console"} <= loaded  # the listing is the desk's
    assert "tps_console.desk.signin" in modules
    assert {name: LATER[name] for name in loaded & LATER.keys()} == {}
    assert {name: LATER_HERE[name] for name in modules & LATER_HERE.keys()} == {}


def test_the_start_screen_shows_its_first_frame_without_the_later_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = packages(first_frame_modules([], tmp_path, monkeypatch))
    assert {"textual", "tps_console"} <= loaded
    assert {name: LATER[name] for name in loaded & LATER.keys()} == {}
