"""The panel for browser tabs: read-only panel processes run by textual-serve, one for all the
tabs of one size.

What a tab can reach is fixed here, not by the page:
- the command is the argument list given at start (`sys.executable -m tps_console panel DB`, or
  the one-file executable's own path), started without a shell, with no part of it taken from
  a request; every process runs the same panel of the same station;
- a tab sends its size and nothing else that is passed on: its keys go nowhere (the panel opens
  the file read-only besides, so no key could change the record), and the server's own
  download route and folder listings are not served;
- with an access code, the page asks for it first, and neither the page nor the websocket is
  served without the cookie it sets; the code is compared in constant time, a wrong one waits;
- nothing is fetched from the internet: the page is this package's own, its font is the one
  textual-serve bundles, and its Content-Security-Policy lets it load from this server only.

Every tab shows the same figures on the same grid of GRID cells: the page (panel.html) picks
the largest font its window holds for it, so a projector and a phone show the same picture, each
as large as it can. Tabs of one size share one process (`SharedPanel`): its frames go to each of
them, and a tab that joins later is sent the terminal modes the process set first, then a full
redraw. Twenty tabs on a projector and the witnesses' laptops are one process, not twenty (each
a Python process redrawing after every commit, on the laptop the desk may run on: `bench --area
web` measures what tabs cost a check-in). A tab whose window holds fewer cells than the grid
(a page that could not fit it) gets a process of its own size. A process with no tab left runs
on for LINGER_S, so that a page loaded again (a new window size) finds it. At most MAX_TABS tabs
at once, and the processes run at a lower priority than the desk.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import html
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from tps_console.i18n import t

HERE = Path(__file__).parent
STATIC = Path(textual_serve.__file__).parent / "static"
MAX_TABS = 30
# The panel's size in a browser, in cells (columns, rows): wide, since most windows are wider
# than the panel at 80x24 is, and few rows, since rows decide the font size.
GRID = (120, 30)
LINGER_S = 10.0
# Lower than the desk (POSIX niceness: 0 is normal, 19 the lowest).
NICENESS = 10
WRONG_CODE_DELAY_S = 1.0
COOKIE = "tps_panel"
# A tab's process inherits the server's environment, less what no panel needs.
PRIVATE_ENV = ("TPS_PIN", "TPS_BACKUP_PASSPHRASE")
MAX_MESSAGE = 64 * 1024
MAX_CELLS = 1000
QUIT_TIMEOUT_S = 5.0
# A tab whose window is being dragged to a new size sends a size for every step of the drag:
# it moves to the panel of its new size once the size has held this long.
RESIZE_SETTLE_S = 0.4
# A tab that takes longer than this to take a frame is let go, so that it holds up no other.
SEND_TIMEOUT_S = 10.0
# What the server, never a tab, types to a process for a tab that joins it: the panel's redraw
# key (Ctrl+L, as in a terminal).
REDRAW = b"\x0c"
Size = tuple[int, int]


def panel_command(db: Path, *, lang: str, now: str | None = None) -> list[str]:
    """The command each tab runs: this program's `panel` on `db`, from source or frozen."""
    program = (
        [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "tps_console"]
    )
    drill = ["--now", now] if now else []
    return [*program, "--lang", lang, *drill, "panel", str(Path(db).resolve())]


class PanelTab(AppService):
    """One tab's panel process, started from an argument list (textual-serve starts a shell
    command line; a station's path with spaces or quotes must never be parsed by a shell)."""

    def __init__(self, argv: Sequence[str], **kwargs: Any) -> None:
        super().__init__(subprocess.list2cmdline(argv), **kwargs)
        self.argv = tuple(argv)

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        env = self._build_environment(width=width, height=height)
        for name in PRIVATE_ENV:
            env.pop(name, None)
        extra: dict[str, Any] = {}
        if sys.platform == "win32":
            extra["creationflags"] = subprocess.BELOW_NORMAL_PRIORITY_CLASS
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env,
            **extra,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """Ask the panel to quit, then make sure its process is gone (and reaped)."""
        await super().stop()
        process = self._process
        if process is not None and process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), QUIT_TIMEOUT_S)
            except TimeoutError:
                process.kill()
                await process.wait()


