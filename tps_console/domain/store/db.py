"""Opening the record: engine, durability pragmas, read-only mode and write transactions.

SQLite is the embedded default. Durability (non-negotiable 2) comes from WAL with
synchronous=FULL: a commit returns only once the WAL is fsynced. Write transactions start with
BEGIN IMMEDIATE so two desks serialise on the write lock up front instead of failing mid-way
when a read lock cannot be upgraded.

A PostgreSQL server (a `postgresql://` URL, several desks over a LAN) gets the same shape: every
write transaction first takes one transaction-level advisory lock, the server's BEGIN IMMEDIATE,
so the chain is appended in order (its unique `seq` is the backstop) and the check-in's look-up
sees every check-in committed before it. READ COMMITTED with that lock was measured against
SERIALIZABLE with retries (`bench --area pg`): every write appends to the one chain, so under
SERIALIZABLE concurrent writers conflict anyway and the retries cost more than the queue.
Commits wait for the server's WAL flush (`synchronous_commit=on` on every connection).

On a server every statement sent one at a time is a round trip of the LAN (2–10 ms on the rutan's
Wi-Fi, 30 over a VPN). So a station's write transaction holds its statements back (`_Held`) and
sends them in psycopg's pipeline mode: BEGIN and the lock go with the first reads whose answers
the transaction needs (`together`), and the writes, whose answers it does not, go with COMMIT. A
check-in is then the pool's ping, one round trip of reads and one of writes and COMMIT. Whatever
a held statement does wrong (the unique index refusing a second check-in, a ballot the stock's
constraint says is not there) fails the COMMIT sent with it: nothing of the transaction remains.

This module is the only one that knows which engine it talks to.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
import time
from collections import namedtuple
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.pool import QueuePool, StaticPool
from sqlmodel import SQLModel

from tps_console.domain.errors import Refused
from tps_console.domain.store import faults, server

BUSY_TIMEOUT_MS = 10_000


def _connector(path: Path, readonly: bool) -> Callable[[], sqlite3.Connection]:
    """Connections made by us, not parsed from a URL: a folder named "TPS #901" or "100%"
    stays exactly that path."""
    timeout = BUSY_TIMEOUT_MS / 1000

    def connect() -> sqlite3.Connection:
        if readonly:
            uri = readonly_uri(path)
            return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
        return sqlite3.connect(path, timeout=timeout, check_same_thread=False)

    return connect


def readonly_uri(path: Path) -> str:
    """A read-only SQLite URI for `path`, percent-encoded: a folder named "TPS #901" or "100%"
    must not cut or bend it."""
    uri = f"file:{quote(path.resolve().as_posix(), safe='/:')}?mode=ro"
    if _write_protected(path):
        # Nobody can write there, so SQLite may skip the locks and the shared-memory file it
        # cannot create on write-protected media (a witness's locked stick) or a full disk.
        uri += "&immutable=1"
    return uri


def _write_protected(path: Path) -> bool:
    """Whether nothing can be written beside the file: write-protected media, or a full disk."""
    if os.path.exists(f"{path}-shm"):
        return False  # a desk has it open: read through its shared memory, live
    return not os.access(path.parent, os.W_OK) or faults.nearly_full(path.parent)


def open_engine(target: str | Path, *, readonly: bool = False) -> Engine:
    """An engine on a station database (a path, a `postgresql://` URL, or any SQLAlchemy URL)."""
    if server.is_server(target):
        engine = server.server_engine(str(target), readonly=readonly)
        event.listen(engine, "before_cursor_execute", _send_held_first)
        return engine
    if is_url(target):
        return create_engine(str(target), hide_parameters=True)
    engine = create_engine(
        "sqlite://",
        # No NIK in an error's text, nor in an error note (see machine/error_notes.py).
        hide_parameters=True,
        creator=_connector(Path(target).resolve(), readonly),
        # Read-only connections are pooled too: an idle one holds no snapshot (nothing keeps
        # the WAL from being checkpointed), and a new connection for every read of the panel's
        # would open the WAL each time, which as root is a chown of the file: an inode change
        # the desk's next fsync then waits to journal (`bench --area web` saw it).
        poolclass=QueuePool,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        # Driver-level autocommit: we issue BEGIN ourselves (see `write`), and reads outside a
        # transaction see every committed change at once.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not readonly:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
        else:
            cur.execute("PRAGMA query_only=ON")
        cur.close()

    return engine


def is_url(target: object) -> bool:
    """A database named by URL (a server) rather than a station file's path."""
    return "://" in str(target)


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


