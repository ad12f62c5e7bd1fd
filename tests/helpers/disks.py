"""Real faults of a disk for the tests: a small tmpfs filled to the brim, or remounted read-only.
Root only (as CI runs); elsewhere the tests that need one are skipped, never faked."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def root_only(what: str) -> None:
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip(f"{what} needs root")


def fill(folder: Path) -> None:
    with (folder / "filler").open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass


def write_protect(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
