"""The roll as an Excel workbook (.xlsx): read by its content, title lines skipped, the sheet's row
numbers in every message, what Excel does to NIKs and dates named, never a traceback.

Every workbook here is built with openpyxl from the synthetic roll (samples/rolls.py): no real person.
"""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tests.helpers import POLLING_DAY
from tps_console.cli.main import main
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.creation import RollRejected, create_station
from tps_console.domain.record.station import open_record
from tps_console.domain.roll.parse import WHOLE_FILE, ParsedRoll, RowIssue
from tps_console.domain.roll.read import parse_roll
from tps_console.domain.roll.workbook import HEADER_SEARCH_ROWS
from tps_console.i18n import MESSAGES, set_language, t
from tps_console.samples.rolls import HEADER, generate_roll, roll_csv

ROOT = Path(__file__).resolve().parent.parent
TITLE = [["DAFTAR PEMILIH TETAP"], ["TPS 901 — Rutan Kelas IIB Blora"], []]
Row = Sequence[object]


def excel_row(row: dict[str, str]) -> list[object]:
    """A roll row as Excel holds it when typed into a sheet whose NIK column is Text: the list
    number is a number and the birth date a date."""
    typed: dict[str, object] = dict(row)
    typed["no"] = int(row["no"])
    typed["tanggal_lahir"] = datetime.strptime(row["tanggal_lahir"], "%d-%m-%Y")
    return [typed[h] for h in HEADER]


def roll_sheet(rows: list[dict[str, str]], *, above: Sequence[Row] = ()) -> list[Row]:
    return [*above, list(HEADER), *(excel_row(r) for r in rows)]