def create_schema(engine: Engine | Connection, *, checkfirst: bool = True) -> None:
    """The station's tables (inside the caller's transaction when given a connection: on a
    server the whole station is made in one), with the server's notify trigger. `checkfirst`
    False: made without looking for them first (a site's new schema, where the search path
    shows the other stations' tables)."""
    # The tables' classes (which register them with SQLModel) load here, not with this module:
    # opening a station needs none of them, and the desk's first frame opens one.
    from tps_console.domain.store import models

    if engine.dialect.name == "postgresql":
        index = next(i for i in models.CheckIn.__table__.indexes if i.name == models.ACTIVE_INDEX)  # type: ignore[attr-defined]
        index.dialect_options["postgresql"]["where"] = text("active")
    SQLModel.metadata.create_all(engine, checkfirst=checkfirst)


def clock_skew(engine: Engine, now: datetime) -> timedelta | None:
    """How far `now` (this laptop's clock) is ahead of the server's (negative: behind), the
    round trip's half taken off; None for a station file, which has no clock of its own."""
    if not server.is_server_engine(engine):
        return None
    with engine.connect() as conn:
        sent = time.monotonic()
        theirs = server.server_now(conn)
        trip = timedelta(seconds=(time.monotonic() - sent) / 2)
    return now - (theirs + trip)


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One durable write transaction on a connection from the pool: everything inside commits
    together or not at all. An open station writes through its `Writer` instead."""
    with engine.connect() as conn:
        if is_sqlite(engine):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif engine.dialect.name == "postgresql":
            conn.exec_driver_sql(server.CHAIN_LOCK)
        try:
            yield conn
        except BaseException:
            # A server that went away cannot roll back: it already has (the transaction ends
            # with the connection), and the first error is the one to report.
            with contextlib.suppress(sa_exc.DBAPIError):
                conn.rollback()
            raise
        conn.commit()


_HELD = "tps_held"  # in a connection's `info` while a held write transaction runs on it


class _Held:
    """A server write transaction's statements not sent yet: they go together, in one round
    trip, with the next statement whose answer is needed, or with COMMIT.

    The driver runs in autocommit mode meanwhile and BEGIN is one of the held statements:
    psycopg's own BEGIN would be a round trip of its own."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self.statements: list[tuple[str, dict[str, Any] | None]] = [
            ("BEGIN", None),
            (server.CHAIN_LOCK, None),
        ]

    def hold(self, sql: str, params: dict[str, Any] | None) -> None:
        self.statements.append((sql, params))

    def send(
        self, asked: Sequence[tuple[str, dict[str, Any]]] = (), *, commit: bool = False
    ) -> list[Any]:
        """Everything held, then `asked` (then COMMIT), in one round trip: `asked`'s cursors,
        answered. The first error among them is raised (as SQLAlchemy's)."""
        first = len(self.statements)
        sending = [*self.statements, *asked, *([("COMMIT", None)] if commit else [])]
        self.statements = []
        if not sending:
            return []
        import psycopg

        sql = ""
        try:
            # Leaving the pipeline sends its one Sync and waits for every answer.
            with self.driver.pipeline():
                cursors = []
                for sql, params in sending:
                    cursors.append(self.driver.execute(sql, params))
        except psycopg.Error as exc:
            raise sa_exc.DBAPIError.instance(
                sql, None, exc, psycopg.Error, hide_parameters=True
            ) from exc
        return cursors[first : first + len(asked)]


def _held(conn: Connection) -> _Held | None:
    held: _Held | None = conn.info.get(_HELD)
    return held


def answers_now(conn: Connection) -> bool:
    """Whether a read on `conn` is answered without a round trip of its own: not inside a
    server's write transaction, whose statements are held and sent together."""
    return _held(conn) is None


def _send_held_first(conn: Connection, *_args: Any) -> None:
    """A statement SQLAlchemy sends inside a held transaction sees what was held before it."""
    held = _held(conn)
    if held is not None:
        held.send()


@contextmanager
def _held_transaction(engine: Engine) -> Iterator[Connection]:
    """`write` on a server, its statements held and sent in round trips of their own (`_Held`)."""
    with engine.connect() as conn:
        driver: Any = conn.connection.driver_connection
        driver.autocommit = True
        held = conn.info[_HELD] = _Held(driver)
        try:
            yield conn
            held.send(commit=True)
            if conn.in_transaction():
                conn.commit()  # SQLAlchemy's bookkeeping: the driver has committed already
        except BaseException:
            held.statements = []
            try:
                driver.rollback()
                if conn.in_transaction():
                    conn.rollback()
            except Exception:
                # A server that went away has rolled back already (the transaction ended with
                # the connection); the first error is the one to report.
                conn.invalidate()
            raise
        finally:
            conn.info.pop(_HELD, None)
            if not conn.invalidated:
                try:
                    driver.autocommit = False
                except Exception:
                    conn.invalidate()


