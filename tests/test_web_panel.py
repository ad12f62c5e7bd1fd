"""The panel in a browser: a witness's projector laptop opens it on the LAN, sees the turnout
change as the desk checks voters in, and can neither change anything nor reach anything else."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import logging
import os
import random
import re
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import zxingcpp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from PIL import Image

from tests.helpers import make_drill_station, make_station, wib
from tests.helpers.pg import server_address
from tests.helpers.wait import eventually
from tps_console.bench.browser import Tab, chromium, web_panel
from tps_console.cli.main import main
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import Clock, FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.machine.launch import panel_environment
from tps_console.samples.demo import DEMO_OFFICERS
from tps_console.web.access import CodeDoor, Verdict
from tps_console.web.frames import screen_text
from tps_console.web.server import (
    FALLBACK,
    GRID,
    MAX_CELLS,
    MAX_TABS,
    MIN_FONT_PX,
    STATIC,
    PanelServer,
    panel_command,
)

TURNOUT = r"(\d+) / 180 pemilih"
Client = TestClient[web.Request, web.Application]
MEMBER = OfficerInfo("anggota4", DEMO_OFFICERS[1].name, "member")
QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
ON_GRID = f"/ws?width={GRID[0]}&height={GRID[1]}"  # as every page that fitted the grid asks


@pytest.fixture
def drill(tmp_path: Path) -> Iterator[Record]:
    """A training station on the real clock: the panel's processes read the same drill time."""
    rec = make_drill_station(tmp_path / "latihan.db", Clock(), wib(9))
    yield rec
    rec.close()


