"""Modal dialogs of the desk: the loud refusal banner, chair approval, and the idle lock."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from tps_console.desk.localised import Localised, entry
from tps_console.domain.checkin import set_voter_status, undo_check_in
from tps_console.domain.errors import TpsError
from tps_console.domain.officers import OfficerInfo, authenticate, require_chair
from tps_console.domain.voters import VoterDetails
from tps_console.i18n import t


class RefusalScreen(Localised, ModalScreen[None]):
    """A refusal nobody can miss: full width, red, acknowledged with Enter."""

    BINDINGS = [
        Binding("enter", "acknowledge", "desk.key.acknowledge", priority=True),
        Binding("escape", "acknowledge", show=False),
    ]

    def __init__(self, message: str, *, duplicate: bool) -> None:
        super().__init__()
        self.message = message
        self.duplicate = duplicate

    def compose(self) -> ComposeResult:
        with Vertical(id="refusal", classes="duplicate" if self.duplicate else ""):
            title = "desk.refused.duplicate_title" if self.duplicate else "desk.refused.title"
            yield Static(t(title), id="refusal-title")
            yield Static(self.message, id="refusal-message")
            yield Static(t("desk.refused.acknowledge"), id="refusal-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.app.bell()

    def action_acknowledge(self) -> None:
        self.dismiss(None)


class ChairActionScreen(Localised, ModalScreen[str | None]):
    """Undo a check-in, or mark a voter released/transferred: chair ID, PIN and a reason."""

    BINDINGS = [Binding("escape", "cancel", "desk.key.cancel")]

    def __init__(self, action: str, voter: VoterDetails) -> None:
        super().__init__()
        self.action = action
        self.voter = voter

    def compose(self) -> ComposeResult:
        with Vertical(id="chair-box"):
            yield Static(
                t(f"desk.chair.{self.action}", name=self.voter.name, no=self.voter.no),
                classes="title",
            )
            yield Label(t("desk.chair.officer"))
            officer = self.app.officer  # type: ignore[attr-defined]
            yield entry(value=officer.id if officer and officer.is_chair else "", id="chair-id")
            yield Label(t("desk.signin.pin"))
            yield entry(id="chair-pin", password=True)
            yield Label(t("desk.chair.reason"))
            yield entry(id="chair-reason")
            yield Static("", id="chair-error", classes="error")
        yield Footer()

    def on_mount(self) -> None:
        first_empty = next(i for i in self.query(Input) if not i.value)
        first_empty.focus()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        empty = [i for i in inputs if not i.value.strip()]
        if empty:
            empty[0].focus()
            return
        values = [i.value for i in inputs]
        self.query_one("#chair-error", Static).update(t("desk.working"))
        self.perform(values[0].strip(), values[1], values[2].strip())

    @work(thread=True, exclusive=True)
    def perform(self, chair_id: str, pin: str, reason: str) -> None:
        rec = self.app.rec  # type: ignore[attr-defined]
        try:
            chair = authenticate(rec, chair_id, pin)
            require_chair(chair)
            if self.action == "undo":
                undo_check_in(rec, chair, reason, voter_id=self.voter.id)
            else:
                set_voter_status(rec, chair, self.voter.id, self.action, reason)
        except TpsError as exc:
            self.app.call_from_thread(self._refused, t(exc.key, **exc.params))
        else:
            done = t(f"desk.chair.{self.action}_done", name=self.voter.name, no=self.voter.no)
            self.app.call_from_thread(self.dismiss, done)

    def _refused(self, message: str) -> None:
        self.query_one("#chair-error", Static).update(message)
        pin = self.query_one("#chair-pin", Input)
        pin.value = ""
        pin.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class LockScreen(Localised, ModalScreen[None]):
    """The desk locked itself after idling: the same officer's PIN resumes."""

    BINDINGS = [Binding("f10", "app.sign_out", "desk.key.sign_out")]

    def __init__(self, officer: OfficerInfo) -> None:
        super().__init__()
        self.officer = officer

    def compose(self) -> ComposeResult:
        with Vertical(id="lock-box"):
            yield Static(t("desk.lock.title"), classes="title")
            yield Label(t("desk.lock.prompt", name=self.officer.name, id=self.officer.id))
            yield entry(id="lock-pin", password=True)
            yield Static("", id="lock-error", classes="error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#lock-pin", Input).focus()

    @on(Input.Submitted, "#lock-pin")
    def _submit(self, event: Input.Submitted) -> None:
        self.unlock(event.value)

    @work(thread=True, exclusive=True)
    def unlock(self, pin: str) -> None:
        try:
            authenticate(self.app.rec, self.officer.id, pin, record_success=True)  # type: ignore[attr-defined]
        except TpsError as exc:
            self.app.call_from_thread(self._refused, t(exc.key, **exc.params))
        else:
            self.app.call_from_thread(self.dismiss, None)

    def _refused(self, message: str) -> None:
        self.query_one("#lock-error", Static).update(message)
        self.query_one("#lock-pin", Input).value = ""
