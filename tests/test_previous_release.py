"""A station made by the previous release opens, verifies and goes on with its day.

The fixture (tests/fixtures/release-66e1fca, with how it was made) holds a real station's
morning written by the release before event versions and the projection's own closing rule: the
log it holds must still replay, and today's code must keep writing after it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import wib
from tests.helpers.cli import Cli
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import open_record
from tps_console.domain.verify import verify

FIXTURE = Path(__file__).parent / "fixtures" / "release-66e1fca" / "tps-901.db"
EVENTS, HEAD = 21, "5ff9190b1b79b00bc1d9e21047e70331dd7495f57aa70f3ca0758c8f78873d02"


@pytest.fixture
def station(tmp_path: Path) -> Path:
    copy = tmp_path / "tps-901.db"
    shutil.copyfile(FIXTURE, copy)
    return copy


def not_yet_voted(path: Path, n: int) -> list[str]:
    """Register numbers of `n` eligible DPT voters with no check-in."""
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT register_no FROM voter WHERE category = 'DPT' AND status = 'eligible'"
            " AND register_no IS NOT NULL AND id NOT IN (SELECT voter_id FROM checkin)"
            " ORDER BY id LIMIT ?",
            (n,),
        ).fetchall()
    return [r[0] for r in rows]


def test_the_previous_releases_station_verifies_as_it_was_written(station: Path) -> None:
    rec = open_record(station, FixedClock(wib(12, 15)), desk="meja-2")
    try:
        result = verify(rec)
        assert result.ok, (result.problem, result.params)
        assert (result.events, result.head) == (EVENTS, HEAD)
    finally:
        rec.close()


def test_the_previous_releases_station_takes_the_rest_of_the_day(
    station: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = Cli(capsys, monkeypatch, at=wib(12, 20))
    before = json.loads(cli("status", station, "--json").out)
    assert (before["checked_in"], before["blocked_duplicates"]) == (3, 1)

    first, queued = not_yet_voted(station, 2)
    assert cli("checkin", station, first, "--officer", "anggota4", pin="4444").code == 0
    assert cli("checkin", station, first, "--officer", "anggota4", pin="4444").code == 3
    at_one = wib(13, 0)
    assert cli("queue", station, "--officer", "ketua", queued, pin="1234", at=at_one).code == 0
    checked = cli("checkin", station, queued, "--officer", "anggota4", pin="4444", at=at_one)
    assert checked.code == 0
    assert cli("close", station, "--officer", "ketua", pin="1234", at=wib(13, 30)).code == 0

    after = json.loads(cli("status", station, "--json", at=wib(13, 31)).out)
    assert (after["checked_in"], after["blocked_duplicates"]) == (5, 2)
    verified = cli("verify", station, at=wib(13, 31))
    assert verified.code == 0, verified.out + verified.err
    # The morning's events are untouched: the chain goes on from the old head.
    rec = open_record(station, FixedClock(wib(13, 32)), desk="meja-2")
    try:
        with sqlite3.connect(station) as db:
            old_head = db.execute("SELECT hash FROM event WHERE seq = ?", (EVENTS,)).fetchone()
        assert old_head == (HEAD,)
        assert verify(rec, expect=[HEAD]).ok
    finally:
        rec.close()
