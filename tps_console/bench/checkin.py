"""`checkin_p99_ms`: a durable check-in, beside the same reads and writes typed as bare SQL.

Three things are done for every voter, in one loop, each after the same idle gap as at a desk:
- `check_in` on the station (WAL, synchronous=FULL, ballots, stock, the hashed event);
- the baseline: a raw sqlite3 BEGIN IMMEDIATE / INSERT of one check-in row / COMMIT with the same
  pragmas, in a file beside the station (`baseline`, `ratio`: the one-row ratio, printed as before);
- `bare`: the check-in's own reads and writes typed as plain SQL on a bare sqlite3 connection to
  a twin station, with no program around them (`bare_p99`).

The goal judges the program, not the disk: `goal_ratio` = check-in p99 / bare p99 ≤ 1.5.

Why the figure holds still (a p99 of a 0.5 ms operation is the tail of the machine's noise, and
one run of 400 check-ins put that ratio anywhere from 0.7 to 1.7):
- many samples: p99 is then the 1 % tail of a couple of thousand check-ins, not the 4th-worst;
- per-block pairing: the rounds are cut into consecutive blocks; in each block the three are
  interleaved, so a burst of someone else's disk work hits all three alike, and the block's ratio
  is check-in p99 / bare p99 of the same rounds. The figures are the medians over the blocks
  (medians of several p99s), so one block caught in a burst does not move them;
- every order of the three in turn (all six permutations, not only three rotations), so none
  always follows another's fsync;
- the first check-ins (compiling statements, warming caches) left out, and the set-up's garbage
  collected and frozen before the first timed check-in, as the desk does once the roll is loaded
  (otherwise one collection of the set-up's objects lands inside a check-in: 30-80 ms).
Not loosened: every commit is durable, the idle gap stays, and p99 is still the 99th percentile
of wall-clock time, fsync included.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from tps_console.bench.run import entry, p99
from tps_console.bench.stations import fresh_station, polling_clock
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.station import open_record
from tps_console.samples.demo import DEMO_OFFICERS

# Voters arrive with idle time between them. Without a gap the loop is a CPU hog, and on a shared
# machine the scheduler preempts it inside the next sub-millisecond commit: exactly the p99.
IDLE_GAP_S = 0.002
CHECKINS = 3000  # ~30 s on the 2-core VM: 10 blocks of 300
QUICK_CHECKINS = 600
BLOCKS = 10
WARM_UP = 20  # first check-ins compile the statements; not part of the day's figure
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL")
GOAL_RATIO = 1.5


def measure(quick: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="tps-bench-checkin-") as tmp:
        return {"checkin_p99_ms": _checkin(Path(tmp), QUICK_CHECKINS if quick else CHECKINS)}


def load_average() -> float | None:
    """The machine's 1-minute load average, printed beside a figure (None where the OS has none):
    on a shared machine a tail is mostly other people's work."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):  # Windows
        return None


def _ms(action: Callable[[], object]) -> float:
    """Milliseconds of wall-clock, after an idle gap."""
    time.sleep(IDLE_GAP_S)
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _checkin(workdir: Path, voters: int) -> dict[str, Any]:
    path = fresh_station(voters + WARM_UP, "checkin")
    rec = open_record(path, polling_clock(), desk="bench")
    member = OfficerInfo(DEMO_OFFICERS[1].id, DEMO_OFFICERS[1].name, DEMO_OFFICERS[1].role)
    with closing(sqlite3.connect(path)) as conn:
        voter_ids = [row[0] for row in conn.execute("SELECT id FROM voter ORDER BY no")]
    raw = _raw_checkin_db(workdir / "checkin-raw.db")
    bare = _bare_db(fresh_station(voters + WARM_UP, "checkin-bare"))
    series: dict[str, list[float]] = {"checkin": [], "raw": [], "bare": []}
    orders = list(itertools.permutations(range(3)))
    load_before = load_average()
    gc.collect()
    gc.freeze()
    try:
        for i, voter_id in enumerate(voter_ids):
            actions: list[tuple[str, Callable[[], object]]] = [
                ("checkin", partial(check_in, rec, member, voter_id=voter_id)),
                ("raw", partial(_raw_insert, raw, voter_id)),
                ("bare", partial(_bare_checkin, bare, voter_id)),
            ]
            for k in orders[i % len(orders)]:
                name, action = actions[k]
                ms = _ms(action)
                if i >= WARM_UP:
                    series[name].append(ms)
    finally:
        gc.unfreeze()
        raw.close()
        bare.close()
        rec.close()
    done, inserted, typed = series["checkin"], series["raw"], series["bare"]
    size = len(done) // BLOCKS
    blocks = [slice(b * size, (b + 1) * size) for b in range(BLOCKS)]
    done_p99 = [p99(done[b]) for b in blocks]
    inserted_p99 = [p99(inserted[b]) for b in blocks]
    typed_p99 = [p99(typed[b]) for b in blocks]
    ratios = [d / t for d, t in zip(done_p99, typed_p99, strict=True)]
    goal_ratio = round(statistics.median(ratios), 3)
    bare_p99 = statistics.median(typed_p99)
    return entry(
        statistics.median(done_p99),
        statistics.median(inserted_p99),
        "ms",
        checkins=len(done),
        blocks=BLOCKS,
        goal=f"checkin p99 <= {GOAL_RATIO} x bare_p99 (goal_ratio, the median of the blocks' ratios)",
        goal_ratio=goal_ratio,
        goal_met=goal_ratio <= GOAL_RATIO,
        block_ratios=[round(min(ratios), 3), round(max(ratios), 3)],
        bare_p99=round(bare_p99, 3),
        bare_median=_median(typed),
        bare_ratio=round(bare_p99 / statistics.median(inserted_p99), 3),
        median=_median(done),
        baseline_median=_median(inserted),
        pooled_p99=round(p99(done), 3),
        pooled_bare_p99=round(p99(typed), 3),
        load_avg=[load_before, load_average()],
    )


