"""The desk's footer: compact, and able to make room on a narrow terminal.

At 80 columns one line cannot hold every key of the main screen, and a key cut at the edge
("f8 P") helps nobody. The screen names the keys that may give way, in groups, least needed
first: while the line is too long for the footer's width the next group is left out, whatever
the language makes of the labels. The keys never named (the everyday ones, F3 for the chair's
menu, Quit) always stay; the chair's menu lists the once-a-day keys left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from tps_console.desk.textual_private import FooterKey


def key_width(key: FooterKey) -> int:
    """Cells a compact key takes: "f8 Panel saksi" and the space after it; Ctrl+P's key, docked
    on the right, a bar before it instead."""
    return cell_len(key.key_display) + 1 + cell_len(key.description) + 1


# After a screen's own keys, the app's give way: the panel's (the sign-in screen names F8),
# then Ctrl+P.
APP_GIVES_WAY = (("open_panel",), ("command_palette",))


class DeskFooter(Footer):
    def __init__(self, *, give_way: Sequence[Iterable[str]] = ()) -> None:
        super().__init__(compact=True)
        self.give_way = tuple(frozenset(group) for group in (*give_way, *APP_GIVES_WAY))
        self._shown: tuple[tuple[str, str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        # The main screen's keys are the same each time a card closes over it: rebuilding the
        # footer then would cost a layout and a redraw in the moment the officer waits for the
        # confirmation.
        shown = tuple(
            (binding.key, binding.action, binding.description, enabled)
            for _, binding, enabled, _ in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # what Footer is about to compose (it skips the other cases)
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        await super().recompose()
        # Each key Footer composes is bound to the footer's `compact` with `data_bind`, and
        # Textual drops the watcher of a removed key only when `compact` next changes (Textual
        # issue 6666). The main screen's footer recomposes at every card a day long: without
        # this its old keys pile up, ~18 a voter, and full garbage collections grow to a second.
        self.mutate_reactive(Footer.compact)

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        self._make_room(keys)
        yield from keys

    def on_resize(self, _: events.Resize) -> None:
        self._make_room(list(self.query(FooterKey)))

    def _make_room(self, keys: Sequence[object]) -> None:
        shown = [key for key in keys if isinstance(key, FooterKey)]
        width = self.size.width or self.app.size.width
        left_out: frozenset[str] = frozenset()
        for group in (frozenset(), *self.give_way):
            left_out |= group
            if sum(key_width(k) for k in shown if k.action not in left_out) <= width:
                break
        for key in shown:
            key.display = key.action not in left_out
