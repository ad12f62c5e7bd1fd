"""Reading the roll (CSV) the station starts from. All or nothing: every bad row is reported.

The format is fixed by DESIGN.md. Each problem is a catalogue key with the line number and the
column, so the chair can fix the spreadsheet in one pass instead of one error per attempt.
"""

from __future__ import annotations

import csv
import errno
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from tps_console.domain.errors import BadInput
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


@dataclass(frozen=True)
class RowIssue:
    line: int
    column: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedRoll:
    entries: list[RollEntry] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)


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


# Files that are not a roll at all, by their first bytes: named, so that none of their bytes end
# up in a message about "columns".
_BINARY = (
    (b"PK\x03\x04", "roll.binary_xlsx"),  # an .xlsx (or any zip) workbook
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "roll.binary_xls"),  # an old .xls workbook
    (b"%PDF", "roll.binary_pdf"),
    (b"SQLite format 3\x00", "roll.binary_station"),
)


def binary_kind(data: bytes) -> str | None:
    """The catalogue key naming what a binary file is, or None if the file is text."""
    for magic, key in _BINARY:
        if data.startswith(magic):
            return key
    head = data[:4096]
    if b"\x00" in head and not _utf16(head):
        return "roll.binary"
    return None


def _utf16(head: bytes) -> str | None:
    """The UTF-16 codec of Excel's "Unicode text" (tab-delimited), by its BOM or, without one, by
    the zero byte beside every ASCII character."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if len(head) >= 4 and even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, bool]:
    """Text of the file and whether it was not UTF-8 or UTF-16 (Excel's default on Windows is
    cp1252)."""
    codec = _utf16(data[:4096])
    if codec is not None:
        return data.decode(codec, errors="replace").lstrip("\ufeff"), False
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), True


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


Progress = Callable[[int, int], None]


def parse_roll(data: bytes, polling_date: date, progress: Progress | None = None) -> ParsedRoll:
    result = ParsedRoll()
    binary = binary_kind(data)
    if binary is not None:
        result.errors.append(RowIssue(1, "", binary))
        return result
    text, legacy = decode(data)
    if legacy:
        result.warnings.append(RowIssue(1, "", "warn.encoding"))
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        result.errors.append(RowIssue(1, "", "roll.empty"))
        return result
    delimiter = max(",;\t", key=lines[0].count)
    rows = _records(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), result)
    header = [canonical_header(h) for h in next(rows, (1, []))[1]]
    if result.errors:
        return result
    for col in sorted(REQUIRED - set(header), key=COLUMNS.index):
        result.errors.append(RowIssue(1, col, "roll.missing_column"))
    for name in header:
        if name not in COLUMNS:
            result.warnings.append(RowIssue(1, name, "warn.extra_column"))
    if result.errors:
        return result

    index = {name: header.index(name) for name in COLUMNS if name in header}
    total = max(len(lines) - 1, 1)
    first_line: dict[tuple[str, object], int] = {}  # (column, value) -> line it first appeared
    line = 1
    for count, (line, row) in enumerate(rows, 1):
        if progress and count % 2000 == 0:
            progress(count, total)
        if not any(cell.strip() for cell in row):
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
        progress(total, total)
    if not result.entries and not result.errors:
        result.errors.append(RowIssue(line, "", "roll.no_rows"))
    return result


def _records(reader: Any, result: ParsedRoll) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on (a stray quote can make one span many lines).

    A record the csv module cannot read at all (a stray quote swallowing the rest of a large file
    overflows its field limit) ends the file with an error instead of a traceback.
    """
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            result.errors.append(
                RowIssue(start, "", "roll.unreadable", {"path": "CSV", "error": str(exc)})
            )
            return
        yield start, row


def _parse_row(
    row: list[str], index: dict[str, int], line: int, polling_date: date, result: ParsedRoll
) -> RollEntry | None:
    def cell(name: str) -> str:
        return row[index[name]].strip() if name in index else ""

    errors: list[RowIssue] = []

    def bad(column: str, key: str, **params: Any) -> None:
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