def _median(samples: list[float]) -> float:
    return round(statistics.median(samples), 3)


def _bare_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in (*PRAGMAS, "PRAGMA foreign_keys=ON"):
        conn.execute(pragma)
    return conn


def _bare_checkin(conn: sqlite3.Connection, voter_id: int) -> None:
    """What `check_in` reads and writes, as plain SQL: the voter with any active check-in, their
    place in the 13:00 queue and the chain head, the stock, then the check-in, its ballots, the
    stock and the hashed event."""
    conn.execute("BEGIN IMMEDIATE")
    ballots, first, _queued, closed, seq, head = conn.execute(
        "SELECT v.ballots, c.id, EXISTS (SELECT 1 FROM queueentry q WHERE q.voter_id = v.id),"
        " (SELECT closed_at FROM station),"
        " (SELECT max(seq) FROM event), (SELECT hash FROM event ORDER BY seq DESC LIMIT 1)"
        " FROM voter v LEFT JOIN checkin c ON c.voter_id = v.id AND c.active = 1 WHERE v.id = ?",
        (voter_id,),
    ).fetchone()
    if first is not None or closed is not None:
        raise RuntimeError(f"bench: voter {voter_id} cannot be checked in")
    stock = conn.execute(
        "SELECT s.ballot, s.source FROM ballotstock s JOIN ballotsource o ON o.name = s.source"
        " WHERE s.remaining > 0 ORDER BY o.position"
    ).fetchall()
    source = dict(reversed(stock))
    draws = [(b, source[b]) for b in ballots.split(",")]
    at = datetime.now().isoformat()
    checkin_id = conn.execute(
        "INSERT INTO checkin (voter_id, officer_id, desk, at, active) VALUES (?, ?, ?, ?, 1)",
        (voter_id, "anggota4", "bench", at),
    ).lastrowid
    conn.executemany(
        "INSERT INTO issuedballot (checkin_id, ballot, replacement, source, at)"
        " VALUES (?, ?, 0, ?, ?)",
        [(checkin_id, b, src, at) for b, src in draws],
    )
    conn.executemany(
        "UPDATE ballotstock SET remaining = remaining - 1 WHERE source = ? AND ballot = ?",
        [(src, b) for b, src in draws],
    )
    payload = json.dumps({"checkin_id": checkin_id, "ballots": dict(draws)}, sort_keys=True)
    digest = hashlib.sha256(f"{head}\n{seq + 1}{at}{payload}".encode()).hexdigest()
    conn.execute(
        "INSERT INTO event (seq, at, kind, officer_id, desk, voter_id, drill, payload, prev_hash,"
        " hash) VALUES (?, ?, 'checkin', 'anggota4', 'bench', ?, 1, ?, ?, ?)",
        (seq + 1, at, voter_id, payload, head, digest),
    )
    conn.execute("COMMIT")


def _raw_checkin_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    conn.execute(
        "CREATE TABLE checkin (id INTEGER PRIMARY KEY, voter_id INTEGER NOT NULL,"
        " officer_id TEXT NOT NULL, desk TEXT NOT NULL, at TEXT NOT NULL,"
        " active INTEGER NOT NULL DEFAULT 1)"
    )
    conn.execute("CREATE UNIQUE INDEX one_active ON checkin (voter_id) WHERE active = 1")
    return conn


def _raw_insert(conn: sqlite3.Connection, voter_id: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO checkin (voter_id, officer_id, desk, at) VALUES (?, ?, ?, ?)",
        (voter_id, "anggota4", "bench", datetime.now().isoformat()),
    )
    conn.execute("COMMIT")
