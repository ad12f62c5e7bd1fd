"""The synthetic roll (samples/rolls.py) as an Excel workbook, shaped as Excel saves one.

openpyxl writes every text inline and, streaming, states no size; Excel keeps each distinct text
once in a shared-strings table and states the sheet's size first, and a reader's speed differs
between the two. So the benchmark and the selfcheck read a file shaped like the rutan's: shared
strings, the size stated, the list number a number and the birth date a date cell. No real
person's data: the voters are samples/rolls.py's.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from xml.sax.saxutils import escape

from tps_console.samples.rolls import HEADER

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="DPT" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    # Style 1 is Excel's built-in date format 14: a number in such a cell is a day.
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_MAIN}">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        "</cellXfs></styleSheet>"
    ),
}
_EPOCH = date(1899, 12, 30)  # Excel's day 0 (as it counts, with 1900 a leap year)
_LETTERS = [chr(ord("A") + i) for i in range(len(HEADER))]


def roll_xlsx(rows: list[dict[str, str]]) -> bytes:
    """The roll as one worksheet `DPT`, header on row 1, as Excel saves it."""
    strings: dict[str, int] = {}
    lines = [f'<worksheet xmlns="{_MAIN}"><dimension ref="A1:{_LETTERS[-1]}{len(rows) + 1}"/>']
    lines.append("<sheetData>")
    header = "".join(_text(strings, f"{_LETTERS[i]}1", name) for i, name in enumerate(HEADER))
    lines.append(f'<row r="1">{header}</row>')
    for n, row in enumerate(rows, 2):
        cells = []
        for letter, name in zip(_LETTERS, HEADER, strict=True):
            value, ref = row[name], f"{letter}{n}"
            if not value:
                continue
            if name == "no":
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif name == "tanggal_lahir":
                day = (datetime.strptime(value, "%d-%m-%Y").date() - _EPOCH).days
                cells.append(f'<c r="{ref}" s="1"><v>{day}</v></c>')
            else:
                cells.append(_text(strings, ref, value))
        lines.append(f'<row r="{n}">{"".join(cells)}</row>')
    lines.append("</sheetData></worksheet>")
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, xml in _PARTS.items():
            book.writestr(name, xml)
        book.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{_MAIN}" uniqueCount="{len(strings)}">{shared}</sst>',
        )
        book.writestr("xl/worksheets/sheet1.xml", "".join(lines))
    return out.getvalue()


def _text(strings: dict[str, int], ref: str, value: str) -> str:
    return f'<c r="{ref}" t="s"><v>{strings.setdefault(value, len(strings))}</v></c>'
