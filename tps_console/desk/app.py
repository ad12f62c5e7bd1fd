"""The check-in desk: the full-screen app a KPPS officer runs all day.

Built by `make_desk` from an explicit station and clock, so the CLI, the tests and the benchmarks
start it the same way. The app owns the shared state of the desk as reactives (the signed-in
officer, the search index, who is checked in, the last figures, the backup, trouble reading the
record); the strip and the screens watch them. Screens get what they need when they are made,
post messages up when something happened, and the app decides what follows. Database work runs
in thread workers, which hand plain dataclasses back.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import var
from textual.screen import Screen

from tps_console.desk.dialogs import LockScreen
from tps_console.desk.signin import SignInScreen
from tps_console.desk.state import BackupState, DemoLogin, PanelLaunch
from tps_console.desk.textual_private import SaidPalette, forget_closed_widgets
from tps_console.domain.errors import TpsError
from tps_console.domain.record.station import Record
from tps_console.domain.store.commit_watch import CommitWatch
from tps_console.domain.store.faults import explain
from tps_console.domain.store.server import panel_login
from tps_console.i18n import set_language, t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.machine.launch import open_window
from tps_console.tui import small_window
from tps_console.tui.stays_up import StaysUp

if TYPE_CHECKING:
    # The day's rules, the record's tables and the roll's index load in the thread workers that
    # use them, once the sign-in screen is drawn (tests/test_startup_imports.py).
    from tps_console.domain.day.officers import OfficerInfo
    from tps_console.domain.views.search import Elsewhere, IndexedVoter, SearchIndex
    from tps_console.domain.views.status import Status
    from tps_console.domain.views.voters import DeskSnapshot

IDLE_LOCK_SECONDS = 10 * 60
# Python's full garbage collections pause the whole desk for tens of milliseconds, longer as the
# day's objects grow. While the desk runs they happen only when the officer pauses this long
# (the next inmate stepping up), once after each spell of typing, never in the middle of a scan.
QUIET_COLLECT_SECONDS = 2.0
FULL_COLLECTIONS_OFF = 1_000_000  # generation-2 threshold: never reached in a day
REFRESH_SECONDS = 2.0
QUIT = frozenset({"ctrl+q", "ctrl+c"})
PUSHED_REFRESH_SECONDS = 0.5  # on a server (see `on_mount`)
BACKUP_CHECK_SECONDS = 30.0


class DeskApp(StaysUp, TranslatedBindings, App[None]):
    CSS_PATH = "desk.tcss"
    CSS = small_window.CSS
    TITLE = "TPS Console"
    BINDINGS = [
        Binding("ctrl+q", "quit", "desk.key.quit", priority=True),
        # Textual's own palette key, labelled for what the desk officer finds there.
        Binding("ctrl+p", "command_palette", "desk.key.all_keys", show=False, priority=True),
        Binding("f8", "open_panel", "desk.key.panel"),
    ]

    # The shared state: only the app sets it. `var`: a change redraws only what watches it.
    officer: var[OfficerInfo | None] = var(None)
    index: var[SearchIndex | None] = var(None)
    elsewhere: var[Elsewhere | None] = var(None)  # a site's other TPS's voters, found marked
    status: var[Status | None] = var(None)
    checked_in: var[frozenset[int]] = var(frozenset())
    not_eligible: var[frozenset[int]] = var(frozenset())  # released or transferred
    backup: var[BackupState] = var(BackupState(ok=None), init=False)
    record_trouble: var[str | None] = var(None)  # what the last look ran into, until one succeeds

    def __init__(
        self,
        rec: Record,
        *,
        demo_logins: tuple[DemoLogin, ...] = (),
        panel: PanelLaunch | None = None,
        demo_passphrase: str | None = None,
        idle_lock_seconds: float = IDLE_LOCK_SECONDS,
        refresh_seconds: float = REFRESH_SECONDS,
    ) -> None:
        super().__init__()
        self.rec = rec
        self.fault_path = rec.url or rec.path
        self.demo_logins = demo_logins
        self.panel = panel
        self.demo_passphrase = demo_passphrase
        self.idle_lock_seconds = idle_lock_seconds
        self.refresh_seconds = refresh_seconds
        self.commits = CommitWatch(rec.engine)
        self._looking = False  # a look at the record is under way
        self._look_again = False  # asked for while it was
        self.last_activity = time.monotonic()
        self._last_backup = float("-inf")
        self._collect_due = False
        self._gc_thresholds = gc.get_threshold()

    async def on_mount(self) -> None:
        young, middle, _ = self._gc_thresholds
        gc.set_threshold(young, middle, FULL_COLLECTIONS_OFF)
        self.set_interval(1.0, self._collect_when_quiet)
        # A server says when something was committed, so looking often costs a round trip at
        # most every second; and an unreachable server is on the strip within two.
        every = min(self.refresh_seconds, PUSHED_REFRESH_SECONDS) if self.commits.pushes else None
        self.set_interval(every or self.refresh_seconds, self.refresh_record)
        self.set_interval(5, self._check_idle)
        self.set_interval(BACKUP_CHECK_SECONDS, self.backup_if_due)
        await self.push_screen(self._sign_in_screen())
        self.screen.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Once the sign-in screen is drawn (what the officer waits for), the roll's index, the
        figures and the first copy follow it within milliseconds, in thread workers that load
        the record's tables, the day's rules and the backup's encryption as they go."""
        self.load_index()
        self.refresh_record()
        self.backup_if_due()

    def _sign_in_screen(self) -> SignInScreen:
        # The demo says at once how to see its panel beside it (a chair trying it out is not
        # told to guess a second command after quitting).
        hint = self.panel.shown if self.panel and self.demo_logins else None
        return SignInScreen(
            self.rec, self.demo_logins, panel_hint=hint, demo_passphrase=self.demo_passphrase
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The key is shown only where there is a panel to open (a station file on this laptop).
        return self.panel is not None if action == "open_panel" else True

    def action_open_panel(self) -> None:
        if self.panel is not None:
            self._open_panel(self.panel)

    @work(thread=True, exclusive=True, group="panel")
    def _open_panel(self, panel: PanelLaunch) -> None:
        if self.rec.url is not None:
            # The witnesses' role if it is set up, else this desk's own login; with the server
            # away, the URL as given (the panel says the server is away itself, and retries).
            with contextlib.suppress(Exception):
                panel = replace(panel, station=panel_login(self.rec.engine))
        if open_window(panel.argv, panel.station):
            said = t("desk.panel.opened")
            if panel.role is not None:
                said += " " + t("desk.panel.as_role", role=panel.role)
            self.call_from_thread(self.notify, said, timeout=8)
        else:
            self.call_from_thread(self.notify, t("desk.panel.how", command=panel.shown), timeout=30)

    @work(thread=True, exclusive=True, group="index")
    def load_index(self) -> None:
        from tps_console.domain.views.search import load_elsewhere, load_index

        index = load_index(self.rec)
        self.call_from_thread(setattr, self, "index", index)
        elsewhere = load_elsewhere(self.rec)  # after: this TPS's own voters are found at once
        if elsewhere is not None:
            self.call_from_thread(setattr, self, "elsewhere", elsewhere)
        # Not before the first frame: a full collection costs ~30 ms of start-up.
        self.call_from_thread(self.set_timer, 1.0, self._freeze_roll)

    def _freeze_roll(self) -> None:
        # What the sign-in opens, loaded while the officer types the PIN rather than after.
        import tps_console.desk.checkin_screen  # noqa: F401

        # The roll's objects live all day: keep them out of the garbage collector's full passes,
        # which would otherwise pause a keystroke for ~70 ms on a 100k roll.
        gc.collect()
        gc.freeze()

    def on_unmount(self) -> None:
        gc.set_threshold(*self._gc_thresholds)
        self.commits.close()

    def _collect_when_quiet(self) -> None:
        if self._collect_due and time.monotonic() - self.last_activity >= QUIET_COLLECT_SECONDS:
            self._collect_due = False
            self.collect_garbage()

    def collect_garbage(self) -> None:
        """A full collection, over only what the day's screens left: Textual's cache of removed
        widgets emptied first, or each collection would walk a hundred voters' cards."""
        forget_closed_widgets()
        gc.collect()

    def refresh_record(self) -> None:
        """Turnout and who is checked in, also by other desks: read again only when something was
        committed since the last read (by anyone, this desk's own check-ins included).

        One look at a time: asked while one is under way (a slow or locked file), it looks once
        more afterwards instead of queueing threads that would hold up the check-ins' workers."""
        if self._looking:
            self._look_again = True
            return
        self._looking = True
        self._look()

    @work(thread=True, group="refresh", exit_on_error=False)
    def _look(self) -> None:
        from tps_console.domain.views.search import voters_added_after
        from tps_console.domain.views.voters import desk_snapshot

        try:
            self.rec.ensure_same_file()
            snapshot = self.commits.read_if_changed(partial(desk_snapshot, self.rec))
            index = self.index
            added: list[IndexedVoter] = []
            if snapshot and index is not None and snapshot.last_voter_id > index.last_id:
                # DPK voters registered at any desk (this one too) become findable here.
                added = voters_added_after(self.rec, index.last_id)
        except TpsError as exc:
            self.call_from_thread(self._looked, None, t(exc.key, **exc.params))
        except Exception as exc:  # locked past the busy timeout, unreadable: the desk stays up
            fault = explain(exc, self.rec.url) if self.commits.pushes else None
            if fault is not None:  # a server's trouble (unreachable) in the day's words
                said = t("desk.record.server", fault=t(fault.key, **fault.params))
                self.call_from_thread(self._looked, None, said)
                return
            # The driver's own words ("database is locked"), not SQLAlchemy's wrapping of them.
            error = str(getattr(exc, "orig", None) or exc)
            self.call_from_thread(self._looked, None, t("desk.record.unreadable", error=error))
        else:
            self.call_from_thread(self._looked, snapshot, None, added)

    def _looked(
        self, snapshot: DeskSnapshot | None, trouble: str | None, added: Sequence[IndexedVoter] = ()
    ) -> None:
        """`snapshot` is None when nothing was committed since the last look, or it failed."""
        self._looking = False
        if snapshot is not None:
            if added and self.index is not None:
                for voter in added:
                    self.index.add(voter)
                self.mutate_reactive(DeskApp.index)  # the same index, holding more voters
            self.checked_in, self.not_eligible = snapshot.checked_in, snapshot.not_eligible
            self.status = snapshot.status
        self.record_trouble = trouble
        if self._look_again:
            self._look_again = False
            self.refresh_record()

    @work(thread=True, exclusive=True, group="backup")
    def backup_if_due(self, force: bool = False) -> None:
        """Copy the station to the chair's backup folder every few minutes (and when told)."""
        from tps_console.domain.backup.files import backup_now, backup_target

        try:
            target = backup_target(self.rec)
        except TpsError:  # the server unreachable: the strip says so already; tried again later
            return
        if target is None:
            state = BackupState(ok=None)
        elif force or time.monotonic() - self._last_backup >= target.every_minutes * 60:
            at = self.rec.local().strftime("%H:%M")
            try:
                made = backup_now(self.rec, target)
            except (TpsError, OSError) as exc:
                message = t(exc.key, **exc.params) if isinstance(exc, TpsError) else str(exc)
                state = BackupState(ok=False, at=at, message=message)
            else:
                self._last_backup = time.monotonic()
                state = BackupState(ok=True, at=at, message=str(made))
        else:
            return
        self.call_from_thread(self._backup_done, state)

    def _backup_done(self, state: BackupState) -> None:
        self.backup = state

    def watch_backup(self, old: BackupState, new: BackupState) -> None:
        # Rung once when backups start failing; the strip stays red until one succeeds.
        if new.ok is False and old.ok is not False:
            self.bell()
            self.notify(t("desk.backup.failed", error=new.message), severity="error", timeout=30)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown):
            self.last_activity = time.monotonic()
            self._collect_due = True
        small = small_window.too_small(self.size)
        if isinstance(event, events.Key) and small and event.key not in QUIT:
            # The window shows only that it is too small: a key would act on a screen nobody
            # sees (a card confirmed blind). Quit still works.
            return
        await super().on_event(event)

    def _check_idle(self) -> None:
        idle = time.monotonic() - self.last_activity
        if (
            self.officer
            and idle >= self.idle_lock_seconds
            and not isinstance(self.screen, LockScreen)
        ):
            self.action_lock()

    @on(SignInScreen.SignedIn)
    def _signed_in(self, message: SignInScreen.SignedIn) -> None:
        from tps_console.desk.checkin_screen import CheckInScreen

        self.officer = message.officer
        self.switch_screen(CheckInScreen(self.rec, message.officer))

    # The check-in screen's messages, handled by their names: the screen (and the rules of the
    # day it brings) is imported after the first frame, not before it (see `_freeze_roll`).
    def on_check_in_screen_record_changed(self) -> None:
        self.refresh_record()

    def on_check_in_screen_polls_closed(self) -> None:
        self._backup_at_once()

    def on_check_in_screen_backup_folder_set(self) -> None:
        self._backup_at_once()

    def _backup_at_once(self) -> None:
        # The record is final, or the folder is new: copy it now (README, "What is protected and what is not": a backup at closing).
        self.backup_if_due(force=True)

    def action_lock(self) -> None:
        if self.officer:
            self.push_screen(LockScreen(self.rec, self.officer))

    def action_sign_out(self) -> None:
        self.officer = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(self._sign_in_screen())

    def action_calling(self) -> None:
        from tps_console.desk.calling import CallingScreen

        if self.officer and not isinstance(self.screen, CallingScreen):
            self.push_screen(CallingScreen(self.rec))

    def action_command_palette(self) -> None:
        # Textual's own action, with the palette's words in the desk's language.
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder, none = t("desk.palette.search"), t("desk.palette.none")
            palette = SaidPalette(placeholder=placeholder, no_matches=none, id="--command-palette")
            self.push_screen(palette)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key shown in the footer, also in the command palette (Ctrl+P)."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            run = partial(self.run_action, binding.action, active.node)
            yield SystemCommand(binding.description, key.upper(), run)


def make_desk(
    rec: Record,
    *,
    lang: str = "id",
    demo_logins: tuple[DemoLogin, ...] = (),
    panel: PanelLaunch | None = None,
    demo_passphrase: str | None = None,
    idle_lock_seconds: float = IDLE_LOCK_SECONDS,
    refresh_seconds: float = REFRESH_SECONDS,
) -> DeskApp:
    set_language(lang)
    return DeskApp(
        rec,
        demo_logins=demo_logins,
        panel=panel,
        demo_passphrase=demo_passphrase,
        idle_lock_seconds=idle_lock_seconds,
        refresh_seconds=refresh_seconds,
    )
