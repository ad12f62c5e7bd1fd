"""The DPK hour: registering a walk-in voter who is on neither list (12:00–13:00 only).

The chair registers the voter from their KTP-el; the voter is then checked in like anyone else
(by NIK). The registration event carries the full record, so `verify` can tell a DPK voter added
by the program from a row slipped into the voter table behind its back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import bindparam, func, select
from sqlmodel import col

from tps_console.domain.day.ballots import available_asked, remaining_in
from tps_console.domain.day.hours import PollState, outside_dpk_hour, poll_state, refuse_if_closed
from tps_console.domain.day.officers import OfficerInfo, require_chair
from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record import chain
from tps_console.domain.record.clock import stamp
from tps_console.domain.record.events import DpkRegistered
from tps_console.domain.record.projection import closed_at_asked, closed_at_of, record_event
from tps_console.domain.record.station import Record, StationInfo
from tps_console.domain.roll.nik import NikProblem, mask_nik, nik_mismatches, normalise_nik
from tps_console.domain.roll.parse import RollEntry, age_on, parse_date, parse_sex
from tps_console.domain.store import site
from tps_console.domain.store.db import Prepared, together
from tps_console.domain.store.models import CheckIn, Voter
from tps_console.domain.vocab import ALL_BALLOTS, Category, VoterStatus

MIN_AGE = 17

_ON_ROLL = Prepared(
    select(
        col(Voter.no),
        col(Voter.name),
        col(Voter.category),
        col(Voter.status),
        col(Voter.status_reason),
    ).where(col(Voter.nik) == bindparam("nik"))
)
_DPK_WAITING = Prepared(
    select(func.count())
    .select_from(Voter)
    .outerjoin(CheckIn, (col(CheckIn.voter_id) == col(Voter.id)) & col(CheckIn.active))
    .where(
        col(Voter.category) == Category.DPK,
        col(Voter.status) == VoterStatus.ELIGIBLE,
        col(CheckIn.id).is_(None),
    )
)
_LAST = Prepared(select(func.max(col(Voter.no)), func.max(col(Voter.id))))
# On a site: the NIK on another TPS's roll (a DPK voter is on no roll of the site).
_ON_SITE_ROLL = Prepared(
    select(site.ROLL.c.tps, site.ROLL.c.name).where(
        site.ROLL.c.nik == bindparam("nik"), site.ROLL.c.station != func.current_schema()
    )
)


@dataclass(frozen=True)
class DpkAdded:
    voter_id: int
    no: int
    name: str
    warnings: tuple[str, ...]  # catalogue keys, each with `nik`: the NIK disagrees with the KTP


def register_dpk(
    rec: Record,
    chair: OfficerInfo,
    *,
    nik: str,
    name: str,
    sex: str,
    birth: str | date,
    married: bool = False,
    disability: str = "",
) -> DpkAdded:
    """Register a DPK voter (chair only, DPK hour only, while ballots remain)."""
    require_chair(chair)
    entry = _dpk_entry(nik, name, sex, birth, disability, rec.station.polling_date)
    age = age_on(entry.birth_date, rec.station.polling_date)
    if age < MIN_AGE and not married:
        raise Refused("dpk.under_17", age=age)
    asked = [
        closed_at_asked(),
        _ON_ROLL.one(nik=entry.nik),
        _DPK_WAITING.one(),
        available_asked(),
        _LAST.one(),
        chain.head_asked(),
    ]
    if rec.site:
        asked.append(_ON_SITE_ROLL.one(nik=entry.nik))
    with rec.write() as conn:
        # Read together: on a server, one round trip with BEGIN and the lock.
        closed, on_roll, waiting, stock, last, head, *elsewhere = together(conn, *asked)
        refuse_if_closed(rec.station, closed_at_of(closed))
        refusal = registration_refusal(rec.station, rec.now())
        if refusal is not None:
            raise refusal
        if on_roll is not None:
            # Said as it stands: a released or transferred voter is no listed voter to serve.
            listed = {"name": on_roll.name, "category": on_roll.category, "no": on_roll.no}
            if on_roll.status == VoterStatus.ELIGIBLE:
                raise Refused("dpk.on_roll", **listed)
            raise Refused(f"dpk.on_roll_{on_roll.status}", **listed, reason=on_roll.status_reason)
        if elsewhere and elsewhere[0] is not None:
            other = elsewhere[0]
            raise Refused("dpk.other_tps", name=other.name, nik=mask_nik(entry.nik), tps=other.tps)
        # Types with no ballot left for one more voter, counting DPK voters registered earlier
        # who have not been checked in yet: their ballots are as good as taken.
        out = [b for b, left in remaining_in(stock).items() if left - waiting[0] < 1]
        if out:
            raise Refused("dpk.no_ballots", types=", ".join(out))
        last_no, last_id = last
        entry = replace(entry, no=(last_no or 0) + 1)
        # The event carries the new voter's id, so that replaying it gives the same row: the next
        # after the newest, as SQLite's rowid gave it before events carried it.
        voter_id = (last_id or 0) + 1
        registered = DpkRegistered(
            at=stamp(rec.now()),
            officer_id=chair.id,
            desk=rec.desk,
            voter_id=voter_id,
            voter=entry.record(),
            married=married,
        )
        record_event(conn, rec, registered, after=chain.head_of(head))
    warnings = nik_mismatches(entry.nik, entry.birth_date, entry.sex)
    return DpkAdded(voter_id, entry.no, entry.name, tuple(warnings))


def registration_refusal(station: StationInfo, now: datetime) -> Refused | None:
    """Why no DPK voter can be registered at `now` (outside the DPK hour), or None: what the
    registration decides on, and what the desk's form says as it opens."""
    if poll_state(station, now) == PollState.DPK_HOUR:
        return None
    return outside_dpk_hour(station)


def _dpk_entry(
    raw_nik: str, raw_name: str, raw_sex: str, birth: str | date, disability: str, day: date
) -> RollEntry:
    """The voter as a roll entry (list number still to be given), or the first bad input."""
    nik = normalise_nik(raw_nik)
    if isinstance(nik, NikProblem):
        raise BadInput(nik.key, **nik.params)
    name = " ".join(raw_name.split())
    if not name:
        raise BadInput("dpk.empty_name")
    sex = parse_sex(raw_sex)
    if sex is None:
        raise BadInput("dpk.bad_sex", value=raw_sex)
    born = birth if isinstance(birth, date) else parse_date(birth)
    if born is None:
        raise BadInput("dpk.bad_birth", value=str(birth))
    if born > day:
        raise BadInput("dpk.future_birth", value=born.isoformat())
    return RollEntry(
        no=0,
        nik=nik,
        name=name,
        sex=sex,
        birth_date=born,
        category=Category.DPK.value,
        register_no=None,
        block="",
        cell="",
        disability=" ".join(disability.split()),
        ballots=ALL_BALLOTS,  # DPK voters get all five (DOMAIN.md)
    )
