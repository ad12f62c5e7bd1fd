"""The site overview: each TPS of a site's database on a line of its own — turnout against its
roll, its check-ins hour by hour, open or closed, its closing code — and the site's total.

For the lapas head, Bawaslu and the KPU, on a screen in the control room or a browser tab. It
only reads, through each TPS's witness views where the witnesses' role is set up (no NIK), and
follows each TPS as the panel does: a worker per TPS waits for that TPS's commits (LISTEN/NOTIFY)
and hands back a plain `Reading`; the UI thread never touches the database.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from tps_console.domain.day.hours import PollState
from tps_console.domain.record.clock import Clock, unstamp
from tps_console.domain.views.site import site_watchers
from tps_console.domain.views.turnout import Turnout
from tps_console.domain.views.watch import Reading, Watcher
from tps_console.i18n import percent, t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.tui import small_window
from tps_console.tui.stays_up import StaysUp

# Each look waits for its TPS's next commit this long at most, then looks again.
PUSH_WAIT_S = 0.5
RETRY_AFTER_S = 1.0
# In a browser tab, one look a second per TPS at most (see panel/app.py WEB_POLL_INTERVAL_S).
WEB_INTERVAL_S = 1.0
SPARKS = " ▁▂▃▄▅▆▇█"
CODE_WIDTH = len("№ 9999 · XXXX-XXXX-XXXX-XXXX-X")


@dataclass(frozen=True)
class Line:
    """What the overview shows of one TPS: its last figures, and whether they are out of date."""

    turnout: Turnout
    trouble: str = ""  # why it could not be read just now ("" when it was)


class SiteApp(StaysUp, TranslatedBindings, App[None]):
    CSS_PATH = Path(__file__).with_name("site.tcss")
    CSS = small_window.CSS
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q", "quit", "panel.key.quit"),
        # A terminal's redraw key; the web server types it for a tab that joins (tps_console/web).
        Binding("ctrl+l", "redraw", show=False),
    ]

    class Polled(Message):
        def __init__(self, number: str, reading: Reading) -> None:
            super().__init__()
            self.number = number
            self.reading = reading

    class Shown(Message):
        """A TPS's new figures have been painted (the site benchmark listens for it)."""

        def __init__(self, number: str, turnout: Turnout) -> None:
            super().__init__()
            self.number = number
            self.turnout = turnout

    def __init__(self, watchers: dict[str, Watcher], first: dict[str, Turnout]) -> None:
        super().__init__()
        self.watchers = watchers
        self.lines = {n: Line(first[n]) for n in watchers}
        self.title = t("site.title", count=len(watchers))

    def compose(self) -> ComposeResult:
        if any(line.turnout.status.drill for line in self.lines.values()):
            yield Static(Content(t("drill.banner")), id="drill")
        yield Static(id="heading")
        yield Static(id="trouble")
        yield Static(id="table")
        yield Footer()

    def on_mount(self) -> None:
        if self.is_web:  # a browser tab's keys go nowhere (tps_console/web)
            self.query_one(Footer).display = False
        self._draw_table()
        for number in self.watchers:
            self._follow(number)
        self.set_interval(1.0, self._tick)
        self._tick()

    @work(thread=True, group="follow")
    def _follow(self, number: str) -> None:
        watcher = self.watchers[number]
        worker = get_current_worker()
        while not worker.is_cancelled:
            started = time.monotonic()
            reading = watcher.poll(wait=PUSH_WAIT_S)
            if worker.is_cancelled:
                return
            if reading.trouble is not None or reading.turnout is not None:
                self.post_message(self.Polled(number, reading))
            if reading.trouble is not None:
                time.sleep(RETRY_AFTER_S)
            elif self.is_web:
                time.sleep(max(0.0, started + WEB_INTERVAL_S - time.monotonic()))

    def on_site_app_polled(self, message: Polled) -> None:
        reading, number = message.reading, message.number
        old = self.lines[number]
        if reading.turnout is not None:
            self.lines[number] = Line(reading.turnout)
            self._draw_table()
            self.call_after_refresh(self.post_message, self.Shown(number, reading.turnout))
        elif reading.trouble is not None:
            said = reading.said
            detail = t(said.key, **said.params) if said is not None else reading.detail
            self.lines[number] = Line(old.turnout, detail or t(f"panel.trouble.{reading.trouble}"))
            self._draw_table()

    def on_resize(self, event: events.Resize) -> None:
        # The event's size: the app's own may not have followed it yet when this runs.
        self._draw_table(event.size.width)

    def _draw_table(self, width: int | None = None) -> None:
        lines = self.lines
        table = site_table(lines, width or self.size.width)
        self.query_one("#table", Static).update(table)
        troubled = [
            f"{line.turnout.status.tps}: {line.trouble}" for line in lines.values() if line.trouble
        ]
        notice = self.query_one("#trouble", Static)
        notice.update("\n".join(troubled))
        notice.set_class(bool(troubled), "-shown")

    def _tick(self) -> None:
        first = next(iter(self.lines.values())).turnout
        now = next(iter(self.watchers.values())).now().astimezone(first.station.timezone)
        self.query_one("#heading", Static).update(
            t("site.heading", count=len(self.lines), at=f"{now:%H:%M:%S}", zone=now.tzname())
        )

    def action_redraw(self) -> None:
        self.screen.refresh()

    def on_unmount(self) -> None:
        for watcher in self.watchers.values():
            watcher.close()


