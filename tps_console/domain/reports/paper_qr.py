"""The summary's QR code: the paper text (`paper.py`) drawn as vector into the PDF.

segno encodes the text (error correction M: a fold or a stamp on the copy leaves it readable);
its dark modules are filled as one path of rectangles, one per run of dark modules in a row, so
the code is as sharp as the print and has no seams between modules. It stands at the right of the
audit section, the section's text narrowed beside it, with a caption saying what it holds and how
to check it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import segno
from fpdf import FPDF
from fpdf.drawing import PathPaintRule

from tps_console.domain.reports.chasil import Report, Translate
from tps_console.domain.reports.latin1 import latin1
from tps_console.domain.reports.paper import paper_text

MODULE_MM = 0.5  # 3 pixels at 150 dpi; a phone reads it from a hand's length
QUIET_MODULES = 4  # the white border the QR standard asks for
GAP_MM = 3  # between the narrowed text and the quiet zone


def qr_code(text: str) -> segno.QRCode:
    return segno.make(text, error="m", micro=False, boost_error=False)


def draw_qr(pdf: FPDF, code: segno.QRCode, x: float, y: float, module: float = MODULE_MM) -> float:
    """The code's dark modules with their top left corner (quiet zone included) at x, y; returns
    the side of the square drawn, quiet zone included."""
    border = QUIET_MODULES * module
    with pdf.new_path(paint_rule=PathPaintRule.FILL_NONZERO) as path:
        path.style.fill_color = "#000000"
        path.style.stroke_color = None
        for r, row in enumerate(code.matrix_iter(scale=1, border=0)):
            start: int | None = None
            for c, dark in enumerate([*row, 0]):
                if dark and start is None:
                    start = c
                elif not dark and start is not None:
                    path.rectangle(
                        x + border + start * module,
                        y + border + r * module,
                        (c - start) * module,
                        module,
                    )
                    start = None
    width, _ = code.symbol_size(scale=1, border=0)
    return width * module + 2 * border


@contextmanager
def qr_beside(pdf: FPDF, report: Report, tr: Translate) -> Iterator[None]:
    """The QR at the right of what is written inside the `with`, that text narrowed so it never
    runs under the code, and the caption after it; afterwards the page goes on below both."""
    code = qr_code(paper_text(report))
    width, _ = code.symbol_size(scale=1, border=QUIET_MODULES)
    side = width * MODULE_MM
    if pdf.get_y() + side > pdf.page_break_trigger:
        pdf.add_page()
    top = pdf.get_y()
    # The quiet zone may stand in the page's margin: the code's dark modules end at the margin.
    left = pdf.w - pdf.r_margin - side + QUIET_MODULES * MODULE_MM
    draw_qr(pdf, code, left, top)
    margin = pdf.r_margin
    pdf.set_right_margin(pdf.w - left + GAP_MM)
    try:
        yield
        # One line: the page has no room to spare once the polls are closed.
        pdf.set_font("Helvetica", "B", 7.5)
        caption = tr("paper.qr_caption" if report.closing else "paper.qr_caption_open")
        pdf.multi_cell(0, 3.75, latin1(caption), new_x="LMARGIN")
    finally:
        pdf.set_right_margin(margin)
    pdf.set_y(max(pdf.get_y(), top + side))
