"""One event, one projection: what the desk writes is what `verify` rebuilds from the log.

A whole polling day with every kind of event is recorded; its log is then replayed through the
same `project` into a scratch database, and every table must come out identical. The stored
payloads must read back to their events and write out byte for byte as stored (the hash covers
them). A log forged with valid hashes but events that cannot follow each other is named by
`verify`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Connection, Table, insert, select
from sqlmodel import SQLModel, col

from tests.helpers import make_station, wib, with_backup_key
from tps_console.domain.backup.files import set_backup_target
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.checkin import check_in, set_voter_status, undo_check_in
from tps_console.domain.day.closing import close_polls, record_queue
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.incidents import record_incident
from tps_console.domain.day.officers import PIN_COST_ENV, OfficerInfo, authenticate, pin_cost
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.errors import AlreadyVoted, Refused
from tps_console.domain.record import chain
from tps_console.domain.record.clock import FixedClock, stamp
from tps_console.domain.record.events import (
    KINDS,
    CheckedIn,
    Draw,
    DuplicateBlocked,
    StationEvent,
    VoterStatusSet,
    decode,
    stored_payload,
)
from tps_console.domain.record.projection import BrokenRule, project, record_event
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read, scratch_database, write
from tps_console.domain.store.models import Event, Station, Voter
from tps_console.domain.verify import verify
from tps_console.domain.vocab import ALL_BALLOTS, Category, EventKind

WALK_IN_NIK = "3316014107900002"  # a woman born 01-07-1990, not on the synthetic roll
STATE_TABLES: list[Table] = [t for t in SQLModel.metadata.sorted_tables if t.name != "event"]


def full_entitlement_voters(rec: Record, n: int) -> list[int]:
    """The first `n` DPT voters entitled to all five ballots."""
    with read(rec.engine) as conn:
        ids = conn.execute(
            select(col(Voter.id))
            .where(col(Voter.category) == Category.DPT, col(Voter.ballots) == ",".join(ALL_BALLOTS))
            .order_by(col(Voter.id))
            .limit(n)
        ).scalars()
        return [int(i) for i in ids if i is not None]


def nik_of(rec: Record, voter_id: int) -> str:
    with read(rec.engine) as conn:
        return str(
            conn.execute(select(col(Voter.nik)).where(col(Voter.id) == voter_id)).scalar_one()
        )


@pytest.fixture
def whole_day(
    tmp_path: Path,
    clock: FixedClock,
    chair: OfficerInfo,
    member: OfficerInfo,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Record]:
    """Every kind of event at least once, from the station's creation to after the closing."""
    rec = make_station(tmp_path / "tps.db", clock, stock=0)
    a, b, c, d = full_entitlement_voters(rec, 4)
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 5) | {"DPRD_KAB": 1})
    authenticate(rec, "ketua", "1234", record_success=True)
    with pytest.raises(Refused):
        authenticate(rec, "anggota4", "0000")
    clock.advance(minutes=5)
    check_in(rec, member, voter_id=a)
    check_in(rec, member, voter_id=b, short_approved_by=chair)  # no DPRD_KAB left
    with pytest.raises(AlreadyVoted):
        check_in(rec, member, voter_id=a)
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 3), source="TPS 905")
    replace_ballot(rec, chair, "PPWP", "robek", voter_id=a)
    undo_check_in(rec, chair, "salah orang", voter_id=b)
    set_voter_status(rec, chair, c, "released", "bebas 13 Feb")
    with pytest.raises(Refused):
        check_in(rec, member, voter_id=c)
    set_backup_target(rec, chair, str(tmp_path), every_minutes=10, keep=3)
    with_backup_key(rec)
    clock.set(wib(12, 10))
    register_dpk(rec, chair, nik=WALK_IN_NIK, name="Sri Wahyuni", sex="P", birth="1990-07-01")
    check_in(rec, member, key=WALK_IN_NIK)
    clock.set(wib(13, 0))
    record_queue(rec, chair, [nik_of(rec, d)])
    check_in(rec, member, voter_id=d)
    clock.set(wib(13, 30))
    close_polls(rec, chair)
    # The chair signs in for the report after a new version made PINs dearer to guess: her
    # PIN is hashed again (the tests' cost one step up stands for the real one).
    monkeypatch.setenv(PIN_COST_ENV, str(pin_cost().log2_n + 1))
    authenticate(rec, "ketua", "1234", record_success=True)
    # Objections raised at the count, after closing, about a voter; and a correction of one.
    record_incident(rec, member, "Saksi keberatan", witness="Budi", voter_key=nik_of(rec, a))
    record_incident(rec, chair, "Saksi dari Partai Y", corrects=1)
    yield rec
    rec.close()


