"""Step 6: the ballots received, per type and per source, as the handover minutes state them:
the TPS's own, then each lending TPS (*TPS penyangga*) by name. Never computed: the 2 % reserve
is in the minutes, and the desk can enter more later."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import Input, Label, Static

from tps_console.domain.day.ballots import parse_count
from tps_console.domain.day.setup import Stock, check_stock
from tps_console.domain.errors import TpsError
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.i18n import t
from tps_console.start.draft import Draft
from tps_console.start.step import Step


class BallotsStep(Step[tuple[Stock, ...]]):
    BINDINGS = [Binding("ctrl+t", "add_lender", "start.key.add_lender", priority=True)]
    name_key = "ballots"

    def __init__(self, draft: Draft) -> None:
        super().__init__(drill=draft.drill)
        self.tps = draft.tps
        self.previous = draft.stock
        self.lenders = max(1, sum(1 for s in draft.stock if s.lender))

    def body(self) -> ComposeResult:
        yield Static(t("start.ballots.intro"), classes="hint")
        with Grid(id="ballot-grid"):
            yield Label(t("start.ballots.source"), classes="grid-head")
            for ballot in ALL_BALLOTS:
                yield Label(ballot, classes="grid-head")
            yield Label(t("start.ballots.own", tps=self.tps))
            for ballot in ALL_BALLOTS:
                yield Input(id=f"own-{ballot}", classes="count", restrict=r"[0-9]*")
            for n in range(1, self.lenders + 1):
                yield from self._lender_row(n)
        yield Static(t("start.ballots.help"), classes="hint")

    def _lender_row(self, n: int) -> ComposeResult:
        yield Input(id=f"lender{n}-name", placeholder=t("start.ballots.lender_hint"))
        for ballot in ALL_BALLOTS:
            yield Input(id=f"lender{n}-{ballot}", classes="count", restrict=r"[0-9]*")

    def on_mount(self) -> None:
        lenders = [s for s in self.previous if s.lender]
        for stock in self.previous:
            prefix = "own" if not stock.lender else f"lender{lenders.index(stock) + 1}"
            if stock.lender:
                self._input(f"{prefix}-name").value = stock.lender
            for ballot, count in stock.counts.items():
                self._input(f"{prefix}-{ballot}").value = str(count)
        self._input(f"own-{ALL_BALLOTS[0]}").focus()

    def _input(self, name: str) -> Input:
        return self.query_one(f"#{name}", Input)

    async def action_add_lender(self) -> None:
        self.lenders += 1
        grid = self.query_one("#ballot-grid", Grid)
        await grid.mount_all(list(self._lender_row(self.lenders)))
        self._input(f"lender{self.lenders}-name").focus()

    def _row(self, prefix: str, lender: str) -> Stock | None:
        counts: dict[str, int] = {}
        for ballot in ALL_BALLOTS:
            raw = self._input(f"{prefix}-{ballot}").value.strip()
            if raw:
                counts[ballot] = parse_count(raw)
        if not counts and not lender:
            return None
        return Stock(counts, lender)

    def action_next(self) -> None:
        rows: list[Stock] = []
        try:
            own = self._row("own", "")
            if own is not None:
                rows.append(own)
            for n in range(1, self.lenders + 1):
                name = self._input(f"lender{n}-name").value.strip()
                row = self._row(f"lender{n}", name)
                if row is not None and not name:
                    self._input(f"lender{n}-name").focus()
                    self.say_error(t("start.ballots.lender_name"))
                    return
                if row is not None:
                    rows.append(row)
            checked = check_stock(self.tps, rows)
        except TpsError as exc:
            self.say_error(t(exc.key, **exc.params))
            return
        self.done(tuple(checked))
