"""A station on a PostgreSQL server (`--area pg`): check-in latency, the panel's freshness, and
four desks racing, each beside bare psycopg doing the same.

A LAN is played by a relay on loopback (`relay.py`) that holds every chunk half a round trip each
way: the desk's check-ins through it at 0, 2 and 20 ms a round trip, each p99 beside the goal of
4 round trips + the p99 at 0 ms, and the round trips of a check-in as the relay counted them.

It needs a server: the `PG*` environment variables name it (e.g. `pg_virtualenv -t tps-console
bench --area pg`); each run makes its own databases there and drops them. Without one the
figures are reported unavailable.

The race also decides the isolation (db.py): the same check-in (look up the voter's active
check-in and the chain head, insert the check-in and the event) typed as bare SQL by 4 processes
at once, under READ COMMITTED with the advisory lock, and under SERIALIZABLE without it, retried
on every serialization failure.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import statistics
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tps_console.bench.relay import DelayRelay
from tps_console.bench.run import entry, p99, without_server

DESKS = 4
VOTERS = 120  # each desk tries every one, in its own order
# The network a desk may be on: loopback, the rutan's Wi-Fi, a VPN to the KPU office.
RTTS_MS = (0, 2, 20)
ROUND_TRIPS_GOAL = 4
WARM_UP = 5  # the first check-ins through a relay also open its connections


def measure(quick: bool) -> dict[str, Any]:
    missing = without_server(
        "pg",
        (
            ("pg_checkin_p99_ms", "ms"),
            ("pg_panel_freshness_p99_ms", "ms"),
            ("pg_race_checkins_per_s", "1/s"),
            ("pg_checkin_round_trips", "round trips"),
            *((f"pg_checkin_p99_ms_rtt_{rtt}ms", "ms") for rtt in RTTS_MS),
        ),
    )
    if missing is not None:
        return missing
    rounds = 150 if quick else 600
    results = {}
    results.update(_checkin(rounds))
    results.update(_over_delay(quick))
    results.update(_freshness(30 if quick else 100))
    results.update(_race())
    return results


@contextmanager
def _database() -> Iterator[str]:
    import psycopg

    name = f"tps_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(dbname="postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _station(name: str, voters: int = 180) -> Any:
    from tps_console.bench.stations import POLLING_DAY, polling_clock
    from tps_console.domain.day.ballots import receive_ballots
    from tps_console.domain.record.creation import create_station
    from tps_console.domain.record.station import open_record
    from tps_console.domain.vocab import ALL_BALLOTS
    from tps_console.samples.demo import add_demo_officers
    from tps_console.samples.rolls import generate_roll, roll_csv

    clock = polling_clock()
    url = f"postgresql:///{name}"
    create_station(url, roll_csv(generate_roll(voters)), clock, polling_date=POLLING_DAY)
    rec = open_record(url, clock, desk="bench")
    chair, member = add_demo_officers(rec)
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 10_000))
    return rec, member


_BARE_SCHEMA = """
CREATE TABLE voter (id int PRIMARY KEY);
CREATE TABLE checkin (id serial PRIMARY KEY, voter_id int NOT NULL, desk text NOT NULL,
  active boolean NOT NULL DEFAULT true);
CREATE UNIQUE INDEX ON checkin (voter_id) WHERE active;
CREATE TABLE event (seq int PRIMARY KEY, kind text, voter_id int, hash text);
INSERT INTO voter SELECT generate_series(1, %s);
"""


def _bare_check_in(conn: Any, voter: int, desk: str, lock: bool) -> bool:
    """The check-in's reads and writes as bare SQL: True if checked in, False if a duplicate."""
    import hashlib

    with conn.transaction():
        if lock:
            conn.execute("SELECT pg_advisory_xact_lock(901202414)")
        found = conn.execute(
            "SELECT (SELECT id FROM checkin WHERE voter_id = %s AND active), "
            "(SELECT seq FROM event ORDER BY seq DESC LIMIT 1), "
            "(SELECT hash FROM event ORDER BY seq DESC LIMIT 1)",
            (voter,),
        ).fetchone()
        seq = (found[1] or 0) + 1
        digest = hashlib.sha256(f"{found[2]}{seq}".encode()).hexdigest()
        kind = "duplicate_blocked" if found[0] else "checkin"
        if not found[0]:
            conn.execute("INSERT INTO checkin (voter_id, desk) VALUES (%s, %s)", (voter, desk))
        conn.execute("INSERT INTO event VALUES (%s, %s, %s, %s)", (seq, kind, voter, digest))
    return not found[0]