def test_every_panel_process_runs_exactly_this_programs_panel_handed_its_station(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert panel_command(lang="id") == [
        sys.executable,
        "-m",
        "tps_console",
        "--lang",
        "id",
        "panel",
    ]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/tps/tps-console")
    assert panel_command(lang="en", now="2024-02-14T09:00+07:00") == [
        "/opt/tps/tps-console", "--lang", "en", "--now", "2024-02-14T09:00+07:00", "panel",
    ]  # fmt: skip


def _server(drill: Record, title: str = "Panel", **options: Any) -> PanelServer:
    """The server `panel --web` makes for the drill station (its station in the processes'
    environment), with `options` for the test."""
    assert drill.path is not None
    environment = panel_environment(drill.path)
    return PanelServer(panel_command(lang="id"), title, environment=environment, **options)


@pytest.fixture
async def client(drill: Record) -> AsyncIterator[Client]:
    async with TestClient(TestServer(_server(drill, "Panel saksi — TPS 901").application())) as c:
        yield c


@pytest.fixture
async def coded(drill: Record) -> AsyncIterator[Client]:
    door = CodeDoor("7391", first_wait_s=0.01, say=lambda _: None)
    async with TestClient(TestServer(_server(drill, door=door).application())) as c:
        yield c


async def test_the_page_loads_nothing_from_the_internet(client: Client) -> None:
    page = await (await client.get("/")).text()
    assert "googleapis" not in page
    linked = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)|url\(["']?([^"')]+)""", page)
    urls = [a or b for a, b in linked]
    assert urls and all(u.startswith("/static/") for u in urls), urls
    for url in urls:
        assert (await client.get(url)).status == 200, url
    # The assets themselves fetch nothing from elsewhere (their licence comments name sites).
    for asset in ("css/xterm.css", "js/textual.js"):
        text = (STATIC / asset).read_text(encoding="utf-8")
        assert not re.search(r"""(url\(|@import|fetch\(|src=)\s*["']?https?://""", text)
    policy = (await client.get("/")).headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "http" not in policy.replace("ws://", "")


async def test_nothing_else_of_the_server_is_reachable(client: Client) -> None:
    assert (await client.get("/static/")).status in (403, 404)
    assert (await client.get("/download/anything")).status == 404
    assert (await client.get("/static/../server.py")).status in (403, 404)
    other_site = {"Origin": "http://evil.example"}
    assert (await client.get("/ws", headers=other_site)).status == 403


async def test_with_an_access_code_nothing_is_served_before_the_code(coded: Client) -> None:
    form = await (await coded.get("/")).text()
    assert 'name="code"' in form and "textual.js" not in form
    with pytest.raises(aiohttp.WSServerHandshakeError):
        await coded.ws_connect("/ws")
    wrong = await coded.post("/", data={"code": "1111"}, allow_redirects=False)
    assert wrong.status == 403 and "Kode salah" in await wrong.text()
    assert not coded.session.cookie_jar.filter_cookies(coded.make_url("/"))
    right = await coded.post("/", data={"code": "7391"}, allow_redirects=False)
    assert right.status == 303
    assert "textual.js" in await (await coded.get("/")).text()


async def test_wrong_codes_sent_at_once_queue_at_a_growing_pace_then_lock_everyone_out(
    drill: Record,
) -> None:
    """24 guesses at once, as a guesser on the LAN sends them: checked one at a time, each wrong
    one waiting longer; after 10 the door is shut, the right code refused too, and the server's
    console names the guesser's address and the lock-out."""
    console: list[str] = []
    door = CodeDoor(
        "7391", first_wait_s=0.02, longest_wait_s=0.08, lockout_s=1.0, say=console.append
    )
    async with _serving(drill, door=door, keep_grid=False) as (_, c):
        began = asyncio.get_running_loop().time()
        guesses = [c.post("/", data={"code": f"{n:04d}"}, allow_redirects=False) for n in range(24)]
        answers = await asyncio.gather(*guesses)
        took = asyncio.get_running_loop().time() - began
        assert took >= sum(door.wait_s(n) for n in range(1, 10))  # 0.02 + 0.04 + 7 x 0.08
        assert sorted(a.status for a in answers) == [403] * 9 + [429] * 15
        right = await c.post("/", data={"code": "7391"}, allow_redirects=False)
        assert right.status == 429 and "Terlalu banyak kode salah" in await right.text()
        assert not c.session.cookie_jar.filter_cookies(c.make_url("/"))
        wrong = [line for line in console if line.startswith("Kode akses salah dari 127.0.0.1")]
        assert len(wrong) == 10 and sum("DIKUNCI" in line for line in console) == 1
        await asyncio.sleep(door.shut_for_s())
        right = await c.post("/", data={"code": "7391"}, allow_redirects=False)
        assert right.status == 303 and door.wrong == 0


MALFORMED: list[str | bytes] = [
    "not json",
    '{"resize": [1, 2]}',
    '["resize", {"width": "120", "height": 30}]',
    '["resize", {"width": 120, "height": 30, "then": "more"}]',
    '["resize", {"width": 1e9, "height": 30}]',
    '["stdin", "q", "and more"]',
    '["quit"]',
    "[" * 20_000 + "]" * 20_000,
    '["ping", "' + "x" * 70_000 + '"]',  # larger than a message may be
    b"\x00\xff garbage",
]


async def test_a_malformed_message_closes_that_tab_only_and_quietly(
    drill: Record, caplog: pytest.LogCaptureFixture
) -> None:
    async with _serving(drill) as (server, c):
        other = await c.ws_connect(ON_GRID)
        await _until_drawn(other, [], TURNOUT)
        for sent in MALFORMED:
            bad = await c.ws_connect(ON_GRID)
            if isinstance(sent, bytes):
                await bad.send_bytes(sent)
            else:
                await bad.send_str(sent)
            while (message := await asyncio.wait_for(bad.receive(), 10)).type in (
                aiohttp.WSMsgType.BINARY,
                aiohttp.WSMsgType.TEXT,
            ):
                pass
            assert message.type == aiohttp.WSMsgType.CLOSE, sent[:40]
            await other.send_json(["ping", "still here"])
            while (message := await asyncio.wait_for(other.receive(), 10)).type != (
                aiohttp.WSMsgType.TEXT
            ):
                assert message.type == aiohttp.WSMsgType.BINARY
            assert message.json() == ["pong", "still here"]
            await eventually(lambda: len(server.tabs) == 1)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]


async def _send_each(url: str, messages: list[str | bytes]) -> None:
    """Each message on a tab of its own, opened at `url` (http://...), until it is closed."""
    async with aiohttp.ClientSession() as session:
        for sent in messages:
            async with session.ws_connect(
                url.replace("http", "ws", 1).rstrip("/") + ON_GRID
            ) as bad:
                if isinstance(sent, bytes):
                    await bad.send_bytes(sent)
                else:
                    await bad.send_str(sent)
                while not bad.closed:
                    await asyncio.wait_for(bad.receive(), 10)


@pytest.mark.long
def test_the_servers_console_and_log_show_no_traceback_for_malformed_messages(
    drill: Record, tmp_path: Path
) -> None:
    assert drill.path is not None
    console: list[str] = []
    with (
        (tmp_path / "server.err").open("w") as errors,
        web_panel(drill.path, errors=errors, console=console) as (url, _),
    ):
        asyncio.run(_send_each(url, MALFORMED))
    deadline = time.monotonic() + 10
    while "Panel peramban berhenti\n" not in console and time.monotonic() < deadline:
        time.sleep(0.05)
    written = "".join(console) + (tmp_path / "server.err").read_text()
    assert "Panel peramban berhenti" in written, written
    assert "Traceback" not in written and "Error" not in written, written


@pytest.mark.long
def test_a_server_station_whose_url_holds_its_password_is_served_with_the_url_on_no_argv(
    pg_url: str, clock: FixedClock, tmp_path: Path
) -> None:
    """`panel URL --web` with the password in the URL (and nowhere else: no PGPASSWORD): a tab
    gets the panel, and no panel process's command line, which every user can read, holds the
    URL or the password; the station is in the process's own environment."""
    make_station(pg_url, clock).close()
    host, port = server_address()
    user, password = os.environ.get("PGUSER", "postgres"), os.environ["PGPASSWORD"]
    url = f"postgresql://{user}:{password}@{host}:{port}/{pg_url.rsplit('/', 1)[1]}"
    environment = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
    with (
        (tmp_path / "server.err").open("w") as errors,
        web_panel(url, errors=errors, environment=environment) as (address, server),
    ):

        async def one_tab() -> None:
            async with aiohttp.ClientSession() as session:
                socket = await session.ws_connect(
                    address.replace("http", "ws", 1).rstrip("/") + ON_GRID
                )
                await _until_drawn(socket, [], TURNOUT)
                await socket.close()

        asyncio.run(one_tab())
        children = _processes_of(server.pid)
        assert children
        for pid in children:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes()
            assert password.encode() not in argv and b"postgresql" not in argv, argv
            assert f"TPS_PANEL_STATION={url}".encode() in Path(f"/proc/{pid}/environ").read_bytes()


@pytest.mark.long
@pytest.mark.skipif(sys.platform != "linux", reason="the kernel's parent-death signal")
def test_a_server_killed_outright_leaves_no_panel_process_behind(
    drill: Record, tmp_path: Path
) -> None:
    assert drill.path is not None
    with (
        (tmp_path / "server.err").open("w") as errors,
        web_panel(drill.path, errors=errors) as (_, server),
    ):
        [panel] = _processes_of(server.pid)
        server.kill()  # kill -9: no shutdown of its own
        server.wait()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{panel}/cmdline").exists() and time.monotonic() < deadline:
        if Path(f"/proc/{panel}/cmdline").read_bytes() == b"":  # a zombie, reaped by init
            break
        time.sleep(0.05)
    assert (
        not Path(f"/proc/{panel}/cmdline").exists()
        or not Path(f"/proc/{panel}/cmdline").read_bytes()
    )


def _processes_of(parent: int) -> list[int]:
    """Processes whose parent is `parent` (Linux: /proc)."""
    return [
        int(stat.parent.name)
        for stat in Path("/proc").glob("[0-9]*/stat")
        if _parent(stat) == parent
    ]


def _panel_processes() -> list[int]:
    """The panel processes this test's servers run (Linux: /proc)."""
    return [
        int(stat.parent.name)
        for stat in Path("/proc").glob("[0-9]*/stat")
        if _parent(stat) == os.getpid() and b"tps_console" in (stat.parent / "cmdline").read_bytes()
    ]


def _parent(stat: Path) -> int | None:
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


@pytest.mark.long
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="counts processes in /proc")
async def test_a_storm_of_tabs_resizing_and_reopening_starts_no_third_process(
    drill: Record,
) -> None:
    """Tabs of every size (too small, odd, huge) opened, resized and reopened as fast as a script
    sends them: never more than the two panel processes."""
    rng = random.Random(23)
    counted: list[int] = []

    def any_size() -> dict[str, int]:
        return {"width": rng.randint(1, MAX_CELLS), "height": rng.randint(1, MAX_CELLS)}

    async def tab(c: Client, until: float) -> None:
        loop = asyncio.get_running_loop()
        while loop.time() < until:
            size = (
                any_size()
                if rng.random() < 0.5
                else {"width": 80 + rng.randint(0, 50), "height": 24 + rng.randint(0, 10)}
            )
            socket = await c.ws_connect(f"/ws?width={size['width']}&height={size['height']}")
            for _ in range(rng.randint(0, 12)):
                if socket.closed:
                    break
                try:
                    await socket.send_json(["resize", any_size() if rng.random() < 0.3 else size])
                except ConnectionResetError:  # the server closed it meanwhile (too small)
                    break
                await asyncio.sleep(rng.uniform(0, 0.6))
                size = {"width": 80 + rng.randint(0, 50), "height": 24 + rng.randint(0, 10)}
            await socket.close()

    async def count(until: float) -> None:
        while asyncio.get_running_loop().time() < until:
            counted.append(len(_panel_processes()))
            await asyncio.sleep(0.05)

    async with _serving(drill, linger_s=0.3) as (server, c):
        until = asyncio.get_running_loop().time() + 6
        await asyncio.gather(count(until + 1), *(tab(c, until) for _ in range(MAX_TABS)))
        assert set(server.panels) <= {GRID, FALLBACK}
    assert max(counted) <= 2 and 2 in counted, sorted(set(counted))
    assert not _panel_processes()


