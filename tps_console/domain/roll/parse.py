"""The roll's rows, checked into voters: one check, whatever file the rows came from.

The readers (text.py: CSV and UTF-16 text; workbook.py: Excel .xlsx) turn a file into a Table of
cells; `parse_rows` checks them. All or nothing: every bad row is reported, each problem a
catalogue key with the line and the column, so the chair can fix the file in one pass instead of
one error per attempt. The format is fixed (README, "The roll (CSV or Excel)").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypedDict

from tps_console.domain.roll.nik import NikProblem, nik_mismatches, normalise_nik
from tps_console.domain.vocab import ALL_BALLOTS, Category

COLUMNS = (
    "no",
    "nik",
    "nama",
    "jenis_kelamin",
    "tanggal_lahir",
    "kategori",
    "no_register",
    "blok",
    "kamar",
    "disabilitas",
    "surat_suara",
)
REQUIRED = frozenset({"no", "nik", "nama", "jenis_kelamin", "tanggal_lahir", "kategori"})

_SEX = {"l": "L", "laki-laki": "L", "laki laki": "L", "lakilaki": "L", "p": "P", "perempuan": "P"}
_CATEGORY = {c.value.lower(): c.value for c in Category}
_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$|^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_BALLOT_SPLIT = re.compile(r"[,;/ ]+")
# ASCII digits only ("²".isdigit() is true but int() refuses it) and few enough to fit any INTEGER.
_LIST_NO = re.compile(r"[0-9]{1,9}")


class VoterRow(TypedDict):
    """A voter's roll fields as stored in the voter table (and as fingerprinted and logged)."""

    no: int
    nik: str
    name: str
    sex: str
    birth_date: str  # YYYY-MM-DD
    category: str
    register_no: str | None
    block: str
    cell: str
    disability: str
    ballots: str  # comma-separated, hand-out order


@dataclass(frozen=True)
class RollEntry:
    no: int
    nik: str
    name: str
    sex: str
    birth_date: date
    category: str
    register_no: str | None
    block: str
    cell: str
    disability: str
    ballots: tuple[str, ...]

    def record(self) -> VoterRow:
        """The voter's roll fields as stored (and as fingerprinted)."""
        return {
            "no": self.no,
            "nik": self.nik,
            "name": self.name,
            "sex": self.sex,
            "birth_date": self.birth_date.isoformat(),
            "category": self.category,
            "register_no": self.register_no,
            "block": self.block,
            "cell": self.cell,
            "disability": self.disability,
            "ballots": ",".join(self.ballots),
        }


# The line of a problem with the file as a whole (not a workbook, no header ...), not one row.
WHOLE_FILE = 0


@dataclass(frozen=True)
class RowIssue:
    line: int  # the file's line, or the sheet's row number; WHOLE_FILE for the file itself
    column: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedRoll:
    entries: list[RollEntry] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    sheet: str = ""  # of a workbook, the worksheet read
    sheets: tuple[str, ...] = ()  # and all its worksheets


@dataclass(frozen=True)
class BadCell:
    """A cell its reader already refused (a NIK Excel stored as a number, an Excel error value):
    the row is reported with this problem in that column, and its value is never read."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


Cell = str | BadCell


def canonical_header(name: str) -> str:
    return re.sub(r"[\s_\-]+", "_", name.strip().lstrip("\ufeff").lower()).strip("_")


def normalise_register_no(raw: str) -> str:
    return re.sub(r"\s+", "", raw).upper()


def parse_date(raw: str) -> date | None:
    m = _DATE.match(raw.strip())
    if not m:
        return None
    d, mo, y = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def parse_sex(raw: str) -> str | None:
    return _SEX.get(" ".join(raw.strip().lower().split()))


def parse_ballots(raw: str) -> tuple[str, ...] | str:
    """The ballot codes in hand-out order, or the first unknown code."""
    if not raw.strip():
        return ALL_BALLOTS
    codes = set()
    for part in _BALLOT_SPLIT.split(raw.strip()):
        code = part.upper().replace("-", "_")
        if code == "DPRDPROV":
            code = "DPRD_PROV"
        elif code == "DPRDKAB":
            code = "DPRD_KAB"
        if code not in ALL_BALLOTS:
            return part
        codes.add(code)
    return tuple(c for c in ALL_BALLOTS if c in codes)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Table:
    """What a reader (text.py for CSV, workbook.py for .xlsx) hands to the one check of the rows:
    the header's line and its names (canonical), then each row after it with its line."""

    header_line: int
    header: list[str]
    rows: Iterator[tuple[int, Sequence[Cell]]]
    total: int  # rows expected after the header, for the progress bar only


