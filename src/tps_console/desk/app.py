"""The check-in desk: the full-screen app a KPPS officer runs all day.

Built by `make_desk` from an explicit station and clock, so the CLI, the tests and the benchmarks
start it the same way. The app owns the shared state of the desk (the signed-in officer, the
search index, who is checked in, the last turnout figures); screens read it and post work to
thread workers, which hand plain dataclasses back.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from tps_console.desk.localised import Localised
from tps_console.domain.officers import OfficerInfo
from tps_console.domain.search import SearchIndex, load_index
from tps_console.domain.station import Record
from tps_console.domain.status import Status, read_status
from tps_console.domain.voters import checked_in_voter_ids, indexed_voter
from tps_console.i18n import set_language, t

IDLE_LOCK_SECONDS = 10 * 60
REFRESH_SECONDS = 2.0


@dataclass(frozen=True)
class DemoLogin:
    id: str
    pin: str
    name: str


class DeskApp(Localised, App[None]):
    CSS_PATH = "desk.tcss"
    TITLE = "TPS Console"
    BINDINGS = [Binding("ctrl+q", "quit", "desk.key.quit", priority=True)]

    def __init__(
        self,
        rec: Record,
        *,
        demo_logins: tuple[DemoLogin, ...] = (),
        idle_lock_seconds: float = IDLE_LOCK_SECONDS,
        refresh_seconds: float = REFRESH_SECONDS,
    ) -> None:
        super().__init__()
        self.rec = rec
        self.demo_logins = demo_logins
        self.idle_lock_seconds = idle_lock_seconds
        self.refresh_seconds = refresh_seconds
        self.officer: OfficerInfo | None = None
        self.index: SearchIndex | None = None
        self.checked_in: frozenset[int] = frozenset()
        self.status: Status | None = None
        self.last_activity = time.monotonic()

    def on_mount(self) -> None:
        from tps_console.desk.signin import SignInScreen

        self.load_index()
        self.refresh_record()
        self.set_interval(self.refresh_seconds, self.refresh_record)
        self.set_interval(5, self._check_idle)
        self.push_screen(SignInScreen())

    @work(thread=True, exclusive=True, group="index")
    def load_index(self) -> None:
        index = load_index(self.rec)
        self.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        self.index = index
        self.screen.post_message(IndexReady())

    def add_to_index(self, voter_id: int) -> None:
        """A voter registered during the day (DPK) becomes findable at once."""
        if self.index is not None:
            self.index.add(indexed_voter(self.rec, voter_id))

    @work(thread=True, exclusive=True, group="refresh")
    def refresh_record(self) -> None:
        """Turnout and who is checked in, also by other desks."""
        status, checked_in = read_status(self.rec), checked_in_voter_ids(self.rec)
        self.call_from_thread(self._record_refreshed, status, checked_in)

    def _record_refreshed(self, status: Status, checked_in: frozenset[int]) -> None:
        from tps_console.desk.strip import StatusStrip

        changed = checked_in != self.checked_in
        self.status, self.checked_in = status, checked_in
        for strip in self.screen.query(StatusStrip):
            strip.update_now()
        self.screen.post_message(RecordRefreshed(changed))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown):
            self.last_activity = time.monotonic()
        await super().on_event(event)

    def _check_idle(self) -> None:
        from tps_console.desk.dialogs import LockScreen

        idle = time.monotonic() - self.last_activity
        if (
            self.officer
            and idle >= self.idle_lock_seconds
            and not isinstance(self.screen, LockScreen)
        ):
            self.action_lock()

    def action_lock(self) -> None:
        from tps_console.desk.dialogs import LockScreen

        if self.officer:
            self.push_screen(LockScreen(self.officer))

    def action_sign_out(self) -> None:
        from tps_console.desk.signin import SignInScreen

        self.officer = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(SignInScreen())

    def action_calling(self) -> None:
        from tps_console.desk.calling import CallingScreen

        if self.officer and not isinstance(self.screen, CallingScreen):
            self.push_screen(CallingScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if self.officer:
            yield SystemCommand(
                t("desk.cmd.calling"), t("desk.cmd.calling_help"), self.action_calling
            )
            yield SystemCommand(t("desk.cmd.lock"), t("desk.cmd.lock_help"), self.action_lock)
            yield SystemCommand(
                t("desk.cmd.sign_out"), t("desk.cmd.sign_out_help"), self.action_sign_out
            )
        yield SystemCommand(t("desk.cmd.quit"), t("desk.cmd.quit_help"), self.exit)


class IndexReady(Message):
    """The roll is loaded into the search index."""


class RecordRefreshed(Message):
    def __init__(self, checked_in_changed: bool) -> None:
        super().__init__()
        self.checked_in_changed = checked_in_changed


def make_desk(
    rec: Record,
    *,
    lang: str = "id",
    demo_logins: tuple[DemoLogin, ...] = (),
    idle_lock_seconds: float = IDLE_LOCK_SECONDS,
    refresh_seconds: float = REFRESH_SECONDS,
) -> DeskApp:
    set_language(lang)
    return DeskApp(
        rec,
        demo_logins=demo_logins,
        idle_lock_seconds=idle_lock_seconds,
        refresh_seconds=refresh_seconds,
    )
