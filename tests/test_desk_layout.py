"""The desk at its smallest, 80×24: every label of the chair's forms and the lock screen whole."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from rich.console import Console
from rich.text import Text
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Label

from tests.helpers.desk import desk_for, find, settle, sign_in
from tps_console.desk.app import DeskApp
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.station import Record

NIK_1 = "3399141702910001"


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
