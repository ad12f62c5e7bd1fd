"""KPPS officers: salted PIN hashes, wrong PINs on the record, lock-out, who may add whom."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from tests.helpers import POLLING_DAY, WIB, make_station, wib
from tps_console.domain.day.officers import (
    LEGACY_PIN_COST,
    PIN_COST,
    PIN_COST_ENV,
    OfficerInfo,
    add_officer,
    authenticate,
    hash_pin,
    list_officers,
    pin_cost,
    pin_matches,
    stored_cost,
)
from tps_console.domain.errors import EXIT_REFUSED, BadInput, Refused
from tps_console.domain.record.clock import FixedClock, stamp
from tps_console.domain.record.creation import create_station
from tps_console.domain.record.events import OfficerAdded
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Event, Officer
from tps_console.domain.verify import verify
from tps_console.samples.rolls import sample_roll


def scrypt_form(pin: str, salt: str, log2_n: int) -> str:
    """What a stored PIN must be, computed here on its own: the scheme, the cost, the salt (hex)
    and scrypt's digest of the PIN, nothing else. Comparing with it (rather than looking for the
    PIN's digits in random hex, which holds "1234" by chance now and then) shows the PIN is not
    kept."""
    digest = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt), n=2**log2_n, r=8, p=1, dklen=32, maxmem=2**28
    )
    return f"scrypt$ln={log2_n},r=8,p=1${salt}${digest.hex()}"


def first_version_hash(pin: str) -> str:
    """A PIN as the first version stored it: scrypt 2^14, r=8, p=1, the cost not written."""
    salt = bytes(range(16))
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def add_first_version_officer(rec: Record, officer_id: str, pin: str) -> None:
    """An officer added by the first version: the event it logged, with its hash."""
    with rec.write() as conn:
        added = OfficerAdded(
            at=stamp(rec.now()),
            officer_id="ketua",
            desk=rec.desk,
            id=officer_id,
            name="Anggota Lama",
            role="member",
            pin_hash=first_version_hash(pin),
        )
        record_event(conn, rec, added)


def stored_hash(rec: Record, officer_id: str) -> str:
    with read(rec.engine) as conn:
        query = select(col(Officer.pin_hash)).where(col(Officer.id) == officer_id)
        return str(conn.execute(query).scalar_one())


def events(rec: Record, kind: str) -> list[dict[str, Any]]:
    with read(rec.engine) as conn:
        query = select(Event).where(col(Event.kind) == kind).order_by(col(Event.seq))
        return [dict(r._mapping) for r in conn.execute(query)]


def refused(rec: Record, officer_id: str, pin: str) -> Refused:
    with pytest.raises(Refused) as caught:
        authenticate(rec, officer_id, pin)
    return caught.value


@pytest.fixture
def bare_station(tmp_path: Path, clock: FixedClock) -> Iterator[Record]:
    """A station before any officer exists: the morning the chair sets up the laptop."""
    path = tmp_path / "bare.db"
    create_station(path, sample_roll(), clock, polling_date=POLLING_DAY)
    rec = open_record(path, clock, desk="meja-1")
    yield rec
    rec.close()


def test_pin_hashes_are_salted_and_slow() -> None:
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second
    assert pin_matches("1234", first) and pin_matches("1234", second)
    assert not pin_matches("1235", first)
    assert not pin_matches("12345", first)
    scheme, cost, salt, digest = first.split("$")
    assert scheme == "scrypt" and len(bytes.fromhex(salt)) == 16 and len(digest) == 64
    assert cost == f"ln={pin_cost().log2_n},r=8,p=1"  # the cost it was made at, in the hash
    assert first == scrypt_form("1234", salt, pin_cost().log2_n)  # the PIN only through scrypt
    # The same salt gives the same hash: the salt, not chance, makes the two differ.
    assert hash_pin("1234", bytes.fromhex(salt)) == first


def test_stored_pin_is_a_hash(station: Record) -> None:
    with read(station.engine) as conn:
        stored = dict(conn.execute(select(col(Officer.id), col(Officer.pin_hash))).all())
    assert set(stored) == {"ketua", "anggota4"}
    for officer, pin in (("ketua", "1234"), ("anggota4", "4444")):
        salt = stored[officer].split("$")[2]
        assert stored[officer] == scrypt_form(pin, salt, pin_cost().log2_n)  # not in the clear
    assert pin_matches("1234", stored["ketua"]) and pin_matches("4444", stored["anggota4"])


def test_the_real_cost_makes_every_offline_guess_eight_times_dearer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first version hashed at 2^14: the real cost is at least 2^17 (r=8, p=1), eight times
    the work and the memory (128 MiB, what a 4 GB laptop can give for a second)."""
    assert PIN_COST.log2_n >= 17 and (PIN_COST.r, PIN_COST.p) == (8, 1)
    assert PIN_COST.work >= 8 * LEGACY_PIN_COST.work
    assert 128 * 2**20 <= PIN_COST.memory <= 256 * 2**20  # each desk hashes one PIN at a time
    monkeypatch.delenv(PIN_COST_ENV)
    assert pin_cost() == PIN_COST  # what a desk uses, unless a test says otherwise
    for slip in ("", "3", "21", "ten", "-1"):  # never a cheap cost by mistake
        monkeypatch.setenv(PIN_COST_ENV, slip)
        assert pin_cost() == PIN_COST