class SharedPanel:
    """One panel process drawing for every tab of one size: each frame it writes goes to all."""

    def __init__(self, argv: Sequence[str], size: Size, downloads: DownloadManager) -> None:
        self.size = size
        self.viewers: set[web.WebSocketResponse] = set()
        self.process = PanelTab(
            argv,
            write_bytes=self._frame,
            write_str=self._text,
            close=self._ended,
            download_manager=downloads,
        )
        self._starting: asyncio.Future[None] | None = None
        self.ended = False  # the process is gone: no tab may join it
        self._stopping: asyncio.Task[None] | None = None  # with no tab left, after a while
        self._prelude: bytes | None = None  # the terminal modes the process set first
        # Closings under way, kept so that none is collected before it has finished.
        self._closing: set[asyncio.Task[object]] = set()

    async def join(self, socket: web.WebSocketResponse) -> None:
        if self._stopping is not None:
            self._stopping.cancel()
            self._stopping = None
        if self._starting is None:
            self.viewers.add(socket)
            self._starting = asyncio.ensure_future(self._start())
            await self._starting
            return
        await self._starting
        if self._prelude is not None:
            await socket.send_bytes(self._prelude)
        self.viewers.add(socket)
        await self.process.send_bytes(REDRAW)  # the whole screen again, for the newcomer

    async def _start(self) -> None:
        await self.process.start(*self.size)
        assert self.process._task is not None
        # However the process ends (quits, crashes, is killed), its tabs are told.
        self.process._task.add_done_callback(lambda _: self._soon(self._ended()))

    def leave(
        self, socket: web.WebSocketResponse, *, linger_s: float, gone: Callable[[], None]
    ) -> None:
        """Take a tab off. With none left, the process stops after `linger_s` (`gone` is called
        first), unless a tab joins it meanwhile."""
        self.viewers.discard(socket)
        if not self.viewers and self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop_after(linger_s, gone))

    async def _stop_after(self, linger_s: float, gone: Callable[[], None]) -> None:
        await asyncio.sleep(linger_s)
        gone()
        await self.stop()

    async def stop(self) -> None:
        if self._stopping is not None and self._stopping is not asyncio.current_task():
            self._stopping.cancel()
        with contextlib.suppress(Exception):
            await self.process.stop()

    async def _frame(self, data: bytes) -> None:
        if self._prelude is None:
            self._prelude = data
        await self._to_each(lambda socket: socket.send_bytes(data))

    async def _text(self, text: str) -> None:
        await self._to_each(lambda socket: socket.send_str(text))

    async def _to_each(self, send: Callable[[web.WebSocketResponse], Awaitable[None]]) -> None:
        viewers = list(self.viewers)
        sent = await asyncio.gather(
            *(asyncio.wait_for(send(v), SEND_TIMEOUT_S) for v in viewers), return_exceptions=True
        )
        for viewer, result in zip(viewers, sent, strict=True):
            if isinstance(result, BaseException):  # gone or stuck: its handler takes it off
                self.viewers.discard(viewer)
                self._soon(viewer.close())

    def _soon(self, closing: Coroutine[Any, Any, object]) -> None:
        task = asyncio.ensure_future(closing)
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def _ended(self) -> None:
        self.ended = True
        for viewer in list(self.viewers):
            with contextlib.suppress(Exception):
                await viewer.close()


def _page(name: str, **values: str) -> str:
    template = Template((HERE / name).read_text(encoding="utf-8"))
    return template.substitute({k: html.escape(v) for k, v in values.items()})


