"""The command line end to end, as a chair would type it on polling day (the README's "Command line": a fixed contract)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import make_station, wib, with_backup_key
from tests.helpers.cli import Cli
from tps_console.domain.day.checkin import set_voter_status
from tps_console.domain.day.officers import OfficerInfo, authenticate
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.vocab import VoterStatus
from tps_console.samples.rolls import HEADER, sample_roll

DESK = ("--desk", "meja-1")
NIK_1 = "3399141702910001"
STATUS_KEYS = {
    "tps",
    "expected",
    "checked_in",
    "turnout_pct",
    "by_category",
    "by_gender",
    "blocked_duplicates",
    "audit_head",
}


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """`tps-console ARGS` at 09:00 on polling day; `pin` is TPS_PIN, `stdin` what is piped in."""
    return Cli(capsys, monkeypatch)


def db_of(station: Record) -> Path:
    assert station.path is not None
    return Path(station.path)


def sql(path: Path, statement: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        rows = db.execute(statement).fetchall()
        db.commit()
        return rows
    finally:
        db.close()


def write_roll(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def row(no: int, **changes: str) -> list[str]:
    cells = {
        "no": str(no),
        "nik": f"339914170291{no:04d}",
        "nama": f"BUDI SANTOSO {no}",
        "jenis_kelamin": "L",
        "tanggal_lahir": "17-02-1991",
        "kategori": "DPT",
        "no_register": f"AIII.{no:03d}/2023",
        "blok": "A",
        "kamar": "A1",
        "disabilitas": "",
        "surat_suara": "",
    }
    cells.update(changes)
    return [cells[h] for h in HEADER]


# init -------------------------------------------------------------------------------------------


def test_init_creates_a_station_and_never_overwrites_it(tmp_path: Path, cli: Cli) -> None:
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    db = tmp_path / "tps901.db"
    ran = cli("init", db, "--roll", roll, "--date", "2024-02-14")
    assert ran.code == 0, ran.err
    assert "TPS 901" in ran.out and "180 pemilih" in ran.out
    rec = open_record(db, FixedClock(wib(9)))
    assert (rec.station.roll_count, rec.station.polling_date.isoformat()) == (180, "2024-02-14")
    rec.close()
    assert cli("verify", db).code == 0

    before = db.read_bytes()
    again = cli("init", db, "--roll", roll, "--date", "2024-02-14", "--tps", "TPS 902")
    assert again.code == 2
    assert "sudah ada" in again.err and "tidak akan ditimpa" in again.err
    assert db.read_bytes() == before


def test_init_rejects_a_bad_roll_listing_every_bad_row(tmp_path: Path, cli: Cli) -> None:
    roll = write_roll(
        tmp_path / "dpt.csv",
        [
            row(1),
            row(2, nik="3.31601E+15"),
            row(3, nama=""),
            row(4, jenis_kelamin="X"),
            row(5),
            row(6, tanggal_lahir="30-02-1990", kategori="DPS"),
        ],
    )
    db = tmp_path / "tps.db"
    ran = cli("init", db, "--roll", roll, "--date", "2024-02-14")
    assert ran.code == 2
    lines = ran.err.splitlines()
    assert lines[:5] == [
        "baris 3, kolom nik: NIK '3.31601E+15' rusak oleh spreadsheet (format ilmiah, digit "
        "terakhir hilang); format kolom NIK sebagai Teks lalu ketik ulang",
        "baris 4, kolom nama: nama kosong",
        "baris 5, kolom jenis_kelamin: jenis kelamin 'X' tidak dikenal (L/P)",
        "baris 7, kolom tanggal_lahir: tanggal lahir '30-02-1990' tidak mungkin "
        "(DD-MM-YYYY atau YYYY-MM-DD)",
        "baris 7, kolom kategori: kategori 'DPS' tidak dikenal (DPT, DPTb, DPK)",
    ]
    assert lines[-1] == "DPT ditolak: 5 masalah, tidak ada yang diimpor"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dpt.csv"]

    english = cli("--lang", "en", "init", db, "--roll", roll, "--date", "2024-02-14")
    assert english.code == 2
    assert "line 4, column nama: name is empty" in english.err
    assert english.err.splitlines()[-1] == "Roll rejected: 5 problems, nothing was imported"
    assert not db.exists()


def test_init_prints_warnings_but_creates_the_station(tmp_path: Path, cli: Cli) -> None:
    roll = write_roll(
        tmp_path / "dpt.csv",
        [row(1), row(2, nik="3399140106080002", tanggal_lahir="01-06-2008")],
    )
    db = tmp_path / "tps.db"
    ran = cli("init", db, "--roll", roll, "--date", "2024-02-14")
    assert ran.code == 0
    assert "Peringatan: baris 3, kolom tanggal_lahir: berumur 15" in ran.err
    assert "2 pemilih" in ran.out


def test_init_with_a_missing_roll_file(tmp_path: Path, cli: Cli) -> None:
    ran = cli(
        "init", tmp_path / "tps.db", "--roll", tmp_path / "tidak-ada.csv", "--date", "2024-02-14"
    )
    assert ran.code == 2
    assert (
        ran.err.strip()
        == f"Berkas DPT {tmp_path / 'tidak-ada.csv'} tidak ada: periksa nama dan foldernya"
    )
    assert not (tmp_path / "tps.db").exists()


def test_init_never_guesses_the_polling_date(tmp_path: Path, cli: Cli) -> None:
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    ran = cli("init", tmp_path / "tps.db", "--roll", roll)
    assert ran.code == 2
    assert "--date" in ran.err
    assert not (tmp_path / "tps.db").exists()


@pytest.mark.parametrize("given", ["901", "TPS 901", "tps901", " TPS  901 "])
def test_init_says_what_it_made_and_names_the_tps_once(
    tmp_path: Path, cli: Cli, given: str
) -> None:
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    db = tmp_path / "tps.db"
    ran = cli("init", db, "--roll", roll, "--date", "2024-02-14", "--tps", given)
    assert ran.code == 0, ran.err
    assert ran.out.splitlines() == [
        f"TPS 901 dibuat di {db}",
        "Hari pemungutan suara: Rabu, 14 Februari 2024, pukul 07:00–13:00 WIB",
        "180 pemilih, sidik DPT 3668664a",
    ]
    assert json.loads(cli("status", db, "--json").out)["tps"] == "TPS 901"


# officers ---------------------------------------------------------------------------------------


def test_officer_add_first_the_chair_then_with_the_chairs_pin(tmp_path: Path, cli: Cli) -> None:
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    db = tmp_path / "tps.db"
    assert cli("init", db, "--roll", roll, "--date", "2024-02-14").code == 0
    member = ("officer", "add", db, "anggota4", "--name", "Anggota 4", "--role", "member")

    first = cli(*member, "--pin-stdin", stdin="4444\n")
    assert first.code == 2
    assert "Petugas pertama harus Ketua KPPS" in first.err

    chair = cli(
        "officer", "add", db, "ketua", "--name", "Ibu Ketua", "--role", "chair", "--pin-stdin",
        stdin="1234\n",
    )  # fmt: skip
    assert chair.code == 0, chair.err
    assert chair.out.strip() == "Petugas ketua (Ketua KPPS) ditambahkan"

    no_pin = cli(*member, "--pin-stdin", stdin="4444\n")
    assert no_pin.code == 2 and "PIN diperlukan" in no_pin.err
    wrong = cli(*member, "--pin-stdin", pin="9999", stdin="4444\n")
    assert wrong.code == 4 and "PIN salah" in wrong.err
    bad_new_pin = cli(*member, "--pin-stdin", pin="1234", stdin="44\n")
    assert bad_new_pin.code == 2 and "PIN harus 4–12 angka" in bad_new_pin.err

    added = cli(*member, "--pin-stdin", pin="1234", stdin="4444\n")
    assert added.code == 0, added.err
    assert added.out.strip() == "Petugas anggota4 (anggota KPPS) ditambahkan"
    rec = open_record(db, FixedClock(wib(9)))
    assert authenticate(rec, "anggota4", "4444").role == "member"
    rec.close()
    assert cli("verify", db).code == 0


# check-in and undo ------------------------------------------------------------------------------


def test_checkin_exit_codes(station: Record, cli: Cli) -> None:
    db = db_of(station)
    ok = cli(*DESK, "checkin", db, "3399 1417 0291 0001", "--officer", "anggota4", pin="4444")
    assert ok.code == 0, ok.err
    assert re.fullmatch(
        r"HADIR: PURNOMO HARTONO \(no\. 1\) tercatat pukul 09:00:\d\d WIB — surat suara: "
        r"PPWP, DPR, DPD, DPRD_PROV, DPRD_KAB\n",
        ok.out,
    ), ok.out

    again = cli(*DESK, "checkin", db, "bi.001/2024", "--officer", "ketua", pin="1234")
    assert again.code == 3
    assert re.search(
        r"SUDAH MEMILIH: PURNOMO HARTONO sudah tercatat hadir pukul 09:00:\d\d WIB oleh "
        r"Anggota KPPS 4 \(demo\) di meja meja-1",
        again.err,
    ), again.err

    unknown = cli(*DESK, "checkin", db, "3399141702919999", "--officer", "anggota4", pin="4444")
    assert unknown.code == 4 and "tidak ada di daftar TPS ini" in unknown.err
    wrong_pin = cli(*DESK, "checkin", db, "BI.005/2022", "--officer", "anggota4", pin="1234")
    assert wrong_pin.code == 4 and "PIN salah" in wrong_pin.err
    no_pin = cli(*DESK, "checkin", db, "BI.005/2022", "--officer", "anggota4")
    assert no_pin.code == 2
    early = cli("checkin", db, "BI.005/2022", "--officer", "anggota4", pin="4444", at=wib(6, 30))
    assert early.code == 4 and "belum dibuka" in early.err
    assert cli("verify", db).code == 0


def test_a_locked_officer_is_told_until_when_in_local_time(station: Record, cli: Cli) -> None:
    db = db_of(station)
    for _ in range(5):
        assert cli(*DESK, "checkin", db, NIK_1, "--officer", "anggota4", pin="0000").code == 4
    locked = cli(*DESK, "checkin", db, NIK_1, "--officer", "anggota4", pin="4444")
    assert locked.code == 4
    assert re.search(r"sampai 09:0[56] WIB", locked.err), locked.err


def test_undo_is_for_the_chair_with_a_reason(station: Record, cli: Cli) -> None:
    db = db_of(station)
    assert cli(*DESK, "checkin", db, NIK_1, "--officer", "anggota4", pin="4444").code == 0

    by_member = cli(*DESK, "undo", db, NIK_1, "--officer", "anggota4", "--reason", "x", pin="4444")
    assert by_member.code == 4 and "Hanya Ketua KPPS" in by_member.err
    blank = cli(*DESK, "undo", db, NIK_1, "--officer", "ketua", "--reason", "  ", pin="1234")
    assert blank.code == 2 and "Alasan pembatalan wajib diisi" in blank.err
    assert cli(*DESK, "undo", db, NIK_1, "--officer", "ketua", pin="1234").code == 2

    done = cli(
        *DESK, "undo", db, NIK_1, "--officer", "ketua", "--reason", "salah orang", pin="1234"
    )
    assert done.code == 0, done.err
    checkin_id = sql(db, "SELECT id FROM checkin")[0][0]
    assert done.out.strip() == f"Kehadiran #{checkin_id} dibatalkan (tercatat di log audit)"
    assert sql(db, "SELECT active, undone_by, undo_reason FROM checkin") == [
        (0, "ketua", "salah orang")
    ]
    twice = cli(*DESK, "undo", db, NIK_1, "--officer", "ketua", "--reason", "x", pin="1234")
    assert twice.code == 4 and "tidak sedang tercatat hadir" in twice.err
    assert cli(*DESK, "checkin", db, NIK_1, "--officer", "anggota4", pin="4444").code == 0
    assert cli("verify", db).code == 0


def _station_files_held(db: Path) -> list[str]:
    """The station's files (the database, its -wal and -shm) this process holds open."""
    held = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed since the folder was listed (the listing's own descriptor)
            continue
        if target.startswith(str(db)):
            held.append(target)
    return held


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_a_command_refused_midway_leaves_nothing_of_the_station_open(
    tmp_path: Path, clock: FixedClock, cli: Cli
) -> None:
    """Whatever a command refuses midway (a wrong PIN, a voter not checked in, a blank reason,
    an unknown voter), the record is closed before it returns: no connection stays open."""
    db = tmp_path / "tps.db"
    make_station(db, clock).close()
    refused = (
        ("0000", "checkin", db, NIK_1, "--officer", "anggota4"),
        ("1234", "undo", db, NIK_1, "--officer", "ketua", "--reason", "x"),
        ("1234", "undo", db, NIK_1, "--officer", "ketua", "--reason", " "),
        ("1234", "reinstate", db, "9999", "--officer", "ketua", "--reason", "x"),
    )
    assert _station_files_held(db) == []
    for pin, *args in refused:
        assert cli(*DESK, *args, pin=pin).code in (2, 4), args
        assert _station_files_held(db) == [], args
    assert cli("status", db).code == 0
    assert _station_files_held(db) == []


def test_a_release_recorded_by_mistake_is_reversed_by_the_chair(
    station: Record, cli: Cli, chair: OfficerInfo
) -> None:
    """Without the drill clock: reinstating does not depend on the hour, only on the record."""
    set_voter_status(station, chair, 1, VoterStatus.RELEASED, "salah orang")
    db = db_of(station)
    args = ("reinstate", db, NIK_1, "--officer")
    by_member = cli(*args, "anggota4", "--reason", "keliru", pin="4444")
    assert by_member.code == 4 and "Hanya Ketua KPPS" in by_member.err
    scanned = cli(*args, "ketua", "--reason", NIK_1, pin="1234")
    assert scanned.code == 2
    assert cli(*args, "ketua", pin="1234").code == 2  # --reason is required
    unknown = cli(
        "reinstate", db, "3399999999999999", "--officer", "ketua", "--reason", "x", pin="1234"
    )
    assert unknown.code == 4 and "tidak ada di daftar" in unknown.err

    done = cli(*args, "ketua", "--reason", "yang bebas no. 12, bukan no. 1", pin="1234")
    assert done.code == 0, done.err
    assert done.out.strip() == "PURNOMO HARTONO (no. 1) boleh memilih lagi (tercatat di log audit)"
    assert sql(db, "SELECT status, status_reason FROM voter WHERE no = 1") == [
        ("eligible", "yang bebas no. 12, bukan no. 1")
    ]
    twice = cli(*args, "ketua", "--reason", "lagi", pin="1234")
    assert twice.code == 4 and "tidak ditandai bebas atau dipindah" in twice.err
    assert cli("verify", db).code == 0


# status, language, drill clock ------------------------------------------------------------------


def test_status_json_has_the_design_keys(station: Record, cli: Cli) -> None:
    db = db_of(station)
    assert cli(*DESK, "checkin", db, NIK_1, "--officer", "anggota4", pin="4444").code == 0
    assert cli(*DESK, "checkin", db, NIK_1, "--officer", "anggota4", pin="4444").code == 3
    ran = cli(*DESK, "status", db, "--json")
    assert ran.code == 0
    status = json.loads(ran.out)
    assert status.keys() >= STATUS_KEYS
    head = sql(db, "SELECT hash FROM event ORDER BY seq DESC LIMIT 1")[0][0]
    assert {k: status[k] for k in STATUS_KEYS} == {
        "tps": "TPS 901",
        "expected": 180,
        "checked_in": 1,
        "turnout_pct": 0.56,
        "by_category": {"DPT": 1, "DPTb": 0, "DPK": 0},
        "by_gender": {"L": 1, "P": 0},
        "blocked_duplicates": 1,
        "audit_head": head,
    }
    assert re.fullmatch(r"[0-9a-f]{64}", status["audit_head"])
    text = cli(*DESK, "status", db)
    assert text.code == 0 and "Hadir 1 / 180 pemilih (0,6 %)" in text.out


def test_messages_in_english_on_request(station: Record, cli: Cli) -> None:
    db = db_of(station)
    default = cli(*DESK, "checkin", db, "XX.1/2024", "--officer", "anggota4", pin="4444")
    assert "tidak ada di daftar TPS ini" in default.err
    english = cli(
        "--lang", "en", *DESK, "checkin", db, "XX.1/2024", "--officer", "anggota4", pin="4444"
    )
    assert english.code == 4
    assert english.err.strip() == "Voter 'XX.1/2024' is not on this station's lists"
    done = cli("--lang=en", *DESK, "checkin", db, NIK_1, "--officer", "anggota4", pin="4444")
    assert done.out.startswith("CHECKED IN: PURNOMO HARTONO (no. 1) at 09:00:")
    status = cli("--lang", "en", *DESK, "status", db)
    assert "Checked in 1 / 180 voters" in status.out and "DRILL" not in status.out


def test_now_must_be_a_time_with_its_offset(station: Record, cli: Cli) -> None:
    for bad in ("kemarin", "2024-02-14T09:00"):  # not a time, or no offset
        ran = cli("--now", bad, "status", db_of(station))
        assert ran.code == 2 and "bukan waktu ISO-8601" in ran.err


def test_commands_refuse_a_missing_or_foreign_database(tmp_path: Path, cli: Cli) -> None:
    missing = cli("status", tmp_path / "tidak-ada.db")
    assert missing.code == 2 and "tidak ada" in missing.err
    assert not (tmp_path / "tidak-ada.db").exists()
    foreign = tmp_path / "foto.db"
    foreign.write_bytes(b"\x89PNG not a database")
    ran = cli("verify", foreign)
    assert ran.code == 2
    assert foreign.read_bytes() == b"\x89PNG not a database"


# verify, backup, restore --------------------------------------------------------------------------


def test_verify(station: Record, cli: Cli) -> None:
    db = db_of(station)
    ran = cli("verify", db)
    assert ran.code == 0 and ran.out.startswith("Log audit utuh:")
    sql(db, "UPDATE checkin SET active = 0")  # nothing to change yet: still intact
    assert cli("verify", db).code == 0
    sql(db, "UPDATE officer SET role = 'chair' WHERE id = 'anggota4'")
    bad = cli("verify", db)
    assert bad.code == 1
    assert "VERIFIKASI GAGAL: data petugas 'anggota4' berbeda dengan log" in bad.err


def test_backup_then_restore(station: Record, cli: Cli, tmp_path: Path) -> None:
    db = db_of(with_backup_key(station))
    assert cli(*DESK, "checkin", db, NIK_1, "--officer", "anggota4", pin="4444").code == 0
    copy = tmp_path / "usb" / "cadangan.tpsbak"
    ran = cli("backup", db, copy)
    assert ran.code == 0, ran.err
    assert str(copy) in ran.out
    assert copy.is_file() and not Path(f"{copy}-wal").exists()
    assert sorted(p.name for p in copy.parent.iterdir()) == ["cadangan.tpsbak"]  # no temp left
    assert cli("verify", copy).code == 0
    into_folder = cli("backup", db, copy.parent)
    assert into_folder.code == 0 and (copy.parent / "tps.tpsbak").is_file()

    fresh = tmp_path / "pulih.db"
    assert cli("restore", copy, fresh).code == 0
    assert cli("verify", fresh).code == 0
    assert json.loads(cli(*DESK, "status", fresh, "--json").out)["checked_in"] == 1

    # The live station moves on; restoring over it needs --force.
    assert cli(*DESK, "checkin", db, "BI.005/2022", "--officer", "anggota4", pin="4444").code == 0
    station.close()
    head = sql(db, "SELECT hash FROM event ORDER BY seq DESC LIMIT 1")
    refused = cli("restore", copy, db)
    assert refused.code == 2 and "pakai --force" in refused.err
    assert sql(db, "SELECT hash FROM event ORDER BY seq DESC LIMIT 1") == head
    assert cli("restore", copy, db, "--force").code == 0
    assert cli("verify", db).code == 0
    assert json.loads(cli(*DESK, "status", db, "--json").out)["checked_in"] == 1


def test_restore_leaves_the_backup_untouched(station: Record, cli: Cli, tmp_path: Path) -> None:
    copy = tmp_path / "cadangan.tpsbak"
    assert cli("backup", db_of(with_backup_key(station)), copy).code == 0
    before = copy.read_bytes()
    assert cli("restore", copy, tmp_path / "pulih.db").code == 0
    assert copy.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("cadangan")) == [
        "cadangan.tpsbak"
    ]


