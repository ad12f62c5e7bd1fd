"""A whole polling day on the synthetic roll, on a test clock, and every C.Hasil figure checked.

The day: the chair enters the own stock (20 of each type) and a lender's (TPS 905, 15 of each) at
06:45; nobody gets in before 07:00; voters 1–25 come every ten minutes from 07:00; voter 1 tries a
second time; voters 5 and 13 are checked in by mistake and undone (5 comes back at 11:10); voter 22
spoils a DPR ballot and gets a replacement; a walk-in DPK voter is refused at 11:50 and registered
at 12:10; voters 26–27 come at 12:30; at 13:00 voters 28 and 29 are in the queue; voter 30, not
queued, is refused at 13:05; the chair closes at 13:20.

The expected figures below were worked out by hand from data/sample_roll.csv (see the comments),
not computed by the code under test.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import Person, make_station, wib
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.checkin import check_in, resolve, undo_check_in
from tps_console.domain.day.closing import close_polls, record_queue
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.hours import PollState
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.errors import AlreadyVoted, Refused
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.proof import witness_code
from tps_console.domain.record.station import Record
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.domain.views.voters import voter_details
from tps_console.samples.rolls import sample_roll

FIVE = ("PPWP", "DPR", "DPD", "DPRD_PROV", "DPRD_KAB")
DPK_NIK = "3316015505900001"  # a woman (day 15 + 40) born 15-05-1990, first issued in Blora


def roll_niks() -> dict[int, str]:
    rows = csv.DictReader(io.StringIO(sample_roll().decode()))
    return {int(r["no"]): r["nik"] for r in rows}


NIK = roll_niks()


@pytest.fixture
def day(tmp_path: Path, clock: FixedClock) -> Iterator[Record]:
    clock.set(wib(6, 30))
    rec = make_station(tmp_path / "tps901.db", clock, stock=0)
    yield rec
    rec.close()


def at(clock: FixedClock, hour: int, minute: int) -> None:
    clock.set(wib(hour, minute))


def test_the_whole_day(
    day: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    # 06:45 — the handover minutes: own stock, then one lending TPS.
    at(clock, 6, 45)
    receive_ballots(day, chair, dict.fromkeys(FIVE, 20))
    lender = receive_ballots(day, chair, dict.fromkeys(FIVE, 15), source="TPS 905")
    assert lender.new_source and lender.source == "TPS 905"

    at(clock, 6, 55)
    with pytest.raises(Refused) as early:
        check_in(day, member, key=NIK[1])
    assert early.value.key == "checkin.not_open"

    # 07:00–11:00 — voters 1..25, one every ten minutes; two mistakes undone.
    for no in range(1, 26):
        at(clock, 7 + (no - 1) // 6, (no - 1) % 6 * 10)
        check_in(day, member, key=NIK[no])
        if no == 5:
            at(clock, 7, 45)
            undo_check_in(day, chair, "salah pilih nama", key=NIK[5])
        if no == 1:
            at(clock, 7, 5)
            with pytest.raises(AlreadyVoted):
                check_in(day, member, key=NIK[1])
        if no == 13:
            at(clock, 9, 5)
            undo_check_in(day, chair, "bukan orangnya", key=NIK[13])
        if no == 22:
            at(clock, 10, 35)
            replaced = replace_ballot(day, chair, "DPR", "keliru coblos", key=NIK[22])
            assert (replaced.spoiled_source, replaced.source) == ("TPS 901", "TPS 901")
            with pytest.raises(Refused) as twice:
                replace_ballot(day, chair, "DPR", "lagi", key=NIK[22])
            assert twice.value.key == "replace.once"

    # Voter 5 comes back. The desk's preview, before confirming, shows where each ballot comes
    # from: the own PPWP, DPR and DPD are gone by now.
    at(clock, 11, 10)
    plan = voter_details(day, resolve(day, NIK[5])).plan
    assert plan is not None and plan.complete
    assert [(d.ballot, d.source) for d in plan.draws] == [
        ("PPWP", "TPS 905"),
        ("DPR", "TPS 905"),
        ("DPD", "TPS 905"),
        ("DPRD_PROV", "TPS 901"),  # the last own DPRD_PROV ballot
        ("DPRD_KAB", "TPS 901"),
    ]
    again = check_in(day, member, key=NIK[5])
    assert again.issued == plan.draws and again.short == ()

    # The DPK hour.
    dpk: Person = {"nik": DPK_NIK, "name": "Siti Aminah", "sex": "P", "birth": "1990-05-15"}
    at(clock, 11, 50)
    with pytest.raises(Refused) as too_early:
        register_dpk(day, chair, **dpk)
    assert too_early.value.key == "dpk.outside_hour"
    at(clock, 12, 10)
    added = register_dpk(day, chair, **dpk)
    assert (added.no, added.name, added.warnings) == (181, "Siti Aminah", ())
    assert read_status(day).polls == PollState.DPK_HOUR
    at(clock, 12, 12)
    check_in(day, member, key=DPK_NIK)
    at(clock, 12, 15)
    with pytest.raises(Refused) as on_roll:
        register_dpk(day, chair, nik=NIK[26], name="X", sex="L", birth="1961-02-27")
    assert on_roll.value.key == "dpk.on_roll"
    for no, minute in ((26, 30), (27, 40)):
        at(clock, 12, minute)
        check_in(day, member, key=NIK[no])

    # 13:00 — the queue; only those in it may still come.
    at(clock, 13, 0)
    queued = record_queue(day, chair, [NIK[28], NIK[29]])
    assert [q.no for q in queued] == [28, 29]
    at(clock, 13, 2)
    check_in(day, member, key=NIK[28])
    at(clock, 13, 5)
    with pytest.raises(Refused) as not_queued:
        check_in(day, member, key=NIK[30])
    assert not_queued.value.key == "checkin.not_queued"
    at(clock, 13, 10)
    check_in(day, member, key=NIK[29])

    at(clock, 13, 20)
    closed = close_polls(day, chair)
    assert closed.queue_waiting == 0
    with pytest.raises(Refused) as twice_closed:
        close_polls(day, chair)
    assert twice_closed.value.key == "close.already"
    head_at_close = read_status(day).audit_head
    at(clock, 13, 25)
    for frozen in (
        lambda: check_in(day, member, key=NIK[31]),
        lambda: undo_check_in(day, chair, "x", key=NIK[1]),
        lambda: receive_ballots(day, chair, {"PPWP": 1}),
        lambda: replace_ballot(day, chair, "PPWP", "x", key=NIK[1]),
        lambda: record_queue(day, chair, [NIK[31]]),
    ):
        with pytest.raises(Refused) as refused:
            frozen()
        assert refused.value.key == "polls.frozen"
    assert read_status(day).audit_head == head_at_close, "a frozen record writes nothing"

    at(clock, 13, 40)
    figures = build_report(day).as_json()
    # Who came (active check-ins): voters 1–12, 14–29 and the DPK voter; 13 was undone.
    # DPT: 1 6 9 10 14 17 20 23 26 28 (L) and 22 (P). DPTb: 2 3 4 5 7 8 11 12 15 16 19 21 24 25
    # 27 29 (L) and 18 (P). DPK: the walk-in (P). The roll: DPT 60 L + 10 P, DPTb 102 L + 8 P.
    assert figures["pemilih"] == {
        "dpt": {"l": 60, "p": 10, "j": 70},
        "dptb": {"l": 102, "p": 8, "j": 110},
        "dpk": {"l": 0, "p": 1, "j": 1},
        "total": {"l": 162, "p": 19, "j": 181},
    }
    assert figures["pengguna"] == {
        "dpt": {"l": 10, "p": 1, "j": 11},
        "dptb": {"l": 16, "p": 1, "j": 17},
        "dpk": {"l": 0, "p": 1, "j": 1},
        "total": {"l": 26, "p": 3, "j": 29},
    }
    # Seven men on the roll have a disability; voters 4 and 27 among them came.
    assert figures["disabilitas"] == {
        "pemilih": {"l": 7, "p": 0, "j": 7},
        "pengguna": {"l": 2, "p": 0, "j": 2},
    }
    # 29 voters: 21 with all five, 4 without DPRD_KAB (2 8 25 29), 3 PPWP only (4 12 24),
    # 1 PPWP+DPD (21). Received 20 + 15 of each; one DPR spoiled (22).
    assert figures["surat_suara"] == {
        "PPWP": {"diterima": 35, "digunakan": 29, "rusak": 0, "sisa": 6},
        "DPR": {"diterima": 35, "digunakan": 25, "rusak": 1, "sisa": 9},
        "DPD": {"diterima": 35, "digunakan": 26, "rusak": 0, "sisa": 9},
        "DPRD_PROV": {"diterima": 35, "digunakan": 25, "rusak": 0, "sisa": 10},
        "DPRD_KAB": {"diterima": 35, "digunakan": 21, "rusak": 0, "sisa": 14},
    }
    # Own stock runs out first (undone ballots went back to it); the rest came from TPS 905.
    assert figures["sumber"] == {
        "TPS 901": {"PPWP": 20, "DPR": 19, "DPD": 20, "DPRD_PROV": 20, "DPRD_KAB": 20},
        "TPS 905": {"PPWP": 9, "DPR": 6, "DPD": 6, "DPRD_PROV": 5, "DPRD_KAB": 1},
    }
    assert list(figures["sumber"]) == ["TPS 901", "TPS 905"]
    assert figures["surat_suara_per_sumber"]["TPS 901"]["DPR"] == {
        "diterima": 20,
        "digunakan": 19,
        "rusak": 1,
        "sisa": 0,
    }
    assert figures["surat_suara_per_sumber"]["TPS 905"]["DPRD_KAB"] == {
        "diterima": 15,
        "digunakan": 1,
        "rusak": 0,
        "sisa": 14,
    }
    assert figures["tps"] == "TPS 901"
    assert figures["tanggal"] == "2024-02-14"
    assert figures["dibuat"] == "2024-02-14T13:40:00+07:00"
    assert figures["ditutup"] == "2024-02-14T13:20:00+07:00"
    assert figures["simulasi"] is False  # a real station, on the test's clock
    assert figures["audit_head"] == figures["closing_head"] == head_at_close

    status = read_status(day)
    assert status.closing is not None and status.closing[1] == head_at_close
    codes = ("audit_head", "audit_code", "closing_head", "closing_code")
    hashes = {**dict.fromkeys(codes, ""), "events": 0, "roll_fingerprint": ""}
    assert status.as_json()["closing_seq"] == status.closing[0]
    assert status.as_json()["closing_code"] == witness_code(*status.closing)
    assert status.as_json() | hashes == {
        "tps": "TPS 901",
        "expected": 181,  # the DPK voter counts
        "checked_in": 29,
        "turnout_pct": 16.02,
        "by_category": {"DPT": 11, "DPTb": 17, "DPK": 1},
        "by_gender": {"L": 26, "P": 3},
        "blocked_duplicates": 1,
        "undone": 2,
        "polls": "closed",
        "queue": {"recorded": 2, "waiting": 0},
        "closed_at": "2024-02-14T06:20:00.000000Z",
        "simulasi": False,
        "events": 0,
        "roll_fingerprint": "",
        "audit_head": "",
        "audit_code": "",
        "closing_seq": status.closing[0],
        "closing_head": "",
        "closing_code": "",
        "incidents": 0,
    }

    result = verify(day)
    assert result.ok, (result.problem, result.params)
    assert result.head == head_at_close

    report = build_report(day)
    dpt = report.attendance["DPT"]
    assert [a.no for a in dpt] == [1, 6, 9, 10, 14, 17, 20, 22, 23, 26, 28]
    assert next(a for a in dpt if a.no == 22).replaced == ("DPR",)
    dptb = report.attendance["DPTb"]
    assert [a.no for a in dptb] == [2, 3, 4, 7, 8, 11, 12, 15, 16, 18, 19, 21, 24, 25, 5, 27, 29]
    assert next(a for a in dptb if a.no == 5).time == "11:10:00"
    assert [(a.no, a.name, a.sex) for a in report.attendance["DPK"]] == [(181, "Siti Aminah", "P")]