def stored_rows(conn: Connection) -> list[Any]:
    return list(conn.execute(select(Event).order_by(col(Event.seq))))


def table_rows(conn: Connection, table: Table) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns))]


def test_every_kind_of_event_has_its_dataclass() -> None:
    assert {kind for kind, _ in KINDS} == set(EventKind)
    assert all((cls.kind, cls.version) == key for key, cls in KINDS.items())
    # Every payload logged so far is version 1: a version 2 is a new class beside it.
    assert {version for _, version in KINDS} == {1}


def test_the_whole_day_holds_every_kind_of_event(whole_day: Record) -> None:
    with read(whole_day.engine) as conn:
        kinds = {row.kind for row in stored_rows(conn)}
    # Every kind but the drill clock's, which a real station never holds (tests/test_drill.py).
    assert kinds == set(EventKind) - {EventKind.DRILL_CLOCK}
    assert verify(whole_day).ok


def test_every_stored_event_reads_back_and_writes_out_byte_for_byte(whole_day: Record) -> None:
    """The hash covers the payload as stored: an event must write out exactly those bytes."""
    with read(whole_day.engine) as conn:
        rows = stored_rows(conn)
    short = 0
    for row in rows:
        event = decode(row)
        assert event.kind == row.kind
        assert chain.canonical(stored_payload(event)) == row.payload, row.kind
        assert (event.at, event.officer_id, event.desk, event.voter_id) == (
            row.at,
            row.officer_id,
            row.desk,
            row.voter_id,
        )
        short += isinstance(event, CheckedIn) and event.short_approved_by is not None
    assert short == 1  # the optional keys were among them


# Payloads as the log has always stored them (canonical JSON): a field renamed in a dataclass
# would change them, and every station written before would fail `verify`.
STORED_PAYLOADS = [
    (
        EventKind.STATION_CREATED,
        '{"backup_dir":"","backup_keep":12,"backup_minutes":5,"closes":"13:00",'
        '"created_at":"2024-02-14T00:00:00.000000Z","dpk_from":"12:00","opens":"07:00",'
        '"polling_date":"2024-02-14","timezone":"Asia/Jakarta","tps":"TPS 901"}',
    ),
    (EventKind.ROLL_IMPORTED, '{"count":180,"fingerprint":"5e1f"}'),
    (
        EventKind.OFFICER_ADDED,
        '{"id":"ketua","name":"Ketua KPPS","pin_hash":"scrypt$00$11","role":"chair"}',
    ),
    (EventKind.SIGNED_IN, "{}"),
    (EventKind.PIN_FAILED, "{}"),
    (EventKind.PIN_REHASHED, '{"pin_hash":"scrypt$ln=17,r=8,p=1$00$11"}'),
    (EventKind.CHECKIN, '{"ballots":{"DPR":"TPS 905","PPWP":"TPS 901"},"checkin_id":3}'),
    (
        EventKind.CHECKIN,
        '{"ballots":{"PPWP":"TPS 901"},"checkin_id":4,"short":["DPR"],"short_approved_by":"ketua"}',
    ),
    (EventKind.CHECKIN_REFUSED, '{"reason":"checkin.released"}'),
    (EventKind.DUPLICATE_BLOCKED, '{"first_checkin":3,"reason":"checkin.already_voted"}'),
    (EventKind.CHECKIN_UNDONE, '{"checkin_id":3,"reason":"salah orang"}'),
    (EventKind.VOTER_STATUS, '{"reason":"bebas 13 Feb","status":"released"}'),
    (EventKind.BACKUP_TARGET, '{"backup_dir":"/media/usb","backup_keep":12,"backup_minutes":5}'),
    (
        EventKind.BACKUP_KEY,
        '{"recipient":"age1npu4fc5mtrrvvrm0wvjpctauqkl2f6rfcufkqfh5u6yg65ugtqtsvjg2al",'
        '"wrapped_identity":"YWdlLWVuY3J5cHRpb24ub3JnL3YxCg=="}',
    ),
    (EventKind.BALLOTS_RECEIVED, '{"counts":{"DPR":200,"PPWP":200},"source":"TPS 901"}'),
    (
        EventKind.BALLOT_REPLACED,
        '{"ballot":"DPR","checkin_id":3,"reason":"keliru coblos","source":"TPS 905"}',
    ),
    (
        EventKind.DPK_REGISTERED,
        '{"married":false,"voter":{"ballots":"PPWP,DPR,DPD,DPRD_PROV,DPRD_KAB",'
        '"birth_date":"1990-07-01","block":"","category":"DPK","cell":"","disability":"",'
        '"name":"SRI WAHYUNI","nik":"3316014107900002","no":181,"register_no":null,"sex":"P"}}',
    ),
    (EventKind.QUEUE_JOINED, "{}"),
    (EventKind.POLLS_CLOSED, '{"queue_waiting":0}'),
    (EventKind.INCIDENT, '{"corrects":null,"no":1,"text":"Saksi keberatan","witness":"Budi"}'),
    (
        EventKind.STATION_CREATED,  # a drill station's
        '{"backup_dir":"","backup_keep":12,"backup_minutes":5,"closes":"13:00",'
        '"created_at":"2024-02-13T02:00:00.000000Z","dpk_from":"12:00","drill":true,'
        '"drill_at":"2024-02-13T02:00:00.000000Z","drill_since":"2026-12-01T03:00:00.000000Z",'
        '"opens":"07:00","polling_date":"2024-02-14","timezone":"Asia/Jakarta","tps":"TPS 901"}',
    ),
    (
        EventKind.DRILL_CLOCK,
        '{"drill_at":"2024-02-14T05:00:00.000000Z","since":"2026-12-01T03:10:00.000000Z"}',
    ),
]


