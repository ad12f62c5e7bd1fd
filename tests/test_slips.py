"""Check-in slips: the rutan staff print one per voter still to vote, cut them apart, and the
desk's scanner reads each slip's barcode as the register number it was printed for."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from sqlalchemy import select
from sqlmodel import col

from tests.helpers.desk import burst, desk_for, sign_in
from tests.helpers.scan import scanned
from tests.helpers.wait import settle
from tps_console.cli.main import main
from tps_console.desk.card import VoterCardScreen
from tps_console.domain.day.checkin import check_in, set_voter_status
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.station import Record
from tps_console.domain.reports.slips import slips_to_print
from tps_console.domain.reports.slips_pdf import write_slips
from tps_console.domain.store.db import read
from tps_console.domain.store.models import CheckIn, Voter
from tps_console.domain.vocab import VoterStatus
from tps_console.i18n import t


def decoded_barcodes(pdf: Path) -> list[str]:
    """Every barcode on every page, rendered as a 150 dpi scan, in reading order of the pages."""
    return scanned(pdf, zxingcpp.BarcodeFormat.Code128)


def pdf_text(pdf: Path) -> str:
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def still_to_vote(rec: Record, block: str | None = None) -> list[str]:
    """Asked of the tables directly, not through the code under test: the register numbers of
    voters eligible, with no active check-in, in order of block, cell and list number."""
    voted = select(col(CheckIn.voter_id)).where(col(CheckIn.active))
    query = select(col(Voter.block), col(Voter.cell), col(Voter.no), col(Voter.register_no)).where(
        col(Voter.status) == VoterStatus.ELIGIBLE,
        col(Voter.id).not_in(voted),
        col(Voter.register_no) != "",
    )
    if block is not None:
        query = query.where(col(Voter.block) == block)
    with read(rec.engine) as conn:
        return [str(r) for *_, r in sorted(tuple(row) for row in conn.execute(query))]


@pytest.fixture
def morning(station: Record, member: OfficerInfo, chair: OfficerInfo) -> Record:
    """Mid-morning: twenty voters checked in, one released since the roll was made."""
    for voter_id in range(1, 21):
        check_in(station, member, voter_id=voter_id)
    set_voter_status(station, chair, 30, VoterStatus.RELEASED, "bebas 13 Februari")
    return station


@pytest.mark.long
def test_every_slips_barcode_is_the_register_number_of_a_voter_still_to_vote(
    morning: Record, tmp_path: Path
) -> None:
    out = write_slips(slips_to_print(morning), tmp_path / "slips.pdf", t)
    expected = still_to_vote(morning)
    assert len(expected) > 140  # the roll's 180, less the voted, the released and the staff
    assert decoded_barcodes(out) == expected
    assert len(pdfium.PdfDocument(out)) == -(-len(expected) // 10)  # ten to a page


def test_slips_of_one_block_hold_that_blocks_voters_only(morning: Record, tmp_path: Path) -> None:
    assert morning.path is not None
    out = tmp_path / "blok-c.pdf"
    assert main(["slips", str(morning.path), "--out", str(out), "--block", "c"]) == 0
    expected = still_to_vote(morning, "C")
    assert expected
    assert decoded_barcodes(out) == expected


def test_a_slip_shows_list_number_name_and_place_but_no_nik_or_birth_date(
    morning: Record, tmp_path: Path
) -> None:
    out = write_slips(slips_to_print(morning, "A"), tmp_path / "slips.pdf", t)
    text = pdf_text(out)
    with read(morning.engine) as conn:
        for nik, birth in conn.execute(select(col(Voter.nik), col(Voter.birth_date))):
            assert nik not in text
            for shown in (birth, "-".join(reversed(birth.split("-")))):
                assert shown not in text
    assert not re.search(r"\d{16}", text)
    assert not re.search(r"\d{2}-\d{2}-(19|20)\d{2}", text.replace("14-02-2024", ""))
    first = slips_to_print(morning, "A").slips[0]
    assert f"No. {first.no}" in text and first.name in text
    assert f"Blok A · Kamar {first.cell}" in text


def test_an_unknown_block_is_refused_and_nothing_is_written(
    station: Record, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert station.path is not None
    out = tmp_path / "slips.pdf"
    assert main(["slips", str(station.path), "--out", str(out), "--block", "Z"]) == 2
    assert "Blok Z tidak ada" in capsys.readouterr().err
    assert not out.exists()


def test_the_cli_says_how_many_slips_and_who_gets_none(
    station: Record, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert station.path is not None
    assert main(["--lang", "en", "slips", str(station.path), "--out", str(tmp_path / "s.pdf")]) == 0
    out = capsys.readouterr().out
    assert f"{len(still_to_vote(station))} slips written to" in out
    assert "voters without a register number get no slip" in out


async def test_a_scanned_slip_opens_that_voters_card_at_the_desk(
    station: Record, tmp_path: Path
) -> None:
    """The scanner types what the barcode holds, then Enter: the desk opens that voter's card,
    as typing the register number does."""
    out = write_slips(slips_to_print(station, "B"), tmp_path / "slips.pdf", t)
    scanned = decoded_barcodes(out)[3]
    with read(station.engine) as conn:
        voter_id = conn.execute(
            select(col(Voter.id)).where(col(Voter.register_no) == scanned)
        ).scalar_one()
    app = desk_for(station)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        burst(app, *scanned, "enter")
        await settle(pilot)
        assert isinstance(app.screen, VoterCardScreen) and app.screen.voter_id == voter_id
