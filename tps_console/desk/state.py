"""What the desk's app and screens share, in a module of its own so that the screens can use it
without importing the app (which imports them): plain data, and the way to watch the app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.dom import DOMNode
from textual.reactive import Reactive

from tps_console.domain.store.server import is_server, server_url, without_password
from tps_console.machine.launch import own_command, shown_command


@dataclass(frozen=True)
class BackupState:
    """The last automatic backup as the strip shows it: never silent about a failure."""

    ok: bool | None  # None: no backup folder set yet
    at: str = ""  # station time of the last attempt
    message: str = ""


@dataclass(frozen=True)
class DemoLogin:
    id: str
    pin: str
    name: str


@dataclass(frozen=True)
class PanelLaunch:
    """How this desk opens the witness panel in a second window: this program's arguments up to
    `panel` (`args`: no station, which is handed over, never on a command line), and the station
    the panel opens (a path, or a server's URL with the password the panel logs in with)."""

    args: tuple[str, ...]
    station: str

    @property
    def argv(self) -> list[str]:
        return own_command(*self.args)

    @property
    def shown(self) -> str:
        """The command a person types for it where no window can be opened: with no password
        (the panel finds it in pgpass there, as libpq does)."""
        where = without_password(self.station) if is_server(self.station) else self.station
        return shown_command(*self.args, where)

    @property
    def role(self) -> str | None:
        """The server role the panel logs in as; None for a station file."""
        return server_url(self.station).username if is_server(self.station) else None


def watch_desk(node: DOMNode, name: str, callback: Callable[[Any], None]) -> None:
    """Call `callback` with the app's shared reactive `name` now and whenever it changes.

    Screens name it by its string, not by `DeskApp.name` (importing the app would close a
    circle), and Textual would quietly pass None for a name that is not there: so it is checked."""
    if not isinstance(getattr(type(node.app), name, None), Reactive):
        raise AttributeError(f"{type(node.app).__name__} has no shared reactive {name!r}")
    node.watch(node.app, name, callback)
