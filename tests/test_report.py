"""The report: C.Hasil figures, the attendance lists as CSV, the JSON and the printable PDF."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlmodel import col

from tests.helpers import make_station, wib
from tps_console.cli.main import main
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.checkin import check_in, undo_check_in
from tps_console.domain.day.closing import close_polls
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.reports.chasil import BallotsUnbalanced, build_report
from tps_console.domain.reports.files import (
    ATTENDANCE_FILES,
    JSON_FILE,
    PDF_FILE,
    write_report_files,
)
from tps_console.domain.reports.paper import report_json
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Voter
from tps_console.domain.vocab import ALL_BALLOTS, Category
from tps_console.i18n import set_language, t
from tps_console.samples.rolls import roll_csv, sample_roll

DPK_NIK = "3316015505900001"


def voters_of(rec: Record) -> list[Voter]:
    with read(rec.engine) as conn:
        return [Voter(**row._mapping) for row in conn.execute(select(Voter.__table__))]  # type: ignore[attr-defined]


def nik(rec: Record, no: int) -> str:
    with read(rec.engine) as conn:
        return str(conn.execute(select(col(Voter.nik)).where(col(Voter.no) == no)).scalar_one())


@pytest.fixture
def day(
    tmp_path: Path, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> Iterator[Record]:
    """Own stock 3 per type, TPS 905 lends 10. Voters 1, 3, 4, 18, 22, 27 come (4 and 27 with a
    disability, 18 and 22 women); 3 is undone, which gives three own ballots of each type back;
    22's DPR (from TPS 905) is spoiled and replaced from the own stock; a DPK voter comes."""
    rec = make_station(tmp_path / "tps.db", clock, stock=0)
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 3))
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 10), source="TPS 905")
    for no in (1, 3, 4, 18, 22, 27):
        clock.advance(minutes=7)
        check_in(rec, member, key=nik(rec, no))
    undo_check_in(rec, chair, "salah orang", key=nik(rec, 3))
    replace_ballot(rec, chair, "DPR", "keliru coblos", key=nik(rec, 22))
    clock.set(wib(12, 20))
    register_dpk(rec, chair, nik=DPK_NIK, name="Siti Aminah", sex="P", birth="1990-05-15")
    check_in(rec, member, key=DPK_NIK)
    clock.set(wib(13, 15))
    close_polls(rec, chair)
    yield rec
    rec.close()


def test_figures(day: Record) -> None:
    figures = build_report(day).as_json()
    assert figures["pengguna"] == {
        "dpt": {"l": 1, "p": 1, "j": 2},  # 1 (L), 22 (P)
        "dptb": {"l": 2, "p": 1, "j": 3},  # 4, 27 (L), 18 (P)
        "dpk": {"l": 0, "p": 1, "j": 1},
        "total": {"l": 3, "p": 3, "j": 6},
    }
    assert figures["disabilitas"]["pengguna"] == {"l": 2, "p": 0, "j": 2}
    # Five voters with all five ballots (1 18 22 27 DPK) and voter 4 with PPWP only. Own PPWP:
    # 1, 4, then (given back by 3) the DPK voter; own DPR: 1, 18, then 22's replacement; own
    # DPD/DPRD: 1, 18, the DPK voter. Everything else from TPS 905, where 22's DPR was spoiled.
    assert figures["surat_suara"]["PPWP"] == {"diterima": 13, "digunakan": 6, "rusak": 0, "sisa": 7}
    assert figures["surat_suara"]["DPR"] == {"diterima": 13, "digunakan": 5, "rusak": 1, "sisa": 7}
    assert figures["surat_suara"]["DPRD_KAB"] == {
        "diterima": 13,
        "digunakan": 5,
        "rusak": 0,
        "sisa": 8,
    }
    assert figures["sumber"] == {
        "TPS 901": dict.fromkeys(ALL_BALLOTS, 3),
        "TPS 905": {"PPWP": 3, "DPR": 2, "DPD": 2, "DPRD_PROV": 2, "DPRD_KAB": 2},
    }
    assert figures["surat_suara_per_sumber"]["TPS 905"]["DPR"] == {
        "diterima": 10,
        "digunakan": 2,
        "rusak": 1,
        "sisa": 7,
    }


def test_a_fresh_station_reports_zeros(station: Record) -> None:
    figures = build_report(station).as_json()
    assert figures["pengguna"]["total"] == {"l": 0, "p": 0, "j": 0}
    assert figures["pemilih"]["total"] == {"l": 162, "p": 18, "j": 180}
    assert figures["surat_suara"] == {
        b: {"diterima": 200, "digunakan": 0, "rusak": 0, "sisa": 200} for b in ALL_BALLOTS
    }
    assert figures["ditutup"] is None