def parse_rows(
    table: Table, polling_date: date, result: ParsedRoll, progress: Progress | None = None
) -> ParsedRoll:
    """Check every row of a roll, whatever file it came from, into `result`: entries, and every
    problem with its line and column."""
    header = table.header
    for col in sorted(REQUIRED - set(header), key=COLUMNS.index):
        result.errors.append(RowIssue(table.header_line, col, "roll.missing_column"))
    for name in header:
        if name not in COLUMNS:
            result.warnings.append(RowIssue(table.header_line, name, "warn.extra_column"))
    if result.errors:
        return result

    index = {name: header.index(name) for name in COLUMNS if name in header}
    first_line: dict[tuple[str, object], int] = {}  # (column, value) -> line it first appeared
    line = table.header_line
    count = 0
    for line, row in table.rows:
        count += 1
        if progress and count % 2000 == 0:
            progress(count, max(table.total, count))
        if all(isinstance(cell, str) and not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            result.errors.append(
                RowIssue(line, "", "roll.field_count", {"expected": len(header), "found": len(row)})
            )
            continue
        entry = _parse_row(row, index, line, polling_date, result)
        if entry is None:
            continue
        unique: tuple[tuple[str, object], ...] = (
            ("nik", entry.nik),
            ("no_register", entry.register_no),
            ("no", entry.no),
        )
        for column, value in unique:
            if value is None:
                continue
            first = first_line.setdefault((column, value), line)
            if first != line:
                result.errors.append(
                    RowIssue(line, column, "roll.duplicate", {"value": value, "first": first})
                )
        result.entries.append(entry)
    if progress:
        total = max(table.total, count, 1)
        progress(total, total)
    if not result.entries and not result.errors:
        result.errors.append(RowIssue(line, "", "roll.no_rows"))
    return result


def _parse_row(
    row: Sequence[Cell], index: dict[str, int], line: int, polling_date: date, result: ParsedRoll
) -> RollEntry | None:
    errors: list[RowIssue] = []
    refused = set()
    for name, at in index.items():
        value = row[at]
        if isinstance(value, BadCell):
            errors.append(RowIssue(line, name, value.key, value.params))
            refused.add(name)

    def cell(name: str) -> str:
        value = row[index[name]] if name in index else ""
        return value.strip() if isinstance(value, str) else ""

    def bad(column: str, key: str, **params: Any) -> None:
        if column not in refused:  # its reader said what is wrong with it
            errors.append(RowIssue(line, column, key, params))

    no_text = cell("no")
    no = int(no_text) if _LIST_NO.fullmatch(no_text) and int(no_text) > 0 else None
    if no is None:
        bad("no", "roll.bad_no", value=no_text)

    nik = normalise_nik(cell("nik"))
    if isinstance(nik, NikProblem):
        bad("nik", nik.key, **nik.params)

    name = " ".join(cell("nama").split())
    if not name:
        bad("nama", "roll.empty_name")

    sex = parse_sex(cell("jenis_kelamin"))
    if sex is None:
        bad("jenis_kelamin", "roll.bad_sex", value=cell("jenis_kelamin"))

    birth = parse_date(cell("tanggal_lahir"))
    if birth is None:
        bad("tanggal_lahir", "roll.bad_date", value=cell("tanggal_lahir"))
    elif birth > polling_date:
        bad("tanggal_lahir", "roll.future_date", value=cell("tanggal_lahir"))

    category = _CATEGORY.get(cell("kategori").lower())
    if category is None:
        bad("kategori", "roll.bad_category", value=cell("kategori"))

    ballots = parse_ballots(cell("surat_suara"))
    if isinstance(ballots, str):
        bad("surat_suara", "roll.bad_ballot", value=ballots)

    result.errors.extend(errors)
    if errors:
        return None
    assert (
        isinstance(nik, str) and sex and birth and category and no and not isinstance(ballots, str)
    )
    for key in nik_mismatches(nik, birth, sex):
        result.warnings.append(RowIssue(line, "nik", key, {"nik": nik}))
    if age_on(birth, polling_date) < 17:
        result.warnings.append(
            RowIssue(line, "tanggal_lahir", "warn.under_17", {"age": age_on(birth, polling_date)})
        )
    register = normalise_register_no(cell("no_register")) or None
    return RollEntry(
        no=no,
        nik=nik,
        name=name,
        sex=sex,
        birth_date=birth,
        category=category,
        register_no=register,
        block=cell("blok"),
        cell=cell("kamar"),
        disability=cell("disabilitas"),
        ballots=ballots,
    )
