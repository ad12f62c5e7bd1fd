"""Before a TPS is made on a site's server: the voters of its roll who stand on another TPS's
roll there already (the same NIK, or the same register number). Each is a person listed twice
(*DPT ganda*) unless the chair, who has the papers, confirms one by one that it is someone else.
Only when every one is confirmed is the TPS made; otherwise the roll is mended first."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, SelectionList, Static

from tps_console.domain.store.site import OnAnotherRoll
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.i18n.site_lines import on_other_roll


class OtherRollsScreen(TranslatedBindings, ModalScreen[frozenset[int] | None]):
    """Dismissed with the roll's numbers the chair confirmed are other people (all of them), or
    None: back to the summary, nothing made."""

    BINDINGS = [
        Binding("space", "mark", "start.key.mark", priority=True),
        Binding("enter", "make", "start.key.create", priority=True),
        Binding("escape", "back", "start.key.back"),
    ]

    def __init__(self, found: list[OnAnotherRoll]) -> None:
        super().__init__()
        # One entry per voter of this roll, with every roll they stand on already.
        self.voters: dict[int, list[OnAnotherRoll]] = {}
        for each in found:
            self.voters.setdefault(each.no, []).append(each)

    def _said(self, no: int, *, full: bool) -> str:
        """Voter `no` and where else they stand: on one line, or a line each."""
        found = [on_other_roll(f) for f in self.voters[no]]
        who, wheres = found[0][0], [where for _, where in found]
        if full:
            return "\n  ".join([f"{who}:", *wheres])
        return f"{who}: " + "; ".join(wheres)

    def compose(self) -> ComposeResult:
        with Vertical(id="other-rolls"):
            yield Static(t("start.other_rolls.title", count=len(self.voters)), classes="heading")
            yield Static(t("start.other_rolls.intro"), classes="hint")
            # One line each, the highlighted one in full beneath. Names as the roll wrote them,
            # never read as markup.
            yield SelectionList[int](
                *((Text(self._said(no, full=False)), no) for no in self.voters),
                id="other-roll-list",
            )
            yield Static("", id="other-roll-detail")
            yield Static("", classes="error", id="other-rolls-error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @on(SelectionList.SelectionHighlighted)
    def _highlighted(self, event: SelectionList.SelectionHighlighted[int]) -> None:
        no = event.selection.value
        self.query_one("#other-roll-detail", Static).update(Text(self._said(no, full=True)))

    def on_selection_list_selected_changed(self) -> None:
        self.query_one("#other-rolls-error", Static).update("")

    def action_mark(self) -> None:
        self.query_one(SelectionList[int]).action_select()

    def action_make(self) -> None:
        confirmed = frozenset(self.query_one(SelectionList[int]).selected)
        left = [no for no in self.voters if no not in confirmed]
        if left:
            numbers = ", ".join(str(no) for no in left)
            self.query_one("#other-rolls-error", Static).update(
                t("start.other_rolls.unconfirmed", numbers=numbers)
            )
            return
        self.dismiss(confirmed)

    def action_back(self) -> None:
        self.dismiss(None)
