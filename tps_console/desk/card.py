"""The voter card: who stands at the desk, what they receive, and whether they may vote.

Enter confirms the check-in (the second keystroke after the identifier), but only when nothing
was typed since the card opened: the next voter's slip scanned onto an open card is that voter,
never a confirmation of this one. Chair actions are here too; each asks for a chair's PIN at
that moment. The card follows the record: a check-in or undo at another desk shows at once.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tps_console.desk.dialogs import ChairForm, Field, Values
from tps_console.desk.footer import DeskFooter
from tps_console.desk.inputs import KeepsTyping
from tps_console.desk.state import watch_desk
from tps_console.desk.strip import DrillBanner
from tps_console.domain.day.checkin import set_voter_status, undo_check_in
from tps_console.domain.day.hours import PollState, poll_state
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.errors import TpsError
from tps_console.domain.record.station import Record, StationInfo
from tps_console.domain.record.timefmt import local_time
from tps_console.domain.views.voters import VoterDetails, voter_details
from tps_console.domain.vocab import BALLOTS, VoterStatus
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.tui.small_window import SaysTooSmall

CARD_WIDTH = 72  # the card's text, inside its border and padding (desk.tcss), until laid out
# Ballot colours as printed (DOMAIN.md), as terminal styles readable at a glance.
BALLOT_STYLE = {
    "grey": "bold #000000 on #b0b0b0",
    "yellow": "bold #000000 on #ffd600",
    "red": "bold #ffffff on #d32f2f",
    "blue": "bold #ffffff on #1e63c8",
    "green": "bold #ffffff on #2e7d32",
}


@dataclass(frozen=True)
class CheckInRequest:
    """The officer confirmed; if ballots are short, the chair who approved handing out the rest."""

    short_approved_by: OfficerInfo | None = None


@dataclass(frozen=True)
class Typed:
    """Something was typed or scanned onto the card, then Enter: another voter to look up. Nothing
    is recorded for the voter whose card it was."""

    text: str


# What the card closes with: a check-in to make, another voter to find, a chair decision already
# made (what to say), or nothing (back to the search).
CardOutcome = CheckInRequest | Typed | str | None


class VoterCardScreen(SaysTooSmall, KeepsTyping, TranslatedBindings, ModalScreen[CardOutcome]):
    # The card's one-letter keys act only as the first key, before anything else was typed.
    first_key_actions = frozenset("ugrtp")
    BINDINGS = [
        # Shown in the footer; Enter itself is taken in order with the typing (KeepsTyping).
        Binding("enter", "confirm", "desk.key.confirm"),
        Binding("escape", "dismiss_card", "desk.key.back"),
        Binding("u", "undo", "desk.key.undo"),
        Binding("g", "replace", "desk.key.replace"),
        Binding("r", "mark('released')", "desk.key.released"),
        Binding("t", "mark('transferred')", "desk.key.transferred"),
        Binding("p", "mark('eligible')", "desk.key.reinstate"),
    ]

    def __init__(
        self, rec: Record, voter_id: int, officer: OfficerInfo, details: VoterDetails | None = None
    ) -> None:
        """`details`: the card as read just before it opens, drawn in its first frame (a scan
        then waits for one frame, not for an empty card and a second one); None: read here."""
        super().__init__()
        self.rec = rec
        self.voter_id = voter_id
        self.officer = officer
        self.details = details
        self.polls: PollState | None = None  # the polls' state the card was last read in
        # The status as it is when the card opens is what a card read just before says already.
        self._read_now = details is None

    def compose(self) -> ComposeResult:
        if self.rec.drill:
            yield DrillBanner()
        details = self.details
        with Vertical(id="card", classes=" ".join(_card_classes(details))):
            if details is None:
                yield Static(t("desk.working"), id="card-body")
            else:
                yield Static(card_text(self.rec.station, details, CARD_WIDTH), id="card-body")
            yield Static("", id="card-typed")
        yield DeskFooter()

    def on_mount(self) -> None:
        # Every commit moves the status: read the card again, so that it says what the record
        # says now (a check-in or an undo at another desk), not what it said when it opened.
        watch_desk(self, "status", self._record_changed)
        self.polls = poll_state(self.rec.station, self.rec.now())
        self.set_interval(1, self._clock_moved)

    def _record_changed(self, _: object) -> None:
        if self._read_now:
            self.load()
        self._read_now = True

    def entered(self, typed: str) -> bool:
        if typed:
            self.dismiss(Typed(typed))
            return True
        return self.action_confirm()

    def typed_changed(self) -> None:
        typed = self.query_one("#card-typed", Static)
        typed.set_class(bool(self.typed), "-typing")
        typed.update(t("desk.card.typed", text=self.typed[-40:]) if self.typed else "")

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            details = voter_details(self.rec, self.voter_id)
        except TpsError as exc:  # the server unreachable: said on the card, which stays empty
            self.app.call_from_thread(self._unavailable, t(exc.key, **exc.params))
            return
        self.app.call_from_thread(self._show, details)

    def _unavailable(self, message: str) -> None:
        self.query_one("#card-body", Static).update(Text(message, style="bold red"))

    def _show(self, details: VoterDetails) -> None:
        self.details = details
        card = self.query_one("#card", Vertical)
        for name in ("voted", "ineligible"):
            card.set_class(name in _card_classes(details), name)
        body = self.query_one("#card-body", Static)
        body.update(card_text(self.rec.station, details, body.content_size.width or CARD_WIDTH))

    def _clock_moved(self) -> None:
        # The hour alone can turn "may vote" into a refusal (13:00 for who is not in the queue,
        # 12:00 for a DPK voter the other way round): read the card again when the polls move.
        polls = poll_state(self.rec.station, self.rec.now())
        if polls != self.polls:
            self.polls = polls
            self.load()

    def action_confirm(self) -> bool:
        """True when the card closes to check the voter in; False while it stays open (still
        loading, or a chair must first decide on ballots that ran out)."""
        v = self.details
        if v is None:
            return False
        if v.refusal is not None or v.plan is None or v.plan.complete:
            # A refusal the card shows is still the check-in's to make: it is recorded there.
            self.dismiss(CheckInRequest())
            return True

        def approving(chair: OfficerInfo, _: Values) -> OfficerInfo:
            return chair

        def decided(chair: OfficerInfo | None) -> None:
            if chair is not None:
                self.dismiss(CheckInRequest(short_approved_by=chair))

        title = t("desk.chair.short", ballots=", ".join(v.plan.short), name=v.name)
        self.app.push_screen(ChairForm(self.rec, self.officer, title, approving), decided)
        return False

    def action_dismiss_card(self) -> None:
        self.dismiss(None)

    def _chair(
        self, title: str, task: Callable[[OfficerInfo, Values], str], *fields: Field
    ) -> None:
        """A chair's decision on this voter; the card closes with what to say about it."""

        def done(message: str | None) -> None:
            if message:
                self.dismiss(message)

        self.app.push_screen(ChairForm(self.rec, self.officer, title, task, fields), done)

    def action_undo(self) -> None:
        v = self.details
        if v is None:
            return
        if v.checked_in is None:
            self.notify(t("undo.not_checked_in"), severity="warning")
            return

        def undo(chair: OfficerInfo, values: Values) -> str:
            # The check-in this card shows, not whichever is active by the time the chair signs.
            shown = v.checked_in.checkin_id if v.checked_in else None
            undo_check_in(self.rec, chair, values["reason"][0], voter_id=v.id, checkin_id=shown)
            return t("desk.chair.undo_done", name=v.name, no=v.no)

        self._chair(t("desk.chair.undo", name=v.name, no=v.no), undo, REASON)

    def action_replace(self) -> None:
        v = self.details
        if v is None:
            return
        if v.checked_in is None:
            self.notify(t("replace.not_checked_in"), severity="warning")
            return

        def replace(chair: OfficerInfo, values: Values) -> str:
            done = replace_ballot(
                self.rec,
                chair,
                values["ballot"][0],
                values["reason"][0],
                voter_id=v.id,
            )
            return t("desk.chair.replace_done", ballot=done.ballot, source=done.source, name=v.name)

        ballot = Field("ballot", "desk.chair.ballot", errors=("replace.", "ballots."))
        self._chair(t("desk.chair.replace", name=v.name, no=v.no), replace, ballot, REASON)

    def action_mark(self, status: str) -> None:
        """Released, transferred, or eligible again: a mark made by mistake is reversed."""
        v = self.details
        if v is None:
            return
        if status == VoterStatus.ELIGIBLE and v.eligible:
            self.notify(t("status.not_marked", name=v.name), severity="warning")
            return

        def mark(chair: OfficerInfo, values: Values) -> str:
            set_voter_status(self.rec, chair, v.id, status, values["reason"][0])
            return t(f"desk.chair.{status}_done", name=v.name, no=v.no)

        self._chair(t(f"desk.chair.{status}", name=v.name, no=v.no), mark, REASON)


