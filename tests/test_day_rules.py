"""The rules of the hours: the DPK hour, the 13:00 queue, closing, and `verify` over all of it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from tests.helpers import Person, PersonChange, make_station, wib
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.checkin import check_in, set_voter_status
from tps_console.domain.day.closing import close_polls, record_queue
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.hours import PollState
from tps_console.domain.day.officers import OfficerInfo, authenticate
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.errors import AlreadyVoted, BadInput, Refused, TpsError
from tps_console.domain.record import chain as audit
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.store.db import read, write
from tps_console.domain.store.models import Voter
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.domain.vocab import ALL_BALLOTS, EventKind

NEW_NIK = "3316014107900002"  # a woman born 01-07-1990, not on the synthetic roll
WALK_IN: Person = {"nik": NEW_NIK, "name": "Sri Wahyuni", "sex": "P", "birth": "1990-07-01"}


def nik(rec: Record, no: int) -> str:
    with read(rec.engine) as conn:
        return str(conn.execute(select(col(Voter.nik)).where(col(Voter.no) == no)).scalar_one())


def event_count(rec: Record) -> int:
    return read_status(rec).events


# --- DPK -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("hour", "minute"), [(7, 0), (11, 59), (13, 0), (14, 0)])
def test_dpk_only_between_twelve_and_one(
    station: Record, clock: FixedClock, chair: OfficerInfo, hour: int, minute: int
) -> None:
    clock.set(wib(hour, minute))
    before = event_count(station)
    with pytest.raises(Refused) as refused:
        register_dpk(station, chair, **WALK_IN)
    assert refused.value.key == "dpk.outside_hour" and refused.value.exit_code == 4
    assert refused.value.params == {"start": "12:00", "end": "13:00"}
    assert event_count(station) == before


def test_a_dpk_voter_is_registered_then_checked_in_by_nik(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    clock.set(wib(12, 0))
    before = read_status(station).expected
    added = register_dpk(station, chair, **WALK_IN, disability="tuna netra")
    assert added.no == 181 and added.warnings == ()
    assert read_status(station).expected == before + 1
    done = check_in(station, member, key="3316 0141 0790 0002")
    assert done.voter_id == added.voter_id and done.ballots == ALL_BALLOTS
    assert read_status(station).by_category["DPK"] == 1
    assert verify(station).ok


def test_a_nik_that_disagrees_with_the_ktp_only_warns(
    station: Record, clock: FixedClock, chair: OfficerInfo
) -> None:
    clock.set(wib(12, 30))
    disagrees: Person = {**WALK_IN, "sex": "L", "birth": "1991-07-01"}
    added = register_dpk(station, chair, **disagrees)
    assert added.warnings == ("warn.nik_birth", "warn.nik_sex")


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"nik": "3.31601E+15"}, "nik.scientific"),
        ({"nik": "331601410790000"}, "nik.lost_digit"),
        ({"name": "  "}, "dpk.empty_name"),
        ({"sex": "X"}, "dpk.bad_sex"),
        ({"birth": "31-02-1990"}, "dpk.bad_birth"),
        ({"birth": "2024-03-01"}, "dpk.future_birth"),
    ],
)
def test_bad_dpk_input_is_refused_and_changes_nothing(
    station: Record, clock: FixedClock, chair: OfficerInfo, change: PersonChange, key: str
) -> None:
    clock.set(wib(12, 10))
    before = event_count(station)
    person: Person = {**WALK_IN, **change}
    with pytest.raises(BadInput) as refused:
        register_dpk(station, chair, **person)
    assert refused.value.key == key and refused.value.exit_code == 2
    assert event_count(station) == before


def test_under_17_only_if_married(station: Record, clock: FixedClock, chair: OfficerInfo) -> None:
    clock.set(wib(12, 10))
    # 16 on polling day
    young: Person = {**WALK_IN, "nik": "3316014502080003", "birth": "2008-02-05"}
    with pytest.raises(Refused) as refused:
        register_dpk(station, chair, **young)
    assert refused.value.key == "dpk.under_17" and refused.value.params == {"age": 16}
    assert register_dpk(station, chair, **young, married=True).no == 181
    seventeen: Person = {**WALK_IN, "nik": "3316011402070004", "sex": "L", "birth": "2007-02-14"}
    assert register_dpk(station, chair, **seventeen).no == 182


def test_a_nik_already_on_the_roll_is_not_a_dpk_voter(
    station: Record, clock: FixedClock, chair: OfficerInfo
) -> None:
    clock.set(wib(12, 10))
    on_roll: Person = {**WALK_IN, "nik": nik(station, 2)}
    with pytest.raises(Refused) as refused:
        register_dpk(station, chair, **on_roll)
    assert refused.value.key == "dpk.on_roll"
    assert refused.value.params == {"name": "BAYU HARTONO", "category": "DPTb", "no": 2}
    register_dpk(station, chair, **WALK_IN)
    with pytest.raises(Refused):
        register_dpk(station, chair, **WALK_IN)


def test_only_the_chair_registers_dpk(
    station: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    clock.set(wib(12, 10))
    with pytest.raises(Refused) as refused:
        register_dpk(station, member, **WALK_IN)
    assert refused.value.key == "auth.chair_only"


def test_dpk_only_while_ballots_remain_for_them(
    tmp_path: Path, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    rec = make_station(tmp_path / "tps.db", clock, stock=0)
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 2) | {"DPD": 1})
    clock.set(wib(12, 5))
    register_dpk(rec, chair, **WALK_IN)
    # One DPD left and the first DPK voter, not checked in yet, will need it.
    other: Person = {**WALK_IN, "nik": "3316014107900005"}
    with pytest.raises(Refused) as refused:
        register_dpk(rec, chair, **other)
    assert refused.value.key == "dpk.no_ballots" and refused.value.params == {"types": "DPD"}
    receive_ballots(rec, chair, {"DPD": 1}, source="TPS 905")
    assert register_dpk(rec, chair, **other).no == 182
    rec.close()


# --- the queue and closing -------------------------------------------------------------------


def test_after_one_only_the_queue_may_vote(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    clock.set(wib(12, 59))
    with pytest.raises(Refused) as too_early:
        record_queue(station, chair, [nik(station, 1)])
    assert too_early.value.key == "queue.not_now"
    clock.set(wib(13, 0))
    assert read_status(station).polls == PollState.QUEUE_ONLY
    record_queue(station, chair, [nik(station, 1), "BI.006/2023", nik(station, 1)])
    assert read_status(station).as_json()["queue"] == {"recorded": 2, "waiting": 2}
    clock.set(wib(13, 5))
    check_in(station, member, key=nik(station, 1))
    with pytest.raises(Refused) as not_queued:
        check_in(station, member, key=nik(station, 3))
    assert not_queued.value.key == "checkin.not_queued" and not_queued.value.exit_code == 4
    assert read_status(station).as_json()["queue"] == {"recorded": 2, "waiting": 1}
    assert verify(station).ok


@pytest.mark.parametrize(
    ("setup", "key", "error"),
    [
        ("unknown", "checkin.unknown", Refused),
        ("voted", "queue.already_voted", AlreadyVoted),
        ("queued", "queue.already_queued", Refused),
        ("released", "checkin.released", Refused),
    ],
)
def test_the_queue_is_all_or_nothing(
    station: Record,
    clock: FixedClock,
    chair: OfficerInfo,
    member: OfficerInfo,
    setup: str,
    key: str,
    error: type[TpsError],
) -> None:
    clock.set(wib(12, 50))
    check_in(station, member, key=nik(station, 5))
    set_voter_status(station, chair, 7, "released", "bebas")
    clock.set(wib(13, 0))
    record_queue(station, chair, [nik(station, 6)])
    bad = {"unknown": "9999999", "voted": nik(station, 5), "queued": nik(station, 6)}
    bad["released"] = nik(station, 7)
    before = read_status(station)
    with pytest.raises(error) as refused:
        record_queue(station, chair, [nik(station, 8), bad[setup]])
    assert refused.value.key == key
    assert read_status(station).queued == before.queued == 1


def test_closing(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    clock.set(wib(12, 59))
    with pytest.raises(Refused) as too_early:
        close_polls(station, chair)
    assert too_early.value.key == "close.too_early"
    clock.set(wib(13, 0))
    with pytest.raises(Refused):
        close_polls(station, member)
    record_queue(station, chair, [nik(station, 1)])
    closed = close_polls(station, chair)
    assert closed.queue_waiting == 1
    status = read_status(station)
    assert status.polls == PollState.CLOSED and status.closed_at == closed.at
    with pytest.raises(Refused) as twice:
        close_polls(station, chair)
    assert twice.value.key == "close.already" and twice.value.params == {"closed": "13:00 WIB"}
    before = event_count(station)
    for refused_after in (
        lambda: check_in(station, member, key=nik(station, 1)),
        lambda: set_voter_status(station, chair, 2, "released", "x"),
        lambda: register_dpk(station, chair, **WALK_IN),
        lambda: replace_ballot(station, chair, "PPWP", "x", key=nik(station, 1)),
    ):
        with pytest.raises(Refused) as frozen:
            refused_after()
        assert frozen.value.key == "polls.frozen"
    assert event_count(station) == before
    assert verify(station).ok


def test_after_closing_the_closing_code_stays_while_sign_ins_are_still_logged(
    station: Record, clock: FixedClock, chair: OfficerInfo
) -> None:
    """Witnesses copy the closing code onto C.Hasil; the chair signing in later to print the
    report moves the newest head, never the closing code, and `verify` still finds it."""
    check_in(station, chair, key=nik(station, 1))
    clock.set(wib(13, 0))
    close_polls(station, chair)
    closed = read_status(station)
    assert closed.closing is not None and closed.closing[1] == closed.audit_head
    assert closed.as_json()["closing_head"] == closed.audit_head
    clock.advance(minutes=30)
    authenticate(station, "ketua", "1234", record_success=True)
    with pytest.raises(Refused):
        authenticate(station, "ketua", "9999")
    later = read_status(station)
    assert later.events == closed.events + 2 and later.audit_head != closed.audit_head
    assert later.closing == closed.closing
    assert build_report(station).closing == closed.closing
    assert verify(station, expect=[closed.proof_code]).ok


def test_a_change_logged_after_closing_fails_verify(
    station: Record, clock: FixedClock, chair: OfficerInfo
) -> None:
    """A program that ignores the closing (or an edit that re-hashes the chain) is caught even
    when the event itself changes no table: after closing only sign-ins may follow."""
    clock.set(wib(13, 0))
    close_polls(station, chair)
    with write(station.engine) as conn:
        audit.append(
            conn,
            clock,
            EventKind.DUPLICATE_BLOCKED,
            {"reason": "checkin.already_voted", "first_checkin": None},
            officer_id=chair.id,
            voter_id=1,
        )
    result = verify(station)
    assert not result.ok and result.problem == "verify.after_closing"


def test_the_day_after_polling_day_is_closed(
    station: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    clock.set(wib(9).replace(day=15))
    with pytest.raises(Refused) as refused:
        check_in(station, member, key=nik(station, 1))
    assert refused.value.key == "checkin.closed"


# --- verify over the day's tables ------------------------------------------------------------


@pytest.fixture
def day(
    tmp_path: Path, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> Iterator[Record]:
    """Voters 1 and 2 checked in, 1's DPR replaced from a lender, a DPK voter, a queue, closed."""
    rec = make_station(tmp_path / "tps.db", clock, stock=0)
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 2) | {"DPR": 1})
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 3), source="TPS 905")
    check_in(rec, member, key=nik(rec, 1))
    replace_ballot(rec, chair, "DPR", "keliru coblos", key=nik(rec, 1))
    clock.set(wib(12, 10))
    register_dpk(rec, chair, **WALK_IN)
    check_in(rec, member, key=NEW_NIK)
    clock.set(wib(13, 0))
    record_queue(rec, chair, [nik(rec, 2)])
    check_in(rec, member, key=nik(rec, 2))
    clock.set(wib(13, 30))
    close_polls(rec, chair)
    assert verify(rec).ok
    yield rec
    rec.close()


