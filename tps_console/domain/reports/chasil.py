"""The C.Hasil numbers and the attendance lists (*daftar hadir*), read in one snapshot.

Undone check-ins never count. "Voters on the lists" (`pemilih`) counts every voter the lists
hold, released and transferred inmates included (they remain on the list KPU issued), plus the
DPK voters registered on the day. The ballot section is checked, never fixed: for every type
and source, received = used + damaged + remaining, where `remaining` is the running stock and
the other terms are counted from the issued ballots; a difference is an error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.day.ballots import BallotFigures, Draw, SourceStock, stock_in, totals
from tps_console.domain.day.incidents import IncidentLine, incidents_in
from tps_console.domain.errors import TpsError
from tps_console.domain.order import natural_key
from tps_console.domain.record import chain
from tps_console.domain.record.clock import unstamp
from tps_console.domain.record.projection import closed_at
from tps_console.domain.record.proof import proof_json
from tps_console.domain.record.station import Place, Record
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, IssuedBallot, Officer, Voter
from tps_console.domain.vocab import ALL_BALLOTS, Category, Role, Sex

# Turns a catalogue key and its parameters into words (the UI's `t`): the domain stays
# language-free, the files come out in the language the caller chose.
Translate = Callable[..., str]


def long_date(day: date, tr: Translate) -> str:
    """The date written out as the forms write it ("Rabu, 14 Februari 2024"), from the
    catalogue's names in the reader's language: never the laptop's locale."""
    return tr(
        "date.long",
        weekday=tr(f"date.weekday_{day.weekday()}"),
        day=day.day,
        month=tr(f"date.month_{day.month}"),
        year=day.year,
    )


LIST_KEYS = {Category.DPT: "dpt", Category.DPTB: "dptb", Category.DPK: "dpk"}


class BallotsUnbalanced(TpsError):
    """The ballot identity does not hold: the record is inconsistent. Never silently fixed."""

    exit_code = 1


@dataclass(frozen=True)
class BySex:
    """A C.Hasil cell triple: men (L), women (P) and together (J)."""

    men: int = 0
    women: int = 0

    @property
    def total(self) -> int:
        return self.men + self.women

    def plus(self, sex: str, n: int = 1) -> BySex:
        if sex == Sex.L:
            return BySex(self.men + n, self.women)
        return BySex(self.men, self.women + n)

    def __add__(self, other: BySex) -> BySex:
        return BySex(self.men + other.men, self.women + other.women)

    def as_json(self) -> dict[str, int]:
        return {"l": self.men, "p": self.women, "j": self.total}


@dataclass(frozen=True)
class Attendee:
    """One line of an attendance list. The NIK, birth date, register number and disability are
    read for the chair's full export only (`files.attendance_csv(full=True)`)."""

    no: int
    name: str
    sex: str
    register_no: str
    block: str
    cell: str
    disability: str  # as the roll or the DPK form gave it; empty: none
    time: str  # local HH:MM:SS of the check-in
    ballots: tuple[Draw, ...]  # what the voter holds (a replacement in place of the spoiled one)
    replaced: tuple[str, ...]  # types whose first ballot was spoiled and replaced
    nik: str = ""
    birth_date: str = ""  # YYYY-MM-DD


@dataclass(frozen=True)
class Report:
    tps: str
    polling_date: date
    generated_at: datetime  # local
    drill: bool
    closed_at: datetime | None  # local
    voters: dict[str, BySex]  # `pemilih`: dpt, dptb, dpk, total
    voted: dict[str, BySex]  # `pengguna`: dpt, dptb, dpk, total
    disabled_voters: BySex
    disabled_voted: BySex
    ballots: dict[str, BallotFigures]  # per type, all sources together
    sources: list[SourceStock]  # drawing order: own first
    audit_head: str
    events: int
    closing: tuple[int, str] | None = None  # the polls-closed event: (seq, hash)
    place: Place = Place()  # the rutan and its administrative area, as entered
    attendance: dict[str, list[Attendee]] = field(default_factory=dict)  # per list (DPT, …)
    incidents: tuple[IncidentLine, ...] = ()  # C.Kejadian Khusus, corrections included
    kpps: tuple[str, ...] = ()  # the officers' names, the chair first: KPPS lines 1, 2, …

    @property
    def proof_event(self) -> tuple[int, str]:
        """The event the figures stand on (seq, hash): the closing one once closed."""
        return self.closing or (self.events, self.audit_head)

    def as_json(self) -> dict[str, Any]:
        return {
            "tps": self.tps,
            "tanggal": self.polling_date.isoformat(),
            "dibuat": self.generated_at.isoformat(timespec="seconds"),
            "simulasi": self.drill,
            "ditutup": self.closed_at.isoformat(timespec="seconds") if self.closed_at else None,
            "pemilih": {k: v.as_json() for k, v in self.voters.items()},
            "pengguna": {k: v.as_json() for k, v in self.voted.items()},
            "disabilitas": {
                "pemilih": self.disabled_voters.as_json(),
                "pengguna": self.disabled_voted.as_json(),
            },
            "surat_suara": {b: _figures_json(f) for b, f in self.ballots.items()},
            "sumber": {s.name: {b: f.used for b, f in s.by_type.items()} for s in self.sources},
            "surat_suara_per_sumber": {
                s.name: {b: _figures_json(f) for b, f in s.by_type.items()} for s in self.sources
            },
            **proof_json(self.events, self.audit_head, self.closing),
            "incidents": [incident.as_json() for incident in self.incidents],
        }


