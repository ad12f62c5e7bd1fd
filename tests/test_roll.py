"""The roll (CSV) and `create_station`: every accepted form, every bad row, all or nothing."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlmodel import col

from tests.helpers import POLLING_DAY, wib
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.creation import RollRejected, create_station
from tps_console.domain.record.station import open_record
from tps_console.domain.roll.parse import WHOLE_FILE, ParsedRoll, RowIssue
from tps_console.domain.roll.read import parse_roll
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Event, Voter
from tps_console.domain.verify import verify
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.i18n import MESSAGES, t
from tps_console.samples.rolls import HEADER, generate_roll, roll_csv, sample_roll

PROPERTIES = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def nik_for(n: int, *, day: int = 17, sex: str = "L") -> str:
    """A synthetic NIK (regency 99) for voter n, born on `day`-02-1991."""
    return f"339914{day + (40 if sex == 'P' else 0):02d}0291{n:04d}"


def voter(n: int, **changes: str) -> dict[str, str]:
    row = {
        "no": str(n),
        "nik": nik_for(n),
        "nama": f"BUDI SANTOSO {n}",
        "jenis_kelamin": "L",
        "tanggal_lahir": "17-02-1991",
        "kategori": "DPT",
        "no_register": f"AIII.{n:03d}/2023",
        "blok": "A",
        "kamar": "A1",
        "disabilitas": "",
        "surat_suara": "",
    }
    row.update(changes)
    return row


def csv_bytes(
    rows: list[dict[str, str]], *, delimiter: str = ",", header: tuple[str, ...] = HEADER
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[h] for h in HEADER])
    return out.getvalue().encode()


def parse(data: bytes) -> ParsedRoll:
    return parse_roll(data, POLLING_DAY)


def issues(found: list[RowIssue]) -> set[tuple[int, str, str]]:
    return {(i.line, i.column, i.key) for i in found}


def test_sample_roll_parses_completely() -> None:
    parsed = parse(sample_roll())
    assert parsed.errors == []
    assert len(parsed.entries) == 180
    first = parsed.entries[0]
    assert first.record() == {
        "no": 1,
        "nik": "3399141702910001",
        "name": "PURNOMO HARTONO",
        "sex": "L",
        "birth_date": "1991-02-17",
        "category": "DPT",
        "register_no": "BI.001/2024",
        "block": "C",
        "cell": "C4",
        "disability": "",
        "ballots": ",".join(ALL_BALLOTS),
    }
    second = parsed.entries[1]
    assert second.category == "DPTb"
    assert second.ballots == ("PPWP", "DPR", "DPD", "DPRD_PROV")


def test_semicolon_and_comma_files_give_the_same_roll() -> None:
    rows = generate_roll(30, seed=7)
    comma = parse(roll_csv(rows, ","))
    semicolon = parse(roll_csv(rows, ";"))
    assert comma.errors == [] and semicolon.errors == []
    assert len(comma.entries) == 30
    assert semicolon.entries == comma.entries
    # A DPTb entitlement keeps its commas inside a quoted cell of a `;` file.
    assert any(0 < len(e.ballots) < 5 for e in semicolon.entries)


def test_byte_order_mark_is_ignored() -> None:
    plain = csv_bytes([voter(1), voter(2)])
    with_bom = parse(b"\xef\xbb\xbf" + plain)
    assert with_bom.errors == []
    assert with_bom.entries == parse(plain).entries


@pytest.mark.parametrize(
    "header",
    [
        ("No", "NIK", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Kategori",
         "No Register", "Blok", "Kamar", "Disabilitas", "Surat Suara"),
        ("NO", "NIK", "NAMA", "JENIS-KELAMIN", "TANGGAL-LAHIR", "KATEGORI",
         "NO-REGISTER", "BLOK", "KAMAR", "DISABILITAS", "SURAT-SUARA"),
        (" no ", "nik", "nama", "jenis  kelamin", "tanggal_lahir", "kategori",
         "no register", "blok", "kamar", "disabilitas", "surat - suara"),
    ],
)  # fmt: skip
def test_header_names_are_case_and_separator_insensitive(header: tuple[str, ...]) -> None:
    rows = [voter(1), voter(2, surat_suara="PPWP")]
    parsed = parse(csv_bytes(rows, header=header))
    assert parsed.errors == [] and parsed.warnings == []
    assert parsed.entries == parse(csv_bytes(rows)).entries


def test_missing_required_columns_are_each_named_and_nothing_is_read() -> None:
    header = tuple(h for h in HEADER if h not in ("nik", "kategori"))
    text = ",".join(header) + "\n" + ",".join("1" for _ in header) + "\n"
    parsed = parse(text.encode())
    assert issues(parsed.errors) == {
        (1, "nik", "roll.missing_column"),
        (1, "kategori", "roll.missing_column"),
    }
    assert parsed.entries == []


def test_optional_columns_may_be_missing_and_unknown_ones_are_warned() -> None:
    text = "no,nik,nama,jenis_kelamin,tanggal_lahir,kategori,catatan\n"
    text += f"1,{nik_for(1)},SITI,L,17-02-1991,DPT,x\n"
    parsed = parse(text.encode())
    assert parsed.errors == []
    assert issues(parsed.warnings) == {(1, "catatan", "warn.extra_column")}
    (entry,) = parsed.entries
    assert entry.register_no is None and entry.block == "" and entry.ballots == ALL_BALLOTS


@pytest.mark.parametrize(
    ("raw", "sex"),
    [
        ("L", "L"),
        ("l", "L"),
        ("Laki-laki", "L"),
        ("LAKI-LAKI", "L"),
        ("laki laki", "L"),
        ("P", "P"),
        ("p", "P"),
        ("Perempuan", "P"),
        ("PEREMPUAN", "P"),
    ],
)
def test_sex_forms(raw: str, sex: str) -> None:
    nik = nik_for(1, sex=sex)
    parsed = parse(csv_bytes([voter(1, jenis_kelamin=raw, nik=nik)]))
    assert parsed.errors == []
    assert parsed.entries[0].sex == sex
    assert parsed.warnings == []


@pytest.mark.parametrize("raw", ["17-02-1991", "1991-02-17", "17-2-1991", "1991-2-17"])
def test_both_date_formats(raw: str) -> None:
    parsed = parse(csv_bytes([voter(1, tanggal_lahir=raw)]))
    assert parsed.errors == []
    assert parsed.entries[0].birth_date == date(1991, 2, 17)


@pytest.mark.parametrize(
    ("raw", "ballots"),
    [
        ("", ALL_BALLOTS),
        ("   ", ALL_BALLOTS),
        ("PPWP", ("PPWP",)),
        ("DPD,PPWP", ("PPWP", "DPD")),  # hand-out order, whatever the roll's order
        ("ppwp, dpr", ("PPWP", "DPR")),
        ("PPWP,DPR,DPD,DPRD_PROV,DPRD_KAB", ALL_BALLOTS),
        ("PPWP,DPR,DPD,DPRD_PROV", ("PPWP", "DPR", "DPD", "DPRD_PROV")),
    ],
)
def test_ballot_entitlements(raw: str, ballots: tuple[str, ...]) -> None:
    parsed = parse(csv_bytes([voter(1, kategori="DPTb", surat_suara=raw)]))
    assert parsed.errors == []
    assert parsed.entries[0].ballots == ballots


def test_categories_in_any_case() -> None:
    rows = [voter(1, kategori="DPT"), voter(2, kategori="dptb"), voter(3, kategori="DPK")]
    parsed = parse(csv_bytes(rows))
    assert [e.category for e in parsed.entries] == ["DPT", "DPTb", "DPK"]


def test_register_numbers_are_normalised_and_staff_may_have_none() -> None:
    rows = [
        voter(1, no_register=" aiii.001 /2023"),
        voter(2, no_register=""),
        voter(3, no_register=""),  # two staff without a register number are no duplicate
    ]
    parsed = parse(csv_bytes(rows))
    assert parsed.errors == []
    assert [e.register_no for e in parsed.entries] == ["AIII.001/2023", None, None]


# One roll with every kind of bad row: all are reported in one pass, with line and column.
BAD_ROWS: list[tuple[dict[str, str], set[tuple[str, str]]]] = [
    (voter(1), set()),
    (voter(3, no="x"), {("no", "roll.bad_no")}),
    (voter(4, no="0"), {("no", "roll.bad_no")}),
    (voter(5, nik="33991417029100"), {("nik", "nik.length")}),
    (voter(6, nik="3.39914E+15"), {("nik", "nik.scientific")}),
    (voter(7, nik="3399141702910007.0"), {("nik", "nik.float")}),
    (voter(8, nik="3,399,141,702,910,008"), {("nik", "nik.separators")}),
    (voter(9, nik="399141702910009"), {("nik", "nik.lost_digit")}),
    (voter(10, nik="9999141702910010"), {("nik", "nik.province")}),
    (voter(11, nik=""), {("nik", "nik.empty")}),
    (voter(12, nik=nik_for(1)), {("nik", "roll.duplicate")}),
    (voter(13, no_register="aiii.001/2023"), {("no_register", "roll.duplicate")}),
    (voter(14, no="1"), {("no", "roll.duplicate")}),
    (voter(15, nama="   "), {("nama", "roll.empty_name")}),
    (voter(16, jenis_kelamin="X"), {("jenis_kelamin", "roll.bad_sex")}),
    (voter(17, tanggal_lahir="31-02-1991"), {("tanggal_lahir", "roll.bad_date")}),
    (voter(18, tanggal_lahir="1991-13-01"), {("tanggal_lahir", "roll.bad_date")}),
    (voter(19, tanggal_lahir="kemarin"), {("tanggal_lahir", "roll.bad_date")}),
    (voter(20, tanggal_lahir="15-02-2024"), {("tanggal_lahir", "roll.future_date")}),
    (voter(21, kategori="DPS"), {("kategori", "roll.bad_category")}),
    (voter(22, surat_suara="PPWP,DPRD"), {("surat_suara", "roll.bad_ballot")}),
    (
        voter(23, jenis_kelamin="?", kategori="", nama=""),
        {
            ("jenis_kelamin", "roll.bad_sex"),
            ("kategori", "roll.bad_category"),
            ("nama", "roll.empty_name"),
        },
    ),
    (voter(2), set()),
]


def bad_roll() -> tuple[bytes, set[tuple[int, str, str]]]:
    data = csv_bytes([row for row, _ in BAD_ROWS])
    expected = {
        (line, column, key)
        for line, (_, problems) in enumerate(BAD_ROWS, start=2)
        for column, key in problems
    }
    # A row with a missing field, then a blank line (skipped, but still counted in line numbers).
    data += b"99,3399141702910099,SURYA\n\n"
    expected.add((len(BAD_ROWS) + 2, "", "roll.field_count"))
    data += csv_bytes([voter(24, kategori="?")]).split(b"\n", 1)[1]
    expected.add((len(BAD_ROWS) + 4, "kategori", "roll.bad_category"))
    return data, expected


def test_every_bad_row_is_reported_with_line_and_column_in_one_pass() -> None:
    data, expected = bad_roll()
    parsed = parse(data)
    assert issues(parsed.errors) == expected
    assert len(parsed.errors) == len(expected)
    by_line = {(i.line, i.key): i for i in parsed.errors}
    assert by_line[(12, "roll.duplicate")].params == {"value": nik_for(1), "first": 2}
    assert by_line[(13, "roll.duplicate")].params == {"value": "AIII.001/2023", "first": 2}
    assert by_line[(14, "roll.duplicate")].params == {"value": 1, "first": 2}
    assert by_line[(22, "roll.bad_ballot")].params == {"value": "DPRD"}
    field_count = by_line[(len(BAD_ROWS) + 2, "roll.field_count")]
    assert field_count.params == {"expected": 11, "found": 3}
    for issue in parsed.errors:  # every problem has words in both languages
        assert issue.key in MESSAGES
        assert t(issue.key, **issue.params) != issue.key


def test_a_bad_roll_creates_nothing(tmp_path: Path, clock: FixedClock) -> None:
    data, expected = bad_roll()
    path = tmp_path / "tps.db"
    with pytest.raises(RollRejected) as caught:
        create_station(path, data, clock, polling_date=POLLING_DAY)
    assert issues(caught.value.parsed.errors) == expected
    assert caught.value.key == "roll.rejected"
    assert caught.value.params == {"count": len(expected)}
    assert list(tmp_path.iterdir()) == []


def test_warnings_do_not_block(tmp_path: Path, clock: FixedClock) -> None:
    rows = [
        voter(1),
        voter(2, tanggal_lahir="18-02-1991"),  # NIK says the 17th
        voter(3, jenis_kelamin="P"),  # NIK says a man
        voter(4, nik="3399140106080004", tanggal_lahir="01-06-2008"),  # 15 on polling day
        voter(5, nik="3399141502070005", tanggal_lahir="15-02-2007"),  # 17 tomorrow: 16 today
        voter(6, nik="3399141402070006", tanggal_lahir="14-02-2007"),  # 17 today: no warning
    ]
    path = tmp_path / "tps.db"
    parsed = create_station(path, csv_bytes(rows), clock, polling_date=POLLING_DAY)
    assert parsed.errors == []
    assert issues(parsed.warnings) == {
        (3, "nik", "warn.nik_birth"),
        (4, "nik", "warn.nik_sex"),
        (5, "tanggal_lahir", "warn.under_17"),
        (6, "tanggal_lahir", "warn.under_17"),
    }
    ages = {i.line: i.params["age"] for i in parsed.warnings if i.key == "warn.under_17"}
    assert ages == {5: 15, 6: 16}
    rec = open_record(path, clock)
    with read(rec.engine) as conn:
        assert conn.execute(select(func.count()).select_from(Voter)).scalar_one() == 6
    rec.close()


def test_empty_and_header_only_files() -> None:
    assert issues(parse(b"").errors) == {(WHOLE_FILE, "", "roll.empty")}
    assert issues(parse(b"\n\n").errors) == {(WHOLE_FILE, "", "roll.empty")}
    header_only = csv_bytes([])
    assert [i.key for i in parse(header_only).errors] == ["roll.no_rows"]


def test_windows_1252_file_is_read_with_a_warning() -> None:
    data = csv_bytes([voter(1, nama="JOSÉ")]).decode().encode("cp1252")
    parsed = parse(data)
    assert parsed.errors == []
    assert parsed.entries[0].name == "JOSÉ"
    assert "warn.encoding" in {i.key for i in parsed.warnings}


def test_progress_is_reported_on_large_rolls() -> None:
    calls: list[tuple[int, int]] = []
    data = roll_csv(generate_roll(4500, seed=3))
    parsed = parse_roll(data, POLLING_DAY, lambda done, total: calls.append((done, total)))
    assert parsed.errors == []
    assert calls == [(2000, 4500), (4000, 4500), (4500, 4500)]


def test_list_number_must_be_a_plain_positive_number() -> None:
    rows = [voter(1, no="²"), voter(2, no="9" * 5000), voter(3, no="99999999999999999999")]
    parsed = parse(csv_bytes(rows))
    assert issues(parsed.errors) == {
        (2, "no", "roll.bad_no"),
        (3, "no", "roll.bad_no"),
        (4, "no", "roll.bad_no"),
    }


def test_an_absurdly_long_cell_is_reported_not_raised() -> None:
    data = csv_bytes([voter(1)]) + b'2,"' + b"x" * 200_000 + b"\n"
    parsed = parse(data)
    assert issues(parsed.errors) == {(3, "", "roll.unreadable")}
    assert "field limit" in t("roll.unreadable", **parsed.errors[0].params)


def test_a_stray_quote_is_reported_where_it_starts() -> None:
    # The quote opens a field that swallows the rest of the file: those rows must not vanish
    # silently, and the line to fix is the one with the quote.
    good = csv_bytes([voter(1), voter(2)]).decode()
    stray = csv_bytes([voter(3)]).decode().split("\n")[1].replace("BUDI", '"BUDI')
    rest = "\n".join(csv_bytes([voter(4), voter(5)]).decode().split("\n")[1:])
    parsed = parse((good + stray + "\n" + rest).encode())
    assert issues(parsed.errors) == {(4, "", "roll.field_count")}
    assert len(parsed.entries) == 2


# create_station ------------------------------------------------------------------------------


def test_station_holds_exactly_the_roll(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "tps.db"
    parsed = create_station(path, sample_roll(), clock, tps="TPS 901", polling_date=POLLING_DAY)
    rec = open_record(path, clock)
    try:
        assert rec.station.tps == "TPS 901"
        assert rec.station.polling_date == POLLING_DAY
        assert rec.station.roll_count == 180
        with read(rec.engine) as conn:
            stored = [
                {k: r._mapping[k] for k in parsed.entries[0].record()}
                for r in conn.execute(select(Voter).order_by(col(Voter.id)))
            ]
            kinds = conn.execute(select(col(Event.kind)).order_by(col(Event.seq))).scalars().all()
        assert stored == [e.record() for e in parsed.entries]
        assert kinds == ["station_created", "roll_imported"]
        assert verify(rec).ok
    finally:
        rec.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tps.db"]


def test_init_never_overwrites_an_existing_file(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "tps.db"
    path.write_bytes(b"not a station, but someone's file")
    with pytest.raises(BadInput) as caught:
        create_station(path, sample_roll(), clock, polling_date=POLLING_DAY)
    assert caught.value.key == "init.exists"
    assert path.read_bytes() == b"not a station, but someone's file"


def test_init_never_overwrites_an_existing_station(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "tps.db"
    create_station(path, csv_bytes([voter(1)]), clock, polling_date=POLLING_DAY)
    with pytest.raises(BadInput) as caught:
        create_station(path, sample_roll(), clock, polling_date=POLLING_DAY)
    assert caught.value.key == "init.exists"
    rec = open_record(path, clock)
    assert rec.station.roll_count == 1
    assert verify(rec).ok
    rec.close()


# Property-based: damaged rolls ---------------------------------------------------------------

BASE_ROWS = [list(HEADER)] + [[r[h] for h in HEADER] for r in generate_roll(8, seed=11)]
FREE_TEXT = [HEADER.index(c) for c in ("blok", "kamar", "disabilitas")]
OPERATIONS = ["drop", "blank", "garble", "copy_row", "del_row", "add"] + ["free_text"] * 4
GARBAGE = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "3.39914E+15", "DPTb", "P", "31-02-1991", "PPWP;DPR", '"', "\n"]),
)


@st.composite
def damaged_rolls(draw: st.DrawFn) -> bytes:
    """The good sample roll, damaged as a careless edit or a broken disk would."""
    rows = [list(r) for r in BASE_ROWS]
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(OPERATIONS))
        i = draw(st.integers(0, len(rows) - 1))
        if not rows[i]:
            continue
        j = draw(st.integers(0, len(rows[i]) - 1))
        if op == "free_text" and i > 0:  # blok, kamar, disabilitas: any text is fine there
            rows[i][draw(st.sampled_from(FREE_TEXT))] = draw(GARBAGE)
        elif op == "drop":
            del rows[i][j]
        elif op == "blank":
            rows[i][j] = ""
        elif op == "garble":
            rows[i][j] = draw(GARBAGE)
        elif op == "copy_row":
            rows.insert(draw(st.integers(1, len(rows))), list(rows[i]))
        elif op == "del_row" and len(rows) > 1:
            del rows[i]
        elif op == "add":
            rows[i].insert(j, draw(GARBAGE))
    out = io.StringIO()
    csv.writer(out, delimiter=draw(st.sampled_from([",", ";"])), lineterminator="\n").writerows(
        rows
    )
    data = out.getvalue().encode()
    if draw(st.integers(0, 2)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=20)) + data[at:]
    if draw(st.integers(0, 5)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    if draw(st.integers(0, 5)) == 0:
        data = b"\xef\xbb\xbf" + data
    return data


def data_rows(data: bytes) -> int:
    """How many voter rows a file holds, by the format's own rules (the whole file must import)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[1:]
    return sum(1 for row in rows if any(cell.strip() for cell in row))


