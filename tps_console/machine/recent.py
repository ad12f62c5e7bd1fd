"""The stations opened or created on this computer, newest first, kept in the data folder so the
start screen can offer them again. A list on the user's machine, not part of any record."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from tps_console.domain.record.station import Record
from tps_console.domain.store.db import is_url
from tps_console.domain.store.server import site_database, without_password

RECENT_FILE = "recent.json"
KEEP = 10


@dataclass(frozen=True)
class RecentStation:
    path: str
    tps: str
    polling_date: str  # YYYY-MM-DD
    drill: bool
    opened_at: str  # local ISO-8601, minutes

    @property
    def on_server(self) -> bool:
        return is_url(self.path)

    @property
    def exists(self) -> bool:
        """A server is not looked at here (it may be down for a moment): opening it says."""
        return self.on_server or Path(self.path).is_file()

    @property
    def target(self) -> Path | str:
        return self.path if self.on_server else Path(self.path)


def read_recent(folder: Path) -> list[RecentStation]:
    """The list as kept; an unreadable or foreign file is an empty list, never an error."""
    try:
        raw = json.loads((folder / RECENT_FILE).read_text(encoding="utf-8"))
        return [RecentStation(**entry) for entry in raw][:KEEP]
    except (OSError, ValueError, TypeError):
        return []


def recent_servers(folder: Path) -> list[str]:
    """The servers' databases opened here lately, newest first, each once: where a new TPS of
    a site may be made (a recent station's URL without its `?tps=`)."""
    found = []
    for station in read_recent(folder):
        if station.on_server:
            with contextlib.suppress(Exception):  # an entry edited by hand: left out
                found.append(site_database(station.path))
    return list(dict.fromkeys(found))


def remember(folder: Path, rec: Record, now: datetime) -> None:
    """Put `rec`'s station at the top of the list: its file, or its server's URL without the
    password. A list that cannot be written is skipped (it is a convenience)."""
    if rec.url is not None:
        path = without_password(rec.url)
    elif rec.path is not None:
        path = str(rec.path.resolve())
    else:
        return
    entry = RecentStation(
        path,
        rec.station.tps,
        rec.station.polling_date.isoformat(),
        rec.drill,
        now.isoformat(timespec="minutes"),
    )
    kept = [entry, *(r for r in read_recent(folder) if r.path != path)][:KEEP]
    target = folder / RECENT_FILE
    tmp = target.with_name(f".{RECENT_FILE}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps([asdict(r) for r in kept], indent=1), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)
