"""A day of cards leaves less behind for the garbage collector to walk: the desk's collection
while the officer pauses (`DeskApp.collect_garbage`) first empties Textual's cache that keeps the
styles of removed widgets (textual_private.forget_closed_widgets), which otherwise held up to
1,024 of them with the lines they last drew, and made each of those pauses grow over the day
(bench/desk.py: `quiet_gc_longest_ms`)."""

from __future__ import annotations

from textual._styles_cache import StylesCache

from tests.helpers.desk import burst, desk_for, settle, sign_in
from tps_console.desk.card import VoterCardScreen
from tps_console.domain.record.station import Record

NIK_A = "3399141702910001"  # voter no. 1


async def test_the_desks_collection_lets_go_of_closed_cards_styles(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot)
        for _ in range(3):
            burst(app, *NIK_A, "enter")
            await settle(pilot)
            assert isinstance(app.screen, VoterCardScreen)
            await pilot.press("escape", "escape")  # back, nothing recorded; the box emptied
            await settle(pilot)
        assert StylesCache.get_inner_outer.cache_info().currsize > 0  # the cache was in use
        app.collect_garbage()
        assert StylesCache.get_inner_outer.cache_info().currsize == 0
