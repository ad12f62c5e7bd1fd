"""Step 7: everything entered, once more, before the station is made. Confirming makes it in one
go (the roll, the settings, the officers, the ballots) or not at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from tps_console.domain.day.passphrase import check_passphrase
from tps_console.domain.errors import TpsError
from tps_console.domain.record.events import PLACE_FIELDS
from tps_console.domain.record.station import TIMEZONES
from tps_console.domain.views.roll_preview import preview_roll
from tps_console.domain.vocab import Category
from tps_console.i18n import t
from tps_console.i18n.dates import long_date
from tps_console.start.draft import Draft
from tps_console.start.step import Step

_ZONE_CODES = {zone: code for code, zone in TIMEZONES.items()}


def summary_lines(draft: Draft, target: Path) -> list[str]:
    assert draft.roll is not None and draft.chair is not None
    roll, hours, place = draft.roll, draft.hours, draft.place
    preview = preview_roll(roll.parsed)
    lists = ", ".join(f"{c.value} {sum(preview.by_list[c].values())}" for c in Category)
    lines = [
        t("start.summary.roll", path=str(roll.path), count=preview.total, lists=lists),
        t("start.summary.tps", tps=draft.tps, date=long_date(roll.polling_date)),
        t(
            "start.summary.hours",
            opens=f"{hours.opens:%H:%M}",
            closes=f"{hours.closes:%H:%M}",
            zone=_ZONE_CODES.get(hours.timezone, hours.timezone),
            dpk=f"{hours.dpk_from:%H:%M}",
        ),
        t("start.summary.place", rutan=place.rutan),
        "  "
        + ", ".join(
            t(f"start.summary.{name}", value=getattr(place, name)) for name in PLACE_FIELDS[1:]
        ),
        t("start.summary.chair", id=draft.chair.id, name=draft.chair.name),
    ]
    if draft.members:
        members = ", ".join(f"{m.id} ({m.name})" for m in draft.members)
        lines.append(t("start.summary.members", count=len(draft.members), members=members))
    else:
        lines.append(t("start.summary.no_members"))
    if draft.stock:
        for stock in draft.stock:
            counts = "  ".join(f"{b} {n}" for b, n in stock.counts.items())
            lines.append(t("start.summary.stock", source=stock.lender or draft.tps, counts=counts))
    else:
        lines.append(t("start.summary.no_stock"))
    if roll.parsed.warnings:
        lines.append(t("start.summary.warnings", count=len(roll.parsed.warnings)))
    lines.append(t("start.summary.file", path=str(target)))
    return lines


class SummaryStep(Step[bool]):
    BINDINGS = [Binding("enter", "create", "start.key.create", priority=True)]
    name_key = "summary"

    def __init__(self, draft: Draft, target: Path, create: Callable[[str], object]) -> None:
        super().__init__(drill=draft.drill)
        self.draft = draft
        self.target = target
        self.create = create
        self.creating = False

    def body(self) -> ComposeResult:
        yield Static("\n".join(summary_lines(self.draft, self.target)), id="summary")
        yield Static(t("start.summary.passphrase"))
        yield Input(self.draft.passphrase, id="passphrase")
        yield Static(t("start.summary.confirm"), classes="rule")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return False  # Enter makes the station: one key, named for what it does
        if action in ("create", "back", "cancel") and self.creating:
            return None
        return True

    def action_next(self) -> None:
        self.action_create()

    def action_create(self) -> None:
        if self.creating:
            return
        try:
            passphrase = check_passphrase(self.query_one("#passphrase", Input).value)
        except TpsError as exc:
            self.say_error(t(exc.key, **exc.params))
            return
        self.creating = True
        self.refresh_bindings()
        self.say_error(t("start.summary.creating"))
        self._create(passphrase)

    @work(thread=True, exclusive=True)
    def _create(self, passphrase: str) -> None:
        try:
            self.create(passphrase)
        except TpsError as exc:
            self.app.call_from_thread(self._failed, t(exc.key, **exc.params))
            return
        self.app.call_from_thread(self.done, True)

    def _failed(self, message: str) -> None:
        self.creating = False
        self.refresh_bindings()
        self.say_error(t("start.summary.failed", problem=message))
