"""The guide on A4, for the KPPS's table: each role's part (between `---` lines) on its pages.

The Markdown is read by markdown-it (Textual's own dependency, so nothing is added) into HTML,
which fpdf2 lays out: headings, lists, tables, code. fpdf2's built-in fonts carry Latin-1 only,
so the arrows and signs the guide uses are written in words or plain characters first.
"""

from __future__ import annotations

import re
from pathlib import Path

from fpdf import FPDF
from markdown_it import MarkdownIt

from tps_console.domain.reports.latin1 import latin1
from tps_console.domain.store.output import write_whole
from tps_console.guide import GUIDE

_PART = re.compile(r"^---\s*$", re.MULTILINE)
_SIGNS = str.maketrans({"→": "->", "↑": "atas", "↓": "bawah", "×": "x"})
# The guide's tables are keys and what they do: a narrow first column, text set flush left.
_HEADINGS = re.compile(r"<thead>\s*<tr>\s*<th>(.*?)</th>\s*<th>")


class _Guide(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("helvetica", size=8)
        self.set_text_color(120, 120, 120)
        self.cell(0, 5, f"Panduan TPS Console untuk KPPS - halaman {self.page_no()}", align="C")


def guide_pdf(markdown: str) -> bytes:
    parser = MarkdownIt("commonmark").enable("table")
    pdf = _Guide(orientation="P", unit="mm", format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    for part in _PART.split(markdown):
        pdf.add_page()
        pdf.set_font("helvetica", size=10)
        html = parser.render(latin1(part.translate(_SIGNS)))
        html = _HEADINGS.sub(r'<thead><tr><th width="18%">\1</th><th width="82%">', html).replace(
            "<td>", '<td align="L">'
        )
        pdf.write_html(html, table_line_separators=True)
    return bytes(pdf.output())


def write_guide(path: Path) -> Path:
    """The guide as a PDF at `path` (its folder made if missing), written whole or not at all."""
    return write_whole(path, guide_pdf(GUIDE.read_text(encoding="utf-8")))