class PanelServer:
    """The aiohttp application: the page, the access code, the tabs' websockets, the static files."""

    def __init__(
        self,
        argv: Sequence[str],
        title: str,
        *,
        code: str | None = None,
        max_tabs: int = MAX_TABS,
        linger_s: float = LINGER_S,
    ) -> None:
        self.argv = tuple(argv)
        self.linger_s = linger_s
        self.title = title
        self.code = code or None
        self.max_tabs = max_tabs
        self.token = secrets.token_urlsafe(32)
        self.tabs: set[web.WebSocketResponse] = set()
        self.panels: dict[Size, SharedPanel] = {}  # by size: the processes running
        self.downloads = DownloadManager()

    def application(self) -> web.Application:
        app = web.Application(middlewares=[self._headers])
        app.add_routes(
            [
                web.get("/", self.index),
                web.post("/", self.enter_code),
                web.get("/ws", self.websocket),
                web.static("/static", STATIC, show_index=False),
            ]
        )
        app.on_shutdown.append(self._close_tabs)
        return app

    @web.middleware
    async def _headers(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        response = await handler(request)
        scheme = "wss" if request.secure else "ws"
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
            f"connect-src 'self' {scheme}://{request.host}; frame-ancestors 'none'; "
            "form-action 'self'; base-uri 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    def _let_in(self, request: web.Request) -> bool:
        if self.code is None:
            return True
        return hmac.compare_digest(request.cookies.get(COOKIE, "").encode(), self.token.encode())

    def _form(self, *, wrong: bool, status: int = 200) -> web.Response:
        page = _page(
            "code.html",
            title=self.title,
            ask=t("web.code_ask"),
            label=t("web.code_label"),
            button=t("web.code_button"),
            wrong=t("web.code_wrong") if wrong else "",
        )
        return web.Response(text=page, content_type="text/html", status=status)

    async def index(self, request: web.Request) -> web.Response:
        if not self._let_in(request):
            return self._form(wrong=False)
        if len(self.tabs) >= self.max_tabs:
            return web.Response(text=t("web.full", count=self.max_tabs), status=503)
        scheme = "wss" if request.secure else "ws"
        page = _page(
            "panel.html",
            title=self.title,
            websocket=f"{scheme}://{request.host}/ws",
            starting=self.title,
            ended=t("web.ended"),
            restart=t("web.restart"),
            cols=str(GRID[0]),
            rows=str(GRID[1]),
        )
        return web.Response(text=page, content_type="text/html")

    async def enter_code(self, request: web.Request) -> web.Response:
        if self.code is None:
            raise web.HTTPSeeOther("/")
        form = await request.post()
        given = str(form.get("code", "")).strip()
        if not hmac.compare_digest(given.encode(), self.code.encode()):
            await asyncio.sleep(WRONG_CODE_DELAY_S)
            return self._form(wrong=True, status=403)
        response = web.HTTPSeeOther("/")
        response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict", path="/")
        raise response

    def _same_origin(self, request: web.Request) -> bool:
        """A page of another site open in the same browser must not open a tab on this one."""
        origin = request.headers.get("Origin")
        return origin is None or urlsplit(origin).netloc == request.host

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        if not self._let_in(request) or not self._same_origin(request):
            raise web.HTTPForbidden()
        if len(self.tabs) >= self.max_tabs:
            raise web.HTTPServiceUnavailable(text=t("web.full", count=self.max_tabs))
        socket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        await socket.prepare(request)
        self.tabs.add(socket)
        size = _size(request.query.get("width"), request.query.get("height"))
        try:
            await self._relay(socket, size)
        finally:
            self.tabs.discard(socket)
            await socket.close()
        return socket

    async def _relay(self, socket: web.WebSocketResponse, size: Size) -> None:
        """What a tab may send and what is done with it: its size (it moves to the panel of that
        size once the size holds) and pings. Keys, focus and blur go nowhere: the process draws
        for every tab of its size, and no tab may quit it or steer it."""
        shown = size
        await self._join(socket, shown)
        moving: asyncio.Task[None] | None = None

        async def move_to(wanted: Size) -> None:
            nonlocal shown
            await asyncio.sleep(RESIZE_SETTLE_S)
            if wanted != shown:
                old, shown = shown, wanted
                self._drop(socket, old)  # no frame of the old size reaches it now
                await self._join(socket, shown)

        try:
            async for message in socket:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    kind, *rest = json.loads(message.data)
                except (ValueError, TypeError):
                    continue
                data = rest[0] if rest else None
                if kind == "resize" and isinstance(data, dict):
                    if moving is not None:
                        moving.cancel()
                    wanted = _size(data.get("width"), data.get("height"))
                    moving = asyncio.ensure_future(move_to(wanted))
                elif kind == "ping":
                    await socket.send_json(["pong", data])
        finally:
            if moving is not None:
                moving.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await moving
            self._drop(socket, shown)

    async def _join(self, socket: web.WebSocketResponse, size: Size) -> None:
        panel = self.panels.get(size)
        if panel is None or panel.ended:
            panel = self.panels[size] = SharedPanel(self.argv, size, self.downloads)
        await panel.join(socket)

    def _drop(self, socket: web.WebSocketResponse, size: Size) -> None:
        """Take the tab off the panel of `size` (which stops a while after its last tab)."""
        panel = self.panels.get(size)
        if panel is not None:
            panel.leave(socket, linger_s=self.linger_s, gone=lambda: self._forget(panel))

    def _forget(self, panel: SharedPanel) -> None:
        if self.panels.get(panel.size) is panel:
            del self.panels[panel.size]

    async def _close_tabs(self, app: web.Application) -> None:
        for panel in list(self.panels.values()):
            await panel.stop()


def _size(width: object, height: object) -> Size:
    """The panel's size for a tab whose window holds `width` x `height` cells: the GRID if it
    holds that (any page that fitted the grid), else its own (a page that could not)."""
    size = (_cells(width, 80), _cells(height, 24))
    if size[0] >= GRID[0] and size[1] >= GRID[1]:
        return GRID
    return size


def _cells(value: object, default: int) -> int:
    try:
        return max(1, min(MAX_CELLS, int(str(value))))
    except ValueError:
        return default


def lower_priority() -> None:
    """The server and, through inheritance, every tab's process yield the CPU to the desk. On
    Linux they run only when the CPU would otherwise be idle (SCHED_IDLE): a witness's view
    may lag by a frame, a check-in never waits for one. Elsewhere, a high niceness."""
    with contextlib.suppress(OSError, AttributeError):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        return
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)


async def serve(server: PanelServer, host: str, port: int, ready: Callable[[int], None]) -> None:
    """Serve until cancelled (Ctrl+C); `ready` gets the port bound (`port` 0: a free one)."""
    runner = web.AppRunner(server.application(), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host or None, port)
        await site.start()
        ready(int(runner.addresses[0][1]))
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
