"""The site overview's data: which TPS a site's database holds, and a watch on each.

For the lapas head, Bawaslu and the KPU: every TPS of the site side by side (store/site.py).
Read through the witnesses' role where one is set up (its views hold no NIK), else through the
login given; each TPS is followed by the panel's own `Watcher`, which on a server waits for its
TPS's commits (LISTEN/NOTIFY) rather than polling.
"""

from __future__ import annotations

from sqlalchemy import text

from tps_console.domain.errors import BadInput
from tps_console.domain.order import natural_key
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.station import site_number
from tps_console.domain.store import server, site
from tps_console.domain.store.db import open_engine, read
from tps_console.domain.views.watch import Watcher


def site_numbers(target: str) -> list[str]:
    """The numbers of the TPS at `target` (a server's database, no `?tps=`) that its login may
    read, in order: ["901", "902", ...]. Refused for a station file or a database of none."""
    if not server.is_server(target) or server.tps_of(target) is not None:
        raise BadInput("site.not_a_site", path=server.shown(target))
    engine = open_engine(target, readonly=True)
    try:
        with read(engine) as conn:
            schemas = site.station_schemas(conn, views=True)
            names = {
                conn.execute(text(f'SELECT tps FROM "{schema}".station')).scalar()
                for schema in schemas
            }
    finally:
        engine.dispose()
    numbers = {site_number(name) for name in names if name}
    found = sorted((n for n in numbers if n is not None), key=natural_key)
    if not found:
        raise BadInput("site.empty", path=server.shown(target))
    return found


def site_watchers(target: str, clock: Clock) -> dict[str, Watcher]:
    """A `Watcher` on each TPS of the site, by number (not opened yet: `Watcher.open`)."""
    return {n: Watcher(server.with_tps(target, n), clock) for n in site_numbers(target)}