def check_messages(found: list[RowIssue]) -> None:
    for issue in found:
        assert issue.line >= WHOLE_FILE
        assert issue.key in MESSAGES, issue.key
        t(issue.key, **issue.params)


@settings(PROPERTIES, max_examples=200)
@given(damaged_rolls())
def test_damaged_rolls_import_whole_or_not_at_all(data: bytes) -> None:
    clock = FixedClock(wib(9))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tps.db"
        try:
            parsed = create_station(path, data, clock, polling_date=POLLING_DAY)
        except RollRejected as exc:
            assert exc.parsed.errors
            check_messages(exc.parsed.errors + exc.parsed.warnings)
            assert os.listdir(tmp) == [], "a rejected roll left a file behind"
            event("rejected")
            return
        event("imported")
        check_messages(parsed.warnings)
        assert os.listdir(tmp) == ["tps.db"]
        rec = open_record(path, clock)
        try:
            with read(rec.engine) as conn:
                stored = conn.execute(select(func.count()).select_from(Voter)).scalar_one()
            assert stored == len(parsed.entries) == data_rows(data) == rec.station.roll_count
            assert verify(rec).ok
        finally:
            rec.close()


BASE_HEADER = (",".join(HEADER) + "\n").encode()


@settings(PROPERTIES, max_examples=300)
@given(st.one_of(st.binary(max_size=600), st.builds(lambda b: BASE_HEADER + b, st.binary())))
def test_random_bytes_never_raise(data: bytes) -> None:
    parsed = parse(data)
    assert parsed.errors or parsed.entries
    check_messages(parsed.errors + parsed.warnings)