async def _until_drawn(
    socket: aiohttp.ClientWebSocketResponse, frames: list[bytes], pattern: str
) -> None:
    while not re.search(pattern, screen_text(frames)):
        message = await asyncio.wait_for(socket.receive(), 30)
        if message.type == aiohttp.WSMsgType.BINARY:
            frames.append(message.data)
        elif message.type != aiohttp.WSMsgType.TEXT:
            raise AssertionError(f"the tab closed: {message}")


def _fingerprint(path: Path) -> list[str]:
    return [
        hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (path, Path(f"{path}-wal"))
        if p.exists()
    ]


@pytest.mark.long
async def test_keys_typed_in_a_tab_change_nothing(client: Client, drill: Record) -> None:
    """Every key a keyboard can send, Enter, Escape, control keys, mouse clicks: the panel has
    no action that writes and opens the file read-only; the record stays as it was."""
    assert drill.path is not None
    before = _fingerprint(drill.path)
    socket = await client.ws_connect("/ws?width=120&height=40")
    frames: list[bytes] = []
    await _until_drawn(socket, frames, TURNOUT)
    keys = [chr(c) for c in range(32, 127)]
    keys += ["\r", "\t", "\x1b", "\x1b[A", "\x1b[B", "\x10", "\x1b[15~", "\x1b[21~"]
    keys += ["\x1b[<0;10;10M", "\x1b[<0;10;10m", "\x1b[<0;60;38M", "\x1b[<0;60;38m"]
    keys += ["\x11", "\x03"]  # Ctrl+Q, Ctrl+C
    for key in keys:
        await socket.send_json(["stdin", key])
    await socket.send_json(["resize", {"width": 80, "height": 24}])
    await asyncio.sleep(1.0)
    # Not even q quits: a tab's keys go nowhere, since its panel draws for other tabs too.
    assert not socket.closed
    await socket.close()
    assert _fingerprint(drill.path) == before


