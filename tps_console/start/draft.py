"""What the chair has entered so far for a new station: plain data, kept by the app between
steps and handed to each step as it opens. Nothing here is written anywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tps_console.domain.day.passphrase import generate_passphrase
from tps_console.domain.day.setup import NewOfficer, StationPlan, Stock
from tps_console.domain.record.station import DEFAULT_TPS, Hours, Place
from tps_console.domain.roll.parse import ParsedRoll


@dataclass(frozen=True)
class RollRead:
    """The roll as read for the preview: the same bytes the station is then made from."""

    path: Path
    data: bytes
    polling_date: date
    parsed: ParsedRoll


@dataclass(frozen=True)
class Draft:
    drill: bool
    roll: RollRead | None = None
    tps: str = DEFAULT_TPS
    hours: Hours = Hours()
    place: Place = Place()
    chair: NewOfficer | None = None
    members: tuple[NewOfficer, ...] = ()
    stock: tuple[Stock, ...] = field(default=())
    # Offered at the summary, where the chair may type their own instead.
    passphrase: str = field(default_factory=generate_passphrase)

    def plan(
        self, desk: str, passphrase: str, different_people: frozenset[int] = frozenset()
    ) -> StationPlan:
        assert self.roll is not None and self.chair is not None  # the steps came in order
        return StationPlan(
            polling_date=self.roll.polling_date,
            chair=self.chair,
            tps=self.tps,
            hours=self.hours,
            place=self.place,
            members=self.members,
            stock=self.stock,
            drill=self.drill,
            desk=desk,
            passphrase=passphrase,
            different_people=different_people,
        )


def station_file(folder: Path, tps: str, day: date, *, drill: bool) -> Path:
    """Where a station made in the app is kept: its own file in the data folder, named after
    the TPS and the day (`tps-901_2024-02-14.db`), never over an existing one."""
    slug = re.sub(r"[^a-z0-9]+", "-", tps.lower()).strip("-") or "tps"
    stem = f"{slug}_{day.isoformat()}" + ("_simulasi" if drill else "")
    path = folder / f"{stem}.db"
    n = 2
    while path.exists() or path.with_name(path.name + ".creating").exists():
        path = folder / f"{stem}-{n}.db"
        n += 1
    return path
