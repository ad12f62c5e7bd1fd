"""How the start screen and every step of a new station look, at 80x24 and 160x48, in Indonesian
and English. Regenerate after a deliberate change with `uv run pytest
tests/test_start_snapshots.py --snapshot-update`, then look at the report before committing.

The files live in one fixed folder (the screens show their paths), written atomically: workers
running side by side write the same bytes."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.helpers.start import (
    BAD_ROLL,
    GOOD_ROLL,
    start_for,
    to_ballots,
    to_chair,
    to_members,
    to_preview,
    to_station,
    to_summary,
    write_rolls,
)
from tests.helpers.wait import settle, wait_for
from tps_console.domain.record.clock import FixedClock
from tps_console.machine.recent import RECENT_FILE

Steps = Callable[[Pilot[Any]], Awaitable[None]]
FIXED = Path(tempfile.gettempdir()) / "tps-console-snapshots"
DOCS, DATA = FIXED / "Dokumen", FIXED / "data"
STATION = FIXED / "tps-901.db"


@pytest.fixture(autouse=True)
def fixed_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    """The passphrase the summary offers is drawn at random: the same words in every snapshot."""
    monkeypatch.setattr("tps_console.domain.day.passphrase.secrets.choice", lambda words: words[0])


def fixed_folder() -> None:
    staging = Path(tempfile.mkdtemp(prefix="staging-", dir=FIXED.parent))
    write_rolls(staging)
    DOCS.mkdir(parents=True, exist_ok=True)
    for name in (GOOD_ROLL, BAD_ROLL):
        os.replace(staging / name, DOCS / name)
    staging.rmdir()
    STATION.write_bytes(b"")  # a recent station whose file is there
    DATA.mkdir(exist_ok=True)
    recent = [
        {
            "path": str(STATION),
            "tps": "TPS 901",
            "polling_date": "2024-02-14",
            "drill": False,
            "opened_at": "2024-02-13T10:00+07:00",
        },
        {
            "path": str(FIXED / "latihan.db"),  # moved away since
            "tps": "TPS 901",
            "polling_date": "2024-02-13",
            "drill": True,
            "opened_at": "2024-02-12T10:00+07:00",
        },
    ]
    tmp = DATA / f".{os.getpid()}.tmp"
    tmp.write_text(json.dumps(recent), encoding="utf-8")
    os.replace(tmp, DATA / RECENT_FILE)


async def at_home(pilot: Pilot[Any]) -> None:
    await settle(pilot)


async def at_about(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)


async def at_browser(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    await pilot.press("ctrl+o")
    # Not `settle`: the folder tree's loader is a worker that runs as long as the tree.
    for _ in range(5):
        await pilot.pause(0.05)


async def at_roll(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)


async def at_drill_roll(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)


async def at_preview(pilot: Pilot[Any]) -> None:
    await to_preview(pilot, DOCS / GOOD_ROLL)


async def at_bad_preview(pilot: Pilot[Any]) -> None:
    await to_preview(pilot, DOCS / BAD_ROLL)


async def at_station(pilot: Pilot[Any]) -> None:
    await to_station(pilot, DOCS / GOOD_ROLL)


async def at_chair(pilot: Pilot[Any]) -> None:
    await to_chair(pilot, DOCS / GOOD_ROLL)


async def at_members(pilot: Pilot[Any]) -> None:
    await to_members(pilot, DOCS / GOOD_ROLL)
    # The step opens with its first field focused, its cursor drawn once that focus is shown.
    await wait_for(pilot, lambda: getattr(pilot.app.focused, "id", None) == "member-id")
    await settle(pilot)


async def at_ballots(pilot: Pilot[Any]) -> None:
    await to_ballots(pilot, DOCS / GOOD_ROLL)


async def at_summary(pilot: Pilot[Any]) -> None:
    await to_summary(pilot, DOCS / GOOD_ROLL)


SCREENS: dict[str, Steps] = {
    "home": at_home,
    "about": at_about,
    "browser": at_browser,
    "roll": at_roll,
    "drill_roll": at_drill_roll,
    "preview": at_preview,
    "bad_preview": at_bad_preview,
    "station": at_station,
    "chair": at_chair,
    "members": at_members,
    "ballots": at_ballots,
    "summary": at_summary,
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_start_screen(
    snap_compare: Callable[..., bool],
    clock: FixedClock,
    screen: str,
    size: tuple[int, int],
    lang: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fixed_folder()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(DOCS))
    app = start_for(DATA, DOCS, clock, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[screen])
