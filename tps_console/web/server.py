"""The panel for browser tabs: one read-only panel process per tab, run by textual-serve.

What a tab can reach is fixed here, not by the page:
- the command is the argument list given at start (`sys.executable -m tps_console panel DB`, or
  the one-file executable's own path), started without a shell, with no part of it taken from
  a request; each tab's process gets the same panel of the same station;
- a tab sends keys and its size and nothing else (the panel opens the file read-only, so no key
  can change the record); the server's own download route and folder listings are not served;
- with an access code, the page asks for it first, and neither the page nor the websocket is
  served without the cookie it sets; the code is compared in constant time, a wrong one waits;
- nothing is fetched from the internet: the page is this package's own, its font is the one
  textual-serve bundles, and its Content-Security-Policy lets it load from this server only.

Every tab costs a process: at most MAX_TABS at once, and they run at a lower priority than
the desk, so witnesses watching never slow a check-in (`bench --area web` measures it).
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
from collections.abc import Awaitable, Callable, Sequence
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
# Lower than the desk (POSIX niceness: 0 is normal, 19 the lowest).
NICENESS = 10
WRONG_CODE_DELAY_S = 1.0
COOKIE = "tps_panel"
# A tab's process inherits the server's environment, less what no panel needs.
PRIVATE_ENV = ("TPS_PIN", "TPS_BACKUP_PASSPHRASE")
MAX_MESSAGE = 64 * 1024
MAX_CELLS = 1000
QUIT_TIMEOUT_S = 5.0


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


def _page(name: str, **values: str) -> str:
    template = Template((HERE / name).read_text(encoding="utf-8"))
    return template.substitute({k: html.escape(v) for k, v in values.items()})


class PanelServer:
    """The aiohttp application: the page, the access code, the tabs' websockets, the static files."""

    def __init__(
        self, argv: Sequence[str], title: str, *, code: str | None = None, max_tabs: int = MAX_TABS
    ) -> None:
        self.argv = tuple(argv)
        self.title = title
        self.code = code or None
        self.max_tabs = max_tabs
        self.token = secrets.token_urlsafe(32)
        self.tabs: set[PanelTab] = set()
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
        tab = PanelTab(
            self.argv,
            write_bytes=socket.send_bytes,
            write_str=socket.send_str,
            close=socket.close,
            download_manager=self.downloads,
        )
        self.tabs.add(tab)
        try:
            await tab.start(
                _cells(request.query.get("width"), 80), _cells(request.query.get("height"), 24)
            )
            await self._relay(socket, tab)
        finally:
            self.tabs.discard(tab)
            with contextlib.suppress(Exception):
                await tab.stop()
            await socket.close()
        return socket

    async def _relay(self, socket: web.WebSocketResponse, tab: PanelTab) -> None:
        """What a tab may send: keys (as a terminal types them), its size, focus, and pings."""
        async for message in socket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = json.loads(message.data)
            except (ValueError, TypeError):
                continue
            data = rest[0] if rest else None
            if kind == "stdin" and isinstance(data, str):
                await tab.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await tab.set_terminal_size(
                    _cells(data.get("width"), 80), _cells(data.get("height"), 24)
                )
            elif kind == "ping":
                await socket.send_json(["pong", data])
            elif kind == "blur":
                await tab.blur()
            elif kind == "focus":
                await tab.focus()

    async def _close_tabs(self, app: web.Application) -> None:
        for tab in list(self.tabs):
            with contextlib.suppress(Exception):
                await tab.stop()


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
