"""The hash chain of the event log: each event covers its fields and the hash of the one before."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlmodel import col

from tests.helpers import make_station, wib
from tps_console.domain.record import chain as audit
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import create_schema, open_engine, read, write
from tps_console.domain.store.models import Event

PROPERTIES = settings(derandomize=True, database=None, deadline=None)


def append_notes(rec: Record, clock: FixedClock, n: int) -> None:
    for i in range(n):
        clock.advance(seconds=1)
        with write(rec.engine) as conn:
            audit.append(conn, clock, "note", {"i": i, "text": f"catatan {i}"}, desk="meja-1")


def chain(rec: Record) -> audit.ChainBreak | None:
    with read(rec.engine) as conn:
        return audit.check_chain(conn)


def events(rec: Record) -> list[dict[str, Any]]:
    with read(rec.engine) as conn:
        return [dict(r._mapping) for r in conn.execute(select(Event).order_by(col(Event.seq)))]


def sql(rec: Record, statement: str, *params: Any) -> None:
    """An edit made with the sqlite3 module, behind the program's back."""
    assert rec.path is not None
    db = sqlite3.connect(Path(rec.path))
    try:
        db.execute(statement, params)
        db.commit()
    finally:
        db.close()


def test_canonical_json_is_stable() -> None:
    a = {"b": 1, "a": [1, 2, {"z": None, "y": True}], "c": "Éko Ma'ruf"}
    b = {"c": "Éko Ma'ruf", "a": [1, 2, {"y": True, "z": None}], "b": 1}
    assert audit.canonical(a) == audit.canonical(b)
    # Sorted keys, no spaces, non-ASCII kept as is: the same bytes on every platform.
    assert audit.canonical(a) == '{"a":[1,2,{"y":true,"z":null}],"b":1,"c":"Éko Ma\'ruf"}'


def test_event_hash_is_pinned() -> None:
    """A record written today must verify with tomorrow's program: the formula may not drift."""
    fields = {
        "seq": 1,
        "at": "2024-02-14T02:00:00.000000Z",
        "kind": "checkin",
        "officer_id": "ketua",
        "desk": "meja-1",
        "voter_id": 7,
        "drill": False,
        "payload": '{"checkin_id":1}',
    }
    digest = audit.event_hash(audit.GENESIS, fields)
    expected = hashlib.sha256(
        (
            "0" * 64
            + "\n"
            + '{"at":"2024-02-14T02:00:00.000000Z","desk":"meja-1","drill":false,'
            + '"kind":"checkin","officer_id":"ketua","payload":"{\\"checkin_id\\":1}",'
            + '"seq":1,"voter_id":7}'
        ).encode()
    ).hexdigest()
    assert digest == expected
    assert digest == "e2aae51dbe6861cac2beb8d1fbe724a74ce5359895e096b6e370c7ed37a98733"


@PROPERTIES
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )
)
def test_canonical_json_round_trips(value: Any) -> None:
    text = audit.canonical(value)
    assert audit.canonical(json.loads(text)) == text
    assert json.loads(text) == value


def test_appended_events_link_up(station: Record, clock: FixedClock) -> None:
    before = events(station)
    append_notes(station, clock, 3)
    rows = events(station)
    assert [r["seq"] for r in rows] == list(range(1, len(before) + 4))
    assert rows[0]["prev_hash"] == audit.GENESIS
    for prev, row in pairwise(rows):
        assert row["prev_hash"] == prev["hash"]
        assert row["hash"] == audit.event_hash(prev["hash"], audit.hashed_fields(row))
    last = rows[-1]
    assert last["kind"] == "note" and json.loads(last["payload"]) == {"i": 2, "text": "catatan 2"}
    assert last["at"] == "2024-02-14T02:00:03.000000Z"  # 09:00:03 WIB, stored in UTC
    assert last["drill"] is False  # a real station's, whatever clock a test gives it
    with read(station.engine) as conn:
        assert audit.head(conn) == (last["seq"], last["hash"])
    assert chain(station) is None


def test_the_first_event_links_to_genesis(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "empty.db")
    try:
        create_schema(engine)
        with read(engine) as conn:
            assert audit.head(conn) == (0, audit.GENESIS)
            assert audit.check_chain(conn) is None
        with write(engine) as conn:
            first = audit.append(conn, FixedClock(wib(7)), "note", {"a": 1})
        with read(engine) as conn:
            assert audit.head(conn) == (1, first.hash)
            row = conn.execute(select(Event)).one()._mapping
            assert row["prev_hash"] == audit.GENESIS
            assert audit.check_chain(conn) is None
    finally:
        engine.dispose()