@pytest.mark.long
async def test_every_window_shares_one_of_two_panels_and_one_that_joins_late_is_drawn_whole(
    drill: Record,
) -> None:
    async with _serving(drill, linger_s=0.2) as (server, c):
        # Pages that fitted the grid to a projector and to a laptop; a phone upright, which
        # fitted the fallback; a page whose font could not be loaded (the terminal takes the
        # window: any size at all).
        projector = await c.ws_connect(ON_GRID)
        laptop = await c.ws_connect(f"/ws?width={GRID[0] + 3}&height={GRID[1] + 1}")
        phone = await c.ws_connect(f"/ws?width={FALLBACK[0]}&height={FALLBACK[1]}")
        odd = await c.ws_connect(f"/ws?width={GRID[0] - 1}&height={GRID[1] + 9}")
        for tab in (projector, laptop, phone, odd):
            await _until_drawn(tab, [], TURNOUT)
        assert sorted(server.panels) == [FALLBACK, GRID]
        assert len(server.panels[FALLBACK].viewers) == 2
        # The figures are on screen already and do not change: only a redraw shows them.
        late = await c.ws_connect(ON_GRID)
        await _until_drawn(late, [], TURNOUT)
        assert len(server.panels) == 2 and len(server.panels[GRID].viewers) == 3

        for tab in (phone, odd):  # turned on its side; made larger
            await tab.send_json(["resize", {"width": 130, "height": 40}])
        await eventually(lambda: FALLBACK not in server.panels)  # its last tab gone: it stops
        assert len(server.panels[GRID].viewers) == 5
        for tab in (projector, laptop, phone, odd, late):
            await tab.close()
        await eventually(lambda: not server.tabs)
        assert list(server.panels) == [GRID]  # runs on for the next tab


