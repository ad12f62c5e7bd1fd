"""A lost USB stick leaks nothing: every backup is encrypted, and opens only with the passphrase
on the KPPS's paper."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import TEST_PASSPHRASE, wib, with_backup_key
from tests.helpers.cli import Cli, Ran
from tps_console.cli.prompt import PASSPHRASE_ENV
from tps_console.domain.backup.files import backup_now, seal_copy, set_backup_target
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.day.passphrase import (
    DEMO_PASSPHRASE,
    GENERATED_WORDS,
    backup_key,
    generate_passphrase,
    normalised,
)
from tps_console.domain.day.wordlist import WORDS
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import Record
from tps_console.domain.store.sealed import MAGIC, SQLITE_MAGIC
from tps_console.samples.rolls import sample_roll

NIK_1 = "3399141702910001"


class SealedCli(Cli):
    def __call__(  # type: ignore[override]
        self, *args: object, passphrase: str | None = TEST_PASSPHRASE, pin: str = "1234"
    ) -> Ran:
        """`passphrase` is TPS_BACKUP_PASSPHRASE (None: not set, and no terminal to ask at)."""
        return super().__call__(*args, pin=pin, env={PASSPHRASE_ENV: passphrase})


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> SealedCli:
    """`tps-console ARGS` at 09:30 on polling day."""
    return SealedCli(capsys, monkeypatch, at=wib(9, 30))


@pytest.fixture
def keyed(station: Record, member: OfficerInfo) -> Record:
    """The station with its backup passphrase (the tests') and voter NIK_1 checked in."""
    with_backup_key(station)
    check_in(station, member, key=NIK_1)
    return station


def path_of(rec: Record) -> Path:
    assert rec.path is not None
    return rec.path


def voters(rec: Record) -> list[tuple[str, str]]:
    with sqlite3.connect(path_of(rec)) as conn:
        return conn.execute("SELECT nik, name FROM voter").fetchall()


def head(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("SELECT hash FROM event ORDER BY seq DESC").fetchone()[0])


def left_in(folder: Path) -> list[str]:
    """The files in `folder` besides the open station's own."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("tps.db"))


def assert_reveals_nothing(data: bytes, rec: Record) -> None:
    assert data.startswith(MAGIC) and SQLITE_MAGIC not in data
    names = 0
    for nik, name in voters(rec):
        assert nik.encode() not in data
        # Random bytes hold any given 3 letters now and then (a one-word name such as "Edi":
        # about once in a hundred backups of this size); 8 letters or more, never.
        if len(name) >= 8:
            assert name.encode() not in data and name.upper().encode() not in data
            names += 1
    assert names > 100  # most of the roll's names are looked for
    assert TEST_PASSPHRASE.encode() not in data


def test_a_backups_bytes_hold_no_nik_no_name_and_no_sqlite_header(
    keyed: Record, cli: SealedCli, tmp_path: Path
) -> None:
    copy = tmp_path / "usb" / "cadangan.tpsbak"
    ran = cli("backup", path_of(keyed), copy)
    assert ran.code == 0, ran.err
    assert_reveals_nothing(copy.read_bytes(), keyed)
    # The station itself keeps no passphrase either: only its wrapped key.
    assert TEST_PASSPHRASE.encode() not in path_of(keyed).read_bytes()


def test_restore_with_the_right_passphrase_gives_the_same_audit_head(
    keyed: Record, cli: SealedCli, tmp_path: Path
) -> None:
    copy = tmp_path / "cadangan.tpsbak"
    assert cli("backup", path_of(keyed), copy).code == 0
    target = tmp_path / "pulih.db"
    # Typed from paper with a doubled and a trailing space: the same passphrase.
    typed = TEST_PASSPHRASE.replace(" ", "  ", 1) + " "
    ran = cli("restore", copy, target, passphrase=typed)
    assert ran.code == 0, ran.err
    assert "PERINGATAN" not in ran.err
    assert head(target) == head(path_of(keyed))
    assert cli("verify", target).code == 0
    status = json.loads(cli("status", target, "--json").out)
    assert status["checked_in"] == 1 and status["audit_head"] == head(path_of(keyed))
    # The restored station keeps its key: its own backups need no new passphrase.
    assert cli("backup", target, tmp_path / "lagi.tpsbak").code == 0


def test_a_wrong_passphrase_is_refused_and_writes_nothing(
    keyed: Record, cli: SealedCli, tmp_path: Path
) -> None:
    copy = tmp_path / "usb" / "cadangan.tpsbak"
    assert cli("backup", path_of(keyed), copy).code == 0
    target = tmp_path / "baru" / "pulih.db"
    target.parent.mkdir()
    ran = cli("restore", copy, target, passphrase="bukan frasa sandi yang benar")
    assert ran.code == 2
    assert "Frasa sandi cadangan salah: tidak ada yang ditulis" in ran.err
    assert list(target.parent.iterdir()) == []
    # Over an existing station, forced: the station stays as it was.
    keyed.close()
    before = path_of(keyed).read_bytes()
    ran = cli("restore", copy, path_of(keyed), "--force", passphrase="salah salah salah")
    assert ran.code == 2 and path_of(keyed).read_bytes() == before
    refused = cli("verify", copy, passphrase="salah salah salah")
    assert refused.code == 2 and "salah" in refused.err
    assert cli("verify", copy).code == 0


def test_without_a_passphrase_and_no_terminal_nothing_is_restored(
    keyed: Record, cli: SealedCli, tmp_path: Path
) -> None:
    copy = tmp_path / "cadangan.tpsbak"
    assert cli("backup", path_of(keyed), copy).code == 0
    ran = cli("restore", copy, tmp_path / "pulih.db", passphrase=None)
    assert ran.code == 2 and "TPS_BACKUP_PASSPHRASE" in ran.err
    assert not (tmp_path / "pulih.db").exists()


@pytest.mark.parametrize("cut", [10, 40, 200, 1000, -1])
def test_a_truncated_backup_is_named_as_such_before_any_passphrase(
    keyed: Record, cli: SealedCli, tmp_path: Path, cut: int
) -> None:
    """Cut off anywhere (the stick pulled mid-copy): said to be truncated, with no passphrase
    asked (none is given here), and nothing written."""
    copy = tmp_path / "cadangan.tpsbak"
    assert cli("backup", path_of(keyed), copy).code == 0
    data = copy.read_bytes()
    copy.write_bytes(data[:cut])
    target = tmp_path / "pulih.db"
    ran = cli("restore", copy, target, passphrase=None)
    assert ran.code == 2
    assert "terpotong" in ran.err
    assert left_in(tmp_path) == ["cadangan.tpsbak"]
    assert cli("verify", copy, passphrase=None).code == 2


def test_a_damaged_backup_is_named_as_such(keyed: Record, cli: SealedCli, tmp_path: Path) -> None:
    copy = tmp_path / "cadangan.tpsbak"
    assert cli("backup", path_of(keyed), copy).code == 0
    data = bytearray(copy.read_bytes())
    for where in (len(MAGIC) + 20, len(data) // 2, len(data) - 5):  # header, payload, its end
        damaged = bytearray(data)
        damaged[where] ^= 0x01
        copy.write_bytes(bytes(damaged))
        ran = cli("restore", copy, tmp_path / "pulih.db")
        assert ran.code == 2, where
        assert "rusak" in ran.err and "salah" not in ran.err, where
        assert left_in(tmp_path) == ["cadangan.tpsbak"]
    copy.write_bytes(bytes(data) + b"\0")  # something appended
    assert "rusak" in cli("restore", copy, tmp_path / "pulih.db").err


def test_the_desks_automatic_backup_is_encrypted_and_asks_nobody(
    keyed: Record, chair: OfficerInfo, clock: FixedClock, cli: SealedCli, tmp_path: Path
) -> None:
    """What the desk's worker calls every five minutes: no passphrase anywhere in reach."""
    stick = tmp_path / "stick"
    stick.mkdir()
    target = set_backup_target(keyed, chair, str(stick))
    made = backup_now(keyed, target)
    assert made.suffix == ".tpsbak"
    assert_reveals_nothing(made.read_bytes(), keyed)
    restored = tmp_path / "pulih.db"
    assert cli("restore", made, restored).code == 0
    assert head(restored) == head(path_of(keyed))


def test_a_copy_to_a_folder_is_named_after_the_station(keyed: Record, tmp_path: Path) -> None:
    key = backup_key(keyed)
    assert key is not None
    made = seal_copy(path_of(keyed), tmp_path, key)
    assert made == tmp_path / "tps.tpsbak"


def test_init_asks_for_a_passphrase_of_at_least_12_characters(
    cli: SealedCli, tmp_path: Path
) -> None:
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    db = tmp_path / "tps.db"
    init = ("init", db, "--roll", roll, "--date", "2024-02-14")
    short = cli(*init, passphrase="rahasia")
    assert short.code == 2 and "terlalu pendek (7 karakter): minimal 12" in short.err
    assert not db.exists()
    nothing = cli(*init, passphrase=None)  # no variable, no terminal to ask at
    assert nothing.code == 2 and "--generate-passphrase" in nothing.err
    assert not db.exists()
    made = cli(*init)
    assert made.code == 0, made.err
    assert "FRASA SANDI" not in made.out  # the chair's own: never printed
    assert TEST_PASSPHRASE.encode() not in db.read_bytes()
    assert cli("backup", db, tmp_path / "c.tpsbak").code == 0
    assert cli("verify", tmp_path / "c.tpsbak").code == 0


def test_init_can_generate_the_passphrase_and_shows_it_once(cli: SealedCli, tmp_path: Path) -> None:
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    db = tmp_path / "tps.db"
    ran = cli("init", db, "--roll", roll, "--date", "2024-02-14", "--generate-passphrase")
    assert ran.code == 0, ran.err
    shown = ran.out.split("amplop tersegel; hanya ditampilkan sekali ini):")[1].split("\n")[2]
    words = shown.split()
    assert len(words) == GENERATED_WORDS and all(w in WORDS for w in words)
    assert shown.strip().encode() not in db.read_bytes()
    assert cli("backup", db, tmp_path / "c.tpsbak").code == 0
    assert cli("verify", tmp_path / "c.tpsbak", passphrase=shown).code == 0
    assert cli("verify", tmp_path / "c.tpsbak").code == 2  # the tests' passphrase is not it


def test_a_station_without_a_passphrase_gets_one_from_its_chair(
    station: Record, cli: SealedCli, tmp_path: Path
) -> None:
    """A station made by an earlier version: `backup` says what to do, `passphrase` does it
    (the chair's PIN), once."""
    db = path_of(station)
    refused = cli("backup", db, tmp_path / "c.tpsbak")
    assert refused.code == 2 and "tps-console passphrase DB" in refused.err
    assert not (tmp_path / "c.tpsbak").exists()
    assert cli("passphrase", db).code == 2  # it has officers: the chair sets it
    assert cli("passphrase", db, "--officer", "anggota4", pin="4444").code == 4
    assert cli("passphrase", db, "--officer", "ketua").code == 0
    again = cli("passphrase", db, "--officer", "ketua")
    assert again.code == 2 and "sudah punya" in again.err
    assert cli("backup", db, tmp_path / "c.tpsbak").code == 0
    assert cli("verify", db).code == 0


def test_a_swapped_backup_key_fails_verify(keyed: Record, cli: SealedCli) -> None:
    """Someone with the laptop puts their own recipient in the log, to read the next backups on
    the stick: the hash chain names the edit."""
    db = path_of(keyed)
    keyed.close()
    with sqlite3.connect(db) as conn:
        payload = json.loads(
            conn.execute("SELECT payload FROM event WHERE kind = 'backup_key'").fetchone()[0]
        )
        payload["recipient"] = "age1npu4fc5mtrrvvrm0wvjpctauqkl2f6rfcufkqfh5u6yg65ugtqtsvjg2al"
        conn.execute(
            "UPDATE event SET payload = ? WHERE kind = 'backup_key'",
            (json.dumps(payload, separators=(",", ":"), sort_keys=True),),
        )
    assert cli("verify", db).code == 1


def test_generated_passphrases() -> None:
    assert len(set(WORDS)) == len(WORDS) >= 800
    assert all(w.isascii() and w.isalpha() and w.islower() and 3 <= len(w) <= 9 for w in WORDS)
    drawn = {generate_passphrase() for _ in range(50)}
    assert len(drawn) == 50
    assert all(len(p.split()) == GENERATED_WORDS for p in drawn)
    assert normalised("  satu   dua tiga ") == "satu dua tiga"
    assert len(DEMO_PASSPHRASE) >= 12


def test_the_demo_says_its_passphrase_and_its_backups_open_with_it(
    cli: SealedCli, tmp_path: Path
) -> None:
    db = tmp_path / "demo.db"
    ran = cli("demo", "--db", db, "--no-desk")
    assert ran.code == 0, ran.err
    assert f"Frasa sandi cadangan demo: {DEMO_PASSPHRASE}" in ran.out
    assert cli("backup", db, tmp_path / "demo.tpsbak").code == 0
    assert cli("verify", tmp_path / "demo.tpsbak", passphrase=DEMO_PASSPHRASE).code == 0


def test_a_drill_made_without_a_passphrase_shows_a_generated_one(
    cli: SealedCli, tmp_path: Path
) -> None:
    """A drill may be made from the real roll (H-1 training): never a fixed passphrase, but one
    made for it and shown, so the trainer types nothing."""
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    db = tmp_path / "latihan.db"
    ran = cli("init", db, "--roll", roll, "--date", "2024-02-14", "--drill", passphrase=None)
    assert ran.code == 0, ran.err
    assert "FRASA SANDI CADANGAN" in ran.out
