"""What the desk's app and screens share, in a module of its own so that the screens can use it
without importing the app (which imports them): plain data, and the way to watch the app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.dom import DOMNode
from textual.reactive import Reactive


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
    """How this desk opens the witness panel on its station in a second window (`argv`), and the
    command a person types for it where no window can be opened (`shown`)."""

    argv: tuple[str, ...]
    shown: str


def watch_desk(node: DOMNode, name: str, callback: Callable[[Any], None]) -> None:
    """Call `callback` with the app's shared reactive `name` now and whenever it changes.

    Screens name it by its string, not by `DeskApp.name` (importing the app would close a
    circle), and Textual would quietly pass None for a name that is not there: so it is checked."""
    if not isinstance(getattr(type(node.app), name, None), Reactive):
        raise AttributeError(f"{type(node.app).__name__} has no shared reactive {name!r}")
    node.watch(node.app, name, callback)
