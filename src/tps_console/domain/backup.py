"""Online backups and restores of a station file: consistent copy, temp name, atomic rename."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from tps_console.domain.errors import BadInput


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(source: Path, dest: Path) -> Path:
    """Copy a live SQLite station (desks may keep writing) to `dest`; `dest` appears whole or not."""
    if not source.is_file():
        raise BadInput("station.missing", path=str(source))
    if dest.is_dir():
        dest = dest / source.name
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    # Percent-encoded: a folder named "TPS #901" or "100%" must not cut or bend the URI.
    uri = f"file:{quote(source.resolve().as_posix(), safe='/:')}?mode=ro"
    src = sqlite3.connect(uri, uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it to lose on a USB stick.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise BadInput("backup.failed", path=str(dest), error=str(exc)) from exc
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
