"""The panel cannot write, never holds the desks up, and survives a file that misbehaves."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import OperationalError
from sqlmodel import col
from textual import events

from tests.helpers import stored
from tests.helpers.panel import screen_text, stock_ballots
from tests.helpers.wait import settle, until, wait_for
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.store import db
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Voter
from tps_console.domain.views.status import read_status
from tps_console.domain.views.watch import Reading, Trouble, Watcher
from tps_console.i18n import t
from tps_console.panel import app as panel_app
from tps_console.panel.app import PanelScreen, make_panel
from tps_console.panel.widgets import OutageNotice


@pytest.fixture
def station(station: Record, chair: OfficerInfo) -> Record:
    stock_ballots(station, chair)
    return station


@pytest.fixture
def path(station: Record) -> Path:
    assert station.path is not None
    return station.path


@pytest.fixture
def watcher(path: Path, clock: FixedClock) -> Iterator[Watcher]:
    w = Watcher(path, clock)
    w.open()
    yield w
    w.close()


def first_voters(rec: Record, count: int) -> list[int]:
    with read(rec.engine) as conn:
        return stored(
            conn.execute(select(col(Voter.id)).order_by(col(Voter.no)).limit(count)).scalars()
        )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wal_size(path: Path) -> int | None:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else None


def test_the_panels_connections_cannot_write(watcher: Watcher) -> None:
    assert watcher.record is not None and watcher.record.readonly
    with pytest.raises(OperationalError, match="readonly"), watcher.record.engine.connect() as c:
        c.execute(text("INSERT INTO officer VALUES ('x', 'x', 'chair', 'x', 'x')"))
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        watcher.version_connection.execute("DELETE FROM checkin")


def test_the_version_is_polled_outside_any_transaction(
    watcher: Watcher, station: Record, member: OfficerInfo
) -> None:
    for voter_id in first_voters(station, 3):
        check_in(station, member, voter_id=voter_id)
        reading = watcher.poll()
        assert reading.turnout is not None  # every commit is seen at the next poll
        assert not watcher.version_connection.in_transaction
    assert watcher.poll().turnout is None  # and nothing is read again without a change


@pytest.mark.parametrize("desk_idle", [False, True], ids=["all-closed", "desk-idle"])
async def test_a_running_panel_leaves_the_files_byte_for_byte_unchanged(
    station: Record, path: Path, clock: FixedClock, member: OfficerInfo, desk_idle: bool
) -> None:
    for voter_id in first_voters(station, 5):
        check_in(station, member, voter_id=voter_id)
    # With a desk still connected (idle) the WAL keeps its frames; with everyone gone the last
    # writer checkpoints it into the main file.
    idle = sqlite3.connect(path) if desk_idle else None
    if idle is not None:
        idle.execute("SELECT count(*) FROM checkin").fetchone()  # joins the WAL, then idles
    station.close()
    wal = path.with_name(path.name + "-wal")
    before = sha256(path), sha256(wal) if wal.exists() else None
    assert (before[1] is not None) == desk_idle

    app = make_panel(path, clock, poll_interval=0.01)
    async with app.run_test(size=(80, 24)) as pilot:
        polls = [0]
        poll = app.watcher.poll

        def counted(**kwargs: Any) -> Reading:
            polls[0] += 1
            return poll(**kwargs)

        app.watcher.poll = counted  # type: ignore[method-assign]
        for _ in range(10):
            # As the terminal delivers it: Pilot.press would wait for the process to go idle,
            # which a 10 ms poll never lets it do (a whole second per wait, 20 s in all).
            assert app._driver is not None
            app._driver.send_message(events.Key("r", "r"))
            target = polls[0] + 2  # the reload's look or the timer's, and one more
            await wait_for(pilot, lambda: polls[0] >= target)  # noqa: B023
        await settle(pilot)
    if idle is not None:
        assert (sha256(path), sha256(wal)) == before
        idle.close()
    else:
        assert sha256(path) == before[0]
        # A read-only connection may create an empty WAL where there was none; never more.
        assert wal_size(path) in (None, 0)


def test_the_panel_never_holds_a_desk_up(
    watcher: Watcher, station: Record, member: OfficerInfo
) -> None:
    for voter_id in first_voters(station, 20):
        started = time.monotonic()
        check_in(station, member, voter_id=voter_id)
        assert time.monotonic() - started < 5.0  # far below the 10 s a held lock would cost
        watcher.poll()
        # No read transaction is left open between polls: a full checkpoint is not held up.
        with station.engine.connect() as conn:
            busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        assert busy == 0


def test_the_panel_opens_the_file_once_not_at_every_read(
    watcher: Watcher, station: Record, member: OfficerInfo
) -> None:
    """Each new connection opens the WAL again (as root, a chown of it): a change to the file
    that the desk's next commit waits to journal. The panel reads on the connections it has."""
    assert watcher.record is not None
    opened: list[object] = []
    event.listen(watcher.record.engine, "connect", lambda conn, _: opened.append(conn))
    for voter_id in first_voters(station, 5):
        check_in(station, member, voter_id=voter_id)
        assert watcher.poll().turnout is not None
    assert opened == []


