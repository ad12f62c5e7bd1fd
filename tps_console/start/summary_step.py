"""Step 7: everything entered, once more, before the station is made. Confirming makes it in one
go (the roll, the settings, the officers, the ballots) or not at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tps_console.domain.day.passphrase import check_passphrase
from tps_console.domain.errors import TpsError
from tps_console.domain.record.station import PLACE_FIELDS, TIMEZONES
from tps_console.domain.store.faults import explain
from tps_console.domain.store.server import is_server, server_url, shown
from tps_console.domain.store.site import OnOtherRolls
from tps_console.domain.views.roll_preview import preview_roll
from tps_console.domain.vocab import Category
from tps_console.i18n import t
from tps_console.i18n.dates import long_date
from tps_console.start.draft import Draft
from tps_console.start.other_rolls import OtherRollsScreen
from tps_console.start.step import Step

_ZONE_CODES = {zone: code for code, zone in TIMEZONES.items()}


def summary_lines(draft: Draft) -> list[str]:
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
    return lines


class SummaryStep(Step[bool]):
    """Where the station is kept, then made there. `file_in(folder)`: the station's file in
    that folder (a new name); `create(target, passphrase, different_people)` makes the station
    at a file or a server's database and returns where it was made (on a site's server, its URL
    with `?tps=`). The folder is offered (the data folder's `stations/`), and may be typed over:
    a USB stick, a folder not made yet, or a server's `postgresql://` address for a TPS on a
    server, typed or picked from the servers opened on this computer (`servers`)."""

    BINDINGS = [Binding("enter", "create", "start.key.create", priority=True)]
    name_key = "summary"

    def __init__(
        self,
        draft: Draft,
        folder: Path,
        file_in: Callable[[Path], Path],
        create: Callable[[Path | str, str, frozenset[int]], Path | str],
        servers: Sequence[str] = (),
    ) -> None:
        super().__init__(drill=draft.drill)
        self.draft = draft
        self.folder = folder
        self.file_in = file_in
        self.create = create
        self.servers = list(servers)
        self.target: Path | str = file_in(folder)
        self.creating = False

    def body(self) -> ComposeResult:
        yield Static("\n".join(summary_lines(self.draft)), id="summary")
        yield Static(t("start.summary.folder"))
        yield Input(str(self.folder), id="folder")
        if self.servers:
            yield Static(t("start.summary.servers"), classes="hint")
            yield OptionList(*(Option(Text(shown(url))) for url in self.servers), id="servers")
        yield Static(self._where_line(), id="station-file")
        yield Static(t("start.summary.passphrase"))
        yield Input(self.draft.passphrase, id="passphrase")
        yield Static(t("start.summary.confirm"), classes="rule")

    def on_mount(self) -> None:
        # Typing goes into a field at once (over the folder offered), never into the page.
        self.query_one("#folder", Input).focus()

    def _typed(self) -> str:
        return self.query_one("#folder", Input).value.strip().strip('"')

    def _chosen_folder(self) -> Path:
        typed = self._typed()
        return Path(typed).expanduser() if typed else self.folder

    def _where(self) -> Path | str:
        """The station's file in the folder typed, or the server's address typed."""
        typed = self._typed()
        return typed if is_server(typed) else self.file_in(self._chosen_folder())

    def _where_line(self) -> str:
        if is_server(self.target):
            return t("start.summary.server", url=shown(self.target), tps=self.draft.tps)
        return t("start.summary.file", path=str(self.target))

    def changed(self, field: Input) -> None:
        if field.id == "folder":
            self.target = self._where()
            self.query_one("#station-file", Static).update(self._where_line())

    @on(OptionList.OptionSelected, "#servers")
    def _server_picked(self, event: OptionList.OptionSelected) -> None:
        self._take_server(event.option_index)

    def _take_server(self, index: int) -> None:
        """A server from the list goes into the address line, where Enter makes the TPS."""
        field = self.query_one("#folder", Input)
        field.value = self.servers[index]
        field.focus()

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
        servers = self.focused
        if isinstance(servers, OptionList):  # Enter in the servers' list takes the one highlighted
            if servers.highlighted is not None:
                self._take_server(servers.highlighted)
            return
        typed = self._typed()
        if is_server(typed):
            try:
                server_url(typed)
            except Exception:  # a port that is not a number, a stray character
                self.say_error(t("start.summary.bad_address", url=shown(typed)))
                return
        folder = self._chosen_folder()
        if not is_server(typed) and folder.exists() and not folder.is_dir():
            self.say_error(t("start.summary.not_a_folder", path=str(folder)))
            return
        try:
            passphrase = check_passphrase(self.query_one("#passphrase", Input).value)
        except TpsError as exc:
            self.say_error(t(exc.key, **exc.params))
            return
        # A new name at the last moment: another station may have been made there meanwhile.
        self._make(self._where(), passphrase, frozenset())

    def _make(self, target: Path | str, passphrase: str, different_people: frozenset[int]) -> None:
        self.creating = True
        self.refresh_bindings()
        self.say_error(t("start.summary.creating"))
        self._create(target, passphrase, different_people)

    @work(thread=True, exclusive=True)
    def _create(
        self, target: Path | str, passphrase: str, different_people: frozenset[int]
    ) -> None:
        try:
            made = self.create(target, passphrase, different_people)
        except OnOtherRolls as exc:
            self.app.call_from_thread(self._on_other_rolls, exc, target, passphrase)
            return
        except TpsError as exc:
            self.app.call_from_thread(self._failed, t(exc.key, **exc.params))
            return
        except Exception as exc:  # a server's or a disk's fault: said, and the chair may retry
            fault = explain(exc, target)
            said = t(fault.key, **fault.params) if fault else str(getattr(exc, "orig", exc))
            self.app.call_from_thread(self._failed, said)
            return
        self.app.call_from_thread(self._made, made)

    def _made(self, target: Path | str) -> None:
        self.target = target
        self.done(True)

    def _on_other_rolls(self, exc: OnOtherRolls, target: Path | str, passphrase: str) -> None:
        """Nothing was made: the chair confirms each voter is another person, and the TPS is
        made again with them; or goes back, and nothing is."""

        def confirmed(people: frozenset[int] | None) -> None:
            if people is None:
                self._failed(t("start.other_rolls.not_made", count=exc.params["count"]))
            else:
                self._make(target, passphrase, people)

        self.app.push_screen(OtherRollsScreen(exc.found), confirmed)

    def _failed(self, message: str) -> None:
        self.creating = False
        self.refresh_bindings()
        self.say_error(t("start.summary.failed", problem=message))
