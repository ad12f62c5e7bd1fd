"""The strip every desk screen shows: turnout N / expected, the time, the polls' state, who is on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tps_console.desk.state import BackupState, watch_desk
from tps_console.domain.day.hours import PollState, poll_state
from tps_console.domain.record.station import Record
from tps_console.i18n import percent, t

if TYPE_CHECKING:
    from tps_console.domain.day.officers import OfficerInfo
    from tps_console.domain.views.status import Status

# What the desk must remember in these hours (DOMAIN.md).
NOTICES = {
    PollState.DPK_HOUR: "desk.notice.dpk_hour",
    PollState.QUEUE_ONLY: "desk.notice.queue_only",
    PollState.CLOSED: "desk.notice.closed",
}


SEPARATOR = " │ "
# The desk's shared state the strip shows: it follows the app's reactives of these names.
FOLLOWED = ("status", "officer", "backup", "record_trouble")


def packed(parts: list[Text], width: int) -> Text:
    """The parts on as few lines as `width` allows, each line broken only between parts: at 80
    columns who is signed in moves to a second line instead of being cut off."""
    lines: list[Text] = []
    for part in parts:
        if lines and lines[-1].cell_len + len(SEPARATOR) + part.cell_len <= width - 1:
            lines[-1].append(SEPARATOR)
            lines[-1].append_text(part)
        else:
            lines.append(Text(" ").append_text(part))
    return Text("\n").join(lines)


class DrillBanner(Static):
    """SIMULASI across the top of a drill station's screens: a training record is never taken
    for the day's."""

    DEFAULT_CSS = """
    DrillBanner { dock: top; background: $error; color: $text; text-style: bold; height: 1;
                  text-align: center; width: 100%; }
    """

    def __init__(self) -> None:
        super().__init__(t("drill.banner"))


class StatusStrip(Vertical):
    DEFAULT_CSS = """
    StatusStrip { height: auto; }
    StatusStrip > #line { background: $primary-darken-2; color: $text; height: auto; }
    StatusStrip > #notice { background: $warning; color: black; text-style: bold; height: auto;
                            display: none; padding: 0 1; }
    StatusStrip.notice > #notice { display: block; }
    StatusStrip.alarm > #notice { background: $error; color: white; }
    """

    def __init__(self, rec: Record) -> None:
        super().__init__()
        self.rec = rec
        self.status: Status | None = None
        self.officer: OfficerInfo | None = None
        self.backup = BackupState(ok=None)
        self.record_trouble: str | None = None

    def compose(self) -> ComposeResult:
        if self.rec.drill:
            yield DrillBanner()
        yield Static(id="line")
        yield Static(id="notice")

    def on_mount(self) -> None:
        self.set_interval(1, self.update_now)
        for name in FOLLOWED:
            watch_desk(self, name, self._follow(name))

    def _follow(self, name: str) -> Callable[[object], None]:
        def follow(value: object) -> None:
            setattr(self, name, value)
            self.update_now()

        return follow

    def on_resize(self) -> None:
        self.update_now()

    def update_now(self) -> None:
        rec, status, officer = self.rec, self.status, self.officer
        now = rec.local()
        # From the clock, every second: the figures are read again only when the record changes,
        # and the hour alone moves the polls from open to the DPK hour to the queue.
        polls = None
        if status is not None:
            polls = poll_state(rec.station, now, closed=status.closed_at is not None)
        parts = [Text(rec.station.tps, "bold")]
        if status is not None:
            turnout = t("desk.strip.turnout", n=status.checked_in, expected=status.expected)
            parts.append(Text.assemble((turnout, "bold"), f" ({percent(status.turnout_pct)})"))
        parts.append(Text(now.strftime("%H:%M:%S %Z"), "bold"))
        if polls is not None:
            parts.append(Text(t(f"polls.{polls.value}")))
        backup = self.backup
        if backup.ok is True:
            parts.append(Text(t("desk.backup.ok", at=backup.at)))
        elif backup.ok is None:
            parts.append(Text(t("desk.backup.unset"), "bold yellow"))
        who = " · ".join(x for x in (officer.id if officer else "", rec.desk) if x)
        if who:
            parts.append(Text(who))
        if status is not None and status.events:
            # The code witnesses may copy from any screen of the room (the closing one once
            # closed: it no longer moves when someone signs in).
            parts.append(Text(status.proof_code, "bold"))
        # Before the first layout the width is not known yet: one line until it is.
        self.query_one("#line", Static).update(packed(parts, self.size.width or 10_000))
        notice = NOTICES.get(polls) if polls is not None else None
        alarm = True
        if self.record_trouble is not None:
            notice_text = self.record_trouble
        elif backup.ok is False:
            notice_text = t("desk.backup.failed", error=backup.message)
        else:
            alarm = False
            notice_text = t(notice) if notice else ""
        self.set_class(bool(notice_text), "notice")
        self.set_class(alarm, "alarm")
        if notice_text:
            self.query_one("#notice", Static).update(notice_text)