def edit(rec: Record, statement: str, params: tuple[Any, ...] = ()) -> None:
    assert rec.path is not None
    db = sqlite3.connect(rec.path)
    try:
        db.execute(statement, params)
        db.commit()
    finally:
        db.close()


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        (
            "UPDATE ballotstock SET remaining = remaining - 1 WHERE source = 'TPS 905' AND ballot = 'PPWP'",
            "verify.ballot_stock",
        ),
        (
            "UPDATE ballotstock SET received = received + 10, remaining = remaining + 10",
            "verify.ballot_stock",
        ),
        (
            "DELETE FROM ballotstock WHERE ballot = 'DPRD_KAB' AND source = 'TPS 905'",
            "verify.ballot_stock",
        ),
        ("UPDATE ballotsource SET position = 7 WHERE name = 'TPS 905'", "verify.ballot_source"),
        (
            "INSERT INTO ballotsource VALUES ('TPS 999', 9, '2024-02-14T02:00:00.000000Z')",
            "verify.ballot_source",
        ),
        (
            "UPDATE issuedballot SET source = 'TPS 905' WHERE source = 'TPS 901'",
            "verify.issued_ballot",
        ),
        ("UPDATE issuedballot SET spoiled_at = NULL", "verify.issued_ballot"),
        ("DELETE FROM issuedballot WHERE replacement = 1", "verify.issued_ballot"),
        ("DELETE FROM queueentry", "verify.queue"),
        (
            "INSERT INTO queueentry VALUES (9, 'ketua', '2024-02-14T06:00:00.000000Z')",
            "verify.queue",
        ),
        ("UPDATE station SET closed_at = NULL", "verify.station_field"),
        ("UPDATE voter SET name = 'SRI WAHYUNINGSIH' WHERE no = 181", "verify.dpk_changed"),
        ("UPDATE voter SET ballots = 'PPWP' WHERE no = 181", "verify.dpk_changed"),
        (
            "INSERT INTO voter (no, nik, name, sex, birth_date, category, block, cell, disability,"
            " ballots, status, status_reason) VALUES (182, '3316015505900009', 'SISIPAN', 'P',"
            " '1990-05-15', 'DPK', '', '', '', 'PPWP,DPR,DPD,DPRD_PROV,DPRD_KAB', 'eligible', '')",
            "verify.voter_unrecorded",
        ),
    ],
)
def test_an_edit_to_the_days_tables_is_caught(day: Record, statement: str, problem: str) -> None:
    edit(day, statement)
    result = verify(day)
    assert not result.ok and result.problem == problem, (result.problem, result.params)


def test_a_deleted_dpk_voter_is_caught(day: Record) -> None:
    edit(day, "DELETE FROM voter WHERE no = 181")  # the sqlite3 shell does not enforce keys
    result = verify(day)
    assert (result.ok, result.problem, result.params) == (False, "verify.dpk_missing", {"no": 181})