def test_the_stored_payload_of_every_kind_is_kept_byte_for_byte() -> None:
    assert {kind for kind, _ in STORED_PAYLOADS} == set(EventKind)
    for kind, payload in STORED_PAYLOADS:
        row = SimpleNamespace(
            _mapping={
                "kind": kind,
                "at": "2024-02-14T02:00:00.000000Z",
                "officer_id": "ketua",
                "desk": "meja-1",
                "voter_id": 7,
                "payload": payload,
            }
        )
        assert chain.canonical(stored_payload(decode(row))) == payload, kind


def test_replaying_the_log_rebuilds_every_table_exactly(whole_day: Record) -> None:
    with read(whole_day.engine) as conn, scratch_database() as scratch:
        roll_count = conn.execute(select(col(Station.roll_count))).scalar_one()
        # SQLModel declares no __table__ on its models (SQLAlchemy adds it): the product reads it
        # the same way.
        voters: Table = Voter.__table__  # type: ignore[attr-defined]
        roll = conn.execute(
            select(*(c for c in voters.columns if not c.name.startswith("status"))).where(
                voters.c.id <= roll_count
            )
        )
        scratch.execute(insert(voters), [dict(r._mapping) for r in roll])
        for row in stored_rows(conn):
            project(decode(row), scratch)
        for table in STATE_TABLES:
            assert table_rows(scratch, table) == table_rows(conn, table), table.name


def test_check_ins_are_numbered_one_two_three_as_before(
    station: Record, chair: OfficerInfo, member: OfficerInfo
) -> None:
    ids = [check_in(station, member, voter_id=v).checkin_id for v in (1, 2, 3)]
    undo_check_in(station, chair, "salah orang", voter_id=2)
    ids.append(check_in(station, member, voter_id=2).checkin_id)
    assert ids == [1, 2, 3, 4]


