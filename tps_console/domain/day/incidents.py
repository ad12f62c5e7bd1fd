"""The day's incidents and witnesses' objections: *C.Kejadian Khusus dan/atau Keberatan Saksi*.

Any KPPS officer records one, the chair or a member: an objection is raised at whichever desk
the witness stands by, and the KPPS must write it down as said, then and there, not when the
chair is free. (Witnesses and the PTPS are no officers: the KPPS writes for them, and they sign
the printed form.) The polls being closed stops nothing here: objections are often raised at
the count, after closing.

A line once recorded is never changed nor removed, by anyone: a correction is a new line that
names the one it corrects, and both stay on the form. The text goes onto a form every witness
takes home, so it may not hold a NIK; the voter it is about is named by the voter field, and
the form shows only their list number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.day.checkin import resolve
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.day.reasons import given_reason
from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record.clock import stamp, unstamp
from tps_console.domain.record.events import IncidentRecorded
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record
from tps_console.domain.roll.nik import mask_nik
from tps_console.domain.store.models import Incident, Officer, Voter

# What one line of the form holds at most: a stuck scanner or a paste must not fill the log.
MAX_TEXT = 2000


@dataclass(frozen=True)
class IncidentLine:
    """One line of the form, as the report reads it. `voter`: the register number, else the NIK
    masked; `voter_no`: the voter's list number (what the printed form shows)."""

    no: int
    at: datetime  # in the station's time zone
    officer_id: str
    officer: str  # the officer's name
    text: str
    witness: str
    voter: str | None
    voter_no: int | None
    corrects: int | None

    def as_json(self) -> dict[str, Any]:
        return {
            "seq": self.no,
            "at": self.at.isoformat(timespec="seconds"),
            "officer": self.officer_id,
            "text": self.text,
            "witness": self.witness or None,
            "voter": self.voter,
            "correction_of": self.corrects,
        }


def record_incident(
    rec: Record,
    officer: OfficerInfo,
    text: str,
    *,
    witness: str = "",
    voter_key: str = "",
    corrects: int | None = None,
) -> int:
    """Record an incident or objection by a signed-in officer (any role: see the module); the
    voter by NIK or register number, as at the check-in. Returns its number on the form."""
    text = given_reason(text, "incident.text_needed", "incident.text_scanned")
    if len(text) > MAX_TEXT:
        raise BadInput("incident.too_long", length=len(text), most=MAX_TEXT)
    # A scan that landed in the witness's box would print a NIK on the form just the same.
    witness = given_reason(witness, "", "incident.text_scanned") if witness.strip() else ""
    voter_id = resolve(rec, voter_key) if voter_key.strip() else None
    with rec.write() as conn:
        last = conn.execute(select(func.max(col(Incident.no)))).scalar() or 0
        if corrects is not None and not _exists(conn, corrects):
            raise Refused("incident.no_such", no=corrects)
        # Numbered as the form numbers its lines: the next after the newest, carried by the event
        # so that replaying it gives the same line.
        incident = IncidentRecorded(
            at=stamp(rec.now()),
            officer_id=officer.id,
            desk=rec.desk,
            voter_id=voter_id,
            no=last + 1,
            text=text,
            witness=witness,
            corrects=corrects,
        )
        record_event(conn, rec, incident)
    return incident.no


def _exists(conn: Connection, no: int) -> bool:
    return conn.execute(select(col(Incident.no)).where(col(Incident.no) == no)).first() is not None


def incidents_in(conn: Connection, rec: Record) -> tuple[IncidentLine, ...]:
    """Every line of the form, in the order recorded."""
    rows: Any = conn.execute(
        select(
            col(Incident.no),
            col(Incident.at),
            col(Incident.officer_id),
            col(Officer.name).label("officer"),
            col(Incident.text),
            col(Incident.witness),
            col(Incident.corrects),
            col(Voter.no).label("voter_no"),
            col(Voter.register_no),
            col(Voter.nik),
        )
        .join(Officer, col(Officer.id) == col(Incident.officer_id))
        .outerjoin(Voter, col(Voter.id) == col(Incident.voter_id))
        .order_by(col(Incident.no))
    )
    return tuple(
        IncidentLine(
            no=r.no,
            at=rec.local(unstamp(r.at)),
            officer_id=r.officer_id,
            officer=r.officer,
            text=r.text,
            witness=r.witness,
            voter=(r.register_no or mask_nik(r.nik)) if r.nik is not None else None,
            voter_no=r.voter_no,
            corrects=r.corrects,
        )
        for r in rows
    )
