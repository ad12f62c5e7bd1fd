"""Ballot stock and issuing: own stock first, lenders in the order entered, shortages, undo, replacement.

Voters of the synthetic roll used here: 1 (DPT, all five), 2 (DPTb: PPWP DPR DPD DPRD_PROV),
3 (DPTb, all five), 4 (DPTb, PPWP only), 6 (DPT, all five).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from tests.helpers import make_station, wib
from tps_console.domain.day.ballots import parse_counts, read_stock, receive_ballots
from tps_console.domain.day.checkin import check_in, undo_check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.errors import BadInput, Refused, TpsError
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.store.db import read, write
from tps_console.domain.store.models import BallotStock, CheckIn, Event, Voter
from tps_console.domain.verify import verify
from tps_console.domain.views.voters import voter_details
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.samples.rolls import generate_roll, roll_csv


@pytest.fixture
def empty(tmp_path: Path, clock: FixedClock) -> Iterator[Record]:
    """A station open at 09:00 with no ballots at all yet."""
    rec = make_station(tmp_path / "tps.db", clock, stock=0)
    yield rec
    rec.close()


def vid(rec: Record, no: int) -> int:
    with read(rec.engine) as conn:
        found = conn.execute(select(col(Voter.id)).where(col(Voter.no) == no)).scalar_one()
    assert found is not None
    return found


def events(rec: Record, kind: str | None = None) -> list[dict[str, Any]]:
    with read(rec.engine) as conn:
        query = select(Event).order_by(col(Event.seq))
        if kind:
            query = query.where(col(Event.kind) == kind)
        return [{**dict(r._mapping), "payload": json.loads(r.payload)} for r in conn.execute(query)]


def stock(rec: Record) -> dict[str, dict[str, tuple[int, int, int, int]]]:
    """source -> type -> (received, used, damaged, remaining)."""
    return {
        s.name: {
            b: (f.received, f.used, f.damaged, f.remaining)
            for b, f in s.by_type.items()
            if f.received
        }
        for s in read_stock(rec)
    }


def sources_of(done: Any) -> dict[str, str]:
    return {d.ballot: d.source for d in done.issued}


# --- receiving -------------------------------------------------------------------------------


def test_the_conftest_station_has_its_own_stock(station: Record) -> None:
    assert stock(station) == {"TPS 901": dict.fromkeys(ALL_BALLOTS, (200, 0, 0, 200))}
    (delivery,) = events(station, "ballots_received")
    assert delivery["payload"] == {"source": "TPS 901", "counts": dict.fromkeys(ALL_BALLOTS, 200)}
    assert delivery["officer_id"] == "ketua"


def test_deliveries_add_up_and_lenders_keep_the_order_they_were_entered(
    empty: Record, chair: OfficerInfo
) -> None:
    first = receive_ballots(empty, chair, {"PPWP": 5}, source="TPS 907")
    receive_ballots(empty, chair, {"PPWP": 3}, source="  tps   905 ")
    own = receive_ballots(empty, chair, {"PPWP": 10, "dpr": 4})
    again = receive_ballots(empty, chair, {"PPWP": 2}, source="tps 907")
    assert (first.new_source, own.new_source, again.new_source) == (True, True, False)
    assert again.source == "TPS 907" and again.remaining == {"PPWP": 7}
    assert own.source == "TPS 901"
    # Own stock is drawn first whenever it was entered; lenders in the order first named.
    assert list(stock(empty)) == ["TPS 901", "TPS 907", "tps 905"]
    assert stock(empty)["TPS 901"] == {"PPWP": (10, 0, 0, 10), "DPR": (4, 0, 0, 4)}


def test_naming_the_station_itself_as_source_means_the_own_stock(
    empty: Record, chair: OfficerInfo
) -> None:
    assert receive_ballots(empty, chair, {"DPD": 1}, source="tps 901").source == "TPS 901"
    assert list(stock(empty)) == ["TPS 901"]


@pytest.mark.parametrize(
    ("items", "key"),
    [
        (["PPWP=-5"], "ballots.negative"),
        (["PPWP=lima"], "ballots.not_a_number"),
        (["PPWP=2.5"], "ballots.not_a_number"),
        (["PPWP=１２"], "ballots.not_a_number"),
        (["PPWP"], "ballots.bad_item"),
        (["DPRD=3"], "ballots.unknown_type"),
        (["PPWP=1", "ppwp=2"], "ballots.twice"),
    ],
)
def test_bad_counts_as_typed_are_refused(items: list[str], key: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_counts(items)
    assert refused.value.key == key and refused.value.exit_code == 2


@pytest.mark.parametrize(
    ("counts", "source", "key"),
    [
        ({"PPWP": -1}, None, "ballots.negative"),
        ({"XYZ": 1}, None, "ballots.unknown_type"),
        ({"PPWP": 0, "DPR": 0}, None, "ballots.nothing"),
        ({}, None, "ballots.nothing"),
        ({"PPWP": 20_000}, None, "ballots.too_many"),
        ({"PPWP": 1}, "   ", "ballots.bad_source"),
        ({"PPWP": 1}, "TPS\x00905", "ballots.bad_source"),
        ({"PPWP": 1}, "T" * 41, "ballots.bad_source"),
    ],
)
def test_bad_deliveries_change_nothing(
    station: Record, chair: OfficerInfo, counts: dict[str, int], source: str | None, key: str
) -> None:
    before = (events(station), stock(station))
    with pytest.raises(BadInput) as refused:
        receive_ballots(station, chair, counts, source=source)
    assert refused.value.key == key
    assert (events(station), stock(station)) == before


def test_only_the_chair_records_ballots(station: Record, member: OfficerInfo) -> None:
    with pytest.raises(Refused) as refused:
        receive_ballots(station, member, {"PPWP": 5})
    assert refused.value.key == "auth.chair_only"


# --- issuing ---------------------------------------------------------------------------------


def test_each_type_comes_from_own_stock_first_then_lenders_in_order(
    empty: Record, chair: OfficerInfo, member: OfficerInfo
) -> None:
    receive_ballots(empty, chair, {"PPWP": 1, "DPR": 2, "DPD": 1, "DPRD_PROV": 1, "DPRD_KAB": 1})
    receive_ballots(empty, chair, dict.fromkeys(ALL_BALLOTS, 1), source="TPS 905")
    receive_ballots(empty, chair, dict.fromkeys(ALL_BALLOTS, 5), source="TPS 906")
    first = check_in(empty, member, voter_id=vid(empty, 1))
    assert sources_of(first) == dict.fromkeys(ALL_BALLOTS, "TPS 901")
    second = check_in(empty, member, voter_id=vid(empty, 3))
    assert sources_of(second) == {
        "PPWP": "TPS 905",
        "DPR": "TPS 901",
        "DPD": "TPS 905",
        "DPRD_PROV": "TPS 905",
        "DPRD_KAB": "TPS 905",
    }
    third = check_in(empty, member, voter_id=vid(empty, 2))
    assert sources_of(third) == {
        "PPWP": "TPS 906",
        "DPR": "TPS 905",  # the own two DPR went to voters 1 and 3
        "DPD": "TPS 906",
        "DPRD_PROV": "TPS 906",
    }
    (event,) = [e for e in events(empty, "checkin") if e["voter_id"] == vid(empty, 2)]
    assert event["payload"]["ballots"] == sources_of(third)
    assert "short" not in event["payload"]


def test_a_voter_gets_exactly_their_entitlement(station: Record, member: OfficerInfo) -> None:
    done = check_in(station, member, voter_id=vid(station, 4))
    assert done.ballots == ("PPWP",)
    assert stock(station)["TPS 901"]["PPWP"] == (200, 1, 0, 199)
    assert stock(station)["TPS 901"]["DPR"] == (200, 0, 0, 200)


def test_out_of_a_type_the_desk_is_warned_and_the_check_in_refused(
    empty: Record, chair: OfficerInfo, member: OfficerInfo
) -> None:
    receive_ballots(empty, chair, {"PPWP": 1, "DPR": 1, "DPD": 1, "DPRD_PROV": 1})
    plan = voter_details(empty, vid(empty, 1)).plan
    assert plan is not None
    assert plan.short == ("DPRD_KAB",) and not plan.complete
    assert [d.ballot for d in plan.draws] == ["PPWP", "DPR", "DPD", "DPRD_PROV"]
    with pytest.raises(Refused) as refused:
        check_in(empty, member, voter_id=vid(empty, 1))
    assert refused.value.key == "ballots.out" and refused.value.exit_code == 4
    assert refused.value.params == {"types": "DPRD_KAB"}
    assert events(empty, "checkin_refused")[-1]["payload"] == {"reason": "ballots.out"}
    assert stock(empty)["TPS 901"]["PPWP"] == (1, 0, 0, 1)
    # A DPTb voter who does not need DPRD_KAB is not held up.
    other = voter_details(empty, vid(empty, 2)).plan
    assert other is not None and other.complete


def test_the_chair_may_decide_to_hand_out_what_remains(
    empty: Record, chair: OfficerInfo, member: OfficerInfo
) -> None:
    receive_ballots(empty, chair, {"PPWP": 1, "DPR": 1})
    with pytest.raises(Refused) as not_chair:
        check_in(empty, member, voter_id=vid(empty, 1), short_approved_by=member)
    assert not_chair.value.key == "auth.chair_only"
    done = check_in(empty, member, voter_id=vid(empty, 1), short_approved_by=chair)
    assert done.ballots == ("PPWP", "DPR")
    assert done.short == ("DPD", "DPRD_PROV", "DPRD_KAB")
    (event,) = events(empty, "checkin")
    assert event["payload"]["short"] == ["DPD", "DPRD_PROV", "DPRD_KAB"]
    assert event["payload"]["short_approved_by"] == "ketua"
    assert event["officer_id"] == "anggota4"
    # Nothing left of anything this voter needs: no decision can hand out nothing.
    with pytest.raises(Refused) as none_left:
        check_in(empty, member, voter_id=vid(empty, 3), short_approved_by=chair)
    assert none_left.value.key == "ballots.none_left"
    assert verify(empty).ok


def test_undo_gives_the_ballots_back_to_the_source_they_came_from(
    empty: Record, chair: OfficerInfo, member: OfficerInfo
) -> None:
    receive_ballots(empty, chair, dict.fromkeys(ALL_BALLOTS, 1))
    receive_ballots(empty, chair, dict.fromkeys(ALL_BALLOTS, 3), source="TPS 905")
    check_in(empty, member, voter_id=vid(empty, 1))
    second = check_in(empty, member, voter_id=vid(empty, 3))
    assert set(sources_of(second).values()) == {"TPS 905"}
    undo_check_in(empty, chair, "salah orang", voter_id=vid(empty, 3))
    assert stock(empty)["TPS 905"] == dict.fromkeys(ALL_BALLOTS, (3, 0, 0, 3))
    assert stock(empty)["TPS 901"] == dict.fromkeys(ALL_BALLOTS, (1, 1, 0, 0))
    assert verify(empty).ok


def test_the_database_refuses_to_take_a_ballot_that_is_not_there(
    empty: Record, chair: OfficerInfo
) -> None:
    receive_ballots(empty, chair, {"PPWP": 1})
    with pytest.raises(IntegrityError), write(empty.engine) as conn:
        conn.execute(update(BallotStock).values(remaining=col(BallotStock.remaining) - 2))
    assert stock(empty)["TPS 901"]["PPWP"] == (1, 0, 0, 1)


# --- replacement -----------------------------------------------------------------------------


def test_a_spoiled_ballot_is_replaced_once_and_counted_damaged(
    empty: Record, chair: OfficerInfo, member: OfficerInfo
) -> None:
    receive_ballots(empty, chair, dict.fromkeys(ALL_BALLOTS, 1))
    receive_ballots(empty, chair, dict.fromkeys(ALL_BALLOTS, 2), source="TPS 905")
    check_in(empty, member, voter_id=vid(empty, 1))
    with pytest.raises(Refused):
        replace_ballot(empty, member, "DPD", "sobek", voter_id=vid(empty, 1))
    with pytest.raises(BadInput):
        replace_ballot(empty, chair, "DPD", "  ", voter_id=vid(empty, 1))
    done = replace_ballot(empty, chair, "dpd", "sobek", voter_id=vid(empty, 1))
    assert (done.ballot, done.spoiled_source, done.source) == ("DPD", "TPS 901", "TPS 905")
    assert stock(empty)["TPS 901"]["DPD"] == (1, 0, 1, 0)
    assert stock(empty)["TPS 905"]["DPD"] == (2, 1, 0, 1)
    (event,) = events(empty, "ballot_replaced")
    assert event["payload"] == {
        "checkin_id": done.checkin_id,
        "ballot": "DPD",
        "source": "TPS 905",
        "reason": "sobek",
    }
    with pytest.raises(Refused) as twice:
        replace_ballot(empty, chair, "DPD", "lagi", voter_id=vid(empty, 1))
    assert twice.value.key == "replace.once"
    # Undone and checked in again: still only once per voter and type, and the spoiled ballot
    # stays damaged while the others go back.
    undo_check_in(empty, chair, "salah", voter_id=vid(empty, 1))
    assert stock(empty)["TPS 901"]["DPD"] == (1, 0, 1, 0)
    assert stock(empty)["TPS 905"]["DPD"] == (2, 0, 0, 2)
    check_in(empty, member, voter_id=vid(empty, 1))
    with pytest.raises(Refused) as still_once:
        replace_ballot(empty, chair, "DPD", "lagi", voter_id=vid(empty, 1))
    assert still_once.value.key == "replace.once"
    assert verify(empty).ok


@pytest.mark.parametrize(
    ("no", "ballot", "key"),
    [
        (6, "PPWP", "replace.not_checked_in"),
        (4, "DPR", "replace.not_issued"),  # voter 4 gets PPWP only
    ],
)
def test_replacement_needs_a_ballot_handed_out(
    station: Record, chair: OfficerInfo, member: OfficerInfo, no: int, ballot: str, key: str
) -> None:
    check_in(station, member, voter_id=vid(station, 4))
    with pytest.raises(Refused) as refused:
        replace_ballot(station, chair, ballot, "rusak", voter_id=vid(station, no))
    assert refused.value.key == key


def test_no_replacement_when_the_type_is_out(
    empty: Record, chair: OfficerInfo, member: OfficerInfo
) -> None:
    receive_ballots(empty, chair, {"PPWP": 1})
    check_in(empty, member, voter_id=vid(empty, 4))
    with pytest.raises(Refused) as refused:
        replace_ballot(empty, chair, "PPWP", "rusak", voter_id=vid(empty, 4))
    assert refused.value.key == "ballots.out"
    assert stock(empty)["TPS 901"]["PPWP"] == (1, 1, 0, 0)


# --- the identity, for any day ---------------------------------------------------------------

ROLL = roll_csv(generate_roll(12, seed=5))
SOURCES = (None, "TPS 905", "TPS 906")
operation = st.one_of(
    st.tuples(
        st.just("deliver"),
        st.sampled_from(SOURCES),
        st.dictionaries(st.sampled_from(ALL_BALLOTS), st.integers(0, 4), min_size=1),
    ),
    st.tuples(st.just("check_in"), st.integers(1, 12), st.booleans()),
    st.tuples(st.just("undo"), st.integers(1, 12)),
    st.tuples(st.just("replace"), st.integers(1, 12), st.sampled_from(ALL_BALLOTS)),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 12-voter station with its officers and no ballots, copied for every example."""
    path = tmp_path_factory.mktemp("template") / "tps.db"
    make_station(path, FixedClock(wib(9)), ROLL, stock=0).close()
    return path


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(day=st.lists(operation, max_size=40))
def test_for_any_day_received_is_used_plus_damaged_plus_remaining(
    template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    chair: OfficerInfo,
    member: OfficerInfo,
    day: list[tuple[Any, ...]],
) -> None:
    path = tmp_path_factory.mktemp("day") / "tps.db"
    shutil.copy(template, path)
    clock = FixedClock(wib(8))
    rec = open_record(path, clock, desk="meja-1")
    received: dict[tuple[str, str], int] = {}
    try:
        for op, *args in day:
            clock.advance(minutes=1)
            try:
                if op == "deliver":
                    source, counts = args
                    done = receive_ballots(rec, chair, counts, source=source)
                    for ballot, n in done.counts.items():
                        received[(done.source, ballot)] = received.get((done.source, ballot), 0) + n
                elif op == "check_in":
                    no, approve = args
                    check_in(rec, member, voter_id=no, short_approved_by=chair if approve else None)
                elif op == "undo":
                    undo_check_in(rec, chair, "salah", voter_id=args[0])
                else:
                    replace_ballot(rec, chair, args[1], "rusak", voter_id=args[0])
            except TpsError:
                pass  # a refusal changes nothing; the identity must hold all the same
        report = build_report(rec)  # raises if any type at any source does not add up
        for source in report.sources:
            for ballot, figures in source.by_type.items():
                assert figures.received == received.get((source.name, ballot), 0)
                assert figures.received == figures.used + figures.damaged + figures.remaining
                assert min(figures.used, figures.damaged, figures.remaining) >= 0
        for ballot, figures in report.ballots.items():
            assert figures.balanced, ballot
        with read(rec.engine) as conn:
            active = conn.execute(
                select(func.count()).select_from(CheckIn).where(col(CheckIn.active))
            ).scalar_one()
        assert report.voted["total"].total == active
        assert verify(rec).ok
    finally:
        rec.close()