def test_restore_refuses_a_tampered_backup(station: Record, cli: Cli, tmp_path: Path) -> None:
    """An old plain backup edited with the sqlite3 shell (an encrypted one cannot be edited
    without the passphrase: tests/test_sealed_backups.py)."""
    copy = tmp_path / "cadangan.db"
    station.close()
    sql(db_of(station), "PRAGMA wal_checkpoint(TRUNCATE)")
    copy.write_bytes(db_of(station).read_bytes())
    sql(copy, "UPDATE voter SET name = 'BUDI PALSU' WHERE no = 5")
    target = tmp_path / "pulih.db"
    ran = cli("restore", copy, target)
    assert ran.code == 2
    assert "tidak lolos verifikasi" in ran.err and "sidik jari" in ran.err
    assert [p.name for p in tmp_path.iterdir() if "pulih" in p.name] == []  # nothing staged left


def test_restore_refuses_what_is_not_a_station(cli: Cli, tmp_path: Path) -> None:
    photo = tmp_path / "foto.db"
    photo.write_bytes(b"\x89PNG not a database at all" * 100)
    ran = cli("restore", photo, tmp_path / "pulih.db")
    assert ran.code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foto.db"]
    missing = cli("restore", tmp_path / "tidak-ada.db", tmp_path / "pulih.db")
    assert missing.code == 2 and "tidak ada" in missing.err


