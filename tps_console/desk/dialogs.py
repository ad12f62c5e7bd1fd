"""Modal dialogs of the desk: the loud refusal banner, the chair's decisions, and the idle lock."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tps_console.desk.footer import DeskFooter
from tps_console.desk.inputs import FormInput, KeepsTyping
from tps_console.desk.strip import DrillBanner
from tps_console.domain.errors import TpsError
from tps_console.domain.record.station import Record
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.machine.error_notes import as_fault
from tps_console.tui.small_window import SaysTooSmall

if TYPE_CHECKING:
    from tps_console.domain.day.officers import OfficerInfo


class RefusalScreen(SaysTooSmall, KeepsTyping, TranslatedBindings, ModalScreen[str | None]):
    """A refusal nobody can miss: full width, red, acknowledged with Enter. A voter scanned
    onto it is acknowledged and looked up: the banner closes with what was typed."""

    BINDINGS = [
        # Shown in the footer; Enter itself is taken in order with the typing (KeepsTyping).
        Binding("enter", "acknowledge", "desk.key.acknowledge"),
        Binding("escape", "acknowledge", show=False),
    ]

    def __init__(self, message: str, *, duplicate: bool, logged: bool, drill: bool) -> None:
        super().__init__()
        self.message = message
        self.duplicate = duplicate
        self.logged = logged  # the attempt is in the record: only then is it said to be
        self.drill = drill
        hint = "desk.refused.acknowledge_logged" if logged else "desk.refused.acknowledge"
        self.hint = t(hint)

    def compose(self) -> ComposeResult:
        if self.drill:
            yield DrillBanner()
        with Vertical(id="refusal", classes="duplicate" if self.duplicate else ""):
            title = "desk.refused.duplicate_title" if self.duplicate else "desk.refused.title"
            yield Static(t(title), id="refusal-title")
            yield Static(self.message, id="refusal-message")
            yield Static(self.hint, id="refusal-hint")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.app.bell()

    def on_resize(self, _: events.Resize) -> None:
        # Centred lines read best when they are about as long as each other: not a full line
        # and then a word alone ("tidak boleh memilih" under the 13:00 refusal at 80 columns).
        for name, text in (("#refusal-message", self.message), ("#refusal-hint", self.hint)):
            said = self.query_one(name, Static)
            width = said.content_size.width
            if width:
                said.update("\n".join(balanced(part, width) for part in text.split("\n")))

    def entered(self, typed: str) -> bool:
        self.dismiss(typed or None)
        return True

    def action_acknowledge(self) -> None:
        self.dismiss(None)


def balanced(text: str, width: int) -> str:
    """`text` on as few lines as `width` allows, the lines as even as they can be."""
    lines = len(textwrap.wrap(text, width)) or 1
    narrowest = max(1, len(text) // lines)
    while len(textwrap.wrap(text, narrowest)) > lines:
        narrowest += 1
    return "\n".join(textwrap.wrap(text, narrowest))


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # catalogue key
    password: bool = False
    optional: bool = False
    many: bool = False  # each Enter adds a value (a queue being scanned); an empty Enter goes on
    # The errors this field's value causes (how their catalogue keys begin), said under the
    # field instead of at the foot of the form.
    errors: tuple[str, ...] = ()

    def caused(self, key: str) -> bool:
        return key.startswith(self.errors)


# The sign-in's errors, beside the officer's ID or the PIN (any other "auth." one: wrong, locked).
OFFICER_ERRORS = ("auth.unknown_officer", "auth.chair_only")
PIN_ERRORS = ("auth.",)


def field_of(fields: Sequence[Field], key: str) -> Field | None:
    """The field an error is about, if it is about one."""
    return next((f for f in fields if f.caused(key)), None)


# What a chair's decision gives back: what to say, the new DPK voter, the approving chair...
Result = TypeVar("Result")
# The form's values by field name (a field that takes many values has them all).
Values = dict[str, list[str]]


class ChairForm(SaysTooSmall, TranslatedBindings, ModalScreen[Result | None]):
    """A decision the chair takes at that moment: chair ID and PIN, then the form's own fields.

    `task` runs in a worker thread with the authenticated chair and the form's values; what it
    returns is the form's result (None if cancelled). Wrong PINs count toward the chair's
    lock-out like anywhere else. `notice`: what would refuse the form now (outside its hours),
    said under the title from the moment it opens, and looked at again every second.
    `chair_only=False`: a decision any officer may take (a line of C.Kejadian Khusus)."""

    BINDINGS = [Binding("escape", "cancel", "desk.key.cancel")]

    def __init__(
        self,
        rec: Record,
        officer: OfficerInfo,
        title: str,
        task: Callable[[OfficerInfo, Values], Result],
        fields: Sequence[Field] = (),
        notice: Callable[[], TpsError | None] | None = None,
        *,
        chair_only: bool = True,
    ) -> None:
        super().__init__()
        self.rec = rec
        self.officer = officer  # signed in at the desk, not necessarily the deciding chair
        self.title_text = title
        self.chair_task = task
        self.notice = notice
        self.chair_only = chair_only
        self.form_fields = (
            Field(
                "chair_id",
                "desk.chair.officer" if chair_only else "desk.incident.officer",
                errors=OFFICER_ERRORS,
            ),
            Field("pin", "desk.signin.pin", password=True, errors=PIN_ERRORS),
            *fields,
        )
        self.values: Values = {f.name: [] for f in self.form_fields}
        self.submitting = False

    def compose(self) -> ComposeResult:
        # A chair at the desk is most likely the one deciding: their ID is filled in.
        chair_id = self.officer.id if self.officer.is_chair or not self.chair_only else ""
        if self.rec.drill:
            yield DrillBanner()
        with Vertical(id="chair-box"):
            yield Static(self.title_text, classes="title")
            yield Static("", id="chair-notice", classes="error")
            for field in self.form_fields:
                yield Label(t(field.label))
                start = chair_id if field.name == "chair_id" else ""
                yield FormInput(
                    value=start,
                    id=f"field-{field.name}",
                    password=field.password,
                    on_enter=self._next,
                )
                if field.many:
                    yield Static("", id=f"list-{field.name}", classes="collected")
                yield Static("", id=f"error-{field.name}", classes="error field-error")
            yield Static("", id="chair-error", classes="error")
        yield DeskFooter()

    def on_mount(self) -> None:
        first_empty = next(i for i in self.query(Input) if not i.value)
        first_empty.focus()
        if self.notice is not None:
            self._say_notice()
            self.set_interval(1, self._say_notice)

    def _say_notice(self) -> None:
        refusal = self.notice() if self.notice is not None else None
        said = self.query_one("#chair-notice", Static)
        said.display = refusal is not None
        if refusal is not None:
            said.update(t(refusal.key, **refusal.params))

    def _next(self, box: Input) -> None:
        """Enter moves on to the next field; on the last one it submits the form."""
        if self.submitting:
            return
        boxes = [self.query_one(f"#field-{f.name}", Input) for f in self.form_fields]
        here = boxes.index(box)
        field = self.form_fields[here]
        if field.many and box.value.strip():
            self.values[field.name].append(box.value.strip())
            box.value = ""
            self.query_one(f"#list-{field.name}", Static).update(", ".join(self.values[field.name]))
            return
        for f, box in zip(self.form_fields, boxes, strict=True):
            if not f.many:
                self.values[f.name] = [box.value.strip()] if box.value.strip() else []
        missing = [
            b
            for f, b in zip(self.form_fields, boxes, strict=True)
            if not f.optional and not self.values[f.name]
        ]
        if missing:
            self.set_focus(missing[0])
        elif here + 1 < len(boxes):
            self.set_focus(boxes[here + 1])
        else:
            self.submitting = True
            for shown in self.query(".field-error"):
                shown.remove_class("-shown")
            self.query_one("#chair-error", Static).update(t("desk.working"))
            self.perform()

    @work(thread=True, exclusive=True)
    def perform(self) -> None:
        # The officers' rules (and the record's) load with the first sign-in, not before the
        # desk's first frame, which shows this module's lock screen and banners later.
        from tps_console.domain.day.officers import authenticate, require_chair

        values = {name: list(v) for name, v in self.values.items()}
        try:
            chair = authenticate(self.rec, values["chair_id"][0], values["pin"][0])
            if self.chair_only:
                require_chair(chair)
            done = self.chair_task(chair, values)
        except TpsError as exc:
            self.app.call_from_thread(self._refused, exc.key, t(exc.key, **exc.params))
        except Exception as exc:
            # Said where the chair is looking, with the form kept to try again or cancel.
            fault = as_fault(exc, self.rec.url or self.rec.path)
            self.app.call_from_thread(self._refused, fault.key, t(fault.key, **fault.params))
        else:
            self.app.call_from_thread(self.dismiss, done)

    def _refused(self, key: str, message: str) -> None:
        """The refusal under the field it is about (the PIN, a NIK), else at the foot."""
        self.submitting = False
        field = field_of(self.form_fields, key)
        self.query_one("#chair-error", Static).update("" if field else message)
        pin = self.query_one("#field-pin", Input)
        pin.value = ""  # whatever was refused, a PIN is never left typed in
        if field is None:
            pin.focus()
            return
        said = self.query_one(f"#error-{field.name}", Static)
        said.update(message)
        said.add_class("-shown")
        self.query_one(f"#field-{field.name}", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class LockScreen(SaysTooSmall, TranslatedBindings, ModalScreen[None]):
    """The desk locked itself after idling: the same officer's PIN resumes."""

    BINDINGS = [Binding("f10", "app.sign_out", "desk.key.sign_out")]

    def __init__(self, rec: Record, officer: OfficerInfo) -> None:
        super().__init__()
        self.rec = rec
        self.officer = officer

    def compose(self) -> ComposeResult:
        if self.rec.drill:
            yield DrillBanner()
        with Vertical(id="lock-box"):
            yield Static(t("desk.lock.title"), classes="title")
            yield Label(t("desk.lock.prompt", name=self.officer.name, id=self.officer.id))
            yield FormInput(
                id="lock-pin", password=True, on_enter=lambda box: self.unlock(box.value)
            )
            yield Static("", id="lock-error", classes="error")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.query_one("#lock-pin", Input).focus()

    @work(thread=True, exclusive=True)
    def unlock(self, pin: str) -> None:
        from tps_console.domain.day.officers import authenticate

        try:
            authenticate(self.rec, self.officer.id, pin, record_success=True)
        except TpsError as exc:
            self.app.call_from_thread(self._refused, t(exc.key, **exc.params))
        else:
            self.app.call_from_thread(self.dismiss, None)

    def _refused(self, message: str) -> None:
        self.query_one("#lock-error", Static).update(message)
        self.query_one("#lock-pin", Input).value = ""
