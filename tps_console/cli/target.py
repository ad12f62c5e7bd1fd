"""What `DB` names on the command line: a station file's path, or a server's `postgresql://` URL."""

from __future__ import annotations

from pathlib import Path

from tps_console.domain.record.db import is_url


def station_target(value: str) -> Path | str:
    """A URL stays as typed (a `Path` would fold its `//`); anything else is a file's path."""
    return value if is_url(value) else Path(value)
