"""Plain data the desk's app and screens share, in a module of its own so that the screens can
use it without importing the app (which imports them)."""

from __future__ import annotations

from dataclasses import dataclass


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
