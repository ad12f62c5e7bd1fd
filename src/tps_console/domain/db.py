"""Opening the record: engine, durability pragmas, read-only mode and write transactions.

SQLite is the embedded default. Durability (non-negotiable 2) comes from WAL with
synchronous=FULL: a commit returns only once the WAL is fsynced. Write transactions start with
BEGIN IMMEDIATE so two desks serialise on the write lock up front instead of failing mid-way
when a read lock cannot be upgraded.
"""

from __future__ import annotations

import functools
import sqlite3
from collections import namedtuple
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.pool import NullPool, QueuePool
from sqlmodel import SQLModel

from tps_console.domain import models  # also registers the tables with SQLModel

BUSY_TIMEOUT_MS = 10_000


def _connector(path: Path, readonly: bool) -> Callable[[], sqlite3.Connection]:
    """Connections made by us, not parsed from a URL: a folder named "TPS #901" or "100%"
    stays exactly that path."""
    timeout = BUSY_TIMEOUT_MS / 1000

    def connect() -> sqlite3.Connection:
        if readonly:
            uri = f"file:{quote(path.as_posix(), safe='/:')}?mode=ro"
            return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
        return sqlite3.connect(path, timeout=timeout, check_same_thread=False)

    return connect


def open_engine(target: str | Path, *, readonly: bool = False) -> Engine:
    """An engine on a station database (a path, or any SQLAlchemy URL)."""
    if "://" in str(target):
        return create_engine(str(target))
    engine = create_engine(
        "sqlite://",
        creator=_connector(Path(target).resolve(), readonly),
        # The panel and the tests open several engines on one file; pooled idle connections
        # would hold nothing useful and would keep the WAL from being checkpointed.
        poolclass=NullPool if readonly else QueuePool,
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


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def create_schema(engine: Engine) -> None:
    if engine.dialect.name == "postgresql":
        index = next(i for i in models.CheckIn.__table__.indexes if i.name == models.ACTIVE_INDEX)  # type: ignore[attr-defined]
        index.dialect_options["postgresql"]["where"] = text("active")
    SQLModel.metadata.create_all(engine)


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One durable write transaction: everything inside commits together or not at all."""
    with engine.connect() as conn:
        if is_sqlite(engine):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A consistent snapshot for several queries; never writes, ends promptly."""
    with engine.connect() as conn:
        if is_sqlite(engine):
            conn.exec_driver_sql("BEGIN")
        try:
            yield conn
        finally:
            conn.rollback()


class Prepared:
    """A statement compiled once and run on the driver's own cursor.

    The check-in's half-dozen statements are the whole of its cost besides the fsync; through
    SQLAlchemy each costs 15–40 µs of Python, on the raw SQLite cursor about 3. The SQL is still
    SQLAlchemy's (compiled for the connection's dialect, cached per set of parameter names), so
    it stays portable: on another database this simply calls `Connection.execute`.
    Every parameter the compiled statement names must be given: no Python-side defaults are
    filled in here, and a missing one is an error, never a silent NULL.
    """

    def __init__(self, statement: Any) -> None:
        self.statement = statement
        self._compiled: dict[tuple[str, ...], tuple[str, tuple[str, ...], dict[str, Any]]] = {}

    def _sql(
        self, conn: Connection, keys: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...], dict[str, Any]]:
        found = self._compiled.get(keys)
        if found is None:
            compiled = self.statement.compile(dialect=conn.dialect, column_keys=list(keys))
            # Values the statement carries itself (`remaining > 0`, LIMIT 1); the caller must give
            # every other one.
            literals = {n: b.value for n, b in compiled.binds.items() if not b.required}
            found = (str(compiled), tuple(compiled.positiontup or ()), literals)
            self._compiled[keys] = found
        return found

    def _cursor(self, conn: Connection, params: dict[str, Any]) -> Any:
        sql, names, literals = self._sql(conn, tuple(sorted(params)))
        values = {**literals, **params}
        driver = conn.connection.driver_connection
        with _as_sqlalchemy_errors(sql):
            return driver.execute(sql, tuple(values[n] for n in names))  # type: ignore[union-attr]

    def first(self, conn: Connection, **params: Any) -> Any:
        """The first row with attribute access by column name, or None."""
        if not is_sqlite(conn.engine):
            return conn.execute(self.statement, params).first()
        cursor = self._cursor(conn, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return _row_type(tuple(d[0] for d in cursor.description))(*row)

    def all(self, conn: Connection, **params: Any) -> list[Any]:
        if not is_sqlite(conn.engine):
            return list(conn.execute(self.statement, params).all())
        cursor = self._cursor(conn, params)
        make = _row_type(tuple(d[0] for d in cursor.description))
        return [make(*row) for row in cursor.fetchall()]

    def run(self, conn: Connection, **params: Any) -> int | None:
        """Run an INSERT/UPDATE; returns the new row's id for an INSERT."""
        if not is_sqlite(conn.engine):
            result = conn.execute(self.statement, params)
            key = getattr(result, "inserted_primary_key", None)
            return int(key[0]) if key else None
        return int(self._cursor(conn, params).lastrowid or 0) or None

    def run_many(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if not is_sqlite(conn.engine):
            conn.execute(self.statement, rows)
            return
        sql, names, literals = self._sql(conn, tuple(sorted(rows[0])))
        driver = conn.connection.driver_connection
        with _as_sqlalchemy_errors(sql):
            driver.executemany(  # type: ignore[union-attr]
                sql, [tuple({**literals, **r}[n] for n in names) for r in rows]
            )


@contextmanager
def _as_sqlalchemy_errors(sql: str) -> Iterator[None]:
    """The driver's errors as SQLAlchemy's, as `Connection.execute` would raise them: callers
    catch one kind (the unique index refusing a second check-in is an IntegrityError)."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        raise sa_exc.IntegrityError(sql, None, exc) from exc
    except sqlite3.OperationalError as exc:  # locked, busy, disk full
        raise sa_exc.OperationalError(sql, None, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise sa_exc.DatabaseError(sql, None, exc) from exc


@functools.cache
def _row_type(names: tuple[str, ...]) -> Any:
    return namedtuple("Row", names, rename=True)
