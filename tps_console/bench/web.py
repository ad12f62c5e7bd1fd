"""The panel in a browser: how soon a tab shows the turnout, and whether tabs slow the desk.

- `web_panel_first_frame_ms`: a new Chromium tab pointed at `panel DB --web` until the turnout
  line is drawn (median of the tabs opened one after another), beside a hello-world Textual
  app served the same way (bench/hello.py, through the same server code) in the same browser.
- `web_checkin_p99_ms`: the desk's check-in (`check_in`, durable commits) with 20 tabs open on
  the panel of the same station, redrawing after every check-in, as a ratio to none open
  (goal <= 1.1). The tabs are websocket clients, as a browser on another computer is to the
  server: a browser on this laptop would weigh on the desk, one across the LAN does not. The
  check-ins run in blocks of ten, each after a random pause of 0.5-1.5 s (a busy desk's pace),
  with the tabs watching in half the blocks (ABBA order) and, in the others, the tabs' processes
  and the server stopped (SIGSTOP): paired on the same minutes, so the machine's other load
  weighs on both alike. Linux only (/proc, SIGSTOP).

Needs the development tools (Playwright) and the system's Chromium: without them the area is
reported as failed, saying what is missing.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import random
import signal
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from tps_console.bench.browser import SocketTabs, Tab, chromium, web_panel
from tps_console.bench.run import entry, p99
from tps_console.bench.stations import fresh_station, polling_clock
from tps_console.demo import DEMO_OFFICERS
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.db import read
from tps_console.domain.record.models import Voter
from tps_console.domain.record.station import open_record

TURNOUT = r"\d+ / \d+ pemilih"
TABS, QUICK_TABS = 20, 5
FIRST_FRAMES, QUICK_FIRST_FRAMES = 7, 3
CHECK_INS, QUICK_CHECK_INS = 80, 20  # with the tabs watching, and as many with them stopped
BLOCK = 10
# Between check-ins: a busy desk's pace, a voter a second or so (an officer scanning slips of
# an escorted block takes two or three). Every tab redraws after every check-in; at ten a
# second, faster than any desk, twenty tabs' redraws would fill both cores of the laptop.
PAUSE_S = (0.5, 1.5)
GOAL_RATIO = 1.1
TABS_READY_S = 300.0


def measure(quick: bool) -> dict[str, Any]:
    browser_path = chromium()
    if browser_path is None:
        raise RuntimeError("no chromium on this computer (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise RuntimeError("Playwright is a development tool: uv sync --group dev") from exc
    rounds = QUICK_CHECK_INS if quick else CHECK_INS
    station = fresh_station(2 * rounds + 20, "web")
    with tempfile.TemporaryDirectory(prefix="tps-bench-web-") as tmp:
        errors = (Path(tmp) / "server.err").open("w")
        with web_panel(station, errors=errors) as (url, server), sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=browser_path)
            try:
                opens = QUICK_FIRST_FRAMES if quick else FIRST_FRAMES
                panel_ms = [_first_frame(browser, url, TURNOUT) for _ in range(opens)]
                with _hello_server(Path(tmp) / "hello.db") as hello_url:
                    hello_ms = [
                        _first_frame(browser, hello_url, "Hello, world") for _ in range(opens)
                    ]
            finally:
                browser.close()
            tabs = QUICK_TABS if quick else TABS
            watched, baseline, ready_s = _check_ins_beside_tabs(
                station, url, server.pid, tabs, rounds
            )
    ratio = p99(watched) / p99(baseline)
    return {
        "web_panel_first_frame_ms": entry(
            statistics.median(panel_ms),
            statistics.median(hello_ms),
            "ms",
            tabs_opened=opens,
            slowest_ms=round(max(panel_ms), 1),
        ),
        "web_checkin_p99_ms": entry(
            p99(watched),
            p99(baseline),
            "ms",
            tabs=tabs,
            tabs_ready_s=round(ready_s, 1),
            samples=len(watched),
            median_ms=round(statistics.median(watched), 2),
            pause_s=list(PAUSE_S),
            baseline_median_ms=round(statistics.median(baseline), 2),
            goal=f"ratio <= {GOAL_RATIO} (p99 with {tabs} tabs open / none open)",
            goal_met=ratio <= GOAL_RATIO,
        ),
    }


def _first_frame(browser: Any, url: str, pattern: str) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 800})
    try:
        tab = Tab(page)
        start = time.perf_counter()
        tab.open(url)
        tab.wait_for(pattern)
        return 1000 * (time.perf_counter() - start)
    finally:
        page.close()


class _hello_server:
    """bench/hello.py served through the panel's own server code, on a free port."""

    def __init__(self, db: Path) -> None:
        from tps_console.web.server import PanelServer

        self.server = PanelServer(
            [sys.executable, "-m", "tps_console.bench.hello", str(db)], "hello"
        )
        self.loop = asyncio.new_event_loop()
        self.port: int | None = None
        self.ready = threading.Event()

    def __enter__(self) -> str:
        threading.Thread(target=self._run, daemon=True).start()
        self.ready.wait(30)
        return f"http://127.0.0.1:{self.port}/"

    def _run(self) -> None:
        from tps_console.web.server import serve

        def bound(port: int) -> None:
            self.port = port
            self.ready.set()

        self.task = self.loop.create_task(serve(self.server, "127.0.0.1", 0, bound))
        with contextlib.suppress(asyncio.CancelledError):
            self.loop.run_until_complete(self.task)

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.task.cancel)


