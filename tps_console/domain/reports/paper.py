"""The paper text: the C.Hasil summary's figures as one short line, printed as the summary's QR
code, and checked against the record by `tps-console verify DB --paper TEXT`.

A witness's copy of the figures is checked by a machine, not by retyping: a phone or scanner
reads the QR off the paper and `verify --paper` says whether every figure on it is the record's.
The text holds counts and codes only, never a name, NIK or register number.

Format, version 2 (fields separated by `;`, in this order, nothing else; one line, ASCII apart
from the TPS name, about 250 characters):

    TPSC2;TPS 901;2024-02-14;R;DPT=60,10/55,9;DPTB=102,8/90,7;DPK=0,0/1,0;
    PPWP=184,1,2,181;DPR=184,0,3,181;DPD=…;DPRD_PROV=…;DPRD_KAB=…;C=412:<64 hex digits>

(shown on two lines here; the text has no line break)

1. `TPSC2`: this format, version 2. Another version is a new prefix, never a change of this
   one. Version 1 (`TPSC1`, printed before witness codes were bound to their event) is read
   too: it is version 2 without the event number.
2. The TPS as the station names it; `%` and `;` in it are written `%25` and `%3B`.
3. Polling date, `YYYY-MM-DD`.
4. `R` a polling day's station, `S` a drill (*simulasi*): a drill's paper never passes for a
   real one's.
5. The voter section of C.Hasil, one field per list (`DPT`, `DPTB`, `DPK`):
   `LIST=on-list men,on-list women/voted men,voted women` (`pemilih_*_l`, `pemilih_*_p`,
   `pengguna_*_l`, `pengguna_*_p`). Totals (J, and the sum over lists) are not carried: they
   follow from these.
6. The ballot section, one field per type in KPU's order (`PPWP`, `DPR`, `DPD`, `DPRD_PROV`,
   `DPRD_KAB`): `TYPE=received,damaged,unused,used`, all sources together, as C.Hasil lists them.
7. `C=`, the polls-closed event's number, `:` and its full hash, once the polls are closed;
   before that `O=` ("open": not closed, the figures may still change) and the newest event's.
   The whole 256-bit hash, so the paper carries what no rewritten record can match (see
   `record/proof.py`), bound to its event: `verify --paper` checks both.

Numbers are decimal, without leading zeros. There is no checksum, on purpose: the check is against
the record, where a figure changed on paper (or a QR pasted over) shows as a figure that differs,
named; a checksum would only tell a forger to recompute it. The QR's own error correction covers
a smudged print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tps_console.domain.errors import BadInput, echoed
from tps_console.domain.reports.chasil import Report, Translate
from tps_console.domain.vocab import ALL_BALLOTS

PREFIX = "TPSC2"
PREFIX_V1 = "TPSC1"
LISTS = ("dpt", "dptb", "dpk")
BALLOT_FIELDS = (
    "diterima",
    "rusak",
    "sisa",
    "digunakan",
)  # C.Hasil's order; report.as_json's names
REAL, DRILL = "R", "S"
CLOSED, OPEN = "C", "O"

_NUMBER = r"(?:0|[1-9][0-9]{0,5})"
_PAIR = rf"({_NUMBER}),({_NUMBER})"
_HASH = r"([0-9a-fA-F]{64})"


@dataclass(frozen=True)
class Paper:
    """What a paper text says: the figures by name (`pemilih_dpt_l`, `ppwp_diterima`, …)."""

    tps: str
    polling_date: date
    drill: bool
    figures: dict[str, int]
    closed: bool
    code: str  # the closing event's full hash if closed, else the newest event's
    seq: int | None  # that event's number (None on a version 1 paper)


@dataclass(frozen=True)
class Difference:
    """One figure (or the TPS, date, kind or code) where the paper and the record differ."""

    name: str  # `pengguna_dpt_l`, `ppwp_sisa`, `tps`, `tanggal`, `simulasi`, `kode`
    paper: str
    record: str


def paper_text(report: Report) -> str:
    """The QR's text for this report (see the module's docstring)."""
    fields = [
        PREFIX,
        report.tps.replace("%", "%25").replace(";", "%3B"),
        report.polling_date.isoformat(),
        DRILL if report.drill else REAL,
    ]
    for key in LISTS:
        on, came = report.voters[key], report.voted[key]
        fields.append(f"{key.upper()}={on.men},{on.women}/{came.men},{came.women}")
    for ballot in ALL_BALLOTS:
        f = report.ballots[ballot]
        fields.append(f"{ballot}={f.received},{f.damaged},{f.remaining},{f.used}")
    seq, code = report.proof_event
    fields.append(f"{CLOSED if report.closing else OPEN}={seq}:{code}")
    return ";".join(fields)


def report_json(report: Report) -> dict[str, Any]:
    """`report --json` and `c_hasil.json`: the report's figures and, as `qr`, the paper text."""
    return {**report.as_json(), "qr": paper_text(report)}


