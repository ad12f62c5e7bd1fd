"""Backups of a station file: on request, and automatically while a desk runs; restores.

Every backup is encrypted (`store.sealed`: age, to the station's own backup key, so no
passphrase is asked to make one) and consistent (SQLite online backup, into memory: the plain
copy never touches the backup's disk), written under a temporary name and renamed. A restore
takes an encrypted backup with its passphrase, or an old plain one (SQLite) with a warning.
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
from tps_console.domain.day.passphrase import normalised, require_backup_key
from tps_console.domain.errors import BadInput, TpsError
from tps_console.domain.record.clock import stamp
from tps_console.domain.record.events import BackupTargetSet
from tps_console.domain.record.projection import record_event
from tps_console.domain.record.station import Record
from tps_console.domain.store import sealed
from tps_console.domain.store.db import read, readonly_uri
from tps_console.domain.store.faults import explain
from tps_console.domain.store.models import Station
from tps_console.domain.store.output import make_folder, new_private_file, output_fault
from tps_console.domain.store.sealed import BackupKey

# An encrypted backup is no SQLite file: it does not end like one either.
BACKUP_SUFFIX = ".tpsbak"
# A drill's copies say so first in their name, as every file a drill writes does: a stick of
# SIMULASI-… files is never taken for a polling day's. The word is fixed, never translated: the
# desk sweeps its old copies by name, whatever language each desk speaks.
DRILL_MARK = "SIMULASI"


def backup_stem(name: str, *, drill: bool) -> str:
    """What the name of a copy the program names starts with: the station's, marked if a drill."""
    return f"{DRILL_MARK}-{name}" if drill else name


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
    """A plain copy of a live SQLite station (desks may keep writing) at `dest`, whole or not at
    all. Only for the laptop's own disk (a restore's staging): every backup is `seal_copy`."""
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
        new_private_file(tmp)
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


def station_image(source: Path) -> bytes:
    """A consistent copy of a live SQLite station (desks may keep writing), as the bytes of a
    SQLite file, made in memory."""
    src = sqlite3.connect(readonly_uri(source), uri=True)
    try:
        image = sqlite3.connect(":memory:")
        try:
            src.backup(image)
            return image.serialize()
        finally:
            image.close()
    finally:
        src.close()


def seal_copy(source: Path, dest: Path, key: BackupKey, *, drill: bool = False) -> Path:
    """An encrypted backup of the station file `source` (desks may keep writing) at `dest`, a
    file or a folder to put it in (named after `source`, SIMULASI-… for a `drill`); `dest`
    appears whole or not. What `backup` and the desk use; a copy built another way (from a
    server database) goes through `sealed.write_sealed`."""
    if not source.is_file():
        raise BadInput("station.missing", path=str(source))
    if is_unfinished_copy(source):
        raise BadInput("restore.unfinished", path=str(source))
    if dest.is_dir():
        dest = dest / f"{backup_stem(source.stem, drill=drill)}{BACKUP_SUFFIX}"
    make_folder(dest.parent)
    _remove_unfinished(dest.parent, f".{dest.name}.*.tmp")
    try:
        image = station_image(source)
    except (OSError, sqlite3.Error) as exc:
        raise explain(exc, source) or BadInput(
            "backup.failed", path=str(dest), error=str(exc)
        ) from exc
    try:
        return sealed.write_sealed(image, dest, key)
    except OSError as exc:
        raise output_fault(exc, dest) from exc


def decrypt_backup(backup: Path, passphrase: Callable[[], str], into: Path) -> None:
    """The station inside the encrypted backup `backup`, decrypted into the new file `into` as
    one self-contained SQLite file. `passphrase` is asked once the file is known to be whole;
    a wrong one is refused (`backup.wrong_passphrase`, bad input) and `into` is not left."""
    try:
        sealed.open_sealed(backup, lambda: normalised(passphrase()), into)
        plain = sqlite3.connect(into)
        try:
            # No -wal beside it: the copy is one file, as the station was when it was copied.
            plain.execute("PRAGMA journal_mode=DELETE")
        finally:
            plain.close()
    except TpsError:
        raise
    except (OSError, sqlite3.Error) as exc:
        for leftover in ("", "-journal"):
            Path(f"{into}{leftover}").unlink(missing_ok=True)
        raise explain(exc, into) or BadInput(
            "backup.failed", path=str(into), error=str(exc)
        ) from exc


