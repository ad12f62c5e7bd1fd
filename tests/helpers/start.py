"""Driving the start screen and the new station's steps with the Pilot, keys only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.helpers.desk import type_text
from tests.helpers.wait import settle
from tps_console.domain.record.clock import Clock
from tps_console.samples.rolls import sample_roll
from tps_console.start.app import StartApp, make_start
from tps_console.start.places import Places

GOOD_ROLL = "dpt_tps901.csv"
BAD_ROLL = "dpt_rusak.csv"
PLACE = ("Rutan Kelas IIB Blora", "Kauman", "Blora", "Blora", "Jawa Tengah")


def write_rolls(docs: Path) -> None:
    """The synthetic roll, and a copy of its first rows with a NIK Excel has damaged and an
    unknown sex (lines 3 and 5)."""
    docs.mkdir(parents=True, exist_ok=True)
    roll = sample_roll()
    (docs / GOOD_ROLL).write_bytes(roll)
    lines = roll.decode().splitlines()[:8]
    lines[2] = lines[2].replace(lines[2].split(",")[1], "3.31601E+15", 1)
    lines[4] = lines[4].replace(",L,", ",X,", 1)
    (docs / BAD_ROLL).write_text("\n".join(lines) + "\n", encoding="utf-8")


def start_for(data: Path, docs: Path, clock: Clock, *, lang: str = "id") -> StartApp:
    return make_start(clock, data=data, places=Places(docs, ()), lang=lang, desk="meja-1")


async def type_field(pilot: Pilot[Any], text: str) -> None:
    """Type into the focused field, then Enter (the next field, or the next step)."""
    await type_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


async def to_preview(pilot: Pilot[Any], roll: Path, *, new_key: str = "n") -> None:
    await settle(pilot)
    await pilot.press(new_key)
    await settle(pilot)
    await type_field(pilot, "2024-02-14")
    await type_field(pilot, str(roll))


async def to_station(pilot: Pilot[Any], roll: Path) -> None:
    await to_preview(pilot, roll)
    await pilot.press("ctrl+n")
    await settle(pilot)


async def to_chair(pilot: Pilot[Any], roll: Path, tps: str | None = None) -> None:
    await to_station(pilot, roll)
    if tps is not None:
        pilot.app.screen.query_one("#tps", Input).value = tps
    for _ in range(3):  # TPS 901 (or `tps`), 07:00, 13:00 as offered
        await pilot.press("enter")
    await pilot.press("tab")  # past the time zone
    for line in PLACE:
        await type_field(pilot, line)


async def to_members(pilot: Pilot[Any], roll: Path, tps: str | None = None) -> None:
    await to_chair(pilot, roll, tps)
    for text in ("ketua", "Sri Wahyuni", "1234", "1234"):
        await type_field(pilot, text)


async def to_ballots(pilot: Pilot[Any], roll: Path, tps: str | None = None) -> None:
    await to_members(pilot, roll, tps)
    for text in ("anggota4", "Budi Santoso", "4444", "4444"):
        await type_field(pilot, text)
    await pilot.press("ctrl+n")
    await settle(pilot)


async def to_summary(pilot: Pilot[Any], roll: Path, tps: str | None = None) -> None:
    await to_ballots(pilot, roll, tps)
    for _ in range(5):
        await type_field(pilot, "184")
    await type_field(pilot, "TPS 905")
    await type_field(pilot, "20")
    await pilot.press("ctrl+n")
    await settle(pilot)
