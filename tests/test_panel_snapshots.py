"""How the witness panel looks at 80×24 and on a room-size screen, in both languages.

The station is the sample roll at 10:00 after a morning of check-ins, one refused duplicate and
one undo. PIN salts are fixed so the witness code on screen is the same on every run.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col
from textual.pilot import Pilot

from tests.helpers import make_station, wib
from tests.helpers.panel import SIXTEEN_DIGITS, screen_text, stock_ballots
from tests.helpers.wait import settle
from tps_console.domain.day.checkin import check_in, undo_check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import AlreadyVoted
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Voter
from tps_console.i18n import set_language
from tps_console.panel.app import make_panel

SIZES = {"80x24": (80, 24), "200x50": (200, 50)}


@pytest.fixture
def morning(
    tmp_path: Path,
    clock: FixedClock,
    chair: OfficerInfo,
    member: OfficerInfo,
    fixed_pin_salts: None,
) -> Path:
    rec = make_station(tmp_path / "tps.db", clock)
    stock_ballots(rec, chair)
    with read(rec.engine) as conn:
        ids = list(conn.execute(select(col(Voter.id)).order_by(col(Voter.no)).limit(47)).scalars())
    for i, voter_id in enumerate(ids):
        clock.set(wib(7, 4) + timedelta(seconds=220 * i))  # 07:04 … 09:49
        check_in(rec, member, voter_id=voter_id)
    with pytest.raises(AlreadyVoted):
        check_in(rec, member, voter_id=ids[3])
    undo_check_in(rec, chair, "salah orang", voter_id=ids[-1])
    clock.set(wib(10))
    rec.close()
    assert rec.path is not None
    return rec.path


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_panel_after_a_morning(
    morning: Path, clock: FixedClock, lang: str, size: str, snap_compare: Callable[..., bool]
) -> None:
    set_language(lang)
    app = make_panel(morning, clock)
    painted: list[str] = []

    async def wait_for_the_figures(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        painted.append(screen_text(pilot.app))

    assert snap_compare(app, terminal_size=SIZES[size], run_before=wait_for_the_figures)
    assert "46" in painted[0]
    assert not SIXTEEN_DIGITS.search(painted[0]), "a full NIK reached the screen"
