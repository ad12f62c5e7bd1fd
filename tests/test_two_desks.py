"""Scenario: four desks (four OS processes) check in the same block of voters at the same moment.

On a file and on a server. Every voter must end with exactly one active check-in, every other attempt must have been refused
as a duplicate and recorded, and no desk may see an error ("database is locked", a traceback).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col

from tests.helpers import make_station
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import open_record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, Event, Voter
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status

DESKS = 4
VOTERS = 40  # list numbers 1..40, every one tried by every desk

DESK = r"""
import json, sys, time
from pathlib import Path
from tps_console.domain.day.checkin import check_in
from tps_console.domain.record.clock import FixedClock, parse_instant
from tps_console.domain.errors import AlreadyVoted
from tps_console.domain.day.officers import authenticate
from tps_console.domain.record.station import open_record

db, desk, officer, pin, folder = sys.argv[1:6]
keys = json.loads(sys.argv[6])
rec = open_record(db, FixedClock(parse_instant("2024-02-14T09:00+07:00")), desk=desk)
who = authenticate(rec, officer, pin)
Path(folder, "ready-" + desk).touch()
go = Path(folder, "go")
while not go.exists():
    time.sleep(0.002)
done, duplicates = [], 0
for key in keys:
    try:
        result = check_in(rec, who, key=key)
    except AlreadyVoted:
        duplicates += 1
    else:
        done.append([result.voter_id, result.checkin_id])
print(json.dumps({"done": done, "duplicates": duplicates}))
"""


def desk_keys(voters: list[dict[str, Any]], desk: int) -> list[str]:
    """How desk `desk` types the voters: its own order, NIK or register number, any case."""
    order = list(voters)
    random.Random(desk).shuffle(order)
    keys = []
    for v in order:
        if desk % 2 == 0 or not v["register_no"]:
            nik = v["nik"]
            keys.append(nik if desk == 0 else f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}")
        else:
            keys.append(v["register_no"].lower())
    return keys


def test_four_desks_check_in_the_same_voters_at_once(
    tmp_path: Path, target: Path | str, clock: FixedClock
) -> None:
    """On a station file, and on a server's database."""
    path = target
    rec = make_station(path, clock)
    with read(rec.engine) as conn:
        voters = [
            dict(r._mapping)
            for r in conn.execute(
                select(col(Voter.id), col(Voter.nik), col(Voter.register_no))
                .where(col(Voter.no) <= VOTERS)
                .order_by(col(Voter.no))
            )
        ]
    rec.close()
    assert len(voters) == VOTERS

    officers = [("anggota4", "4444"), ("ketua", "1234")]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                DESK,
                str(path),
                f"meja-{n + 1}",
                *officers[n % 2],
                str(tmp_path),
                json.dumps(desk_keys(voters, n)),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(DESKS)
    ]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready-*"))) < DESKS:
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        assert time.monotonic() < deadline, "the desks did not start"
        time.sleep(0.01)
    (tmp_path / "go").touch()  # all four press Enter together

    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "locked" not in err, err
        reports.append(json.loads(out))

    successes = [tuple(pair) for report in reports for pair in report["done"]]
    attempts = DESKS * VOTERS
    duplicates = sum(report["duplicates"] for report in reports)
    assert len(successes) == VOTERS
    assert sorted(voter_id for voter_id, _ in successes) == sorted(v["id"] for v in voters)
    assert duplicates == attempts - len(successes)

    rec = open_record(path, clock)
    try:
        with read(rec.engine) as conn:
            rows = conn.execute(
                select(col(CheckIn.id), col(CheckIn.voter_id), col(CheckIn.active)).order_by(
                    col(CheckIn.id)
                )
            ).all()
            per_voter = dict(
                conn.execute(
                    select(col(CheckIn.voter_id), func.count())
                    .where(col(CheckIn.active))
                    .group_by(col(CheckIn.voter_id))
                ).all()
            )
            blocked = conn.execute(
                select(func.count())
                .select_from(Event)
                .where(col(Event.kind) == "duplicate_blocked")
            ).scalar_one()
            blocked_desks = set(
                conn.execute(
                    select(col(Event.desk)).where(col(Event.kind) == "duplicate_blocked")
                ).scalars()
            )
        assert sorted((r.voter_id, r.id) for r in rows) == sorted(successes)
        assert all(r.active for r in rows)
        assert set(per_voter.values()) == {1} and len(per_voter) == VOTERS
        assert blocked == attempts - len(successes)
        assert blocked_desks <= {f"meja-{n + 1}" for n in range(DESKS)}
        assert read_status(rec).blocked_duplicates == blocked
        result = verify(rec)
        assert result.ok, (result.problem, result.params)
    finally:
        rec.close()
