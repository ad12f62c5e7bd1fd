"""Starting this program again, as a second window: the witness panel beside the desk.

The command has to work where the first one was started: the executable's own path when frozen,
`uv run tps-console` from a source checkout (with `--project` when started from elsewhere), the
installed `tps-console` otherwise.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

# The station a panel started by this program opens, handed in its environment: a process's
# environment is readable by its own user only (/proc/PID/environ is 0400), its argv by all.
PANEL_STATION_ENV = "TPS_PANEL_STATION"


def panel_environment(target: str | Path) -> dict[str, str]:
    """The environment for a `panel` started with no DB: this one's, plus the station."""
    where = target if isinstance(target, str) else str(Path(target).resolve())
    return {**os.environ, PANEL_STATION_ENV: where}


def handed_station() -> str | Path:
    """The station handed to this panel by the program that started it (see panel_environment)."""
    from tps_console.domain.errors import BadInput
    from tps_console.domain.record.db import is_url

    where = os.environ.get(PANEL_STATION_ENV)
    if not where:
        raise BadInput("panel.no_station")
    return where if is_url(where) else Path(where)


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


def open_window(argv: list[str]) -> bool:
    """Run `argv` in a window of its own, where one can be had: a new console on Windows, a tmux
    pane, or a terminal emulator on a Linux desktop. False when there is no way to."""
    try:
        if sys.platform == "win32":
            flags = getattr(subprocess, "CREATE_NEW_CONSOLE", 0)
            subprocess.Popen(argv, creationflags=flags)
            return True
        if os.environ.get("TMUX") and shutil.which("tmux"):
            subprocess.run(["tmux", "new-window", shlex.join(argv)], check=True, timeout=5)
            return True
        terminal = shutil.which("x-terminal-emulator")
        if terminal and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            subprocess.Popen([terminal, "-e", *argv], start_new_session=True)
            return True
    except (OSError, subprocess.SubprocessError):
        return False
    return False
