"""`panel_freshness_p99_ms`: from a desk's commit to the new figure painted by the panel process.

The panel runs as a process of its own, headless, built by the real factory (`make_panel`) and
polling the file exactly as on the day. Its app only adds a probe: when the screen announces
`PanelScreen.Shown` (posted with `call_after_refresh`, so after the compositor has painted the
frame holding the updated widgets), it prints the count shown and the wall-clock time.

This process checks voters in one at a time through the domain, each a durable commit, after a
random pause so commits land at every phase of the poll cycle. Latency runs from `check_in`
returning (the commit is on disk and visible) to the panel's line with that count. The baseline
is the poll interval: the panel cannot be fresher than one interval on average, and a p99 close
to it means reading and painting add little.
"""

from __future__ import annotations

import queue
import random
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import col

from tps_console.bench.run import entry, p99
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import StartedClock, parse_instant
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Voter
from tps_console.panel.app import POLL_INTERVAL_S, PanelApp, PanelScreen, make_panel
from tps_console.samples.demo import DEMO_OFFICERS, ensure_demo

DRILL_AT = datetime(2024, 2, 14, 10, tzinfo=ZoneInfo("Asia/Jakarta"))
CHECK_INS = 120
QUICK_CHECK_INS = 20
# A figure not painted within this long counts as this long: a stall shows in the p99.
GIVE_UP_S = 5.0
# Importing Textual and opening the station, on a slow or busy laptop.
STARTUP_S = 60.0
EXITED = -1  # what the reader reports when the panel process has gone


class ProbeApp(PanelApp):
    """The panel, plus one line on stdout each time new figures have been painted."""

    def on_panel_screen_shown(self, message: PanelScreen.Shown) -> None:
        # Textual captures print(); the real stdout is the pipe the benchmark reads.
        out = sys.__stdout__
        assert out is not None
        out.write(f"{message.turnout.status.checked_in} {time.time()}\n")
        out.flush()


def serve(path: str, now: str) -> None:
    """The panel process: headless, on `path`, until terminated."""
    make_panel(Path(path), StartedClock(parse_instant(now)), app_class=ProbeApp).run(headless=True)


def _lines(stream: TextIO, into: queue.Queue[tuple[int, float]]) -> None:
    for line in stream:
        count, at = line.split()
        into.put((int(count), float(at)))
    into.put((EXITED, 0.0))


def _painted(
    shown: queue.Queue[tuple[int, float]], count: int, wait: float = GIVE_UP_S
) -> float | None:
    """When the panel first painted at least `count` check-ins, or None if it never did."""
    deadline = time.monotonic() + wait
    while (left := deadline - time.monotonic()) > 0:
        try:
            painted, at = shown.get(timeout=left)
        except queue.Empty:
            return None
        if painted == EXITED:
            return None
        if painted >= count:
            return at
    return None


def measure(quick: bool) -> dict[str, Any]:
    rounds = QUICK_CHECK_INS if quick else CHECK_INS
    with tempfile.TemporaryDirectory(prefix="tps-bench-panel-") as tmp:
        path = Path(tmp) / "tps.db"
        desk = ensure_demo(path, StartedClock(DRILL_AT), desk="bench")
        member = next(o for o in DEMO_OFFICERS if o.role == "member")
        officer = OfficerInfo(member.id, member.name, member.role)
        with read(desk.engine) as conn:
            voters = list(conn.execute(select(col(Voter.id)).order_by(col(Voter.no))).scalars())
        errors = Path(tmp) / "panel.err"  # a file, not a pipe nobody reads while measuring
        with errors.open("w") as stderr:
            panel = subprocess.Popen(
                [sys.executable, "-m", "tps_console.bench.panel", str(path), DRILL_AT.isoformat()],
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        assert panel.stdout is not None
        shown: queue.Queue[tuple[int, float]] = queue.Queue()
        threading.Thread(target=_lines, args=(panel.stdout, shown), daemon=True).start()
        latencies: list[float] = []
        try:
            if _painted(shown, 0, STARTUP_S) is None:
                raise RuntimeError(f"the panel process did not start: {errors.read_text()}")
            for n, voter_id in enumerate(voters[:rounds], start=1):
                time.sleep(random.uniform(0, 2 * POLL_INTERVAL_S))
                check_in(desk, officer, voter_id=voter_id)
                committed = time.time()
                painted = _painted(shown, n)
                latencies.append(GIVE_UP_S if painted is None else painted - committed)
        finally:
            panel.terminate()
            panel.wait()
            desk.close()
    ms = sorted(1000 * s for s in latencies)
    freshness = entry(
        p99(ms), 1000 * POLL_INTERVAL_S, "ms", samples=len(ms), median_ms=round(ms[len(ms) // 2], 1)
    )
    return {"panel_freshness_p99_ms": freshness}


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2])
