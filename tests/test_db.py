"""The record's write path: one writing connection per open station, taken in turn."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from tests.helpers import make_station
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import AlreadyVoted, Refused
from tps_console.domain.record import chain as audit
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import STATION_COLUMNS, Record, open_record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, Event, Station
from tps_console.domain.verify import verify


def _count(rec: Record, table: type) -> int:
    with read(rec.engine) as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_one_desk_checking_in_from_many_threads_at_once_counts_each_voter_once(
    station: Record, member: OfficerInfo
) -> None:
    """The desk checks in from worker threads; they share one writing connection per record."""
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def desk_worker(voters: list[int]) -> None:
        for voter_id in voters:
            try:
                check_in(station, member, voter_id=voter_id)
                outcomes.append("done")
            except AlreadyVoted:
                outcomes.append("duplicate")
            except BaseException as exc:
                errors.append(exc)

    # Eight threads over voters 1-40, each voter offered to two threads.
    threads = [
        threading.Thread(target=desk_worker, args=([v for v in range(1, 41) if v % 4 == k % 4],))
        for k in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert outcomes.count("done") == 40
    assert outcomes.count("duplicate") == 40
    assert _count(station, CheckIn) == 40
    assert verify(station).ok


def test_a_failed_transaction_leaves_nothing_and_the_next_one_works(station: Record) -> None:
    before = _count(station, Event)
    with pytest.raises(RuntimeError), station.write() as conn:
        conn.execute(insert(Event).values(seq=10_000, at="x", kind="x", prev_hash="x", hash="x"))
        raise RuntimeError("power cut in the middle")
    assert _count(station, Event) == before
    with station.write() as conn:
        assert conn.execute(select(func.count()).select_from(Event)).scalar_one() == before


def test_a_commit_that_fails_leaves_no_transaction_holding_the_station(
    station: Record, member: OfficerInfo
) -> None:
    """A constraint checked only at COMMIT: the failed transaction must not stay open on the
    station's writing connection, or this desk and every other would be locked out."""
    with pytest.raises(IntegrityError), station.write() as conn:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        conn.execute(insert(CheckIn).values(voter_id=999_999, officer_id="ketua", desk="x", at="x"))
    check_in(station, member, voter_id=1)
    assert station.path is not None
    other_desk = sqlite3.connect(station.path, timeout=0, isolation_level=None)
    try:
        other_desk.execute("BEGIN IMMEDIATE")
        other_desk.execute("ROLLBACK")
    finally:
        other_desk.close()


def test_a_write_inside_a_write_is_refused_at_once(station: Record) -> None:
    with station.write(), pytest.raises(RuntimeError), station.write():
        pass
    with station.write() as conn:  # and the station still writes afterwards
        assert conn.execute(select(func.count()).select_from(Event)).scalar_one() > 0


def test_a_closed_station_refuses_to_write(station: Record, member: OfficerInfo) -> None:
    station.close()
    with pytest.raises(RuntimeError):
        check_in(station, member, voter_id=1)


def test_closing_a_station_closes_its_writing_connection(
    tmp_path: Path, station: Record, member: OfficerInfo, clock: FixedClock
) -> None:
    """After closing, the whole record is in the database file itself (nothing left in a WAL
    held open), so a plain copy of the file is a complete station."""
    check_in(station, member, voter_id=1)
    station.close()
    assert station.path is not None
    assert not station.path.with_name(station.path.name + "-wal").exists()
    copy = tmp_path / "copy.db"
    shutil.copy(station.path, copy)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM checkin").fetchone() == (1,)
    reopened = open_record(copy, clock)
    try:
        assert verify(reopened).ok
    finally:
        reopened.close()


def test_a_station_is_opened_with_every_column_of_its_table() -> None:
    """Opening names the station's columns itself (without the tables' classes, which the desk's
    first frame does not load): all of them, so that one missing says an older version made it."""
    assert tuple(Station.__table__.c.keys()) == STATION_COLUMNS  # type: ignore[attr-defined]


def test_a_misspelt_column_is_an_error_not_a_null(station: Record) -> None:
    with pytest.raises(TypeError, match="officerid"), station.write() as conn:
        audit._APPEND.run(
            conn, seq=99, at="x", kind="x", officerid="ketua", desk="", voter_id=None,
            drill=False, payload="{}", prev_hash="x", hash="x",
        )  # fmt: skip


def test_a_station_file_replaced_under_a_running_desk_takes_no_check_in(
    tmp_path: Path, station: Record, member: OfficerInfo, clock: FixedClock
) -> None:
    """A restore or a copy put in place of the file (or the file deleted) while a desk runs: its
    check-ins would go into a file that no longer exists under that name, lost at the next start.
    They are refused instead, with what to do."""
    assert station.path is not None
    check_in(station, member, voter_id=1)
    other = make_station(tmp_path / "other.db", clock)
    other.close()
    os.replace(tmp_path / "other.db", station.path)
    with pytest.raises(Refused) as replaced:
        check_in(station, member, voter_id=2)
    assert replaced.value.key == "station.replaced"
    station.path.unlink()
    with pytest.raises(Refused):
        check_in(station, member, voter_id=2)
