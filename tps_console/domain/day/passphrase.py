"""The station's backup passphrase: chosen when the station is made, never stored.

What the station keeps is its backup key (`sealed.BackupKey`, recorded as a `BackupKeySet`
event): the desk encrypts every backup with it and asks nobody; the passphrase is needed only to
restore or verify a backup. A generated passphrase is six words from `wordlist.WORDS`, shown once
for the chair to write on the KPPS's paper and keep in the sealed envelope.
"""

from __future__ import annotations

import json
import secrets
import unicodedata

from sqlalchemy import Connection, select
from sqlmodel import col

from tps_console.domain.day.hours import ensure_not_closed
from tps_console.domain.day.officers import OfficerInfo, require_chair
from tps_console.domain.day.wordlist import WORDS
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import stamp
from tps_console.domain.record.events import BackupKeySet
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record
from tps_console.domain.store import sealed
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Event, Officer
from tps_console.domain.store.sealed import BackupKey
from tps_console.domain.vocab import EventKind

MIN_LENGTH = 12
GENERATED_WORDS = 6
# The demo's station holds only the synthetic roll: its passphrase may be known to everyone who
# tries the program, and is shown by `demo` (and on the desk's sign-in screen's demo box).
DEMO_PASSPHRASE = "simulasi tps sembilan kosong satu"


def generate_passphrase(words: int = GENERATED_WORDS) -> str:
    """Words drawn with `secrets` from the word list, separated by spaces (58 bits for six)."""
    return " ".join(secrets.choice(WORDS) for _ in range(words))


def normalised(passphrase: str) -> str:
    """The passphrase as it is wrapped and checked: Unicode NFC, runs of spaces as one, none at
    either end. Typed again from paper, a doubled space or a trailing one still opens."""
    return " ".join(unicodedata.normalize("NFC", passphrase).split())


def check_passphrase(passphrase: str) -> str:
    """The normalised passphrase, or BadInput if it is too short to protect the roll."""
    chosen = normalised(passphrase)
    if len(chosen) < MIN_LENGTH:
        raise BadInput("passphrase.too_short", length=len(chosen), minimum=MIN_LENGTH)
    return chosen


def make_backup_key(passphrase: str) -> BackupKey:
    """The key for a new station's backups, its identity wrapped with `passphrase` (one scrypt,
    about a second)."""
    return sealed.make_key(check_passphrase(passphrase))


_KEY_EVENTS = (
    select(col(Event.payload))
    .where(col(Event.kind) == EventKind.BACKUP_KEY)
    .order_by(col(Event.seq).desc())
    .limit(1)
)


def backup_key_in(conn: Connection) -> BackupKey | None:
    """The key the station's backups are encrypted to, read from its log (on any database), or
    None for a station made without one (by an earlier version)."""
    payload = conn.execute(_KEY_EVENTS).scalar()
    if payload is None:
        return None
    stored = json.loads(payload)
    return BackupKey.from_text(stored["recipient"], stored["wrapped_identity"])


def backup_key(rec: Record) -> BackupKey | None:
    with read(rec.engine) as conn:
        return backup_key_in(conn)


def require_backup_key(rec: Record) -> BackupKey:
    """The station's backup key, or BadInput telling how to give the station a passphrase."""
    key = backup_key(rec)
    if key is None:
        raise BadInput("backup.no_key", tps=rec.station.tps)
    return key


def record_backup_key(rec: Record, key: BackupKey, *, by: OfficerInfo | None = None) -> None:
    """Record `key` as the station's backup key: once, right after the station is made (no
    officer yet), or later by a chair on a station that has none. A station's key is never
    replaced: its older backups would then need a passphrase nobody wrote down."""
    with rec.write() as conn:
        ensure_not_closed(conn, rec.station)
        if backup_key_in(conn) is not None:
            raise BadInput("passphrase.already_set", tps=rec.station.tps)
        has_officers = conn.execute(select(col(Officer.id)).limit(1)).first() is not None
        if has_officers:
            if by is None:
                raise BadInput("passphrase.chair_needed")
            require_chair(by)
        event = BackupKeySet(
            at=stamp(rec.now()),
            officer_id=by.id if by is not None else None,
            desk=rec.desk,
            recipient=key.recipient,
            wrapped_identity=key.wrapped_text,
        )
        record_event(conn, rec, event)


def set_backup_passphrase(rec: Record, passphrase: str, *, by: OfficerInfo | None = None) -> None:
    """Give a station made without one (by an earlier version) its backup passphrase: `tps-console
    passphrase`. A station made now records its key as it is made (`day/setup.py`). BadInput if
    it is shorter than 12 characters or the station already has one; the passphrase itself is
    not kept anywhere."""
    record_backup_key(rec, make_backup_key(passphrase), by=by)