async def test_a_tab_smaller_than_the_fallback_gets_no_panel_and_is_told_why(
    drill: Record,
) -> None:
    async with _serving(drill, keep_grid=False) as (server, c):
        tiny = await c.ws_connect(f"/ws?width={FALLBACK[0] - 1}&height=40")
        message = await asyncio.wait_for(tiny.receive(), 10)
        assert message.type == aiohttp.WSMsgType.CLOSE
        assert (
            message.extra == f"Jendela terlalu kecil: panel perlu {FALLBACK[0]}x{FALLBACK[1]} sel"
        )
        assert not server.panels  # nothing was started for it


@pytest.mark.long
async def test_the_grids_panel_runs_from_the_start_and_on_with_no_tab(drill: Record) -> None:
    """The first tab joins a running panel; a page loaded again (a new window size) finds it."""
    async with _serving(drill) as (server, c):
        await asyncio.wait_for(server.ready(), 60)  # before any tab
        panel = server.panels[GRID]
        first = await c.ws_connect(ON_GRID)
        await _until_drawn(first, [], TURNOUT)
        await first.close()
        await eventually(lambda: not panel.viewers)
        await asyncio.sleep(0.5)
        again = await c.ws_connect(ON_GRID)
        await _until_drawn(again, [], TURNOUT)
        assert server.panels[GRID] is panel and panel.process._process is not None
        assert panel.process._process.returncode is None
        await again.close()
    assert panel.process._process.returncode is not None  # the server's end stops it


async def test_a_tab_that_joins_is_sent_the_screen_as_it_stands_without_waiting_for_a_redraw(
    drill: Record, member: OfficerInfo
) -> None:
    """Its panel process stopped (SIGSTOP: it can draw nothing), a newcomer still sees the
    turnout, and the check-in drawn since the last whole screen: the server kept both."""
    async with _serving(drill) as (server, c):
        first = await c.ws_connect(ON_GRID)
        await _until_drawn(first, [], TURNOUT)
        check_in(drill, member, voter_id=1)
        await _until_drawn(first, [], r"\b1 / 180 pemilih")
        process = server.panels[GRID].process._process
        assert process is not None
        os.kill(process.pid, signal.SIGSTOP)
        try:
            late = await c.ws_connect(ON_GRID)
            await asyncio.wait_for(_until_drawn(late, [], r"\b1 / 180 pemilih"), 10)
        finally:
            os.kill(process.pid, signal.SIGCONT)
        for tab in (first, late):
            await tab.close()


