"""Officers, their PINs and signing in. PINs are stored as salted scrypt hashes (slow on purpose).

Five wrong PINs in a row lock the officer out for five minutes. Every wrong PIN is an event, so
the lock-out is derived from the log and survives restarts and holds across desks.

The lock-out guards the desk, not a copied file: whoever holds the station (or a backup and its
passphrase) can try every PIN offline, 10^4 of them for four digits. Only the hash's cost slows
that down, so it is as dear as a sign-in can afford (see `PIN_COST`). Each hash carries its cost;
one made at a cheaper cost than today's is hashed again at the officer's next sign-in, and that
is an event (`PinRehashed`) like every other change to the record.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.day.hours import ensure_not_closed
from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record.clock import stamp, unstamp
from tps_console.domain.record.events import OfficerAdded, PinFailed, PinRehashed, SignedIn
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record
from tps_console.domain.record.timefmt import local_time
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Event, Officer
from tps_console.domain.vocab import EventKind, Role

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,31}$")


@dataclass(frozen=True)
class PinCost:
    """scrypt's parameters: N = 2**log2_n, block size r, parallelism p."""

    log2_n: int
    r: int = 8
    p: int = 1

    @property
    def work(self) -> int:
        """What one guess costs, in scrypt's units: its time and its memory both grow with it."""
        return 2**self.log2_n * self.r * self.p

    @property
    def memory(self) -> int:
        """Bytes scrypt needs (OpenSSL's own count: the N blocks, p more, and two spare), which
        `hashlib.scrypt` refuses to go beyond unless told (its default allows 32 MiB)."""
        return 128 * self.r * (2**self.log2_n + 2 + self.p)


# N=2^17, r=8, p=1: 128 MiB and about 0.45 s a guess on the 2-core VM this was built on, eight
# times the first version's cost (2^14, 16 MiB, 55 ms there) in time and in memory, so an
# offline guess costs eight times the time and a GPU or ASIC fits an eighth as many guessers in
# its memory. The desk (or a command) hashes one PIN at a time, for under a second: 24 desks on
# one server each hash on their own laptop, never on the server; on a 4 GB Windows laptop the
# 128 MiB beside the desk's own ~130 MiB for that second is acceptable. A sign-in is one such
# hash (two when it upgrades an old one, side by side: `_checked`), under 0.5 s.
PIN_COST = PinCost(17)
# Hashes stored before the cost was written in them (`scrypt$salt$digest`) are at this one.
LEGACY_PIN_COST = PinCost(14)
# A cheaper cost for the tests (log2 N, e.g. 10): hundreds of stations and sign-ins would take
# minutes at the real one. Read at each hash, so the child processes tests start follow it; a
# hash made with it says so and is upgraded at the next sign-in under the real cost.
PIN_COST_ENV = "TPS_PIN_COST"
# What a stored hash may ask for: a record edited to ask for a huge N would take the laptop's
# memory at every sign-in instead of failing one.
_LARGEST = PinCost(20, r=16, p=4)
_STORED = re.compile(r"ln=(\d{1,2}),r=(\d{1,2}),p=(\d)")


@dataclass(frozen=True)
class OfficerInfo:
    id: str
    name: str
    role: str

    @property
    def is_chair(self) -> bool:
        return self.role == Role.CHAIR


def pin_cost() -> PinCost:
    """Today's cost: `PIN_COST`, or the tests' own (`TPS_PIN_COST`) when one is set. A value
    that is not a log2 N from 4 to 20 is ignored: a slip never makes the hashes cheap."""
    given = os.environ.get(PIN_COST_ENV, "")
    if given.isdigit() and 4 <= int(given) <= _LARGEST.log2_n:
        return PinCost(int(given))
    return PIN_COST


