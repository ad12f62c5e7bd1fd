"""The panel for browser tabs: at most two read-only panel processes, run by textual-serve, for
every tab there is.

What a tab can reach is fixed here, not by the page:
- the command is the argument list given at start (`sys.executable -m tps_console panel`, or
  the one-file executable's own path), started without a shell, with no part of it taken from
  a request; every process runs the same panel of the same station, which it is handed in its
  environment (`launch.panel_environment`), never on its command line: a server's URL may
  carry a password, and every user of the computer can read a process's argv;
- a tab sends its size and nothing else that is passed on: its keys go nowhere (the panel opens
  the file read-only besides, so no key could change the record), the server's own download
  route and folder listings are not served, and a message of any other shape (not JSON, binary,
  too large) closes that tab, quietly;
- with an access code, the page asks for it first, and neither the page nor the websocket is
  served without the cookie it sets; codes are checked by one `CodeDoor` (access.py): one at a
  time, a growing wait, a lock-out;
- nothing is fetched from the internet: the page is this package's own, its font is the one
  textual-serve bundles, and its Content-Security-Policy lets it load from this server only.

Every tab shows the same figures on one grid of GRID cells: the page (panel.html) picks the
largest font its window holds for it, so a projector and a phone show the same picture, each as
large as it can. One process draws the grid for all of them (`SharedPanel`): its frames go to
each tab, and a tab that joins later is sent the terminal modes the process set first, then a
full redraw. It is started with the server, so the first tab joins a running panel, and started
again as soon as it ends. A window that cannot hold the grid in a readable font (MIN_FONT_PX)
gets the FALLBACK grid, the panel's smallest, drawn by a second shared process started when a
tab first needs it (it runs on for LINGER_S after its last tab); a window smaller still is told
on the page how large it must be. So whatever tabs do (open, close, resize), the server runs at
most two panel processes: each is a Python process redrawing after every commit, on the laptop
the desk may run on (`bench --area web` measures what tabs cost a check-in). At most MAX_TABS
tabs at once, and the processes run at a lower priority than the desk.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import functools
import hmac
import html
import json
import os
import secrets
import signal
import subprocess
import sys
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

import textual_serve
from aiohttp import WSCloseCode, WSMessage, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from tps_console.i18n import t
from tps_console.web.access import CodeDoor, Verdict

HERE = Path(__file__).parent
STATIC = Path(textual_serve.__file__).parent / "static"
MAX_TABS = 30
Size = tuple[int, int]
# The panel's size in a browser, in cells (columns, rows): wide, since most windows are wider
# than the panel at 80x24 is, and few rows, since rows decide the font size.
GRID: Size = (120, 30)
# The panel's smallest size: for a window (a phone upright) that holds the grid only in a font
# smaller than MIN_FONT_PX.
FALLBACK: Size = (80, 24)
MIN_FONT_PX = 8
LINGER_S = 10.0  # the FALLBACK process, after its last tab
# A GRID process that ends within STEADY_S of its start is started again after a pause that
# doubles each time (RESTART_PAUSE_S): a station that cannot be opened is not a busy loop.
STEADY_S = 10.0
RESTART_PAUSE_S = (0.5, 30.0)
# The addresses are printed once the GRID panel has drawn its screen (or after this, whatever
# it does).
READY_TIMEOUT_S = 30.0
# Lower than the desk (POSIX niceness: 0 is normal, 19 the lowest).
NICENESS = 10
COOKIE = "tps_panel"
# A panel process inherits the server's environment, less what no panel needs.
PRIVATE_ENV = ("TPS_PIN", "TPS_BACKUP_PASSPHRASE", "TPS_PANEL_CODE")
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
# Newcomers within this of a redraw share the next one: a tab that reconnects in a loop makes
# the process redraw no more often than this.
REDRAW_GAP_S = 0.25
# What a newcomer is sent at once, before the redraw asked for it arrives: the last whole screen
# and every frame since, up to this many times the whole screen's bytes (then a redraw starts it
# anew).
SCREENS_KEPT = 8
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def panel_command(*, lang: str, now: str | None = None, command: str = "panel") -> list[str]:
    """The command of the panel processes: this program's `panel` (or `site`) with no DB (the
    station is in their environment), from source or frozen."""
    program = (
        [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "tps_console"]
    )
    drill = ["--now", now] if now else []
    return [*program, "--lang", lang, *drill, command]


class PanelTab(AppService):
    """A panel process, started from an argument list (textual-serve starts a shell command
    line; a station's path with spaces or quotes must never be parsed by a shell) with the
    environment given (None: this process's)."""

    def __init__(
        self, argv: Sequence[str], environment: Mapping[str, str] | None, **kwargs: Any
    ) -> None:
        super().__init__(subprocess.list2cmdline(argv), **kwargs)
        self.argv = tuple(argv)
        self.environment = environment

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        # textual-serve's environment is this process's plus its web driver's settings: the
        # same settings, over the environment given.
        served = self._build_environment(width=width, height=height)
        env = dict(os.environ if self.environment is None else self.environment)
        env.update((k, v) for k, v in served.items() if os.environ.get(k) != v)
        for name in PRIVATE_ENV:
            env.pop(name, None)
        extra: dict[str, Any] = {}
        if sys.platform == "win32":
            extra["creationflags"] = subprocess.BELOW_NORMAL_PRIORITY_CLASS
        elif sys.platform == "linux":
            extra["preexec_fn"] = _dies_with_its_server()
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


@functools.cache
def _dies_with_its_server() -> Callable[[], None]:
    """What a panel process runs before its program (Linux): it is killed when the server dies,
    however it dies (kill -9 included), rather than left drawing for no tab. It only reads, so
    nothing is lost. Looked up here, not in the child, which may only call it."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    return lambda: prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class SharedPanel:
    """One panel process drawing for every tab of one grid: each frame it writes goes to all."""

    def __init__(
        self,
        argv: Sequence[str],
        environment: Mapping[str, str] | None,
        size: Size,
        downloads: DownloadManager,
    ) -> None:
        self.size = size
        self.viewers: set[web.WebSocketResponse] = set()
        self.process = PanelTab(
            argv,
            environment,
            write_bytes=self._frame,
            write_str=self._text,
            close=self._ended,
            download_manager=downloads,
        )
        self._started: asyncio.Future[None] | None = None
        self.ended = False  # the process is gone or going: no tab may join it
        self.quitting = False  # asked to quit (no tab left, or the server's end)
        self.gone = asyncio.Event()  # its process has exited and been reaped
        self.drawn = asyncio.Event()  # it has drawn a whole screen
        self._lingering: asyncio.Task[None] | None = None  # with no tab left, for a while
        self._stopped: asyncio.Future[None] | None = None
        # The terminal modes the process set before it drew its first whole screen.
        self._prelude: list[bytes] = []
        # The last whole screen and the frames drawn over it since: the screen as it stands.
        self._screen: list[bytes] = []
        self._screen_bytes = 0
        self._whole_asked = False  # a redraw key sent, its whole screen not yet come
        self._redrawing: asyncio.Task[None] | None = None
        self._redrawn_at = float("-inf")
        # Closings under way, kept so that none is collected before it has finished.
        self._closing: set[asyncio.Future[object]] = set()

    def start(self) -> asyncio.Future[None]:
        """Start the process (once; every caller awaits the same start, which a caller that is
        cancelled meanwhile does not cancel)."""
        if self._started is None:
            self._started = asyncio.ensure_future(self._start())
        return asyncio.shield(self._started)

    async def _start(self) -> None:
        try:
            await self.process.start(*self.size)
        except BaseException:
            self.ended = True
            self.gone.set()
            raise
        assert self.process._task is not None
        # However the process ends (quits, crashes, is killed), its tabs are told.
        self.process._task.add_done_callback(lambda _: self._soon(self._finished()))

    async def _finished(self) -> None:
        await self._ended()
        if self.process._process is not None:
            await self.process._process.wait()
        self.gone.set()

    async def join(self, socket: web.WebSocketResponse) -> bool:
        """Add a tab; False if the process ended (or is quitting) first."""
        if self._lingering is not None and not self.quitting:
            self._lingering.cancel()
            self._lingering = None
        await self.start()
        if self.ended or self.quitting:
            return False
        # The screen as it stands, at once; the whole screen again follows for the newcomer,
        # in case a frame was drawn while this was on its way.
        shown = b"".join([*self._prelude, *self._screen])
        if shown:
            await socket.send_bytes(shown)
        self.viewers.add(socket)
        self._redraw()
        return True

    def _redraw(self) -> None:
        if self._redrawing is None:
            self._redrawing = asyncio.ensure_future(self._redraw_soon())

    async def _redraw_soon(self) -> None:
        loop = asyncio.get_running_loop()
        await asyncio.sleep(max(0.0, self._redrawn_at + REDRAW_GAP_S - loop.time()))
        # Taken off first: a tab that joins while the key is on its way asks for the next one.
        self._redrawing = None
        self._redrawn_at = loop.time()
        self._whole_asked = True
        await self.process.send_bytes(REDRAW)

    def leave(self, socket: web.WebSocketResponse, *, linger_s: float | None) -> None:
        """Take a tab off. With none left, the process stops after `linger_s` (None: never),
        unless a tab joins it meanwhile."""
        self.viewers.discard(socket)
        if linger_s is not None and not self.viewers and self._lingering is None:
            self._lingering = asyncio.ensure_future(self._stop_after(linger_s))

    async def _stop_after(self, linger_s: float) -> None:
        await asyncio.sleep(linger_s)
        await self.stop()

    async def stop(self) -> None:
        """Make the process quit, and wait until it is gone (once, whoever asks)."""
        self.quitting = True
        if self._stopped is None:
            self._stopped = asyncio.ensure_future(self._stop())
        await asyncio.shield(self._stopped)

    async def _stop(self) -> None:
        if self._started is None:
            self.ended = True
            self.gone.set()
            return
        with contextlib.suppress(Exception):
            await self._started
            await self.process.stop()
        await self.gone.wait()

    async def _frame(self, data: bytes) -> None:
        self._keep(data)
        await self._to_each(lambda socket: socket.send_bytes(data))

    def _keep(self, data: bytes) -> None:
        """Follow the screen as it stands. A whole screen writes at least a byte a cell (the
        modes set before the first are a few bytes each): the first, and the first after a
        redraw key, start it anew; a frame between only changes part of it."""
        first = not self.drawn.is_set()
        if len(data) >= self.size[0] * self.size[1] and (first or self._whole_asked):
            self.drawn.set()
            self._whole_asked = False
            self._screen, self._screen_bytes = [data], len(data)
        elif first:
            self._prelude.append(data)
        elif self._screen:
            self._screen.append(data)
            self._screen_bytes += len(data)
            if self._screen_bytes > SCREENS_KEPT * len(self._screen[0]):
                self._screen, self._screen_bytes = [], 0
                self._redraw()

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
    """The aiohttp application: the page, the access code, the tabs' websockets, the static
    files, and the panel processes (`argv`, run with `environment`; None: this process's)."""

    def __init__(
        self,
        argv: Sequence[str],
        title: str,
        *,
        environment: Mapping[str, str] | None = None,
        door: CodeDoor | None = None,
        max_tabs: int = MAX_TABS,
        linger_s: float = LINGER_S,
        keep_grid: bool = True,
        say: Callable[[str], None] = print,
    ) -> None:
        self.argv = tuple(argv)
        self.environment = environment
        self.linger_s = linger_s
        # The GRID process runs from the start and again when it ends (False: like FALLBACK's,
        # started for a tab and stopped LINGER_S after the last; the benchmark's cold start).
        self.keep_grid = keep_grid
        self.title = title
        self.door = door
        self.max_tabs = max_tabs
        self.say = say
        self.token = secrets.token_urlsafe(32)
        self.tabs: set[web.WebSocketResponse] = set()
        self.panels: dict[Size, SharedPanel] = {}  # by grid: the processes running
        self._slots = {GRID: asyncio.Lock(), FALLBACK: asyncio.Lock()}
        self.closing = False
        self._keeper: asyncio.Task[None] | None = None
        self._forgetting: set[asyncio.Task[None]] = set()
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
        app.on_startup.append(self._start_grid)
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
        # The page is never kept; the script, styles and font are this program's own files, kept
        # and asked again each time (a 304 while unchanged): a page loaded again (a window that
        # changed its size) does not fetch and compile half a megabyte of script anew.
        static = request.path.startswith("/static/")
        response.headers["Cache-Control"] = "no-cache" if static else "no-store"
        return response

    def _let_in(self, request: web.Request) -> bool:
        if self.door is None:
            return True
        return hmac.compare_digest(request.cookies.get(COOKIE, "").encode(), self.token.encode())

    def _form(self, *, said: str = "", status: int = 200) -> web.Response:
        page = _page(
            "code.html",
            title=self.title,
            ask=t("web.code_ask"),
            label=t("web.code_label"),
            button=t("web.code_button"),
            wrong=said,
        )
        return web.Response(text=page, content_type="text/html", status=status)

    async def index(self, request: web.Request) -> web.Response:
        if not self._let_in(request):
            return self._form()
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
            # The pixels are the page's to fill in: they depend on its font.
            too_small=t("web.too_small", width="{width}", height="{height}"),
            cols=str(GRID[0]),
            rows=str(GRID[1]),
            fallback_cols=str(FALLBACK[0]),
            fallback_rows=str(FALLBACK[1]),
            min_font=str(MIN_FONT_PX),
        )
        return web.Response(text=page, content_type="text/html")

    async def enter_code(self, request: web.Request) -> web.Response:
        if self.door is None:
            raise web.HTTPSeeOther("/")
        form = await request.post()
        verdict = await self.door.check(str(form.get("code", "")), request.remote or "?")
        if verdict is Verdict.LOCKED:
            said = t("web.code_locked", minutes=self.door.minutes_shut())
            return self._form(said=said, status=429)
        if verdict is Verdict.WRONG:
            return self._form(said=t("web.code_wrong"), status=403)
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
        grid = _grid(
            _cells(request.query.get("width"), 80), _cells(request.query.get("height"), 24)
        )
        try:
            if grid is None:
                await _too_small(socket)
            else:
                await self._relay(socket, grid)
        finally:
            self.tabs.discard(socket)
            await socket.close()
        return socket

    async def _relay(self, socket: web.WebSocketResponse, grid: Size) -> None:
        """What a tab may send and what is done with it: its size (it moves to the panel of
        that grid once the size holds) and pings. Keys, focus and blur go nowhere: the process
        draws for every tab, and no tab may quit it or steer it. Anything else closes the tab."""
        shown = grid
        if not await self._join(socket, shown):
            return
        moving: asyncio.Task[None] | None = None

        async def move_to(wanted: Size) -> None:
            nonlocal shown
            await asyncio.sleep(RESIZE_SETTLE_S)
            if wanted != shown:
                old, shown = shown, wanted
                self._drop(socket, old)  # no frame of the old grid reaches it now
                if not await self._join(socket, shown):
                    await socket.close()

        try:
            async for message in socket:
                said = _said(message)
                if said is None:
                    await socket.close(code=WSCloseCode.UNSUPPORTED_DATA)
                    break
                kind, data = said
                if kind == "resize":
                    if moving is not None:
                        moving.cancel()
                    wanted = _grid(*data)
                    if wanted is None:
                        await _too_small(socket)
                        break
                    moving = asyncio.ensure_future(move_to(wanted))
                elif kind == "ping":
                    await socket.send_json(["pong", data])
        finally:
            if moving is not None:
                moving.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await moving
            self._drop(socket, shown)

    async def _panel(self, grid: Size) -> SharedPanel | None:
        """The process for `grid`, made if there is none; one at a time per grid: a new one only
        once the last is gone. None once the server is ending."""
        async with self._slots[grid]:
            panel = self.panels.get(grid)
            if panel is not None and not (panel.ended or panel.quitting):
                return panel
            if panel is not None:
                await panel.stop()
            if self.closing:
                return None
            panel = self.panels[grid] = SharedPanel(
                self.argv, self.environment, grid, self.downloads
            )
            forgetting = asyncio.ensure_future(self._forget_when_gone(panel))
            self._forgetting.add(forgetting)
            forgetting.add_done_callback(self._forgetting.discard)
            return panel

    async def _forget_when_gone(self, panel: SharedPanel) -> None:
        await panel.gone.wait()
        if self.panels.get(panel.size) is panel:
            del self.panels[panel.size]

    async def _join(self, socket: web.WebSocketResponse, grid: Size) -> bool:
        for _ in range(3):  # a process that ends just then is replaced
            panel = await self._panel(grid)
            if panel is None:
                return False
            with contextlib.suppress(OSError):
                if await panel.join(socket):
                    return True
        return False

    def _drop(self, socket: web.WebSocketResponse, grid: Size) -> None:
        """Take the tab off the panel of `grid` (FALLBACK's stops a while after its last tab)."""
        panel = self.panels.get(grid)
        if panel is not None:
            kept = grid == GRID and self.keep_grid
            panel.leave(socket, linger_s=None if kept else self.linger_s)

    async def _start_grid(self, app: web.Application) -> None:
        if self.keep_grid:
            self._keeper = asyncio.ensure_future(self._keep_grid())

    async def _keep_grid(self) -> None:
        """The GRID process, from the server's start to its end: one that ends is started again
        at once, before a tab asks (after a growing pause if it keeps ending soon after its
        start)."""
        loop = asyncio.get_running_loop()
        pause = 0.0
        while (panel := await self._panel(GRID)) is not None:
            began = loop.time()
            with contextlib.suppress(OSError):
                await panel.start()
            await panel.gone.wait()
            if self.closing:
                return
            soon = loop.time() - began < STEADY_S
            pause = min(RESTART_PAUSE_S[1], max(RESTART_PAUSE_S[0], 2 * pause)) if soon else 0.0
            self.say(t("web.panel_again", seconds=f"{pause:g}"))
            await asyncio.sleep(pause)

    async def ready(self) -> None:
        """Until the GRID process has drawn its first screen: a tab opened now joins it."""
        while not (GRID in self.panels and self.panels[GRID].drawn.is_set()):
            await asyncio.sleep(0.05)

    async def _close_tabs(self, app: web.Application) -> None:
        self.closing = True
        if self._keeper is not None:
            self._keeper.cancel()
        for panel in list(self.panels.values()):
            await panel.stop()


def _grid(width: int, height: int) -> Size | None:
    """The grid for a tab whose window holds `width` x `height` cells: GRID if it holds that (any
    page that fitted the grid), else FALLBACK if it holds that, else None (too small)."""
    for grid in (GRID, FALLBACK):
        if width >= grid[0] and height >= grid[1]:
            return grid
    return None


def _cells(value: object, default: int) -> int:
    try:
        return max(1, min(MAX_CELLS, int(str(value))))
    except ValueError:
        return default if value is None else 0


def _said(message: WSMessage) -> tuple[str, Any] | None:
    """(kind, data) of a message shaped as textual.js sends it; None for anything else: binary,
    not JSON, another shape, or too large (aiohttp hands that over as an error)."""
    if message.type is not WSMsgType.TEXT:
        return None
    try:
        said = json.loads(message.data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(said, list) or not 1 <= len(said) <= 2 or not isinstance(said[0], str):
        return None
    kind, data = said[0], said[1] if len(said) == 2 else None
    if kind in ("stdin", "ping") and isinstance(data, str):
        return kind, data
    if kind in ("focus", "blur") and data is None:
        return kind, None
    if kind == "resize" and isinstance(data, dict) and data.keys() == {"width", "height"}:
        width, height = data["width"], data["height"]
        if all(type(v) is int and 1 <= v <= MAX_CELLS for v in (width, height)):
            return kind, (width, height)
    return None


async def _too_small(socket: web.WebSocketResponse) -> None:
    """What a tab asking for less than FALLBACK is told (the page says it in pixels itself)."""
    reason = t("web.too_small_cells", cols=FALLBACK[0], rows=FALLBACK[1])
    await socket.close(code=WSCloseCode.POLICY_VIOLATION, message=reason.encode()[:120])


def lower_priority() -> None:
    """The server and, through inheritance, every panel process yield the CPU to the desk. On
    Linux they run only when the CPU would otherwise be idle (SCHED_IDLE): a witness's view
    may lag by a frame, a check-in never waits for one. Elsewhere, a high niceness."""
    with contextlib.suppress(OSError, AttributeError):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        return
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)


async def serve(server: PanelServer, host: str, port: int, ready: Callable[[int], None]) -> None:
    """Serve until cancelled (Ctrl+C); `ready` gets the port bound (`port` 0: a free one), once
    the GRID panel has drawn its screen (a tab opened then shows it at once) or READY_TIMEOUT_S
    passed."""
    runner = web.AppRunner(server.application(), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host or None, port)
        await site.start()
        if server.keep_grid:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(server.ready(), READY_TIMEOUT_S)
        ready(int(runner.addresses[0][1]))
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
