"""`report --out DIR`: the attendance lists as CSV, the figures as JSON, the printable summary.

Each file is written whole or not at all, for its owner only (`store.output`).
CSVs are UTF-8 with a BOM and `;` between fields, which is how Excel opens them on a laptop set
to Indonesian (where `,` is the decimal separator). Attendance lists are the KPPS's official
*daftar hadir*: they hold the list number, name, sex, block/cell and time of each voter who came
(and the ballots), never a NIK, birth date, register number or disability, unless the chair asks
for the full export (`full`): then those are added and each list says on its first line that it
holds protected personal data.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tps_console.domain.reports.chasil import Attendee, BySex, Report, Translate
from tps_console.domain.reports.paper import report_json
from tps_console.domain.store.output import make_folder, write_whole
from tps_console.domain.vocab import Category

ATTENDANCE_FILES = {
    Category.DPT: "daftar_hadir_dpt.csv",
    Category.DPTB: "daftar_hadir_dptb.csv",
    Category.DPK: "daftar_hadir_dpk.csv",
}
JSON_FILE = "c_hasil.json"
PDF_FILE = "c_hasil_ringkasan.pdf"
CSV_DELIMITER = ";"
CSV_COLUMNS = (
    "row", "no", "name", "sex", "block", "time", "ballots", "sources", "replaced",
)  # fmt: skip
# The full export: NIK and birth date (UU Adminduk art. 84), the register number (which ties the
# voter to the rutan's records, a criminal record being specific personal data under UU PDP) and
# the disability as written.
FULL_COLUMNS = (
    "row", "no", "name", "nik", "birth_date", "sex", "register_no", "block", "disability",
    "time", "ballots", "sources", "replaced",
)  # fmt: skip


def write_report_files(
    report: Report, out_dir: Path, tr: Translate, *, full: bool = False
) -> list[Path]:
    # fpdf2 and fontTools take half a second to import: only when a report is written.
    from tps_console.domain.reports.pdf import render_pdf

    make_folder(out_dir)
    sources = [s.name for s in report.sources]
    written = [
        write_whole(
            out_dir / name,
            attendance_csv(
                report.attendance[category], sources, tr, drill=report.drill, full=full
            ).encode("utf-8-sig"),
        )
        for category, name in ATTENDANCE_FILES.items()
    ]
    figures = json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
    written.append(write_whole(out_dir / JSON_FILE, figures.encode()))
    written.append(write_whole(out_dir / PDF_FILE, render_pdf(report, tr)))
    return written


# A cell a spreadsheet would run as a formula: names and blocks come from a roll someone else
# typed, and `=HYPERLINK(...)` in a name must stay a name. A leading apostrophe makes Excel and
# LibreOffice show the cell as text (OWASP's advice on CSV injection); tab and CR start formulas
# in some spreadsheets too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def attendance_csv(
    attendees: list[Attendee],
    sources: list[str],
    tr: Translate,
    *,
    drill: bool = False,
    full: bool = False,
) -> str:
    """One attendance list; `sources` are the ballot sources in drawing order (own first).

    A drill's list says SIMULASI in a first column, on the header line and on every row, so that
    no row copied or sorted elsewhere can pass for a polling day's. A full list (`full`) starts
    with a line saying it holds protected personal data."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    mark: list[object] = [tr("csv.drill")] if drill else []

    def line(cells: list[object]) -> None:
        writer.writerow([*mark, *cells] if cells else cells)

    columns = FULL_COLUMNS if full else CSV_COLUMNS
    if full:
        line([tr("csv.protected")])
    line([tr(f"csv.{column}") for column in columns])
    came, with_disability = BySex(), BySex()
    for row, a in enumerate(attendees, 1):
        came = came.plus(a.sex)
        if a.disability:
            with_disability = with_disability.plus(a.sex)
        cells = {
            "row": row,
            "no": a.no,
            "name": a.name,
            "nik": a.nik,
            "birth_date": a.birth_date,
            "sex": a.sex,
            "register_no": a.register_no,
            "block": f"{a.block} {a.cell}".strip(),
            "disability": a.disability,
            "time": a.time,
            "ballots": ", ".join(d.ballot for d in a.ballots),
            "sources": _sources(a, sources),
            "replaced": ", ".join(a.replaced),
        }
        line([as_text(cells[column]) for column in columns])
    line([])
    for key, value in (
        ("csv.total_l", came.men),
        ("csv.total_p", came.women),
        ("csv.total", came.total),
        ("csv.disability_l", with_disability.men),
        ("csv.disability_p", with_disability.women),
    ):
        line([tr(key), value])
    return out.getvalue()


def _sources(a: Attendee, order: list[str]) -> str:
    """One source by its name; several as `TPS 901: PPWP, DPR / TPS 905: DPD`, own first."""
    by_source: dict[str, list[str]] = {name: [] for name in order}
    for d in a.ballots:
        by_source[d.source].append(d.ballot)
    used = {name: types for name, types in by_source.items() if types}
    if len(used) <= 1:
        return next(iter(used), "")
    return " / ".join(f"{name}: {', '.join(types)}" for name, types in used.items())