def _checkin(rounds: int) -> dict[str, Any]:
    import psycopg

    from tps_console.domain.day.checkin import check_in

    with _database() as name, _database() as bare_name:
        rec, member = _station(name)
        bare = psycopg.connect(dbname=bare_name)
        bare.execute(_BARE_SCHEMA % rounds)
        bare.commit()
        try:
            ours: list[float] = []
            theirs: list[float] = []
            for i in range(1, min(rounds, rec.station.roll_count) + 1):
                started = time.perf_counter()
                check_in(rec, member, voter_id=i)
                ours.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                _bare_check_in(bare, i, "bench", lock=True)
                theirs.append((time.perf_counter() - started) * 1000)
        finally:
            bare.close()
            rec.close()
    ours, theirs = ours[20:], theirs[20:]
    return {
        "pg_checkin_p99_ms": entry(
            p99(ours),
            p99(theirs),
            "ms",
            median=round(statistics.median(ours), 3),
            baseline_median=round(statistics.median(theirs), 3),
            goal="ratio <= 1.5 (bare psycopg doing the same reads and writes)",
            goal_met=p99(ours) <= 1.5 * p99(theirs),
            n=len(ours),
        )
    }


def _server_address() -> tuple[str, int]:
    return os.environ.get("PGHOST") or "localhost", int(os.environ.get("PGPORT") or 5432)


def _over_delay(quick: bool) -> dict[str, Any]:
    """The desk's check-ins through relays that hold each chunk for half the round trip each
    way, one relay (and desk) for each of `RTTS_MS`, taken in turn so that all three see the
    machine as loaded as the others: each p99 beside 4 round trips + the p99 at 0 ms.

    The relays count each check-in's round trips, and bare psycopg's doing the same. The count
    is taken at 20 ms: with no delay a message the driver sends without waiting (psycopg's Flush
    right after a Sync) can reach the relay after the answer came and be counted as a trip."""
    import psycopg

    from tps_console.domain.day.checkin import check_in
    from tps_console.domain.record.station import open_record

    per_rtt = 60 if quick else 200
    counted_rtt = RTTS_MS[-1]
    samples: dict[int, list[float]] = {rtt: [] for rtt in RTTS_MS}
    trips: dict[int, list[int]] = {rtt: [] for rtt in RTTS_MS}
    bare_trips: list[int] = []
    with _database() as name, _database() as bare_name, contextlib.ExitStack() as stack:
        rec, member = _station(name, per_rtt * len(RTTS_MS))
        rec.close()
        with psycopg.connect(dbname=bare_name) as setup:
            setup.execute(_BARE_SCHEMA % (per_rtt * len(RTTS_MS)))
        relays = {
            rtt: stack.enter_context(DelayRelay(_server_address(), rtt_ms=rtt)) for rtt in RTTS_MS
        }
        desks = {
            rtt: open_record(relays[rtt].url(name), rec.clock, desk="bench") for rtt in RTTS_MS
        }
        for desk in desks.values():
            stack.callback(desk.close)
        relay = relays[counted_rtt]
        bare = psycopg.connect(host="127.0.0.1", port=relay.port, dbname=bare_name)
        stack.callback(bare.close)
        voter = 0
        for n in range(per_rtt):
            for rtt in RTTS_MS:
                voter += 1
                before = relays[rtt].round_trips
                started = time.perf_counter()
                check_in(desks[rtt], member, voter_id=voter)
                took = (time.perf_counter() - started) * 1000
                if n >= WARM_UP:
                    samples[rtt].append(took)
                    trips[rtt].append(relays[rtt].round_trips - before)
            if WARM_UP <= n < 2 * WARM_UP:  # bare SQL's trips are the same each time
                before = relay.round_trips
                _bare_check_in(bare, n, "bench", lock=True)
                bare_trips.append(relay.round_trips - before)
    most = max(trips[counted_rtt])
    results = {
        "pg_checkin_round_trips": entry(
            most,
            max(bare_trips),
            "round trips",
            counted=f"client bursts through the relay at {counted_rtt} ms, the most of any check-in",
            most_at_each_rtt={str(rtt): max(trips[rtt]) for rtt in RTTS_MS},
            baseline_is="bare psycopg: BEGIN, lock, one read, the two inserts, COMMIT",
            goal=f"<= {ROUND_TRIPS_GOAL}",
            goal_met=most <= ROUND_TRIPS_GOAL,
        )
    }
    quiet = p99(samples[0])
    for rtt in RTTS_MS:
        goal = rtt * ROUND_TRIPS_GOAL + quiet
        results[f"pg_checkin_p99_ms_rtt_{rtt}ms"] = entry(
            p99(samples[rtt]),
            goal,
            "ms",
            rtt_ms=rtt,
            median=round(statistics.median(samples[rtt]), 3),
            n=len(samples[rtt]),
            baseline_is=f"the goal: {ROUND_TRIPS_GOAL} round trips of {rtt} ms + the p99 at 0 ms",
            goal_met=p99(samples[rtt]) <= goal,
        )
    return results


