"""What every step of a new station shares: its heading (step N of 7), the SIMULASI mark of a
training station, a line for what is wrong, and the keys to go on, go back and cancel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings

STEPS = ("roll", "preview", "station", "chair", "members", "ballots", "summary")

R = TypeVar("R")


class Step(TranslatedBindings, Screen[None], Generic[R]):
    """A step hands up what it collected with `done`, and the app opens the next step over it;
    Escape closes it, back to the step below, which still holds what was typed in it. Ctrl+X
    abandons the new station."""

    BINDINGS = [
        Binding("escape", "back", "start.key.back"),
        Binding("ctrl+n", "next", "start.key.next", priority=True),
        Binding("ctrl+x", "cancel", "start.key.cancel", priority=True),
    ]
    name_key = ""  # one of STEPS

    class Cancelled(Message):
        """The chair abandons the new station: nothing was written."""

    @dataclass
    class Completed(Message):
        step: Step[Any]
        result: Any

    def __init__(self, *, drill: bool) -> None:
        super().__init__()
        self.drill = drill

    def compose(self) -> ComposeResult:
        number = STEPS.index(self.name_key) + 1
        title = t("start.step", n=number, total=len(STEPS), title=t(f"start.{self.name_key}.title"))
        yield Static(title, classes="step-title")
        if self.drill:
            yield Static(t("start.drill_banner"), classes="drill")
        with VerticalScroll(classes="step-body"):
            yield from self.body()
        yield Static("", classes="error", id="step-error")
        yield Footer(compact=True)

    def body(self) -> ComposeResult:
        yield from ()

    def say_error(self, text: str) -> None:
        self.query_one("#step-error", Static).update(text)

    # Textual runs a message handler of every class in the line, so steps do not override
    # these two: they answer the hooks below.
    def on_input_changed(self, event: Input.Changed) -> None:
        self.say_error("")
        self.changed(event.input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field, and from the last one on to the next step."""
        event.stop()
        if self.entered(event.input):
            return
        # The next field, a choice list (step 3's time zone) too: Enter goes through them all.
        fields = [w for w in self.query("Input, Select") if w.display and not w.disabled]
        if event.input in fields and event.input is not fields[-1]:
            fields[fields.index(event.input) + 1].focus()
        else:
            self.action_next()

    def changed(self, field: Input) -> None:
        """A field's text changed."""

    def entered(self, field: Input) -> bool:
        """Enter in `field`: True if the step took care of it."""
        return False

    def done(self, result: R) -> None:
        self.post_message(self.Completed(self, result))

    def action_next(self) -> None:
        raise NotImplementedError

    def action_back(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
