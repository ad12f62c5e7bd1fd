"""The KPPS's guide: the Markdown in the repository (docs/panduan-kpps.md) is the one the chair
prints from the desk (F3 → P), a part per role, each starting on a page of its own."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tests.helpers.desk import chair_approves, desk_for, message, sign_in
from tests.test_desk_chair import from_menu
from tps_console.desk.day_actions import GUIDE_PDF
from tps_console.domain.record.station import Record
from tps_console.guide import GUIDE
from tps_console.guide.pdf import guide_pdf

ROLES = (
    "1. Ketua KPPS",
    "2. Petugas meja daftar hadir",
    "3. Saksi dan Pengawas TPS",
    "4. Petugas TI rutan",
)


def page_texts(pdf: bytes) -> list[str]:
    return [" ".join(p.get_textpage().get_text_range().split()) for p in pdfium.PdfDocument(pdf)]


def test_the_repository_shows_the_guide_the_program_prints() -> None:
    shown = Path(__file__).parents[1] / "docs" / "panduan-kpps.md"
    assert shown.read_text(encoding="utf-8") == GUIDE.read_text(encoding="utf-8")


def test_each_role_begins_a_page_of_its_own() -> None:
    pages = page_texts(guide_pdf(GUIDE.read_text(encoding="utf-8")))
    starts = [next(i for i, text in enumerate(pages) if text.startswith(role)) for role in ROLES]
    assert 0 < starts[0] < starts[1] < starts[2] < starts[3]
    # The witness code's example survives the Latin-1 fonts whole.
    assert any("K7QF-3XMA-9TCE-WR2P-5" in text for text in pages)


async def test_the_chair_prints_the_guide_from_the_desk(station: Record, tmp_path: Path) -> None:
    app = desk_for(station)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        await from_menu(pilot, "p")
        await chair_approves(pilot, str(tmp_path / "usb"))
        assert GUIDE_PDF in message(app)
    pages = page_texts((tmp_path / "usb" / GUIDE_PDF).read_bytes())
    assert any(ROLES[2] in text for text in pages)
