"""Blocks and cells in the rutan's own order: "Kamar 2" before "Kamar 10", in the calling list
the escorts follow and in the slips they hand out, by one key (`domain.order.natural_key`)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.helpers import POLLING_DAY, make_station
from tests.helpers.desk import desk_for, sign_in
from tests.helpers.wait import settle
from tps_console.desk.calling import CallingScreen
from tps_console.domain.order import natural_key
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.reports.slips import slips_to_print
from tps_console.domain.reports.slips_pdf import write_slips
from tps_console.domain.roll.read import parse_roll
from tps_console.domain.views.roll_preview import preview_roll
from tps_console.domain.views.turnout import read_turnout
from tps_console.domain.views.voters import waiting_by_block
from tps_console.i18n import t
from tps_console.samples.rolls import roll_csv, sample_roll

BLOCKS = ("10", "2", "9")  # as a rutan numbers its blocks, written in no order
CELLS = ("A10", "A2", "A1", "A9")
# What the escorts walk through: blocks and cells by their numbers, the staff (no cell) last.
BLOCK_ORDER = ["2", "9", "10", "Staf"]
CELL_ORDER = ["A1", "A2", "A9", "A10"]


def test_numbers_inside_names_compare_as_numbers() -> None:
    names = ["Kamar 10", "kamar 2", "Kamar 1", "Kamar 2A", "", "A10", "A2", "Kamar 02", "B1"]
    assert sorted(names, key=natural_key) == [
        "A2", "A10", "B1", "Kamar 1", "Kamar 02", "kamar 2", "Kamar 2A", "Kamar 10", "",
    ]  # fmt: skip
    assert sorted(["Blok 3 Kamar 12", "Blok 10 Kamar 1", "Blok 3 Kamar 9"], key=natural_key) == [
        "Blok 3 Kamar 9", "Blok 3 Kamar 12", "Blok 10 Kamar 1",
    ]  # fmt: skip


def numbered_roll() -> bytes:
    """The sample roll with its inmates moved to blocks 10, 2 and 9, cells A10, A2, A1, A9."""
    rows = list(csv.DictReader(io.StringIO(sample_roll().decode())))
    inmates = [row for row in rows if row["kamar"]]
    for n, row in enumerate(inmates):
        row["blok"], row["kamar"] = BLOCKS[n % 3], CELLS[n % 4]
    return roll_csv(rows)


@pytest.fixture
def numbered(tmp_path: Path, clock: FixedClock) -> Iterator[Record]:
    rec = make_station(tmp_path / "tps.db", clock, numbered_roll())
    yield rec
    rec.close()


def test_the_calling_list_walks_blocks_and_cells_by_their_numbers(numbered: Record) -> None:
    blocks = waiting_by_block(numbered)
    assert [b.block for b in blocks] == BLOCK_ORDER
    for block in blocks[:3]:
        cells = [w.cell for w in block.waiting]
        assert list(dict.fromkeys(cells)) == CELL_ORDER
        for cell in CELL_ORDER:  # in a cell, by list number
            numbers = [w.no for w in block.waiting if w.cell == cell]
            assert numbers == sorted(numbers)


async def test_the_calling_screen_shows_block_2_before_block_10(numbered: Record) -> None:
    app = desk_for(numbered)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, CallingScreen)
        assert [b.block for b in app.screen.blocks] == BLOCK_ORDER
        table = app.screen.query_one("#waiting")
        shown = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]  # type: ignore[attr-defined]
        assert list(dict.fromkeys(shown)) == CELL_ORDER  # block 2's cells


def test_the_slips_come_out_block_by_block_and_cell_by_cell(
    numbered: Record, tmp_path: Path
) -> None:
    run = slips_to_print(numbered)
    out = write_slips(run, tmp_path / "slips.pdf", t)
    text = "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(out))
    printed = list(dict.fromkeys(re.findall(r"Blok (\d+) · Kamar (A\d+)", text)))
    assert printed == [(block, cell) for block in BLOCK_ORDER[:3] for cell in CELL_ORDER]


def test_the_panel_and_the_roll_preview_list_the_blocks_in_the_same_order(
    numbered: Record,
) -> None:
    assert [b.block for b in read_turnout(numbered).blocks] == BLOCK_ORDER
    preview = preview_roll(parse_roll(numbered_roll(), POLLING_DAY))
    assert [block for block, _ in preview.by_block] == BLOCK_ORDER
