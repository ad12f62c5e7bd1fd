"""The append-only, hash-chained event log.

Each event's hash covers its own fields and the previous event's hash, so changing, removing or
inserting any event breaks the chain from that point on. `verify` (see verify.py) also replays the
log against the state tables, which catches edits made to those tables behind the program's back.

Every write transaction appends at least one event, so the two statements here are built once:
building and caching a statement each call cost more than running it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, insert, select

from tps_console.domain.record.clock import Timekeeper, stamp
from tps_console.domain.store.db import Asked, Prepared
from tps_console.domain.store.models import Event
from tps_console.domain.vocab import EventKind

GENESIS = "0" * 64
_EVENTS: Table = Event.__table__  # type: ignore[attr-defined]
_HEAD = Prepared(select(_EVENTS.c.seq, _EVENTS.c.hash).order_by(_EVENTS.c.seq.desc()).limit(1))
_APPEND = Prepared(insert(_EVENTS))
_CLOSING = select(_EVENTS.c.seq, _EVENTS.c.hash).where(_EVENTS.c.kind == EventKind.POLLS_CLOSED)


# Built once: `json.dumps` with options builds a new encoder on every call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(obj: Any) -> str:
    return _CANONICAL.encode(obj)


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256(f"{prev_hash}\n{canonical(fields)}".encode()).hexdigest()


def hashed_fields(row: Any) -> dict[str, Any]:
    """The fields an event's hash covers, read from a stored row or mapping."""
    get = row.get if isinstance(row, dict) else row._mapping.get
    return {
        "seq": get("seq"),
        "at": get("at"),
        "kind": get("kind"),
        "officer_id": get("officer_id"),
        "desk": get("desk"),
        "voter_id": get("voter_id"),
        "drill": bool(get("drill")),
        "payload": get("payload"),
    }


@dataclass(frozen=True)
class Appended:
    seq: int
    at: str
    hash: str


def head(conn: Connection) -> tuple[int, str]:
    return head_of(_HEAD.first(conn))


def head_asked() -> Asked:
    """`head`, to be read `together` with other reads under the write lock (see `head_of`)."""
    return _HEAD.one()


def head_of(row: Any) -> tuple[int, str]:
    """The chain head (seq, hash) from the row `head_asked` was answered with."""
    return (row[0], row[1]) if row else (0, GENESIS)


def append(
    conn: Connection,
    keeper: Timekeeper,
    kind: str,
    payload: dict[str, Any] | None = None,
    *,
    officer_id: str | None = None,
    desk: str = "",
    voter_id: int | None = None,
    at: str | None = None,
    after: tuple[int, str] | None = None,
) -> Appended:
    """Append one event inside the caller's write transaction (which holds the write lock).

    `after`: the chain head, if the caller already read it under that same lock."""
    last, prev = after or head(conn)
    seq, at = last + 1, at or stamp(keeper.now())
    fields = {
        "seq": seq,
        "at": at,
        "kind": kind,
        "officer_id": officer_id,
        "desk": desk,
        "voter_id": voter_id,
        "drill": keeper.drill,
        "payload": canonical(payload or {}),
    }
    digest = event_hash(prev, fields)
    _APPEND.run(conn, **fields, prev_hash=prev, hash=digest)
    return Appended(seq, at, digest)


def closing(conn: Connection) -> tuple[int, str] | None:
    """The polls-closed event (seq, hash), or None while open. Its hash is the code witnesses
    copy onto C.Hasil: it stays the same, while the newest event still moves with sign-ins."""
    row = conn.execute(_CLOSING).first()
    return (row[0], row[1]) if row else None


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str  # catalogue key


def check_chain(conn: Connection) -> ChainBreak | None:
    """The first event whose link or hash does not hold, or None if the chain is intact."""
    prev, expected_seq = GENESIS, 1
    for row in conn.execute(select(_EVENTS).order_by(_EVENTS.c.seq)):
        m = row._mapping
        if m["seq"] != expected_seq:
            return ChainBreak(expected_seq, "verify.gap")
        if m["prev_hash"] != prev:
            return ChainBreak(m["seq"], "verify.link")
        if event_hash(prev, hashed_fields(row)) != m["hash"]:
            return ChainBreak(m["seq"], "verify.hash")
        prev, expected_seq = m["hash"], expected_seq + 1
    return None


def payload_of(row: Any) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(row._mapping["payload"])
    return payload