def test_a_ballot_mismatch_is_an_error_never_fixed(
    station: Record, member: OfficerInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    check_in(station, member, key=nik(station, 1))
    assert station.path is not None
    db = sqlite3.connect(station.path)
    db.execute("UPDATE ballotstock SET remaining = remaining - 2 WHERE ballot = 'DPD'")
    db.commit()
    db.close()
    with pytest.raises(BallotsUnbalanced) as unbalanced:
        build_report(station)
    assert unbalanced.value.params == {
        "type": "DPD",
        "source": "TPS 901",
        "received": 200,
        "used": 1,
        "damaged": 0,
        "remaining": 197,
    }
    assert main(["report", str(station.path), "--json"], clock=FixedClock(wib(13, 30))) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "SURAT SUARA TIDAK COCOK (DPD, TPS 901)" in captured.err


def test_files(day: Record, tmp_path: Path) -> None:
    report = build_report(day)
    out = tmp_path / "laporan"
    written = write_report_files(report, out, t)
    names = {*ATTENDANCE_FILES.values(), JSON_FILE, PDF_FILE}
    assert {p.name for p in written} == names
    assert {p.name for p in out.iterdir()} == names  # no temporary file left behind

    assert json.loads((out / JSON_FILE).read_text()) == report_json(report)

    dptb = read_csv(out / ATTENDANCE_FILES[Category.DPTB])
    assert dptb[0] == [
        "No. urut", "No. daftar", "Nama", "L/P", "Blok/kamar", "Pukul", "Surat suara",
        "Sumber surat suara", "Diganti (rusak)",
    ]  # fmt: skip
    assert [row[1] for row in dptb[1:4]] == ["4", "18", "27"]
    voter_4 = dptb[1]
    assert voter_4[3:] == ["L", "D D3", "09:21:00", "PPWP", "TPS 901", ""]
    assert dptb[3][7] == "TPS 905"
    assert dptb[4:] == [
        [],
        ["Jumlah laki-laki (L)", "2"],
        ["Jumlah perempuan (P)", "1"],
        ["Jumlah (L+P)", "3"],
        ["Disabilitas L", "2"],
        ["Disabilitas P", "0"],
    ]
    dpt = read_csv(out / ATTENDANCE_FILES[Category.DPT])
    voter_22 = next(row for row in dpt[1:] if row[1] == "22")
    assert voter_22[6:] == [
        "PPWP, DPR, DPD, DPRD_PROV, DPRD_KAB",
        "TPS 901: DPR / TPS 905: PPWP, DPD, DPRD_PROV, DPRD_KAB",
        "DPR",
    ]
    dpk = read_csv(out / ATTENDANCE_FILES[Category.DPK])
    assert [row[2:4] for row in dpk[1:2]] == [["Siti Aminah", "P"]]

    # The attendance lists are the KPPS's: names, yes; NIK, birth date, register number or
    # disability, never.
    niks = {v.nik for v in voters_of(day)}
    for name in ATTENDANCE_FILES.values():
        text = (out / name).read_text(encoding="utf-8-sig")
        assert not re.search(r"\d{6,}", text), name
        assert not any(nik in text for nik in niks)
        assert "tuna" not in text and "BIIA.004/2023" not in text and "1990-" not in text


def test_the_chairs_full_export_says_it_holds_protected_data(day: Record, tmp_path: Path) -> None:
    out = tmp_path / "lengkap"
    write_report_files(build_report(day), out, t, full=True)
    dptb = read_csv(out / ATTENDANCE_FILES[Category.DPTB])
    assert dptb[0][0].startswith("DATA PRIBADI TERLINDUNGI (NIK, tanggal lahir")
    assert dptb[1] == [
        "No. urut", "No. daftar", "Nama", "NIK", "Tanggal lahir", "L/P", "No. register",
        "Blok/kamar", "Disabilitas", "Pukul", "Surat suara", "Sumber surat suara",
        "Diganti (rusak)",
    ]  # fmt: skip
    voter_4 = next(v for v in voters_of(day) if v.no == 4)
    assert dptb[2][:9] == [
        "1", "4", voter_4.name, voter_4.nik, voter_4.birth_date, "L", "BIIA.004/2023", "D D3",
        voter_4.disability,
    ]  # fmt: skip
    assert voter_4.disability  # the roll's words, not a yes
    # Every list is marked, even one nobody is on.
    for name in ATTENDANCE_FILES.values():
        assert read_csv(out / name)[0][0].startswith("DATA PRIBADI TERLINDUNGI")
    # The figures are the same without and with the full lists.
    plain = tmp_path / "biasa"
    write_report_files(build_report(day), plain, t)
    assert (plain / JSON_FILE).read_bytes() == (out / JSON_FILE).read_bytes()


def test_report_full_from_the_command_line(day: Record, tmp_path: Path) -> None:
    assert day.path is not None
    out = tmp_path / "lengkap"
    at = FixedClock(wib(13, 30))
    assert main(["report", str(day.path), "--out", str(out), "--full"], clock=at) == 0
    assert "NIK" in read_csv(out / ATTENDANCE_FILES[Category.DPT])[1]
    assert main(["report", str(day.path), "--out", str(out)], clock=at) == 0
    assert "NIK" not in read_csv(out / ATTENDANCE_FILES[Category.DPT])[0]


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so Excel reads the names as UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_the_pdf_reads_back(day: Record, tmp_path: Path) -> None:
    report = build_report(day)
    write_report_files(report, tmp_path, t)
    pdf = PdfReader(tmp_path / PDF_FILE)
    assert len(pdf.pages) == 2  # the summary on one page, then C.Kejadian Khusus on its own
    text = " ".join(pdf.pages[0].extract_text().split())
    for expected in (
        "Ringkasan C.Hasil - TPS 901",
        "Hari pemungutan suara 14-02-2024",
        "Dibuat 14-02-2024 13:15 WIB",
        "Pemungutan suara ditutup 14-02-2024 13:15 WIB",
        "DPT 60 10 70 1 1 2",
        "DPTb 102 8 110 2 1 3",
        "DPK 0 1 1 0 1 1",
        "Jumlah (DPT+DPTb+DPK) 162 19 181 3 3 6",
        "Pemilih disabilitas 7 0 7 2 0 2",
        "PPWP (Presiden/Wapres) 13 6 0 7",
        "DPR 13 5 1 7",
        "TPS 901 (sendiri) 3 3 3 3 3 15",
        "TPS 905 3 2 2 2 2 11",
        report.audit_head,
        "Ketua KPPS",
        "Saksi",
        "Pengawas TPS",
    ):
        assert expected in text, expected
    assert DPK_NIK not in text and "Siti" not in text


def test_the_pdf_in_english(day: Record, tmp_path: Path) -> None:
    set_language("en")
    write_report_files(build_report(day), tmp_path, t)
    text = " ".join(PdfReader(tmp_path / PDF_FILE).pages[0].extract_text().split())
    assert "C.Hasil summary - TPS 901" in text and "Witness" in text


def test_report_command(day: Record, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(day.path)
    now = ["--now", "2024-02-14T13:30+07:00"]  # a reading command may look at any instant
    assert main([*now, "report", db, "--json", "--out", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    figures = json.loads(captured.out)
    assert set(figures) >= {"pemilih", "pengguna", "disabilitas", "surat_suara", "sumber"}
    assert figures["audit_head"] == build_report(day).audit_head
    assert captured.err.count("Ditulis:") == 5
    assert main([*now, "report", db]) == 0
    text = capsys.readouterr().out
    assert "  PPWP          13 =     6 +   0 +     7\n" in text
    assert "  DPK                    terdaftar 0 / 1 / 1        memilih 0 / 1 / 1\n" in text
    (tmp_path / "file").write_text("")
    assert main([*now, "report", db, "--out", str(tmp_path / "file")]) == 2


def test_a_name_that_looks_like_a_formula_stays_text_in_the_attendance_list(
    tmp_path: Path, clock: FixedClock, member: OfficerInfo
) -> None:
    """Names come from a roll someone else typed: a spreadsheet must not run one as a formula."""
    rows = list(csv.DictReader(io.StringIO(sample_roll().decode())))
    rows[0]["nama"] = '=HYPERLINK("http://example.invalid","klik")'
    rows[1]["nama"] = "@SUM(A1)"
    rows[1]["blok"] = "+A"
    rec = make_station(tmp_path / "tps.db", clock, roll_csv(rows))
    try:
        for row in rows[:2]:
            check_in(rec, member, key=row["nik"])
        out = tmp_path / "laporan"
        write_report_files(build_report(rec), out, t)
    finally:
        rec.close()
    listed = read_csv(out / ATTENDANCE_FILES[Category(rows[0]["kategori"])]) + read_csv(
        out / ATTENDANCE_FILES[Category(rows[1]["kategori"])]
    )
    names = {row[2] for row in listed if len(row) > 2}
    assert '\'=HYPERLINK("http://example.invalid","klik")' in names
    assert "'@SUM(A1)" in names
    assert not any(cell.startswith(("=", "+", "@")) for row in listed for cell in row)
