"""Desk benchmarks, measured in the running app with the Pilot (headless, real event loop).

- `desk_keystroke_p99_ms_{180,100k}`: a key pressed in the search box until the app has handled
  it and the results list holds the new matches; baseline: the bare `SearchIndex.search` call for
  the same text.
- `desk_day_180`: 180 voters checked in through the desk as a scanner would (NIK + Enter, Enter
  on the card); seconds in all, against the same 180 check-ins made by calling the domain
  directly. `keys_beyond_identifier` says how many keys each voter cost after the NIK.
- `desk_scan_to_card_p99_ms` and `desk_enter_to_ready_p99_ms`, where the officer feels it: a
  register number typed as a USB scanner types it (its characters, then Enter, in one burst
  through the driver's input path) until the voter's card is drawn; then Enter on the card until
  the confirmation and an empty search box are drawn. Baselines, for the same voter in the same
  loop: the domain calls that path makes, alone (a search per character typed, the exact look-up
  and the card's read; the check-in itself, on a twin station). See `_feel` and bench/frames.py.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

from textual import events

from tps_console.bench.checkin import load_average
from tps_console.bench.frames import Frame, FrameDriver
from tps_console.bench.run import entry, p99
from tps_console.bench.stations import fresh_station, polling_clock
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.station import open_record
from tps_console.domain.views.search import SearchIndex, load_index
from tps_console.domain.views.status import read_status
from tps_console.domain.views.voters import voter_details

FEEL_GOAL_MS = 50.0
# The officer's moment between two keys: reading the card, the next voter stepping up. Outside
# what is timed; it lets the app finish what it does after a frame (its look at the record) as it
# would at a desk, where these moments last seconds.
OFFICER_PAUSE_S = 0.03
FEEL_ROUNDS = 2  # the 180 roll this many times (a fresh station each): 2 x 169 scans
QUERIES = ("sutrisno", "hartono", "agus wi", "supriyanto", "3399", "aiii.01", "bi.1", "dwi sa")
# The queries typed this many times over: 53 keys a pass, so a p99 of one pass is its slowest key
# and two runs disagree by a whole stray pause. Eight passes (424 keys) make it the fifth slowest.
KEYSTROKE_PASSES = 8
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
        for query in QUERIES * KEYSTROKE_PASSES:
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


async def _feel(size: int, day: int) -> tuple[dict[str, list[float]], int]:
    """One day on a fresh station of `size`, every voter with a register number scanned and
    checked in; returns the four series (desk and baseline for both figures) and the count.

    What "drawn" means: a frame counts once the app has composed it, rendered it to terminal
    output and flushed it to its driver (FrameDriver.flush), which is where a terminal driver
    hands the bytes to the terminal. The card is drawn when a frame flushed while the card screen
    is on top carries the card's NIK line (only the loaded card prints it: "NIK 339914 170291
    0001"; the list and the "working" card do not). Ready is the first frame, after a frame that
    carried the confirmation "(no. N)", that was composed on the check-in screen with the focused
    search box empty. The bench only waits for such frames (woken by each flush, no polling,
    no pilot.pause inside a timed step), so the figures hold exactly the waits the app has.
    """
    from tps_console.desk.app import make_desk
    from tps_console.desk.card import VoterCardScreen
    from tps_console.desk.checkin_screen import CheckInScreen

    rec = open_record(fresh_station(size, f"desk-feel-{day}"), polling_clock(), desk="bench")
    twin = open_record(fresh_station(size, f"desk-feel-twin-{day}"), polling_clock(), desk="bench")
    officer = OfficerInfo("anggota4", "", "member")
    index = load_index(rec)  # the bench's own copy of what the desk searches, for the baseline
    voters = [v for v in index.voters if v.register_no]
    series: dict[str, list[float]] = {"card": [], "card_base": [], "ready": [], "ready_base": []}
    app = make_desk(rec)  # the desk's own refresh interval, idle lock and all
    app.driver_class = FrameDriver
    async with app.run_test(headless=False, size=(120, 40)) as pilot:
        driver = FrameDriver.current
        assert driver is not None
        await app.workers.wait_for_complete()  # the roll loaded into the desk's index
        await pilot.press(*"anggota4", "tab", *"4444", "enter")
        await driver.drawn(0.0, lambda f: f.screen is CheckInScreen)
        for voter in voters:
            await _officer_pause(pilot)
            start = time.perf_counter()
            for n in range(1, len(voter.register_no) + 1):
                index.search(voter.register_no[:n], 50)
            found = index.exact(voter.register_no)
            assert found is not None and found.id == voter.id
            voter_details(rec, voter.id)
            series["card_base"].append((time.perf_counter() - start) * 1000)

            nik_line = f"NIK {voter.nik[:6]} {voter.nik[6:12]} {voter.nik[12:]}"
            driver.forget()
            sent, typed = time.perf_counter(), driver.type(voter.register_no + "\r")
            drawn = await driver.drawn(sent, _card(VoterCardScreen, nik_line))
            series["card"].append((drawn - typed.at) * 1000)

            await _officer_pause(pilot)
            start = time.perf_counter()
            check_in(twin, officer, voter_id=voter.id)
            series["ready_base"].append((time.perf_counter() - start) * 1000)

            driver.forget()
            sent, typed = time.perf_counter(), driver.type("\r")
            drawn = await driver.drawn(sent, _ready(CheckInScreen, f"(no. {voter.no})"))
            series["ready"].append((drawn - typed.at) * 1000)
        await app.workers.wait_for_complete()
    checked_in = read_status(rec).checked_in
    rec.close()
    twin.close()
    if checked_in != len(voters):
        raise RuntimeError(f"desk feel: {checked_in} of {len(voters)} voters checked in")
    return series, len(voters)


def _card(card: type, nik_line: str) -> Callable[[Frame], bool]:
    """The card: a frame on the card screen that carries the loaded card's NIK line."""

    def done(frame: Frame) -> bool:
        return frame.screen is card and nik_line in frame.data

    return done


