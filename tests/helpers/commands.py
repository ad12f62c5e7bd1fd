"""Every command of the day that takes a station, as a chair would type it, for the tests that
run each one under some condition (a fault of the file, a drill clock on a real station).

`{db}` stands for the station and `{other}` for a second path; the station is one made by
`tests.helpers.make_station` with voter NIK_1 checked in."""

from __future__ import annotations

from dataclasses import dataclass

NIK_1 = "3399141702910001"  # checked in by the fixture
NIK_2 = "3399011112980002"
ROLL_DATE = "2024-02-14"


@dataclass(frozen=True)
class Command:
    name: str
    args: tuple[str, ...]  # {db}, {other} stand for the station and a second path
    more: tuple[str, ...] = ()
    now: str = "12:30"
    reads_only: bool = False


COMMANDS = (
    Command("status", ("status", "{db}", "--json"), reads_only=True),
    Command("verify", ("verify", "{db}"), reads_only=True),
    Command("report", ("report", "{db}", "--json"), reads_only=True),
    Command("checkin", ("checkin", "{db}", NIK_2, "--officer", "ketua")),
    Command("undo", ("undo", "{db}", NIK_1, "--officer", "ketua", "--reason", "salah orang")),
    Command("ballots", ("ballots", "{db}", "--officer", "ketua", "PPWP=5")),
    Command("replace", ("replace", "{db}", NIK_1, "PPWP", "--officer", "ketua", "--reason", "x")),
    Command(
        "dpk",
        ("dpk", "add", "{db}", "--officer", "ketua", "--nik", "3316015505900001"),
        ("--name", "Siti Aminah", "--sex", "P", "--birth", "1990-05-15"),
    ),
    Command("queue", ("queue", "{db}", "--officer", "ketua", NIK_2), now="13:01"),
    Command("close", ("close", "{db}", "--officer", "ketua"), now="13:05"),
    Command(
        "officer",
        ("officer", "add", "{db}", "m2", "--name", "A", "--role", "member", "--pin-stdin"),
    ),
    Command("backup", ("backup", "{db}", "{other}"), reads_only=True),
)
