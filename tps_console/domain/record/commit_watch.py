"""Noticing that the record changed without reading it: has another connection committed?

SQLite moves `PRAGMA data_version` on a connection whenever *another* connection has committed
to the same file: another desk, the CLI, or this process's own writing connection, never the
asking connection's own commits (and it never writes). Asked on one dedicated connection, always
outside a transaction (inside one the value is frozen), the question reads no table and costs
microseconds, so a screen may ask several times a second and read its figures again only when
something was committed. The desk's refresh and the witness panel both watch this way.

Other databases have no question this cheap: there every look counts as a change, and the
figures are read as often as the caller looks, as they would be without a watch.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine, PoolProxiedConnection

from tps_console.domain.record.db import is_sqlite

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

    def read_if_changed(self, read: Callable[[], T], *, force: bool = False) -> T | None:
        """`read()` if another connection committed since the last read through this watch (or if
        `force`), else None without touching a table. If `read` raises, the change stays pending
        for the next call."""
        with self._lock:
            if self._closed:
                return None
            # The version is taken before the read: a commit landing in between is in the figures
            # and also moves the version again, so at worst it is read twice, never missed.
            version = self._version()
            if not force and version == self._read:
                return None
            figures = read()
            self._read = version
            return figures

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection asked for the version (for tests: never in a transaction)."""
        assert self._conn is not None, "opened at the first look"
        return self._conn.driver_connection  # type: ignore[return-value]

    def _version(self) -> int:
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
