"""The day's fixed vocabulary: voter lists, sexes, ballot types, voter and event states."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """The three voter lists of a TPS."""

    DPT = "DPT"
    DPTB = "DPTb"
    DPK = "DPK"


class Sex(StrEnum):
    L = "L"
    P = "P"


class VoterStatus(StrEnum):
    ELIGIBLE = "eligible"
    RELEASED = "released"
    TRANSFERRED = "transferred"


class Role(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"


# Ballot types in the order they are handed out, with the colour printed on each.
BALLOTS: dict[str, str] = {
    "PPWP": "grey",
    "DPR": "yellow",
    "DPD": "red",
    "DPRD_PROV": "blue",
    "DPRD_KAB": "green",
}
ALL_BALLOTS = tuple(BALLOTS)


class EventKind(StrEnum):
    STATION_CREATED = "station_created"
    ROLL_IMPORTED = "roll_imported"
    OFFICER_ADDED = "officer_added"
    SIGNED_IN = "signed_in"
    PIN_FAILED = "pin_failed"
    PIN_REHASHED = "pin_rehashed"
    CHECKIN = "checkin"
    CHECKIN_REFUSED = "checkin_refused"
    DUPLICATE_BLOCKED = "duplicate_blocked"
    CHECKIN_UNDONE = "checkin_undone"
    VOTER_STATUS = "voter_status"
    BACKUP_TARGET = "backup_target"
    BACKUP_KEY = "backup_key"
    BALLOTS_RECEIVED = "ballots_received"
    BALLOT_REPLACED = "ballot_replaced"
    DPK_REGISTERED = "dpk_registered"
    QUEUE_JOINED = "queue_joined"
    POLLS_CLOSED = "polls_closed"
    DRILL_CLOCK = "drill_clock"
    INCIDENT = "incident"