def test_an_altered_event_is_found(station: Record, clock: FixedClock) -> None:
    append_notes(station, clock, 4)
    target = events(station)[3]["seq"]
    for column, value in [
        ("payload", '{"i":99,"text":"catatan 1"}'),
        ("at", "2024-02-14T01:00:00.000000Z"),
        ("kind", "checkin"),
        ("officer_id", "anggota4"),
        ("desk", "meja-9"),
        ("voter_id", 3),
        ("drill", 1),
    ]:
        original = events(station)[target - 1][column]
        sql(station, f"UPDATE event SET {column} = ? WHERE seq = ?", value, target)
        assert chain(station) == audit.ChainBreak(target, "verify.hash"), column
        sql(station, f"UPDATE event SET {column} = ? WHERE seq = ?", original, target)
        assert chain(station) is None


def test_an_event_whose_hash_was_recomputed_breaks_the_next_link(
    station: Record, clock: FixedClock
) -> None:
    append_notes(station, clock, 4)
    rows = events(station)
    target = rows[2]
    forged = {**target, "payload": '{"i":42}'}
    new_hash = audit.event_hash(target["prev_hash"], audit.hashed_fields(forged))
    sql(station, "UPDATE event SET payload = ?, hash = ? WHERE seq = ?", '{"i":42}', new_hash, 3)
    assert chain(station) == audit.ChainBreak(4, "verify.link")


def test_a_removed_event_is_found(station: Record, clock: FixedClock) -> None:
    append_notes(station, clock, 4)
    sql(station, "DELETE FROM event WHERE seq = 3")
    assert chain(station) == audit.ChainBreak(3, "verify.gap")


def test_a_removed_event_with_the_rest_renumbered_is_found(
    station: Record, clock: FixedClock
) -> None:
    append_notes(station, clock, 4)
    n = len(events(station))
    sql(station, "DELETE FROM event WHERE seq = 3")
    for seq in range(4, n + 1):
        sql(station, "UPDATE event SET seq = seq - 1 WHERE seq = ?", seq)
    assert chain(station) == audit.ChainBreak(3, "verify.link")


def test_an_inserted_event_is_found(station: Record, clock: FixedClock) -> None:
    append_notes(station, clock, 4)
    rows = events(station)
    n = len(rows)
    for seq in range(n, 2, -1):  # make room at seq 3
        sql(station, "UPDATE event SET seq = seq + 1 WHERE seq = ?", seq)
    forged = {**rows[2], "seq": 3, "payload": '{"forged":true}', "prev_hash": rows[1]["hash"]}
    forged["hash"] = audit.event_hash(forged["prev_hash"], audit.hashed_fields(forged))
    columns = ", ".join(forged)
    marks = ", ".join("?" for _ in forged)
    sql(station, f"INSERT INTO event ({columns}) VALUES ({marks})", *forged.values())
    # The forged event itself links and hashes correctly; the one after it no longer links.
    assert chain(station) == audit.ChainBreak(4, "verify.link")


def test_an_event_appended_with_a_made_up_hash_is_found(station: Record, clock: FixedClock) -> None:
    append_notes(station, clock, 2)
    seq, head = events(station)[-1]["seq"], events(station)[-1]["hash"]
    sql(
        station,
        "INSERT INTO event (seq, at, kind, officer_id, desk, voter_id, drill, payload, prev_hash, hash)"
        " VALUES (?, ?, 'checkin', 'ketua', '', 1, 0, '{}', ?, ?)",
        seq + 1,
        "2024-02-14T02:30:00.000000Z",
        head,
        "f" * 64,
    )
    assert chain(station) == audit.ChainBreak(seq + 1, "verify.hash")


def test_reordered_events_are_found(station: Record, clock: FixedClock) -> None:
    append_notes(station, clock, 4)
    n = len(events(station))
    sql(station, "UPDATE event SET seq = -1 WHERE seq = ?", n - 2)
    sql(station, "UPDATE event SET seq = ? WHERE seq = ?", n - 2, n - 1)
    sql(station, "UPDATE event SET seq = ? WHERE seq = -1", n - 1)
    assert chain(station) == audit.ChainBreak(n - 2, "verify.link")


def test_chain_of_a_fresh_station_is_intact(tmp_path: Path) -> None:
    rec = make_station(tmp_path / "a.db", FixedClock(wib(6, 30)))
    try:
        assert chain(rec) is None
        kinds = [r["kind"] for r in events(rec)]
        assert kinds[:2] == ["station_created", "roll_imported"]
    finally:
        rec.close()
