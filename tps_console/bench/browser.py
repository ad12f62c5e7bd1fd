"""The panel in a browser, as the web benchmark and the tests drive it.

Textual draws in the page on a canvas, so what a tab shows is read from the frames its
websocket receives: the terminal output the panel writes, with its escape sequences taken out.
A real browser is Debian's `chromium` driven by Playwright (a development dependency; Playwright
cannot download its own browser here); lightweight tabs are plain websocket clients, which is
all the server sees of a browser on another computer.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from tps_console.web.frames import screen_text

STARTUP_S = 60.0


def chromium() -> str | None:
    """The system's Chromium, or None (the tests skip, the bench says what is missing)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


@contextlib.contextmanager
def web_panel(
    db: Path | str,
    *,
    errors: IO[str] | None = None,
    console: list[str] | None = None,
    environment: dict[str, str] | None = None,
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`tps-console panel DB --web` on this computer only, on a free port: its address, once
    its panel is up (the server prints it then). What it prints goes to `console`, what it
    writes on stderr to `errors`."""
    command = [sys.executable, "-m", "tps_console", "panel", str(db), "--web"]
    command += ["--host", "127.0.0.1", "--port", "0"]
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=errors, text=True, env=environment
    )
    try:
        yield _address(server, [] if console is None else console), server
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _address(server: subprocess.Popen[str], console: list[str]) -> str:
    assert server.stdout is not None
    for line in server.stdout:
        console.append(line)
        if line.strip().startswith("http://"):
            # The rest of its output is read as it comes: it must never fill the pipe and block.
            threading.Thread(target=console.extend, args=(server.stdout,), daemon=True).start()
            return line.strip()
    raise RuntimeError(f"the web panel did not start (exit {server.wait()})")


class Tab:
    """A Chromium tab on the panel, keeping every frame its websocket receives."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.frames: list[bytes | str] = []
        self.requests: list[str] = []
        self.sockets: list[str] = []  # the websockets' addresses, with the size asked for
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("websocket", self._socket)

    def _socket(self, socket: Any) -> None:
        self.sockets.append(socket.url)
        socket.on("framereceived", lambda frame: self.frames.append(frame))

    def open(self, url: str) -> None:
        self.page.goto(url)

    def text(self) -> str:
        return screen_text(self.frames)

    def wait_for(self, pattern: str, timeout: float = STARTUP_S) -> float:
        """Seconds until `pattern` (a regular expression) was drawn; raises on timeout."""
        start = time.perf_counter()
        seen = re.compile(pattern)
        # Playwright hands over events while it waits: a short wait, then a look.
        while not seen.search(self.text()):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{pattern!r} not drawn within {timeout} s")
            self.page.wait_for_timeout(5)
        return time.perf_counter() - start


class SocketTabs:
    """`count` tabs as a browser elsewhere on the LAN opens them: websockets that send their
    size and read every frame. They run in a process of their own at the lowest priority
    (SCHED_IDLE), so that reading twenty tabs' frames weighs on this process (the benchmark's
    check-ins) no more than a browser on another computer would: in this process, that reading
    would hold the interpreter's lock while a check-in waits for it."""

    def __init__(self, url: str, count: int, *, size: tuple[int, int]) -> None:
        self.url = url.replace("http://", "ws://").rstrip("/") + "/ws"
        self.count = count
        self.size = size  # in cells, as a page asks for it
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> SocketTabs:
        width, height = self.size
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__, self.url, str(self.count), str(width), str(height)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._process is not None and self._process.stdin is not None
        with contextlib.suppress(OSError):
            self._process.stdin.close()  # the tabs close their sockets and end
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def all_show(self, pattern: str, timeout: float = STARTUP_S) -> None:
        """Wait until every tab has drawn `pattern`."""
        assert self._process is not None
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(f"{pattern}\n")
        stdin.flush()
        answer: list[str] = []
        reader = threading.Thread(target=lambda: answer.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not answer or answer[0].strip() != "shown":
            raise TimeoutError(f"not every tab drew {pattern!r} within {timeout} s")


async def _tabs(url: str, count: int, width: int, height: int) -> None:
    """The tabs' process: open the sockets, keep reading; for each pattern on stdin, answer
    "shown" once every tab has drawn it; end when stdin closes."""
    import aiohttp

    frames: list[list[bytes]] = [[] for _ in range(count)]

    async def read(socket: Any, index: int) -> None:
        async for message in socket:
            if isinstance(message.data, bytes):
                frames[index].append(message.data)

    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        sockets = [
            await session.ws_connect(f"{url}?width={width}&height={height}") for _ in range(count)
        ]
        readers = [asyncio.ensure_future(read(s, i)) for i, s in enumerate(sockets)]
        while pattern := (await loop.run_in_executor(None, sys.stdin.readline)).rstrip("\n"):
            seen = re.compile(pattern)
            while not all(seen.search(screen_text(f)) for f in frames):
                await asyncio.sleep(0.05)
            print("shown", flush=True)
        for s in sockets:
            await s.close()
        for r in readers:
            r.cancel()


if __name__ == "__main__":
    from tps_console.web.server import lower_priority

    lower_priority()
    url, count, width, height = sys.argv[1], *map(int, sys.argv[2:5])
    asyncio.run(_tabs(url, count, width, height))
