"""The panel's figures (domain/turnout.py), checked against the record itself, voter by voter."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.helpers import wib
from tests.helpers.panel import stock_ballots
from tps_console.domain.day.checkin import check_in, set_voter_status, undo_check_in
from tps_console.domain.day.hours import PollState
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Voter
from tps_console.domain.views.turnout import clock_face, initials, read_turnout
from tps_console.domain.vocab import VoterStatus


@pytest.fixture
def station(station: Record, chair: OfficerInfo) -> Record:
    stock_ballots(station, chair)
    return station


def voters(rec: Record) -> list[Voter]:
    with read(rec.engine) as conn:
        return [Voter.model_validate(r._mapping) for r in conn.execute(select(Voter))]


def test_a_fresh_station_shows_the_roll_and_nothing_else(station: Record) -> None:
    turnout = read_turnout(station)
    assert turnout.status.checked_in == 0
    assert turnout.total.total == 0 and turnout.disabled.total == 0
    assert [h for h, _ in turnout.per_hour] == [7, 8, 9, 10, 11, 12, 13]
    assert sum(n for _, n in turnout.per_hour) == 0
    assert sum(b.eligible for b in turnout.blocks) == turnout.status.expected == 180
    assert turnout.recent == () and not turnout.closed


def test_the_grid_blocks_and_hours_add_up_to_the_record(
    station: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    roll = voters(station)
    came = roll[:60:3]  # every third of the first 60: a mix of lists, sexes, blocks, disabilities
    for i, voter in enumerate(came):
        clock.set(wib(7, 5) + timedelta(minutes=17 * i))  # spread over 07:05 … 12:28
        check_in(station, member, voter_id=voter.id)
    turnout = read_turnout(station)

    by_list_sex = Counter((v.category, v.sex) for v in came)
    for category, counts in turnout.came.items():
        assert (counts.l, counts.p) == (by_list_sex[category, "L"], by_list_sex[category, "P"])
    assert turnout.total.total == turnout.status.checked_in == len(came)
    assert (turnout.total.l, turnout.total.p) == (
        turnout.status.by_gender["L"],
        turnout.status.by_gender["P"],
    )
    disabled = Counter(v.sex for v in came if v.disability)
    assert (turnout.disabled.l, turnout.disabled.p) == (disabled["L"], disabled["P"])
    assert turnout.disabled.total > 0, "the sample should include a voter with a disability"

    voted = Counter(v.block for v in came)
    eligible = Counter(v.block for v in roll)
    assert {b.block: (b.voted, b.eligible) for b in turnout.blocks} == {
        block: (voted[block], eligible[block]) for block in eligible
    }

    hours = Counter((wib(7, 5) + timedelta(minutes=17 * i)).hour for i in range(len(came)))
    assert dict(turnout.per_hour) == {h: hours[h] for h in range(7, 14)}
    assert sum(n for _, n in turnout.per_hour) == len(came)


def test_pace_counts_the_last_fifteen_minutes(
    station: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    roll = voters(station)
    for voter, minute in zip(roll, (0, 20, 31, 40, 44), strict=False):
        clock.set(wib(9, minute))
        check_in(station, member, voter_id=voter.id)
    clock.set(wib(9, 45))
    assert read_turnout(station).last_15_min == 3  # 09:31, 09:40, 09:44
    clock.set(wib(10, 10))
    assert read_turnout(station).last_15_min == 0


def test_undo_takes_the_voter_out_everywhere_and_counts_the_undo(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    first, second = voters(station)[:2]
    check_in(station, member, voter_id=first.id)
    check_in(station, member, voter_id=second.id)
    undo_check_in(station, chair, "wrong person", voter_id=first.id)
    turnout = read_turnout(station)
    assert turnout.status.checked_in == 1 and turnout.status.undone == 1
    assert sum(n for _, n in turnout.per_hour) == 1
    assert [c.no for c in turnout.recent] == [second.no]
    block = {b.block: b.voted for b in turnout.blocks}
    assert sum(block.values()) == 1


def test_released_voters_leave_their_block_and_the_expected_count(
    station: Record, chair: OfficerInfo
) -> None:
    voter = voters(station)[0]
    assert voter.id is not None
    before = {b.block: b.eligible for b in read_turnout(station).blocks}
    set_voter_status(station, chair, voter.id, VoterStatus.RELEASED, "bebas 10 Feb")
    turnout = read_turnout(station)
    assert {b.block: b.eligible for b in turnout.blocks}[voter.block] == before[voter.block] - 1
    assert turnout.status.expected == 179


def test_recent_check_ins_carry_list_number_and_initials_only(
    station: Record, member: OfficerInfo
) -> None:
    voter = voters(station)[0]
    check_in(station, member, voter_id=voter.id)
    (recent,) = read_turnout(station).recent
    assert recent.no == voter.no
    assert recent.initials == initials(voter.name) and recent.initials != voter.name
    assert set(vars(recent)) == {"no", "initials", "at"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("PURNOMO HARTONO", "P.H."),
        ("siti  aminah", "S.A."),
        ("Ni Made (Dek) Ayu", "N.M.A."),
        ("", ""),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_clock_face_through_the_day(station: Record) -> None:
    info = station.station
    face = clock_face(info, wib(6, 30), closed=False)
    assert face.polls == PollState.NOT_OPEN and face.left == timedelta(hours=6, minutes=30)
    assert clock_face(info, wib(12, 15), closed=False).polls == PollState.DPK_HOUR
    late = clock_face(info, wib(13, 5), closed=False)
    assert late.polls == PollState.QUEUE_ONLY and late.left == timedelta(0)
    assert clock_face(info, wib(10), closed=True).polls == PollState.CLOSED
    assert clock_face(info, wib(10), closed=False).local.strftime("%H:%M %Z") == "10:00 WIB"