def test_a_missing_file_is_reported_and_then_followed_again(
    watcher: Watcher, station: Record, path: Path, member: OfficerInfo
) -> None:
    away = path.with_name("moved.db")
    station.close()
    path.rename(away)
    reading = watcher.poll()
    assert reading.trouble is Trouble.MISSING
    away.rename(path)
    recovered = watcher.poll()
    assert recovered.trouble is None and recovered.turnout is not None


def test_a_restored_file_is_a_new_file_and_is_followed(
    watcher: Watcher, station: Record, path: Path, clock: FixedClock, member: OfficerInfo
) -> None:
    copy = path.with_name("copy.db")
    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    station.close()
    other = open_record(copy, clock, desk="meja-2")
    check_in(other, member, voter_id=first_voters(other, 1)[0])
    other.close()
    os.replace(copy, path)  # what `restore` does: a new inode under the old name
    readings: list[Reading] = []

    def shows_the_new_file() -> bool:
        readings.append(watcher.poll())
        return readings[-1].turnout is not None

    until(shows_the_new_file)
    reading = readings[-1]
    assert reading.turnout is not None and reading.turnout.status.checked_in == 1


def test_a_locked_database_is_reported_busy_and_then_followed_again(
    watcher: Watcher, station: Record, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In WAL mode every open connection keeps a shared lock, so a tool can only take the file
    # for itself while nobody is connected, e.g. while the panel reopens it after a restore.
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)  # the record's 10 s wait, shortened here
    station.close()
    watcher.close()
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("PRAGMA locking_mode=EXCLUSIVE")
    locker.execute("BEGIN EXCLUSIVE")
    locker.execute("UPDATE station SET tps = tps")  # takes the exclusive lock now
    reading = watcher.poll()
    assert reading.trouble is Trouble.BUSY and "locked" in reading.detail
    locker.execute("ROLLBACK")
    locker.close()
    recovered = watcher.poll()
    assert recovered.trouble is None and recovered.turnout is not None


def test_a_damaged_file_is_reported_unreadable_and_then_followed_again(
    watcher: Watcher, station: Record, path: Path
) -> None:
    station.close()
    good = path.read_bytes()
    path.with_name("garbage.db").write_bytes(b"this is not a database" * 100)
    os.replace(path.with_name("garbage.db"), path)
    reading = watcher.poll()
    assert reading.trouble is Trouble.UNREADABLE and "not a database" in reading.detail
    sqlite3.connect(path.with_name("empty.db")).execute("CREATE TABLE t (x)").connection.close()
    os.replace(path.with_name("empty.db"), path)
    reading = watcher.poll()
    assert reading.trouble is Trouble.UNREADABLE and reading.said is not None
    assert "bukan basis data TPS" in t(reading.said.key, **reading.said.params)
    path.with_name("good.db").write_bytes(good)
    os.replace(path.with_name("good.db"), path)
    assert watcher.poll().turnout is not None


WRITER = """
import sys
from datetime import datetime, timedelta, timezone
from tps_console.domain.store import db
from tps_console.domain.day.checkin import check_in
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.station import open_record
rec = open_record(sys.argv[1], FixedClock(datetime(2024, 2, 14, 3, tzinfo=timezone.utc)), desk="w")
officer = OfficerInfo("anggota4", "Anggota", "member")
for voter_id in range(1, 181):
    check_in(rec, officer, voter_id=voter_id)
    print(voter_id, flush=True)
"""


async def test_a_desk_killed_mid_way_leaves_the_panel_running_and_right(
    station: Record, path: Path, clock: FixedClock
) -> None:
    app = make_panel(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None
        for _ in range(10):  # let it commit a few, then pull the plug in the middle of the next
            writer.stdout.readline()
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, PanelScreen)
        committed = read_status(station).checked_in
        await wait_for(
            pilot,
            lambda: screen.turnout is not None and screen.turnout.status.checked_in == committed,
        )
        assert screen.outage is None and committed >= 10


async def test_the_screen_says_the_file_is_missing_and_recovers(
    station: Record, path: Path, clock: FixedClock
) -> None:
    station.close()
    app = make_panel(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notice = app.query_one(OutageNotice)
        assert not notice.display
        path.rename(path.with_name("away.db"))
        await wait_for(pilot, lambda: notice.display)
        await settle(pilot)
        assert "hilang sejak 09:00:00" in screen_text(app)
        assert app.screen.has_class("-outage")
        path.with_name("away.db").rename(path)
        await wait_for(pilot, lambda: not notice.display)
        assert not app.screen.has_class("-outage")


async def test_a_poll_that_hangs_is_reported_without_freezing_the_screen(
    station: Record, path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(panel_app, "STUCK_AFTER_S", 0.3)
    app = make_panel(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        release = threading.Event()
        answer = app.watcher.poll

        def hanging_poll(*, force: bool = False) -> Reading:
            release.wait(10)  # a file system that does not answer
            return answer(force=force)

        monkeypatch.setattr(app.watcher, "poll", hanging_poll)
        screen = app.screen
        assert isinstance(screen, PanelScreen)
        # Said while the poll still hangs: the UI thread is free.
        await wait_for(
            pilot, lambda: screen.outage is not None and screen.outage.trouble is Trouble.BUSY
        )
        release.set()
        monkeypatch.setattr(app.watcher, "poll", answer)
        await wait_for(pilot, lambda: screen.outage is None)
