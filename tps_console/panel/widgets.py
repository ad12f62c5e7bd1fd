"""The panel's figures. Each widget is handed a `Turnout` snapshot (attributes down) and draws it.

They hold no connection and never read the database: the screen gives them plain data.
Widgets whose height follows their content return width-independent Rich renderables or say
their height for a given width (`get_content_height`); only fixed-height ones read their size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from math import ceil

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tps_console.domain.day.hours import PollState
from tps_console.domain.record.proof import qr_text
from tps_console.domain.views.turnout import BlockTurnout, Turnout, clock_face
from tps_console.domain.views.watch import Trouble
from tps_console.i18n import percent, t
from tps_console.panel.bignum import BigNumber

BAR_EIGHTHS = "▏▎▍▌▋▊▉█"
POLL_COLOURS = {
    PollState.NOT_OPEN: "$foreground-muted",
    PollState.OPEN: "$success",
    PollState.DPK_HOUR: "$warning",
    PollState.QUEUE_ONLY: "$warning",
    PollState.CLOSED: "$error",
}
SEPARATOR = "  ·  "


def hhmmss(local: datetime, *, zone: bool = True) -> str:
    return local.strftime("%H:%M:%S %Z" if zone else "%H:%M:%S")


def duration(left: timedelta) -> str:
    minutes, seconds = divmod(int(left.total_seconds()), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{seconds:02d}"


def bar_text(part: int, whole: int, width: int, done: Style, todo: Style) -> Text:
    """A progress bar `width` cells wide, to an eighth of a cell."""
    eighths = round(8 * width * min(part, whole) / whole) if whole else 0
    full, rest = divmod(eighths, 8)
    partial = BAR_EIGHTHS[rest - 1] if rest else ""
    return Text.assemble(("█" * full + partial, done), ("░" * (width - full - len(partial)), todo))


class Figure(Widget):
    """A widget drawn from the current snapshot; blank until the first one arrives."""

    COMPONENT_CLASSES = {"figure--done", "figure--todo", "figure--alert"}
    DEFAULT_CSS = """
    Figure > .figure--done { color: $success; }
    Figure > .figure--todo { color: $foreground 25%; }
    Figure > .figure--alert { color: $warning; text-style: bold; }
    """

    turnout: reactive[Turnout | None] = reactive(None)
    # No figure holds a link: not looking for one in every line of every redraw saves a fifth
    # of the drawing, in each browser tab's process.
    auto_links = False

    def shape(self, turnout: Turnout) -> object:
        """What the figure's height depends on (a fixed-height figure: nothing)."""
        return None

    def _watch_turnout(self, old: Turnout | None, new: Turnout | None) -> None:
        # Each snapshot redraws the figure; only one that may change its height (a new list, a
        # new block) lays the screen out again. A layout for every check-in would redraw the
        # whole screen in every browser tab's process.
        if old is None or new is None or self.shape(old) != self.shape(new):
            self.refresh(layout=True)

    def render(self) -> RenderableType:
        return "" if self.turnout is None else self.draw(self.turnout)

    def draw(self, turnout: Turnout) -> RenderableType:
        raise NotImplementedError

    def bar(self, part: int, whole: int, width: int) -> Text:
        done = self.get_component_rich_style("figure--done")
        todo = self.get_component_rich_style("figure--todo")
        return bar_text(part, whole, width, done, todo)


class TurnoutCount(BigNumber):
    """Voters who came, in digits sized for the room."""

    turnout: reactive[Turnout | None] = reactive(None)

    def watch_turnout(self, turnout: Turnout | None) -> None:
        self.value = "" if turnout is None else str(turnout.status.checked_in)


class TurnoutLine(Figure):
    def draw(self, turnout: Turnout) -> RenderableType:
        s = turnout.status
        pct = percent(s.turnout_pct)
        return Content.styled(
            t("panel.turnout_line", checked_in=s.checked_in, expected=s.expected, pct=pct),
            "bold",
        )


class TurnoutBar(Figure):
    def draw(self, turnout: Turnout) -> RenderableType:
        s = turnout.status
        return self.bar(s.checked_in, s.expected, self.content_size.width)


