"""The voter card: who stands at the desk, what they receive, and whether they may vote.

Enter confirms the check-in (the second keystroke after the identifier). Chair actions are
here too; each asks for a chair's PIN at that moment.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tps_console.desk.localised import Localised
from tps_console.domain.timefmt import local_time
from tps_console.domain.vocab import BALLOTS, VoterStatus
from tps_console.domain.voters import VoterDetails, voter_details
from tps_console.i18n import t

# Ballot colours as printed (DOMAIN.md), as terminal styles readable at a glance.
BALLOT_STYLE = {
    "grey": "bold #000000 on #b0b0b0",
    "yellow": "bold #000000 on #ffd600",
    "red": "bold #ffffff on #d32f2f",
    "blue": "bold #ffffff on #1e63c8",
    "green": "bold #ffffff on #2e7d32",
}


class VoterCardScreen(Localised, ModalScreen[str | None]):
    BINDINGS = [
        Binding("enter", "confirm", "desk.key.confirm", priority=True),
        Binding("escape", "dismiss_card", "desk.key.back"),
        Binding("u", "chair('undo')", "desk.key.undo"),
        Binding("r", "chair('released')", "desk.key.released"),
        Binding("t", "chair('transferred')", "desk.key.transferred"),
    ]

    def __init__(self, voter_id: int) -> None:
        super().__init__()
        self.voter_id = voter_id
        self.details: VoterDetails | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="card"):
            yield Static(t("desk.working"), id="card-body")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        details = voter_details(self.app.rec, self.voter_id)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show, details)

    def _show(self, details: VoterDetails) -> None:
        self.details = details
        self.query_one("#card", Vertical).set_class(details.checked_in is not None, "voted")
        self.query_one("#card", Vertical).set_class(not details.eligible, "ineligible")
        self.query_one("#card-body", Static).update(self.render_card(details))

    def render_card(self, v: VoterDetails) -> Text:
        rec = self.app.rec  # type: ignore[attr-defined]
        text = Text()
        text.append(f"{v.name}\n", "bold")
        text.append(f"no. {v.no}   {v.category}   ", "bold")
        text.append(f"{t('sex.' + v.sex)}   {t('desk.card.age', age=v.age)}\n")
        text.append(f"{t('desk.card.register')}: {v.register_no or '—'}   ")
        text.append(f"{t('desk.card.block')}: {v.block or '—'} / {v.cell or '—'}\n")
        text.append(f"NIK {v.nik[:6]} {v.nik[6:12]} {v.nik[12:]}\n", "dim")
        if v.disability:
            text.append(f"♿ {t('desk.card.disability')}: {v.disability}\n", "bold yellow")
        text.append(f"\n{t('desk.card.ballots')} ({len(v.ballots)}):\n")
        for code in v.ballots:
            text.append(f" {code} ", BALLOT_STYLE[BALLOTS[code]])
            text.append(" ")
        text.append("\n\n")
        if v.checked_in is not None:
            first = v.checked_in
            text.append(
                " "
                + t(
                    "desk.card.voted",
                    at=local_time(rec.station, first.at),
                    officer=first.officer_name,
                    desk=first.desk,
                )
                + " ",
                "bold white on dark_red",
            )
        elif v.status != VoterStatus.ELIGIBLE:
            text.append(
                f" {t('desk.card.status_' + v.status)}: {v.status_reason} ",
                "bold white on dark_red",
            )
        else:
            text.append(f" {t('desk.card.ready')} ", "bold black on green3")
        return text

    def action_confirm(self) -> None:
        if self.details is not None:
            self.dismiss("check_in")

    def action_dismiss_card(self) -> None:
        self.dismiss(None)

    def action_chair(self, action: str) -> None:
        from tps_console.desk.dialogs import ChairActionScreen

        if self.details is None:
            return
        if action == "undo" and self.details.checked_in is None:
            self.notify(t("undo.not_checked_in"), severity="warning")
            return

        def done(message: str | None) -> None:
            if message:
                self.dismiss(message)

        self.app.push_screen(ChairActionScreen(action, self.details), done)
