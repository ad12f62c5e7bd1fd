"""A PostgreSQL server of the tests' own with TLS on, made as the README tells the IT officer.

The run's server (`pg_virtualenv`) has no TLS and listens on loopback only; this one has a CA
and a certificate for `localhost` made with `openssl`, `ssl = on`, and listens on every address,
so that a desk can reach it through this machine's LAN address as a desk on another laptop
would. Made with the PostgreSQL server's own `initdb` and `pg_ctl` in a temporary folder, run as
the `postgres` user when the tests run as root (as `pg_virtualenv` does: initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.pg import REQUIRE_ENV

# Plain connections are refused by pg_hba.conf, as README's `hostssl` lines make a server do:
# only trust is simpler than the README's scram-sha-256, for a server that lives for one test.
HBA = """\
local     all  all                trust
hostssl   all  all  0.0.0.0/0     trust
hostssl   all  all  ::/0          trust
"""


@dataclass(frozen=True)
class TlsServer:
    folder: Path
    port: int
    ca: Path  # the CA file a desk is given (sslrootcert)
    other_ca: Path  # a CA that did not sign the server's certificate

    @contextmanager
    def without_tls(self) -> Iterator[None]:
        """The server with `ssl = off` for a while, as a server nobody turned TLS on for."""
        self._set_ssl("off")
        try:
            yield
        finally:
            self._set_ssl("on")

    def _set_ssl(self, value: str) -> None:
        import psycopg

        # Through the Unix socket (no TLS there): the setting is read again on a reload, which
        # the postmaster does in its own time, so wait until a new connection sees it.
        socket_dir = str(self.folder)
        with psycopg.connect(host=socket_dir, port=self.port, user="postgres") as admin:
            admin.autocommit = True
            admin.execute(f"ALTER SYSTEM SET ssl = {value}")
            admin.execute("SELECT pg_reload_conf()")
        for _ in range(100):
            with psycopg.connect(host=socket_dir, port=self.port, user="postgres") as probe:
                row = probe.execute("SHOW ssl").fetchone()
            if row is not None and row[0] == value:
                return
            time.sleep(0.05)
        raise AssertionError(f"the test server did not take ssl = {value}")

    def url(self, host: str, database: str = "postgres", query: str = "") -> str:
        shown = f"[{host}]" if ":" in host else host
        return f"postgresql://postgres@{shown}:{self.port}/{database}" + (
            f"?{query}" if query else ""
        )


def _bindir() -> Path | None:
    """Where the PostgreSQL server's programs are: Debian keeps them out of PATH."""
    version = os.environ.get("PGVERSION", "*")
    for found in sorted(glob.glob(f"/usr/lib/postgresql/{version}/bin/initdb"), reverse=True):
        return Path(found).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _unavailable(reason: str) -> None:
    if any(os.environ.get(name) for name in REQUIRE_ENV):
        pytest.fail(reason + " (TPS_REQUIRE_PG/CI is set: these tests must run)")
    pytest.skip(reason)


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_ca(folder: Path, name: str) -> None:
    """`{name}.crt` and `{name}.key`: a CA, as README's first `openssl` line makes it."""
    openssl(
        "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", f"/CN=TPS test {name}",
        "-keyout", f"{name}.key", "-out", f"{name}.crt", cwd=folder,
    )  # fmt: skip


def make_server_certificate(folder: Path, ca: str, names: str) -> None:
    """`server.crt` and `server.key` for `names` (subjectAltName), signed by the CA `ca`."""
    (folder / "san.txt").write_text(f"subjectAltName={names}\n")
    openssl(
        "req", "-new", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
        "-out", "server.csr", cwd=folder,
    )  # fmt: skip
    openssl(
        "x509", "-req", "-in", "server.csr", "-CA", f"{ca}.crt", "-CAkey", f"{ca}.key",
        "-CAcreateserial", "-days", "2", "-extfile", "san.txt", "-out", "server.crt", cwd=folder,
    )  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("", 0))
        return int(probe.getsockname()[1])


@contextmanager
def tls_server() -> Iterator[TlsServer]:
    bindir = _bindir()
    if bindir is None or shutil.which("openssl") is None:
        _unavailable("no PostgreSQL server programs (initdb) or no openssl")
    assert bindir is not None
    owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="tps-tls-"))
    uid, gid = (owner.pw_uid, owner.pw_gid) if owner is not None else (None, None)

    def as_server(*command: str | Path, check: bool = True) -> None:
        subprocess.run(command, check=check, capture_output=True, user=uid, group=gid)

    try:
        make_ca(folder, "ca")
        make_ca(folder, "other-ca")
        make_server_certificate(folder, "ca", "DNS:localhost,IP:127.0.0.1,IP:::1")
        (folder / "server.key").chmod(0o600)  # the server refuses a key others can read
        if owner is not None:
            for path in (folder, *folder.iterdir()):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        data = folder / "data"
        as_server(bindir / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync")
        port = _free_port()
        with (data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"port = {port}\nlisten_addresses = '*'\nunix_socket_directories = '{folder}'\n"
                f"ssl = on\nssl_cert_file = '{folder / 'server.crt'}'\n"
                f"ssl_key_file = '{folder / 'server.key'}'\nfsync = off\n"
            )
        (data / "pg_hba.conf").write_text(HBA)
        as_server(bindir / "pg_ctl", "-D", data, "-l", folder / "server.log", "-w", "start")
        try:
            yield TlsServer(folder, port, folder / "ca.crt", folder / "other-ca.crt")
        finally:
            as_server(bindir / "pg_ctl", "-D", data, "-m", "immediate", "stop", check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