class Writer:
    """The one connection through which an open station writes, taken in turn under a lock.

    SQLite lets one transaction write at a time anyway, so nothing is lost by writing through a
    single connection; what is saved is checking a connection out of the pool and back in, and
    SQLAlchemy's bookkeeping of BEGIN and COMMIT, around every check-in: on an idle desk (cold
    caches) that cost about as much as the check-in's own statements. Other databases take a
    pooled connection per transaction. Owned by the station's `Record`, closed with it.
    """

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self._engine = engine
        self._path = path
        # The file this station was opened on. A restore or a copy put in its place (or the file
        # deleted) while a desk runs would otherwise take its check-ins into a file that no
        # longer exists under that name: lost at the next start.
        self._identity = file_identity(path) if path is not None else None
        self._lock = threading.Lock()
        self._owner: int | None = None  # the thread inside a transaction
        self._conn: Connection | None = None
        self._closed = False

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        if server.is_server_engine(self._engine):
            with said_as_faults(self._engine), _held_transaction(self._engine) as conn:
                yield conn
            return
        if not is_sqlite(self._engine):
            with said_as_faults(self._engine), write(self._engine) as conn:
                yield conn
            return
        self._acquire()
        try:
            if self._closed:
                raise RuntimeError("the station record is closed")
            self.ensure_same_file()
            if self._conn is None:
                self._conn = self._engine.connect()
            conn = self._conn
            driver: Any = conn.connection.driver_connection
            try:
                # BEGIN and COMMIT go straight to the driver. If SQLAlchemy statements ran inside,
                # it began its own (empty, on pysqlite) transaction: ending that commits.
                _on_driver("BEGIN IMMEDIATE", driver.execute, "BEGIN IMMEDIATE")
                yield conn
                if conn.in_transaction():
                    conn.commit()
                else:
                    _on_driver("COMMIT", driver.commit)
            except BaseException:
                self._roll_back(conn, driver)
                raise
        finally:
            self._owner = None
            self._lock.release()

    def ensure_same_file(self) -> None:
        """Refuse if the station's path no longer holds the file that was opened."""
        if self._path is None:
            return
        try:
            same = file_identity(self._path) == self._identity
        except FileNotFoundError:
            same = False
        if not same:
            raise Refused("station.replaced", path=str(self._path))

    def _acquire(self) -> None:
        if self._owner == threading.get_ident():
            # Waiting would wait for ourselves: a programming error, said at once.
            raise RuntimeError("a write transaction inside another on the same station")
        # Another thread of this desk holding the station longer than SQLite would wait for
        # another desk: the same refusal as from SQLite.
        if not self._lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
            raise sa_exc.OperationalError(
                "BEGIN IMMEDIATE", None, sqlite3.OperationalError("database is locked")
            )
        self._owner = threading.get_ident()

    def _roll_back(self, conn: Connection, driver: Any) -> None:
        """Whatever failed (the body, BEGIN, COMMIT, an interrupt), the connection must not stay
        inside a transaction: it would hold the write lock against every desk."""
        try:
            if conn.in_transaction():
                conn.rollback()
            if driver.in_transaction:
                driver.rollback()
        except Exception:
            # One that cannot even roll back is closed and replaced by the next transaction.
            conn.invalidate()
            conn.close()
            self._conn = None

    def close(self) -> None:
        """Close the connection; later transactions are refused."""
        self._acquire()
        try:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None
        finally:
            self._owner = None
            self._lock.release()


def file_identity(path: Path) -> tuple[int, int]:
    """Which file is at `path` (device, inode): a file put in its place has another."""
    st = path.stat()
    return st.st_dev, st.st_ino


def _on_driver(sql: str, call: Callable[..., Any], *args: Any) -> Any:
    try:
        return call(*args)
    except sqlite3.DatabaseError as exc:
        raise _as_sqlalchemy_error(sql, exc) from exc


