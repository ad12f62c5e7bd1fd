"""Drill stations: training happens on a station made as a drill, whose clock is its own, and a
polling day's record never holds a drill.

The command line runs in this process with the real time given (`main(..., clock=...)`), as a
laptop's clock would read it; `--now` is the drill clock, which only a drill station takes for
anything that writes."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.helpers import make_drill_station, make_station, wib
from tests.helpers.cli import Cli, Ran
from tests.helpers.commands import COMMANDS, NIK_1, ROLL_DATE, Command
from tests.helpers.desk import desk_for, find, sign_in
from tests.helpers.desk import settle as settle_desk
from tests.helpers.panel import screen_text
from tests.helpers.wait import settle
from tps_console.cli.main import main
from tps_console.desk.app import make_desk
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.drill import set_drill_clock
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.chain import canonical, event_hash
from tps_console.domain.record.clock import Clock, FixedClock
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.reports.files import ATTENDANCE_FILES, PDF_FILE
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.domain.vocab import Category
from tps_console.panel.app import make_panel
from tps_console.samples.demo import ensure_demo
from tps_console.samples.rolls import sample_roll

RunAt = Callable[..., Ran]  # cli(real_time, *args)
H_MINUS_1 = datetime.fromisoformat("2024-02-13T15:00+07:00")  # the afternoon before
TRAINING = "2024-02-14T09:00+07:00"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunAt:
    """`cli(real_time, *args, pin=...)`: tps-console ARGS with the laptop's clock at `real_time`."""
    run = Cli(capsys, monkeypatch, pin="1234")

    def at(real: datetime, *args: object, **given: Any) -> Ran:
        return run(*args, at=real, **given)

    return at


def events(db: Path, where: str = "1") -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT seq, kind, drill, at FROM event WHERE {where}").fetchall()


def new_station(cli: RunAt, db: Path, real: datetime, *flags: str) -> None:
    """`init` (with `flags`), the chair and the own stock, as the chair does the day before."""
    roll = db.with_name("dpt.csv")
    roll.write_bytes(sample_roll())
    code, _, err = cli(
        real, *flags[:2], "init", db, "--roll", roll, "--date", ROLL_DATE, *flags[2:]
    )
    assert code == 0, err
    chair = ("officer", "add", db, "ketua", "--name", "Ketua", "--role", "chair", "--pin-stdin")
    assert cli(real, *chair, stdin="1234\n")[0] == 0
    stock = [f"{b}=200" for b in ("PPWP", "DPR", "DPD", "DPRD_PROV", "DPRD_KAB")]
    assert cli(real, "ballots", db, "--officer", "ketua", *stock)[0] == 0


# A real station --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [c for c in COMMANDS if not c.reads_only], ids=lambda c: c.name)
def test_a_real_station_refuses_the_drill_clock_for_every_command_that_writes(
    command: Command, tmp_path: Path, clock: FixedClock, member: OfficerInfo, cli: RunAt
) -> None:
    rec = make_station(tmp_path / "tps.db", clock)
    check_in(rec, member, key=NIK_1)
    rec.close()
    db = tmp_path / "tps.db"
    before = db.read_bytes()
    args = [a.format(db=db, other=tmp_path / "lain") for a in command.args + command.more]
    code, out, err = cli(wib(9), "--now", f"{ROLL_DATE}T{command.now}+07:00", *args, stdin="5678\n")
    assert code == 2, (out, err)
    assert "hanya untuk TPS latihan" in err and "TPS 901" in err
    assert db.read_bytes() == before


def test_the_desk_on_a_real_station_refuses_the_drill_clock_before_it_starts(
    station: Record, tmp_path: Path, cli: RunAt
) -> None:
    db = tmp_path / "tps.db"
    code, _, err = cli(wib(9), "--now", TRAINING, "desk", db)
    assert code == 2 and "hanya untuk TPS latihan" in err