def hash_pin(pin: str, salt: bytes | None = None, cost: PinCost | None = None) -> str:
    """`scrypt$ln=17,r=8,p=1$<salt>$<digest>` (hex): the cost travels with the hash."""
    cost = cost or pin_cost()
    salt = salt or secrets.token_bytes(16)
    settings = f"ln={cost.log2_n},r={cost.r},p={cost.p}"
    return f"scrypt${settings}${salt.hex()}${_digest(pin, salt, cost).hex()}"


def _digest(pin: str, salt: bytes, cost: PinCost) -> bytes:
    return hashlib.scrypt(
        pin.encode(),
        salt=salt,
        n=2**cost.log2_n,
        r=cost.r,
        p=cost.p,
        maxmem=cost.memory + 2**20,
        dklen=32,
    )


def stored_cost(stored: str) -> PinCost | None:
    """The cost a stored hash was made at, or None if it is not one this program makes."""
    parts = stored.split("$")
    if len(parts) == 3 and parts[0] == "scrypt":
        return LEGACY_PIN_COST
    if len(parts) != 4 or parts[0] != "scrypt" or not (found := _STORED.fullmatch(parts[1])):
        return None
    cost = PinCost(*(int(g) for g in found.groups()))
    fits = 1 <= cost.log2_n <= _LARGEST.log2_n and 1 <= cost.r <= _LARGEST.r
    return cost if fits and 1 <= cost.p <= _LARGEST.p else None


def pin_matches(pin: str, stored: str) -> bool:
    cost = stored_cost(stored)
    if cost is None:
        return False  # not a hash at all: no PIN matches it (and `verify` names the edit)
    salt, digest = stored.split("$")[-2:]
    try:
        expected = bytes.fromhex(digest)
        typed = _digest(pin, bytes.fromhex(salt), cost)
    except ValueError:
        return False
    return hmac.compare_digest(typed, expected)


def _checked(pin: str, stored: str) -> tuple[bool, str | None]:
    """Whether the PIN matches the stored hash, and if it does and that hash is cheaper than
    today's cost, the PIN's new hash. The new hash is computed while the old one is checked, on
    another core where one is free (`hashlib.scrypt` lets go of the GIL), so the sign-in that
    upgrades takes about as long as any other (the old check's ~50 ms saved: 431–475 ms against
    451–480 ms in turn on the build VM). The new hash of a wrong PIN is thrown away, and a wrong
    PIN takes as long as at today's cost."""
    cost, old = pin_cost(), stored_cost(stored)
    if old is None or old.work >= cost.work:
        return pin_matches(pin, stored), None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pin-rehash") as pool:
        rehashed = pool.submit(hash_pin, pin, None, cost)
        ok = pin_matches(pin, stored)
    return ok, rehashed.result() if ok else None


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
    ok, rehashed = _checked(pin, m["pin_hash"])
    if ok and not (record_success or failures or rehashed):
        return OfficerInfo(m["id"], m["name"], m["role"])
    with rec.write() as conn:
        at = stamp(rec.now())
        if not ok or record_success or failures:
            attempt = SignedIn if ok else PinFailed
            record_event(conn, rec, attempt(at=at, officer_id=officer_id, desk=rec.desk))
        if rehashed and _still_stored(conn, officer_id, m["pin_hash"]):
            upgrade = PinRehashed(at=at, officer_id=officer_id, desk=rec.desk, pin_hash=rehashed)
            record_event(conn, rec, upgrade)
    if not ok:
        left = MAX_FAILURES - failures % MAX_FAILURES - 1
        if left <= 0:
            raise Refused("auth.locked_now", minutes=int(LOCKOUT.total_seconds() // 60))
        raise Refused("auth.wrong_pin", left=left)
    return OfficerInfo(m["id"], m["name"], m["role"])


def _still_stored(conn: Connection, officer_id: str, pin_hash: str) -> bool:
    """The hash checked is still the officer's: another desk that signed the same officer in
    at the same moment has not upgraded it already (under the write lock, so one of them does)."""
    now = conn.execute(select(col(Officer.pin_hash)).where(col(Officer.id) == officer_id))
    return now.scalar_one() == pin_hash


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
