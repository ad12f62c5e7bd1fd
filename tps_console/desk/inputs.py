"""The desk's form input: keys typed in one burst land in the right fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.widgets import Input

# Keys typed before the terminal is switched to raw mode (a fast typist or a scanner right after
# the desk starts) pass the terminal's line discipline, which turns Enter (CR) into LF: Textual
# then reads Ctrl+J. Some scanners also end a scan with LF. Either way it is Enter.
ENTER = frozenset({"enter", "ctrl+j"})


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
        elif event.key in ENTER:
            event.stop()
            event.prevent_default()
            if self.on_enter is not None:
                self.on_enter(self)
            else:
                self.post_message(self.Submitted(self, self.value))


class KeepsTyping:
    """For a screen with no text box of its own (the voter card, the refusal banner): what is
    typed onto it is kept, in order, never dropped, and Enter hands it on.

    A scanner types a whole NIK or register number and Enter onto whatever is open. Handled here,
    in the screen's own queue, Enter comes after the characters typed ahead of it; an app-level
    (priority) Enter binding would run as soon as the app read the key, before them.
    `first_key_actions`: one-letter keys that act as the screen's bindings, but only before
    anything was typed."""

    typed = ""
    first_key_actions: frozenset[str] = frozenset()
    _handed_on = False  # Enter closed this screen

    def on_key(self, event: events.Key) -> None:
        if self._handed_on:
            # Enter closed this screen, and keys typed right after it (the next voter's scan)
            # still reached it: they belong to the screen below, in their order. Handing them
            # back to the app, which gives them to the screen on top once this one is gone,
            # also keeps a second Enter from closing a second screen.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))  # type: ignore[attr-defined]
            return
        if event.key in ENTER:
            self._handed_on = self.entered(self.typed.strip())
        elif event.key == "backspace" and self.typed:
            self.typed = self.typed[:-1]
            self.typed_changed()
        elif (
            event.is_printable
            and event.character
            and (self.typed or event.character not in self.first_key_actions)
        ):
            self.typed += event.character
            self.typed_changed()
        else:
            return
        event.stop()

    def entered(self, typed: str) -> bool:
        """Enter: `typed` is what was typed since the screen opened (stripped), or "". True when
        the screen is closing."""
        return False

    def typed_changed(self) -> None:
        """Show what has been typed so far."""
