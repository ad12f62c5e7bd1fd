"""Signing in: officer ID, Tab, PIN, Enter. Wrong PINs count toward the lock-out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from tps_console.desk.dialogs import OFFICER_ERRORS
from tps_console.desk.footer import DeskFooter
from tps_console.desk.inputs import FormInput
from tps_console.desk.state import DemoLogin
from tps_console.desk.strip import StatusStrip
from tps_console.domain.errors import TpsError
from tps_console.domain.record.station import Record
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.tui.small_window import SaysTooSmall

if TYPE_CHECKING:
    from tps_console.domain.day.officers import OfficerInfo


class SignInScreen(SaysTooSmall, TranslatedBindings, Screen[None]):
    @dataclass
    class SignedIn(Message):
        """The officer's PIN was right: the app decides what comes next."""

        officer: OfficerInfo

    def __init__(
        self,
        rec: Record,
        demo_logins: tuple[DemoLogin, ...] = (),
        *,
        panel_hint: str | None = None,
        demo_passphrase: str | None = None,
    ) -> None:
        super().__init__()
        self.rec = rec
        self.demo_logins = demo_logins
        self.panel_hint = panel_hint
        self.demo_passphrase = demo_passphrase

    def compose(self) -> ComposeResult:
        yield StatusStrip(self.rec)
        if self.panel_hint:
            yield Static(t("desk.signin.panel", command=self.panel_hint), id="panel-hint")
        with Center(), Vertical(id="signin-box"):
            yield Static(t("desk.signin.title"), classes="title")
            yield Label(t("desk.signin.officer"))
            yield FormInput(
                id="officer", placeholder=t("desk.signin.officer_hint"), on_enter=self._to_pin
            )
            yield Static("", id="officer-error", classes="error field-error")
            yield Label(t("desk.signin.pin"))
            # No placeholder: dots in an empty PIN box look like a PIN typed in already.
            yield FormInput(id="pin", password=True, on_enter=self._submit)
            yield Static("", id="signin-error", classes="error")
            if self.demo_logins:
                lines = [t("desk.signin.demo")]
                lines += [
                    t("desk.signin.demo_line", id=d.id, pin=d.pin, name=d.name)
                    for d in self.demo_logins
                ]
                if self.demo_passphrase:
                    lines.append(t("desk.signin.demo_passphrase", passphrase=self.demo_passphrase))
                yield Static("\n".join(lines), id="demo-logins")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.query_one("#officer", Input).focus()

    def _to_pin(self, _: Input) -> None:
        self.set_focus(self.query_one("#pin", Input))

    def _submit(self, _: Input) -> None:
        officer_id = self.query_one("#officer", Input).value.strip()
        pin = self.query_one("#pin", Input).value
        if not officer_id:
            self.set_focus(self.query_one("#officer", Input))
            return
        self.query_one("#officer-error", Static).remove_class("-shown")
        self.query_one("#signin-error", Static).update(t("desk.working"))
        self.sign_in(officer_id, pin)

    @work(thread=True, exclusive=True)
    def sign_in(self, officer_id: str, pin: str) -> None:
        # Loaded here, not before the first frame: the officers' rules bring the record's.
        from tps_console.domain.day.officers import authenticate

        try:
            officer = authenticate(self.rec, officer_id, pin, record_success=True)
        except TpsError as exc:
            self.app.call_from_thread(self._refused, exc.key, t(exc.key, **exc.params))
        else:
            self.post_message(self.SignedIn(officer))

    def _refused(self, key: str, message: str) -> None:
        """An unknown ID is said under the ID, anything else (a wrong PIN, a lock-out) under
        the PIN."""
        pin = self.query_one("#pin", Input)
        pin.value = ""
        if key.startswith(OFFICER_ERRORS):
            self.query_one("#signin-error", Static).update("")
            said = self.query_one("#officer-error", Static)
            said.update(message)
            said.add_class("-shown")
            self.query_one("#officer", Input).focus()
            return
        self.query_one("#signin-error", Static).update(message)
        pin.focus()