@pytest.mark.long
async def test_a_panel_process_killed_closes_its_tabs_and_is_started_again_before_a_tab_asks(
    drill: Record,
) -> None:
    said: list[str] = []
    async with _serving(drill, say=said.append) as (server, c):
        tab = await c.ws_connect(ON_GRID)
        await _until_drawn(tab, [], TURNOUT)
        killed = server.panels[GRID]
        assert killed.process._process is not None
        killed.process._process.kill()  # kill -9: no goodbye from the panel
        with pytest.raises(AssertionError, match="the tab closed"):
            await _until_drawn(tab, [], "never drawn")
        # No tab asks, and a new one runs: "Buka lagi" then joins it.
        await eventually(lambda: server.panels.get(GRID, killed) is not killed, within=60)
        replaced = server.panels[GRID]
        await asyncio.wait_for(replaced.drawn.wait(), 60)
        # It had lived less than STEADY_S: a short pause first.
        assert said == ["Proses panel berhenti; dimulai lagi (setelah 0.5 detik)"]
        again = await c.ws_connect(ON_GRID)
        await _until_drawn(again, [], TURNOUT)
        assert server.panels[GRID] is replaced
        await again.close()


@contextlib.asynccontextmanager
async def _serving(drill: Record, **options: Any) -> AsyncIterator[tuple[PanelServer, Client]]:
    server = _server(drill, **options)
    async with TestClient(TestServer(server.application())) as client:
        yield server, client


