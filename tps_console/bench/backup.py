"""`backup_s_100k`: one encrypted backup of a 100,000-voter station, beside a plain one.

The backup is what `backup DB DEST` and the desk's automatic copies do (`seal_copy`: the SQLite
online backup into memory, age-encrypted to the station's key, written under a temporary name,
fsynced and renamed). Baseline: what a backup was before it was encrypted, a SQLite online
backup of the same file straight into a file in the same folder (then `journal_mode=DELETE`,
fsync and rename, as `copy_database` does). The two alternate, each after a short idle gap, so
noise from other work on the machine hits both alike; the medians are compared. Goal: at most
1.5 times the plain copy. `--quick` measures a 10,000-voter station instead.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from tps_console.bench.run import entry
from tps_console.bench.stations import fresh_station, polling_clock, workdir
from tps_console.domain.backup.files import copy_database, seal_copy
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.day.passphrase import record_backup_key
from tps_console.domain.record.station import open_record
from tps_console.domain.store.sealed import make_key
from tps_console.samples.demo import DEMO_OFFICERS

ROUNDS = 7
GOAL_RATIO = 1.5
IDLE_GAP_S = 0.2


def measure(quick: bool) -> dict[str, Any]:
    size, label = (10_000, "10k") if quick else (100_000, "100k")
    station = fresh_station(size, "backup")
    rec = open_record(station, polling_clock(), desk="bench")
    try:
        # The key as `init` makes it; the passphrase is never needed to back up.
        key = make_key("bench tps sembilan kosong satu")
        chair = DEMO_OFFICERS[0]  # the station has officers: its chair sets the key
        record_backup_key(rec, key, by=OfficerInfo(chair.id, chair.name, chair.role))
    finally:
        rec.close()
    out = workdir() / "backups"
    out.mkdir(exist_ok=True)
    sealed_s: list[float] = []
    plain_s: list[float] = []
    for _ in range(ROUNDS):
        sealed_s.append(_seconds(seal_copy, station, out / "sealed.tpsbak", key))
        plain_s.append(_seconds(copy_database, station, out / "plain.db"))
    value, baseline = statistics.median(sealed_s), statistics.median(plain_s)
    ratio = round(value / baseline, 3)
    return {
        f"backup_s_{label}": entry(
            value,
            baseline,
            "s",
            voters=size,
            station_mib=round(station.stat().st_size / 2**20, 1),
            backup_mib=round((out / "sealed.tpsbak").stat().st_size / 2**20, 1),
            rounds=ROUNDS,
            min=round(min(sealed_s), 3),
            baseline_min=round(min(plain_s), 3),
            baseline_is="plain SQLite online backup of the same file into a file, fsynced, renamed",
            goal=f"ratio <= {GOAL_RATIO:g}",
            goal_met=ratio <= GOAL_RATIO,
        )
    }


def _seconds(action: Callable[..., object], *args: Any) -> float:
    time.sleep(IDLE_GAP_S)
    start = time.perf_counter()
    action(*args)
    return time.perf_counter() - start
