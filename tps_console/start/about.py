"""About: which version this is, where its files are, and where the backups go."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.machine.recent import RECENT_FILE


def program_version() -> str:
    try:
        return version("tps-console")
    except PackageNotFoundError:  # a build that carries no metadata
        return "?"


class AboutScreen(TranslatedBindings, ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "start.key.back"),
        Binding("enter", "dismiss", "start.key.close", show=False),
    ]

    def __init__(self, data: Path, stations: Path) -> None:
        super().__init__()
        self.data = data
        self.stations = stations

    def compose(self) -> ComposeResult:
        with Vertical(id="about-box"):
            yield Static(t("start.about.title", version=program_version()), classes="step-title")
            yield Static(
                t(
                    "start.about.body",
                    data=str(self.data),
                    stations=str(self.stations),
                    recent=str(self.data / RECENT_FILE),
                    errors=str(self.data / "errors"),
                ),
                id="about",
            )
        yield Footer(compact=True)