def _processes_under(pid: int) -> list[int]:
    """The server and every tab's panel process under it (Linux: /proc)."""
    found = [pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _check_ins_beside_tabs(
    station: Path, url: str, server: int, tabs: int, rounds: int
) -> tuple[list[float], list[float], float]:
    """Check-ins in blocks, the tabs watching in every other block and stopped (SIGSTOP, the
    server with them) in the others: the same tabs, the same station, the same minutes of
    the machine's other load for both; a stopped tab costs the desk nothing, as a closed one."""
    rec = open_record(station, polling_clock(), desk="bench")
    member = next(o for o in DEMO_OFFICERS if o.role == "member")
    officer = OfficerInfo(member.id, member.name, member.role)
    with read(rec.engine) as conn:
        voters = list(conn.execute(select(col(Voter.id)).order_by(col(Voter.no))).scalars())
    queue = iter(voters)
    rng = random.Random(14)

    def block(count: int) -> list[float]:
        samples = []
        for _ in range(count):
            time.sleep(rng.uniform(*PAUSE_S))
            voter_id = next(queue)
            start = time.perf_counter()
            check_in(rec, officer, voter_id=voter_id)
            samples.append(1000 * (time.perf_counter() - start))
        return samples

    watched: list[float] = []
    stopped: list[float] = []
    try:
        for _ in range(10):  # statements compiled, caches warm: not timed
            check_in(rec, officer, voter_id=next(queue))
        opened = time.perf_counter()
        with SocketTabs(url, tabs) as open_tabs:
            # Twenty processes started at once, at a low priority: on a busy machine, minutes.
            open_tabs.all_show(TURNOUT, timeout=TABS_READY_S)
            ready_s = time.perf_counter() - opened
            time.sleep(2.0)  # every tab's process past its start-up
            processes = _processes_under(server)
            if len(processes) < tabs + 1:
                raise RuntimeError(f"{len(processes) - 1} tab processes found, not {tabs}")
            # Blocks in the order ABBA ABBA ...: a drift over the run weighs on both alike.
            for n in range(2 * rounds // BLOCK):
                watching = n % 4 in (0, 3)
                for pid in processes:
                    os.kill(pid, signal.SIGCONT if watching else signal.SIGSTOP)
                time.sleep(1.0)  # resumed tabs redraw what they missed
                gc.collect()
                (watched if watching else stopped).extend(block(BLOCK))
            for pid in processes:
                os.kill(pid, signal.SIGCONT)
    finally:
        rec.close()
    return watched, stopped, ready_s
