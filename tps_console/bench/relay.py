"""A TCP relay on loopback that plays a network: it holds every chunk for half a round trip each
way, and counts the round trips the clients make.

A round trip is a client waiting for the server: the client sends, the server answers, the client
sends again. So the relay counts each burst a client sends after the server last spoke on that
connection (or its first): pipelined statements sent together are one burst however many TCP
segments carry them, and a statement sent only once an answer came is another. Nothing is
assumed of the driver; what is counted is what crossed the wire.

It needs no root (unlike `tc netem` in a network namespace) and runs in a thread of its own, so
the bench and the tests use it alike: `with DelayRelay(("localhost", 5432), rtt_ms=20) as relay:`.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from types import TracebackType

_CHUNK = 65536


class DelayRelay:
    """Listens on 127.0.0.1 (`port`) and forwards each connection to `target`."""

    def __init__(self, target: tuple[str, int], *, rtt_ms: float = 0.0) -> None:
        self._target = target
        self._one_way = rtt_ms / 2000
        self._trips = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.Server | None = None
        self._stop: asyncio.Event
        self._writers: set[asyncio.StreamWriter] = set()
        self._thread = threading.Thread(target=self._run, daemon=True, name="relay")
        self._thread.start()
        self._ready.wait()
        assert self._server is not None
        self.port: int = self._server.sockets[0].getsockname()[1]

    @property
    def round_trips(self) -> int:
        """Round trips made through the relay so far, all connections together."""
        return self._trips

    def url(self, database: str) -> str:
        """A `postgresql://` URL to `database` through the relay (user and password from PG*)."""
        return f"postgresql://127.0.0.1:{self.port}/{database}"

    def __enter__(self) -> DelayRelay:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Drop every connection and stop listening."""
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(5)

    def _run(self) -> None:
        self._loop.run_until_complete(self._serve())
        self._loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        self._server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        self._ready.set()
        await self._stop.wait()
        self._server.close()
        # Closed from this side, each connection's reads end and its tasks finish by themselves.
        for writer in self._writers:
            writer.close()
        others = asyncio.all_tasks() - {asyncio.current_task()}
        if others:
            await asyncio.wait(others, timeout=2)

    async def _connection(
        self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter
    ) -> None:
        try:
            server_r, server_w = await asyncio.open_connection(*self._target)
        except OSError:
            client_w.close()
            return
        self._writers |= {client_w, server_w}
        # Who spoke last on this connection: a client burst after the server spoke is a trip.
        spoke = {"server": True}

        def heard(from_client: bool) -> None:
            if from_client and spoke["server"]:
                self._trips += 1
            spoke["server"] = not from_client

        await asyncio.gather(
            self._pipe(client_r, server_w, lambda: heard(True)),
            self._pipe(server_r, client_w, lambda: heard(False)),
            return_exceptions=True,
        )
        self._writers -= {client_w, server_w}

    async def _pipe(
        self, src: asyncio.StreamReader, dst: asyncio.StreamWriter, heard: Callable[[], None]
    ) -> None:
        """Each chunk goes on `one_way` after it arrived, in order: a queue, so that a burst of
        chunks is delayed once, not once per chunk."""
        held: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await held.get()
                if not data:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                dst.write(data)
                await dst.drain()
            dst.close()

        delivering = asyncio.ensure_future(deliver())
        try:
            while data := await src.read(_CHUNK):
                heard()
                held.put_nowait((time.monotonic() + self._one_way, data))
        except OSError:
            pass
        finally:
            held.put_nowait((0.0, b""))
            with contextlib.suppress(Exception):
                await delivering
