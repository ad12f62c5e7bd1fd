"""Scenario: the desk laptop loses power again and again in the middle of the morning.

A child process checks voters in (and now and then undoes one, or is refused a duplicate) in an
endless loop, printing each outcome only after the domain call returned, i.e. after the commit.
The parent `kill -9`s it at a random moment, many times. After every kill the file must be intact,
`verify` must pass, and everything the child announced as confirmed must be there.
"""

from __future__ import annotations

import collections
import queue
import random
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from tests.helpers import make_station
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import open_record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, Event
from tps_console.domain.verify import verify

pytestmark = pytest.mark.long

ROUNDS = 18
AHEAD = 3  # desks started ahead of their round
SEED = 20240214

DESK = r"""
import random, sys
from sqlalchemy import select
from tps_console.domain.day.checkin import check_in, undo_check_in
from tps_console.domain.record.clock import FixedClock, parse_instant
from tps_console.domain.store.db import read
from tps_console.domain.errors import AlreadyVoted
from tps_console.domain.store.models import CheckIn, Voter
from tps_console.domain.day.officers import authenticate
from tps_console.domain.record.station import open_record

db, seed = sys.argv[1], int(sys.argv[2])
rng = random.Random(seed)
sys.stdin.readline()  # started during the round before, imports done: wait for this round
rec = open_record(db, FixedClock(parse_instant("2024-02-14T09:00+07:00")), desk="meja-1")
member = authenticate(rec, "anggota4", "4444")
chair = authenticate(rec, "ketua", "1234")
with read(rec.engine) as conn:
    voters = conn.execute(select(Voter.id)).scalars().all()
    active = dict(conn.execute(select(CheckIn.voter_id, CheckIn.id).where(CheckIn.active)).all())
pending = [v for v in voters if v not in active]
rng.shuffle(pending)
print("ready", flush=True)
while True:
    roll = rng.random()
    if active and (not pending or roll < 0.15):
        voter = rng.choice(sorted(active))
        print("undoing", active[voter], flush=True)
        done = undo_check_in(rec, chair, "uji pemadaman", voter_id=voter)
        print("undone", done, flush=True)
        del active[voter]
        pending.append(voter)
    elif active and roll < 0.25:
        try:
            check_in(rec, member, voter_id=rng.choice(sorted(active)))
        except AlreadyVoted:
            print("duplicate", flush=True)
    else:
        voter = pending.pop()
        done = check_in(rec, member, voter_id=voter)
        print("in", done.checkin_id, flush=True)
        active[voter] = done.checkin_id
"""


