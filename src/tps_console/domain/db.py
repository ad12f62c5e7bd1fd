"""Opening the record: engine, durability pragmas, read-only mode and write transactions.

SQLite is the embedded default. Durability (non-negotiable 2) comes from WAL with
synchronous=FULL: a commit returns only once the WAL is fsynced. Write transactions start with
BEGIN IMMEDIATE so two desks serialise on the write lock up front instead of failing mid-way
when a read lock cannot be upgraded.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

from tps_console.domain import models  # noqa: F401  (registers the tables)

BUSY_TIMEOUT_MS = 10_000


def url_for(target: str | Path, *, readonly: bool = False) -> str:
    text = str(target)
    if "://" in text:
        return text
    path = Path(text).resolve().as_posix()
    if readonly:
        return f"sqlite:///file:{path}?mode=ro&uri=true"
    return f"sqlite:///{path}"


def open_engine(target: str | Path, *, readonly: bool = False) -> Engine:
    """An engine on a station database (a path, or any SQLAlchemy URL)."""
    url = url_for(target, readonly=readonly)
    if not url.startswith("sqlite"):
        return create_engine(url)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        # The panel and the tests open several engines on one file; pooled idle connections
        # would hold nothing useful and would keep the WAL from being checkpointed.
        poolclass=NullPool if readonly else None,
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
