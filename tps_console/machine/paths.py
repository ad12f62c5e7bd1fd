"""Where data lives by default: the user's data folder, never beside the program (a one-file build
unpacks itself into a temporary folder that is deleted on exit)."""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from pathlib import Path
from typing import IO

from platformdirs import user_data_path

# The lock files of the demo stations this process uses: held open (and so locked) until it ends.
_HELD: list[IO[bytes]] = []
_RUNS = itertools.count(1)


def data_dir() -> Path:
    """The user's data folder, for that user only: it holds stations, demos and error notes."""
    folder = user_data_path("tps-console", appauthor=False)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform != "win32" and folder.stat().st_mode & 0o077:
        folder.chmod(0o700)  # made by an earlier version, readable by every user
    return folder


def fresh_demo_path() -> Path:
    """A demo station of its own for each plain `demo`, so every try starts at zero. The files
    of demos that have ended are removed; the one a running demo (and its panel) uses is not:
    each demo holds a lock on its file's `.lock` beside it for as long as it runs."""
    folder = data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("demo*.db"):
        if _claim(old):
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(f"{old}{suffix}").unlink(missing_ok=True)
            _release_last(old)
    path = folder / f"demo-{os.getpid()}-{next(_RUNS)}.db"  # unique among the demos running now
    if not _claim(path):  # cannot happen: the name is this process's own
        raise OSError(f"{path} is in use")
    return path


def _lock_file(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def _claim(db: Path) -> bool:
    """Lock `db`'s lock file for this process; False if another process holds it."""
    handle = open(_lock_file(db), "a+b")  # noqa: SIM115 - held open for the process's lifetime
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return False
    _HELD.append(handle)
    return True


def _release_last(db: Path) -> None:
    """Let go of a lock just claimed to remove an ended demo's files, and its lock file."""
    _HELD.pop().close()
    with contextlib.suppress(OSError):
        _lock_file(db).unlink()
