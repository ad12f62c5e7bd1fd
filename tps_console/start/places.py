"""Where a chair's files are: the documents folder and the removable drives (a USB stick from
the rutan or KPU). Plain Python, so tests give their own folders."""

from __future__ import annotations

import getpass
import os
import string
import sys
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_documents_path


@dataclass(frozen=True)
class Places:
    """The file browser's starting folder and the drives it offers beside it."""

    documents: Path
    drives: tuple[Path, ...]


def documents_folder() -> Path:
    folder = user_documents_path()
    return folder if folder.is_dir() else Path.home()


def removable_drives() -> tuple[Path, ...]:
    """USB sticks and the like as they are mounted now: drive letters on Windows, the mounts
    under /media/$USER and /run/media/$USER on Linux."""
    if sys.platform == "win32":
        # A: and B: are floppy drives and C: the system; asking about an empty card reader
        # is quick on Windows.
        letters = (Path(f"{letter}:\\") for letter in string.ascii_uppercase[3:])
        return tuple(p for p in letters if os.path.exists(p))
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        return ()
    found: list[Path] = []
    for root in (Path("/media") / user, Path("/run/media") / user):
        try:
            found.extend(sorted(p for p in root.iterdir() if p.is_dir()))
        except OSError:
            continue
    return tuple(found)


def machine_places() -> Places:
    return Places(documents_folder(), removable_drives())
