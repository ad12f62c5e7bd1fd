"""The witness panel: live turnout for saksi and the PTPS, read-only, in its own process.

A timer asks a thread worker a few times a second whether the data changed (see watch.py); the
worker hands back a plain `Reading`, and the screen passes the snapshot down to its widgets.
The UI thread never touches the database, so a locked or missing file cannot freeze the screen.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, get_current_worker

from tps_console.domain.record.clock import Clock
from tps_console.domain.views.turnout import Turnout
from tps_console.domain.views.watch import Reading, Trouble, Watcher
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.panel.widgets import (
    Attempts,
    BlockProgress,
    ClockLine,
    Figure,
    HourChart,
    Outage,
    OutageNotice,
    ProofLine,
    ProofQR,
    RecentCheckIns,
    ResultGrid,
    TurnoutBar,
    TurnoutCount,
    TurnoutLine,
)
from tps_console.tui import small_window
from tps_console.tui.small_window import SaysTooSmall
from tps_console.tui.stays_up import StaysUp

F = TypeVar("F", bound=Figure)

POLL_INTERVAL_S = 0.25
# In a browser tab, one look a second at most (on a server too): each tab is a process of its
# own, and twenty of them redrawing after every commit of a busy station would take the CPU the
# desk on the same laptop needs (`bench --area web`). A second is fresh enough for a screen in
# another room; the terminal panel beside the desk keeps its quarter second.
WEB_POLL_INTERVAL_S = 1.0
# On a server the poll waits for the next commit's notification this long at most (then looks
# again): the panel redraws as soon as a desk commits, and never polls.
PUSH_WAIT_S = 0.5
# After trouble on a server (unreachable), the next try this much later.
RETRY_AFTER_S = 1.0
# A poll that has not come back after this long is reported as a busy database.
STUCK_AFTER_S = 3.0


class PanelScreen(SaysTooSmall, TranslatedBindings, Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    # From 120×30 (a browser tab's grid) the QR code stands beside the figures; below, on `k`.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-mid"), (36, "-tall")]
    BINDINGS = [Binding("k", "qr", "panel.key.qr")]

    turnout: var[Turnout | None] = var(None)
    now: var[datetime | None] = var(None)
    checked_at: var[datetime | None] = var(None)
    outage: var[Outage | None] = var(None)

    class Polled(Message):
        """A poll came back from the worker thread."""

        def __init__(self, reading: Reading, at: datetime) -> None:
            super().__init__()
            self.reading = reading
            self.at = at

    class Shown(Message):
        """New figures have been painted on screen (the freshness benchmark listens for it)."""

        def __init__(self, turnout: Turnout) -> None:
            super().__init__()
            self.turnout = turnout

    def __init__(self, watcher: Watcher, first: Turnout, *, poll_interval: float | None) -> None:
        super().__init__()
        self.watcher = watcher
        self.poll_interval = poll_interval  # None: as fits the terminal or a browser tab
        self._poll_worker: Worker[None] | None = None
        self._poll_started = 0.0
        self._force_next = False  # asked for while a poll was under way
        self.set_reactive(PanelScreen.turnout, first)
        self.set_reactive(PanelScreen.now, self._now())
        self.set_reactive(PanelScreen.checked_at, first.taken_at)

    def compose(self) -> ComposeResult:
        if self.turnout is not None and self.turnout.status.drill:
            yield Static(Content(t("drill.banner")), id="drill")
        yield ClockLine(id="clock").data_bind(PanelScreen.turnout, PanelScreen.now)
        yield OutageNotice(id="outage").data_bind(PanelScreen.outage)
        with Horizontal(id="main"):
            with Vertical(id="left"):
                with Vertical(id="turnout-box", classes="box") as box:
                    box.border_title = t("panel.turnout")
                    yield TurnoutCount(id="count").data_bind(PanelScreen.turnout)
                    yield TurnoutLine(id="turnout-line").data_bind(PanelScreen.turnout)
                    yield TurnoutBar(id="turnout-bar").data_bind(PanelScreen.turnout)
                yield self._box(ResultGrid(id="grid"), "panel.grid")
                yield self._box(Attempts(id="attempts"), "panel.attempts")
            with Vertical(id="right"):
                yield self._box(HourChart(id="hours"), "panel.hours")
                yield self._box(BlockProgress(id="blocks"), "panel.blocks")
            yield self._box(RecentCheckIns(id="recent"), "panel.recent")
            with Vertical(id="qr-box", classes="box") as box:
                box.border_title = t("panel.qr")
                yield ProofQR(id="qr").data_bind(PanelScreen.turnout)
        yield ProofLine(id="proof").data_bind(PanelScreen.turnout, PanelScreen.checked_at)
        yield Footer()

    @staticmethod
    def _box(widget: F, title_key: str) -> F:
        widget.add_class("box")
        widget.border_title = t(title_key)
        return widget.data_bind(PanelScreen.turnout)

    def on_mount(self) -> None:
        if self.poll_interval is None:
            self.poll_interval = WEB_POLL_INTERVAL_S if self.app.is_web else POLL_INTERVAL_S
        if self.app.is_web:  # a browser tab's keys go nowhere (tps_console/web): none to show
            self.query_one(Footer).display = False
        if self.watcher.pushes:
            self._poll_worker = self._follow_in_thread()
        else:
            self.set_interval(self.poll_interval, self.poll)
        self.set_interval(1.0, self._tick)
        self._announce(self.turnout)

    def action_qr(self) -> None:
        self.app.push_screen(QRScreen(self))

    def action_reload(self) -> None:
        self.poll(force=True)

    def poll(self, *, force: bool = False) -> None:
        """Ask the worker to look for changes, unless the previous look has not come back yet."""
        if self.watcher.pushes:
            self._force_next = self._force_next or force  # the follower's next look
            return
        if self._poll_worker is not None and self._poll_worker.is_running:
            return
        self._poll_started = time.monotonic()
        self._poll_worker = self._poll_in_thread(force)

    @work(thread=True, group="poll")
    def _poll_in_thread(self, force: bool) -> None:
        reading = self.watcher.poll(force=force)
        self.post_message(self.Polled(reading, self._now()))

    @work(thread=True, group="poll")
    def _follow_in_thread(self) -> None:
        """On a server: one look after another, each waiting for the next commit's notification,
        so new figures are drawn as soon as a desk commits, without polling."""
        worker = get_current_worker()
        while not worker.is_cancelled:
            force, self._force_next = self._force_next, False
            self._poll_started = started = time.monotonic()
            reading = self.watcher.poll(force=force, wait=PUSH_WAIT_S)
            if worker.is_cancelled:
                return
            self.post_message(self.Polled(reading, self._now()))
            if reading.trouble is not None:
                time.sleep(RETRY_AFTER_S)
            elif self.app.is_web:  # commits in between are shown together, by the next look
                assert self.poll_interval is not None
                time.sleep(max(0.0, started + self.poll_interval - time.monotonic()))

    def _now(self) -> datetime:
        # To the second, as shown: a reactive that does not change repaints nothing.
        return self.watcher.now().replace(microsecond=0)

    def _tick(self) -> None:
        self.now = self._now()
        stuck = time.monotonic() - self._poll_started > STUCK_AFTER_S
        if stuck and self._poll_worker is not None and self._poll_worker.is_running:
            self._report(Trouble.BUSY, self.now)

    def on_panel_screen_polled(self, message: Polled) -> None:
        reading = message.reading
        if reading.trouble is not None:
            said = reading.said
            detail = t(said.key, **said.params) if said is not None else reading.detail
            self._report(reading.trouble, message.at, detail)
            return
        self.outage = None
        self.checked_at = message.at
        if reading.turnout is not None:
            self.turnout = reading.turnout
            self._announce(reading.turnout)

    def _announce(self, turnout: Turnout | None) -> None:
        if turnout is not None:
            self.call_after_refresh(self.post_message, self.Shown(turnout))

    def _report(self, trouble: Trouble, at: datetime, detail: str = "") -> None:
        if self.outage is None or self.outage.trouble is not trouble:
            assert self.turnout is not None and self.checked_at is not None
            zone = self.turnout.station.timezone
            self.outage = Outage(
                trouble, at.astimezone(zone), self.checked_at.astimezone(zone), detail
            )

    def watch_outage(self, outage: Outage | None) -> None:
        self.set_class(outage is not None, "-outage")


class QRScreen(SaysTooSmall, TranslatedBindings, ModalScreen[None]):
    """The QR code alone, for a window too small to show it beside the figures; it follows the
    panel's figures, so a code photographed here is as fresh as the panel behind it."""

    BINDINGS = [
        Binding("escape", "dismiss", "panel.key.back"),
        Binding("k", "dismiss", "panel.key.back", show=False),
    ]

    def __init__(self, panel: PanelScreen) -> None:
        super().__init__()
        self.panel = panel

    def compose(self) -> ComposeResult:
        with Vertical(id="qr-alone"):
            yield ProofQR(id="qr")
            yield Static(t("panel.qr_hint"), id="qr-hint")
        yield Footer()

    def on_mount(self) -> None:
        qr = self.query_one(ProofQR)
        self.watch(self.panel, "turnout", lambda turnout: setattr(qr, "turnout", turnout))


