"""Desk benchmarks, measured in the running app with the Pilot (headless, real event loop).

- `desk_keystroke_p99_ms_{180,100k}`: a key pressed in the search box until the app has handled
  it and the results list holds the new matches; baseline: the bare `SearchIndex.search` call for
  the same text.
- `desk_day_180`: 180 voters checked in through the desk as a scanner would (NIK + Enter, Enter
  on the card); seconds in all, against the same 180 check-ins made by calling the domain
  directly. `keys_beyond_identifier` says how many keys each voter cost after the NIK.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual import events

from tps_console.bench.run import entry, p99
from tps_console.bench.stations import fresh_station, polling_clock
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.station import open_record
from tps_console.domain.views.search import SearchIndex, load_index
from tps_console.domain.views.status import read_status

QUERIES = ("sutrisno", "hartono", "agus wi", "supriyanto", "3399", "aiii.01", "bi.1", "dwi sa")
TIMEOUT_S = 30.0


def _send(app: Any, key: str) -> None:
    """Deliver a key the way the terminal driver does (Pilot.press would also wait for the whole
    process to go idle, which measures the machine rather than the desk)."""
    char = " " if key == "space" else (key if len(key) == 1 else None)
    app._driver.send_message(events.Key(key, char))


def _said(app: Any) -> str:
    """What the screen says, for a benchmark that stops: the reason of a refusal, mostly."""
    return " | ".join(str(w.render()) for w in app.screen.query("Static"))[:300]


async def _until(condition: Callable[[], bool], app: Any = None) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not condition():
        if time.perf_counter() > deadline:
            where = "" if app is None else f" (screen {type(app.screen).__name__}: {_said(app)})"
            raise TimeoutError(f"the desk did not respond{where}")
        await asyncio.sleep(0.0005)


async def _keystrokes(size: int) -> tuple[list[float], list[float]]:
    from tps_console.desk.app import make_desk
    from tps_console.desk.checkin_screen import CheckInScreen

    rec = open_record(fresh_station(size, "desk-keys"), polling_clock(), desk="bench")
    app = make_desk(rec, refresh_seconds=3600)
    pressed: list[float] = []
    bare: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot)
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        index: SearchIndex = app.index  # type: ignore[assignment]
        for query in QUERIES:
            for n in range(1, len(query) + 1):
                before = screen._hits
                start = time.perf_counter()
                _send(app, "space" if query[n - 1] == " " else query[n - 1])
                await _until(lambda before=before: screen._hits is not before, app)  # type: ignore[misc]
                pressed.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                index.search(query[:n], 50)
                bare.append((time.perf_counter() - start) * 1000)
            await pilot.press("escape")
    rec.close()
    return pressed, bare


async def _sign_in(pilot: Any) -> None:
    app = pilot.app
    while app.index is None:
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
    await pilot.press(*"anggota4", "tab", *"4444", "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


def _confirmed(app: Any, main: Any, message: Any, number: str) -> bool:
    said = str(message.render())
    return bool(app.screen is main and message.has_class("done") and number in said)


async def _day(size: int) -> tuple[float, float, float]:
    from tps_console.desk.app import make_desk
    from tps_console.desk.card import VoterCardScreen

    path = fresh_station(size, "desk-day")
    rec = open_record(path, polling_clock(), desk="bench")
    app = make_desk(rec, refresh_seconds=3600)
    # Names repeat on a roll: a confirmation is recognised by the list number it names.
    voters = [(v.nik, f"(no. {v.no})") for v in load_index(rec).voters]
    keys_after_identifier = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot)
        main = app.screen
        start = time.perf_counter()
        message = main.query_one("#message")
        for nik, number in voters:
            for key in nik:
                _send(app, key)
            _send(app, "enter")
            await _until(
                lambda: isinstance(app.screen, VoterCardScreen) and app.screen.details is not None,
                app,
            )
            _send(app, "enter")
            # Done when this voter's confirmation is on screen and the search box is ready again.
            await _until(lambda number=number: _confirmed(app, main, message, number), app)  # type: ignore[misc]
            keys_after_identifier += 2
        desk_seconds = time.perf_counter() - start
    checked_in = read_status(rec).checked_in
    rec.close()
    if checked_in != len(voters):
        raise RuntimeError(f"desk day: {checked_in} of {len(voters)} voters checked in")

    baseline_rec = open_record(fresh_station(size, "desk-day-base"), polling_clock(), desk="bench")
    officer = OfficerInfo("anggota4", "", "member")
    start = time.perf_counter()
    for nik, _ in voters:
        check_in(baseline_rec, officer, key=nik)
    direct_seconds = time.perf_counter() - start
    baseline_rec.close()
    return desk_seconds, direct_seconds, keys_after_identifier / len(voters)


def measure(quick: bool) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for size, label in ((180, "180"), (100_000, "100k")):
        if quick and size > 1000:
            continue
        pressed, bare = asyncio.run(_keystrokes(size))
        results[f"desk_keystroke_p99_ms_{label}"] = entry(p99(pressed), p99(bare), "ms")
    desk_seconds, direct_seconds, keys = asyncio.run(_day(180))
    results["desk_day_180"] = entry(
        desk_seconds, direct_seconds, "s", voters=180, keys_beyond_identifier=keys
    )
    return results
