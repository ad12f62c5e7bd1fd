"""Below 80×24 neither the desk nor the panel can be drawn as designed: a screen then shows only a
plain notice, in the chosen language, saying how large the window must be, and shows itself again
as soon as it is enlarged. Each screen of both apps mixes in `SaysTooSmall`; both apps load
`CSS` (user CSS, so that it outranks the screens' own rules)."""

from __future__ import annotations

from typing import Any, cast

from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from tps_console.i18n import t
from tps_console.tui.stays_up import Guarded

MIN_SIZE = Size(80, 24)

# Every other child of the screen gives way, whatever the app's CSS says of it (a widget that
# sets its own `display` from Python would still show: the screens' widgets use classes).
CSS = """
Screen.-too-small {
    background: $background !important;
}
Screen.-too-small > * {
    display: none !important;
}
Screen.-too-small > TooSmallNotice {
    display: block !important;
}
TooSmallNotice {
    display: none;
    width: 100%;
    height: 100%;
    padding: 0 1;
    content-align: center middle;
    text-align: center;
    text-style: bold;
    color: $text;
}
"""


def too_small(size: Size) -> bool:
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


class TooSmallNotice(Static):
    """What a screen shows instead of itself below 80×24."""


class SaysTooSmall(Guarded):
    """Mix in first: `class CheckInScreen(SaysTooSmall, TranslatedBindings, Screen)`. Not a
    DOMNode (see TranslatedBindings): Textual calls its handlers after the screen's own. Every
    screen of the desk and the panel is one, so each is `Guarded` (see tui/stays_up.py) through it."""

    _too_small_notice: TooSmallNotice | None = None

    def on_mount(self) -> None:
        self._fit_window()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_window()

    def on_screen_resume(self) -> None:
        # Resized while another screen was on top: only the top screen hears of it.
        self._fit_window()

    def _fit_window(self) -> None:
        screen = cast(Screen[Any], self)
        size = screen.app.size
        small = too_small(size)
        if small:
            notice = self._too_small_notice
            if notice is None:
                # Made the first time it is needed, not with every card: a screen on the hot
                # path (scan to card) mounts nothing it does not show.
                notice = self._too_small_notice = TooSmallNotice()
                screen.mount(notice)
            notice.update(
                t(
                    "window.too_small",
                    width=size.width,
                    height=size.height,
                    min_width=MIN_SIZE.width,
                    min_height=MIN_SIZE.height,
                )
            )
        screen.set_class(small, "-too-small")
