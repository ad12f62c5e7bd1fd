"""What can happen to a station's record: one frozen dataclass per kind of event.

An event is the only way the record changes: `projection.record_event` appends it to the hash
chain and applies it with `projection.project`, and `verify` replays the same events through the
same `project`. Each event maps to one row of the `event` table: the envelope (when, which
officer at which desk, about which voter) in columns of its own, everything else as the payload.

The payload keys are the ones the log has always stored, because the hash covers them: a station
written by an earlier version must still verify. Most kinds store their fields under their own
names, and the base class does that for them; the few that store another shape say so in
`payload` and `from_payload`.

A kind's payload never changes shape. A change is a new class of the same `kind` with the next
`version`, stored in the payload as `v` (versions from 2 on: every payload logged so far is
version 1, without it), with its own branch of `project`; the old class stays, to replay the
stations that logged it.
"""

from __future__ import annotations

import json
from dataclasses import Field, dataclass, field, fields
from typing import Any, ClassVar, Self

from tps_console.domain.record.station import PLACE_FIELDS
from tps_console.domain.roll.parse import VoterRow
from tps_console.domain.vocab import EventKind

ENVELOPE = frozenset({"at", "officer_id", "desk", "voter_id"})
# A field that travels with the event when it is recorded but is not stored in the log.
NOT_LOGGED = {"logged": False}


@dataclass(frozen=True)
class Draw:
    """One ballot to hand out and the source it comes from."""

    ballot: str
    source: str


KINDS: dict[tuple[str, int], type[StationEvent]] = {}
VERSION_KEY = "v"


@dataclass(frozen=True, kw_only=True)
class StationEvent:
    """The envelope every event has: the instant it records (UTC stamp), the officer and the desk,
    and the voter it is about. A kind that always has an officer or a voter says so by declaring
    them again without `None`, for the type checker."""

    kind: ClassVar[EventKind]
    version: ClassVar[int] = 1
    at: str
    officer_id: str | None = None
    desk: str = ""
    voter_id: int | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Registered by being defined: a new kind (or version) is its dataclass and its branch
        # of `project`.
        if (cls.kind, cls.version) in KINDS:
            raise TypeError(f"{cls.__name__}: {cls.kind} version {cls.version} is defined already")
        KINDS[cls.kind, cls.version] = cls

    def payload(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in _logged(type(self))}

    @classmethod
    def from_payload(cls, envelope: dict[str, Any], payload: dict[str, Any]) -> Self:
        return cls(**envelope, **{f.name: payload[f.name] for f in _logged(cls)})


def _logged(cls: type[StationEvent]) -> tuple[Field[Any], ...]:
    return tuple(
        f for f in fields(cls) if f.name not in ENVELOPE and f.metadata.get("logged", True)
    )


def stored_payload(event: StationEvent) -> dict[str, Any]:
    """What the log stores of `event` besides its envelope: its payload, and its version from 2
    on."""
    payload = event.payload()
    if event.version > 1:
        payload[VERSION_KEY] = event.version
    return payload


def decode(row: Any) -> StationEvent:
    """The event a stored row records. KeyError for a kind, a version or a payload key this
    program does not know."""
    m = row._mapping
    envelope = {name: m[name] for name in ENVELOPE}
    payload = json.loads(m["payload"])
    version = payload.pop(VERSION_KEY, 1)
    return KINDS[m["kind"], version].from_payload(envelope, payload)


# --- the station ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class StationCreated(StationEvent):
    """The station's settings, hours included: moving them behind the program's back (closing
    later) fails `verify`."""

    kind = EventKind.STATION_CREATED
    tps: str
    polling_date: str
    timezone: str
    opens: str
    closes: str
    dpk_from: str
    backup_dir: str
    backup_minutes: int
    backup_keep: int
    created_at: str
    # A training station: its clock reads `drill_at` at real time `drill_since` (UTC stamps).
    drill: bool = False
    drill_at: str | None = None
    drill_since: str | None = None
    # Where the station is, as the forms write it (the rutan, then its administrative area).
    rutan: str = ""
    desa: str = ""
    kecamatan: str = ""
    kabupaten: str = ""
    provinsi: str = ""

    def payload(self) -> dict[str, Any]:
        logged = super().payload()
        if not self.drill:  # a real station's payload as it has always been stored
            for name in _DRILL_FIELDS:
                del logged[name]
        for name in PLACE_FIELDS:  # stored only once given: older stations' payloads stay
            if not logged[name]:
                del logged[name]
        return logged

    @classmethod
    def from_payload(cls, envelope: dict[str, Any], payload: dict[str, Any]) -> Self:
        optional = (*_DRILL_FIELDS, *PLACE_FIELDS)
        settings = {f.name: payload[f.name] for f in _logged(cls) if f.name not in optional}
        given = {name: payload[name] for name in optional if name in payload}
        return cls(**envelope, **settings, **given)


_DRILL_FIELDS = ("drill", "drill_at", "drill_since")


@dataclass(frozen=True, kw_only=True)
class DrillClockSet(StationEvent):
    """`--now` on a drill station: from here its clock reads `drill_at` at real time `since`."""

    kind = EventKind.DRILL_CLOCK
    drill_at: str
    since: str


@dataclass(frozen=True, kw_only=True)
class RollImported(StationEvent):
    """The roll: the log holds its size and fingerprint, not its rows. The rows travel with the
    event when the station is made; `verify` copies them from the stored file instead, and the
    fingerprint proves they are the ones imported."""

    kind = EventKind.ROLL_IMPORTED
    count: int
    fingerprint: str
    voters: tuple[VoterRow, ...] = field(default=(), metadata=NOT_LOGGED)