def _freshness(rounds: int) -> dict[str, Any]:
    """Commit at a desk → the panel's watch has the new figures (read), as the panel's follower
    thread waits: on LISTEN/NOTIFY, no polling."""
    from tps_console.domain.day.checkin import check_in
    from tps_console.domain.record.station import open_record
    from tps_console.domain.store.commit_watch import CommitWatch
    from tps_console.domain.views.turnout import read_turnout

    with _database() as name:
        rec, member = _station(name)
        panel = open_record(f"postgresql:///{name}", rec.clock, readonly=True)
        watch = CommitWatch(panel.engine)
        watch.read_if_changed(lambda: read_turnout(panel))
        samples: list[float] = []
        reads: list[float] = []
        try:
            for i in range(1, rounds + 1):
                committed: list[float] = []

                def desk(voter: int = i, at: list[float] = committed) -> None:
                    time.sleep(0.02)
                    check_in(rec, member, voter_id=voter)
                    at.append(time.perf_counter())

                worker = threading.Thread(target=desk)
                worker.start()
                seen = None
                while seen is None:
                    seen = watch.read_if_changed(lambda: read_turnout(panel), wait=1.0)
                drawn = time.perf_counter()
                worker.join()
                samples.append(max(0.0, drawn - committed[0]) * 1000)
                started = time.perf_counter()
                read_turnout(panel)
                reads.append((time.perf_counter() - started) * 1000)
        finally:
            watch.close()
            panel.close()
            rec.close()
    return {
        "pg_panel_freshness_p99_ms": entry(
            p99(samples),
            p99(reads),
            "ms",
            median=round(statistics.median(samples), 3),
            baseline_is="reading the panel's figures alone",
            goal="<= 100 ms p99 (SQLite's poll: ~285 ms)",
            goal_met=p99(samples) <= 100,
        )
    }


def _race_desk(args: tuple[str, int, str, int]) -> tuple[int, int, int, float]:
    """One desk process of the race: (checked in, duplicates, retries, seconds)."""
    import random

    mode, desk, name, voters = args
    order = list(range(1, voters + 1))
    random.Random(desk).shuffle(order)
    done = duplicates = retries = 0
    if mode == "program":
        from tps_console.bench.stations import polling_clock
        from tps_console.domain.day.checkin import check_in
        from tps_console.domain.day.officers import authenticate
        from tps_console.domain.errors import AlreadyVoted
        from tps_console.domain.record.station import open_record

        rec = open_record(f"postgresql:///{name}", polling_clock(), desk=f"d{desk}")
        who = authenticate(rec, "anggota4", "4444")
        _barrier.wait()
        started = time.perf_counter()
        for voter in order:
            try:
                check_in(rec, who, voter_id=voter)
                done += 1
            except AlreadyVoted:
                duplicates += 1
        rec.close()
        return done, duplicates, retries, time.perf_counter() - started
    import psycopg
    from psycopg import errors

    conn = psycopg.connect(dbname=name)
    if mode == "serializable":
        conn.isolation_level = psycopg.IsolationLevel.SERIALIZABLE
    _barrier.wait()
    started = time.perf_counter()
    for voter in order:
        while True:
            try:
                if _bare_check_in(conn, voter, f"d{desk}", lock=mode == "lock"):
                    done += 1
                else:
                    duplicates += 1
                break
            except (errors.SerializationFailure, errors.UniqueViolation):
                retries += 1
    conn.close()
    return done, duplicates, retries, time.perf_counter() - started


_barrier: Any = None


def _init(barrier: Any) -> None:
    global _barrier
    _barrier = barrier


def _race_once(mode: str, name: str, voters: int) -> dict[str, float]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(DESKS)
    with context.Pool(DESKS, initializer=_init, initargs=(barrier,)) as pool:
        outcomes = pool.map(_race_desk, [(mode, d, name, voters) for d in range(DESKS)])
    done = sum(o[0] for o in outcomes)
    attempts = sum(o[0] + o[1] for o in outcomes)
    assert done == voters, (mode, done, voters)  # one check-in per voter, whatever the race
    seconds = max(o[3] for o in outcomes)
    return {"per_s": attempts / seconds, "retries": sum(o[2] for o in outcomes)}


def _race() -> dict[str, Any]:
    import psycopg

    figures = {}
    for mode in ("lock", "serializable"):
        with _database() as name:
            with psycopg.connect(dbname=name) as conn:
                conn.execute(_BARE_SCHEMA % VOTERS)
            figures[mode] = _race_once(mode, name, VOTERS)
    with _database() as name:
        _station(name)[0].close()
        figures["program"] = _race_once("program", name, VOTERS)
    return {
        "pg_race_checkins_per_s": entry(
            figures["program"]["per_s"],
            figures["lock"]["per_s"],
            "1/s",
            desks=DESKS,
            attempts=DESKS * VOTERS,
            baseline_is="bare SQL, READ COMMITTED + advisory lock",
            serializable_per_s=round(figures["serializable"]["per_s"], 1),
            serializable_retries=figures["serializable"]["retries"],
            lock_retries=figures["lock"]["retries"],
        )
    }