def test_reading_commands_may_look_at_a_real_station_as_at_any_instant(
    station: Record, tmp_path: Path, cli: RunAt
) -> None:
    db = tmp_path / "tps.db"
    before = events(db)
    code, out, _ = cli(wib(9), "--now", "2024-02-14T12:30+07:00", "status", db, "--json")
    assert code == 0
    figures = json.loads(out)
    assert figures["polls"] == "dpk_hour" and figures["simulasi"] is False
    assert cli(wib(9), "--now", TRAINING, "verify", db)[0] == 0
    code, out, _ = cli(wib(9), "--now", "2024-02-14T13:30+07:00", "report", db, "--json")
    assert json.loads(out)["simulasi"] is False
    assert events(db) == before  # looking records nothing


def test_init_with_a_drill_clock_needs_drill(tmp_path: Path, cli: RunAt) -> None:
    roll = tmp_path / "dpt.csv"
    roll.write_bytes(sample_roll())
    db = tmp_path / "tps.db"
    code, _, err = cli(wib(9), "--now", TRAINING, "init", db, "--roll", roll, "--date", ROLL_DATE)
    assert code == 2 and "--drill" in err
    assert not db.exists()


# A drill station -------------------------------------------------------------------------------


def test_a_drill_station_says_simulasi_in_every_figure_and_file(tmp_path: Path, cli: RunAt) -> None:
    db = tmp_path / "latihan.db"
    new_station(cli, db, H_MINUS_1, "--now", TRAINING, "--drill")
    code, out, _ = cli(H_MINUS_1, "checkin", db, NIK_1, "--officer", "ketua")
    assert code == 0 and "09:00:00" in out
    assert {drill for _, _, drill, _ in events(db)} == {1}  # every event marked as a drill's

    code, out, _ = cli(H_MINUS_1, "status", db)
    assert out.splitlines()[0].startswith("SIMULASI")
    assert json.loads(cli(H_MINUS_1, "status", db, "--json")[1])["simulasi"] is True
    assert json.loads(cli(H_MINUS_1, "report", db, "--json")[1])["simulasi"] is True
    assert cli(H_MINUS_1, "report", db, "--out", tmp_path / "out")[0] == 0

    for page in PdfReader(tmp_path / "out" / PDF_FILE).pages:
        assert page.extract_text().lstrip().startswith("SIMULASI")
    for name in ATTENDANCE_FILES.values():
        text = (tmp_path / "out" / name).read_text(encoding="utf-8-sig")
        rows = [row for row in csv.reader(io.StringIO(text), delimiter=";") if row]
        assert rows[0][0] == "SIMULASI"  # the header line
        assert all(row[0] == "SIMULASI" for row in rows)  # and every row after it
    dpt = (tmp_path / "out" / ATTENDANCE_FILES[Category.DPT]).read_text(encoding="utf-8-sig")
    assert "PURNOMO HARTONO" in dpt
    (tmp_path / "usb").mkdir()
    assert cli(H_MINUS_1, "backup", db, tmp_path / "usb")[0] == 0  # named by the program
    assert [p.name for p in (tmp_path / "usb").iterdir()] == ["SIMULASI-latihan.tpsbak"]


def test_the_drill_clock_belongs_to_the_station(tmp_path: Path, cli: RunAt) -> None:
    """Made at 15:00 the day before with its clock at 09:00 of polling day: every process that
    opens it later reads the drill time on from there, and `--now` re-sets it for all of them."""
    db = tmp_path / "latihan.db"
    new_station(cli, db, H_MINUS_1, "--now", TRAINING, "--drill")
    later = H_MINUS_1 + timedelta(minutes=10)
    code, out, _ = cli(later, "checkin", db, NIK_1, "--officer", "ketua")
    assert code == 0 and "pukul 09:10:00 WIB" in out

    code, _, err = cli(later, "--now", "2024-02-14T12:30+07:00", "status", db)
    assert code == 0 and events(db, "kind = 'drill_clock'") == []  # a look sets nothing
    resets = (later, "--now", "2024-02-14T12:30+07:00", "checkin", db, "BI.005/2022")
    code, out, err = cli(*resets, "--officer", "ketua")
    assert code == 0 and "12:30" in err and "pukul 12:30:00 WIB" in out
    [(_, _, drill, at)] = events(db, "kind = 'drill_clock'")
    assert drill == 1 and at == "2024-02-14T05:30:00.000000Z"  # 12:30 WIB, recorded

    after = later + timedelta(minutes=5)
    status = json.loads(cli(after, "status", db, "--json")[1])
    assert status["polls"] == "dpk_hour"
    rec = open_record(db, FixedClock(after))
    assert rec.local().strftime("%H:%M") == "12:35"
    rec.close()
    assert cli(after, "verify", db)[0] == 0