# Below this width the hour chart gives its room to the closing code, which must stay whole.
CHART_FROM = 90


def site_table(lines: dict[str, Line], width: int) -> Table:
    """One row per TPS and the site's total: big enough to read across a room. A TPS that is a
    drill among real ones says so on its row (all drills: the banner above says it)."""
    chart = width >= CHART_FROM
    mixed = len({line.turnout.status.drill for line in lines.values()}) > 1
    table = Table(expand=True, header_style="bold", show_edge=False, pad_edge=False)
    names = max((len(line.turnout.status.tps) for line in lines.values()), default=0)
    table.add_column(t("site.col.tps"), no_wrap=True, min_width=names + (2 if mixed else 0))
    table.add_column(t("site.col.came"), justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True, min_width=6)
    if chart:
        table.add_column(t("site.col.hours"), no_wrap=True)
    table.add_column(t("site.col.polls"), no_wrap=True)
    table.add_column(t("site.col.code"), no_wrap=True, min_width=CODE_WIDTH)
    came = expected = 0
    per_hour: dict[int, int] = {}
    for line in lines.values():
        turnout, status = line.turnout, line.turnout.status
        came, expected = came + status.checked_in, expected + status.expected
        for hour, n in turnout.per_hour:
            per_hour[hour] = per_hour.get(hour, 0) + n
        name = Text(status.tps, style="bold")
        if status.drill and mixed:
            name.append(" SIMULASI", style="bold red")
        if line.trouble:
            name.append(" ⚠", style="bold yellow")
        hours = [sparkline(turnout.per_hour)] if chart else []
        table.add_row(
            name,
            Text(f"{status.checked_in}/{status.expected}", style="bold"),
            percent(status.turnout_pct),
            *hours,
            polls(turnout),
            status.proof_code if status.closing else "—",
        )
    table.add_section()
    pct = round(100 * came / expected, 2) if expected else 0.0
    total = [sparkline(tuple(sorted(per_hour.items())))] if chart else []
    table.add_row(
        Text(t("site.total"), style="bold"),
        Text(f"{came}/{expected}", style="bold"),
        Text(percent(pct), style="bold"),
        *total,
        "",
        "",
    )
    return table


def sparkline(per_hour: tuple[tuple[int, int], ...]) -> Text:
    """Check-ins per hour, one character an hour from opening to closing."""
    peak = max((n for _, n in per_hour), default=0)
    bars = "".join(SPARKS[round(n * 8 / peak)] if peak else SPARKS[0] for _, n in per_hour)
    return Text(bars, style="bold cyan")


def polls(turnout: Turnout) -> Text:
    status = turnout.status
    if status.closed_at is not None:
        at = f"{unstamp(status.closed_at).astimezone(turnout.station.timezone):%H:%M}"
        return Text(t("site.closed", at=at), "bold red")
    style = {PollState.OPEN: "bold green", PollState.DPK_HOUR: "bold green"}.get(
        status.polls, "bold yellow" if status.polls == PollState.QUEUE_ONLY else "dim"
    )
    return Text(t(f"polls.{status.polls.value}"), style=style)


def make_site(target: str, clock: Clock, *, app_class: type[SiteApp] = SiteApp) -> SiteApp:
    """The overview of the site at `target` (a server's database, no `?tps=`). Raises BadInput
    if it holds no TPS this login may read."""
    watchers = site_watchers(target, clock)
    first: dict[str, Turnout] = {}
    try:
        for number, watcher in watchers.items():
            first[number] = watcher.open()
    except BaseException:
        for watcher in watchers.values():
            watcher.close()
        raise
    return app_class(watchers, first)
