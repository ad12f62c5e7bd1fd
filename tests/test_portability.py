"""The record's schema compiles for PostgreSQL too (several desks over a LAN, later), with the
database-enforced rule that matters most: one active check-in per voter."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_mock_engine

from tps_console.domain import db


def test_postgresql_schema_keeps_the_partial_unique_index_and_the_check() -> None:
    ddl: list[str] = []

    def capture(sql: Any, *_: Any, **__: Any) -> None:
        ddl.append(str(sql.compile(dialect=engine.dialect)))

    engine = create_mock_engine("postgresql://", capture)  # type: ignore[arg-type]
    db.create_schema(engine)  # type: ignore[arg-type]
    text = "\n".join(ddl)
    assert "CREATE UNIQUE INDEX uq_checkin_active_voter ON checkin (voter_id) WHERE active" in text
    assert "CHECK (active = true OR active = false)" in text
