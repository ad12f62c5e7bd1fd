"""Calling by block: who has not voted yet, block by block and cell by cell, for the escorts."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tps_console.desk.footer import DeskFooter
from tps_console.desk.state import watch_desk
from tps_console.desk.strip import StatusStrip
from tps_console.domain.record.station import Record
from tps_console.domain.views.status import Status
from tps_console.domain.views.voters import BlockProgress, waiting_by_block
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.tui.small_window import SaysTooSmall


class CallingScreen(SaysTooSmall, TranslatedBindings, Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "desk.key.back"),
        # Priority: the table would otherwise take left/right for itself.
        Binding("left", "block(-1)", "desk.key.prev_block", priority=True),
        Binding("right", "block(1)", "desk.key.next_block", priority=True),
    ]

    def __init__(self, rec: Record) -> None:
        super().__init__()
        self.rec = rec
        self.blocks: list[BlockProgress] = []
        self.current = 0

    def compose(self) -> ComposeResult:
        yield StatusStrip(self.rec)
        yield Static(id="blocks")
        yield Static(id="block-title")
        yield DataTable(id="waiting", cursor_type="row", zebra_stripes=True)
        yield DeskFooter()

    def on_mount(self) -> None:
        table = self.query_one("#waiting", DataTable)
        table.add_columns(
            t("desk.calling.cell"), "no", t("desk.calling.name"), t("desk.card.register")
        )
        table.focus()
        # The figures change with every commit (the audit head, the event count): read the
        # blocks again each time, here first.
        watch_desk(self, "status", self._record_changed)

    def _record_changed(self, _: Status | None) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        blocks = waiting_by_block(self.rec)
        self.app.call_from_thread(self._show, blocks)

    def _show(self, blocks: list[BlockProgress]) -> None:
        self.blocks = blocks
        self.current = min(self.current, max(len(blocks) - 1, 0))
        self.render_blocks()

    def action_block(self, step: int) -> None:
        if self.blocks:
            self.current = (self.current + step) % len(self.blocks)
            self.render_blocks()

    def render_blocks(self) -> None:
        overview = Text(no_wrap=False)
        for i, block in enumerate(self.blocks):
            style = "bold reverse" if i == self.current else ""
            done = " ✔" if not block.waiting else ""
            overview.append(f" {block.block} {block.voted}/{block.eligible}{done} ", style)
            overview.append(" ")
        self.query_one("#blocks", Static).update(overview)
        table = self.query_one("#waiting", DataTable)
        table.clear()
        if not self.blocks:
            return
        block = self.blocks[self.current]
        self.query_one("#block-title", Static).update(
            t(
                "desk.calling.title",
                block=block.block,
                voted=block.voted,
                eligible=block.eligible,
                waiting=len(block.waiting),
            )
        )
        table.add_rows(
            (w.cell or "—", str(w.no), w.name, w.register_no or "—") for w in block.waiting
        )