def day_in(folder: Path, cli: Cli) -> None:
    """init, officer, check-in, backup, restore, verify: all in `folder`."""
    folder.mkdir()
    roll = folder / "dpt.csv"
    roll.write_bytes(sample_roll())
    db = folder / "tps.db"
    assert cli("init", db, "--roll", roll, "--date", "2024-02-14").code == 0
    chair = ("officer", "add", db, "ketua", "--name", "K", "--role", "chair", "--pin-stdin")
    assert cli(*chair, stdin="1234\n").code == 0
    assert cli(*DESK, "status", db).code == 0
    assert cli("backup", db, folder / "cadangan.tpsbak").code == 0
    assert cli("restore", folder / "cadangan.tpsbak", folder / "pulih.db").code == 0
    assert cli("verify", folder / "pulih.db").code == 0


def test_a_station_in_a_folder_with_spaces_and_a_hash_sign(cli: Cli, tmp_path: Path) -> None:
    day_in(tmp_path / "Pemilu 2024 #TPS 901 (Blora)", cli)


def test_a_station_in_a_folder_with_a_percent_sign(cli: Cli, tmp_path: Path) -> None:
    day_in(tmp_path / "Rekap 100%41", cli)


def test_restore_from_a_plain_copy_of_a_station_file(
    station: Record, cli: Cli, tmp_path: Path
) -> None:
    """A chair who copied tps.db by hand (WAL mode, no -wal beside it) can restore it too."""
    db = db_of(station)
    assert cli(*DESK, "checkin", db, NIK_1, "--officer", "anggota4", pin="4444").code == 0
    station.close()
    sql(db, "PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "salinan.db"
    copy.write_bytes(db.read_bytes())
    assert sql(copy, "PRAGMA journal_mode") == [("wal",)]
    target = tmp_path / "pulih.db"
    ran = cli("restore", copy, target)
    assert ran.code == 0, ran.err
    assert "PERINGATAN" in ran.err and "TIDAK dienkripsi" in ran.err  # an old, plain backup
    assert cli("verify", target).code == 0
    assert json.loads(cli(*DESK, "status", target, "--json").out)["checked_in"] == 1


def test_each_command_is_registered_by_the_area_it_is_looked_up_in() -> None:
    """A command imports only its own area (main.COMMAND_AREAS): every command an area registers
    is named there with that area, so none goes missing from its own parser."""
    import argparse

    from tps_console.cli.main import AREAS, COMMAND_AREAS, areas_for, build_parser

    registered = {}
    for area in AREAS:
        sub = build_parser([area])._subparsers._group_actions[0]  # type: ignore[union-attr]
        assert isinstance(sub, argparse._SubParsersAction)
        registered.update(dict.fromkeys(sub.choices, area))
    assert registered == COMMAND_AREAS
    assert areas_for(["--lang", "en", "--desk", "status", "desk", "DB"]) == ("screens",)
    assert areas_for([]) == ("screens",) and areas_for(["-h"]) == AREAS
    assert areas_for(["-h", "desk"]) == AREAS and areas_for(["desk", "-h"]) == ("screens",)
    assert areas_for(["no-such-command"]) == AREAS  # refused with every command listed
