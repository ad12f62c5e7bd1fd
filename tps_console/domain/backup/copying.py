"""Moving a station between a file and a server: `tps-console copy SOURCE TARGET`.

A station prepared on a laptop (roll, officers, ballot stock) goes onto the LAN's server for the
day, and back into a file afterwards (to archive it, or to hand it over). Every row of every table
is copied as it is, from one consistent snapshot, into a new station made all or nothing (see
`station.build_station`): the target must not exist yet (a file) or hold nothing (a database).
Before that transaction commits, the copy's chain is checked and its head compared with the
source's: a copy that arrived different is never left behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlmodel import SQLModel

from tps_console.domain.errors import BadInput
from tps_console.domain.record import chain
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.creation import build_station
from tps_console.domain.record.station import open_record
from tps_console.domain.store import server
from tps_console.domain.store.db import read


@dataclass(frozen=True)
class Copied:
    events: int
    head: str
    rows: int


class CopyDiffers(BadInput):
    """The copy's chain is not the source's (never seen in practice): nothing was kept."""


def copy_station(source: Path | str, target: Path | str, clock: Clock) -> Copied:
    """Copy the station at `source` to `target` (either a file or a `postgresql://` URL)."""
    rec = open_record(source, clock, readonly=True)
    try:
        with read(rec.engine) as conn:
            seq, head = chain.head(conn)
            tables = [
                (table, [dict(r._mapping) for r in conn.execute(select(table))])
                for table in SQLModel.metadata.sorted_tables
            ]
    finally:
        rec.close()

    def fill(conn: Connection) -> None:
        for table, rows in tables:
            if rows:
                conn.execute(insert(table), rows)
        if server.is_server_engine(conn):
            server.reset_sequences(conn, [table for table, _ in tables])
        arrived = chain.head(conn)
        broken = chain.check_chain(conn)
        if arrived != (seq, head) or broken is not None:
            raise CopyDiffers("copy.differs", path=server.shown(target), head=head[:8])

    build_station(target, fill)
    return Copied(seq, head, sum(len(rows) for _, rows in tables))


def rows_of(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows, in primary-key order: two stations hold the same if these are equal."""
    found = {}
    for table in SQLModel.metadata.sorted_tables:
        order = list(table.primary_key.columns)
        found[table.name] = [dict(r._mapping) for r in conn.execute(select(table).order_by(*order))]
    return found