def test_an_open_record_follows_a_drill_clock_set_elsewhere(tmp_path: Path) -> None:
    real = FixedClock(H_MINUS_1)
    desk = make_drill_station(tmp_path / "latihan.db", real, wib(9))
    other = open_record(tmp_path / "latihan.db", real, desk="meja-2")
    set_drill_clock(other, wib(12, 15))
    assert desk.local().strftime("%H:%M") == "09:00"  # not read yet
    read_status(desk)  # what every desk and panel reads after each commit
    assert desk.local().strftime("%H:%M") == "12:15"
    other.close()
    desk.close()


async def test_desk_and_panel_show_the_same_drill_time_and_follow_a_re_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the real clock, as two windows on one laptop: the desk, the panel, and a command that
    re-sets the drill clock while both are open."""
    real = Clock()
    rec = make_drill_station(tmp_path / "latihan.db", real, wib(9))
    desk = make_desk(rec, refresh_seconds=0.2)
    panel = make_panel(tmp_path / "latihan.db", real, poll_interval=0.1)
    async with desk.run_test(size=(100, 30)) as at_desk, panel.run_test(size=(100, 30)) as at_panel:
        await settle(at_panel)
        await at_desk.pause(0.3)
        assert "SIMULASI" in screen_text(desk) and "SIMULASI" in screen_text(panel)
        assert "09:00" in screen_text(desk) and "09:00" in screen_text(panel)

        monkeypatch.setenv("TPS_PIN", "1234")
        resets = ["--now", "2024-02-14T11:45+07:00", "checkin", str(rec.path), NIK_1]
        assert main([*resets, "--officer", "ketua"], clock=real) == 0
        for _ in range(40):
            await at_desk.pause(0.1)
            await at_panel.pause(0.1)
            if "11:45" in screen_text(desk) and "11:45" in screen_text(panel):
                break
        assert "11:45" in screen_text(desk) and "11:45" in screen_text(panel)
    rec.close()


def test_a_drill_station_can_not_be_passed_off_as_a_real_one(tmp_path: Path) -> None:
    rec = make_drill_station(tmp_path / "latihan.db", FixedClock(H_MINUS_1), wib(9))
    rec.close()
    with sqlite3.connect(tmp_path / "latihan.db") as conn:
        conn.execute("UPDATE station SET drill = 0")
    result = verify(open_record(tmp_path / "latihan.db", FixedClock(H_MINUS_1)))
    assert not result.ok and result.params.get("field") == "drill"


def test_a_drill_clock_forged_onto_a_real_station_is_caught(
    station: Record, tmp_path: Path
) -> None:
    db = tmp_path / "tps.db"
    with sqlite3.connect(db) as conn:
        seq, digest = conn.execute(
            "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        fields = {
            "seq": seq + 1,
            "at": "2024-02-14T02:00:00.000000Z",
            "kind": "drill_clock",
            "officer_id": None,
            "desk": "meja-1",
            "voter_id": None,
            "drill": False,
            "payload": canonical({"drill_at": "2024-02-14T02:00:00.000000Z", "since": "x"}),
        }
        row = {**fields, "prev_hash": digest, "hash": event_hash(digest, fields)}
        conn.execute(
            f"INSERT INTO event ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
            tuple(row.values()),
        )
    result = verify(open_record(db, FixedClock(wib(9))))
    assert result.problem == "verify.drill_clock_on_real"


def test_the_demo_is_a_drill_whose_clock_is_set_back_to_the_morning(tmp_path: Path) -> None:
    evening = FixedClock(datetime.fromisoformat("2024-02-14T19:00+07:00"))
    rec = ensure_demo(tmp_path / "demo.db", evening)
    assert rec.drill and rec.local().strftime("%H:%M") == "09:00"
    rec.close()
    much_later = FixedClock(datetime.fromisoformat("2024-02-14T23:00+07:00"))
    rec = ensure_demo(tmp_path / "demo.db", much_later)  # 09:00 + 4 h: past closing, so reset
    assert rec.local().strftime("%H:%M") == "09:00"
    rec.close()


# The day the drill was for ---------------------------------------------------------------------


def test_a_chair_trains_on_h_minus_1_then_runs_the_real_day(tmp_path: Path, cli: RunAt) -> None:
    latihan, nyata = tmp_path / "latihan" / "tps.db", tmp_path / "nyata" / "tps.db"
    latihan.parent.mkdir()
    nyata.parent.mkdir()
    new_station(cli, latihan, H_MINUS_1, "--now", TRAINING, "--drill")
    for no, key in enumerate((NIK_1, "BI.005/2022", "BI.001/2024")):
        real = H_MINUS_1 + timedelta(minutes=5 * no)
        assert cli(real, "checkin", latihan, key, "--officer", "ketua")[0] in (0, 3)
    drill_report = json.loads(cli(H_MINUS_1, "report", latihan, "--json")[1])
    assert drill_report["simulasi"] is True

    # The real station is made afresh from the same roll; training habits are refused on it.
    new_station(cli, nyata, H_MINUS_1)
    code, _, err = cli(H_MINUS_1, "--now", TRAINING, "checkin", nyata, NIK_1, "--officer", "ketua")
    assert code == 2 and "hanya untuk TPS latihan" in err

    polling_morning = wib(9)
    assert cli(polling_morning, "checkin", nyata, "BI.005/2022", "--officer", "ketua")[0] == 0
    assert cli(wib(13, 5), "close", nyata, "--officer", "ketua")[0] == 0
    code, out, _ = cli(wib(13, 10), "report", nyata, "--json")
    report = json.loads(out)
    assert report["simulasi"] is False
    status = json.loads(cli(wib(13, 10), "status", nyata, "--json")[1])
    assert status["checked_in"] == 1 and status["simulasi"] is False
    assert events(nyata, "drill") == []  # not one drill event in the polling day's record
    assert cli(wib(13, 10), "verify", nyata)[0] == 0


async def test_every_desk_screen_of_a_drill_says_simulasi(tmp_path: Path) -> None:
    rec = make_drill_station(tmp_path / "latihan.db", FixedClock(H_MINUS_1), wib(9))
    app = desk_for(rec)
    seen: dict[str, bool] = {}

    def look(name: str) -> None:
        seen[name] = "SIMULASI" in screen_text(app)

    async with app.run_test(size=(80, 24)) as pilot:
        await settle_desk(pilot)
        look("sign-in")
        await sign_in(pilot)
        look("check-in")
        await find(pilot, NIK_1)
        look("card")
        await pilot.press("enter")
        await settle_desk(pilot)
        await find(pilot, NIK_1)  # the same voter again: refused
        look("refusal")
        await pilot.press("enter")
        await settle_desk(pilot)
        await pilot.press("f2")
        await settle_desk(pilot)
        look("calling")
        await pilot.press("escape")
        await settle_desk(pilot)
        await pilot.press("f5")
        await settle_desk(pilot)
        look("chair form")
        await pilot.press("escape")
        await settle_desk(pilot)
        await pilot.press("f9")
        await settle_desk(pilot)
        look("lock")
    rec.close()
    assert seen == dict.fromkeys(seen, True) and len(seen) == 7, seen