def read_lines(child: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    """Every line the child writes, in order, then None once its output is closed."""
    assert child.stdout is not None
    for line in child.stdout:
        lines.put(line)
    lines.put(None)


@dataclass
class Desk:
    """A desk process, and the one reader of its output: from its start to its end, every line
    it printed before the kill reaches `lines`, whatever the load on the machine."""

    child: subprocess.Popen[str]
    lines: queue.Queue[str | None]
    reader: threading.Thread
    errors: Path

    @classmethod
    def start(cls, path: Path | str, seed: int, errors: Path) -> Desk:
        """Started a round early: it imports the domain (the slow part of starting), then waits
        for `go` before it opens the file."""
        with errors.open("w") as stderr:
            child = subprocess.Popen(
                [sys.executable, "-c", DESK, str(path), str(seed)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        lines: queue.Queue[str | None] = queue.Queue()
        reader = threading.Thread(target=read_lines, args=(child, lines), daemon=True)
        reader.start()
        return cls(child, lines, reader, errors)

    def go(self) -> None:
        assert self.child.stdin is not None
        self.child.stdin.write("go\n")
        self.child.stdin.close()

    def kill(self) -> None:
        self.child.kill()  # SIGKILL: no handler, no cleanup, no flush of anything unwritten
        self.child.wait(timeout=30)
        self.reader.join(timeout=30)
        assert not self.reader.is_alive(), "the child's output never closed"


def integrity(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        db.close()


def test_kill_9_at_random_moments_loses_nothing_confirmed(
    tmp_path: Path, target: Path | str, clock: FixedClock
) -> None:
    """A desk on a file, and a desk on a server (its connection dies with it)."""
    path = target
    make_station(path, clock).close()
    rng = random.Random(SEED)
    confirmed_in: set[int] = set()
    confirmed_undone: set[int] = set()
    duplicates = 0

    seeds = random.Random(SEED + 1)

    def desk_for(round_no: int) -> Desk:
        return Desk.start(path, seeds.randrange(10**9), tmp_path / f"stderr-{round_no}.txt")

    # The next rounds' desks import while this one runs: a few, as a round is shorter than an import.
    upcoming = collections.deque(desk_for(n) for n in range(min(AHEAD, ROUNDS)))
    try:
        for round_no in range(ROUNDS):
            desk = upcoming.popleft()
            desk.go()
            if round_no + AHEAD < ROUNDS:
                upcoming.append(desk_for(round_no + AHEAD))
            if round_no % 6 == 5:
                time.sleep(rng.uniform(0.0, 0.8))  # sometimes while it is still opening the file
            else:
                first = desk.lines.get(timeout=60)
                assert first == "ready\n", f"{first!r} {desk.errors.read_text()}"
                # A server's desk starts its first check-ins slower (a connection each, the
                # statements compiled for the server): given a little longer to do some.
                time.sleep(rng.uniform(0.0, 0.25 if isinstance(path, Path) else 1.0))
            desk.kill()
            err = desk.errors.read_text()
            assert desk.child.returncode == -9, err
            assert "Traceback" not in err, err
            out = list(iter(desk.lines.get_nowait, None))

            in_flight_undo: int | None = None
            for line in out:
                if not line.endswith("\n") or not line.strip():
                    continue  # the kill may cut the last line short: only whole lines count
                word, *rest = line.split()
                if word == "in":
                    confirmed_in.add(int(rest[0]))
                elif word == "undoing":
                    in_flight_undo = int(rest[0])
                elif word == "undone":
                    confirmed_undone.add(int(rest[0]))
                    in_flight_undo = None
                elif word == "duplicate":
                    duplicates += 1

            if isinstance(path, Path):
                assert integrity(path) == "ok"
            rec = open_record(path, clock)
            try:
                result = verify(rec)
                assert result.ok, (round_no, result.problem, result.params)
                with read(rec.engine) as conn:
                    table = dict(conn.execute(select(col(CheckIn.id), col(CheckIn.active))).all())
                    blocked = conn.execute(
                        select(func.count())
                        .select_from(Event)
                        .where(col(Event.kind) == "duplicate_blocked")
                    ).scalar_one()
            finally:
                rec.close()
            if in_flight_undo is not None and not table.get(in_flight_undo, True):
                confirmed_undone.add(in_flight_undo)  # it committed just before the power went
            missing = confirmed_in - table.keys()
            assert not missing, f"round {round_no}: confirmed check-ins lost: {sorted(missing)}"
            revived = [i for i in confirmed_undone if table[i]]
            assert not revived, f"round {round_no}: confirmed undos lost: {revived}"
            lost = [i for i in confirmed_in - confirmed_undone if not table[i]]
            assert not lost, f"round {round_no}: confirmed check-ins no longer active: {lost}"
            # Nothing half-written: at most the one call in flight at each kill is extra.
            assert len(table.keys() - confirmed_in) <= round_no + 1
            assert duplicates <= blocked <= duplicates + round_no + 1
    finally:  # a failed round leaves no desk waiting, nor one checking voters in for ever
        for desk in upcoming:
            desk.child.kill()
            desk.child.wait(timeout=30)

    # The test did exercise the record, not just kill idle processes.
    assert len(confirmed_in) >= 3 * ROUNDS
    assert confirmed_undone and duplicates
