"""A chair's corrections stay true to what the chair saw and meant: a scan that lands in the
wrong box (a PIN, a reason) changes nothing, and an undo undoes the check-in the card showed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from tests.helpers import wib
from tps_console.domain.day.checkin import check_in, resolve, set_voter_status, undo_check_in
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.officers import OfficerInfo, authenticate
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.errors import BadInput, Refused, echoed
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Event
from tps_console.domain.verify import verify
from tps_console.domain.vocab import EventKind, VoterStatus
from tps_console.i18n import t

NIK_1 = "3399141702910001"


def events(rec: Record) -> int:
    with read(rec.engine) as conn:
        return int(conn.execute(select(func.count()).select_from(Event)).scalar_one())


def pin_failures(rec: Record) -> int:
    with read(rec.engine) as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(Event)
                .where(col(Event.kind) == EventKind.PIN_FAILED)
            ).scalar_one()
        )


@pytest.mark.parametrize("typed", [NIK_1, "AI.002/2024", "123", "1234567890123", "12a4", ""])
def test_what_cannot_be_a_pin_is_refused_without_counting_as_a_wrong_pin(
    station: Record, typed: str
) -> None:
    with pytest.raises(Refused) as refused:
        authenticate(station, "ketua", typed)
    assert refused.value.key == "auth.not_a_pin"
    assert pin_failures(station) == 0
    with pytest.raises(Refused) as wrong:
        authenticate(station, "ketua", "9999")
    assert wrong.value.key == "auth.wrong_pin"
    assert pin_failures(station) == 1


@pytest.mark.parametrize(
    "reason", [NIK_1, "3399 1417 0291 0001", "salah orang 3399.1417.0291.0001", "AI.002/2024"]
)
def test_a_scan_in_a_reason_field_is_refused_and_records_nothing(
    station: Record, member: OfficerInfo, chair: OfficerInfo, reason: str
) -> None:
    check_in(station, member, key=NIK_1)
    before = events(station)
    for correct in (
        lambda: undo_check_in(station, chair, reason, key=NIK_1),
        lambda: replace_ballot(station, chair, "PPWP", reason, key=NIK_1),
        lambda: set_voter_status(station, chair, 2, VoterStatus.RELEASED, reason),
    ):
        with pytest.raises(BadInput) as refused:
            correct()
        assert refused.value.key == "reason.looks_scanned"
    assert events(station) == before


def test_a_reason_in_words_with_a_short_number_is_taken(
    station: Record, member: OfficerInfo, chair: OfficerInfo
) -> None:
    check_in(station, member, key=NIK_1)
    undo_check_in(station, chair, "  salah orang:   kamar  12 ", key=NIK_1)
    with read(station.engine) as conn:
        payload = conn.execute(
            select(col(Event.payload)).where(col(Event.kind) == EventKind.CHECKIN_UNDONE)
        ).scalar_one()
    assert '"reason":"salah orang: kamar 12"' in payload


def test_an_undo_undoes_the_check_in_the_card_showed_not_a_later_one(
    station: Record, other_desk: Record, member: OfficerInfo, chair: OfficerInfo
) -> None:
    shown = check_in(station, member, key=NIK_1).checkin_id
    # Meanwhile at another desk: undone and checked in again (a new check-in).
    undo_check_in(other_desk, chair, "salah meja", key=NIK_1)
    again = check_in(other_desk, member, key=NIK_1).checkin_id
    assert again != shown
    before = events(station)
    with pytest.raises(Refused) as refused:
        undo_check_in(station, chair, "salah orang", key=NIK_1, checkin_id=shown)
    assert refused.value.key == "undo.changed"
    assert events(station) == before
    assert undo_check_in(station, chair, "salah orang", key=NIK_1, checkin_id=again) == again


def test_a_released_voters_nik_at_the_dpk_desk_is_said_as_it_is(
    station: Record, chair: OfficerInfo, clock: FixedClock
) -> None:
    set_voter_status(station, chair, 1, VoterStatus.RELEASED, "bebas 13 Februari")
    clock.set(wib(12, 20))
    with pytest.raises(Refused) as refused:
        register_dpk(station, chair, nik=NIK_1, name="Purnomo", sex="L", birth="1991-02-17")
    assert refused.value.key == "dpk.on_roll_released"
    assert refused.value.params["reason"] == "bebas 13 Februari"
    assert "BEBAS" in t(refused.value.key, **refused.value.params)


def test_an_unknown_key_is_echoed_at_most_forty_characters(station: Record) -> None:
    with pytest.raises(Refused) as refused:
        resolve(station, "A" * 300)
    shown = refused.value.params["key"]
    assert len(shown) == 40 and shown.endswith("…")
    assert echoed(" short  key ") == "short key"


def test_a_transfer_recorded_by_mistake_is_reversed_and_the_voter_may_vote(
    station: Record, member: OfficerInfo, chair: OfficerInfo
) -> None:
    set_voter_status(station, chair, 1, VoterStatus.TRANSFERRED, "pindah ke Lapas Pati")
    with pytest.raises(Refused):
        check_in(station, member, key=NIK_1)
    done = set_voter_status(station, chair, 1, VoterStatus.ELIGIBLE, "yang pindah no. 21")
    assert (done.no, done.name, done.status) == (1, "PURNOMO HARTONO", VoterStatus.ELIGIBLE)
    assert check_in(station, member, key=NIK_1).voter_id == 1
    with read(station.engine) as conn:
        marks = conn.execute(
            select(col(Event.payload)).where(col(Event.kind) == EventKind.VOTER_STATUS)
        ).scalars()
        assert ['"status":"eligible"' in p for p in marks] == [False, True]  # both kept
    assert verify(station).ok


def test_an_eligible_voter_is_not_reinstated(station: Record, chair: OfficerInfo) -> None:
    before = events(station)
    with pytest.raises(Refused) as refused:
        set_voter_status(station, chair, 1, VoterStatus.ELIGIBLE, "keliru")
    assert refused.value.key == "status.not_marked"
    assert events(station) == before


def test_only_the_chair_reinstates(
    station: Record, member: OfficerInfo, chair: OfficerInfo
) -> None:
    set_voter_status(station, chair, 1, VoterStatus.RELEASED, "bebas 13 Februari")
    with pytest.raises(Refused):
        set_voter_status(station, member, 1, VoterStatus.ELIGIBLE, "keliru")
