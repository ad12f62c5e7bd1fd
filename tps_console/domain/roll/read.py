"""The roll file: read from disk, told apart by its content (never by its name), and parsed.

A CSV or UTF-16 text goes to text.py, an Excel workbook to workbook.py; both hand their rows to
the one check in parse.py. Anything else (an old .xls, a password-protected workbook, a PDF, a
station file) is named for what it is, so none of its bytes end up in a message about columns.
"""

from __future__ import annotations

import errno
import io
import re
import zipfile
from datetime import date
from pathlib import Path

from tps_console.domain.errors import BadInput
from tps_console.domain.roll.parse import WHOLE_FILE, ParsedRoll, Progress, RowIssue, parse_rows
from tps_console.domain.roll.text import text_table, utf16
from tps_console.domain.roll.workbook import workbook_table

WORKBOOK = "workbook"  # an .xlsx (or .xlsm, .xltx) that openpyxl reads

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# Office's old container (OLE2): an .xls, or an .xlsx encrypted with a password to open it.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_XLS = tuple(name.encode("utf-16-le") for name in ("Workbook", "Book"))  # "Book": Excel 5
_BINARY = (
    (b"%PDF", "roll.binary_pdf"),
    (b"SQLite format 3\x00", "roll.binary_station"),
)
# The workbook part's content type, in [Content_Types].xml: .xlsx, .xltx, .xlsm, .xltm.
_WORKBOOK_TYPE = re.compile(
    rb"(spreadsheetml|ms-excel)\.(sheet|template)(\.macroEnabled)?\.main\+xml"
)


def binary_kind(data: bytes) -> str | None:
    """WORKBOOK, the catalogue key naming a file that is not a roll, or None if the file is text."""
    if data.startswith(_ZIP):
        return _zip_kind(data)
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            return "roll.workbook_password"
        return "roll.binary_xls" if any(name in data for name in _XLS) else "roll.binary"
    for magic, key in _BINARY:
        if data.startswith(magic):
            return key
    head = data[:4096]
    if b"\x00" in head and not utf16(head):
        return "roll.binary"
    return None


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            mimetype = archive.read("mimetype")[:200] if "mimetype" in names else b""
    except Exception:  # zipfile raises more than BadZipFile on a damaged file (version, CRC...)
        return "roll.workbook_damaged"  # e.g. a workbook cut short by an interrupted copy
    if _WORKBOOK_TYPE.search(types):
        return WORKBOOK
    if b"sheet.binary" in types:
        return "roll.binary_xlsb"
    if b"opendocument.spreadsheet" in mimetype:
        return "roll.binary_ods"
    return "roll.binary_zip"


# What the operating system says in English, said in the officer's words.
_UNREADABLE = {
    errno.ENOENT: "roll.missing",
    errno.EISDIR: "roll.directory",
    errno.EACCES: "roll.no_permission",
    errno.EPERM: "roll.no_permission",
}


def read_roll(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        key = _UNREADABLE.get(exc.errno or 0)
        if key is not None:
            raise BadInput(key, path=str(path)) from exc
        raise BadInput("roll.unreadable", path=str(path), error=exc.strerror or str(exc)) from exc


def parse_roll(
    data: bytes,
    polling_date: date,
    progress: Progress | None = None,
    *,
    sheet: str | None = None,
) -> ParsedRoll:
    """The roll in `data` (a CSV, a UTF-16 text or an Excel workbook), every row checked. `sheet`
    names the workbook's worksheet to read (default: the first)."""
    result = ParsedRoll()
    kind = binary_kind(data)
    if kind == WORKBOOK:
        with workbook_table(data, sheet, result) as table:
            if table is not None:
                parse_rows(table, polling_date, result, progress)
        return result
    if kind is not None:
        result.errors.append(RowIssue(WHOLE_FILE, "", kind))
    elif sheet is not None:
        result.errors.append(RowIssue(WHOLE_FILE, "", "roll.sheet_of_text", {"sheet": sheet}))
    else:
        table = text_table(data, result)
        if table is not None:
            parse_rows(table, polling_date, result, progress)
    return result
