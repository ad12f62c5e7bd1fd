"""What went wrong underneath, said in the day's words: a full disk, a write-protected stick, a
locked or damaged file. The driver's and the operating system's own texts are English and name
SQL; an officer needs to know what happened, that nothing was recorded, and what to do.

A failed write never leaves anything behind (every change is one transaction), so each message
can say "nothing was recorded" and be true.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from tps_console.domain.errors import BadInput, Refused, TpsError
from tps_console.domain.store.server import shown

# Below this much free space a write error is the disk being full, whatever the driver calls it
# (SQLite reports a full disk as an I/O error when it cannot even grow its shared-memory file).
_NEARLY_FULL_BYTES = 1 << 20

_BY_ERRNO = {
    errno.ENOSPC: "fault.disk_full",
    errno.EROFS: "fault.read_only",
    errno.EACCES: "fault.read_only",
    errno.EPERM: "fault.read_only",
    errno.EISDIR: "fault.directory",
    errno.ENOENT: "station.missing",
    errno.EIO: "fault.io",
}
_BY_SQLITE = {
    "SQLITE_FULL": "fault.disk_full",
    "SQLITE_READONLY": "fault.read_only",
    "SQLITE_PERM": "fault.read_only",
    "SQLITE_BUSY": "fault.locked",
    "SQLITE_LOCKED": "fault.locked",
    "SQLITE_CANTOPEN": "fault.cannot_open",
    "SQLITE_NOTADB": "station.not_a_station",
    "SQLITE_CORRUPT": "fault.damaged",
    "SQLITE_IOERR": "fault.io",
}
# A server's errors by SQLSTATE class or code (psycopg is imported only on a server: it is read
# by name here, so a desk on a file never loads it).
_BY_SQLSTATE = {
    "28": "fault.server_login",  # wrong password, no such role, refused by pg_hba.conf
    "3D000": "station.missing",  # no such database
    "42P01": "station.not_a_station",  # no station table: another database
    "42703": "fault.old_version",
    "08": "fault.server_unreachable",  # connection exceptions
    "57P": "fault.server_unreachable",  # the server shutting down, restarting, crashed
    "53": "fault.server_full",  # disk full, out of memory or connections
    "25006": "fault.read_only",  # a read-only transaction or role asked to write
    "42501": "fault.read_only",  # permission denied: a role that may only read
}
# The file and what it holds were given wrong: bad input (exit 2). The rest are the machine
# refusing a request that was fine (exit 4): it can be tried again once the cause is fixed.
_GIVEN_WRONG = frozenset(
    {"fault.directory", "station.missing", "station.not_a_station", "fault.damaged",
     "fault.old_version", "fault.cannot_open", "fault.server_login", "fault.server_tls_only",
     "fault.server_certificate", "fault.server_ca_file"}
)  # fmt: skip
# libpq's words for a connection refused over TLS, before any SQLSTATE: (what it says, key).
# The server lacking TLS is the server's to fix (refused); the rest is the address given.
_TLS_TEXTS = (
    ("does not support ssl", "fault.server_no_tls"),
    ("root certificate file", "fault.server_ca_file"),  # missing, unreadable or not a certificate
    ("certificate", "fault.server_certificate"),  # does not verify, or names another host
    ("no encryption", "fault.server_tls_only"),  # pg_hba.conf: no line for a plain connection
)


def explain(exc: BaseException, path: str | Path | None) -> TpsError | None:
    """The fault behind `exc` as a message key, or None if it is not one of the known ones."""
    cause = _root(exc)
    key: str | None = None
    if isinstance(cause, sqlite3.Error):
        key = _sqlite_key(cause)
    elif type(cause).__module__.startswith("psycopg"):
        key = _server_key(cause)
    elif isinstance(cause, OSError):
        key = _BY_ERRNO.get(cause.errno or 0)
    if key is None:
        return None
    where = _shown(path)
    if type(cause).__module__.startswith("psycopg"):
        return (BadInput if key in _GIVEN_WRONG else Refused)(key, path=where)
    if key in ("fault.io", "fault.cannot_open", "fault.read_only"):
        # SQLite says "cannot open" or "I/O error" when it cannot make its -wal/-shm files.
        folder = Path(where).parent if where else Path.cwd()
        if nearly_full(folder):
            key = "fault.disk_full"
        elif folder.is_dir() and not os.access(folder, os.W_OK):
            key = "fault.read_only"
    kind = BadInput if key in _GIVEN_WRONG else Refused
    return kind(key, path=where)


def _root(exc: BaseException) -> BaseException:
    """The driver's or the OS's own exception under SQLAlchemy's (or our) wrapping of it."""
    seen = exc
    while True:
        inner = getattr(seen, "orig", None) or seen.__cause__
        if inner is None or inner is seen:
            return seen
        seen = inner


def _shown(path: str | Path | None) -> str:
    return shown(path or "")


def _server_key(exc: BaseException) -> str | None:
    message = str(exc).lower()
    for words, key in _TLS_TEXTS:
        if words in message and (key != "fault.server_tls_only" or "ssl encryption" not in message):
            return key
    state = getattr(exc, "sqlstate", None) or ""
    for prefix, key in sorted(_BY_SQLSTATE.items(), key=lambda kv: -len(kv[0])):
        if state.startswith(prefix):
            return key
    if state:
        return None
    # Errors before any answer from the server carry no SQLSTATE: read libpq's text.
    if "password" in message or "authentication" in message or "pg_hba" in message:
        return "fault.server_login"
    if "does not exist" in message and "database" in message:
        return "station.missing"
    if type(exc).__name__ in ("OperationalError", "InterfaceError"):
        return "fault.server_unreachable"
    return None


def _sqlite_key(exc: sqlite3.Error) -> str | None:
    message = str(exc).lower()
    if message.startswith(("no such table", "no such column", "table ", "has no column")):
        return "fault.old_version"  # a table or column this version needs is not there
    name = getattr(exc, "sqlite_errorname", "") or ""
    for prefix, key in _BY_SQLITE.items():
        if name.startswith(prefix):
            return key
    # Errors raised by the sqlite3 module itself carry no code: read their text.
    if "database is locked" in message:
        return "fault.locked"
    if "readonly database" in message:
        return "fault.read_only"
    if "disk is full" in message:
        return "fault.disk_full"
    if "not a database" in message:
        return "station.not_a_station"
    if "malformed" in message:
        return "fault.damaged"
    return None


def nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
    except OSError:
        return False
