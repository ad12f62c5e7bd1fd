"""The day's commands as a chair types them, with the drill clock: exit codes and what changes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import make_station
from tps_console.cli.main import main
from tps_console.domain.record.clock import FixedClock, parse_instant

Run = Callable[..., tuple[int, str, str]]
DPK = ["--nik", "3316015505900001", "--name", "Siti Aminah", "--sex", "P", "--birth", "1990-05-15"]


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock) -> Iterator[str]:
    rec = make_station(tmp_path / "tps.db", clock, stock=0)
    rec.close()
    yield str(tmp_path / "tps.db")


@pytest.fixture
def run(db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """`run("09:00", "ballots", "--officer", "ketua", ...)`: DB goes after the command word(s)."""

    def run(time: str, *command: str, pin: str = "1234", lang: str = "id") -> tuple[int, str, str]:
        monkeypatch.setenv("TPS_PIN", pin)
        words = 2 if command[0] == "dpk" else 1
        argv = ["--lang", lang, *command[:words], db, *command[words:]]
        code = main(argv, clock=FixedClock(parse_instant(f"2024-02-14T{time}+07:00")))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def events(run: Run) -> int:
    code, out, _ = run("09:00", "status", "--json")
    assert code == 0
    return int(json.loads(out)["events"])


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["DPR=5", "PPWP=-10"], "negatif"),
        (["DPR=5", "PPWP=dua"], "bukan bilangan bulat"),
        (["DPR=5", "KPU=3"], "tidak dikenal"),
        (["DPR=5", "dpr=6"], "disebut dua kali"),
        (["PPWP=0", "DPR=0"], "semua jumlah 0"),
    ],
)
def test_bad_stock_is_refused_with_exit_2_and_changes_nothing(
    run: Run, items: list[str], message: str
) -> None:
    before = events(run)
    code, _, err = run("06:30", "ballots", "--officer", "ketua", *items)
    assert code == 2 and message in err
    assert events(run) == before


def test_stock_with_a_lender(run: Run) -> None:
    code, out, _ = run("06:30", "ballots", "--officer", "ketua", "PPWP=2", "DPR=2")
    assert code == 0 and "TPS 901 (sendiri)" in out
    code, out, _ = run("06:35", "ballots", "--officer", "ketua", "--source", "TPS 905", "ppwp=3")
    assert code == 0 and "TPS 905 dicatat sebagai TPS penyangga ke-1" in out
    assert out.splitlines()[-1].split() == ["TPS", "905", "3/3", "0/0", "0/0", "0/0", "0/0"]
    code, _, err = run("06:40", "ballots", "--officer", "anggota4", "PPWP=1", pin="4444")
    assert code == 4 and "Hanya Ketua KPPS" in err


def test_no_ballots_refuses_the_check_in(run: Run) -> None:
    run("06:30", "ballots", "--officer", "ketua", "PPWP=1")
    code, _, err = run("07:05", "checkin", "BI.001/2024", "--officer", "anggota4", pin="4444")
    assert code == 4 and "SURAT SUARA HABIS: DPR, DPD, DPRD_PROV, DPRD_KAB" in err
    code, out, _ = run("07:06", "checkin", "BIIa.004/2023", "--officer", "anggota4", pin="4444")
    assert code == 0 and "surat suara: PPWP" in out


def test_replacement_command(run: Run) -> None:
    run("06:30", "ballots", "--officer", "ketua", "PPWP=2")
    run("07:05", "checkin", "BIIa.004/2023", "--officer", "anggota4", pin="4444")
    replace = ["replace", "BIIa.004/2023", "PPWP", "--officer", "ketua", "--reason", "sobek"]
    code, out, _ = run("07:07", *replace)
    assert code == 0 and "pengganti dari TPS 901" in out
    code, _, err = run("07:08", *replace)
    assert code == 4 and "sudah pernah diganti" in err


def test_the_dpk_hour(run: Run) -> None:
    run("06:30", "ballots", "--officer", "ketua", *(f"{b}=5" for b in ("PPWP", "DPR", "DPD")))
    run("06:31", "ballots", "--officer", "ketua", "DPRD_PROV=5", "DPRD_KAB=5")
    code, _, err = run("11:50", "dpk", "add", "--officer", "ketua", *DPK)
    assert code == 4 and "12:00–13:00" in err
    code, _, err = run(
        "12:10", "dpk", "add", "--officer", "ketua", *DPK[:1], "3.31601E+15", *DPK[2:]
    )
    assert code == 2 and "spreadsheet" in err
    code, out, _ = run("12:10", "dpk", "add", "--officer", "ketua", *DPK)
    assert code == 0 and "no. 181" in out and "DPT/DPTb" in out
    code, _, err = run("12:11", "dpk", "add", "--officer", "ketua", *DPK)
    assert code == 4 and "sudah ada di daftar" in err
    code, out, _ = run("12:12", "checkin", "3316 0155 0590 0001", "--officer", "ketua")
    assert code == 0 and "Siti Aminah" in out


def test_queue_and_close(run: Run) -> None:
    run("06:30", "ballots", "--officer", "ketua", "PPWP=10")
    code, _, err = run("12:55", "queue", "BIIa.004/2023", "--officer", "ketua")
    assert code == 4 and "mulai pukul 13:00" in err
    code, _, err = run("12:56", "close", "--officer", "ketua")
    assert code == 4 and "sebelum pukul 13:00" in err
    code, out, _ = run("13:00", "queue", "BIIa.004/2023", "AI.041/2022", "--officer", "ketua")
    assert code == 0 and "2 pemilih dicatat dalam antrean" in out
    code, _, err = run("13:05", "checkin", "BI.024/2023", "--officer", "anggota4", pin="4444")
    assert code == 4 and "tidak tercatat dalam antrean" in err
    code, out, _ = run("13:06", "checkin", "BIIa.004/2023", "--officer", "anggota4", pin="4444")
    assert code == 0
    code, out, err = run("13:20", "close", "--officer", "ketua")
    assert code == 0 and "DITUTUP pukul 13:20:00 WIB" in out
    assert "1 pemilih dalam antrean tidak tercatat hadir" in err
    code, _, err = run("13:21", "close", "--officer", "ketua", lang="en")
    assert code == 4 and "already closed at 13:20 WIB" in err
    code, _, err = run("13:22", "checkin", "AI.041/2022", "--officer", "anggota4", pin="4444")
    assert code == 4 and "dibekukan" in err
    code, out, _ = run("13:30", "status", "--json")
    assert json.loads(out)["polls"] == "closed"
    assert run("13:31", "verify")[0] == 0