def test_a_station_whose_check_in_ids_differ_still_verifies(
    station: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    """Replaying uses the id the event carries, whatever rule gave it."""
    with station.write() as conn:
        record_event(
            conn,
            clock,
            CheckedIn(
                at=stamp(clock.now()),
                officer_id=member.id,
                desk="meja-1",
                voter_id=1,
                checkin_id=1000,
                draws=(Draw("PPWP", "TPS 901"),),
            ),
        )
    assert check_in(station, member, voter_id=2).checkin_id == 1001
    assert verify(station).ok


# A log forged with valid hashes ------------------------------------------------------------------


def forge(
    rec: Record, clock: FixedClock, kind: str, payload: dict[str, Any], **envelope: Any
) -> int:
    """Log an event (with a valid hash) that was never applied to the tables: its seq."""
    with write(rec.engine) as conn:
        return chain.append(conn, clock, kind, payload, desk="meja-1", **envelope).seq


def assert_named(rec: Record, problem: str, **params: Any) -> None:
    result = verify(rec)
    assert not result.ok
    assert result.problem == problem, (result.problem, result.params)
    assert params.items() <= result.params.items(), result.params


def test_an_undo_of_a_check_in_that_is_not_active_is_named(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    done = check_in(station, member, voter_id=1)
    undo_check_in(station, chair, "salah orang", voter_id=1)
    seq = forge(
        station,
        clock,
        EventKind.CHECKIN_UNDONE,
        {"checkin_id": done.checkin_id, "reason": "lagi"},
        officer_id=chair.id,
        voter_id=1,
    )
    assert_named(station, "verify.undo_without_checkin", seq=seq)


def test_a_second_active_check_in_in_the_log_is_named(
    station: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    check_in(station, member, voter_id=1)
    seq = forge(
        station,
        clock,
        EventKind.CHECKIN,
        {"checkin_id": 2, "ballots": {}},
        officer_id=member.id,
        voter_id=1,
    )
    assert_named(station, "verify.impossible", seq=seq, kind="checkin")


# Events forged with valid hashes that cannot follow the log before them (on the station as made),
# and what `verify` names: (kind, payload, envelope, problem, what the problem names).
FORGED: list[tuple[str, dict[str, Any], dict[str, Any], str, dict[str, Any]]] = [
    (
        EventKind.BALLOT_REPLACED,
        {"checkin_id": 77, "ballot": "DPR", "source": "TPS 901", "reason": "x"},
        {"officer_id": "ketua", "voter_id": 1},
        "verify.replace_without_ballot",
        {},
    ),
    (
        EventKind.CHECKIN,
        {"checkin_id": 1, "ballots": {"PPWP": "TPS 901", "DPR": "TPS 999"}},
        {"officer_id": "anggota4", "voter_id": 1},
        "verify.ballot_not_in_stock",
        {"type": "DPR", "source": "TPS 999"},
    ),
    (
        EventKind.PIN_REHASHED,
        {"pin_hash": "scrypt$ln=17,r=8,p=1$00$11"},
        {"officer_id": "penyusup"},
        "verify.rehash_unknown_officer",
        {"id": "penyusup"},
    ),
    (
        EventKind.VOTER_STATUS,
        {"status": "released", "reason": "bebas"},
        {"officer_id": "ketua", "voter_id": 9999},
        "verify.status_unknown_voter",
        {"id": 9999},
    ),
    (  # a version of a kind this program does not know
        EventKind.VOTER_STATUS,
        {"status": "released", "reason": "bebas", "v": 2},
        {"officer_id": "ketua", "voter_id": 1},
        "verify.impossible",
        {"kind": EventKind.VOTER_STATUS},
    ),
    ("note", {"text": "catatan"}, {}, "verify.impossible", {"kind": "note"}),
]


@pytest.mark.parametrize(
    ("kind", "payload", "envelope", "problem", "named"),
    FORGED,
    ids=["replace_without_ballot", "no_stock", "rehash_unknown", "status_unknown", "v2", "kind"],
)
def test_a_forged_event_that_cannot_follow_the_log_is_named(
    station: Record,
    clock: FixedClock,
    kind: str,
    payload: dict[str, Any],
    envelope: dict[str, Any],
    problem: str,
    named: dict[str, Any],
) -> None:
    seq = forge(station, clock, kind, payload, **envelope)
    assert_named(station, problem, seq=seq, **named)


def test_the_projection_itself_refuses_a_change_after_the_closing(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    """The rule is `project`'s, not the replay's: applied after the closing, a change raises."""
    clock.set(wib(13, 0))
    close_polls(station, chair)
    blocked = DuplicateBlocked(
        at=stamp(clock.now()),
        officer_id=member.id,
        desk="meja-1",
        voter_id=1,
        reason="checkin.already_voted",
        first_checkin=None,
    )
    with pytest.raises(BrokenRule) as refused, write(station.engine) as conn:
        project(blocked, conn)
    assert refused.value.key == "verify.after_closing"
    assert refused.value.params == {"kind": EventKind.DUPLICATE_BLOCKED}


def test_a_later_version_of_a_payload_is_read_by_its_own_class() -> None:
    """A payload that changes shape is a new class: the log names its version, and the stations
    that logged the old shape still read theirs with the old class."""

    @dataclass(frozen=True, kw_only=True)
    class StatusSetV2(StationEvent):
        kind = EventKind.VOTER_STATUS
        version = 2
        officer_id: str
        voter_id: int
        status: str
        reasons: tuple[str, ...]

    try:
        row = SimpleNamespace(
            _mapping={
                "kind": EventKind.VOTER_STATUS,
                "at": "2024-02-14T02:00:00.000000Z",
                "officer_id": "ketua",
                "desk": "meja-1",
                "voter_id": 7,
                "payload": '{"reasons":["bebas"],"status":"released","v":2}',
            }
        )
        event = decode(row)
        assert isinstance(event, StatusSetV2) and event.reasons == ["bebas"]
        assert chain.canonical(stored_payload(event)) == row._mapping["payload"]
        old = SimpleNamespace(_mapping={**row._mapping, "payload": '{"reason":"x","status":"s"}'})
        assert isinstance(decode(old), VoterStatusSet)
        with pytest.raises(TypeError, match="defined already"):

            @dataclass(frozen=True, kw_only=True)
            class Again(StationEvent):
                kind = EventKind.VOTER_STATUS
                version = 2
    finally:
        del KINDS[EventKind.VOTER_STATUS, 2]
