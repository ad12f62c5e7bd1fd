"""The day's incidents and witnesses' objections (C.Kejadian Khusus dan/atau Keberatan Saksi):
written down by any KPPS officer, at the desk or on the command line, before and after closing;
never edited nor deleted, only corrected by a new line; in the report, on a form page of its own,
and counted on the witness panel."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from sqlalchemy import delete
from sqlmodel import col

from tests.helpers import make_station, wib
from tests.helpers.cli import Cli
from tests.helpers.desk import desk_for, message, sign_in, type_text
from tests.helpers.panel import screen_text, stock_ballots
from tests.helpers.wait import settle
from tps_console.desk.day_actions import ChairMenu
from tps_console.desk.dialogs import ChairForm
from tps_console.domain.day.closing import close_polls
from tps_console.domain.day.incidents import MAX_TEXT, record_incident
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record import chain
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.reports.files import PDF_FILE, write_report_files
from tps_console.domain.reports.paper import report_json
from tps_console.domain.store.db import write
from tps_console.domain.store.models import Incident
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.domain.vocab import EventKind
from tps_console.i18n import set_language, t
from tps_console.panel.app import make_panel

OBJECTION = "Saksi keberatan: pemilih blok C dipanggil sebelum blok B"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch, at=wib(10), pin="4444")


def query(rec: Record, statement: str) -> Any:
    assert rec.path is not None
    with sqlite3.connect(rec.path) as db:
        return db.execute(statement).fetchone()


def edit(rec: Record, statement: str) -> None:
    assert rec.path is not None
    db = sqlite3.connect(rec.path)
    try:
        db.execute(statement)
        db.commit()
    finally:
        db.close()


def pdf_pages(path: Path) -> list[str]:
    return [
        " ".join(page.get_textpage().get_text_range().split()) for page in pdfium.PdfDocument(path)
    ]


# --- the command line ----------------------------------------------------------------------------


def test_a_desk_member_writes_down_a_witness_objection_from_the_command_line(
    station: Record, cli: Cli
) -> None:
    db = str(station.path)
    ran = cli("incident", db, "--officer", "anggota4", "--text", OBJECTION, "--witness", "Budi")
    assert ran.code == 0 and "Kejadian khusus no. 1 dicatat" in ran.out
    status = json.loads(cli("status", db, "--json").out)
    assert status["incidents"] == 1
    assert "Kejadian khusus / keberatan saksi: 1" in cli("status", db).out
    line = json.loads(cli("report", db, "--json").out)["incidents"]
    assert line == [
        {
            "seq": 1,
            "at": "2024-02-14T10:00:00+07:00",
            "officer": "anggota4",
            "text": OBJECTION,
            "witness": "Budi",
            "voter": None,
            "correction_of": None,
        }
    ]
    assert verify(station).ok


def test_an_incident_without_words_is_refused_with_exit_2_and_nothing_is_recorded(
    station: Record, cli: Cli
) -> None:
    db = str(station.path)
    before = read_status(station).events
    ran = cli("incident", db, "--officer", "anggota4", "--text", "   ")
    assert ran.code == 2 and "Tulis apa yang terjadi" in ran.err
    ran = cli("incident", db, "--officer", "anggota4", "--text", "x", "--corrects", "satu")
    assert ran.code == 2 and "'satu' bukan nomor kejadian" in ran.err
    assert read_status(station).events == before


def test_a_wrong_pin_records_no_incident_and_exits_4(station: Record, cli: Cli) -> None:
    ran = cli(
        "--lang",
        "en",
        "incident",
        str(station.path),
        "--officer",
        "anggota4",
        "--text",
        OBJECTION,
        pin="0000",
    )
    assert ran.code == 4 and "Wrong PIN" in ran.err
    assert read_status(station).incidents == 0


def test_an_unknown_voter_or_incident_is_refused_with_exit_4(station: Record, cli: Cli) -> None:
    db = str(station.path)
    ran = cli(
        "incident", db, "--officer", "anggota4", "--text", OBJECTION, "--voter", "ZZ.999/2024"
    )
    assert ran.code == 4 and "ZZ.999/2024" in ran.err
    ran = cli("incident", db, "--officer", "anggota4", "--text", OBJECTION, "--corrects", "1")
    assert ran.code == 4 and "Tidak ada kejadian khusus no. 1" in ran.err
    assert read_status(station).incidents == 0


# --- the record ----------------------------------------------------------------------------------


def test_the_voter_is_named_by_register_number_or_a_masked_nik_never_the_full_nik(
    station: Record, member: OfficerInfo
) -> None:
    inmate_nik, inmate_register = query(
        station, "SELECT nik, register_no FROM voter WHERE register_no IS NOT NULL LIMIT 1"
    )
    (staff_nik,) = query(station, "SELECT nik FROM voter WHERE register_no IS NULL LIMIT 1")
    record_incident(station, member, "Tinta di jari sudah ada", voter_key=inmate_nik)
    record_incident(
        station, member, "Nama di KTP berbeda", voter_key=staff_nik[:8] + " " + staff_nik[8:]
    )
    voters = [line["voter"] for line in report_json(build_report(station))["incidents"]]
    assert voters == [inmate_register, staff_nik[:4] + "•" * 12]
    printed = json.dumps(report_json(build_report(station)), ensure_ascii=False)
    assert inmate_nik not in printed and staff_nik not in printed
    assert query(station, "SELECT count(*) FROM incident WHERE voter_id IS NOT NULL") == (2,)


def test_a_nik_written_into_the_text_is_refused_it_would_go_home_with_every_witness(
    station: Record, member: OfficerInfo
) -> None:
    (nik,) = query(station, "SELECT nik FROM voter LIMIT 1")
    with pytest.raises(BadInput) as refused:
        record_incident(station, member, f"Pemilih {nik} keberatan")
    assert refused.value.key == "incident.text_scanned"
    with pytest.raises(BadInput) as scanned_as_witness:
        record_incident(station, member, OBJECTION, witness=nik)
    assert scanned_as_witness.value.key == "incident.text_scanned"
    assert read_status(station).incidents == 0


def test_a_stuck_scanner_can_not_fill_the_log_with_one_line(
    station: Record, member: OfficerInfo
) -> None:
    with pytest.raises(BadInput) as refused:
        record_incident(station, member, "a" * (MAX_TEXT + 1))
    assert refused.value.key == "incident.too_long"
    assert record_incident(station, member, "a" * MAX_TEXT) == 1


def test_a_correction_is_a_new_line_and_the_one_it_corrects_stays(
    station: Record, member: OfficerInfo, chair: OfficerInfo
) -> None:
    first = record_incident(station, member, OBJECTION, witness="Budi (Partai X)")
    second = record_incident(
        station, chair, "Saksi dari Partai Y, bukan Partai X", witness="Budi", corrects=first
    )
    lines = build_report(station).incidents
    assert [(line.no, line.corrects, line.officer_id) for line in lines] == [
        (first, None, "anggota4"),
        (second, first, "ketua"),
    ]
    assert lines[0].text == OBJECTION and verify(station).ok


def test_objections_raised_at_the_count_are_recorded_after_closing(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    clock.set(wib(13, 0))
    close_polls(station, chair)
    closing = read_status(station).closing
    clock.set(wib(14, 30))
    no = record_incident(station, member, "Saksi keberatan atas jumlah surat suara rusak")
    record_incident(station, member, "Dua surat suara rusak, bukan satu", corrects=no)
    status = read_status(station)
    assert status.incidents == 2 and status.closing == closing  # the code on C.Hasil stays
    assert closing is not None and verify(station, expect=[status.proof_code]).ok


@pytest.mark.parametrize(
    "forgery",
    [
        "UPDATE incident SET text = 'Tidak ada keberatan' WHERE no = 1",
        "UPDATE incident SET witness = '' WHERE no = 1",
        "DELETE FROM incident WHERE no = 2",
        "INSERT INTO incident (no, at, officer_id, desk, text, witness)"
        " VALUES (3, '2024-02-14T03:00:00Z', 'ketua', 'x', 'Semua lancar', '')",
    ],
)
def test_an_objection_edited_removed_or_slipped_in_behind_the_program_fails_verify(
    station: Record, member: OfficerInfo, forgery: str
) -> None:
    record_incident(station, member, OBJECTION, witness="Budi")
    record_incident(station, member, "Saksi dari Partai Y", corrects=1)
    edit(station, forgery)
    result = verify(station)
    assert not result.ok and result.problem == "verify.incident"


def test_a_forged_correction_of_a_line_never_recorded_fails_verify(
    station: Record, clock: FixedClock, member: OfficerInfo
) -> None:
    payload = {"no": 1, "text": "Pembetulan", "witness": "", "corrects": 7}
    with write(station.engine) as conn:
        chain.append(conn, clock, EventKind.INCIDENT, payload, officer_id=member.id)
    result = verify(station)
    assert not result.ok and result.problem == "verify.incident_corrects_unknown"
    assert result.params["no"] == 7


# --- the form ------------------------------------------------------------------------------------


def test_the_form_page_lists_each_line_and_is_signed_by_the_chair_and_the_witnesses(
    station: Record, member: OfficerInfo, chair: OfficerInfo, tmp_path: Path
) -> None:
    (register,) = query(station, "SELECT register_no FROM voter WHERE no = 2")
    record_incident(station, member, OBJECTION, witness="Budi Santoso", voter_key=register)
    record_incident(station, chair, "Blok B dipanggil lebih dulu", corrects=1)
    write_report_files(build_report(station), tmp_path, t)
    *summary, form = pdf_pages(tmp_path / PDF_FILE)
    assert "C.Kejadian Khusus" not in " ".join(summary)
    for expected in (
        "C.Kejadian Khusus dan/atau Keberatan Saksi",
        "TPS 901",
        f"1 09:00 WIB Anggota KPPS 4 (demo) Budi Santoso {OBJECTION} (Pemilih no. 2)",
        "Membetulkan no. 1: Blok B dipanggil lebih dulu",
        "Ketua KPPS (1)",
        "Saksi Budi Santoso",
        "Rabu, 14 Februari 2024",
    ):
        assert expected in form, expected
    assert register not in form


def test_a_day_without_incidents_still_prints_the_form_saying_so_with_signatures(
    station: Record, tmp_path: Path
) -> None:
    write_report_files(build_report(station), tmp_path, t)
    form = pdf_pages(tmp_path / PDF_FILE)[-1]
    assert form.startswith("C.Kejadian Khusus dan/atau Keberatan Saksi")
    assert "Tidak ada kejadian khusus dan tidak ada keberatan saksi." in form
    assert "Ketua KPPS (1)" in form and form.count("Saksi") >= 6


# --- the witness panel and the desk --------------------------------------------------------------


async def test_the_witness_panel_counts_the_incidents_written_at_a_desk(
    station: Record, clock: FixedClock, chair: OfficerInfo, member: OfficerInfo
) -> None:
    stock_ballots(station, chair)
    assert station.path is not None
    app = make_panel(station.path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Kejadian khusus / keberatan 0" in screen_text(app)
        record_incident(station, member, OBJECTION)
        record_incident(station, member, "Pembetulan", corrects=1)
        await pilot.press("r")
        await settle(pilot)
        assert "Kejadian khusus / keberatan 2" in screen_text(app)
        assert OBJECTION not in screen_text(app)  # a count, never what was said


async def test_a_member_records_an_objection_from_the_chairs_menu(station: Record) -> None:
    (register,) = query(station, "SELECT register_no FROM voter WHERE no = 5")
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)  # a member, not the chair
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, ChairMenu)
        await pilot.press("k")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ChairForm)
        # The signed-in member's own ID is filled in: the PIN comes first.
        for value in ("4444", OBJECTION, "Budi", register, ""):
            await type_text(pilot, value)
            await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ChairForm)
        assert "Kejadian khusus no. 1 dicatat" in message(app)
    (line,) = build_report(station).incidents
    assert (line.officer_id, line.text, line.witness, line.voter) == (
        "anggota4",
        OBJECTION,
        "Budi",
        register,
    )


async def test_the_desk_form_refuses_a_correction_of_no_line(station: Record) -> None:
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        for value in ("4444", OBJECTION, "", "", "4"):
            await type_text(pilot, value)
            await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChairForm)  # refused: the form says why and stays
        error = str(app.screen.query_one("#chair-error").render())
        assert "Tidak ada kejadian khusus no. 4" in error
    assert read_status(station).incidents == 0
    with pytest.raises(Refused):
        record_incident(station, OfficerInfo("anggota4", "", "member"), OBJECTION, corrects=4)


async def test_after_closing_the_desk_still_takes_an_objection_raised_at_the_count(
    station: Record, clock: FixedClock, chair: OfficerInfo
) -> None:
    clock.set(wib(13, 0))
    close_polls(station, chair)
    clock.set(wib(14, 0))
    app = desk_for(station, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "ketua", "1234")
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        for value in ("1234", "Witness objects to the count of damaged ballots", "Budi", "", ""):
            await type_text(pilot, value)
            await pilot.press("enter")
        await settle(pilot)
        assert "Incident no. 1 recorded" in message(app)
    (line,) = build_report(station).incidents
    assert line.at == wib(14, 0) and line.officer_id == "ketua"
    assert verify(station).ok


def test_the_form_page_in_english(station: Record, member: OfficerInfo, tmp_path: Path) -> None:
    set_language("en")
    write_report_files(build_report(station), tmp_path, t)
    form = pdf_pages(tmp_path / PDF_FILE)[-1]
    assert "There was no incident and no witness objected." in form
    assert "KPPS chair (1)" in form and "Signature" in form


def test_an_objection_and_its_correction_hold_on_a_server_too(
    target: Path | str, clock: FixedClock, member: OfficerInfo, chair: OfficerInfo
) -> None:
    """On a station file and on a server's database: the same lines, verified, and a line
    deleted behind the program's back caught on either."""
    rec = make_station(target, clock)
    try:
        record_incident(rec, member, OBJECTION, witness="Budi", voter_key="BI.001/2024")
        record_incident(rec, chair, "Saksi dari Partai Y", corrects=1)
        lines = build_report(rec).incidents
        assert [(line.no, line.corrects, line.voter) for line in lines] == [
            (1, None, "BI.001/2024"),
            (2, 1, None),
        ]
        assert verify(rec).ok and read_status(rec).incidents == 2
        with write(rec.engine) as conn:
            conn.execute(delete(Incident).where(col(Incident.no) == 2))
        result = verify(rec)
        assert not result.ok and result.problem == "verify.incident"
    finally:
        rec.close()
