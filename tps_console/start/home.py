"""The start screen: the stations opened here lately, and every way to begin, each on a key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tps_console.domain.store.server import shown
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.i18n.dates import long_date
from tps_console.machine.recent import RecentStation

# The ways to begin, in the order shown, each with its key.
ACTIONS = (
    ("open_file", "o"),
    ("new", "n"),
    ("drill", "l"),
    ("demo", "d"),
    ("about", "a"),
)


class HomeScreen(TranslatedBindings, Screen[None]):
    BINDINGS = [
        *(Binding(key, f"pick('{action}')", f"start.key.{action}") for action, key in ACTIONS),
        Binding("q", "app.quit", "start.key.quit"),
    ]

    @dataclass
    class Picked(Message):
        """What the chair chose; `path`: the recent station to open (a file, or a server's
        URL)."""

        action: str
        path: Path | str | None = None

    def __init__(self, recent: list[RecentStation]) -> None:
        super().__init__()
        self.recent = recent

    def compose(self) -> ComposeResult:
        yield Static(t("start.home.title"), classes="step-title")
        yield Static(t("start.home.intro"), classes="hint")
        yield OptionList(*self._options(), id="home-menu")
        yield Footer(compact=True)

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = [Option(t("start.home.recent"), disabled=True)]
        if not self.recent:
            options.append(Option("  " + t("start.home.no_recent"), disabled=True))
        for n, station in enumerate(self.recent):
            options.append(
                Option(_recent_line(station), id=f"recent:{n}", disabled=not station.exists)
            )
        options += [None, Option(t("start.home.begin"), disabled=True)]
        options += [
            Option(t("start.home.action", key=key, label=t(f"start.home.{action}")), id=action)
            for action, key in ACTIONS
        ]
        return options

    def on_mount(self) -> None:
        menu = self.query_one(OptionList)
        menu.focus()
        menu.highlighted = next(
            n for n in range(menu.option_count) if not menu.get_option_at_index(n).disabled
        )

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id or ""
        if chosen.startswith("recent:"):
            station = self.recent[int(chosen.split(":")[1])]
            self.post_message(self.Picked("recent", station.target))
        else:
            self.action_pick(chosen)

    def action_pick(self, action: str) -> None:
        self.post_message(self.Picked(action))


def _recent_line(station: RecentStation) -> str:
    day = long_date(date.fromisoformat(station.polling_date))
    mark = f" · {t('start.home.simulasi')}" if station.drill else ""
    missing = f"  ({t('start.home.missing')})" if not station.exists else ""
    return f"  {station.tps}{mark} · {day}\n    {shown(station.path)}{missing}"
