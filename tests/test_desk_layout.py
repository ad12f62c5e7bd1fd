"""The desk at its smallest, 80×24: every label of the chair's forms and the lock screen whole;
and below it, a plain notice instead of a broken screen."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Awaitable, Callable

import pytest
from rich.console import Console
from rich.text import Text
from sqlalchemy import select
from sqlmodel import col
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label

from tests.helpers.desk import desk_for, find, sign_in
from tests.helpers.wait import settle
from tps_console import desk
from tps_console.desk.app import DeskApp
from tps_console.desk.card import VoterCardScreen
from tps_console.desk.checkin_screen import CheckInScreen
from tps_console.desk.signin import SignInScreen
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn
from tps_console.panel import app as panel_app
from tps_console.tui.small_window import SaysTooSmall, TooSmallNotice

NIK_1 = "3399141702910001"


def active_check_ins(rec: Record) -> int:
    with read(rec.engine) as conn:
        return len(conn.execute(select(col(CheckIn.id)).where(col(CheckIn.active))).all())


async def lock(pilot: Pilot[None]) -> None:
    assert isinstance(pilot.app, DeskApp)
    pilot.app.action_lock()


async def replace_form(pilot: Pilot[None]) -> None:
    await find(pilot, NIK_1)
    await pilot.press("g")


async def dpk_form(pilot: Pilot[None]) -> None:
    await pilot.press("f4")


OPEN: dict[str, Callable[[Pilot[None]], Awaitable[None]]] = {
    "lock screen": lock,
    "replace form": replace_form,
    "DPK form": dpk_form,
}


def cut_labels(app: DeskApp) -> list[str]:
    """Labels on screen that stick out of their box, or whose text needs more lines at their
    width than they are given."""
    console = Console(width=200)
    cut = []
    for label in app.screen.query(Label):
        text = str(label.render())
        width, height = label.content_size
        box = label.parent
        assert isinstance(box, Widget)
        sticks_out = not box.content_region.contains_region(label.region)
        if sticks_out or len(Text(text).wrap(console, max(width, 1))) > height:
            cut.append(text)
    return cut


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("screen", list(OPEN))
async def test_no_label_is_cut_at_80x24(
    station: Record, member: OfficerInfo, screen: str, lang: str
) -> None:
    check_in(station, member, voter_id=1)  # a ballot to replace
    app = desk_for(station, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "ketua", "1234")
        await OPEN[screen](pilot)
        await settle(pilot)
        assert len(app.screen.query(Label)) >= 1
        assert cut_labels(app) == []


# Below 80×24 -------------------------------------------------------------------------------------


def says_too_small(app: App[None]) -> bool:
    """Whether the screen on top shows only the notice (in the desk's language)."""
    notices = app.screen.query(TooSmallNotice)
    shown = [n for n in notices if n.display]
    return app.screen.has_class("-too-small") and len(shown) == 1


async def test_below_80x24_the_desk_says_the_window_is_too_small_and_takes_no_key(
    station: Record,
) -> None:
    app = desk_for(station)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert says_too_small(app)
        notice = app.screen.query_one(TooSmallNotice)
        assert "Jendela terlalu kecil (60×20): perbesar menjadi minimal 80×24" in str(
            notice.render()
        )
        assert [w for w in app.screen.children if w.display] == [notice]
        await sign_in(pilot, "ketua", "1234")  # typed blind: taken by nothing
        assert isinstance(app.screen, SignInScreen)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not says_too_small(app)
        await sign_in(pilot, "ketua", "1234")
        assert isinstance(app.screen, CheckInScreen)


async def test_a_card_shrunk_below_80x24_is_not_confirmed_blind_and_comes_back(
    station: Record,
) -> None:
    app = desk_for(station, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await find(pilot, NIK_1)
        assert isinstance(app.screen, VoterCardScreen)
        await pilot.resize_terminal(79, 24)
        await settle(pilot)
        assert says_too_small(app)
        assert "The window is too small (79×24)" in str(
            app.screen.query_one(TooSmallNotice).render()
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and says_too_small(app)
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert not says_too_small(app)
        await pilot.press("escape")
        await settle(pilot)
        # The screen below was not on top while the window changed: it is right all the same.
        assert isinstance(app.screen, CheckInScreen) and not says_too_small(app)
    assert active_check_ins(station) == 0


def test_every_screen_of_the_desk_and_the_panel_says_when_the_window_is_too_small() -> None:
    modules = [
        importlib.import_module(m.name)
        for m in pkgutil.iter_modules(desk.__path__, "tps_console.desk.")
    ]
    modules.append(panel_app)
    screens = {
        cls
        for module in modules
        for cls in vars(module).values()
        if isinstance(cls, type) and issubclass(cls, Screen) and cls.__module__ == module.__name__
    }
    assert len(screens) >= 8
    assert {s.__name__ for s in screens if not issubclass(s, SaysTooSmall)} == set()