def test_an_old_pin_signs_in_is_hashed_again_at_the_real_cost_and_verifies(
    station: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A station made by the first version: its officer's PIN (2^14) still signs in, and that
    sign-in stores it at 2^17, recorded as an event that `verify` replays."""
    add_first_version_officer(station, "anggota6", "6666")
    assert stored_cost(stored_hash(station, "anggota6")) == LEGACY_PIN_COST
    monkeypatch.delenv(PIN_COST_ENV)  # the real cost, as at a desk
    assert authenticate(station, "anggota6", "6666", record_success=True).id == "anggota6"
    upgraded = stored_hash(station, "anggota6")
    assert stored_cost(upgraded) == PIN_COST
    assert upgraded == scrypt_form("6666", upgraded.split("$")[2], 17)
    (signed_in,) = events(station, "signed_in")
    (rehashed,) = events(station, "pin_rehashed")
    assert rehashed["seq"] == signed_in["seq"] + 1
    assert (rehashed["officer_id"], rehashed["desk"]) == ("anggota6", "meja-1")
    assert json.loads(rehashed["payload"]) == {"pin_hash": upgraded}
    assert verify(station).ok
    # Once is enough: the next sign-in finds the real cost and records nothing new.
    assert authenticate(station, "anggota6", "6666").id == "anggota6"
    assert len(events(station, "pin_rehashed")) == 1
    assert verify(station).ok


def test_a_cheaper_hash_is_upgraded_at_a_sign_in_that_records_nothing_else(
    target: Path | str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`checkin --officer` records no sign-in of its own; the upgrade is recorded all the same,
    in a file and on a server."""
    station = make_station(target, clock)
    before = stored_hash(station, "anggota4")
    monkeypatch.setenv(PIN_COST_ENV, str(pin_cost().log2_n + 1))
    assert authenticate(station, "anggota4", "4444").id == "anggota4"
    assert events(station, "signed_in") == []
    (rehashed,) = events(station, "pin_rehashed")
    assert stored_hash(station, "anggota4") == json.loads(rehashed["payload"])["pin_hash"]
    assert stored_hash(station, "anggota4") != before
    assert verify(station).ok
    station.close()


def test_a_wrong_pin_upgrades_nothing(station: Record, monkeypatch: pytest.MonkeyPatch) -> None:
    add_first_version_officer(station, "anggota6", "6666")
    old = stored_hash(station, "anggota6")
    monkeypatch.setenv(PIN_COST_ENV, "15")
    assert refused(station, "anggota6", "1234").key == "auth.wrong_pin"
    assert stored_hash(station, "anggota6") == old
    assert events(station, "pin_rehashed") == [] and len(events(station, "pin_failed")) == 1


def test_a_dearer_hash_is_kept_when_the_cost_is_lower(
    station: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_first_version_officer(station, "anggota6", "6666")  # 2^14, above the tests' 2^10
    assert authenticate(station, "anggota6", "6666").id == "anggota6"
    assert stored_cost(stored_hash(station, "anggota6")) == LEGACY_PIN_COST
    assert events(station, "pin_rehashed") == []


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "1234",
        "scrypt$zz$11",  # not hex
        "bcrypt$ln=10,r=8,p=1$00$11",
        "scrypt$ln=10$00$11",
        "scrypt$ln=30,r=8,p=1$00$11",  # 128 GiB at every sign-in: refused, not attempted
        "scrypt$ln=10,r=64,p=1$00$11",
    ],
)
def test_what_is_not_a_hash_this_program_makes_matches_no_pin(stored: str) -> None:
    assert not pin_matches("1234", stored)