@contextmanager
def scratch_database() -> Iterator[Connection]:
    """A private in-memory SQLite database with the station's schema and constraints, gone when
    the block ends: where `verify` rebuilds the tables from the log, whatever the record's own
    database is."""
    engine = create_engine("sqlite://", poolclass=StaticPool, hide_parameters=True)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            create_schema(conn)
            yield conn
    finally:
        engine.dispose()


@contextmanager
def said_as_faults(engine: Engine) -> Iterator[None]:
    """On a server: its faults (gone away, refusing) raised as the officer's refusals, as the
    day's rules are, so every screen and command says them in the day's words. A write's
    transaction ended with the connection, so nothing of it was recorded. Errors that are no
    fault (the unique index refusing a second check-in) pass through as they are."""
    if is_sqlite(engine):
        yield
        return
    try:
        yield
    except sa_exc.DBAPIError as exc:
        fault = faults.explain(exc, server.shown_engine(engine))
        if fault is None:
            raise
        raise fault from exc


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A consistent snapshot for several queries; never writes, ends promptly."""
    with said_as_faults(engine), engine.connect() as conn:
        if is_sqlite(engine):
            conn.exec_driver_sql("BEGIN")
        elif engine.dialect.name == "postgresql":
            server.begin_snapshot(conn)
        try:
            yield conn
        finally:
            conn.rollback()


class Prepared:
    """A statement compiled once and run on the driver's own connection.

    The check-in's half-dozen statements are the whole of its cost besides the fsync; through
    SQLAlchemy each costs 15–40 µs of Python, on the raw SQLite cursor about 3. The SQL is still
    SQLAlchemy's (compiled for the connection's dialect, cached per set of parameter names), so
    it stays portable. On a server, inside a station's write transaction, the statements are held
    and sent together (`_Held`): a write's answer is not awaited, a read's is (`together` sends
    several reads in one round trip); elsewhere a server simply gets `Connection.execute`.
    Every parameter the compiled statement names must be given: no Python-side defaults are
    filled in here, and a missing one is an error, never a silent NULL.
    """

    def __init__(self, statement: Any) -> None:
        self.statement = statement
        # Per dialect too: `verify` replays a server's log into SQLite in the same process.
        self._compiled: dict[tuple[str, tuple[str, ...]], _Compiled] = {}

    def _for(self, conn: Connection, keys: tuple[str, ...]) -> _Compiled:
        found = self._compiled.get((conn.dialect.name, keys))
        if found is None:
            compiled = self.statement.compile(dialect=conn.dialect, column_keys=list(keys))
            # Values the statement carries itself (`remaining > 0`, LIMIT 1); the caller must give
            # every other one.
            literals = {n: b.value for n, b in compiled.binds.items() if not b.required}
            positional = compiled.positiontup is not None
            names = tuple(compiled.positiontup if positional else compiled.binds)
            # SQLAlchemy leaves out a key that names no column: a typo would store a NULL.
            unknown = set(keys) - set(names)
            if unknown:
                raise TypeError(f"no such parameter: {', '.join(sorted(unknown))}")
            found = _Compiled(str(compiled), names, literals, positional)
            self._compiled[conn.dialect.name, keys] = found
        return found

    def one(self, **params: Any) -> Asked:
        """This read's first row (or None), to ask `together` with others."""
        return Asked(self, params, every=False)

    def every(self, **params: Any) -> Asked:
        """This read's rows, to ask `together` with others."""
        return Asked(self, params, every=True)

    def first(self, conn: Connection, **params: Any) -> Any:
        """The first row with attribute access by column name, or None."""
        return together(conn, self.one(**params))[0]

    def all(self, conn: Connection, **params: Any) -> list[Any]:
        rows: list[Any] = together(conn, self.every(**params))[0]
        return rows

    def run(self, conn: Connection, **params: Any) -> None:
        """Run an INSERT/UPDATE (on a server inside a write transaction: sent with the next)."""
        held = _held(conn)
        if held is not None:
            compiled = self._for(conn, tuple(params))
            held.hold(compiled.sql, compiled.values(params))
        elif conn.dialect.name != "sqlite":
            conn.execute(self.statement, params)
        else:
            self._for(conn, tuple(params)).execute(conn, params)

    def run_many(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if _held(conn) is not None:
            for params in rows:
                self.run(conn, **params)
        elif conn.dialect.name != "sqlite":
            conn.execute(self.statement, rows)
        else:
            self._for(conn, tuple(rows[0])).execute_many(conn, rows)

    def first_refused(self, conn: Connection, rows: list[dict[str, Any]]) -> int | None:
        """Run an UPDATE once per row, in order, until one changes nothing or a constraint
        refuses it (SQLite undoes that statement, not the transaction): that row's index, or
        None. One statement per row (an executemany would say only how many changed, not which
        did not).

        On a server inside a write transaction the rows are held and sent with the commit, and
        None is returned: a constraint refusing one then fails the commit, so that nothing of
        the transaction is kept."""
        if not rows:
            return None
        if _held(conn) is not None:
            self.run_many(conn, rows)
            return None
        if conn.dialect.name != "sqlite":
            for i, params in enumerate(rows):
                if not conn.execute(self.statement, params).rowcount:
                    return i
            return None
        compiled = self._for(conn, tuple(rows[0]))
        driver: Any = conn.connection.driver_connection
        for i, params in enumerate(rows):
            try:
                if not driver.execute(compiled.sql, compiled.values(params)).rowcount:
                    return i
            except sqlite3.IntegrityError:
                return i
            except sqlite3.DatabaseError as exc:
                raise _as_sqlalchemy_error(compiled.sql, exc) from exc
        return None


class Asked(NamedTuple):
    """A read to send `together` with others: its rows, or its first row."""

    prepared: Prepared
    params: dict[str, Any]
    every: bool


def together(conn: Connection, *asked: Asked) -> list[Any]:
    """The answers to several reads, in order (rows, or a row or None, as each was asked). On a
    server inside a write transaction they go in one round trip, with what was held before them
    (BEGIN and the lock, the first time); elsewhere one after another."""
    held = _held(conn)
    if held is None:
        return [_answer(conn, a) for a in asked]
    compiled = [a.prepared._for(conn, tuple(a.params)) for a in asked]
    cursors = held.send([(c.sql, c.values(a.params)) for c, a in zip(compiled, asked, strict=True)])
    answers = []
    for a, c, cursor in zip(asked, compiled, cursors, strict=True):
        make = c.row(cursor)
        rows = [make(*row) for row in cursor.fetchall()]
        answers.append(rows if a.every else (rows[0] if rows else None))
    return answers


def _answer(conn: Connection, asked: Asked) -> Any:
    prepared, params = asked.prepared, asked.params
    if conn.dialect.name != "sqlite":
        result = conn.execute(prepared.statement, params)
        return list(result.all()) if asked.every else result.first()
    compiled = prepared._for(conn, tuple(params))
    cursor = compiled.execute(conn, params)
    make = compiled.row(cursor)
    if asked.every:
        return [make(*row) for row in cursor.fetchall()]
    row = cursor.fetchone()
    return None if row is None else make(*row)


class _Compiled:
    """One compiled form of a `Prepared` statement: its SQL, and how to lay out its values
    (in order for SQLite's `?`, by name for psycopg's `%(name)s`)."""

    def __init__(
        self, sql: str, names: tuple[str, ...], literals: dict[str, Any], positional: bool
    ) -> None:
        self.sql = sql
        self.names = names
        self.literals = literals
        self.positional = positional
        self._row: Any = None

    def values(self, params: dict[str, Any]) -> Any:
        merged = {**self.literals, **params} if self.literals else params
        if not self.positional:
            return {n: merged[n] for n in self.names}
        return tuple([merged[n] for n in self.names])

    def execute(self, conn: Connection, params: dict[str, Any]) -> Any:
        driver: Any = conn.connection.driver_connection
        return _on_driver(self.sql, driver.execute, self.sql, self.values(params))

    def execute_many(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        driver: Any = conn.connection.driver_connection
        _on_driver(self.sql, driver.executemany, self.sql, [self.values(r) for r in rows])

    def row(self, cursor: Any) -> Any:
        """The row type of this statement's results (the same columns every time)."""
        if self._row is None:
            self._row = _row_type(tuple(d[0] for d in cursor.description))
        return self._row


def _as_sqlalchemy_error(sql: str, exc: sqlite3.DatabaseError) -> sa_exc.DBAPIError:
    """The driver's error as SQLAlchemy's, as `Connection.execute` would raise it: callers catch
    one kind (the unique index refusing a second check-in is an IntegrityError)."""
    if isinstance(exc, sqlite3.IntegrityError):
        return sa_exc.IntegrityError(sql, None, exc)
    if isinstance(exc, sqlite3.OperationalError):  # locked, busy, disk full
        return sa_exc.OperationalError(sql, None, exc)
    return sa_exc.DatabaseError(sql, None, exc)


@functools.cache
def _row_type(names: tuple[str, ...]) -> Any:
    return namedtuple("Row", names, rename=True)