def _figures_json(f: BallotFigures) -> dict[str, int]:
    return {"diterima": f.received, "digunakan": f.used, "rusak": f.damaged, "sisa": f.remaining}


def build_report(rec: Record) -> Report:
    """Everything C.Hasil and the attendance lists need. Raises `BallotsUnbalanced`."""
    with read(rec.engine) as conn:
        stock = stock_in(conn)
        for source in stock:
            for ballot, figures in source.by_type.items():
                if not figures.balanced:
                    raise BallotsUnbalanced(
                        "report.unbalanced",
                        type=ballot,
                        source=source.name,
                        received=figures.received,
                        used=figures.used,
                        damaged=figures.damaged,
                        remaining=figures.remaining,
                    )
        voters, disabled_voters = _by_list(conn, active_only=False)
        voted, disabled_voted = _by_list(conn, active_only=True)
        seq, head = chain.head(conn)
        closed = closed_at(conn)
        closing = chain.closing(conn) if closed else None
        attendance = _attendance(conn, rec)
        incidents = incidents_in(conn, rec)
        kpps = _kpps(conn)
    zone = rec.station.timezone
    return Report(
        tps=rec.station.tps,
        polling_date=rec.station.polling_date,
        generated_at=rec.now().astimezone(zone),
        drill=rec.drill,
        closed_at=unstamp(closed).astimezone(zone) if closed else None,
        voters=voters,
        voted=voted,
        disabled_voters=disabled_voters,
        disabled_voted=disabled_voted,
        ballots=totals(stock),
        sources=stock,
        audit_head=head,
        events=seq,
        closing=closing,
        attendance=attendance,
        place=rec.station.place,
        incidents=incidents,
        kpps=kpps,
    )


def _kpps(conn: Connection) -> tuple[str, ...]:
    """The officers' names in the order of the KPPS lines they sign on: the chair on line 1,
    then the members as they were added (officers added in one go by their IDs, anggota2
    before anggota10). The record keeps no member number, so the order added stands for it."""
    officers = conn.execute(
        select(col(Officer.name), col(Officer.role), col(Officer.added_at), col(Officer.id))
    )
    ordered = sorted(officers, key=lambda o: (o.role != Role.CHAIR, o.added_at, natural_key(o.id)))
    return tuple(o.name for o in ordered)


def _by_list(conn: Connection, *, active_only: bool) -> tuple[dict[str, BySex], BySex]:
    """Per list and sex (and those with a disability): every voter, or those who came."""
    disabled = col(Voter.disability) != ""
    query = select(
        col(Voter.category), col(Voter.sex), disabled.label("disabled"), func.count()
    ).group_by(col(Voter.category), col(Voter.sex), disabled)
    if active_only:
        query = query.join(CheckIn, col(CheckIn.voter_id) == col(Voter.id)).where(
            col(CheckIn.active)
        )
    counts = {key: BySex() for key in LIST_KEYS.values()}
    with_disability = BySex()
    for category, sex, is_disabled, n in conn.execute(query):
        key = LIST_KEYS[Category(category)]
        counts[key] = counts[key].plus(sex, n)
        if is_disabled:
            with_disability = with_disability.plus(sex, n)
    counts["total"] = sum(counts.values(), BySex())
    return counts, with_disability


def _attendance(conn: Connection, rec: Record) -> dict[str, list[Attendee]]:
    """Who came, per list, in the order they were checked in."""
    held: dict[int, list[Draw]] = {}
    replaced: dict[int, list[str]] = {}
    for checkin_id, ballot, source, spoiled in conn.execute(
        select(
            col(IssuedBallot.checkin_id),
            col(IssuedBallot.ballot),
            col(IssuedBallot.source),
            col(IssuedBallot.spoiled_at),
        )
        .join(CheckIn, col(CheckIn.id) == col(IssuedBallot.checkin_id))
        .where(col(CheckIn.active))
        .order_by(col(IssuedBallot.replacement))
    ):
        if spoiled is None:
            held.setdefault(checkin_id, []).append(Draw(ballot, source))
        else:
            replaced.setdefault(checkin_id, []).append(ballot)
    lists: dict[str, list[Attendee]] = {c.value: [] for c in Category}
    v: Any
    for v in conn.execute(
        select(
            col(CheckIn.id).label("checkin_id"),
            col(CheckIn.at),
            col(Voter.no),
            col(Voter.name),
            col(Voter.nik),
            col(Voter.birth_date),
            col(Voter.sex),
            col(Voter.category),
            col(Voter.register_no),
            col(Voter.block),
            col(Voter.cell),
            col(Voter.disability),
        )
        .join(Voter, col(Voter.id) == col(CheckIn.voter_id))
        .where(col(CheckIn.active))
        .order_by(col(CheckIn.at), col(CheckIn.id))
    ):
        draws = held.get(v.checkin_id, [])
        lists[v.category].append(
            Attendee(
                no=v.no,
                name=v.name,
                sex=v.sex,
                register_no=v.register_no or "",
                block=v.block,
                cell=v.cell,
                disability=v.disability,
                time=rec.local(unstamp(v.at)).strftime("%H:%M:%S"),
                ballots=tuple(sorted(draws, key=lambda d: ALL_BALLOTS.index(d.ballot))),
                replaced=tuple(replaced.get(v.checkin_id, ())),
                nik=v.nik,
                birth_date=v.birth_date,
            )
        )
    return lists