def _no_passphrase() -> str:
    raise BadInput("backup.passphrase_needed")


@dataclass(frozen=True)
class Restored:
    """`plain`: the backup was an old, unencrypted one (made before backups were encrypted):
    restored all the same, and the caller warns."""

    plain: bool


def restore(
    backup: Path,
    dest: Path,
    *,
    force: bool = False,
    check: Callable[[Path], None] | None = None,
    passphrase: Callable[[], str] = _no_passphrase,
) -> Restored:
    """Put a backup in place of a station. Never overwrites unless forced.

    An encrypted backup is decrypted with the station's backup passphrase, asked through
    `passphrase` only once the file is known to be whole; an old plain (SQLite) backup is taken
    as it is. `check` is shown the staged copy before anything is replaced (and may raise to
    stop): what is checked is exactly what is restored, and the backup itself is only ever read.
    """
    if dest.exists() and not force:
        raise BadInput("restore.exists", path=str(dest))
    if is_unfinished_copy(backup):
        raise BadInput("restore.unfinished", path=str(backup))
    staged = dest.with_name(f".{dest.name}.restoring")
    encrypted = sealed.is_sealed(backup)
    try:
        if encrypted:
            Path(staged).unlink(missing_ok=True)
            decrypt_backup(backup, passphrase, staged)
        else:
            copy_database(backup, staged)
        if check is not None:
            check(staged)
    except BaseException:
        for leftover in ("", "-wal", "-shm", "-journal"):
            Path(f"{staged}{leftover}").unlink(missing_ok=True)
        raise
    # The old station's WAL belongs to the old file: left beside the new one it would be replayed
    # into it. Removed only once the replacement is safely on disk.
    for suffix in ("-wal", "-shm"):
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
    os.replace(staged, dest)
    return Restored(plain=not encrypted)


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
    if not path.exists():
        _make_on_another_drive(path, rec.path)
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


def drive_of(path: Path) -> int:
    """The device a path is on: a USB stick mounted on E:\\ or /media/usb has its own."""
    return path.stat().st_dev


def _make_on_another_drive(folder: Path, station: Path | None) -> None:
    """A missing folder the chair names is made, as the report makes its own, but only on a
    drive that is mounted and is not the station's: /media/usb/cadangan with the stick pulled
    out would otherwise be made on the laptop's own disk, and the backups written there."""
    existing = next((p for p in folder.absolute().parents if p.exists()), None)
    own = drive_of(station if station is not None else Path.home())
    if existing is None or not existing.is_dir():
        raise BadInput("backup.no_folder", path=str(folder))
    if drive_of(existing) == own:
        raise BadInput("backup.not_made_here", path=str(folder))
    make_folder(folder)


def _check_writable(folder: Path) -> None:
    if not folder.is_dir():
        raise BadInput("backup.no_folder", path=str(folder))
    probe = folder / f".tps-console-probe-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise output_fault(exc, folder) from exc


def backup_now(rec: Record, target: BackupTarget) -> Path:
    """One copy made by the desk (automatic, or the chair's "back up now"), encrypted to the
    station's backup key (nobody is asked for the passphrase), named by station time so they
    sort, SIMULASI-… for a drill; only the newest `keep` stay. A real station's and a drill's
    copies in one folder never count against each other."""
    if rec.path is None:
        raise BadInput("backup.not_a_file")
    key = require_backup_key(rec)
    # Never recreate a missing folder: with the stick pulled out that would quietly put the
    # "backup" on the laptop's own disk.
    _check_writable(target.folder)
    tps = "".join(c if c.isalnum() else "_" for c in rec.station.tps)
    stem = backup_stem(tps, drill=rec.drill)
    name = f"{stem}-{rec.local().strftime('%Y%m%d-%H%M%S')}{BACKUP_SUFFIX}"
    # Each automatic copy has a new name: sweep what earlier, interrupted ones left.
    _remove_unfinished(target.folder, f".{stem}-*{BACKUP_SUFFIX}.*.tmp")
    made = seal_copy(rec.path, target.folder / name, key)
    copies = sorted(target.folder.glob(f"{stem}-*{BACKUP_SUFFIX}"))
    for old in copies[: max(0, len(copies) - target.keep)]:
        old.unlink(missing_ok=True)
    return made
