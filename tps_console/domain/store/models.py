"""The station record's tables. State lives here; the event log beside it proves how it got there.

Timestamps are UTC ISO-8601 strings ending in `Z`: they sort as text, hash the same on every
platform and database, and are shown in the station's own time zone.
"""

from __future__ import annotations

from sqlalchemy import DDL, CheckConstraint, Index, event, text
from sqlmodel import Field, SQLModel

from tps_console.domain.store import server


class Station(SQLModel, table=True):
    # The settings have no default here: `project` writes each from the station's creation
    # (`StationCreated`), whose values the set-up (`record/creation.py`) states once.
    id: int = Field(default=1, primary_key=True)
    tps: str
    polling_date: str  # YYYY-MM-DD, local
    opens: str
    closes: str
    dpk_from: str
    timezone: str
    created_at: str
    roll_count: int = 0
    roll_fingerprint: str = ""
    closed_at: str | None = None
    # Where the desk keeps its automatic copies (a USB stick), set by the chair.
    backup_dir: str
    backup_minutes: int
    backup_keep: int
    # A training station (`init --drill`, `demo`): SIMULASI everywhere, never a real one. Its
    # clock reads `drill_at` at real time `drill_since` and runs on from there.
    drill: bool = False
    drill_at: str | None = None
    drill_since: str | None = None
    # The place lines of the forms: the rutan, desa/kelurahan, kecamatan, kabupaten/kota, provinsi.
    rutan: str = ""
    desa: str = ""
    kecamatan: str = ""
    kabupaten: str = ""
    provinsi: str = ""


class Voter(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    no: int = Field(index=True)
    nik: str = Field(unique=True)
    name: str
    sex: str
    birth_date: str  # YYYY-MM-DD
    category: str
    register_no: str | None = Field(default=None, unique=True)
    block: str = ""
    cell: str = ""
    disability: str = ""
    ballots: str  # comma-separated ballot codes the voter is entitled to
    status: str = "eligible"
    status_reason: str = ""
    status_at: str | None = None


class Officer(SQLModel, table=True):
    id: str = Field(primary_key=True)
    name: str
    role: str
    pin_hash: str
    added_at: str


ACTIVE_INDEX = "uq_checkin_active_voter"


class CheckIn(SQLModel, table=True):
    __table_args__ = (
        # Non-negotiable 1: the database itself refuses a second active check-in of a voter,
        # whatever any desk looked up before inserting.
        Index(
            ACTIVE_INDEX,
            "voter_id",
            unique=True,
            sqlite_where=text("active = 1"),
            # postgresql_where is added by db.create_schema on PostgreSQL only: naming it here
            # would import the whole PostgreSQL dialect at every start of the desk.
        ),
        # SQLite stores booleans as integers: a 2 would read as True yet escape `active = 1` and
        # with it the unique index above.
        CheckConstraint("active = true OR active = false", name="ck_checkin_active_boolean"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # Every check-in of a voter, undone ones too (a ballot is replaced once per voter, even across
    # an undone and repeated check-in); the active one is found through the unique index above.
    voter_id: int = Field(foreign_key="voter.id", index=True)
    officer_id: str = Field(foreign_key="officer.id")
    desk: str
    at: str
    active: bool = True
    undone_at: str | None = None
    undone_by: str | None = None
    undo_reason: str | None = None


# The station's own stock is drawn from first, before every lending TPS.
OWN_POSITION = 0


class BallotSource(SQLModel, table=True):
    """Where ballots come from: the station's own stock (position 0), then each lending TPS
    (*TPS penyangga*) in the order its first delivery was entered, which is the order they are
    drawn from."""

    name: str = Field(primary_key=True)
    position: int = Field(unique=True)
    added_at: str


class BallotStock(SQLModel, table=True):
    """Running count per source and type. `received` comes from the handover minutes; the
    constraints make the database refuse to hand out a ballot that is not there."""

    __table_args__ = (
        CheckConstraint("remaining >= 0", name="ck_ballotstock_not_negative"),
        CheckConstraint("remaining <= received", name="ck_ballotstock_not_above_received"),
    )

    source: str = Field(foreign_key="ballotsource.name", primary_key=True)
    ballot: str = Field(primary_key=True)
    received: int = 0
    remaining: int = 0


class IssuedBallot(SQLModel, table=True):
    """One ballot handed to a voter, and the source it was drawn from (its votes are counted
    there). A spoiled ballot keeps its row, marked, and counts as damaged against its source."""

    __table_args__ = {"sqlite_with_rowid": False}

    checkin_id: int = Field(foreign_key="checkin.id", primary_key=True)
    ballot: str = Field(primary_key=True)
    # 0: handed out at check-in; 1: the replacement for a spoiled one (allowed once per type).
    replacement: int = Field(default=0, primary_key=True)
    source: str = Field(foreign_key="ballotsource.name")
    at: str
    spoiled_at: str | None = None


class QueueEntry(SQLModel, table=True):
    """A voter standing in the queue at closing time: may still be checked in after it."""

    voter_id: int = Field(foreign_key="voter.id", primary_key=True)
    officer_id: str = Field(foreign_key="officer.id")
    at: str


class Event(SQLModel, table=True):
    """Append-only, hash-chained log. Nothing in the program updates or deletes a row here."""

    __table_args__ = (Index("ix_event_kind_officer", "kind", "officer_id"),)

    seq: int = Field(primary_key=True)
    at: str
    kind: str
    officer_id: str | None = None
    desk: str = ""
    voter_id: int | None = None
    drill: bool = False
    payload: str = "{}"  # canonical JSON
    prev_hash: str
    hash: str


# On a server, the event table notifies each insert's seq (see server.py): made with the table.
for _ddl in server.NOTIFY_DDL:
    event.listen(
        Event.__table__,  # type: ignore[attr-defined]
        "after_create",
        DDL(_ddl).execute_if(dialect="postgresql"),
    )


class Incident(SQLModel, table=True):
    """One line of C.Kejadian Khusus dan/atau Keberatan Saksi. `corrects`: the earlier line a
    correction sets right (a witness's objection is never edited nor deleted)."""

    no: int = Field(primary_key=True)
    at: str
    officer_id: str = Field(foreign_key="officer.id")
    desk: str
    text: str
    witness: str = ""  # the saksi who objects; empty: an incident nobody objected to
    voter_id: int | None = Field(default=None, foreign_key="voter.id")
    corrects: int | None = Field(default=None, foreign_key="incident.no")
