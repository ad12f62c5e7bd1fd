"""Error notes: what went wrong that nobody foresaw, kept for the rutan's IT officer.

An officer is told what happened in the day's words and where the note is; the note holds the
traceback. It is readable by the laptop's owner only, like everything else the program keeps
(the data folder is 0700), and holds no SQL parameters: the engines hide them (`db.py`), so a
failed check-in by NIK never puts the NIK into a note.
"""

from __future__ import annotations

import os
import time
import traceback
from pathlib import Path

from tps_console.domain.errors import Refused, TpsError
from tps_console.domain.store.faults import explain
from tps_console.domain.store.output import FILE_MODE, FOLDER_MODE


def notes_dir() -> Path:
    from tps_console.machine.paths import data_dir

    return data_dir() / "errors"


def write_note(exc: BaseException) -> str:
    """The note's path, or "-" when even the note cannot be written (a full disk)."""
    try:
        folder = notes_dir()
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        log = folder / f"error-{stamp}-{os.getpid()}.txt"
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("".join(traceback.format_exception(exc)))
        return str(log)
    except OSError:
        return "-"


def as_fault(exc: BaseException, path: str | Path | None) -> TpsError:
    """`exc` as what to tell the officer: a known fault of the disk, the file or the server in
    its own words, else "unexpected" with a note written for IT staff."""
    known = explain(exc, path)
    if known is not None:
        return known
    return Refused("fault.unexpected", error=type(exc).__name__, log=write_note(exc))
