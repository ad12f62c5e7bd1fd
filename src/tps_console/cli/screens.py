"""Commands of the full-screen apps: the desk and the witness panel."""

from __future__ import annotations

from typing import Any

from tps_console.cli.commands import Command


def register(cmd: Command, sub: Any) -> None:
    pass
