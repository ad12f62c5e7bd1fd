"""The start-up probe: how long a full-screen app took to show its first frame, and its memory.

With `TPS_STARTUP_PROBE=FILE` in the environment, the desk (and the benchmark's hello-world app)
runs this as its Textual auto-pilot. Once the first screen has focus and has been painted (a
callback queued with `call_after_refresh` runs only after the compositor has drawn every dirty
widget), it appends `frame <unix time> <peak RSS bytes>` to FILE. On the desk it then waits for
the roll's search index to load, appends `ready <unix time> <peak RSS bytes>`, and exits.

Standard library only: the desk imports this module on every start.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

ENV = "TPS_STARTUP_PROBE"
# With this too, the modules loaded at the first frame are written to the file it names, one a
# line: what a start loads before it shows anything (tests/test_startup_imports.py). What a thread
# imported first is not counted: the desk's workers start once the first frame is painted, and
# may be importing the day's rules by the time the probe writes the list.
MODULES_ENV = "TPS_STARTUP_MODULES"
GIVE_UP_S = 300.0

AutoPilot = Callable[[Any], Coroutine[Any, Any, None]]


def startup_probe() -> AutoPilot | None:
    """The auto-pilot to pass to `App.run`, or None when no probe was asked for."""
    target = os.environ.get(ENV)
    if not target:
        return None
    path = Path(target)
    modules = os.environ.get(MODULES_ENV)
    off_main = _ImportsOffMain() if modules else None
    if off_main is not None:
        sys.meta_path.insert(0, off_main)

    async def probe(pilot: Any) -> None:
        app = pilot.app
        deadline = time.monotonic() + GIVE_UP_S
        while app.focused is None and time.monotonic() < deadline:
            await asyncio.sleep(0.001)
        painted = asyncio.Event()
        app.screen.call_after_refresh(painted.set)
        await painted.wait()
        _mark(path, "frame")
        if modules and off_main is not None:
            loaded = sorted(name for name in list(sys.modules) if name not in off_main.names)
            Path(modules).write_text("\n".join(loaded) + "\n", encoding="utf-8")
        # The desk loads the roll's index in a thread after its first frame.
        while getattr(app, "index", True) is None and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        _mark(path, "ready")
        app.exit()

    return probe


class _ImportsOffMain:
    """An import finder that finds nothing: it notes the modules a thread other than the main one
    imports first (a finder is asked only for a module not loaded yet), and leaves them to the
    others."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if threading.current_thread() is not threading.main_thread():
            self.names.add(name)


def _mark(path: Path, what: str) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write(f"{what} {time.time():.6f} {peak_rss_bytes()}\n")


def peak_rss_bytes() -> int:
    """This process's peak resident memory so far (0 where it cannot be read)."""
    if sys.platform == "win32":
        return _peak_working_set()
    status = Path("/proc/self/status")
    if status.exists():
        # Not getrusage: on Linux its maximum survives fork and exec, so a child started by a
        # big parent would report the parent's peak. VmHWM belongs to this program alone.
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS


def _peak_working_set() -> int:
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
    process = kernel32.GetCurrentProcess()
    if not kernel32.K32GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
        return 0
    return int(counters.PeakWorkingSetSize)