def figures_of(report: Report) -> dict[str, int]:
    """The record's figures under the names a paper text gives them."""
    figures: dict[str, int] = {}
    for key in LISTS:
        for group, counts in (("pemilih", report.voters[key]), ("pengguna", report.voted[key])):
            figures[f"{group}_{key}_l"] = counts.men
            figures[f"{group}_{key}_p"] = counts.women
    for ballot in ALL_BALLOTS:
        f = report.ballots[ballot]
        values = (f.received, f.damaged, f.remaining, f.used)
        for name, value in zip(BALLOT_FIELDS, values, strict=True):
            figures[f"{ballot.lower()}_{name}"] = value
    return figures


def parse_paper(text: str) -> Paper:
    """A paper text read off the QR (surrounding spaces and line ends, which scanners add, are
    ignored). Raises `BadInput` (exit 2) for anything that is not this format."""
    fields = text.strip().split(";")
    expected = 4 + len(LISTS) + len(ALL_BALLOTS) + 1
    if fields[0] not in (PREFIX, PREFIX_V1) or len(fields) != expected:
        raise BadInput("paper.not_paper", text=echoed(text))
    _, tps, day, kind, *rest = fields
    try:
        polling_date = date.fromisoformat(day)
    except ValueError:
        polling_date = None
    if not tps or polling_date is None or len(day) != 10 or kind not in (REAL, DRILL):
        raise BadInput("paper.not_paper", text=echoed(text))
    figures: dict[str, int] = {}
    for key, field in zip(LISTS, rest, strict=False):
        m = re.fullmatch(rf"{key.upper()}={_PAIR}/{_PAIR}", field)
        if not m:
            raise BadInput("paper.bad_field", field=echoed(field))
        names = [f"{g}_{key}_{s}" for g in ("pemilih", "pengguna") for s in ("l", "p")]
        figures.update(zip(names, map(int, m.groups()), strict=True))
    for ballot, field in zip(ALL_BALLOTS, rest[len(LISTS) :], strict=False):
        m = re.fullmatch(rf"{ballot}=" + ",".join([f"({_NUMBER})"] * 4), field)
        if not m:
            raise BadInput("paper.bad_field", field=echoed(field))
        names = [f"{ballot.lower()}_{name}" for name in BALLOT_FIELDS]
        figures.update(zip(names, map(int, m.groups()), strict=True))
    seq = r"" if fields[0] == PREFIX_V1 else r"([1-9][0-9]{0,8}):"
    m = re.fullmatch(rf"([{CLOSED}{OPEN}])={seq}{_HASH}", rest[-1])
    if not m:
        raise BadInput("paper.bad_field", field=echoed(rest[-1]))
    return Paper(
        tps=tps.replace("%3B", ";").replace("%25", "%"),
        polling_date=polling_date,
        drill=kind == DRILL,
        figures=figures,
        closed=m[1] == CLOSED,
        code=m[m.lastindex or 0].lower(),
        seq=int(m[2]) if fields[0] == PREFIX else None,
    )


def compare(paper: Paper, report: Report) -> list[Difference]:
    """Every figure, and the TPS, date, kind and code, where the paper differs from the record;
    empty when the paper is the record's."""
    out: list[Difference] = []
    if paper.tps != report.tps:
        out.append(Difference("tps", paper.tps, report.tps))
    if paper.polling_date != report.polling_date:
        out.append(
            Difference("tanggal", paper.polling_date.isoformat(), report.polling_date.isoformat())
        )
    if paper.drill != report.drill:
        out.append(Difference("simulasi", _kind(paper.drill), _kind(report.drill)))
    record = figures_of(report)
    for name, value in paper.figures.items():
        if record[name] != value:
            out.append(Difference(name, str(value), str(record[name])))
    kind = CLOSED if report.closing else OPEN
    seq, code = report.proof_event
    noted_kind = CLOSED if paper.closed else OPEN
    if noted_kind != kind or paper.code != code or paper.seq not in (None, seq):
        noted_seq = "" if paper.seq is None else f"{paper.seq}:"
        out.append(
            Difference("kode", f"{noted_kind}={noted_seq}{paper.code}", f"{kind}={seq}:{code}")
        )
    return out


def _kind(drill: bool) -> str:
    return DRILL if drill else REAL


# The words for a figure's name, from the summary's own headings.
_GROUP_WORDS = {"pemilih": "pdf.on_list", "pengguna": "pdf.voted"}
_SEX_WORDS = {"l": "pdf.l", "p": "pdf.p"}
_COLUMN_WORDS = {
    "diterima": "pdf.received",
    "rusak": "pdf.damaged",
    "sisa": "pdf.remaining",
    "digunakan": "pdf.used",
}
_FIELD_WORDS = {
    "tps": "paper.field_tps",
    "tanggal": "paper.field_tanggal",
    "simulasi": "paper.field_simulasi",
    "kode": "paper.field_kode",
}


def figure_label(name: str, tr: Translate) -> str:
    """A difference's name in words, in the language `tr` speaks."""
    if name in _FIELD_WORDS:
        return tr(_FIELD_WORDS[name])
    group, rest = name.split("_", 1)
    if group in _GROUP_WORDS:
        key, sex = rest.rsplit("_", 1)
        return f"{tr(_GROUP_WORDS[group])}, {tr(f'pdf.list_{key}')}, {tr(_SEX_WORDS[sex])}"
    ballot, column = name.rsplit("_", 1)
    return f"{tr(f'ballot.{ballot.upper()}')}, {tr(_COLUMN_WORDS[column]).rstrip('*')}"