@dataclass(frozen=True, kw_only=True)
class BackupTargetSet(StationEvent):
    kind = EventKind.BACKUP_TARGET
    officer_id: str
    backup_dir: str
    backup_minutes: int
    backup_keep: int


@dataclass(frozen=True, kw_only=True)
class BackupKeySet(StationEvent):
    """The key the station's backups are encrypted to (see `sealed`): the age recipient, and the
    age identity wrapped with the backup passphrase (base64). Recorded right after the station
    is made; the passphrase itself is never recorded. The log is where the key lives: the hash
    chain covers it, so a recipient swapped behind the program's back (to read later backups)
    fails `verify`. `officer_id`: the chair who set it on a station that had none, else None."""

    kind = EventKind.BACKUP_KEY
    recipient: str
    wrapped_identity: str


@dataclass(frozen=True, kw_only=True)
class PollsClosed(StationEvent):
    kind = EventKind.POLLS_CLOSED
    officer_id: str
    queue_waiting: int


# --- officers ------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class OfficerAdded(StationEvent):
    """`id` is the new officer; the envelope's officer is the chair who added them (the first
    chair adds themself)."""

    kind = EventKind.OFFICER_ADDED
    officer_id: str
    id: str
    name: str
    role: str
    pin_hash: str


@dataclass(frozen=True, kw_only=True)
class SignedIn(StationEvent):
    kind = EventKind.SIGNED_IN
    officer_id: str


@dataclass(frozen=True, kw_only=True)
class PinFailed(StationEvent):
    kind = EventKind.PIN_FAILED
    officer_id: str


@dataclass(frozen=True, kw_only=True)
class PinRehashed(StationEvent):
    """The officer's PIN hashed again at today's dearer cost, at a sign-in with the right PIN:
    the old hash, cheaper to guess from a copied file, is replaced by `pin_hash`."""

    kind = EventKind.PIN_REHASHED
    officer_id: str
    pin_hash: str


# --- voters --------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CheckedIn(StationEvent):
    """A check-in and the ballots it handed out. `short`: types the voter is entitled to but did
    not get, logged only when a chair approved handing out what remained."""

    kind = EventKind.CHECKIN
    officer_id: str
    voter_id: int
    checkin_id: int
    draws: tuple[Draw, ...]
    short: tuple[str, ...] = ()
    short_approved_by: str | None = None

    def payload(self) -> dict[str, Any]:
        logged: dict[str, Any] = {
            "checkin_id": self.checkin_id,
            "ballots": {d.ballot: d.source for d in self.draws},
        }
        if self.short_approved_by is not None:
            logged["short"] = list(self.short)
            logged["short_approved_by"] = self.short_approved_by
        return logged

    @classmethod
    def from_payload(cls, envelope: dict[str, Any], payload: dict[str, Any]) -> Self:
        return cls(
            **envelope,
            checkin_id=payload["checkin_id"],
            # Check-ins logged before the desk handed out ballots carry no `ballots` key.
            draws=tuple(Draw(b, s) for b, s in payload.get("ballots", {}).items()),
            short=tuple(payload.get("short", ())),
            short_approved_by=payload.get("short_approved_by"),
        )


@dataclass(frozen=True, kw_only=True)
class CheckInRefused(StationEvent):
    kind = EventKind.CHECKIN_REFUSED
    officer_id: str
    voter_id: int
    reason: str  # catalogue key


@dataclass(frozen=True, kw_only=True)
class DuplicateBlocked(StationEvent):
    kind = EventKind.DUPLICATE_BLOCKED
    officer_id: str
    voter_id: int
    reason: str  # catalogue key
    first_checkin: int | None


@dataclass(frozen=True, kw_only=True)
class CheckInUndone(StationEvent):
    kind = EventKind.CHECKIN_UNDONE
    officer_id: str
    voter_id: int
    checkin_id: int
    reason: str


@dataclass(frozen=True, kw_only=True)
class VoterStatusSet(StationEvent):
    kind = EventKind.VOTER_STATUS
    officer_id: str
    voter_id: int
    status: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class DpkRegistered(StationEvent):
    """A walk-in voter; the full record is logged, so a row slipped into the voter table is told
    from one the program added."""

    kind = EventKind.DPK_REGISTERED
    officer_id: str
    voter_id: int
    voter: VoterRow
    married: bool


@dataclass(frozen=True, kw_only=True)
class QueueJoined(StationEvent):
    kind = EventKind.QUEUE_JOINED
    officer_id: str
    voter_id: int


# --- ballots -------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class BallotsReceived(StationEvent):
    kind = EventKind.BALLOTS_RECEIVED
    officer_id: str
    source: str
    counts: dict[str, int]  # per type, in hand-out order


@dataclass(frozen=True, kw_only=True)
class BallotReplaced(StationEvent):
    kind = EventKind.BALLOT_REPLACED
    officer_id: str
    voter_id: int
    checkin_id: int
    ballot: str
    source: str  # where the replacement was drawn from
    reason: str


# --- the day's incidents -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class IncidentRecorded(StationEvent):
    """An incident or a witness's objection (C.Kejadian Khusus dan/atau Keberatan Saksi), with
    the voter it is about if any. `no`: its number in the day's list, the next after the newest.
    Never changed nor removed: `corrects` names the earlier one a correction sets right, and
    both stay on the form."""

    kind = EventKind.INCIDENT
    officer_id: str
    no: int
    text: str
    witness: str = ""
    corrects: int | None = None
