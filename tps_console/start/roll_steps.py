"""Steps 1 and 2 of a new station: the polling day and the roll file, then what the roll holds,
before anything is written. The roll is read by the domain's `parse_roll`, as `init` reads it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich import box
from rich.table import Table
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from tps_console.domain.errors import TpsError
from tps_console.domain.roll.parse import RowIssue, parse_date
from tps_console.domain.roll.read import parse_roll, read_roll
from tps_console.domain.views.roll_preview import preview_roll
from tps_console.domain.vocab import Category, Sex
from tps_console.i18n import t
from tps_console.i18n.dates import long_date
from tps_console.i18n.issues import issue_message
from tps_console.start.browse import ROLL_SUFFIXES, FileBrowser
from tps_console.start.draft import RollRead
from tps_console.start.places import Places
from tps_console.start.step import Step


class RollStep(Step[RollRead]):
    BINDINGS = [Binding("ctrl+o", "browse", "start.key.browse", priority=True)]
    name_key = "roll"

    def __init__(self, places: Places, *, drill: bool) -> None:
        super().__init__(drill=drill)
        self.places = places

    def body(self) -> ComposeResult:
        yield Label(t("start.roll.date"))
        yield Input(id="date", placeholder=t("start.roll.date_hint"))
        yield Static("", id="date-long", classes="hint")
        yield Label(t("start.roll.file"))
        yield Input(id="roll", placeholder=t("start.roll.file_hint"))
        yield Static(t("start.roll.file_help"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()
        self._show_date()

    def changed(self, field: Input) -> None:
        if field.id == "date":
            self._show_date()

    def _day(self) -> date | None:
        return parse_date(self.query_one("#date", Input).value)

    def _show_date(self) -> None:
        day = self._day()
        self.query_one("#date-long", Static).update(long_date(day) if day else "")

    def entered(self, field: Input) -> bool:
        if field.id == "roll" and not field.value.strip():
            self.action_browse()
            return True
        return False

    def action_browse(self) -> None:
        def chosen(path: Path | str | None) -> None:
            if isinstance(path, Path):  # a roll is a file (no server's URL is taken here)
                field = self.query_one("#roll", Input)
                field.value = str(path)
                field.focus()

        typed = self.query_one("#roll", Input).value.strip()
        start = Path(typed).expanduser().parent if typed else self.places.documents
        self.app.push_screen(FileBrowser(self.places, ROLL_SUFFIXES, "browse.roll", start), chosen)

    def action_next(self) -> None:
        day = self._day()
        if day is None:
            self.query_one("#date", Input).focus()
            self.say_error(t("start.roll.date_needed"))
            return
        typed = self.query_one("#roll", Input).value.strip()
        if not typed:
            self.action_browse()
            return
        self.say_error(t("start.roll.reading"))
        self._read(Path(typed).expanduser(), day)

    @work(thread=True, exclusive=True)
    def _read(self, path: Path, day: date) -> None:
        try:
            data = read_roll(path)
            parsed = parse_roll(data, day)
        except TpsError as exc:
            self.app.call_from_thread(self.say_error, t(exc.key, **exc.params))
            return
        self.app.call_from_thread(self.done, RollRead(path, data, day, parsed))


class PreviewStep(Step[bool]):
    name_key = "preview"

    def __init__(self, roll: RollRead, *, drill: bool) -> None:
        super().__init__(drill=drill)
        self.roll = roll

    @property
    def rejected(self) -> bool:
        return bool(self.roll.parsed.errors)

    def body(self) -> ComposeResult:
        parsed = self.roll.parsed
        yield Static(t("start.preview.file", path=str(self.roll.path)), classes="hint")
        if parsed.errors:
            yield Static(
                t("start.preview.rejected", count=len(parsed.errors)), classes="error heading"
            )
            yield _issues(parsed.errors, "errors")
            yield Static(t("start.preview.how_to_fix"), classes="hint", id="how-to-fix")
        else:
            preview = preview_roll(parsed)
            yield Static(t("start.preview.total", count=preview.total), classes="heading")
            lists = _table(t("start.preview.list"), Sex.L, Sex.P, t("start.preview.sum"))
            for category in Category:
                counts = preview.by_list[category]
                men, women = counts[Sex.L], counts[Sex.P]
                lists.add_row(category.value, str(men), str(women), str(men + women))
            men, women = preview.sex_total(Sex.L), preview.sex_total(Sex.P)
            lists.add_row(t("start.preview.sum"), str(men), str(women), str(preview.total))
            blocks = _table(t("start.preview.block"), t("start.preview.voters"))
            for block, count in preview.by_block:
                blocks.add_row(block or t("start.preview.no_block"), str(count))
            with Horizontal(classes="tables"):
                yield Static(lists, id="by-list")
                yield Static(blocks, id="by-block")
        if parsed.warnings:
            yield Static(t("start.preview.warnings", count=len(parsed.warnings)), classes="heading")
            yield _issues(parsed.warnings, "warnings")

    def action_next(self) -> None:
        if self.rejected:  # the key stays, to say why a roll with bad rows cannot go on
            self.say_error(t("start.preview.cannot_go_on"))
            return
        self.done(True)


def _table(*headers: str) -> Table:
    """A table that wraps its cells: a problem is read whole, whatever the width."""
    table = Table(*headers, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in table.columns[1:]:
        column.justify = "right"
    return table


def _issues(issues: list[RowIssue], name: str) -> Static:
    table = Table(
        t("start.preview.row"),
        t("start.preview.column"),
        t("start.preview.problem"),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=True,
    )
    table.columns[0].justify = "right"
    table.columns[1].no_wrap = True
    table.columns[2].ratio = 1
    for issue in issues:
        table.add_row(str(issue.line), issue.column or "—", issue_message(issue))
    return Static(table, id=name)
