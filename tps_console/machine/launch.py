"""Starting this program again, as a second window: the witness panel beside the desk.

The command has to work where the first one was started: the executable's own path when frozen,
`uv run tps-console` from a source checkout (with `--project` when started from elsewhere), the
installed `tps-console` otherwise.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

# The station a panel started by this program opens, handed in its environment: a process's
# environment is readable by its own user only (/proc/PID/environ is 0400), its argv by all.
PANEL_STATION_ENV = "TPS_PANEL_STATION"
# Where the new window's environment is not ours to give (a tmux window gets the tmux server's,
# a terminal emulator may hand its tab its own), the station goes into a file for this user
# only in the data folder, named in this variable: the panel reads it once and removes it.
PANEL_STATION_FILE_ENV = "TPS_PANEL_STATION_FILE"
# A file no panel took (its window never started) is removed by the next hand-over after this.
HANDOVER_KEPT_S = 60
_HANDED = re.compile(r"panel-[0-9a-f]{16}")


def panel_environment(target: str | Path) -> dict[str, str]:
    """The environment for a `panel` started with no DB: this one's, plus the station."""
    where = target if isinstance(target, str) else str(Path(target).resolve())
    return {**os.environ, PANEL_STATION_ENV: where}


def hand_over(station: str | Path) -> Path:
    """A file for this user only that holds `station` (a path, or a URL with its password) for
    a panel to take: see `handed_station`."""
    folder = _handover_folder()
    now = time.time()
    for left in folder.glob("panel-*"):  # never taken: its window did not start
        with contextlib.suppress(OSError):
            if now - left.stat().st_mtime > HANDOVER_KEPT_S:
                left.unlink()
    path = folder / f"panel-{secrets.token_hex(8)}"
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(str(station))
    return path


def handed_station() -> str:
    """The station handed to this panel by the program that started it: in its environment
    (see panel_environment), or in a file named there (see hand_over), taken once."""
    from tps_console.domain.errors import BadInput

    where = os.environ.get(PANEL_STATION_ENV) or _take(os.environ.get(PANEL_STATION_FILE_ENV))
    if not where:
        raise BadInput("panel.no_station")
    return where


def _take(named: str | None) -> str | None:
    """The station in a hand-over file, which is removed: no copy of a password stays behind.
    Only a file named as `hand_over` names them is read (and removed), whatever the variable
    names."""
    if not named:
        return None
    path = Path(named)
    if path.parent.name != "handover" or not _HANDED.fullmatch(path.name):
        return None
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


def _handover_folder() -> Path:
    from tps_console.machine.paths import data_dir

    folder = data_dir() / "handover"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def own_command(*args: str) -> list[str]:
    """The argv that runs this program with `args`, here."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "tps_console", *args]


def shown_command(*args: str) -> str:
    """The same, as a person types it in a terminal where this one was started."""
    if getattr(sys, "frozen", False):
        words = [sys.executable, *args]
    elif os.environ.get("UV"):  # `uv run` from the source checkout
        project = Path(os.environ.get("VIRTUAL_ENV", ".")).parent
        elsewhere = Path.cwd().resolve() != project.resolve()
        words = ["uv", "run", *(["--project", str(project)] if elsewhere else []), "tps-console"]
        words += args
    elif shutil.which("tps-console"):
        words = ["tps-console", *args]
    else:
        words = [Path(sys.executable).name, "-m", "tps_console", *args]
    if sys.platform == "win32":
        return subprocess.list2cmdline(words)
    return shlex.join(words)


def open_window(argv: list[str], station: str | Path) -> bool:
    """Run `argv`, a panel given no station, in a window of its own where one can be had: a new
    console on Windows, a tmux window, or a terminal emulator on a Linux desktop; `station` is
    handed to it, never on its command line. False when there is no way to."""
    handed: Path | None = None
    try:
        if sys.platform == "win32":
            flags = getattr(subprocess, "CREATE_NEW_CONSOLE", 0)
            subprocess.Popen(argv, env=panel_environment(station), creationflags=flags)
            return True
        in_tmux = bool(os.environ.get("TMUX") and shutil.which("tmux"))
        terminal = shutil.which("x-terminal-emulator")
        desktop = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if not in_tmux and not (terminal and desktop):
            return False
        handed = hand_over(station)
        command = ["env", f"{PANEL_STATION_FILE_ENV}={handed}", *argv]
        if in_tmux:
            subprocess.run(["tmux", "new-window", shlex.join(command)], check=True, timeout=5)
        else:
            assert terminal is not None
            subprocess.Popen([terminal, "-e", *command], start_new_session=True)
        return True
    except (OSError, subprocess.SubprocessError):
        if handed is not None:
            with contextlib.suppress(OSError):
                handed.unlink()
        return False
