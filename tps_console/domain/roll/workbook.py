"""Reading a roll from an Excel workbook (.xlsx, .xlsm), streamed with openpyxl's read-only mode.

Excel changes what was typed: a NIK typed as a number keeps 15 significant digits, "1-2" becomes
a date, a formula that failed shows `#N/A`. Each cell becomes the text the chair sees in Excel,
or is refused with what happened to it; the rows then go through the same check as a CSV's
(`parse.parse_rows`). Line numbers are the sheet's row numbers, so the chair finds the row.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from tps_console.domain.roll.parse import (
    COLUMNS,
    REQUIRED,
    WHOLE_FILE,
    BadCell,
    Cell,
    ParsedRoll,
    RowIssue,
    Table,
    canonical_header,
)

# Title lines (the TPS, the rutan, the date) stand above the header; the header is the first row
# naming at least this many of the roll's columns, within the first HEADER_SEARCH_ROWS rows.
HEADER_SEARCH_ROWS = 30
MIN_HEADER_NAMES = 3
_KNOWN = frozenset(COLUMNS)
# What a cell shows when its formula failed (Excel's error values, as openpyxl reads them).
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
    | {"#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
)
DATE_COLUMN = "tanggal_lahir"


@contextmanager
def workbook_table(data: bytes, sheet: str | None, result: ParsedRoll) -> Iterator[Table | None]:
    """The header and rows of the workbook's first visible worksheet, or of the one named; None when there
    is none to read (said in `result`). The workbook stays open while the rows are read."""
    # Imported here: a third of a second of start-up that only reading a workbook needs.
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns about what it leaves out (data validation, conditional formats...):
        # none of it is the roll's, and a warning printed to the chair would be noise.
        warnings.filterwarnings("ignore", module="openpyxl")
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # a damaged file raises whatever openpyxl's parsers meet in it
            result.errors.append(RowIssue(WHOLE_FILE, "", "roll.workbook_damaged"))
            yield None
            return
        try:
            yield _table(book, sheet, result)
        finally:
            book.close()


def _table(book: Any, sheet: str | None, result: ParsedRoll) -> Table | None:
    worksheets = book.worksheets
    result.sheets = tuple(ws.title for ws in worksheets)
    found = _find_sheet(worksheets, sheet)
    if found is None:
        if not worksheets:
            result.errors.append(RowIssue(WHOLE_FILE, "", "roll.empty"))
        else:
            listed = {"sheet": sheet, "sheets": ", ".join(result.sheets)}
            result.errors.append(RowIssue(WHOLE_FILE, "", "roll.no_such_sheet", listed))
        return None
    result.sheet = found.title
    estimate = found.max_row or 0  # the size the sheet states: for the progress bar only
    # A stale stated size would make openpyxl stop early, silently dropping the rows below it.
    found.reset_dimensions()
    rows = _rows(found, result)
    for line, values in rows:
        names = [canonical_header(_header_text(v)) for v in values]
        if len(_KNOWN.intersection(names)) >= MIN_HEADER_NAMES:
            while names and not names[-1]:
                names.pop()  # cells right of the header that are merely formatted
            return Table(line, names, _cells(rows, names), max(estimate - line, 0))
        if line >= HEADER_SEARCH_ROWS:
            break
    if not result.errors:  # a damaged sheet is said as such
        others = [title for title in result.sheets if title != found.title]
        params: dict[str, Any] = {
            "sheet": found.title,
            "rows": HEADER_SEARCH_ROWS,
            "columns": ", ".join(c for c in COLUMNS if c in REQUIRED),
            "optional": ", ".join(c for c in COLUMNS if c not in REQUIRED),
            "others": ", ".join(others),
        }
        key = "roll.no_header_other_sheets" if others else "roll.no_header"
        result.errors.append(RowIssue(WHOLE_FILE, "", key, params))
    return None


def _find_sheet(worksheets: list[Any], name: str | None) -> Any:
    """The first worksheet the chair sees (a hidden one is not), or the one named (Excel's names
    ignore case, and so does this)."""
    if name is None:
        visible = [ws for ws in worksheets if ws.sheet_state == "visible"]
        return (visible or worksheets or [None])[0]
    wanted = name.strip().casefold()
    found = [ws for ws in worksheets if ws.title == name]
    found = found or [ws for ws in worksheets if ws.title.strip().casefold() == wanted]
    return found[0] if found else None


def _rows(sheet: Any, result: ParsedRoll) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Every row with its number in the sheet (openpyxl fills the rows the file leaves out). A
    sheet damaged midway ends with an error instead of a traceback."""
    try:
        yield from enumerate(sheet.iter_rows(min_row=1, values_only=True), 1)
    except Exception:  # as on opening: whatever the parser meets in a damaged file
        result.errors.append(RowIssue(WHOLE_FILE, "", "roll.workbook_damaged"))


def _cells(
    rows: Iterator[tuple[int, tuple[Any, ...]]], header: list[str]
) -> Iterator[tuple[int, Sequence[Cell]]]:
    width = len(header)
    for line, values in rows:
        # A sheet has no field count: a short row is empty to the right, a cell beyond the
        # header is under no column.
        padded = values[:width] + (None,) * (width - len(values))
        yield line, [_text(name, value) for name, value in zip(header, padded, strict=True)]


def _header_text(value: object) -> str:
    return "" if value is None else str(value)


def _text(column: str, value: object) -> Cell:
    """The cell as the roll's text, or what Excel did to it."""
    if isinstance(value, str):
        if value[:1] == "#" and value.strip() in EXCEL_ERRORS:
            return BadCell("roll.cell_error", {"value": value.strip()})
        return value
    if value is None:
        return ""
    if isinstance(value, date):  # a datetime too: Excel keeps dates as a day and a time
        day = value.date() if isinstance(value, datetime) else value
        if column == DATE_COLUMN:
            return day.isoformat()
        return BadCell("roll.cell_date", {"value": day.isoformat()})
    if isinstance(value, bool):  # before numbers: a bool is an int
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        text = _number(value)
        if column == "nik":
            return BadCell("nik.stored_as_number", {"value": text})
        return text
    return str(value)  # a time of day or a duration: only ever wrong, and said so by the check


def _number(value: float) -> str:
    """As Excel shows a number in a General cell, without its float tail: 5, not 5.0."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value)