def _ready(main: type, confirmation: str) -> Callable[[Frame], bool]:
    """Ready: the confirmation drawn, and a frame on the main screen with an empty search box."""
    confirmed = False

    def done(frame: Frame) -> bool:
        nonlocal confirmed
        confirmed = confirmed or (frame.screen is main and confirmation in frame.data)
        return confirmed and frame.screen is main and frame.search_empty

    return done


async def _officer_pause(pilot: Any) -> None:
    """Not timed: the app finishes what follows a frame (its look at the record in a worker, the
    footers rebuilt for the new screen's keys) before the officer's next key."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await asyncio.sleep(OFFICER_PAUSE_S)
    # What the desk does once the officer has paused for two seconds (QUIET_COLLECT_SECONDS),
    # which the bench's short pause does not wait for. Not counted below: it is no pause of a
    # timed step.
    _FullCollections.quiet = True
    pilot.app.collect_garbage()
    _FullCollections.quiet = False


class _FullCollections:
    """Python's full (generation 2) garbage collections while the desk worked: how many, the
    longest. Said beside the figures because they were most of their tail before the desk made
    them only while the officer pauses (desk/app.py, QUIET_COLLECT_SECONDS)."""

    def __init__(self) -> None:
        self.count = 0
        self.longest_ms = 0.0
        self._started = 0.0
        self.quiet_longest_ms = 0.0  # the desk's own, while the officer pauses

    quiet = False  # the collection the desk makes while the officer pauses

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
            return
        took = (time.perf_counter() - self._started) * 1000
        if self.quiet:
            self.quiet_longest_ms = max(self.quiet_longest_ms, took)
        else:
            self.count += 1
            self.longest_ms = max(self.longest_ms, took)


def feel_entries(size: int = 180, rounds: int = FEEL_ROUNDS) -> dict[str, Any]:
    """The two figures where the officer feels them, over `rounds` days on fresh stations."""
    load_before = load_average()
    series: dict[str, list[float]] = {}
    scans = 0
    full = _FullCollections()
    gc.callbacks.append(full)
    try:
        for day in range(rounds):
            taken, count = asyncio.run(_feel(size, day))
            scans += count
            for name, samples in taken.items():
                series.setdefault(name, []).extend(samples)
    finally:
        gc.callbacks.remove(full)
    load = [load_before, load_average()]
    collections = {
        "full_gc": full.count,
        "full_gc_longest_ms": round(full.longest_ms, 1),
        # A scan that comes while the desk collects waits for it: this long at most.
        "quiet_gc_longest_ms": round(full.quiet_longest_ms, 1),
    }
    goal = f"p99 <= {FEEL_GOAL_MS:g} ms"

    def figure(name: str, base: str, **facts: Any) -> dict[str, Any]:
        value = round(p99(series[name]), 3)  # rounded as printed: `goal_met` agrees with it
        return entry(
            value,
            p99(series[base]),
            "ms",
            **facts,
            median=round(statistics.median(series[name]), 3),
            baseline_median=round(statistics.median(series[base]), 3),
            goal=goal,
            goal_met=value <= FEEL_GOAL_MS,
            load_avg=load,
            **collections,
        )

    return {
        "desk_scan_to_card_p99_ms": figure(
            "card",
            "card_base",
            scans=scans,
            baseline_is="a search per character typed, the exact look-up and the card's read",
        ),
        "desk_enter_to_ready_p99_ms": figure(
            "ready", "ready_base", checkins=scans, baseline_is="check_in alone, on a twin station"
        ),
    }


def measure(quick: bool) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for size, label in ((180, "180"), (100_000, "100k")):
        if quick and size > 1000:
            continue
        pressed, bare = asyncio.run(_keystrokes(size))
        results[f"desk_keystroke_p99_ms_{label}"] = entry(
            p99(pressed),
            p99(bare),
            "ms",
            keys=len(pressed),
            median=round(statistics.median(pressed), 3),
            load_avg=load_average(),
        )
    desk_seconds, direct_seconds, keys = asyncio.run(_day(180))
    results["desk_day_180"] = entry(
        desk_seconds, direct_seconds, "s", voters=180, keys_beyond_identifier=keys
    )
    results.update(feel_entries())
    return results
