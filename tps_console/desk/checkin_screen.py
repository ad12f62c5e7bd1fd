"""The desk's main screen: find the next voter, open the card, confirm. Search box always ready.

A barcode scanner types a full NIK or register number and Enter; that opens the card at once.
Typing a name shows matches as you type; arrows move in the list and Enter opens the card.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tps_console.desk.card import CardOutcome, CheckInRequest, Typed, VoterCardScreen, card_text
from tps_console.desk.day_actions import (
    FORMS,
    ChairMenu,
    backup_form,
    close_form,
    dpk_form,
    queue_form,
)
from tps_console.desk.dialogs import ChairForm, RefusalScreen
from tps_console.desk.footer import DeskFooter
from tps_console.desk.inputs import FormInput
from tps_console.desk.state import BackupState, watch_desk
from tps_console.desk.strip import StatusStrip
from tps_console.domain.day.checkin import CheckInDone, check_in, resolve
from tps_console.domain.day.dpk import DpkAdded
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import AlreadyVoted, TpsError, echoed
from tps_console.domain.record.station import Record
from tps_console.domain.record.timefmt import local_time
from tps_console.domain.views.search import Elsewhere, Hit, SearchIndex
from tps_console.domain.views.voters import VoterDetails, voter_details
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.tui.small_window import SaysTooSmall

RESULT_LIMIT = 50
WIDE = 130  # columns from which the highlighted voter's card shows beside the list
PREVIEW_WIDTH = 66  # that card's text, inside its border and padding (desk.tcss)
# The keys a narrow footer leaves out first, until the rest fit (see footer.py): the chair's
# once-a-day keys. The chair's menu (F3, always in view) names them, and the strip's notices
# name F4, F5 and F6 when their hour comes and F7 while no backup folder is set.
ONCE_A_DAY = ("dpk", "queue", "close_polls", "backup_folder")


class CheckInScreen(SaysTooSmall, TranslatedBindings, Screen[None]):
    BINDINGS = [
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
        Binding("pagedown", "cursor(10)", show=False),
        Binding("pageup", "cursor(-10)", show=False),
        Binding("escape", "clear", "desk.key.clear"),
        Binding("f2", "app.calling", "desk.key.calling"),
        Binding("f3", "chair_menu", "desk.key.chair_menu"),
        Binding("f4", "dpk", "desk.key.dpk"),
        Binding("f5", "queue", "desk.key.queue"),
        Binding("f6", "close_polls", "desk.key.close"),
        Binding("f7", "backup_folder", "desk.key.backup"),
        Binding("f9", "app.lock", "desk.key.lock"),
        Binding("f10", "app.sign_out", "desk.key.sign_out"),
    ]

    @dataclass
    class RecordChanged(Message):
        """This desk wrote to the record (a check-in, a chair's decision): figures are due."""

    @dataclass
    class PollsClosed(Message):
        """The chair closed the polls: the record is final."""

    @dataclass
    class BackupFolderSet(Message):
        """The chair named the folder for the automatic backups."""

    def __init__(self, rec: Record, officer: OfficerInfo) -> None:
        super().__init__()
        self.rec = rec
        self.officer = officer
        # The app's search index and who is checked in, followed (see on_mount).
        self.index: SearchIndex | None = None
        self.elsewhere: Elsewhere | None = None
        self.checked_in: frozenset[int] = frozenset()
        self.not_eligible: frozenset[int] = frozenset()
        self._hits: list[Hit] = []
        self._own = 0  # the first hits are this TPS's voters, the rest another TPS's
        self.backup_folder_set = False  # followed from the app's backup state

    def compose(self) -> ComposeResult:
        yield StatusStrip(self.rec)
        yield FormInput(id="search", placeholder=t("desk.search.placeholder"))
        yield Static(t("desk.search.hint"), id="message", classes="info")
        yield Static("", id="result-count")
        with Horizontal(id="found"):
            with Vertical(id="listing"):
                yield Static(results_heading(), id="result-head")
                yield OptionList(id="results")
            yield Static("", id="preview", classes="-empty")
        yield DeskFooter(give_way=[ONCE_A_DAY])

    def on_mount(self) -> None:
        self.query_one("#results", OptionList).can_focus = False
        self.focus_search()
        watch_desk(self, "index", self._index_changed)
        watch_desk(self, "elsewhere", self._elsewhere_changed)
        watch_desk(self, "checked_in", self._checked_in_changed)
        watch_desk(self, "not_eligible", self._not_eligible_changed)
        watch_desk(self, "backup", self._backup_changed)

    def focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def on_screen_resume(self) -> None:
        self.focus_search()

    def say(self, message: str | Text, kind: str) -> None:
        box = self.query_one("#message", Static)
        box.set_classes(kind)
        box.update(message)

    def _index_changed(self, index: SearchIndex | None) -> None:
        self.index = index
        if index is None:
            self.say(t("desk.search.loading"), "info")
            return
        self.say(t("desk.search.hint"), "info")
        self.show_results(self.query_one("#search", Input).value)

    def _elsewhere_changed(self, elsewhere: Elsewhere | None) -> None:
        self.elsewhere = elsewhere
        self.show_results(self.query_one("#search", Input).value, keep_highlight=True)

    def _checked_in_changed(self, checked_in: frozenset[int]) -> None:
        # Also while a card or a form is on top: the list shows through, and is right when it
        # closes.
        self.checked_in = checked_in
        self.show_results(self.query_one("#search", Input).value, keep_highlight=True)

    def _not_eligible_changed(self, not_eligible: frozenset[int]) -> None:
        self.not_eligible = not_eligible
        self.show_results(self.query_one("#search", Input).value, keep_highlight=True)

    def _backup_changed(self, backup: BackupState) -> None:
        self.backup_folder_set = backup.ok is not None

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        # A scanner's burst reaches the box before any of its changes reach this screen: only
        # the newest text is worth searching and drawing, not each of its sixteen beginnings.
        if event.value == event.input.value:
            self.show_results(event.value)

    def show_results(self, query: str, *, keep_highlight: bool = False) -> None:
        index = self.index
        results = self.query_one("#results", OptionList)
        count = self.query_one("#result-count", Static)
        previous = results.highlighted
        if index is None or not query.strip():
            self._hits, self._own = [], 0
            results.clear_options()
            count.update("")
            self.query_one("#result-head").display = False
            self._clear_preview()
            return
        found = index.search(query, RESULT_LIMIT)
        hits, total = list(found.hits), found.total
        checked_in, not_eligible = self.checked_in, self.not_eligible
        options = [
            Option(result_line(h, h.voter.id in checked_in, h.voter.id in not_eligible))
            for h in hits
        ]
        # After this TPS's own: a site's other TPS's voters of that name, each marked with
        # where they are to go.
        elsewhere = self.elsewhere
        if elsewhere is not None and len(hits) < RESULT_LIMIT:
            more = elsewhere.index.search(query, RESULT_LIMIT - len(hits))
            options += [Option(elsewhere_line(h, elsewhere.tps[h.voter.id])) for h in more.hits]
            hits += more.hits
            total += more.total
        self._hits, self._own = hits, len(found.hits)
        results.set_options(options)
        self.query_one("#result-head").display = bool(hits)
        if hits:
            results.highlighted = previous if keep_highlight and previous is not None else 0
        else:
            self._clear_preview()
        shown = t("desk.search.count", shown=len(hits), total=total)
        if len(hits) > self._own:
            shown += "  " + t("desk.search.elsewhere", count=len(hits) - self._own)
        count.update(shown if total else t("desk.search.none"))

    def action_cursor(self, step: int) -> None:
        results = self.query_one("#results", OptionList)
        if not self._hits:
            return
        current = results.highlighted or 0
        results.highlighted = max(0, min(len(self._hits) - 1, current + step))

    def action_clear(self) -> None:
        self.query_one("#search", Input).value = ""
        self.focus_search()

    @on(Input.Submitted, "#search")
    def _enter(self, event: Input.Submitted) -> None:
        self.find(event.value)

    def find(self, value: str) -> None:
        """Enter on what was typed or scanned: the voter it names exactly, else the highlighted
        match, else a refusal that says nothing was found."""
        index = self.index
        if index is None or not value.strip():
            return
        exact = index.exact(value)
        if exact is not None:
            self.open_card(exact.id)
            return
        highlighted = self.query_one("#results", OptionList).highlighted
        if self._hits and highlighted is not None:
            self.open_hit(highlighted)
        else:
            # A scanned or typed number is done with; a name is kept to be corrected.
            scanned = any(c.isdigit() for c in value)
            if scanned and self.rec.site:
                self._send_on(value)  # perhaps on another TPS's roll of the site
                return
            message = t("checkin.unknown", key=echoed(value))
            self.refuse(message, duplicate=False, logged=False, clear=scanned)

    @work(thread=True, exclusive=True, group="card")
    def _send_on(self, value: str) -> None:
        """A number on no voter of this roll: the TPS whose roll it is on, said on a banner to
        acknowledge (nothing is recorded here), or that it is on no roll of the site."""
        try:
            voter_id = resolve(self.rec, value)
        except TpsError as exc:
            message = t(exc.key, **exc.params)
            self.app.call_from_thread(self.refuse, message, duplicate=False, logged=False)
        else:  # added here since the index was read (a DPK voter at another desk)
            self.app.call_from_thread(self.open_card, voter_id)

    def on_resize(self, event: events.Resize) -> None:
        # Room to spare: the highlighted voter's card beside the list, before Enter opens it.
        self.set_class(event.size.width >= WIDE, "wide")

    @on(OptionList.OptionHighlighted, "#results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.has_class("wide") and event.option_index < self._own:
            self.preview(self._hits[event.option_index].voter.id)
        elif event.option_index >= self._own:
            self._clear_preview()

    @work(thread=True, exclusive=True, group="preview")
    def preview(self, voter_id: int) -> None:
        details = voter_details(self.rec, voter_id)
        self.app.call_from_thread(self._show_preview, details)

    def _show_preview(self, details: VoterDetails) -> None:
        hits = self._hits
        highlighted = self.query_one("#results", OptionList).highlighted
        # Only this TPS's voters have cards (another TPS's found ones carry numbers of their own).
        if (
            highlighted is not None
            and highlighted < self._own
            and hits[highlighted].voter.id == details.id
        ):
            preview = self.query_one("#preview", Static)
            preview.remove_class("-empty")
            preview.update(card_text(self.rec.station, details, PREVIEW_WIDTH))

    def _clear_preview(self) -> None:
        """No voter highlighted, no card beside the list (not an empty frame)."""
        preview = self.query_one("#preview", Static)
        preview.update("")
        preview.add_class("-empty")

    @on(OptionList.OptionSelected, "#results")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.open_hit(event.option_index)

    def open_hit(self, n: int) -> None:
        """The voter's card, or for another TPS's voter, where to take them (nothing is
        recorded here: the same banner as their number scanned here)."""
        hit = self._hits[n]
        if n < self._own:
            self.open_card(hit.voter.id)
            return
        assert self.elsewhere is not None
        v, tps = hit.voter, self.elsewhere.tps[hit.voter.id]
        message = t("checkin.other_tps", name=v.name, tps=tps, block=v.block, cell=v.cell)
        self.refuse(message, duplicate=False, logged=False)

    def open_card(self, voter_id: int) -> None:
        # The last voter's refusal is done with: it must not stay red beside the next one.
        if self.query_one("#message", Static).has_class("refused"):
            self.say(t("desk.search.hint"), "info")

        def decided(outcome: CardOutcome) -> None:
            if isinstance(outcome, CheckInRequest):
                # Emptied now, not once the check-in is done: the next voter may be typed or
                # scanned in while it commits.
                self.query_one("#search", Input).value = ""
                self.say(t("desk.working"), "info")
                self.check_in(voter_id, outcome.short_approved_by)
            elif isinstance(outcome, Typed):
                self.look_up(outcome.text)
            elif outcome:
                self.say(outcome, "done")
                self.after_action()
            else:
                self.focus_search()

        self._read_card(voter_id, decided)

    @work(thread=True, exclusive=True, group="card")
    def _read_card(self, voter_id: int, decided: Callable[[CardOutcome], None]) -> None:
        """The card read before it opens, so that its first frame is the voter's card."""
        try:
            details: VoterDetails | None = voter_details(self.rec, voter_id)
        except TpsError:  # the server unreachable: the card reads again and says so itself
            details = None
        card = VoterCardScreen(self.rec, voter_id, self.officer, details)
        self.app.call_from_thread(self.app.push_screen, card, decided)

    @work(thread=True, exclusive=True, group="checkin")
    def check_in(self, voter_id: int, short_approved_by: OfficerInfo | None = None) -> None:
        try:
            done = check_in(
                self.rec, self.officer, voter_id=voter_id, short_approved_by=short_approved_by
            )
        except TpsError as exc:
            self.app.call_from_thread(self._refused, exc)
        else:
            self.app.call_from_thread(self._checked_in, done)

    def _checked_in(self, done: CheckInDone) -> None:
        rec = self.rec
        text = Text()
        text.append(f" ✔ {t('desk.done.title')} ", "bold reverse")
        text.append(f"  {local_time(rec.station, done.at)}\n", "bold")
        text.append(f" {done.name}", "bold")
        text.append(f"  (no. {done.voter_no})  ")
        text.append(t("desk.done.ballots", ballots=" ".join(done.ballots)))
        if done.short:
            text.append("  " + t("desk.done.short", ballots=" ".join(done.short)), "bold red")
        self.say(text, "done")
        self.after_action(clear=False)

    def _refused(self, exc: TpsError) -> None:
        rec = self.rec
        params = dict(exc.params)
        if "at" in params:
            params["at"] = local_time(rec.station, params["at"])
        # The box was emptied when the card closed; what is in it now is the next voter's.
        self.after_action(clear=False)
        self.refuse(
            t(exc.key, **params),
            duplicate=isinstance(exc, AlreadyVoted),
            logged=exc.logged,
            clear=False,
        )

    def refuse(self, message: str, *, duplicate: bool, logged: bool, clear: bool = True) -> None:
        """Loud: a banner to acknowledge, and the reason left on screen afterwards."""
        self.say(message, "refused")
        if clear:
            self.after_action()

        def acknowledged(typed: str | None) -> None:
            if typed:
                self.look_up(typed)

        refusal = RefusalScreen(message, duplicate=duplicate, logged=logged, drill=self.rec.drill)
        self.app.push_screen(refusal, acknowledged)

    def look_up(self, typed: str) -> None:
        """What was typed onto a card or a banner, as if typed into the search box."""
        search = self.query_one("#search", Input)
        with search.prevent(Input.Changed):
            search.value = typed
        self.show_results(typed)
        self.focus_search()
        self.find(typed)

    def chair_form(self, form: ChairForm[str], then: type[Message] | None = None) -> None:
        """A chair's decision of the day: what it says is shown, and `then` posted once taken."""

        def done(message: str | None) -> None:
            if message:
                self.say(message, "done")
                self.after_action()
                if then is not None:
                    self.post_message(then())
            else:
                self.focus_search()

        self.app.push_screen(form, done)

    def action_dpk(self) -> None:
        def done(added: DpkAdded | None) -> None:
            if added is None:
                self.focus_search()
                return
            self.post_message(self.RecordChanged())  # the search takes the new voter in
            self.say(t("dpk.added", name=added.name, no=added.no), "done")
            self.open_card(added.voter_id)

        self.app.push_screen(dpk_form(self.rec, self.officer), done)

    def action_queue(self) -> None:
        self.chair_form(queue_form(self.rec, self.officer))

    def action_close_polls(self) -> None:
        self.chair_form(close_form(self.rec, self.officer), then=self.PollsClosed)

    def action_backup_folder(self) -> None:
        self.chair_form(backup_form(self.rec, self.officer), then=self.BackupFolderSet)

    def action_chair_menu(self) -> None:
        def chosen(action: str | None) -> None:
            if action is None:
                self.focus_search()
            elif action == "backup_now" and not self.backup_folder_set:
                # Nothing to back up to yet: the chair names the folder here, as with F7, and
                # the first copy is made at once.
                self.action_backup_folder()
            else:
                self.chair_form(FORMS[action](self.rec, self.officer))

        self.app.push_screen(ChairMenu(self.rec.drill), chosen)

    def after_action(self, *, clear: bool = True) -> None:
        """Back to an empty search box for the next voter (`clear=False`: emptied already, and
        what is in it now is the next voter), with fresh figures."""
        if clear:
            self.query_one("#search", Input).value = ""
        self.focus_search()
        self.post_message(self.RecordChanged())


# The result list's columns: heading, width, style. Two voters of the same name differ in the
# list they are on, their register number, or where they are held.
COLUMNS = (
    ("desk.results.no", 4, "dim"),
    ("desk.results.name", 24, "bold"),
    ("desk.results.list", 6, ""),
    ("desk.results.register", 13, ""),
    ("desk.results.block", 5, ""),
    ("desk.results.cell", 5, ""),
)


def in_columns(
    cells: Sequence[str], style: str = "", columns: Sequence[tuple[str, int, str]] = COLUMNS
) -> Text:
    """One line of the result list (or its heading), each cell cut to its column."""
    line = Text(no_wrap=True, overflow="ellipsis")
    for cell, (_, width, cell_style) in zip(cells, columns, strict=True):
        line.append(f"{cell[:width]:<{width}} ", style or cell_style)
    return line


def results_heading() -> Text:
    return in_columns([t(key) for key, _, _ in COLUMNS], "bold underline")


def elsewhere_line(hit: Hit, tps: str) -> Text:
    """Another TPS's voter: dim, with that TPS's number where this TPS's list would be."""
    v = hit.voter
    line = in_columns([str(v.no), v.name], "dim", COLUMNS[:2])
    line.append(f"{'→ ' + tps.removeprefix('TPS '):<{COLUMNS[2][1]}}", "bold white on dark_blue")
    line.append(" ")
    line.append_text(in_columns([v.register_no or "—", v.block, v.cell], "dim", COLUMNS[3:]))
    return line


def result_line(hit: Hit, checked_in: bool, not_eligible: bool) -> Text:
    v = hit.voter
    cells = [str(v.no), v.name, v.category, v.register_no, v.block, v.cell]
    line = in_columns([cell or "—" for cell in cells])
    if checked_in:
        line.append(f" {t('desk.voted_short')} ", "bold white on dark_red")
    elif not_eligible:
        line.append(f" {t('desk.not_eligible_short')} ", "bold white on dark_red")
    return line
