"""Noticing that the record changed without reading it: has another connection committed?

SQLite moves `PRAGMA data_version` on a connection whenever *another* connection has committed
to the same file: another desk, the CLI, or this process's own writing connection, never the
asking connection's own commits (and it never writes). Asked on one dedicated connection, always
outside a transaction (inside one the value is frozen), the question reads no table and costs
microseconds, so a screen may ask several times a second and read its figures again only when
something was committed. The desk's refresh and the witness panel both watch this way.

A PostgreSQL server says so itself: every event's insert notifies a channel with its seq (see
server.py), delivered once its transaction committed. The watch LISTENs on its own connection,
and a look drains what arrived, or waits for it up to `wait` seconds: the panel waits there
instead of polling. Now and then (`FALLBACK_S`) it also reads the newest seq, which both catches
anything a notification missed and proves the server is still there; a lost connection is
raised to the caller and the next look reconnects (and reads the newest seq afresh).

Other databases have no question this cheap: there every look counts as a change, and the
figures are read as often as the caller looks, as they would be without a watch.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine, PoolProxiedConnection

from tps_console.domain.store import server
from tps_console.domain.store.db import is_sqlite

# Without any notification, the newest seq is read this often: a missed notification is caught,
# and a server gone away is noticed, within it.
FALLBACK_S = 1.0

T = TypeVar("T")


class CommitWatch:
    """One dedicated connection on `engine`, opened at the first look, asked whether anything was
    committed since the figures in hand were read.

    Thread-safe: a worker thread may be reading while the UI thread closes the watch (closing a
    SQLite connection another thread is using crashes the process); once closed, nothing is read.
    """

    def __init__(self, engine: Engine) -> None:
        self._lock = threading.Lock()
        self._engine = engine
        self._conn: PoolProxiedConnection | None = None
        self._closed = False
        self._read: int | None = None  # the version the figures in hand were read at
        self._looks = itertools.count()  # versions where the database has none
        self._seen = 0  # on a server: the newest seq heard of
        self._checked = 0.0  # on a server: when the newest seq was last read

    @property
    def pushes(self) -> bool:
        """Whether the database says when something was committed (a look may wait for it)."""
        return server.is_server_engine(self._engine)

    def read_if_changed(
        self, read: Callable[[], T], *, force: bool = False, wait: float = 0.0
    ) -> T | None:
        """`read()` if another connection committed since the last read through this watch (or if
        `force`), else None without touching a table. If `read` raises, the change stays pending
        for the next call. `wait`: on a database that `pushes`, how long to wait for a commit
        when none has arrived yet."""
        with self._lock:
            if self._closed:
                return None
            # The version is taken before the read: a commit landing in between is in the figures
            # and also moves the version again, so at worst it is read twice, never missed.
            version = self._version(0.0 if force else wait)
            if not force and version == self._read:
                return None
            figures = read()
            self._read = version
            return figures

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None and server.is_server_engine(self._engine):
                self._drop()  # LISTENing and autocommit: not for the pool
            elif self._conn is not None:
                self._conn.close()
                self._conn = None

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection asked for the version (for tests: never in a transaction)."""
        assert self._conn is not None, "opened at the first look"
        return self._conn.driver_connection  # type: ignore[return-value]

    def _version(self, wait: float) -> int:
        if server.is_server_engine(self._engine):
            try:
                return self._server_version(wait)
            except BaseException:
                self._drop()
                raise
        if not is_sqlite(self._engine):
            return next(self._looks)
        if self._conn is None:
            self._conn = self._engine.raw_connection()
        cursor = self._conn.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            row = cursor.fetchone()
            assert row is not None
            return int(row[0])
        finally:
            cursor.close()

    def _server_version(self, wait: float) -> int:
        if self._conn is None:
            self._listen()
            return self._newest()  # whatever was committed while nobody listened
        heard = False
        for note in self._listener.notifies(timeout=wait, stop_after=1):
            self._seen, heard = max(self._seen, int(note.payload)), True
        if heard:  # the rest of a burst, without waiting
            for note in self._listener.notifies(timeout=0):
                self._seen = max(self._seen, int(note.payload))
        elif time.monotonic() - self._checked >= FALLBACK_S:
            self._newest()
        return self._seen

    def _listen(self) -> None:
        """LISTEN on a connection of the pool's. One the server dropped while it lay in the pool
        (restarted, the network back) fails at once: then once more on a new one."""
        for attempt in (1, 2):
            self._conn = self._engine.raw_connection()
            try:
                self._listener.autocommit = True
                schema = self._listener.execute("SELECT current_schema()").fetchone()[0]
                self._listener.execute(f"LISTEN {server.channel(server.station_of(schema))}")
                return
            except Exception:
                self._drop()
                if attempt == 2:
                    raise

    @property
    def _listener(self) -> Any:
        assert self._conn is not None
        return self._conn.driver_connection

    def _newest(self) -> int:
        row = self._listener.execute("SELECT max(seq) FROM event").fetchone()
        self._seen, self._checked = max(self._seen, int(row[0] or 0)), time.monotonic()
        return self._seen

    def _drop(self) -> None:
        """Forget a connection that failed: the next look opens a new one."""
        if self._conn is not None:
            try:
                self._conn.invalidate()
                self._conn.close()
            except Exception:  # already broken: nothing more to release
                pass
            self._conn = None