class PanelApp(StaysUp, TranslatedBindings, App[None]):
    # Anchored here: a relative path would be looked up beside a subclass's module instead.
    CSS_PATH = Path(__file__).with_name("panel.tcss")
    CSS = small_window.CSS
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q", "quit", "panel.key.quit"),
        Binding("r", "screen.reload", "panel.key.reload"),
        # A terminal's redraw key; the web server types it for a browser tab that joins a
        # panel already drawing for others (tps_console/web).
        Binding("ctrl+l", "redraw", show=False),
    ]

    def __init__(self, watcher: Watcher, first: Turnout, *, poll_interval: float | None) -> None:
        super().__init__()
        self.watcher = watcher
        self.first = first
        self.poll_interval = poll_interval
        self.title = t("panel.title", tps=first.status.tps)

    def get_default_screen(self) -> PanelScreen:
        return PanelScreen(self.watcher, self.first, poll_interval=self.poll_interval)

    def action_redraw(self) -> None:
        self.screen.refresh()  # the whole screen is dirty: every cell is written again

    def on_unmount(self) -> None:
        self.watcher.close()


def make_panel(
    target: Path | str,
    clock: Clock,
    *,
    poll_interval: float | None = None,
    app_class: type[PanelApp] = PanelApp,
) -> PanelApp:
    """The panel on the station at `target`, read-only. Raises BadInput if it is not a station.
    `poll_interval`: seconds between looks at a file (None: as fits a terminal or a browser)."""
    watcher = Watcher(target, clock)
    first = watcher.open()
    return app_class(watcher, first, poll_interval=poll_interval)