def test_the_file_in_data_is_the_demos_roll() -> None:
    shipped = Path(__file__).resolve().parent.parent / "data" / "sample_roll.csv"
    assert shipped.read_bytes() == sample_roll()


def test_excel_unicode_text_is_read_as_utf16_tab_delimited() -> None:
    """Excel's "Unicode text" export: UTF-16 with a BOM, tab-delimited."""
    rows = [voter(1), voter(2, nama="SITI AMINAH", jenis_kelamin="P")]
    text = csv_bytes(rows, delimiter="\t").decode()
    for data in (text.encode("utf-16"), text.encode("utf-16-le")):
        parsed = parse(data)
        assert parsed.errors == []
        assert [e.name for e in parsed.entries] == ["BUDI SANTOSO 1", "SITI AMINAH"]
        assert "warn.encoding" not in {w.key for w in parsed.warnings}


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office's old container: .xls, .doc, encrypted .xlsx


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200, "roll.workbook_damaged"),
        (OLE + b"\x00" * 200 + "Workbook".encode("utf-16-le"), "roll.binary_xls"),
        (OLE + b"\x00" * 200 + "EncryptedPackage".encode("utf-16-le"), "roll.workbook_password"),
        (OLE + b"\x00" * 200 + "WordDocument".encode("utf-16-le"), "roll.binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "roll.binary_pdf"),
        (b"SQLite format 3\x00" + b"\x10\x00" * 50, "roll.binary_station"),
        (bytes(range(256)) * 4, "roll.binary"),
    ],
)
def test_a_binary_file_given_as_roll_is_named_and_none_of_its_bytes_shown(
    data: bytes, key: str
) -> None:
    parsed = parse(data)
    assert [(i.line, i.key, i.params) for i in parsed.errors] == [(WHOLE_FILE, key, {})]
    assert parsed.entries == [] and parsed.warnings == []


def test_a_leading_apostrophe_in_a_nik_is_named_as_excels_text_mark() -> None:
    parsed = parse(csv_bytes([voter(1, nik="'" + nik_for(1))]))
    assert issues(parsed.errors) == {(2, "nik", "nik.apostrophe")}
