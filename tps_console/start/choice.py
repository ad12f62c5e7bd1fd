"""What the start screen hands back to the command line when it closes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Then(StrEnum):
    OPEN = "open"  # the desk of the station at `path`, a file or a server's URL
    DEMO = "demo"  # the demo station and its desk


@dataclass(frozen=True)
class Choice:
    then: Then
    path: Path | str | None = None