def test_right_pin_signs_in(station: Record) -> None:
    assert authenticate(station, "ketua", "1234") == OfficerInfo(
        "ketua", "Ketua KPPS (demo)", "chair"
    )
    assert authenticate(station, " KETUA ", "1234").id == "ketua"
    assert events(station, "pin_failed") == []
    authenticate(station, "anggota4", "4444", record_success=True)
    (signed_in,) = events(station, "signed_in")
    assert (signed_in["officer_id"], signed_in["desk"]) == ("anggota4", "meja-1")


def test_unknown_officer_is_refused_without_a_record(station: Record) -> None:
    with read(station.engine) as conn:
        before = conn.execute(select(col(Event.seq))).scalars().all()
    error = refused(station, "penyusup", "1234")
    assert error.key == "auth.unknown_officer" and error.exit_code == EXIT_REFUSED
    with read(station.engine) as conn:
        assert conn.execute(select(col(Event.seq))).scalars().all() == before


def test_wrong_pin_is_recorded(station: Record, clock: FixedClock) -> None:
    error = refused(station, "anggota4", "1234")
    assert (error.key, error.params) == ("auth.wrong_pin", {"left": 4})
    assert error.exit_code == EXIT_REFUSED
    (failed,) = events(station, "pin_failed")
    assert (failed["officer_id"], failed["desk"], failed["at"]) == (
        "anggota4",
        "meja-1",
        stamp(wib(9)),
    )
    assert "4444" not in failed["payload"] and "1234" not in failed["payload"]
    assert verify(station).ok


def test_five_wrong_pins_lock_the_officer_for_five_minutes(
    station: Record, clock: FixedClock
) -> None:
    for left in (4, 3, 2, 1):
        assert refused(station, "anggota4", "0000").params == {"left": left}
        clock.advance(seconds=10)
    fifth = refused(station, "anggota4", "0000")
    assert (fifth.key, fifth.params) == ("auth.locked_now", {"minutes": 5})
    locked_at = clock.now()
    assert len(events(station, "pin_failed")) == 5

    # Locked: even the right PIN is refused, and the attempts are not even checked.
    clock.advance(minutes=4, seconds=59)
    error = refused(station, "anggota4", "4444")
    assert error.key == "auth.locked"
    # Said as officers read a clock, in the station's time, the minute rounded up (09:05:40 →
    # 09:06): trying again at the time shown always works.
    until = locked_at + timedelta(minutes=5)
    assert until.second  # the rounding is exercised
    shown = (until.replace(second=0, microsecond=0) + timedelta(minutes=1)).astimezone(WIB)
    assert error.params == {"until": shown.strftime("%H:%M WIB")}
    assert len(events(station, "pin_failed")) == 5

    # The lock-out holds at every desk: it is derived from the shared record.
    assert station.path is not None
    other_desk = open_record(station.path, clock, desk="meja-2")
    assert refused(other_desk, "anggota4", "4444").key == "auth.locked"
    other_desk.close()

    # Another officer is not affected.
    assert authenticate(station, "ketua", "1234").id == "ketua"

    clock.advance(seconds=1)  # five minutes after the fifth wrong PIN
    assert authenticate(station, "anggota4", "4444").id == "anggota4"
    assert [e["officer_id"] for e in events(station, "signed_in")] == ["anggota4"]
    assert verify(station).ok


