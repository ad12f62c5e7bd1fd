"""The record's write path: one writing connection per open station, taken in turn."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from tps_console.domain.checkin import check_in
from tps_console.domain.clock import FixedClock
from tps_console.domain.db import read, write
from tps_console.domain.errors import AlreadyVoted
from tps_console.domain.models import CheckIn, Event
from tps_console.domain.officers import OfficerInfo
from tps_console.domain.station import Record, open_record
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
    with pytest.raises(RuntimeError), write(station.engine) as conn:
        conn.execute(insert(Event).values(seq=10_000, at="x", kind="x", prev_hash="x", hash="x"))
        raise RuntimeError("power cut in the middle")
    assert _count(station, Event) == before
    with write(station.engine) as conn:
        assert conn.execute(select(func.count()).select_from(Event)).scalar_one() == before


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
