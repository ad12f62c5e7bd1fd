"""Checking voters in at the desk, the refusals, and undo: the polling day, one scene at a time.

Voter no. 1 of the sample roll: PURNOMO HARTONO, NIK 3399141702910001, register BI.001/2024.
Voter no. 2: a DPTb voter entitled to four ballots (no DPRD_KAB).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from tests.helpers import wib
from tps_console.domain.day import checkin as checkin_module
from tps_console.domain.day.checkin import (
    check_in,
    set_voter_status,
    undo_check_in,
)
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import (
    EXIT_ALREADY_VOTED,
    EXIT_BAD_INPUT,
    EXIT_REFUSED,
    AlreadyVoted,
    BadInput,
    Refused,
)
from tps_console.domain.record.clock import FixedClock, stamp
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.store.db import read, write
from tps_console.domain.store.models import CheckIn, Event, Voter
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.i18n import t

NIK_1 = "3399141702910001"
# From 13:00 only voters already in the queue may still come (DOMAIN.md); anyone else is refused,
# as closed, or as not in the queue once the queue rule (issue 5) is in force.
AFTER_13 = "checkin.closed"
QUEUE_RULE = ("checkin.not_queued",)
REGISTER_1 = "BI.001/2024"


def voter_id(rec: Record, no: int) -> int:
    with read(rec.engine) as conn:
        found = conn.execute(select(col(Voter.id)).where(col(Voter.no) == no)).scalar_one()
    assert found is not None
    return found


def check_ins(rec: Record, voter: int) -> list[dict[str, Any]]:
    with read(rec.engine) as conn:
        rows = conn.execute(
            select(CheckIn).where(col(CheckIn.voter_id) == voter).order_by(col(CheckIn.id))
        )
        return [dict(r._mapping) for r in rows]


def events(rec: Record, kind: str | None = None) -> list[dict[str, Any]]:
    with read(rec.engine) as conn:
        query = select(Event).order_by(col(Event.seq))
        if kind:
            query = query.where(col(Event.kind) == kind)
        return [dict(r._mapping) for r in conn.execute(query)]


@pytest.fixture
def second_desk(station: Record) -> Iterator[Record]:
    """The same station opened by another desk (another laptop on the same file)."""
    assert station.path is not None
    rec = open_record(station.path, station.clock, desk="meja-2")
    yield rec
    rec.close()


@pytest.mark.parametrize("key", [NIK_1, "3399 1417 0291 0001", "3399.1417.0291.0001", f" {NIK_1} "])
def test_check_in_by_nik(station: Record, member: OfficerInfo, key: str) -> None:
    done = check_in(station, member, key=key)
    assert (done.voter_no, done.name) == (1, "PURNOMO HARTONO")
    assert (done.officer_id, done.desk) == ("anggota4", "meja-1")
    assert done.at == stamp(wib(9)) == "2024-02-14T02:00:00.000000Z"
    assert done.ballots == ALL_BALLOTS
    (row,) = check_ins(station, done.voter_id)
    assert row["id"] == done.checkin_id and row["active"] is True
    assert (row["officer_id"], row["desk"], row["at"]) == ("anggota4", "meja-1", done.at)
    (event,) = events(station, "checkin")
    assert (event["voter_id"], event["officer_id"], event["desk"]) == (
        done.voter_id,
        "anggota4",
        "meja-1",
    )
    assert json.loads(event["payload"])["checkin_id"] == done.checkin_id


@pytest.mark.parametrize("key", [REGISTER_1, "bi.001/2024", " Bi.001/2024 ", "BI.001 /2024"])
def test_check_in_by_register_number_in_any_case(
    station: Record, member: OfficerInfo, key: str
) -> None:
    done = check_in(station, member, key=key)
    assert done.voter_no == 1


def test_a_dptb_voter_gets_only_the_ballots_on_the_transfer_letter(
    station: Record, member: OfficerInfo
) -> None:
    done = check_in(station, member, voter_id=voter_id(station, 2))
    assert done.ballots == ("PPWP", "DPR", "DPD", "DPRD_PROV")


@pytest.mark.parametrize("key", ["3399141702919999", "XX.999/2024", "", "BUDI"])
def test_unknown_voter_is_refused_and_nothing_is_written(
    station: Record, member: OfficerInfo, key: str
) -> None:
    before = events(station)
    with pytest.raises(Refused) as caught:
        check_in(station, member, key=key)
    assert caught.value.key == "checkin.unknown"
    assert caught.value.exit_code == EXIT_REFUSED
    assert events(station) == before
    with read(station.engine) as conn:
        assert conn.execute(select(func.count()).select_from(CheckIn)).scalar_one() == 0


def test_already_voted_says_when_by_whom_and_where(
    station: Record,
    second_desk: Record,
    clock: FixedClock,
    member: OfficerInfo,
    chair: OfficerInfo,
) -> None:
    first = check_in(station, member, key=NIK_1)
    clock.advance(minutes=30)
    with pytest.raises(AlreadyVoted) as caught:
        check_in(second_desk, chair, key=REGISTER_1)
    refusal = caught.value
    assert refusal.exit_code == EXIT_ALREADY_VOTED
    assert refusal.key == "checkin.already_voted"
    assert refusal.params == {
        "name": "PURNOMO HARTONO",
        "at": first.at,
        "officer": "Anggota KPPS 4 (demo)",
        "officer_id": "anggota4",
        "desk": "meja-1",
        "checkin_id": first.checkin_id,
    }
    message = t(refusal.key, **refusal.params)
    assert "SUDAH MEMILIH" in message and "meja-1" in message and "Anggota KPPS 4" in message
    # Still exactly one check-in; the attempt itself is on the record.
    assert [r["id"] for r in check_ins(station, first.voter_id)] == [first.checkin_id]
    (blocked,) = events(station, "duplicate_blocked")
    assert (blocked["voter_id"], blocked["officer_id"], blocked["desk"]) == (
        first.voter_id,
        "ketua",
        "meja-2",
    )
    assert blocked["at"] == stamp(wib(9, 30))
    assert json.loads(blocked["payload"]) == {
        "reason": "checkin.already_voted",
        "first_checkin": first.checkin_id,
    }
    assert read_status(station).blocked_duplicates == 1
    assert verify(station).ok


def test_every_repeated_attempt_is_recorded(station: Record, member: OfficerInfo) -> None:
    check_in(station, member, key=NIK_1)
    for _ in range(3):
        with pytest.raises(AlreadyVoted):
            check_in(station, member, key=NIK_1)
    assert len(events(station, "duplicate_blocked")) == 3
    status = read_status(station)
    assert (status.checked_in, status.blocked_duplicates) == (1, 3)


@pytest.mark.parametrize(
    ("status", "key"), [("released", "checkin.released"), ("transferred", "checkin.transferred")]
)
def test_released_or_transferred_voter_is_refused_with_the_reason(
    station: Record, chair: OfficerInfo, member: OfficerInfo, status: str, key: str
) -> None:
    voter = voter_id(station, 1)
    set_voter_status(station, chair, voter, status, "  putusan PN Blora 12 Feb  ")
    with pytest.raises(Refused) as caught:
        check_in(station, member, voter_id=voter)
    assert caught.value.key == key
    assert caught.value.exit_code == EXIT_REFUSED
    assert caught.value.params == {"name": "PURNOMO HARTONO", "reason": "putusan PN Blora 12 Feb"}
    assert check_ins(station, voter) == []
    (refused,) = events(station, "checkin_refused")
    assert json.loads(refused["payload"]) == {"reason": key}
    assert read_status(station).expected == 179
    # The chair puts the voter back (a mistake corrected): the desk accepts them again.
    set_voter_status(station, chair, voter, "eligible", "salah catat")
    assert check_in(station, member, voter_id=voter).voter_no == 1
    assert verify(station).ok


def test_voter_status_rules(station: Record, chair: OfficerInfo, member: OfficerInfo) -> None:
    voter = voter_id(station, 1)
    with pytest.raises(Refused) as caught:
        set_voter_status(station, member, voter, "released", "bebas")
    assert caught.value.key == "auth.chair_only"
    with pytest.raises(BadInput) as bad:
        set_voter_status(station, chair, voter, "released", "  ")
    assert bad.value.key == "status.reason_needed"
    with pytest.raises(BadInput) as bad:
        set_voter_status(station, chair, voter, "escaped", "x")
    assert bad.value.key == "status.bad"
    check_in(station, member, voter_id=voter)
    with pytest.raises(Refused) as caught:
        set_voter_status(station, chair, voter, "released", "bebas")
    assert caught.value.key == "status.already_voted"
    assert events(station, "voter_status") == []


# On another day the refusal names polling day: at 09:00 the day before, "voting starts at
# 07:00" alone reads as a mistake.
BEFORE_THE_DAY = "pemungutan suara tanggal 14-02-2024 mulai pukul 07:00"
AFTER_THE_DAY = "Pemungutan suara tanggal 14-02-2024 sudah ditutup"


@pytest.mark.parametrize(
    ("instant", "key", "said"),
    [
        (wib(6, 59, 59), "checkin.not_open", ""),
        (wib(0, 0), "checkin.not_open", ""),
        (wib(9) - timedelta(days=1), "checkin.not_open", BEFORE_THE_DAY),  # the day before
        (wib(13, 0), AFTER_13, ""),
        (wib(15, 30), AFTER_13, ""),
        (wib(9) + timedelta(days=1), "checkin.closed", AFTER_THE_DAY),  # the day after
    ],
)
def test_outside_polling_hours_is_refused(
    station: Record, clock: FixedClock, member: OfficerInfo, instant: Any, key: str, said: str
) -> None:
    clock.set(instant)
    with pytest.raises(Refused) as caught:
        check_in(station, member, key=NIK_1)
    assert caught.value.key in (key, *(QUEUE_RULE if key == AFTER_13 else ()))
    key = caught.value.key
    assert caught.value.exit_code == EXIT_REFUSED
    assert check_ins(station, voter_id(station, 1)) == []
    (refused,) = events(station, "checkin_refused")
    assert json.loads(refused["payload"]) == {"reason": key}
    shown = t(key, **caught.value.params)
    assert shown != key and said in shown


@pytest.mark.parametrize("instant", [wib(7, 0), wib(11, 59), wib(12, 30), wib(12, 59, 59)])
def test_inside_polling_hours_is_accepted(
    station: Record, clock: FixedClock, member: OfficerInfo, instant: Any
) -> None:
    clock.set(instant)
    assert check_in(station, member, key=NIK_1).at == stamp(instant)


def test_undo_is_chair_only_needs_a_reason_and_keeps_the_row(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    first = check_in(station, member, key=NIK_1)
    clock.advance(minutes=5)
    with pytest.raises(Refused) as caught:
        undo_check_in(station, member, "salah orang", key=NIK_1)
    assert caught.value.key == "auth.chair_only"
    for reason in ("", "   "):
        with pytest.raises(BadInput) as bad:
            undo_check_in(station, chair, reason, key=NIK_1)
        assert bad.value.key == "undo.reason_needed"
        assert bad.value.exit_code == EXIT_BAD_INPUT
    assert events(station, "checkin_undone") == []
    assert check_ins(station, first.voter_id)[0]["active"] is True

    assert undo_check_in(station, chair, " salah orang ", key=REGISTER_1) == first.checkin_id
    (row,) = check_ins(station, first.voter_id)
    assert row["active"] is False
    assert (row["undone_by"], row["undo_reason"], row["undone_at"]) == (
        "ketua",
        "salah orang",
        stamp(wib(9, 5)),
    )
    assert (row["officer_id"], row["at"]) == ("anggota4", first.at)  # the original stays readable
    (undone,) = events(station, "checkin_undone")
    assert json.loads(undone["payload"]) == {
        "checkin_id": first.checkin_id,
        "reason": "salah orang",
    }
    assert (undone["officer_id"], undone["voter_id"]) == ("ketua", first.voter_id)
    assert read_status(station).checked_in == 0

    with pytest.raises(Refused) as caught:
        undo_check_in(station, chair, "lagi", key=NIK_1)
    assert caught.value.key == "undo.not_checked_in"


def test_a_voter_can_be_checked_in_again_after_undo(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    first = check_in(station, member, key=NIK_1)
    undo_check_in(station, chair, "salah orang", key=NIK_1)
    clock.advance(minutes=10)
    again = check_in(station, member, key=NIK_1)
    assert again.checkin_id != first.checkin_id
    rows = check_ins(station, first.voter_id)
    assert [(r["id"], r["active"]) for r in rows] == [
        (first.checkin_id, False),
        (again.checkin_id, True),
    ]
    with pytest.raises(AlreadyVoted) as caught:
        check_in(station, member, key=NIK_1)
    assert caught.value.params["checkin_id"] == again.checkin_id
    assert read_status(station).checked_in == 1
    assert verify(station).ok


def insert_check_in_unchecked(conn: Connection, voter_id: int, at: str) -> None:
    """A check-in row inserted without any look-up, as a desk that skipped it would."""
    conn.exec_driver_sql(
        "INSERT INTO checkin (voter_id, officer_id, desk, at, active) VALUES (?, 'ketua', '', ?, 1)",
        (voter_id, at),
    )


def test_the_unique_index_alone_refuses_a_second_active_check_in(
    station: Record, chair: OfficerInfo, member: OfficerInfo
) -> None:
    first = check_in(station, member, key=NIK_1)
    at = stamp(wib(9, 1))
    with pytest.raises(IntegrityError), write(station.engine) as conn:
        insert_check_in_unchecked(conn, first.voter_id, at)
    assert len(check_ins(station, first.voter_id)) == 1
    # Two unchecked inserts for a fresh voter in one transaction: the second is refused too.
    other = voter_id(station, 2)
    with pytest.raises(IntegrityError), write(station.engine) as conn:
        insert_check_in_unchecked(conn, other, at)
        insert_check_in_unchecked(conn, other, at)
    assert check_ins(station, other) == []  # and the transaction took nothing with it
    # The index covers active check-ins only: after an undo a new row is allowed.
    undo_check_in(station, chair, "salah orang", voter_id=first.voter_id)
    with write(station.engine) as conn:
        insert_check_in_unchecked(conn, first.voter_id, at)
    assert [r["active"] for r in check_ins(station, first.voter_id)] == [False, True]


def test_a_check_in_and_its_event_commit_together(
    station: Record, member: OfficerInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_append(*_: Any, **__: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(checkin_module.chain, "append", broken_append)
    with pytest.raises(OSError):
        check_in(station, member, key=NIK_1)
    monkeypatch.undo()
    assert check_ins(station, voter_id(station, 1)) == []
    assert events(station, "checkin") == []
    assert verify(station).ok


def test_turnout_follows_the_day(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo, tmp_path: Path
) -> None:
    for no in (1, 2, 3, 4, 5):
        clock.advance(minutes=1)
        check_in(station, member, voter_id=voter_id(station, no))
    undo_check_in(station, chair, "salah orang", voter_id=voter_id(station, 3))
    status = read_status(station)
    assert (status.expected, status.checked_in, status.undone) == (180, 4, 1)
    assert sum(status.by_category.values()) == sum(status.by_gender.values()) == 4
    assert verify(station).ok


def test_a_duplicate_the_look_up_missed_is_refused_by_the_index_and_recorded(
    station: Record, member: OfficerInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a server database two desks can both look before either inserts: the unique index
    refuses the second insert, and the desk says "already voted" like any other duplicate."""
    check_in(station, member, voter_id=1)
    real = checkin_module.first_check_in
    missed = iter([True])

    def look_up_that_misses_once(voter: Any) -> Any:
        return None if next(missed, False) else real(voter)

    monkeypatch.setattr(checkin_module, "first_check_in", look_up_that_misses_once)
    with pytest.raises(AlreadyVoted):
        check_in(station, member, voter_id=1)
    with read(station.engine) as conn:
        active = conn.execute(
            select(func.count())
            .select_from(CheckIn)
            .where(col(CheckIn.voter_id) == 1, col(CheckIn.active))
        ).scalar_one()
        blocked = conn.execute(
            select(func.count()).select_from(Event).where(col(Event.kind) == "duplicate_blocked")
        ).scalar_one()
    assert (active, blocked) == (1, 1)
    assert verify(station).ok
