"""The desk's footer: compact, and able to make room on a narrow terminal.

At 80 columns one line cannot hold every key of the main screen. The keys of the screen's
occasional actions (the chair's once-a-day ones) are tagged `-occasional`, so that the screen's
CSS can leave them out when it is narrow; the everyday keys, Quit and Ctrl+P (which lists every
key by name) stay in view.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from tps_console.desk.textual_private import FooterKey


class DeskFooter(Footer):
    def __init__(self, *, occasional: Iterable[str] = ()) -> None:
        super().__init__(compact=True)
        self.occasional = frozenset(occasional)
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
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in self.occasional:
                widget.add_class("-occasional")
            yield widget
