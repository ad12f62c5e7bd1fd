"""Scenarios of a station on a PostgreSQL server (several desks over a LAN): made, moved, watched,
tampered with behind the program's back, and its network failing.

Each test gets a fresh database on the run's server (`pg_url`); without one they are skipped,
except in CI (see tests/helpers/pg.py)."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from tests.helpers import make_station, wib, with_backup_key
from tests.helpers.pg import Relay, server_address
from tests.helpers.wait import wait_for
from tps_console.bench.relay import DelayRelay
from tps_console.cli.main import main
from tps_console.domain.backup.copying import copy_station, rows_of
from tps_console.domain.day.checkin import check_in, undo_check_in
from tps_console.domain.day.closing import close_polls
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import AlreadyVoted, BadInput, Refused
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.creation import create_station
from tps_console.domain.record.events import CheckedIn, Draw
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import ensure_clock_agrees, open_record
from tps_console.domain.store.commit_watch import CommitWatch
from tps_console.domain.store.db import read
from tps_console.domain.store.faults import explain
from tps_console.domain.store.sealed import MAGIC
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.panel.app import PanelScreen, make_panel
from tps_console.panel.widgets import TurnoutCount
from tps_console.samples.rolls import sample_roll


def psql(url: str, sql: str) -> subprocess.CompletedProcess[str]:
    """An edit behind the program's back, with the server's own shell."""
    return subprocess.run(
        ["psql", "-v", "ON_ERROR_STOP=1", "-d", url.rsplit("/", 1)[1], "-c", sql],
        capture_output=True,
        text=True,
    )


def test_a_station_is_made_on_the_server_and_never_over_another(
    pg_url: str, clock: FixedClock
) -> None:
    create_station(pg_url, sample_roll(), clock)
    with pytest.raises(BadInput) as refused:
        create_station(pg_url, sample_roll(), clock)
    assert refused.value.key == "init.not_empty"
    rec = open_record(pg_url, clock)
    try:
        assert read_status(rec).expected == 180
        assert verify(rec).ok
    finally:
        rec.close()


def test_init_makes_the_database_when_the_server_lets_it(pg_url: str, clock: FixedClock) -> None:
    fresh = pg_url + "_new"
    assert main(["init", fresh, "--roll", "data/sample_roll.csv", "--date", "2024-02-14"]) == 0
    try:
        rec = open_record(fresh, clock)
        rec.close()
    finally:
        psql(pg_url, f'DROP DATABASE IF EXISTS "{fresh.rsplit("/", 1)[1]}" WITH (FORCE)')


def test_a_bad_roll_leaves_the_database_empty(pg_url: str, clock: FixedClock) -> None:
    bad = sample_roll().replace(b"3399141702910001", b"33991417", 1)
    with pytest.raises(BadInput):
        create_station(pg_url, bad, clock)
    assert "tables" not in psql(pg_url, r"\dt").stdout  # "Did not find any relations."


def test_two_desks_on_the_server_check_in_the_same_voter(
    pg_url: str, clock: FixedClock, member: OfficerInfo, chair: OfficerInfo
) -> None:
    one = make_station(pg_url, clock)
    two = open_record(pg_url, clock, desk="meja-2")
    try:
        nik = "3399141702910001"
        done = check_in(one, member, key=nik)
        with pytest.raises(AlreadyVoted) as second:
            check_in(two, chair, key=nik)
        assert second.value.params["desk"] == "meja-1"
        with read(two.engine) as conn:
            desks = conn.execute(text("SELECT kind, desk FROM event ORDER BY seq")).all()
        assert ("checkin", "meja-1") in desks and ("duplicate_blocked", "meja-2") in desks
        assert all(desk for _, desk in desks[2:])  # every event after creation carries its desk
        assert done.checkin_id == 1 and verify(two).ok
    finally:
        one.close()
        two.close()


def test_a_desk_on_a_slow_lan_waits_at_most_four_round_trips_for_each_write(
    pg_url: str, clock: FixedClock, member: OfficerInfo, chair: OfficerInfo
) -> None:
    """Counted on the wire by a relay that holds each chunk 5 ms each way: a statement sent
    before the answer to the one before it came is told apart from one that waited for it."""
    make_station(pg_url, clock).close()
    with DelayRelay(server_address(), rtt_ms=10) as relay:
        desk = open_record(relay.url(pg_url.rsplit("/", 1)[1]), clock, desk="meja-2")
        trips: dict[str, int] = {}

        def count(name: str, write: Callable[[], object]) -> None:
            before = relay.round_trips
            write()
            trips[name] = relay.round_trips - before

        def dpk() -> None:
            register_dpk(
                desk, chair, nik="3316015505900001", name="KARTINI", sex="P", birth="1990-05-15"
            )

        def duplicate() -> None:
            with pytest.raises(AlreadyVoted):
                check_in(desk, member, voter_id=2)

        try:
            check_in(desk, member, voter_id=1)  # opens the pool's connection
            count("check-in", lambda: check_in(desk, member, voter_id=2))
            count("duplicate", duplicate)
            count("undo", lambda: undo_check_in(desk, chair, "salah orang", voter_id=2))
            clock.set(wib(12, 30))
            count("dpk", dpk)
            clock.set(wib(13, 5))
            count("close", lambda: close_polls(desk, chair))
            assert verify(desk).ok and read_status(desk).expected == 181
        finally:
            desk.close()
    assert max(trips.values()) <= 4, trips


def test_a_ballot_the_stock_has_run_out_of_fails_the_commit_sent_with_it(
    pg_url: str, clock: FixedClock, member: OfficerInfo
) -> None:
    """The take is not awaited before COMMIT: the stock's constraint refusing it fails the
    commit, and nothing of the check-in is kept."""
    rec = make_station(pg_url, clock, stock=1)
    try:
        check_in(rec, member, voter_id=1)  # the last of each type
        before = read_status(rec)
        forged = CheckedIn(
            at="2024-02-14T02:00:00.000000Z",
            officer_id=member.id,
            desk=rec.desk,
            voter_id=2,
            checkin_id=2,
            draws=(Draw("PPWP", "TPS 901"),),
        )
        with pytest.raises(IntegrityError), rec.write() as conn:
            record_event(conn, rec, forged)
        after = read_status(rec)
        assert (after.checked_in, after.audit_head) == (before.checked_in, before.audit_head)
        assert verify(rec).ok
    finally:
        rec.close()


def test_the_unique_index_refuses_a_second_active_check_in_by_hand(
    pg_url: str, clock: FixedClock, member: OfficerInfo
) -> None:
    rec = make_station(pg_url, clock)
    check_in(rec, member, key="3399141702910001")
    rec.close()
    copied = psql(
        pg_url,
        "INSERT INTO checkin (id, voter_id, officer_id, desk, at, active) "
        "SELECT 99, voter_id, officer_id, desk, at, true FROM checkin WHERE id = 1",
    )
    assert copied.returncode != 0 and "uq_checkin_active_voter" in copied.stderr


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE voter SET name = 'BUDI PALSU' WHERE no = 5",
        "UPDATE checkin SET desk = 'meja-9' WHERE id = 1",
        "UPDATE checkin SET active = false WHERE id = 1",
        "DELETE FROM issuedballot WHERE checkin_id = 1 AND ballot = 'DPD'",
        "UPDATE event SET desk = 'meja-9' WHERE seq = (SELECT max(seq) FROM event)",
        "UPDATE ballotstock SET remaining = remaining + 1 WHERE ballot = 'PPWP'",
    ],
)
def test_an_edit_with_psql_is_caught(
    pg_url: str, clock: FixedClock, member: OfficerInfo, statement: str
) -> None:
    rec = make_station(pg_url, clock)
    try:
        check_in(rec, member, key="3399141702910001")
        assert verify(rec).ok
        edited = psql(pg_url, statement)
        assert edited.returncode == 0, edited.stderr
        assert not verify(rec).ok
    finally:
        rec.close()


def test_a_station_moves_from_a_file_to_the_server_and_back(
    tmp_path: Path, pg_url: str, clock: FixedClock, member: OfficerInfo
) -> None:
    source = make_station(tmp_path / "tps.db", clock)
    check_in(source, member, key="3399141702910001")
    with read(source.engine) as conn:
        before = rows_of(conn)
    head = read_status(source).audit_head
    source.close()
    assert main(["copy", str(tmp_path / "tps.db"), pg_url]) == 0
    assert main(["copy", str(tmp_path / "tps.db"), pg_url]) == 2  # never into a full database

    on_server = open_record(pg_url, clock, desk="meja-2")
    try:
        assert read_status(on_server).audit_head == head
        with read(on_server.engine) as conn:
            assert rows_of(conn) == before
        # The day goes on there: the copied ids are followed, not reused.
        done = check_in(on_server, member, key="3399011112980002")
        assert done.checkin_id == 2 and verify(on_server).ok
        status = read_status(on_server)
        head, code = status.audit_head, status.proof_code
    finally:
        on_server.close()
    back = copy_station(pg_url, tmp_path / "back.db", clock)
    assert back.head == head
    assert main(["verify", str(tmp_path / "back.db"), "--expect", code]) == 0
    with pytest.raises(BadInput):
        copy_station(pg_url, tmp_path / "back.db", clock)  # an existing file is never replaced


def test_a_server_station_is_verified_backed_up_sealed_and_restored_onto_a_server(
    tmp_path: Path, pg_url: str, clock: FixedClock, member: OfficerInfo
) -> None:
    source = with_backup_key(make_station(tmp_path / "tps.db", clock))
    check_in(source, member, key="3399141702910001")
    head = read_status(source).audit_head
    source.close()
    assert main(["copy", str(tmp_path / "tps.db"), pg_url]) == 0
    assert main(["verify", pg_url]) == 0
    sealed = tmp_path / "usb" / "cadangan.tpsbak"
    assert main(["backup", pg_url, str(sealed)]) == 0
    assert sealed.read_bytes().startswith(MAGIC)  # encrypted like a file station's backup
    again = pg_url + "_pulih"
    try:
        assert main(["restore", str(sealed), again]) == 0
        restored = open_record(again, clock)
        assert read_status(restored).audit_head == head
        restored.close()
    finally:
        psql(pg_url, f'DROP DATABASE IF EXISTS "{again.rsplit("/", 1)[1]}" WITH (FORCE)')


def test_the_panels_connection_cannot_write(pg_url: str, clock: FixedClock) -> None:
    make_station(pg_url, clock).close()
    panel = open_record(pg_url, clock, readonly=True)
    try:
        with panel.engine.connect() as conn, pytest.raises(Exception, match="read-only"):
            conn.execute(text("UPDATE voter SET name = 'X' WHERE no = 1"))
    finally:
        panel.close()


def test_the_panel_hears_of_a_commit_without_polling(
    pg_url: str, clock: FixedClock, member: OfficerInfo
) -> None:
    desk = make_station(pg_url, clock)
    panel = open_record(pg_url, clock, readonly=True)
    watch = CommitWatch(panel.engine)
    try:
        assert watch.pushes
        assert watch.read_if_changed(lambda: "first") == "first"
        assert watch.read_if_changed(lambda: "again", wait=0.05) is None

        def later() -> None:
            time.sleep(0.3)
            check_in(desk, member, key="3399141702910001")

        threading.Thread(target=later).start()
        started = time.monotonic()
        assert watch.read_if_changed(lambda: "new", wait=5.0) == "new"
        waited = time.monotonic() - started
        assert 0.25 < waited < 2.0, waited  # woken by the commit, not by the timeout
    finally:
        watch.close()
        panel.close()
        desk.close()


def test_a_desk_losing_the_server_refuses_then_recovers_by_itself(
    pg_url: str, clock: FixedClock, member: OfficerInfo, relay: Relay
) -> None:
    make_station(pg_url, clock).close()
    url = relay.url(pg_url)
    desk = open_record(url, clock, desk="meja-2")
    watch = CommitWatch(desk.engine)
    try:
        check_in(desk, member, key="3399141702910001")
        watch.read_if_changed(lambda: None)
        relay.cut()
        started = time.monotonic()
        with pytest.raises(Refused) as refused:
            check_in(desk, member, key="3399011112980002")
        assert refused.value.key == "fault.server_unreachable"
        # The watch's own connection is the driver's: its error, which the strip explains.
        with pytest.raises((DBAPIError, psycopg.Error)) as lost:
            watch.read_if_changed(lambda: None, wait=0.1)
        assert explain(lost.value, url) is not None
        assert time.monotonic() - started < 2.0
        relay.restore()
        done = check_in(desk, member, key="3399011112980002")
        assert watch.read_if_changed(lambda: "back", wait=1.0) == "back"
        assert done.voter_no == 2 and verify(desk).ok
        assert read_status(desk).checked_in == 2  # the refused one left nothing behind
    finally:
        watch.close()
        desk.close()


def test_the_cli_says_an_unreachable_server_in_the_days_words(
    capsys: pytest.CaptureFixture[str], pg_url: str, relay: Relay
) -> None:
    relay.cut()
    assert main(["status", relay.url(pg_url)]) == 4
    err = capsys.readouterr().err
    assert "tidak terjangkau" in err and "Traceback" not in err
    assert "mencoba lagi" not in err  # a command is not retried: only a desk keeps looking


def test_a_desk_whose_clock_is_off_refuses_to_run_saying_by_how_much(
    pg_url: str, clock: FixedClock
) -> None:
    rec = make_station(pg_url, clock)
    try:
        real = FixedClock(wib(9))
        with rec.engine.connect() as conn:
            server_now = conn.execute(text("SELECT now()")).scalar_one()
        real.instant = server_now + timedelta(seconds=90)
        ensure_clock_agrees(rec, real)  # 1.5 minutes: within the 2 allowed
        real.instant = server_now - timedelta(minutes=3, seconds=20)
        with pytest.raises(Refused) as refused:
            ensure_clock_agrees(rec, real)
        assert (refused.value.key, refused.value.params["minutes"]) == ("clock.behind", 3)
        assert 19 <= refused.value.params["seconds"] <= 21
    finally:
        rec.close()


async def test_the_panel_on_the_server_follows_a_commit_and_the_server_coming_back(
    pg_url: str, clock: FixedClock, member: OfficerInfo, relay: Relay
) -> None:
    desk = make_station(pg_url, clock)
    app = make_panel(relay.url(pg_url), clock)

    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, PanelScreen)
            count = app.query_one(TurnoutCount)
            check_in(desk, member, key="3399141702910001")
            started = time.monotonic()
            await wait_for(pilot, lambda: count.value == "1")
            assert time.monotonic() - started < 1.0  # the notification, not a poll
            relay.cut()
            await wait_for(pilot, lambda: screen.outage is not None)
            check_in(desk, member, key="3399011112980002")  # a desk still reaching the server
            relay.restore()
            await wait_for(pilot, lambda: screen.outage is None and count.value == "2")
    finally:
        desk.close()
