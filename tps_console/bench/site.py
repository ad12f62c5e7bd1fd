"""Every TPS of a prison on one server (`--area site`): 12 TPS of 500 voters in one database, 24
desk processes (2 a TPS) checking in at once, and the site overview following them.

- `site_checkin_p99_ms`: every check-in attempt of the 24 desks on the site, each desk trying
  every voter of its TPS in its own order (so half the attempts are refused duplicates, as when
  two desks race) and the voters who stand on every roll of the site (the chair confirmed
  "another person" each time: one NIK, which may vote once across the site). Beside it, the same
  24 desks on one TPS alone holding the same 6,000 voters: one chain and one write lock for all,
  as a single TPS with that many desks would be. Goal: ratio <= 1.5.
- `site_overview_freshness_p99_ms`: a check-in committed at any TPS (its desk's clock, once
  `check_in` returned) → the overview process (headless, built by `make_site`) has painted that
  TPS's new count. Goal <= 200 ms.
- `site_double_check_ins`: NIKs with more than one active check-in across the site once the
  desks are done (the voters on every roll included). Goal: 0.

It needs a server: the `PG*` environment variables name it (`pg_virtualenv -t tps-console bench
--area site`); each run makes its own databases there and drops them.
"""

from __future__ import annotations

import multiprocessing
import random
import statistics
import subprocess
import sys
import threading
import time
from typing import Any, TextIO, cast

from tps_console.bench.pg import _database, _init
from tps_console.bench.run import entry, p99, without_server

TPS_COUNT = 12
DESKS_PER_TPS = 2
VOTERS = 500
QUICK_VOTERS = 100
# Voters on every roll of the site (confirmed as other people at each import, wrongly).
EVERYWHERE = 10
# The paced part: each desk a check-in every half to one and a half seconds (24 desks: about 24
# a second across the site; a real desk serves an escorted voter in 15 s or more).
PACE_S = 1.0
GOAL_RATIO = 1.5
GOAL_FRESH_MS = 200.0


def measure(quick: bool) -> dict[str, Any]:
    missing = without_server(
        "site",
        (
            ("site_checkin_p99_ms", "ms"),
            ("site_overview_freshness_p99_ms", "ms"),
            ("site_double_check_ins", "NIKs"),
        ),
    )
    if missing is not None:
        return missing
    voters = QUICK_VOTERS if quick else VOTERS
    with _database() as site_db, _database() as lone_db:
        site_url, lone_url = f"postgresql:///{site_db}", f"postgresql:///{lone_db}"
        numbers = _make_site(site_url, voters)
        _make_lone(lone_url, voters)
        raced, paced = _phases(voters)
        overview = _Overview(site_url)
        try:
            site_runs = _desks(
                [
                    (f"{site_url}?tps={n}", raced, f"{n}-{d}", 0.0)
                    for n in numbers
                    for d in range(DESKS_PER_TPS)
                ]
            )
            flat_out = _freshness(site_runs, overview.stop())
            paced_runs = _desks(
                [
                    (f"{site_url}?tps={n}", paced[d::DESKS_PER_TPS], f"{n}-{d}", PACE_S)
                    for n in numbers
                    for d in range(DESKS_PER_TPS)
                ]
            )
            fresh = _freshness(paced_runs, overview.stop())
        finally:
            overview.close()
        lone_runs = _desks(
            [
                (lone_url, [k * voters + i for i in raced], f"lone-{k}-{d}", 0.0)
                for k in range(TPS_COUNT)
                for d in range(DESKS_PER_TPS)
            ]
        )
        doubles, voted_everywhere = _doubles(site_db)
    site_ms = [ms for run in site_runs for ms, _, _ in run["attempts"]]
    lone_ms = [ms for run in lone_runs for ms, _, _ in run["attempts"]]
    return {
        "site_checkin_p99_ms": entry(
            p99(site_ms),
            p99(lone_ms),
            "ms",
            median=round(statistics.median(site_ms), 3),
            baseline_median=round(statistics.median(lone_ms), 3),
            tps=TPS_COUNT,
            desks=TPS_COUNT * DESKS_PER_TPS,
            voters_per_tps=voters,
            attempts=len(site_ms),
            baseline_is=f"the same {TPS_COUNT * DESKS_PER_TPS} desks on one TPS of "
            f"{TPS_COUNT * voters} voters alone",
            goal=f"ratio <= {GOAL_RATIO}",
            goal_met=p99(site_ms) <= GOAL_RATIO * p99(lone_ms),
        ),
        "site_overview_freshness_p99_ms": entry(
            p99(fresh),
            GOAL_FRESH_MS,
            "ms",
            median=round(statistics.median(fresh), 3),
            n=len(fresh),
            desks=TPS_COUNT * DESKS_PER_TPS,
            pace=f"each desk a check-in every {PACE_S * 0.5:.2f}-{PACE_S * 1.5:.2f} s "
            f"({TPS_COUNT * DESKS_PER_TPS / PACE_S:.0f} a second across the site)",
            flat_out_p99_ms=round(p99(flat_out), 1),
            flat_out_median_ms=round(statistics.median(flat_out), 1),
            baseline_is="the goal",
            goal=f"<= {GOAL_FRESH_MS:.0f} ms",
            goal_met=p99(fresh) <= GOAL_FRESH_MS,
        ),
        "site_double_check_ins": entry(
            doubles,
            0,
            "NIKs",
            voters_on_every_roll=EVERYWHERE,
            of_them_checked_in=voted_everywhere,
            baseline_is="none allowed",
            goal="0, and each voter on every roll checked in exactly once",
            goal_met=doubles == 0 and voted_everywhere == EVERYWHERE,
        ),
    }


