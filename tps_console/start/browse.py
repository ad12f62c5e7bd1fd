"""Picking a file without a terminal: the documents folder, home and the removable drives on
the left, the folder's contents on the right, and a line to type (or paste) a path into."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DirectoryTree, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tps_console.domain.store.server import is_server
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.start.places import Places

ROLL_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xls"})
STATION_SUFFIXES = frozenset({".db", ".sqlite", ".sqlite3"})


class RollTree(DirectoryTree):
    """Folders, and only the files that can be what is asked for; hidden ones left out."""

    def __init__(self, path: Path, suffixes: frozenset[str]) -> None:
        super().__init__(path, id="tree")
        self.suffixes = suffixes

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        shown = []
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or path.suffix.lower() in self.suffixes:
                    shown.append(path)
            except OSError:
                continue
        return shown


class FileBrowser(TranslatedBindings, Screen[Path | str | None]):
    BINDINGS = [
        Binding("escape", "back", "start.key.back"),
        Binding("ctrl+l", "type_path", "start.key.type_path", priority=True),
        Binding("backspace", "up", "start.key.folder_up"),
    ]

    def __init__(
        self,
        places: Places,
        suffixes: frozenset[str],
        title_key: str,
        start: Path | None = None,
        *,
        servers: bool = False,
    ) -> None:
        """`servers`: a station, which may also be a server's `postgresql://` URL typed into
        the path line (handed back as it was typed)."""
        super().__init__()
        self.servers = servers
        self.places = places
        self.suffixes = suffixes
        self.title_key = title_key
        folder = start if start is not None and start.is_dir() else places.documents
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield Static(t(self.title_key), classes="step-title")
        yield Input(str(self.folder), id="path", placeholder=t("browse.path_hint"))
        with Horizontal(id="browser"):
            yield OptionList(*self._place_options(), id="places")
            yield RollTree(self.folder, self.suffixes)
        yield Static(t("browse.help"), classes="hint")
        if self.servers:
            yield Static(t("browse.server"), classes="hint", id="server-hint")
        yield Static("", classes="error", id="browse-error")
        yield Footer(compact=True)

    def _place_options(self) -> list[Option]:
        places = [
            (t("browse.documents"), self.places.documents),
            (t("browse.home"), Path.home()),
            *((t("browse.drive", name=d.name or str(d)), d) for d in self.places.drives),
        ]
        # One entry per folder: without a Documents folder of its own, the home folder stands in.
        seen: set[str] = set()
        options = []
        for label, folder in places:
            if str(folder) not in seen:
                seen.add(str(folder))
                options.append(Option(label, id=str(folder)))
        if not self.places.drives:
            options.append(Option(t("browse.no_drive"), disabled=True))
        return options

    def on_mount(self) -> None:
        self.query_one(RollTree).focus()

    def _go(self, folder: Path) -> None:
        self.folder = folder
        self.query_one(RollTree).path = folder
        self.query_one("#path", Input).value = str(folder)

    @on(OptionList.OptionSelected, "#places")
    def _place(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._go(Path(event.option.id))
            self.query_one(RollTree).focus()

    @on(DirectoryTree.FileSelected)
    def _file(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(Path(event.path))

    @on(DirectoryTree.DirectorySelected)
    def _folder(self, event: DirectoryTree.DirectorySelected) -> None:
        self.query_one("#path", Input).value = str(event.path)

    @on(Input.Submitted, "#path")
    def _typed(self, event: Input.Submitted) -> None:
        typed = event.value.strip().strip('"')
        if self.servers and is_server(typed):
            self.dismiss(typed)
            return
        path = Path(typed).expanduser()
        if path.is_dir():
            self._go(path)
            self.query_one(RollTree).focus()
        elif path.is_file():
            self.dismiss(path)
        else:
            self.query_one("#browse-error", Static).update(t("browse.not_found", path=str(path)))

    @on(Input.Changed, "#path")
    def _clear_error(self) -> None:
        self.query_one("#browse-error", Static).update("")

    def action_type_path(self) -> None:
        self.query_one("#path", Input).focus()

    def action_up(self) -> None:
        if not isinstance(self.focused, Input):
            self._go(self.folder.parent)

    def action_back(self) -> None:
        self.dismiss(None)
