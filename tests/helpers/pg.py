"""A PostgreSQL server for the tests: a fresh database per test on the server the `PG*`
environment variables name (`pg_virtualenv -t uv run pytest` makes one for the run), and a TCP
relay that the tests cut and restore to play a network that fails.

Without a server the tests that need one are skipped, saying why; with `TPS_REQUIRE_PG` (or `CI`)
set they fail instead: CI always runs them."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import pytest

REQUIRE_ENV = ("TPS_REQUIRE_PG", "CI")


def server_available() -> bool:
    return bool(os.environ.get("PGHOST") or os.environ.get("PGPORT"))


def need_server() -> None:
    if server_available():
        return
    reason = "no PostgreSQL server: set PGHOST/PGPORT, e.g. run `pg_virtualenv -t uv run pytest`"
    if any(os.environ.get(name) for name in REQUIRE_ENV):
        pytest.fail(reason + " (TPS_REQUIRE_PG/CI is set: these tests must run)")
    pytest.skip(reason)


def _admin() -> object:
    import psycopg

    return psycopg.connect(dbname=os.environ.get("PGDATABASE", "postgres"), autocommit=True)


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new, empty database; its URL names only the database (the rest comes from PG*)."""
    need_server()
    name = f"tps_test_{uuid.uuid4().hex[:12]}"
    with _admin() as admin:  # type: ignore[attr-defined]
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql:///{name}"
    finally:
        with _admin() as admin:  # type: ignore[attr-defined]
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def psql(url_or_db: str, *args: str, sql: str | None = None) -> subprocess.CompletedProcess[str]:
    """The server's own shell: as the administrator (the PG* environment) given a database's
    name, as whoever the URL names given a URL."""
    where = ["-d", url_or_db] if "://" not in url_or_db else [url_or_db]
    return subprocess.run(
        ["psql", "-X", "-v", "ON_ERROR_STOP=1", *where, *args],
        input=sql,
        capture_output=True,
        text=True,
    )


def server_address() -> tuple[str, int]:
    return os.environ.get("PGHOST") or "localhost", int(os.environ.get("PGPORT") or 5432)


class Relay:
    """A TCP relay in front of the server: desks connect to it; `cut()` drops every connection
    and refuses new ones (a cable pulled, a server stopped), `restore()` lets them through."""

    def __init__(self) -> None:
        self._target = server_address()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open = True
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, database_url: str) -> str:
        name = database_url.rsplit("/", 1)[1]
        user = os.environ.get("PGUSER", "postgres")
        return f"postgresql://{user}@127.0.0.1:{self.port}/{name}"

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if not self._open:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self._target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        with suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)
        for s in (src, dst):
            with suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self._open = False
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for s in pair:
                with suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def restore(self) -> None:
        self._open = True

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._listener.close()