def _rolls(voters: int) -> list[list[dict[str, str]]]:
    """12 rolls: `voters - EVERYWHERE` of each TPS's own, then the voters on every roll."""
    from tps_console.samples.rolls import generate_roll

    own = voters - EVERYWHERE
    everyone = generate_roll(own * TPS_COUNT + EVERYWHERE, seed=902)
    shared = [{**row, "no_register": ""} for row in everyone[own * TPS_COUNT :]]
    return [
        [
            {**row, "no": str(n)}
            for n, row in enumerate([*everyone[k * own : (k + 1) * own], *shared], 1)
        ]
        for k in range(TPS_COUNT)
    ]


def _make_site(url: str, voters: int) -> list[str]:
    from tps_console.bench.stations import POLLING_DAY, polling_clock
    from tps_console.domain.record.creation import create_station, site_target
    from tps_console.samples.rolls import roll_csv

    clock = polling_clock()
    everywhere = frozenset(range(voters - EVERYWHERE + 1, voters + 1))
    numbers = [str(901 + k) for k in range(TPS_COUNT)]
    for k, (number, roll) in enumerate(zip(numbers, _rolls(voters), strict=True)):
        create_station(
            site_target(url, f"TPS {number}"),
            roll_csv(roll),
            clock,
            tps=f"TPS {number}",
            polling_date=POLLING_DAY,
            different_people=everywhere if k else frozenset(),
        )
        _furnish(f"{url}?tps={number}")
    return numbers


def _make_lone(url: str, voters: int) -> None:
    from tps_console.bench.stations import POLLING_DAY, polling_clock
    from tps_console.domain.record.creation import create_station
    from tps_console.samples.rolls import generate_roll, roll_csv

    roll = generate_roll(voters * TPS_COUNT, seed=903)
    create_station(url, roll_csv(roll), polling_clock(), polling_date=POLLING_DAY)
    _furnish(url)


def _furnish(url: str) -> None:
    from tps_console.bench.stations import polling_clock
    from tps_console.domain.day.ballots import MAX_DELIVERY, receive_ballots
    from tps_console.domain.record.station import open_record
    from tps_console.domain.vocab import ALL_BALLOTS
    from tps_console.samples.demo import add_demo_officers

    rec = open_record(url, polling_clock(), desk="bench")
    chair, _ = add_demo_officers(rec)
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, MAX_DELIVERY))
    rec.close()


def _phases(voters: int) -> tuple[list[int], list[int]]:
    """Each TPS's voters by number: the race (both desks try each, the voters on every roll
    among them) and the paced check-ins (shared out between the desks)."""
    own = voters - EVERYWHERE
    half = own // 2
    return [*range(1, half + 1), *range(own + 1, voters + 1)], list(range(half + 1, own + 1))


Attempt = tuple[float, int | None, float]  # ms, check-in id (None: refused), wall clock done


