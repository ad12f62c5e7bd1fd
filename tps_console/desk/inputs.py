"""The desk's form input: keys typed in one burst land in the right fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.widgets import Input


class FormInput(Input):
    """An input that moves on at once and passes on keys meant for the next field.

    A scanner or a fast typist sends "ketua⇥1234⏎" in one burst. Textual queues each key for the
    widget focused when the key arrived, and moves the focus only later, so keys after a Tab or
    an Enter that goes to the next field would land in this one. So Tab and Enter move the focus
    here, synchronously, and keys that reach this field after it lost the focus go back to the
    app, which hands them to the field that has it now, in the order they were typed.
    """

    def __init__(self, *, on_enter: Callable[[FormInput], object] | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.on_enter = on_enter
        # The cursor does not blink when headless (tests, selfcheck), so that frames repeat.
        self.cursor_blink = not self.app.is_headless

    def on_key(self, event: events.Key) -> None:
        # Runs before Input's own key handler; `prevent_default` keeps that one from running.
        if self.app.focused is not self:
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
        elif event.key == "tab":
            event.stop()
            event.prevent_default()
            self.screen.focus_next()
        elif event.key == "enter" and self.on_enter is not None:
            event.stop()
            event.prevent_default()
            self.on_enter(self)