def workbook(*sheets: tuple[str, Sequence[Row]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for cells in rows:
            sheet.append(list(cells))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def parse(data: bytes, sheet: str | None = None) -> ParsedRoll:
    return parse_roll(data, POLLING_DAY, sheet=sheet)


def issues(found: list[RowIssue]) -> set[tuple[int, str, str]]:
    return {(i.line, i.column, i.key) for i in found}


def with_cell(rows: list[dict[str, str]], at: int, column: str, value: object) -> list[Row]:
    """The roll sheet (header on row 1) with one cell of voter `at` (0-based) set to `value`."""
    sheet = roll_sheet(rows)
    changed = list(sheet[at + 1])
    changed[HEADER.index(column)] = value
    sheet[at + 1] = changed
    return sheet


ROLL = generate_roll(180)


# Reading ----------------------------------------------------------------------------------------


def test_the_sample_roll_as_a_workbook_gives_the_same_voters_as_its_csv() -> None:
    parsed = parse(workbook(("DPT", roll_sheet(ROLL))))
    assert parsed.errors == [] and parsed.warnings == []
    assert parsed.entries == parse_roll(roll_csv(ROLL), POLLING_DAY).entries
    assert (parsed.sheet, parsed.sheets) == ("DPT", ("DPT",))


def test_a_workbook_makes_the_station_its_csv_would(tmp_path: Path, clock: FixedClock) -> None:
    from_workbook = tmp_path / "xlsx.db"
    from_csv = tmp_path / "csv.db"
    create_station(
        from_workbook, workbook(("DPT", roll_sheet(ROLL))), clock, polling_date=POLLING_DAY
    )
    create_station(from_csv, roll_csv(ROLL), clock, polling_date=POLLING_DAY)
    fingerprints = []
    for path in (from_workbook, from_csv):
        rec = open_record(path, clock)
        fingerprints.append((rec.station.roll_count, rec.station.roll_fingerprint))
        rec.close()
    assert fingerprints[0] == fingerprints[1] and fingerprints[0][0] == 180


def test_every_row_message_carries_the_sheets_row_number_below_title_lines() -> None:
    sheet = roll_sheet(ROLL[:6], above=TITLE)  # header on row 4, voters on rows 5-10
    bad = list(sheet[6])
    bad[HEADER.index("jenis_kelamin")] = "X"
    sheet[6] = bad
    sheet[8] = [*sheet[4]]  # the first voter (row 5) again, on row 9
    parsed = parse(workbook(("DPT", sheet)))
    assert issues(parsed.errors) == {
        (7, "jenis_kelamin", "roll.bad_sex"),
        (9, "nik", "roll.duplicate"),
        (9, "no_register", "roll.duplicate"),
        (9, "no", "roll.duplicate"),
    }
    assert {i.params["first"] for i in parsed.errors if i.key == "roll.duplicate"} == {5}


def test_title_lines_above_the_header_are_skipped() -> None:
    parsed = parse(workbook(("DPT", roll_sheet(ROLL[:20], above=TITLE))))
    assert parsed.errors == [] and parsed.warnings == []
    assert parsed.entries == parse_roll(roll_csv(ROLL[:20]), POLLING_DAY).entries


@pytest.mark.parametrize(
    "header",
    [
        ("No", "NIK", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Kategori",
         "No Register", "Blok", "Kamar", "Disabilitas", "Surat Suara"),
        ("NO", "NIK", "NAMA", "JENIS-KELAMIN", "TANGGAL\nLAHIR", "KATEGORI",
         "NO-REGISTER", "BLOK", "KAMAR", "DISABILITAS", "SURAT-SUARA"),
    ],
)  # fmt: skip
def test_header_names_match_as_in_a_csv(header: tuple[str, ...]) -> None:
    sheet = roll_sheet(ROLL[:3], above=TITLE)
    sheet[len(TITLE)] = list(header)
    parsed = parse(workbook(("DPT", sheet)))
    assert parsed.errors == [] and len(parsed.entries) == 3


def test_a_header_missing_a_required_column_is_named_on_its_row() -> None:
    sheet = roll_sheet(ROLL[:3], above=TITLE)
    sheet[len(TITLE)] = [h if h != "kategori" else "" for h in HEADER]
    parsed = parse(workbook(("DPT", sheet)))
    assert issues(parsed.errors) == {(4, "kategori", "roll.missing_column")}


def test_no_header_names_the_columns_expected() -> None:
    headless: list[Row] = [*TITLE, *(excel_row(r) for r in ROLL[:5])]
    parsed = parse(workbook(("DPT", headless)))
    (issue,) = parsed.errors
    assert (issue.line, issue.key) == (WHOLE_FILE, "roll.no_header")
    message = t(issue.key, **issue.params)
    assert "'DPT'" in message and f"{HEADER_SEARCH_ROWS} baris" in message
    for column in HEADER:
        assert column in message
    assert parsed.entries == []


def test_the_first_sheet_is_read_or_the_one_named() -> None:
    summary: list[Row] = [["Rekap DPT TPS 901"], ["Jumlah", 180]]
    data = workbook(("Rekap", summary), ("DPT", roll_sheet(ROLL[:4])))
    first = parse(data)
    (issue,) = first.errors
    assert issue.key == "roll.no_header_other_sheets" and issue.params["others"] == "DPT"
    assert first.sheets == ("Rekap", "DPT")
    for name in ("DPT", "dpt", " Dpt "):
        named = parse(data, sheet=name)
        assert named.errors == [], name
        assert (named.sheet, len(named.entries)) == ("DPT", 4)


def test_the_first_sheet_is_the_first_the_chair_sees() -> None:
    book = Workbook()
    hidden = book.active
    hidden.title = "Kode"
    hidden.append(["kode wilayah", 3316])
    hidden.sheet_state = "hidden"
    shown = book.create_sheet("DPT")
    for cells in roll_sheet(ROLL[:3]):
        shown.append(list(cells))
    out = io.BytesIO()
    book.save(out)
    parsed = parse(out.getvalue())
    assert parsed.errors == []
    assert (parsed.sheet, parsed.sheets, len(parsed.entries)) == ("DPT", ("Kode", "DPT"), 3)


def test_an_unknown_sheet_is_refused_listing_the_sheets_there_are() -> None:
    data = workbook(("Rekap", [["x"]]), ("DPT", roll_sheet(ROLL[:4])))
    parsed = parse(data, sheet="DPT 2024")
    assert [(i.line, i.key, i.params) for i in parsed.errors] == [
        (WHOLE_FILE, "roll.no_such_sheet", {"sheet": "DPT 2024", "sheets": "Rekap, DPT"})
    ]
    assert parsed.entries == []


def test_a_sheet_name_for_a_csv_is_refused() -> None:
    parsed = parse(roll_csv(ROLL[:4]), sheet="DPT")
    assert issues(parsed.errors) == {(WHOLE_FILE, "", "roll.sheet_of_text")}


# What Excel does to the cells -------------------------------------------------------------------


@pytest.mark.parametrize("number", [3399141702910001, 3.3991417029100002e15])
def test_a_nik_stored_as_a_number_is_refused_for_its_row(number: float) -> None:
    parsed = parse(workbook(("DPT", with_cell(ROLL[:4], 2, "nik", number))))
    assert [(i.line, i.column, i.key) for i in parsed.errors] == [
        (4, "nik", "nik.stored_as_number")
    ]
    (issue,) = parsed.errors
    assert issue.params == {"value": str(int(number))}
    assert "15 angka" in t(issue.key, **issue.params)
    assert "format kolom NIK sebagai Teks lalu ketik ulang" in t(issue.key, **issue.params)
    set_language("en")
    assert "15 digits" in t(issue.key, **issue.params)
    assert "format the NIK column as Text and retype" in t(issue.key, **issue.params)


def test_numbers_in_text_columns_read_as_excel_shows_them() -> None:
    sheet = with_cell(ROLL[:3], 0, "no_register", 12)
    changed = list(sheet[2])
    changed[HEADER.index("kamar")] = 5.0
    changed[HEADER.index("no")] = 2.0
    changed[HEADER.index("blok")] = 3
    sheet[2] = changed
    parsed = parse(workbook(("DPT", sheet)))
    assert parsed.errors == []
    first, second = parsed.entries[:2]
    assert first.register_no == "12"
    assert (second.no, second.block, second.cell) == (2, "3", "5")


@pytest.mark.parametrize(
    "birth",
    [datetime(1991, 2, 17), date(1991, 2, 17), "17-02-1991", "1991-02-17", "17/2/1991"],
)
def test_birth_dates_as_excel_dates_or_as_text(birth: object) -> None:
    rows = [dict(ROLL[0], nik="3399141702910001")]
    parsed = parse(workbook(("DPT", with_cell(rows, 0, "tanggal_lahir", birth))))
    assert parsed.errors == []
    assert parsed.entries[0].birth_date == date(1991, 2, 17)


@pytest.mark.parametrize(
    ("birth", "key"),
    [
        ("31-02-1991", "roll.bad_date"),
        (datetime(2024, 2, 15), "roll.future_date"),
        (33286, "roll.bad_date"),  # a date's serial number in a General cell: not guessed
    ],
)
def test_impossible_birth_dates_are_refused(birth: object, key: str) -> None:
    parsed = parse(workbook(("DPT", with_cell(ROLL[:3], 1, "tanggal_lahir", birth))))
    assert issues(parsed.errors) == {(3, "tanggal_lahir", key)}


def test_excel_errors_and_dates_in_text_columns_are_named() -> None:
    sheet = with_cell(ROLL[:4], 0, "nama", "#N/A")
    changed = list(sheet[3])
    changed[HEADER.index("kamar")] = datetime(2024, 2, 1)  # "1-2" typed into a General cell
    sheet[3] = changed
    parsed = parse(workbook(("DPT", sheet)))
    assert issues(parsed.errors) == {(2, "nama", "roll.cell_error"), (4, "kamar", "roll.cell_date")}
    by_key = {i.key: i.params for i in parsed.errors}
    assert by_key == {
        "roll.cell_error": {"value": "#N/A"},
        "roll.cell_date": {"value": "2024-02-01"},
    }


def test_empty_rows_at_the_end_and_formatted_cells_are_ignored() -> None:
    book = Workbook()
    sheet = book.active
    for cells in roll_sheet(ROLL[:5]):
        sheet.append(cells)
    for row in range(7, 400):  # formatted as Text by a chair who prepared the column
        sheet.cell(row=row, column=2).number_format = "@"
    sheet.cell(row=1, column=20).number_format = "@"  # and a header cell far to the right
    out = io.BytesIO()
    book.save(out)
    parsed = parse(out.getvalue())
    assert parsed.errors == [] and parsed.warnings == []
    assert len(parsed.entries) == 5


def test_what_openpyxl_leaves_out_is_not_warned_about() -> None:
    """Excel's data validation (a drop-down for L/P) is dropped by openpyxl with a warning,
    which the chair must not see printed."""
    validation = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14='
        b'"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b'<x14:dataValidations count="0"/></ext></extLst>'
    )
    data = rewrite(
        workbook(("DPT", roll_sheet(ROLL[:5]))),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</sheetData>", b"</sheetData>" + validation),
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parsed = parse(data)
    assert parsed.errors == [] and len(parsed.entries) == 5
    assert [str(w.message) for w in caught] == []


def test_a_header_with_no_voters_below_it() -> None:
    sheet: list[Row] = [*TITLE, list(HEADER), [], []]
    parsed = parse(workbook(("DPT", sheet)))
    assert [i.key for i in parsed.errors] == ["roll.no_rows"]


def test_a_stale_stated_size_never_drops_voters() -> None:
    """The sheet's <dimension> is a hint some programs leave stale; openpyxl stops there."""
    data = workbook(("DPT", roll_sheet(ROLL[:10])))
    stale = rewrite(
        data, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b'ref="A1:K11"', b'ref="A1:K3"')
    )
    assert stale != data
    parsed = parse(stale)
    assert parsed.errors == [] and len(parsed.entries) == 10


def rewrite(data: bytes, part: str, change: object) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                content = change(content)  # type: ignore[operator]
            target.writestr(info, content)
    return out.getvalue()


def test_the_same_rows_as_text_give_the_same_result_from_a_workbook_and_a_csv() -> None:
    """One check of a row, two readers: a workbook of text cells and its CSV agree on every
    entry, error and warning, line numbers included."""
    rows = [dict(r) for r in ROLL[:40]]
    rows[3]["nik"] = "3.39914E+15"
    rows[5]["jenis_kelamin"] = "X"
    rows[7]["tanggal_lahir"] = "31-02-1991"
    rows[9]["kategori"] = "DPS"
    rows[11]["surat_suara"] = "PPWP,DPRD"
    rows[13]["nama"] = " "
    rows[15]["no"] = "x"
    rows[17]["nik"] = rows[1]["nik"]
    rows[19]["tanggal_lahir"] = "14-02-2010"  # under 17: a warning
    rows[21]["nik"] = rows[21]["nik"][:6] + "0101" + rows[21]["nik"][10:]  # NIK's birth differs
    text_sheet = [list(HEADER), *([r[h] for h in HEADER] for r in rows)]
    from_workbook = parse(workbook(("DPT", text_sheet)))
    from_csv = parse(roll_csv(rows))
    assert len(from_csv.errors) == 8 and len(from_csv.warnings) >= 2
    assert from_workbook.errors == from_csv.errors
    assert from_workbook.warnings == from_csv.warnings
    assert from_workbook.entries == from_csv.entries


def test_progress_is_reported_on_large_workbooks() -> None:
    calls: list[tuple[int, int]] = []
    rows = generate_roll(4500, seed=3)
    parsed = parse_roll(
        workbook(("DPT", roll_sheet(rows))), POLLING_DAY, lambda d, n: calls.append((d, n))
    )
    assert parsed.errors == []
    assert calls == [(2000, 4500), (4000, 4500), (4500, 4500)]


# Files that are not a workbook openpyxl reads ---------------------------------------------------


def archive(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


XLSB_TYPE = b'<Override ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'


GOOD = workbook(("DPT", roll_sheet(ROLL[:50])))


# Explicit ids: a zip holds the time it was written, which differs between test processes.
@pytest.mark.parametrize(
    ("data", "key"),
    [
        pytest.param(GOOD[: len(GOOD) // 2], "roll.workbook_damaged", id="cut-short"),
        pytest.param(
            rewrite(GOOD, "xl/workbook.xml", lambda xml: xml[:40]),
            "roll.workbook_damaged",
            id="workbook-part-damaged",
        ),
        pytest.param(
            rewrite(GOOD, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2]),
            "roll.workbook_damaged",
            id="damaged-among-the-voters",
        ),
        pytest.param(
            archive({"[Content_Types].xml": b"<Types>" + XLSB_TYPE + b"</Types>"}),
            "roll.binary_xlsb",
            id="xlsb",
        ),
        pytest.param(
            archive({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
            "roll.binary_ods",
            id="ods",
        ),
        pytest.param(
            archive({"word/document.xml": b"<w:document/>"}), "roll.binary_zip", id="docx"
        ),
    ],
)
def test_a_damaged_or_foreign_workbook_gets_a_plain_message(data: bytes, key: str) -> None:
    parsed = parse(data)
    assert [(i.line, i.key) for i in parsed.errors] == [(WHOLE_FILE, key)]
    for issue in parsed.errors:
        assert t(issue.key, **issue.params) != issue.key


PROPERTIES = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTIES
@given(st.data())
def test_a_damaged_workbook_never_raises(data: st.DataObject) -> None:
    damaged = bytearray(GOOD)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        del damaged[data.draw(st.integers(30, len(damaged))) :]
    parsed = parse(bytes(damaged))
    assert parsed.errors or len(parsed.entries) == 50
    for issue in parsed.errors + parsed.warnings:
        assert issue.key in MESSAGES
        t(issue.key, **issue.params)


def test_a_workbook_with_a_bad_row_creates_nothing(tmp_path: Path, clock: FixedClock) -> None:
    data = workbook(("DPT", with_cell(ROLL[:10], 4, "nik", 3399141702910005)))
    with pytest.raises(RollRejected) as caught:
        create_station(tmp_path / "tps.db", data, clock, polling_date=POLLING_DAY, sheet="DPT")
    assert issues(caught.value.parsed.errors) == {(6, "nik", "nik.stored_as_number")}
    assert list(tmp_path.iterdir()) == []


def test_the_desk_and_the_cli_start_without_openpyxl() -> None:
    """A workbook reader costs ~0.3 s of imports: loaded only when a workbook is read."""
    script = (
        "import sys\n"
        "import tps_console.cli.main, tps_console.domain.roll.read, tps_console.desk.app\n"
        "print('openpyxl' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"


# The command line -------------------------------------------------------------------------------


Ran = tuple[int, str, str]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """`tps-console ARGS` in this process: exit code, stdout, stderr."""

    def run(*args: object) -> Ran:
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse refusing the usage
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def init(cli: Callable[..., Ran], folder: Path, data: bytes, *args: str) -> Ran:
    roll = folder / "dpt.xlsx"
    roll.write_bytes(data)
    return cli(
        *args[:2], "init", folder / "tps.db", "--roll", roll, "--date", "2024-02-14", *args[2:]
    )


def test_init_from_a_workbook_with_title_lines(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    code, out, err = init(cli, tmp_path, workbook(("DPT", roll_sheet(ROLL, above=TITLE))))
    assert (code, err) == (0, "")
    assert "180 pemilih" in out
    assert cli("verify", tmp_path / "tps.db")[0] == 0


def test_init_names_the_sheet_it_read_when_there_are_others(
    tmp_path: Path, cli: Callable[..., Ran]
) -> None:
    data = workbook(("Rekap", [["Rekap"]]), ("DPT", roll_sheet(ROLL[:5])))
    code, _, err = init(cli, tmp_path, data, "--lang", "en", "--sheet", "DPT")
    assert code == 0
    assert err.splitlines() == ["Read: worksheet 'DPT' (this workbook holds: Rekap, DPT)"]


def test_init_with_an_unknown_sheet(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    data = workbook(("Rekap", [["Rekap"]]), ("DPT", roll_sheet(ROLL[:5])))
    code, _, err = init(cli, tmp_path, data, "--lang", "id", "--sheet", "Lembar1")
    assert code == 2
    assert err.splitlines() == [
        "Buku kerja ini tidak punya lembar kerja 'Lembar1'; yang ada: Rekap, DPT",
        "DPT ditolak: 1 masalah, tidak ada yang diimpor",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dpt.xlsx"]


def test_init_refuses_a_numeric_nik_column_in_both_languages(
    tmp_path: Path, cli: Callable[..., Ran]
) -> None:
    sheet = roll_sheet(ROLL[:3], above=TITLE)
    for line in (4, 5, 6):  # the NIK column formatted as a number: every NIK a number
        cells = list(sheet[line])
        cells[HEADER.index("nik")] = int(str(cells[HEADER.index("nik")]))
        sheet[line] = cells
    data = workbook(("DPT", sheet))
    code, _, err = init(cli, tmp_path, data)
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == (
        f"baris 5, kolom nik: NIK disimpan sebagai angka ({ROLL[0]['nik']}): Excel hanya "
        "menyimpan 15 angka, jadi angka ke-16 sudah hilang; format kolom NIK sebagai Teks lalu "
        "ketik ulang NIK-nya"
    )
    assert [line.split(",")[0] for line in lines[:3]] == ["baris 5", "baris 6", "baris 7"]
    assert lines[-1] == "DPT ditolak: 3 masalah, tidak ada yang diimpor"
    code, _, err = init(cli, tmp_path, data, "--lang", "en")
    assert code == 2
    assert err.splitlines()[0].startswith("line 5, column nik: NIK stored as a number")


def test_init_with_a_damaged_workbook_says_so_without_a_traceback(
    tmp_path: Path, cli: Callable[..., Ran]
) -> None:
    code, _, err = init(cli, tmp_path, GOOD[:3000], "--lang", "en")
    assert code == 2
    assert err.splitlines()[0].startswith("This Excel workbook is damaged or cut short")
    assert "Traceback" not in err