@pytest.fixture
def chromium_beside(drill: Record, tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """`panel --web` on the drill station, and a Chromium to open it in: (address, browser)."""
    browser_path = chromium()
    if browser_path is None:
        pytest.skip("no chromium on this computer (apt-get install chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    assert drill.path is not None
    with (
        (tmp_path / "server.err").open("w") as errors,
        web_panel(drill.path, errors=errors) as (url, _),
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=browser_path)
        try:
            yield url, browser
        finally:
            browser.close()


@pytest.mark.long
def test_a_browser_tab_shows_the_turnout_and_follows_a_check_in(
    drill: Record, chromium_beside: tuple[str, Any]
) -> None:
    url, browser = chromium_beside
    tab = Tab(browser.new_page(viewport={"width": 1400, "height": 800}))
    tab.open(url)
    tab.wait_for(r"\b0 / 180 pemilih")
    check_in(drill, MEMBER, voter_id=1)  # this process is the desk, another process
    tab.wait_for(r"\b1 / 180 pemilih", timeout=10)
    host = url.split("/")[2]
    assert tab.requests and all(r.split("/")[2] == host for r in tab.requests), tab.requests


@pytest.mark.long
def test_a_phone_photograph_of_the_browser_tab_carries_a_proof_verify_accepts(
    drill: Record, chromium_beside: tuple[str, Any]
) -> None:
    url, browser = chromium_beside
    check_in(drill, MEMBER, voter_id=1)
    page = browser.new_page(viewport={"width": 1366, "height": 650})
    tab = Tab(page)
    tab.open(url)
    tab.wait_for(r"\b1 / 180 pemilih")
    found: list[str] = []
    for _ in range(40):  # until the frame with the code is painted
        image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        found = [r.text for r in zxingcpp.read_barcodes(image, formats=QR)]
        if found:
            break
        page.wait_for_timeout(250)
    [qr] = found
    assert verify(drill, expect=[qr]).ok
    assert read_status(drill).proof_code.split("№ ")[1].split(" ")[0] == qr.split(":")[3]


@pytest.mark.long
def test_a_window_of_any_size_shows_the_one_grid_in_the_largest_font_it_holds(
    chromium_beside: tuple[str, Any],
) -> None:
    url, browser = chromium_beside
    windows = {"projector": (1920, 1080), "laptop": (1366, 650), "old": (800, 600)}
    fonts: dict[str, int] = {}
    for name, (width, height) in windows.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        tab = Tab(page)
        tab.open(url)
        tab.wait_for(TURNOUT)
        assert [_asked_size(a) for a in tab.sockets] == [GRID], name
        fonts[name] = _font_size(page)
        box = page.evaluate(
            "document.querySelector('.xterm-screen').getBoundingClientRect().toJSON()"
        )
        # The grid fills the window one way (less what whole pixels per cell leave over) and
        # is centred both ways.
        assert max(box["width"] / width, box["height"] / height) > 0.85, (name, box)
        assert abs(box["x"] + box["width"] / 2 - width / 2) < 20, (name, box)
        assert abs(box["y"] + box["height"] / 2 - height / 2) < 20, (name, box)
        page.close()
    assert fonts["projector"] > fonts["laptop"] > fonts["old"] >= 8, fonts

    # A window made smaller loads the page again, in a smaller font, on the same grid.
    page = browser.new_page(viewport={"width": 1366, "height": 650})
    tab = Tab(page)
    tab.open(url)
    tab.wait_for(TURNOUT)
    with page.expect_navigation():
        page.set_viewport_size({"width": 800, "height": 600})
    tab.frames.clear()
    tab.wait_for(TURNOUT)
    assert [_asked_size(a) for a in tab.sockets] == [GRID, GRID]
    assert _font_size(page) == fonts["old"]


@pytest.mark.long
def test_a_window_that_cannot_hold_the_grid_gets_the_fallback_and_a_smaller_one_its_size(
    chromium_beside: tuple[str, Any],
) -> None:
    url, browser = chromium_beside
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone upright
    tab = Tab(page)
    tab.open(url)
    tab.wait_for(TURNOUT)
    assert [_asked_size(a) for a in tab.sockets] == [FALLBACK]
    assert _font_size(page) >= MIN_FONT_PX
    page.close()

    page = browser.new_page(viewport={"width": 300, "height": 200})
    tab = Tab(page)
    tab.open(url)
    words = page.locator("#too-small-text")
    words.wait_for(state="visible")
    said = re.fullmatch(
        r"Jendela ini terlalu kecil untuk panel: perlu sedikitnya (\d+)×(\d+) piksel\. .+",
        words.inner_text(),
    )
    assert said, words.inner_text()
    assert not tab.sockets  # nothing asked of the server
    # Made as large as it was told, the page loads again and shows the panel.
    with page.expect_navigation():
        page.set_viewport_size({"width": int(said[1]), "height": int(said[2])})
    tab.wait_for(TURNOUT)
    assert [_asked_size(a) for a in tab.sockets] == [FALLBACK]
    assert _font_size(page) == MIN_FONT_PX


def _font_size(page: Any) -> int:
    return int(page.evaluate("document.getElementById('terminal').dataset.fontSize"))


def _asked_size(url: str) -> tuple[int, int]:
    query = dict(p.split("=") for p in url.split("?", 1)[1].split("&"))
    return int(query["width"]), int(query["height"])


def test_the_addresses_printed_are_this_computers_on_the_lan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tps_console.web import lan

    assert all(not a.startswith("127.") for a in lan.lan_addresses())

    monkeypatch.setattr(lan, "lan_addresses", lambda: ["192.168.1.20", "10.0.0.5"])
    assert lan.urls_to_open("0.0.0.0", 8000) == [
        "http://192.168.1.20:8000/",
        "http://10.0.0.5:8000/",
        "http://localhost:8000/",
    ]
    assert lan.urls_to_open("127.0.0.1", 8765) == ["http://127.0.0.1:8765/"]
    assert not lan.reachable_from_lan("127.0.0.1") and lan.reachable_from_lan("0.0.0.0")


def test_web_options_without_web_are_refused(
    station: Record, capsys: pytest.CaptureFixture[str]
) -> None:
    assert station.path is not None
    assert main(["panel", str(station.path), "--code", "1234"]) == 2
    assert "--web" in capsys.readouterr().err


def test_a_port_already_in_use_is_said_and_nothing_is_served(
    station: Record, capsys: pytest.CaptureFixture[str]
) -> None:
    assert station.path is not None
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        argv = ["panel", str(station.path), "--web", "--host", "127.0.0.1", "--port", str(port)]
        assert main(argv) == 4
    assert f"Port {port} sudah dipakai" in capsys.readouterr().err


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[PanelServer]:
    """`panel --web` made to bind port 8765 and stop at once: the servers it made."""
    from tps_console.web import server

    made: list[PanelServer] = []

    async def bound_then_stopped(made_: PanelServer, host: str, port: int, ready: Any) -> None:
        made.append(made_)
        ready(8765)

    monkeypatch.setattr(server, "serve", bound_then_stopped)
    monkeypatch.setattr(server, "lower_priority", lambda: None)  # not this test process's
    monkeypatch.delenv("TPS_PANEL_CODE", raising=False)
    return made


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "0.0.0.0"])
def test_a_panel_others_can_reach_always_asks_a_code_made_and_shown_once_when_none_is_given(
    station: Record, capsys: pytest.CaptureFixture[str], served: list[PanelServer], host: str
) -> None:
    """A projector on the laptop's own cable (`--host 127.0.0.1`) is watched from this laptop
    only: told so, and asked no code. Beyond it, a code is made: typed from the console into a
    phone, in any case."""
    assert station.path is not None
    assert main(["panel", str(station.path), "--web", "--host", host]) == 0
    out = capsys.readouterr().out
    [server] = served
    if host != "0.0.0.0":
        assert server.door is None and "Hanya dari komputer ini" in out
        return
    assert server.door is not None and "Hanya dari komputer ini" not in out
    [code] = re.findall(r"ditampilkan sekali ini\): ([0-9A-Z]{4}-[0-9A-Z]{4})\n", out)
    assert out.count(code) == 1
    assert asyncio.run(server.door.check(code.lower(), "192.0.2.9")) is Verdict.RIGHT


