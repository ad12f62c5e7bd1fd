"""Commands of the day's rules: ballots, DPK, queue, closing, report."""

from __future__ import annotations

from typing import Any

from tps_console.cli.commands import Command


def register(cmd: Command, sub: Any) -> None:
    pass