class ResultGrid(Figure):
    """The opening of the C.Hasil: voters who came by list and sex, and those with disabilities."""

    def shape(self, turnout: Turnout) -> object:
        return tuple(turnout.came)

    def draw(self, turnout: Turnout) -> RenderableType:
        heads = ["", t("panel.col.l"), t("panel.col.p"), t("panel.col.total")]
        rows = [*turnout.came.items(), (t("panel.row.total"), turnout.total)]
        rows += [(t("panel.row.disabled"), turnout.disabled)]
        cells = [[label, str(n.l), str(n.p), str(n.total)] for label, n in rows]
        styles = [""] * len(turnout.came) + ["bold", ""]  # the total in bold
        widths = [max(len(c[i]) for c in [heads, *cells]) for i in range(4)]
        widths[1:] = [max(5, w) for w in widths[1:]]

        def line(values: list[str]) -> str:
            label, *numbers = values
            return label.ljust(widths[0]) + "".join(
                "  " + n.rjust(w) for n, w in zip(numbers, widths[1:], strict=True)
            )

        # Not stretched: across a room a number must sit close to its row label. Drawn as
        # plain lines, not a Rich table: a tenth of the work, in every browser tab's process.
        margin = " " * max(0, (self.content_size.width - len(line(heads))) // 2)
        lines = [Content.assemble(margin, (line(heads), "bold underline"))]
        lines += [
            Content.styled(margin + line(c), style) for c, style in zip(cells, styles, strict=True)
        ]
        return Content("\n").join(lines)


class Attempts(Figure):
    """Refused duplicate attempts, undone check-ins and the lines of C.Kejadian Khusus: what a
    witness must be able to question."""

    def draw(self, turnout: Turnout) -> RenderableType:
        table = Table.grid(expand=True)
        table.add_column(ratio=1)
        table.add_column(justify="right")
        alert = self.get_component_rich_style("figure--alert")
        for key, n in (
            ("panel.duplicates", turnout.status.blocked_duplicates),
            ("panel.undone", turnout.status.undone),
            ("panel.incidents", turnout.status.incidents),
        ):
            table.add_row(t(key), Text(str(n), style=alert if n else Style(bold=True)))
        return table


class HourChart(Figure):
    """Check-ins per hour as vertical bars filling the widget; the current hour stands out."""

    def watch_turnout(self, turnout: Turnout | None) -> None:
        if turnout is not None:
            self.border_subtitle = t("panel.pace", count=turnout.last_15_min)

    def draw(self, turnout: Turnout) -> RenderableType:
        width, height = self.content_size
        hours = turnout.per_hour
        column = max(3, width // max(len(hours), 1))
        bar_rows = max(1, height - 2)
        peak = max((n for _, n in hours), default=0) or 1
        now_hour = turnout.taken_at.astimezone(turnout.station.timezone).hour
        lines: list[list[tuple[str, str]]] = [[] for _ in range(bar_rows + 2)]
        for hour, n in hours:
            current = hour == now_hour
            eighths = round(n * bar_rows * 8 / peak)
            lines[0].append((str(n).center(column), "bold"))
            for row in range(bar_rows):
                filled = min(8, max(0, eighths - (bar_rows - 1 - row) * 8))
                cell = (" ▁▂▃▄▅▆▇█"[filled] * max(1, column - 2)).center(column)
                lines[row + 1].append((cell, "$accent" if current else "$primary"))
            label = f"{hour:02d}".center(column)
            lines[-1].append((label, "bold $accent" if current else ""))
        return Content("\n").join(Content.assemble(*_merged(line)) for line in lines)


def _merged(cells: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Neighbouring cells of one style as one piece: a line of the chart then has three pieces
    (before the current hour, the hour, after it), not one per hour, and draws in a fraction of
    the time."""
    pieces: list[tuple[str, str]] = []
    for text, style in cells:
        if pieces and pieces[-1][1] == style:
            pieces[-1] = (pieces[-1][0] + text, style)
        else:
            pieces.append((text, style))
    return pieces


def block_label(block: BlockTurnout) -> str:
    return block.block or t("panel.no_block")


class BlockProgress(Figure):
    """Voted / eligible per block, in as many columns as the width allows with a readable bar."""

    MIN_BAR = 6
    GAP = 3

    def _layout(self, width: int) -> tuple[int, int, int, int]:
        """(label width, count width, bar width, columns) for the current blocks in `width`."""
        assert self.turnout is not None
        blocks = self.turnout.blocks
        _, label, count = self.shape(self.turnout)

        def bar_width(columns: int) -> int:
            item = (width - self.GAP * (columns - 1)) // columns
            return item - label - count - 2

        columns = 1
        while columns < len(blocks) and bar_width(columns + 1) >= self.MIN_BAR:
            columns += 1
        # Balance the grid: 6 blocks in 4 columns would leave a ragged second row.
        columns = ceil(len(blocks) / ceil(len(blocks) / columns)) if blocks else 1
        return label, count, max(1, bar_width(columns)), columns

    def shape(self, turnout: Turnout) -> tuple[int, int, int]:
        """How many blocks, the widest label and the widest count: all the layout reads."""
        blocks = turnout.blocks
        label = max((len(block_label(b)) for b in blocks), default=0)
        count = max((len(f"{b.voted}/{b.eligible}") for b in blocks), default=0)
        return len(blocks), label, count

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.turnout is None or not self.turnout.blocks:
            return 1
        return ceil(len(self.turnout.blocks) / self._layout(width)[3])

    def draw(self, turnout: Turnout) -> RenderableType:
        blocks = turnout.blocks
        label, count, bar_width, columns = self._layout(self.content_size.width)
        rows = ceil(len(blocks) / columns)
        lines = []
        for r in range(rows):
            line = Text()
            for i, b in enumerate(blocks[r::rows]):
                line.append(" " * self.GAP if i else "")
                line.append(block_label(b).ljust(label) + " ", style="bold")
                line.append_text(self.bar(b.voted, b.eligible, bar_width))
                line.append(" " + f"{b.voted}/{b.eligible}".rjust(count))
            lines.append(line)
        return Text("\n").join(lines)


class RecentCheckIns(Figure):
    """The latest check-ins as list number and initials only (never a name or NIK)."""

    def shape(self, turnout: Turnout) -> object:
        return len(turnout.recent)

    def draw(self, turnout: Turnout) -> RenderableType:
        numbers = [f"{c.no}" for c in turnout.recent]
        width = max((len(n) for n in numbers), default=0)
        initials = self.content_size.width - width - len(" ") - len(" 00:00")
        return Content("\n").join(
            Content(f"{n.rjust(width)} {c.initials[:initials].ljust(initials)} {c.at:%H:%M}")
            for n, c in zip(numbers, turnout.recent, strict=True)
        )


class ClockLine(Figure):
    """TPS, the time (drill or WIB), time left until closing and the polls' state."""

    now: reactive[datetime | None] = reactive(None)

    def draw(self, turnout: Turnout) -> RenderableType:
        face = clock_face(turnout.station, self.now or turnout.taken_at, closed=turnout.closed)
        parts = [
            Content.styled(turnout.status.tps, "bold"),
            Content.styled(hhmmss(face.local), "bold"),
        ]
        if face.polls == PollState.NOT_OPEN:
            parts.append(Content(t("panel.opens_at", at=turnout.station.opens.strftime("%H:%M"))))
        elif face.polls in (PollState.OPEN, PollState.DPK_HOUR):
            parts.append(Content(t("panel.time_left", left=duration(face.left))))
        elif face.polls == PollState.QUEUE_ONLY:
            parts.append(Content(t("panel.queue", waiting=turnout.status.queue_waiting)))
        state = f" {t(f'polls.{face.polls.value}').upper()} "
        parts.append(Content.styled(state, f"bold reverse {POLL_COLOURS[face.polls]}"))
        return Content(SEPARATOR).join(parts)


class ProofLine(Figure):
    """What a witness writes down and later checks with `verify --expect`, with the time checked:
    the newest event's code, or once closed the closing event's, which no longer moves when
    someone signs in (the code witnesses copy onto C.Hasil)."""

    checked_at: reactive[datetime | None] = reactive(None)

    def draw(self, turnout: Turnout) -> RenderableType:
        s = turnout.status
        key = "panel.proof_closed" if s.closing else "panel.proof"
        checked = (self.checked_at or turnout.taken_at).astimezone(turnout.station.timezone)
        when = t("panel.checked", at=hhmmss(checked))
        line = Content.assemble((t(key, code=s.proof_code), "bold"), SEPARATOR, when)
        roll = t("panel.roll", roll=s.roll_fingerprint[:8])
        # The roll's fingerprint only where the line has room: the code is what witnesses copy.
        if line.cell_length + len(SEPARATOR) + len(roll) <= (self.size.width or 10_000):
            line = Content.assemble(line, SEPARATOR, roll)
        return line


# A QR code is read dark on light: fixed colours, whatever the theme. Each cell holds two
# modules, the upper one as an upper half block in the foreground, the lower one as the cell's
# background, so the cell is filled edge to edge (a phone reads no seam between rows).
DARK, LIGHT = "#000000", "#ffffff"
_CELL_STYLES = {
    (top, bottom): Style(color=DARK if top else LIGHT, bgcolor=DARK if bottom else LIGHT)
    for top in (False, True)
    for bottom in (False, True)
}


@lru_cache(maxsize=4)  # drawn again at every check-in; the code changes with the event only
def qr_blocks(text: str) -> Text:
    """`text` as a QR code in half blocks (two modules a cell, so modules are square), with a
    quiet zone of two modules, which a phone reads off a screen."""
    import segno  # only where a QR is drawn

    code = segno.make(text, error="l", micro=False)
    rows = [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=2)]
    rows.append([False] * len(rows[0]))  # an odd count: the last cell row is half quiet zone
    drawn = Text(no_wrap=True, end="")
    for n, (top, bottom) in enumerate(zip(rows[::2], rows[1::2], strict=False)):
        if n:
            drawn.append("\n")
        for pair in zip(top, bottom, strict=True):
            drawn.append("▀", _CELL_STYLES[pair])
    return drawn


def qr_size(text: Text) -> Size:
    lines = text.plain.split("\n")
    return Size(len(lines[0]), len(lines))


class ProofQR(Figure):
    """The proof as a QR code (record/proof.py): a phone's photograph of the panel carries the
    TPS, the event number and the event's full hash, which `verify --expect` takes as it is."""

    DEFAULT_CSS = "ProofQR { width: auto; height: auto; }"

    def shape(self, turnout: Turnout) -> object:
        return turnout.status.tps  # the code's size follows the length of its text

    def draw(self, turnout: Turnout) -> RenderableType:
        return qr_blocks(self._text(turnout))

    @staticmethod
    def _text(turnout: Turnout) -> str:
        s = turnout.status
        return qr_text(s.tps, s.drill, *s.proof_event)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return qr_size(qr_blocks(self._text(self.turnout))).width if self.turnout else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return qr_size(qr_blocks(self._text(self.turnout))).height if self.turnout else 0


@dataclass(frozen=True)
class Outage:
    """The database could not be read: what is wrong, since when, and how old the figures are."""

    trouble: Trouble
    since: datetime  # local
    figures_of: datetime  # local
    detail: str = ""


class OutageNotice(Static):
    """Says what is wrong and since when; the figures on screen stay as last read."""

    outage: reactive[Outage | None] = reactive(None)

    DEFAULT_CSS = """
    OutageNotice { display: none; }
    OutageNotice.-shown { display: block; }
    """

    def watch_outage(self, outage: Outage | None) -> None:
        # A class, not `display`: below 80×24 the window's notice must be able to hide it.
        self.set_class(outage is not None, "-shown")
        if outage is not None:
            what = t(
                f"panel.trouble.{outage.trouble.value}",
                since=hhmmss(outage.since, zone=False),
                detail=outage.detail[:40],
            )
            stale = t("panel.trouble.stale", at=hhmmss(outage.figures_of, zone=False))
            self.update(Content(f"⚠ {what} · {stale}"))  # literal: a driver message may hold [ ]