def test_the_access_code_comes_from_the_environment_or_a_hidden_prompt_never_from_argv(
    station: Record,
    capsys: pytest.CaptureFixture[str],
    served: list[PanelServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tps_console.cli import prompt

    assert station.path is not None
    web = ["panel", str(station.path), "--web", "--host", "0.0.0.0"]
    assert main([*web, "--code", "7391"]) == 2  # every user of the laptop sees it in `ps`
    said = capsys.readouterr()
    assert "TPS_PANEL_CODE" in said.err and "--code saja" in said.err and not served

    monkeypatch.setenv("TPS_PANEL_CODE", "meja 901")
    assert main(web) == 0
    out = capsys.readouterr().out
    assert "meja" not in out.lower() and "Kode akses ditanya" in out
    monkeypatch.delenv("TPS_PANEL_CODE")

    typed = iter(["Saksi-901", "Saksi-901"])  # asked twice: a typo would lock the witnesses out
    monkeypatch.setattr(prompt.getpass, "getpass", lambda _: next(typed))
    monkeypatch.setattr(prompt.sys.stdin, "isatty", lambda: True)
    assert main([*web, "--code"]) == 0
    for server, code in zip(served, ["MEJA-9O1", "SAKSI901"], strict=True):
        assert server.door is not None
        assert asyncio.run(server.door.check(code, "192.0.2.9")) is Verdict.RIGHT
        assert asyncio.run(server.door.check(code + "2", "192.0.2.9")) is Verdict.WRONG

    monkeypatch.setattr(prompt.sys.stdin, "isatty", lambda: False)  # a script, no code given
    assert main([*web, "--code"]) == 2
    assert "TPS_PANEL_CODE" in capsys.readouterr().err
