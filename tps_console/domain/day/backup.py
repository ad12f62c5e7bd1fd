"""Backups of a station file: on request, and automatically while a desk runs; restores.

Every copy is consistent (SQLite online backup), written under a temporary name and renamed.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlmodel import col

from tps_console.domain.day.hours import ensure_not_closed
from tps_console.domain.day.officers import OfficerInfo, require_chair
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import stamp
from tps_console.domain.record.db import read, readonly_uri
from tps_console.domain.record.events import BackupTargetSet
from tps_console.domain.record.faults import explain
from tps_console.domain.record.models import Station
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# A copy is written as `.NAME.PID.tmp` and renamed to NAME when whole. One that a killed process or
# a pulled stick left behind is removed by the next copy into that folder once it has not been
# written to for this long: a copy under way (another desk's) writes to its file all along.
UNFINISHED_SECONDS = 10 * 60


def is_unfinished_copy(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(".tmp")


def _remove_unfinished(folder: Path, pattern: str) -> None:
    now = time.time()
    for leftover in folder.glob(pattern):
        try:
            if now - leftover.stat().st_mtime >= UNFINISHED_SECONDS:
                leftover.unlink()
        except OSError:
            continue  # gone already, or a read-only stick: the copy itself will say so


def copy_database(source: Path, dest: Path) -> Path:
    """Copy a live SQLite station (desks may keep writing) to `dest`; `dest` appears whole or not."""
    if not source.is_file():
        raise BadInput("station.missing", path=str(source))
    if is_unfinished_copy(source):
        raise BadInput("restore.unfinished", path=str(source))
    if dest.is_dir():
        dest = dest / source.name
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        _remove_unfinished(dest.parent, f".{dest.name}.*.tmp")
        return _copy(source, dest)
    except (OSError, sqlite3.Error) as exc:
        raise explain(exc, dest) or BadInput(
            "backup.failed", path=str(dest), error=str(exc)
        ) from exc


def _copy(source: Path, dest: Path) -> Path:
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(readonly_uri(source), uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it to lose on a USB stick.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    _fsync(tmp)
    os.replace(tmp, dest)
    return dest


def restore(
    backup: Path, dest: Path, *, force: bool = False, check: Callable[[Path], None] | None = None
) -> None:
    """Put a backup in place of a station. Never overwrites unless forced.

    `check` is shown the staged copy before anything is replaced (and may raise to stop): what is
    checked is exactly what is restored, and the backup itself is only ever read.
    """
    if dest.exists() and not force:
        raise BadInput("restore.exists", path=str(dest))
    staged = dest.with_name(f".{dest.name}.restoring")
    try:
        copy_database(backup, staged)
        if check is not None:
            check(staged)
    except BaseException:
        for leftover in ("", "-wal", "-shm"):
            Path(f"{staged}{leftover}").unlink(missing_ok=True)
        raise
    # The old station's WAL belongs to the old file: left beside the new one it would be replayed
    # into it. Removed only once the replacement is safely on disk.
    for suffix in ("-wal", "-shm"):
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
    os.replace(staged, dest)


@dataclass(frozen=True)
class BackupTarget:
    """Where and how often the desk copies the station while it runs (a USB stick)."""

    folder: Path
    every_minutes: int
    keep: int


MAX_KEEP = 500


def backup_target(rec: Record) -> BackupTarget | None:
    with read(rec.engine) as conn:
        folder, minutes, keep = conn.execute(
            select(col(Station.backup_dir), col(Station.backup_minutes), col(Station.backup_keep))
        ).one()
    return BackupTarget(Path(folder), minutes, keep) if folder else None


def set_backup_target(
    rec: Record, chair: OfficerInfo, folder: str, *, every_minutes: int = 5, keep: int = 12
) -> BackupTarget:
    """The chair names the backup folder (it must exist and take a file now); an event."""
    require_chair(chair)
    if not 1 <= every_minutes <= 60 or not 1 <= keep <= MAX_KEEP:
        raise BadInput("backup.bad_setting", minutes=every_minutes, keep=keep)
    path = Path(folder.strip()).expanduser()
    _check_writable(path)
    with rec.write() as conn:
        ensure_not_closed(conn, rec.station)
        target = BackupTargetSet(
            at=stamp(rec.now()),
            officer_id=chair.id,
            desk=rec.desk,
            backup_dir=str(path.resolve()),
            backup_minutes=every_minutes,
            backup_keep=keep,
        )
        record_event(conn, rec, target)
    return BackupTarget(path.resolve(), every_minutes, keep)


def _check_writable(folder: Path) -> None:
    if not folder.is_dir():
        raise BadInput("backup.no_folder", path=str(folder))
    probe = folder / f".tps-console-probe-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BadInput(
            "backup.not_writable", path=str(folder), error=exc.strerror or str(exc)
        ) from exc


def backup_now(rec: Record, target: BackupTarget) -> Path:
    """One automatic copy, named by station time so they sort; only the newest `keep` stay."""
    if rec.path is None:
        raise BadInput("backup.not_a_file")
    # Never recreate a missing folder: with the stick pulled out that would quietly put the
    # "backup" on the laptop's own disk.
    _check_writable(target.folder)
    stem = "".join(c if c.isalnum() else "_" for c in rec.station.tps)
    name = f"{stem}-{rec.local().strftime('%Y%m%d-%H%M%S')}.db"
    # Each automatic copy has a new name: sweep what earlier, interrupted ones left.
    _remove_unfinished(target.folder, f".{stem}-*.db.*.tmp")
    made = copy_database(rec.path, target.folder / name)
    copies = sorted(target.folder.glob(f"{stem}-*.db"))
    for old in copies[: max(0, len(copies) - target.keep)]:
        old.unlink(missing_ok=True)
    return made
