"""The record's schema compiles for PostgreSQL too (several desks over a LAN, later), with the
database-enforced rule that matters most: one active check-in per voter."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_mock_engine

from tps_console.domain.store import db
from tps_console.domain.store.commit_watch import CommitWatch


def test_postgresql_schema_keeps_the_partial_unique_index_and_the_check() -> None:
    ddl: list[str] = []

    def capture(sql: Any, *_: Any, **__: Any) -> None:
        ddl.append(str(sql.compile(dialect=engine.dialect)))

    engine = create_mock_engine("postgresql://", capture)
    # A mock engine only records the DDL; SQLAlchemy types it MockConnection, not Engine.
    db.create_schema(engine)  # type: ignore[arg-type]
    text = "\n".join(ddl)
    assert "CREATE UNIQUE INDEX uq_checkin_active_voter ON checkin (voter_id) WHERE active" in text
    assert "CHECK (active = true OR active = false)" in text


def test_the_server_schema_notifies_each_event() -> None:
    ddl: list[str] = []

    def capture(sql: Any, *_: Any, **__: Any) -> None:
        ddl.append(str(sql.compile(dialect=engine.dialect)))

    engine = create_mock_engine("postgresql://", capture)
    db.create_schema(engine)  # type: ignore[arg-type]
    # The station's own channel: `tps_event` in public, `tps_event_tps_902` for a site's TPS.
    assert any("pg_notify(CASE TG_TABLE_SCHEMA WHEN 'public' THEN 'tps_event'" in d for d in ddl)
    assert any("AFTER INSERT ON event" in d for d in ddl)


def test_without_sqlites_data_version_every_look_reads_again() -> None:
    """PRAGMA data_version is SQLite's, notifications PostgreSQL's: on another database the desk
    and the panel simply read as often as they look, and never send either."""
    engine = create_mock_engine("mysql://", lambda *_, **__: None)
    watch = CommitWatch(engine)  # type: ignore[arg-type]  # a MockConnection, as above
    looks = iter(range(3))
    assert [watch.read_if_changed(lambda: next(looks)) for _ in range(3)] == [0, 1, 2]
    watch.close()
    assert watch.read_if_changed(lambda: "after close") is None
