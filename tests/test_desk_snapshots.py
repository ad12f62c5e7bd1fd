"""How every desk screen looks, at 80x24 and 160x48, in Indonesian and English.

Regenerate after a deliberate change with `uv run pytest tests/test_desk_snapshots.py
--snapshot-update`, then look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.helpers import make_station
from tests.helpers.desk import desk_for, find, sign_in, type_text
from tests.helpers.panel import screen_text
from tests.helpers.wait import settle, wait_for
from tps_console.desk.app import DemoLogin, DeskApp
from tps_console.desk.dialogs import RefusalScreen
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.views.status import read_status
from tps_console.samples.demo import DEMO_OFFICERS

Steps = Callable[[Pilot[None]], Awaitable[None]]
NIK_1 = "3399141702910001"


async def at_sign_in(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def at_search(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    await type_text(pilot, "har")
    await settle(pilot)


async def at_card(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    await find(pilot, "AI.002/2024")


async def at_checked_in(pilot: Pilot[None]) -> None:
    await at_card(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def at_duplicate(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    await find(pilot, NIK_1)
    await pilot.press("enter")
    app = pilot.app
    assert isinstance(app, DeskApp)
    await wait_for(pilot, lambda: isinstance(app.screen, RefusalScreen))  # the attempt recorded
    # The strip under the banner names the newest event, the refused attempt's, once the desk
    # has looked again and the screen under the banner has been drawn again. Waiting on the
    # app's status, or on the strip's own text, still caught an older frame of that screen now
    # and then under load: so the wait is on what the snapshot itself draws.
    newest = read_status(app.rec).proof_code[:12]
    await wait_for(pilot, lambda: newest in screen_text(app))
    await settle(pilot)


async def at_chair_action(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    await find(pilot, NIK_1)
    await pilot.press("u")
    await settle(pilot)


async def at_replace_form(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    await find(pilot, NIK_1)
    await pilot.press("g")
    await settle(pilot)


async def at_dpk_form(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    await pilot.press("f4")
    await settle(pilot)


async def at_chair_menu(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    await pilot.press("f3")
    await settle(pilot)


async def at_report_form(pilot: Pilot[None]) -> None:
    await at_chair_menu(pilot)
    await pilot.press("l")
    await settle(pilot)


async def at_calling(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press("right", "right")
    await settle(pilot)


async def at_lock(pilot: Pilot[None]) -> None:
    await sign_in(pilot)
    assert isinstance(pilot.app, DeskApp)
    pilot.app.action_lock()
    await settle(pilot)


SCREENS: dict[str, Steps] = {
    "sign_in": at_sign_in,
    "search": at_search,
    "card": at_card,
    "checked_in": at_checked_in,
    "duplicate": at_duplicate,
    "chair_action": at_chair_action,
    "replace_form": at_replace_form,
    "dpk_form": at_dpk_form,
    "chair_menu": at_chair_menu,
    "report_form": at_report_form,
    "calling": at_calling,
    "lock": at_lock,
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_desk_screen(
    snap_compare: Callable[..., bool],
    tmp_path: Path,
    clock: FixedClock,
    member: OfficerInfo,
    screen: str,
    size: tuple[int, int],
    lang: str,
    fixed_pin_salts: None,
) -> None:
    rec = make_station(tmp_path / "tps.db", clock)
    check_in(rec, member, voter_id=1)  # voter no. 1 has voted at 09:00 at meja-1
    logins = tuple(DemoLogin(o.id, o.pin, o.name) for o in DEMO_OFFICERS)
    app = desk_for(rec, lang=lang, demo_logins=logins)
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[screen])
    rec.close()
