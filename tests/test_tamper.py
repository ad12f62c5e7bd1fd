"""Someone edits the station file with the sqlite3 shell behind the program's back: `verify` says so.

Each case is one edit a dishonest person (or a careless technician) could make; `verify` must fail
and name the right problem. The day before the edit: voters 1-3 checked in, voter 3's check-in
undone, voter 10 released, one wrong PIN.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import make_station
from tps_console.cli.main import main
from tps_console.domain.day.checkin import check_in, set_voter_status, undo_check_in
from tps_console.domain.day.officers import OfficerInfo, authenticate, hash_pin
from tps_console.domain.errors import AlreadyVoted, Refused
from tps_console.domain.record import chain as audit
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.proof import parse_noted
from tps_console.domain.record.station import Record
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status

CHECKIN_OF = "(SELECT c.id FROM checkin c JOIN voter v ON v.id = c.voter_id WHERE v.no = {no})"
VOTER = "(SELECT id FROM voter WHERE no = {no})"


@pytest.fixture
def day(
    tmp_path: Path, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> Iterator[Record]:
    rec = make_station(tmp_path / "tps.db", clock)
    for no in (1, 2, 3):
        clock.advance(minutes=3)
        check_in(rec, member, key=nik_of(rec, no))
    clock.advance(minutes=3)
    undo_check_in(rec, chair, "salah orang", key=nik_of(rec, 3))
    set_voter_status(rec, chair, voter_id_of(rec, 10), "released", "bebas 13 Feb")
    with pytest.raises(Refused):
        authenticate(rec, "anggota4", "0000")
    assert verify(rec).ok
    yield rec
    rec.close()


def edit(rec: Record, *statements: str, params: tuple[Any, ...] = ()) -> None:
    assert rec.path is not None
    db = sqlite3.connect(rec.path)
    try:
        for statement in statements:
            db.execute(statement, params if "?" in statement else ())
        db.commit()
    finally:
        db.close()


def query(rec: Record, statement: str) -> Any:
    assert rec.path is not None
    db = sqlite3.connect(rec.path)
    try:
        return db.execute(statement).fetchone()
    finally:
        db.close()


def nik_of(rec: Record, no: int) -> str:
    return str(query(rec, f"SELECT nik FROM voter WHERE no = {no}")[0])


def voter_id_of(rec: Record, no: int) -> int:
    return int(query(rec, f"SELECT id FROM voter WHERE no = {no}")[0])


def head(rec: Record) -> tuple[int, str]:
    seq, digest = query(rec, "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")
    return int(seq), str(digest)


def assert_caught(rec: Record, problem: str, **params: Any) -> None:
    result = verify(rec)
    assert not result.ok
    assert result.problem == problem, (result.problem, result.params)
    assert params.items() <= result.params.items(), result.params


def test_an_untouched_station_verifies(day: Record) -> None:
    result = verify(day)
    assert result.ok and result.problem is None
    assert (result.events, result.head) == head(day)


# The voter roll ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE voter SET name = 'BUDI PALSU' WHERE no = 5",
        "UPDATE voter SET nik = '3399141702919999' WHERE no = 5",
        "UPDATE voter SET sex = 'P' WHERE no = 5",
        "UPDATE voter SET birth_date = '2010-01-01' WHERE no = 5",
        "UPDATE voter SET category = 'DPT' WHERE no = 2",
        "UPDATE voter SET register_no = 'AI.999/2024' WHERE no = 5",
        "UPDATE voter SET ballots = 'PPWP,DPR,DPD,DPRD_PROV,DPRD_KAB' WHERE no = 2",
        "UPDATE voter SET no = 500 WHERE no = 5",
    ],
)
def test_an_edited_roll_entry_is_caught(day: Record, statement: str) -> None:
    edit(day, statement)
    assert_caught(day, "verify.roll_changed")


def test_an_inserted_voter_is_caught(day: Record) -> None:
    edit(
        day,
        "INSERT INTO voter (no, nik, name, sex, birth_date, category, register_no, block, cell,"
        " disability, ballots, status, status_reason) VALUES (181, '3399141702919998', 'HANTU',"
        " 'L', '1991-02-17', 'DPT', NULL, 'A', 'A1', '', 'PPWP,DPR,DPD,DPRD_PROV,DPRD_KAB',"
        " 'eligible', '')",
    )
    assert_caught(day, "verify.voter_unrecorded", no=181)


def test_a_deleted_voter_is_caught(day: Record) -> None:
    edit(day, "DELETE FROM voter WHERE no = 180")
    assert_caught(day, "verify.roll_count", found=179, expected=180)


@pytest.mark.parametrize(
    ("statement", "no"),
    [
        ("UPDATE voter SET status = 'released', status_reason = 'x' WHERE no = 6", 6),
        ("UPDATE voter SET status = 'transferred' WHERE no = 6", 6),
        ("UPDATE voter SET status = 'eligible', status_reason = '' WHERE no = 10", 10),
        ("UPDATE voter SET status_reason = 'pindah' WHERE no = 10", 10),
        ("UPDATE voter SET status_at = NULL WHERE no = 10", 10),
    ],
)
def test_an_edited_voter_status_is_caught(day: Record, statement: str, no: int) -> None:
    edit(day, statement)
    assert_caught(day, "verify.voter_status", no=no)


# Check-ins ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        "active = 0",
        "officer_id = 'ketua'",
        "at = '2024-02-14T01:00:00.000000Z'",
        "desk = 'meja-9'",
        f"voter_id = {VOTER.format(no=7)}",
        "undone_at = '2024-02-14T03:00:00.000000Z'",
    ],
)
def test_an_edited_check_in_is_caught(day: Record, change: str) -> None:
    checkin_id = query(day, CHECKIN_OF.format(no=1).strip("()"))[0]
    edit(day, f"UPDATE checkin SET {change} WHERE id = {checkin_id}")
    assert_caught(day, "verify.checkin_changed", id=checkin_id)


def test_an_undo_reversed_by_hand_is_caught(day: Record) -> None:
    checkin_id = query(day, CHECKIN_OF.format(no=3).strip("()"))[0]
    edit(
        day,
        "UPDATE checkin SET active = 1, undone_at = NULL, undone_by = NULL, undo_reason = NULL"
        f" WHERE id = {checkin_id}",
    )
    assert_caught(day, "verify.checkin_changed", id=checkin_id)


def test_a_check_in_hidden_from_the_unique_index_is_caught(
    day: Record, member: OfficerInfo
) -> None:
    checkin_id = query(day, CHECKIN_OF.format(no=1).strip("()"))[0]
    try:
        edit(day, f"UPDATE checkin SET active = 2 WHERE id = {checkin_id}")
    except sqlite3.IntegrityError:
        return  # the database itself refuses anything but 0/1: the hole is closed
    with contextlib.suppress(AlreadyVoted):  # today it goes through: a second vote
        check_in(day, member, key=nik_of(day, 1))
    result = verify(day)
    assert not result.ok
    assert (result.problem or "").startswith("verify.checkin"), result.problem


def test_a_check_in_hidden_with_the_check_switched_off_is_caught(day: Record) -> None:
    checkin_id = query(day, CHECKIN_OF.format(no=1).strip("()"))[0]
    edit(
        day,
        "PRAGMA ignore_check_constraints = ON",
        f"UPDATE checkin SET active = 2 WHERE id = {checkin_id}",
    )
    assert_caught(day, "verify.checkin_changed", id=checkin_id)


def test_a_deleted_check_in_is_caught(day: Record) -> None:
    checkin_id = query(day, CHECKIN_OF.format(no=2).strip("()"))[0]
    edit(day, f"DELETE FROM checkin WHERE id = {checkin_id}")
    assert_caught(day, "verify.checkin_missing", id=checkin_id)


@pytest.mark.parametrize("active", [1, 0])
def test_an_inserted_check_in_is_caught(day: Record, active: int) -> None:
    edit(
        day,
        "INSERT INTO checkin (voter_id, officer_id, desk, at, active)"
        f" VALUES ({VOTER.format(no=7)}, 'anggota4', 'meja-1', '2024-02-14T02:30:00.000000Z',"
        f" {active})",
    )
    new_id = query(day, "SELECT max(id) FROM checkin")[0]
    assert_caught(day, "verify.checkin_unrecorded", id=new_id)


# The event log ------------------------------------------------------------------------------------


def test_an_edited_event_payload_is_caught(day: Record) -> None:
    seq = query(day, "SELECT seq FROM event WHERE kind = 'checkin_undone'")[0]
    edit(
        day,
        'UPDATE event SET payload = \'{"checkin_id":1,"reason":"x"}\' WHERE seq = ?',
        params=(seq,),
    )
    assert_caught(day, "verify.hash", seq=seq)


def test_a_deleted_middle_event_is_caught(day: Record) -> None:
    seq = query(day, "SELECT seq FROM event WHERE kind = 'checkin' ORDER BY seq LIMIT 1")[0]
    edit(day, f"DELETE FROM event WHERE seq = {seq}")
    assert_caught(day, "verify.gap", seq=seq)


def test_a_forged_event_with_a_made_up_hash_is_caught(day: Record) -> None:
    seq, digest = head(day)
    edit(
        day,
        "INSERT INTO event (seq, at, kind, officer_id, desk, voter_id, drill, payload,"
        " prev_hash, hash) VALUES (?, '2024-02-14T02:40:00.000000Z', 'checkin_undone', 'ketua',"
        ' \'meja-1\', 1, 1, \'{"checkin_id":1,"reason":"x"}\', ?, ?)',
        params=(seq + 1, digest, "0" * 64),
    )
    assert_caught(day, "verify.hash", seq=seq + 1)


def test_a_forged_event_with_a_valid_hash_still_disagrees_with_the_tables(day: Record) -> None:
    """Whoever knows the formula can chain a fake event; the replay then finds no check-in row."""
    seq, digest = head(day)
    fields = {
        "seq": seq + 1,
        "at": "2024-02-14T02:40:00.000000Z",
        "kind": "checkin",
        "officer_id": "anggota4",
        "desk": "meja-1",
        "voter_id": voter_id_of(day, 8),
        "drill": True,
        "payload": audit.canonical({"checkin_id": 99}),
    }
    row = {**fields, "prev_hash": digest, "hash": audit.event_hash(digest, fields)}
    edit(
        day,
        f"INSERT INTO event ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
        params=tuple(row.values()),
    )
    assert_caught(day, "verify.checkin_missing", id=99)


# Officers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE officer SET name = 'Orang Lain' WHERE id = 'anggota4'",
        "UPDATE officer SET role = 'chair' WHERE id = 'anggota4'",  # a member made chair
        # A fixed salt: the test's id (its parameter) must be the same in every xdist worker.
        f"UPDATE officer SET pin_hash = '{hash_pin('0000', bytes(range(16)))}' WHERE id = 'anggota4'",
        "UPDATE officer SET added_at = '2024-02-13T00:00:00.000000Z' WHERE id = 'anggota4'",
        "DELETE FROM officer WHERE id = 'anggota4'",
    ],
)
def test_an_edited_officer_is_caught(day: Record, statement: str) -> None:
    edit(day, statement)
    assert_caught(day, "verify.officer", id="anggota4")


def test_an_inserted_officer_is_caught(day: Record) -> None:
    edit(
        day,
        "INSERT INTO officer (id, name, role, pin_hash, added_at) VALUES"
        f" ('penyusup', 'Penyusup', 'chair', '{hash_pin('9999')}', '2024-02-14T02:00:00.000000Z')",
    )
    assert_caught(day, "verify.officer", id="penyusup")


# The station itself -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("tps = 'TPS 902'", "tps"),
        ("polling_date = '2024-02-15'", "polling_date"),
        ("timezone = 'Asia/Makassar'", "timezone"),
        ("closes = '15:00'", "closes"),  # voting kept open two more hours
        ("opens = '06:00'", "opens"),
        ("dpk_from = '07:00'", "dpk_from"),
        ("roll_count = 181", "roll_count"),
    ],
)
def test_edited_station_settings_are_caught(day: Record, change: str, field: str) -> None:
    edit(day, f"UPDATE station SET {change}")
    assert_caught(day, "verify.station_field", field=field)


# The command line -------------------------------------------------------------------------------


def test_cli_verify_exits_non_zero_on_tampering(
    day: Record, capsys: pytest.CaptureFixture[str]
) -> None:
    assert day.path is not None
    assert main(["verify", str(day.path)]) == 0
    assert "utuh" in capsys.readouterr().out
    edit(day, "UPDATE voter SET name = 'BUDI PALSU' WHERE no = 5")
    assert main(["verify", str(day.path)]) != 0
    err = capsys.readouterr().err
    assert "VERIFIKASI GAGAL" in err and "sidik jari" in err
    assert main(["--lang", "en", "verify", str(day.path)]) != 0
    assert "VERIFICATION FAILED" in capsys.readouterr().err


def test_cutting_the_tail_off_is_caught_by_a_code_a_witness_noted(
    day: Record, member: OfficerInfo
) -> None:
    """Removing the newest check-in with its event and ballots leaves an intact, shorter chain.
    Only a code written down outside the file (the panel shows it) can tell."""
    noted_before = read_status(day).proof_code
    check_in(day, member, key=nik_of(day, 4))
    noted = read_status(day).proof_code
    last = query(day, "SELECT MAX(id) FROM checkin")[0]
    edit(
        day,
        "PRAGMA ignore_check_constraints = ON",
        f"UPDATE ballotstock SET remaining = remaining + 1 WHERE (source, ballot) IN"
        f" (SELECT source, ballot FROM issuedballot WHERE checkin_id = {last})",
        f"DELETE FROM issuedballot WHERE checkin_id = {last}",
        f"DELETE FROM checkin WHERE id = {last}",
        "DELETE FROM event WHERE seq = (SELECT MAX(seq) FROM event)",
    )
    assert verify(day).ok  # the chain alone cannot see it
    assert verify(day, expect=[noted_before]).ok
    result = verify(day, expect=[noted_before, noted])
    assert not result.ok and result.problem == "verify.noted_missing"
    assert result.params["seq"] == parse_noted(noted).seq
