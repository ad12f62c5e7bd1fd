"""The C.Hasil summary's QR code: its text read back from the rendered PDF as a phone would, the
same text in `report --json`, and `verify --paper` checking a printed copy against the record."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from sqlalchemy import select
from sqlmodel import col

from tests.helpers import make_station, wib
from tests.helpers.cli import Cli
from tests.helpers.scan import scanned
from tps_console.domain.day.ballots import receive_ballots
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.closing import close_polls
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.reports.files import PDF_FILE
from tps_console.domain.reports.paper import PREFIX, compare, paper_text, parse_paper
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Voter
from tps_console.domain.vocab import ALL_BALLOTS


def decoded_qr(pdf: Path) -> list[str]:
    """Every QR code on every page, the pages rendered as a 150 dpi scan."""
    return scanned(pdf, zxingcpp.BarcodeFormat.QRCode)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch, at=wib(14))


@pytest.fixture
def closed_day(
    tmp_path: Path, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> Iterator[Record]:
    """Twelve voters came (some of them women, some DPTb), one DPR ballot spoiled and replaced,
    TPS 905 lent ballots; the polls closed at 13:05."""
    rec = make_station(tmp_path / "tps.db", clock, stock=0)
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 150))
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 20), source="TPS 905")
    for voter_id in (*range(1, 11), 18, 22):
        clock.advance(minutes=3)
        check_in(rec, member, voter_id=voter_id)
    replace_ballot(rec, chair, "DPR", "keliru coblos", voter_id=22)
    clock.set(wib(13, 5))
    close_polls(rec, chair)
    yield rec
    rec.close()


def db(rec: Record) -> str:
    assert rec.path is not None
    return str(rec.path)


def test_the_qr_on_the_summary_is_the_text_report_json_gives(
    closed_day: Record, cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    ran = cli("report", db(closed_day), "--json", "--out", out)
    assert ran.code == 0
    figures = json.loads(ran.out)
    assert figures["qr"].startswith(f"{PREFIX};TPS 901;2024-02-14;R;")
    assert figures["qr"].endswith(f";C={figures['closing_seq']}:{figures['closing_head']}")
    assert decoded_qr(out / PDF_FILE) == [figures["qr"]]
    assert json.loads((out / "c_hasil.json").read_text())["qr"] == figures["qr"]
    # The QR keeps the summary one page; C.Kejadian Khusus follows on its own.
    assert len(pdfium.PdfDocument(out / PDF_FILE)) == 2


def test_the_qr_text_holds_the_figures_and_no_personal_data(closed_day: Record) -> None:
    report = build_report(closed_day)
    text = paper_text(report)
    assert len(text) < 300  # a QR of version 11 or so: a phone reads it off paper
    dpt, dptb = report.voted["dpt"], report.voted["dptb"]
    on = report.voters["dpt"]
    assert f";DPT={on.men},{on.women}/{dpt.men},{dpt.women};" in text
    assert f"/{dptb.men},{dptb.women};" in text
    dpr = report.ballots["DPR"]
    assert f";DPR={dpr.received},{dpr.damaged},{dpr.remaining},{dpr.used};" in text
    assert dpr.damaged == 1
    with read(closed_day.engine) as conn:
        for nik, name, register in conn.execute(
            select(col(Voter.nik), col(Voter.name), col(Voter.register_no))
        ):
            assert nik not in text and name not in text
            assert not register or register not in text
    assert not re.search(r"\d{16}", text.replace(report.closing[1] if report.closing else "", ""))
    assert parse_paper(text) and compare(parse_paper(text), report) == []


def test_verify_paper_passes_the_genuine_text(closed_day: Record, cli: Cli) -> None:
    text = paper_text(build_report(closed_day))
    ran = cli("verify", db(closed_day), "--paper", text)
    assert ran.code == 0, ran.err
    assert "Kertas cocok dengan catatan: 32 angka" in ran.out
    assert "kode penutupan sama" in ran.out
    # As a phone app or a USB scanner hands it over: with a line end, or piped on stdin.
    assert cli("verify", db(closed_day), "--paper", text + "\r\n").code == 0
    assert cli("verify", db(closed_day), "--paper", "-", stdin=text + "\n").code == 0


def test_verify_paper_names_each_figure_that_differs(closed_day: Record, cli: Cli) -> None:
    report = build_report(closed_day)
    text = paper_text(report)
    dpt = report.voted["dpt"]
    changed = text.replace(
        f"/{dpt.men},{dpt.women};DPTB=", f"/{dpt.men + 1},{dpt.women};DPTB="
    ).replace(";DPD=170,", ";DPD=171,")
    assert changed.count(";") == text.count(";") and changed != text
    ran = cli("verify", db(closed_day), "--paper", changed)
    assert ran.code == 1
    assert "KERTAS TIDAK COCOK dengan catatan: 2 beda" in ran.err
    assert (
        f"pengguna_dpt_l (Pengguna hak pilih, DPT, L): di kertas {dpt.men + 1}, "
        f"di catatan {dpt.men}" in ran.err
    )
    assert (
        "dpd_diterima (DPD, Diterima): di kertas 171" in ran.err
        and "di kertas 171, di catatan 170" in ran.err
    )
    assert "pengguna_dpt_p" not in ran.err and "kode" not in ran.err
    english = cli("--lang", "en", "verify", db(closed_day), "--paper", changed)
    assert english.code == 1
    assert "THE PAPER DOES NOT MATCH the record: 2 differences" in english.err
    assert f"pengguna_dpt_l (Voters who voted, DPT, L): on paper {dpt.men + 1}" in english.err


def test_verify_paper_names_a_changed_closing_code_tps_date_and_kind(
    closed_day: Record, cli: Cli
) -> None:
    report = build_report(closed_day)
    assert report.closing
    code = report.closing[1]
    forged = (
        paper_text(report)
        .replace(code, "0" * 64)
        .replace(";TPS 901;", ";TPS 902;")
        .replace(";2024-02-14;R;", ";2024-02-15;S;")
    )
    ran = cli("verify", db(closed_day), "--paper", forged)
    assert ran.code == 1
    for name in ("tps", "tanggal", "simulasi", "kode"):
        assert f"  {name} (" in ran.err
    assert f"di catatan C={report.closing[0]}:{code}" in ran.err


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "hello",
        "https://example.org/TPSC1",
        "TPSC2;TPS 901;2024-02-14;R",
        "TPSC1;TPS 901;2024-02-14;R;DPT=1,2/3,4",
        "TPSC1;TPS 901;14-02-2024;R;DPT=1,2/3,4;DPTB=0,0/0,0;DPK=0,0/0,0;PPWP=1,0,1,0;"
        "DPR=1,0,1,0;DPD=1,0,1,0;DPRD_PROV=1,0,1,0;DPRD_KAB=1,0,1,0;C=" + "a" * 64,
        "TPSC1;TPS 901;2024-02-14;R;DPT=1,2/3,04;DPTB=0,0/0,0;DPK=0,0/0,0;PPWP=1,0,1,0;"
        "DPR=1,0,1,0;DPD=1,0,1,0;DPRD_PROV=1,0,1,0;DPRD_KAB=1,0,1,0;C=" + "a" * 64,
        "TPSC1;TPS 901;2024-02-14;R;DPT=1,2/3,4;DPTB=0,0/0,0;DPK=0,0/0,0;PPWP=1,0,1,0;"
        "DPR=1,0,1,0;DPD=1,0,1,0;DPRD_PROV=1,0,1,0;DPRD_KAB=1,0,1,0;C=" + "a" * 63,
        "TPSC1;TPS 901;2024-02-14;R;DPT=1,2/3,4;DPK=0,0/0,0;DPTB=0,0/0,0;PPWP=1,0,1,0;"
        "DPR=1,0,1,0;DPD=1,0,1,0;DPRD_PROV=1,0,1,0;DPRD_KAB=1,0,1,0;C=" + "a" * 64,
    ],
)
def test_verify_paper_refuses_text_that_is_not_a_paper_text(
    closed_day: Record, cli: Cli, garbage: str
) -> None:
    with pytest.raises(BadInput):
        parse_paper(garbage)
    ran = cli("verify", db(closed_day), "--paper", garbage)
    assert ran.code == 2
    assert "Teks QR C.Hasil" in ran.err or "Bukan teks QR ringkasan C.Hasil" in ran.err


def test_before_closing_the_paper_carries_the_audit_head_and_goes_stale_with_the_record(
    station: Record, member: OfficerInfo, cli: Cli
) -> None:
    check_in(station, member, voter_id=1)
    text = paper_text(build_report(station))
    assert re.search(r";O=[1-9][0-9]*:[0-9a-f]{64}$", text)
    ran = cli("verify", db(station), "--paper", text)
    assert ran.code == 0, ran.err
    assert "kepala log (pemungutan belum ditutup)" in ran.out
    check_in(station, member, voter_id=2)
    ran = cli("verify", db(station), "--paper", text)
    assert ran.code == 1
    assert "  kode (" in ran.err and "Pemungutan belum ditutup" in ran.err


def test_a_tps_name_with_the_separator_in_it_comes_back_whole(closed_day: Record) -> None:
    report = replace(build_report(closed_day), tps="TPS 9;01 %3B")
    paper = parse_paper(paper_text(report))
    assert paper.tps == "TPS 9;01 %3B"
    assert compare(paper, report) == []
