"""The Textual internals the desk relies on, in one place to check on every Textual upgrade.

- `FooterKey`: the widget `Footer` composes for each key. Textual 8 does not export it, but the
  desk's footer must know each key's width and action to leave out the keys that give way on a
  narrow screen (see footer.py), and only the key widget knows which action it stands for.
- `SaidPalette`: Textual's command palette says "No matches found" in English, from a timer that
  `_start_no_matches_countdown` sets; the desk's palette says it in the desk's language.
- `forget_closed_widgets`: `StylesCache.get_inner_outer` is an `lru_cache` on a method (Textual
  8.2), so its 1,024 entries keep the styles caches of widgets long removed, each with the lines
  it last drew: after a hundred voters some 200,000 objects that every full garbage collection
  walks (measured: it grew from 5 ms to near a second over a day of 180 check-ins).
"""

from rich.align import Align
from rich.text import Text
from textual._styles_cache import StylesCache
from textual.command import CommandList, CommandPalette
from textual.widgets._footer import FooterKey
from textual.widgets.option_list import Option

from tps_console.tui.small_window import SaysTooSmall

__all__ = ["FooterKey", "SaidPalette", "forget_closed_widgets"]


def forget_closed_widgets() -> None:
    """Let go of what Textual's cache keeps of removed widgets (it fills again as screens draw)."""
    StylesCache.get_inner_outer.cache_clear()


class SaidPalette(SaysTooSmall, CommandPalette):
    def __init__(self, *, placeholder: str, no_matches: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        super()._start_no_matches_countdown(search_value)
        if search_value and self._no_matches_timer is not None:
            self._no_matches_timer.stop()
            self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, self._say_none)

    def _say_none(self) -> None:
        said = Align.center(Text(self.no_matches, style="not bold"))
        self.query_one(CommandList).add_option(Option(said, disabled=True, id=self._NO_MATCHES))
        self._list_visible = True
