"""The C.Hasil summary the KPPS, the witnesses and the Pengawas TPS sign: one A4 sheet, drill or
real, open or closed, with the figures and every signature line on it, and the names of the
station's seven officers printed on their own KPPS lines. Read back from the PDF with pdfium,
by where each text stands on the page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.helpers import make_drill_station, make_station, wib
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.closing import close_polls
from tps_console.domain.day.officers import OfficerInfo, add_officer
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Place, Record
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.reports.files import PDF_FILE, write_report_files
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.i18n import t

# Added after the demo chair and member 4, in this order; one name too long for its cell.
MEMBERS = (
    ("anggota2", "Siti Rahayu"),
    ("anggota3", "Muhammad Abdurrahman Wahid Hasyim"),
    ("anggota5", "Bambang Sutrisno"),
    ("anggota6", "Dewi Lestari Kusumawardhani"),
    ("anggota7", "Yohanes Purnomo"),
)
KPPS_LINES = (
    ("Ketua KPPS (1)", "Ketua KPPS (demo)"),
    ("Anggota KPPS 2", "Anggota KPPS 4 (demo)"),
    *((f"Anggota KPPS {n}", name) for n, (_, name) in enumerate(MEMBERS, start=3)),
)
BLORA = Place(
    "Rutan Kelas IIB Blora", "Kelurahan Tempelan", "Blora", "Kabupaten Blora", "Jawa Tengah"
)


# Printed on two lines of its cell: the first stands on the KPPS line.
FIRST_LINE = {"Muhammad Abdurrahman Wahid Hasyim": "Muhammad Abdurrahman"}
CHAIR = OfficerInfo("ketua", "Ketua KPPS (demo)", "chair")
MEMBER = OfficerInfo("anggota4", "Anggota KPPS 4 (demo)", "member")


@pytest.fixture(scope="module", params=["real", "drill"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def seven_officers_day(path: Path, *, drill: bool, closed: bool) -> Record:
    """Seven officers, a lending TPS, ten voters by 09:30; closed at 13:05 if `closed`."""
    clock = FixedClock(wib(9))
    rec = make_drill_station(path, clock, wib(9)) if drill else make_station(path, clock)
    for officer_id, name in MEMBERS:
        clock.advance(minutes=1)
        add_officer(rec, officer_id, name, "member", "2468", by=CHAIR)
    receive_ballots(rec, CHAIR, dict.fromkeys(ALL_BALLOTS, 20), source="TPS 905")
    for voter_id in range(1, 11):
        clock.advance(minutes=3)
        check_in(rec, MEMBER, voter_id=voter_id)
    if closed:
        clock.set(wib(13, 5))
        close_polls(rec, CHAIR)
    return rec


@pytest.fixture(scope="module", params=["open", "closed"])
def summary(
    request: pytest.FixtureRequest, kind: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[pdfium.PdfDocument]:
    """The summary of that day, written as `report --out` writes it; read by both tests."""
    tmp_path = tmp_path_factory.mktemp(f"{kind}-{request.param}")
    rec = seven_officers_day(
        tmp_path / "tps.db", drill=kind == "drill", closed=request.param == "closed"
    )
    try:
        report = build_report(rec)
    finally:
        rec.close()
    # Every place line given: the tallest heading a summary has.
    write_report_files(replace(report, place=BLORA), tmp_path / "laporan", t)
    doc = pdfium.PdfDocument(tmp_path / "laporan" / PDF_FILE)
    yield doc
    doc.close()


def found(doc: pdfium.PdfDocument, text: str) -> list[tuple[int, float, float]]:
    """The page, left and height (from the bottom, in points) of each place `text` stands on,
    left to right."""
    places = []
    for number, page in enumerate(doc):
        textpage = page.get_textpage()
        searcher = textpage.search(text, match_case=True)
        while (hit := searcher.get_next()) is not None:
            start, _ = hit
            left, bottom, _, top = textpage.get_charbox(start)
            places.append((number, left, (bottom + top) / 2))
        searcher.close()
        textpage.close()
    return sorted(places, key=lambda place: place[1])


def test_the_summary_is_one_sheet_with_the_figures_and_every_signature_line(
    summary: pdfium.PdfDocument, kind: str
) -> None:
    # The summary's sheet, then the incident form on its own (the report's second page).
    assert len(summary) == 2
    assert {page for page, _, _ in found(summary, "C.Kejadian Khusus")} == {1}
    for text in (
        "Jumlah (DPT+DPTb+DPK)",
        "DPRD Kabupaten/Kota",
        "TPS 905",
        "IV. Kode saksi",
        "V. Tanda tangan",
        "Kabupaten Blora, Rabu, 14 Februari 2024",
        *(role for role, _ in KPPS_LINES),
        "Pengawas TPS",
    ):
        assert [page for page, _, _ in found(summary, text)][:1] == [0], text
    assert [page for page, _, _ in found(summary, "No. ")][:1] == [0]  # the witness code
    assert len(found(summary, "Saksi")) >= 6  # six witnesses' lines (and the note under them)
    assert bool(found(summary, "SIMULASI")) == (kind == "drill")


def test_each_officer_s_name_stands_on_the_kpps_line_they_sign(
    summary: pdfium.PdfDocument,
) -> None:
    lines = []
    for role, name in KPPS_LINES:
        # The role in the first column ("Anggota KPPS 4" is the demo member's name too).
        _, _, line = found(summary, role)[0]
        [(_, _, printed)] = found(summary, FIRST_LINE.get(name, name))
        assert abs(printed - line) < 11, (role, name)  # within the row, 8 mm (22 pt) high
        lines.append(line)
    assert lines == sorted(lines, reverse=True)  # 1 to 7, top to bottom


def test_with_thirteen_lending_tps_the_summary_stays_one_sheet_and_they_go_on_an_attachment(
    tmp_path: Path,
) -> None:
    """Blora 2024: 116 ballots short, brought from 13 nearby TPS."""
    lenders = [f"TPS {n}" for n in range(902, 915)]
    rec = seven_officers_day(tmp_path / "lend.db", drill=False, closed=False)
    try:
        for name in lenders:
            receive_ballots(rec, CHAIR, dict.fromkeys(ALL_BALLOTS, 9), source=name)
        assert isinstance(rec.clock, FixedClock)
        rec.clock.set(wib(13, 5))
        close_polls(rec, CHAIR)
        report = build_report(rec)
    finally:
        rec.close()
    write_report_files(replace(report, place=BLORA), tmp_path / "laporan", t)
    doc = pdfium.PdfDocument(tmp_path / "laporan" / PDF_FILE)
    try:
        assert len(doc) == 3  # the sheet, the attachment, the incident form
        for text in ("V. Tanda tangan", "Pengawas TPS", "13 TPS penyangga", "lampiran"):
            assert [page for page, _, _ in found(doc, text)][:1] == [0], text
        for name in ("TPS 905", *lenders):
            assert {page for page, _, _ in found(doc, name)} == {1}, name
        assert {page for page, _, _ in found(doc, "C.Kejadian Khusus")} == {2}
    finally:
        doc.close()
