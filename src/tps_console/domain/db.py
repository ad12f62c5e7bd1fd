"""Opening the record: engine, durability pragmas, read-only mode and write transactions.

SQLite is the embedded default. Durability (non-negotiable 2) comes from WAL with
synchronous=FULL: a commit returns only once the WAL is fsynced. Write transactions start with
BEGIN IMMEDIATE so two desks serialise on the write lock up front instead of failing mid-way
when a read lock cannot be upgraded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, text
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
