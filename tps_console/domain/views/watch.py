"""Watching the station file for the panel: notice every commit, read the figures, survive trouble.

A `CommitWatch` on the panel's read-only record is asked a few times a second whether another
connection has committed (see store/commit_watch.py); only then are the figures read again, in
one short read transaction. The file's identity (device, inode) is checked as well: `restore`
puts a new file in place, and a connection on the old one would never see another change.
A station on a server tells the watch of each commit: there `poll` waits for it (`pushes`).

Plain Python like the rest of the domain: the panel's screen calls `poll()` from a thread
worker, one call at a time, and says the trouble in the panel's language.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import event

from tps_console.domain.errors import BadInput, TpsError
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.store.commit_watch import CommitWatch
from tps_console.domain.store.db import file_identity, is_url
from tps_console.domain.store.faults import explain
from tps_console.domain.views.turnout import Turnout, read_turnout

# A desk holds the write lock for milliseconds; waiting longer than this means something is
# wrong, and the panel should say so rather than sit silent behind the record's 10 s timeout.
BUSY_TIMEOUT_MS = 1000
# The figures are re-read now and then even without a commit: the pace of the last 15 minutes
# moves with the clock alone.
REREAD_AFTER_S = 10.0


class Trouble(StrEnum):
    MISSING = "missing"  # no file at the path (moved, deleted, being restored)
    BUSY = "busy"  # locked or busy beyond BUSY_TIMEOUT_MS
    UNREADABLE = "unreadable"  # anything else: damaged, not a station, I/O error


@dataclass(frozen=True)
class Reading:
    """One poll's outcome: new figures, nothing new (both None), or trouble: then `said`, the
    cause in the day's words, or else `detail`, the driver's own (one line)."""

    turnout: Turnout | None = None
    trouble: Trouble | None = None
    said: TpsError | None = None
    detail: str = ""


class Watcher:
    """Owns the panel's read-only record and the watch on it; reopens them when needed."""

    def __init__(self, path: Path | str, clock: Clock) -> None:
        # Polls run in a worker thread while the app may close the watcher on the UI thread:
        # closing a SQLite connection another thread is using crashes the process.
        self._lock = threading.RLock()
        self.path = path
        self.clock = clock
        self.record: Record | None = None
        # The station's clock while it cannot be read (a server away): a drill's stays a drill's.
        self._last_clock = clock
        self._commits: CommitWatch | None = None
        self._identity: tuple[int, int] | None = None
        self._read_at = 0.0
        self.pushes = is_url(path)  # a server: `poll(wait=...)` waits for its next commit

    def open(self) -> Turnout:
        """Open the station and read it once. Raises BadInput if it is not a readable station."""
        with self._lock:
            self._reopen()
            turnout = self._read(force=True)
            if turnout is None:  # only a closed watch reads nothing when forced
                raise RuntimeError("the panel's watch closed while opening")
            return turnout

    def poll(self, *, force: bool = False, wait: float = 0.0) -> Reading:
        """New figures if the data changed (or `force`), else an empty reading. Never raises:
        whatever goes wrong is reported as trouble, and the next poll tries again. `wait`: on a
        server, how long to wait for a commit if none has come yet."""
        with self._lock:
            return self._poll(force, wait)

    def _poll(self, force: bool, wait: float) -> Reading:
        try:
            if self.record is None or self._identity != self._current_identity():
                self._reopen()
                force = True
            return Reading(self._read(force=force or self._stale(), wait=wait))
        except Exception as exc:  # the panel must outlive any failure of the file it watches
            trouble = classify(exc)
            if trouble is not Trouble.BUSY:
                self._close()
            # A server's trouble in the day's words (unreachable, login refused), not libpq's.
            fault = explain(exc, self.path) if self.pushes else None
            cause = fault or _chain(exc)[-1]
            if isinstance(cause, TpsError):
                return Reading(trouble=trouble, said=cause)
            return Reading(trouble=trouble, detail=describe(cause))

    def now(self) -> datetime:
        """The station's time: a drill station's own clock, which the figures' reads keep up to
        date, or the clock the panel was given."""
        record = self.record  # one read: a poll may swap it meanwhile
        return (record.clock if record is not None else self._last_clock).now()

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._commits is not None:
            self._commits.close()
        if self.record is not None:
            self.record.close()
        self._commits, self.record, self._identity = None, None, None

    @property
    def version_connection(self) -> sqlite3.Connection:
        """The raw connection polled for changes (for tests: it must never be in a transaction)."""
        assert self._commits is not None
        return self._commits.connection

    def _reopen(self) -> None:
        self._close()
        # Identity before opening: if the file is swapped in between, the next poll sees a
        # mismatch and reopens, instead of watching the old file for ever.
        try:
            identity = self._current_identity()
        except FileNotFoundError:
            raise BadInput("station.missing", path=str(self.path)) from None
        record = open_record(self.path, self.clock, readonly=True)
        if record.path is not None:
            event.listen(record.engine, "connect", _short_busy_timeout)
        self.record, self._identity, self._last_clock = record, identity, record.clock
        self._commits = CommitWatch(record.engine)

    def _current_identity(self) -> tuple[int, int] | None:
        """Which file is at the path; a server's database has none to compare."""
        return None if self.pushes else file_identity(Path(self.path))

    def _stale(self) -> bool:
        return time.monotonic() - self._read_at >= REREAD_AFTER_S

    def _read(self, *, force: bool, wait: float = 0.0) -> Turnout | None:
        assert self.record is not None and self._commits is not None
        turnout = self._commits.read_if_changed(
            partial(read_turnout, self.record), force=force, wait=wait
        )
        if turnout is not None:
            self._read_at = time.monotonic()
        return turnout


def _short_busy_timeout(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def classify(exc: BaseException) -> Trouble:
    if isinstance(exc, FileNotFoundError):
        return Trouble.MISSING
    if isinstance(exc, BadInput) and exc.key == "station.missing":
        return Trouble.MISSING
    if any("locked" in str(e) or "busy" in str(e) for e in _chain(exc)):
        return Trouble.BUSY
    return Trouble.UNREADABLE


def describe(exc: BaseException) -> str:
    """A driver's message in one line, not a traceback."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _chain(exc: BaseException) -> list[BaseException]:
    chain = [exc]
    while chain[-1].__cause__ is not None:
        chain.append(chain[-1].__cause__)
    return chain
