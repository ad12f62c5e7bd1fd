"""Steps 4 and 5: the chair (who signs in first and approves the rest), then the other members
of the KPPS who will use the desk. The PIN rule is said before a PIN is typed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import Input, Label, Static

from tps_console.domain.day.setup import NewOfficer, check_officers
from tps_console.domain.errors import TpsError
from tps_console.i18n import t
from tps_console.start.step import Step


def _officer_form(prefix: str) -> ComposeResult:
    with Grid(classes="form"):
        yield Label(t("start.officer.id"))
        yield Input(id=f"{prefix}-id", placeholder=t("start.officer.id_hint"))
        yield Label(t("start.officer.name"))
        yield Input(id=f"{prefix}-name")
        yield Label(t("start.officer.pin"))
        yield Input(id=f"{prefix}-pin", password=True)
        yield Label(t("start.officer.pin_again"))
        yield Input(id=f"{prefix}-pin2", password=True)


class OfficerForm:
    """The four fields of an officer, read and checked the way the station will be made."""

    prefix = ""

    def _field(self, name: str) -> Input:
        return self.query_one(f"#{self.prefix}-{name}", Input)  # type: ignore[attr-defined]

    def read_officer(self, known: list[NewOfficer]) -> NewOfficer | str:
        """The officer typed in, or what is wrong with it."""
        pin, again = self._field("pin").value, self._field("pin2").value
        typed = NewOfficer(self._field("id").value, self._field("name").value, pin)
        try:
            chair, *others = known or [typed]
            checked = check_officers(chair, [*others, typed] if known else [])
        except TpsError as exc:
            return t(exc.key, **exc.params)
        if pin != again:
            return t("start.officer.pins_differ")
        return checked[-1]

    def clear_form(self) -> None:
        for name in ("id", "name", "pin", "pin2"):
            self._field(name).value = ""
        self._field("id").focus()


class ChairStep(OfficerForm, Step[NewOfficer]):
    name_key = "chair"
    prefix = "chair"

    def __init__(self, *, drill: bool, previous: NewOfficer | None) -> None:
        super().__init__(drill=drill)
        self.previous = previous

    def body(self) -> ComposeResult:
        yield Static(t("start.chair.intro"), classes="hint")
        yield Static(t("start.officer.pin_rule"), classes="rule")
        yield from _officer_form(self.prefix)

    def on_mount(self) -> None:
        if self.previous is not None:
            self._field("id").value = self.previous.id
            self._field("name").value = self.previous.name
        self._field("id").focus()

    def action_next(self) -> None:
        chair = self.read_officer([])
        if isinstance(chair, str):
            self.say_error(chair)
            return
        self.done(chair)


class MembersStep(OfficerForm, Step[tuple[NewOfficer, ...]]):
    BINDINGS = [Binding("ctrl+d", "remove_last", "start.key.remove_last", priority=True)]
    name_key = "members"
    prefix = "member"

    def __init__(self, chair: NewOfficer, members: tuple[NewOfficer, ...], *, drill: bool) -> None:
        super().__init__(drill=drill)
        self.chair = chair
        self.members = list(members)

    def body(self) -> ComposeResult:
        yield Static(t("start.members.intro"), classes="hint")
        yield Static("", id="members-list", classes="collected")
        yield Static(t("start.officer.pin_rule"), classes="rule")
        yield from _officer_form(self.prefix)

    def on_mount(self) -> None:
        self._show()
        self._field("id").focus()

    def _show(self) -> None:
        lines = [t("start.members.chair_line", id=self.chair.id, name=self.chair.name)]
        lines += [t("start.members.line", id=m.id, name=m.name) for m in self.members]
        self.query_one("#members-list", Static).update("\n".join(lines))

    def _typed_any(self) -> bool:
        return any(self._field(n).value for n in ("id", "name", "pin", "pin2"))

    def entered(self, field: Input) -> bool:
        if field is self._field("pin2"):
            self._add()
            return True
        return False

    def _add(self) -> bool:
        member = self.read_officer([self.chair, *self.members])
        if isinstance(member, str):
            self.say_error(member)
            return False
        self.members.append(member)
        self._show()
        self.clear_form()
        self.say_error("")
        return True

    def action_remove_last(self) -> None:
        if self.members:
            self.members.pop()
            self._show()

    def action_next(self) -> None:
        # What is typed in the form but not added yet is added first, not lost.
        if self._typed_any() and not self._add():
            return
        self.done(tuple(self.members))
