"""The day's counts that the status shows, apart from the rules that change them: reading them
(every start of the desk and the panel, before their first frame) does not load those rules."""

from __future__ import annotations

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.store.db import Prepared
from tps_console.domain.store.models import CheckIn, Incident, QueueEntry

WAITING = Prepared(
    select(func.count())
    .select_from(QueueEntry)
    .outerjoin(CheckIn, (col(CheckIn.voter_id) == col(QueueEntry.voter_id)) & col(CheckIn.active))
    .where(col(CheckIn.id).is_(None))
)


def queue_waiting(conn: Connection) -> int:
    """Voters in the queue who have not been checked in (yet)."""
    return int(WAITING.first(conn)[0])


def incident_count(conn: Connection) -> int:
    """Lines on the form, corrections included: what the witness panel counts."""
    return int(conn.execute(select(func.count()).select_from(Incident)).scalar_one())
