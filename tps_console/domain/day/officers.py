"""Officers, their PINs and signing in. PINs are stored as salted scrypt hashes (slow on purpose).

Five wrong PINs in a row lock the officer out for five minutes. Every wrong PIN is an event, so
the lock-out is derived from the log and survives restarts and holds across desks.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.day.hours import ensure_not_closed
from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record.clock import stamp, unstamp
from tps_console.domain.record.db import read
from tps_console.domain.record.events import OfficerAdded, PinFailed, SignedIn
from tps_console.domain.record.models import Event, Officer
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record
from tps_console.domain.record.timefmt import local_time
from tps_console.domain.vocab import EventKind, Role

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,31}$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class OfficerInfo:
    id: str
    name: str
    role: str

    @property
    def is_chair(self) -> bool:
        return self.role == Role.CHAIR


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    _, salt, digest = stored.split("$")
    return hmac.compare_digest(hash_pin(pin, bytes.fromhex(salt)).split("$")[2], digest)


def is_pin_shaped(pin: str) -> bool:
    """The PIN rule: 4 to 12 digits."""
    return pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 12


def check_pin_format(pin: str) -> None:
    if not is_pin_shaped(pin):
        raise BadInput("officer.bad_pin")


def list_officers(rec: Record) -> list[OfficerInfo]:
    with read(rec.engine) as conn:
        rows = conn.execute(
            select(col(Officer.id), col(Officer.name), col(Officer.role)).order_by(col(Officer.id))
        )
        return [OfficerInfo(*r) for r in rows]


def add_officer(
    rec: Record, officer_id: str, name: str, role: str, pin: str, *, by: OfficerInfo | None
) -> OfficerInfo:
    """Add an officer. The first must be a chair; every later one is added by a signed-in chair."""
    officer_id, name = checked_officer(officer_id, name, role, pin)
    pin_hash = hash_pin(pin)
    with rec.write() as conn:
        ensure_not_closed(conn, rec.station)
        existing = conn.execute(select(col(Officer.id))).scalars().all()
        if not existing and role != Role.CHAIR:
            raise BadInput("officer.first_chair")
        if existing and (by is None or not by.is_chair):
            raise Refused("officer.chair_needed")
        if officer_id in existing:
            raise BadInput("officer.exists", id=officer_id)
        added = OfficerAdded(
            at=stamp(rec.now()),
            officer_id=by.id if by else officer_id,
            desk=rec.desk,
            id=officer_id,
            name=name,
            role=role,
            pin_hash=pin_hash,
        )
        record_event(conn, rec, added)
    return OfficerInfo(officer_id, name, role)


def checked_officer(officer_id: str, name: str, role: str, pin: str) -> tuple[str, str]:
    """The officer's ID and name as stored, or BadInput saying what is wrong with them."""
    officer_id = officer_id.strip().lower()
    if not _ID.match(officer_id):
        raise BadInput("officer.bad_id", id=officer_id)
    if not name.strip():
        raise BadInput("officer.empty_name")
    if role not in (Role.CHAIR, Role.MEMBER):
        raise BadInput("officer.bad_role", role=role)
    check_pin_format(pin)
    return officer_id, name.strip()


def _locked_until(conn: Connection, officer_id: str, rec: Record, failures: int) -> str | None:
    """Every fifth wrong PIN in a row locks the officer out for five minutes from that PIN.

    Once a lock-out has run out the count starts again: one more typo is not another lock-out.
    """
    if failures == 0 or failures % MAX_FAILURES:
        return None
    last = conn.execute(
        select(col(Event.at))
        .where(col(Event.officer_id) == officer_id, col(Event.kind) == EventKind.PIN_FAILED)
        .order_by(col(Event.seq).desc())
        .limit(1)
    ).scalar_one()
    until = unstamp(last) + LOCKOUT
    return stamp(until) if rec.now() < until else None


def _shown_until(rec: Record, until: str) -> str:
    """The end of a lock-out as officers read a clock, `09:06 WIB`: the minute rounded up, so
    that trying again at the time shown always works."""
    instant = unstamp(until)
    if instant.second or instant.microsecond:
        instant = instant.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return local_time(rec.station, instant, seconds=False)


def authenticate(
    rec: Record, officer_id: str, pin: str, *, record_success: bool = False
) -> OfficerInfo:
    """Check an officer's PIN. Wrong PINs are recorded and count toward the lock-out; what
    cannot be a PIN at all (a NIK scanned into the box) is refused without counting."""
    if not is_pin_shaped(pin):
        raise Refused("auth.not_a_pin")
    officer_id = officer_id.strip().lower()
    with read(rec.engine) as conn:
        row = conn.execute(select(Officer).where(col(Officer.id) == officer_id)).first()
        if row is None:
            raise Refused("auth.unknown_officer", id=officer_id)
        failures = _failures_since_success(conn, officer_id)
        until = _locked_until(conn, officer_id, rec, failures)
        if until:
            raise Refused("auth.locked", until=_shown_until(rec, until))
    m = row._mapping
    ok = pin_matches(pin, m["pin_hash"])
    if ok and not (record_success or failures):
        return OfficerInfo(m["id"], m["name"], m["role"])
    with rec.write() as conn:
        attempt = SignedIn if ok else PinFailed
        record_event(conn, rec, attempt(at=stamp(rec.now()), officer_id=officer_id, desk=rec.desk))
    if not ok:
        left = MAX_FAILURES - failures % MAX_FAILURES - 1
        if left <= 0:
            raise Refused("auth.locked_now", minutes=int(LOCKOUT.total_seconds() // 60))
        raise Refused("auth.wrong_pin", left=left)
    return OfficerInfo(m["id"], m["name"], m["role"])


def _failures_since_success(conn: Connection, officer_id: str) -> int:
    last_ok = (
        select(func.coalesce(func.max(col(Event.seq)), 0))
        .where(col(Event.officer_id) == officer_id, col(Event.kind) == EventKind.SIGNED_IN)
        .scalar_subquery()
    )
    return int(
        conn.execute(
            select(func.count())
            .select_from(Event)
            .where(
                col(Event.officer_id) == officer_id,
                col(Event.kind) == EventKind.PIN_FAILED,
                col(Event.seq) > last_ok,
            )
        ).scalar_one()
    )


def require_chair(officer: OfficerInfo) -> None:
    if not officer.is_chair:
        raise Refused("auth.chair_only", id=officer.id)