def test_after_a_lock_out_the_count_starts_again(station: Record, clock: FixedClock) -> None:
    for _ in range(5):
        refused(station, "anggota4", "0000")
    clock.advance(minutes=5)
    # One typo after the lock-out ran out is one wrong PIN, not another lock-out.
    assert refused(station, "anggota4", "0000").params == {"left": 4}
    assert authenticate(station, "anggota4", "4444").id == "anggota4"
    for _ in range(4):
        refused(station, "anggota4", "0000")
    clock.advance(minutes=5)
    assert refused(station, "anggota4", "0000").key == "auth.locked_now"
    assert refused(station, "anggota4", "4444").key == "auth.locked"
    assert len(events(station, "pin_failed")) == 11


def test_a_right_pin_resets_the_count(station: Record, clock: FixedClock) -> None:
    for _ in range(3):
        refused(station, "anggota4", "0000")
    authenticate(station, "anggota4", "4444")
    for left in (4, 3, 2, 1):
        assert refused(station, "anggota4", "0000").params == {"left": left}
    assert refused(station, "anggota4", "0000").key == "auth.locked_now"


def test_the_first_officer_must_be_the_chair(bare_station: Record) -> None:
    with pytest.raises(BadInput) as caught:
        add_officer(bare_station, "anggota4", "Anggota 4", "member", "4444", by=None)
    assert caught.value.key == "officer.first_chair"
    assert list_officers(bare_station) == []
    chair = add_officer(bare_station, "Ketua", "  Ibu Ketua  ", "chair", "1234", by=None)
    assert chair == OfficerInfo("ketua", "Ibu Ketua", "chair")
    (added,) = events(bare_station, "officer_added")
    assert added["officer_id"] == "ketua"  # the first chair adds herself
    assert verify(bare_station).ok


def test_later_officers_need_a_chair(bare_station: Record) -> None:
    chair = add_officer(bare_station, "ketua", "Ketua", "chair", "1234", by=None)
    with pytest.raises(Refused) as caught:
        add_officer(bare_station, "anggota4", "Anggota 4", "member", "4444", by=None)
    assert caught.value.key == "officer.chair_needed"
    member = add_officer(bare_station, "anggota4", "Anggota 4", "member", "4444", by=chair)
    with pytest.raises(Refused) as caught:
        add_officer(bare_station, "anggota5", "Anggota 5", "member", "5555", by=member)
    assert caught.value.key == "officer.chair_needed"
    assert [o.id for o in list_officers(bare_station)] == ["anggota4", "ketua"]
    added = events(bare_station, "officer_added")
    assert [e["officer_id"] for e in added] == ["ketua", "ketua"]  # who added each
    assert verify(bare_station).ok


@pytest.mark.parametrize(
    ("officer_id", "name", "role", "pin", "key"),
    [
        ("anggota 5", "A", "member", "5555", "officer.bad_id"),
        ("", "A", "member", "5555", "officer.bad_id"),
        ("a" * 33, "A", "member", "5555", "officer.bad_id"),
        ("anggota5", "  ", "member", "5555", "officer.empty_name"),
        ("anggota5", "A", "saksi", "5555", "officer.bad_role"),
        ("anggota5", "A", "member", "555", "officer.bad_pin"),
        ("anggota5", "A", "member", "12a4", "officer.bad_pin"),
        ("anggota5", "A", "member", "1" * 13, "officer.bad_pin"),
        ("anggota5", "A", "member", "١٢٣٤", "officer.bad_pin"),
        ("ANGGOTA4", "A", "member", "5555", "officer.exists"),
    ],
)
def test_bad_officers_are_refused(
    station: Record,
    chair: OfficerInfo,
    officer_id: str,
    name: str,
    role: str,
    pin: str,
    key: str,
) -> None:
    with pytest.raises(BadInput) as caught:
        add_officer(station, officer_id, name, role, pin, by=chair)
    assert caught.value.key == key
    assert len(list_officers(station)) == 2


def test_no_officer_is_added_once_the_polls_are_closed(
    station: Record, chair: OfficerInfo, clock: FixedClock
) -> None:
    from tps_console.domain.day.closing import close_polls
    from tps_console.domain.errors import Refused

    clock.set(wib(13, 30))
    close_polls(station, chair)
    with pytest.raises(Refused) as refused:
        add_officer(station, "anggota7", "Anggota 7", "member", "7777", by=chair)
    assert refused.value.key == "polls.frozen"
