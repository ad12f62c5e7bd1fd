"""The panel's drawing helpers: bars, numbers and durations a witness reads from afar."""

from __future__ import annotations

from datetime import timedelta

import pytest
from rich.style import Style

from tps_console.i18n import percent, set_language
from tps_console.panel.bignum import fitting_scale, render_lines, text_height, text_width
from tps_console.panel.widgets import bar_text, duration


@pytest.mark.parametrize(("part", "whole"), [(0, 180), (1, 180), (57, 180), (180, 180), (5, 0)])
@pytest.mark.parametrize("width", [1, 7, 36])
def test_a_bar_is_always_exactly_its_width(part: int, whole: int, width: int) -> None:
    assert bar_text(part, whole, width, Style(), Style()).cell_len == width


def test_a_full_bar_is_all_done_and_an_empty_one_all_todo() -> None:
    assert bar_text(180, 180, 10, Style(), Style()).plain == "█" * 10
    assert bar_text(0, 180, 10, Style(), Style()).plain == "░" * 10
    assert bar_text(90, 180, 9, Style(), Style()).plain == "████▌░░░░"


def test_percent_speaks_the_language() -> None:
    assert percent(31.67) == "31,7 %"
    set_language("en")
    assert percent(31.67) == "31.7%"
    assert percent(0.0) == "0.0%"


def test_duration() -> None:
    assert duration(timedelta(hours=2, minutes=5, seconds=9)) == "2:05:09"
    assert duration(timedelta(0)) == "0:00:00"


def test_big_digits_take_the_largest_scale_that_fits() -> None:
    assert fitting_scale("57", 80, 3) == 1
    scale = fitting_scale("57", 80, 20)
    assert text_height(scale) <= 20 and text_width("57", scale) <= 80
    assert text_height(scale + 1) > 20 or text_width("57", scale + 1) > 80


def test_big_digits_draw_the_glyphs() -> None:
    assert render_lines("0", 2) == ("██████", "██  ██", "██  ██", "██  ██", "██████")
    assert len(render_lines("180", 1)) == 3  # Textual's 3-row digits at the smallest size
