"""The slips on A4: ten to a page (two columns of five) with dashed lines to cut along.

The barcode is Code128 (python-barcode encodes, the bars are drawn as vector rectangles, so
they stay sharp at any printer's resolution), with the quiet zone a scanner needs either side
and the register number printed under it for the officer's eye. fpdf2 takes half a second to
import: this module is imported only when slips are printed.
"""

from __future__ import annotations

from pathlib import Path

from barcode.codex import Code128
from fpdf import FPDF

from tps_console.domain.reports.chasil import Translate
from tps_console.domain.reports.latin1 import latin1
from tps_console.domain.reports.slips import SlipRun
from tps_console.domain.store.output import write_whole
from tps_console.domain.views.voters import Waiting

PAGE_W, PAGE_H = 210.0, 297.0
COLUMNS, ROWS = 2, 5
SLIP_W, SLIP_H = PAGE_W / COLUMNS, PAGE_H / ROWS
PAD = 6.0
# 0.375 mm bars: well above what USB scanners read (about 0.2 mm), and over two pixels a bar
# on a 150 dpi scan. A long register number narrows them, never below MIN_MODULE.
MODULE = 0.375
MIN_MODULE = 0.25
QUIET_MODULES = 10
BAR_H = 14.0


def bar_modules(register_no: str) -> str:
    """Code128 as modules, '1' a bar and '0' a space, quiet zones not included."""
    return str(Code128(register_no).build()[0])


class _Slips(FPDF):
    def __init__(self, run: SlipRun, tr: Translate) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.run = run
        self.tr = tr
        self.set_margins(0, 0, 0)
        self.set_auto_page_break(False)

    def cut_lines(self) -> None:
        self.set_draw_color(150, 150, 150)
        self.set_line_width(0.2)
        with self.local_context():
            self.set_dash_pattern(dash=2, gap=2)
            for col in range(1, COLUMNS):
                self.line(col * SLIP_W, 0, col * SLIP_W, PAGE_H)
            for row in range(1, ROWS):
                self.line(0, row * SLIP_H, PAGE_W, row * SLIP_H)

    def slip(self, index: int, voter: Waiting) -> None:
        x = (index % COLUMNS) * SLIP_W + PAD
        y = (index // COLUMNS) % ROWS * SLIP_H + PAD
        width = SLIP_W - 2 * PAD
        run, tr = self.run, self.tr
        self.set_text_color(0, 0, 0)
        self.set_font("Helvetica", "", 8)
        self.set_xy(x, y)
        heading = tr("slips.heading", tps=run.tps, date=run.polling_date.strftime("%d-%m-%Y"))
        self.cell(width, 4, latin1(heading))
        if run.drill:
            # On every slip, not only every page: a drill's slip cut out is still a drill's.
            self.set_xy(x, y)
            self.set_text_color(200, 0, 0)
            self.set_font("Helvetica", "B", 8)
            self.cell(width, 4, latin1(tr("slips.drill")), align="R")
            self.set_text_color(0, 0, 0)
        self.set_xy(x, y + 5)
        self.set_font("Helvetica", "B", 16)
        self.cell(width / 2, 8, latin1(tr("slips.no", no=voter.no)))
        self.set_font("Helvetica", "B", 12)
        place = tr("slips.place", block=voter.block or "-", cell=voter.cell or "-")
        self.cell(width / 2, 8, latin1(place), align="R")
        self.set_xy(x, y + 13)
        self.set_font("Helvetica", "B", 11)
        name = latin1(voter.name)
        while self.get_string_width(name) > width and len(name) > 1:
            name = name[:-1]
        self.cell(width, 6, name)
        self.barcode(voter.register_no, x, y + 21, width)

    def barcode(self, text: str, x: float, y: float, width: float) -> None:
        modules = bar_modules(text)
        total = len(modules) + 2 * QUIET_MODULES
        module = max(MIN_MODULE, min(MODULE, width / total))
        left = x + (width - len(modules) * module) / 2
        self.set_fill_color(0, 0, 0)
        start = None
        for i, m in enumerate(modules + "0"):
            if m == "1" and start is None:
                start = i
            elif m == "0" and start is not None:
                self.rect(left + start * module, y, (i - start) * module, BAR_H, style="F")
                start = None
        self.set_xy(x, y + BAR_H + 0.5)
        self.set_font("Courier", "B", 11)
        self.cell(width, 5, latin1(text), align="C")


def render_slips(run: SlipRun, tr: Translate) -> bytes:
    pdf = _Slips(run, tr)
    pdf.set_title(latin1(tr("slips.title", tps=run.tps)))
    per_page = COLUMNS * ROWS
    for index, voter in enumerate(run.slips):
        if index % per_page == 0:
            pdf.add_page()
            pdf.cut_lines()
        pdf.slip(index, voter)
    if not run.slips:
        pdf.add_page()
        pdf.set_xy(PAD, PAD)
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(PAGE_W - 2 * PAD, 8, latin1(tr("slips.none", tps=run.tps)))
    return bytes(pdf.output())


def write_slips(run: SlipRun, out: Path, tr: Translate) -> Path:
    """The slips as an A4 PDF at `out`, written whole or not at all (temporary file, rename)."""
    return write_whole(out, render_slips(run, tr))