def _card_classes(details: VoterDetails | None) -> tuple[str, ...]:
    """The card's border: red for a voter who voted or may not vote."""
    if details is None:
        return ()
    return tuple(
        name
        for name, said in (("voted", details.checked_in), ("ineligible", details.refusal))
        if said is not None
    )


def card_text(station: StationInfo, v: VoterDetails, width: int) -> Text:
    """The voter card's text, `width` cells wide: on the card, and beside the results on a wide
    screen."""
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
    drawn: list[tuple[str, str]] = []  # (ballot, source) as handed over, or as it will be
    if v.checked_in is not None:
        for handed in v.checked_in.handed:
            ballot_chip(text, handed.ballot, handed.source, station.tps)
            drawn.append((handed.ballot, handed.source))
            if handed.spoiled:
                text.append(t("desk.card.spoiled") + " ", "bold red")
    elif v.plan is not None:
        for draw in v.plan.draws:
            ballot_chip(text, draw.ballot, draw.source, station.tps)
            drawn.append((draw.ballot, draw.source))
        for code in v.plan.short:
            text.append(f" {code} {t('desk.card.out')} ", "bold white on dark_red")
            text.append(" ")
    text.append("\n")
    lent: dict[str, list[str]] = {}
    for ballot, source in drawn:
        if source != station.tps:
            lent.setdefault(source, []).append(ballot)
    for source, ballots in lent.items():
        # Its votes are counted at the lending TPS: the officer hands over that TPS's ballots.
        said = t("desk.card.lent", source=source, ballots=", ".join(ballots))
        text.append(f"{said}\n", "italic")
    text.append("\n")
    if v.checked_in is not None:
        first = v.checked_in
        said = t(
            "desk.card.voted",
            at=local_time(station, first.at),
            officer=first.officer_name,
            desk=first.desk,
        )
        verdict(text, said, "bold white on dark_red", width)
    elif v.refusal is not None:
        # What Enter would be refused for, said before it is pressed.
        verdict(text, t(v.refusal.key, **v.refusal.params), "bold white on dark_red", width)
    else:
        verdict(text, t("desk.card.ready"), "bold black on green3", width)
    return text


def verdict(text: Text, said: str, style: str, width: int) -> None:
    """What the card says of the voter, as one coloured block: a long refusal (13:00, a release
    with its reason) wraps inside it, each line with the same margin, never out of its colour."""
    lines = textwrap.wrap(said, max(width - 2, 10)) or [""]
    longest = max(map(len, lines))
    text.append("\n".join(f" {line:<{longest}} " for line in lines), style)


REASON = Field("reason", "desk.chair.reason", errors=("reason.",))


def ballot_chip(text: Text, ballot: str, source: str, own: str) -> None:
    """A ballot in its printed colour; a lender's name beside it (its votes are counted there)."""
    text.append(f" {ballot} ", BALLOT_STYLE[BALLOTS[ballot]])
    if source != own:
        text.append(f"←{source}", "italic")
    text.append(" ")