def _desk(args: tuple[str, list[int], str, float]) -> dict[str, Any]:
    """One desk process: every voter of `ids` in its own order, each attempt timed; `pace`: on
    average this long from one attempt to the next (0: at once)."""
    from tps_console.bench.pg import _barrier
    from tps_console.bench.stations import polling_clock
    from tps_console.domain.day.checkin import check_in
    from tps_console.domain.day.officers import authenticate
    from tps_console.domain.errors import AlreadyVoted
    from tps_console.domain.record.station import open_record

    url, ids, desk, pace = args
    order = list(ids)
    chance = random.Random(desk)
    chance.shuffle(order)
    rec = open_record(url, polling_clock(), desk=desk)
    who = authenticate(rec, "anggota4", "4444")
    tps = rec.station.tps
    attempts: list[Attempt] = []
    _barrier.wait()
    for voter in order:
        if pace:
            time.sleep(chance.uniform(pace * 0.5, pace * 1.5))
        started = time.perf_counter()
        try:
            done: int | None = check_in(rec, who, voter_id=voter).checkin_id
        except AlreadyVoted:
            done = None
        attempts.append(((time.perf_counter() - started) * 1000, done, time.time()))
    rec.close()
    return {"tps": tps, "attempts": attempts}


def _desks(work: list[tuple[str, list[int], str, float]]) -> list[dict[str, Any]]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(work))
    with context.Pool(len(work), initializer=_init, initargs=(barrier,)) as pool:
        return pool.map(_desk, work)


def _doubles(database: str) -> tuple[int, int]:
    """NIKs with more than one active check-in across the site's TPS (each TPS's own table, not
    the site's index that forbids it), and how many of the voters on every roll voted."""
    import psycopg

    with psycopg.connect(dbname=database) as conn:
        schemas = [
            r[0]
            for r in conn.execute(
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 'checkin' "
                "AND table_type = 'BASE TABLE'"
            )
        ]
        union = " UNION ALL ".join(
            f"SELECT v.nik FROM {s}.checkin c JOIN {s}.voter v ON v.id = c.voter_id WHERE c.active"
            for s in schemas
        )
        doubles = conn.execute(
            f"SELECT count(*) FROM (SELECT nik FROM ({union}) a GROUP BY nik HAVING count(*) > 1) d"
        ).fetchone()
        everywhere = conn.execute(
            f"SELECT count(DISTINCT a.nik) FROM ({union}) a JOIN public.voter v ON v.nik = a.nik "
            f"WHERE v.no > (SELECT max(no) FROM public.voter) - {EVERYWHERE}"
        ).fetchone()
    assert doubles is not None and everywhere is not None
    return int(doubles[0]), int(everywhere[0])


def _freshness(runs: list[dict[str, Any]], shown: list[tuple[str, int, float]]) -> list[float]:
    """For each check-in committed: its TPS's count reached it on the overview, less the commit's
    time. A TPS's check-ins are numbered 1, 2, 3 (no undo here): id n commits the n-th."""
    painted: dict[str, list[tuple[int, float]]] = {}
    for tps, count, at in shown:
        painted.setdefault(tps, []).append((count, at))
    samples = []
    for run in runs:
        seen = painted.get(run["tps"], [])
        for _ms, checkin_id, done in run["attempts"]:
            if checkin_id is None:
                continue
            first = next((at for count, at in seen if count >= checkin_id), None)
            if first is not None:
                samples.append(max(0.0, first - done) * 1000)
    return samples


class _Overview:
    """The overview in a process of its own, headless: each painted count on a line."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tps_console.bench.site", url],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.shown: list[tuple[str, int, float]] = []
        ready = threading.Event()
        self._reader = threading.Thread(target=self._read, args=(ready,), daemon=True)
        self._reader.start()
        if not ready.wait(120):
            raise RuntimeError("the site overview did not start")

    def _read(self, ready: threading.Event) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("ready"):
                ready.set()
                continue
            tps, count, at = line.rsplit(" ", 2)
            self.shown.append((tps, int(count), float(at)))

    def stop(self) -> list[tuple[str, int, float]]:
        """What was painted so far (after the last commits' figures are), and start afresh."""
        time.sleep(1.0)
        shown, self.shown = self.shown, []
        return shown

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def _serve(url: str) -> None:
    from tps_console.bench.stations import polling_clock
    from tps_console.site.app import SiteApp, make_site

    # Textual captures print(); the real stdout is the pipe the benchmark reads.
    out = cast(TextIO, sys.__stdout__)

    class Probe(SiteApp):
        def on_mount(self) -> None:
            super().on_mount()
            out.write("ready\n")
            out.flush()

        def on_site_app_shown(self, message: SiteApp.Shown) -> None:
            status = message.turnout.status
            out.write(f"{status.tps} {status.checked_in} {time.time()}\n")
            out.flush()

    make_site(url, polling_clock(), app_class=Probe).run(headless=True)


if __name__ == "__main__":
    _serve(sys.argv[1])
