"""Driving the desk with the Pilot, the way an officer would: keys only."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from tests.helpers.wait import settle
from tps_console.desk.app import IDLE_LOCK_SECONDS, DemoLogin, DeskApp, make_desk
from tps_console.domain.record.station import Record


def desk_for(
    rec: Record,
    *,
    lang: str = "id",
    demo_logins: tuple[DemoLogin, ...] = (),
    idle_lock_seconds: float = IDLE_LOCK_SECONDS,
    refresh_seconds: float = 60.0,
) -> DeskApp:
    # A long refresh interval: tests decide when figures refresh, so frames repeat exactly.
    return make_desk(
        rec,
        lang=lang,
        demo_logins=demo_logins,
        idle_lock_seconds=idle_lock_seconds,
        refresh_seconds=refresh_seconds,
    )


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type into the focused field as a quick typist does: all but the last character in one
    burst (the desk keeps a burst in its field), the last through Pilot.press, which waits until
    the app has handled it and so every key before it. Pressing each character with Pilot.press
    waits for the app to go idle after every one, some 90 ms a key: most of the desk tests' time."""
    keys = ["space" if c == " " else c for c in text]
    if not keys:
        return
    burst(pilot.app, *keys[:-1])
    await pilot.press(keys[-1])


async def sign_in(pilot: Pilot[None], officer: str = "anggota4", pin: str = "4444") -> None:
    await settle(pilot)
    await type_text(pilot, officer)
    await pilot.press("tab")
    await type_text(pilot, pin)
    await pilot.press("enter")
    await settle(pilot)


async def find(pilot: Pilot[None], text: str) -> None:
    await type_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


def burst(app: App[Any], *keys: str) -> None:
    """Keys arriving in one burst, as a scanner or a fast typist sends them through the terminal
    (Pilot.press would wait for each key to be handled)."""
    assert app._driver is not None  # the app is running (under run_test)
    for key in keys:
        char = " " if key == "space" else (key if len(key) == 1 else None)
        app._driver.send_message(events.Key(key, char))


def message(app: App[None]) -> str:
    """The line under the search box that says what the desk just did."""
    return str(app.screen.query_one("#message", Static).render())


async def chair_approves(pilot: Pilot[None], *fields: str) -> None:
    """Fill a ChairForm: chair ID, PIN, then the form's own fields, each with Enter."""
    for value in ("ketua", "1234", *fields):
        await type_text(pilot, value)
        await pilot.press("enter")
    await settle(pilot)
