"""Files the program writes for people: reports, slips, backups. One way to write each.

A file appears whole or not at all (a temporary name in the same folder, fsynced, renamed), is
readable by its owner only (it may hold names, NIKs, the whole roll), and its folder is made when
missing — unless the folder would be made where a drive should be mounted: a chair who names
`E:\\laporan` or `/media/kpps/FLASHDISK/laporan` with the stick pulled out must hear that the
stick is missing, not find the report quietly written to the laptop's own disk.

Whatever the machine refuses is said in the day's words (`output.*`: a full disk, a
write-protected stick, a name that is a folder), never as the operating system's English.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path, PurePosixPath

from tps_console.domain.errors import BadInput, Refused, TpsError

FILE_MODE = 0o600
FOLDER_MODE = 0o700
# Folders a removable drive is mounted in (Linux desktops, macOS): a missing folder right inside
# one of these is a drive that is not plugged in.
MOUNT_PARENTS = ("/media", "/media/*", "/run/media/*", "/mnt", "/Volumes")

_BY_ERRNO = {
    errno.ENOSPC: "output.disk_full",
    errno.EDQUOT: "output.disk_full",
    errno.EROFS: "output.read_only",
    errno.EACCES: "output.read_only",
    errno.EPERM: "output.read_only",
    errno.EISDIR: "output.is_folder",
    errno.ENOTDIR: "output.not_folder",
    errno.ENOENT: "output.no_drive",
    errno.EIO: "output.io",
}


def output_fault(exc: OSError, path: Path) -> TpsError:
    """What the machine refused when writing `path`, said for the officer (exit 4, or 2 when the
    name given is wrong)."""
    key = _BY_ERRNO.get(exc.errno or 0, "output.failed")
    kind = BadInput if key in ("output.is_folder", "output.not_folder") else Refused
    return kind(key, path=str(path), error=exc.strerror or type(exc).__name__)


def make_folder(folder: Path) -> Path:
    """`folder`, made (owner only) with its missing parents unless it would stand where a
    removable drive is mounted; raises the fault otherwise."""
    folder = folder.expanduser()
    if folder.is_dir():
        return folder
    if folder.exists():
        raise BadInput("output.not_folder", path=str(folder), error="")
    missing = folder
    while not missing.parent.exists() and missing.parent != missing:
        missing = missing.parent
    if _is_mount_parent(missing.parent) or not missing.parent.exists():
        raise Refused("output.no_drive", path=str(folder), error="")
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise output_fault(exc, folder) from exc
    return folder


def _is_mount_parent(folder: Path) -> bool:
    return any(PurePosixPath(folder.as_posix()).match(pattern) for pattern in MOUNT_PARENTS)


def new_private_file(path: Path) -> None:
    """Make `path` empty, readable by its owner only, before anything is written into it (a
    station file: SQLite gives its -wal and -shm the same mode); it must not exist yet."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


def write_whole(path: Path, data: bytes) -> Path:
    """`data` at `path`, whole or not at all, readable by its owner only; the folder is made."""
    if path.is_dir():
        raise BadInput("output.is_folder", path=str(path), error="")
    make_folder(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise output_fault(exc, path) from exc
    return path
